// SPDX-License-Identifier: GPL-2.0
/*
 * asconf_codec_unit.c - host-side TAP test of src/asconf_codec.c.
 *
 * The same behaviours as the KUnit suite sctp_dar_asconf_codec, on the
 * same vectors (asconf_vectors.h), built with ASan/UBSan: every decode
 * gets a heap buffer of exactly the size it is told, so any read past it
 * aborts the run.
 *
 * Output is TAP 13; the exit status is 1 if any test failed.
 */
#include <stdio.h>
#include <stdlib.h>

#include "asconf_codec.h"
#include "asconf_vectors.h"

static int dar_failed;		/* failed checks in the current test */
static int dar_test_no;		/* TAP test number */
static int dar_tests_failed;	/* failed tests so far */

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		printf("# %s:%d: %s\n", __FILE__, __LINE__, #cond);	\
		dar_failed++;						\
	}								\
} while (0)

#define CHECK_EQ(a, b) do {						\
	long long _a = (long long)(a), _b = (long long)(b);		\
	if (_a != _b) {							\
		printf("# %s:%d: %s == %s: %lld != %lld\n",		\
		       __FILE__, __LINE__, #a, #b, _a, _b);		\
		dar_failed++;						\
	}								\
} while (0)

static void dar_report(const char *name, const char *arg)
{
	dar_test_no++;
	printf("%s %d - %s%s%s\n", dar_failed ? "not ok" : "ok", dar_test_no,
	       name, arg ? " " : "", arg ? arg : "");
	if (dar_failed)
		dar_tests_failed++;
	dar_failed = 0;
}

/* A heap copy of exactly @len bytes, so ASan sees any overread. */
static u8 *dar_dup(const void *src, size_t len)
{
	u8 *p = malloc(len ? len : 1);

	if (!p) {
		perror("malloc");
		exit(2);
	}
	if (len)
		memcpy(p, src, len);
	return p;
}

static void dar_put16(u8 *p, u16 v)
{
	put_unaligned_be16(v, p);
}

/* ---- goldens --------------------------------------------------------- */

static void golden_decode(const struct sctp_dar_vec_golden *g)
{
	struct sctp_dar_codec_err err = { 0 };
	u8 *buf = dar_dup(g->buf, g->len);
	int ret;

	if (g->asconf) {
		struct sctp_dar_asconf out;

		ret = sctp_dar_asconf_decode(buf, g->len,
					     SCTP_DAR_DECODE_STRICT_PAD, &out, &err);
		CHECK_EQ(ret, 0);
		CHECK(sctp_dar_vec_asconf_eq(&out, g->asconf));
		CHECK_EQ(out.n_unk, 0);
	} else {
		struct sctp_dar_asconf_ack out;

		ret = sctp_dar_asconf_ack_decode(buf, g->len,
						 SCTP_DAR_DECODE_STRICT_PAD,
						 &out, &err);
		CHECK_EQ(ret, 0);
		/* info pointers differ (copy vs. vector), contents must not */
		CHECK(sctp_dar_vec_ack_eq(&out, g->ack, true));
		CHECK_EQ(out.n_unk, 0);
	}
	if (ret)
		printf("# offset %d: %s\n", err.offset, err.msg);
	free(buf);
}

/* Decode @len bytes of @buf; on success re-encode into @enc. */
static int dar_decode_encode(const struct sctp_dar_vec_golden *g, const u8 *buf,
			     size_t len, u8 *enc, size_t enclen,
			     unsigned int *n, int *enc_ret)
{
	static struct sctp_dar_asconf_ack ack;
	static struct sctp_dar_asconf asc;
	int ret;

	if (g->asconf) {
		ret = sctp_dar_asconf_decode(buf, len, SCTP_DAR_DECODE_STRICT_PAD,
					     &asc, NULL);
		*n = asc.n_req;
		if (!ret)
			*enc_ret = sctp_dar_asconf_encode(&asc, enc, enclen);
	} else {
		ret = sctp_dar_asconf_ack_decode(buf, len,
						 SCTP_DAR_DECODE_STRICT_PAD,
						 &ack, NULL);
		*n = ack.n_res;
		if (!ret)
			*enc_ret = sctp_dar_asconf_ack_encode(&ack, enc, enclen);
	}
	return ret;
}

static void golden_reencode(const struct sctp_dar_vec_golden *g)
{
	u8 enc[1024];
	unsigned int n;
	int ret, enc_ret = -1;

	ret = dar_decode_encode(g, g->buf, g->len, enc, sizeof(enc), &n,
				&enc_ret);
	CHECK_EQ(ret, 0);
	CHECK_EQ(enc_ret, g->len);
	CHECK(enc_ret == (int)g->len && !memcmp(enc, g->buf, g->len));
}

/*
 * Every prefix of a golden: as is (length field too big) it must fail;
 * with the length field cut to the prefix it must fail or be a shorter
 * chunk of whole parameters, which re-encodes to exactly the prefix.
 */
static void golden_truncate(const struct sctp_dar_vec_golden *g)
{
	unsigned int full_n = g->asconf ? g->asconf->n_req : g->ack->n_res;
	unsigned int n;
	size_t l;

	for (l = 0; l < g->len; l++) {
		u8 *buf = dar_dup(g->buf, l);
		u8 enc[1024];
		int ret, enc_ret = -1;

		ret = dar_decode_encode(g, buf, l, enc, sizeof(enc), &n,
					&enc_ret);
		if (ret >= 0) {
			printf("# raw prefix %zu decoded\n", l);
			dar_failed++;
		}
		if (l >= 8) {
			dar_put16(buf + 2, l);
			ret = dar_decode_encode(g, buf, l, enc, sizeof(enc), &n,
						&enc_ret);
			if (ret > 0 || (!ret && (n >= full_n || enc_ret != (int)l ||
						 memcmp(enc, buf, l)))) {
				printf("# cut prefix %zu: ret %d n %u enc %d\n",
				       l, ret, n, enc_ret);
				dar_failed++;
			}
		}
		free(buf);
	}
}

/* ---- crafted cases ---------------------------------------------------- */

static void vec_case(const struct sctp_dar_vec_case *v)
{
	struct sctp_dar_codec_err err = { .offset = -1 };
	static struct sctp_dar_asconf_ack ack;
	static struct sctp_dar_asconf asc;
	const struct sctp_dar_unk_param *unk;
	u8 *buf = dar_dup(v->buf, v->len);
	unsigned int n, n_unk;
	int ret;

	if (v->is_ack) {
		ret = sctp_dar_asconf_ack_decode(buf, v->len, v->flags, &ack,
						 &err);
		n = ack.n_res;
		n_unk = ack.n_unk;
		unk = ack.unk;
	} else {
		ret = sctp_dar_asconf_decode(buf, v->len, v->flags, &asc, &err);
		n = asc.n_req;
		n_unk = asc.n_unk;
		unk = asc.unk;
	}
	CHECK_EQ(ret, v->ret);
	if (ret) {
		CHECK_EQ(err.offset, v->offset);
		CHECK(err.msg);
		if (err.msg)
			printf("# offset %d: %s\n", err.offset, err.msg);
	} else {
		CHECK(!err.msg);
	}
	if (v->ret >= 0) {
		CHECK_EQ(n, v->n);
		CHECK_EQ(n_unk, v->n_unk);
	}
	/* Each recorded unknown names its own type's action and bytes. */
	if (v->ret >= 0 && n_unk) {
		u16 type = get_unaligned_be16(v->buf + unk[0].offset);

		CHECK_EQ(unk[0].type, type);
		CHECK_EQ(unk[0].action, type >> 14);
		CHECK_EQ(unk[0].len,
			 get_unaligned_be16(v->buf + unk[0].offset + 2));
	}
	free(buf);
}

/* ---- behaviours -------------------------------------------------------- */

static void asconf_decode_all_requests_fields(void)
{
	struct sctp_dar_asconf out;
	int ret;

	ret = sctp_dar_asconf_decode(sctp_dar_vec_all_requests,
				     sizeof(sctp_dar_vec_all_requests), 0, &out,
				     NULL);
	CHECK_EQ(ret, 0);
	CHECK_EQ(out.serial, 0x01020304);
	CHECK_EQ(out.n_req, 4);
	CHECK_EQ(out.req[0].type, SCTP_DAR_PARAM_ADD_IP);
	CHECK_EQ(out.req[0].crr_id, 7);
	CHECK_EQ(out.req[0].addr.family, AF_INET6);
	CHECK_EQ(out.req[1].type, SCTP_DAR_PARAM_SET_PRIMARY);
	CHECK_EQ(out.req[1].addr.addr[3], 7);
	CHECK_EQ(out.req[2].type, SCTP_DAR_PARAM_ADAPTATION);
	CHECK_EQ(out.req[2].adaptation_ind, 0xdeadbeef);
	CHECK_EQ(out.req[3].type, SCTP_DAR_PARAM_DEL_IP);
	CHECK_EQ(out.req[3].crr_id, 7);	/* duplicate ID: accepted */
}

static void asconf_decode_wildcard_is_any(void)
{
	struct sctp_dar_asconf out;

	CHECK_EQ(sctp_dar_asconf_decode(sctp_dar_vec_wildcard,
					sizeof(sctp_dar_vec_wildcard), 0, &out,
					NULL), 0);
	CHECK(sctp_dar_addr_is_any(&out.req[0].addr));
	CHECK(!sctp_dar_addr_is_any(&out.lookup));
}

static void asconf_decode_max_requests(void)
{
	struct sctp_dar_asconf out;
	u8 *buf = dar_dup(sctp_dar_vec_too_many_req, SCTP_DAR_VEC_MAX_REQ_LEN);

	dar_put16(buf + 2, SCTP_DAR_VEC_MAX_REQ_LEN);
	CHECK_EQ(sctp_dar_asconf_decode(buf, SCTP_DAR_VEC_MAX_REQ_LEN, 0, &out,
					NULL), 0);
	CHECK_EQ(out.n_req, SCTP_DAR_ASCONF_MAX_REQ);
	CHECK_EQ(out.req[15].crr_id, 15);
	free(buf);
}

static void asconf_decode_stop_keeps_prefix(void)
{
	struct sctp_dar_codec_err err;
	struct sctp_dar_asconf out;

	CHECK_EQ(sctp_dar_asconf_decode(sctp_dar_vec_unk_stop_report,
					sizeof(sctp_dar_vec_unk_stop_report), 0,
					&out, &err), SCTP_DAR_DECODE_STOPPED);
	CHECK_EQ(out.n_req, 1);
	CHECK_EQ(out.req[0].crr_id, 0);
	CHECK_EQ(out.unk[0].action, SCTP_DAR_ACT_STOP_REPORT);
	CHECK_EQ(out.unk[0].offset, 32);
	CHECK_EQ(out.unk[0].len, 8);
}

static void asconf_ack_decode_two_causes(void)
{
	struct sctp_dar_asconf_ack out;

	CHECK_EQ(sctp_dar_asconf_ack_decode(sctp_dar_vec_ack_two_causes,
					    sizeof(sctp_dar_vec_ack_two_causes),
					    SCTP_DAR_DECODE_STRICT_PAD, &out,
					    NULL), 0);
	CHECK_EQ(out.res[0].crr_id, 3);
	CHECK_EQ(out.res[0].cause, SCTP_DAR_CAUSE_REFUSED);
	CHECK_EQ(out.res[0].n_causes, 2);
	CHECK_EQ(out.res[0].info_len, 1);
	CHECK_EQ(out.res[0].info_off, 20);
	CHECK(out.res[0].info == sctp_dar_vec_ack_two_causes + 20);
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

static void asconf_encode_roundtrip(void)
{
	struct sctp_dar_asconf in, out;
	u8 buf[1024];
	int len;

	dar_fill_asconf(&in);
	len = sctp_dar_asconf_encode(&in, buf, sizeof(buf));
	CHECK(len > 0);
	CHECK_EQ(get_unaligned_be16(buf + 2), len);
	CHECK_EQ(sctp_dar_asconf_decode(buf, len, SCTP_DAR_DECODE_STRICT_PAD,
					&out, NULL), 0);
	CHECK(sctp_dar_vec_asconf_eq(&in, &out));
}

static void asconf_encode_enospc_every_size(void)
{
	struct sctp_dar_asconf in;
	u8 buf[1024];
	int len, i;
	size_t l;

	dar_fill_asconf(&in);
	len = sctp_dar_asconf_encode(&in, buf, sizeof(buf));
	CHECK(len > 0);
	for (l = 0; l < (size_t)len; l++) {
		memset(buf, 0xa5, sizeof(buf));
		CHECK_EQ(sctp_dar_asconf_encode(&in, buf, l), -ENOSPC);
		for (i = 0; i < len; i++)
			if (buf[i] != 0xa5)
				break;
		CHECK_EQ(i, len);	/* nothing written */
	}
}

static void asconf_encode_rejects_bad_input(void)
{
	struct sctp_dar_asconf in;
	u8 buf[1024];

	dar_fill_asconf(&in);
	in.lookup.family = AF_UNIX;
	CHECK_EQ(sctp_dar_asconf_encode(&in, buf, sizeof(buf)), -EINVAL);
	dar_fill_asconf(&in);
	in.req[0].addr.family = 0;
	CHECK_EQ(sctp_dar_asconf_encode(&in, buf, sizeof(buf)), -EINVAL);
	dar_fill_asconf(&in);
	in.req[1].type = SCTP_DAR_PARAM_SUCCESS;
	CHECK_EQ(sctp_dar_asconf_encode(&in, buf, sizeof(buf)), -EINVAL);
	dar_fill_asconf(&in);
	in.n_req = SCTP_DAR_ASCONF_MAX_REQ + 1;
	CHECK_EQ(sctp_dar_asconf_encode(&in, buf, sizeof(buf)), -EINVAL);
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

static void asconf_ack_encode_roundtrip_pads_zero(void)
{
	struct sctp_dar_asconf_ack in, out;
	u8 buf[256];
	int len;

	dar_fill_ack(&in);
	memset(buf, 0xff, sizeof(buf));
	len = sctp_dar_asconf_ack_encode(&in, buf, sizeof(buf));
	/* 8 + 8 + 8 + (8 + 4 + 5 = 17): chunk length 41, written 44 */
	CHECK_EQ(len, 44);
	CHECK_EQ(get_unaligned_be16(buf + 2), 41);
	CHECK_EQ(get_unaligned_be16(buf + 26), 17);
	CHECK(buf[41] == 0 && buf[42] == 0 && buf[43] == 0);
	CHECK_EQ(buf[44], 0xff);
	CHECK_EQ(sctp_dar_asconf_ack_decode(buf, len,
					    SCTP_DAR_DECODE_STRICT_PAD, &out,
					    NULL), 0);
	CHECK(sctp_dar_vec_ack_eq(&in, &out, false));
	CHECK_EQ(out.res[2].info_off, 36);
	/* the chunk alone, without its final padding, decodes too */
	CHECK_EQ(sctp_dar_asconf_ack_decode(buf, 41,
					    SCTP_DAR_DECODE_STRICT_PAD, &out,
					    NULL), 0);
}

static void asconf_ack_encode_rejects_bad_input(void)
{
	struct sctp_dar_asconf_ack in;
	u8 buf[256];
	size_t l;

	dar_fill_ack(&in);
	for (l = 0; l < 44; l++)
		CHECK_EQ(sctp_dar_asconf_ack_encode(&in, buf, l), -ENOSPC);
	in.res[2].info = NULL;
	CHECK_EQ(sctp_dar_asconf_ack_encode(&in, buf, sizeof(buf)), -EINVAL);
	dar_fill_ack(&in);
	in.res[2].info_len = 65535 - 11;
	CHECK_EQ(sctp_dar_asconf_ack_encode(&in, buf, sizeof(buf)), -EINVAL);
	dar_fill_ack(&in);
	in.res[0].type = SCTP_DAR_PARAM_ADD_IP;
	CHECK_EQ(sctp_dar_asconf_ack_encode(&in, buf, sizeof(buf)), -EINVAL);
	dar_fill_ack(&in);
	in.n_res = SCTP_DAR_ASCONF_MAX_RES + 1;
	CHECK_EQ(sctp_dar_asconf_ack_encode(&in, buf, sizeof(buf)), -EINVAL);
}

static void asconf_ack_encode_empty(void)
{
	struct sctp_dar_asconf_ack in = { .serial = 0x1f2e3d4c };
	u8 buf[8];

	CHECK_EQ(sctp_dar_asconf_ack_encode(&in, buf, sizeof(buf)), 8);
	CHECK(!memcmp(buf, sctp_dar_vec_linux_ack_ok, 8));
}

static void addr_param_decode_cases(void)
{
	static const u8 v6[] = { 0, 6, 0, 20, 0x20, 1, 0xd, 0xb8, 0, 0, 0, 0,
				 0, 0, 0, 0, 0, 0, 0, 9, 0xee };
	static const u8 v4[] = { 0, 5, 0, 8, 192, 0, 2, 1 };
	static const u8 host[] = { 0, 11, 0, 8, 'a', 'b', 'c', 0 };
	struct sctp_dar_addr a;
	u8 *buf;

	buf = dar_dup(v6, sizeof(v6));
	CHECK_EQ(sctp_dar_addr_param_decode(buf, sizeof(v6), &a), 20);
	CHECK_EQ(a.family, AF_INET6);
	CHECK_EQ(a.addr[15], 9);
	CHECK_EQ(sctp_dar_addr_param_decode(buf, 19, &a), -EINVAL);
	free(buf);

	buf = dar_dup(v4, sizeof(v4));
	CHECK_EQ(sctp_dar_addr_param_decode(buf, sizeof(v4), &a), 8);
	CHECK_EQ(a.family, AF_INET);
	CHECK_EQ(a.addr[3], 1);
	CHECK_EQ(a.addr[4], 0);
	CHECK_EQ(sctp_dar_addr_param_decode(buf, 3, &a), -EINVAL);
	buf[3] = 9;
	CHECK_EQ(sctp_dar_addr_param_decode(buf, sizeof(v4), &a), -EINVAL);
	free(buf);

	CHECK_EQ(sctp_dar_addr_param_decode(host, sizeof(host), &a), -EINVAL);
	CHECK_EQ(sctp_dar_addr_param_decode(NULL, 0, &a), -EINVAL);
}

static void addr_param_encode_cases(void)
{
	struct sctp_dar_addr a = { AF_INET, { 192, 0, 2, 10 } }, b;
	u8 buf[20];

	CHECK_EQ(sctp_dar_addr_param_encode(&a, buf, 7), -ENOSPC);
	CHECK_EQ(sctp_dar_addr_param_encode(&a, buf, 8), 8);
	CHECK(!memcmp(buf, sctp_dar_vec_linux_add_ip_v4 + 8, 8));
	CHECK_EQ(sctp_dar_addr_param_decode(buf, 8, &b), 8);
	CHECK(sctp_dar_addr_equal(&a, &b));
	a.family = AF_INET6;
	CHECK_EQ(sctp_dar_addr_param_encode(&a, buf, 19), -ENOSPC);
	CHECK_EQ(sctp_dar_addr_param_encode(&a, buf, 20), 20);
	CHECK(!sctp_dar_addr_equal(&a, &b));
	a.family = AF_UNIX;
	CHECK_EQ(sctp_dar_addr_param_encode(&a, buf, 20), -EINVAL);
	CHECK(!sctp_dar_addr_equal(&a, &a));
	CHECK(!sctp_dar_addr_is_any(&a));
}

static void addr_equal_ignores_unused_bytes(void)
{
	struct sctp_dar_addr a = { AF_INET, { 192, 0, 2, 10 } };
	struct sctp_dar_addr b = a;

	b.addr[15] = 1;
	CHECK(sctp_dar_addr_equal(&a, &b));
	b.addr[3] = 11;
	CHECK(!sctp_dar_addr_equal(&a, &b));
}

static void serial_wraparound(void)
{
	CHECK(sctp_dar_serial_lt(0xffffffff, 0));
	CHECK(sctp_dar_serial_gt(0, 0xffffffff));
	CHECK(!sctp_dar_serial_lt(0, 0xffffffff));
	CHECK(sctp_dar_serial_lt(0x7fffffff, 0x80000000));
	CHECK(sctp_dar_serial_gt(0x80000000, 0x7fffffff));
	CHECK(sctp_dar_serial_lt(0, 0x7fffffff));
	CHECK(sctp_dar_serial_lt(0x80000001, 0));
	CHECK(sctp_dar_serial_le(5, 5));
	CHECK(sctp_dar_serial_ge(5, 5));
	CHECK(!sctp_dar_serial_lt(5, 5));
	CHECK(!sctp_dar_serial_gt(5, 5));
	CHECK(sctp_dar_serial_le(0xfffffff0, 0x10));
	CHECK(sctp_dar_serial_ge(0x10, 0xfffffff0));
}

static void serial_half_range_incomparable(void)
{
	static const u32 pairs[][2] = {
		{ 0, 0x80000000 }, { 0x7fffffff, 0xffffffff },
		{ 0xc0000000, 0x40000000 },
	};
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(pairs); i++) {
		for (j = 0; j < 2; j++) {
			u32 a = pairs[i][j], b = pairs[i][!j];

			CHECK(!sctp_dar_serial_lt(a, b));
			CHECK(!sctp_dar_serial_gt(a, b));
			CHECK(!sctp_dar_serial_le(a, b));
			CHECK(!sctp_dar_serial_ge(a, b));
		}
	}
}

static void serial_in_window_wraps(void)
{
	CHECK(sctp_dar_serial_in_window(0xfffffffe, 0xfffffffe, 4));
	CHECK(sctp_dar_serial_in_window(1, 0xfffffffe, 4));
	CHECK(!sctp_dar_serial_in_window(2, 0xfffffffe, 4));
	CHECK(!sctp_dar_serial_in_window(0xfffffffd, 0xfffffffe, 4));
	CHECK(!sctp_dar_serial_in_window(7, 7, 0));
}

static void param_action_bits(void)
{
	CHECK_EQ(sctp_dar_param_action(0x0123), SCTP_DAR_ACT_STOP);
	CHECK_EQ(sctp_dar_param_action(0x4123), SCTP_DAR_ACT_STOP_REPORT);
	CHECK_EQ(sctp_dar_param_action(0x8123), SCTP_DAR_ACT_SKIP);
	CHECK_EQ(sctp_dar_param_action(0xC123), SCTP_DAR_ACT_SKIP_REPORT);
	CHECK_EQ(sctp_dar_param_action(SCTP_DAR_PARAM_ADD_IP),
		 SCTP_DAR_ACT_SKIP_REPORT);
}

static const struct {
	const char *name;
	void (*fn)(void);
} dar_tests[] = {
#define DAR_TEST(fn) { #fn, fn }
	DAR_TEST(asconf_decode_all_requests_fields),
	DAR_TEST(asconf_decode_wildcard_is_any),
	DAR_TEST(asconf_decode_max_requests),
	DAR_TEST(asconf_decode_stop_keeps_prefix),
	DAR_TEST(asconf_ack_decode_two_causes),
	DAR_TEST(asconf_encode_roundtrip),
	DAR_TEST(asconf_encode_enospc_every_size),
	DAR_TEST(asconf_encode_rejects_bad_input),
	DAR_TEST(asconf_ack_encode_roundtrip_pads_zero),
	DAR_TEST(asconf_ack_encode_rejects_bad_input),
	DAR_TEST(asconf_ack_encode_empty),
	DAR_TEST(addr_param_decode_cases),
	DAR_TEST(addr_param_encode_cases),
	DAR_TEST(addr_equal_ignores_unused_bytes),
	DAR_TEST(serial_wraparound),
	DAR_TEST(serial_half_range_incomparable),
	DAR_TEST(serial_in_window_wraps),
	DAR_TEST(param_action_bits),
#undef DAR_TEST
};

int main(void)
{
	size_t i, n_gold = ARRAY_SIZE(sctp_dar_vec_goldens);
	size_t n_case = ARRAY_SIZE(sctp_dar_vec_cases);
	char desc[128];

	printf("TAP version 13\n");
	printf("1..%zu\n", 3 * n_gold + n_case + ARRAY_SIZE(dar_tests));

	for (i = 0; i < n_gold; i++) {
		const struct sctp_dar_vec_golden *g = &sctp_dar_vec_goldens[i];

		golden_decode(g);
		dar_report("golden_decode", g->name);
		golden_reencode(g);
		dar_report("golden_reencode_identical", g->name);
		golden_truncate(g);
		dar_report("golden_truncated_every_byte", g->name);
	}
	for (i = 0; i < n_case; i++) {
		const struct sctp_dar_vec_case *v = &sctp_dar_vec_cases[i];

		vec_case(v);
		snprintf(desc, sizeof(desc), "%s%s", v->name,
			 v->flags & SCTP_DAR_DECODE_STRICT_PAD ? " strict" : "");
		dar_report(v->is_ack ? "asconf_ack_decode" : "asconf_decode",
			   desc);
	}
	for (i = 0; i < ARRAY_SIZE(dar_tests); i++) {
		dar_tests[i].fn();
		dar_report(dar_tests[i].name, NULL);
	}

	if (dar_tests_failed)
		printf("# %d of %d tests failed\n", dar_tests_failed,
		       dar_test_no);
	return dar_tests_failed ? 1 : 0;
}
