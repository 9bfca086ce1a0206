// SPDX-License-Identifier: GPL-2.0
/*
 * pernet_test.c - suite sctp_dar_pernet: per-namespace state and the
 * module parameters it is seeded from.
 */
#include <kunit/test.h>
#include <linux/moduleparam.h>

#include "params.h"
#include "pernet.h"

static void sctp_dar_net_init_net_has_state(struct kunit *test)
{
	struct sctp_dar_net *dn = sctp_dar_net(&init_net);

	KUNIT_ASSERT_NOT_NULL(test, dn);
	KUNIT_EXPECT_PTR_EQ(test, dn->net, &init_net);
	KUNIT_EXPECT_LE(test, dn->debounce_ms, SCTP_DAR_DEBOUNCE_MS_MAX);
	KUNIT_EXPECT_LE(test, dn->grace_ms, SCTP_DAR_GRACE_MS_MAX);
}

/* Write @val through @ops into a scratch variable; return the errno. */
static int dar_test_param_set(const struct kernel_param_ops *ops,
			      const char *val, unsigned int *out)
{
	struct kernel_param kp = { .name = "test", .arg = out };

	return ops->set(val, &kp);
}

static void sctp_dar_debounce_ops_accepts_bounds(struct kunit *test)
{
	unsigned int v = 7;

	KUNIT_EXPECT_EQ(test, dar_test_param_set(&sctp_dar_debounce_ops, "0", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0U);
	KUNIT_EXPECT_EQ(test, dar_test_param_set(&sctp_dar_debounce_ops, "10000", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 10000U);
}

static void sctp_dar_debounce_ops_rejects_out_of_range(struct kunit *test)
{
	unsigned int v = 7;

	KUNIT_EXPECT_EQ(test, dar_test_param_set(&sctp_dar_debounce_ops, "10001", &v),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, dar_test_param_set(&sctp_dar_debounce_ops, "-1", &v),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, dar_test_param_set(&sctp_dar_debounce_ops, "ms", &v),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, v, 7U);
}

static void sctp_dar_grace_ops_rejects_out_of_range(struct kunit *test)
{
	unsigned int v = 7;

	KUNIT_EXPECT_EQ(test, dar_test_param_set(&sctp_dar_grace_ops, "600000", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 600000U);
	KUNIT_EXPECT_EQ(test, dar_test_param_set(&sctp_dar_grace_ops, "600001", &v),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, v, 600000U);
}

static struct kunit_case sctp_dar_pernet_cases[] = {
	KUNIT_CASE(sctp_dar_net_init_net_has_state),
	KUNIT_CASE(sctp_dar_debounce_ops_accepts_bounds),
	KUNIT_CASE(sctp_dar_debounce_ops_rejects_out_of_range),
	KUNIT_CASE(sctp_dar_grace_ops_rejects_out_of_range),
	{}
};

static struct kunit_suite sctp_dar_pernet_suite = {
	.name = "sctp_dar_pernet",
	.test_cases = sctp_dar_pernet_cases,
};

kunit_test_suite(sctp_dar_pernet_suite);
