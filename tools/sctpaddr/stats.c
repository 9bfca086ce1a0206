// SPDX-License-Identifier: GPL-2.0
/*
 * stats.c - "sctpaddr stats": the counters of the namespace
 * (SCTP_DAR_CMD_STATS_GET).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <linux/genetlink.h>

#include "json_print.h"
#include "sctpaddr.h"

static void stats_usage(FILE *f)
{
	fprintf(f,
		"Usage: sctpaddr stats [ show ]\n"
		"       sctpaddr stats help\n");
}

/* Counter names: the spec's, with '-' in text and '_' in JSON. */
static const char *const counters[SCTP_DAR_A_STATS_MAX + 1][2] = {
	[SCTP_DAR_A_STATS_ADDR_EVENTS] = { "addr-events", "addr_events" },
	[SCTP_DAR_A_STATS_EVENTS_IGNORED] = { "events-ignored", "events_ignored" },
	[SCTP_DAR_A_STATS_ASCONF_SENT] = { "asconf-sent", "asconf_sent" },
	[SCTP_DAR_A_STATS_ASCONF_ACKED] = { "asconf-acked", "asconf_acked" },
	[SCTP_DAR_A_STATS_ASCONF_REJECTED] = { "asconf-rejected", "asconf_rejected" },
	[SCTP_DAR_A_STATS_ADDRS_ADDED] = { "addrs-added", "addrs_added" },
	[SCTP_DAR_A_STATS_ADDRS_REMOVED] = { "addrs-removed", "addrs_removed" },
	[SCTP_DAR_A_STATS_PRIMARY_CHANGES] = { "primary-changes", "primary_changes" },
	[SCTP_DAR_A_STATS_NOTIFY_FAILED] = { "notify-failed", "notify_failed" },
	[SCTP_DAR_A_STATS_ASCONF_RX_OK] = { "asconf-rx-ok", "asconf_rx_ok" },
	[SCTP_DAR_A_STATS_ASCONF_RX_RETRANSMIT] = { "asconf-rx-retransmit", "asconf_rx_retransmit" },
	[SCTP_DAR_A_STATS_ASCONF_RX_MALFORMED] = { "asconf-rx-malformed", "asconf_rx_malformed" },
	[SCTP_DAR_A_STATS_ASCONF_RX_BAD_VTAG] = { "asconf-rx-bad-vtag", "asconf_rx_bad_vtag" },
	[SCTP_DAR_A_STATS_ASCONF_RX_BAD_LOOKUP] = { "asconf-rx-bad-lookup", "asconf_rx_bad_lookup" },
	[SCTP_DAR_A_STATS_ASCONF_RX_REPLAY] = { "asconf-rx-replay", "asconf_rx_replay" },
	[SCTP_DAR_A_STATS_ASCONF_RX_OUT_OF_ORDER] = { "asconf-rx-out-of-order", "asconf_rx_out_of_order" },
	[SCTP_DAR_A_STATS_ASCONF_RX_DENY_LISTED] = { "asconf-rx-deny-listed", "asconf_rx_deny_listed" },
	[SCTP_DAR_A_STATS_ASCONF_RX_RATE_LIMITED] = { "asconf-rx-rate-limited", "asconf_rx_rate_limited" },
	[SCTP_DAR_A_STATS_ASCONF_RX_UNAUTHENTICATED] = { "asconf-rx-unauthenticated", "asconf_rx_unauthenticated" },
	[SCTP_DAR_A_STATS_ASCONF_RX_NO_ASSOC] = { "asconf-rx-no-assoc", "asconf_rx_no_assoc" },
	[SCTP_DAR_A_STATS_ASCONF_RX_DROPPED] = { "asconf-rx-dropped", "asconf_rx_dropped" },
	[SCTP_DAR_A_STATS_ASCONF_ACK_UNMATCHED] = { "asconf-ack-unmatched", "asconf_ack_unmatched" },
	[SCTP_DAR_A_STATS_ASCONF_UNTRACKED] = { "asconf-untracked", "asconf_untracked" },
	[SCTP_DAR_A_STATS_INIT_PRIMARY_ADDED] = { "init-primary-added", "init_primary_added" },
	[SCTP_DAR_A_STATS_INIT_PRIMARY_SKIPPED] = { "init-primary-skipped", "init_primary_skipped" },
	[SCTP_DAR_A_STATS_ASCONF_RX_UNINSPECTED] = { "asconf-rx-uninspected", "asconf_rx_uninspected" },
	[SCTP_DAR_A_STATS_EVENTS_COALESCED] = { "events-coalesced", "events_coalesced" },
	[SCTP_DAR_A_STATS_EVENTS_DROPPED] = { "events-dropped", "events_dropped" },
	[SCTP_DAR_A_STATS_PASSES] = { "passes", "passes" },
	[SCTP_DAR_A_STATS_SOCKETS_SKIPPED] = { "sockets-skipped", "sockets_skipped" },
	[SCTP_DAR_A_STATS_BINDX_ADD] = { "bindx-add", "bindx_add" },
	[SCTP_DAR_A_STATS_BINDX_REM] = { "bindx-rem", "bindx_rem" },
	[SCTP_DAR_A_STATS_RESCUES] = { "rescues", "rescues" },
	[SCTP_DAR_A_STATS_AUTO_ASCONF_QUEUED] = { "auto-asconf-queued", "auto_asconf_queued" },
	[SCTP_DAR_A_STATS_AUTO_ASCONF_KICKS] = { "auto-asconf-kicks", "auto_asconf_kicks" },
	[SCTP_DAR_A_STATS_AUTO_ASCONF_ENABLED] = { "auto-asconf-enabled", "auto_asconf_enabled" },
	[SCTP_DAR_A_STATS_ASSOCS_BLOCKED] = { "assocs-blocked", "assocs_blocked" },
	[SCTP_DAR_A_STATS_STALE_ABORTS] = { "stale-aborts", "stale_aborts" },
};

static int stats_print_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *a;
	char fmt[64];
	uint16_t type;

	(void)data;
	open_json_object(NULL);
	mnl_attr_for_each(a, nlh, GENL_HDRLEN) {
		type = mnl_attr_get_type(a);
		if (type > SCTP_DAR_A_STATS_MAX || !counters[type][0] ||
		    mnl_attr_validate(a, MNL_TYPE_U64) < 0)
			continue;
		snprintf(fmt, sizeof(fmt), "%s %%" PRIu64 "\n", counters[type][0]);
		print_uint(PRINT_ANY, counters[type][1], fmt, mnl_attr_get_u64(a));
	}
	close_json_object();
	return MNL_CB_OK;
}

/**
 * do_stats - the "stats" object
 * @argc: arguments after "stats"
 * @argv: them
 *
 * Return: exit status.
 */
int do_stats(int argc, char **argv)
{
	struct dar_nl nl = {};
	struct nlmsghdr *nlh;
	int ret;

	if (argc >= 1 && !strcmp(argv[0], "help")) {
		stats_usage(stdout);
		return EXIT_OK;
	}
	if (argc >= 1 && strcmp(argv[0], "show"))
		return usage_error("stats", "unknown command \"%s\"", argv[0]);
	if (argc > 1)
		return usage_error("stats", "unexpected argument \"%s\"", argv[1]);
	if (dar_nl_open(&nl)) {
		dar_nl_close(&nl);
		return EXIT_FAIL;
	}
	nlh = dar_nl_msg(&nl, SCTP_DAR_CMD_STATS_GET, 0);
	new_json_obj(opts.json, opts.pretty, JSON_LINES);
	ret = dar_nl_talk(&nl, nlh, stats_print_cb, NULL);
	delete_json_obj();
	dar_nl_close(&nl);
	return ret ? EXIT_FAIL : EXIT_OK;
}
