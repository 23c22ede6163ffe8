#!/usr/bin/env python3
"""Generate Memoria's demo archive: ``resources/demo/demo.json`` and ``media/``.

Everything here is FICTIONAL: the people, their words, the photographs, the
consent form.  The set exists so that a new user opens Memoria and sees the
product working: testimonies with time-coded transcripts, photographs with
embedded metadata to strip, and consent in every state the rules know about.

This script is the single source of the demo content.  ``demo.json`` is
written from the tables below because the transcript segments' start and end
times are measured from the generated audio; edit the tables here and re-run
rather than editing ``demo.json`` by hand.

The generated files are committed, so the application never needs espeak at
run time.  To regenerate (Debian/Ubuntu)::

    apt-get install -y espeak-ng sox libsox-fmt-all fonts-dejavu-core
    # espeak-ng: speech; sox + libsox-fmt-all: OGG Vorbis/FLAC; DejaVu: accents on the form
    .venv/bin/python resources/demo/make_demo_media.py

Python needs Pillow (already a Memoria dependency) and imports
``memoria.domain.dates`` to check every EDTF date before writing.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import unicodedata
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
MEDIA = HERE / "media"
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))

from memoria.domain.dates import UncertainDate  # noqa: E402

FICTION = "[Material de ejemplo ficticio]"
PHOTO_SIZE = (800, 600)
# Comuna 13 - San Javier, Medellín (the GPS written into one photograph).
GPS_LAT, GPS_LON = 6.2518, -75.6102

# Voices: espeak-ng's Latin American Spanish, with variants to tell speakers apart.
VOICES = {
    "p1": "es-419+f3",
    "p2": "es-419+m3",
    "p3": "es-419+f2",
    "p4": "es-419+m1",
    "p6": "es-419+f4",
    "p7": "es-419+m2",
    "p8": "es-419+f1",
}
LEAD_IN = 0.4  # seconds of silence before the first sentence
GAP = 0.6  # seconds between sentences

# ---------------------------------------------------------------------------
# Content

PEOPLE: list[dict[str, Any]] = [
    {"key": "p1", "name": "Rosa Elena Marín Cardona", "pseudonym": None,
     "notes": "Persona ficticia. Madre buscadora; cuida la huerta comunitaria."},
    {"key": "p2", "name": "Julián Andrés Ospina", "pseudonym": None,
     "notes": "Persona ficticia. Entrevistador del equipo del museo."},
    {"key": "p3", "name": "Luz Dary Restrepo Gómez", "pseudonym": "Doña Flor",
     "notes": "Persona ficticia. Su consentimiento exige seudónimo: su nombre real "
              "nunca debe llegar a investigadores."},
    {"key": "p4", "name": "Carlos Mario Zapata", "pseudonym": None,
     "notes": "Persona ficticia. Artista de hip hop del barrio 20 de Julio."},
    {"key": "p5", "name": "María Fernanda Gil", "pseudonym": None,
     "notes": "Persona ficticia. Fotógrafa comunitaria."},
    {"key": "p6", "name": "Ana Lucía Berrío", "pseudonym": None,
     "notes": "Persona ficticia. Llegó desplazada desde una vereda de Granada."},
    {"key": "p7", "name": "Hernán Darío Castaño", "pseudonym": None,
     "notes": "Persona ficticia. Líder comunal de Las Independencias."},
    {"key": "p8", "name": "Gloria Inés Patiño", "pseudonym": None,
     "notes": "Persona ficticia. Escribió cartas a su hermano desaparecido."},
    {"key": "p9", "name": "Sebastián Henao", "pseudonym": None,
     "notes": "Persona ficticia. Muralista."},
    {"key": "p10", "name": "Yesenia Álvarez", "pseudonym": None,
     "notes": "Persona ficticia. Vecina de El Salado."},
    {"key": "p11", "name": "Octavio Rúa", "pseudonym": None,
     "notes": "Persona ficticia. Jardinero del barrio."},
]  # fmt: skip

PLACES: list[dict[str, Any]] = [
    {"key": "co", "name": "Colombia", "kind": "country", "parent": None},
    {"key": "ant", "name": "Antioquia", "kind": "department", "parent": "co"},
    {"key": "med", "name": "Medellín", "kind": "municipality", "parent": "ant"},
    {"key": "c13", "name": "Comuna 13 - San Javier", "kind": "comuna", "parent": "med"},
    {"key": "ind", "name": "Las Independencias", "kind": "neighbourhood", "parent": "c13"},
    {"key": "sal", "name": "El Salado", "kind": "neighbourhood", "parent": "c13"},
    {"key": "j20", "name": "20 de Julio", "kind": "neighbourhood", "parent": "c13"},
    {"key": "nco", "name": "Nuevos Conquistadores", "kind": "neighbourhood", "parent": "c13"},
    {"key": "gra", "name": "Granada", "kind": "municipality", "parent": "ant"},
    {"key": "nar", "name": "Vereda Los Naranjos", "kind": "vereda", "parent": "gra"},
]

SUBJECTS = [
    "memoria", "desplazamiento forzado", "desaparición forzada",
    "búsqueda de personas desaparecidas", "madres buscadoras", "huertas comunitarias",
    "arte y resistencia", "hip hop", "grafiti y muralismo", "vida comunitaria",
    "convites", "transformación urbana", "escaleras eléctricas", "cartas", "retorno",
    "vida campesina",
]  # fmt: skip

# Testimonies: (speaker key, title, keywords, text) per segment, spoken in order.
Segment = tuple[str, str, list[str], str]

TESTIMONIES: list[dict[str, Any]] = [
    {
        "key": "t1", "title": "La huerta de las madres", "date": "2019-03-08",
        "narrator": "p1", "places": ["sal"],
        "subjects": ["memoria", "madres buscadoras", "desaparición forzada", "huertas comunitarias"],
        "description": "Rosa Elena cuenta cómo un grupo de madres que buscan a sus hijos "
                       "convirtió un lote vacío en una huerta de memoria.",
        "notes": "Consentimiento amplio con formulario firmado (escaneado, solo custodia).",
        "segments": [
            ("p2", "Presentación", ["entrevista"],
             "Buenos días, doña Rosa. ¿Nos cuenta cómo empezó la huerta?"),
            ("p1", "El origen de la huerta", ["huerta", "sábados"],
             "La huerta empezó con unas matas de cilantro y de tomate, en un lote que nadie "
             "usaba. Las madres nos reuníamos allí los sábados, porque sembrar nos daba algo "
             "que hacer con las manos mientras esperábamos noticias."),
            ("p1", "La búsqueda", ["búsqueda", "hijo"],
             "Mi hijo salió una tarde del año dos mil dos y no volvió. Desde entonces lo busco. "
             "En la huerta cada una sembró una planta con el nombre de quien le falta."),
            ("p1", "Lo que queda", ["niños", "memoria"],
             "Hoy vienen los niños del barrio a regar. Les contamos quiénes eran nuestros "
             "hijos, no cómo se fueron, sino cómo se reían. Eso es la memoria para mí."),
        ],
    },
    {
        "key": "t2", "title": "Lo que recuerdo de la loma", "date": "2018-10~",
        "narrator": "p3", "places": ["nco"],
        "subjects": ["vida comunitaria", "convites", "memoria"],
        "description": "Una vecina fundadora recuerda la llegada a la loma, los convites "
                       "para construir las casas y los años de miedo.",
        "notes": "Requiere seudónimo (Doña Flor). El entrevistador dice el nombre real de la "
                 "narradora en el primer segmento: debe redactarse antes de mostrarlo.",
        "segments": [
            ("p2", "Presentación", ["entrevista"],
             "Doña Luz Dary, gracias por recibirnos en su casa. ¿Cómo era el barrio cuando "
             "usted llegó?"),
            ("p3", "La llegada", ["llegada", "construcción"],
             "Llegamos a la loma en los años ochenta, cuando casi no había casas. Los vecinos "
             "cargaban los ladrillos por un camino de tierra, y los domingos hacíamos convites "
             "para echar la plancha de cada casa."),
            ("p3", "Los convites", ["convite", "sancocho"],
             "En los convites se cocinaba un sancocho grande para todos. Nadie tenía mucho, "
             "pero nadie pasaba hambre. Así aprendimos a ser vecinos."),
            ("p3", "Los años difíciles", ["miedo", "quedarse"],
             "Después vinieron años difíciles, de miedo y de puertas cerradas temprano. "
             "Algunos vecinos se fueron. Yo me quedé, porque esta casa la hicimos con "
             "nuestras manos."),
        ],
    },
    {
        "key": "t3", "title": "Rimas para no olvidar", "date": "2021-05-22",
        "narrator": "p4", "places": ["j20"],
        "subjects": ["arte y resistencia", "hip hop", "grafiti y muralismo"],
        "description": "Carlos Mario habla de cómo el hip hop y el grafiti se volvieron una "
                       "forma de contar el barrio.",
        "notes": "El narrador retiró su consentimiento solo para el tercer segmento "
                 "(menciona a un amigo que no ha dado permiso).",
        "segments": [
            ("p2", "Presentación", ["entrevista"],
             "Carlos, ¿cuándo empezó a escribir rimas?"),
            ("p4", "Los comienzos", ["rimas", "esquina"],
             "Empecé a rimar a los catorce años, en una esquina del Veinte de Julio, con un "
             "parlante prestado. El hip hop fue la forma de contar lo que pasaba sin tener "
             "que gritar."),
            ("p4", "El amigo", ["amistad"],
             "Mi parcero Andrés me enseñó a escribir las primeras letras. Él se tuvo que ir "
             "del barrio, y cada canción que hago todavía se la dedico."),
            ("p4", "Arte y resistencia", ["grafiti", "recorridos", "futuro"],
             "Ahora hacemos recorridos por los grafitis. Les decimos a los visitantes que la "
             "comuna no es solo lo que salió en las noticias: aquí hay arte, hay familias, "
             "hay futuro."),
        ],
    },
    {
        "key": "t4", "title": "Salir de la vereda", "date": "2017-11-03",
        "narrator": "p6", "places": ["nar", "sal"],
        "subjects": ["desplazamiento forzado", "vida campesina", "vida comunitaria"],
        "description": "Ana Lucía recuerda la finca en la vereda, la salida de su familia "
                       "y la llegada a El Salado.",
        "notes": "Consentimiento restringido: sin reproducir la voz y con lugares "
                 "generalizados.",
        "segments": [
            ("p2", "Presentación", ["entrevista"],
             "Doña Ana Lucía, ¿de dónde viene su familia?"),
            ("p6", "La finca", ["finca", "escuela"],
             "Vivíamos en una vereda de Granada, en una finca con café, plátano y unas "
             "gallinas. Los niños iban a la escuela caminando una hora por la montaña."),
            ("p6", "La salida", ["salida", "llegada"],
             "Un día nos dijeron que teníamos que salir. Empacamos lo que cupo en dos "
             "costales y bajamos al pueblo, y de ahí a Medellín, a la casa de una prima en "
             "El Salado."),
            ("p6", "Empezar de nuevo", ["ciudad", "hijos"],
             "Empezar de nuevo en la ciudad fue duro. Yo extrañaba el silencio del monte. "
             "Pero aquí los vecinos nos recibieron, y mis hijos pudieron estudiar."),
        ],
    },
    {
        "key": "t5", "title": "Las escaleras y el barrio que cambió", "date": "2022-05-10",
        "narrator": "p7", "places": ["ind"],
        "subjects": ["transformación urbana", "escaleras eléctricas", "vida comunitaria"],
        "description": "Un líder comunal habla de cómo cambió Las Independencias con las "
                       "escaleras eléctricas y el trabajo de los vecinos.",
        "notes": "Consentimiento retirado por el narrador en 2024: no debe mostrarse a "
                 "nadie fuera de custodia.",
        "segments": [
            ("p2", "Presentación", ["entrevista"],
             "Don Hernán, usted ha sido líder comunal por muchos años. ¿Qué ha cambiado en "
             "Las Independencias?"),
            ("p7", "Antes", ["escalas", "mercado"],
             "Antes, subir a la casa era media hora de escalas, con el mercado al hombro. "
             "Las señoras mayores casi no bajaban."),
            ("p7", "Las escaleras eléctricas", ["escaleras eléctricas"],
             "Cuando pusieron las escaleras eléctricas, la gente lloraba de la emoción. No "
             "solo por la comodidad: sentimos que la ciudad por fin nos miraba."),
            ("p7", "El trabajo comunitario", ["juntas", "mingas"],
             "Pero el cambio no lo hicieron solo las obras. Lo hicimos los vecinos, con las "
             "juntas, los convites y los niños pintando las paredes."),
        ],
    },
    {
        "key": "t6", "title": "Cartas que no llegaron", "date": "2023-02-14",
        "narrator": "p8", "places": ["c13"],
        "subjects": ["cartas", "desaparición forzada", "memoria"],
        "description": "Gloria Inés lee y comenta las cartas que escribió durante diez años "
                       "a su hermano desaparecido.",
        "notes": "Embargo pedido por la familia hasta 2031.",
        "segments": [
            ("p2", "Presentación", ["entrevista"],
             "Doña Gloria, usted nos trajo unas cartas. ¿Qué son?"),
            ("p8", "Las cartas", ["cartas", "hermano"],
             "Son cartas que le escribí a mi hermano durante diez años, desde que dejamos de "
             "saber de él. No tenía a dónde mandarlas, entonces las guardaba en una caja de "
             "galletas."),
            ("p8", "La espera", ["novenas", "barrio"],
             "Le contaba de los sobrinos, de las novenas de diciembre, de cómo iba creciendo "
             "el barrio. Escribir era una manera de seguir conversando con él."),
            ("p8", "El deseo", ["embargo", "familia"],
             "Quiero que estas cartas se conozcan algún día, cuando la familia esté lista. "
             "Por eso pedí que esperaran unos años antes de mostrarlas."),
        ],
    },
]  # fmt: skip

PHOTOGRAPHS: list[dict[str, Any]] = [
    {"key": "f1", "title": "Casas de colores en la ladera", "date": "2019-03-08",
     "file": "f1_casas_ladera.jpg", "exif_date": "2019:03:08 09:42:10", "gps": True,
     "places": ["c13"], "people": [("p5", "photographer")],
     "subjects": ["transformación urbana", "vida comunitaria"],
     "description": "Vista de las casas de ladrillo y colores de la comuna en la mañana.",
     "notes": "Lleva coordenadas GPS en el EXIF: deben quitarse al exportar."},
    {"key": "f2", "title": "Escaleras eléctricas de Las Independencias", "date": "2012-01",
     "file": "f2_escaleras.jpg", "exif_date": "2012:01:15 16:05:00",
     "places": ["ind"], "people": [("p5", "photographer")],
     "subjects": ["escaleras eléctricas", "transformación urbana"],
     "description": "Los techos naranjas de las escaleras eléctricas subiendo la loma.",
     "notes": ""},
    {"key": "f3", "title": "Mural de colores en el 20 de Julio", "date": "2015~",
     "file": "f3_mural.jpg", "exif_date": "2015:07:20 11:30:00",
     "places": ["j20"], "people": [("p5", "photographer"), ("p9", "author")],
     "subjects": ["grafiti y muralismo", "arte y resistencia"],
     "description": "Mural de formas y colores pintado por jóvenes del barrio.",
     "notes": "Dos consentimientos: la fotógrafa permite publicar, el muralista solo "
              "exhibir; gana el más restrictivo."},
    {"key": "f4", "title": "La huerta comunitaria", "date": "2019-03-08",
     "file": "f4_huerta.jpg", "exif_date": "2019:03:08 10:15:00",
     "places": ["sal"], "people": [("p1", "depicted"), ("p2", "photographer")],
     "subjects": ["huertas comunitarias", "madres buscadoras"],
     "description": "Los canteros de la huerta de las madres, con flores y plantas "
                    "aromáticas.",
     "notes": "Cubierta por el mismo consentimiento del testimonio de Rosa Elena."},
    {"key": "f5", "title": "Reunión de vecinas en El Salado", "date": "2005/2008",
     "file": "f5_reunion.jpg", "exif_date": "2009:02:11 18:20:00",
     "places": ["sal"], "people": [("p10", "depicted")],
     "subjects": ["vida comunitaria"],
     "description": "Vecinas reunidas alrededor de una mesa bajo banderines de colores.",
     "notes": "Fecha de la escena aproximada (entre 2005 y 2008); el EXIF es la fecha de "
              "digitalización. Consentimiento aún pendiente."},
    {"key": "f6", "title": "El jardín de don Octavio", "date": "199X",
     "file": "f6_jardin_octavio.jpg", "exif_date": "2016:04:02 14:00:00",
     "places": ["nco"], "people": [("p11", "depicted")],
     "subjects": ["vida comunitaria"],
     "description": "Fotografía familiar de los años noventa: materas con flores en un "
                    "balcón.",
     "notes": "El embargo terminó en 2024; espera revisión antes de publicarse."},
    {"key": "f7", "title": "Calle de Nuevos Conquistadores al atardecer", "date": "../2005",
     "file": "f7_calle_atardecer.jpg", "exif_date": "2005:08:30 18:45:00",
     "places": ["nco"], "people": [],
     "subjects": ["vida comunitaria"],
     "description": "Casas con las ventanas encendidas y un farol al caer la tarde.",
     "notes": "Donación sin datos del autor; no hay consentimiento registrado."},
    {"key": "f8", "title": "Vista de la ciudad desde la loma", "date": "2016-08-16",
     "file": "f8_vista_ciudad.jpg", "exif_date": "2016:08:16 07:55:00",
     "places": ["c13", "med"], "people": [("p2", "photographer")],
     "subjects": ["transformación urbana"],
     "description": "El valle de Aburrá visto desde lo alto de la comuna.",
     "notes": ""},
]  # fmt: skip

AUDIO: list[dict[str, Any]] = [
    {"key": "a1", "title": "Ambiente: mañana en las escaleras", "date": "2020-06-05",
     "file": "a1_ambiente_manana.wav", "places": ["ind"], "people": [("p2", "author")],
     "subjects": ["escaleras eléctricas"],
     "description": "Sonido ambiente sintetizado: zumbido de las escaleras y pájaros.",
     "notes": "Grabación de ambiente, sin voces."},
    {"key": "a2", "title": "Nota de campo: recorrido por la huerta", "date": "2019-03-08",
     "file": "a2_nota_de_campo.flac", "places": ["sal"], "people": [("p2", "author")],
     "subjects": ["huertas comunitarias"],
     "description": "Nota de voz del entrevistador después del recorrido por la huerta.",
     "notes": "",
     "speech": "Nota de campo. Ocho de marzo de dos mil diecinueve. Recorrido por la huerta "
               "de las madres. Volver en junio para fotografiar la cosecha. Este es material "
               "de ejemplo ficticio."},
    {"key": "a3", "title": "Ensayo de tambores del colectivo", "date": "2021-05",
     "file": "a3_ensayo_tambores.flac", "places": ["j20"], "people": [("p4", "author")],
     "subjects": ["arte y resistencia", "hip hop"],
     "description": "Ritmo de tambores sintetizado para un ensayo del colectivo.",
     "notes": ""},
]  # fmt: skip

FORM_FILE = "consentimiento_firmado_p1_ejemplo.png"
ALL_SCOPES = ["internal", "research", "exhibition", "publication_print",
              "publication_online", "press"]  # fmt: skip


def _anon(**flags: bool) -> dict[str, bool]:
    base = dict.fromkeys(
        ("pseudonym", "redact_names", "blur_faces", "no_voice", "generalise_places"), False
    )
    base.update(flags)
    return base


def _prov(method: str, by: str, at: str, witness: str = "") -> dict[str, str]:
    return {"method": method, "obtained_by": by, "obtained_at": at, "witness": witness}


CONSENTS: list[dict[str, Any]] = [
    # Granted broadly, with a signed form scan (internal only).
    {"person": "p1", "items": ["t1", "f4"], "segments": None, "status": "granted",
     "scopes": ["internal", "research", "exhibition", "publication_print",
                "publication_online"],
     "embargo_until": None, "review_date": "2026-03-08", "anonymisation": _anon(),
     "pseudonym": None,
     "provenance": _prov("signed_form", "Julián Andrés Ospina", "2019-03-08",
                         "Yesenia Álvarez"),
     "form": FORM_FILE,
     "history": [
         {"status": "pending", "at": "2019-02-20", "by": "Julián Andrés Ospina",
          "reason": "Primera conversación; se entregó el formulario para leerlo en casa."},
         {"status": "granted", "at": "2019-03-08", "by": "Julián Andrés Ospina",
          "reason": "Formulario firmado antes de la entrevista."},
     ]},
    # Research only, pseudonym required: the real name must never reach researchers.
    {"person": "p3", "items": ["t2"], "segments": None, "status": "granted",
     "scopes": ["internal", "research"], "embargo_until": None, "review_date": None,
     "anonymisation": _anon(pseudonym=True, redact_names=True, no_voice=True,
                            generalise_places=True),
     "pseudonym": "Doña Flor",
     "provenance": _prov("verbal_recorded", "Julián Andrés Ospina", "2018-10-12"),
     "form": None,
     "history": [
         {"status": "granted", "at": "2018-10-12", "by": "Julián Andrés Ospina",
          "reason": "Consentimiento verbal grabado al inicio de la entrevista; pide "
                    "seudónimo y que no se reproduzca su voz."},
     ]},
    # Granted for the whole testimony and the drums recording...
    {"person": "p4", "items": ["t3", "a3"], "segments": None, "status": "granted",
     "scopes": ["internal", "research", "exhibition", "publication_online"],
     "embargo_until": None, "review_date": None, "anonymisation": _anon(),
     "pseudonym": None,
     "provenance": _prov("signed_form", "Julián Andrés Ospina", "2021-05-22"),
     "form": None,
     "history": [
         {"status": "granted", "at": "2021-05-22", "by": "Julián Andrés Ospina",
          "reason": "Formulario firmado."},
     ]},
    # ...but withdrawn for one segment (index 2, 0-based, of t3's segments).
    {"person": "p4", "items": ["t3"], "segments": [{"item": "t3", "index": 2}],
     "status": "withdrawn", "scopes": [], "embargo_until": None, "review_date": None,
     "anonymisation": _anon(), "pseudonym": None,
     "provenance": _prov("verbal_recorded", "Julián Andrés Ospina", "2021-05-22"),
     "form": None,
     "history": [
         {"status": "granted", "at": "2021-05-22", "by": "Julián Andrés Ospina",
          "reason": "Incluido en el consentimiento general."},
         {"status": "withdrawn", "at": "2023-09-04", "by": "Julián Andrés Ospina",
          "reason": "El narrador pidió retirar el fragmento que menciona a su amigo, "
                    "que no ha dado permiso."},
     ]},
    # Restricted: internal and research, voice never played, places generalised.
    {"person": "p6", "items": ["t4"], "segments": None, "status": "restricted",
     "scopes": ["internal", "research"], "embargo_until": None, "review_date": "2027-11-03",
     "anonymisation": _anon(no_voice=True, generalise_places=True), "pseudonym": None,
     "provenance": _prov("signed_form", "Julián Andrés Ospina", "2017-11-03",
                         "Rosa Elena Marín Cardona"),
     "form": None,
     "history": [
         {"status": "restricted", "at": "2017-11-03", "by": "Julián Andrés Ospina",
          "reason": "Acepta la consulta en sala, pero no que se escuche su voz."},
     ]},
    # Withdrawn after having been granted.
    {"person": "p7", "items": ["t5"], "segments": None, "status": "withdrawn",
     "scopes": [], "embargo_until": None, "review_date": None, "anonymisation": _anon(),
     "pseudonym": None,
     "provenance": _prov("signed_form", "Julián Andrés Ospina", "2022-05-10"),
     "form": None,
     "history": [
         {"status": "granted", "at": "2022-05-10", "by": "Julián Andrés Ospina",
          "reason": "Formulario firmado: investigación y exhibición."},
         {"status": "withdrawn", "at": "2024-02-14", "by": "Julián Andrés Ospina",
          "reason": "El narrador llamó al museo y pidió que su testimonio ya no se "
                    "consulte ni se exhiba."},
     ]},
    # Embargo running until 2031.
    {"person": "p8", "items": ["t6"], "segments": None, "status": "granted",
     "scopes": ["internal", "research", "exhibition"], "embargo_until": "2031-12-31",
     "review_date": "2031-12-31", "anonymisation": _anon(), "pseudonym": None,
     "provenance": _prov("signed_form", "Julián Andrés Ospina", "2023-02-14"),
     "form": None,
     "history": [
         {"status": "granted", "at": "2023-02-14", "by": "Julián Andrés Ospina",
          "reason": "Autoriza investigación y exhibición cuando termine el embargo "
                    "pedido por la familia."},
     ]},
    # Photographer: broad consent for her photographs.
    {"person": "p5", "items": ["f1", "f2", "f3"], "segments": None, "status": "granted",
     "scopes": ALL_SCOPES, "embargo_until": None, "review_date": None,
     "anonymisation": _anon(), "pseudonym": None,
     "provenance": _prov("signed_form", "Julián Andrés Ospina", "2019-04-01"),
     "form": None,
     "history": [
         {"status": "granted", "at": "2019-04-01", "by": "Julián Andrés Ospina",
          "reason": "Cesión de uso de sus fotografías."},
     ]},
    # Muralist: the mural may be exhibited but not published (most restrictive wins).
    {"person": "p9", "items": ["f3"], "segments": None, "status": "granted",
     "scopes": ["internal", "research", "exhibition"], "embargo_until": None,
     "review_date": None, "anonymisation": _anon(), "pseudonym": None,
     "provenance": _prov("verbal_recorded", "Julián Andrés Ospina", "2019-04-03"),
     "form": None,
     "history": [
         {"status": "granted", "at": "2019-04-03", "by": "Julián Andrés Ospina",
          "reason": "Autoriza mostrar la foto del mural en el museo, no publicarla."},
     ]},
    # Pending: asked, not yet answered.
    {"person": "p10", "items": ["f5"], "segments": None, "status": "pending",
     "scopes": [], "embargo_until": None, "review_date": "2025-01-15",
     "anonymisation": _anon(blur_faces=True), "pseudonym": None,
     "provenance": _prov("verbal_recorded", "Julián Andrés Ospina", "2024-11-20"),
     "form": None,
     "history": [
         {"status": "pending", "at": "2024-11-20", "by": "Julián Andrés Ospina",
          "reason": "Se le mostró la foto; quiere consultarlo con su familia."},
     ]},
    # Embargo that ended in the past: waiting for a person to review it.
    {"person": "p11", "items": ["f6"], "segments": None, "status": "granted",
     "scopes": ["internal", "research", "exhibition"], "embargo_until": "2024-06-30",
     "review_date": "2024-07-01", "anonymisation": _anon(), "pseudonym": None,
     "provenance": _prov("signed_form", "Julián Andrés Ospina", "2016-04-02"),
     "form": None,
     "history": [
         {"status": "granted", "at": "2016-04-02", "by": "Julián Andrés Ospina",
          "reason": "Autoriza cuando pasen los embargos acordados con sus nietos."},
     ]},
    # Staff recordings and photograph: internal and research only.
    {"person": "p2", "items": ["f8", "a1", "a2"], "segments": None, "status": "granted",
     "scopes": ["internal", "research"], "embargo_until": None, "review_date": None,
     "anonymisation": _anon(), "pseudonym": None,
     "provenance": _prov("signed_form", "Equipo del museo", "2020-01-10"),
     "form": None,
     "history": [
         {"status": "granted", "at": "2020-01-10", "by": "Equipo del museo",
          "reason": "Material de trabajo del equipo."},
     ]},
]  # fmt: skip
# f7 has no consent record at all, on purpose (default deny).


# ---------------------------------------------------------------------------
# Audio


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def _duration(path: Path) -> float:
    return float(_run("soxi", "-D", str(path)).strip())


def _speak(text: str, voice: str, out: Path) -> float:
    """Speak ``text`` to a WAV trimmed of leading/trailing silence; its duration."""
    raw = out.with_suffix(".raw.wav")
    _run("espeak-ng", "-v", voice, "-s", "150", "-w", str(raw), text)
    _run("sox", str(raw), str(out),
         "silence", "1", "0.02", "0.5%", "reverse", "silence", "1", "0.02", "0.5%", "reverse")  # fmt: skip
    raw.unlink()
    return _duration(out)


def _silence(seconds: float, rate: int, out: Path) -> None:
    _run("sox", "-n", "-r", str(rate), "-c", "1", "-b", "16", str(out),
         "trim", "0", f"{seconds}")  # fmt: skip


def make_testimony(t: dict[str, Any], tmp: Path) -> list[dict[str, Any]]:
    """Speak each segment, concatenate, encode OGG; return segments with times."""
    parts: list[Path] = []
    lead = tmp / "lead.wav"
    gap = tmp / "gap.wav"
    _silence(LEAD_IN, 22050, lead)
    _silence(GAP, 22050, gap)
    parts.append(lead)
    cursor = LEAD_IN
    segments = []
    for i, (speaker, title, keywords, text) in enumerate(t["segments"]):
        wav = tmp / f"{t['key']}_{i}.wav"
        seconds = _speak(text, VOICES[speaker], wav)
        if i:
            parts.append(gap)
            cursor += GAP
        parts.append(wav)
        segments.append({"start": round(cursor, 2), "end": round(cursor + seconds, 2),
                         "speaker": speaker, "text": text, "title": title,
                         "keywords": keywords})  # fmt: skip
        cursor += seconds
    joined = tmp / f"{t['key']}.wav"
    _run("sox", *map(str, parts), str(joined))
    out = MEDIA / f"{t['key']}_{_slug(t['title'])}.ogg"
    _run("sox", str(joined), "--comment", f"TITLE={t['title']}",
         "--add-comment", f"COMMENT={FICTION}", "-C", "1", str(out))  # fmt: skip
    total = _duration(out)
    if not 20 <= total <= 60:
        raise SystemExit(f"{out.name}: {total:.1f} s, outside the 20-60 s the demo wants")
    t["file"] = out.name
    return segments


def _write_wav(path: Path, samples: list[float], rate: int) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1, min(1, s)) * 32000))
                               for s in samples))  # fmt: skip


def make_ambience(path: Path, seconds: float = 8.0, rate: int = 8000) -> None:
    """A soft motor hum (the escalators) with bird chirps: WAV 8 kHz mono."""
    rng = random.Random(1)
    n = int(seconds * rate)
    out = [0.0] * n
    for i in range(n):
        t = i / rate
        out[i] = 0.06 * math.sin(2 * math.pi * 100 * t) + 0.03 * math.sin(2 * math.pi * 150 * t)
        out[i] += 0.01 * (rng.random() - 0.5)
    for _ in range(14):
        start = rng.uniform(0.2, seconds - 0.5)
        f0, f1 = rng.uniform(2200, 3000), rng.uniform(2800, 3600)
        length = rng.uniform(0.06, 0.14)
        for k in range(int(length * rate)):
            t = k / rate
            env = math.sin(math.pi * t / length)
            f = f0 + (f1 - f0) * t / length
            out[int(start * rate) + k] += 0.25 * env * math.sin(2 * math.pi * f * t)
    fade = int(0.3 * rate)
    for k in range(fade):
        out[k] *= k / fade
        out[-1 - k] *= k / fade
    _write_wav(path, out, rate)


def make_drums(wav: Path, seconds: float = 9.0, rate: int = 16000) -> None:
    """A simple tambora-like rhythm, synthesised (no samples borrowed)."""
    rng = random.Random(2)
    n = int(seconds * rate)
    out = [0.0] * n
    beat = 60 / 96
    pattern = [(0.0, 70, 0.8), (0.5, 140, 0.4), (0.75, 140, 0.35), (1.0, 70, 0.7),
               (1.5, 140, 0.45), (1.75, 200, 0.3)]  # fmt: skip
    bar = 2 * beat
    t0 = 0.1
    while t0 + bar < seconds:
        for offset, freq, amp in pattern:
            start = int((t0 + offset * beat) * rate)
            for k in range(int(0.35 * rate)):
                if start + k >= n:
                    break
                t = k / rate
                env = math.exp(-t * 12)
                tone = math.sin(2 * math.pi * freq * t * (1 + 0.5 * math.exp(-t * 40)))
                out[start + k] += amp * env * (0.8 * tone + 0.2 * (rng.random() - 0.5))
        t0 += bar
    _write_wav(wav, [s * 0.6 for s in out], rate)


def make_audio(tmp: Path) -> None:
    a1, a2, a3 = AUDIO
    make_ambience(MEDIA / a1["file"])
    note = tmp / "note.wav"
    _speak(a2["speech"], VOICES["p2"], note)
    _run("sox", str(note), "--comment", f"TITLE={a2['title']}", "--add-comment",
         f"COMMENT={FICTION}", "-r", "16000", str(MEDIA / a2["file"]))  # fmt: skip
    drums = tmp / "drums.wav"
    make_drums(drums)
    _run("sox", str(drums), "--comment", f"TITLE={a3['title']}", "--add-comment",
         f"COMMENT={FICTION}", str(MEDIA / a3["file"]))  # fmt: skip


# ---------------------------------------------------------------------------
# Photographs

Colour = tuple[int, int, int]
HOUSE_COLOURS: list[Colour] = [
    (178, 84, 52), (196, 104, 64), (160, 72, 48), (232, 170, 66), (226, 122, 140),
    (80, 160, 170), (244, 214, 96), (130, 180, 220), (236, 232, 220), (150, 200, 120),
]  # fmt: skip


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans (fonts-dejavu-core) for accents; Pillow's own font otherwise."""
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def _gradient(size: tuple[int, int], top: Colour, bottom: Colour) -> Image.Image:
    w, h = size
    img = Image.new("RGB", size)
    d = ImageDraw.Draw(img)
    for y in range(h):
        f = y / max(h - 1, 1)
        d.line(
            [(0, y), (w, y)],
            fill=tuple(int(a + (b - a) * f) for a, b in zip(top, bottom, strict=True)),
        )
    return img


def _label(img: Image.Image) -> None:
    """Mark every picture as fictional, in the picture itself."""
    d = ImageDraw.Draw(img, "RGBA")
    text = "EJEMPLO FICTICIO - Memoria"
    font = _font(14)
    w, h = img.size
    box = d.textbbox((0, 0), text, font=font)
    tw, th = box[2] - box[0], box[3] - box[1]
    d.rectangle([w - tw - 16, h - th - 14, w, h], fill=(0, 0, 0, 110))
    d.text((w - tw - 8, h - th - 10), text, font=font, fill=(255, 255, 255, 230))


def _house(d: ImageDraw.ImageDraw, x: float, y: float, w: float, h: float,
           colour: Colour, rng: random.Random, lit: bool = False) -> None:  # fmt: skip
    """A self-built house: block of colour, flat slab roof, small windows."""
    d.rectangle([x, y, x + w, y + h], fill=colour)
    d.rectangle([x - 2, y - 4, x + w + 2, y], fill=(110, 110, 105))
    if rng.random() < 0.4:  # rebar waiting for the next floor
        for k in range(3):
            rx = x + 4 + k * (w - 8) / 2
            d.line([rx, y - 4, rx, y - 10], fill=(90, 70, 60), width=1)
    win = (255, 214, 120) if lit else (60, 70, 80)
    cols = max(1, int(w // 18))
    for c in range(cols):
        wx = x + 5 + c * (w - 10) / cols
        if rng.random() < 0.75:
            d.rectangle([wx, y + h * 0.25, wx + 8, y + h * 0.25 + 8], fill=win)
    if rng.random() < 0.6:
        dx = x + rng.uniform(4, max(5, w - 12))
        d.rectangle([dx, y + h - 14, dx + 8, y + h], fill=(90, 60, 45))


def _hillside(img: Image.Image, rng: random.Random, *, top: float, lit: bool = False,
              colours: list[Colour] | None = None) -> None:  # fmt: skip
    """Rows of houses stacked up a slope, drawn from the back to the front."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    d.polygon([(0, h), (0, h * top + 60), (w * 0.5, h * top), (w, h * top - 30), (w, h)],
              fill=(86, 130, 70) if not lit else (40, 40, 60))  # fmt: skip
    palette = colours or HOUSE_COLOURS
    rows = 9
    for r in range(rows):
        base = h * top + 20 + r * (h * (1 - top)) / rows
        size = 22 + r * 6
        x = -rng.uniform(0, size)
        while x < w:
            hw = size * rng.uniform(1.0, 1.7)
            hh = size * rng.uniform(0.8, 1.3)
            slope = (w - x) / w * 30
            _house(d, x, base - hh + slope * 0.3, hw, hh, rng.choice(palette), rng, lit)
            x += hw + rng.uniform(-2, 3)


def _trees(d: ImageDraw.ImageDraw, rng: random.Random, n: int, y0: float, y1: float,
           width: int) -> None:  # fmt: skip
    for _ in range(n):
        x, y = rng.uniform(0, width), rng.uniform(y0, y1)
        r = rng.uniform(10, 22)
        green = (rng.randint(40, 80), rng.randint(110, 150), rng.randint(50, 80))
        d.ellipse([x - r, y - r, x + r, y + r], fill=green)


def photo_hillside(rng: random.Random) -> Image.Image:
    img = _gradient(PHOTO_SIZE, (120, 180, 230), (220, 236, 245))
    d = ImageDraw.Draw(img)
    w, h = img.size
    d.polygon([(0, 260), (200, 170), (420, 210), (640, 150), (w, 200), (w, h), (0, h)],
              fill=(110, 150, 150))  # fmt: skip
    for cx in (150, 520, 700):
        cy = rng.uniform(60, 110)
        for k in range(4):
            d.ellipse([cx + k * 22 - 30, cy - 14 - (k % 2) * 8, cx + k * 22 + 20, cy + 16],
                      fill=(250, 250, 250))  # fmt: skip
    _hillside(img, rng, top=0.33)
    _trees(d, rng, 12, h * 0.35, h * 0.95, w)
    return img


def photo_escalators(rng: random.Random) -> Image.Image:
    img = _gradient(PHOTO_SIZE, (140, 190, 235), (230, 240, 248))
    _hillside(img, rng, top=0.18)
    d = ImageDraw.Draw(img, "RGBA")
    w, h = img.size
    # Five flights of covered escalator climbing diagonally, orange roofs.
    for k in range(5):
        x0, y0 = 60 + k * 140, h - 40 - k * 100
        x1, y1 = x0 + 130, y0 - 90
        d.polygon([(x0, y0), (x1, y1), (x1, y1 + 40), (x0, y0 + 40)], fill=(170, 170, 165))
        for s in range(12):
            f = s / 12
            sx, sy = x0 + (x1 - x0) * f, y0 + (y1 - y0) * f
            d.line([sx, sy + 20, sx + 10, sy + 13], fill=(120, 120, 118), width=2)
        d.line([x0, y0 + 8, x1, y1 + 8], fill=(60, 60, 60), width=3)
        d.polygon([(x0 - 10, y0 - 38), (x1 + 10, y1 - 38), (x1 + 10, y1 - 26),
                   (x0 - 10, y0 - 26)], fill=(236, 110, 40))  # fmt: skip
        for px in (x0, x1):
            py = y0 if px == x0 else y1
            d.line([px, py - 26, px, py + 10], fill=(90, 90, 90), width=3)
        # Two people riding up.
        for p in (0.35, 0.7):
            px, py = x0 + (x1 - x0) * p, y0 + (y1 - y0) * p
            colour = HOUSE_COLOURS[(k * 3 + int(p * 10)) % len(HOUSE_COLOURS)]
            d.rounded_rectangle([px - 5, py - 18, px + 5, py + 4], radius=3, fill=colour)
            d.ellipse([px - 4, py - 27, px + 4, py - 19], fill=(120, 80, 60))
    return img


def photo_mural(rng: random.Random) -> Image.Image:
    w, h = PHOTO_SIZE
    img = Image.new("RGB", PHOTO_SIZE, (214, 196, 170))
    d = ImageDraw.Draw(img)
    for y in range(0, h, 24):  # brick courses
        d.line([0, y, w, y], fill=(196, 176, 150), width=2)
        off = 0 if (y // 24) % 2 else 30
        for x in range(off, w, 60):
            d.line([x, y, x, y + 24], fill=(196, 176, 150), width=2)
    # The mural: a big sun, hills of colour, hands, birds, a stripe of stairs.
    d.rectangle([40, 40, w - 40, h - 90], fill=(30, 60, 120))
    d.ellipse([w - 300, 70, w - 120, 250], fill=(250, 200, 40))
    for i, colour in enumerate([(230, 60, 90), (250, 140, 40), (60, 180, 120), (120, 80, 200)]):
        d.pieslice([-100 + i * 180, 300 - i * 15, 260 + i * 180, 700], 180, 360, fill=colour)
    for i in range(7):
        x = 80 + i * 95
        d.polygon([(x, h - 90), (x + 45, h - 150 - (i % 3) * 20), (x + 90, h - 90)],
                  fill=HOUSE_COLOURS[i % len(HOUSE_COLOURS)])  # fmt: skip
    for _ in range(9):
        bx, by = rng.uniform(80, w - 100), rng.uniform(70, 260)
        d.line([bx - 16, by - 8, bx, by, bx + 16, by - 8], fill=(255, 255, 255), width=4)
    for cx in (230, 420):  # two open hands of circles
        d.ellipse([cx - 40, 250, cx + 40, 330], fill=(240, 190, 150))
        for f in range(5):
            fx = cx - 36 + f * 18
            d.rounded_rectangle([fx, 200 + abs(2 - f) * 10, fx + 14, 270], radius=7,
                                fill=(240, 190, 150))  # fmt: skip
    d.rectangle([0, h - 60, w, h], fill=(120, 120, 120))  # pavement
    return img


def photo_garden(rng: random.Random) -> Image.Image:
    img = _gradient(PHOTO_SIZE, (160, 205, 240), (235, 242, 235))
    d = ImageDraw.Draw(img)
    w, h = img.size
    d.ellipse([600, 40, 680, 120], fill=(255, 228, 120))
    d.rectangle([0, 230, w, h], fill=(120, 92, 60))
    for x in range(0, w, 40):  # fence
        d.rectangle([x, 190, x + 8, 240], fill=(170, 140, 100))
    d.line([0, 205, w, 205], fill=(170, 140, 100), width=4)
    for row in range(4):
        y0 = 270 + row * 85
        inset = (3 - row) * 30
        d.polygon([(20 + inset, y0 + 60), (w - 20 - inset, y0 + 60), (w - 40 - inset, y0),
                   (40 + inset, y0)], fill=(92, 64, 40))  # fmt: skip
        n = 10 + row * 2
        for k in range(n):
            x = 60 + inset + k * (w - 120 - 2 * inset) / n
            r = 10 + row * 3 + rng.uniform(-2, 4)
            green = (rng.randint(50, 90), rng.randint(130, 170), rng.randint(50, 80))
            d.ellipse([x - r, y0 + 25 - r, x + r, y0 + 25 + r], fill=green)
            if rng.random() < 0.35:
                fc = rng.choice([(230, 60, 80), (250, 200, 50), (250, 250, 250), (200, 90, 200)])
                d.ellipse([x - 4, y0 + 18 - 4, x + 4, y0 + 18 + 4], fill=fc)
    # A watering can.
    d.rectangle([640, 520, 690, 560], fill=(60, 130, 180))
    d.line([690, 530, 720, 505], fill=(60, 130, 180), width=6)
    d.arc([645, 500, 685, 540], 180, 360, fill=(60, 130, 180), width=5)
    return img


def photo_meeting(rng: random.Random) -> Image.Image:
    img = _gradient(PHOTO_SIZE, (250, 236, 210), (230, 210, 180))
    d = ImageDraw.Draw(img)
    w, h = img.size
    d.rectangle([0, 380, w, h], fill=(170, 110, 80))  # tiled floor
    for x in range(0, w, 50):
        d.line([x, 380, x - 80, h], fill=(150, 95, 70), width=2)
    # Paper flags on a string.
    for k in range(16):
        x = 20 + k * 50
        y = 60 + 25 * math.sin(k / 15 * math.pi)
        d.polygon([(x, y), (x + 40, y), (x + 20, y + 34)],
                  fill=HOUSE_COLOURS[k % len(HOUSE_COLOURS)])  # fmt: skip
    d.line([(20 + k * 50, 60 + 25 * math.sin(k / 15 * math.pi)) for k in range(17)],
           fill=(90, 80, 70), width=2)  # fmt: skip
    skins = [(141, 85, 36), (198, 134, 66), (224, 172, 105), (241, 194, 125), (110, 70, 40)]
    for k in range(6):  # neighbours around the table
        x = 110 + k * 110
        colour = HOUSE_COLOURS[(k * 3) % len(HOUSE_COLOURS)]
        d.rounded_rectangle([x - 35, 250, x + 35, 390], radius=25, fill=colour)
        d.ellipse([x - 25, 190, x + 25, 240], fill=rng.choice(skins))
        d.chord([x - 27, 186, x + 27, 226], 180, 360, fill=(40, 30, 25))
    d.rectangle([70, 330, w - 70, 360], fill=(240, 240, 235))  # tablecloth
    d.rectangle([90, 360, w - 90, 440], fill=(215, 60, 70))
    for k in range(5):
        cx = 160 + k * 120
        d.ellipse([cx - 16, 318, cx + 16, 336], fill=(255, 255, 255))
        d.rectangle([cx + 30, 300, cx + 42, 332], fill=(250, 180, 60))
    return img


def photo_old_garden(rng: random.Random) -> Image.Image:
    """A 1990s family snapshot: balcony pots, then sepia, soft focus and vignette."""
    img = _gradient(PHOTO_SIZE, (200, 210, 220), (240, 240, 235))
    d = ImageDraw.Draw(img)
    w, h = img.size
    d.rectangle([0, 0, w, 360], fill=(200, 150, 120))  # house wall
    d.rectangle([300, 80, 500, 300], fill=(90, 70, 60))  # door
    d.rectangle([0, 360, w, h], fill=(160, 150, 140))
    for x in range(0, w, 30):  # balcony railing
        d.rectangle([x, 430, x + 6, 560], fill=(70, 70, 70))
    d.rectangle([0, 425, w, 436], fill=(70, 70, 70))
    for k in range(7):
        x = 40 + k * 110
        d.polygon([(x, 420), (x + 60, 420), (x + 50, 360), (x + 10, 360)], fill=(170, 90, 50))
        for _ in range(9):
            fx, fy = x + rng.uniform(0, 60), rng.uniform(280, 360)
            d.ellipse([fx - 10, fy - 10, fx + 10, fy + 10], fill=(70, 140, 60))
        for _ in range(6):
            fx, fy = x + rng.uniform(5, 55), rng.uniform(285, 350)
            d.ellipse([fx - 6, fy - 6, fx + 6, fy + 6], fill=(220, 60, 90))
    # A man with a hat watering, as a silhouette.
    d.rounded_rectangle([560, 250, 620, 420], radius=20, fill=(80, 90, 110))
    d.ellipse([568, 200, 612, 248], fill=(190, 140, 100))
    d.rectangle([555, 196, 625, 206], fill=(230, 220, 190))
    d.rectangle([572, 176, 608, 200], fill=(230, 220, 190))
    img = img.filter(ImageFilter.GaussianBlur(1.2)).convert("L")
    sepia = Image.merge("RGB", [img.point(lambda v: min(255, int(v * 1.07) + 18)),
                                img.point(lambda v: int(v * 0.93) + 10),
                                img.point(lambda v: int(v * 0.74))])  # fmt: skip
    mask = Image.new("L", PHOTO_SIZE, 0)
    ImageDraw.Draw(mask).ellipse([-120, -100, w + 120, h + 100], fill=255)
    mask = mask.filter(ImageFilter.GaussianBlur(80))
    return Image.composite(sepia, Image.new("RGB", PHOTO_SIZE, (60, 45, 30)), mask)


def photo_dusk(rng: random.Random) -> Image.Image:
    img = _gradient(PHOTO_SIZE, (70, 50, 110), (250, 150, 90))
    _hillside(img, rng, top=0.3, lit=True,
              colours=[(60, 50, 70), (70, 55, 65), (50, 45, 60), (80, 60, 70)])  # fmt: skip
    d = ImageDraw.Draw(img, "RGBA")
    w, h = img.size
    for x in (200, 560):  # street lamps with a glow
        d.ellipse([x - 60, 150, x + 60, 270], fill=(255, 220, 140, 60))
        d.line([x, 210, x, h], fill=(30, 30, 30), width=6)
        d.ellipse([x - 12, 198, x + 12, 222], fill=(255, 236, 170))
    for s in range(14):  # stairs going up the middle
        y = h - s * 24
        d.rectangle([360 - s * 2, y - 10, 440 + s * 2, y], fill=(90, 80, 90, 220))
    return img


def photo_valley(rng: random.Random) -> Image.Image:
    img = _gradient(PHOTO_SIZE, (170, 200, 225), (225, 230, 230))
    d = ImageDraw.Draw(img)
    w, h = img.size
    d.polygon([(0, 200), (180, 140), (380, 180), (560, 120), (w, 170), (w, 330), (0, 330)],
              fill=(120, 140, 150))  # fmt: skip
    d.polygon([(0, 260), (w, 240), (w, 420), (0, 420)], fill=(160, 160, 150))
    for _ in range(700):  # the city in the valley
        x, y = rng.uniform(0, w), rng.uniform(250, 420)
        bw, bh = rng.uniform(4, 12), rng.uniform(4, 30) * (1 if rng.random() > 0.1 else 2.5)
        grey = rng.randint(150, 235)
        colour = rng.choice([(grey, grey, grey), (200, 120, 90), (220, 200, 180)])
        d.rectangle([x, y - bh, x + bw, y], fill=colour)
    d.line([0, 380, w, 350], fill=(90, 90, 100), width=4)  # the metro viaduct
    d.polygon([(0, h), (0, 430), (300, 470), (w, 440), (w, h)], fill=(80, 120, 60))
    _trees(d, rng, 25, 450, h, w)
    return img


PAINTERS: dict[str, Callable[[random.Random], Image.Image]] = {
    "f1": photo_hillside,
    "f2": photo_escalators,
    "f3": photo_mural,
    "f4": photo_garden,
    "f5": photo_meeting,
    "f6": photo_old_garden,
    "f7": photo_dusk,
    "f8": photo_valley,
}


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round((value - degrees - minutes / 60) * 3600, 2)
    return float(degrees), float(minutes), seconds


def make_photo(p: dict[str, Any]) -> None:
    """Draw, label and save one photograph with EXIF (and GPS if asked)."""
    img = PAINTERS[p["key"]](random.Random(p["key"]))
    _label(img)
    exif = Image.Exif()
    # EXIF text is ASCII: accents are folded rather than stored as "?".
    exif[0x010E] = _ascii(f"{FICTION} {p['title']}")  # ImageDescription
    exif[0x0131] = "Memoria make_demo_media.py"  # Software
    exif[0x0132] = p["exif_date"]  # DateTime
    photographers = [k for k, role in p["people"] if role == "photographer"]
    if photographers:  # a name in the file: exports must strip it
        name = next(x["name"] for x in PEOPLE if x["key"] == photographers[0])
        exif[0x013B] = _ascii(f"{name} (ficticia)")  # Artist
    exif_ifd = exif.get_ifd(0x8769)
    exif_ifd[0x9003] = p["exif_date"]  # DateTimeOriginal
    exif_ifd[0x9004] = p["exif_date"]  # DateTimeDigitized
    if p.get("gps"):
        gps = exif.get_ifd(0x8825)
        gps[0x0000] = b"\x02\x03\x00\x00"  # GPSVersionID
        gps[0x0001] = "N" if GPS_LAT >= 0 else "S"
        gps[0x0002] = _dms(GPS_LAT)
        gps[0x0003] = "E" if GPS_LON >= 0 else "W"
        gps[0x0004] = _dms(GPS_LON)
    img.save(MEDIA / p["file"], "JPEG", quality=80, optimize=True, exif=exif)


def make_form() -> None:
    """A fake scanned consent form, unmistakably labelled as fictional."""
    w, h = 620, 820
    img = Image.new("RGB", (w, h), (246, 244, 236))
    d = ImageDraw.Draw(img)
    red = (190, 30, 30)
    ink = (40, 40, 50)
    d.rectangle([20, 20, w - 20, 90], outline=red, width=4)
    d.text((w / 2, 55), "FORMULARIO DE EJEMPLO - FICTICIO", font=_font(26), fill=red,
           anchor="mm")  # fmt: skip
    lines = [
        ("Museo de la memoria (ejemplo) - Consentimiento informado", 17),
        ("", 10),
        ("Nombre: Rosa Elena Marín Cardona (persona ficticia)", 15),
        ("Documento: XX.XXX.XXX (no es un documento real)", 15),
        ("Material: testimonio 'La huerta de las madres' y fotografía", 15),
        ("           'La huerta comunitaria'", 15),
        ("", 10),
        ("Autorizo que este material se use para:", 15),
        ("  [X] archivo interno      [X] consulta de investigación", 15),
        ("  [X] exhibición en el museo", 15),
        ("  [X] publicación impresa  [X] publicación en línea", 15),
        ("  [  ] prensa", 15),
        ("", 10),
        ("Puedo retirar esta autorización en cualquier momento.", 15),
        ("", 10),
        ("Fecha: 8 de marzo de 2019      Lugar: Medellín", 15),
        ("Recibido por: Julián Andrés Ospina (ficticio)", 15),
        ("Testigo: Yesenia Álvarez (ficticia)", 15),
    ]
    y = 120
    for text, size in lines:
        if text:
            d.text((40, y), text, font=_font(size), fill=ink)
        y += size + 14
    y += 30
    d.line([60, y + 60, 300, y + 60], fill=ink, width=1)
    d.text((60, y + 66), "Firma", font=_font(13), fill=ink)
    rng = random.Random(7)
    pts = [(70 + k * 9, y + 40 + 18 * math.sin(k * 0.9) + rng.uniform(-4, 4)) for k in range(24)]
    d.line(pts, fill=(30, 50, 140), width=2, joint="curve")
    d.text((w / 2, h - 40), "Documento de demostración de Memoria. No tiene validez.",
           font=_font(13), fill=red, anchor="mm")  # fmt: skip
    # Scanned look: slight rotation on a grey scanner bed, then few colours.
    img = img.rotate(0.8, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(200, 200, 200))
    img.convert("P", palette=Image.Palette.ADAPTIVE, colors=64).save(
        MEDIA / FORM_FILE, optimize=True
    )


# ---------------------------------------------------------------------------
# demo.json


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _slug(title: str) -> str:
    return "_".join("".join(c if c.isalnum() else " " for c in _ascii(title).lower()).split())


def _item(kind: str, src: dict[str, Any], people: list[dict[str, str]],
          segments: list[dict[str, Any]], media: list[str]) -> dict[str, Any]:  # fmt: skip
    UncertainDate.from_edtf(src["date"])  # refuse to write a date the app cannot read
    return {
        "key": src["key"], "kind": kind, "title": src["title"],
        "description": f"{FICTION} {src['description']}", "date": src["date"],
        "places": src["places"], "people": people, "subjects": src["subjects"],
        "languages": ["es"], "notes": src["notes"], "media": media, "segments": segments,
    }  # fmt: skip


def build_json(segments_by_item: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    items = []
    for t in TESTIMONIES:
        people = [{"person": t["narrator"], "role": "narrator"},
                  {"person": "p2", "role": "interviewer"}]  # fmt: skip
        items.append(_item("testimony", t, people, segments_by_item[t["key"]], [t["file"]]))
    for p in PHOTOGRAPHS:
        people = [{"person": k, "role": r} for k, r in p["people"]]
        items.append(_item("photograph", p, people, [], [p["file"]]))
    for a in AUDIO:
        people = [{"person": k, "role": r} for k, r in a["people"]]
        items.append(_item("audio", a, people, [], [a["file"]]))
    data = {"people": PEOPLE, "places": PLACES, "subjects": SUBJECTS, "items": items,
            "consents": CONSENTS}  # fmt: skip
    _check(data)
    return data


def _check(data: dict[str, Any]) -> None:
    """Every key referenced exists and every media file is there."""
    people = {p["key"] for p in data["people"]}
    places = {p["key"] for p in data["places"]}
    items = {i["key"]: i for i in data["items"]}
    subjects = set(data["subjects"])
    for place in data["places"]:
        assert place["parent"] is None or place["parent"] in places, place
    for item in data["items"]:
        assert set(item["places"]) <= places, item["key"]
        assert set(item["subjects"]) <= subjects, item["key"]
        assert all(p["person"] in people for p in item["people"]), item["key"]
        assert all((MEDIA / m).is_file() for m in item["media"]), item["key"]
        assert all(s["speaker"] in people for s in item["segments"]), item["key"]
    for c in data["consents"]:
        assert c["person"] in people and set(c["items"]) <= set(items), c
        for ref in c["segments"] or []:
            assert ref["item"] in c["items"] and ref["index"] < len(items[ref["item"]]["segments"])
        assert c["form"] is None or (MEDIA / c["form"]).is_file()


def main() -> None:
    for tool in ("espeak-ng", "sox", "soxi"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} not found: apt-get install -y espeak-ng sox libsox-fmt-all")
    MEDIA.mkdir(exist_ok=True)
    for old in MEDIA.iterdir():
        old.unlink()
    segments: dict[str, list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for t in TESTIMONIES:
            segments[t["key"]] = make_testimony(t, Path(tmp))
        make_audio(Path(tmp))
    for p in PHOTOGRAPHS:
        make_photo(p)
    make_form()
    data = build_json(segments)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    (HERE / "demo.json").write_text(text, encoding="utf-8")
    total = sum(f.stat().st_size for f in MEDIA.iterdir())
    print(f"{len(data['items'])} items, media {total / 1e6:.2f} MB in {MEDIA}")


if __name__ == "__main__":
    main()
