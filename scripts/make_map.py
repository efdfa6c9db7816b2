"""Make dossier_lib/data/map_east_asia.geojson: the land for the lesson 09 map, from Natural Earth.

Run once, at development time; the lessons only read the GeoJSON this writes (offline, no
extra package). The source is Natural Earth's 1:110m "Admin 0 – Countries" (public domain,
https://www.naturalearthdata.com/about/terms-of-use/), which ships inside the geopandas 0.14
wheel as ``geopandas/datasets/naturalearth_lowres``. How to run it again:

    pip download geopandas==0.14.4 --no-deps -d /tmp/ne     # the wheel: a zip file, not installed
    pip install pyshp                                        # reads the shapefile; not a dependency of dossier_lib
    python scripts/make_map.py /tmp/ne/geopandas-0.14.4-py3-none-any.whl

What it does: reads every country whose outline reaches into East and Southeast Asia (lon 85–160,
lat -15–65), clips the outlines to that box (Sutherland–Hodgman), rounds coordinates to 0.01°
(about 1 km, finer than the 1:110m data), adds the Dutch name of each country and where the map
puts that name, and writes one small GeoJSON FeatureCollection with the source and licence in it.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import shapefile  # pyshp

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "dossier_lib" / "data" / "map_east_asia.geojson"
INSIDE_WHEEL = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
WHEEL = "geopandas-0.14.4-py3-none-any.whl"
#: The part of the world we keep: a little wider than the lesson 09 map (lon 94–146, lat -4–55).
BOX = (85.0, -12.0, 152.0, 62.0)  # west, south, east, north

#: Dutch names, and where the map writes them (lon, lat): only countries the map labels get a place.
DUTCH = {
    "China": ("China", (105.0, 33.0)),
    "Russia": ("Rusland", (136.5, 51.5)),
    "Mongolia": ("Mongolië", (104.0, 46.5)),
    "North Korea": ("Noord-Korea", (128.2, 40.9)),
    "South Korea": ("Zuid-Korea", (128.3, 36.0)),
    "Japan": ("Japan", (138.6, 35.2)),
    "Vietnam": ("Vietnam", (107.9, 14.4)),
    "Laos": ("Laos", (102.6, 19.6)),
    "Thailand": ("Thailand", (101.0, 15.8)),
    "Cambodia": ("Cambodja", (104.9, 12.7)),
    "Myanmar": ("Myanmar", (96.5, 21.5)),
    "Philippines": ("Filipijnen", (122.4, 16.9)),
    "Malaysia": ("Maleisië", (102.0, 4.4)),
    "Indonesia": ("Indonesië", (116.5, -2.0)),
    "Taiwan": ("Taiwan", None),
    "India": ("India", None),
    "Bangladesh": ("Bangladesh", None),
    "Bhutan": ("Bhutan", None),
    "Nepal": ("Nepal", None),
    "Brunei": ("Brunei", None),
    "Kazakhstan": ("Kazachstan", None),
    "Papua New Guinea": ("Papoea-Nieuw-Guinea", None),
    "Timor-Leste": ("Oost-Timor", None),
    "Australia": ("Australië", None),
}


def _clip(ring: list[tuple[float, float]], box: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """A closed ring clipped to a rectangle (Sutherland–Hodgman); empty when nothing is inside."""
    west, south, east, north = box
    edges = [
        (lambda p: p[0] >= west, lambda a, b: _cross_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _cross_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _cross_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _cross_y(a, b, north)),
    ]
    points = ring[:-1] if ring and ring[0] == ring[-1] else list(ring)
    for inside, cross in edges:
        if not points:
            break
        out = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(cross(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(cross(previous, current))
        points = out
    return points + points[:1] if len(points) >= 3 else []


def _cross_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cross_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def _rounded(ring):
    out = []
    for lon, lat in ring:
        point = [round(lon, 2), round(lat, 2)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def _reader(wheel: Path) -> shapefile.Reader:
    with zipfile.ZipFile(wheel) as z:
        parts = {ext: io.BytesIO(z.read(f"{INSIDE_WHEEL}.{ext}")) for ext in ("shp", "shx", "dbf")}
    return shapefile.Reader(
        shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding="latin-1"
    )  # see the .cpg file in the wheel


def features(wheel: Path) -> list[dict]:
    """The countries that reach into BOX, clipped to it, as GeoJSON features (largest first)."""
    west, south, east, north = BOX
    found = []
    for shape_record in _reader(wheel).iterShapeRecords():
        shape, record = shape_record.shape, shape_record.record.as_dict()
        x0, y0, x1, y1 = shape.bbox
        if x1 < west or x0 > east or y1 < south or y0 > north:
            continue
        starts = list(shape.parts) + [len(shape.points)]
        rings = [_clip([tuple(p) for p in shape.points[a:b]], BOX) for a, b in zip(starts, starts[1:])]
        rings = [_rounded(r) for r in rings if r]
        if not rings:
            continue
        name = record["name"]
        if name not in DUTCH:
            raise SystemExit(f"{name} ligt op de kaart maar heeft geen Nederlandse naam in DUTCH: voeg die toe.")
        dutch, label_at = DUTCH[name]
        properties = {"name": name, "name_nl": dutch, "iso_a3": record["iso_a3"]}
        if label_at:
            properties["label_lon"], properties["label_lat"] = label_at
        # Each ring is its own polygon: pyshp lists outer rings (and the few holes) one after the other.
        geometry = {"type": "MultiPolygon", "coordinates": [[ring] for ring in rings]}
        found.append({"type": "Feature", "properties": properties, "geometry": geometry})
    return sorted(found, key=lambda f: f["properties"]["name"])


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_file():
        print(__doc__)
        return 2
    collection = {
        "type": "FeatureCollection",
        "name": "map_east_asia",
        "description": "Landen van Oost- en Zuidoost-Azië en het oosten van Rusland, voor de kaart van les 9.",
        "source": "Natural Earth, 1:110m Cultural Vectors, Admin 0 – Countries (naturalearthdata.com), "
        f"zoals meegeleverd in {WHEEL} ({INSIDE_WHEEL}); gemaakt met scripts/make_map.py.",
        "license": "Publiek domein (public domain): Natural Earth, https://www.naturalearthdata.com/about/terms-of-use/. "
        "Vermelding is niet verplicht; wij noemen de bron toch.",
        "accuracy": "Schaal 1:110 miljoen: goed voor een overzichtskaart, niet om afstanden op te meten "
        "(gebruik daarvoor dossier_lib.geo). Kleine eilanden, zoals Singapore, ontbreken.",
        "crs": "lon/lat in graden (WGS84), punten als [lon, lat]; uitgeknipt op lon 85–152, lat -12–62.",
        "features": features(Path(argv[0])),
    }
    OUT.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    points = sum(len(r[0]) for f in collection["features"] for r in f["geometry"]["coordinates"])
    print(f"{OUT.relative_to(ROOT)}: {len(collection['features'])} landen, {points} punten, {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
