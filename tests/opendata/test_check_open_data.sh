#!/usr/bin/env bash
# Self-test of check_open_data.py: the valid sample site passes, and each copy with ONE deliberate
# defect fails (exit 1) with the specific message. Prints PASS/FAIL per case and "N passed, N failed".
# Usage: bash tests/opendata/test_check_open_data.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
checker="$here/check_open_data.py"
helper="$here/sample_site.py"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

report() {  # name, ok (0/1), output to show on failure
    if [ "$2" -eq 0 ]; then
        echo "PASS $1"
        passed=$((passed + 1))
    else
        echo "FAIL $1"
        sed 's/^/    /' <<<"$3"
        failed=$((failed + 1))
    fi
}

# defect NAME EXPECTED SEAL_FROM EDIT: copy the valid site, run EDIT (shell code) inside its data/,
# re-seal the derived files from step SEAL_FROM (excel|descriptor|catalog|sums, "-" for none) so that
# only the intended defect remains, then expect exit 1 and EXPECTED (a fixed string) in the output.
defect() {
    local name=$1 want=$2 from=$3 edit=$4 dir="$work/$1" out rc
    cp -r "$work/valid" "$dir"
    if ! (cd "$dir/data" && eval "$edit"); then
        report "$name" 1 "could not apply the defect"
        return
    fi
    [ "$from" = "-" ] || "$py" "$helper" seal "$dir" --from "$from"
    out=$("$py" "$checker" "$dir" 2>&1)
    rc=$?
    if [ "$rc" -eq 1 ] && grep -qF -- "$want" <<<"$out"; then
        report "$name" 0 ""
    else
        report "$name" 1 "exit $rc, expected 1 and: $want"$'\n'"$out"
    fi
}

json() {  # FILE CODE: edit a JSON file in place (the document is d)
    "$py" "$helper" json "$@"
}

"$py" "$helper" build "$work/valid" || { echo "FAIL could not build the sample site"; exit 1; }
out=$("$py" "$checker" "$work/valid" 2>&1)
rc=$?
[ "$rc" -eq 0 ] && grep -qF "0 problem(s)" <<<"$out"
report "valid sample site" $? "exit $rc, expected 0"$'\n'"$out"

defect wrong-hash "data/areas.csv: hash mismatch" catalog \
    'json datapackage.json "d[\"resources\"][0][\"hash\"] = \"sha256:\" + \"0\" * 64"'
defect bom-in-csv "data/areas.csv: starts with a UTF-8 BOM" excel \
    'printf "\xef\xbb\xbf" | cat - areas.csv > t && mv t areas.csv'
defect header-order "data/areas.csv: line 1: header" excel \
    'sed -i "1s/^code,name,/name,code,/" areas.csv'
defect required-missing 'data/institutions.csv: row 1 (line 2), field "name": required value is missing' excel \
    'sed -i "s/^TY0001,阳光托育中心,/TY0001,,/" institutions.csv'
defect enum-violation 'data/areas.csv: row 2 (line 3), field "level": value "county" is not in enum' excel \
    'sed -i "s/^990100,东区,district,/990100,东区,county,/" areas.csv'
defect broken-foreign-key 'data/fees.csv: row 4 (line 6), field "institution_id": foreign key value "TY0009" not found in institutions.id' excel \
    'sed -i "s/^TY0003,/TY0009,/" fees.csv'
defect duplicate-primary-key 'data/fees.csv: row 5 (line 7): duplicate primary key ["institution_id", "item"] = ["TY0001", "保育费"] (first at row 1)' excel \
    'printf "TY0001,保育费,100,month,\r\n" >> fees.csv'
defect pattern-mismatch 'data/institutions.csv: row 1 (line 2), field "phone": value "12345" does not match pattern' excel \
    'sed -i "s/,0799-12345678,/,12345,/" institutions.csv'
defect invalid-date 'data/institutions.csv: row 1 (line 2), field "opened": value "2025-02-30" is not a valid date' excel \
    'sed -i "s/,2021-03-01,/,2025-02-30,/" institutions.csv'
defect descriptor-without-path "data/datapackage.json: profile violation at /resources/0: matches none of the allowed forms: 'data' is a required property; 'path' is a required property" catalog \
    'json datapackage.json "del d[\"resources\"][0][\"path\"]"'
defect catalog-without-publisher "data/catalog.jsonld: dcat:Catalog https://example.gov.cn/tuoyu/data/catalog.jsonld has no dct:publisher" sums \
    'json catalog.jsonld "del d[\"@graph\"][0][\"dct:publisher\"]"'
defect file-not-in-sums "data/excel/fees.csv: not listed in SHA256SUMS" - \
    'sed -i "/  excel\/fees.csv$/d" SHA256SUMS'
defect geojson-7-decimals "data/institutions.geojson: line 4: coordinate 115.8912345 has 7 decimals" descriptor \
    'sed -i "s/115.891234, 28.674321/115.8912345, 28.674321/" institutions.geojson'
defect geojson-lat-lon-swapped "data/institutions.geojson: features/0: longitude 28.674321 out of range [73, 136]" descriptor \
    'sed -i "s/115.891234, 28.674321/28.674321, 115.891234/" institutions.geojson'
defect csv-lf-line-ends "data/areas.csv: line 1: not RFC 4180 CSV" excel \
    'sed -i "s/\r$//" areas.csv'
defect v1-self-reference 'data/areas.csv: foreign key uses the v1 self-reference "resource": ""' catalog \
    'json datapackage.json "d[\"resources\"][0][\"schema\"][\"foreignKeys\"][0][\"reference\"][\"resource\"] = \"\""'
defect geojson-crs "data/institutions.geojson: has a crs member" descriptor \
    'json institutions.geojson "d[\"crs\"] = {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:4326\"}}"'
defect excel-copy-differs "data/excel/institutions.csv: differs from data/institutions.csv after the BOM" descriptor \
    'sed -i "s/,60,/,61,/" excel/institutions.csv'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
