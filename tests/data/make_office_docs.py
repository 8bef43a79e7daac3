#!/usr/bin/env python3
"""Writes small, real Office documents, with and without VBA macros, for the macro_document tests.

    python3 tests/data/make_office_docs.py OUTDIR      # writes the files below into OUTDIR
    python3 tests/data/make_office_docs.py --list      # names and what each one is

Python's standard library only (no olefile, no network): the OLE2 files are written here as
MS-CFB compound files (header, FAT, mini FAT, mini stream, directory as a sorted tree) and the
VBA projects as MS-OVBA storages (a compressed `dir` stream describing each module, the
`_VBA_PROJECT` stream, one compressed stream per module, the PROJECT text stream). The output
is the same byte for byte on every run. The macros are harmless: they show a message box.

What libclamav (1.4) needs to call a document Heuristics.OLE2.ContainsMacros.VBA, and so
what these files must get right: a valid compound file; a stream named `_VBA_PROJECT`,
`WordDocument`, `PowerPoint Document` or `\\x01Ole10Native` (that makes it extract the
streams at all); a stream named `dir` that decompresses (MS-OVBA 2.4.1) and whose records
parse from PROJECTSYSKIND to the 0x0010 terminator, each MODULE record complete
(MODULENAME .. MODULETERMINATOR). The module streams themselves are read for the signature
scan, not for the verdict. A Word document without a VBA storage is not flagged (its
WordDocument stream is only read for Word 6 macros, whose FIB fields here are zero).
Excel 4.0 macros are told apart differently: a BOUNDSHEET record with sheet type 1 (macro
sheet) in the Workbook stream gives Heuristics.OLE2.ContainsMacros.XLM.
"""

import io
import os
import struct
import sys
import zipfile

# ---- MS-OVBA compression (2.4.1) --------------------------------------------------------------


def ovba_compress(data: bytes) -> bytes:
    """A CompressedContainer holding `data` as literal tokens only (valid MS-OVBA: every
    decompressor must accept it). One chunk per 4096 bytes."""
    out = bytearray(b"\x01")
    for start in range(0, max(len(data), 1), 4096):
        chunk = data[start:start + 4096]
        body = bytearray()
        for i in range(0, len(chunk), 8):
            body.append(0x00)  # flag byte: the next 8 tokens are literals
            body += chunk[i:i + 8]
        # header: size - 3 in bits 0-11, signature 0b011 in bits 12-14, compressed flag bit 15
        header = ((len(body) + 2 - 3) & 0x0FFF) | (0b011 << 12) | 0x8000
        out += struct.pack("<H", header) + body
    return bytes(out)


# ---- the VBA project (MS-OVBA 2.3) ------------------------------------------------------------


def rec(rid: int, payload: bytes) -> bytes:
    return struct.pack("<HI", rid, len(payload)) + payload


def utf16(s: str) -> bytes:
    return s.encode("utf-16-le")


def dir_stream(project: str, modules) -> bytes:
    """The decompressed `dir` stream: PROJECTINFORMATION, no references, PROJECTMODULES."""
    d = bytearray()
    d += rec(0x0001, struct.pack("<I", 1))  # PROJECTSYSKIND: Win32
    d += rec(0x0002, struct.pack("<I", 0x0409))  # PROJECTLCID
    d += rec(0x0014, struct.pack("<I", 0x0409))  # PROJECTLCIDINVOKE
    d += rec(0x0003, struct.pack("<H", 1252))  # PROJECTCODEPAGE
    d += rec(0x0004, project.encode("cp1252"))  # PROJECTNAME
    d += rec(0x0005, b"") + rec(0x0040, b"")  # PROJECTDOCSTRING (+ Unicode)
    d += rec(0x0006, b"") + rec(0x003D, b"")  # PROJECTHELPFILEPATH (+ 2)
    d += rec(0x0007, struct.pack("<I", 0))  # PROJECTHELPCONTEXT
    d += rec(0x0008, struct.pack("<I", 0))  # PROJECTLIBFLAGS
    d += struct.pack("<HIIH", 0x0009, 4, 0x5F7A2E3B, 0x0011)  # PROJECTVERSION (size field says 4, 6 follow)
    d += rec(0x000C, b"") + rec(0x003C, b"")  # PROJECTCONSTANTS (+ Unicode)
    d += rec(0x000F, struct.pack("<H", len(modules)))  # PROJECTMODULES
    d += rec(0x0013, struct.pack("<H", 0xFFFF))  # PROJECTCOOKIE
    for name, kind, _source, offset in modules:
        d += rec(0x0019, name.encode("cp1252"))  # MODULENAME
        d += rec(0x0047, utf16(name))  # MODULENAMEUNICODE
        d += rec(0x001A, name.encode("cp1252"))  # MODULESTREAMNAME
        d += rec(0x0032, utf16(name))  # MODULESTREAMNAMEUNICODE
        d += rec(0x001C, b"") + rec(0x0048, b"")  # MODULEDOCSTRING (+ Unicode)
        d += rec(0x0031, struct.pack("<I", offset))  # MODULEOFFSET: where the source starts
        d += rec(0x001E, struct.pack("<I", 0))  # MODULEHELPCONTEXT
        d += rec(0x002C, struct.pack("<H", 0xFFFF))  # MODULECOOKIE
        d += rec(0x0021 if kind == "procedural" else 0x0022, b"")  # MODULETYPE
        d += rec(0x002B, b"")  # MODULETERMINATOR
    d += rec(0x0010, b"")  # dir terminator
    return bytes(d)


def vba_storage(project: str, host_module: str, host_kind: str):
    """The VBA storage and the PROJECT/PROJECTwm streams of a project with a host document
    module (ThisDocument / ThisWorkbook) and one standard module holding AutoOpen."""
    host_src = (
        f'Attribute VB_Name = "{host_module}"\r\n'
        'Attribute VB_Base = "1Normal.ThisDocument"\r\n'
        "Attribute VB_GlobalNameSpace = False\r\nAttribute VB_Creatable = False\r\n"
        "Attribute VB_PredeclaredId = True\r\nAttribute VB_Exposed = True\r\n"
    ).encode("cp1252")
    open_sub = "AutoOpen" if host_kind == "word" else "Auto_Open"
    module_src = (
        'Attribute VB_Name = "Module1"\r\n'
        f"Sub {open_sub}()\r\n"
        '    MsgBox "Ordinance test macro: this document is harmless"\r\n'
        "End Sub\r\n"
    ).encode("cp1252")
    # A module stream is a PerformanceCache (compiled p-code, opaque) followed by the
    # compressed source; MODULEOFFSET in `dir` says where the source starts.
    cache = bytes(range(32)) * 2
    modules = [(host_module, "document", host_src, len(cache)), ("Module1", "procedural", module_src, len(cache))]
    vba = {
        # _VBA_PROJECT: Reserved1 0x61CC, Version, Reserved2 0x00, Reserved3; no performance cache.
        "_VBA_PROJECT": struct.pack("<HHBH", 0x61CC, 0xFFFF, 0x00, 0x0003),
        "dir": ovba_compress(dir_stream("Project", modules)),
    }
    for name, _kind, src, offset in modules:
        vba[name] = cache[:offset] + ovba_compress(src)
    project_text = (
        'ID="{8D5E2A11-4C0B-4F4E-9D3A-0A0B0C0D0E0F}"\r\n'
        f"Document={host_module}/&H00000000\r\n"
        "Module=Module1\r\n"
        'Name="Project"\r\n'
        'HelpContextID="0"\r\n'
        'VersionCompatible32="393222000"\r\n'
        'CMG="0000"\r\nDPB="0000"\r\nGC="0000"\r\n\r\n'
        "[Host Extender Info]\r\n"
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000\r\n"
    ).encode("cp1252")
    projectwm = b"".join(n.encode("cp1252") + b"\0" + utf16(n) + b"\0\0" for n in (host_module, "Module1")) + b"\0\0"
    return {"PROJECT": project_text, "PROJECTwm": projectwm, "VBA": vba}


# ---- MS-CFB compound file writer ------------------------------------------------------------

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
FREESECT, ENDOFCHAIN, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF


def guid(s: str) -> bytes:
    a, b, c, d, e = s.split("-")
    return struct.pack("<IHH", int(a, 16), int(b, 16), int(c, 16)) + bytes.fromhex(d + e)


def cfb_key(name: str):
    # Directory order (MS-CFB 2.6.4): shorter names first, then by upper-cased code units.
    return (len(utf16(name)), name.upper())


def compound_file(tree: dict, root_clsid: bytes = b"\0" * 16) -> bytes:
    """tree: name -> bytes (a stream) or dict (a storage)."""
    entries = []  # dicts: name, type, data, clsid, left, right, child, start, size

    def add(name, node, etype, clsid=b"\0" * 16):
        e = {"name": name, "type": etype, "data": node if isinstance(node, bytes) else None, "clsid": clsid,
             "left": NOSTREAM, "right": NOSTREAM, "child": NOSTREAM, "start": 0, "size": 0}
        entries.append(e)
        idx = len(entries) - 1
        if isinstance(node, dict):
            ids = [add(k, v, 1 if isinstance(v, dict) else 2) for k, v in sorted(node.items(), key=lambda kv: cfb_key(kv[0]))]

            def balance(lo, hi):  # a balanced binary search tree over the sorted siblings
                if lo >= hi:
                    return NOSTREAM
                mid = (lo + hi) // 2
                entries[ids[mid]]["left"] = balance(lo, mid)
                entries[ids[mid]]["right"] = balance(mid + 1, hi)
                return ids[mid]

            entries[idx]["child"] = balance(0, len(ids))
        return idx

    add("Root Entry", tree, 5, root_clsid)

    sectors = []  # payload of each regular sector, in order
    fat = []

    def place(data: bytes) -> int:
        """Appends data as a chain of regular sectors; returns the first sector."""
        n = (len(data) + SECTOR - 1) // SECTOR
        first = len(sectors)
        for i in range(n):
            sectors.append(data[i * SECTOR:(i + 1) * SECTOR].ljust(SECTOR, b"\0"))
            fat.append(first + i + 1 if i + 1 < n else ENDOFCHAIN)
        return first

    # Streams below the cutoff live in the mini stream, 64-byte mini sectors chained in the mini FAT.
    mini = bytearray()
    minifat = []
    for e in entries:
        if e["type"] != 2:
            continue
        data = e["data"]
        assert data, "empty streams are not written"
        e["size"] = len(data)
        if len(data) >= MINI_CUTOFF:
            e["start"] = place(data)
        else:
            n = (len(data) + MINI_SECTOR - 1) // MINI_SECTOR
            first = len(minifat)
            for i in range(n):
                minifat.append(first + i + 1 if i + 1 < n else ENDOFCHAIN)
            e["start"] = first
            mini += data.ljust(n * MINI_SECTOR, b"\0")
    root = entries[0]
    if mini:
        root["start"], root["size"] = place(bytes(mini)), len(mini)
    else:
        root["start"], root["size"] = ENDOFCHAIN, 0
    first_minifat = place(b"".join(struct.pack("<I", x) for x in minifat).ljust(
        ((len(minifat) * 4 + SECTOR - 1) // SECTOR) * SECTOR, b"\xff")) if minifat else ENDOFCHAIN
    n_minifat = (len(minifat) * 4 + SECTOR - 1) // SECTOR

    def pack_entry(e):
        if e is None:
            return b"\0" * 64 + struct.pack("<HBBIII", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM) + b"\0" * 36 + b"\0" * 12
        name = utf16(e["name"]) + b"\0\0"
        assert len(name) <= 64
        return (name.ljust(64, b"\0") + struct.pack("<HBBIII", len(name), e["type"], 1, e["left"], e["right"], e["child"])
                + e["clsid"] + struct.pack("<I", 0) + b"\0" * 16 + struct.pack("<IQ", e["start"], e["size"]))

    per = SECTOR // 128
    padded = entries + [None] * (-len(entries) % per)
    first_dir = place(b"".join(pack_entry(e) for e in padded))

    # FAT sectors come last; they must also describe themselves.
    n_fat = 1
    while len(sectors) + n_fat > n_fat * (SECTOR // 4):
        n_fat += 1
    assert n_fat <= 109, "no DIFAT sectors in this writer"
    fat_start = len(sectors)
    fat += [FATSECT] * n_fat
    fat += [FREESECT] * (n_fat * (SECTOR // 4) - len(fat))
    fat_bytes = b"".join(struct.pack("<I", x) for x in fat)
    for i in range(n_fat):
        sectors.append(fat_bytes[i * SECTOR:(i + 1) * SECTOR])

    difat = [fat_start + i for i in range(n_fat)] + [FREESECT] * (109 - n_fat)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        bytes.fromhex("D0CF11E0A1B11AE1"), b"\0" * 16,
        0x003E, 0x0003, 0xFFFE, 9, 6, b"\0" * 6,
        0,  # directory sectors: 0 in version 3
        n_fat, first_dir, 0, MINI_CUTOFF, first_minifat, n_minifat,
        ENDOFCHAIN, 0,  # no DIFAT sectors
    ) + b"".join(struct.pack("<I", x) for x in difat)
    assert len(header) == SECTOR
    return header + b"".join(sectors)


# ---- the documents -----------------------------------------------------------------------------

WORD_CLSID = guid("00020906-0000-0000-C000-000000000046")
EXCEL_CLSID = guid("00020820-0000-0000-C000-000000000046")


def word_stream(text: str) -> bytes:
    """A WordDocument stream: a Word 97 FIB (wIdent 0xA5EC, nFib 0x00C1) and the text. The
    Word 6 macro fields at 0x118 stay zero: no WordBasic macros."""
    fib = bytearray(0x400)
    struct.pack_into("<HHH", fib, 0, 0xA5EC, 0x00C1, 0x6000)
    body = text.encode("cp1252")
    struct.pack_into("<II", fib, 0x18, 0x400, 0x400 + len(body))  # fcMin, fcMac
    return bytes(fib) + body.ljust(4096, b"\0")  # Word keeps the stream >= 4 KiB (no mini stream)


def compobj(user_type: str, prog_id: str) -> bytes:
    def lpstr(s):
        return struct.pack("<I", len(s) + 1) + s.encode("ascii") + b"\0"
    return (struct.pack("<HHI", 1, 0xFFFE, 0x00000A03) + b"\xff" * 4 + b"\0" * 16 + lpstr(user_type)
            + lpstr("Biff8" if "Excel" in user_type else "MSWordDoc") + lpstr(prog_id) + struct.pack("<I", 0x71B239F4)
            + b"\0" * 12)


def word_doc(macros: bool) -> bytes:
    text = "Quarterly report\r\nFigures for the third quarter are attached.\r\n"
    tree = {
        "WordDocument": word_stream(text),
        "1Table": b"\0" * 512,
        "\x01CompObj": compobj("Microsoft Word 97-2003 Document", "Word.Document.8"),
    }
    if macros:
        tree["Macros"] = vba_storage("Project", "ThisDocument", "word")
    return compound_file(tree, WORD_CLSID)


def biff_record(rid: int, data: bytes) -> bytes:
    return struct.pack("<HH", rid, len(data)) + data


def excel_xls(macros: str) -> bytes:
    """A BIFF8 workbook: globals (BOF, CODEPAGE, one BOUNDSHEET per sheet, EOF), then each
    sheet's substream (BOF, EOF). macros: "" none, "vba" a VBA project, "xlm" an Excel 4.0
    macro sheet (BOUNDSHEET dt = 1) beside the worksheet."""
    def bof(dt):
        return biff_record(0x0809, struct.pack("<HHHHII", 0x0600, dt, 0x2775, 0x07CD, 0, 0x0206))

    sheets = [("Budget", 0x00, 0x0010)] + ([("Macro1", 0x01, 0x0040)] if macros == "xlm" else [])

    def boundsheets(positions):
        return b"".join(biff_record(0x0085, struct.pack("<IBB", pos, 0, dt) + bytes([len(name), 0]) + name.encode("ascii"))
                        for (name, dt, _), pos in zip(sheets, positions))

    head = bof(0x0005) + biff_record(0x0042, struct.pack("<H", 1200))
    globals_len = len(head) + len(boundsheets([0] * len(sheets))) + 4
    substreams, positions = b"", []
    for _name, _dt, bof_dt in sheets:
        positions.append(globals_len + len(substreams))
        substreams += bof(bof_dt) + biff_record(0x000A, b"")
    workbook = head + boundsheets(positions) + biff_record(0x000A, b"") + substreams
    # Excel pads small workbooks to 4 KiB; ClamAV's XLM scan reads the stream either way.
    workbook = workbook.ljust(4096, b"\0")
    tree = {
        "Workbook": workbook,
        "\x01CompObj": compobj("Microsoft Excel 97-2003 Worksheet", "Excel.Sheet.8"),
    }
    if macros == "vba":
        tree["_VBA_PROJECT_CUR"] = vba_storage("Project", "ThisWorkbook", "excel")
    return compound_file(tree, EXCEL_CLSID)


def vba_project_bin(host_module: str, host_kind: str) -> bytes:
    """word/vbaProject.bin or xl/vbaProject.bin: the VBA storage as its own compound file."""
    return compound_file(vba_storage("Project", host_module, host_kind))


def zip_bytes(members) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2024, 10, 1, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
PKG_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def ooxml_word(macros: bool) -> bytes:
    main = ("application/vnd.ms-word.document.macroEnabled.main+xml" if macros
            else "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
    types = (XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             + ('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' if macros else "")
             + f'<Override PartName="/word/document.xml" ContentType="{main}"/></Types>')
    rels = (XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{PKG_REL}/officeDocument" Target="word/document.xml"/></Relationships>')
    doc = (XML + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           "<w:p><w:r><w:t>Quarterly report</w:t></w:r></w:p></w:body></w:document>")
    members = [("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", doc)]
    if macros:
        members.append(("word/_rels/document.xml.rels",
                        XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                        '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"'
                        ' Target="vbaProject.bin"/></Relationships>'))
        members.append(("word/vbaProject.bin", vba_project_bin("ThisDocument", "word")))
    return zip_bytes(members)


def ooxml_excel(macros: bool) -> bytes:
    main = ("application/vnd.ms-excel.sheet.macroEnabled.main+xml" if macros
            else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
    types = (XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             + ('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' if macros else "")
             + f'<Override PartName="/xl/workbook.xml" ContentType="{main}"/>'
             '<Override PartName="/xl/worksheets/sheet1.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    rels = (XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{PKG_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wb = (XML + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          f'xmlns:r="{PKG_REL}"><sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wb_rels = (XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{PKG_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
               + ('<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"'
                  ' Target="vbaProject.bin"/>' if macros else "") + "</Relationships>")
    sheet = (XML + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>')
    members = [("[Content_Types].xml", types), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
               ("xl/_rels/workbook.xml.rels", wb_rels), ("xl/worksheets/sheet1.xml", sheet)]
    if macros:
        members.append(("xl/vbaProject.bin", vba_project_bin("ThisWorkbook", "excel")))
    return zip_bytes(members)


DOCUMENTS = {
    "macro.doc": ("Word 97-2003 document with a VBA project (Macros/VBA: dir, _VBA_PROJECT, 2 modules)",
                  lambda: word_doc(True)),
    "plain.doc": ("Word 97-2003 document, no VBA project", lambda: word_doc(False)),
    "macro.xls": ("Excel 97-2003 workbook with a VBA project (_VBA_PROJECT_CUR/VBA)", lambda: excel_xls("vba")),
    "xlm.xls": ("Excel 97-2003 workbook with an Excel 4.0 (XLM) macro sheet, no VBA", lambda: excel_xls("xlm")),
    "plain.xls": ("Excel 97-2003 workbook, one worksheet, no macros", lambda: excel_xls("")),
    "macro.docm": ("Word macro-enabled document: OOXML zip with word/vbaProject.bin", lambda: ooxml_word(True)),
    "plain.docx": ("Word document: OOXML zip, no vbaProject.bin", lambda: ooxml_word(False)),
    "macro.xlsm": ("Excel macro-enabled workbook: OOXML zip with xl/vbaProject.bin", lambda: ooxml_excel(True)),
    "plain.xlsx": ("Excel workbook: OOXML zip, no vbaProject.bin", lambda: ooxml_excel(False)),
    "vbaProject.bin": ("the VBA project of macro.docm on its own (a compound file)",
                       lambda: vba_project_bin("ThisDocument", "word")),
}


def main(argv) -> int:
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if len(argv) == 2 else 2
    if argv[1] == "--list":
        for name, (what, _) in DOCUMENTS.items():
            print(f"{name:16} {what}")
        return 0
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    for name, (_, make) in DOCUMENTS.items():
        data = make()
        tmp = os.path.join(out, "." + name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, os.path.join(out, name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
