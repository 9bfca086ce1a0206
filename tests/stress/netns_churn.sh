#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# netns_churn.sh - network namespaces created and destroyed over and over
# with managed associations in them and an address event still queued:
# sctp_dar's per-namespace state comes and goes, it unloads afterwards,
# nothing leaks, no splat.
#
#   each round:  +--- nc-a-I ---+          +--- nc-b-I ---+
#                | va 10.9.0.1  |==========| vb 10.9.0.2  |
#                | +10.9.0.11   |          |              |
#                | sctp_many x3 |          | sctp_many -l |
#                +--------------+          +--------------+
#
# A round builds the pair, brings up three associations (managed:
# manage_ports=all), adds a second address (sctp_dar queues its ADD), then
# kills both programs and deletes both namespaces at once, without waiting
# for the associations to close.
#
# Size: CHURN_N namespaces, two per round (reduced: 4; STRESS_FULL=1: 200).
. "$(dirname "$0")/../netns/lib.sh"
. "$(dirname "$0")/common.sh"

N=4
stress_full && N=200
N=${CHURN_N:-$N}

tap_plan 5
require_own_tool sctp_many
require_module sctp
require_module veth
require_sctp_dar
manage_ports all

# round I: one pair of namespaces, associations, an event, teardown.
round()
{
	local a=nc-a-$LIB_TAG-$1 b=nc-b-$LIB_TAG-$1 rc=0 p1 p2

	ip netns add "$a" && ip netns add "$b" || return 1
	ip -n "$a" link set lo up
	ip -n "$b" link set lo up
	ip link add va netns "$a" type veth peer name vb netns "$b" || rc=1
	ip -n "$a" addr add 10.9.0.1/24 dev va
	ip -n "$b" addr add 10.9.0.2/24 dev vb
	ip -n "$a" link set va up
	ip -n "$b" link set vb up
	for ns in "$a" "$b"; do
		sctp_sysctl "$ns" addip_enable 1
		sctp_sysctl "$ns" auth_enable 1
	done
	rm -f "$LIB_TMP/s.ready" "$LIB_TMP/c.ready"
	ip netns exec "$b" sctp_many -l 10.9.0.2 -p 6400 -r "$LIB_TMP/s.ready" 2>>"$LIB_TMP/err" &
	p1=$!
	wait_for 10 test -e "$LIB_TMP/s.ready" || rc=1
	ip netns exec "$a" sctp_many -c 10.9.0.2 -p 6400 -n 3 -B 10.9.0.1 \
		-r "$LIB_TMP/c.ready" 2>>"$LIB_TMP/err" &
	p2=$!
	wait_for 30 test -s "$LIB_TMP/c.ready" || rc=1
	[[ $(cat "$LIB_TMP/c.ready" 2>/dev/null) == 3 ]] || rc=1
	ip -n "$a" addr add 10.9.0.11/24 dev va
	kill -9 "$p1" "$p2" 2>/dev/null
	wait "$p1" "$p2" 2>/dev/null
	ip netns del "$a" || rc=1
	ip netns del "$b" || rc=1
	return $rc
}

t0=$SECONDS
made=0
bad=0
i=0
while ((made < N)); do
	i=$((i + 1))
	round "$i" || bad=$((bad + 1))
	made=$((made + 2))
	((bad > 3)) && break
done
tap_diag "namespaces: $made created and destroyed in $((SECONDS - t0)) s; $bad round(s) failed"
[[ -s $LIB_TMP/err ]] && tap_diag "$(head -n 5 "$LIB_TMP/err")"
((made >= N && bad == 0))
tap_result $? "$made namespaces created and destroyed with associations in them"

left=$(ip netns list | grep -c "^nc-[ab]-$LIB_TAG-")
((left == 0))
tap_result $? "none of them left behind ($left)"

stress_unloads
stress_no_leak
stress_no_splat
tap_exit
