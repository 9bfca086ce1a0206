#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: debug stock-6.1
#
# privilege.sh - who may do what through the sctp_dar family, and what one
# network namespace sees of another:
#  - every mutating op (addr-add, addr-del, assoc-set, policy-set, link-set)
#    is refused with EPERM to an unprivileged user (uid 65534, no
#    capability), and to root of a user namespace that does not own the
#    network namespace (the -U cases not already in sctpaddr_badinput.sh
#    and sctpaddr_policy.sh);
#  - root of $MN cannot reach $CN's association (ENOENT for an id that
#    exists there) nor its interfaces (ENODEV);
#  - "sctpaddr monitor" in $MN never receives $CN's events;
#  - read ops in $MN (assoc dump and get, stats, policy show, link show)
#    show nothing of $CN, also when $CN changes.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1/24       |== path A ==|  cn-a 10.0.1.2/24       |
#     |  mn-b (no address)      |== path B ==|  cn-b 10.0.2.2/24       |
#     |                         |            |  cnx0 (dummy, index 90) |
#     +-------------------------+            +-------------------------+
#
# One association, $MN -> $CN port 5001 ($ID in $MN, $CN_ID in $CN).
. "$(dirname "$0")/lib.sh"

tap_plan 21
require_own_tool sctpaddr
require_own_tool nlraw
require_tool jq
require_own_tool su
modprobe sctp_dar || { tap_fail "load sctp_dar"; tap_exit; }
require_module dummy
topo_two_paths || { tap_fail "build the topology"; tap_exit; }
ip -n "$CN" link add cnx0 index 90 type dummy &&
	ip -n "$CN" link set cnx0 up || { tap_fail "add a dummy device to $CN"; tap_exit; }

if ! stream_server s "$CN" 5001 -d 600000 -i 100000 -B 10.0.1.2 ||
   ! stream_client c "$MN" 10.0.1.2 5001 -d 600000 -i 100000 -B 10.0.1.1; then
	tap_fail "set up the association"
	tap_exit
fi
ID=$(sctpaddr -n "$MN" -j assoc show pport 5001 | jq '.[0].id')
CN_ID=$(sctpaddr -n "$CN" -j assoc show lport 5001 | jq '.[0].id')
if [[ ! $ID =~ ^[0-9]+$ || ! $CN_ID =~ ^[0-9]+$ ]]; then
	tap_fail "find the association ids ($ID, $CN_ID)"
	tap_exit
fi
MN_IF=$(ip -n "$MN" -o link show mn-a | cut -d: -f1)

E() { echo "error errno=$1 msg=\"$2\" bad_attr=$3 miss_type=${4:--1}"; }

# raw NAME EXPECTED [WHO] NLRAW-ARGS...: nlraw's one-line report in $MN
# must be EXPECTED; WHO "nobody" runs it as uid 65534 without capabilities.
raw()
{
	local name=$1 want=$2 got

	shift 2
	if [[ $1 == nobody ]]; then
		shift
		got=$(ip netns exec "$MN" su -s "$BASH" -c '"$0" "$@"' -- nobody \
			"$(command -v nlraw)" "$@" 2>&1)
	else
		got=$(nlraw -n "$MN" "$@" 2>&1)
	fi
	if [[ $got == "$want" ]]; then
		tap_ok "$name"
	else
		tap_diag "nlraw $*"
		tap_diag "want: $want"
		tap_diag "got:  $got"
		tap_fail "$name"
	fi
}

EPERM=$(E "EPERM(1)" "" -1)
NOENT=$(E "ENOENT(2)" "no such association in this network namespace" 1)
# The requests are well-formed and would be carried out, or refused for
# another reason, if the caller were allowed.
ADD=(addr-add 1:u32="$ID" "6:nest(1:ip4=10.0.2.1)")
DEL=(addr-del 1:u32="$ID" "6:nest(1:ip4=10.0.1.1)")
SET=(assoc-set 1:u32="$ID" "12:nest(1:ip4=10.0.1.2)")
POL=(policy-set 3:u32=1234)
LNK=(link-set 1:u32="$MN_IF" 3:u32=5)
POLICY_BEFORE=$(sctpaddr -n "$MN" -j policy show)
LINKS_BEFORE=$(sctpaddr -n "$MN" -j link show)

# ---- 1-5: an unprivileged user ------------------------------------------------
raw "unprivileged user: addr-add is EPERM" "$EPERM" nobody "${ADD[@]}"
raw "unprivileged user: addr-del is EPERM" "$EPERM" nobody "${DEL[@]}"
raw "unprivileged user: assoc-set is EPERM" "$EPERM" nobody "${SET[@]}"
raw "unprivileged user: policy-set is EPERM" "$EPERM" nobody "${POL[@]}"
raw "unprivileged user: link-set is EPERM" "$EPERM" nobody "${LNK[@]}"

# ---- 6-7: root of a user namespace that does not own $MN ----------------------
if unshare -U true 2>/dev/null; then
	raw "foreign user namespace: addr-del is EPERM" "$EPERM" -U "${DEL[@]}"
	raw "foreign user namespace: link-set is EPERM" "$EPERM" -U "${LNK[@]}"
else
	tap_skip "foreign user namespace: addr-del is EPERM" "no user namespaces in this kernel"
	tap_skip "foreign user namespace: link-set is EPERM" "no user namespaces in this kernel"
fi

# 8. Nothing changed.
same()
{
	[[ $(sctpaddr -n "$MN" -j policy show) == "$POLICY_BEFORE" &&
	   $(sctpaddr -n "$MN" -j link show) == "$LINKS_BEFORE" ]] &&
		sctpaddr -n "$MN" -j assoc show id "$ID" |
		jq -e '[.[0].local[] | (.addr? // .)] == ["10.0.1.1"]' >/dev/null
}
check "the refused requests changed nothing" same

# ---- 9-12: root of $MN and $CN's objects -----------------------------------------
raw "another namespace's association: addr-add is ENOENT" "$NOENT" \
	addr-add 1:u32="$CN_ID" "6:nest(1:ip4=10.0.2.1)"
raw "another namespace's association: addr-del is ENOENT" "$NOENT" \
	addr-del 1:u32="$CN_ID" "6:nest(1:ip4=10.0.1.1)"
raw "another namespace's association: assoc-set is ENOENT" "$NOENT" \
	assoc-set 1:u32="$CN_ID" "12:nest(1:ip4=10.0.1.1)"
raw "another namespace's interface: link-set is ENODEV" \
	"$(E "ENODEV(19)" "no such interface in this network namespace" 1)" \
	link-set 1:u32=90 3:u32=5

# ---- 13-15: events stay in their namespace ---------------------------------------
EV=$LIB_TMP/mn.events
ip netns exec "$MN" sctpaddr -j monitor >"$EV" 2>&1 &
LIB_PIDS+=("$!")
MON=$!
# Listening once it sleeps in ppoll (syscall 271).
wait_for 5 grep -q '^271 ' "/proc/$MON/syscall"
check "sctpaddr monitor runs in MN" kill -0 "$MON"

STATS_BEFORE=$(sctpaddr -n "$MN" -j stats)
# A primary-changed event in $CN (the primary it has), a policy change
# and a link priority there.
CN_CHANGED=0
sctpaddr -n "$CN" assoc set id "$CN_ID" primary 10.0.1.1 &&
	sctpaddr -n "$CN" policy set grace-ms 4321 debounce-ms 77 &&
	sctpaddr -n "$CN" link set dev cnx0 priority 7 && CN_CHANGED=1
# Then one in $MN: once the monitor has it, it had every earlier event.
MN_CHANGED=0
sctpaddr -n "$MN" assoc set id "$ID" primary 10.0.1.2 && MN_CHANGED=1
wait_for 10 grep -q primary "$EV"
mine()
{
	((CN_CHANGED && MN_CHANGED)) || { tap_diag "changes: $CN $CN_CHANGED, $MN $MN_CHANGED"; return 1; }
	jq -e -s --argjson id "$ID" \
		'length >= 1 and all(.[]; .assoc == $id and .lport != 5001)' "$EV" \
		>/dev/null || { tap_diag "events: $(cat "$EV")"; return 1; }
}
check "monitor in MN: its own event, none of CN's" mine
stats_same()
{
	# Only $MN's own primary change may have moved its counters.
	jq -e -n --argjson a "$STATS_BEFORE" --argjson b "$(sctpaddr -n "$MN" -j stats)" \
		'($a | del(.primary_changes)) == ($b | del(.primary_changes)) and
		 $b.primary_changes == $a.primary_changes + 1' >/dev/null
}
check "stats in MN count only MN's event" stats_same

# ---- 16-21: reading $MN shows nothing of $CN ---------------------------------
nobody_sa() { ip netns exec "$MN" su -s "$BASH" -c '"$0" "$@"' -- nobody "$(command -v sctpaddr)" "$@"; }
dump_mine()
{
	[[ $(nobody_sa -j assoc show | jq -c '[.[].id]') == "[$ID]" ]]
}
check "assoc dump in MN (unprivileged): its association only" dump_mine
get_mine()
{
	[[ $(nobody_sa -j assoc get id "$ID" |
	     jq 'if type == "array" then .[0].id else .id end') == "$ID" ]]
}
check "assoc get in MN (unprivileged): its association" get_mine
raw "assoc get in MN (unprivileged) of CN's id: ENOENT" "$NOENT" nobody \
	assoc-get 1:u32="$CN_ID"
policy_mine()
{
	[[ $(nobody_sa -j policy show) == "$POLICY_BEFORE" ]]
}
check "policy show in MN: unchanged by CN's policy-set" policy_mine
links_mine()
{
	local names

	names=$(nobody_sa -j link show | jq -c '[.[].name] | sort')
	[[ $names == '["mn-a","mn-b"]' ]] || { tap_diag "links: $names"; return 1; }
	[[ $(nobody_sa -j link show) == "$LINKS_BEFORE" ]]
}
check "link show in MN: its interfaces only, priorities unchanged" links_mine
stats_read()
{
	nobody_sa -j stats | jq -e .primary_changes >/dev/null
}
check "stats in MN (unprivileged) can be read" stats_read
tap_exit
