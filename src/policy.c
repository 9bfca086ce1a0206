// SPDX-License-Identifier: GPL-2.0
/*
 * policy.c - sctp_dar's decisions: which sockets are managed, which
 * addresses an endpoint gains or loses and when, which local address
 * should be the peer's primary and which peer address ours.
 *
 * Locking: none. Every function here is pure: it reads only the snapshots
 * and the configuration it is given and writes only its output argument.
 * Callers take the snapshots under the locks that protect the live objects
 * (see assoc.c) and may call these functions from any context; none of
 * them sleeps or allocates.
 */
#include <linux/ctype.h>
#include <linux/in.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <net/ipv6.h>

#include "policy.h"

/**
 * sctp_dar_sockaddr_equal - compare two addresses, ignoring ports
 * @a: one address
 * @b: the other
 *
 * Context: any.
 * Return: true when both have the same family and address.
 */
bool sctp_dar_sockaddr_equal(const union sctp_addr *a,
			     const union sctp_addr *b)
{
	if (a->sa.sa_family != b->sa.sa_family)
		return false;
	if (a->sa.sa_family == AF_INET)
		return a->v4.sin_addr.s_addr == b->v4.sin_addr.s_addr;
	if (a->sa.sa_family == AF_INET6)
		return ipv6_addr_equal(&a->v6.sin6_addr, &b->v6.sin6_addr);
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_sockaddr_equal);

/**
 * sctp_dar_sockaddr_eligible - may this address ever be offered to a peer?
 * @a: the address
 *
 * Loopback, link-local, multicast, broadcast, unspecified and v4-mapped
 * addresses are never advertised (a peer that accepted 127.0.0.1 would
 * lose the association: see shared/PLATFORM.md).
 *
 * Context: any.
 * Return: true when the address may be added to an association.
 */
bool sctp_dar_sockaddr_eligible(const union sctp_addr *a)
{
	if (a->sa.sa_family == AF_INET) {
		__be32 v4 = a->v4.sin_addr.s_addr;

		return !ipv4_is_zeronet(v4) && !ipv4_is_loopback(v4) &&
		       !ipv4_is_multicast(v4) && !ipv4_is_lbcast(v4) &&
		       !ipv4_is_linklocal_169(v4);
	}
	if (a->sa.sa_family == AF_INET6) {
		int type = ipv6_addr_type(&a->v6.sin6_addr);

		if (type & (IPV6_ADDR_LOOPBACK | IPV6_ADDR_MULTICAST |
			    IPV6_ADDR_LINKLOCAL | IPV6_ADDR_MAPPED))
			return false;
		return type != IPV6_ADDR_ANY;
	}
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_sockaddr_eligible);

/**
 * sctp_dar_policy_parse_ports - parse the manage_ports setting
 * @s: "" or "none" (no specifically-bound socket is managed), "all", or a
 *     comma-separated list of local ports (1-65535); one trailing newline
 *     is accepted (sysfs writes carry one)
 * @cfg: receives manage_all_bound, nports and ports; unchanged on error
 *
 * Context: any.
 * Return: 0, or -EINVAL when @s is malformed or lists too many ports.
 */
int sctp_dar_policy_parse_ports(const char *s,
				struct sctp_dar_policy_cfg *cfg)
{
	u16 ports[SCTP_DAR_MAX_PORTS];
	unsigned int n = 0;
	size_t len = strlen(s);

	if (len && s[len - 1] == '\n')
		len--;
	if (!len || (len == 4 && !strncmp(s, "none", 4))) {
		cfg->manage_all_bound = false;
		cfg->nports = 0;
		return 0;
	}
	if (len == 3 && !strncmp(s, "all", 3)) {
		cfg->manage_all_bound = true;
		cfg->nports = 0;
		return 0;
	}

	while (len) {
		unsigned int port = 0;
		size_t digits = 0;

		while (digits < len && isdigit(s[digits])) {
			port = port * 10 + (s[digits] - '0');
			if (port > 65535)
				return -EINVAL;
			digits++;
		}
		if (!digits || !port || n == SCTP_DAR_MAX_PORTS)
			return -EINVAL;
		ports[n++] = port;
		s += digits;
		len -= digits;
		if (!len)
			break;
		if (*s != ',' || len == 1)
			return -EINVAL;
		s++;
		len--;
	}

	cfg->manage_all_bound = false;
	memcpy(cfg->ports, ports, n * sizeof(ports[0]));
	cfg->nports = n;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_policy_parse_ports);

/* Do the first @len bits of @a and @b agree? (@len within @nbytes * 8) */
static bool dar_prefix_match(const u8 *a, const u8 *b, unsigned int len)
{
	unsigned int full = len / 8, rest = len % 8;

	if (memcmp(a, b, full))
		return false;
	if (!rest)
		return true;
	return !((a[full] ^ b[full]) & (0xff << (8 - rest)));
}

static const u8 *dar_addr_bytes(const union sctp_addr *a, unsigned int *bits)
{
	if (a->sa.sa_family == AF_INET) {
		*bits = 32;
		return (const u8 *)&a->v4.sin_addr.s_addr;
	}
	*bits = 128;
	return a->v6.sin6_addr.s6_addr;
}

/**
 * sctp_dar_policy_prefix_valid - is this a well-formed prefix?
 * @p: the prefix (family AF_INET or AF_INET6)
 *
 * Context: any.
 * Return: 0; -ERANGE when the length exceeds the family's; -EINVAL when
 * bits past the length are set (as "ip route" refuses 10.0.1.1/24).
 */
int sctp_dar_policy_prefix_valid(const struct sctp_dar_policy_prefix *p)
{
	unsigned int bits, i;
	const u8 *b;

	if (p->a.sa.sa_family != AF_INET && p->a.sa.sa_family != AF_INET6)
		return -EINVAL;
	b = dar_addr_bytes(&p->a, &bits);
	if (p->len > bits)
		return -ERANGE;
	for (i = p->len; i < bits; i++)
		if (b[i / 8] & (0x80 >> (i % 8)))
			return -EINVAL;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_policy_prefix_valid);

/**
 * sctp_dar_policy_denied - is @a in a deny-listed prefix?
 * @cfg: the policy
 * @a: the address
 *
 * Context: any.
 * Return: true when the address must never be offered to a peer.
 */
bool sctp_dar_policy_denied(const struct sctp_dar_policy_cfg *cfg,
			    const union sctp_addr *a)
{
	unsigned int i, bits, pbits;
	const u8 *ab, *pb;

	ab = dar_addr_bytes(a, &bits);
	for (i = 0; i < cfg->ndeny; i++) {
		const struct sctp_dar_policy_prefix *p = &cfg->deny[i];

		if (p->a.sa.sa_family != a->sa.sa_family)
			continue;
		pb = dar_addr_bytes(&p->a, &pbits);
		if (dar_prefix_match(ab, pb, p->len))
			return true;
	}
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_policy_denied);

/**
 * sctp_dar_policy_link_prio - an interface's priority
 * @cfg: the policy
 * @ifindex: the interface
 *
 * Context: any.
 * Return: its priority, 0 when none was set.
 */
u32 sctp_dar_policy_link_prio(const struct sctp_dar_policy_cfg *cfg,
			      int ifindex)
{
	unsigned int i;

	for (i = 0; i < cfg->nlinks; i++)
		if (cfg->links[i].ifindex == ifindex)
			return cfg->links[i].prio;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_policy_link_prio);

/**
 * sctp_dar_policy_set_link_prio - set (or, with 0, clear) a priority
 * @cfg: the policy
 * @ifindex: the interface
 * @prio: 0..SCTP_DAR_LINK_PRIO_MAX
 *
 * Context: any.
 * Return: 0, -ERANGE for a priority out of range, -ENOSPC when
 * SCTP_DAR_MAX_LINKS interfaces already have one.
 */
int sctp_dar_policy_set_link_prio(struct sctp_dar_policy_cfg *cfg,
				  int ifindex, u32 prio)
{
	unsigned int i;

	if (prio > SCTP_DAR_LINK_PRIO_MAX)
		return -ERANGE;
	for (i = 0; i < cfg->nlinks; i++) {
		if (cfg->links[i].ifindex != ifindex)
			continue;
		if (prio) {
			cfg->links[i].prio = prio;
		} else {
			cfg->links[i] = cfg->links[cfg->nlinks - 1];
			cfg->nlinks--;
		}
		return 0;
	}
	if (!prio)
		return 0;
	if (cfg->nlinks == SCTP_DAR_MAX_LINKS)
		return -ENOSPC;
	cfg->links[cfg->nlinks].ifindex = ifindex;
	cfg->links[cfg->nlinks].prio = prio;
	cfg->nlinks++;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_policy_set_link_prio);

/**
 * sctp_dar_policy_manage - is this socket managed, and how?
 * @cfg: the namespace's policy
 * @sv: the socket
 *
 * Wildcard-bound sockets are what the kernel's auto_asconf covers; they
 * are managed when @cfg->manage_wildcard is set. Specifically-bound
 * sockets belong to applications that chose their addresses, so they are
 * managed only when the administrator opted them in, all or by port.
 *
 * Context: any.
 * Return: enum sctp_dar_manage.
 */
enum sctp_dar_manage
sctp_dar_policy_manage(const struct sctp_dar_policy_cfg *cfg,
		       const struct sctp_dar_sockview *sv)
{
	unsigned int i;

	if (!sv->nep || !sv->port)
		return SCTP_DAR_UNMANAGED;
	if (sv->boundall)
		return cfg->manage_wildcard ? SCTP_DAR_MANAGED_WILDCARD :
					      SCTP_DAR_UNMANAGED;
	if (cfg->manage_all_bound)
		return SCTP_DAR_MANAGED_BOUND;
	for (i = 0; i < cfg->nports; i++)
		if (cfg->ports[i] == sv->port)
			return SCTP_DAR_MANAGED_BOUND;
	return SCTP_DAR_UNMANAGED;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_policy_manage);

/**
 * sctp_dar_policy_blocked - can this association be reconfigured?
 * @cfg: the namespace's policy
 * @sv: its socket
 * @av: the association
 *
 * Context: any.
 * Return: SCTP_DAR_OK, or the first reason why not.
 */
enum sctp_dar_blocked
sctp_dar_policy_blocked(const struct sctp_dar_policy_cfg *cfg,
			const struct sctp_dar_sockview *sv,
			const struct sctp_dar_asocview *av)
{
	if (!av->established)
		return SCTP_DAR_BLOCKED_NOT_ESTABLISHED;
	if (!sv->asconf_enable)
		return SCTP_DAR_BLOCKED_EP_NO_ASCONF;
	if (!av->asconf_capable)
		return SCTP_DAR_BLOCKED_PEER_NO_ASCONF;
	/* The peer doing AUTH is not enough: sctp.ko authenticates an
	 * ASCONF only when the peer listed it in its AUTH chunk list, and
	 * insists on an authenticated ASCONF-ACK only when we listed that.
	 */
	if (cfg->require_auth && (!av->auth_capable || !av->auth_asconf))
		return SCTP_DAR_BLOCKED_NO_AUTH;
	return SCTP_DAR_OK;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_policy_blocked);

/**
 * sctp_dar_policy_blocked_str - explain an enum sctp_dar_blocked value
 * @why: the reason
 *
 * Context: any.
 * Return: a static, human-readable explanation naming the fix.
 */
const char *sctp_dar_policy_blocked_str(enum sctp_dar_blocked why)
{
	switch (why) {
	case SCTP_DAR_OK:
		return "ok";
	case SCTP_DAR_BLOCKED_NOT_ESTABLISHED:
		return "association not established";
	case SCTP_DAR_BLOCKED_EP_NO_ASCONF:
		return "socket has ADD-IP off (net.sctp.addip_enable was 0 at its creation)";
	case SCTP_DAR_BLOCKED_PEER_NO_ASCONF:
		return "peer lacks ADD-IP, or lacks AUTH (see net.sctp.addip_noauth_enable)";
	case SCTP_DAR_BLOCKED_NO_AUTH:
		return "ASCONFs not authenticated both ways and require_auth is set";
	default:
		return "unknown";
	}
}

/**
 * sctp_dar_hostview_find - look an address up in the host view
 * @hv: the host view
 * @a: the address (its port is ignored)
 *
 * Context: any.
 * Return: the entry, or NULL when the host does not have the address.
 */
const struct sctp_dar_haddr *
sctp_dar_hostview_find(const struct sctp_dar_hostview *hv,
		       const union sctp_addr *a)
{
	unsigned int i;

	for (i = 0; i < hv->n; i++)
		if (sctp_dar_sockaddr_equal(&hv->a[i].a, a))
			return &hv->a[i];
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_hostview_find);

/**
 * sctp_dar_haddr_usable - can packets leave from this host address now?
 * @ha: the host address, may be NULL (not configured)
 *
 * Context: any.
 * Return: true when it is configured, its link is up and DAD is over.
 */
bool sctp_dar_haddr_usable(const struct sctp_dar_haddr *ha)
{
	return ha && (ha->flags & SCTP_DAR_HA_LINK_UP) &&
	       !(ha->flags & SCTP_DAR_HA_TENTATIVE);
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_haddr_usable);

/**
 * sctp_dar_policy_sock_accepts - may this address be bound to this socket?
 * @sv: the socket
 * @a: the address
 *
 * Context: any.
 * Return: true when the family fits (an AF_INET6 socket takes IPv4 unless
 * it is v6only) and the address is eligible.
 */
bool sctp_dar_policy_sock_accepts(const struct sctp_dar_sockview *sv,
				  const union sctp_addr *a)
{
	if (!sctp_dar_sockaddr_eligible(a))
		return false;
	if (sv->family == AF_INET)
		return a->sa.sa_family == AF_INET;
	if (sv->family == AF_INET6)
		return a->sa.sa_family == AF_INET6 || !sv->v6only;
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_policy_sock_accepts);

/* Is @a better than @b as a primary? Administrator priority first, then a
 * preferred (not deprecated) address, then the host's own preference (an
 * interface with a default route of the address's family before one
 * without, the lower metric first: set in the host view only while the
 * policy's route_metric is on), then the newest one: a new address means
 * the host reached a new network (seeds 000/001). Ties keep @b, so the
 * order of the snapshot never makes the choice flap.
 */
static bool dar_haddr_better(const struct sctp_dar_haddr *a,
			     const struct sctp_dar_haddr *b)
{
	bool adep = a->flags & SCTP_DAR_HA_DEPRECATED;
	bool bdep = b->flags & SCTP_DAR_HA_DEPRECATED;
	bool aroute = a->flags & SCTP_DAR_HA_DEFROUTE;
	bool broute = b->flags & SCTP_DAR_HA_DEFROUTE;

	if (a->prio != b->prio)
		return a->prio > b->prio;
	if (adep != bdep)
		return !adep;
	if (aroute != broute)
		return aroute;
	if (aroute && a->metric != b->metric)
		return a->metric < b->metric;
	return time_after(a->since, b->since);
}

static bool dar_in_list(const union sctp_addr *list, unsigned int n,
			const union sctp_addr *a)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (sctp_dar_sockaddr_equal(&list[i], a))
			return true;
	return false;
}

static bool dar_asoc_has(const struct sctp_dar_asocview *av,
			 const union sctp_addr *a)
{
	unsigned int i;

	for (i = 0; i < av->nl; i++)
		if (sctp_dar_sockaddr_equal(&av->l[i].a, a))
			return true;
	return false;
}

/* Does association @av keep a usable source address when the endpoint
 * addresses in @gone are removed? With @new_ok an address whose ADD is in
 * flight counts too.
 */
static bool dar_asoc_keeps_source(const struct sctp_dar_hostview *hv,
				  const struct sctp_dar_asocview *av,
				  const union sctp_addr *gone,
				  unsigned int ngone, bool new_ok)
{
	unsigned int i;

	for (i = 0; i < av->nl; i++) {
		const struct sctp_dar_laddr *l = &av->l[i];

		if (l->state == SCTP_DAR_LA_DEL)
			continue;
		if (l->state == SCTP_DAR_LA_NEW && !new_ok)
			continue;
		if (dar_in_list(gone, ngone, &l->a))
			continue;
		if (sctp_dar_haddr_usable(sctp_dar_hostview_find(hv, &l->a)))
			return true;
	}
	return false;
}

/**
 * sctp_dar_policy_ep_plan - endpoint changes for a specifically-bound socket
 * @cfg: the namespace's policy
 * @hv: the host's addresses
 * @sv: the socket
 * @av: its associations
 * @nav: number of entries in @av
 * @now: the current time, jiffies
 * @plan: receives the plan
 *
 * Adds every usable, preferred host address the endpoint lacks that became
 * usable after the socket was first seen (an address the application left
 * out on purpose, or removed with its own sctp_bindx(), is not forced
 * back on it; a new network, a new NIC or a link that came back is).
 * Removes an
 * endpoint address that is gone from the host, whose link has been down
 * for @cfg->holddown_ms (at once when an association has no other source:
 * the rescue below), or that has been deprecated for longer than
 * @cfg->grace_ms, but only when
 *  - the endpoint keeps at least one address (the kernel refuses to remove
 *    the last one), and
 *  - every association that can be reconfigured keeps a usable source
 *    address; when one would not, the removal waits for the ADD in flight,
 *    or, when the replacement is being added now, @plan->rescue asks for
 *    the DELETE to be made pending before the ADD (so that the ADD leaves
 *    from the new address: RFC 5061 §5.3 F1), or, for an address that is
 *    gone for good, lets the kernel keep the DELETE pending until the next
 *    ADD. A still-configured address on a dead link, or a deprecated one,
 *    is never removed from an association that has nothing else.
 * Plans nothing while an association of the socket is not authenticated
 * and @cfg->require_auth is set (bindx would reconfigure it too).
 *
 * Context: any.
 */
void sctp_dar_policy_ep_plan(const struct sctp_dar_policy_cfg *cfg,
			     const struct sctp_dar_hostview *hv,
			     const struct sctp_dar_sockview *sv,
			     const struct sctp_dar_asocview *av,
			     unsigned int nav, unsigned long now,
			     struct sctp_dar_ep_plan *plan)
{
	union sctp_addr cand[SCTP_DAR_MAX_LADDR];
	bool cand_gone[SCTP_DAR_MAX_LADDR];
	unsigned long cand_held[SCTP_DAR_MAX_LADDR];
	unsigned int ncand = 0, i, j;
	unsigned long grace = msecs_to_jiffies(cfg->grace_ms);
	unsigned long hold = msecs_to_jiffies(cfg->holddown_ms);

	memset(plan, 0, sizeof(*plan));

	/* bindx changes the endpoint, hence every association of it: none
	 * may be reconfigured without the AUTH the policy requires.
	 */
	for (i = 0; i < nav; i++)
		if (sctp_dar_policy_blocked(cfg, sv, &av[i]) ==
		    SCTP_DAR_BLOCKED_NO_AUTH)
			return;

	/* Additions, best first (insertion sort on a handful of entries). */
	for (i = 0; i < hv->n; i++) {
		const struct sctp_dar_haddr *ha = &hv->a[i];

		if (!sctp_dar_haddr_usable(ha) ||
		    (ha->flags & SCTP_DAR_HA_DEPRECATED) ||
		    !time_after(ha->up_since, sv->first_seen) ||
		    !sctp_dar_policy_sock_accepts(sv, &ha->a) ||
		    dar_in_list(sv->ep, sv->nep, &ha->a))
			continue;
		if (sv->nep + plan->nadd >= SCTP_DAR_MAX_LADDR)
			break;
		for (j = plan->nadd; j > 0; j--) {
			const struct sctp_dar_haddr *o =
				sctp_dar_hostview_find(hv, &plan->add[j - 1]);

			if (!dar_haddr_better(ha, o))
				break;
			plan->add[j] = plan->add[j - 1];
		}
		plan->add[j] = ha->a;
		plan->nadd++;
	}

	/* Removal candidates. */
	for (i = 0; i < sv->nep; i++) {
		const struct sctp_dar_haddr *ha =
			sctp_dar_hostview_find(hv, &sv->ep[i]);

		if (ha && (ha->flags & SCTP_DAR_HA_LINK_UP) &&
		    (ha->flags & SCTP_DAR_HA_DEPRECATED)) {
			unsigned long end = ha->deprecated_since + grace;

			if (time_before(now, end)) {
				if (!plan->wait_until ||
				    time_before(end, plan->wait_until))
					plan->wait_until = end;
				plan->nwait++;
				continue;
			}
		} else if (ha && (ha->flags & SCTP_DAR_HA_LINK_UP)) {
			continue;	/* usable, or waiting for DAD */
		}
		cand[ncand] = sv->ep[i];
		cand_gone[ncand] = !ha;
		/* Link down, address kept: held down while it may come back. */
		cand_held[ncand] = 0;
		if (ha && !(ha->flags & SCTP_DAR_HA_LINK_UP) &&
		    time_before(now, ha->up_since + hold))
			cand_held[ncand] = ha->up_since + hold;
		ncand++;
	}

	for (i = 0; i < ncand; i++) {
		bool ok = true, rescue = false;
		unsigned int k;

		plan->rem[plan->nrem] = cand[i];
		for (k = 0; k < nav && ok; k++) {
			const struct sctp_dar_asocview *a = &av[k];

			if (sctp_dar_policy_blocked(cfg, sv, a) != SCTP_DAR_OK ||
			    !dar_asoc_has(a, &cand[i]))
				continue;
			if (dar_asoc_keeps_source(hv, a, plan->rem,
						  plan->nrem + 1, false))
				continue;
			if (dar_asoc_keeps_source(hv, a, plan->rem,
						  plan->nrem + 1, true))
				ok = false;	/* wait for the ADD's ACK */
			else if (plan->nadd)
				rescue = true;
			else if (!cand_gone[i])
				ok = false;	/* would strand the asoc */
		}
		if (!ok) {
			plan->nwait++;
			continue;
		}
		/* Within the hold-down only a rescue deletes (an association
		 * with no other source cannot wait for the link to return).
		 */
		if (cand_held[i] && !rescue) {
			if (!plan->wait_until ||
			    time_before(cand_held[i], plan->wait_until))
				plan->wait_until = cand_held[i];
			plan->nwait++;
			continue;
		}

		/* The kernel never lets the endpoint lose its last address.
		 * In rescue order the removal precedes the additions, so the
		 * endpoint needs a placeholder address for that moment.
		 */
		if (sv->nep - plan->nrem == 1) {
			if (!rescue) {
				plan->nwait++;
				continue;
			}
			plan->placeholder = true;
		}
		plan->nrem++;
		if (rescue)
			plan->rescue = true;
	}
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_policy_ep_plan);

/**
 * sctp_dar_policy_pick_local - the best local address of an association
 * @hv: the host's addresses
 * @av: the association
 * @src_only: consider only acknowledged addresses (SRC); otherwise also
 *	those whose ADD is in flight
 *
 * The peer's primary should be a usable address, the administrator's
 * preferred interface first, a preferred (not deprecated) address next,
 * then the host's own preference (the interface whose default route has
 * the lowest metric; one without a default route last), the newest last.
 * Deprecated addresses are chosen only if nothing else is usable.
 *
 * Context: any.
 * Return: an index into @av->l, or -1 when no address qualifies.
 */
int sctp_dar_policy_pick_local(const struct sctp_dar_hostview *hv,
			       const struct sctp_dar_asocview *av,
			       bool src_only)
{
	const struct sctp_dar_haddr *best = NULL;
	int best_i = -1;
	unsigned int i;

	for (i = 0; i < av->nl; i++) {
		const struct sctp_dar_haddr *ha;

		if (av->l[i].state == SCTP_DAR_LA_DEL)
			continue;
		if (src_only && av->l[i].state != SCTP_DAR_LA_SRC)
			continue;
		ha = sctp_dar_hostview_find(hv, &av->l[i].a);
		if (!sctp_dar_haddr_usable(ha))
			continue;
		if (!best || dar_haddr_better(ha, best)) {
			best = ha;
			best_i = i;
		}
	}
	return best_i;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_policy_pick_local);

static int dar_path_rank(const struct sctp_dar_path *p)
{
	switch (p->state) {
	case SCTP_DAR_PATH_ACTIVE:
		return 3;
	case SCTP_DAR_PATH_PF:
		return 2;
	case SCTP_DAR_PATH_UNCONFIRMED:
		return 1;
	default:
		return 0;
	}
}

/**
 * sctp_dar_policy_path_better - is path @a clearly better than path @b?
 * @a: a path
 * @b: the path in use
 * @now_ns: the time now (ktime, ns)
 *
 * A better state wins (active, potentially failed, unconfirmed, inactive);
 * a worse state never does. Between paths in the same state only a large
 * difference in smoothed RTT counts - less than half of @b's, minus
 * SCTP_DAR_SRTT_MARGIN_MS - so that measurement noise never moves a
 * primary (hysteresis; the caller also wants it to last). sctp.ko
 * measures in jiffies: an SRTT of 0 is a round trip under one jiffy (a
 * path is confirmed by a heartbeat, which measures it), so @a at 0 can be
 * better and @b at 0 never loses.
 *
 * The RTT of @b counts only while @b is being measured: heard from within
 * SCTP_DAR_SRTT_FRESH_MS. A path in use that carries nothing is measured
 * by a heartbeat now and then, and one sample taken when the path was
 * busy or the peer slow (the heartbeat that confirmed it, among a hundred
 * others) must not move an idle association off it for good. Nor does it
 * count while it rests on a single sample (@b->rtt_unsettled): the
 * heartbeat that confirmed a new path during a roam measured 328 ms on a
 * loaded debug kernel where the old path's was 28 ms, and as that one
 * sample alone is the SRTT, path quality moved the association straight
 * back to the path it had just left, on both ends (roam_scale.sh). (A
 * stricter rule, RTT variation under half the SRTT, kept a 300 ms path
 * from ever counting under the debug kernel's jitter: roam_quality.sh.)
 *
 * @a wins on RTT only when its RTT is current and nothing is held against
 * it: heard from within SCTP_DAR_CAND_FRESH_MS (an idle path's SRTT may be
 * minutes old, from before the load moved elsewhere), no heartbeat on it
 * unanswered and no more errors than @b (a path on its way to potentially
 * failed is not better, whatever its last RTT said: seen on the debug
 * kernel, where a primary moved back to a path that was potentially
 * failed a moment later).
 *
 * Context: any.
 * Return: true when @a should replace @b.
 */
bool sctp_dar_policy_path_better(const struct sctp_dar_path *a,
				 const struct sctp_dar_path *b, u64 now_ns)
{
	if (dar_path_rank(a) != dar_path_rank(b))
		return dar_path_rank(a) > dar_path_rank(b);
	if (b->rtt_unsettled || now_ns > b->last_heard_ns +
		     (u64)SCTP_DAR_SRTT_FRESH_MS * NSEC_PER_MSEC)
		return false;
	if (a->hb_pending || a->errors > b->errors ||
	    now_ns > a->last_heard_ns +
		     (u64)SCTP_DAR_CAND_FRESH_MS * NSEC_PER_MSEC)
		return false;
	return 2 * a->srtt_ms + SCTP_DAR_SRTT_MARGIN_MS < b->srtt_ms;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_policy_path_better);

/**
 * sctp_dar_policy_path_worse - is path @a in a worse state than path @b?
 * @a: a path
 * @b: another
 *
 * States rank active, potentially failed, unconfirmed, inactive. A choice
 * path quality made stands only while its path is not worse than the one
 * the policy would use: a path in a worse state never keeps the primary.
 *
 * Context: any.
 * Return: true when @a ranks below @b.
 */
bool sctp_dar_policy_path_worse(const struct sctp_dar_path *a,
				const struct sctp_dar_path *b)
{
	return dar_path_rank(a) < dar_path_rank(b);
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_policy_path_worse);

/**
 * sctp_dar_policy_pick_path - the peer address this end should send to
 * @av: the association
 * @ifindex: the device of the preferred local address, 0 for any
 *
 * A path routed over @ifindex wins; among equals a better state (active,
 * potentially failed, unconfirmed, inactive), then the current primary
 * (hysteresis), then fewer errors, then a shorter smoothed RTT.
 *
 * Context: any.
 * Return: an index into @av->p, or -1 when the association has no path.
 */
int sctp_dar_policy_pick_path(const struct sctp_dar_asocview *av,
			      int ifindex)
{
	int best = -1;
	unsigned int i;

	for (i = 0; i < av->np; i++) {
		const struct sctp_dar_path *p = &av->p[i], *b;
		bool pdev, bdev;

		if (best < 0) {
			best = i;
			continue;
		}
		b = &av->p[best];
		pdev = ifindex && p->ifindex == ifindex;
		bdev = ifindex && b->ifindex == ifindex;
		if (pdev != bdev) {
			if (pdev)
				best = i;
			continue;
		}
		if (dar_path_rank(p) != dar_path_rank(b)) {
			if (dar_path_rank(p) > dar_path_rank(b))
				best = i;
			continue;
		}
		if (p->primary != b->primary) {
			if (p->primary)
				best = i;
			continue;
		}
		if (p->errors != b->errors) {
			if (p->errors < b->errors)
				best = i;
			continue;
		}
		if (p->srtt_ms && (!b->srtt_ms || p->srtt_ms < b->srtt_ms))
			best = i;
	}
	return best;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_policy_pick_path);

/**
 * sctp_dar_policy_has_usable_src - does the association keep a source?
 * @hv: the host's addresses
 * @av: the association
 * @except: an address not to count, may be NULL
 *
 * Context: any.
 * Return: true when some acknowledged local address other than @except is
 * usable on the host.
 */
bool sctp_dar_policy_has_usable_src(const struct sctp_dar_hostview *hv,
				    const struct sctp_dar_asocview *av,
				    const union sctp_addr *except)
{
	return dar_asoc_keeps_source(hv, av, except, except ? 1 : 0, false);
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_policy_has_usable_src);
