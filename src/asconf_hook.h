/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asconf_hook.h - the ASCONF wire hook: netfilter hooks in every network
 * namespace that verify the ASCONF chunks peers send and time the ASCONF
 * exchanges this host starts (RFC 5061).
 */
#ifndef _SCTP_DAR_ASCONF_HOOK_H
#define _SCTP_DAR_ASCONF_HOOK_H

struct sk_buff;
struct sctp_dar_pkt_reader;

int sctp_dar_asconf_hook_init(void);
void sctp_dar_asconf_hook_exit(void);
void sctp_dar_skb_reader(struct sctp_dar_pkt_reader *r,
			 const struct sk_buff *skb);

#endif /* _SCTP_DAR_ASCONF_HOOK_H */
