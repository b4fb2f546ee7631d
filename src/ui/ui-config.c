/*
 * The config language and the files it is read from. ui_config_run runs
 * one line, from a file or the ':' command line: bind and unbind (handed
 * to ui-bindings.c), set (ui-options.c), color, include, an operation's
 * name. The config file and what it may read besides: lines of at most
 * CONFIG_LINE bytes from regular files of at most CONFIG_SIZE, errors
 * reported as file:line; 'include PATH' reads another file in place;
 * 'newsboat-config [PATH]' reads the key and colour lines of newsboat's
 * config; and newsboat's bind-key, unbind-key and color lines are
 * translated to dossier's keys, operations and theme elements, or refused
 * with a message that names what has no equivalent. Words from a file are
 * shown escaped and cut short in messages.
 */
#include "config.h"

#include <sys/stat.h>

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "plural.h"
#include "ui-int.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

#define CONFIG_LINE	1024		/* bytes a line, newline included */
#define CONFIG_SIZE	(1024 * 1024)	/* bytes a file */
#define CONFIG_DEPTH	4		/* files included within files */
#define CONFIG_WORDS	16
#define CONFIG_SHOW	40		/* bytes of a word shown in a message */
#define CONFIG_ERRS	100		/* errors kept for the help screen */

/* The file being read, for messages and relative includes. */
struct config_file {
	struct ui		*ui;
	const char		*path;
	int			 depth;
	int			 newsboat;	/* only keys and colours */
	int			 nerr;
	char			*first;		/* the first error, file:line */
	int			 flags;
};

static struct config_file	*config_cur;

/* A newsboat operation and dossier's, or NULL where there is none. */
static const struct {
	const char	*newsboat;
	const char	*dossier;
} config_ops[] = {
	{ "quit", "quit" }, { "hard-quit", "hard-quit" },
	{ "reload", "fetch-feed" }, { "reload-all", "fetch" },
	{ "open", "open" }, { "open-in-browser", "open-link" },
	{ "next-unread", "next-unread" }, { "prev-unread", "prev-unread" },
	{ "next", "down" }, { "prev", "up" },
	{ "up", "up" }, { "down", "down" },
	{ "pageup", "page-up" }, { "pagedown", "page-down" },
	{ "halfpageup", "half-page-up" }, { "halfpagedown", "half-page-down" },
	{ "home", "top" }, { "end", "bottom" },
	{ "toggle-article-read", "toggle-read" },
	{ "mark-feed-read", "mark-list-read" },
	{ "mark-all-feeds-read", "mark-all-read" },
	{ "help", "help" }, { "open-search", "search" }, { "search", "search" },
	{ "cmdline", "command" }, { "redraw", "redraw" },
	{ "edit-tags", "tag" },
	/* newsboat's, with nothing like them in dossier */
	{ "toggle-show-read-feeds", NULL }, { "open-in-browser-and-mark-read",
	  NULL }, { "open-all-unread-in-browser", NULL },
	{ "open-all-unread-in-browser-and-mark-read", NULL },
	{ "open-in-browser-noninteractively", NULL },
	{ "mark-all-above-as-read", NULL }, { "save", NULL },
	{ "save-all", NULL }, { "random-unread", NULL },
	{ "toggle-source-view", NULL }, { "show-urls", NULL },
	{ "clear-tag", NULL }, { "set-tag", NULL }, { "select-tag", NULL },
	{ "goto-url", NULL }, { "goto-title", NULL }, { "enqueue", NULL },
	{ "reload-urls", NULL }, { "set-filter", NULL },
	{ "select-filter", NULL }, { "clear-filter", NULL },
	{ "bookmark", NULL }, { "edit-flags", NULL }, { "next-feed", NULL },
	{ "prev-feed", NULL }, { "next-unread-feed", NULL },
	{ "prev-unread-feed", NULL }, { "macro-prefix", NULL },
	{ "delete-article", NULL }, { "delete-all-articles", NULL },
	{ "purge-deleted", NULL }, { "edit-urls", NULL },
	{ "close-dialog", NULL }, { "view-dialogs", NULL },
	{ "next-dialog", NULL }, { "prev-dialog", NULL }, { "pipe-to", NULL },
	{ "sort", NULL }, { "rev-sort", NULL }, { "switch-focus", NULL },
	{ "article-feed", NULL }, { "copy-url", NULL },
};

/* newsboat's dialogs and dossier's key tables; NULL: none there. */
static const struct {
	const char	*newsboat;
	const char	*dossier;
} config_dialogs[] = {
	{ "all", "global" }, { "feedlist", "feeds" },
	{ "articlelist", "list" }, { "searchresultslist", "list" },
	{ "article", "article" },
	{ "help", NULL }, { "tagselection", NULL },
	{ "filterselection", NULL }, { "urlview", NULL }, { "podboat", NULL },
	{ "dialogs", NULL }, { "filebrowser", NULL }, { "dirbrowser", NULL },
};

/* newsboat's colour elements and dossier's theme elements. */
static const struct {
	const char	*newsboat;
	const char	*dossier[2];
} config_elems[] = {
	{ "background", { "normal", NULL } },
	{ "listnormal", { "feed", "article" } },
	{ "listfocus", { "feed.selected", "article.selected" } },
	{ "listnormal_unread", { "article.unread", NULL } },
	{ "listfocus_unread", { NULL, NULL } },
	{ "info", { "status", "pane.title.focus" } },
	{ "title", { "pane.title.focus", NULL } },
	{ "article", { "body", NULL } },
	{ "hint-key", { "help.key", NULL } },
	{ "hint-description", { "help.text", NULL } },
	{ "hint-keys-delimiter", { NULL, NULL } },
	{ "hint-separator", { NULL, NULL } },
	{ "end-of-text-marker", { NULL, NULL } },
};

#define NITEMS(a)	(sizeof (a) / sizeof (a)[0])

/*
 * A word from a file, fit for a message: control characters (C0, DEL,
 * C1, bidi controls: what utf8_is_unsafe names) as \xNN or \u{N}, bytes
 * that are not UTF-8 as \xNN, cut after max bytes with "...". The
 * caller frees it.
 */
static char *
config_escape(const char *s, size_t max)
{
	struct buf	b;
	size_t		i, n, len = strlen(s);
	uint32_t	cp;
	char		hex[16];

	buf_init(&b);
	for (i = 0; i < len; i += n) {
		if (i >= max) {
			buf_adds(&b, "...");
			break;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == 0xfffd && n == 1)
			snprintf(hex, sizeof hex, "\\x%02x",
			    (unsigned char)s[i]);
		else if (cp < 0x80 && utf8_is_unsafe(cp))
			snprintf(hex, sizeof hex, "\\x%02x", (unsigned)cp);
		else if (utf8_is_unsafe(cp))
			snprintf(hex, sizeof hex, "\\u{%x}", (unsigned)cp);
		else {
			buf_add(&b, s + i, n);
			continue;
		}
		buf_adds(&b, hex);
	}
	buf_addc(&b, '\0');
	return b.data;
}

/*
 * Split a line as newsboat does: words between spaces, "quoted" words
 * with \" and \\, a # outside quotes ends the line. Returns the number of
 * words, -1 if there are too many or a quote is not closed.
 */
static int
config_split(char *p, char **w)
{
	char	*o;
	int	 n = 0;

	for (;;) {
		p += strspn(p, " \t\r\n");
		if (*p == '\0' || *p == '#')
			return n;
		if (n == CONFIG_WORDS)
			return -1;
		if (*p != '"') {
			w[n++] = p;
			p += strcspn(p, " \t\r\n");
			if (*p != '\0')
				*p++ = '\0';
			continue;
		}
		w[n++] = o = ++p;
		while (*p != '"') {
			if (*p == '\0')
				return -1;
			if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
				p++;
			*o++ = *p++;
		}
		p++;
		*o = '\0';
	}
}

/* bind-key KEY OPERATION [DIALOG], unbind-key KEY|-a [DIALOG]. */
static int
config_bind(char **w, int n, char **err)
{
	const char	*table = NULL, *op = NULL;
	char		*e;
	size_t		 i, o;
	int		 unbind = w[0][0] == 'u', key, want = unbind ? 2 : 3;

	if (n != want && n != want + 1) {
		xasprintf(err, "usage: %s", unbind ?
		    "unbind-key KEY|-a [DIALOG]" :
		    "bind-key KEY OPERATION [DIALOG]");
		return -1;
	}
	if (n == want + 1) {
		for (i = 0; i < NITEMS(config_dialogs); i++)
			if (strcmp(config_dialogs[i].newsboat, w[n - 1]) == 0)
				break;
		if (i < NITEMS(config_dialogs) &&
		    config_dialogs[i].dossier == NULL) {
			e = config_escape(w[n - 1], CONFIG_SHOW);
			xasprintf(err, "newsboat dialog '%s' has no dossier "
			    "equivalent", e);
			free(e);
			return -1;
		}
		table = i < NITEMS(config_dialogs) ?
		    config_dialogs[i].dossier : w[n - 1];
	}
	if (unbind && strcmp(w[1], "-a") == 0)
		key = -1;
	else if ((key = ui_key_parse_newsboat(w[1])) == -1) {
		e = config_escape(w[1], CONFIG_SHOW);
		xasprintf(err, "unknown key '%s'", e);
		free(e);
		return -1;
	}
	if (!unbind) {
		/* dossier's own names first, then newsboat's. */
		op = w[2];
		for (i = 0; ui_op_find(op, &o) != 0 &&
		    i < NITEMS(config_ops); i++)
			if (strcmp(config_ops[i].newsboat, w[2]) == 0)
				break;
		if (ui_op_find(op, &o) != 0) {
			e = config_escape(w[2], CONFIG_SHOW);
			if (i == NITEMS(config_ops) &&
			    strncmp(w[2], "pb-", 3) != 0)
				xasprintf(err, "unknown operation '%s'", e);
			else if (i == NITEMS(config_ops) ||
			    config_ops[i].dossier == NULL)
				xasprintf(err, "newsboat op '%s' has no dossier "
				    "equivalent", e);
			free(e);
			if (i == NITEMS(config_ops) ||
			    config_ops[i].dossier == NULL)
				return -1;
			op = config_ops[i].dossier;
		}
	}
	return ui_bindings_set(table, key, op, err);
}

/* color ELEMENT FG BG [ATTR...]: dossier's elements or newsboat's. */
static int
config_color(struct ui *ui, char **w, int n, char **err)
{
	const char	*el[2] = { NULL, NULL };
	struct buf	 line;
	char		*e;
	size_t		 i;
	int		 k, j, rv = UI_REDRAW;

	if (n < 4) {
		xasprintf(err, "usage: color ELEMENT FG BG [ATTR...]");
		return -1;
	}
	for (k = 0; k < E_COUNT; k++)
		if (strcmp(ui_elem_names[k], w[1]) == 0)
			el[0] = ui_elem_names[k];
	for (i = 0; el[0] == NULL && i < NITEMS(config_elems); i++) {
		if (strcmp(config_elems[i].newsboat, w[1]) != 0)
			continue;
		if (config_elems[i].dossier[0] == NULL) {
			e = config_escape(w[1], CONFIG_SHOW);
			xasprintf(err, "newsboat color element '%s' has no "
			    "dossier equivalent", e);
			free(e);
			return -1;
		}
		el[0] = config_elems[i].dossier[0];
		el[1] = config_elems[i].dossier[1];
	}
	if (el[0] == NULL) {
		e = config_escape(w[1], CONFIG_SHOW);
		xasprintf(err, "unknown color element '%s'", e);
		free(e);
		return -1;
	}
	/* Colours and attributes are single words; check them as such. */
	for (j = 2; j < n; j++) {
		if (strcmp(w[j], "protect") == 0 ||
		    strcmp(w[j], "invis") == 0) {
			xasprintf(err, "newsboat attribute '%s' has no dossier "
			    "equivalent", w[j]);
			return -1;
		}
		if (w[j][strcspn(w[j], " \t#")] != '\0' ||
		    strlen(w[j]) > CONFIG_SHOW) {
			e = config_escape(w[j], CONFIG_SHOW);
			xasprintf(err, "bad color word '%s'", e);
			free(e);
			return -1;
		}
	}
	for (k = 0; k < 2 && el[k] != NULL && rv >= 0; k++) {
		buf_init(&line);
		buf_printf(&line, "color %s", el[k]);
		for (j = 2; j < n; j++)
			buf_printf(&line, " %s", w[j]);
		if (ui_theme_color(ui, line.data, err) < 0) {
			/* The message names the word, escaped. */
			e = *err != NULL ? config_escape(*err, 2 * CONFIG_SHOW) :
			    NULL;
			free(*err);
			*err = e;
			rv = -1;
		}
		buf_free(&line);
	}
	return rv;
}

/* Read a file of commands; -1 (and *err) if it cannot be read. */
static int	config_read(struct ui *, const char *, int, char **);

/* A path from a config file: ~/ is $HOME, a relative one the file's. */
static char *
config_path(const char *p)
{
	const char	*home, *slash;
	char		*path;

	if (p[0] == '~' && (p[1] == '/' || p[1] == '\0')) {
		if ((home = getenv("HOME")) == NULL || *home != '/')
			return NULL;
		xasprintf(&path, "%s%s", home, p + 1);
	} else if (p[0] != '/' && config_cur != NULL &&
	    (slash = strrchr(config_cur->path, '/')) != NULL)
		xasprintf(&path, "%.*s/%s", (int)(slash - config_cur->path),
		    config_cur->path, p);
	else
		path = xstrdup(p);
	return path;
}

/* The newsboat config newsboat itself reads: ~/.newsboat first. */
static char *
config_newsboat_path(void)
{
	const char	*home = getenv("HOME"), *xdg;
	char		*path;

	if (home != NULL && *home == '/') {
		xasprintf(&path, "%s/.newsboat/config", home);
		if (access(path, F_OK) == 0)
			return path;
		free(path);
	}
	if ((xdg = getenv("XDG_CONFIG_HOME")) != NULL && *xdg == '/')
		xasprintf(&path, "%s/newsboat/config", xdg);
	else if (home != NULL && *home == '/')
		xasprintf(&path, "%s/.config/newsboat/config", home);
	else
		return NULL;
	return path;
}

/* include PATH, newsboat-config [PATH]. */
static int
config_include(struct ui *ui, char **w, int n, char **err)
{
	char	*path, *e;
	int	 nb, rv;

	/* What newsboat's file includes is newsboat's too. */
	nb = w[0][0] == 'n' || (config_cur != NULL && config_cur->newsboat);
	if (n != 2 && !(w[0][0] == 'n' && n == 1)) {
		xasprintf(err, "usage: %s", w[0][0] == 'n' ?
		    "newsboat-config [PATH]" : "include PATH");
		return -1;
	}
	path = n == 2 ? config_path(w[1]) : config_newsboat_path();
	if (path == NULL) {
		xasprintf(err, "no home directory for '%s'", n == 2 ? w[1] :
		    "~/.newsboat/config");
		return -1;
	}
	if (config_cur != NULL && config_cur->depth >= CONFIG_DEPTH) {
		e = config_escape(path, 2 * CONFIG_SHOW);
		xasprintf(err, "%s: files included more than %d deep", e,
		    CONFIG_DEPTH);
		free(e);
		free(path);
		return -1;
	}
	rv = config_read(ui, path, nb, err);
	free(path);
	return rv;
}

/*
 * Run newsboat's bind-key, unbind-key and color lines, color with
 * dossier's elements, include and newsboat-config; -2 for any other line
 * (ui_config_run's to run).
 */
static int
config_quoted(struct ui *ui, const char *s, char **err)
{
	static const char *const words[] = { "bind-key", "unbind-key",
	    "color", "colour", "include", "newsboat-config", "macro" };
	char	*copy, *w[CONFIG_WORDS];
	size_t	 i, len;
	int	 n, rv = -1;

	s += strspn(s, " \t");
	len = strcspn(s, " \t\r\n");
	for (i = 0; i < NITEMS(words); i++)
		if (strlen(words[i]) == len && strncmp(words[i], s, len) == 0)
			break;
	if (i == NITEMS(words)) {
		/* In newsboat's file only its keys and colours are read. */
		if (config_cur != NULL && config_cur->newsboat)
			return 0;
		return -2;
	}
	if (ui == NULL) {
		xasprintf(err, "'%.*s' needs the screen", (int)len, s);
		return -1;
	}
	if (strcmp(words[i], "macro") == 0) {
		/* A macro runs several commands from one key: none here. */
		xasprintf(err, "newsboat macros are not supported: bind the "
		    "key to one operation (bind-key KEY OPERATION)");
		return -1;
	}
	copy = xstrdup(s);
	if ((n = config_split(copy, w)) < 0)
		xasprintf(err, "too many words or an unclosed quote");
	else if (i < 2)
		rv = config_bind(w, n, err);
	else if (i < 4)
		rv = config_color(ui, w, n, err);
	else
		rv = config_include(ui, w, n, err);
	free(copy);
	return rv;
}

/*
 * Run one command of the config file or the command line: bind and unbind
 * (ui-bindings.c), set (ui-options.c), an operation's name, or a line
 * with newsboat's word rules (config_quoted).
 */
int
ui_config_run(struct ui *ui, const char *line, char **err)
{
	char	*copy, *w[8], *p;
	int	 n = 0, rv = -1;
	size_t	 op;

	/* newsboat's bind-key, unbind-key, color; include. */
	if ((rv = config_quoted(ui, line, err)) != -2)
		return rv;
	rv = -1;
	copy = xstrdup(line);
	for (p = copy; n < 8; ) {
		p += strspn(p, " \t\r\n");
		if (*p == '\0' || *p == '#')
			break;
		w[n++] = p;
		p += strcspn(p, " \t\r\n");
		if (*p != '\0')
			*p++ = '\0';
	}
	p += strspn(p, " \t\r\n");
	if (n == 8 || (*p != '\0' && *p != '#')) {
		xasprintf(err, "too many words");
		goto out;
	}
	if (n == 0) {
		rv = 0;
		goto out;
	}
	if (strcmp(w[0], "bind") == 0 || strcmp(w[0], "unbind") == 0)
		rv = ui_bindings_command(w, n, err);
	else if (strcmp(w[0], "set") == 0)
		rv = ui_options_set(ui, w, n, err);
	else if (ui_op_find(w[0], &op) == 0 && n == 1 && ui != NULL)
		rv = ui_op_run(ui, op);
	else if (ui_op_find(w[0], &op) == 0 && n > 1)
		xasprintf(err, "operation '%s' takes no arguments", w[0]);
	else
		xasprintf(err, "unknown command '%s'", w[0]);
out:
	free(copy);
	return rv;
}

/*
 * Note an error of the file being read at a line: the first is shown on
 * the status line, and every one (up to CONFIG_ERRS) on the help screen.
 */
static void
config_error(struct config_file *c, int lineno, const char *err)
{
	struct ui	*ui = c->ui;
	char		*p, *msg;

	p = config_escape(c->path, 256);
	xasprintf(&msg, "%s:%d: %s", p, lineno, err);
	free(p);
	if (ui->ncfg_errs < CONFIG_ERRS) {
		ui->cfg_errs = xreallocarray(ui->cfg_errs, ui->ncfg_errs + 1,
		    sizeof *ui->cfg_errs);
		ui->cfg_errs[ui->ncfg_errs++] = xstrdup(msg);
	}
	if (c->nerr++ == 0)
		c->first = msg;
	else
		free(msg);
}

/*
 * Read a file of commands line by line; errors are counted into the
 * file that included it, or shown on the status line by ui_config_load.
 */
static int
config_read(struct ui *ui, const char *path, int newsboat, char **err)
{
	struct config_file	 c, *outer = config_cur;
	struct stat		 st;
	FILE			*f;
	char			*line = NULL, *msg = NULL, *e;
	size_t			 cap = 0, len;
	ssize_t			 n;
	int			 lineno = 0, rv;

	if ((f = fopen(path, "r")) == NULL) {
		e = config_escape(path, 256);
		xasprintf(err, "%s: %s", e, strerror(errno));
		free(e);
		return -1;
	}
	memset(&st, 0, sizeof st);	/* a failed fstat: not regular */
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > CONFIG_SIZE) {
		e = config_escape(path, 256);
		xasprintf(err, "%s: %s", e, S_ISREG(st.st_mode) ?
		    "bigger than 1 MiB" : "not a regular file");
		free(e);
		fclose(f);
		return -1;
	}
	memset(&c, 0, sizeof c);
	c.ui = ui;
	c.path = path;
	c.newsboat = newsboat;
	c.depth = outer != NULL ? outer->depth + 1 : 0;
	config_cur = &c;
	/*
	 * Whole lines (the file is at most CONFIG_SIZE), so that a NUL in
	 * one is not taken for its end and the next line is still read.
	 */
	while ((n = getline(&line, &cap, f)) != -1) {
		lineno++;
		len = (size_t)n;
		if (len > 0 && line[len - 1] == '\n')
			len--;
		if (len > CONFIG_LINE - 2) {
			config_error(&c, lineno, "line longer than 1023 bytes");
			continue;
		}
		if (memchr(line, '\0', len) != NULL) {
			config_error(&c, lineno, "line holds a NUL byte");
			continue;
		}
		if ((rv = ui_config_run(ui, line, &msg)) < 0)
			config_error(&c, lineno, msg != NULL ? msg : "error");
		else
			c.flags |= rv;
		free(msg);
		msg = NULL;
	}
	free(line);
	fclose(f);
	config_cur = outer;
	if (outer != NULL) {
		/* Errors inside count in the including file's, as they are. */
		if (c.nerr > 0 && outer->nerr++ == 0) {
			outer->first = c.first;
			c.first = NULL;
		}
		if (c.nerr > 1)
			outer->nerr += c.nerr - 1;
		free(c.first);
		return c.flags;
	}
	if (c.nerr > 0) {
		if (c.nerr > 1)
			ui_error(ui, "%s (and %d more %s)", c.first,
			    c.nerr - 1, plural(c.nerr - 1, "error", "errors"));
		else
			ui_error(ui, "%s", c.first);
	}
	free(c.first);
	return c.flags;
}

/* Read the config file; report the first error with file:line. */
int
ui_config_load(struct ui *ui)
{
	const char	*cfg, *home;
	char		*path, *err = NULL, quit[32];
	int		 flags;

	if ((cfg = getenv("XDG_CONFIG_HOME")) != NULL && *cfg == '/')
		xasprintf(&path, "%s/dossier/config", cfg);
	else if ((home = getenv("HOME")) != NULL && *home == '/')
		xasprintf(&path, "%s/.config/dossier/config", home);
	else
		return 0;
	if (access(path, F_OK) != 0 && errno == ENOENT) {
		free(path);
		return 0;
	}
	if ((flags = config_read(ui, path, 0, &err)) < 0) {
		ui_error(ui, "%s", err);
		free(err);
		flags = 0;
	}
	free(path);
	/* unbind-key -a and nothing bound again: say how to leave. */
	ui_op_key("quit", quit, sizeof quit);
	if (*quit == '\0')
		ui_op_key("hard-quit", quit, sizeof quit);
	if (*quit == '\0' && ui->message == NULL)
		ui_error(ui, "no key quits: the config file unbinds them "
		    "(C-c quits)");
	return flags;
}
