// SPDX-License-Identifier: GPL-2.0
/*
 * netlink.c - the sctp_dar generic-netlink family: association get/dump,
 * manual reconfiguration (addr-add, addr-del, assoc-set; carried out by
 * manual.c), counters, and the events other parts report
 * (sctp_dar_nl_event*()).
 * Policies and the ops table are in netlink_gen.c.
 *
 * Locking: no lock of its own.
 *  - assoc-get (do): sctp_dar_nl_pre_doit() finds the association by id in
 *    sctp.ko's transport table and takes a reference on its socket
 *    (sock_hold(), dropped in sctp_dar_nl_post_doit()). That keeps the
 *    struct sock, not its endpoint: sctp_close() frees the endpoint under
 *    bh_lock_sock(), which does not wait for a lock_sock() owner. So the
 *    handler pins the socket's file (the close cannot start until it is
 *    dropped), then finds the association again among the socket's own
 *    under lock_sock(), after testing SOCK_DEAD (closed before the pin),
 *    so the reply is a consistent snapshot. addr-add, addr-del and
 *    assoc-set find their socket the same way; manual.c pins it by its
 *    file and checks the request under lock_sock() before acting.
 *  - assoc-get (dump): walks sctp.ko's transport table with
 *    sctp_transport_traverse_process(); the callback runs under
 *    rcu_read_lock() with the transport and its endpoint held and reads the
 *    association without the socket lock. That is memory-safe (sctp.ko
 *    frees associations, transports and bound-address entries after an RCU
 *    grace period and changes those lists with list_*_rcu()) but a message
 *    may mix values from just before and just after a concurrent change.
 *    Taking every socket lock would restart the walk once per association
 *    (as sctp_diag does), quadratic at 10,000 associations.
 *  - Dump consistency across messages: cb->seq carries the namespace's
 *    generation (sctp_dar_net.nl_gen, bumped by sctp_dar_nl_assoc_changed()
 *    and by every association event), so genl_dump_check_consistent() flags
 *    the first message after a change with NLM_F_DUMP_INTR. sctp.ko's walk
 *    resumes by position, which associations coming or going (or a rehash)
 *    shift without any event of ours: each resumed walk first revisits the
 *    last association it handled and bumps the generation if another one
 *    stands there.
 *  - Events are built with GFP_ATOMIC, counted in the namespace's stats and
 *    multicast only while the group has listeners.
 *
 * Contexts: handlers run in process context (parallel_ops: genl_mutex is not
 * held); sctp_dar_nl_event*() and sctp_dar_nl_assoc_changed() run in any
 * context but hard IRQ, between sctp_dar_netlink_init() and
 * sctp_dar_netlink_exit().
 */
#include <linux/module.h>
#include <net/genetlink.h>
#include <net/ipv6.h>
#include <net/sock.h>
#include <net/sctp/sctp.h>

#include "assoc.h"
#include "manual.h"
#include "netlink.h"
#include "netlink_gen.h"
#include "pernet.h"
#include "reconf.h"
#include "sctp_glue.h"
#include "stats.h"

static struct genl_family sctp_dar_nl_family __ro_after_init = {
	.name		= SCTP_DAR_FAMILY_NAME,
	.version	= SCTP_DAR_FAMILY_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	/* Every command of this new family gets the strict checks: reserved
	 * header fields, nlmsg_flags, and a policy for each op.
	 */
	.resv_start_op	= SCTP_DAR_CMD_ASSOC_GET,
	.pre_doit	= sctp_dar_nl_pre_doit,
	.post_doit	= sctp_dar_nl_post_doit,
	.module		= THIS_MODULE,
	.ops		= sctp_dar_nl_ops,
	.n_ops		= ARRAY_SIZE(sctp_dar_nl_ops),
	.mcgrps		= sctp_dar_nl_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(sctp_dar_nl_mcgrps),
};

/* ---- addresses ---------------------------------------------------------- */

/* Worst case of one nested address with its state. */
static size_t dar_addr_size(void)
{
	return nla_total_size(0) + nla_total_size(sizeof(struct in6_addr)) +
	       nla_total_size(sizeof(u32));
}

/* Put @a as a nest @type; @state < 0 leaves SCTP_DAR_A_ADDR_STATE out.
 * Addresses of another family (none exist in SCTP) are skipped.
 */
static int dar_put_addr(struct sk_buff *skb, int type,
			const union sctp_addr *a, int state)
{
	struct nlattr *nest;

	if (a->sa.sa_family != AF_INET && a->sa.sa_family != AF_INET6)
		return 0;
	nest = nla_nest_start(skb, type);
	if (!nest)
		return -EMSGSIZE;
	if (a->sa.sa_family == AF_INET) {
		if (nla_put_in_addr(skb, SCTP_DAR_A_ADDR_IPV4,
				    a->v4.sin_addr.s_addr))
			goto err_cancel;
	} else if (nla_put_in6_addr(skb, SCTP_DAR_A_ADDR_IPV6,
				    &a->v6.sin6_addr)) {
		goto err_cancel;
	}
	if (state >= 0 && nla_put_u32(skb, SCTP_DAR_A_ADDR_STATE, state))
		goto err_cancel;
	nla_nest_end(skb, nest);
	return 0;

err_cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/**
 * sctp_dar_nl_put_addr - put an address as a nest (enum sctp_dar_a_addr)
 * @skb: the message
 * @type: the nest's attribute type
 * @a: the address (AF_INET or AF_INET6; port ignored)
 *
 * Context: any.
 * Return: 0 or -EMSGSIZE.
 */
int sctp_dar_nl_put_addr(struct sk_buff *skb, int type,
			 const union sctp_addr *a)
{
	return dar_put_addr(skb, type, a, -1);
}

/**
 * sctp_dar_nl_hdr - start a message of the family
 * @skb: the message
 * @portid: its destination
 * @seq: the request's sequence number
 * @flags: netlink flags (NLM_F_MULTI in dumps)
 * @cmd: the command
 *
 * Context: any.
 * Return: the user header, or NULL when @skb is full.
 */
void *sctp_dar_nl_hdr(struct sk_buff *skb, u32 portid, u32 seq, int flags,
		      u8 cmd)
{
	return genlmsg_put(skb, portid, seq, &sctp_dar_nl_family, flags, cmd);
}

/**
 * sctp_dar_nl_reply_hdr - start the reply to a request
 * @skb: the reply
 * @info: the request
 * @cmd: the command
 *
 * Context: any.
 * Return: the user header, or NULL when @skb is full.
 */
void *sctp_dar_nl_reply_hdr(struct sk_buff *skb, struct genl_info *info,
			    u8 cmd)
{
	return genlmsg_put_reply(skb, info, &sctp_dar_nl_family, 0, cmd);
}

/**
 * sctp_dar_nl_addr_parse - parse a nested address of a request
 * @nest: the nest (already validated against sctp_dar_addr_nl_policy)
 * @addr: where to store it (port 0)
 * @extack: for the error message
 *
 * Context: any.
 * Return: 0, or -EINVAL when the nest has no address or two.
 */
int sctp_dar_nl_addr_parse(const struct nlattr *nest, union sctp_addr *addr,
			   struct netlink_ext_ack *extack)
{
	struct nlattr *tb[SCTP_DAR_A_ADDR_MAX + 1];
	int err;

	err = nla_parse_nested(tb, SCTP_DAR_A_ADDR_MAX, nest,
			       sctp_dar_addr_nl_policy, extack);
	if (err)
		return err;
	if (tb[SCTP_DAR_A_ADDR_IPV4] && tb[SCTP_DAR_A_ADDR_IPV6]) {
		NL_SET_ERR_MSG_ATTR(extack, nest,
				    "address has both ipv4 and ipv6");
		return -EINVAL;
	}
	memset(addr, 0, sizeof(*addr));
	if (tb[SCTP_DAR_A_ADDR_IPV4]) {
		addr->v4.sin_family = AF_INET;
		addr->v4.sin_addr.s_addr =
			nla_get_in_addr(tb[SCTP_DAR_A_ADDR_IPV4]);
		return 0;
	}
	if (tb[SCTP_DAR_A_ADDR_IPV6]) {
		addr->v6.sin6_family = AF_INET6;
		addr->v6.sin6_addr = nla_get_in6_addr(tb[SCTP_DAR_A_ADDR_IPV6]);
		return 0;
	}
	NL_SET_ERR_MSG_ATTR(extack, nest, "address needs ipv4 or ipv6");
	return -EINVAL;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_nl_addr_parse);

/* ---- one association ---------------------------------------------------- */

static u32 dar_assoc_state(enum sctp_state state)
{
	switch (state) {
	case SCTP_STATE_COOKIE_WAIT:
		return SCTP_DAR_ASSOC_STATE_COOKIE_WAIT;
	case SCTP_STATE_COOKIE_ECHOED:
		return SCTP_DAR_ASSOC_STATE_COOKIE_ECHOED;
	case SCTP_STATE_ESTABLISHED:
		return SCTP_DAR_ASSOC_STATE_ESTABLISHED;
	case SCTP_STATE_SHUTDOWN_PENDING:
		return SCTP_DAR_ASSOC_STATE_SHUTDOWN_PENDING;
	case SCTP_STATE_SHUTDOWN_SENT:
		return SCTP_DAR_ASSOC_STATE_SHUTDOWN_SENT;
	case SCTP_STATE_SHUTDOWN_RECEIVED:
		return SCTP_DAR_ASSOC_STATE_SHUTDOWN_RECEIVED;
	case SCTP_STATE_SHUTDOWN_ACK_SENT:
		return SCTP_DAR_ASSOC_STATE_SHUTDOWN_ACK_SENT;
	default:
		return SCTP_DAR_ASSOC_STATE_CLOSED;
	}
}

/* SCTP_UNKNOWN is the state of the address an association was set up
 * with until something confirms it otherwise; SCTP_STATUS reports it as
 * active, and so do we.
 */
static u32 dar_path_state(int state)
{
	switch (state) {
	case SCTP_ACTIVE:
	case SCTP_UNKNOWN:
		return SCTP_DAR_PATH_STATE_ACTIVE;
	case SCTP_INACTIVE:
		return SCTP_DAR_PATH_STATE_INACTIVE;
	case SCTP_PF:
		return SCTP_DAR_PATH_STATE_POTENTIALLY_FAILED;
	case SCTP_UNCONFIRMED:
		return SCTP_DAR_PATH_STATE_UNCONFIRMED;
	default:
		return SCTP_DAR_PATH_STATE_UNKNOWN;
	}
}

/* An association's bound address is SCTP_ADDR_NEW from the moment an
 * ASCONF adds it until the ASCONF-ACK, SCTP_ADDR_DEL while its deletion is
 * outstanding (net/sctp/sm_make_chunk.c, socket.c).
 */
static u32 dar_laddr_state(u8 state)
{
	switch (state) {
	case SCTP_ADDR_NEW:
		return SCTP_DAR_LADDR_STATE_ADDING;
	case SCTP_ADDR_DEL:
		return SCTP_DAR_LADDR_STATE_DELETING;
	default:
		return SCTP_DAR_LADDR_STATE_USABLE;
	}
}

static int dar_put_path_rcu(struct sk_buff *skb, struct sctp_transport *t)
{
	struct nlattr *nest;

	nest = nla_nest_start(skb, SCTP_DAR_A_ASSOC_PATH);
	if (!nest)
		return -EMSGSIZE;
	if (dar_put_addr(skb, SCTP_DAR_A_PATH_ADDR, &t->ipaddr, -1) ||
	    nla_put_u32(skb, SCTP_DAR_A_PATH_STATE,
			dar_path_state(READ_ONCE(t->state))) ||
	    nla_put_u32(skb, SCTP_DAR_A_PATH_SRTT,
			jiffies_to_msecs(READ_ONCE(t->srtt))) ||
	    nla_put_u32(skb, SCTP_DAR_A_PATH_RTO,
			jiffies_to_msecs(READ_ONCE(t->rto))) ||
	    nla_put_u32(skb, SCTP_DAR_A_PATH_CWND, READ_ONCE(t->cwnd)) ||
	    nla_put_u32(skb, SCTP_DAR_A_PATH_ERROR_COUNT,
			READ_ONCE(t->error_count)) ||
	    nla_put_u32(skb, SCTP_DAR_A_PATH_PMTU, READ_ONCE(t->pathmtu))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/* Fill one association message. Called under rcu_read_lock() (dump) or
 * lock_sock() (do); the lists are walked under RCU either way. @cb is the
 * dump's callback, NULL for a do.
 */
/* sctp_dar's own view of one association (assoc-get do replies). */
struct dar_assoc_extra {
	struct sctp_dar_assoc_stats stats;
	union sctp_addr peer_primary;
};

static int dar_put_assoc_extra(struct sk_buff *skb,
			       const struct dar_assoc_extra *x)
{
	static const struct {
		int type;
		size_t off;
	} ctr[] = {
#define DAR_CTR(a, f) { SCTP_DAR_A_ASSOC_COUNTERS_##a, \
			offsetof(struct sctp_dar_assoc_stats, f) }
		DAR_CTR(ADDRS_ADDED, addrs_added),
		DAR_CTR(ADDRS_REMOVED, addrs_removed),
		DAR_CTR(PRIMARY_CHANGES, primary_changes),
		DAR_CTR(ASCONF_SENT, asconf_sent),
		DAR_CTR(ASCONF_ACKED, asconf_acked),
		DAR_CTR(ASCONF_REJECTED, asconf_rejected),
		DAR_CTR(HEARTBEATS, heartbeats),
		DAR_CTR(ERRORS, errors),
		DAR_CTR(LAST_LATENCY_US, last_latency_us),
#undef DAR_CTR
	};
	struct nlattr *nest;
	unsigned int i;

	if (x->peer_primary.sa.sa_family &&
	    dar_put_addr(skb, SCTP_DAR_A_ASSOC_PEER_PRIMARY, &x->peer_primary,
			 -1))
		return -EMSGSIZE;
	nest = nla_nest_start(skb, SCTP_DAR_A_ASSOC_COUNTERS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < ARRAY_SIZE(ctr); i++) {
		u64 v = *(const u32 *)((const u8 *)&x->stats + ctr[i].off);

		if (nla_put_u64_64bit(skb, ctr[i].type, v,
				      SCTP_DAR_A_ASSOC_COUNTERS_PAD))
			return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static size_t dar_assoc_extra_size(void)
{
	return dar_addr_size() + nla_total_size(0) +
	       (SCTP_DAR_A_ASSOC_COUNTERS_MAX - 1) * nla_total_size_64bit(8);
}

static int dar_fill_assoc(struct sk_buff *skb, struct sock *sk,
			  struct sctp_association *asoc, u32 portid, u32 seq,
			  int flags, struct netlink_callback *cb,
			  const struct dar_assoc_extra *extra)
{
	struct sctp_sockaddr_entry *laddr;
	struct sctp_transport *t;
	unsigned long ino;
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &sctp_dar_nl_family, flags,
			  SCTP_DAR_CMD_ASSOC_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);

	if (nla_put_u32(skb, SCTP_DAR_A_ASSOC_ID, asoc->assoc_id) ||
	    nla_put_be16(skb, SCTP_DAR_A_ASSOC_LOCAL_PORT,
			 htons(asoc->base.bind_addr.port)) ||
	    nla_put_be16(skb, SCTP_DAR_A_ASSOC_PEER_PORT,
			 htons(asoc->peer.port)) ||
	    nla_put_u32(skb, SCTP_DAR_A_ASSOC_STATE,
			dar_assoc_state(READ_ONCE(asoc->state))))
		goto err_cancel;
	ino = sock_i_ino(sk);
	if (ino && nla_put_u32(skb, SCTP_DAR_A_ASSOC_SOCK_INO, ino))
		goto err_cancel;

	rcu_read_lock();
	list_for_each_entry_rcu(laddr, &asoc->base.bind_addr.address_list,
				list) {
		if (dar_put_addr(skb, SCTP_DAR_A_ASSOC_LOCAL_ADDR, &laddr->a,
				 dar_laddr_state(READ_ONCE(laddr->state))))
			goto err_unlock;
	}
	list_for_each_entry_rcu(t, &asoc->peer.transport_addr_list,
				transports) {
		if (dar_put_path_rcu(skb, t))
			goto err_unlock;
	}
	/* Transports are freed after a grace period: the primary path read
	 * here stays valid until rcu_read_unlock().
	 */
	t = READ_ONCE(asoc->peer.primary_path);
	if (t && dar_put_addr(skb, SCTP_DAR_A_ASSOC_PRIMARY, &t->ipaddr, -1))
		goto err_unlock;
	rcu_read_unlock();

	if ((asoc->peer.asconf_capable &&
	     nla_put_flag(skb, SCTP_DAR_A_ASSOC_PEER_ASCONF)) ||
	    (asoc->peer.auth_capable &&
	     nla_put_flag(skb, SCTP_DAR_A_ASSOC_PEER_AUTH)))
		goto err_cancel;
	if (extra && dar_put_assoc_extra(skb, extra))
		goto err_cancel;

	genlmsg_end(skb, hdr);
	return 0;

err_unlock:
	rcu_read_unlock();
err_cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/* Room for dar_fill_assoc(), counted under the socket lock. The stock
 * auto_asconf timer adds local addresses under bh_lock_sock() only, so the
 * count can fall short: see DAR_GET_TRIES.
 */
static size_t dar_assoc_msg_size(struct sock *sk,
				 struct sctp_association *asoc)
{
	struct sctp_sockaddr_entry *laddr;
	size_t path, size;
	unsigned int n = 0;

	sock_owned_by_me(sk);
	rcu_read_lock();
	list_for_each_entry_rcu(laddr, &asoc->base.bind_addr.address_list,
				list)
		n++;
	rcu_read_unlock();

	path = nla_total_size(0) + dar_addr_size() +
	       6 * nla_total_size(sizeof(u32));
	size = 3 * nla_total_size(sizeof(u32)) +	/* id, state, ino */
	       2 * nla_total_size(sizeof(u16)) +	/* ports */
	       2 * nla_total_size(0) +			/* flags */
	       dar_addr_size() +			/* primary */
	       n * dar_addr_size() +
	       asoc->peer.transport_count * path;
	return size;
}

/* ---- assoc-get (do) ---------------------------------------------------- */

/* Selectors the do form does not take. */
static const int dar_dump_only_attrs[] = {
	SCTP_DAR_A_ASSOC_LOCAL_PORT,
	SCTP_DAR_A_ASSOC_PEER_PORT,
	SCTP_DAR_A_ASSOC_SOCK_INO,
	SCTP_DAR_A_ASSOC_ADDR,
};

struct dar_lookup {
	sctp_assoc_t id;	/* wanted */
	struct sock *sk;	/* found, held */
};

static int dar_lookup_rcu(struct sctp_endpoint *ep, struct sctp_transport *t,
			  void *arg)
{
	struct dar_lookup *l = arg;

	if (t->asoc->assoc_id != l->id || t->asoc->base.dead)
		return 0;
	/* The walk holds the endpoint, so its socket is alive. */
	sock_hold(ep->base.sk);
	l->sk = ep->base.sk;
	return 1;
}

/* The association @id among @sk's own, or NULL. The caller pinned @sk's
 * file, so its close cannot start meanwhile; a socket closed before the pin
 * is SOCK_DEAD and its endpoint freed (sctp_destroy_sock() does not clear
 * sp->ep), so that is tested before the endpoint is touched, as in
 * sctp_dar_assoc_snapshot().
 */
static struct sctp_association *dar_sk_find_asoc(struct sock *sk,
						 sctp_assoc_t id)
{
	struct sctp_association *asoc;
	struct sctp_endpoint *ep;

	sock_owned_by_me(sk);
	ep = sctp_sk(sk)->ep;
	if (sock_flag(sk, SOCK_DEAD) || !ep || ep->base.dead)
		return NULL;
	list_for_each_entry(asoc, &ep->asocs, asocs) {
		if (asoc->assoc_id == id && !asoc->base.dead)
			return asoc;
	}
	return NULL;
}

/* Checks and lookup for the ops that act on one association. Only
 * assoc-get has dump selectors (info->attrs of the other ops ends at their
 * policy's maxattr).
 */
static int dar_pre_doit_assoc(struct genl_info *info, bool get)
{
	struct net *net = genl_info_net(info);
	struct dar_lookup l = {};
	struct nlattr *attr;
	unsigned int i;
	int pos = 0;

	if (GENL_REQ_ATTR_CHECK(info, SCTP_DAR_A_ASSOC_ID)) {
		NL_SET_ERR_MSG(info->extack, "missing association id");
		return -EINVAL;
	}
	for (i = 0; get && i < ARRAY_SIZE(dar_dump_only_attrs); i++) {
		attr = info->attrs[dar_dump_only_attrs[i]];
		if (attr) {
			NL_SET_ERR_MSG_ATTR(info->extack, attr,
					    "selector only valid in a dump");
			return -EINVAL;
		}
	}

	attr = info->attrs[SCTP_DAR_A_ASSOC_ID];
	l.id = nla_get_u32(attr);
	sctp_dar_sctp_transport_traverse(net, dar_lookup_rcu, NULL, &pos, &l);
	if (!l.sk) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    "no such association in this network namespace");
		return -ENOENT;
	}
	info->user_ptr[0] = l.sk;
	return 0;
}

/* addr-add and addr-del name one association (id), or select every
 * association of the namespace by local-port and/or peer-port (then
 * user_ptr[0] stays NULL).
 */
static int dar_pre_doit_addr(struct genl_info *info)
{
	struct nlattr *lp = info->attrs[SCTP_DAR_A_ASSOC_LOCAL_PORT];
	struct nlattr *pp = info->attrs[SCTP_DAR_A_ASSOC_PEER_PORT];

	if (lp || pp) {
		if (info->attrs[SCTP_DAR_A_ASSOC_ID]) {
			NL_SET_ERR_MSG_ATTR(info->extack, lp ?: pp,
					    "give an association id or selectors, not both");
			return -EINVAL;
		}
		return 0;
	}
	if (GENL_REQ_ATTR_CHECK(info, SCTP_DAR_A_ASSOC_ID)) {
		NL_SET_ERR_MSG(info->extack,
			       "missing association id (or local-port, peer-port selectors)");
		return -EINVAL;
	}
	return dar_pre_doit_assoc(info, false);
}

/**
 * sctp_dar_nl_pre_doit - common checks and target lookup of every do
 * @ops: the operation
 * @skb: the request
 * @info: the request's details; user_ptr[0] gets the socket owning the
 *	target association, held, for the ops that have one
 *
 * Context: process context.
 * Return: 0, or a negative errno with an extack message.
 */
int sctp_dar_nl_pre_doit(const struct sctp_dar_genl_split_ops *ops,
			 struct sk_buff *skb, struct genl_info *info)
{
	info->user_ptr[0] = NULL;
	switch (ops->cmd) {
	case SCTP_DAR_CMD_ASSOC_GET:
		return dar_pre_doit_assoc(info, true);
	case SCTP_DAR_CMD_ADDR_ADD:
	case SCTP_DAR_CMD_ADDR_DEL:
		return dar_pre_doit_addr(info);
	case SCTP_DAR_CMD_ASSOC_SET:
		return dar_pre_doit_assoc(info, false);
	default:
		return 0;
	}
}

/**
 * sctp_dar_nl_post_doit - drop what sctp_dar_nl_pre_doit() took
 * @ops: the operation
 * @skb: the request
 * @info: the request's details
 *
 * Context: process context.
 */
void sctp_dar_nl_post_doit(const struct sctp_dar_genl_split_ops *ops,
			   struct sk_buff *skb, struct genl_info *info)
{
	struct sock *sk = info->user_ptr[0];

	if (sk)
		sock_put(sk);
}

/* Tries at building the assoc-get reply: the auto_asconf timer can add
 * addresses to the association under bh_lock_sock() only, so the reply may
 * outgrow the size counted under lock_sock().
 */
#define DAR_GET_TRIES	4

/* Build the reply for association @id of pinned @sk, with @extra when it
 * is still the association @key names. Context: process context; takes
 * the socket lock.
 */
static struct sk_buff *dar_assoc_get_reply(struct genl_info *info,
					   struct sock *sk, sctp_assoc_t id,
					   const struct sctp_dar_asockey *key,
					   const struct dar_assoc_extra *extra)
{
	struct sctp_association *asoc;
	unsigned int try;
	struct sk_buff *msg;
	size_t size;
	int err;

	for (try = 0; try < DAR_GET_TRIES; try++) {
		lock_sock(sk);
		asoc = dar_sk_find_asoc(sk, id);
		if (!asoc) {
			release_sock(sk);
			return ERR_PTR(-ENOENT);
		}
		/* The same association as before, not a new one at the
		 * same address.
		 */
		if (asoc != key->asoc || asoc->c.my_vtag != key->tag)
			extra = NULL;
		/* Room for 8 more addresses per retry. */
		size = dar_assoc_msg_size(sk, asoc) + dar_assoc_extra_size() +
		       try * 8 * dar_addr_size();
		msg = genlmsg_new(size, GFP_KERNEL);
		if (!msg) {
			release_sock(sk);
			return ERR_PTR(-ENOMEM);
		}
		err = dar_fill_assoc(msg, sk, asoc, info->snd_portid,
				     info->snd_seq, 0, NULL, extra);
		release_sock(sk);
		if (!err)
			return msg;
		nlmsg_free(msg);
	}
	return ERR_PTR(-EAGAIN);
}

/**
 * sctp_dar_nl_assoc_get_doit - reply with one association
 * @skb: the request
 * @info: the request; user_ptr[0] is the owning socket (pre_doit)
 *
 * Any user may ask, so the socket is pinned by its file for the whole
 * request: its owner's close() then cannot free the endpoint while the
 * handler waits for the engine or reads the association.
 *
 * Context: process context; takes the socket lock.
 * Return: 0 or a negative errno with an extack message.
 */
int sctp_dar_nl_assoc_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *attr = info->attrs[SCTP_DAR_A_ASSOC_ID];
	sctp_assoc_t id = nla_get_u32(attr);
	struct sock *sk = info->user_ptr[0];
	struct sctp_dar_asockey key = {};
	struct sctp_association *asoc;
	struct dar_assoc_extra extra;
	bool have_extra = false;
	struct sctp_dar_sock s;
	struct sk_buff *msg;
	int err;

	err = sctp_dar_assoc_sock_pin(sk, &s);
	if (err) {
		/* Kernel sockets have no file: the dump lists theirs. */
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    "the association's socket is closing or belongs to the kernel");
		return -ENOENT;
	}
	/* sctp_dar's own state first: the engine's mutex is taken before a
	 * socket lock, never under one.
	 */
	lock_sock(sk);
	asoc = dar_sk_find_asoc(sk, id);
	if (asoc) {
		key.asoc = asoc;
		key.tag = asoc->c.my_vtag;
	}
	release_sock(sk);
	if (key.asoc)
		have_extra = !sctp_dar_reconf_assoc_info(genl_info_net(info),
							 &key, &extra.stats,
							 &extra.peer_primary);

	msg = dar_assoc_get_reply(info, sk, id, &key,
				  have_extra ? &extra : NULL);
	sctp_dar_assoc_sock_unpin(&s);
	if (IS_ERR(msg)) {
		err = PTR_ERR(msg);
		if (err == -ENOENT)	/* closed or peeled off since pre_doit */
			NL_SET_ERR_MSG_ATTR(info->extack, attr,
					    "no such association in this network namespace");
		else if (err == -EAGAIN)
			NL_SET_ERR_MSG(info->extack,
				       "the association kept changing while being read; try again");
		return err;
	}
	return genlmsg_reply(msg, info);
}

/* ---- addr-add, addr-del, assoc-set -------------------------------------- */

#define DAR_BULK_MAX	1024	/* sockets one selector may reach */

/**
 * struct dar_bulk - sockets whose associations a selector matched
 * @lport: selector, host order, 0 = any
 * @pport: selector, host order, 0 = any
 * @n: entries used
 * @overflow: more than DAR_BULK_MAX sockets matched
 * @e: one association per socket (bindx acts on the socket), socket held
 */
struct dar_bulk {
	u16 lport;
	u16 pport;
	unsigned int n;
	bool overflow;
	struct {
		struct sock *sk;
		sctp_assoc_t id;
	} e[];
};

/* Transport walk callback. Context: rcu_read_lock(), @ep and @t held. */
static int dar_bulk_rcu(struct sctp_endpoint *ep, struct sctp_transport *t,
			void *arg)
{
	struct sctp_association *asoc = t->asoc;
	struct sock *sk = ep->base.sk;
	struct dar_bulk *b = arg;
	unsigned int i;

	if (asoc->base.dead ||
	    (b->lport && asoc->base.bind_addr.port != b->lport) ||
	    (b->pport && asoc->peer.port != b->pport))
		return 0;
	for (i = 0; i < b->n; i++)
		if (b->e[i].sk == sk)
			return 0;
	if (b->n == DAR_BULK_MAX) {
		b->overflow = true;
		return 1;
	}
	sock_hold(sk);
	b->e[b->n].sk = sk;
	b->e[b->n].id = asoc->assoc_id;
	b->n++;
	return 0;
}

/* addr-add / addr-del with selectors: once per matching socket. An
 * association that already has (add) or lacks (del) the address is left
 * as it is; any other refusal stops there and is returned.
 */
static int dar_nl_manual_bulk(struct genl_info *info, enum sctp_dar_manual_op op,
			      const union sctp_addr *addr,
			      const struct nlattr *attr)
{
	struct nlattr *lp = info->attrs[SCTP_DAR_A_ASSOC_LOCAL_PORT];
	struct nlattr *pp = info->attrs[SCTP_DAR_A_ASSOC_PEER_PORT];
	struct net *net = genl_info_net(info);
	unsigned int i, done = 0;
	struct dar_bulk *b;
	int pos = 0, err = 0;

	b = kvzalloc(struct_size(b, e, DAR_BULK_MAX), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	b->lport = lp ? ntohs(nla_get_be16(lp)) : 0;
	b->pport = pp ? ntohs(nla_get_be16(pp)) : 0;
	sctp_dar_sctp_transport_traverse(net, dar_bulk_rcu, NULL, &pos, b);
	if (b->overflow) {
		NL_SET_ERR_MSG(info->extack,
			       "more than 1024 sockets match: narrow the selection");
		err = -E2BIG;
	} else if (!b->n) {
		NL_SET_ERR_MSG_ATTR(info->extack, lp ?: pp,
				    "no association in this network namespace matches");
		err = -ENOENT;
	}
	for (i = 0; i < b->n; i++) {
		if (!err) {
			err = sctp_dar_manual(net, b->e[i].sk, b->e[i].id, op,
					      addr, attr, info->extack);
			if ((op == SCTP_DAR_MANUAL_ADD && err == -EEXIST) ||
			    (op == SCTP_DAR_MANUAL_DEL && err == -EADDRNOTAVAIL)) {
				err = 0;
				info->extack->_msg = NULL;
				info->extack->bad_attr = NULL;
			} else if (!err) {
				done++;
			}
		}
		sock_put(b->e[i].sk);
	}
	kvfree(b);
	if (!err && !done)
		NL_SET_ERR_MSG(info->extack,
			       "every matching association already was as asked");
	return err;
}

/* Parse the address in attribute @type and carry out @op with it, on the
 * association pre_doit found or on every one the selectors match.
 */
static int dar_nl_manual(struct genl_info *info, int type,
			 enum sctp_dar_manual_op op)
{
	struct nlattr *attr = info->attrs[type];
	union sctp_addr addr;
	int err;

	err = sctp_dar_nl_addr_parse(attr, &addr, info->extack);
	if (err)
		return err;
	if (!info->user_ptr[0])
		return dar_nl_manual_bulk(info, op, &addr, attr);
	return sctp_dar_manual(genl_info_net(info), info->user_ptr[0],
			       nla_get_u32(info->attrs[SCTP_DAR_A_ASSOC_ID]),
			       op, &addr, attr, info->extack);
}

/**
 * sctp_dar_nl_addr_add_doit - add a local address to an association
 * @skb: the request
 * @info: the request; user_ptr[0] is the owning socket (pre_doit)
 *
 * Context: process context; may sleep.
 * Return: 0 or a negative errno with an extack message.
 */
int sctp_dar_nl_addr_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	if (GENL_REQ_ATTR_CHECK(info, SCTP_DAR_A_ASSOC_LOCAL_ADDR)) {
		NL_SET_ERR_MSG(info->extack, "missing local-addr: the address to add");
		return -EINVAL;
	}
	return dar_nl_manual(info, SCTP_DAR_A_ASSOC_LOCAL_ADDR,
			     SCTP_DAR_MANUAL_ADD);
}

/**
 * sctp_dar_nl_addr_del_doit - delete a local address from an association
 * @skb: the request
 * @info: the request; user_ptr[0] is the owning socket (pre_doit)
 *
 * Context: process context; may sleep.
 * Return: 0 or a negative errno with an extack message.
 */
int sctp_dar_nl_addr_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	if (GENL_REQ_ATTR_CHECK(info, SCTP_DAR_A_ASSOC_LOCAL_ADDR)) {
		NL_SET_ERR_MSG(info->extack, "missing local-addr: the address to delete");
		return -EINVAL;
	}
	return dar_nl_manual(info, SCTP_DAR_A_ASSOC_LOCAL_ADDR,
			     SCTP_DAR_MANUAL_DEL);
}

/**
 * sctp_dar_nl_assoc_set_doit - choose an association's primary paths
 * @skb: the request
 * @info: the request; user_ptr[0] is the owning socket (pre_doit)
 *
 * The primary path is set first, then the peer is asked for its primary;
 * if that fails the first change stays (and was reported).
 *
 * Context: process context; may sleep.
 * Return: 0 or a negative errno with an extack message.
 */
int sctp_dar_nl_assoc_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	int err;

	if (!info->attrs[SCTP_DAR_A_ASSOC_PRIMARY] &&
	    !info->attrs[SCTP_DAR_A_ASSOC_PEER_PRIMARY]) {
		NL_SET_ERR_MSG(info->extack,
			       "nothing to set: give primary and/or peer-primary");
		return -EINVAL;
	}
	if (info->attrs[SCTP_DAR_A_ASSOC_PRIMARY]) {
		err = dar_nl_manual(info, SCTP_DAR_A_ASSOC_PRIMARY,
				    SCTP_DAR_MANUAL_PRIMARY);
		if (err)
			return err;
	}
	if (info->attrs[SCTP_DAR_A_ASSOC_PEER_PRIMARY])
		return dar_nl_manual(info, SCTP_DAR_A_ASSOC_PEER_PRIMARY,
				     SCTP_DAR_MANUAL_PEER_PRIMARY);
	return 0;
}

/* ---- assoc-get (dump) -------------------------------------------------- */

/**
 * struct dar_dump_ctx - state of one dump, kept in cb->ctx between calls
 * @pos: associations of the walk already handled (sctp.ko's position)
 * @last_id: id of the association at @pos - 1, to detect a shifted walk
 * @id: selector, 0 = any
 * @ino: selector, 0 = any
 * @lport: selector, 0 = any
 * @pport: selector, 0 = any
 * @family: selector's address family, 0 = no address selector
 * @parsed: selectors read (first call)
 * @done: the walk reached the end
 * @addr: selector's address (IPv4 in s6_addr32[0])
 */
struct dar_dump_ctx {
	int pos;
	u32 last_id;
	u32 id;
	u32 ino;
	__be16 lport;
	__be16 pport;
	u8 family;
	u8 parsed:1,
	   done:1;
	struct in6_addr addr;
};

struct dar_dump_walk {
	struct sk_buff *skb;
	struct netlink_callback *cb;
	struct dar_dump_ctx *ctx;
	struct sctp_dar_net *dn;
	unsigned int count;	/* associations put in this skb */
	bool resume_check;	/* next visit must be ctx->last_id */
};

static u32 dar_dump_seq(struct sctp_dar_net *dn)
{
	/* Never 0: nl_dump_check_consistent() ignores a previous seq of 0. */
	return ((u32)atomic_read(&dn->nl_gen) << 1) | 1;
}

static void dar_dump_changed(struct dar_dump_walk *w)
{
	atomic_inc(&w->dn->nl_gen);
	w->cb->seq = dar_dump_seq(w->dn);
}

/* Read the selectors of the dump request. Done on the first dumpit call,
 * not in .start, because only dumpit has cb->extack on 6.1.
 */
static int dar_dump_parse(struct netlink_callback *cb,
			  struct dar_dump_ctx *ctx)
{
	struct nlattr **attrs = sctp_dar_genl_dump_attrs(cb);
	union sctp_addr a;
	int err;

	if (!attrs)
		return 0;
	if (attrs[SCTP_DAR_A_ASSOC_ID])
		ctx->id = nla_get_u32(attrs[SCTP_DAR_A_ASSOC_ID]);
	if (attrs[SCTP_DAR_A_ASSOC_SOCK_INO])
		ctx->ino = nla_get_u32(attrs[SCTP_DAR_A_ASSOC_SOCK_INO]);
	if (attrs[SCTP_DAR_A_ASSOC_LOCAL_PORT])
		ctx->lport = nla_get_be16(attrs[SCTP_DAR_A_ASSOC_LOCAL_PORT]);
	if (attrs[SCTP_DAR_A_ASSOC_PEER_PORT])
		ctx->pport = nla_get_be16(attrs[SCTP_DAR_A_ASSOC_PEER_PORT]);
	if (attrs[SCTP_DAR_A_ASSOC_ADDR]) {
		err = sctp_dar_nl_addr_parse(attrs[SCTP_DAR_A_ASSOC_ADDR], &a,
					     cb->extack);
		if (err)
			return err;
		ctx->family = a.sa.sa_family;
		if (a.sa.sa_family == AF_INET)
			ctx->addr.s6_addr32[0] = a.v4.sin_addr.s_addr;
		else
			ctx->addr = a.v6.sin6_addr;
	}
	return 0;
}

static bool dar_addr_is(const union sctp_addr *a,
			const struct dar_dump_ctx *ctx)
{
	if (a->sa.sa_family != ctx->family)
		return false;
	if (a->sa.sa_family == AF_INET)
		return a->v4.sin_addr.s_addr == ctx->addr.s6_addr32[0];
	return ipv6_addr_equal(&a->v6.sin6_addr, &ctx->addr);
}

static bool dar_dump_has_addr_rcu(struct sctp_association *asoc,
				  const struct dar_dump_ctx *ctx)
{
	struct sctp_sockaddr_entry *laddr;
	struct sctp_transport *t;

	list_for_each_entry_rcu(laddr, &asoc->base.bind_addr.address_list,
				list) {
		if (dar_addr_is(&laddr->a, ctx))
			return true;
	}
	list_for_each_entry_rcu(t, &asoc->peer.transport_addr_list,
				transports) {
		if (dar_addr_is(&t->ipaddr, ctx))
			return true;
	}
	return false;
}

static bool dar_dump_match_rcu(const struct dar_dump_ctx *ctx, struct sock *sk,
			       struct sctp_association *asoc)
{
	if (asoc->base.dead)
		return false;
	if (ctx->id && asoc->assoc_id != ctx->id)
		return false;
	if (ctx->lport && ctx->lport != htons(asoc->base.bind_addr.port))
		return false;
	if (ctx->pport && ctx->pport != htons(asoc->peer.port))
		return false;
	if (ctx->ino && sock_i_ino(sk) != ctx->ino)
		return false;
	if (ctx->family && !dar_dump_has_addr_rcu(asoc, ctx))
		return false;
	return true;
}

/* One association of the walk; under rcu_read_lock(). Returns 1 (stop,
 * without advancing the position) when the skb is full.
 */
static int dar_dump_one_rcu(struct sctp_endpoint *ep, struct sctp_transport *t,
			    void *arg)
{
	struct dar_dump_walk *w = arg;
	struct sctp_association *asoc = t->asoc;
	struct dar_dump_ctx *ctx = w->ctx;
	struct sock *sk = ep->base.sk;

	RCU_LOCKDEP_WARN(!rcu_read_lock_held(), "dump walk outside RCU");
	if (w->resume_check) {
		w->resume_check = false;
		if (asoc->assoc_id == ctx->last_id)
			return 0;	/* sent in the previous message */
		dar_dump_changed(w);
	}
	if (dar_dump_match_rcu(ctx, sk, asoc)) {
		if (dar_fill_assoc(w->skb, sk, asoc,
				   NETLINK_CB(w->cb->skb).portid,
				   w->cb->nlh->nlmsg_seq, NLM_F_MULTI, w->cb,
				   NULL))
			return 1;
		w->count++;
	}
	ctx->last_id = asoc->assoc_id;
	return 0;
}

/**
 * sctp_dar_nl_assoc_get_dumpit - dump the associations of the namespace
 * @skb: the message to fill
 * @cb: the dump's state (struct dar_dump_ctx in cb->ctx)
 *
 * Context: process context.
 * Return: bytes put in @skb (0 when the dump is complete), or a negative
 * errno with an extack message.
 */
int sctp_dar_nl_assoc_get_dumpit(struct sk_buff *skb,
				 struct netlink_callback *cb)
{
	struct dar_dump_ctx *ctx = (struct dar_dump_ctx *)cb->ctx;
	struct net *net = sock_net(skb->sk);
	struct dar_dump_walk w = {
		.skb = skb,
		.cb = cb,
		.ctx = ctx,
		.dn = sctp_dar_net(net),
	};
	int pos, ret;

	BUILD_BUG_ON(sizeof(*ctx) > sizeof(cb->ctx));
	if (!ctx->parsed) {
		ret = dar_dump_parse(cb, ctx);
		if (ret)
			return ret;
		ctx->parsed = 1;
	}
	if (ctx->done)
		return 0;

	cb->seq = dar_dump_seq(w.dn);
	w.resume_check = ctx->pos > 0;
	pos = ctx->pos - w.resume_check;
	ret = sctp_dar_sctp_transport_traverse(net, dar_dump_one_rcu, NULL,
					       &pos, &w);
	if (w.resume_check)	/* nothing at all where we stopped: shrunk */
		dar_dump_changed(&w);
	ctx->pos = pos;
	if (!ret) {
		ctx->done = 1;
		return skb->len;
	}
	if (!w.count) {
		NL_SET_ERR_MSG(cb->extack,
			       "association too large for a dump message");
		return -EMSGSIZE;
	}
	return skb->len;
}

/* ---- stats-get ------------------------------------------------------- */

/**
 * sctp_dar_nl_stats_get_doit - reply with the namespace's counters
 * @skb: the request
 * @info: the request's details
 *
 * Context: process context.
 * Return: 0 or a negative errno.
 */
int sctp_dar_nl_stats_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct sctp_dar_net *dn = sctp_dar_net(genl_info_net(info));
	unsigned int attr;
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new((SCTP_DAR_A_STATS_MAX + 1) *
			  nla_total_size_64bit(sizeof(u64)), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &sctp_dar_nl_family, 0,
				SCTP_DAR_CMD_STATS_GET);
	if (!hdr)
		goto err_free;
	for (attr = SCTP_DAR_STATS_FIRST; attr <= SCTP_DAR_A_STATS_MAX; attr++) {
		if (nla_put_u64_64bit(msg, attr,
				      sctp_dar_stats_read(&dn->stats, attr),
				      SCTP_DAR_A_STATS_PAD))
			goto err_free;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);

err_free:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

/* ---- events ------------------------------------------------------------ */

/**
 * sctp_dar_nl_event_fill - build one event message
 * @skb: where
 * @ev: the event
 * @portid: netlink port id (0 for multicast)
 * @seq: sequence number (0 for multicast)
 *
 * Context: any.
 * Return: 0 or -EMSGSIZE.
 */
VISIBLE_IF_KUNIT int sctp_dar_nl_event_fill(struct sk_buff *skb,
					    const struct sctp_dar_event *ev,
					    u32 portid, u32 seq)
{
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &sctp_dar_nl_family, 0,
			  SCTP_DAR_CMD_EVENT);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, SCTP_DAR_A_EVENT_TYPE, ev->type) ||
	    (ev->assoc_id &&
	     nla_put_u32(skb, SCTP_DAR_A_EVENT_ASSOC_ID, ev->assoc_id)) ||
	    (ev->lport &&
	     nla_put_be16(skb, SCTP_DAR_A_EVENT_LOCAL_PORT, htons(ev->lport))) ||
	    (ev->pport &&
	     nla_put_be16(skb, SCTP_DAR_A_EVENT_PEER_PORT, htons(ev->pport))) ||
	    (ev->addr &&
	     dar_put_addr(skb, SCTP_DAR_A_EVENT_ADDR, ev->addr, -1)) ||
	    (ev->ifindex &&
	     nla_put_u32(skb, SCTP_DAR_A_EVENT_IFINDEX, ev->ifindex)) ||
	    (ev->has_serial &&
	     nla_put_u32(skb, SCTP_DAR_A_EVENT_SERIAL, ev->serial)) ||
	    (ev->error_cause &&
	     nla_put_u32(skb, SCTP_DAR_A_EVENT_ERROR_CAUSE, ev->error_cause)) ||
	    (ev->reason &&
	     nla_put_u32(skb, SCTP_DAR_A_EVENT_REASON, ev->reason)) ||
	    (ev->verdict &&
	     nla_put_u32(skb, SCTP_DAR_A_EVENT_VERDICT, ev->verdict)) ||
	    (ev->has_latency &&
	     nla_put_u32(skb, SCTP_DAR_A_EVENT_LATENCY_US, ev->latency_us))) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_nl_event_fill);

/* The counter each event type advances. */
static unsigned int dar_event_counter(enum sctp_dar_event_type type)
{
	switch (type) {
	case SCTP_DAR_EVENT_TYPE_ADDR_ADDED:
		return SCTP_DAR_A_STATS_ADDRS_ADDED;
	case SCTP_DAR_EVENT_TYPE_ADDR_REMOVED:
		return SCTP_DAR_A_STATS_ADDRS_REMOVED;
	case SCTP_DAR_EVENT_TYPE_PRIMARY_CHANGED:
	case SCTP_DAR_EVENT_TYPE_PEER_PRIMARY_SET:
		return SCTP_DAR_A_STATS_PRIMARY_CHANGES;
	case SCTP_DAR_EVENT_TYPE_ASCONF_SENT:
		return SCTP_DAR_A_STATS_ASCONF_SENT;
	case SCTP_DAR_EVENT_TYPE_ASCONF_ACKED:
		return SCTP_DAR_A_STATS_ASCONF_ACKED;
	case SCTP_DAR_EVENT_TYPE_ASCONF_REJECTED:
		return SCTP_DAR_A_STATS_ASCONF_REJECTED;
	case SCTP_DAR_EVENT_TYPE_EVENT_IGNORED:
		return SCTP_DAR_A_STATS_EVENTS_IGNORED;
	case SCTP_DAR_EVENT_TYPE_ASCONF_RECEIVED:
		return 0;	/* per verdict: ev->counter */
	}
	return 0;
}

/**
 * sctp_dar_nl_assoc_changed - note that an association of @net changed
 * @net: the namespace
 *
 * Dumps running across the change flag their next message with
 * NLM_F_DUMP_INTR. Association events (sctp_dar_nl_event()) call it.
 *
 * Context: any but hard IRQ.
 */
void sctp_dar_nl_assoc_changed(struct net *net)
{
	atomic_inc(&sctp_dar_net(net)->nl_gen);
}

/**
 * sctp_dar_nl_event - count an event and multicast it to listeners
 * @net: the namespace it happened in
 * @ev: the event
 *
 * Advances @ev->counter, or the counter matching @ev->type, and the dump
 * generation for every type but event-ignored and asconf-received. The
 * message is built only while the events group has listeners in @net; a
 * failure to build it is counted in SCTP_DAR_A_STATS_NOTIFY_FAILED.
 *
 * Context: any but hard IRQ (GFP_ATOMIC), between sctp_dar_netlink_init()
 * and sctp_dar_netlink_exit().
 */
void sctp_dar_nl_event(struct net *net, const struct sctp_dar_event *ev)
{
	struct sctp_dar_net *dn = sctp_dar_net(net);
	unsigned int ctr = ev->counter ?: dar_event_counter(ev->type);
	struct sk_buff *skb;

	if (WARN_ON_ONCE(!ctr))
		return;
	sctp_dar_stats_inc(&dn->stats, ctr);
	if (ev->type != SCTP_DAR_EVENT_TYPE_EVENT_IGNORED &&
	    ev->type != SCTP_DAR_EVENT_TYPE_ASCONF_RECEIVED)
		sctp_dar_nl_assoc_changed(net);

	if (!genl_has_listeners(&sctp_dar_nl_family, net, SCTP_DAR_NLGRP_EVENTS))
		return;
	skb = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_ATOMIC);
	if (!skb)
		goto err_count;
	if (sctp_dar_nl_event_fill(skb, ev, 0, 0)) {
		nlmsg_free(skb);
		goto err_count;
	}
	genlmsg_multicast_netns(&sctp_dar_nl_family, net, skb, 0,
				SCTP_DAR_NLGRP_EVENTS, GFP_ATOMIC);
	return;

err_count:
	sctp_dar_stats_inc(&dn->stats, SCTP_DAR_A_STATS_NOTIFY_FAILED);
}

static void dar_event_set_asoc(struct sctp_dar_event *ev,
			       const struct sctp_association *asoc)
{
	if (!asoc)
		return;
	ev->assoc_id = asoc->assoc_id;
	ev->lport = asoc->base.bind_addr.port;
	ev->pport = asoc->peer.port;
}

/**
 * sctp_dar_nl_event_addr - report an address event of one association
 * @net: the namespace
 * @type: addr-added, addr-removed, primary-changed or peer-primary-set
 * @asoc: the association; the caller keeps it alive
 * @addr: the local (added, removed, peer primary) or peer (primary)
 *	address
 *
 * Context: as sctp_dar_nl_event().
 */
void sctp_dar_nl_event_addr(struct net *net, enum sctp_dar_event_type type,
			    const struct sctp_association *asoc,
			    const union sctp_addr *addr)
{
	struct sctp_dar_event ev = { .type = type, .addr = addr };

	dar_event_set_asoc(&ev, asoc);
	sctp_dar_nl_event(net, &ev);
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_nl_event_addr);

/**
 * sctp_dar_nl_event_asconf - report an ASCONF sent, acknowledged or rejected
 * @net: the namespace
 * @type: asconf-sent, asconf-acked or asconf-rejected
 * @asoc: the association; the caller keeps it alive
 * @serial: the ASCONF's serial number
 * @error_cause: asconf-rejected: the peer's Error Cause code, else 0
 * @addr: asconf-rejected: the address of the rejected parameter, or NULL
 *
 * Context: as sctp_dar_nl_event().
 */
void sctp_dar_nl_event_asconf(struct net *net, enum sctp_dar_event_type type,
			      const struct sctp_association *asoc, u32 serial,
			      u16 error_cause, const union sctp_addr *addr)
{
	struct sctp_dar_event ev = {
		.type = type,
		.serial = serial,
		.has_serial = true,
		.error_cause = error_cause,
		.addr = addr,
	};

	dar_event_set_asoc(&ev, asoc);
	sctp_dar_nl_event(net, &ev);
}

/**
 * sctp_dar_nl_event_ignored - report a host address event not acted upon
 * @net: the namespace
 * @reason: why
 * @ifindex: the interface, or 0
 * @addr: the address, or NULL
 * @asoc: the one association concerned, or NULL
 *
 * Context: as sctp_dar_nl_event().
 */
void sctp_dar_nl_event_ignored(struct net *net,
			       enum sctp_dar_ignore_reason reason, int ifindex,
			       const union sctp_addr *addr,
			       const struct sctp_association *asoc)
{
	struct sctp_dar_event ev = {
		.type = SCTP_DAR_EVENT_TYPE_EVENT_IGNORED,
		.reason = reason,
		.ifindex = ifindex,
		.addr = addr,
	};

	dar_event_set_asoc(&ev, asoc);
	sctp_dar_nl_event(net, &ev);
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_nl_event_ignored);

/* ---- registration ------------------------------------------------------ */

/**
 * sctp_dar_netlink_init - register the generic-netlink family
 *
 * Context: process context (module init).
 * Return: 0 or a negative errno from genl_register_family().
 */
int sctp_dar_netlink_init(void)
{
	return genl_register_family(&sctp_dar_nl_family);
}

/**
 * sctp_dar_netlink_exit - unregister it
 *
 * Context: process context (module exit or init unwind).
 */
void sctp_dar_netlink_exit(void)
{
	genl_unregister_family(&sctp_dar_nl_family);
}

/* No MODULE_ALIAS_GENL_FAMILY(): any user may look a family up, and once
 * loaded sctp_dar manages every wildcard-bound socket and hooks every
 * namespace. Loading it is the administrator's choice (modprobe).
 */
