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

#include <linux/version.h>
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

#endif /* _SCTP_DAR_COMPAT_H */
