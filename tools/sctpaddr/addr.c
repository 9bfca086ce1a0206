// SPDX-License-Identifier: GPL-2.0
/*
 * addr.c - "sctpaddr addr": add or delete a local address of an
 * association by hand (SCTP_DAR_CMD_ADDR_ADD / SCTP_DAR_CMD_ADDR_DEL: the
 * kernel sends an ASCONF with ADD-IP or DELETE-IP).
 */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "sctpaddr.h"

static void addr_usage(FILE *f)
{
	fprintf(f,
		"Usage: sctpaddr addr { add | del } ADDRESS { id ASSOC_ID | SELECTOR ... }\n"
		"       sctpaddr addr help\n"
		"where  SELECTOR := { lport PORT | pport PORT }\n"
		"The address is added to or deleted from the association's socket,\n"
		"as sctp_bindx() does: every association of a one-to-many socket\n"
		"gets the ASCONF. With selectors, every matching association does;\n"
		"those that already are as asked are left alone.\n");
}

static int addr_run(int argc, char **argv, uint8_t cmd)
{
	const char *verb = cmd == SCTP_DAR_CMD_ADDR_ADD ? "add" : "del";
	uint32_t id = 0, lport = 0, pport = 0, *v;
	struct sockaddr_storage ss;
	struct dar_nl nl = {};
	struct nlmsghdr *nlh;
	const char *what;
	int i, ret;

	if (argc < 3 || argc % 2 == 0)
		return usage_error("addr", "\"%s\" takes \"ADDRESS id ASSOC_ID\" or \"ADDRESS SELECTOR ...\"",
				   verb);
	if (parse_addr(argv[0], &ss))
		return EXIT_USAGE;
	for (i = 1; i < argc; i += 2) {
		if (!strcmp(argv[i], "id")) {
			v = &id;
			what = "association id";
		} else if (!strcmp(argv[i], "lport")) {
			v = &lport;
			what = "port";
		} else if (!strcmp(argv[i], "pport")) {
			v = &pport;
			what = "port";
		} else {
			return usage_error("addr", "unknown selector \"%s\"", argv[i]);
		}
		if (*v)
			return usage_error("addr", "\"%s\" given twice", argv[i]);
		if (parse_u32(argv[i + 1], what, 1, v == &id ? INT32_MAX : 65535, v))
			return EXIT_USAGE;
	}
	if (id && (lport || pport))
		return usage_error("addr", "give \"id\" or selectors, not both");
	if (dar_nl_open(&nl)) {
		dar_nl_close(&nl);
		return EXIT_FAIL;
	}
	nlh = dar_nl_msg(&nl, cmd, 0);
	if (id)
		mnl_attr_put_u32(nlh, SCTP_DAR_A_ASSOC_ID, id);
	if (lport)
		mnl_attr_put_u16(nlh, SCTP_DAR_A_ASSOC_LOCAL_PORT, htons(lport));
	if (pport)
		mnl_attr_put_u16(nlh, SCTP_DAR_A_ASSOC_PEER_PORT, htons(pport));
	dar_nl_put_addr(nlh, SCTP_DAR_A_ASSOC_LOCAL_ADDR, &ss);
	ret = dar_nl_talk(&nl, nlh, NULL, NULL);
	dar_nl_close(&nl);
	return ret ? EXIT_FAIL : EXIT_OK;
}

/**
 * do_addr - the "addr" object
 * @argc: arguments after "addr"
 * @argv: them
 *
 * Return: exit status.
 */
int do_addr(int argc, char **argv)
{
	if (argc < 1 || !strcmp(argv[0], "help")) {
		addr_usage(argc < 1 ? stderr : stdout);
		return argc < 1 ? EXIT_USAGE : EXIT_OK;
	}
	if (!strcmp(argv[0], "add"))
		return addr_run(argc - 1, argv + 1, SCTP_DAR_CMD_ADDR_ADD);
	if (!strcmp(argv[0], "del"))
		return addr_run(argc - 1, argv + 1, SCTP_DAR_CMD_ADDR_DEL);
	return usage_error("addr", "unknown command \"%s\"", argv[0]);
}
