// SPDX-License-Identifier: GPL-2.0
/*
 * asconf_parse.c - reading an SCTP packet for the wire hook, read-only.
 *
 * The netfilter hook (asconf_hook.c) sees packets it does not own: at
 * LOCAL_IN only the IP header is sure to be linear, and the skb may be a
 * clone another reader (a tap) shares. So nothing here writes to the
 * packet: every byte is read through a struct sctp_dar_pkt_reader
 * (skb_header_pointer() in the kernel), which copies what is not
 * contiguous into a bounded buffer on the caller's stack.
 *
 * Work is bounded by the packet's length: the chunk walk advances at
 * least 4 bytes a step, the CRC32c reads each byte once, the INIT address
 * search looks at most at DAR_INIT_PARAMS_MAX parameters.
 *
 * Pure functions: no locks, no allocation, no global state. The host
 * fuzzer (tests/fuzz/asconf_parse_fuzz.c) builds this file with
 * tests/unit/kshim.h.
 *
 * Context: any (the hook calls them in softirq or with BH disabled).
 */
#include <linux/crc32c.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/string.h>

#include "asconf_parse.h"

#define DAR_CRC_STEP		256	/* bytes read at a time for the CRC */
#define DAR_INIT_PARAMS_MAX	64	/* parameters searched in an INIT */
#define DAR_ADDR_PARAM_MAX	20	/* an IPv6 address parameter */

static unsigned int dar_pad4(unsigned int len)
{
	return (len + 3) & ~3U;
}

/* Byte by byte: no unaligned access, and the same on the host. */
static u16 dar_be16(const u8 *p)
{
	return (u16)(p[0] << 8 | p[1]);
}

static u32 dar_le32(const u8 *p)
{
	return (u32)p[3] << 24 | (u32)p[2] << 16 | (u32)p[1] << 8 | p[0];
}

/**
 * sctp_dar_chunk_iter_init - start a walk over a packet's chunks
 * @it: the walk
 * @r: the packet
 * @thoff: offset of its SCTP common header
 *
 * Context: any.
 */
void sctp_dar_chunk_iter_init(struct sctp_dar_chunk_iter *it,
			      const struct sctp_dar_pkt_reader *r,
			      unsigned int thoff)
{
	it->r = r;
	it->off = thoff + SCTP_DAR_SCTPHDR_LEN;
	it->n = 0;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_chunk_iter_init);

/**
 * sctp_dar_chunk_next - the next chunk of a walk
 * @it: the walk
 * @ch: gets the chunk
 *
 * sctp.ko discards the rest of a packet from a chunk shorter than its
 * header or running past the end (sctp_inq_pop()), so the walk stops
 * there too: at the first with -EINVAL; the second is still returned
 * (its @ch->len says it overruns, so that a decoder can call it
 * malformed) and is the walk's last.
 *
 * Context: any.
 * Return: 1 with a chunk in @ch, 0 at the end of the packet, -EINVAL at a
 * chunk header that is cut short or claims less than itself (the walk
 * stays there).
 */
int sctp_dar_chunk_next(struct sctp_dar_chunk_iter *it,
			struct sctp_dar_chunk *ch)
{
	const struct sctp_dar_pkt_reader *r = it->r;
	u8 buf[SCTP_DAR_CHUNKHDR_LEN];
	const u8 *h;
	u16 len;

	if (it->off >= r->len)
		return 0;
	if (r->len - it->off < SCTP_DAR_CHUNKHDR_LEN)
		return -EINVAL;
	h = r->read(r->pkt, it->off, sizeof(buf), buf);
	if (!h)
		return -EINVAL;
	len = dar_be16(h + 2);
	if (len < SCTP_DAR_CHUNKHDR_LEN)
		return -EINVAL;
	ch->off = it->off;
	ch->len = len;
	ch->type = h[0];
	ch->flags = h[1];
	if (len > r->len - it->off)
		it->off = r->len;	/* overruns: the last one */
	else
		it->off += dar_pad4(len);
	it->n++;
	return 1;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_chunk_next);

/**
 * sctp_dar_sctp_crc_check - is the packet's CRC32c right?
 * @r: the packet
 * @thoff: offset of its SCTP common header
 *
 * RFC 9260 section 6.8: the CRC32c of the SCTP packet with the checksum
 * field taken as zero, stored least significant byte first. The field is
 * never written (sctp_compute_cksum() would zero it in the packet).
 *
 * Context: any.
 * Return: 1 if right, 0 if wrong, -EINVAL if the packet is shorter than
 * the common header.
 */
int sctp_dar_sctp_crc_check(const struct sctp_dar_pkt_reader *r,
			    unsigned int thoff)
{
	static const u8 zero[4];
	u8 buf[DAR_CRC_STEP];
	unsigned int off, n;
	const u8 *p;
	u32 crc, want;

	if (thoff > r->len || r->len - thoff < SCTP_DAR_SCTPHDR_LEN)
		return -EINVAL;
	p = r->read(r->pkt, thoff, SCTP_DAR_SCTPHDR_LEN, buf);
	if (!p)
		return -EINVAL;
	want = dar_le32(p + 8);
	crc = crc32c(~0U, p, 8);
	crc = crc32c(crc, zero, sizeof(zero));
	for (off = thoff + SCTP_DAR_SCTPHDR_LEN; off < r->len; off += n) {
		n = r->len - off < sizeof(buf) ? r->len - off : sizeof(buf);
		p = r->read(r->pkt, off, n, buf);
		if (!p)
			return -EINVAL;
		crc = crc32c(crc, p, n);
	}
	return ~crc == want;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_sctp_crc_check);

/**
 * sctp_dar_init_find - the INIT or INIT-ACK chunk a packet consists of
 * @r: the packet
 * @thoff: offset of its SCTP common header
 * @ch: gets the chunk
 *
 * INIT and INIT-ACK are never bundled (RFC 9260 section 6.10): the chunk
 * must be the packet's only one, whole, with its fixed part.
 *
 * Context: any.
 * Return: 1 with the chunk in @ch, 0 if the packet is something else,
 * -EINVAL if its first chunk is an INIT(-ACK) not alone or not whole.
 */
int sctp_dar_init_find(const struct sctp_dar_pkt_reader *r,
		       unsigned int thoff, struct sctp_dar_chunk *ch)
{
	struct sctp_dar_chunk_iter it;
	int ret;

	sctp_dar_chunk_iter_init(&it, r, thoff);
	ret = sctp_dar_chunk_next(&it, ch);
	if (ret <= 0)
		return ret;
	if (ch->type != SCTP_DAR_CID_INIT && ch->type != SCTP_DAR_CID_INIT_ACK)
		return 0;
	if (ch->len < SCTP_DAR_INIT_HDR_LEN || ch->len > r->len - ch->off ||
	    it.off != r->len)
		return -EINVAL;
	return 1;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_init_find);

/**
 * sctp_dar_init_lists - does an INIT(-ACK) chunk list an address?
 * @r: the packet
 * @ch: the chunk, from sctp_dar_init_find()
 * @a: the address
 *
 * Looks at most at DAR_INIT_PARAMS_MAX parameters; stops at one whose
 * length is short or runs past the chunk.
 *
 * Context: any.
 * Return: true if an IPv4 or IPv6 Address parameter of the chunk is @a.
 */
bool sctp_dar_init_lists(const struct sctp_dar_pkt_reader *r,
			 const struct sctp_dar_chunk *ch,
			 const struct sctp_dar_addr *a)
{
	unsigned int p = ch->off + SCTP_DAR_INIT_HDR_LEN, end, plen, i;
	u8 buf[DAR_ADDR_PARAM_MAX];
	struct sctp_dar_addr pa;
	const u8 *ph;
	u16 type;

	end = ch->off + ch->len;
	if (end > r->len)
		return false;
	for (i = 0; i < DAR_INIT_PARAMS_MAX && p + 4 <= end;
	     i++, p += dar_pad4(plen)) {
		ph = r->read(r->pkt, p, 4, buf);
		if (!ph)
			return false;
		type = dar_be16(ph);
		plen = dar_be16(ph + 2);
		if (plen < 4 || plen > end - p)
			return false;
		if ((type != SCTP_DAR_PARAM_IPV4 && type != SCTP_DAR_PARAM_IPV6) ||
		    plen > sizeof(buf))
			continue;
		ph = r->read(r->pkt, p, plen, buf);
		if (!ph || sctp_dar_addr_param_decode(ph, plen, &pa) < 0)
			continue;
		if (sctp_dar_addr_equal(&pa, a))
			return true;
	}
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_init_lists);
