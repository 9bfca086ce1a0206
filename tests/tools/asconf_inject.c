// SPDX-License-Identifier: GPL-2.0
/*
 * asconf_inject - forge ASCONF chunks into a live SCTP association, for the
 * wire-check tests (tests/netns/asconf_wire.sh). IPv4 only.
 *
 * Usage:
 *   asconf_inject -s SRC -d DST -p DPORT -S SERIAL [options]
 *
 * It learns the association's verification tag and the source port by
 * capturing (AF_PACKET, every interface or -i IFACE) one SCTP packet this
 * host sends to port DPORT, so run it on the host whose address SRC is,
 * while the association carries traffic (on whichever path). Then it sends, through a raw IP socket, COUNT packets each holding
 * one ASCONF chunk built with sctp_dar's own encoder (src/asconf_codec.c),
 * with a correct CRC32c:
 *   serial SERIAL, lookup address LOOKUP (default SRC), and one ADD-IP
 *   request for ADD if given.
 * No AUTH chunk goes with it: a kernel that requires AUTH for ASCONF
 * (net.sctp.addip_noauth_enable=0) discards it after sctp_dar looked at it.
 *
 * Options:
 *   -i IFACE   learn from packets on IFACE only
 *   -l LOOKUP  lookup address (default SRC)
 *   -a ADD     add an ADD-IP request for this IPv4 address
 *   -t         truncate: the chunk's length field claims 8 bytes more than
 *              the packet holds
 *   -n COUNT   packets to send (default 1)
 *   -T MS      how long to wait for a packet to learn from (default 5000)
 *
 * Prints "vtag=0x... sport=N sent=COUNT" on success; exit 0, 1 on error.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "asconf_codec.h"

#define SCTP_HDR_LEN	12

static uint32_t crc_tab[256];

static void crc32c_init(void)
{
	uint32_t c;
	int i, j;

	for (i = 0; i < 256; i++) {
		c = i;
		for (j = 0; j < 8; j++)
			c = c & 1 ? (c >> 1) ^ 0x82F63B78u : c >> 1;
		crc_tab[i] = c;
	}
}

/* RFC 9260 appendix B: CRC32c, stored least significant byte first. */
static void sctp_checksum(uint8_t *sctp, size_t len)
{
	uint32_t crc = ~0u;
	size_t i;

	memset(sctp + 8, 0, 4);
	for (i = 0; i < len; i++)
		crc = crc_tab[(crc ^ sctp[i]) & 0xff] ^ (crc >> 8);
	crc = ~crc;
	sctp[8] = crc & 0xff;
	sctp[9] = (crc >> 8) & 0xff;
	sctp[10] = (crc >> 16) & 0xff;
	sctp[11] = crc >> 24;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Capture one SCTP packet going out to DPORT: its vtag and sport. */
static int learn(const char *ifname, uint16_t dport, int timeout_ms,
		 uint32_t *vtag, uint16_t *sport)
{
	/* ETH_P_ALL: only "all protocols" taps see outgoing packets. */
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_ALL),
	};
	long deadline = now_ms() + timeout_ms;
	uint8_t buf[2048];
	int fd, n, ihl;

	sll.sll_ifindex = ifname ? (int)if_nametoindex(ifname) : 0;
	if (ifname && !sll.sll_ifindex) {
		fprintf(stderr, "asconf_inject: no interface %s\n", ifname);
		return -1;
	}
	fd = socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_ALL));
	if (fd < 0 || bind(fd, (struct sockaddr *)&sll, sizeof(sll))) {
		perror("asconf_inject: AF_PACKET");
		return -1;
	}
	while (now_ms() < deadline) {
		struct pollfd p = { .fd = fd, .events = POLLIN };

		struct sockaddr_ll from;
		socklen_t flen = sizeof(from);

		if (poll(&p, 1, 100) <= 0)
			continue;
		n = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&from,
			     &flen);
		if (n < 20 || from.sll_pkttype != PACKET_OUTGOING ||
		    from.sll_protocol != htons(ETH_P_IP) ||
		    (buf[0] >> 4) != 4 || buf[9] != IPPROTO_SCTP)
			continue;
		ihl = (buf[0] & 0xf) * 4;
		if (n < ihl + SCTP_HDR_LEN ||
		    ((buf[ihl + 2] << 8) | buf[ihl + 3]) != dport)
			continue;
		*sport = (buf[ihl] << 8) | buf[ihl + 1];
		*vtag = (uint32_t)buf[ihl + 4] << 24 | buf[ihl + 5] << 16 |
			buf[ihl + 6] << 8 | buf[ihl + 7];
		close(fd);
		return 0;
	}
	close(fd);
	fprintf(stderr, "asconf_inject: no SCTP packet sent to port %u\n",
		dport);
	return -1;
}

static int parse_v4(const char *s, struct in_addr *a)
{
	if (inet_pton(AF_INET, s, a) != 1) {
		fprintf(stderr, "asconf_inject: bad IPv4 address \"%s\"\n", s);
		return -1;
	}
	return 0;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: asconf_inject -s SRC -d DST -p DPORT -S SERIAL [-i IFACE]\n"
		"                     [-l LOOKUP] [-a ADD] [-t] [-n COUNT] [-T MS]\n");
	exit(1);
}

int main(int argc, char **argv)
{
	struct in_addr src = {}, dst = {}, lookup = {}, add = {};
	const char *ifname = NULL;
	int have_lookup = 0, have_add = 0, truncate = 0, count = 1;
	int timeout = 5000, dport = 0, have_serial = 0, opt, i, fd, len;
	static struct sctp_dar_asconf a;
	struct sockaddr_in to = { .sin_family = AF_INET };
	uint8_t pkt[1500];
	uint32_t serial = 0, vtag;
	uint16_t sport;
	struct ip *iph = (struct ip *)pkt;
	uint8_t *sh = pkt + 20;

	while ((opt = getopt(argc, argv, "i:s:d:p:S:l:a:tn:T:")) != -1) {
		switch (opt) {
		case 'i':
			ifname = optarg;
			break;
		case 's':
			if (parse_v4(optarg, &src))
				return 1;
			break;
		case 'd':
			if (parse_v4(optarg, &dst))
				return 1;
			break;
		case 'p':
			dport = atoi(optarg);
			break;
		case 'S':
			serial = strtoul(optarg, NULL, 0);
			have_serial = 1;
			break;
		case 'l':
			if (parse_v4(optarg, &lookup))
				return 1;
			have_lookup = 1;
			break;
		case 'a':
			if (parse_v4(optarg, &add))
				return 1;
			have_add = 1;
			break;
		case 't':
			truncate = 1;
			break;
		case 'n':
			count = atoi(optarg);
			break;
		case 'T':
			timeout = atoi(optarg);
			break;
		default:
			usage();
		}
	}
	if (!src.s_addr || !dst.s_addr || dport <= 0 ||
	    dport > 65535 || !have_serial || count < 1)
		usage();
	crc32c_init();
	if (learn(ifname, dport, timeout, &vtag, &sport))
		return 1;

	a.serial = serial;
	a.lookup.family = AF_INET;
	memcpy(a.lookup.addr, have_lookup ? &lookup : &src, 4);
	if (have_add) {
		a.n_req = 1;
		a.req[0].type = SCTP_DAR_PARAM_ADD_IP;
		a.req[0].crr_id = 1;
		a.req[0].addr.family = AF_INET;
		memcpy(a.req[0].addr.addr, &add, 4);
	}
	len = sctp_dar_asconf_encode(&a, sh + SCTP_HDR_LEN,
				     sizeof(pkt) - 20 - SCTP_HDR_LEN);
	if (len < 0) {
		fprintf(stderr, "asconf_inject: encode: %s\n", strerror(-len));
		return 1;
	}
	if (truncate) {
		uint8_t *cl = sh + SCTP_HDR_LEN + 2;
		int claimed = len + 8;

		cl[0] = claimed >> 8;
		cl[1] = claimed & 0xff;
	}

	memset(pkt, 0, 20 + SCTP_HDR_LEN);
	iph->ip_v = 4;
	iph->ip_hl = 5;
	iph->ip_len = htons(20 + SCTP_HDR_LEN + len);
	iph->ip_ttl = 64;
	iph->ip_p = IPPROTO_SCTP;
	iph->ip_src = src;
	iph->ip_dst = dst;
	sh[0] = sport >> 8;
	sh[1] = sport & 0xff;
	sh[2] = dport >> 8;
	sh[3] = dport & 0xff;
	sh[4] = vtag >> 24;
	sh[5] = (vtag >> 16) & 0xff;
	sh[6] = (vtag >> 8) & 0xff;
	sh[7] = vtag & 0xff;
	sctp_checksum(sh, SCTP_HDR_LEN + len);

	fd = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
	if (fd < 0) {
		perror("asconf_inject: raw socket");
		return 1;
	}
	to.sin_addr = dst;
	for (i = 0; i < count; i++) {
		if (sendto(fd, pkt, 20 + SCTP_HDR_LEN + len, 0,
			   (struct sockaddr *)&to, sizeof(to)) < 0) {
			perror("asconf_inject: sendto");
			return 1;
		}
	}
	close(fd);
	printf("vtag=0x%08x sport=%u sent=%d\n", vtag, sport, count);
	return 0;
}
