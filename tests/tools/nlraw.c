// SPDX-License-Identifier: GPL-2.0
/*
 * nlraw - send one hand-built request to the sctp_dar generic-netlink
 * family and report exactly what came back. sctpaddr validates its command
 * line; this tool does not, so tests can send what a careless or hostile
 * program would: wrong types and lengths, out-of-range values, unknown
 * commands and attributes, reserved bits, from an unprivileged user
 * namespace.
 *
 *   nlraw [-U] [-n NETNS] [-D] [-F FLAGS] [-R RESERVED] CMD [ATTR ...]
 *
 *   CMD       a command number, or assoc-get | stats-get | event |
 *             addr-add | addr-del | assoc-set | policy-get | policy-set |
 *             link-get | link-set
 *   -D        a dump request (NLM_F_DUMP)
 *   -U        move into a new user namespace first (root mapped to the
 *             caller, without any capability over the current network
 *             namespace)
 *   -n NETNS  enter /run/netns/NETNS first
 *   -F FLAGS  extra nlmsg_flags bits
 *   -R VAL    genlmsghdr.reserved
 *   ATTR      TYPE:KIND[=VALUE] or TYPE:nest(ATTR,ATTR,...), where KIND is
 *             u8 u16 u32 u64 be16 be32 flag str hex ip4 ip6 (hex: raw
 *             bytes, ip4/ip6: an address in network order)
 *
 * Prints one line:
 *   ok replies=N intr=0|1
 *   error errno=NAME(N) msg="..." bad_attr=TYPE miss_type=TYPE
 * (bad_attr is the type of the attribute NLMSGERR_ATTR_OFFS points at,
 * -1 if none) and exits 0 on success, 1 on a kernel error, 2 on bad usage.
 *
 * Plain sockets, no libmnl: the test tools are linked statically.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>

#define BUFSZ	(64 * 1024)
#define FAMILY	"sctp_dar"

static unsigned char req[BUFSZ];
static unsigned char rsp[BUFSZ];

static void die(const char *msg)
{
	fprintf(stderr, "nlraw: %s\n", msg);
	exit(2);
}

/* ---- building attributes ------------------------------------------------ */

static size_t put_attr(size_t off, uint16_t type, const void *data,
		       size_t len)
{
	struct nlattr *a = (struct nlattr *)(req + off);

	if (off + NLA_HDRLEN + NLA_ALIGN(len) > sizeof(req))
		die("request too large");
	a->nla_type = type;
	a->nla_len = NLA_HDRLEN + len;
	memcpy(req + off + NLA_HDRLEN, data, len);
	memset(req + off + NLA_HDRLEN + len, 0, NLA_ALIGN(len) - len);
	return off + NLA_HDRLEN + NLA_ALIGN(len);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Parse one ATTR at *s, append it at off; returns the new end. */
static size_t parse_attr(const char **s, size_t off)
{
	unsigned char buf[4096];
	char kind[8], val[4096];
	unsigned long long v;
	size_t n = 0, start;
	struct nlattr *nest;
	unsigned long type;
	char *end;
	int k = 0;

	type = strtoul(*s, &end, 0);
	if (end == *s || *end != ':' || type > 0xffff)
		die("bad attribute (TYPE:KIND[=VALUE])");
	*s = end + 1;
	while (**s && **s != '=' && **s != '(' && **s != ',' && **s != ')' &&
	       k < (int)sizeof(kind) - 1)
		kind[k++] = *(*s)++;
	kind[k] = '\0';

	if (!strcmp(kind, "nest")) {
		if (**s != '(')
			die("nest needs (ATTR,...)");
		(*s)++;
		start = off;
		off += NLA_HDRLEN;
		while (**s && **s != ')') {
			off = parse_attr(s, off);
			if (**s == ',')
				(*s)++;
		}
		if (**s != ')')
			die("unterminated nest");
		(*s)++;
		nest = (struct nlattr *)(req + start);
		nest->nla_type = type | NLA_F_NESTED;
		nest->nla_len = off - start;
		return off;
	}
	if (!strcmp(kind, "flag"))
		return put_attr(off, type, NULL, 0);
	if (**s != '=')
		die("attribute needs =VALUE");
	(*s)++;
	k = 0;
	while (**s && **s != ',' && **s != ')' && k < (int)sizeof(val) - 1)
		val[k++] = *(*s)++;
	val[k] = '\0';

	if (!strcmp(kind, "str"))
		return put_attr(off, type, val, strlen(val) + 1);
	if (!strcmp(kind, "hex")) {
		for (k = 0; val[k] && val[k + 1]; k += 2) {
			if (hexval(val[k]) < 0 || hexval(val[k + 1]) < 0)
				die("bad hex");
			buf[n++] = hexval(val[k]) << 4 | hexval(val[k + 1]);
		}
		return put_attr(off, type, buf, n);
	}
	if (!strcmp(kind, "ip4")) {
		if (inet_pton(AF_INET, val, buf) != 1)
			die("bad ip4");
		return put_attr(off, type, buf, 4);
	}
	if (!strcmp(kind, "ip6")) {
		if (inet_pton(AF_INET6, val, buf) != 1)
			die("bad ip6");
		return put_attr(off, type, buf, 16);
	}
	errno = 0;
	v = strtoull(val, &end, 0);
	if (errno || *end)
		die("bad number");
	if (!strcmp(kind, "u8")) {
		uint8_t x = v;

		return put_attr(off, type, &x, 1);
	}
	if (!strcmp(kind, "u16")) {
		uint16_t x = v;

		return put_attr(off, type, &x, 2);
	}
	if (!strcmp(kind, "be16")) {
		uint16_t x = htons(v);

		return put_attr(off, type, &x, 2);
	}
	if (!strcmp(kind, "u32")) {
		uint32_t x = v;

		return put_attr(off, type, &x, 4);
	}
	if (!strcmp(kind, "be32")) {
		uint32_t x = htonl(v);

		return put_attr(off, type, &x, 4);
	}
	if (!strcmp(kind, "u64")) {
		uint64_t x = v;

		return put_attr(off, type, &x, 8);
	}
	die("unknown attribute kind");
	return off;
}

/* ---- talking ------------------------------------------------------------ */

struct result {
	int err;		/* negative errno, 0 */
	char msg[512];
	long offs;		/* NLMSGERR_ATTR_OFFS, -1 */
	long miss_type;		/* NLMSGERR_ATTR_MISS_TYPE, -1 */
	unsigned int replies;	/* data messages */
	bool intr;		/* NLM_F_DUMP_INTR seen */
	uint16_t family;	/* CTRL_ATTR_FAMILY_ID, for resolution */
};

static void parse_tlvs(const unsigned char *p, const unsigned char *end,
		       struct result *r)
{
	const struct nlattr *a;

	while (p + NLA_HDRLEN <= end) {
		a = (const struct nlattr *)p;
		if (a->nla_len < NLA_HDRLEN || p + a->nla_len > end)
			break;
		switch (a->nla_type & NLA_TYPE_MASK) {
		case NLMSGERR_ATTR_MSG:
			snprintf(r->msg, sizeof(r->msg), "%.*s",
				 (int)(a->nla_len - NLA_HDRLEN),
				 (const char *)(p + NLA_HDRLEN));
			break;
		case NLMSGERR_ATTR_OFFS:
			r->offs = *(const uint32_t *)(p + NLA_HDRLEN);
			break;
		case NLMSGERR_ATTR_MISS_TYPE:
			r->miss_type = *(const uint32_t *)(p + NLA_HDRLEN);
			break;
		}
		p += NLA_ALIGN(a->nla_len);
	}
}

static void family_id(const struct nlmsghdr *nlh, struct result *r)
{
	const unsigned char *p = NLMSG_DATA(nlh) + GENL_HDRLEN;
	const unsigned char *end = (const unsigned char *)nlh + nlh->nlmsg_len;
	const struct nlattr *a;

	while (p + NLA_HDRLEN <= end) {
		a = (const struct nlattr *)p;
		if (a->nla_len < NLA_HDRLEN)
			break;
		if (a->nla_type == CTRL_ATTR_FAMILY_ID)
			r->family = *(const uint16_t *)(p + NLA_HDRLEN);
		p += NLA_ALIGN(a->nla_len);
	}
}

static void talk(int fd, size_t len, struct result *r)
{
	struct nlmsghdr *req_nlh = (struct nlmsghdr *)req;
	const struct nlmsgerr *e;
	struct nlmsghdr *nlh;
	unsigned int off;
	ssize_t n;

	memset(r, 0, sizeof(*r));
	r->offs = -1;
	r->miss_type = -1;
	req_nlh->nlmsg_len = len;
	if (send(fd, req, len, 0) < 0) {
		perror("nlraw: send");
		exit(2);
	}
	for (;;) {
		n = recv(fd, rsp, sizeof(rsp), 0);
		if (n < 0) {
			perror("nlraw: recv");
			exit(2);
		}
		for (nlh = (struct nlmsghdr *)rsp; NLMSG_OK(nlh, n);
		     nlh = NLMSG_NEXT(nlh, n)) {
			if (nlh->nlmsg_seq != req_nlh->nlmsg_seq)
				continue;
			if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
				r->intr = true;
			if (nlh->nlmsg_type == NLMSG_ERROR) {
				e = NLMSG_DATA(nlh);
				r->err = e->error;
				off = sizeof(*e);
				if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
					off += e->msg.nlmsg_len - NLMSG_HDRLEN;
				if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
					parse_tlvs((unsigned char *)e + off,
						   (unsigned char *)nlh + nlh->nlmsg_len, r);
				return;
			}
			if (nlh->nlmsg_type == NLMSG_DONE) {
				if (nlh->nlmsg_len >= NLMSG_LENGTH(sizeof(int)))
					r->err = *(int *)NLMSG_DATA(nlh);
				if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
					parse_tlvs((unsigned char *)NLMSG_DATA(nlh) + sizeof(int),
						   (unsigned char *)nlh + nlh->nlmsg_len, r);
				return;
			}
			r->replies++;
			if (nlh->nlmsg_type == GENL_ID_CTRL)
				family_id(nlh, r);
		}
	}
}

static size_t genl_header(uint16_t type, uint16_t flags, uint8_t cmd,
			  uint8_t version, uint16_t reserved, uint32_t seq)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)req;
	struct genlmsghdr *g = NLMSG_DATA(nlh);

	memset(req, 0, NLMSG_HDRLEN + GENL_HDRLEN);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	nlh->nlmsg_seq = seq;
	g->cmd = cmd;
	g->version = version;
	g->reserved = reserved;
	return NLMSG_HDRLEN + GENL_HDRLEN;
}

/* ---- namespaces ---------------------------------------------------------- */

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);

	if (fd < 0 || write(fd, text, strlen(text)) < 0) {
		fprintf(stderr, "nlraw: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	close(fd);
}

static void enter_userns(void)
{
	char map[64];
	uid_t uid = getuid();
	gid_t gid = getgid();

	if (unshare(CLONE_NEWUSER) < 0) {
		perror("nlraw: unshare(CLONE_NEWUSER)");
		exit(2);
	}
	write_file("/proc/self/setgroups", "deny");
	snprintf(map, sizeof(map), "0 %u 1", uid);
	write_file("/proc/self/uid_map", map);
	snprintf(map, sizeof(map), "0 %u 1", gid);
	write_file("/proc/self/gid_map", map);
}

static void enter_netns(const char *name)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "/run/netns/%s", name);
	fd = open(path, O_RDONLY);
	if (fd < 0 || setns(fd, CLONE_NEWNET) < 0) {
		fprintf(stderr, "nlraw: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	close(fd);
}

static const char *const cmd_names[] = {
	[1] = "assoc-get",
	[2] = "stats-get",
	[3] = "event",
	[4] = "addr-add",
	[5] = "addr-del",
	[6] = "assoc-set",
	[7] = "policy-get",
	[8] = "policy-set",
	[9] = "link-get",
	[10] = "link-set",
};

int main(int argc, char **argv)
{
	unsigned int flags = 0, reserved = 0, version = 1;
	const char *netns = NULL, *s;
	bool userns = false, dump = false;
	struct result r;
	unsigned long cmd;
	size_t len;
	char *end;
	int fd, one = 1, opt, i;

	while ((opt = getopt(argc, argv, "UDn:F:R:V:")) != -1) {
		switch (opt) {
		case 'U':
			userns = true;
			break;
		case 'D':
			dump = true;
			break;
		case 'n':
			netns = optarg;
			break;
		case 'F':
			flags = strtoul(optarg, NULL, 0);
			break;
		case 'R':
			reserved = strtoul(optarg, NULL, 0);
			break;
		case 'V':
			version = strtoul(optarg, NULL, 0);
			break;
		default:
			die("usage: nlraw [-U] [-n NETNS] [-D] [-F FLAGS] [-R RESERVED] CMD [ATTR ...]");
		}
	}
	if (optind >= argc)
		die("no command");
	cmd = strtoul(argv[optind], &end, 0);
	if (*end) {
		for (cmd = 1; cmd < sizeof(cmd_names) / sizeof(cmd_names[0]); cmd++)
			if (!strcmp(argv[optind], cmd_names[cmd]))
				break;
		if (cmd == sizeof(cmd_names) / sizeof(cmd_names[0]))
			die("unknown command name");
	}
	if (netns)
		enter_netns(netns);
	if (userns)
		enter_userns();

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (fd < 0) {
		perror("nlraw: socket");
		return 2;
	}
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));

	/* Resolve the family. */
	len = genl_header(GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_ACK,
			  CTRL_CMD_GETFAMILY, 1, 0, 1);
	len = put_attr(len, CTRL_ATTR_FAMILY_NAME, FAMILY, sizeof(FAMILY));
	talk(fd, len, &r);
	if (r.err || !r.family) {
		printf("error family %s not found: %s\n", FAMILY, strerror(-r.err));
		return 1;
	}

	len = genl_header(r.family,
			  NLM_F_REQUEST | NLM_F_ACK | (dump ? NLM_F_DUMP : 0) | flags,
			  cmd, version, reserved, 2);
	for (i = optind + 1; i < argc; i++) {
		s = argv[i];
		len = parse_attr(&s, len);
		if (*s)
			die("trailing characters after attribute");
	}
	talk(fd, len, &r);
	if (!r.err) {
		printf("ok replies=%u intr=%d\n", r.replies, r.intr);
		return 0;
	}
	printf("error errno=%s(%d) msg=\"%s\" bad_attr=%d miss_type=%ld\n",
	       strerrorname_np(-r.err) ? strerrorname_np(-r.err) : "?", -r.err,
	       r.msg,
	       r.offs >= 0 && (size_t)r.offs + NLA_HDRLEN <= len ?
		       ((struct nlattr *)(req + r.offs))->nla_type & NLA_TYPE_MASK : -1,
	       r.miss_type);
	return 1;
}
