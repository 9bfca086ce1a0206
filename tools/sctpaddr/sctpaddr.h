/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sctpaddr.h - declarations shared by the parts of sctpaddr.
 */
#ifndef _SCTPADDR_H
#define _SCTPADDR_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stdint.h>

#include <libmnl/libmnl.h>
#include <linux/sctp_dar.h>

/* Exit codes (see EXIT STATUS in sctpaddr(8)). */
#define EXIT_OK		0
#define EXIT_FAIL	1	/* the kernel refused, or a system error */
#define EXIT_USAGE	2	/* bad command line */

/* Global options. */
struct sctpaddr_opts {
	bool json;
	bool pretty;
	bool timestamp;
	int family;
	const char *netns;
};
extern struct sctpaddr_opts opts;

/* ---- netlink (nl.c) ----------------------------------------------------- */

/**
 * struct dar_nl - an open sctp_dar netlink socket
 * @sk: the libmnl socket
 * @family: the family's id
 * @events_grp: multicast group id of "events", 0 if the kernel has none
 * @seq: sequence number of the last request
 * @buf: receive and send buffer (large enough for 32 KiB dump messages)
 * @interrupted: a dump reply carried NLM_F_DUMP_INTR
 */
struct dar_nl {
	struct mnl_socket *sk;
	uint16_t family;
	uint32_t events_grp;
	uint32_t seq;
	char *buf;
	bool interrupted;
};

int dar_nl_open(struct dar_nl *nl);
void dar_nl_close(struct dar_nl *nl);
struct nlmsghdr *dar_nl_msg(struct dar_nl *nl, uint8_t cmd, uint16_t flags);
int dar_nl_talk(struct dar_nl *nl, struct nlmsghdr *nlh, mnl_cb_t cb,
		void *data);
int dar_nl_recv_events(struct dar_nl *nl, mnl_cb_t cb, void *data,
		       volatile int *stop);
void dar_nl_put_addr(struct nlmsghdr *nlh, uint16_t type,
		     const struct sockaddr_storage *ss);

/* ---- arguments (sctpaddr.c) -------------------------------------------- */

int parse_u32(const char *word, const char *what, uint32_t min, uint32_t max,
	      uint32_t *val);
int parse_addr(const char *word, struct sockaddr_storage *ss);
int enter_netns(const char *name);
void error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int usage_error(const char *object, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ---- attributes and names (names.c) ------------------------------------ */

const char *assoc_state_name(uint32_t v);
const char *path_state_name(uint32_t v);
const char *laddr_state_name(uint32_t v);
const char *event_type_name(uint32_t v);
const char *ignore_reason_name(uint32_t v);
const char *error_cause_name(uint32_t v);
const char *asconf_verdict_name(uint32_t v);
int addr_from_nest(const struct nlattr *nest, char *buf, size_t len,
		   uint32_t *state);
int addr_nest_family(const struct nlattr *nest);
bool family_shown(const struct nlattr *nest);

/* ---- objects ------------------------------------------------------------ */

int do_assoc(int argc, char **argv);
int do_addr(int argc, char **argv);
int do_policy(int argc, char **argv);
int do_link(int argc, char **argv);
int do_stats(int argc, char **argv);
int do_monitor(int argc, char **argv);

#endif /* _SCTPADDR_H */
