#!/usr/bin/env bash
# Same inputs, same bytes: builds under different time zones, locales, thread counts and file
# creation orders produce identical trees.
set -eu
tuoyu=$1 root=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# A copy of the sample site whose files are created in reverse order (different directory order).
mkdir -p "$work/src2/data/schema" "$work/src2/content/guide"
for f in $(cd "$root" && ls -r content/guide/*.md data/*.csv site.yaml); do cp "$root/$f" "$work/src2/$f"; done
TZ=UTC LANG=C LC_ALL=C "$tuoyu" build --source "$root" --out "$work/a" --jobs 1 > /dev/null 2>&1
TZ=Asia/Shanghai LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 "$tuoyu" build --source "$work/src2" --out "$work/b" --jobs 2 > /dev/null 2>&1
TZ=America/Los_Angeles LANG=en_US.UTF-8 "$tuoyu" build --source "$root" --out "$work/c" --jobs 7 > /dev/null 2>&1
count=$(find "$work/a" -type f | wc -l)
[ "$count" -gt 300 ] || { echo "FAIL: only $count files built"; exit 1; }
diff -r "$work/a" "$work/b" > /dev/null || { echo "FAIL: trees a and b differ"; diff -r "$work/a" "$work/b" | head; exit 1; }
diff -r "$work/a" "$work/c" > /dev/null || { echo "FAIL: trees a and c differ"; diff -r "$work/a" "$work/c" | head; exit 1; }
echo "ok: $count files identical across TZ, locale, thread count and file order"
