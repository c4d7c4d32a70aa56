#!/usr/bin/env bash
# A successful rebuild replaces the whole tree: pages of removed institutions do not survive.
set -eu
tuoyu=$1 root=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r "$root/tests/fixtures/base" "$work/src"
"$tuoyu" build --source "$work/src" --out "$work/out" > /dev/null 2>&1
[ -f "$work/out/institutions/t-003.html" ] || { echo "FAIL: t-003 page missing after first build"; exit 1; }
grep -v '^t-003,' "$work/src/data/institutions.csv" > "$work/i.csv" && mv "$work/i.csv" "$work/src/data/institutions.csv"
"$tuoyu" build --source "$work/src" --out "$work/out" > /dev/null 2>&1
[ ! -e "$work/out/institutions/t-003.html" ] || { echo "FAIL: stale page of a removed institution survived"; exit 1; }
[ -f "$work/out/institutions/t-001.html" ] || { echo "FAIL: t-001 page missing"; exit 1; }
if ls -a "$work" | grep -qE 'tuoyu-(staging|old)'; then echo "FAIL: stage or old tree left behind"; ls -a "$work"; exit 1; fi
echo "ok"
