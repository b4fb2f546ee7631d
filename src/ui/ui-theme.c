/*
 * Themes: the elements of the screen and their names, the theme files
 * (found by name in the user's themes, $DOSSIER_THEMES or the installed
 * ones) that give each element its colours and attributes, the config
 * file's color lines laid over every theme, and what a terminal with
 * fewer colours, no italic or no colour at all is given instead.
 */
#include "config.h"

#include <sys/stat.h>

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui-int.h"
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
void
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

/*
 * Open a theme file by name; *path is where it was found (caller frees).
 * NULL with *err if there is none, or it is not a small regular file.
 */
static FILE *
theme_open(const char *name, char **path, char **err)
{
	FILE		*f;
	struct stat	 st;

	*path = ui_theme_path(name);
	if ((f = fopen(*path, "r")) == NULL) {
		/* A name was looked for in three places: name none of them. */
		if (errno == ENOENT && strchr(name, '/') == NULL)
			xasprintf(err, "unknown theme '%s' (try default, "
			    "light or mono)", name);
		else
			xasprintf(err, "%s: %s", *path, strerror(errno));
		free(*path);
		*path = NULL;
		return NULL;
	}
	/* A theme is a small regular file: never /dev/zero or a FIFO. */
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > UI_THEME_SIZE) {
		xasprintf(err, "%s: %s", *path, S_ISREG(st.st_mode) ?
		    "bigger than 1 MiB" : "not a regular file");
		fclose(f);
		free(*path);
		*path = NULL;
		return NULL;
	}
	return f;
}

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

	if ((f = theme_open(name, &path, err)) == NULL)
		return -1;
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
