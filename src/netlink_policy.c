// SPDX-License-Identifier: GPL-2.0
/*
 * netlink_policy.c - the policy and link objects of the sctp_dar family:
 * policy-get / policy-set (managed sockets, grace period, debounce, AUTH
 * requirement, pause, deny-listed prefixes, route metrics) and link-get /
 * link-set (interface priorities; the default routes' metrics). The
 * engine keeps the policy (reconf.c); this file translates it to and from
 * attributes and validates every change before anything is applied.
 *
 * Locking: no lock of its own. policy-set and link-set apply their change
 * under the engine's mutex to the policy as it is then
 * (sctp_dar_reconf_update_cfg()): two administrators' changes do not
 * interleave, and a priority the engine clears for a vanished link (device
 * unregistered) is never written back from a stale copy. link-set checks
 * under that mutex that the device is still listed; the unregister path
 * unlists it before the notifier queues the engine's clearing, so either
 * the priority is set before that clearing or the request fails ENODEV.
 * The link dump walks the device list under RCU in ifindex order (see
 * sctp_dar_nl_link_get_dumpit()).
 *
 * Contexts: process context (generic-netlink handlers; parallel_ops).
 */
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/sctp/sctp.h>

#include "netlink.h"
#include "netlink_gen.h"
#include "policy.h"
#include "reconf.h"
#include "route.h"

/* ---- policy-get ----------------------------------------------------------- */

static int dar_put_policy(struct sk_buff *skb,
			  const struct sctp_dar_policy_cfg *cfg)
{
	struct nlattr *nest, *pfx;
	unsigned int i;

	if (nla_put_u8(skb, SCTP_DAR_A_POLICY_MANAGE_WILDCARD,
		       cfg->manage_wildcard) ||
	    nla_put_u8(skb, SCTP_DAR_A_POLICY_MANAGE_ALL_BOUND,
		       cfg->manage_all_bound))
		return -EMSGSIZE;
	nest = nla_nest_start(skb, SCTP_DAR_A_POLICY_MANAGE_PORTS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < cfg->nports; i++)
		if (nla_put_be16(skb, SCTP_DAR_A_PORTS_PORT,
				 htons(cfg->ports[i])))
			return -EMSGSIZE;
	nla_nest_end(skb, nest);
	if (nla_put_u32(skb, SCTP_DAR_A_POLICY_GRACE_MS, cfg->grace_ms) ||
	    nla_put_u32(skb, SCTP_DAR_A_POLICY_DEBOUNCE_MS, cfg->debounce_ms) ||
	    nla_put_u8(skb, SCTP_DAR_A_POLICY_REQUIRE_AUTH,
		       cfg->require_auth) ||
	    nla_put_u8(skb, SCTP_DAR_A_POLICY_PAUSED, cfg->paused) ||
	    nla_put_u32(skb, SCTP_DAR_A_POLICY_HOLDDOWN_MS, cfg->holddown_ms) ||
	    nla_put_u8(skb, SCTP_DAR_A_POLICY_ROUTE_METRIC, cfg->route_metric))
		return -EMSGSIZE;
	nest = nla_nest_start(skb, SCTP_DAR_A_POLICY_DENY);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < cfg->ndeny; i++) {
		pfx = nla_nest_start(skb, SCTP_DAR_A_PREFIXES_PREFIX);
		if (!pfx ||
		    sctp_dar_nl_put_addr(skb, SCTP_DAR_A_PREFIX_ADDR,
					 &cfg->deny[i].a) ||
		    nla_put_u8(skb, SCTP_DAR_A_PREFIX_LEN, cfg->deny[i].len))
			return -EMSGSIZE;
		nla_nest_end(skb, pfx);
	}
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * sctp_dar_nl_policy_get_doit - reply with the namespace's policy
 * @skb: the request
 * @info: its details
 *
 * Context: process context.
 * Return: 0 or a negative errno.
 */
int sctp_dar_nl_policy_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct sctp_dar_policy_cfg *cfg;
	struct sk_buff *msg;
	void *hdr;
	int err;

	cfg = kmalloc(sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;
	err = sctp_dar_reconf_get_cfg(genl_info_net(info), cfg);
	if (err)
		goto out;
	err = -ENOMEM;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		goto out;
	hdr = sctp_dar_nl_reply_hdr(msg, info, SCTP_DAR_CMD_POLICY_GET);
	err = -EMSGSIZE;
	if (!hdr || dar_put_policy(msg, cfg)) {
		nlmsg_free(msg);
		goto out;
	}
	genlmsg_end(msg, hdr);
	err = genlmsg_reply(msg, info);
out:
	kfree(cfg);
	return err;
}

/* ---- policy-set ------------------------------------------------------------ */

static int dar_parse_ports(const struct nlattr *nest,
			   struct sctp_dar_policy_cfg *cfg,
			   struct netlink_ext_ack *extack)
{
	const struct nlattr *a;
	unsigned int n = 0, i;
	int rem;
	u16 port;

	nla_for_each_nested(a, nest, rem) {
		if (nla_type(a) != SCTP_DAR_A_PORTS_PORT)
			continue;	/* rejected by the policy already */
		if (n == SCTP_DAR_MAX_PORTS) {
			NL_SET_ERR_MSG_ATTR(extack, a, "at most 32 ports");
			return -E2BIG;
		}
		port = ntohs(nla_get_be16(a));
		for (i = 0; i < n; i++) {
			if (cfg->ports[i] == port) {
				NL_SET_ERR_MSG_ATTR(extack, a, "port given twice");
				return -EINVAL;
			}
		}
		cfg->ports[n++] = port;
	}
	cfg->nports = n;
	return 0;
}

static int dar_parse_prefix(const struct nlattr *attr,
			    struct sctp_dar_policy_prefix *p,
			    struct netlink_ext_ack *extack)
{
	struct nlattr *tb[SCTP_DAR_A_PREFIX_MAX + 1];
	int err;

	err = nla_parse_nested(tb, SCTP_DAR_A_PREFIX_MAX, attr,
			       sctp_dar_prefix_nl_policy, extack);
	if (err)
		return err;
	if (!tb[SCTP_DAR_A_PREFIX_ADDR] || !tb[SCTP_DAR_A_PREFIX_LEN]) {
		NL_SET_ERR_MSG_ATTR(extack, attr, "a prefix needs addr and len");
		return -EINVAL;
	}
	err = sctp_dar_nl_addr_parse(tb[SCTP_DAR_A_PREFIX_ADDR], &p->a, extack);
	if (err)
		return err;
	p->len = nla_get_u8(tb[SCTP_DAR_A_PREFIX_LEN]);
	err = sctp_dar_policy_prefix_valid(p);
	if (err == -ERANGE)
		NL_SET_ERR_MSG_ATTR(extack, tb[SCTP_DAR_A_PREFIX_LEN],
				    "prefix length longer than the address");
	else if (err)
		NL_SET_ERR_MSG_ATTR(extack, tb[SCTP_DAR_A_PREFIX_ADDR],
				    "address has bits set past the prefix length");
	return err;
}

static int dar_parse_deny(const struct nlattr *nest,
			  struct sctp_dar_policy_cfg *cfg,
			  struct netlink_ext_ack *extack)
{
	const struct nlattr *a;
	unsigned int n = 0;
	int rem, err;

	nla_for_each_nested(a, nest, rem) {
		if (nla_type(a) != SCTP_DAR_A_PREFIXES_PREFIX)
			continue;	/* rejected by the policy already */
		if (n == SCTP_DAR_MAX_DENY) {
			NL_SET_ERR_MSG_ATTR(extack, a, "at most 16 prefixes");
			return -E2BIG;
		}
		err = dar_parse_prefix(a, &cfg->deny[n], extack);
		if (err)
			return err;
		n++;
	}
	cfg->ndeny = n;
	return 0;
}

/* Apply the request's attributes to @cfg; nothing is kept on error. */
static int dar_policy_apply(struct genl_info *info,
			    struct sctp_dar_policy_cfg *cfg)
{
	struct nlattr **tb = info->attrs;
	int err;

	if (tb[SCTP_DAR_A_POLICY_MANAGE_WILDCARD])
		cfg->manage_wildcard =
			nla_get_u8(tb[SCTP_DAR_A_POLICY_MANAGE_WILDCARD]);
	if (tb[SCTP_DAR_A_POLICY_MANAGE_ALL_BOUND])
		cfg->manage_all_bound =
			nla_get_u8(tb[SCTP_DAR_A_POLICY_MANAGE_ALL_BOUND]);
	if (tb[SCTP_DAR_A_POLICY_MANAGE_PORTS]) {
		err = dar_parse_ports(tb[SCTP_DAR_A_POLICY_MANAGE_PORTS], cfg,
				      info->extack);
		if (err)
			return err;
	}
	if (tb[SCTP_DAR_A_POLICY_GRACE_MS])
		cfg->grace_ms = nla_get_u32(tb[SCTP_DAR_A_POLICY_GRACE_MS]);
	if (tb[SCTP_DAR_A_POLICY_DEBOUNCE_MS])
		cfg->debounce_ms = nla_get_u32(tb[SCTP_DAR_A_POLICY_DEBOUNCE_MS]);
	if (tb[SCTP_DAR_A_POLICY_HOLDDOWN_MS])
		cfg->holddown_ms = nla_get_u32(tb[SCTP_DAR_A_POLICY_HOLDDOWN_MS]);
	if (tb[SCTP_DAR_A_POLICY_REQUIRE_AUTH])
		cfg->require_auth =
			nla_get_u8(tb[SCTP_DAR_A_POLICY_REQUIRE_AUTH]);
	if (tb[SCTP_DAR_A_POLICY_PAUSED])
		cfg->paused = nla_get_u8(tb[SCTP_DAR_A_POLICY_PAUSED]);
	if (tb[SCTP_DAR_A_POLICY_ROUTE_METRIC])
		cfg->route_metric =
			nla_get_u8(tb[SCTP_DAR_A_POLICY_ROUTE_METRIC]);
	if (tb[SCTP_DAR_A_POLICY_DENY]) {
		err = dar_parse_deny(tb[SCTP_DAR_A_POLICY_DENY], cfg,
				     info->extack);
		if (err)
			return err;
	}
	return 0;
}

static int dar_policy_update(struct sctp_dar_policy_cfg *cfg, void *arg)
{
	return dar_policy_apply(arg, cfg);
}

/**
 * sctp_dar_nl_policy_set_doit - change the namespace's policy
 * @skb: the request
 * @info: its details
 *
 * Context: process context; may sleep.
 * Return: 0 or a negative errno with an extack message; on error nothing
 * changed.
 */
int sctp_dar_nl_policy_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct sctp_dar_policy_cfg *cfg;
	int err;

	cfg = kmalloc(sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;
	err = sctp_dar_reconf_update_cfg(genl_info_net(info), dar_policy_update,
					 info, cfg);
	kfree(cfg);
	return err;
}

/* ---- link-get, link-set ----------------------------------------------------- */

/* The metric of @dev's default route of @family as attribute @type,
 * nothing when it has none (whether or not the policy follows it).
 */
static int dar_put_metric(struct sk_buff *skb, struct net_device *dev,
			  int family, int type)
{
	u32 metric;

	if (!sctp_dar_route_default_metric(dev_net(dev), family, dev->ifindex,
					   &metric))
		return 0;
	return nla_put_u32(skb, type, metric);
}

/* One link message; @cb is the dump's callback, NULL for a do.
 * Context: process context, or rcu_read_lock() (the dump).
 */
static int dar_fill_link(struct sk_buff *skb, struct net_device *dev,
			 const struct sctp_dar_policy_cfg *cfg,
			 struct netlink_callback *cb, u32 portid, u32 seq,
			 int flags)
{
	void *hdr;

	hdr = sctp_dar_nl_hdr(skb, portid, seq, flags, SCTP_DAR_CMD_LINK_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	if (nla_put_u32(skb, SCTP_DAR_A_LINK_IFINDEX, dev->ifindex) ||
	    nla_put_string(skb, SCTP_DAR_A_LINK_NAME, dev->name) ||
	    nla_put_u32(skb, SCTP_DAR_A_LINK_PRIORITY,
			sctp_dar_policy_link_prio(cfg, dev->ifindex)) ||
	    ((dev->flags & IFF_UP) && netif_running(dev) &&
	     netif_carrier_ok(dev) &&
	     nla_put_flag(skb, SCTP_DAR_A_LINK_UP)) ||
	    dar_put_metric(skb, dev, AF_INET, SCTP_DAR_A_LINK_METRIC) ||
	    dar_put_metric(skb, dev, AF_INET6, SCTP_DAR_A_LINK_METRIC6)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/**
 * sctp_dar_nl_link_get_doit - reply with one interface
 * @skb: the request
 * @info: its details
 *
 * Context: process context.
 * Return: 0 or a negative errno with an extack message.
 */
int sctp_dar_nl_link_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *attr = info->attrs[SCTP_DAR_A_LINK_IFINDEX];
	struct net *net = genl_info_net(info);
	struct sctp_dar_policy_cfg *cfg;
	struct net_device *dev;
	struct sk_buff *msg;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, SCTP_DAR_A_LINK_IFINDEX)) {
		NL_SET_ERR_MSG(info->extack, "missing ifindex");
		return -EINVAL;
	}
	cfg = kmalloc(sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;
	err = sctp_dar_reconf_get_cfg(net, cfg);
	if (err)
		goto out_cfg;
	dev = dev_get_by_index(net, nla_get_u32(attr));
	if (!dev || (dev->flags & IFF_LOOPBACK)) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    "no such interface in this network namespace");
		err = -ENODEV;
		goto out_dev;
	}
	err = -ENOMEM;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		goto out_dev;
	err = dar_fill_link(msg, dev, cfg, NULL, info->snd_portid,
			    info->snd_seq, 0);
	if (err) {
		nlmsg_free(msg);
		goto out_dev;
	}
	err = genlmsg_reply(msg, info);
out_dev:
	dev_put(dev);
out_cfg:
	kfree(cfg);
	return err;
}

/* Devices one dumpit call looks at; each call walks the list once. */
#define DAR_LINK_BATCH	32

/* Collect in @batch, in ifindex order, the (at most DAR_LINK_BATCH)
 * lowest-numbered devices of @net above @after. Context: rcu_read_lock().
 */
static unsigned int dar_link_batch_rcu(struct net *net, int after,
				       struct net_device **batch)
{
	struct net_device *dev;
	unsigned int n = 0, i;

	for_each_netdev_rcu(net, dev) {
		if ((dev->flags & IFF_LOOPBACK) || dev->ifindex <= after)
			continue;
		if (n == DAR_LINK_BATCH &&
		    dev->ifindex > batch[n - 1]->ifindex)
			continue;
		i = n < DAR_LINK_BATCH ? n++ : n - 1;
		for (; i > 0 && batch[i - 1]->ifindex > dev->ifindex; i--)
			batch[i] = batch[i - 1];
		batch[i] = dev;
	}
	return n;
}

/**
 * sctp_dar_nl_link_get_dumpit - dump the namespace's interfaces
 * @skb: the reply being filled
 * @cb: the dump; cb->args[0] holds the last ifindex sent
 *
 * The device list is in insertion order, not ifindex order (a device
 * moved in from another namespace keeps its lower ifindex and goes to the
 * end), so resuming "after the last ifindex sent" over the list would skip
 * devices. Each call sends devices in ifindex order instead, which makes
 * that resumption exact for every device present throughout the dump; a
 * message built after a device came or went (net->dev_base_seq changed)
 * carries NLM_F_DUMP_INTR, as in rtnetlink.
 *
 * Context: process context.
 * Return: the reply's length, 0 at the end, or a negative errno.
 */
int sctp_dar_nl_link_get_dumpit(struct sk_buff *skb,
				struct netlink_callback *cb)
{
	struct net_device *batch[DAR_LINK_BATCH];
	struct net *net = sock_net(skb->sk);
	struct sctp_dar_policy_cfg *cfg;
	unsigned int n, i;
	bool full = false;
	int err;

	cfg = kmalloc(sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;
	err = sctp_dar_reconf_get_cfg(net, cfg);
	if (err)
		goto out;
	rcu_read_lock();
	cb->seq = READ_ONCE(net->dev_base_seq);
	do {
		n = dar_link_batch_rcu(net, cb->args[0], batch);
		for (i = 0; i < n; i++) {
			if (dar_fill_link(skb, batch[i], cfg, cb,
					  NETLINK_CB(cb->skb).portid,
					  cb->nlh->nlmsg_seq, NLM_F_MULTI)) {
				full = true;
				break;
			}
			cb->args[0] = batch[i]->ifindex;
		}
	} while (!full && n == DAR_LINK_BATCH);
	rcu_read_unlock();
	err = skb->len;
out:
	kfree(cfg);
	return err;
}

struct dar_link_req {
	struct net *net;
	int ifindex;
	u32 prio;
	bool missing;	/* out: no such device (-ENODEV) */
};

/* Under the engine's mutex: the device must still be listed, so that its
 * unregistration (which unlists it, then queues the clearing of its
 * priority) comes after and clears what is set here.
 */
static int dar_link_update(struct sctp_dar_policy_cfg *cfg, void *arg)
{
	struct dar_link_req *req = arg;
	struct net_device *dev;
	bool found;

	rcu_read_lock();
	dev = dev_get_by_index_rcu(req->net, req->ifindex);
	found = dev && !(dev->flags & IFF_LOOPBACK);
	rcu_read_unlock();
	if (!found) {
		req->missing = true;
		return -ENODEV;
	}
	return sctp_dar_policy_set_link_prio(cfg, req->ifindex, req->prio);
}

/**
 * sctp_dar_nl_link_set_doit - set an interface's priority
 * @skb: the request
 * @info: its details
 *
 * Context: process context; may sleep.
 * Return: 0 or a negative errno with an extack message.
 */
int sctp_dar_nl_link_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *attr = info->attrs[SCTP_DAR_A_LINK_IFINDEX];
	struct net *net = genl_info_net(info);
	struct sctp_dar_policy_cfg *cfg;
	struct dar_link_req req = {};
	int err;

	if (GENL_REQ_ATTR_CHECK(info, SCTP_DAR_A_LINK_IFINDEX)) {
		NL_SET_ERR_MSG(info->extack, "missing ifindex");
		return -EINVAL;
	}
	if (GENL_REQ_ATTR_CHECK(info, SCTP_DAR_A_LINK_PRIORITY)) {
		NL_SET_ERR_MSG(info->extack, "missing priority");
		return -EINVAL;
	}
	req.net = net;
	req.ifindex = nla_get_u32(attr);
	req.prio = nla_get_u32(info->attrs[SCTP_DAR_A_LINK_PRIORITY]);
	cfg = kmalloc(sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;
	err = sctp_dar_reconf_update_cfg(net, dar_link_update, &req, cfg);
	kfree(cfg);
	if (req.missing)
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    "no such interface in this network namespace");
	else if (err == -ENOSPC)
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    "at most 32 interfaces can have a priority");
	return err;
}
