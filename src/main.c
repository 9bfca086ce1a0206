// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - sctp_dar module entry: registers each part in order and unwinds
 * in reverse. Nothing else lives here but the module parameters.
 *
 * sctp_dar gives SCTP associations dynamic address reconfiguration
 * (RFC 5061 ADD-IP / DELETE-IP / SET-PRIMARY) driven by the host's own
 * network events.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>

#include "asconf_hook.h"
#include "netlink.h"
#include "notifier.h"
#include "params.h"
#include "pernet.h"
#include "policy.h"
#include "reconf.h"
#include "sctp_glue.h"
#include "version.h"

unsigned int sctp_dar_param_debounce_ms = 20;
unsigned int sctp_dar_param_grace_ms = 2000;
/* 3 s: longer than the neighbour layer holds packets for a neighbour it
 * cannot resolve (net.ipv4.neigh.*.mcast_solicit 3 x retrans_time 1 s),
 * so packets that left with the old address while its link was down are
 * dropped before the peer can learn it was deleted (design.md).
 */
unsigned int sctp_dar_param_holddown_ms = 3000;
bool sctp_dar_param_require_auth = true;
bool sctp_dar_param_manage_wildcard = true;
bool sctp_dar_param_route_metric = true;
char sctp_dar_param_manage_ports[SCTP_DAR_MANAGE_PORTS_LEN] = "all";

static int dar_param_set_debounce(const char *val,
				  const struct kernel_param *kp)
{
	return param_set_uint_minmax(val, kp, 0, SCTP_DAR_DEBOUNCE_MS_MAX);
}

static int dar_param_set_grace(const char *val, const struct kernel_param *kp)
{
	return param_set_uint_minmax(val, kp, 0, SCTP_DAR_GRACE_MS_MAX);
}

static int dar_param_set_holddown(const char *val,
				  const struct kernel_param *kp)
{
	return param_set_uint_minmax(val, kp, 0, SCTP_DAR_HOLDDOWN_MS_MAX);
}

static const struct kernel_param_ops dar_holddown_ops = {
	.set = dar_param_set_holddown,
	.get = param_get_uint,
};

/* manage_ports: validated with the policy's own parser, stored as text;
 * each new namespace parses it again (under kernel_param_lock()).
 */
static int dar_param_set_ports(const char *val, const struct kernel_param *kp)
{
	struct sctp_dar_policy_cfg *cfg;
	size_t len = strlen(val);
	int err;

	if (len && val[len - 1] == '\n')
		len--;
	if (len >= SCTP_DAR_MANAGE_PORTS_LEN)
		return -EINVAL;
	/* Too large for the stack (deny list, priorities). */
	cfg = kzalloc(sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;
	err = sctp_dar_policy_parse_ports(val, cfg);
	kfree(cfg);
	if (err)
		return -EINVAL;
	memcpy(kp->str->string, val, len);
	kp->str->string[len] = '\0';
	return 0;
}

static const struct kernel_param_ops dar_ports_ops = {
	.set = dar_param_set_ports,
	.get = param_get_string,
};

static struct kparam_string dar_ports_str = {
	.maxlen = SCTP_DAR_MANAGE_PORTS_LEN,
	.string = sctp_dar_param_manage_ports,
};

VISIBLE_IF_KUNIT const struct kernel_param_ops sctp_dar_debounce_ops = {
	.set = dar_param_set_debounce,
	.get = param_get_uint,
};
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_debounce_ops);

VISIBLE_IF_KUNIT const struct kernel_param_ops sctp_dar_grace_ops = {
	.set = dar_param_set_grace,
	.get = param_get_uint,
};
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_grace_ops);

module_param_cb(debounce_ms, &sctp_dar_debounce_ops, &sctp_dar_param_debounce_ms,
		0644);
MODULE_PARM_DESC(debounce_ms,
		 "Coalescing window for host events in new namespaces (the first address event after a quiet window is served at once; link events wait), ms (0-10000, default 20)");
module_param_cb(grace_ms, &sctp_dar_grace_ops, &sctp_dar_param_grace_ms, 0644);
MODULE_PARM_DESC(grace_ms,
		 "Grace period before a replaced address is deleted in new namespaces, ms (0-600000, default 2000)");
module_param_cb(holddown_ms, &dar_holddown_ops, &sctp_dar_param_holddown_ms,
		0644);
MODULE_PARM_DESC(holddown_ms,
		 "How long a link may be down before its addresses are deleted from associations in new namespaces, ms (0-60000, default 3000)");
module_param_named(require_auth, sctp_dar_param_require_auth, bool, 0644);
MODULE_PARM_DESC(require_auth,
		 "Reconfigure only associations authenticated with SCTP-AUTH (default Y)");
module_param_named(manage_wildcard, sctp_dar_param_manage_wildcard, bool, 0644);
MODULE_PARM_DESC(manage_wildcard,
		 "Manage wildcard-bound sockets in new namespaces (default Y)");
module_param_named(route_metric, sctp_dar_param_route_metric, bool, 0644);
MODULE_PARM_DESC(route_metric,
		 "Between interfaces of equal priority, prefer the one whose default route has the lowest metric, in new namespaces (default Y)");
module_param_cb(manage_ports, &dar_ports_ops, &dar_ports_str, 0644);
MODULE_PARM_DESC(manage_ports,
		 "Specifically-bound sockets managed in new namespaces: \"\" or \"none\", \"all\" (default) or a list of local ports \"5000,5001\"");

static int __init sctp_dar_init(void)
{
	int err;

	err = sctp_dar_sctp_glue_init();
	if (err)
		return err;

	err = sctp_dar_pernet_init();
	if (err)
		goto err_glue;

	err = sctp_dar_netlink_init();
	if (err)
		goto err_pernet;

	err = sctp_dar_reconf_init();
	if (err)
		goto err_netlink;

	err = sctp_dar_notifier_init();
	if (err)
		goto err_reconf;

	err = sctp_dar_asconf_hook_init();
	if (err)
		goto err_notifier;

	pr_info("version " SCTP_DAR_VERSION " loaded\n");
	return 0;

err_notifier:
	sctp_dar_notifier_exit();
err_reconf:
	sctp_dar_reconf_exit();
err_netlink:
	sctp_dar_netlink_exit();
err_pernet:
	sctp_dar_pernet_exit();
err_glue:
	sctp_dar_sctp_glue_exit();
	return err;
}

static void __exit sctp_dar_exit(void)
{
	sctp_dar_asconf_hook_exit();
	sctp_dar_notifier_exit();
	sctp_dar_reconf_exit();
	sctp_dar_netlink_exit();
	sctp_dar_pernet_exit();
	sctp_dar_sctp_glue_exit();
	pr_info("version " SCTP_DAR_VERSION " unloaded\n");
}

module_init(sctp_dar_init);
module_exit(sctp_dar_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The sctp_dar authors");
MODULE_DESCRIPTION("Dynamic address reconfiguration (RFC 5061) for SCTP associations");
MODULE_VERSION(SCTP_DAR_VERSION);
MODULE_SOFTDEP("pre: sctp");
