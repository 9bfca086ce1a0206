#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# roam.sh [VARIANT...] - the demo (runs in the VM; `make demo` boots it).
#
# A mobile node streams 1 KiB messages every 1 ms both ways with a
# correspondent over path A, gets a path-B address, and 1 s later loses path
# A's cable (carrier gone, address still configured: a pulled cable or lost
# Wi-Fi). Printed: when B appeared, when the peer learned it, when A died,
# when traffic resumed, the longest stall each way, loss, and the peer's
# final view of the mobile node.
#
#   $MN mn-a 10.0.1.1 ===== path A (cut at +1 s) ===== cn-a 10.0.1.2 $CN
#       mn-b 10.0.2.1 (added at 0) == path B ========= cn-b 10.0.2.2
#
# Variants: "stock" - Debian's kernel alone: wildcard sockets with the
# kernel's auto_asconf (its best case); "sctp_dar" - sctp_dar loaded and
# managing every socket, the mobile node's bound to its path-A address, the
# application doing nothing special.
. "$(dirname "$0")/../netns/lib.sh"

variants=("$@")
((${#variants[@]})) || variants=(stock sctp_dar)
[[ -n ${SCTP_DAR_DEMO_VARIANTS:-} ]] && read -ra variants <<<"$SCTP_DAR_DEMO_VARIANTS"
tap_plan ${#variants[@]}

now_us()
{
	echo "${EPOCHREALTIME/./}"
}

ms_since()
{
	echo $((($1 - t_add) / 1000))
}

run_variant()
{
	local v=$1 port=$2 cargs=() t0 t_learn="" t_cut raddrs gap at resumed rc=0
	local deadline

	MN=mn-$v-$LIB_TAG
	CN=cn-$v-$LIB_TAG
	# sctp_dar's parameters seed namespaces created after they are set.
	case $v in
	stock)
		cargs=(-A)
		rmmod sctp_dar 2>/dev/null
		;;
	sctp_dar)
		modprobe sctp_dar || { tap_fail "$v: modprobe sctp_dar"; return; }
		manage_ports all
		cargs=(-B 10.0.1.1)
		;;
	esac
	topo_two_paths
	for ns in "$MN" "$CN"; do
		sctp_sysctl "$ns" addip_enable 1
		sctp_sysctl "$ns" auth_enable 1
	done

	stream_server "$v-cn" "$CN" "$port" -d 5000
	stream_client "$v-mn" "$MN" 10.0.1.2 "$port" -d 5000 "${cargs[@]}" || rc=1
	sleep 1.5

	t_add=$(now_us)
	mn_addr_b
	deadline=$((SECONDS + 4))
	t_cut=""
	while ((SECONDS < deadline)); do
		if [[ -z $t_learn ]] && assoc_has_raddr "$CN" "$port" 10.0.2.1; then
			t_learn=$(now_us)
		fi
		if [[ -z $t_cut ]] && (($(now_us) - t_add >= 1000000)); then
			carrier "$MN" mn-a off
			t_cut=$(now_us)
		fi
		[[ -n $t_learn && -n $t_cut ]] && break
		sleep 0.01
	done
	sleep 1
	raddrs=$(assoc_raddrs "$CN" "$port" | tr '\n' ' ')
	stream_wait "$v-mn" || rc=1
	stream_wait "$v-cn" || rc=1

	t0=$(stream_field "$v-mn" t0_unix_us)
	gap=$(stream_field "$v-mn" max_gap_ms)
	at=$(stream_field "$v-mn" max_gap_at_ms)
	tap_diag "---- $v: $(uname -r) ----"
	tap_diag "$(printf '%6s ms  path B address 10.0.2.1 added on the mobile node' 0)"
	if [[ -n $t_learn ]]; then
		tap_diag "$(printf '%6s ms  the correspondent knows 10.0.2.1 (ASCONF ADD applied)' "$(ms_since "$t_learn")")"
	else
		tap_diag "$(printf '%6s    the correspondent never learned 10.0.2.1' '')"
	fi
	tap_diag "$(printf '%6s ms  path A cable pulled (carrier off, address kept)' "$(ms_since "$t_cut")")"
	if [[ $t0 =~ ^[0-9]+$ && -n $gap && -n $at ]]; then
		resumed=$(awk -v t0="$t0" -v at="$at" -v g="$gap" -v ta="$t_add" \
			'BEGIN { printf "%d", (t0 + (at + g) * 1000 - ta) / 1000 }')
		tap_diag "$(printf '%6s ms  end of the longest gap in traffic to the mobile node (%s ms)' "$resumed" "$gap")"
	fi
	tap_diag "longest stall: $gap ms downlink, $(stream_field "$v-cn" max_gap_ms) ms uplink"
	tap_diag "messages: $(stream_field "$v-mn" received) received down, $(stream_field "$v-cn" received) up; lost $(stream_field "$v-mn" lost)/$(stream_field "$v-cn" lost), duplicated $(stream_field "$v-mn" duplicated)/$(stream_field "$v-cn" duplicated), corrupted $(stream_field "$v-mn" corrupted)/$(stream_field "$v-cn" corrupted)"
	tap_diag "association survived: $([[ $(stream_field "$v-mn" assoc_lost) == false ]] && echo yes || echo NO)"
	tap_diag "correspondent's view of the mobile node (* = where it sends): ${raddrs:-none}"
	stream_clean "$v-mn" && stream_clean "$v-cn" || rc=1
	tap_result $rc "$v: association survived the roam intact"
	cleanup
	LIB_TMP=$(mktemp -d /tmp/netns-test.XXXXXX)
}

port=6000
for v in "${variants[@]}"; do
	run_variant "$v" $port
	port=$((port + 1))
done
tap_exit
