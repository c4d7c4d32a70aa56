#!/usr/bin/env bash
# The README documents each table exactly as data/schema/ defines it.
set -eu
root=$2
python3 "$root/tools/schema_docs.py" --check
