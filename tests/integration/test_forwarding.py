"""Forwarding by people who were not the intended recipients (issue 17), end to end: a real
Postfix on loopback, the real ordinance-milter journaling what it accepts, and its forwarding
check asking that journal who received the original.

alice sends to bob with carol in Bcc; carol forwards it (only the journal knows she received
it) -- delivered; dave, who never received it, forwards a copy he got out of band --
quarantined, rule forward_by_nonrecipient; bob forwards it to an outside address -- delivered.
"""
import email.utils
import time
import unittest

from gateway import GatewayTestCase


def original() -> bytes:
    return (b"From: Alice Smith <alice@modot.mo.gov>\r\nTo: Bob Jones <bob@modot.mo.gov>\r\n"
            b"Subject: Route 7 bridge budget\r\nMessage-ID: <fwd-original@modot.mo.gov>\r\n\r\n"
            b"The Route 7 bridge budget is 1.2 million for next year.\r\n")


def forward(forwarder: str, name: str, to: str) -> bytes:
    # Outlook's inline forward as it quotes the original: no Message-ID, so the journal is asked
    # by sender, day and subject.
    sent = time.strftime("%A, %B %d, %Y %I:%M %p", time.gmtime())
    return (f"From: {name} <{forwarder}>\r\nTo: {to}\r\nSubject: FW: Route 7 bridge budget\r\n"
            f"Message-ID: <fwd-{forwarder.split('@')[0]}@modot.mo.gov>\r\n\r\nFYI, see below.\r\n\r\n"
            f"-----Original Message-----\r\nFrom: Smith, Alice <alice@modot.mo.gov>\r\nSent: {sent}\r\n"
            f"To: Jones, Bob <bob@modot.mo.gov>\r\nSubject: Route 7 bridge budget\r\n\r\n"
            f"The Route 7 bridge budget is 1.2 million for next year.\r\n").encode()


class ForwardingGatewayTest(GatewayTestCase):
    tmp_prefix = "ordinance-fwd-"

    def test_bcc_recipient_forwards_nonrecipient_is_held_recipient_forwards_outside(self):
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov", "carol@modot.mo.gov"], original())
        self.assertTrue(r.ok, str(r) + self.debug())
        self.pf.wait_delivered(1)

        # carol was only in the envelope (Bcc): the journal has her as a recipient.
        r = self.pf.send("carol@modot.mo.gov", ["erin@modot.mo.gov"],
                         forward("carol@modot.mo.gov", "Carol Miller", "erin@modot.mo.gov"))
        self.assertTrue(r.ok, str(r) + self.debug())
        self.pf.wait_delivered(2)

        # dave never received it: held (the store is written before the MTA hears the answer).
        r = self.pf.send("dave@modot.mo.gov", ["erin@modot.mo.gov"],
                         forward("dave@modot.mo.gov", "Dave Brown", "erin@modot.mo.gov"))
        self.assertTrue(r.ok, str(r) + self.debug())
        held = self.milter.wait_quarantined(1)
        self.assertEqual(len(held), 1, self.debug())
        self.assertTrue(self.milter.wait_log("forward_by_nonrecipient"), self.debug())

        # bob was in To: his forward to an outside address goes out.
        r = self.pf.send("bob@modot.mo.gov", ["pat@cityofkc.org"],
                         forward("bob@modot.mo.gov", "Bob Jones", "pat@cityofkc.org"))
        self.assertTrue(r.ok, str(r) + self.debug())
        delivered = self.pf.wait_delivered(3)
        self.pf.wait_queue_empty()
        delivered = self.pf.delivered()
        senders = sorted(d.sender for d in delivered)
        self.assertEqual(senders, ["alice@modot.mo.gov", "bob@modot.mo.gov", "carol@modot.mo.gov"], self.debug())
        self.assertEqual(len(self.milter.quarantined()), 1)
        for d in delivered:
            self.assertNotIn("forward_by_nonrecipient", d.header_bytes.decode(errors="replace"))


if __name__ == "__main__":
    unittest.main()
