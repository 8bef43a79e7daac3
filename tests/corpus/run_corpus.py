#!/usr/bin/env python3
"""Run `ordinance scan --json` over corpus directories and check each verdict.

Usage:
  run_corpus.py --ordinance BIN --config CFG DIR [DIR...]
                [--timeout 60] [--max-rss-mb 1024] [--scan-arg ARG]... [-k SUBSTR] [--no-batch] [-v]

For every NAME.eml in each DIR (sorted), runs one process
    BIN --config CFG scan --json [SCAN-ARGS] DIR/NAME.eml
and checks, against DIR/NAME.expected (format in README.md):
  * the process exited normally with status 0 or 1 (no signal, no 2, no timeout);
  * stdout is exactly one JSON line with the fields file, verdict, smtp_reply, findings
    (each finding: rule, category, action, score, reason, evidence) of the right types;
  * the set of finding categories equals the expected set;
  * verdict equals the pinned 'verdict: X' if any, else is 'accept' iff no category is expected;
  * exit status is 0 iff the verdict is 'accept';
  * peak RSS of the process (wait4 rusage) is at most --max-rss-mb. (Linux reports at least the
    runner's own peak, ~15 MB, for any child: such values are printed as '<=N MB'.)
Then, per directory, one batch run `scan --json f1 f2 ...` must print exactly one line per
file, in order, with the same verdicts and categories as the single runs (same exit/RSS rules).
Exit status: 0 if everything passed, 1 on any failure, 2 on usage error.
"""
import argparse
import glob
import json
import os
import resource
import select
import signal
import subprocess
import sys
import tempfile
import time

VERDICTS = {"accept", "tag", "quarantine", "reject", "tempfail", "discard"}
TOP_FIELDS = {"file": str, "verdict": str, "smtp_reply": str, "findings": list}
FINDING_FIELDS = {"rule": str, "category": str, "action": str, "score": (int, float),
                  "reason": str, "evidence": str}


class Expected:
    def __init__(self, categories, verdict, comment):
        self.categories = categories
        self.verdict = verdict
        self.comment = comment


def load_expected(path):
    """Parses a .expected file; raises ValueError on a malformed line."""
    cats, verdict, comment = set(), None, []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            if line.startswith("#"):
                comment.append(line[1:].strip())
            elif line.startswith("verdict:"):
                v = line[len("verdict:"):].strip()
                if v not in VERDICTS:
                    raise ValueError("%s:%d: unknown verdict %r" % (path, n, v))
                verdict = v
            elif all(c.isalnum() or c in "_-." for c in line):
                cats.add(line)
            else:
                raise ValueError("%s:%d: bad line %r" % (path, n, line))
    return Expected(cats, verdict, " ".join(comment))


class Run:
    """Result of one child process."""

    def __init__(self):
        self.exit_code = None   # exit status if exited normally
        self.signal = None      # signal number if killed
        self.timed_out = False
        self.rss_kb = 0
        self.rss_floor_kb = 0   # our own peak RSS at spawn: the child's ru_maxrss can't be lower
        self.elapsed_ms = 0.0
        self.stdout = b""
        self.stderr = b""

    def status_problem(self):
        if self.timed_out:
            return "timeout (killed)"
        if self.signal is not None:
            try:
                name = signal.Signals(self.signal).name
            except ValueError:
                name = str(self.signal)
            return "killed by signal %s" % name
        if self.exit_code not in (0, 1):
            return "exit status %d" % self.exit_code
        return None


def _wait(pid, timeout):
    """Waits for pid (with its rusage) up to timeout seconds; kills its group on timeout."""
    deadline = time.monotonic() + timeout
    timed_out = False
    pidfd = None
    if hasattr(os, "pidfd_open"):
        try:
            pidfd = os.pidfd_open(pid)
        except OSError:
            pidfd = None
    try:
        if pidfd is not None:
            poller = select.poll()
            poller.register(pidfd, select.POLLIN)
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    timed_out = True
                    break
                if poller.poll(max(1, int(left * 1000))):
                    break
        else:
            delay = 0.0005
            while True:
                wpid, status, ru = os.wait4(pid, os.WNOHANG)
                if wpid == pid:
                    return status, ru, False
                if time.monotonic() >= deadline:
                    timed_out = True
                    break
                time.sleep(delay)
                delay = min(delay * 2, 0.02)
        if timed_out:
            for kill in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
                try:
                    kill()
                    break
                except OSError:
                    pass
        _, status, ru = os.wait4(pid, 0)
        return status, ru, timed_out
    finally:
        if pidfd is not None:
            os.close(pidfd)


def run_cmd(cmd, timeout):
    r = Run()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        # Linux carries the parent's peak RSS into the child's ru_maxrss through fork+exec, so
        # a reported value equal to our own peak only means "at most this much".
        r.rss_floor_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                start_new_session=True)
        status, ru, r.timed_out = _wait(proc.pid, timeout)
        r.elapsed_ms = (time.monotonic() - t0) * 1000.0
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped; keep Popen quiet
        if os.WIFSIGNALED(status):
            r.signal = os.WTERMSIG(status)
        else:
            r.exit_code = os.WEXITSTATUS(status)
        r.rss_kb = ru.ru_maxrss  # KiB on Linux
        out.seek(0)
        err.seek(0)
        r.stdout = out.read()
        r.stderr = err.read()
    return r


def check_schema(obj):
    """Returns a list of problems with one JSON result object."""
    probs = []
    if not isinstance(obj, dict):
        return ["JSON value is %s, not an object" % type(obj).__name__]
    for k, t in TOP_FIELDS.items():
        if k not in obj:
            probs.append("missing field %r" % k)
        elif not isinstance(obj[k], t) or isinstance(obj[k], bool):
            probs.append("field %r has type %s" % (k, type(obj[k]).__name__))
    if isinstance(obj.get("verdict"), str) and obj["verdict"] not in VERDICTS:
        probs.append("unknown verdict %r" % obj["verdict"])
    for i, fnd in enumerate(obj.get("findings") or [] if isinstance(obj.get("findings"), list) else []):
        if not isinstance(fnd, dict):
            probs.append("findings[%d] is not an object" % i)
            continue
        for k, t in FINDING_FIELDS.items():
            if k not in fnd:
                probs.append("findings[%d] missing %r" % (i, k))
            elif not isinstance(fnd[k], t) or isinstance(fnd[k], bool):
                probs.append("findings[%d].%s has type %s" % (i, k, type(fnd[k]).__name__))
    return probs


def parse_lines(stdout):
    """Splits stdout into lines; returns (lines, problem)."""
    try:
        text = stdout.decode("utf-8")
    except UnicodeDecodeError as e:
        return [], "stdout is not valid UTF-8 (%s)" % e
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    else:
        return lines, "stdout does not end with a newline" if lines else "no output"
    return lines, None


def parse_one(line):
    """Returns (obj, problems)."""
    try:
        obj = json.loads(line)
    except ValueError as e:
        return None, ["invalid JSON (%s): %s" % (e, line[:200])]
    return obj, check_schema(obj)


def categories_of(obj):
    return {f.get("category") for f in obj.get("findings", []) if isinstance(f, dict)}


def judge(obj, exp):
    """Problems comparing one result object to the expectation (exit status checked elsewhere)."""
    probs = []
    got = categories_of(obj)
    if got != exp.categories:
        missing = sorted(exp.categories - got)
        extra = sorted(c for c in got - exp.categories if c is not None)
        d = []
        if missing:
            d.append("missing " + ",".join(missing))
        if extra:
            d.append("unexpected " + ",".join(extra))
        probs.append("categories: " + "; ".join(d))
    v = obj.get("verdict")
    if exp.verdict is not None:
        if v != exp.verdict:
            probs.append("verdict %s, expected %s" % (v, exp.verdict))
    elif not exp.categories and v != "accept":
        probs.append("verdict %s, expected accept" % v)
    elif exp.categories and v == "accept":
        probs.append("verdict accept, expected not accept")
    return probs


def same_file(reported, given):
    if reported == given:
        return True
    try:
        if os.path.realpath(reported) == os.path.realpath(given):
            return True
    except (TypeError, ValueError):
        return False
    return os.path.basename(str(reported)) == os.path.basename(given)


def fmt_rss(kb, floor_kb=0):
    return ("<=" if kb <= floor_kb else "") + "%.1f MB" % (kb / 1024.0)


def summarize_findings(obj):
    return "; ".join("%s/%s/%s: %s" % (f.get("category"), f.get("rule"), f.get("action"), f.get("reason"))
                     for f in obj.get("findings", []) if isinstance(f, dict))


def tail(b, n=5):
    lines = b.decode("utf-8", "replace").rstrip("\n").split("\n")
    return "\n".join("      stderr| " + l[:300] for l in lines[-n:] if l)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ordinance", required=True, help="path to the ordinance binary")
    ap.add_argument("--config", required=True, help="config file passed as --config")
    ap.add_argument("dirs", nargs="+", metavar="DIR")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per single-file scan (default 60)")
    ap.add_argument("--batch-timeout", type=float, default=None,
                    help="seconds for a batch run (default: timeout x number of files)")
    ap.add_argument("--max-rss-mb", type=float, default=1024.0, help="peak RSS limit per process (default 1024)")
    ap.add_argument("--scan-arg", action="append", default=[],
                    help="extra argument placed after 'scan --json' (repeatable, e.g. --scan-arg=--rcpt=a@b)")
    ap.add_argument("-k", dest="filter", help="only files whose name contains this substring")
    ap.add_argument("--no-batch", action="store_true", help="skip the all-files-at-once run")
    ap.add_argument("-v", "--verbose", action="store_true", help="show findings, and stderr on failure")
    args = ap.parse_args()

    if not (os.path.isfile(args.ordinance) and os.access(args.ordinance, os.X_OK)):
        ap.error("not an executable: %s" % args.ordinance)
    if not os.path.isfile(args.config):
        ap.error("no such config: %s" % args.config)
    base_cmd = [args.ordinance, "--config", args.config, "scan", "--json"] + args.scan_arg
    rss_limit_kb = args.max_rss_mb * 1024

    total = failed = 0
    max_rss = (0, "")
    slowest = (0.0, "")
    t_start = time.monotonic()
    failures = []

    for d in args.dirs:
        if not os.path.isdir(d):
            print("FAIL  %s: not a directory" % d)
            failed += 1
            failures.append(d)
            continue
        files = sorted(glob.glob(os.path.join(d, "*.eml")))
        if args.filter:
            files = [f for f in files if args.filter in os.path.basename(f)]
        if not files:
            print("FAIL  %s: no .eml files" % d)
            failed += 1
            failures.append(d)
            continue
        print("== %s (%d files)" % (d, len(files)))
        expected = {}
        single = {}
        for path in files:
            name = os.path.basename(path)
            total += 1
            probs = []
            exp = None
            try:
                exp = load_expected(path[:-4] + ".expected")
            except FileNotFoundError:
                probs.append("no .expected file")
            except ValueError as e:
                probs.append(str(e))
            expected[path] = exp
            r = run_cmd(base_cmd + [path], args.timeout)
            sp = r.status_problem()
            obj = None
            if sp:
                probs.append(sp)
            if not r.timed_out and r.signal is None:
                lines, lp = parse_lines(r.stdout)
                if lp:
                    probs.append(lp)
                if len(lines) != 1:
                    probs.append("%d output lines, expected 1" % len(lines))
                if lines:
                    obj, sch = parse_one(lines[0])
                    probs += sch
                if isinstance(obj, dict):
                    single[path] = obj
                    if "file" in obj and not same_file(obj["file"], path):
                        probs.append("file field %r" % (obj["file"],))
                    if exp is not None:
                        probs += judge(obj, exp)
                    if r.exit_code in (0, 1) and isinstance(obj.get("verdict"), str):
                        if (r.exit_code == 0) != (obj["verdict"] == "accept"):
                            probs.append("exit status %d with verdict %s" % (r.exit_code, obj["verdict"]))
            if r.rss_kb > rss_limit_kb:
                probs.append("peak RSS %s over limit %.0f MB" % (fmt_rss(r.rss_kb), args.max_rss_mb))
            max_rss = max(max_rss, (r.rss_kb, name))
            slowest = max(slowest, (r.elapsed_ms, name))
            got = ""
            if isinstance(obj, dict):
                got = "%s [%s]" % (obj.get("verdict"), ",".join(sorted(str(c) for c in categories_of(obj))))
            status = "FAIL" if probs else "PASS"
            print("%s  %-44s %-28s %8.0f ms %9s%s" % (status, name, got, r.elapsed_ms, fmt_rss(r.rss_kb, r.rss_floor_kb),
                                                     ("  -- " + "; ".join(probs)) if probs else ""))
            if args.verbose:
                if exp is not None and exp.comment:
                    print("      # " + exp.comment)
                if isinstance(obj, dict) and obj.get("findings"):
                    print("      findings: " + summarize_findings(obj)[:1000])
                if probs and r.stderr:
                    print(tail(r.stderr))
            if probs:
                failed += 1
                failures.append(path)

        if args.no_batch:
            continue
        # ---- batch run: all files of this directory in one process
        total += 1
        bt = args.batch_timeout if args.batch_timeout else args.timeout * len(files)
        r = run_cmd(base_cmd + files, bt)
        probs = []
        sp = r.status_problem()
        if sp:
            probs.append(sp)
        all_accept = True
        if not r.timed_out and r.signal is None:
            lines, lp = parse_lines(r.stdout)
            if lp:
                probs.append(lp)
            if len(lines) != len(files):
                probs.append("%d output lines for %d files" % (len(lines), len(files)))
            for i, (path, line) in enumerate(zip(files, lines)):
                name = os.path.basename(path)
                obj, sch = parse_one(line)
                if sch:
                    probs.append("line %d (%s): %s" % (i + 1, name, "; ".join(sch)))
                if not isinstance(obj, dict):
                    all_accept = False
                    continue
                if obj.get("verdict") != "accept":
                    all_accept = False
                if "file" in obj and not same_file(obj["file"], path):
                    probs.append("line %d: file %r, expected %s (order)" % (i + 1, obj["file"], path))
                    continue
                ref = single.get(path)
                if ref is not None:
                    if obj.get("verdict") != ref.get("verdict") or categories_of(obj) != categories_of(ref):
                        probs.append("%s: batch gave %s [%s], single run gave %s [%s]" % (
                            name, obj.get("verdict"), ",".join(sorted(map(str, categories_of(obj)))),
                            ref.get("verdict"), ",".join(sorted(map(str, categories_of(ref))))))
                elif expected.get(path) is not None:
                    jp = judge(obj, expected[path])
                    if jp:
                        probs.append("%s: %s" % (name, "; ".join(jp)))
            if len(lines) < len(files):
                all_accept = False
            if r.exit_code in (0, 1) and (r.exit_code == 0) != all_accept:
                probs.append("exit status %d but %s" % (
                    r.exit_code, "all accepted" if all_accept else "not all accepted"))
        if r.rss_kb > rss_limit_kb:
            probs.append("peak RSS %s over limit %.0f MB" % (fmt_rss(r.rss_kb), args.max_rss_mb))
        max_rss = max(max_rss, (r.rss_kb, "[batch %s]" % d))
        status = "FAIL" if probs else "PASS"
        print("%s  %-73s %8.0f ms %9s" % (status, "[batch: %d files in one run]" % len(files),
                                         r.elapsed_ms, fmt_rss(r.rss_kb, r.rss_floor_kb)))
        for p in probs[:20]:
            print("      - " + p)
        if len(probs) > 20:
            print("      - ... %d more" % (len(probs) - 20))
        if probs and args.verbose and r.stderr:
            print(tail(r.stderr))
        if probs:
            failed += 1
            failures.append("[batch %s]" % d)

    elapsed = time.monotonic() - t_start
    print("== summary: %d checks, %d passed, %d failed; max RSS %s (%s); slowest %.0f ms (%s); %.1f s total"
          % (total, total - failed, failed, fmt_rss(max_rss[0]), max_rss[1], slowest[0], slowest[1], elapsed))
    if failures:
        print("== failed: " + " ".join(os.path.basename(f) if f.endswith(".eml") else f for f in failures))
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
