// SPDX-License-Identifier: GPL-2.0
/*
 * link.c - "sctpaddr link": the namespace's interfaces and their
 * priorities as primaries (SCTP_DAR_CMD_LINK_GET / SCTP_DAR_CMD_LINK_SET).
 */
#include <inttypes.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

#include <linux/genetlink.h>

#include "json_print.h"
#include "sctpaddr.h"

static void link_usage(FILE *f)
{
	fprintf(f,
		"Usage: sctpaddr link [ show [ dev NAME ] ]\n"
		"       sctpaddr link set dev NAME priority PRIORITY\n"
		"       sctpaddr link help\n"
		"where  PRIORITY := 0-255 (higher first; 0, the default, clears it)\n"
		"Between equal priorities the interface whose default route has the\n"
		"lowest metric comes first (policy route-metric); show prints the\n"
		"metrics of the IPv4 and IPv6 default routes, \"-\" for none.\n");
}

/* A default route's metric: a number, or "-" (JSON null) without one. */
static void print_metric(const char *key, const char *fmt,
			 const struct nlattr *a)
{
	char buf[16];

	if (a && mnl_attr_validate(a, MNL_TYPE_U32) == 0) {
		snprintf(buf, sizeof(buf), "%" PRIu32, mnl_attr_get_u32(a));
		print_uint(PRINT_JSON, key, NULL, mnl_attr_get_u32(a));
		print_string(PRINT_FP, NULL, fmt, buf);
	} else {
		print_null(key);
		print_string(PRINT_FP, NULL, fmt, "-");
	}
}

static int link_print_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[SCTP_DAR_A_LINK_MAX + 1] = {};
	const struct nlattr *a;

	(void)data;
	mnl_attr_for_each(a, nlh, GENL_HDRLEN) {
		if (mnl_attr_get_type(a) <= SCTP_DAR_A_LINK_MAX)
			tb[mnl_attr_get_type(a)] = a;
	}
	if (!tb[SCTP_DAR_A_LINK_IFINDEX] ||
	    mnl_attr_validate(tb[SCTP_DAR_A_LINK_IFINDEX], MNL_TYPE_U32) < 0)
		return MNL_CB_OK;
	open_json_object(NULL);
	print_uint(PRINT_ANY, "ifindex", "%" PRIu64 ": ",
		   mnl_attr_get_u32(tb[SCTP_DAR_A_LINK_IFINDEX]));
	if (tb[SCTP_DAR_A_LINK_NAME] &&
	    mnl_attr_validate(tb[SCTP_DAR_A_LINK_NAME], MNL_TYPE_NUL_STRING) == 0)
		print_string(PRINT_ANY, "name", "%s",
			     mnl_attr_get_str(tb[SCTP_DAR_A_LINK_NAME]));
	if (tb[SCTP_DAR_A_LINK_PRIORITY] &&
	    mnl_attr_validate(tb[SCTP_DAR_A_LINK_PRIORITY], MNL_TYPE_U32) == 0)
		print_uint(PRINT_ANY, "priority", " priority %" PRIu64,
			   mnl_attr_get_u32(tb[SCTP_DAR_A_LINK_PRIORITY]));
	print_metric("metric", " metric %s", tb[SCTP_DAR_A_LINK_METRIC]);
	print_metric("metric6", " metric6 %s", tb[SCTP_DAR_A_LINK_METRIC6]);
	print_flag("up", "up", tb[SCTP_DAR_A_LINK_UP]);
	close_json_object();
	print_nl();
	return MNL_CB_OK;
}

/* The index of interface @name in the current namespace. */
static int link_index(const char *name, uint32_t *ifindex)
{
	if (!*name || strlen(name) >= IF_NAMESIZE) {
		error("invalid interface name \"%s\"", name);
		return -1;
	}
	*ifindex = if_nametoindex(name);
	if (!*ifindex) {
		error("no interface \"%s\" in this network namespace", name);
		return -1;
	}
	return 0;
}

/**
 * do_link - the "link" object
 * @argc: arguments after "link"
 * @argv: them
 *
 * Return: exit status.
 */
int do_link(int argc, char **argv)
{
	bool set = argc >= 1 && !strcmp(argv[0], "set");
	uint32_t ifindex = 0, prio = 0;
	struct dar_nl nl = {};
	struct nlmsghdr *nlh;
	int ret;

	if (argc >= 1 && !strcmp(argv[0], "help")) {
		link_usage(stdout);
		return EXIT_OK;
	}
	if (argc >= 1 && !set && strcmp(argv[0], "show"))
		return usage_error("link", "unknown command \"%s\"", argv[0]);
	if (set && (argc != 5 || strcmp(argv[1], "dev") ||
		    strcmp(argv[3], "priority")))
		return usage_error("link", "\"set\" takes \"dev NAME priority PRIORITY\"");
	if (!set && argc > 1 && (argc != 3 || strcmp(argv[1], "dev")))
		return usage_error("link", "\"show\" takes only \"dev NAME\"");
	if (set && parse_u32(argv[4], "priority", 0, 255, &prio))
		return EXIT_USAGE;
	if (dar_nl_open(&nl)) {
		dar_nl_close(&nl);
		return EXIT_FAIL;
	}
	/* After dar_nl_open(): names are resolved in the namespace -n entered. */
	if (argc >= 3 && link_index(argv[2], &ifindex)) {
		dar_nl_close(&nl);
		return EXIT_FAIL;
	}
	if (set) {
		nlh = dar_nl_msg(&nl, SCTP_DAR_CMD_LINK_SET, 0);
		mnl_attr_put_u32(nlh, SCTP_DAR_A_LINK_IFINDEX, ifindex);
		mnl_attr_put_u32(nlh, SCTP_DAR_A_LINK_PRIORITY, prio);
		ret = dar_nl_talk(&nl, nlh, NULL, NULL);
	} else {
		nlh = dar_nl_msg(&nl, SCTP_DAR_CMD_LINK_GET,
				 ifindex ? 0 : NLM_F_DUMP);
		if (ifindex)
			mnl_attr_put_u32(nlh, SCTP_DAR_A_LINK_IFINDEX, ifindex);
		new_json_obj(opts.json, opts.pretty, JSON_ARRAY);
		ret = dar_nl_talk(&nl, nlh, link_print_cb, NULL);
		delete_json_obj();
	}
	dar_nl_close(&nl);
	return ret ? EXIT_FAIL : EXIT_OK;
}
