/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stats.h - the counters of one network namespace, read by stats-get.
 *
 * Counters are indexed by their uAPI attribute (enum sctp_dar_a_stats), so
 * a new counter is a new attribute in the spec and nothing else. Events
 * sent with sctp_dar_nl_event() count themselves; other parts count with
 * sctp_dar_stats_inc() (e.g. SCTP_DAR_A_STATS_ADDR_EVENTS per host address
 * event). Lock-free: any context.
 */
#ifndef _SCTP_DAR_STATS_H
#define _SCTP_DAR_STATS_H

#include <linux/atomic.h>
#include <linux/bug.h>

#include <uapi/linux/sctp_dar.h>

/* The first attribute that is a counter (SCTP_DAR_A_STATS_PAD is not). */
#define SCTP_DAR_STATS_FIRST	SCTP_DAR_A_STATS_ADDR_EVENTS

/**
 * struct sctp_dar_stats - counters of one network namespace
 * @ctr: one per attribute of enum sctp_dar_a_stats; entries below
 *	%SCTP_DAR_STATS_FIRST are unused
 */
struct sctp_dar_stats {
	atomic64_t ctr[SCTP_DAR_A_STATS_MAX + 1];
};

/**
 * sctp_dar_stats_add - add to one counter
 * @stats: the namespace's counters (&sctp_dar_net(net)->stats)
 * @attr: the counter, an enum sctp_dar_a_stats attribute
 * @n: how much
 *
 * Context: any.
 */
static inline void sctp_dar_stats_add(struct sctp_dar_stats *stats,
				      unsigned int attr, s64 n)
{
	if (WARN_ON_ONCE(attr < SCTP_DAR_STATS_FIRST ||
			 attr > SCTP_DAR_A_STATS_MAX))
		return;
	atomic64_add(n, &stats->ctr[attr]);
}

/**
 * sctp_dar_stats_inc - count one
 * @stats: the namespace's counters
 * @attr: the counter, an enum sctp_dar_a_stats attribute
 *
 * Context: any.
 */
static inline void sctp_dar_stats_inc(struct sctp_dar_stats *stats,
				      unsigned int attr)
{
	sctp_dar_stats_add(stats, attr, 1);
}

/**
 * sctp_dar_stats_read - read one counter
 * @stats: the namespace's counters
 * @attr: the counter
 *
 * Context: any.
 * Return: its value.
 */
static inline u64 sctp_dar_stats_read(struct sctp_dar_stats *stats,
				      unsigned int attr)
{
	return atomic64_read(&stats->ctr[attr]);
}

#endif /* _SCTP_DAR_STATS_H */
