/* SPDX-License-Identifier: GPL-2.0 */
/*
 * netlink.h - the sctp_dar generic-netlink family: registration, and the
 * events other parts of sctp_dar report through it.
 */
#ifndef _SCTP_DAR_NETLINK_H
#define _SCTP_DAR_NETLINK_H

#include <linux/sctp.h>		/* sctp_assoc_t */
#include <linux/types.h>

#include <uapi/linux/sctp_dar.h>

struct net;
struct netlink_ext_ack;
struct nlattr;
struct sctp_association;
struct sk_buff;
union sctp_addr;

/**
 * struct sctp_dar_event - one event for the "events" multicast group
 * @type: what happened
 * @assoc_id: the association concerned, 0 if none
 * @lport: its local port, host order, 0 if none
 * @pport: its peer port, host order, 0 if none
 * @addr: the address concerned, %NULL if none
 * @ifindex: the interface of a host address event, 0 if none
 * @serial: the ASCONF serial number (asconf-* events)
 * @has_serial: @serial is meaningful (0 is a valid serial number)
 * @error_cause: the peer's Error Cause code (asconf-rejected), host order
 * @reason: why an event was ignored (event-ignored)
 * @verdict: what the wire check found (asconf-received), 0 if none
 * @latency_us: ASCONF to ASCONF-ACK time (asconf-acked, asconf-rejected)
 * @has_latency: @latency_us is meaningful
 * @counter: the counter (enum sctp_dar_a_stats) to advance instead of
 *	the one @type implies; 0 for the usual one. asconf-received events
 *	count per verdict.
 *
 * Zero-initialise it and fill what applies; the helpers below cover the
 * usual shapes.
 */
struct sctp_dar_event {
	enum sctp_dar_event_type type;
	sctp_assoc_t assoc_id;
	u16 lport;
	u16 pport;
	const union sctp_addr *addr;
	int ifindex;
	u32 serial;
	bool has_serial;
	u16 error_cause;
	enum sctp_dar_ignore_reason reason;
	enum sctp_dar_asconf_verdict verdict;
	u32 latency_us;
	bool has_latency;
	unsigned int counter;
};

int sctp_dar_netlink_init(void);
void sctp_dar_netlink_exit(void);

void sctp_dar_nl_event(struct net *net, const struct sctp_dar_event *ev);
void sctp_dar_nl_event_addr(struct net *net, enum sctp_dar_event_type type,
			    const struct sctp_association *asoc,
			    const union sctp_addr *addr);
void sctp_dar_nl_event_asconf(struct net *net, enum sctp_dar_event_type type,
			      const struct sctp_association *asoc, u32 serial,
			      u16 error_cause, const union sctp_addr *addr);
void sctp_dar_nl_event_ignored(struct net *net,
			       enum sctp_dar_ignore_reason reason, int ifindex,
			       const union sctp_addr *addr,
			       const struct sctp_association *asoc);
void sctp_dar_nl_assoc_changed(struct net *net);

struct genl_info;

int sctp_dar_nl_addr_parse(const struct nlattr *nest, union sctp_addr *addr,
			   struct netlink_ext_ack *extack);
int sctp_dar_nl_put_addr(struct sk_buff *skb, int type,
			 const union sctp_addr *a);
void *sctp_dar_nl_hdr(struct sk_buff *skb, u32 portid, u32 seq, int flags,
		      u8 cmd);
void *sctp_dar_nl_reply_hdr(struct sk_buff *skb, struct genl_info *info,
			    u8 cmd);

#if IS_ENABLED(CONFIG_KUNIT)
int sctp_dar_nl_event_fill(struct sk_buff *skb, const struct sctp_dar_event *ev,
			   u32 portid, u32 seq);
#endif

#endif /* _SCTP_DAR_NETLINK_H */
