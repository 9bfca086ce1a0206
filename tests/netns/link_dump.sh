#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 [debug]
#
# link_dump.sh - "sctpaddr link show" (the link-get dump) lists every
# interface exactly once, in ifindex order, when the kernel's device list
# is not in ifindex order (devices created with an explicit lower index
# after higher ones, one moved in from another namespace) and the dump
# takes several messages; and a vanished link's priority is not given to
# a new device that reuses its ifindex, even with a policy-set between.
#
#     +------------------ $MN -------------------+
#     |  d180 d179 ... d101 (index 180 down to   |
#     |  101, created in that order), dmv (moved |
#     |  in from $CN with index 50), d77         |
#     +------------------------------------------+
. "$(dirname "$0")/lib.sh"

N=80
[[ -e /proc/lockdep ]] && N=34	# lock debugging: devices come slowly; still 2 batches

tap_plan 3
require_own_tool sctpaddr
require_tool jq
modprobe sctp_dar || { tap_fail "load sctp_dar"; tap_exit; }
require_module dummy
ns_add "$MN" && ns_add "$CN" || { tap_fail "create the namespaces"; tap_exit; }

# Highest index first: the device list (insertion order) runs against
# ifindex order. N devices take several of the dump's 32-device batches.
for ((i = 100 + N; i > 100; i--)); do
	echo "link add d$i index $i type dummy"
done >"$LIB_TMP/batch"
if ! ip -n "$MN" -batch "$LIB_TMP/batch" ||
   ! ip -n "$CN" link add dmv index 50 type dummy ||
   ! ip -n "$CN" link set dmv netns "$MN"; then
	tap_fail "create the devices"
	tap_exit
fi

# 1. Every device once, in ifindex order.
want=$(ip -n "$MN" -j link show | jq -c '[.[] | select(.ifname != "lo") |
	{ifindex, name: .ifname}] | sort_by(.ifindex)')
got=$(sctpaddr -n "$MN" -j link show | jq -c '[.[] | {ifindex, name}]')
if [[ -n $got && $got == "$want" ]]; then
	tap_ok "link show: all $((N + 1)) devices, once each, in ifindex order"
else
	tap_diag "want $(jq length <<<"$want") devices, got $(jq length <<<"$got" 2>/dev/null)"
	tap_diag "missing: $(jq -c -n --argjson w "$want" --argjson g "${got:-[]}" '$w - $g | map(.name)' 2>&1 | cut -c1-300)"
	tap_fail "link show: all $((N + 1)) devices, once each, in ifindex order"
fi

# 2-3. A priority set on d77, which then vanishes while the policy is
# changed; a new device with its index starts without a priority.
prio() { sctpaddr -n "$MN" -j link show dev "$1" | jq '.[0].priority // 0'; }
ip -n "$MN" link add d77 index 77 type dummy &&
	sctpaddr -n "$MN" link set dev d77 priority 5 && [[ $(prio d77) == 5 ]]
tap_result $? "link set: d77 gets priority 5"
ip -n "$MN" link del d77 &
sctpaddr -n "$MN" policy set grace-ms 1500
wait
sctpaddr -n "$MN" policy set grace-ms 1600
ip -n "$MN" link add d77 index 77 type dummy
# The engine clears the vanished link's priority at its next pass.
no_prio() { [[ $(prio d77) == 0 ]]; }
wait_for 5 no_prio
tap_result $? "a new device with a vanished link's ifindex has no priority ($(prio d77))"
tap_exit
