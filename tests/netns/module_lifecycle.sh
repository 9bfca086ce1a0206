#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# module_lifecycle.sh - sctp_dar loads, shows itself, refuses what it must,
# and unloads cleanly, also with namespaces and live associations around:
# an association it does not manage, and associations opened before it was
# loaded, which it then manages (a roam works) and leaves intact when it
# is unloaded during their traffic.
# Runs first in a VM: its first case needs sctp.ko not yet loaded.
#
#   $MN mn-a 10.0.1.1 ===== path A ===== cn-a 10.0.1.2 $CN   (last cases)
#       mn-b 10.0.2.1 ===== path B ===== cn-b 10.0.2.2       (the roam)
. "$(dirname "$0")/lib.sh"

tap_plan 15
# The debug kernel (lockdep, KASAN) is several times slower. The streams
# of cases 11-15 send until told to stop (SIGINT ends the sending phase,
# END follows), however slow the machine; DUR only bounds a stuck case.
DUR=120000
IVL=1000
WAIT=10
if [[ -e /proc/lockdep ]]; then
	IVL=10000
	WAIT=25
fi
kver=$(uname -r)
mod=/lib/modules/$kver/extra/sctp_dar.ko
sctp_ko=$(find /lib/modules/"$kver" -name sctp.ko | head -n 1)

# 1. Without SCTP the module refuses with a clear message and errno.
# The harness runs this script first; run after others, sctp.ko may be
# loaded, unused: unload it.
if grep -q '^sctp ' /proc/modules; then
	for m in sctp_dar_test sctp_dar sctp_diag sctp; do
		grep -q "^$m " /proc/modules && rmmod "$m" 2>/dev/null
	done
fi
if grep -q '^sctp ' /proc/modules; then
	tap_notrun "refuses clearly without sctp.ko" "sctp.ko is loaded and in use: $(grep '^sctp ' /proc/modules)"
elif [[ ! -f $sctp_ko ]]; then
	tap_skip "refuses clearly without sctp.ko" "sctp is built in"
else
	# Its hard dependencies (libcrc32c for the wire hook) as modprobe
	# would load them; sctp is not one (symbol_get()).
	for dep in $(modinfo -F depends "$mod" | tr , ' '); do
		modprobe "$dep"
	done
	mv "$sctp_ko" "$sctp_ko.hidden"
	err=$(insmod "$mod" 2>&1)
	rc=$?
	mv "$sctp_ko.hidden" "$sctp_ko"
	msg=$(dmesg | grep 'sctp_dar: SCTP is not available' | tail -n 1)
	if ((rc != 0)) && [[ $err == *"Protocol not supported"* && -n $msg ]] &&
	   ! grep -q '^sctp_dar ' /proc/modules; then
		tap_ok "refuses clearly without sctp.ko"
	else
		tap_diag "insmod rc=$rc: $err; log: $msg"
		tap_fail "refuses clearly without sctp.ko"
	fi
fi

# 2. modprobe pulls in sctp and reports its version.
modprobe sctp_dar && grep -q '^sctp ' /proc/modules &&
	[[ -n $(cat /sys/module/sctp_dar/version 2>/dev/null) ]]
tap_result $? "modprobe loads sctp and sctp_dar, version $(cat /sys/module/sctp_dar/version 2>/dev/null)"

# 3. modinfo shows the version and every parameter.
info=$(modinfo "$mod" 2>&1)
ok=0
for f in version: "parm: *debounce_ms" "parm: *grace_ms" "parm: *require_auth"; do
	grep -q "$f" <<<"$info" || ok=1
done
tap_result $ok "modinfo shows version and parameters"

# 4. Parameters are bounded when written through sysfs.
p=/sys/module/sctp_dar/parameters
before=$(cat $p/debounce_ms)
( echo 10001 >$p/debounce_ms ) 2>/dev/null
rc1=$?
( echo 50 >$p/debounce_ms ) 2>/dev/null
rc2=$?
now=$(cat $p/debounce_ms)
echo "$before" >$p/debounce_ms
[[ $rc1 -ne 0 && $rc2 -eq 0 && $now == 50 ]]
tap_result $? "debounce_ms rejects 10001, accepts 50"

# 5. A bad parameter at load time is refused.
rmmod sctp_dar
err=$(insmod "$mod" grace_ms=600001 2>&1)
rc=$?
((rc != 0)) && ! grep -q '^sctp_dar ' /proc/modules
tap_result $? "insmod grace_ms=600001 is refused ($err)"

# 6. Load/unload cycles leave nothing behind.
ok=0
for _ in 1 2 3 4 5; do
	insmod "$mod" && rmmod sctp_dar || ok=1
done
tap_result $ok "five load/unload cycles"

# 7. Namespaces come and go while loaded.
insmod "$mod"
ok=0
for i in 1 2 3 4 5; do
	ip netns add "lc-$LIB_TAG-$i" || ok=1
done
for i in 1 2 3 4 5; do
	ip netns del "lc-$LIB_TAG-$i" || ok=1
done
tap_result $ok "namespaces created and deleted while loaded"

# 8-10. Unload while an association carries traffic: it survives.
topo_two_paths
stream_server lc-cn "$CN" 5010 -d 3000 -B 10.0.1.2
stream_client lc-mn "$MN" 10.0.1.2 5010 -d 3000 -B 10.0.1.1
tap_result $? "association up with sctp_dar loaded"
sleep 1
rmmod sctp_dar
tap_result $? "rmmod during traffic"
rc=0
stream_wait lc-mn || rc=1
stream_wait lc-cn || rc=1
stream_clean lc-mn && stream_clean lc-cn || rc=1
tap_result $rc "stream intact across the unload"

# 11-15. Associations opened before sctp_dar is loaded become managed: a
# make-before-break roam after the load works (B added and made the
# peer's primary, A deleted when its cable is pulled). Then unloading it
# during their traffic leaves the association and the stream intact. The
# correspondent is left alone by sctp_dar (a stock peer, lib.sh
# peer_stock): every reconfiguration comes from the mobile node's.
asconf_enable "$MN" "$CN"
rc=0
stream_server pre-cn "$CN" 5011 -d "$DUR" -i "$IVL" -B 10.0.1.2 -B 10.0.2.2 || rc=1
stream_client pre-mn "$MN" 10.0.1.2 5011 -d "$DUR" -i "$IVL" -B 10.0.1.1 || rc=1
! grep -q '^sctp_dar ' /proc/modules || rc=1
tap_result $rc "association up before sctp_dar is loaded"
if ((rc)); then
	setup_fail "no association before the load"
fi
sleep 0.5
insmod "$mod" manage_ports=all && peer_stock
tap_result $? "insmod manage_ports=all with the association open"

mn_addr_b
wait_for "$WAIT" peer_primary_is 5011 10.0.2.1
rc=$?
carrier "$MN" mn-a off
wait_for "$WAIT" peer_lacks 5011 10.0.1.1 || rc=1
view=$(peer_view 5011)
tap_diag "peer view after the roam: $view"
[[ $view == "*10.0.2.1 " ]] || rc=1
tap_diag "mn: $(sctpaddr -n "$MN" -j assoc show pport 5011 2>&1)"
tap_result $rc "a roam after the load: peer knows only B, as primary"

rmmod sctp_dar
tap_result $? "rmmod during traffic on a managed association"
# A second of traffic without sctp_dar, then the end of the streams.
sleep 1
stream_end pre-mn pre-cn
rc=0
stream_wait pre-mn || rc=1
stream_wait pre-cn || rc=1
stream_clean pre-mn && stream_clean pre-cn || rc=1
tap_diag "max gap down $(stream_field pre-mn max_gap_ms) ms, up $(stream_field pre-cn max_gap_ms) ms"
tap_result $rc "stream intact across the load, the roam and the unload"
tap_exit
