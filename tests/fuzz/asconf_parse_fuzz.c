// SPDX-License-Identifier: GPL-2.0
/*
 * asconf_parse_fuzz.c - libFuzzer harness for src/asconf_parse.c, the wire
 * hook's packet reading, on skb-shaped inputs.
 *
 * Input: one byte N (low 3 bits: 0-7 split points), N bytes of segment
 * lengths, one byte choosing the address the INIT search looks for, then
 * the SCTP packet (common header at offset 0). The packet is cut into
 * segments held in separate allocations, as an skb's head, page frags and
 * frag_list are, and read through a reader that, like skb_header_pointer(),
 * returns a pointer into a segment or copies across segments into the
 * caller's buffer; AddressSanitizer sees any read past a segment.
 *
 * Checked, against a reference over the flat packet: the chunk walk
 * (offsets, lengths, types, where and how it stops, progress at each
 * step, nothing after a chunk that overruns the packet), the CRC32c (computed with the checksum field taken as zero; the
 * packet is never written: it is compared with its copy after), the INIT
 * search (same answer over segments as over the flat packet), and no
 * read asks for more than DAR_FUZZ_READ_MAX bytes (the callers' bounded
 * buffers). Each ASCONF and ASCONF-ACK the walk finds is decoded as the
 * hook does (at most 1024 bytes).
 *
 * Built a second time with -DSCTP_DAR_FUZZ_GEN_CORPUS as a tool that
 * writes seed packets, so no binary file lives in the tree.
 */
#include <stdio.h>
#include <stdlib.h>

#include "asconf_codec.h"
#include "asconf_parse.h"

#ifndef SCTP_DAR_FUZZ_GEN_CORPUS

#define DAR_FUZZ_SEG_MAX	8
#define DAR_FUZZ_READ_MAX	256	/* the largest buffer a caller passes */
#define DAR_FUZZ_HOOK_BUF	1024	/* DAR_CHUNK_BUF in asconf_hook.c */

struct dar_segs {
	unsigned int n;
	const u8 *seg[DAR_FUZZ_SEG_MAX + 1];
	unsigned int start[DAR_FUZZ_SEG_MAX + 1];
	unsigned int len[DAR_FUZZ_SEG_MAX + 1];
	unsigned int total;
};

static void dar_fuzz_assert(bool ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "asconf_parse_fuzz: %s\n", what);
		abort();
	}
}

/* skb_header_pointer() over segments. */
static const void *dar_segs_read(const void *pkt, unsigned int off,
				 unsigned int len, void *buf)
{
	const struct dar_segs *s = pkt;
	unsigned int i, done = 0, o, n;

	dar_fuzz_assert(len && len <= DAR_FUZZ_READ_MAX, "read size");
	if (off > s->total || len > s->total - off)
		return NULL;
	for (i = 0; i < s->n; i++) {
		if (off >= s->start[i] + s->len[i])
			continue;
		o = off - s->start[i];
		if (!done && o + len <= s->len[i])
			return s->seg[i] + o;	/* contiguous */
		n = s->len[i] - o < len - done ? s->len[i] - o : len - done;
		memcpy((u8 *)buf + done, s->seg[i] + o, n);
		done += n;
		off += n;
		if (done == len)
			return buf;
	}
	dar_fuzz_assert(false, "segments shorter than their total");
	return NULL;
}

static const void *dar_flat_read(const void *pkt, unsigned int off,
				 unsigned int len, void *buf)
{
	const struct dar_segs *s = pkt;

	(void)buf;
	dar_fuzz_assert(len && len <= DAR_FUZZ_READ_MAX, "read size");
	if (off > s->total || len > s->total - off)
		return NULL;
	return s->seg[0] + off;
}

/* The reference walk over the flat packet. */
static int dar_ref_next(const u8 *p, unsigned int size, unsigned int *off,
			struct sctp_dar_chunk *ch)
{
	unsigned int len;

	if (*off >= size)
		return 0;
	if (size - *off < 4)
		return -EINVAL;
	len = get_unaligned_be16(p + *off + 2);
	if (len < 4)
		return -EINVAL;
	ch->off = *off;
	ch->len = len;
	ch->type = p[*off];
	ch->flags = p[*off + 1];
	if (len > size - *off)
		*off = size;
	else
		*off += (len + 3) & ~3U;
	return 1;
}

static u32 dar_ref_crc(const u8 *p, unsigned int size)
{
	static const u8 zero[4];
	u32 crc = crc32c(~0U, p, 8);

	crc = crc32c(crc, zero, 4);
	crc = crc32c(crc, p + 12, size - 12);
	return ~crc;
}

/* Decode a chunk the way the hook does: copy at most the hook's buffer. */
static void dar_fuzz_decode(const struct sctp_dar_pkt_reader *r,
			    const struct sctp_dar_chunk *ch)
{
	static struct sctp_dar_asconf a;
	static struct sctp_dar_asconf_ack k;
	static u8 chunk[DAR_FUZZ_HOOK_BUF];
	struct sctp_dar_codec_err err;
	unsigned int n, done, step;
	const void *p;

	if (ch->len > DAR_FUZZ_HOOK_BUF)
		return;		/* the hook: uninspected */
	n = ch->len < r->len - ch->off ? ch->len : r->len - ch->off;
	for (done = 0; done < n; done += step) {
		step = n - done < DAR_FUZZ_READ_MAX ? n - done : DAR_FUZZ_READ_MAX;
		p = r->read(r->pkt, ch->off + done, step, chunk + done);
		dar_fuzz_assert(p, "chunk unreadable");
		if (p != chunk + done)
			memcpy(chunk + done, p, step);
	}
	if (ch->type == SCTP_DAR_CID_ASCONF)
		sctp_dar_asconf_decode(chunk, n, 0, &a, &err);
	else
		sctp_dar_asconf_ack_decode(chunk, n, 0, &k, &err);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct sctp_dar_pkt_reader seg_r = { .read = dar_segs_read };
	struct sctp_dar_pkt_reader flat_r = { .read = dar_flat_read };
	struct sctp_dar_chunk ch, ref, ich, fch;
	struct sctp_dar_chunk_iter it;
	struct dar_segs segs = {}, flat = {};
	unsigned int nsplit, i, pos, off, want, prev;
	struct sctp_dar_addr a = {};
	const u8 *pkt, *ctl;
	u8 *copy, *pieces[DAR_FUZZ_SEG_MAX + 1];
	int ret, rret, fi, si;
	u8 addrsel;

	if (size < 2)
		return 0;
	nsplit = data[0] & 7;
	if (size < 2 + nsplit)
		return 0;
	ctl = data + 1;
	addrsel = data[1 + nsplit];
	pkt = data + 2 + nsplit;
	size -= 2 + nsplit;

	/* Segments in their own allocations, exactly sized. */
	for (i = 0, pos = 0; i <= nsplit; i++) {
		unsigned int len = i < nsplit ? ctl[i] : (unsigned int)size - pos;

		if (len > size - pos)
			len = size - pos;
		pieces[i] = malloc(len ? len : 1);
		memcpy(pieces[i], pkt + pos, len);
		segs.seg[i] = pieces[i];
		segs.start[i] = pos;
		segs.len[i] = len;
		pos += len;
	}
	segs.n = nsplit + 1;
	segs.total = size;
	seg_r.pkt = &segs;
	seg_r.len = size;
	copy = malloc(size ? size : 1);
	memcpy(copy, pkt, size);
	flat.n = 1;
	flat.seg[0] = copy;
	flat.len[0] = size;
	flat.total = size;
	flat_r.pkt = &flat;
	flat_r.len = size;

	/* The walk, step by step against the reference. */
	sctp_dar_chunk_iter_init(&it, &seg_r, 0);
	off = SCTP_DAR_SCTPHDR_LEN;
	for (;;) {
		prev = it.off;
		ret = sctp_dar_chunk_next(&it, &ch);
		rret = dar_ref_next(pkt, size, &off, &ref);
		dar_fuzz_assert(ret == rret, "walk differs from the reference");
		if (ret <= 0) {
			dar_fuzz_assert(it.off == prev, "walk moved on failure");
			break;
		}
		dar_fuzz_assert(it.off >= prev + 4 || it.off == size,
				"walk made no progress");
		dar_fuzz_assert(ch.off == ref.off && ch.len == ref.len &&
				ch.type == ref.type && ch.flags == ref.flags,
				"chunk differs from the reference");
		dar_fuzz_assert(it.off > ch.off, "walk went back");
		dar_fuzz_assert(ch.off + ch.len <= size || it.off == size,
				"walk goes on past an overrunning chunk");
		if (ch.type == SCTP_DAR_CID_ASCONF ||
		    ch.type == SCTP_DAR_CID_ASCONF_ACK)
			dar_fuzz_decode(&seg_r, &ch);
	}

	/* The CRC, read-only. */
	ret = sctp_dar_sctp_crc_check(&seg_r, 0);
	if (size < SCTP_DAR_SCTPHDR_LEN) {
		dar_fuzz_assert(ret == -EINVAL, "CRC of a headless packet");
	} else {
		want = (u32)pkt[8] | (u32)pkt[9] << 8 | (u32)pkt[10] << 16 |
		       (u32)pkt[11] << 24;
		dar_fuzz_assert(ret == (dar_ref_crc(pkt, size) == want),
				"CRC differs from the reference");
	}

	/* The INIT search, over segments as over the flat packet. */
	si = sctp_dar_init_find(&seg_r, 0, &ich);
	fi = sctp_dar_init_find(&flat_r, 0, &fch);
	dar_fuzz_assert(si == fi, "INIT found differently");
	if (si == 1) {
		dar_fuzz_assert(ich.off == fch.off && ich.len == fch.len,
				"INIT chunk differs");
		a.family = addrsel & 1 ? AF_INET6 : AF_INET;
		if (size) {
			for (i = 0; i < 16; i++)
				a.addr[i] = pkt[(addrsel / 2 + i) % size];
		}
		dar_fuzz_assert(sctp_dar_init_lists(&seg_r, &ich, &a) ==
				sctp_dar_init_lists(&flat_r, &fch, &a),
				"INIT search differs");
	}

	for (i = 0; i <= nsplit; i++) {
		dar_fuzz_assert(!memcmp(pieces[i], pkt + segs.start[i],
					segs.len[i]), "packet written");
		free(pieces[i]);
	}
	free(copy);
	return 0;
}

#else /* SCTP_DAR_FUZZ_GEN_CORPUS */

static void dar_write(const char *dir, const char *name, const u8 *buf,
		      size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(buf, 1, len, f) != len || fclose(f)) {
		perror(path);
		exit(1);
	}
}

static size_t dar_chunk(u8 *p, u8 type, const u8 *body, size_t blen)
{
	put_unaligned_be16((u16)(4 + blen), p + 2);
	p[0] = type;
	p[1] = 0;
	if (blen)
		memcpy(p + 4, body, blen);
	return (4 + blen + 3) & ~3UL;
}

/* A control prefix (split points), then an SCTP packet with a right CRC. */
static void dar_seed(const char *dir, const char *name, const u8 *split,
		     unsigned int nsplit, const u8 *sctp, size_t len)
{
	u8 buf[4096];
	size_t n = 0;
	u32 crc;

	buf[n++] = nsplit;
	memcpy(buf + n, split, nsplit);
	n += nsplit;
	buf[n++] = 0;
	memcpy(buf + n, sctp, len);
	memset(buf + n + 8, 0, 4);
	crc = ~crc32c(~0U, buf + n, (unsigned int)len);
	buf[n + 8] = crc & 0xff;
	buf[n + 9] = (crc >> 8) & 0xff;
	buf[n + 10] = (crc >> 16) & 0xff;
	buf[n + 11] = crc >> 24;
	dar_write(dir, name, buf, n + len);
}

int main(int argc, char **argv)
{
	static const u8 asconf[] = {	/* serial 1, lookup 10.0.1.1, ADD 10.0.2.1 */
		0, 0, 0, 1, 0x00, 0x05, 0x00, 0x08, 10, 0, 1, 1,
		0xC0, 0x01, 0x00, 0x10, 0, 0, 0, 1, 0x00, 0x05, 0x00, 0x08,
		10, 0, 2, 1,
	};
	static const u8 ack[] = { 0, 0, 0, 1, 0x80, 0x02, 0x00, 0x08, 0, 0, 0, 1 };
	static const u8 auth[24] = { 0, 0, 0, 1 };
	static const u8 init[] = {	/* tag, a_rwnd, streams, TSN, 2 addresses */
		1, 2, 3, 4, 0, 1, 0, 0, 0, 10, 0, 10, 0, 0, 0, 1,
		0x00, 0x05, 0x00, 0x08, 10, 0, 1, 1,
		0x00, 0x05, 0x00, 0x08, 10, 0, 2, 1,
	};
	static const u8 data[16] = { 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 };
	static const u8 split3[] = { 4, 13, 40 };
	static const u8 split1[] = { 14 };
	u8 pkt[2048] = { 0x13, 0x89, 0x15, 0x19, 1, 2, 3, 4 };
	size_t n;
	int i;

	if (argc != 2) {
		fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
		return 2;
	}
	n = 12;
	n += dar_chunk(pkt + n, SCTP_DAR_CID_AUTH, auth, sizeof(auth));
	n += dar_chunk(pkt + n, SCTP_DAR_CID_ASCONF, asconf, sizeof(asconf));
	n += dar_chunk(pkt + n, 0, data, sizeof(data));
	dar_seed(argv[1], "auth-asconf-data", split3, 3, pkt, n);
	dar_seed(argv[1], "auth-asconf-data-linear", NULL, 0, pkt, n);

	n = 12;
	n += dar_chunk(pkt + n, SCTP_DAR_CID_ASCONF_ACK, ack, sizeof(ack));
	dar_seed(argv[1], "asconf-ack", split1, 1, pkt, n);

	n = 12;
	for (i = 0; i < 20; i++)
		n += dar_chunk(pkt + n, 0x84, NULL, 0);	/* PAD chunks */
	n += dar_chunk(pkt + n, SCTP_DAR_CID_ASCONF, asconf, sizeof(asconf));
	dar_seed(argv[1], "asconf-after-20-chunks", split3, 3, pkt, n);

	n = 12;
	n += dar_chunk(pkt + n, SCTP_DAR_CID_INIT, init, sizeof(init));
	dar_seed(argv[1], "init", split1, 1, pkt, n);
	pkt[12] = SCTP_DAR_CID_INIT_ACK;
	dar_seed(argv[1], "init-ack", split3, 3, pkt, n);
	return 0;
}

#endif /* SCTP_DAR_FUZZ_GEN_CORPUS */
