// SPDX-License-Identifier: GPL-2.0
/*
 * sctp_many - hold many idle SCTP associations open, for scale tests.
 *
 *   sctp_many -l ADDR -p PORT [-r READY]
 *       one one-to-many socket bound to ADDR:PORT that accepts every
 *       association and discards whatever arrives
 *   sctp_many -c ADDR -p PORT -n N [-B LOCAL | -A] [-b BATCH] [-r READY]
 *       N one-to-one sockets (optionally bound to LOCAL) connected to
 *       ADDR:PORT, BATCH connects in flight at a time (default 100) so that
 *       the INIT burst does not overflow the input backlog; -A switches
 *       the kernel's auto_asconf on for each (wildcard-bound) socket, as
 *       the benchmarks' stock reference does
 *
 * Once every association is up (or the listener is bound), READY is created
 * and holds the count; then the program waits for SIGINT or SIGTERM and
 * closes everything. Exit status: 0 on a clean run, 1 if an association
 * failed, 2 on bad usage or setup failure (one line on stderr).
 *
 * Plain sockets, libc only (the test tools are linked statically).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef IPPROTO_SCTP
#define IPPROTO_SCTP 132
#endif
#ifndef SOL_SCTP
#define SOL_SCTP 132
#endif
#define SCTP_AUTO_ASCONF 30	/* uapi <linux/sctp.h> */

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void fail(const char *what)
{
	fprintf(stderr, "sctp_many: %s: %s\n", what, strerror(errno));
	exit(2);
}

static socklen_t make_addr(const char *text, int port,
			   struct sockaddr_storage *ss)
{
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, text, &sin->sin_addr) == 1) {
		sin->sin_family = AF_INET;
		sin->sin_port = htons(port);
		return sizeof(*sin);
	}
	if (inet_pton(AF_INET6, text, &sin6->sin6_addr) == 1) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons(port);
		return sizeof(*sin6);
	}
	fprintf(stderr, "sctp_many: bad address %s\n", text);
	exit(2);
}

static void ready(const char *path, int n)
{
	FILE *f;

	if (!path)
		return;
	f = fopen(path, "w");
	if (!f)
		fail(path);
	fprintf(f, "%d\n", n);
	fclose(f);
}

static void wait_signal(void)
{
	sigset_t none;

	sigemptyset(&none);
	while (!stop)
		sigsuspend(&none);
}

static int serve(const char *addr, int port, const char *readyf)
{
	struct sockaddr_storage ss;
	char buf[4096];
	socklen_t len;
	int fd;

	len = make_addr(addr, port, &ss);
	fd = socket(ss.ss_family, SOCK_SEQPACKET, IPPROTO_SCTP);
	if (fd < 0)
		fail("socket");
	if (bind(fd, (struct sockaddr *)&ss, len) < 0)
		fail("bind");
	if (listen(fd, SOMAXCONN) < 0)
		fail("listen");
	ready(readyf, 0);
	while (!stop) {
		if (recv(fd, buf, sizeof(buf), 0) < 0 && errno != EINTR)
			fail("recv");
	}
	close(fd);
	return 0;
}

static int connect_all(const char *addr, int port, int n, const char *local,
		       int auto_asconf, int batch, const char *readyf)
{
	struct sockaddr_storage peer, me;
	socklen_t plen, mlen = 0;
	struct pollfd *pfd;
	struct rlimit rl;
	int *fds, i, next = 0, done = 0, inflight = 0, err, bad = 0;
	char *settled;
	socklen_t elen;

	plen = make_addr(addr, port, &peer);
	if (local)
		mlen = make_addr(local, 0, &me);
	else if (auto_asconf)
		mlen = make_addr(peer.ss_family == AF_INET6 ? "::" : "0.0.0.0", 0, &me);
	rl.rlim_cur = rl.rlim_max = n + 64;
	if (setrlimit(RLIMIT_NOFILE, &rl) < 0)
		fail("setrlimit");
	fds = calloc(n, sizeof(*fds));
	pfd = calloc(n, sizeof(*pfd));
	settled = calloc(n, 1);
	if (!fds || !pfd || !settled)
		fail("calloc");

	while (done < n && !stop) {
		while (next < n && inflight < batch) {
			fds[next] = socket(peer.ss_family,
					   SOCK_STREAM | SOCK_NONBLOCK, IPPROTO_SCTP);
			if (fds[next] < 0)
				fail("socket");
			if (local && bind(fds[next], (struct sockaddr *)&me, mlen) < 0)
				fail("bind");
			/* auto_asconf needs an explicitly wildcard-bound socket */
			if (auto_asconf && bind(fds[next], (struct sockaddr *)&me, mlen) < 0)
				fail("bind");
			if (auto_asconf &&
			    setsockopt(fds[next], SOL_SCTP, SCTP_AUTO_ASCONF,
				       &auto_asconf, sizeof(auto_asconf)) < 0)
				fail("SCTP_AUTO_ASCONF");
			if (connect(fds[next], (struct sockaddr *)&peer, plen) < 0 &&
			    errno != EINPROGRESS)
				fail("connect");
			next++;
			inflight++;
		}
		for (i = 0; i < next; i++) {
			pfd[i].fd = settled[i] ? -1 : fds[i];
			pfd[i].events = POLLOUT;
		}
		if (poll(pfd, next, 10000) < 0) {
			if (errno == EINTR)
				continue;
			fail("poll");
		}
		for (i = 0; i < next; i++) {
			if (pfd[i].fd < 0 || !pfd[i].revents)
				continue;
			elen = sizeof(err);
			getsockopt(fds[i], SOL_SOCKET, SO_ERROR, &err, &elen);
			if (err) {
				fprintf(stderr, "sctp_many: association %d: %s\n", i,
					strerror(err));
				bad++;
			}
			settled[i] = 1;
			done++;
			inflight--;
		}
	}
	ready(readyf, done - bad);
	wait_signal();
	for (i = 0; i < next; i++)
		close(fds[i]);
	return bad ? 1 : 0;
}

int main(int argc, char **argv)
{
	const char *addr = NULL, *local = NULL, *readyf = NULL;
	int port = 0, n = 0, batch = 100, listen_mode = 0, auto_asconf = 0, opt;
	struct sigaction sa = { .sa_handler = on_signal };

	while ((opt = getopt(argc, argv, "l:c:p:n:B:b:r:A")) != -1) {
		switch (opt) {
		case 'l':
			listen_mode = 1;
			addr = optarg;
			break;
		case 'c':
			addr = optarg;
			break;
		case 'p':
			port = atoi(optarg);
			break;
		case 'n':
			n = atoi(optarg);
			break;
		case 'B':
			local = optarg;
			break;
		case 'b':
			batch = atoi(optarg);
			break;
		case 'r':
			readyf = optarg;
			break;
		case 'A':
			auto_asconf = 1;
			break;
		default:
			fprintf(stderr, "usage: sctp_many -l ADDR -p PORT [-r READY] | -c ADDR -p PORT -n N [-B LOCAL | -A] [-b BATCH] [-r READY]\n");
			return 2;
		}
	}
	if (!addr || port <= 0 || port > 65535 || batch <= 0 ||
	    (!listen_mode && n <= 0) || (auto_asconf && local)) {
		fprintf(stderr, "sctp_many: bad arguments\n");
		return 2;
	}
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (listen_mode)
		return serve(addr, port, readyf);
	return connect_all(addr, port, n, local, auto_asconf, batch, readyf);
}
