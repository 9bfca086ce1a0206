// SPDX-License-Identifier: GPL-2.0
/*
 * nl.c - a thin libmnl wrapper: open a generic-netlink socket, resolve the
 * sctp_dar family and its multicast group, prepare requests, send them and
 * run the replies through a callback, printing the kernel's extended ACK
 * as "Error: <message>." on failure (after iproute2's lib/mnl_utils.c and
 * nl_dump_ext_ack()).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "sctpaddr.h"

/* Large enough for the 32 KiB skbs the kernel fills for readers whose
 * buffer is at least that large (netlink_dump()), with room to spare.
 */
#define DAR_NL_BUFSZ	(64 * 1024)

/* What one exchange found out. */
struct dar_talk {
	struct dar_nl *nl;
	mnl_cb_t cb;
	void *data;
	int err;		/* negative errno from the kernel, 0 */
	const char *msg;	/* its extack message, or NULL */
	uint32_t miss_type;	/* NLMSGERR_ATTR_MISS_TYPE, 0 if none */
};

static int dar_extack_attr(const struct nlattr *attr, void *data)
{
	struct dar_talk *t = data;

	switch (mnl_attr_get_type(attr)) {
	case NLMSGERR_ATTR_MSG:
		if (mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
			t->msg = mnl_attr_get_str(attr);
		break;
	case NLMSGERR_ATTR_MISS_TYPE:
		if (mnl_attr_validate(attr, MNL_TYPE_U32) == 0)
			t->miss_type = mnl_attr_get_u32(attr);
		break;
	}
	return MNL_CB_OK;
}

static void dar_report(const struct dar_talk *t)
{
	const char *msg = t->msg;
	char buf[64];
	size_t len;

	if (!msg && t->miss_type) {
		snprintf(buf, sizeof(buf), "missing attribute %u", t->miss_type);
		msg = buf;
	}
	if (!msg)
		msg = strerror(-t->err);
	len = strlen(msg);
	fprintf(stderr, "Error: %s%s\n", msg,
		len && msg[len - 1] == '.' ? "" : ".");
}

static int dar_cb_error(const struct nlmsghdr *nlh, void *data)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	struct dar_talk *t = data;
	unsigned int off = sizeof(*e);

	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*e))) {
		t->err = -EBADMSG;
		return MNL_CB_ERROR;
	}
	if (e->error == 0)
		return MNL_CB_STOP;	/* the ACK */
	t->err = e->error;
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS) {
		if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
			off += e->msg.nlmsg_len - sizeof(struct nlmsghdr);
		if (mnl_nlmsg_size(off) <= nlh->nlmsg_len)
			mnl_attr_parse(nlh, off, dar_extack_attr, t);
	}
	return MNL_CB_STOP;
}

/* A dump ends with NLMSG_DONE, whose payload is the dump's error (and,
 * since Linux 5.x, its extack).
 */
static int dar_cb_done(const struct nlmsghdr *nlh, void *data)
{
	struct dar_talk *t = data;
	int err;

	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(int)))
		return MNL_CB_STOP;
	memcpy(&err, mnl_nlmsg_get_payload(nlh), sizeof(err));
	if (err < 0) {
		t->err = err;
		if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
			mnl_attr_parse(nlh, sizeof(int), dar_extack_attr, t);
	}
	return MNL_CB_STOP;
}

static int dar_cb_data(const struct nlmsghdr *nlh, void *data)
{
	struct dar_talk *t = data;

	if (!t->cb)
		return MNL_CB_OK;
	return t->cb(nlh, t->data);
}

static mnl_cb_t dar_cb_ctl[NLMSG_MIN_TYPE] = {
	[NLMSG_ERROR] = dar_cb_error,
	[NLMSG_DONE] = dar_cb_done,
};

/* A dump message flagged NLM_F_DUMP_INTR (the list changed since the dump
 * began) is noted in @nl and unflagged: libmnl would otherwise stop the
 * whole dump at it with EINTR ("Interrupted system call"), after printing
 * part of the list. Like ip(8), the dump goes on to its end and the caller
 * warns that it may be inconsistent.
 */
static void dar_take_dump_intr(struct dar_nl *nl, void *buf, ssize_t n)
{
	struct nlmsghdr *nlh = buf;
	int len = n;

	while (mnl_nlmsg_ok(nlh, len)) {
		if (nlh->nlmsg_flags & NLM_F_DUMP_INTR) {
			nlh->nlmsg_flags &= ~NLM_F_DUMP_INTR;
			nl->interrupted = true;
		}
		nlh = mnl_nlmsg_next(nlh, &len);
	}
}

/* Send @nlh and run every reply through @cb until the ACK, the end of the
 * dump or an error. Returns 0 or a negative errno; a kernel error has been
 * printed.
 */
static int dar_nl_exchange(struct dar_nl *nl, struct nlmsghdr *nlh,
			   mnl_cb_t cb, void *data, bool quiet)
{
	struct dar_talk t = { .nl = nl, .cb = cb, .data = data };
	unsigned int portid = mnl_socket_get_portid(nl->sk);
	uint32_t seq = nlh->nlmsg_seq;
	ssize_t n;
	int ret;

	if (mnl_socket_sendto(nl->sk, nlh, nlh->nlmsg_len) < 0) {
		fprintf(stderr, "Error: cannot send to the kernel: %s.\n",
			strerror(errno));
		return -errno;
	}
	for (;;) {
		n = mnl_socket_recvfrom(nl->sk, nl->buf, DAR_NL_BUFSZ);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "Error: cannot read from the kernel: %s.\n",
				strerror(errno));
			return -errno;
		}
		dar_take_dump_intr(nl, nl->buf, n);
		ret = mnl_cb_run2(nl->buf, n, seq, portid, dar_cb_data, &t,
				  dar_cb_ctl, NLMSG_MIN_TYPE);
		if (ret == MNL_CB_ERROR && !t.err)
			t.err = errno ? -errno : -EPROTO;
		if (ret <= MNL_CB_STOP)
			break;
	}
	if (t.err && !quiet)
		dar_report(&t);
	return t.err;
}

/**
 * dar_nl_talk - send a request and process its replies
 * @nl: the socket
 * @nlh: the request, from dar_nl_msg()
 * @cb: called for each reply message (may be NULL)
 * @data: passed to @cb
 *
 * Return: 0, or a negative errno after printing "Error: ...".
 */
int dar_nl_talk(struct dar_nl *nl, struct nlmsghdr *nlh, mnl_cb_t cb,
		void *data)
{
	return dar_nl_exchange(nl, nlh, cb, data, false);
}

/* ---- family resolution --------------------------------------------------- */

static int dar_grp_cb(const struct nlattr *grp, struct dar_nl *nl)
{
	const struct nlattr *a, *name = NULL, *id = NULL;

	mnl_attr_for_each_nested(a, grp) {
		if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GRP_NAME &&
		    mnl_attr_validate(a, MNL_TYPE_NUL_STRING) == 0)
			name = a;
		if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GRP_ID &&
		    mnl_attr_validate(a, MNL_TYPE_U32) == 0)
			id = a;
	}
	if (name && id && !strcmp(mnl_attr_get_str(name), SCTP_DAR_MCGRP_EVENTS))
		nl->events_grp = mnl_attr_get_u32(id);
	return MNL_CB_OK;
}

static int dar_family_cb(const struct nlmsghdr *nlh, void *data)
{
	struct dar_nl *nl = data;
	const struct nlattr *a, *g;

	mnl_attr_for_each(a, nlh, GENL_HDRLEN) {
		switch (mnl_attr_get_type(a)) {
		case CTRL_ATTR_FAMILY_ID:
			if (mnl_attr_validate(a, MNL_TYPE_U16) == 0)
				nl->family = mnl_attr_get_u16(a);
			break;
		case CTRL_ATTR_MCAST_GROUPS:
			mnl_attr_for_each_nested(g, a)
				dar_grp_cb(g, nl);
			break;
		}
	}
	return MNL_CB_OK;
}

static int dar_nl_resolve(struct dar_nl *nl)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(nl->buf);
	struct genlmsghdr *g;
	int err;

	nlh->nlmsg_type = GENL_ID_CTRL;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = ++nl->seq;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = CTRL_CMD_GETFAMILY;
	g->version = 1;
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, SCTP_DAR_FAMILY_NAME);

	err = dar_nl_exchange(nl, nlh, dar_family_cb, nl, true);
	if (err == -ENOENT) {
		/* The module does not load on a family lookup. */
		fprintf(stderr,
			"Error: the sctp_dar module is not loaded (modprobe sctp_dar).\n");
		return err;
	}
	if (err || !nl->family) {
		fprintf(stderr, "Error: cannot resolve the \"%s\" netlink family: %s.\n",
			SCTP_DAR_FAMILY_NAME, strerror(err ? -err : EPROTO));
		return err ? err : -EPROTO;
	}
	return 0;
}

/**
 * dar_nl_open - open a socket and resolve the sctp_dar family
 * @nl: zeroed
 *
 * Return: 0, or a negative errno after printing "Error: ...".
 */
int dar_nl_open(struct dar_nl *nl)
{
	int one = 1;

	if (opts.netns && enter_netns(opts.netns))
		return -ENOENT;
	nl->buf = malloc(DAR_NL_BUFSZ);
	if (!nl->buf) {
		fprintf(stderr, "Error: out of memory.\n");
		return -ENOMEM;
	}
	nl->seq = time(NULL);
	nl->sk = mnl_socket_open(NETLINK_GENERIC);
	if (!nl->sk || mnl_socket_bind(nl->sk, 0, MNL_SOCKET_AUTOPID) < 0) {
		fprintf(stderr, "Error: cannot open a generic netlink socket: %s.\n",
			strerror(errno));
		return -errno;
	}
	/* Ask for extended ACK messages, without our request echoed back. */
	mnl_socket_setsockopt(nl->sk, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sk, NETLINK_CAP_ACK, &one, sizeof(one));
	return dar_nl_resolve(nl);
}

void dar_nl_close(struct dar_nl *nl)
{
	if (nl->sk)
		mnl_socket_close(nl->sk);
	free(nl->buf);
	nl->sk = NULL;
	nl->buf = NULL;
}

/**
 * dar_nl_msg - start a request in the socket's buffer
 * @nl: the socket
 * @cmd: SCTP_DAR_CMD_*
 * @flags: NLM_F_DUMP for a dump, 0 for a do (NLM_F_REQUEST | NLM_F_ACK
 *	are always set)
 *
 * Return: the message, to which attributes can be added.
 */
struct nlmsghdr *dar_nl_msg(struct dar_nl *nl, uint8_t cmd, uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(nl->buf);
	struct genlmsghdr *g;

	nlh->nlmsg_type = nl->family;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	nlh->nlmsg_seq = ++nl->seq;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	g->version = SCTP_DAR_FAMILY_VERSION;
	return nlh;
}

/**
 * dar_nl_put_addr - add a nested address (enum sctp_dar_a_addr)
 * @nlh: the request
 * @type: the nest's attribute type
 * @ss: an AF_INET or AF_INET6 address
 */
void dar_nl_put_addr(struct nlmsghdr *nlh, uint16_t type,
		     const struct sockaddr_storage *ss)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, type);

	if (ss->ss_family == AF_INET) {
		const struct sockaddr_in *sin = (const void *)ss;

		mnl_attr_put_u32(nlh, SCTP_DAR_A_ADDR_IPV4, sin->sin_addr.s_addr);
	} else {
		const struct sockaddr_in6 *sin6 = (const void *)ss;

		mnl_attr_put(nlh, SCTP_DAR_A_ADDR_IPV6, sizeof(sin6->sin6_addr),
			     &sin6->sin6_addr);
	}
	mnl_attr_nest_end(nlh, nest);
}

/**
 * dar_nl_recv_events - join the events group and run every event through
 *	@cb until *@stop is set by a signal handler
 * @nl: the socket
 * @cb: called for each event
 * @data: passed to @cb
 * @stop: set asynchronously (SIGINT, SIGTERM)
 *
 * SIGINT and SIGTERM are blocked except while waiting, so a signal never
 * slips in between the check of *@stop and the wait.
 *
 * Return: 0 when stopped, or a negative errno after printing "Error: ...".
 */
int dar_nl_recv_events(struct dar_nl *nl, mnl_cb_t cb, void *data,
		       volatile int *stop)
{
	struct pollfd pfd = { .fd = mnl_socket_get_fd(nl->sk), .events = POLLIN };
	unsigned int grp = nl->events_grp;
	sigset_t block, orig;
	ssize_t n;
	int ret;

	if (!grp) {
		fprintf(stderr, "Error: the kernel has no \"%s\" group for %s.\n",
			SCTP_DAR_MCGRP_EVENTS, SCTP_DAR_FAMILY_NAME);
		return -ENOENT;
	}
	if (mnl_socket_setsockopt(nl->sk, NETLINK_ADD_MEMBERSHIP, &grp,
				  sizeof(grp)) < 0) {
		fprintf(stderr, "Error: cannot join the \"%s\" group: %s.\n",
			SCTP_DAR_MCGRP_EVENTS, strerror(errno));
		return -errno;
	}
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &orig);
	while (!*stop) {
		ret = ppoll(&pfd, 1, NULL, &orig);
		if (ret < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		n = recv(pfd.fd, nl->buf, DAR_NL_BUFSZ, MSG_DONTWAIT);
		if (n < 0) {
			if (errno == EAGAIN || errno == EINTR)
				continue;
			if (errno == ENOBUFS) {
				fprintf(stderr, "Warning: events were lost (receive buffer full).\n");
				continue;
			}
			break;
		}
		if (mnl_cb_run(nl->buf, n, 0, 0, cb, data) == MNL_CB_ERROR)
			break;
	}
	ret = *stop ? 0 : (errno ? -errno : -EPROTO);
	sigprocmask(SIG_SETMASK, &orig, NULL);
	if (ret)
		fprintf(stderr, "Error: cannot read events: %s.\n", strerror(-ret));
	return ret;
}
