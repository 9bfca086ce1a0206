/* SPDX-License-Identifier: GPL-2.0 */
/*
 * auto_asconf.h - the kernel's auto_asconf queue for wildcard-bound
 * sockets, fed and run by sctp_dar (auto_asconf.c).
 */
#ifndef _SCTP_DAR_AUTO_ASCONF_H
#define _SCTP_DAR_AUTO_ASCONF_H

#include <linux/types.h>
#include <net/sctp/structs.h>

struct net;

/**
 * enum sctp_dar_wq_where - where sctp_dar_wq_inject() queues an event
 * @SCTP_DAR_WQ_TAIL: after the waiting events, unless one for the address
 *	is waiting
 * @SCTP_DAR_WQ_HEAD: before the waiting events, same condition
 * @SCTP_DAR_WQ_AGAIN: after the waiting events, even if one for the
 *	address is waiting
 */
enum sctp_dar_wq_where {
	SCTP_DAR_WQ_TAIL,
	SCTP_DAR_WQ_HEAD,
	SCTP_DAR_WQ_AGAIN,
};

bool sctp_dar_wq_queued(struct net *net, const union sctp_addr *a);
int sctp_dar_wq_inject(struct net *net, const union sctp_addr *a, bool add,
		       enum sctp_dar_wq_where where);
void sctp_dar_wq_park(struct net *net);
void sctp_dar_wq_defer(struct net *net);
bool sctp_dar_wq_run(struct net *net);
bool sctp_dar_wq_kick(struct net *net);
bool sctp_dar_wq_unpark(struct net *net);
void sctp_dar_wq_release(struct net *net);

#endif /* _SCTP_DAR_AUTO_ASCONF_H */
