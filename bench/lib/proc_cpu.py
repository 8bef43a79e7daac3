#!/usr/bin/env python3
"""CPU accounting for bench/lib/mta_common.sh (Python 3 stdlib only, Linux /proc).

    proc_cpu.py snap [--pid LABEL=PID ...] [--master-pidfile FILE]   > SNAP.json
    proc_cpu.py diff BEFORE.json AFTER.json --name RUN --messages N [--client-cpu SECONDS]

`snap` records the wall clock, the machine's CPU ticks (/proc/stat: busy, iowait, idle), the
user+system ticks of each LABEL=PID (all its threads), and of a Postfix instance: its master's
own and reaped children's ticks plus every live child's, by command name (smtpd, cleanup, ...).
`diff` prints two lines: the machine (wall seconds, busy and iowait in cores out of N) and CPU
milliseconds per message for Postfix (by process), each LABEL, the load client and the rest
("other": whatever else ran on the machine meanwhile; large when it is shared).
"""

import argparse
import json
import os
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid):
    """(comm, ppid, utime+stime, cutime+cstime) in ticks, or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
    except OSError:
        return None
    comm = s[s.index("(") + 1:s.rindex(")")]
    f = s[s.rindex(")") + 2:].split()  # f[0] is field 3 (state)
    return comm, int(f[1]), int(f[11]) + int(f[12]), int(f[13]) + int(f[14])


def _machine():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle, iowait = v[3], v[4]
    return {"busy": sum(v[:8]) - idle - iowait, "iowait": iowait, "idle": idle}


def cmd_snap(a):
    out = {"time": time.time(), "machine": _machine(), "ncpu": os.cpu_count(), "pids": {}, "postfix": {}}
    for lp in a.pid:
        label, pid = lp.split("=", 1)
        st = _stat(pid)
        out["pids"][label] = st[2] if st else None
    if a.master_pidfile:
        try:
            master = int(open(a.master_pidfile).read().strip())
        except (OSError, ValueError):
            master = None
        st = _stat(master) if master else None
        if st:
            groups = {"master+exited": st[2] + st[3]}
            for p in os.listdir("/proc"):
                if not p.isdigit():
                    continue
                c = _stat(p)
                if c and c[1] == master:
                    groups[c[0]] = groups.get(c[0], 0) + c[2] + c[3]
            out["postfix"] = groups
    json.dump(out, sys.stdout)
    return 0


def cmd_diff(a):
    b, e = json.load(open(a.before)), json.load(open(a.after))
    wall = e["time"] - b["time"]
    busy = (e["machine"]["busy"] - b["machine"]["busy"]) / TICK
    iow = (e["machine"]["iowait"] - b["machine"]["iowait"]) / TICK
    per = 1000.0 / a.messages  # seconds -> ms per message
    print(f"cpu {a.name}: wall={wall:.1f}s busy={busy / wall:.2f} iowait={iow / wall:.2f} "
          f"of {e['ncpu']} cores; cpu ms/msg total={busy * per:.2f}")
    parts = []
    pf = {k: (e["postfix"].get(k, 0) - b["postfix"].get(k, 0)) / TICK for k in e["postfix"]}
    pf_total = sum(pf.values())
    accounted = pf_total
    if e["postfix"]:
        detail = " ".join(f"{k}={v * per:.2f}" for k, v in sorted(pf.items(), key=lambda kv: -kv[1]) if v > 0)
        parts.append(f"postfix={pf_total * per:.2f} ({detail})")
    for label, t in e["pids"].items():
        t0 = b["pids"].get(label)
        if t is None or t0 is None:
            parts.append(f"{label}=?")
            continue
        accounted += (t - t0) / TICK
        parts.append(f"{label}={(t - t0) / TICK * per:.2f}")
    parts.append(f"load-client={a.client_cpu * per:.2f}")
    accounted += a.client_cpu
    parts.append(f"other={(busy - accounted) * per:.2f}")
    print(f"cpu {a.name}: cpu ms/msg " + " ".join(parts))
    if a.summary:
        labelled = sum((t - b["pids"].get(label)) / TICK for label, t in e["pids"].items()
                       if t is not None and b["pids"].get(label) is not None and label != "smtp-sink")
        with open(a.summary, "w") as f:
            f.write(f"{accounted * per:.3f} {labelled * per:.3f} {busy * per:.3f}\n")
    return 0


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snap", help="print a snapshot (JSON)")
    s.add_argument("--pid", action="append", default=[], help="LABEL=PID, repeatable")
    s.add_argument("--master-pidfile", help="Postfix master.pid of the instance")
    d = sub.add_parser("diff", help="CPU used between two snapshots")
    d.add_argument("before")
    d.add_argument("after")
    d.add_argument("--name", default="run")
    d.add_argument("--messages", type=int, required=True)
    d.add_argument("--client-cpu", type=float, default=0.0, help="load client's own CPU seconds")
    d.add_argument("--summary", help="write 'ACCOUNTED LABELLED BUSY' (ms/msg) to this file; LABELLED is "
                   "the --pid processes but smtp-sink, ACCOUNTED all but other, BUSY the whole machine")
    a = p.parse_args(argv)
    return cmd_snap(a) if a.cmd == "snap" else cmd_diff(a)


if __name__ == "__main__":
    sys.exit(main())
