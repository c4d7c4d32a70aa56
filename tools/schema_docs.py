#!/usr/bin/env python3
"""Writes the README's data-contract tables from data/schema/*.schema.json.

  python3 tools/schema_docs.py              print the tables (Markdown)
  python3 tools/schema_docs.py --update     rewrite the block between the markers in README.md
  python3 tools/schema_docs.py --check      exit 1 when README.md's block differs from the schemas

The block sits between <!-- schema:begin --> and <!-- schema:end --> so the two cannot drift.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TABLES = ["institutions", "fees", "areas"]
BEGIN, END = "<!-- schema:begin -->", "<!-- schema:end -->"


def number(value):
    """A bound as a person writes it: 100000, 2000000000, 0.5 (never 2e+09)."""
    return str(int(value)) if float(value).is_integer() else repr(value)


def rule(field):
    c = field.get("constraints", {})
    parts = []
    if c.get("required"):
        parts.append("required")
    if c.get("unique"):
        parts.append("unique")
    if "enum" in c:
        parts.append("one of " + ", ".join(c["enum"]))
    if "tuoyu:list" in field:
        parts.append("list of " + ", ".join(field["tuoyu:list"]["enum"]) + " separated by " + " ".join(field["tuoyu:list"]["delimiters"]))
    if "pattern" in c:
        parts.append("`" + c["pattern"] + "`")
    if "minimum" in c and "maximum" in c:
        parts.append(f"{number(c['minimum'])}–{number(c['maximum'])}")
    elif "minimum" in c:
        parts.append(f"≥ {number(c['minimum'])}")
    if "maxLength" in c:
        parts.append(f"≤ {c['maxLength']} characters")
    if "tuoyu:maxDecimals" in field:
        parts.append(f"at most {field['tuoyu:maxDecimals']} decimals")
    check = field.get("tuoyu:check")
    if check == "uscc":
        parts.append("GB 32100-2015 code; a wrong check character is a warning")
    if check == "phone":
        parts.append("mainland landline, mobile or 400/800 number")
    return "; ".join(parts) or "optional"


def tables():
    out = []
    for table in TABLES:
        schema = json.loads((ROOT / "data" / "schema" / f"{table}.schema.json").read_text(encoding="utf-8"))
        out.append(f"#### `{table}.csv`\n")
        out.append("| field | 中文列名 | type | rule | published |")
        out.append("|---|---|---|---|---|")
        for f in schema["fields"]:
            published = "**private**" if f.get("private") else "public"
            cell = rule(f).replace("|", "\\|")
            out.append(f"| `{f['name']}` | {f['title']} | {f['type']} | {cell} | {published} |")
        keys = []
        if "primaryKey" in schema:
            keys.append("primary key: " + ", ".join(schema["primaryKey"]))
        for k in schema.get("uniqueKeys", []):
            keys.append("unique together: " + ", ".join(k))
        for fk in schema.get("foreignKeys", []):
            target = fk["reference"]["resource"] or table
            keys.append(f"{', '.join(fk['fields'])} → {target}.{', '.join(fk['reference']['fields'])}")
        out.append("\n" + "; ".join(keys) + ".\n")
    return "\n".join(out)


def main():
    readme = ROOT / "README.md"
    block = BEGIN + "\n" + tables() + END
    if len(sys.argv) == 1:
        print(tables())
        return 0
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < 0:
        print("README.md lacks the schema markers", file=sys.stderr)
        return 1
    current = text[start:end + len(END)]
    if sys.argv[1] == "--check":
        if current != block:
            print("README.md's data contract differs from data/schema/: run python3 tools/schema_docs.py --update", file=sys.stderr)
            return 1
        print("README.md matches data/schema/")
        return 0
    if sys.argv[1] == "--update":
        readme.write_text(text[:start] + block + text[end + len(END):], encoding="utf-8")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
