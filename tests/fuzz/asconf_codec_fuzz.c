// SPDX-License-Identifier: GPL-2.0
/*
 * asconf_codec_fuzz.c - libFuzzer harness for src/asconf_codec.c.
 *
 * Each input is handed to both decoders, lenient and strict. Whatever
 * decodes (fully, or up to a "stop" parameter) is re-encoded and decoded
 * again, which must give the same chunk, and encoding that must give the
 * same bytes. An ASCONF without unrecognized parameters has a single wire
 * form, so its re-encoding must also equal the input chunk byte for byte.
 * Errors must come with a message and an offset inside the input.
 *
 * Built a second time with -DSCTP_DAR_FUZZ_GEN_CORPUS as a tool that
 * writes the seed corpus (every vector of tests/unit/asconf_vectors.h)
 * and a dictionary, so no binary file lives in the tree.
 */
#include <stdio.h>
#include <stdlib.h>

#include "asconf_codec.h"
#include "asconf_vectors.h"

#ifndef SCTP_DAR_FUZZ_GEN_CORPUS

#define DAR_FUZZ_ENC	(0xFFFF + 4)	/* largest chunk, padded */

static void dar_fuzz_assert(bool ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "asconf_codec_fuzz: %s\n", what);
		abort();
	}
}

static void dar_fuzz_err(int ret, const struct sctp_dar_codec_err *err,
			 size_t size)
{
	dar_fuzz_assert(ret == -EINVAL || ret == -E2BIG ||
			ret == SCTP_DAR_DECODE_STOPPED, "unexpected return");
	dar_fuzz_assert(err->msg, "error without message");
	dar_fuzz_assert(err->offset >= 0 && (size_t)err->offset <= size,
			"error offset outside the input");
}

static void dar_fuzz_asconf(const u8 *data, size_t size, unsigned int flags)
{
	static struct sctp_dar_asconf a, b;
	static u8 enc1[DAR_FUZZ_ENC], enc2[DAR_FUZZ_ENC];
	struct sctp_dar_codec_err err;
	int ret, l1, l2;

	ret = sctp_dar_asconf_decode(data, size, flags, &a, &err);
	if (ret)
		dar_fuzz_err(ret, &err, size);
	if (ret < 0)
		return;
	dar_fuzz_assert(a.n_req <= SCTP_DAR_ASCONF_MAX_REQ, "n_req");
	dar_fuzz_assert(a.n_unk <= SCTP_DAR_ASCONF_MAX_UNK, "n_unk");
	if (ret == SCTP_DAR_DECODE_STOPPED)
		dar_fuzz_assert(a.n_unk &&
				a.unk[a.n_unk - 1].action <= SCTP_DAR_ACT_STOP_REPORT,
				"stopped without a stop parameter");

	l1 = sctp_dar_asconf_encode(&a, enc1, sizeof(enc1));
	dar_fuzz_assert(l1 > 0, "decoded ASCONF does not encode");
	if (!ret && !a.n_unk)
		dar_fuzz_assert(l1 == get_unaligned_be16(data + 2) &&
				!memcmp(data, enc1, l1),
				"ASCONF re-encodes to other bytes");

	ret = sctp_dar_asconf_decode(enc1, l1, SCTP_DAR_DECODE_STRICT_PAD, &b,
				     &err);
	dar_fuzz_assert(!ret, "re-encoded ASCONF does not decode");
	dar_fuzz_assert(!b.n_unk, "re-encoded ASCONF has unknowns");
	dar_fuzz_assert(sctp_dar_vec_asconf_eq(&a, &b), "ASCONF round trip");

	l2 = sctp_dar_asconf_encode(&b, enc2, sizeof(enc2));
	dar_fuzz_assert(l2 == l1 && !memcmp(enc1, enc2, l1),
			"ASCONF encoding not stable");
}

static void dar_fuzz_ack(const u8 *data, size_t size, unsigned int flags)
{
	static struct sctp_dar_asconf_ack a, b;
	static u8 enc1[DAR_FUZZ_ENC], enc2[DAR_FUZZ_ENC];
	struct sctp_dar_codec_err err;
	unsigned int i;
	int ret, l1, l2;

	ret = sctp_dar_asconf_ack_decode(data, size, flags, &a, &err);
	if (ret)
		dar_fuzz_err(ret, &err, size);
	if (ret < 0)
		return;
	dar_fuzz_assert(a.n_res <= SCTP_DAR_ASCONF_MAX_RES, "n_res");
	dar_fuzz_assert(a.n_unk <= SCTP_DAR_ASCONF_MAX_UNK, "n_unk");
	for (i = 0; i < a.n_res; i++) {
		const struct sctp_dar_asconf_res *r = &a.res[i];

		if (r->type != SCTP_DAR_PARAM_ERR_CAUSE)
			continue;
		dar_fuzz_assert(r->n_causes >= 1, "error without cause");
		dar_fuzz_assert(r->info == data + r->info_off &&
				r->info_off + r->info_len <= size,
				"cause information outside the input");
	}

	l1 = sctp_dar_asconf_ack_encode(&a, enc1, sizeof(enc1));
	dar_fuzz_assert(l1 > 0, "decoded ASCONF-ACK does not encode");
	dar_fuzz_assert((size_t)l1 <= ((get_unaligned_be16(data + 2) + 3U) & ~3U),
			"ASCONF-ACK grew");

	ret = sctp_dar_asconf_ack_decode(enc1, l1, SCTP_DAR_DECODE_STRICT_PAD,
					 &b, &err);
	dar_fuzz_assert(!ret, "re-encoded ASCONF-ACK does not decode");
	dar_fuzz_assert(!b.n_unk, "re-encoded ASCONF-ACK has unknowns");
	dar_fuzz_assert(sctp_dar_vec_ack_eq(&a, &b, false),
			"ASCONF-ACK round trip");

	l2 = sctp_dar_asconf_ack_encode(&b, enc2, sizeof(enc2));
	dar_fuzz_assert(l2 == l1 && !memcmp(enc1, enc2, l1),
			"ASCONF-ACK encoding not stable");
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	dar_fuzz_asconf(data, size, 0);
	dar_fuzz_asconf(data, size, SCTP_DAR_DECODE_STRICT_PAD);
	dar_fuzz_ack(data, size, 0);
	dar_fuzz_ack(data, size, SCTP_DAR_DECODE_STRICT_PAD);
	return 0;
}

#else /* SCTP_DAR_FUZZ_GEN_CORPUS */

static void dar_write(const char *dir, const char *name, const u8 *buf,
		      size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(buf, 1, len, f) != len || fclose(f)) {
		perror(path);
		exit(1);
	}
}

/* Chunk types, parameter types, causes and lengths, as dictionary words. */
static const u16 dar_dict_words[] = {
	0xC100, 0x8000, 0x0005, 0x0006, 0x000B, 0xC001, 0xC002, 0xC003,
	0xC004, 0xC005, 0xC006, 0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4,
	0x0008, 0x0004, 0x0010, 0x0014, 0x001C,
};

int main(int argc, char **argv)
{
	size_t i;
	FILE *dict;

	if (argc != 3) {
		fprintf(stderr, "usage: %s CORPUS_DIR DICT_FILE\n", argv[0]);
		return 2;
	}
	for (i = 0; i < ARRAY_SIZE(sctp_dar_vec_goldens); i++)
		dar_write(argv[1], sctp_dar_vec_goldens[i].name,
			  sctp_dar_vec_goldens[i].buf, sctp_dar_vec_goldens[i].len);
	for (i = 0; i < ARRAY_SIZE(sctp_dar_vec_cases); i++)
		dar_write(argv[1], sctp_dar_vec_cases[i].name,
			  sctp_dar_vec_cases[i].buf, sctp_dar_vec_cases[i].len);

	dict = fopen(argv[2], "w");
	if (!dict) {
		perror(argv[2]);
		return 1;
	}
	for (i = 0; i < ARRAY_SIZE(dar_dict_words); i++)
		fprintf(dict, "w%zu=\"\\x%02x\\x%02x\"\n", i,
			dar_dict_words[i] >> 8, dar_dict_words[i] & 0xff);
	return fclose(dict) ? 1 : 0;
}

#endif /* SCTP_DAR_FUZZ_GEN_CORPUS */
