/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * sctp_dar - dynamic address reconfiguration for SCTP associations.
 *
 * The generic-netlink family "sctp_dar", version 1. Its source of truth is
 * Documentation/netlink/specs/sctp_dar.yaml; this header is written in the
 * shape the YNL generator gives it (tests/unit/spec_check.py compares them).
 * Every request acts on the caller's network namespace only.
 *
 * Commands and their attribute trees ([x] optional, * repeated):
 *
 * SCTP_DAR_CMD_ASSOC_GET, do: one association
 *   request   SCTP_DAR_A_ASSOC_ID                u32, required
 *   reply     one message in the dump's format below
 *
 * SCTP_DAR_CMD_ASSOC_GET, dump (NLM_F_DUMP): every association matching
 * all the selectors given
 *   request   [SCTP_DAR_A_ASSOC_ID]              u32
 *             [SCTP_DAR_A_ASSOC_LOCAL_PORT]      be16
 *             [SCTP_DAR_A_ASSOC_PEER_PORT]       be16
 *             [SCTP_DAR_A_ASSOC_SOCK_INO]        u32
 *             [SCTP_DAR_A_ASSOC_ADDR]            nest, local or peer address
 *               SCTP_DAR_A_ADDR_IPV4 | SCTP_DAR_A_ADDR_IPV6
 *   reply     one message per association:
 *             SCTP_DAR_A_ASSOC_ID                u32
 *             SCTP_DAR_A_ASSOC_LOCAL_PORT        be16
 *             SCTP_DAR_A_ASSOC_PEER_PORT         be16
 *             SCTP_DAR_A_ASSOC_STATE             u32, enum sctp_dar_assoc_state
 *             SCTP_DAR_A_ASSOC_SOCK_INO          u32
 *             SCTP_DAR_A_ASSOC_LOCAL_ADDR *      nest, one per local address
 *               SCTP_DAR_A_ADDR_IPV4 | SCTP_DAR_A_ADDR_IPV6
 *               SCTP_DAR_A_ADDR_STATE            u32, enum sctp_dar_laddr_state
 *             SCTP_DAR_A_ASSOC_PATH *            nest, one per peer address
 *               SCTP_DAR_A_PATH_ADDR             nest
 *                 SCTP_DAR_A_ADDR_IPV4 | SCTP_DAR_A_ADDR_IPV6
 *               SCTP_DAR_A_PATH_STATE            u32, enum sctp_dar_path_state
 *               SCTP_DAR_A_PATH_SRTT             u32, ms
 *               SCTP_DAR_A_PATH_RTO              u32, ms
 *               SCTP_DAR_A_PATH_CWND             u32, bytes
 *               SCTP_DAR_A_PATH_ERROR_COUNT      u32
 *               SCTP_DAR_A_PATH_PMTU             u32, bytes
 *             [SCTP_DAR_A_ASSOC_PRIMARY]         nest, our primary peer address
 *               SCTP_DAR_A_ADDR_IPV4 | SCTP_DAR_A_ADDR_IPV6
 *             [SCTP_DAR_A_ASSOC_PEER_ASCONF]     flag
 *             [SCTP_DAR_A_ASSOC_PEER_AUTH]       flag
 *
 *   Dump splitting: each association is one whole message; a dump carries
 *   as many as fit in each skb (32 KiB when the reader's buffer is that
 *   large) and resumes with the next association in the following one.
 *   If associations come or go, or sctp_dar changes one, while a dump is
 *   in progress, the messages after the change carry NLM_F_DUMP_INTR: the
 *   reader should start the dump again. An association with so many
 *   addresses that it does not fit an empty skb fails the dump with
 *   EMSGSIZE.
 *
 * SCTP_DAR_CMD_STATS_GET, do: the namespace's counters
 *   request   (no attributes)
 *   reply     SCTP_DAR_A_STATS_ADDR_EVENTS ... SCTP_DAR_A_STATS_INIT_PRIMARY_SKIPPED,
 *             every counter a u64 (SCTP_DAR_A_STATS_PAD aligns them)
 *
 * SCTP_DAR_CMD_EVENT: multicast to SCTP_DAR_MCGRP_EVENTS, never requested
 *             SCTP_DAR_A_EVENT_TYPE              u32, enum sctp_dar_event_type
 *             [SCTP_DAR_A_EVENT_ASSOC_ID]        u32
 *             [SCTP_DAR_A_EVENT_LOCAL_PORT]      be16
 *             [SCTP_DAR_A_EVENT_PEER_PORT]       be16
 *             [SCTP_DAR_A_EVENT_ADDR]            nest
 *               SCTP_DAR_A_ADDR_IPV4 | SCTP_DAR_A_ADDR_IPV6
 *             [SCTP_DAR_A_EVENT_IFINDEX]         u32
 *             [SCTP_DAR_A_EVENT_SERIAL]          u32
 *             [SCTP_DAR_A_EVENT_ERROR_CAUSE]     u32, enum sctp_dar_error_cause
 *             [SCTP_DAR_A_EVENT_REASON]          u32, enum sctp_dar_ignore_reason
 *             [SCTP_DAR_A_EVENT_VERDICT]         u32, enum sctp_dar_asconf_verdict
 *             [SCTP_DAR_A_EVENT_LATENCY_US]      u32
 *
 * Errors: every rejected request carries an extended ACK message naming the
 * offending attribute (NLMSGERR_ATTR_OFFS points at it).
 */
#ifndef _UAPI_LINUX_SCTP_DAR_H
#define _UAPI_LINUX_SCTP_DAR_H

/** SCTP_DAR_FAMILY_NAME - name of the generic-netlink family */
#define SCTP_DAR_FAMILY_NAME	"sctp_dar"
/** SCTP_DAR_FAMILY_VERSION - version of the generic-netlink family */
#define SCTP_DAR_FAMILY_VERSION	1

/** SCTP_DAR_GENL_NAME - the family name (alias of SCTP_DAR_FAMILY_NAME) */
#define SCTP_DAR_GENL_NAME	SCTP_DAR_FAMILY_NAME
/** SCTP_DAR_GENL_VERSION - the family version (alias) */
#define SCTP_DAR_GENL_VERSION	SCTP_DAR_FAMILY_VERSION

/**
 * enum sctp_dar_assoc_state - state of an association (RFC 9260 section 4)
 * @SCTP_DAR_ASSOC_STATE_CLOSED: no association (being torn down)
 * @SCTP_DAR_ASSOC_STATE_COOKIE_WAIT: INIT sent, waiting for the INIT ACK
 * @SCTP_DAR_ASSOC_STATE_COOKIE_ECHOED: COOKIE ECHO sent, waiting for the
 *	COOKIE ACK
 * @SCTP_DAR_ASSOC_STATE_ESTABLISHED: the association is up
 * @SCTP_DAR_ASSOC_STATE_SHUTDOWN_PENDING: the application asked for a
 *	graceful shutdown
 * @SCTP_DAR_ASSOC_STATE_SHUTDOWN_SENT: SHUTDOWN sent
 * @SCTP_DAR_ASSOC_STATE_SHUTDOWN_RECEIVED: SHUTDOWN received
 * @SCTP_DAR_ASSOC_STATE_SHUTDOWN_ACK_SENT: SHUTDOWN ACK sent
 */
enum sctp_dar_assoc_state {
	SCTP_DAR_ASSOC_STATE_CLOSED,
	SCTP_DAR_ASSOC_STATE_COOKIE_WAIT,
	SCTP_DAR_ASSOC_STATE_COOKIE_ECHOED,
	SCTP_DAR_ASSOC_STATE_ESTABLISHED,
	SCTP_DAR_ASSOC_STATE_SHUTDOWN_PENDING,
	SCTP_DAR_ASSOC_STATE_SHUTDOWN_SENT,
	SCTP_DAR_ASSOC_STATE_SHUTDOWN_RECEIVED,
	SCTP_DAR_ASSOC_STATE_SHUTDOWN_ACK_SENT,
};

/**
 * enum sctp_dar_path_state - state of the path to one peer address
 *	(RFC 9260 section 8.2)
 * @SCTP_DAR_PATH_STATE_UNKNOWN: the kernel reported a state sctp_dar does
 *	not know
 * @SCTP_DAR_PATH_STATE_ACTIVE: the path is reachable
 * @SCTP_DAR_PATH_STATE_INACTIVE: the path exceeded its retransmission limit
 *	and is considered unreachable
 * @SCTP_DAR_PATH_STATE_POTENTIALLY_FAILED: the path is potentially failed
 *	(RFC 7829)
 * @SCTP_DAR_PATH_STATE_UNCONFIRMED: the address has not been confirmed by a
 *	heartbeat yet (RFC 9260 section 5.4)
 */
enum sctp_dar_path_state {
	SCTP_DAR_PATH_STATE_UNKNOWN,
	SCTP_DAR_PATH_STATE_ACTIVE,
	SCTP_DAR_PATH_STATE_INACTIVE,
	SCTP_DAR_PATH_STATE_POTENTIALLY_FAILED,
	SCTP_DAR_PATH_STATE_UNCONFIRMED,
};

/**
 * enum sctp_dar_laddr_state - state of one local address of an association
 * @SCTP_DAR_LADDR_STATE_USABLE: the peer knows the address; it may be used
 *	as a source
 * @SCTP_DAR_LADDR_STATE_ADDING: an ASCONF adding the address is not
 *	acknowledged yet
 * @SCTP_DAR_LADDR_STATE_DELETING: an ASCONF deleting the address is not
 *	acknowledged yet
 */
enum sctp_dar_laddr_state {
	SCTP_DAR_LADDR_STATE_USABLE,
	SCTP_DAR_LADDR_STATE_ADDING,
	SCTP_DAR_LADDR_STATE_DELETING,
};

/**
 * enum sctp_dar_event_type - what an event reports; zero is never sent
 * @SCTP_DAR_EVENT_TYPE_ADDR_ADDED: the peer acknowledged the addition of a
 *	local address (addr) to the association
 * @SCTP_DAR_EVENT_TYPE_ADDR_REMOVED: the peer acknowledged the deletion of
 *	a local address (addr) from the association
 * @SCTP_DAR_EVENT_TYPE_PRIMARY_CHANGED: our primary path now leads to the
 *	peer address addr
 * @SCTP_DAR_EVENT_TYPE_PEER_PRIMARY_SET: the peer acknowledged our request
 *	to use our address addr as its primary (RFC 5061 Set Primary Address)
 * @SCTP_DAR_EVENT_TYPE_ASCONF_SENT: an ASCONF chunk with serial number
 *	serial was sent
 * @SCTP_DAR_EVENT_TYPE_ASCONF_ACKED: the peer acknowledged every parameter
 *	of ASCONF serial
 * @SCTP_DAR_EVENT_TYPE_ASCONF_REJECTED: the peer rejected a parameter of
 *	ASCONF serial: error-cause is the peer's Error Cause, addr the address
 *	of the rejected parameter
 * @SCTP_DAR_EVENT_TYPE_EVENT_IGNORED: a host address event was not acted
 *	upon; reason says why, addr and ifindex what it was about, assoc-id
 *	which association if only one was concerned
 * @SCTP_DAR_EVENT_TYPE_ASCONF_RECEIVED: the wire check examined an ASCONF
 *	chunk from a peer: verdict says what it found, serial is the chunk's
 *	serial number, addr the lookup address (or the offending address of
 *	a deny-listed request); assoc-id is absent for no-assoc and malformed
 */
enum sctp_dar_event_type {
	SCTP_DAR_EVENT_TYPE_ADDR_ADDED = 1,
	SCTP_DAR_EVENT_TYPE_ADDR_REMOVED,
	SCTP_DAR_EVENT_TYPE_PRIMARY_CHANGED,
	SCTP_DAR_EVENT_TYPE_PEER_PRIMARY_SET,
	SCTP_DAR_EVENT_TYPE_ASCONF_SENT,
	SCTP_DAR_EVENT_TYPE_ASCONF_ACKED,
	SCTP_DAR_EVENT_TYPE_ASCONF_REJECTED,
	SCTP_DAR_EVENT_TYPE_EVENT_IGNORED,
	SCTP_DAR_EVENT_TYPE_ASCONF_RECEIVED,
};

/**
 * enum sctp_dar_ignore_reason - why an address event was ignored; zero is
 *	never sent
 * @SCTP_DAR_IGNORE_REASON_LOOPBACK: the address is a loopback address; it
 *	is never advertised
 * @SCTP_DAR_IGNORE_REASON_LINK_LOCAL: the address is an IPv6 link-local
 *	address
 * @SCTP_DAR_IGNORE_REASON_TENTATIVE: the IPv6 address is still tentative
 *	(duplicate address detection)
 * @SCTP_DAR_IGNORE_REASON_DEPRECATED: the IPv6 address is deprecated
 *	(preferred lifetime 0)
 * @SCTP_DAR_IGNORE_REASON_DENY_LISTED: the address matches a prefix the
 *	policy denies
 * @SCTP_DAR_IGNORE_REASON_NOT_MANAGED: the interface or the socket is not
 *	managed by the policy
 * @SCTP_DAR_IGNORE_REASON_PAUSED: automatic management is paused in this
 *	namespace
 * @SCTP_DAR_IGNORE_REASON_PEER_NO_ASCONF: the peer does not support ADD-IP
 *	(RFC 5061)
 * @SCTP_DAR_IGNORE_REASON_PEER_NO_AUTH: the peer does not use SCTP-AUTH and
 *	the policy requires it
 * @SCTP_DAR_IGNORE_REASON_FAMILY_MISMATCH: the association cannot use an
 *	address of this family
 * @SCTP_DAR_IGNORE_REASON_COALESCED: a later event on the same address
 *	within the debounce window superseded this one
 * @SCTP_DAR_IGNORE_REASON_ALREADY_PRESENT: the association already has the
 *	address
 * @SCTP_DAR_IGNORE_REASON_NOT_PRESENT: the association does not have the
 *	address
 * @SCTP_DAR_IGNORE_REASON_LAST_ADDRESS: deleting the address would leave
 *	the association without any (RFC 5061 section 4.2.2)
 * @SCTP_DAR_IGNORE_REASON_AUTO_ASCONF_OFF: the association's socket is bound
 *	to the wildcard address and its application switched SCTP_AUTO_ASCONF
 *	off (the kernel alone can add or delete its addresses)
 * @SCTP_DAR_IGNORE_REASON_LOCAL_NO_ASCONF: the association's socket has
 *	ADD-IP off (net.sctp.addip_enable was 0 when it was created)
 */
enum sctp_dar_ignore_reason {
	SCTP_DAR_IGNORE_REASON_LOOPBACK = 1,
	SCTP_DAR_IGNORE_REASON_LINK_LOCAL,
	SCTP_DAR_IGNORE_REASON_TENTATIVE,
	SCTP_DAR_IGNORE_REASON_DEPRECATED,
	SCTP_DAR_IGNORE_REASON_DENY_LISTED,
	SCTP_DAR_IGNORE_REASON_NOT_MANAGED,
	SCTP_DAR_IGNORE_REASON_PAUSED,
	SCTP_DAR_IGNORE_REASON_PEER_NO_ASCONF,
	SCTP_DAR_IGNORE_REASON_PEER_NO_AUTH,
	SCTP_DAR_IGNORE_REASON_FAMILY_MISMATCH,
	SCTP_DAR_IGNORE_REASON_COALESCED,
	SCTP_DAR_IGNORE_REASON_ALREADY_PRESENT,
	SCTP_DAR_IGNORE_REASON_NOT_PRESENT,
	SCTP_DAR_IGNORE_REASON_LAST_ADDRESS,
	SCTP_DAR_IGNORE_REASON_AUTO_ASCONF_OFF,
	SCTP_DAR_IGNORE_REASON_LOCAL_NO_ASCONF,
};

/**
 * enum sctp_dar_error_cause - Error Cause codes a peer may return in an
 *	ASCONF-ACK (RFC 9260 section 3.3.10, RFC 5061 sections 4.2.4 and
 *	5.2); other codes are passed through unchanged
 * @SCTP_DAR_ERROR_CAUSE_UNRESOLVABLE_ADDRESS: Unresolvable Address
 * @SCTP_DAR_ERROR_CAUSE_UNRECOGNIZED_PARAMETERS: Unrecognized Parameters
 * @SCTP_DAR_ERROR_CAUSE_PROTOCOL_VIOLATION: Protocol Violation
 * @SCTP_DAR_ERROR_CAUSE_DELETE_LAST_ADDRESS: Request to Delete Last
 *	Remaining IP Address
 * @SCTP_DAR_ERROR_CAUSE_RESOURCE_SHORTAGE: Operation Refused Due to
 *	Resource Shortage
 * @SCTP_DAR_ERROR_CAUSE_DELETE_SOURCE_ADDRESS: Request to Delete Source IP
 *	Address
 * @SCTP_DAR_ERROR_CAUSE_ILLEGAL_ASCONF_ACK: Association Aborted Due to
 *	Illegal ASCONF-ACK
 * @SCTP_DAR_ERROR_CAUSE_NO_AUTHORIZATION: Request Refused - No Authorization
 */
enum sctp_dar_error_cause {
	SCTP_DAR_ERROR_CAUSE_UNRESOLVABLE_ADDRESS = 5,
	SCTP_DAR_ERROR_CAUSE_UNRECOGNIZED_PARAMETERS = 8,
	SCTP_DAR_ERROR_CAUSE_PROTOCOL_VIOLATION = 13,
	SCTP_DAR_ERROR_CAUSE_DELETE_LAST_ADDRESS = 160,
	SCTP_DAR_ERROR_CAUSE_RESOURCE_SHORTAGE = 161,
	SCTP_DAR_ERROR_CAUSE_DELETE_SOURCE_ADDRESS = 162,
	SCTP_DAR_ERROR_CAUSE_ILLEGAL_ASCONF_ACK = 163,
	SCTP_DAR_ERROR_CAUSE_NO_AUTHORIZATION = 164,
};

/**
 * enum sctp_dar_asconf_verdict - what the wire check found in an ASCONF
 *	chunk received from a peer (RFC 5061 section 6); zero is never sent.
 *	Every verdict but ok and retransmit is dropped when the module
 *	parameter verify_enforce is set.
 * @SCTP_DAR_ASCONF_VERDICT_OK: every check passed
 * @SCTP_DAR_ASCONF_VERDICT_RETRANSMIT: the serial number is the last one
 *	the association accepted: a retransmission the peer is entitled to
 *	(RFC 5061 section 5.2), never dropped
 * @SCTP_DAR_ASCONF_VERDICT_MALFORMED: the chunk does not decode
 *	(truncated, bad lengths, bad parameters)
 * @SCTP_DAR_ASCONF_VERDICT_BAD_VTAG: the packet's verification tag is not
 *	the association's
 * @SCTP_DAR_ASCONF_VERDICT_BAD_LOOKUP: the lookup address is not one of
 *	the association's peer addresses
 * @SCTP_DAR_ASCONF_VERDICT_REPLAY: the serial number precedes the last one
 *	the association accepted
 * @SCTP_DAR_ASCONF_VERDICT_OUT_OF_ORDER: the serial number is beyond the
 *	next one the association expects
 * @SCTP_DAR_ASCONF_VERDICT_DENY_LISTED: a request adds an address inside a
 *	denied prefix
 * @SCTP_DAR_ASCONF_VERDICT_RATE_LIMITED: the association exceeded its
 *	ASCONF rate
 * @SCTP_DAR_ASCONF_VERDICT_UNAUTHENTICATED: no AUTH chunk precedes the
 *	ASCONF although the namespace requires one
 * @SCTP_DAR_ASCONF_VERDICT_NO_ASSOC: no association matches the packet's
 *	addresses and ports, nor its lookup address
 * @SCTP_DAR_ASCONF_VERDICT_UNINSPECTED: the ASCONF (or the IPv6 fragment
 *	that may hold one) cannot be inspected in full: larger than the
 *	hook decodes, more requests or unknown parameters than it keeps,
 *	or no memory to decode it; refused in enforce mode
 */
enum sctp_dar_asconf_verdict {
	SCTP_DAR_ASCONF_VERDICT_OK = 1,
	SCTP_DAR_ASCONF_VERDICT_RETRANSMIT,
	SCTP_DAR_ASCONF_VERDICT_MALFORMED,
	SCTP_DAR_ASCONF_VERDICT_BAD_VTAG,
	SCTP_DAR_ASCONF_VERDICT_BAD_LOOKUP,
	SCTP_DAR_ASCONF_VERDICT_REPLAY,
	SCTP_DAR_ASCONF_VERDICT_OUT_OF_ORDER,
	SCTP_DAR_ASCONF_VERDICT_DENY_LISTED,
	SCTP_DAR_ASCONF_VERDICT_RATE_LIMITED,
	SCTP_DAR_ASCONF_VERDICT_UNAUTHENTICATED,
	SCTP_DAR_ASCONF_VERDICT_NO_ASSOC,
	SCTP_DAR_ASCONF_VERDICT_UNINSPECTED,
};

/**
 * enum sctp_dar_a_addr - one IP address; exactly one of ipv4 and ipv6 is
 *	present
 * @SCTP_DAR_A_ADDR_IPV4: IPv4 address (u32, network byte order)
 * @SCTP_DAR_A_ADDR_IPV6: IPv6 address (16 bytes)
 * @SCTP_DAR_A_ADDR_STATE: for a local address of an association, whether
 *	the peer knows it yet (u32, enum sctp_dar_laddr_state); replies only,
 *	ignored in requests
 * @__SCTP_DAR_A_ADDR_MAX: one past the last attribute
 * @SCTP_DAR_A_ADDR_MAX: the last attribute
 */
enum sctp_dar_a_addr {
	SCTP_DAR_A_ADDR_IPV4 = 1,
	SCTP_DAR_A_ADDR_IPV6,
	SCTP_DAR_A_ADDR_STATE,

	__SCTP_DAR_A_ADDR_MAX,
	SCTP_DAR_A_ADDR_MAX = (__SCTP_DAR_A_ADDR_MAX - 1)
};

/**
 * enum sctp_dar_a_path - the path to one peer address of an association
 *	(replies only)
 * @SCTP_DAR_A_PATH_ADDR: the peer address (nest, enum sctp_dar_a_addr)
 * @SCTP_DAR_A_PATH_STATE: reachability of the address (u32, enum
 *	sctp_dar_path_state)
 * @SCTP_DAR_A_PATH_SRTT: smoothed round-trip time, milliseconds (u32; 0
 *	before the first sample)
 * @SCTP_DAR_A_PATH_RTO: current retransmission timeout, milliseconds (u32)
 * @SCTP_DAR_A_PATH_CWND: congestion window, bytes (u32)
 * @SCTP_DAR_A_PATH_ERROR_COUNT: consecutive retransmission timeouts or
 *	unanswered heartbeats (u32)
 * @SCTP_DAR_A_PATH_PMTU: path MTU, bytes (u32)
 * @__SCTP_DAR_A_PATH_MAX: one past the last attribute
 * @SCTP_DAR_A_PATH_MAX: the last attribute
 */
enum sctp_dar_a_path {
	SCTP_DAR_A_PATH_ADDR = 1,
	SCTP_DAR_A_PATH_STATE,
	SCTP_DAR_A_PATH_SRTT,
	SCTP_DAR_A_PATH_RTO,
	SCTP_DAR_A_PATH_CWND,
	SCTP_DAR_A_PATH_ERROR_COUNT,
	SCTP_DAR_A_PATH_PMTU,

	__SCTP_DAR_A_PATH_MAX,
	SCTP_DAR_A_PATH_MAX = (__SCTP_DAR_A_PATH_MAX - 1)
};

/**
 * enum sctp_dar_a_assoc - one association; in replies every attribute but
 *	addr may be present, in requests they select associations
 * @SCTP_DAR_A_ASSOC_ID: the association identifier (u32, 1..2^31-1; the
 *	sctp_assoc_t getsockopt reports, unique on the host while the
 *	association exists)
 * @SCTP_DAR_A_ASSOC_LOCAL_PORT: local SCTP port (be16, not 0)
 * @SCTP_DAR_A_ASSOC_PEER_PORT: the peer's SCTP port (be16, not 0)
 * @SCTP_DAR_A_ASSOC_STATE: state of the association (u32, enum
 *	sctp_dar_assoc_state)
 * @SCTP_DAR_A_ASSOC_SOCK_INO: inode number of the socket that owns the
 *	association, as ss shows it (u32, not 0)
 * @SCTP_DAR_A_ASSOC_LOCAL_ADDR: one local address of the association (nest,
 *	enum sctp_dar_a_addr; one attribute per address); in addr-add and
 *	addr-del requests, the address to add or delete
 * @SCTP_DAR_A_ASSOC_PATH: one peer address and its path (nest, enum
 *	sctp_dar_a_path; one attribute per peer address)
 * @SCTP_DAR_A_ASSOC_PRIMARY: the peer address our primary path leads to
 *	(nest, enum sctp_dar_a_addr); in assoc-set requests, the peer address
 *	to send to from now on
 * @SCTP_DAR_A_ASSOC_PEER_ASCONF: flag, present if ADD-IP is usable on this
 *	association: both ends support it and, unless the namespace allows
 *	ADD-IP without it, SCTP-AUTH
 * @SCTP_DAR_A_ASSOC_PEER_AUTH: flag, present if the peer uses SCTP-AUTH
 *	(RFC 4895) on this association
 * @SCTP_DAR_A_ASSOC_ADDR: requests only: select associations that use this
 *	address, local or peer (nest, enum sctp_dar_a_addr)
 * @SCTP_DAR_A_ASSOC_PEER_PRIMARY: in assoc-set requests: one of the
 *	association's acknowledged local addresses, which the peer is asked to
 *	send to (ASCONF Set Primary Address, RFC 5061 section 4.2.4); in
 *	assoc-get (do) replies: the local address sctp_dar (or an
 *	administrator through it) last made the peer's primary, if any (nest,
 *	enum sctp_dar_a_addr)
 * @SCTP_DAR_A_ASSOC_COUNTERS: assoc-get (do) replies only: sctp_dar's
 *	counters of this association, if sctp_dar has looked at it (nest,
 *	enum sctp_dar_a_assoc_counters)
 * @__SCTP_DAR_A_ASSOC_MAX: one past the last attribute
 * @SCTP_DAR_A_ASSOC_MAX: the last attribute
 */
enum sctp_dar_a_assoc {
	SCTP_DAR_A_ASSOC_ID = 1,
	SCTP_DAR_A_ASSOC_LOCAL_PORT,
	SCTP_DAR_A_ASSOC_PEER_PORT,
	SCTP_DAR_A_ASSOC_STATE,
	SCTP_DAR_A_ASSOC_SOCK_INO,
	SCTP_DAR_A_ASSOC_LOCAL_ADDR,
	SCTP_DAR_A_ASSOC_PATH,
	SCTP_DAR_A_ASSOC_PRIMARY,
	SCTP_DAR_A_ASSOC_PEER_ASCONF,
	SCTP_DAR_A_ASSOC_PEER_AUTH,
	SCTP_DAR_A_ASSOC_ADDR,
	SCTP_DAR_A_ASSOC_PEER_PRIMARY,
	SCTP_DAR_A_ASSOC_COUNTERS,

	__SCTP_DAR_A_ASSOC_MAX,
	SCTP_DAR_A_ASSOC_MAX = (__SCTP_DAR_A_ASSOC_MAX - 1)
};

/**
 * enum sctp_dar_a_assoc_counters - what sctp_dar did to one association
 *	(replies only); each counter is a u64
 * @SCTP_DAR_A_ASSOC_COUNTERS_PAD: padding for 64-bit alignment; never
 *	carries data
 * @SCTP_DAR_A_ASSOC_COUNTERS_ADDRS_ADDED: local addresses sctp_dar asked to
 *	add (ADD-IP)
 * @SCTP_DAR_A_ASSOC_COUNTERS_ADDRS_REMOVED: local addresses sctp_dar asked
 *	to delete (DELETE-IP)
 * @SCTP_DAR_A_ASSOC_COUNTERS_PRIMARY_CHANGES: times sctp_dar moved the
 *	local or the peer's primary
 * @SCTP_DAR_A_ASSOC_COUNTERS_ASCONF_SENT: ASCONF chunks the association
 *	sent while sctp_dar watched (the kernel's own included)
 * @SCTP_DAR_A_ASSOC_COUNTERS_ASCONF_ACKED: ASCONF chunks that completed
 * @SCTP_DAR_A_ASSOC_COUNTERS_ASCONF_REJECTED: additions the peer refused
 * @SCTP_DAR_A_ASSOC_COUNTERS_HEARTBEATS: heartbeats demanded to confirm a
 *	path
 * @SCTP_DAR_A_ASSOC_COUNTERS_ERRORS: kernel calls that failed
 * @SCTP_DAR_A_ASSOC_COUNTERS_LAST_LATENCY_US: last reconfiguration, from
 *	the host event to the peer's primary set, microseconds (0 if none
 *	yet)
 * @__SCTP_DAR_A_ASSOC_COUNTERS_MAX: one past the last attribute
 * @SCTP_DAR_A_ASSOC_COUNTERS_MAX: the last attribute
 */
enum sctp_dar_a_assoc_counters {
	SCTP_DAR_A_ASSOC_COUNTERS_PAD = 1,
	SCTP_DAR_A_ASSOC_COUNTERS_ADDRS_ADDED,
	SCTP_DAR_A_ASSOC_COUNTERS_ADDRS_REMOVED,
	SCTP_DAR_A_ASSOC_COUNTERS_PRIMARY_CHANGES,
	SCTP_DAR_A_ASSOC_COUNTERS_ASCONF_SENT,
	SCTP_DAR_A_ASSOC_COUNTERS_ASCONF_ACKED,
	SCTP_DAR_A_ASSOC_COUNTERS_ASCONF_REJECTED,
	SCTP_DAR_A_ASSOC_COUNTERS_HEARTBEATS,
	SCTP_DAR_A_ASSOC_COUNTERS_ERRORS,
	SCTP_DAR_A_ASSOC_COUNTERS_LAST_LATENCY_US,

	__SCTP_DAR_A_ASSOC_COUNTERS_MAX,
	SCTP_DAR_A_ASSOC_COUNTERS_MAX = (__SCTP_DAR_A_ASSOC_COUNTERS_MAX - 1)
};

/**
 * enum sctp_dar_a_stats - counters of the caller's network namespace since
 *	sctp_dar was loaded (or the namespace created); each counter is a u64
 * @SCTP_DAR_A_STATS_PAD: padding for 64-bit alignment; never carries data
 * @SCTP_DAR_A_STATS_ADDR_EVENTS: host address and link events sctp_dar
 *	received
 * @SCTP_DAR_A_STATS_EVENTS_IGNORED: events not acted upon (each also sent
 *	as an event-ignored event)
 * @SCTP_DAR_A_STATS_ASCONF_SENT: ASCONF chunks sent
 * @SCTP_DAR_A_STATS_ASCONF_ACKED: ASCONF chunks the peer acknowledged in
 *	full
 * @SCTP_DAR_A_STATS_ASCONF_REJECTED: ASCONF parameters the peer rejected
 *	with an Error Cause
 * @SCTP_DAR_A_STATS_ADDRS_ADDED: local addresses added to associations
 * @SCTP_DAR_A_STATS_ADDRS_REMOVED: local addresses removed from
 *	associations
 * @SCTP_DAR_A_STATS_PRIMARY_CHANGES: primary path changes (ours) and Set
 *	Primary requests acknowledged by peers
 * @SCTP_DAR_A_STATS_NOTIFY_FAILED: events that could not be sent to
 *	listeners (out of memory)
 * @SCTP_DAR_A_STATS_ASCONF_RX_OK: ASCONF chunks received that passed every
 *	wire check
 * @SCTP_DAR_A_STATS_ASCONF_RX_RETRANSMIT: ASCONF chunks received again
 *	with the last accepted serial number
 * @SCTP_DAR_A_STATS_ASCONF_RX_MALFORMED: ASCONF chunks that did not decode
 * @SCTP_DAR_A_STATS_ASCONF_RX_BAD_VTAG: ASCONF chunks with a wrong
 *	verification tag
 * @SCTP_DAR_A_STATS_ASCONF_RX_BAD_LOOKUP: ASCONF chunks whose lookup
 *	address is not a peer address of the association
 * @SCTP_DAR_A_STATS_ASCONF_RX_REPLAY: ASCONF chunks with an old serial
 *	number
 * @SCTP_DAR_A_STATS_ASCONF_RX_OUT_OF_ORDER: ASCONF chunks with a serial
 *	number beyond the next expected
 * @SCTP_DAR_A_STATS_ASCONF_RX_DENY_LISTED: ASCONF chunks adding a denied
 *	address
 * @SCTP_DAR_A_STATS_ASCONF_RX_RATE_LIMITED: ASCONF chunks over the
 *	association's rate
 * @SCTP_DAR_A_STATS_ASCONF_RX_UNAUTHENTICATED: ASCONF chunks without the
 *	AUTH chunk the namespace requires
 * @SCTP_DAR_A_STATS_ASCONF_RX_NO_ASSOC: ASCONF chunks matching no
 *	association
 * @SCTP_DAR_A_STATS_ASCONF_RX_DROPPED: packets dropped for an ASCONF
 *	verdict (verify_enforce)
 * @SCTP_DAR_A_STATS_ASCONF_ACK_UNMATCHED: ASCONF-ACK chunks that match no
 *	ASCONF sent and not yet acknowledged
 * @SCTP_DAR_A_STATS_ASCONF_UNTRACKED: ASCONF exchanges not tracked because
 *	the namespace's per-association wire state was full
 * @SCTP_DAR_A_STATS_INIT_PRIMARY_ADDED: INIT and INIT-ACK chunks sent with
 *	a Set Primary Address parameter (init_set_primary)
 * @SCTP_DAR_A_STATS_INIT_PRIMARY_SKIPPED: INIT and INIT-ACK chunks left
 *	without it because the packet would exceed the path MTU
 * @SCTP_DAR_A_STATS_ASCONF_RX_UNINSPECTED: ASCONF chunks (and IPv6 SCTP
 *	fragments, in enforce mode) that could not be inspected in full
 * @SCTP_DAR_A_STATS_EVENTS_COALESCED: host events merged into one already
 *	queued, or cancelled by its opposite, before the engine ran
 * @SCTP_DAR_A_STATS_EVENTS_DROPPED: host events not queued because the queue
 *	was full (the next pass reads the host itself, so nothing is
 *	missed)
 * @SCTP_DAR_A_STATS_PASSES: engine passes over the namespace's SCTP sockets
 * @SCTP_DAR_A_STATS_SOCKETS_SKIPPED: sockets a pass could not look at
 *	(closing, or no memory for their snapshot)
 * @SCTP_DAR_A_STATS_BINDX_ADD: local addresses added to specifically-bound
 *	sockets (SCTP_SOCKOPT_BINDX_ADD)
 * @SCTP_DAR_A_STATS_BINDX_REM: local addresses removed from
 *	specifically-bound sockets (SCTP_SOCKOPT_BINDX_REM)
 * @SCTP_DAR_A_STATS_RESCUES: last-address rescues: an association about to
 *	lose its only address had the DELETE made pending before the ADD
 * @SCTP_DAR_A_STATS_AUTO_ASCONF_QUEUED: ADD or DELETE requests put on the
 *	kernel's auto_asconf queue for wildcard sockets
 * @SCTP_DAR_A_STATS_AUTO_ASCONF_KICKS: times sctp_dar ran the auto_asconf
 *	queue at once rather than at the kernel's 500 ms tick (it runs the
 *	kernel's handler itself, each socket owned)
 * @SCTP_DAR_A_STATS_AUTO_ASCONF_ENABLED: wildcard sockets sctp_dar switched
 *	SCTP_AUTO_ASCONF on for
 * @SCTP_DAR_A_STATS_ASSOCS_BLOCKED: times an association was found unable to
 *	be reconfigured (no AUTH, no ADD-IP, policy; logged with the
 *	reason)
 * @SCTP_DAR_A_STATS_STALE_ABORTS: out-of-the-blue ABORTs (T bit) dropped
 *	because they answered a packet from or to an address deleted from
 *	the association moments before (a packet still in flight on the old
 *	path), which would have ended the association
 * @__SCTP_DAR_A_STATS_MAX: one past the last attribute
 * @SCTP_DAR_A_STATS_MAX: the last attribute
 */
enum sctp_dar_a_stats {
	SCTP_DAR_A_STATS_PAD = 1,
	SCTP_DAR_A_STATS_ADDR_EVENTS,
	SCTP_DAR_A_STATS_EVENTS_IGNORED,
	SCTP_DAR_A_STATS_ASCONF_SENT,
	SCTP_DAR_A_STATS_ASCONF_ACKED,
	SCTP_DAR_A_STATS_ASCONF_REJECTED,
	SCTP_DAR_A_STATS_ADDRS_ADDED,
	SCTP_DAR_A_STATS_ADDRS_REMOVED,
	SCTP_DAR_A_STATS_PRIMARY_CHANGES,
	SCTP_DAR_A_STATS_NOTIFY_FAILED,
	SCTP_DAR_A_STATS_ASCONF_RX_OK,
	SCTP_DAR_A_STATS_ASCONF_RX_RETRANSMIT,
	SCTP_DAR_A_STATS_ASCONF_RX_MALFORMED,
	SCTP_DAR_A_STATS_ASCONF_RX_BAD_VTAG,
	SCTP_DAR_A_STATS_ASCONF_RX_BAD_LOOKUP,
	SCTP_DAR_A_STATS_ASCONF_RX_REPLAY,
	SCTP_DAR_A_STATS_ASCONF_RX_OUT_OF_ORDER,
	SCTP_DAR_A_STATS_ASCONF_RX_DENY_LISTED,
	SCTP_DAR_A_STATS_ASCONF_RX_RATE_LIMITED,
	SCTP_DAR_A_STATS_ASCONF_RX_UNAUTHENTICATED,
	SCTP_DAR_A_STATS_ASCONF_RX_NO_ASSOC,
	SCTP_DAR_A_STATS_ASCONF_RX_DROPPED,
	SCTP_DAR_A_STATS_ASCONF_ACK_UNMATCHED,
	SCTP_DAR_A_STATS_ASCONF_UNTRACKED,
	SCTP_DAR_A_STATS_INIT_PRIMARY_ADDED,
	SCTP_DAR_A_STATS_INIT_PRIMARY_SKIPPED,
	SCTP_DAR_A_STATS_ASCONF_RX_UNINSPECTED,
	SCTP_DAR_A_STATS_EVENTS_COALESCED,
	SCTP_DAR_A_STATS_EVENTS_DROPPED,
	SCTP_DAR_A_STATS_PASSES,
	SCTP_DAR_A_STATS_SOCKETS_SKIPPED,
	SCTP_DAR_A_STATS_BINDX_ADD,
	SCTP_DAR_A_STATS_BINDX_REM,
	SCTP_DAR_A_STATS_RESCUES,
	SCTP_DAR_A_STATS_AUTO_ASCONF_QUEUED,
	SCTP_DAR_A_STATS_AUTO_ASCONF_KICKS,
	SCTP_DAR_A_STATS_AUTO_ASCONF_ENABLED,
	SCTP_DAR_A_STATS_ASSOCS_BLOCKED,
	SCTP_DAR_A_STATS_STALE_ABORTS,

	__SCTP_DAR_A_STATS_MAX,
	SCTP_DAR_A_STATS_MAX = (__SCTP_DAR_A_STATS_MAX - 1)
};

/**
 * enum sctp_dar_a_event - one event, multicast to the events group
 * @SCTP_DAR_A_EVENT_TYPE: what happened (u32, enum sctp_dar_event_type)
 * @SCTP_DAR_A_EVENT_ASSOC_ID: the association concerned, if any (u32)
 * @SCTP_DAR_A_EVENT_LOCAL_PORT: local port of that association (be16)
 * @SCTP_DAR_A_EVENT_PEER_PORT: peer port of that association (be16)
 * @SCTP_DAR_A_EVENT_ADDR: the address the event is about (nest, enum
 *	sctp_dar_a_addr)
 * @SCTP_DAR_A_EVENT_IFINDEX: the interface of a host address event (u32)
 * @SCTP_DAR_A_EVENT_SERIAL: serial number of the ASCONF chunk concerned
 *	(u32, RFC 5061 section 5.1)
 * @SCTP_DAR_A_EVENT_ERROR_CAUSE: the peer's Error Cause code (u32, enum
 *	sctp_dar_error_cause; asconf-rejected)
 * @SCTP_DAR_A_EVENT_REASON: why the event was ignored (u32, enum
 *	sctp_dar_ignore_reason; event-ignored)
 * @SCTP_DAR_A_EVENT_VERDICT: what the wire check found (u32, enum
 *	sctp_dar_asconf_verdict; asconf-received)
 * @SCTP_DAR_A_EVENT_LATENCY_US: microseconds from the ASCONF leaving to
 *	its ASCONF-ACK arriving (u32; asconf-acked, asconf-rejected)
 * @__SCTP_DAR_A_EVENT_MAX: one past the last attribute
 * @SCTP_DAR_A_EVENT_MAX: the last attribute
 */
enum sctp_dar_a_event {
	SCTP_DAR_A_EVENT_TYPE = 1,
	SCTP_DAR_A_EVENT_ASSOC_ID,
	SCTP_DAR_A_EVENT_LOCAL_PORT,
	SCTP_DAR_A_EVENT_PEER_PORT,
	SCTP_DAR_A_EVENT_ADDR,
	SCTP_DAR_A_EVENT_IFINDEX,
	SCTP_DAR_A_EVENT_SERIAL,
	SCTP_DAR_A_EVENT_ERROR_CAUSE,
	SCTP_DAR_A_EVENT_REASON,
	SCTP_DAR_A_EVENT_VERDICT,
	SCTP_DAR_A_EVENT_LATENCY_US,

	__SCTP_DAR_A_EVENT_MAX,
	SCTP_DAR_A_EVENT_MAX = (__SCTP_DAR_A_EVENT_MAX - 1)
};

/**
 * enum sctp_dar_a_policy - the reconfiguration policy of the caller's
 *	network namespace (a new namespace starts with the module
 *	parameters); in policy-set requests every attribute is optional and
 *	only those given change
 * @SCTP_DAR_A_POLICY_MANAGE_WILDCARD: 1 to manage sockets bound to the
 *	wildcard address, 0 not to (u8)
 * @SCTP_DAR_A_POLICY_MANAGE_ALL_BOUND: 1 to manage every specifically-bound
 *	socket (manage-ports is then ignored), 0 to manage those whose local
 *	port is in manage-ports (u8)
 * @SCTP_DAR_A_POLICY_MANAGE_PORTS: local ports of the specifically-bound
 *	sockets to manage (nest, enum sctp_dar_a_ports; at most 32; an empty
 *	nest manages none)
 * @SCTP_DAR_A_POLICY_GRACE_MS: how long a replaced or deprecated address
 *	is kept, milliseconds (u32, at most 600000)
 * @SCTP_DAR_A_POLICY_DEBOUNCE_MS: coalescing window for host address
 *	events, milliseconds (u32, at most 10000)
 * @SCTP_DAR_A_POLICY_REQUIRE_AUTH: 1 to reconfigure only associations
 *	authenticated with SCTP-AUTH (u8)
 * @SCTP_DAR_A_POLICY_PAUSED: 1 to pause automatic reconfiguration (host
 *	events are then reported ignored with reason paused), 0 to resume it
 *	(u8)
 * @SCTP_DAR_A_POLICY_DENY: prefixes whose addresses are never offered to a
 *	peer (nest, enum sctp_dar_a_prefixes; at most 16; an empty nest
 *	denies none)
 * @SCTP_DAR_A_POLICY_HOLDDOWN_MS: how long a link may be down, its
 *	addresses still configured, before they are deleted from the
 *	associations (a shorter flap costs nothing; an association with no
 *	other address does not wait), milliseconds (u32, at most 60000)
 * @SCTP_DAR_A_POLICY_ROUTE_METRIC: 1 to follow the host's own preference
 *	between interfaces of equal priority (the one whose default route
 *	has the lowest metric first, one without a default route last), 0
 *	not to (u8)
 * @__SCTP_DAR_A_POLICY_MAX: one past the last attribute
 * @SCTP_DAR_A_POLICY_MAX: the last attribute
 */
enum sctp_dar_a_policy {
	SCTP_DAR_A_POLICY_MANAGE_WILDCARD = 1,
	SCTP_DAR_A_POLICY_MANAGE_ALL_BOUND,
	SCTP_DAR_A_POLICY_MANAGE_PORTS,
	SCTP_DAR_A_POLICY_GRACE_MS,
	SCTP_DAR_A_POLICY_DEBOUNCE_MS,
	SCTP_DAR_A_POLICY_REQUIRE_AUTH,
	SCTP_DAR_A_POLICY_PAUSED,
	SCTP_DAR_A_POLICY_DENY,
	SCTP_DAR_A_POLICY_HOLDDOWN_MS,
	SCTP_DAR_A_POLICY_ROUTE_METRIC,

	__SCTP_DAR_A_POLICY_MAX,
	SCTP_DAR_A_POLICY_MAX = (__SCTP_DAR_A_POLICY_MAX - 1)
};

/**
 * enum sctp_dar_a_ports - a list of SCTP ports
 * @SCTP_DAR_A_PORTS_PORT: one port (be16, not 0; one attribute per port)
 * @__SCTP_DAR_A_PORTS_MAX: one past the last attribute
 * @SCTP_DAR_A_PORTS_MAX: the last attribute
 */
enum sctp_dar_a_ports {
	SCTP_DAR_A_PORTS_PORT = 1,

	__SCTP_DAR_A_PORTS_MAX,
	SCTP_DAR_A_PORTS_MAX = (__SCTP_DAR_A_PORTS_MAX - 1)
};

/**
 * enum sctp_dar_a_prefixes - a list of address prefixes
 * @SCTP_DAR_A_PREFIXES_PREFIX: one prefix (nest, enum sctp_dar_a_prefix;
 *	one attribute per prefix)
 * @__SCTP_DAR_A_PREFIXES_MAX: one past the last attribute
 * @SCTP_DAR_A_PREFIXES_MAX: the last attribute
 */
enum sctp_dar_a_prefixes {
	SCTP_DAR_A_PREFIXES_PREFIX = 1,

	__SCTP_DAR_A_PREFIXES_MAX,
	SCTP_DAR_A_PREFIXES_MAX = (__SCTP_DAR_A_PREFIXES_MAX - 1)
};

/**
 * enum sctp_dar_a_prefix - an address prefix
 * @SCTP_DAR_A_PREFIX_ADDR: the prefix's address; bits past len must be
 *	zero (nest, enum sctp_dar_a_addr)
 * @SCTP_DAR_A_PREFIX_LEN: prefix length in bits, at most 32 for IPv4 and
 *	128 for IPv6 (u8)
 * @__SCTP_DAR_A_PREFIX_MAX: one past the last attribute
 * @SCTP_DAR_A_PREFIX_MAX: the last attribute
 */
enum sctp_dar_a_prefix {
	SCTP_DAR_A_PREFIX_ADDR = 1,
	SCTP_DAR_A_PREFIX_LEN,

	__SCTP_DAR_A_PREFIX_MAX,
	SCTP_DAR_A_PREFIX_MAX = (__SCTP_DAR_A_PREFIX_MAX - 1)
};

/**
 * enum sctp_dar_a_link - one network interface of the caller's namespace,
 *	as the policy sees it
 * @SCTP_DAR_A_LINK_IFINDEX: the interface index (u32, not 0)
 * @SCTP_DAR_A_LINK_NAME: the interface name (string; replies only)
 * @SCTP_DAR_A_LINK_PRIORITY: the administrator's priority of the
 *	interface's addresses as primaries, higher first (u32, 0 - the
 *	default - to 255); it weighs before the host's own preference
 *	(route-metric) and the newest-address rule
 * @SCTP_DAR_A_LINK_UP: flag, present if the interface is up with carrier
 *	(replies only)
 * @SCTP_DAR_A_LINK_METRIC: the metric of the interface's lowest-metric
 *	IPv4 default route in the main table (u32; absent when it has none;
 *	replies only)
 * @SCTP_DAR_A_LINK_METRIC6: the same for IPv6 (u32; replies only)
 * @__SCTP_DAR_A_LINK_MAX: one past the last attribute
 * @SCTP_DAR_A_LINK_MAX: the last attribute
 */
enum sctp_dar_a_link {
	SCTP_DAR_A_LINK_IFINDEX = 1,
	SCTP_DAR_A_LINK_NAME,
	SCTP_DAR_A_LINK_PRIORITY,
	SCTP_DAR_A_LINK_UP,
	SCTP_DAR_A_LINK_METRIC,
	SCTP_DAR_A_LINK_METRIC6,

	__SCTP_DAR_A_LINK_MAX,
	SCTP_DAR_A_LINK_MAX = (__SCTP_DAR_A_LINK_MAX - 1)
};

/**
 * enum sctp_dar_cmd - commands of the family
 * @SCTP_DAR_CMD_ASSOC_GET: get one association by id, or dump every
 *	association of the caller's namespace that matches all the given
 *	selectors
 * @SCTP_DAR_CMD_STATS_GET: get the counters of the caller's namespace
 * @SCTP_DAR_CMD_EVENT: an event of the caller's namespace, sent to the
 *	events group only while it has listeners
 * @SCTP_DAR_CMD_ADDR_ADD: add a local address to an association (ASCONF
 *	Add IP Address), or to every association local-port and/or
 *	peer-port select (instead of id; those that already have it are left
 *	alone); it is added to the association's socket, as sctp_bindx()
 *	does: every association of a one-to-many socket gets it
 * @SCTP_DAR_CMD_ADDR_DEL: delete a local address from an association
 *	(ASCONF Delete IP Address), never its last one, or from every
 *	association local-port and/or peer-port select (those without it are
 *	left alone); acts on the association's socket like addr-add
 * @SCTP_DAR_CMD_ASSOC_SET: choose an association's primary paths: primary
 *	(the peer address this end sends to) and/or peer-primary (the local
 *	address the peer is asked to send to); sctp_dar keeps a choice made
 *	here, as it keeps an application's, until its address or path fails
 * @SCTP_DAR_CMD_POLICY_GET: get the policy of the caller's namespace
 * @SCTP_DAR_CMD_POLICY_SET: change the policy of the caller's namespace:
 *	the attributes given replace their current values, all of them or
 *	none (a bad one changes nothing); a pass over every association
 *	follows
 * @SCTP_DAR_CMD_LINK_GET: get one interface by ifindex, or dump every
 *	interface of the caller's namespace but loopback, with its priority
 * @SCTP_DAR_CMD_LINK_SET: set an interface's priority (at most 32
 *	interfaces of a namespace have one besides 0); a pass over every
 *	association follows
 * @__SCTP_DAR_CMD_MAX: one past the last command
 * @SCTP_DAR_CMD_MAX: the last command
 */
enum sctp_dar_cmd {
	SCTP_DAR_CMD_ASSOC_GET = 1,
	SCTP_DAR_CMD_STATS_GET,
	SCTP_DAR_CMD_EVENT,
	SCTP_DAR_CMD_ADDR_ADD,
	SCTP_DAR_CMD_ADDR_DEL,
	SCTP_DAR_CMD_ASSOC_SET,
	SCTP_DAR_CMD_POLICY_GET,
	SCTP_DAR_CMD_POLICY_SET,
	SCTP_DAR_CMD_LINK_GET,
	SCTP_DAR_CMD_LINK_SET,

	__SCTP_DAR_CMD_MAX,
	SCTP_DAR_CMD_MAX = (__SCTP_DAR_CMD_MAX - 1)
};

/** SCTP_DAR_MCGRP_EVENTS - name of the multicast group carrying events */
#define SCTP_DAR_MCGRP_EVENTS	"events"

#endif /* _UAPI_LINUX_SCTP_DAR_H */
