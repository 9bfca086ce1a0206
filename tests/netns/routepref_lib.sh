# SPDX-License-Identifier: GPL-2.0
#
# routepref_lib.sh - the set-up roam_routepref.sh and
# roam_routepref_policy.sh share (sourced after tap_plan, never run): the
# two-path topology with a stock correspondent, Wi-Fi (mn-b) configured
# with its default routes at metric 600, Ethernet (mn-a) not yet, and the
# association $MN 5002 (bound to B, managed) -> $CN 5003 streaming; the
# helpers both scripts use (sa, our_primary, check_diag, eth_route,
# eth_unroute, on_eth, on_wifi) and their bounds (WAIT, IVL).

require_sctp_dar
require_tool jq
manage_ports 5002
topo_two_paths || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"
peer_stock || setup_fail "cannot make the correspondent a stock peer"
# A kernel with lock debugging is several times slower: a slower stream
# (as roam_mbb.sh) and more time.
WAIT=15
IVL=1000
if [[ -e /proc/lockdep ]]; then
	WAIT=45
	IVL=10000
	# sctp_stream itself starts slowly there (seen: over 5 s to listen).
	STREAM_LISTEN_WAIT=30
	STREAM_ASSOC_WAIT=60
fi

sa() { sctpaddr -n "$MN" "$@"; }
our_primary() { sa -j assoc show lport 5002 | jq -r '.[0].primary'; }

# check_diag: what a failing check (lib.sh) shows.
check_diag()
{
	tap_diag "peer view: $(peer_view 5003); our primary: $(our_primary)"
	tap_diag "mn routes: $(ip -n "$MN" route | tr '\n' ';') $(ip -n "$MN" -6 route show default | tr '\n' ';')"
	tap_diag "links: $(sa -j link show | jq -c '[.[] | {name, priority, metric, metric6}]')"
	tap_diag "policy: $(sa -j policy show | jq -c .)"
}

# Ethernet is not configured yet; Wi-Fi is, with its default routes.
ip -n "$MN" addr flush dev mn-a scope global
mn_addr_b
ip -n "$MN" route add default via 10.0.2.2 dev mn-b metric 600 &&
	ip -n "$MN" -6 route add default via fd00:2::2 dev mn-b metric 600 ||
	setup_fail "cannot add Wi-Fi's default routes"

stream_server s "$CN" 5003 -d 600000 -i "$IVL" -B 10.0.1.2 -B 10.0.2.2 &&
	stream_client c "$MN" 10.0.2.2 5003 -d 600000 -i "$IVL" -B 10.0.2.1 -P 5002 ||
	setup_fail "cannot set up the association"
sleep 0.5	# the stream runs over Wi-Fi first
tap_diag "set up: ${SECONDS} s"

eth_route() { ip -n "$MN" route replace default via 10.0.1.2 dev mn-a metric "$1"; }
eth_unroute() { ip -n "$MN" route del default via 10.0.1.2 dev mn-a; }
on_eth() { wait_for "$WAIT" peer_primary_is 5003 10.0.1.1; }
on_wifi() { wait_for "$WAIT" peer_primary_is 5003 10.0.2.1; }
