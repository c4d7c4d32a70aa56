#!/usr/bin/env bash
# SIGKILL at several moments of a build of a 3,000-institution site: the output is always exactly the
# site before the build or the complete new one, and the next build succeeds and leaves no stage.
set -eu
tuoyu=$1 root=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"
cp "$root/site.yaml" "$work/src/"
python3 "$root/tools/make_sample_data.py" --institutions 3000 --out "$work/src/data" > /dev/null 2>&1
# Two versions of the register that differ in one name, so their sites differ.
cp "$work/src/data/institutions.csv" "$work/a.csv"
sed '2s/托育/托幼/' "$work/a.csv" > "$work/b.csv"
cmp -s "$work/a.csv" "$work/b.csv" && { echo "FAIL: the edit did not apply"; exit 1; }
tree_hash() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -d' ' -f1; }
for v in a b; do
  cp "$work/$v.csv" "$work/src/data/institutions.csv"
  "$tuoyu" build --source "$work/src" --out "$work/site-$v" > /dev/null 2>&1
  eval "hash_$v=$(tree_hash "$work/site-$v")"
done
[ "$hash_a" != "$hash_b" ] || { echo "FAIL: the two versions build the same site"; exit 1; }
cp -r "$work/site-a" "$work/out"; current=a
start=$(date +%s%N); "$tuoyu" build --source "$work/src" --out "$work/timing" > /dev/null 2>&1; end=$(date +%s%N)
span=$(( (end - start) / 1000 ))  # microseconds for one full build
killed=0
for step in 1 2 3 4 5 6 7; do
  next=$([ "$current" = a ] && echo b || echo a)
  cp "$work/$next.csv" "$work/src/data/institutions.csv"
  "$tuoyu" build --source "$work/src" --out "$work/out" > /dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v s="$span" -v k="$step" 'BEGIN { printf "%.4f", s * k / 8 / 1000000 }')"
  kill -9 "$pid" 2> /dev/null && killed=$((killed + 1)) || true
  wait "$pid" 2> /dev/null || true
  now=$(tree_hash "$work/out")
  if [ "$now" = "$(eval echo "\$hash_$current")" ]; then :;
  elif [ "$now" = "$(eval echo "\$hash_$next")" ]; then current=$next;
  else echo "FAIL: after a kill at step $step the output is neither the old nor the new complete site"; exit 1; fi
done
cp "$work/b.csv" "$work/src/data/institutions.csv"
"$tuoyu" build --source "$work/src" --out "$work/out" > /dev/null 2>&1 || { echo "FAIL: the build after the kills failed"; exit 1; }
[ "$(tree_hash "$work/out")" = "$hash_b" ] || { echo "FAIL: the final build is not the complete new site"; exit 1; }
if ls -a "$work" | grep -qE 'tuoyu-(staging|old)'; then echo "FAIL: stages left behind"; ls -a "$work"; exit 1; fi
[ "$killed" -ge 3 ] || { echo "FAIL: only $killed builds were still running when killed; the test did not exercise an interrupted build"; exit 1; }
echo "ok: $killed of 7 builds killed mid-way; the output was a complete site every time"
