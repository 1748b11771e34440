#!/usr/bin/env python3
"""Writes the hostile and broken workbooks of tests/cli/bad/wb-* (run once;
the files are checked in, so the tests need no Python). Each is a minimal
XLSX: the parts a reader needs, with one defect."""
import io, os, struct, sys, zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli", "bad")

CT = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"""
WB = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{}</sheets></workbook>"""
RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>"""


def sheet(rows, prolog=""):
    out = []
    for r, cells in enumerate(rows, 1):
        cs = []
        for c, v in enumerate(cells):
            ref = chr(ord("A") + c) + str(r)
            if v is None:
                continue
            if isinstance(v, tuple):  # (type, value, style)
                t, val, s = v
                ta = ' t="%s"' % t if t else ""
                sa = ' s="%d"' % s if s else ""
                cs.append('<c r="%s"%s%s><v>%s</v></c>' % (ref, ta, sa, val))
            elif isinstance(v, str):
                cs.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, v))
            else:
                cs.append('<c r="%s"><v>%s</v></c>' % (ref, v))
        out.append('<row r="%d">%s</row>' % (r, "".join(cs)))
    return ('<?xml version="1.0" encoding="UTF-8"?>%s<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>'
            % (prolog, "".join(out)))


def book(sheets, body=None):
    """sheets: [(name, xml)]; returns the bytes of an XLSX."""
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("xl/workbook.xml", WB.format("".join(
            '<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (n, i + 1, i + 1)
            for i, (n, _) in enumerate(sheets))))
        z.writestr("xl/_rels/workbook.xml.rels", RELS.format("".join(
            '<Relationship Id="rId%d" Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1)
            for i in range(len(sheets)))))
        z.writestr("xl/styles.xml", STYLES)
        for i, (_, xml) in enumerate(sheets):
            z.writestr("xl/worksheets/sheet%d.xml" % (i + 1), xml)
    return b.getvalue()


HEAD = ["network", "previous", "need"]


def write(case, data):
    d = os.path.join(ROOT, case)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "nets.xlsx"), "wb") as f:
        f.write(data)
    with open(os.path.join(d, "args"), "w") as f:
        f.write("recommend\n-n\nnets.xlsx\n-p\nplan.json\n--lang\nen\n")


def write_i(case, data):
    """A workbook with networks and plan, read with -i."""
    d = os.path.join(ROOT, case)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "book.xlsx"), "wb") as f:
        f.write(data)
    with open(os.path.join(d, "args"), "w") as f:
        f.write("recommend\n-i\nbook.xlsx\n--lang\nen\n")


NETS = sheet([HEAD, ["Fosen", 700000, 900000], ["Namdal", 300000, 400000]])


def plan(rows):
    """A Plan sheet: a title, the header, then rows."""
    return sheet([["Plan for 2023"], ["Parameter", "Verdi", "Forklaring"]] + rows)


GOOD = [["Total ramme", 1000000], ["Fordelingsmetode", "status_quo"]]


def main():
    # the Plan sheet: each defect at its cell
    write_i("wb-plan-unknown-label", book([("Budsjett", NETS), ("Plan", plan(
        [["Pro rata-rame", 1000000], ["Fordelingsmetode", "status_quo"]]))]))
    write_i("wb-plan-text-in-number", book([("Budsjett", NETS), ("Plan", plan(
        [["Total ramme", "en million"], ["Fordelingsmetode", "status_quo"]]))]))
    write_i("wb-plan-given-twice", book([("Budsjett", NETS), ("Plan", plan(
        GOOD + [["frame.total", 900000]]))]))
    write_i("wb-plan-choice", book([("Budsjett", NETS), ("Plan", plan(
        [["Total ramme", 1000000], ["Fordelingsmetode", "status quo"],
         ["Tak ved meldt behov", "kanskje"]]))]))
    write_i("wb-plan-decision", book([("Budsjett", NETS), ("Plan", plan(
        GOOD + [[], ["Vedtak"], ["Nettverk", "Beløp", "Begrunnelse"],
                ["Fosna", 700000, "Videreført"]]))]))
    write_i("wb-plan-check", book([("Budsjett", NETS), ("Plan", plan(
        GOOD + [[], ["Kontroller"], ["Kontroll", "Parameter", "Verdi"],
                ["Koordinatorandel", "max_share", "30 %"],
                ["Radsummen", "Av", "ja"]]))]))
    write_i("wb-plan-no-header", book([("Budsjett", NETS), ("Plan", sheet(GOOD))]))
    write_i("wb-plan-no-sheet", book([("Budsjett", NETS)]))
    # nothing filled in: the frame and the method, said at their rows
    write_i("wb-plan-empty", book([("Budsjett", NETS), ("Plan", plan(
        [["Total ramme"], ["Pro rata-ramme"], ["Fordelingsmetode"], ["Reserve", 0]]))]))
    write_i("wb-plan-date", book([("Budsjett", NETS), ("Plan", plan(
        [["Total ramme", ("", 44621, 1)], ["Fordelingsmetode", "status_quo"]]))]))

    write("wb-error-value", book([("Budsjett", sheet([HEAD, ["Fosen", 700000, ("e", "#DIV/0!", 0)],
                                                       ["Namdal", 300000, 400000]]))]))
    write("wb-date", book([("Budsjett", sheet([HEAD, ["Fosen", 700000, ("", 44621, 1)],
                                                ["Namdal", 300000, 400000]]))]))
    write("wb-text-in-number", book([("Budsjett", sheet([HEAD, ["Fosen", 700000, "tre millioner"],
                                                          ["Namdal", 300000, 400000]]))]))
    write("wb-no-sheet", book([("Ark1", sheet([HEAD])), ("Ark2", sheet([HEAD]))]))
    write("wb-entity-bomb", book([("Budsjett", sheet([HEAD], prolog=
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'))]))
    # a sheet that inflates far beyond its packed size
    b = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book([("Budsjett", sheet([HEAD]))])), "r") as src, \
            zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * (8 << 20))
            z.writestr(item, data, zipfile.ZIP_DEFLATED)
    write("wb-zip-bomb", b.getvalue())
    good = book([("Budsjett", sheet([HEAD, ["Fosen", 700000, 900000]]))])
    write("wb-truncated", good[: len(good) // 2])
    # the encryption bit set on every member (local and central headers)
    data = bytearray(good)
    i = 0
    while True:
        i = data.find(b"PK\x03\x04", i)
        if i < 0:
            break
        data[i + 6] |= 1
        i += 4
    i = 0
    while True:
        i = data.find(b"PK\x01\x02", i)
        if i < 0:
            break
        data[i + 8] |= 1
        i += 4
    write("wb-encrypted", bytes(data))


main()
