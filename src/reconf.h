/* SPDX-License-Identifier: GPL-2.0 */
/*
 * reconf.h - the per-namespace reconfiguration engine: host events go in,
 * a debounced worker reconciles every managed association with the host's
 * addresses (policy.c decides, assoc.c acts).
 */
#ifndef _SCTP_DAR_RECONF_H
#define _SCTP_DAR_RECONF_H

#include <linux/list.h>
#include <linux/types.h>
#include <net/sctp/structs.h>

struct net;

/**
 * enum sctp_dar_hostev_type - what happened on the host
 * @SCTP_DAR_EV_ADDR_ADD: an address was configured (IPv6: maybe tentative)
 * @SCTP_DAR_EV_ADDR_DEL: an address was removed
 * @SCTP_DAR_EV_LINK_UP: a device came up or got its carrier back
 * @SCTP_DAR_EV_LINK_DOWN: a device went down or lost its carrier
 * @SCTP_DAR_EV_LINK_NEW: a device appeared (NIC hot-plugged)
 * @SCTP_DAR_EV_LINK_GONE: a device is being unregistered
 * @__SCTP_DAR_EV_MAX: number of types
 */
enum sctp_dar_hostev_type {
	SCTP_DAR_EV_ADDR_ADD,
	SCTP_DAR_EV_ADDR_DEL,
	SCTP_DAR_EV_LINK_UP,
	SCTP_DAR_EV_LINK_DOWN,
	SCTP_DAR_EV_LINK_NEW,
	SCTP_DAR_EV_LINK_GONE,
	__SCTP_DAR_EV_MAX,
};

/**
 * struct sctp_dar_hostev - one host event, copied out of a notifier
 * @list: in the namespace's event queue
 * @type: enum sctp_dar_hostev_type
 * @ifindex: the device
 * @a: the address (address events only)
 * @ns: when it happened (ktime_get_ns())
 */
struct sctp_dar_hostev {
	struct list_head list;
	u8 type;
	int ifindex;
	union sctp_addr a;
	u64 ns;
};

struct sctp_dar_asockey;
struct sctp_dar_assoc_stats;
struct sctp_dar_policy_cfg;

void sctp_dar_reconf_hostev(struct net *net, struct sctp_dar_hostev *ev);
void sctp_dar_reconf_peer_asconf(struct net *net);
int sctp_dar_reconf_pin(struct net *net, const struct sctp_dar_asockey *key,
			bool peer_primary, const union sctp_addr *addr);
int sctp_dar_reconf_assoc_info(struct net *net,
			       const struct sctp_dar_asockey *key,
			       struct sctp_dar_assoc_stats *stats,
			       union sctp_addr *peer_primary);
int sctp_dar_reconf_get_cfg(struct net *net, struct sctp_dar_policy_cfg *cfg);
int sctp_dar_reconf_set_cfg(struct net *net,
			    const struct sctp_dar_policy_cfg *cfg);
int sctp_dar_reconf_update_cfg(struct net *net,
			       int (*update)(struct sctp_dar_policy_cfg *cfg,
					     void *arg),
			       void *arg, struct sctp_dar_policy_cfg *scratch);
int sctp_dar_reconf_init(void);
void sctp_dar_reconf_exit(void);

#endif /* _SCTP_DAR_RECONF_H */
