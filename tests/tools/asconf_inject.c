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
 * Without -A no AUTH chunk goes with it: a kernel that requires AUTH for
 * ASCONF (net.sctp.addip_noauth_enable=0) discards it after sctp_dar looked
 * at it. With -A an AUTH chunk precedes it (shared key 0, HMAC SHA-1, a
 * wrong HMAC): "authenticated-looking", which the wire hook cannot tell
 * from a real one and sctp.ko discards with the rest of the packet.
 *
 * Options:
 *   -i IFACE   learn from packets on IFACE only
 *   -V VTAG    use this verification tag and -o's source port instead of
 *   -o SPORT   learning them (both or neither)
 *   -l LOOKUP  lookup address (default SRC)
 *   -a ADD     add an ADD-IP request for this IPv4 address
 *   -t         truncate: the chunk's length field claims 8 bytes more than
 *              the packet holds
 *   -A         an AUTH chunk (wrong HMAC) before the ASCONF
 *   -w         a wrong verification tag (the learned one, bits flipped):
 *              an off-path spoof
 *   -r N       N ADD-IP requests (10.0.3.1, 10.0.3.2, ...), beyond the 16
 *              the wire hook decodes if N > 16
 *   -P BYTES   an unrecognized parameter (type 0xBFFF: skip) of BYTES
 *              payload at the end of the ASCONF, to make it large
 *   -c N       N PAD chunks (RFC 4820) before the AUTH and ASCONF chunks
 *   -u N       first send N copies without the AUTH chunk (with -A), in
 *              the same burst as the COUNT packets
 *   -n COUNT   packets to send (default 1)
 *   -T MS      how long to wait for a packet to learn from (default 5000)
 *   -O         instead of an ASCONF, the answer of an endpoint that has no
 *              association for a packet (RFC 9260 section 8.4): one ABORT
 *              chunk with the T bit and the learned tag, from SRC:DPORT to
 *              DST and the learned source port. Run it on the host that
 *              sent the packet, SRC being the peer's address and DST one of
 *              this host's (-S is then not needed).
 *
 * Prints "vtag=0x... sport=N sent=COUNT" (the association's tag, even
 * with -w) on success; exit 0, 1 on error.
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
#include "crc32c.h"

#define SCTP_HDR_LEN	12
#define AUTH_LEN	(8 + 20)	/* AUTH chunk with a SHA-1 HMAC */
#define CODEC_MAX_REQ	16		/* what the encoder takes */

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
		"                     [-l LOOKUP] [-a ADD] [-t] [-A] [-w] [-r N]\n"
		"                     [-P BYTES] [-c N] [-u N] [-V VTAG -o SPORT]\n"
		"                     [-n COUNT] [-T MS]\n"
		"       asconf_inject -O -s SRC -d DST -p DPORT [-i IFACE]\n"
		"                     [-V VTAG -o SPORT] [-n COUNT] [-T MS]\n");
	exit(1);
}

int main(int argc, char **argv)
{
	struct in_addr src = {}, dst = {}, lookup = {}, add = {};
	const char *ifname = NULL;
	int have_lookup = 0, have_add = 0, truncate = 0, count = 1;
	int auth = 0, wrong_vtag = 0, nreq = 0, pad_bytes = 0, pad_chunks = 0;
	int have_vtag = 0, unauth = 0, have_sport = 0, ootb = 0;
	uint8_t *ck, *asc;
	size_t pre = 0, room;
	int timeout = 5000, dport = 0, have_serial = 0, opt, i, fd, len;
	static struct sctp_dar_asconf a;
	struct sockaddr_in to = { .sin_family = AF_INET };
	uint8_t pkt[1500], pkt2[1500];
	size_t len2 = 0;
	uint32_t serial = 0, vtag = 0, wire_vtag;
	uint16_t sport = 0;
	struct ip *iph = (struct ip *)pkt;
	uint8_t *sh = pkt + 20;

	while ((opt = getopt(argc, argv, "i:s:d:p:S:l:a:tAwr:P:c:u:V:o:n:T:O")) != -1) {
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
		case 'A':
			auth = 1;
			break;
		case 'w':
			wrong_vtag = 1;
			break;
		case 'r':
			nreq = atoi(optarg);
			break;
		case 'P':
			pad_bytes = atoi(optarg);
			break;
		case 'c':
			pad_chunks = atoi(optarg);
			break;
		case 'u':
			unauth = atoi(optarg);
			break;
		case 'V':
			vtag = strtoul(optarg, NULL, 0);
			have_vtag = 1;
			break;
		case 'o':
			sport = atoi(optarg);
			have_sport = 1;
			break;
		case 'n':
			count = atoi(optarg);
			break;
		case 'T':
			timeout = atoi(optarg);
			break;
		case 'O':
			ootb = 1;
			break;
		default:
			usage();
		}
	}
	if (!src.s_addr || !dst.s_addr || dport <= 0 ||
	    dport > 65535 || (!have_serial && !ootb) || count < 1 || nreq < 0 ||
	    nreq > 64 || pad_bytes < 0 || pad_bytes > 1200 ||
	    pad_chunks < 0 || pad_chunks > 64 || (have_add && nreq) ||
	    unauth < 0 || (unauth && !auth) || have_vtag != have_sport)
		usage();
	crc32c_init();
	if (!have_vtag && learn(ifname, dport, timeout, &vtag, &sport))
		return 1;
	/* The tag printed is the association's; -w sends another. */
	wire_vtag = wrong_vtag ? vtag ^ 0x5a5a5a5a : vtag;
	if (ootb) {
		/* The peer answering: its port is the source. */
		uint16_t learned = sport;

		sport = dport;
		dport = learned;
		asc = sh + SCTP_HDR_LEN;
		asc[0] = 6;		/* ABORT */
		asc[1] = 1;		/* T: the tag is the one received */
		asc[2] = 0;
		asc[3] = 4;
		len = 4;
		goto build;
	}

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
	for (i = 0; i < nreq && i < CODEC_MAX_REQ; i++) {
		a.req[i].type = SCTP_DAR_PARAM_ADD_IP;
		a.req[i].crr_id = i + 1;
		a.req[i].addr.family = AF_INET;
		a.req[i].addr.addr[0] = 10;
		a.req[i].addr.addr[2] = 3;
		a.req[i].addr.addr[3] = i + 1;
		a.n_req = i + 1;
	}

	/* PAD chunks, AUTH, then the ASCONF. */
	ck = sh + SCTP_HDR_LEN;
	room = sizeof(pkt) - 20 - SCTP_HDR_LEN;
	for (i = 0; i < pad_chunks; i++, pre += 4) {
		memset(ck + pre, 0, 4);
		ck[pre] = 0x84;
		ck[pre + 3] = 4;
	}
	if (auth) {
		memset(ck + pre, 0xa5, AUTH_LEN);
		ck[pre] = 0x0f;
		ck[pre + 1] = 0;
		ck[pre + 2] = 0;
		ck[pre + 3] = AUTH_LEN;
		ck[pre + 4] = 0;	/* shared key 0 */
		ck[pre + 5] = 0;
		ck[pre + 6] = 0;	/* HMAC 1: SHA-1 */
		ck[pre + 7] = 1;
		pre += AUTH_LEN;
	}
	asc = ck + pre;
	len = sctp_dar_asconf_encode(&a, asc, room - pre);
	if (len < 0) {
		fprintf(stderr, "asconf_inject: encode: %s\n", strerror(-len));
		return 1;
	}
	/* Requests beyond what the encoder takes, then the big parameter. */
	for (i = CODEC_MAX_REQ; i < nreq; i++) {
		if ((size_t)len + pre + 16 > room)
			usage();
		memcpy(asc + len, "\xc0\x01\x00\x10", 4);
		asc[len + 4] = 0;
		asc[len + 5] = 0;
		asc[len + 6] = 0;
		asc[len + 7] = i + 1;
		memcpy(asc + len + 8, "\x00\x05\x00\x08\x0a\x00\x03", 7);
		asc[len + 15] = i + 1;
		len += 16;
	}
	if (pad_bytes) {
		int plen = 4 + pad_bytes;

		if ((size_t)len + pre + ((plen + 3) & ~3) > room)
			usage();
		memset(asc + len, 0, (plen + 3) & ~3);
		asc[len] = 0xbf;
		asc[len + 1] = 0xff;
		asc[len + 2] = plen >> 8;
		asc[len + 3] = plen & 0xff;
		len += (plen + 3) & ~3;
	}
	asc[2] = len >> 8;
	asc[3] = len & 0xff;
	if (truncate) {
		int claimed = len + 8;

		asc[2] = claimed >> 8;
		asc[3] = claimed & 0xff;
	}
	len += pre;

build:
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
	sh[4] = wire_vtag >> 24;
	sh[5] = (wire_vtag >> 16) & 0xff;
	sh[6] = (wire_vtag >> 8) & 0xff;
	sh[7] = wire_vtag & 0xff;
	if (unauth) {
		/* The same packet without its AUTH chunk. */
		size_t at = 20 + SCTP_HDR_LEN + pad_chunks * 4;

		len2 = 20 + SCTP_HDR_LEN + len - AUTH_LEN;
		memcpy(pkt2, pkt, at);
		memcpy(pkt2 + at, pkt + at + AUTH_LEN, len2 - at);
		((struct ip *)pkt2)->ip_len = htons(len2);
		sctp_crc32c_set(pkt2 + 20, len2 - 20);
	}
	sctp_crc32c_set(sh, SCTP_HDR_LEN + len);

	fd = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
	if (fd < 0) {
		perror("asconf_inject: raw socket");
		return 1;
	}
	to.sin_addr = dst;
	for (i = 0; i < unauth; i++) {
		if (sendto(fd, pkt2, len2, 0, (struct sockaddr *)&to,
			   sizeof(to)) < 0) {
			perror("asconf_inject: sendto");
			return 1;
		}
	}
	for (i = 0; i < count; i++) {
		if (sendto(fd, pkt, 20 + SCTP_HDR_LEN + len, 0,
			   (struct sockaddr *)&to, sizeof(to)) < 0) {
			perror("asconf_inject: sendto");
			return 1;
		}
	}
	close(fd);
	printf("vtag=0x%08x sport=%u sent=%d\n", vtag, ootb ? dport : sport,
	       unauth + count);
	return 0;
}
