/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kshim.h - just enough of the kernel's types and helpers to build the
 * pure-function parts of sctp_dar (src/asconf_codec.c, src/asconf_parse.c)
 * in userspace.
 *
 * The host builds in tests/unit and tests/fuzz force-include it
 * (-include), so the kernel sources need no #ifdef __KERNEL__. The
 * kernel-only headers they include, <linux/export.h> and <linux/crc32c.h>,
 * are empty stubs the Makefiles generate in their build directory.
 */
#ifndef _SCTP_DAR_KSHIM_H
#define _SCTP_DAR_KSHIM_H

#include <arpa/inet.h>
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/types.h>	/* __u8, __be16, __be32 ... */

typedef __u8 u8;
typedef __u16 u16;
typedef __u32 u32;
typedef __u64 u64;
typedef __s8 s8;
typedef __s16 s16;
typedef __s32 s32;
typedef __s64 s64;

#define be16_to_cpu(x)	((u16)ntohs((u16)(x)))
#define be32_to_cpu(x)	((u32)ntohl((u32)(x)))
#define cpu_to_be16(x)	((__be16)htons((u16)(x)))
#define cpu_to_be32(x)	((__be32)htonl((u32)(x)))

static inline u16 get_unaligned_be16(const void *p)
{
	const u8 *b = p;

	return (u16)(b[0] << 8 | b[1]);
}

static inline u32 get_unaligned_be32(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3];
}

static inline void put_unaligned_be16(u16 v, void *p)
{
	u8 *b = p;

	b[0] = v >> 8;
	b[1] = v & 0xff;
}

static inline void put_unaligned_be32(u32 v, void *p)
{
	u8 *b = p;

	b[0] = v >> 24;
	b[1] = (v >> 16) & 0xff;
	b[2] = (v >> 8) & 0xff;
	b[3] = v & 0xff;
}

/* CRC32c (Castagnoli, reflected), as the kernel's crc32c(): no pre- or
 * post-inversion, the caller does both. For src/asconf_parse.c; the
 * Makefiles generate an empty <linux/crc32c.h>.
 */
static inline u32 crc32c(u32 crc, const void *p, unsigned int len)
{
	static u32 tab[256];
	const u8 *b = p;
	u32 c;
	int i, j;

	if (!tab[1]) {
		for (i = 0; i < 256; i++) {
			c = i;
			for (j = 0; j < 8; j++)
				c = c & 1 ? (c >> 1) ^ 0x82F63B78u : c >> 1;
			tab[i] = c;
		}
	}
	while (len--)
		crc = tab[(crc ^ *b++) & 0xff] ^ (crc >> 8);
	return crc;
}

/* Exports mean nothing here (a stray ';' at file scope is valid GNU C). */
#define SCTP_DAR_SHIM_NOEXPORT(sym)
#define EXPORT_SYMBOL		SCTP_DAR_SHIM_NOEXPORT
#define EXPORT_SYMBOL_GPL	SCTP_DAR_SHIM_NOEXPORT
#define EXPORT_SYMBOL_IF_KUNIT	SCTP_DAR_SHIM_NOEXPORT
#define VISIBLE_IF_KUNIT

#define fallthrough	__attribute__((__fallthrough__))

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif
#define BIT(n)		(1UL << (n))

#endif /* _SCTP_DAR_KSHIM_H */
