/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asconf_parse.h - reading an SCTP packet for the wire hook without
 * writing to it: the chunk walk, the CRC32c check and the INIT(-ACK)
 * address search, over a read callback, so that the kernel (an skb, read
 * with skb_header_pointer()) and the host fuzzer (tests/fuzz, buffers in
 * pieces) run the same code.
 */
#ifndef _SCTP_DAR_ASCONF_PARSE_H
#define _SCTP_DAR_ASCONF_PARSE_H

#include <linux/types.h>

#include "asconf_codec.h"

#define SCTP_DAR_SCTPHDR_LEN	12	/* the common header */
#define SCTP_DAR_CHUNKHDR_LEN	4
#define SCTP_DAR_INIT_HDR_LEN	(SCTP_DAR_CHUNKHDR_LEN + 16)
#define SCTP_DAR_CID_INIT	1
#define SCTP_DAR_CID_INIT_ACK	2
#define SCTP_DAR_CID_AUTH	0x0F	/* RFC 4895 section 4.2 */

/**
 * typedef sctp_dar_read_t - read bytes of a packet
 * @pkt: the packet (a struct sk_buff in the kernel)
 * @off: offset of the first byte wanted
 * @len: bytes wanted; the caller's @buf holds at least that many
 * @buf: where to copy them if they are not contiguous in @pkt
 *
 * Must not write to @pkt. Return: @len bytes at @off (in @pkt or in
 * @buf), or %NULL if the packet ends before.
 */
typedef const void *(*sctp_dar_read_t)(const void *pkt, unsigned int off,
				       unsigned int len, void *buf);

/**
 * struct sctp_dar_pkt_reader - a packet to read
 * @read: how
 * @pkt: what
 * @len: its length in bytes, counted from offset 0
 */
struct sctp_dar_pkt_reader {
	sctp_dar_read_t read;
	const void *pkt;
	unsigned int len;
};

/**
 * struct sctp_dar_chunk - one chunk found by sctp_dar_chunk_next()
 * @off: offset of its header in the packet
 * @len: its length field (header included, padding not)
 * @type: its type
 * @flags: its flags
 */
struct sctp_dar_chunk {
	unsigned int off;
	u16 len;
	u8 type;
	u8 flags;
};

/**
 * struct sctp_dar_chunk_iter - a walk over the chunks of one packet
 * @r: the packet
 * @off: offset of the next chunk header
 * @n: chunks returned so far
 */
struct sctp_dar_chunk_iter {
	const struct sctp_dar_pkt_reader *r;
	unsigned int off;
	unsigned int n;
};

void sctp_dar_chunk_iter_init(struct sctp_dar_chunk_iter *it,
			      const struct sctp_dar_pkt_reader *r,
			      unsigned int thoff);
int sctp_dar_chunk_next(struct sctp_dar_chunk_iter *it,
			struct sctp_dar_chunk *ch);
int sctp_dar_sctp_crc_check(const struct sctp_dar_pkt_reader *r,
			    unsigned int thoff);
int sctp_dar_init_find(const struct sctp_dar_pkt_reader *r,
		       unsigned int thoff, struct sctp_dar_chunk *ch);
bool sctp_dar_init_lists(const struct sctp_dar_pkt_reader *r,
			 const struct sctp_dar_chunk *ch,
			 const struct sctp_dar_addr *a);

#endif /* _SCTP_DAR_ASCONF_PARSE_H */
