#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""harness_check.py - the VM harness reports a hung or wedged VM truthfully.

tests/vm/parse-console.py turns a VM's console into results. A VM that
hangs, wedges its kernel or runs out of make check's time must fail the
test it was in, every planned test it never began, and "vm: ran to
completion", with the reason tests/vm/run.sh's watchdog or guest-init.sh
gave. These consoles are written the way those two write them. TAP out.
"""
import os
import subprocess
import sys

PARSER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "vm", "parse-console.py")

BOOT = ["@@SCTPDAR BOOT 6.1.0", "@@SCTPDAR KMSG boot", "@@SCTPDAR KMSG-END boot"]
A_OK = ["@@SCTPDAR BEGIN netns/a.sh", "1..1", "ok 1 - fine",
        "@@SCTPDAR END netns/a.sh rc=0 secs=3",
        "@@SCTPDAR KMSG netns/a.sh", "@@SCTPDAR KMSG-END netns/a.sh"]
HUNG = "@@SCTPDAR HOST hung: no progress for 420 s after 'BEGIN netns/b.sh': VM killed"
LATE = "@@SCTPDAR HOST out of time: make check's deadline (SCTP_DAR_DEADLINE) came: VM killed"


def parse(lines, plan, tmpdir):
    path = os.path.join(tmpdir, "console.log")
    with open(path, "w") as f:
        f.write("\r\n".join(lines) + "\r\n")
    out = subprocess.run([sys.executable, PARSER, "stock-6.1", path] + plan,
                         capture_output=True, text=True, check=False).stdout
    res = {}
    for line in out.splitlines():
        f = line.split("\t")
        if f[0] in ("PASS", "FAIL", "SKIP"):
            res[f[1]] = (f[0], f[2] if len(f) > 2 else "")
    return res, out


CASES = []


def case(fn):
    CASES.append(fn)
    return fn


@case
def complete_run_passes(tmp):
    res, _ = parse(BOOT + A_OK + ["@@SCTPDAR DONE"], ["netns/a.sh"], tmp)
    return res.get("stock-6.1 vm: ran to completion", ("?",))[0] == "PASS" and \
        res.get("stock-6.1 netns/a.sh: fine", ("?",))[0] == "PASS" and \
        all(s == "PASS" for s, _ in res.values())


@case
def hung_vm_fails_its_test_the_rest_and_the_run(tmp):
    res, _ = parse(BOOT + A_OK + ["@@SCTPDAR BEGIN netns/b.sh", "1..2", "ok 1 - one", HUNG],
                   ["netns/a.sh", "netns/b.sh", "netns/c.sh"], tmp)
    b = res.get("stock-6.1 netns/b.sh", ("?", ""))
    c = res.get("stock-6.1 netns/c.sh", ("?", ""))
    v = res.get("stock-6.1 vm: ran to completion", ("?", ""))
    return (b[0] == "FAIL" and "hung: no progress" in b[1] and
            c[0] == "FAIL" and c[1].startswith("not run") and
            v[0] == "FAIL" and "hung" in v[1] and
            res.get("stock-6.1 netns/a.sh: fine", ("?",))[0] == "PASS")


@case
def deadline_fails_what_did_not_run(tmp):
    res, _ = parse(BOOT + A_OK + [LATE], ["netns/a.sh", "netns/b.sh"], tmp)
    b = res.get("stock-6.1 netns/b.sh", ("?", ""))
    v = res.get("stock-6.1 vm: ran to completion", ("?", ""))
    return b[0] == "FAIL" and "out of time" in b[1] and v[0] == "FAIL" and "out of time" in v[1]


@case
def wedged_kernel_fails_the_test_and_shows_what_was_left(tmp):
    lines = BOOT + ["@@SCTPDAR BEGIN netns/b.sh", "1..1", "ok 1 - one",
                    "@@SCTPDAR END netns/b.sh rc=124 secs=300",
                    "@@SCTPDAR TIMEOUT netns/b.sh: processes left",
                    "PID   STAT COMMAND", "   55 D    rmmod sctp_dar",
                    "@@SCTPDAR KMSG netns/b.sh", "@@SCTPDAR KMSG-END netns/b.sh",
                    "@@SCTPDAR WEDGED netns/b.sh task(s) in uninterruptible sleep "
                    "after SIGKILL: 55:rmmod sctp_dar"]
    res, out = parse(lines, ["netns/b.sh"], tmp)
    w = res.get("stock-6.1 netns/b.sh: kernel not wedged after it", ("?", ""))
    e = res.get("stock-6.1 netns/b.sh: exit status", ("?", ""))
    return (w[0] == "FAIL" and "55:rmmod" in w[1] and e[0] == "FAIL" and
            "timed out" in e[1] and "#\t   55 D    rmmod sctp_dar" in out and
            res.get("stock-6.1 vm: ran to completion", ("?",))[0] == "FAIL")


@case
def frozen_part_reports_only_what_came_before(tmp):
    froze = "@@SCTPDAR HOST froze: not a byte on the console for 420 s after 'BEGIN netns/b.sh': VM killed"
    path = os.path.join(tmp, "console.log")
    with open(path, "w") as f:
        f.write("\n".join(BOOT + A_OK + ["@@SCTPDAR BEGIN netns/b.sh", "1..1", froze]) + "\n")
    out = subprocess.run([sys.executable, PARSER, "stock-6.1", path, "--upto", "netns/b.sh",
                          "netns/a.sh"], capture_output=True, text=True, check=False).stdout
    names = [l.split("\t")[1] for l in out.splitlines() if l.split("\t")[0] in ("PASS", "FAIL")]
    return ("stock-6.1 netns/a.sh: fine" in names and
            not any("netns/b.sh" in n or "ran to completion" in n for n in names) and
            "FAIL" not in out)


@case
def planned_test_never_begun_fails(tmp):
    res, _ = parse(BOOT + A_OK + ["@@SCTPDAR DONE"], ["netns/a.sh", "netns/z.sh"], tmp)
    z = res.get("stock-6.1 netns/z.sh", ("?", ""))
    return z[0] == "FAIL" and z[1].startswith("not run")


def main():
    import tempfile
    print("TAP version 13")
    print(f"1..{len(CASES)}")
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, fn in enumerate(CASES, 1):
            try:
                ok = fn(tmp)
            except Exception as e:  # a crash of the parser is a failure
                print(f"# {fn.__name__}: {e!r}")
                ok = False
            print(f"{'ok' if ok else 'not ok'} {n} - {fn.__name__.replace('_', ' ')}")
            failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
