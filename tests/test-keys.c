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
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include <curses.h>

#include "ui-int.h"
#include "test-util.h"

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

/* The operation key is bound to in the global table, or NULL. */
static const char *
bound(int key)
{
	size_t	i, op;
	int	table, k;

	for (i = 0; ui_binding_get(i, &table, &k, &op) == 0; i++)
		if (table == 0 && k == key)
			return ui_op_name(op);
	return NULL;
}

/* Read a config file of len bytes as the screen does; the ui's state. */
static void
load(struct ui *ui, const char *text, size_t len)
{
	char	 dir[] = "/tmp/dossier-test-keys-XXXXXX";
	char	*path;
	FILE	*f;

	assert_non_null(mkdtemp(dir));
	assert_int_equal(asprintf(&path, "%s/dossier", dir) > 0, 1);
	assert_int_equal(mkdir(path, 0700), 0);
	free(path);
	setenv("XDG_CONFIG_HOME", dir, 1);
	assert_int_equal(asprintf(&path, "%s/dossier/config", dir) > 0, 1);
	assert_non_null(f = fopen(path, "w"));
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
	memset(ui, 0, sizeof *ui);
	ui_keys_init(ui);
	ui_config_load(ui);
	free(path);
	test_rmdir(dir);
}

static void
ui_done(struct ui *ui)
{
	free(ui->message);
	while (ui->ncfg_errs > 0)
		free(ui->cfg_errs[--ui->ncfg_errs]);
	free(ui->cfg_errs);
	ui_keys_free();
}

static void
test_config_lines(void **state)
{
	static const char nul[] = "bind \xc3\xa9\0x quit\nbind \xc3\xbc up\n";
	struct ui	 ui;
	char		 text[2100];

	(void)state;
	/* A NUL does not end the line early, nor hide the next one. */
	load(&ui, nul, sizeof nul - 1);
	assert_int_equal(ui.ncfg_errs, 1);
	assert_non_null(strstr(ui.cfg_errs[0], "config:1: line holds a NUL "
	    "byte"));
	assert_null(bound(0xe9));
	assert_non_null(bound(0xfc));
	assert_string_equal(bound(0xfc), "up");
	ui_done(&ui);

	/* 1022 bytes and a newline are a line; one more is too long. */
	memset(text, ' ', sizeof text);
	memcpy(text, "bind \xc3\xb6 up", 10);
	text[1022] = '\n';
	memcpy(text + 1023, "bind \xc3\xa4 up", 10);
	text[1023 + 1023] = '\n';
	memcpy(text + 2047, "bind \xc3\x9f up\n", 11);
	load(&ui, text, 2058);
	assert_string_equal(bound(0xf6), "up");
	assert_null(bound(0xe4));
	assert_string_equal(bound(0xdf), "up");
	assert_int_equal(ui.ncfg_errs, 1);
	assert_non_null(strstr(ui.cfg_errs[0], "config:2: line longer than "
	    "1023 bytes"));
	ui_done(&ui);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_config_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
