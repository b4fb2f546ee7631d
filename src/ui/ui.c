/*
 * The screen's lifecycle: the terminal is set up on /dev/tty and always
 * given back (on quit, on fatal(), on SIGINT, SIGTERM and SIGHUP, whose
 * handlers only set a flag the loop reads); the theme; the main loop that
 * turns keys into actions and actions' flags into redraws.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "store.h"
#include "ui.h"
#include "ui-int.h"
#include "url.h"
#include "xmalloc.h"
#include "banned.h"

const char *const ui_elem_names[E_COUNT] = {
	"normal", "border", "pane.title", "pane.title.focus", "feed",
	"feed.count", "feed.selected", "article", "article.unread",
	"article.date", "article.selected", "header.title", "header.meta",
	"header.tags", "body", "subheading", "caption", "link", "speaker",
	"quote", "quote.mark", "entity.person", "entity.org", "entity.place",
	"entity.misc", "annotation", "sidebar.heading", "sidebar.item",
	"sidebar.role", "sidebar.count", "status", "status.progress",
	"message", "error", "prompt", "help.key", "help.text", "selection",
	"search.match", "feed.selected.unfocused", "article.selected.unfocused"
};

/*
 * Elements a theme may leave out (added after themes were written), each
 * made from another one: its colours, with an attribute instead of the
 * other's reverse.
 */
static const struct {
	enum ui_elem	 e, from;
	attr_t		 add;
} ui_elem_optional[] = {
	{ E_FEED_SELECTED_UNFOCUSED, E_FEED, A_UNDERLINE },
	{ E_ARTICLE_SELECTED_UNFOCUSED, E_ARTICLE, A_UNDERLINE },
};
#define UI_NOPTIONAL (sizeof ui_elem_optional / sizeof ui_elem_optional[0])

static volatile sig_atomic_t	ui_signal;
static SCREEN			*ui_screen;
static FILE			*ui_tty;

/* Note a terminating signal; the loop restores the terminal and exits. */
static void
ui_on_signal(int sig)
{
	ui_signal = sig;
}

/* Give the terminal back: leave the alternate screen, cooked mode. */
static void
ui_restore(void)
{
	if (ui_screen == NULL)
		return;
	endwin();
	delscreen(ui_screen);
	ui_screen = NULL;
	if (ui_tty != NULL)
		fclose(ui_tty);
	ui_tty = NULL;
}

/* Has a signal asked the screen to end? Prompts give up when it has. */
int
ui_interrupted(void)
{
	return ui_signal != 0;
}

/* Set the status-line message; NULL clears it. */
void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list	ap;

	free(ui->message);
	ui->message = NULL;
	ui->message_error = error;
	if (fmt == NULL)
		return;
	va_start(ap, fmt);
	xvasprintf(&ui->message, fmt, ap);
	va_end(ap);
}

/*
 * One of the eight basic colours for colour n of the 256 that a terminal
 * with fewer lacks: by hue when it has one, the terminal's default (-1)
 * for a grey, so light-on-dark shades become the terminal's own.
 */
static int
ui_colour_down(int n)
{
	static const int level[6] = { 0, 95, 135, 175, 215, 255 };
	int	 rgb[3], max, min, hue, i;

	if (n < 16)
		return n % 8;
	if (n >= 232)
		return -1;
	n -= 16;
	rgb[0] = level[n / 36];
	rgb[1] = level[n / 6 % 6];
	rgb[2] = level[n % 6];
	max = min = rgb[0];
	for (i = 1; i < 3; i++) {
		if (rgb[i] > max)
			max = rgb[i];
		if (rgb[i] < min)
			min = rgb[i];
	}
	if (max - min < 64)
		return -1;
	if (max == rgb[0])
		hue = 60 * (rgb[1] - rgb[2]) / (max - min);
	else if (max == rgb[1])
		hue = 120 + 60 * (rgb[2] - rgb[0]) / (max - min);
	else
		hue = 240 + 60 * (rgb[0] - rgb[1]) / (max - min);
	if (hue < 0)
		hue += 360;
	/* Orange reads as yellow, a sea blue as blue. */
	if (hue < 20 || hue >= 330)
		return COLOR_RED;
	if (hue < 80)
		return COLOR_YELLOW;
	if (hue < 160)
		return COLOR_GREEN;
	if (hue < 190)
		return COLOR_CYAN;
	if (hue < 260)
		return COLOR_BLUE;
	return COLOR_MAGENTA;
}

/* A colour name to a curses colour; -2 if unknown, *bold for bright ones. */
static int
ui_colour(const char *s, int *bold)
{
	static const char *names[] = { "black", "red", "green", "yellow",
	    "blue", "magenta", "cyan", "white" };
	char	*end;
	long	 n;
	int	 i;

	*bold = 0;
	if (strcmp(s, "default") == 0)
		return -1;
	if (strncmp(s, "colour", 6) == 0 || strncmp(s, "color", 5) == 0) {
		s += s[4] == 'u' ? 6 : 5;	/* colourN or colorN */
		n = strtol(s, &end, 10);
		if (*s == '\0' || *end != '\0' || n < 0 || n > 255)
			return -2;
		return n < COLORS ? (int)n : ui_colour_down((int)n);
	}
	if (strncmp(s, "bright", 6) == 0) {
		for (i = 0; i < 8; i++)
			if (strcmp(s + 6, names[i]) == 0)
				break;
		if (i == 8)
			return -2;
		if (COLORS >= 16)
			return i + 8;
		*bold = 1;
		return i;
	}
	for (i = 0; i < 8; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -2;
}

/* An attribute name to its curses bit; 0 if unknown. */
static attr_t
ui_attr_name(const char *s)
{
	if (strcmp(s, "bold") == 0)
		return A_BOLD;
	if (strcmp(s, "dim") == 0)
		return A_DIM;
	if (strcmp(s, "underline") == 0)
		return A_UNDERLINE;
	if (strcmp(s, "reverse") == 0)
		return A_REVERSE;
	if (strcmp(s, "italic") == 0)
		return A_ITALIC;
	if (strcmp(s, "standout") == 0)
		return A_STANDOUT;
	if (strcmp(s, "blink") == 0)
		return A_BLINK;
	if (strcmp(s, "none") == 0)
		return A_NORMAL;
	return (attr_t)-1;
}

/*
 * Find a theme file: a path, the user's themes, $DOSSIER_THEMES, then the
 * installed ones.
 */
static char *
ui_theme_path(const char *name)
{
	const char	*cfg, *home;
	char		*path;

	if (strchr(name, '/') != NULL)
		return xstrdup(name);
	if ((cfg = getenv("XDG_CONFIG_HOME")) != NULL && *cfg == '/')
		xasprintf(&path, "%s/dossier/themes/%s", cfg, name);
	else if ((home = getenv("HOME")) != NULL && *home == '/')
		xasprintf(&path, "%s/.config/dossier/themes/%s", home, name);
	else
		path = NULL;
	if (path != NULL && access(path, R_OK) == 0)
		return path;
	free(path);
	/* DOSSIER_THEMES: a themes folder, e.g. the source tree's. */
	if ((cfg = getenv("DOSSIER_THEMES")) != NULL && *cfg != '\0') {
		xasprintf(&path, "%s/%s", cfg, name);
		if (access(path, R_OK) == 0)
			return path;
		free(path);
	}
	xasprintf(&path, "%s/themes/%s", DOSSIER_DATADIR, name);
	return path;
}

/* Attributes used when no theme file can be read. */
static void
ui_theme_builtin(struct ui *ui)
{
	int	i;

	for (i = 0; i < E_COUNT; i++)
		ui->attr[i] = A_NORMAL;
	ui->attr[E_PANE_TITLE_FOCUS] = A_BOLD | A_REVERSE;
	ui->attr[E_PANE_TITLE] = ui->attr[E_HEADER_TITLE] = A_BOLD;
	ui->attr[E_FEED_SELECTED] = ui->attr[E_ARTICLE_SELECTED] = A_REVERSE;
	ui->attr[E_FEED_SELECTED_UNFOCUSED] = A_UNDERLINE;
	ui->attr[E_ARTICLE_SELECTED_UNFOCUSED] = A_UNDERLINE;
	ui->attr[E_ANNOTATION] = A_UNDERLINE;
	ui->attr[E_ARTICLE_UNREAD] = ui->attr[E_SPEAKER] = A_BOLD;
	ui->attr[E_SUBHEADING] = A_BOLD | A_UNDERLINE;
	ui->attr[E_QUOTE] = A_ITALIC;
	ui->attr[E_QUOTE_MARK] = ui->attr[E_STATUS] = A_REVERSE;
	ui->attr[E_CAPTION] = ui->attr[E_HEADER_META] = A_DIM;
	ui->attr[E_ERROR] = ui->attr[E_HELP_KEY] = A_BOLD;
	ui->attr[E_LINK] = A_UNDERLINE;
	ui->attr[E_SELECTION] = A_REVERSE;
	ui->attr[E_SEARCH_MATCH] = A_REVERSE;
}

/* Parse one "color" line; returns the element + 1, 0 if blank, -1. */
static int
ui_theme_line(struct ui *ui, char *line, int colour, short pair[][2],
    char **err)
{
	char	*w[8], *p;
	int	 n = 0, e, fg, bg, bold, bold2, i;
	attr_t	 a = A_NORMAL, x;

	for (p = line; n < 8; ) {
		p += strspn(p, " \t");
		if (*p == '\0' || *p == '#')
			break;
		w[n++] = p;
		p += strcspn(p, " \t");
		if (*p != '\0')
			*p++ = '\0';
	}
	if (n == 0)
		return 0;
	if (strcmp(w[0], "color") != 0 && strcmp(w[0], "colour") != 0) {
		xasprintf(err, "unknown keyword '%s'", w[0]);
		return -1;
	}
	if (n < 4) {
		xasprintf(err, "usage: color ELEMENT FG BG [ATTR...]");
		return -1;
	}
	for (e = 0; e < E_COUNT; e++)
		if (strcmp(ui_elem_names[e], w[1]) == 0)
			break;
	if (e == E_COUNT) {
		xasprintf(err, "unknown element '%s'", w[1]);
		return -1;
	}
	if ((fg = ui_colour(w[2], &bold)) == -2 ||
	    (bg = ui_colour(w[3], &bold2)) == -2) {
		xasprintf(err, "unknown colour '%s'", fg == -2 ? w[2] : w[3]);
		return -1;
	}
	for (i = 4; i < n; i++) {
		if ((x = ui_attr_name(w[i])) == (attr_t)-1) {
			xasprintf(err, "unknown attribute '%s'", w[i]);
			return -1;
		}
		a |= x;
	}
	/*
	 * Italic, where the terminal has none (screen, vt100), becomes an
	 * underline, so what a theme sets apart stays apart.
	 */
	if ((a & A_ITALIC) && !(term_attrs() & A_ITALIC))
		a = (a & ~A_ITALIC) | A_UNDERLINE;
	/*
	 * Without colours, an element set apart by its background only (a
	 * marked quote, a search match) is shown reversed instead.
	 */
	if (!colour && strcmp(w[3], "default") != 0 &&
	    !(a & (A_REVERSE | A_UNDERLINE)))
		a |= A_REVERSE;
	/* Pairs are set once the whole theme is read (ui_theme_load). */
	if (colour) {
		pair[e][0] = (short)fg;
		pair[e][1] = (short)bg;
		a |= COLOR_PAIR(e + 1) | (bold ? A_BOLD : 0);
	}
	ui->attr[e] = a;
	return e + 1;
}

#define UI_THEME_SIZE	(1024 * 1024)	/* bytes a theme file may have */

/* Load a theme file; every element must be set. */
int
ui_theme_load(struct ui *ui, const char *name, char **err)
{
	FILE	*f;
	char	*path, *line = NULL, *msg = NULL;
	size_t	 cap = 0;
	ssize_t	 len;
	int	 lineno = 0, rv = -1, colour, e;
	size_t	 i;
	int	 set[E_COUNT];
	short	 pair[E_COUNT][2];
	attr_t	 saved[E_COUNT];
	const char *nc;
	struct stat st;

	path = ui_theme_path(name);
	if ((f = fopen(path, "r")) == NULL) {
		/* A name was looked for in three places: name none of them. */
		if (errno == ENOENT && strchr(name, '/') == NULL)
			xasprintf(err, "unknown theme '%s' (try default, "
			    "light or mono)", name);
		else
			xasprintf(err, "%s: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	/* A theme is a small regular file: never /dev/zero or a FIFO. */
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > UI_THEME_SIZE) {
		xasprintf(err, "%s: %s", path, S_ISREG(st.st_mode) ?
		    "bigger than 1 MiB" : "not a regular file");
		fclose(f);
		free(path);
		return -1;
	}
	nc = getenv("NO_COLOR");
	colour = has_colors() && (nc == NULL || *nc == '\0');
	if (colour) {
		start_color();
		use_default_colors();
	}
	memcpy(saved, ui->attr, sizeof saved);
	memset(pair, 0, sizeof pair);
	ui_theme_builtin(ui);
	memset(set, 0, sizeof set);
	while ((len = getline(&line, &cap, f)) != -1) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		if ((e = ui_theme_line(ui, line, colour, pair, &msg)) < 0) {
			xasprintf(err, "%s:%d: %s", path, lineno, msg);
			free(msg);
			goto out;
		}
		if (e > 0)
			set[e - 1] = 1;
	}
	/* The config file's color lines win over the theme's. */
	for (i = 0; i < ui->ncolours; i++) {
		free(line);
		line = xstrdup(ui->colours[i]);
		if ((e = ui_theme_line(ui, line, colour, pair, &msg)) > 0)
			set[e - 1] = 1;
		free(msg);
		msg = NULL;
	}
	/* An element a theme may leave out is made from another. */
	for (i = 0; i < UI_NOPTIONAL; i++) {
		e = (int)ui_elem_optional[i].e;
		if (set[e])
			continue;
		pair[e][0] = pair[ui_elem_optional[i].from][0];
		pair[e][1] = pair[ui_elem_optional[i].from][1];
		ui->attr[e] = (ui->attr[ui_elem_optional[i].from] &
		    ~(A_COLOR | A_REVERSE)) | ui_elem_optional[i].add |
		    (colour ? COLOR_PAIR(e + 1) : 0);
		set[e] = 1;
	}
	/* A theme sets every other element, so none is left to chance. */
	for (e = 0; e < E_COUNT; e++) {
		if (!set[e]) {
			xasprintf(err, "%s: element '%s' is not set", path,
			    ui_elem_names[e]);
			goto out;
		}
	}
	/*
	 * Only a theme read whole changes the colours: one that fails
	 * midway leaves the screen as it was.
	 */
	if (colour)
		for (e = 0; e < E_COUNT; e++)
			init_pair((short)(e + 1), pair[e][0], pair[e][1]);
	free(ui->theme);
	ui->theme = xstrdup(name);
	ui->theme_loaded = 1;
	rv = 0;
out:
	if (rv != 0)
		memcpy(ui->attr, saved, sizeof saved);
	free(line);
	fclose(f);
	free(path);
	return rv;
}

/* Is there a program of this name to run (a path, or one on $PATH)? */
static int
ui_have_program(const char *name)
{
	const char	*path, *p, *end;
	char		*full;
	int		 found = 0;

	if (strchr(name, '/') != NULL)
		return access(name, X_OK) == 0;
	if ((path = getenv("PATH")) == NULL || *path == '\0')
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path; !found; p = end + 1) {
		end = p + strcspn(p, ":");
		xasprintf(&full, "%.*s/%s", end > p ? (int)(end - p) : 1,
		    end > p ? p : ".", name);
		found = access(full, X_OK) == 0;
		free(full);
		if (*end == '\0')
			break;
	}
	return found;
}

static void
ui_argv_free(char **argv)
{
	size_t	i;

	if (argv == NULL)
		return;
	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

/*
 * One command of $BROWSER (len bytes at cmd) as argv: words parted by
 * blanks, never run by a shell. Single or double quotes keep blanks in a
 * word and are taken away, as a shell would (firefox '%s' is common), but
 * nothing else is special. A word holding %s becomes that word with the
 * address in its place (%% is a '%'), so the address is never split; with
 * no %s the address is the last word. NULL if there are no words.
 */
static char **
ui_browser_words(const char *cmd, size_t len, const char *url)
{
	struct buf	  w;
	char		**argv;
	size_t		  argc = 0, i = 0;
	int		  placed = 0;
	char		  quote;

	argv = xcalloc(len / 2 + 3, sizeof *argv);
	for (;;) {
		while (i < len && (cmd[i] == ' ' || cmd[i] == '\t'))
			i++;
		if (i == len)
			break;
		buf_init(&w);
		quote = 0;
		for (; i < len && (quote != 0 || (cmd[i] != ' ' &&
		    cmd[i] != '\t')); i++) {
			if (quote == 0 && (cmd[i] == '\'' || cmd[i] == '"'))
				quote = cmd[i];
			else if (quote != 0 && cmd[i] == quote)
				quote = 0;
			else if (cmd[i] == '%' && i + 1 < len &&
			    cmd[i + 1] == 's') {
				buf_adds(&w, url);
				placed = 1;
				i++;
			} else if (cmd[i] == '%' && i + 1 < len &&
			    cmd[i + 1] == '%') {
				buf_addc(&w, '%');
				i++;
			} else
				buf_addc(&w, cmd[i]);
		}
		argv[argc++] = buf_detach(&w);
	}
	if (argc == 0) {
		free(argv);
		return NULL;
	}
	if (!placed)
		argv[argc++] = xstrdup(url);
	argv[argc] = NULL;
	return argv;
}

/*
 * The browser's argv for url: $BROWSER, a list of commands parted by ':'
 * of which the first installed one wins, else xdg-open. NULL with a
 * message on the status line if there is none.
 */
static char **
ui_browser_argv(struct ui *ui, const char *url)
{
	const char	*env, *p, *end;
	char		**argv, *first = NULL;

	env = getenv("BROWSER");
	if (env == NULL || env[strspn(env, " \t:")] == '\0') {
		if (!ui_have_program("xdg-open")) {
			ui_message(ui, 1, "no browser: set $BROWSER, or "
			    "install xdg-open");
			return NULL;
		}
		env = "xdg-open";
	}
	for (p = env; ; p = end + 1) {
		end = p + strcspn(p, ":");
		argv = ui_browser_words(p, (size_t)(end - p), url);
		if (argv != NULL && ui_have_program(argv[0])) {
			free(first);
			return argv;
		}
		if (argv != NULL && first == NULL)
			first = xstrdup(argv[0]);
		ui_argv_free(argv);
		if (*end == '\0')
			break;
	}
	ui_message(ui, 1, "no browser: cannot find %s; set $BROWSER",
	    first != NULL ? first : "?");
	free(first);
	return NULL;
}

/*
 * A color line of the config file: checked, kept to be applied over every
 * theme read later, and applied at once over the theme in use.
 */
int
ui_theme_color(struct ui *ui, const char *line, char **err)
{
	short	 pair[E_COUNT][2];
	attr_t	 saved[E_COUNT];
	char	*copy = xstrdup(line);
	const char *nc = getenv("NO_COLOR");
	int	 colour, e;

	colour = ui->theme_loaded && has_colors() &&
	    (nc == NULL || *nc == '\0');
	memcpy(saved, ui->attr, sizeof saved);
	e = ui_theme_line(ui, copy, colour, pair, err);
	free(copy);
	if (e <= 0) {
		memcpy(ui->attr, saved, sizeof saved);
		if (e == 0)
			xasprintf(err, "usage: color ELEMENT FG BG [ATTR...]");
		return -1;
	}
	if (!ui->theme_loaded)
		memcpy(ui->attr, saved, sizeof saved);	/* the theme's turn */
	else if (colour)
		init_pair((short)e, pair[e - 1][0], pair[e - 1][1]);
	ui->colours = xreallocarray(ui->colours, ui->ncolours + 1,
	    sizeof *ui->colours);
	ui->colours[ui->ncolours++] = xstrdup(line);
	return UI_REDRAW;
}

/*
 * Open a link with $BROWSER or xdg-open, the terminal suspended. Only an
 * address url_openable allows is passed, checked here again right before
 * the browser starts: it begins "http://" or "https://", so it can never
 * be read as an option, and holds no blank or control character.
 */
int
ui_open_url(struct ui *ui, const char *url)
{
	char		**argv;
	int		  status;
	pid_t		  pid;

	if (url == NULL || *url == '\0') {
		ui_message(ui, 1, "this story has no link");
		return UI_REDRAW;
	}
	if (!url_openable(url)) {
		ui_message(ui, 1, "not opened: only http and https addresses "
		    "are");
		return UI_REDRAW;
	}
	if ((argv = ui_browser_argv(ui, url)) == NULL)
		return UI_REDRAW;

	def_prog_mode();
	endwin();
	fflush(stdout);
	if ((pid = fork()) == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "dossier: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	status = -1;
	if (pid > 0)
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (pid < 0)
		ui_message(ui, 1, "cannot start %s: %s", argv[0],
		    strerror(errno));
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		ui_message(ui, 1, "%s failed", argv[0]);
	else
		ui_message(ui, 0, "opened %s", url);
	ui_argv_free(argv);
	return UI_REDRAW | UI_RELAYOUT;
}

/* Set up signals: terminating ones set a flag; no restart of reads. */
static void
ui_signals(void)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Do what the pending flags ask, then paint. */
void
ui_frame(struct ui *ui)
{
	int	f = ui->flags;
	size_t	n = ui->feeds.n;

	ui->flags = 0;
	/* The feed list's length sets the panes' heights: read it first. */
	if (f & UI_FEEDS) {
		ui_feeds_load(ui, STORE_COUNT_CHEAP);
		if (ui->feeds.n != n)
			f |= UI_RELAYOUT;
	}
	/* A story opened or closed, a pane zoomed or folded: lay out anew. */
	if (ui_layout_sig(ui) != ui->layout_sig)
		f |= UI_RELAYOUT;
	if (f & UI_RELAYOUT) {
		ui_layout(ui);
		ui_article_wrap(ui);
		f |= UI_LIST;	/* the window's height may have changed */
	}
	if (f & UI_LIST)
		ui_list_load(ui);
	ui_draw(ui);
}

/* Free what the screen held. */
static void
ui_free(struct ui *ui)
{
	ui_article_close(ui);
	library_feeds_free(&ui->feeds);
	library_rows_free(&ui->rows);
	library_quotes_free(&ui->quotes);
	free(ui->quotes_name);
	free(ui->filter_label);
	free(ui->filter_value);
	free(ui->filter_kind);
	free(ui->theme);
	free(ui->message);
	while (ui->ncolours > 0)
		free(ui->colours[--ui->ncolours]);
	free(ui->colours);
	while (ui->ncfg_errs > 0)
		free(ui->cfg_errs[--ui->ncfg_errs]);
	free(ui->cfg_errs);
	ui_search_free(ui);
	ui_bindings_free();
}

/* Run the screen until quit or a terminating signal. */
int
ui_main(struct store *store)
{
	struct ui	 ui;
	char		*err = NULL;
	wint_t		 ch;
	int		 rc, status = 0;
	size_t		 n;

	memset(&ui, 0, sizeof ui);
	ui.store = store;
	ui.sidebar = -1;
	ui.mark_read = 1;
	ui.hints = 1;
	ui.confirm_mark_read = 50;
	ui.focus = PANE_LIST;
	ui.theme = xstrdup("default");
	ui_bindings_init(&ui);

	if ((ui_tty = fopen("/dev/tty", "r+")) == NULL) {
		fprintf(stderr, "dossier: /dev/tty: %s\n", strerror(errno));
		ui_free(&ui);
		return 1;
	}
	if ((ui_screen = newterm(NULL, ui_tty, ui_tty)) == NULL) {
		fprintf(stderr, "dossier: cannot use this terminal "
		    "(TERM=%s)\n", getenv("TERM") != NULL ?
		    getenv("TERM") : "");
		fclose(ui_tty);
		ui_tty = NULL;
		ui_free(&ui);
		return 1;
	}
	fatal_set_hook(ui_restore);
	ui_signals();
	set_term(ui_screen);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	timeout(500);

	/* The config file may choose a theme; otherwise the default one. */
	ui_theme_builtin(&ui);
	ui_config_load(&ui);
	if (!ui.theme_loaded && ui_theme_load(&ui, ui.theme, &err) != 0)
		ui_theme_builtin(&ui);	/* not installed: plain attributes */
	free(err);
	err = NULL;

	ui.flags = UI_RELAYOUT | UI_FEEDS | UI_LIST | UI_REDRAW;
	while (!ui_signal) {
		if (ui.flags & UI_QUIT)
			break;
		if (ui.flags != 0)
			ui_frame(&ui);
		/*
		 * Counts that scan the table (starred, outlets) wait until the
		 * screen is up and no key is pending.
		 */
		timeout(ui.feeds_stale || ui.count_text != NULL ? 0 :
		    ui_fetch_busy(&ui) ? 100 : 500);
		rc = get_wch(&ch);
		ui.flags |= ui_fetch_poll(&ui);
		if (rc == ERR) {
			/* A search's count goes on between keys. */
			if (ui.count_text != NULL)
				ui.flags |= ui_search_count(&ui, 50);
			if (ui.feeds_stale) {
				n = ui.feeds.n;
				ui_feeds_load(&ui, STORE_COUNT_EVERY);
				ui.flags |= UI_REDRAW | (ui.feeds.n != n ?
				    UI_RELAYOUT : 0);
			}
			continue;
		}
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
			ui.flags |= UI_RELAYOUT | UI_LIST | UI_REDRAW;
			continue;
		}
		ui.flags |= ui_key(&ui, rc, ch);
	}
	if (ui_signal)
		status = 128 + ui_signal;
	ui_restore();
	ui_fetch_stop(&ui);	/* after the terminal is back: no wait shown */
	fatal_set_hook(NULL);
	ui_free(&ui);
	return status;
}
