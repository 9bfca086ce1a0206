// SPDX-License-Identifier: GPL-2.0
/*
 * asconf_codec.c - decode and encode ASCONF / ASCONF-ACK chunks.
 *
 * Locking: none. Every function works on caller-owned buffers and keeps no
 * state, so any context may call it (process, softirq, RCU reader).
 *
 * The same file builds in userspace (tests/unit, tests/fuzz) with
 * tests/unit/kshim.h force-included; keep it free of kernel-only calls.
 * Multi-byte fields are read and written a byte at a time: chunks sit at
 * any alignment inside packets and test buffers.
 *
 * Decoding rules (RFC 4960 §3.2, §3.2.1; RFC 5061 §4.1, §4.2):
 * - The chunk length field must cover the 8-byte header (type, flags,
 *   length, serial) and fit in the buffer. Up to 3 bytes of chunk padding
 *   may follow it in the buffer; anything after that is not looked at, so
 *   a caller may pass the rest of a packet.
 * - Parameters are 4-aligned TLVs with length >= 4 that fit in the chunk.
 *   The last parameter's padding may be inside the chunk length or not
 *   (RFC 4960 §3.2 asks receivers to accept both).
 * - Padding content is ignored (RFC 4960 §3.2: the receiver MUST ignore
 *   it) unless SCTP_DAR_DECODE_STRICT_PAD asks for zero bytes.
 * - An ASCONF starts with exactly one IPv4/IPv6 Address Parameter, the
 *   lookup address (RFC 5061 §4.1.1: mandatory). Address parameters are
 *   exactly 8 or 20 bytes; a request is exactly its 8-byte header plus
 *   one address parameter. Host Name addresses are refused (RFC 5061
 *   §4.1.1 forbids them in ASCONF).
 * - Parameters the chunk type does not define are unrecognized and their
 *   two high type bits decide (RFC 4960 §3.2.1): skip or stop, with or
 *   without report; each one is recorded in ->unk[]. Known parameters in
 *   the wrong chunk (a response in an ASCONF, a request or an address in
 *   an ASCONF-ACK) are malformed chunks, as Linux treats them.
 * - Correlation IDs are not checked for uniqueness: RFC 5061 only asks
 *   the receiver to echo them.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/types.h>

#include "asconf_codec.h"

#define DAR_CHUNK_HDR_LEN	4	/* type, flags, length */
#define DAR_ADDIP_HDR_LEN	8	/* chunk header + serial */
#define DAR_PARAM_HDR_LEN	4	/* type, length */
#define DAR_REQ_HDR_LEN		8	/* param header + correlation ID */
#define DAR_CAUSE_HDR_LEN	4	/* code, length */
#define DAR_IPV4_PARAM_LEN	8
#define DAR_IPV6_PARAM_LEN	20
#define DAR_LEN_MAX		0xFFFF	/* 16-bit length fields */

/* One TLV found by dar_next_param(). */
struct dar_param {
	size_t off;	/* offset of the type field in the chunk */
	u16 type;	/* host order */
	u16 len;	/* length field: header + value, no padding */
};

/* Cursor over the parameters of one chunk. */
struct dar_walk {
	const u8 *c;			/* chunk start */
	size_t buflen;			/* readable bytes at @c */
	size_t end;			/* chunk length field */
	size_t pos;			/* next parameter */
	unsigned int flags;		/* SCTP_DAR_DECODE_* */
	struct sctp_dar_codec_err *err;	/* may be NULL */
};

static u16 dar_get16(const u8 *p)
{
	return (u16)(p[0] << 8 | p[1]);
}

static u32 dar_get32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static void dar_put16(u8 *p, u16 v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

static void dar_put32(u8 *p, u32 v)
{
	p[0] = v >> 24;
	p[1] = (v >> 16) & 0xff;
	p[2] = (v >> 8) & 0xff;
	p[3] = v & 0xff;
}

static size_t dar_pad4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

static int dar_fail(struct sctp_dar_codec_err *err, size_t off,
		    const char *msg, int ret)
{
	if (err) {
		err->offset = (int)off;
		err->msg = msg;
	}
	return ret;
}

/* In strict mode, bytes [from, to) of the chunk must be zero. */
static int dar_check_pad(const struct dar_walk *w, size_t from, size_t to)
{
	size_t i;

	if (!(w->flags & SCTP_DAR_DECODE_STRICT_PAD))
		return 0;
	for (i = from; i < to; i++)
		if (w->c[i])
			return dar_fail(w->err, i, "nonzero padding", -EINVAL);
	return 0;
}

/* Check the chunk header and position @w on the first parameter. */
static int dar_open(struct dar_walk *w, const void *chunk, size_t len,
		    u8 type, unsigned int flags,
		    struct sctp_dar_codec_err *err)
{
	const u8 *c = chunk;
	size_t clen, pad_end;

	w->c = c;
	w->buflen = len;
	w->flags = flags;
	w->err = err;
	if (err) {
		err->offset = 0;
		err->msg = NULL;
	}

	if (!c || len < DAR_CHUNK_HDR_LEN)
		return dar_fail(err, 0, "buffer shorter than a chunk header",
				-EINVAL);
	if (c[0] != type)
		return dar_fail(err, 0, "unexpected chunk type", -EINVAL);
	clen = dar_get16(c + 2);
	if (clen < DAR_ADDIP_HDR_LEN)
		return dar_fail(err, 2, "chunk length below 8", -EINVAL);
	if (clen > len)
		return dar_fail(err, 2, "chunk length exceeds buffer", -EINVAL);

	w->end = clen;
	w->pos = DAR_ADDIP_HDR_LEN;

	/* Chunk padding present in the buffer. */
	pad_end = dar_pad4(clen);
	if (pad_end > len)
		pad_end = len;
	return dar_check_pad(w, clen, pad_end);
}

/*
 * Fetch the next parameter into @p.
 * Return: 0 if one was found, 1 at the end of the chunk, or -EINVAL.
 */
static int dar_next_param(struct dar_walk *w, struct dar_param *p)
{
	size_t rem, next;
	int ret;

	if (w->pos == w->end)
		return 1;

	rem = w->end - w->pos;
	if (rem < DAR_PARAM_HDR_LEN)
		return dar_fail(w->err, w->pos,
				"trailing bytes shorter than a parameter header",
				-EINVAL);

	p->off = w->pos;
	p->type = dar_get16(w->c + w->pos);
	p->len = dar_get16(w->c + w->pos + 2);
	if (p->len < DAR_PARAM_HDR_LEN)
		return dar_fail(w->err, w->pos + 2,
				"parameter length below 4", -EINVAL);
	if (p->len > rem)
		return dar_fail(w->err, w->pos + 2,
				"parameter length overruns chunk", -EINVAL);

	/* A last parameter's padding may lie past the chunk length; that
	 * part is chunk padding, checked by dar_open().
	 */
	next = w->pos + dar_pad4(p->len);
	if (next > w->end)
		next = w->end;
	ret = dar_check_pad(w, w->pos + p->len, next);
	if (ret)
		return ret;

	w->pos = next;
	return 0;
}

static size_t dar_addr_param_len(const struct sctp_dar_addr *addr)
{
	switch (addr->family) {
	case AF_INET:
		return DAR_IPV4_PARAM_LEN;
	case AF_INET6:
		return DAR_IPV6_PARAM_LEN;
	default:
		return 0;
	}
}

/*
 * Decode the address parameter at chunk offset @off, which must end
 * exactly at @end. Offsets in errors are relative to the chunk.
 */
static int dar_addr_at(const struct dar_walk *w, size_t off, size_t end,
		       struct sctp_dar_addr *out)
{
	u16 type, len;

	if (end - off < DAR_PARAM_HDR_LEN)
		return dar_fail(w->err, off, "missing address parameter",
				-EINVAL);
	type = dar_get16(w->c + off);
	len = dar_get16(w->c + off + 2);

	memset(out, 0, sizeof(*out));
	switch (type) {
	case SCTP_DAR_PARAM_IPV4:
		if (len != DAR_IPV4_PARAM_LEN)
			return dar_fail(w->err, off + 2,
					"IPv4 address parameter length is not 8",
					-EINVAL);
		out->family = AF_INET;
		break;
	case SCTP_DAR_PARAM_IPV6:
		if (len != DAR_IPV6_PARAM_LEN)
			return dar_fail(w->err, off + 2,
					"IPv6 address parameter length is not 20",
					-EINVAL);
		out->family = AF_INET6;
		break;
	case SCTP_DAR_PARAM_HOST_NAME:
		return dar_fail(w->err, off,
				"host name address not allowed in ASCONF",
				-EINVAL);
	default:
		return dar_fail(w->err, off, "not an address parameter",
				-EINVAL);
	}
	if (len != end - off)
		return dar_fail(w->err, off + 2,
				"address parameter does not fill its container",
				-EINVAL);
	memcpy(out->addr, w->c + off + DAR_PARAM_HDR_LEN,
	       len - DAR_PARAM_HDR_LEN);
	return 0;
}

/* ADD-IP, DEL-IP, SET-PRIMARY: correlation ID + one address parameter. */
static int dar_request(const struct dar_walk *w, const struct dar_param *p,
		       struct sctp_dar_asconf_req *req)
{
	if (p->len < DAR_REQ_HDR_LEN + DAR_PARAM_HDR_LEN)
		return dar_fail(w->err, p->off + 2,
				"request parameter too short for an address",
				-EINVAL);
	req->type = p->type;
	req->crr_id = dar_get32(w->c + p->off + DAR_PARAM_HDR_LEN);
	req->adaptation_ind = 0;
	return dar_addr_at(w, p->off + DAR_REQ_HDR_LEN, p->off + p->len,
			   &req->addr);
}

/* Record an unrecognized parameter and apply its action bits. */
static int dar_unknown(const struct dar_walk *w, const struct dar_param *p,
		       struct sctp_dar_unk_param *unk, unsigned int *n_unk)
{
	struct sctp_dar_unk_param *u;

	if (*n_unk >= SCTP_DAR_ASCONF_MAX_UNK)
		return dar_fail(w->err, p->off,
				"too many unrecognized parameters", -E2BIG);
	u = &unk[(*n_unk)++];
	u->type = p->type;
	u->len = p->len;
	u->offset = p->off;
	u->action = sctp_dar_param_action(p->type);

	switch (u->action) {
	case SCTP_DAR_ACT_STOP:
	case SCTP_DAR_ACT_STOP_REPORT:
		return dar_fail(w->err, p->off,
				"unrecognized parameter stops the chunk",
				SCTP_DAR_DECODE_STOPPED);
	default:
		return 0;
	}
}

/**
 * sctp_dar_asconf_decode() - parse an ASCONF chunk
 * @chunk: the chunk, starting at its type byte
 * @len: readable bytes at @chunk (at least the chunk length field)
 * @flags: %SCTP_DAR_DECODE_STRICT_PAD or 0
 * @out: decoded chunk; zeroed first, partly filled on failure
 * @err: where and why decoding failed or stopped; may be NULL
 *
 * Validates the whole chunk (see the rules at the top of this file) and
 * never reads outside [@chunk, @chunk + @len).
 *
 * Context: any.
 * Return: 0 if the whole chunk decoded; %SCTP_DAR_DECODE_STOPPED if an
 * unrecognized parameter with a "stop" action ended it (@out holds what
 * came before, the parameter is the last entry of @out->unk); -EINVAL
 * for a malformed chunk; -E2BIG for more than %SCTP_DAR_ASCONF_MAX_REQ
 * requests or %SCTP_DAR_ASCONF_MAX_UNK unrecognized parameters.
 */
int sctp_dar_asconf_decode(const void *chunk, size_t len, unsigned int flags,
			   struct sctp_dar_asconf *out,
			   struct sctp_dar_codec_err *err)
{
	struct sctp_dar_asconf_req *req;
	struct dar_param p;
	struct dar_walk w;
	int ret;

	memset(out, 0, sizeof(*out));
	ret = dar_open(&w, chunk, len, SCTP_DAR_CID_ASCONF, flags, err);
	if (ret)
		return ret;
	out->chunk_flags = w.c[1];
	out->serial = dar_get32(w.c + DAR_CHUNK_HDR_LEN);

	/* RFC 5061 §4.1.1: the Address Parameter is mandatory and first. */
	ret = dar_next_param(&w, &p);
	if (ret < 0)
		return ret;
	if (ret > 0 || (p.type != SCTP_DAR_PARAM_IPV4 &&
			p.type != SCTP_DAR_PARAM_IPV6))
		return dar_fail(err, DAR_ADDIP_HDR_LEN,
				"missing lookup address parameter", -EINVAL);
	ret = dar_addr_at(&w, p.off, p.off + p.len, &out->lookup);
	if (ret)
		return ret;

	while ((ret = dar_next_param(&w, &p)) == 0) {
		switch (p.type) {
		case SCTP_DAR_PARAM_ADD_IP:
		case SCTP_DAR_PARAM_DEL_IP:
		case SCTP_DAR_PARAM_SET_PRIMARY:
		case SCTP_DAR_PARAM_ADAPTATION:
			if (out->n_req >= SCTP_DAR_ASCONF_MAX_REQ)
				return dar_fail(err, p.off,
						"too many ASCONF requests",
						-E2BIG);
			req = &out->req[out->n_req];
			if (p.type != SCTP_DAR_PARAM_ADAPTATION) {
				ret = dar_request(&w, &p, req);
				if (ret)
					return ret;
			} else {
				if (p.len != DAR_REQ_HDR_LEN)
					return dar_fail(err, p.off + 2,
							"adaptation layer indication length is not 8",
							-EINVAL);
				req->type = p.type;
				req->adaptation_ind =
					dar_get32(w.c + p.off + DAR_PARAM_HDR_LEN);
			}
			out->n_req++;
			break;
		case SCTP_DAR_PARAM_IPV4:
		case SCTP_DAR_PARAM_IPV6:
			return dar_fail(err, p.off,
					"address parameter after the lookup address",
					-EINVAL);
		case SCTP_DAR_PARAM_ERR_CAUSE:
		case SCTP_DAR_PARAM_SUCCESS:
			return dar_fail(err, p.off,
					"response parameter in ASCONF", -EINVAL);
		default:
			ret = dar_unknown(&w, &p, out->unk, &out->n_unk);
			if (ret)
				return ret;
			break;
		}
	}
	return ret < 0 ? ret : 0;
}
EXPORT_SYMBOL_GPL(sctp_dar_asconf_decode);

/* Error Cause Indication: correlation ID, then one or more error causes. */
static int dar_err_cause(const struct dar_walk *w, const struct dar_param *p,
			 struct sctp_dar_asconf_res *res)
{
	size_t pos = p->off + DAR_REQ_HDR_LEN;
	size_t end = p->off + p->len;
	size_t next;
	u16 clen;
	int ret;

	if (p->len < DAR_REQ_HDR_LEN + DAR_CAUSE_HDR_LEN)
		return dar_fail(w->err, p->off + 2,
				"error cause indication without a cause",
				-EINVAL);
	res->type = p->type;
	res->crr_id = dar_get32(w->c + p->off + DAR_PARAM_HDR_LEN);

	while (pos < end) {
		if (end - pos < DAR_CAUSE_HDR_LEN)
			return dar_fail(w->err, pos,
					"trailing bytes shorter than an error cause",
					-EINVAL);
		clen = dar_get16(w->c + pos + 2);
		if (clen < DAR_CAUSE_HDR_LEN)
			return dar_fail(w->err, pos + 2,
					"error cause length below 4", -EINVAL);
		if (clen > end - pos)
			return dar_fail(w->err, pos + 2,
					"error cause length overruns parameter",
					-EINVAL);
		if (!res->n_causes) {
			res->cause = dar_get16(w->c + pos);
			res->info_off = pos + DAR_CAUSE_HDR_LEN;
			res->info_len = clen - DAR_CAUSE_HDR_LEN;
			res->info = w->c + res->info_off;
		}
		res->n_causes++;

		/* As for parameters, the last cause's padding may be left
		 * out of the parameter length.
		 */
		next = pos + dar_pad4(clen);
		if (next > end)
			next = end;
		ret = dar_check_pad(w, pos + clen, next);
		if (ret)
			return ret;
		pos = next;
	}
	return 0;
}

/**
 * sctp_dar_asconf_ack_decode() - parse an ASCONF-ACK chunk
 * @chunk: the chunk, starting at its type byte
 * @len: readable bytes at @chunk (at least the chunk length field)
 * @flags: %SCTP_DAR_DECODE_STRICT_PAD or 0
 * @out: decoded chunk; zeroed first, partly filled on failure. Its
 *	res[].info pointers point into @chunk.
 * @err: where and why decoding failed or stopped; may be NULL
 *
 * Success Indication and Adaptation Layer Indication parameters must be 8
 * bytes; an Error Cause Indication holds at least one well-formed error
 * cause, of which the first is returned in detail.
 *
 * Context: any.
 * Return: 0, %SCTP_DAR_DECODE_STOPPED, -EINVAL or -E2BIG (more than
 * %SCTP_DAR_ASCONF_MAX_RES responses or %SCTP_DAR_ASCONF_MAX_UNK
 * unrecognized parameters), as for sctp_dar_asconf_decode().
 */
int sctp_dar_asconf_ack_decode(const void *chunk, size_t len,
			       unsigned int flags,
			       struct sctp_dar_asconf_ack *out,
			       struct sctp_dar_codec_err *err)
{
	struct sctp_dar_asconf_res *res;
	struct dar_param p;
	struct dar_walk w;
	int ret;

	memset(out, 0, sizeof(*out));
	ret = dar_open(&w, chunk, len, SCTP_DAR_CID_ASCONF_ACK, flags, err);
	if (ret)
		return ret;
	out->chunk_flags = w.c[1];
	out->serial = dar_get32(w.c + DAR_CHUNK_HDR_LEN);

	while ((ret = dar_next_param(&w, &p)) == 0) {
		switch (p.type) {
		case SCTP_DAR_PARAM_SUCCESS:
		case SCTP_DAR_PARAM_ERR_CAUSE:
		case SCTP_DAR_PARAM_ADAPTATION:
			if (out->n_res >= SCTP_DAR_ASCONF_MAX_RES)
				return dar_fail(err, p.off,
						"too many ASCONF-ACK responses",
						-E2BIG);
			res = &out->res[out->n_res];
			if (p.type == SCTP_DAR_PARAM_ERR_CAUSE) {
				ret = dar_err_cause(&w, &p, res);
				if (ret)
					return ret;
			} else if (p.len != DAR_REQ_HDR_LEN) {
				return dar_fail(err, p.off + 2,
						"indication length is not 8",
						-EINVAL);
			} else if (p.type == SCTP_DAR_PARAM_SUCCESS) {
				res->type = p.type;
				res->crr_id = dar_get32(w.c + p.off +
							DAR_PARAM_HDR_LEN);
			} else {
				res->type = p.type;
				res->adaptation_ind = dar_get32(w.c + p.off +
								DAR_PARAM_HDR_LEN);
			}
			out->n_res++;
			break;
		case SCTP_DAR_PARAM_IPV4:
		case SCTP_DAR_PARAM_IPV6:
			return dar_fail(err, p.off,
					"address parameter in ASCONF-ACK",
					-EINVAL);
		case SCTP_DAR_PARAM_ADD_IP:
		case SCTP_DAR_PARAM_DEL_IP:
		case SCTP_DAR_PARAM_SET_PRIMARY:
			return dar_fail(err, p.off,
					"request parameter in ASCONF-ACK",
					-EINVAL);
		default:
			ret = dar_unknown(&w, &p, out->unk, &out->n_unk);
			if (ret)
				return ret;
			break;
		}
	}
	return ret < 0 ? ret : 0;
}
EXPORT_SYMBOL_GPL(sctp_dar_asconf_ack_decode);

/* Write an address parameter; the caller checked family and room. */
static size_t dar_put_addr(u8 *p, const struct sctp_dar_addr *addr)
{
	size_t len = dar_addr_param_len(addr);

	dar_put16(p, addr->family == AF_INET ? SCTP_DAR_PARAM_IPV4 :
					       SCTP_DAR_PARAM_IPV6);
	dar_put16(p + 2, len);
	memcpy(p + DAR_PARAM_HDR_LEN, addr->addr, len - DAR_PARAM_HDR_LEN);
	return len;
}

static void dar_put_hdr(u8 *p, u8 type, u8 flags, size_t clen, u32 serial)
{
	p[0] = type;
	p[1] = flags;
	dar_put16(p + 2, clen);
	dar_put32(p + DAR_CHUNK_HDR_LEN, serial);
}

/* Wire size of one request, or 0 if it cannot be encoded. */
static size_t dar_req_len(const struct sctp_dar_asconf_req *req)
{
	size_t alen;

	switch (req->type) {
	case SCTP_DAR_PARAM_ADD_IP:
	case SCTP_DAR_PARAM_DEL_IP:
	case SCTP_DAR_PARAM_SET_PRIMARY:
		alen = dar_addr_param_len(&req->addr);
		return alen ? DAR_REQ_HDR_LEN + alen : 0;
	case SCTP_DAR_PARAM_ADAPTATION:
		return DAR_REQ_HDR_LEN;
	default:
		return 0;
	}
}

/**
 * sctp_dar_asconf_encode() - build an ASCONF chunk
 * @in: chunk to encode; @in->unk is ignored
 * @buf: destination
 * @buflen: room at @buf
 *
 * Writes the chunk header, serial, lookup address and the requests in
 * order. Every parameter is a multiple of 4 bytes, so there is no padding.
 * Deterministic: the output depends on @in's fields only.
 *
 * Context: any.
 * Return: bytes written (the chunk length), -EINVAL if @in cannot be
 * encoded (bad family or request type, too many requests) or -ENOSPC if
 * @buflen is too small; nothing is written on error.
 */
int sctp_dar_asconf_encode(const struct sctp_dar_asconf *in, void *buf,
			   size_t buflen)
{
	size_t need, rlen, pos;
	unsigned int i;
	u8 *p = buf;

	if (in->n_req > SCTP_DAR_ASCONF_MAX_REQ)
		return -EINVAL;
	rlen = dar_addr_param_len(&in->lookup);
	if (!rlen)
		return -EINVAL;
	need = DAR_ADDIP_HDR_LEN + rlen;
	for (i = 0; i < in->n_req; i++) {
		rlen = dar_req_len(&in->req[i]);
		if (!rlen)
			return -EINVAL;
		need += rlen;
	}
	/* At most 8 + 20 + 16 * 28 bytes: fits the 16-bit length field. */
	if (buflen < need)
		return -ENOSPC;

	dar_put_hdr(p, SCTP_DAR_CID_ASCONF, in->chunk_flags, need, in->serial);
	pos = DAR_ADDIP_HDR_LEN;
	pos += dar_put_addr(p + pos, &in->lookup);
	for (i = 0; i < in->n_req; i++) {
		const struct sctp_dar_asconf_req *req = &in->req[i];

		rlen = dar_req_len(req);
		dar_put16(p + pos, req->type);
		dar_put16(p + pos + 2, rlen);
		if (req->type == SCTP_DAR_PARAM_ADAPTATION) {
			dar_put32(p + pos + DAR_PARAM_HDR_LEN,
				  req->adaptation_ind);
		} else {
			dar_put32(p + pos + DAR_PARAM_HDR_LEN, req->crr_id);
			dar_put_addr(p + pos + DAR_REQ_HDR_LEN, &req->addr);
		}
		pos += rlen;
	}
	return pos;
}
EXPORT_SYMBOL_GPL(sctp_dar_asconf_encode);

/* Length field of one response parameter, or 0 if it cannot be encoded. */
static size_t dar_res_len(const struct sctp_dar_asconf_res *res)
{
	switch (res->type) {
	case SCTP_DAR_PARAM_SUCCESS:
	case SCTP_DAR_PARAM_ADAPTATION:
		return DAR_REQ_HDR_LEN;
	case SCTP_DAR_PARAM_ERR_CAUSE:
		if (res->info_len && !res->info)
			return 0;
		/* The 16-bit length field caps the info at 65535 - 12. */
		if (res->info_len > DAR_LEN_MAX - DAR_REQ_HDR_LEN -
				    DAR_CAUSE_HDR_LEN)
			return 0;
		return DAR_REQ_HDR_LEN + DAR_CAUSE_HDR_LEN + res->info_len;
	default:
		return 0;
	}
}

/**
 * sctp_dar_asconf_ack_encode() - build an ASCONF-ACK chunk
 * @in: chunk to encode; @in->unk, res[].n_causes and res[].info_off are
 *	ignored
 * @buf: destination
 * @buflen: room at @buf
 *
 * Each Error Cause Indication carries exactly one error cause, code
 * res[].cause with res[].info_len bytes from res[].info. A parameter whose
 * length is not a multiple of 4 is followed by zero padding; the chunk
 * length excludes the final padding (RFC 4960 §3.2), the return value
 * includes it. Deterministic.
 *
 * Context: any.
 * Return: bytes written (the chunk length rounded up to 4), -EINVAL if
 * @in cannot be encoded (bad type, too many responses, info missing or
 * too long for the chunk) or -ENOSPC if @buflen is too small; nothing is
 * written on error.
 */
int sctp_dar_asconf_ack_encode(const struct sctp_dar_asconf_ack *in,
			       void *buf, size_t buflen)
{
	size_t clen, plen, pos;
	unsigned int i;
	u8 *p = buf;

	if (in->n_res > SCTP_DAR_ASCONF_MAX_RES)
		return -EINVAL;
	clen = DAR_ADDIP_HDR_LEN;
	for (i = 0; i < in->n_res; i++) {
		plen = dar_res_len(&in->res[i]);
		if (!plen)
			return -EINVAL;
		clen = dar_pad4(clen) + plen;
	}
	if (clen > DAR_LEN_MAX)
		return -EINVAL;
	if (buflen < dar_pad4(clen))
		return -ENOSPC;

	dar_put_hdr(p, SCTP_DAR_CID_ASCONF_ACK, in->chunk_flags, clen,
		    in->serial);
	pos = DAR_ADDIP_HDR_LEN;
	for (i = 0; i < in->n_res; i++) {
		const struct sctp_dar_asconf_res *res = &in->res[i];

		plen = dar_res_len(res);
		dar_put16(p + pos, res->type);
		dar_put16(p + pos + 2, plen);
		if (res->type == SCTP_DAR_PARAM_ADAPTATION) {
			dar_put32(p + pos + DAR_PARAM_HDR_LEN,
				  res->adaptation_ind);
		} else {
			dar_put32(p + pos + DAR_PARAM_HDR_LEN, res->crr_id);
		}
		if (res->type == SCTP_DAR_PARAM_ERR_CAUSE) {
			dar_put16(p + pos + DAR_REQ_HDR_LEN, res->cause);
			dar_put16(p + pos + DAR_REQ_HDR_LEN + 2,
				  DAR_CAUSE_HDR_LEN + res->info_len);
			if (res->info_len)
				memcpy(p + pos + DAR_REQ_HDR_LEN +
				       DAR_CAUSE_HDR_LEN,
				       res->info, res->info_len);
		}
		memset(p + pos + plen, 0, dar_pad4(plen) - plen);
		pos += dar_pad4(plen);
	}
	return pos;
}
EXPORT_SYMBOL_GPL(sctp_dar_asconf_ack_encode);

/**
 * sctp_dar_addr_param_decode() - read one IPv4/IPv6 Address Parameter
 * @param: the parameter, starting at its type field
 * @len: readable bytes at @param
 * @out: the address; zeroed first
 *
 * Turns the wire form into family + bytes, comparable with a union
 * sctp_addr's sa_family and sin_addr/sin6_addr. Bytes after the
 * parameter (padding, further parameters) are not looked at.
 *
 * Context: any.
 * Return: the parameter length (8 or 20), or -EINVAL if @param is not an
 * IPv4/IPv6 Address Parameter of exactly that length within @len bytes.
 */
int sctp_dar_addr_param_decode(const void *param, size_t len,
			       struct sctp_dar_addr *out)
{
	struct dar_walk w = { .c = param, .buflen = len };
	size_t plen;
	int ret;

	memset(out, 0, sizeof(*out));
	if (!param || len < DAR_PARAM_HDR_LEN)
		return -EINVAL;
	plen = dar_get16(w.c + 2);
	if (plen > len)
		return -EINVAL;
	ret = dar_addr_at(&w, 0, plen, out);
	return ret ? ret : (int)plen;
}
EXPORT_SYMBOL_GPL(sctp_dar_addr_param_decode);

/**
 * sctp_dar_addr_param_encode() - write one IPv4/IPv6 Address Parameter
 * @addr: the address (AF_INET or AF_INET6)
 * @buf: destination
 * @buflen: room at @buf
 *
 * Context: any.
 * Return: bytes written (8 or 20), -EINVAL for another family or -ENOSPC.
 */
int sctp_dar_addr_param_encode(const struct sctp_dar_addr *addr, void *buf,
			       size_t buflen)
{
	size_t len = dar_addr_param_len(addr);

	if (!len)
		return -EINVAL;
	if (buflen < len)
		return -ENOSPC;
	return dar_put_addr(buf, addr);
}
EXPORT_SYMBOL_GPL(sctp_dar_addr_param_encode);

/**
 * sctp_dar_addr_equal() - same family and same address bytes?
 * @a: first address
 * @b: second address
 *
 * Only the bytes the family uses are compared.
 *
 * Context: any.
 * Return: true if @a and @b are the same AF_INET or AF_INET6 address.
 */
bool sctp_dar_addr_equal(const struct sctp_dar_addr *a,
			 const struct sctp_dar_addr *b)
{
	size_t len = dar_addr_param_len(a);

	return len && a->family == b->family &&
	       !memcmp(a->addr, b->addr, len - DAR_PARAM_HDR_LEN);
}
EXPORT_SYMBOL_GPL(sctp_dar_addr_equal);

/**
 * sctp_dar_addr_is_any() - is this the wildcard address?
 * @addr: the address
 *
 * RFC 5061 §4.2.1, §4.2.2 and §4.2.4 give 0.0.0.0 and :: in a request
 * the meaning "the source address of the packet carrying the ASCONF".
 *
 * Context: any.
 * Return: true for 0.0.0.0 or ::, false otherwise (also for a bad family).
 */
bool sctp_dar_addr_is_any(const struct sctp_dar_addr *addr)
{
	size_t len = dar_addr_param_len(addr);
	size_t i;

	if (!len)
		return false;
	for (i = 0; i < len - DAR_PARAM_HDR_LEN; i++)
		if (addr->addr[i])
			return false;
	return true;
}
EXPORT_SYMBOL_GPL(sctp_dar_addr_is_any);
