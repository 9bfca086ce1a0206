// SPDX-License-Identifier: GPL-2.0
/*
 * assoc.c - "sctpaddr assoc": list the associations of the namespace
 * (SCTP_DAR_CMD_ASSOC_GET dump, with selectors) or get one by id (do).
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <linux/genetlink.h>

#include "json_print.h"
#include "sctpaddr.h"

static void assoc_usage(FILE *f)
{
	fprintf(f,
		"Usage: sctpaddr assoc [ show [ SELECTOR ... ] ]\n"
		"       sctpaddr assoc get id ASSOC_ID\n"
		"       sctpaddr assoc set id ASSOC_ID [ primary PEER_ADDRESS ]\n"
		"                                     [ peer-primary LOCAL_ADDRESS ]\n"
		"       sctpaddr assoc help\n"
		"where  SELECTOR := { id ASSOC_ID | lport PORT | pport PORT |\n"
		"                     addr ADDRESS | ino INODE }\n");
}

/* Expected payload size of each scalar attribute of an association. */
static const int assoc_attr_len[SCTP_DAR_A_ASSOC_MAX + 1] = {
	[SCTP_DAR_A_ASSOC_ID] = 4,
	[SCTP_DAR_A_ASSOC_LOCAL_PORT] = 2,
	[SCTP_DAR_A_ASSOC_PEER_PORT] = 2,
	[SCTP_DAR_A_ASSOC_STATE] = 4,
	[SCTP_DAR_A_ASSOC_SOCK_INO] = 4,
	[SCTP_DAR_A_ASSOC_PEER_ASCONF] = 0,
	[SCTP_DAR_A_ASSOC_PEER_AUTH] = 0,
};

static void print_path(const struct nlattr *nest)
{
	const struct nlattr *tb[SCTP_DAR_A_PATH_MAX + 1] = {};
	char addr[INET6_ADDRSTRLEN] = "?";
	const struct nlattr *a;
	uint16_t type;

	mnl_attr_for_each_nested(a, nest) {
		type = mnl_attr_get_type(a);
		if (type > SCTP_DAR_A_PATH_MAX)
			continue;
		if (type != SCTP_DAR_A_PATH_ADDR &&
		    mnl_attr_validate(a, MNL_TYPE_U32) < 0)
			continue;
		tb[type] = a;
	}
	if (!family_shown(tb[SCTP_DAR_A_PATH_ADDR]))
		return;
	if (tb[SCTP_DAR_A_PATH_ADDR])
		addr_from_nest(tb[SCTP_DAR_A_PATH_ADDR], addr, sizeof(addr), NULL);

	open_json_object(NULL);
	print_string(PRINT_ANY, "addr", "\tpath %s", addr);
	if (tb[SCTP_DAR_A_PATH_STATE])
		print_string(PRINT_ANY, "state", " %s",
			     path_state_name(mnl_attr_get_u32(tb[SCTP_DAR_A_PATH_STATE])));
	if (tb[SCTP_DAR_A_PATH_SRTT])
		print_uint(PRINT_ANY, "srtt_ms", " srtt %" PRIu64 "ms",
			   mnl_attr_get_u32(tb[SCTP_DAR_A_PATH_SRTT]));
	if (tb[SCTP_DAR_A_PATH_RTO])
		print_uint(PRINT_ANY, "rto_ms", " rto %" PRIu64 "ms",
			   mnl_attr_get_u32(tb[SCTP_DAR_A_PATH_RTO]));
	if (tb[SCTP_DAR_A_PATH_CWND])
		print_uint(PRINT_ANY, "cwnd", " cwnd %" PRIu64,
			   mnl_attr_get_u32(tb[SCTP_DAR_A_PATH_CWND]));
	if (tb[SCTP_DAR_A_PATH_ERROR_COUNT])
		print_uint(PRINT_ANY, "errors", " errors %" PRIu64,
			   mnl_attr_get_u32(tb[SCTP_DAR_A_PATH_ERROR_COUNT]));
	if (tb[SCTP_DAR_A_PATH_PMTU])
		print_uint(PRINT_ANY, "pmtu", " pmtu %" PRIu64,
			   mnl_attr_get_u32(tb[SCTP_DAR_A_PATH_PMTU]));
	close_json_object();
	print_nl();
}

static void print_laddr(const struct nlattr *nest)
{
	char addr[INET6_ADDRSTRLEN] = "?";
	uint32_t state;

	if (!family_shown(nest))
		return;
	addr_from_nest(nest, addr, sizeof(addr), &state);
	open_json_object(NULL);
	print_string(PRINT_ANY, "addr", "\tlocal %s", addr);
	if (state != UINT32_MAX)
		print_string(PRINT_ANY, "state", " %s", laddr_state_name(state));
	close_json_object();
	print_nl();
}

/* Counter names: the spec's, with '-' in text and '_' in JSON. */
static const char *const assoc_counters[SCTP_DAR_A_ASSOC_COUNTERS_MAX + 1][2] = {
	[SCTP_DAR_A_ASSOC_COUNTERS_ADDRS_ADDED] = { "addrs-added", "addrs_added" },
	[SCTP_DAR_A_ASSOC_COUNTERS_ADDRS_REMOVED] = { "addrs-removed", "addrs_removed" },
	[SCTP_DAR_A_ASSOC_COUNTERS_PRIMARY_CHANGES] = { "primary-changes", "primary_changes" },
	[SCTP_DAR_A_ASSOC_COUNTERS_ASCONF_SENT] = { "asconf-sent", "asconf_sent" },
	[SCTP_DAR_A_ASSOC_COUNTERS_ASCONF_ACKED] = { "asconf-acked", "asconf_acked" },
	[SCTP_DAR_A_ASSOC_COUNTERS_ASCONF_REJECTED] = { "asconf-rejected", "asconf_rejected" },
	[SCTP_DAR_A_ASSOC_COUNTERS_HEARTBEATS] = { "heartbeats", "heartbeats" },
	[SCTP_DAR_A_ASSOC_COUNTERS_ERRORS] = { "errors", "errors" },
	[SCTP_DAR_A_ASSOC_COUNTERS_LAST_LATENCY_US] = { "last-latency-us", "last_latency_us" },
};

/* sctp_dar's counters of the association, one line in text. */
static void print_counters(const struct nlattr *nest)
{
	const struct nlattr *a;
	char fmt[64];
	uint16_t type;

	print_text("\tcounters");
	open_json_object("counters");
	mnl_attr_for_each_nested(a, nest) {
		type = mnl_attr_get_type(a);
		if (type > SCTP_DAR_A_ASSOC_COUNTERS_MAX ||
		    !assoc_counters[type][0] ||
		    mnl_attr_validate(a, MNL_TYPE_U64) < 0)
			continue;
		snprintf(fmt, sizeof(fmt), " %s %%" PRIu64, assoc_counters[type][0]);
		print_uint(PRINT_ANY, assoc_counters[type][1], fmt,
			   mnl_attr_get_u64(a));
	}
	close_json_object();
	print_nl();
}

/* One association message: first line with its scalars, then one line per
 * local address and one per path.
 */
static int assoc_print_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[SCTP_DAR_A_ASSOC_MAX + 1] = {};
	char addr[INET6_ADDRSTRLEN];
	const struct nlattr *a;
	unsigned int *count = data;
	uint16_t type;

	mnl_attr_for_each(a, nlh, GENL_HDRLEN) {
		type = mnl_attr_get_type(a);
		if (type > SCTP_DAR_A_ASSOC_MAX)
			continue;
		if (type != SCTP_DAR_A_ASSOC_LOCAL_ADDR &&
		    type != SCTP_DAR_A_ASSOC_PATH &&
		    type != SCTP_DAR_A_ASSOC_PRIMARY &&
		    type != SCTP_DAR_A_ASSOC_PEER_PRIMARY &&
		    type != SCTP_DAR_A_ASSOC_COUNTERS &&
		    mnl_attr_get_payload_len(a) != assoc_attr_len[type])
			continue;
		tb[type] = a;
	}
	if (!tb[SCTP_DAR_A_ASSOC_ID])
		return MNL_CB_OK;
	if (opts.family) {
		/* -4 / -6: only associations with an address of that family */
		bool any = false;

		mnl_attr_for_each(a, nlh, GENL_HDRLEN) {
			type = mnl_attr_get_type(a);
			if (type == SCTP_DAR_A_ASSOC_LOCAL_ADDR &&
			    addr_nest_family(a) == opts.family)
				any = true;
		}
		if (!any)
			return MNL_CB_OK;
	}
	(*count)++;

	open_json_object(NULL);
	print_uint(PRINT_ANY, "id", "assoc %" PRIu64,
		   mnl_attr_get_u32(tb[SCTP_DAR_A_ASSOC_ID]));
	if (tb[SCTP_DAR_A_ASSOC_STATE])
		print_string(PRINT_ANY, "state", " %s",
			     assoc_state_name(mnl_attr_get_u32(tb[SCTP_DAR_A_ASSOC_STATE])));
	if (tb[SCTP_DAR_A_ASSOC_LOCAL_PORT])
		print_uint(PRINT_ANY, "lport", " lport %" PRIu64,
			   ntohs(mnl_attr_get_u16(tb[SCTP_DAR_A_ASSOC_LOCAL_PORT])));
	if (tb[SCTP_DAR_A_ASSOC_PEER_PORT])
		print_uint(PRINT_ANY, "pport", " pport %" PRIu64,
			   ntohs(mnl_attr_get_u16(tb[SCTP_DAR_A_ASSOC_PEER_PORT])));
	if (tb[SCTP_DAR_A_ASSOC_SOCK_INO])
		print_uint(PRINT_ANY, "ino", " ino %" PRIu64,
			   mnl_attr_get_u32(tb[SCTP_DAR_A_ASSOC_SOCK_INO]));
	if (tb[SCTP_DAR_A_ASSOC_PRIMARY] &&
	    family_shown(tb[SCTP_DAR_A_ASSOC_PRIMARY]) &&
	    !addr_from_nest(tb[SCTP_DAR_A_ASSOC_PRIMARY], addr, sizeof(addr), NULL))
		print_string(PRINT_ANY, "primary", " primary %s", addr);
	if (tb[SCTP_DAR_A_ASSOC_PEER_PRIMARY] &&
	    family_shown(tb[SCTP_DAR_A_ASSOC_PEER_PRIMARY]) &&
	    !addr_from_nest(tb[SCTP_DAR_A_ASSOC_PEER_PRIMARY], addr, sizeof(addr), NULL))
		print_string(PRINT_ANY, "peer_primary", " peer-primary %s", addr);
	print_flag("peer_asconf", "peer-asconf", tb[SCTP_DAR_A_ASSOC_PEER_ASCONF]);
	print_flag("peer_auth", "peer-auth", tb[SCTP_DAR_A_ASSOC_PEER_AUTH]);
	print_nl();
	if (tb[SCTP_DAR_A_ASSOC_COUNTERS])
		print_counters(tb[SCTP_DAR_A_ASSOC_COUNTERS]);

	open_json_array(PRINT_JSON, "local");
	mnl_attr_for_each(a, nlh, GENL_HDRLEN) {
		if (mnl_attr_get_type(a) == SCTP_DAR_A_ASSOC_LOCAL_ADDR)
			print_laddr(a);
	}
	close_json_array(PRINT_JSON);
	open_json_array(PRINT_JSON, "paths");
	mnl_attr_for_each(a, nlh, GENL_HDRLEN) {
		if (mnl_attr_get_type(a) == SCTP_DAR_A_ASSOC_PATH)
			print_path(a);
	}
	close_json_array(PRINT_JSON);
	close_json_object();
	return MNL_CB_OK;
}

/* Selectors of "show" (each allowed once), or the id of "get". */
struct assoc_sel {
	bool seen[5];		/* id, lport, pport, addr, ino */
	uint32_t id;
	uint32_t lport;
	uint32_t pport;
	struct sockaddr_storage addr;
	uint32_t ino;
};

static const char *const assoc_sel_words[] = { "id", "lport", "pport",
					       "addr", "ino" };

static int assoc_parse_sel(int argc, char **argv, struct assoc_sel *sel)
{
	int i, w;

	for (i = 0; i < argc; i += 2) {
		for (w = 0; w < 5; w++)
			if (!strcmp(argv[i], assoc_sel_words[w]))
				break;
		if (w == 5)
			return usage_error("assoc", "unknown selector \"%s\"", argv[i]);
		if (sel->seen[w])
			return usage_error("assoc", "selector \"%s\" given twice", argv[i]);
		sel->seen[w] = true;
		if (i + 1 >= argc)
			return usage_error("assoc", "selector \"%s\" needs a value", argv[i]);
		switch (w) {
		case 0:
			if (parse_u32(argv[i + 1], "association id", 1, INT32_MAX,
				      &sel->id))
				return EXIT_USAGE;
			break;
		case 1:
			if (parse_u32(argv[i + 1], "port", 1, 65535, &sel->lport))
				return EXIT_USAGE;
			break;
		case 2:
			if (parse_u32(argv[i + 1], "port", 1, 65535, &sel->pport))
				return EXIT_USAGE;
			break;
		case 3:
			if (parse_addr(argv[i + 1], &sel->addr))
				return EXIT_USAGE;
			break;
		case 4:
			if (parse_u32(argv[i + 1], "inode", 1, UINT32_MAX, &sel->ino))
				return EXIT_USAGE;
			break;
		}
	}
	return EXIT_OK;
}

static void assoc_put_sel(struct nlmsghdr *nlh, const struct assoc_sel *sel)
{
	if (sel->seen[0])
		mnl_attr_put_u32(nlh, SCTP_DAR_A_ASSOC_ID, sel->id);
	if (sel->seen[1])
		mnl_attr_put_u16(nlh, SCTP_DAR_A_ASSOC_LOCAL_PORT, htons(sel->lport));
	if (sel->seen[2])
		mnl_attr_put_u16(nlh, SCTP_DAR_A_ASSOC_PEER_PORT, htons(sel->pport));
	if (sel->seen[3])
		dar_nl_put_addr(nlh, SCTP_DAR_A_ASSOC_ADDR, &sel->addr);
	if (sel->seen[4])
		mnl_attr_put_u32(nlh, SCTP_DAR_A_ASSOC_SOCK_INO, sel->ino);
}

static int assoc_run(int argc, char **argv, bool get)
{
	struct assoc_sel sel = {};
	struct dar_nl nl = {};
	struct nlmsghdr *nlh;
	unsigned int count = 0;
	int ret;

	if (get && (argc != 2 || strcmp(argv[0], "id")))
		return usage_error("assoc", "\"get\" takes exactly \"id ASSOC_ID\"");
	ret = assoc_parse_sel(argc, argv, &sel);
	if (ret)
		return ret;
	if (dar_nl_open(&nl)) {
		dar_nl_close(&nl);
		return EXIT_FAIL;
	}
	nlh = dar_nl_msg(&nl, SCTP_DAR_CMD_ASSOC_GET, get ? 0 : NLM_F_DUMP);
	assoc_put_sel(nlh, &sel);

	new_json_obj(opts.json, opts.pretty, JSON_ARRAY);
	ret = dar_nl_talk(&nl, nlh, assoc_print_cb, &count);
	delete_json_obj();
	if (nl.interrupted)
		fprintf(stderr, "Warning: the associations changed during the dump; it may be inconsistent.\n");
	dar_nl_close(&nl);
	return ret ? EXIT_FAIL : EXIT_OK;
}

/* "set id ID [primary PEER] [peer-primary LOCAL]": choose the primary
 * paths by hand (SCTP_DAR_CMD_ASSOC_SET).
 */
static int assoc_set(int argc, char **argv)
{
	struct sockaddr_storage prim, peer_prim;
	bool has_prim = false, has_peer = false, has_id = false;
	struct dar_nl nl = {};
	struct nlmsghdr *nlh;
	uint32_t id = 0;
	int i, ret;

	for (i = 0; i < argc; i += 2) {
		if (i + 1 >= argc)
			return usage_error("assoc", "\"%s\" needs a value", argv[i]);
		if (!strcmp(argv[i], "id") && !has_id) {
			if (parse_u32(argv[i + 1], "association id", 1,
				      INT32_MAX, &id))
				return EXIT_USAGE;
			has_id = true;
		} else if (!strcmp(argv[i], "primary") && !has_prim) {
			if (parse_addr(argv[i + 1], &prim))
				return EXIT_USAGE;
			has_prim = true;
		} else if (!strcmp(argv[i], "peer-primary") && !has_peer) {
			if (parse_addr(argv[i + 1], &peer_prim))
				return EXIT_USAGE;
			has_peer = true;
		} else {
			return usage_error("assoc", "unexpected or repeated \"%s\"",
					   argv[i]);
		}
	}
	if (!has_id)
		return usage_error("assoc", "\"set\" needs \"id ASSOC_ID\"");
	if (!has_prim && !has_peer)
		return usage_error("assoc", "\"set\" needs \"primary\" or \"peer-primary\"");
	if (dar_nl_open(&nl)) {
		dar_nl_close(&nl);
		return EXIT_FAIL;
	}
	nlh = dar_nl_msg(&nl, SCTP_DAR_CMD_ASSOC_SET, 0);
	mnl_attr_put_u32(nlh, SCTP_DAR_A_ASSOC_ID, id);
	if (has_prim)
		dar_nl_put_addr(nlh, SCTP_DAR_A_ASSOC_PRIMARY, &prim);
	if (has_peer)
		dar_nl_put_addr(nlh, SCTP_DAR_A_ASSOC_PEER_PRIMARY, &peer_prim);
	ret = dar_nl_talk(&nl, nlh, NULL, NULL);
	dar_nl_close(&nl);
	return ret ? EXIT_FAIL : EXIT_OK;
}

/**
 * do_assoc - the "assoc" object
 * @argc: arguments after "assoc"
 * @argv: them
 *
 * Return: exit status.
 */
int do_assoc(int argc, char **argv)
{
	if (argc < 1 || !strcmp(argv[0], "show"))
		return assoc_run(argc ? argc - 1 : 0, argv + !!argc, false);
	if (!strcmp(argv[0], "get"))
		return assoc_run(argc - 1, argv + 1, true);
	if (!strcmp(argv[0], "set"))
		return assoc_set(argc - 1, argv + 1);
	if (!strcmp(argv[0], "help")) {
		assoc_usage(stdout);
		return EXIT_OK;
	}
	return usage_error("assoc", "unknown command \"%s\"", argv[0]);
}
