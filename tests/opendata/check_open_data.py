#!/usr/bin/python3
"""Independent checker of a published site's open data (<site>/data/) against the open standards.

Usage: /usr/bin/python3 tests/opendata/check_open_data.py SITE [--base-url URL]
Reads only the published files; shares no code with tuoyu. Needs Python 3.11 and python3-jsonschema.
Prints one line per problem ("file: problem") and a summary; exits 1 if there is any problem.
"""
import argparse, base64, csv, datetime, decimal, hashlib, json, re, sys, urllib.parse, uuid
from pathlib import Path

import jsonschema

PROFILES = Path(__file__).resolve().parent.parent / "reference" / "frictionless-2.0"
PROFILE_URL = "https://datapackage.org/profiles/2.0/"
BOM = b"\xef\xbb\xbf"
DCAT, DCT, FOAF = "http://www.w3.org/ns/dcat#", "http://purl.org/dc/terms/", "http://xmlns.com/foaf/0.1/"
SPDX = "http://spdx.org/rdf/terms#"
RECORD = re.compile(r'(?:"(?:[^"]|"")*"|[^",\r\n]*)(?:,(?:"(?:[^"]|"")*"|[^",\r\n]*))*(?:\r\n|\Z)')
RFC3339 = re.compile(r"\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?(nan|inf)", re.I)
TRUE_VALUES, FALSE_VALUES = ["true", "True", "TRUE", "1"], ["false", "False", "FALSE", "0"]
PROBLEMS = []


def problem(file, message):
    """Record one problem found in a file (path shown relative to the site)."""
    PROBLEMS.append((file, message))


def show(value):
    """Quote a value for a message, keeping Chinese readable."""
    return json.dumps(value, ensure_ascii=False)


def sha256(path):
    """Return the hex SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def data_file(data, rel, where):
    """Return the file at a relative path inside data/, or None (reported) if the path is unsafe."""
    if not isinstance(rel, str) or not rel or rel.startswith(("/", "~")) or "\\" in rel or ":" in rel \
            or ".." in rel.split("/"):
        problem(where, f"path {show(rel)} is not a safe relative path inside data/")
        return None
    return data / rel


def load_json(path, name):
    """Parse a JSON file, reporting (and returning None on) any error."""
    try:
        return json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        problem(name, f"cannot be read as UTF-8 JSON: {err}")
        return None


# ---------------------------------------------------------------- descriptor (Data Package v2)

def profile_validator():
    """Build a Draft 7 validator for the v2 Data Package profile that resolves $refs only locally."""
    store = {}
    for file in PROFILES.glob("*.json"):
        store[PROFILE_URL + file.name] = store[file.as_uri()] = json.loads(file.read_text("utf-8"))

    def no_network(url):
        raise jsonschema.RefResolutionError(f"$ref {url} is not in the local profile store")
    resolver = jsonschema.RefResolver(PROFILE_URL + "datapackage.json", store[PROFILE_URL + "datapackage.json"],
                                      store=store, handlers={"http": no_network, "https": no_network})
    return jsonschema.Draft7Validator(store[PROFILE_URL + "datapackage.json"], resolver=resolver,
                                      format_checker=jsonschema.FormatChecker())


def describe_schema_error(err):
    """Turn a jsonschema error into a one-line message naming where in the descriptor it is."""
    where = "/" + "/".join(str(p) for p in err.absolute_path)
    if err.context:   # oneOf/anyOf: list what each alternative wanted
        wants = sorted({e.message[:120] for e in err.context})
        return f"profile violation at {where}: matches none of the allowed forms: " + "; ".join(wants[:6])
    return f"profile violation at {where}: {err.message[:200]}"


def check_descriptor(data):
    """Validate datapackage.json against the profile and our contract, and check each resource's file."""
    name = "data/datapackage.json"
    if not (data / "datapackage.json").is_file():
        problem(name, "missing")
        return None
    desc = load_json(data / "datapackage.json", name)
    if desc is None:
        return None
    for err in sorted(profile_validator().iter_errors(desc), key=lambda e: list(map(str, e.absolute_path))):
        problem(name, describe_schema_error(err))
    if not isinstance(desc, dict) or not isinstance(desc.get("resources"), list):
        return None
    if desc.get("$schema") != PROFILE_URL + "datapackage.json":
        problem(name, f"$schema must be {show(PROFILE_URL + 'datapackage.json')}, got {show(desc.get('$schema'))}")
    for key in ("name", "title", "version", "created", "licenses", "sources"):
        if not desc.get(key):
            problem(name, f"property {show(key)} is missing or empty")
    if isinstance(desc.get("created"), str) and not valid_datetime(desc["created"]):
        problem(name, f"created {show(desc['created'])} is not an RFC 3339 date-time")
    names = [r.get("name") for r in desc["resources"] if isinstance(r, dict)]
    for dup in sorted({n for n in names if isinstance(n, str) and names.count(n) > 1}):
        problem(name, f"resource name {show(dup)} is used more than once")
    for i, res in enumerate(desc["resources"]):
        if isinstance(res, dict):
            check_resource_file(data, res, f"resources/{i} ({res.get('name')})")
    return desc


def check_resource_file(data, res, label):
    """Check one resource's path, bytes, hash and, for CSV, its media type, encoding and schema."""
    if "path" not in res:
        return
    if not isinstance(res["path"], str):
        problem("data/datapackage.json", f"{label}: path must be a single string")
        return
    file, shown = data_file(data, res["path"], "data/datapackage.json"), "data/" + res["path"]
    if file is None or not file.is_file():
        if file is not None:
            problem(shown, "listed in datapackage.json but missing")
        return
    raw = file.read_bytes()
    if res.get("bytes") != len(raw):
        problem(shown, f"datapackage.json says bytes={res.get('bytes')}, the file has {len(raw)}")
    algo, _, value = str(res.get("hash", "")).rpartition(":")
    if algo != "sha256":
        problem(shown, f"datapackage.json hash {show(res.get('hash'))} is not of the form sha256:<hex>")
    elif value.lower() != hashlib.sha256(raw).hexdigest():
        problem(shown, f"hash mismatch: datapackage.json says sha256:{value}, the file has "
                       f"sha256:{hashlib.sha256(raw).hexdigest()}")
    if res.get("format") == "csv":
        for key, want in (("mediatype", "text/csv"), ("encoding", "utf-8")):
            if res.get(key) != want:
                problem(shown, f"datapackage.json {key} is {show(res.get(key))}, expected {show(want)}")
        if not isinstance(res.get("schema"), dict):
            problem(shown, "CSV resource has no inline Table Schema")


def valid_datetime(text):
    """Tell whether text is an RFC 3339 date-time with a real date and time."""
    try:
        return bool(RFC3339.fullmatch(text)) and bool(datetime.datetime.fromisoformat(text.upper()))
    except ValueError:
        return False


# ---------------------------------------------------------------- CSV tables (Table Schema v2)

def read_records(raw, shown):
    """Split CSV bytes into (file line, cells) records per RFC 4180, reporting encoding and syntax errors."""
    if raw.startswith(BOM):
        problem(shown, "starts with a UTF-8 BOM (the BOM belongs only in data/excel/ copies)")
        raw = raw[len(BOM):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        problem(shown, f"is not valid UTF-8 at byte {err.start}")
        return []
    records, pos, line = [], 0, 1
    while pos < len(text):
        match = RECORD.match(text, pos)
        if not match:
            bad = text[pos:].split("\n")[0]
            why = "a line ends with LF instead of CRLF" if '"' not in bad and not bad.endswith("\r") \
                else "a quote is unbalanced or not doubled inside a quoted field"
            problem(shown, f"line {line}: not RFC 4180 CSV ({why}): {show(bad[:80])}")
            return records
        body = match.group().removesuffix("\r\n")
        records.append((line, next(csv.reader([body], strict=True))))
        line, pos = line + match.group().count("\n"), match.end()
    if not text:
        problem(shown, "is empty: expected a header row")
    return records


def cast(field, text):
    """Return the logical value of one non-missing cell, or raise ValueError saying what is wrong."""
    kind, fmt = field.get("type", "any"), field.get("format", "default")
    if kind in ("string", "any"):
        ok = {"email": lambda: re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text),
              "uri": lambda: urllib.parse.urlparse(text).scheme and urllib.parse.urlparse(text).netloc,
              "uuid": lambda: uuid.UUID(text), "binary": lambda: base64.b64decode(text, validate=True)}
        try:
            if kind == "string" and fmt in ok and not ok[fmt]():
                raise ValueError
        except ValueError:
            raise ValueError(f"is not a valid {fmt}") from None
        return text
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", text):
            raise ValueError("is not an integer")
        return int(text)
    if kind == "number":
        if not NUMBER.fullmatch(text):
            raise ValueError("is not a number (digits with an optional sign and decimal point)")
        return decimal.Decimal(text)
    if kind == "boolean":
        if text in field.get("trueValues", TRUE_VALUES):
            return True
        if text in field.get("falseValues", FALSE_VALUES):
            return False
        raise ValueError("is not a boolean")
    parsers = {"date": (r"-?\d{4,}-\d\d-\d\d", datetime.date.fromisoformat),
               "time": (r"\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?", datetime.time.fromisoformat),
               "datetime": (r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?",
                            datetime.datetime.fromisoformat),
               "year": (r"-?\d{4,}", int),
               "yearmonth": (r"-?\d{4,}-(0[1-9]|1[0-2])", lambda t: tuple(map(int, t.rsplit("-", 1))))}
    if kind in parsers:
        pattern, parse = parsers[kind]
        try:
            if fmt == "any":
                return text
            if fmt != "default":
                return datetime.datetime.strptime(text, fmt)
            if re.fullmatch(pattern, text):
                return parse(text)
        except ValueError:
            pass
        raise ValueError(f"is not a valid {kind}" + ("" if fmt == "default" else f" in format {show(fmt)}"))
    if kind in ("object", "array"):
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            value = None
        if not isinstance(value, dict if kind == "object" else list):
            raise ValueError(f"is not a JSON {kind}")
        return json.dumps(value, sort_keys=True)
    raise ValueError(f"has type {show(kind)}, which this checker does not support")


def constraint_value(field, value):
    """Cast a constraint value (JSON literal or string) to the field's logical type."""
    if isinstance(value, str) and field.get("type", "any") not in ("string", "any"):
        return cast(field, value)
    return decimal.Decimal(str(value)) if field.get("type") == "number" else value


def check_cell(field, text, missing, where):
    """Check one cell against its field definition; return its logical value (None if missing or invalid)."""
    cons = field.get("constraints", {})
    if text in missing:
        if cons.get("required"):
            problem(*where("required value is missing"))
        return None
    try:
        value = cast(field, text)
    except ValueError as err:
        problem(*where(f"value {show(text)} {err}"))
        return None
    fail = []
    if "enum" in cons and value not in [constraint_value(field, v) for v in cons["enum"]]:
        fail.append(f"is not in enum {show(cons['enum'])}")
    if "pattern" in cons:
        try:
            if not re.fullmatch(cons["pattern"], text):
                fail.append(f"does not match pattern {show(cons['pattern'])}")
        except re.error as err:
            fail.append(f"cannot be checked: pattern {show(cons['pattern'])} is not a valid regex ({err})")
    kind = field.get("type", "any")
    if kind in ("string", "any", "object", "array"):   # characters, or items of a JSON collection
        length = len(text) if kind in ("string", "any") else len(json.loads(text))
        if length > cons.get("maxLength", length):
            fail.append(f"is longer than maxLength {cons['maxLength']} ({length})")
        if length < cons.get("minLength", length):
            fail.append(f"is shorter than minLength {cons['minLength']} ({length})")
    for key, bad in (("minimum", lambda v, c: v < c), ("maximum", lambda v, c: v > c),
                     ("exclusiveMinimum", lambda v, c: v <= c), ("exclusiveMaximum", lambda v, c: v >= c)):
        try:
            if key in cons and bad(value, constraint_value(field, cons[key])):
                fail.append(f"violates {key} {show(cons[key])}")
        except (TypeError, ValueError, decimal.InvalidOperation):
            pass   # NaN, or naive against aware times: not comparable
    for reason in fail:
        problem(*where(f"value {show(text)} {reason}"))
    return value


def key_list(fields):
    """Normalise a primaryKey/foreignKey fields entry (string or list) to a list."""
    return [fields] if isinstance(fields, str) else list(fields or [])


def check_table(data, res):
    """Check one CSV resource against its Table Schema; return its table (field names and rows) or None."""
    schema, shown = res.get("schema"), "data/" + str(res.get("path"))
    file = data_file(data, res.get("path"), shown)
    if not isinstance(schema, dict) or file is None or not file.is_file():
        return None
    fields = [f for f in schema.get("fields", []) if isinstance(f, dict)]
    names = [f.get("name") for f in fields]
    if schema.get("fieldsMatch", "exact") != "exact":
        problem(shown, f"fieldsMatch {show(schema['fieldsMatch'])} is not supported (only exact)")
    records = read_records(file.read_bytes(), shown)
    if not records:
        return None
    if records[0][1] != names:
        problem(shown, f"line 1: header {show(records[0][1])} does not equal the schema field names {show(names)}")
    table = {"name": res.get("name"), "shown": shown, "names": names, "rows": []}
    seen = [dict() for _ in fields]
    missing = [{m if isinstance(m, str) else m.get("value") for m in
                f.get("missingValues", schema.get("missingValues", [""]))} for f in fields]
    for row, (line, cells) in enumerate(records[1:], start=1):
        at = f"row {row} (line {line})"
        if len(cells) != len(fields):
            problem(shown, f"{at}: has {len(cells)} cells, expected {len(fields)}")
            continue
        values = []
        for i, (field, text) in enumerate(zip(fields, cells)):
            where = lambda msg, f=field: (shown, f"{at}, field {show(f.get('name'))}: {msg}")
            value = check_cell(field, text, missing[i], where)
            if value is not None and field.get("constraints", {}).get("unique"):
                if value in seen[i]:
                    problem(*where(f"value {show(text)} is not unique (first at row {seen[i][value]})"))
                seen[i].setdefault(value, row)
            values.append(value)
        table["rows"].append((row, line, cells, values))
    check_keys(table, schema)
    return table


def check_keys(table, schema):
    """Check the primaryKey (unique, non-missing) and uniqueKeys of a table."""
    keys = [(key_list(schema["primaryKey"]), "primary key")] if schema.get("primaryKey") else []
    keys += [(key_list(k), "unique key") for k in schema.get("uniqueKeys", [])]
    for fields, label in keys:
        if any(f not in table["names"] for f in fields):
            problem(table["shown"], f"{label} {show(fields)} names a field that is not in the schema")
            continue
        index, first = [table["names"].index(f) for f in fields], {}
        for row, line, cells, values in table["rows"]:
            key = tuple(values[i] for i in index)
            if None in key:
                if label == "primary key":
                    problem(table["shown"], f"row {row} (line {line}): primary key {show(fields)} has a missing "
                                            f"or invalid value {show([cells[i] for i in index])}")
            elif key in first:
                problem(table["shown"], f"row {row} (line {line}): duplicate {label} {show(fields)} = "
                                        f"{show([cells[i] for i in index])} (first at row {first[key]})")
            else:
                first[key] = row


def check_foreign_keys(desc, tables):
    """Check that every foreign key of every table resolves in the referenced table."""
    for res in desc["resources"]:
        table = tables.get(res.get("name")) if isinstance(res, dict) else None
        if table is None:
            continue
        for fk in res["schema"].get("foreignKeys", []):
            ref = fk.get("reference", {})
            if ref.get("resource") == "":
                problem(table["shown"], "foreign key uses the v1 self-reference \"resource\": \"\"; v2 omits resource")
            target = tables.get(ref.get("resource") or table["name"])
            fields, ref_fields = key_list(fk.get("fields")), key_list(ref.get("fields"))
            if target is None:   # a listed but unreadable table was reported already
                if ref.get("resource") not in [r.get("name") for r in desc["resources"] if isinstance(r, dict)]:
                    problem(table["shown"], f"foreign key {show(fk)} references an unknown resource")
                continue
            if len(fields) != len(ref_fields) or not set(fields) <= set(table["names"]) \
                    or not set(ref_fields) <= set(target["names"]):
                problem(table["shown"], f"foreign key {show(fk)} does not name existing fields")
                continue
            src = [table["names"].index(f) for f in fields]
            dst = [target["names"].index(f) for f in ref_fields]
            present = {tuple(values[i] for i in dst) for _, _, _, values in target["rows"]}
            for row, line, cells, values in table["rows"]:
                key = tuple(values[i] for i in src)
                if None not in key and key not in present:
                    problem(table["shown"], f"row {row} (line {line}), field {show(', '.join(fields))}: foreign key "
                                            f"value {show(', '.join(cells[i] for i in src))} not found in "
                                            f"{target['name']}.{', '.join(ref_fields)}")


# ---------------------------------------------------------------- DCAT-AP catalogue (JSON-LD)

def expander(context):
    """Return a function expanding compact IRIs and terms with a simple @context prefix map."""
    terms = {}
    for ctx in context if isinstance(context, list) else [context]:
        for key, value in (ctx.items() if isinstance(ctx, dict) else []):
            if isinstance(value, dict):
                value = value.get("@id")
            if isinstance(value, str) and not key.startswith("@"):
                terms[key] = value

    def expand(name):
        if name in terms and ":" in terms[name] and terms[name].split(":")[0] in terms:
            return expand(terms[name])
        if name in terms:
            return terms[name]
        prefix, colon, rest = name.partition(":")
        return terms[prefix] + rest if colon and prefix in terms and not rest.startswith("//") else name
    return expand


class Graph:
    """The node objects of a JSON-LD document, keys and types expanded with a simple prefix map."""

    def __init__(self, doc):
        self.expand, self.nodes = expander(doc.get("@context", {})), {}
        self.walk(doc.get("@graph", doc))

    def walk(self, item):
        """Expand an item's keys and register it (and nested nodes) by @id, blank nodes by position."""
        if isinstance(item, list):
            return [self.walk(i) for i in item]
        if not isinstance(item, dict) or "@value" in item:
            return item
        node = {k if k.startswith("@") else self.expand(k): self.walk(v) for k, v in item.items() if k != "@context"}
        if isinstance(node.get("@id"), str):
            node["@id"] = self.expand(node["@id"])
        if set(node) - {"@id", "@graph"}:
            self.nodes.setdefault(node.get("@id", f"_:n{len(self.nodes)}"), {}).update(node)
        return node

    def deref(self, value):
        """Return the node a value refers to (or the value's own node), {} for a literal."""
        if isinstance(value, dict) and isinstance(value.get("@id"), str):
            return self.nodes.get(self.expand(value["@id"]), value)
        return value if isinstance(value, dict) else {}

    def iri(self, value):
        """Return the expanded IRI of an {"@id"} object or of a plain string."""
        return self.expand(value["@id"] if isinstance(value, dict) and "@id" in value else text_of(value))

    def types(self, node):
        """Return the expanded @type values of a node."""
        return [self.expand(t) for t in values(node, "@type") if isinstance(t, str)]

    def typed(self, kind, short):
        """Return (label, node) for every node of one type, labelled by @id or title."""
        found = []
        for key, node in self.nodes.items():
            if kind in self.types(node):
                hint = [text_of(v) for v in values(node, DCT + "title")] + \
                    [self.iri(v) for v in values(node, DCAT + "downloadURL")]
                found.append((f"{short} {key}" + (f" ({hint[0]})" if key.startswith("_:") and hint else ""), node))
        return found


def values(node, prop):
    """Return the values of a property of a node as a list."""
    value = node.get(prop, [])
    return value if isinstance(value, list) else [value]


def text_of(value):
    """Return the string of a literal (plain or @value object), or ''."""
    value = value.get("@value", "") if isinstance(value, dict) else value
    return value.strip() if isinstance(value, str) else ""


def check_catalog(data, base_url):
    """Check data/catalog.jsonld for the DCAT-AP 3 mandatory properties and our distribution checksums."""
    name = "data/catalog.jsonld"
    if not (data / "catalog.jsonld").is_file():
        return
    doc = load_json(data / "catalog.jsonld", name)
    if not isinstance(doc, dict):
        return
    graph = Graph(doc)

    def require(node, label, prop, present=text_of):
        """Report a node that has no usable value for a property."""
        if not any(present(v) for v in values(node, prop)):
            for prefix, namespace in (("dcat:", DCAT), ("dct:", DCT), ("foaf:", FOAF), ("spdx:", SPDX)):
                prop = prop.replace(namespace, prefix)
            problem(name, f"{label} has no {prop}")
    catalogs = graph.typed(DCAT + "Catalog", "dcat:Catalog")
    if not catalogs:
        problem(name, "has no node of type dcat:Catalog")
    for label, cat in catalogs:
        require(cat, label, DCT + "title")
        require(cat, label, DCT + "description")
        require(cat, label, DCT + "publisher", graph.deref)
        for agent in map(graph.deref, values(cat, DCT + "publisher")):
            require(agent, f"the publisher of {label}", FOAF + "name")
        require(cat, label, DCAT + "dataset", lambda v: DCAT + "Dataset" in graph.types(graph.deref(v)))
    for label, dataset in graph.typed(DCAT + "Dataset", "dcat:Dataset"):
        require(dataset, label, DCT + "title")
        require(dataset, label, DCT + "description")
    for label, dist in graph.typed(DCAT + "Distribution", "dcat:Distribution"):
        for prop in (DCAT + "accessURL", DCAT + "downloadURL", DCAT + "mediaType"):
            require(dist, label, prop, graph.iri)
        require(dist, label, SPDX + "checksum", graph.deref)
        for checksum in map(graph.deref, values(dist, SPDX + "checksum")):
            algorithms = [graph.iri(v) for v in values(checksum, SPDX + "algorithm")]
            digest = next(map(text_of, values(checksum, SPDX + "checksumValue")), "").lower()
            if algorithms != [SPDX + "checksumAlgorithm_sha256"] or not re.fullmatch("[0-9a-f]{64}", digest):
                problem(name, f"{label}: spdx:checksum needs spdx:algorithm spdx:checksumAlgorithm_sha256 and a "
                              f"64-hex spdx:checksumValue, got {show(algorithms)} and {show(digest)}")
                continue
            for url in map(graph.iri, values(dist, DCAT + "downloadURL")):
                check_download(data, name, label, url, digest, base_url)


def check_download(data, name, label, url, digest, base_url):
    """Check that a downloadURL under the site's base names a file in data/ whose SHA-256 matches."""
    parts = urllib.parse.urlsplit(url)
    if not (parts.scheme and parts.netloc):
        problem(name, f"{label}: downloadURL {show(url)} is not an absolute URL")
        return
    if (base_url and not url.startswith(base_url.rstrip("/") + "/data/")) or "/data/" not in parts.path:
        return
    rel = urllib.parse.unquote(parts.path.rsplit("/data/", 1)[1])
    file = data_file(data, rel, name)
    if file is not None and not file.is_file():
        problem(name, f"{label}: downloadURL {show(url)} points to data/{rel}, which does not exist")
    elif file is not None and sha256(file) != digest:
        problem(name, f"{label}: spdx:checksumValue {digest} does not match data/{rel} (sha256 {sha256(file)})")


# ---------------------------------------------------------------- SHA256SUMS, GeoJSON, Excel copies

def check_sums(data):
    """Check data/SHA256SUMS: sha256sum format, every listed file matches, every file is listed."""
    name, listed = "data/SHA256SUMS", set()
    if not (data / "SHA256SUMS").is_file():
        problem(name, "missing")
        return
    text = (data / "SHA256SUMS").read_bytes().decode("utf-8", "replace")
    if text and not text.endswith("\n"):
        problem(name, "does not end with a newline")
    for number, line in enumerate(text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"), 1):
        match = re.fullmatch(r"([0-9a-f]{64})  (.+)", line)
        if not match:
            problem(name, f"line {number}: not '<64 lowercase hex>  <path>': {show(line)}")
            continue
        digest, rel = match.groups()
        file = data_file(data, rel, name)
        if rel in listed:
            problem(name, f"line {number}: {rel} is listed twice")
        listed.add(rel)
        if file is not None and not file.is_file():
            problem(name, f"line {number}: lists {rel}, which does not exist")
        elif file is not None and sha256(file) != digest:
            problem(name, f"line {number}: checksum of {rel} does not match the file")
    for file in sorted(p for p in data.rglob("*") if p.is_file()):
        rel = file.relative_to(data).as_posix()
        if rel != "SHA256SUMS" and rel not in listed:
            problem("data/" + rel, "not listed in SHA256SUMS")


def check_geojson(data, tables):
    """Check data/institutions.geojson against RFC 7946, the China range, 6 decimals and institutions.csv."""
    name, path = "data/institutions.geojson", data / "institutions.geojson"
    if not path.is_file():
        return
    text = path.read_bytes().decode("utf-8", "replace")
    for match in re.finditer(r'"coordinates"\s*:\s*\[([^\[\]]*)\]', text):
        for number in re.findall(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?", match.group(1)):
            decimals = len(number.lower().split("e")[0].partition(".")[2])
            if "e" in number.lower() or decimals > 6:
                problem(name, f"line {text.count(chr(10), 0, match.start()) + 1}: coordinate {number} has "
                              + ("an exponent" if "e" in number.lower() else f"{decimals} decimals")
                              + " (at most 6 decimals, no exponent)")
    doc = load_json(path, name)
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        problem(name, "is not a GeoJSON FeatureCollection with a features array")
        return
    if "crs" in doc:
        problem(name, "has a crs member, which RFC 7946 removed (coordinates are always WGS 84)")
    ids = {}
    for i, feat in enumerate(doc["features"]):
        at = f"features/{i}"
        geom = feat.get("geometry") if isinstance(feat, dict) else None
        props = feat.get("properties") if isinstance(feat, dict) else None
        if not isinstance(feat, dict) or feat.get("type") != "Feature" or "crs" in feat:
            problem(name, f"{at}: not a Feature (or has a crs member)")
            continue
        coords = geom.get("coordinates") if isinstance(geom, dict) else None
        if not isinstance(geom, dict) or geom.get("type") != "Point" or "crs" in geom or not isinstance(coords, list) \
                or len(coords) != 2 or not all(type(c) in (int, float) for c in coords):
            problem(name, f"{at}: geometry is not a Point with coordinates [longitude, latitude] (and no crs)")
        else:
            for value, axis, low, high in ((coords[0], "longitude", 73, 136), (coords[1], "latitude", 3, 54)):
                if not low <= value <= high:
                    problem(name, f"{at}: {axis} {value} out of range [{low}, {high}] (China; order is [lon, lat])")
        if not isinstance(props, dict) or "id" not in props:
            problem(name, f"{at}: properties has no id")
        elif str(props["id"]) in ids:
            problem(name, f"{at}: id {show(props['id'])} repeats {ids[str(props['id'])]}")
        else:
            ids[str(props["id"])] = at
    compare_geojson_ids(name, set(ids), next((t for t in tables.values() if t["shown"] == "data/institutions.csv"),
                                             None))


def compare_geojson_ids(name, ids, table):
    """Check the GeoJSON ids are exactly the institutions.csv ids that have both coordinates."""
    if table is None or not {"id", "longitude", "latitude"} <= set(table["names"]):
        problem(name, "cannot compare with institutions.csv (no checked table with id, longitude, latitude)")
        return
    col = {n: table["names"].index(n) for n in ("id", "longitude", "latitude")}
    want = {cells[col["id"]] for _, _, cells, _ in table["rows"] if cells[col["longitude"]] and cells[col["latitude"]]}
    for extra in sorted(ids - want):
        problem(name, f"id {show(extra)} is not an institution with coordinates in institutions.csv")
    for absent in sorted(want - ids):
        problem(name, f"institution {show(absent)} has coordinates in institutions.csv but no feature")


def check_excel_copies(data):
    """Check data/excel/*.csv: a UTF-8 BOM followed by exactly the bytes of data/<same name>.csv."""
    for copy in sorted((data / "excel").glob("*.csv")):
        shown, raw, original = f"data/excel/{copy.name}", copy.read_bytes(), data / copy.name
        if not raw.startswith(BOM):
            problem(shown, "does not start with a UTF-8 BOM")
        elif not original.is_file():
            problem(shown, f"has no original data/{copy.name}")
        elif raw[len(BOM):] != original.read_bytes():
            problem(shown, f"differs from data/{copy.name} after the BOM")


def main():
    """Run every check on a site folder, print the problems and a summary, and return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the published site folder (contains data/)")
    parser.add_argument("--base-url", help="site base URL; only catalogue downloadURLs under it are checked "
                                           "against files (default: any URL with a /data/ segment)")
    args = parser.parse_args()
    data, tables = args.site / "data", {}
    if not data.is_dir():
        problem(str(data), "is not a folder")
    else:
        desc = check_descriptor(data)
        for res in (desc or {}).get("resources", []):
            if isinstance(res, dict) and res.get("format") == "csv" and "path" in res:
                table = check_table(data, res)
                if table is not None:
                    tables[res.get("name")] = table
        if desc:
            check_foreign_keys(desc, tables)
        check_catalog(data, args.base_url)
        check_sums(data)
        check_geojson(data, tables)
        check_excel_copies(data)
    for file, message in PROBLEMS:
        print(f"{file}: {message}")
    rows = sum(len(t["rows"]) for t in tables.values())
    files = len({file for file, _ in PROBLEMS})
    print(f"check_open_data: {len(PROBLEMS)} problem(s) in {files} file(s); "
          f"{len(tables)} CSV table(s), {rows} row(s) checked")
    return 1 if PROBLEMS else 0


if __name__ == "__main__":
    sys.exit(main())
