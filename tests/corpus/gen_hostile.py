#!/usr/bin/env python3
"""Generate the large hostile test messages (too big to commit) for Ordinance.

Usage: gen_hostile.py OUTDIR [--only NAME[,NAME...]] [--list]

Writes NAME.eml and NAME.expected into OUTDIR, in the same format as the committed
corpus (see README.md): '#' comment lines, one finding category per line (sorted),
optionally 'verdict: X'.  Output is byte-for-byte reproducible (fixed seed).
Total output is about 210 MB; runs in a few seconds.
"""
import argparse
import base64
import os
import random
import sys
import time

SEED = 0x0D1A_4CE5
CRLF = b"\r\n"

MIB = 1024 * 1024
MAX_MESSAGE = 25 * MIB   # 26214400
MAX_ATTACHMENT = 10 * MIB  # 10485760


def headers(subject, extra=b""):
    return (b"Received: from hostile.example.net (hostile.example.net [198.51.100.7])\r\n"
            b"\tby mx.example.org (Postfix) with ESMTP id 4Wq1Zx0abc\r\n"
            b"\tfor <victim@example.org>; Mon, 24 Jun 2024 12:00:00 +0000\r\n"
            b"From: Hostile Sender <hostile@example.net>\r\n"
            b"To: Victim <victim@example.org>\r\n"
            b"Subject: " + subject.encode() + b"\r\n"
            b"Date: Mon, 24 Jun 2024 12:00:00 +0000\r\n"
            b"Message-ID: <" + subject.replace(" ", "-").encode() + b"@hostile.example.net>\r\n"
            + extra)


def b64_lines(data):
    """base64 with 76-char lines, CRLF-terminated (as MUAs produce)."""
    return base64.encodebytes(data).replace(b"\n", CRLF)


# Each generator returns (chunks, expected_categories, comment, pinned_verdict or None).
# chunks is an iterable of bytes written in order (keeps peak memory modest).

def deep_multipart(rng):
    n = 10_000
    out = [headers("deep multipart", b"MIME-Version: 1.0\r\n")]
    for i in range(n):
        out.append(b'Content-Type: multipart/mixed; boundary="d%d"\r\n\r\n--d%d\r\n' % (i, i))
    out.append(b"Content-Type: text/plain\r\n\r\nbottom of the pit\r\n")
    for i in reversed(range(n)):
        out.append(b"--d%d--\r\n" % i)
    return out, ["malformed", "virus"], ("multipart/mixed nested 10,000 deep (limit 32), every boundary properly closed. "
                                          "Too deep for the MIME parser and for ClamAV's own recursion limit: "
                                          "virus_unscannable (quarantine), never a silent accept."), None


def deep_rfc822(rng):
    n = 10_000
    out = [headers("deep rfc822", b"MIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n")]
    for i in range(n):
        out.append(b"From: level%d@example.net\r\nSubject: Fwd: level %d\r\n"
                   b"MIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n" % (i, i))
    out.append(b"From: bottom@example.net\r\nSubject: bottom\r\n\r\nbottom of the pit\r\n")
    return out, ["malformed", "virus"], ("message/rfc822 nested 10,000 deep (limit 32); ClamAV's mail parser "
                                          "stops at its recursion limit: virus_unscannable."), None


def unclosed_boundary_5mb(rng):
    out = [headers("unclosed boundary", b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="open-ended"\r\n\r\n')]
    out.append(b"--open-ended\r\nContent-Type: text/plain\r\n\r\nSee the attachments.\r\n")
    total = 0
    i = 0
    while total < 5 * MIB:
        blob = b64_lines(rng.randbytes(9000))
        part = (b"--open-ended\r\nContent-Type: application/octet-stream; name=\"chunk%03d.bin\"\r\n"
                b"Content-Disposition: attachment; filename=\"chunk%03d.bin\"\r\n"
                b"Content-Transfer-Encoding: base64\r\n\r\n" % (i, i)) + blob
        out.append(part)
        total += len(part)
        i += 1
    # no closing --open-ended-- : the message simply ends
    return out, ["malformed"], "multipart whose closing boundary never appears, over 5 MB of (%d) parts." % i, None


def header_line_1mb(rng):
    filler = (b"abcdefghijklmnopqrstuvwxyz0123456789" * (MIB // 36 + 1))[:MIB]
    out = [headers("long header line", b"X-Filler: " + filler + b"\r\n"
                   b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nshort body\r\n")]
    return out, ["malformed"], "a single unfolded 1 MiB header line (limit 65536).", None


def headers_100k(rng):
    out = [headers("many headers")]
    out.append(b"".join(b"X-Header-%d: value %d\r\n" % (i, i) for i in range(100_000)))
    out.append(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nbody after 100k headers\r\n")
    return out, ["malformed"], "100,000 header fields in the top-level header block (limit 1000).", None


def siblings_2000(rng):
    out = [headers("many parts", b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="sib"\r\n\r\n')]
    out.append(b"".join(b"--sib\r\nContent-Type: text/plain\r\n\r\npart %d\r\n" % i for i in range(2000)))
    out.append(b"--sib--\r\n")
    return out, ["malformed"], "2,000 sibling parts in one multipart/mixed (limit 1000 parts).", None


def _attachment_message(subject, data, name):
    out = [headers(subject, b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="att"\r\n\r\n')]
    out.append(b"--att\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nLarge file attached.\r\n")
    out.append(b'--att\r\nContent-Type: application/octet-stream; name="%s"\r\n'
               b'Content-Disposition: attachment; filename="%s"\r\n'
               b"Content-Transfer-Encoding: base64\r\n\r\n" % (name, name))
    out.append(b64_lines(data))
    out.append(b"--att--\r\n")
    return out


def attachment_50mb(rng):
    out = _attachment_message("50 MB attachment", rng.randbytes(50 * MIB), b"backup.tar.gz")
    return (out, ["oversize"],
            "50 MiB attachment, base64 with 76-char lines: the message (~72 MB) and the attachment\n"
            "both exceed their limits; the category is listed once.", "reject")


def attachment_12mb(rng):
    out = _attachment_message("12 MB attachment", rng.randbytes(12 * MIB), b"video.mp4")
    return (out, ["oversize"],
            "12 MiB attachment in a ~16.6 MB message: only the attachment limit (10 MiB) is exceeded.", "reject")


def random_garbage_1mb(rng):
    data = bytearray(rng.randbytes(MIB))
    data[1000] = 0  # guarantee at least one NUL (there are ~4000 anyway)
    return [bytes(data)], ["malformed"], "1 MiB of random bytes (includes NUL and bare CR), no message structure.", None


def only_cr_2mb(rng):
    return [b"\r" * (2 * MIB)], ["malformed"], "the whole message is 2 MiB of CR bytes (bare CR, no LF).", None


def base64_one_line_5mb(rng):
    data = base64.b64encode(rng.randbytes(5 * MIB * 3 // 4))
    out = [headers("one-line base64", b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="ol"\r\n\r\n')]
    out.append(b"--ol\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n")
    out.append(b'--ol\r\nContent-Type: application/octet-stream; name="blob.bin"\r\n'
               b"Content-Disposition: attachment; filename=\"blob.bin\"\r\n"
               b"Content-Transfer-Encoding: base64\r\n\r\n")
    out.append(data + CRLF)
    out.append(b"--ol--\r\n")
    return (out, ["malformed"],
            "a 5 MiB base64 attachment on a single line (line limit 65536); decoded 3.75 MiB, so not oversize.", None)


# ---- exact-limit controls: at the limit must pass, one over must be flagged.
# The limits are "more than N" / "longer than N"; a line's length excludes its CRLF/LF.

def ok_depth_30(rng):
    n = 30
    out = [headers("depth 30 ok", b"MIME-Version: 1.0\r\n")]
    for i in range(n):
        out.append(b'Content-Type: multipart/mixed; boundary="d%d"\r\n\r\n--d%d\r\n' % (i, i))
    out.append(b"Content-Type: text/plain\r\n\r\nbottom\r\n")
    for i in reversed(range(n)):
        out.append(b"--d%d--\r\n" % i)
    return out, [], "control: multipart nested 30 deep, under the 32 limit; must be accepted.", "accept"


def ok_parts_900(rng):
    out = [headers("900 parts ok", b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="sib"\r\n\r\n')]
    out.append(b"".join(b"--sib\r\nContent-Type: text/plain\r\n\r\npart %d\r\n" % i for i in range(900)))
    out.append(b"--sib--\r\n")
    return out, [], "control: 900 sibling parts, under the 1000 limit; must be accepted.", "accept"


def _headers_n(n):
    # headers() writes 6 fields (Received folded over 3 lines counts once), plus 2 below
    out = [headers("%d header fields" % n)]
    out.append(b"".join(b"X-Header-%d: value %d\r\n" % (i, i) for i in range(n - 8)))
    out.append(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nbody\r\n")
    return out


def limit_headers_1000(rng):
    return _headers_n(1000), [], "control: exactly 1000 header fields (limit is more than 1000); must be accepted.", "accept"


def limit_headers_1001(rng):
    return _headers_n(1001), ["malformed"], "1001 header fields, one over the limit.", None


def _line_n(n, eol):
    line = (b"lorem ipsum dolor sit amet " * (n // 27 + 1))[:n]
    hdr = headers("line of %d bytes" % n, b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n")
    body = b"start\n" + line + b"\nend\n"
    if eol == b"\n":
        hdr = hdr.replace(b"\r\n", b"\n")
    else:
        body = body.replace(b"\n", b"\r\n")
    return [hdr, body]


def limit_line_65536_crlf(rng):
    return (_line_n(65536, CRLF), [], "control: a body line of exactly 65536 bytes plus CRLF (limit: longer than 65536,\n"
            "terminator not counted); must be accepted, as the LF twin is.", "accept")


def limit_line_65536_lf(rng):
    return _line_n(65536, b"\n"), [], "control: a body line of exactly 65536 bytes plus LF; must be accepted.", "accept"


def limit_line_65537_crlf(rng):
    return _line_n(65537, CRLF), ["malformed"], "a body line of 65537 bytes (plus CRLF), one over the limit.", None


def limit_attachment_10mib(rng):
    out = _attachment_message("attachment of exactly 10 MiB", rng.randbytes(MAX_ATTACHMENT), b"exact.bin")
    return out, [], "control: attachment of exactly 10485760 decoded bytes (limit: more than); must be accepted.", "accept"


def limit_attachment_10mib_plus1(rng):
    out = _attachment_message("attachment of 10 MiB + 1", rng.randbytes(MAX_ATTACHMENT + 1), b"plus1.bin")
    return out, ["oversize"], "attachment of 10485761 decoded bytes, one over the limit.", "reject"


def _message_of_size(total, subject):
    head = headers(subject, b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n")
    line = b"y" * 76 + CRLF
    need = total - len(head)
    full, rest = divmod(need, len(line))
    body = line * full
    if rest:
        body += b"z" * (rest - 2) + CRLF if rest >= 2 else b" "
    assert len(head) + len(body) == total
    return [head, body]


def limit_message_25mib(rng):
    return (_message_of_size(MAX_MESSAGE, "message of exactly 25 MiB"), [],
            "control: message of exactly 26214400 bytes, plain text, no attachment; must be accepted.", "accept")


def limit_message_25mib_plus1(rng):
    return (_message_of_size(MAX_MESSAGE + 1, "message of 25 MiB + 1"), ["oversize"],
            "message of 26214401 bytes (plain text, no attachment), one over the limit.", "reject")


GENERATORS = [
    ("deep_multipart_10000", deep_multipart),
    ("deep_rfc822_10000", deep_rfc822),
    ("unclosed_boundary_5mb", unclosed_boundary_5mb),
    ("header_line_1mb", header_line_1mb),
    ("headers_100000", headers_100k),
    ("sibling_parts_2000", siblings_2000),
    ("attachment_50mb", attachment_50mb),
    ("attachment_12mb_in_16mb", attachment_12mb),
    ("random_garbage_1mb", random_garbage_1mb),
    ("only_cr_2mb", only_cr_2mb),
    ("base64_single_line_5mb", base64_one_line_5mb),
    ("ok_depth_30", ok_depth_30),
    ("ok_parts_900", ok_parts_900),
    ("limit_headers_1000", limit_headers_1000),
    ("limit_headers_1001", limit_headers_1001),
    ("limit_line_65536_crlf", limit_line_65536_crlf),
    ("limit_line_65536_lf", limit_line_65536_lf),
    ("limit_line_65537_crlf", limit_line_65537_crlf),
    ("limit_attachment_10mib", limit_attachment_10mib),
    ("limit_attachment_10mib_plus1", limit_attachment_10mib_plus1),
    ("limit_message_25mib", limit_message_25mib),
    ("limit_message_25mib_plus1", limit_message_25mib_plus1),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--only", help="comma-separated subset of names")
    ap.add_argument("--list", action="store_true", help="list the names and exit")
    args = ap.parse_args()
    if args.list:
        for name, _ in GENERATORS:
            print(name)
        return 0
    only = set(args.only.split(",")) if args.only else None
    if only:
        unknown = only - {n for n, _ in GENERATORS}
        if unknown:
            ap.error("unknown name(s): " + ", ".join(sorted(unknown)))
    os.makedirs(args.outdir, exist_ok=True)
    t0 = time.time()
    for idx, (name, gen) in enumerate(GENERATORS):
        if only and name not in only:
            continue
        # one independent, fixed-seed stream per message so --only gives identical bytes
        rng = random.Random(SEED + idx)
        chunks, cats, comment, verdict = gen(rng)
        path = os.path.join(args.outdir, name + ".eml")
        size = 0
        with open(path, "wb") as f:
            for c in chunks:
                f.write(c)
                size += len(c)
        lines = ["# " + l for l in comment.splitlines()]
        lines += sorted(set(cats))
        if verdict:
            lines.append("verdict: " + verdict)
        with open(os.path.join(args.outdir, name + ".expected"), "w") as f:
            f.write("\n".join(lines) + "\n")
        print("%-26s %11d bytes  %s" % (name, size, ",".join(cats) or "-"))
    print("done in %.1fs" % (time.time() - t0), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
