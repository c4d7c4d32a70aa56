#!/usr/bin/env bash
# Every published indicator, recomputed from the register CSVs by tests/opendata/recompute_statistics.py
# (Python, not tuoyu's code), equals statistics.csv and the figures on the home, statistics and
# district pages — for the rounding fixture and the sample site. A tampered copy must fail.
set -eu
tuoyu=$1 root=$2
py=/usr/bin/python3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fixture="$root/tests/fixtures/statistics"
"$tuoyu" build --source "$fixture" --out "$work/fixture" > /dev/null 2>&1
"$tuoyu" build --source "$root" --out "$work/sample" > /dev/null 2>&1
"$py" "$root/tests/opendata/recompute_statistics.py" "$fixture" "$work/fixture"
"$py" "$root/tests/opendata/recompute_statistics.py" "$root" "$work/sample"
# Rounding half to even instead of half up would publish 4.42 here; the check must notice.
cp -r "$work/fixture" "$work/tampered"
sed -i 's/^110102001,\(.*\),places_per_1000,all,4.43,/110102001,\1,places_per_1000,all,4.42,/' "$work/tampered/data/statistics.csv"
grep -q ',4.42,' "$work/tampered/data/statistics.csv" || { echo "FAIL: the tampering did not apply"; exit 1; }
if "$py" "$root/tests/opendata/recompute_statistics.py" "$fixture" "$work/tampered" > "$work/tampered.log"; then
  echo "FAIL: a wrong figure was not noticed"; exit 1
fi
echo "ok: statistics match the independent computation; a wrong figure is caught"
