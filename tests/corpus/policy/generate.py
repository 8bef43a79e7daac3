#!/usr/bin/env python3
"""Writes the labelled content-policy corpus: NNN_name.eml files and labels.tsv.

    python3 tests/corpus/policy/generate.py [OUTDIR]     (default: this script's directory)

Deterministic (fixed seed). Every message is written to read like real department mail:
plain and HTML, short and long, replies with quoting, Outlook and Gmail forwards, attachments
(CSV, TXT, DOCX built with zipfile), obfuscated and not. About half are legitimate business
mail chosen to be hard for a content filter. The organisation is modot.mo.gov; mail from it
to an outside address is outbound, from outside is inbound.
"""
import base64
import io
import os
import random
import sys
import zipfile
from email.utils import formatdate

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
rng = random.Random(5)

STAFF = [("Alice Moreno", "alice.moreno"), ("Bob Tran", "bob.tran"), ("Carol Jenkins", "carol.jenkins"),
         ("Dave Whitfield", "dave.whitfield"), ("Erin Kowalski", "erin.kowalski"), ("Frank Ode", "frank.ode"),
         ("Grace Lindqvist", "grace.lindqvist"), ("Hector Ruiz", "hector.ruiz"), ("Irene Park", "irene.park"),
         ("Jamal Carter", "jamal.carter"), ("Kim Nguyen", "kim.nguyen"), ("Luis Ortega", "luis.ortega")]
DISTRICTS = ["Northwest", "Northeast", "Kansas City", "Central", "St. Louis", "Southwest", "Southeast"]
ROUTES = ["I-70", "I-44", "US 63", "US 36", "Route 13", "Route 65", "I-55", "US 54", "Route 7"]

messages = []  # (filename, labels, bytes)


def person(i=None):
    n, u = STAFF[rng.randrange(len(STAFF))] if i is None else STAFF[i % len(STAFF)]
    return n, u + "@modot.mo.gov"


def addr(name, a):
    return '"%s" <%s>' % (name, a) if name else a


def qp_safe(text):
    return text.replace("\n", "\r\n")


def build(frm, to, subject, body, html=False, headers=None, attachments=None, cc=None, date_i=[0]):
    date_i[0] += 1
    h = ["From: " + frm, "To: " + to]
    if cc:
        h.append("Cc: " + cc)
    h += ["Subject: " + subject,
          "Date: " + formatdate(1764000000 + date_i[0] * 3607, localtime=False),
          "Message-ID: <%d.%d@mail.modot.mo.gov>" % (date_i[0], rng.randrange(10 ** 8)),
          "MIME-Version: 1.0"]
    h += headers or []
    text_part = ("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
                 qp_safe(body))
    if html:
        paras = "".join("<p>%s</p>" % p.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>\n")
                        for p in body.split("\n\n"))
        html_doc = ('<html><head><style>p{font-family:Calibri}</style></head><body>%s</body></html>' % paras)
        alt = ("Content-Type: multipart/alternative; boundary=\"alt-b\"\r\n\r\n--alt-b\r\n" + text_part +
               "\r\n--alt-b\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
               b64(html_doc.encode()) + "\r\n--alt-b--\r\n")
        text_part = alt
    if attachments:
        parts = [text_part]
        for fname, ctype, data in attachments:
            parts.append("Content-Type: %s; name=\"%s\"\r\nContent-Disposition: attachment; filename=\"%s\"\r\n"
                         "Content-Transfer-Encoding: base64\r\n\r\n%s" % (ctype, fname, fname, b64(data)))
        msg = "\r\n".join(h) + "\r\nContent-Type: multipart/mixed; boundary=\"mix-b\"\r\n\r\n"
        msg += "".join("--mix-b\r\n" + p + "\r\n" for p in parts) + "--mix-b--\r\n"
    else:
        msg = "\r\n".join(h) + "\r\n" + text_part + "\r\n"
    return msg.encode("utf-8")


def b64(data):
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def docx(paragraphs):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        body = "".join('<w:p><w:r><w:t>%s</w:t></w:r></w:p>' % p.replace("&", "&amp;").replace("<", "&lt;")
                       for p in paragraphs)
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.'
                   'org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>' % body)
    return buf.getvalue()


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def quote(text, depth=1):
    return "\n".join(">" * depth + (" " + l if l else "") for l in text.split("\n"))


def outlook_fwd(note, name, a, subject, inner):
    return (note + "\n\n-----Original Message-----\nFrom: %s <%s>\nSent: Monday, November 16, 2026 9:12 AM\n"
            "To: Distribution List\nSubject: %s\n\n%s" % (name, a, subject, inner))


def gmail_fwd(note, name, a, subject, inner):
    return (note + "\n\n---------- Forwarded message ---------\nFrom: %s <%s>\nDate: Thu, Nov 12, 2026 at 4:40 PM\n"
            "Subject: %s\n\n%s" % (name, a, subject, inner))


def sig(name):
    return "\n\n%s\n%s District | Missouri Department of Transportation\n573-555-%04d" % (
        name, rng.choice(DISTRICTS), rng.randrange(10000))


def add(label, name, msg):
    messages.append((name, label, msg))


def internal(label, name, subject, body, **kw):
    fn, fa = kw.pop("sender", None) or person()
    tn, ta = kw.pop("rcpt", None) or person()
    add(label, name, build(addr(fn, fa), addr(tn, ta), subject, body + sig(fn), **kw))


# ---------------------------------------------------------------------------------------
# chain_letter
CHAIN_BODIES = [
    "This is a true story. Forward this to 10 people within the next hour and good luck will come to you. "
    "A woman in Ohio ignored it and lost her job the next week. Do not break the chain!",
    "Send this to 7 friends and your wish will come true tonight. If you delete it you will have 7 years of bad luck. "
    "It really works, it happened to my cousin.",
    "WARNING!!! If you receive an email titled \"Dancing Pumpkin\" do not open it! It will erase your hard drive. "
    "This is not a hoax, it was on the news and confirmed by Microsoft. Please warn everyone on your contact list!",
    "Bill Gates is sharing his fortune. Microsoft and AOL will donate 5 cents for every person you send this to. "
    "I was skeptical too but my neighbor got a check. Forward this message to everyone!",
    "A little girl is very sick and her family cannot pay for the operation. For every person you send this to, "
    "the hospital will donate 10 cents. Please don't break the chain, it only takes a second.",
    "Sign the petition to keep God on our money. Add your name to the list and forward it to everyone you know. "
    "When you get to the 500th name please send it to the address at the bottom.",
    "An angel is watching over you. Send this to 12 people in the next 10 minutes and something good will happen "
    "tomorrow. Ignore this and you will have bad luck for a year.",
    "This prayer chain started in 1987 and has never been broken. Pass this on to everyone you love. "
    "Those who broke the chain had misfortune within days.",
]
OBFUSCATE = [
    lambda s: s,
    lambda s: s.replace("chain", "c.h.a.i.n").replace("luck", "l u c k"),
    lambda s: s.replace("chain", "ch@in").replace("forward", "f0rward").replace("Forward", "F0rward"),
    lambda s: s.replace("o", "\u043e", 4).replace("a", "\u0430", 3),   # Cyrillic look-alikes
    lambda s: s.replace("luck", "lu\u00adck").replace("chain", "ch\u200bain").replace("people", "peo\u200dple"),
    lambda s: s.upper(),
]
for i in range(18):
    body = OBFUSCATE[i % len(OBFUSCATE)](CHAIN_BODIES[i % len(CHAIN_BODIES)])
    fn, fa = person(i)
    subj = rng.choice(["Fw: FW: Fw: Fwd: read this!!", "FW: Fw: FW: please read", "Fwd: Fwd: Fwd: you must read",
                       "Fw: pass it along", "must read", "FW: true story", "This really works!!", "RE: FW: Fw: wow"])
    if i % 3 == 0:
        body = outlook_fwd("Thought you would like this one.", "Pat Grimes", "pgrimes@yahoo.com", "FW: amazing",
                           quote(body))
    elif i % 3 == 1:
        body = gmail_fwd("FYI", "Linda Marsh", "lmarsh1962@aol.com", "Fwd: please read", body)
    internal("chain_letter", "chain_%02d" % i, subj, body, sender=(fn, fa), html=(i % 4 == 2))
# jokes forwarded with a chain request
for i in range(3):
    internal("chain_letter", "chain_joke_%d" % i, "FW: Fw: Fw: too funny not to share",
             "Joke of the day, this made my day lol.\n\nA trucker walks into a diner... (you have to read this)\n\n"
             "Forward this to 5 friends who need a good laugh!")

# ---------------------------------------------------------------------------------------
# solicitation
SOL = [
    ("2015 Honda Civic for sale", "I'm selling my 2015 Honda Civic, 98k miles, new tires, runs great. Asking price "
     "$9,500 or best offer. Text me at 573-555-0142 if interested. Cash only, pick up only."),
    ("Girl Scout cookies!", "It's that time of year again! My daughter is selling Girl Scout cookies for her troop's "
     "fundraiser. Thin Mints, Samoas, Tagalongs - $5 a box. The order form is on my desk in room 214. Orders due Friday!"),
    ("Scentsy party this Saturday", "Hi all! I'm hosting a party for Scentsy this Saturday and you're all invited. "
     "If you can't make it you can still place your orders through my link. Independent consultant since 2019!"),
    ("Extra income opportunity", "Are you tired of living paycheck to paycheck? Be your own boss and earn extra "
     "income from home! I joined my team last year and now have residual income. Ground floor opportunity - "
     "message me for details."),
    ("Moving sale", "We're moving to Columbia next month so everything must go. Couch $150, dining table $200, "
     "washer and dryer $300 for the pair. Call me at 555-0199. First come first served!"),
    ("Raffle tickets for band boosters", "I'm selling raffle tickets for my son's band fundraiser - $10 each or 3 for "
     "$25. The prize is a Yeti cooler. Venmo me or stop by my cube."),
    ("Lawn care - discount for state employees", "Spring is coming! My lawn care business is booking now. Free "
     "estimates and a discount for state employees - just mention this email. Call me or text 573-555-0110."),
    ("Pampered Chef catalog party", "My sister is doing a Pampered Chef catalog party and I said I'd pass the "
     "catalog around the office. Place your orders with me by the 20th. Cash or check, thanks!"),
    ("Anyone want to buy season tickets?", "I have two Mizzou football season tickets I can't use this year. "
     "Anyone want to buy them? $400 for the pair, or best offer. Email me at my personal address."),
    ("Etsy shop launch!", "I finally opened my Etsy shop! Handmade earrings and keychains. Use promo code MODOT15 "
     "for 15% off. Please share with your families - it means a lot to my small business."),
]
for i in range(16):
    subj, body = SOL[i % len(SOL)]
    if i >= len(SOL):
        body = body.replace("selling", "s e l l i n g" if i % 2 else "se11ing").replace("for sale", "f.o.r s.a.l.e")
        subj = "RE: " + subj
        body = "Still available if anyone is interested!\n\n" + quote(body)
    rcpt = ("All District Staff", "d%d.staff@modot.mo.gov" % (i % 7 + 1))
    internal("solicitation", "solicit_%02d" % i, subj, body, rcpt=rcpt, html=(i % 3 == 1))

# the violation only inside an attachment: a DOCX flyer and a TXT sign-up sheet
internal("solicitation", "solicit_docx_flyer", "flyer", "Please see the attached flyer, thanks!",
         attachments=[("flyer.docx", DOCX, docx(["MOVING SALE - everything must go!",
                                                 "Couch $150, dining table $200. Asking price firm. Text me at 573-555-0199.",
                                                 "Cash only, pick up only."]))])
internal("gambling", "gamble_txt_sheet", "sheet attached", "Sign-up sheet attached.",
         attachments=[("squares.txt", "text/plain", b"SUPER BOWL SQUARES\n$20 per square, winner takes all each "
                                                     b"quarter.\nPay Gus by Friday.\n")])

# ---------------------------------------------------------------------------------------
# gambling
GAMB = [
    ("Super Bowl squares", "Super Bowl squares are up on the board in the break room. $10 per square, winner takes "
     "all each quarter. Pay Jamal by Friday."),
    ("March Madness bracket pool", "Office pool time! Bracket challenge, buy-in is $20, payout to the top 3. "
     "Send me your bracket by Thursday noon."),
    ("Fantasy football league", "We're starting a fantasy football league for the district. Entry fee is $50, "
     "the pot gets split between first and second. Draft is Aug 28."),
    ("Derby pool", "Kentucky Derby pool - $5 a ticket, draw a horse at random. Winner take all."),
    ("Game bets", "Taking bets on the Chiefs game. Spread is -3.5, over/under 47. Venmo only. Odds are 3 to 1 on "
     "the upset."),
    ("Powerball", "Powerball is at $900 million. Lottery pool for anyone who wants in, $5 per entry, we split the "
     "pot evenly. Copies of the tickets will be emailed."),
]
for i in range(15):
    subj, body = GAMB[i % len(GAMB)]
    if i >= 6:
        body = body.replace("pool", "p00l" if i % 2 else "p.o.o.l").replace("bets", "b3ts")
    if i >= 12:
        body = "Reminder below!\n\n" + quote(body, 2)
        subj = "RE: RE: " + subj
    internal("gambling", "gamble_%02d" % i, subj, body, html=(i % 4 == 3))

# ---------------------------------------------------------------------------------------
# newsletter (inbound bulk, and internal bulletins by content)
NL_SENDERS = [("Bass Pro Deals", "deals@email.basspro.com", "Weekend deals: up to 50% off fishing gear"),
              ("Cabela's", "news@e.cabelas.com", "Your November outdoor newsletter"),
              ("Recipes Daily", "hello@recipesdaily.com", "5 slow-cooker dinners for busy weeknights"),
              ("Chiefs Kingdom", "newsletter@chiefs-fanmail.com", "Chiefs Insider: playoff push"),
              ("Wine Club", "club@vinovault.com", "This month's picks are here"),
              ("Golf Digest", "newsletters@golfdigest.com", "Fix your slice in 3 steps")]
for i in range(12):
    n, a, s = NL_SENDERS[i % len(NL_SENDERS)]
    rn, ra = person(i)
    hdrs = ["List-Unsubscribe: <mailto:unsub-%d@%s>, <https://%s/u?id=%d>" % (i, a.split("@")[1], a.split("@")[1], i),
            "Precedence: bulk" if i % 2 == 0 else "List-Id: <weekly.%s>" % a.split("@")[1]]
    if i % 3 == 0:
        hdrs.append("X-Mailer: MailChimp Mailer - **CID123abc**")
    body = ("View this email in your browser\n\n%s\n\nShop the sale, read our top stories and more.\n\n"
            "You are receiving this email because you signed up at our website. Unsubscribe | Update your preferences"
            % s)
    add("newsletter", "newsletter_in_%02d" % i, build(addr(n, a), addr(rn, ra), s, body, html=True, headers=hdrs))
BULLETINS = [
    ("St. Mary's Parish bulletin", "Here is this week's church bulletin. Fish fry Friday at 5, choir practice "
     "Wednesday, and Sunday school registration is open."),
    ("Troop 214 newsletter", "Scout troop news: troop meeting moved to Tuesday, the pack meeting is at the "
     "elementary gym, and cub scout popcorn money is due."),
    ("Lincoln Elementary PTA newsletter", "PTA newsletter for November: bake sale on the 14th, booster club "
     "meeting, and mark your calendars for the winter concert."),
    ("Neighborhood newsletter", "HOA newsletter: the pool closes for the season, upcoming events include a chili "
     "cook-off and the holiday light contest."),
]
for i in range(6):
    subj, body = BULLETINS[i % len(BULLETINS)]
    if i >= 4:
        body = "Sharing this with the office in case anyone goes to our parish/school.\n\n" + body
    internal("newsletter", "newsletter_bulletin_%02d" % i, subj, body, html=(i % 2 == 0),
             attachments=[("bulletin.docx", DOCX, docx([subj, body]))] if i == 5 else None)

# ---------------------------------------------------------------------------------------
# offensive
OFF = [
    ("RE: meeting", "That was the most useless f***ing meeting I've ever been to. The contractor is full of shit."),
    ("you", "You are worthless and everybody in the office knows it. Shut your mouth next time, you stupid idiot."),
    ("lol check this", "Check out these nude pics from the party lmao. Don't show HR. xxx"),
    ("whatever", "Tell that b1tch in accounting to fix my reimbursement or I swear. What a jackass."),
    ("FW: this", "Hot singles in your area! Watch the sex video here, totally free porn no signup."),
    ("re: parking", "Some asshole parked in my spot again. Piss off with the excuses, fix the damn gate."),
    ("friday", "Who the f u c k scheduled a meeting at 4:30 on a Friday. Bullsh!t."),
    ("RE: RE: the new guy", "He should go back to your country is what I told him. Those people are animals."),
]
for i in range(16):
    subj, body = OFF[i % len(OFF)]
    if i >= 8:
        body = body.replace("shit", "sh\u0456t").replace("worthless", "w\u043erthless").replace("porn", "p0rn")
        body = "lol\n\n" + quote(body)
    internal("offensive", "offensive_%02d" % i, subj, body, html=(i % 5 == 4))

# ---------------------------------------------------------------------------------------
# personal_data (outbound to external recipients)
SSNS = ["212-45-6789", "401-22-1234", "518-66-0419", "078-12-3344", "332-19-8765", "145-72-9051", "287-30-4412",
        "509-81-2277", "623-14-5580", "455-09-3316", "340-55-1029", "219-48-7734", "160-27-4490", "371-62-8053",
        "598-13-6621", "264-90-3108", "432-71-5592", "117-38-2045", "356-44-9910", "489-25-6637", "302-18-7764"]
CARDS = ["4111 1111 1111 1111", "5500-0000-0000-0004", "3400 000000 00009", "6011 0000 0000 0004",
         "4012 8888 8888 1881"]
ROUTING = ["011000015", "021000021", "071000013", "081000210", "101000019"]
EXT = [("Jen Holloway", "jholloway@centurytitleco.com"), ("Benefits Desk", "benefits@lincolnfinancialgrp.com"),
       ("Mark Stein", "mstein@steinlaw.com"), ("Dana Price", "dana.price@gmail.com")]
for i in range(16):
    fn, fa = person(i)
    tn, ta = EXT[i % len(EXT)]
    att = None
    if i % 4 == 0:
        body = ("Per our call, here is the employee's info for the claim: %s, SSN %s, DOB 03/14/1971." %
                ("Robert Haines", SSNS[i]))
    elif i % 4 == 1:
        body = "Please charge the conference registration to my card: Visa %s, exp 08/28, CVV 123." % CARDS[i % 5]
    elif i % 4 == 2:
        body = ("For the direct deposit change: routing number %s, account number 4455667788. Social security "
                "number %s." % (ROUTING[i % 5], SSNS[i]))
    else:
        rows = "\n".join("%s,%s,%s" % (STAFF[k % len(STAFF)][0], SSNS[(i + k) % len(SSNS)], rng.choice(DISTRICTS))
                         for k in range(6 if i < 12 else 21 if i == 15 else 8))
        att = [("roster.csv", "text/csv", ("name,ssn,district\n" + rows + "\n").encode())]
        body = "Attached is the roster you asked for. Let me know if you need anything else."
    add("personal_data", "pii_%02d" % i, build(addr(fn, fa), addr(tn, ta), "Requested information", body + sig(fn),
                                                attachments=att, html=(i % 3 == 2)))

# ---------------------------------------------------------------------------------------
# auto_forward (internal mailbox auto-forwarded outside)
AF_HDRS = [["Auto-Submitted: auto-forwarded", "X-MS-Exchange-Inbox-Rules-Loop: %s"],
           ["X-Autoforwarded: true", "Resent-From: %s"],
           ["X-MS-Exchange-Inbox-Rules-Loop: %s", "X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent"],
           ["Auto-Submitted: auto-forwarded"]]
AF_DEST = ["dwhitfield77@gmail.com", "carol.j@yahoo.com", "myhomeaccount@outlook.com", "ek1990@icloud.com",
           "hruiz@ruizconsulting.com"]
for i in range(14):
    fn, fa = person(i)
    hdrs = [h % fa if "%s" in h else h for h in AF_HDRS[i % len(AF_HDRS)]]
    inner_subject = rng.choice(["Bridge inspection schedule", "Budget revisions FY27", "Snow route assignments",
                                "Contract 24-118 change order", "Staff meeting notes"])
    body = ("%s\n\nHi team, attached are the updated figures for %s. Please review before Thursday." %
            (inner_subject, rng.choice(ROUTES)))
    add("auto_forward", "autofwd_%02d" % i, build(addr(fn, fa), AF_DEST[i % len(AF_DEST)], "FW: " + inner_subject,
                                                  body, headers=hdrs))

# ---------------------------------------------------------------------------------------
# social_network (inbound registration/verification)
SOC = [("Facebook", "security@facebookmail.com", "123456 is your Facebook code",
        "Hi %s,\n\nWe received a request to create an account. Enter the following confirmation code: 123456\n\n"
        "Welcome to Facebook. If you didn't sign up, let us know."),
       ("Instagram", "no-reply@mail.instagram.com", "Confirm your email address for Instagram",
        "Hi %s, you recently created an Instagram account. Confirm your email address to finish signing up."),
       ("LinkedIn", "security-noreply@linkedin.com", "Please verify your email address",
        "%s, please verify your email to activate your account on LinkedIn. Thanks for joining!"),
       ("X", "verify@x.com", "Confirm your email address",
        "Welcome to X, %s! Confirm your email address with this verification code: 884213."),
       ("TikTok", "no-reply@account.tiktok.com", "Your TikTok verification code",
        "Your verification code is 552910. Use it to complete your registration. Welcome to TikTok, %s!"),
       ("Pinterest", "confirm@account.pinterest.com", "Please confirm your email",
        "Welcome to Pinterest, %s! Confirm your account so you can start saving ideas.")]
for i in range(12):
    n, a, s, b = SOC[i % len(SOC)]
    rn, ra = person(i)
    add("social_network", "social_%02d" % i,
        build(addr(n, a), addr(rn, ra), s, b % rn.split()[0], html=(i % 2 == 1),
              headers=["Precedence: bulk"] if i >= 6 else None))

# =======================================================================================
# Legitimate mail, chosen to be hard.
LEGIT = []


def legit(name, subject, body, **kw):
    LEGIT.append(name)
    internal("clean", name, subject, body, **kw)


legit("chain_of_command", "Chain of command during winter operations",
      "All supervisors: during winter operations, follow the chain of command for any route closure decision. "
      "Forward this to your crew leaders so everyone has it before the first storm. Questions go to your district "
      "maintenance engineer, not directly to Central Office.", sender=("Director Patrick McKenna", "director@modot.mo.gov"))
legit("chain_of_custody", "Chain of custody forms for core samples",
      "Reminder that every core sample needs a chain of custody form signed at each hand-off. The lab will reject "
      "samples with a broken chain. Please share this with your inspectors.")
legit("supply_chain", "Supply chain delays - guardrail",
      "Our guardrail supplier reports supply chain delays of 6-8 weeks. Good luck getting end terminals before "
      "spring; we are checking the state contract for alternates.")
legit("chain_saw_training", "Chainsaw safety training - sign up",
      "Chain saw safety training is Thursday at the Jefferson City shed. Bring your PPE. Pass it on to anyone on "
      "the tree crew who missed the last session.")
legit("surplus_auction", "State surplus property auction - December",
      "The Office of Administration will hold a surplus property auction on December 9. Items for sale include "
      "2014 Ford F-250 trucks, a John Deere mower, and office furniture. Vehicles sell to the highest bidder, "
      "minimum bid $500. Inspection Monday 9-3. Payment by cashier's check only.",
      sender=("State Surplus Property", "surplus@oa.mo.gov"))
legit("surplus_auction_2", "FW: Surplus auction list",
      outlook_fwd("Sharing the OA list in case the district wants to bid on the loaders.", "State Surplus Property",
                  "surplus@oa.mo.gov", "Surplus auction list",
                  "Lot 14: Caterpillar 938 loader, asking price per reserve $18,000.\nLot 15: pallet of office chairs, "
                  "for sale as-is.\nCall the surplus office at 573-751-3415 with questions."),
      sender=("Purchasing", "purchasing@modot.mo.gov"))
legit("procurement_prices", "Request for quote - traffic cones and barrels",
      "Please send a quote for the following by Nov 30 (RFQ number 3005-27-114):\n\n"
      "  500 traffic cones, 28 in, reflective - est. $18.50 each\n  200 drums with lights - est. $62.00 each\n\n"
      "Delivery to the Central District warehouse. Contact me at 573-555-0134 with questions. This is a request "
      "for quote only, not a purchase order.")
legit("procurement_po", "Purchase order 4500128871 - salt",
      "Purchase order 4500128871 was issued for 2,400 tons of road salt at $71.25/ton under state contract "
      "SC-2026-RS. Contact me at extension 4411 if the vendor calls about delivery windows.")
legit("official_newsletter", "MoDOT Connections - November employee newsletter",
      "This month in the department newsletter: bridge bundle progress, a profile of the Southwest District "
      "striping crew, benefits open enrollment reminders, and upcoming events across the districts. "
      "Read the full newsletter on the intranet.", sender=("MoDOT Communications", "comms@modot.mo.gov"))
legit("retirement_party", "Retirement celebration for Gary Stoltz",
      "Please join us in celebrating Gary Stoltz's retirement after 31 years with the department! Cake and coffee "
      "in the district conference room Friday at 2pm. A card is at the front desk for anyone who would like to sign.")
legit("retirement_lunch", "Retirement lunch for Deb - RSVP",
      "We're having a lunch at Prison Brews on the 18th for Deb's retirement, everyone pays for their own meal. "
      "RSVP to me by Tuesday so I can give the restaurant a head count.")
legit("form_numbers", "Forms needed for the bridge permit",
      "Please complete form 123-45-6789 (Oversize/Overweight Permit Application) and form 402-17-3388 "
      "(Route Survey). Case 221-40-1187 is pending in the permit office.")
legit("ssn_policy", "Reminder: never e-mail social security numbers",
      "HR reminder: do not send social security numbers or bank routing numbers by e-mail. Use the secure "
      "upload in the HR portal. Form 900-12-4455 is the current version of the W-4 supplement; the old one "
      "is retired.")
legit("part_numbers", "Parts order for the Kansas City shop",
      "Please order part 4111-2222-3333 (hydraulic hose) and part 5500 000 0000 (filter kit). Invoice "
      "991-23-4567 should reference work order 77214.")
legit("phone_list", "Updated on-call phone list",
      "On-call this weekend: Northwest 660-555-0112, Kansas City 816-555-0199, Central 573-555-0154. "
      "Radio channel 4. Contract 5115-67-0023.")
legit("invoice_numbers", "Invoices for October",
      "Invoices 412-33-9012, 412-33-9013 and 412-33-9014 are approved for payment. Tracking 1Z999AA10123456784.")
legit("luck_meeting", "Good luck on the PE exam!",
      "Good luck to Erin and Hector who sit for the PE exam on Friday. We're all rooting for you.")
legit("pool_inspection", "Pool inspection at the rest area",
      "The rest area at mile 104 has a retention pool that needs inspection after the storm. Entry fee waived for "
      "state vehicles at the county lot.")
legit("car_pool", "Carpool to the TRB conference",
      "Anyone want to carpool to the TRB conference in Washington? We'll split the gas. The state car pool has two "
      "vans available.")
legit("odds_traffic", "Crash data - odds ratios",
      "The safety study found an odds ratio of 2.3 for wet-pavement crashes on the curve. The odds of a "
      "lane-departure crash drop sharply with rumble strips.")
legit("bracket_steel", "Bracket detail for sign structure",
      "The bracket detail on sheet 14 is wrong. The steel bracket needs a 3/4 in bolt. Buy-in from the fabricator "
      "is needed before we change it.")
legit("pool_fleet", "Motor pool vehicle checkout",
      "Motor pool vehicles must be checked out through the fleet system. The payout for mileage reimbursement is "
      "now 65.5 cents per mile.")
legit("fundraiser_charity", "State employees charitable campaign kickoff",
      "The Missouri State Employees Charitable Campaign kicks off Monday. Pledges are made through the official "
      "payroll deduction form on the intranet.", sender=("MoDOT Communications", "comms@modot.mo.gov"))
legit("bid_opening", "Bid opening results - Route 13 bridge",
      "Bid opening results for Route 13 bridge rehabilitation: low bid $4,215,880 from Emery Sapp & Sons. "
      "Invitation for bid IFB number 2612-004. Contact me with questions.")
legit("sale_of_right_of_way", "Excess right of way for sale - parcel 17",
      "The Commission approved the sale of excess right of way, parcel 17 on US 54. The appraised value is "
      "$42,000; it will be offered by sealed bid per department policy. Request for proposal attached.",
      attachments=[("parcel17.txt", "text/plain",
                    b"Parcel 17, US 54, 0.84 acres. Sealed bids due January 12. Minimum bid $42,000.\n")])
legit("scouting_report", "Scouting report - pavement conditions",
      "Attached is the scouting report for the pavement condition survey. The troop of inspectors covered 212 "
      "miles.")
legit("bulletin_board", "Safety bulletin: work zone speed",
      "Safety bulletin #14: work zone speed enforcement starts Monday on I-70. Post this bulletin on the crew "
      "board.")
legit("church_street", "Church Street closure",
      "Church Street will be closed between 3rd and 5th for the sewer project. Detour via Main. The church "
      "parking lot will remain open.")
legit("virus_warning_it", "IT Security: phishing warning",
      "IT Security warns of a phishing campaign using fake DocuSign messages. Do not open attachments you did "
      "not expect. Report suspicious mail with the Report button.", sender=("IT Security", "itsecurity@modot.mo.gov"))
legit("forward_policy", "Please forward to your crews",
      "Please forward this to all your crew members: the new timesheet codes take effect December 1. Send "
      "questions to payroll.")
legit("cocktail_hazard", "Hazmat cocktail spill response",
      "Reminder that the hazmat 'cocktail' of diesel and hydraulic fluid at the Sedalia yard must be cleaned "
      "up by the contractor. Scunthorpe Steel delivered the Essex girders on Tuesday.")
legit("assessment", "Class assessment results",
      "The bridge class assessment results are in. The assessor flagged the Cockrell Road culvert; Dick Hubbard "
      "will follow up.")
legit("hell_creek", "Hell Creek bridge replacement",
      "The Hell Creek bridge replacement is on schedule. The Dixon bypass project hit a snag with the utility "
      "relocation.")
legit("analysis_ass", "Analysis of assumptions",
      "Please review the analysis of the traffic assumptions in the Glasgow study. Class of 2026 interns start "
      "Monday.")
legit("sex_offender_registry", "Sex offender registry check for contractors",
      "Per the contract, the prime contractor must run a sex offender registry check for workers at the school "
      "zone project. Verify with the Highway Patrol.")
legit("kill_switch", "Kill switch on the new message boards",
      "The new dynamic message boards have a kill switch in the cabinet. Damn near every unit we tested "
      "works fine.")
legit("xxx_placeholder", "Draft letter template",
      "In the draft letter template replace the XXX placeholders with the county name before sending.")
legit("hardcore_fill", "Hardcore fill for the shoulder",
      "Use hardcore fill for the shoulder base per the special provision. Sub-base compaction tests are due.")
legit("deposit_form", "Direct deposit form",
      "To change your direct deposit, use the secure HR portal. Do not e-mail your bank account number or "
      "routing number.")
legit("avon_project", "Avon Road intersection",
      "The Avon Road intersection improvements are at 60% plans. Public meeting is at the Avon community center.")
legit("work_from_home", "Telework agreement reminder",
      "Employees who work from home under a telework agreement must renew it by January 31 through their supervisor.")
legit("giving_tuesday", "Holiday food drive",
      "The district is collecting canned goods for the food bank through December 15. Drop-off boxes are in the "
      "lobby. Thank you for your generosity!", sender=("MoDOT Communications", "comms@modot.mo.gov"))
legit("long_report", "Quarterly maintenance report",
      "\n\n".join("Section %d. %s: %s crews completed %d lane-miles of resurfacing and %d culvert repairs. "
                  "Overtime was %d hours. Equipment downtime was mostly due to %s." %
                  (k, rng.choice(ROUTES), rng.choice(DISTRICTS), rng.randrange(5, 80), rng.randrange(1, 20),
                   rng.randrange(10, 400), rng.choice(["hydraulics", "tires", "electrical", "the plow hitches"]))
                  for k in range(1, 30)), html=True)
legit("reply_thread", "RE: RE: Striping schedule",
      "Works for me, thanks.\n\n" + quote("Can we move the striping on Route 65 to Tuesday? The forecast is bad "
                                          "on Monday.\n\n" + quote("Striping crew schedule attached.")))
legit("fw_fw_project", "FW: FW: FW: Route 7 utility relocation",
      "See the thread below; AT&T still has not moved the line.\n\n" +
      outlook_fwd("", "Utility Coordinator", "utilities@modot.mo.gov", "FW: FW: Route 7",
                  quote("The relocation is three weeks behind. Please escalate.")))
legit("docx_minutes", "Meeting minutes",
      "Minutes attached.", attachments=[("minutes.docx", DOCX,
                                          docx(["Staff meeting minutes", "Attendees: district engineers",
                                                "Discussion of the chain of command for emergency closures.",
                                                "Budget: $1.2 million for bridge deck sealing."]))])
legit("csv_inventory", "Sign inventory",
      "Inventory attached.", attachments=[("signs.csv", "text/csv",
                                           b"sign_id,route,milepost\n123-45-6789,US 63,12.4\n402-17-3388,I-70,88.1\n")])
legit("newsletter_from_fhwa", "FHWA Innovator newsletter - November",
      "The latest Innovator newsletter covers every-day counts, bridge preservation and work zone safety. "
      "Unsubscribe at any time.", sender=("FHWA", "innovator@fhwa.dot.gov"),
      html=True, headers=["List-Unsubscribe: <mailto:unsubscribe@fhwa.dot.gov>", "Precedence: bulk"])
legit("govdelivery_bulletin", "Missouri Highway Patrol news release",
      "News release: Troop F reminds drivers of the move-over law. Manage your subscription on GovDelivery.",
      sender=("MSHP", "mshp@public.govdelivery.com"),
      headers=["List-Unsubscribe: <https://public.govdelivery.com/u>", "Precedence: bulk", "List-Id: <mshp.govdelivery>"])
legit("vendor_quote_reply", "RE: Quote for LED fixtures",
      "Thanks Bob, $245.00 per fixture is within budget. Please send the formal quote on letterhead and I'll "
      "route it to purchasing. Call me if the lead time changes.")
legit("safety_poster_joke", "Safety moment",
      "Safety moment: a good laugh is fine but horseplay near equipment is not. Keep three points of contact.")
legit("facebook_page_policy", "Department Facebook page guidance",
      "Reminder: only Communications staff post to the department Facebook and Twitter pages. Do not register "
      "personal social accounts with your department e-mail address.", sender=("MoDOT Communications", "comms@modot.mo.gov"))
legit("linkedin_mention", "Congrats to the bridge team",
      "The bridge bundle team was featured in ENR this week and the article is going around on LinkedIn. Great work.")
legit("bank_statement_internal", "P-card reconciliation",
      "P-card statements for October are due. Card numbers must never be written in full; use the last four digits "
      "only, e.g. ending 1111.")
legit("routing_slip", "Routing slip for contract 26-004",
      "The routing slip for contract 26-004 goes to legal, then the chief engineer. Transit time is usually two days. "
      "Reference 021000021 is the contract file number in the old system.")
legit("auto_reply_internal", "Automatic reply: Out of office",
      "I am out of the office until Monday with limited access to e-mail. For urgent matters contact the district office.",
      headers=["Auto-Submitted: auto-replied"])
legit("internal_forward_rule", "FW: Snow route assignments",
      "Snow route assignments for the Central District are attached to the SharePoint site.",
      headers=["Auto-Submitted: auto-forwarded", "X-MS-Exchange-Inbox-Rules-Loop: frank.ode@modot.mo.gov"])
legit("price_list_internal", "Equipment rental rates",
      "Updated equipment rental rates: skid steer $210/day, mini excavator $340/day. Contact me at extension 2231 "
      "with questions about the rate schedule.")
legit("party_planning_safety", "Holiday potluck in the shop",
      "The shop potluck is on the 19th at noon. Sign-up sheet for dishes is on the fridge. No cost; just bring a "
      "dish if you can.")
legit("selling_points", "Selling points for the bond issue briefing",
      "For the legislative briefing, the main selling points are safety, freight reliability and local match. "
      "Please send me your district's best example.")
legit("offer_letter", "Offer letter for the engineer position",
      "HR has approved the offer letter for the Engineer II position. Please let me know if the candidate accepts "
      "the offer by Friday.")
legit("bet_on_weather", "Weather outlook for the pour",
      "My bet is we lose Tuesday to rain, so plan the deck pour for Wednesday. The contractor agrees.")
legit("cash_only_toll", "Ferry fares",
      "Reminder that the Dorena-Hickman ferry takes cash only on weekends. Staff traveling on business get "
      "reimbursed through the travel system.")
legit("obo_acronym", "OBO coordination",
      "OBO (Office of Bridge Operations) needs the load ratings by Friday.")
legit("hoa_right_of_way", "HOA complaint about right of way",
      "The homeowners association on Pine Ridge sent a complaint about mowing in the right of way. Please have the "
      "area supervisor call the HOA president.")
legit("school_zone", "School zone signals",
      "The school zone flashers near Lincoln Elementary are out. The PTA president called the district office. "
      "Please send a signal tech.")
legit("church_detour", "Detour past First Baptist Church",
      "Sunday morning traffic at First Baptist Church will use the detour; place message boards Saturday night.")
legit("scout_project", "Eagle Scout project at the rest area",
      "A local Eagle Scout asked to build benches at the rest area as his service project. Please review the "
      "attached sketch and let me know if right-of-way permits are needed.")
legit("ssn_last4", "Benefits enrollment confirmation",
      "Your benefits enrollment is confirmed. For verification we used the last four digits of your SSN (ending "
      "6789) only.")
legit("long_html_newsletter_internal", "Central District Dispatch - December",
      "Central District Dispatch, our district's monthly update. Road work: 14 projects finished. People: welcome "
      "to three new maintenance workers. Safety: 120 days without a lost-time injury.",
      sender=("MoDOT Communications", "comms@modot.mo.gov"), html=True)
legit("obituary", "Sad news",
      "It is with great sadness that we share the passing of retired district engineer Tom Fairchild. Visitation is "
      "Friday at Dulle-Trimble. Cards can be sent to the family.")
legit("covid_policy", "Leave policy update",
      "Leave policy update: donated leave requests now go through the HR portal. Do not forward this to external "
      "addresses.")
legit("forward_to_team", "Timesheet codes",
      "Please forward this to 5 people on your team who enter timesheets, and send it to two other supervisors if "
      "they missed the training.")
legit("forward_to_section", "Building closure Friday",
      "Please forward this to everyone in your section. The building closes at noon Friday for HVAC work.")
legit("bad_luck_weather", "Bad luck with the weather",
      "Bad luck with the rain this week; the striping is pushed to Monday. Pass it on to the crews.")
legit("fleet_asking_price", "Fleet auction prices",
      "For the fleet auction the asking price is set by OA. Vehicles sell as-is. Contact me at ext 2210.")
legit("contract_award", "Contract award notification",
      "Contract 2611-003 was awarded to Capital Paving at $2,114,560. The pre-construction conference is Dec 3.")

# Outbound legitimate mail with numbers (should not be personal data)
def legit_out(name, subject, body, rcpt, **kw):
    LEGIT.append(name)
    fn, fa = person()
    add("clean", name, build(addr(fn, fa), addr(*rcpt), subject, body + sig(fn), **kw))


legit_out("out_permit_numbers", "Your oversize permit",
          "Your oversize permit 123-45-6789 is approved for the route described. Escort required.",
          ("Trucking Dispatch", "dispatch@heartlandhaul.com"))
legit_out("out_ssn_secure_partner", "Wage report correction",
          "The corrected wage record for SSN 212-45-6789 is attached as discussed.", ("SSA Liaison", "liaison@ssa.gov"))
legit_out("out_encrypted", "Employee record", "", ("Jen Holloway", "jholloway@centurytitleco.com"))
# replace the last one with a real S/MIME-enveloped message
messages.pop()
LEGIT.pop()
fn, fa = person()
enc = ("From: %s\r\nTo: jholloway@centurytitleco.com\r\nSubject: Employee record\r\nDate: %s\r\nMessage-ID: <enc1@modot"
       ".mo.gov>\r\nMIME-Version: 1.0\r\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data; "
       "name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=smime.p7m\r\n\r\n"
       "%s\r\n" % (addr(fn, fa), formatdate(1764000000), b64(bytes(rng.randrange(256) for _ in range(900)))))
LEGIT.append("out_encrypted")
add("clean", "out_encrypted", enc.encode())
legit_out("out_vendor_quote", "Quote request",
          "Please quote 40 LED barricade lights, est. $38.00 each. Call me at 573-555-0188. RFQ number 3005-27-201.",
          ("Sales", "sales@trafficsafetyco.com"))
legit_out("out_invoice", "Invoice question",
          "Invoice 412-33-9012 for $12,400 shows the wrong PO. Please reissue against PO 4500128871.",
          ("AR", "ar@capitalpaving.com"))
legit_out("out_conference", "Conference registration",
          "Please register me for the conference. The department will pay by P-card; our procurement office will call "
          "you with the card details.", ("Registration", "register@ite.org"))
legit_out("out_reply_citizen", "RE: Pothole on Route 13",
          "Thank you for reporting the pothole on Route 13 near mile 22. A crew will patch it this week. Reference "
          "number 518-66-0419.", ("Citizen", "jsmith1955@gmail.com"))

# Inbound legitimate bulk/business mail
def legit_in(name, frm, subject, body, headers=None, **kw):
    LEGIT.append(name)
    rn, ra = person()
    add("clean", name, build(addr(*frm), addr(rn, ra), subject, body, headers=headers, **kw))


legit_in("in_aashto", ("AASHTO Journal", "journal@transportation.org"), "AASHTO Journal weekly",
         "This week: federal funding update, bridge preservation, and the annual meeting. Unsubscribe.",
         headers=["List-Unsubscribe: <mailto:leave@transportation.org>", "Precedence: bulk"], html=True)
legit_in("in_vendor_reply", ("Tom Becker", "tbecker@emerysapp.com"), "RE: Route 13 schedule",
         "We can start the deck pour Wednesday if the weather holds. I'll call the inspector tomorrow.")
legit_in("in_citizen", ("Mary Ellis", "mellis@centurytel.net"), "Thank you",
         "I want to thank the crew that cleared our road during the ice storm. You folks are great. God bless.")
legit_in("in_linkedin_job", ("Recruiter", "recruiter@hntb.com"), "Bridge engineer role",
         "I saw your profile on LinkedIn and wanted to reach out about a bridge engineer role at HNTB.")
legit_in("in_weather", ("NWS St. Louis", "w-lsx@nws.noaa.gov"), "Winter storm watch",
         "Winter storm watch for east central Missouri Thursday night. 4-7 inches of snow possible.",
         headers=["Precedence: bulk", "List-Id: <lsx.nws.noaa.gov>"])
legit_in("in_contractor_invoice", ("Billing", "billing@capitalpaving.com"), "Invoice 2026-1142",
         "Invoice 2026-1142 for $84,210.00 is attached for the Route 54 resurfacing. Payment terms net 30.")
legit_in("in_facebook_ad_help", ("Pat Larson", "plarson@columbiamissourian.com"), "Question about detour",
         "Our readers on Facebook are asking about the I-70 detour. Can you confirm the dates?")

labels = {}
os.makedirs(OUT, exist_ok=True)
for old in os.listdir(OUT):
    if old.endswith(".eml"):
        os.remove(os.path.join(OUT, old))
with open(os.path.join(OUT, "labels.tsv"), "w") as lf:
    lf.write("# file\texpected categories (comma-separated) or clean\n")
    for k, (name, label, data) in enumerate(messages):
        fname = "%03d_%s.eml" % (k, name)
        with open(os.path.join(OUT, fname), "wb") as f:
            f.write(data)
        lf.write("%s\t%s\n" % (fname, label))
n_clean = sum(1 for m in messages if m[1] == "clean")
print("wrote %d messages (%d legitimate) to %s" % (len(messages), n_clean, OUT))
