#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""spec_check.py - the netlink spec, the uAPI header and the kernel
policies agree (run on the host, prints TAP 13).

Documentation/netlink/specs/sctp_dar.yaml is the source of truth. Linux 6.1
has no YNL generator, so include/uapi/linux/sctp_dar.h and
src/netlink_gen.[ch] are written by hand in the generator's shape; this
script derives what the generator would produce and compares:

  1. the spec validates against the kernel's genetlink schema (vendored as
     tests/unit/genetlink.yaml; skipped without python3-jsonschema);
  2. house rules: a doc on every definition, entry, attribute and op; no
     variable-width "uint"/"sint"; addresses and ports big-endian with a
     display hint; references resolve;
  3. uAPI: family name and version, every enum (names, values, kernel-doc
     naming each member), attribute sets, commands, multicast groups, and
     nothing the spec does not have;
  4. policies: the nested policies and the per-op policies (one per op
     covering its do and dump requests), check for check;
  5. ops table: commands, handlers, policy, maxattr, permission flags;
     multicast group table;
  6. sctpaddr prints the spec's names for every enum value.

Usage: tests/unit/spec_check.py [TOP]   (TOP defaults to the checkout)
Exit status: 0 if every case passed, 1 otherwise.
"""

import os
import re
import sys

import yaml

TOP = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                      os.path.join(os.path.dirname(__file__), "..", ".."))
SPEC = os.path.join(TOP, "Documentation/netlink/specs/sctp_dar.yaml")
SCHEMA = os.path.join(TOP, "tests/unit/genetlink.yaml")
UAPI = os.path.join(TOP, "include/uapi/linux/sctp_dar.h")
GEN_C = os.path.join(TOP, "src/netlink_gen.c")
GEN_H = os.path.join(TOP, "src/netlink_gen.h")
NAMES_C = os.path.join(TOP, "tools/sctpaddr/names.c")

# The spec's admin-perm is rendered as GENL_UNS_ADMIN_PERM (CAP_NET_ADMIN in
# the user namespace owning the caller's netns); see the spec's header.
ADMIN_FLAG = "GENL_UNS_ADMIN_PERM"

cases = []


def case(name):
    def wrap(fn):
        cases.append((name, fn))
        return fn
    return wrap


def c_upper(name):
    return name.upper().replace("-", "_")


def c_lower(name):
    return name.lower().replace("-", "_")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


spec = yaml.safe_load(read(SPEC))
FAM = c_upper(spec["name"])          # SCTP_DAR
fam = c_lower(spec["name"])          # sctp_dar
sets = {s["name"]: s for s in spec["attribute-sets"]}
defs = {d["name"]: d for d in spec.get("definitions", [])}
ops = spec["operations"]["list"]


def attr_enum(set_name, attr_name):
    return "%s_A_%s_%s" % (FAM, c_upper(set_name), c_upper(attr_name))


def attr_values(s):
    """C name -> value of each attribute of set s (YNL: start at 1)."""
    out, v = {}, 1
    for a in s["attributes"]:
        v = a.get("value", v)
        out[attr_enum(s["name"], a["name"])] = v
        v += 1
    return out


def def_values(d):
    """C name -> value of each entry of an enum definition."""
    out, v = {}, d.get("value-start", 0)
    for e in d["entries"]:
        name = e if isinstance(e, str) else e["name"]
        if isinstance(e, dict) and "value" in e:
            v = e["value"]
        out["%s_%s_%s" % (FAM, c_upper(d["name"]), c_upper(name))] = v
        v += 1
    return out


def entry_names(d):
    return [e if isinstance(e, str) else e["name"] for e in d["entries"]]


# ---- 1. schema -----------------------------------------------------------

@case("spec validates against the genetlink schema")
def check_schema():
    try:
        import jsonschema
    except ImportError:
        return "SKIP python3-jsonschema not installed"
    schema = yaml.safe_load(read(SCHEMA))
    errs = sorted(jsonschema.Draft7Validator(schema).iter_errors(spec),
                  key=lambda e: list(e.path))
    return ["%s: %s" % ("/".join(map(str, e.path)), e.message) for e in errs]


# ---- 2. house rules --------------------------------------------------------

@case("every definition, entry, attribute and op has a doc")
def check_docs():
    bad = []
    if not spec.get("doc"):
        bad.append("family")
    for d in spec.get("definitions", []):
        if not d.get("doc"):
            bad.append("definition %s" % d["name"])
        for e in d.get("entries", []):
            if isinstance(e, str) or not e.get("doc"):
                bad.append("entry %s.%s" % (d["name"], e if isinstance(e, str) else e["name"]))
    for s in spec["attribute-sets"]:
        if not s.get("doc"):
            bad.append("attribute-set %s" % s["name"])
        for a in s["attributes"]:
            if not a.get("doc"):
                bad.append("attribute %s.%s" % (s["name"], a["name"]))
    for o in ops:
        if not o.get("doc"):
            bad.append("op %s" % o["name"])
    return bad


@case("types: no uint/sint; addresses and ports big-endian with hints; refs resolve")
def check_types():
    bad = []
    groups = {g["name"] for g in spec.get("mcast-groups", {}).get("list", [])}
    for s in spec["attribute-sets"]:
        for a in s["attributes"]:
            where = "%s.%s" % (s["name"], a["name"])
            t = a["type"]
            if t in ("uint", "sint"):
                bad.append("%s: variable-width type %s" % (where, t))
            hint = a.get("display-hint")
            if hint == "ipv4" and (t != "u32" or a.get("byte-order") != "big-endian"):
                bad.append("%s: ipv4 must be a big-endian u32" % where)
            if hint == "ipv6" and (t != "binary" or a.get("checks", {}).get("exact-len") != 16):
                bad.append("%s: ipv6 must be binary, exact-len 16" % where)
            if re.search(r"(ipv4|ipv6|addr4|addr6)$", a["name"]) and not hint:
                bad.append("%s: address without display-hint" % where)
            if a["name"].endswith("port") and (t != "u16" or a.get("byte-order") != "big-endian"):
                bad.append("%s: a port is a big-endian u16" % where)
            if "enum" in a and a["enum"] not in defs:
                bad.append("%s: unknown enum %s" % (where, a["enum"]))
            if t == "nest" and a.get("nested-attributes") not in sets:
                bad.append("%s: unknown nested set" % where)
    for o in ops:
        aset = sets.get(o.get("attribute-set"))
        if aset is None:
            bad.append("op %s: unknown attribute-set" % o["name"])
            continue
        names = {a["name"] for a in aset["attributes"]}
        for kind in ("do", "dump"):
            for part in ("request", "reply"):
                for n in o.get(kind, {}).get(part, {}).get("attributes", []):
                    if n not in names:
                        bad.append("op %s %s %s: unknown attribute %s" % (o["name"], kind, part, n))
        for n in o.get("event", {}).get("attributes", []):
            if n not in names:
                bad.append("op %s event: unknown attribute %s" % (o["name"], n))
        if ("event" in o or "notify" in o) and o.get("mcgrp") not in groups:
            bad.append("op %s: notification without a known mcgrp" % o["name"])
        for f in o.get("flags", []):
            if f != "admin-perm":
                bad.append("op %s: unknown flag %s" % (o["name"], f))
    return bad


# ---- 3. uAPI ------------------------------------------------------------------

def parse_header(text):
    """(#defines, {enum name: [(member, value)]}, {enum name: kernel-doc})."""
    nocomment = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    defines = dict(re.findall(r"^#define[ \t]+(\w+)[ \t]+(.+?)[ \t]*$", nocomment, re.M))
    enums = {}
    for name, body in re.findall(r"enum\s+(\w+)\s*\{(.*?)\}\s*;", nocomment, re.S):
        members, v, known = [], 0, {}
        for item in [i.strip() for i in body.split(",") if i.strip()]:
            m = re.match(r"(\w+)\s*(?:=\s*(.+))?$", item)
            member, expr = m.group(1), m.group(2)
            if expr is not None:
                expr = expr.strip()
                m2 = re.match(r"\(?\s*(\w+)\s*-\s*1\s*\)?$", expr)
                if m2 and m2.group(1) in known:
                    v = known[m2.group(1)] - 1
                else:
                    v = int(expr, 0)
            members.append((member, v))
            known[member] = v
            v += 1
        enums[name] = members
    docs = dict((m.group(1), m.group(0)) for m in
                re.finditer(r"/\*\*\s*\n\s*\*\s*enum\s+(\w+)\s+-.*?\*/", text, re.S))
    return defines, enums, docs


def expected_uapi():
    """{enum name: [(member, value)]} the generator would emit."""
    exp = {}
    for d in spec.get("definitions", []):
        if d["type"] == "enum":
            exp["%s_%s" % (fam, c_lower(d["name"]))] = list(def_values(d).items())
    for s in spec["attribute-sets"]:
        vals = list(attr_values(s).items())
        last = "%s_A_%s_MAX" % (FAM, c_upper(s["name"]))
        top = vals[-1][1] + 1
        vals += [("__" + last, top), (last, top - 1)]
        exp[c_lower(s.get("enum-name", "%s-a-%s" % (fam, s["name"])))] = vals
    cmds, v = [], 1
    for o in ops:
        v = o.get("value", v)
        cmds.append(("%s_CMD_%s" % (FAM, c_upper(o["name"])), v))
        v += 1
    cmds += [("__%s_CMD_MAX" % FAM, v), ("%s_CMD_MAX" % FAM, v - 1)]
    exp[c_lower(spec["operations"].get("enum-name", "%s-cmd" % fam))] = cmds
    return exp


@case("uAPI: family, enums, attribute sets, commands, groups match the spec")
def check_uapi():
    bad = []
    defines, enums, _ = parse_header(read(UAPI))
    if defines.get("%s_FAMILY_NAME" % FAM) != '"%s"' % spec["name"]:
        bad.append("%s_FAMILY_NAME" % FAM)
    if defines.get("%s_FAMILY_VERSION" % FAM) != "1":
        bad.append("%s_FAMILY_VERSION is not 1" % FAM)
    for g in spec.get("mcast-groups", {}).get("list", []):
        name = "%s_MCGRP_%s" % (FAM, c_upper(g["name"]))
        if defines.get(name) != '"%s"' % g["name"]:
            bad.append("%s missing or wrong" % name)
    exp = expected_uapi()
    for name, members in exp.items():
        if name not in enums:
            bad.append("enum %s missing" % name)
        elif enums[name] != members:
            bad.append("enum %s: header %s, spec %s" % (name, enums[name], members))
    for name in enums:
        if name not in exp:
            bad.append("enum %s is not in the spec" % name)
    return bad


@case("uAPI: kernel-doc on every enum, naming every member")
def check_uapi_doc():
    bad = []
    _, enums, docs = parse_header(read(UAPI))
    for name, members in enums.items():
        doc = docs.get(name)
        if not doc:
            bad.append("enum %s: no kernel-doc" % name)
            continue
        for member, _ in members:
            if "@%s:" % member not in doc:
                bad.append("enum %s: @%s undocumented" % (name, member))
    return bad


# ---- 4. policies -----------------------------------------------------------

def parse_policies(text):
    """{policy name: (size expr, {attr: policy expr})}, {range: (min, max)}."""
    pols = {}
    for m in re.finditer(r"const struct nla_policy (\w+)\[(\w+) \+ 1\] = \{(.*?)\n\};",
                         text, re.S):
        # An entry too long for one line continues on the next.
        body = re.sub(r"=[ \t]*\n\s*", "= ", m.group(3))
        entries = dict((a, p.strip().rstrip(",").strip()) for a, p in
                       re.findall(r"\[(\w+)\]\s*=\s*(.+?),?\s*$", body, re.M))
        pols[m.group(1)] = (m.group(2), entries)
    ranges = {}
    for m in re.finditer(r"struct netlink_range_validation (\w+)[^=]*= \{(.*?)\};", text, re.S):
        lo = re.search(r"\.min\s*=\s*(-?\d+)", m.group(2))
        hi = re.search(r"\.max\s*=\s*(-?\d+)", m.group(2))
        ranges[m.group(1)] = (int(lo.group(1)) if lo else None,
                              int(hi.group(1)) if hi else None)
    return pols, ranges


LIMITS = {"u8-max": 255, "u16-max": 65535, "u32-max": 4294967295,
          "s32-max": 2147483647, "s16-max": 32767}


def limit(v):
    return LIMITS.get(v, v) if isinstance(v, str) else v


def expected_policy(s, a):
    """(policy expression, full-range (name, min, max) or None)."""
    t = a["type"]
    be = a.get("byte-order") == "big-endian"
    nla = {"u8": "NLA_U8", "u16": "NLA_BE16" if be else "NLA_U16",
           "u32": "NLA_BE32" if be else "NLA_U32", "u64": "NLA_U64",
           "s32": "NLA_S32", "s64": "NLA_S64"}.get(t)
    checks = a.get("checks", {})
    if t == "flag":
        return "{ .type = NLA_FLAG, }", None
    if t == "nest":
        return "NLA_POLICY_NESTED(%s_%s_nl_policy)" % (fam, c_lower(a["nested-attributes"])), None
    if t == "binary":
        if "exact-len" in checks:
            return "NLA_POLICY_EXACT_LEN(%s)" % checks["exact-len"], None
        if "max-len" in checks:
            return "NLA_POLICY_MAX_LEN(%s)" % checks["max-len"], None
        return "{ .type = NLA_BINARY, }", None
    if nla is None:
        return "?%s" % t, None
    lo, hi = limit(checks.get("min")), limit(checks.get("max"))
    if lo is None and hi is None and "enum" in a:
        d = defs[a["enum"]]
        hi = max(def_values(d).values())
        lo = min(def_values(d).values())
        lo = lo if lo > 0 else None
    s16 = lambda v: v is None or -32768 <= v <= 32767
    if lo is None and hi is None:
        return "{ .type = %s, }" % nla, None
    if not (s16(lo) and s16(hi)):
        rng = "%s_a_%s_%s_range" % (fam, c_lower(s["name"]), c_lower(a["name"]))
        return "NLA_POLICY_FULL_RANGE(%s, &%s)" % (nla, rng), (rng, lo, hi)
    if lo is not None and hi is not None:
        return "NLA_POLICY_RANGE(%s, %d, %d)" % (nla, lo, hi), None
    if lo is not None:
        return "NLA_POLICY_MIN(%s, %d)" % (nla, lo), None
    return "NLA_POLICY_MAX(%s, %d)" % (nla, hi), None


def request_attrs(o):
    names = []
    for kind in ("do", "dump"):
        for n in o.get(kind, {}).get("request", {}).get("attributes", []):
            if n not in names:
                names.append(n)
    return names


def nested_sets_in_requests():
    todo, seen = [], []
    for o in ops:
        s = sets[o["attribute-set"]]
        for n in request_attrs(o):
            a = next(x for x in s["attributes"] if x["name"] == n)
            if a["type"] == "nest":
                todo.append(a["nested-attributes"])
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.append(name)
        for a in sets[name]["attributes"]:
            if a["type"] == "nest":
                todo.append(a["nested-attributes"])
    return seen


def compare_policy(pols, ranges, pname, s, attrs):
    bad = []
    if pname not in pols:
        return ["%s missing" % pname]
    size, entries = pols[pname]
    want_max = max(attrs, key=lambda a: attr_values(s)[attr_enum(s["name"], a["name"])])
    if size != attr_enum(s["name"], want_max["name"]):
        bad.append("%s: sized by %s, expected %s" % (pname, size, attr_enum(s["name"], want_max["name"])))
    want = {}
    for a in attrs:
        expr, rng = expected_policy(s, a)
        want[attr_enum(s["name"], a["name"])] = expr
        if rng:
            if ranges.get(rng[0]) != (rng[1], rng[2]):
                bad.append("%s: range %s is %s, expected %s" % (pname, rng[0], ranges.get(rng[0]), rng[1:]))
    for k in sorted(set(want) | set(entries)):
        if want.get(k) != entries.get(k):
            bad.append("%s[%s]: code %s, spec %s" % (pname, k, entries.get(k), want.get(k)))
    return bad


@case("policies: nested and per-op policies match the spec's checks")
def check_policies():
    bad = []
    pols, ranges = parse_policies(read(GEN_C))
    used = set()
    for name in nested_sets_in_requests():
        pname = "%s_%s_nl_policy" % (fam, c_lower(name))
        used.add(pname)
        bad += compare_policy(pols, ranges, pname, sets[name], sets[name]["attributes"])
    for o in ops:
        names = request_attrs(o)
        if not names:
            continue
        s = sets[o["attribute-set"]]
        pname = "%s_%s_nl_policy" % (fam, c_lower(o["name"]))
        used.add(pname)
        bad += compare_policy(pols, ranges, pname, s,
                              [a for a in s["attributes"] if a["name"] in names])
    for p in pols:
        if p not in used:
            bad.append("%s is not derived from the spec" % p)
    return bad


# ---- 5. ops table and groups -----------------------------------------------

@case("ops table: commands, handlers, policies, maxattr, flags; groups")
def check_ops():
    bad = []
    text = read(GEN_C)
    m = re.search(r"const struct genl_ops %s_nl_ops\[(\d+)\] = \{(.*?)\n\};" % fam, text, re.S)
    if not m:
        return ["%s_nl_ops missing" % fam]
    entries = {}
    for body in re.findall(r"\{\s*(\..*?)\s*\}", m.group(2), re.S):
        fields = dict(re.findall(r"\.(\w+)\s*=\s*([^,]+),", body))
        entries[fields.get("cmd")] = fields
    want_cmds = []
    for o in ops:
        if "do" not in o and "dump" not in o:
            continue
        cmd = "%s_CMD_%s" % (FAM, c_upper(o["name"]))
        want_cmds.append(cmd)
        f = entries.get(cmd)
        if f is None:
            bad.append("%s missing from the ops table" % cmd)
            continue
        base = "%s_nl_%s" % (fam, c_lower(o["name"]))
        want = {"cmd": cmd}
        if "do" in o:
            want["doit"] = base + "_doit"
        if "dump" in o:
            want["dumpit"] = base + "_dumpit"
        names = request_attrs(o)
        if names:
            s = sets[o["attribute-set"]]
            top = max(names, key=lambda n: attr_values(s)[attr_enum(s["name"], n)])
            want["policy"] = "%s_%s_nl_policy" % (fam, c_lower(o["name"]))
            want["maxattr"] = attr_enum(s["name"], top)
        if "admin-perm" in o.get("flags", []):
            want["flags"] = ADMIN_FLAG
        for k in sorted(set(want) | set(f)):
            code = f[k].strip() if k in f else None
            if want.get(k) != code:
                bad.append("%s .%s: code %s, spec %s" % (cmd, k, code, want.get(k)))
    if sorted(entries) != sorted(want_cmds):
        bad.append("ops table has %s, spec %s" % (sorted(entries), sorted(want_cmds)))
    if int(m.group(1)) != len(want_cmds):
        bad.append("ops table sized %s, spec has %d ops" % (m.group(1), len(want_cmds)))
    hdr = read(GEN_H)
    for g in spec.get("mcast-groups", {}).get("list", []):
        grp = "%s_NLGRP_%s" % (FAM, c_upper(g["name"]))
        if not re.search(r"enum \{[^}]*\b%s\b" % grp, hdr):
            bad.append("%s not in netlink_gen.h" % grp)
        if not re.search(r"\[%s\] = \{ %s_MCGRP_%s, \}" % (grp, FAM, c_upper(g["name"])), text):
            bad.append("%s not in the group table" % grp)
    for o in ops:
        base = "%s_nl_%s" % (fam, c_lower(o["name"]))
        for kind, suffix in (("do", "_doit"), ("dump", "_dumpit")):
            if kind in o and not re.search(r"\b%s%s\(" % (base, suffix), hdr):
                bad.append("%s%s not declared in netlink_gen.h" % (base, suffix))
    return bad


# ---- 6. sctpaddr's names -----------------------------------------------------

@case("sctpaddr names every enum value as the spec does")
def check_names():
    bad = []
    text = read(NAMES_C)
    table = dict(re.findall(r"\[(%s_\w+)\]\s*=\s*\"([^\"]+)\"" % FAM, text))
    for d in spec.get("definitions", []):
        if d["type"] != "enum":
            continue
        for cname, ename in zip(def_values(d), entry_names(d)):
            if table.get(cname) != ename:
                bad.append("%s: sctpaddr says %s, spec %s" % (cname, table.get(cname), ename))
    return bad


def main():
    print("TAP version 13")
    print("1..%d" % len(cases))
    failed = 0
    for n, (name, fn) in enumerate(cases, 1):
        try:
            res = fn()
        except Exception as e:  # a parse failure is a failed case
            res = ["%s: %s" % (type(e).__name__, e)]
        if isinstance(res, str) and res.startswith("SKIP"):
            print("ok %d - %s # %s" % (n, name, res))
            continue
        if res:
            failed += 1
            print("not ok %d - %s" % (n, name))
            for line in res:
                print("# %s" % line)
        else:
            print("ok %d - %s" % (n, name))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
