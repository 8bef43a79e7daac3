#!/usr/bin/env python3
"""Generator for corpus source `delta` (stdlib only, deterministic, random.Random(4)).

Usage: python3 tests/corpus/content/tools/delta/gen.py tests/corpus/content
Reads hand-written cores from cores_*.py next to this file and renders each core into
2-4 .eml messages under train/delta/, plus train/delta/labels.tsv.
Core format (in each cores_*.py, string CORES): "=== [tags] Subject" line, then the body.
Tags: es (Spanish), in/out/int (natural direction), fw (usually forwarded), att (may travel as
an attachment), bulk (list/bulk headers), html (HTML-heavy), raw (no greeting/signature),
also:LABEL (second label).
"""
import base64, importlib.util, io, os, quopri, random, re, sys, zipfile, datetime

SEED = 4
SOURCE = "delta"
SPLIT = "train"
HERE = os.path.dirname(os.path.abspath(__file__))

CORE_FILES = [
    ("chain_letter", "cores_chain_letter.py"),
    ("chain_letter", "cores_chain_letter_es.py"),
    ("offensive", "cores_offensive.py"),
    ("newsletter", "cores_newsletter.py"),
    ("solicitation", "cores_solicitation_es.py"),
    ("gambling", "cores_gambling_es.py"),
    ("clean", "cores_clean_vendor_news.py"),
    ("clean", "cores_clean_es.py"),
    ("clean", "cores_clean_hr_reminders.py"),
    ("clean", "cores_clean_it_hoax.py"),
]

FIRST = ["Dale", "Brenda", "Curtis", "Tammy", "Wes", "Lorena", "Gary", "Shonda", "Travis", "Keisha",
         "Marty", "Rhonda", "Duane", "Alicia", "Jesse", "Darlene", "Hector", "Yolanda", "Cody",
         "Misty", "Ramiro", "Becky", "Lonnie", "Graciela", "Trent", "Connie", "Arturo", "Jolene",
         "Vern", "Maribel", "Kendall", "Patsy", "Rusty", "Noemi", "Clint", "Deb", "Efrain", "Janelle"]
LAST = ["Pruitt", "Haskins", "Ochoa", "Brandt", "Tillman", "Vance", "Kessler", "Morado", "Yoder",
        "Gaither", "Stroup", "Benavides", "Lutz", "Caudill", "Renner", "Quintero", "Dorsey", "Hamm",
        "Ferrell", "Zamora", "Whitlock", "Esparza", "Bixby", "Nolte", "Carrasco", "Dunaway",
        "Spurlock", "Villegas", "Ashby", "Kraus", "Talley", "Munoz", "Greer", "Sutter"]
OUT_DOMAINS = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "att.net",
               "charter.net", "centurytel.net", "icloud.com", "sbcglobal.net", "mchsi.com",
               "socket.net", "yahoo.com.mx", "hotmail.es", "gmail.com", "gmail.com"]
BIZ_DOMAINS = ["cityofcolumbia.org", "greenecountymo.gov", "crossroadstraffic.com",
               "midwestaggregate.com", "bootheelpaving.com", "jcmo.gov", "ozarkbridge.net"]
TITLES = ["Maintenance Crew Leader", "Senior Maintenance Worker", "Administrative Specialist",
          "Transportation Project Designer", "Area Engineer", "Construction Inspector",
          "Human Resources Generalist", "IT Support Specialist", "Customer Service Representative",
          "Traffic Technician", "Fleet Services Technician", "Right of Way Specialist"]
DISTRICTS = ["Northwest District", "Northeast District", "Kansas City District", "Central District",
             "St. Louis District", "Southwest District", "Southeast District", "Central Office"]

CLIENTS = ["outlook", "gmail", "apple", "thunderbird", "android", "webmail"]
MAILERS = {
    "outlook": ("X-Mailer", "Microsoft Outlook 16.0"),
    "thunderbird": ("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0"),
    "apple": ("X-Mailer", "iPhone Mail (22B91)"),
    "android": ("X-Mailer", "Samsung Email 6.1.90.16"),
    "webmail": ("X-Mailer", "Roundcube Webmail/1.6.9"),
}
ESPS = [("Mailchimp", "mcsv.net", "X-Mailer", "MailChimp Mailer - **CIDd4f0a1b2c3**"),
        ("Constant Contact", "ccsend.com", "X-Mailer", "Roving Constant Contact 2026 (http://www.constantcontact.com)"),
        ("SendGrid", "sendgrid.net", "X-Mailer", "SendGrid"),
        ("Klaviyo", "klaviyomail.com", "X-Mailer", "Klaviyo"),
        ("Campaign Monitor", "createsend.com", "X-Mailer", "Campaign Monitor"),
        ("Brevo", "sendinblue.com", "X-Mailer", "Sendinblue")]

DOW = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DOW_LONG = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MON_LONG = ["January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"]
DIAS = ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"]
MESES = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"]


def load_cores():
    cores = []
    for label, fn in CORE_FILES:
        path = os.path.join(HERE, fn)
        spec = importlib.util.spec_from_file_location(fn[:-3], path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        stem = fn[6:-3]
        chunks = re.split(r"^=== ", mod.CORES.strip("\n"), flags=re.M)
        idx = 0
        for ch in chunks:
            if not ch.strip():
                continue
            head, _, body = ch.partition("\n")
            tags = re.findall(r"\[([^\]]+)\]", head)
            subj = re.sub(r"^(\s*\[[^\]]+\]\s*)+", "", head).strip()
            flat = []
            for t in tags:
                flat.extend(x.strip() for x in t.split(","))
            lab = label
            for t in flat:
                if t.startswith("also:"):
                    lab = label + "," + t[5:]
            idx += 1
            cores.append(dict(label=lab, base=label, tags=set(flat), subject=subj,
                              body=body.strip("\n"), gid="%s-%s-%03d" % (SOURCE, stem, idx)))
    return cores


class Person:
    def __init__(self, rng, internal, es=False):
        self.first = rng.choice(FIRST)
        self.last = rng.choice(LAST)
        self.name = "%s %s" % (self.first, self.last)
        if internal:
            self.addr = "%s.%s@modot.mo.gov" % (self.first.lower(), self.last.lower())
        else:
            dom = rng.choice(OUT_DOMAINS)
            style = rng.randrange(4)
            if style == 0:
                local = "%s%s%d" % (self.first.lower(), self.last.lower()[0], rng.randrange(10, 99))
            elif style == 1:
                local = "%s.%s" % (self.first.lower(), self.last.lower())
            elif style == 2:
                local = "%s%s" % (self.first.lower()[0], self.last.lower())
            else:
                local = "%s_%s%d" % (self.last.lower(), self.first.lower(), rng.randrange(1960, 2005))
            self.addr = "%s@%s" % (local, dom)
        self.internal = internal

    def hdr(self):
        return '"%s" <%s>' % (self.name, self.addr) if self.last in ("Munoz",) else "%s <%s>" % (self.name, self.addr)


def sender_first_last(rng):
    return rng.choice(FIRST).lower(), rng.choice(LAST).lower()


def fmt_date(dt, off):
    return "%s, %d %s %d %02d:%02d:%02d %s" % (DOW[dt.weekday()], dt.day, MON[dt.month - 1], dt.year,
                                               dt.hour, dt.minute, dt.second, off)


def rand_dt(rng):
    start = datetime.datetime(2025, 1, 2, 0, 0, 0)
    dt = start + datetime.timedelta(days=rng.randrange(0, 695), seconds=rng.randrange(6 * 3600, 22 * 3600))
    off = "-0500" if 3 <= dt.month <= 10 else "-0600"
    return dt, off


def signature(rng, p, es):
    if not p.internal:
        return rng.choice(["", "", "\nSent from my iPhone" if not es else "\nEnviado desde mi iPhone",
                           "\nSent from my Galaxy", "\n" + p.first, "\n-- \n" + p.name])
    if rng.random() < 0.35:
        return "\n" + p.first
    dist = rng.choice(DISTRICTS)
    return "\n%s\n%s\nMissouri Department of Transportation - %s\n%d-%03d-%04d" % (
        p.name, rng.choice(TITLES), dist, rng.choice([573, 816, 417, 314, 660]),
        rng.randrange(200, 999), rng.randrange(0, 9999))


def greeting(rng, es, to):
    if es:
        g = rng.choice(["Hola,", "Buenos días,", "Hola a todos,", "Saludos,", "", "Buenas tardes,"])
    else:
        g = rng.choice(["Hi,", "Hey %s," % to.first, "All,", "Good morning,", "", "", "%s -" % to.first, "Hello,"])
    return g


def closing(rng, es):
    if es:
        return rng.choice(["Saludos,", "Gracias,", "Atentamente,", "", "Un abrazo,"])
    return rng.choice(["Thanks,", "Thanks!", "", "Have a good one,", "Regards,", "-", ""])


def zw(rng, text):
    # obfuscate a few words with zero-width spaces or leet
    words = text.split(" ")
    for i in range(len(words)):
        w = words[i]
        if len(w) > 4 and w.isalpha() and rng.random() < 0.08:
            if rng.random() < 0.5:
                k = rng.randrange(1, len(w))
                words[i] = w[:k] + "\u200b" + w[k:]
            else:
                words[i] = w.replace("e", "3").replace("o", "0").replace("a", "@")
    return " ".join(words)


def to_html(text, client, bulk=False):
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    paras = esc.split("\n")
    if client == "outlook":
        inner = "\n".join('<p class="MsoNormal">%s<o:p></o:p></p>' % (x if x.strip() else "&nbsp;") for x in paras)
        return ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>'
                '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
                '<style><!-- p.MsoNormal {margin:0in;font-size:11.0pt;font-family:"Calibri",sans-serif;} --></style>'
                '</head><body lang="EN-US"><div class="WordSection1">\n%s\n</div></body></html>' % inner)
    if bulk:
        inner = "\n".join('<tr><td style="padding:4px 24px;font-family:Arial,sans-serif;font-size:15px;color:#333333">%s</td></tr>' % x
                          for x in paras if x.strip())
        return ('<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
                '</head><body style="margin:0;background:#f2f2f2"><center><table role="presentation" width="600" '
                'cellpadding="0" cellspacing="0" style="background:#ffffff">\n%s\n<tr><td style="padding:16px;font-size:11px;color:#888">'
                'You are receiving this email because you opted in. <a href="https://example-list.net/unsub">Unsubscribe</a> | '
                '<a href="https://example-list.net/prefs">Update preferences</a></td></tr></table></center></body></html>' % inner)
    inner = "<br>\n".join(paras)
    return '<html><head><meta charset="utf-8"></head><body><div dir="ltr">%s</div></body></html>' % inner


def make_docx(text):
    buf = io.BytesIO()
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    paras = "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % x for x in esc.split("\n"))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>' % paras)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)):
            zi = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return buf.getvalue()


def encode_part(text, ctype, enc):
    if enc == "base64":
        b = base64.encodebytes(text.encode("utf-8")).decode("ascii")
        return "Content-Type: %s; charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n\n%s" % (ctype, b)
    if enc == "quoted-printable":
        q = quopri.encodestring(text.encode("utf-8")).decode("ascii")
        return "Content-Type: %s; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n%s" % (ctype, q)
    nonascii = any(ord(c) > 127 for c in text)
    if nonascii:
        # non-ascii text always goes out as QP or base64 to keep lines clean
        q = quopri.encodestring(text.encode("utf-8")).decode("ascii")
        return "Content-Type: %s; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n%s" % (ctype, q)
    return "Content-Type: %s; charset=\"us-ascii\"\nContent-Transfer-Encoding: 7bit\n\n%s" % (ctype, text)


def enc_header(s):
    if all(ord(c) < 128 for c in s):
        return s
    return "=?utf-8?b?%s?=" % base64.b64encode(s.encode("utf-8")).decode("ascii")


def fwd_wrapper(rng, client, es, orig_from, orig_to, dt, subj, body):
    d = dt - datetime.timedelta(days=rng.randrange(0, 4), minutes=rng.randrange(5, 600))
    if client == "outlook":
        return ("-----Original Message-----\nFrom: %s\nSent: %s, %s %d, %d %d:%02d %s\nTo: %s\nSubject: %s\n\n%s" % (
            orig_from.hdr(), DOW_LONG[d.weekday()], MON_LONG[d.month - 1], d.day, d.year,
            (d.hour % 12) or 12, d.minute, "AM" if d.hour < 12 else "PM", orig_to.hdr(), subj, body))
    if client in ("gmail", "android", "webmail"):
        if es:
            hdr = "---------- Mensaje reenviado ---------\nDe: %s\nDate: %s, %d %s %d a las %d:%02d\nSubject: %s\nTo: %s\n" % (
                orig_from.hdr(), DIAS[d.weekday()], d.day, MESES[d.month - 1], d.year, d.hour, d.minute, subj, orig_to.hdr())
        else:
            hdr = "---------- Forwarded message ---------\nFrom: %s\nDate: %s, %s %d, %d at %d:%02d %s\nSubject: %s\nTo: %s\n" % (
                orig_from.hdr(), DOW[d.weekday()], MON[d.month - 1], d.day, d.year, (d.hour % 12) or 12, d.minute,
                "AM" if d.hour < 12 else "PM", subj, orig_to.hdr())
        return hdr + "\n" + body
    if client == "apple":
        return ("Begin forwarded message:\n\n> From: %s\n> Subject: %s\n> Date: %s %d, %d at %d:%02d:00 %s CST\n> To: %s\n\n%s" % (
            orig_from.hdr(), subj, MON_LONG[d.month - 1], d.day, d.year, (d.hour % 12) or 12, d.minute,
            "AM" if d.hour < 12 else "PM", orig_to.hdr(), body))
    return ("-------- Forwarded Message --------\nSubject: \t%s\nDate: \t%s\nFrom: \t%s\nTo: \t%s\n\n\n%s" % (
        subj, fmt_date(d, "-0600"), orig_from.hdr(), orig_to.hdr(), body))


def reply_quote(rng, client, es, who, dt, body):
    d = dt - datetime.timedelta(hours=rng.randrange(1, 40))
    q = "\n".join("> " + x if x else ">" for x in body.split("\n"))
    if es:
        return "El %s, %d %s %d a las %d:%02d, %s escribió:\n%s" % (
            DIAS[d.weekday()], d.day, MESES[d.month - 1], d.year, d.hour, d.minute, who.hdr(), q)
    return "On %s, %s %d, %d at %d:%02d %s %s wrote:\n%s" % (
        DOW[d.weekday()], MON[d.month - 1], d.day, d.year, (d.hour % 12) or 12, d.minute,
        "AM" if d.hour < 12 else "PM", who.hdr(), q)


TOPLINES_EN = {
    "chain_letter": ["lol you have to read this", "Thought you'd enjoy", "this is so true haha", "passing it on",
                     "too funny not to share", "my aunt sent me this, LOL", "for your Friday", "ha!! read to the end",
                     "", "needed a laugh today", "Sent to me by my brother in law - cracked me up"],
    "offensive": ["lol", "dont show this to HR", "you're welcome boys", "haha", "", "check this out",
                  "delete after reading lol", "for the guys only"],
    "newsletter": ["", "", "FYI", "thought you'd want this", "fwd from home email"],
    "solicitation": ["", "FYI", "pasalo porfa", ""],
    "gambling": ["", "pásenlo", "who's in?", ""],
    "clean": ["FYI", "See below.", "Forwarding for awareness.", "Please see the message below.", "", "Sharing with the team."],
}
TOPLINES_ES = {
    "chain_letter": ["jajaja lee esto", "está buenísimo", "me lo mandó mi tía", "no lo rompas", "pásalo", "", "para que se rían un rato"],
    "offensive": ["jajaja", "no se lo enseñes a nadie", "", "mira esto"],
    "newsletter": ["", "para que estén al tanto", "FYI"],
    "solicitation": ["", "pásenlo porfa", "a quien le interese", "FYI"],
    "gambling": ["", "¿quién se anima?", "pásenlo", "apúrense"],
    "clean": ["Para su información.", "Favor de ver abajo.", "", "Reenvío para conocimiento del equipo."],
}


def pick_dir(rng, core):
    t = core["tags"]
    if "in" in t:
        w = [("inbound", 6), ("internal", 2), ("outbound", 2)]
    elif "out" in t:
        w = [("outbound", 6), ("internal", 2), ("inbound", 2)]
    elif "int" in t:
        w = [("internal", 6), ("inbound", 2), ("outbound", 2)]
    else:
        w = [("internal", 4), ("inbound", 3), ("outbound", 3)]
    tot = sum(x[1] for x in w)
    r = rng.uniform(0, tot)
    for d, k in w:
        r -= k
        if r <= 0:
            return d
    return w[-1][0]


def slugify(s):
    s = s.lower()
    s = re.sub(r"^((re|fw|fwd|rv|r)\s*:\s*)+", "", s)
    rep = {"á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ñ": "n", "ü": "u"}
    for k, v in rep.items():
        s = s.replace(k, v)
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_")
    return "_".join(s.split("_")[:4]) or "msg"


def render(rng, core, k, n):
    es = "es" in core["tags"]
    base = core["base"]
    bulk = "bulk" in core["tags"]
    direction = pick_dir(rng, core)
    if bulk and direction == "outbound" and base == "clean":
        direction = rng.choice(["inbound", "internal"])
    client = rng.choice(CLIENTS)
    sender = Person(rng, direction in ("internal", "outbound"), es)
    rcpt = Person(rng, direction in ("internal", "inbound"), es)
    dt, off = rand_dt(rng)
    body = core["body"]
    subj = core["subject"]
    note = []
    if base != "clean" and rng.random() < 0.07:
        body = zw(rng, body)
        note.append("obfuscated")
    esp = None
    if bulk:
        esp = rng.choice(ESPS)
        client = "esp:" + esp[0]
        m = re.search(r"^From-Name: (.*)$", body, flags=re.M)
        org = m.group(1).strip() if m else ("Noticias" if es else "Newsletter")
        body = re.sub(r"^From-Name: .*\n?", "", body, flags=re.M)
        orgslug = re.sub(r"[^a-z0-9]+", "", org.lower())[:18] or "list"
        sender.name = org
        sender.addr = "news@%s.%s" % (orgslug, rng.choice(["org", "com", "net"]))
        forwarded = rng.random() < 0.25
        if direction in ("internal", "outbound") and base != "clean":
            # an employee's personal mass mailing sent from the work address through an ESP
            sender.addr = "%s.%s@modot.mo.gov" % (sender_first_last(rng))
            sender.internal = True
        elif direction == "internal" and "modot" in org.lower():
            # bulk mail from the agency's own list server
            sender.addr = "%s-list@modot.mo.gov" % orgslug[:12]
            sender.internal = True
        elif direction == "internal":
            forwarded = True
    else:
        forwarded = ("fw" in core["tags"] and rng.random() < 0.75) or rng.random() < 0.15
    replied = (not forwarded) and rng.random() < 0.18
    # compose text
    text = body
    if forwarded:
        of = Person(rng, rng.random() < 0.3, es)
        ot = Person(rng, direction != "outbound", es)
        if not bulk:
            ot = sender
        if bulk:
            of.name, of.addr = sender.name, sender.addr
        nested = rng.random() < 0.25 and not bulk
        if nested:
            # nested forward: of2 -> of (older), then of -> ot
            of2 = Person(rng, False, es)
            text = fwd_wrapper(rng, rng.choice(CLIENTS), es, of2, of, dt - datetime.timedelta(days=7), subj, body)
            text = fwd_wrapper(rng, client, es, of, ot, dt, subj, text)
            subj = ("RV: " if es and rng.random() < 0.6 else "FW: ") + subj
        else:
            text = fwd_wrapper(rng, client if not bulk else rng.choice(CLIENTS), es, of, ot, dt, subj, body)
        top = rng.choice((TOPLINES_ES if es else TOPLINES_EN)[base])
        text = (top + "\n\n" if top else "") + text
        if bulk:
            sender = Person(rng, direction != "inbound", es)
            esp = None
            client = rng.choice(CLIENTS)
            bulk = False
            note.append("forwarded-bulk")
        if not re.match(r"^(fw|fwd|rv)\s*:", subj, flags=re.I):
            subj = rng.choice(["FW: ", "Fwd: ", "RV: " if es else "FW: FW: "]) + subj
        note.append("forwarded")
    elif replied:
        who = Person(rng, rng.random() < 0.5, es)
        mine = rng.choice(["jajaja", "¿en serio?", "ok", "De acuerdo, gracias."] if es else
                          ["lol", "Got it, thanks.", "ha! ok", "Thanks - will do.", "seriously?", "Noted."])
        text = mine + "\n\n" + reply_quote(rng, client, es, who, dt, body)
        if not subj.lower().startswith("re:"):
            subj = "Re: " + subj if client != "outlook" else "RE: " + subj
        note.append("reply")
    elif not bulk and "raw" not in core["tags"]:
        g = greeting(rng, es, rcpt)
        c = closing(rng, es)
        text = (g + "\n\n" if g else "") + body + ("\n\n" + c if c else "")
    if not bulk and not forwarded:
        text += "\n" + signature(rng, sender, es)
    elif not bulk and rng.random() < 0.3:
        text += "\n" + signature(rng, sender, es)
    # choose format
    att = None
    r = rng.random()
    if not bulk and (("att" in core["tags"] and r < 0.5) or (r > 0.92 and not replied)):
        kind = rng.choice(["docx", "txt", "html", "docx"])
        if "csv" in core["tags"] and rng.random() < 0.6:
            kind = "csv"
        lead = rng.choice(["ver adjunto", "adjunto", "ver el archivo"] if es else
                          ["see attached", "attached", "open the attachment lol", "see attached file"])
        att = (kind, body)
        text = lead + "\n" + signature(rng, sender, es)
        note.append("attachment-" + kind)
        fmt = "plain"
    elif bulk or "html" in core["tags"]:
        fmt = rng.choice(["html", "alt", "alt"])
    else:
        fmt = rng.choices(["plain", "html", "alt"], [5, 2, 3])[0]
    enc = rng.choices(["7bit", "quoted-printable", "base64"], [6, 3, 2])[0]
    note.append(fmt)
    # headers
    dom = "modot.mo.gov" if sender.internal else sender.addr.split("@")[1]
    mid = "<%s.%d.%06d@%s>" % (dt.strftime("%Y%m%d%H%M%S"), k, rng.randrange(10 ** 6), dom)
    if client == "outlook" and sender.internal:
        mid = "<%s%06d@EXCH%02d.modot.mo.gov>" % ("".join(rng.choice("ABCDEF0123456789") for _ in range(24)),
                                                rng.randrange(10 ** 6), rng.randrange(1, 12))
    H = []
    H.append("Return-Path: <%s>" % sender.addr)
    H.append("From: %s" % enc_header(sender.hdr()) if not bulk else "From: %s <%s>" % (enc_header(sender.name), sender.addr))
    if bulk:
        H.append("To: %s" % rcpt.addr)
    else:
        H.append("To: %s" % rcpt.hdr())
        if rng.random() < 0.25:
            cc = Person(rng, direction != "outbound" or rng.random() < 0.5, es)
            H.append("Cc: %s" % cc.hdr())
    H.append("Subject: %s" % enc_header(subj))
    H.append("Date: %s" % fmt_date(dt, off))
    H.append("Message-ID: %s" % mid)
    if replied:
        H.append("In-Reply-To: <%d.%d@mail.%s>" % (rng.randrange(10 ** 8), k, dom))
    H.append("MIME-Version: 1.0")
    if bulk:
        lid = re.sub(r"[^a-z0-9]+", "-", sender.name.lower()).strip("-")[:30]
        H.append("List-Id: %s <%s.list-id.%s>" % (sender.name, lid, esp[1]))
        H.append("List-Unsubscribe: <https://%s/unsub?u=%06d&id=%s>, <mailto:unsubscribe-%06d@%s>" % (
            esp[1], rng.randrange(10 ** 6), lid, rng.randrange(10 ** 6), esp[1]))
        H.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        H.append("Precedence: bulk")
        H.append("Feedback-ID: %d:%d:%s" % (rng.randrange(10 ** 5), rng.randrange(10 ** 4), esp[0].lower().replace(" ", "")))
        H.append("%s: %s" % (esp[2], esp[3]))
    elif client in MAILERS:
        H.append("%s: %s" % MAILERS[client])
    if client == "outlook":
        H.append("Thread-Index: AdZ%s==" % "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(22)))
        H.append("Content-Language: %s" % ("es-MX" if es else "en-US"))
    if sender.internal or rcpt.internal:
        H.append("X-MS-Exchange-Organization-SCL: %d" % rng.choice([-1, 0, 1]))
    bnd = "----=_Part_%d_%d.%d" % (k, rng.randrange(10 ** 6), rng.randrange(10 ** 9))
    # body parts
    if att:
        kind, atext = att
        fname = slugify(core["subject"]) + {"docx": ".docx", "txt": ".txt", "html": ".html", "csv": ".csv"}[kind]
        if kind == "docx":
            data = base64.encodebytes(make_docx(atext)).decode("ascii")
            ap = ("Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name=\"%s\"\n"
                  "Content-Disposition: attachment; filename=\"%s\"\nContent-Transfer-Encoding: base64\n\n%s" % (fname, fname, data))
        else:
            ct = {"txt": "text/plain", "csv": "text/csv", "html": "text/html"}[kind]
            if kind == "csv":
                rows = [x.strip() for x in re.split(r"(?<=[.!?])\s+|\n", atext) if x.strip()]
                content = "line,text\r\n" + "".join('%d,"%s"\r\n' % (i + 1, x.replace('"', '""')) for i, x in enumerate(rows))
            else:
                content = atext if kind == "txt" else to_html(atext, "gmail")
            data = base64.encodebytes(content.encode("utf-8")).decode("ascii")
            ap = ("Content-Type: %s; charset=\"utf-8\"; name=\"%s\"\nContent-Disposition: attachment; filename=\"%s\"\n"
                  "Content-Transfer-Encoding: base64\n\n%s" % (ct, fname, fname, data))
        H.append("Content-Type: multipart/mixed; boundary=\"%s\"" % bnd)
        bodytxt = "This is a multi-part message in MIME format.\n\n--%s\n%s\n--%s\n%s\n--%s--\n" % (
            bnd, encode_part(text, "text/plain", enc), bnd, ap, bnd)
    elif fmt == "plain":
        part = encode_part(text, "text/plain", enc)
        ph, _, pb = part.partition("\n\n")
        H.extend(ph.split("\n"))
        bodytxt = pb
    elif fmt == "html":
        part = encode_part(to_html(text, client, bulk), "text/html", enc)
        ph, _, pb = part.partition("\n\n")
        H.extend(ph.split("\n"))
        bodytxt = pb
    else:
        H.append("Content-Type: multipart/alternative; boundary=\"%s\"" % bnd)
        bodytxt = "--%s\n%s\n--%s\n%s\n--%s--\n" % (bnd, encode_part(text, "text/plain", enc), bnd,
                                                   encode_part(to_html(text, client, bulk), "text/html", enc), bnd)
    msg = "\n".join(H) + "\n\n" + bodytxt
    if not msg.endswith("\n"):
        msg += "\n"
    eol = "\r\n" if rng.random() < 0.4 else "\n"
    if eol == "\r\n":
        msg = msg.replace("\n", "\r\n")
        note.append("crlf")
    note.append("es" if es else "en")
    return msg, direction, client, note


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..")
    outdir = os.path.join(root, SPLIT, SOURCE)
    os.makedirs(outdir, exist_ok=True)
    for f in os.listdir(outdir):
        if f.endswith(".eml") or f == "labels.tsv":
            os.remove(os.path.join(outdir, f))
    rng = random.Random(SEED)
    cores = load_cores()
    jobs = []
    for c in cores:
        n = rng.choices([3, 4], [1, 24])[0]
        for i in range(n):
            jobs.append((c, i, n))
    rng.shuffle(jobs)
    lines = ["# source delta (seed %d): FILE<TAB>LABEL<TAB>group=...; dir=...; client=...; note" % SEED]
    for k, (c, i, n) in enumerate(jobs, 1):
        msg, d, client, note = render(rng, c, k, n)
        cat = c["label"].replace(",", "+")
        fn = "%04d_%s_%s.eml" % (k, cat, slugify(c["subject"]))
        with open(os.path.join(outdir, fn), "w", encoding="utf-8", newline="") as fh:
            fh.write(msg)
        lines.append("%s\t%s\tgroup=%s; dir=%s; client=%s; %s" % (fn, c["label"], c["gid"], d, client, " ".join(note)))
    with open(os.path.join(outdir, "labels.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    print("wrote %d messages from %d cores to %s" % (len(jobs), len(cores), outdir))


if __name__ == "__main__":
    main()
