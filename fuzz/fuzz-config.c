/*
 * libFuzzer harness: the config file reader (ui-config.c, ui-bindings.c,
 * ui-options.c) and the key-name parsers (ui-keyname.c) on arbitrary
 * bytes. Curses is linked (the ui's types come from curses.h) but never
 * started: a theme is never loaded, so colour lines only set attributes,
 * and no line that would run an operation, load a theme or read another
 * file is written.
 *
 * The first byte picks the mode: even, the rest is dossier's own config
 * file; odd, it is a newsboat config read through 'newsboat-config PATH'.
 * The key names are the input as a C string: any key either parser
 * takes must be named by ui_key_name as ui_key_parse reads it back.
 * Traps if a config error has no message, more than 100 are kept, or a
 * key's name does not read back as the key.
 */
#include "config.h"

#include <sys/stat.h>

#include <curses.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui-int.h"
#include "banned.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	 fuzz_dir[] = "/tmp/fuzz-config.XXXXXX";
static char	*fuzz_cfg, *fuzz_nb;

static char	*fuzz_sub;

/* Remove the private config directory as the fuzzer exits. */
static void
fuzz_cleanup(void)
{
	unlink(fuzz_cfg);
	unlink(fuzz_nb);
	rmdir(fuzz_sub);
	rmdir(fuzz_dir);
}

/* Set up a private config directory once. */
static void
fuzz_init(void)
{
	if (fuzz_cfg != NULL)
		return;
	if (mkdtemp(fuzz_dir) == NULL)
		abort();
	if (asprintf(&fuzz_sub, "%s/dossier", fuzz_dir) < 0 ||
	    mkdir(fuzz_sub, 0700) != 0)
		abort();
	if (asprintf(&fuzz_cfg, "%s/dossier/config", fuzz_dir) < 0 ||
	    asprintf(&fuzz_nb, "%s/nb", fuzz_dir) < 0)
		abort();
	atexit(fuzz_cleanup);
	setenv("XDG_CONFIG_HOME", fuzz_dir, 1);
	setenv("HOME", fuzz_dir, 1);
	unsetenv("NO_COLOR");
}

/* Does the line (len bytes, C-string up to a NUL) need to be left out? */
static int
fuzz_skip(const char *line, size_t len, int newsboat)
{
	static const char *const bad[] = { "include", "newsboat-config",
	    "theme", "feed-list" };
	char	 word[64];
	size_t	 i, n, op;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (memmem(line, len, bad[i], strlen(bad[i])) != NULL)
			return 1;
	if (newsboat)
		return 0;	/* only keys and colours are read there */
	/* A line that is an operation's name would run it. */
	for (i = 0; i < len && strchr(" \t\r\n", line[i]) != NULL &&
	    line[i] != '\0'; i++)
		;
	for (n = 0; i + n < len && strchr(" \t\r\n", line[i + n]) == NULL;
	    n++)
		;
	if (n >= sizeof word)
		return 0;
	memcpy(word, line + i, n);
	word[n] = '\0';
	return ui_op_find(word, &op) == 0;
}

/* Write the lines of data that are safe to read to path. */
static void
fuzz_write(const char *path, const uint8_t *data, size_t size, int newsboat)
{
	FILE		*f;
	const char	*p = (const char *)data, *end = p + size, *nl;
	size_t		 len;

	if ((f = fopen(path, "w")) == NULL)
		abort();
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		len = nl != NULL ? (size_t)(nl - p) + 1 : (size_t)(end - p);
		if (!fuzz_skip(p, len, newsboat))
			fwrite(p, 1, len, f);
		p += len;
	}
	fclose(f);
}

/* Trap unless the key's name reads back as the key. */
static void
fuzz_key(int key)
{
	char	name[64];

	if (key == -1)
		return;
	ui_key_name(key, name, sizeof name);
	if (ui_key_parse(name) != key)
		__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ui	 ui;
	FILE		*f;
	char		*s;
	size_t		 i;
	int		 newsboat;

	if (size < 1 || size > 65536)
		return 0;
	fuzz_init();
	newsboat = data[0] & 1;
	data++;
	size--;

	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	fuzz_key(ui_key_parse(s));
	fuzz_key(ui_key_parse_newsboat(s));
	free(s);

	memset(&ui, 0, sizeof ui);
	ui.sidebar = -1;
	ui.hints = 1;
	ui.focus = PANE_LIST;
	ui_bindings_init(&ui);
	if (newsboat) {
		fuzz_write(fuzz_nb, data, size, 1);
		if ((f = fopen(fuzz_cfg, "w")) == NULL)
			abort();
		fprintf(f, "newsboat-config %s\n", fuzz_nb);
		fclose(f);
	} else
		fuzz_write(fuzz_cfg, data, size, 0);
	(void)ui_config_load(&ui);
	if (ui.ncfg_errs > 100)
		__builtin_trap();
	for (i = 0; i < ui.ncfg_errs; i++)
		if (ui.cfg_errs[i] == NULL || ui.cfg_errs[i][0] == '\0')
			__builtin_trap();
	if (ui.ncfg_errs > 0 && ui.message == NULL)
		__builtin_trap();

	free(ui.message);
	while (ui.ncolours > 0)
		free(ui.colours[--ui.ncolours]);
	free(ui.colours);
	while (ui.ncfg_errs > 0)
		free(ui.cfg_errs[--ui.ncfg_errs]);
	free(ui.cfg_errs);
	ui_bindings_free();
	return 0;
}
