#!/usr/bin/env bash
# The open data of a build: a fixture whose every private field holds a sentinel (one of them a
# private column the office declares in its own schema) is built; then the published Data Package,
# catalogue, checksums, GeoJSON and Excel copies are checked against the standards
# (tests/opendata/check_open_data.py), and the sentinels, the home setting's exact address and
# position, the GeoJSON reference positions and the workbook's cells by check_privacy_and_positions.py.
set -eu
tuoyu=$1 root=$2
py=/usr/bin/python3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r "$root/tests/fixtures/open_data" "$work/src"
mkdir -p "$work/src/data/schema"
cp "$root"/data/schema/*.schema.json "$work/src/data/schema/"
# Declare a second private field and fill every private field with a value found nowhere else.
"$py" - "$work/src" <<'PY'
import csv, json, sys
src = sys.argv[1]
path = f"{src}/data/schema/institutions.schema.json"
schema = json.load(open(path, encoding="utf-8"))
schema["fields"].append({"name": "operator_name", "title": "举办者姓名", "type": "string", "private": True,
                         "description": "举办者姓名，不公开。"})
json.dump(schema, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
rows = list(csv.DictReader(open(f"{src}/data/institutions.csv", encoding="utf-8")))
for n, row in enumerate(rows):
    row["operator_mobile"] = f"1997{n:07d}"
    row["operator_name"] = f"SENTINEL-私密姓名-{n:03d}"
with open(f"{src}/data/institutions.csv", "w", encoding="utf-8", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
    writer.writeheader()
    writer.writerows(rows)
PY
"$tuoyu" build --source "$work/src" --out "$work/site" > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
"$py" "$root/tests/opendata/check_open_data.py" "$work/site" --base-url https://example.gov.cn/open-data-fixture/
"$py" "$root/tests/opendata/check_privacy_and_positions.py" "$work/src" "$work/site" \
  --reference g1=121.527211,31.177428 g2=121.5272106,31.1774276 g3=121.0917077,30.6107779 g4=116.377817,39.911954
# The sample site too: every standard check, and its sentinel-free privacy rules.
"$tuoyu" build --source "$root" --out "$work/sample" > /dev/null 2>&1
"$py" "$root/tests/opendata/check_open_data.py" "$work/sample" --base-url https://example.gov.cn/tuoyu/
# The checks can fail: a published value changed after the build must be caught.
cp -r "$work/site" "$work/tampered"
sed -i 's/外滩一号托育中心/外滩一号托育中心X/' "$work/tampered/data/institutions.csv"
if "$py" "$root/tests/opendata/check_open_data.py" "$work/tampered" > "$work/tampered.log" 2>&1; then
  echo "FAIL: a CSV changed after the build passed the checks"; exit 1
fi
grep -q "hash" "$work/tampered.log" || { echo "FAIL: the changed CSV was not caught by its hash"; cat "$work/tampered.log"; exit 1; }
echo "ok: open data conforms; private values, exact home places and reference positions checked"
