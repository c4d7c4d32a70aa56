#!/usr/bin/env bash
# The embedded default site builds with only its deliberate warnings, and every page carries the
# fictional-data notice; no private value reaches the output.
set -eu
tuoyu=$1 root=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$tuoyu" build --source "$root" --out "$work/out" > "$work/log.txt" 2>&1 || { cat "$work/log.txt"; echo "FAIL: sample build"; exit 1; }
institutions=$(($(wc -l < "$root/data/institutions.csv") - 1))
pages=$(find "$work/out/institutions" -name "*.html" | wc -l)
[ "$pages" = "$institutions" ] || { echo "FAIL: $pages institution pages for $institutions institutions"; exit 1; }
for page in $(find "$work/out" -name '*.html'); do
  grep -q '示例数据（虚构）' "$page" || { echo "FAIL: $page lacks the 示例数据（虚构） notice"; exit 1; }
done
# operator_mobile is private: none of its values may appear in any output file.
column=$(head -1 "$root/data/institutions.csv" | tr ',' '\n' | grep -n '^operator_mobile$' | cut -d: -f1)
leaks=0
for mobile in $(cut -d, -f"$column" "$root/data/institutions.csv" | tail -n +2 | grep -E '^1[0-9]{10}$' | sort -u); do
  if grep -rqF "$mobile" "$work/out"; then echo "FAIL: private value $mobile published"; leaks=1; fi
done
[ "$leaks" = 0 ] || exit 1
echo "ok: $pages institution pages, notice on every page, no private value published"
