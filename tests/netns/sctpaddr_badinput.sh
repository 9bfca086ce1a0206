#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: debug stock-6.1
#
# sctpaddr_badinput.sh - the sctp_dar netlink family and sctpaddr refuse
# bad input with the right errno and a precise extended-ACK message, and
# nothing changes. Raw requests come from tests/tools/nlraw (sctpaddr
# validates its command line and would never send them).
#
#   $MN mn-a 10.0.1.1 ===== path A ===== cn-a 10.0.1.2 $CN
#
# One association, $MN -> $CN port 5001, is up throughout; its state is
# compared before and after.
. "$(dirname "$0")/lib.sh"

tap_plan 48
require_own_tool sctpaddr
require_own_tool nlraw
require_tool jq
topo_two_paths
require_sctp_dar
# ADD-IP on, so that the refusals below are about the request itself.
asconf_enable "$MN" "$CN"

stream_server s "$CN" 5001 -d 600000 -i 100000 -B 10.0.1.2 &&
	stream_client c "$MN" 10.0.1.2 5001 -d 600000 -i 100000 -B 10.0.1.1 ||
	setup_fail "cannot set up the association"
ID=$(sctpaddr -n "$MN" -j assoc show pport 5001 | jq '.[0].id')
CN_ID=$(sctpaddr -n "$CN" -j assoc show lport 5001 | jq '.[0].id')
[[ $ID =~ ^[0-9]+$ && $CN_ID =~ ^[0-9]+$ ]] || setup_fail "association ids not found"
snapshot()
{
	sctpaddr -n "$MN" -j assoc show | jq -S '[.[] | {id, state, lport, pport, ino,
		primary, local, paths: [.paths[] | .addr]}]'
}
BEFORE=$(snapshot)

# raw NAME EXPECTED NLRAW-ARGS...: nlraw's one-line report must be EXPECTED.
raw()
{
	local name=$1 want=$2 got

	shift 2
	got=$(nlraw -n "$MN" "$@" 2>&1)
	if [[ $got == "$want" ]]; then
		tap_ok "$name"
	else
		tap_diag "nlraw $*"
		tap_diag "want: $want"
		tap_diag "got:  $got"
		tap_fail "$name"
	fi
}

# cli NAME RC STDERR ARGS...: sctpaddr's exit status and its one line on
# stderr, with nothing on stdout.
cli()
{
	local name=$1 want_rc=$2 want_err=$3 out rc err

	shift 3
	out=$(sctpaddr -n "$MN" "$@" 2>"$LIB_TMP/err")
	rc=$?
	err=$(cat "$LIB_TMP/err")
	if [[ $rc == "$want_rc" && $err == "$want_err" && -z $out ]]; then
		tap_ok "$name"
	else
		tap_diag "sctpaddr $*: rc $rc, stdout '$out'"
		tap_diag "want stderr: $want_err"
		tap_diag "got stderr:  $err"
		tap_fail "$name"
	fi
}

E() { echo "error errno=$1 msg=\"$2\" bad_attr=$3 miss_type=${4:--1}"; }

# ---- the generic-netlink header --------------------------------------------
raw "unknown command 99" "$(E "EOPNOTSUPP(95)" "" -1)" 99
raw "command 0" "$(E "EOPNOTSUPP(95)" "" -1)" 0
raw "the event command cannot be requested" "$(E "EOPNOTSUPP(95)" "" -1)" event
raw "reserved header field set" \
	"$(E "EINVAL(22)" "genlmsghdr.reserved field is not 0" -1)" -R 1 stats-get
raw "reserved nlmsg_flags bit set" \
	"$(E "EINVAL(22)" "ambiguous or reserved bits set in nlmsg_flags" -1)" \
	-F 0x200 stats-get

# ---- assoc-get (do) ----------------------------------------------------------
raw "get: missing id" "$(E "EINVAL(22)" "missing association id" -1 1)" assoc-get
raw "get: id 0 out of range" "$(E "ERANGE(34)" "integer out of range" 1)" \
	assoc-get 1:u32=0
raw "get: id 2^31 out of range" "$(E "ERANGE(34)" "integer out of range" 1)" \
	assoc-get 1:u32=2147483648
raw "get: id too short (u16)" "$(E "EINVAL(22)" "invalid attribute length" 1)" \
	assoc-get 1:u16=1
raw "get: id too long (u64)" "$(E "EINVAL(22)" "invalid attribute length" 1)" \
	assoc-get 1:u64=1
raw "get: unknown attribute type 99" "$(E "EINVAL(22)" "Unknown attribute type" 99)" \
	assoc-get 1:u32="$ID" 99:u32=1
raw "get: reply-only attribute (state)" "$(E "EINVAL(22)" "Unsupported attribute" 4)" \
	assoc-get 1:u32="$ID" 4:u32=3
raw "get: dump-only selector (local-port)" \
	"$(E "EINVAL(22)" "selector only valid in a dump" 2)" \
	assoc-get 1:u32="$ID" 2:be16=5001
raw "get: unknown association" \
	"$(E "ENOENT(2)" "no such association in this network namespace" 1)" \
	assoc-get 1:u32=2147483647
raw "get: another namespace's association" \
	"$(E "ENOENT(2)" "no such association in this network namespace" 1)" \
	assoc-get 1:u32="$CN_ID"
raw "get: a well-formed request succeeds" "ok replies=1 intr=0" \
	assoc-get 1:u32="$ID"

# ---- assoc-get (dump) ------------------------------------------------------
raw "dump: local-port 0 out of range" "$(E "ERANGE(34)" "integer out of range" 2)" \
	-D assoc-get 2:be16=0
raw "dump: address nest without NLA_F_NESTED" \
	"$(E "EINVAL(22)" "NLA_F_NESTED is missing" 11)" \
	-D assoc-get 11:hex=080001000a000101
raw "dump: IPv6 address of 4 bytes" \
	"$(E "ERANGE(34)" "binary attribute size out of range" 2)" \
	-D assoc-get "11:nest(2:hex=0a000101)"
# Errors found while dumping come in NLMSG_DONE; 6.1 puts the message there
# but not the offset of the attribute.
DONE_OFFS=11
[[ $(uname -r) == 6.1.* ]] && DONE_OFFS=-1
raw "dump: empty address nest" \
	"$(E "EINVAL(22)" "address needs ipv4 or ipv6" "$DONE_OFFS")" \
	-D assoc-get "11:nest()"
raw "dump: address with both families" \
	"$(E "EINVAL(22)" "address has both ipv4 and ipv6" "$DONE_OFFS")" \
	-D assoc-get "11:nest(1:ip4=10.0.1.1,2:ip6=fd00:1::1)"
raw "dump: a well-formed request succeeds" "ok replies=1 intr=0" \
	-D assoc-get "11:nest(1:ip4=10.0.1.1)"

# ---- stats-get ---------------------------------------------------------------
raw "stats: takes no attribute" \
	"$(E "EINVAL(22)" "Attribute failed policy validation" 1)" stats-get 1:u64=0

# ---- privileges ----------------------------------------------------------------
# Reading is not privileged (as /proc/net/sctp is not); every mutating op
# needs CAP_NET_ADMIN over the namespace's owner.
if unshare -U true 2>/dev/null; then
	raw "unprivileged user namespace may read" "ok replies=1 intr=0" \
		-U -D assoc-get
else
	tap_no_userns "unprivileged user namespace may read"
fi
if unshare -U true 2>/dev/null; then
	raw "unprivileged user namespace: addr-add is EPERM" \
		"$(E "EPERM(1)" "" -1)" -U addr-add 1:u32="$ID" "6:nest(1:ip4=10.0.2.1)"
	raw "unprivileged user namespace: assoc-set is EPERM" \
		"$(E "EPERM(1)" "" -1)" -U assoc-set 1:u32="$ID" "12:nest(1:ip4=10.0.1.1)"
else
	tap_no_userns "unprivileged user namespace: addr-add is EPERM"
	tap_no_userns "unprivileged user namespace: assoc-set is EPERM"
fi

# ---- addr-add, addr-del, assoc-set -------------------------------------------
raw "addr-add: missing address" \
	"$(E "EINVAL(22)" "missing local-addr: the address to add" -1 6)" \
	addr-add 1:u32="$ID"
raw "addr-add: missing id" \
	"$(E "EINVAL(22)" "missing association id (or local-port, peer-port selectors)" -1 1)" \
	addr-add "6:nest(1:ip4=10.0.2.1)"
raw "addr-add: id and a selector" \
	"$(E "EINVAL(22)" "give an association id or selectors, not both" 2)" \
	addr-add 1:u32="$ID" 2:be16=5001 "6:nest(1:ip4=10.0.2.1)"
raw "addr-add: a selector that matches nothing" \
	"$(E "ENOENT(2)" "no association in this network namespace matches" 3)" \
	addr-add 3:be16=9999 "6:nest(1:ip4=10.0.2.1)"
raw "addr-add: a reply-only attribute (state)" \
	"$(E "EINVAL(22)" "Unsupported attribute" 4)" \
	addr-add 1:u32="$ID" 4:u32=3 "6:nest(1:ip4=10.0.2.1)"
raw "addr-add: unknown association" \
	"$(E "ENOENT(2)" "no such association in this network namespace" 1)" \
	addr-add 1:u32=2147483647 "6:nest(1:ip4=10.0.2.1)"
raw "addr-add: another namespace's association" \
	"$(E "ENOENT(2)" "no such association in this network namespace" 1)" \
	addr-add 1:u32="$CN_ID" "6:nest(1:ip4=10.0.2.2)"
raw "addr-add: an address the host does not have" \
	"$(E "EADDRNOTAVAIL(99)" "the address is not configured in this network namespace" 6)" \
	addr-add 1:u32="$ID" "6:nest(1:ip4=192.0.2.1)"
raw "addr-add: loopback is never offered" \
	"$(E "EINVAL(22)" "loopback, link-local, multicast and unspecified addresses are never offered to a peer" 6)" \
	addr-add 1:u32="$ID" "6:nest(1:ip4=127.0.0.1)"
raw "addr-add: an address it already has" \
	"$(E "EEXIST(17)" "the association already has this address" 6)" \
	addr-add 1:u32="$ID" "6:nest(1:ip4=10.0.1.1)"
raw "addr-del: the last address" \
	"$(E "EBUSY(16)" "it is the association's last address (RFC 5061 section 4.2.2): add another one first" 6)" \
	addr-del 1:u32="$ID" "6:nest(1:ip4=10.0.1.1)"
raw "addr-del: an address it does not have" \
	"$(E "EADDRNOTAVAIL(99)" "not a local address of this association" 6)" \
	addr-del 1:u32="$ID" "6:nest(1:ip4=10.0.2.1)"
raw "assoc-set: nothing to set" \
	"$(E "EINVAL(22)" "nothing to set: give primary and/or peer-primary" -1)" \
	assoc-set 1:u32="$ID"
raw "assoc-set: primary that is not a peer address" \
	"$(E "EADDRNOTAVAIL(99)" "not a peer address of this association" 8)" \
	assoc-set 1:u32="$ID" "8:nest(1:ip4=10.0.1.1)"
raw "assoc-set: peer-primary that is not a local address" \
	"$(E "EADDRNOTAVAIL(99)" "not a local address of this association" 12)" \
	assoc-set 1:u32="$ID" "12:nest(1:ip4=10.0.2.1)"

# ---- sctpaddr's command line ---------------------------------------------------
cli "sctpaddr: unknown object" 2 \
	'Error: unknown object "frob"; try "sctpaddr help".' frob
cli "sctpaddr: unknown command" 2 \
	'Error: unknown command "frob"; try "sctpaddr assoc help".' assoc frob
cli "sctpaddr: bad address" 2 'Error: invalid address "10.0.1".' \
	assoc show addr 10.0.1
cli "sctpaddr: missing value" 2 \
	'Error: selector "lport" needs a value; try "sctpaddr assoc help".' \
	assoc show lport
cli "sctpaddr: addr add needs an id or selectors" 2 \
	'Error: "add" takes "ADDRESS id ASSOC_ID" or "ADDRESS SELECTOR ..."; try "sctpaddr addr help".' \
	addr add 10.0.2.1
cli "sctpaddr: kernel's extack is printed" 1 \
	'Error: no such association in this network namespace.' \
	assoc get id 2147483647

# ---- nothing changed --------------------------------------------------------------
after_is_before()
{
	local after r=0

	after=$(snapshot)
	[[ $after == "$BEFORE" ]] || r=1
	kill -INT "${STREAM_PID[c]}" "${STREAM_PID[s]}"
	stream_wait c || r=1
	stream_wait s || r=1
	stream_clean c && stream_clean s || r=1
	return $r
}
after_is_before
tap_result $? "the association is unchanged and its stream intact"

tap_exit
