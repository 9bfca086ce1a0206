// SPDX-License-Identifier: GPL-2.0
/*
 * sctp_crccheck - check the CRC32c of every SCTP packet in a capture, as a
 * receiver that computes it (any non-Linux stack, usrsctp) would.
 *
 * Usage:
 *   sctp_crccheck [-u PORT] [-t TYPE] FILE.pcap
 *
 * Reads a classic pcap file (tcpdump -w, Ethernet link type, either byte
 * order, micro- or nanosecond), takes every IPv4 or IPv6 packet that
 * carries SCTP: plain (protocol 132) and, with -u, UDP-encapsulated
 * (RFC 6951: UDP source or destination port PORT), computes the CRC32c
 * of the SCTP packet (RFC 9260 appendix B) and prints one line of JSON:
 *   {"sctp": N, "plain": N, "udp": N, "bad_crc": N, "over_1500": N,
 *    "bad_crc_over_1500": N, "max_ip_len": N, "truncated": N,
 *    "with_chunk": N}
 * "over_1500": packets whose IP length exceeds 1500 bytes (a GSO
 * super-packet on a 1500-byte link: nothing on such a wire may be that
 * long); "truncated": packets the capture cut short (not checked);
 * "with_chunk": with -t, packets holding a chunk of type TYPE (e.g. 6,
 * ABORT), else 0.
 * Exit 0 after printing; 1 on a bad file; 2 on bad usage.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crc32c.h"

#define SNAP_MAX	(256 * 1024)

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t sw32(uint32_t v, int swap)
{
	if (!swap)
		return v;
	return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
}

struct counts {
	unsigned long sctp, plain, udp, bad, over, bad_over, trunc, max_len;
	unsigned long with_chunk;
};

/* Does the SCTP packet @p of @len bytes hold a chunk of @type? */
static int has_chunk(const uint8_t *p, size_t len, int type)
{
	size_t off = 12, clen;

	while (off + 4 <= len) {
		if (p[off] == type)
			return 1;
		clen = be16(p + off + 2);
		if (clen < 4)
			return 0;
		off += (clen + 3) & ~(size_t)3;
	}
	return 0;
}

/* One Ethernet frame of @caplen bytes captured, @wirelen on the wire. */
static void frame(const uint8_t *f, size_t caplen, size_t wirelen,
		  unsigned int port, int type, struct counts *n)
{
	size_t off = 14, iplen, l4, end;
	uint16_t et;
	uint8_t proto;
	uint32_t want;
	int encap = 0;

	if (caplen < 14)
		return;
	et = be16(f + 12);
	if (et == 0x8100 && caplen >= 18) {
		et = be16(f + 16);
		off = 18;
	}
	if (et == 0x0800) {
		if (caplen < off + 20)
			return;
		iplen = be16(f + off + 2);
		l4 = off + (f[off] & 0x0f) * 4;
		proto = f[off + 9];
		if (be16(f + off + 6) & 0x3fff)	/* a fragment */
			return;
	} else if (et == 0x86dd) {
		if (caplen < off + 40)
			return;
		iplen = 40 + be16(f + off + 4);
		l4 = off + 40;
		proto = f[off + 6];	/* no extension headers here */
	} else {
		return;
	}
	end = off + iplen;
	if (proto == 17 && port) {
		if (caplen < l4 + 8 ||
		    (be16(f + l4) != port && be16(f + l4 + 2) != port))
			return;
		l4 += 8;
		encap = 1;
	} else if (proto != 132) {
		return;
	}
	n->sctp++;
	if (encap)
		n->udp++;
	else
		n->plain++;
	if (iplen > n->max_len)
		n->max_len = iplen;
	if (iplen > 1500)
		n->over++;
	if (end > caplen || end > wirelen || end < l4 + 12) {
		n->trunc++;
		return;
	}
	want = sctp_crc32c_get(f + l4);
	if (type >= 0 && has_chunk(f + l4, end - l4, type))
		n->with_chunk++;
	if (sctp_crc32c(f + l4, end - l4) != want) {
		n->bad++;
		if (iplen > 1500)
			n->bad_over++;
	}
}

int main(int argc, char **argv)
{
	static uint8_t buf[SNAP_MAX];
	struct counts n = { 0 };
	unsigned int port = 0;
	int type = -1;
	uint32_t gh[6], rh[4];
	int c, swap;
	FILE *fp;

	while ((c = getopt(argc, argv, "u:t:")) != -1) {
		switch (c) {
		case 't':
			type = atoi(optarg);
			if (type < 0 || type > 255) {
				fprintf(stderr, "sctp_crccheck: bad chunk type '%s'\n", optarg);
				return 2;
			}
			break;
		case 'u':
			port = (unsigned int)strtoul(optarg, NULL, 10);
			if (!port || port > 65535) {
				fprintf(stderr, "sctp_crccheck: bad port '%s'\n", optarg);
				return 2;
			}
			break;
		default:
			fprintf(stderr, "usage: sctp_crccheck [-u PORT] [-t TYPE] FILE.pcap\n");
			return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "usage: sctp_crccheck [-u PORT] [-t TYPE] FILE.pcap\n");
		return 2;
	}
	crc32c_init();
	fp = fopen(argv[optind], "rb");
	if (!fp || fread(gh, sizeof(gh), 1, fp) != 1) {
		fprintf(stderr, "sctp_crccheck: cannot read %s\n", argv[optind]);
		return 1;
	}
	if (gh[0] == 0xa1b2c3d4U || gh[0] == 0xa1b23c4dU) {
		swap = 0;
	} else if (gh[0] == 0xd4c3b2a1U || gh[0] == 0x4d3cb2a1U) {
		swap = 1;
	} else {
		fprintf(stderr, "sctp_crccheck: %s is not a pcap file\n", argv[optind]);
		return 1;
	}
	if (sw32(gh[5], swap) != 1) {
		fprintf(stderr, "sctp_crccheck: link type %u, not Ethernet\n",
			sw32(gh[5], swap));
		return 1;
	}
	while (fread(rh, sizeof(rh), 1, fp) == 1) {
		uint32_t caplen = sw32(rh[2], swap), wirelen = sw32(rh[3], swap);

		if (caplen > sizeof(buf) || fread(buf, caplen, 1, fp) != 1) {
			fprintf(stderr, "sctp_crccheck: bad record\n");
			return 1;
		}
		frame(buf, caplen, wirelen, port, type, &n);
	}
	fclose(fp);
	printf("{\"sctp\": %lu, \"plain\": %lu, \"udp\": %lu, \"bad_crc\": %lu, "
	       "\"over_1500\": %lu, \"bad_crc_over_1500\": %lu, "
	       "\"max_ip_len\": %lu, \"truncated\": %lu, \"with_chunk\": %lu}\n",
	       n.sctp, n.plain, n.udp, n.bad, n.over, n.bad_over, n.max_len,
	       n.trunc, n.with_chunk);
	return 0;
}
