/* SPDX-License-Identifier: GPL-2.0 */
/*
 * manual.h - reconfiguration an administrator asks for over netlink
 * (sctpaddr addr add / addr del / assoc set ... primary, peer-primary).
 */
#ifndef _SCTP_DAR_MANUAL_H
#define _SCTP_DAR_MANUAL_H

#include <linux/sctp.h>
#include <linux/types.h>

struct net;
struct netlink_ext_ack;
struct nlattr;
struct sock;
union sctp_addr;

/**
 * enum sctp_dar_manual_op - what an administrator asks for
 * @SCTP_DAR_MANUAL_ADD: add a local address (ASCONF ADD-IP)
 * @SCTP_DAR_MANUAL_DEL: delete a local address (ASCONF DELETE-IP)
 * @SCTP_DAR_MANUAL_PRIMARY: send to this peer address (local primary)
 * @SCTP_DAR_MANUAL_PEER_PRIMARY: ask the peer to send to this local
 *	address (ASCONF SET-PRIMARY)
 */
enum sctp_dar_manual_op {
	SCTP_DAR_MANUAL_ADD,
	SCTP_DAR_MANUAL_DEL,
	SCTP_DAR_MANUAL_PRIMARY,
	SCTP_DAR_MANUAL_PEER_PRIMARY,
};

int sctp_dar_manual(struct net *net, struct sock *sk, sctp_assoc_t id,
		    enum sctp_dar_manual_op op, const union sctp_addr *addr,
		    const struct nlattr *attr, struct netlink_ext_ack *extack);

#endif /* _SCTP_DAR_MANUAL_H */
