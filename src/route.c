// SPDX-License-Identifier: GPL-2.0
/*
 * route.c - the host's own preference among its interfaces, as its
 * routing says it: the metric of the default route (0.0.0.0/0, ::/0) over
 * each interface in the main routing table, where NetworkManager,
 * systemd-networkd and ifupdown put them (Ethernet 100, Wi-Fi 600, mobile
 * data 700 with NetworkManager's defaults). The policy (policy.c) ranks
 * an interface with a default route above one without, and a lower
 * metric above a higher one (Documentation/design.md, "The host's own
 * preference").
 *
 * Locking: none of its own. The lookups read the FIB under
 * rcu_read_lock(), as the stack's own lookups do; nothing is kept after
 * it is dropped.
 */
#include <linux/in.h>
#include <linux/rcupdate.h>
#include <net/ip_fib.h>
#include <net/nexthop.h>
#if IS_ENABLED(CONFIG_IPV6)
#include <net/ip6_fib.h>
#endif

#include "route.h"

/* The lowest-metric IPv4 default route of the main table over @ifindex.
 * fib_table_lookup() with an output interface skips the routes over other
 * interfaces and backtracks to shorter prefixes: for 0.0.0.0 it ends at
 * 0.0.0.0/0 unless a more specific route over the same interface covers
 * 0.0.0.0 (a VPN's 0.0.0.0/1 is over its own tunnel device).
 * Context: rcu_read_lock().
 */
static bool dar_default4_rcu(struct net *net, int ifindex, u32 *metric)
{
	struct flowi4 fl4 = { .flowi4_oif = ifindex };
	struct fib_result res = {};
	struct fib_table *tb;

#ifdef CONFIG_IP_MULTIPLE_TABLES
	tb = rcu_dereference(net->ipv4.fib_main);
#else
	tb = fib_get_table(net, RT_TABLE_MAIN);
#endif
	if (!tb || fib_table_lookup(tb, &fl4, &res, FIB_LOOKUP_NOREF))
		return false;
	if (res.prefixlen || res.type != RTN_UNICAST || !res.fi)
		return false;
	*metric = res.fi->fib_priority;
	return true;
}

#if IS_ENABLED(CONFIG_IPV6)
/* The lowest-metric IPv6 default route of the main table over @ifindex.
 * ::/0 routes (without a source prefix) live in the root node of the
 * table, kept in metric order. Context: rcu_read_lock().
 */
static bool dar_default6_rcu(struct net *net, int ifindex, u32 *metric)
{
	struct fib6_table *t = net->ipv6.fib6_main_tbl;
	struct fib6_info *f6i;

	if (!t)
		return false;	/* IPv6 disabled */
	for (f6i = rcu_dereference(t->tb6_root.leaf); f6i;
	     f6i = rcu_dereference(f6i->fib6_next)) {
		const struct fib6_nh *nh;

		if (f6i == net->ipv6.fib6_null_entry || f6i->fib6_dst.plen ||
		    f6i->fib6_type != RTN_UNICAST ||
		    (f6i->fib6_flags & RTF_REJECT) || fib6_check_expired(f6i))
			continue;
		nh = f6i->nh ? nexthop_fib6_nh(f6i->nh) : f6i->fib6_nh;
		if (!nh || !nh->fib_nh_dev ||
		    nh->fib_nh_dev->ifindex != ifindex ||
		    (nh->fib_nh_flags & RTNH_F_DEAD))
			continue;
		*metric = f6i->fib6_metric;
		return true;
	}
	return false;
}
#endif

/**
 * sctp_dar_route_default_metric - the metric of an interface's default route
 * @net: the namespace
 * @family: AF_INET or AF_INET6
 * @ifindex: the interface
 * @metric: receives the metric of its lowest-metric default route
 *
 * Only the main table counts (policy routing rules are not followed), and
 * only routes that can carry packets (unicast, not dead; a route over a
 * device without carrier still counts: the link state is the host view's
 * business).
 *
 * Context: any; takes rcu_read_lock().
 * Return: true when @ifindex has a default route of @family.
 */
bool sctp_dar_route_default_metric(struct net *net, int family, int ifindex,
				   u32 *metric)
{
	bool found = false;

	rcu_read_lock();
	if (family == AF_INET)
		found = dar_default4_rcu(net, ifindex, metric);
#if IS_ENABLED(CONFIG_IPV6)
	else if (family == AF_INET6)
		found = dar_default6_rcu(net, ifindex, metric);
#endif
	rcu_read_unlock();
	return found;
}
