#!/usr/bin/python3
"""Recomputes every published indicator from a site's register CSVs, independently of tuoyu's code,
and compares the result with the built site's data/statistics.csv and with the figures on its pages.

Usage: recompute_statistics.py <source folder> <built site folder>
Exit 0 when everything matches, 1 with one line per difference otherwise.

The definitions follow the methodology page (statistics rounded half up with Python's Decimal):
only institutions whose status is 运营中 count; streets are areas with 9 or 12 digit codes under a
district; an institution is in a street when its street name equals the area's name.
"""
import csv
import html.parser
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import yaml

CLASSES = ["乳儿班", "托小班", "托大班"]
TYPES = ["托育中心", "幼儿园托班", "社区托育点", "用人单位办托", "家庭托育点"]
OWNERSHIPS = ["公办", "民办非营利", "民办营利"]
TRUE = {"是", "true", "True", "TRUE", "1", "Y", "y", "yes", "有"}
DECIMALS = {"inclusive_share": 1, "places_per_1000": 2, "filing_rate": 1, "occupancy": 1, "community_coverage": 1}


def number(text):
    """A register number with optional thousands separators, or None when empty."""
    text = (text or "").strip().replace(",", "")
    return Decimal(text) if text else None


def rounded(value, decimals):
    """Decimal rounded half up to `decimals`, as plain text."""
    return str(value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def ratio(numerator, denominator, scale, decimals):
    return rounded(Decimal(numerator) * scale / Decimal(denominator), decimals) if denominator else ""


def read_table(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


class Tally:
    """Totals over the operating institutions of one area."""

    def __init__(self):
        self.operating = self.places = self.inclusive = self.filed = self.enrolled = self.enrolled_capacity = 0
        self.classes = {c: 0 for c in CLASSES + ["未分班"]}
        self.types, self.ownerships = {}, {}
        self.fees = {}

    def add(self, row, fee):
        capacity = int(number(row["capacity"]))
        self.operating += 1
        self.places += capacity
        inclusive = row["inclusive"].strip() in TRUE
        self.inclusive += capacity if inclusive else 0
        self.filed += row["filing_status"] == "已备案"
        if number(row.get("enrolled")) is not None:
            self.enrolled += int(number(row["enrolled"]))
            self.enrolled_capacity += capacity
        assigned = 0
        for name, column in zip(CLASSES, ["places_6_12m", "places_12_24m", "places_24_36m"]):
            n = int(number(row.get(column)) or 0)
            self.classes[name] += n
            assigned += n
        self.classes["未分班"] += max(0, capacity - assigned)
        self.types[row["type"]] = self.types.get(row["type"], 0) + 1
        self.ownerships[row["ownership"]] = self.ownerships.get(row["ownership"], 0) + 1
        if fee is not None:
            self.fees.setdefault(("ownership", row["ownership"]), []).append(fee)
            self.fees.setdefault(("inclusive", "普惠" if inclusive else "非普惠"), []).append(fee)


def median_yuan(values):
    values = sorted(values)
    if not values:
        return ""
    mid = len(values) // 2
    middle = values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2
    return rounded(middle, 0)


def figures(tally, population, streets, targets):
    """Expected rows {(indicator, category): (value, numerator, denominator, target, gap)} of one area."""
    out = {}

    def put(indicator, value, numerator="", denominator="", category="all"):
        target = gap = ""
        if category == "all" and indicator in targets:
            target = rounded(Decimal(str(targets[indicator])), DECIMALS[indicator])
            if value != "":
                gap = rounded(Decimal(value) - Decimal(target), DECIMALS[indicator])
        out[(indicator, category)] = (value, str(numerator), str(denominator), target, gap)

    t = tally
    put("operating_institutions", str(t.operating))
    put("places", str(t.places))
    put("inclusive_places", str(t.inclusive))
    put("inclusive_share", ratio(t.inclusive, t.places, 100, 1), t.inclusive, t.places)
    put("places_per_1000", ratio(t.places, population, 1000, 2) if population else "", t.places, population if population else "")
    put("filing_rate", ratio(t.filed, t.operating, 100, 1), t.filed, t.operating)
    put("occupancy", ratio(t.enrolled, t.enrolled_capacity, 100, 1), t.enrolled, t.enrolled_capacity)
    if streets is None:
        return out
    covered = sum(1 for s in streets if s.operating > 0)
    put("community_coverage", ratio(covered, len(streets), 100, 1), covered, len(streets))
    for c in CLASSES + ["未分班"]:
        put("places_by_class", str(t.classes[c]), category=c)
    for c in TYPES + sorted(set(t.types) - set(TYPES)):
        put("institutions_by_type", str(t.types.get(c, 0)), category=c)
    ownerships = OWNERSHIPS + sorted(set(t.ownerships) - set(OWNERSHIPS))
    for c in ownerships:
        put("institutions_by_ownership", str(t.ownerships.get(c, 0)), category=c)
    for c in ownerships:
        fees = t.fees.get(("ownership", c), [])
        put("median_monthly_fee_by_ownership", median_yuan(fees), "", len(fees), c)
    for c in ["普惠", "非普惠"]:
        fees = t.fees.get(("inclusive", c), [])
        put("median_monthly_fee_by_inclusive", median_yuan(fees), "", len(fees), c)
    return out


def expected_statistics(source):
    config = yaml.safe_load((source / "site.yaml").read_text(encoding="utf-8"))
    targets = {k: v["value"] for k, v in (config.get("targets") or {}).items()}
    areas = read_table(source / "data/areas.csv")
    institutions = read_table(source / "data/institutions.csv")
    fees = read_table(source / "data/fees.csv")
    codes = {a["code"] for a in areas}
    districts = sorted((a for a in areas if len(a["code"]) == 6), key=lambda a: a["code"])
    streets = sorted((a for a in areas if len(a["code"]) in (9, 12) and a["parent_code"] in codes), key=lambda a: a["code"])
    lowest_fee = {}
    for fee in fees:
        if fee["service"] == "全日托" and fee["item"] == "保育费" and fee["unit"] == "月":
            amount = number(fee["amount"])
            key = fee["institution_id"]
            lowest_fee[key] = min(amount, lowest_fee.get(key, amount))
    whole, by_district, by_street = Tally(), {d["code"]: Tally() for d in districts}, {(s["parent_code"], s["name"]): Tally() for s in streets}
    for row in institutions:
        if row["status"] != "运营中":
            continue
        fee = lowest_fee.get(row["id"])
        whole.add(row, fee)
        by_district.setdefault(row["district_code"], Tally()).add(row, fee)
        if (row["district_code"], row["street"]) in by_street:
            by_street[(row["district_code"], row["street"])].add(row, fee)
    populations = [number(d["population"]) for d in districts]
    site_population = sum(populations) if districts and all(p is not None for p in populations) else None
    expected = {}
    all_streets = [by_street[(s["parent_code"], s["name"])] for s in streets]
    for key, value in figures(whole, site_population, all_streets, targets).items():
        expected[("all",) + key] = value
    for d in districts:
        own = [by_street[(s["parent_code"], s["name"])] for s in streets if s["parent_code"] == d["code"]]
        for key, value in figures(by_district[d["code"]], number(d["population"]), own, targets).items():
            expected[(d["code"],) + key] = value
    for s in streets:
        for key, value in figures(by_street[(s["parent_code"], s["name"])], number(s["population"]), None, targets).items():
            expected[(s["code"],) + key] = value
    return expected


def compare_csv(expected, site, problems):
    published = {}
    for row in read_table(site / "data/statistics.csv"):
        key = (row["area_code"], row["indicator"], row["category"])
        published[key] = (row["value"], row["numerator"], row["denominator"], row["target"], row["gap"])
    for key in sorted(set(expected) | set(published)):
        if key not in published:
            problems.append(f"statistics.csv: missing row {key}")
        elif key not in expected:
            problems.append(f"statistics.csv: unexpected row {key}")
        elif published[key] != expected[key]:
            problems.append(f"statistics.csv: {key}: published {published[key]}, recomputed {expected[key]}")
    return len(published)


class FigureCells(html.parser.HTMLParser):
    """Collects the text of every element with a data-figure attribute."""

    def __init__(self):
        super().__init__()
        self.cells, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        figure = dict(attrs).get("data-figure")
        if figure is not None:
            self.stack.append([figure, tag, ""])
        elif self.stack:
            self.stack[-1].append(None)

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1][-1] is None:
            self.stack[-1].pop()
        elif self.stack and self.stack[-1][1] == tag:
            self.cells.append(tuple(self.stack.pop()[::2]))

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2] += data


def shown_number(text):
    """The number a page cell shows, without digit grouping or unit ("14,065 个" → "14065")."""
    match = re.search(r"[−-]?[\d,]+(?:\.\d+)?", text)
    return match.group(0).replace(",", "").replace("−", "-") if match else None


def compare_pages(expected, site, problems):
    checked = 0
    pages = [site / "index.html", site / "statistics.html", site / "en/statistics.html"] + sorted((site / "districts").glob("*.html"))
    for page in pages:
        parser = FigureCells()
        parser.feed(page.read_text(encoding="utf-8"))
        for figure, text in parser.cells:
            area, indicator, category = figure.split("/", 2)
            value = expected.get((area, indicator, category), (None,))[0]
            shown = shown_number(text)
            checked += 1
            if value is None:
                problems.append(f"{page.relative_to(site)}: {figure} is not an indicator")
            elif (shown or "") != value and not (value == "" and shown is None):
                problems.append(f"{page.relative_to(site)}: {figure} shows {text.strip()!r}, recomputed {value!r}")
    if checked == 0:
        problems.append("no data-figure cells found on the pages")
    return checked


def main():
    source, site = Path(sys.argv[1]), Path(sys.argv[2])
    expected = expected_statistics(source)
    problems = []
    rows = compare_csv(expected, site, problems)
    cells = compare_pages(expected, site, problems)
    for problem in problems:
        print(problem)
    print(f"recompute_statistics: {len(expected)} figures recomputed; {rows} CSV rows and {cells} page figures compared; {len(problems)} difference(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
