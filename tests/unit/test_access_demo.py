"""The demo archive covers every consent state, and the gate applies them."""

from __future__ import annotations

import json
from datetime import date

import pytest

from memoria.access import ConsentSnapshot, NotVisible, queue_item_ids
from memoria.demo import build_demo
from memoria.domain.consent import Audience
from memoria.jsonview import item_dict
from memoria.projection import project as view_item
from memoria.storage import items as item_store
from memoria.storage.archive import Archive


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "archivo"
    build_demo(path)
    arch = Archive.open(path, writable=False)
    arch.today_override = date(2026, 11, 22)
    yield arch
    arch.close()


def _by_title(archive, start):
    for item_id in item_store.list_item_ids(archive):
        if item_store.get_item(archive, item_id).title.startswith(start):
            return item_id
    raise AssertionError(start)


def test_demo_covers_every_consent_state(demo):
    snapshot = ConsentSnapshot(demo)
    states = {snapshot.status(i) for i in item_store.list_item_ids(demo)}
    assert states >= {"none", "pending", "granted", "restricted", "withdrawn", "embargoed",
                      "review"}
    assert demo.conn.execute("SELECT COUNT(*) FROM segments").fetchone()[0] > 10
    assert demo.conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] >= 17


def test_researcher_never_sees_the_real_name_behind_the_pseudonym(demo):
    item_id = _by_title(demo, "Lo que recuerdo de la loma")
    real = [ip.person.name for ip in item_store.get_item(demo, item_id).people
            if ip.role.value == "narrator"][0]
    view = view_item(demo, item_id, Audience.RESEARCHER)
    dumped = json.dumps(item_dict(demo, view, ConsentSnapshot(demo), "es"), ensure_ascii=False)
    for part in real.split():
        if len(part) >= 3:
            assert part not in dumped, part
    assert "Doña Flor" in dumped
    # Places generalised as consent asks: no comuna or neighbourhood for researchers.
    assert {p.kind.value for p in view.item.places} <= {"country", "department", "municipality"}
    # The custodian sees the real name.
    assert real in json.dumps(
        item_dict(demo, view_item(demo, item_id, Audience.CUSTODIAN), ConsentSnapshot(demo)),
        ensure_ascii=False)


def test_segment_withdrawal_withholds_only_that_segment(demo):
    item_id = _by_title(demo, "Rimas para no olvidar")
    full = view_item(demo, item_id, Audience.CUSTODIAN)
    public = view_item(demo, item_id, Audience.RESEARCHER)
    assert public.hidden_segments == 1
    assert len(public.segments) == len(full.segments) - 1


@pytest.mark.parametrize(("title", "reason"), [
    ("Las escaleras y el barrio", "withdrawn"),
    ("Cartas que no llegaron", "embargoed"),
    ("El jardín de don Octavio", "embargo_review"),
    ("Reunión de vecinas", "pending"),
    ("Calle de Nuevos Conquistadores", "no_consent"),
    ("Salir de la vereda", "restricted"),
])
def test_refusals_say_why(demo, title, reason):
    with pytest.raises(NotVisible) as refused:
        view_item(demo, _by_title(demo, title), Audience.RESEARCHER)
    assert refused.value.decision.reason.value == reason


def test_work_queues(demo):
    titles = lambda q: {item_store.get_item(demo, i).title for i in queue_item_ids(demo, q)}  # noqa: E731
    assert any(t.startswith("Las escaleras") for t in titles("consent_withdrawn"))
    assert any(t.startswith("El jardín") for t in titles("embargo_review"))
    assert any(t.startswith("Reunión") for t in titles("consent_pending"))


def test_an_item_shows_the_exhibits_that_use_it_to_staff_only(tmp_path):
    from memoria.storage import exhibits as exhibit_store

    path = tmp_path / "demo"
    build_demo(path)
    with Archive.open(path) as arch:
        item_id = _by_title(arch, "Casas de colores")
        exhibit = exhibit_store.create_exhibit(arch, "laderas", "Laderas de color")
        exhibit_store.add_entry(arch, exhibit, item_id, caption="Casas")
        snapshot = ConsentSnapshot(arch)
        for audience, expected in ((Audience.CUSTODIAN, True), (Audience.CURATOR, True),
                                   (Audience.RESEARCHER, False)):
            data = item_dict(arch, view_item(arch, item_id, audience), snapshot)
            assert ("exhibits" in data) is expected
            if expected:
                assert data["exhibits"] == [{"name": "laderas", "title": "Laderas de color"}]


def test_file_names_do_not_carry_names_out_of_custody(tmp_path):
    from memoria.domain.model import Anonymisation, ConsentStatus, Kind, Role, Scope
    from memoria.importing.importer import import_paths
    from memoria.storage import authorities, consents
    from tests.conftest import make_wav

    with Archive.create(tmp_path / "a") as arch:
        wav = make_wav(tmp_path / "entrevista_maria_perez.wav")
        [outcome] = import_paths(arch, [wav]).outcomes
        person = authorities.add_person(arch, "María Pérez")
        fields = item_store.ItemFields.from_item(item_store.get_item(arch, outcome.item_id))
        fields.kind, fields.people = Kind.TESTIMONY, [(person.id, Role.NARRATOR)]
        item_store.update_item(arch, outcome.item_id, fields)
        consents.record_consent(arch, person.id, [outcome.item_id], consents.ConsentTerms(
            ConsentStatus.GRANTED, {Scope.RESEARCH}, anonymisation={Anonymisation.PSEUDONYM},
            pseudonym="Rosa"))
        public = view_item(arch, outcome.item_id, Audience.RESEARCHER)
        assert [m.original_name for m in public.item.media] == [f"{outcome.accession}-1.wav"]
        assert "maria" not in json.dumps(
            item_dict(arch, public, ConsentSnapshot(arch)), ensure_ascii=False).lower()
        custodian = view_item(arch, outcome.item_id, Audience.CUSTODIAN)
        assert custodian.item.media[0].original_name == "entrevista_maria_perez.wav"
