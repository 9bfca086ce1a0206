// SPDX-License-Identifier: GPL-2.0
/*
 * sctpaddr - inspect SCTP associations and follow sctp_dar, the kernel
 * module that reconfigures their addresses (RFC 5061), in the manner of
 * iproute2: sctpaddr [ OPTIONS ] OBJECT { COMMAND | help }.
 *
 * Keywords are matched in full (no abbreviations). Errors print one line
 * on stderr, "Error: ...", with the kernel's extended ACK message when it
 * gave one; see EXIT STATUS in sctpaddr(8).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sctpaddr.h"

struct sctpaddr_opts opts;

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: sctpaddr [ OPTIONS ] OBJECT { COMMAND | help }\n"
		"       sctpaddr -V\n"
		"where  OBJECT := { assoc | addr | policy | link | stats | monitor }\n"
		"       OPTIONS := { -j[son] | -p[retty] | -n[etns] NAME | -4 | -6 |\n"
		"                    -t[imestamp] | -V[ersion] | -h[elp] }\n");
}

/**
 * error - print "Error: <message>." on stderr
 * @fmt: printf format of the message
 */
void error(const char *fmt, ...)
{
	va_list ap;

	fputs("Error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(".\n", stderr);
}

/**
 * usage_error - report a bad command line
 * @object: the object whose help to point at, or NULL
 * @fmt: printf format of the message
 *
 * Return: EXIT_USAGE.
 */
int usage_error(const char *object, const char *fmt, ...)
{
	va_list ap;

	fputs("Error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (object)
		fprintf(stderr, "; try \"sctpaddr %s help\".\n", object);
	else
		fputs("; try \"sctpaddr help\".\n", stderr);
	return EXIT_USAGE;
}

/**
 * parse_u32 - a decimal number within bounds
 * @word: the argument
 * @what: its name, for the error message
 * @min: smallest value accepted
 * @max: largest value accepted
 * @val: result
 *
 * Return: 0, or -1 after printing an error.
 */
int parse_u32(const char *word, const char *what, uint32_t min, uint32_t max,
	      uint32_t *val)
{
	unsigned long long v;
	char *end;

	errno = 0;
	if (word[0] < '0' || word[0] > '9')
		goto err;
	v = strtoull(word, &end, 10);
	if (errno || *end || v < min || v > max)
		goto err;
	*val = v;
	return 0;

err:
	error("invalid %s \"%s\" (expected %u-%u)", what, word, min, max);
	return -1;
}

/**
 * parse_addr - an IPv4 or IPv6 address
 * @word: the argument
 * @ss: result
 *
 * Return: 0, or -1 after printing an error.
 */
int parse_addr(const char *word, struct sockaddr_storage *ss)
{
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;

	memset(ss, 0, sizeof(*ss));
	if (opts.family != AF_INET6 &&
	    inet_pton(AF_INET, word, &sin->sin_addr) == 1) {
		sin->sin_family = AF_INET;
		return 0;
	}
	if (opts.family != AF_INET &&
	    inet_pton(AF_INET6, word, &sin6->sin6_addr) == 1) {
		sin6->sin6_family = AF_INET6;
		return 0;
	}
	if (opts.family) {
		error("invalid %s address \"%s\"",
		      opts.family == AF_INET ? "IPv4" : "IPv6", word);
		return -1;
	}
	error("invalid address \"%s\"", word);
	return -1;
}

/**
 * enter_netns - enter a named network namespace, as "ip -n" does
 * @name: its name under /run/netns
 *
 * Every request made afterwards acts on that namespace's associations.
 *
 * Return: 0, or -1 after printing an error.
 */
int enter_netns(const char *name)
{
	char path[PATH_MAX];
	int fd;

	if (!*name || strchr(name, '/')) {
		error("invalid network namespace name \"%s\"", name);
		return -1;
	}
	snprintf(path, sizeof(path), "/run/netns/%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		error("cannot open network namespace \"%s\": %s", name,
		      strerror(errno));
		return -1;
	}
	if (setns(fd, CLONE_NEWNET) < 0) {
		error("cannot enter network namespace \"%s\": %s", name,
		      strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static void print_version(void)
{
	char buf[64] = "";
	FILE *f;

	printf("sctpaddr %s (netlink family %s version %d", SCTPADDR_VERSION,
	       SCTP_DAR_FAMILY_NAME, SCTP_DAR_FAMILY_VERSION);
	f = fopen("/sys/module/sctp_dar/version", "r");
	if (f) {
		if (fgets(buf, sizeof(buf), f)) {
			buf[strcspn(buf, "\n")] = '\0';
			printf(", module %s", buf);
		}
		fclose(f);
	}
	printf(")\n");
}

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
} objects[] = {
	{ "assoc", do_assoc },
	{ "addr", do_addr },
	{ "policy", do_policy },
	{ "link", do_link },
	{ "stats", do_stats },
	{ "monitor", do_monitor },
};

int main(int argc, char **argv)
{
	const char *opt;
	unsigned int i;

	argc--;
	argv++;
	while (argc > 0 && argv[0][0] == '-') {
		opt = argv[0];
		if (!strcmp(opt, "--")) {
			argc--;
			argv++;
			break;
		} else if (!strcmp(opt, "-j") || !strcmp(opt, "-json")) {
			opts.json = true;
		} else if (!strcmp(opt, "-p") || !strcmp(opt, "-pretty")) {
			opts.pretty = true;
		} else if (!strcmp(opt, "-n") || !strcmp(opt, "-netns")) {
			if (argc < 2)
				return usage_error(NULL, "option \"%s\" needs a namespace name",
						   opt);
			opts.netns = argv[1];
			argc--;
			argv++;
		} else if (!strcmp(opt, "-4")) {
			opts.family = AF_INET;
		} else if (!strcmp(opt, "-6")) {
			opts.family = AF_INET6;
		} else if (!strcmp(opt, "-t") || !strcmp(opt, "-timestamp")) {
			opts.timestamp = true;
		} else if (!strcmp(opt, "-V") || !strcmp(opt, "-Version")) {
			print_version();
			return EXIT_OK;
		} else if (!strcmp(opt, "-h") || !strcmp(opt, "-help")) {
			usage(stdout);
			return EXIT_OK;
		} else {
			return usage_error(NULL, "unknown option \"%s\"", opt);
		}
		argc--;
		argv++;
	}
	if (argc < 1) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[0], "help")) {
		usage(stdout);
		return EXIT_OK;
	}
	for (i = 0; i < sizeof(objects) / sizeof(objects[0]); i++) {
		if (strcmp(argv[0], objects[i].name))
			continue;
		return objects[i].fn(argc - 1, argv + 1);
	}
	return usage_error(NULL, "unknown object \"%s\"", argv[0]);
}
