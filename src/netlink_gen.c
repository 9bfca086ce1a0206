// SPDX-License-Identifier: GPL-2.0
/*
 * netlink_gen.c - policies and ops table of the sctp_dar family.
 *
 * Written by hand from Documentation/netlink/specs/sctp_dar.yaml in the
 * shape the YNL generator ("kernel-policy: per-op") produces, for struct
 * genl_ops so that it builds on Linux 6.1 (no split ops) as on 6.12. One
 * policy per op covers both its do and dump requests. The spec's
 * admin-perm flag maps to GENL_UNS_ADMIN_PERM (see the spec's header).
 * tests/unit/spec_check.py checks this file against the spec.
 */
#include <net/netlink.h>
#include <net/genetlink.h>

#include "netlink_gen.h"

#include <uapi/linux/sctp_dar.h>

/* Integer value ranges (not const: 6.1's struct nla_policy points to a
 * non-const range; read-only after init all the same)
 */
static struct netlink_range_validation sctp_dar_a_assoc_id_range __ro_after_init = {
	.min	= 1ULL,
	.max	= 2147483647ULL,
};

static struct netlink_range_validation sctp_dar_a_policy_grace_ms_range __ro_after_init = {
	.max	= 600000ULL,
};

static struct netlink_range_validation sctp_dar_a_policy_holddown_ms_range __ro_after_init = {
	.max	= 60000ULL,
};

/* Common nested types */
const struct nla_policy sctp_dar_addr_nl_policy[SCTP_DAR_A_ADDR_STATE + 1] = {
	[SCTP_DAR_A_ADDR_IPV4] = { .type = NLA_BE32, },
	[SCTP_DAR_A_ADDR_IPV6] = NLA_POLICY_EXACT_LEN(16),
	[SCTP_DAR_A_ADDR_STATE] = NLA_POLICY_MAX(NLA_U32, 2),
};

const struct nla_policy sctp_dar_ports_nl_policy[SCTP_DAR_A_PORTS_PORT + 1] = {
	[SCTP_DAR_A_PORTS_PORT] = NLA_POLICY_MIN(NLA_BE16, 1),
};

const struct nla_policy sctp_dar_prefix_nl_policy[SCTP_DAR_A_PREFIX_LEN + 1] = {
	[SCTP_DAR_A_PREFIX_ADDR] = NLA_POLICY_NESTED(sctp_dar_addr_nl_policy),
	[SCTP_DAR_A_PREFIX_LEN] = NLA_POLICY_MAX(NLA_U8, 128),
};

const struct nla_policy sctp_dar_prefixes_nl_policy[SCTP_DAR_A_PREFIXES_PREFIX + 1] = {
	[SCTP_DAR_A_PREFIXES_PREFIX] = NLA_POLICY_NESTED(sctp_dar_prefix_nl_policy),
};

/* SCTP_DAR_CMD_ASSOC_GET - do and dump */
static const struct nla_policy sctp_dar_assoc_get_nl_policy[SCTP_DAR_A_ASSOC_ADDR + 1] = {
	[SCTP_DAR_A_ASSOC_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &sctp_dar_a_assoc_id_range),
	[SCTP_DAR_A_ASSOC_LOCAL_PORT] = NLA_POLICY_MIN(NLA_BE16, 1),
	[SCTP_DAR_A_ASSOC_PEER_PORT] = NLA_POLICY_MIN(NLA_BE16, 1),
	[SCTP_DAR_A_ASSOC_SOCK_INO] = NLA_POLICY_MIN(NLA_U32, 1),
	[SCTP_DAR_A_ASSOC_ADDR] = NLA_POLICY_NESTED(sctp_dar_addr_nl_policy),
};

/* SCTP_DAR_CMD_ADDR_ADD - do */
static const struct nla_policy sctp_dar_addr_add_nl_policy[SCTP_DAR_A_ASSOC_LOCAL_ADDR + 1] = {
	[SCTP_DAR_A_ASSOC_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &sctp_dar_a_assoc_id_range),
	[SCTP_DAR_A_ASSOC_LOCAL_PORT] = NLA_POLICY_MIN(NLA_BE16, 1),
	[SCTP_DAR_A_ASSOC_PEER_PORT] = NLA_POLICY_MIN(NLA_BE16, 1),
	[SCTP_DAR_A_ASSOC_LOCAL_ADDR] = NLA_POLICY_NESTED(sctp_dar_addr_nl_policy),
};

/* SCTP_DAR_CMD_ADDR_DEL - do */
static const struct nla_policy sctp_dar_addr_del_nl_policy[SCTP_DAR_A_ASSOC_LOCAL_ADDR + 1] = {
	[SCTP_DAR_A_ASSOC_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &sctp_dar_a_assoc_id_range),
	[SCTP_DAR_A_ASSOC_LOCAL_PORT] = NLA_POLICY_MIN(NLA_BE16, 1),
	[SCTP_DAR_A_ASSOC_PEER_PORT] = NLA_POLICY_MIN(NLA_BE16, 1),
	[SCTP_DAR_A_ASSOC_LOCAL_ADDR] = NLA_POLICY_NESTED(sctp_dar_addr_nl_policy),
};

/* SCTP_DAR_CMD_ASSOC_SET - do */
static const struct nla_policy sctp_dar_assoc_set_nl_policy[SCTP_DAR_A_ASSOC_PEER_PRIMARY + 1] = {
	[SCTP_DAR_A_ASSOC_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &sctp_dar_a_assoc_id_range),
	[SCTP_DAR_A_ASSOC_PRIMARY] = NLA_POLICY_NESTED(sctp_dar_addr_nl_policy),
	[SCTP_DAR_A_ASSOC_PEER_PRIMARY] = NLA_POLICY_NESTED(sctp_dar_addr_nl_policy),
};

/* SCTP_DAR_CMD_POLICY_SET - do */
static const struct nla_policy sctp_dar_policy_set_nl_policy[SCTP_DAR_A_POLICY_ROUTE_METRIC + 1] = {
	[SCTP_DAR_A_POLICY_MANAGE_WILDCARD] = NLA_POLICY_MAX(NLA_U8, 1),
	[SCTP_DAR_A_POLICY_MANAGE_ALL_BOUND] = NLA_POLICY_MAX(NLA_U8, 1),
	[SCTP_DAR_A_POLICY_MANAGE_PORTS] = NLA_POLICY_NESTED(sctp_dar_ports_nl_policy),
	[SCTP_DAR_A_POLICY_GRACE_MS] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &sctp_dar_a_policy_grace_ms_range),
	[SCTP_DAR_A_POLICY_DEBOUNCE_MS] = NLA_POLICY_MAX(NLA_U32, 10000),
	[SCTP_DAR_A_POLICY_REQUIRE_AUTH] = NLA_POLICY_MAX(NLA_U8, 1),
	[SCTP_DAR_A_POLICY_PAUSED] = NLA_POLICY_MAX(NLA_U8, 1),
	[SCTP_DAR_A_POLICY_DENY] = NLA_POLICY_NESTED(sctp_dar_prefixes_nl_policy),
	[SCTP_DAR_A_POLICY_HOLDDOWN_MS] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &sctp_dar_a_policy_holddown_ms_range),
	[SCTP_DAR_A_POLICY_ROUTE_METRIC] = NLA_POLICY_MAX(NLA_U8, 1),
};

/* SCTP_DAR_CMD_LINK_GET - do */
static const struct nla_policy sctp_dar_link_get_nl_policy[SCTP_DAR_A_LINK_IFINDEX + 1] = {
	[SCTP_DAR_A_LINK_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* SCTP_DAR_CMD_LINK_SET - do */
static const struct nla_policy sctp_dar_link_set_nl_policy[SCTP_DAR_A_LINK_PRIORITY + 1] = {
	[SCTP_DAR_A_LINK_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[SCTP_DAR_A_LINK_PRIORITY] = NLA_POLICY_MAX(NLA_U32, 255),
};

/* Ops table for sctp_dar */
const struct genl_ops sctp_dar_nl_ops[9] = {
	{
		.cmd		= SCTP_DAR_CMD_ASSOC_GET,
		.doit		= sctp_dar_nl_assoc_get_doit,
		.dumpit		= sctp_dar_nl_assoc_get_dumpit,
		.policy		= sctp_dar_assoc_get_nl_policy,
		.maxattr	= SCTP_DAR_A_ASSOC_ADDR,
	},
	{
		.cmd		= SCTP_DAR_CMD_STATS_GET,
		.doit		= sctp_dar_nl_stats_get_doit,
	},
	{
		.cmd		= SCTP_DAR_CMD_ADDR_ADD,
		.doit		= sctp_dar_nl_addr_add_doit,
		.policy		= sctp_dar_addr_add_nl_policy,
		.maxattr	= SCTP_DAR_A_ASSOC_LOCAL_ADDR,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= SCTP_DAR_CMD_ADDR_DEL,
		.doit		= sctp_dar_nl_addr_del_doit,
		.policy		= sctp_dar_addr_del_nl_policy,
		.maxattr	= SCTP_DAR_A_ASSOC_LOCAL_ADDR,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= SCTP_DAR_CMD_ASSOC_SET,
		.doit		= sctp_dar_nl_assoc_set_doit,
		.policy		= sctp_dar_assoc_set_nl_policy,
		.maxattr	= SCTP_DAR_A_ASSOC_PEER_PRIMARY,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= SCTP_DAR_CMD_POLICY_GET,
		.doit		= sctp_dar_nl_policy_get_doit,
	},
	{
		.cmd		= SCTP_DAR_CMD_POLICY_SET,
		.doit		= sctp_dar_nl_policy_set_doit,
		.policy		= sctp_dar_policy_set_nl_policy,
		.maxattr	= SCTP_DAR_A_POLICY_ROUTE_METRIC,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= SCTP_DAR_CMD_LINK_GET,
		.doit		= sctp_dar_nl_link_get_doit,
		.dumpit		= sctp_dar_nl_link_get_dumpit,
		.policy		= sctp_dar_link_get_nl_policy,
		.maxattr	= SCTP_DAR_A_LINK_IFINDEX,
	},
	{
		.cmd		= SCTP_DAR_CMD_LINK_SET,
		.doit		= sctp_dar_nl_link_set_doit,
		.policy		= sctp_dar_link_set_nl_policy,
		.maxattr	= SCTP_DAR_A_LINK_PRIORITY,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
};

const struct genl_multicast_group sctp_dar_nl_mcgrps[1] = {
	[SCTP_DAR_NLGRP_EVENTS] = { SCTP_DAR_MCGRP_EVENTS, },
};
