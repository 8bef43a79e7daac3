#!/usr/bin/env python3
"""Sends the quickstart's demo messages through the private Postfix and prints a table of
what happened to each: delivered (with any X-Ordinance tag), rejected with the SMTP reply,
or quarantined (the quarantine store, or Postfix's hold queue with quarantine.mode =
"mta_hold"). Standard library only."""
import argparse
import base64
import email
import glob
import json
import os
import smtplib
import subprocess
import sys
import time
import urllib.parse
from email.message import EmailMessage


def demo_messages():
    out = []

    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = "alice@modot.mo.gov", "bob@modot.mo.gov", "Bridge inspection schedule"
    m.set_content("Bob,\n\nThe District 4 bridge inspections move to Thursday.\n\nAlice\n")
    out.append(("plain business mail", "alice@modot.mo.gov", ["bob@modot.mo.gov"], m.as_bytes()))

    raw = (b"From: carol@modot.mo.gov\r\nTo: bob@modot.mo.gov\r\nSubject: Broken attachment\r\n"
           b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
           b"Content-Type: text/plain\r\n\r\nsee attached\r\n--b\r\nContent-Type: application/pdf; name=\"x.pdf\"\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\n%%%% not base64 %%%%\r\n--b--\r\n")
    out.append(("malformed MIME (bad base64)", "carol@modot.mo.gov", ["bob@modot.mo.gov"], raw))

    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = "bob@modot.mo.gov", "alice@modot.mo.gov", "Vacation videos"
    m.set_content("Here are the videos from my trip.\n")
    m.add_attachment(os.urandom(11 * 1024 * 1024), maintype="video", subtype="mp4", filename="trip.mp4")
    out.append(("11 MB attachment (limit 10 MB)", "bob@modot.mo.gov", ["alice@modot.mo.gov"], m.as_bytes()))

    def simple(sender, rcpts, subject, body):
        m = EmailMessage()
        m["From"], m["To"], m["Subject"] = sender, ", ".join(rcpts), subject
        m.set_content(body)
        return m.as_bytes()

    out.append(("Director to USERS (authorized)", "director@modot.mo.gov", ["users@modot.mo.gov"],
                simple("director@modot.mo.gov", ["users@modot.mo.gov"], "Office closure",
                       "All offices close at noon on Friday.\n")))
    out.append(("alice to USERS and bob", "alice@modot.mo.gov", ["users@modot.mo.gov", "bob@modot.mo.gov"],
                simple("alice@modot.mo.gov", ["users@modot.mo.gov", "bob@modot.mo.gov"], "Lost keys",
                       "Has anyone seen my keys?\n")))
    out.append(("bob to moderated announce@", "bob@modot.mo.gov", ["announce@modot.mo.gov"],
                simple("bob@modot.mo.gov", ["announce@modot.mo.gov"], "Bake sale", "Cookies in room 210.\n")))
    out.append(("to a deactivated account", "alice@modot.mo.gov", ["former.employee@modot.mo.gov"],
                simple("alice@modot.mo.gov", ["former.employee@modot.mo.gov"], "Your files",
                       "Where did you keep the bridge files?\n")))
    out.append(("from a deactivated account", "former.employee@modot.mo.gov", ["bob@modot.mo.gov"],
                simple("former.employee@modot.mo.gov", ["bob@modot.mo.gov"], "Hello", "Still here.\n")))
    # attachments.strip = ["script"] in the quickstart configuration: cut out, the rest delivered.
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = "mallory@example.com", "bob@modot.mo.gov", "Invoice"
    m.set_content("Please run the attached to see your invoice.\n")
    m.add_attachment(b"WScript.Echo('hello');\r\n", maintype="application", subtype="javascript",
                     filename="invoice.js")
    out.append(("a script attached (stripped)", "mallory@example.com", ["bob@modot.mo.gov"], m.as_bytes()))
    # The test signature's marker: outbound mail with a "virus" is held and the sender told why.
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = "alice@modot.mo.gov", "partner@example.com", "Figures for the partner"
    m.set_content("Attached.\n")
    m.add_attachment(b"x CLAMAV-TEST-STRING-NOT-EICAR x\n", maintype="text", subtype="plain", filename="figures.txt")
    out.append(("outbound mail with a virus", "alice@modot.mo.gov", ["partner@example.com"], m.as_bytes()))
    return out


def delivered_ids(qdir):
    found = {}
    for path in glob.glob(os.path.join(qdir, "delivered", "*")):
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            continue
        head = data.split(b"\n\n", 1)[0] if b"\n\n" in data else data
        for line in data.split(b"\n"):
            if line.lower().startswith(b"x-ordinance-demo-id:"):
                found[line.split(b":", 1)[1].strip().decode()] = data
                break
    return found


def held(qdir):
    try:
        out = subprocess.run(["postqueue", "-c", os.path.join(qdir, "postfix", "etc"), "-j"],
                             capture_output=True, text=True, timeout=10).stdout
    except Exception:
        return []
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def quarantined_senders(qdir):
    """Envelope senders of the items in the quarantine store (QDIR/quarantine/items/*/meta)."""
    out = []
    for meta in glob.glob(os.path.join(qdir, "quarantine", "items", "*", "meta")):
        try:
            for line in open(meta, encoding="ascii", errors="replace"):
                if line.startswith("sender "):
                    out.append(urllib.parse.unquote(line.split(" ", 1)[1].strip()))
        except OSError:
            pass
    return out


def is_held(qdir, queue, sender):
    return sender in quarantined_senders(qdir) or any(
        q.get("queue_name") == "hold" and q.get("sender") == sender for q in queue)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--smtp-port", type=int, default=2525)
    args = ap.parse_args()
    results = []
    for i, (label, sender, rcpts, raw) in enumerate(demo_messages()):
        demo_id = "demo-%d-%d" % (os.getpid(), i)
        raw = b"X-Ordinance-Demo-Id: " + demo_id.encode() + b"\r\n" + raw
        outcome = None
        refused = {}
        try:
            with smtplib.SMTP("127.0.0.1", args.smtp_port, timeout=60) as s:
                refused = s.sendmail(sender, rcpts, raw)
        except smtplib.SMTPRecipientsRefused as e:
            refused = e.recipients
            outcome = ""
        except smtplib.SMTPResponseException as e:
            outcome = "rejected: %d %s" % (e.smtp_code, e.smtp_error.decode(errors="replace"))
        if refused:
            outcome = "; ".join("rejected for %s: %d %s" % (r, c, m.decode(errors="replace"))
                                for r, (c, m) in refused.items())
            if len(refused) == len(rcpts):
                refused = {}
            else:
                outcome += "; "
                refused = {r: 1 for r in refused}
        if outcome is not None and not refused and not outcome.endswith("; "):
            results.append([label, sender, ",".join(rcpts), demo_id, outcome])
            continue
        results.append([label, sender, ",".join(rcpts), demo_id, (outcome or "") + "\0"])
        continue
        results.append([label, sender, ",".join(rcpts), demo_id, outcome])

    deadline = time.time() + 30
    while time.time() < deadline:
        got = delivered_ids(args.dir)
        queue = held(args.dir)
        pending = [r for r in results if r[4].endswith("\0") and r[3] not in got and
                   not is_held(args.dir, queue, r[1])]
        if not pending:
            break
        time.sleep(0.5)
    got = delivered_ids(args.dir)
    queue = held(args.dir)
    for r in results:
        if not r[4].endswith("\0"):
            continue
        prefix = r[4][:-1]
        if r[3] in got:
            dump = got[r[3]]
            to = [l.split(b":", 1)[1].strip().split()[0].strip(b"<>").decode()
                  for l in dump.split(b"\n") if l.startswith(b"X-Rcpt-Args:")]
            tag = ""
            for line in dump.split(b"\n"):
                if line.lower().startswith(b"x-ordinance-findings:"):
                    tag = " (tagged: " + line.split(b":", 1)[1].strip().decode(errors="replace") + ")"
                if line.lower().startswith(b"x-ordinance-stripped:"):
                    what = line.split(b":", 1)[1].strip().decode(errors="replace").split(";")[0]
                    tag += " with " + what + " removed"
            r[4] = prefix + "delivered to " + ", ".join(to) + tag
        elif is_held(args.dir, queue, r[1]):
            r[4] = prefix + ("quarantined (ordinance quarantine list)" if r[1] in quarantined_senders(args.dir)
                             else "quarantined (Postfix hold queue)")
            subject = None
            for _, s_, rc, raw_ in [(x[0], x[1], x[2], x[3]) for x in demo_messages() if x[0] == r[0]]:
                subject = email.message_from_bytes(raw_)["Subject"]
            # The notice to the sender (notify.*) comes through the same Postfix a moment later.
            for _ in range(20):
                notices = [d for d in glob.glob(os.path.join(args.dir, "delivered", "*"))
                           if subject and b"X-Ordinance-Notice: held" in open(d, "rb").read()
                           and subject.encode() in open(d, "rb").read()]
                if notices or not subject:
                    break
                time.sleep(0.5)
            if subject and notices:
                r[4] += "; the sender was told why"
        else:
            r[4] = prefix + "not yet delivered (see .quickstart/log/postfix.log)"

    w = max(len(r[0]) for r in results)
    print()
    print("%-*s  %-28s  %s" % (w, "demo message", "from -> to", "what happened"))
    print("%s  %s  %s" % ("-" * w, "-" * 28, "-" * 40))
    for label, sender, rcpts, _, outcome in results:
        who = sender.split("@")[0] + " -> " + ",".join(a.split("@")[0] for a in rcpts.split(","))
        print("%-*s  %-28s  %s" % (w, label, who, outcome))
    return 0


if __name__ == "__main__":
    sys.exit(main())
