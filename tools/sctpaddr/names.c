// SPDX-License-Identifier: GPL-2.0
/*
 * names.c - names of the uAPI's enumerations (the spec's entry names) and
 * decoding of nested addresses.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "sctpaddr.h"

#define NAME(table, v) \
	((v) < sizeof(table) / sizeof((table)[0]) && (table)[v] ? (table)[v] : "unknown")

static const char *const assoc_states[] = {
	[SCTP_DAR_ASSOC_STATE_CLOSED] = "closed",
	[SCTP_DAR_ASSOC_STATE_COOKIE_WAIT] = "cookie-wait",
	[SCTP_DAR_ASSOC_STATE_COOKIE_ECHOED] = "cookie-echoed",
	[SCTP_DAR_ASSOC_STATE_ESTABLISHED] = "established",
	[SCTP_DAR_ASSOC_STATE_SHUTDOWN_PENDING] = "shutdown-pending",
	[SCTP_DAR_ASSOC_STATE_SHUTDOWN_SENT] = "shutdown-sent",
	[SCTP_DAR_ASSOC_STATE_SHUTDOWN_RECEIVED] = "shutdown-received",
	[SCTP_DAR_ASSOC_STATE_SHUTDOWN_ACK_SENT] = "shutdown-ack-sent",
};

static const char *const path_states[] = {
	[SCTP_DAR_PATH_STATE_UNKNOWN] = "unknown",
	[SCTP_DAR_PATH_STATE_ACTIVE] = "active",
	[SCTP_DAR_PATH_STATE_INACTIVE] = "inactive",
	[SCTP_DAR_PATH_STATE_POTENTIALLY_FAILED] = "potentially-failed",
	[SCTP_DAR_PATH_STATE_UNCONFIRMED] = "unconfirmed",
};

static const char *const laddr_states[] = {
	[SCTP_DAR_LADDR_STATE_USABLE] = "usable",
	[SCTP_DAR_LADDR_STATE_ADDING] = "adding",
	[SCTP_DAR_LADDR_STATE_DELETING] = "deleting",
};

static const char *const event_types[] = {
	[SCTP_DAR_EVENT_TYPE_ADDR_ADDED] = "addr-added",
	[SCTP_DAR_EVENT_TYPE_ADDR_REMOVED] = "addr-removed",
	[SCTP_DAR_EVENT_TYPE_PRIMARY_CHANGED] = "primary-changed",
	[SCTP_DAR_EVENT_TYPE_PEER_PRIMARY_SET] = "peer-primary-set",
	[SCTP_DAR_EVENT_TYPE_ASCONF_SENT] = "asconf-sent",
	[SCTP_DAR_EVENT_TYPE_ASCONF_ACKED] = "asconf-acked",
	[SCTP_DAR_EVENT_TYPE_ASCONF_REJECTED] = "asconf-rejected",
	[SCTP_DAR_EVENT_TYPE_EVENT_IGNORED] = "event-ignored",
	[SCTP_DAR_EVENT_TYPE_ASCONF_RECEIVED] = "asconf-received",
};

static const char *const ignore_reasons[] = {
	[SCTP_DAR_IGNORE_REASON_LOOPBACK] = "loopback",
	[SCTP_DAR_IGNORE_REASON_LINK_LOCAL] = "link-local",
	[SCTP_DAR_IGNORE_REASON_TENTATIVE] = "tentative",
	[SCTP_DAR_IGNORE_REASON_DEPRECATED] = "deprecated",
	[SCTP_DAR_IGNORE_REASON_DENY_LISTED] = "deny-listed",
	[SCTP_DAR_IGNORE_REASON_NOT_MANAGED] = "not-managed",
	[SCTP_DAR_IGNORE_REASON_PAUSED] = "paused",
	[SCTP_DAR_IGNORE_REASON_PEER_NO_ASCONF] = "peer-no-asconf",
	[SCTP_DAR_IGNORE_REASON_PEER_NO_AUTH] = "peer-no-auth",
	[SCTP_DAR_IGNORE_REASON_FAMILY_MISMATCH] = "family-mismatch",
	[SCTP_DAR_IGNORE_REASON_COALESCED] = "coalesced",
	[SCTP_DAR_IGNORE_REASON_ALREADY_PRESENT] = "already-present",
	[SCTP_DAR_IGNORE_REASON_NOT_PRESENT] = "not-present",
	[SCTP_DAR_IGNORE_REASON_LAST_ADDRESS] = "last-address",
	[SCTP_DAR_IGNORE_REASON_AUTO_ASCONF_OFF] = "auto-asconf-off",
	[SCTP_DAR_IGNORE_REASON_LOCAL_NO_ASCONF] = "local-no-asconf",
};

static const char *const error_causes[] = {
	[SCTP_DAR_ERROR_CAUSE_UNRESOLVABLE_ADDRESS] = "unresolvable-address",
	[SCTP_DAR_ERROR_CAUSE_UNRECOGNIZED_PARAMETERS] = "unrecognized-parameters",
	[SCTP_DAR_ERROR_CAUSE_PROTOCOL_VIOLATION] = "protocol-violation",
	[SCTP_DAR_ERROR_CAUSE_DELETE_LAST_ADDRESS] = "delete-last-address",
	[SCTP_DAR_ERROR_CAUSE_RESOURCE_SHORTAGE] = "resource-shortage",
	[SCTP_DAR_ERROR_CAUSE_DELETE_SOURCE_ADDRESS] = "delete-source-address",
	[SCTP_DAR_ERROR_CAUSE_ILLEGAL_ASCONF_ACK] = "illegal-asconf-ack",
	[SCTP_DAR_ERROR_CAUSE_NO_AUTHORIZATION] = "no-authorization",
};

static const char *const asconf_verdicts[] = {
	[SCTP_DAR_ASCONF_VERDICT_OK] = "ok",
	[SCTP_DAR_ASCONF_VERDICT_RETRANSMIT] = "retransmit",
	[SCTP_DAR_ASCONF_VERDICT_MALFORMED] = "malformed",
	[SCTP_DAR_ASCONF_VERDICT_BAD_VTAG] = "bad-vtag",
	[SCTP_DAR_ASCONF_VERDICT_BAD_LOOKUP] = "bad-lookup",
	[SCTP_DAR_ASCONF_VERDICT_REPLAY] = "replay",
	[SCTP_DAR_ASCONF_VERDICT_OUT_OF_ORDER] = "out-of-order",
	[SCTP_DAR_ASCONF_VERDICT_DENY_LISTED] = "deny-listed",
	[SCTP_DAR_ASCONF_VERDICT_RATE_LIMITED] = "rate-limited",
	[SCTP_DAR_ASCONF_VERDICT_UNAUTHENTICATED] = "unauthenticated",
	[SCTP_DAR_ASCONF_VERDICT_NO_ASSOC] = "no-assoc",
	[SCTP_DAR_ASCONF_VERDICT_UNINSPECTED] = "uninspected",
};

const char *assoc_state_name(uint32_t v)
{
	return NAME(assoc_states, v);
}

const char *path_state_name(uint32_t v)
{
	return NAME(path_states, v);
}

const char *laddr_state_name(uint32_t v)
{
	return NAME(laddr_states, v);
}

const char *event_type_name(uint32_t v)
{
	return NAME(event_types, v);
}

const char *ignore_reason_name(uint32_t v)
{
	return NAME(ignore_reasons, v);
}

const char *error_cause_name(uint32_t v)
{
	return NAME(error_causes, v);
}

const char *asconf_verdict_name(uint32_t v)
{
	return NAME(asconf_verdicts, v);
}

/**
 * addr_from_nest - text of a nested address (enum sctp_dar_a_addr)
 * @nest: the nest
 * @buf: where to write the address
 * @len: its size (INET6_ADDRSTRLEN at least)
 * @state: if not NULL, gets SCTP_DAR_A_ADDR_STATE, or UINT32_MAX if absent
 *
 * Return: 0, or -1 when the nest holds no well-formed address.
 */
int addr_from_nest(const struct nlattr *nest, char *buf, size_t len,
		   uint32_t *state)
{
	const struct nlattr *a;
	int ok = -1;

	if (state)
		*state = UINT32_MAX;
	mnl_attr_for_each_nested(a, nest) {
		switch (mnl_attr_get_type(a)) {
		case SCTP_DAR_A_ADDR_IPV4:
			if (mnl_attr_get_payload_len(a) == 4 &&
			    inet_ntop(AF_INET, mnl_attr_get_payload(a), buf, len))
				ok = 0;
			break;
		case SCTP_DAR_A_ADDR_IPV6:
			if (mnl_attr_get_payload_len(a) == 16 &&
			    inet_ntop(AF_INET6, mnl_attr_get_payload(a), buf, len))
				ok = 0;
			break;
		case SCTP_DAR_A_ADDR_STATE:
			if (state && mnl_attr_validate(a, MNL_TYPE_U32) == 0)
				*state = mnl_attr_get_u32(a);
			break;
		}
	}
	return ok;
}

/**
 * addr_nest_family - family of a nested address
 * @nest: the nest (enum sctp_dar_a_addr)
 *
 * Return: AF_INET, AF_INET6, or 0 when it holds no address.
 */
int addr_nest_family(const struct nlattr *nest)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest) {
		if (mnl_attr_get_type(a) == SCTP_DAR_A_ADDR_IPV4)
			return AF_INET;
		if (mnl_attr_get_type(a) == SCTP_DAR_A_ADDR_IPV6)
			return AF_INET6;
	}
	return 0;
}

/**
 * family_shown - does -4 / -6 let an address of this nest through?
 * @nest: a nested address, or NULL (always shown)
 *
 * Return: true when it is to be shown.
 */
bool family_shown(const struct nlattr *nest)
{
	return !opts.family || !nest || addr_nest_family(nest) == opts.family;
}
