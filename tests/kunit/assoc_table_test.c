// SPDX-License-Identifier: GPL-2.0
/*
 * assoc_table_test.c - suite sctp_dar_assoc_table: the engine's
 * per-association state (assoc.c): identity, the extension that exists
 * only while needed, mark-and-sweep, and the memory budget of a managed
 * association. No SCTP association is needed: entries are keyed by
 * made-up identities and never dereference them.
 */
#include <kunit/test.h>
#include <linux/in.h>
#include <linux/slab.h>

#include "assoc.h"

/* A table, freed with the test (too big for the stack). */
static struct sctp_dar_assoc_table *dar_table(struct kunit *test)
{
	struct sctp_dar_assoc_table *t = kunit_kzalloc(test, sizeof(*t),
						       GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	sctp_dar_assoc_table_init(t);
	return t;
}

static struct sctp_dar_asockey dar_key(unsigned long id, u32 tag)
{
	return (struct sctp_dar_asockey){
		.asoc = (const void *)(0x1000 + id * 64), .tag = tag,
		.serial = 7,
	};
}

static void dar_addr4(union sctp_addr *a, __be32 ip)
{
	memset(a, 0, sizeof(*a));
	a->v4.sin_family = AF_INET;
	a->v4.sin_addr.s_addr = ip;
}

/* Every managed association carries struct sctp_dar_assoc, and every
 * one-to-one socket struct sctp_dar_sockstate: together within the
 * 256-byte budget of make bench's scenario 6, with room for the
 * namespace's fixed state amortised.
 */
static void dar_test_budget(struct kunit *test)
{
	size_t per_assoc = sizeof(struct sctp_dar_assoc) +
			   sizeof(struct sctp_dar_sockstate);

	kunit_info(test, "per association %zu + per socket %zu bytes\n",
		   sizeof(struct sctp_dar_assoc),
		   sizeof(struct sctp_dar_sockstate));
	KUNIT_EXPECT_LE(test, per_assoc, 232);
}

static void dar_test_identity(struct kunit *test)
{
	struct sctp_dar_assoc_table *t = dar_table(test);
	struct sctp_dar_asockey k1 = dar_key(1, 0xaa), k2 = dar_key(2, 0xbb);
	struct sctp_dar_assoc *a, *b;
	bool created;

	KUNIT_EXPECT_NULL(test, sctp_dar_assoc_find(t, &k1));
	a = sctp_dar_assoc_get(t, &k1, &created);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_TRUE(test, created);
	KUNIT_EXPECT_EQ(test, a->addip_serial, 7U);
	KUNIT_EXPECT_EQ(test, a->stage, (u8)SCTP_DAR_ST_IDLE);
	KUNIT_EXPECT_PTR_EQ(test, sctp_dar_assoc_find(t, &k1), a);
	KUNIT_EXPECT_PTR_EQ(test, sctp_dar_assoc_get(t, &k1, &created), a);
	KUNIT_EXPECT_FALSE(test, created);

	b = sctp_dar_assoc_get(t, &k2, &created);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_PTR_NE(test, a, b);
	KUNIT_EXPECT_EQ(test, t->count, 2U);

	/* Same address, new tag: a freed and reused association. Its old
	 * state (and extension) goes; the entry is reused.
	 */
	a->stats.errors = 3;
	KUNIT_ASSERT_NOT_NULL(test, sctp_dar_assoc_ext(a));
	k1.tag = 0xcc;
	KUNIT_EXPECT_NULL(test, sctp_dar_assoc_find(t, &k1));
	KUNIT_EXPECT_PTR_EQ(test, sctp_dar_assoc_get(t, &k1, &created), a);
	KUNIT_EXPECT_TRUE(test, created);
	KUNIT_EXPECT_EQ(test, a->stats.errors, 0U);
	KUNIT_EXPECT_NULL(test, a->ext);
	KUNIT_EXPECT_EQ(test, t->count, 2U);

	sctp_dar_assoc_sweep(t, true);
	KUNIT_EXPECT_EQ(test, t->count, 0U);
}

static void dar_test_ext(struct kunit *test)
{
	static const size_t keeps[] = {
		offsetof(struct sctp_dar_assoc_ext, pin_want),
		offsetof(struct sctp_dar_assoc_ext, pin_path),
		offsetof(struct sctp_dar_assoc_ext, q_choice),
		offsetof(struct sctp_dar_assoc_ext, q_cand),
	};
	struct sctp_dar_assoc_table *t = dar_table(test);
	struct sctp_dar_asockey k = dar_key(3, 1);
	struct sctp_dar_assoc_ext *x;
	struct sctp_dar_assoc *a;
	bool created;
	unsigned int i;

	a = sctp_dar_assoc_get(t, &k, &created);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_NULL(test, a->ext);
	sctp_dar_assoc_ext_trim(a);	/* nothing to trim */
	KUNIT_EXPECT_NULL(test, a->ext);

	x = sctp_dar_assoc_ext(a);
	KUNIT_ASSERT_NOT_NULL(test, x);
	KUNIT_EXPECT_PTR_EQ(test, sctp_dar_assoc_ext(a), x);
	sctp_dar_assoc_ext_trim(a);	/* empty: freed */
	KUNIT_EXPECT_NULL(test, a->ext);

	/* A heartbeat path matters while the heartbeat is awaited only. */
	x = sctp_dar_assoc_ext(a);
	KUNIT_ASSERT_NOT_NULL(test, x);
	dar_addr4(&x->hb_path, htonl(0x0a000202));
	a->stage = SCTP_DAR_ST_WAIT_HB;
	sctp_dar_assoc_ext_trim(a);
	KUNIT_EXPECT_PTR_EQ(test, a->ext, x);
	a->stage = SCTP_DAR_ST_IDLE;
	sctp_dar_assoc_ext_trim(a);
	KUNIT_EXPECT_NULL(test, a->ext);

	/* A pin, a quality choice or candidate keeps it, each alone. */
	for (i = 0; i < ARRAY_SIZE(keeps); i++) {
		union sctp_addr *f;

		x = sctp_dar_assoc_ext(a);
		KUNIT_ASSERT_NOT_NULL(test, x);
		f = (union sctp_addr *)((u8 *)x + keeps[i]);
		dar_addr4(f, htonl(0x0a000201));
		sctp_dar_assoc_ext_trim(a);
		KUNIT_EXPECT_PTR_EQ(test, a->ext, x);
		memset(f, 0, sizeof(*f));
		sctp_dar_assoc_ext_trim(a);
		KUNIT_EXPECT_NULL(test, a->ext);
	}

	/* Freed with its entry (kmemleak checks it on the debug kernel). */
	KUNIT_ASSERT_NOT_NULL(test, sctp_dar_assoc_ext(a));
	dar_addr4(&a->ext->pin_want, htonl(0x0a000201));
	sctp_dar_assoc_sweep(t, true);
	KUNIT_EXPECT_EQ(test, t->count, 0U);
}

static void dar_test_sweep(struct kunit *test)
{
	struct sctp_dar_assoc_table *t = dar_table(test);
	struct sctp_dar_asockey k[3];
	bool created;
	int i;

	for (i = 0; i < 3; i++) {
		k[i] = dar_key(10 + i, i + 1);
		KUNIT_ASSERT_NOT_NULL(test, sctp_dar_assoc_get(t, &k[i],
							       &created));
	}
	sctp_dar_assoc_sweep(t, false);	/* all seen in this walk */
	KUNIT_EXPECT_EQ(test, t->count, 3U);

	/* The next walk sees only the first and the last. */
	KUNIT_EXPECT_NOT_NULL(test, sctp_dar_assoc_get(t, &k[0], &created));
	KUNIT_EXPECT_NOT_NULL(test, sctp_dar_assoc_get(t, &k[2], &created));
	sctp_dar_assoc_sweep(t, false);
	KUNIT_EXPECT_EQ(test, t->count, 2U);
	KUNIT_EXPECT_NOT_NULL(test, sctp_dar_assoc_find(t, &k[0]));
	KUNIT_EXPECT_NULL(test, sctp_dar_assoc_find(t, &k[1]));
	KUNIT_EXPECT_NOT_NULL(test, sctp_dar_assoc_find(t, &k[2]));

	/* A walk that sees nothing frees everything. */
	sctp_dar_assoc_sweep(t, false);
	KUNIT_EXPECT_EQ(test, t->count, 0U);
	KUNIT_EXPECT_NULL(test, sctp_dar_assoc_find(t, &k[0]));
}

static struct kunit_case dar_assoc_table_cases[] = {
	KUNIT_CASE(dar_test_budget),
	KUNIT_CASE(dar_test_identity),
	KUNIT_CASE(dar_test_ext),
	KUNIT_CASE(dar_test_sweep),
	{}
};

static struct kunit_suite dar_assoc_table_suite = {
	.name = "sctp_dar_assoc_table",
	.test_cases = dar_assoc_table_cases,
};

kunit_test_suite(dar_assoc_table_suite);
