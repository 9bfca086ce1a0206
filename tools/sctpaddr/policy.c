// SPDX-License-Identifier: GPL-2.0
/*
 * policy.c - "sctpaddr policy": show or change the reconfiguration policy
 * of the namespace (SCTP_DAR_CMD_POLICY_GET / SCTP_DAR_CMD_POLICY_SET).
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/genetlink.h>

#include "json_print.h"
#include "sctpaddr.h"

static void policy_usage(FILE *f)
{
	fprintf(f,
		"Usage: sctpaddr policy [ show ]\n"
		"       sctpaddr policy set SETTING [ SETTING ... ]\n"
		"       sctpaddr policy help\n"
		"where  SETTING := { manage-wildcard { on | off } |\n"
		"                    manage-ports { all | none | PORT[,PORT...] } |\n"
		"                    grace-ms MS | debounce-ms MS | holddown-ms MS |\n"
		"                    require-auth { on | off } | paused { on | off } |\n"
		"                    route-metric { on | off } |\n"
		"                    deny { none | PREFIX[,PREFIX...] } }\n"
		"       PREFIX := ADDRESS[/LEN]\n");
}

/* ---- show -------------------------------------------------------------------- */

static void print_onoff(const char *key, const char *word,
			const struct nlattr *a)
{
	char fmt[64];

	if (!a || mnl_attr_validate(a, MNL_TYPE_U8) < 0)
		return;
	snprintf(fmt, sizeof(fmt), "%s %s ", word,
		 mnl_attr_get_u8(a) ? "on" : "off");
	print_bool(PRINT_JSON, key, NULL, mnl_attr_get_u8(a));
	print_text("%s", fmt);
}

static void print_u32(const char *key, const char *word,
		      const struct nlattr *a)
{
	char fmt[64];

	if (!a || mnl_attr_validate(a, MNL_TYPE_U32) < 0)
		return;
	snprintf(fmt, sizeof(fmt), "%s %%" PRIu64 " ", word);
	print_uint(PRINT_ANY, key, fmt, mnl_attr_get_u32(a));
}

static void print_ports(const struct nlattr *nest, bool all)
{
	const struct nlattr *a;
	bool first = true;

	print_text("manage-ports ");
	open_json_array(PRINT_JSON, "manage_ports");
	if (all)
		print_text("all");
	mnl_attr_for_each_nested(a, nest) {
		if (all || mnl_attr_get_type(a) != SCTP_DAR_A_PORTS_PORT ||
		    mnl_attr_validate(a, MNL_TYPE_U16) < 0)
			continue;
		print_text("%s", first ? "" : ",");
		print_uint(PRINT_ANY, NULL, "%" PRIu64,
			   ntohs(mnl_attr_get_u16(a)));
		first = false;
	}
	if (!all && first)
		print_text("none");
	close_json_array(PRINT_JSON);
	print_text(" ");
}

static void print_deny(const struct nlattr *nest)
{
	const struct nlattr *p, *a;
	char addr[INET6_ADDRSTRLEN], buf[INET6_ADDRSTRLEN + 8];
	bool first = true;

	print_text("deny ");
	open_json_array(PRINT_JSON, "deny");
	mnl_attr_for_each_nested(p, nest) {
		int len = -1, ok = -1;

		mnl_attr_for_each_nested(a, p) {
			if (mnl_attr_get_type(a) == SCTP_DAR_A_PREFIX_ADDR)
				ok = addr_from_nest(a, addr, sizeof(addr), NULL);
			else if (mnl_attr_get_type(a) == SCTP_DAR_A_PREFIX_LEN &&
				 mnl_attr_validate(a, MNL_TYPE_U8) == 0)
				len = mnl_attr_get_u8(a);
		}
		if (ok || len < 0)
			continue;
		snprintf(buf, sizeof(buf), "%s/%d", addr, len);
		print_text("%s", first ? "" : ",");
		print_string(PRINT_ANY, NULL, "%s", buf);
		first = false;
	}
	if (first)
		print_text("none");
	close_json_array(PRINT_JSON);
}

static int policy_print_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[SCTP_DAR_A_POLICY_MAX + 1] = {};
	const struct nlattr *a;
	bool all;

	(void)data;
	mnl_attr_for_each(a, nlh, GENL_HDRLEN) {
		if (mnl_attr_get_type(a) <= SCTP_DAR_A_POLICY_MAX)
			tb[mnl_attr_get_type(a)] = a;
	}
	all = tb[SCTP_DAR_A_POLICY_MANAGE_ALL_BOUND] &&
	      mnl_attr_validate(tb[SCTP_DAR_A_POLICY_MANAGE_ALL_BOUND], MNL_TYPE_U8) == 0 &&
	      mnl_attr_get_u8(tb[SCTP_DAR_A_POLICY_MANAGE_ALL_BOUND]);

	open_json_object(NULL);
	print_onoff("manage_wildcard", "manage-wildcard",
		    tb[SCTP_DAR_A_POLICY_MANAGE_WILDCARD]);
	print_bool(PRINT_JSON, "manage_all_bound", NULL, all);
	if (tb[SCTP_DAR_A_POLICY_MANAGE_PORTS])
		print_ports(tb[SCTP_DAR_A_POLICY_MANAGE_PORTS], all);
	print_u32("grace_ms", "grace-ms", tb[SCTP_DAR_A_POLICY_GRACE_MS]);
	print_u32("holddown_ms", "holddown-ms", tb[SCTP_DAR_A_POLICY_HOLDDOWN_MS]);
	print_u32("debounce_ms", "debounce-ms", tb[SCTP_DAR_A_POLICY_DEBOUNCE_MS]);
	print_onoff("require_auth", "require-auth",
		    tb[SCTP_DAR_A_POLICY_REQUIRE_AUTH]);
	print_onoff("paused", "paused", tb[SCTP_DAR_A_POLICY_PAUSED]);
	print_onoff("route_metric", "route-metric",
		    tb[SCTP_DAR_A_POLICY_ROUTE_METRIC]);
	print_text("\n");
	if (tb[SCTP_DAR_A_POLICY_DENY])
		print_deny(tb[SCTP_DAR_A_POLICY_DENY]);
	close_json_object();
	print_nl();
	return MNL_CB_OK;
}

/* ---- set --------------------------------------------------------------------- */

static int parse_onoff(const char *key, const char *word, uint8_t *v)
{
	if (!strcmp(word, "on"))
		*v = 1;
	else if (!strcmp(word, "off"))
		*v = 0;
	else
		return usage_error("policy", "\"%s\" takes \"on\" or \"off\", not \"%s\"",
				   key, word);
	return EXIT_OK;
}

/* "all", "none" or "P1,P2,...": at most 32 ports. */
static int put_ports(struct nlmsghdr *nlh, const char *word)
{
	char *copy, *tok, *save = NULL;
	struct nlattr *nest;
	unsigned int n = 0;
	uint32_t port;
	int ret = EXIT_OK;

	if (!strcmp(word, "all")) {
		mnl_attr_put_u8(nlh, SCTP_DAR_A_POLICY_MANAGE_ALL_BOUND, 1);
		nest = mnl_attr_nest_start(nlh, SCTP_DAR_A_POLICY_MANAGE_PORTS);
		mnl_attr_nest_end(nlh, nest);
		return EXIT_OK;
	}
	mnl_attr_put_u8(nlh, SCTP_DAR_A_POLICY_MANAGE_ALL_BOUND, 0);
	nest = mnl_attr_nest_start(nlh, SCTP_DAR_A_POLICY_MANAGE_PORTS);
	if (strcmp(word, "none")) {
		copy = strdup(word);
		if (!copy)
			return EXIT_FAIL;
		for (tok = strtok_r(copy, ",", &save); tok;
		     tok = strtok_r(NULL, ",", &save)) {
			if (parse_u32(tok, "port", 1, 65535, &port)) {
				ret = EXIT_USAGE;
				break;
			}
			mnl_attr_put_u16(nlh, SCTP_DAR_A_PORTS_PORT, htons(port));
			n++;
		}
		free(copy);
		if (!ret && !n)
			ret = usage_error("policy", "\"manage-ports\" needs all, none or a port list");
	}
	mnl_attr_nest_end(nlh, nest);
	return ret;
}

/* "none" or "PREFIX,PREFIX,..." where PREFIX is ADDRESS[/LEN]. */
static int put_deny(struct nlmsghdr *nlh, const char *word)
{
	char *copy, *tok, *slash, *save = NULL;
	struct nlattr *nest, *pfx;
	struct sockaddr_storage ss;
	uint32_t len;
	int ret = EXIT_OK;

	nest = mnl_attr_nest_start(nlh, SCTP_DAR_A_POLICY_DENY);
	if (strcmp(word, "none")) {
		copy = strdup(word);
		if (!copy)
			return EXIT_FAIL;
		for (tok = strtok_r(copy, ",", &save); tok && !ret;
		     tok = strtok_r(NULL, ",", &save)) {
			slash = strchr(tok, '/');
			if (slash)
				*slash++ = '\0';
			if (parse_addr(tok, &ss)) {
				ret = EXIT_USAGE;
				break;
			}
			len = ss.ss_family == AF_INET ? 32 : 128;
			if (slash && parse_u32(slash, "prefix length", 0, len, &len)) {
				ret = EXIT_USAGE;
				break;
			}
			pfx = mnl_attr_nest_start(nlh, SCTP_DAR_A_PREFIXES_PREFIX);
			dar_nl_put_addr(nlh, SCTP_DAR_A_PREFIX_ADDR, &ss);
			mnl_attr_put_u8(nlh, SCTP_DAR_A_PREFIX_LEN, len);
			mnl_attr_nest_end(nlh, pfx);
		}
		free(copy);
	}
	mnl_attr_nest_end(nlh, nest);
	return ret;
}

static int policy_set(struct dar_nl *nl, int argc, char **argv)
{
	struct nlmsghdr *nlh = dar_nl_msg(nl, SCTP_DAR_CMD_POLICY_SET, 0);
	uint32_t v;
	uint8_t b = 0;
	int i, ret;

	if (argc < 1)
		return usage_error("policy", "\"set\" needs at least one setting");
	for (i = 0; i < argc; i += 2) {
		const char *key = argv[i], *val = argv[i + 1];

		if (i + 1 >= argc)
			return usage_error("policy", "\"%s\" needs a value", key);
		if (!strcmp(key, "manage-wildcard") || !strcmp(key, "require-auth") ||
		    !strcmp(key, "paused") || !strcmp(key, "route-metric")) {
			ret = parse_onoff(key, val, &b);
			if (ret)
				return ret;
			mnl_attr_put_u8(nlh, key[0] == 'm' ? SCTP_DAR_A_POLICY_MANAGE_WILDCARD :
					     key[0] == 'p' ? SCTP_DAR_A_POLICY_PAUSED :
					     key[1] == 'e' ? SCTP_DAR_A_POLICY_REQUIRE_AUTH :
							     SCTP_DAR_A_POLICY_ROUTE_METRIC, b);
		} else if (!strcmp(key, "manage-ports")) {
			ret = put_ports(nlh, val);
			if (ret)
				return ret;
		} else if (!strcmp(key, "grace-ms")) {
			if (parse_u32(val, "grace period", 0, 600000, &v))
				return EXIT_USAGE;
			mnl_attr_put_u32(nlh, SCTP_DAR_A_POLICY_GRACE_MS, v);
		} else if (!strcmp(key, "holddown-ms")) {
			if (parse_u32(val, "hold-down time", 0, 60000, &v))
				return EXIT_USAGE;
			mnl_attr_put_u32(nlh, SCTP_DAR_A_POLICY_HOLDDOWN_MS, v);
		} else if (!strcmp(key, "debounce-ms")) {
			if (parse_u32(val, "debounce window", 0, 10000, &v))
				return EXIT_USAGE;
			mnl_attr_put_u32(nlh, SCTP_DAR_A_POLICY_DEBOUNCE_MS, v);
		} else if (!strcmp(key, "deny")) {
			ret = put_deny(nlh, val);
			if (ret)
				return ret;
		} else {
			return usage_error("policy", "unknown setting \"%s\"", key);
		}
	}
	return dar_nl_talk(nl, nlh, NULL, NULL) ? EXIT_FAIL : EXIT_OK;
}

/**
 * do_policy - the "policy" object
 * @argc: arguments after "policy"
 * @argv: them
 *
 * Return: exit status.
 */
int do_policy(int argc, char **argv)
{
	struct dar_nl nl = {};
	int ret;

	if (argc >= 1 && !strcmp(argv[0], "help")) {
		policy_usage(stdout);
		return EXIT_OK;
	}
	if (argc >= 1 && strcmp(argv[0], "show") && strcmp(argv[0], "set"))
		return usage_error("policy", "unknown command \"%s\"", argv[0]);
	if (argc >= 1 && !strcmp(argv[0], "show") && argc > 1)
		return usage_error("policy", "unexpected argument \"%s\"", argv[1]);
	if (dar_nl_open(&nl)) {
		dar_nl_close(&nl);
		return EXIT_FAIL;
	}
	if (argc >= 1 && !strcmp(argv[0], "set")) {
		ret = policy_set(&nl, argc - 1, argv + 1);
	} else {
		new_json_obj(opts.json, opts.pretty, JSON_LINES);
		ret = dar_nl_talk(&nl, dar_nl_msg(&nl, SCTP_DAR_CMD_POLICY_GET, 0),
				  policy_print_cb, NULL) ? EXIT_FAIL : EXIT_OK;
		delete_json_obj();
	}
	dar_nl_close(&nl);
	return ret;
}
