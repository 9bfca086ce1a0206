// SPDX-License-Identifier: GPL-2.0
/*
 * reconf.c - the per-namespace reconfiguration engine.
 *
 * Host events (notifier.c) are queued here, coalesced, and served by one
 * delayed work item per namespace after a short debounce. A pass does not
 * replay events one by one: it takes a fresh view of the host's addresses
 * and reconciles every managed association with it, so a flap that is
 * over before the pass costs nothing and a lost event is caught up by the
 * next pass. Changes that must wait for the peer (an ADD's ASCONF-ACK, a
 * HEARTBEAT-ACK, a grace period) make the pass poll again soon.
 *
 * Locking:
 *  - r->ev_lock (spinlock, BH-safe) protects r->ev_list, r->ev_count,
 *    r->dying, r->deadline and r->rtx_until. It is taken by the notifiers
 *    (inet6addr: atomic; netdevice: RTNL held; inetaddr: process), by the
 *    wire hook (softirq, sctp_dar_reconf_peer_asconf()) and by the
 *    worker, and nests inside nothing but rcu_read_lock().
 *  - r->lock (mutex) serialises the passes of one namespace and protects
 *    what they use: r->cfg, r->hv, r->prev, r->table and the
 *    pass bookkeeping (r->event_ns, r->busy, r->wake_at, r->warned).
 *  - dn->reconf is an RCU pointer: set by the pernet init, cleared by the
 *    pernet exit before r is freed with kfree_rcu(); notifiers read it
 *    under rcu_read_lock().
 *  - dar_manual_sem (rwsem) lets manual requests from netlink
 *    (sctp_dar_reconf_pin()) use r while module exit cannot free it.
 *  Order: dar_manual_sem -> r->lock -> socket lock /
 *  net->sctp.addr_wq_lock (assoc.c); r->ev_lock is innermost.
 *
 * Contexts: sctp_dar_reconf_hostev() runs in the notifiers' contexts (may
 * be atomic), sctp_dar_reconf_peer_asconf() in the wire hook's (softirq);
 * dar_reconf_work() and everything it calls run in process context on
 * sctp_dar's workqueue; the pernet hooks run in process context from
 * namespace setup and cleanup.
 *
 * Teardown: the pernet exit marks r dying under r->ev_lock (no new work is
 * queued after that), unpublishes it, cancels the work synchronously and
 * frees what it owns. sctp_dar_reconf_exit() unregisters the pernet
 * operations (running that exit for every namespace) before destroying the
 * workqueue, so nothing of sctp_dar runs after unload.
 */
#include <linux/inetdevice.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/rwsem.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <net/addrconf.h>
#include <net/if_inet6.h>
#include <net/sctp/sctp.h>

#include "assoc.h"
#include "auto_asconf.h"
#include "netlink.h"
#include "params.h"
#include "pernet.h"
#include "policy.h"
#include "reconf.h"
#include "route.h"

#define DAR_EV_MAX		256	/* queued events per namespace */
#define DAR_MAX_ASOCS		65536	/* associations looked at per socket */
#define DAR_ACK_TIMEOUT		(30 * HZ) /* ADD never acknowledged */
#define DAR_ACK_SETTLE		(HZ / 10) /* ASCONF done, address not SRC */
#define DAR_HB_TIMEOUT		(2 * HZ)  /* HEARTBEAT never acknowledged */
#define DAR_RETRY		(5 * HZ)  /* before a failed change is retried */
#define DAR_ROUTE_WAIT		HZ	  /* for routing to leave a dead link */
#define DAR_MAX_REDEL		8	  /* refused DELETEs resent per pass */
#define DAR_QUALITY_HOLD	(2 * HZ)  /* a better path must stay better */
#define DAR_QUALITY_POLL	(2 * HZ)  /* look at path quality again */
#define DAR_MEASURE_POLL	(HZ / 2)  /* ... and at a heartbeat's answer */
/* ... but watching quality takes at most 1/DAR_QUALITY_DUTY of one CPU:
 * at thousands of associations a pass takes long, and the watch polls
 * are then spaced this many times the last pass's duration. A look that
 * sent a measuring heartbeat adds one look DAR_MEASURE_POLL later (or one
 * pass's duration, if longer), which sends none: at most twice that.
 */
#define DAR_QUALITY_DUTY	20
/* DATA stranded by sctp.ko after a peer's DELETE-IP is looked for at most
 * this often (sctp_dar_assoc_rtx_rescue()), and again this soon after a
 * timer had to be restarted.
 */
#define DAR_RTX_CHECK		(HZ / 2)
/* ... for this long after a peer's DELETE-IP was received: the stall appears
 * at a SACK after the DELETE-IP, and the timer restarted may expire late.
 */
#define DAR_RTX_WATCH		(15 * HZ)
#define DAR_DAD_POLL		msecs_to_jiffies(20)
#define DAR_LIFETIME_POLL	HZ
#define DAR_ROUTE_POLL		HZ	/* default routes: no notifier */

/**
 * struct sctp_dar_reconf - the engine's state in one namespace
 * @net: the namespace
 * @rcu: frees this structure after the notifiers stopped looking at it
 * @ev_lock: protects @ev_list, @ev_count, @dying, @deadline, @served and
 *	@rtx_until
 * @ev_list: queued struct sctp_dar_hostev
 * @ev_count: entries in @ev_list
 * @dying: the namespace is going away: queue nothing, schedule nothing
 * @deadline: jiffies when @work is due, valid while it is pending
 * @served: jiffies when a pass last took events off @ev_list; events
 *	within debounce_ms after it wait for the end of that window
 * @rtx_until: jiffies until which passes look for stranded DATA (a peer's
 *	ASCONF was received), 0 none
 * @work: the pass
 * @lock: serialises passes; protects everything below
 * @cfg: the policy
 * @hv: the host view of the current pass
 * @prev: the host view of the previous pass
 * @have_prev: @prev holds a view
 * @table: sockets and associations seen
 * @event_ns: when the oldest host event not yet served happened, 0 none
 * @busy: the last full pass left a change under way
 * @wake_at: jiffies when a grace period ends, 0 none
 * @last_full: jiffies when the previous complete walk started
 * @rtx_next: jiffies from when a pass looks for stranded DATA again
 * @warned: sysctl problems already logged (DAR_WARN_*)
 */
struct sctp_dar_reconf {
	struct net *net;
	struct rcu_head rcu;

	spinlock_t ev_lock;	/* the event queue and the schedule */
	struct list_head ev_list;
	unsigned int ev_count;
	bool dying;
	unsigned long deadline;
	unsigned long served;
	unsigned long rtx_until;
	struct delayed_work work;

	struct mutex lock;	/* one pass at a time; pass state below */
	struct sctp_dar_policy_cfg cfg;
	struct sctp_dar_hostview *hv;
	struct sctp_dar_hostview *prev;
	bool have_prev;
	struct sctp_dar_assoc_table table;
	u64 event_ns;
	bool busy;
	unsigned long wake_at;
	unsigned long last_full;
	unsigned long rtx_next;
	unsigned int warned;
};

/* Count @n at @attr, an enum sctp_dar_a_stats counter of @r's namespace
 * (stats-get). Context: any (atomic counters).
 */
static void dar_count(struct sctp_dar_reconf *r, unsigned int attr, u64 n)
{
	sctp_dar_stats_add(&sctp_dar_net(r->net)->stats, attr, n);
}

#define DAR_WARN_ADDIP		BIT(0)
#define DAR_WARN_AUTH		BIT(1)

/**
 * struct dar_wc - wildcard bookkeeping of one host address in one pass
 * @present: (link down) some auto_asconf association still has it
 * @strand: (link down) deleting it would leave such an association
 *	without a usable source address
 * @missing: (usable) some auto_asconf association lacks it
 * @defer: (link down) routing still sends over the dead link: wait
 */
struct dar_wc {
	bool present;
	bool strand;
	bool missing;
	bool defer;
};

/**
 * struct dar_pass - bookkeeping of one pass
 * @now: jiffies at the start of the pass
 * @next: poll again within this many jiffies, 0 for no poll
 * @waiting: some association is in the middle of a change
 * @events: host events were served by this pass: every managed
 *	association left alone is reported (event-ignored, with the reason)
 * @managed: some managed socket was seen
 * @wildcard: some managed wildcard socket has auto_asconf on
 * @wc_veto: an auto_asconf socket (switched on by its application) has an
 *	association whose ASCONFs would not be authenticated while
 *	require_auth is set: sctp_dar queues nothing for auto_asconf (the
 *	queue is the namespace's, and reaches every such socket)
 * @watch: some association has a choice of paths: look at their quality
 *	again in DAR_QUALITY_POLL (or later, see DAR_QUALITY_DUTY)
 * @rtx_check: look for DATA sctp.ko stranded in flight (see
 *	sctp_dar_assoc_rtx_rescue()) in every managed socket
 * @hold: an association with no usable source waits for routing to reach
 *	a new address: keep the kernel's ADD of it queued (if it left now it
 *	would leave from a dead address, or find no route, and wait an RTO)
 * @wc: per host address (index into r->hv), for the auto_asconf queue
 * @nredel: entries used in @redel
 * @redel: addresses whose DELETE a peer refused, to be sent again through
 *	auto_asconf (now with a lookup address it accepts)
 * @nagain: entries used in @again
 * @again: pending DELETEs the next ADD carries (and a Linux peer refuses):
 *	queued once more right behind that ADD
 * @snap: scratch: the socket being looked at
 * @plan: scratch: its endpoint plan
 */
struct dar_pass {
	unsigned long now;
	unsigned long next;
	bool waiting;
	bool events;
	bool managed;
	bool wildcard;
	bool wc_veto;
	bool watch;
	bool rtx_check;
	bool hold;
	struct dar_wc wc[SCTP_DAR_MAX_HADDR];
	unsigned int nredel;
	union sctp_addr redel[DAR_MAX_REDEL];
	unsigned int nagain;
	union sctp_addr again[DAR_MAX_REDEL];
	struct sctp_dar_socksnap snap;
	struct sctp_dar_ep_plan plan;
};

static struct workqueue_struct *dar_wq;

/* Manual requests (netlink, manual.c) reach a namespace's engine state
 * from their own process context. dar_manual_sem is held for reading while
 * they do, and for writing by sctp_dar_reconf_exit() when it sets
 * dar_closing, before the state of every namespace is freed. (A namespace
 * cannot be torn down under a request: the requester's socket holds it.)
 */
static DECLARE_RWSEM(dar_manual_sem);
static bool dar_closing;	/* protected by dar_manual_sem */

static void dar_poll_in(struct dar_pass *p, unsigned long delay)
{
	delay = max(delay, 1UL);
	if (!p->next || delay < p->next)
		p->next = delay;
}

/* Run the pass within @delay jiffies (sooner if already due sooner).
 * Context: any; caller holds r->ev_lock.
 */
static void dar_schedule_locked(struct sctp_dar_reconf *r, unsigned long delay)
{
	unsigned long when = jiffies + delay;

	lockdep_assert_held(&r->ev_lock);
	if (r->dying)
		return;
	if (delayed_work_pending(&r->work) &&
	    time_before_eq(r->deadline, when))
		return;
	r->deadline = when;
	mod_delayed_work(dar_wq, &r->work, delay);
}

static bool dar_ev_is_addr(u8 type)
{
	return type == SCTP_DAR_EV_ADDR_ADD || type == SCTP_DAR_EV_ADDR_DEL;
}

/* Queue @ev (consumed) and schedule the pass that serves it.
 *
 * The first address event after a quiet window is served at once: a roam
 * should not wait for a new address. Address events within @debounce_ms
 * after a pass served some wait for the end of that window and are served
 * together, so that a burst (an interface coming up with its addresses)
 * costs one pass per window, not one per event. Link events (carrier,
 * up/down) always wait @debounce_ms: a link that bounces for a moment
 * should cost nothing, and the stack's own handling of the change (routes
 * marked linkdown or not) is over by then.
 *
 * Context: any (notifiers); takes r->ev_lock.
 */
static void dar_enqueue(struct sctp_dar_reconf *r, struct sctp_dar_hostev *ev,
			unsigned int debounce_ms)
{
	unsigned long now = jiffies, delay, until;
	struct sctp_dar_hostev *old, *drop = ev;
	bool addr = dar_ev_is_addr(ev->type);

	spin_lock_bh(&r->ev_lock);
	if (r->dying)
		goto out_unlock;

	/* Coalesce: an address added and removed (or the reverse) within one
	 * window cancels out; repeated link events keep the latest state.
	 * The pass reconciles against the host itself, so this only bounds
	 * the queue and keeps the event log honest.
	 */
	list_for_each_entry(old, &r->ev_list, list) {
		if (old->ifindex != ev->ifindex)
			continue;
		if (dar_ev_is_addr(old->type) && dar_ev_is_addr(ev->type) &&
		    sctp_dar_sockaddr_equal(&old->a, &ev->a)) {
			if (old->type != ev->type) {
				list_del(&old->list);
				r->ev_count--;
				kfree(old);
				dar_count(r, SCTP_DAR_A_STATS_EVENTS_COALESCED, 1);
			}
			dar_count(r, SCTP_DAR_A_STATS_EVENTS_COALESCED, 1);
			goto out_schedule;
		}
		if (!dar_ev_is_addr(old->type) && !dar_ev_is_addr(ev->type) &&
		    old->type != SCTP_DAR_EV_LINK_GONE &&
		    ev->type != SCTP_DAR_EV_LINK_GONE) {
			old->type = ev->type;
			old->ns = ev->ns;
			dar_count(r, SCTP_DAR_A_STATS_EVENTS_COALESCED, 1);
			goto out_schedule;
		}
	}
	if (r->ev_count >= DAR_EV_MAX) {
		dar_count(r, SCTP_DAR_A_STATS_EVENTS_DROPPED, 1);
		goto out_schedule;
	}
	list_add_tail(&ev->list, &r->ev_list);
	r->ev_count++;
	drop = NULL;
out_schedule:
	delay = msecs_to_jiffies(debounce_ms);
	if (addr) {
		until = r->served + delay;
		delay = time_before(now, until) ? until - now : 0;
	}
	dar_schedule_locked(r, delay);
out_unlock:
	spin_unlock_bh(&r->ev_lock);
	kfree(drop);
}

/**
 * sctp_dar_reconf_hostev - hand a host event to its namespace's engine
 * @net: the namespace the event happened in
 * @ev: the event, allocated by the caller; always consumed
 *
 * Namespaces being set up (before sctp_dar's state exists) or torn down
 * drop the event: their first pass reads the host anyway.
 *
 * Context: any, including atomic (the inet6addr chain).
 */
void sctp_dar_reconf_hostev(struct net *net, struct sctp_dar_hostev *ev)
{
	struct sctp_dar_reconf *r = NULL;
	struct sctp_dar_net *dn;

	rcu_read_lock();
	dn = net_generic(net, sctp_dar_net_id);
	if (dn)
		r = rcu_dereference(dn->reconf);
	if (r) {
		dar_enqueue(r, ev, READ_ONCE(dn->debounce_ms));
		/* The pass this event starts runs the auto_asconf queue
		 * (auto_asconf.c): the kernel's timer must not.
		 */
		if (READ_ONCE(r->cfg.manage_wildcard) &&
		    !READ_ONCE(r->cfg.paused))
			sctp_dar_wq_defer(net);
	} else {
		kfree(ev);
	}
	rcu_read_unlock();
}

/**
 * sctp_dar_reconf_peer_asconf - a peer deleted an address in @net
 * @net: the namespace
 *
 * A DELETE-IP from a peer can leave DATA that sctp.ko never retransmits
 * (sctp_dar_assoc_rtx_rescue()), on a host where nothing else makes the
 * engine look: for DAR_RTX_WATCH from now, passes run every DAR_RTX_CHECK
 * and restart the timers such DATA needs.
 *
 * Context: the wire hook (softirq, under rcu_read_lock()); any.
 */
void sctp_dar_reconf_peer_asconf(struct net *net)
{
	struct sctp_dar_reconf *r = NULL;
	struct sctp_dar_net *dn;

	rcu_read_lock();
	dn = net_generic(net, sctp_dar_net_id);
	if (dn)
		r = rcu_dereference(dn->reconf);
	if (r) {
		spin_lock_bh(&r->ev_lock);
		r->rtx_until = jiffies + DAR_RTX_WATCH;
		dar_schedule_locked(r, DAR_RTX_CHECK);
		spin_unlock_bh(&r->ev_lock);
	}
	rcu_read_unlock();
}

static const char *const dar_ev_names[__SCTP_DAR_EV_MAX] = {
	[SCTP_DAR_EV_ADDR_ADD] = "address added",
	[SCTP_DAR_EV_ADDR_DEL] = "address removed",
	[SCTP_DAR_EV_LINK_UP] = "link up",
	[SCTP_DAR_EV_LINK_DOWN] = "link down",
	[SCTP_DAR_EV_LINK_NEW] = "device added",
	[SCTP_DAR_EV_LINK_GONE] = "device removed",
};

/* Count a host address event; report it ignored when it concerns an
 * address never offered to a peer (by nature or by the deny list), or
 * while automatic management is paused.
 */
static void dar_report_hostev(struct sctp_dar_reconf *r,
			      const struct sctp_dar_hostev *ev)
{
	struct sctp_dar_event nev = {
		.type = SCTP_DAR_EVENT_TYPE_EVENT_IGNORED,
		.addr = &ev->a,
		.ifindex = ev->ifindex,
	};
	bool loopback;

	sctp_dar_stats_inc(&sctp_dar_net(r->net)->stats,
			   SCTP_DAR_A_STATS_ADDR_EVENTS);
	if (sctp_dar_sockaddr_eligible(&ev->a)) {
		if (sctp_dar_policy_denied(&r->cfg, &ev->a))
			nev.reason = SCTP_DAR_IGNORE_REASON_DENY_LISTED;
		else if (r->cfg.paused)
			nev.reason = SCTP_DAR_IGNORE_REASON_PAUSED;
		else
			return;
		sctp_dar_nl_event(r->net, &nev);
		return;
	}
	loopback = ev->a.sa.sa_family == AF_INET ?
		   ipv4_is_loopback(ev->a.v4.sin_addr.s_addr) :
		   ipv6_addr_loopback(&ev->a.v6.sin6_addr);
	nev.reason = loopback ? SCTP_DAR_IGNORE_REASON_LOOPBACK :
				SCTP_DAR_IGNORE_REASON_LINK_LOCAL;
	sctp_dar_nl_event(r->net, &nev);
}

/* Take the queued events: note when the oldest happened, log, free. */
static bool dar_drain_events(struct sctp_dar_reconf *r)
{
	struct sctp_dar_hostev *ev, *tmp;
	LIST_HEAD(events);

	spin_lock_bh(&r->ev_lock);
	if (r->ev_count)
		r->served = jiffies;
	list_splice_init(&r->ev_list, &events);
	r->ev_count = 0;
	spin_unlock_bh(&r->ev_lock);

	if (list_empty(&events))
		return false;
	list_for_each_entry_safe(ev, tmp, &events, list) {
		if (dar_ev_is_addr(ev->type))
			dar_report_hostev(r, ev);
		if (ev->type == SCTP_DAR_EV_LINK_GONE)
			sctp_dar_policy_set_link_prio(&r->cfg, ev->ifindex, 0);
		if (!r->event_ns || ev->ns < r->event_ns)
			r->event_ns = ev->ns;
		if (dar_ev_is_addr(ev->type))
			pr_debug("netns %u: ifindex %d: %s %pISc\n",
				 r->net->ns.inum, ev->ifindex,
				 dar_ev_names[ev->type], &ev->a.sa);
		else
			pr_debug("netns %u: ifindex %d: %s\n", r->net->ns.inum,
				 ev->ifindex, dar_ev_names[ev->type]);
		list_del(&ev->list);
		kfree(ev);
	}
	return true;
}

/* Append one address to the host view, carrying its history over from
 * the previous view; @metric is its device's default route's, valid with
 * SCTP_DAR_HA_DEFROUTE in @flags. Context: rcu_read_lock() (device walk).
 */
static void dar_hv_add(struct sctp_dar_reconf *r, const union sctp_addr *a,
		       int ifindex, u32 flags, u32 metric, unsigned long now)
{
	const struct sctp_dar_haddr *old = NULL;
	struct sctp_dar_hostview *hv = r->hv;
	struct sctp_dar_haddr *ha;

	if (!sctp_dar_sockaddr_eligible(a) || sctp_dar_hostview_find(hv, a) ||
	    sctp_dar_policy_denied(&r->cfg, a))
		return;
	if (hv->n == SCTP_DAR_MAX_HADDR)
		return;
	if (r->have_prev)
		old = sctp_dar_hostview_find(r->prev, a);

	ha = &hv->a[hv->n++];
	ha->a = *a;
	ha->ifindex = ifindex;
	ha->flags = flags;
	ha->prio = sctp_dar_policy_link_prio(&r->cfg, ifindex);
	ha->metric = metric;
	ha->since = old ? old->since : now;
	ha->deprecated_since = 0;
	if (flags & SCTP_DAR_HA_DEPRECATED)
		ha->deprecated_since = old && old->deprecated_since ?
				       old->deprecated_since : now;
	if (old && sctp_dar_haddr_usable(old) == sctp_dar_haddr_usable(ha))
		ha->up_since = old->up_since;
	else
		ha->up_since = now;
}

/* The host's own preference for @dev's addresses of @family: its default
 * route, while the policy follows it (route_metric). Fills @metric.
 * Context: rcu_read_lock() (device walk).
 */
static u32 dar_hv_route(struct sctp_dar_reconf *r, struct net_device *dev,
			int family, u32 *metric)
{
	*metric = 0;
	if (!r->cfg.route_metric ||
	    !sctp_dar_route_default_metric(r->net, family, dev->ifindex,
					   metric))
		return 0;
	return SCTP_DAR_HA_DEFROUTE;
}

/* Read the addresses configured in r->net into r->hv. */
static void dar_hostview_build(struct sctp_dar_reconf *r, unsigned long now)
{
	struct net_device *dev;

	r->hv->n = 0;
	rcu_read_lock();
	for_each_netdev_rcu(r->net, dev) {
		const struct in_ifaddr *ifa;
		struct in_device *in_dev;
		struct inet6_dev *idev;
		u32 link = 0, route, metric;

		if (dev->flags & IFF_LOOPBACK)
			continue;
		if ((dev->flags & IFF_UP) && netif_running(dev) &&
		    netif_carrier_ok(dev))
			link = SCTP_DAR_HA_LINK_UP;

		in_dev = __in_dev_get_rcu(dev);
		if (in_dev && rcu_access_pointer(in_dev->ifa_list)) {
			route = dar_hv_route(r, dev, AF_INET, &metric);
			in_dev_for_each_ifa_rcu(ifa, in_dev) {
				union sctp_addr a = {};

				a.v4.sin_family = AF_INET;
				a.v4.sin_addr.s_addr = ifa->ifa_local;
				dar_hv_add(r, &a, dev->ifindex, link | route,
					   metric, now);
			}
		}

		idev = IS_ENABLED(CONFIG_IPV6) ? __in6_dev_get(dev) : NULL;
		if (idev) {
			struct inet6_ifaddr *ifp;

			route = dar_hv_route(r, dev, AF_INET6, &metric);
			read_lock_bh(&idev->lock);
			list_for_each_entry(ifp, &idev->addr_list, if_list) {
				u32 f = link | route;
				u32 iflags = READ_ONCE(ifp->flags);
				union sctp_addr a = {};

				if (iflags & IFA_F_DADFAILED)
					continue;
				if ((iflags & IFA_F_TENTATIVE) &&
				    !(iflags & IFA_F_OPTIMISTIC))
					f |= SCTP_DAR_HA_TENTATIVE;
				if (iflags & IFA_F_DEPRECATED)
					f |= SCTP_DAR_HA_DEPRECATED;
				if (!(iflags & IFA_F_PERMANENT))
					f |= SCTP_DAR_HA_TEMPORARY;
				a.v6.sin6_family = AF_INET6;
				a.v6.sin6_addr = ifp->addr;
				dar_hv_add(r, &a, dev->ifindex, f, metric, now);
			}
			read_unlock_bh(&idev->lock);
		}
	}
	rcu_read_unlock();
}

/* Did anything a pass decides on change between two host views? */
static bool dar_hostview_changed(const struct sctp_dar_hostview *a,
				 const struct sctp_dar_hostview *b)
{
	unsigned int i;

	if (a->n != b->n)
		return true;
	for (i = 0; i < a->n; i++) {
		if (!sctp_dar_sockaddr_equal(&a->a[i].a, &b->a[i].a) ||
		    a->a[i].ifindex != b->a[i].ifindex ||
		    a->a[i].flags != b->a[i].flags ||
		    a->a[i].metric != b->a[i].metric)
			return true;
	}
	return false;
}

static int dar_hv_index(const struct sctp_dar_hostview *hv,
			const union sctp_addr *a)
{
	const struct sctp_dar_haddr *ha = sctp_dar_hostview_find(hv, a);

	return ha ? ha - hv->a : -1;
}

/* Report what sctp_dar did to an association on the "events" netlink
 * group (and count it in the namespace's stats).
 */
static void dar_report(struct sctp_dar_reconf *r, enum sctp_dar_event_type type,
		       const struct sctp_dar_socksnap *snap,
		       const struct sctp_dar_asocview *av,
		       const union sctp_addr *addr)
{
	struct sctp_dar_event ev = {
		.type = type,
		.assoc_id = av->id,
		.lport = snap->sv.port,
		.pport = av->np ? ntohs(av->p[0].a.v4.sin_port) : 0,
		.addr = addr,
	};

	sctp_dar_nl_event(r->net, &ev);
}

/* Tell the monitors that a managed association was left alone, and why. */
static void dar_ignored(struct sctp_dar_reconf *r,
			const struct sctp_dar_socksnap *snap,
			const struct sctp_dar_asocview *av,
			enum sctp_dar_ignore_reason reason)
{
	struct sctp_dar_event ev = {
		.type = SCTP_DAR_EVENT_TYPE_EVENT_IGNORED,
		.assoc_id = av->id,
		.lport = snap->sv.port,
		.pport = av->np ? ntohs(av->p[0].a.v4.sin_port) : 0,
		.reason = reason,
	};

	sctp_dar_nl_event(r->net, &ev);
}

/* Explain, once per change of reason, why an association cannot be
 * reconfigured (ratelimited: one event may hit many associations), and
 * tell the monitors (event-ignored) when the reason is the peer's.
 */
static void dar_explain(struct sctp_dar_reconf *r, struct dar_pass *p,
			struct sctp_dar_assoc *st,
			const struct sctp_dar_socksnap *snap,
			const struct sctp_dar_asocview *av,
			enum sctp_dar_blocked why)
{
	bool changed = st->blocked != why;

	st->blocked = why;
	if (why == SCTP_DAR_OK || why == SCTP_DAR_BLOCKED_NOT_ESTABLISHED)
		return;
	if (changed) {
		dar_count(r, SCTP_DAR_A_STATS_ASSOCS_BLOCKED, 1);
		pr_info_ratelimited("netns %u: association %d on port %u cannot be reconfigured: %s\n",
				    r->net->ns.inum, av->id, snap->sv.port,
				    sctp_dar_policy_blocked_str(why));
	} else if (!p->events) {
		return;
	}
	/* Told when it starts, and again with every host event it misses. */
	if (why == SCTP_DAR_BLOCKED_NO_AUTH)
		dar_ignored(r, snap, av, SCTP_DAR_IGNORE_REASON_PEER_NO_AUTH);
	else if (why == SCTP_DAR_BLOCKED_PEER_NO_ASCONF)
		dar_ignored(r, snap, av, SCTP_DAR_IGNORE_REASON_PEER_NO_ASCONF);
	else if (why == SCTP_DAR_BLOCKED_EP_NO_ASCONF)
		dar_ignored(r, snap, av, SCTP_DAR_IGNORE_REASON_LOCAL_NO_ASCONF);
}

/* Explain host settings that make reconfiguration impossible for new
 * sockets, once per namespace and setting.
 */
static void dar_check_sysctls(struct sctp_dar_reconf *r)
{
	struct net *net = r->net;
	unsigned int warn = 0;

	if (!READ_ONCE(net->sctp.addip_enable))
		warn |= DAR_WARN_ADDIP;
	if (!READ_ONCE(net->sctp.auth_enable) &&
	    !READ_ONCE(net->sctp.addip_noauth))
		warn |= DAR_WARN_AUTH;

	if ((warn & DAR_WARN_ADDIP) && !(r->warned & DAR_WARN_ADDIP))
		pr_info("netns %u: net.sctp.addip_enable=0: SCTP sockets created now cannot be reconfigured\n",
			net->ns.inum);
	if ((warn & DAR_WARN_AUTH) && !(r->warned & DAR_WARN_AUTH))
		pr_info("netns %u: net.sctp.auth_enable=0 and addip_noauth_enable=0: ASCONF is refused unless authenticated\n",
			net->ns.inum);
	r->warned = warn;
}

static void dar_stage(struct sctp_dar_assoc *st, u8 stage, unsigned long now)
{
	st->stage = stage;
	st->stage_since = now;
}

/* Poll quickly at first (an ASCONF-ACK or HEARTBEAT-ACK takes one round
 * trip), then back off.
 */
static void dar_poll_stage(struct dar_pass *p, const struct sctp_dar_assoc *st)
{
	unsigned long age = p->now - st->stage_since;

	p->waiting = true;
	if (age < HZ / 5)
		dar_poll_in(p, 1);
	else if (age < 2 * HZ)
		dar_poll_in(p, msecs_to_jiffies(20));
	else
		dar_poll_in(p, msecs_to_jiffies(250));
}

static int dar_laddr_index(const struct sctp_dar_asocview *av,
			   const union sctp_addr *a)
{
	unsigned int i;

	for (i = 0; i < av->nl; i++)
		if (sctp_dar_sockaddr_equal(&av->l[i].a, a))
			return i;
	return -1;
}

static int dar_path_index(const struct sctp_dar_asocview *av,
			  const union sctp_addr *a)
{
	unsigned int i;

	for (i = 0; i < av->np; i++)
		if (sctp_dar_sockaddr_equal(&av->p[i].a, a))
			return i;
	return -1;
}

/* Is the device @ifindex (0: no route) up, as the host view knows it? A
 * device without eligible addresses is not judged.
 */
static bool dar_ifindex_up(const struct sctp_dar_hostview *hv, int ifindex)
{
	bool known = false;
	unsigned int i;

	if (!ifindex)
		return false;
	for (i = 0; i < hv->n; i++) {
		if (hv->a[i].ifindex != ifindex)
			continue;
		if (hv->a[i].flags & SCTP_DAR_HA_LINK_UP)
			return true;
		known = true;
	}
	return !known;
}

/* An administrator's choice of this end's primary path stands while that
 * path is active and its route does not leave over a dead link (the
 * paths' devices are filled in by the caller). Return: its index in
 * @av->p, or @pi.
 */
static int dar_pinned_path(struct sctp_dar_reconf *r, struct sctp_dar_assoc *st,
			   const struct sctp_dar_asocview *av, int pi)
{
	struct sctp_dar_assoc_ext *x = st->ext;
	int i;

	if (!x || !x->pin_path.sa.sa_family)
		return pi;
	i = dar_path_index(av, &x->pin_path);
	if (i >= 0 && av->p[i].state == SCTP_DAR_PATH_ACTIVE &&
	    (!av->p[i].ifindex || dar_ifindex_up(r->hv, av->p[i].ifindex)))
		return i;
	memset(&x->pin_path, 0, sizeof(x->pin_path));
	return pi;
}

/* Count what the association's ASCONF machinery did since the last look
 * (every ASCONF, ours or auto_asconf's, advances the serial), in the
 * association's own counters. The asconf-sent/acked/rejected events and
 * namespace counters come from the wire (asconf_hook.c), which sees every
 * chunk and the peer's error causes.
 */
static void dar_account(struct sctp_dar_reconf *r, struct sctp_dar_assoc *st,
			const struct sctp_dar_socksnap *snap,
			const struct sctp_dar_asocview *av,
			const struct sctp_dar_asockey *key)
{
	st->stats.asconf_sent += key->serial - st->addip_serial;
	st->addip_serial = key->serial;
	if (st->asconf_busy && !av->asconf_busy)
		st->stats.asconf_acked++;
	st->asconf_busy = av->asconf_busy;
}

/* Make @want (an acknowledged address of the association) the peer's
 * primary, and this end's primary the path @pi (routed over its device).
 * When @pi is not routed over @want's device (the peer has no address
 * there yet) and no path is pinned, dar_path_catch_up() moves this end's
 * primary later. Fills in the paths' devices.
 */
static void dar_switch(struct sctp_dar_reconf *r, struct dar_pass *p,
		       struct sctp_dar_sock *s, struct sctp_dar_assoc *st,
		       const struct sctp_dar_socksnap *snap,
		       struct sctp_dar_asocview *av, int pi,
		       const union sctp_addr *want)
{
	const struct sctp_dar_haddr *ha = sctp_dar_hostview_find(r->hv, want);
	int err;

	pi = dar_pinned_path(r, st, av, pi);
	st->path_pending = false;
	if (ha && !(st->ext && st->ext->pin_path.sa.sa_family)) {
		sctp_dar_assoc_route_paths(r->net, want, av);
		st->path_pending = pi < 0 || av->p[pi].ifindex != ha->ifindex;
	}
	if (pi >= 0 && !av->p[pi].primary) {
		err = sctp_dar_assoc_set_primary(s, av->id, &av->p[pi].a);
		if (err) {
			st->stats.errors++;
			pr_debug("association %d: SCTP_PRIMARY_ADDR %pISpc: %d\n",
				 av->id, &av->p[pi].a.sa, err);
		} else {
			st->stats.primary_changes++;
			dar_report(r, SCTP_DAR_EVENT_TYPE_PRIMARY_CHANGED, snap,
				   av, &av->p[pi].a);
		}
	}

	err = sctp_dar_assoc_set_peer_primary(s, av->id, want);
	if (err) {
		st->stats.errors++;
		st->retry_at = p->now + DAR_RETRY;
		pr_debug("association %d: SET_PEER_PRIMARY %pISc: %d\n",
			 av->id, &want->sa, err);
	} else {
		st->peer_primary = *want;
		st->stats.primary_changes++;
		dar_report(r, SCTP_DAR_EVENT_TYPE_PEER_PRIMARY_SET, snap, av,
			   want);
		if (st->event_ns)
			st->stats.last_latency_us =
				min_t(u64, U32_MAX,
				      div_u64(ktime_get_ns() - st->event_ns,
					      1000));
		pr_debug("association %d: peer primary now %pISc\n", av->id,
			 &want->sa);
	}
	st->urgent = false;
	dar_stage(st, SCTP_DAR_ST_IDLE, p->now);
}

/* How long an idle association waits for a path over its chosen source's
 * device to appear (dar_path_catch_up()), and how often it looks.
 */
#define DAR_CATCHUP_MAX		(30 * HZ)
#define DAR_CATCHUP_POLL	(HZ / 2)

/* The last switch to @want found no path routed over @want's device: the
 * peer had no address there yet (both ends moving; a stock peer's
 * auto_asconf announces its new address up to 0.5 s after it appears).
 * The peer was asked to send to @want, but this end still sends over the
 * old device, and loses a retransmission timeout when that link dies.
 * Once such a path is there, confirm it (a heartbeat now rather than at
 * the kernel's RTO-spaced pace) and, when it is active, make it this end's
 * primary, as the switch would have; give up after DAR_CATCHUP_MAX.
 * Fills in the paths' devices.
 */
static void dar_path_catch_up(struct sctp_dar_reconf *r, struct dar_pass *p,
			      struct sctp_dar_sock *s, struct sctp_dar_assoc *st,
			      const struct sctp_dar_socksnap *snap,
			      struct sctp_dar_asocview *av,
			      const union sctp_addr *want)
{
	const struct sctp_dar_haddr *ha = sctp_dar_hostview_find(r->hv, want);
	int pi, err;

	if (!ha || time_after(p->now, st->stage_since + DAR_CATCHUP_MAX) ||
	    (st->ext && st->ext->pin_path.sa.sa_family)) {
		st->path_pending = false;
		return;
	}
	sctp_dar_assoc_route_paths(r->net, want, av);
	pi = sctp_dar_policy_pick_path(av, ha->ifindex);
	if (pi < 0 || av->p[pi].ifindex != ha->ifindex) {
		dar_poll_in(p, DAR_CATCHUP_POLL);
		return;
	}
	if (av->p[pi].state != SCTP_DAR_PATH_ACTIVE) {
		if (!av->p[pi].hb_pending &&
		    !sctp_dar_assoc_heartbeat(s, av->id, &av->p[pi].a))
			st->stats.heartbeats++;
		dar_poll_in(p, DAR_CATCHUP_POLL);
		return;
	}
	st->path_pending = false;
	if (av->p[pi].primary)
		return;
	err = sctp_dar_assoc_set_primary(s, av->id, &av->p[pi].a);
	if (err) {
		st->stats.errors++;
		pr_debug("association %d: SCTP_PRIMARY_ADDR %pISpc: %d\n",
			 av->id, &av->p[pi].a.sa, err);
		return;
	}
	st->stats.primary_changes++;
	dar_report(r, SCTP_DAR_EVENT_TYPE_PRIMARY_CHANGED, snap, av,
		   &av->p[pi].a);
}

/* Has routing caught up with a dead link: does traffic from @src to @peer
 * leave over a device that is up? A DHCP client removes a dead link's
 * routes a moment after its carrier is gone; an ASCONF sent before that
 * leaves over the dead link and waits a whole RTO for its retransmission.
 * Waits at most DAR_ROUTE_WAIT from *@since (set by the first call).
 */
static bool dar_route_ready(struct sctp_dar_reconf *r, struct dar_pass *p,
			    unsigned long *since, const union sctp_addr *src,
			    const union sctp_addr *peer)
{
	int ifindex = sctp_dar_assoc_route_ifindex(r->net, src, peer);
	unsigned int i;

	if (ifindex) {
		for (i = 0; i < r->hv->n; i++)
			if (r->hv->a[i].ifindex == ifindex)
				break;
		if (i == r->hv->n ||
		    (r->hv->a[i].flags & SCTP_DAR_HA_LINK_UP)) {
			*since = 0;
			return true;
		}
	}
	if (!*since)
		*since = p->now;
	if (time_after_eq(p->now, *since + DAR_ROUTE_WAIT)) {
		*since = 0;
		return true;
	}
	p->waiting = true;
	dar_poll_in(p, 1);
	return false;
}

/* The peer address an association sends to (its primary path), or its
 * first one.
 */
static const union sctp_addr *dar_primary_path(const struct sctp_dar_asocview *av)
{
	unsigned int i;

	for (i = 0; i < av->np; i++)
		if (av->p[i].primary)
			return &av->p[i].a;
	return av->np ? &av->p[0].a : NULL;
}

/* Make @st->want an address of @av that is unusable (acknowledged, or
 * being deleted), if there is one: the peer may be sending to it.
 */
static void dar_want_failed(struct sctp_dar_reconf *r, struct sctp_dar_assoc *st,
			    const struct sctp_dar_asocview *av)
{
	unsigned int i;

	for (i = 0; i < av->nl; i++) {
		if (av->l[i].state == SCTP_DAR_LA_NEW)
			continue;
		if (sctp_dar_haddr_usable(sctp_dar_hostview_find(r->hv,
								 &av->l[i].a)))
			continue;
		st->want = av->l[i].a;
		return;
	}
}

/* Is local address @k an acknowledged source, usable on the host? */
static const struct sctp_dar_haddr *
dar_src_usable(struct sctp_dar_reconf *r, const struct sctp_dar_asocview *av,
	       unsigned int k)
{
	const struct sctp_dar_haddr *ha = sctp_dar_hostview_find(r->hv,
								 &av->l[k].a);

	if (av->l[k].state != SCTP_DAR_LA_SRC || !sctp_dar_haddr_usable(ha))
		return NULL;
	return ha;
}

/* An administrator's choice of the peer's primary (sctpaddr assoc set ...
 * peer-primary) stands while that address is an acknowledged source of the
 * association and usable on the host; then the policy takes over again.
 * Return: the index in @av->l of the address to make the peer's primary.
 */
static int dar_pinned_local(struct sctp_dar_reconf *r, struct sctp_dar_assoc *st,
			    const struct sctp_dar_asocview *av, int li)
{
	struct sctp_dar_assoc_ext *x = st->ext;
	int i;

	if (!x || !x->pin_want.sa.sa_family)
		return li;
	i = dar_laddr_index(av, &x->pin_want);
	if (i >= 0 && dar_src_usable(r, av, i))
		return i;
	memset(&x->pin_want, 0, sizeof(x->pin_want));
	return li;
}

/* The best path of @av routed over the device of its local address @k, or
 * -1. Fills in the paths' devices as seen from that address.
 */
static int dar_local_path(struct sctp_dar_reconf *r,
			  struct sctp_dar_asocview *av, unsigned int k)
{
	const struct sctp_dar_haddr *ha = sctp_dar_hostview_find(r->hv,
								 &av->l[k].a);
	int pi;

	if (!ha)
		return -1;
	sctp_dar_assoc_route_paths(r->net, &av->l[k].a, av);
	pi = sctp_dar_policy_pick_path(av, ha->ifindex);
	return pi >= 0 && av->p[pi].ifindex == ha->ifindex ? pi : -1;
}

/* Does the path from local address @qi (path quality's choice) rank below
 * the path from @li (the policy's own choice)? Fills in the paths' devices.
 */
static bool dar_quality_worse(struct sctp_dar_reconf *r,
			      struct sctp_dar_asocview *av, int qi, int li)
{
	struct sctp_dar_path q;
	int qp, lp;

	qp = dar_local_path(r, av, qi);
	if (qp < 0)
		return true;	/* no path over its device any more */
	q = av->p[qp];
	lp = dar_local_path(r, av, li);
	return lp >= 0 && sctp_dar_policy_path_worse(&q, &av->p[lp]);
}

/* Path quality, the seeds' "better signal": among the association's
 * usable sources of the policy's choice's priority, one on another device
 * whose path is clearly better (sctp_dar_policy_path_better()) for
 * DAR_QUALITY_HOLD replaces the policy's choice @li, and stays chosen
 * until the policy changes its mind or another is clearly better for as
 * long. Return: the index in @av->l of the address to use.
 */
static int dar_quality_local(struct sctp_dar_reconf *r, struct dar_pass *p,
			     struct sctp_dar_sock *s, struct sctp_dar_assoc *st,
			     struct sctp_dar_asocview *av, int li)
{
	struct sctp_dar_assoc_ext *x = st->ext;
	const struct sctp_dar_haddr *cur_ha, *ha;
	int cur = li, cand = -1, cp, kp, qi;
	unsigned int k, usable = 0;
	u64 now_ns = ktime_get_ns();

	if (x && x->q_choice.sa.sa_family &&
	    sctp_dar_sockaddr_equal(&x->q_over, &av->l[li].a)) {
		const struct sctp_dar_haddr *li_ha =
			sctp_dar_hostview_find(r->hv, &av->l[li].a);

		qi = dar_laddr_index(av, &x->q_choice);
		ha = qi >= 0 ? dar_src_usable(r, av, qi) : NULL;
		/* ... unless an administrator now prefers the other, or the
		 * chosen path is now in a worse state than the policy's own
		 * choice's (a path in a worse state never keeps the primary).
		 */
		if (ha && li_ha && ha->prio >= li_ha->prio)
			cur = qi;
		if (cur == qi && dar_quality_worse(r, av, qi, li)) {
			pr_debug("association %d: path from %pISc now worse than from %pISc: choice dropped\n",
				 av->id, &av->l[qi].a.sa, &av->l[li].a.sa);
			cur = li;
		}
	}
	if (cur == li && x)
		memset(&x->q_choice, 0, sizeof(x->q_choice));
	cur_ha = dar_src_usable(r, av, cur);
	if (!av->established || !cur_ha)
		return cur;
	cp = dar_local_path(r, av, cur);
	for (k = 0; k < av->nl; k++) {
		ha = dar_src_usable(r, av, k);
		if (!ha)
			continue;
		usable++;
		if (k == cur || cp < 0 || ha->prio != cur_ha->prio ||
		    ha->ifindex == cur_ha->ifindex)
			continue;
		kp = dar_local_path(r, av, k);
		if (kp < 0)
			continue;
		/* A path that carries no DATA is measured by heartbeats
		 * only (every 30 s by default): measure it now when the
		 * path in use looks slow enough for it to matter (0: under
		 * one jiffy, or not measured yet). Its answer is looked at
		 * soon: the next watch poll may come only after
		 * SCTP_DAR_CAND_FRESH_MS when passes are slow (it is spaced
		 * by their duration), and then no answer would ever be
		 * fresh enough to count.
		 */
		if ((!av->p[kp].srtt_ms ||
		     now_ns > av->p[kp].last_heard_ns +
			      (u64)SCTP_DAR_SRTT_FRESH_MS * NSEC_PER_MSEC) &&
		    !av->p[kp].hb_pending &&
		    av->p[cp].srtt_ms > SCTP_DAR_SRTT_MARGIN_MS &&
		    !sctp_dar_assoc_heartbeat(s, av->id, &av->p[kp].a)) {
			st->stats.heartbeats++;
			dar_poll_in(p, DAR_MEASURE_POLL);
		}
		if (sctp_dar_policy_path_better(&av->p[kp], &av->p[cp],
						now_ns)) {
			cand = k;
			break;
		}
	}
	if (usable > 1 || cand >= 0)	/* the loop stops at a candidate */
		p->watch = true;	/* dar_pass() says when to look again */
	if (cand < 0) {
		if (x)
			memset(&x->q_cand, 0, sizeof(x->q_cand));
		return cur;
	}
	x = sctp_dar_assoc_ext(st);
	if (!x)
		return cur;	/* no memory: try again at the next look */
	if (!sctp_dar_sockaddr_equal(&x->q_cand, &av->l[cand].a)) {
		x->q_cand = av->l[cand].a;
		x->q_since = p->now;
	}
	if (time_before(p->now, x->q_since + DAR_QUALITY_HOLD)) {
		dar_poll_in(p, x->q_since + DAR_QUALITY_HOLD - p->now);
		return cur;
	}
	pr_debug("association %d: path from %pISc clearly better than from %pISc\n",
		 av->id, &av->l[cand].a.sa, &av->l[cur].a.sa);
	x->q_choice = av->l[cand].a;
	x->q_over = av->l[li].a;
	memset(&x->q_cand, 0, sizeof(x->q_cand));
	return cand;
}

/* The path this end sends on (its primary, perhaps the application's
 * choice) leaves over a dead link, or nothing routes to it any more, while
 * a path over @want's device is there: an idle association should switch
 * at once, not wait for the retransmission timer. Fills in the paths'
 * devices when it looks.
 */
static bool dar_primary_stranded(struct sctp_dar_reconf *r,
				 struct sctp_dar_asocview *av,
				 const union sctp_addr *want)
{
	const struct sctp_dar_haddr *ha = sctp_dar_hostview_find(r->hv, want);
	unsigned int i;
	int pi, dev;

	if (!ha)
		return false;
	for (i = 0; i < av->np; i++)
		if (av->p[i].primary)
			break;
	if (i == av->np)
		return false;
	/* One route lookup for the path in use. It is stranded when its
	 * link is down, and also when every link is up but nothing routes
	 * to it any more (its local address was removed: seen in the flap
	 * storm, a primary left on such a path waits out RTO backoff).
	 */
	dev = sctp_dar_assoc_route_ifindex(r->net, want, &av->p[i].a);
	if (dar_ifindex_up(r->hv, dev))
		return false;
	sctp_dar_assoc_route_paths(r->net, want, av);
	pi = sctp_dar_policy_pick_path(av, ha->ifindex);
	return pi >= 0 && pi != i && av->p[pi].ifindex == ha->ifindex;
}

/* Drive the primary change of the association @i of @snap, whose state is
 * @st (@created: new), a step further.
 * Return: true when no change is under way (removals may proceed).
 */
static bool dar_asoc_step(struct sctp_dar_reconf *r, struct dar_pass *p,
			  struct sctp_dar_sock *s,
			  struct sctp_dar_socksnap *snap, unsigned int i,
			  struct sctp_dar_assoc *st, bool created)
{
	struct sctp_dar_asocview *av = &snap->av[i];
	struct sctp_dar_assoc_ext *x;
	const union sctp_addr *want;
	const struct sctp_dar_haddr *ha;
	enum sctp_dar_blocked why;
	int li, pi;

	dar_account(r, st, snap, av, &snap->key[i]);

	why = sctp_dar_policy_blocked(&r->cfg, &snap->sv, av);
	dar_explain(r, p, st, snap, av, why);
	if (why != SCTP_DAR_OK) {
		dar_stage(st, SCTP_DAR_ST_IDLE, p->now);
		return true;
	}

	li = sctp_dar_policy_pick_local(r->hv, av, false);
	if (li < 0)
		return true;	/* nothing usable: the kernel keeps trying */
	li = dar_pinned_local(r, st, av, li);
	if (!st->ext || !st->ext->pin_want.sa.sa_family)
		li = dar_quality_local(r, p, s, st, av, li);
	want = &av->l[li].a;

	if (created || !st->want.sa.sa_family) {
		/* Found idle: remember, change nothing. Found with a source
		 * address that just failed: that one may be what the peer
		 * sends to, so move the peer off it.
		 */
		st->want = *want;
		dar_want_failed(r, st, av);
	}

	if (!sctp_dar_sockaddr_equal(want, &st->want)) {
		const struct sctp_dar_haddr *old =
			sctp_dar_hostview_find(r->hv, &st->want);

		st->urgent = !sctp_dar_haddr_usable(old);
		st->want = *want;
		st->event_ns = r->event_ns ?: ktime_get_ns();
		st->retry_at = 0;
		dar_stage(st, SCTP_DAR_ST_WAIT_ACK, p->now);
	}
	if (st->stage == SCTP_DAR_ST_IDLE) {
		if (st->path_pending)
			dar_path_catch_up(r, p, s, st, snap, av, want);
		if (!dar_primary_stranded(r, av, want))
			return true;
		/* Break-before-make for a primary sctp_dar did not choose
		 * (the application's, SCTP_PRIMARY_ADDR and perhaps
		 * SCTP_SET_PEER_PRIMARY_ADDR): its path died.
		 */
		st->urgent = true;
		st->event_ns = r->event_ns ?: ktime_get_ns();
		st->retry_at = 0;
		dar_stage(st, SCTP_DAR_ST_WAIT_ACK, p->now);
	}
	if (st->retry_at && time_before(p->now, st->retry_at)) {
		dar_poll_in(p, st->retry_at - p->now);
		return false;
	}
	/* The address the peer sends to failed meanwhile: hurry. */
	if (st->peer_primary.sa.sa_family &&
	    !sctp_dar_haddr_usable(sctp_dar_hostview_find(r->hv,
							  &st->peer_primary)))
		st->urgent = true;

	ha = sctp_dar_hostview_find(r->hv, want);

	if (st->stage == SCTP_DAR_ST_WAIT_ACK) {
		if (av->l[li].state != SCTP_DAR_LA_SRC) {
			if (time_after(p->now, st->stage_since + DAR_ACK_TIMEOUT)) {
				st->stats.errors++;
				st->retry_at = p->now + DAR_RETRY;
				dar_stage(st, SCTP_DAR_ST_WAIT_ACK, p->now);
			} else if (!av->asconf_busy &&
				   time_after(p->now, st->stage_since +
					      DAR_ACK_SETTLE)) {
				/* Its ASCONF is done but it is not a source:
				 * the peer refused the ADD (the wire hook
				 * reports the peer's error cause).
				 */
				st->stats.asconf_rejected++;
				st->retry_at = p->now + DAR_RETRY;
				dar_stage(st, SCTP_DAR_ST_WAIT_ACK, p->now);
			}
			dar_poll_stage(p, st);
			return false;
		}

		sctp_dar_assoc_route_paths(r->net, want, av);
		pi = sctp_dar_policy_pick_path(av, ha ? ha->ifindex : 0);
		if (pi >= 0 && st->urgent) {
			if (!dar_route_ready(r, p, &st->route_since, want,
					     &av->p[pi].a))
				return false;
			/* Break-before-make: switch now, confirm meanwhile. */
			if (!sctp_dar_assoc_heartbeat(s, av->id, &av->p[pi].a))
				st->stats.heartbeats++;
			dar_switch(r, p, s, st, snap, av, pi, want);
			return true;
		}
		if (pi < 0) {
			dar_switch(r, p, s, st, snap, av, -1, want);
			return true;
		}
		/* Make-before-break: confirm the path first (a primary moved
		 * to an unconfirmed path stalls for seconds). Without memory
		 * to remember the path, or without the heartbeat, switch
		 * unconfirmed rather than not at all.
		 */
		x = sctp_dar_assoc_ext(st);
		if (!x || sctp_dar_assoc_heartbeat(s, av->id, &av->p[pi].a)) {
			st->stats.errors++;
			dar_switch(r, p, s, st, snap, av, pi, want);
			return true;
		}
		st->stats.heartbeats++;
		x->hb_path = av->p[pi].a;
		dar_stage(st, SCTP_DAR_ST_WAIT_HB, p->now);
		dar_poll_stage(p, st);
		return false;
	}

	/* SCTP_DAR_ST_WAIT_HB */
	pi = st->ext ? dar_path_index(av, &st->ext->hb_path) : -1;
	if (pi >= 0 && !st->urgent && av->p[pi].hb_pending &&
	    time_before(p->now, st->stage_since + DAR_HB_TIMEOUT)) {
		dar_poll_stage(p, st);
		return false;
	}
	if (pi >= 0 && st->urgent &&
	    !dar_route_ready(r, p, &st->route_since, want, &av->p[pi].a))
		return false;
	if (pi >= 0 && av->p[pi].hb_pending && !st->urgent) {
		/* No answer on that path: do not move onto it; retry. */
		st->stats.errors++;
		st->retry_at = p->now + DAR_RETRY;
		dar_stage(st, SCTP_DAR_ST_WAIT_ACK, p->now);
		dar_poll_in(p, DAR_RETRY);
		p->waiting = true;
		return false;
	}
	dar_switch(r, p, s, st, snap, av, pi, want);
	return true;
}

/* Drive one association's primary change a step further (process
 * context, reconf mutex held); afterwards free what its state no longer
 * needs.
 * Return: true when no change is under way (removals may proceed).
 */
static bool dar_asoc(struct sctp_dar_reconf *r, struct dar_pass *p,
		     struct sctp_dar_sock *s, struct sctp_dar_socksnap *snap,
		     unsigned int i)
{
	struct sctp_dar_assoc *st;
	bool created, idle;

	st = sctp_dar_assoc_get(&r->table, &snap->key[i], &created);
	if (!st)
		return true;
	idle = dar_asoc_step(r, p, s, snap, i, st, created);
	sctp_dar_assoc_ext_trim(st);
	return idle;
}

/* Add @a to a short list of addresses, once. */
static void dar_redel_add(union sctp_addr *list, unsigned int *n,
			  const union sctp_addr *a)
{
	unsigned int i;

	for (i = 0; i < *n; i++)
		if (sctp_dar_sockaddr_equal(&list[i], a))
			return;
	if (*n < DAR_MAX_REDEL)
		list[(*n)++] = *a;
}

/* The newest usable host address @av lacks (the ADD auto_asconf is about
 * to send it), or NULL.
 */
static const struct sctp_dar_haddr *
dar_newest_missing(const struct sctp_dar_hostview *hv,
		   const struct sctp_dar_asocview *av)
{
	const struct sctp_dar_haddr *best = NULL;
	unsigned int j, m;

	for (j = 0; j < hv->n; j++) {
		if (!sctp_dar_haddr_usable(&hv->a[j]))
			continue;
		for (m = 0; m < av->nl; m++)
			if (sctp_dar_sockaddr_equal(&av->l[m].a, &hv->a[j].a))
				break;
		if (m < av->nl)
			continue;
		if (!best || time_after(hv->a[j].since, best->since))
			best = &hv->a[j];
	}
	return best;
}

/* Note what one association of an auto_asconf socket has, for the queue
 * decisions of dar_pass_wildcard().
 */
static void dar_wildcard_asoc(struct sctp_dar_reconf *r, struct dar_pass *p,
			      struct sctp_dar_socksnap *snap, unsigned int i)
{
	const struct sctp_dar_hostview *hv = r->hv;
	const struct sctp_dar_asocview *av = &snap->av[i];
	const union sctp_addr *path = dar_primary_path(av);
	const struct sctp_dar_haddr *fresh;
	struct sctp_dar_assoc *st;
	bool created, usable_src;
	unsigned int j;
	int li;

	if (!av->established || !av->asconf_capable || !path)
		return;
	st = sctp_dar_assoc_get(&r->table, &snap->key[i], &created);
	if (!st)
		return;
	usable_src = sctp_dar_policy_has_usable_src(hv, av, NULL);
	li = sctp_dar_policy_pick_local(hv, av, true);
	fresh = dar_newest_missing(hv, av);
	if (!usable_src && fresh &&
	    !dar_route_ready(r, p, &st->route_since, &fresh->a, path))
		p->hold = true;

	for (j = 0; j < av->nl; j++) {
		const union sctp_addr *a = &av->l[j].a;
		int k = dar_hv_index(hv, a);

		/* A DELETE the peer refused (the kernel's bundled DELETE
		 * named the deleted address as lookup address): send it
		 * again now that another source works.
		 */
		if (av->l[j].state == SCTP_DAR_LA_DEL) {
			if (av->del_pending && !usable_src && fresh) {
				dar_redel_add(p->again, &p->nagain, a);
			} else if (av->del_pending && !av->asconf_busy &&
				 usable_src &&
				 time_after_eq(p->now, st->redel_at)) {
				dar_redel_add(p->redel, &p->nredel, a);
				st->redel_at = p->now + DAR_RETRY;
			}
			continue;
		}
		if (k < 0 || (hv->a[k].flags & SCTP_DAR_HA_LINK_UP))
			continue;
		p->wc[k].present = true;
		if (!usable_src || li < 0)
			p->wc[k].strand = true;
		else if (!dar_route_ready(r, p, &st->route_since,
					  &av->l[li].a, path))
			p->wc[k].defer = true;
	}
	for (j = 0; j < hv->n; j++) {
		unsigned int m;

		if (!sctp_dar_haddr_usable(&hv->a[j]))
			continue;
		for (m = 0; m < av->nl; m++)
			if (sctp_dar_sockaddr_equal(&av->l[m].a, &hv->a[j].a))
				break;
		if (m == av->nl)
			p->wc[j].missing = true;
	}
}

/* Would the kernel's auto_asconf reconfigure an association of @snap that
 * the policy says must not be (its ASCONFs would not be authenticated
 * while require_auth is set)?
 */
static bool dar_wildcard_unauth(struct sctp_dar_reconf *r,
				const struct sctp_dar_socksnap *snap)
{
	unsigned int i;

	for (i = 0; i < snap->nav; i++)
		if (snap->av[i].asconf_capable &&
		    sctp_dar_policy_blocked(&r->cfg, &snap->sv, &snap->av[i]) ==
		    SCTP_DAR_BLOCKED_NO_AUTH)
			return true;
	return false;
}

/* Wildcard-bound socket: only the kernel's auto_asconf can send its ADD
 * and DELETE (bindx refuses a wildcard endpoint); sctp_dar switches it on,
 * orders and hurries that queue, and sets primaries.
 *
 * SCTP_AUTO_ASCONF: sctp_dar switches it on for a managed socket that has
 * it off, so that an unmodified client roams. It cannot tell an
 * application's explicit "off" from the default "off" while
 * net.sctp.default_auto_asconf is 0, so the rule is: found off while the
 * default is on, it is the application's choice and stays off; switched
 * on by sctp_dar and found off later, the application switched it off
 * and it stays off; otherwise sctp_dar switches it on. A socket with an
 * association whose ASCONFs would not be authenticated (require_auth) is
 * not switched on, and is switched off again if sctp_dar switched it on.
 * The stock timer that then sends the ASCONFs allocates with GFP_KERNEL
 * under a spinlock (a kernel bug debug kernels report; design.md).
 */
static void dar_wildcard_sock(struct sctp_dar_reconf *r, struct dar_pass *p,
			      struct sctp_dar_sock *s,
			      struct sctp_dar_socksnap *snap)
{
	struct sctp_dar_sockstate *ss = sctp_dar_assoc_sock_find(&r->table, s);
	bool unauth = dar_wildcard_unauth(r, snap);
	unsigned int i;

	if (!snap->sv.asconf_enable)
		return;	/* reported per association (local-no-asconf) */

	if (!snap->sv.auto_asconf) {
		if (ss && (ss->aa == SCTP_DAR_AA_OURS ||
			   (ss->aa == SCTP_DAR_AA_UNKNOWN &&
			    READ_ONCE(r->net->sctp.default_auto_asconf)))) {
			ss->aa = SCTP_DAR_AA_APP_OFF;
			pr_debug("netns %u: port %u: auto_asconf switched off by the application: left off\n",
				 r->net->ns.inum, snap->sv.port);
		}
		if (unauth)
			return;	/* reported per association (peer-no-auth) */
		if (!ss || ss->aa == SCTP_DAR_AA_APP_OFF) {
			for (i = 0; p->events && i < snap->nav; i++)
				if (snap->av[i].established)
					dar_ignored(r, snap, &snap->av[i],
						    SCTP_DAR_IGNORE_REASON_AUTO_ASCONF_OFF);
			return;
		}
		if (sctp_dar_assoc_auto_asconf(s, true))
			return;
		ss->aa = SCTP_DAR_AA_OURS;
		snap->sv.auto_asconf = true;
		dar_count(r, SCTP_DAR_A_STATS_AUTO_ASCONF_ENABLED, 1);
	} else if (unauth) {
		if (ss && ss->aa == SCTP_DAR_AA_OURS &&
		    !sctp_dar_assoc_auto_asconf(s, false)) {
			ss->aa = SCTP_DAR_AA_UNKNOWN;
			return;
		}
		/* The application's auto_asconf reaches an association the
		 * policy keeps unchanged: queue nothing for anyone.
		 */
		p->wc_veto = true;
		return;
	}
	p->wildcard = true;

	for (i = 0; i < snap->nav; i++)
		if (sctp_dar_policy_blocked(&r->cfg, &snap->sv, &snap->av[i]) ==
		    SCTP_DAR_OK)
			dar_wildcard_asoc(r, p, snap, i);
}

/* Has the link of @ha (still configured) been down for less than the
 * hold-down? Then a pass is due when it ends.
 */
static bool dar_held_down(struct sctp_dar_reconf *r,
			  const struct sctp_dar_haddr *ha, unsigned long now)
{
	unsigned long end = ha->up_since + msecs_to_jiffies(r->cfg.holddown_ms);

	if (!time_before(now, end))
		return false;
	if (!r->wake_at || time_before(end, r->wake_at))
		r->wake_at = end;
	return true;
}

/* Is the ADD of some usable address waiting in the auto_asconf queue? */
static bool dar_wq_add_waiting(struct sctp_dar_reconf *r)
{
	unsigned int i;

	for (i = 0; i < r->hv->n; i++)
		if (sctp_dar_haddr_usable(&r->hv->a[i]) &&
		    sctp_dar_wq_queued(r->net, &r->hv->a[i].a))
			return true;
	return false;
}

/* Order and hurry the kernel's auto_asconf queue for wildcard sockets:
 *  - an address whose link died is deleted from the associations that
 *    keep another usable source (the kernel would never do it: a dead
 *    link announces nothing);
 *  - when deleting it would strand an association but the ADD of a new
 *    address is waiting, the DELETE goes first: the kernel then keeps it
 *    pending and bundles it with that ADD, which may leave from the new
 *    address (the case the stock stack never recovers from);
 *  - an address whose link came back is added again;
 *  - then the timer fires now rather than at its 500 ms tick.
 */
static bool dar_pass_wildcard(struct sctp_dar_reconf *r, struct dar_pass *p)
{
	const struct sctp_dar_hostview *hv = r->hv;
	bool add_waiting = false, checked = false;
	unsigned int i;
	int ret;

	if (!p->wildcard)
		return false;
	if (p->wc_veto) {
		pr_debug("netns %u: auto_asconf: nothing queued (an auto_asconf socket has an unauthenticated association)\n",
			 r->net->ns.inum);
		return false;
	}

	for (i = 0; i < hv->n; i++) {
		const struct sctp_dar_haddr *ha = &hv->a[i];
		const struct sctp_dar_haddr *old;

		if (!(ha->flags & SCTP_DAR_HA_LINK_UP)) {
			if (!p->wc[i].present || p->wc[i].defer)
				continue;
			/* Within the hold-down the link may come back: the
			 * primaries moved off it already, the DELETE waits.
			 */
			if (!p->wc[i].strand && dar_held_down(r, ha, p->now))
				continue;
			if (p->wc[i].strand) {
				if (!checked) {
					add_waiting = dar_wq_add_waiting(r);
					checked = true;
				}
				if (!add_waiting)
					continue;
				dar_count(r, SCTP_DAR_A_STATS_RESCUES, 1);
			}
			ret = sctp_dar_wq_inject(r->net, &ha->a, false,
						 p->wc[i].strand ?
						 SCTP_DAR_WQ_HEAD :
						 SCTP_DAR_WQ_TAIL);
			if (ret > 0)
				dar_count(r, SCTP_DAR_A_STATS_AUTO_ASCONF_QUEUED, 1);
			/* A Linux peer refuses the DELETE bundled with the
			 * ADD (the ASCONF names the deleted address as its
			 * lookup address) and the kernel then sends no DATA
			 * until an ASCONF succeeds entirely: queue the
			 * DELETE once more, after the ADD; it goes out right
			 * behind, named by the new address.
			 */
			if (p->wc[i].strand && ret > 0 &&
			    sctp_dar_wq_inject(r->net, &ha->a, false,
					       SCTP_DAR_WQ_AGAIN) > 0)
				dar_count(r, SCTP_DAR_A_STATS_AUTO_ASCONF_QUEUED, 1);
			pr_debug("netns %u: auto_asconf: DELETE %pISc (link down%s): %d\n",
				 r->net->ns.inum, &ha->a.sa,
				 p->wc[i].strand ? ", before the ADD" : "", ret);
			continue;
		}
		if (!sctp_dar_haddr_usable(ha) || !p->wc[i].missing ||
		    !r->have_prev)
			continue;
		old = sctp_dar_hostview_find(r->prev, &ha->a);
		if (!old || sctp_dar_haddr_usable(old))
			continue;	/* new addresses: the kernel queued them */
		ret = sctp_dar_wq_inject(r->net, &ha->a, true,
					 SCTP_DAR_WQ_TAIL);
		if (ret > 0)
			dar_count(r, SCTP_DAR_A_STATS_AUTO_ASCONF_QUEUED, 1);
		pr_debug("netns %u: auto_asconf: ADD %pISc (link up): %d\n",
			 r->net->ns.inum, &ha->a.sa, ret);
	}

	for (i = 0; i < p->nredel; i++) {
		ret = sctp_dar_wq_inject(r->net, &p->redel[i], false,
					 SCTP_DAR_WQ_TAIL);
		if (ret > 0)
			dar_count(r, SCTP_DAR_A_STATS_AUTO_ASCONF_QUEUED, 1);
		pr_debug("netns %u: auto_asconf: DELETE %pISc again (refused): %d\n",
			 r->net->ns.inum, &p->redel[i].sa, ret);
	}

	if (p->hold) {
		sctp_dar_wq_defer(r->net);
		dar_poll_in(p, msecs_to_jiffies(SCTP_ADDRESS_TICK_DELAY));
		pr_debug("netns %u: auto_asconf: held (no route from the new address yet)\n",
			 r->net->ns.inum);
		return true;
	}
	for (i = 0; i < p->nagain; i++) {
		ret = sctp_dar_wq_inject(r->net, &p->again[i], false,
					 SCTP_DAR_WQ_AGAIN);
		if (ret > 0)
			dar_count(r, SCTP_DAR_A_STATS_AUTO_ASCONF_QUEUED, 1);
		pr_debug("netns %u: auto_asconf: DELETE %pISc after the ADD: %d\n",
			 r->net->ns.inum, &p->again[i].sa, ret);
	}
	if (sctp_dar_wq_kick(r->net)) {
		/* Look again soon: the kernel's ADDs show up as NEW. */
		dar_count(r, SCTP_DAR_A_STATS_AUTO_ASCONF_KICKS, 1);
		p->waiting = true;
		dar_poll_in(p, msecs_to_jiffies(10));
		return true;
	}
	return false;
}

/* A DELETE of @a that the peer refused (see dar_wildcard_asoc()) must go
 * again, but the endpoint no longer has @a, and DELETE-IP is only sent
 * for an endpoint address: bind it back without telling the peer (ADD-IP
 * off; IP_FREEBIND when the host no longer has it), then remove it with
 * ADD-IP on. The kernel now names a working address as lookup address.
 */
static void dar_redelete(struct sctp_dar_reconf *r, struct sctp_dar_sock *s,
			 struct sctp_dar_socksnap *snap,
			 const union sctp_addr *a)
{
	bool need_fb = !sctp_dar_hostview_find(r->hv, a), fb_was = false;
	int err;

	err = sctp_dar_assoc_asconf_supported(s, false);
	if (err)
		goto out;
	if (need_fb && sctp_dar_assoc_freebind(s, true, &fb_was))
		need_fb = false;
	err = sctp_dar_assoc_bindx(s, true, a, 1);
	if (need_fb && !fb_was)
		sctp_dar_assoc_freebind(s, false, &fb_was);
	if (sctp_dar_assoc_asconf_supported(s, true))
		pr_warn_ratelimited("netns %u: port %u: could not switch ADD-IP back on\n",
				    r->net->ns.inum, snap->sv.port);
	if (err)
		goto out;
	err = sctp_dar_assoc_bindx(s, false, a, 1);
	if (!err)
		dar_count(r, SCTP_DAR_A_STATS_BINDX_REM, 1);
out:
	pr_debug("netns %u: port %u: DELETE %pISc sent again: %d\n",
		 r->net->ns.inum, snap->sv.port, &a->sa, err);
}

/* The placeholder of the rescue sequence: a loopback address of the
 * socket's family, never advertised (ADD-IP is off while it is bound, and
 * no association has it when it is removed).
 */
static void dar_placeholder(const struct sctp_dar_sockview *sv,
			    union sctp_addr *ph)
{
	memset(ph, 0, sizeof(*ph));
	if (sv->family == AF_INET6 && sv->v6only) {
		ph->v6.sin6_family = AF_INET6;
		ph->v6.sin6_addr = in6addr_loopback;
	} else {
		ph->v4.sin_family = AF_INET;
		ph->v4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	}
}

/* Point every association at a path routed over the new address's device
 * before the rescue ASCONF is built, so that it leaves on a live link.
 */
static void dar_rescue_paths(struct sctp_dar_reconf *r,
			     struct sctp_dar_sock *s,
			     struct sctp_dar_socksnap *snap,
			     const union sctp_addr *add)
{
	const struct sctp_dar_haddr *ha = sctp_dar_hostview_find(r->hv, add);
	unsigned int i;
	int pi;

	if (!ha)
		return;
	for (i = 0; i < snap->nav; i++) {
		struct sctp_dar_asocview *av = &snap->av[i];

		if (av->np < 2)
			continue;
		sctp_dar_assoc_route_paths(r->net, add, av);
		pi = sctp_dar_policy_pick_path(av, ha->ifindex);
		if (pi >= 0 && !av->p[pi].primary &&
		    av->p[pi].ifindex == ha->ifindex)
			sctp_dar_assoc_set_primary(s, av->id, &av->p[pi].a);
	}
}

/* Specifically-bound socket whose associations lost every usable address
 * while a new one appeared: DELETE first (the kernel keeps the DELETE of an
 * association's last address pending), then ADD (bundled with it, allowed
 * to leave from the new address). The kernel refuses to remove an
 * endpoint's last address, hence the placeholder.
 */
static void dar_rescue(struct sctp_dar_reconf *r, struct sctp_dar_sock *s,
		       struct sctp_dar_socksnap *snap,
		       const struct sctp_dar_ep_plan *plan)
{
	union sctp_addr ph;
	unsigned int i;
	int err;

	dar_rescue_paths(r, s, snap, &plan->add[0]);

	if (plan->placeholder) {
		dar_placeholder(&snap->sv, &ph);
		err = sctp_dar_assoc_asconf_supported(s, false);
		if (err)
			goto err_plain_add;
		err = sctp_dar_assoc_bindx(s, true, &ph, 1);
		if (sctp_dar_assoc_asconf_supported(s, true))
			pr_warn_ratelimited("netns %u: port %u: could not switch ADD-IP back on\n",
					    r->net->ns.inum, snap->sv.port);
		if (err)
			goto err_plain_add;
	}

	for (i = 0; i < plan->nrem; i++) {
		err = sctp_dar_assoc_bindx(s, false, &plan->rem[i], 1);
		if (!err)
			dar_count(r, SCTP_DAR_A_STATS_BINDX_REM, 1);
	}
	err = sctp_dar_assoc_bindx(s, true, plan->add, plan->nadd);
	if (!err)
		dar_count(r, SCTP_DAR_A_STATS_BINDX_ADD, plan->nadd);
	/* A Linux peer refuses the DELETE bundled with the ADD (its lookup
	 * address is the deleted one), and until an ASCONF succeeds
	 * entirely the kernel sends no DATA: queue the DELETE again right
	 * behind, named by the new address (see dar_redelete()).
	 */
	for (i = 0; i < plan->nrem; i++)
		dar_redelete(r, s, snap, &plan->rem[i]);
	if (plan->placeholder)
		sctp_dar_assoc_bindx(s, false, &ph, 1);
	dar_count(r, SCTP_DAR_A_STATS_RESCUES, 1);
	pr_debug("netns %u: port %u: rescued (%u removed before %u added)\n",
		 r->net->ns.inum, snap->sv.port, plan->nrem, plan->nadd);
	return;

err_plain_add:
	pr_debug("netns %u: port %u: no placeholder (%d), plain ADD\n",
		 r->net->ns.inum, snap->sv.port, err);
	if (!sctp_dar_assoc_bindx(s, true, plan->add, plan->nadd))
		dar_count(r, SCTP_DAR_A_STATS_BINDX_ADD, plan->nadd);
}

/* Specifically-bound socket: resend refused DELETEs (see dar_redelete()). */
static void dar_redelete_bound(struct sctp_dar_reconf *r, struct dar_pass *p,
			       struct sctp_dar_sock *s,
			       struct sctp_dar_socksnap *snap)
{
	union sctp_addr redel[DAR_MAX_REDEL];
	unsigned int i, j, k, n = 0;

	for (i = 0; i < snap->nav; i++) {
		const struct sctp_dar_asocview *av = &snap->av[i];
		struct sctp_dar_assoc *st;
		bool created;

		if (!av->del_pending || av->asconf_busy ||
		    sctp_dar_policy_blocked(&r->cfg, &snap->sv, av) ||
		    !sctp_dar_policy_has_usable_src(r->hv, av, NULL))
			continue;
		st = sctp_dar_assoc_get(&r->table, &snap->key[i], &created);
		if (!st || time_before(p->now, st->redel_at))
			continue;
		st->redel_at = p->now + DAR_RETRY;
		for (j = 0; j < av->nl; j++) {
			if (av->l[j].state != SCTP_DAR_LA_DEL)
				continue;
			for (k = 0; k < snap->sv.nep; k++)
				if (sctp_dar_sockaddr_equal(&snap->sv.ep[k],
							    &av->l[j].a))
					break;
			if (k == snap->sv.nep)
				dar_redel_add(redel, &n, &av->l[j].a);
		}
	}
	for (i = 0; i < n; i++)
		dar_redelete(r, s, snap, &redel[i]);
}

/* May the rescue of a specifically-bound socket go now: does the route
 * from the new address to every stranded association's peer leave over a
 * live link? (Else its single ASCONF would wait an RTO.)
 */
static bool dar_rescue_ready(struct sctp_dar_reconf *r, struct dar_pass *p,
			     struct sctp_dar_socksnap *snap,
			     const union sctp_addr *add)
{
	unsigned int i;

	for (i = 0; i < snap->nav; i++) {
		const struct sctp_dar_asocview *av = &snap->av[i];
		const union sctp_addr *path = dar_primary_path(av);
		struct sctp_dar_assoc *st;
		bool created;

		if (!path || sctp_dar_policy_blocked(&r->cfg, &snap->sv, av) ||
		    sctp_dar_policy_has_usable_src(r->hv, av, NULL))
			continue;
		st = sctp_dar_assoc_get(&r->table, &snap->key[i], &created);
		if (st && !dar_route_ready(r, p, &st->route_since, add, path))
			return false;
	}
	return true;
}

/* bindx ADD, all at once (one ASCONF), one by one if that fails (an
 * address may have vanished since the snapshot).
 */
static void dar_bindx_add(struct sctp_dar_reconf *r, struct sctp_dar_sock *s,
			  struct sctp_dar_socksnap *snap,
			  const union sctp_addr *add, unsigned int n)
{
	unsigned int i, k, added = 0;

	if (!sctp_dar_assoc_bindx(s, true, add, n)) {
		added = n;
	} else if (n > 1) {
		for (i = 0; i < n; i++)
			if (!sctp_dar_assoc_bindx(s, true, &add[i], 1))
				added++;
	}
	dar_count(r, SCTP_DAR_A_STATS_BINDX_ADD, added);
	pr_debug("netns %u: port %u: bindx ADD %pISc%s: %u added\n",
		 r->net->ns.inum, snap->sv.port, &add[0].sa,
		 n > 1 ? " and more" : "", added);
	if (!added)
		return;
	for (k = 0; k < snap->nav; k++) {
		struct sctp_dar_assoc *st;
		bool created;

		if (sctp_dar_policy_blocked(&r->cfg, &snap->sv, &snap->av[k]))
			continue;
		st = sctp_dar_assoc_get(&r->table, &snap->key[k], &created);
		if (st)
			st->stats.addrs_added += added;
		for (i = 0; i < n && i < added; i++)
			dar_report(r, SCTP_DAR_EVENT_TYPE_ADDR_ADDED, snap,
				   &snap->av[k], &add[i]);
	}
}

static void dar_bindx_rem(struct sctp_dar_reconf *r, struct sctp_dar_sock *s,
			  struct sctp_dar_socksnap *snap,
			  const union sctp_addr *rem)
{
	unsigned int k;
	int err;

	err = sctp_dar_assoc_bindx(s, false, rem, 1);
	if (err) {
		pr_debug("netns %u: port %u: bindx REM %pISc: %d\n",
			 r->net->ns.inum, snap->sv.port, &rem->sa, err);
		return;
	}
	dar_count(r, SCTP_DAR_A_STATS_BINDX_REM, 1);
	pr_debug("netns %u: port %u: bindx REM %pISc\n", r->net->ns.inum,
		 snap->sv.port, &rem->sa);
	for (k = 0; k < snap->nav; k++) {
		struct sctp_dar_assoc *st;
		bool created;
		unsigned int m;

		for (m = 0; m < snap->av[k].nl; m++)
			if (sctp_dar_sockaddr_equal(&snap->av[k].l[m].a, rem))
				break;
		if (m == snap->av[k].nl)
			continue;
		st = sctp_dar_assoc_get(&r->table, &snap->key[k], &created);
		if (st)
			st->stats.addrs_removed++;
		dar_report(r, SCTP_DAR_EVENT_TYPE_ADDR_REMOVED, snap,
			   &snap->av[k], rem);
	}
}

/* One socket of the pass. */
static void dar_pass_sock(struct sctp_dar_reconf *r, struct dar_pass *p,
			  struct sctp_dar_sock *s)
{
	struct sctp_dar_socksnap *snap = &p->snap;
	struct sctp_dar_ep_plan *plan = &p->plan;
	enum sctp_dar_manage m;
	bool idle = true, changed = false;
	unsigned int i;

	memset(plan, 0, sizeof(*plan));
	if (sctp_dar_assoc_snapshot(s, DAR_MAX_ASOCS, snap))
		return;
	/* Sockets found by the very first pass predate every address. */
	snap->sv.first_seen =
		sctp_dar_assoc_sock_first_seen(&r->table, s,
					       r->have_prev ? r->last_full :
							      p->now);
	m = sctp_dar_policy_manage(&r->cfg, &snap->sv);
	if (m == SCTP_DAR_UNMANAGED)
		goto out_free;
	p->managed = true;

	if (m == SCTP_DAR_MANAGED_WILDCARD) {
		dar_wildcard_sock(r, p, s, snap);
	} else {
		sctp_dar_policy_ep_plan(&r->cfg, r->hv, &snap->sv, snap->av,
					snap->nav, p->now, plan);
		if (plan->wait_until) {
			if (!r->wake_at || time_before(plan->wait_until,
						       r->wake_at))
				r->wake_at = plan->wait_until;
		}
		if (plan->rescue) {
			if (dar_rescue_ready(r, p, snap, &plan->add[0])) {
				dar_rescue(r, s, snap, plan);
				changed = true;
			}
			plan->nrem = 0;
		} else if (plan->nadd) {
			dar_bindx_add(r, s, snap, plan->add, plan->nadd);
			changed = true;
		}
	}

	for (i = 0; i < snap->nav; i++)
		if (!dar_asoc(r, p, s, snap, i))
			idle = false;

	/* A peer's DELETE-IP can leave DATA in flight that sctp.ko never
	 * retransmits: restart its timer, and look again soon.
	 */
	if (p->rtx_check && snap->nav) {
		unsigned int n = sctp_dar_assoc_rtx_rescue(s);

		if (n) {
			pr_info_ratelimited("netns %u: port %u: %u stalled path(s): retransmission timer restarted (DATA left in flight by a peer's address deletion)\n",
					    r->net->ns.inum, snap->sv.port, n);
			if (!r->wake_at ||
			    time_before(p->now + DAR_RTX_CHECK, r->wake_at))
				r->wake_at = p->now + DAR_RTX_CHECK;
		}
	}

	/* RFC 5061 order: DELETE only after the ADD and the SET_PRIMARY. */
	if (m == SCTP_DAR_MANAGED_BOUND && idle)
		dar_redelete_bound(r, p, s, snap);
	if (m == SCTP_DAR_MANAGED_BOUND && idle) {
		for (i = 0; i < plan->nrem; i++)
			dar_bindx_rem(r, s, snap, &plan->rem[i]);
		changed |= plan->nrem > 0;
	}
	if (m == SCTP_DAR_MANAGED_BOUND && plan->nwait)
		p->waiting = true;
	if (changed) {
		/* Look again soon: the new addresses show up as NEW. */
		p->waiting = true;
		dar_poll_in(p, 1);
	}
out_free:
	sctp_dar_assoc_snapshot_free(snap);
}

/* Has @hv usable addresses on more than one device? */
static bool dar_hv_multilink(const struct sctp_dar_hostview *hv)
{
	int first = 0;
	unsigned int i;

	for (i = 0; i < hv->n; i++) {
		if (!sctp_dar_haddr_usable(&hv->a[i]))
			continue;
		if (!first)
			first = hv->a[i].ifindex;
		else if (hv->a[i].ifindex != first)
			return true;
	}
	return false;
}

/* One pass. Return: jiffies until the next poll, 0 for none. */
static unsigned long dar_pass(struct sctp_dar_reconf *r)
{
	struct dar_pass *p;
	struct sctp_dar_sock *s;
	LIST_HEAD(socks);
	bool events, full, rtx_watch;
	unsigned long next = 0, watch, took, rtx_until;
	unsigned int i;
	u64 start_ns;
	int dropped;

	lockdep_assert_held(&r->lock);

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return HZ;	/* try again later */
	p->now = jiffies;

	events = dar_drain_events(r);
	dar_hostview_build(r, p->now);
	spin_lock_bh(&r->ev_lock);
	rtx_until = r->rtx_until;
	spin_unlock_bh(&r->ev_lock);
	rtx_watch = rtx_until && time_before(p->now, rtx_until);

	full = events || r->busy || !r->have_prev || rtx_watch ||
	       dar_hostview_changed(r->hv, r->prev) ||
	       (r->wake_at && time_after_eq(p->now, r->wake_at));
	if (full && r->cfg.paused) {
		/* Paused: keep the host view current, touch nothing.
		 * sctp_dar_reconf_set_cfg() forces a full pass on resume.
		 */
		full = false;
	}
	if (full) {
		start_ns = ktime_get_ns();
		dar_count(r, SCTP_DAR_A_STATS_PASSES, 1);
		r->wake_at = 0;
		p->events = events;
		if (time_after_eq(p->now, r->rtx_next)) {
			p->rtx_check = true;
			r->rtx_next = p->now + DAR_RTX_CHECK;
		}
		if (rtx_watch)
			dar_poll_in(p, DAR_RTX_CHECK);
		/* The stock auto_asconf timer must not run in a socket while
		 * this pass is in it (it does not look at the socket's owner):
		 * parked here, it fires when the pass is over, at once if
		 * this pass queued or switched on something, else at its own
		 * tick.
		 */
		if (r->cfg.manage_wildcard)
			sctp_dar_wq_park(r->net);
		dropped = sctp_dar_assoc_collect(r->net, &socks);
		dar_count(r, SCTP_DAR_A_STATS_SOCKETS_SKIPPED, dropped);
		list_for_each_entry(s, &socks, list) {
			/* The file is pinned only while this socket is
			 * looked at: an application's close() never waits
			 * for the whole pass.
			 */
			if (sctp_dar_assoc_sock_begin(s))
				continue;	/* closed since the walk */
			dar_pass_sock(r, p, s);
			sctp_dar_assoc_sock_end(s);
		}
		sctp_dar_assoc_release(&socks);
		if (r->cfg.manage_wildcard && !dar_pass_wildcard(r, p) &&
		    sctp_dar_wq_unpark(r->net))
			dar_poll_in(p, msecs_to_jiffies(SCTP_ADDRESS_TICK_DELAY));
		if (p->managed)
			dar_check_sysctls(r);
		if (!dropped) {
			sctp_dar_assoc_sweep(&r->table, false);
			r->last_full = p->now;
		}
		r->busy = p->waiting || p->watch;
		if (!p->waiting)
			r->event_ns = 0;
		took = nsecs_to_jiffies(ktime_get_ns() - start_ns);
		/* Changes under way poll soon (an ACK takes one round trip),
		 * but passes never take more than half of one CPU: with
		 * thousands of associations one pass takes long.
		 */
		next = p->next ? max(p->next, took) : 0;
		if (p->watch) {
			watch = max(DAR_QUALITY_POLL, DAR_QUALITY_DUTY * took);
			next = next ? min(next, watch) : watch;
		}
	}

	/* Things no notifier reports: DAD finishing, an IPv6 address being
	 * deprecated (its lifetimes running out, or changed through
	 * rtnetlink). Such polls only read the host; a full pass follows
	 * when something changed.
	 */
	for (i = 0; i < r->hv->n; i++) {
		if (r->hv->a[i].flags & SCTP_DAR_HA_TENTATIVE)
			next = next ? min(next, DAR_DAD_POLL) : DAR_DAD_POLL;
		else if (r->hv->a[i].a.sa.sa_family == AF_INET6)
			next = next ? min_t(unsigned long, next,
					    DAR_LIFETIME_POLL) :
				      DAR_LIFETIME_POLL;
	}
	/* Nor a default route that comes, goes or changes its metric
	 * (Documentation/design.md: why no FIB notifier): looked at while
	 * the choice between interfaces depends on them.
	 */
	if (r->cfg.route_metric && dar_hv_multilink(r->hv))
		next = next ? min(next, DAR_ROUTE_POLL) : DAR_ROUTE_POLL;
	if (r->wake_at) {
		unsigned long d = time_after(r->wake_at, p->now) ?
				  r->wake_at - p->now : 1;

		next = next ? min(next, d) : d;
	}

	swap(r->hv, r->prev);
	r->have_prev = true;
	kfree(p);
	return next;
}

static void dar_reconf_work(struct work_struct *work)
{
	struct sctp_dar_reconf *r = container_of(to_delayed_work(work),
						 struct sctp_dar_reconf, work);
	unsigned long next;

	mutex_lock(&r->lock);
	next = dar_pass(r);
	mutex_unlock(&r->lock);

	if (next) {
		spin_lock_bh(&r->ev_lock);
		dar_schedule_locked(r, next);
		spin_unlock_bh(&r->ev_lock);
	}
}

/* The engine state of @net for a manual request, with dar_manual_sem held
 * for reading; NULL (and the semaphore released) during module unload.
 */
static struct sctp_dar_reconf *dar_manual_get(struct net *net)
{
	struct sctp_dar_reconf *r;

	down_read(&dar_manual_sem);
	/* Only the namespace's exit clears it, and the caller keeps the
	 * namespace alive.
	 */
	r = dar_closing ? NULL :
	    rcu_dereference_protected(sctp_dar_net(net)->reconf, true);
	if (!r)
		up_read(&dar_manual_sem);
	return r;
}

/**
 * sctp_dar_reconf_pin - record an administrator's choice of a primary
 * @net: the namespace; kept alive by the caller
 * @key: the association's identity (taken under its socket lock)
 * @peer_primary: true: @addr is the local address just made the peer's
 *	primary; false: @addr is the peer address just made this end's
 * @addr: the address
 *
 * The engine keeps the choice, as it keeps an application's, until the
 * address stops being usable (see dar_pinned_local(), dar_pinned_path()).
 *
 * Context: process context; takes the namespace's reconf mutex.
 * Return: 0 (also during module unload: nothing is left to keep it), or
 * -ENOMEM when the choice cannot be recorded.
 */
int sctp_dar_reconf_pin(struct net *net, const struct sctp_dar_asockey *key,
			bool peer_primary, const union sctp_addr *addr)
{
	struct sctp_dar_assoc_ext *x;
	struct sctp_dar_reconf *r;
	struct sctp_dar_assoc *st;
	bool created;
	int err = 0;

	r = dar_manual_get(net);
	if (!r)
		return 0;
	mutex_lock(&r->lock);
	st = sctp_dar_assoc_get(&r->table, key, &created);
	x = st ? sctp_dar_assoc_ext(st) : NULL;
	if (x && peer_primary) {
		x->pin_want = *addr;
		st->want = *addr;
		st->peer_primary = *addr;
		dar_stage(st, SCTP_DAR_ST_IDLE, jiffies);
	} else if (x) {
		x->pin_path = *addr;
	} else {
		err = -ENOMEM;
	}
	mutex_unlock(&r->lock);
	up_read(&dar_manual_sem);
	return err;
}

/**
 * sctp_dar_reconf_assoc_info - sctp_dar's state of one association
 * @net: the namespace; kept alive by the caller
 * @key: the association's identity (taken under its socket lock)
 * @stats: receives its counters
 * @peer_primary: receives the local address last made the peer's primary
 *	(family 0 if none)
 *
 * Context: process context; takes the namespace's reconf mutex (so never
 * call it under a socket lock).
 * Return: 0, or -ENOENT when sctp_dar has no state for the association
 * (-ENODEV during module unload).
 */
int sctp_dar_reconf_assoc_info(struct net *net,
			       const struct sctp_dar_asockey *key,
			       struct sctp_dar_assoc_stats *stats,
			       union sctp_addr *peer_primary)
{
	struct sctp_dar_reconf *r = dar_manual_get(net);
	struct sctp_dar_assoc *st;
	int err = -ENOENT;

	if (!r)
		return -ENODEV;
	mutex_lock(&r->lock);
	st = sctp_dar_assoc_find(&r->table, key);
	if (st) {
		*stats = st->stats;
		*peer_primary = st->peer_primary;
		err = 0;
	}
	mutex_unlock(&r->lock);
	up_read(&dar_manual_sem);
	return err;
}

/**
 * sctp_dar_reconf_get_cfg - copy a namespace's policy
 * @net: the namespace; kept alive by the caller
 * @cfg: receives it
 *
 * Context: process context; takes the namespace's reconf mutex.
 * Return: 0, or -ENODEV while the module is being unloaded.
 */
int sctp_dar_reconf_get_cfg(struct net *net, struct sctp_dar_policy_cfg *cfg)
{
	struct sctp_dar_reconf *r = dar_manual_get(net);

	if (!r)
		return -ENODEV;
	mutex_lock(&r->lock);
	*cfg = r->cfg;
	mutex_unlock(&r->lock);
	up_read(&dar_manual_sem);
	return 0;
}

/**
 * sctp_dar_reconf_set_cfg - replace a namespace's policy
 * @net: the namespace; kept alive by the caller
 * @cfg: the new policy, already validated
 *
 * A full pass follows at once, so that the new policy applies to every
 * association (also when management resumes after a pause).
 *
 * Context: process context; takes the namespace's reconf mutex.
 * Return: 0, or -ENODEV while the module is being unloaded.
 */
int sctp_dar_reconf_set_cfg(struct net *net,
			    const struct sctp_dar_policy_cfg *cfg)
{
	struct sctp_dar_reconf *r = dar_manual_get(net);
	struct sctp_dar_net *dn = sctp_dar_net(net);

	if (!r)
		return -ENODEV;
	mutex_lock(&r->lock);
	r->cfg = *cfg;
	r->busy = true;
	/* Read without r->lock by the notifiers and the KUnit-visible
	 * per-namespace defaults.
	 */
	WRITE_ONCE(dn->debounce_ms, cfg->debounce_ms);
	WRITE_ONCE(dn->grace_ms, cfg->grace_ms);
	WRITE_ONCE(dn->holddown_ms, cfg->holddown_ms);
	WRITE_ONCE(dn->require_auth, cfg->require_auth);
	/* No pass runs the auto_asconf queue any more: the kernel does. */
	if (!cfg->manage_wildcard || cfg->paused)
		sctp_dar_wq_release(net);
	mutex_unlock(&r->lock);

	spin_lock_bh(&r->ev_lock);
	dar_schedule_locked(r, 0);
	spin_unlock_bh(&r->ev_lock);
	up_read(&dar_manual_sem);
	return 0;
}

/**
 * sctp_dar_reconf_update_cfg - change a namespace's policy in place
 * @net: the namespace; kept alive by the caller
 * @update: applies the change to the copy it is given; returns 0 or a
 *	negative errno (then nothing changes). Called under the namespace's
 *	reconf mutex: it must not sleep on anything the engine waits for.
 * @arg: @update's argument
 * @scratch: room for the copy (the caller allocates it, so that nothing
 *	is allocated under the mutex)
 *
 * Unlike sctp_dar_reconf_get_cfg() followed by sctp_dar_reconf_set_cfg(),
 * the change applies to the policy as it is at that moment, so it never
 * writes back a priority that the engine has just cleared for a vanished
 * link. A full pass follows, as after sctp_dar_reconf_set_cfg().
 *
 * Context: process context; takes the namespace's reconf mutex.
 * Return: 0, @update's error, or -ENODEV while the module is being
 * unloaded.
 */
int sctp_dar_reconf_update_cfg(struct net *net,
			       int (*update)(struct sctp_dar_policy_cfg *cfg,
					     void *arg),
			       void *arg, struct sctp_dar_policy_cfg *scratch)
{
	struct sctp_dar_reconf *r = dar_manual_get(net);
	struct sctp_dar_net *dn = sctp_dar_net(net);
	int err;

	if (!r)
		return -ENODEV;
	mutex_lock(&r->lock);
	*scratch = r->cfg;
	err = update(scratch, arg);
	if (!err) {
		r->cfg = *scratch;
		r->busy = true;
		/* As in sctp_dar_reconf_set_cfg(). */
		WRITE_ONCE(dn->debounce_ms, scratch->debounce_ms);
		WRITE_ONCE(dn->grace_ms, scratch->grace_ms);
		WRITE_ONCE(dn->holddown_ms, scratch->holddown_ms);
		WRITE_ONCE(dn->require_auth, scratch->require_auth);
		if (!scratch->manage_wildcard || scratch->paused)
			sctp_dar_wq_release(net);
	}
	mutex_unlock(&r->lock);

	if (!err) {
		spin_lock_bh(&r->ev_lock);
		dar_schedule_locked(r, 0);
		spin_unlock_bh(&r->ev_lock);
	}
	up_read(&dar_manual_sem);
	return err;
}

static int __net_init dar_reconf_net_init(struct net *net)
{
	struct sctp_dar_net *dn = sctp_dar_net(net);
	struct sctp_dar_reconf *r;

	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	r->hv = kzalloc(sizeof(*r->hv), GFP_KERNEL);
	if (!r->hv)
		goto err_free_reconf;
	r->prev = kzalloc(sizeof(*r->prev), GFP_KERNEL);
	if (!r->prev)
		goto err_free_hv;

	r->net = net;
	r->last_full = jiffies;
	r->rtx_next = jiffies;
	/* Quiet since long before: the first event is served at once. */
	r->served = jiffies - msecs_to_jiffies(SCTP_DAR_DEBOUNCE_MS_MAX) - 1;
	spin_lock_init(&r->ev_lock);
	INIT_LIST_HEAD(&r->ev_list);
	INIT_DELAYED_WORK(&r->work, dar_reconf_work);
	mutex_init(&r->lock);
	sctp_dar_assoc_table_init(&r->table);

	r->cfg.manage_wildcard = READ_ONCE(sctp_dar_param_manage_wildcard);
	r->cfg.route_metric = READ_ONCE(sctp_dar_param_route_metric);
	r->cfg.require_auth = dn->require_auth;
	r->cfg.grace_ms = dn->grace_ms;
	r->cfg.holddown_ms = dn->holddown_ms;
	r->cfg.debounce_ms = dn->debounce_ms;
	kernel_param_lock(THIS_MODULE);
	if (sctp_dar_policy_parse_ports(sctp_dar_param_manage_ports, &r->cfg))
		r->cfg.nports = 0;	/* validated when set; cannot happen */
	kernel_param_unlock(THIS_MODULE);

	rcu_assign_pointer(dn->reconf, r);

	/* The first pass records the addresses the host starts with, so
	 * that later ones are recognised as new.
	 */
	spin_lock_bh(&r->ev_lock);
	dar_schedule_locked(r, 0);
	spin_unlock_bh(&r->ev_lock);
	return 0;

err_free_hv:
	kfree(r->hv);
err_free_reconf:
	kfree(r);
	return -ENOMEM;
}

static void __net_exit dar_reconf_net_exit(struct net *net)
{
	struct sctp_dar_net *dn = sctp_dar_net(net);
	struct sctp_dar_hostev *ev, *tmp;
	struct sctp_dar_reconf *r;
	LIST_HEAD(events);

	r = rcu_replace_pointer(dn->reconf, NULL, true);
	if (!r)
		return;

	spin_lock_bh(&r->ev_lock);
	r->dying = true;
	list_splice_init(&r->ev_list, &events);
	spin_unlock_bh(&r->ev_lock);

	cancel_delayed_work_sync(&r->work);
	list_for_each_entry_safe(ev, tmp, &events, list)
		kfree(ev);
	/* No pass will run the auto_asconf queue: the kernel's timer does. */
	sctp_dar_wq_release(net);

	mutex_lock(&r->lock);
	sctp_dar_assoc_sweep(&r->table, true);
	mutex_unlock(&r->lock);
	mutex_destroy(&r->lock);
	kfree(r->prev);
	kfree(r->hv);
	/* Notifiers may still hold r under rcu_read_lock(). */
	kfree_rcu(r, rcu);
}

/* Registered after pernet.c's operations, so sctp_dar_net() is ready in
 * init and still there in exit.
 */
static struct pernet_operations dar_reconf_net_ops = {
	.init = dar_reconf_net_init,
	.exit = dar_reconf_net_exit,
};

/**
 * sctp_dar_reconf_init - start the engine in every namespace
 *
 * Context: process context (module init), after sctp_dar_pernet_init().
 * Return: 0 or a negative errno.
 */
int sctp_dar_reconf_init(void)
{
	int err;

	dar_closing = false;
	err = sctp_dar_assoc_cache_init();
	if (err)
		return err;
	dar_wq = alloc_workqueue("sctp_dar", WQ_UNBOUND, 0);
	if (!dar_wq) {
		err = -ENOMEM;
		goto err_cache;
	}
	err = register_pernet_subsys(&dar_reconf_net_ops);
	if (err)
		goto err_destroy_wq;
	return 0;

err_destroy_wq:
	destroy_workqueue(dar_wq);
	dar_wq = NULL;
err_cache:
	sctp_dar_assoc_cache_exit();
	return err;
}

/**
 * sctp_dar_reconf_exit - stop the engine everywhere
 *
 * The address notifiers must already be unregistered.
 *
 * Context: process context (module exit or init unwind).
 */
void sctp_dar_reconf_exit(void)
{
	down_write(&dar_manual_sem);
	dar_closing = true;
	up_write(&dar_manual_sem);
	unregister_pernet_subsys(&dar_reconf_net_ops);
	destroy_workqueue(dar_wq);
	dar_wq = NULL;
	/* Let the kfree_rcu() of every namespace's state complete. */
	rcu_barrier();
	/* Every namespace's table was swept empty by its exit. */
	sctp_dar_assoc_cache_exit();
}
