/* SPDX-License-Identifier: GPL-2.0 */
/*
 * init_primary.h - Set Primary Address in outgoing INIT and INIT-ACK
 * (RFC 5061 section 4.2.4), for the wire hook's LOCAL_OUT path.
 */
#ifndef _SCTP_DAR_INIT_PRIMARY_H
#define _SCTP_DAR_INIT_PRIMARY_H

#include <linux/types.h>

#include "asconf_codec.h"

struct net;
struct sk_buff;

bool sctp_dar_init_primary_enabled(void);
void sctp_dar_init_primary(struct net *net, struct sk_buff *skb,
			   unsigned int thoff, const struct sctp_dar_addr *src,
			   const struct sctp_dar_addr *dst);

#endif /* _SCTP_DAR_INIT_PRIMARY_H */
