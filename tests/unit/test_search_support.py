"""Helpers for the search-engine tests: a small Spanish archive with every consent case.

`sample(archive)` fills the archive and returns the item ids by name. Text is
real Spanish (accents, ñ, plurals, one-letter words) so analysis is tested
end to end; the people are fictional.
"""

from __future__ import annotations

from memoria.domain.model import (
    Anonymisation,
    ConsentStatus,
    Kind,
    PlaceKind,
    Role,
    Scope,
    SegmentDraft,
)
from memoria.storage import authorities, consents
from memoria.storage import items as item_store
from memoria.storage.consents import ConsentTerms

ALL_SCOPES = {Scope.INTERNAL, Scope.RESEARCH, Scope.EXHIBITION}


def _item(archive, kind, title, description="", *, date=None, lang="es", places=(),
          people=(), subjects=(), notes="", segments=()) -> int:
    fields = item_store.ItemFields(
        kind=kind, title=title, description=description, date_edtf=date, notes=notes,
        languages=[lang], place_ids=[p.id for p in places],
        people=list(people), subjects=list(subjects))
    item_id = item_store.create_item(archive, fields)
    if segments:
        item_store.save_segments(archive, item_id, [
            SegmentDraft(start_ms=start, end_ms=start + 14_000, speaker=speaker, text=text)
            for start, speaker, text in segments])
    return item_id


def sample(archive) -> dict:
    """Items: orion (granted, pseudonym), withdrawn, mural (photo), english,
    pending, internal (restricted), noconsent. Returns ids and the consent ids."""
    colombia = authorities.add_place(archive, "Colombia", PlaceKind.COUNTRY)
    antioquia = authorities.add_place(archive, "Antioquia", PlaceKind.DEPARTMENT, colombia.id)
    medellin = authorities.add_place(archive, "Medellín", PlaceKind.MUNICIPALITY, antioquia.id)
    comuna = authorities.add_place(archive, "Comuna 13", PlaceKind.COMUNA, medellin.id)
    bolivar = authorities.add_place(archive, "Bolívar", PlaceKind.DEPARTMENT, colombia.id)
    salado = authorities.add_place(archive, "El Salado", PlaceKind.VEREDA, bolivar.id)

    luz = authorities.add_person(archive, "Luz Dary Restrepo", pseudonym="Doña Flor")
    carlos = authorities.add_person(archive, "Carlos Mejía")
    ana = authorities.add_person(archive, "Ana Peña")
    mary = authorities.add_person(archive, "Mary Smith")
    pedro = authorities.add_person(archive, "Pedro Gómez")
    rosa = authorities.add_person(archive, "Rosa Cañas")
    ids: dict = {}
    ids["orion"] = _item(
        archive, Kind.TESTIMONY, "Testimonio de Luz Dary Restrepo sobre la Operación Orión",
        "Luz Dary Restrepo relata el desplazamiento de su familia en la Comuna 13.",
        date="2002-10", places=[comuna], people=[(luz.id, Role.NARRATOR)],
        subjects=["desplazamiento forzado", "Operación Orión"],
        notes="Nota interna: vive cerca de la cancha del barrio",
        segments=[
            (0, "Entrevistadora", "¿Cómo llegó usted al barrio?"),
            (15_000, "Luz Dary Restrepo",
             "Me llamo Luz Dary Restrepo y llegué a la Comuna 13 en el año 1998."),
            (30_000, "Luz Dary Restrepo",
             "Durante la Operación Orión las familias desplazadas buscaban a sus víctimas."),
            (45_000, "Luz Dary Restrepo",
             "Las madres y padres de la organización se reunían en la casa comunal."),
        ])
    ids["withdrawn"] = _item(
        archive, Kind.TESTIMONY, "Memorias de Carlos en Medellín",
        "Carlos Mejía cuenta cómo los desplazados llegaron a las laderas.",
        date="1995", places=[medellin], people=[(carlos.id, Role.NARRATOR)],
        subjects=["desplazamiento forzado"],
        segments=[(0, "Carlos", "Los desplazados de Medellín levantaron sus casas con tablas.")])
    ids["mural"] = _item(
        archive, Kind.PHOTOGRAPH, "Mural de las víctimas",
        "Fotografía de un mural pintado por niños en El Salado.",
        date="199X", places=[salado], people=[(ana.id, Role.PHOTOGRAPHER)],
        subjects=["memoria", "arte"])
    ids["english"] = _item(
        archive, Kind.TESTIMONY, "Testimony of Mary Smith",
        "Mary Smith recalls the community kitchens of Medellín.", date="2005",
        lang="en", places=[medellin], people=[(mary.id, Role.NARRATOR)],
        subjects=["community kitchens"],
        segments=[(0, "Mary Smith",
                   "The displaced families organized a community kitchen in the hills.")])
    ids["pending"] = _item(
        archive, Kind.TESTIMONY, "Una mujer desplazada en Comuna 13",
        "Pedro Gómez entrevista a una madre desplazada.", date="2010",
        places=[comuna], people=[(pedro.id, Role.INTERVIEWER)],
        segments=[(0, "Pedro", "Ella fue desplazada dos veces del mismo barrio.")])
    ids["internal"] = _item(
        archive, Kind.AUDIO, "Grabación de la marcha de las madres",
        "Audio de la marcha del silencio en Medellín.", date="2003",
        places=[medellin], people=[(rosa.id, Role.AUTHOR)], subjects=["marchas"])
    ids["noconsent"] = _item(
        archive, Kind.PHOTOGRAPH, "Retrato sin consentimiento en Medellín",
        "Una fotografía de la plaza de Medellín sin consentimiento registrado.")

    grant = ConsentTerms(ConsentStatus.GRANTED, ALL_SCOPES)
    ids["c_orion"] = consents.record_consent(
        archive, luz.id, [ids["orion"]],
        ConsentTerms(ConsentStatus.GRANTED, ALL_SCOPES, anonymisation={Anonymisation.PSEUDONYM},
                     pseudonym="Doña Flor"))
    ids["c_withdrawn"] = consents.record_consent(archive, carlos.id, [ids["withdrawn"]], grant)
    consents.withdraw(archive, ids["c_withdrawn"], "la familia lo pidió")
    consents.record_consent(archive, ana.id, [ids["mural"]], grant)
    consents.record_consent(archive, mary.id, [ids["english"]], grant)
    consents.record_consent(archive, pedro.id, [ids["pending"]],
                            ConsentTerms(ConsentStatus.PENDING, ALL_SCOPES))
    consents.record_consent(archive, rosa.id, [ids["internal"]],
                            ConsentTerms(ConsentStatus.RESTRICTED, {Scope.INTERNAL}))
    ids["people"] = {"luz": luz.id, "carlos": carlos.id}
    return ids


def test_sample_builds(archive):
    ids = sample(archive)
    assert len({v for k, v in ids.items() if not k.startswith(("c_", "people"))}) == 7
