"""The shape of the code: no import cycles, no Qt or storage where they do not belong,
no module past 600 lines without a reason written at its top."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "memoria"
LIMIT = 600


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path, known: dict[str, Path], typing: bool = False) -> set[str]:
    """Modules of ours that `name` imports when it runs, wherever the import
    statement is (lazy imports inside functions count; `if TYPE_CHECKING:` does not,
    unless `typing`)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if (not typing and isinstance(child, ast.If)
                    and "TYPE_CHECKING" in ast.unparse(child.test)):
                continue
            if isinstance(child, ast.Import):
                out.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    up = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*up, base] if base else up)
                for alias in child.names:
                    full = f"{base}.{alias.name}"
                    out.add(full if full in known else base)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {m for m in out if m in known and m != name}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_module_imports_another_in_a_cycle():
    known = _modules()
    graph = {name: _imports(name, path, known) for name, path in known.items()}
    assert _cycles(graph) == []


def test_no_window_module_names_another_in_a_cycle_even_for_types():
    """Under ui/, imports made for type hints only count too: a controller that names
    the window's class (main_window imports the controller) is a cycle; controllers
    name ui/window_api.WindowApi instead."""
    known = _modules()
    window = {name: path for name, path in known.items() if name.startswith("memoria.ui")}
    graph = {name: {m for m in _imports(name, path, known, typing=True) if m in window}
             for name, path in window.items()}
    assert _cycles(graph) == []


def test_no_module_names_another_in_a_cycle_even_for_types():
    """Everywhere, type hints included. In storage/, archive.py calls the summary,
    seal, purge and trash modules; they type the archive they get back as
    `storage.handle.ArchiveHandle`, not `Archive`."""
    known = _modules()
    graph = {name: _imports(name, path, known, typing=True) for name, path in known.items()}
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_window_reaches_the_archive_only_through_the_core():
    """Widgets call operations; only memoria/storage/ speaks SQL to the catalogue."""
    known = _modules()
    offenders = sorted(
        f"{name} imports {target}"
        for name, path in known.items() if name.startswith("memoria.ui")
        for target in _imports(name, path, known) if target.startswith("memoria.storage")
    )
    assert offenders == []


def test_long_modules_say_why_at_the_top():
    unexplained = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > LIMIT and "600 lines" not in text[:2000]:
            unexplained.append(str(path.relative_to(ROOT)))
    assert unexplained == []


def test_sql_is_spoken_only_under_storage():
    """execute/executemany appear only in memoria/storage/ (one layer to port to a server)."""
    speaking = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if (PACKAGE / "storage") in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("execute", "executemany", "executescript")):
                speaking.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert speaking == []


#: The writers behind the operations: the command line reaches them only through
#: memoria/operations/ (role check, audit under the actor, the Changes it made).
_WRITERS = {
    "memoria.storage.items": {"create_item", "update_item", "attach_media", "save_segments"},
    "memoria.storage.consents": {"record_consent", "change_status", "withdraw",
                                 "review_embargo"},
    "memoria.storage.copies": {"record_copy", "mark_recalled"},
    "memoria.storage.protections": {"protect_person", "protect_term", "confirm_variants",
                                    "unprotect"},
    "memoria.storage.saved_searches": {"save", "delete"},
    "memoria.importing.importer": {"import_paths"},
    "memoria.media.transcript_io": {"import_transcript"},
    "memoria.trust.backup": {"backup_archive"},
    "memoria.trust.bag": {"import_bag", "export_bag"},
    "memoria.trust.bag_seal": {"import_sealed", "export_sealed"},
    "memoria.trust.edition": {"write_edition"},
    "memoria.trust.fixity": {"verify_archive"},
    "memoria.storage.seal": {"acknowledge_loss"},
    "memoria.media.derive": {"rebuild_derived"},
    "memoria.trust.encrypt": {"encrypt_archive"},
    "memoria.storage.rotation": {"rotate", "begin", "finish"},
}


def _cli_modules() -> list[Path]:
    return sorted({*PACKAGE.glob("*cli*.py"), *PACKAGE.glob("*/cli*.py"),
                   *PACKAGE.glob("*/*_cli.py")})


def test_the_command_line_writes_only_through_operations():
    """`memoria verify`, `backup`, `import-bag`, `transcript import`, `protect`,
    `encrypt`, `rotate-key`... call
    memoria/operations/, never a storage or trust writer directly."""
    reaching = []
    for path in _cli_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases: dict[str, str] = {}  # local name -> module
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    if full in _WRITERS:  # `from memoria.storage import copies as store`
                        aliases[alias.asname or alias.name] = full
                    elif alias.name in _WRITERS.get(node.module, ()):
                        reaching.append(f"{path.relative_to(ROOT)} imports {full}")
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in _WRITERS:
                        aliases[alias.asname or alias.name] = alias.name
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in aliases
                    and node.attr in _WRITERS[aliases[node.value.id]]):
                reaching.append(f"{path.relative_to(ROOT)}:{node.lineno} "
                                f"{aliases[node.value.id]}.{node.attr}")
    assert _cli_modules()
    assert reaching == []
