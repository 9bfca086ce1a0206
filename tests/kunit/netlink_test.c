// SPDX-License-Identifier: GPL-2.0
/*
 * netlink_test.c - suite sctp_dar_netlink: parsing request addresses,
 * building event messages, and counting events.
 */
#include <kunit/test.h>
#include <linux/inet.h>
#include <net/genetlink.h>
#include <net/sctp/structs.h>

#include "netlink.h"
#include "netlink_gen.h"
#include "pernet.h"

/* A nest (type 1) holding up to two attributes; a type of 0 leaves one out. */
static struct nlattr *dar_test_nest(struct kunit *test, struct sk_buff *skb,
				    int type1, const void *p1, int len1,
				    int type2, const void *p2, int len2)
{
	struct nlattr *nest = nla_nest_start(skb, 1);

	KUNIT_ASSERT_NOT_NULL(test, nest);
	if (type1)
		KUNIT_ASSERT_EQ(test, nla_put(skb, type1, len1, p1), 0);
	if (type2)
		KUNIT_ASSERT_EQ(test, nla_put(skb, type2, len2, p2), 0);
	nla_nest_end(skb, nest);
	return nest;
}

static struct sk_buff *dar_test_skb(struct kunit *test)
{
	struct sk_buff *skb = alloc_skb(NLMSG_GOODSIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, skb);
	return skb;
}

static void sctp_dar_nl_addr_parse_ipv4(struct kunit *test)
{
	struct sk_buff *skb = dar_test_skb(test);
	__be32 a4 = in_aton("10.0.2.1");
	struct netlink_ext_ack extack = {};
	union sctp_addr addr;
	struct nlattr *nest;

	nest = dar_test_nest(test, skb, SCTP_DAR_A_ADDR_IPV4, &a4, 4, 0, NULL, 0);
	KUNIT_EXPECT_EQ(test, sctp_dar_nl_addr_parse(nest, &addr, &extack), 0);
	KUNIT_EXPECT_EQ(test, addr.sa.sa_family, AF_INET);
	KUNIT_EXPECT_EQ(test, (__force u32)addr.v4.sin_addr.s_addr, (__force u32)a4);
	KUNIT_EXPECT_EQ(test, (__force u16)addr.v4.sin_port, 0);
	kfree_skb(skb);
}

static void sctp_dar_nl_addr_parse_ipv6(struct kunit *test)
{
	struct sk_buff *skb = dar_test_skb(test);
	struct netlink_ext_ack extack = {};
	struct in6_addr a6 = {};
	union sctp_addr addr;
	struct nlattr *nest;

	a6.s6_addr[0] = 0xfd;
	a6.s6_addr[15] = 1;
	nest = dar_test_nest(test, skb, SCTP_DAR_A_ADDR_IPV6, &a6, 16, 0, NULL, 0);
	KUNIT_EXPECT_EQ(test, sctp_dar_nl_addr_parse(nest, &addr, &extack), 0);
	KUNIT_EXPECT_EQ(test, addr.sa.sa_family, AF_INET6);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&addr.v6.sin6_addr, &a6));
	kfree_skb(skb);
}

static void sctp_dar_nl_addr_parse_empty_rejected(struct kunit *test)
{
	struct sk_buff *skb = dar_test_skb(test);
	struct netlink_ext_ack extack = {};
	union sctp_addr addr;
	struct nlattr *nest;

	nest = dar_test_nest(test, skb, 0, NULL, 0, 0, NULL, 0);
	KUNIT_EXPECT_EQ(test, sctp_dar_nl_addr_parse(nest, &addr, &extack), -EINVAL);
	KUNIT_EXPECT_STREQ(test, extack._msg, "address needs ipv4 or ipv6");
	KUNIT_EXPECT_PTR_EQ(test, extack.bad_attr, (const struct nlattr *)nest);
	kfree_skb(skb);
}

static void sctp_dar_nl_addr_parse_both_rejected(struct kunit *test)
{
	struct sk_buff *skb = dar_test_skb(test);
	struct netlink_ext_ack extack = {};
	struct in6_addr a6 = {};
	__be32 a4 = in_aton("10.0.2.1");
	union sctp_addr addr;
	struct nlattr *nest;

	nest = dar_test_nest(test, skb, SCTP_DAR_A_ADDR_IPV4, &a4, 4,
			     SCTP_DAR_A_ADDR_IPV6, &a6, 16);
	KUNIT_EXPECT_EQ(test, sctp_dar_nl_addr_parse(nest, &addr, &extack), -EINVAL);
	KUNIT_EXPECT_STREQ(test, extack._msg, "address has both ipv4 and ipv6");
	kfree_skb(skb);
}

static void sctp_dar_nl_addr_parse_short_ipv6_rejected(struct kunit *test)
{
	struct sk_buff *skb = dar_test_skb(test);
	struct netlink_ext_ack extack = {};
	u8 a6[4] = {};
	union sctp_addr addr;
	struct nlattr *nest;

	nest = dar_test_nest(test, skb, SCTP_DAR_A_ADDR_IPV6, a6, 4, 0, NULL, 0);
	KUNIT_EXPECT_LT(test, sctp_dar_nl_addr_parse(nest, &addr, &extack), 0);
	kfree_skb(skb);
}

/* Parse the attributes of the event message built in @skb. */
static void dar_test_parse_event(struct kunit *test, struct sk_buff *skb,
				 struct nlattr **tb)
{
	struct nlmsghdr *nlh = nlmsg_hdr(skb);
	struct genlmsghdr *g = nlmsg_data(nlh);

	KUNIT_ASSERT_EQ(test, g->cmd, SCTP_DAR_CMD_EVENT);
	KUNIT_ASSERT_EQ(test, nlmsg_parse(nlh, GENL_HDRLEN, tb,
					  SCTP_DAR_A_EVENT_MAX, NULL, NULL), 0);
}

static void sctp_dar_nl_event_fill_ignored(struct kunit *test)
{
	struct nlattr *tb[SCTP_DAR_A_EVENT_MAX + 1];
	struct sk_buff *skb = dar_test_skb(test);
	struct netlink_ext_ack extack = {};
	union sctp_addr addr = {}, back;
	struct sctp_dar_event ev = {
		.type = SCTP_DAR_EVENT_TYPE_EVENT_IGNORED,
		.reason = SCTP_DAR_IGNORE_REASON_LINK_LOCAL,
		.ifindex = 7,
		.addr = &addr,
	};

	addr.v6.sin6_family = AF_INET6;
	addr.v6.sin6_addr.s6_addr[0] = 0xfe;
	addr.v6.sin6_addr.s6_addr[1] = 0x80;
	KUNIT_ASSERT_EQ(test, sctp_dar_nl_event_fill(skb, &ev, 0, 0), 0);
	dar_test_parse_event(test, skb, tb);
	KUNIT_ASSERT_NOT_NULL(test, tb[SCTP_DAR_A_EVENT_TYPE]);
	KUNIT_EXPECT_EQ(test, nla_get_u32(tb[SCTP_DAR_A_EVENT_TYPE]),
			(u32)SCTP_DAR_EVENT_TYPE_EVENT_IGNORED);
	KUNIT_ASSERT_NOT_NULL(test, tb[SCTP_DAR_A_EVENT_REASON]);
	KUNIT_EXPECT_EQ(test, nla_get_u32(tb[SCTP_DAR_A_EVENT_REASON]),
			(u32)SCTP_DAR_IGNORE_REASON_LINK_LOCAL);
	KUNIT_ASSERT_NOT_NULL(test, tb[SCTP_DAR_A_EVENT_IFINDEX]);
	KUNIT_EXPECT_EQ(test, nla_get_u32(tb[SCTP_DAR_A_EVENT_IFINDEX]), 7U);
	KUNIT_ASSERT_NOT_NULL(test, tb[SCTP_DAR_A_EVENT_ADDR]);
	KUNIT_EXPECT_EQ(test, sctp_dar_nl_addr_parse(tb[SCTP_DAR_A_EVENT_ADDR],
						     &back, &extack), 0);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&back.v6.sin6_addr,
						&addr.v6.sin6_addr));
	/* What the event does not have is absent, not zero. */
	KUNIT_EXPECT_NULL(test, tb[SCTP_DAR_A_EVENT_ASSOC_ID]);
	KUNIT_EXPECT_NULL(test, tb[SCTP_DAR_A_EVENT_LOCAL_PORT]);
	KUNIT_EXPECT_NULL(test, tb[SCTP_DAR_A_EVENT_SERIAL]);
	KUNIT_EXPECT_NULL(test, tb[SCTP_DAR_A_EVENT_ERROR_CAUSE]);
	kfree_skb(skb);
}

static void sctp_dar_nl_event_fill_asconf_serial_zero(struct kunit *test)
{
	struct nlattr *tb[SCTP_DAR_A_EVENT_MAX + 1];
	struct sk_buff *skb = dar_test_skb(test);
	struct sctp_dar_event ev = {
		.type = SCTP_DAR_EVENT_TYPE_ASCONF_REJECTED,
		.assoc_id = 42,
		.lport = 5001,
		.pport = 6001,
		.serial = 0,
		.has_serial = true,
		.error_cause = SCTP_DAR_ERROR_CAUSE_DELETE_LAST_ADDRESS,
	};

	KUNIT_ASSERT_EQ(test, sctp_dar_nl_event_fill(skb, &ev, 0, 0), 0);
	dar_test_parse_event(test, skb, tb);
	KUNIT_ASSERT_NOT_NULL(test, tb[SCTP_DAR_A_EVENT_SERIAL]);
	KUNIT_EXPECT_EQ(test, nla_get_u32(tb[SCTP_DAR_A_EVENT_SERIAL]), 0U);
	KUNIT_ASSERT_NOT_NULL(test, tb[SCTP_DAR_A_EVENT_ASSOC_ID]);
	KUNIT_EXPECT_EQ(test, nla_get_u32(tb[SCTP_DAR_A_EVENT_ASSOC_ID]), 42U);
	KUNIT_ASSERT_NOT_NULL(test, tb[SCTP_DAR_A_EVENT_LOCAL_PORT]);
	KUNIT_EXPECT_EQ(test, ntohs(nla_get_be16(tb[SCTP_DAR_A_EVENT_LOCAL_PORT])),
			5001);
	KUNIT_ASSERT_NOT_NULL(test, tb[SCTP_DAR_A_EVENT_PEER_PORT]);
	KUNIT_EXPECT_EQ(test, ntohs(nla_get_be16(tb[SCTP_DAR_A_EVENT_PEER_PORT])),
			6001);
	KUNIT_ASSERT_NOT_NULL(test, tb[SCTP_DAR_A_EVENT_ERROR_CAUSE]);
	KUNIT_EXPECT_EQ(test, nla_get_u32(tb[SCTP_DAR_A_EVENT_ERROR_CAUSE]), 160U);
	KUNIT_EXPECT_NULL(test, tb[SCTP_DAR_A_EVENT_ADDR]);
	kfree_skb(skb);
}

static void sctp_dar_nl_event_fill_no_room(struct kunit *test)
{
	struct sk_buff *skb = alloc_skb(256, GFP_KERNEL);
	struct sctp_dar_event ev = {
		.type = SCTP_DAR_EVENT_TYPE_ADDR_ADDED,
		.assoc_id = 1,
	};

	KUNIT_ASSERT_NOT_NULL(test, skb);
	/* Room for the headers and the type, not for the association id. */
	skb_reserve(skb, skb_tailroom(skb) - (NLMSG_HDRLEN + GENL_HDRLEN + 8));
	KUNIT_EXPECT_EQ(test, sctp_dar_nl_event_fill(skb, &ev, 0, 0), -EMSGSIZE);
	KUNIT_EXPECT_EQ(test, skb->len, 0U);
	kfree_skb(skb);
}

static void sctp_dar_nl_event_counts_without_listeners(struct kunit *test)
{
	struct sctp_dar_net *dn = sctp_dar_net(&init_net);
	u64 ignored, changes;
	int gen;

	ignored = sctp_dar_stats_read(&dn->stats, SCTP_DAR_A_STATS_EVENTS_IGNORED);
	changes = sctp_dar_stats_read(&dn->stats, SCTP_DAR_A_STATS_PRIMARY_CHANGES);
	gen = atomic_read(&dn->nl_gen);

	sctp_dar_nl_event_ignored(&init_net, SCTP_DAR_IGNORE_REASON_LOOPBACK, 1,
				  NULL, NULL);
	KUNIT_EXPECT_EQ(test, sctp_dar_stats_read(&dn->stats,
						  SCTP_DAR_A_STATS_EVENTS_IGNORED),
			ignored + 1);
	/* An ignored event changes no association: dumps go on. */
	KUNIT_EXPECT_EQ(test, atomic_read(&dn->nl_gen), gen);

	sctp_dar_nl_event_addr(&init_net, SCTP_DAR_EVENT_TYPE_PEER_PRIMARY_SET,
			       NULL, NULL);
	KUNIT_EXPECT_EQ(test, sctp_dar_stats_read(&dn->stats,
						  SCTP_DAR_A_STATS_PRIMARY_CHANGES),
			changes + 1);
	KUNIT_EXPECT_NE(test, atomic_read(&dn->nl_gen), gen);
}

static struct kunit_case sctp_dar_netlink_cases[] = {
	KUNIT_CASE(sctp_dar_nl_addr_parse_ipv4),
	KUNIT_CASE(sctp_dar_nl_addr_parse_ipv6),
	KUNIT_CASE(sctp_dar_nl_addr_parse_empty_rejected),
	KUNIT_CASE(sctp_dar_nl_addr_parse_both_rejected),
	KUNIT_CASE(sctp_dar_nl_addr_parse_short_ipv6_rejected),
	KUNIT_CASE(sctp_dar_nl_event_fill_ignored),
	KUNIT_CASE(sctp_dar_nl_event_fill_asconf_serial_zero),
	KUNIT_CASE(sctp_dar_nl_event_fill_no_room),
	KUNIT_CASE(sctp_dar_nl_event_counts_without_listeners),
	{}
};

static struct kunit_suite sctp_dar_netlink_suite = {
	.name = "sctp_dar_netlink",
	.test_cases = sctp_dar_netlink_cases,
};

kunit_test_suite(sctp_dar_netlink_suite);
