/*
 * The one writer of text cells. Every string shown passes through here:
 * it is decoded as UTF-8 (invalid bytes become U+FFFD), characters that
 * could move the cursor or start an escape sequence are dropped, and each
 * character is measured with wcwidth so wide and combining characters
 * take the columns they really take. Outside a UTF-8 locale a character
 * beyond ASCII is shown as the ASCII one that reads like it. And the
 * paint of the whole screen: each pane through its table of functions,
 * the status line, the hint line, the help.
 */
#include "config.h"

#include <curses.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "plural.h"
#include "store.h"
#include "ui-int.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* At most this many combining marks ride on one cell; the rest are dropped. */
#define UI_MAX_COMBINING	(CCHARW_MAX - 1)

/* Is the locale's character set UTF-8? */
int
ui_utf8(void)
{
	static int	utf8 = -1;
	const char	*cs;

	if (utf8 == -1) {
		cs = nl_langinfo(CODESET);
		utf8 = cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
		    strcmp(cs, "utf8") == 0);
	}
	return utf8;
}

/*
 * A character outside ASCII as the ASCII one that reads like it, for a
 * locale that is not UTF-8: typographic quotes, dashes and spaces, a
 * Latin-1 letter without its accent; '?' for the rest.
 */
static uint32_t
ui_ascii(uint32_t cp)
{
	static const char latin1[] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTs"
	    "aaaaaaaceeeeiiiidnooooo/ouuuuyty";

	if (cp >= 0xc0 && cp <= 0xff)
		return (unsigned char)latin1[cp - 0xc0];
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032:
	case 0xb4:
		return '\'';
	case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033:
	case 0xab: case 0xbb:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212: case 0xb7: case 0x2022:
		return '-';
	case 0x2026:
		return '.';
	case 0xa0: case 0x2002: case 0x2003: case 0x2009: case 0x202f:
		return ' ';
	case 0x2593:
		return '#';
	case 0x2591:
		return '.';
	default:
		return '?';
	}
}

/* Decode the next displayable character; 0 when it is to be dropped. */
static size_t
next_char(const char *s, size_t len, wchar_t *wc, int *width)
{
	uint32_t	cp;
	size_t		n;
	int		w;

	n = utf8_decode(s, len, &cp);
	if (utf8_is_unsafe(cp)) {
		*width = -1;
		return n;
	}
	if (cp >= 0x80 && !ui_utf8()) {
		/* Combining marks go: the letter stays, unaccented. */
		if (wcwidth((wchar_t)cp) == 0 || (cp >= 0x300 && cp < 0x370)) {
			*width = -1;
			return n;
		}
		*wc = (wchar_t)ui_ascii(cp);
		*width = 1;
		return n;
	}
	w = wcwidth((wchar_t)cp);
	if (w < 0) {
		cp = 0xfffd;
		w = 1;
	}
	*wc = (wchar_t)cp;
	*width = w;
	return n;
}

/* Columns a string takes on the screen, dropped characters not counted. */
int
ui_width(const char *s, size_t len)
{
	size_t	i = 0;
	wchar_t	wc;
	int	w, total = 0;

	while (i < len) {
		i += next_char(s + i, len - i, &wc, &w);
		if (w > 0)
			total += w;
	}
	return total;
}

/* Bytes of a string that fit in cols columns; *used gets the columns. */
size_t
ui_fit(const char *s, size_t len, int cols, int *used)
{
	size_t	i = 0, n;
	wchar_t	wc;
	int	w, total = 0;

	while (i < len) {
		n = next_char(s + i, len - i, &wc, &w);
		if (w > 0 && total + w > cols)
			break;
		if (w > 0)
			total += w;
		i += n;
	}
	if (used != NULL)
		*used = total;
	return i;
}

/* Write one gathered cell (a base character and its combining marks). */
static void
put_cell(int y, int x, const wchar_t *wc, attr_t a)
{
	cchar_t	c;

	if (setcchar(&c, wc, a & ~A_COLOR, PAIR_NUMBER(a), NULL) == OK)
		mvadd_wch(y, x, &c);
}

/* Write a string at y, x in at most cols columns; returns columns used. */
int
ui_put(int y, int x, int cols, const char *s, size_t len, attr_t a,
    const uint8_t *cls, const attr_t *attrs)
{
	wchar_t	cell[CCHARW_MAX + 1];
	size_t	i = 0, n, ncell = 0;
	attr_t	cell_attr = a;
	int	w, cx = x, cw = 0;
	wchar_t	wc;

	if (s == NULL || cols <= 0)
		return 0;
	while (i < len) {
		n = next_char(s + i, len - i, &wc, &w);
		if (w < 0) {
			i += n;
			continue;
		}
		if (w == 0) {
			if (ncell > 0 && ncell < 1 + UI_MAX_COMBINING)
				cell[ncell++] = wc;
			i += n;
			continue;
		}
		if (ncell > 0) {
			cell[ncell] = L'\0';
			put_cell(y, cx, cell, cell_attr);
			cx += cw;
			ncell = 0;
		}
		if (cx + w > x + cols)
			break;
		cell[0] = wc;
		ncell = 1;
		cw = w;
		cell_attr = cls != NULL ? attrs[cls[i]] : a;
		i += n;
	}
	if (ncell > 0) {
		cell[ncell] = L'\0';
		put_cell(y, cx, cell, cell_attr);
		cx += cw;
	}
	return cx - x;
}

/*
 * The mark of a cut text: an ellipsis where the locale is UTF-8, else a
 * tilde that any terminal shows.
 */
const char *
ui_ellipsis(void)
{
	return ui_utf8() ? "\xe2\x80\xa6" : "~";
}

/*
 * Write a string in at most cols columns as ui_put does, but a string
 * that does not fit ends with the ellipsis so the cut shows.
 */
int
ui_put_cut(int y, int x, int cols, const char *s, size_t len, attr_t a)
{
	const char	*e = ui_ellipsis();
	size_t		 n;
	int		 used;

	if (s == NULL || cols <= 0)
		return 0;
	if (ui_width(s, len) <= cols)
		return ui_put(y, x, cols, s, len, a, NULL, NULL);
	n = ui_fit(s, len, cols - 1, NULL);
	/* Trailing spaces before the mark would hide it. */
	while (n > 0 && s[n - 1] == ' ')
		n--;
	used = ui_put(y, x, cols - 1, s, n, a, NULL, NULL);
	return used + ui_put(y, x + used, 1, e, strlen(e), a, NULL, NULL);
}

/* Fill cols cells with spaces of an attribute. */
void
ui_fill(int y, int x, int cols, attr_t a)
{
	int	i;

	attrset(a);
	for (i = 0; i < cols; i++)
		mvaddch(y, x + i, ' ');
	attrset(A_NORMAL);
}

/*
 * How many of the len bytes of s go on one line of cols columns when the
 * text is wrapped: up to the last space that fits, else as much as fits,
 * and at least one character (one wider than cols still moves on).
 */
size_t
ui_wrap_cut(const char *s, size_t len, int cols)
{
	size_t	n = ui_fit(s, len, cols, NULL), cut;

	if (n < len) {
		for (cut = n; cut > 0 && s[cut] != ' '; cut--)
			;
		if (cut > 0)
			n = cut;
		else if (n == 0)
			n = 1;
	}
	return n;
}

/*
 * Write text wrapped at spaces in cols columns from line y, drawing only
 * the lines above ymax (none when ymax <= y, to measure). Returns the
 * number of lines the text takes.
 */
int
ui_wrap(int y, int x, int cols, int ymax, const char *s, attr_t a)
{
	size_t	len = strlen(s), n;
	int	lines = 0;

	if (cols < 1)
		return 0;
	while (len > 0) {
		n = ui_wrap_cut(s, len, cols);
		if (y + lines < ymax)
			ui_put(y + lines, x, cols, s, n, a, NULL, NULL);
		lines++;
		s += n;
		len -= n;
		while (len > 0 && *s == ' ') {
			s++;
			len--;
		}
	}
	return lines;
}

/* Draw a pane's title line and its right border. */
void
ui_box(struct ui *ui, enum ui_pane p, const char *title)
{
	struct ui_rect	*r = &ui->r[p];
	attr_t		 a;
	int		 i, cols = ui_layout_cols(ui, p);

	a = ui->attr[ui->focus == p ? E_PANE_TITLE_FOCUS : E_PANE_TITLE];
	ui_fill(r->y, r->x, cols, a);
	ui_put_cut(r->y, r->x + 1, cols - 1, title, strlen(title), a);
	if (cols < r->w) {
		attrset(ui->attr[E_BORDER]);
		for (i = 0; i < r->h; i++)
			mvadd_wch(r->y + i, r->x + cols, WACS_VLINE);
		attrset(A_NORMAL);
	}
}

/*
 * The status line: counts, a message, a fetch's progress, and the help
 * and quit keys where the hint line does not show them.
 */
static void
draw_status(struct ui *ui)
{
	char	*left, right[80];
	int	 y = LINES - 1, w, rw;
	int64_t	 all = ui_feeds_count(ui, STORE_FILTER_ALL);
	int64_t	 unread = ui_feeds_count(ui, STORE_FILTER_UNREAD);

	if (all < 0)
		all = 0;
	if (unread < 0)
		unread = 0;
	ui_fill(y, 0, COLS, ui->attr[E_STATUS]);
	ui_hints_status(ui, right, sizeof right);
	w = rw = ui_width(right, strlen(right));
	w += ui_fetch_draw(ui, y, COLS - rw - 2);
	if (ui->message != NULL) {
		ui_put(y, 1, COLS - w - 3, ui->message, strlen(ui->message),
		    ui->attr[ui->message_error ? E_ERROR : E_STATUS], NULL,
		    NULL);
	} else {
		if ((left = ui_search_status(ui)) == NULL)
			xasprintf(&left, "%lld %s \xc2\xb7 %lld unread",
			    (long long)all, plural(all, "article",
			    "articles"), (long long)unread);
		ui_put(y, 1, COLS - w - 3, left, strlen(left),
		    ui->attr[E_STATUS], NULL, NULL);
		free(left);
	}
	ui_put(y, COLS - rw - 1, rw, right, strlen(right), ui->attr[E_STATUS],
	    NULL, NULL);
}

/* The message for a terminal too small to use, wrapped and centred. */
static void
draw_too_small(struct ui *ui)
{
	char	*msg, key[32];
	int	 y;

	if (ui_hint_key(ui, "quit", key, sizeof key) != 0)
		ui_hint_key(ui, "hard-quit", key, sizeof key);
	xasprintf(&msg, "Terminal too small (%dx%d): dossier needs "
	    "at least %dx%d.%s%s%s", COLS, LINES, UI_MIN_W, UI_MIN_H,
	    *key != '\0' ? " " : "", key, *key != '\0' ? " quits." : "");
	/* Wrapped and centred, to be read whole. */
	y = (LINES - ui_wrap(0, 0, COLS, 0, msg, 0)) / 2;
	ui_wrap(y > 0 ? y : 0, 0, COLS, LINES, msg, ui->attr[E_ERROR]);
	free(msg);
}

/* Paint the whole screen. */
void
ui_draw(struct ui *ui)
{
	int	p;

	erase();
	if (ui->too_small) {
		draw_too_small(ui);
		refresh();
		return;
	}
	/* Each pane draws itself, through the table of its functions. */
	for (p = 0; p < NPANES; p++)
		if (ui_layout_visible(ui, (enum ui_pane)p))
			ui_pane(ui, (enum ui_pane)p)->draw(ui);
	draw_status(ui);
	if (ui_hints_shown(ui))
		ui_hints_draw(ui, LINES - 2);
	if (ui->help)
		ui_help_draw(ui);
	refresh();
}
