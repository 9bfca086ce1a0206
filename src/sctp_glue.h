/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sctp_glue.h - the only door to sctp.ko.
 *
 * sctp_dar must load on Debian's unmodified sctp.ko, so it uses nothing but
 * sctp.ko's exported symbols, resolved at init with symbol_get(): a host
 * where SCTP cannot be loaded gets a clear refusal instead of "Unknown
 * symbol", and sctp.ko is pinned for as long as sctp_dar is loaded.
 */
#ifndef _SCTP_DAR_SCTP_GLUE_H
#define _SCTP_DAR_SCTP_GLUE_H

#include <net/sctp/sctp.h>

int sctp_dar_sctp_glue_init(void);
void sctp_dar_sctp_glue_exit(void);

/**
 * typedef sctp_dar_ep_cb_t - visitor of sctp_dar_sctp_walk_endpoints()
 * @ep: the endpoint, held for the duration of the call
 * @arg: the walk's argument
 *
 * Return: 0 to go on, anything else to stop the walk with that value.
 */
typedef int (*sctp_dar_ep_cb_t)(struct sctp_endpoint *ep, void *arg);

int sctp_dar_sctp_walk_endpoints(struct net *net, sctp_dar_ep_cb_t cb,
				 void *arg);

int sctp_dar_sctp_transport_traverse(struct net *net, sctp_callback_t cb,
				     sctp_callback_t cb_done, int *pos,
				     void *arg);

int sctp_dar_sctp_transport_lookup(struct net *net,
				   const union sctp_addr *laddr,
				   const union sctp_addr *paddr, int dif,
				   sctp_callback_t cb, void *arg);

#endif /* _SCTP_DAR_SCTP_GLUE_H */
