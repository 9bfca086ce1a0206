// SPDX-License-Identifier: GPL-2.0
/*
 * asconf_grace.c - the stragglers of a deleted address.
 *
 * When an address leaves an association (a DELETE-IP of ours or of the
 * peer), packets already on their way on the old path still arrive: the
 * DELETE usually travels another, faster path. The endpoint that no longer
 * has the address answers such a packet as out of the blue (RFC 9260
 * section 8.4): an ABORT with the T bit, carrying the tag of the packet it
 * answers. If that ABORT reaches the other end while its association still
 * matches the address pair (the DELETE not yet acknowledged, or the
 * address already added again), sctp.ko accepts it (the T bit and the
 * peer's tag make it valid) and the association ends, although every
 * other path is fine. Seen in make stress (flap_storm.sh): 1 to 8 of 200
 * associations lost per minute of flapping, every one of them that way.
 *
 * So the wire hook notes, for SCTP_DAR_GRACE_TIME after each DELETE-IP it
 * sees (ours going out, the peer's coming in), the deleted address and the
 * association's peer_vtag: the tag our packets to the peer carry, which an
 * out-of-the-blue answer reflects. An incoming ABORT with the T bit, that
 * tag, and the deleted address as its source or destination is dropped
 * and counted (stale-aborts). Nothing else is: a peer that really lost the
 * association answers the packets on the other paths too, and those
 * ABORTs pass.
 *
 * Locking: sctp_dar_grace.lock (BH-safe spinlock) protects the table; the
 * hooks take it under no other lock of ours, and take nothing under it.
 * Context: sctp_dar_grace_note() and sctp_dar_grace_holds() run in the
 * hooks (softirq, or process context with BH disabled or not) and never
 * sleep; init and destroy run in process context (pernet init and exit).
 */
#include <linux/jhash.h>
#include <linux/jiffies.h>
#include <linux/slab.h>

#include "asconf_grace.h"

/**
 * struct sctp_dar_grace_entry - one deleted address of one association
 * @node: in sctp_dar_grace.table
 * @peer_vtag: the tag our packets to the peer carry
 * @addr: the address deleted (ours or the peer's)
 * @expires: jiffies after which the entry means nothing
 */
struct sctp_dar_grace_entry {
	struct hlist_node node;
	u32 peer_vtag;
	struct sctp_dar_addr addr;
	unsigned long expires;
};

static u32 dar_grace_hash(u32 peer_vtag, const struct sctp_dar_addr *addr)
{
	return jhash(addr->addr, addr->family == AF_INET ? 4 : 16,
		     peer_vtag ^ addr->family);
}

/**
 * sctp_dar_grace_init - an empty table
 * @g: the table
 *
 * Context: process context.
 */
void sctp_dar_grace_init(struct sctp_dar_grace *g)
{
	spin_lock_init(&g->lock);
	hash_init(g->table);
	g->n = 0;
}

/**
 * sctp_dar_grace_destroy - free every entry
 * @g: the table, which no hook uses any more
 *
 * Context: process context (pernet exit, after the hooks are gone).
 */
void sctp_dar_grace_destroy(struct sctp_dar_grace *g)
{
	struct sctp_dar_grace_entry *e;
	struct hlist_node *tmp;
	unsigned int bkt;

	spin_lock_bh(&g->lock);
	hash_for_each_safe(g->table, bkt, tmp, e, node) {
		hash_del(&e->node);
		kfree(e);
	}
	g->n = 0;
	spin_unlock_bh(&g->lock);
}

/* Free the expired entries of the table (@all) or of one bucket. */
static void dar_grace_expire(struct sctp_dar_grace *g, u32 hash, bool all)
{
	struct sctp_dar_grace_entry *e;
	unsigned long now = jiffies;
	struct hlist_node *tmp;
	unsigned int bkt;

	lockdep_assert_held(&g->lock);
	if (all) {
		hash_for_each_safe(g->table, bkt, tmp, e, node) {
			if (time_after_eq(now, e->expires)) {
				hash_del(&e->node);
				kfree(e);
				g->n--;
			}
		}
		return;
	}
	hash_for_each_possible_safe(g->table, e, tmp, node, hash) {
		if (time_after_eq(now, e->expires)) {
			hash_del(&e->node);
			kfree(e);
			g->n--;
		}
	}
}

/**
 * sctp_dar_grace_note - an address was just deleted from an association
 * @g: the namespace's table
 * @peer_vtag: the association's peer_vtag (host order)
 * @addr: the address deleted
 *
 * Starts (or restarts) the address's grace. A full table, even after
 * expired entries are freed, or no memory: not noted (the association is
 * then as exposed as without sctp_dar, no worse).
 *
 * Context: any; does not sleep.
 */
void sctp_dar_grace_note(struct sctp_dar_grace *g, u32 peer_vtag,
			 const struct sctp_dar_addr *addr)
{
	u32 hash = dar_grace_hash(peer_vtag, addr);
	struct sctp_dar_grace_entry *e;

	if (addr->family != AF_INET && addr->family != AF_INET6)
		return;
	spin_lock_bh(&g->lock);
	dar_grace_expire(g, hash, false);
	hash_for_each_possible(g->table, e, node, hash) {
		if (e->peer_vtag == peer_vtag &&
		    sctp_dar_addr_equal(&e->addr, addr)) {
			e->expires = jiffies + SCTP_DAR_GRACE_TIME;
			goto out;
		}
	}
	if (g->n >= SCTP_DAR_GRACE_MAX)
		dar_grace_expire(g, 0, true);
	if (g->n >= SCTP_DAR_GRACE_MAX)
		goto out;
	e = kmalloc(sizeof(*e), GFP_ATOMIC);
	if (!e)
		goto out;
	e->peer_vtag = peer_vtag;
	e->addr = *addr;
	e->expires = jiffies + SCTP_DAR_GRACE_TIME;
	hash_add(g->table, &e->node, hash);
	g->n++;
out:
	spin_unlock_bh(&g->lock);
}

/**
 * sctp_dar_grace_holds - is @addr in its grace for the association?
 * @g: the namespace's table
 * @peer_vtag: the tag of an incoming out-of-the-blue ABORT (host order)
 * @addr: its source or destination address
 *
 * Context: any; does not sleep.
 * Return: true if @addr left the association with that tag less than
 * SCTP_DAR_GRACE_TIME ago.
 */
bool sctp_dar_grace_holds(struct sctp_dar_grace *g, u32 peer_vtag,
			  const struct sctp_dar_addr *addr)
{
	u32 hash = dar_grace_hash(peer_vtag, addr);
	struct sctp_dar_grace_entry *e;
	bool held = false;

	spin_lock_bh(&g->lock);
	hash_for_each_possible(g->table, e, node, hash) {
		if (e->peer_vtag == peer_vtag &&
		    sctp_dar_addr_equal(&e->addr, addr) &&
		    time_before(jiffies, e->expires)) {
			held = true;
			break;
		}
	}
	spin_unlock_bh(&g->lock);
	return held;
}
