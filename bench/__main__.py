"""`python -m bench`: list the benchmarks; each runs as `python -m bench.<name>`.

Benchmarks append their own line here (append only: several people add theirs).
"""

from __future__ import annotations

BENCHMARKS: list[tuple[str, str]] = [
    ("import_bench", "media import: 12 MP JPEGs per second and the GUI's longest stall"),
    ("search_bench", "full-text search vs SQLite FTS5: build, latency, snippets, facets, save"),
    ("scale_bench", "100,000 items: cold start, list, scroll, sort, filter, search, detail, RSS"),
    ("asr_bench", "transcription: real-time factor, peak memory, GUI stall, word error rate"),
]


def main() -> int:
    print("Benchmarks (run one with: python -m bench.<name> --help):")
    for name, what in BENCHMARKS:
        print(f"  {name:16s} {what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
