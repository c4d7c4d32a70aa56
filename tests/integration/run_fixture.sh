#!/usr/bin/env bash
# Runs tuoyu on one fixture site and checks its exit code and messages.
# usage: run_fixture.sh TUOYU BASE_SITE FIXTURE_DIR
# A fixture folder holds files that overlay the base site, and:
#   test.conf      lines "command=check|build", "exit=N", "args=…" (extra arguments)
#   expected.txt   lines that must each appear, word for word, in tuoyu's output (stderr + stdout)
#   absent.txt     optional: lines that must NOT appear
#   prepare.sh     optional: run inside the copied site before tuoyu (e.g. to re-encode a file)
set -u
tuoyu=$1 base=$2 fixture=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$base"/. "$work/site"
(cd "$fixture" && find . -type f ! -name test.conf ! -name expected.txt ! -name absent.txt ! -name prepare.sh -print0) |
  while IFS= read -r -d '' file; do mkdir -p "$work/site/$(dirname "$file")"; cp "$fixture/$file" "$work/site/$file"; done
if [ -f "$fixture/prepare.sh" ]; then (cd "$work/site" && bash "$fixture/prepare.sh") || { echo "prepare.sh failed"; exit 1; }; fi
command=check want_exit=0 args=""
while IFS='=' read -r key value; do
  case "$key" in command) command=$value ;; exit) want_exit=$value ;; args) args=$value ;; esac
done < "$fixture/test.conf"
out="$work/out"
extra=()
[ "$command" = build ] && extra=(--out "$out")
# shellcheck disable=SC2086
(cd "$work/site" && "$tuoyu" "$command" "${extra[@]}" $args) > "$work/output.txt" 2>&1
got_exit=$?
status=0
if [ "$got_exit" != "$want_exit" ]; then echo "FAIL: exit code $got_exit, expected $want_exit"; status=1; fi
if [ -f "$fixture/expected.txt" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    [ -z "$line" ] && continue
    grep -qF -- "$line" "$work/output.txt" || { echo "FAIL: missing line: $line"; status=1; }
  done < "$fixture/expected.txt"
fi
if [ -f "$fixture/absent.txt" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    [ -z "$line" ] && continue
    grep -qF -- "$line" "$work/output.txt" && { echo "FAIL: unexpected line: $line"; status=1; }
  done < "$fixture/absent.txt"
fi
# A failed run never writes an output folder.
if [ "$want_exit" != 0 ] && [ -e "$out" ]; then echo "FAIL: output written by a failing run"; status=1; fi
if [ "$status" != 0 ]; then echo "---- tuoyu output ----"; cat "$work/output.txt"; fi
exit $status
