/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asconf_trace.h - tracepoints of the ASCONF wire hook (asconf_hook.c):
 * /sys/kernel/tracing/events/sctp_dar/.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM sctp_dar

#if !defined(_SCTP_DAR_ASCONF_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _SCTP_DAR_ASCONF_TRACE_H

#include <linux/tracepoint.h>

TRACE_EVENT(sctp_dar_asconf_verdict,
	    TP_PROTO(u32 assoc_id, u32 serial, u32 verdict, bool dropped),
	    TP_ARGS(assoc_id, serial, verdict, dropped),
	    TP_STRUCT__entry(__field(u32, assoc_id)
			     __field(u32, serial)
			     __field(u32, verdict)
			     __field(bool, dropped)),
	    TP_fast_assign(__entry->assoc_id = assoc_id;
			   __entry->serial = serial;
			   __entry->verdict = verdict;
			   __entry->dropped = dropped;),
	    TP_printk("assoc=%u serial=%u verdict=%u dropped=%d",
		      __entry->assoc_id, __entry->serial, __entry->verdict,
		      __entry->dropped)
);

TRACE_EVENT(sctp_dar_asconf_sent,
	    TP_PROTO(u32 assoc_id, u32 serial),
	    TP_ARGS(assoc_id, serial),
	    TP_STRUCT__entry(__field(u32, assoc_id)
			     __field(u32, serial)),
	    TP_fast_assign(__entry->assoc_id = assoc_id;
			   __entry->serial = serial;),
	    TP_printk("assoc=%u serial=%u", __entry->assoc_id, __entry->serial)
);

TRACE_EVENT(sctp_dar_asconf_ack,
	    TP_PROTO(u32 assoc_id, u32 serial, u32 latency_us, u32 n_err,
		     u32 cause),
	    TP_ARGS(assoc_id, serial, latency_us, n_err, cause),
	    TP_STRUCT__entry(__field(u32, assoc_id)
			     __field(u32, serial)
			     __field(u32, latency_us)
			     __field(u32, n_err)
			     __field(u32, cause)),
	    TP_fast_assign(__entry->assoc_id = assoc_id;
			   __entry->serial = serial;
			   __entry->latency_us = latency_us;
			   __entry->n_err = n_err;
			   __entry->cause = cause;),
	    TP_printk("assoc=%u serial=%u latency_us=%u errors=%u cause=%u",
		      __entry->assoc_id, __entry->serial, __entry->latency_us,
		      __entry->n_err, __entry->cause)
);

#endif /* _SCTP_DAR_ASCONF_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE asconf_trace
#include <trace/define_trace.h>
