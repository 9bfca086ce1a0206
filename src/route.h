/* SPDX-License-Identifier: GPL-2.0 */
/*
 * route.h - what the host's own routing prefers: the metric of each
 * interface's default route (route.c).
 */
#ifndef _SCTP_DAR_ROUTE_H
#define _SCTP_DAR_ROUTE_H

#include <linux/types.h>
#include <net/net_namespace.h>

bool sctp_dar_route_default_metric(struct net *net, int family, int ifindex,
				   u32 *metric);

#endif /* _SCTP_DAR_ROUTE_H */
