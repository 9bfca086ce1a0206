/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat.h - the one place where kernel version differences live.
 *
 * Force-included (Kbuild: -include) into every object of sctp_dar and of
 * its test module. Prefer feature probes (a header exists, a macro is
 * defined) over LINUX_VERSION_CODE; no version #if belongs in a .c file.
 *
 * Supported: Debian 12's 6.1 (6.1.192) and Debian's 6.12.
 */
#ifndef _SCTP_DAR_COMPAT_H
#define _SCTP_DAR_COMPAT_H

#include <linux/netlink.h>

/* KUnit visibility helpers (VISIBLE_IF_KUNIT, EXPORT_SYMBOL_IF_KUNIT):
 * upstream since 6.2, backported to Debian's 6.1.
 */
#include <kunit/visibility.h>

/* Formatted extack messages: NL_SET_ERR_MSG_FMT_MOD arrived in 6.3. The
 * fallback keeps the text in a static buffer per call site (extack only
 * stores a pointer), which is racy only between concurrent failing
 * requests on the same site - acceptable for an error string.
 */
#ifndef NL_SET_ERR_MSG_FMT_MOD
#define NL_SET_ERR_MSG_FMT_MOD(extack, fmt, args...) do {		\
	static char __sctp_dar_msg[80];					\
	struct netlink_ext_ack *__extack = (extack);			\
									\
	if (__extack) {							\
		snprintf(__sctp_dar_msg, sizeof(__sctp_dar_msg),	\
			 KBUILD_MODNAME ": " fmt, ##args);		\
		__extack->_msg = __sctp_dar_msg;			\
	}								\
} while (0)
#endif

/* Take a reference on a struct file unless it is already being released.
 * struct file counts with an atomic_long_t f_count up to 6.12 (file_ref_t
 * replaces it in 6.13). Used where fs.h is included.
 */
#define sctp_dar_file_get_not_zero(file) \
	atomic_long_inc_not_zero(&(file)->f_count)

/* IP_FREEBIND of an inet socket: a bit field up to 6.5, a bit of
 * inet_flags from 6.6 on. Used where net/inet_sock.h is included.
 */
#ifdef SCTP_DAR_HAVE_INET_FLAGS
#define sctp_dar_inet_freebind(sk)	inet_test_bit(FREEBIND, sk)
#else
#define sctp_dar_inet_freebind(sk)	(inet_sk(sk)->freebind)
#endif

/* Generic netlink, 6.2: the family's pre_doit/post_doit hooks take a
 * struct genl_split_ops instead of a struct genl_ops (probed: compat.mk).
 */
#ifdef SCTP_DAR_HAVE_GENL_SPLIT_OPS
#define sctp_dar_genl_split_ops genl_split_ops
#else
#define sctp_dar_genl_split_ops genl_ops
#endif

/* Generic netlink, 6.4: the parsed attributes of a dump request moved from
 * struct genl_dumpit_info into the struct genl_info it now embeds
 * (genl_info_dump(); probed: compat.mk).
 */
#ifdef SCTP_DAR_HAVE_GENL_INFO_DUMP
#define sctp_dar_genl_dump_attrs(cb)	(genl_info_dump(cb)->attrs)
#else
#define sctp_dar_genl_dump_attrs(cb)	(genl_dumpit_info(cb)->attrs)
#endif

/* GENL_REQ_ATTR_CHECK (6.0) reports a missing top-level attribute in the
 * extended ACK (NLMSGERR_ATTR_MISS_TYPE); older kernels get a message.
 * Probing the macro needs the header first.
 */
#include <net/genetlink.h>
#ifndef GENL_REQ_ATTR_CHECK
#define GENL_REQ_ATTR_CHECK(info, attr) ({				\
	struct genl_info *__info = (info);				\
	bool __missing = !__info->attrs[(attr)];			\
									\
	if (__missing)							\
		NL_SET_ERR_MSG(__info->extack, "Missing attribute");	\
	__missing;							\
})
#endif

/* sctp_transport_lookup_process() gained a device index (probed:
 * compat.mk); without it sctp.ko matches any device.
 */
#ifdef SCTP_DAR_HAVE_LOOKUP_DIF
#define sctp_dar_call_lookup_process(fn, cb, net, laddr, paddr, p, dif) \
	((fn)(cb, net, laddr, paddr, p, dif))
#else
#define sctp_dar_call_lookup_process(fn, cb, net, laddr, paddr, p, dif) \
	((fn)(cb, net, laddr, paddr, p))
#endif

#endif /* _SCTP_DAR_COMPAT_H */
