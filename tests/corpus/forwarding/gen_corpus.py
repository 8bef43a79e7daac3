#!/usr/bin/env python3
"""Writes the forwarding corpus (issue 17): forwards by intended recipients and by people who
were not, in each client's style, plain and HTML, nested, localized, Bcc cases only the
journal settles (journal.tsv), replies, and automatic forwards to outside mail services with
their manual look-alikes. `ordinance eval` reads labels.tsv, journal.tsv and FILE.envelope.

    python3 gen_corpus.py            writes . (the tuning half)
    python3 gen_corpus.py --holdout  writes holdout/ (other templates and people; never tuned on)

The output is committed; the script is how it was made and how to make more.
"""
import os
import sys

DOM = "modot.mo.gov"
P = {  # key: (display "First Last", "Last, First", address)
    "alice": ("Alice Smith", "Smith, Alice", f"alice@{DOM}"),
    "bob": ("Bob Jones", "Jones, Bob", f"bob@{DOM}"),
    "carol": ("Carol Miller", "Miller, Carol", f"carol@{DOM}"),
    "dave": ("Dave Brown", "Brown, Dave", f"dave@{DOM}"),
    "erin": ("Erin Garcia", "Garcia, Erin", f"erin@{DOM}"),
    "director": ("Office of the Director", "Director, Office of the", f"director@{DOM}"),
    "vendor": ("Sam Vendor", "Vendor, Sam", "sam@acme-supply.com"),
    "partner": ("Pat Partner", "Partner, Pat", "pat@cityofkc.org"),
    "d4m": ("District 4 managers", "District 4 managers", f"district4-managers@{DOM}"),
}

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


class Orig:
    def __init__(self, n, sender, to, cc=(), subject=None, day=2):
        self.n = n
        self.sender, self.to, self.cc = sender, list(to), list(cc)
        self.subject = subject or f"Bridge inspection schedule {n}"
        self.day = day  # November 2026
        self.mid = f"<orig-{n}@{DOM}>" if P[sender][2].endswith(DOM) else f"<orig-{n}@acme-supply.com>"
        self.body = f"The inspection for structure A-{100 + n} moves to the {self.day + 7}th. Crews meet at the district yard."

    def date_rfc(self):
        return f"{DAYS[(self.day - 2) % 5][:3]}, {self.day} Nov 2026 09:14:00 -0600"


def name_addr(k, form="first"):
    first, last_first, addr = P[k]
    if form == "first":
        return f"{first} <{addr}>"
    if form == "outlook":
        return f"{last_first} <{addr}>"
    if form == "outlook_mailto":
        return f"{last_first} [mailto:{addr}]"
    if form == "name":  # Exchange-internal: display name only
        return last_first
    if form == "notes":
        return first + "/MODOT@MODOT" if addr.endswith(DOM) else addr
    if form == "addr":
        return addr
    if form == "angle":
        return f"<{addr}>"
    raise ValueError(form)


def people(keys, form, sep):
    return sep.join(name_addr(k, form) for k in keys)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- blocks: (plain text, html or None) for one original -------------------------------------

def outlook(o, form="outlook", sep="; ", mark="-----Original Message-----",
            f=("From", "Sent", "To", "Cc", "Subject"), date=None):
    date = date or f"{DAYS[(o.day - 2) % 5]}, November {o.day}, 2026 9:14 AM"
    lines = [mark, f"{f[0]}: {name_addr(o.sender, form)}", f"{f[1]}: {date}", f"{f[2]}: {people(o.to, form, sep)}"]
    if o.cc:
        lines.append(f"{f[3]}: {people(o.cc, form, sep)}")
    lines.append(f"{f[4]}: {o.subject}")
    return "\n".join(lines) + "\n\n" + o.body + "\n"


def outlook_html(o, form="outlook"):
    date = f"{DAYS[(o.day - 2) % 5]}, November {o.day}, 2026 9:14 AM"
    cc = f"<br>\n<b>Cc:</b> {esc(people(o.cc, form, '; '))}" if o.cc else ""
    return (f'<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in">\n'
            f'<p class="MsoNormal"><b>From:</b> {esc(name_addr(o.sender, form))}<br>\n<b>Sent:</b> {date}<br>\n'
            f'<b>To:</b> {esc(people(o.to, form, "; "))}{cc}<br>\n<b>Subject:</b> {esc(o.subject)}</p></div>\n'
            f'<p class="MsoNormal">{esc(o.body)}</p>\n')


def gmail(o, mark="---------- Forwarded message ---------", f=("From", "Date", "Subject", "To", "Cc")):
    lines = [mark, f"{f[0]}: {name_addr(o.sender)}", f"{f[1]}: {DAYS[(o.day - 2) % 5][:3]}, Nov {o.day}, 2026 at 9:14 AM",
             f"{f[2]}: {o.subject}", f"{f[3]}: {people(o.to, 'first', ', ')}"]
    if o.cc:
        lines.append(f"{f[4]}: {people(o.cc, 'first', ', ')}")
    return "\n".join(lines) + "\n\n\n" + o.body + "\n"


def gmail_html(o):
    first, _, addr = P[o.sender]
    to = ", ".join(f'{P[k][0]} &lt;<a href="mailto:{P[k][2]}">{P[k][2]}</a>&gt;' for k in o.to)
    cc = ", ".join(f'&lt;<a href="mailto:{P[k][2]}">{P[k][2]}</a>&gt;' for k in o.cc)
    return (f'<div dir="ltr"><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>'
            f'From: <strong class="gmail_sendername" dir="auto">{first}</strong> <span dir="auto">&lt;<a href="mailto:{addr}">{addr}</a>&gt;</span><br>'
            f'Date: {DAYS[(o.day - 2) % 5][:3]}, Nov {o.day}, 2026 at 9:14 AM<br>Subject: {esc(o.subject)}<br>To: {to}<br>'
            + (f'Cc: {cc}<br>' if o.cc else '') +
            f'</div><br><br><div dir="ltr">{esc(o.body)}</div></div></div>\n')


def apple(o, quote=False, mark="Begin forwarded message:", f=("From", "Subject", "Date", "To", "Cc")):
    lines = [f"{f[0]}: {name_addr(o.sender)}", f"{f[1]}: {o.subject}",
             f"{f[2]}: November {o.day}, 2026 at 9:14:00 AM CST", f"{f[3]}: {people(o.to, 'first', ', ')}"]
    if o.cc:
        lines.append(f"{f[4]}: {people(o.cc, 'first', ', ')}")
    lines += ["", o.body]
    if quote:
        lines = ["> " + l if l else ">" for l in lines]
    return mark + "\n\n" + "\n".join(lines) + "\n"


def apple_html(o):
    def row(k, v):
        return f'<div style="margin: 0px;"><span style="font-family: -webkit-system-font;"><b>{k}: </b></span><span style="font-family: -webkit-system-font;">{v}<br></span></div>'
    rows = [row("From", esc(name_addr(o.sender))), row("Subject", f"<b>{esc(o.subject)}</b>"),
            row("Date", f"November {o.day}, 2026 at 9:14:00 AM CST"), row("To", esc(people(o.to, 'first', ', ')))]
    if o.cc:
        rows.append(row("Cc", esc(people(o.cc, 'first', ', '))))
    return ('<html><body><div><br><div><blockquote type="cite"><div>Begin forwarded message:</div><br>'
            + "".join(rows) + f'<br><div>{esc(o.body)}</div></blockquote></div></div></body></html>\n')


def thunderbird(o, mark="-------- Forwarded Message --------", f=("Subject", "Date", "From", "To", "CC")):
    lines = [mark, f"{f[0]}: \t{o.subject}", f"{f[1]}: \t{o.date_rfc()}", f"{f[2]}: \t{name_addr(o.sender)}",
             f"{f[3]}: \t{people(o.to, 'first', ', ')}"]
    if o.cc:
        lines.append(f"{f[4]}: \t{people(o.cc, 'first', ', ')}")
    return "\n\n\n" + "\n".join(lines) + "\n\n\n\n" + o.body + "\n"


def thunderbird_html(o, mark="-------- Forwarded Message --------", f=("Subject", "Date", "From", "To", "CC")):
    def row(k, v):
        return f'<tr><th valign="BASELINE" nowrap="nowrap" align="RIGHT">{k}: </th><td>{v}</td></tr>'
    rows = [row(f[0], esc(o.subject)), row(f[1], o.date_rfc()), row(f[2], esc(name_addr(o.sender))),
            row(f[3], esc(people(o.to, 'first', ', ')))]
    if o.cc:
        rows.append(row(f[4], esc(people(o.cc, 'first', ', '))))
    return ('<html><body><p><br></p><div class="moz-forward-container"><br><br>' + mark +
            '<table class="moz-email-headers-table" border="0" cellspacing="0" cellpadding="0"><tbody>' + "".join(rows) +
            f'</tbody></table><br><p>{esc(o.body)}</p></div></body></html>\n')


def notes(o, by="dave"):
    lines = [f"----- Forwarded by {P[by][0]}/MODOT on 11/{o.day + 1:02d}/2026 10:02 AM -----", "",
             f"From:\t{name_addr(o.sender, 'notes')}", f"To:\t{people(o.to, 'notes', ', ')}",
             f"cc:\t{people(o.cc, 'notes', ', ')}", f"Date:\t11/{o.day:02d}/2026 09:14 AM", f"Subject:\t{o.subject}",
             "", o.body]
    return "\n".join(lines) + "\n"


STYLES_A = {
    "outlook": lambda o: (outlook(o), None),
    "outlook_html": lambda o: (None, outlook_html(o)),
    "outlook_names": lambda o: (outlook(o, form="name"), None),
    "gmail": lambda o: (gmail(o), None),
    "gmail_html": lambda o: (None, gmail_html(o)),
    "apple": lambda o: (apple(o), None),
    "apple_html": lambda o: (None, apple_html(o)),
    "thunderbird": lambda o: (thunderbird(o), None),
    "thunderbird_html": lambda o: (None, thunderbird_html(o)),
    "notes": lambda o: (notes(o), None),
    "es_outlook": lambda o: (outlook(o, mark="-----Mensaje original-----", f=("De", "Enviado el", "Para", "CC", "Asunto"),
                                     date=f"lunes, {o.day} de noviembre de 2026 9:14"), None),
    "fr_outlook": lambda o: (outlook(o, mark="-----Message d'origine-----", f=("De ", "Envoy\u00e9 ", "\u00c0 ", "Cc ", "Objet "),
                                     date=f"lundi {o.day} novembre 2026 09:14"), None),
    "de_outlook": lambda o: (outlook(o, mark="-----Urspr\u00fcngliche Nachricht-----", f=("Von", "Gesendet", "An", "Cc", "Betreff"),
                                     date=f"Montag, {o.day}. November 2026 09:14"), None),
}
STYLES_B = {  # the held-out half: other client versions, spellings and languages
    "outlook_mailto": lambda o: (outlook(o, form="outlook_mailto"), None),
    "outlook_new": lambda o: (outlook(o, mark="_" * 32), None),
    "outlook_html_names": lambda o: (None, outlook_html(o, form="name")),
    "gmail_cc_plain_html": lambda o: (gmail(o), gmail_html(o)),
    "apple_quoted": lambda o: (apple(o, quote=True), None),
    "thunderbird_html_plain": lambda o: (thunderbird(o), thunderbird_html(o)),
    "yahoo": lambda o: (gmail(o, mark="----- Forwarded Message -----"), None),
    "notes_by_bob": lambda o: (notes(o, by="bob"), None),
    "es_gmail": lambda o: (gmail(o, mark="---------- Mensaje reenviado ---------", f=("De", "Date", "Subject", "To", "Cc")), None),
    "fr_apple": lambda o: (apple(o, mark="D\u00e9but du message r\u00e9exp\u00e9di\u00e9 :", f=("De", "Objet", "Date", "\u00c0", "Cc")), None),
    "de_thunderbird": lambda o: (None, thunderbird_html(o, mark="-------- Weitergeleitete Nachricht --------",
                                                         f=("Betreff", "Datum", "Von", "An", "Kopie (CC)"))),
    "de_gmail": lambda o: (gmail(o, mark="---------- Weitergeleitete Nachricht ---------", f=("Von", "Date", "Subject", "To", "Cc")), None),
}


# --- messages ---------------------------------------------------------------------------------

class Corpus:
    def __init__(self, out):
        self.out = out
        self.labels = []
        self.journal = []
        self.n = 0
        os.makedirs(out, exist_ok=True)

    def write(self, name, raw, label, comment, envelope=None):
        self.n += 1
        fname = f"{self.n:03d}_{name}.eml"
        with open(os.path.join(self.out, fname), "w", newline="\r\n") as fh:
            fh.write(raw)
        if envelope:
            with open(os.path.join(self.out, fname + ".envelope"), "w") as fh:
                fh.write("".join(f"{k}={v}\n" for k, v in envelope))
        self.labels.append(f"{fname}\t{label}\t{comment}")

    def journal_add(self, o, rcpts, with_mid=True):
        self.journal.append("\t".join([o.mid if with_mid else "-", P[o.sender][2], ",".join(rcpts),
                                       f"2026-11-{o.day:02d}", o.subject]))

    def finish(self):
        with open(os.path.join(self.out, "labels.tsv"), "w") as fh:
            fh.write("# file\texpected categories or clean\twhat it is\n" + "\n".join(self.labels) + "\n")
        with open(os.path.join(self.out, "journal.tsv"), "w") as fh:
            fh.write("# MESSAGE-ID\tSENDER\tRECIPIENTS\tDATE\tSUBJECT: what the journal recorded of the originals\n"
                     + "\n".join(self.journal) + "\n")


def headers(frm, to, subject, mid, extra=()):
    h = [f"From: {frm}", f"To: {to}", f"Subject: {subject}", "Date: Tue, 10 Nov 2026 10:30:00 -0600",
         f"Message-ID: {mid}", "MIME-Version: 1.0"]
    h += list(extra)
    return "\n".join(h) + "\n"


def forward_message(fwd, to, prefix, block, note, mid, rfc822=None, extra=()):
    plain, html = block if block else (None, None)
    frm = name_addr(fwd)
    subj = f"{prefix} {rfc822.subject if rfc822 else note[1]}"
    intro = note[0]
    if rfc822 is not None:
        b = "=_mixed_" + mid.strip("<>").split("@")[0]
        orig = (f"From: {name_addr(rfc822.sender)}\nTo: {people(rfc822.to, 'first', ', ')}\n"
                + (f"Cc: {people(rfc822.cc, 'first', ', ')}\n" if rfc822.cc else "")
                + f"Subject: {rfc822.subject}\nDate: {rfc822.date_rfc()}\nMessage-ID: {rfc822.mid}\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=utf-8\n\n" + rfc822.body + "\n")
        return (headers(frm, to, subj, mid, extra) + f'Content-Type: multipart/mixed; boundary="{b}"\n\n'
                f"--{b}\nContent-Type: text/plain; charset=utf-8\n\n{intro}\n\n"
                f'--{b}\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename="original.eml"\n\n'
                f"{orig}\n--{b}--\n")
    if plain is not None and html is not None:
        b = "=_alt_" + mid.strip("<>").split("@")[0]
        return (headers(frm, to, subj, mid, extra) + f'Content-Type: multipart/alternative; boundary="{b}"\n\n'
                f"--{b}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{intro}\n\n{plain}\n"
                f"--{b}\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
                f"<html><body><p>{esc(intro)}</p>{html}</body></html>\n--{b}--\n")
    if html is not None:
        return (headers(frm, to, subj, mid, extra) + "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
                f"<html><body><p>{esc(intro)}</p>{html}</body></html>\n")
    return (headers(frm, to, subj, mid, extra) + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
            f"{intro}\n\n{plain or ''}")


NOTE = ("FYI, see below.", "")
PREFIX = {"es_outlook": "RV:", "fr_outlook": "TR:", "de_outlook": "WG:", "es_gmail": "Fwd:", "fr_apple": "TR :",
          "de_thunderbird": "WG:", "de_gmail": "Fwd:", "gmail": "Fwd:", "gmail_html": "Fwd:", "apple": "Fwd:",
          "apple_html": "Fwd:", "apple_quoted": "Fwd:", "thunderbird": "Fwd:", "thunderbird_html": "Fwd:",
          "thunderbird_html_plain": "Fwd:", "yahoo": "Fwd:", "gmail_cc_plain_html": "Fwd:"}


def forwarding_cases(c, styles, people_sets, base):
    """Per style: the forwarder in To, in Cc, the sender, in a group, not a recipient (two)."""
    n = base
    for style, render in styles.items():
        pfx = PREFIX.get(style, "FW:")
        s, r1, r2, outsider = people_sets[n % len(people_sets)]
        # 1. in To: forwards it on
        o = Orig(n, s, [r1], [r2]); n += 1
        c.write(f"{style}_to_legit", forward_message(r1, name_addr("erin"), pfx, render(o), NOTE, f"<f{n}@{DOM}>"),
                "clean", f"{style}: the forwarder is in the original To")
        # 2. in Cc
        o = Orig(n, s, [r1], [r2]); n += 1
        c.write(f"{style}_cc_legit", forward_message(r2, name_addr("erin"), pfx, render(o), NOTE, f"<f{n}@{DOM}>"),
                "clean", f"{style}: the forwarder is in the original Cc")
        # 3. not a recipient
        o = Orig(n, s, [r1], [r2]); n += 1
        c.write(f"{style}_nonrecipient", forward_message(outsider, name_addr("erin"), pfx, render(o), NOTE, f"<f{n}@{DOM}>"),
                "forward_by_nonrecipient", f"{style}: {outsider} forwards mail sent to {r1} and {r2}")
        # 4. not a recipient, forwarding to outside
        o = Orig(n, s, [r1]); n += 1
        c.write(f"{style}_nonrecipient_out", forward_message(outsider, name_addr("partner", "addr"), pfx, render(o), NOTE,
                                                             f"<f{n}@{DOM}>"),
                "forward_by_nonrecipient", f"{style}: {outsider} forwards {r1}'s mail outside")
        # 5. its own sender forwards it
        o = Orig(n, r1, [s]); n += 1
        c.write(f"{style}_sender_legit", forward_message(r1, name_addr("erin"), pfx, render(o), NOTE, f"<f{n}@{DOM}>"),
                "clean", f"{style}: the forwarder sent the original")
    return n


def special_cases(c, styles, n, holdout):
    st = list(styles.items())
    pick = lambda i: st[i % len(st)]
    # Groups: sent to district4-managers (carol is a member).
    for i in range(3):
        style, render = pick(i * 3 + (1 if holdout else 0))
        o = Orig(n, "alice", ["d4m"]); n += 1
        c.write(f"group_member_{style}", forward_message("carol", name_addr("erin"), PREFIX.get(style, "FW:"), render(o), NOTE,
                                                         f"<f{n}@{DOM}>"), "clean", f"{style}: carol is a member of the group it went to")
        o = Orig(n, "alice", ["d4m"]); n += 1
        c.write(f"group_outsider_{style}", forward_message("erin", name_addr("bob"), PREFIX.get(style, "FW:"), render(o), NOTE,
                                                           f"<f{n}@{DOM}>"), "forward_by_nonrecipient",
                f"{style}: erin is in no group it went to")
    # Bcc: only the journal knows. By Message-ID (attached original) and by sender, date, subject.
    for i in range(4):
        o = Orig(n, "alice", ["bob"]); n += 1
        c.journal_add(o, [P["bob"][2], P["carol"][2]])
        c.write("bcc_rfc822_legit", forward_message("carol", name_addr("erin"), "Fw:", None, ("Forwarding the attached.", ""),
                                                    f"<f{n}@{DOM}>", rfc822=o), "clean",
                "carol was in Bcc: the journal has her as a recipient (Message-ID)")
        o = Orig(n, "alice", ["bob"]); n += 1
        c.journal_add(o, [P["bob"][2], P["carol"][2]])
        c.write("bcc_rfc822_nonrecipient", forward_message("dave", name_addr("erin"), "Fw:", None, ("Forwarding the attached.", ""),
                                                           f"<f{n}@{DOM}>", rfc822=o), "forward_by_nonrecipient",
                "dave: the journal has bob and carol, not him (Message-ID)")
        style, render = pick(i + (5 if holdout else 0))
        o = Orig(n, "alice", ["bob"]); n += 1
        c.journal_add(o, [P["bob"][2], P["carol"][2]], with_mid=False)
        c.write(f"bcc_inline_legit_{style}", forward_message("carol", name_addr("erin"), PREFIX.get(style, "FW:"), render(o), NOTE,
                                                             f"<f{n}@{DOM}>"), "clean",
                f"{style}: carol in Bcc, found by sender, date and subject")
        o = Orig(n, "alice", ["bob"]); n += 1
        c.journal_add(o, [P["bob"][2], P["carol"][2]], with_mid=False)
        c.write(f"bcc_inline_nonrecipient_{style}", forward_message("dave", name_addr("erin"), PREFIX.get(style, "FW:"), render(o),
                                                                    NOTE, f"<f{n}@{DOM}>"), "forward_by_nonrecipient",
                f"{style}: dave; the journal's recipients are bob and carol")
    # Attached originals without a journal record.
    for legit in (True, False):
        for k in range(2):
            o = Orig(n, "vendor" if k else "alice", ["bob"], ["carol"] if k else []); n += 1
            fwd = "bob" if legit else "dave"
            c.write(f"rfc822_{'legit' if legit else 'nonrecipient'}", forward_message(fwd, name_addr("erin"), "Fw:", None,
                                                                                      ("See attached.", ""), f"<f{n}@{DOM}>", rfc822=o),
                    "clean" if legit else "forward_by_nonrecipient", f"attached original, forwarder {fwd}")
    # Nested: a forward of a forward.
    for i in range(3):
        style, render = pick(i * 2 + (3 if holdout else 0))
        inner = Orig(n, "alice", ["bob"]); n += 1
        mid_fw = Orig(n, "bob", ["erin"], subject="FW: " + inner.subject); n += 1
        plain_in, html_in = render(inner)
        plain_mid, html_mid = render(mid_fw)
        blk = ((plain_mid or "") + "\n" + (plain_in or "") if plain_mid else None,
               (html_mid or "") + (html_in or "") if html_mid else None)
        c.write(f"nested_legit_{style}", forward_message("erin", name_addr("carol"), PREFIX.get(style, "FW:"), blk, NOTE,
                                                         f"<f{n}@{DOM}>"), "clean",
                f"{style}: erin got it from bob, who was a recipient")
        inner = Orig(n, "alice", ["bob"]); n += 1
        mid_fw = Orig(n, "dave", ["erin"], subject="FW: " + inner.subject); n += 1
        plain_in, html_in = render(inner)
        plain_mid, html_mid = render(mid_fw)
        blk = ((plain_mid or "") + "\n" + (plain_in or "") if plain_mid else None,
               (html_mid or "") + (html_in or "") if html_mid else None)
        c.write(f"nested_broken_{style}", forward_message("erin", name_addr("carol"), PREFIX.get(style, "FW:"), blk, NOTE,
                                                          f"<f{n}@{DOM}>"), "forward_by_nonrecipient",
                f"{style}: erin got it from dave, who was not a recipient")
    # Replies: not forwards, even with quoted headers and even by someone not in the To.
    replies = [
        ("Re: Bridge inspection schedule", "Thanks, noted.\n\nOn Mon, Nov 2, 2026 at 9:14 AM Alice Smith <alice@modot.mo.gov> wrote:\n> The inspection moves.\n> Crews meet at the yard.\n"),
        ("RE: Bridge inspection schedule", "Agreed.\n\n" + outlook(Orig(900, "alice", ["bob"]))),
        ("AW: Haushalt", "Danke.\n\n" + outlook(Orig(901, "alice", ["bob"]), mark="-----Urspr\u00fcngliche Nachricht-----",
                                                f=("Von", "Gesendet", "An", "Cc", "Betreff"))),
        ("Re: Budget", "Sounds good.\n\nLe lun. 2 nov. 2026 \u00e0 09:14, Alice Smith <alice@modot.mo.gov> a \u00e9crit :\n> Budget attached.\n"),
        ("RE: Road closures", "See my notes inline.\n\n> From: Alice\n> the closures list\n"),
        ("Re: schedule", "El lun, 2 nov 2026 a las 9:14, Alice Smith (<alice@modot.mo.gov>) escribi\u00f3:\n> Horario\n\nGracias.\n"),
    ]
    for i, (subj, body) in enumerate(replies if not holdout else replies[::-1]):
        replier = ["dave", "erin", "carol"][i % 3]
        raw = headers(name_addr(replier), name_addr("alice"), subj, f"<r{n}@{DOM}>") + \
            "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + body
        n += 1
        c.write("reply", raw, "clean", f"a reply by {replier} ({subj.split(':')[0]}): not a forward")
    if not holdout:
        # Mail that came through a list names the list: without the journal nobody can say who
        # got it -- the weak finding (tag), never a hold.
        lst = ("From: Highway News <news@transportation-weekly.org>\nTo: subscribers@transportation-weekly.org\n"
               "List-Id: <subscribers.transportation-weekly.org>\nSubject: Weekly highway news\n"
               f"Date: Mon, 2 Nov 2026 07:00:00 -0600\nMessage-ID: <news{n}@transportation-weekly.org>\n"
               "Content-Type: text/plain\n\nThis week: paving season wraps up.\n")
        b = f"=_mixed_list{n}"
        raw = (headers(name_addr("erin"), name_addr("bob"), "Fw: Weekly highway news", f"<l{n}@{DOM}>") +
               f'Content-Type: multipart/mixed; boundary="{b}"\n\n--{b}\nContent-Type: text/plain\n\nSee attached.\n\n'
               f"--{b}\nContent-Type: message/rfc822\n\n{lst}\n--{b}--\n")
        n += 1
        c.write("list_rfc822", raw, "clean", "a list mail forwarded: its recipients cannot be known (weak tag only)")
        o = Orig(n, "vendor", ["bob"]); n += 1
        o.to = []
        plain = outlook(o).replace("To: \n", "To: undisclosed-recipients:;\n")
        c.write("undisclosed", forward_message("erin", name_addr("bob"), "FW:", (plain, None), NOTE, f"<u{n}@{DOM}>"),
                "clean", "original to undisclosed-recipients: unknown (weak tag only)")
    # Inbound: an outside sender forwards our mail to us (not originated by our users).
    o = Orig(n, "alice", ["bob"]); n += 1
    c.write("inbound_forward", forward_message("partner", name_addr("bob"), "Fwd:", STYLES_A["gmail"](o), NOTE, f"<f{n}@cityofkc.org>"),
            "clean", "an outside sender's forward is not judged", envelope=[("client_addr", "192.0.2.10")])
    # Forward subject, original not quoted: nothing to judge.
    raw = headers(name_addr("dave"), name_addr("erin"), "Fwd: lunch menu", f"<w{n}@{DOM}>") + \
        "Content-Type: text/plain; charset=utf-8\n\nForwarding the menu, details below were cut.\n"
    n += 1
    c.write("subject_only", raw, "clean", "Fwd: with nothing quoted: nothing forwarded that can be seen, no finding")
    # A manual forward by a logged-in user to outside: his own choice, no auto_forward.
    o = Orig(n, "vendor", ["bob"]); n += 1
    c.write("manual_forward_out", forward_message("bob", name_addr("bob", "addr").replace("modot.mo.gov", "gmail.com"), "Fwd:",
                                                  STYLES_A["gmail"](o), NOTE, f"<f{n}@{DOM}>"),
            "clean", "bob forwards a vendor mail he received to his gmail by hand (logged in)",
            envelope=[("auth_login", "bob"), ("mail_from", P["bob"][2]), ("rcpt", "bob.jones@gmail.com")])
    return n


def auto_cases(c, n, holdout):
    """Automatic forwards (category auto_forward) and their manual look-alikes."""
    dests = ["bob.jones77@gmail.com", "bjones@yahoo.com", "bob.j@outlook.com", "bobj@icloud.com", "bob@protonmail.com"]
    if holdout:
        dests = ["carol.m@hotmail.com", "cmiller@aol.com", "carol1972@gmx.com", "carolm@me.com", "c.miller@proton.me"]
    owner = "carol" if holdout else "bob"
    oaddr = P[owner][2]
    vendors = [("Sam Vendor <sam@acme-supply.com>", "sam@acme-supply.com"),
               ("Pat Partner <pat@cityofkc.org>", "pat@cityofkc.org"),
               ("Billing <billing@utility-co.com>", "billing@utility-co.com")]

    def inbound(frm, subj, extra, i):
        return (f"Return-Path: <{frm[1]}>\n" + "".join(x + "\n" for x in extra) +
                f"From: {frm[0]}\nTo: {name_addr(owner, 'first')}\nSubject: {subj}\nDate: Tue, 10 Nov 2026 08:0{i % 10}:00 -0600\n"
                f"Message-ID: <in{n}-{i}@{frm[1].split('@')[1]}>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
                f"Invoice {4000 + i} for the November delivery of guardrail parts is attached to the portal.\n")

    kinds = [
        ("sieve_redirect", [f"Delivered-To: {oaddr}"], lambda v: v[1]),
        ("sieve_redirect_own_envelope", [f"Delivered-To: {oaddr}"], lambda v: oaddr),
        ("procmail", [f"X-Loop: {oaddr}"], lambda v: v[1]),
        ("procmail_delivered", [f"Delivered-To: {oaddr}", f"X-Loop: {owner}-forward"], lambda v: v[1]),
        ("dot_forward", [f"Delivered-To: {oaddr}", f"X-Original-To: {oaddr}"], lambda v: v[1]),
        ("exchange_rules_loop", [f"X-MS-Exchange-Inbox-Rules-Loop: {oaddr}"], lambda v: oaddr),
        ("exchange_autoforwarded", ["X-MS-Exchange-Organization-AutoForwarded: true",
                                    "X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent"], lambda v: oaddr),
        ("gmail_forwarding", [f"X-Forwarded-To: {{dest}}", f"X-Forwarded-For: {oaddr} {{dest}}"], lambda v: v[1]),
        ("outlookcom_forwarding", ["Auto-Submitted: auto-forwarded", f"X-MS-Exchange-Inbox-Rules-Loop: {oaddr}"], lambda v: oaddr),
        ("srs", [f"Delivered-To: {oaddr}"], lambda v: f"SRS0=HHH=TT={v[1].split('@')[1]}={v[1].split('@')[0]}@{DOM}"),
        ("srs_only", [], lambda v: f"SRS0=a1b2=7Q={v[1].split('@')[1]}={v[1].split('@')[0]}@{DOM}"),
        ("virtual_alias", [], lambda v: v[1]),
        ("resent_by_server", [f"Resent-From: {oaddr}", "Resent-Date: Tue, 10 Nov 2026 08:01:00 -0600",
                              "Resent-To: {dest}"], lambda v: v[1]),
        ("auto_submitted", ["Auto-Submitted: auto-forwarded"], lambda v: oaddr),
        ("envelope_ours_from_foreign", [], lambda v: oaddr),
    ]
    i = 0
    for rep in range(2 if not holdout else 1):
        for kind, extra, env_from in kinds:
            v = vendors[i % len(vendors)]
            dest = dests[i % len(dests)]
            ex = [x.replace("{dest}", dest) for x in extra]
            raw = inbound(v, f"Invoice {4000 + i}", ex, i)
            env = [("mail_from", env_from(v)), ("rcpt", dest)]
            # Postfix on the mailbox host relays from the trusted network, unauthenticated.
            c.write(f"auto_{kind}", raw, "auto_forward", f"{kind}: {owner}'s mailbox sends vendor mail on to {dest}", envelope=env)
            i += 1
    # Look-alikes that are not automatic forwarding.
    v = vendors[0]
    look = [
        ("manual_redirect_logged_in", inbound(v, "Invoice 77", [f"Delivered-To: {oaddr}", f"Resent-From: {oaddr}",
                                                                  "Resent-To: " + dests[0]], 77),
         [("auth_login", owner), ("mail_from", oaddr), ("rcpt", dests[0])], "clean",
         "a logged-in user redirects (bounces) a mail by hand: their choice, not automatic"),
        ("vacation_reply", (f"From: {name_addr(owner)}\nTo: {v[0]}\nSubject: Out of office\nAuto-Submitted: auto-replied\n"
                            f"Date: Tue, 10 Nov 2026 08:00:00 -0600\nMessage-ID: <vac{n}@{DOM}>\nContent-Type: text/plain\n\n"
                            "I am out of the office until Monday.\n"),
         [("mail_from", oaddr), ("rcpt", v[1])], "clean", "a vacation reply is no forward"),
        ("plain_outbound", (f"From: {name_addr(owner)}\nTo: {v[0]}\nSubject: Delivery window\n"
                            f"Date: Tue, 10 Nov 2026 08:00:00 -0600\nMessage-ID: <po{n}@{DOM}>\nContent-Type: text/plain\n\n"
                            "Deliveries after 2 pm go to gate B.\n"), None, "clean", "ordinary mail to a vendor"),
        ("inbound_delivered", inbound(v, "Invoice 78", [f"Delivered-To: {oaddr}"], 78),
         [("mail_from", v[1]), ("rcpt", oaddr), ("client_addr", "198.51.100.7")], "clean",
         "inbound mail carrying Delivered-To: not leaving"),
        ("internal_loop", inbound(v, "Invoice 79", [f"X-Loop: {oaddr}"], 79),
         [("mail_from", v[1]), ("rcpt", P["erin"][2])], "clean", "a procmail forward to a colleague inside: not outside"),
        ("logged_in_send_gmail", (f"From: {name_addr(owner)}\nTo: {dests[1]}\nSubject: my notes\n"
                                  f"Date: Tue, 10 Nov 2026 08:00:00 -0600\nMessage-ID: <lg{n}@{DOM}>\nContent-Type: text/plain\n\n"
                                  "Notes for the weekend hike.\n"),
         [("auth_login", owner), ("mail_from", oaddr), ("rcpt", dests[1])], "clean", "a user writing to a webmail address"),
    ]
    for name, raw, env, label, comment in look:
        c.write(f"not_auto_{name}", raw, label, comment, envelope=env)
    return n


def main():
    holdout = "--holdout" in sys.argv[1:]
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "holdout") if holdout else here
    c = Corpus(out)
    if holdout:
        sets = [("director", "carol", "alice", "dave"), ("partner", "erin", "bob", "carol"), ("alice", "dave", "erin", "bob")]
        n = forwarding_cases(c, STYLES_B, sets, 500)
        n = special_cases(c, STYLES_B, n, True)
    else:
        sets = [("alice", "bob", "carol", "dave"), ("vendor", "carol", "erin", "bob"), ("director", "dave", "alice", "erin")]
        n = forwarding_cases(c, STYLES_A, sets, 100)
        n = special_cases(c, STYLES_A, n, False)
    auto_cases(c, n, holdout)
    c.finish()
    fw = sum(1 for l in c.labels if "auto" not in l.split("\t")[0])
    print(f"{out}: {len(c.labels)} messages ({fw} forwarding, {len(c.labels) - fw} automatic forwarding)")


if __name__ == "__main__":
    main()
