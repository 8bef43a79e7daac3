"""Strip instead of refuse, end to end: real Postfix, real ordinance-milter, real libclamav.

With attachments.strip = ["script", "executable"], a script or program is cut out of the
message and replaced by a short text part saying what was removed and why; the rest of the
message is delivered unchanged and the original is kept whole: as a quarantine item with
quarantine.mode = "store" (the default), which a reviewer can release whole, or under
attachments.stripped_dir with mode "mta_hold".
Kinds not listed are still refused, and a part that cannot be cut out refuses the message.
"""
import base64
import subprocess
import time
import unittest
from pathlib import Path

from gateway import GatewayTestCase
from mailenv import REPO_ROOT, free_port
from milterproc import BUILD

JS = b"WScript.Echo('payroll');\r\nvar s = new ActiveXObject('WScript.Shell');\r\n"
PDF = b"%PDF-1.4\n% quarterly figures\n1 0 obj << >> endobj\n"


def b64(data: bytes) -> str:
    return base64.encodebytes(data).decode().replace("\n", "\r\n")


def mixed(subject: str, parts: str) -> bytes:
    return ("From: mallory@example.com\r\nTo: bob@modot.mo.gov\r\nSubject: " + subject + "\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
            "--outer\r\nContent-Type: text/plain\r\n\r\nPlease see the attached files.\r\n" + parts +
            "--outer--\r\n").encode()


def attachment(name: str, ctype: str, data: bytes) -> str:
    return (f"--outer\r\nContent-Type: {ctype}; name=\"{name}\"\r\n"
            f"Content-Disposition: attachment; filename=\"{name}\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n" + b64(data))


class StripGateway(GatewayTestCase):
    tmp_prefix = "ordinance-strip-"

    def prepare(self):
        self.kept_dir = self.tmp / "stripped"
        self.gateway.reinject_port = free_port()
        self.gateway.milter_sets += ['attachments.strip=["script", "executable"]',
                                     f"attachments.stripped_dir={self.kept_dir}",
                                     f"quarantine.reinject=127.0.0.1:{self.gateway.reinject_port}"]

    def cli(self, *args):
        m = self.milter
        cmd = [str(BUILD / "ordinance"), "--config", str(m.config), "--set", f"data_dir={REPO_ROOT / 'config' / 'examples'}",
               "--set", f"quarantine.dir={m.quarantine}"]
        for s in m.sets:
            cmd += ["--set", s]
        return subprocess.run(cmd + ["quarantine", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)

    def kept(self):
        """Kept originals: quarantine items (mode "store") and files under stripped_dir."""
        return self.milter.quarantined() + sorted(p for p in Path(self.kept_dir).rglob("*.eml"))

    def test_a_script_is_cut_out_and_the_rest_is_delivered(self):
        msg = mixed("figures", attachment("run.js", "application/javascript", JS) +
                    attachment("figures.pdf", "application/pdf", PDF))
        r = self.pf.send("mallory@example.com", ["bob@modot.mo.gov"], msg)
        self.assertTrue(r.ok, str(r) + self.debug())
        [d] = self.pf.wait_delivered(1, timeout=20)
        m = d.message
        self.assertIn("run.js", m["X-Ordinance-Stripped"])
        self.assertIn("script", m["X-Ordinance-Stripped"])
        names = [p.get_filename() for p in m.walk() if p.get_filename()]
        self.assertEqual(names, ["figures.pdf"], "the script is gone, the PDF is still there")
        pdf = next(p for p in m.walk() if p.get_filename() == "figures.pdf")
        self.assertEqual(pdf.get_payload(decode=True), PDF, "the other attachment is delivered unchanged")
        texts = [p.get_content() for p in m.walk() if p.get_content_type() == "text/plain"]
        notice = [t for t in texts if "removed" in t]
        self.assertEqual(len(notice), 1, texts)
        self.assertIn("'run.js'", notice[0])
        self.assertIn("script", notice[0])
        self.assertIn("Please see the attached files.", texts[0])
        self.assertNotIn(b"WScript", d.raw)
        self.assertNotIn(base64.b64encode(JS)[:40], d.raw.replace(b"\n", b""))
        # The original is kept whole, as the quarantine item the notice names.
        self.assertTrue(self.milter.wait_quarantined(1), self.debug())
        [orig] = self.kept()
        self.assertIn(orig.name, notice[0])
        kept = (orig / "message.eml").read_bytes()
        self.assertIn(b64(JS).split("\r\n")[0].encode(), kept)
        self.assertIn(b"Subject: figures", kept)
        self.assertTrue(self.milter.wait_log("event=stripped"), self.debug())
        # A reviewer finds it in the quarantine and may release the original whole.
        listing = self.cli("list").stdout.decode()
        self.assertIn(orig.name, listing)
        p = self.cli("release", orig.name, "--reason", "the script is the payroll macro we expect")
        self.assertEqual(p.returncode, 0, p)
        both = self.pf.wait_delivered(2, timeout=30)
        self.assertEqual(len(both), 2, self.debug())
        released = [d for d in both if d.message["X-Ordinance-Release"]]
        self.assertEqual(len(released), 1, self.debug())
        js = [p.get_payload(decode=True) for p in released[0].message.walk() if p.get_filename() == "run.js"]
        self.assertEqual(js, [JS], "the original is released whole, the script in it")

    def test_a_message_that_is_itself_the_program_becomes_the_notice(self):
        msg = ("From: mallory@example.com\r\nTo: bob@modot.mo.gov\r\nSubject: tool\r\nMIME-Version: 1.0\r\n"
               "Content-Type: application/octet-stream; name=\"setup.exe\"\r\n"
               "Content-Disposition: attachment; filename=\"setup.exe\"\r\n"
               "Content-Transfer-Encoding: base64\r\n\r\n" + b64(b"MZ\x90\x00" + b"\x00" * 200)).encode()
        r = self.pf.send("mallory@example.com", ["bob@modot.mo.gov"], msg)
        self.assertTrue(r.ok, str(r) + self.debug())
        [d] = self.pf.wait_delivered(1, timeout=20)
        m = d.message
        self.assertEqual(m.get_content_type(), "text/plain")
        self.assertIsNone(m["Content-Disposition"])
        self.assertIn("setup.exe", m.get_content())
        self.assertIn("executable", m.get_content())
        self.assertEqual(m["Subject"], "tool")
        self.assertEqual(len(self.kept()), 1)

    def test_a_kind_not_listed_is_still_refused(self):
        msg = mixed("image", attachment("disk.iso", "application/octet-stream", b"\x00" * 32769 + b"CD001"))
        r = self.pf.send("mallory@example.com", ["bob@modot.mo.gov"], msg)
        self.assertEqual(r.code, 550, str(r) + self.debug())
        self.assertIn("rule banned_attachment", r.data[1])
        self.assertEqual(self.kept(), [])

    def test_a_forwarded_message_in_base64_carrying_a_script_is_cut_out_whole(self):
        inner = mixed("inner", attachment("run.js", "application/javascript", JS))
        msg = ("From: carol@example.org\r\nTo: bob@modot.mo.gov\r\nSubject: Fwd: inner\r\nMIME-Version: 1.0\r\n"
               "Content-Type: multipart/mixed; boundary=\"fw\"\r\n\r\n--fw\r\nContent-Type: text/plain\r\n\r\n"
               "Forwarding.\r\n--fw\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
               b64(inner) + "--fw--\r\n").encode()
        r = self.pf.send("carol@example.org", ["bob@modot.mo.gov"], msg)
        self.assertTrue(r.ok, str(r) + self.debug())
        [d] = self.pf.wait_delivered(1, timeout=20)
        types = [p.get_content_type() for p in d.message.walk()]
        self.assertNotIn("message/rfc822", types)
        self.assertIn("Forwarding.", d.message.get_body(("plain",)).get_content())
        self.assertIn(b"run.js", d.raw)   # named in the notice
        self.assertNotIn(b"WScript", d.raw)
        self.assertEqual(len(self.kept()), 1)


class StripKeptInStrippedDir(StripGateway):
    """quarantine.mode = "mta_hold": no store of our own; the original goes under stripped_dir."""
    tmp_prefix = "ordinance-strip-hold-"

    def prepare(self):
        super().prepare()
        self.gateway.milter_sets.append("quarantine.mode=mta_hold")

    def test_a_script_is_cut_out_and_the_rest_is_delivered(self):
        msg = mixed("figures", attachment("run.js", "application/javascript", JS))
        r = self.pf.send("mallory@example.com", ["bob@modot.mo.gov"], msg)
        self.assertTrue(r.ok, str(r) + self.debug())
        [d] = self.pf.wait_delivered(1, timeout=20)
        self.assertNotIn(b"WScript", d.raw)
        self.assertEqual(self.milter.quarantined(), [])
        [orig] = sorted(Path(self.kept_dir).rglob("*.eml"))
        self.assertIn(str(orig.relative_to(self.kept_dir)), d.message.get_body(("plain",)).get_content() + d.raw.decode(errors="replace"))
        self.assertIn(b"Subject: figures", orig.read_bytes())

    test_a_message_that_is_itself_the_program_becomes_the_notice = None
    test_a_kind_not_listed_is_still_refused = None
    test_a_forwarded_message_in_base64_carrying_a_script_is_cut_out_whole = None


if __name__ == "__main__":
    unittest.main()
