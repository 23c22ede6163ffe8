"""The main window: sidebar, item list or grid, detail pane (like Zotero or Tropy).

What the list shows is decided here in one place (`_allowed_ids`): the
audience's visible items (access.visible_item_ids; custodians see all),
narrowed by the sidebar's work queue and by the current search, while the
model asks the catalogue for kind and order. Menus live in views/menus.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QSplitter, QToolBar, QWidget

from memoria import access
from memoria.domain.consent import Audience
from memoria.domain.model import Kind
from memoria.operations import items as item_ops
from memoria.operations import trust as trust_ops
from memoria.ui.actions import ActionRegistry
from memoria.ui.exhibits.integration import ExhibitsController
from memoria.ui.help.help_window import install_help
from memoria.ui.lock.controller import LockController
from memoria.ui.media.photo_window import activate_photograph, install_photo_viewer
from memoria.ui.media.transcription_queue import TranscriptionQueue
from memoria.ui.models.item_table import ItemTableModel
from memoria.ui.session import Session
from memoria.ui.theme import ERROR, colour_style
from memoria.ui.tools import ToolsController
from memoria.ui.undo import UndoController
from memoria.ui.views.detail_pane import DetailPane
from memoria.ui.views.editor_bridge import EditorBridge
from memoria.ui.views.empty_archive import EmptyArchive
from memoria.ui.views.item_menus import ContextMenus
from memoria.ui.views.item_views import ItemViews
from memoria.ui.views.look import install_look
from memoria.ui.views.menus import build_menus
from memoria.ui.views.search import SearchController
from memoria.ui.views.search_ui import SearchUi
from memoria.ui.views.sidebar import ALL, QUEUES, RECALLS, TRASH, Sidebar, Source
from memoria.ui.views.thumbnails import ThumbnailProvider
from memoria.ui.views.trash_view import TrashController
from memoria.ui.widgets.audience import AudienceBanner, AudienceSelector
from memoria.ui.widgets.fit import cap_to_screen, fit_to_screen
from memoria.ui.widgets.task_progress import TaskProgress


def _part(controller: str, name: str) -> property:
    """A part a controller owns, under the name the window gave it before its
    controllers existed (other code and tests use these names)."""
    return property(lambda self: getattr(getattr(self, controller), name),
                    doc=f"The {controller} controller's {name}.")


class MainWindow(QMainWindow):
    """Declares its shape: its own widgets and menus, then one controller per concern,
    each owning its widgets and registering its actions in `self.actions`."""

    archiveRequested = Signal(object, bool)  # Path, create: handled by the app

    # -- parts owned by controllers ------------------------------------------------------
    search_feedback = _part("search_ui", "feedback")
    search_error = _part("search_ui", "error")
    search_error_action = _part("search_ui", "error_action")
    search_also = _part("search_ui", "also")
    search_also_action = _part("search_ui", "also_action")
    search_hits = _part("search_ui", "hits")
    facets = _part("search_ui", "facets")
    facet_dock = _part("search_ui", "facet_dock")
    search_empty = _part("search_ui", "empty")
    saved_searches = _part("search_ui", "saved")
    save_search_action = _part("search_ui", "save_action")
    search_as_you_type = _part("search_ui", "as_you_type")
    search_syntax = _part("search_ui", "syntax")
    search_syntax_button = _part("search_ui", "syntax_button")
    undo_stack = _part("undoer", "stack")
    verify_action = _part("tools", "verify_action")
    edition_action = _part("tools", "edition_action")
    protections_action = _part("tools", "protections_action")
    purge_actions = _part("tools", "purge_actions")
    fixity_reminder = _part("tools", "fixity_reminder")
    last_edition = _part("tools", "last_edition")
    audience_lock = _part("locks", "audience_lock")
    idle_lock = _part("locks", "idle_lock")
    archive_kind = _part("locks", "archive_kind")
    accounts_action = _part("locks", "accounts_action")
    accounts_dialog = _part("locks", "accounts_dialog")
    rotate_action = _part("locks", "rotate_action")
    rotate_dialog = _part("locks", "rotate_dialog")

    def __init__(self, session: Session, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings or QSettings()
        self.source: Source = ALL
        self._visible: set[int] = set()
        self._visible_for: tuple[object, Audience] | None = None
        self.setWindowTitle(self.tr("Memoria — {name}").format(name=session.path.name))
        self.setAcceptDrops(True)

        self.model = ItemTableModel(session, self)
        self.model.defer_load = True  # loaded once, by _audience_changed below
        self.model.background = True  # sorts and filters never block the window
        self._keep: int | None = None
        self._counts: tuple[int, int] = (0, 0)  # items in the archive, visible to the audience
        self._counts_for: tuple[object, Audience] | None = None
        self.thumbnails = ThumbnailProvider(session, self)
        self.sidebar = Sidebar(self)
        self.items = ItemViews(self.model, self.thumbnails, self)
        self.detail = DetailPane(session, self)
        self.editors = EditorBridge(session, self)
        self.search = SearchController(session, self)
        # Windows made on first use by their controllers (declared here, the window's shape):
        self.help_window: Any = None  # Help (ui/help/help_window.py show_help)
        self.photo_window: Any = None  # the large photo viewer (ui/media/photo_window.py)
        self.rotation_job: Any = None  # a key rotation's files (ui/lock/rotate_key.py)
        self.title_column: Any = None  # the list's title width (ui/views/look.py)
        # The status bar's notice of a damaged catalogue (lost commits, changed pages).
        self.damage_notice: QLabel | None = None

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for pane in (self.sidebar, self.items, self.detail):
            self.splitter.addWidget(pane)
            self.splitter.setCollapsible(self.splitter.indexOf(pane), False)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([255, 750, 360])
        self.setCentralWidget(self.splitter)

        self._build_toolbar()
        self._build_status_bar()
        self.actions = ActionRegistry(self)  # every action, by ActionId (ui/actions.py)
        self.custodian_actions = self.actions.custodian  # follow the audience and the locks
        self.safe_actions = self.actions.safe  # harmless under a visitor's lock
        build_menus(self)
        self.undoer = UndoController(self)  # window.undo_stack; Edit > Undo / Redo
        self.exhibits = ExhibitsController(self)  # sidebar group + editor in the right pane
        # Edit > Transcribe: the selection's recordings, one after another (status bar).
        self.transcription = TranscriptionQueue(self)
        self.context_menus = ContextMenus(self)  # rows, tiles, sidebar entries (ui/context_menus.py)
        self.tools = ToolsController(self)  # Tools menu (before Help), fixity reminder
        self.search_ui = SearchUi(self, self.search)  # moments, facets, saved searches; the index
        install_photo_viewer(self)  # View > View photograph: the large viewer (Space)
        install_help(self)  # Help: guide (F1), shortcuts, search syntax, About last
        self.empty_archive = EmptyArchive(self)  # no items yet: import, create, or the demo
        # After every menu (the visitor's lock covers them all): the idle lock, the archive's
        # kind, File > Accounts... and File > Rotate the archive key...
        self.locks = LockController(self)
        self.trash = TrashController(self)  # Delete, the sidebar's Trash, restore, empty
        install_look(self)  # icons on menus, toolbar and sidebar (after every action)
        # Search field -> results -> detail, then the sidebar (issue 15: Tab from the
        # search went to the sidebar, away from what was just found).
        self.setTabOrder(self.search_field, self.items.table)
        self.setTabOrder(self.items.table, self.items.grid)
        self.setTabOrder(self.items.grid, self.detail.edit_button)
        self.setTabOrder(self.detail.edit_button, self.sidebar)

        self.sidebar.sourceChanged.connect(self.set_source)
        self.sidebar.recallsRequested.connect(self.show_recalls)
        # One item: its detail; several: their summary (ItemViews keeps both in step).
        self.items.currentItemChanged.connect(lambda _id: self.show_selection())
        self.items.selectionChanged.connect(lambda _ids: self.show_selection())
        self.detail.selection_actions = self._selection_actions
        self.model.loaded.connect(self._list_loaded)
        self.items.activated.connect(self._activated)
        self.detail.editRequested.connect(self.editors.edit_item)
        self.detail.consentRequested.connect(self.editors.edit_consent)
        self.editors.saved.connect(self._saved)
        self.search.resultsReady.connect(self._search_results)
        session.audienceChanged.connect(self._audience_changed)
        session.catalogueChanged.connect(self._catalogue_changed)
        session.writeFailed.connect(lambda msg: self.statusBar().showMessage(msg, 10000))
        session.sealChecked.connect(self._say_catalogue_damage)

        self.restore_state()
        self._audience_changed(session.audience)
        self._say_catalogue_damage()
        if session.edition is not None:
            self._lock_to_edition()

    # -- building ------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.toolbar = bar
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("searchField")
        self.search_field.setPlaceholderText(self.tr("Search titles, descriptions, transcripts…"))
        self.search_field.setAccessibleName(self.tr("Search"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumWidth(280)
        self.search_field.returnPressed.connect(self.run_search)
        self.search_field.textChanged.connect(self._search_text_changed)
        bar.addWidget(self.search_field)
        bar.addSeparator()
        self.grid_action = bar.addAction(self.tr("Grid"))
        self.grid_action.setCheckable(True)
        self.grid_action.setToolTip(self.tr("Show items as a grid of pictures (Ctrl+2)"))
        self.grid_action.toggled.connect(self.set_grid)
        bar.addSeparator()
        view_as = QLabel(self.tr("View as:"), self)
        self.audience_selector = AudienceSelector(self)
        view_as.setBuddy(self.audience_selector)
        self.audience_selector.audienceChosen.connect(self.session.set_audience)
        self.view_as_actions = [bar.addWidget(view_as), bar.addWidget(self.audience_selector)]
        spacer = QWidget(self)
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy())
        bar.addWidget(spacer)
        self.banner = AudienceBanner(self)
        bar.addWidget(self.banner)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Item counts"))
        self.status_audience = QLabel(self)
        self.progress = TaskProgress(self.session.runner, self)
        self.selection_label = QLabel(self)
        self.selection_label.setObjectName("selectionCount")
        status.addWidget(self.count_label)
        status.addWidget(self.selection_label)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.status_audience)

    def _lock_to_edition(self) -> None:
        """A reading-room edition: its audience only, nothing to edit, its name and date
        in the title and the status bar."""
        edition = self.session.edition
        assert edition is not None
        for action in self.view_as_actions + list(self.audience_actions.values()):
            action.setVisible(False)
            action.setEnabled(False)
        for action in self.custodian_actions:
            action.setVisible(False)
        self.sidebar.set_exhibits_visible(False)
        self.sidebar.set_trash_visible(False)
        if edition.audience is Audience.PUBLIC:
            text = self.tr("Reading-room edition for the public, {date} (read-only)")
        else:
            text = self.tr("Reading-room edition for researchers, {date} (read-only)")
        self.edition_text = text.format(date=edition.as_of)
        self.setWindowTitle(self.tr("Memoria — {name}").format(name=self.edition_text))
        self.edition_label = QLabel(self.edition_text, self)
        self.edition_label.setObjectName("editionLabel")
        self.statusBar().addPermanentWidget(self.edition_label)

    # -- what the list shows ------------------------------------------------------------
    def _visible_ids(self) -> set[int] | None:
        """The audience's visible ids (None for custodians: everything), computed once
        per consent snapshot and audience, since list and counts both need it."""
        if self.session.audience is Audience.CUSTODIAN:
            return None
        snapshot = self.session.snapshot()
        if self._visible_for != (snapshot, self.session.audience):
            self._visible = access.visible_item_ids(
                self.session.reader, self.session.audience, snapshot=snapshot)
            # Holding the snapshot itself (not its id) so a new one is never mistaken for it.
            self._visible_for = (snapshot, self.session.audience)
        return self._visible

    def _allowed_ids(self) -> set[int] | None:
        """Audience ∩ work queue ∩ search; None means "everything" (custodian, no filter).
        The trash view lists the trashed items (the model asks for them)."""
        if self.source == TRASH:
            return None
        snapshot = self.session.snapshot()
        visible = self._visible_ids()
        allowed: set[int] | None = None if visible is None else set(visible)
        if self.source.what == "queue" and self.source.queue:
            queue = snapshot.summary.ids_with_status({access.QUEUE_STATUS[self.source.queue]})
            allowed = queue if allowed is None else allowed & queue
        if self.search.results is not None:
            found = set(self.search.results)
            allowed = found if allowed is None else allowed & found
        return allowed

    def reload(self) -> None:
        """Recompute the list, keeping the selected item when it is still shown."""
        self._keep = self.items.current_item()
        self.model.kind = self.source.kind if self.source.what == "kind" else None
        self.model.trash = self.detail.trash_view = self.source == TRASH
        self.model.allowed = self._allowed_ids()
        self.model.reload()
        if not self.model.loading:
            self._list_loaded()

    def _list_loaded(self) -> None:
        """After the list's ids land (at once, or from the reader thread). The
        selection was carried over by ItemViews (the items still listed)."""
        if self.items.current_item() is None and not self.items.select_item(self._keep):
            self.show_selection()
        self.update_counts()
        self.session.check_seal()  # once per opening, now that the window is up

    # -- selection ------------------------------------------------------------------------
    def selected_item_ids(self) -> list[int]:
        """The selected items in list order; the current item alone when nothing
        else is selected; [] for none."""
        return self.items.selected_ids()

    def show_selection(self) -> None:
        """The detail pane and the status bar follow the selection: one item is
        shown, several are summarised."""
        ids = self.items.selected_ids()
        if len(ids) > 1:
            shown = self.detail.selection
            if len(ids) == len(shown) and set(ids) == set(shown):
                shown[:] = ids  # the same items in a new order: the summary stands
            else:
                self.detail.show_selection(ids)
            self.selection_label.setText("· " + self.tr("%n selected", "", len(ids)))
        else:
            item_id = ids[0] if ids else None
            if item_id != self.detail.item_id or self.detail.selection:
                self.detail.show_item(item_id)
            self.selection_label.clear()

    def _selection_actions(self) -> list:
        """The actions offered under a selection's summary, those registered."""
        from memoria.ui.actions import ActionId

        if self.source == TRASH:  # trashed items are restored before anything else
            wanted: tuple[ActionId, ...] = (ActionId.RESTORE_FROM_TRASH,)
        else:
            wanted = (ActionId.BATCH_EDIT, ActionId.BATCH_CONSENT, ActionId.ADD_TO_EXHIBIT,
                      ActionId.TRANSCRIBE, ActionId.MOVE_TO_TRASH)
        return [self.actions[a] for a in wanted if a in self.actions]

    def set_source(self, source: Source) -> None:
        self.source = source
        self.trash.show_view(source == TRASH)
        self.reload()

    def update_counts(self) -> None:
        """Sidebar and status-bar counts, counted in SQL over the consent summary
        (a Python pass over 100,000 ids here cost a visible pause per change)."""
        reader, snapshot = self.session.reader, self.session.snapshot()
        # Counts change with the catalogue or the audience, not with a sort or a
        # sidebar click: recounted once per consent snapshot and audience.
        if self._counts_for != (snapshot, self.session.audience):
            by_kind = item_ops.count_by_kind(reader)
            total = sum(by_kind.values())
            if self.session.audience is not Audience.CUSTODIAN:
                by_kind = snapshot.summary.visible_counts(self.session.audience)
            counts: dict[Source, int] = {ALL: sum(by_kind.values())}
            for kind in Kind:
                counts[Source("kind", kind=kind)] = by_kind.get(kind.value, 0)
            if self.session.audience is Audience.CUSTODIAN:
                queues = access.queue_counts(reader, snapshot=snapshot)
                for queue in QUEUES:
                    counts[Source("queue", queue=queue)] = queues[queue]
                counts[RECALLS] = len({r.copy.id for r in trust_ops.pending_recalls(reader)})
                counts[TRASH] = self.trash.count()
            self.sidebar.set_counts(counts)
            self._counts = (total, counts[ALL])
            self._counts_for = (snapshot, self.session.audience)
        total, visible_total = self._counts
        # Plural forms per number ("1 mostrado", "2 mostrados"): %Ln is the localised n.
        shown = self.tr("%Ln shown", "", self.model.rowCount())
        items = self.tr("%Ln item(s)", "", total)
        if self.session.audience is Audience.CUSTODIAN:
            text = self.tr("{shown} · {items} in the archive").format(shown=shown, items=items)
        elif self.session.locked_to is not None:
            text = shown  # a visitor is not told how much more the archive holds
        else:
            text = self.tr("{shown} · {visible} of {items}").format(
                shown=shown, visible=self.tr("%Ln visible", "", visible_total), items=items)
        self.count_label.setText(text)

    # -- search ---------------------------------------------------------------------------
    def show_help(self, topic: str = "index") -> None:
        """Open (or raise) the Help window at `topic` (the guide's pages, shortcuts, search)."""
        from memoria.ui.help.help_window import show_help

        show_help(self, topic)

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def run_search(self) -> None:
        text = self.search_field.text().strip()
        if text:
            self.search.start(text)
        else:
            self.clear_search()

    def clear_search(self) -> None:
        self.search.clear()
        if self.search_field.text():
            self.search_field.clear()
        self.reload()

    def _search_text_changed(self, text: str) -> None:
        if not text and self.search.results is not None:
            self.clear_search()

    def _search_results(self, _ids: list[int]) -> None:
        self.reload()

    # -- reactions ------------------------------------------------------------------------
    def _say_catalogue_damage(self) -> None:
        """Pages changed outside Memoria or lost commits, found at open: said, and kept said."""
        reader = self.session.reader
        if reader.seal_problems:
            text = self.tr("The catalogue has been changed outside Memoria ({n} damaged "
                           "pages). Run Tools > Verify the archive and, if it confirms the damage, "
                           "restore the archive from a backup.").format(
                               n=len(reader.seal_problems))
        elif reader.held:
            text = self.tr("The catalogue lost changes that had been saved: researcher and "
                           "public views stay closed until a custodian has checked the "
                           "consents and acknowledged it (memoria acknowledge-loss).")
        else:
            return
        if self.damage_notice is not None:  # said at open, then again by the page check
            self.damage_notice.setText(text)
            return
        self.damage_notice = QLabel(text, self)
        self.damage_notice.setObjectName("catalogueDamage")
        self.damage_notice.setWordWrap(True)
        self.damage_notice.setStyleSheet(colour_style(ERROR, bold=True))
        self.statusBar().addPermanentWidget(self.damage_notice, 1)

    def _audience_changed(self, audience: Audience) -> None:
        self.audience_selector.set_audience(audience)
        self.banner.set_audience(audience)
        self.status_audience.setText(self.banner.text())
        self.sidebar.set_queues_visible(audience is Audience.CUSTODIAN)
        self.sidebar.set_trash_visible(audience is Audience.CUSTODIAN
                                       and self.session.edition is None)
        self.source = self.sidebar.current_source()
        self.trash.show_view(self.source == TRASH)
        if self.search.results is not None and self.search.text:
            self.search.start(self.search.text)  # the same words, for the new audience
        else:
            self.reload()
        self.detail.refresh()
        for action in self.custodian_actions:
            action.setEnabled(audience is Audience.CUSTODIAN)

    def _catalogue_changed(self, changed: object) -> None:
        ids = set(changed) if isinstance(changed, (set, frozenset, list, tuple)) else set()
        keep = self._keep = self.items.current_item()
        self.model.allowed = self._allowed_ids()
        self.model.refresh(ids)
        if keep is not None and self.items.current_item() != keep:
            self.items.select_item(keep)
        shown = {self.detail.item_id} if self.detail.item_id is not None else set(
            self.detail.selection)
        if shown and (not ids or shown & ids):
            self.detail.refresh()
        if self.items.current_item() is None:
            self.detail.show_item(None)
        self.update_counts()

    def show_recalls(self) -> None:
        """The register's queue of copies to recall (custodians only)."""
        from memoria.ui.dialogs.recall_dialog import RecallDialog

        if self.session.audience is not Audience.CUSTODIAN:
            return
        self.recall_dialog: object = RecallDialog(self.session, self)
        self.recall_dialog.show()

    def open_item_at(self, item_id: int, ms: int) -> None:
        """Select `item_id` (when the list shows it), show it and seek its recording to `ms`:
        the way in for a search hit inside a transcript."""
        self.items.select_item(item_id)
        self.detail.open_item_at(item_id, ms)

    def _saved(self, item_id: int) -> None:
        self.items.select_item(item_id)

    def _activated(self, item_id: int) -> None:
        if activate_photograph(self, item_id):
            return  # a photograph opens in the large viewer; Ctrl+E edits it
        if (self.session.audience is Audience.CUSTODIAN and self.session.edition is None
                and self.source != TRASH):  # a trashed item is restored before it is edited
            self.editors.edit_item(item_id)

    def set_grid(self, grid: bool) -> None:
        self.items.set_grid(grid)
        if self.grid_action.isChecked() != grid:
            self.grid_action.setChecked(grid)

    # -- drag and drop -------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.session.edition is None and self.session.audience is Audience.CUSTODIAN:
            event.acceptProposedAction()
            self.editors.import_files(paths)

    # -- state ------------------------------------------------------------------------------
    def restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:  # first run: the whole available screen, up to a comfortable size
            fit_to_screen(self, 1400, 900)
        cap_to_screen(self)  # a tall pane (an exhibit entry) never pushes it past the edge
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = self.settings.value("window/listHeader")
        if header is not None:
            self.items.table.horizontalHeader().restoreState(header)
        self.set_grid(str(self.settings.value("window/grid", "false")).lower() == "true")

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/listHeader",
                               self.items.table.horizontalHeader().saveState())
        self.settings.setValue("window/grid", self.items.is_grid())

    def closeEvent(self, event: QCloseEvent) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self.editors.has_unsaved_changes():
            answer = QMessageBox.question(
                self, self.tr("Unsaved changes"),
                self.tr("An editor has changes that are not saved. Close anyway?"))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.save_state()
        super().closeEvent(event)
