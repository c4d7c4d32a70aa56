#!/usr/bin/env bash
# A build that fails on data errors leaves the previous site byte for byte, and leaves no stage behind.
set -eu
tuoyu=$1 root=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r "$root/tests/fixtures/base" "$work/src"
"$tuoyu" build --source "$work/src" --out "$work/out" > /dev/null 2>&1
(cd "$work/out" && find . -type f -exec sha256sum {} + | sort) > "$work/before.txt"
[ -s "$work/before.txt" ] || { echo "FAIL: first build wrote nothing"; exit 1; }
sed -i 's/^t-002,长庆社区托育点,\(.*\),30,/t-002,长庆社区托育点,\1,三十,/' "$work/src/data/institutions.csv"
grep -q '三十' "$work/src/data/institutions.csv" || { echo "FAIL: fixture edit did not apply"; exit 1; }
set +e
"$tuoyu" build --source "$work/src" --out "$work/out" > "$work/log.txt" 2>&1
code=$?
set -e
[ "$code" = 1 ] || { echo "FAIL: exit $code, expected 1"; cat "$work/log.txt"; exit 1; }
grep -q 'the previous site is unchanged' "$work/log.txt" || { echo "FAIL: no reassurance message"; cat "$work/log.txt"; exit 1; }
(cd "$work/out" && find . -type f -exec sha256sum {} + | sort) > "$work/after.txt"
diff -u "$work/before.txt" "$work/after.txt" || { echo "FAIL: output changed"; exit 1; }
if ls -a "$work" | grep -q 'tuoyu-staging'; then echo "FAIL: a staging folder was left behind"; exit 1; fi
echo "ok: $(wc -l < "$work/after.txt") files unchanged after a failed build"
