"""Protected names in the window (custodians only) and in the printed catalogue."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from memoria.domain.consent import Audience
from memoria.storage import authorities, protections
from memoria.storage import exhibits as store
from memoria.storage.archive import Archive
from memoria.ui import i18n
from memoria.ui.dialogs.protections_dialog import ProtectionsDialog
from memoria.ui.exhibits.print_catalogue import build_catalogue, write_pdf
from memoria.ui.session import Session
from memoria.ui.tasks import TaskRunner
from tests.unit import projection_support as ps


@pytest.fixture
def psession(archive, tmp_path, qtbot):
    ps.build(archive, tmp_path)
    path = archive.root
    archive.close()
    sess = Session(path, TaskRunner(synchronous=True))
    yield sess
    sess.close()


def _row(dialog: ProtectionsDialog, name: str) -> int:
    return next(r for r in range(dialog.table.rowCount())
                if dialog.table.item(r, 0).text() == name)


def test_the_dialog_lists_protections_and_confirms_variants(psession, qtbot):
    dialog = ProtectionsDialog(psession)
    qtbot.addWidget(dialog)
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert ps.REAL in names and ps.CHILD in names and ps.NICKNAME in names
    dialog.table.selectRow(_row(dialog, ps.REAL))
    shown = {dialog.variants.item(i).text(): dialog.variants.item(i).checkState()
             for i in range(dialog.variants.count())}
    assert shown["Rosita Quintero"] is Qt.CheckState.Checked
    assert shown["Rosa"] is Qt.CheckState.Unchecked  # a given name alone: only if ticked
    for i in range(dialog.variants.count()):
        if dialog.variants.item(i).text() == "Rosita":
            dialog.variants.item(i).setCheckState(Qt.CheckState.Checked)
    dialog.extra.setText("la Negra Quintero")
    dialog._add_variant()
    dialog.confirm.click()
    confirmed = {p.key: p for p in protections.all_protections(psession.reader)}
    rosa = next(p for p in confirmed.values() if p.name == ps.REAL)
    assert rosa.confirmed and "Rosita" in rosa.variants and "la Negra Quintero" in rosa.variants


def test_a_custodian_protects_a_term_and_a_person_from_the_dialog(psession, qtbot):
    dialog = ProtectionsDialog(psession)
    qtbot.addWidget(dialog)
    dialog.name.setText("Carrera 80 # 12")
    dialog.replacement.setText("[dirección]")
    dialog._protect_term()
    assert any(dialog.table.item(r, 0).text() == "Carrera 80 # 12"
               for r in range(dialog.table.rowCount()))
    authorities.add_person(psession.archive, "Gilberto Arango")
    dialog.name.setText("Gilberto Arango")
    dialog.replacement.setText("un testigo")
    dialog._protect_person()
    assert dialog.table.item(_row(dialog, "Gilberto Arango"), 1).text() == "un testigo"
    dialog.table.selectRow(_row(dialog, "Gilberto Arango"))
    assert dialog.remove.isEnabled()
    dialog.remove.click()
    assert all(dialog.table.item(r, 0).text() != "Gilberto Arango"
               for r in range(dialog.table.rowCount()))


def test_the_dialog_speaks_spanish(psession, qtbot, qapp):
    from PySide6.QtCore import QLocale

    previous = QLocale()
    i18n.install(qapp, "es")
    try:
        dialog = ProtectionsDialog(psession)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Nombres protegidos"
        assert dialog.confirm.text() == "Confirmar variantes"
    finally:
        i18n.uninstall(qapp)
        QLocale.setDefault(previous)  # i18n.install set Spanish: later tests expect English


def test_only_custodians_reach_it_from_the_tools_menu(psession, qtbot, settings):
    from memoria.ui.main_window import MainWindow

    window = MainWindow(psession, settings)
    qtbot.addWidget(window)
    assert window.protections_action.isEnabled()
    psession.set_audience(Audience.RESEARCHER)
    assert not window.protections_action.isEnabled()


def test_printed_catalogue_pdf_has_no_protected_name(archive, tmp_path, qtbot):
    sc = ps.build(archive, tmp_path)
    arch: Archive = sc.arch
    x = store.create_exhibit(arch, "barrio", "Los Quinteros del barrio",
                             intro="Con doña Rosita Quintero y Camilo Restrepo.")
    for key in ("t1", "t2", "p1"):
        store.add_entry(arch, x, sc.items[key], caption="La familia Quintero")
    catalogue = build_catalogue(arch, x, None, tmp_path / "cat")
    text = write_pdf(catalogue, tmp_path / "barrio.pdf")
    assert ps.leaks(text + catalogue.html) == []
    assert ps.PSEUDONYM in text
    assert ps.leaks((tmp_path / "barrio.pdf").read_bytes().decode("latin-1")) == []


def test_the_item_list_shows_titles_as_the_audience_receives_them(psession):
    from memoria.ui.models.item_table import ItemTableModel

    model = ItemTableModel(psession)
    model.reload()
    titles = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert "Testimonio de Rosa Elena Quintero" in titles  # the custodian's list
    psession.set_audience(Audience.RESEARCHER)
    model.reload()  # the same model: rows read for the custodian are dropped
    titles = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert f"Testimonio de {ps.PSEUDONYM}" in titles
    assert ps.leaks(" ".join(titles)) == []
