// SPDX-License-Identifier: GPL-2.0
/*
 * asconf_codec_test.c - suite sctp_dar_asconf_codec: the ASCONF and
 * ASCONF-ACK wire codec (src/asconf_codec.c).
 *
 * Vectors, golden chunks included, come from tests/unit/asconf_vectors.h,
 * shared with the host TAP runner. Every decode reads a kmalloc'd copy of
 * exactly the length it is given, so KASAN reports any overread.
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/string.h>

#include "asconf_codec.h"
#include "../unit/asconf_vectors.h"

#define DAR_TEST_BUF	1024	/* room for any encoded test chunk */

static u16 dar_test_get16(const u8 *p)
{
	return (u16)(p[0] << 8 | p[1]);
}

static void dar_test_put16(u8 *p, u16 v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

/* A test-managed copy of exactly @len bytes of @src. */
static u8 *dar_test_dup(struct kunit *test, const void *src, size_t len)
{
	u8 *p = kunit_kmalloc(test, len ? len : 1, GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p);
	if (len)
		memcpy(p, src, len);
	return p;
}

/* ---- parameter generators --------------------------------------------- */

static const struct sctp_dar_vec_golden *
dar_golden_next(const void *prev, bool ack, char *desc)
{
	const struct sctp_dar_vec_golden *g = prev;

	g = g ? g + 1 : sctp_dar_vec_goldens;
	for (; g < sctp_dar_vec_goldens + ARRAY_SIZE(sctp_dar_vec_goldens); g++) {
		if (!!g->ack == ack) {
			strscpy(desc, g->name, KUNIT_PARAM_DESC_SIZE);
			return g;
		}
	}
	return NULL;
}

static const void *dar_golden_asconf_gen(const void *prev, char *desc)
{
	return dar_golden_next(prev, false, desc);
}

static const void *dar_golden_ack_gen(const void *prev, char *desc)
{
	return dar_golden_next(prev, true, desc);
}

static const struct sctp_dar_vec_case *
dar_case_next(const void *prev, bool ack, char *desc)
{
	const struct sctp_dar_vec_case *v = prev;

	v = v ? v + 1 : sctp_dar_vec_cases;
	for (; v < sctp_dar_vec_cases + ARRAY_SIZE(sctp_dar_vec_cases); v++) {
		if (v->is_ack == ack) {
			snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s%s", v->name,
				 v->flags & SCTP_DAR_DECODE_STRICT_PAD ?
				 " strict" : "");
			return v;
		}
	}
	return NULL;
}

static const void *dar_case_asconf_gen(const void *prev, char *desc)
{
	return dar_case_next(prev, false, desc);
}

static const void *dar_case_ack_gen(const void *prev, char *desc)
{
	return dar_case_next(prev, true, desc);
}

/* ---- goldens ----------------------------------------------------------- */

static void sctp_dar_asconf_decode_linux_golden(struct kunit *test)
{
	const struct sctp_dar_vec_golden *g = test->param_value;
	struct sctp_dar_codec_err err = { };
	struct sctp_dar_asconf *out;
	u8 *buf;
	int ret;

	out = kunit_kzalloc(test, sizeof(*out), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);
	buf = dar_test_dup(test, g->buf, g->len);

	ret = sctp_dar_asconf_decode(buf, g->len, SCTP_DAR_DECODE_STRICT_PAD,
				     out, &err);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "offset %d: %s", err.offset, err.msg);
	KUNIT_EXPECT_TRUE(test, sctp_dar_vec_asconf_eq(out, g->asconf));
	KUNIT_EXPECT_EQ(test, out->n_unk, 0U);
}

static void sctp_dar_asconf_ack_decode_linux_golden(struct kunit *test)
{
	const struct sctp_dar_vec_golden *g = test->param_value;
	struct sctp_dar_codec_err err = { };
	struct sctp_dar_asconf_ack *out;
	u8 *buf;
	int ret;

	out = kunit_kzalloc(test, sizeof(*out), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);
	buf = dar_test_dup(test, g->buf, g->len);

	ret = sctp_dar_asconf_ack_decode(buf, g->len,
					 SCTP_DAR_DECODE_STRICT_PAD, out, &err);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "offset %d: %s", err.offset, err.msg);
	KUNIT_EXPECT_TRUE(test, sctp_dar_vec_ack_eq(out, g->ack, true));
	KUNIT_EXPECT_EQ(test, out->n_unk, 0U);
}

static void sctp_dar_asconf_encode_reproduces_golden(struct kunit *test)
{
	const struct sctp_dar_vec_golden *g = test->param_value;
	u8 *enc;
	int len;

	enc = kunit_kzalloc(test, DAR_TEST_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, enc);

	len = sctp_dar_asconf_encode(g->asconf, enc, DAR_TEST_BUF);
	KUNIT_ASSERT_EQ(test, len, (int)g->len);
	KUNIT_EXPECT_EQ(test, memcmp(enc, g->buf, g->len), 0);
}

static void sctp_dar_asconf_ack_encode_reproduces_golden(struct kunit *test)
{
	const struct sctp_dar_vec_golden *g = test->param_value;
	u8 *enc;
	int len;

	enc = kunit_kzalloc(test, DAR_TEST_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, enc);

	len = sctp_dar_asconf_ack_encode(g->ack, enc, DAR_TEST_BUF);
	KUNIT_ASSERT_EQ(test, len, (int)g->len);
	KUNIT_EXPECT_EQ(test, memcmp(enc, g->buf, g->len), 0);
}

/*
 * Every prefix of a golden: as is (length field too big) it must fail;
 * with its length field cut to the prefix it must fail or be a shorter
 * chunk of whole parameters that re-encodes to exactly the prefix.
 */
static void sctp_dar_asconf_decode_truncated_golden(struct kunit *test)
{
	const struct sctp_dar_vec_golden *g = test->param_value;
	struct sctp_dar_asconf *out;
	size_t l;
	u8 *enc;

	out = kunit_kzalloc(test, sizeof(*out), GFP_KERNEL);
	enc = kunit_kzalloc(test, DAR_TEST_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, enc);

	for (l = 0; l < g->len; l++) {
		u8 *buf = dar_test_dup(test, g->buf, l);
		int ret;

		ret = sctp_dar_asconf_decode(buf, l, 0, out, NULL);
		KUNIT_EXPECT_LT_MSG(test, ret, 0, "raw prefix %zu", l);
		if (l >= 8) {
			dar_test_put16(buf + 2, l);
			ret = sctp_dar_asconf_decode(buf, l,
						     SCTP_DAR_DECODE_STRICT_PAD,
						     out, NULL);
			KUNIT_EXPECT_LE_MSG(test, ret, 0, "cut prefix %zu", l);
			if (!ret) {
				KUNIT_EXPECT_LT(test, out->n_req, g->asconf->n_req);
				KUNIT_EXPECT_EQ(test, sctp_dar_asconf_encode(out, enc,
									     DAR_TEST_BUF),
						(int)l);
				KUNIT_EXPECT_EQ(test, memcmp(enc, buf, l), 0);
			}
		}
		kunit_kfree(test, buf);
	}
}

static void sctp_dar_asconf_ack_decode_truncated_golden(struct kunit *test)
{
	const struct sctp_dar_vec_golden *g = test->param_value;
	struct sctp_dar_asconf_ack *out;
	size_t l;
	u8 *enc;

	out = kunit_kzalloc(test, sizeof(*out), GFP_KERNEL);
	enc = kunit_kzalloc(test, DAR_TEST_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, enc);

	for (l = 0; l < g->len; l++) {
		u8 *buf = dar_test_dup(test, g->buf, l);
		int ret;

		ret = sctp_dar_asconf_ack_decode(buf, l, 0, out, NULL);
		KUNIT_EXPECT_LT_MSG(test, ret, 0, "raw prefix %zu", l);
		if (l >= 8) {
			dar_test_put16(buf + 2, l);
			ret = sctp_dar_asconf_ack_decode(buf, l,
							 SCTP_DAR_DECODE_STRICT_PAD,
							 out, NULL);
			KUNIT_EXPECT_LE_MSG(test, ret, 0, "cut prefix %zu", l);
			if (!ret) {
				KUNIT_EXPECT_LT(test, out->n_res, g->ack->n_res);
				KUNIT_EXPECT_EQ(test,
						sctp_dar_asconf_ack_encode(out, enc,
									   DAR_TEST_BUF),
						(int)l);
				KUNIT_EXPECT_EQ(test, memcmp(enc, buf, l), 0);
			}
		}
		kunit_kfree(test, buf);
	}
}

/* ---- crafted chunks ---------------------------------------------------- */

/* Check the outcome of decoding crafted case @v. */
static void dar_check_case(struct kunit *test, const struct sctp_dar_vec_case *v,
			   int ret, const struct sctp_dar_codec_err *err,
			   unsigned int n, unsigned int n_unk,
			   const struct sctp_dar_unk_param *unk)
{
	KUNIT_EXPECT_EQ_MSG(test, ret, v->ret, "offset %d: %s", err->offset,
			    err->msg);
	if (ret) {
		KUNIT_EXPECT_EQ(test, err->offset, v->offset);
		KUNIT_EXPECT_NOT_ERR_OR_NULL(test, err->msg);
	} else {
		KUNIT_EXPECT_NULL(test, err->msg);
	}
	if (v->ret < 0)
		return;
	KUNIT_EXPECT_EQ(test, n, v->n);
	KUNIT_EXPECT_EQ(test, n_unk, v->n_unk);
	/* A recorded unknown names its own type, length and action. */
	if (n_unk) {
		const u8 *p = v->buf + unk[0].offset;

		KUNIT_EXPECT_EQ(test, unk[0].type, dar_test_get16(p));
		KUNIT_EXPECT_EQ(test, unk[0].len, dar_test_get16(p + 2));
		KUNIT_EXPECT_EQ(test, unk[0].action, dar_test_get16(p) >> 14);
	}
}

static void sctp_dar_asconf_decode_crafted(struct kunit *test)
{
	const struct sctp_dar_vec_case *v = test->param_value;
	struct sctp_dar_codec_err err = { .offset = -1 };
	struct sctp_dar_asconf *out;
	u8 *buf;
	int ret;

	out = kunit_kzalloc(test, sizeof(*out), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);
	buf = dar_test_dup(test, v->buf, v->len);

	ret = sctp_dar_asconf_decode(buf, v->len, v->flags, out, &err);
	dar_check_case(test, v, ret, &err, out->n_req, out->n_unk, out->unk);
}

static void sctp_dar_asconf_ack_decode_crafted(struct kunit *test)
{
	const struct sctp_dar_vec_case *v = test->param_value;
	struct sctp_dar_codec_err err = { .offset = -1 };
	struct sctp_dar_asconf_ack *out;
	u8 *buf;
	int ret;

	out = kunit_kzalloc(test, sizeof(*out), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);
	buf = dar_test_dup(test, v->buf, v->len);

	ret = sctp_dar_asconf_ack_decode(buf, v->len, v->flags, out, &err);
	dar_check_case(test, v, ret, &err, out->n_res, out->n_unk, out->unk);
}

/* ---- behaviours --------------------------------------------------------- */

static void sctp_dar_asconf_decode_all_request_types(struct kunit *test)
{
	struct sctp_dar_asconf *out;

	out = kunit_kzalloc(test, sizeof(*out), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);

	KUNIT_ASSERT_EQ(test, sctp_dar_asconf_decode(sctp_dar_vec_all_requests,
						     sizeof(sctp_dar_vec_all_requests),
						     0, out, NULL), 0);
	KUNIT_EXPECT_EQ(test, out->serial, 0x01020304U);
	KUNIT_ASSERT_EQ(test, out->n_req, 4U);
	KUNIT_EXPECT_EQ(test, out->req[0].type, SCTP_DAR_PARAM_ADD_IP);
	KUNIT_EXPECT_EQ(test, out->req[0].crr_id, 7U);
	KUNIT_EXPECT_EQ(test, out->req[0].addr.family, AF_INET6);
	KUNIT_EXPECT_EQ(test, out->req[1].type, SCTP_DAR_PARAM_SET_PRIMARY);
	KUNIT_EXPECT_EQ(test, out->req[1].addr.family, AF_INET);
	KUNIT_EXPECT_EQ(test, out->req[1].addr.addr[3], 7);
	KUNIT_EXPECT_EQ(test, out->req[2].type, SCTP_DAR_PARAM_ADAPTATION);
	KUNIT_EXPECT_EQ(test, out->req[2].adaptation_ind, 0xdeadbeefU);
	KUNIT_EXPECT_EQ(test, out->req[3].type, SCTP_DAR_PARAM_DEL_IP);
	/* a repeated correlation ID is not an error */
	KUNIT_EXPECT_EQ(test, out->req[3].crr_id, 7U);
}

static void sctp_dar_asconf_decode_wildcard_address(struct kunit *test)
{
	struct sctp_dar_asconf *out;

	out = kunit_kzalloc(test, sizeof(*out), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);

	KUNIT_ASSERT_EQ(test, sctp_dar_asconf_decode(sctp_dar_vec_wildcard,
						     sizeof(sctp_dar_vec_wildcard),
						     0, out, NULL), 0);
	KUNIT_EXPECT_TRUE(test, sctp_dar_addr_is_any(&out->req[0].addr));
	KUNIT_EXPECT_FALSE(test, sctp_dar_addr_is_any(&out->lookup));
}

static void sctp_dar_asconf_decode_max_requests(struct kunit *test)
{
	struct sctp_dar_asconf *out;
	u8 *buf;

	out = kunit_kzalloc(test, sizeof(*out), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);
	buf = dar_test_dup(test, sctp_dar_vec_too_many_req,
			   SCTP_DAR_VEC_MAX_REQ_LEN);
	dar_test_put16(buf + 2, SCTP_DAR_VEC_MAX_REQ_LEN);

	KUNIT_ASSERT_EQ(test, sctp_dar_asconf_decode(buf, SCTP_DAR_VEC_MAX_REQ_LEN,
						     0, out, NULL), 0);
	KUNIT_EXPECT_EQ(test, out->n_req, SCTP_DAR_ASCONF_MAX_REQ);
	KUNIT_EXPECT_EQ(test, out->req[15].crr_id, 15U);
}

static void sctp_dar_asconf_decode_stop_keeps_prefix(struct kunit *test)
{
	struct sctp_dar_codec_err err;
	struct sctp_dar_asconf *out;

	out = kunit_kzalloc(test, sizeof(*out), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);

	KUNIT_ASSERT_EQ(test,
			sctp_dar_asconf_decode(sctp_dar_vec_unk_stop_report,
					       sizeof(sctp_dar_vec_unk_stop_report),
					       0, out, &err),
			SCTP_DAR_DECODE_STOPPED);
	KUNIT_EXPECT_EQ(test, out->n_req, 1U);
	KUNIT_EXPECT_EQ(test, out->req[0].crr_id, 0U);
	KUNIT_EXPECT_EQ(test, out->unk[0].action, SCTP_DAR_ACT_STOP_REPORT);
	KUNIT_EXPECT_EQ(test, out->unk[0].offset, 32U);
	KUNIT_EXPECT_EQ(test, out->unk[0].len, 8);
}

static void sctp_dar_asconf_ack_decode_two_causes(struct kunit *test)
{
	struct sctp_dar_asconf_ack *out;

	out = kunit_kzalloc(test, sizeof(*out), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);

	KUNIT_ASSERT_EQ(test,
			sctp_dar_asconf_ack_decode(sctp_dar_vec_ack_two_causes,
						   sizeof(sctp_dar_vec_ack_two_causes),
						   SCTP_DAR_DECODE_STRICT_PAD,
						   out, NULL), 0);
	KUNIT_EXPECT_EQ(test, out->res[0].crr_id, 3U);
	KUNIT_EXPECT_EQ(test, out->res[0].cause, SCTP_DAR_CAUSE_REFUSED);
	KUNIT_EXPECT_EQ(test, out->res[0].n_causes, 2);
	KUNIT_EXPECT_EQ(test, out->res[0].info_len, 1);
	KUNIT_EXPECT_EQ(test, out->res[0].info_off, 20U);
	KUNIT_EXPECT_PTR_EQ(test, out->res[0].info,
			    sctp_dar_vec_ack_two_causes + 20);
}

static void dar_fill_asconf(struct sctp_dar_asconf *in)
{
	static const u16 types[] = {
		SCTP_DAR_PARAM_ADD_IP, SCTP_DAR_PARAM_DEL_IP,
		SCTP_DAR_PARAM_SET_PRIMARY, SCTP_DAR_PARAM_ADAPTATION,
	};
	unsigned int i;

	memset(in, 0, sizeof(*in));
	in->serial = 0xfffffffe;
	in->chunk_flags = 0x5a;
	in->lookup.family = AF_INET6;
	in->lookup.addr[0] = 0xfe;
	in->lookup.addr[1] = 0x80;
	in->lookup.addr[15] = 1;
	in->n_req = SCTP_DAR_ASCONF_MAX_REQ;
	for (i = 0; i < in->n_req; i++) {
		struct sctp_dar_asconf_req *r = &in->req[i];

		r->type = types[i % ARRAY_SIZE(types)];
		if (r->type == SCTP_DAR_PARAM_ADAPTATION) {
			r->adaptation_ind = 0x10000 + i;
			continue;
		}
		r->crr_id = 0xabcd0000 + i;
		r->addr.family = i & 1 ? AF_INET : AF_INET6;
		r->addr.addr[0] = 10;
		r->addr.addr[3] = i;
	}
}

static void sctp_dar_asconf_encode_roundtrip(struct kunit *test)
{
	struct sctp_dar_asconf *in, *out;
	u8 *buf;
	int len;

	in = kunit_kzalloc(test, sizeof(*in), GFP_KERNEL);
	out = kunit_kzalloc(test, sizeof(*out), GFP_KERNEL);
	buf = kunit_kzalloc(test, DAR_TEST_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, in);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);

	dar_fill_asconf(in);
	len = sctp_dar_asconf_encode(in, buf, DAR_TEST_BUF);
	KUNIT_ASSERT_GT(test, len, 0);
	KUNIT_EXPECT_EQ(test, dar_test_get16(buf + 2), len);
	KUNIT_ASSERT_EQ(test, sctp_dar_asconf_decode(buf, len,
						     SCTP_DAR_DECODE_STRICT_PAD,
						     out, NULL), 0);
	KUNIT_EXPECT_TRUE(test, sctp_dar_vec_asconf_eq(in, out));
}

static void sctp_dar_asconf_encode_enospc_every_size(struct kunit *test)
{
	struct sctp_dar_asconf *in;
	int len, i;
	size_t l;
	u8 *buf;

	in = kunit_kzalloc(test, sizeof(*in), GFP_KERNEL);
	buf = kunit_kzalloc(test, DAR_TEST_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, in);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);

	dar_fill_asconf(in);
	len = sctp_dar_asconf_encode(in, buf, DAR_TEST_BUF);
	KUNIT_ASSERT_GT(test, len, 0);
	for (l = 0; l < (size_t)len; l++) {
		memset(buf, 0xa5, DAR_TEST_BUF);
		KUNIT_EXPECT_EQ(test, sctp_dar_asconf_encode(in, buf, l), -ENOSPC);
		for (i = 0; i < len && buf[i] == 0xa5; i++)
			;
		KUNIT_EXPECT_EQ_MSG(test, i, len, "buflen %zu wrote", l);
	}
}

static void sctp_dar_asconf_encode_rejects_bad_input(struct kunit *test)
{
	struct sctp_dar_asconf *in;
	u8 *buf;

	in = kunit_kzalloc(test, sizeof(*in), GFP_KERNEL);
	buf = kunit_kzalloc(test, DAR_TEST_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, in);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);

	dar_fill_asconf(in);
	in->lookup.family = AF_UNIX;
	KUNIT_EXPECT_EQ(test, sctp_dar_asconf_encode(in, buf, DAR_TEST_BUF), -EINVAL);
	dar_fill_asconf(in);
	in->req[0].addr.family = 0;
	KUNIT_EXPECT_EQ(test, sctp_dar_asconf_encode(in, buf, DAR_TEST_BUF), -EINVAL);
	dar_fill_asconf(in);
	in->req[1].type = SCTP_DAR_PARAM_SUCCESS;
	KUNIT_EXPECT_EQ(test, sctp_dar_asconf_encode(in, buf, DAR_TEST_BUF), -EINVAL);
	dar_fill_asconf(in);
	in->n_req = SCTP_DAR_ASCONF_MAX_REQ + 1;
	KUNIT_EXPECT_EQ(test, sctp_dar_asconf_encode(in, buf, DAR_TEST_BUF), -EINVAL);
}

static const u8 dar_info5[] = { 1, 2, 3, 4, 5 };

static void dar_fill_ack(struct sctp_dar_asconf_ack *in)
{
	memset(in, 0, sizeof(*in));
	in->serial = 0x80000000;
	in->n_res = 3;
	in->res[0].type = SCTP_DAR_PARAM_SUCCESS;
	in->res[0].crr_id = 4;
	in->res[1].type = SCTP_DAR_PARAM_ADAPTATION;
	in->res[1].adaptation_ind = 0xcafe;
	in->res[2].type = SCTP_DAR_PARAM_ERR_CAUSE;
	in->res[2].crr_id = 5;
	in->res[2].cause = SCTP_DAR_CAUSE_RSRC_LOW;
	in->res[2].info = dar_info5;
	in->res[2].info_len = sizeof(dar_info5);
}

static void sctp_dar_asconf_ack_encode_roundtrip_pads_zero(struct kunit *test)
{
	struct sctp_dar_asconf_ack *in, *out;
	u8 *buf;
	int len;

	in = kunit_kzalloc(test, sizeof(*in), GFP_KERNEL);
	out = kunit_kzalloc(test, sizeof(*out), GFP_KERNEL);
	buf = kunit_kmalloc(test, DAR_TEST_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, in);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);

	dar_fill_ack(in);
	memset(buf, 0xff, DAR_TEST_BUF);
	len = sctp_dar_asconf_ack_encode(in, buf, DAR_TEST_BUF);
	/* 8 + 8 + 8 + (8 + 4 + 5 = 17): chunk length 41, 44 bytes written */
	KUNIT_ASSERT_EQ(test, len, 44);
	KUNIT_EXPECT_EQ(test, dar_test_get16(buf + 2), 41);
	KUNIT_EXPECT_EQ(test, dar_test_get16(buf + 26), 17);
	KUNIT_EXPECT_EQ(test, buf[41] | buf[42] | buf[43], 0);
	KUNIT_EXPECT_EQ(test, buf[44], 0xff);
	KUNIT_ASSERT_EQ(test, sctp_dar_asconf_ack_decode(buf, len,
							 SCTP_DAR_DECODE_STRICT_PAD,
							 out, NULL), 0);
	KUNIT_EXPECT_TRUE(test, sctp_dar_vec_ack_eq(in, out, false));
	KUNIT_EXPECT_EQ(test, out->res[2].info_off, 36U);
	/* the chunk without its final padding decodes too */
	KUNIT_EXPECT_EQ(test, sctp_dar_asconf_ack_decode(buf, 41,
							 SCTP_DAR_DECODE_STRICT_PAD,
							 out, NULL), 0);
}

static void sctp_dar_asconf_ack_encode_rejects_bad_input(struct kunit *test)
{
	struct sctp_dar_asconf_ack *in;
	size_t l;
	u8 *buf;

	in = kunit_kzalloc(test, sizeof(*in), GFP_KERNEL);
	buf = kunit_kzalloc(test, DAR_TEST_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, in);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);

	dar_fill_ack(in);
	for (l = 0; l < 44; l++)
		KUNIT_EXPECT_EQ(test, sctp_dar_asconf_ack_encode(in, buf, l), -ENOSPC);
	in->res[2].info = NULL;
	KUNIT_EXPECT_EQ(test, sctp_dar_asconf_ack_encode(in, buf, DAR_TEST_BUF), -EINVAL);
	dar_fill_ack(in);
	in->res[2].info_len = 65535 - 11;
	KUNIT_EXPECT_EQ(test, sctp_dar_asconf_ack_encode(in, buf, DAR_TEST_BUF), -EINVAL);
	dar_fill_ack(in);
	in->res[0].type = SCTP_DAR_PARAM_ADD_IP;
	KUNIT_EXPECT_EQ(test, sctp_dar_asconf_ack_encode(in, buf, DAR_TEST_BUF), -EINVAL);
	dar_fill_ack(in);
	in->n_res = SCTP_DAR_ASCONF_MAX_RES + 1;
	KUNIT_EXPECT_EQ(test, sctp_dar_asconf_ack_encode(in, buf, DAR_TEST_BUF), -EINVAL);
}

static void sctp_dar_asconf_ack_encode_all_success(struct kunit *test)
{
	struct sctp_dar_asconf_ack *in;
	u8 buf[8];

	in = kunit_kzalloc(test, sizeof(*in), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, in);
	in->serial = 0x1f2e3d4c;

	KUNIT_ASSERT_EQ(test, sctp_dar_asconf_ack_encode(in, buf, sizeof(buf)), 8);
	KUNIT_EXPECT_EQ(test, memcmp(buf, sctp_dar_vec_linux_ack_ok, 8), 0);
}

static void sctp_dar_addr_param_decode_lengths(struct kunit *test)
{
	static const u8 v6[] = { 0, 6, 0, 20, 0x20, 1, 0xd, 0xb8, 0, 0, 0, 0,
				 0, 0, 0, 0, 0, 0, 0, 9, 0xee };
	static const u8 v4[] = { 0, 5, 0, 8, 192, 0, 2, 1 };
	static const u8 host[] = { 0, 11, 0, 8, 'a', 'b', 'c', 0 };
	struct sctp_dar_addr a;
	u8 *buf;

	buf = dar_test_dup(test, v6, sizeof(v6));
	KUNIT_EXPECT_EQ(test, sctp_dar_addr_param_decode(buf, sizeof(v6), &a), 20);
	KUNIT_EXPECT_EQ(test, a.family, AF_INET6);
	KUNIT_EXPECT_EQ(test, a.addr[15], 9);
	KUNIT_EXPECT_EQ(test, sctp_dar_addr_param_decode(buf, 19, &a), -EINVAL);

	buf = dar_test_dup(test, v4, sizeof(v4));
	KUNIT_EXPECT_EQ(test, sctp_dar_addr_param_decode(buf, sizeof(v4), &a), 8);
	KUNIT_EXPECT_EQ(test, a.family, AF_INET);
	KUNIT_EXPECT_EQ(test, a.addr[3], 1);
	KUNIT_EXPECT_EQ(test, a.addr[4], 0);
	KUNIT_EXPECT_EQ(test, sctp_dar_addr_param_decode(buf, 3, &a), -EINVAL);
	buf[3] = 9;
	KUNIT_EXPECT_EQ(test, sctp_dar_addr_param_decode(buf, sizeof(v4), &a), -EINVAL);

	KUNIT_EXPECT_EQ(test, sctp_dar_addr_param_decode(host, sizeof(host), &a), -EINVAL);
	KUNIT_EXPECT_EQ(test, sctp_dar_addr_param_decode(NULL, 0, &a), -EINVAL);
}

static void sctp_dar_addr_param_encode_roundtrip(struct kunit *test)
{
	struct sctp_dar_addr a = { AF_INET, { 192, 0, 2, 10 } }, b;
	u8 buf[20];

	KUNIT_EXPECT_EQ(test, sctp_dar_addr_param_encode(&a, buf, 7), -ENOSPC);
	KUNIT_ASSERT_EQ(test, sctp_dar_addr_param_encode(&a, buf, 8), 8);
	KUNIT_EXPECT_EQ(test, memcmp(buf, sctp_dar_vec_linux_add_ip_v4 + 8, 8), 0);
	KUNIT_ASSERT_EQ(test, sctp_dar_addr_param_decode(buf, 8, &b), 8);
	KUNIT_EXPECT_TRUE(test, sctp_dar_addr_equal(&a, &b));
	a.family = AF_INET6;
	KUNIT_EXPECT_EQ(test, sctp_dar_addr_param_encode(&a, buf, 19), -ENOSPC);
	KUNIT_EXPECT_EQ(test, sctp_dar_addr_param_encode(&a, buf, 20), 20);
	KUNIT_EXPECT_FALSE(test, sctp_dar_addr_equal(&a, &b));
	a.family = AF_UNIX;
	KUNIT_EXPECT_EQ(test, sctp_dar_addr_param_encode(&a, buf, 20), -EINVAL);
	KUNIT_EXPECT_FALSE(test, sctp_dar_addr_equal(&a, &a));
	KUNIT_EXPECT_FALSE(test, sctp_dar_addr_is_any(&a));
}

static void sctp_dar_addr_equal_ignores_unused_bytes(struct kunit *test)
{
	struct sctp_dar_addr a = { AF_INET, { 192, 0, 2, 10 } };
	struct sctp_dar_addr b = a;

	b.addr[15] = 1;
	KUNIT_EXPECT_TRUE(test, sctp_dar_addr_equal(&a, &b));
	b.addr[3] = 11;
	KUNIT_EXPECT_FALSE(test, sctp_dar_addr_equal(&a, &b));
}

static void sctp_dar_serial_lt_wraparound(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, sctp_dar_serial_lt(0xffffffff, 0));
	KUNIT_EXPECT_TRUE(test, sctp_dar_serial_gt(0, 0xffffffff));
	KUNIT_EXPECT_FALSE(test, sctp_dar_serial_lt(0, 0xffffffff));
	KUNIT_EXPECT_TRUE(test, sctp_dar_serial_lt(0x7fffffff, 0x80000000));
	KUNIT_EXPECT_TRUE(test, sctp_dar_serial_gt(0x80000000, 0x7fffffff));
	KUNIT_EXPECT_TRUE(test, sctp_dar_serial_lt(0, 0x7fffffff));
	KUNIT_EXPECT_TRUE(test, sctp_dar_serial_lt(0x80000001, 0));
	KUNIT_EXPECT_TRUE(test, sctp_dar_serial_le(5, 5));
	KUNIT_EXPECT_TRUE(test, sctp_dar_serial_ge(5, 5));
	KUNIT_EXPECT_FALSE(test, sctp_dar_serial_lt(5, 5));
	KUNIT_EXPECT_FALSE(test, sctp_dar_serial_gt(5, 5));
	KUNIT_EXPECT_TRUE(test, sctp_dar_serial_le(0xfffffff0, 0x10));
	KUNIT_EXPECT_TRUE(test, sctp_dar_serial_ge(0x10, 0xfffffff0));
}

/* RFC 1982 leaves a pair 2^31 apart undefined: neither side is newer. */
static void sctp_dar_serial_lt_half_range_incomparable(struct kunit *test)
{
	static const u32 pairs[][2] = {
		{ 0, 0x80000000 }, { 0x7fffffff, 0xffffffff },
		{ 0xc0000000, 0x40000000 },
	};
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(pairs); i++) {
		for (j = 0; j < 2; j++) {
			u32 a = pairs[i][j], b = pairs[i][!j];

			KUNIT_EXPECT_FALSE(test, sctp_dar_serial_lt(a, b));
			KUNIT_EXPECT_FALSE(test, sctp_dar_serial_gt(a, b));
			KUNIT_EXPECT_FALSE(test, sctp_dar_serial_le(a, b));
			KUNIT_EXPECT_FALSE(test, sctp_dar_serial_ge(a, b));
		}
	}
}

static void sctp_dar_serial_in_window_wraps(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, sctp_dar_serial_in_window(0xfffffffe, 0xfffffffe, 4));
	KUNIT_EXPECT_TRUE(test, sctp_dar_serial_in_window(1, 0xfffffffe, 4));
	KUNIT_EXPECT_FALSE(test, sctp_dar_serial_in_window(2, 0xfffffffe, 4));
	KUNIT_EXPECT_FALSE(test, sctp_dar_serial_in_window(0xfffffffd, 0xfffffffe, 4));
	KUNIT_EXPECT_FALSE(test, sctp_dar_serial_in_window(7, 7, 0));
}

static void sctp_dar_param_action_high_bits(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, sctp_dar_param_action(0x0123), SCTP_DAR_ACT_STOP);
	KUNIT_EXPECT_EQ(test, sctp_dar_param_action(0x4123), SCTP_DAR_ACT_STOP_REPORT);
	KUNIT_EXPECT_EQ(test, sctp_dar_param_action(0x8123), SCTP_DAR_ACT_SKIP);
	KUNIT_EXPECT_EQ(test, sctp_dar_param_action(0xC123), SCTP_DAR_ACT_SKIP_REPORT);
	KUNIT_EXPECT_EQ(test, sctp_dar_param_action(SCTP_DAR_PARAM_ADD_IP),
			SCTP_DAR_ACT_SKIP_REPORT);
}

static struct kunit_case sctp_dar_asconf_codec_cases[] = {
	KUNIT_CASE_PARAM(sctp_dar_asconf_decode_linux_golden, dar_golden_asconf_gen),
	KUNIT_CASE_PARAM(sctp_dar_asconf_ack_decode_linux_golden, dar_golden_ack_gen),
	KUNIT_CASE_PARAM(sctp_dar_asconf_encode_reproduces_golden, dar_golden_asconf_gen),
	KUNIT_CASE_PARAM(sctp_dar_asconf_ack_encode_reproduces_golden, dar_golden_ack_gen),
	KUNIT_CASE_PARAM(sctp_dar_asconf_decode_truncated_golden, dar_golden_asconf_gen),
	KUNIT_CASE_PARAM(sctp_dar_asconf_ack_decode_truncated_golden, dar_golden_ack_gen),
	KUNIT_CASE_PARAM(sctp_dar_asconf_decode_crafted, dar_case_asconf_gen),
	KUNIT_CASE_PARAM(sctp_dar_asconf_ack_decode_crafted, dar_case_ack_gen),
	KUNIT_CASE(sctp_dar_asconf_decode_all_request_types),
	KUNIT_CASE(sctp_dar_asconf_decode_wildcard_address),
	KUNIT_CASE(sctp_dar_asconf_decode_max_requests),
	KUNIT_CASE(sctp_dar_asconf_decode_stop_keeps_prefix),
	KUNIT_CASE(sctp_dar_asconf_ack_decode_two_causes),
	KUNIT_CASE(sctp_dar_asconf_encode_roundtrip),
	KUNIT_CASE(sctp_dar_asconf_encode_enospc_every_size),
	KUNIT_CASE(sctp_dar_asconf_encode_rejects_bad_input),
	KUNIT_CASE(sctp_dar_asconf_ack_encode_roundtrip_pads_zero),
	KUNIT_CASE(sctp_dar_asconf_ack_encode_rejects_bad_input),
	KUNIT_CASE(sctp_dar_asconf_ack_encode_all_success),
	KUNIT_CASE(sctp_dar_addr_param_decode_lengths),
	KUNIT_CASE(sctp_dar_addr_param_encode_roundtrip),
	KUNIT_CASE(sctp_dar_addr_equal_ignores_unused_bytes),
	KUNIT_CASE(sctp_dar_serial_lt_wraparound),
	KUNIT_CASE(sctp_dar_serial_lt_half_range_incomparable),
	KUNIT_CASE(sctp_dar_serial_in_window_wraps),
	KUNIT_CASE(sctp_dar_param_action_high_bits),
	{}
};

static struct kunit_suite sctp_dar_asconf_codec_suite = {
	.name = "sctp_dar_asconf_codec",
	.test_cases = sctp_dar_asconf_codec_cases,
};

kunit_test_suite(sctp_dar_asconf_codec_suite);
