#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""report.py - turn a `make bench` console log into its results directory.

    report.py --console LOG --out DIR --n N --quick 0|1 --commit C --date D
              [--vm-seconds S] [--check]

Reads the records the scenarios printed (tests/bench/lib.sh):
    @@SCTPDAR BOOT <kernel release>
    @@BENCH {json}
    @@BENCHSERIES <series> <ms since the event> <seq>
and writes DIR/results.json (metadata, every record, the summaries),
DIR/results.md (the tables: min / median / max over the repetitions, and
each target met or missed) and DIR/roam.svg + DIR/roam.png (gnuplot:
received sequence number against time, stock against sctp_dar, events
marked). With --check, prints make check results (PASS/FAIL, tab
separated) saying whether every scenario produced its numbers, the files
exist and sctp_dar's streams arrived whole; never a timing assertion.
Python 3 standard library only.
"""
import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys

SCENARIOS = ["mbb", "bbm", "asconf", "scale", "memory", "throughput"]


def parse_console(path):
    kernel, records, series = "unknown", [], {}
    with open(path, errors="replace") as f:
        for line in f:
            # the console may put escape sequences or kernel messages
            # before a record on the same line
            line = line.rstrip("\r\n")
            i = line.find("@@")
            if i < 0:
                continue
            line = line[i:]
            if line.startswith("@@SCTPDAR BOOT "):
                kernel = line.split(" ", 2)[2].strip()
            elif line.startswith("@@BENCH "):
                try:
                    records.append(json.loads(line[len("@@BENCH "):]))
                except json.JSONDecodeError:
                    print(f"report.py: bad record: {line[:200]}", file=sys.stderr)
            elif line.startswith("@@BENCHSERIES "):
                parts = line.split()
                if len(parts) == 4:
                    try:
                        series.setdefault(parts[1], []).append(
                            (float(parts[2]), int(parts[3])))
                    except ValueError:
                        pass
    return kernel, records, series


def nums(values):
    return [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]


def mmm(values):
    """min / median / max of the numbers among values, or None."""
    v = nums(values)
    if not v:
        return None
    return {"n": len(v), "min": min(v), "median": statistics.median(v), "max": max(v)}


def p99(values):
    v = sorted(nums(values))
    if not v:
        return None
    return v[max(0, math.ceil(0.99 * len(v)) - 1)]  # nearest rank


def fmt(x, digits=1):
    if x is None:
        return "–"
    if isinstance(x, float) and not x.is_integer():
        return f"{x:,.{digits}f}"
    return f"{int(x):,}"


def lost_cell(s):
    """The "lost" cell of a roam row: lost messages, and the runs whose
    stream never arrived whole or whose association died (which lost no
    message they received, so "0 lost" alone would hide them)."""
    cell = str(s["lost"])
    if s.get("undelivered"):
        cell += f" ({s['undelivered']})"
    why = []
    if s.get("unrecovered"):
        why.append(f"{s['unrecovered']}/{s['runs']} never recovered")
    if s.get("assoc_lost"):
        why.append(f"{s['assoc_lost']}/{s['runs']} association lost")
    if why:
        cell += ", **" + ", ".join(why) + "**"
    return cell


def fmt_mmm(s, digits=1):
    if not s:
        return "–"
    if s["n"] == 1:
        return fmt(s["median"], digits)
    return f"{fmt(s['min'], digits)} / **{fmt(s['median'], digits)}** / {fmt(s['max'], digits)}"


def order(keys, first):
    return sorted(keys, key=lambda k: (first.index(k) if k in first else len(first), k))


def summarise(records):
    """The per-scenario summaries (also written to results.json)."""
    out = {s: [] for s in SCENARIOS}
    by = {}
    for r in records:
        by.setdefault(r.get("scenario"), []).append(r)

    for scen in ("mbb", "bbm"):
        groups = {}
        for r in by.get(scen, []):
            groups.setdefault((r["rtt_ms"], r["variant"]), []).append(r)
        for (rtt, var), rs in sorted(groups.items(), key=lambda kv: (
                kv[0][0], VARIANTS.index(kv[0][1]) if kv[0][1] in VARIANTS else 99)):
            ok = [r for r in rs if r.get("clean")]
            out[scen].append({
                "rtt_ms": rtt, "variant": var, "runs": len(rs),
                "recovered": len(ok),
                # a stall is only a number when the stream recovered
                "gap_down_ms": mmm([r.get("gap_down_ms") for r in ok]),
                "gap_up_ms": mmm([r.get("gap_up_ms") for r in ok]),
                # the longest gap in the second before the roam, both ways
                "baseline_gap_ms": mmm([max(nums([r.get("baseline_gap_down_ms"),
                                                  r.get("baseline_gap_up_ms")]) or [None])
                                        for r in rs]),
                "lost": sum(max(0, r.get("lost_down") or 0) + max(0, r.get("lost_up") or 0)
                            for r in rs),
                # sent but never received, in the runs that did not recover
                "undelivered": sum(max(0, r.get("undelivered_down") or 0) +
                                   max(0, r.get("undelivered_up") or 0)
                                   for r in rs if not r.get("clean")),
                "duplicated": sum(r.get("duplicated") or 0 for r in rs),
                "corrupted": sum(r.get("corrupted") or 0 for r in rs),
                "out_of_order": sum(r.get("out_of_order") or 0 for r in rs),
                # "lost" only counts holes in what arrived: a stream that
                # never recovered, or whose association died, lost no
                # message it received. These say so.
                "unrecovered": sum(1 for r in rs if r.get("end_received") is not True),
                "assoc_lost": sum(1 for r in rs if r.get("assoc_lost") is not False),
                "cap_s": rs[0].get("cap_s"),
            })

    groups = {}
    for r in by.get("asconf", []):
        groups.setdefault((r["rtt_ms"], r["variant"]), []).append(r)
    for (rtt, var), rs in sorted(groups.items(), key=lambda kv: (
            kv[0][0], VARIANTS.index(kv[0][1]) if kv[0][1] in VARIANTS else 99)):
        lat = [x for r in rs for x in r.get("latencies_ms", [])]
        out["asconf"].append({
            "rtt_ms": rtt, "variant": var,
            "events": sum(r.get("events", 0) for r in rs),
            "measured": len(lat),
            "missed": sum(r.get("missed", 0) for r in rs),
            "median_ms": statistics.median(lat) if lat else None,
            "p99_ms": p99(lat) if len(lat) >= 100 else None,
            "min_ms": min(lat) if lat else None,
            "max_ms": max(lat) if lat else None,
        })

    groups = {}
    for r in by.get("scale", []):
        groups.setdefault((r["assocs"], r["variant"]), []).append(r)
    for (n, var), rs in sorted(groups.items()):
        out["scale"].append({
            "assocs": n, "variant": var, "runs": len(rs),
            "complete": sum(1 for r in rs if r.get("all_acked_ms") is not None),
            "all_acked_ms": mmm([r.get("all_acked_ms") for r in rs]),
            "acked_assocs": mmm([r.get("acked_assocs") for r in rs]),
            "asconf_acks": mmm([r.get("asconf_acks") for r in rs]),
            "cpu_ms": mmm([r.get("cpu_ms") for r in rs]),
            # the poller's reads of /proc are the benchmark's, not the work's
            "work_cpu_ms": mmm([r["cpu_ms"] - r["poller_cpu_ms"] for r in rs
                                if isinstance(r.get("cpu_ms"), (int, float)) and
                                isinstance(r.get("poller_cpu_ms"), (int, float))]),
            "lost": sum((r.get("lost_peer") or 0) + (r.get("lost_local") or 0) for r in rs),
            "sctp_slab_bytes_per_assoc": mmm([r.get("sctp_slab_bytes_per_assoc") for r in rs]),
        })
        if var == "sctp_dar":
            def cache(r, *names):
                c = r.get("dar_cache_bytes") or {}
                v = [c.get(k) for k in names]
                return None if None in v else sum(v) / n
            out["memory"].append({
                "assocs": n, "runs": len(rs),
                "bytes_per_assoc": mmm([r.get("dar_slab_bytes_per_assoc") for r in rs]),
                "engine_bytes_per_assoc": mmm([cache(r, "assoc", "sock") for r in rs]),
                "wire_bytes_per_assoc": mmm([cache(r, "wire") for r in rs]),
                "sctp_bytes_per_assoc": mmm([r.get("sctp_slab_bytes_per_assoc") for r in rs]),
            })

    groups, pairs = {}, {}
    for r in by.get("throughput", []):
        groups.setdefault(r["proto"], {}).setdefault(r["variant"], []).append(r.get("mbps"))
        pairs.setdefault((r["proto"], r.get("rep")), {})[r["variant"]] = r.get("mbps")
    for proto in order(groups.keys(), ["sctp", "tcp", "udp"]):
        st = mmm(groups[proto].get("stock", []))
        dr = mmm(groups[proto].get("sctp_dar", []))
        # Each pair measured loaded and not loaded back to back: the
        # ratio within a pair cancels the VM's slow drift; its median over
        # the pairs is the verdict.
        ratios = mmm([p["sctp_dar"] / p["stock"] for (pr, _), p in pairs.items()
                      if pr == proto and isinstance(p.get("stock"), (int, float)) and
                      isinstance(p.get("sctp_dar"), (int, float)) and p["stock"] > 0])
        out["throughput"].append({"proto": proto, "stock_mbps": st, "sctp_dar_mbps": dr,
                                  "pair_ratios": ratios,
                                  "ratio": ratios["median"] if ratios else None})
    return out


VARIANTS = ["stock", "sctp_dar", "stock-wildcard", "stock-bound", "dar-bound",
            "dar-wildcard", "sctp_dar-debounce0"]
LABEL = {
    "stock": "stock (wildcard + auto_asconf)",
    "sctp_dar": "sctp_dar",
    "stock-wildcard": "stock, wildcard + auto_asconf",
    "stock-bound": "stock, bound to A",
    "dar-bound": "sctp_dar, bound to A",
    "dar-wildcard": "sctp_dar, wildcard + auto_asconf",
    "sctp_dar-debounce0": "sctp_dar, debounce_ms=0",
}


def verdict(value, target, smaller_is_better=True):
    if value is None:
        return "–"
    met = value <= target if smaller_is_better else value >= target
    if met:
        return "met"
    if smaller_is_better:
        return f"missed by {fmt(value - target)} ({value / target:.1f}×)" if target else "missed"
    return f"missed by {fmt(target - value, 3)}"


def markdown(meta, summ):
    L = []
    L.append(f"Kernel `{meta['kernel']}`, commit `{meta['commit']}`, {meta['date']}, "
             f"N = {meta['n']}{' (QUICK)' if meta['quick'] else ''}; "
             f"min / **median** / max over the runs; VM (QEMU TCG, 2 vCPUs) time "
             f"{meta.get('vm_seconds', '?')} s.")
    L.append("")
    L.append("**1. Make-before-break roam** — longest gap in the received stream "
             "(1 KiB every 1 ms both ways), ms. Target for sctp_dar: ≤ 2 message intervals (2 ms).")
    L.append("")
    L.append("| RTT | variant | runs intact | downlink gap | uplink gap | no-roam baseline | lost | target (median, worse direction) |")
    L.append("|---:|---|---:|---|---|---|---:|---|")
    for s in summ["mbb"]:
        tgt = "–"
        if s["variant"] == "sctp_dar" and s["gap_down_ms"] and s["gap_up_ms"]:
            tgt = verdict(max(s["gap_down_ms"]["median"], s["gap_up_ms"]["median"]), 2.0)
        L.append(f"| {s['rtt_ms']} ms | {LABEL.get(s['variant'], s['variant'])} | "
                 f"{s['recovered']}/{s['runs']} | {fmt_mmm(s['gap_down_ms'])} | "
                 f"{fmt_mmm(s['gap_up_ms'])} | {fmt_mmm(s['baseline_gap_ms'])} | {lost_cell(s)} | {tgt} |")
    L.append("")
    cap = next((s["cap_s"] for s in summ["bbm"] if s.get("cap_s")), 10)
    L.append("**2. Break-before-make roam** (routed, strict rp_filter; A's cable pulled, B "
             "appears 100 ms later) — stall, ms, of the runs that recovered; a run that had "
             f"not delivered everything {cap} s after the break counts as \"no recovery\". "
             "Target: ≤ 100 ms + 2 RTT + 20 ms.")
    L.append("")
    L.append("| RTT | variant | recovered | downlink stall | uplink stall | no-roam baseline | lost (undelivered) | target (median, worse direction) |")
    L.append("|---:|---|---:|---|---|---|---:|---|")
    for s in summ["bbm"]:
        tgt = "–"
        target = 100 + 2 * s["rtt_ms"] + 20
        if s["variant"].startswith("dar"):
            if s["gap_down_ms"] and s["gap_up_ms"]:
                tgt = f"≤ {target} ms: " + verdict(
                    max(s["gap_down_ms"]["median"], s["gap_up_ms"]["median"]), target)
            else:
                tgt = f"≤ {target} ms: missed (no recovery)"
        rec = f"{s['recovered']}/{s['runs']}"
        if s["recovered"] == 0:
            rec = f"**0/{s['runs']}** (no recovery within {cap} s)"
        L.append(f"| {s['rtt_ms']} ms | {LABEL.get(s['variant'], s['variant'])} | {rec} | "
                 f"{fmt_mmm(s['gap_down_ms'])} | {fmt_mmm(s['gap_up_ms'])} | "
                 f"{fmt_mmm(s['baseline_gap_ms'])} | {lost_cell(s)} | {tgt} |")
    L.append("")
    L.append("**3. Address event → first ASCONF on the wire** (kernel notification → capture "
             "on the correspondent), ms. Target: ≤ 5 ms. p99 only where ≥ 100 events.")
    L.append("")
    L.append("| RTT | variant | events | median | p99 | min | max | missed | target (median) |")
    L.append("|---:|---|---:|---:|---:|---:|---:|---:|---|")
    for s in summ["asconf"]:
        tgt = verdict(s["median_ms"], 5.0) if s["variant"].startswith("sctp_dar") else "–"
        L.append(f"| {s['rtt_ms']} ms | {LABEL.get(s['variant'], s['variant'])} | {s['measured']} | "
                 f"{fmt(s['median_ms'])} | {fmt(s['p99_ms'])} | {fmt(s['min_ms'])} | "
                 f"{fmt(s['max_ms'])} | {s['missed']} | {tgt} |")
    L.append("")
    L.append("**4. Scale** — one `ip addr add` on the mobile node; time from the kernel's "
             "address notification until the peer had acknowledged the ADD to every association "
             "(capture on the peer), associations acknowledged, ASCONF-ACKs on the wire "
             "(retransmissions included), busy VM CPU time meanwhile (both ends, less the "
             "benchmark's own reads of the peer's table), associations lost.")
    L.append("")
    L.append("| associations | variant | runs complete | all acknowledged, ms | associations acknowledged "
             "| ASCONF-ACKs | CPU, ms | lost |")
    L.append("|---:|---|---:|---|---|---|---|---:|")
    for s in summ["scale"]:
        L.append(f"| {s['assocs']:,} | {LABEL.get(s['variant'], s['variant'])} | "
                 f"{s['complete']}/{s['runs']} | {fmt_mmm(s['all_acked_ms'], 0)} | "
                 f"{fmt_mmm(s.get('acked_assocs'), 0)} | {fmt_mmm(s.get('asconf_acks'), 0)} | "
                 f"{fmt_mmm(s.get('work_cpu_ms'), 0)} | {s['lost']} |")
    L.append("")
    L.append("**5. Fast-path cost** — iperf3 over one veth, Mbit/s, module loaded vs not, "
             "in back-to-back pairs; ratio = loaded ÷ not loaded within each pair, min / "
             "**median** / max over the pairs. Target: median ratio ≥ 0.98.")
    L.append("")
    L.append("| protocol | pairs | not loaded | sctp_dar loaded | ratio per pair | target |")
    L.append("|---|---:|---|---|---|---|")
    for s in summ["throughput"]:
        r, pr = s["ratio"], s.get("pair_ratios")
        L.append(f"| {s['proto'].upper()} | {pr['n'] if pr else 0} | {fmt_mmm(s['stock_mbps'])} | "
                 f"{fmt_mmm(s['sctp_dar_mbps'])} | {fmt_mmm(pr, 3)} | "
                 f"{verdict(r, 0.98, False) if r is not None else '–'} |")
    L.append("")
    L.append("**6. Memory per managed association** — after the scale run: sctp_dar's engine "
             "state (slab caches `sctp_dar_assoc` + `sctp_dar_sock`, kept while the association "
             "lives) and the wire hook's (`sctp_dar_wire`, only for associations that exchanged "
             "ASCONFs in the last minute) ÷ associations, and all slab bytes freed by "
             "`rmmod sctp_dar` ÷ associations (both, plus fixed state amortised). Target ≤ 256 "
             "bytes for the engine state. For scale: the stock kernel's own slab use per "
             "association (both ends).")
    L.append("")
    L.append("| associations | engine state, bytes/association | target | wire state (transient) "
             "| all freed by rmmod | SCTP itself, bytes/association |")
    L.append("|---:|---|---|---|---|---|")
    for s in summ["memory"]:
        b = s.get("engine_bytes_per_assoc")
        L.append(f"| {s['assocs']:,} | {fmt_mmm(b, 0)} | "
                 f"{verdict(b['median'], 256) if b else '–'} | "
                 f"{fmt_mmm(s.get('wire_bytes_per_assoc'), 0)} | {fmt_mmm(s['bytes_per_assoc'], 0)} | "
                 f"{fmt_mmm(s['sctp_bytes_per_assoc'], 0)} |")
    L.append("")
    return "\n".join(L)


def plot(series, plots, records, out):
    """roam.svg and roam.png; returns the files written."""
    if not series or not shutil.which("gnuplot"):
        return []
    panels = []
    for roam, title, mark in (("mbb", "make-before-break: B added at 0, A's cable pulled at", "t_cut_ms"),
                              ("bbm", "break-before-make: A's cable pulled at 0, B appears at", "t_make_ms")):
        names = [k for k in series if k.startswith(roam + "-")]
        if not names:
            continue
        marks = [p.get(mark) for p in plots if p.get("roam") == roam and p.get(mark) is not None]
        m = statistics.median(marks) if marks else None
        rtt = next((p.get("rtt_ms") for p in plots if p.get("roam") == roam), None)
        files = []
        for name in order(names, [roam + "-" + v for v in VARIANTS]):
            pts = sorted(series[name])
            # messages counted from the first one received after the event
            base = next((s for t, s in pts if t >= 0), pts[0][1] if pts else 0)
            fn = os.path.join(out, f"series-{name}.dat")
            with open(fn, "w") as f:
                for t, s in pts:
                    if -400 <= t <= 4000:
                        f.write(f"{t:.2f} {s - base}\n")
            var = name[len(roam) + 1:]
            run = next((r for r in records if r.get("scenario") == roam and
                        r.get("variant") == var and r.get("rtt_ms") == rtt and
                        r.get("rep") == 1), {})
            files.append((var, fn, "" if run.get("clean", True) else " (no recovery)"))
        panels.append((f"{title} {fmt(m, 0)} ms (RTT {rtt} ms)", m, files))
    if not panels:
        return []
    written = []
    for term, ext in (("svg size 1000,{h} dynamic font 'sans,11'", "svg"),
                      ("pngcairo size 1000,{h} font 'sans,10'", "png")):
        path = os.path.join(out, f"roam.{ext}")
        g = [f"set terminal {term.format(h=360 * len(panels))}",
             f"set output '{path}'",
             f"set multiplot layout {len(panels)},1",
             "set termoption noenhanced", "set grid", "set key left top",
             "set xlabel 'ms since the first event'",
             "set ylabel 'messages received by the mobile node'",
             "set xrange [-400:4000]"]
        for title, m, files in panels:
            g.append(f"set title \"{title}\"")
            g.append("unset arrow")
            g.append("set arrow from 0, graph 0 to 0, graph 1 nohead dt 2 lc rgb '#555555'")
            if m is not None:
                g.append(f"set arrow from {m}, graph 0 to {m}, graph 1 nohead dt 2 lc rgb '#555555'")
            g.append("plot " + ", ".join(
                f"'{fn}' using 1:2 with lines lw 2 title '{LABEL.get(v, v)}{note}'"
                for v, fn, note in files))
        g.append("unset multiplot")
        try:
            subprocess.run(["gnuplot"], input="\n".join(g) + "\n", text=True, check=True,
                           capture_output=True, timeout=60)
            if os.path.getsize(path) > 0:
                written.append(path)
        except (subprocess.SubprocessError, OSError) as e:
            print(f"report.py: gnuplot ({ext}): {e}", file=sys.stderr)
    return written


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--console", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--n", type=int, default=5)
    ap.add_argument("--quick", type=int, default=0)
    ap.add_argument("--commit", default="unknown")
    ap.add_argument("--date", default="")
    ap.add_argument("--vm-seconds", type=int)
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()

    kernel, records, series = parse_console(a.console)
    meta = {"kernel": kernel, "commit": a.commit, "date": a.date, "n": a.n,
            "quick": bool(a.quick), "vm_seconds": a.vm_seconds}
    summ = summarise(records)
    plots = [r for r in records if r.get("scenario") == "plot"]
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump({"meta": meta, "summary": summ,
                   "records": [r for r in records if r.get("scenario") != "plot"],
                   "plots": plots}, f, indent=1)
    md = markdown(meta, summ)
    images = plot(series, plots, records, a.out)
    if images:
        md += "\n![roam](roam.svg)\n"
    with open(os.path.join(a.out, "results.md"), "w") as f:
        f.write(md)
    if not a.check:
        return 0

    fails = 0

    def result(ok, name, detail=""):
        nonlocal fails
        fails += not ok
        print(f"{'PASS' if ok else 'FAIL'}\tbench/quick: {name}\t{'' if ok else detail}")

    try:
        with open(os.path.join(a.out, "results.json")) as f:
            json.load(f)
        result(True, "results.json parses")
    except (OSError, json.JSONDecodeError) as e:
        result(False, "results.json parses", str(e))
    need = {
        "mbb": lambda s: s["gap_down_ms"] is not None,
        "bbm": lambda s: s["runs"] > 0,
        "asconf": lambda s: s["median_ms"] is not None,
        "scale": lambda s: s["acked_assocs"] is not None and s["cpu_ms"] is not None,
        "memory": lambda s: (s["bytes_per_assoc"] is not None and
                             s["engine_bytes_per_assoc"] is not None),
        "throughput": lambda s: s["ratio"] is not None,
    }
    for scen, test in need.items():
        rows = summ[scen]
        ok = bool(rows) and all(test(s) for s in rows)
        result(ok, f"scenario {scen} produced its numbers",
               f"{len(rows)} rows" if not ok else "")
    dar_rows = [s for sc in ("mbb", "bbm") for s in summ[sc]
                if s["variant"] in ("sctp_dar", "dar-bound", "dar-wildcard")]
    # Integrity: every sctp_dar stream arrived whole (END received) over a
    # living association. How long a recovery took is reported in the
    # table, never asserted; the cap only tells "recovered" from "never".
    # The stock kernel's runs may fail to recover: that is what is measured.
    bad = [f"{s['variant']} rtt {s['rtt_ms']}: {s['lost']} lost, {s['duplicated']} dup, "
           f"{s['corrupted']} corrupt, {s['out_of_order']} reordered, "
           f"{s['unrecovered']}/{s['runs']} never recovered, "
           f"{s['assoc_lost']}/{s['runs']} association lost" for s in dar_rows
           if s["lost"] or s["duplicated"] or s["corrupted"] or s["out_of_order"]
           or s["unrecovered"] or s["assoc_lost"]]
    result(bool(dar_rows) and not bad,
           "with sctp_dar every stream arrived whole, association alive",
           "; ".join(bad))
    md_ok = os.path.getsize(os.path.join(a.out, "results.md")) > 0
    result(md_ok, "results.md written")
    for ext in ("svg", "png"):
        p = os.path.join(a.out, f"roam.{ext}")
        result(os.path.exists(p) and os.path.getsize(p) > 0, f"roam.{ext} plotted")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
