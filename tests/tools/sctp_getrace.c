// SPDX-License-Identifier: GPL-2.0
/*
 * sctp_getrace - race assoc-get (do) against the close of the association's
 * socket. Any user may send assoc-get; a request that finds the
 * association just before its owner closes the socket must get a reply or
 * ENOENT, never touch the freed endpoint.
 *
 *   sctp_getrace [-c CYCLES] [-p PORT]
 *
 * One thread opens a one-to-one SCTP association to a listener of its own
 * on 127.0.0.1:PORT (default 5099), publishes its id and closes the socket
 * with SO_LINGER 0 (ABORT: the association and, one grace period later,
 * the endpoint are freed at once), CYCLES times (default 2000); every
 * other cycle it first waits (up to 20 ms) for a request for that id to
 * be answered. Another
 * thread sends assoc-get for the latest id as fast as replies come back
 * until the first thread is done; a third drains the listener.
 *
 * Prints one line:
 *   ok cycles=N gets=N found=N enoent=N
 *   error ...
 * and exits 0 when every reply was an association or ENOENT, 1 when the
 * kernel answered anything else, 2 when the test could not run.
 *
 * Plain sockets, no libmnl: the test tools are linked statically.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/sctp.h>

#include "../../include/uapi/linux/sctp_dar.h"

#ifndef SOL_SCTP
#define SOL_SCTP	132
#endif

#define BUFSZ	(64 * 1024)

static atomic_int cur_id;		/* latest association id, 0 none */
static atomic_int answered_id;		/* id of the last request answered */
static atomic_int done;			/* the closer has finished */
static unsigned int cycles = 2000;
static uint16_t port = 5099;

static void die(const char *what)
{
	printf("error %s: %s\n", what, strerror(errno));
	exit(2);
}

/* ---- netlink ------------------------------------------------------------ */

struct req {
	struct nlmsghdr nlh;
	struct genlmsghdr g;
	unsigned char attrs[64];
};

static size_t put_attr(struct req *r, size_t off, uint16_t type,
		       const void *data, size_t len)
{
	struct nlattr *a = (struct nlattr *)(r->attrs + off);

	a->nla_type = type;
	a->nla_len = NLA_HDRLEN + len;
	memcpy((unsigned char *)a + NLA_HDRLEN, data, len);
	return off + NLA_ALIGN(a->nla_len);
}

/* Send @r and read its answer: 0 for a data reply, else the errno. */
static int talk(int fd, struct req *r, size_t alen, uint16_t *family)
{
	static __thread unsigned char buf[BUFSZ];
	const struct nlattr *a;
	struct nlmsghdr *nlh;
	const unsigned char *p, *end;
	ssize_t n;

	r->nlh.nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN + alen);
	r->nlh.nlmsg_seq++;
	if (send(fd, r, r->nlh.nlmsg_len, 0) < 0)
		die("send");
	for (;;) {
		n = recv(fd, buf, sizeof(buf), 0);
		if (n < 0)
			die("recv");
		for (nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, n);
		     nlh = NLMSG_NEXT(nlh, n)) {
			if (nlh->nlmsg_seq != r->nlh.nlmsg_seq)
				continue;
			if (nlh->nlmsg_type == NLMSG_ERROR)
				return -((struct nlmsgerr *)NLMSG_DATA(nlh))->error;
			if (!family)
				return 0;
			p = (unsigned char *)NLMSG_DATA(nlh) + GENL_HDRLEN;
			end = (unsigned char *)nlh + nlh->nlmsg_len;
			while (p + NLA_HDRLEN <= end) {
				a = (const struct nlattr *)p;
				if (a->nla_len < NLA_HDRLEN)
					break;
				if (a->nla_type == CTRL_ATTR_FAMILY_ID)
					*family = *(const uint16_t *)(p + NLA_HDRLEN);
				p += NLA_ALIGN(a->nla_len);
			}
			return 0;
		}
	}
}

static int nl_open(uint16_t *family)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct req r = {};
	size_t alen;
	int fd, err;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		die("netlink socket");
	r.nlh.nlmsg_type = GENL_ID_CTRL;
	r.nlh.nlmsg_flags = NLM_F_REQUEST;
	r.g.cmd = CTRL_CMD_GETFAMILY;
	r.g.version = 1;
	alen = put_attr(&r, 0, CTRL_ATTR_FAMILY_NAME, SCTP_DAR_FAMILY_NAME,
			sizeof(SCTP_DAR_FAMILY_NAME));
	*family = 0;
	err = talk(fd, &r, alen, family);
	if (err || !*family) {
		printf("error cannot resolve the %s family: %s\n",
		       SCTP_DAR_FAMILY_NAME, strerror(err ?: EPROTO));
		exit(2);
	}
	return fd;
}

/* ---- the threads --------------------------------------------------------- */

static void *drain(void *arg)
{
	int fd = *(int *)arg;
	char buf[256];

	while (!atomic_load(&done))
		if (recv(fd, buf, sizeof(buf), 0) < 0 && errno != EINTR &&
		    errno != EAGAIN)
			break;
	return NULL;
}

static void *closer(void *arg)
{
	struct sockaddr_in to = {
		.sin_family = AF_INET,
		.sin_port = htons(port),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	struct sctp_status st;
	unsigned int i;
	socklen_t len;
	int fd;

	(void)arg;
	for (i = 0; i < cycles; i++) {
		fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
		if (fd < 0)
			die("socket");
		if (connect(fd, (struct sockaddr *)&to, sizeof(to)) < 0)
			die("connect");
		memset(&st, 0, sizeof(st));
		len = sizeof(st);
		if (getsockopt(fd, SOL_SCTP, SCTP_STATUS, &st, &len) < 0)
			die("SCTP_STATUS");
		atomic_store(&cur_id, (int)st.sstat_assoc_id);
		/* Let the getter find it, then pull it away. Every other
		 * cycle waits (up to 20 ms) until a request for this id was
		 * answered, so that some requests find their association
		 * however slow the kernel answers (found=0 on the debug
		 * kernel otherwise); the others race the close.
		 */
		if (i % 2) {
			struct timespec t0, t;

			clock_gettime(CLOCK_MONOTONIC, &t0);
			do {
				sched_yield();
				clock_gettime(CLOCK_MONOTONIC, &t);
			} while (atomic_load(&answered_id) != st.sstat_assoc_id &&
				 (t.tv_sec - t0.tv_sec) * 1000000000L +
				 (t.tv_nsec - t0.tv_nsec) < 20000000L);
		} else {
			sched_yield();
		}
		setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
		close(fd);
	}
	atomic_store(&done, 1);
	return NULL;
}

int main(int argc, char **argv)
{
	unsigned long gets = 0, found = 0, enoent = 0;
	struct sockaddr_in sa = { .sin_family = AF_INET };
	pthread_t tc, td;
	struct req r = {};
	uint16_t family;
	int opt, nl, lfd, err, id;
	uint32_t id32;
	size_t alen;

	while ((opt = getopt(argc, argv, "c:p:")) != -1) {
		switch (opt) {
		case 'c':
			cycles = strtoul(optarg, NULL, 0);
			break;
		case 'p':
			port = strtoul(optarg, NULL, 0);
			break;
		default:
			fprintf(stderr, "usage: sctp_getrace [-c CYCLES] [-p PORT]\n");
			return 2;
		}
	}

	nl = nl_open(&family);
	lfd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	if (lfd < 0)
		die("listener socket");
	sa.sin_port = htons(port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    listen(lfd, 128) < 0)
		die("listener");
	if (pthread_create(&td, NULL, drain, &lfd) ||
	    pthread_create(&tc, NULL, closer, NULL)) {
		printf("error cannot start the threads\n");
		return 2;
	}

	r.nlh.nlmsg_type = family;
	r.nlh.nlmsg_flags = NLM_F_REQUEST;
	r.g.cmd = SCTP_DAR_CMD_ASSOC_GET;
	r.g.version = SCTP_DAR_FAMILY_VERSION;
	while (!atomic_load(&done)) {
		id = atomic_load(&cur_id);
		if (!id) {
			sched_yield();
			continue;
		}
		id32 = id;
		alen = put_attr(&r, 0, SCTP_DAR_A_ASSOC_ID, &id32, sizeof(id32));
		err = talk(nl, &r, alen, NULL);
		atomic_store(&answered_id, id);
		gets++;
		if (!err) {
			found++;
		} else if (err == ENOENT) {
			enoent++;
		} else {
			printf("error assoc-get %d: %s\n", id, strerror(err));
			return 1;
		}
	}
	pthread_join(tc, NULL);
	/* The drainer blocks in recv(): shutting the listener down wakes it. */
	shutdown(lfd, SHUT_RDWR);
	close(lfd);
	printf("ok cycles=%u gets=%lu found=%lu enoent=%lu\n", cycles, gets,
	       found, enoent);
	return 0;
}
