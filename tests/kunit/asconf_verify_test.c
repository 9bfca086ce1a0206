// SPDX-License-Identifier: GPL-2.0
/*
 * asconf_verify_test.c - suite sctp_dar_asconf_verify: the wire check's
 * decisions (asconf_verify.c) on hand-made chunks, without packets.
 */
#include <kunit/test.h>
#include <linux/inet.h>
#include <linux/socket.h>
#include <linux/time64.h>

#include "asconf_verify.h"

static struct sctp_dar_addr dar_a4(const char *s)
{
	struct sctp_dar_addr a = { .family = AF_INET };

	WARN_ON(!in4_pton(s, -1, a.addr, -1, NULL));
	return a;
}

static struct sctp_dar_addr dar_a6(const char *s)
{
	struct sctp_dar_addr a = { .family = AF_INET6 };

	WARN_ON(!in6_pton(s, -1, a.addr, -1, NULL));
	return a;
}

/* A zeroed chunk, freed with the test (too big for the stack). */
static struct sctp_dar_asconf *dar_chunk(struct kunit *test)
{
	struct sctp_dar_asconf *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	return c;
}

/* A chunk with serial 101 adding @add (if not NULL) and facts that pass
 * every check: the association accepted serial 100 last.
 */
static void dar_good(struct sctp_dar_asconf *c, struct sctp_dar_verify_in *in,
		     const char *add)
{
	memset(c, 0, sizeof(*c));
	memset(in, 0, sizeof(*in));
	c->serial = 101;
	c->lookup = dar_a4("10.0.1.2");
	if (add) {
		c->n_req = 1;
		c->req[0].type = SCTP_DAR_PARAM_ADD_IP;
		c->req[0].crr_id = 1;
		c->req[0].addr = dar_a4(add);
	}
	in->chunk = c;
	in->src = dar_a4("10.0.1.2");
	in->vtag_ok = true;
	in->lookup_known = true;
	in->need_auth = true;
	in->has_auth = true;
	in->last_serial = 100;
	in->rate_ok = true;
}

static void sctp_dar_verify_asconf_all_good_ok(struct kunit *test)
{
	struct sctp_dar_verify_in in;
	struct sctp_dar_asconf *c = dar_chunk(test);

	dar_good(c, &in, "10.0.2.2");
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, NULL, NULL),
			SCTP_DAR_ASCONF_VERDICT_OK);
}

static void sctp_dar_verify_asconf_bad_vtag_first(struct kunit *test)
{
	struct sctp_dar_verify_in in;
	struct sctp_dar_asconf *c = dar_chunk(test);

	dar_good(c, &in, NULL);
	in.vtag_ok = false;
	in.lookup_known = false;	/* would fail too: vtag wins */
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, NULL, NULL),
			SCTP_DAR_ASCONF_VERDICT_BAD_VTAG);
}

static void sctp_dar_verify_asconf_unknown_lookup_bad_lookup(struct kunit *test)
{
	const struct sctp_dar_addr *bad = NULL;
	struct sctp_dar_verify_in in;
	struct sctp_dar_asconf *c = dar_chunk(test);

	dar_good(c, &in, NULL);
	in.lookup_known = false;
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, NULL, &bad),
			SCTP_DAR_ASCONF_VERDICT_BAD_LOOKUP);
	KUNIT_EXPECT_PTR_EQ(test, bad, &c->lookup);
}

static void sctp_dar_verify_asconf_same_serial_retransmit(struct kunit *test)
{
	struct sctp_dar_verify_in in;
	struct sctp_dar_asconf *c = dar_chunk(test);

	dar_good(c, &in, NULL);
	c->serial = 100;
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, NULL, NULL),
			SCTP_DAR_ASCONF_VERDICT_RETRANSMIT);
	KUNIT_EXPECT_FALSE(test, sctp_dar_verdict_drops(SCTP_DAR_ASCONF_VERDICT_RETRANSMIT,
							true));
}

static void sctp_dar_verify_asconf_older_serial_replay(struct kunit *test)
{
	struct sctp_dar_verify_in in;
	struct sctp_dar_asconf *c = dar_chunk(test);

	dar_good(c, &in, NULL);
	c->serial = 99;
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, NULL, NULL),
			SCTP_DAR_ASCONF_VERDICT_REPLAY);
	c->serial = 100 - 0x7fffffffU;	/* the oldest comparable serial */
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, NULL, NULL),
			SCTP_DAR_ASCONF_VERDICT_REPLAY);
}

static void sctp_dar_verify_asconf_gap_out_of_order(struct kunit *test)
{
	struct sctp_dar_verify_in in;
	struct sctp_dar_asconf *c = dar_chunk(test);

	dar_good(c, &in, NULL);
	c->serial = 102;
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, NULL, NULL),
			SCTP_DAR_ASCONF_VERDICT_OUT_OF_ORDER);
	c->serial = 100 + 0x80000000U;	/* incomparable: not new either */
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, NULL, NULL),
			SCTP_DAR_ASCONF_VERDICT_OUT_OF_ORDER);
}

static void sctp_dar_verify_asconf_serial_wrap_ok(struct kunit *test)
{
	struct sctp_dar_verify_in in;
	struct sctp_dar_asconf *c = dar_chunk(test);

	dar_good(c, &in, NULL);
	in.last_serial = 0xffffffffU;
	c->serial = 0;
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, NULL, NULL),
			SCTP_DAR_ASCONF_VERDICT_OK);
	c->serial = 0xfffffffeU;
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, NULL, NULL),
			SCTP_DAR_ASCONF_VERDICT_REPLAY);
}

static void sctp_dar_verify_asconf_denied_add_deny_listed(struct kunit *test)
{
	struct sctp_dar_deny_list *dl = kunit_kzalloc(test, sizeof(*dl),
						      GFP_KERNEL);
	const struct sctp_dar_addr *bad = NULL;
	struct sctp_dar_verify_in in;
	struct sctp_dar_asconf *c = dar_chunk(test);

	KUNIT_ASSERT_NOT_NULL(test, dl);
	KUNIT_ASSERT_EQ(test, sctp_dar_deny_parse("10.9.0.0/16", dl), 0);
	dar_good(c, &in, "10.9.3.4");
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, dl, &bad),
			SCTP_DAR_ASCONF_VERDICT_DENY_LISTED);
	KUNIT_EXPECT_PTR_EQ(test, bad, &c->req[0].addr);
	/* DELETE and SET PRIMARY of such an address are not additions. */
	c->req[0].type = SCTP_DAR_PARAM_DEL_IP;
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, dl, NULL),
			SCTP_DAR_ASCONF_VERDICT_OK);
}

static void sctp_dar_verify_asconf_wildcard_add_uses_source(struct kunit *test)
{
	struct sctp_dar_deny_list *dl = kunit_kzalloc(test, sizeof(*dl),
						      GFP_KERNEL);
	struct sctp_dar_verify_in in;
	struct sctp_dar_asconf *c = dar_chunk(test);

	KUNIT_ASSERT_NOT_NULL(test, dl);
	KUNIT_ASSERT_EQ(test, sctp_dar_deny_parse("10.9.0.0/16", dl), 0);
	dar_good(c, &in, "0.0.0.0");
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, dl, NULL),
			SCTP_DAR_ASCONF_VERDICT_OK);
	in.src = dar_a4("10.9.0.1");
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, dl, NULL),
			SCTP_DAR_ASCONF_VERDICT_DENY_LISTED);
}

static void sctp_dar_verify_asconf_over_rate_rate_limited(struct kunit *test)
{
	struct sctp_dar_verify_in in;
	struct sctp_dar_asconf *c = dar_chunk(test);

	dar_good(c, &in, NULL);
	in.rate_ok = false;
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, NULL, NULL),
			SCTP_DAR_ASCONF_VERDICT_RATE_LIMITED);
}

static void sctp_dar_verify_asconf_no_auth_unauthenticated(struct kunit *test)
{
	struct sctp_dar_verify_in in;
	struct sctp_dar_asconf *c = dar_chunk(test);

	dar_good(c, &in, NULL);
	in.has_auth = false;
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, NULL, NULL),
			SCTP_DAR_ASCONF_VERDICT_UNAUTHENTICATED);
	in.need_auth = false;	/* net.sctp.addip_noauth_enable=1 */
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, NULL, NULL),
			SCTP_DAR_ASCONF_VERDICT_OK);
}

/* AUTH is checked right after the tag: an ASCONF without it is refused
 * as such whatever else is wrong, before the rate (the hook takes a token
 * only for an ASCONF that passed every other check).
 */
static void sctp_dar_verify_asconf_no_auth_before_the_rest(struct kunit *test)
{
	struct sctp_dar_verify_in in;
	struct sctp_dar_asconf *c = dar_chunk(test);

	dar_good(c, &in, NULL);
	in.has_auth = false;
	in.lookup_known = false;
	in.last_serial = 200;
	in.rate_ok = false;
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, NULL, NULL),
			SCTP_DAR_ASCONF_VERDICT_UNAUTHENTICATED);
	in.vtag_ok = false;
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, NULL, NULL),
			SCTP_DAR_ASCONF_VERDICT_BAD_VTAG);
}

/* The rate comes last: whatever else fails is reported as that. */
static void sctp_dar_verify_asconf_rate_last(struct kunit *test)
{
	struct sctp_dar_verify_in in;
	struct sctp_dar_asconf *c = dar_chunk(test);

	dar_good(c, &in, NULL);
	in.rate_ok = false;
	in.last_serial = 200;
	KUNIT_EXPECT_EQ(test, sctp_dar_verify_asconf(&in, NULL, NULL),
			SCTP_DAR_ASCONF_VERDICT_REPLAY);
}

static void sctp_dar_verdict_drops_only_when_enforced(struct kunit *test)
{
	enum sctp_dar_asconf_verdict v;

	for (v = SCTP_DAR_ASCONF_VERDICT_OK;
	     v <= SCTP_DAR_ASCONF_VERDICT_UNINSPECTED; v++) {
		KUNIT_EXPECT_FALSE(test, sctp_dar_verdict_drops(v, false));
		KUNIT_EXPECT_EQ(test, sctp_dar_verdict_drops(v, true),
				v != SCTP_DAR_ASCONF_VERDICT_OK &&
				v != SCTP_DAR_ASCONF_VERDICT_RETRANSMIT);
		KUNIT_EXPECT_NE(test, sctp_dar_verdict_counter(v), 0U);
	}
}

static void sctp_dar_deny_parse_prefixes_match(struct kunit *test)
{
	struct sctp_dar_deny_list *dl = kunit_kzalloc(test, sizeof(*dl),
						      GFP_KERNEL);
	struct sctp_dar_addr a;

	KUNIT_ASSERT_NOT_NULL(test, dl);
	KUNIT_ASSERT_EQ(test,
			sctp_dar_deny_parse(" 10.9.0.0/16 , 2001:db8::/33,192.0.2.7\n",
					    dl), 0);
	KUNIT_EXPECT_EQ(test, dl->n, 3U);
	a = dar_a4("10.9.255.1");
	KUNIT_EXPECT_TRUE(test, sctp_dar_deny_match(dl, &a));
	a = dar_a4("10.10.0.1");
	KUNIT_EXPECT_FALSE(test, sctp_dar_deny_match(dl, &a));
	a = dar_a4("192.0.2.7");
	KUNIT_EXPECT_TRUE(test, sctp_dar_deny_match(dl, &a));
	a = dar_a4("192.0.2.8");
	KUNIT_EXPECT_FALSE(test, sctp_dar_deny_match(dl, &a));
	a = dar_a6("2001:db8:7fff::1");
	KUNIT_EXPECT_TRUE(test, sctp_dar_deny_match(dl, &a));
	a = dar_a6("2001:db8:8000::1");
	KUNIT_EXPECT_FALSE(test, sctp_dar_deny_match(dl, &a));
	KUNIT_EXPECT_FALSE(test, sctp_dar_deny_match(NULL, &a));
}

static void sctp_dar_deny_parse_host_bits_masked(struct kunit *test)
{
	struct sctp_dar_deny_list *dl = kunit_kzalloc(test, sizeof(*dl),
						      GFP_KERNEL);
	struct sctp_dar_addr a = dar_a4("10.9.1.0");

	KUNIT_ASSERT_NOT_NULL(test, dl);
	KUNIT_ASSERT_EQ(test, sctp_dar_deny_parse("10.9.1.77/20", dl), 0);
	KUNIT_EXPECT_EQ(test, dl->p[0].addr.addr[2], 0);
	KUNIT_EXPECT_EQ(test, dl->p[0].addr.addr[3], 0);
	KUNIT_EXPECT_TRUE(test, sctp_dar_deny_match(dl, &a));
}

static void sctp_dar_deny_parse_bad_rejected(struct kunit *test)
{
	static const char *const bad[] = {
		"10.9.0.0/33", "2001:db8::/129", "10.9.0.0/", "10.9.0/16",
		"bogus", "10.0.0.1,,10.0.0.2", "10.0.0.1/-1", "10.0.0.1/1234",
	};
	struct sctp_dar_deny_list *dl = kunit_kzalloc(test, sizeof(*dl),
						      GFP_KERNEL);
	char many[SCTP_DAR_DENY_MAX * 12 + 16] = "";
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, dl);
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KUNIT_EXPECT_EQ_MSG(test, sctp_dar_deny_parse(bad[i], dl),
				    -EINVAL, "%s", bad[i]);
	for (i = 0; i <= SCTP_DAR_DENY_MAX; i++)
		snprintf(many + strlen(many), sizeof(many) - strlen(many),
			 "%s10.0.0.%u", i ? "," : "", i);
	KUNIT_EXPECT_EQ(test, sctp_dar_deny_parse(many, dl), -E2BIG);
	KUNIT_EXPECT_EQ(test, sctp_dar_deny_parse("", dl), 0);
	KUNIT_EXPECT_EQ(test, dl->n, 0U);
}

static void sctp_dar_ratelimit_take_burst_then_rate(struct kunit *test)
{
	struct sctp_dar_ratelimit rl = {};
	u64 t = 1000 * NSEC_PER_SEC;
	unsigned int i;

	/* 10/s, burst 3: three at once, then one per 100 ms. */
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_TRUE(test, sctp_dar_ratelimit_take(&rl, t, 10, 3));
	KUNIT_EXPECT_FALSE(test, sctp_dar_ratelimit_take(&rl, t, 10, 3));
	KUNIT_EXPECT_FALSE(test, sctp_dar_ratelimit_take(&rl, t + 50 * NSEC_PER_MSEC,
							 10, 3));
	KUNIT_EXPECT_TRUE(test, sctp_dar_ratelimit_take(&rl, t + 100 * NSEC_PER_MSEC,
							10, 3));
	/* A long pause refills to the burst, no more. */
	t += 3600 * NSEC_PER_SEC;
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_TRUE(test, sctp_dar_ratelimit_take(&rl, t, 10, 3));
	KUNIT_EXPECT_FALSE(test, sctp_dar_ratelimit_take(&rl, t, 10, 3));
	/* Rate 0: no limit. */
	KUNIT_EXPECT_TRUE(test, sctp_dar_ratelimit_take(&rl, t, 0, 3));
}

static struct kunit_case sctp_dar_asconf_verify_cases[] = {
	KUNIT_CASE(sctp_dar_verify_asconf_all_good_ok),
	KUNIT_CASE(sctp_dar_verify_asconf_bad_vtag_first),
	KUNIT_CASE(sctp_dar_verify_asconf_unknown_lookup_bad_lookup),
	KUNIT_CASE(sctp_dar_verify_asconf_same_serial_retransmit),
	KUNIT_CASE(sctp_dar_verify_asconf_older_serial_replay),
	KUNIT_CASE(sctp_dar_verify_asconf_gap_out_of_order),
	KUNIT_CASE(sctp_dar_verify_asconf_serial_wrap_ok),
	KUNIT_CASE(sctp_dar_verify_asconf_denied_add_deny_listed),
	KUNIT_CASE(sctp_dar_verify_asconf_wildcard_add_uses_source),
	KUNIT_CASE(sctp_dar_verify_asconf_over_rate_rate_limited),
	KUNIT_CASE(sctp_dar_verify_asconf_no_auth_unauthenticated),
	KUNIT_CASE(sctp_dar_verify_asconf_no_auth_before_the_rest),
	KUNIT_CASE(sctp_dar_verify_asconf_rate_last),
	KUNIT_CASE(sctp_dar_verdict_drops_only_when_enforced),
	KUNIT_CASE(sctp_dar_deny_parse_prefixes_match),
	KUNIT_CASE(sctp_dar_deny_parse_host_bits_masked),
	KUNIT_CASE(sctp_dar_deny_parse_bad_rejected),
	KUNIT_CASE(sctp_dar_ratelimit_take_burst_then_rate),
	{}
};

static struct kunit_suite sctp_dar_asconf_verify_suite = {
	.name = "sctp_dar_asconf_verify",
	.test_cases = sctp_dar_asconf_verify_cases,
};

kunit_test_suite(sctp_dar_asconf_verify_suite);
