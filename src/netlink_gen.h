/* SPDX-License-Identifier: GPL-2.0 */
/*
 * netlink_gen.h - policies and ops table of the sctp_dar family.
 *
 * Written by hand from Documentation/netlink/specs/sctp_dar.yaml in the
 * shape the YNL generator ("kernel-policy: per-op") produces; Linux 6.1 has
 * neither the generator's split ops nor NLA_UINT. Keep it in step with the
 * spec: tests/unit/spec_check.py compares them.
 */
#ifndef _SCTP_DAR_NETLINK_GEN_H
#define _SCTP_DAR_NETLINK_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include <uapi/linux/sctp_dar.h>

/* Common nested types */
extern const struct nla_policy sctp_dar_addr_nl_policy[SCTP_DAR_A_ADDR_STATE + 1];
extern const struct nla_policy sctp_dar_ports_nl_policy[SCTP_DAR_A_PORTS_PORT + 1];
extern const struct nla_policy sctp_dar_prefix_nl_policy[SCTP_DAR_A_PREFIX_LEN + 1];
extern const struct nla_policy sctp_dar_prefixes_nl_policy[SCTP_DAR_A_PREFIXES_PREFIX + 1];

/* Ops table for sctp_dar */
extern const struct genl_ops sctp_dar_nl_ops[9];

int sctp_dar_nl_pre_doit(const struct sctp_dar_genl_split_ops *ops,
			 struct sk_buff *skb, struct genl_info *info);
void sctp_dar_nl_post_doit(const struct sctp_dar_genl_split_ops *ops,
			   struct sk_buff *skb, struct genl_info *info);

int sctp_dar_nl_assoc_get_doit(struct sk_buff *skb, struct genl_info *info);
int sctp_dar_nl_assoc_get_dumpit(struct sk_buff *skb,
				 struct netlink_callback *cb);
int sctp_dar_nl_stats_get_doit(struct sk_buff *skb, struct genl_info *info);
int sctp_dar_nl_addr_add_doit(struct sk_buff *skb, struct genl_info *info);
int sctp_dar_nl_addr_del_doit(struct sk_buff *skb, struct genl_info *info);
int sctp_dar_nl_assoc_set_doit(struct sk_buff *skb, struct genl_info *info);
int sctp_dar_nl_policy_get_doit(struct sk_buff *skb, struct genl_info *info);
int sctp_dar_nl_policy_set_doit(struct sk_buff *skb, struct genl_info *info);
int sctp_dar_nl_link_get_doit(struct sk_buff *skb, struct genl_info *info);
int sctp_dar_nl_link_get_dumpit(struct sk_buff *skb,
				struct netlink_callback *cb);
int sctp_dar_nl_link_set_doit(struct sk_buff *skb, struct genl_info *info);

enum {
	SCTP_DAR_NLGRP_EVENTS,
};

extern const struct genl_multicast_group sctp_dar_nl_mcgrps[1];

#endif /* _SCTP_DAR_NETLINK_GEN_H */
