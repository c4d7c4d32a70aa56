#!/usr/bin/python3
"""Build and re-seal the small sample site used by test_check_open_data.sh.

  sample_site.py build DEST               copy sample_package/ to DEST (CSV with CRLF) and seal it
  sample_site.py seal DEST [--from STEP]  recompute, from STEP on: excel copies, descriptor bytes/hash,
                                          catalog checksums, SHA256SUMS (STEP: excel|descriptor|catalog|sums)
  sample_site.py json FILE CODE           run Python CODE on the JSON in FILE (as d) and write it back
Deliberately independent of check_open_data.py.
"""
import hashlib, json, shutil, sys
from pathlib import Path

STEPS = ["excel", "descriptor", "catalog", "sums"]


def sha256(path):
    """Return the hex SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_json(path, doc):
    """Write JSON as UTF-8 with two-space indentation."""
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def seal(site, start="excel"):
    """Recompute the derived files of a sample site, from one step on."""
    data = site / "data"
    steps = STEPS[STEPS.index(start):]
    if "excel" in steps:
        (data / "excel").mkdir(exist_ok=True)
        for csv in sorted(data.glob("*.csv")):
            (data / "excel" / csv.name).write_bytes(b"\xef\xbb\xbf" + csv.read_bytes())
    if "descriptor" in steps:
        desc = json.loads((data / "datapackage.json").read_text("utf-8"))
        for res in desc["resources"]:
            if isinstance(res.get("path"), str) and (data / res["path"]).is_file():
                res["bytes"] = (data / res["path"]).stat().st_size
                res["hash"] = "sha256:" + sha256(data / res["path"])
        write_json(data / "datapackage.json", desc)
    if "catalog" in steps:
        catalog = json.loads((data / "catalog.jsonld").read_text("utf-8"))
        for node in catalog["@graph"]:
            if node.get("@type") == "dcat:Distribution":
                name = node["dcat:downloadURL"]["@id"].rsplit("/data/", 1)[1]
                node["spdx:checksum"]["spdx:checksumValue"]["@value"] = sha256(data / name)
        write_json(data / "catalog.jsonld", catalog)
    if "sums" in steps:
        files = sorted(p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file())
        lines = [f"{sha256(data / f)}  {f}\n" for f in files if f != "SHA256SUMS"]
        (data / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")


def build(dest):
    """Copy the sample package to dest with CRLF line ends in the CSV files, then seal it."""
    source = Path(__file__).resolve().parent / "sample_package"
    shutil.copytree(source, dest)
    for csv in (dest / "data").glob("*.csv"):
        text = csv.read_bytes().replace(b"\r\n", b"\n")
        csv.write_bytes(text.replace(b"\n", b"\r\n"))
    seal(dest)


def main(argv):
    """Dispatch the sub-command."""
    if len(argv) == 3 and argv[1] == "build":
        build(Path(argv[2]))
    elif len(argv) in (3, 5) and argv[1] == "seal":
        seal(Path(argv[2]), argv[4] if len(argv) == 5 and argv[3] == "--from" else "excel")
    elif len(argv) == 4 and argv[1] == "json":
        path = Path(argv[2])
        d = json.loads(path.read_text("utf-8"))
        exec(argv[3], {"d": d})
        write_json(path, d)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
