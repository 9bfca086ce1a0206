// SPDX-License-Identifier: GPL-2.0
/*
 * auto_asconf.c - the kernel's auto_asconf queue, fed and run by sctp_dar.
 *
 * For a wildcard-bound socket only the kernel's auto_asconf can send ADD-IP
 * and DELETE-IP (bindx refuses a wildcard endpoint): sctp.ko's address
 * notifiers put an entry per host address event on net->sctp.addr_waitq
 * and arm net->sctp.addr_wq_timer (500 ms); its handler,
 * sctp_addr_wq_timeout_handler(), sends each entry to every association of
 * every socket on net->sctp.auto_asconf_splist. sctp_dar adds entries of its
 * own (a dead link's address, a DELETE ordered before an ADD) and decides
 * when they go.
 *
 * The stock handler runs in softirq and takes each socket with
 * bh_lock_sock() only: it never looks at whether a process owns the socket.
 * An application sending on a wildcard association at that moment (its
 * sendmsg() owns the socket and flushes the same outqueue and packet) races
 * with it: seen in make check, stock 6.1, roam_defaults.sh, a NULL chunk
 * freed in sctp_packet_transmit() called from the handler (kernel panic;
 * the hang of stops 16 to 18, both CPUs stuck in sctp_stream right after
 * a wildcard association came up, fits it too). sctp_dar switches
 * auto_asconf on for the wildcard sockets it manages, so it must not let
 * that handler loose on them. So, in a namespace whose wildcard sockets
 * sctp_dar manages:
 *  - the timer never fires by itself: every host event defers it
 *    (sctp_dar_wq_defer(), from the notifiers), every pass parks it
 *    (sctp_dar_wq_park()), and each is followed by a pass;
 *  - the pass runs the queue itself (sctp_dar_wq_run()), one socket at a
 *    time: it owns the socket (lock_sock(), so no application is inside
 *    it and received packets go to the backlog), makes it the only one on
 *    the auto_asconf list and a copy of the waiting events the only ones
 *    on the queue, and calls the kernel's own handler (the timer's
 *    function, with BH disabled as in a timer) before putting everything
 *    back. Each socket thus gets every event, in order, from the kernel's
 *    own code, with no application inside it.
 * With sctp_dar paused, not managing wildcard sockets, or unloaded, the
 * timer is given back (sctp_dar_wq_release()).
 *
 * Locking: net->sctp.addr_wq_lock (the kernel's, spin_lock_bh) protects
 * the queue, the timer and the auto_asconf list; a socket's
 * do_auto_asconf and list membership change only under both its socket
 * lock and addr_wq_lock. Order: reconf mutex -> socket lock ->
 * addr_wq_lock -> (the handler's) bh_lock_sock.
 * Context: sctp_dar_wq_defer() any but hard IRQ; the rest process context
 * (the engine's worker, reconf mutex held), and sctp_dar_wq_run(),
 * sctp_dar_wq_kick(), sctp_dar_wq_unpark() and sctp_dar_wq_park() may
 * sleep.
 */
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <net/net_namespace.h>
#include <net/sctp/sctp.h>
#include <net/sock.h>

#include "assoc.h"
#include "auto_asconf.h"
#include "policy.h"

/* How long a parked timer waits: far longer than any pass; every pass
 * parks it again or gives it back.
 */
#define DAR_WQ_PARK		(30 * HZ)

/* Marks sctp_dar's copies of queued events (in ->valid, which neither the
 * handler nor the kernel's queue reads; the kernel's own entries have 1).
 */
#define DAR_WQ_COPY		0xda

static bool dar_wq_same(const struct sctp_sockaddr_entry *e,
			const union sctp_addr *a)
{
	return sctp_dar_sockaddr_equal(&e->a, a);
}

/**
 * sctp_dar_wq_queued - is an event for @a waiting in the queue?
 * @net: the namespace
 * @a: the address
 *
 * Context: process context (takes net->sctp.addr_wq_lock, BH off).
 * Return: true when an ADD or DELETE of @a is queued.
 */
bool sctp_dar_wq_queued(struct net *net, const union sctp_addr *a)
{
	struct sctp_sockaddr_entry *e;
	bool found = false;

	spin_lock_bh(&net->sctp.addr_wq_lock);
	list_for_each_entry(e, &net->sctp.addr_waitq, list) {
		if (dar_wq_same(e, a)) {
			found = true;
			break;
		}
	}
	spin_unlock_bh(&net->sctp.addr_wq_lock);
	return found;
}

/**
 * sctp_dar_wq_inject - queue an address event for auto_asconf
 * @net: the namespace
 * @a: the address
 * @add: ADD (true) or DELETE (false)
 * @where: SCTP_DAR_WQ_TAIL, or SCTP_DAR_WQ_HEAD to queue it first, before
 *	the events already waiting (a DELETE of a dead address must precede
 *	the ADD of its replacement so that the kernel keeps it pending and
 *	bundles it with that ADD), or SCTP_DAR_WQ_AGAIN to queue it last
 *	even if an event for the address is waiting (the DELETE that follows
 *	that ADD: see reconf.c)
 *
 * The next run sends the event to every association of every wildcard-bound
 * socket with auto_asconf on. Like the kernel's own sctp_addr_wq_mgmt(), an
 * opposite event already queued for the same address is cancelled instead
 * (except with SCTP_DAR_WQ_AGAIN).
 *
 * Context: process context; may sleep (allocates).
 * Return: 1 when queued, 0 when cancelled or already queued, -ENOMEM.
 */
int sctp_dar_wq_inject(struct net *net, const union sctp_addr *a, bool add,
		       enum sctp_dar_wq_where where)
{
	struct sctp_sockaddr_entry *e, *old;
	int state = add ? SCTP_ADDR_NEW : SCTP_ADDR_DEL;
	int ret = 1;

	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	e->a = *a;
	e->a.v4.sin_port = 0;
	e->state = state;
	e->valid = 1;

	spin_lock_bh(&net->sctp.addr_wq_lock);
	list_for_each_entry(old, &net->sctp.addr_waitq, list) {
		if (where == SCTP_DAR_WQ_AGAIN || !dar_wq_same(old, a))
			continue;
		if (old->state != state) {
			list_del(&old->list);
			kfree(old);
		}
		ret = 0;
		break;
	}
	if (ret) {
		if (where == SCTP_DAR_WQ_HEAD)
			list_add(&e->list, &net->sctp.addr_waitq);
		else
			list_add_tail(&e->list, &net->sctp.addr_waitq);
		e = NULL;
	}
	spin_unlock_bh(&net->sctp.addr_wq_lock);
	kfree(e);
	return ret;
}

/* Keep the timer from firing for DAR_WQ_PARK. Caller holds addr_wq_lock. */
static void dar_wq_park_locked(struct net *net)
{
	lockdep_assert_held(&net->sctp.addr_wq_lock);
	mod_timer(&net->sctp.addr_wq_timer, jiffies + DAR_WQ_PARK);
}

/**
 * sctp_dar_wq_park - keep the kernel's handler from running on its own
 * @net: the namespace
 *
 * Waits for a handler already running to finish, then leaves the timer
 * pending far in the future: the kernel's notifiers arm it only when it
 * is not pending.
 *
 * Context: process context; may sleep (waits for the handler).
 */
void sctp_dar_wq_park(struct net *net)
{
	timer_delete_sync(&net->sctp.addr_wq_timer);
	spin_lock_bh(&net->sctp.addr_wq_lock);
	dar_wq_park_locked(net);
	spin_unlock_bh(&net->sctp.addr_wq_lock);
}

/**
 * sctp_dar_wq_defer - keep the timer from firing: a pass will run the queue
 * @net: the namespace
 *
 * From the notifiers, for a host event, before or after sctp.ko's own
 * notifier queued it and armed the timer for 500 ms: either way the timer
 * ends up parked, and the pass the event starts runs the queue. From a
 * pass, while a new address's ADD must wait (for routing to reach it, so
 * that it leaves from that address, or for a DELETE to go first): the
 * pass comes back within a tick (SCTP_ADDRESS_TICK_DELAY).
 *
 * Context: any but hard IRQ (takes addr_wq_lock, BH off).
 */
void sctp_dar_wq_defer(struct net *net)
{
	spin_lock_bh(&net->sctp.addr_wq_lock);
	dar_wq_park_locked(net);
	spin_unlock_bh(&net->sctp.addr_wq_lock);
}

/* The handler's sctp_is_ep_boundall(), which sctp.ko does not export: one
 * bound address, the wildcard. Caller owns @sk.
 */
static bool dar_wq_boundall(struct sock *sk)
{
	struct sctp_bind_addr *bp = &sctp_sk(sk)->ep->base.bind_addr;
	struct sctp_sockaddr_entry *a;

	if (!list_is_singular(&bp->address_list))
		return false;
	a = list_first_entry(&bp->address_list, struct sctp_sockaddr_entry,
			     list);
	return sctp_dar_assoc_addr_is_any(&a->a);
}

/* Run the kernel's handler on a copy of @batch (@len events) for @sk
 * alone, owning @sk. Return: how many of the events are done for @sk (all
 * of them if it is no longer on the auto_asconf list); the handler leaves
 * the rest (an IPv6 address still in DAD, and what follows it) for a later
 * run, and so does a failed allocation.
 */
static noinline unsigned int dar_wq_run_sock(struct net *net,
					     struct sock *sk,
					     struct list_head *batch,
					     unsigned int len)
{
	struct timer_list *timer = &net->sctp.addr_wq_timer;
	struct sctp_sockaddr_entry *e, *c, *tmp;
	struct sctp_sock *sp = sctp_sk(sk);
	unsigned int n = 0, left = 0;
	LIST_HEAD(copies);
	LIST_HEAD(others);
	LIST_HEAD(newer);

	/* Copies first: nothing is allocated under the locks. */
	list_for_each_entry(e, batch, list) {
		c = kmemdup(e, sizeof(*e), GFP_KERNEL);
		if (!c)
			goto out_free;
		c->valid = DAR_WQ_COPY;
		list_add_tail(&c->list, &copies);
		n++;
	}

	lock_sock(sk);
	spin_lock_bh(&net->sctp.addr_wq_lock);
	/* The application (setsockopt) and close change do_auto_asconf and
	 * the list membership only under both locks.
	 */
	if (!sp->do_auto_asconf || sock_flag(sk, SOCK_DEAD) ||
	    !dar_wq_boundall(sk)) {
		/* Off the list since, or one the handler skips. */
		spin_unlock_bh(&net->sctp.addr_wq_lock);
		release_sock(sk);
		left = len;
		goto out_free;
	}
	list_splice_init(&net->sctp.auto_asconf_splist, &others);
	list_move(&sp->auto_asconf_list, &net->sctp.auto_asconf_splist);
	list_splice_init(&net->sctp.addr_waitq, &newer);
	list_splice_init(&copies, &net->sctp.addr_waitq);
	spin_unlock_bh(&net->sctp.addr_wq_lock);

	/* As the timer would, but with @sk owned by us. */
	local_bh_disable();
	timer->function(timer);
	local_bh_enable();

	spin_lock_bh(&net->sctp.addr_wq_lock);
	/* Left: copies the handler did not take, and events the kernel
	 * queued between the two locks that it did not reach; those go back.
	 */
	list_for_each_entry_safe(c, tmp, &net->sctp.addr_waitq, list) {
		if (c->valid == DAR_WQ_COPY) {
			list_del(&c->list);
			kfree(c);
			left++;
		} else {
			list_move_tail(&c->list, &newer);
		}
	}
	list_splice_init(&newer, &net->sctp.addr_waitq);
	list_splice_tail_init(&others, &net->sctp.auto_asconf_splist);
	/* The handler re-arms the timer for an address in DAD. */
	dar_wq_park_locked(net);
	spin_unlock_bh(&net->sctp.addr_wq_lock);
	release_sock(sk);
	return n - left;

out_free:
	/* @left is 0 (no memory: all of it waits) or @len (nothing to do) */
	list_for_each_entry_safe(c, tmp, &copies, list) {
		list_del(&c->list);
		kfree(c);
	}
	return left;
}

/* Hold every socket on the auto_asconf list, up to @cap, into @socks.
 * Caller holds addr_wq_lock. Return: how many are on the list.
 */
static unsigned int dar_wq_collect(struct net *net, struct sock **socks,
				   unsigned int cap, unsigned int *held)
{
	struct sctp_sock *sp;
	unsigned int total = 0;

	lockdep_assert_held(&net->sctp.addr_wq_lock);
	*held = 0;
	list_for_each_entry(sp, &net->sctp.auto_asconf_splist,
			    auto_asconf_list) {
		if (*held < cap) {
			socks[*held] = sctp_opt2sk(sp);
			sock_hold(socks[*held]);
			(*held)++;
		}
		total++;
	}
	return total;
}

/**
 * sctp_dar_wq_run - send the waiting events now, each socket owned
 * @net: the namespace
 *
 * Every socket on the auto_asconf list gets every waiting event from the
 * kernel's own handler, one socket at a time and with that socket owned
 * (see the top of this file). The timer stays parked.
 *
 * Context: process context; may sleep (takes socket locks).
 * Return: true when events remain queued (an IPv6 address still in DAD):
 * run again within a tick.
 */
bool sctp_dar_wq_run(struct net *net)
{
	unsigned int cap = 0, total, held, len = 0, done, i;
	struct sctp_sockaddr_entry *e, *tmp;
	struct sock **socks = NULL;
	LIST_HEAD(batch);

	sctp_dar_wq_park(net);
	for (;;) {
		spin_lock_bh(&net->sctp.addr_wq_lock);
		if (list_empty(&net->sctp.addr_waitq)) {
			spin_unlock_bh(&net->sctp.addr_wq_lock);
			kfree(socks);
			return false;
		}
		total = dar_wq_collect(net, socks, cap, &held);
		if (total <= cap) {
			list_splice_init(&net->sctp.addr_waitq, &batch);
			spin_unlock_bh(&net->sctp.addr_wq_lock);
			break;
		}
		spin_unlock_bh(&net->sctp.addr_wq_lock);
		for (i = 0; i < held; i++)
			sock_put(socks[i]);
		kfree(socks);
		cap = total + 8;
		socks = kcalloc(cap, sizeof(*socks), GFP_KERNEL);
		if (!socks)
			return true;	/* the events wait: try again */
	}

	list_for_each_entry(e, &batch, list)
		len++;
	done = len;
	for (i = 0; i < held; i++) {
		done = min(done, dar_wq_run_sock(net, socks[i], &batch, len));
		sock_put(socks[i]);
	}
	kfree(socks);

	/* What every socket took is done; from the first event one of them
	 * did not take, the batch waits for the next run, first in line.
	 */
	i = 0;
	list_for_each_entry_safe(e, tmp, &batch, list) {
		if (i++ >= done)
			break;
		list_del(&e->list);
		kfree(e);
	}
	if (list_empty(&batch))
		return false;
	spin_lock_bh(&net->sctp.addr_wq_lock);
	list_splice(&batch, &net->sctp.addr_waitq);
	dar_wq_park_locked(net);
	spin_unlock_bh(&net->sctp.addr_wq_lock);
	return true;
}

/**
 * sctp_dar_wq_kick - send the waiting events now rather than at the
 * kernel's 500 ms tick
 * @net: the namespace
 *
 * Context: process context; may sleep.
 * Return: true when events were waiting (and were run).
 */
bool sctp_dar_wq_kick(struct net *net)
{
	bool queued;

	spin_lock_bh(&net->sctp.addr_wq_lock);
	queued = !list_empty(&net->sctp.addr_waitq);
	spin_unlock_bh(&net->sctp.addr_wq_lock);
	if (queued)
		sctp_dar_wq_run(net);
	return queued;
}

/**
 * sctp_dar_wq_unpark - the pass is over: run what waits
 * @net: the namespace
 *
 * The events the kernel queued meanwhile are run now (by the kernel they
 * would have gone at its next tick); with none, the timer is simply
 * stopped, as the kernel leaves it when idle.
 *
 * Context: process context; may sleep.
 * Return: true when events remain queued: come back within a tick.
 */
bool sctp_dar_wq_unpark(struct net *net)
{
	bool queued;

	spin_lock_bh(&net->sctp.addr_wq_lock);
	queued = !list_empty(&net->sctp.addr_waitq);
	if (!queued)
		timer_delete(&net->sctp.addr_wq_timer);
	spin_unlock_bh(&net->sctp.addr_wq_lock);
	return queued && sctp_dar_wq_run(net);
}

/**
 * sctp_dar_wq_release - give the timer back to the kernel
 * @net: the namespace
 *
 * For a namespace sctp_dar stops running the queue for (paused, wildcard
 * sockets no longer managed, module unload): what waits goes at the
 * kernel's own tick.
 *
 * Context: process context (takes addr_wq_lock, BH off).
 */
void sctp_dar_wq_release(struct net *net)
{
	spin_lock_bh(&net->sctp.addr_wq_lock);
	if (list_empty(&net->sctp.addr_waitq))
		timer_delete(&net->sctp.addr_wq_timer);
	else
		mod_timer(&net->sctp.addr_wq_timer, jiffies +
			  msecs_to_jiffies(SCTP_ADDRESS_TICK_DELAY));
	spin_unlock_bh(&net->sctp.addr_wq_lock);
}
