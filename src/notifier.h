/* SPDX-License-Identifier: GPL-2.0 */
/*
 * notifier.h - host network events (devices, carrier, IPv4/IPv6 addresses)
 * copied out of the kernel's notifier chains and handed to reconf.c.
 */
#ifndef _SCTP_DAR_NOTIFIER_H
#define _SCTP_DAR_NOTIFIER_H

int sctp_dar_notifier_init(void);
void sctp_dar_notifier_exit(void);

#endif /* _SCTP_DAR_NOTIFIER_H */
