"""Places instead of a Land (bot/places.py): every Kreis of the dataset package, towns, regions."""

from __future__ import annotations

import json

import pytest

from bot.contacts import LANDS
from bot.places import TABLE, find_place, has_table


def test_the_place_table_is_built_by_make_install() -> None:
    assert has_table(), "make install baut .nlp/places_de.json (tools/places_build.py)"
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    assert sum(len(k["arten"]) for k in data["kreise"].values()) == 401  # all Kreise and kreisfreie Städte
    assert len(data["towns"]) > 10_000


def kreise() -> list[tuple[str, str, list[str]]]:
    data = json.loads(TABLE.read_text(encoding="utf-8")) if has_table() else {"kreise": {}}
    return [(name, entry["laender"][0], entry["arten"]) for name, entry in data["kreise"].items()]


@pytest.mark.parametrize(("name", "land", "kinds"), kreise())
def test_every_kreis_maps_to_its_land(name: str, land: str, kinds: list[str]) -> None:
    assert land in LANDS
    word = "Stadt" if all("Stadt" in k or k == "Stadtkreis" for k in kinds) else "Landkreis"
    for text in (f"Ich bin im {word} {name} aktiv", f"aus {name}", name):
        place = find_place(text)
        assert place is not None and place.land == land, text


@pytest.mark.parametrize(
    ("text", "land"),
    [
        ("Ich bin aus dem Kreis Gütersloh", "Nordrhein-Westfalen"),
        ("Oberbayern", "Bayern"),
        ("ich wohne bei Leipzig", "Sachsen"),
        ("aus dem Allgäu", "Bayern"),
        ("im Rhein-Sieg-Kreis", "Nordrhein-Westfalen"),
        ("Bürgermeisterin in Wernigerode", "Sachsen-Anhalt"),
        ("Ich sitz im Stadtrat von Pirna", "Sachsen"),
        ("Ortsvorsteher in einem Dorf bei Cham", "Bayern"),
        ("Frankfurt am Main", "Hessen"),
        ("in der Pfalz", "Rheinland-Pfalz"),
    ],
)
def test_places_people_name(text: str, land: str) -> None:
    place = find_place(text)
    assert place is not None and place.land == land


@pytest.mark.parametrize(
    "text",
    [
        "Es regnet, Regen ohne Ende",  # Landkreis Regen, but here the weather
        "Er stand in der Halle",  # Halle (Saale)
        "Mitte Oktober war das",
        "Wir essen nichts",
        "Gemeinderat in Neustadt",  # a Neustadt in several Länder: ask, never guess
        "das ist mir zu leer",
        "wie lange gilt das",
    ],
)
def test_ordinary_words_and_ambiguous_names_are_no_places(text: str) -> None:
    assert find_place(text) is None
