// SPDX-License-Identifier: GPL-2.0
/*
 * assoc.c - the association driver.
 *
 * sctp_dar never builds an ASCONF itself: it asks the kernel's RFC 5061
 * engine, through the same setsockopt entry points an application's
 * sctp_bindx() or SCTP_SET_PEER_PRIMARY_ADDR uses, and for wildcard-bound
 * sockets through the kernel's own auto_asconf queue.
 *
 * Locking:
 *  - The socket lock (lock_sock) protects an endpoint's association list
 *    and every association's address and transport lists against process
 *    context and, while owned, against the softirq receive path (packets
 *    go to the backlog). sctp_dar takes it only to take a snapshot, never
 *    while calling setsockopt (which takes it itself).
 *  - The kernel's auto_asconf timer handler changes bind address lists
 *    under bh_lock_sock without looking at the owner, but those lists are
 *    RCU lists whose entries are freed with kfree_rcu, so snapshots read
 *    them under rcu_read_lock().
 *  - net->sctp.addr_wq_lock: see auto_asconf.c, which drives the
 *    kernel's auto_asconf queue.
 *  - sk->sk_callback_lock (read side) keeps sk->sk_socket and its file
 *    alive while a reference on the file is taken.
 *  - The association table is protected by the owning namespace's reconf
 *    mutex (reconf.c), held by every caller of the table functions.
 *  Order: reconf mutex -> socket lock -> RCU; reconf mutex -> addr_wq_lock.
 *
 * Contexts: sctp_dar_assoc_collect()'s transport callback runs under
 * rcu_read_lock() (atomic); everything else here runs in process context
 * from the namespace's reconf worker and may sleep.
 *
 * Lifetime: a collected socket is held by a reference on its struct sock
 * only, which keeps its memory, not its endpoint. Before looking at it the
 * pass pins its file (sctp_dar_assoc_sock_begin(), which fails once the
 * application closed it) and drops the pin as soon as that socket is done
 * (sctp_dar_assoc_sock_end()): while it is held the application's close()
 * cannot run sctp_close(), so the endpoint stays alive and setsockopt is
 * exactly as safe as from a system call, and a close() waits for one
 * socket's work at most, never for a whole pass. Sockets without a file
 * (kernel users such as DLM) are never collected.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/net.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <net/inet_sock.h>
#include <net/ip6_route.h>
#include <net/route.h>
#include <net/sctp/sctp.h>
#include <net/sock.h>

#include "assoc.h"
#include "sctp_glue.h"

/* A walk never holds more sockets than this (each pins a file and costs
 * 64 bytes while the pass runs). Beyond it the rest of the namespace's
 * sockets are not looked at, and since the walk is then incomplete no
 * stale entry is swept (reconf.c counts them in socks_dropped). It was
 * 4,096: a host with 10,000 one-to-one sockets had a third of them
 * unmanaged.
 */
#define DAR_MAX_SOCKS		65536

/**
 * struct dar_walk - state of one sctp_dar_assoc_collect() walk
 * @socks: the caller's list of struct sctp_dar_sock
 * @seen: duplicate filter, by socket
 * @count: sockets collected
 * @dropped: sockets skipped (limit or allocation failure)
 */
struct dar_walk {
	struct list_head *socks;
	DECLARE_HASHTABLE(seen, 12);
	unsigned int count;
	unsigned int dropped;
};

/* Take a reference on @sk's file, or return NULL when it has none or is
 * being closed. sk_callback_lock keeps sk->sk_socket (cleared by
 * sock_orphan() under the write side) and so its file from going away.
 */
static struct file *dar_sock_file_get(struct sock *sk)
{
	struct file *file = NULL;
	struct socket *sock;

	read_lock_bh(&sk->sk_callback_lock);
	sock = sk->sk_socket;
	if (sock && sock->file && sctp_dar_file_get_not_zero(sock->file))
		file = sock->file;
	read_unlock_bh(&sk->sk_callback_lock);
	return file;
}

/* Does @sk belong to an application (a socket with a file), not to a
 * kernel user? Context: any; sk_callback_lock as in dar_sock_file_get().
 */
static bool dar_sock_has_file(struct sock *sk)
{
	bool ret;

	read_lock_bh(&sk->sk_callback_lock);
	ret = sk->sk_socket && sk->sk_socket->file;
	read_unlock_bh(&sk->sk_callback_lock);
	return ret;
}

/**
 * sctp_dar_assoc_sock_begin - pin a collected socket's file to work on it
 * @s: a socket from sctp_dar_assoc_collect()
 *
 * Context: process context.
 * Return: 0, or -ENOENT when the application closed it since the walk.
 */
int sctp_dar_assoc_sock_begin(struct sctp_dar_sock *s)
{
	s->file = dar_sock_file_get(s->sk);
	return s->file ? 0 : -ENOENT;
}

/**
 * sctp_dar_assoc_sock_end - drop what sctp_dar_assoc_sock_begin() took
 * @s: the socket
 *
 * Dropping the last reference on a file whose application closed it in
 * the meantime closes the socket (from the delayed fput work).
 *
 * Context: process context.
 */
void sctp_dar_assoc_sock_end(struct sctp_dar_sock *s)
{
	fput(s->file);
	s->file = NULL;
}

/**
 * sctp_dar_assoc_sock_pin - pin a socket found by other means
 * @sk: the socket; the caller holds a reference on it (sock_hold())
 * @s: receives the pinned socket; release it with sctp_dar_assoc_sock_unpin()
 *
 * Context: process context.
 * Return: 0, or -ENOENT when the socket has no file (a kernel socket) or is
 * being closed.
 */
int sctp_dar_assoc_sock_pin(struct sock *sk, struct sctp_dar_sock *s)
{
	memset(s, 0, sizeof(*s));
	s->file = dar_sock_file_get(sk);
	if (!s->file)
		return -ENOENT;
	s->sk = sk;
	return 0;
}

/**
 * sctp_dar_assoc_sock_unpin - drop what sctp_dar_assoc_sock_pin() took
 * @s: the pinned socket
 *
 * Context: process context (may run the socket's close).
 */
void sctp_dar_assoc_sock_unpin(struct sctp_dar_sock *s)
{
	fput(s->file);
	s->file = NULL;
}

/* Record @sk in the walk once. @gfp is GFP_ATOMIC under RCU. */
static void dar_walk_add(struct dar_walk *w, struct sock *sk, gfp_t gfp)
{
	struct sctp_dar_sock *s;

	hash_for_each_possible(w->seen, s, hnode, (unsigned long)sk)
		if (s->sk == sk)
			return;

	if (w->count >= DAR_MAX_SOCKS) {
		w->dropped++;
		return;
	}
	if (!dar_sock_has_file(sk))
		return;
	s = kzalloc(sizeof(*s), gfp);
	if (!s) {
		w->dropped++;
		return;
	}
	sock_hold(sk);
	s->sk = sk;
	hash_add(w->seen, &s->hnode, (unsigned long)sk);
	list_add_tail(&s->list, w->socks);
	w->count++;
}

/* Association walk callback (once per association, for its primary
 * transport). Context: rcu_read_lock(), references held on @ep and @t.
 */
static int dar_walk_transport_rcu(struct sctp_endpoint *ep,
				  struct sctp_transport *t, void *arg)
{
	if (!ep->base.dead)
		dar_walk_add(arg, ep->base.sk, GFP_ATOMIC);
	return 0;
}

/* Endpoint walk callback: only listening endpoints are hashed, which is
 * how specifically-bound listeners without associations are found.
 * Context: process, a reference held on @ep, no sctp.ko lock held.
 */
static int dar_walk_endpoint(struct sctp_endpoint *ep, void *arg)
{
	if (!ep->base.dead)
		dar_walk_add(arg, ep->base.sk, GFP_KERNEL);
	return 0;
}

/**
 * sctp_dar_assoc_collect - find every SCTP socket of a namespace
 * @net: the namespace
 * @socks: receives struct sctp_dar_sock entries, each holding its socket
 *	(not its file: see sctp_dar_assoc_sock_begin()); release them with
 *	sctp_dar_assoc_release()
 *
 * Sockets with associations are found through the transport table, idle
 * listeners through the endpoint table.
 *
 * Context: process context; may sleep.
 * Return: the number of sockets that could not be collected (limit or
 * memory), 0 normally.
 */
int sctp_dar_assoc_collect(struct net *net, struct list_head *socks)
{
	struct dar_walk *w;
	int dropped, pos = 0;

	w = kvzalloc(sizeof(*w), GFP_KERNEL);	/* 32 KiB of buckets */
	if (!w)
		return 1;
	w->socks = socks;
	hash_init(w->seen);

	sctp_dar_sctp_transport_traverse(net, dar_walk_transport_rcu, NULL,
					 &pos, w);
	sctp_dar_sctp_walk_endpoints(net, dar_walk_endpoint, w);

	dropped = w->dropped;
	kvfree(w);
	return dropped;
}

/**
 * sctp_dar_assoc_release - drop and free collected sockets
 * @socks: the list filled by sctp_dar_assoc_collect(); emptied
 *
 * Context: process context; may sleep.
 */
void sctp_dar_assoc_release(struct list_head *socks)
{
	struct sctp_dar_sock *s, *tmp;

	list_for_each_entry_safe(s, tmp, socks, list) {
		list_del(&s->list);
		if (WARN_ON_ONCE(s->file))
			fput(s->file);
		sock_put(s->sk);
		kfree(s);
	}
}

static u8 dar_path_state(const struct sctp_transport *t)
{
	switch (t->state) {
	case SCTP_ACTIVE:
	case SCTP_UNKNOWN:
		return SCTP_DAR_PATH_ACTIVE;
	case SCTP_PF:
		return SCTP_DAR_PATH_PF;
	case SCTP_UNCONFIRMED:
		return SCTP_DAR_PATH_UNCONFIRMED;
	default:
		return SCTP_DAR_PATH_INACTIVE;
	}
}

/**
 * sctp_dar_assoc_addr_is_any - is @a the wildcard address of its family?
 * @a: an AF_INET or AF_INET6 address
 *
 * Context: any.
 * Return: true for 0.0.0.0 and ::.
 */
bool sctp_dar_assoc_addr_is_any(const union sctp_addr *a)
{
	if (a->sa.sa_family == AF_INET)
		return a->v4.sin_addr.s_addr == htonl(INADDR_ANY);
	if (a->sa.sa_family == AF_INET6)
		return ipv6_addr_any(&a->v6.sin6_addr);
	return false;
}

/* Copy a bind address list. Context: rcu_read_lock() held. */
static unsigned int dar_copy_bind_rcu(struct sctp_bind_addr *bp,
				      struct sctp_dar_laddr *l,
				      union sctp_addr *a, unsigned int max)
{
	struct sctp_sockaddr_entry *e;
	unsigned int n = 0;

	list_for_each_entry_rcu(e, &bp->address_list, list) {
		if (!e->valid)
			continue;
		if (n == max)
			break;
		if (l) {
			l[n].a = e->a;
			l[n].state = e->state == SCTP_ADDR_SRC ?
				     SCTP_DAR_LA_SRC :
				     e->state == SCTP_ADDR_DEL ?
				     SCTP_DAR_LA_DEL : SCTP_DAR_LA_NEW;
		} else {
			a[n] = e->a;
		}
		n++;
	}
	return n;
}

/* Is chunk type @cid in the AUTH chunk list @param (RFC 4895 CHUNKS
 * parameter, as sctp.ko keeps it)? Context: socket lock owned.
 */
static bool dar_auth_lists(const struct sctp_chunks_param *param,
			   unsigned int max, u8 cid)
{
	unsigned int len, i;

	if (!param)
		return false;
	len = ntohs(param->param_hdr.length);
	if (len <= sizeof(struct sctp_paramhdr) ||
	    max <= sizeof(struct sctp_paramhdr))
		return false;
	len = min(len, max) - sizeof(struct sctp_paramhdr);
	for (i = 0; i < len; i++)
		if (param->chunks[i] == cid)
			return true;
	return false;
}

/* Does sctp.ko authenticate this association's reconfiguration both
 * ways? It signs an outgoing chunk only if the peer listed its type
 * (asoc->peer.peer_chunks: sctp_auth_send_cid()) and insists that an
 * incoming one is signed only if we listed it (asoc->c.auth_chunks:
 * sctp_auth_recv_cid()). A peer that does AUTH but left ASCONF out of its
 * list would get our ASCONFs unsigned. Context: socket lock owned.
 */
static bool dar_auth_asconf(const struct sctp_association *asoc)
{
	const struct sctp_chunks_param *ours =
		(const struct sctp_chunks_param *)asoc->c.auth_chunks;
	const struct sctp_chunks_param *peers = asoc->peer.peer_chunks;

	unsigned int pmax = peers ? ntohs(peers->param_hdr.length) : 0;
	unsigned int omax = sizeof(asoc->c.auth_chunks);

	return asoc->peer.auth_capable &&
	       dar_auth_lists(peers, pmax, SCTP_CID_ASCONF) &&
	       dar_auth_lists(peers, pmax, SCTP_CID_ASCONF_ACK) &&
	       dar_auth_lists(ours, omax, SCTP_CID_ASCONF) &&
	       dar_auth_lists(ours, omax, SCTP_CID_ASCONF_ACK);
}

/* Fill @av and @key from @asoc. Context: socket lock owned. */
static void dar_snap_asoc(struct sctp_association *asoc,
			  struct sctp_dar_asocview *av,
			  struct sctp_dar_asockey *key)
{
	struct sctp_transport *t;

	av->id = asoc->assoc_id;
	av->established = asoc->state == SCTP_STATE_ESTABLISHED;
	av->asconf_capable = asoc->peer.asconf_capable;
	av->auth_capable = asoc->peer.auth_capable;
	av->auth_asconf = dar_auth_asconf(asoc);
	av->asconf_busy = asoc->addip_last_asconf ||
			  !list_empty(&asoc->addip_chunk_list);
	av->del_pending = !!asoc->asconf_addr_del_pending;
	key->asoc = asoc;
	key->tag = asoc->c.my_vtag;
	key->serial = asoc->addip_serial;

	rcu_read_lock();
	av->nl = dar_copy_bind_rcu(&asoc->base.bind_addr, av->l, NULL,
				   SCTP_DAR_MAX_LADDR);
	av->np = 0;
	list_for_each_entry_rcu(t, &asoc->peer.transport_addr_list,
				transports) {
		struct sctp_dar_path *p;

		if (av->np == SCTP_DAR_MAX_PATHS)
			break;
		p = &av->p[av->np++];
		p->a = t->ipaddr;
		p->state = dar_path_state(t);
		p->primary = t == asoc->peer.primary_path;
		p->hb_pending = t->hb_sent;
		p->errors = t->error_count;
		p->srtt_ms = jiffies_to_msecs(t->srtt);
		/* One sample sets RTTVAR to half of it, rounded down (in
		 * jiffies; RFC 4960 6.3.1 C1): nothing else leaves exactly
		 * that, but by chance.
		 */
		p->rtt_unsettled = t->srtt > 1 &&
				   (2 * t->rttvar == t->srtt ||
				    2 * t->rttvar + 1 == t->srtt);
		p->last_heard_ns = ktime_to_ns(t->last_time_heard);
		p->ifindex = 0;
	}
	rcu_read_unlock();
}

/**
 * sctp_dar_assoc_snapshot - snapshot a socket and its associations
 * @s: the socket (pinned)
 * @max_asocs: take at most this many associations
 * @snap: receives the snapshot; free it with sctp_dar_assoc_snapshot_free()
 *
 * Context: process context; takes the socket lock; may sleep.
 * Return: 0, -ENOENT when the socket is closing or not an SCTP socket any
 * more, -ENOMEM.
 */
int sctp_dar_assoc_snapshot(struct sctp_dar_sock *s, unsigned int max_asocs,
			    struct sctp_dar_socksnap *snap)
{
	struct sctp_dar_sockview *sv = &snap->sv;
	struct sock *sk = s->sk;
	struct sctp_association *asoc;
	struct sctp_endpoint *ep;
	unsigned int n = 0;
	int err = 0;

	memset(snap, 0, sizeof(*snap));
	snap->net = sock_net(sk);

	lock_sock(sk);
	ep = sctp_sk(sk)->ep;
	if (sock_flag(sk, SOCK_DEAD) || !ep || ep->base.dead) {
		err = -ENOENT;
		goto out_unlock;
	}

	sv->family = sk->sk_family;
	sv->v6only = sk->sk_family == AF_INET6 && sk->sk_ipv6only;
	sv->auto_asconf = sctp_sk(sk)->do_auto_asconf;
	sv->asconf_enable = ep->asconf_enable;
	sv->port = ep->base.bind_addr.port;
	snap->style_udp = sctp_style(sk, UDP);
	rcu_read_lock();
	sv->nep = dar_copy_bind_rcu(&ep->base.bind_addr, NULL, sv->ep,
				    SCTP_DAR_MAX_LADDR);
	rcu_read_unlock();
	sv->boundall = sv->nep == 1 && sctp_dar_assoc_addr_is_any(&sv->ep[0]);

	list_for_each_entry(asoc, &ep->asocs, asocs)
		n++;
	n = min(n, max_asocs);
	if (!n)
		goto out_unlock;

	snap->av = kvcalloc(n, sizeof(*snap->av), GFP_KERNEL);
	snap->key = kvcalloc(n, sizeof(*snap->key), GFP_KERNEL);
	if (!snap->av || !snap->key) {
		err = -ENOMEM;
		goto out_free;
	}
	list_for_each_entry(asoc, &ep->asocs, asocs) {
		if (snap->nav == n)
			break;
		if (asoc->temp)
			continue;
		dar_snap_asoc(asoc, &snap->av[snap->nav], &snap->key[snap->nav]);
		snap->nav++;
	}
	release_sock(sk);
	return 0;

out_free:
	kvfree(snap->av);
	kvfree(snap->key);
	snap->av = NULL;
	snap->key = NULL;
out_unlock:
	release_sock(sk);
	return err;
}

/**
 * sctp_dar_assoc_snapshot_free - free what a snapshot allocated
 * @snap: the snapshot
 *
 * Context: any context that may call kvfree().
 */
void sctp_dar_assoc_snapshot_free(struct sctp_dar_socksnap *snap)
{
	kvfree(snap->av);
	kvfree(snap->key);
	snap->av = NULL;
	snap->key = NULL;
	snap->nav = 0;
}

/**
 * sctp_dar_assoc_route_ifindex - the device the host routes to @dst over
 * @net: the namespace
 * @src: the source address to route from, or NULL
 * @dst: the destination
 *
 * Context: process context (does not sleep).
 * Return: the output device's ifindex, 0 when there is no route.
 */
int sctp_dar_assoc_route_ifindex(struct net *net, const union sctp_addr *src,
				 const union sctp_addr *dst)
{
	int ifindex = 0;

	if (dst->sa.sa_family == AF_INET) {
		struct flowi4 fl4 = {};
		struct rtable *rt;

		fl4.daddr = dst->v4.sin_addr.s_addr;
		if (src && src->sa.sa_family == AF_INET)
			fl4.saddr = src->v4.sin_addr.s_addr;
		fl4.flowi4_proto = IPPROTO_SCTP;
		rt = ip_route_output_key(net, &fl4);
		if (IS_ERR(rt))
			return 0;
		ifindex = rt->dst.dev->ifindex;
		ip_rt_put(rt);
	} else if (IS_ENABLED(CONFIG_IPV6) && dst->sa.sa_family == AF_INET6) {
		struct flowi6 fl6 = {};
		struct dst_entry *d;

		fl6.daddr = dst->v6.sin6_addr;
		if (src && src->sa.sa_family == AF_INET6)
			fl6.saddr = src->v6.sin6_addr;
		fl6.flowi6_proto = IPPROTO_SCTP;
		d = ip6_route_output(net, NULL, &fl6);
		if (!d->error && d->dev)
			ifindex = d->dev->ifindex;
		dst_release(d);
	}
	return ifindex;
}

/**
 * sctp_dar_assoc_route_paths - fill in the route device of every path
 * @net: the namespace
 * @src: the local address the association should send from, or NULL
 * @av: the association's snapshot; its paths' ifindex are set
 *
 * Context: process context (route lookups; does not sleep).
 */
void sctp_dar_assoc_route_paths(struct net *net, const union sctp_addr *src,
				struct sctp_dar_asocview *av)
{
	unsigned int i;

	for (i = 0; i < av->np; i++)
		av->p[i].ifindex =
			sctp_dar_assoc_route_ifindex(net, src, &av->p[i].a);
}

static unsigned int dar_sockaddr_len(const union sctp_addr *a)
{
	return a->sa.sa_family == AF_INET6 ? sizeof(struct sockaddr_in6) :
					     sizeof(struct sockaddr_in);
}

/* Call the socket's own setsockopt with a kernel buffer. It takes the
 * socket lock itself. Context: process; the socket pinned by its file.
 */
static int dar_setsockopt(struct sctp_dar_sock *s, int optname, void *buf,
			  unsigned int len)
{
	struct sock *sk = s->sk;

	return sk->sk_prot->setsockopt(sk, SOL_SCTP, optname,
				       KERNEL_SOCKPTR(buf), len);
}

/**
 * sctp_dar_assoc_bindx - add or remove endpoint addresses (sctp_bindx)
 * @s: the socket (pinned)
 * @add: true for SCTP_SOCKOPT_BINDX_ADD, false for SCTP_SOCKOPT_BINDX_REM
 * @addrs: the addresses (ports ignored: the endpoint's port is used)
 * @n: how many
 *
 * The kernel sends an ASCONF (ADD-IP or DELETE-IP) to the peer of every
 * established association of the endpoint that supports it.
 *
 * Context: process context; may sleep.
 * Return: 0 or the negative errno of setsockopt (-EBUSY: would remove the
 * endpoint's last address; -EADDRNOTAVAIL: not a local address).
 */
int sctp_dar_assoc_bindx(struct sctp_dar_sock *s, bool add,
			 const union sctp_addr *addrs, unsigned int n)
{
	u8 buf[SCTP_DAR_MAX_LADDR * sizeof(struct sockaddr_in6)];
	unsigned int i, len = 0;

	if (!n || n > SCTP_DAR_MAX_LADDR)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		union sctp_addr a = addrs[i];
		unsigned int alen = dar_sockaddr_len(&a);

		a.v4.sin_port = 0;
		memcpy(buf + len, &a, alen);
		len += alen;
	}
	return dar_setsockopt(s, add ? SCTP_SOCKOPT_BINDX_ADD :
				       SCTP_SOCKOPT_BINDX_REM, buf, len);
}

/**
 * sctp_dar_assoc_set_primary - choose the peer address this end sends to
 * @s: the socket (pinned)
 * @id: the association
 * @peer: the peer's address, as in its transport (with the peer's port)
 *
 * Context: process context; may sleep.
 * Return: 0 or the negative errno of SCTP_PRIMARY_ADDR.
 */
int sctp_dar_assoc_set_primary(struct sctp_dar_sock *s, sctp_assoc_t id,
			       const union sctp_addr *peer)
{
	struct sctp_prim prim = {};

	prim.ssp_assoc_id = id;
	memcpy(&prim.ssp_addr, peer, dar_sockaddr_len(peer));
	return dar_setsockopt(s, SCTP_PRIMARY_ADDR, &prim, sizeof(prim));
}

/**
 * sctp_dar_assoc_set_peer_primary - ask the peer to send to @local (ASCONF
 * SET_PRIMARY, RFC 5061 §4.2.4)
 * @s: the socket (pinned)
 * @id: the association
 * @local: one of the association's local addresses
 *
 * Context: process context; may sleep.
 * Return: 0 or the negative errno of SCTP_SET_PEER_PRIMARY_ADDR (-EPERM:
 * ADD-IP off; -EADDRNOTAVAIL: not an address of the association).
 */
int sctp_dar_assoc_set_peer_primary(struct sctp_dar_sock *s, sctp_assoc_t id,
				    const union sctp_addr *local)
{
	struct sctp_setpeerprim prim = {};

	prim.sspp_assoc_id = id;
	memcpy(&prim.sspp_addr, local, dar_sockaddr_len(local));
	return dar_setsockopt(s, SCTP_SET_PEER_PRIMARY_ADDR, &prim,
			      sizeof(prim));
}

/**
 * sctp_dar_assoc_heartbeat - send a HEARTBEAT on one path now
 * @s: the socket (pinned)
 * @id: the association
 * @peer: the peer address, as in its transport
 *
 * Context: process context; may sleep.
 * Return: 0 or the negative errno of SCTP_PEER_ADDR_PARAMS.
 */
int sctp_dar_assoc_heartbeat(struct sctp_dar_sock *s, sctp_assoc_t id,
			     const union sctp_addr *peer)
{
	struct sctp_paddrparams pp = {};

	pp.spp_assoc_id = id;
	memcpy(&pp.spp_address, peer, dar_sockaddr_len(peer));
	pp.spp_flags = SPP_HB_DEMAND;
	return dar_setsockopt(s, SCTP_PEER_ADDR_PARAMS, &pp, sizeof(pp));
}

/* Does @t hold DATA that sctp_assoc_rm_peer() moved onto it (chunk
 * transport NULL: not sent on @t since) and nobody acknowledged?
 * Context: socket lock held.
 */
static bool dar_t_has_migrated(struct sctp_transport *t)
{
	struct sctp_chunk *ch;

	list_for_each_entry(ch, &t->transmitted, transmitted_list)
		if (!ch->transport && !ch->tsn_gap_acked)
			return true;
	return false;
}

/**
 * sctp_dar_assoc_rtx_rescue - restart the T3-rtx timer over stranded DATA
 * @s: the socket (pinned)
 *
 * When a peer deletes an address (ASCONF DELETE-IP), sctp_assoc_rm_peer()
 * moves the DATA in flight to it onto the active path's transmitted list
 * with chunk->transport NULL and starts that path's T3-rtx timer. Those
 * bytes are not in the path's flight_size, so the next SACK that brings
 * flight_size to 0 stops the timer (sctp_check_transmitted(), R2) while
 * the moved chunks are still unacknowledged. A chunk that was already fast
 * retransmitted once is then never sent again, the peer's receive window
 * fills up behind the hole, and the association stalls for good in that
 * direction (seen in the flap storm: 6.1's net/sctp/outqueue.c,
 * sctp_check_transmitted(), "if (!transport->flight_size) del_timer").
 * Here, for every association of @s, a path that holds such chunks
 * without a pending T3-rtx timer gets it started again, as
 * sctp_assoc_rm_peer() meant to: when it expires the chunks are
 * retransmitted as after any timeout.
 *
 * Context: process context; takes the socket lock (the receive path and
 * the timers then leave the association alone, as for a system call).
 * Return: the number of timers started.
 */
unsigned int sctp_dar_assoc_rtx_rescue(struct sctp_dar_sock *s)
{
	struct sock *sk = s->sk;
	struct sctp_association *asoc;
	struct sctp_transport *t;
	struct sctp_endpoint *ep;
	unsigned int n = 0;

	lock_sock(sk);
	ep = sctp_sk(sk)->ep;
	if (sock_flag(sk, SOCK_DEAD) || !ep || ep->base.dead)
		goto out_unlock;
	list_for_each_entry(asoc, &ep->asocs, asocs) {
		if (asoc->base.dead)
			continue;
		list_for_each_entry(t, &asoc->peer.transport_addr_list,
				    transports) {
			if (timer_pending(&t->T3_rtx_timer) ||
			    !dar_t_has_migrated(t))
				continue;
			/* A pending timer holds a reference on its
			 * transport (sctp_transport_hold(), not exported;
			 * the transport is alive: it is on the list and
			 * the socket lock is held).
			 */
			if (!mod_timer(&t->T3_rtx_timer, jiffies + t->rto))
				refcount_inc(&t->refcnt);
			n++;
		}
	}
out_unlock:
	release_sock(sk);
	return n;
}

/**
 * sctp_dar_assoc_asconf_supported - switch the endpoint's ADD-IP on or off
 * @s: the socket (pinned)
 * @on: the new setting
 *
 * With ADD-IP off, bindx changes the endpoint without sending ASCONFs.
 *
 * Context: process context; may sleep.
 * Return: 0 or the negative errno of SCTP_ASCONF_SUPPORTED.
 */
int sctp_dar_assoc_asconf_supported(struct sctp_dar_sock *s, bool on)
{
	struct sctp_assoc_value v = {
		.assoc_id = SCTP_FUTURE_ASSOC,
		.assoc_value = on,
	};

	return dar_setsockopt(s, SCTP_ASCONF_SUPPORTED, &v, sizeof(v));
}

/**
 * sctp_dar_assoc_auto_asconf - switch the kernel's auto_asconf on or off
 * @s: the socket (pinned; wildcard-bound, or the kernel refuses "on")
 * @on: the new setting
 *
 * Context: process context; may sleep.
 * Return: 0 or the negative errno of setsockopt.
 */
int sctp_dar_assoc_auto_asconf(struct sctp_dar_sock *s, bool on)
{
	int val = on;

	return dar_setsockopt(s, SCTP_AUTO_ASCONF, &val, sizeof(val));
}

/**
 * sctp_dar_assoc_freebind - read and set IP_FREEBIND (IPV6_FREEBIND)
 * @s: the socket (pinned)
 * @on: the new setting
 * @was: receives the old setting
 *
 * Binding an address the host no longer has needs it for a moment.
 *
 * Context: process context; may sleep.
 * Return: 0 or the negative errno of setsockopt.
 */
int sctp_dar_assoc_freebind(struct sctp_dar_sock *s, bool on, bool *was)
{
	struct sock *sk = s->sk;
	int val = on;

	lock_sock(sk);
	*was = sctp_dar_inet_freebind(sk);
	release_sock(sk);
	if (*was == on)
		return 0;
	if (sk->sk_family == AF_INET6)
		return sk->sk_prot->setsockopt(sk, SOL_IPV6, IPV6_FREEBIND,
					       KERNEL_SOCKPTR(&val),
					       sizeof(val));
	return sk->sk_prot->setsockopt(sk, SOL_IP, IP_FREEBIND,
				       KERNEL_SOCKPTR(&val), sizeof(val));
}

/* Every managed association and socket has an entry: own caches, so that
 * they cost their size and not kmalloc's next power of two. Created at
 * module init, destroyed at exit once every namespace's table is empty.
 */
static struct kmem_cache *dar_assoc_cache __read_mostly;
static struct kmem_cache *dar_sock_cache __read_mostly;

/**
 * sctp_dar_assoc_cache_init - create the entries' slab caches
 *
 * Context: process context (module init).
 * Return: 0 or -ENOMEM.
 */
int sctp_dar_assoc_cache_init(void)
{
	dar_assoc_cache = KMEM_CACHE(sctp_dar_assoc, 0);
	if (!dar_assoc_cache)
		return -ENOMEM;
	dar_sock_cache = kmem_cache_create("sctp_dar_sock",
					   sizeof(struct sctp_dar_sockstate),
					   0, 0, NULL);
	if (!dar_sock_cache) {
		kmem_cache_destroy(dar_assoc_cache);
		dar_assoc_cache = NULL;
		return -ENOMEM;
	}
	return 0;
}

/**
 * sctp_dar_assoc_cache_exit - destroy the entries' slab caches
 *
 * Every table must have been swept empty (namespace exit).
 *
 * Context: process context (module exit or init unwind).
 */
void sctp_dar_assoc_cache_exit(void)
{
	kmem_cache_destroy(dar_sock_cache);
	dar_sock_cache = NULL;
	kmem_cache_destroy(dar_assoc_cache);
	dar_assoc_cache = NULL;
}

/**
 * sctp_dar_assoc_table_init - initialise an empty association table
 * @t: the table
 *
 * Context: any.
 */
void sctp_dar_assoc_table_init(struct sctp_dar_assoc_table *t)
{
	hash_init(t->h);
	t->count = 0;
	hash_init(t->socks);
	t->nsocks = 0;
	t->gen = 1;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_assoc_table_init);

/**
 * sctp_dar_assoc_sock_first_seen - since when has this socket been known?
 * @t: the table; the caller holds the namespace's reconf mutex
 * @s: the socket (pinned)
 * @since: for a socket seen for the first time: the start of the previous
 *	complete walk (the socket was created after it, so addresses that
 *	became usable since then may be newer than the socket)
 *
 * Context: process context; may sleep (allocates).
 * Return: the value recorded when the socket was first seen (@since for a
 * new one, also when the entry cannot be allocated).
 */
unsigned long sctp_dar_assoc_sock_first_seen(struct sctp_dar_assoc_table *t,
					     struct sctp_dar_sock *s,
					     unsigned long since)
{
	unsigned long ino = sock_i_ino(s->sk);
	struct sctp_dar_sockstate *ss;

	hash_for_each_possible(t->socks, ss, hnode, ino) {
		if (ss->ino == ino) {
			ss->seen = t->gen;
			return ss->first_seen;
		}
	}
	ss = kmem_cache_zalloc(dar_sock_cache, GFP_KERNEL);
	if (!ss)
		return since;
	ss->ino = ino;
	ss->first_seen = since;
	ss->seen = t->gen;
	hash_add(t->socks, &ss->hnode, ino);
	t->nsocks++;
	return since;
}

/**
 * sctp_dar_assoc_sock_find - what sctp_dar remembers of a socket
 * @t: the table; the caller holds the namespace's reconf mutex
 * @s: the socket (pinned)
 *
 * Context: any (no allocation).
 * Return: the entry (made by sctp_dar_assoc_sock_first_seen()), or NULL.
 */
struct sctp_dar_sockstate *
sctp_dar_assoc_sock_find(struct sctp_dar_assoc_table *t,
			 struct sctp_dar_sock *s)
{
	unsigned long ino = sock_i_ino(s->sk);
	struct sctp_dar_sockstate *ss;

	hash_for_each_possible(t->socks, ss, hnode, ino)
		if (ss->ino == ino)
			return ss;
	return NULL;
}

/**
 * sctp_dar_assoc_find - find the state of an association
 * @t: the table; the caller holds the namespace's reconf mutex
 * @key: the association's identity (its serial is not compared)
 *
 * Context: any (no allocation).
 * Return: the entry, or NULL when sctp_dar has no state for it.
 */
struct sctp_dar_assoc *sctp_dar_assoc_find(struct sctp_dar_assoc_table *t,
					   const struct sctp_dar_asockey *key)
{
	struct sctp_dar_assoc *a;

	hash_for_each_possible(t->h, a, hnode, (unsigned long)key->asoc)
		if (a->asoc == key->asoc && a->tag == key->tag)
			return a;
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_assoc_find);

/**
 * sctp_dar_assoc_ext - the part of an association's state that exists only
 * while needed, allocated now if it is not there
 * @a: the entry; the caller holds the namespace's reconf mutex
 *
 * Context: process context; may sleep (allocates).
 * Return: the extension, or NULL when it cannot be allocated.
 */
struct sctp_dar_assoc_ext *sctp_dar_assoc_ext(struct sctp_dar_assoc *a)
{
	if (!a->ext)
		a->ext = kzalloc(sizeof(*a->ext), GFP_KERNEL);
	return a->ext;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_assoc_ext);

/**
 * sctp_dar_assoc_ext_trim - free the extension when nothing in it matters
 * @a: the entry; the caller holds the namespace's reconf mutex
 *
 * Nothing matters when no heartbeat is awaited, no pin is set and path
 * quality neither holds a choice nor watches a candidate.
 *
 * Context: any (no allocation).
 */
void sctp_dar_assoc_ext_trim(struct sctp_dar_assoc *a)
{
	const struct sctp_dar_assoc_ext *x = a->ext;

	if (!x || (a->stage == SCTP_DAR_ST_WAIT_HB && x->hb_path.sa.sa_family) ||
	    x->pin_want.sa.sa_family || x->pin_path.sa.sa_family ||
	    x->q_choice.sa.sa_family || x->q_cand.sa.sa_family)
		return;
	kfree(a->ext);
	a->ext = NULL;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_assoc_ext_trim);

static void dar_assoc_free(struct sctp_dar_assoc *a)
{
	kfree(a->ext);
	kmem_cache_free(dar_assoc_cache, a);
}

/**
 * sctp_dar_assoc_get - find or create the state of an association
 * @t: the table; the caller holds the namespace's reconf mutex
 * @key: the association's identity
 * @created: set when a new entry was created (or a stale one reset)
 *
 * Context: process context; may sleep (allocates).
 * Return: the entry, marked seen in the current generation, or NULL.
 */
struct sctp_dar_assoc *
sctp_dar_assoc_get(struct sctp_dar_assoc_table *t,
		   const struct sctp_dar_asockey *key, bool *created)
{
	struct sctp_dar_assoc *a;

	*created = false;
	hash_for_each_possible(t->h, a, hnode, (unsigned long)key->asoc) {
		if (a->asoc != key->asoc)
			continue;
		if (a->tag != key->tag) {
			/* Freed and reallocated: a different association. */
			hash_del(&a->hnode);
			kfree(a->ext);
			memset(a, 0, sizeof(*a));
			goto init;
		}
		a->seen = t->gen;
		return a;
	}

	a = kmem_cache_zalloc(dar_assoc_cache, GFP_KERNEL);
	if (!a)
		return NULL;
	t->count++;
init:
	a->asoc = key->asoc;
	a->tag = key->tag;
	a->addip_serial = key->serial;
	a->seen = t->gen;
	a->stage = SCTP_DAR_ST_IDLE;
	hash_add(t->h, &a->hnode, (unsigned long)key->asoc);
	*created = true;
	return a;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_assoc_get);

/**
 * sctp_dar_assoc_sweep - free the state of associations and sockets no
 * longer seen
 * @t: the table; the caller holds the namespace's reconf mutex
 * @all: free every entry (namespace teardown)
 *
 * Called after a complete walk: entries not seen in it belong to
 * associations and sockets that are gone. Starts a new generation.
 *
 * Context: process context.
 */
void sctp_dar_assoc_sweep(struct sctp_dar_assoc_table *t, bool all)
{
	struct sctp_dar_sockstate *ss;
	struct sctp_dar_assoc *a;
	struct hlist_node *tmp;
	int bkt;

	hash_for_each_safe(t->h, bkt, tmp, a, hnode) {
		if (!all && a->seen == t->gen)
			continue;
		hash_del(&a->hnode);
		dar_assoc_free(a);
		t->count--;
	}
	hash_for_each_safe(t->socks, bkt, tmp, ss, hnode) {
		if (!all && ss->seen == t->gen)
			continue;
		hash_del(&ss->hnode);
		kmem_cache_free(dar_sock_cache, ss);
		t->nsocks--;
	}
	t->gen++;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_assoc_sweep);
