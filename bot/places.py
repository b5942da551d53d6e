"""Which Land a place lies in: "Kreis Gütersloh", "Oberbayern", "bei Leipzig", "aus dem Allgäu".

The places come from dataset packages (``tools/places_build.py`` writes ``.nlp/places_de.json``
at ``make install``: all 401 Kreise from Destatis, towns of at least 500 inhabitants from
GeoNames) and from ``knowledge/places.yml`` (Regierungsbezirke and regions that lie in one Land).

Place names are often ordinary words ("Regen", "Halle", "Mitte", "Essen"), so a name counts only

* after a cue ("aus", "in", "bei", "Kreis", "Landkreis", "Stadt", …; for regions also "aus dem
  Allgäu"), in any spelling, or alone as the whole message (the answer to "wo?");
* or as a name of several words or with a hyphen ("Frankfurt am Main", "Rhein-Sieg-Kreis");
* or written with a capital and rare as a word (spaCy's German word frequencies) – a Kreis, a
  region or a town of at least ``MIN_POPULATION`` inhabitants.

A town name in several Länder counts only where one of them has ten times the inhabitants of
the others; otherwise the place is ambiguous and nothing is guessed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.paths import KNOWLEDGE_DIR, ROOT
from bot.text import fold

TABLE = ROOT / ".nlp" / "places_de.json"
PLACES_FILE = KNOWLEDGE_DIR / "places.yml"
MIN_POPULATION = 20_000  # a capitalised town name without a cue
COMMON_WORD = -10.5  # log probability of the capitalised word above which it needs a cue
DOMINANCE = 10
MAX_TOKENS = 5
CUES = frozenset(
    [
        "aus",
        "in",
        "bei",
        "nahe",
        "von",
        "vom",
        "im",
        "um",
        "landkreis",
        "lk",
        "kreis",
        "stadt",
        "gemeinde",
        "raum",
        "region",
        "bezirk",
        "regierungsbezirk",
        "grossraum",
        "naehe",
        "ort",
        "dorf",
        "markt",
        "samtgemeinde",
        "verbandsgemeinde",
        "amt",
        "kreisstadt",
    ]
)
ARTICLES = frozenset({"dem", "der", "den"})
_TOKEN = re.compile(r"[\w][\w\-.()]*", re.UNICODE)


@dataclass(frozen=True)
class Place:
    """A place found in a message and its Land."""

    name: str
    land: str
    kind: str  # kreis, bezirk, region, town
    start: int
    end: int


@dataclass(frozen=True)
class _Entry:
    land: str | None  # None: in several Länder, none dominant
    kind: str
    distinctive: bool  # several words or a hyphen
    population: int


def _key(name: str) -> str:
    return " ".join(fold(name).replace("(", " ").replace(")", " ").replace(".", " ").split())


@cache
def _word_probability() -> dict[str, float]:
    """spaCy's German word frequencies (log probabilities), loaded on first use."""
    import spacy_lookups_data
    import srsly

    path = Path(spacy_lookups_data.__file__).parent / "data" / "de_lexeme_prob.json.gz"
    return dict(srsly.read_gzip_json(path))


def _add(index: dict[str, _Entry], name: str, land: str | None, kind: str, population: int = 0) -> None:
    key = _key(name)
    if not key:
        return
    distinctive = " " in key or "-" in key
    old = index.get(key)
    if old is not None and old.kind != "town":
        return  # a Kreis, Regierungsbezirk or region wins over a town of the same name
    index[key] = _Entry(land, kind, distinctive, population)
    if "(" in name:  # "Halle (Saale)" also as "Halle", where no other place has that name
        short = _key(name.split("(")[0])
        if short and short not in index:
            index[short] = _Entry(land, kind, " " in short or "-" in short, population)


@cache
def place_index(table: Path = TABLE, places: Path = PLACES_FILE) -> dict[str, _Entry]:
    """Folded name -> entry, from the built table and knowledge/places.yml."""
    index: dict[str, _Entry] = {}
    curated = yaml.safe_load(places.read_text(encoding="utf-8")) or {}
    for kind, key in (("bezirk", "regierungsbezirke"), ("region", "regions")):
        for name, land in (curated.get(key) or {}).items():
            _add(index, str(name), str(land), kind)
    data: dict[str, Any] = json.loads(table.read_text(encoding="utf-8")) if table.is_file() else {}
    for name, entry in (data.get("kreise") or {}).items():
        laender = entry.get("laender") or []
        _add(index, name, laender[0] if len(laender) == 1 else None, "kreis")
    for name, by_land in (data.get("towns") or {}).items():
        ranked = sorted(by_land.items(), key=lambda item: -int(item[1]))
        dominant = len(ranked) == 1 or int(ranked[0][1]) >= DOMINANCE * max(int(ranked[1][1]), 1)
        _add(index, name, ranked[0][0] if dominant else None, "town", int(ranked[0][1]))
    return index


def has_table(table: Path = TABLE) -> bool:
    """Whether ``make install`` built the table of Kreise and towns."""
    return table.is_file()


def _accepted(entry: _Entry, words: list[str], cue: bool) -> bool:
    if cue or entry.distinctive:
        return True
    original = words[0]
    if not original[:1].isupper():
        return False
    if _word_probability().get(original, -99.0) > COMMON_WORD:
        return False
    return entry.kind != "town" or entry.population >= MIN_POPULATION


def find_place(text: str, index: dict[str, _Entry] | None = None) -> Place | None:
    """The first place in ``text`` whose Land is clear, else None."""
    index = index if index is not None else place_index()
    tokens = [
        (m.group(0).strip(".()"), m.start(), m.start() + len(m.group(0).rstrip(".()"))) for m in _TOKEN.finditer(text)
    ]
    position = 0
    while position < len(tokens):
        found = None
        for size in range(min(MAX_TOKENS, len(tokens) - position), 0, -1):
            span = tokens[position : position + size]
            entry = index.get(_key(" ".join(t[0] for t in span)))
            if entry is None:
                continue
            before = [fold(t[0]) for t in tokens[max(0, position - 2) : position]]
            cue = bool(before) and before[-1] in CUES
            if entry.kind in {"region", "bezirk"} and len(before) == 2:  # "aus dem Allgäu", "in der Pfalz"
                cue = cue or (before[0] in CUES and before[1] in ARTICLES)
            alone = len(tokens) == size  # the whole message is the name: an answer to "wo?"
            if _accepted(entry, [t[0] for t in span], cue or alone):
                found = (entry, span)
            break
        if found is not None:
            entry, span = found
            if entry.land is None:
                return None  # ambiguous: better ask than guess
            return Place(" ".join(t[0] for t in span), entry.land, entry.kind, span[0][1], span[-1][2])
        position += 1
    return None
