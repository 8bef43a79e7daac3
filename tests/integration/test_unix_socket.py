"""The milter on a unix socket behind a real Postfix.

Over a unix socket Postfix does not wait for an answer to each header and body chunk
(SMFIP_NR_HDR/EOH/BODY): the whole message must still be seen, verdicts must still hold, and a
failure in one of those unanswered steps must come back as a tempfail at the end of the data.
The socket itself gets milter.socket_mode and milter.socket_group, in a directory the milter
makes, so that Postfix's smtpd (user postfix) can connect and other local users cannot.
"""
import base64
import grp
import os
import stat
import unittest

from gateway import GatewayTestCase

MARKER = b"CLAMAV-TEST-STRING-NOT-EICAR"


def message(subject: str, attachment: bytes, headers: int = 0) -> bytes:
    extra = "".join(f"X-Filler-{i}: {'v' * 60}\r\n" for i in range(headers))
    blob = base64.encodebytes(attachment).decode()
    return (f"From: mallory@example.com\r\nTo: bob@modot.mo.gov\r\nSubject: {subject}\r\n{extra}"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
            "Content-Type: text/plain\r\n\r\nSee attached.\r\n--b\r\n"
            "Content-Type: application/octet-stream; name=\"data.bin\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n" + blob + "--b--\r\n").encode()


class UnixSocket(GatewayTestCase):
    tmp_prefix = "ordinance-unix-"
    unix_socket = True

    def test_the_socket_is_made_for_postfix_only(self):
        path = self.milter.socket_path
        st = os.stat(path)
        self.assertTrue(stat.S_ISSOCK(st.st_mode))
        self.assertEqual(stat.S_IMODE(st.st_mode), 0o660)
        self.assertEqual(grp.getgrgid(st.st_gid).gr_name, "postfix")
        d = os.lstat(path.parent)
        self.assertTrue(stat.S_ISDIR(d.st_mode))
        self.assertEqual(stat.S_IMODE(d.st_mode), 0o755)  # made by the milter
        self.assertEqual(d.st_uid, 0, "root's: milter.user cannot swap the socket before it is chowned")

    def test_every_header_and_body_chunk_is_seen_though_none_is_answered(self):
        # 300 KB of body: several body chunks; 60 header fields: 60 unanswered steps. The marker
        # sits at the very end, so a lost chunk would let the virus through.
        payload = os.urandom(300_000) + MARKER
        r = self.pf.send("mallory@example.com", ["bob@modot.mo.gov"], message("late marker", payload, headers=60))
        self.assertEqual(r.code, 550, str(r) + self.debug())
        self.assertIn("Ordinance.Test.NotEicar", r.data[1])

        clean = os.urandom(300_000)
        r = self.pf.send("mallory@example.com", ["bob@modot.mo.gov"], message("clean", clean, headers=60))
        self.assertTrue(r.ok, str(r) + self.debug())
        [d] = self.pf.wait_delivered(1, timeout=30)
        self.assertEqual(len(d.message.get_all("X-Filler-59") or []), 1)
        part = [p for p in d.message.walk() if p.get_filename() == "data.bin"][0]
        self.assertEqual(part.get_payload(decode=True), clean)


class UnixSocketStepFailure(GatewayTestCase):
    """Every message spills to a spool directory that cannot exist: the header steps fail,
    unanswered, and the end of the data answers for them."""
    tmp_prefix = "ordinance-unix-fail-"
    unix_socket = True
    milter_sets = ["milter.memory_body_limit=0", "milter.spool_dir=/proc/ordinance-no-such-dir"]

    def test_a_failed_unanswered_step_tempfails_at_end_of_data(self):
        r = self.pf.send("mallory@example.com", ["bob@modot.mo.gov"], message("spill", b"data"))
        self.assertEqual(r.code, 451, str(r) + self.debug())
        self.assertIn("4.3.0", r.data[1])
        self.assertIn("cannot take the message now", r.data[1])  # the end-of-data answer
        self.assertTrue(self.milter.wait_log("message_failed"), self.debug())
        self.assertEqual(self.pf.delivered_count(), 0)


class PlantedSymlink(unittest.TestCase):
    """The socket's directory is a symlink someone planted: the milter refuses to start and
    neither binds nor chowns anything where it points."""

    def test_a_symlink_in_place_of_the_directory_is_not_followed(self):
        import shutil
        import tempfile
        from pathlib import Path
        from milterproc import Milter
        tmp = Path(tempfile.mkdtemp(prefix="ordinance-unix-link-"))
        self.addCleanup(shutil.rmtree, tmp, True)
        target = tmp / "elsewhere"
        target.mkdir()
        (tmp / "run").symlink_to(target)
        m = Milter(tmp, unix_socket=True)
        self.addCleanup(m.stop)
        with self.assertRaises(RuntimeError):
            m.start()
        self.assertIn("socket's directory", m.log_text())
        self.assertEqual(list(target.iterdir()), [], "nothing made where the link points")
        self.assertEqual(os.lstat(target).st_uid, 0)


if __name__ == "__main__":
    unittest.main()
