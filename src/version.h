/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _SCTP_DAR_VERSION_H
#define _SCTP_DAR_VERSION_H

/* Bumped on every release; shown by modinfo and `sctpaddr -V`. */
#define SCTP_DAR_VERSION "0.1.0"

#endif /* _SCTP_DAR_VERSION_H */
