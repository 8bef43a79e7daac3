"""Settling an interrupted release from the re-injection listener's log, through the real
Postfix (whose re-injection cleanup logs X-Ordinance-Release, deploy/postfix-instance.sh) and
the real ordinance-milter: a release killed after the listener took the message leaves its
recipients 'releasing'; `settle --maillog` finds the release id and marks them released without
sending again; a release killed before it sent anything is not found, stays releasing (exit 1),
and `release --force` then delivers it.
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


class SettleFromTheLog(GatewayTestCase):
    tmp_prefix = "ordinance-qsettle-"

    def prepare(self):
        self.gateway.reinject_port = free_port()
        self.gateway.milter_sets.append(f"quarantine.reinject=127.0.0.1:{self.gateway.reinject_port}")

    def cmd(self, *args):
        m = self.milter
        c = [str(BUILD / "ordinance"), "--config", str(m.config), "--set", f"data_dir={REPO_ROOT / 'config' / 'examples'}",
             "--set", f"quarantine.dir={m.quarantine}"]
        for s in m.sets:
            c += ["--set", s]
        return c + list(args)

    def cli(self, *args):
        return subprocess.run(self.cmd("quarantine", *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)

    def hold(self):
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov", "carol@modot.mo.gov"], CHAIN)
        self.assertTrue(r.ok, str(r) + self.debug())
        items = self.milter.wait_quarantined(1)
        self.assertEqual(len(items), 1, self.debug())
        self.pf.wait_queue_empty()
        return items[0].name

    def interrupted_release(self, item, relay: bool):
        """A release through a listener that kills it (by PID) before it hears the final 250:
        after relaying the message to the real listener (relay) or before any DATA (not)."""
        lsock = socket.socket()
        lsock.bind(("127.0.0.1", 0))
        lsock.listen(1)
        port = lsock.getsockname()[1]
        proc = {}

        def listener():
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
                elif cmd == b"DATA" and not relay:
                    os.kill(proc["p"].pid, signal.SIGKILL)
                    break
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
                    break
                else:
                    break
            f.close()
            c.close()

        t = threading.Thread(target=listener, daemon=True)
        t.start()
        proc["p"] = subprocess.Popen(self.cmd("--set", f"quarantine.reinject=127.0.0.1:{port}", "quarantine", "release",
                                              item, "--reason", "crash"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        proc["p"].wait(timeout=60)
        t.join(timeout=30)
        lsock.close()
        self.assertEqual(proc["p"].returncode, -signal.SIGKILL)

    def test_a_release_taken_by_the_listener_is_settled_without_a_second_copy(self):
        item = self.hold()
        self.interrupted_release(item, relay=True)
        [d] = self.pf.wait_delivered(1, timeout=30)
        rid = d.message["X-Ordinance-Release"]
        self.pf.wait_log(r"postfix/reinject/cleanup\[\d+\]: \w+: info: header X-Ordinance-Release: " + rid)
        self.assertIn(f"bob@modot.mo.gov  releasing (release {rid})", self.cli("show", item).stdout.decode())
        p = self.cli("release", item, "--reason", "again")
        self.assertEqual(p.returncode, 1, p)
        self.assertIn(b"settle it from the re-injection listener's log", p.stdout)

        p = self.cli("settle", item, "--maillog", str(self.pf.log_path))
        self.assertEqual(p.returncode, 0, p)
        self.assertIn(b"released (settled from the log) to bob@modot.mo.gov,carol@modot.mo.gov", p.stdout)
        shown = self.cli("show", item).stdout.decode()
        self.assertIn(f"bob@modot.mo.gov  released (release {rid})", shown)
        self.assertIn(f"carol@modot.mo.gov  released (release {rid})", shown)
        self.assertIn("settled from", shown)
        audit = (self.milter.quarantine / "audit.log").read_text()
        self.assertIn(f"action=settle id={item} rcpts=bob@modot.mo.gov,carol@modot.mo.gov release={rid}", audit)
        self.assertEqual(self.cli("verify").returncode, 0)
        time.sleep(2)
        self.assertEqual(self.pf.delivered_count(), 1, "settling sent a copy")

    def test_a_release_that_never_reached_the_listener_is_not_settled(self):
        item = self.hold()
        self.interrupted_release(item, relay=False)
        self.assertIn("bob@modot.mo.gov  releasing", self.cli("show", item).stdout.decode())
        p = self.cli("settle", item, "--maillog", str(self.pf.log_path))
        self.assertEqual(p.returncode, 1, p)
        self.assertIn(b"not in the log as taken by the listener", p.stdout)
        self.assertIn("bob@modot.mo.gov  releasing", self.cli("show", item).stdout.decode())
        p = self.cli("release", item, "--reason", "the log shows it never went", "--force")
        self.assertEqual(p.returncode, 0, p)
        [d] = self.pf.wait_delivered(1, timeout=30)
        self.assertEqual(sorted(d.recipients), ["bob@modot.mo.gov", "carol@modot.mo.gov"])


if __name__ == "__main__":
    unittest.main()
