#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""parse-console.py FLAVOUR CONSOLE_LOG [--upto TEST] [TEST...] - turn a test VM's console into results.

Reads the framing written by guest-init.sh and prints one result per line,
tab-separated: STATUS (PASS, FAIL or SKIP), the test's name, and a detail
(the skip reason, or what failed); and after each test one line
"TIME<tab>TEST<tab>SECONDS", its elapsed time as guest-init measured it
(not a result: callers keep it apart). Results come from:
  - each TAP 13 test script's top-level "ok"/"not ok" lines, its plan and
    its exit status (4 = skipped as a whole, ksft_skip);
  - each KUnit suite's KTAP from debugfs, one result per test case; every
    suite the sources register (kunit_test_suite() in tests/kunit/*.c)
    must be there, so a suite that did not run fails;
  - the kernel log captured around every test: a BUG/WARNING/KASAN/UBSAN/
    lockdep/RCU splat fails "<test>: no kernel splat", whichever test ran;
  - the end of the run: modules unload, kmemleak finds nothing, the VM
    reached DONE (a hung or crashed VM fails here, with the reason
    tests/vm/run.sh's watchdog gave in "@@SCTPDAR HOST <why>");
  - each TEST given that never began fails as not run;
  - with --upto TEST, the console is one part of a run that goes on in
    another boot from TEST (tests/vm/run.sh: a VM that froze): only what
    came before TEST is reported, and not the run's end;
  - "@@SCTPDAR WEDGED <test> <why>" (guest-init.sh: a task stuck in
    uninterruptible sleep after the test timed out) fails that test;
    what a timed-out test left running is printed as comments.
"""
import glob
import os
import re
import sys

KUNIT_SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "kunit")

SPLAT = re.compile(
    r"(BUG:|WARNING:|KASAN:|UBSAN:|general protection fault|Oops:|"
    r"Kernel panic|possible circular locking|possible recursive locking|"
    r"inconsistent lock state|suspicious RCU usage|DEBUG_LOCKS_WARN_ON|"
    r"INFO: task .* blocked|unreferenced object|Call Trace:|"
    r"refcount_t: |list_(add|del) corruption|ODEBUG:|soft lockup)")
TAP = re.compile(r"^(not )?ok\s+(\d+)\s*(?:-\s*)?(.*?)\s*(?:#\s*(SKIP|TODO)\b\s*(.*))?$")
KTAP_CASE = re.compile(r"^(\s*)(not )?ok\s+(\d+)\s*(?:-\s*)?(\S+)(?:\s*#\s*(SKIP)\b\s*(.*))?")


def emit(status, name, detail=""):
    detail = detail.replace("\t", " ").strip()
    print(f"{status}\t{name}\t{detail}")


def rc_text(rc):
    """What an exit status means, in words."""
    if rc in (124, 143):
        return f"timed out (exit status {rc})"
    return f"exit status {rc}"


def parse_tap(flavour, test, lines, rc):
    cases, plan, counts, notrun = [], None, {"FAIL": 0}, {}
    for line in lines:
        # lib.sh tap_notrun: "# NAME: not run: REASON" before "not ok N - NAME"
        m = re.match(r"^# (.*): (not run: .*)$", line)
        if m:
            notrun[m.group(1)] = m.group(2)
            continue
        m = re.match(r"^1\.\.(\d+)", line)
        if m and plan is None:
            plan = int(m.group(1))
            continue
        m = TAP.match(line)
        if not m:
            continue
        notok, _, desc, directive, reason = m.groups()
        name = f"{flavour} {test}: {desc or '(unnamed)'}"
        if directive == "SKIP":
            emit("SKIP", name, reason or "skipped")
        elif notok and directive != "TODO":
            emit("FAIL", name, notrun.get(desc, ""))
            counts["FAIL"] += 1
        else:
            emit("PASS", name)
        cases.append(desc)
    if rc == 4 and not cases:
        reasons = [l for l in lines if "SKIP" in l or "skip" in l]
        emit("SKIP", f"{flavour} {test}", reasons[-1] if reasons else "ksft_skip")
        return
    if not cases:
        emit("FAIL", f"{flavour} {test}", f"ran no test case ({rc_text(rc)})")
        tail = [l for l in lines if l.strip()][-15:]
        for l in tail:
            print(f"#\t{l}")
        return
    if plan is not None and plan != len(cases):
        emit("FAIL", f"{flavour} {test}: plan", f"planned {plan}, ran {len(cases)}")
    if rc not in (0, 4) and counts["FAIL"] == 0:
        emit("FAIL", f"{flavour} {test}: exit status", f"{rc_text(rc)} without a failing case")


def parse_ktap(flavour, suite, lines):
    found = False
    for line in lines:
        m = KTAP_CASE.match(line)
        if not m:
            continue
        indent, notok, _, name, skip, reason = m.groups()
        if name == suite and not indent:
            continue  # the suite's own summary line
        found = True
        full = f"{flavour} kunit: {suite}.{name}"
        if skip:
            emit("SKIP", full, reason or "skipped")
        elif notok:
            emit("FAIL", full)
        else:
            emit("PASS", full)
    if not found:
        emit("FAIL", f"{flavour} kunit: {suite}", "no test case results in debugfs")


def expected_suites(srcdir=KUNIT_SRC):
    """The KUnit suites the sources register: {suite name: file}.

    Each kunit_test_suite(VAR) / kunit_test_suites(&VAR, ...) names
    variables; each "struct kunit_suite VAR = { ... .name = "NAME"" gives
    the name the suite reports under in debugfs. A registered variable
    whose name cannot be found maps to None (reported as a failure).
    """
    found = {}
    for path in sorted(glob.glob(os.path.join(srcdir, "*.c"))):
        with open(path, errors="replace") as f:
            text = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
        names = {}
        for m in re.finditer(r"struct\s+kunit_suite\s+(\w+)\s*=\s*\{(.*?)\};", text, re.S):
            n = re.search(r"\.name\s*=\s*\"([^\"]+)\"", m.group(2))
            names[m.group(1)] = n.group(1) if n else None
        for m in re.finditer(r"\bkunit_test_suites?\s*\(([^;]*?)\)\s*;", text, re.S):
            for var in re.findall(r"\w+", m.group(1)):
                found[names.get(var) or f"{var} (no .name found)"] = os.path.basename(path)
    return found


def main():
    flavour, path, plan = sys.argv[1], sys.argv[2], sys.argv[3:]
    upto = None
    if plan[:1] == ["--upto"]:
        upto, plan = plan[1], plan[2:]
    with open(path, errors="replace") as f:
        raw = [l.rstrip("\r\n").replace("\r", "") for l in f]
    if upto is not None:
        # One part of a run that goes on in another boot from <upto>
        # (tests/vm/run.sh, a VM that froze): its tests, not its end.
        cut = next((n for n, l in enumerate(raw) if l == f"@@SCTPDAR BEGIN {upto}"), len(raw))
        raw = raw[:cut] + ["@@SCTPDAR PART-END"]

    i, done, booted = 0, False, False
    # tests/vm/run.sh appends why its watchdog killed the VM, if it did.
    host = next((l[len("@@SCTPDAR HOST "):] for l in raw
                 if l.startswith("@@SCTPDAR HOST ")), "")
    began = []
    while i < len(raw):
        line = raw[i]
        # The BIOS's escape sequences may share BOOT's line.
        if "@@SCTPDAR BOOT" in line:
            booted = True
        elif line.startswith("@@SCTPDAR BEGIN "):
            test = line.split(" ", 2)[2]
            began.append(test)
            body, rc = [], None
            i += 1
            while i < len(raw) and not raw[i].startswith("@@SCTPDAR END "):
                body.append(raw[i])
                i += 1
            secs = None
            if i < len(raw):
                m = re.search(r"rc=(\d+)", raw[i])
                rc = int(m.group(1)) if m else 1
                m = re.search(r"secs=(\d+)", raw[i])
                secs = m.group(1) if m else None
            if rc is None:
                emit("FAIL", f"{flavour} {test}", f"did not finish ({host or 'the VM crashed'})")
                for l in [l for l in body if l.strip()][-25:]:
                    print(f"#\t{l}")
                break
            if test == "kunit":
                suites = 0
                j = 0
                while j < len(body):
                    m = re.match(r"^@@KTAP (\S+)", body[j])
                    if m:
                        suite, block = m.group(1), []
                        j += 1
                        while j < len(body) and not body[j].startswith("@@KTAP-END"):
                            block.append(body[j])
                            j += 1
                        parse_ktap(flavour, suite, block)
                        suites += 1
                    j += 1
                if suites == 0:
                    err = [l for l in body if "@@SCTPDAR ERROR" in l]
                    emit("FAIL", f"{flavour} kunit", err[0] if err else "no KUnit suite ran")
                seen = {m.group(1) for m in (re.match(r"^@@KTAP (\S+)", l) for l in body) if m}
                expected = expected_suites()
                if not expected:
                    emit("FAIL", f"{flavour} kunit: expected suites",
                         f"no kunit_test_suite() found in {os.path.normpath(KUNIT_SRC)}")
                for suite, src in sorted(expected.items()):
                    if suite not in seen:
                        emit("FAIL", f"{flavour} kunit: {suite}",
                             f"registered in tests/kunit/{src} but did not run")
            else:
                for l in body:
                    if l.startswith("@@SCTPDAR ERROR"):
                        emit("FAIL", f"{flavour} {test}", l)
                parse_tap(flavour, test, body, rc)
            if secs is not None:
                emit("TIME", test, secs)
        elif line.startswith("@@SCTPDAR KMSG "):
            what = line.split(" ", 2)[2]
            block = []
            i += 1
            while i < len(raw) and not raw[i].startswith("@@SCTPDAR KMSG-END"):
                block.append(raw[i])
                i += 1
            bad = [l for l in block if SPLAT.search(l)]
            name = f"{flavour} {what}: no kernel splat"
            if bad:
                emit("FAIL", name, bad[0])
                for l in bad[:20]:
                    print(f"#\t{l}")
            else:
                emit("PASS", name)
        elif line.startswith("@@SCTPDAR KMEMLEAK"):
            block = []
            i += 1
            while i < len(raw) and not raw[i].startswith("@@SCTPDAR KMEMLEAK-END"):
                block.append(raw[i])
                i += 1
            leaks = [l for l in block if "unreferenced object" in l]
            if leaks:
                emit("FAIL", f"{flavour} kmemleak: no leaked object", f"{len(leaks)} leak(s): {leaks[0]}")
                for l in block[:40]:
                    print(f"#\t{l}")
            else:
                emit("PASS", f"{flavour} kmemleak: no leaked object")
        elif line.startswith("@@SCTPDAR ERROR rmmod"):
            emit("FAIL", f"{flavour} final: modules unload", line)
        elif line.startswith("@@SCTPDAR TIMEOUT "):
            # guest-init.sh: what a timed-out test left running.
            print(f"#\t{line[10:]}")
            i += 1
            n = 0
            while i < len(raw) and not raw[i].startswith("@@SCTPDAR "):
                if n < 30 and raw[i].strip():
                    print(f"#\t{raw[i]}")
                    n += 1
                i += 1
            continue
        elif line.startswith("@@SCTPDAR WEDGED "):
            what = line.split(" ", 3)
            emit("FAIL", f"{flavour} {what[2]}: kernel not wedged after it",
                 what[3] if len(what) > 3 else "")
        elif line.startswith("@@SCTPDAR DONE"):
            done = True
        i += 1

    for test in plan:
        if test not in began:
            emit("FAIL", f"{flavour} {test}",
                 f"not run: the VM ended before it ({host or 'see its console'})")

    if upto is not None:
        return
    # Panics and oopses print on the console itself (loglevel 4 keeps the
    # rest off it), outside any KMSG section.
    if not done:
        bad = [l for l in raw if SPLAT.search(l)]
        emit("FAIL", f"{flavour} vm: ran to completion",
             bad[0] if bad else host or ("never booted" if not booted else "no DONE marker"))
        for l in (bad or [l for l in raw if l.strip()])[-25:]:
            print(f"#\t{l}")
    else:
        emit("PASS", f"{flavour} vm: ran to completion")


if __name__ == "__main__":
    main()
