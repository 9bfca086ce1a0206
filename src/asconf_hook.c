// SPDX-License-Identifier: GPL-2.0
/*
 * asconf_hook.c - the ASCONF wire hook (RFC 5061 on the wire).
 *
 * Netfilter hooks in every network namespace, IPv4 and IPv6:
 * - LOCAL_IN: each ASCONF a peer sends is matched to its association and
 *   checked (asconf_verify.c); the verdict is counted and reported as an
 *   asconf-received event, and dropped when verify_enforce is set, which
 *   also refuses what cannot be inspected in full (fail closed). Each
 *   ASCONF-ACK is matched with the ASCONF this host sent: the latency and
 *   the peer's answer (success, or its Error Cause, which sctp.ko keeps
 *   to itself) become asconf-acked / asconf-rejected events, counters and
 *   tracepoints.
 * - LOCAL_OUT: each ASCONF an SCTP socket sends is recorded (serial, time)
 *   and reported as asconf-sent; retransmissions are not counted again.
 * - LOCAL_OUT, INIT and INIT-ACK: init_primary.c may add Set Primary
 *   (not to one inside UDP: the datagram's length would be wrong).
 * - Both ways, DELETE-IP: the deleted address is noted for a grace period
 *   (asconf_grace.c); LOCAL_IN drops an out-of-the-blue ABORT (T bit)
 *   that answers a packet still in flight from or to it.
 * SCTP inside UDP (RFC 6951, to or from the namespace's net.sctp.udp_port)
 * is read like plain SCTP from the UDP payload on (dar_udp_encap()).
 * Every other packet pays a protocol test; SCTP packets without these
 * chunks a walk over at most DAR_MAX_CHUNKS chunk headers, or over all
 * of them (bounded by the packet's length) when enforcing. Packets are
 * read, never written (asconf_parse.c over skb_header_pointer()): at
 * LOCAL_IN the skb may be a shared clone, linear only up to the IP
 * header; init_primary.c writes only to outgoing INITs it made writable.
 *
 * Per-association wire state (struct dar_wire_assoc): the rate limiter and
 * the ASCONF in flight. At most DAR_WIRE_MAX per namespace (beyond that,
 * exchanges are counted as asconf-untracked); a work item frees entries
 * of associations that are gone every DAR_GC_INTERVAL, and idle ones.
 *
 * Locking:
 * - dar_wire_net.lock (spinlock, BH-safe) protects the namespace's table
 *   of wire state and every field of its entries. Taken by the hooks
 *   (softirq; LOCAL_OUT also in process context, hence _bh) and by the
 *   GC work. Nothing is taken under it but sctp.ko's RCU lookup (GC),
 *   which takes no lock. Events are sent after it is released.
 * - sctp_dar_grace.lock (in dar_wire_net, BH-safe): the namespace's
 *   recently deleted addresses (asconf_grace.c); taken under no other.
 * - dar_deny is an RCU pointer: the deny_prefixes parameter's setter
 *   replaces it (writers serialised by kernel_param_lock), the hooks read
 *   it under rcu_read_lock() (netfilter's).
 *
 * Contexts: dar_wire_*_hook() run from netfilter under rcu_read_lock(),
 * in softirq (LOCAL_IN) or with BH disabled or enabled (LOCAL_OUT), and
 * never sleep; dar_wire_gc_work() is a workqueue item; the pernet init
 * and exit run in process context.
 */
#include <linux/hashtable.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/netfilter.h>
#include <linux/netfilter_ipv4.h>
#include <linux/netfilter_ipv6.h>
#include <linux/sctp.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/udp.h>
#include <linux/workqueue.h>
#include <net/ipv6.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>
#include <net/sctp/sctp.h>
#include <net/sock.h>

#include "asconf_codec.h"
#include "asconf_grace.h"
#include "asconf_hook.h"
#include "asconf_parse.h"
#include "asconf_verify.h"
#include "init_primary.h"
#include "netlink.h"
#include "pernet.h"
#include "reconf.h"
#include "sctp_glue.h"
#include "stats.h"

#define CREATE_TRACE_POINTS
#include "asconf_trace.h"

#define DAR_MAX_CHUNKS		16	/* chunk headers walked, observing */
#define DAR_CHUNK_BUF		1024	/* largest ASCONF(-ACK) decoded */
#define DAR_WIRE_HASH_BITS	6
#define DAR_WIRE_MAX		1024	/* wire state entries per netns */
#define DAR_GC_INTERVAL		(5 * HZ)
#define DAR_IDLE		(60 * HZ)	/* free an idle entry after */
#define DAR_PENDING_MAX		(120 * HZ)	/* forget an unanswered ASCONF */
#define DAR_DENY_TEXT_LEN	512

/* ---- module parameters ------------------------------------------------- */

/* They live here rather than in main.c: they configure this part only and
 * are read at packet time, so a change applies at once in every namespace.
 */
static bool dar_enforce;
static unsigned int dar_rate = 10;
static unsigned int dar_burst = 20;
static char dar_deny_text[DAR_DENY_TEXT_LEN];
static struct sctp_dar_deny_list __rcu *dar_deny;

module_param_named(verify_enforce, dar_enforce, bool, 0644);
MODULE_PARM_DESC(verify_enforce,
		 "Drop received ASCONF chunks that fail a wire check (default N: count and report only)");
module_param_named(asconf_rate, dar_rate, uint, 0644);
MODULE_PARM_DESC(asconf_rate,
		 "ASCONF chunks per second a peer may send on one association; 0: no limit (default 10)");
module_param_named(asconf_burst, dar_burst, uint, 0644);
MODULE_PARM_DESC(asconf_burst,
		 "ASCONF chunks a peer may send at once on one association (default 20)");

/* deny_prefixes: parsed when set, so a bad list is refused at once. */
static int dar_param_set_deny(const char *val, const struct kernel_param *kp)
{
	struct sctp_dar_deny_list *nl, *old;
	size_t len = strlen(val);
	int err;

	if (len && val[len - 1] == '\n')
		len--;
	if (len >= DAR_DENY_TEXT_LEN)
		return -EINVAL;
	nl = kmalloc(sizeof(*nl), GFP_KERNEL);
	if (!nl)
		return -ENOMEM;
	err = sctp_dar_deny_parse(val, nl);
	if (err) {
		kfree(nl);
		return err;
	}
	if (!nl->n) {
		kfree(nl);
		nl = NULL;
	}
	/* Writers are serialised by kernel_param_lock(). */
	old = rcu_replace_pointer(dar_deny, nl, true);
	if (old)
		kfree_rcu(old, rcu);
	memcpy(dar_deny_text, val, len);
	dar_deny_text[len] = '\0';
	return 0;
}

static int dar_param_get_deny(char *buf, const struct kernel_param *kp)
{
	return scnprintf(buf, PAGE_SIZE, "%s\n", dar_deny_text);
}

/* Called when the module goes (or fails to load), hooks long gone. */
static void dar_param_free_deny(void *arg)
{
	kfree(rcu_replace_pointer(dar_deny, NULL, true));
}

static const struct kernel_param_ops dar_deny_ops = {
	.set = dar_param_set_deny,
	.get = dar_param_get_deny,
	.free = dar_param_free_deny,
};

module_param_cb(deny_prefixes, &dar_deny_ops, NULL, 0644);
MODULE_PARM_DESC(deny_prefixes,
		 "Prefixes peers may not add to an association by ASCONF, \"10.9.0.0/16,2001:db8::/32\" (default none)");

/* ---- per-namespace wire state ------------------------------------------ */

/**
 * struct dar_wire_assoc - wire state of one association
 * @node: in dar_wire_net.table, hashed by @asoc
 * @asoc: the association, for identity only: never dereferenced
 * @id: its association id (with @asoc: a reused pointer is not confused)
 * @laddr: a local address and port of it, for the GC's lookup
 * @paddr: a peer address and port of it, likewise
 * @dif: the device index the hook saw, likewise
 * @used: jiffies of the last use
 * @rl: rate limiter of the ASCONF chunks the peer sends
 * @pending: an ASCONF of ours is waiting for its ASCONF-ACK
 * @serial: its serial number
 * @sent_ns: when it was first sent (ktime_get_ns())
 */
struct dar_wire_assoc {
	struct hlist_node node;
	const void *asoc;
	sctp_assoc_t id;
	union sctp_addr laddr;
	union sctp_addr paddr;
	int dif;
	unsigned long used;
	struct sctp_dar_ratelimit rl;
	bool pending;
	u32 serial;
	u64 sent_ns;
};

/**
 * struct dar_wire_net - the hook's state in one namespace
 * @lock: protects @table, @n and every entry (see Locking above)
 * @table: struct dar_wire_assoc by association
 * @n: entries in @table
 * @gc: frees entries of gone or idle associations
 * @net: the namespace
 * @grace: addresses just deleted from associations (its own lock)
 */
struct dar_wire_net {
	spinlock_t lock;	/* the table and its entries */
	DECLARE_HASHTABLE(table, DAR_WIRE_HASH_BITS);
	unsigned int n;
	struct delayed_work gc;
	struct net *net;
	struct sctp_dar_grace grace;
};

static unsigned int dar_wire_net_id __read_mostly;
/* Entries come from their own cache: they cost their size (136 bytes),
 * not kmalloc's 192, and show apart in /proc/slabinfo ("sctp_dar_wire").
 */
static struct kmem_cache *dar_wire_cache __read_mostly;

static struct dar_wire_net *dar_wire_net(const struct net *net)
{
	return net_generic(net, dar_wire_net_id);
}

/* Find the entry of @t's association, or create it (with @local and @dif,
 * what the GC needs to look the association up again) if @create.
 * Caller holds wn->lock. NULL if absent, or if the table is full.
 */
static struct dar_wire_assoc *__dar_entry_get(struct dar_wire_net *wn,
					      const struct sctp_transport *t,
					      const union sctp_addr *local,
					      int dif, bool create)
{
	const struct sctp_association *asoc = t->asoc;
	struct dar_wire_assoc *e;

	lockdep_assert_held(&wn->lock);
	hash_for_each_possible(wn->table, e, node, (unsigned long)asoc) {
		if (e->asoc == asoc && e->id == asoc->assoc_id) {
			e->used = jiffies;
			return e;
		}
	}
	if (!create || wn->n >= DAR_WIRE_MAX)
		return NULL;
	e = kmem_cache_zalloc(dar_wire_cache, GFP_ATOMIC);
	if (!e)
		return NULL;
	e->asoc = asoc;
	e->id = asoc->assoc_id;
	e->paddr = t->ipaddr;
	e->laddr = *local;
	e->dif = dif;
	e->used = jiffies;
	hash_add(wn->table, &e->node, (unsigned long)asoc);
	wn->n++;
	queue_delayed_work(system_wq, &wn->gc, DAR_GC_INTERVAL);
	return e;
}

static int dar_gc_same_cb(struct sctp_endpoint *ep, struct sctp_transport *t,
			  void *arg)
{
	const struct dar_wire_assoc *e = arg;

	return t->asoc == e->asoc && t->asoc->assoc_id == e->id;
}

static void dar_wire_gc_work(struct work_struct *work)
{
	struct dar_wire_net *wn = container_of(to_delayed_work(work),
					       struct dar_wire_net, gc);
	unsigned long now = jiffies;
	struct dar_wire_assoc *e;
	struct hlist_node *tmp;
	unsigned int bkt;
	bool alive;

	spin_lock_bh(&wn->lock);
	hash_for_each_safe(wn->table, bkt, tmp, e, node) {
		alive = sctp_dar_sctp_transport_lookup(wn->net, &e->laddr,
						       &e->paddr, e->dif,
						       dar_gc_same_cb, e) == 1;
		if (alive && e->pending &&
		    time_before(now, e->used + DAR_PENDING_MAX))
			continue;
		if (alive && !e->pending && time_before(now, e->used + DAR_IDLE))
			continue;
		hash_del(&e->node);
		wn->n--;
		kmem_cache_free(dar_wire_cache, e);
	}
	if (wn->n)
		queue_delayed_work(system_wq, &wn->gc, DAR_GC_INTERVAL);
	spin_unlock_bh(&wn->lock);
}

/* ---- packets ----------------------------------------------------------- */

/**
 * struct dar_pkt - the SCTP packet being looked at
 * @net: its namespace
 * @skb: the packet
 * @local: our address and port (destination in, source out)
 * @peer: the peer's address and port
 * @src: the packet's source address, codec form
 * @dst: its destination address, codec form
 * @vtag: the verification tag, host order
 * @dif: the device it came in or goes out on
 */
struct dar_pkt {
	struct net *net;
	struct sk_buff *skb;
	union sctp_addr local;
	union sctp_addr peer;
	struct sctp_dar_addr src;
	struct sctp_dar_addr dst;
	u32 vtag;
	int dif;
};

/* skb_header_pointer() as a struct sctp_dar_pkt_reader: read-only. */
static const void *dar_skb_read(const void *pkt, unsigned int off,
				unsigned int len, void *buf)
{
	return skb_header_pointer(pkt, off, len, buf);
}

/**
 * sctp_dar_skb_reader - read an skb with asconf_parse.c, never writing
 * @r: gets the reader
 * @skb: the packet, offsets counted from skb->data; linear or not, a
 *	clone or not; it must outlive @r
 *
 * Context: any.
 */
void sctp_dar_skb_reader(struct sctp_dar_pkt_reader *r,
			 const struct sk_buff *skb)
{
	r->read = dar_skb_read;
	r->pkt = skb;
	r->len = skb->len;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_skb_reader);

/* Scratch for decoding, allocated on the slow path only. */
struct dar_scratch {
	u8 chunk[DAR_CHUNK_BUF];
	union {
		struct sctp_dar_asconf asconf;
		struct sctp_dar_asconf_ack ack;
	};
};

static void dar_addr_to_sctp(union sctp_addr *u, const struct sctp_dar_addr *a,
			     __be16 port)
{
	memset(u, 0, sizeof(*u));
	if (a->family == AF_INET) {
		u->v4.sin_family = AF_INET;
		u->v4.sin_port = port;
		memcpy(&u->v4.sin_addr, a->addr, 4);
	} else {
		u->v6.sin6_family = AF_INET6;
		u->v6.sin6_port = port;
		memcpy(&u->v6.sin6_addr, a->addr, 16);
	}
}

static bool dar_sctp_addr_is(const union sctp_addr *u,
			     const struct sctp_dar_addr *a)
{
	if (u->sa.sa_family != a->family)
		return false;
	if (a->family == AF_INET)
		return !memcmp(&u->v4.sin_addr, a->addr, 4);
	return !memcmp(&u->v6.sin6_addr, a->addr, 16);
}

/* Is @a one of @asoc's peer addresses? Transports are added and removed
 * with list_add_tail_rcu()/list_del_rcu() and freed after a grace period.
 */
static bool dar_asoc_has_peer_rcu(const struct sctp_association *asoc,
				  const struct sctp_dar_addr *a)
{
	struct sctp_transport *t;
	bool found = false;

	rcu_read_lock();
	list_for_each_entry_rcu(t, &asoc->peer.transport_addr_list, transports) {
		if (dar_sctp_addr_is(&t->ipaddr, a)) {
			found = true;
			break;
		}
	}
	rcu_read_unlock();
	return found;
}

static void dar_event_asoc(struct sctp_dar_event *ev,
			   const struct sctp_association *asoc)
{
	ev->assoc_id = asoc->assoc_id;
	ev->lport = asoc->base.bind_addr.port;
	ev->pport = asoc->peer.port;
}

/* ---- inbound ASCONF ---------------------------------------------------- */

struct dar_rx_ctx {
	const struct dar_pkt *pk;
	const struct sctp_dar_asconf *a;
	const struct sctp_dar_deny_list *deny;
	struct sctp_dar_verify_in in;
	struct sctp_dar_event ev;
	enum sctp_dar_asconf_verdict v;
	const struct sctp_dar_addr *bad;
	u32 peer_vtag;
	bool untracked;
};

static int dar_rx_asconf_cb(struct sctp_endpoint *ep, struct sctp_transport *t,
			    void *arg)
{
	struct dar_rx_ctx *c = arg;
	const struct sctp_association *asoc = t->asoc;
	struct dar_wire_net *wn = dar_wire_net(c->pk->net);
	struct dar_wire_assoc *e;

	dar_event_asoc(&c->ev, asoc);
	c->peer_vtag = asoc->c.peer_vtag;
	c->in.vtag_ok = c->pk->vtag == asoc->c.my_vtag;
	c->in.lookup_known = sctp_dar_addr_is_any(&c->a->lookup) ||
			     dar_asoc_has_peer_rcu(asoc, &c->a->lookup);
	c->in.last_serial = READ_ONCE(asoc->peer.addip_serial);
	c->in.rate_ok = true;
	c->v = sctp_dar_verify_asconf(&c->in, c->deny, &c->bad);
	/* Only an ASCONF that passed every other check spends a token (and
	 * state): one with a wrong tag, without AUTH, or failing any other
	 * check cannot drain the peer's budget.
	 */
	if (c->v != SCTP_DAR_ASCONF_VERDICT_OK &&
	    c->v != SCTP_DAR_ASCONF_VERDICT_RETRANSMIT)
		return 0;

	spin_lock_bh(&wn->lock);
	e = __dar_entry_get(wn, t, &c->pk->local, c->pk->dif, true);
	if (e)
		c->in.rate_ok = sctp_dar_ratelimit_take(&e->rl, ktime_get_ns(),
							READ_ONCE(dar_rate),
							READ_ONCE(dar_burst));
	else
		c->untracked = true;
	spin_unlock_bh(&wn->lock);
	if (!c->in.rate_ok)
		c->v = SCTP_DAR_ASCONF_VERDICT_RATE_LIMITED;
	return 0;
}

/* Does the decoded ASCONF @a ask to delete an address? Only that can
 * strand DATA in sctp.ko (sctp_dar_reconf_peer_asconf()).
 */
static bool dar_asconf_has_del(const struct sctp_dar_asconf *a)
{
	unsigned int i;

	for (i = 0; i < a->n_req; i++)
		if (a->req[i].type == SCTP_DAR_PARAM_DEL_IP)
			return true;
	return false;
}

/* Start the grace of every address the decoded ASCONF @a deletes from the
 * association whose peer_vtag is @peer_vtag (see asconf_grace.c). A
 * wildcard DELETE (every address but the source) names none.
 */
static void dar_grace_dels(const struct dar_pkt *pk,
			   const struct sctp_dar_asconf *a, u32 peer_vtag)
{
	struct dar_wire_net *wn = dar_wire_net(pk->net);
	unsigned int i;

	for (i = 0; i < a->n_req; i++)
		if (a->req[i].type == SCTP_DAR_PARAM_DEL_IP &&
		    !sctp_dar_addr_is_any(&a->req[i].addr))
			sctp_dar_grace_note(&wn->grace, peer_vtag,
					    &a->req[i].addr);
}

/* Check the ASCONF chunk @ch, with @sc to decode it into (%NULL if it
 * could not be allocated). What cannot be inspected in full (no scratch,
 * larger than DAR_CHUNK_BUF, more requests or unknown parameters than the
 * codec keeps) gets the verdict uninspected, which @enforce refuses.
 * Return: true to drop the packet.
 */
static bool dar_rx_asconf(struct dar_pkt *pk, struct dar_scratch *sc,
			  const struct sctp_dar_chunk *ch, bool has_auth,
			  bool enforce)
{
	struct sctp_dar_stats *stats = &sctp_dar_net(pk->net)->stats;
	struct dar_rx_ctx c = { .pk = pk };
	const struct sctp_dar_addr *bad = NULL;
	enum sctp_dar_asconf_verdict v;
	struct sctp_dar_codec_err err;
	union sctp_addr badu, paddr;
	unsigned int n;
	bool drop;
	int ret;

	v = SCTP_DAR_ASCONF_VERDICT_UNINSPECTED;
	if (!sc || ch->len > DAR_CHUNK_BUF)
		goto report;
	n = min_t(unsigned int, ch->len, pk->skb->len - ch->off);
	if (skb_copy_bits(pk->skb, ch->off, sc->chunk, n))
		goto report;
	c.a = &sc->asconf;
	ret = sctp_dar_asconf_decode(sc->chunk, n, 0, &sc->asconf, &err);
	if (ret == -E2BIG)
		goto report;
	if (ret < 0) {
		v = SCTP_DAR_ASCONF_VERDICT_MALFORMED;
		net_dbg_ratelimited("sctp_dar: malformed ASCONF from %pISc: %s at %d\n",
				    &pk->peer.sa, err.msg, err.offset);
		goto report;
	}

	c.ev.serial = sc->asconf.serial;
	c.ev.has_serial = true;
	c.in.chunk = &sc->asconf;
	c.in.src = pk->src;
	c.in.has_auth = has_auth;
	c.in.need_auth = !READ_ONCE(pk->net->sctp.addip_noauth);
	c.deny = rcu_dereference(dar_deny);
	ret = sctp_dar_sctp_transport_lookup(pk->net, &pk->local, &pk->peer,
					     pk->dif, dar_rx_asconf_cb, &c);
	if (ret == -ENOENT && !sctp_dar_addr_is_any(&sc->asconf.lookup)) {
		/* A new source address: RFC 5061 section 4.1.1 names the
		 * association by the lookup address.
		 */
		dar_addr_to_sctp(&paddr, &sc->asconf.lookup,
				 pk->peer.v4.sin_port);
		ret = sctp_dar_sctp_transport_lookup(pk->net, &pk->local,
						     &paddr, pk->dif,
						     dar_rx_asconf_cb, &c);
	}
	if (ret) {
		v = SCTP_DAR_ASCONF_VERDICT_NO_ASSOC;
		bad = &sc->asconf.lookup;
		goto report;
	}
	if (c.untracked)
		sctp_dar_stats_inc(stats, SCTP_DAR_A_STATS_ASCONF_UNTRACKED);
	v = c.v;
	bad = c.bad;

report:
	drop = sctp_dar_verdict_drops(v, enforce);
	c.ev.type = SCTP_DAR_EVENT_TYPE_ASCONF_RECEIVED;
	c.ev.verdict = v;
	c.ev.counter = sctp_dar_verdict_counter(v);
	if (bad) {
		dar_addr_to_sctp(&badu, bad, 0);
		c.ev.addr = &badu;
	}
	sctp_dar_nl_event(pk->net, &c.ev);
	trace_sctp_dar_asconf_verdict(c.ev.assoc_id, c.ev.serial, v, drop);
	if (drop) {
		sctp_dar_stats_inc(stats, SCTP_DAR_A_STATS_ASCONF_RX_DROPPED);
	} else if (!c.in.chunk || dar_asconf_has_del(c.in.chunk)) {
		/* a DELETE-IP may strand DATA in sctp.ko: look for it */
		sctp_dar_reconf_peer_asconf(pk->net);
		if (c.in.chunk && c.in.vtag_ok)
			dar_grace_dels(pk, c.in.chunk, c.peer_vtag);
	}
	return drop;
}

/* ---- inbound ASCONF-ACK ------------------------------------------------ */

struct dar_ack_ctx {
	const struct dar_pkt *pk;
	u32 serial;
	struct sctp_dar_event ev;
	bool matched;
	u64 sent_ns;
};

static int dar_rx_ack_cb(struct sctp_endpoint *ep, struct sctp_transport *t,
			 void *arg)
{
	struct dar_ack_ctx *c = arg;
	struct dar_wire_net *wn = dar_wire_net(c->pk->net);
	struct dar_wire_assoc *e;

	if (c->pk->vtag != t->asoc->c.my_vtag)
		return 0;
	dar_event_asoc(&c->ev, t->asoc);
	spin_lock_bh(&wn->lock);
	e = __dar_entry_get(wn, t, &c->pk->local, c->pk->dif, false);
	if (e && e->pending && e->serial == c->serial) {
		e->pending = false;
		c->sent_ns = e->sent_ns;
		c->matched = true;
	}
	spin_unlock_bh(&wn->lock);
	return 0;
}

/* The address a rejected request was about: Linux puts the whole request
 * TLV (type, length, correlation id, address parameter) in the cause.
 */
static bool dar_rejected_addr(const struct sctp_dar_asconf_res *res,
			      union sctp_addr *u)
{
	struct sctp_dar_addr a;

	if (!res->info || res->info_len < 8 + 8 ||
	    sctp_dar_addr_param_decode(res->info + 8, res->info_len - 8, &a) < 0)
		return false;
	dar_addr_to_sctp(u, &a, 0);
	return true;
}

static void dar_rx_ack(struct dar_pkt *pk, struct dar_scratch *sc,
		       unsigned int off, unsigned int clen)
{
	struct sctp_dar_stats *stats = &sctp_dar_net(pk->net)->stats;
	struct sctp_dar_asconf_ack *k = &sc->ack;
	struct dar_ack_ctx c = { .pk = pk };
	struct sctp_dar_codec_err err;
	u32 n_err = 0, cause = 0, i;
	union sctp_addr u;
	unsigned int n;
	u64 lat;

	if (clen > DAR_CHUNK_BUF) {
		sctp_dar_stats_inc(stats, SCTP_DAR_A_STATS_ASCONF_UNTRACKED);
		return;
	}
	n = min(clen, pk->skb->len - off);
	if (skb_copy_bits(pk->skb, off, sc->chunk, n) ||
	    sctp_dar_asconf_ack_decode(sc->chunk, n, 0, k, &err) < 0) {
		sctp_dar_stats_inc(stats, SCTP_DAR_A_STATS_ASCONF_ACK_UNMATCHED);
		return;
	}
	c.serial = k->serial;
	sctp_dar_sctp_transport_lookup(pk->net, &pk->local, &pk->peer, pk->dif,
				       dar_rx_ack_cb, &c);
	if (!c.matched) {
		sctp_dar_stats_inc(stats, SCTP_DAR_A_STATS_ASCONF_ACK_UNMATCHED);
		return;
	}
	lat = div_u64(ktime_get_ns() - c.sent_ns, NSEC_PER_USEC);
	c.ev.latency_us = min_t(u64, lat, U32_MAX);
	c.ev.has_latency = true;
	c.ev.serial = k->serial;
	c.ev.has_serial = true;
	for (i = 0; i < k->n_res; i++) {
		if (k->res[i].type != SCTP_DAR_PARAM_ERR_CAUSE)
			continue;
		if (!n_err++)
			cause = k->res[i].cause;
		c.ev.type = SCTP_DAR_EVENT_TYPE_ASCONF_REJECTED;
		c.ev.error_cause = k->res[i].cause;
		c.ev.addr = dar_rejected_addr(&k->res[i], &u) ? &u : NULL;
		sctp_dar_nl_event(pk->net, &c.ev);
	}
	if (!n_err) {
		c.ev.type = SCTP_DAR_EVENT_TYPE_ASCONF_ACKED;
		sctp_dar_nl_event(pk->net, &c.ev);
	}
	trace_sctp_dar_asconf_ack(c.ev.assoc_id, k->serial, c.ev.latency_us,
				  n_err, cause);
}

/* ---- outbound ASCONF --------------------------------------------------- */

struct dar_tx_ctx {
	const struct dar_pkt *pk;
	u32 serial;
	struct sctp_dar_event ev;
	bool report;
	bool untracked;
};

static int dar_tx_asconf_cb(struct sctp_endpoint *ep, struct sctp_transport *t,
			    void *arg)
{
	struct dar_tx_ctx *c = arg;
	struct dar_wire_net *wn = dar_wire_net(c->pk->net);
	struct dar_wire_assoc *e;

	dar_event_asoc(&c->ev, t->asoc);
	spin_lock_bh(&wn->lock);
	e = __dar_entry_get(wn, t, &c->pk->local, c->pk->dif, true);
	if (!e) {
		c->untracked = true;
	} else if (!e->pending || e->serial != c->serial) {
		/* A new ASCONF (a retransmission keeps its first time). */
		e->pending = true;
		e->serial = c->serial;
		e->sent_ns = ktime_get_ns();
		c->report = true;
	}
	spin_unlock_bh(&wn->lock);
	return 0;
}

/* Our ASCONF @ch going out: the addresses it deletes start their grace,
 * under the packet's tag (the peer's). @sc: scratch to decode it into, or
 * %NULL (no memory: nothing noted).
 */
static void dar_tx_dels(struct dar_pkt *pk, struct dar_scratch *sc,
			const struct sctp_dar_chunk *ch)
{
	struct sctp_dar_codec_err err;
	unsigned int n;

	if (!sc || ch->len > DAR_CHUNK_BUF)
		return;
	n = min_t(unsigned int, ch->len, pk->skb->len - ch->off);
	if (skb_copy_bits(pk->skb, ch->off, sc->chunk, n) ||
	    sctp_dar_asconf_decode(sc->chunk, n, 0, &sc->asconf, &err) < 0)
		return;
	dar_grace_dels(pk, &sc->asconf, pk->vtag);
}

static void dar_tx_asconf(struct dar_pkt *pk, unsigned int off)
{
	struct sctp_dar_stats *stats = &sctp_dar_net(pk->net)->stats;
	struct dar_tx_ctx c = { .pk = pk };
	__be32 _serial;
	const __be32 *serial;

	serial = skb_header_pointer(pk->skb, off + sizeof(struct sctp_chunkhdr),
				    sizeof(_serial), &_serial);
	if (!serial)
		return;
	c.serial = be32_to_cpu(*serial);
	if (sctp_dar_sctp_transport_lookup(pk->net, &pk->local, &pk->peer,
					   pk->dif, dar_tx_asconf_cb, &c))
		return;
	if (c.untracked)
		sctp_dar_stats_inc(stats, SCTP_DAR_A_STATS_ASCONF_UNTRACKED);
	if (!c.report)
		return;
	c.ev.type = SCTP_DAR_EVENT_TYPE_ASCONF_SENT;
	c.ev.serial = c.serial;
	c.ev.has_serial = true;
	sctp_dar_nl_event(pk->net, &c.ev);
	trace_sctp_dar_asconf_sent(c.ev.assoc_id, c.serial);
}

/* ---- the hooks --------------------------------------------------------- */

/* Only what SCTP sockets send is ours to time: a raw socket (such as
 * tests/tools/asconf_inject) forging an ASCONF is not.
 */
static bool dar_skb_from_sctp(const struct sk_buff *skb)
{
	const struct sock *sk = skb->sk;

	return sk && sk_fullsock(sk) && sk->sk_protocol == IPPROTO_SCTP &&
	       sk->sk_type != SOCK_RAW;
}

/* SCTP over UDP (RFC 6951): the namespace's sctp.ko listens for it on
 * net.sctp.udp_port (0: no tunnel socket, so no SCTP inside UDP) and
 * sends it from there. A datagram to that port (inbound; sctp_udp_rcv()
 * takes all of them) or from it and from an SCTP socket (outbound)
 * carries an SCTP packet right after its 8-byte header, which the rest of
 * the hook reads as if it came straight after the IP header. The port is
 * read without a lock (an int the sysctl may change at any time: a packet
 * in flight then is looked at, or not, by the old port).
 *
 * Context: any (the hooks').
 * Return: the offset of the SCTP common header, or 0 if the datagram at
 * @uoff is not SCTP over UDP.
 */
static unsigned int dar_udp_encap(const struct sk_buff *skb,
				  const struct net *net, unsigned int uoff,
				  bool out)
{
	int port = READ_ONCE(net->sctp.udp_port);
	const struct udphdr *uh;
	struct udphdr _uh;

	if (!port)
		return 0;
	uh = skb_header_pointer(skb, uoff, sizeof(_uh), &_uh);
	if (!uh || ntohs(out ? uh->source : uh->dest) != port)
		return 0;
	if (out && !dar_skb_from_sctp(skb))
		return 0;
	return uoff + sizeof(*uh);
}

/* An ASCONF or ASCONF-ACK is in the packet: look at each chunk. Inbound
 * in enforce mode every chunk of the packet is looked at (bounded by its
 * length: a chunk takes at least 4 bytes), else the first DAR_MAX_CHUNKS.
 */
static unsigned int dar_wire_slow(struct sk_buff *skb,
				  const struct nf_hook_state *state,
				  struct dar_pkt *pk, unsigned int thoff,
				  bool out, bool enforce)
{
	struct sctp_dar_pkt_reader r;
	struct sctp_dar_chunk_iter it;
	struct dar_scratch *sc = NULL;
	struct sctp_dar_chunk ch;
	bool has_auth = false, drop = false;

	if (out && !dar_skb_from_sctp(skb))
		return NF_ACCEPT;
	sctp_dar_skb_reader(&r, skb);
	/* sctp.ko drops a packet with a bad CRC32c after this hook (the same
	 * test as sctp_rcv()'s): it is no one's ASCONF, not worth a verdict
	 * (nor a token). The CRC is computed read-only: the skb may be a
	 * clone and its SCTP header need not be linear here.
	 */
	if (!out && !skb_csum_unnecessary(skb) &&
	    sctp_dar_sctp_crc_check(&r, thoff) != 1)
		return enforce ? NF_DROP : NF_ACCEPT;
	sctp_dar_chunk_iter_init(&it, &r, thoff);
	while (!drop && (enforce || it.n < DAR_MAX_CHUNKS) &&
	       sctp_dar_chunk_next(&it, &ch) > 0) {
		if (ch.type == SCTP_CID_AUTH)
			has_auth = true;
		if (out) {
			if (ch.type != SCTP_CID_ASCONF)
				continue;
			dar_tx_asconf(pk, ch.off);
			if (!sc)
				sc = kmalloc(sizeof(*sc), GFP_ATOMIC);
			dar_tx_dels(pk, sc, &ch);
			continue;
		}
		if (ch.type != SCTP_CID_ASCONF && ch.type != SCTP_CID_ASCONF_ACK)
			continue;
		if (!sc)
			sc = kmalloc(sizeof(*sc), GFP_ATOMIC);
		if (ch.type == SCTP_CID_ASCONF)
			drop = dar_rx_asconf(pk, sc, &ch, has_auth, enforce);
		else if (sc)
			dar_rx_ack(pk, sc, ch.off, ch.len);
	}
	kfree(sc);
	return drop ? NF_DROP : NF_ACCEPT;
}

/* What dar_wire_scan() found. */
enum dar_scan {
	DAR_SCAN_NONE,		/* nothing for us: the fast path */
	DAR_SCAN_ASCONF,	/* an ASCONF or ASCONF-ACK chunk */
	DAR_SCAN_INIT,		/* an outgoing INIT(-ACK), init_set_primary on */
	DAR_SCAN_TABORT,	/* an incoming ABORT with the T bit, first */
};

/* The fast path: walk the chunk headers of the SCTP packet whose common
 * header is at @thoff, all of them if @all, else at most DAR_MAX_CHUNKS.
 */
static enum dar_scan dar_wire_scan(const struct sk_buff *skb,
				   unsigned int thoff, bool out, bool all)
{
	struct sctp_dar_pkt_reader r;
	struct sctp_dar_chunk_iter it;
	struct sctp_dar_chunk ch;

	sctp_dar_skb_reader(&r, skb);
	sctp_dar_chunk_iter_init(&it, &r, thoff);
	while ((all || it.n < DAR_MAX_CHUNKS) &&
	       sctp_dar_chunk_next(&it, &ch) > 0) {
		/* INIT and INIT-ACK come alone (RFC 9260 section 6.10):
		 * ours are. A received one is walked on all the same.
		 */
		if (out && it.n == 1 && (ch.type == SCTP_CID_INIT ||
					 ch.type == SCTP_CID_INIT_ACK))
			return sctp_dar_init_primary_enabled() ?
			       DAR_SCAN_INIT : DAR_SCAN_NONE;
		/* What an endpoint without the association answers (RFC
		 * 9260 section 8.4): the ABORT comes first.
		 */
		if (!out && it.n == 1 && ch.type == SCTP_CID_ABORT &&
		    (ch.flags & SCTP_CHUNK_FLAG_T))
			return DAR_SCAN_TABORT;
		if (ch.type == SCTP_CID_ASCONF ||
		    ch.type == SCTP_CID_ASCONF_ACK)
			return DAR_SCAN_ASCONF;
	}
	return DAR_SCAN_NONE;
}

/* An out-of-the-blue ABORT (T bit) came in: drop it if it answers a packet
 * from or to an address in its grace (asconf_grace.c). Context: softirq.
 */
static unsigned int dar_rx_tabort(const struct dar_pkt *pk)
{
	struct dar_wire_net *wn = dar_wire_net(pk->net);

	if (!sctp_dar_grace_holds(&wn->grace, pk->vtag, &pk->dst) &&
	    !sctp_dar_grace_holds(&wn->grace, pk->vtag, &pk->src))
		return NF_ACCEPT;
	sctp_dar_stats_inc(&sctp_dar_net(pk->net)->stats,
			   SCTP_DAR_A_STATS_STALE_ABORTS);
	net_dbg_ratelimited("sctp_dar: dropped an out-of-the-blue ABORT from %pISc to %pISc: a packet of a just-deleted path answered\n",
			    &pk->peer.sa, &pk->local.sa);
	return NF_DROP;
}

/* Something for us in the packet: the ports and tag, then the chunks. */
static unsigned int dar_wire_sctp(struct sk_buff *skb,
				  const struct nf_hook_state *state,
				  struct dar_pkt *pk, unsigned int thoff,
				  bool out, bool enforce, enum dar_scan what)
{
	struct sctphdr _sh;
	const struct sctphdr *sh;
	union sctp_addr *s, *d;

	if (what == DAR_SCAN_INIT) {
		if (dar_skb_from_sctp(skb))
			sctp_dar_init_primary(state->net, skb, thoff, &pk->src,
					      &pk->dst);
		return NF_ACCEPT;
	}
	sh = skb_header_pointer(skb, thoff, sizeof(_sh), &_sh);
	if (!sh)
		return NF_ACCEPT;
	pk->net = state->net;
	pk->skb = skb;
	pk->vtag = ntohl(sh->vtag);
	s = out ? &pk->local : &pk->peer;
	d = out ? &pk->peer : &pk->local;
	s->v4.sin_port = sh->source;	/* same offset in v6 */
	d->v4.sin_port = sh->dest;
	if (out)
		pk->dif = state->out ? state->out->ifindex : 0;
	else
		pk->dif = state->in ? state->in->ifindex : 0;
	if (what == DAR_SCAN_TABORT)
		return dar_rx_tabort(pk);
	return dar_wire_slow(skb, state, pk, thoff, out, enforce);
}

static noinline unsigned int dar_wire_v4_slow(struct sk_buff *skb,
					      const struct nf_hook_state *state,
					      unsigned int thoff, bool out,
					      bool enforce, enum dar_scan what)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct dar_pkt pk = {};
	union sctp_addr *s, *d;

	s = out ? &pk.local : &pk.peer;
	d = out ? &pk.peer : &pk.local;
	s->v4.sin_family = AF_INET;
	s->v4.sin_addr.s_addr = iph->saddr;
	d->v4.sin_family = AF_INET;
	d->v4.sin_addr.s_addr = iph->daddr;
	pk.src.family = AF_INET;
	memcpy(pk.src.addr, &iph->saddr, 4);
	pk.dst.family = AF_INET;
	memcpy(pk.dst.addr, &iph->daddr, 4);
	return dar_wire_sctp(skb, state, &pk, thoff, out, enforce, what);
}

static unsigned int dar_wire_v4(struct sk_buff *skb,
				const struct nf_hook_state *state, bool out)
{
	const struct iphdr *iph = ip_hdr(skb);
	unsigned int thoff;
	enum dar_scan what;
	bool enforce;

	/* LOCAL_IN comes after reassembly, LOCAL_OUT before fragmentation. */
	if ((iph->protocol != IPPROTO_SCTP && iph->protocol != IPPROTO_UDP) ||
	    ip_is_fragment(iph))
		return NF_ACCEPT;
	thoff = skb_network_offset(skb) + iph->ihl * 4;
	if (iph->protocol == IPPROTO_UDP) {
		thoff = dar_udp_encap(skb, state->net, thoff, out);
		if (!thoff)
			return NF_ACCEPT;
	}
	enforce = !out && READ_ONCE(dar_enforce);
	what = dar_wire_scan(skb, thoff, out, enforce);
	if (what == DAR_SCAN_NONE ||
	    (what == DAR_SCAN_INIT && iph->protocol == IPPROTO_UDP))
		return NF_ACCEPT;
	return dar_wire_v4_slow(skb, state, thoff, out, enforce, what);
}

static noinline unsigned int dar_wire_v6_slow(struct sk_buff *skb,
					      const struct nf_hook_state *state,
					      unsigned int thoff, bool out,
					      bool enforce, enum dar_scan what)
{
	const struct ipv6hdr *ip6h = ipv6_hdr(skb);
	struct dar_pkt pk = {};
	union sctp_addr *s, *d;

	s = out ? &pk.local : &pk.peer;
	d = out ? &pk.peer : &pk.local;
	s->v6.sin6_family = AF_INET6;
	s->v6.sin6_addr = ip6h->saddr;
	d->v6.sin6_family = AF_INET6;
	d->v6.sin6_addr = ip6h->daddr;
	pk.src.family = AF_INET6;
	memcpy(pk.src.addr, &ip6h->saddr, 16);
	pk.dst.family = AF_INET6;
	memcpy(pk.dst.addr, &ip6h->daddr, 16);
	return dar_wire_sctp(skb, state, &pk, thoff, out, enforce, what);
}

/* The first fragment of an SCTP packet: IPv6 reassembles after LOCAL_IN
 * (unless conntrack's defragmentation is loaded), so the whole packet is
 * never seen here. Enforcing, it is refused as uninspected; the later
 * fragments are not SCTP to us and time out in reassembly.
 */
static noinline unsigned int dar_wire_v6_frag(struct net *net, bool enforce)
{
	struct sctp_dar_stats *stats;

	if (!enforce)
		return NF_ACCEPT;
	stats = &sctp_dar_net(net)->stats;
	sctp_dar_stats_inc(stats, SCTP_DAR_A_STATS_ASCONF_RX_UNINSPECTED);
	sctp_dar_stats_inc(stats, SCTP_DAR_A_STATS_ASCONF_RX_DROPPED);
	return NF_DROP;
}

static unsigned int dar_wire_v6(struct sk_buff *skb,
				const struct nf_hook_state *state, bool out)
{
	const struct ipv6hdr *ip6h = ipv6_hdr(skb);
	u8 nexthdr = ip6h->nexthdr;
	enum dar_scan what;
	__be16 frag_off;
	bool enforce;
	int thoff;

	enforce = !out && READ_ONCE(dar_enforce);
	thoff = skb_network_offset(skb) + sizeof(*ip6h);
	if (nexthdr != IPPROTO_SCTP && nexthdr != IPPROTO_UDP) {
		if (!ipv6_ext_hdr(nexthdr))
			return NF_ACCEPT;
		thoff = ipv6_skip_exthdr(skb, thoff, &nexthdr, &frag_off);
		if (thoff < 0 ||
		    (nexthdr != IPPROTO_SCTP && nexthdr != IPPROTO_UDP))
			return NF_ACCEPT;
		/* A first fragment (a later one is neither SCTP nor UDP
		 * here): one of SCTP inside UDP is as uninspected as one of
		 * plain SCTP.
		 */
		if (frag_off && nexthdr == IPPROTO_UDP &&
		    !dar_udp_encap(skb, state->net, thoff, out))
			return NF_ACCEPT;
		if (frag_off)
			return dar_wire_v6_frag(state->net, enforce);
	}
	if (nexthdr == IPPROTO_UDP) {
		thoff = dar_udp_encap(skb, state->net, thoff, out);
		if (!thoff)
			return NF_ACCEPT;
	}
	what = dar_wire_scan(skb, thoff, out, enforce);
	if (what == DAR_SCAN_NONE ||
	    (what == DAR_SCAN_INIT && nexthdr == IPPROTO_UDP))
		return NF_ACCEPT;
	return dar_wire_v6_slow(skb, state, thoff, out, enforce, what);
}

static unsigned int dar_wire_in4_hook(void *priv, struct sk_buff *skb,
				      const struct nf_hook_state *state)
{
	return dar_wire_v4(skb, state, false);
}

static unsigned int dar_wire_out4_hook(void *priv, struct sk_buff *skb,
				       const struct nf_hook_state *state)
{
	return dar_wire_v4(skb, state, true);
}

static unsigned int dar_wire_in6_hook(void *priv, struct sk_buff *skb,
				      const struct nf_hook_state *state)
{
	return dar_wire_v6(skb, state, false);
}

static unsigned int dar_wire_out6_hook(void *priv, struct sk_buff *skb,
				       const struct nf_hook_state *state)
{
	return dar_wire_v6(skb, state, true);
}

/* Inbound right after filtering, so that a packet the firewall drops is
 * not counted; outbound last, so that what is recorded did leave.
 */
static const struct nf_hook_ops dar_wire_ops[] = {
	{
		.hook		= dar_wire_in4_hook,
		.pf		= NFPROTO_IPV4,
		.hooknum	= NF_INET_LOCAL_IN,
		.priority	= NF_IP_PRI_FILTER + 1,
	},
	{
		.hook		= dar_wire_out4_hook,
		.pf		= NFPROTO_IPV4,
		.hooknum	= NF_INET_LOCAL_OUT,
		.priority	= NF_IP_PRI_LAST,
	},
	{
		.hook		= dar_wire_in6_hook,
		.pf		= NFPROTO_IPV6,
		.hooknum	= NF_INET_LOCAL_IN,
		.priority	= NF_IP6_PRI_FILTER + 1,
	},
	{
		.hook		= dar_wire_out6_hook,
		.pf		= NFPROTO_IPV6,
		.hooknum	= NF_INET_LOCAL_OUT,
		.priority	= NF_IP6_PRI_LAST,
	},
};

/* ---- namespaces and module --------------------------------------------- */

static int __net_init dar_wire_net_init(struct net *net)
{
	struct dar_wire_net *wn = dar_wire_net(net);

	spin_lock_init(&wn->lock);
	hash_init(wn->table);
	INIT_DELAYED_WORK(&wn->gc, dar_wire_gc_work);
	wn->net = net;
	sctp_dar_grace_init(&wn->grace);
	return nf_register_net_hooks(net, dar_wire_ops, ARRAY_SIZE(dar_wire_ops));
}

/* Unhook first, in pre_exit: nf_unregister_net_hooks() does not wait for
 * a hook already running on another CPU (it frees the old hook array with
 * call_rcu()), and the namespace's state is freed right after the exit
 * step. Both callers of the pernet exits (namespace teardown and
 * unregister_pernet_subsys() at module unload) run synchronize_rcu()
 * between pre_exit and exit, and the hooks run under rcu_read_lock(): by
 * dar_wire_net_exit() none is left. Seen without it: KASAN use-after-free
 * of wn->lock in dar_rx_ack_cb() while rmmod freed the state (make stress,
 * module_cycle.sh, debug kernel).
 */
static void __net_exit dar_wire_net_pre_exit(struct net *net)
{
	nf_unregister_net_hooks(net, dar_wire_ops, ARRAY_SIZE(dar_wire_ops));
}

static void __net_exit dar_wire_net_exit(struct net *net)
{
	struct dar_wire_net *wn = dar_wire_net(net);
	struct dar_wire_assoc *e;
	struct hlist_node *tmp;
	unsigned int bkt;

	/* No hook runs any more (see dar_wire_net_pre_exit()), so nothing
	 * adds entries or queues the GC; the GC is stopped for good.
	 */
	cancel_delayed_work_sync(&wn->gc);
	hash_for_each_safe(wn->table, bkt, tmp, e, node) {
		hash_del(&e->node);
		kmem_cache_free(dar_wire_cache, e);
	}
	wn->n = 0;
	sctp_dar_grace_destroy(&wn->grace);
}

static struct pernet_operations dar_wire_net_ops = {
	.init = dar_wire_net_init,
	.pre_exit = dar_wire_net_pre_exit,
	.exit = dar_wire_net_exit,
	.id = &dar_wire_net_id,
	.size = sizeof(struct dar_wire_net),
};

/**
 * sctp_dar_asconf_hook_init - hook every namespace, present and future
 *
 * Needs sctp_glue, pernet and netlink up: the hooks use all three.
 *
 * Context: process context (module init).
 * Return: 0, -ENOMEM, or a negative errno from register_pernet_subsys().
 */
int sctp_dar_asconf_hook_init(void)
{
	int err;

	dar_wire_cache = kmem_cache_create("sctp_dar_wire",
					   sizeof(struct dar_wire_assoc),
					   0, 0, NULL);
	if (!dar_wire_cache)
		return -ENOMEM;
	err = register_pernet_subsys(&dar_wire_net_ops);
	if (err) {
		kmem_cache_destroy(dar_wire_cache);
		dar_wire_cache = NULL;
	}
	return err;
}

/**
 * sctp_dar_asconf_hook_exit - unhook every namespace and free its state
 *
 * Context: process context (module exit or init unwind).
 */
void sctp_dar_asconf_hook_exit(void)
{
	/* Every namespace's exit frees its entries. */
	unregister_pernet_subsys(&dar_wire_net_ops);
	kmem_cache_destroy(dar_wire_cache);
	dar_wire_cache = NULL;
}
