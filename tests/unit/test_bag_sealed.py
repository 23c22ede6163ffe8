"""Field bags encrypted to the main archive's key (issue 13): a lost stick yields nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest

from memoria.cli import main
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.trust import bag_seal
from memoria.trust.sealed import SealError
from tests.unit.test_trust_bag import _field_laptop


def _main_archive(tmp_path, name="main"):
    arch = Archive.create(tmp_path / name)
    arch.today_override = date(2026, 6, 1)
    return arch


def _all_bytes(folder):
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_sealed_bag_round_trip_and_receipt(tmp_path):
    field, testimony, _photo, _form = _field_laptop(tmp_path)
    main_arch = _main_archive(tmp_path)
    recipient = bag_seal.bag_recipient(main_arch)
    assert recipient.startswith("age1")
    assert bag_seal.bag_recipient(main_arch) == recipient  # made once, then the same
    stick = tmp_path / "usb" / "lote"
    out = bag_seal.export_sealed(field, item_store.list_item_ids(field), stick, recipient)
    assert len(out.report.exported) == 2
    assert sorted(p.name for p in stick.iterdir()) == [bag_seal.SEALED, bag_seal.LABEL]
    # Nothing of the testimony is readable on the stick: names, titles, audio, consent.
    on_stick = _all_bytes(stick)
    wav = next(p for p in field.root.rglob("*.wav")).read_bytes()
    for canary in (b"Ana Restrepo", b"Memorias de <la> Comuna", b"Ori\xc3\xb3n",
                   b"Llegamos en 1998", wav[200:264], b"bagit.txt", b"consent"):
        assert canary not in on_stick
    # Nothing of the bag stays in the field laptop's tmp/ either.
    assert not any(p.is_file() for p in (field.root / "tmp" / "bags").rglob("*"))

    report, receipt = bag_seal.import_sealed(main_arch, stick)
    assert len(report.exported) == 2, report.skipped
    acc = item_store.get_item(field, testimony).accession
    new_id = item_store.resolve_item(main_arch, acc)
    assert item_store.get_item(main_arch, new_id).title == "Memorias de <la> Comuna & el río"
    assert receipt.is_file() and receipt.stat().st_mode & 0o077 == 0

    check = bag_seal.read_receipt(field, stick)
    assert sorted(a for _i, a in check.confirmed) == sorted(
        item_store.get_item(field, i).accession for i in item_store.list_item_ids(field))
    assert check.not_imported == []


def test_forged_receipt_releases_nothing(tmp_path):
    field, _t, _p, _f = _field_laptop(tmp_path)
    main_arch = _main_archive(tmp_path)
    stick = tmp_path / "stick"
    bag_seal.export_sealed(field, item_store.list_item_ids(field), stick,
                           bag_seal.bag_recipient(main_arch))
    label = json.loads((stick / bag_seal.LABEL).read_text())
    (stick / bag_seal.RECEIPT).write_text(json.dumps({
        "bag_id": label["bag_id"], "token": "0" * 64, "confirmed": ["T-2026-0001"]}))
    with pytest.raises(SealError, match="does not prove"):
        bag_seal.read_receipt(field, stick)


def test_wrong_recipient_is_refused_clearly(tmp_path, capsys):
    field, _t, _p, _f = _field_laptop(tmp_path)
    intended = _main_archive(tmp_path, "main")
    other = _main_archive(tmp_path, "other")
    bag_seal.bag_recipient(other)
    stick = tmp_path / "stick"
    bag_seal.export_sealed(field, item_store.list_item_ids(field), stick,
                           bag_seal.bag_recipient(intended))
    before = item_store.list_item_ids(other)
    with pytest.raises(SealError) as caught:
        bag_seal.import_sealed(other, stick)
    assert "otro archivo" in caught.value.sentence("es")
    assert "another archive" in caught.value.sentence("en")
    assert item_store.list_item_ids(other) == before
    # Without the label, age itself refuses: still one sentence, nothing imported.
    (stick / bag_seal.LABEL).unlink()
    with pytest.raises(SealError, match="another key"):
        bag_seal.import_sealed(other, stick)
    assert item_store.list_item_ids(other) == before
    other.close()
    code = main(["--archive", str(other.root), "--lang", "en", "import-bag", str(stick)])
    err = capsys.readouterr().err
    assert code == 1 and "another key" in err and "Traceback" not in err


def test_cli_bag_key_export_import_receipt(tmp_path, capsys):
    field, _t, _p, _f = _field_laptop(tmp_path)
    field.close()
    main_arch = _main_archive(tmp_path)
    main_arch.close()
    key_file = tmp_path / "llave-principal.txt"
    assert main(["--archive", str(main_arch.root), "bag-key", "--write", str(key_file)]) == 0
    recipient = capsys.readouterr().out.strip()
    assert recipient in key_file.read_text()
    stick = tmp_path / "stick"
    assert main(["--archive", str(field.root), "export-bag", "--all", str(stick),
                 "--to-recipient", str(key_file)]) == 0
    assert "cifrada" in capsys.readouterr().out
    assert main(["--archive", str(main_arch.root), "import-bag", str(stick)]) == 0
    assert "recibo" in capsys.readouterr().out
    assert main(["--archive", str(field.root), "--lang", "en", "bag-receipt", str(stick)]) == 0
    assert "confirmed 2 items" in capsys.readouterr().out
    code = main(["--archive", str(field.root), "export-bag", "--all", str(tmp_path / "x"),
                 "--to-recipient", "age1notakey"])
    err = capsys.readouterr().err
    assert code == 1 and "destinatario age" in err and "Traceback" not in err


def test_receipt_drop_requests_the_purge_of_the_confirmed_items(tmp_path, capsys):
    from memoria.domain.consent import Audience
    from memoria.operations import Actor
    from memoria.operations import purge as purge_ops

    field, _t, _p, _f = _field_laptop(tmp_path)
    main_arch = _main_archive(tmp_path)
    stick = tmp_path / "stick"
    bag_seal.export_sealed(field, item_store.list_item_ids(field), stick,
                           bag_seal.bag_recipient(main_arch))
    bag_seal.import_sealed(main_arch, stick)
    field.close()
    assert main(["--archive", str(field.root), "--lang", "en", "bag-receipt", str(stick),
                 "--drop"]) == 0
    assert "purge request" in capsys.readouterr().out
    with Archive.open(field.root) as again:
        pending = purge_ops.pending(again, Actor("ana", Audience.CUSTODIAN, "en"))
        assert len(pending) == 1
        assert len(item_store.list_item_ids(again)) == 2  # nothing removed before the wait


def test_an_unencrypted_custodian_bag_is_said_so(tmp_path, capsys):
    field, _t, _p, _f = _field_laptop(tmp_path)
    field.close()
    assert main(["--archive", str(field.root), "--lang", "en", "export-bag", "--all",
                 str(tmp_path / "plain-bag")]) == 0
    assert "custodian material" in capsys.readouterr().out
    assert main(["--archive", str(field.root), "--lang", "en", "export-bag", "--all",
                 str(tmp_path / "public-bag"), "--as", "public"]) in (0, 1)
    assert "custodian material" not in capsys.readouterr().out


def test_an_encrypted_archive_assembles_its_bags_in_memory_never_on_the_disk(tmp_path,
                                                                               monkeypatch):
    """The bag's plaintext (names, consent, originals) lives only in memory while it is
    sealed: a field laptop killed mid-export leaves nothing readable in its archive."""
    from memoria.crypto.keys import KdfCost

    arch = Archive.create(tmp_path / "campo", encrypt=True, account="ana",
                          passphrase="frase de prueba 2026", kdf=KdfCost.FOR_TESTS)
    work = bag_seal._work_dir(arch)
    assert work.parent == bag_seal.MEMORY_DIR and (work.stat().st_mode & 0o777) == 0o700
    assert not (arch.root / "tmp" / "bags").exists()
    work.rmdir()
    plain = _main_archive(tmp_path, "plano")
    assert bag_seal._work_dir(plain).is_relative_to(plain.root / "tmp")
    # Nowhere in memory: refused in one sentence, nothing written.
    monkeypatch.setattr(bag_seal, "MEMORY_DIR", tmp_path / "sin-memoria")
    with pytest.raises(SealError) as refused:
        bag_seal._work_dir(arch)
    assert "/dev/shm" in refused.value.sentence("es")
    arch.close()
    plain.close()
