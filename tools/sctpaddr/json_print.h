/* SPDX-License-Identifier: GPL-2.0 */
/*
 * json_print.h - one print path for text and JSON output, in the manner of
 * iproute2's json_print: every field is printed by one call that knows
 * both its text format and its JSON key.
 */
#ifndef _SCTPADDR_JSON_PRINT_H
#define _SCTPADDR_JSON_PRINT_H

#include <stdbool.h>
#include <stdint.h>

/* Where a print call goes: text only, JSON only, or both. */
enum output_type {
	PRINT_FP = 1,
	PRINT_JSON = 2,
	PRINT_ANY = PRINT_FP | PRINT_JSON,
};

/* How top-level objects are framed in JSON mode. */
enum json_framing {
	JSON_ARRAY,	/* one array around everything (show, stats) */
	JSON_LINES,	/* one object per line (monitor) */
};

void new_json_obj(bool json, bool pretty, enum json_framing framing);
void delete_json_obj(void);
bool is_json_context(void);

void open_json_object(const char *key);
void close_json_object(void);
void open_json_array(enum output_type type, const char *key);
void close_json_array(enum output_type type);

void print_string(enum output_type type, const char *key, const char *fmt,
		  const char *value);
void print_uint(enum output_type type, const char *key, const char *fmt,
		uint64_t value);
void print_bool(enum output_type type, const char *key, const char *fmt,
		bool value);
void print_flag(const char *key, const char *text, bool value);
void print_null(const char *key);
void print_text(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void print_nl(void);

#endif /* _SCTPADDR_JSON_PRINT_H */
