// SPDX-License-Identifier: GPL-2.0
/*
 * test_main.c - module boilerplate of sctp_dar_test.ko.
 *
 * The suites live one per file (suite sctp_dar_<area>); each registers
 * itself with kunit_test_suite() and runs when this module is loaded, after
 * sctp_dar.ko, whose symbols it imports.
 */
#include <linux/module.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for sctp_dar");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
