// SPDX-License-Identifier: GPL-2.0
/*
 * usrsctp_peer - a correspondent that is not Linux's SCTP: usrsctp
 * (Debian's libusrsctp, FreeBSD's stack in user space) over UDP
 * encapsulation (RFC 6951), with SCTP-AUTH and ADD-IP on, echoing every
 * message back on the stream it came on. Echoed, an sctp_stream client's
 * messages are a valid sctp_stream stream (each payload depends only on
 * its sequence number), so the client checks the whole round trip: nothing
 * lost, duplicated, reordered or corrupted, and the END exchange.
 *
 *   usrsctp_peer -p PORT [-u UDP_PORT] [-s STATE_FILE]
 *
 *   -p PORT        the SCTP port to accept one association on
 *   -u UDP_PORT    the UDP port usrsctp listens and sends on (default 9899)
 *   -s STATE_FILE  rewritten at every change of the peer's addresses as
 *                  one line: each peer address followed by a space, the
 *                  primary marked "*" (the tests' peer_view format)
 *
 * It runs as an unprivileged application does (a browser's WebRTC, for
 * one): without CAP_NET_RAW, so usrsctp has only its UDP socket. It sets
 * the socket's remote UDP port (SCTP_REMOTE_UDP_ENCAPS_PORT), which
 * usrsctp gives every path the peer adds by ASCONF; left at 0, usrsctp
 * sends to such a path in plain SCTP, or not at all without raw sockets
 * (Documentation/deployment.md).
 *
 * On stderr: "usrsctp_peer: listening", then one line per address event
 * (ADDED, REMOVED, MADE_PRIM, AVAILABLE, UNREACHABLE, CONFIRMED with the
 * address) and per association change. Exits 0 when the peer shut the
 * association down cleanly, 1 on an abort or an error.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/capability.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <usrsctp.h>

#define MSG_MAX		(256 * 1024)

static const char *state_file;

static const char *addr_str(const struct sockaddr *sa, char *buf, size_t len)
{
	const void *a = sa->sa_family == AF_INET6 ?
		(const void *)&((const struct sockaddr_in6 *)sa)->sin6_addr :
		(const void *)&((const struct sockaddr_in *)sa)->sin_addr;

	if (!inet_ntop(sa->sa_family, a, buf, len))
		snprintf(buf, len, "?");
	return buf;
}

static int same_addr(const struct sockaddr *a, const struct sockaddr *b)
{
	if (a->sa_family != b->sa_family)
		return 0;
	if (a->sa_family == AF_INET)
		return ((const struct sockaddr_in *)a)->sin_addr.s_addr ==
		       ((const struct sockaddr_in *)b)->sin_addr.s_addr;
	return !memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr,
		       &((const struct sockaddr_in6 *)b)->sin6_addr,
		       sizeof(struct in6_addr));
}

/* Write the peer's addresses, primary starred, to the state file. */
static void write_state(struct socket *s)
{
	struct sctp_setprim prim;
	socklen_t plen = sizeof(prim);
	struct sockaddr *addrs, *sa;
	char line[1024] = "", a[INET6_ADDRSTRLEN];
	int n, i, have_prim;
	size_t off = 0;
	FILE *f;

	if (!state_file)
		return;
	memset(&prim, 0, sizeof(prim));
	have_prim = !usrsctp_getsockopt(s, IPPROTO_SCTP, SCTP_PRIMARY_ADDR,
					&prim, &plen);
	n = usrsctp_getpaddrs(s, 0, &addrs);
	sa = addrs;
	for (i = 0; i < n && off < sizeof(line) - 64; i++) {
		off += snprintf(line + off, sizeof(line) - off, "%s%s ",
				have_prim && same_addr(sa, (struct sockaddr *)&prim.ssp_addr) ?
				"*" : "", addr_str(sa, a, sizeof(a)));
		sa = (struct sockaddr *)((char *)sa + (sa->sa_family == AF_INET6 ?
			sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in)));
	}
	if (n > 0)
		usrsctp_freepaddrs(addrs);
	f = fopen(state_file, "w");
	if (!f) {
		perror(state_file);
		return;
	}
	fprintf(f, "%s\n", line);
	fclose(f);
}

static const char *paddr_state(uint32_t state)
{
	switch (state) {
	case SCTP_ADDR_AVAILABLE:	return "AVAILABLE";
	case SCTP_ADDR_UNREACHABLE:	return "UNREACHABLE";
	case SCTP_ADDR_REMOVED:		return "REMOVED";
	case SCTP_ADDR_ADDED:		return "ADDED";
	case SCTP_ADDR_MADE_PRIM:	return "MADE_PRIM";
	case SCTP_ADDR_CONFIRMED:	return "CONFIRMED";
	default:			return "?";
	}
}

/* Report a notification. Return 1 when the association is gone. */
static int notification(struct socket *s, const union sctp_notification *n)
{
	char a[INET6_ADDRSTRLEN];

	switch (n->sn_header.sn_type) {
	case SCTP_PEER_ADDR_CHANGE:
		fprintf(stderr, "usrsctp_peer: %s %s\n",
			paddr_state(n->sn_paddr_change.spc_state),
			addr_str((const struct sockaddr *)&n->sn_paddr_change.spc_aaddr,
				 a, sizeof(a)));
		write_state(s);
		return 0;
	case SCTP_ASSOC_CHANGE:
		fprintf(stderr, "usrsctp_peer: association change %u\n",
			n->sn_assoc_change.sac_state);
		return n->sn_assoc_change.sac_state == SCTP_COMM_LOST ||
		       n->sn_assoc_change.sac_state == SCTP_SHUTDOWN_COMP;
	case SCTP_SHUTDOWN_EVENT:
		fprintf(stderr, "usrsctp_peer: shutdown\n");
		return 0;
	default:
		return 0;
	}
}

static void die(const char *what)
{
	fprintf(stderr, "usrsctp_peer: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* Give up CAP_NET_RAW (effective, permitted, inheritable) for good. */
static void drop_net_raw(void)
{
	struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3];
	uint32_t bit = 1u << CAP_NET_RAW;	/* CAP_NET_RAW < 32: d[0] */

	if (syscall(SYS_capget, &h, d))
		die("capget");
	d[0].effective &= ~bit;
	d[0].permitted &= ~bit;
	d[0].inheritable &= ~bit;
	if (syscall(SYS_capset, &h, d))
		die("capset");
}

int main(int argc, char **argv)
{
	static const uint16_t events[] = {
		SCTP_ASSOC_CHANGE, SCTP_PEER_ADDR_CHANGE, SCTP_SHUTDOWN_EVENT,
	};
	static char msg[MSG_MAX];
	struct sockaddr_in sin = { .sin_family = AF_INET };
	uint16_t port = 0, udp_port = 9899;
	struct socket *ls, *s;
	size_t have = 0;
	unsigned int i;
	int opt, on = 1, lost = 0;

	while ((opt = getopt(argc, argv, "p:u:s:")) != -1) {
		switch (opt) {
		case 'p':
			port = (uint16_t)strtoul(optarg, NULL, 10);
			break;
		case 'u':
			udp_port = (uint16_t)strtoul(optarg, NULL, 10);
			break;
		case 's':
			state_file = optarg;
			break;
		default:
			port = 0;
			break;
		}
	}
	if (!port || optind != argc) {
		fprintf(stderr, "usage: usrsctp_peer -p PORT [-u UDP_PORT] [-s STATE_FILE]\n");
		return 2;
	}

	drop_net_raw();
	usrsctp_init(udp_port, NULL, NULL);
	usrsctp_sysctl_set_sctp_auth_enable(1);
	usrsctp_sysctl_set_sctp_asconf_enable(1);

	ls = usrsctp_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP, NULL, NULL, 0, NULL);
	if (!ls)
		die("usrsctp_socket");
	for (i = 0; i < sizeof(events) / sizeof(events[0]); i++) {
		struct sctp_event ev = {
			.se_assoc_id = SCTP_ALL_ASSOC, .se_type = events[i], .se_on = 1,
		};

		if (usrsctp_setsockopt(ls, IPPROTO_SCTP, SCTP_EVENT, &ev, sizeof(ev)))
			die("SCTP_EVENT");
	}
	if (usrsctp_setsockopt(ls, IPPROTO_SCTP, SCTP_RECVRCVINFO, &on, sizeof(on)))
		die("SCTP_RECVRCVINFO");
	/* The remote UDP port of every path, including those the peer adds
	 * by ASCONF (without it usrsctp gives them port 0: plain SCTP).
	 */
	{
		struct sctp_udpencaps encaps;

		memset(&encaps, 0, sizeof(encaps));
		encaps.sue_address.ss_family = AF_INET;
		encaps.sue_port = htons(udp_port);
		if (usrsctp_setsockopt(ls, IPPROTO_SCTP, SCTP_REMOTE_UDP_ENCAPS_PORT,
				       &encaps, sizeof(encaps)))
			die("SCTP_REMOTE_UDP_ENCAPS_PORT");
	}
	sin.sin_port = htons(port);
	sin.sin_addr.s_addr = htonl(INADDR_ANY);
	if (usrsctp_bind(ls, (struct sockaddr *)&sin, sizeof(sin)))
		die("usrsctp_bind");
	if (usrsctp_listen(ls, 1))
		die("usrsctp_listen");
	fprintf(stderr, "usrsctp_peer: listening on port %u, UDP %u\n", port, udp_port);

	s = usrsctp_accept(ls, NULL, NULL);
	if (!s)
		die("usrsctp_accept");
	fprintf(stderr, "usrsctp_peer: association up\n");
	write_state(s);

	for (;;) {
		struct sctp_rcvinfo rcv;
		socklen_t infolen = sizeof(rcv), fromlen = sizeof(sin);
		unsigned int infotype = 0;
		int flags = 0;
		ssize_t n;

		n = usrsctp_recvv(s, msg + have, sizeof(msg) - have,
				  (struct sockaddr *)&sin, &fromlen, &rcv,
				  &infolen, &infotype, &flags);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			fprintf(stderr, "usrsctp_peer: recv: %s\n", strerror(errno));
			lost = 1;
			break;
		}
		if (n == 0)
			break;		/* the peer shut down */
		if (flags & MSG_NOTIFICATION) {
			if (notification(s, (const union sctp_notification *)(msg + have))) {
				lost = 1;
				break;
			}
			continue;
		}
		have += (size_t)n;
		if (!(flags & MSG_EOR) && have < sizeof(msg))
			continue;
		{
			struct sctp_sndinfo snd = {
				.snd_sid = rcv.rcv_sid, .snd_ppid = rcv.rcv_ppid,
			};

			if (usrsctp_sendv(s, msg, have, NULL, 0, &snd, sizeof(snd),
					  SCTP_SENDV_SNDINFO, 0) < 0) {
				fprintf(stderr, "usrsctp_peer: send: %s\n", strerror(errno));
				lost = 1;
				break;
			}
		}
		have = 0;
	}
	fprintf(stderr, "usrsctp_peer: %s\n", lost ? "association lost" : "peer shut down");
	usrsctp_close(s);
	usrsctp_close(ls);
	while (usrsctp_finish() != 0)
		sleep(1);
	return lost;
}
