// SPDX-License-Identifier: GPL-2.0
/*
 * usrsctp_peer - an SCTP end that is not Linux's SCTP: usrsctp (Debian's
 * libusrsctp, FreeBSD's stack in user space) over UDP encapsulation
 * (RFC 6951), with SCTP-AUTH and ADD-IP on, echoing every message back on
 * the stream it came on. Echoed, an sctp_stream peer's messages are a
 * valid sctp_stream stream (each payload depends only on its sequence
 * number), so the sctp_stream end checks the whole round trip: nothing
 * lost, duplicated, reordered or corrupted either way, and the END
 * exchange.
 *
 *   usrsctp_peer -p PORT [-u UDP_PORT] [-s STATE_FILE] [-X KIND:ADDR]...
 *   usrsctp_peer -c PEER -p PORT [-B LOCAL] [-u UDP_PORT] [-s STATE_FILE]
 *                [-X KIND:ADDR]...
 *
 *   -p PORT        the SCTP port to accept one association on, or with -c
 *                  the peer's port
 *   -c PEER        connect to PEER (IPv4) instead of accepting: usrsctp is
 *                  then the active side, the mobile node of roam_usrsctp_mn.sh
 *   -B LOCAL       with -c: bind to this local IPv4 address only (usrsctp_bind,
 *                  any port), so that the address set can change by bindx;
 *                  default: all addresses
 *   -u UDP_PORT    the UDP port usrsctp listens and sends on (default 9899)
 *   -s STATE_FILE  rewritten at every change of the peer's addresses as
 *                  one line: each peer address followed by a space, the
 *                  primary marked "*" (the tests' peer_view format)
 *   -X KIND:ADDR   an action to perform on SIGUSR1, one per signal, in
 *                  order (up to 8), as an application managing its own
 *                  addresses would: add:LOCAL, rem:LOCAL (usrsctp_bindx
 *                  SCTP_BINDX_ADD_ADDR / SCTP_BINDX_REM_ADDR: usrsctp sends
 *                  ASCONF ADD-IP / DELETE-IP), peerprim:LOCAL
 *                  (SCTP_SET_PEER_PRIMARY_ADDR: ASCONF SET-PRIMARY)
 *
 * It runs as an unprivileged application does (a browser's WebRTC, for
 * one): without CAP_NET_RAW, so usrsctp has only its UDP socket. It sets
 * the socket's remote UDP port (SCTP_REMOTE_UDP_ENCAPS_PORT), which
 * usrsctp gives every path the peer adds by ASCONF; left at 0, usrsctp
 * sends to such a path in plain SCTP, or not at all without raw sockets
 * (Documentation/deployment.md).
 *
 * usrsctp learns the host's addresses once, in usrsctp_init()
 * (getifaddrs(); it has no address monitor on Linux): an address to add
 * by -X must be configured before usrsctp_peer starts. Its UDP socket is
 * bound to the wildcard and sends without a source address, so the
 * kernel's routing, not usrsctp, chooses each packet's source: an ASCONF
 * deleting an address must be sent once the routes lead away from it (a
 * peer refuses to delete the source of the ASCONF, RFC 5061 section 5.2).
 *
 * On stderr: "usrsctp_peer: listening" (or "connecting"), "association
 * up", one line per address event (ADDED, REMOVED, MADE_PRIM, AVAILABLE,
 * UNREACHABLE, CONFIRMED with the address) and per association change,
 * and per action "action N KIND ADDR: ok" or "...: failed: ERROR"
 * followed by the local addresses ("local addresses: ..."). Exits 0 when
 * the peer shut the association down cleanly, 1 on an abort or an error.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/capability.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <usrsctp.h>

#define MSG_MAX		(256 * 1024)
#define MAX_ACTIONS	8

enum act_kind {
	ACT_ADD,	/* usrsctp_bindx(SCTP_BINDX_ADD_ADDR): ASCONF ADD-IP */
	ACT_REM,	/* usrsctp_bindx(SCTP_BINDX_REM_ADDR): ASCONF DELETE-IP */
	ACT_PEERPRIM,	/* SCTP_SET_PEER_PRIMARY_ADDR: ASCONF SET-PRIMARY */
};

static const char *const act_names[] = {
	[ACT_ADD] = "add", [ACT_REM] = "rem", [ACT_PEERPRIM] = "peerprim",
};

struct action {
	enum act_kind kind;
	const char *str;		/* the address as given */
	struct sockaddr_in sin;
};

static const char *state_file;
static struct action acts[MAX_ACTIONS];
static int nacts;

/* The association's socket, for the action thread; NULL once closing. */
static pthread_mutex_t assoc_lock = PTHREAD_MUTEX_INITIALIZER;
static struct socket *assoc_sock;

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

/* Report a notification. Return -1 when the association is lost, 1 when
 * its graceful shutdown completed (usrsctp may report that before the
 * end-of-file read), 0 otherwise.
 */
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
		switch (n->sn_assoc_change.sac_state) {
		case SCTP_COMM_LOST:
		case SCTP_CANT_STR_ASSOC:
			return -1;
		case SCTP_SHUTDOWN_COMP:
			return 1;
		default:
			return 0;
		}
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

static void usage(void)
{
	fprintf(stderr,
		"usage: usrsctp_peer -p PORT [-u UDP_PORT] [-s STATE_FILE] [-X KIND:ADDR]...\n"
		"       usrsctp_peer -c PEER -p PORT [-B LOCAL] [-u UDP_PORT] [-s STATE_FILE]\n"
		"                    [-X KIND:ADDR]...   (KIND: add, rem, peerprim)\n");
	exit(2);
}

/* A numeric IPv4 address and a port, or exit 2. */
static void parse_in(const char *s, uint16_t port, struct sockaddr_in *sin)
{
	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_port = htons(port);
	if (inet_pton(AF_INET, s, &sin->sin_addr) != 1) {
		fprintf(stderr, "usrsctp_peer: '%s' is not an IPv4 address\n", s);
		usage();
	}
}

/* -X KIND:ADDR */
static void parse_action(const char *arg)
{
	unsigned int k;

	if (nacts == MAX_ACTIONS) {
		fprintf(stderr, "usrsctp_peer: -X: too many actions (max %d)\n",
			MAX_ACTIONS);
		usage();
	}
	for (k = 0; k < sizeof(act_names) / sizeof(act_names[0]); k++) {
		size_t n = strlen(act_names[k]);

		if (strncmp(arg, act_names[k], n) || arg[n] != ':')
			continue;
		acts[nacts].kind = k;
		acts[nacts].str = arg + n + 1;
		parse_in(acts[nacts].str, 0, &acts[nacts].sin);
		nacts++;
		return;
	}
	fprintf(stderr, "usrsctp_peer: -X: '%s' is not add:, rem: or peerprim: ADDR\n", arg);
	usage();
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

/* Print the association's local addresses, as usrsctp has them now. */
static void print_laddrs(struct socket *s)
{
	char line[1024] = "", a[INET6_ADDRSTRLEN];
	struct sockaddr *addrs, *sa;
	size_t off = 0;
	int n, i;

	n = usrsctp_getladdrs(s, 0, &addrs);
	sa = addrs;
	for (i = 0; i < n && off < sizeof(line) - 64; i++) {
		off += snprintf(line + off, sizeof(line) - off, " %s",
				addr_str(sa, a, sizeof(a)));
		sa = (struct sockaddr *)((char *)sa + (sa->sa_family == AF_INET6 ?
			sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in)));
	}
	if (n > 0)
		usrsctp_freeladdrs(addrs);
	fprintf(stderr, "usrsctp_peer: local addresses:%s\n", line);
}

/* Perform @act on @s; 0 or an errno. */
static int do_action(struct socket *s, const struct action *act)
{
	struct sockaddr_in sin = act->sin;
	struct sctp_setpeerprim spp;

	switch (act->kind) {
	case ACT_ADD:
		return usrsctp_bindx(s, (struct sockaddr *)&sin, 1,
				     SCTP_BINDX_ADD_ADDR) ? errno : 0;
	case ACT_REM:
		return usrsctp_bindx(s, (struct sockaddr *)&sin, 1,
				     SCTP_BINDX_REM_ADDR) ? errno : 0;
	case ACT_PEERPRIM:
		/* one-to-one: the socket's association, whatever the id */
		memset(&spp, 0, sizeof(spp));
		memcpy(&spp.sspp_addr, &sin, sizeof(sin));
		return usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_SET_PEER_PRIMARY_ADDR,
					  &spp, sizeof(spp)) ? errno : 0;
	}
	return EINVAL;
}

/*
 * The action thread: each SIGUSR1 performs the next -X action. SIGUSR1 is
 * blocked in every thread (main blocks it before usrsctp starts its own),
 * so only this sigwait() takes it: a handler could not call usrsctp, and
 * main sleeps in usrsctp_recvv(), which a signal does not interrupt.
 */
static void *action_thread(void *arg)
{
	const sigset_t *set = arg;
	int i = 0, sig, err;

	while (i < nacts) {
		if (sigwait(set, &sig))
			continue;
		pthread_mutex_lock(&assoc_lock);
		if (!assoc_sock) {
			pthread_mutex_unlock(&assoc_lock);
			break;
		}
		err = do_action(assoc_sock, &acts[i]);
		fprintf(stderr, "usrsctp_peer: action %d %s %s: %s%s\n", i + 1,
			act_names[acts[i].kind], acts[i].str, err ? "failed: " : "ok",
			err ? strerror(err) : "");
		print_laddrs(assoc_sock);
		pthread_mutex_unlock(&assoc_lock);
		i++;
	}
	return NULL;
}

/* Events, SCTP_RCVINFO and the remote UDP port on @s (before connect or
 * listen: an accepted socket inherits them).
 */
static void setup_socket(struct socket *s, uint16_t udp_port)
{
	static const uint16_t events[] = {
		SCTP_ASSOC_CHANGE, SCTP_PEER_ADDR_CHANGE, SCTP_SHUTDOWN_EVENT,
	};
	struct sctp_udpencaps encaps;
	unsigned int i;
	int on = 1;

	for (i = 0; i < sizeof(events) / sizeof(events[0]); i++) {
		struct sctp_event ev = {
			.se_assoc_id = SCTP_ALL_ASSOC, .se_type = events[i], .se_on = 1,
		};

		if (usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_EVENT, &ev, sizeof(ev)))
			die("SCTP_EVENT");
	}
	if (usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_RECVRCVINFO, &on, sizeof(on)))
		die("SCTP_RECVRCVINFO");
	/* The remote UDP port of every path, including those the peer adds
	 * by ASCONF (without it usrsctp gives them port 0: plain SCTP).
	 */
	memset(&encaps, 0, sizeof(encaps));
	encaps.sue_address.ss_family = AF_INET;
	encaps.sue_port = htons(udp_port);
	if (usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_REMOTE_UDP_ENCAPS_PORT,
			       &encaps, sizeof(encaps)))
		die("SCTP_REMOTE_UDP_ENCAPS_PORT");
}

/* Echo every message back on its stream until the association ends.
 * Return 1 when it was lost, 0 when the peer shut it down.
 */
static int echo(struct socket *s)
{
	static char msg[MSG_MAX];
	struct sockaddr_in from;
	size_t have = 0;

	for (;;) {
		struct sctp_rcvinfo rcv;
		socklen_t infolen = sizeof(rcv), fromlen = sizeof(from);
		unsigned int infotype = 0;
		int flags = 0;
		ssize_t n;

		n = usrsctp_recvv(s, msg + have, sizeof(msg) - have,
				  (struct sockaddr *)&from, &fromlen, &rcv,
				  &infolen, &infotype, &flags);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			fprintf(stderr, "usrsctp_peer: recv: %s\n", strerror(errno));
			return 1;
		}
		if (n == 0)
			return 0;	/* the peer shut down */
		if (flags & MSG_NOTIFICATION) {
			int end = notification(s, (const union sctp_notification *)(msg + have));

			if (end)
				return end < 0;
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
				return 1;
			}
		}
		have = 0;
	}
}

int main(int argc, char **argv)
{
	struct sockaddr_in sin = { .sin_family = AF_INET }, peer, local;
	const char *peer_str = NULL, *local_str = NULL;
	uint16_t port = 0, udp_port = 9899;
	struct socket *ls = NULL, *s;
	pthread_t thr;
	sigset_t set;
	int opt, lost;

	while ((opt = getopt(argc, argv, "p:u:s:c:B:X:")) != -1) {
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
		case 'c':
			peer_str = optarg;
			break;
		case 'B':
			local_str = optarg;
			break;
		case 'X':
			parse_action(optarg);
			break;
		default:
			usage();
		}
	}
	if (!port || optind != argc || (local_str && !peer_str))
		usage();
	if (peer_str)
		parse_in(peer_str, port, &peer);
	parse_in(local_str ? local_str : "0.0.0.0", 0, &local);

	/* Before usrsctp_init(): its threads inherit the mask. */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	if (pthread_sigmask(SIG_BLOCK, &set, NULL))
		die("pthread_sigmask");

	drop_net_raw();
	usrsctp_init(udp_port, NULL, NULL);
	usrsctp_sysctl_set_sctp_auth_enable(1);
	usrsctp_sysctl_set_sctp_asconf_enable(1);

	if (peer_str) {
		s = usrsctp_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP, NULL, NULL, 0, NULL);
		if (!s)
			die("usrsctp_socket");
		setup_socket(s, udp_port);
		if (usrsctp_bind(s, (struct sockaddr *)&local, sizeof(local)))
			die("usrsctp_bind");
		fprintf(stderr, "usrsctp_peer: connecting to %s port %u from %s, UDP %u\n",
			peer_str, port, local_str ? local_str : "any address", udp_port);
		if (usrsctp_connect(s, (struct sockaddr *)&peer, sizeof(peer)))
			die("usrsctp_connect");
	} else {
		ls = usrsctp_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP, NULL, NULL, 0, NULL);
		if (!ls)
			die("usrsctp_socket");
		setup_socket(ls, udp_port);
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
	}
	fprintf(stderr, "usrsctp_peer: association up\n");
	write_state(s);
	print_laddrs(s);

	assoc_sock = s;
	if (nacts) {
		errno = pthread_create(&thr, NULL, action_thread, &set);
		if (errno)
			die("pthread_create");
		pthread_detach(thr);
	}

	lost = echo(s);
	fprintf(stderr, "usrsctp_peer: %s\n", lost ? "association lost" : "peer shut down");
	pthread_mutex_lock(&assoc_lock);
	assoc_sock = NULL;
	pthread_mutex_unlock(&assoc_lock);
	usrsctp_close(s);
	if (ls)
		usrsctp_close(ls);
	while (usrsctp_finish() != 0)
		sleep(1);
	return lost;
}
