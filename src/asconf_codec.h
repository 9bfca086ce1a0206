/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asconf_codec.h - wire codec for the ASCONF and ASCONF-ACK chunks
 * (RFC 5061 §4.1, parameters per RFC 5061 §4.2 and RFC 4960 §3.2.1).
 *
 * Pure functions over byte buffers: no allocation, no sk_buff, no global
 * state, so the same object builds into the module, its KUnit suite, the
 * host unit test and the fuzzer (tests/unit/kshim.h). Everything is big
 * endian on the wire and host order in the decoded structures.
 *
 * ASCONF (0xC1):      hdr | serial | lookup address | request ...
 * ASCONF-ACK (0x80):  hdr | serial | response ...
 *
 * Decoding never reads past the buffer, returns 0, a negative errno, or
 * SCTP_DAR_DECODE_STOPPED, and says where and why it failed through
 * struct sctp_dar_codec_err.
 */
#ifndef _SCTP_DAR_ASCONF_CODEC_H
#define _SCTP_DAR_ASCONF_CODEC_H

#include <linux/types.h>

#define SCTP_DAR_CID_ASCONF		0xC1	/* RFC 5061 §4.1.1 */
#define SCTP_DAR_CID_ASCONF_ACK		0x80	/* RFC 5061 §4.1.2 */

#define SCTP_DAR_ASCONF_MAX_REQ		16	/* requests per ASCONF */
#define SCTP_DAR_ASCONF_MAX_RES		16	/* responses per ASCONF-ACK */
#define SCTP_DAR_ASCONF_MAX_UNK		8	/* unrecognized params kept */

/* Decode flag: reject nonzero padding. Without it padding is ignored, as
 * RFC 4960 §3.2 tells receivers to do.
 */
#define SCTP_DAR_DECODE_STRICT_PAD	0x1U

/* Positive decode result: an unrecognized parameter whose action is
 * "stop" ended decoding; what precedes it is valid (RFC 4960 §3.2.1).
 */
#define SCTP_DAR_DECODE_STOPPED		1

/**
 * enum sctp_dar_param_type - parameter types the codec knows, host order
 * @SCTP_DAR_PARAM_IPV4: IPv4 Address Parameter (RFC 4960 §3.3.2.1)
 * @SCTP_DAR_PARAM_IPV6: IPv6 Address Parameter (RFC 4960 §3.3.2.1)
 * @SCTP_DAR_PARAM_HOST_NAME: Host Name Address, never valid in ASCONF
 * @SCTP_DAR_PARAM_ADD_IP: Add IP Address request (RFC 5061 §4.2.1)
 * @SCTP_DAR_PARAM_DEL_IP: Delete IP Address request (RFC 5061 §4.2.2)
 * @SCTP_DAR_PARAM_ERR_CAUSE: Error Cause Indication response (§4.2.3)
 * @SCTP_DAR_PARAM_SET_PRIMARY: Set Primary Address request (§4.2.4)
 * @SCTP_DAR_PARAM_SUCCESS: Success Indication response (§4.2.5)
 * @SCTP_DAR_PARAM_ADAPTATION: Adaptation Layer Indication (§4.2.6),
 *	carried through undecoded
 */
enum sctp_dar_param_type {
	SCTP_DAR_PARAM_IPV4		= 0x0005,
	SCTP_DAR_PARAM_IPV6		= 0x0006,
	SCTP_DAR_PARAM_HOST_NAME	= 0x000B,
	SCTP_DAR_PARAM_ADD_IP		= 0xC001,
	SCTP_DAR_PARAM_DEL_IP		= 0xC002,
	SCTP_DAR_PARAM_ERR_CAUSE	= 0xC003,
	SCTP_DAR_PARAM_SET_PRIMARY	= 0xC004,
	SCTP_DAR_PARAM_SUCCESS		= 0xC005,
	SCTP_DAR_PARAM_ADAPTATION	= 0xC006,
};

/**
 * enum sctp_dar_cause - error cause codes used in ASCONF-ACK
 * @SCTP_DAR_CAUSE_UNRESOLVABLE_ADDR: Unresolvable Address (RFC 4960)
 * @SCTP_DAR_CAUSE_UNRECOGNIZED_PARAM: Unrecognized Parameters (RFC 4960)
 * @SCTP_DAR_CAUSE_PROTO_VIOLATION: Protocol Violation (RFC 4960)
 * @SCTP_DAR_CAUSE_DEL_LAST_IP: Request to Delete Last Remaining IP Address
 * @SCTP_DAR_CAUSE_RSRC_LOW: Operation Refused Due to Resource Shortage
 * @SCTP_DAR_CAUSE_DEL_SRC_IP: Request to Delete Source IP Address
 * @SCTP_DAR_CAUSE_BAD_ASCONF_ACK: Association Aborted Due to Illegal
 *	ASCONF-ACK
 * @SCTP_DAR_CAUSE_REFUSED: Request Refused - No Authorization
 */
enum sctp_dar_cause {
	SCTP_DAR_CAUSE_UNRESOLVABLE_ADDR	= 0x0005,
	SCTP_DAR_CAUSE_UNRECOGNIZED_PARAM	= 0x0008,
	SCTP_DAR_CAUSE_PROTO_VIOLATION		= 0x000D,
	SCTP_DAR_CAUSE_DEL_LAST_IP		= 0x00A0,
	SCTP_DAR_CAUSE_RSRC_LOW			= 0x00A1,
	SCTP_DAR_CAUSE_DEL_SRC_IP		= 0x00A2,
	SCTP_DAR_CAUSE_BAD_ASCONF_ACK		= 0x00A3,
	SCTP_DAR_CAUSE_REFUSED			= 0x00A4,
};

/**
 * enum sctp_dar_param_action - what the two high bits of an unrecognized
 * parameter's type ask for (RFC 4960 §3.2.1)
 * @SCTP_DAR_ACT_STOP: 00, stop processing the chunk, discard the rest
 * @SCTP_DAR_ACT_STOP_REPORT: 01, as 00, and report the parameter
 * @SCTP_DAR_ACT_SKIP: 10, skip the parameter, continue
 * @SCTP_DAR_ACT_SKIP_REPORT: 11, as 10, and report the parameter
 */
enum sctp_dar_param_action {
	SCTP_DAR_ACT_STOP		= 0,
	SCTP_DAR_ACT_STOP_REPORT	= 1,
	SCTP_DAR_ACT_SKIP		= 2,
	SCTP_DAR_ACT_SKIP_REPORT	= 3,
};

/**
 * struct sctp_dar_codec_err - where and why decoding failed or stopped
 * @offset: byte offset from the chunk's first byte of the offending field
 * @msg: static description, never freed
 */
struct sctp_dar_codec_err {
	int offset;
	const char *msg;
};

/**
 * struct sctp_dar_addr - an Address Parameter without port or sockaddr
 * @family: AF_INET or AF_INET6, as in union sctp_addr's sa_family
 * @addr: 4 (IPv4) or 16 (IPv6) bytes in network order; the rest are zero
 *
 * 0.0.0.0 and :: are valid on the wire: RFC 5061 §4.2.1, §4.2.2 and
 * §4.2.4 make them mean "the source address of the packet".
 */
struct sctp_dar_addr {
	u16 family;
	u8 addr[16];
};

/**
 * struct sctp_dar_asconf_req - one request of an ASCONF, in wire order
 * @type: %SCTP_DAR_PARAM_ADD_IP, %SCTP_DAR_PARAM_DEL_IP,
 *	%SCTP_DAR_PARAM_SET_PRIMARY or %SCTP_DAR_PARAM_ADAPTATION
 * @crr_id: ASCONF-Request Correlation ID (not for ADAPTATION)
 * @adaptation_ind: Adaptation Code Point (ADAPTATION only)
 * @addr: the address the request is about (not for ADAPTATION)
 */
struct sctp_dar_asconf_req {
	u16 type;
	u32 crr_id;
	u32 adaptation_ind;
	struct sctp_dar_addr addr;
};

/**
 * struct sctp_dar_unk_param - an unrecognized parameter met while decoding
 * @type: its type, host order
 * @len: its length field
 * @offset: offset of its first byte in the chunk; a report (RFC 4960
 *	§3.3.10.8) copies @len bytes from there
 * @action: enum sctp_dar_param_action taken for it
 */
struct sctp_dar_unk_param {
	u16 type;
	u16 len;
	u32 offset;
	u8 action;
};

/**
 * struct sctp_dar_asconf - a decoded ASCONF chunk (RFC 5061 §4.1.1)
 * @serial: Serial Number
 * @chunk_flags: chunk flags, reserved (zero when sent by RFC 5061 peers)
 * @lookup: the mandatory Address Parameter that comes first
 * @n_req: number of valid entries in @req
 * @req: requests in wire order (correlation IDs may repeat: the RFC only
 *	says the receiver copies them back)
 * @n_unk: number of valid entries in @unk (decode only)
 * @unk: unrecognized parameters skipped or stopped at (decode only; the
 *	encoder ignores them)
 */
struct sctp_dar_asconf {
	u32 serial;
	u8 chunk_flags;
	struct sctp_dar_addr lookup;
	unsigned int n_req;
	struct sctp_dar_asconf_req req[SCTP_DAR_ASCONF_MAX_REQ];
	unsigned int n_unk;
	struct sctp_dar_unk_param unk[SCTP_DAR_ASCONF_MAX_UNK];
};

/**
 * struct sctp_dar_asconf_res - one response of an ASCONF-ACK, in wire order
 * @type: %SCTP_DAR_PARAM_SUCCESS, %SCTP_DAR_PARAM_ERR_CAUSE or
 *	%SCTP_DAR_PARAM_ADAPTATION
 * @crr_id: ASCONF-Response Correlation ID (not for ADAPTATION)
 * @adaptation_ind: Adaptation Code Point (ADAPTATION only)
 * @cause: ERR_CAUSE: code of the first error cause (enum sctp_dar_cause)
 * @n_causes: ERR_CAUSE: number of error causes in the parameter (decode
 *	only; the encoder writes exactly one)
 * @info_len: ERR_CAUSE: length of the first cause's information
 * @info_off: ERR_CAUSE: offset of that information in the chunk (decode
 *	only)
 * @info: ERR_CAUSE: the information itself; decode points it into the
 *	chunk, encode copies @info_len bytes from it. Linux puts the whole
 *	failed request TLV here.
 */
struct sctp_dar_asconf_res {
	u16 type;
	u32 crr_id;
	u32 adaptation_ind;
	u16 cause;
	u16 n_causes;
	u16 info_len;
	u32 info_off;
	const u8 *info;
};

/**
 * struct sctp_dar_asconf_ack - a decoded ASCONF-ACK chunk (RFC 5061 §4.1.2)
 * @serial: Serial Number of the ASCONF acknowledged
 * @chunk_flags: chunk flags, reserved
 * @n_res: number of valid entries in @res; zero means every request
 *	succeeded (RFC 5061 §4.2.5: success may be implicit)
 * @res: responses in wire order
 * @n_unk: number of valid entries in @unk (decode only)
 * @unk: unrecognized parameters skipped or stopped at (decode only)
 */
struct sctp_dar_asconf_ack {
	u32 serial;
	u8 chunk_flags;
	unsigned int n_res;
	struct sctp_dar_asconf_res res[SCTP_DAR_ASCONF_MAX_RES];
	unsigned int n_unk;
	struct sctp_dar_unk_param unk[SCTP_DAR_ASCONF_MAX_UNK];
};

int sctp_dar_asconf_decode(const void *chunk, size_t len, unsigned int flags,
			   struct sctp_dar_asconf *out,
			   struct sctp_dar_codec_err *err);
int sctp_dar_asconf_ack_decode(const void *chunk, size_t len,
			       unsigned int flags,
			       struct sctp_dar_asconf_ack *out,
			       struct sctp_dar_codec_err *err);
int sctp_dar_asconf_encode(const struct sctp_dar_asconf *in, void *buf,
			   size_t buflen);
int sctp_dar_asconf_ack_encode(const struct sctp_dar_asconf_ack *in,
			       void *buf, size_t buflen);
int sctp_dar_addr_param_decode(const void *param, size_t len,
			       struct sctp_dar_addr *out);
int sctp_dar_addr_param_encode(const struct sctp_dar_addr *addr, void *buf,
			       size_t buflen);
bool sctp_dar_addr_equal(const struct sctp_dar_addr *a,
			 const struct sctp_dar_addr *b);
bool sctp_dar_addr_is_any(const struct sctp_dar_addr *addr);

/**
 * sctp_dar_param_action() - action bits of a parameter type
 * @type: parameter type, host order
 *
 * Return: what RFC 4960 §3.2.1 says to do with @type if it is unknown.
 */
static inline enum sctp_dar_param_action sctp_dar_param_action(u16 type)
{
	return (enum sctp_dar_param_action)(type >> 14);
}

/*
 * RFC 1982 serial number arithmetic, SERIAL_BITS = 32, as RFC 5061 §3
 * requires for ASCONF serials. Two serials exactly 2^31 apart are left
 * undefined by RFC 1982; here they are incomparable: lt, gt, le and ge
 * are all false for such a pair, so neither counts as newer. (Linux 6.1's
 * ADDIP_SERIAL_gte() says "greater or equal" both ways instead.)
 */

/**
 * sctp_dar_serial_lt() - RFC 1982 "less than" for 32-bit serials
 * @a: left operand
 * @b: right operand
 *
 * Return: true if @a precedes @b by 1 to 2^31 - 1 (modulo 2^32).
 */
static inline bool sctp_dar_serial_lt(u32 a, u32 b)
{
	u32 d = b - a;

	return d != 0 && d < 0x80000000U;
}

/**
 * sctp_dar_serial_gt() - RFC 1982 "greater than" for 32-bit serials
 * @a: left operand
 * @b: right operand
 *
 * Return: true if @a follows @b by 1 to 2^31 - 1 (modulo 2^32).
 */
static inline bool sctp_dar_serial_gt(u32 a, u32 b)
{
	return sctp_dar_serial_lt(b, a);
}

/**
 * sctp_dar_serial_le() - @a equals or precedes @b
 * @a: left operand
 * @b: right operand
 *
 * Return: @a == @b or sctp_dar_serial_lt(@a, @b).
 */
static inline bool sctp_dar_serial_le(u32 a, u32 b)
{
	return a == b || sctp_dar_serial_lt(a, b);
}

/**
 * sctp_dar_serial_ge() - @a equals or follows @b
 * @a: left operand
 * @b: right operand
 *
 * Return: @a == @b or sctp_dar_serial_gt(@a, @b).
 */
static inline bool sctp_dar_serial_ge(u32 a, u32 b)
{
	return a == b || sctp_dar_serial_gt(a, b);
}

/**
 * sctp_dar_serial_in_window() - is a serial within [base, base + size)?
 * @s: serial to test
 * @base: first serial of the window
 * @size: window size; 0 is an empty window
 *
 * Modulo 2^32, so a window may straddle the wrap. Meaningful for
 * @size <= 2^31.
 *
 * Return: true if @s - @base < @size (unsigned 32-bit arithmetic).
 */
static inline bool sctp_dar_serial_in_window(u32 s, u32 base, u32 size)
{
	return (u32)(s - base) < size;
}

#endif /* _SCTP_DAR_ASCONF_CODEC_H */
