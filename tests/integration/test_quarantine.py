"""The quarantine end to end: a real Postfix on loopback (with a milter-less re-injection smtpd),
the real ordinance-milter holding into its own store, and the real `ordinance quarantine`.

A chain letter from alice (trusted network) is held in the store and not delivered; a release
delivers it once to the sink with its original envelope, the Bcc recipient included; two
releases at once deliver once; with the listener down the item stays held, marked, exit 1;
`verify` catches an edited audit line; a release killed between the listener's 250 and its
mark leaves the item 'releasing' and a second release refuses it without --force; a
never-released category is refused in one line.
"""
import os
import signal
import smtplib
import socket
import subprocess
import threading
import time
import unittest

from gateway import GatewayTestCase
from mailenv import REPO_ROOT, free_port
from milterproc import BUILD

CHAIN = (REPO_ROOT / "tests" / "corpus" / "policy" / "000_chain_00.eml").read_bytes()


class QuarantineGateway(GatewayTestCase):
    tmp_prefix = "ordinance-quar-"

    def prepare(self):
        self.gateway.reinject_port = free_port()
        self.gateway.milter_sets.append(f"quarantine.reinject=127.0.0.1:{self.gateway.reinject_port}")

    def cli(self, *args, check=False, input=None):
        """`ordinance quarantine ARGS` on the milter's configuration and store."""
        m = self.milter
        cmd = [str(BUILD / "ordinance"), "--config", str(m.config), "--set", f"data_dir={REPO_ROOT / 'config' / 'examples'}",
               "--set", f"quarantine.dir={m.quarantine}"]
        for s in m.sets:
            cmd += ["--set", s]
        p = subprocess.run(cmd + ["quarantine", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=120, input=input)
        if check:
            self.assertEqual(p.returncode, 0, p)
        return p

    def hold_chain_letter(self):
        # bob in To:, carol only in the envelope (a Bcc).
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov", "carol@modot.mo.gov"], CHAIN)
        self.assertTrue(r.ok, str(r) + self.debug())
        items = self.milter.wait_quarantined(1)
        self.assertEqual(len(items), 1, self.debug())
        self.pf.wait_queue_empty()
        return items[0].name

    def test_held_then_released_once_with_the_original_envelope(self):
        item = self.hold_chain_letter()
        time.sleep(1)
        self.assertEqual(self.pf.delivered_count(), 0, "held mail was delivered")
        listing = self.cli("list", "--state", "held", check=True).stdout.decode()
        self.assertIn(item, listing)
        self.assertIn("chain_letter", listing)
        self.assertRegex(listing.splitlines()[0], r"^ID\s+TIME \(UTC\)\s+STATE\s+SENDER")
        self.assertEqual(self.cli("list", "--category", "virus").returncode, 1)
        shown = self.cli("show", item, check=True).stdout.decode()
        self.assertIn("carol@modot.mo.gov  held", shown)
        self.assertIn("policy: 2503 section 7 N", shown)
        raw = self.cli("show", item, "--raw", check=True).stdout
        self.assertEqual(raw.replace(b"\r\n", b"\n"), CHAIN.replace(b"\r\n", b"\n"))

        p = self.cli("release", item, "--reason", "reviewed: harmless")
        self.assertEqual(p.returncode, 0, p)
        self.assertIn(b"released to bob@modot.mo.gov, carol@modot.mo.gov", p.stdout)
        [d] = self.pf.wait_delivered(1, timeout=30)
        self.assertEqual(d.sender, "alice@modot.mo.gov")
        self.assertEqual(sorted(d.recipients), ["bob@modot.mo.gov", "carol@modot.mo.gov"])
        rid = d.message["X-Ordinance-Release"]
        self.assertTrue(rid and rid.startswith("R"), d.header_bytes)
        self.assertIsNone(d.message["X-Ordinance-Verdict"], "judged again on the way back")
        self.assertIn("postfix/reinject/smtpd", self.pf.log(), "not through the re-injection listener")
        self.assertIn(rid, self.cli("show", item).stdout.decode())
        # Once: a second release finds nothing held and sends nothing.
        p = self.cli("release", item, "--reason", "again")
        self.assertEqual(p.returncode, 1, p)
        self.assertIn(b"no recipient left to release", p.stdout)
        time.sleep(2)
        self.assertEqual(self.pf.delivered_count(), 1)
        self.assertIn(b"chain intact", self.cli("verify", check=True).stdout)
        # The journal has the held message; the release's own queue id is known as a release.
        self.pf.wait_log(r"postfix/smtp\[\d+\]: \w+: to=<carol@modot.mo.gov>.*status=sent")
        m = self.milter
        rec = subprocess.run([str(BUILD / "ordinance"), "--config", str(m.config), "--set",
                              f"data_dir={REPO_ROOT / 'config' / 'examples'}", "--set", f"journal.dir={m.journal}",
                              "journal", "reconcile", "--maillog", str(self.pf.log_path)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(rec.returncode, 0, rec)
        self.assertIn(b"1 quarantine release(s), 0 missing", rec.stdout)
        audit = (self.milter.quarantine / "audit.log").read_text()
        self.assertIn(f"action=release id={item} rcpts=bob@modot.mo.gov,carol@modot.mo.gov release={rid}", audit)
        self.assertIn("who=root", audit)

    def test_two_concurrent_releases_deliver_once(self):
        item = self.hold_chain_letter()
        results = []

        def rel():
            results.append(self.cli("release", item, "--reason", "race"))

        threads = [threading.Thread(target=rel) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(p.returncode for p in results), [0, 1], results)
        self.pf.wait_delivered(1, timeout=30)
        time.sleep(3)
        delivered = self.pf.delivered()
        self.assertEqual(len(delivered), 1, [d.recipients for d in delivered])
        self.assertEqual(sorted(delivered[0].recipients), ["bob@modot.mo.gov", "carol@modot.mo.gov"])

    def test_one_recipient_released_the_other_stays_held(self):
        item = self.hold_chain_letter()
        self.cli("release", item, "--rcpt", "carol@modot.mo.gov", "--reason", "carol asked", check=True)
        [d] = self.pf.wait_delivered(1, timeout=30)
        self.assertEqual(d.recipients, ["carol@modot.mo.gov"])
        shown = self.cli("show", item).stdout.decode()
        self.assertIn("bob@modot.mo.gov  held", shown)
        self.assertIn("carol@modot.mo.gov  released", shown)

    def test_listener_down_leaves_the_item_held_and_marked(self):
        item = self.hold_chain_letter()
        dead = free_port()
        p = self.cli("release", item, "--reason", "try", "--set", f"quarantine.reinject=127.0.0.1:{dead}")
        # --set after the command is a global option: the release goes to a port nobody listens on.
        self.assertEqual(p.returncode, 1, p)
        self.assertIn(b"NOT released", p.stdout)
        self.assertIn(b"still held", p.stdout)
        shown = self.cli("show", item).stdout.decode()
        self.assertIn("bob@modot.mo.gov  held", shown)
        self.assertIn("release_failed", shown)
        self.assertIn("Connection refused", shown)
        time.sleep(1)
        self.assertEqual(self.pf.delivered_count(), 0)

    def test_verify_catches_an_edited_audit_line(self):
        item = self.hold_chain_letter()
        self.cli("delete", item, "--reason", "confirmed chain letter", check=True)
        self.assertEqual(self.cli("verify").returncode, 0)
        log = self.milter.quarantine / "audit.log"
        text = log.read_text()
        self.assertIn("reason=confirmed%20chain%20letter", text)
        log.write_text(text.replace("reason=confirmed%20chain%20letter", "reason=approved"))
        p = self.cli("verify")
        self.assertEqual(p.returncode, 1, p)
        self.assertIn(b"line 1: hash does not follow", p.stdout)

    def test_a_never_released_category_is_refused_with_one_line(self):
        item = self.hold_chain_letter()
        p = self.cli("release", item, "--reason", "try", "--set", 'quarantine.never_release=["chain_letter"]')
        self.assertEqual(p.returncode, 1, p)
        self.assertEqual(p.stdout.count(b"\n"), 1, p.stdout)
        self.assertIn(b"never released", p.stdout)
        self.assertEqual(p.stderr, b"")
        time.sleep(1)
        self.assertEqual(self.pf.delivered_count(), 0)
        self.assertIn("bob@modot.mo.gov  held", self.cli("show", item).stdout.decode())
        self.assertIn("action=release_refused", (self.milter.quarantine / "audit.log").read_text())

    def test_a_release_is_rescanned_with_the_current_signatures(self):
        # Held as a chain letter; the signatures learn its marker afterwards.
        marker = b"ORDINANCE-RESCAN-MARKER-7f3a"
        body = CHAIN.replace(b"\r\n\r\n", b"\r\n\r\n" + marker + b"\r\n", 1)
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov"], body)
        self.assertTrue(r.ok, str(r) + self.debug())
        [item] = [i.name for i in self.milter.wait_quarantined(1)]
        self.pf.wait_queue_empty()
        sigs = self.milter.workdir / "newer-signatures"
        sigs.mkdir()
        (sigs / "ordinance-test.ndb").write_bytes(
            (REPO_ROOT / "config" / "examples" / "clamav" / "ordinance-test.ndb").read_bytes())
        (sigs / "rescan.ndb").write_text("Ordinance.Test.Rescan:0:*:" + marker.hex() + "\n")
        p = self.cli("release", item, "--reason", "looks harmless", "--set", f"antivirus.database={sigs}")
        self.assertEqual(p.returncode, 1, p)
        self.assertIn(b"a re-scan with the current signatures found Ordinance.Test.Rescan", p.stdout)
        self.assertEqual(p.stdout.count(b"\n"), 1, p.stdout)
        time.sleep(1)
        self.assertEqual(self.pf.delivered_count(), 0, "released despite the new signature")
        self.assertIn("bob@modot.mo.gov  held", self.cli("show", item).stdout.decode())
        # With the signatures it was held under, the same release goes through.
        p = self.cli("release", item, "--reason", "looks harmless")
        self.assertEqual(p.returncode, 0, p)
        self.pf.wait_delivered(1, timeout=30)

    def test_a_release_killed_after_the_250_is_refused_without_force(self):
        """The listener takes the message, then the release is killed before it marks it: the
        item stays 'releasing' with the release id the delivered copy carries."""
        item = self.hold_chain_letter()
        proc = {}
        lsock = socket.socket()
        lsock.bind(("127.0.0.1", 0))
        lsock.listen(1)
        port = lsock.getsockname()[1]

        def listener():
            # A listener in front of the real one: relays the message, then stops and kills
            # the release (by its PID) at the one moment a real crash cannot be timed to.
            c, _ = lsock.accept()
            f = c.makefile("rb")
            c.sendall(b"220 crash-listener\r\n")
            sender, rcpts = None, []
            while True:
                line = f.readline()
                cmd = line[:4].upper()
                if cmd in (b"EHLO", b"HELO"):
                    c.sendall(b"250 ok\r\n")
                elif cmd == b"MAIL":
                    sender = line.split(b"<", 1)[1].split(b">", 1)[0].decode()
                    c.sendall(b"250 ok\r\n")
                elif cmd == b"RCPT":
                    rcpts.append(line.split(b"<", 1)[1].split(b">", 1)[0].decode())
                    c.sendall(b"250 ok\r\n")
                elif cmd == b"DATA":
                    c.sendall(b"354 go\r\n")
                    data = []
                    while True:
                        l = f.readline()
                        if l == b".\r\n":
                            break
                        data.append(l[1:] if l.startswith(b"..") else l)
                    with smtplib.SMTP("127.0.0.1", self.gateway.reinject_port, timeout=30) as s:
                        s.sendmail(sender, rcpts, b"".join(data))
                    os.kill(proc["p"].pid, signal.SIGSTOP)
                    c.sendall(b"250 queued\r\n")
                    os.kill(proc["p"].pid, signal.SIGKILL)
                    f.close()
                    c.close()
                    return
                else:
                    c.sendall(b"500 what\r\n")
                    f.close()
                    c.close()
                    return

        t = threading.Thread(target=listener, daemon=True)
        t.start()
        m = self.milter
        cmd = [str(BUILD / "ordinance"), "--config", str(m.config), "--set", f"data_dir={REPO_ROOT / 'config' / 'examples'}",
               "--set", f"quarantine.dir={m.quarantine}", "--set", f"quarantine.reinject=127.0.0.1:{port}",
               "quarantine", "release", item, "--reason", "crash"]
        proc["p"] = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        proc["p"].wait(timeout=60)
        t.join(timeout=30)
        lsock.close()
        self.assertEqual(proc["p"].returncode, -signal.SIGKILL)
        [d] = self.pf.wait_delivered(1, timeout=30)
        rid = d.message["X-Ordinance-Release"]
        shown = self.cli("show", item).stdout.decode()
        self.assertIn(f"bob@modot.mo.gov  releasing (release {rid})", shown)
        p = self.cli("release", item, "--reason", "again")
        self.assertEqual(p.returncode, 1, p)
        self.assertIn(b"may have been delivered already", p.stdout)
        self.assertIn(rid.encode(), p.stdout)
        time.sleep(2)
        self.assertEqual(self.pf.delivered_count(), 1, "a second copy went out without --force")
        p = self.cli("release", item, "--reason", "checked the log: it was lost", "--force")
        self.assertEqual(p.returncode, 0, p)
        self.pf.wait_delivered(2, timeout=30)
        self.assertIn("bob@modot.mo.gov  released", self.cli("show", item).stdout.decode())

    def test_raw_refuses_a_terminal(self):
        item = self.hold_chain_letter()
        import pty
        pid, fd = pty.fork()
        if pid == 0:
            m = self.milter
            os.execv(str(BUILD / "ordinance"), [str(BUILD / "ordinance"), "--config", str(m.config), "--set",
                                                f"data_dir={REPO_ROOT / 'config' / 'examples'}", "--set",
                                                f"quarantine.dir={m.quarantine}", "quarantine", "show", item, "--raw"])
        out = b""
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        _, status = os.waitpid(pid, 0)
        self.assertNotEqual(os.waitstatus_to_exitcode(status), 0)
        self.assertIn(b"redirect it", out)
        self.assertNotIn(b"Subject:", out)


if __name__ == "__main__":
    unittest.main()
