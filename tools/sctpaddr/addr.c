// SPDX-License-Identifier: GPL-2.0
/*
 * addr.c - "sctpaddr addr": add or delete a local address of an
 * association by hand (SCTP_DAR_CMD_ADDR_ADD / SCTP_DAR_CMD_ADDR_DEL: the
 * kernel sends an ASCONF with ADD-IP or DELETE-IP).
 */
#include <stdio.h>
#include <string.h>

#include "sctpaddr.h"

static void addr_usage(FILE *f)
{
	fprintf(f,
		"Usage: sctpaddr addr { add | del } ADDRESS id ASSOC_ID\n"
		"       sctpaddr addr help\n"
		"The address is added to or deleted from the association's socket,\n"
		"as sctp_bindx() does: every association of a one-to-many socket\n"
		"gets the ASCONF.\n");
}

static int addr_run(int argc, char **argv, uint8_t cmd)
{
	const char *verb = cmd == SCTP_DAR_CMD_ADDR_ADD ? "add" : "del";
	struct sockaddr_storage ss;
	struct dar_nl nl = {};
	struct nlmsghdr *nlh;
	uint32_t id;
	int ret;

	if (argc != 3 || strcmp(argv[1], "id"))
		return usage_error("addr", "\"%s\" takes \"ADDRESS id ASSOC_ID\"",
				   verb);
	if (parse_addr(argv[0], &ss) ||
	    parse_u32(argv[2], "association id", 1, INT32_MAX, &id))
		return EXIT_USAGE;
	if (dar_nl_open(&nl)) {
		dar_nl_close(&nl);
		return EXIT_FAIL;
	}
	nlh = dar_nl_msg(&nl, cmd, 0);
	mnl_attr_put_u32(nlh, SCTP_DAR_A_ASSOC_ID, id);
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
