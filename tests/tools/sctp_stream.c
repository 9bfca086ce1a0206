// SPDX-License-Identifier: GPL-2.0
/*
 * sctp_stream - a sequence-numbered, checksummed message stream over ONE SCTP
 * association, both directions at once, for the sctp_dar test suite and
 * benchmarks.  It reports loss, duplication, corruption, reordering and the
 * longest gap between received messages.
 *
 * Usage:
 *   sctp_stream -l -p PORT [-B ADDR]... [options]            (passive side)
 *   sctp_stream -c PEER[,PEER2...] -p PORT [-B ADDR]... [options] (active side)
 * Run "sctp_stream -h" for the option list.  Addresses are numeric IPv4 or
 * IPv6 literals (IPv6 may carry "%ifname" or "%index" as scope).
 *
 * Both sides send DATA messages on stream 0 (ordered) every -i microseconds
 * for -d milliseconds while receiving; sends are scheduled on absolute
 * deadlines (no drift; when late, at most SEND_BURST extra messages go out
 * back to back).  A send that would block is retried, never dropped: each
 * message that met EAGAIN at least once counts as one "eagain" stall.  Then
 * each side sends END and waits (-w) for the peer's END and for the kernel to
 * report that everything it sent was acknowledged (SCTP_SENDER_DRY_EVENT),
 * or for the peer's graceful shutdown after its END, and closes gracefully.
 * SIGINT/SIGTERM end the sending phase early; a second one gives up waiting.
 * With -m -N COUNT the active side opens ONE one-to-many socket and
 * associates it COUNT times, to ports PORT..PORT+COUNT-1 of the peer, each
 * association carrying its own stream (as above); the JSON then sums the
 * counters of all of them ("assocs": COUNT; max_gap_ms is the longest of
 * any, end_received true when every stream got its END, assoc_lost true
 * when any association was lost, error the first one, naming it).
 * Each SIGUSR1 performs the next -X action, as an application managing its
 * own addresses would (sctp_bindx ADD/REM, SCTP_PRIMARY_ADDR,
 * SCTP_SET_PEER_PRIMARY_ADDR), and reports it on stderr as
 * "sctp_stream: action N KIND ADDR: ok" or "...: failed: ERROR".
 * -w bounds each of the two waits: getting our END queued (a dead path can
 * keep the send buffer full for good) and then the peer's END.
 *
 * Wire format (all integers big-endian), HDR_LEN = 24 bytes:
 *
 *   0        4        8                16       20       24
 *   +--------+--------+----------------+--------+--------+------------
 *   | magic  | flags  |      seq       |  len   | crc32c | payload...
 *   | "SDST" | 0 DATA |                | whole  |        |
 *   |        | 1 END  |                | msg    |        |
 *   +--------+--------+----------------+--------+--------+------------
 *
 *   magic   0x53445354 ("SDST")
 *   flags   0 = DATA, 1 = END; any other value is corrupt
 *   seq     DATA: 0, 1, 2, ... per direction;
 *           END: the number of DATA messages this side sent
 *   len     length of the whole message, header included (DATA: -s bytes,
 *           END: HDR_LEN, no payload)
 *   crc32c  CRC32C (Castagnoli, as SCTP itself) over the header with this
 *           field zeroed, followed by the payload bytes
 *   payload the bytes of successive splitmix64 outputs (each stored big-endian,
 *           the last one truncated) of a generator seeded with
 *           seq ^ 0x5344535453445354, so a payload is only valid for its seq.
 *
 * Receive statistics: "received" counts unique DATA seqs; "duplicated" a seq
 * seen again; "out_of_order" a seq below the highest seen (not a duplicate)
 * or DATA after END; "corrupted" bad magic, flags, length, CRC, payload or a
 * seq >= 2^32 (the duplicate bitmap stops there); "lost" = peer's END total -
 * received, or highest seq + 1 - received when no END arrived (negative when
 * the peer sent more than its END claims).  max_gap_ms is the longest time
 * between two consecutive DATA arrivals, max_gap_at_ms when it began.  All
 * times count from the moment the association was ESTABLISHED (also the time
 * base of the -L log).
 *
 * Output: one JSON object on one line on stdout (t0_unix_us is the
 * ESTABLISHED moment in CLOCK_REALTIME microseconds, 0 if never), e.g.
 *   {"role":"client","sent":5000,"received":5000,"lost":0,"duplicated":0,
 *    "out_of_order":0,"corrupted":0,"end_received":true,"max_gap_ms":3.1,
 *    "max_gap_at_ms":2410.2,"duration_ms":5123.4,"eagain":0,
 *    "assoc_lost":false,"error":null}
 * "assoc_lost" is true when the association was aborted or shut down by the
 * peer before the END exchange completed. "actions" and "actions_failed"
 * count the -X actions performed and those that failed.
 *
 * Exit status: 0 clean run (END exchange done, nothing lost, duplicated,
 * corrupted or reordered); 1 any anomaly (JSON still printed); 2 bad usage
 * (one line on stderr, no JSON) or setup failure (JSON with "error").
 *
 * Needs only libc (uses the uAPI types of <netinet/sctp.h>, no libsctp);
 * _GNU_SOURCE is for ppoll() and accept4().
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <arpa/inet.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "crc32c.h"

#define PROG		"sctp_stream"
#define MAGIC		0x53445354u	/* "SDST" */
#define FLAG_DATA	0u
#define FLAG_END	1u
#define HDR_LEN		24u
#define MSG_MAX		65536u
#define RXBUF_LEN	(MSG_MAX + 4096u)
#define MAX_ADDRS	16
#define MAX_ACTIONS	8
#define MAX_ASSOCS	64		/* -N */
#define SEQ_LIMIT	(1ull << 32)	/* dup bitmap bound: 512 MiB at most */
#define PATTERN_SEED	0x5344535453445354ull
#define SEND_BURST	4		/* catch-up messages allowed when late */
#define SEND_BUDGET	64		/* sends per loop turn before polling */
#define RECV_BUDGET	1024		/* receives per loop turn */
#define NSEC_PER_MSEC	1000000ull
#define NSEC_PER_SEC	1000000000ull

enum act_kind {
	ACT_ADD,	/* sctp_bindx(SCTP_BINDX_ADD_ADDR) of a local address */
	ACT_REM,	/* sctp_bindx(SCTP_BINDX_REM_ADDR) of a local address */
	ACT_PRIM,	/* SCTP_PRIMARY_ADDR: send to this peer address */
	ACT_PEERPRIM,	/* SCTP_SET_PEER_PRIMARY_ADDR: peer, send to this one */
};

struct action {
	enum act_kind kind;
	const char *str;
	struct sockaddr_storage addr;
};

enum phase {
	PH_SEND,	/* sending DATA until -d expires or a signal */
	PH_END,		/* END built, not yet accepted by the socket */
	PH_WAIT,	/* END sent: waiting for the peer's END and SENDER_DRY */
};

struct opts {
	bool listen;
	const char *peer_arg;
	const char *peer_str[MAX_ADDRS];
	int npeers;
	const char *bind_str[MAX_ADDRS];
	int nbinds;
	unsigned long port;		/* -p */
	unsigned long lport;		/* -P */
	unsigned long nassoc;		/* -N */
	bool v6, many, auto_asconf, nosend, quiet;
	unsigned long interval_us;	/* -i */
	unsigned long size;		/* -s */
	unsigned long dur_ms;		/* -d */
	unsigned long wait_ms;		/* -w */
	unsigned long timeo_ms;		/* -T */
	const char *log_path;		/* -L */
	const char *ready_path;		/* -r */
	struct action act[MAX_ACTIONS];	/* -X, one per SIGUSR1 */
	const char *act_str[MAX_ACTIONS];
	int nact;
	int family;
	struct sockaddr_storage peers[MAX_ADDRS];
	struct sockaddr_storage binds[MAX_ADDRS];
};

struct st {
	const struct opts *o;
	int fd;
	bool many;			/* one-to-many socket */
	bool assoc_known;		/* assoc_id is valid */
	sctp_assoc_t assoc_id;
	bool established;
	uint64_t t0;			/* ESTABLISHED, CLOCK_MONOTONIC ns */
	uint64_t t0_unix_us;		/* the same moment, CLOCK_REALTIME us */

	/* transmit side */
	enum phase phase;
	uint8_t *tx;
	bool tx_built;			/* tx holds DATA seq == sent */
	uint64_t sent;
	uint64_t next_send;
	bool blocked;			/* last send met EAGAIN */
	unsigned int blocked_spins;	/* EAGAIN again after POLLOUT */
	uint64_t retry_at;
	uint64_t eagain;
	uint64_t wait_end;
	bool dry;			/* all we sent (END included) acked */
	bool dry_subscribed;

	/* receive side */
	uint8_t *rx;
	size_t rxlen;
	bool rx_notif, rx_discard;
	uint64_t unique, dup, ooo, corrupted, highest;
	bool have_highest;
	bool end_received;
	uint64_t peer_total;
	bool have_last_rx;
	uint64_t last_rx, max_gap, max_gap_at;
	uint8_t *seen;
	size_t seen_bytes;
	FILE *log;

	/* association fate */
	bool peer_closed;		/* orderly shutdown by the peer */
	bool assoc_lost;
	bool stop;			/* fatal local error */
	char error[256];

	/* -X actions */
	int acts_done, acts_failed;

	/* -N: this session is over (run()); the aggregate's loss count */
	bool done;
	int64_t lost_sum;
	int nassoc;			/* > 1: st is the sum of nassoc streams */
};

/*
 * -N: the streams sharing the one-to-many socket, one per association,
 * and the reader that receives for all of them and hands each message to
 * the stream of its association (sess_route). Without -N they are NULL
 * and 0, and the one stream reads for itself.
 */
static struct st *g_sess;
static int g_nsess;

static volatile sig_atomic_t got_signal;
static volatile sig_atomic_t got_usr1;
static uint32_t crc_tab[8][256];

/* ---------------------------------------------------------------- utils */

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * NSEC_PER_SEC + (uint64_t)ts.tv_nsec;
}

/* Wall-clock time, so scripts can place their own events on the stream's
 * time line (the JSON's t0_unix_us).
 */
static uint64_t unix_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

static void set_error(struct st *st, const char *fmt, ...)
{
	va_list ap;

	if (st->error[0])
		return;		/* the first error is the interesting one */
	va_start(ap, fmt);
	vsnprintf(st->error, sizeof(st->error), fmt, ap);
	va_end(ap);
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static void put_be64(uint8_t *p, uint64_t v)
{
	put_be32(p, v >> 32);
	put_be32(p + 4, (uint32_t)v);
}

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static uint64_t get_be64(const uint8_t *p)
{
	return (uint64_t)get_be32(p) << 32 | get_be32(p + 4);
}

/* CRC32C (crc32c.h's table), slicing-by-8: tables 1-7 derived from it. */
static void crc_slicing_init(void)
{
	int i, j;

	crc32c_init();
	memcpy(crc_tab[0], crc32c_tab, sizeof(crc_tab[0]));
	for (i = 0; i < 256; i++)
		for (j = 1; j < 8; j++)
			crc_tab[j][i] = (crc_tab[j - 1][i] >> 8) ^
					crc_tab[0][crc_tab[j - 1][i] & 0xff];
}

static uint32_t crc32c_update(uint32_t crc, const uint8_t *p, size_t n)
{
	while (n >= 8) {
		uint32_t lo = crc ^ ((uint32_t)p[0] | (uint32_t)p[1] << 8 |
				     (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
		uint32_t hi = (uint32_t)p[4] | (uint32_t)p[5] << 8 |
			      (uint32_t)p[6] << 16 | (uint32_t)p[7] << 24;

		crc = crc_tab[7][lo & 0xff] ^ crc_tab[6][(lo >> 8) & 0xff] ^
		      crc_tab[5][(lo >> 16) & 0xff] ^ crc_tab[4][lo >> 24] ^
		      crc_tab[3][hi & 0xff] ^ crc_tab[2][(hi >> 8) & 0xff] ^
		      crc_tab[1][(hi >> 16) & 0xff] ^ crc_tab[0][hi >> 24];
		p += 8;
		n -= 8;
	}
	while (n--)
		crc = crc_tab[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return crc;
}

/* CRC of a whole message as if its crc field (bytes 20..23) were zero. */
static uint32_t msg_crc(const uint8_t *m, size_t len)
{
	static const uint8_t zero[4];
	uint32_t crc = ~0u;

	crc = crc32c_update(crc, m, 20);
	crc = crc32c_update(crc, zero, 4);
	crc = crc32c_update(crc, m + HDR_LEN, len - HDR_LEN);
	return ~crc;
}

static uint64_t splitmix64(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static void fill_payload(uint8_t *p, size_t n, uint64_t seq)
{
	uint64_t s = seq ^ PATTERN_SEED;
	uint8_t last[8];

	for (; n >= 8; p += 8, n -= 8)
		put_be64(p, splitmix64(&s));
	if (n) {
		put_be64(last, splitmix64(&s));
		memcpy(p, last, n);
	}
}

static bool check_payload(const uint8_t *p, size_t n, uint64_t seq)
{
	uint64_t s = seq ^ PATTERN_SEED;
	uint8_t exp[8];

	for (; n >= 8; p += 8, n -= 8) {
		put_be64(exp, splitmix64(&s));
		if (memcmp(p, exp, 8))
			return false;
	}
	if (n) {
		put_be64(exp, splitmix64(&s));
		if (memcmp(p, exp, n))
			return false;
	}
	return true;
}

static void build_msg(uint8_t *m, uint32_t flags, uint64_t seq, uint32_t len)
{
	put_be32(m, MAGIC);
	put_be32(m + 4, flags);
	put_be64(m + 8, seq);
	put_be32(m + 16, len);
	put_be32(m + 20, 0);
	if (len > HDR_LEN)
		fill_payload(m + HDR_LEN, len - HDR_LEN, seq);
	put_be32(m + 20, msg_crc(m, len));
}

/* ------------------------------------------------------------ arguments */

static const char usage_fmt[] =
	"Usage: " PROG " -l -p PORT [-B ADDR]... [options]\n"
	"       " PROG " -c PEER[,PEER2...] -p PORT [-B ADDR]... [options]\n"
	"Sequence-numbered, checksummed message stream both ways over ONE SCTP\n"
	"association; prints one JSON line of results on stdout.\n"
	"  -l          passive side: listen, accept ONE association\n"
	"  -c PEERS    active side: connect to all peer addresses (connectx)\n"
	"  -p PORT     listening port (-l) or peer port (-c), 1..65535\n"
	"  -B ADDR     bind this local address (repeatable, up to %d; first via\n"
	"              bind(), the rest via SCTP_SOCKOPT_BINDX_ADD); none = wildcard\n"
	"  -6          AF_INET6 socket (IPv4 addresses become v4-mapped); default:\n"
	"              family of the first address given (-B, else -c; -l alone: v6)\n"
	"  -P PORT     local port of the active side (default 0 = ephemeral)\n"
	"  -m          one-to-many socket (SOCK_SEQPACKET) instead of one-to-one\n"
	"  -N COUNT    with -m -c: COUNT associations on the one socket, to ports\n"
	"              PORT..PORT+COUNT-1, a stream on each (1..%d, default 1)\n"
	"  -A          SCTP_AUTO_ASCONF=1 (wildcard-bound sockets only)\n"
	"  -i USEC     send interval, 0..60000000 (default 1000; 0 = flat out)\n"
	"  -s BYTES    message size incl. %u-byte header, %u..%u (default 1024)\n"
	"  -d MS       how long to send (default 5000)\n"
	"  -w MS       how long to try to send our END, then how long to wait\n"
	"              for the peer's END\n"
	"              (default 10000)\n"
	"  -n          send no DATA (receive only); END still goes out after -d\n"
	"  -L FILE     receive log, one line per DATA: \"<t_us> <seq>\"\n"
	"  -r FILE     create FILE (empty) once the association is ESTABLISHED\n"
	"  -T MS       connect/accept timeout (default 10000)\n"
	"  -X KIND:ADDR  an action to perform on SIGUSR1 (repeatable, up to %d,\n"
	"              in order, one per signal): add:LOCAL / rem:LOCAL (sctp_bindx\n"
	"              ADD/REM), prim:PEER (SCTP_PRIMARY_ADDR), peerprim:LOCAL\n"
	"              (SCTP_SET_PEER_PRIMARY_ADDR)\n"
	"  -q          quiet: no progress lines on stderr\n"
	"  -h          this help\n"
	"Times count from ESTABLISHED.  Exit: 0 clean, 1 anomaly, 2 usage/setup\n"
	"error.\n";

static void usage(FILE *f)
{
	fprintf(f, usage_fmt, MAX_ADDRS, MAX_ASSOCS, HDR_LEN, HDR_LEN, MSG_MAX,
		MAX_ACTIONS);
}

static void __attribute__((noreturn, format(printf, 1, 2)))
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs(PROG ": ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static unsigned long parse_num(char opt, const char *s, unsigned long min,
			       unsigned long max)
{
	unsigned long v;
	char *end;

	if (*s < '0' || *s > '9')
		usage_error("-%c: '%s' is not a number in %lu..%lu", opt, s,
			    min, max);
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v < min || v > max)
		usage_error("-%c: '%s' is not a number in %lu..%lu", opt, s,
			    min, max);
	return v;
}

static int guess_family(const char *s)
{
	struct in6_addr a6;
	struct in_addr a4;
	char buf[INET6_ADDRSTRLEN + IF_NAMESIZE + 2];
	char *pct;

	if (inet_pton(AF_INET, s, &a4) == 1)
		return AF_INET;
	snprintf(buf, sizeof(buf), "%s", s);
	pct = strchr(buf, '%');
	if (pct)
		*pct = '\0';
	if (inet_pton(AF_INET6, buf, &a6) == 1)
		return AF_INET6;
	return AF_UNSPEC;
}

static void parse_addr(char opt, const char *s, int family, unsigned long port,
		       struct sockaddr_storage *ss)
{
	char buf[INET6_ADDRSTRLEN + IF_NAMESIZE + 2];
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
	struct in_addr a4;
	char *pct, *end;

	memset(ss, 0, sizeof(*ss));
	if (strlen(s) >= sizeof(buf))
		usage_error("-%c: '%s' is not an IPv4/IPv6 address", opt, s);
	if (inet_pton(AF_INET, s, &a4) == 1) {
		if (family == AF_INET) {
			s4->sin_family = AF_INET;
			s4->sin_port = htons(port);
			s4->sin_addr = a4;
		} else {
			/* -6: IPv4 becomes ::ffff:a.b.c.d */
			s6->sin6_family = AF_INET6;
			s6->sin6_port = htons(port);
			s6->sin6_addr.s6_addr[10] = 0xff;
			s6->sin6_addr.s6_addr[11] = 0xff;
			memcpy(&s6->sin6_addr.s6_addr[12], &a4, 4);
		}
		return;
	}
	strcpy(buf, s);
	pct = strchr(buf, '%');
	if (pct)
		*pct++ = '\0';
	if (inet_pton(AF_INET6, buf, &s6->sin6_addr) != 1)
		usage_error("-%c: '%s' is not an IPv4/IPv6 address", opt, s);
	if (family != AF_INET6)
		usage_error("-%c: '%s' is IPv6 but the socket is IPv4 (use -6)",
			    opt, s);
	s6->sin6_family = AF_INET6;
	s6->sin6_port = htons(port);
	if (pct) {
		unsigned long idx;

		errno = 0;
		idx = strtoul(pct, &end, 10);
		if (!*pct || errno || *end || idx > UINT32_MAX)
			idx = if_nametoindex(pct);
		if (!idx)
			usage_error("-%c: '%s': unknown scope '%s'", opt, s, pct);
		s6->sin6_scope_id = idx;
	}
}

/* -X KIND:ADDR; the address is parsed once the family is known. */
static void parse_action(struct opts *o, const char *arg)
{
	static const char *const kinds[] = {
		[ACT_ADD] = "add:", [ACT_REM] = "rem:",
		[ACT_PRIM] = "prim:", [ACT_PEERPRIM] = "peerprim:",
	};
	unsigned int k;

	if (o->nact == MAX_ACTIONS)
		usage_error("-X: too many actions (max %d)", MAX_ACTIONS);
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		size_t n = strlen(kinds[k]);

		if (strncmp(arg, kinds[k], n))
			continue;
		if (guess_family(arg + n) == AF_UNSPEC)
			usage_error("-X: '%s' is not an IPv4/IPv6 address", arg + n);
		o->act[o->nact].kind = k;
		o->act[o->nact].str = arg;
		o->act_str[o->nact++] = arg + n;
		return;
	}
	usage_error("-X: '%s' is not add:, rem:, prim: or peerprim: ADDR", arg);
}

static void parse_args(int argc, char **argv, struct opts *o)
{
	static char peers_copy[1024];
	const char *first = NULL;
	char *tok, *save;
	int c, i;

	memset(o, 0, sizeof(*o));
	o->interval_us = 1000;
	o->size = 1024;
	o->dur_ms = 5000;
	o->wait_ms = 10000;
	o->timeo_ms = 10000;
	o->nassoc = 1;

	opterr = 0;
	while ((c = getopt(argc, argv, ":lc:p:B:6P:mN:Ai:s:d:w:nL:r:T:X:qh")) != -1) {
		switch (c) {
		case 'l':
			o->listen = true;
			break;
		case 'c':
			o->peer_arg = optarg;
			break;
		case 'p':
			o->port = parse_num('p', optarg, 1, 65535);
			break;
		case 'B':
			if (o->nbinds == MAX_ADDRS)
				usage_error("-B: too many addresses (max %d)", MAX_ADDRS);
			if (guess_family(optarg) == AF_UNSPEC)
				usage_error("-B: '%s' is not an IPv4/IPv6 address", optarg);
			o->bind_str[o->nbinds++] = optarg;
			break;
		case '6':
			o->v6 = true;
			break;
		case 'P':
			o->lport = parse_num('P', optarg, 0, 65535);
			break;
		case 'm':
			o->many = true;
			break;
		case 'N':
			o->nassoc = parse_num('N', optarg, 1, MAX_ASSOCS);
			break;
		case 'A':
			o->auto_asconf = true;
			break;
		case 'i':
			o->interval_us = parse_num('i', optarg, 0, 60000000);
			break;
		case 's':
			o->size = parse_num('s', optarg, HDR_LEN, MSG_MAX);
			break;
		case 'd':
			o->dur_ms = parse_num('d', optarg, 0, 1000000000);
			break;
		case 'w':
			o->wait_ms = parse_num('w', optarg, 0, 1000000000);
			break;
		case 'n':
			o->nosend = true;
			break;
		case 'L':
			if (!*optarg)
				usage_error("-L: empty file name");
			o->log_path = optarg;
			break;
		case 'r':
			if (!*optarg)
				usage_error("-r: empty file name");
			o->ready_path = optarg;
			break;
		case 'T':
			o->timeo_ms = parse_num('T', optarg, 1, 1000000000);
			break;
		case 'X':
			parse_action(o, optarg);
			break;
		case 'q':
			o->quiet = true;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		case ':':
			usage_error("option -%c needs an argument (see -h)", optopt);
		default:
			if (optopt == '-')
				usage_error("long options are not supported (see -h)");
			if (optopt >= 0x21 && optopt < 0x7f)
				usage_error("unknown option -%c (see -h)", optopt);
			usage_error("unknown option '%s' (see -h)", argv[optind - 1]);
		}
	}
	if (optind < argc)
		usage_error("unexpected argument '%s' (see -h)", argv[optind]);
	if (o->listen && o->peer_arg)
		usage_error("-l and -c are mutually exclusive");
	if (!o->listen && !o->peer_arg)
		usage_error("one of -l or -c PEER is required (see -h)");
	if (!o->port)
		usage_error("-p PORT is required");
	if (o->listen && o->lport)
		usage_error("-P: only for the active side (-c); -l listens on -p");
	if (o->nassoc > 1 && (o->listen || !o->many))
		usage_error("-N: only for the active side of a one-to-many socket (-m -c)");
	if (o->nassoc > 1 && (o->nact || o->log_path))
		usage_error("-N: not with -X or -L (they name one association)");
	if (o->port + o->nassoc - 1 > 65535)
		usage_error("-N: ports %lu..%lu: beyond 65535", o->port,
			    o->port + o->nassoc - 1);

	if (o->peer_arg) {
		if (strlen(o->peer_arg) >= sizeof(peers_copy))
			usage_error("-c: '%s' is too long", o->peer_arg);
		strcpy(peers_copy, o->peer_arg);
		/* strtok_r would skip empty fields; reject them instead */
		for (tok = peers_copy; tok; tok = save) {
			save = strchr(tok, ',');
			if (save)
				*save++ = '\0';
			if (!*tok)
				usage_error("-c: empty address in '%s'", o->peer_arg);
			if (o->npeers == MAX_ADDRS)
				usage_error("-c: too many addresses (max %d)", MAX_ADDRS);
			if (guess_family(tok) == AF_UNSPEC)
				usage_error("-c: '%s' is not an IPv4/IPv6 address", tok);
			o->peer_str[o->npeers++] = tok;
		}
	}

	if (o->nbinds)
		first = o->bind_str[0];
	else if (o->npeers)
		first = o->peer_str[0];
	if (o->v6)
		o->family = AF_INET6;
	else if (first)
		o->family = guess_family(first);
	else
		o->family = AF_INET6;	/* -l, wildcard: dual-stack */

	for (i = 0; i < o->nbinds; i++)
		parse_addr('B', o->bind_str[i], o->family,
			   o->listen ? o->port : o->lport, &o->binds[i]);
	for (i = 0; i < o->npeers; i++)
		parse_addr('c', o->peer_str[i], o->family, o->port, &o->peers[i]);
	/* local addresses take the bound port when used; peers the peer's */
	for (i = 0; i < o->nact; i++)
		parse_addr('X', o->act_str[i], o->family,
			   o->act[i].kind == ACT_PRIM ? o->port : 0,
			   &o->act[i].addr);
}

/* ---------------------------------------------------------------- sockets */

static socklen_t sa_len(const struct sockaddr_storage *ss)
{
	return ss->ss_family == AF_INET ? sizeof(struct sockaddr_in) :
					  sizeof(struct sockaddr_in6);
}

static const char *sa_str(const struct sockaddr_storage *ss, char *buf,
			  size_t len)
{
	const void *a = ss->ss_family == AF_INET ?
		(const void *)&((const struct sockaddr_in *)ss)->sin_addr :
		(const void *)&((const struct sockaddr_in6 *)ss)->sin6_addr;

	if (!inet_ntop(ss->ss_family, a, buf, len))
		snprintf(buf, len, "?");
	return buf;
}

/* Pack addresses back to back as SCTP_SOCKOPT_BINDX_ADD/CONNECTX want. */
static socklen_t pack_addrs(const struct sockaddr_storage *ss, int n,
			    uint8_t *buf)
{
	socklen_t off = 0;
	int i;

	for (i = 0; i < n; i++) {
		memcpy(buf + off, &ss[i], sa_len(&ss[i]));
		off += sa_len(&ss[i]);
	}
	return off;
}

static int sctp_subscribe(int fd, uint16_t type, sctp_assoc_t id)
{
	struct sctp_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.se_assoc_id = id;
	ev.se_type = type;
	ev.se_on = 1;
	return setsockopt(fd, IPPROTO_SCTP, SCTP_EVENT, &ev, sizeof(ev));
}

/* Association changes and shutdown; SENDER_DRY is added after our END. */
static int subscribe_events(int fd, bool dry, sctp_assoc_t id)
{
	struct sctp_event_subscribe es;

	if (!dry && !sctp_subscribe(fd, SCTP_ASSOC_CHANGE, id) &&
	    !sctp_subscribe(fd, SCTP_SHUTDOWN_EVENT, id))
		return 0;
	if (dry && !sctp_subscribe(fd, SCTP_SENDER_DRY_EVENT, id))
		return 0;
	if (errno != ENOPROTOOPT && errno != EINVAL)
		return -1;
	/* kernels before 5.0 have no SCTP_EVENT */
	memset(&es, 0, sizeof(es));
	es.sctp_association_event = 1;
	es.sctp_shutdown_event = 1;
	es.sctp_sender_dry_event = dry;
	return setsockopt(fd, IPPROTO_SCTP, SCTP_EVENTS, &es, sizeof(es));
}

static int set_int(int fd, int level, int name, int val)
{
	return setsockopt(fd, level, name, &val, sizeof(val));
}

static void peer_gone(struct st *st, bool orderly, const char *fmt, ...)
{
	char buf[200];
	va_list ap;

	if (orderly)
		st->peer_closed = true;
	else
		st->stop = true;
	/* after both ENDs a shutdown is the normal ending */
	if (st->end_received && st->phase == PH_WAIT)
		return;
	st->stop = true;
	st->assoc_lost = true;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	set_error(st, "%s", buf);
}

/* sendmsg() of one message; one-to-many names the association in SNDINFO. */
static ssize_t msg_send(const struct st *st, sctp_assoc_t id, const uint8_t *m,
			size_t len, uint16_t sflags)
{
	union {
		char buf[CMSG_SPACE(sizeof(struct sctp_sndinfo))];
		struct cmsghdr align;
	} cbuf;
	struct sctp_sndinfo si;
	struct cmsghdr *cm;
	struct msghdr mh;
	struct iovec iov;

	iov.iov_base = (void *)m;
	iov.iov_len = len;
	memset(&mh, 0, sizeof(mh));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	if (st->many) {
		memset(&cbuf, 0, sizeof(cbuf));
		memset(&si, 0, sizeof(si));
		si.snd_sid = 0;		/* stream 0, ordered */
		si.snd_flags = sflags;
		si.snd_assoc_id = id;
		mh.msg_control = cbuf.buf;
		mh.msg_controllen = sizeof(cbuf.buf);
		cm = CMSG_FIRSTHDR(&mh);
		cm->cmsg_level = IPPROTO_SCTP;
		cm->cmsg_type = SCTP_SNDINFO;
		cm->cmsg_len = CMSG_LEN(sizeof(si));
		memcpy(CMSG_DATA(cm), &si, sizeof(si));
	}
	return sendmsg(st->fd, &mh, MSG_NOSIGNAL);
}

/* ---------------------------------------------------------------- receive */

/*
 * sess_route: the stream of association ID (-N), or st itself without -N.
 * A COMM_UP (new) gives an association not seen yet the first stream
 * without one. NULL: none of ours.
 */
static struct st *sess_route(struct st *st, sctp_assoc_t id, bool new)
{
	int i;

	if (!g_nsess)
		return st;
	for (i = 0; i < g_nsess; i++)
		if (g_sess[i].assoc_known && g_sess[i].assoc_id == id)
			return &g_sess[i];
	if (!new)
		return NULL;
	for (i = 0; i < g_nsess; i++)
		if (!g_sess[i].assoc_known)
			return &g_sess[i];
	return NULL;
}

static void handle_notification(struct st *st, const uint8_t *buf, size_t len)
{
	struct sctp_assoc_change sac;
	struct sctp_shutdown_event sse;
	struct sctp_sender_dry_event sde;
	uint16_t type;

	if (len < 8)
		return;
	memcpy(&type, buf, sizeof(type));
	switch (type) {
	case SCTP_ASSOC_CHANGE:
		if (len < sizeof(sac))
			return;
		memcpy(&sac, buf, sizeof(sac));
		st = sess_route(st, sac.sac_assoc_id, sac.sac_state == SCTP_COMM_UP);
		if (!st)
			return;
		if (st->many && st->assoc_known && sac.sac_assoc_id != st->assoc_id) {
			/* one-to-many listener: accept ONE association only */
			if (sac.sac_state == SCTP_COMM_UP)
				msg_send(st, sac.sac_assoc_id, NULL, 0, SCTP_ABORT);
			return;
		}
		switch (sac.sac_state) {
		case SCTP_COMM_UP:
			if (!st->established) {
				st->established = true;
				st->assoc_id = sac.sac_assoc_id;
				st->assoc_known = true;
			}
			break;
		case SCTP_COMM_LOST:
			peer_gone(st, false, "association lost (COMM_LOST, error %u)",
				  sac.sac_error);
			break;
		case SCTP_CANT_STR_ASSOC:
			peer_gone(st, false, "association setup failed (CANT_STR_ASSOC, error %u)",
				  sac.sac_error);
			break;
		case SCTP_RESTART:
			peer_gone(st, false, "peer restarted the association (RESTART)");
			break;
		case SCTP_SHUTDOWN_COMP:
			peer_gone(st, true, "association shut down by the peer (SHUTDOWN_COMP)");
			break;
		}
		break;
	case SCTP_SHUTDOWN_EVENT:
		if (len < sizeof(sse))
			return;
		memcpy(&sse, buf, sizeof(sse));
		st = sess_route(st, sse.sse_assoc_id, false);
		if (!st)
			return;
		if (st->many && st->assoc_known && sse.sse_assoc_id != st->assoc_id)
			return;
		peer_gone(st, true, "association shut down by the peer (SHUTDOWN)");
		break;
	case SCTP_SENDER_DRY_EVENT:
		if (len < sizeof(sde))
			return;
		memcpy(&sde, buf, sizeof(sde));
		st = sess_route(st, sde.sender_dry_assoc_id, false);
		if (!st)
			return;
		if (st->many && st->assoc_known && sde.sender_dry_assoc_id != st->assoc_id)
			return;
		if (st->phase == PH_WAIT)
			st->dry = true;
		break;
	}
}

static bool seen_test_set(struct st *st, uint64_t seq)
{
	size_t byte = seq >> 3;
	uint8_t bit = 1u << (seq & 7);
	bool was;

	if (byte >= st->seen_bytes) {
		size_t n = st->seen_bytes ? st->seen_bytes : 4096;
		uint8_t *p;

		while (n <= byte)
			n *= 2;
		p = realloc(st->seen, n);
		if (!p) {
			set_error(st, "out of memory for %zu-byte seq bitmap", n);
			st->stop = true;
			return false;
		}
		memset(p + st->seen_bytes, 0, n - st->seen_bytes);
		st->seen = p;
		st->seen_bytes = n;
	}
	was = st->seen[byte] & bit;
	st->seen[byte] |= bit;
	return was;
}

static void handle_data(struct st *st, const uint8_t *m, size_t len)
{
	uint64_t now = now_ns(), seq;
	uint32_t flags;

	if (len < HDR_LEN || get_be32(m) != MAGIC || get_be32(m + 16) != len ||
	    get_be32(m + 20) != msg_crc(m, len)) {
		st->corrupted++;
		return;
	}
	flags = get_be32(m + 4);
	seq = get_be64(m + 8);
	if (flags == FLAG_END) {
		if (len != HDR_LEN) {
			st->corrupted++;
		} else if (st->end_received) {
			st->dup++;
		} else {
			st->end_received = true;
			st->peer_total = seq;
		}
		return;
	}
	if (flags != FLAG_DATA || seq >= SEQ_LIMIT ||
	    !check_payload(m + HDR_LEN, len - HDR_LEN, seq)) {
		st->corrupted++;
		return;
	}

	if (st->have_last_rx && now - st->last_rx > st->max_gap) {
		st->max_gap = now - st->last_rx;
		st->max_gap_at = st->last_rx - st->t0;
	}
	st->have_last_rx = true;
	st->last_rx = now;
	if (st->log)
		fprintf(st->log, "%" PRIu64 " %" PRIu64 "\n",
			(now - st->t0) / 1000, seq);

	if (seen_test_set(st, seq)) {
		st->dup++;
		return;
	}
	st->unique++;
	if (st->end_received || (st->have_highest && seq < st->highest))
		st->ooo++;
	if (!st->have_highest || seq > st->highest) {
		st->highest = seq;
		st->have_highest = true;
	}
}

/* Read what is queued (bounded), reassembling partial deliveries. */
static void do_recv(struct st *st)
{
	union {
		char buf[CMSG_SPACE(sizeof(struct sctp_rcvinfo))];
		struct cmsghdr align;
	} cbuf;
	struct sctp_rcvinfo rinfo;
	struct cmsghdr *cm;
	struct msghdr mh;
	struct iovec iov;
	struct st *to;
	bool have_rinfo;
	ssize_t n;
	int i;

	for (i = 0; i < RECV_BUDGET && !st->stop; i++) {
		iov.iov_base = st->rx + st->rxlen;
		iov.iov_len = RXBUF_LEN - st->rxlen;
		memset(&mh, 0, sizeof(mh));
		mh.msg_iov = &iov;
		mh.msg_iovlen = 1;
		mh.msg_control = cbuf.buf;
		mh.msg_controllen = sizeof(cbuf.buf);
		n = recvmsg(st->fd, &mh, 0);
		if (n < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
				return;
			if (errno == ECONNRESET || errno == ENOTCONN ||
			    errno == EPIPE || errno == ECONNABORTED ||
			    errno == ETIMEDOUT || errno == ECONNREFUSED) {
				peer_gone(st, false, "recv: %s", strerror(errno));
				return;
			}
			set_error(st, "recv: %s", strerror(errno));
			st->stop = true;
			return;
		}
		if (n == 0 && !(mh.msg_flags & MSG_EOR)) {
			if (!st->many)	/* one-to-one: the peer shut down */
				peer_gone(st, true, "association shut down by the peer (EOF)");
			return;
		}

		have_rinfo = false;
		for (cm = CMSG_FIRSTHDR(&mh); cm; cm = CMSG_NXTHDR(&mh, cm)) {
			if (cm->cmsg_level == IPPROTO_SCTP &&
			    cm->cmsg_type == SCTP_RCVINFO &&
			    cm->cmsg_len >= CMSG_LEN(sizeof(rinfo))) {
				memcpy(&rinfo, CMSG_DATA(cm), sizeof(rinfo));
				have_rinfo = true;
			}
		}

		if (st->rxlen == 0 && !st->rx_discard)
			st->rx_notif = mh.msg_flags & MSG_NOTIFICATION;
		st->rxlen += n;
		if (!(mh.msg_flags & MSG_EOR)) {
			if (st->rxlen == RXBUF_LEN) {
				/* longer than any valid message: drop it */
				st->rx_discard = true;
				st->rxlen = 0;
			}
			continue;
		}
		if (st->rx_discard) {
			if (!st->rx_notif)
				st->corrupted++;
		} else if (st->rx_notif) {
			handle_notification(st, st->rx, st->rxlen);
		} else if (g_nsess) {
			/* -N: the stream of the association it came on */
			to = have_rinfo ? sess_route(st, rinfo.rcv_assoc_id, false) : NULL;
			if (to)
				handle_data(to, st->rx, st->rxlen);
		} else if (st->many && have_rinfo && st->assoc_known &&
			   rinfo.rcv_assoc_id != st->assoc_id) {
			/* DATA from an association we did not pick: ignore */
		} else {
			if (st->many && have_rinfo && !st->assoc_known) {
				st->assoc_id = rinfo.rcv_assoc_id;
				st->assoc_known = true;
				st->established = true;
			}
			handle_data(st, st->rx, st->rxlen);
		}
		st->rxlen = 0;
		st->rx_discard = false;
	}
}

/* ------------------------------------------------------------------- send */

/* Return 0 sent, 1 would block (retry later), -1 association gone/fatal. */
static int try_send(struct st *st, const uint8_t *m, size_t len, uint64_t now)
{
	ssize_t n;

	n = msg_send(st, st->assoc_id, m, len, 0);
	if (n >= 0) {
		st->blocked = false;
		st->blocked_spins = 0;
		return 0;
	}
	switch (errno) {
	case EAGAIN:
	case ENOBUFS:
	case ENOMEM:
	case EINTR:
		if (!st->blocked) {
			st->eagain++;
			st->blocked = true;
			st->blocked_spins = 0;
		} else {
			st->blocked_spins++;
		}
		st->retry_at = now + NSEC_PER_MSEC;
		return 1;
	case EPIPE:
	case ECONNRESET:
	case ENOTCONN:
	case ESHUTDOWN:
	case ECONNABORTED:
	case EINVAL:	/* one-to-many: the association id is gone */
		peer_gone(st, false, "send: %s", strerror(errno));
		return -1;
	default:
		set_error(st, "send: %s", strerror(errno));
		st->stop = true;
		return -1;
	}
}

static bool may_retry(const struct st *st, uint64_t now)
{
	return !st->blocked || st->blocked_spins < 2 || now >= st->retry_at;
}

static void send_data(struct st *st, uint64_t now, uint64_t interval)
{
	int budget;

	for (budget = SEND_BUDGET; budget > 0 && now >= st->next_send; budget--) {
		if (!may_retry(st, now))
			return;
		if (!st->tx_built) {
			build_msg(st->tx, FLAG_DATA, st->sent, st->o->size);
			st->tx_built = true;
		}
		if (try_send(st, st->tx, st->o->size, now))
			return;
		st->sent++;
		st->tx_built = false;
		st->next_send += interval;
		/* late: go on at once, but catch up by SEND_BURST at most */
		if (interval && now > SEND_BURST * interval &&
		    st->next_send < now - SEND_BURST * interval)
			st->next_send = now - SEND_BURST * interval;
	}
}

static void send_end(struct st *st, uint64_t now)
{
	if (!may_retry(st, now))
		return;
	build_msg(st->tx, FLAG_END, st->sent, HDR_LEN);
	st->tx_built = false;
	if (try_send(st, st->tx, HDR_LEN, now))
		return;
	st->phase = PH_WAIT;
	st->wait_end = now + st->o->wait_ms * NSEC_PER_MSEC;
	/* tell us when our END (and all DATA before it) has been acked */
	st->dry_subscribed =
		!subscribe_events(st->fd, true, st->many ? st->assoc_id : 0);
}

/* ----------------------------------------------------------------- setup */

static void on_signal(int sig)
{
	if (sig == SIGUSR1)
		got_usr1++;
	else
		got_signal++;
}

static int wait_fd(int fd, short events, uint64_t deadline, sigset_t *mask)
{
	struct pollfd pfd = { .fd = fd, .events = events };
	struct timespec ts;
	uint64_t now = now_ns();
	uint64_t left = deadline > now ? deadline - now : 0;
	int r;

	ts.tv_sec = left / NSEC_PER_SEC;
	ts.tv_nsec = left % NSEC_PER_SEC;
	r = ppoll(&pfd, 1, &ts, mask);
	if (r < 0)
		return errno == EINTR ? 0 : -1;
	return r ? pfd.revents : 0;
}

static int sock_error(int fd)
{
	socklen_t len = sizeof(int);
	int err = 0;

	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len))
		return errno;
	return err;
}

/* Every stream's association is up (-N: all of them). */
static bool all_up(const struct st *st)
{
	int i;

	for (i = 0; i < g_nsess; i++)
		if (!g_sess[i].established)
			return false;
	return st->established || g_nsess;
}

/* -N: the first error of a stream whose association failed, into st. */
static bool sess_failed(struct st *st)
{
	int i;

	for (i = 0; i < g_nsess; i++) {
		if (g_sess[i].stop) {
			set_error(st, "association %d: %s", i + 1, g_sess[i].error);
			return true;
		}
	}
	return false;
}

/* Returns 0 when established, -1 with st->error set. */
static int establish(struct st *st, sigset_t *mask)
{
	const struct opts *o = st->o;
	uint64_t deadline = now_ns() + o->timeo_ms * NSEC_PER_MSEC;
	uint8_t addrs[MAX_ADDRS * sizeof(struct sockaddr_storage)];
	struct sockaddr_storage peers[MAX_ADDRS];
	const char *what = o->listen ? "accept" : "connect";
	unsigned long n;
	socklen_t alen;
	int i, r, nfd;

	if (o->listen) {
		if (listen(st->fd, 8)) {
			set_error(st, "listen: %s", strerror(errno));
			return -1;
		}
	} else {
		/* -N: one association per peer port, PORT, PORT + 1, ... */
		memcpy(peers, o->peers, sizeof(peers));
		for (n = 0; n < o->nassoc; n++) {
			for (i = 0; i < o->npeers; i++) {
				if (peers[i].ss_family == AF_INET)
					((struct sockaddr_in *)&peers[i])->sin_port =
						htons(o->port + n);
				else
					((struct sockaddr_in6 *)&peers[i])->sin6_port =
						htons(o->port + n);
			}
			alen = pack_addrs(peers, o->npeers, addrs);
			if (setsockopt(st->fd, IPPROTO_SCTP, SCTP_SOCKOPT_CONNECTX,
				       addrs, alen) < 0 && errno != EINPROGRESS) {
				set_error(st, "connect %s port %lu: %s", o->peer_arg,
					  o->port + n, strerror(errno));
				return -1;
			}
		}
	}

	while (!all_up(st)) {
		if (got_signal) {
			set_error(st, "%s: interrupted by a signal", what);
			return -1;
		}
		if (now_ns() >= deadline) {
			set_error(st, "%s: timed out after %lu ms", what, o->timeo_ms);
			return -1;
		}
		r = wait_fd(st->fd, POLLIN | (o->listen ? 0 : POLLOUT), deadline,
			    mask);
		if (r < 0) {
			set_error(st, "poll: %s", strerror(errno));
			return -1;
		}
		if (!r)
			continue;
		if (o->listen && !st->many) {
			nfd = accept4(st->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
			if (nfd < 0) {
				if (errno == EAGAIN || errno == EINTR ||
				    errno == ECONNABORTED)
					continue;
				set_error(st, "accept: %s", strerror(errno));
				return -1;
			}
			close(st->fd);	/* ONE association: refuse others */
			st->fd = nfd;
			st->established = true;
			break;
		}
		if (r & POLLERR) {
			int err = sock_error(st->fd);

			if (err) {
				set_error(st, "%s: %s", what, strerror(err));
				return -1;
			}
		}
		if (r & POLLIN) {
			do_recv(st);
			if (st->stop || sess_failed(st))
				return -1;
		}
		if (!st->established && !st->many && (r & POLLOUT) &&
		    !sock_error(st->fd))
			st->established = true;	/* COMM_UP still queued */
	}

	/* accepted sockets get events/options of the listener; be explicit */
	if (o->listen && !st->many) {
		if (subscribe_events(st->fd, false, 0)) {
			set_error(st, "subscribe to SCTP events: %s", strerror(errno));
			return -1;
		}
		if (o->auto_asconf &&
		    set_int(st->fd, IPPROTO_SCTP, SCTP_AUTO_ASCONF, 1)) {
			set_error(st, "setsockopt SCTP_AUTO_ASCONF: %s",
				  strerror(errno));
			return -1;
		}
	}
	return 0;
}

/* Socket, options, bind.  Returns 0 or -1 with st->error set. */
static int open_socket(struct st *st)
{
	const struct opts *o = st->o;
	uint8_t addrs[MAX_ADDRS * sizeof(struct sockaddr_storage)];
	struct sockaddr_storage any;
	char abuf[INET6_ADDRSTRLEN];
	int family = o->family;
	socklen_t alen;

	st->fd = socket(family, (o->many ? SOCK_SEQPACKET : SOCK_STREAM) |
			SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_SCTP);
	if (st->fd < 0 && errno == EAFNOSUPPORT && family == AF_INET6 &&
	    !o->v6 && !o->nbinds && !o->npeers) {
		family = AF_INET;	/* -l, wildcard, kernel without IPv6 */
		st->fd = socket(family, (o->many ? SOCK_SEQPACKET : SOCK_STREAM) |
				SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_SCTP);
	}
	if (st->fd < 0) {
		set_error(st, "socket(SCTP): %s", strerror(errno));
		return -1;
	}
	if (subscribe_events(st->fd, false, 0)) {
		set_error(st, "subscribe to SCTP events: %s", strerror(errno));
		return -1;
	}
	/* messages go out when sent: gaps measure the path, not Nagle */
	if (set_int(st->fd, IPPROTO_SCTP, SCTP_NODELAY, 1)) {
		set_error(st, "setsockopt SCTP_NODELAY: %s", strerror(errno));
		return -1;
	}
	if (o->many && set_int(st->fd, IPPROTO_SCTP, SCTP_RECVRCVINFO, 1)) {
		set_error(st, "setsockopt SCTP_RECVRCVINFO: %s", strerror(errno));
		return -1;
	}

	if (o->nbinds) {
		if (bind(st->fd, (const struct sockaddr *)&o->binds[0],
			 sa_len(&o->binds[0]))) {
			set_error(st, "bind %s: %s", o->bind_str[0], strerror(errno));
			return -1;
		}
		if (o->nbinds > 1) {
			alen = pack_addrs(o->binds + 1, o->nbinds - 1, addrs);
			if (setsockopt(st->fd, IPPROTO_SCTP, SCTP_SOCKOPT_BINDX_ADD,
				       addrs, alen)) {
				set_error(st, "bindx add %s...: %s", o->bind_str[1],
					  strerror(errno));
				return -1;
			}
		}
	} else {
		memset(&any, 0, sizeof(any));
		any.ss_family = family;
		if (family == AF_INET) {
			((struct sockaddr_in *)&any)->sin_port =
				htons(o->listen ? o->port : o->lport);
		} else {
			((struct sockaddr_in6 *)&any)->sin6_port =
				htons(o->listen ? o->port : o->lport);
		}
		if (bind(st->fd, (const struct sockaddr *)&any, sa_len(&any))) {
			set_error(st, "bind %s port %lu: %s",
				  sa_str(&any, abuf, sizeof(abuf)),
				  o->listen ? o->port : o->lport, strerror(errno));
			return -1;
		}
	}
	/* only accepted on a wildcard-bound socket, hence after bind() */
	if (o->auto_asconf &&
	    set_int(st->fd, IPPROTO_SCTP, SCTP_AUTO_ASCONF, 1)) {
		set_error(st, "setsockopt SCTP_AUTO_ASCONF: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* --------------------------------------------------------------- main loop */

static void progress(const struct st *st, uint64_t now)
{
	fprintf(stderr, PROG "[%s] t=%.1fs sent=%" PRIu64 " received=%" PRIu64
		" dup=%" PRIu64 " ooo=%" PRIu64 " corrupt=%" PRIu64
		" max_gap=%.1fms eagain=%" PRIu64 "%s\n",
		st->o->listen ? "server" : "client",
		(double)(now - st->t0) / NSEC_PER_SEC, st->sent, st->unique,
		st->dup, st->ooo, st->corrupted, (double)st->max_gap / NSEC_PER_MSEC,
		st->eagain, st->end_received ? " end_received" : "");
}

static uint64_t min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

/* Perform the next -X action on the association, as an application would. */
static void do_action(struct st *st)
{
	const struct action *a = &st->o->act[st->acts_done];
	struct sockaddr_storage addr = a->addr;
	struct sctp_setpeerprim spp;
	struct sctp_prim prim;
	struct sockaddr_storage self;
	socklen_t len = sizeof(self);
	int r = -1;

	/* SET_PEER_PRIMARY matches a local address with its port */
	if (a->kind == ACT_PEERPRIM &&
	    !getsockname(st->fd, (struct sockaddr *)&self, &len)) {
		if (addr.ss_family == AF_INET)
			((struct sockaddr_in *)&addr)->sin_port =
				((struct sockaddr_in *)&self)->sin_port;
		else
			((struct sockaddr_in6 *)&addr)->sin6_port =
				((struct sockaddr_in6 *)&self)->sin6_port;
	}
	switch (a->kind) {
	case ACT_ADD:
		r = setsockopt(st->fd, IPPROTO_SCTP, SCTP_SOCKOPT_BINDX_ADD,
			       &addr, sa_len(&addr));
		break;
	case ACT_REM:
		r = setsockopt(st->fd, IPPROTO_SCTP, SCTP_SOCKOPT_BINDX_REM,
			       &addr, sa_len(&addr));
		break;
	case ACT_PRIM:
		memset(&prim, 0, sizeof(prim));
		prim.ssp_assoc_id = st->assoc_known ? st->assoc_id : 0;
		memcpy(&prim.ssp_addr, &addr, sa_len(&addr));
		r = setsockopt(st->fd, IPPROTO_SCTP, SCTP_PRIMARY_ADDR,
			       &prim, sizeof(prim));
		break;
	case ACT_PEERPRIM:
		memset(&spp, 0, sizeof(spp));
		spp.sspp_assoc_id = st->assoc_known ? st->assoc_id : 0;
		memcpy(&spp.sspp_addr, &addr, sa_len(&addr));
		r = setsockopt(st->fd, IPPROTO_SCTP, SCTP_SET_PEER_PRIMARY_ADDR,
			       &spp, sizeof(spp));
		break;
	}
	st->acts_done++;
	if (r) {
		st->acts_failed++;
		fprintf(stderr, PROG ": action %d %s: failed: %s\n",
			st->acts_done, a->str, strerror(errno));
	} else {
		fprintf(stderr, PROG ": action %d %s: ok\n", st->acts_done,
			a->str);
	}
}

/*
 * One turn of stream st: start its END when it is time, send what is due,
 * see whether it is over. Returns true when it is; otherwise merges what
 * it waits for into *deadline and *events.
 */
static bool step(struct st *st, uint64_t now, uint64_t send_until,
		 uint64_t interval, uint64_t *deadline, short *events)
{
	const struct opts *o = st->o;

	if (st->phase == PH_SEND && (got_signal || now >= send_until)) {
		st->phase = PH_END;
		/* -w also bounds getting our END out at all: a dead
		 * path can keep the send buffer full for good.
		 */
		st->wait_end = now + o->wait_ms * NSEC_PER_MSEC;
	}
	if (st->stop)
		return true;
	if (st->phase == PH_SEND && !o->nosend)
		send_data(st, now, interval);
	if (st->phase == PH_END)
		send_end(st, now);
	if (st->stop)
		return true;
	if (st->phase == PH_END && now >= st->wait_end) {
		set_error(st, "could not send our END within %lu ms", o->wait_ms);
		return true;
	}
	if (st->phase == PH_WAIT) {
		if (st->end_received &&
		    (st->dry || !st->dry_subscribed || st->peer_closed))
			return true;
		if (now >= st->wait_end) {
			if (st->end_received)
				set_error(st, "our END was not acknowledged within %lu ms",
					  o->wait_ms);
			else
				set_error(st, "no END from the peer within %lu ms",
					  o->wait_ms);
			return true;
		}
	}
	if (st->peer_closed) {
		/* orderly shutdown before END: nothing more will come */
		return true;
	}

	/* what are we waiting for? */
	if (st->phase == PH_SEND)
		*deadline = min_u64(*deadline, send_until);
	if ((st->phase == PH_SEND && !o->nosend) || st->phase == PH_END) {
		if (!st->blocked)
			*deadline = min_u64(*deadline, st->phase == PH_END ?
					    now : st->next_send);
		else if (st->blocked_spins < 2)
			*events |= POLLOUT;
		else
			*deadline = min_u64(*deadline, st->retry_at);
	}
	if (st->phase == PH_END || st->phase == PH_WAIT)
		*deadline = min_u64(*deadline, st->wait_end);
	return false;
}

/*
 * The streams (st alone, or -N's), until each is over. st reads the
 * socket for all of them.
 */
static void run(struct st *st, sigset_t *mask)
{
	const struct opts *o = st->o;
	struct st *ss = g_nsess ? g_sess : st;
	const struct st *shown = ss;	/* progress lines */
	int i, live, n = g_nsess ? g_nsess : 1;
	uint64_t interval = (uint64_t)o->interval_us * 1000;
	uint64_t send_until = st->t0 + (uint64_t)o->dur_ms * NSEC_PER_MSEC;
	uint64_t next_progress = st->t0 + NSEC_PER_SEC;
	uint64_t now, deadline;
	struct pollfd pfd;
	struct timespec ts;
	int r;

	for (i = 0; i < n; i++) {
		ss[i].phase = PH_SEND;
		ss[i].next_send = ss[i].t0;
	}
	for (;;) {
		now = now_ns();
		if (got_signal >= 2) {
			for (i = 0; i < n; i++)
				if (!ss[i].done)
					set_error(&ss[i], "interrupted by a second signal");
			break;
		}
		if (st->stop)	/* the socket failed */
			break;
		while (st->acts_done < got_usr1 && st->acts_done < o->nact)
			do_action(st);

		if (!o->quiet && now >= next_progress) {
			progress(shown, now);
			while (next_progress <= now)
				next_progress += NSEC_PER_SEC;
		}

		deadline = o->quiet ? UINT64_MAX : next_progress;
		pfd.fd = st->fd;
		pfd.events = POLLIN;
		pfd.revents = 0;
		live = 0;
		for (i = 0; i < n; i++) {
			if (ss[i].done)
				continue;
			if (step(&ss[i], now, send_until, interval, &deadline,
				 &pfd.events))
				ss[i].done = true;
			else
				live++;
		}
		if (!live)
			break;

		now = now_ns();
		if (deadline == UINT64_MAX) {
			r = ppoll(&pfd, 1, NULL, mask);
		} else {
			uint64_t left = deadline > now ? deadline - now : 0;

			ts.tv_sec = left / NSEC_PER_SEC;
			ts.tv_nsec = left % NSEC_PER_SEC;
			r = ppoll(&pfd, 1, &ts, mask);
		}
		if (r < 0) {
			if (errno == EINTR)
				continue;
			set_error(st, "poll: %s", strerror(errno));
			break;
		}
		if (pfd.revents & (POLLIN | POLLERR | POLLHUP))
			do_recv(st);
		if ((pfd.revents & POLLERR) && !st->stop) {
			int err = sock_error(st->fd);

			for (i = 0; err && i < n; i++)
				if (!ss[i].done)
					peer_gone(&ss[i], false, "socket error: %s",
						  strerror(err));
		}
	}
}

/* ----------------------------------------------------------------- output */

static void json_str(const char *s)
{
	if (!s || !*s) {
		fputs("null", stdout);
		return;
	}
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			printf("\\u%04x", *s);
		else
			putchar(*s);
	}
	putchar('"');
}

static int64_t lost_count(const struct st *st)
{
	if (st->nassoc)
		return st->lost_sum;
	if (st->end_received)
		return (int64_t)(st->peer_total - st->unique);
	if (!st->have_highest)
		return 0;
	return (int64_t)(st->highest + 1 - st->unique);
}

static void print_json(const struct st *st, uint64_t end)
{
	printf("{\"role\":\"%s\",\"sent\":%" PRIu64 ",\"received\":%" PRIu64
	       ",\"lost\":%" PRId64 ",\"duplicated\":%" PRIu64
	       ",\"out_of_order\":%" PRIu64 ",\"corrupted\":%" PRIu64
	       ",\"end_received\":%s,\"max_gap_ms\":%.3f,\"max_gap_at_ms\":%.3f"
	       ",\"duration_ms\":%.3f,\"eagain\":%" PRIu64
	       ",\"assoc_lost\":%s,\"t0_unix_us\":%" PRIu64
	       ",\"actions\":%d,\"actions_failed\":%d,\"assocs\":%d,\"error\":",
	       st->o->listen ? "server" : "client", st->sent, st->unique,
	       lost_count(st), st->dup, st->ooo, st->corrupted,
	       st->end_received ? "true" : "false",
	       (double)st->max_gap / NSEC_PER_MSEC,
	       (double)st->max_gap_at / NSEC_PER_MSEC,
	       st->t0 ? (double)(end - st->t0) / NSEC_PER_MSEC : 0.0,
	       st->eagain, st->assoc_lost ? "true" : "false", st->t0_unix_us,
	       st->acts_done, st->acts_failed, st->nassoc ? st->nassoc : 1);
	json_str(st->error);
	puts("}");
	fflush(stdout);
}

/* -N: the sum of every stream's results, into the reader st. */
static void aggregate(struct st *st)
{
	bool all_ends = true;
	int i;

	for (i = 0; i < g_nsess; i++) {
		const struct st *s = &g_sess[i];

		st->sent += s->sent;
		st->unique += s->unique;
		st->dup += s->dup;
		st->ooo += s->ooo;
		st->corrupted += s->corrupted;
		st->eagain += s->eagain;
		st->lost_sum += lost_count(s);
		if (s->max_gap > st->max_gap) {
			st->max_gap = s->max_gap;
			st->max_gap_at = s->max_gap_at;
		}
		all_ends = all_ends && s->end_received;
		st->assoc_lost = st->assoc_lost || s->assoc_lost;
		if (s->error[0])
			set_error(st, "association %d: %s", i + 1, s->error);
	}
	st->end_received = all_ends;
	st->nassoc = g_nsess;
}

/* -N: a stream per association, sharing st's socket. */
static int sess_alloc(struct st *st)
{
	unsigned long i;

	g_sess = calloc(st->o->nassoc, sizeof(*g_sess));
	if (!g_sess)
		return -1;
	g_nsess = st->o->nassoc;
	for (i = 0; i < st->o->nassoc; i++) {
		g_sess[i].o = st->o;
		g_sess[i].fd = -1;
		g_sess[i].many = true;
		g_sess[i].tx = malloc(MSG_MAX);
		if (!g_sess[i].tx)
			return -1;
	}
	return 0;
}

static void sess_free(void)
{
	int i;

	for (i = 0; i < g_nsess; i++) {
		free(g_sess[i].tx);
		free(g_sess[i].seen);
	}
	free(g_sess);
	g_sess = NULL;
	g_nsess = 0;
}

int main(int argc, char **argv)
{
	static struct opts o;
	struct sigaction sa;
	sigset_t block, mask;
	struct st st;
	uint64_t end;
	int fd, i, rc;

	parse_args(argc, argv, &o);
	crc_slicing_init();

	memset(&st, 0, sizeof(st));
	st.o = &o;
	st.fd = -1;
	st.many = o.many;

	/* signals are only delivered inside ppoll(): no races, no EINTR */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, &mask);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);

	st.tx = malloc(MSG_MAX);
	st.rx = malloc(RXBUF_LEN);
	if (!st.tx || !st.rx || (o.nassoc > 1 && sess_alloc(&st))) {
		set_error(&st, "out of memory");
		goto setup_failed;
	}
	if (o.log_path) {
		st.log = fopen(o.log_path, "w");
		if (!st.log) {
			set_error(&st, "-L %s: %s", o.log_path, strerror(errno));
			goto setup_failed;
		}
		setvbuf(st.log, NULL, _IOFBF, 1 << 20);
	}
	if (open_socket(&st))
		goto setup_failed;
	for (i = 0; i < g_nsess; i++)
		g_sess[i].fd = st.fd;
	if (establish(&st, &mask))
		goto setup_failed;

	st.t0 = now_ns();
	st.t0_unix_us = unix_us();
	for (i = 0; i < g_nsess; i++) {
		g_sess[i].t0 = st.t0;
		g_sess[i].t0_unix_us = st.t0_unix_us;
	}
	if (o.ready_path) {
		fd = open(o.ready_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
			  0644);
		if (fd < 0) {
			set_error(&st, "-r %s: %s", o.ready_path, strerror(errno));
			goto setup_failed;
		}
		close(fd);
	}

	run(&st, &mask);
	end = now_ns();
	close(st.fd);	/* graceful SHUTDOWN; ABORT if DATA was left unread */
	if (st.log && fclose(st.log))
		set_error(&st, "-L %s: %s", o.log_path, strerror(errno));
	st.log = NULL;
	if (!o.quiet)
		progress(g_nsess ? g_sess : &st, end);
	if (g_nsess)
		aggregate(&st);

	print_json(&st, end);
	rc = !st.assoc_lost && !st.error[0] && st.end_received &&
	     lost_count(&st) == 0 && !st.dup && !st.corrupted && !st.ooo ? 0 : 1;
	free(st.seen);
	free(st.tx);
	free(st.rx);
	sess_free();
	return rc;

setup_failed:
	st.assoc_lost = false;	/* there never was an association */
	if (st.fd >= 0)
		close(st.fd);
	if (st.log)
		fclose(st.log);
	print_json(&st, now_ns());
	free(st.tx);
	free(st.rx);
	sess_free();
	return 2;
}
