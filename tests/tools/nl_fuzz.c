// SPDX-License-Identifier: GPL-2.0
/*
 * nl_fuzz - send many random and mutated requests to the sctp_dar
 * generic-netlink family and check that every one is answered properly.
 *
 *   nl_fuzz [-s SEED] [-n COUNT] [-u UID] [-N NETNS] [-t SECS] [-v]
 *
 *   -s SEED   seed of the generator (default 1); the same seed against the
 *             same topology sends the same sequence
 *   -n COUNT  how many messages to send (default 100000)
 *   -u UID    drop to UID/GID (and no supplementary groups) before opening
 *             the socket: an unprivileged caller
 *   -N NETNS  enter /run/netns/NETNS first
 *   -t SECS   how long to wait for an answer before calling it silence
 *             (default 10)
 *   -v        print every failing message in hex (default: the first 5)
 *
 * Each message starts from a valid template of one command (assoc-get do
 * and dump, stats-get, addr-add, addr-del, assoc-set, policy-get,
 * policy-set, link-get do and dump, link-set; ids, ports, addresses and
 * ifindexes taken from the live associations and links), or from random
 * bytes, and gets 0 to 4 mutations: bit flips, interesting integers,
 * truncation, junk tails, unknown, duplicated, retyped and resized
 * attributes, NLA_F_NESTED/NET_BYTEORDER bits, deep nests, unknown
 * commands, dump/flag/version/reserved changes, oversized messages. About
 * 3 % are "framing chaos": a truncated netlink header, a length that does
 * not match the datagram, NLM_F_REQUEST cleared, a foreign message type,
 * two messages in one datagram.
 *
 * A well-framed request must be answered: replies of the family that parse
 * (headers and every attribute inside the message, nests included), then
 * NLMSG_ERROR with errno <= 0 or NLMSG_DONE. Silence, a positive errno, a
 * reply that does not parse or an unexpected message type is a failure;
 * so is an admin-only command with a valid header that an unprivileged
 * caller gets any answer but EPERM to (EOPNOTSUPP for a dump). A
 * chaos message may go unanswered (the kernel drops what it cannot frame);
 * whatever comes back must still parse, and a policy-get sent behind it
 * resynchronises the stream.
 *
 * Prints one summary line, "nl_fuzz: seed=S uid=U sent=N answered=N
 * replies=N acks=N errors=N dumps=N chaos=N stale=N failures=N
 * msgs_per_s=N", then one "errno NAME N" line per errno seen. Exit status:
 * 0 no failure, 1 failures, 2 bad usage or setup failure.
 *
 * Plain sockets, libc only (the test tools are linked statically).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <net/if.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "../../include/uapi/linux/sctp_dar.h"

#define REQ_MAX		(160 * 1024)
#define RSP_MAX		(256 * 1024)
#define MAX_OFFS	512
#define MAX_POOL	256
#define SHOW_MAX	5

static unsigned char req[REQ_MAX];
static unsigned char rsp[RSP_MAX];
static size_t len;		/* bytes of req in use */
static size_t offs[MAX_OFFS];	/* offsets of every attribute header */
static unsigned int noffs;

static uint16_t family;
static uint32_t seq = 1000;
static int fd = -1;
static bool unpriv, verbose;
static unsigned int shown;

/* What the live system offers the templates. */
static uint32_t ids[MAX_POOL];
static unsigned int nids;
static uint16_t ports[MAX_POOL];	/* network order */
static unsigned int nports;
static uint32_t v4[MAX_POOL];		/* network order */
static unsigned int nv4;
static unsigned char v6[MAX_POOL][16];
static unsigned int nv6;
static uint32_t ifidx[MAX_POOL];
static unsigned int nifidx;

static struct {
	unsigned long sent, answered, replies, acks, errors, dumps, chaos;
	unsigned long failures, stale;
	unsigned long errno_hist[4096];
} st;

/* ---- random ------------------------------------------------------------- */

static uint64_t rng;

static uint64_t rnd(void)
{
	/* xorshift64* */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717ULL;
}

static uint32_t below(uint32_t n)
{
	return n ? (uint32_t)(rnd() % n) : 0;
}

static bool chance(unsigned int percent)
{
	return below(100) < percent;
}

static uint32_t interesting32(void)
{
	static const uint32_t v[] = {
		0, 1, 2, 3, 4, 7, 8, 15, 16, 127, 128, 255, 256, 1000, 4096,
		10000, 10001, 65535, 65536, 600000, 600001, 0x7fffffff,
		0x80000000, 0xfffffffe, 0xffffffff,
	};

	return chance(80) ? v[below(sizeof(v) / sizeof(v[0]))] : (uint32_t)rnd();
}

/* ---- building ----------------------------------------------------------- */

static void note_off(size_t off)
{
	if (noffs < MAX_OFFS)
		offs[noffs++] = off;
}

static bool room(size_t n)
{
	return len + n <= sizeof(req);
}

static void put(uint16_t type, const void *data, size_t n)
{
	struct nlattr *a = (struct nlattr *)(req + len);

	if (!room(NLA_HDRLEN + NLA_ALIGN(n)) || NLA_HDRLEN + n > 0xffff)
		return;
	note_off(len);
	a->nla_type = type;
	a->nla_len = NLA_HDRLEN + n;
	if (n)
		memcpy(req + len + NLA_HDRLEN, data, n);
	memset(req + len + NLA_HDRLEN + n, 0, NLA_ALIGN(n) - n);
	len += NLA_HDRLEN + NLA_ALIGN(n);
}

static void put_u8(uint16_t type, uint8_t v) { put(type, &v, 1); }
static void put_u16(uint16_t type, uint16_t v) { put(type, &v, 2); }
static void put_u32(uint16_t type, uint32_t v) { put(type, &v, 4); }

static size_t nest_start(uint16_t type)
{
	size_t at = len;

	if (!room(NLA_HDRLEN))
		return (size_t)-1;
	note_off(len);
	((struct nlattr *)(req + len))->nla_type = type;
	len += NLA_HDRLEN;
	return at;
}

static void nest_end(size_t at)
{
	if (at != (size_t)-1)
		((struct nlattr *)(req + at))->nla_len = (uint16_t)(len - at);
}

static uint32_t pick_id(void)
{
	if (nids && chance(85))
		return ids[below(nids)];
	return chance(50) ? below(64) + 1 : interesting32();
}

static uint16_t pick_port(void)
{
	if (nports && chance(85))
		return ports[below(nports)];
	return (uint16_t)interesting32();
}

static uint32_t pick_ifindex(void)
{
	if (nifidx && chance(85))
		return ifidx[below(nifidx)];
	return interesting32();
}

/* An address nest (sctp_dar_a_addr): mostly one the host has. */
static void put_addr(uint16_t type)
{
	size_t n = nest_start(type);
	unsigned char a6[16];
	uint32_t a4;

	if (chance(60) || !nv6) {
		a4 = nv4 && chance(85) ? v4[below(nv4)] : (uint32_t)rnd();
		put(SCTP_DAR_A_ADDR_IPV4, &a4, 4);
	} else {
		if (chance(85)) {
			memcpy(a6, v6[below(nv6)], 16);
		} else {
			for (int i = 0; i < 16; i++)
				a6[i] = (unsigned char)rnd();
		}
		put(SCTP_DAR_A_ADDR_IPV6, a6, 16);
	}
	if (chance(10))
		put_u32(SCTP_DAR_A_ADDR_STATE, below(4));
	nest_end(n);
}

/* The association an address command names: by id or by ports. */
static void put_target(void)
{
	if (chance(70)) {
		put_u32(SCTP_DAR_A_ASSOC_ID, pick_id());
		return;
	}
	if (chance(80))
		put_u16(SCTP_DAR_A_ASSOC_LOCAL_PORT, pick_port());
	if (chance(80))
		put_u16(SCTP_DAR_A_ASSOC_PEER_PORT, pick_port());
}

static void header(uint16_t type, uint16_t flags, uint8_t cmd)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)req;
	struct genlmsghdr *g = NLMSG_DATA(nlh);

	memset(req, 0, NLMSG_HDRLEN + GENL_HDRLEN);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	nlh->nlmsg_seq = ++seq;
	g->cmd = cmd;
	g->version = SCTP_DAR_GENL_VERSION;
	len = NLMSG_HDRLEN + GENL_HDRLEN;
	noffs = 0;
}

static void finish(void)
{
	((struct nlmsghdr *)req)->nlmsg_len = (uint32_t)len;
}

/* One valid request of a random command. */
static void template(void)
{
	static const uint8_t cmds[] = {
		SCTP_DAR_CMD_ASSOC_GET, SCTP_DAR_CMD_ASSOC_GET,
		SCTP_DAR_CMD_STATS_GET, SCTP_DAR_CMD_ADDR_ADD,
		SCTP_DAR_CMD_ADDR_DEL, SCTP_DAR_CMD_ASSOC_SET,
		SCTP_DAR_CMD_POLICY_GET, SCTP_DAR_CMD_POLICY_SET,
		SCTP_DAR_CMD_LINK_GET, SCTP_DAR_CMD_LINK_SET,
		SCTP_DAR_CMD_EVENT,
	};
	uint8_t cmd = cmds[below(sizeof(cmds))];
	bool dump = false;
	size_t n, p;

	if (cmd == SCTP_DAR_CMD_ASSOC_GET || cmd == SCTP_DAR_CMD_LINK_GET)
		dump = chance(40);
	header(family, NLM_F_REQUEST | NLM_F_ACK | (dump ? NLM_F_DUMP : 0), cmd);
	switch (cmd) {
	case SCTP_DAR_CMD_ASSOC_GET:
		if (!dump && chance(80)) {
			put_u32(SCTP_DAR_A_ASSOC_ID, pick_id());
			break;
		}
		if (chance(40))
			put_u16(SCTP_DAR_A_ASSOC_LOCAL_PORT, pick_port());
		if (chance(40))
			put_u16(SCTP_DAR_A_ASSOC_PEER_PORT, pick_port());
		if (chance(20))
			put_u32(SCTP_DAR_A_ASSOC_SOCK_INO, interesting32());
		if (chance(30))
			put_addr(SCTP_DAR_A_ASSOC_ADDR);
		break;
	case SCTP_DAR_CMD_ADDR_ADD:
	case SCTP_DAR_CMD_ADDR_DEL:
		put_target();
		put_addr(SCTP_DAR_A_ASSOC_LOCAL_ADDR);
		break;
	case SCTP_DAR_CMD_ASSOC_SET:
		put_u32(SCTP_DAR_A_ASSOC_ID, pick_id());
		if (chance(60))
			put_addr(SCTP_DAR_A_ASSOC_PRIMARY);
		if (chance(60))
			put_addr(SCTP_DAR_A_ASSOC_PEER_PRIMARY);
		break;
	case SCTP_DAR_CMD_POLICY_SET:
		if (chance(30))
			put_u8(SCTP_DAR_A_POLICY_MANAGE_WILDCARD, below(2));
		if (chance(30))
			put_u8(SCTP_DAR_A_POLICY_MANAGE_ALL_BOUND, below(2));
		if (chance(30)) {
			n = nest_start(SCTP_DAR_A_POLICY_MANAGE_PORTS);
			for (p = below(4); p; p--)
				put_u16(SCTP_DAR_A_PORTS_PORT, pick_port());
			nest_end(n);
		}
		if (chance(30))
			put_u32(SCTP_DAR_A_POLICY_GRACE_MS, below(3000));
		if (chance(30))
			put_u32(SCTP_DAR_A_POLICY_DEBOUNCE_MS, below(200));
		if (chance(20))
			put_u8(SCTP_DAR_A_POLICY_REQUIRE_AUTH, below(2));
		if (chance(20))
			put_u8(SCTP_DAR_A_POLICY_PAUSED, below(2));
		if (chance(20)) {
			n = nest_start(SCTP_DAR_A_POLICY_DENY);
			for (p = below(3); p; p--) {
				size_t q = nest_start(SCTP_DAR_A_PREFIXES_PREFIX);

				put_addr(SCTP_DAR_A_PREFIX_ADDR);
				put_u8(SCTP_DAR_A_PREFIX_LEN, below(129));
				nest_end(q);
			}
			nest_end(n);
		}
		break;
	case SCTP_DAR_CMD_LINK_GET:
		if (!dump || chance(20))
			put_u32(SCTP_DAR_A_LINK_IFINDEX, pick_ifindex());
		break;
	case SCTP_DAR_CMD_LINK_SET:
		put_u32(SCTP_DAR_A_LINK_IFINDEX, pick_ifindex());
		put_u32(SCTP_DAR_A_LINK_PRIORITY, chance(80) ? below(256) : interesting32());
		break;
	default:
		break;
	}
	finish();
}

/* ---- mutating ----------------------------------------------------------- */

static size_t body_off(void)
{
	return NLMSG_HDRLEN;
}

static void mutate(void)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)req;
	struct genlmsghdr *g = NLMSG_DATA(nlh);
	struct nlattr *a;
	uint32_t v;
	size_t at, n, i;

	switch (below(16)) {
	case 0:	/* flip a bit in the genl header or the attributes */
		at = body_off() + below((uint32_t)(len - body_off()));
		req[at] ^= (unsigned char)(1u << below(8));
		break;
	case 1:	/* an interesting byte */
		at = body_off() + below((uint32_t)(len - body_off()));
		req[at] = (unsigned char)interesting32();
		break;
	case 2:	/* an interesting integer in an attribute's payload */
		if (!noffs)
			break;
		at = offs[below(noffs)] + NLA_HDRLEN;
		v = interesting32();
		n = chance(50) ? 4 : 2;
		if (at + n <= len)
			memcpy(req + at, &v, n);
		break;
	case 3:	/* truncate */
		if (len > NLMSG_HDRLEN + 1)
			len = NLMSG_HDRLEN + below((uint32_t)(len - NLMSG_HDRLEN));
		break;
	case 4:	/* junk tail */
		for (n = below(64) + 1; n && room(1); n--)
			req[len++] = (unsigned char)rnd();
		break;
	case 5:	/* an unknown attribute, maybe claiming to be a nest */
		n = below(chance(10) ? 2000 : 24);
		if (!room(NLA_HDRLEN + NLA_ALIGN(n)))
			break;
		at = len;
		put((uint16_t)(chance(50) ? below(40) : rnd()), NULL, 0);
		for (i = 0; i < n; i++)
			req[len++] = (unsigned char)rnd();
		len = at + NLA_ALIGN(NLA_HDRLEN + n);
		((struct nlattr *)(req + at))->nla_len = (uint16_t)(NLA_HDRLEN + n);
		if (chance(30))
			((struct nlattr *)(req + at))->nla_type |= NLA_F_NESTED;
		break;
	case 6:	/* duplicate an attribute */
		if (!noffs)
			break;
		at = offs[below(noffs)];
		a = (struct nlattr *)(req + at);
		n = NLA_ALIGN(a->nla_len);
		if (at + n <= len && n >= NLA_HDRLEN && room(n)) {
			memmove(req + len, req + at, n);
			note_off(len);
			len += n;
		}
		break;
	case 7:	/* retype an attribute */
		if (!noffs)
			break;
		a = (struct nlattr *)(req + offs[below(noffs)]);
		a->nla_type = (uint16_t)(chance(70) ? below(20) : rnd());
		break;
	case 8:	/* flag bits on an attribute */
		if (!noffs)
			break;
		a = (struct nlattr *)(req + offs[below(noffs)]);
		a->nla_type ^= chance(50) ? NLA_F_NESTED : NLA_F_NET_BYTEORDER;
		break;
	case 9:	/* resize an attribute */
		if (!noffs)
			break;
		a = (struct nlattr *)(req + offs[below(noffs)]);
		a->nla_len = (uint16_t)(chance(60) ? below(24) : rnd());
		break;
	case 10: /* any command */
		g->cmd = (uint8_t)(chance(50) ? below(16) : rnd());
		break;
	case 11: /* dump or not, stray flag bits (ACK kept: answers required) */
		if (chance(50))
			nlh->nlmsg_flags ^= NLM_F_DUMP;
		else if (chance(50))
			nlh->nlmsg_flags ^= chance(50) ? NLM_F_ROOT : NLM_F_MATCH;
		else
			nlh->nlmsg_flags |= (uint16_t)(rnd() & 0xfff0);
		nlh->nlmsg_flags |= NLM_F_REQUEST | NLM_F_ACK;
		break;
	case 12: /* version, reserved */
		g->version = (uint8_t)rnd();
		if (chance(50))
			g->reserved = (uint16_t)rnd();
		break;
	case 13: /* oversized: many attributes, up to ~150 KB */
		n = (size_t)below(sizeof(req) - 1024) + 512;
		while (len + 1028 <= sizeof(req) && len < n) {
			at = len;
			put((uint16_t)(below(16)), NULL, 0);
			len = at + NLA_HDRLEN + 1024;
			((struct nlattr *)(req + at))->nla_len = NLA_HDRLEN + 1024;
			memset(req + at + NLA_HDRLEN, (int)below(256), 1024);
		}
		break;
	case 14: /* deep nest around everything */
		n = below(40) + 1;
		at = NLMSG_HDRLEN + GENL_HDRLEN;
		if (len < at || !room(n * NLA_HDRLEN))
			break;
		memmove(req + at + n * NLA_HDRLEN, req + at, len - at);
		len += n * NLA_HDRLEN;
		for (i = 0; i < n; i++) {
			a = (struct nlattr *)(req + at + i * NLA_HDRLEN);
			a->nla_type = (uint16_t)(below(14) | (chance(50) ? NLA_F_NESTED : 0));
			a->nla_len = (uint16_t)(len - at - i * NLA_HDRLEN);
		}
		noffs = 0;
		break;
	default: /* zero-length attribute payload */
		if (!noffs)
			break;
		a = (struct nlattr *)(req + offs[below(noffs)]);
		a->nla_len = NLA_HDRLEN;
		break;
	}
	if (len < NLMSG_HDRLEN)
		len = NLMSG_HDRLEN;
	finish();
}

/* Random bytes behind a valid header. */
static void random_message(void)
{
	size_t n = below(chance(5) ? 4096 : 128);

	header(family, NLM_F_REQUEST | NLM_F_ACK |
	       (chance(20) ? NLM_F_DUMP : 0), (uint8_t)below(12));
	while (n-- && room(1))
		req[len++] = (unsigned char)rnd();
	finish();
}

/*
 * Framing chaos: returns the number of bytes to send, which may differ
 * from the header's length.
 */
static size_t chaos(void)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)req;
	size_t second;

	switch (below(6)) {
	case 0:	/* a truncated netlink header (an empty datagram is refused) */
		return 1 + below(NLMSG_HDRLEN - 1);
	case 1:	/* a length shorter than the datagram */
		nlh->nlmsg_len = below((uint32_t)len);
		return len;
	case 2:	/* a length longer than the datagram */
		nlh->nlmsg_len = (uint32_t)len + below(4096) + 1;
		return len;
	case 3:	/* not a request */
		nlh->nlmsg_flags &= ~NLM_F_REQUEST;
		return len;
	case 4:	/* another message type: control or an unregistered id */
		nlh->nlmsg_type = chance(50) ? below(NLMSG_MIN_TYPE) : 0xfff0 + below(15);
		return len;
	default: /* two messages in one datagram */
		second = NLMSG_ALIGN(len);
		if (second * 2 > sizeof(req))
			return len;
		memset(req + len, 0, second - len);
		memcpy(req + second, req, len);
		((struct nlmsghdr *)(req + second))->nlmsg_seq = ++seq;
		return second + len;
	}
}

/* ---- checking ----------------------------------------------------------- */

static void show(const char *why, unsigned long iter, size_t n)
{
	size_t i;

	st.failures++;
	if (!verbose && shown >= SHOW_MAX)
		return;
	shown++;
	fprintf(stderr, "nl_fuzz: FAIL at message %lu: %s; request (%zu bytes):",
		iter, why, n);
	for (i = 0; i < n && i < 256; i++)
		fprintf(stderr, "%s%02x", i % 32 ? "" : "\n  ", req[i]);
	fprintf(stderr, "%s\n", n > 256 ? " ..." : "");
}

/* Nested attribute types of each reply; a nest must hold a valid stream. */
static bool reply_nested(uint8_t cmd, uint16_t type, int depth)
{
	if (depth > 0)
		return false;
	switch (cmd) {
	case SCTP_DAR_CMD_ASSOC_GET:
		return type == SCTP_DAR_A_ASSOC_LOCAL_ADDR ||
		       type == SCTP_DAR_A_ASSOC_PATH ||
		       type == SCTP_DAR_A_ASSOC_PRIMARY ||
		       type == SCTP_DAR_A_ASSOC_PEER_PRIMARY ||
		       type == SCTP_DAR_A_ASSOC_COUNTERS;
	case SCTP_DAR_CMD_POLICY_GET:
	case SCTP_DAR_CMD_POLICY_SET:
		return type == SCTP_DAR_A_POLICY_MANAGE_PORTS ||
		       type == SCTP_DAR_A_POLICY_DENY;
	default:
		return false;
	}
}

static bool attrs_ok(const unsigned char *p, size_t n, uint8_t cmd, int depth)
{
	const struct nlattr *a;

	while (n >= NLA_HDRLEN) {
		a = (const struct nlattr *)p;
		if (a->nla_len < NLA_HDRLEN || a->nla_len > n)
			return false;
		if (reply_nested(cmd, a->nla_type & NLA_TYPE_MASK, depth) &&
		    !attrs_ok(p + NLA_HDRLEN, a->nla_len - NLA_HDRLEN, cmd, depth + 1))
			return false;
		if ((size_t)NLA_ALIGN(a->nla_len) >= n)
			return true;
		p += NLA_ALIGN(a->nla_len);
		n -= NLA_ALIGN(a->nla_len);
	}
	return n == 0;
}

static void count_errno(int err)
{
	if (err < 0 && -err < 4096)
		st.errno_hist[-err]++;
}

/*
 * Read until the answer to @want ends (NLMSG_ERROR or NLMSG_DONE). Returns
 * 0 when it ended, 1 on silence, -1 on a malformed answer (@why says what).
 * *@acked is set when it ended in a zero errno.
 */
static int last_errno;	/* the errno (<= 0) that ended the last answer */

static int answer(uint32_t want, const char **why, bool *acked, bool *ended_err)
{
	struct nlmsghdr *nlh;
	struct nlmsgerr *e;
	struct genlmsghdr *g;
	ssize_t r;
	size_t n;
	bool mine;

	*acked = false;
	*ended_err = false;
	for (;;) {
		r = recv(fd, rsp, sizeof(rsp), MSG_TRUNC);
		if (r < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return 1;
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS) {
				*why = "receive buffer overrun (ENOBUFS)";
				return -1;
			}
			*why = "recv failed";
			return -1;
		}
		if ((size_t)r > sizeof(rsp)) {
			*why = "reply larger than 256 KiB";
			return -1;
		}
		n = (size_t)r;
		for (nlh = (struct nlmsghdr *)rsp; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			if (nlh->nlmsg_seq > seq || nlh->nlmsg_seq <= 1000) {
				*why = "reply with a sequence number never sent";
				return -1;
			}
			/*
			 * Answers to an earlier chaos message (or the second
			 * message of its datagram) are checked all the same.
			 */
			mine = nlh->nlmsg_seq == want;
			if (!mine)
				st.stale++;
			if (nlh->nlmsg_type == NLMSG_ERROR) {
				if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*e))) {
					*why = "NLMSG_ERROR too short";
					return -1;
				}
				e = NLMSG_DATA(nlh);
				if (e->error > 0) {
					*why = "positive errno";
					return -1;
				}
				if (e->error)
					st.errors++;
				else
					st.acks++;
				count_errno(e->error);
				if (!mine)
					continue;
				*acked = !e->error;
				*ended_err = e->error != 0;
				last_errno = e->error;
				return 0;
			}
			if (nlh->nlmsg_type == NLMSG_DONE) {
				int v;

				if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(int))) {
					*why = "NLMSG_DONE too short";
					return -1;
				}
				memcpy(&v, NLMSG_DATA(nlh), sizeof(v));
				if (v > 0) {
					*why = "NLMSG_DONE with a positive value";
					return -1;
				}
				count_errno(v);
				st.dumps++;
				if (!mine)
					continue;
				*acked = !v;
				*ended_err = v != 0;
				last_errno = v;
				return 0;
			}
			if (nlh->nlmsg_type != family) {
				*why = "reply of an unexpected type";
				return -1;
			}
			if (nlh->nlmsg_len < NLMSG_LENGTH(GENL_HDRLEN)) {
				*why = "reply without a genl header";
				return -1;
			}
			g = NLMSG_DATA(nlh);
			if (!attrs_ok((unsigned char *)g + GENL_HDRLEN,
				      nlh->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN), g->cmd, 0)) {
				*why = "reply attributes do not parse";
				return -1;
			}
			st.replies++;
			if (!(nlh->nlmsg_flags & NLM_F_MULTI)) {
				/* A do's reply; its ack follows (NLM_F_ACK). */
				continue;
			}
		}
		if (n) {
			*why = "datagram with trailing bytes";
			return -1;
		}
	}
}

static ssize_t send_req(size_t n)
{
	struct sockaddr_nl k = { .nl_family = AF_NETLINK };

	return sendto(fd, req, n, 0, (struct sockaddr *)&k, sizeof(k));
}

/* A plain policy-get behind a chaos message, to find the stream's end. */
static int resync(unsigned long iter)
{
	const char *why = "";
	bool acked, err;
	int rc;

	header(family, NLM_F_REQUEST | NLM_F_ACK, SCTP_DAR_CMD_POLICY_GET);
	finish();
	if (send_req(len) < 0) {
		show("resync: send failed", iter, len);
		return -1;
	}
	rc = answer(seq, &why, &acked, &err);
	if (rc) {
		show(rc > 0 ? "resync: no answer" : why, iter, len);
		return -1;
	}
	return 0;
}

static bool admin_cmd(uint8_t cmd)
{
	return cmd == SCTP_DAR_CMD_ADDR_ADD || cmd == SCTP_DAR_CMD_ADDR_DEL ||
	       cmd == SCTP_DAR_CMD_ASSOC_SET || cmd == SCTP_DAR_CMD_POLICY_SET ||
	       cmd == SCTP_DAR_CMD_LINK_SET;
}

/*
 * genetlink checks the caller's capability right after the header (length,
 * reserved field, flags) and the command: an admin command whose header
 * passes must be refused with EPERM before any attribute is read. A dump
 * of it may instead find no dump operation (EOPNOTSUPP, 6.12's split ops).
 */
static bool admin_refused(size_t n)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)req;
	struct genlmsghdr *g = NLMSG_DATA(nlh);
	uint16_t flags = nlh->nlmsg_flags;
	bool dump = (flags & NLM_F_DUMP) == NLM_F_DUMP;

	if (n < NLMSG_HDRLEN + GENL_HDRLEN || g->reserved)
		return true;	/* the header check may answer first */
	if (dump)
		flags &= ~NLM_F_DUMP;
	if (flags & ~(NLM_F_REQUEST | NLM_F_ACK | NLM_F_ECHO))
		return true;
	if (last_errno == -EPERM)
		return true;
	return dump && last_errno == -EOPNOTSUPP;
}

/* ---- setup: the family and the live objects ------------------------------ */

static void resolve_family(void)
{
	struct nlmsghdr *nlh;
	struct nlattr *a;
	ssize_t r;
	size_t n, m;

	header(GENL_ID_CTRL, NLM_F_REQUEST, CTRL_CMD_GETFAMILY);
	put(CTRL_ATTR_FAMILY_NAME, SCTP_DAR_FAMILY_NAME, sizeof(SCTP_DAR_FAMILY_NAME));
	finish();
	if (send_req(len) < 0) {
		perror("nl_fuzz: send");
		exit(2);
	}
	r = recv(fd, rsp, sizeof(rsp), 0);
	if (r < 0) {
		perror("nl_fuzz: recv");
		exit(2);
	}
	n = (size_t)r;
	for (nlh = (struct nlmsghdr *)rsp; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
		if (nlh->nlmsg_type != GENL_ID_CTRL)
			continue;
		m = nlh->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);
		a = (struct nlattr *)((char *)NLMSG_DATA(nlh) + GENL_HDRLEN);
		while (m >= NLA_HDRLEN && a->nla_len >= NLA_HDRLEN && a->nla_len <= m) {
			if ((a->nla_type & NLA_TYPE_MASK) == CTRL_ATTR_FAMILY_ID)
				memcpy(&family, (char *)a + NLA_HDRLEN, 2);
			if ((size_t)NLA_ALIGN(a->nla_len) >= m)
				break;
			m -= NLA_ALIGN(a->nla_len);
			a = (struct nlattr *)((char *)a + NLA_ALIGN(a->nla_len));
		}
	}
	if (!family) {
		fprintf(stderr, "nl_fuzz: family %s not found\n", SCTP_DAR_FAMILY_NAME);
		exit(2);
	}
}

static void pool_addr(const unsigned char *p, size_t n)
{
	const struct nlattr *a;

	while (n >= NLA_HDRLEN) {
		a = (const struct nlattr *)p;
		if (a->nla_len < NLA_HDRLEN || a->nla_len > n)
			return;
		if (a->nla_type == SCTP_DAR_A_ADDR_IPV4 && a->nla_len == NLA_HDRLEN + 4 &&
		    nv4 < MAX_POOL)
			memcpy(&v4[nv4++], p + NLA_HDRLEN, 4);
		if (a->nla_type == SCTP_DAR_A_ADDR_IPV6 && a->nla_len == NLA_HDRLEN + 16 &&
		    nv6 < MAX_POOL)
			memcpy(v6[nv6++], p + NLA_HDRLEN, 16);
		if ((size_t)NLA_ALIGN(a->nla_len) >= n)
			return;
		p += NLA_ALIGN(a->nla_len);
		n -= NLA_ALIGN(a->nla_len);
	}
}

/* Collect ids, ports and addresses from an assoc-get dump. */
static void learn(void)
{
	struct nlmsghdr *nlh;
	const struct nlattr *a;
	const unsigned char *p;
	bool done = false;
	ssize_t r;
	size_t n, m;

	nids = nports = nv4 = nv6 = 0;
	header(family, NLM_F_REQUEST | NLM_F_DUMP, SCTP_DAR_CMD_ASSOC_GET);
	finish();
	if (send_req(len) < 0)
		return;
	while (!done) {
		r = recv(fd, rsp, sizeof(rsp), 0);
		if (r <= 0)
			return;
		n = (size_t)r;
		for (nlh = (struct nlmsghdr *)rsp; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			if (nlh->nlmsg_type == NLMSG_DONE || nlh->nlmsg_type == NLMSG_ERROR) {
				done = true;
				break;
			}
			if (nlh->nlmsg_type != family)
				continue;
			p = (unsigned char *)NLMSG_DATA(nlh) + GENL_HDRLEN;
			m = nlh->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);
			while (m >= NLA_HDRLEN) {
				a = (const struct nlattr *)p;
				if (a->nla_len < NLA_HDRLEN || a->nla_len > m)
					break;
				switch (a->nla_type & NLA_TYPE_MASK) {
				case SCTP_DAR_A_ASSOC_ID:
					if (nids < MAX_POOL)
						memcpy(&ids[nids++], p + NLA_HDRLEN, 4);
					break;
				case SCTP_DAR_A_ASSOC_LOCAL_PORT:
				case SCTP_DAR_A_ASSOC_PEER_PORT:
					if (nports < MAX_POOL)
						memcpy(&ports[nports++], p + NLA_HDRLEN, 2);
					break;
				case SCTP_DAR_A_ASSOC_LOCAL_ADDR:
				case SCTP_DAR_A_ASSOC_PRIMARY:
					pool_addr(p + NLA_HDRLEN, a->nla_len - NLA_HDRLEN);
					break;
				default:
					break;
				}
				if ((size_t)NLA_ALIGN(a->nla_len) >= m)
					break;
				p += NLA_ALIGN(a->nla_len);
				m -= NLA_ALIGN(a->nla_len);
			}
		}
	}
}

static void learn_links(void)
{
	struct if_nameindex *ifs = if_nameindex(), *i;

	nifidx = 0;
	for (i = ifs; i && i->if_index && nifidx < MAX_POOL; i++)
		ifidx[nifidx++] = i->if_index;
	if (ifs)
		if_freenameindex(ifs);
}

static void enter_netns(const char *name)
{
	char path[256];
	int nfd;

	snprintf(path, sizeof(path), "/run/netns/%s", name);
	nfd = open(path, O_RDONLY);
	if (nfd < 0 || setns(nfd, CLONE_NEWNET) < 0) {
		fprintf(stderr, "nl_fuzz: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	close(nfd);
}

static void drop_to(uid_t uid)
{
	if (setgroups(0, NULL) < 0 || setgid(uid) < 0 || setuid(uid) < 0) {
		fprintf(stderr, "nl_fuzz: cannot become uid %u: %s\n", uid, strerror(errno));
		exit(2);
	}
}

static unsigned long number(const char *s, unsigned long max, int opt)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || *end || !*s || v > max) {
		fprintf(stderr, "nl_fuzz: -%c: '%s' is not a number in 0..%lu\n", opt, s, max);
		exit(2);
	}
	return v;
}

int main(int argc, char **argv)
{
	unsigned long count = 100000, iter, seed = 1, uid = 0, tmo = 10;
	const char *netns = NULL, *why;
	struct timeval tv;
	struct timespec t0, t1;
	bool is_chaos, acked, err;
	int opt, one = 1, rc, bufsz = 4 << 20;
	size_t n;
	uint8_t cmd;
	double secs;

	while ((opt = getopt(argc, argv, "s:n:u:N:t:v")) != -1) {
		switch (opt) {
		case 's':
			seed = number(optarg, ~0UL, opt);
			break;
		case 'n':
			count = number(optarg, 100000000, opt);
			break;
		case 'u':
			uid = number(optarg, 0xfffffffe, opt);
			unpriv = true;
			break;
		case 'N':
			netns = optarg;
			break;
		case 't':
			tmo = number(optarg, 3600, opt);
			break;
		case 'v':
			verbose = true;
			break;
		default:
			fprintf(stderr, "usage: nl_fuzz [-s SEED] [-n COUNT] [-u UID] [-N NETNS] [-t SECS] [-v]\n");
			return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "nl_fuzz: unexpected argument '%s'\n", argv[optind]);
		return 2;
	}
	if (netns)
		enter_netns(netns);
	if (unpriv)
		drop_to((uid_t)uid);
	rng = seed * 0x9E3779B97F4A7C15ULL + 1;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (fd < 0) {
		perror("nl_fuzz: socket");
		return 2;
	}
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bufsz, sizeof(bufsz));
	setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &bufsz, sizeof(bufsz));
	tv.tv_sec = (time_t)tmo;
	tv.tv_usec = 0;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));

	resolve_family();
	learn();
	learn_links();
	fprintf(stderr, "nl_fuzz: family %u, %u associations, %u ports, %u+%u addresses, %u links\n",
		family, nids, nports, nv4, nv6, nifidx);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (iter = 0; iter < count; iter++) {
		if (iter && iter % 4096 == 0) {
			learn();
			learn_links();
		}
		if (chance(8))
			random_message();
		else
			template();
		for (rc = (int)below(5); rc > 0; rc--)
			mutate();
		n = len;
		is_chaos = chance(3);
		if (is_chaos) {
			n = chaos();
			st.chaos++;
		}
		cmd = ((struct genlmsghdr *)NLMSG_DATA((struct nlmsghdr *)req))->cmd;
		if (send_req(n) < 0) {
			/* Only the sender's own limits may refuse it. */
			if (errno == EMSGSIZE || errno == ENOBUFS)
				continue;
			show("sendto failed", iter, n);
			continue;
		}
		st.sent++;
		if (is_chaos) {
			/* Whatever it drew comes before the resync's answer. */
			if (resync(iter) < 0)
				break;
			continue;
		}
		why = "";
		rc = answer(((struct nlmsghdr *)req)->nlmsg_seq, &why, &acked, &err);
		if (rc > 0) {
			show("no answer (silence)", iter, n);
			continue;
		}
		if (rc < 0) {
			show(why, iter, n);
			continue;
		}
		st.answered++;
		if (unpriv && admin_cmd(cmd) && !admin_refused(n))
			show("admin command not refused with EPERM for an unprivileged caller",
			     iter, n);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;

	printf("nl_fuzz: seed=%lu uid=%lu sent=%lu answered=%lu replies=%lu acks=%lu errors=%lu dumps=%lu chaos=%lu stale=%lu failures=%lu msgs_per_s=%.0f\n",
	       seed, unpriv ? uid : 0UL, st.sent, st.answered, st.replies, st.acks,
	       st.errors, st.dumps, st.chaos, st.stale, st.failures,
	       secs > 0 ? (double)st.sent / secs : 0.0);
	for (n = 1; n < 4096; n++)
		if (st.errno_hist[n])
			printf("errno %s %lu\n", strerrorname_np((int)n) ?: "?", st.errno_hist[n]);
	return st.failures ? 1 : 0;
}
