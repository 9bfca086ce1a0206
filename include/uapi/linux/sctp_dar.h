/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * sctp_dar - dynamic address reconfiguration for SCTP associations.
 *
 * User-visible constants of the sctp_dar module. The generic-netlink
 * interface described in Documentation/netlink/specs/sctp_dar.yaml is added
 * to this header as it is implemented.
 */
#ifndef _UAPI_LINUX_SCTP_DAR_H
#define _UAPI_LINUX_SCTP_DAR_H

/** SCTP_DAR_GENL_NAME - name of the generic-netlink family */
#define SCTP_DAR_GENL_NAME	"sctp_dar"
/** SCTP_DAR_GENL_VERSION - version of the generic-netlink family */
#define SCTP_DAR_GENL_VERSION	1
/** SCTP_DAR_MCGRP_EVENTS - name of the multicast group carrying events */
#define SCTP_DAR_MCGRP_EVENTS	"events"

#endif /* _UAPI_LINUX_SCTP_DAR_H */
