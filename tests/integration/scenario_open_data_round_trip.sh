#!/usr/bin/env bash
# Round trip: the published CSVs of the sample site, fed back to tuoyu as a register with the same
# site.yaml and guidance, rebuild a site whose every file — pages and open data — is identical.
set -eu
tuoyu=$1 root=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$tuoyu" build --source "$root" --out "$work/first" > /dev/null 2>&1
mkdir -p "$work/again/data"
cp "$root/site.yaml" "$work/again/"
cp -r "$root/content" "$work/again/"
cp "$work"/first/data/{institutions,fees,areas}.csv "$work/again/data/"
"$tuoyu" build --source "$work/again" --out "$work/second" > "$work/second.log" 2>&1 || { cat "$work/second.log"; exit 1; }
pages=$(find "$work/first" -name '*.html' | wc -l)
[ "$pages" -gt 300 ] || { echo "FAIL: only $pages pages built"; exit 1; }
if ! diff -r "$work/first" "$work/second" > "$work/diff.txt"; then
  echo "FAIL: the rebuilt site differs"; head -20 "$work/diff.txt"; exit 1
fi
echo "ok: $pages pages and every open-data file identical after the round trip"
