// SPDX-License-Identifier: GPL-2.0
/*
 * policy_test.c - suite sctp_dar_policy: the decisions of policy.c, on
 * hand-made snapshots (no sockets, no clock).
 */
#include <kunit/test.h>
#include <linux/inet.h>
#include <linux/jiffies.h>

#include "policy.h"

/* Times used by the snapshots, in jiffies. */
#define T_BOOT		1000UL
#define T_SOCK		2000UL	/* the socket was first seen */
#define T_NEW		3000UL	/* a new address appeared */
#define T_NOW		4000UL

static union sctp_addr dar_v4(const char *s)
{
	union sctp_addr a = {};

	a.v4.sin_family = AF_INET;
	WARN_ON(!in4_pton(s, -1, (u8 *)&a.v4.sin_addr.s_addr, -1, NULL));
	return a;
}

static union sctp_addr dar_v6(const char *s)
{
	union sctp_addr a = {};

	a.v6.sin6_family = AF_INET6;
	WARN_ON(!in6_pton(s, -1, a.v6.sin6_addr.s6_addr, -1, NULL));
	return a;
}

/* Append a host address to @hv. */
static struct sctp_dar_haddr *dar_host(struct sctp_dar_hostview *hv,
				       const char *s, int ifindex, u32 flags,
				       unsigned long since)
{
	struct sctp_dar_haddr *ha = &hv->a[hv->n++];

	ha->a = strchr(s, ':') ? dar_v6(s) : dar_v4(s);
	ha->ifindex = ifindex;
	ha->flags = flags;
	ha->since = since;
	ha->up_since = since;
	return ha;
}

static void dar_asoc_laddr(struct sctp_dar_asocview *av, const char *s, u8 state)
{
	av->l[av->nl].a = dar_v4(s);
	av->l[av->nl].state = state;
	av->nl++;
}

static void dar_asoc_ok(struct sctp_dar_asocview *av)
{
	av->established = true;
	av->asconf_capable = true;
	av->auth_capable = true;
	av->auth_asconf = true;
}

/* The snapshots of one case (too big for the stack under KASAN). */
struct dar_fix {
	struct sctp_dar_hostview hv;
	struct sctp_dar_ep_plan plan;
	struct sctp_dar_sockview sv;
	struct sctp_dar_asocview av;
	struct sctp_dar_policy_cfg cfg;	/* too large for the stack */
};

static int dar_policy_test_init(struct kunit *test)
{
	test->priv = kunit_kzalloc(test, sizeof(struct dar_fix), GFP_KERNEL);
	return test->priv ? 0 : -ENOMEM;
}

static const struct sctp_dar_policy_cfg dar_cfg = {
	.manage_wildcard = true,
	.manage_all_bound = true,
	.require_auth = true,
	.grace_ms = 2000,
};

/* A socket bound to 10.0.1.1 (A) on port 5000, first seen at T_SOCK. */
static void dar_sock_bound_a(struct sctp_dar_sockview *sv)
{
	sv->family = AF_INET;
	sv->asconf_enable = true;
	sv->port = 5000;
	sv->first_seen = T_SOCK;
	sv->nep = 1;
	sv->ep[0] = dar_v4("10.0.1.1");
}

static void sctp_dar_sockaddr_equal_ignores_port(struct kunit *test)
{
	union sctp_addr a = dar_v4("10.0.1.1"), b = dar_v4("10.0.1.1");

	b.v4.sin_port = htons(5000);
	KUNIT_EXPECT_TRUE(test, sctp_dar_sockaddr_equal(&a, &b));
	b = dar_v4("10.0.1.2");
	KUNIT_EXPECT_FALSE(test, sctp_dar_sockaddr_equal(&a, &b));
	b = dar_v6("::ffff:10.0.1.1");
	KUNIT_EXPECT_FALSE(test, sctp_dar_sockaddr_equal(&a, &b));
}

static void sctp_dar_sockaddr_eligible_rejects_local_scopes(struct kunit *test)
{
	static const char *const bad[] = {
		"127.0.0.1", "169.254.1.1", "0.0.0.0", "224.0.0.1",
		"255.255.255.255", "::1", "fe80::1", "::", "ff02::1",
		"::ffff:10.0.1.1",
	};
	static const char *const good[] = {
		"10.0.1.1", "192.0.2.7", "fd00:1::1", "2001:db8::1",
	};
	union sctp_addr a;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		a = strchr(bad[i], ':') ? dar_v6(bad[i]) : dar_v4(bad[i]);
		KUNIT_EXPECT_FALSE_MSG(test, sctp_dar_sockaddr_eligible(&a),
				       "%s", bad[i]);
	}
	for (i = 0; i < ARRAY_SIZE(good); i++) {
		a = strchr(good[i], ':') ? dar_v6(good[i]) : dar_v4(good[i]);
		KUNIT_EXPECT_TRUE_MSG(test, sctp_dar_sockaddr_eligible(&a),
				      "%s", good[i]);
	}
}

static void sctp_dar_policy_parse_ports_accepts_forms(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_policy_cfg *cfg = &f->cfg;

	KUNIT_ASSERT_EQ(test, sctp_dar_policy_parse_ports("all\n", cfg), 0);
	KUNIT_EXPECT_TRUE(test, cfg->manage_all_bound);
	KUNIT_ASSERT_EQ(test, sctp_dar_policy_parse_ports("5000,1,65535", cfg), 0);
	KUNIT_EXPECT_FALSE(test, cfg->manage_all_bound);
	KUNIT_ASSERT_EQ(test, cfg->nports, 3U);
	KUNIT_EXPECT_EQ(test, cfg->ports[0], 5000);
	KUNIT_EXPECT_EQ(test, cfg->ports[2], 65535);
	KUNIT_ASSERT_EQ(test, sctp_dar_policy_parse_ports("", cfg), 0);
	KUNIT_EXPECT_EQ(test, cfg->nports, 0U);
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_parse_ports("none", cfg), 0);
}

static void sctp_dar_policy_parse_ports_rejects_malformed(struct kunit *test)
{
	static const char *const bad[] = {
		"0", "65536", "1,", ",1", "a", "1,,2", "1 2", "all,1", "-1",
		"1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33",
	};
	struct dar_fix *f = test->priv;
	struct sctp_dar_policy_cfg *cfg = &f->cfg;
	unsigned int i;

	cfg->nports = 1;
	cfg->ports[0] = 7;

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KUNIT_EXPECT_EQ_MSG(test, sctp_dar_policy_parse_ports(bad[i], cfg),
				    -EINVAL, "%s", bad[i]);
	KUNIT_EXPECT_EQ(test, cfg->nports, 1U);
	KUNIT_EXPECT_EQ(test, cfg->ports[0], 7);
}

static void sctp_dar_policy_manage_by_binding_and_port(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_policy_cfg *cfg = &f->cfg;
	struct sctp_dar_sockview *sv = &f->sv;

	cfg->manage_wildcard = true;

	dar_sock_bound_a(sv);
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_manage(cfg, sv),
			SCTP_DAR_UNMANAGED);
	cfg->nports = 1;
	cfg->ports[0] = 5000;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_manage(cfg, sv),
			SCTP_DAR_MANAGED_BOUND);
	cfg->nports = 0;
	cfg->manage_all_bound = true;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_manage(cfg, sv),
			SCTP_DAR_MANAGED_BOUND);

	sv->boundall = true;
	sv->ep[0] = dar_v4("0.0.0.0");
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_manage(cfg, sv),
			SCTP_DAR_MANAGED_WILDCARD);
	cfg->manage_wildcard = false;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_manage(cfg, sv),
			SCTP_DAR_UNMANAGED);

	sv->nep = 0;	/* not bound yet */
	cfg->manage_wildcard = true;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_manage(cfg, sv),
			SCTP_DAR_UNMANAGED);
}

static void sctp_dar_policy_blocked_reports_first_reason(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_sockview *sv = &f->sv;
	struct sctp_dar_asocview *av = &f->av;

	dar_sock_bound_a(sv);
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_blocked(&dar_cfg, sv, av),
			SCTP_DAR_BLOCKED_NOT_ESTABLISHED);
	av->established = true;
	sv->asconf_enable = false;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_blocked(&dar_cfg, sv, av),
			SCTP_DAR_BLOCKED_EP_NO_ASCONF);
	sv->asconf_enable = true;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_blocked(&dar_cfg, sv, av),
			SCTP_DAR_BLOCKED_PEER_NO_ASCONF);
	av->asconf_capable = true;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_blocked(&dar_cfg, sv, av),
			SCTP_DAR_BLOCKED_NO_AUTH);
	av->auth_capable = true;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_blocked(&dar_cfg, sv, av),
			SCTP_DAR_BLOCKED_NO_AUTH);
	av->auth_asconf = true;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_blocked(&dar_cfg, sv, av),
			SCTP_DAR_OK);
}

/* require_auth means authenticated ASCONFs: a peer that does AUTH but left
 * ASCONF out of its AUTH chunk list (or we out of ours) is not enough.
 */
static void sctp_dar_policy_blocked_needs_asconf_in_auth_chunks(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_sockview *sv = &f->sv;
	struct sctp_dar_asocview *av = &f->av;
	struct sctp_dar_policy_cfg *cfg = &f->cfg;

	*cfg = dar_cfg;
	sv->asconf_enable = true;
	dar_asoc_ok(av);
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_blocked(cfg, sv, av), SCTP_DAR_OK);
	av->auth_asconf = false;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_blocked(cfg, sv, av),
			SCTP_DAR_BLOCKED_NO_AUTH);
	cfg->require_auth = false;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_blocked(cfg, sv, av), SCTP_DAR_OK);
}

static void sctp_dar_haddr_usable_needs_link_and_dad(struct kunit *test)
{
	struct sctp_dar_haddr ha = { .flags = SCTP_DAR_HA_LINK_UP };

	KUNIT_EXPECT_TRUE(test, sctp_dar_haddr_usable(&ha));
	ha.flags |= SCTP_DAR_HA_TENTATIVE;
	KUNIT_EXPECT_FALSE(test, sctp_dar_haddr_usable(&ha));
	ha.flags = 0;
	KUNIT_EXPECT_FALSE(test, sctp_dar_haddr_usable(&ha));
	KUNIT_EXPECT_FALSE(test, sctp_dar_haddr_usable(NULL));
}

static void sctp_dar_policy_ep_plan_adds_new_address(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_hostview *hv = &f->hv;
	struct sctp_dar_ep_plan *plan = &f->plan;
	struct sctp_dar_sockview *sv = &f->sv;
	struct sctp_dar_asocview *av = &f->av;
	union sctp_addr b = dar_v4("10.0.2.1");

	dar_sock_bound_a(sv);
	dar_host(hv, "10.0.1.1", 2, SCTP_DAR_HA_LINK_UP, T_BOOT);
	dar_host(hv, "10.0.2.1", 3, SCTP_DAR_HA_LINK_UP, T_NEW);
	dar_asoc_ok(av);
	dar_asoc_laddr(av, "10.0.1.1", SCTP_DAR_LA_SRC);

	sctp_dar_policy_ep_plan(&dar_cfg, hv, sv, av, 1, T_NOW, plan);
	KUNIT_ASSERT_EQ(test, plan->nadd, 1U);
	KUNIT_EXPECT_TRUE(test, sctp_dar_sockaddr_equal(&plan->add[0], &b));
	KUNIT_EXPECT_EQ(test, plan->nrem, 0U);
	KUNIT_EXPECT_FALSE(test, plan->rescue);
}

/* require_auth: a peer without AUTH keeps the endpoint as it is. */
static void sctp_dar_policy_ep_plan_needs_auth(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_hostview *hv = &f->hv;
	struct sctp_dar_ep_plan *plan = &f->plan;
	struct sctp_dar_sockview *sv = &f->sv;
	struct sctp_dar_asocview *av = &f->av;
	struct sctp_dar_policy_cfg *cfg = &f->cfg;

	*cfg = dar_cfg;
	dar_sock_bound_a(sv);
	sv->ep[sv->nep++] = dar_v4("10.0.3.1");
	dar_host(hv, "10.0.1.1", 2, SCTP_DAR_HA_LINK_UP, T_BOOT);
	dar_host(hv, "10.0.2.1", 3, SCTP_DAR_HA_LINK_UP, T_NEW);
	dar_host(hv, "10.0.3.1", 4, 0, T_BOOT);	/* cable pulled */
	dar_asoc_ok(av);
	av->auth_capable = false;
	dar_asoc_laddr(av, "10.0.1.1", SCTP_DAR_LA_SRC);
	dar_asoc_laddr(av, "10.0.3.1", SCTP_DAR_LA_SRC);

	sctp_dar_policy_ep_plan(cfg, hv, sv, av, 1, T_NOW, plan);
	KUNIT_EXPECT_EQ(test, plan->nadd, 0U);
	KUNIT_EXPECT_EQ(test, plan->nrem, 0U);
	KUNIT_EXPECT_FALSE(test, plan->rescue);

	cfg->require_auth = false;
	sctp_dar_policy_ep_plan(cfg, hv, sv, av, 1, T_NOW, plan);
	KUNIT_EXPECT_EQ(test, plan->nadd, 1U);
	KUNIT_EXPECT_EQ(test, plan->nrem, 1U);
}

static void sctp_dar_policy_ep_plan_keeps_app_choice(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_hostview *hv = &f->hv;
	struct sctp_dar_ep_plan *plan = &f->plan;
	struct sctp_dar_sockview *sv = &f->sv;

	dar_sock_bound_a(sv);
	dar_host(hv, "10.0.1.1", 2, SCTP_DAR_HA_LINK_UP, T_BOOT);
	/* B was there before the socket: the application left it out. */
	dar_host(hv, "10.0.2.1", 3, SCTP_DAR_HA_LINK_UP, T_BOOT);
	/* Not eligible, never added. */
	dar_host(hv, "169.254.0.1", 3, SCTP_DAR_HA_LINK_UP, T_NEW);
	/* IPv6 on an IPv4 socket, never added. */
	dar_host(hv, "fd00:2::1", 3, SCTP_DAR_HA_LINK_UP, T_NEW);

	sctp_dar_policy_ep_plan(&dar_cfg, hv, sv, NULL, 0, T_NOW, plan);
	KUNIT_EXPECT_EQ(test, plan->nadd, 0U);
	KUNIT_EXPECT_EQ(test, plan->nrem, 0U);
}

static void sctp_dar_policy_ep_plan_removes_dead_with_other_source(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_hostview *hv = &f->hv;
	struct sctp_dar_ep_plan *plan = &f->plan;
	struct sctp_dar_sockview *sv = &f->sv;
	struct sctp_dar_asocview *av = &f->av;
	union sctp_addr a = dar_v4("10.0.1.1");

	dar_sock_bound_a(sv);
	sv->ep[sv->nep++] = dar_v4("10.0.2.1");
	dar_host(hv, "10.0.1.1", 2, 0, T_BOOT);	/* cable pulled */
	dar_host(hv, "10.0.2.1", 3, SCTP_DAR_HA_LINK_UP, T_NEW);
	dar_asoc_ok(av);
	dar_asoc_laddr(av, "10.0.1.1", SCTP_DAR_LA_SRC);
	dar_asoc_laddr(av, "10.0.2.1", SCTP_DAR_LA_SRC);

	sctp_dar_policy_ep_plan(&dar_cfg, hv, sv, av, 1, T_NOW, plan);
	KUNIT_ASSERT_EQ(test, plan->nrem, 1U);
	KUNIT_EXPECT_TRUE(test, sctp_dar_sockaddr_equal(&plan->rem[0], &a));
	KUNIT_EXPECT_FALSE(test, plan->rescue);
}

static void sctp_dar_policy_ep_plan_waits_for_ack(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_hostview *hv = &f->hv;
	struct sctp_dar_ep_plan *plan = &f->plan;
	struct sctp_dar_sockview *sv = &f->sv;
	struct sctp_dar_asocview *av = &f->av;

	dar_sock_bound_a(sv);
	sv->ep[sv->nep++] = dar_v4("10.0.2.1");
	dar_host(hv, "10.0.1.1", 2, 0, T_BOOT);
	dar_host(hv, "10.0.2.1", 3, SCTP_DAR_HA_LINK_UP, T_NEW);
	dar_asoc_ok(av);
	dar_asoc_laddr(av, "10.0.1.1", SCTP_DAR_LA_SRC);
	dar_asoc_laddr(av, "10.0.2.1", SCTP_DAR_LA_NEW);	/* ADD in flight */

	sctp_dar_policy_ep_plan(&dar_cfg, hv, sv, av, 1, T_NOW, plan);
	KUNIT_EXPECT_EQ(test, plan->nrem, 0U);
	KUNIT_EXPECT_EQ(test, plan->nwait, 1U);
}

static void sctp_dar_policy_ep_plan_never_strands_live_address(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_hostview *hv = &f->hv;
	struct sctp_dar_ep_plan *plan = &f->plan;
	struct sctp_dar_sockview *sv = &f->sv;
	struct sctp_dar_asocview *av = &f->av;

	dar_sock_bound_a(sv);
	sv->ep[sv->nep++] = dar_v4("10.0.3.1");	/* gone, keeps nep > 1 */
	dar_host(hv, "10.0.1.1", 2, 0, T_BOOT);	/* cable pulled, no B */
	dar_asoc_ok(av);
	dar_asoc_laddr(av, "10.0.1.1", SCTP_DAR_LA_SRC);

	sctp_dar_policy_ep_plan(&dar_cfg, hv, sv, av, 1, T_NOW, plan);
	/* 10.0.3.1 is gone and unused by the association: removed. A still
	 * configured address on a dead link is the association's only one:
	 * kept (its link may come back).
	 */
	KUNIT_ASSERT_EQ(test, plan->nrem, 1U);
	KUNIT_EXPECT_TRUE(test, sctp_dar_sockaddr_equal(&plan->rem[0],
							&sv->ep[1]));
	KUNIT_EXPECT_FALSE(test, plan->rescue);
}

static void sctp_dar_policy_ep_plan_rescues_with_placeholder(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_hostview *hv = &f->hv;
	struct sctp_dar_ep_plan *plan = &f->plan;
	struct sctp_dar_sockview *sv = &f->sv;
	struct sctp_dar_asocview *av = &f->av;

	dar_sock_bound_a(sv);
	dar_host(hv, "10.0.1.1", 2, 0, T_BOOT);	/* A's link died ... */
	dar_host(hv, "10.0.2.1", 3, SCTP_DAR_HA_LINK_UP, T_NEW); /* ... B came */
	dar_asoc_ok(av);
	dar_asoc_laddr(av, "10.0.1.1", SCTP_DAR_LA_SRC);

	sctp_dar_policy_ep_plan(&dar_cfg, hv, sv, av, 1, T_NOW, plan);
	KUNIT_EXPECT_EQ(test, plan->nadd, 1U);
	KUNIT_EXPECT_EQ(test, plan->nrem, 1U);
	KUNIT_EXPECT_TRUE(test, plan->rescue);
	KUNIT_EXPECT_TRUE(test, plan->placeholder);
}

/* A flap costs nothing: an address whose link is down (still configured)
 * is deleted only once the link has been down for holddown_ms, unless an
 * association has nothing else (the rescue cannot wait).
 */
static void sctp_dar_policy_ep_plan_holds_down_dead_link(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_hostview *hv = &f->hv;
	struct sctp_dar_ep_plan *plan = &f->plan;
	struct sctp_dar_sockview *sv = &f->sv;
	struct sctp_dar_asocview *av = &f->av;
	struct sctp_dar_policy_cfg *cfg = &f->cfg;
	unsigned long hold, down = T_NOW - 10;
	struct sctp_dar_haddr *a;

	*cfg = dar_cfg;
	cfg->holddown_ms = 3000;
	hold = msecs_to_jiffies(cfg->holddown_ms);
	dar_sock_bound_a(sv);
	sv->ep[sv->nep++] = dar_v4("10.0.2.1");
	a = dar_host(hv, "10.0.1.1", 2, 0, T_BOOT);	/* cable pulled ... */
	a->up_since = down;				/* ... just now */
	dar_host(hv, "10.0.2.1", 3, SCTP_DAR_HA_LINK_UP, T_NEW);
	dar_asoc_ok(av);
	dar_asoc_laddr(av, "10.0.1.1", SCTP_DAR_LA_SRC);
	dar_asoc_laddr(av, "10.0.2.1", SCTP_DAR_LA_SRC);

	sctp_dar_policy_ep_plan(cfg, hv, sv, av, 1, T_NOW, plan);
	KUNIT_EXPECT_EQ(test, plan->nrem, 0U);
	KUNIT_EXPECT_EQ(test, plan->nwait, 1U);
	KUNIT_EXPECT_EQ(test, plan->wait_until, down + hold);

	/* Down for the whole hold-down: a roam, A goes. */
	sctp_dar_policy_ep_plan(cfg, hv, sv, av, 1, down + hold, plan);
	KUNIT_EXPECT_EQ(test, plan->nrem, 1U);

	/* Nothing else to send from: the rescue does not wait. */
	sv->nep = 1;
	av->nl = 1;
	hv->a[1].up_since = T_NOW;
	sv->first_seen = T_SOCK;
	sctp_dar_policy_ep_plan(cfg, hv, sv, av, 1, T_NOW, plan);
	KUNIT_EXPECT_EQ(test, plan->nrem, 1U);
	KUNIT_EXPECT_TRUE(test, plan->rescue);
}

static void sctp_dar_policy_ep_plan_deprecated_after_grace(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_hostview *hv = &f->hv;
	struct sctp_dar_ep_plan *plan = &f->plan;
	unsigned long grace = msecs_to_jiffies(dar_cfg.grace_ms);
	struct sctp_dar_sockview *sv = &f->sv;
	struct sctp_dar_asocview *av = &f->av;
	struct sctp_dar_haddr *old;

	dar_sock_bound_a(sv);
	sv->ep[sv->nep++] = dar_v4("10.0.2.1");
	old = dar_host(hv, "10.0.1.1", 2,
		       SCTP_DAR_HA_LINK_UP | SCTP_DAR_HA_DEPRECATED, T_BOOT);
	old->deprecated_since = T_NOW - 1;
	dar_host(hv, "10.0.2.1", 3, SCTP_DAR_HA_LINK_UP, T_NEW);
	dar_asoc_ok(av);
	dar_asoc_laddr(av, "10.0.1.1", SCTP_DAR_LA_SRC);
	dar_asoc_laddr(av, "10.0.2.1", SCTP_DAR_LA_SRC);

	sctp_dar_policy_ep_plan(&dar_cfg, hv, sv, av, 1, T_NOW, plan);
	KUNIT_EXPECT_EQ(test, plan->nrem, 0U);
	KUNIT_EXPECT_EQ(test, plan->wait_until, T_NOW - 1 + grace);

	sctp_dar_policy_ep_plan(&dar_cfg, hv, sv, av, 1, T_NOW + grace, plan);
	KUNIT_EXPECT_EQ(test, plan->nrem, 1U);
	KUNIT_EXPECT_EQ(test, plan->wait_until, 0UL);
}

static void sctp_dar_policy_pick_local_prefers_newest_usable(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_hostview *hv = &f->hv;
	struct sctp_dar_asocview *av = &f->av;
	struct sctp_dar_haddr *b;

	dar_host(hv, "10.0.1.1", 2, SCTP_DAR_HA_LINK_UP, T_BOOT);
	b = dar_host(hv, "10.0.2.1", 3, SCTP_DAR_HA_LINK_UP, T_NEW);
	dar_asoc_laddr(av, "10.0.1.1", SCTP_DAR_LA_SRC);
	dar_asoc_laddr(av, "10.0.2.1", SCTP_DAR_LA_NEW);

	/* Only acknowledged addresses: A. With ADDs in flight: B. */
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_local(hv, av, true), 0);
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_local(hv, av, false), 1);

	/* A deprecated address loses to an older preferred one. */
	b->flags |= SCTP_DAR_HA_DEPRECATED;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_local(hv, av, false), 0);
	/* Administrator priority beats age. */
	b->flags &= ~SCTP_DAR_HA_DEPRECATED;
	hv->a[0].prio = 10;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_local(hv, av, false), 0);
	hv->a[0].prio = 0;
	/* A dead link is never chosen; nothing usable gives -1. */
	hv->a[1].flags = 0;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_local(hv, av, false), 0);
	hv->a[0].flags = SCTP_DAR_HA_LINK_UP | SCTP_DAR_HA_TENTATIVE;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_local(hv, av, false), -1);
}

/* The host's own preference (route_metric): between equal priorities an
 * interface with a default route beats one without and the lower metric
 * wins, over recency; an explicit priority and deprecation still weigh
 * first. Without SCTP_DAR_HA_DEFROUTE (route_metric off) recency rules.
 */
static void sctp_dar_policy_pick_local_follows_route_metric(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_hostview *hv = &f->hv;
	struct sctp_dar_asocview *av = &f->av;
	struct sctp_dar_haddr *eth, *wifi, *lte;
	const u32 up_route = SCTP_DAR_HA_LINK_UP | SCTP_DAR_HA_DEFROUTE;

	/* wifi (600) older than eth (100), lte (700) newest. */
	wifi = dar_host(hv, "10.0.2.1", 3, up_route, T_BOOT);
	wifi->metric = 600;
	eth = dar_host(hv, "10.0.1.1", 2, up_route, T_SOCK);
	eth->metric = 100;
	lte = dar_host(hv, "10.0.3.1", 4, up_route, T_NEW);
	lte->metric = 700;
	dar_asoc_laddr(av, "10.0.2.1", SCTP_DAR_LA_SRC);
	dar_asoc_laddr(av, "10.0.1.1", SCTP_DAR_LA_SRC);
	dar_asoc_laddr(av, "10.0.3.1", SCTP_DAR_LA_SRC);

	/* Ethernet over Wi-Fi over mobile data, whatever their age. */
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_local(hv, av, true), 1);
	/* eth's metric raised above wifi's: wifi. */
	eth->metric = 650;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_local(hv, av, true), 0);
	/* eth's default route gone: below both that have one. */
	eth->metric = 0;
	eth->flags &= ~SCTP_DAR_HA_DEFROUTE;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_local(hv, av, true), 0);
	/* wifi's link down: lte, though eth is up (it has no route). */
	wifi->flags &= ~SCTP_DAR_HA_LINK_UP;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_local(hv, av, true), 2);
	wifi->flags |= SCTP_DAR_HA_LINK_UP;

	/* Equal metrics: the newest, as without routes. */
	eth->flags |= SCTP_DAR_HA_DEFROUTE;
	eth->metric = 600;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_local(hv, av, true), 1);
	eth->metric = 100;

	/* An explicit priority outweighs every metric... */
	lte->prio = 1;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_local(hv, av, true), 2);
	/* ... and between equal priorities the metric decides again. */
	wifi->prio = 1;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_local(hv, av, true), 0);
	wifi->prio = 0;
	lte->prio = 0;

	/* A deprecated address loses, whatever its metric. */
	eth->flags |= SCTP_DAR_HA_DEPRECATED;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_local(hv, av, true), 0);
	eth->flags &= ~SCTP_DAR_HA_DEPRECATED;

	/* route_metric off (no metrics in the view): the newest, lte. */
	eth->flags = SCTP_DAR_HA_LINK_UP;
	wifi->flags = SCTP_DAR_HA_LINK_UP;
	lte->flags = SCTP_DAR_HA_LINK_UP;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_local(hv, av, true), 2);
}

/* A socket's additions come best first: the lowest metric leads. */
static void sctp_dar_policy_ep_plan_adds_by_route_metric(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_hostview *hv = &f->hv;
	struct sctp_dar_ep_plan *plan = &f->plan;
	struct sctp_dar_sockview *sv = &f->sv;
	struct sctp_dar_asocview *av = &f->av;
	const u32 up_route = SCTP_DAR_HA_LINK_UP | SCTP_DAR_HA_DEFROUTE;
	union sctp_addr eth = dar_v4("10.0.2.1"), lte = dar_v4("10.0.3.1");
	struct sctp_dar_haddr *ha;

	dar_sock_bound_a(sv);
	dar_host(hv, "10.0.1.1", 2, SCTP_DAR_HA_LINK_UP, T_BOOT);
	ha = dar_host(hv, "10.0.2.1", 3, up_route, T_NEW);
	ha->metric = 100;
	ha = dar_host(hv, "10.0.3.1", 4, up_route, T_NEW + 1);
	ha->metric = 700;
	dar_asoc_ok(av);
	dar_asoc_laddr(av, "10.0.1.1", SCTP_DAR_LA_SRC);

	sctp_dar_policy_ep_plan(&dar_cfg, hv, sv, av, 1, T_NOW, plan);
	KUNIT_ASSERT_EQ(test, plan->nadd, 2U);
	KUNIT_EXPECT_TRUE(test, sctp_dar_sockaddr_equal(&plan->add[0], &eth));
	KUNIT_EXPECT_TRUE(test, sctp_dar_sockaddr_equal(&plan->add[1], &lte));
}

static void sctp_dar_policy_pick_path_prefers_device_then_state(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_asocview *av = &f->av;

	av->np = 3;
	av->p[0].state = SCTP_DAR_PATH_ACTIVE;
	av->p[0].primary = true;
	av->p[0].ifindex = 2;
	av->p[1].state = SCTP_DAR_PATH_UNCONFIRMED;
	av->p[1].ifindex = 3;
	av->p[2].state = SCTP_DAR_PATH_ACTIVE;
	av->p[2].ifindex = 3;
	av->p[2].errors = 1;

	/* Over device 3: the active one, though it had an error. */
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_path(av, 3), 2);
	/* No preference: the current primary stays (hysteresis). */
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_path(av, 0), 0);
	av->p[0].state = SCTP_DAR_PATH_INACTIVE;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_path(av, 0), 2);
	av->np = 0;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_pick_path(av, 0), -1);
}

static void sctp_dar_policy_has_usable_src_skips_except(struct kunit *test)
{
	struct dar_fix *f = test->priv;
	struct sctp_dar_hostview *hv = &f->hv;
	struct sctp_dar_asocview *av = &f->av;
	union sctp_addr b = dar_v4("10.0.2.1");

	dar_host(hv, "10.0.1.1", 2, 0, T_BOOT);
	dar_host(hv, "10.0.2.1", 3, SCTP_DAR_HA_LINK_UP, T_NEW);
	dar_asoc_laddr(av, "10.0.1.1", SCTP_DAR_LA_SRC);
	dar_asoc_laddr(av, "10.0.2.1", SCTP_DAR_LA_SRC);
	KUNIT_EXPECT_TRUE(test, sctp_dar_policy_has_usable_src(hv, av, NULL));
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_has_usable_src(hv, av, &b));
	av->l[1].state = SCTP_DAR_LA_NEW;
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_has_usable_src(hv, av, NULL));
}

static void sctp_dar_policy_prefix_valid_checks_len_and_host_bits(struct kunit *test)
{
	struct sctp_dar_policy_prefix p = { .a = dar_v4("10.0.0.0"), .len = 8 };

	KUNIT_EXPECT_EQ(test, sctp_dar_policy_prefix_valid(&p), 0);
	p.len = 33;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_prefix_valid(&p), -ERANGE);
	p.a = dar_v4("10.0.1.1");
	p.len = 24;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_prefix_valid(&p), -EINVAL);
	p.len = 32;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_prefix_valid(&p), 0);
	p.a = dar_v6("fd00:1::");
	p.len = 64;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_prefix_valid(&p), 0);
	p.len = 129;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_prefix_valid(&p), -ERANGE);
	p.a = dar_v6("fd00:1::1");
	p.len = 127;
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_prefix_valid(&p), -EINVAL);
}

static void sctp_dar_policy_denied_matches_prefix_bits(struct kunit *test)
{
	struct sctp_dar_policy_cfg *cfg = kunit_kzalloc(test, sizeof(*cfg),
							GFP_KERNEL);
	union sctp_addr a;

	KUNIT_ASSERT_NOT_NULL(test, cfg);
	cfg->deny[0].a = dar_v4("10.0.2.0");
	cfg->deny[0].len = 23;		/* 10.0.2.0 - 10.0.3.255 */
	cfg->deny[1].a = dar_v6("fd00:9::");
	cfg->deny[1].len = 32;
	cfg->ndeny = 2;
	a = dar_v4("10.0.3.7");
	KUNIT_EXPECT_TRUE(test, sctp_dar_policy_denied(cfg, &a));
	a = dar_v4("10.0.4.1");
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_denied(cfg, &a));
	a = dar_v4("10.0.1.255");
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_denied(cfg, &a));
	a = dar_v6("fd00:9:ffff::1");
	KUNIT_EXPECT_TRUE(test, sctp_dar_policy_denied(cfg, &a));
	a = dar_v6("fd00:a::1");
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_denied(cfg, &a));
	cfg->deny[0].len = 0;		/* every IPv4 address */
	a = dar_v4("192.0.2.1");
	KUNIT_EXPECT_TRUE(test, sctp_dar_policy_denied(cfg, &a));
}

static void sctp_dar_policy_link_prio_set_clear_full(struct kunit *test)
{
	struct sctp_dar_policy_cfg *cfg = kunit_kzalloc(test, sizeof(*cfg),
							GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, cfg);
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_link_prio(cfg, 3), 0U);
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_set_link_prio(cfg, 3, 10), 0);
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_set_link_prio(cfg, 4, 20), 0);
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_link_prio(cfg, 3), 10U);
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_set_link_prio(cfg, 3, 0), 0);
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_link_prio(cfg, 3), 0U);
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_link_prio(cfg, 4), 20U);
	KUNIT_EXPECT_EQ(test, cfg->nlinks, 1U);
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_set_link_prio(cfg, 5, 256),
			-ERANGE);
	for (i = 100; cfg->nlinks < SCTP_DAR_MAX_LINKS; i++)
		KUNIT_ASSERT_EQ(test, sctp_dar_policy_set_link_prio(cfg, i, 1),
				0);
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_set_link_prio(cfg, 7, 1),
			-ENOSPC);
	/* Changing or clearing an existing entry still works when full. */
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_set_link_prio(cfg, 4, 30), 0);
	KUNIT_EXPECT_EQ(test, sctp_dar_policy_set_link_prio(cfg, 7, 0), 0);
}

static void sctp_dar_policy_path_better_state_then_large_srtt(struct kunit *test)
{
	struct sctp_dar_path a = { .state = SCTP_DAR_PATH_ACTIVE, .srtt_ms = 10 };
	struct sctp_dar_path b = { .state = SCTP_DAR_PATH_ACTIVE, .srtt_ms = 39 };
	u64 now = 100 * NSEC_PER_SEC;

	a.last_heard_ns = now - 20 * NSEC_PER_MSEC;
	b.last_heard_ns = now - 10 * NSEC_PER_MSEC;

	/* 2 * 10 + 20 = 40: not below 39, nor 40; below 41. */
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_path_better(&a, &b, now));
	b.srtt_ms = 40;
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_path_better(&a, &b, now));
	b.srtt_ms = 41;
	KUNIT_EXPECT_TRUE(test, sctp_dar_policy_path_better(&a, &b, now));
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_path_better(&b, &a, now));
	/* 0 is under one jiffy: the fastest, and never beaten. */
	a.srtt_ms = 0;
	KUNIT_EXPECT_TRUE(test, sctp_dar_policy_path_better(&a, &b, now));
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_path_better(&b, &a, now));
	/* The RTT of a path in use not heard from lately does not count
	 * (1 s is the limit), whatever it is; its state still does.
	 */
	b.last_heard_ns = now - 1001 * NSEC_PER_MSEC;
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_path_better(&a, &b, now));
	b.last_heard_ns = now - 1000 * NSEC_PER_MSEC;
	KUNIT_EXPECT_TRUE(test, sctp_dar_policy_path_better(&a, &b, now));
	/* An RTT that rests on one sample does not count against the path
	 * in use: the debug kernel's 328 ms confirming heartbeat of a new
	 * path, against 28 ms.
	 */
	a.srtt_ms = 28;
	b.srtt_ms = 328;
	b.rtt_unsettled = true;
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_path_better(&a, &b, now));
	b.rtt_unsettled = false;
	KUNIT_EXPECT_TRUE(test, sctp_dar_policy_path_better(&a, &b, now));
	/* ... nor does it hold a better state back. */
	b.rtt_unsettled = true;
	b.state = SCTP_DAR_PATH_PF;
	KUNIT_EXPECT_TRUE(test, sctp_dar_policy_path_better(&a, &b, now));
	b.rtt_unsettled = false;
	b.state = SCTP_DAR_PATH_ACTIVE;
	/* State first, whatever the RTTs. */
	a.srtt_ms = 500;
	b.state = SCTP_DAR_PATH_PF;
	KUNIT_EXPECT_TRUE(test, sctp_dar_policy_path_better(&a, &b, now));
	b.last_heard_ns = 0;
	KUNIT_EXPECT_TRUE(test, sctp_dar_policy_path_better(&a, &b, now));
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_path_better(&b, &a, now));
}

/* The case seen on the debug kernel (roam_quality, "B 10 ms slower"): B
 * in use, active, 44 ms; A idle, its SRTT from long ago, a heartbeat on it
 * unanswered (it was potentially failed a moment later). A must not win on
 * that RTT, and once A is potentially failed a choice of A must go.
 */
static void sctp_dar_policy_path_better_never_worse_or_stale(struct kunit *test)
{
	struct sctp_dar_path a = { .state = SCTP_DAR_PATH_ACTIVE, .srtt_ms = 10 };
	struct sctp_dar_path b = { .state = SCTP_DAR_PATH_ACTIVE, .srtt_ms = 44 };
	u64 now = 100 * NSEC_PER_SEC;

	b.last_heard_ns = now - 5 * NSEC_PER_MSEC;
	a.last_heard_ns = now - 20 * NSEC_PER_MSEC;
	KUNIT_EXPECT_TRUE(test, sctp_dar_policy_path_better(&a, &b, now));

	/* An unanswered heartbeat, or more errors: not known better. */
	a.hb_pending = true;
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_path_better(&a, &b, now));
	a.hb_pending = false;
	a.errors = 1;
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_path_better(&a, &b, now));
	b.errors = 1;
	KUNIT_EXPECT_TRUE(test, sctp_dar_policy_path_better(&a, &b, now));
	a.errors = 0;
	b.errors = 0;

	/* An RTT from long ago (5 s is the limit) says nothing now. */
	a.last_heard_ns = now - 5001 * NSEC_PER_MSEC;
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_path_better(&a, &b, now));
	a.last_heard_ns = now - 5000 * NSEC_PER_MSEC;
	KUNIT_EXPECT_TRUE(test, sctp_dar_policy_path_better(&a, &b, now));

	/* Potentially failed: never better than active, whatever the RTT,
	 * and a choice of it is worse than the active path.
	 */
	a.state = SCTP_DAR_PATH_PF;
	a.srtt_ms = 0;
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_path_better(&a, &b, now));
	KUNIT_EXPECT_TRUE(test, sctp_dar_policy_path_worse(&a, &b));
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_path_worse(&b, &a));
	a.state = SCTP_DAR_PATH_ACTIVE;
	KUNIT_EXPECT_FALSE(test, sctp_dar_policy_path_worse(&a, &b));
	b.state = SCTP_DAR_PATH_UNCONFIRMED;
	KUNIT_EXPECT_TRUE(test, sctp_dar_policy_path_worse(&b, &a));
}

static struct kunit_case sctp_dar_policy_cases[] = {
	KUNIT_CASE(sctp_dar_sockaddr_equal_ignores_port),
	KUNIT_CASE(sctp_dar_sockaddr_eligible_rejects_local_scopes),
	KUNIT_CASE(sctp_dar_policy_parse_ports_accepts_forms),
	KUNIT_CASE(sctp_dar_policy_parse_ports_rejects_malformed),
	KUNIT_CASE(sctp_dar_policy_manage_by_binding_and_port),
	KUNIT_CASE(sctp_dar_policy_blocked_reports_first_reason),
	KUNIT_CASE(sctp_dar_policy_blocked_needs_asconf_in_auth_chunks),
	KUNIT_CASE(sctp_dar_haddr_usable_needs_link_and_dad),
	KUNIT_CASE(sctp_dar_policy_ep_plan_adds_new_address),
	KUNIT_CASE(sctp_dar_policy_ep_plan_needs_auth),
	KUNIT_CASE(sctp_dar_policy_ep_plan_keeps_app_choice),
	KUNIT_CASE(sctp_dar_policy_ep_plan_removes_dead_with_other_source),
	KUNIT_CASE(sctp_dar_policy_ep_plan_waits_for_ack),
	KUNIT_CASE(sctp_dar_policy_ep_plan_never_strands_live_address),
	KUNIT_CASE(sctp_dar_policy_ep_plan_rescues_with_placeholder),
	KUNIT_CASE(sctp_dar_policy_ep_plan_holds_down_dead_link),
	KUNIT_CASE(sctp_dar_policy_ep_plan_deprecated_after_grace),
	KUNIT_CASE(sctp_dar_policy_pick_local_prefers_newest_usable),
	KUNIT_CASE(sctp_dar_policy_pick_local_follows_route_metric),
	KUNIT_CASE(sctp_dar_policy_ep_plan_adds_by_route_metric),
	KUNIT_CASE(sctp_dar_policy_pick_path_prefers_device_then_state),
	KUNIT_CASE(sctp_dar_policy_has_usable_src_skips_except),
	KUNIT_CASE(sctp_dar_policy_prefix_valid_checks_len_and_host_bits),
	KUNIT_CASE(sctp_dar_policy_denied_matches_prefix_bits),
	KUNIT_CASE(sctp_dar_policy_link_prio_set_clear_full),
	KUNIT_CASE(sctp_dar_policy_path_better_state_then_large_srtt),
	KUNIT_CASE(sctp_dar_policy_path_better_never_worse_or_stale),
	{}
};

static struct kunit_suite sctp_dar_policy_suite = {
	.name = "sctp_dar_policy",
	.init = dar_policy_test_init,
	.test_cases = sctp_dar_policy_cases,
};

kunit_test_suite(sctp_dar_policy_suite);
