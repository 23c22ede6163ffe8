"""What leaves the archive from the desktop: the export dialog (with its report
of what was left out) and the printed catalogue (nothing withdrawn, no real
name behind a pseudonym), plus section housekeeping the editor relies on."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from memoria.exhibits.export import MANIFEST, ExportCancelled
from memoria.storage import exhibit_sections as sections
from memoria.storage import exhibits as store
from memoria.ui.exhibits.export_dialog import ExportDialog
from memoria.ui.exhibits.print_catalogue import build_catalogue, write_pdf
from tests.unit.test_exhibits_support import PSEUDONYM, REAL_NAME


def test_export_dialog_reports_what_was_left_out(msession, museum, tmp_path, qtbot):
    dialog = ExportDialog(msession, museum.exhibit_id, store.get_exhibit(
        msession.reader, museum.exhibit_id).scope)
    qtbot.addWidget(dialog)
    dest = tmp_path / "usb" / "voces"
    dialog.dest.setText(str(dest))
    dialog.kiosk.setChecked(True)
    dialog.idle.setValue(5)
    dialog.start()
    assert dialog.summary is not None, dialog.report.toPlainText()
    manifest = json.loads((dest / MANIFEST).read_text("utf-8"))
    assert manifest["kiosk"] is True and (dest / "kiosk.js").is_file()
    assert manifest["left_out_count"] == len(dialog.summary.left_out)
    report = dialog.report.toPlainText()
    for accession, _reason in dialog.summary.left_out:  # the curator is told which and why
        assert accession in report
    assert "explanation" not in (dest / MANIFEST).read_text("utf-8")  # the public is not
    assert len(dialog.summary.left_out) >= 10 and str(len(dialog.summary.left_out)) in report
    assert dialog.open_button.isVisible() or not dialog.isVisible()


def test_export_dialog_cancel_leaves_the_destination_alone(msession, museum, tmp_path, qtbot):
    dialog = ExportDialog(msession, museum.exhibit_id,
                          store.get_exhibit(msession.reader, museum.exhibit_id).scope)
    qtbot.addWidget(dialog)
    dest = tmp_path / "usb2"
    dialog.dest.setText(str(dest))
    # The synchronous runner finishes at once, so cancel through the operation's own check.
    from memoria.operations import exhibits as exhibit_ops

    with pytest.raises(ExportCancelled):
        exhibit_ops.export(msession.archive, msession.actor, museum.exhibit_id, dest,
                           scope=store.get_exhibit(msession.reader, museum.exhibit_id).scope,
                           cancelled=lambda: True)
    assert not dest.exists()


def test_catalogue_pdf_has_no_withdrawn_item_and_no_real_name(museum, tmp_path, qtbot):
    arch = museum.arch
    catalogue = build_catalogue(arch, museum.exhibit_id, None, tmp_path / "cat")
    pdf = tmp_path / "voces.pdf"
    text = write_pdf(catalogue, pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    for shown in (PSEUDONYM, "Foto granted", "Fotografías", "Comuna 13"):
        assert shown in text
    for absent in (REAL_NAME, "Foto withdrawn", "Retirado", "PARTE-RETIRADA", "NOTA-INTERNA"):
        assert absent not in text
    assert any(reason for _acc, reason in catalogue.left_out)
    assert "<img" in catalogue.html  # access copies of the photographs are in
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                             check=True).stdout
        assert PSEUDONYM in out and "Foto granted" in out
        assert REAL_NAME not in out and "Foto withdrawn" not in out


def test_sections_rename_move_remove_and_relocate(museum):
    arch, x = museum.arch, museum.exhibit_id
    fotos, relatos = [s.id for s in store.get_exhibit(arch, x).sections]
    sections.update_section(arch, fotos, title_es="Imágenes", title_en="Images")
    sections.move_section(arch, relatos, 0)
    exhibit = store.get_exhibit(arch, x)
    assert [s.title.es for s in exhibit.sections] == ["Relatos", "Imágenes"]
    entry = museum.entries["granted"]
    sections.relocate_entry(arch, entry, relatos, 1)
    exhibit = store.get_exhibit(arch, x)
    assert exhibit.sections[0].entries[1].id == entry
    assert entry not in [e.id for e in exhibit.sections[1].entries]
    assert [e.position for e in exhibit.sections[1].entries] == list(
        range(len(exhibit.sections[1].entries)))
    new = sections.retarget_entry(arch, museum.entries["pseudonym"], museum.segments["third"])
    moved = next(e for e in store.get_exhibit(arch, x).entries if e.id == new)
    assert moved.kind.value == "segment" and moved.caption.es.startswith("Testimonio")
    sections.remove_section(arch, fotos)
    assert [s.title.es for s in store.get_exhibit(arch, x).sections] == ["Relatos"]
    with pytest.raises(store.ExhibitError):
        sections.update_section(arch, relatos, title_es="  ")
