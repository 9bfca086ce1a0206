/* SPDX-License-Identifier: GPL-2.0 */
/*
 * assoc.h - the association driver: finds SCTP sockets, snapshots them and
 * drives the kernel's own RFC 5061 engine on them, exactly as an
 * application would (bindx, SCTP_PRIMARY_ADDR, SCTP_SET_PEER_PRIMARY_ADDR,
 * SCTP_PEER_ADDR_PARAMS with SPP_HB_DEMAND), from process context.
 * It also keeps sctp_dar's state and counters for each association.
 */
#ifndef _SCTP_DAR_ASSOC_H
#define _SCTP_DAR_ASSOC_H

#include <linux/hashtable.h>
#include <linux/list.h>
#include <linux/types.h>
#include <net/sctp/structs.h>

#include "policy.h"

struct file;
struct net;
struct sock;

/**
 * struct sctp_dar_sock - a socket found by sctp_dar_assoc_collect()
 * @list: in the caller's list
 * @hnode: in the walk's duplicate filter
 * @sk: the socket, held (sock_hold()) while in a collected list
 * @file: a reference on its file while it is worked on: then the
 *	application cannot close the socket, so the kernel's setsockopt entry
 *	points are as safe to call as from a system call
 */
struct sctp_dar_sock {
	struct list_head list;
	struct hlist_node hnode;
	struct sock *sk;
	struct file *file;
};

/**
 * struct sctp_dar_asockey - identity of an association across snapshots
 * @asoc: its address (compared, never dereferenced outside the socket lock)
 * @tag: its verification tag, so that a freed and reused address is not
 *	mistaken for the same association
 * @serial: its ASCONF serial number at snapshot time (counts ASCONFs sent)
 */
struct sctp_dar_asockey {
	const void *asoc;
	u32 tag;
	u32 serial;
};

/**
 * struct sctp_dar_socksnap - one socket's snapshot
 * @sv: the socket as the policy sees it
 * @nav: entries used in @av and @key
 * @av: its associations, kvmalloc'ed
 * @key: their identities, kvmalloc'ed
 * @style_udp: one-to-many socket (association ids matter)
 * @net: its namespace
 */
struct sctp_dar_socksnap {
	struct sctp_dar_sockview sv;
	unsigned int nav;
	struct sctp_dar_asocview *av;
	struct sctp_dar_asockey *key;
	bool style_udp;
	struct net *net;
};

/**
 * struct sctp_dar_assoc_stats - counters of one association, for netlink
 * @addrs_added: local addresses sctp_dar asked to add (ADD-IP)
 * @addrs_removed: local addresses sctp_dar asked to delete (DELETE-IP)
 * @primary_changes: times sctp_dar moved the local or the peer's primary
 * @asconf_sent: ASCONF chunks the association sent while sctp_dar watched
 *	(the kernel's serial number advanced)
 * @asconf_acked: ASCONFs that completed (nothing left outstanding)
 * @asconf_rejected: additions the peer refused (address stayed unusable
 *	after its ASCONF completed)
 * @heartbeats: heartbeats demanded to confirm a path
 * @errors: setsockopt calls that failed
 * @last_latency_us: last reconfiguration, host event to peer primary set
 *
 * 32 bits each (netlink reports them as u64): an association would have to
 * send an ASCONF every second for 136 years to wrap one, and a latency of
 * over 71 minutes is saturated. Kept narrow because every managed
 * association carries them.
 */
struct sctp_dar_assoc_stats {
	u32 addrs_added;
	u32 addrs_removed;
	u32 primary_changes;
	u32 asconf_sent;
	u32 asconf_acked;
	u32 asconf_rejected;
	u32 heartbeats;
	u32 errors;
	u32 last_latency_us;
};

/**
 * enum sctp_dar_stage - where an association is in a primary change
 * @SCTP_DAR_ST_IDLE: nothing under way
 * @SCTP_DAR_ST_WAIT_ACK: the target address is added, its ASCONF is not
 *	acknowledged yet
 * @SCTP_DAR_ST_WAIT_HB: a heartbeat was demanded on the target path
 *
 *   IDLE --better address--> WAIT_ACK --ACK--> WAIT_HB --HB-ACK/timeout-->
 *   local primary + SET_PRIMARY --> IDLE
 *   (primary address lost: IDLE --> primaries switched at once --> IDLE)
 */
enum sctp_dar_stage {
	SCTP_DAR_ST_IDLE,
	SCTP_DAR_ST_WAIT_ACK,
	SCTP_DAR_ST_WAIT_HB,
};

/**
 * struct sctp_dar_assoc_ext - the part of an association's state that
 * exists only while it is needed
 * @hb_path: the peer address a heartbeat was demanded on (stage WAIT_HB)
 * @pin_want: the local address an administrator made the peer's primary
 *	(sctpaddr); kept as the association's want while it is usable,
 *	family 0 if none
 * @pin_path: the peer address an administrator made this end's primary;
 *	kept while that path is active, family 0 if none
 * @q_choice: the local address path quality chose over @q_over (the
 *	policy's own choice then), family 0 if none
 * @q_over: the policy's choice @q_choice replaced; when the policy changes
 *	its mind (a new address, a priority) @q_choice is dropped
 * @q_cand: a local address whose path is clearly better, family 0 if none
 * @q_since: jiffies since when @q_cand has been clearly better
 *
 * Allocated by sctp_dar_assoc_ext() when a heartbeat is awaited, a pin is
 * set or path quality holds a choice or watches a candidate, and freed by
 * sctp_dar_assoc_ext_trim() as soon as none of that is true: an idle
 * managed association costs struct sctp_dar_assoc alone.
 */
struct sctp_dar_assoc_ext {
	union sctp_addr hb_path;
	union sctp_addr pin_want;
	union sctp_addr pin_path;
	union sctp_addr q_choice;
	union sctp_addr q_over;
	union sctp_addr q_cand;
	unsigned long q_since;
};

/**
 * struct sctp_dar_assoc - sctp_dar's state for one association
 * @hnode: in the namespace's table, keyed by @asoc
 * @asoc: the association's address (compared, never dereferenced)
 * @tag: its verification tag (struct sctp_dar_asockey)
 * @addip_serial: the association's ASCONF serial number last seen
 * @seen: generation of the last walk that saw it (stale ones are freed)
 * @stage: enum sctp_dar_stage
 * @blocked: the reason last explained in the log (enum sctp_dar_blocked)
 * @asconf_busy: an ASCONF was outstanding at the last look
 * @urgent: the current change replaces a primary address that failed:
 *	switch at once, do not wait for the heartbeat
 * @path_pending: the last switch found no path routed over @want's device
 *	(the peer's address there not known yet): this end's primary moves
 *	to one once it is active (dar_path_catch_up())
 * @stage_since: jiffies when @stage was entered
 * @retry_at: jiffies before which a failed change is not retried, 0 none
 * @route_since: jiffies since when a switch waits for routing to move off a
 *	dead link, 0 when not waiting
 * @redel_at: jiffies before which a DELETE the peer refused is not sent
 *	again
 * @event_ns: when the host event that started the current change
 *	happened (ktime_get_ns())
 * @want: the local address sctp_dar wants as the peer's primary; family 0
 *	until the first change (nothing is sent for associations found idle)
 * @peer_primary: the local address sctp_dar last made the peer's primary,
 *	family 0 if none
 * @ext: what only exists while needed (struct sctp_dar_assoc_ext), or NULL
 * @stats: counters
 *
 * Every managed association has one, so it is packed (no holes; 184 bytes
 * on 64-bit) and comes from its own slab cache ("sctp_dar_assoc"), not
 * from kmalloc's 256- or 512-byte buckets.
 */
struct sctp_dar_assoc {
	struct hlist_node hnode;
	const void *asoc;
	u32 tag;
	u32 addip_serial;
	u32 seen;
	u8 stage;
	u8 blocked;
	bool asconf_busy;
	bool urgent:1;
	bool path_pending:1;
	unsigned long stage_since;
	unsigned long retry_at;
	unsigned long route_since;
	unsigned long redel_at;
	u64 event_ns;
	union sctp_addr want;
	union sctp_addr peer_primary;
	struct sctp_dar_assoc_ext *ext;
	struct sctp_dar_assoc_stats stats;
};

/**
 * struct sctp_dar_sockstate - what sctp_dar remembers of a socket
 * @hnode: in the namespace's table, keyed by @ino
 * @ino: the socket's inode number (stable while the socket lives)
 * @first_seen: jiffies of the walk before the one that first found it
 * @seen: generation of the last walk that saw it
 * @aa: enum sctp_dar_aa, what sctp_dar knows of its SCTP_AUTO_ASCONF
 *
 * From its own slab cache ("sctp_dar_sock"): one-to-one sockets have one
 * each.
 */
struct sctp_dar_sockstate {
	struct hlist_node hnode;
	unsigned long ino;
	unsigned long first_seen;
	u32 seen;
	u8 aa;
};

/**
 * enum sctp_dar_aa - SCTP_AUTO_ASCONF of a wildcard-bound socket, as
 * sctp_dar knows it
 * @SCTP_DAR_AA_UNKNOWN: sctp_dar never touched it
 * @SCTP_DAR_AA_OURS: sctp_dar switched it on
 * @SCTP_DAR_AA_APP_OFF: the application switched it off (after sctp_dar
 *	switched it on, or while net.sctp.default_auto_asconf is 1, where
 *	off can only be its own choice): it stays off
 */
enum sctp_dar_aa {
	SCTP_DAR_AA_UNKNOWN,
	SCTP_DAR_AA_OURS,
	SCTP_DAR_AA_APP_OFF,
};

/**
 * struct sctp_dar_assoc_table - per-namespace tables of sockets and
 * associations
 * @h: associations (struct sctp_dar_assoc)
 * @count: entries in @h
 * @socks: sockets (struct sctp_dar_sockstate)
 * @nsocks: entries in @socks
 * @gen: current walk generation
 *
 * Protected by the namespace's reconf mutex (see reconf.c).
 */
struct sctp_dar_assoc_table {
	DECLARE_HASHTABLE(h, 8);
	unsigned int count;
	DECLARE_HASHTABLE(socks, 6);
	unsigned int nsocks;
	u32 gen;
};

int sctp_dar_assoc_collect(struct net *net, struct list_head *socks);
void sctp_dar_assoc_release(struct list_head *socks);
int sctp_dar_assoc_sock_begin(struct sctp_dar_sock *s);
void sctp_dar_assoc_sock_end(struct sctp_dar_sock *s);
int sctp_dar_assoc_sock_pin(struct sock *sk, struct sctp_dar_sock *s);
bool sctp_dar_assoc_addr_is_any(const union sctp_addr *a);
void sctp_dar_assoc_sock_unpin(struct sctp_dar_sock *s);
int sctp_dar_assoc_snapshot(struct sctp_dar_sock *s, unsigned int max_asocs,
			    struct sctp_dar_socksnap *snap);
void sctp_dar_assoc_snapshot_free(struct sctp_dar_socksnap *snap);
void sctp_dar_assoc_route_paths(struct net *net, const union sctp_addr *src,
				struct sctp_dar_asocview *av);
int sctp_dar_assoc_route_ifindex(struct net *net, const union sctp_addr *src,
				 const union sctp_addr *dst);

int sctp_dar_assoc_bindx(struct sctp_dar_sock *s, bool add,
			 const union sctp_addr *addrs, unsigned int n);
int sctp_dar_assoc_set_primary(struct sctp_dar_sock *s, sctp_assoc_t id,
			       const union sctp_addr *peer);
int sctp_dar_assoc_set_peer_primary(struct sctp_dar_sock *s, sctp_assoc_t id,
				    const union sctp_addr *local);
unsigned int sctp_dar_assoc_rtx_rescue(struct sctp_dar_sock *s);
int sctp_dar_assoc_heartbeat(struct sctp_dar_sock *s, sctp_assoc_t id,
			     const union sctp_addr *peer);
int sctp_dar_assoc_asconf_supported(struct sctp_dar_sock *s, bool on);
int sctp_dar_assoc_auto_asconf(struct sctp_dar_sock *s, bool on);
int sctp_dar_assoc_freebind(struct sctp_dar_sock *s, bool on, bool *was);

int sctp_dar_assoc_cache_init(void);
void sctp_dar_assoc_cache_exit(void);
void sctp_dar_assoc_table_init(struct sctp_dar_assoc_table *t);
struct sctp_dar_assoc_ext *sctp_dar_assoc_ext(struct sctp_dar_assoc *a);
void sctp_dar_assoc_ext_trim(struct sctp_dar_assoc *a);
struct sctp_dar_assoc *sctp_dar_assoc_find(struct sctp_dar_assoc_table *t,
					   const struct sctp_dar_asockey *key);
struct sctp_dar_assoc *
sctp_dar_assoc_get(struct sctp_dar_assoc_table *t,
		   const struct sctp_dar_asockey *key, bool *created);
unsigned long sctp_dar_assoc_sock_first_seen(struct sctp_dar_assoc_table *t,
					     struct sctp_dar_sock *s,
					     unsigned long since);
struct sctp_dar_sockstate *
sctp_dar_assoc_sock_find(struct sctp_dar_assoc_table *t,
			 struct sctp_dar_sock *s);
void sctp_dar_assoc_sweep(struct sctp_dar_assoc_table *t, bool all);

#endif /* _SCTP_DAR_ASSOC_H */
