// SPDX-License-Identifier: GPL-2.0
/*
 * json_print.c - the text/JSON printer behind every sctpaddr output.
 *
 * In text mode the format string of each call is printed; in JSON mode the
 * key and value are written as JSON (strings escaped), compactly or, with
 * -p, indented by four spaces per level. Nesting is tracked on a small stack
 * so that commas and indentation come out right.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "json_print.h"

#define JSON_MAX_DEPTH 16

static struct {
	bool json;
	bool pretty;
	enum json_framing framing;
	int depth;			/* open objects and arrays */
	bool first[JSON_MAX_DEPTH];	/* nothing written yet at this level */
	bool is_array[JSON_MAX_DEPTH];
	unsigned int toplevel;		/* top-level objects written */
} jp;

static void jp_indent(void)
{
	int i;

	if (!jp.pretty)
		return;
	putchar('\n');
	for (i = 0; i < jp.depth; i++)
		fputs("    ", stdout);
}

static void jp_string(const char *s)
{
	const unsigned char *p;

	putchar('"');
	for (p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", stdout);
			break;
		case '\\':
			fputs("\\\\", stdout);
			break;
		case '\n':
			fputs("\\n", stdout);
			break;
		case '\t':
			fputs("\\t", stdout);
			break;
		default:
			if (*p < 0x20)
				printf("\\u%04x", *p);
			else
				putchar(*p);
		}
	}
	putchar('"');
}

/* Start a member: comma, indentation and key (keys only inside objects). */
static void jp_member(const char *key)
{
	if (jp.depth == 0) {
		/* A top-level value outside any array (JSON_LINES). */
		return;
	}
	if (!jp.first[jp.depth - 1])
		putchar(',');
	jp.first[jp.depth - 1] = false;
	jp_indent();
	if (key && !jp.is_array[jp.depth - 1]) {
		jp_string(key);
		fputs(jp.pretty ? ": " : ":", stdout);
	}
}

static void jp_push(char c, bool is_array)
{
	putchar(c);
	if (jp.depth >= JSON_MAX_DEPTH) {
		fputs("json_print: nesting too deep\n", stderr);
		exit(1);
	}
	jp.first[jp.depth] = true;
	jp.is_array[jp.depth] = is_array;
	jp.depth++;
}

static void jp_pop(char c)
{
	bool empty = jp.first[jp.depth - 1];

	jp.depth--;
	if (!empty)
		jp_indent();
	putchar(c);
}

/**
 * new_json_obj - start the output of one command
 * @json: JSON (true) or text
 * @pretty: indent JSON
 * @framing: JSON_ARRAY wraps all top-level objects in one array;
 *	JSON_LINES prints each on its own line
 */
void new_json_obj(bool json, bool pretty, enum json_framing framing)
{
	jp.json = json;
	jp.pretty = pretty;
	jp.framing = framing;
	jp.depth = 0;
	jp.toplevel = 0;
	if (json && framing == JSON_ARRAY)
		jp_push('[', true);
}

/** delete_json_obj - end the output of the command */
void delete_json_obj(void)
{
	if (jp.json && jp.framing == JSON_ARRAY) {
		jp_pop(']');
		putchar('\n');
	}
	fflush(stdout);
}

bool is_json_context(void)
{
	return jp.json;
}

/**
 * open_json_object - open an object
 * @key: its key inside an object, NULL inside an array or at top level
 *
 * In text mode nothing is printed.
 */
void open_json_object(const char *key)
{
	if (!jp.json)
		return;
	jp_member(key);
	jp_push('{', false);
}

void close_json_object(void)
{
	if (!jp.json)
		return;
	jp_pop('}');
	if (jp.depth == 0 && jp.framing == JSON_LINES) {
		putchar('\n');
		fflush(stdout);
	}
}

void open_json_array(enum output_type type, const char *key)
{
	if (!jp.json || !(type & PRINT_JSON))
		return;
	jp_member(key);
	jp_push('[', true);
}

void close_json_array(enum output_type type)
{
	if (!jp.json || !(type & PRINT_JSON))
		return;
	jp_pop(']');
}

void print_string(enum output_type type, const char *key, const char *fmt,
		  const char *value)
{
	if (jp.json) {
		if (!(type & PRINT_JSON))
			return;
		jp_member(key);
		jp_string(value);
	} else if (type & PRINT_FP) {
		printf(fmt, value);
	}
}

void print_uint(enum output_type type, const char *key, const char *fmt,
		uint64_t value)
{
	if (jp.json) {
		if (!(type & PRINT_JSON))
			return;
		jp_member(key);
		printf("%" PRIu64, value);
	} else if (type & PRINT_FP) {
		printf(fmt, value);
	}
}

void print_bool(enum output_type type, const char *key, const char *fmt,
		bool value)
{
	if (jp.json) {
		if (!(type & PRINT_JSON))
			return;
		jp_member(key);
		fputs(value ? "true" : "false", stdout);
	} else if (type & PRINT_FP) {
		printf(fmt, value ? "true" : "false");
	}
}

/**
 * print_null - a member without a value (JSON null); nothing in text mode
 * @key: JSON key
 */
void print_null(const char *key)
{
	if (jp.json) {
		jp_member(key);
		fputs("null", stdout);
	}
}

/**
 * print_flag - a boolean property
 * @key: JSON key (always present, true or false)
 * @text: word printed in text mode when @value is true, nothing otherwise
 * @value: the property
 */
void print_flag(const char *key, const char *text, bool value)
{
	if (jp.json) {
		jp_member(key);
		fputs(value ? "true" : "false", stdout);
	} else if (value) {
		printf(" %s", text);
	}
}

/** print_text - free text, text mode only */
void print_text(const char *fmt, ...)
{
	va_list ap;

	if (jp.json)
		return;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

/** print_nl - end a line in text mode */
void print_nl(void)
{
	if (!jp.json)
		putchar('\n');
}
