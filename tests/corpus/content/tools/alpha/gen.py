#!/usr/bin/env python3
"""Source "alpha" of the content-policy corpus (road crews, district offices, the public;
rural Missouri).  Renders the hand-written core texts in cores_*.py into 1-4 .eml messages
each, varying only the envelope (client, direction, wrapper, greeting/signature, MIME form,
date).  Deterministic: random.Random(SEED), fixed boundaries, fixed zip timestamps.

usage: python3 tests/corpus/content/tools/alpha/gen.py tests/corpus/content
"""
import base64
import datetime as dt
import html
import io
import os
import quopri
import random
import re
import sys
import unicodedata
import zipfile
from email.header import Header
from email.utils import format_datetime, formataddr

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import cores_chain_letter, cores_solicitation, cores_gambling  # noqa: E402
import cores_newsletter, cores_offensive, cores_clean_hard, cores_clean_plain  # noqa: E402

SOURCE = "alpha"
SEED = 1
SPLIT = "train"
DOMAIN = "modot.mo.gov"

# ----------------------------------------------------------------------------- parsing
TAG_RE = re.compile(r"^\[([^\]]+)\]\s*")


def parse(text, label, prefix, hard=False):
    cores = []
    for chunk in text.split("\n=== ")[1:]:
        head, _, body = chunk.partition("\n")
        tags = []
        while True:
            m = TAG_RE.match(head)
            if not m:
                break
            tags.append(m.group(1))
            head = head[m.end():]
        parts = [p.strip() for p in head.split("||")]
        subj = parts[0]
        sname = parts[1] if len(parts) > 1 else ""
        saddr = parts[2] if len(parts) > 2 else ""
        labels = [label] + [t.split(":", 1)[1] for t in tags if t.startswith("also:")]
        if hard:
            tags.append("hn")
        cores.append(dict(label=label, labels=",".join(labels), tags=tags, subject=subj,
                          sname=sname, saddr=saddr, body=body.strip("\n")))
    for i, c in enumerate(cores, 1):
        c["group"] = "%s-%s-%03d" % (SOURCE, prefix, i)
    return cores


def all_cores():
    out = []
    out += parse(cores_chain_letter.CORES, "chain_letter", "chain")
    out += parse(cores_solicitation.CORES, "solicitation", "solic")
    out += parse(cores_gambling.CORES, "gambling", "gamb")
    out += parse(cores_newsletter.CORES, "newsletter", "news")
    out += parse(cores_offensive.CORES, "offensive", "offn")
    out += parse(cores_clean_hard.CORES, "clean", "hn", hard=True)
    out += parse(cores_clean_plain.CORES, "clean", "clean")
    return out


# ----------------------------------------------------------------------------- people
FIRST = ["Dale", "Gary", "Ronnie", "Donna", "Linda", "Travis", "Cody", "Brenda", "Karen", "Tammy",
         "Jolene", "Wade", "Curtis", "Shirley", "Darrell", "Rhonda", "Kyle", "Jesse", "Marla",
         "Dwayne", "Trent", "Becky", "Lonnie", "Sherry", "Rusty", "Misty", "Clint", "Vicki",
         "Lyle", "Carla", "Duane", "Amber", "Kenny", "Tina", "Brent", "Jody", "Terry", "Crystal",
         "Roger", "Melinda", "Bobby", "Angie", "Harold", "Connie", "Justin", "Heather", "Earl",
         "Dusty", "Lacey", "Monte"]
FIRST_ES = ["Jose", "Maria", "Luis", "Guadalupe", "Ramon", "Rosa", "Miguel", "Lupe", "Carlos",
            "Maribel", "Juan", "Elena", "Rafael", "Veronica", "Jorge", "Alma"]
LAST = ["Hoskins", "Pruitt", "Vogel", "Kempker", "Schaefer", "Dunlap", "Barnhart", "Wehmeyer",
        "Craighead", "Lutz", "Stottlemyre", "Heitman", "Boatright", "Fenwick", "McCaslin",
        "Rackers", "Blankenship", "Hagedorn", "Pennington", "Willbanks", "Tharp", "Goodnight",
        "Brockman", "Luebbert", "Sappington", "Veit", "Gatewood", "Stockton", "Haynes", "Eckhoff",
        "Copeland", "Bledsoe", "Mertens", "Rader", "Kliethermes", "Dobbins", "Fugate", "Rowden"]
LAST_ES = ["Hernandez", "Ramirez", "Gonzalez", "Castillo", "Morales", "Reyes", "Ortega", "Salinas",
           "Mendoza", "Fuentes", "Delgado", "Aguilar"]
FREEMAIL = ["gmail.com", "gmail.com", "gmail.com", "yahoo.com", "yahoo.com", "hotmail.com",
            "outlook.com", "icloud.com", "att.net", "centurylink.net", "socket.net", "mchsi.com"]
ORGS = ["midwestsign.example.com", "ozarktraffic.example.com", "co.phelps.mo.us.example.org",
        "cityofmacon.example.org", "showmeasphalt.example.com", "heartlandsalt.example.com",
        "co.laclede.mo.us.example.org", "boonvillemo.example.org", "riverbendpaving.example.com",
        "centralmoengineering.example.com", "ruralwater2.example.org", "grundycounty.example.org"]
DISTRICTS = ["Northwest District", "Northeast District", "Kansas City District", "Central District",
             "St. Louis District", "Southwest District", "Southeast District"]
TITLES = ["Maintenance Crew Leader", "Maintenance Supervisor", "Senior Maintenance Worker",
          "Area Engineer", "Administrative Specialist", "Customer Service Representative",
          "Equipment Technician", "Traffic Specialist", "Resident Engineer", "Office Manager",
          "Senior Office Assistant", "Bridge Inspector", "Human Resources Specialist",
          "Procurement Agent", "IT Help Desk Analyst", "Safety & Health Manager"]
TOWNS = ["Macon", "Sedalia", "Hannibal", "Joplin", "Poplar Bluff", "Rolla", "Lebanon",
         "Chillicothe", "Kirksville", "Willow Springs", "Sikeston", "Moberly", "Marshfield",
         "Jefferson City", "Salem", "Nevada", "Trenton", "Kennett", "Bethany", "Fulton"]


class People:
    def __init__(self, rng):
        self.rng = rng

    def person(self, spanish=False, domain=None):
        r = self.rng
        if spanish and r.random() < 0.8:
            f, l = r.choice(FIRST_ES), r.choice(LAST_ES)
        else:
            f, l = r.choice(FIRST), r.choice(LAST)
        if domain == DOMAIN:
            addr = "%s.%s@%s" % (f.lower(), l.lower(), DOMAIN)
        else:
            dom = domain or r.choice(FREEMAIL)
            style = r.randrange(5)
            if style == 0:
                local = "%s%s%d" % (f.lower(), l.lower(), r.randrange(1, 99))
            elif style == 1:
                local = "%s.%s" % (f.lower(), l.lower())
            elif style == 2:
                local = "%s%s" % (f[0].lower(), l.lower())
            elif style == 3:
                local = "%s_%s%d" % (f.lower(), r.choice(["farm", "mo", "tiger", "chiefs", "hunt", "mom", "cards"]), r.randrange(1, 99))
            else:
                local = "%s%s%d" % (l.lower(), f[0].lower(), r.randrange(60, 99))
            addr = "%s@%s" % (local, dom)
        return dict(first=f, last=l, name="%s %s" % (f, l), addr=addr,
                    title=r.choice(TITLES), district=r.choice(DISTRICTS),
                    phone="%s-555-%04d" % (r.choice(["573", "660", "417", "816", "314"]), r.randrange(100, 9999)))

    def internal(self, es=False):
        return self.person(es, DOMAIN)

    def external(self, es=False, org=False):
        return self.person(es, self.rng.choice(ORGS) if org else None)


# ----------------------------------------------------------------------------- clients
CLIENTS = ["outlook", "outlook", "outlook", "gmail", "gmail", "iphone", "apple_mail",
           "thunderbird", "android", "webmail"]
MOBILE_SIG = {"iphone": "Sent from my iPhone", "android": "Sent from my Galaxy",
              "android2": "Sent from my Verizon, Samsung Galaxy smartphone",
              "webmail": "Sent from Yahoo Mail on Android"}


def fmt_outlook_date(d):
    return d.strftime("%A, %B ") + str(d.day) + d.strftime(", %Y ") + str(int(d.strftime("%I"))) + d.strftime(":%M %p")


def fmt_gmail_date(d):
    return d.strftime("%a, %b ") + str(d.day) + d.strftime(", %Y at ") + str(int(d.strftime("%I"))) + d.strftime(":%M %p")


def who(p):
    return "%s <%s>" % (p["name"], p["addr"])


def forward_block(client, inner_from, inner_to, subj, d, body):
    if client == "outlook":
        if d.day % 2:
            hdr = ["-----Original Message-----"]
        else:
            hdr = ["________________________________"]
        hdr += ["From: %s" % who(inner_from), "Sent: %s" % fmt_outlook_date(d),
                "To: %s" % who(inner_to), "Subject: %s" % subj]
    elif client == "gmail":
        hdr = ["---------- Forwarded message ---------", "From: %s" % who(inner_from),
               "Date: %s" % fmt_gmail_date(d), "Subject: %s" % subj, "To: %s" % who(inner_to)]
    elif client in ("iphone", "apple_mail"):
        hdr = ["Begin forwarded message:", "", "From: %s" % who(inner_from), "Subject: %s" % subj,
               "Date: %s at %s CST" % (d.strftime("%B ") + str(d.day) + d.strftime(", %Y"), d.strftime("%I:%M:%S %p").lstrip("0")),
               "To: %s" % who(inner_to)]
    elif client == "thunderbird":
        hdr = ["-------- Forwarded Message --------", "Subject: \t%s" % subj,
               "Date: \t%s" % format_datetime(d), "From: \t%s" % who(inner_from), "To: \t%s" % who(inner_to)]
    elif client == "android":
        hdr = ["", "", "-------- Original message --------", "From: %s" % who(inner_from),
               "Date: %d/%d/%s %s (GMT-06:00)" % (d.month, d.day, d.strftime("%y"), d.strftime("%I:%M %p").lstrip("0")),
               "To: %s" % who(inner_to), "Subject: %s" % subj]
    else:
        hdr = ["----- Forwarded Message -----", "From: %s" % who(inner_from), "To: %s" % who(inner_to),
               "Sent: %s, %s CST" % (d.strftime("%A, %B ") + str(d.day) + d.strftime(", %Y"), d.strftime("%I:%M:%S %p")),
               "Subject: %s" % subj]
    return "\n".join(hdr) + "\n\n" + body


def reply_block(client, inner_from, inner_to, subj, d, body):
    if client == "outlook":
        return forward_block("outlook", inner_from, inner_to, subj, d, body)
    if client == "gmail":
        intro = "On %s %s wrote:" % (fmt_gmail_date(d), who(inner_from))
    elif client in ("iphone", "apple_mail"):
        intro = "On %s, at %s, %s wrote:" % (d.strftime("%b ") + str(d.day) + d.strftime(", %Y"), d.strftime("%I:%M %p").lstrip("0"), who(inner_from))
    elif client == "thunderbird":
        intro = "On %d/%d/%s %s, %s wrote:" % (d.month, d.day, d.strftime("%y"), d.strftime("%I:%M %p").lstrip("0"), inner_from["name"])
    elif client == "android":
        intro = "On %s, %s wrote:" % (d.strftime("%a, %b ") + str(d.day) + d.strftime(", %Y, %I:%M %p"), who(inner_from))
    else:
        intro = "On %s, %s <%s> wrote:" % (d.strftime("%A, %B ") + str(d.day) + d.strftime(", %Y, %I:%M:%S %p CST"), inner_from["name"], inner_from["addr"])
    quoted = "\n".join((">" if not l else "> " + l) for l in body.split("\n"))
    return intro + "\n" + quoted


# ----------------------------------------------------------------------------- wording pools
OWN_FW = {
    "chain_letter": ["lol you have to read this", "Thought you'd enjoy", "This is too funny", "Passing it on!!",
                     "my mom sent me this one", "is this real?? better safe than sorry", "Read this!!",
                     "haha so true", "Pls forward to your crew", "this made my day \U0001F602", "Amen \U0001F64F",
                     "sending to everybody just in case", "", "", "Saw this and thought of you guys"],
    "solicitation": ["Posting for my cousin", "fyi if anybody's interested", "Sharing in case anyone needs one",
                     "see below - still available", "my wife asked me to send this around", "",
                     "Reminder, deadline is coming up!", "Still got a few left"],
    "gambling": ["who's in?", "last call!!", "reminder - still need your money", "see below",
                 "Fwd from the guys at the shed", "", "don't forget \U0001F3C8", "pot's getting big"],
    "newsletter": ["check out this sale", "good deal on boots if anybody needs em", "thought you might like this",
                   "saw this, figured you'd want it", "FYI", "", "look at these prices"],
    "offensive": ["lmao", "look at this", "read this lol", "can you believe this", "", "", "haha"],
    "clean": ["FYI", "See below.", "Forwarding for your records.", "Can you handle this one?", "Please see below and advise.",
              "Forwarding - please take care of this.", "FYI, for the file.", "Adding you so you're aware.", ""],
}
OWN_FW_ES = {
    "chain_letter": ["jaja mira esto", "me lo mandó mi tía", "pásalo", "léanlo, es importante", ""],
    "solicitation": ["por si a alguien le interesa", "de parte de mi esposa", ""],
    "gambling": ["¿quién le entra?", "ultima llamada", ""],
    "newsletter": ["mira estas ofertas", ""],
    "offensive": ["jajaja mira", ""],
    "clean": ["Para su información.", "Favor de revisar.", "Le reenvío esto.", ""],
}
REPLY_LINE = {
    "chain_letter": ["lol so true", "hahaha sending to my wife", "Ok that's funny", "I got this one from my aunt too",
                     "lmao", "Sent it to 10 people already"],
    "solicitation": ["Is this still available?", "I'll take 2", "Can you hold it till Friday?", "How much for delivery?",
                     "Put me down for one", "Would you take less?"],
    "gambling": ["I'm in, put me down for 2", "Venmo sent", "count me in", "I'll bring cash tomorrow",
                 "me and Dale are in", "how much is the pot now"],
    "newsletter": ["thanks!", "ordered one"],
    "offensive": ["lmao dude", "haha savage", "he had it coming", "hahaha yes"],
    "clean": ["Thanks, got it.", "Will do.", "Approved.", "Ok, I'll take care of it.", "Adding Dale so he's aware.",
              "Thanks for the update.", "Got it, thanks.", "Sounds good.", "Received, thank you."],
}
REPLY_LINE_ES = {
    "chain_letter": ["jaja qué bueno", "ya lo mandé"],
    "solicitation": ["¿Todavía está disponible?", "Yo quiero una docena"],
    "gambling": ["Yo le entro", "ya te mandé el dinero"],
    "newsletter": ["gracias"],
    "offensive": ["jajaja"],
    "clean": ["Gracias, recibido.", "De acuerdo.", "Muy bien, gracias."],
}
FILLER = ["Can you send me the schedule for next week?", "Meeting moved to 2pm.", "Did the parts come in for 2214?",
          "Who's on call this weekend?", "Reminder: timesheets due Friday.", "Are we still doing the tailgate meeting at 7?",
          "Route 5 crew is short one guy tomorrow.", "Can somebody cover my route Monday?",
          "The shop says 1822 will be ready Thursday.", "Lunch at the Mexican place after the safety meeting?",
          "Did anybody see who took the good shovel?", "Conference room is booked till 3."]
GREET = ["Hi all,", "Hey guys,", "Morning,", "All,", "Hey", "Hi everyone,", "Guys -", "Good morning,", "Hello,"]
GREET_ES = ["Hola,", "Hola a todos,", "Buenos días,", "Saludos,"]
SIGNOFF = ["Thanks,", "Thanks!", "Thank you,", "-", "Thx", "Regards,", "Have a good one,"]
SIGNOFF_ES = ["Gracias,", "Saludos,", "Atentamente,"]
COVER = {
    "chain_letter": ["see attached lol", "open the attachment, too funny", "Attached, pass it on", "read the attached!!"],
    "solicitation": ["Flyer attached!", "Order form attached", "see attached for details and pics", "details in the attachment"],
    "gambling": ["Sheet attached", "bracket attached - fill it in", "Attached is the sheet, get me your money", "see attached"],
    "newsletter": ["Newsletter attached, please share!", "Here's this month's newsletter (attached)"],
    "offensive": ["see attached", "open it lol"],
    "clean": ["Please see attached.", "Attached for your review.", "Report attached.", "See the attached document."],
}
COVER_ES = ["Ver archivo adjunto.", "Les mando el archivo adjunto.", "Adjunto."]
ESP = [
    ("MailChimp Mailer - **CID%s**", "X-MC-User"), ("Klaviyo", "X-Klaviyo-Id"),
    ("Salesforce Marketing Cloud", "X-SFMC-Stack"), ("Constant Contact", "X-Roving-Id"),
    ("SendGrid", "X-SG-EID"), ("Braze", "X-Braze-Campaign"),
]
CTA = ["Shop Now", "Read More", "See the Deals", "View Online", "Learn More", "Order Today"]
CTA_ES = ["Ver ofertas", "Leer más", "Comprar ahora"]
BULK_CLEAN = ["newsletter", "Newsletter", "Bulletin", "BULLETIN", "Journal", "Dispatch", "Every Day Counts",
              "LinkedIn", "ITE ", "Chief Engineer", "Safety bulletin"]
LEET = [("free", "fr33"), ("cash", "c.a.s.h"), ("money", "m0ney"), ("sale", "s@le"), ("tickets", "t1ckets"),
        ("forward", "f0rward"), ("bet", "b3t"), ("pool", "p00l"), ("pussy", "pu$$y"), ("fuck", "f*ck")]

# ----------------------------------------------------------------------------- MIME helpers


def enc_header(s):
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        return Header(s, "utf-8").encode()


def addr_hdr(p):
    return formataddr((p["name"], p["addr"]))


def text_part(ctype, text, cte, extra=None):
    raw = text.encode("utf-8")
    ascii_only = all(b < 128 for b in raw)
    if cte == "auto":
        cte = "7bit" if ascii_only else "8bit"
    if cte == "7bit" and not ascii_only:
        cte = "quoted-printable"
    charset = "us-ascii" if (ascii_only and cte == "7bit" and ctype == "text/plain" and len(text) % 3 == 0) else "utf-8"
    hdr = ['Content-Type: %s; charset="%s"' % (ctype, charset)]
    if extra:
        hdr += extra
    hdr.append("Content-Transfer-Encoding: %s" % cte)
    if cte == "quoted-printable":
        body = quopri.encodestring(raw).decode("ascii")
    elif cte == "base64":
        body = base64.encodebytes(raw).decode("ascii")
    else:
        body = text
    return "\n".join(hdr) + "\n\n" + body.rstrip("\n") + "\n"


def b64_part(ctype, name, data, inline=False):
    b = base64.encodebytes(data).decode("ascii")
    return ('Content-Type: %s; name="%s"\nContent-Disposition: %s; filename="%s"\n'
            'Content-Transfer-Encoding: base64\n\n%s' % (ctype, name, "inline" if inline else "attachment", name, b))


def multipart(subtype, parts, boundary):
    out = ['Content-Type: multipart/%s;\n\tboundary="%s"' % (subtype, boundary), "", ""]
    body = []
    for p in parts:
        body.append("--" + boundary)
        body.append(p.rstrip("\n"))
    body.append("--" + boundary + "--")
    return out[0] + "\n\n" + "\n".join(body) + "\n"


def docx_bytes(paragraphs):
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
    paras = "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % html.escape(p, quote=False)
                    for p in paragraphs)
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body>%s<w:sectPr/></w:body></w:document>' % paras)
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)):
            zi = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))
    return bio.getvalue()


def to_html(client, text):
    """Plain text (with '> ' quoting and forward headers) to client-flavoured HTML."""
    lines = text.split("\n")
    if client == "outlook":
        out = ['<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
               'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">',
               '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
               '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">',
               '<style><!--\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0in;font-size:11.0pt;font-family:"Calibri",sans-serif;}\n'
               'span.EmailStyle17\n\t{mso-style-type:personal-compose;font-family:"Calibri",sans-serif;color:windowtext;}\n--></style></head>',
               '<body lang="EN-US" link="#0563C1" vlink="#954F72" style="word-wrap:break-word"><div class="WordSection1">']
        for l in lines:
            if l.startswith("-----Original Message-----") or l.startswith("________________________________"):
                out.append('<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in">')
                continue
            m = re.match(r"^(From|Sent|To|Cc|Subject): (.*)$", l)
            if m:
                out.append('<p class="MsoNormal"><b>%s:</b> %s<o:p></o:p></p>' % (m.group(1), html.escape(m.group(2), quote=False)))
            elif not l.strip():
                out.append('<p class="MsoNormal"><o:p>&nbsp;</o:p></p>')
            else:
                out.append('<p class="MsoNormal">%s<o:p></o:p></p>' % html.escape(l, quote=False))
        out.append("</div></body></html>")
        return "\n".join(out)
    # generic: blockquote for '>' runs
    out = []
    depth = 0
    for l in lines:
        d = 0
        while l.startswith(">"):
            d += 1
            l = l[1:].lstrip(" ") if l[1:2] == " " or l[1:2] == "" else l[1:]
        while depth < d:
            if client == "gmail":
                out.append('<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">')
            else:
                out.append('<blockquote type="cite">')
            depth += 1
        while depth > d:
            out.append("</blockquote>")
            depth -= 1
        out.append((html.escape(l, quote=False) if l.strip() else "") + "<br>")
    while depth:
        out.append("</blockquote>")
        depth -= 1
    inner = "\n".join(out)
    if client == "gmail":
        return '<div dir="ltr">' + inner + "</div>\n"
    if client in ("iphone", "apple_mail"):
        return ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
                '<body style="word-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;"><div dir="ltr">'
                + inner + "</div></body></html>\n")
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body>'
            '<div style="font-family:Helvetica,Arial,sans-serif;font-size:13px">' + inner + "</div></body></html>\n")


def newsletter_html(core, rng, es, unsub):
    name = core["sname"] or "Newsletter"
    paras = [p for p in re.split(r"(?<=[.!?])\s+(?=[A-Z¡¿])", core["body"].replace("\n", " ")) if p]
    cta = rng.choice(CTA_ES if es else CTA)
    color = rng.choice(["#1b5e20", "#b71c1c", "#0d47a1", "#e65100", "#4a148c", "#263238"])
    rows = "\n".join('<tr><td style="padding:6px 24px;font-family:Arial,sans-serif;font-size:15px;line-height:22px;color:#333333">%s</td></tr>'
                     % html.escape(p) for p in paras)
    foot = ("Usted recibe este correo porque se suscribió. <a href=\"%s\">Cancelar suscripción</a>" if es else
            "You are receiving this email because you opted in. <a href=\"%s\">Unsubscribe</a> | <a href=\"%s\">Update preferences</a> | <a href=\"%s\">View in browser</a>")
    foot = foot.replace("%s", unsub)
    return ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0"><title>%s</title>'
            '<style type="text/css">body{margin:0;padding:0}table{border-collapse:collapse}@media only screen and (max-width:600px){.wrap{width:100%% !important}}</style></head>\n'
            '<body style="margin:0;padding:0;background-color:#f2f2f2">\n'
            '<div style="display:none;max-height:0;overflow:hidden">%s</div>\n'
            '<table role="presentation" width="100%%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f2f2f2"><tr><td align="center">\n'
            '<table class="wrap" role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff">\n'
            '<tr><td style="background-color:%s;padding:18px 24px;font-family:Georgia,serif;font-size:26px;color:#ffffff;font-weight:bold">%s</td></tr>\n'
            '<tr><td><img src="https://img.%s/hero_%d.jpg" width="600" alt="" style="display:block;border:0"></td></tr>\n'
            '%s\n'
            '<tr><td align="center" style="padding:18px"><a href="https://%s/c/%x" style="background-color:%s;color:#ffffff;padding:12px 28px;'
            'text-decoration:none;font-family:Arial,sans-serif;font-weight:bold;border-radius:4px">%s</a></td></tr>\n'
            '<tr><td style="padding:16px 24px;font-family:Arial,sans-serif;font-size:11px;color:#888888">%s<br>%s &middot; %s, MO</td></tr>\n'
            '</table></td></tr></table>\n'
            '<img src="https://t.%s/o/%x.gif" width="1" height="1" alt="">\n</body></html>\n'
            % (html.escape(core["subject"]), html.escape(paras[0] if paras else ""), color, html.escape(name),
               (core["saddr"].split("@")[-1] if core["saddr"] else "mail.example.com"), rng.randrange(1000),
               rows, (core["saddr"].split("@")[-1] if core["saddr"] else "mail.example.com"), rng.getrandbits(40), color, cta,
               foot, html.escape(name), rng.choice(TOWNS),
               (core["saddr"].split("@")[-1] if core["saddr"] else "mail.example.com"), rng.getrandbits(48)))


# ----------------------------------------------------------------------------- rendering
DIR_WEIGHTS = {
    "chain_letter": [("internal", 5), ("inbound", 3), ("outbound", 2)],
    "solicitation": [("internal", 5), ("inbound", 2), ("outbound", 3)],
    "gambling": [("internal", 6), ("inbound", 2), ("outbound", 2)],
    "newsletter": [("inbound", 7), ("outbound", 2), ("internal", 1)],
    "offensive": [("internal", 6), ("inbound", 2), ("outbound", 2)],
    "clean": [("internal", 5), ("inbound", 3), ("outbound", 2)],
}


def wchoice(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


def hint_dir(core):
    for t, d in (("in", "inbound"), ("out", "outbound"), ("int", "internal")):
        if t in core["tags"]:
            return d
    return None


def slugify(s):
    s = re.sub(r"^((re|fw|fwd|rv)\s*:\s*)+", "", s, flags=re.I)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_")
    out = ""
    for w in s.split("_"):
        if out and len(out) + 1 + len(w) > 14:
            break
        out = (out + "_" + w) if out else w[:14]
    return out or "msg"


def obfuscate(text, rng, kind):
    if kind == "zwsp":
        words = [m for m in re.finditer(r"[A-Za-z]{6,}", text)]
        picks = sorted(rng.sample(range(len(words)), min(4, len(words))), reverse=True) if words else []
        for i in picks:
            m = words[i]
            k = m.start() + 2
            text = text[:k] + "\u200b" + text[k:]
        return text
    for a, b in LEET:
        text = re.sub(r"\b%s\b" % a, b, text, count=2)
        text = re.sub(r"\b%s\b" % a.upper(), b.upper(), text, count=1)
    return text


class Renderer:
    def __init__(self, rng):
        self.rng = rng
        self.people = People(rng)
        self.bcount = 0

    def boundary(self):
        self.bcount += 1
        return "----=_Part_%d_%08x.%d" % (self.bcount, self.rng.getrandbits(32), 1735000000 + self.bcount)

    def date(self):
        r = self.rng
        base = dt.datetime(2025, 1, 2, tzinfo=dt.timezone.utc)
        d = base + dt.timedelta(days=r.randrange(0, 690), hours=r.randrange(11, 24), minutes=r.randrange(60), seconds=r.randrange(60))
        off = -5 if 3 <= d.month <= 10 else -6
        return d.astimezone(dt.timezone(dt.timedelta(hours=off)))

    def msgid(self, domain, client):
        r = self.rng
        if client == "outlook":
            return "<%s.%s@%s>" % ("%012X" % r.getrandbits(48), "%08X" % r.getrandbits(32), "SN7PR09MB%04d.namprd09.prod.outlook.com" % r.randrange(10000))
        if client in ("gmail", "android"):
            return "<CA%s@mail.gmail.com>" % base64.b32encode(r.getrandbits(160).to_bytes(20, "big")).decode().rstrip("=")[:44]
        if client in ("iphone", "apple_mail"):
            return "<%08X-%04X-%04X-%04X-%012X@%s>" % (r.getrandbits(32), r.getrandbits(16), r.getrandbits(16), r.getrandbits(16), r.getrandbits(48), domain)
        return "<%x.%x@%s>" % (r.getrandbits(40), r.getrandbits(24), domain)

    def signature(self, p, client, es, formal):
        r = self.rng
        lines = []
        if formal and p["addr"].endswith(DOMAIN):
            lines = ["", p["name"], p["title"], "Missouri Department of Transportation", p["district"],
                     "%s | %s" % (p["phone"], p["addr"])]
            if r.random() < 0.3:
                lines.append("Arrive Alive - Buckle Up, Phone Down")
        if client in ("iphone", "android", "webmail") and r.random() < 0.7:
            key = client if client != "android" or r.random() < 0.6 else "android2"
            sig = MOBILE_SIG[key]
            if es:
                sig = sig.replace("Sent from my", "Enviado desde mi").replace("Sent from", "Enviado desde")
            lines += ["", sig]
        return lines

    def author_text(self, core, author, client, es, raw):
        """Core body with optional greeting/sign-off, as written by author."""
        r = self.rng
        body = core["body"]
        if raw:
            return body
        lab = core["label"]
        parts = []
        g_p = {"offensive": 0.0, "clean": 0.55, "chain_letter": 0.15}.get(lab, 0.3)
        if r.random() < g_p and not re.match(r"^(hi|hey|hello|hola|good|dear|estimad[oa]|buen[oa]s|gracias|thank|yes|ok)\b", body, re.I):
            parts += [r.choice(GREET_ES if es else GREET), ""]
        parts.append(body)
        s_p = {"offensive": 0.15, "clean": 0.7}.get(lab, 0.45)
        if r.random() < s_p:
            so = r.choice(SIGNOFF_ES if es else SIGNOFF)
            parts += ["", (so + author["first"]) if so == "-" else so + "\n" + author["first"]]
        formal = lab == "clean" and r.random() < 0.6 and client in ("outlook", "thunderbird", "webmail")
        parts += self.signature(author, client, es, formal)
        txt = "\n".join(parts)
        if lab != "clean" and client in ("iphone", "android") and r.random() < 0.12 and len(txt) < 400:
            txt = txt.lower()
        return txt

    def render(self, core, k, n):
        r = self.rng
        lab = core["label"]
        es = "es" in core["tags"]
        hd = hint_dir(core)
        # direction
        hd_clean = hd or "internal"
        if k == 0 and hd and (lab == "clean" or r.random() < 0.75):
            d = hd
        elif lab == "clean":
            if r.random() < 0.72:
                d = hd_clean
            else:
                d = "outbound" if hd_clean == "internal" else "internal"
        elif hd and r.random() < 0.4:
            d = hd
        else:
            d = wchoice(r, DIR_WEIGHTS[lab])
        if lab == "newsletter" and hd == "inbound" and d == "outbound":
            d = "internal"
        client = r.choice(CLIENTS)
        if lab == "newsletter" and d == "inbound":
            client = "esp"
        notes = []
        # participants
        if d == "inbound":
            sender = self.people.external(es, org=(lab == "clean" and r.random() < 0.5))
            rcpt = self.people.internal(es)
        elif d == "internal":
            sender = self.people.internal(es)
            rcpt = self.people.internal(es)
        else:
            sender = self.people.internal(es)
            rcpt = self.people.external(es, org=(lab == "clean" and r.random() < 0.5))
        date = self.date()
        subj = core["subject"]
        # wrapper choice
        if lab == "newsletter":
            if d == "inbound":
                wrap = "esp"
            elif d == "internal":
                wrap = "forward"
            else:
                wrap = "personal_bulk"
        else:
            fw_p = 0.7 if "fw" in core["tags"] else (0.3 if lab == "clean" else 0.2)
            x = r.random()
            if x < fw_p:
                wrap = "forward"
            elif x < fw_p + (0.25 if lab == "clean" else 0.15):
                wrap = r.choice(["reply_quote", "reply_top"])
            else:
                wrap = "none"
            if core["subject"].lower().startswith(("re:",)) and wrap == "none" and r.random() < 0.5:
                wrap = "reply_top"
            if lab == "clean" and d != hd_clean:
                wrap = "forward"
        raw = "raw" in core["tags"]
        lines_crlf = r.random() < 0.55
        extra_hdrs = []
        cc = None
        if wrap == "esp":
            return self.render_esp(core, rcpt, date, es, lines_crlf, d)
        if wrap == "personal_bulk":
            return self.render_personal_bulk(core, sender, date, es, lines_crlf, client)
        # attachment?
        att = None
        att_p = 0.45 if "att" in core["tags"] else (0.08 if lab != "offensive" else 0.03)
        if r.random() < att_p:
            att = self.pick_attachment(core)
        # obfuscation
        obf = None
        if lab not in ("clean", "newsletter") and r.random() < 0.07:
            obf = r.choice(["zwsp", "leet"])
            core = dict(core, body=obfuscate(core["body"], r, obf))
        if att and wrap == "reply_top":
            wrap = "none"
        # build text
        if wrap in ("forward", "reply_quote"):
            inner_from = (self.people.external(es) if (hd == "inbound" or r.random() < 0.4) else self.people.internal(es))
            if lab == "clean" and hd == "inbound":
                inner_from = self.people.external(es, org=r.random() < 0.4)
            elif lab == "clean":
                inner_from = self.people.internal(es)
            if lab == "newsletter" and core["saddr"]:
                inner_from = dict(name=core["sname"], addr=core["saddr"], first="", last="", title="", district="", phone="")
            inner_to = sender if wrap == "reply_quote" else self.people.internal(es) if r.random() < 0.6 else self.people.external(es)
            if wrap == "reply_quote" or (lab == "clean" and d == "inbound") or r.random() < 0.6:
                inner_to = sender
            elif lab == "clean":
                inner_to = self.people.external(es, org=r.random() < 0.4) if hd == "outbound" else (sender if r.random() < 0.5 else self.people.internal(es))
            inner_date = date - dt.timedelta(hours=r.randrange(1, 200), minutes=r.randrange(60))
            inner_body = self.author_text(core, inner_from, r.choice(CLIENTS), es, raw)
            if att:
                inner_body = r.choice(COVER_ES if es else COVER[lab])
            base_subj = re.sub(r"^((re|fw|fwd|rv)\s*:\s*)+", "", subj, flags=re.I)
            if wrap == "forward" and lab != "clean" and r.random() < 0.35:
                # nested forward chain
                p0 = self.people.external(es)
                inner_body = forward_block(r.choice(CLIENTS[3:]), p0, inner_from, "FW: " + base_subj,
                                           inner_date - dt.timedelta(days=r.randrange(1, 30)), inner_body)
                notes.append("nested-fw")
            inner_subj = subj if wrap == "forward" else base_subj
            if wrap == "forward":
                top = r.choice((OWN_FW_ES if es else OWN_FW)[lab])
                block = forward_block(client, inner_from, inner_to, inner_subj, inner_date, inner_body)
                pre = "FW: " if client == "outlook" else ("RV: " if es and r.random() < 0.5 else "Fwd: ")
                subj = subj if re.match(r"^(fw|fwd|rv)\s*:", subj, re.I) and r.random() < 0.5 else pre + subj
            else:
                top = r.choice((REPLY_LINE_ES if es else REPLY_LINE)[lab])
                block = reply_block(client, inner_from, inner_to, inner_subj, inner_date, inner_body)
                subj = "RE: " + base_subj if client == "outlook" else "Re: " + base_subj
            toplines = [top] if top else []
            toplines += self.signature(sender, client, es, lab == "clean" and client == "outlook" and r.random() < 0.5)
            text = "\n".join(toplines) + "\n\n" + block if toplines else block
            notes.append(wrap)
            if wrap == "reply_quote" and r.random() < 0.4:
                cc = self.people.internal(es) if d != "outbound" else self.people.external(es)
        elif wrap == "reply_top":
            q_from = rcpt
            q_date = date - dt.timedelta(hours=r.randrange(1, 72), minutes=r.randrange(60))
            own = self.author_text(core, sender, client, es, raw)
            if att:
                own = r.choice(COVER_ES if es else COVER[lab])
            q_subj = re.sub(r"^((re|fw|fwd|rv)\s*:\s*)+", "", subj, flags=re.I)
            q = r.choice(FILLER) + "\n\n" + q_from["first"]
            text = own + "\n\n" + reply_block(client, q_from, sender, q_subj, q_date, q)
            subj = ("RE: " if client == "outlook" else "Re: ") + q_subj
            notes.append("reply-top")
        else:
            text = self.author_text(core, sender, client, es, raw)
            if att:
                text = r.choice(COVER_ES if es else COVER[lab]) + ("\n\n" + sender["first"] if r.random() < 0.5 else "")
        if obf:
            notes.append("obf=" + obf)
        # bulk headers on agency newsletters / vendor newsletters (clean)
        if lab == "clean" and any(k2 in core["subject"] for k2 in BULK_CLEAN) and r.random() < 0.75:
            lid_dom = DOMAIN if d != "inbound" else sender["addr"].split("@")[1]
            extra_hdrs += ["List-Id: %s <%s.list.%s>" % (core["subject"].split(" - ")[0][:40], slugify(core["subject"])[:20].replace("_", "-"), lid_dom),
                           "Precedence: bulk",
                           "List-Unsubscribe: <mailto:leave-%x@lists.%s>" % (r.getrandbits(32), lid_dom)]
            notes.append("bulk-headers")
        # subject variants
        if lab != "clean" and r.random() < 0.05:
            subj = subj.upper()
        # body MIME structure
        form = self.pick_form(client, lab)
        body_mime = self.body_mime(client, form, text, es)
        if att:
            aname, actype, adata = self.make_attachment(core, att, es)
            body_mime = multipart("mixed", [body_mime, b64_part(actype, aname, adata)], self.boundary())
            notes.append("att=" + att)
        notes.append(form)
        # headers
        h = []
        h.append("From: %s" % addr_hdr(sender))
        h.append("To: %s" % addr_hdr(rcpt))
        if cc:
            h.append("Cc: %s" % addr_hdr(cc))
        h.append("Subject: %s" % enc_header(subj))
        h.append("Date: %s" % format_datetime(date))
        h.append("Message-ID: %s" % self.msgid(sender["addr"].split("@")[1], client))
        if wrap.startswith("reply"):
            h.append("In-Reply-To: %s" % self.msgid(rcpt["addr"].split("@")[1], client))
            h.append("Thread-Topic: %s" % enc_header(re.sub(r"^((re|fw|fwd|rv)\s*:\s*)+", "", subj, flags=re.I)))
        h.append("MIME-Version: 1.0")
        h += self.client_headers(client)
        h += extra_hdrs
        if d == "inbound":
            h.insert(0, "Received: from mail-%s (mail-%s [209.85.%d.%d])\n\tby mx1.%s with ESMTPS id %x\n\tfor <%s>; %s"
                     % (sender["addr"].split("@")[1], sender["addr"].split("@")[1], r.randrange(128, 255), r.randrange(1, 255),
                        DOMAIN, r.getrandbits(40), rcpt["addr"], format_datetime(date)))
        msg = "\n".join(h) + "\n" + body_mime
        if es:
            notes.append("lang=es")
        if "hn" in core["tags"]:
            notes.append("hard-negative")
        return msg, d, client, notes, lines_crlf, subj

    def client_headers(self, client):
        r = self.rng
        if client == "outlook":
            return ["X-Mailer: Microsoft Outlook 16.0", "Thread-Index: AQH%s" % base64.b64encode(r.getrandbits(96).to_bytes(12, "big")).decode(),
                    "Content-Language: en-us"]
        if client == "thunderbird":
            return ["User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.%d.0" % r.randrange(1, 9),
                    "Content-Language: en-US"]
        if client == "iphone":
            return ["X-Mailer: iPhone Mail (22%s%d)" % (r.choice("ABCDEF"), r.randrange(10, 99))]
        if client == "apple_mail":
            return ["X-Mailer: Apple Mail (2.3826.%d.1)" % r.randrange(100, 600)]
        if client == "android":
            return ["X-Mailer: Samsung Mail", "X-Priority: 3"] if r.random() < 0.5 else []
        if client == "webmail":
            return [r.choice(["X-Mailer: WebService/1.1.%d YMailNodin" % r.randrange(20000, 23000),
                              "User-Agent: Roundcube Webmail/1.6.%d" % r.randrange(1, 9)])]
        return []

    def pick_form(self, client, lab):
        r = self.rng
        if client == "outlook":
            return r.choice(["alternative", "alternative", "alternative", "html", "plain"])
        if client == "gmail":
            return r.choice(["alternative", "alternative", "plain"])
        if client in ("iphone", "apple_mail"):
            return r.choice(["plain", "plain", "alternative"])
        if client == "thunderbird":
            return r.choice(["plain", "plain", "html"])
        if client == "webmail":
            return r.choice(["html", "alternative"])
        return r.choice(["plain", "plain", "alternative"])

    def pick_cte(self, form_part):
        r = self.rng
        x = r.random()
        if form_part == "html":
            return "quoted-printable" if x < 0.6 else ("base64" if x < 0.75 else "auto")
        return "quoted-printable" if x < 0.2 else ("base64" if x < 0.32 else "auto")

    def body_mime(self, client, form, text, es):
        if form == "plain":
            extra = ["Content-Disposition: inline"] if client == "thunderbird" else None
            if client == "thunderbird" and self.rng.random() < 0.5:
                return text_part("text/plain", text, self.pick_cte("plain"), None).replace(
                    'charset="utf-8"', 'charset="UTF-8"; format=flowed')
            return text_part("text/plain", text, self.pick_cte("plain"), extra)
        h = to_html(client, text)
        if form == "html":
            return text_part("text/html", h, self.pick_cte("html"))
        return multipart("alternative", [text_part("text/plain", text, self.pick_cte("plain")),
                                         text_part("text/html", h, self.pick_cte("html"))], self.boundary())

    def pick_attachment(self, core):
        lab = core["label"]
        r = self.rng
        if lab == "gambling":
            return r.choice(["csv", "csv", "docx", "txt"])
        if lab == "solicitation":
            return r.choice(["docx", "docx", "html", "txt"])
        if lab == "chain_letter":
            return r.choice(["docx", "txt", "html"])
        if lab == "clean":
            return r.choice(["docx", "csv", "txt", "html"])
        return r.choice(["txt", "docx"])

    def make_attachment(self, core, kind, es):
        r = self.rng
        body = core["body"]
        base = slugify(core["subject"])[:24] or "document"
        paras = [p for p in body.split("\n") if p.strip()]
        if kind == "docx":
            return base + ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx_bytes([core["subject"]] + paras)
        if kind == "txt":
            return base + ".txt", "text/plain", ("\r\n".join([core["subject"], ""] + paras) + "\r\n").encode("utf-8")
        if kind == "html":
            h = "<html><body><h1>%s</h1>%s</body></html>" % (html.escape(core["subject"]), "".join("<p>%s</p>" % html.escape(p) for p in paras))
            return base + ".html", "text/html", h.encode("utf-8")
        # csv
        rows = [["Notes", body.replace("\n", " ")]]
        if core["label"] == "gambling" and "square" in body.lower():
            rows.append([""] + [str(i) for i in range(10)])
            for i in range(10):
                rows.append([str(i)] + [(r.choice(FIRST) if r.random() < 0.6 else "") for _ in range(10)])
        elif core["label"] == "gambling":
            rows.append(["Name", "Paid", "Pick", "Tiebreaker"])
            for _ in range(r.randrange(6, 18)):
                rows.append([r.choice(FIRST) + " " + r.choice(LAST)[0], r.choice(["Y", "Y", "N"]),
                             r.choice(["Mizzou", "Kansas", "Duke", "Houston", "UConn", "Auburn", "Chiefs", "Bills", "Cardinals"]),
                             str(r.randrange(90, 180))])
        elif core["label"] == "clean":
            rows.append(["Item", "Location", "Qty", "Amount"])
            for _ in range(r.randrange(4, 12)):
                rows.append([r.choice(["Cold mix", "Sign post", "Culvert pipe", "Salt", "Guardrail", "Cones", "Mower blade"]),
                             r.choice(TOWNS), str(r.randrange(1, 400)), "%.2f" % (r.randrange(100, 90000) / 10)])
        else:
            rows.append(["Name", "Item", "Qty", "Paid"])
            for _ in range(r.randrange(4, 12)):
                rows.append([r.choice(FIRST), r.choice(["1", "2", "3"]), str(r.randrange(1, 5)), r.choice(["cash", "Venmo", "check", ""])])
        out = io.StringIO()
        for row in rows:
            out.write(",".join('"%s"' % c.replace('"', '""') if ("," in c or '"' in c) else c for c in row) + "\r\n")
        return base + ".csv", "text/csv", out.getvalue().encode("utf-8")

    def render_esp(self, core, rcpt, date, es, crlf, d):
        r = self.rng
        dom = core["saddr"].split("@")[-1] if core["saddr"] else "news.example.com"
        sender = dict(name=core["sname"] or "News", addr=core["saddr"] or "news@" + dom, first="")
        unsub = "https://%s/unsubscribe?u=%x&id=%x" % (dom, r.getrandbits(40), r.getrandbits(32))
        esp, espk = r.choice(ESP)
        h = ["Return-Path: <bounce-%x@bounce.%s>" % (r.getrandbits(32), dom),
             "Received: from mta%d.%s (mta%d.%s [198.2.%d.%d])\n\tby mx1.%s with ESMTPS id %x\n\tfor <%s>; %s"
             % (r.randrange(1, 40), dom, r.randrange(1, 40), dom, r.randrange(128, 190), r.randrange(1, 255), DOMAIN, r.getrandbits(40), rcpt["addr"], format_datetime(date)),
             "From: %s" % formataddr((sender["name"], sender["addr"])),
             "Reply-To: %s" % ("no-reply@" + dom),
             "To: %s" % (rcpt["addr"] if r.random() < 0.6 else addr_hdr(rcpt)),
             "Subject: %s" % enc_header(core["subject"]),
             "Date: %s" % format_datetime(date),
             "Message-ID: <%x.%x@%s>" % (r.getrandbits(64), r.getrandbits(32), dom),
             "MIME-Version: 1.0",
             "List-Unsubscribe: <%s>, <mailto:unsubscribe-%x@%s?subject=unsubscribe>" % (unsub, r.getrandbits(32), dom),
             "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
             "List-Id: %s <%x.list-id.%s>" % (enc_header(sender["name"])[:60], r.getrandbits(40), dom),
             "Precedence: bulk",
             "X-Mailer: %s" % (esp % ("%x" % r.getrandbits(40)) if "%s" in esp else esp),
             "%s: %x" % (espk, r.getrandbits(64)),
             "Feedback-ID: %d:%d:%s:%s" % (r.randrange(1000, 99999), r.randrange(100, 9999), r.choice(["newsletter", "promo", "campaign"]), espk.split("-")[1].lower())]
        htmlb = newsletter_html(core, r, es, unsub)
        plain = core["body"] + "\n\n" + ("Cancelar suscripción: " if es else "Unsubscribe: ") + unsub + "\n"
        form = r.choice(["alternative", "alternative", "html"])
        if form == "html":
            body = text_part("text/html", htmlb, r.choice(["quoted-printable", "base64", "quoted-printable"]))
        else:
            body = multipart("alternative", [text_part("text/plain", plain, r.choice(["quoted-printable", "auto"])),
                                             text_part("text/html", htmlb, r.choice(["quoted-printable", "base64"]))], self.boundary())
        notes = ["esp-bulk", form] + (["lang=es"] if es else [])
        return "\n".join(h) + "\n" + body, d, "esp:" + esp.split(" ")[0].lower(), notes, crlf, core["subject"]

    def render_personal_bulk(self, core, sender, date, es, crlf, client):
        """Employee mails a church/club/side-business newsletter to external addresses."""
        r = self.rng
        n = r.randrange(3, 9)
        rcpts = [self.people.external(es) for _ in range(n)]
        intro = r.choice(["Hola a todos, aquí está el boletín de este mes." if es else "Hi everyone, here is this month's newsletter.",
                          "Aquí les va." if es else "Here you go, please share!",
                          "" if not es else "Saludos,",
                          "Hi all - see below." if not es else "Hola - ver abajo."])
        text = (intro + "\n\n" if intro else "") + core["body"] + "\n\n" + sender["first"]
        text += "\n".join([""] + self.signature(sender, client, es, False)) if client in ("iphone", "android") else ""
        to_hdr = "Undisclosed recipients:;" if r.random() < 0.35 else ",\n\t".join(addr_hdr(p) for p in rcpts)
        notes = ["personal-bulk"]
        form = r.choice(["alternative", "html", "plain"])
        body_mime = self.body_mime(client, form, text, es)
        if r.random() < 0.35:
            aname, actype, adata = self.make_attachment(core, "docx", es)
            body_mime = multipart("mixed", [text_part("text/plain", (intro or "Newsletter attached.") + "\n\n" + sender["first"], "auto"),
                                            b64_part(actype, aname, adata)], self.boundary())
            notes.append("att=docx")
        else:
            notes.append(form)
        h = ["From: %s" % addr_hdr(sender), "To: %s" % to_hdr]
        if to_hdr.startswith("Undisclosed"):
            pass
        elif r.random() < 0.4:
            h.append("Cc: %s" % addr_hdr(self.people.external(es)))
        h += ["Subject: %s" % enc_header(core["subject"]), "Date: %s" % format_datetime(date),
              "Message-ID: %s" % self.msgid(DOMAIN, client), "MIME-Version: 1.0"]
        h += self.client_headers(client)
        if es:
            notes.append("lang=es")
        return "\n".join(h) + "\n" + body_mime, "outbound", client, notes, crlf, core["subject"]


ABBR = {"hard-negative": "hn", "alternative": "alt", "lang=es": "es", "forward": "fw", "reply-top": "rtop",
        "reply_quote": "rq", "nested-fw": "fw2", "esp-bulk": "bulk", "personal-bulk": "pbulk",
        "bulk-headers": "listhdr", "plain": "txt", "html": "htm"}


CLIENT_ABBR = {"thunderbird": "tbird", "apple_mail": "apple", "esp:salesforce": "esp:sfmc", "esp:constant": "esp:ctct",
               "esp:mailchimp": "esp:mc", "esp:sendgrid": "esp:sg"}


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    root = sys.argv[1]
    outdir = os.path.join(root, SPLIT, SOURCE)
    os.makedirs(outdir, exist_ok=True)
    for f in sorted(os.listdir(outdir)):
        if f.endswith(".eml") or f == "labels.tsv":
            os.remove(os.path.join(outdir, f))
    rng = random.Random(SEED)
    ren = Renderer(rng)
    cores = all_cores()
    jobs = []
    for c in cores:
        es = "es" in c["tags"]
        if c["label"] == "clean":
            n = 3 if rng.random() < 0.1 and not es else 4
        else:
            n = 4 if es else rng.choice([3, 3, 4])
        for k in range(n):
            jobs.append((c, k, n))
    order = list(range(len(jobs)))
    rng.shuffle(order)
    labels = ["# labels for %s/%s - generated by tools/%s/gen.py (seed %d); group = core text id" % (SPLIT, SOURCE, SOURCE, SEED),
              "# note: fw=forwarded fw2=nested forward rq=reply quoting the core rtop=core above quoted thread "
              "att=attachment bulk=ESP bulk mail pbulk=personal mass mailing "
              "listhdr=List-Id on clean mail hn=hard negative es=Spanish obf=obfuscated"]
    for num, j in enumerate(order, 1):
        c, k, n = jobs[j]
        msg, d, client, notes, crlf, subj = ren.render(c, k, n)
        fname = "%04d_%s_%s.eml" % (num, c["label"], slugify(subj))
        data = msg if msg.endswith("\n") else msg + "\n"
        if crlf:
            data = data.replace("\r\n", "\n").replace("\n", "\r\n")
        with open(os.path.join(outdir, fname), "wb") as fh:
            fh.write(data.encode("utf-8"))
        notes = [ABBR.get(x, x) for x in notes if x not in ("plain", "html", "alternative")]
        client = CLIENT_ABBR.get(client, client)
        labels.append("%s\t%s\tgroup=%s; dir=%s; client=%s%s" % (fname, c["labels"], c["group"], d, client,
                                                                      ("; " + ",".join(notes)) if notes else ""))
    with open(os.path.join(outdir, "labels.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(labels) + "\n")
    print("wrote %d messages to %s" % (len(order), outdir))


if __name__ == "__main__":
    main()
