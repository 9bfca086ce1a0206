/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asconf_vectors.h - test vectors for src/asconf_codec.c, shared by the
 * KUnit suite (tests/kunit/asconf_codec_test.c), the host TAP runner
 * (tests/unit/asconf_codec_unit.c) and the fuzzer's seed corpus
 * (tests/fuzz/asconf_codec_fuzz.c).
 *
 * Addresses are from the documentation ranges: 192.0.2.0/24,
 * 198.51.100.0/24 and 2001:db8::/32.
 *
 * The GOLDEN chunks are what Linux 6.1 (net/sctp/) puts on the wire,
 * rebuilt by hand from the source (no SCTP-capable kernel here to capture
 * them); each says which code path makes it. What those paths do:
 * - sctp_make_asconf() always writes one lookup Address Parameter right
 *   after the serial, from the address it is given; the serial is
 *   asoc->addip_serial++, which starts at the initial TSN.
 * - sctp_make_asconf_update_ip() numbers correlation IDs 0, 1, 2 ... in
 *   each chunk; sctp_make_asconf_set_prim() always uses 0.
 * - sctp_process_asconf() (receiver) answers nothing for requests that
 *   succeed until one fails (RFC 5061 §4.2.5 lets success be implicit);
 *   from the first failure on, each request gets a Success or an Error
 *   Cause Indication. The error cause's information is the whole failed
 *   request TLV (sctp_add_asconf_response()).
 */
#ifndef _SCTP_DAR_ASCONF_VECTORS_H
#define _SCTP_DAR_ASCONF_VECTORS_H

#include "asconf_codec.h"

#define SCTP_DAR_V_ADDR4(a, b, c, d)	{ AF_INET, { a, b, c, d } }
#define SCTP_DAR_V_ADDR6(last)		{ AF_INET6, { 0x20, 0x01, 0x0d, 0xb8, \
					  [15] = (last) } }

/* ---- GOLDEN ASCONF chunks (Linux 6.1 senders) ---------------------- */

/*
 * sctp_bindx(SCTP_BINDX_ADD_ADDR, 192.0.2.20) on an established
 * association bound to 192.0.2.10: sctp_send_asconf_add_ip() takes the
 * first address of the association's bind list as lookup address and
 * calls sctp_make_asconf_update_ip(..., SCTP_PARAM_ADD_IP).
 */
static const u8 sctp_dar_vec_linux_add_ip_v4[] = {
	0xc1, 0x00, 0x00, 0x20,				/* ASCONF, flags 0, length 32 */
	0x1f, 0x2e, 0x3d, 0x4c,				/* serial 0x1f2e3d4c */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x14,				/* 192.0.2.20 */
};

/*
 * sctp_bindx(SCTP_BINDX_REM_ADDR, {2001:db8::2, 2001:db8::3}) with
 * 2001:db8::1 staying: sctp_send_asconf_del_ip() takes the first bound
 * address not being removed (sctp_find_unmatch_addr()) as lookup address.
 */
static const u8 sctp_dar_vec_linux_del_ip_v6[] = {
	0xc1, 0x00, 0x00, 0x54,				/* ASCONF, flags 0, length 84 */
	0x1f, 0x2e, 0x3d, 0x4d,				/* serial 0x1f2e3d4d */
	0x00, 0x06, 0x00, 0x14,				/* IPv6 address parameter, length 20 */
	0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00,	/* 2001:db8::1 */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
	0xc0, 0x02, 0x00, 0x1c,				/* DEL-IP, length 28 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x06, 0x00, 0x14,				/* IPv6 address parameter, length 20 */
	0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00,	/* 2001:db8::2 */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02,
	0xc0, 0x02, 0x00, 0x1c,				/* DEL-IP, length 28 */
	0x00, 0x00, 0x00, 0x01,				/* correlation ID 1 */
	0x00, 0x06, 0x00, 0x14,				/* IPv6 address parameter, length 20 */
	0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00,	/* 2001:db8::3 */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03,
};

/*
 * setsockopt(SCTP_SET_PEER_PRIMARY_ADDR, 192.0.2.20):
 * sctp_make_asconf_set_prim() uses the new primary itself as lookup
 * address, and correlation ID 0.
 */
static const u8 sctp_dar_vec_linux_set_prim_v4[] = {
	0xc1, 0x00, 0x00, 0x20,				/* ASCONF, flags 0, length 32 */
	0x1f, 0x2e, 0x3d, 0x4e,				/* serial 0x1f2e3d4e */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x14,				/* 192.0.2.20 */
	0xc0, 0x04, 0x00, 0x10,				/* SET-PRIMARY, length 16 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x14,				/* 192.0.2.20 */
};

/*
 * Removing the last address 192.0.2.10 cannot be sent alone, so
 * sctp_send_asconf_del_ip() parks it in asoc->asconf_addr_del_pending;
 * the next sctp_bindx(SCTP_BINDX_ADD_ADDR, 198.51.100.7) makes
 * sctp_make_asconf_update_ip() append DEL-IP 192.0.2.10 with the next
 * correlation ID. The lookup address is the first bound address: the
 * very address being deleted.
 */
static const u8 sctp_dar_vec_linux_add_del_pending[] = {
	0xc1, 0x00, 0x00, 0x30,				/* ASCONF, flags 0, length 48 */
	0x1f, 0x2e, 0x3d, 0x4f,				/* serial 0x1f2e3d4f */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x07,				/* 198.51.100.7 */
	0xc0, 0x02, 0x00, 0x10,				/* DEL-IP, length 16 */
	0x00, 0x00, 0x00, 0x01,				/* correlation ID 1 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
};

/*
 * Dual-stack AF_INET6 socket bound first to 192.0.2.10, adding
 * 2001:db8::20: Linux keeps IPv4 bind addresses as AF_INET, so the lookup
 * is an IPv4 parameter and the request an IPv6 one. Serial 0xffffffff:
 * the initial TSN is random; the next ASCONF carries serial 0.
 */
static const u8 sctp_dar_vec_linux_add_ip_mixed[] = {
	0xc1, 0x00, 0x00, 0x2c,				/* ASCONF, flags 0, length 44 */
	0xff, 0xff, 0xff, 0xff,				/* serial 0xffffffff */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x01, 0x00, 0x1c,				/* ADD-IP, length 28 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x06, 0x00, 0x14,				/* IPv6 address parameter, length 20 */
	0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00,	/* 2001:db8::20 */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20,
};

/* ---- GOLDEN ASCONF-ACK chunks (Linux 6.1 receivers) ----------------- */

/*
 * sctp_process_asconf() for sctp_dar_vec_linux_add_ip_v4 when the ADD
 * succeeds: no parameter at all, only the echoed serial.
 */
static const u8 sctp_dar_vec_linux_ack_ok[] = {
	0x80, 0x00, 0x00, 0x08,				/* ASCONF-ACK, flags 0, length 8 */
	0x1f, 0x2e, 0x3d, 0x4c,				/* serial 0x1f2e3d4c */
};

/*
 * sctp_process_asconf() for sctp_dar_vec_linux_add_del_pending arriving
 * from 192.0.2.10: ADD succeeds (implicitly), DEL of the packet's source
 * fails with "Request to Delete Source IP Address" (0x00A2), whose
 * information is the DEL-IP TLV.
 */
static const u8 sctp_dar_vec_linux_ack_del_src[] = {
	0x80, 0x00, 0x00, 0x24,				/* ASCONF-ACK, flags 0, length 36 */
	0x1f, 0x2e, 0x3d, 0x4f,				/* serial 0x1f2e3d4f */
	0xc0, 0x03, 0x00, 0x1c,				/* Error Cause Indication, length 28 */
	0x00, 0x00, 0x00, 0x01,				/* correlation ID 1 */
	0x00, 0xa2, 0x00, 0x14,				/* error cause 0x00a2, length 20 */
	0xc0, 0x02, 0x00, 0x10,				/* DEL-IP, length 16 */
	0x00, 0x00, 0x00, 0x01,				/* correlation ID 1 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
};

/*
 * sctp_process_asconf() for sctp_dar_vec_linux_del_ip_v6 when the peer
 * does not know 2001:db8::2: "Unresolvable Address" (0x0005) for
 * correlation ID 0, then an explicit Success Indication for ID 1 because
 * it follows a failure.
 */
static const u8 sctp_dar_vec_linux_ack_err_ok[] = {
	0x80, 0x00, 0x00, 0x38,				/* ASCONF-ACK, flags 0, length 56 */
	0x1f, 0x2e, 0x3d, 0x4d,				/* serial 0x1f2e3d4d */
	0xc0, 0x03, 0x00, 0x28,				/* Error Cause Indication, length 40 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x20,				/* error cause 0x0005, length 32 */
	0xc0, 0x02, 0x00, 0x1c,				/* DEL-IP, length 28 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x06, 0x00, 0x14,				/* IPv6 address parameter, length 20 */
	0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00,	/* 2001:db8::2 */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02,
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x01,				/* correlation ID 1 */
};

/*
 * sctp_process_asconf() for an ASCONF carrying an Adaptation Layer
 * Indication (code point 1): sctp_verify_asconf() lets it through,
 * sctp_process_asconf_param() answers "Unrecognized Parameters" (0x0008)
 * and, reading the parameter as a request, echoes the code point as the
 * correlation ID.
 */
static const u8 sctp_dar_vec_linux_ack_unrec_adapt[] = {
	0x80, 0x00, 0x00, 0x1c,				/* ASCONF-ACK, flags 0, length 28 */
	0x00, 0x00, 0x00, 0x07,				/* serial 0x00000007 */
	0xc0, 0x03, 0x00, 0x14,				/* Error Cause Indication, length 20 */
	0x00, 0x00, 0x00, 0x01,				/* correlation ID 1 */
	0x00, 0x08, 0x00, 0x0c,				/* error cause 0x0008, length 12 */
	0xc0, 0x06, 0x00, 0x08,				/* Adaptation Layer Indication, length 8 */
	0x00, 0x00, 0x00, 0x01,				/* adaptation code point 1 */
};

/* ---- Crafted chunks: edge cases and malformed input ------------------ */

/* A request of each type in one chunk, plus an Adaptation Layer Indication
 * (carried through) and a repeated correlation ID (allowed).
 */
static const u8 sctp_dar_vec_all_requests[] = {
	0xc1, 0x00, 0x00, 0x54,				/* ASCONF, flags 0, length 84 */
	0x01, 0x02, 0x03, 0x04,				/* serial 0x01020304 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x01, 0x00, 0x1c,				/* ADD-IP, length 28 */
	0x00, 0x00, 0x00, 0x07,				/* correlation ID 7 */
	0x00, 0x06, 0x00, 0x14,				/* IPv6 address parameter, length 20 */
	0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00,	/* 2001:db8::20 */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20,
	0xc0, 0x04, 0x00, 0x10,				/* SET-PRIMARY, length 16 */
	0x00, 0x00, 0x00, 0x08,				/* correlation ID 8 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x07,				/* 198.51.100.7 */
	0xc0, 0x06, 0x00, 0x08,				/* Adaptation Layer Indication, length 8 */
	0xde, 0xad, 0xbe, 0xef,				/* adaptation code point 0xdeadbeef */
	0xc0, 0x02, 0x00, 0x10,				/* DEL-IP, length 16 */
	0x00, 0x00, 0x00, 0x07,				/* correlation ID 7 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
};

/* Only the lookup address: no request is still a valid ASCONF. */
static const u8 sctp_dar_vec_lookup_only[] = {
	0xc1, 0x00, 0x00, 0x10,				/* ASCONF, flags 0, length 16 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
};

/* Wildcard address (RFC 5061 §4.2.2: delete all but the source). */
static const u8 sctp_dar_vec_wildcard[] = {
	0xc1, 0x00, 0x00, 0x20,				/* ASCONF, flags 0, length 32 */
	0x00, 0x00, 0x00, 0x02,				/* serial 0x00000002 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x02, 0x00, 0x10,				/* DEL-IP, length 16 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0x00, 0x00, 0x00, 0x00,				/* 0.0.0.0 */
};

static const u8 sctp_dar_vec_bad_type[] = {
	0x80, 0x00, 0x00, 0x10,				/* ASCONF-ACK, flags 0, length 16 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
};

static const u8 sctp_dar_vec_short_buffer[] = {
	0xc1, 0x00, 0x00,				/* truncated chunk header */
};

static const u8 sctp_dar_vec_len_below_hdr[] = {
	0xc1, 0x00, 0x00, 0x04,				/* ASCONF, flags 0, length 4 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
};

/* Length field says 24, the buffer holds 16. */
static const u8 sctp_dar_vec_len_over_buf[] = {
	0xc1, 0x00, 0x00, 0x18,				/* ASCONF, flags 0, length 24 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
};

static const u8 sctp_dar_vec_no_lookup[] = {
	0xc1, 0x00, 0x00, 0x08,				/* ASCONF, flags 0, length 8 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
};

static const u8 sctp_dar_vec_request_first[] = {
	0xc1, 0x00, 0x00, 0x18,				/* ASCONF, flags 0, length 24 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x01,				/* 198.51.100.1 */
};

static const u8 sctp_dar_vec_host_name_lookup[] = {
	0xc1, 0x00, 0x00, 0x10,				/* ASCONF, flags 0, length 16 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x0b, 0x00, 0x08,				/* Host Name Address, length 8 */
	0x68, 0x6f, 0x73, 0x00,				/* "hos" */
};

static const u8 sctp_dar_vec_unknown_first[] = {
	0xc1, 0x00, 0x00, 0x18,				/* ASCONF, flags 0, length 24 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x81, 0x23, 0x00, 0x08,				/* unrecognized type 0x8123, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
};

/* IPv4 lookup address of length 9. */
static const u8 sctp_dar_vec_lookup_v4_len9[] = {
	0xc1, 0x00, 0x00, 0x14,				/* ASCONF, flags 0, length 20 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x09,				/* IPv4 address parameter, length 9 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0x00, 0x00, 0x00, 0x00,				/* value byte 5, padding */
};

static const u8 sctp_dar_vec_lookup_v6_len16[] = {
	0xc1, 0x00, 0x00, 0x18,				/* ASCONF, flags 0, length 24 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x06, 0x00, 0x10,				/* IPv6 address parameter, length 16 */
	0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x01,
};

static const u8 sctp_dar_vec_param_len2[] = {
	0xc1, 0x00, 0x00, 0x14,				/* ASCONF, flags 0, length 20 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x01, 0x00, 0x02,				/* ADD-IP, length 2 */
};

/* ADD-IP claims 20 bytes, 16 are left in the chunk. */
static const u8 sctp_dar_vec_param_overrun[] = {
	0xc1, 0x00, 0x00, 0x20,				/* ASCONF, flags 0, length 32 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x01, 0x00, 0x14,				/* ADD-IP, length 20 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x14,				/* 192.0.2.20 */
};

/* Chunk length 18: two bytes cannot hold a parameter header. */
static const u8 sctp_dar_vec_trailing_bytes[] = {
	0xc1, 0x00, 0x00, 0x12,				/* ASCONF, flags 0, length 18 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0x00, 0x00, 0x00, 0x00,				/* 2 stray bytes, 2 of padding */
};

/* ADD-IP of length 8: a correlation ID but no address. */
static const u8 sctp_dar_vec_request_short[] = {
	0xc1, 0x00, 0x00, 0x18,				/* ASCONF, flags 0, length 24 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x01, 0x00, 0x08,				/* ADD-IP, length 8 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
};

/* ADD-IP of length 20 around an 8-byte address: 4 stray bytes. */
static const u8 sctp_dar_vec_request_slack[] = {
	0xc1, 0x00, 0x00, 0x24,				/* ASCONF, flags 0, length 36 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x01, 0x00, 0x14,				/* ADD-IP, length 20 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x14,				/* 192.0.2.20 */
	0x00, 0x00, 0x00, 0x00,				/* stray */
};

static const u8 sctp_dar_vec_request_host_name[] = {
	0xc1, 0x00, 0x00, 0x20,				/* ASCONF, flags 0, length 32 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x0b, 0x00, 0x08,				/* Host Name Address, length 8 */
	0x68, 0x6f, 0x73, 0x00,				/* "hos" */
};

static const u8 sctp_dar_vec_request_not_addr[] = {
	0xc1, 0x00, 0x00, 0x20,				/* ASCONF, flags 0, length 32 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x04, 0x00, 0x10,				/* SET-PRIMARY, length 16 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x07, 0x00, 0x08,				/* unrecognized type 0x0007, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
};

/* SET-PRIMARY around an IPv4 parameter of length 12. */
static const u8 sctp_dar_vec_request_v4_len12[] = {
	0xc1, 0x00, 0x00, 0x24,				/* ASCONF, flags 0, length 36 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x04, 0x00, 0x14,				/* SET-PRIMARY, length 20 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x0c,				/* IPv4 address parameter, length 12 */
	0xc0, 0x00, 0x02, 0x14,				/* 192.0.2.20 */
	0x00, 0x00, 0x00, 0x00,				/* value bytes 5-8 */
};

static const u8 sctp_dar_vec_second_addr[] = {
	0xc1, 0x00, 0x00, 0x18,				/* ASCONF, flags 0, length 24 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x14,				/* 192.0.2.20 */
};

static const u8 sctp_dar_vec_response_in_asconf[] = {
	0xc1, 0x00, 0x00, 0x18,				/* ASCONF, flags 0, length 24 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
};

static const u8 sctp_dar_vec_adapt_len12[] = {
	0xc1, 0x00, 0x00, 0x1c,				/* ASCONF, flags 0, length 28 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x06, 0x00, 0x0c,				/* Adaptation Layer Indication, length 12 */
	0x00, 0x00, 0x00, 0x01,				/* adaptation code point 1 */
	0x00, 0x00, 0x00, 0x00,				/* extra */
};

/* A skipped unrecognized parameter of length 6 with padding 0xff 0x00. */
static const u8 sctp_dar_vec_bad_param_pad[] = {
	0xc1, 0x00, 0x00, 0x28,				/* ASCONF, flags 0, length 40 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0x81, 0x23, 0x00, 0x06,				/* unrecognized type 0x8123, length 6 */
	0x78, 0x79, 0xff, 0x00,				/* "xy", padding 0xff 0x00 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x01,				/* 198.51.100.1 */
};

/* The same parameter last, its padding outside the chunk length. */
static const u8 sctp_dar_vec_bad_chunk_pad[] = {
	0xc1, 0x00, 0x00, 0x16,				/* ASCONF, flags 0, length 22 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0x81, 0x23, 0x00, 0x06,				/* unrecognized type 0x8123, length 6 */
	0x78, 0x79, 0x00, 0x01,				/* "xy", chunk padding 0x00 0x01 */
};

/* As above, the buffer ending at the chunk length. */
static const u8 sctp_dar_vec_unpadded_end[] = {
	0xc1, 0x00, 0x00, 0x16,				/* ASCONF, flags 0, length 22 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0x81, 0x23, 0x00, 0x06,				/* unrecognized type 0x8123, length 6 */
	0x78, 0x79,					/* "xy", no padding */
};

/* Another chunk follows in the buffer: it is not looked at. */
static const u8 sctp_dar_vec_next_chunk[] = {
	0xc1, 0x00, 0x00, 0x10,				/* ASCONF, flags 0, length 16 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0x80, 0x00, 0x00, 0x08,				/* ASCONF-ACK, flags 0, length 8 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
};

/* One ADD-IP too many; the first SCTP_DAR_VEC_MAX_REQ_LEN bytes hold the
 * maximum.
 */
static const u8 sctp_dar_vec_too_many_req[] = {
	0xc1, 0x00, 0x01, 0x20,				/* ASCONF, flags 0, length 288 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x01,				/* 198.51.100.1 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x01,				/* correlation ID 1 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x02,				/* 198.51.100.2 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x02,				/* correlation ID 2 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x03,				/* 198.51.100.3 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x03,				/* correlation ID 3 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x04,				/* 198.51.100.4 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x04,				/* correlation ID 4 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x05,				/* 198.51.100.5 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x05,				/* correlation ID 5 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x06,				/* 198.51.100.6 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x06,				/* correlation ID 6 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x07,				/* 198.51.100.7 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x07,				/* correlation ID 7 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x08,				/* 198.51.100.8 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x08,				/* correlation ID 8 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x09,				/* 198.51.100.9 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x09,				/* correlation ID 9 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x0a,				/* 198.51.100.10 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x0a,				/* correlation ID 10 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x0b,				/* 198.51.100.11 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x0b,				/* correlation ID 11 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x0c,				/* 198.51.100.12 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x0c,				/* correlation ID 12 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x0d,				/* 198.51.100.13 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x0d,				/* correlation ID 13 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x0e,				/* 198.51.100.14 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x0e,				/* correlation ID 14 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x0f,				/* 198.51.100.15 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x0f,				/* correlation ID 15 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x10,				/* 198.51.100.16 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x10,				/* correlation ID 16 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x11,				/* 198.51.100.17 */
};

/* ADD, unrecognized parameter with action bits 00, ADD. */
static const u8 sctp_dar_vec_unk_stop[] = {
	0xc1, 0x00, 0x00, 0x38,				/* ASCONF, flags 0, length 56 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x01,				/* 198.51.100.1 */
	0x01, 0x23, 0x00, 0x08,				/* unrecognized type 0x0123, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x01,				/* correlation ID 1 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x02,				/* 198.51.100.2 */
};

/* ADD, unrecognized parameter with action bits 01, ADD. */
static const u8 sctp_dar_vec_unk_stop_report[] = {
	0xc1, 0x00, 0x00, 0x38,				/* ASCONF, flags 0, length 56 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x01,				/* 198.51.100.1 */
	0x41, 0x23, 0x00, 0x08,				/* unrecognized type 0x4123, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x01,				/* correlation ID 1 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x02,				/* 198.51.100.2 */
};

/* ADD, unrecognized parameter with action bits 10, ADD. */
static const u8 sctp_dar_vec_unk_skip[] = {
	0xc1, 0x00, 0x00, 0x38,				/* ASCONF, flags 0, length 56 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x01,				/* 198.51.100.1 */
	0x81, 0x23, 0x00, 0x08,				/* unrecognized type 0x8123, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x01,				/* correlation ID 1 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x02,				/* 198.51.100.2 */
};

/* ADD, unrecognized parameter with action bits 11, ADD. */
static const u8 sctp_dar_vec_unk_skip_report[] = {
	0xc1, 0x00, 0x00, 0x38,				/* ASCONF, flags 0, length 56 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x01,				/* 198.51.100.1 */
	0xc1, 0x23, 0x00, 0x08,				/* unrecognized type 0xc123, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x01,				/* correlation ID 1 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x02,				/* 198.51.100.2 */
};

/* Nine skipped unrecognized parameters: one more than is kept. */
static const u8 sctp_dar_vec_too_many_unk[] = {
	0xc1, 0x00, 0x00, 0x58,				/* ASCONF, flags 0, length 88 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
	0x80, 0x01, 0x00, 0x08,				/* unrecognized type 0x8001, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0x80, 0x02, 0x00, 0x08,				/* unrecognized type 0x8002, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0x80, 0x03, 0x00, 0x08,				/* unrecognized type 0x8003, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0x80, 0x04, 0x00, 0x08,				/* unrecognized type 0x8004, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0x80, 0x05, 0x00, 0x08,				/* unrecognized type 0x8005, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0x80, 0x06, 0x00, 0x08,				/* unrecognized type 0x8006, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0x80, 0x07, 0x00, 0x08,				/* unrecognized type 0x8007, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0x80, 0x08, 0x00, 0x08,				/* unrecognized type 0x8008, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0x80, 0x09, 0x00, 0x08,				/* unrecognized type 0x8009, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
};

static const u8 sctp_dar_vec_ack_bad_type[] = {
	0xc1, 0x00, 0x00, 0x08,				/* ASCONF, flags 0, length 8 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
};

static const u8 sctp_dar_vec_ack_ok_len12[] = {
	0x80, 0x00, 0x00, 0x14,				/* ASCONF-ACK, flags 0, length 20 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0xc0, 0x05, 0x00, 0x0c,				/* Success Indication, length 12 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x00, 0x00, 0x00,				/* extra */
};

static const u8 sctp_dar_vec_ack_adapt_len4[] = {
	0x80, 0x00, 0x00, 0x0c,				/* ASCONF-ACK, flags 0, length 12 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0xc0, 0x06, 0x00, 0x04,				/* Adaptation Layer Indication, length 4 */
};

static const u8 sctp_dar_vec_ack_err_no_cause[] = {
	0x80, 0x00, 0x00, 0x10,				/* ASCONF-ACK, flags 0, length 16 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0xc0, 0x03, 0x00, 0x08,				/* Error Cause Indication, length 8 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
};

static const u8 sctp_dar_vec_ack_cause_len2[] = {
	0x80, 0x00, 0x00, 0x14,				/* ASCONF-ACK, flags 0, length 20 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0xc0, 0x03, 0x00, 0x0c,				/* Error Cause Indication, length 12 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x02,				/* error cause 0x0005, length 2 */
};

static const u8 sctp_dar_vec_ack_cause_overrun[] = {
	0x80, 0x00, 0x00, 0x18,				/* ASCONF-ACK, flags 0, length 24 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0xc0, 0x03, 0x00, 0x10,				/* Error Cause Indication, length 16 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x0c,				/* error cause 0x0005, length 12 */
	0x01, 0x02, 0x03, 0x04,
};

/* Two bytes after the only cause inside the parameter (length 14). */
static const u8 sctp_dar_vec_ack_cause_trailing[] = {
	0x80, 0x00, 0x00, 0x16,				/* ASCONF-ACK, flags 0, length 22 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0xc0, 0x03, 0x00, 0x0e,				/* Error Cause Indication, length 14 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x0d, 0x00, 0x04,				/* error cause 0x000d, length 4 */
	0x00, 0x00, 0x00, 0x00,				/* 2 stray bytes, 2 of padding */
};

/* Two causes; the first has 1 byte of information, then padding. */
static const u8 sctp_dar_vec_ack_two_causes[] = {
	0x80, 0x00, 0x00, 0x20,				/* ASCONF-ACK, flags 0, length 32 */
	0x00, 0x00, 0x00, 0x09,				/* serial 0x00000009 */
	0xc0, 0x03, 0x00, 0x18,				/* Error Cause Indication, length 24 */
	0x00, 0x00, 0x00, 0x03,				/* correlation ID 3 */
	0x00, 0xa4, 0x00, 0x05,				/* error cause 0x00a4, length 5 */
	0x77, 0x00, 0x00, 0x00,				/* information 0x77, padding */
	0x00, 0x05, 0x00, 0x08,				/* error cause 0x0005, length 8 */
	0xc0, 0x00, 0x02, 0x63,				/* information */
};

/* A 1-byte cause last: its padding, nonzero, is outside every length. */
static const u8 sctp_dar_vec_ack_cause_unpadded[] = {
	0x80, 0x00, 0x00, 0x15,				/* ASCONF-ACK, flags 0, length 21 */
	0x00, 0x00, 0x00, 0x09,				/* serial 0x00000009 */
	0xc0, 0x03, 0x00, 0x0d,				/* Error Cause Indication, length 13 */
	0x00, 0x00, 0x00, 0x03,				/* correlation ID 3 */
	0x00, 0xa4, 0x00, 0x05,				/* error cause 0x00a4, length 5 */
	0x77, 0xee, 0xee, 0xee,				/* information 0x77, chunk padding 0xee */
};

static const u8 sctp_dar_vec_ack_addr[] = {
	0x80, 0x00, 0x00, 0x10,				/* ASCONF-ACK, flags 0, length 16 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc0, 0x00, 0x02, 0x0a,				/* 192.0.2.10 */
};

static const u8 sctp_dar_vec_ack_request[] = {
	0x80, 0x00, 0x00, 0x18,				/* ASCONF-ACK, flags 0, length 24 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0xc0, 0x01, 0x00, 0x10,				/* ADD-IP, length 16 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x00, 0x05, 0x00, 0x08,				/* IPv4 address parameter, length 8 */
	0xc6, 0x33, 0x64, 0x01,				/* 198.51.100.1 */
};

static const u8 sctp_dar_vec_ack_too_many[] = {
	0x80, 0x00, 0x00, 0x90,				/* ASCONF-ACK, flags 0, length 144 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x01,				/* correlation ID 1 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x02,				/* correlation ID 2 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x03,				/* correlation ID 3 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x04,				/* correlation ID 4 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x05,				/* correlation ID 5 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x06,				/* correlation ID 6 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x07,				/* correlation ID 7 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x08,				/* correlation ID 8 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x09,				/* correlation ID 9 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x0a,				/* correlation ID 10 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x0b,				/* correlation ID 11 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x0c,				/* correlation ID 12 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x0d,				/* correlation ID 13 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x0e,				/* correlation ID 14 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x0f,				/* correlation ID 15 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x10,				/* correlation ID 16 */
};

/* Success, unrecognized parameter with action bits 00, Success. */
static const u8 sctp_dar_vec_ack_unk_stop[] = {
	0x80, 0x00, 0x00, 0x20,				/* ASCONF-ACK, flags 0, length 32 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x3f, 0xff, 0x00, 0x08,				/* unrecognized type 0x3fff, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x01,				/* correlation ID 1 */
};

/* Success, unrecognized parameter with action bits 01, Success. */
static const u8 sctp_dar_vec_ack_unk_stop_report[] = {
	0x80, 0x00, 0x00, 0x20,				/* ASCONF-ACK, flags 0, length 32 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0x7f, 0xff, 0x00, 0x08,				/* unrecognized type 0x7fff, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x01,				/* correlation ID 1 */
};

/* Success, unrecognized parameter with action bits 10, Success. */
static const u8 sctp_dar_vec_ack_unk_skip[] = {
	0x80, 0x00, 0x00, 0x20,				/* ASCONF-ACK, flags 0, length 32 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0xbf, 0xff, 0x00, 0x08,				/* unrecognized type 0xbfff, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x01,				/* correlation ID 1 */
};

/* Success, unrecognized parameter with action bits 11, Success. */
static const u8 sctp_dar_vec_ack_unk_skip_report[] = {
	0x80, 0x00, 0x00, 0x20,				/* ASCONF-ACK, flags 0, length 32 */
	0x00, 0x00, 0x00, 0x01,				/* serial 0x00000001 */
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x00,				/* correlation ID 0 */
	0xff, 0xff, 0x00, 0x08,				/* unrecognized type 0xffff, length 8 */
	0x5a, 0x5a, 0x5a, 0x5a,
	0xc0, 0x05, 0x00, 0x08,				/* Success Indication, length 8 */
	0x00, 0x00, 0x00, 0x01,				/* correlation ID 1 */
};

/* Expected decodes of the goldens. */
static const struct sctp_dar_asconf sctp_dar_vec_linux_add_ip_v4_dec = {
	.serial = 0x1f2e3d4c,
	.lookup = SCTP_DAR_V_ADDR4(192, 0, 2, 10),
	.n_req = 1,
	.req = {
		{ .type = SCTP_DAR_PARAM_ADD_IP, .crr_id = 0,
		  .addr = SCTP_DAR_V_ADDR4(192, 0, 2, 20) },
	},
};

static const struct sctp_dar_asconf sctp_dar_vec_linux_del_ip_v6_dec = {
	.serial = 0x1f2e3d4d,
	.lookup = SCTP_DAR_V_ADDR6(1),
	.n_req = 2,
	.req = {
		{ .type = SCTP_DAR_PARAM_DEL_IP, .crr_id = 0,
		  .addr = SCTP_DAR_V_ADDR6(2) },
		{ .type = SCTP_DAR_PARAM_DEL_IP, .crr_id = 1,
		  .addr = SCTP_DAR_V_ADDR6(3) },
	},
};

static const struct sctp_dar_asconf sctp_dar_vec_linux_set_prim_v4_dec = {
	.serial = 0x1f2e3d4e,
	.lookup = SCTP_DAR_V_ADDR4(192, 0, 2, 20),
	.n_req = 1,
	.req = {
		{ .type = SCTP_DAR_PARAM_SET_PRIMARY, .crr_id = 0,
		  .addr = SCTP_DAR_V_ADDR4(192, 0, 2, 20) },
	},
};

static const struct sctp_dar_asconf sctp_dar_vec_linux_add_del_pending_dec = {
	.serial = 0x1f2e3d4f,
	.lookup = SCTP_DAR_V_ADDR4(192, 0, 2, 10),
	.n_req = 2,
	.req = {
		{ .type = SCTP_DAR_PARAM_ADD_IP, .crr_id = 0,
		  .addr = SCTP_DAR_V_ADDR4(198, 51, 100, 7) },
		{ .type = SCTP_DAR_PARAM_DEL_IP, .crr_id = 1,
		  .addr = SCTP_DAR_V_ADDR4(192, 0, 2, 10) },
	},
};

static const struct sctp_dar_asconf sctp_dar_vec_linux_add_ip_mixed_dec = {
	.serial = 0xffffffff,
	.lookup = SCTP_DAR_V_ADDR4(192, 0, 2, 10),
	.n_req = 1,
	.req = {
		{ .type = SCTP_DAR_PARAM_ADD_IP, .crr_id = 0,
		  .addr = SCTP_DAR_V_ADDR6(0x20) },
	},
};

static const struct sctp_dar_asconf_ack sctp_dar_vec_linux_ack_ok_dec = {
	.serial = 0x1f2e3d4c,
};

static const struct sctp_dar_asconf_ack sctp_dar_vec_linux_ack_del_src_dec = {
	.serial = 0x1f2e3d4f,
	.n_res = 1,
	.res = {
		{ .type = SCTP_DAR_PARAM_ERR_CAUSE, .crr_id = 1,
		  .cause = SCTP_DAR_CAUSE_DEL_SRC_IP, .n_causes = 1,
		  .info_len = 16, .info_off = 20,
		  .info = sctp_dar_vec_linux_ack_del_src + 20 },
	},
};

static const struct sctp_dar_asconf_ack sctp_dar_vec_linux_ack_err_ok_dec = {
	.serial = 0x1f2e3d4d,
	.n_res = 2,
	.res = {
		{ .type = SCTP_DAR_PARAM_ERR_CAUSE, .crr_id = 0,
		  .cause = SCTP_DAR_CAUSE_UNRESOLVABLE_ADDR, .n_causes = 1,
		  .info_len = 28, .info_off = 20,
		  .info = sctp_dar_vec_linux_ack_err_ok + 20 },
		{ .type = SCTP_DAR_PARAM_SUCCESS, .crr_id = 1 },
	},
};

static const struct sctp_dar_asconf_ack sctp_dar_vec_linux_ack_unrec_adapt_dec = {
	.serial = 0x00000007,
	.n_res = 1,
	.res = {
		{ .type = SCTP_DAR_PARAM_ERR_CAUSE, .crr_id = 1,
		  .cause = SCTP_DAR_CAUSE_UNRECOGNIZED_PARAM, .n_causes = 1,
		  .info_len = 8, .info_off = 20,
		  .info = sctp_dar_vec_linux_ack_unrec_adapt + 20 },
	},
};

/**
 * struct sctp_dar_vec_golden - a golden chunk and its expected decode
 * @name: test name
 * @buf: the chunk
 * @len: its length (no padding: every golden is 4-aligned)
 * @asconf: expected decode if an ASCONF, else NULL
 * @ack: expected decode if an ASCONF-ACK, else NULL
 */
struct sctp_dar_vec_golden {
	const char *name;
	const u8 *buf;
	size_t len;
	const struct sctp_dar_asconf *asconf;
	const struct sctp_dar_asconf_ack *ack;
};

#define SCTP_DAR_VEC_GOLDEN(n, asconf, ack) \
	{ #n, sctp_dar_vec_##n, sizeof(sctp_dar_vec_##n), asconf, ack }

static const struct sctp_dar_vec_golden sctp_dar_vec_goldens[] = {
	SCTP_DAR_VEC_GOLDEN(linux_add_ip_v4,
			    &sctp_dar_vec_linux_add_ip_v4_dec, NULL),
	SCTP_DAR_VEC_GOLDEN(linux_del_ip_v6,
			    &sctp_dar_vec_linux_del_ip_v6_dec, NULL),
	SCTP_DAR_VEC_GOLDEN(linux_set_prim_v4,
			    &sctp_dar_vec_linux_set_prim_v4_dec, NULL),
	SCTP_DAR_VEC_GOLDEN(linux_add_del_pending,
			    &sctp_dar_vec_linux_add_del_pending_dec, NULL),
	SCTP_DAR_VEC_GOLDEN(linux_add_ip_mixed,
			    &sctp_dar_vec_linux_add_ip_mixed_dec, NULL),
	SCTP_DAR_VEC_GOLDEN(linux_ack_ok,
			    NULL, &sctp_dar_vec_linux_ack_ok_dec),
	SCTP_DAR_VEC_GOLDEN(linux_ack_del_src,
			    NULL, &sctp_dar_vec_linux_ack_del_src_dec),
	SCTP_DAR_VEC_GOLDEN(linux_ack_err_ok,
			    NULL, &sctp_dar_vec_linux_ack_err_ok_dec),
	SCTP_DAR_VEC_GOLDEN(linux_ack_unrec_adapt,
			    NULL, &sctp_dar_vec_linux_ack_unrec_adapt_dec),
};

#define SCTP_DAR_VEC_MAX_REQ_LEN	(8 + 8 + 16 * 16)

/**
 * struct sctp_dar_vec_case - a crafted chunk and the expected decode result
 * @name: test name
 * @buf: the buffer handed to the decoder
 * @len: its length
 * @is_ack: decode with sctp_dar_asconf_ack_decode()
 * @flags: decode flags
 * @ret: expected return value
 * @offset: expected err.offset when @ret != 0
 * @n: expected n_req / n_res when @ret >= 0
 * @n_unk: expected n_unk when @ret >= 0
 */
struct sctp_dar_vec_case {
	const char *name;
	const u8 *buf;
	size_t len;
	bool is_ack;
	unsigned int flags;
	int ret;
	int offset;
	unsigned int n;
	unsigned int n_unk;
};

#define SCTP_DAR_VEC_CASE(v, ack, fl, r, off, nr, nu) \
	{ #v, sctp_dar_vec_##v, sizeof(sctp_dar_vec_##v), ack, fl, r, off, nr, nu }
#define SCTP_DAR_STRICT		SCTP_DAR_DECODE_STRICT_PAD
#define SCTP_DAR_STOPPED	SCTP_DAR_DECODE_STOPPED

static const struct sctp_dar_vec_case sctp_dar_vec_cases[] = {
	/* ASCONF: valid */
	SCTP_DAR_VEC_CASE(all_requests, false, SCTP_DAR_STRICT, 0, 0, 4, 0),
	SCTP_DAR_VEC_CASE(lookup_only, false, SCTP_DAR_STRICT, 0, 0, 0, 0),
	SCTP_DAR_VEC_CASE(wildcard, false, SCTP_DAR_STRICT, 0, 0, 1, 0),
	SCTP_DAR_VEC_CASE(unpadded_end, false, SCTP_DAR_STRICT, 0, 0, 0, 1),
	SCTP_DAR_VEC_CASE(next_chunk, false, SCTP_DAR_STRICT, 0, 0, 0, 0),
	SCTP_DAR_VEC_CASE(bad_param_pad, false, 0, 0, 0, 1, 1),
	SCTP_DAR_VEC_CASE(bad_chunk_pad, false, 0, 0, 0, 0, 1),
	/* ASCONF: chunk header */
	SCTP_DAR_VEC_CASE(bad_type, false, 0, -EINVAL, 0, 0, 0),
	SCTP_DAR_VEC_CASE(short_buffer, false, 0, -EINVAL, 0, 0, 0),
	SCTP_DAR_VEC_CASE(len_below_hdr, false, 0, -EINVAL, 2, 0, 0),
	SCTP_DAR_VEC_CASE(len_over_buf, false, 0, -EINVAL, 2, 0, 0),
	/* ASCONF: lookup address */
	SCTP_DAR_VEC_CASE(no_lookup, false, 0, -EINVAL, 8, 0, 0),
	SCTP_DAR_VEC_CASE(request_first, false, 0, -EINVAL, 8, 0, 0),
	SCTP_DAR_VEC_CASE(host_name_lookup, false, 0, -EINVAL, 8, 0, 0),
	SCTP_DAR_VEC_CASE(unknown_first, false, 0, -EINVAL, 8, 0, 0),
	SCTP_DAR_VEC_CASE(lookup_v4_len9, false, 0, -EINVAL, 10, 0, 0),
	SCTP_DAR_VEC_CASE(lookup_v6_len16, false, 0, -EINVAL, 10, 0, 0),
	SCTP_DAR_VEC_CASE(second_addr, false, 0, -EINVAL, 16, 0, 0),
	/* ASCONF: parameters */
	SCTP_DAR_VEC_CASE(param_len2, false, 0, -EINVAL, 18, 0, 0),
	SCTP_DAR_VEC_CASE(param_overrun, false, 0, -EINVAL, 18, 0, 0),
	SCTP_DAR_VEC_CASE(trailing_bytes, false, 0, -EINVAL, 16, 0, 0),
	SCTP_DAR_VEC_CASE(request_short, false, 0, -EINVAL, 18, 0, 0),
	SCTP_DAR_VEC_CASE(request_slack, false, 0, -EINVAL, 26, 0, 0),
	SCTP_DAR_VEC_CASE(request_host_name, false, 0, -EINVAL, 24, 0, 0),
	SCTP_DAR_VEC_CASE(request_not_addr, false, 0, -EINVAL, 24, 0, 0),
	SCTP_DAR_VEC_CASE(request_v4_len12, false, 0, -EINVAL, 26, 0, 0),
	SCTP_DAR_VEC_CASE(response_in_asconf, false, 0, -EINVAL, 16, 0, 0),
	SCTP_DAR_VEC_CASE(adapt_len12, false, 0, -EINVAL, 18, 0, 0),
	SCTP_DAR_VEC_CASE(bad_param_pad, false, SCTP_DAR_STRICT, -EINVAL, 22, 0, 0),
	SCTP_DAR_VEC_CASE(bad_chunk_pad, false, SCTP_DAR_STRICT, -EINVAL, 23, 0, 0),
	SCTP_DAR_VEC_CASE(too_many_req, false, 0, -E2BIG, 16 + 16 * 16, 0, 0),
	/* ASCONF: unrecognized parameters, RFC 4960 §3.2.1 */
	SCTP_DAR_VEC_CASE(unk_stop, false, 0, SCTP_DAR_STOPPED, 32, 1, 1),
	SCTP_DAR_VEC_CASE(unk_stop_report, false, 0, SCTP_DAR_STOPPED, 32, 1, 1),
	SCTP_DAR_VEC_CASE(unk_skip, false, 0, 0, 0, 2, 1),
	SCTP_DAR_VEC_CASE(unk_skip_report, false, 0, 0, 0, 2, 1),
	SCTP_DAR_VEC_CASE(too_many_unk, false, 0, -E2BIG, 16 + 8 * 8, 0, 0),
	/* ASCONF-ACK */
	SCTP_DAR_VEC_CASE(ack_two_causes, true, SCTP_DAR_STRICT, 0, 0, 1, 0),
	SCTP_DAR_VEC_CASE(ack_cause_unpadded, true, 0, 0, 0, 1, 0),
	SCTP_DAR_VEC_CASE(ack_cause_unpadded, true, SCTP_DAR_STRICT, -EINVAL, 21, 0, 0),
	SCTP_DAR_VEC_CASE(ack_bad_type, true, 0, -EINVAL, 0, 0, 0),
	SCTP_DAR_VEC_CASE(ack_ok_len12, true, 0, -EINVAL, 10, 0, 0),
	SCTP_DAR_VEC_CASE(ack_adapt_len4, true, 0, -EINVAL, 10, 0, 0),
	SCTP_DAR_VEC_CASE(ack_err_no_cause, true, 0, -EINVAL, 10, 0, 0),
	SCTP_DAR_VEC_CASE(ack_cause_len2, true, 0, -EINVAL, 18, 0, 0),
	SCTP_DAR_VEC_CASE(ack_cause_overrun, true, 0, -EINVAL, 18, 0, 0),
	SCTP_DAR_VEC_CASE(ack_cause_trailing, true, 0, -EINVAL, 20, 0, 0),
	SCTP_DAR_VEC_CASE(ack_addr, true, 0, -EINVAL, 8, 0, 0),
	SCTP_DAR_VEC_CASE(ack_request, true, 0, -EINVAL, 8, 0, 0),
	SCTP_DAR_VEC_CASE(ack_too_many, true, 0, -E2BIG, 8 + 16 * 8, 0, 0),
	SCTP_DAR_VEC_CASE(ack_unk_stop, true, 0, SCTP_DAR_STOPPED, 16, 1, 1),
	SCTP_DAR_VEC_CASE(ack_unk_stop_report, true, 0, SCTP_DAR_STOPPED, 16, 1, 1),
	SCTP_DAR_VEC_CASE(ack_unk_skip, true, 0, 0, 0, 2, 1),
	SCTP_DAR_VEC_CASE(ack_unk_skip_report, true, 0, 0, 0, 2, 1),
};

/* ---- Comparison helpers ---------------------------------------------- */

/**
 * sctp_dar_vec_req_eq() - same request?
 * @a: first request
 * @b: second request
 *
 * Return: true if type, correlation ID / code point and address match.
 */
static inline bool sctp_dar_vec_req_eq(const struct sctp_dar_asconf_req *a,
				       const struct sctp_dar_asconf_req *b)
{
	if (a->type != b->type)
		return false;
	if (a->type == SCTP_DAR_PARAM_ADAPTATION)
		return a->adaptation_ind == b->adaptation_ind;
	return a->crr_id == b->crr_id && sctp_dar_addr_equal(&a->addr, &b->addr);
}

/**
 * sctp_dar_vec_asconf_eq() - same ASCONF?
 * @a: first chunk
 * @b: second chunk
 *
 * ->unk is not compared: the encoder does not write it.
 *
 * Return: true if header, lookup address and every request match.
 */
static inline bool sctp_dar_vec_asconf_eq(const struct sctp_dar_asconf *a,
					  const struct sctp_dar_asconf *b)
{
	unsigned int i;

	if (a->serial != b->serial || a->chunk_flags != b->chunk_flags ||
	    a->n_req != b->n_req || !sctp_dar_addr_equal(&a->lookup, &b->lookup))
		return false;
	for (i = 0; i < a->n_req; i++)
		if (!sctp_dar_vec_req_eq(&a->req[i], &b->req[i]))
			return false;
	return true;
}

/**
 * sctp_dar_vec_res_eq() - same response?
 * @a: first response
 * @b: second response
 * @exact: also compare what the encoder drops or moves (cause count and
 *	information offset)
 *
 * Return: true if they match.
 */
static inline bool sctp_dar_vec_res_eq(const struct sctp_dar_asconf_res *a,
				       const struct sctp_dar_asconf_res *b,
				       bool exact)
{
	if (a->type != b->type)
		return false;
	if (a->type == SCTP_DAR_PARAM_ADAPTATION)
		return a->adaptation_ind == b->adaptation_ind;
	if (a->crr_id != b->crr_id)
		return false;
	if (a->type != SCTP_DAR_PARAM_ERR_CAUSE)
		return true;
	if (a->cause != b->cause || a->info_len != b->info_len ||
	    (a->info_len && memcmp(a->info, b->info, a->info_len)))
		return false;
	return !exact || (a->n_causes == b->n_causes &&
			  a->info_off == b->info_off);
}

/**
 * sctp_dar_vec_ack_eq() - same ASCONF-ACK?
 * @a: first chunk
 * @b: second chunk
 * @exact: see sctp_dar_vec_res_eq()
 *
 * Return: true if header and every response match.
 */
static inline bool sctp_dar_vec_ack_eq(const struct sctp_dar_asconf_ack *a,
				       const struct sctp_dar_asconf_ack *b,
				       bool exact)
{
	unsigned int i;

	if (a->serial != b->serial || a->chunk_flags != b->chunk_flags ||
	    a->n_res != b->n_res)
		return false;
	for (i = 0; i < a->n_res; i++)
		if (!sctp_dar_vec_res_eq(&a->res[i], &b->res[i], exact))
			return false;
	return true;
}

#endif /* _SCTP_DAR_ASCONF_VECTORS_H */
