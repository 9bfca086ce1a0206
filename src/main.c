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

#include "params.h"
#include "pernet.h"
#include "sctp_glue.h"
#include "version.h"

unsigned int sctp_dar_param_debounce_ms = 20;
unsigned int sctp_dar_param_grace_ms = 2000;
bool sctp_dar_param_require_auth = true;

static int dar_param_set_debounce(const char *val,
				  const struct kernel_param *kp)
{
	return param_set_uint_minmax(val, kp, 0, SCTP_DAR_DEBOUNCE_MS_MAX);
}

static int dar_param_set_grace(const char *val, const struct kernel_param *kp)
{
	return param_set_uint_minmax(val, kp, 0, SCTP_DAR_GRACE_MS_MAX);
}

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
		 "Coalescing window for address events in new namespaces, ms (0-10000, default 20)");
module_param_cb(grace_ms, &sctp_dar_grace_ops, &sctp_dar_param_grace_ms, 0644);
MODULE_PARM_DESC(grace_ms,
		 "Grace period before a replaced address is deleted in new namespaces, ms (0-600000, default 2000)");
module_param_named(require_auth, sctp_dar_param_require_auth, bool, 0644);
MODULE_PARM_DESC(require_auth,
		 "Reconfigure only associations authenticated with SCTP-AUTH (default Y)");

static int __init sctp_dar_init(void)
{
	int err;

	err = sctp_dar_sctp_glue_init();
	if (err)
		return err;

	err = sctp_dar_pernet_init();
	if (err)
		goto err_glue;

	pr_info("version " SCTP_DAR_VERSION " loaded\n");
	return 0;

err_glue:
	sctp_dar_sctp_glue_exit();
	return err;
}

static void __exit sctp_dar_exit(void)
{
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
