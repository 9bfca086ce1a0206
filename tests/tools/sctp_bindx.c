// SPDX-License-Identifier: GPL-2.0
/*
 * sctp_bindx - one SCTP association whose local addresses change by
 * sctp_bindx(), so that the kernel sends ASCONF chunks the test chooses
 * (tests/netns/asconf_wire.sh).
 *
 * Usage:
 *   sctp_bindx -l -p PORT [-B ADDR] [-H MS]
 *       passive: an IPv4-only (AF_INET) socket accepts one association
 *       and holds it until the peer closes or MS pass (default 10000)
 *   sctp_bindx -c PEER -p PORT [-6] [-B ADDR] [-a ADDR]... [-g MS] [-H MS]
 *       active: connect, then SCTP_SOCKOPT_BINDX_ADD each -a address in
 *       turn (one ASCONF each), MS apart (-g, default 300), hold -H MS,
 *       close. -6 uses an AF_INET6 socket (IPv4 addresses v4-mapped).
 *
 * An AF_INET6 socket may add an IPv6 address to an association with an
 * AF_INET peer: Linux sends the ASCONF, and the peer answers Unresolvable
 * Address (RFC 5061 section 5.2, Linux's SCTP_ERROR_DNS_FAILED), which is
 * how the test makes a stock peer refuse a request.
 *
 * Prints "established" once the association is up; exit 0, 1 on error.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#ifndef SOL_SCTP
#define SOL_SCTP			132
#endif
#define DAR_SCTP_SOCKOPT_BINDX_ADD	100	/* <linux/sctp.h> */
#define MAX_ADD				8

static int to_sockaddr(const char *s, int v6, int port,
		       struct sockaddr_storage *ss, socklen_t *len)
{
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
	struct in_addr a4;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET6, s, &s6->sin6_addr) == 1) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(port);
		*len = sizeof(*s6);
		return 0;
	}
	if (inet_pton(AF_INET, s, &a4) != 1) {
		fprintf(stderr, "sctp_bindx: bad address \"%s\"\n", s);
		return -1;
	}
	if (v6) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(port);
		s6->sin6_addr.s6_addr[10] = 0xff;
		s6->sin6_addr.s6_addr[11] = 0xff;
		memcpy(&s6->sin6_addr.s6_addr[12], &a4, 4);
		*len = sizeof(*s6);
	} else {
		s4->sin_family = AF_INET;
		s4->sin_port = htons(port);
		s4->sin_addr = a4;
		*len = sizeof(*s4);
	}
	return 0;
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: sctp_bindx -l -p PORT [-B ADDR] [-H MS]\n"
		"       sctp_bindx -c PEER -p PORT [-6] [-B ADDR] [-a ADDR]... [-g MS] [-H MS]\n");
	exit(1);
}

int main(int argc, char **argv)
{
	const char *peer = NULL, *bindaddr = NULL, *add[MAX_ADD];
	int listen_mode = 0, v6 = 0, port = 0, gap = 300, hold = 10000;
	int n_add = 0, opt, fd, c, i;
	struct sockaddr_storage ss;
	struct timeval tv;
	socklen_t len;
	char buf[256];

	while ((opt = getopt(argc, argv, "lc:p:6B:a:g:H:")) != -1) {
		switch (opt) {
		case 'l':
			listen_mode = 1;
			break;
		case 'c':
			peer = optarg;
			break;
		case 'p':
			port = atoi(optarg);
			break;
		case '6':
			v6 = 1;
			break;
		case 'B':
			bindaddr = optarg;
			break;
		case 'a':
			if (n_add == MAX_ADD)
				usage();
			add[n_add++] = optarg;
			break;
		case 'g':
			gap = atoi(optarg);
			break;
		case 'H':
			hold = atoi(optarg);
			break;
		default:
			usage();
		}
	}
	if (port <= 0 || port > 65535 || listen_mode == !!peer)
		usage();
	if (listen_mode)
		v6 = 0;

	fd = socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	if (fd < 0) {
		perror("sctp_bindx: socket");
		return 1;
	}
	if (bindaddr || listen_mode) {
		if (to_sockaddr(bindaddr ? bindaddr : "0.0.0.0", v6,
				listen_mode ? port : 0, &ss, &len))
			return 1;
		if (bind(fd, (struct sockaddr *)&ss, len)) {
			perror("sctp_bindx: bind");
			return 1;
		}
	}
	if (listen_mode) {
		if (listen(fd, 1)) {
			perror("sctp_bindx: listen");
			return 1;
		}
		c = accept(fd, NULL, NULL);
		if (c < 0) {
			perror("sctp_bindx: accept");
			return 1;
		}
		printf("established\n");
		fflush(stdout);
		tv.tv_sec = hold / 1000;
		tv.tv_usec = (hold % 1000) * 1000;
		setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
		while (recv(c, buf, sizeof(buf), 0) > 0)
			;
		close(c);
		close(fd);
		return 0;
	}

	if (to_sockaddr(peer, v6, port, &ss, &len))
		return 1;
	if (connect(fd, (struct sockaddr *)&ss, len)) {
		perror("sctp_bindx: connect");
		return 1;
	}
	printf("established\n");
	fflush(stdout);
	for (i = 0; i < n_add; i++) {
		sleep_ms(gap);
		if (to_sockaddr(add[i], v6, 0, &ss, &len))
			return 1;
		if (setsockopt(fd, SOL_SCTP, DAR_SCTP_SOCKOPT_BINDX_ADD, &ss,
			       len)) {
			fprintf(stderr, "sctp_bindx: bindx add %s: %s\n",
				add[i], strerror(errno));
			return 1;
		}
	}
	sleep_ms(hold);
	close(fd);
	return 0;
}
