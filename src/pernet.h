/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pernet.h - sctp_dar's state in each network namespace.
 */
#ifndef _SCTP_DAR_PERNET_H
#define _SCTP_DAR_PERNET_H

#include <net/net_namespace.h>
#include <net/netns/generic.h>

#include "stats.h"

struct sctp_dar_reconf;

/**
 * struct sctp_dar_net - per network namespace state
 * @net: the namespace this state belongs to
 * @debounce_ms: coalescing window for address events (from the module
 *               parameter at namespace creation; policy-set changes it,
 *               read with READ_ONCE() by the notifiers)
 * @grace_ms: how long a replaced address is kept before it is deleted
 * @holddown_ms: how long a link may be down before its addresses are
 *	deleted
 *            (copy of the engine's policy, as @debounce_ms)
 * @require_auth: reconfigure only associations whose peer does SCTP-AUTH
 *                (copy of the engine's policy, as @debounce_ms)
 * @reconf: the reconfiguration engine's state (reconf.c); set after this
 *          state is initialised, cleared in pre_exit, read under RCU by
 *          the address notifiers (which may run before and after it)
 * @stats: counters, read by stats-get (stats.h)
 * @nl_gen: bumped on every change to an association that a dump would show
 *          (sctp_dar_nl_assoc_changed()); lets netlink.c flag interrupted
 *          dumps
 */
struct sctp_dar_net {
	struct net *net;
	unsigned int debounce_ms;
	unsigned int grace_ms;
	unsigned int holddown_ms;
	bool require_auth;
	struct sctp_dar_reconf __rcu *reconf;
	struct sctp_dar_stats stats;
	atomic_t nl_gen;
};

extern unsigned int sctp_dar_net_id;

/**
 * sctp_dar_net - the sctp_dar state of a namespace
 * @net: the namespace; must be alive (a reference held, or in its init/exit)
 *
 * Return: the state; never NULL once sctp_dar_pernet_init() succeeded.
 */
static inline struct sctp_dar_net *sctp_dar_net(const struct net *net)
{
	return net_generic(net, sctp_dar_net_id);
}

int sctp_dar_pernet_init(void);
void sctp_dar_pernet_exit(void);

#endif /* _SCTP_DAR_PERNET_H */
