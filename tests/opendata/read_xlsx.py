#!/usr/bin/python3
"""Prints an .xlsx workbook as JSON, for tests that check what tuoyu wrote. Standard library only.

Usage: /usr/bin/python3 tests/opendata/read_xlsx.py FILE.xlsx   (or import it and call read_xlsx(path))
Output: {"sheets": [{"name", "rows", "frozen_rows", "autofilter", "header_bold"}], "title", "author",
         "created", "entries", "entry_dates"}
- rows are positional: rows[0] is Excel row 1; a cell is {"t": "s"|"n"|"b"|"e", "v": text} or null
  when absent, a missing row is [], and a row ends at its last present cell. Shared and inline
  strings both give "s", with Excel's _xHHHH_ escapes decoded as Excel shows them; "v" of a number
  is its text in the file ("2800.5").
- frozen_rows is the number of rows frozen at the top (0 if none), autofilter the filter's range
  ("A1:E3") or null, header_bold whether every cell of row 1 has a bold font.
- entries and entry_dates list the zip entries in archive order, dates as "YYYY-MM-DDTHH:MM:SS".
"""
import json, re, sys, zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
      "dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/"}
ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
CELL = re.compile(r"([A-Z]+)(\d+)")


def unescape(text):
    """Decode Excel's _xHHHH_ escapes, left to right, as Excel does."""
    return ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def string_of(element):
    """The text of a shared or inline string item: its <t> and rich-text runs, without phonetic runs."""
    if element is None:
        return ""
    parts = [t.text or "" for t in element.findall("m:t", NS)]
    parts += [t.text or "" for t in element.findall("m:r/m:t", NS)]
    return unescape("".join(parts))


def column_index(letters):
    """0-based column of "A", "Z", "AA"…"""
    n = 0
    for c in letters:
        n = n * 26 + ord(c) - ord("A") + 1
    return n - 1


def bold_styles(z):
    """Indexes of the cell styles (cellXfs) whose font is bold."""
    styles = ET.fromstring(z.read("xl/styles.xml"))
    fonts = [f.find("m:b", NS) is not None and f.find("m:b", NS).get("val", "1") not in ("0", "false")
             for f in styles.findall("m:fonts/m:font", NS)]
    xfs = styles.findall("m:cellXfs/m:xf", NS)
    return {i for i, xf in enumerate(xfs) if fonts[int(xf.get("fontId", "0"))]}


def read_sheet(z, name, path, shared, bold):
    """One sheet as a dict of read_xlsx's output."""
    root = ET.fromstring(z.read(path))
    rows, header_bold = [], None
    for row in root.findall("m:sheetData/m:row", NS):
        cells = []
        for c in row.findall("m:c", NS):
            letters, number = CELL.fullmatch(c.get("r")).groups()
            t, v = c.get("t", "n"), c.find("m:v", NS)
            if t == "s":
                cell = {"t": "s", "v": shared[int(v.text)]}
            elif t == "inlineStr":
                cell = {"t": "s", "v": string_of(c.find("m:is", NS))}
            elif t == "str":
                cell = {"t": "s", "v": unescape(v.text or "") if v is not None else ""}
            elif v is None:
                continue  # a blank cell that only carries a style
            else:
                cell = {"t": t, "v": v.text}
            index = column_index(letters)
            cells += [None] * (index + 1 - len(cells))
            cells[index] = cell
            if number == "1":
                header_bold = (header_bold is not False) and int(c.get("s", "0")) in bold
        index = int(row.get("r")) - 1
        rows += [[] for _ in range(index + 1 - len(rows))]
        rows[index] = cells
    pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
    frozen = pane is not None and pane.get("state") in ("frozen", "frozenSplit")
    autofilter = root.find("m:autoFilter", NS)
    return {"name": name, "rows": rows, "frozen_rows": int(float(pane.get("ySplit", "0"))) if frozen else 0,
            "autofilter": autofilter.get("ref") if autofilter is not None else None, "header_bold": bool(header_bold)}


def read_xlsx(path):
    """The workbook at `path` as the JSON-ready dict described above."""
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        shared = [string_of(si) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)] \
            if "xl/sharedStrings.xml" in names else []
        rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
        bold = bold_styles(z)
        sheets = []
        for s in ET.fromstring(z.read("xl/workbook.xml")).findall("m:sheets/m:sheet", NS):
            target = rels[s.get("{%s}id" % NS["r"])]
            sheets.append(read_sheet(z, s.get("name"), target.lstrip("/") if target.startswith("/") else "xl/" + target,
                                     shared, bold))
        core = ET.fromstring(z.read("docProps/core.xml")) if "docProps/core.xml" in names else None
        text = lambda tag: core.findtext(tag, None, NS) if core is not None else None
        return {"sheets": sheets, "title": text("dc:title"), "author": text("dc:creator"), "created": text("dcterms:created"),
                "entries": names,
                "entry_dates": ["%04d-%02d-%02dT%02d:%02d:%02d" % info.date_time for info in z.infolist()]}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: read_xlsx.py FILE.xlsx")
    json.dump(read_xlsx(sys.argv[1]), sys.stdout, ensure_ascii=False, indent=1)
    print()
