/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asconf_verify.h - the wire check's decisions about an ASCONF chunk
 * received from a peer (RFC 5061 section 6), as pure functions over a
 * decoded chunk and a few facts the netfilter hook (asconf_hook.c) reads
 * from the association, so that KUnit can test them without packets.
 */
#ifndef _SCTP_DAR_ASCONF_VERIFY_H
#define _SCTP_DAR_ASCONF_VERIFY_H

#include <linux/rcupdate.h>
#include <linux/types.h>

#include <uapi/linux/sctp_dar.h>

#include "asconf_codec.h"

#define SCTP_DAR_DENY_MAX	16	/* prefixes in a deny list */

/**
 * struct sctp_dar_prefix - an address prefix
 * @addr: the address, host bits zero
 * @len: prefix length in bits (0-32 for IPv4, 0-128 for IPv6)
 */
struct sctp_dar_prefix {
	struct sctp_dar_addr addr;
	u8 len;
};

/**
 * struct sctp_dar_deny_list - prefixes peers may not add to an association
 * @rcu: frees a replaced list after the readers (softirq) are done
 * @n: number of valid entries in @p
 * @p: the prefixes
 */
struct sctp_dar_deny_list {
	struct rcu_head rcu;
	unsigned int n;
	struct sctp_dar_prefix p[SCTP_DAR_DENY_MAX];
};

/**
 * struct sctp_dar_ratelimit - token bucket of one association
 * @credit_ns: time credit, one ASCONF costs NSEC_PER_SEC / rate
 * @last_ns: when @credit_ns was last brought up to date
 * @primed: @credit_ns and @last_ns have been set
 */
struct sctp_dar_ratelimit {
	u64 credit_ns;
	u64 last_ns;
	bool primed;
};

/**
 * struct sctp_dar_verify_in - what the check knows about one ASCONF
 * @chunk: the decoded chunk
 * @src: the packet's source address (stands for a wildcard address in an
 *	ADD-IP request, RFC 5061 section 4.2.1)
 * @vtag_ok: the packet's verification tag is the association's
 * @lookup_known: the lookup address is one of the association's peer
 *	addresses
 * @need_auth: the namespace discards ASCONF without AUTH
 *	(net.sctp.addip_noauth_enable=0)
 * @has_auth: an AUTH chunk precedes the ASCONF in the packet
 * @last_serial: the serial number of the last ASCONF the association
 *	accepted from the peer (sctp.ko's asoc->peer.addip_serial)
 * @rate_ok: the association's rate limiter let this chunk through (the
 *	hook asks it only once every other check passed)
 */
struct sctp_dar_verify_in {
	const struct sctp_dar_asconf *chunk;
	struct sctp_dar_addr src;
	bool vtag_ok;
	bool lookup_known;
	bool need_auth;
	bool has_auth;
	u32 last_serial;
	bool rate_ok;
};

int sctp_dar_deny_parse(const char *s, struct sctp_dar_deny_list *out);
bool sctp_dar_deny_match(const struct sctp_dar_deny_list *dl,
			 const struct sctp_dar_addr *addr);
bool sctp_dar_ratelimit_take(struct sctp_dar_ratelimit *rl, u64 now_ns,
			     u32 rate, u32 burst);
enum sctp_dar_asconf_verdict
sctp_dar_verify_asconf(const struct sctp_dar_verify_in *in,
		       const struct sctp_dar_deny_list *deny,
		       const struct sctp_dar_addr **bad);
bool sctp_dar_verdict_drops(enum sctp_dar_asconf_verdict v, bool enforce);
unsigned int sctp_dar_verdict_counter(enum sctp_dar_asconf_verdict v);

#endif /* _SCTP_DAR_ASCONF_VERIFY_H */
