#!/usr/bin/env python3
"""Deterministic renderer for corpus source "gamma" (held-out test split).

Usage: python3 tests/corpus/content/tools/gamma/gen.py tests/corpus/content

Reads hand-written core texts from cores_*.txt next to this file and renders each core
into 1-4 RFC 5322 messages under <content>/test/gamma/, plus labels.tsv. Only the envelope
varies between renders of one core (client, direction, greeting/signature, MIME layout,
forward/quote wrapper, date); each message records its core id as its group.
Python 3.11 stdlib only; output is byte-for-byte reproducible (random.Random(SEED)).
"""
import base64
import datetime as dt
import io
import os
import quopri
import re
import sys
import unicodedata
import zipfile
from email.header import Header
from email.utils import format_datetime, formataddr
import random

SOURCE = "gamma"
SEED = 3
HERE = os.path.dirname(os.path.abspath(__file__))
CATS = ["chain_letter", "solicitation", "gambling", "newsletter", "offensive", "clean"]
DOMAIN = "modot.mo.gov"

# ---------------------------------------------------------------- core parsing

def parse_cores():
    cores = []
    for fn in sorted(os.listdir(HERE)):
        m = re.match(r"cores_(.+?)(?:_[a-z])?\.txt$", fn)
        if not m:
            continue
        cat = m.group(1)
        assert cat in CATS, fn
        cur = None
        with open(os.path.join(HERE, fn), encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("=== "):
                    parts = [p.strip() for p in line[4:].split("|")]
                    cid, lang, dirs, form, subj = parts[:5]
                    opts = {}
                    for p in parts[5:]:
                        k, _, v = p.partition("=")
                        opts[k.strip()] = v.strip()
                    cur = dict(id=cid, cat=cat, lang=lang, dirs=dirs.split(","), form=form,
                               subject=subj, opts=opts, lines=[])
                    cores.append(cur)
                elif line.startswith("#") and cur is None:
                    continue
                elif cur is not None:
                    cur["lines"].append(line)
    for c in cores:
        text = "\n".join(c["lines"]).strip("\n")
        if "\n>>>\n" in text:
            a, b = text.split("\n>>>\n", 1)
            c["body"], c["quoted"] = a.strip(), b.strip()
        else:
            c["body"], c["quoted"] = text, None
        del c["lines"]
    ids = [c["id"] for c in cores]
    assert len(ids) == len(set(ids)), "duplicate core id"
    return cores

# ---------------------------------------------------------------- people

FIRST_EN = ["James", "Linda", "Robert", "Karen", "Michael", "Pam", "David", "Susan", "Greg", "Tammy",
            "Brian", "Angela", "Kevin", "Rhonda", "Jeff", "Crystal", "Travis", "Misty", "Dustin",
            "Heather", "Cody", "Brandy", "Randy", "Denise", "Shawn", "Tonya", "Kyle", "Amber",
            "Darrell", "Lori", "Wade", "Becky", "Doug", "Shelly", "Troy", "Dana", "Chad", "Nicole",
            "Earl", "Wanda", "Marcus", "Keisha", "Tyler", "Brittany", "Ron", "Jolene", "Bev", "Hank"]
MALE_EN = ["James", "Robert", "Michael", "David", "Greg", "Brian", "Kevin", "Jeff", "Travis", "Dustin",
           "Cody", "Randy", "Shawn", "Kyle", "Darrell", "Wade", "Doug", "Troy", "Chad", "Earl", "Marcus",
           "Tyler", "Ron", "Hank"]
FEMALE_EN = ["Linda", "Karen", "Pam", "Susan", "Tammy", "Angela", "Rhonda", "Crystal", "Misty", "Heather",
             "Brandy", "Denise", "Tonya", "Amber", "Lori", "Becky", "Shelly", "Dana", "Nicole", "Wanda",
             "Keisha", "Brittany", "Jolene", "Bev"]
FIRST_ES = ["José", "María", "Luis", "Guadalupe", "Carlos", "Rosa", "Miguel", "Ana", "Jesús",
            "Verónica", "Juan", "Claudia", "Ramón", "Lucía", "Alejandro", "Patricia", "Héctor",
            "Adriana", "Raúl", "Sofía"]
LAST_EN = ["Schulte", "Kempker", "Brandt", "Hoelscher", "Wieberg", "Luebbert", "Haslag", "Rackers",
           "Bax", "Distler", "Pope", "Shikles", "Barnhart", "Yoder", "Mahaney", "Kliethermes",
           "Burkhardt", "Dickneite", "Holtmeyer", "Vaughn", "Sappington", "Crump", "Tipton", "Oberle",
           "Ferguson", "Huddleston", "Branstetter", "Whitworth", "McCaslin", "Dothage", "Jenkins"]
LAST_ES = ["García", "Hernández", "Martínez", "López", "Ramírez", "Flores", "Gómez", "Torres",
           "Ruiz", "Vargas", "Castillo", "Morales", "Ortega", "Delgado"]
FREEMAIL = ["gmail.com", "gmail.com", "gmail.com", "yahoo.com", "hotmail.com", "outlook.com",
            "icloud.com", "aol.com", "charter.net", "socket.net"]
VENDORS = ["capitalpaving.com", "midmoconcrete.com", "ozarkguardrail.com", "showmesigns.net",
           "lakeregionengineering.com", "traffictechsupply.com", "heartlandfleet.com",
           "centralstatesbridge.com", "mo-aggregates.com", "riverbendsurvey.com"]
GOV_EXT = ["cityoffulton.org", "colecounty.gov", "columbiamo.gov", "jeffersoncitymo.gov",
           "bocomo.org", "greenecountymo.gov", "mshp.dps.mo.gov"]
TITLES = ["Maintenance Supervisor", "Senior Maintenance Worker", "Transportation Project Manager",
          "Traffic Studies Specialist", "Senior Construction Inspector", "District Bridge Engineer",
          "Human Resources Specialist", "Administrative Assistant", "Customer Service Representative",
          "Fleet Technician", "Design Technician", "Intermediate Maintenance Worker",
          "Senior Information Systems Technologist", "Right of Way Specialist", "Engineering Intern",
          "Safety and Health Manager", "Procurement Agent", "Area Engineer"]
DISTRICTS = ["Central District", "Northeast District", "Northwest District", "Kansas City District",
             "St. Louis District", "Southwest District", "Southeast District", "General Headquarters"]


def strip_accents(s):
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


class Person:
    def __init__(self, first, last, addr, title=None, district=None):
        self.first, self.last, self.addr = first, last, addr
        self.title, self.district = title, district

    @property
    def name(self):
        return f"{self.first} {self.last}".strip()

    def hdr(self):
        return formataddr((self.name, self.addr), charset="utf-8")

    def plain(self):
        return f"{self.name} <{self.addr}>"


def make_person(rng, kind, lang="en"):
    es = lang == "es" and rng.random() < 0.85 or (lang != "es" and rng.random() < 0.07)
    first = rng.choice(FIRST_ES if es else FIRST_EN)
    last = rng.choice(LAST_ES if es else LAST_EN)
    a_first = strip_accents(first).lower()
    a_last = strip_accents(last).lower().replace(" ", "")
    if kind == "internal":
        addr = f"{a_first}.{a_last}@{DOMAIN}"
        return Person(first, last, addr, rng.choice(TITLES), rng.choice(DISTRICTS))
    if kind == "personal":
        style = rng.randrange(4)
        local = [f"{a_first}.{a_last}", f"{a_first}{a_last}{rng.randrange(10, 99)}",
                 f"{a_first[0]}{a_last}{rng.randrange(1, 9)}", f"{a_last}fam{rng.randrange(70, 99)}"][style]
        return Person(first, last, f"{local}@{rng.choice(FREEMAIL)}")
    if kind == "vendor":
        return Person(first, last, f"{a_first[0]}{a_last}@{rng.choice(VENDORS)}",
                      rng.choice(["Project Manager", "Estimator", "Account Manager", "Sales Rep",
                                  "Billing", "Operations Manager"]))
    if kind == "gov":
        return Person(first, last, f"{a_first}.{a_last}@{rng.choice(GOV_EXT)}",
                      rng.choice(["City Administrator", "County Clerk", "Public Works Director",
                                  "Engineer", "Emergency Manager"]))
    raise ValueError(kind)

# ---------------------------------------------------------------- clients

CLIENT_HEADERS = {
    "outlook": [("X-Mailer", "Microsoft Outlook 16.0")],
    "outlook-owa": [("X-MS-Has-Attach", ""), ("X-Originating-IP", "[10.41.12.7]")],
    "gmail": [],
    "apple-iphone": [("X-Mailer", "iPhone Mail (21F90)")],
    "apple-mac": [("X-Mailer", "Apple Mail (2.3774.600.62)")],
    "thunderbird": [("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0")],
    "android": [("X-Mailer", "Samsung Mobile Email")],
    "yahoo": [("X-Mailer", "WebService/1.1.22806 YMailNorrin")],
    "outlook-com": [("X-MS-Exchange-Organization-SCL", "1")],
}
MOBILE_SIG = {"apple-iphone": {"en": "Sent from my iPhone", "es": "Enviado desde mi iPhone"},
              "android": {"en": "Sent from my Galaxy", "es": "Enviado desde mi Galaxy"}}


def pick_client(rng, who):
    tables = {
        "internal": [("outlook", 66), ("outlook-owa", 10), ("apple-iphone", 10), ("thunderbird", 5),
                     ("android", 6), ("apple-mac", 3)],
        "personal": [("gmail", 34), ("apple-iphone", 20), ("android", 15), ("yahoo", 13),
                     ("outlook-com", 10), ("thunderbird", 4), ("apple-mac", 4)],
        "vendor": [("outlook", 68), ("gmail", 14), ("thunderbird", 9), ("outlook-owa", 5),
                   ("apple-mac", 4)],
        "gov": [("outlook", 70), ("outlook-owa", 15), ("gmail", 15)],
    }
    t = tables[who]
    return rng.choices([c for c, _ in t], weights=[w for _, w in t])[0]

# ---------------------------------------------------------------- wording tables

GREET = {"en": ["Hi {to},", "Hey {to},", "{to} -", "Good morning,", "Hi all,", "All,", "Hey guys,",
                "Morning {to},", "", "", "Hello,", "Team,"],
         "es": ["Hola {to},", "Hola a todos,", "Buenos días,", "Buenas tardes,", "Qué tal,", ""]}
SIGNOFF = {"en": ["Thanks,", "Thx", "Thanks!", "-", "Regards,", "Have a good one,", "Later,",
                  "Best,", "", "Thank you,"],
           "es": ["Saludos,", "Gracias,", "Atentamente,", "Un abrazo,", "", "Saludos cordiales,"]}
CLEAN_GREET = {"en": ["Hi {to},", "{to},", "Good morning,", "All,", "Hello {to},", "Team,", "",
                      "Good afternoon,"],
               "es": ["Buenos días,", "Estimado(a):", "Hola {to},", ""]}
CLEAN_SIGNOFF = {"en": ["Thanks,", "Thank you,", "Regards,", "Respectfully,", "Best regards,", "",
                        "Thanks for your help,"],
                 "es": ["Atentamente,", "Saludos cordiales,", "Gracias,", ""]}

TOPLINE = {
    "chain_letter": {"en": ["lol you have to read this", "Thought you'd enjoy", "This is so true!!",
                            "Pass it on!", "I don't know if this is real but better safe than sorry",
                            "Sending to everyone I know", "Mom sent me this one", "ha!",
                            "FYI - please read", "\U0001F602\U0001F602\U0001F602", "too funny not to share",
                            "Please read this all the way through", "made my day", ""],
                     "es": ["Jajaja mira esto", "Léelo, es importante", "Me lo mandó mi mamá",
                            "Compártelo", "Para que se rían un rato", ""]},
    "solicitation": {"en": ["Passing this along for my sister", "In case anyone's interested",
                            "See below, let me know!", "FYI my neighbor is selling this",
                            "forwarding in case you know anybody", "Sharing for a friend"],
                     "es": ["Por si a alguien le interesa", "Se los paso, avísenme", "Para quien le interese"]},
    "gambling": {"en": ["Who's in?", "Last call!", "Forwarding for the guys in the shop",
                        "see below, get your money in", "reminder - pay up", "you in this year?"],
                 "es": ["¿Quién le entra?", "Último aviso", "Se los reenvío"]},
    "offensive": {"en": ["lmao", "nsfw lol", "don't open this at your desk", "hahaha", "look at this",
                         "for the boys"],
                  "es": ["jajaja", "no lo abras en la oficina", "mira esto"]},
    "newsletter": {"en": ["thought you'd like this", "great deals, check it out", "FYI",
                          "look what came in", "saw this and thought of you"],
                   "es": ["mira estas ofertas", "te lo paso", "para que lo veas"]},
    "clean": {"en": ["FYI", "See below.", "Forwarding for your awareness.", "Please handle.",
                     "Can you take a look at this?", "FYI - for the file.", "Please see below and advise.",
                     "Forwarding per our conversation."],
              "es": ["Para su información.", "Favor de revisar.", "Le reenvío el mensaje."]},
}
CLEAN_PRIOR = {"en": ["Any update on this?", "Can you send me what you have on this by Friday?",
                      "Following up - where do we stand on this one?", "Do you have the latest on this? The DE asked.",
                      "Please send me a short summary for the weekly report.", "Who is handling this?",
                      "Can you give me a status when you get a chance?\n\nThanks"],
               "es": ["¿Hay alguna novedad sobre esto?", "¿Me puede mandar un resumen, por favor?"]}
ATT_INTRO = {
    "chain_letter": ["see attached, too funny", "read the attachment!!", "attached, pass it on",
                     "this is the one I told you about"],
    "solicitation": ["Flyer attached, pass it around!", "Order form attached", "Details in the attached",
                     "See attached, let me know"],
    "gambling": ["Sheet attached, get your picks in", "Attached is the sign up sheet", "Rules attached",
                 "see attached"],
    "offensive": ["see attached lol", "attached", "read this"],
    "newsletter": ["Newsletter attached!", "Attached is this month's newsletter", "see attached newsletter"],
    "clean": ["Please see the attached.", "Attached for your review.", "Details are in the attached document.",
              "See attached."],
}
ATT_INTRO_ES = {"clean": ["Adjunto el documento.", "Favor de ver el archivo adjunto."],
                "_": ["Les mando el archivo", "Ahí va el archivo adjunto", "Vean el adjunto"]}

# ---------------------------------------------------------------- dates

BASE = dt.datetime(2025, 1, 2, 0, 0)
TZ_CDT = dt.timezone(dt.timedelta(hours=-5))
TZ_CST = dt.timezone(dt.timedelta(hours=-6))


def pick_date(rng, workday=True):
    day = BASE + dt.timedelta(days=rng.randrange(0, 690))
    if workday:
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
    d = day.replace(hour=rng.choice([6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 12, 13, 14, 14, 15, 16, 17, 19, 21]),
                    minute=rng.randrange(60), second=rng.randrange(60))
    tz = TZ_CDT if 3 <= d.month <= 10 else TZ_CST
    return d.replace(tzinfo=tz)


def fmt_gmail_date(d, lang="en"):
    if lang == "es":
        dias = ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"]
        meses = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"]
        return f"{dias[d.weekday()]}, {d.day} {meses[d.month-1]} {d.year} a las {d.hour}:{d.minute:02d}"
    h = d.hour % 12 or 12
    return f"{d.strftime('%a, %b')} {d.day}, {d.year} at {h}:{d.minute:02d} {'AM' if d.hour < 12 else 'PM'}"


def fmt_outlook_date(d):
    h = d.hour % 12 or 12
    return f"{d.strftime('%A, %B')} {d.day}, {d.year} {h}:{d.minute:02d} {'AM' if d.hour < 12 else 'PM'}"

# ---------------------------------------------------------------- text helpers

def subst(text, names):
    for k, v in names.items():
        text = text.replace("{" + k + "}", v)
    return text


ZW = "\u200b"


def obfuscate(rng, text):
    """Light obfuscation used on a few violation renders."""
    mode = rng.randrange(3)
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    rng.shuffle(idx)
    for i in idx[:4]:
        w = words[i]
        if mode == 0:
            words[i] = w[:2] + ZW + w[2:]
        elif mode == 1:
            words[i] = w.replace("e", "3").replace("o", "0").replace("i", "1")
        else:
            words[i] = ".".join(w)
    return " ".join(words), ["zero-width", "leet", "dotted"][mode]


def html_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_to_html(text, client):
    paras = text.split("\n\n")
    out = []
    for p in paras:
        lines = [html_escape(x) for x in p.split("\n")]
        if client.startswith("outlook"):
            for ln in lines:
                out.append(f'<p class="MsoNormal">{ln or "&nbsp;"}<o:p></o:p></p>')
            out.append('<p class="MsoNormal"><o:p>&nbsp;</o:p></p>')
        elif client in ("gmail",):
            out.append("<div>" + "<br>".join(lines) + "</div><div><br></div>")
        else:
            out.append("<div>" + "<br>\n".join(lines) + "</div><br>")
    inner = "\n".join(out)
    if client.startswith("outlook"):
        return ('<html xmlns:o="urn:schemas-microsoft-com:office:office" '
                'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\n'
                '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
                '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
                '<style><!--\np.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0in; font-size:11.0pt; '
                'font-family:"Calibri",sans-serif;}\n--></style></head>\n'
                '<body lang="EN-US" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">\n'
                f'<div class="WordSection1">\n{inner}\n</div>\n</body>\n</html>\n')
    if client == "gmail":
        return f'<div dir="ltr">{inner}</div>\n'
    return f'<html><head><meta charset="utf-8"></head><body style="font-family: Arial, sans-serif; font-size: 14px;">\n{inner}\n</body></html>\n'

# ---------------------------------------------------------------- MIME building

class Part:
    def __init__(self, ctype, data=None, parts=None, filename=None, params=None):
        self.ctype, self.data, self.parts, self.filename = ctype, data, parts, filename
        self.params = params or {}


def enc_text(rng, text, force=None):
    raw = text.encode("utf-8")
    ascii_ok = all(b < 128 for b in raw)
    maxlen = max((len(l) for l in text.split("\n")), default=0)
    if force:
        cte = force
    elif ascii_ok and maxlen < 900:
        cte = rng.choices(["7bit", "quoted-printable", "base64"], weights=[65, 25, 10])[0]
    else:
        cte = rng.choices(["8bit", "quoted-printable", "base64"], weights=[35, 45, 20])[0]
        if cte == "8bit" and maxlen >= 900:
            cte = "quoted-printable"
    if cte in ("7bit", "8bit"):
        body = text if text.endswith("\n") else text + "\n"
    elif cte == "quoted-printable":
        body = quopri.encodestring(raw).decode("ascii")
        if not body.endswith("\n"):
            body += "\n"
    else:
        body = base64.encodebytes(raw).decode("ascii")
    return cte, body


def serialize(rng, part, boundary_seed):
    """Return (headers list, body str) for a part."""
    if part.parts is not None:
        b = f"----=_Part_{boundary_seed}_{len(part.parts)}{part.ctype.split('/')[1][:3]}.{rng.getrandbits(40):010x}"
        hdrs = [("Content-Type", f'{part.ctype}; boundary="{b}"')]
        chunks = []
        if part.ctype == "multipart/mixed" and rng.random() < 0.5:
            chunks.append("This is a multi-part message in MIME format.\n")
        for i, sp in enumerate(part.parts):
            sh, sb = serialize(rng, sp, f"{boundary_seed}{i}")
            chunks.append(f"--{b}\n" + "".join(f"{k}: {v}\n" for k, v in sh) + "\n" + sb)
        chunks.append(f"--{b}--\n")
        body = "\n".join(c.rstrip("\n") + "\n" if i < len(chunks) - 1 else c for i, c in enumerate(chunks))
        return hdrs, body
    if part.filename:
        ctype = part.ctype
        hdrs = [("Content-Type", f'{ctype}; name="{part.filename}"'),
                ("Content-Disposition", f'attachment; filename="{part.filename}"'),
                ("Content-Transfer-Encoding", "base64")]
        data = part.data if isinstance(part.data, bytes) else part.data.encode("utf-8")
        return hdrs, base64.encodebytes(data).decode("ascii")
    cte, body = enc_text(rng, part.data, part.params.get("cte"))
    cs = "utf-8" if not all(ord(c) < 128 for c in part.data) or rng.random() < 0.7 else "us-ascii"
    hdrs = [("Content-Type", f"{part.ctype}; charset=\"{cs}\"" if rng.random() < 0.5 else f"{part.ctype}; charset={cs}"),
            ("Content-Transfer-Encoding", cte)]
    return hdrs, body


def make_docx(text, title):
    paras = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{html_escape(p)}</w:t></w:r></w:p>' for p in ([title] + text.split("\n")))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f'<w:body>{paras}<w:sectPr/></w:body></w:document>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)):
            zi = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return buf.getvalue()


def make_csv(rng, core, body, names):
    rows = []
    if core["cat"] == "gambling":
        rows.append("Name,Pick,Paid,Notes")
        for i in range(rng.randint(5, 12)):
            p = rng.choice(FIRST_EN)
            rows.append(f"{p},{rng.choice(['Duke', 'Kansas', 'Houston', 'UConn', 'Auburn', 'Mizzou', 'Gonzaga', 'Purdue', 'KC', 'BUF', '4-7', '2-9', 'Dec 9', 'Jun 12'])},{rng.choice(['Y', 'Y', 'N', '$5', '$10'])},")
    else:
        rows.append("Item,Qty,Price,Name")
        for i in range(rng.randint(3, 7)):
            rows.append(f"line {i+1},{rng.randint(1, 6)},,{rng.choice(FIRST_EN)}")
    flat = body.replace('"', "'").replace("\n", " ")
    rows.append(f'"NOTES: {flat}",,,')
    return "\n".join(rows) + "\n"

# ---------------------------------------------------------------- wrappers

def fwd_header(client, lang, orig_from, orig_to, d, subject):
    if lang == "es":
        if client.startswith("outlook"):
            return (f"________________________________\nDe: {orig_from.plain()}\nEnviado: {d.strftime('%d/%m/%Y %H:%M')}\n"
                    f"Para: {orig_to.plain()}\nAsunto: {subject}\n")
        return (f"---------- Mensaje reenviado ---------\nDe: {orig_from.plain()}\nDate: {fmt_gmail_date(d, 'es')}\n"
                f"Subject: {subject}\nTo: {orig_to.plain()}\n")
    if client.startswith("outlook"):
        if hash_choice(subject, 2):
            return (f"-----Original Message-----\nFrom: {orig_from.plain()}\nSent: {fmt_outlook_date(d)}\n"
                    f"To: {orig_to.plain()}\nSubject: {subject}\n")
        return (f"________________________________\nFrom: {orig_from.plain()}\nSent: {fmt_outlook_date(d)}\n"
                f"To: {orig_to.plain()}\nSubject: {subject}\n")
    if client in ("gmail", "outlook-com", "yahoo"):
        return (f"---------- Forwarded message ---------\nFrom: {orig_from.plain()}\nDate: {fmt_gmail_date(d)}\n"
                f"Subject: {subject}\nTo: {orig_to.plain()}\n")
    if client.startswith("apple"):
        h = d.hour % 12 or 12
        return (f"Begin forwarded message:\n\nFrom: {orig_from.plain()}\nSubject: {subject}\n"
                f"Date: {d.strftime('%B')} {d.day}, {d.year} at {h}:{d.minute:02d}:{d.second:02d} "
                f"{'AM' if d.hour < 12 else 'PM'} {'CDT' if d.utcoffset().total_seconds() == -18000 else 'CST'}\nTo: {orig_to.plain()}\n")
    if client == "thunderbird":
        return (f"-------- Forwarded Message --------\nSubject: \t{subject}\nDate: \t{format_datetime(d)}\n"
                f"From: \t{orig_from.plain()}\nTo: \t{orig_to.plain()}\n")
    return (f"-------- Original message --------\nFrom: {orig_from.plain()}\nDate: {d.month}/{d.day}/{d.year % 100} "
            f"{d.hour % 12 or 12}:{d.minute:02d} {'AM' if d.hour < 12 else 'PM'} (GMT-06:00)\nTo: {orig_to.plain()}\n"
            f"Subject: {subject}\n")


def hash_choice(s, n):
    return sum(map(ord, s)) % n == 0


def quote_block(client, lang, who, me, d, subject, text):
    if client.startswith("outlook"):
        if lang == "es":
            return (f"________________________________\nDe: {who.plain()}\nEnviado: {d.strftime('%d/%m/%Y %H:%M')}\n"
                    f"Para: {me.plain()}\nAsunto: {subject}\n\n{text}\n")
        return (("________________________________\n" if hash_choice(subject + who.first, 2) else "") +
                f"From: {who.plain()}\nSent: {fmt_outlook_date(d)}\nTo: {me.plain()}\nSubject: {subject}\n\n{text}\n")
    q = "\n".join("> " + ln if ln else ">" for ln in text.split("\n"))
    if lang == "es":
        return f"El {fmt_gmail_date(d, 'es')}, {who.name} (<{who.addr}>) escribió:\n{q}\n"
    if client.startswith("apple"):
        return f"> On {d.strftime('%b')} {d.day}, {d.year}, at {d.hour % 12 or 12}:{d.minute:02d} {'AM' if d.hour < 12 else 'PM'}, {who.name} <{who.addr}> wrote:\n>\n{q}\n"
    if client == "thunderbird":
        return f"On {d.month}/{d.day}/{d.year % 100} {d.hour}:{d.minute:02d}, {who.name} wrote:\n{q}\n"
    return f"On {fmt_gmail_date(d)} {who.name} <{who.addr}> wrote:\n{q}\n"


def signature(rng, sender, client, lang, kind):
    sig = []
    if kind == "internal" and client in ("outlook", "outlook-owa", "thunderbird") and rng.random() < 0.75:
        sig.append(sender.name)
        if rng.random() < 0.8:
            sig.append(sender.title)
            sig.append("Missouri Department of Transportation" if rng.random() < 0.6 else f"MoDOT {sender.district}")
            sig.append(f"573-{rng.randrange(500, 799)}-{rng.randrange(1000, 9999)}")
    elif kind in ("vendor", "gov") and rng.random() < 0.8:
        sig += [sender.name, sender.title, sender.addr.split("@")[1]]
        sig.append(f"({rng.choice(['573', '816', '417', '314'])}) {rng.randrange(200, 899)}-{rng.randrange(1000, 9999)}")
    else:
        if rng.random() < 0.7:
            sig.append(sender.first if rng.random() < 0.6 else sender.name)
    if client in MOBILE_SIG and rng.random() < 0.85:
        sig.append("")
        sig.append(MOBILE_SIG[client][lang if lang == "es" else "en"])
    return "\n".join(sig)

# ---------------------------------------------------------------- newsletter HTML

ESP = [("mailchimp", [("X-Mailer", "MailChimp Mailer - **CID{cid}**"), ("X-MC-User", "{u}")]),
       ("sendgrid", [("X-SG-EID", "{u}{cid}"), ("X-Feedback-ID", "{cid}:SG")]),
       ("constantcontact", [("X-Mailer", "Roving Constant Contact 2012 (http://www.constantcontact.com)"),
                            ("X-Roving-Id", "{cid}.{u}")]),
       ("salesforce-mc", [("X-SFMC-Stack", "7"), ("Feedback-ID", "{cid}:{u}:sfmc")]),
       ("klaviyo", [("X-Kmail-Relay", "true"), ("Feedback-ID", "{cid}:klaviyo")])]


def newsletter_html(core, body, brand, color, lang, unsub):
    rows = []
    lst = []
    for ln in body.split("\n"):
        if ln.startswith("# "):
            if lst:
                rows.append("<ul>" + "".join(lst) + "</ul>")
                lst = []
            rows.append(f'<h2 style="font-family:Helvetica,Arial,sans-serif;color:{color};font-size:20px;margin:18px 0 6px 0;">{html_escape(ln[2:])}</h2>')
        elif ln.startswith("- "):
            lst.append(f'<li style="margin-bottom:4px;">{html_escape(ln[2:])}</li>')
        elif ln.strip():
            if lst:
                rows.append("<ul>" + "".join(lst) + "</ul>")
                lst = []
            rows.append(f'<p style="font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#333333;">{html_escape(ln)}</p>')
    if lst:
        rows.append("<ul>" + "".join(lst) + "</ul>")
    foot = ("Recibe este correo porque se suscribió." if lang == "es" else
            "You are receiving this email because you opted in.")
    unsub_t = "Cancelar suscripción" if lang == "es" else "Unsubscribe"
    pref = "Preferencias" if lang == "es" else "Update preferences"
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>{html_escape(core["subject"])}</title>\n'
        '<style type="text/css">body{margin:0;padding:0;} table{border-collapse:collapse;} img{border:0;} '
        '@media only screen and (max-width:600px){.wrap{width:100% !important;}}</style></head>\n'
        '<body style="margin:0;padding:0;background-color:#f2f2f2;">\n'
        '<table width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f2f2f2"><tr><td align="center">\n'
        '<table class="wrap" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff">\n'
        f'<tr><td style="background-color:{color};padding:20px;text-align:center;">'
        f'<img src="https://img.{unsub.split("/")[2]}/logo.png" alt="{html_escape(brand)}" width="180" style="display:block;margin:0 auto;">'
        f'<span style="font-family:Georgia,serif;font-size:26px;color:#ffffff;">{html_escape(brand)}</span></td></tr>\n'
        f'<tr><td style="padding:20px 30px;">\n' + "\n".join(rows) + '\n</td></tr>\n'
        f'<tr><td align="center" style="padding:10px;"><a href="{unsub.replace("/u/", "/v/")}" '
        f'style="background-color:{color};color:#ffffff;padding:12px 24px;text-decoration:none;border-radius:4px;'
        f'font-family:Helvetica,Arial,sans-serif;">{"Ver más" if lang == "es" else "Read more"}</a></td></tr>\n'
        f'<tr><td style="padding:20px;font-size:11px;color:#888888;font-family:Arial,sans-serif;text-align:center;">{foot}<br>'
        f'<a href="{unsub}" style="color:#888888;">{unsub_t}</a> | <a href="{unsub.replace("/u/", "/p/")}" style="color:#888888;">{pref}</a><br>'
        f'{html_escape(brand)} &middot; PO Box {abs(hash_int(brand)) % 9000 + 100} &middot; Springfield, MO 65801</td></tr>\n'
        '</table></td></tr></table>\n'
        f'<img src="{unsub.replace("/u/", "/o/")}" width="1" height="1" alt="">\n</body></html>\n')


def hash_int(s):
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) % 1000003
    return h


def newsletter_text(body, lang, unsub):
    out = []
    for ln in body.split("\n"):
        if ln.startswith("# "):
            out.append("")
            out.append(ln[2:].upper())
            out.append("")
        elif ln.startswith("- "):
            out.append("* " + ln[2:])
        else:
            out.append(ln)
    out.append("")
    out.append(("Cancelar suscripción: " if lang == "es" else "Unsubscribe: ") + unsub)
    return "\n".join(out).strip("\n") + "\n"

# ---------------------------------------------------------------- rendering

def header_line(k, v):
    try:
        v.encode("ascii")
        return f"{k}: {v}"
    except UnicodeEncodeError:
        return f"{k}: " + Header(v, "utf-8", header_name=k).encode()


def fold_addrs(addrs):
    return ",\n\t".join(addrs)


def slugify(s):
    s = strip_accents(s).lower()
    s = re.sub(r"^((re|fw|fwd|rv)\s*:\s*)+", "", s)
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_")
    return s[:40].strip("_") or "msg"


def direction_for(rng, core):
    d = core["dirs"]
    w = {"n": 5, "i": 4, "o": 3}
    return rng.choices(d, weights=[w[x] for x in d])[0]


def render(rng, core, k):
    cat, lang = core["cat"], core["lang"]
    is_clean = cat == "clean"
    dcode = direction_for(rng, core)
    direction = {"n": "internal", "i": "inbound", "o": "outbound"}[dcode]
    form = core["form"]
    opts = core["opts"]
    notes = []

    # sender / recipients
    if form == "bulk":
        fromhdr = opts["from"]
        m = re.match(r"(.*)<(.+)>", fromhdr)
        brand, faddr = m.group(1).strip(), m.group(2).strip()
        sender = Person(brand, "", faddr)
        sender_kind = "bulk"
    elif opts.get("sender"):
        m = re.match(r"(.*)<(.+)>", opts["sender"])
        sender = Person(m.group(1).strip(), "", m.group(2).strip())
        sender_kind = "auto"
    elif direction == "inbound":
        sender_kind = "personal"
        if is_clean:
            b = core["body"]
            if re.search(r"City of|County|Board of Aldermen|Chamber of Commerce|council", b):
                sender_kind = "gov"
            elif re.search(r"Sunshine|Solicito|quisiera|Señores|vi que tienen|I request|mi hermano", b):
                sender_kind = "personal"
            else:
                sender_kind = rng.choice(["vendor", "vendor", "vendor", "gov"])
        sender = make_person(rng, sender_kind, lang)
    else:
        sender_kind = "internal"
        sender = make_person(rng, "internal", lang)
    if direction == "outbound":
        rkind = "personal"
        if is_clean:
            rkind = rng.choice(["vendor", "gov", "personal"])
        recips = [make_person(rng, rkind, lang)]
    else:
        recips = [make_person(rng, "internal", lang)]
    if form == "bulkout" or (cat not in ("clean", "offensive") and form == "own" and rng.random() < 0.3) or (is_clean and not opts.get("sender") and rng.random() < 0.3):
        for _ in range(rng.randint(2, 9) if form == "bulkout" else rng.randint(1, 4)):
            recips.append(make_person(rng, "personal" if direction == "outbound" else "internal", lang))
    seen, uniq = set(), []
    for r in recips:
        if r.addr not in seen and r.addr != sender.addr:
            seen.add(r.addr)
            uniq.append(r)
    recips = uniq
    to = recips[0]
    cc = []
    if form not in ("bulk", "bulkout") and rng.random() < 0.15:
        cc = [make_person(rng, "internal", lang)]

    if sender_kind == "bulk":
        client = "esp"
    elif sender_kind == "auto":
        client = "auto"
    elif form == "bulkout" and rng.random() < 0.35:
        client = "esp"
    else:
        client = pick_client(rng, sender_kind if sender_kind in ("internal", "personal", "vendor", "gov") else "internal")
    names = {"to": to.first if len(recips) == 1 else rng.choice(["all", "everyone", "guys", "y'all"]) if lang != "es" else "todos",
             "me": sender.first, "p1": rng.choice(MALE_EN), "p2": rng.choice(FEMALE_EN)}
    if names["to"] in ("all", "everyone", "guys", "y'all", "todos"):
        names["to"] = to.first if rng.random() < 0.5 else names["to"]
    d = pick_date(rng, workday=(direction == "internal" or rng.random() < 0.6))
    subject = core["subject"].replace("{to}", to.first)
    body = subst(core["body"], names)
    quoted = subst(core["quoted"], names) if core["quoted"] else None

    obf = False
    if not is_clean and form != "bulk" and rng.random() < 0.07:
        body, how = obfuscate(rng, body)
        notes.append("obfuscated=" + how)
        obf = True
    if not is_clean and form in ("own", "fwd") and rng.random() < 0.06:
        subject = subject.upper()
        notes.append("caps-subject")

    extra_headers = []
    attachments = []
    html = None
    prefix = ""

    if form in ("bulk",) or (form == "bulkout" and client == "esp"):
        # bulk ESP mail
        esp_name, esp_h = rng.choice(ESP)
        cid = f"{rng.getrandbits(48):012x}"
        u = f"{rng.getrandbits(32):08x}"
        dom = sender.addr.split("@")[1]
        if form == "bulkout":
            dom = "list-manage.com" if esp_name == "mailchimp" else "mail.esp-relay.net"
            brand = rng.choice(["", ""]) or core["subject"].split(" - ")[0][:40]
        unsub = f"https://{'links.' + dom if form == 'bulk' else dom}/u/{u}/{cid}"
        color = rng.choice(["#1b4f72", "#7d3c98", "#117a65", "#b03a2e", "#d35400", "#2e4053", "#a04000"])
        text = newsletter_text(body, lang, unsub)
        html = newsletter_html(core, body, brand if form == "bulk" else core["subject"].split(" - ")[0], color, lang, unsub)
        list_dom = dom
        extra_headers += [("List-Unsubscribe", f"<{unsub}>, <mailto:unsub-{u}@{list_dom}>"),
                          ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                          ("List-Id", f"{slugify(brand)[:20].replace('_', '-')} <{cid[:8]}.list-id.{list_dom}>"),
                          ("Precedence", "bulk")]
        for hk, hv in esp_h:
            extra_headers.append((hk, hv.format(cid=cid, u=u)))
        if rng.random() < 0.5:
            extra_headers.append(("X-Campaign", f"{cid[:6]}-{slugify(core['subject'])[:16]}"))
        client = "esp-" + esp_name
        textpart = text
        if is_clean and "modot.mo.gov" in dom:
            extra_headers = [h for h in extra_headers if h[0] != "List-Unsubscribe-Post"]
        notes.append("bulk")
        layout = rng.choices(["alt", "html"], weights=[75, 25])[0]
        if layout == "alt":
            root = Part("multipart/alternative", parts=[Part("text/plain", text), Part("text/html", html)])
        else:
            root = Part("text/html", html)
        # forwarded by a human? (rare)
    else:
        # human-composed mail
        gl = CLEAN_GREET if is_clean else GREET
        sl = CLEAN_SIGNOFF if is_clean else SIGNOFF
        L = "es" if lang == "es" else "en"
        greet = "" if form == "fwd" else subst(rng.choice(gl[L]), names)
        if cat == "offensive" and form == "own":
            greet = rng.choice(["", "", "{to},", "Hey {to},", "{to} -"]).replace("{to}", to.first)
            if L == "es":
                greet = rng.choice(["", to.first + ","])
        if core["body"].lstrip().startswith(("Estimad", "Dear", "Hi ", "Hey", "Hola", "Hello", "Queridos", "Mira", "Buenas", "Ladies", "Listen", "Hermanos", "Parents", "Booster", "Buenos")):
            greet = ""
        signoff = "" if form == "fwd" else rng.choice(sl[L])
        sig = signature(rng, sender, client, L, sender_kind) if sender_kind != "auto" else ""
        if sender_kind == "auto":
            greet = rng.choice(["", "", "Hello {to},".replace("{to}", to.first)])
            signoff = ""
        if signoff and (not sig or sig.startswith("\n")):
            sig = sender.first + sig
        use_att = False
        att_kind = None
        if opts.get("att"):
            use_att = rng.random() < 0.75
            att_kind = opts["att"]
        elif "intro" not in opts and form != "bulkout" and rng.random() < (0.14 if not is_clean else 0.12):
            use_att = True
        elif form == "bulkout" and rng.random() < 0.45:
            use_att = True
        if use_att and not att_kind:
            att_kind = rng.choice(["docx", "docx", "txt", "html"]) if form != "bulkout" else rng.choice(["docx", "html"])

        content = body
        if use_att:
            fname_base = slugify(core["subject"])[:30] or "file"
            if att_kind == "docx":
                data = make_docx(body if form != "bulkout" else body.replace("# ", ""), core["subject"])
                attachments.append(Part("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                        data, filename=fname_base.replace("_", "-") + ".docx"))
            elif att_kind == "csv":
                attachments.append(Part("text/csv", make_csv(rng, core, body, names), filename=fname_base + ".csv"))
            elif att_kind == "txt":
                attachments.append(Part("text/plain", body + "\n", filename=fname_base + ".txt"))
            else:
                attachments.append(Part("text/html", text_to_html(body, "other"), filename=fname_base + ".html"))
            notes.append("att=" + att_kind)
            if att_kind == "csv" and rng.random() < 0.5:
                content = body  # sheet plus explanation in the body
            else:
                if L == "es":
                    content = rng.choice(ATT_INTRO_ES.get(cat, ATT_INTRO_ES["_"]))
                else:
                    content = rng.choice(ATT_INTRO[cat])
        if form == "bulkout":
            content = content.replace("# ", "").replace("\n- ", "\n  * ")
            notes.append("personal-mass-mailing")

        own_parts = [greet, content, "\n".join(x for x in [signoff, sig] if x) if (signoff or sig) else ""]
        text = "\n\n".join(p for p in own_parts if p).strip("\n")

        wrap = None
        if form == "fwd":
            wrap = "fwd"
        elif quoted:
            wrap = "reply"
        elif is_clean and form == "own" and sender_kind != "auto" and rng.random() < 0.22:
            quoted = rng.choice(CLEAN_PRIOR[L])
            wrap = "reply"
        elif form == "own" and not use_att and sender_kind != "auto" and rng.random() < (0.2 if is_clean or cat in ("solicitation", "gambling") else 0.08) and cat != "offensive":
            wrap = "fwd-own"

        if wrap == "reply":
            prev = to
            pd = d - dt.timedelta(hours=rng.randint(1, 50), minutes=rng.randint(0, 59))
            osubj = re.sub(r"^(Re|RE):\s*", "", subject)
            if subject.lower().startswith("fw"):
                prev = make_person(rng, "vendor", lang)
                osubj = rng.choice(["Noncompliance notice", "(no subject)", "your notice", "RE: J5I3317 NCR #4"])
                text = text + "\n\n" + fwd_header(client, L, prev, sender, pd, osubj) + "\n" + quoted + "\n"
                notes.append("forward-with-quoted-history")
            else:
                text = text + "\n\n" + quote_block(client, L, prev, sender, pd, osubj, quoted)
                subject = subject if subject.lower().startswith("re:") else "RE: " + subject
                notes.append("reply-with-quote")
        elif wrap in ("fwd", "fwd-own"):
            layers = 1 + (rng.random() < 0.35) + (rng.random() < 0.12 if wrap == "fwd" else 0)
            if wrap == "fwd":
                orig_sender = make_person(rng, "personal", lang)
                inner = body if not use_att else content
                mid_kind = "personal"
            else:
                orig_sender = sender
                inner = text
                mid_kind = "internal" if direction != "inbound" else sender_kind
                sender = make_person(rng, mid_kind, lang)
            od = d - dt.timedelta(days=rng.randint(0, 20), hours=rng.randint(1, 20) + 24 * layers)
            osubj = re.sub(r"^((RE|Re|FW|Fw|FWD|Fwd|fw|fwd|RV)\s*:\s*)+", "", core["subject"])
            # chain[0] wrote it, chain[i] sent it to chain[i+1]; the last one is the present sender
            chain = [orig_sender] + [make_person(rng, mid_kind, lang) for _ in range(layers - 1)] + [sender]
            cur_text, cur_subj = inner, osubj
            for li in range(layers):
                fclient = client if li == layers - 1 else pick_client(rng, mid_kind)
                hdr = fwd_header(fclient, L, chain[li], chain[li + 1], od, cur_subj)
                pre = "FW: " if fclient.startswith("outlook") else ("RV: " if L == "es" and rng.random() < 0.5 else "Fwd: ")
                top = rng.choice(TOPLINE[cat][L]) if li == layers - 1 else rng.choice(TOPLINE[cat][L] + [""])
                cur_text = (top + "\n\n" if top else "") + hdr + "\n" + cur_text
                cur_subj = pre + cur_subj
                od = od + dt.timedelta(hours=rng.randint(1, 30))
            if cat != "clean" and core["subject"].lower().startswith(("fw", "re", "rv")) and wrap == "fwd":
                cur_subj = core["subject"]  # keep the author's messy prefix chain
            subject = cur_subj
            msig = MOBILE_SIG.get(client, {}).get(L)
            text = cur_text + ("\n\n" + msig if msig and rng.random() < 0.7 else "")
            notes.append(f"forwarded x{layers}")

        # layout
        if client.startswith("outlook") or client == "gmail":
            layout = rng.choices(["alt", "plain", "html"], weights=[70, 20, 10])[0]
        elif client in ("thunderbird",):
            layout = rng.choices(["plain", "alt"], weights=[80, 20])[0]
        elif client in ("yahoo", "outlook-com", "auto"):
            layout = rng.choices(["alt", "html"], weights=[70, 30])[0]
        else:
            layout = rng.choices(["plain", "alt"], weights=[55, 45])[0]
        hclient = "outlook" if client.startswith("outlook") else client
        if layout == "plain":
            root = Part("text/plain", text)
        elif layout == "html":
            root = Part("text/html", text_to_html(text, hclient))
        else:
            root = Part("multipart/alternative", parts=[Part("text/plain", text), Part("text/html", text_to_html(text, hclient))])
        if attachments:
            root = Part("multipart/mixed", parts=[root] + attachments)

    # headers
    crlf = rng.random() < 0.5
    mid_host = {"internal": "modot.mo.gov", "bulk": sender.addr.split("@")[1]}.get(sender_kind, sender.addr.split("@")[1])
    if client.startswith("outlook") and sender_kind == "internal":
        mid = f"<SA1PR09MB{rng.getrandbits(32):08X}{rng.getrandbits(32):08X}@SA1PR09MB{rng.randrange(1000, 9999)}.namprd09.prod.outlook.com>"
    elif client == "gmail" or client == "android":
        mid = f"<CA+{base64.b64encode(rng.getrandbits(160).to_bytes(20, 'big')).decode()[:26]}@mail.gmail.com>"
    else:
        mid = f"<{rng.getrandbits(64):016x}.{rng.randrange(10**6):06d}@{mid_host}>"
    hdrs = []
    if rng.random() < 0.6:
        hdrs.append(("Received", f"from {mid_host} (unknown [{rng.randrange(11, 220)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 254)}])\n\tby mx1.modot.mo.gov with ESMTPS id {rng.getrandbits(40):010x};\n\t{format_datetime(d + dt.timedelta(seconds=rng.randint(2, 40)))}"))
    hdrs.append(("From", sender.hdr() if sender_kind != "bulk" else opts["from"]))
    if form == "bulkout" and rng.random() < 0.4:
        hdrs.append(("To", sender.hdr()))
        hdrs.append(("Bcc", fold_addrs([r.hdr() for r in recips])))
        notes.append("bcc")
    elif form == "bulkout":
        hdrs.append(("To", fold_addrs([r.hdr() for r in recips])))
    else:
        hdrs.append(("To", fold_addrs([r.hdr() for r in recips])))
    if cc:
        hdrs.append(("Cc", fold_addrs([c.hdr() for c in cc])))
    hdrs.append(("Subject", subject))
    hdrs.append(("Date", format_datetime(d)))
    hdrs.append(("Message-ID", mid))
    if notes and "reply-with-quote" in notes:
        hdrs.append(("In-Reply-To", f"<{rng.getrandbits(64):016x}@{DOMAIN}>"))
    hdrs.append(("MIME-Version", "1.0"))
    for hk, hv in CLIENT_HEADERS.get(client, []):
        if hv:
            hdrs.append((hk, hv))
    if client in ("outlook", "outlook-owa"):
        hdrs.append(("Thread-Index", base64.b64encode(rng.getrandbits(176).to_bytes(22, "big")).decode()))
        hdrs.append(("Content-Language", "es-MX" if lang == "es" else "en-US"))
    hdrs += extra_headers
    if rng.random() < 0.08 and not is_clean and form in ("own",):
        hdrs.append(("Importance", "high"))
    ph, pb = serialize(rng, root, f"{rng.getrandbits(24):06x}")
    lines = [header_line(k, v) for k, v in hdrs] + [f"{k}: {v}" for k, v in ph]
    msg = "\n".join(lines) + "\n\n" + pb
    if crlf:
        msg = msg.replace("\r\n", "\n").replace("\n", "\r\n")
    meta = dict(dir=direction, client=client, notes=notes, lang=lang, crlf=crlf, subject=subject)
    return msg.encode("utf-8"), meta


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    content = sys.argv[1]
    outdir = os.path.join(content, "test", SOURCE)
    os.makedirs(outdir, exist_ok=True)
    for fn in os.listdir(outdir):
        if fn.endswith(".eml") or fn == "labels.tsv":
            os.remove(os.path.join(outdir, fn))
    rng = random.Random(SEED)
    cores = parse_cores()
    items = []
    for core in cores:
        if core["cat"] == "clean":
            n = rng.choice([3, 4, 4, 4])
        else:
            n = rng.choice([2, 3, 3, 3, 4, 4])
        if core["lang"] == "es":
            n = min(4, n + 1)
        for k in range(n):
            data, meta = render(rng, core, k)
            items.append((core, data, meta))
    rng.shuffle(items)
    lines = [f"# source={SOURCE} seed={SEED} split=test; generated by tools/{SOURCE}/gen.py; group = core id"]
    for i, (core, data, meta) in enumerate(items, 1):
        cat = core["cat"]
        fn = f"{i:04d}_{cat}_{slugify(core['subject'])}.eml"
        with open(os.path.join(outdir, fn), "wb") as f:
            f.write(data)
        note = ", ".join([f"lang={meta['lang']}", "crlf" if meta["crlf"] else "lf"] + meta["notes"] +
                         (["hard-negative"] if core["opts"].get("hn") == "1" else []))
        lines.append(f"{fn}\t{cat}\tgroup={SOURCE}-{core['id']}; dir={meta['dir']}; client={meta['client']}; {note}")
    with open(os.path.join(outdir, "labels.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(items)} messages to {outdir}")


if __name__ == "__main__":
    main()
