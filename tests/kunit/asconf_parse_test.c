// SPDX-License-Identifier: GPL-2.0
/*
 * asconf_parse_test.c - suite sctp_dar_asconf_parse: the wire hook reads
 * packets (asconf_parse.c through sctp_dar_skb_reader()) whatever their
 * shape, and never writes to them.
 *
 * The packets are SCTP packets (common header at offset 0) built as a
 * receiving device may hand them over: all in the linear area, or with
 * only a few bytes there and the rest, SCTP header included, in a page
 * fragment; and as a clone sharing its data with another reader. Their
 * CRC32c comes from sctp.ko's own sctp_compute_cksum() over a linear
 * copy.
 */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/skbuff.h>
#include <net/sctp/checksum.h>

#include "asconf_hook.h"
#include "asconf_parse.h"

#define DAR_PKT_MAX	512

/* SCTP header, 20 PAD chunks, AUTH (24 bytes of HMAC), ASCONF adding
 * 10.0.2.1, DATA: what a peer padding its way past a 16-chunk bound sends.
 */
static unsigned int dar_test_pkt(u8 *p)
{
	static const u8 asconf[] = {
		0xC1, 0, 0, 32, 0, 0, 0, 1, 0x00, 0x05, 0x00, 0x08,
		10, 0, 1, 1, 0xC0, 0x01, 0x00, 0x10, 0, 0, 0, 1,
		0x00, 0x05, 0x00, 0x08, 10, 0, 2, 1,
	};
	static const u8 data[] = {
		0, 3, 0, 20, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
		'd', 'a', 't', 'a',
	};
	unsigned int n = 12, i;

	memset(p, 0, DAR_PKT_MAX);
	p[0] = 0x13;	/* ports 5001 -> 5401, tag 0x01020304 */
	p[1] = 0x89;
	p[2] = 0x15;
	p[3] = 0x19;
	p[4] = 1;
	p[5] = 2;
	p[6] = 3;
	p[7] = 4;
	for (i = 0; i < 20; i++, n += 4) {
		p[n] = 0x84;
		p[n + 3] = 4;
	}
	p[n] = SCTP_DAR_CID_AUTH;
	p[n + 3] = 8 + 20;
	p[n + 5] = 1;	/* key 1, HMAC 1 (SHA-1): 20 bytes */
	p[n + 7] = 1;
	n += 28;
	memcpy(p + n, asconf, sizeof(asconf));
	n += sizeof(asconf);
	memcpy(p + n, data, sizeof(data));
	return n + sizeof(data);
}

/* The CRC32c sctp.ko computes, stored in @p. */
static void dar_test_sign(struct kunit *test, u8 *p, unsigned int len)
{
	struct sk_buff *skb = alloc_skb(len, GFP_KERNEL);
	__le32 crc;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_put_data(skb, p, len);
	crc = sctp_compute_cksum(skb, 0);
	memcpy(p + 8, &crc, sizeof(crc));
	kfree_skb(skb);
}

/* @p as an skb with @head bytes linear and the rest in a page fragment
 * (all linear if @head is @len).
 */
static struct sk_buff *dar_test_skb(struct kunit *test, const u8 *p,
				    unsigned int len, unsigned int head)
{
	struct sk_buff *skb = alloc_skb(head, GFP_KERNEL);
	struct page *page;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_put_data(skb, p, head);
	if (head < len) {
		page = alloc_page(GFP_KERNEL);
		if (!page)
			kfree_skb(skb);
		KUNIT_ASSERT_NOT_NULL(test, page);
		memcpy(page_address(page), p + head, len - head);
		skb_add_rx_frag(skb, 0, page, 0, len - head, PAGE_SIZE);
	}
	KUNIT_EXPECT_EQ(test, skb->len, len);
	KUNIT_EXPECT_EQ(test, skb_headlen(skb), head);
	return skb;
}

/* Every byte of @skb is still @p's. */
static void dar_test_unchanged(struct kunit *test, const struct sk_buff *skb,
			       const u8 *p, unsigned int len)
{
	u8 *now = kunit_kzalloc(test, len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, now);
	KUNIT_ASSERT_EQ(test, skb_copy_bits(skb, 0, now, len), 0);
	KUNIT_EXPECT_EQ(test, memcmp(now, p, len), 0);
}

/* The right CRC is recognised, linear or not, and nothing is written. */
static void sctp_dar_sctp_crc_check_nonlinear_right(struct kunit *test)
{
	static const unsigned int heads[] = { 4, 12, 13, 100 };
	struct sctp_dar_pkt_reader r;
	struct sk_buff *skb;
	unsigned int len, i;
	u8 *p;

	p = kunit_kzalloc(test, DAR_PKT_MAX, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	len = dar_test_pkt(p);
	dar_test_sign(test, p, len);
	for (i = 0; i < ARRAY_SIZE(heads); i++) {
		skb = dar_test_skb(test, p, len, heads[i]);
		sctp_dar_skb_reader(&r, skb);
		KUNIT_EXPECT_EQ_MSG(test, sctp_dar_sctp_crc_check(&r, 0), 1,
				    "%u bytes linear", heads[i]);
		dar_test_unchanged(test, skb, p, len);
		kfree_skb(skb);
	}
	skb = dar_test_skb(test, p, len, len);
	sctp_dar_skb_reader(&r, skb);
	KUNIT_EXPECT_EQ(test, sctp_dar_sctp_crc_check(&r, 0), 1);
	dar_test_unchanged(test, skb, p, len);
	kfree_skb(skb);
}

/* A wrong CRC (one bit of the payload in the fragment) is seen as such. */
static void sctp_dar_sctp_crc_check_nonlinear_wrong(struct kunit *test)
{
	struct sctp_dar_pkt_reader r;
	struct sk_buff *skb;
	unsigned int len;
	u8 *p;

	p = kunit_kzalloc(test, DAR_PKT_MAX, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	len = dar_test_pkt(p);
	dar_test_sign(test, p, len);
	p[len - 1] ^= 1;
	skb = dar_test_skb(test, p, len, 4);
	sctp_dar_skb_reader(&r, skb);
	KUNIT_EXPECT_EQ(test, sctp_dar_sctp_crc_check(&r, 0), 0);
	kfree_skb(skb);
}

/* A clone shares its data with the original (a tap's copy): checking the
 * clone leaves the shared bytes as they were.
 */
static void sctp_dar_sctp_crc_check_clone_untouched(struct kunit *test)
{
	struct sctp_dar_pkt_reader r;
	struct sk_buff *skb, *clone;
	unsigned int len;
	u8 *p;

	p = kunit_kzalloc(test, DAR_PKT_MAX, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	len = dar_test_pkt(p);
	dar_test_sign(test, p, len);
	skb = dar_test_skb(test, p, len, len);
	clone = skb_clone(skb, GFP_KERNEL);
	if (!clone)
		kfree_skb(skb);
	KUNIT_ASSERT_NOT_NULL(test, clone);
	sctp_dar_skb_reader(&r, clone);
	KUNIT_EXPECT_EQ(test, sctp_dar_sctp_crc_check(&r, 0), 1);
	dar_test_unchanged(test, skb, p, len);
	kfree_skb(clone);
	kfree_skb(skb);
}

/* The walk goes past 16 chunks and across the linear/fragment boundary,
 * and finds AUTH before ASCONF.
 */
static void sctp_dar_chunk_next_nonlinear_finds_asconf(struct kunit *test)
{
	struct sctp_dar_pkt_reader r;
	struct sctp_dar_chunk_iter it;
	struct sctp_dar_chunk ch;
	unsigned int len, asconf = 0, auth = 0;
	struct sk_buff *skb;
	int ret;
	u8 *p;

	p = kunit_kzalloc(test, DAR_PKT_MAX, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	len = dar_test_pkt(p);
	skb = dar_test_skb(test, p, len, 30);
	sctp_dar_skb_reader(&r, skb);
	sctp_dar_chunk_iter_init(&it, &r, 0);
	while ((ret = sctp_dar_chunk_next(&it, &ch)) > 0) {
		if (ch.type == SCTP_DAR_CID_AUTH)
			auth = it.n;
		if (ch.type == SCTP_DAR_CID_ASCONF)
			asconf = it.n;
	}
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, auth, 21U);
	KUNIT_EXPECT_EQ(test, asconf, 22U);
	KUNIT_EXPECT_EQ(test, it.n, 23U);
	kfree_skb(skb);
}

/* A chunk whose length runs past the packet is the walk's last (sctp.ko
 * stops processing there); one claiming less than its header stops it.
 */
static void sctp_dar_chunk_next_overrun_stops(struct kunit *test)
{
	struct sctp_dar_pkt_reader r;
	struct sctp_dar_chunk_iter it;
	struct sctp_dar_chunk ch;
	struct sk_buff *skb;
	unsigned int len;
	u8 *p;

	p = kunit_kzalloc(test, DAR_PKT_MAX, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	len = dar_test_pkt(p);
	p[12 + 3] = 100;	/* the first PAD chunk claims 100 bytes */
	skb = dar_test_skb(test, p, len, len);
	sctp_dar_skb_reader(&r, skb);
	sctp_dar_chunk_iter_init(&it, &r, 0);
	KUNIT_EXPECT_EQ(test, sctp_dar_chunk_next(&it, &ch), 1);
	p[12 + 2] = 1;		/* now 356 bytes: past the end */
	kfree_skb(skb);
	skb = dar_test_skb(test, p, len, len);
	sctp_dar_skb_reader(&r, skb);
	sctp_dar_chunk_iter_init(&it, &r, 0);
	KUNIT_EXPECT_EQ(test, sctp_dar_chunk_next(&it, &ch), 1);
	KUNIT_EXPECT_EQ(test, ch.len, 356);
	KUNIT_EXPECT_EQ(test, sctp_dar_chunk_next(&it, &ch), 0);
	KUNIT_EXPECT_EQ(test, it.n, 1U);
	kfree_skb(skb);
	p[12 + 2] = 0;
	p[12 + 3] = 3;		/* shorter than a chunk header */
	skb = dar_test_skb(test, p, len, len);
	sctp_dar_skb_reader(&r, skb);
	sctp_dar_chunk_iter_init(&it, &r, 0);
	KUNIT_EXPECT_EQ(test, sctp_dar_chunk_next(&it, &ch), -EINVAL);
	KUNIT_EXPECT_EQ(test, it.n, 0U);
	kfree_skb(skb);
}

static struct kunit_case sctp_dar_asconf_parse_cases[] = {
	KUNIT_CASE(sctp_dar_sctp_crc_check_nonlinear_right),
	KUNIT_CASE(sctp_dar_sctp_crc_check_nonlinear_wrong),
	KUNIT_CASE(sctp_dar_sctp_crc_check_clone_untouched),
	KUNIT_CASE(sctp_dar_chunk_next_nonlinear_finds_asconf),
	KUNIT_CASE(sctp_dar_chunk_next_overrun_stops),
	{}
};

static struct kunit_suite sctp_dar_asconf_parse_suite = {
	.name = "sctp_dar_asconf_parse",
	.test_cases = sctp_dar_asconf_parse_cases,
};

kunit_test_suite(sctp_dar_asconf_parse_suite);
