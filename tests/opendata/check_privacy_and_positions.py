#!/usr/bin/python3
"""Checks a built site against its source folder, independently of tuoyu's code:

1. no value of any private field (as the source's schemas mark them) appears in any output file,
   including inside the .xlsx workbook's compressed parts;
2. no 家庭托育点's register address appears anywhere, and no published coordinate lies within 30 m of
   its exact position in WGS-84, GCJ-02 or BD-09 (the published cell must be 100 m away or more on
   each axis for this to mean anything: the script checks that too);
3. GeoJSON positions match published reference conversions given as `--reference id=lon,lat`
   (WGS-84, within 2e-6 degrees);
4. the workbook's institutions sheet holds the CSV's values, ids and codes as text, numbers as numbers.

Usage: check_privacy_and_positions.py SOURCE SITE [--reference id=lon,lat ...]
"""
import csv
import json
import math
import re
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from read_xlsx import read_xlsx  # noqa: E402

# GCJ-02 as published (Krasovsky 1940 ellipsoid): the forward transform, its inverse by iteration,
# and Baidu's BD-09 on top of it.
A, EE = 6378245.0, 0.00669342162296594323
X_PI = math.pi * 3000.0 / 180.0


def _offset(lon, lat):
    x, y = lon - 105.0, lat - 35.0
    d_lat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    d_lat += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    d_lat += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    d_lat += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    d_lon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    d_lon += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    d_lon += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    d_lon += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    rad = lat / 180.0 * math.pi
    magic = 1 - EE * math.sin(rad) ** 2
    d_lat = (d_lat * 180.0) / ((A * (1 - EE)) / (magic * math.sqrt(magic)) * math.pi)
    d_lon = (d_lon * 180.0) / (A / math.sqrt(magic) * math.cos(rad) * math.pi)
    return d_lon, d_lat


def wgs_to_gcj(lon, lat):
    d_lon, d_lat = _offset(lon, lat)
    return lon + d_lon, lat + d_lat


def gcj_to_wgs(lon, lat):
    w_lon, w_lat = lon, lat
    for _ in range(30):
        g_lon, g_lat = wgs_to_gcj(w_lon, w_lat)
        w_lon, w_lat = w_lon - (g_lon - lon), w_lat - (g_lat - lat)
    return w_lon, w_lat


def gcj_to_bd(lon, lat):
    z = math.sqrt(lon * lon + lat * lat) + 0.00002 * math.sin(lat * X_PI)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * X_PI)
    return z * math.cos(theta) + 0.0065, z * math.sin(theta) + 0.006


def bd_to_gcj(lon, lat):
    x, y = lon - 0.0065, lat - 0.006
    z = math.sqrt(x * x + y * y) - 0.00002 * math.sin(y * X_PI)
    theta = math.atan2(y, x) - 0.000003 * math.cos(x * X_PI)
    return z * math.cos(theta), z * math.sin(theta)


def all_datums(lon, lat, crs):
    """The position in WGS-84, GCJ-02 and BD-09."""
    gcj = {"WGS84": lambda: wgs_to_gcj(lon, lat), "BD09": lambda: bd_to_gcj(lon, lat)}.get(crs, lambda: (lon, lat))()
    return [gcj_to_wgs(*gcj), gcj, gcj_to_bd(*gcj)]


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def output_texts(site):
    """(name, text) for every output file; an .xlsx gives one text per zip member."""
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = str(path.relative_to(site))
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                for member in z.namelist():
                    yield f"{name}!{member}", z.read(member).decode("utf-8", "replace")
        else:
            yield name, path.read_bytes().decode("utf-8", "replace")


def private_values(source):
    """Every non-empty value of a private field in the source tables, with where it came from."""
    values = []
    for table in ["areas", "institutions", "fees"]:
        schema = json.loads((source / f"data/schema/{table}.schema.json").read_text(encoding="utf-8")) \
            if (source / f"data/schema/{table}.schema.json").exists() else None
        if schema is None:
            continue
        private = [f["name"] for f in schema["fields"] if f.get("private")]
        for row in read_csv(source / f"data/{table}.csv"):
            values += [(f"{table}.{name}", row[name]) for name in private if row.get(name, "").strip()]
    return values


def main():
    source, site = Path(sys.argv[1]), Path(sys.argv[2])
    references = {}
    for arg in sys.argv[3:]:
        if arg == "--reference":
            continue
        key, position = arg.split("=")
        references[key] = tuple(float(v) for v in position.split(","))
    problems = []
    texts = list(output_texts(site))
    institutions = read_csv(source / "data/institutions.csv")
    geojson = {f["properties"]["id"]: f["geometry"]["coordinates"]
               for f in json.loads((site / "data/institutions.geojson").read_text(encoding="utf-8"))["features"]}

    secrets = private_values(source)
    homes = [r for r in institutions if r["type"] == "家庭托育点"]
    secrets += [(f"address of {r['id']}", r["address"]) for r in homes]
    if len(secrets) < 3:
        problems.append(f"only {len(secrets)} private values to look for: the fixture is not exercising the test")
    for label, value in secrets:
        for name, text in texts:
            if value in text:
                problems.append(f"{name}: contains {label} {value!r}")

    number = re.compile(r"\d{2,3}\.\d{4,}")
    found = [(name, float(m.group(0))) for name, text in texts for m in number.finditer(text)]
    for home in homes:
        if not home["longitude"]:
            continue
        exact = all_datums(float(home["longitude"]), float(home["latitude"]), home["crs"] or "GCJ02")
        published = geojson.get(home["id"])
        if published is None or min(abs(published[0] - exact[0][0]), abs(published[1] - exact[0][1])) < 0.0008:
            problems.append(f"{home['id']}: the published cell {published} is too close to the exact place for this test to mean anything")
        for lon, lat in exact:
            for name, value in found:
                if abs(value - lon) < 0.0003 or abs(value - lat) < 0.0003:
                    problems.append(f"{name}: {value} is within 30 m of {home['id']}'s exact position ({lon:.6f}, {lat:.6f})")

    for key, (lon, lat) in references.items():
        got = geojson.get(key)
        if got is None or abs(got[0] - lon) > 2e-6 or abs(got[1] - lat) > 2e-6:
            problems.append(f"institutions.geojson: {key} is at {got}, reference WGS-84 ({lon}, {lat})")

    book = read_xlsx(site / "data/register.xlsx")
    sheet = next((s for s in book["sheets"] if s["name"] == "托育机构"), None)
    published = read_csv(site / "data/institutions.csv")
    if sheet is None or len(sheet["rows"]) != len(published) + 1:
        problems.append("register.xlsx: the 托育机构 sheet is missing or has the wrong number of rows")
    else:
        numeric = {"capacity", "enrolled", "age_min_months", "age_max_months", "longitude", "latitude",
                   "places_6_12m", "places_12_24m", "places_24_36m", "area_m2"}
        names = list(published[0].keys())
        for r, row in enumerate(published, start=2):
            cells = sheet["rows"][r - 1]
            for c, name in enumerate(names):
                cell = cells[c] if c < len(cells) else None
                if row[name] == "":
                    if cell is not None:
                        problems.append(f"register.xlsx row {r} {name}: expected an empty cell, got {cell}")
                    continue
                want = "n" if name in numeric else "s"
                if cell is None or cell["t"] != want or (want == "s" and cell["v"] != row[name]) or \
                        (want == "n" and float(cell["v"]) != float(row[name])):
                    problems.append(f"register.xlsx row {r} {name}: expected {want} {row[name]!r}, got {cell}")
    for problem in problems:
        print(problem)
    print(f"check_privacy_and_positions: {len(secrets)} private values, {len(homes)} home settings, "
          f"{len(references)} reference positions, {len(texts)} output texts; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
