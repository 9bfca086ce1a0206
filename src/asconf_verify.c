// SPDX-License-Identifier: GPL-2.0
/*
 * asconf_verify.c - the wire check's decisions (RFC 5061 section 6).
 *
 * Pure functions: no locks, no allocation, no global state. The caller
 * (asconf_hook.c) serialises access to a struct sctp_dar_ratelimit and
 * keeps a deny list alive while it is read.
 *
 * Context: any (the hook calls them in softirq, KUnit in process context).
 */
#include <linux/inet.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/time64.h>

#include "asconf_verify.h"
#include "stats.h"

/* Parse one "ADDR[/LEN]" of @len bytes into @p. */
static int dar_prefix_parse(const char *s, size_t len,
			    struct sctp_dar_prefix *p)
{
	const char *slash = memchr(s, '/', len);
	size_t alen = slash ? slash - s : len;
	unsigned int bits, max, i;
	char num[4];
	const char *end;

	memset(p, 0, sizeof(*p));
	if (in4_pton(s, alen, p->addr.addr, -1, &end) && end == s + alen) {
		p->addr.family = AF_INET;
		max = 32;
	} else if (in6_pton(s, alen, p->addr.addr, -1, &end) &&
		   end == s + alen) {
		p->addr.family = AF_INET6;
		max = 128;
	} else {
		return -EINVAL;
	}
	bits = max;
	if (slash) {
		size_t nlen = len - alen - 1;

		if (!nlen || nlen >= sizeof(num))
			return -EINVAL;
		memcpy(num, slash + 1, nlen);
		num[nlen] = '\0';
		if (kstrtouint(num, 10, &bits) || bits > max)
			return -EINVAL;
	}
	p->len = bits;
	/* Host bits off, so that matching compares whole bytes. */
	for (i = 0; i < max / 8; i++) {
		if (i * 8 >= bits)
			p->addr.addr[i] = 0;
		else if (i * 8 + 8 > bits)
			p->addr.addr[i] &= 0xff << (8 - (bits - i * 8));
	}
	return 0;
}

/**
 * sctp_dar_deny_parse - parse a deny list
 * @s: comma-separated prefixes, "10.9.0.0/16,2001:db8::/32"; a prefix
 *	without a length is a single address; "" is the empty list; spaces
 *	around entries and one trailing newline are ignored
 * @out: the list, all of it written
 *
 * Context: any.
 * Return: 0, -EINVAL for a malformed prefix, or -E2BIG for more than
 * %SCTP_DAR_DENY_MAX prefixes.
 */
int sctp_dar_deny_parse(const char *s, struct sctp_dar_deny_list *out)
{
	const char *end;
	size_t len;

	memset(out, 0, sizeof(*out));
	for (;;) {
		s = skip_spaces(s);
		if (!*s)
			return 0;
		end = strchrnul(s, ',');
		len = end - s;
		while (len && isspace(s[len - 1]))
			len--;
		if (!len)
			return -EINVAL;
		if (out->n >= SCTP_DAR_DENY_MAX)
			return -E2BIG;
		if (dar_prefix_parse(s, len, &out->p[out->n]))
			return -EINVAL;
		out->n++;
		if (!*end)
			return 0;
		s = end + 1;
	}
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_deny_parse);

static bool dar_prefix_match(const struct sctp_dar_prefix *p,
			     const struct sctp_dar_addr *a)
{
	unsigned int full = p->len / 8, rest = p->len % 8;
	u8 mask;

	if (p->addr.family != a->family)
		return false;
	if (memcmp(p->addr.addr, a->addr, full))
		return false;
	if (!rest)
		return true;
	mask = 0xff << (8 - rest);
	return (a->addr[full] & mask) == p->addr.addr[full];
}

/**
 * sctp_dar_deny_match - is an address inside a denied prefix?
 * @dl: the deny list, or %NULL for none
 * @addr: the address
 *
 * Context: any.
 * Return: true if some prefix of @dl contains @addr.
 */
bool sctp_dar_deny_match(const struct sctp_dar_deny_list *dl,
			 const struct sctp_dar_addr *addr)
{
	unsigned int i;

	if (!dl)
		return false;
	for (i = 0; i < dl->n; i++)
		if (dar_prefix_match(&dl->p[i], addr))
			return true;
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_deny_match);

/**
 * sctp_dar_ratelimit_take - take one ASCONF from a token bucket
 * @rl: the association's bucket; the caller serialises access
 * @now_ns: the time, ns, monotonic
 * @rate: ASCONF chunks per second allowed on average; 0 disables the
 *	limit
 * @burst: how many may come at once (at least 1 is assumed)
 *
 * A new bucket starts full.
 *
 * Context: any.
 * Return: true if the chunk is within the rate.
 */
bool sctp_dar_ratelimit_take(struct sctp_dar_ratelimit *rl, u64 now_ns,
			     u32 rate, u32 burst)
{
	u64 cost, cap;

	if (!rate)
		return true;
	cost = div_u64(NSEC_PER_SEC, rate);
	cap = cost * max(burst, 1U);
	if (!rl->primed) {
		rl->primed = true;
		rl->credit_ns = cap;
	} else if (now_ns > rl->last_ns) {
		rl->credit_ns = min(cap, rl->credit_ns + (now_ns - rl->last_ns));
	}
	rl->last_ns = now_ns;
	if (rl->credit_ns < cost)
		return false;
	rl->credit_ns -= cost;
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_ratelimit_take);

/**
 * sctp_dar_verify_asconf - the verdict on one received ASCONF chunk
 * @in: the chunk and the facts about its association
 * @deny: the deny list, or %NULL
 * @bad: if not %NULL, gets the offending address of a deny-listed
 *	request, else the lookup address
 *
 * The checks, first failure wins: verification tag; AUTH (RFC 5061
 * section 6: ASCONF must be authenticated unless the host says
 * otherwise); lookup address (RFC 5061 section 4.1.1: it must name one
 * of the sender's addresses); serial number against the last accepted
 * one (RFC 5061 section 5.2: equal is a retransmission, one more is new,
 * anything else is a replay or out of order, in RFC 1982 arithmetic);
 * deny-listed ADD-IP addresses (a wildcard stands for the packet's
 * source); the rate last, so that the caller can take a token only for
 * an ASCONF that passed everything else (with @in->rate_ok true, then
 * again if the bucket is empty): a forger without the tag or without an
 * AUTH chunk cannot spend the peer's budget.
 *
 * Context: any.
 * Return: the verdict.
 */
enum sctp_dar_asconf_verdict
sctp_dar_verify_asconf(const struct sctp_dar_verify_in *in,
		       const struct sctp_dar_deny_list *deny,
		       const struct sctp_dar_addr **bad)
{
	const struct sctp_dar_asconf *c = in->chunk;
	const struct sctp_dar_addr *a;
	bool retransmit = false;
	unsigned int i;

	if (bad)
		*bad = &c->lookup;
	if (!in->vtag_ok)
		return SCTP_DAR_ASCONF_VERDICT_BAD_VTAG;
	if (in->need_auth && !in->has_auth)
		return SCTP_DAR_ASCONF_VERDICT_UNAUTHENTICATED;
	if (!in->lookup_known)
		return SCTP_DAR_ASCONF_VERDICT_BAD_LOOKUP;
	if (c->serial == in->last_serial)
		retransmit = true;
	else if (sctp_dar_serial_lt(c->serial, in->last_serial))
		return SCTP_DAR_ASCONF_VERDICT_REPLAY;
	else if (c->serial != in->last_serial + 1)
		return SCTP_DAR_ASCONF_VERDICT_OUT_OF_ORDER;
	for (i = 0; i < c->n_req; i++) {
		if (c->req[i].type != SCTP_DAR_PARAM_ADD_IP)
			continue;
		a = sctp_dar_addr_is_any(&c->req[i].addr) ? &in->src :
							      &c->req[i].addr;
		if (sctp_dar_deny_match(deny, a)) {
			if (bad)
				*bad = &c->req[i].addr;
			return SCTP_DAR_ASCONF_VERDICT_DENY_LISTED;
		}
	}
	if (!in->rate_ok)
		return SCTP_DAR_ASCONF_VERDICT_RATE_LIMITED;
	return retransmit ? SCTP_DAR_ASCONF_VERDICT_RETRANSMIT :
			    SCTP_DAR_ASCONF_VERDICT_OK;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_verify_asconf);

/**
 * sctp_dar_verdict_drops - does a verdict drop the packet?
 * @v: the verdict
 * @enforce: the verify_enforce module parameter
 *
 * Only in enforce mode, and never ok or retransmit: a peer whose
 * ASCONF-ACK was lost must be able to send the ASCONF again.
 *
 * Context: any.
 * Return: true to drop.
 */
bool sctp_dar_verdict_drops(enum sctp_dar_asconf_verdict v, bool enforce)
{
	return enforce && v != SCTP_DAR_ASCONF_VERDICT_OK &&
	       v != SCTP_DAR_ASCONF_VERDICT_RETRANSMIT;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_verdict_drops);

/**
 * sctp_dar_verdict_counter - the counter of a verdict
 * @v: the verdict
 *
 * Context: any.
 * Return: its enum sctp_dar_a_stats attribute, or 0 for an unknown one.
 */
unsigned int sctp_dar_verdict_counter(enum sctp_dar_asconf_verdict v)
{
	switch (v) {
	case SCTP_DAR_ASCONF_VERDICT_OK:
		return SCTP_DAR_A_STATS_ASCONF_RX_OK;
	case SCTP_DAR_ASCONF_VERDICT_RETRANSMIT:
		return SCTP_DAR_A_STATS_ASCONF_RX_RETRANSMIT;
	case SCTP_DAR_ASCONF_VERDICT_MALFORMED:
		return SCTP_DAR_A_STATS_ASCONF_RX_MALFORMED;
	case SCTP_DAR_ASCONF_VERDICT_BAD_VTAG:
		return SCTP_DAR_A_STATS_ASCONF_RX_BAD_VTAG;
	case SCTP_DAR_ASCONF_VERDICT_BAD_LOOKUP:
		return SCTP_DAR_A_STATS_ASCONF_RX_BAD_LOOKUP;
	case SCTP_DAR_ASCONF_VERDICT_REPLAY:
		return SCTP_DAR_A_STATS_ASCONF_RX_REPLAY;
	case SCTP_DAR_ASCONF_VERDICT_OUT_OF_ORDER:
		return SCTP_DAR_A_STATS_ASCONF_RX_OUT_OF_ORDER;
	case SCTP_DAR_ASCONF_VERDICT_DENY_LISTED:
		return SCTP_DAR_A_STATS_ASCONF_RX_DENY_LISTED;
	case SCTP_DAR_ASCONF_VERDICT_RATE_LIMITED:
		return SCTP_DAR_A_STATS_ASCONF_RX_RATE_LIMITED;
	case SCTP_DAR_ASCONF_VERDICT_UNAUTHENTICATED:
		return SCTP_DAR_A_STATS_ASCONF_RX_UNAUTHENTICATED;
	case SCTP_DAR_ASCONF_VERDICT_NO_ASSOC:
		return SCTP_DAR_A_STATS_ASCONF_RX_NO_ASSOC;
	case SCTP_DAR_ASCONF_VERDICT_UNINSPECTED:
		return SCTP_DAR_A_STATS_ASCONF_RX_UNINSPECTED;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_verdict_counter);
