#!/usr/bin/env bash
# The 2019 Xiacheng register: the raw table as the document gives it is explained value by value;
# the cleaned register builds.
set -u
tuoyu=$1 root=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$tuoyu" check --source "$root/examples/xiacheng-2019/raw" --lang en > "$work/raw.txt" 2>&1
code=$?
[ "$code" = 1 ] || { echo "FAIL: raw check exit $code, expected 1"; cat "$work/raw.txt"; exit 1; }
status=0
while IFS= read -r line; do
  grep -qF -- "$line" "$work/raw.txt" || { echo "FAIL: missing: $line"; status=1; }
done <<'LINES'
the required column 机构编号 (id) is missing
the required column 区划代码 (district_code) is missing
error: 机构类型 (type): expected one of 托育中心, 幼儿园托班, 社区托育点, 用人单位办托, 家庭托育点, got "托幼一体化模式"
did you mean 幼儿园托班?
error: 托位数 (capacity): expected a whole number from 0 to 100000, got "4个班（80人）"
error: 建筑面积 (area_m2): expected a number ≥ 0, got "95～100/班"
error: 建筑面积 (area_m2): expected a number ≥ 0, got "60～80/班"
error: 托位数 (capacity): expected a whole number from 0 to 100000, got "30人"
error: 托位数 (capacity): expected a whole number from 0 to 100000, got "7个班\n（140人）"
"新建园，位于三塘单元" has no house number
is marked as a provisional name
raw.csv:2:29: error: 托位数 (capacity): a value is required but the cell is empty
LINES
[ "$status" = 0 ] || { cat "$work/raw.txt"; exit 1; }
"$tuoyu" build --source "$root/examples/xiacheng-2019" --out "$work/site" > "$work/clean.txt" 2>&1 || { echo "FAIL: clean register"; cat "$work/clean.txt"; exit 1; }
n=$(find "$work/site/institutions" -name "*.html" | wc -l)
[ "$n" = 13 ] || { echo "FAIL: $n pages, expected 13"; exit 1; }
echo "ok"
