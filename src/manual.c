// SPDX-License-Identifier: GPL-2.0
/*
 * manual.c - reconfiguration an administrator asks for over netlink.
 *
 * Each request is first checked against the association under its socket
 * lock, so that every refusal names its reason (extack) and leaves nothing
 * changed; then it is carried out through the same kernel entry points the
 * engine uses (assoc.c: bindx, SCTP_PRIMARY_ADDR,
 * SCTP_SET_PEER_PRIMARY_ADDR), which take the socket lock themselves and
 * check again. A primary chosen this way is pinned in the engine
 * (sctp_dar_reconf_pin()) and respected like an application's until its
 * address or path stops being usable.
 *
 * Adding or deleting a local address acts on the association's socket, as
 * sctp_bindx() does: every association of a one-to-many socket gets the
 * ASCONF.
 *
 * Locking: the socket lock, only while checking. Context: process context
 * (generic-netlink handlers); may sleep.
 */
#include <linux/netlink.h>
#include <net/ipv6.h>
#include <net/sctp/sctp.h>
#include <net/sock.h>

#include "assoc.h"
#include "manual.h"
#include "netlink.h"
#include "policy.h"
#include "reconf.h"

/**
 * struct dar_manual - what the checks found
 * @ev: the event to report on success (association, ports)
 * @key: the association's identity, for the engine's pin
 * @addr: the address as the kernel knows it (with its port)
 */
struct dar_manual {
	struct sctp_dar_event ev;
	struct sctp_dar_asockey key;
	union sctp_addr addr;
};

/* Does @sk take addresses of @family? */
static bool dar_sock_family_ok(struct sock *sk, sa_family_t family)
{
	if (family == sk->sk_family)
		return true;
	return family == AF_INET && sk->sk_family == AF_INET6 &&
	       !ipv6_only_sock(sk);
}

/* Find @a among @bp's addresses. Context: socket lock owned. */
static struct sctp_sockaddr_entry *dar_bind_find(struct sctp_bind_addr *bp,
						 const union sctp_addr *a,
						 unsigned int *count)
{
	struct sctp_sockaddr_entry *e, *found = NULL;

	*count = 0;
	list_for_each_entry(e, &bp->address_list, list) {
		if (e->state == SCTP_ADDR_DEL)
			continue;
		(*count)++;
		if (sctp_dar_sockaddr_equal(&e->a, a))
			found = e;
	}
	return found;
}

static bool dar_bind_is_wildcard(struct sctp_bind_addr *bp)
{
	struct sctp_sockaddr_entry *e;

	if (!list_is_singular(&bp->address_list))
		return false;
	e = list_first_entry(&bp->address_list, struct sctp_sockaddr_entry,
			     list);
	return sctp_dar_assoc_addr_is_any(&e->a);
}

/* ADD-IP, DELETE-IP and SET-PRIMARY need an ASCONF the peer accepts. */
static int dar_check_asconf(struct sctp_association *asoc,
			    const struct nlattr *attr,
			    struct netlink_ext_ack *extack)
{
	if (!asoc->ep->asconf_enable) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "ADD-IP is off on this socket (net.sctp.addip_enable was 0 when it was created)");
		return -EOPNOTSUPP;
	}
	if (!asoc->peer.asconf_capable) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "the peer does not support ADD-IP (RFC 5061) on this association");
		return -EOPNOTSUPP;
	}
	return 0;
}

static int dar_check_add_del(struct sctp_association *asoc, bool add,
			     const union sctp_addr *a, struct dar_manual *m,
			     const struct nlattr *attr,
			     struct netlink_ext_ack *extack)
{
	struct sctp_bind_addr *ep_bp = &asoc->ep->base.bind_addr;
	struct sctp_sockaddr_entry *e;
	unsigned int n;
	int err;

	if (dar_bind_is_wildcard(ep_bp)) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "the socket is bound to the wildcard address: its associations follow the host's addresses");
		return -EOPNOTSUPP;
	}
	err = dar_check_asconf(asoc, attr, extack);
	if (err)
		return err;

	e = dar_bind_find(&asoc->base.bind_addr, a, &n);
	if (add) {
		if (e || dar_bind_find(ep_bp, a, &n)) {
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "the association already has this address");
			return -EEXIST;
		}
		m->addr = *a;
		m->addr.v4.sin_port = htons(ep_bp->port);
		return 0;
	}
	if (!e) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "not a local address of this association");
		return -EADDRNOTAVAIL;
	}
	if (n < 2) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "it is the association's last address (RFC 5061 section 4.2.2): add another one first");
		return -EBUSY;
	}
	if (!dar_bind_find(ep_bp, a, &n) || n < 2) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "it is the socket's last address: add another one first");
		return -EBUSY;
	}
	m->addr = e->a;
	return 0;
}

static int dar_check_peer_primary(struct sctp_association *asoc,
				  const union sctp_addr *a,
				  struct dar_manual *m,
				  const struct nlattr *attr,
				  struct netlink_ext_ack *extack)
{
	struct sctp_sockaddr_entry *e;
	unsigned int n;
	int err;

	err = dar_check_asconf(asoc, attr, extack);
	if (err)
		return err;
	e = dar_bind_find(&asoc->base.bind_addr, a, &n);
	if (!e) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "not a local address of this association");
		return -EADDRNOTAVAIL;
	}
	if (e->state != SCTP_ADDR_SRC) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "the peer has not acknowledged this address yet; try again");
		return -EAGAIN;
	}
	m->addr = e->a;
	return 0;
}

static int dar_check_primary(struct sctp_association *asoc,
			     const union sctp_addr *a, struct dar_manual *m,
			     const struct nlattr *attr,
			     struct netlink_ext_ack *extack)
{
	struct sctp_transport *t;

	list_for_each_entry(t, &asoc->peer.transport_addr_list, transports) {
		if (sctp_dar_sockaddr_equal(&t->ipaddr, a)) {
			m->addr = t->ipaddr;
			return 0;
		}
	}
	NL_SET_ERR_MSG_ATTR(extack, attr,
			    "not a peer address of this association");
	return -EADDRNOTAVAIL;
}

/* Check the request against association @id of @sk and fill @m.
 * Context: process context; takes the socket lock.
 */
static int dar_manual_check(struct sock *sk, sctp_assoc_t id,
			    enum sctp_dar_manual_op op,
			    const union sctp_addr *a, struct dar_manual *m,
			    const struct nlattr *attr,
			    struct netlink_ext_ack *extack)
{
	struct sctp_association *asoc, *found = NULL;
	struct sctp_endpoint *ep;
	int err;

	lock_sock(sk);
	/* The file pin keeps the close from starting, but the socket may
	 * have been closed before it: then the endpoint is gone.
	 */
	ep = sctp_sk(sk)->ep;
	if (!sock_flag(sk, SOCK_DEAD) && ep && !ep->base.dead) {
		list_for_each_entry(asoc, &ep->asocs, asocs) {
			if (asoc->assoc_id == id && !asoc->base.dead) {
				found = asoc;
				break;
			}
		}
	}
	asoc = found;
	if (!asoc) {
		NL_SET_ERR_MSG(extack,
			       "no such association in this network namespace");
		err = -ENOENT;
		goto out;
	}
	if (asoc->state != SCTP_STATE_ESTABLISHED) {
		NL_SET_ERR_MSG(extack, "the association is not established");
		err = -ENOTCONN;
		goto out;
	}
	if (!dar_sock_family_ok(sk, a->sa.sa_family)) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "the association's socket does not take addresses of this family");
		err = -EAFNOSUPPORT;
		goto out;
	}
	if ((op == SCTP_DAR_MANUAL_ADD || op == SCTP_DAR_MANUAL_PEER_PRIMARY) &&
	    !sctp_dar_sockaddr_eligible(a)) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "loopback, link-local, multicast and unspecified addresses are never offered to a peer");
		err = -EINVAL;
		goto out;
	}

	switch (op) {
	case SCTP_DAR_MANUAL_ADD:
	case SCTP_DAR_MANUAL_DEL:
		err = dar_check_add_del(asoc, op == SCTP_DAR_MANUAL_ADD, a, m,
					attr, extack);
		break;
	case SCTP_DAR_MANUAL_PEER_PRIMARY:
		err = dar_check_peer_primary(asoc, a, m, attr, extack);
		break;
	default:
		err = dar_check_primary(asoc, a, m, attr, extack);
		break;
	}
	if (err)
		goto out;

	m->ev.assoc_id = asoc->assoc_id;
	m->ev.lport = asoc->base.bind_addr.port;
	m->ev.pport = asoc->peer.port;
	m->key.asoc = asoc;
	m->key.tag = asoc->c.my_vtag;
	m->key.serial = asoc->addip_serial;
out:
	release_sock(sk);
	return err;
}

/* Carry the checked request out. Context: process context. */
static int dar_manual_do(struct sctp_dar_sock *s, sctp_assoc_t id,
			 enum sctp_dar_manual_op op, struct dar_manual *m,
			 const struct nlattr *attr,
			 struct netlink_ext_ack *extack)
{
	int err;

	switch (op) {
	case SCTP_DAR_MANUAL_ADD:
		err = sctp_dar_assoc_bindx(s, true, &m->addr, 1);
		if (err == -EADDRNOTAVAIL)
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "the address is not configured in this network namespace");
		else if (err)
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "the kernel refused to add the address");
		return err;
	case SCTP_DAR_MANUAL_DEL:
		err = sctp_dar_assoc_bindx(s, false, &m->addr, 1);
		if (err)
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "the kernel refused to delete the address");
		return err;
	case SCTP_DAR_MANUAL_PEER_PRIMARY:
		err = sctp_dar_assoc_set_peer_primary(s, id, &m->addr);
		if (err)
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "the kernel refused to send SET-PRIMARY");
		return err;
	default:
		err = sctp_dar_assoc_set_primary(s, id, &m->addr);
		if (err)
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "the kernel refused the primary path");
		return err;
	}
}

static const enum sctp_dar_event_type dar_manual_event[] = {
	[SCTP_DAR_MANUAL_ADD] = SCTP_DAR_EVENT_TYPE_ADDR_ADDED,
	[SCTP_DAR_MANUAL_DEL] = SCTP_DAR_EVENT_TYPE_ADDR_REMOVED,
	[SCTP_DAR_MANUAL_PRIMARY] = SCTP_DAR_EVENT_TYPE_PRIMARY_CHANGED,
	[SCTP_DAR_MANUAL_PEER_PRIMARY] = SCTP_DAR_EVENT_TYPE_PEER_PRIMARY_SET,
};

/**
 * sctp_dar_manual - carry out an administrator's request on one association
 * @net: the requester's namespace (the association's)
 * @sk: the socket that owns the association, held by the caller
 * @id: the association
 * @op: what to do
 * @addr: the address (port ignored): local for add, del and peer-primary,
 *	the peer's for primary
 * @attr: the request's attribute carrying @addr, for error messages
 * @extack: for the error message
 *
 * On success the change is reported like the engine's own (addr-added,
 * addr-removed, primary-changed, peer-primary-set events and counters).
 *
 * Context: process context; may sleep.
 * Return: 0, or a negative errno with an extack message; nothing changed
 * then unless the kernel itself failed half way.
 */
int sctp_dar_manual(struct net *net, struct sock *sk, sctp_assoc_t id,
		    enum sctp_dar_manual_op op, const union sctp_addr *addr,
		    const struct nlattr *attr, struct netlink_ext_ack *extack)
{
	struct dar_manual m = {};
	struct sctp_dar_sock s;
	int err;

	if (op >= ARRAY_SIZE(dar_manual_event))
		return -EINVAL;
	err = sctp_dar_assoc_sock_pin(sk, &s);
	if (err) {
		NL_SET_ERR_MSG(extack,
			       "the association's socket is closing or belongs to the kernel");
		return err;
	}
	err = dar_manual_check(sk, id, op, addr, &m, attr, extack);
	if (err)
		goto out;
	err = dar_manual_do(&s, id, op, &m, attr, extack);
	if (err)
		goto out;

	if (op == SCTP_DAR_MANUAL_PRIMARY || op == SCTP_DAR_MANUAL_PEER_PRIMARY) {
		/* Done, but the engine must also know to keep it. */
		err = sctp_dar_reconf_pin(net, &m.key,
					  op == SCTP_DAR_MANUAL_PEER_PRIMARY,
					  &m.addr);
		if (err)
			NL_SET_ERR_MSG(extack,
				       "primary set, but sctp_dar could not record it to keep it (out of memory)");
	}
	m.ev.type = dar_manual_event[op];
	m.ev.addr = &m.addr;
	sctp_dar_nl_event(net, &m.ev);
out:
	sctp_dar_assoc_sock_unpin(&s);
	return err;
}
