/* SPDX-License-Identifier: GPL-2.0 */
/*
 * crc32c.h - the CRC32c of SCTP (RFC 9260 appendix B) for the test tools:
 * reflected polynomial 0x82F63B78, one table, a byte at a time (the tools
 * that use it check or fix a few packets, not a stream).
 */
#ifndef SCTP_DAR_TOOLS_CRC32C_H
#define SCTP_DAR_TOOLS_CRC32C_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static uint32_t crc32c_tab[256];

static void crc32c_init(void)
{
	uint32_t c;
	int i, j;

	for (i = 0; i < 256; i++) {
		c = i;
		for (j = 0; j < 8; j++)
			c = c & 1 ? (c >> 1) ^ 0x82F63B78u : c >> 1;
		crc32c_tab[i] = c;
	}
}

/* The checksum an SCTP packet of @len bytes at @sctp must carry: the
 * CRC32c over the packet with its checksum field taken as zero.
 */
static inline uint32_t sctp_crc32c(const uint8_t *sctp, size_t len)
{
	uint32_t crc = ~0u;
	size_t i;

	for (i = 0; i < len; i++) {
		uint8_t b = i >= 8 && i < 12 ? 0 : sctp[i];

		crc = crc32c_tab[(crc ^ b) & 0xff] ^ (crc >> 8);
	}
	return ~crc;
}

/* Read the checksum an SCTP packet carries (least significant byte first). */
static inline uint32_t sctp_crc32c_get(const uint8_t *sctp)
{
	return (uint32_t)sctp[8] | (uint32_t)sctp[9] << 8 |
	       (uint32_t)sctp[10] << 16 | (uint32_t)sctp[11] << 24;
}

/* Compute and store the checksum of an SCTP packet of @len bytes. */
static inline void sctp_crc32c_set(uint8_t *sctp, size_t len)
{
	uint32_t crc = sctp_crc32c(sctp, len);

	sctp[8] = crc & 0xff;
	sctp[9] = (crc >> 8) & 0xff;
	sctp[10] = (crc >> 16) & 0xff;
	sctp[11] = crc >> 24;
}

#endif
