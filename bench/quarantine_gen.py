#!/usr/bin/env python3
"""Fills a quarantine store with N generated held items (the on-disk format of
quarantine/item.h), to time `ordinance quarantine list/show/stats` at scale:
    python3 bench/quarantine_gen.py /tmp/q 100000
    time build/ordinance --set quarantine.dir=/tmp/q quarantine list >/dev/null
Prints the last id."""
import os, sys, time, random
root = sys.argv[1]; n = int(sys.argv[2])
items = os.path.join(root, "items"); os.makedirs(items, exist_ok=True); os.makedirs(os.path.join(root, "tmp"), exist_ok=True)
msg = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "corpus", "policy", "000_chain_00.eml"), "rb").read()
rules = [("chain_letter","chain_letter"),("gambling","gambling"),("virus","virus"),("personal_data","personal_data")]
t0 = 1764000000
for i in range(n):
    t = t0 + i * 20
    iid = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(t)) + "-%08x" % i
    d = os.path.join(items, iid); os.mkdir(d, 0o700)
    r, c = rules[i % 4]
    meta = ("ordinance-quarantine 1\nid %s\ntime %d\nqueue_id Q%d\nsender user%d@modot.mo.gov\nidentity envelope%%20user%d@modot.mo.gov\n"
            "direction internal\nclient 127.0.0.1\nsubject Item%%20number%%20%d\nreason Ordinance:%%20%s\nsize %d\n"
            "rcpt held %% bob@modot.mo.gov\nrcpt held %% carol@modot.mo.gov\n"
            "finding %s %s quarantine A%%20reason %% 2503%%20section%%207%%20N\nevent %d ordinance-milter held Ordinance:%%20%s\nend\n") % (
            iid, t, i, i % 500, i % 500, i, r, len(msg), r, c, t, r)
    with open(os.path.join(d, "meta"), "w") as f: f.write(meta)
    with open(os.path.join(d, "message.eml"), "wb") as f: f.write(msg)
print(iid)
