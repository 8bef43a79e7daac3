#!/usr/bin/env python3
"""Source `beta` of the content-policy corpus: renders hand-written core texts
(tools/beta/cores/*.txt) into .eml messages, varying only the envelope.

usage: python3 tests/corpus/content/tools/beta/gen.py tests/corpus/content

Deterministic: random.Random(SEED), explicit MIME boundaries, no clock.
"""
import base64
import datetime as dt
import email.header
import email.utils
import io
import os
import quopri
import random
import re
import shutil
import sys
import zipfile

SEED = 2
SOURCE = "beta"
HERE = os.path.dirname(os.path.abspath(__file__))
CATS = ["chain_letter", "solicitation", "gambling", "newsletter", "offensive", "clean"]
CORE_FILES = {
    "chain_letter": "chain_letter.txt",
    "solicitation": "solicitation.txt",
    "gambling": "gambling.txt",
    "newsletter": "newsletter.txt",
    "offensive": "offensive.txt",
    "clean": "clean.txt",
}
PREFIX = {"chain_letter": "chain", "solicitation": "solic", "gambling": "gamb",
          "newsletter": "news", "offensive": "offn", "clean": "clean"}
INT_DOMAIN = "modot.mo.gov"

# ---------------------------------------------------------------- cores

def load_cores(cat):
    path = os.path.join(HERE, "cores", CORE_FILES[cat])
    with open(path, encoding="utf-8") as f:
        text = f.read()
    cores = []
    cur = None
    for line in text.split("\n"):
        if line.startswith("### "):
            parts = line[4:].split()
            num, lang = parts[0], parts[1]
            flags = parts[2].split(",") if len(parts) > 2 and parts[2] != "-" else []
            cur = {"num": num, "lang": lang, "flags": flags, "subject": "", "body": [],
                   "attach": None, "att_lines": []}
            cores.append(cur)
            continue
        if cur is None or line.startswith("#"):
            continue
        if line.startswith("S: ") and not cur["subject"]:
            cur["subject"] = line[3:].strip()
            continue
        if line.startswith("A: ") and cur["attach"] is None:
            cur["attach"] = line[3:].strip()
            continue
        if cur["attach"] is not None:
            cur["att_lines"].append(line)
        else:
            cur["body"].append(line)
    out = []
    for c in cores:
        body = "\n".join(c["body"]).strip("\n")
        att = "\n".join(c["att_lines"]).strip("\n") if c["attach"] else None
        gid = "%s-%s-%03d" % (SOURCE, PREFIX[cat], int(c["num"]))
        flags = set(c["flags"])
        topic = ""
        for fl in c["flags"]:
            if fl.startswith("t="):
                topic = fl[2:]
        out.append({"gid": gid, "cat": cat, "lang": c["lang"], "flags": flags, "topic": topic,
                    "subject": c["subject"], "body": body, "attach": c["attach"], "att": att})
    ids = [c["gid"] for c in out]
    assert len(ids) == len(set(ids)), "duplicate core id in " + cat
    return out

# ---------------------------------------------------------------- people

FIRST_EN = ["Karen", "Brian", "Melissa", "Doug", "Tracy", "Jason", "Heather", "Kevin", "Amanda",
            "Scott", "Lisa", "Travis", "Stephanie", "Greg", "Rachel", "Derek", "Angela", "Chad",
            "Nicole", "Ryan", "Tammy", "Wes", "Denise", "Cody", "Holly", "Marcus", "Jill",
            "Trent", "Monica", "Aaron", "Shelby", "Dustin", "Kristin", "Neil", "Paula", "Grant",
            "Wendy", "Blake", "Carla", "Todd", "Erin", "Mitch", "Dana", "Curtis", "Leah", "Roger"]
LAST_EN = ["Hollis", "Brandt", "Keller", "Ramsey", "Whitt", "Durbin", "Pruitt", "Lasater",
           "Kinney", "Overby", "Stroud", "Mahan", "Voss", "Tillman", "Emery", "Gaddis", "Barlow",
           "Huff", "Sadler", "Mercer", "Bock", "Yates", "Lindell", "Crane", "Hoelscher", "Bax",
           "Renner", "Stallings", "Pfeiffer", "Goforth", "Meyers", "Tidwell", "Quick", "Ashby",
           "Dorsey", "Fenton", "Wehmeyer", "Kolb", "Noack", "Schaefer", "Lyle", "Vance"]
FIRST_ES = ["José", "María", "Luis", "Guadalupe", "Juan", "Rosa", "Miguel", "Ana", "Jorge",
            "Carmen", "Alejandro", "Verónica", "Ramón", "Leticia", "Raúl", "Sofía", "Héctor",
            "Elena", "Javier", "Patricia", "Arturo", "Lucía", "Efraín", "Yesenia"]
LAST_ES = ["García", "Hernández", "Martínez", "López", "Ramírez", "Flores", "Torres", "Vázquez",
           "Morales", "Castillo", "Ortiz", "Reyes", "Gutiérrez", "Chávez", "Mendoza", "Ruiz",
           "Salinas", "Delgado", "Ibarra", "Cervantes", "Navarro", "Peña"]
FREEMAIL = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com",
            "att.net", "charter.net", "sbcglobal.net", "mchsi.com"]
VENDOR = ["gatewaypavingco.com", "ozarkbridge-eng.com", "showmesignal.com", "riverbendasphalt.com",
          "heartlandtraffic.net", "capitolofficesupply.com", "midstateconsult.com",
          "prairieaggregates.com", "boonslickfleet.com", "tri-countyelectric.com",
          "clearviewgis.com", "northstar-it.com", "kaw-valley-survey.com", "mississippiriverlogistics.com"]
GOVEXT = ["cityofcolumbia-mo.gov", "greenecountymo.org", "jeffcitymo.org", "boonecountymo.org",
          "springfieldmo.example.gov", "dnr.mo.gov", "oa.mo.gov", "fhwa.dot.gov", "stlouiscountymo.org"]
TITLES = [
    ("Senior Procurement Agent", "Financial Services"), ("Buyer II", "Financial Services - Procurement"),
    ("HR Generalist", "Human Resources"), ("Benefits Specialist", "Human Resources"),
    ("Financial Services Specialist", "Financial Services"), ("Accountant III", "Financial Services"),
    ("Systems Administrator", "Information Systems"), ("IS Help Desk Analyst", "Information Systems"),
    ("Network Engineer", "Information Systems"), ("Paralegal", "Chief Counsel's Office"),
    ("Assistant Counsel", "Chief Counsel's Office"), ("Senior Communications Specialist", "Communications"),
    ("Public Information Specialist", "Communications"), ("Transportation Project Manager", "Design"),
    ("Senior Structural Engineer", "Bridge Division"), ("Traffic Studies Specialist", "Traffic Division"),
    ("Assistant District Engineer", "Central District"), ("Maintenance Superintendent", "Southwest District"),
    ("Construction Inspector", "Kansas City District"), ("Records Officer", "Sunshine Law Office"),
    ("Fleet Coordinator", "General Services"), ("Safety and Health Manager", "Risk and Benefits Management"),
    ("Right of Way Specialist", "Right of Way"), ("Planning Specialist", "Transportation Planning"),
]
TITLES_ES = [("Trabajador de mantenimiento", "Distrito Sureste"), ("Operador de equipo", "Distrito Kansas City"),
             ("Inspector de construcción", "Distrito St. Louis"), ("Enlace comunitario", "Comunicaciones"),
             ("Especialista en atención al cliente", "Centro de Atención al Cliente")]
VENDOR_TITLES = ["Account Manager", "Project Engineer", "Estimator", "Sales Representative",
                 "Contracts Administrator", "Field Services Manager", "Owner", "Office Manager"]


def person(rng, lang, domain_kind):
    if lang == "es" and rng.random() < 0.85 or lang != "es" and rng.random() < 0.08:
        first, last = rng.choice(FIRST_ES), rng.choice(LAST_ES)
    else:
        first, last = rng.choice(FIRST_EN), rng.choice(LAST_EN)
    name = "%s %s" % (first, last)
    a_first = ascii_fold(first).lower()
    a_last = ascii_fold(last).lower()
    if domain_kind == "int":
        addr = "%s.%s@%s" % (a_first, a_last, INT_DOMAIN)
    elif domain_kind == "free":
        style = rng.randrange(5)
        n = rng.randrange(1, 99)
        local = [a_first + a_last, "%s.%s%d" % (a_first, a_last, n), a_first[0] + a_last + str(n),
                 "%s_%s" % (a_first, a_last), a_last + a_first[0] + str(1960 + n % 45)][style]
        addr = "%s@%s" % (local, rng.choice(FREEMAIL))
    elif domain_kind == "vendor":
        addr = "%s%s@%s" % (a_first[0], a_last, rng.choice(VENDOR))
    else:
        addr = "%s.%s@%s" % (a_first, a_last, rng.choice(GOVEXT))
    return {"name": name, "first": first, "addr": addr, "kind": domain_kind}


def ascii_fold(s):
    table = str.maketrans("áéíóúñüÁÉÍÓÚÑÜ", "aeiounuAEIOUNU")
    return s.translate(table)


def fmt_addr(p):
    name = p["name"]
    if any(ord(ch) > 127 for ch in name):
        return "%s <%s>" % (email.header.Header(name, "utf-8").encode(), p["addr"])
    return '"%s" <%s>' % (name, p["addr"]) if "," in name else "%s <%s>" % (name, p["addr"])


def plain_addr(p):
    return "%s <%s>" % (p["name"], p["addr"])

# ---------------------------------------------------------------- directions

DIR_WEIGHTS = {
    "chain_letter": [("internal", 50), ("inbound", 30), ("outbound", 20)],
    "solicitation": [("internal", 55), ("inbound", 20), ("outbound", 25)],
    "gambling": [("internal", 65), ("inbound", 15), ("outbound", 20)],
    "newsletter": [("inbound", 70), ("outbound", 20), ("internal", 10)],
    "offensive": [("internal", 60), ("inbound", 20), ("outbound", 20)],
    "clean": [("internal", 50), ("inbound", 30), ("outbound", 20)],
}


def pick_dir(rng, core):
    fmap = {"in": "inbound", "out": "outbound", "int": "internal"}
    allowed = [fmap[f] for f in ("in", "out", "int") if f in core["flags"]]
    if not allowed and core["flags"] & {"vendor", "gov", "public"}:
        allowed = ["inbound"]
    weights = DIR_WEIGHTS[core["cat"]]
    if allowed:
        weights = [(d, w) for d, w in weights if d in allowed]
    total = sum(w for _, w in weights)
    r = rng.random() * total
    for d, w in weights:
        r -= w
        if r < 0:
            return d
    return weights[-1][0]


def ext_kind(rng, core):
    if "vendor" in core["flags"]:
        return "vendor"
    if "gov" in core["flags"]:
        return "gov"
    if "public" in core["flags"] or core["cat"] != "clean":
        return rng.choice(["free", "free", "free", "vendor"]) if core["cat"] != "clean" else "free"
    return rng.choice(["vendor", "vendor", "free", "gov"])

# ---------------------------------------------------------------- text helpers

GREET = {"en": ["Hi all,", "Good morning,", "Hello,", "Hi,", "All,", "Team,", "Good afternoon,", "Hey,",
                "Hi {first},", "{first},", "Good morning {first},", "Hello {first},"],
         "es": ["Hola,", "Buenos días,", "Hola a todos,", "Estimado(a):", "Buenas tardes,", "Hola {first},",
                "Buen día {first},"]}
SIGNOFF = {"en": ["Thanks,", "Thank you,", "Regards,", "Best,", "Thanks!", "Respectfully,", "Have a good one,",
                  "Thanks again,", "-"],
           "es": ["Saludos,", "Gracias,", "Atentamente,", "Muchas gracias,", "Saludos cordiales,", "Un abrazo,"]}
FWD_LINE = {
    "en": ["FYI", "See below.", "Passing this along.", "Thought you'd want to see this.", "Forwarding for visibility.",
           "Please see the message below.", "Sending this your way.", "Fwd for your files.", ""],
    "es": ["Para su información.", "Te lo reenvío.", "Mira esto.", "Reenvío el mensaje de abajo.", ""],
}
FWD_VIOL = {
    "chain_letter": ["lol you have to read this", "Thought you'd enjoy", "this made my day 😂", "LMAO",
                     "Pass it on!!", "My aunt sent me this, had to share", "too funny not to forward",
                     "Read to the end!!", "Is this true??", "ja ja ja muy bueno", "Reenvíenlo 🙏", "Amen 🙏🙏"],
    "solicitation": ["In case anyone is interested", "Friend of mine is selling this", "Please share!",
                     "Still available if you know anyone", "Posting for my sister-in-law", "Por si a alguien le interesa"],
    "gambling": ["Who's in?", "Reminder - get your money in", "Sending again for the slowpokes", "still a few open spots",
                 "Don't forget to pay up!", "¿Quién se apunta?"],
    "newsletter": ["Check out these deals", "thought you might like this", "good recipe in this one",
                   "Can you believe these prices", "sending to my personal list", "Mira estas ofertas"],
    "offensive": ["read this lmao", "this is so her", "damn", "look what he sent me", "hahaha so true", "👀", "jajaja"],
}
REPLY_NEUTRAL = {
    "en": ["Thanks, got it.", "Sounds good.", "Works for me.", "Will do.", "Thanks for the update.",
           "See my note below.", "Agreed.", "Received, thank you.", "OK, thanks.", "Adding a couple of folks."],
    "es": ["Gracias, recibido.", "De acuerdo.", "Perfecto, gracias.", "Está bien.", "Gracias por la información."],
}
REPLY_VIOL = {
    "chain_letter": ["HAHAHA this is gold", "lol I'm sending this to my mom", "😂😂😂", "that's so true", "sent it on!",
                     "Amen. Forwarded to my whole list", "jajaja buenísimo"],
    "solicitation": ["Is this still available?", "I'll take 2!", "How much for shipping?", "Can you hold it till Friday?",
                     "Put me down for one", "Venmo ok?", "¿Todavía lo tienes?"],
    "gambling": ["I'm in, put me down for 2", "Count me in", "Money's on your desk", "Can I pay Friday?",
                 "I'll take the Chiefs", "Venmo'd you", "Yo entro con dos"],
    "newsletter": ["Unsubscribe me please", "ooh good deal", "thanks for sharing", "nice"],
    "offensive": ["lol right", "hahaha brutal", "you're terrible 😂", "dead 💀", "no kidding", "jajaja"],
}
CLOSE_EN = ["Let me know if you have any questions.", "Please let me know if you need anything else.",
            "Happy to discuss further.", "Feel free to call me if it's easier.", "", "", ""]
CLOSE_ES = ["Quedo a sus órdenes.", "Cualquier duda, me avisan.", "Si tiene preguntas, llámeme.", "", ""]


SIG_CACHE = {}


def signature(rng, p, lang, kind, client):
    key = p["addr"]
    if key not in SIG_CACHE:
        SIG_CACHE[key] = _signature(rng, p, lang, kind, client)
    return SIG_CACHE[key]


def _signature(rng, p, lang, kind, client):
    if kind == "int":
        if lang == "es" and rng.random() < 0.5:
            title, div = rng.choice(TITLES_ES)
        else:
            title, div = rng.choice(TITLES)
        phone = "(573) %03d-%04d" % (rng.choice([751, 526, 522, 634, 680]), rng.randrange(10000))
        lines = [p["name"], title, div, "Missouri Department of Transportation"]
        r = rng.random()
        if r < 0.4:
            lines.append("105 W. Capitol Ave. | Jefferson City, MO 65102")
        lines.append("Office: " + phone if lang == "en" else "Tel: " + phone)
        if rng.random() < 0.35:
            lines.append("www.modot.org | 1-888-ASK-MODOT")
        if rng.random() < 0.15:
            lines.append("Arrive Alive - Buckle Up, Phone Down")
        return lines
    if kind == "vendor":
        comp = p["addr"].split("@")[1].split(".")[0].replace("-", " ").title()
        return [p["name"], rng.choice(VENDOR_TITLES), comp, "Cell %03d-%03d-%04d" %
                (rng.choice([573, 314, 816, 417, 660]), rng.randrange(200, 999), rng.randrange(10000))]
    if kind == "gov":
        return [p["name"], p["addr"].split("@")[1]]
    return [p["first"]] if rng.random() < 0.6 else [p["name"]]


def compose_own(rng, core, sender, rcpt, client, allow_greet=True):
    """The sender's own text: greeting + core + sign-off + signature (list of lines, and sig)."""
    lang = core["lang"] if core["lang"] in GREET else "en"
    body = core["body"]
    lines = []
    short = "short" in core["flags"] or "nogreet" in core["flags"]
    starts_greeting = re.match(r"(Hi|Hello|Hey|Dear|Good (morning|afternoon)|Hola|Buen[oa]s|Estimad|Compañeros|Supervisor)\b", body)
    if allow_greet and not short and not starts_greeting and rng.random() < 0.8:
        pool = GREET[lang]
        if sender["kind"] == "free" or "public" in core["flags"]:
            pool = [g for g in pool if "{first}" not in g]
        g = rng.choice(pool).format(first=rcpt["first"])
        lines += [g, ""]
    lines += body.split("\n")
    if not short:
        if core["cat"] == "clean" and sender["kind"] != "free" and rng.random() < 0.5:
            cl = rng.choice(CLOSE_EN if lang == "en" else CLOSE_ES)
            if cl:
                lines += ["", cl]
        lines += ["", rng.choice(SIGNOFF[lang])]
    sig = signature(rng, sender, lang, sender["kind"], client) if not short or rng.random() < 0.3 else []
    if short and rng.random() < 0.5:
        sig = []
    return lines, sig


def obfuscate(rng, text):
    words = ["cash", "money", "free", "forward", "bet", "sale", "prize", "win", "sex", "hot", "luck", "pool"]
    mode = rng.randrange(3)
    def sub(m):
        w = m.group(0)
        if mode == 0:
            return w.replace("e", "3").replace("o", "0").replace("a", "@").replace("i", "1")
        if mode == 1:
            return ".".join(w)
        return "\u200b".join(w)
    pat = re.compile(r"\b(" + "|".join(words) + r")\b", re.I)
    return pat.sub(sub, text)

# ---------------------------------------------------------------- dates, ids

TZS = {True: "-0500", False: "-0600"}


def rand_date(rng):
    start = dt.datetime(2025, 1, 2, 0, 0)
    minutes = rng.randrange(0, 700 * 24 * 60)
    d = start + dt.timedelta(minutes=minutes)
    if d.weekday() >= 5 and rng.random() < 0.7:
        d -= dt.timedelta(days=d.weekday() - 4)
    hour = rng.choice([6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 12, 13, 13, 14, 14, 15, 15, 16, 17, 19, 21])
    d = d.replace(hour=hour)
    dst = 3 <= d.month <= 10
    tz = dt.timezone(dt.timedelta(hours=-5 if dst else -6))
    return d.replace(tzinfo=tz)


def date_hdr(d):
    return email.utils.format_datetime(d)


def short_date(d, style):
    if style == "outlook":
        return d.strftime("%A, %B ") + str(d.day) + d.strftime(", %Y ") + \
            d.strftime("%I:%M %p").lstrip("0")
    if style == "gmail":
        return d.strftime("%a, %b ") + str(d.day) + d.strftime(", %Y at ") + d.strftime("%I:%M %p").lstrip("0")
    if style == "apple":
        return d.strftime("%B ") + str(d.day) + d.strftime(", %Y at %I:%M:%S %p %Z").replace(" 0", " ")
    return date_hdr(d)


def msgid(rng, domain, client):
    h = "%032x" % rng.getrandbits(128)
    if client == "outlook":
        return "<%s%s@%s>" % (h[:12].upper(), "$" + h[12:28].upper(), "MN2PR09MB" + h[28:32].upper() + ".namprd09.prod.outlook.com")
    if client == "gmail":
        return "<CA%s%s@mail.gmail.com>" % (h[:20], base64.b64encode(bytes.fromhex(h[:24])).decode().rstrip("="))
    return "<%s.%s@%s>" % (h[:16], h[16:24], domain)

# ---------------------------------------------------------------- html

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def outlook_html_paras(lines):
    out = []
    for ln in lines:
        if ln.strip() == "":
            out.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
        else:
            out.append("<p class=MsoNormal>%s<o:p></o:p></p>" % esc(ln))
    return "\n".join(out)


def simple_html_paras(lines, tag="div"):
    out = []
    for ln in lines:
        out.append("<%s>%s</%s>" % (tag, esc(ln) if ln.strip() else "<br>", tag))
    return "\n".join(out)


OUTLOOK_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face {font-family:"Cambria Math"; panose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face {font-family:Calibri; panose-1:2 15 5 2 2 2 4 3 2 4;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0in; font-size:11.0pt; font-family:"Calibri",sans-serif;}
a:link, span.MsoHyperlink {mso-style-priority:99; color:#0563C1; text-decoration:underline;}
span.EmailStyle17 {mso-style-type:personal-compose; font-family:"Calibri",sans-serif; color:windowtext;}
.MsoChpDefault {mso-style-type:export-only; font-family:"Calibri",sans-serif;}
@page WordSection1 {size:8.5in 11.0in; margin:1.0in 1.0in 1.0in 1.0in;}
div.WordSection1 {page:WordSection1;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]-->
</head>
<body lang=EN-US link="#0563C1" vlink="#954F72" style='word-wrap:break-word'>
<div class=WordSection1>
"""

# ---------------------------------------------------------------- thread model
# A message is: top (own lines + sig by sender) and a list of quoted earlier parts,
# each {"who": person, "to": person, "date": d, "subject": s, "lines": [...], "kind": fwd|reply}


def render_text(msg, client, lang):
    out = list(msg["top"])
    if msg["sig"]:
        if client in ("thunderbird",) and msg["sig"]:
            out += ["", "-- "] + msg["sig"]
        else:
            out += [""] + msg["sig"]
    if client == "apple" and msg.get("mobile"):
        out += ["", "Sent from my iPhone"]
    if client == "android" and msg.get("mobile"):
        out += ["", "Sent from my Galaxy" if rng_choice_flag(msg) else "Sent from my Verizon, Samsung Galaxy smartphone"]
    for q in msg["quoted"]:
        out += [""] + quote_header_text(q, client, lang)
        body = q["lines"]
        if q["kind"] == "reply" and client in ("gmail", "thunderbird", "apple", "android", "webmail"):
            out += ["> " + ln if ln else ">" for ln in body]
        else:
            out += body
    return "\n".join(out)


def rng_choice_flag(msg):
    return msg.get("galaxy", True)


def quote_header_text(q, client, lang):
    who, to, d, subj = q["who"], q["to"], q["date"], q["subject"]
    if client in ("outlook", "owa"):
        hdr = []
        if client == "outlook" and q.get("orig_style"):
            hdr.append("-----Original Message-----")
        elif client == "outlook":
            hdr.append("________________________________")
        hdr += ["From: %s" % (plain_addr(who)), "Sent: %s" % short_date(d, "outlook"),
                "To: %s" % plain_addr(to)]
        if q.get("cc"):
            hdr.append("Cc: %s" % plain_addr(q["cc"]))
        hdr += ["Subject: %s" % subj, ""]
        return hdr
    if client == "gmail":
        if q["kind"] == "fwd":
            return ["---------- Forwarded message ---------", "From: %s" % plain_addr(who),
                    "Date: %s" % short_date(d, "gmail"), "Subject: %s" % subj, "To: %s" % plain_addr(to), ""]
        return ["On %s %s wrote:" % (short_date(d, "gmail"), plain_addr(who)), ""]
    if client == "apple":
        if q["kind"] == "fwd":
            return ["Begin forwarded message:", "", "From: %s" % plain_addr(who), "Subject: %s" % subj,
                    "Date: %s" % short_date(d, "apple"), "To: %s" % plain_addr(to), ""]
        return ["> On %s, %s wrote:" % (short_date(d, "apple"), plain_addr(who)), ""]
    if client == "thunderbird":
        if q["kind"] == "fwd":
            return ["-------- Forwarded Message --------", "Subject: \t%s" % subj, "Date: \t%s" % date_hdr(d),
                    "From: \t%s" % plain_addr(who), "To: \t%s" % plain_addr(to), ""]
        return ["On %s, %s wrote:" % (d.strftime("%m/%d/%Y %I:%M %p"), plain_addr(who))]
    # android / webmail
    if q["kind"] == "fwd":
        return ["-------- Original message --------", "From: %s" % plain_addr(who),
                "Date: %s" % d.strftime("%m/%d/%y %I:%M %p") + " (GMT-06:00)", "To: %s" % plain_addr(to),
                "Subject: %s" % subj, ""]
    return ["On %s, %s wrote:" % (d.strftime("%a, %b %d, %Y %I:%M %p"), plain_addr(who)), ""]


def render_html(msg, client, lang):
    if client == "outlook" or client == "owa":
        parts = [OUTLOOK_HEAD if client == "outlook" else "<html><head><meta charset=\"utf-8\"></head><body><div style=\"font-family:Calibri,Arial,Helvetica,sans-serif; font-size:12pt\">\n"]
        parts.append(outlook_html_paras(msg["top"]))
        if msg["sig"]:
            parts.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
            sig = msg["sig"]
            parts.append("<p class=MsoNormal><b><span style='font-size:10.0pt;color:#1F3864'>%s</span></b><o:p></o:p></p>" % esc(sig[0]))
            for s in sig[1:]:
                parts.append("<p class=MsoNormal><span style='font-size:9.0pt;color:#595959'>%s</span><o:p></o:p></p>" % esc(s))
        for q in msg["quoted"]:
            who, to, d = q["who"], q["to"], q["date"]
            parts.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
            parts.append("<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in'>")
            cc = "<br>\n<b>Cc:</b> %s" % esc(plain_addr(q["cc"])) if q.get("cc") else ""
            parts.append("<p class=MsoNormal><b>From:</b> %s <br>\n<b>Sent:</b> %s<br>\n<b>To:</b> %s%s<br>\n<b>Subject:</b> %s<o:p></o:p></p>"
                         % (esc(plain_addr(who)), esc(short_date(d, "outlook")), esc(plain_addr(to)), cc, esc(q["subject"])))
            parts.append("</div>")
            parts.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
            parts.append(outlook_html_paras(q["lines"]))
        parts.append("</div>\n</body>\n</html>\n" if client == "outlook" else "</div></body></html>\n")
        return "\n".join(parts)
    # gmail-ish
    parts = ["<div dir=\"ltr\">"]
    parts.append(simple_html_paras(msg["top"]))
    if msg["sig"]:
        parts.append("<br clear=\"all\"><div><br></div><span class=\"gmail_signature_prefix\">-- </span><br>"
                     "<div dir=\"ltr\" class=\"gmail_signature\">" + "<br>".join(esc(s) for s in msg["sig"]) + "</div>")
    parts.append("</div>")
    for q in msg["quoted"]:
        hdr = quote_header_text(q, "gmail", lang)
        parts.append("<br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">%s</div>" %
                     "<br>".join(esc(h) for h in hdr if h))
        if q["kind"] == "reply":
            parts.append("<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex\">")
            parts.append(simple_html_paras(q["lines"]))
            parts.append("</blockquote>")
        else:
            parts.append("<div dir=\"ltr\">" + simple_html_paras(q["lines"]) + "</div>")
        parts.append("</div>")
    return "\n".join(parts) + "\n"


BULK_ESP = [
    ("MailChimp Mailer - **CID%s**", "mcsv.net"), ("Constant Contact", "ccsend.com"),
    ("SendGrid", "sendgrid.net"), ("Klaviyo", "klaviyomail.com"), ("Flodesk", "flodesk.com"),
    ("MailerLite", "mlsend.com"), ("Salesforce Marketing Cloud", "exacttarget.com"),
]


def render_bulk_html(core, brand, lines, rng, lang):
    color = rng.choice(["#0b3d91", "#c8102e", "#2e7d32", "#6a1b9a", "#ef6c00", "#00695c", "#37474f"])
    out = ["<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">",
           "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>%s</title></head>" % esc(core["subject"]),
           "<body style=\"margin:0;padding:0;background:#f4f4f4\">",
           "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td align=\"center\">",
           "<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#ffffff\">",
           "<tr><td style=\"background:%s;color:#ffffff;padding:18px 24px;font:bold 22px Arial,sans-serif\">%s</td></tr>" % (color, esc(brand)),
           "<tr><td style=\"padding:20px 24px;font:15px/1.5 Georgia,serif;color:#222222\">"]
    for ln in lines:
        if not ln.strip():
            continue
        if ln.isupper() or ln.startswith("## "):
            out.append("<h2 style=\"font:bold 18px Arial,sans-serif;color:%s;margin:18px 0 6px\">%s</h2>" % (color, esc(ln.lstrip("# "))))
        else:
            out.append("<p style=\"margin:0 0 12px\">%s</p>" % esc(ln))
    out.append("</td></tr>")
    unsub = "Cancelar suscripción" if lang == "es" else "Unsubscribe"
    out.append("<tr><td style=\"padding:16px 24px;font:11px Arial,sans-serif;color:#888888;border-top:1px solid #eeeeee\">"
               "%s<br>%s | <a href=\"https://%s/unsubscribe?u=%x\">%s</a> | <a href=\"https://%s/prefs\">Update preferences</a></td></tr>"
               % (esc(core.get("_footer", "")), esc(brand), core["_esp_domain"], rng.getrandbits(40), unsub, core["_esp_domain"]))
    out.append("</table></td></tr></table></body></html>")
    return "\n".join(out) + "\n"

# ---------------------------------------------------------------- MIME assembly

def enc_header(s):
    if all(ord(ch) < 128 for ch in s):
        return s
    return email.header.Header(s, "utf-8").encode()


def body_part(ctype, text, cte):
    data = text.encode("utf-8")
    if cte == "quoted-printable":
        payload = quopri.encodestring(data).decode("ascii")
    elif cte == "base64":
        payload = base64.encodebytes(data).decode("ascii")
    else:
        if all(b < 128 for b in data):
            cte = "7bit"
        else:
            cte = "8bit"
        payload = text
    hdr = "Content-Type: %s; charset=\"utf-8\"\nContent-Transfer-Encoding: %s\n" % (ctype, cte)
    if ctype == "text/plain" and cte in ("7bit", "8bit") and False:
        pass
    return hdr, payload


def wrap_lines(text, width=76):
    out = []
    for ln in text.split("\n"):
        while len(ln) > 990:
            out.append(ln[:990])
            ln = ln[990:]
        out.append(ln)
    return "\n".join(out)


def make_docx(text):
    paras = "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % esc(ln) for ln in text.split("\n"))
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s<w:sectPr/></w:body></w:document>' % paras,
    }
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            zi = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, content)
    return bio.getvalue()


ATT_TYPES = {"txt": "text/plain", "csv": "text/csv", "html": "text/html",
             "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def attachment_part(name, text, rng):
    ext = name.rsplit(".", 1)[-1].lower()
    ctype = ATT_TYPES.get(ext, "application/octet-stream")
    if ext == "docx":
        data = make_docx(text)
    elif ext == "html":
        data = ("<html><head><meta charset=\"utf-8\"><title>%s</title></head><body>\n%s\n</body></html>\n"
                % (esc(name), simple_html_paras(text.split("\n"), "p"))).encode("utf-8")
    else:
        data = (text + "\n").encode("utf-8")
    charset = "; charset=\"utf-8\"" if ctype.startswith("text/") else ""
    hdr = ("Content-Type: %s%s; name=\"%s\"\nContent-Description: %s\nContent-Disposition: attachment; filename=\"%s\"; size=%d\n"
           "Content-Transfer-Encoding: base64\n" % (ctype, charset, name, name, name, len(data)))
    return hdr, base64.encodebytes(data).decode("ascii")


def boundary(rng, client):
    h = "%024x" % rng.getrandbits(96)
    if client == "outlook":
        return "_000_%s_" % h.upper()
    if client == "gmail":
        return "000000000000%s" % h[:12]
    if client == "apple":
        return "Apple-Mail=_%s-%s-%s" % (h[:8].upper(), h[8:12].upper(), h[12:24].upper())
    if client == "bulk":
        return "----=_Part_%d_%d.%d" % (rng.randrange(10**6), rng.randrange(10**9), rng.randrange(10**12))
    return "------------%s" % h[:24]


def assemble(headers, parts, rng, client, mixed_atts):
    """parts: list of (hdr, payload) for alternative body; mixed_atts: list of (hdr, payload)."""
    out = []
    lines = list(headers)
    if len(parts) == 1 and not mixed_atts:
        h, p = parts[0]
        lines += h.rstrip("\n").split("\n")
        return "\n".join(lines) + "\n\n" + p.rstrip("\n") + "\n"
    if len(parts) > 1:
        b_alt = boundary(rng, client)
        alt = ["--" + b_alt + "\n" + h + "\n" + p.rstrip("\n") + "\n" for h, p in parts]
        alt_text = "".join(alt) + "--" + b_alt + "--\n"
        alt_hdr = "Content-Type: multipart/alternative;\n\tboundary=\"%s\"\n" % b_alt
    else:
        alt_hdr, alt_text = parts[0]
    if not mixed_atts:
        lines += alt_hdr.rstrip("\n").split("\n")
        return "\n".join(lines) + "\n\n" + alt_text
    b_mix = boundary(rng, client)
    lines += ["Content-Type: multipart/mixed;", "\tboundary=\"%s\"" % b_mix]
    body = ["This is a multi-part message in MIME format.\n\n"] if client in ("thunderbird", "outlook") and rng.random() < 0.5 else []
    body.append("--" + b_mix + "\n" + alt_hdr + "\n" + alt_text.rstrip("\n") + "\n")
    for h, p in mixed_atts:
        body.append("--" + b_mix + "\n" + h + "\n" + p.rstrip("\n") + "\n")
    body.append("--" + b_mix + "--\n")
    return "\n".join(lines) + "\n\n" + "".join(body)

# ---------------------------------------------------------------- rendering one message

CLIENT_W = [("outlook", 44), ("gmail", 16), ("apple", 10), ("thunderbird", 7), ("android", 8), ("owa", 9), ("webmail", 6)]
XMAILER = {
    "outlook": ["X-Mailer: Microsoft Outlook 16.0", "Thread-Index: {ti}", "Content-Language: en-us"],
    "apple": ["X-Mailer: iPhone Mail (22B91)"],
    "thunderbird": ["User-Agent: Mozilla Thunderbird"],
    "android": ["X-Mailer: Samsung Mail"],
    "owa": ["X-MS-Has-Attach: ", "X-MS-Exchange-Organization-SCL: -1", "x-originating-ip: [10.%d.%d.%d]"],
    "webmail": ["X-Mailer: {wm}"],
    "gmail": [],
}
WEBMAILERS = ["YahooMailAndroidMobile", "WebService/1.1.24562 YahooMailAndroidMobile", "Roundcube Webmail/1.6.9",
              "AOL Webmail 45012-STANDARD", "SquirrelMail/1.4.22"]


def wchoice(rng, pairs):
    total = sum(w for _, w in pairs)
    r = rng.random() * total
    for v, w in pairs:
        r -= w
        if r < 0:
            return v
    return pairs[-1][0]


def pick_client(rng, core, direction, sender):
    if sender["kind"] == "free" and rng.random() < 0.6:
        return wchoice(rng, [("gmail", 40), ("apple", 20), ("android", 15), ("webmail", 25)])
    if direction in ("internal", "outbound") and rng.random() < 0.3:
        return wchoice(rng, [("outlook", 75), ("owa", 25)])
    return wchoice(rng, CLIENT_W)


def subj_prefix(rng, kind, client, lang):
    if kind == "fwd":
        if client in ("outlook", "owa"):
            return rng.choice(["FW: ", "FW: ", "Fw: "])
        if client == "gmail":
            return "Fwd: "
        return rng.choice(["Fwd: ", "FW: "])
    if lang == "es" and rng.random() < 0.4:
        return "RE: " if client in ("outlook", "owa") else "Re: "
    return "RE: " if client in ("outlook", "owa") else "Re: "


def render(core, k, rng):
    SIG_CACHE.clear()
    lang = core["lang"]
    cat = core["cat"]
    direction = pick_dir(rng, core)
    ek = ext_kind(rng, core)
    is_bulk = "bulk" in core["flags"]
    is_fwd_content = "fwd" in core["flags"]
    d = rand_date(rng)
    # endpoints
    if direction == "inbound":
        sender, rcpt = person(rng, lang, ek), person(rng, lang, "int")
    elif direction == "outbound":
        sender, rcpt = person(rng, lang, "int"), person(rng, lang, ek)
    else:
        sender, rcpt = person(rng, lang, "int"), person(rng, lang, "int")
    client = pick_client(rng, core, direction, sender)
    note = []
    # wrapper
    if is_bulk:
        wrap = wchoice(rng, [("bulk", 60), ("fwd", 40)]) if direction != "inbound" else wchoice(rng, [("bulk", 85), ("fwd", 15)])
        if direction == "outbound" and "out" in core["flags"]:
            wrap = wchoice(rng, [("bulk", 75), ("fwd", 25)])
    elif is_fwd_content:
        wrap = wchoice(rng, [("fwd", 55), ("fwd2", 20), ("none", 15), ("reply", 10)])
    elif cat == "clean":
        wrap = wchoice(rng, [("none", 38), ("reply", 32), ("reply2", 14), ("fwd", 16)])
    else:
        wrap = wchoice(rng, [("none", 50), ("reply", 25), ("fwd", 20), ("fwd2", 5)])
    if "short" in core["flags"] and wrap in ("reply2", "fwd2"):
        wrap = "reply" if wrap == "reply2" else "fwd"
    subject = core["subject"]
    body_core = core["body"]
    if cat != "clean" and rng.random() < 0.06:
        core = dict(core)
        core["body"] = obfuscate(rng, body_core)
        note.append("obfuscated")
    extra_headers = []
    if wrap == "bulk":
        return render_bulk(core, direction, sender, rcpt, d, rng, note)
    # attachment handling
    atts = []
    body_for_own = core
    if core["attach"] and rng.random() < 0.8:
        atts.append(attachment_part(core["attach"], core["att"], rng))
        note.append("attachment " + core["attach"].rsplit(".", 1)[-1])
    elif core["attach"]:
        body_for_own = dict(core)
        body_for_own["body"] = core["body"] + "\n\n" + core["att"]
    elif len(core["body"]) > 250 and rng.random() < 0.09 and "short" not in core["flags"]:
        ext = rng.choice(["docx", "docx", "txt", "html"])
        slug = re.sub(r"[^A-Za-z0-9]+", "_", ascii_fold(subject)).strip("_")[:40] or "document"
        name = slug + "." + ext
        atts.append(attachment_part(name, core["body"], rng))
        body_for_own = dict(core)
        cover = {"en": ["See attached.", "Please see the attached document.", "Attached.", "Details in the attachment.",
                        "Check out the attached!"],
                 "es": ["Ver archivo adjunto.", "Les envío el documento adjunto.", "Adjunto."]}[lang if lang == "es" else "en"]
        body_for_own["body"] = rng.choice(cover)
        body_for_own["flags"] = set(core["flags"]) | {"short"}
        note.append("attachment " + ext + " carries text")
    quoted = []
    top_lines, sig = [], []
    cc = None
    lng = lang if lang in REPLY_NEUTRAL else "en"
    if direction == "internal" and rng.random() < 0.25:
        cc = person(rng, lang, "int")
    if wrap == "none":
        top_lines, sig = compose_own(rng, body_for_own, sender, rcpt, client)
    elif wrap == "reply":
        # the core is by `sender` to `rcpt`; this message is rcpt's reply back
        o_lines, o_sig = compose_own(rng, body_for_own, sender, rcpt, client)
        od = d - dt.timedelta(minutes=rng.randrange(20, 3000))
        quoted.append({"who": sender, "to": rcpt, "date": od, "subject": subject,
                       "lines": o_lines + ([""] + o_sig if o_sig else []), "kind": "reply",
                       "orig_style": rng.random() < 0.3, "cc": cc})
        sender, rcpt = rcpt, sender
        direction = {"inbound": "outbound", "outbound": "inbound"}.get(direction, direction)
        client = pick_client(rng, core, direction, sender)
        pool = REPLY_VIOL.get(cat) if cat != "clean" and rng.random() < 0.6 else None
        if pool:
            es_pool = [x for x in pool if re.search(r"[¿ñáéíóú]|jaja|Yo ", x)]
            en_pool = [x for x in pool if x not in es_pool]
            rl = rng.choice((es_pool if lang == "es" else en_pool) or pool)
        else:
            rl = rng.choice(REPLY_NEUTRAL[lng])
        top_lines = [rl]
        sig = signature(rng, sender, lng, sender["kind"], client) if rng.random() < 0.7 else []
        subject = subj_prefix(rng, "reply", client, lang) + subject
        note.append("reply quoting core")
    elif wrap == "reply2":
        # core by sender -> rcpt replied briefly -> sender answers on top
        o_lines, o_sig = compose_own(rng, body_for_own, sender, rcpt, client)
        od = d - dt.timedelta(minutes=rng.randrange(60, 5000))
        quoted.append({"who": sender, "to": rcpt, "date": od, "subject": subject,
                       "lines": o_lines + ([""] + o_sig if o_sig else []), "kind": "reply",
                       "orig_style": rng.random() < 0.3, "cc": cc})
        mid_sig = signature(rng, rcpt, lng, rcpt["kind"], client) if rng.random() < 0.6 else []
        quoted.insert(0, {"who": rcpt, "to": sender, "date": od + dt.timedelta(minutes=rng.randrange(5, 50)),
                          "subject": subj_prefix(rng, "reply", client, lang) + subject,
                          "lines": [rng.choice(REPLY_NEUTRAL[lng])] + ([""] + mid_sig if mid_sig else []),
                          "kind": "reply", "orig_style": False, "cc": cc})
        top_lines = [rng.choice(REPLY_NEUTRAL[lng])]
        sig = signature(rng, sender, lng, sender["kind"], client) if rng.random() < 0.6 else []
        subject = subj_prefix(rng, "reply", client, lang) + subject
        note.append("3-message reply chain")
    else:
        od = d - dt.timedelta(minutes=rng.randrange(30, 20000))
        if is_bulk:
            blines = body_for_own["body"].split("\n")
            brand = blines[0][7:].strip() if blines and blines[0].startswith("BRAND: ") else "Newsletter"
            slug = re.sub(r"[^a-z0-9]+", "", ascii_fold(brand).lower())[:20] or "news"
            baddr = ("news@" + INT_DOMAIN) if cat == "clean" and slug.startswith(("modot", "mhtc")) else "news@%s.com" % slug
            orig_author = {"name": brand, "first": brand, "addr": baddr, "kind": "ext"}
            o_to = person(rng, lang, "int")
            o_lines = [re.sub(r"^(BRAND|FOOTER): |^## ", "", x) for x in blines]
            o_sig = []
        elif is_fwd_content:
            orig_author = person(rng, lang, "free" if rng.random() < 0.7 else "int")
            o_to = person(rng, lang, "int")
            o_lines = body_for_own["body"].split("\n")
            o_sig = []
        else:
            # the core's own author/recipient, then its internal party forwards it on
            orig_author, o_to = sender, rcpt
            o_lines, o_sig = compose_own(rng, body_for_own, orig_author, o_to, "outlook")
            fwdr = o_to if o_to["kind"] == "int" else orig_author
            if fwdr["kind"] != "int":
                fwdr = person(rng, lang, "int")
            sender = fwdr
            rcpt = person(rng, lang, "int") if rng.random() < 0.75 else person(rng, lang, ext_kind(rng, core))
            direction = "internal" if rcpt["kind"] == "int" else "outbound"
            client = pick_client(rng, core, direction, sender)
            cc = None
        quoted.append({"who": orig_author, "to": o_to, "date": od, "subject": subject,
                       "lines": o_lines + ([""] + o_sig if o_sig else []), "kind": "fwd", "orig_style": False})
        levels = 2 if wrap == "fwd2" else 1
        pref = ""
        if levels == 2:
            mid_author = o_to
            quoted.insert(0, {"who": mid_author, "to": person(rng, lang, "int"),
                              "date": od + dt.timedelta(minutes=rng.randrange(10, 900)),
                              "subject": "FW: " + subject, "kind": "fwd", "orig_style": False,
                              "lines": [rng.choice(FWD_VIOL.get(cat, FWD_LINE["en"]))] if cat != "clean" else [rng.choice(FWD_LINE["en"])]})
            pref = "FW: "
            note.append("double forward")
        if cat != "clean" and rng.random() < 0.75:
            pool = FWD_VIOL[cat]
            top = rng.choice(pool)
        else:
            top = rng.choice(FWD_LINE[lang if lang in FWD_LINE else "en"])
        top_lines = [top] if top else []
        sig = signature(rng, sender, lang if lang in GREET else "en", sender["kind"], client) if rng.random() < 0.5 else []
        subject = subj_prefix(rng, "fwd", client, lang) + pref + subject
        note.append("forwarded")
    msg = {"top": top_lines, "sig": sig, "quoted": quoted, "mobile": client in ("apple", "android"),
           "galaxy": rng.random() < 0.6}
    text = render_text(msg, client, lang)
    # body format
    if client in ("outlook", "owa", "gmail"):
        fmt = wchoice(rng, [("alt", 75), ("html", 15), ("plain", 10)])
    elif client in ("apple", "webmail"):
        fmt = wchoice(rng, [("alt", 40), ("plain", 60)])
    else:
        fmt = wchoice(rng, [("plain", 85), ("html", 15)])
    parts = []
    cte_t = wchoice(rng, [("8bit", 60), ("quoted-printable", 30), ("base64", 10)])
    if client == "outlook" and cte_t == "8bit":
        cte_t = "quoted-printable"
    if fmt in ("plain", "alt"):
        parts.append(body_part("text/plain", text, cte_t))
    if fmt in ("html", "alt"):
        html = render_html(msg, client if client in ("outlook", "owa") else "gmail", lang)
        cte_h = wchoice(rng, [("quoted-printable", 60), ("base64", 25), ("8bit", 15)])
        parts.append(body_part("text/html", html, cte_h))
    hdrs = envelope_headers(rng, client, sender, rcpt, cc, subject, d, lang)
    raw = assemble(hdrs, parts, rng, client, atts)
    info = {"dir": direction, "client": client, "note": "; ".join([fmt] + note)}
    return raw, info


def envelope_headers(rng, client, sender, rcpt, cc, subject, d, lang):
    dom = sender["addr"].split("@")[1]
    h = []
    if sender["addr"].endswith(INT_DOMAIN) and rcpt["addr"].endswith(INT_DOMAIN) and rng.random() < 0.5:
        h.append("Received: from MN2PR09MB%04d.namprd09.prod.outlook.com (2603:10b6:208:%x::%x) by\n MN2PR09MB%04d.namprd09.prod.outlook.com with HTTPS; %s"
                 % (rng.randrange(10000), rng.randrange(4096), rng.randrange(65536), rng.randrange(10000), date_hdr(d)))
    h.append("From: " + fmt_addr(sender))
    h.append("To: " + fmt_addr(rcpt))
    if cc:
        h.append("Cc: " + fmt_addr(cc))
    h.append("Subject: " + enc_header(subject))
    h.append("Date: " + date_hdr(d))
    h.append("Message-ID: " + msgid(rng, dom, client))
    h.append("MIME-Version: 1.0")
    for x in XMAILER.get(client, []):
        if "{ti}" in x:
            x = x.format(ti=base64.b64encode(bytes(rng.getrandbits(8) for _ in range(22))).decode())
        if "{wm}" in x:
            x = x.format(wm=rng.choice(WEBMAILERS))
        if "%d" in x:
            x = x % (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        h.append(x)
    if client == "outlook" and lang == "es":
        h[-1] = "Content-Language: es-mx"
    return h


BRANDS_DEFAULT = "Newsletter"


def render_bulk(core, direction, sender, rcpt, d, rng, note):
    lang = core["lang"]
    brand = core["subject"].split("|")[0].strip() if "|" in core["subject"] else None
    # brand from first body line when marked "BRAND: ..."
    lines = core["body"].split("\n")
    footer = ""
    if lines and lines[0].startswith("BRAND: "):
        brand = lines[0][7:].strip()
        lines = lines[1:]
    if lines and lines[-1].startswith("FOOTER: "):
        footer = lines[-1][8:].strip()
        lines = lines[:-1]
    brand = brand or BRANDS_DEFAULT
    esp_name, esp_dom = BULK_ESP[rng.randrange(len(BULK_ESP))]
    c = dict(core)
    c["_esp_domain"] = esp_dom
    c["_footer"] = footer
    slug = re.sub(r"[^a-z0-9]+", "", ascii_fold(brand).lower())[:20] or "news"
    if direction == "inbound":
        from_addr = "%s <%s@%s>" % (enc_header(brand) if not brand.isascii() else brand,
                                    rng.choice(["news", "hello", "info", "deals", "no-reply", "updates"]), slug + ".com")
        if "modot" in slug:
            from_addr = "%s <news@modot.mo.gov>" % brand
        to_hdr = fmt_addr(rcpt)
    elif direction == "outbound":
        # employee mass-mailing from work account to personal list
        from_addr = fmt_addr(sender)
        to_hdr = "undisclosed-recipients:;"
    else:
        from_addr = "%s <%s>" % (brand if brand.isascii() else enc_header(brand),
                                 "news@" + INT_DOMAIN if core["cat"] == "clean" else sender["addr"])
        to_hdr = fmt_addr(rcpt) if rng.random() < 0.5 else "%s <%s>" % ("All District Staff", "d%d-allstaff@%s" % (rng.randrange(1, 8), INT_DOMAIN))
    h = []
    h.append("From: " + from_addr)
    h.append("To: " + to_hdr)
    if direction == "outbound":
        bcc_n = rng.randrange(15, 140)
        h.append("Bcc: (%d recipients)" % bcc_n) if False else None
    h.append("Subject: " + enc_header(core["subject"]))
    h.append("Date: " + date_hdr(d))
    h.append("Message-ID: <%x.%x@%s>" % (rng.getrandbits(64), rng.getrandbits(32), esp_dom))
    h.append("MIME-Version: 1.0")
    if direction == "outbound" and rng.random() < 0.5:
        h.append("X-Mailer: Microsoft Outlook 16.0")
        esp_used = False
    else:
        h.append("X-Mailer: " + (esp_name % rng.randrange(10**9) if "%s" in esp_name else esp_name))
        h.append("List-Unsubscribe: <https://%s/unsubscribe/%x>, <mailto:unsubscribe-%x@%s>" %
                 (esp_dom, rng.getrandbits(48), rng.getrandbits(32), esp_dom))
        h.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        h.append("List-Id: %s <%s.list-id.%s>" % (brand if brand.isascii() else slug, slug, esp_dom))
        h.append("Precedence: bulk")
        h.append("Feedback-ID: %d:%d:%s" % (rng.randrange(10**6), rng.randrange(10**4), esp_dom.split(".")[0]))
        esp_used = True
    html = render_bulk_html(c, brand, lines, rng, lang)
    text = brand + "\n\n" + "\n\n".join(l for l in lines if l.strip()) + "\n\n" + \
        ("Cancelar suscripción" if lang == "es" else "Unsubscribe") + ": https://%s/unsubscribe\n" % esp_dom
    if footer:
        text += footer + "\n"
    fmt = wchoice(rng, [("alt", 65), ("html", 35)])
    parts = []
    if fmt == "alt":
        parts.append(body_part("text/plain", text, wchoice(rng, [("quoted-printable", 60), ("8bit", 40)])))
    parts.append(body_part("text/html", html, wchoice(rng, [("quoted-printable", 55), ("base64", 45)])))
    raw = assemble(h, parts, rng, "bulk", [])
    client = ("esp:" + esp_dom) if esp_used else "outlook"
    note = [fmt, "bulk" + (" with list headers" if esp_used else " from work account")] + note
    return raw, {"dir": direction, "client": client, "note": "; ".join(note)}

# ---------------------------------------------------------------- main

def n_renders(rng, cat):
    if cat == "clean":
        return wchoice(rng, [(4, 85), (3, 12), (2, 3)])
    return wchoice(rng, [(4, 35), (3, 45), (2, 20)])


def slugify(s):
    s = re.sub(r"^((re|fw|fwd):\s*)+", "", ascii_fold(s), flags=re.I)
    s = re.sub(r"[^A-Za-z0-9]+", "_", s).strip("_").lower()
    return s[:40].rstrip("_") or "msg"


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    root = sys.argv[1]
    rng = random.Random(SEED)
    rows = {"train": [], "dev": []}
    for cat in CATS:
        cores = load_cores(cat)
        ids = sorted(c["gid"] for c in cores)
        split_of = {g: ("dev" if i % 10 in (7, 8, 9) else "train") for i, g in enumerate(ids)}
        for core in cores:
            n = n_renders(rng, cat)
            for k in range(n):
                raw, info = render(core, k, rng)
                rows[split_of[core["gid"]]].append((cat, core, raw, info))
    for split in ("train", "dev"):
        outdir = os.path.join(root, split, SOURCE)
        if os.path.isdir(outdir):
            shutil.rmtree(outdir)
        os.makedirs(outdir)
        tsv = ["# source=beta seed=%d; FILE<TAB>LABEL<TAB>group=..; dir=..; client=..; note" % SEED]
        for i, (cat, core, raw, info) in enumerate(rows[split], 1):
            subj = re.search(r"^Subject: (.*)$", raw, re.M).group(1)
            fname = "%04d_%s_%s.eml" % (i, cat, slugify(core["subject"]))
            crlf = (hash_str(core["gid"] + str(i)) % 2 == 0)
            data = raw.replace("\n", "\r\n") if crlf else raw
            with open(os.path.join(outdir, fname), "wb") as f:
                f.write(data.encode("utf-8"))
            label = cat
            for fl in sorted(core["flags"]):
                if fl.startswith("L="):
                    label = fl[2:].replace("+", ",")
            extra = []
            if core["lang"] != "en":
                extra.append("lang=" + core["lang"])
            if "hn" in core["flags"]:
                extra.append("hard negative" + (" (" + core["topic"] + ")" if core["topic"] else ""))
            elif core["topic"]:
                extra.append("topic=" + core["topic"])
            extra.append("crlf" if crlf else "lf")
            note = "; ".join([info["note"]] + extra)
            tsv.append("%s\t%s\tgroup=%s; dir=%s; client=%s; %s" % (fname, label, core["gid"], info["dir"], info["client"], note))
        with open(os.path.join(outdir, "labels.tsv"), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(tsv) + "\n")
        print("%s: %d messages" % (outdir, len(rows[split])))


def hash_str(s):
    h = 2166136261
    for ch in s.encode("utf-8"):
        h = ((h ^ ch) * 16777619) & 0xFFFFFFFF
    return h


if __name__ == "__main__":
    main()
