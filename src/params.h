/* SPDX-License-Identifier: GPL-2.0 */
/*
 * params.h - module parameters: the defaults a new namespace starts with.
 */
#ifndef _SCTP_DAR_PARAMS_H
#define _SCTP_DAR_PARAMS_H

#include <linux/types.h>

/* Bounds, also enforced when the parameters are written through sysfs. */
#define SCTP_DAR_DEBOUNCE_MS_MAX	10000
#define SCTP_DAR_GRACE_MS_MAX		600000
#define SCTP_DAR_HOLDDOWN_MS_MAX	60000

extern unsigned int sctp_dar_param_debounce_ms;
extern unsigned int sctp_dar_param_grace_ms;
extern unsigned int sctp_dar_param_holddown_ms;
extern bool sctp_dar_param_require_auth;
extern bool sctp_dar_param_manage_wildcard;
extern bool sctp_dar_param_route_metric;

/* manage_ports: "", "all" or "p1,p2,..." (see policy.c) */
#define SCTP_DAR_MANAGE_PORTS_LEN	256
extern char sctp_dar_param_manage_ports[SCTP_DAR_MANAGE_PORTS_LEN];

#if IS_ENABLED(CONFIG_KUNIT)
#include <linux/moduleparam.h>
extern const struct kernel_param_ops sctp_dar_debounce_ops;
extern const struct kernel_param_ops sctp_dar_grace_ops;
#endif

#endif /* _SCTP_DAR_PARAMS_H */
