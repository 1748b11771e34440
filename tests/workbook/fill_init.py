#!/usr/bin/env python3
"""Fills in the workbook of `dekom init` as a person would, by program.

usage: fill_init.py INIT.xlsx NETWORKS.json PLAN.json OUT.xlsx

NETWORKS.json is `dekom show -f json` of a networks file, PLAN.json a
plan. Each network goes into a row of the Budsjett sheet, under the column
whose label (the header dekom init wrote) names its field; each plan value
goes into column B beside its Norwegian label on the Plan sheet, and the
common measures and decisions into the rows under their blocks' headers.
Only the Python standard library is used: the workbook is a zip of XML, and
cells are written as numbers or inline strings. The SUM formulas of the
totals row keep their old cached values; LibreOffice recalculates them when
it saves the result (tests/workbook/init_filled.sh).
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
ET.register_namespace("", NS)
ET.register_namespace("r", REL)
ET.register_namespace("mc", "http://schemas.openxmlformats.org/markup-compatibility/2006")
ET.register_namespace("x14ac", "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac")
Q = lambda t: "{%s}%s" % (NS, t)

# the labels dekom init writes (Norwegian), and the fields they name
BUDGET = {
    "Nettverk": "network", "Forrige år": "previous", "Lærerårsverk": "fte",
    "Meldt behov": "need", "Egenfinansiering": "self_financing",
    "Nettverk (egen)": "own", "Koordinator": "coordinator",
    "Andre/usikker": "uh_other", "Oppgitt nettverksandel": "stated_own_pct",
    "Oppgitt UH-andel": "stated_uh_pct", "Innstilt beløp": "stated_recommended",
    "UP1": "up1", "Lokalt forankret": "locally_anchored",
    "Kollektiv læring": "collective_learning", "Partnerskap med UH": "uh_partnership",
}
PLAN = {
    "Planår": ("year",), "Total ramme": ("frame", "total"),
    "Pro rata-ramme": ("frame", "prorata"),
    "Direkte overføring": ("frame", "direct", "amount"),
    "Fordeling av direkte overføring": ("frame", "direct", "split"),
    "Vekt for UP1": ("frame", "direct", "weight"),
    "Reserve": ("frame", "reserve"),
    "Fordelingsmetode": ("allocation", "method"),
    "Grunntilskudd": ("allocation", "base_grant"),
    "Tak ved meldt behov": ("allocation", "cap_at_need"),
    "Avrundingsenhet": ("allocation", "rounding"),
    "Overskudd": ("allocation", "surplus"),
}


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


class Sheet:
    def __init__(self, xml, strings):
        self.root = ET.fromstring(xml)
        self.data = self.root.find(Q("sheetData"))
        self.strings = strings

    def row(self, n):
        for r in self.data.findall(Q("row")):
            if int(r.get("r")) == n:
                return r
            if int(r.get("r")) > n:
                new = ET.Element(Q("row"), {"r": str(n)})
                self.data.insert(list(self.data).index(r), new)
                return new
        new = ET.SubElement(self.data, Q("row"), {"r": str(n)})
        return new

    def text(self, n, col):
        for c in self.row(n).findall(Q("c")):
            if col_index(c.get("r")) == col:
                v = c.find(Q("v"))
                if c.get("t") == "s" and v is not None:
                    return self.strings[int(v.text)]
                t = c.find(Q("is"))
                if t is not None:
                    return "".join(x.text or "" for x in t.iter(Q("t")))
                return v.text if v is not None else ""
        return ""

    def put(self, n, col, value):
        row = self.row(n)
        ref = "%s%d" % (col_name(col), n)
        cell = None
        for c in row.findall(Q("c")):
            if col_index(c.get("r")) == col:
                cell = c
                break
            if col_index(c.get("r")) > col:
                cell = ET.Element(Q("c"), {"r": ref})
                row.insert(list(row).index(c), cell)
                break
        if cell is None:
            cell = ET.SubElement(row, Q("c"), {"r": ref})
        style = cell.get("s")
        cell.attrib.clear()
        cell.set("r", ref)
        if style:
            cell.set("s", style)
        for x in list(cell):
            cell.remove(x)
        if isinstance(value, bool):
            value = "ja" if value else "nei"
        if isinstance(value, (int, float)):
            ET.SubElement(cell, Q("v")).text = repr(value)
        else:
            cell.set("t", "inlineStr")
            ET.SubElement(ET.SubElement(cell, Q("is")), Q("t")).text = value

    def rows(self):
        return [int(r.get("r")) for r in self.data.findall(Q("row"))]

    def bytes(self):
        return ET.tostring(self.root, xml_declaration=True, encoding="UTF-8")


def main():
    src, nets_path, plan_path, out = sys.argv[1:5]
    nets = json.load(open(nets_path, encoding="utf-8"))["networks"]
    plan = json.load(open(plan_path, encoding="utf-8"))
    z = zipfile.ZipFile(src)
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
        for si in sst.findall(Q("si")):
            strings.append("".join(t.text or "" for t in si.iter(Q("t"))))
    book = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels.findall("{%s}Relationship" % PKG)}
    paths = {}
    for s in book.find(Q("sheets")).findall(Q("sheet")):
        t = target[s.get("{%s}id" % REL)]
        paths[s.get("name")] = "xl/" + t if not t.startswith("/") else t[1:]
    sheets = {name: Sheet(z.read(p), strings) for name, p in paths.items()
              if name in ("Budsjett", "Plan")}

    # Budsjett: the header is the row whose first cell is "Nettverk"
    b = sheets["Budsjett"]
    head = next(n for n in b.rows() if b.text(n, 0) == "Nettverk")
    cols = {}
    for i in range(60):
        label = b.text(head, i)
        if label:
            cols[i] = label
    for k, net in enumerate(nets):
        for i, label in cols.items():
            if label in BUDGET:
                v = net.get(BUDGET[label])
            else:  # an institution's UP2
                v = net.get("uh", {}).get(label)
            if isinstance(v, dict):  # UP1: "NTNU" or "NTNU:0.5+Nord:0.5"
                v = "+".join(u if w == 1 else "%s:%s" % (u, w) for u, w in v.items())
            if v is not None:
                b.put(head + 1 + k, i, v)

    # Plan: values beside their labels; blocks under their headers
    p = sheets["Plan"]
    rows = p.rows()
    for n in rows:
        label = p.text(n, 0)
        if label in PLAN:
            v = plan
            for key in PLAN[label]:
                v = v.get(key) if isinstance(v, dict) else None
            if v is not None:
                p.put(n, 1, v)

    def block(title, entries, keys):
        start = next(n for n in rows if p.text(n, 0) == title) + 2
        for k, e in enumerate(entries):
            for i, key in enumerate(keys):
                p.put(start + k, i, e[key])

    block("Felles tiltak", plan.get("frame", {}).get("common_measures", []),
          ["name", "amount"])
    block("Vedtak", plan.get("decisions", []), ["network", "amount", "reason"])

    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for item in z.infolist():
            data = z.read(item.filename)
            for name, path in paths.items():
                if path == item.filename and name in sheets:
                    data = sheets[name].bytes()
            w.writestr(item, data)


if __name__ == "__main__":
    main()
