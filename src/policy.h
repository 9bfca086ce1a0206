/* SPDX-License-Identifier: GPL-2.0 */
/*
 * policy.h - the decisions of sctp_dar, as pure functions over snapshots.
 *
 * Nothing here touches a socket, a lock or the clock: the caller takes a
 * snapshot of the host's addresses (struct sctp_dar_hostview), of one
 * socket (struct sctp_dar_sockview) and of its associations (struct
 * sctp_dar_asocview), passes the current time in jiffies, and gets back
 * which addresses to add or remove and which address should be primary.
 * That keeps every rule testable by KUnit (suite sctp_dar_policy).
 *
 * The lifecycle of a local address in one association, as driven by the
 * plans computed here (RFC 5061 order: ADD, then SET_PRIMARY, then DELETE):
 *
 *   host: usable                          host: gone / link down /
 *     |                                   deprecated for grace_ms
 *     v                                          |
 *  [ABSENT] --ADD--> [NEW] --ASCONF-ACK--> [SRC] --+--DEL--> [ABSENT]
 *                      |                     |     |
 *                      | (peer rejects:      | best address? HEARTBEAT on
 *                      |  stays NEW, counted,|  the path, then local
 *                      |  retried)           |  primary + SET_PRIMARY
 *                      v                     v
 *                   reported            [PRIMARY] --superseded--> [SRC]
 *
 * A DELETE never removes an association's last usable address except when
 * an ADD of the replacement travels in the same ASCONF (the kernel keeps
 * the DELETE of the last address pending and bundles it with the next ADD,
 * RFC 5061 §5.3 F1 allows that ASCONF to leave from the new address).
 */
#ifndef _SCTP_DAR_POLICY_H
#define _SCTP_DAR_POLICY_H

#include <linux/types.h>
#include <net/sctp/structs.h>

/* Limits of one snapshot; anything beyond is ignored (and counted). */
#define SCTP_DAR_MAX_HADDR	32	/* host addresses per namespace */
#define SCTP_DAR_MAX_LADDR	16	/* local addresses per endpoint/asoc */
#define SCTP_DAR_MAX_PATHS	8	/* peer addresses per association */
#define SCTP_DAR_MAX_PORTS	32	/* ports listed in manage_ports */
#define SCTP_DAR_MAX_DENY	16	/* deny-listed prefixes */
#define SCTP_DAR_MAX_LINKS	32	/* interfaces with a priority */
#define SCTP_DAR_LINK_PRIO_MAX	255
#define SCTP_DAR_SRTT_MARGIN_MS	20	/* path quality: noise floor */
#define SCTP_DAR_SRTT_FRESH_MS	1000	/* ... and a path in use's RTT
					 * counts if heard from this lately
					 */
#define SCTP_DAR_CAND_FRESH_MS	5000	/* ... and a candidate's if heard
					 * from within two looks at quality
					 */

/**
 * struct sctp_dar_policy_prefix - an address prefix
 * @a: the address (port 0; bits past @len zero)
 * @len: its length in bits
 */
struct sctp_dar_policy_prefix {
	union sctp_addr a;
	u8 len;
};

/**
 * struct sctp_dar_link_prio - an interface's priority
 * @ifindex: the interface
 * @prio: its priority, 1..SCTP_DAR_LINK_PRIO_MAX (0 is not stored)
 */
struct sctp_dar_link_prio {
	int ifindex;
	u32 prio;
};

/**
 * enum sctp_dar_haddr_flags - properties of a host address
 * @SCTP_DAR_HA_LINK_UP: its device is administratively up with carrier
 * @SCTP_DAR_HA_TENTATIVE: IPv6 duplicate address detection not finished
 * @SCTP_DAR_HA_DEPRECATED: IPv6 preferred lifetime over (seed 004: about
 *	to be withdrawn; never chosen as primary, removed after grace_ms)
 * @SCTP_DAR_HA_TEMPORARY: lifetimes are finite (may become deprecated
 *	without any notifier event, so the host view is rescanned)
 * @SCTP_DAR_HA_DEFROUTE: its device has a default route of its family in
 *	the main table (only set while the policy's route_metric is on; the
 *	route's metric is in struct sctp_dar_haddr's @metric)
 */
enum sctp_dar_haddr_flags {
	SCTP_DAR_HA_LINK_UP	= BIT(0),
	SCTP_DAR_HA_TENTATIVE	= BIT(1),
	SCTP_DAR_HA_DEPRECATED	= BIT(2),
	SCTP_DAR_HA_TEMPORARY	= BIT(3),
	SCTP_DAR_HA_DEFROUTE	= BIT(4),
};

/**
 * struct sctp_dar_haddr - one address configured on the host
 * @a: the address, port 0
 * @ifindex: its device
 * @flags: enum sctp_dar_haddr_flags
 * @prio: interface priority set by the administrator (higher wins)
 * @metric: with SCTP_DAR_HA_DEFROUTE, the metric of its device's
 *	lowest-metric default route of its family (lower wins), else 0
 * @since: jiffies when it was first seen configured (a new address is a
 *	new network: the roaming rule of seeds 000/001 prefers it)
 * @deprecated_since: jiffies when it was first seen deprecated, 0 if not
 * @up_since: jiffies when it last became usable (or was first seen)
 */
struct sctp_dar_haddr {
	union sctp_addr a;
	int ifindex;
	u32 flags;
	int prio;
	u32 metric;
	unsigned long since;
	unsigned long deprecated_since;
	unsigned long up_since;
};

/**
 * struct sctp_dar_hostview - the host's eligible addresses in a namespace
 * @n: entries used in @a
 * @a: the addresses (loopback, link-local, multicast never appear here)
 */
struct sctp_dar_hostview {
	unsigned int n;
	struct sctp_dar_haddr a[SCTP_DAR_MAX_HADDR];
};

/**
 * struct sctp_dar_sockview - what the policy needs to know of a socket
 * @family: AF_INET or AF_INET6
 * @v6only: an AF_INET6 socket that refuses IPv4
 * @boundall: bound to the wildcard address
 * @auto_asconf: the kernel's auto_asconf is on for it
 * @asconf_enable: the endpoint does ADD-IP (addip_enable at creation)
 * @port: local port, host order
 * @first_seen: jiffies when sctp_dar first saw the socket: addresses that
 *	were already usable then and not bound are the application's choice
 * @nep: entries used in @ep
 * @ep: the endpoint's bound addresses
 */
struct sctp_dar_sockview {
	sa_family_t family;
	bool v6only;
	bool boundall;
	bool auto_asconf;
	bool asconf_enable;
	u16 port;
	unsigned long first_seen;
	unsigned int nep;
	union sctp_addr ep[SCTP_DAR_MAX_LADDR];
};

/**
 * enum sctp_dar_la_state - a local address in an association
 * @SCTP_DAR_LA_NEW: ADD sent, not yet acknowledged: not a source yet
 * @SCTP_DAR_LA_SRC: acknowledged, usable as a source
 * @SCTP_DAR_LA_DEL: DELETE sent or pending
 */
enum sctp_dar_la_state {
	SCTP_DAR_LA_NEW,
	SCTP_DAR_LA_SRC,
	SCTP_DAR_LA_DEL,
};

/**
 * struct sctp_dar_laddr - one local address of an association
 * @a: the address (with the local port)
 * @state: enum sctp_dar_la_state
 */
struct sctp_dar_laddr {
	union sctp_addr a;
	u8 state;
};

/**
 * enum sctp_dar_pathstate - a peer address (transport) of an association
 * @SCTP_DAR_PATH_ACTIVE: confirmed and reachable
 * @SCTP_DAR_PATH_PF: potentially failed (errors over pf_retrans)
 * @SCTP_DAR_PATH_INACTIVE: failed
 * @SCTP_DAR_PATH_UNCONFIRMED: never confirmed by a heartbeat
 */
enum sctp_dar_pathstate {
	SCTP_DAR_PATH_ACTIVE,
	SCTP_DAR_PATH_PF,
	SCTP_DAR_PATH_INACTIVE,
	SCTP_DAR_PATH_UNCONFIRMED,
};

/**
 * struct sctp_dar_path - one peer address of an association
 * @a: the peer's address (with the peer's port)
 * @state: enum sctp_dar_pathstate
 * @primary: it is this end's primary path (where DATA goes)
 * @hb_pending: a HEARTBEAT sent on it is not yet acknowledged
 * @rtt_unsettled: @srtt_ms rests on a single sample (the RTT variation is
 *	exactly half of it, as the first sample sets it: RFC 4960 6.3.1 C1)
 * @errors: its error count
 * @srtt_ms: its smoothed round-trip time, 0 if unmeasured
 * @last_heard_ns: when something was last received from it (ktime, ns)
 * @ifindex: device of the route to it from the preferred local address,
 *	0 when unknown
 */
struct sctp_dar_path {
	union sctp_addr a;
	u8 state;
	bool primary;
	bool hb_pending;
	bool rtt_unsettled;
	u16 errors;
	u32 srtt_ms;
	u64 last_heard_ns;
	int ifindex;
};

/**
 * struct sctp_dar_asocview - what the policy needs to know of one association
 * @id: its association id on the socket
 * @established: in ESTABLISHED state (ASCONF is only sent then)
 * @asconf_capable: the peer does ADD-IP and it was not disabled
 * @auth_capable: the peer does SCTP-AUTH (RFC 4895)
 * @auth_asconf: ASCONF and ASCONF-ACK are in both negotiated AUTH chunk
 *	lists (the peer's, so sctp.ko authenticates what it sends, and ours,
 *	so it refuses them unauthenticated): only then is the association's
 *	reconfiguration authenticated both ways
 * @asconf_busy: an ASCONF is outstanding or queued
 * @del_pending: a DELETE of its last address waits for the next ADD
 * @nl: entries used in @l
 * @l: its local addresses
 * @np: entries used in @p
 * @p: its peer addresses
 */
struct sctp_dar_asocview {
	sctp_assoc_t id;
	bool established;
	bool asconf_capable;
	bool auth_capable;
	bool auth_asconf;
	bool asconf_busy;
	bool del_pending;
	unsigned int nl;
	struct sctp_dar_laddr l[SCTP_DAR_MAX_LADDR];
	unsigned int np;
	struct sctp_dar_path p[SCTP_DAR_MAX_PATHS];
};

/**
 * struct sctp_dar_policy_cfg - the administrator's choices for a namespace
 * @manage_wildcard: manage sockets bound to the wildcard address
 * @manage_all_bound: manage every specifically-bound socket
 * @nports: entries used in @ports (specifically-bound sockets managed by
 *	local port)
 * @ports: those ports, host order
 * @require_auth: reconfigure only associations whose peer does SCTP-AUTH
 * @grace_ms: how long a deprecated address is kept before it is deleted
 * @holddown_ms: how long an address whose link is down (still configured)
 *	is kept before it is deleted, unless an association has no other
 *	source: a flap shorter than this costs nothing
 * @debounce_ms: coalescing window for host events
 * @paused: automatic reconfiguration is paused
 * @ndeny: entries used in @deny
 * @deny: prefixes whose addresses are never offered to a peer
 * @nlinks: entries used in @links
 * @links: interfaces with a priority other than 0
 * @route_metric: between addresses of equal priority, follow the host's
 *	own preference: an interface with a default route over one without,
 *	the lower metric first (the host view carries the metrics only while
 *	this is on)
 */
struct sctp_dar_policy_cfg {
	bool manage_wildcard;
	bool manage_all_bound;
	unsigned int nports;
	u16 ports[SCTP_DAR_MAX_PORTS];
	bool require_auth;
	unsigned int grace_ms;
	unsigned int holddown_ms;
	unsigned int debounce_ms;
	bool paused;
	unsigned int ndeny;
	struct sctp_dar_policy_prefix deny[SCTP_DAR_MAX_DENY];
	unsigned int nlinks;
	struct sctp_dar_link_prio links[SCTP_DAR_MAX_LINKS];
	bool route_metric;
};

/**
 * enum sctp_dar_manage - how a socket is managed
 * @SCTP_DAR_UNMANAGED: left alone
 * @SCTP_DAR_MANAGED_WILDCARD: wildcard-bound: the kernel's auto_asconf
 *	sends ADD/DELETE if the socket has it on (sctp_dar orders and hurries
 *	it), sctp_dar sets primaries
 * @SCTP_DAR_MANAGED_BOUND: specifically bound: sctp_dar adds and removes
 *	the endpoint's addresses with bindx and sets primaries
 */
enum sctp_dar_manage {
	SCTP_DAR_UNMANAGED,
	SCTP_DAR_MANAGED_WILDCARD,
	SCTP_DAR_MANAGED_BOUND,
};

/**
 * enum sctp_dar_blocked - why an association cannot be reconfigured
 * @SCTP_DAR_OK: it can
 * @SCTP_DAR_BLOCKED_NOT_ESTABLISHED: not (yet, or no longer) established
 * @SCTP_DAR_BLOCKED_EP_NO_ASCONF: the socket has ADD-IP off
 *	(net.sctp.addip_enable was 0 when it was created)
 * @SCTP_DAR_BLOCKED_PEER_NO_ASCONF: the peer does not do ADD-IP, or it was
 *	disabled because the peer offered it without AUTH
 * @SCTP_DAR_BLOCKED_NO_AUTH: require_auth is set and the association's
 *	ASCONFs are not authenticated (the peer lacks AUTH, or ASCONF and
 *	ASCONF-ACK are missing from a negotiated AUTH chunk list)
 * @__SCTP_DAR_BLOCKED_MAX: number of values
 */
enum sctp_dar_blocked {
	SCTP_DAR_OK,
	SCTP_DAR_BLOCKED_NOT_ESTABLISHED,
	SCTP_DAR_BLOCKED_EP_NO_ASCONF,
	SCTP_DAR_BLOCKED_PEER_NO_ASCONF,
	SCTP_DAR_BLOCKED_NO_AUTH,
	__SCTP_DAR_BLOCKED_MAX,
};

/**
 * struct sctp_dar_ep_plan - endpoint changes for a specifically-bound socket
 * @nadd: entries used in @add
 * @add: host addresses to bindx ADD, best first
 * @nrem: entries used in @rem
 * @rem: endpoint addresses to bindx REM (after the adds and primaries)
 * @nwait: endpoint addresses that should go but must wait (an association
 *	still depends on them, or their grace period runs)
 * @wait_until: jiffies when the earliest grace period ends, 0 if none
 * @rescue: some association has no usable address left: its DELETEs must
 *	be pending before the ADD so that the ADD leaves from the new address
 * @placeholder: in rescue order the endpoint would briefly have no address
 *	at all: bind a placeholder first (the kernel refuses to remove an
 *	endpoint's last address)
 */
struct sctp_dar_ep_plan {
	unsigned int nadd;
	union sctp_addr add[SCTP_DAR_MAX_LADDR];
	unsigned int nrem;
	union sctp_addr rem[SCTP_DAR_MAX_LADDR];
	unsigned int nwait;
	unsigned long wait_until;
	bool rescue;
	bool placeholder;
};

bool sctp_dar_sockaddr_equal(const union sctp_addr *a, const union sctp_addr *b);
bool sctp_dar_sockaddr_eligible(const union sctp_addr *a);
int sctp_dar_policy_parse_ports(const char *s, struct sctp_dar_policy_cfg *cfg);
int sctp_dar_policy_prefix_valid(const struct sctp_dar_policy_prefix *p);
bool sctp_dar_policy_denied(const struct sctp_dar_policy_cfg *cfg,
			    const union sctp_addr *a);
u32 sctp_dar_policy_link_prio(const struct sctp_dar_policy_cfg *cfg,
			      int ifindex);
int sctp_dar_policy_set_link_prio(struct sctp_dar_policy_cfg *cfg,
				  int ifindex, u32 prio);
enum sctp_dar_manage
sctp_dar_policy_manage(const struct sctp_dar_policy_cfg *cfg,
		       const struct sctp_dar_sockview *sv);
enum sctp_dar_blocked
sctp_dar_policy_blocked(const struct sctp_dar_policy_cfg *cfg,
			const struct sctp_dar_sockview *sv,
			const struct sctp_dar_asocview *av);
const char *sctp_dar_policy_blocked_str(enum sctp_dar_blocked why);
const struct sctp_dar_haddr *
sctp_dar_hostview_find(const struct sctp_dar_hostview *hv,
		       const union sctp_addr *a);
bool sctp_dar_haddr_usable(const struct sctp_dar_haddr *ha);
bool sctp_dar_policy_sock_accepts(const struct sctp_dar_sockview *sv,
				  const union sctp_addr *a);
void sctp_dar_policy_ep_plan(const struct sctp_dar_policy_cfg *cfg,
			     const struct sctp_dar_hostview *hv,
			     const struct sctp_dar_sockview *sv,
			     const struct sctp_dar_asocview *av,
			     unsigned int nav, unsigned long now,
			     struct sctp_dar_ep_plan *plan);
int sctp_dar_policy_pick_local(const struct sctp_dar_hostview *hv,
			       const struct sctp_dar_asocview *av,
			       bool src_only);
int sctp_dar_policy_pick_path(const struct sctp_dar_asocview *av, int ifindex);
bool sctp_dar_policy_path_better(const struct sctp_dar_path *a,
				 const struct sctp_dar_path *b, u64 now_ns);
bool sctp_dar_policy_path_worse(const struct sctp_dar_path *a,
				const struct sctp_dar_path *b);
bool sctp_dar_policy_has_usable_src(const struct sctp_dar_hostview *hv,
				    const struct sctp_dar_asocview *av,
				    const union sctp_addr *except);

#endif /* _SCTP_DAR_POLICY_H */
