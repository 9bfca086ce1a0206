/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asconf_hook.h - the ASCONF wire hook: netfilter hooks in every network
 * namespace that verify the ASCONF chunks peers send and time the ASCONF
 * exchanges this host starts (RFC 5061).
 */
#ifndef _SCTP_DAR_ASCONF_HOOK_H
#define _SCTP_DAR_ASCONF_HOOK_H

int sctp_dar_asconf_hook_init(void);
void sctp_dar_asconf_hook_exit(void);

#endif /* _SCTP_DAR_ASCONF_HOOK_H */
