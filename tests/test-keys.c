/*
 * Unit tests: key names (ui-keyname.c) and config lines (ui-config.c,
 * ui-keys.c) read without the screen: curses is linked for its key codes
 * but never started. Inputs found by fuzz/fuzz-config are kept here.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <curses.h>

#include "ui-int.h"

/* A key's name reads back as the key. */
static void
assert_round_trip(int key)
{
	char	name[64];

	ui_key_name(key, name, sizeof name);
	assert_int_equal(ui_key_parse(name), key);
}

static void
test_key_names(void **state)
{
	(void)state;
	assert_int_equal(ui_key_parse("j"), 'j');
	assert_int_equal(ui_key_parse("C-d"), 4);
	assert_int_equal(ui_key_parse("F1"), KEY_SPECIAL | KEY_F(1));
	assert_int_equal(ui_key_parse("F12"), KEY_SPECIAL | KEY_F(12));
	assert_int_equal(ui_key_parse("PageDown"), KEY_SPECIAL | KEY_NPAGE);
	assert_int_equal(ui_key_parse_newsboat("^D"), 4);
	assert_int_equal(ui_key_parse_newsboat("NPAGE"),
	    KEY_SPECIAL | KEY_NPAGE);
	assert_int_equal(ui_key_parse("F13"), -1);
	assert_int_equal(ui_key_parse("F012"), -1);
	assert_int_equal(ui_key_parse(""), -1);
	assert_int_equal(ui_key_parse("\x1b"), -1);
	/* atoi wrapped these to F1 and F12: no key. */
	assert_int_equal(ui_key_parse("F4294967297"), -1);
	assert_int_equal(ui_key_parse("F4294967308"), -1);
	assert_int_equal(ui_key_parse("F100"), -1);
	assert_int_equal(ui_key_parse_newsboat("F4294967297"), -1);
	assert_round_trip('j');
	assert_round_trip(4);
	assert_round_trip('\r');
	assert_round_trip(KEY_SPECIAL | KEY_F(5));
	assert_round_trip(KEY_SPECIAL | KEY_NPAGE);
	assert_round_trip(0xe9);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
