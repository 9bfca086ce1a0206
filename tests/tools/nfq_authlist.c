// SPDX-License-Identifier: GPL-2.0
/*
 * nfq_authlist - make a peer that does SCTP-AUTH but does not authenticate
 * ADD-IP: packets queued by netfilter (NFQUEUE) come here, and in the
 * Chunk List parameter (RFC 4895 3.2) of every INIT and INIT-ACK the
 * entries ASCONF (0xc1) and ASCONF-ACK (0x80) become RE-CONFIG (0x82), a
 * chunk type the associations in the tests never send; the SCTP checksum
 * is computed again and the packet goes on. No Linux peer can be set up
 * this way (sctp.ko lists both types whenever ADD-IP and AUTH are on), but
 * RFC 4895 allows it, and then sctp.ko sends its ASCONFs unauthenticated.
 *
 *   nfq_authlist [-q QUEUE] [-c COUNT_FILE]
 *
 *   -q QUEUE       the NFQUEUE number (default 0)
 *   -c COUNT_FILE  after each rewritten packet, write the number rewritten
 *                  so far there ("N\n"), so a test can tell it happened
 *
 * Every packet is accepted, rewritten or not; one that is not IPv4/IPv6 +
 * SCTP, or is malformed, goes on untouched. Runs until killed; exits 1 on
 * a netlink error. Talks to nfnetlink_queue directly (no library), so it
 * links statically into the test VM.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_queue.h>
#include <linux/netlink.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "crc32c.h"

#define BUF_LEN		(128 * 1024)
#define CID_INIT	1
#define CID_INIT_ACK	2
#define CID_ASCONF	0xc1
#define CID_ASCONF_ACK	0x80
#define CID_RECONF	0x82
#define PARAM_CHUNKS	0x8003

static int nl_fd;
static uint16_t queue_num;

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* Append attribute @type with @len bytes of @data to @nlh. */
static void put_attr(struct nlmsghdr *nlh, uint16_t type, const void *data,
		     size_t len)
{
	struct nlattr *a = (struct nlattr *)((char *)nlh + NLMSG_ALIGN(nlh->nlmsg_len));

	a->nla_type = type;
	a->nla_len = NLA_HDRLEN + len;
	memcpy((char *)a + NLA_HDRLEN, data, len);
	nlh->nlmsg_len = NLMSG_ALIGN(nlh->nlmsg_len) + NLA_ALIGN(a->nla_len);
}

/* A queue message header: nlmsghdr + nfgenmsg for queue @queue_num. */
static struct nlmsghdr *start_msg(void *buf, uint16_t type, uint16_t flags)
{
	struct nlmsghdr *nlh = buf;
	struct nfgenmsg *nfg;

	memset(buf, 0, NLMSG_HDRLEN + sizeof(*nfg));
	nlh->nlmsg_len = NLMSG_HDRLEN + sizeof(*nfg);
	nlh->nlmsg_type = (NFNL_SUBSYS_QUEUE << 8) | type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nfg = NLMSG_DATA(nlh);
	nfg->nfgen_family = AF_UNSPEC;
	nfg->version = NFNETLINK_V0;
	nfg->res_id = htons(queue_num);
	return nlh;
}

static void send_msg(struct nlmsghdr *nlh)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };

	if (sendto(nl_fd, nlh, nlh->nlmsg_len, 0, (struct sockaddr *)&nl,
		   sizeof(nl)) < 0) {
		perror("nfq_authlist: sendto");
		exit(1);
	}
}

/* Send a config request and wait for its ack; exit on an error. */
static void config(struct nlmsghdr *nlh)
{
	static char ack[4096];
	struct nlmsgerr *err;
	ssize_t n;

	nlh->nlmsg_flags |= NLM_F_ACK;
	send_msg(nlh);
	n = recv(nl_fd, ack, sizeof(ack), 0);
	if (n < (ssize_t)NLMSG_HDRLEN) {
		perror("nfq_authlist: recv (config)");
		exit(1);
	}
	nlh = (struct nlmsghdr *)ack;
	if (nlh->nlmsg_type != NLMSG_ERROR)
		return;
	err = NLMSG_DATA(nlh);
	if (err->error) {
		fprintf(stderr, "nfq_authlist: binding queue %u: %s\n",
			queue_num, strerror(-err->error));
		exit(1);
	}
}

/* Rewrite the Chunk List of the INIT or INIT-ACK chunk at @c (@len
 * bytes, padding included). Return how many entries changed.
 */
static int rewrite_init(uint8_t *c, size_t len)
{
	size_t off = 20, plen, i;	/* chunk header 4 + INIT fields 16 */
	int changed = 0;

	while (off + 4 <= len) {
		plen = be16(c + off + 2);
		if (plen < 4 || off + plen > len)
			break;
		if (be16(c + off) == PARAM_CHUNKS) {
			for (i = off + 4; i < off + plen; i++) {
				if (c[i] == CID_ASCONF || c[i] == CID_ASCONF_ACK) {
					c[i] = CID_RECONF;
					changed++;
				}
			}
		}
		off += (plen + 3) & ~(size_t)3;
	}
	return changed;
}

/* Rewrite the packet @p (@len bytes from the IP header on) in place.
 * Return 1 if it changed.
 */
static int rewrite(uint8_t *p, size_t len)
{
	size_t l4, off, clen, span;
	int changed = 0;

	if (len >= 20 && p[0] >> 4 == 4 && p[9] == IPPROTO_SCTP) {
		l4 = (size_t)(p[0] & 0xf) * 4;
		if (be16(p + 6) & 0x3fff)	/* a fragment */
			return 0;
	} else if (len >= 40 && p[0] >> 4 == 6 && p[6] == IPPROTO_SCTP) {
		l4 = 40;
	} else {
		return 0;
	}
	if (l4 + 12 > len)
		return 0;
	for (off = l4 + 12; off + 4 <= len; off += (clen + 3) & ~(size_t)3) {
		clen = be16(p + off + 2);
		if (clen < 4 || off + clen > len)
			break;
		span = (clen + 3) & ~(size_t)3;
		if (span > len - off)
			span = len - off;
		if (p[off] == CID_INIT || p[off] == CID_INIT_ACK)
			changed += rewrite_init(p + off, span);
	}
	if (!changed)
		return 0;
	sctp_crc32c_set(p + l4, len - l4);
	return 1;
}

static void write_count(const char *file, unsigned long n)
{
	FILE *f;

	if (!file)
		return;
	f = fopen(file, "w");
	if (!f) {
		perror(file);
		return;
	}
	fprintf(f, "%lu\n", n);
	fclose(f);
}

int main(int argc, char **argv)
{
	static char buf[BUF_LEN], out[BUF_LEN];
	struct sockaddr_nl local = { .nl_family = AF_NETLINK };
	struct nfqnl_msg_config_cmd cmd = { .command = NFQNL_CFG_CMD_BIND };
	struct nfqnl_msg_config_params params = {
		.copy_range = htonl(0xffff),
		.copy_mode = NFQNL_COPY_PACKET,
	};
	const char *count_file = NULL;
	unsigned long rewritten = 0;
	struct nlmsghdr *nlh;
	int opt;

	while ((opt = getopt(argc, argv, "q:c:")) != -1) {
		switch (opt) {
		case 'q':
			queue_num = (uint16_t)strtoul(optarg, NULL, 10);
			break;
		case 'c':
			count_file = optarg;
			break;
		default:
			fprintf(stderr, "usage: nfq_authlist [-q QUEUE] [-c COUNT_FILE]\n");
			return 2;
		}
	}
	crc32c_init();
	write_count(count_file, 0);

	nl_fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_NETFILTER);
	if (nl_fd < 0 || bind(nl_fd, (struct sockaddr *)&local, sizeof(local)) < 0) {
		perror("nfq_authlist: netlink socket");
		return 1;
	}
	nlh = start_msg(out, NFQNL_MSG_CONFIG, 0);
	put_attr(nlh, NFQA_CFG_CMD, &cmd, sizeof(cmd));
	config(nlh);
	nlh = start_msg(out, NFQNL_MSG_CONFIG, 0);
	put_attr(nlh, NFQA_CFG_PARAMS, &params, sizeof(params));
	config(nlh);
	fprintf(stderr, "nfq_authlist: listening on queue %u\n", queue_num);

	for (;;) {
		ssize_t n = recv(nl_fd, buf, sizeof(buf), 0);
		int left;

		if (n < 0) {
			if (errno == EINTR || errno == ENOBUFS)
				continue;
			perror("nfq_authlist: recv");
			return 1;
		}
		left = (int)n;
		for (nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, left);
		     nlh = NLMSG_NEXT(nlh, left)) {
			struct nfqnl_msg_verdict_hdr vh = { .verdict = htonl(NF_ACCEPT) };
			struct nfqnl_msg_packet_hdr *ph = NULL;
			uint8_t *payload = NULL;
			size_t plen = 0, alen;
			struct nlattr *a;
			struct nlmsghdr *v;
			int rest;

			if (nlh->nlmsg_type != ((NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET))
				continue;
			rest = (int)nlh->nlmsg_len - NLMSG_HDRLEN - (int)sizeof(struct nfgenmsg);
			a = (struct nlattr *)((char *)NLMSG_DATA(nlh) + sizeof(struct nfgenmsg));
			while (rest >= NLA_HDRLEN && a->nla_len >= NLA_HDRLEN &&
			       a->nla_len <= rest) {
				alen = a->nla_len - NLA_HDRLEN;
				switch (a->nla_type & NLA_TYPE_MASK) {
				case NFQA_PACKET_HDR:
					if (alen >= sizeof(*ph))
						ph = (void *)((char *)a + NLA_HDRLEN);
					break;
				case NFQA_PAYLOAD:
					payload = (uint8_t *)a + NLA_HDRLEN;
					plen = alen;
					break;
				}
				rest -= NLA_ALIGN(a->nla_len);
				a = (struct nlattr *)((char *)a + NLA_ALIGN(a->nla_len));
			}
			if (!ph)
				continue;
			vh.id = ph->packet_id;
			v = start_msg(out, NFQNL_MSG_VERDICT, 0);
			put_attr(v, NFQA_VERDICT_HDR, &vh, sizeof(vh));
			if (payload && rewrite(payload, plen)) {
				put_attr(v, NFQA_PAYLOAD, payload, plen);
				write_count(count_file, ++rewritten);
			}
			send_msg(v);
		}
	}
}
