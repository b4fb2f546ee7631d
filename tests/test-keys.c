/*
 * Unit tests: key names (ui-keyname.c), config lines (ui-config.c,
 * ui-bindings.c) and the 'set' options (ui-options.c) read without the
 * screen: curses is linked for its key codes but never started. Inputs
 * found by fuzz/fuzz-config are kept here. dossier.conf(5) is checked
 * against the program's own tables: every option of 'set' (both ways),
 * theme element and key name.
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

	for (i = 0; ui_bindings_get(i, &table, &k, &op) == 0; i++)
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
	ui_bindings_init(ui);
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
	ui_bindings_free();
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

/* Run a config line on ui; its flags, and its message in *err. */
static int
run(struct ui *ui, const char *line, char **err)
{
	free(*err);
	*err = NULL;
	return ui_config_run(ui, line, err);
}

/* A line is refused with this message. */
static void
assert_refused(struct ui *ui, const char *line, const char *msg)
{
	char	*err = NULL;

	assert_int_equal(run(ui, line, &err), -1);
	assert_non_null(err);
	assert_string_equal(err, msg);
	free(err);
}

static void
test_set_options(void **state)
{
	struct ui	 ui;
	char		*err = NULL;

	(void)state;
	memset(&ui, 0, sizeof ui);
	ui.focus = PANE_LIST;
	assert_refused(&ui, "set", "usage: set OPTION VALUE");
	assert_refused(&ui, "set browser w3m %u", "unknown option 'browser'");
	assert_refused(&ui, "set hints", "usage: set hints VALUE");
	assert_refused(&ui, "set hints on off", "usage: set hints VALUE");
	assert_refused(&ui, "set hints maybe",
	    "bad value 'maybe' for option 'hints': on or off");
	assert_refused(&ui, "set sidebar 1",
	    "bad value '1' for option 'sidebar': on, off or auto");
	assert_refused(&ui, "set confirm-mark-read 1000000001",
	    "bad value '1000000001' for option 'confirm-mark-read': a number "
	    "of stories (0-1000000000), on or off");
	assert_refused(&ui, "set width -1",
	    "bad value '-1' for option 'width': columns 0-1000 (0: the "
	    "pane's)");
	assert_refused(&ui, "set feed-width 3",
	    "bad value '3' for option 'feed-width': columns 4-500, 5%-90% or "
	    "auto");
	assert_refused(&ui, "set list-width 91%",
	    "bad value '91%' for option 'list-width': columns 4-500, 5%-90% "
	    "or auto");
	assert_refused(&ui, "set sidebar-width 20x",
	    "bad value '20x' for option 'sidebar-width': columns 4-500, "
	    "5%-90% or auto");

	assert_int_equal(run(&ui, "set hints yes", &err),
	    UI_RELAYOUT | UI_REDRAW);
	assert_int_equal(ui.hints, 1);
	assert_int_equal(run(&ui, "set mark-read off", &err), 0);
	assert_int_equal(ui.mark_read, 0);
	run(&ui, "set sidebar auto", &err);
	assert_int_equal(ui.sidebar, -1);
	run(&ui, "set sidebar on", &err);
	assert_int_equal(ui.sidebar, 1);
	run(&ui, "set confirm-mark-read off", &err);
	assert_int_equal(ui.confirm_mark_read, -1);
	run(&ui, "set confirm-mark-read on", &err);
	assert_int_equal(ui.confirm_mark_read, 0);
	assert_int_equal(run(&ui, "set confirm-mark-read 7", &err), 0);
	assert_int_equal(ui.confirm_mark_read, 7);
	run(&ui, "set width 80", &err);
	assert_int_equal(ui.max_width, 80);
	run(&ui, "set feed-width 20%", &err);
	run(&ui, "set list-width 500", &err);
	run(&ui, "set sidebar-width 5%", &err);
	assert_int_equal(ui.width_opt[0], -20);
	assert_int_equal(ui.width_opt[1], 500);
	assert_int_equal(ui.width_opt[2], -5);
	run(&ui, "set list-width auto", &err);
	assert_int_equal(ui.width_opt[1], 0);
	/* feed-list off folds the feed list; again, it stays folded. */
	run(&ui, "set feed-list off", &err);
	assert_int_equal(ui.feeds_folded, 1);
	run(&ui, "set feed-list no", &err);
	assert_int_equal(ui.feeds_folded, 1);
	run(&ui, "set feed-list on", &err);
	assert_int_equal(ui.feeds_folded, 0);
	assert_null(err);
}

/* The operation a key runs in the focused pane, or NULL. */
static const char *
runs(struct ui *ui, int key)
{
	size_t	op;

	return ui_bindings_lookup(ui, key, &op) == 0 ? ui_op_name(op) : NULL;
}

static void
test_bindings(void **state)
{
	struct ui	 ui;
	char		*err = NULL, keys[128];
	size_t		 op;

	(void)state;
	memset(&ui, 0, sizeof ui);
	ui.focus = PANE_LIST;
	ui_bindings_init(&ui);
	assert_refused(&ui, "bind", "usage: bind [-T TABLE] KEY OPERATION");
	assert_refused(&ui, "unbind -T list", "usage: unbind [-T TABLE] KEY");
	assert_refused(&ui, "bind -T nowhere x quit",
	    "unknown key table 'nowhere'");
	assert_refused(&ui, "bind j frobnicate",
	    "unknown operation 'frobnicate'");
	assert_refused(&ui, "bind F13 quit", "unknown key 'F13'");
	assert_refused(&ui, "unbind x", "key 'x' is not bound");
	assert_refused(&ui, "unbind -T list j", "key 'j' is not bound");

	/* A pane's table first, then the global one. */
	assert_int_equal(run(&ui, "bind -T article s quit", &err), UI_REDRAW);
	assert_string_equal(runs(&ui, 's'), "toggle-star");
	ui.focus = PANE_ARTICLE;
	assert_string_equal(runs(&ui, 's'), "quit");
	ui.quotes.shown = 1;	/* the quotes view has a table of its own */
	assert_string_equal(runs(&ui, 's'), "toggle-star");
	assert_int_equal(ui_op_find("quit", &op), 0);
	ui_bindings_keys(op, keys, sizeof keys);
	assert_string_equal(keys, "q, article:s");

	/* Rebinding replaces; unbind removes; newsboat's -a empties a table. */
	run(&ui, "bind q help", &err);
	ui_bindings_keys(op, keys, sizeof keys);
	assert_string_equal(keys, "article:s");
	run(&ui, "unbind -T article s", &err);
	ui_bindings_keys(op, keys, sizeof keys);
	assert_string_equal(keys, "");
	assert_int_equal(ui_bindings_set("article", -1, NULL, &err),
	    UI_REDRAW);
	assert_int_equal(ui_bindings_set(NULL, -1, NULL, &err), UI_REDRAW);
	assert_null(runs(&ui, 'j'));
	assert_int_equal(ui_bindings_set("nowhere", 'j', "down", &err), -1);
	assert_string_equal(err, "unknown key table 'nowhere'");
	free(err);
	ui_bindings_free();
}

/* dossier.conf(5)'s source, NUL-terminated. */
static char *
man5(void)
{
	const char	*top = getenv("top_srcdir");
	char		*path, *text, *s;
	size_t		 len;

	assert_non_null(top);
	assert_int_equal(asprintf(&path, "%s/man/dossier.conf.5", top) > 0, 1);
	text = test_read(path, &len);
	free(path);
	assert_non_null(s = malloc(len + 1));
	memcpy(s, text, len);
	s[len] = '\0';
	free(text);
	return s;
}

/* The first word of each line of text that starts with prefix, or NULL. */
static const char *
man_word(const char *text, const char *prefix, size_t nth, size_t *len)
{
	const char	*p = text;
	size_t		 plen = strlen(prefix), n = 0;

	for (;;) {
		if (strncmp(p, prefix, plen) == 0 && n++ == nth) {
			*len = strcspn(p + plen, " \n");
			return p + plen;
		}
		if ((p = strchr(p, '\n')) == NULL)
			return NULL;
		p++;
	}
}

/* Is the option named (len bytes) one of the table's? */
static int
is_option(const char *name, size_t len)
{
	const char	*o, *values, *desc;
	size_t		 i;

	for (i = 0; ui_options_get(i, &o, &values, &desc) == 0; i++)
		if (strlen(o) == len && strncmp(o, name, len) == 0)
			return 1;
	return 0;
}

static void
test_man_options(void **state)
{
	const char	*name, *values, *desc, *w;
	char		*man = man5(), *want;
	size_t		 i, len, nman = 0;

	(void)state;
	/* Every option of the table has its entry, once. */
	for (i = 0; ui_options_get(i, &name, &values, &desc) == 0; i++) {
		assert_int_equal(asprintf(&want, "\n.It Ic set %s ", name) > 0,
		    1);
		if (strstr(man, want) == NULL || strstr(strstr(man, want) + 1,
		    want) != NULL)
			fail_msg("dossier.conf(5) documents 'set %s' %s", name,
			    strstr(man, want) == NULL ? "nowhere" : "twice");
		free(want);
	}
	assert_true(i >= 10);
	/* And every entry is an option of the table. */
	while ((w = man_word(man, ".It Ic set ", nman, &len)) != NULL) {
		if (!is_option(w, len))
			fail_msg("dossier.conf(5) documents 'set %.*s', which "
			    "the program does not take", (int)len, w);
		nman++;
	}
	assert_int_equal(nman, i);
	free(man);
}

/* Is word a word of the line at p (words end at spaces and commas)? */
static int
has_word(const char *p, const char *word)
{
	size_t	n = strlen(word), k;

	while (*p != '\n' && *p != '\0') {
		k = strcspn(p, " ,\n");
		if (k == n && strncmp(p, word, n) == 0)
			return 1;
		p += k;
		p += strspn(p, " ,");
	}
	return 0;
}

static void
test_man_elements(void **state)
{
	const char	*w;
	char		*man = man5();
	size_t		 i, j, len;

	(void)state;
	/* Every theme element is an item (".It Sy a , b") of the list. */
	for (i = 0; i < E_COUNT; i++) {
		for (j = 0; (w = man_word(man, ".It Sy ", j, &len)) != NULL;
		    j++)
			if (has_word(w, ui_elem_names[i]))
				break;
		if (w == NULL)
			fail_msg("dossier.conf(5) does not describe the theme "
			    "element '%s'", ui_elem_names[i]);
	}
	assert_true(E_COUNT >= 30);
	free(man);
}

static void
test_man_key_names(void **state)
{
	const char	*name, *p;
	char		*man = man5(), *keys, *end;
	size_t		 i;

	(void)state;
	/* Every key name is a word of a line of the KEYS section. */
	assert_non_null(keys = strstr(man, "\n.Sh KEYS\n"));
	if ((end = strstr(keys + 1, "\n.Sh ")) != NULL)
		*end = '\0';
	for (i = 0; (name = ui_key_name_nth(i)) != NULL; i++) {
		for (p = keys; p != NULL; p = strchr(p + 1, '\n'))
			if (has_word(p + 1, name))
				break;
		if (p == NULL)
			fail_msg("dossier.conf(5)'s KEYS does not name the key "
			    "'%s'", name);
	}
	assert_true(i >= 16);
	free(man);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_config_lines),
		cmocka_unit_test(test_set_options),
		cmocka_unit_test(test_bindings),
		cmocka_unit_test(test_man_options),
		cmocka_unit_test(test_man_elements),
		cmocka_unit_test(test_man_key_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
