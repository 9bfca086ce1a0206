// SPDX-License-Identifier: GPL-2.0
/*
 * monitor.c - "sctpaddr monitor": print sctp_dar's events as they happen,
 * one line (or one JSON object per line with -j) per event, until SIGINT
 * or SIGTERM.
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <linux/genetlink.h>

#include "json_print.h"
#include "sctpaddr.h"

static volatile int monitor_stop;

static void monitor_usage(FILE *f)
{
	fprintf(f,
		"Usage: sctpaddr monitor\n"
		"       sctpaddr monitor help\n");
}

static void monitor_signal(int sig)
{
	(void)sig;
	monitor_stop = 1;
}

/* -t: when the event was received, as "[2026-11-23T19:45:01.123456Z] "
 * (JSON: "time", the same text without brackets).
 */
static void print_timestamp(void)
{
	char buf[64];
	struct timespec ts;
	struct tm tm;
	size_t n;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	n = strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf + n, sizeof(buf) - n, ".%06ldZ", ts.tv_nsec / 1000);
	print_string(PRINT_JSON, "time", NULL, buf);
	print_string(PRINT_FP, NULL, "[%s] ", buf);
}

static int monitor_event_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[SCTP_DAR_A_EVENT_MAX + 1] = {};
	const struct genlmsghdr *g = mnl_nlmsg_get_payload(nlh);
	char addr[INET6_ADDRSTRLEN];
	const struct nlattr *a;
	uint16_t type;
	uint32_t v;

	(void)data;
	if (g->cmd != SCTP_DAR_CMD_EVENT)
		return MNL_CB_OK;
	mnl_attr_for_each(a, nlh, GENL_HDRLEN) {
		type = mnl_attr_get_type(a);
		if (type > SCTP_DAR_A_EVENT_MAX)
			continue;
		if (type == SCTP_DAR_A_EVENT_LOCAL_PORT ||
		    type == SCTP_DAR_A_EVENT_PEER_PORT) {
			if (mnl_attr_validate(a, MNL_TYPE_U16) < 0)
				continue;
		} else if (type != SCTP_DAR_A_EVENT_ADDR &&
			   mnl_attr_validate(a, MNL_TYPE_U32) < 0) {
			continue;
		}
		tb[type] = a;
	}
	if (!tb[SCTP_DAR_A_EVENT_TYPE] || !family_shown(tb[SCTP_DAR_A_EVENT_ADDR]))
		return MNL_CB_OK;

	open_json_object(NULL);
	if (opts.timestamp)
		print_timestamp();
	print_string(PRINT_ANY, "event", "%s",
		     event_type_name(mnl_attr_get_u32(tb[SCTP_DAR_A_EVENT_TYPE])));
	if (tb[SCTP_DAR_A_EVENT_ASSOC_ID])
		print_uint(PRINT_ANY, "assoc", " assoc %" PRIu64,
			   mnl_attr_get_u32(tb[SCTP_DAR_A_EVENT_ASSOC_ID]));
	if (tb[SCTP_DAR_A_EVENT_LOCAL_PORT])
		print_uint(PRINT_ANY, "lport", " lport %" PRIu64,
			   ntohs(mnl_attr_get_u16(tb[SCTP_DAR_A_EVENT_LOCAL_PORT])));
	if (tb[SCTP_DAR_A_EVENT_PEER_PORT])
		print_uint(PRINT_ANY, "pport", " pport %" PRIu64,
			   ntohs(mnl_attr_get_u16(tb[SCTP_DAR_A_EVENT_PEER_PORT])));
	if (tb[SCTP_DAR_A_EVENT_ADDR] &&
	    !addr_from_nest(tb[SCTP_DAR_A_EVENT_ADDR], addr, sizeof(addr), NULL))
		print_string(PRINT_ANY, "addr", " addr %s", addr);
	if (tb[SCTP_DAR_A_EVENT_IFINDEX])
		print_uint(PRINT_ANY, "ifindex", " ifindex %" PRIu64,
			   mnl_attr_get_u32(tb[SCTP_DAR_A_EVENT_IFINDEX]));
	if (tb[SCTP_DAR_A_EVENT_SERIAL])
		print_uint(PRINT_ANY, "serial", " serial %" PRIu64,
			   mnl_attr_get_u32(tb[SCTP_DAR_A_EVENT_SERIAL]));
	if (tb[SCTP_DAR_A_EVENT_ERROR_CAUSE]) {
		v = mnl_attr_get_u32(tb[SCTP_DAR_A_EVENT_ERROR_CAUSE]);
		print_uint(PRINT_JSON, "error_cause", NULL, v);
		print_string(PRINT_FP, NULL, " cause %s", error_cause_name(v));
		print_uint(PRINT_FP, NULL, "(%" PRIu64 ")", v);
	}
	if (tb[SCTP_DAR_A_EVENT_REASON])
		print_string(PRINT_ANY, "reason", " reason %s",
			     ignore_reason_name(mnl_attr_get_u32(tb[SCTP_DAR_A_EVENT_REASON])));
	if (tb[SCTP_DAR_A_EVENT_VERDICT])
		print_string(PRINT_ANY, "verdict", " verdict %s",
			     asconf_verdict_name(mnl_attr_get_u32(tb[SCTP_DAR_A_EVENT_VERDICT])));
	if (tb[SCTP_DAR_A_EVENT_LATENCY_US])
		print_uint(PRINT_ANY, "latency_us", " latency %" PRIu64 "us",
			   mnl_attr_get_u32(tb[SCTP_DAR_A_EVENT_LATENCY_US]));
	close_json_object();
	print_nl();
	fflush(stdout);
	return MNL_CB_OK;
}

/**
 * do_monitor - the "monitor" object
 * @argc: arguments after "monitor"
 * @argv: them
 *
 * Return: exit status (0 when stopped by SIGINT or SIGTERM).
 */
int do_monitor(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = monitor_signal };
	struct dar_nl nl = {};
	int ret;

	if (argc >= 1 && !strcmp(argv[0], "help")) {
		monitor_usage(stdout);
		return EXIT_OK;
	}
	if (argc >= 1)
		return usage_error("monitor", "unexpected argument \"%s\"", argv[0]);
	if (dar_nl_open(&nl)) {
		dar_nl_close(&nl);
		return EXIT_FAIL;
	}
	/* No SA_RESTART: the wait must return when a signal arrives. */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	new_json_obj(opts.json, opts.pretty, JSON_LINES);
	ret = dar_nl_recv_events(&nl, monitor_event_cb, NULL, &monitor_stop);
	delete_json_obj();
	dar_nl_close(&nl);
	return ret ? EXIT_FAIL : EXIT_OK;
}
