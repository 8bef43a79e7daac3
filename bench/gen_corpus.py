#!/usr/bin/env python3
"""Generate a mixed benchmark corpus of ordinary (acceptable) messages for Ordinance.

Usage: gen_corpus.py OUTDIR --count N [--seed S] [--lf]

Writes OUTDIR/00000.eml ... in equal thirds, interleaved (index % 3):
  0: ~2 KB   plain-text messages (text/plain, 7bit or quoted-printable)
  1: ~20 KB  HTML newsletters (multipart/alternative: text/plain + text/html)
  2: ~200 KB messages with a base64 attachment (PDF-like binary blob, 76-char lines)
Realistic From/To/Cc/Date/Message-ID/Subject/Received headers, varied text. None should
produce a finding. Output is deterministic for a given --seed. CRLF line endings unless --lf.
"""
import argparse
import base64
import os
import random
import sys
import time
import zlib

FIRST = ["Alice", "Bob", "Carol", "David", "Eve", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Mallory",
         "Niaj", "Olivia", "Peggy", "Rupert", "Sybil", "Trent", "Victor", "Walter", "Yasmin", "Zoë",
         "Jürgen", "François", "Søren", "Ana", "Kenji", "Priya", "Mateus", "Olga", "Fatima"]
LAST = ["Smith", "Jones", "Müller", "García", "Rossi", "Dubois", "Novak", "Kowalski", "Tanaka", "Nguyen",
        "O'Brien", "Andersen", "Silva", "Ivanova", "Patel", "Cohen", "Larsen", "Moreau", "Schmidt", "Khan"]
DOMAINS = ["example.com", "example.org", "example.net", "corp.example", "mail.example.de",
           "lists.example.org", "shop.example.com", "university.example.edu"]
WORDS = ("the of and to in is for on that with as project meeting report budget quarter review "
         "deadline client server update release schedule invoice contract team please attached "
         "thanks regards issue feedback draft plan office travel approval customer support "
         "analysis results data figures forecast sales marketing design test deploy network "
         "security policy training workshop agenda minutes summary proposal estimate delivery "
         "order shipment account payment reminder confirm available tomorrow monday friday "
         "week month next last new final version change request question answer discuss").split()
SUBJ = ["Re: {w} {w}", "Fwd: {W} {w} update", "{W} {w} for {day}", "Quick question about the {w}",
        "[{list}] {W} {w} {w}", "Your {w} #{n}", "Minutes: {w} {w} meeting", "RE: {W} {w}",
        "Reminder: {w} deadline {day}", "{W} report Q{q}", "Invitation: {W} {w} workshop"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
ATTACH = [("application/pdf", "pdf"), ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
          ("application/zip", "zip"), ("image/jpeg", "jpg"), ("application/octet-stream", "bin")]


def enc_word(s):
    """RFC 2047 B-encode a display name if it is not ASCII."""
    try:
        s.encode("ascii")
    except UnicodeEncodeError:
        return "=?UTF-8?B?" + base64.b64encode(s.encode()).decode() + "?="
    return '"' + s + '"' if "'" in s or "," in s else s


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def person(self):
        f, l = self.r.choice(FIRST), self.r.choice(LAST)
        addr = "%s.%s@%s" % (f.lower().encode("ascii", "ignore").decode() or "user",
                             l.lower().replace("'", "").encode("ascii", "ignore").decode() or "x",
                             self.r.choice(DOMAINS))
        return "%s <%s>" % (enc_word(f + " " + l), addr), addr

    def sentence(self, lo=6, hi=18):
        w = [self.r.choice(WORDS) for _ in range(self.r.randint(lo, hi))]
        w[0] = w[0].capitalize()
        return " ".join(w) + self.r.choice([".", ".", ".", "?", "!"])

    def paragraph(self, width=72):
        text = " ".join(self.sentence() for _ in range(self.r.randint(2, 6)))
        lines, cur = [], ""
        for word in text.split():
            if cur and len(cur) + 1 + len(word) > width:
                lines.append(cur)
                cur = word
            else:
                cur = (cur + " " + word) if cur else word
        lines.append(cur)
        return "\n".join(lines)

    def text(self, size):
        parts, n = [], 0
        while n < size:
            p = self.paragraph()
            parts.append(p)
            n += len(p) + 2
        return "\n\n".join(parts) + "\n"

    def subject(self, i):
        s = self.r.choice(SUBJ)
        while "{w}" in s or "{W}" in s:
            s = s.replace("{w}", self.r.choice(WORDS), 1).replace("{W}", self.r.choice(WORDS).capitalize(), 1)
        return s.format(day=self.r.choice(DAYS), list="team-" + self.r.choice(WORDS), n=10000 + i,
                        q=self.r.randint(1, 4))

    def headers(self, i, extra):
        frm, faddr = self.person()
        to, _ = self.person()
        ts = 1700000000 + i * 137 + self.r.randint(0, 100)
        t = time.gmtime(ts)
        date = "%s, %02d %s %d %02d:%02d:%02d +0000" % (DAYS[t.tm_wday], t.tm_mday, MONTHS[t.tm_mon - 1],
                                                      t.tm_year, t.tm_hour, t.tm_min, t.tm_sec)
        dom = faddr.split("@")[1]
        h = ["Received: from mail.%s (mail.%s [192.0.2.%d])" % (dom, dom, self.r.randint(1, 254)),
             "\tby mx.example.org (Postfix) with ESMTPS id %X" % self.r.getrandbits(40),
             "\tfor <rcpt@example.org>; %s" % date,
             "From: " + frm, "To: " + to]
        if self.r.random() < 0.3:
            h.append("Cc: " + ", ".join(self.person()[0] for _ in range(self.r.randint(1, 3))))
        h += ["Subject: " + self.subject(i), "Date: " + date,
              "Message-ID: <%d.%x@%s>" % (ts, self.r.getrandbits(48), dom), "MIME-Version: 1.0"]
        return "\n".join(h + extra) + "\n\n"

    # ---- the three kinds
    def plain(self, i):
        body = self.text(self.r.randint(1100, 1700)) + "\n-- \n" + self.person()[0] + "\n"
        return (self.headers(i, ["Content-Type: text/plain; charset=us-ascii", "Content-Transfer-Encoding: 7bit"])
                + body).encode("utf-8")

    def html(self, i):
        b = "=_alt_%016x" % self.r.getrandbits(64)
        paras = [self.paragraph(1000) for _ in range(self.r.randint(33, 44))]
        plain = "\n\n".join(self.paragraph() for _ in range(6)) + "\n"
        rows = "".join('<tr><td style="padding:4px">%s</td><td>%d.%02d</td></tr>\n' % (
            self.r.choice(WORDS), self.r.randint(1, 999), self.r.randint(0, 99)) for _ in range(20))
        html = ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>%s</title>\n'
                "<style>body{font-family:Arial,sans-serif;color:#333}td{border:1px solid #ccc}</style></head>\n"
                "<body><table width=\"600\" align=\"center\"><tr><td>\n<h1>%s</h1>\n" % (
                    self.r.choice(WORDS), self.sentence(3, 6)) +
                "".join('<p>%s <a href="https://%s/%s?id=%d">%s</a></p>\n' % (
                    p.replace("\n", " "), self.r.choice(DOMAINS), self.r.choice(WORDS), self.r.randint(1, 99999),
                    self.r.choice(WORDS)) for p in paras) +
                "<table>\n" + rows + "</table>\n</td></tr></table></body></html>\n")
        # wrap HTML lines at < 998 chars (7bit-safe): split long paragraphs on spaces
        out_lines = []
        for line in html.split("\n"):
            while len(line) > 900:
                cut = line.rfind(" ", 0, 900)
                cut = cut if cut > 0 else 900
                out_lines.append(line[:cut])
                line = line[cut:].lstrip(" ")
            out_lines.append(line)
        html = "\n".join(out_lines)
        body = ("--%s\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\n%s\n"
                "--%s\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\n%s\n--%s--\n"
                % (b, plain, b, html, b))
        return (self.headers(i, ['Content-Type: multipart/alternative; boundary="%s"' % b]) + body).encode("utf-8")

    def attachment(self, i, pool):
        b = "=_mix_%016x" % self.r.getrandbits(64)
        ctype, ext = self.r.choice(ATTACH)
        size = self.r.randint(135_000, 160_000)
        blob = self.blob(ext, size, pool)
        name = "%s_%s_%d.%s" % (self.r.choice(WORDS), self.r.choice(WORDS), self.r.randint(1, 999), ext)
        enc = base64.encodebytes(blob).decode("ascii")
        body = ("--%s\nContent-Type: text/plain; charset=us-ascii\n\n%s\n"
                '--%s\nContent-Type: %s; name="%s"\nContent-Disposition: attachment; filename="%s"\n'
                "Content-Transfer-Encoding: base64\n\n%s--%s--\n"
                % (b, self.text(self.r.randint(300, 900)), b, ctype, name, name, enc, b))
        return (self.headers(i, ['Content-Type: multipart/mixed; boundary="%s"' % b]) + body).encode("utf-8")

    def blob(self, ext, size, pool):
        # A random slice of a shared random pool (fast) framed like the claimed file type.
        off = self.r.randrange(0, len(pool) - size)
        data = pool[off:off + size]
        if ext == "pdf":
            head = (b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                    b"3 0 obj\n<< /Length " + str(size).encode() + b" /Filter /FlateDecode >>\nstream\n")
            return head + data + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
        if ext in ("docx", "zip"):
            return b"PK\x03\x04\x14\x00\x06\x00" + data + b"PK\x05\x06" + b"\x00" * 18
        if ext == "jpg":
            return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + data + b"\xff\xd9"
        return zlib.compress(data[:2000]) + data


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, required=True, help="number of messages")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--lf", action="store_true", help="LF line endings instead of CRLF")
    args = ap.parse_args()
    if args.count < 0:
        ap.error("--count must be >= 0")
    os.makedirs(args.outdir, exist_ok=True)
    t0 = time.time()
    g = Gen(args.seed)
    pool = random.Random(args.seed ^ 0x5EED).randbytes(4 * 1024 * 1024)
    total = 0
    for i in range(args.count):
        kind = i % 3
        data = g.plain(i) if kind == 0 else g.html(i) if kind == 1 else g.attachment(i, pool)
        if not args.lf:
            data = data.replace(b"\n", b"\r\n")
        with open(os.path.join(args.outdir, "%05d.eml" % i), "wb") as f:
            f.write(data)
        total += len(data)
    print("wrote %d messages, %.1f MB, to %s in %.1fs" % (args.count, total / 1e6, args.outdir, time.time() - t0),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
