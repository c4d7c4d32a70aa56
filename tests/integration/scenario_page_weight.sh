#!/usr/bin/env bash
# Light pages for slow phones: one stylesheet ≤ 15 KB gzip, every institution page ≤ 15 KB gzip,
# no web fonts, and nothing referenced from another host.
set -eu
tuoyu=$1 root=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$tuoyu" build --source "$root" --out "$work/out" > /dev/null 2>&1
limit=$((15 * 1024))
css=$(gzip -9c "$work/out/assets/style.css" | wc -c)
[ "$css" -le "$limit" ] || { echo "FAIL: style.css is $css bytes gzip, over $limit"; exit 1; }
largest=0 largest_page=""
for page in "$work"/out/institutions/*.html "$work"/out/en/institutions/*.html; do
  size=$(gzip -9c "$page" | wc -c)
  if [ "$size" -gt "$largest" ]; then largest=$size largest_page=$page; fi
done
[ "$largest" -le "$limit" ] || { echo "FAIL: ${largest_page#$work/out/} is $largest bytes gzip, over $limit"; exit 1; }
stylesheets=$(grep -ho '<link rel="stylesheet"[^>]*>' "$work/out/index.html" | wc -l)
[ "$stylesheets" = 1 ] || { echo "FAIL: $stylesheets stylesheets on the home page"; exit 1; }
# Loads only: stylesheets, icons, preloads, scripts, images, frames (canonical and alternate links are not loads).
if grep -rlE '@font-face|<link rel="(stylesheet|icon|preload|manifest)"[^>]+href="(https?:)?//|<(script|img|iframe|source)[^>]+src="(https?:)?//' "$work/out" --include='*.html' --include='*.css' | head -1 | grep -q .; then
  echo "FAIL: a page or stylesheet loads a font or a resource from another host"; exit 1
fi
echo "ok: style.css $css B gzip; largest institution page ${largest_page#$work/out/} $largest B gzip (limit $limit)"
