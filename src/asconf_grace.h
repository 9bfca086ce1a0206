/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asconf_grace.h - addresses just deleted from an association, so that
 * the out-of-the-blue ABORT answering a packet still in flight on the old
 * path does not end the association (asconf_grace.c).
 */
#ifndef _SCTP_DAR_ASCONF_GRACE_H
#define _SCTP_DAR_ASCONF_GRACE_H

#include <linux/hashtable.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#include "asconf_codec.h"

#define SCTP_DAR_GRACE_HASH_BITS	6
#define SCTP_DAR_GRACE_MAX		2048	/* entries per namespace */
#define SCTP_DAR_GRACE_TIME		(10 * HZ)

/**
 * struct sctp_dar_grace - one namespace's recently deleted addresses
 * @lock: protects @table and @n (BH-safe: taken by the netfilter hooks)
 * @table: struct sctp_dar_grace_entry, hashed by tag and address
 * @n: entries in @table
 */
struct sctp_dar_grace {
	spinlock_t lock;	/* @table and @n */
	DECLARE_HASHTABLE(table, SCTP_DAR_GRACE_HASH_BITS);
	unsigned int n;
};

void sctp_dar_grace_init(struct sctp_dar_grace *g);
void sctp_dar_grace_destroy(struct sctp_dar_grace *g);
void sctp_dar_grace_note(struct sctp_dar_grace *g, u32 peer_vtag,
			 const struct sctp_dar_addr *addr);
bool sctp_dar_grace_holds(struct sctp_dar_grace *g, u32 peer_vtag,
			  const struct sctp_dar_addr *addr);

#endif /* _SCTP_DAR_ASCONF_GRACE_H */
