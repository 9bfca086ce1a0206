// SPDX-License-Identifier: GPL-2.0
/*
 * init_primary.c - SET_PRIMARY at association set-up (seed 001, figure 10).
 *
 * With the init_set_primary parameter on, an INIT or INIT-ACK this host
 * sends gets a Set Primary Address parameter (RFC 5061 section 4.2.4,
 * allowed in INIT and INIT-ACK) naming the address the host's routing
 * prefers for reaching the peer, when the chunk lists it: a peer that
 * reached us through an old or home address sends to the current one
 * from its first DATA chunk. Linux peers
 * honour it when ADD-IP is enabled on their side (sctp_process_param()).
 *
 * Called from the LOCAL_OUT hook of asconf_hook.c for packets of SCTP
 * sockets whose first chunk is INIT or INIT-ACK (they are never bundled,
 * RFC 9260 section 6.10). The chunk, IP lengths and CRC32c are fixed up;
 * with CHECKSUM_PARTIAL the CRC32c is left to the stack or the device,
 * which compute it from csum_start to the end of the packet. A packet
 * that would exceed the path MTU is left alone and counted.
 *
 * Locking: none; the skb belongs to the hook's caller. Context: netfilter
 * LOCAL_OUT (process or softirq, under rcu_read_lock()); never sleeps.
 */
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/sctp.h>
#include <linux/skbuff.h>
#include <net/addrconf.h>
#include <net/dst.h>
#include <net/ip.h>
#include <net/ip6_route.h>
#include <net/route.h>
#include <net/sctp/checksum.h>

#include "asconf_codec.h"
#include "asconf_hook.h"
#include "asconf_parse.h"
#include "init_primary.h"
#include "pernet.h"
#include "stats.h"

#define DAR_SETPRIM_HDR_LEN	sizeof(struct sctp_addip_param)

static bool dar_init_primary;
module_param_named(init_set_primary, dar_init_primary, bool, 0644);
MODULE_PARM_DESC(init_set_primary,
		 "Add a Set Primary Address parameter naming the preferred source address to outgoing INIT and INIT-ACK (default N)");

/**
 * sctp_dar_init_primary_enabled - is the init_set_primary parameter on?
 *
 * Context: any.
 * Return: its value.
 */
bool sctp_dar_init_primary_enabled(void)
{
	return READ_ONCE(dar_init_primary);
}

/* The source address the routing prefers towards @dst (IPv4). */
static int dar_pref_src4(struct net *net, const struct sctp_dar_addr *dst,
			 struct sctp_dar_addr *pref)
{
	struct flowi4 fl4 = { .flowi4_proto = IPPROTO_SCTP };
	struct rtable *rt;

	memcpy(&fl4.daddr, dst->addr, 4);
	rt = ip_route_output_key(net, &fl4);
	if (IS_ERR(rt))
		return PTR_ERR(rt);
	memcpy(pref->addr, &fl4.saddr, 4);
	ip_rt_put(rt);
	return 0;
}

/* Likewise for IPv6: the source address selection of the route's device. */
static int dar_pref_src6(struct net *net, const struct sctp_dar_addr *dst,
			 struct sctp_dar_addr *pref)
{
	struct flowi6 fl6 = { .flowi6_proto = IPPROTO_SCTP };
	struct in6_addr saddr;
	struct dst_entry *d;
	int err;

	memcpy(&fl6.daddr, dst->addr, 16);
	d = ip6_route_output(net, NULL, &fl6);
	err = d->error;
	if (!err)
		err = ipv6_dev_get_saddr(net, d->dev, &fl6.daddr, 0, &saddr);
	dst_release(d);
	if (err)
		return err;
	memcpy(pref->addr, &saddr, 16);
	return 0;
}

static int dar_pref_src(struct net *net, const struct sctp_dar_addr *dst,
			struct sctp_dar_addr *pref)
{
	memset(pref, 0, sizeof(*pref));
	pref->family = dst->family;
	if (dst->family == AF_INET)
		return dar_pref_src4(net, dst, pref);
	return dar_pref_src6(net, dst, pref);
}

/**
 * sctp_dar_init_primary - add Set Primary Address to an outgoing INIT(-ACK)
 * @net: the namespace
 * @skb: the packet, IP header at its network header
 * @thoff: offset of the SCTP common header from skb->data
 * @src: the packet's source address
 * @dst: the packet's destination address
 *
 * Does nothing unless the chunk lists the preferred source towards @dst
 * and the result fits the path MTU. (The packet may already come from
 * it: the peer's primary is still the address it dialled.)
 *
 * Context: netfilter LOCAL_OUT, under rcu_read_lock(); never sleeps.
 */
void sctp_dar_init_primary(struct net *net, struct sk_buff *skb,
			   unsigned int thoff, const struct sctp_dar_addr *src,
			   const struct sctp_dar_addr *dst)
{
	struct sctp_dar_stats *stats = &sctp_dar_net(net)->stats;
	unsigned int off = thoff + sizeof(struct sctphdr), end, plen;
	struct sctp_dar_pkt_reader r;
	struct sctp_dar_chunk init;
	struct sctp_chunkhdr *ch;
	struct sctp_addip_param hdr;
	struct sctp_dar_addr pref;
	struct sctphdr *sh;
	u8 *p;
	int alen;

	if (skb_is_gso(skb) || !skb_dst(skb))
		return;
	/* The chunk must be alone and whole. */
	sctp_dar_skb_reader(&r, skb);
	if (sctp_dar_init_find(&r, thoff, &init) != 1)
		return;
	end = off + SCTP_PAD4(init.len);
	/* Even when the packet already leaves from @pref: the peer's
	 * primary is the address it dialled, which may not be.
	 */
	if (dar_pref_src(net, dst, &pref) || sctp_dar_addr_is_any(&pref) ||
	    !sctp_dar_init_lists(&r, &init, &pref))
		return;

	plen = DAR_SETPRIM_HDR_LEN + (pref.family == AF_INET ? 8 : 20);
	if (skb->len - skb_network_offset(skb) + plen > dst_mtu(skb_dst(skb))) {
		sctp_dar_stats_inc(stats, SCTP_DAR_A_STATS_INIT_PRIMARY_SKIPPED);
		return;
	}
	if (skb_linearize(skb) ||
	    skb_ensure_writable(skb, skb->len) ||
	    (skb_tailroom(skb) < plen &&
	     pskb_expand_head(skb, 0, plen - skb_tailroom(skb), GFP_ATOMIC)))
		return;

	p = skb_put(skb, plen);
	hdr.param_hdr.type = htons(SCTP_DAR_PARAM_SET_PRIMARY);
	hdr.param_hdr.length = htons(plen);
	hdr.crr_id = 0;
	memcpy(p, &hdr, sizeof(hdr));
	alen = sctp_dar_addr_param_encode(&pref, p + DAR_SETPRIM_HDR_LEN,
					  plen - DAR_SETPRIM_HDR_LEN);
	if (WARN_ON_ONCE(alen != plen - DAR_SETPRIM_HDR_LEN)) {
		skb_trim(skb, skb->len - plen);
		return;
	}
	/* The previous parameter's padding now counts in the chunk. */
	ch = (struct sctp_chunkhdr *)(skb->data + off);
	ch->length = htons(end - off + plen);
	if (src->family == AF_INET) {
		struct iphdr *iph = ip_hdr(skb);

		iph->tot_len = htons(skb->len - skb_network_offset(skb));
		ip_send_check(iph);
	} else {
		ipv6_hdr(skb)->payload_len =
			htons(skb->len - skb_network_offset(skb) -
			      sizeof(struct ipv6hdr));
	}
	if (skb->ip_summed != CHECKSUM_PARTIAL) {
		sh = (struct sctphdr *)(skb->data + thoff);
		sh->checksum = sctp_compute_cksum(skb, thoff);
	}
	sctp_dar_stats_inc(stats, SCTP_DAR_A_STATS_INIT_PRIMARY_ADDED);
}
