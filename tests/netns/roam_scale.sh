#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: debug stock-6.1
#
# roam_scale.sh - 100 associations on one event: a make-before-break roam
# (B added, then A's cable pulled, address kept) under 100 idle managed
# associations (sctp_many) and one checksummed stream, first with
# specifically-bound sockets (manage_ports), then with wildcard-bound ones
# (the kernel's auto_asconf, which sctp_dar orders and hurries).
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  100 x sctp_many (7x01) |            |  sctp_many listener,    |
#     |  sctp_stream    (7x00)  |            |  wildcard (7x01)        |
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |                         |  (cable    |                         |
#     |                         |   pulled)  |                         |
#     |  mn-b 10.0.2.1    (new) |== path B ==|  cn-b 10.0.2.2          |
#     +-------------------------+            +-------------------------+
#
# Each set checks, from the correspondent's side (/proc/net/sctp/assocs):
# every one of the 100 associations ends knowing only B, as its primary;
# the same 100 associations are still established (none lost or
# re-created); and the stream through the roam arrived whole both ways.
. "$(dirname "$0")/lib.sh"

# The debug kernel runs the same roams on fewer associations (lib.sh
# debug_size; 100 there took minutes just to set up): KASAN and lockdep
# need every path run, and 25 associations on one event still make the
# engine walk, batch and order many of them. The stock kernels run 100.
N=$(debug_size 100 25)
# The stream runs until the roam is over (SIGINT ends its sending phase),
# however slow the kernel; DUR only bounds a stuck case.
DUR=120000
IVL=1000
WAIT=20
if [[ -e /proc/lockdep ]]; then	# lock debugging: several times slower
	DUR=300000	# 100 bound roams took up to 28 s here
	IVL=10000
	WAIT=60
fi

tap_plan 8
debug_note "$N associations per set, not 100"

require_own_tool sctp_many sctp_stream
require_tool jq
require_sctp_dar
# Parameters apply to namespaces created afterwards.
manage_ports all
topo_two_paths || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"

# views PORT: the peer address list of each of the correspondent's
# associations on local port PORT, one line per association, primary
# first-marked with '*', as /proc/net/sctp/assocs prints it.
views()
{
	ip netns exec "$CN" awk -v p="$1" '
		NR > 1 && $12 == p {
			sub(/.*<-> /, ""); sub(/\t.*/, ""); sub(/ +$/, "")
			print
		}' /proc/net/sctp/assocs
}

# all_primary_b PORT: every one of the N associations sends to B.
all_primary_b()
{
	[[ $(views "$1" | grep -c '\(^\| \)\*10\.0\.2\.1\( \|$\)') == "$N" ]]
}

# all_only_b PORT: every one of the N associations knows only B.
all_only_b()
{
	[[ $(views "$1" | grep -cx '\*10\.0\.2\.1') == "$N" ]]
}

# ids NS PORT: the established associations' ids on local port PORT
# (ST 3 = ESTABLISHED), sorted.
ids()
{
	ip netns exec "$1" awk -v p="$2" 'NR > 1 && $12 == p && $5 == 3 { print $7 }' \
		/proc/net/sctp/assocs | sort -n
}

views_diag()
{
	tap_diag "$1: peer views (count, list): $(views "$2" | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
}

# engine_diag NAME PORT: what sctp_dar on the mobile node says of the
# associations to PORT: how many have which primary, with the paths'
# smoothed RTTs of one of each.
engine_diag()
{
	tap_diag "$1: engine view: $(ip netns exec "$MN" sctpaddr -j assoc show pport "$2" 2>&1 |
		jq -c 'group_by(.primary) | map({primary: .[0].primary,
			n: length, paths: [.[0].paths[]? | "\(.addr) \(.state) srtt \(.srtt_ms)"]})' 2>&1)"
}

# scale NAME BASE "CLIENT_ARGS": the set on ports BASE (stream) and BASE+1
# (sctp_many).
scale()
{
	local name=$1 sport=$2 mport=$(($2 + 1)) rc=0 cli ids_cn ids_mn t0 side
	local -a bind=()

	[[ -n $3 ]] && bind=(-B "$3")
	ip netns exec "$CN" sctp_many -l 0.0.0.0 -p "$mport" -r "$LIB_TMP/$name-srv.ready" \
		2>"$LIB_TMP/$name-srv.err" &
	LIB_PIDS+=($!)
	wait_for 5 test -e "$LIB_TMP/$name-srv.ready" ||
		tap_diag "$name: listener not ready: $(cat "$LIB_TMP/$name-srv.err")"
	ip netns exec "$MN" sctp_many -c 10.0.1.2 -p "$mport" -n "$N" "${bind[@]}" \
		-r "$LIB_TMP/$name-cli.ready" 2>"$LIB_TMP/$name-cli.err" &
	cli=$!
	LIB_PIDS+=("$cli")
	wait_for 60 test -s "$LIB_TMP/$name-cli.ready"
	ids_cn=$(ids "$CN" "$mport")
	ids_mn=$(ids "$MN" "$mport")
	[[ $(cat "$LIB_TMP/$name-cli.ready" 2>/dev/null) == "$N" &&
	   $(wc -l <<<"$ids_cn") == "$N" ]] || rc=1
	if ((rc == 0)); then
		stream_server "$name-cn" "$CN" "$sport" -d "$DUR" -i "$IVL" \
			-B 10.0.1.2 -B 10.0.2.2 || rc=1
		# shellcheck disable=SC2086
		stream_client "$name-mn" "$MN" 10.0.1.2 "$sport" -d "$DUR" -i "$IVL" \
			"${bind[@]}" ${4:-} || rc=1
	fi
	if ((rc)); then
		tap_diag "$name: $(cat "$LIB_TMP/$name-cli.err" 2>/dev/null)"
		tap_fail "$name: $N associations and a stream up"
		tap_notrun "$name: all $N peers know only B, as primary" "no association"
		tap_notrun "$name: stream intact both ways" "no association"
		tap_notrun "$name: the same $N associations still established" "no association"
		return
	fi
	tap_ok "$name: $N associations and a stream up"
	sleep 0.5	# the stream runs over A first

	t0=$SECONDS
	mn_addr_b
	wait_for "$WAIT" all_primary_b "$mport"
	rc=$?
	tap_diag "$name: make: all $N made B primary in $((SECONDS - t0)) s or less (rc $rc)"
	if ((rc)); then
		views_diag "$name" "$mport"
		engine_diag "$name" "$mport"
	fi
	t0=$SECONDS
	carrier "$MN" mn-a off
	wait_for "$WAIT" all_only_b "$mport" || rc=1
	tap_diag "$name: break: A gone from all $N in $((SECONDS - t0)) s or less"
	views_diag "$name" "$mport"
	if peer_view "$sport" | grep -qvx '\*10\.0\.2\.1 '; then
		tap_diag "$name: stream's peer view: $(peer_view "$sport")"
		rc=1
	fi
	tap_result $rc "$name: all $N peers know only B, as primary"

	rc=0
	# The stream must have run through the whole roam.
	for side in mn cn; do
		if ! kill -INT "${STREAM_PID[$name-$side]}" 2>/dev/null; then
			tap_diag "$name-$side: the stream ended before the roam did"
			rc=1
		fi
	done
	stream_wait "$name-mn" || rc=1
	stream_wait "$name-cn" || rc=1
	stream_clean "$name-mn" && stream_clean "$name-cn" || rc=1
	tap_diag "$name: max gap down $(stream_field "$name-mn" max_gap_ms) ms, up $(stream_field "$name-cn" max_gap_ms) ms"
	tap_result $rc "$name: stream intact both ways, association alive"

	rc=0
	[[ $(ids "$CN" "$mport") == "$ids_cn" && $(ids "$MN" "$mport") == "$ids_mn" ]] || rc=1
	kill -0 "$cli" 2>/dev/null || rc=1
	kill -INT "$cli" 2>/dev/null
	wait "$cli" || rc=1
	((rc)) && tap_diag "$name: established now: $(ids "$CN" "$mport" | wc -l) (peer), $(ids "$MN" "$mport" | wc -l) (node)"
	tap_result $rc "$name: the same $N associations still established"

	# Back to the start: A plugged in, B gone.
	carrier "$MN" mn-a on
	ip -n "$MN" addr flush dev mn-b scope global
	sleep 0.5
}

scale "bound" 7100 10.0.1.1
# Wildcard sockets: auto_asconf on for every new socket. (The debug
# kernel carries the fix for the stock kernel's auto_asconf bug,
# tests/vm/patches/, so this runs there too.)
sctp_sysctl "$MN" default_auto_asconf 1
scale "wildcard" 7200 "" -A
tap_exit
