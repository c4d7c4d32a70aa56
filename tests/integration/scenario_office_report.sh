#!/usr/bin/env bash
# The office's follow-up list: `check --report` prints it, `build` writes it beside (never inside)
# the output folder, and nothing of it is published.
set -eu
tuoyu=$1 root=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fixture="$root/tests/fixtures/statistics"
"$tuoyu" check --report --lang en --source "$fixture" > "$work/report.txt" 2> "$work/messages.txt"
expect() { grep -qF -- "$1" "$work/report.txt" || { echo "FAIL: the report lacks: $1"; cat "$work/report.txt"; exit 1; }; }
expect "Prepayment over 3 months: 1"
expect "t04 景山家庭托育点（东城区 景山街道）: 全日托 保育费 6 months"
expect "Enrolment over capacity: 1"
expect "enrolled 7, places 6"
expect "Operating but not filed: 3"
expect "t11 朝阳托育中心（朝阳区）: 未备案"
expect "Streets with no operating institution: 1"
expect "110101003 交道口街道（东城区）"
# Without --report, check prints no list; with errors in the data, no list either.
"$tuoyu" check --source "$fixture" > "$work/plain.txt" 2>/dev/null
[ ! -s "$work/plain.txt" ] || { echo "FAIL: check without --report printed a list"; exit 1; }
"$tuoyu" build --source "$fixture" --out "$work/out/site" > "$work/build.txt" 2>&1
[ -f "$work/out/site.office-report.txt" ] || { echo "FAIL: no report beside the output"; cat "$work/build.txt"; exit 1; }
grep -qF "site.office-report.txt" "$work/build.txt" || { echo "FAIL: the build did not say where the report is"; exit 1; }
grep -qF "预收费超过 3 个月：1" "$work/out/site.office-report.txt" || { echo "FAIL: the written report is not in the site's language"; exit 1; }
if grep -rqF "跟进清单" "$work/out/site"; then echo "FAIL: the follow-up list reached the published site"; exit 1; fi
echo "ok: the follow-up list is printed and written beside the output, never published"
