/*
 * The panes' geometry and the lists: the feed list (All, Unread, Starred,
 * Notes, tags, outlets, feeds) and the article list, a window of rows read from
 * the store next to a key, so moving through 100,000 stories reads only
 * what is shown. While no story is open the article list takes the width
 * (browsing); an open story puts the story and the sidebar beside the lists
 * (reading). A pane can be zoomed to the screen, the feed list folded away,
 * and the widths set (set feed-width, list-width, sidebar-width). Also the
 * status line, the greeting of an empty library and the message for a
 * terminal too small to use.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "library.h"
#include "plural.h"
#include "store.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

#define UI_MIN_W	40
#define UI_MIN_H	10
#define UI_WIDE		100	/* from here the sidebar fits by default */
#define UI_NARROW	80	/* below this the lists stack */
#define UI_LIST_MIN	30	/* the article list keeps this many columns */
#define UI_TEXT_MIN	20	/* and a story this many */
#define UI_HEADLINE_MIN	12	/* a row's headline, before its date */

/* The width options, in the order of ui->width_opt. */
enum { W_FEED, W_LIST, W_SIDEBAR, W_COUNT };

/* v kept within lo and hi (lo wins when they cross). */
static int
ui_clamp(int v, int lo, int hi)
{
	if (v > hi)
		v = hi;
	return v < lo ? lo : v;
}

/* A width option in columns on a screen W wide; def when it is unset. */
static int
ui_width_get(struct ui *ui, int which, int W, int def)
{
	int	v = ui->width_opt[which];

	if (v > 0)
		return v;
	if (v < 0)
		return W * -v / 100;
	return def;
}

/* Is the sidebar shown at this width? */
static int
ui_sidebar_fits(struct ui *ui, int w)
{
	if (ui->sidebar < 0)
		return w >= UI_WIDE;
	return ui->sidebar;
}

/* Would the sidebar show beside a story now? */
int
ui_sidebar_on(struct ui *ui)
{
	return ui_sidebar_fits(ui, COLS);
}

/* Does the library hold no story (the greeting is shown)? */
static int
ui_library_empty(struct ui *ui)
{
	size_t	i;

	for (i = 0; i < ui->feeds.n; i++)
		if (ui->feeds.v[i].filter.kind == STORE_FILTER_ALL)
			return ui->feeds.v[i].count == 0;
	return 0;
}

/*
 * Is a story shown beside the lists? While none is, the article list
 * takes the width, as mutt's index and newsboat's list do.
 */
static int
ui_reading(struct ui *ui)
{
	return ui->reading || ui->quotes_view || ui_library_empty(ui);
}

/* What the layout depends on besides the terminal's size. */
int
ui_layout_sig(struct ui *ui)
{
	return ui_reading(ui) | (ui->feeds_folded << 1) |
	    (ui->zoom ? ((int)ui->focus + 1) << 2 : 0);
}

/* Is a pane drawn (shown, and not hidden by another's zoom)? */
int
ui_visible(struct ui *ui, enum ui_pane p)
{
	return ui->shown[p] && (!ui->zoom || ui->focus == p);
}

/* Place the panes for the terminal's size. */
void
ui_layout(struct ui *ui)
{
	struct ui_rect	*r = ui->r;
	int		 H, W, h, left, side, fh, lh, reading, feeds;

	getmaxyx(stdscr, H, W);
	memset(ui->shown, 0, sizeof ui->shown);
	memset(ui->r, 0, sizeof ui->r);
	ui->too_small = W < UI_MIN_W || H < UI_MIN_H;
	if (ui->too_small)
		return;
	h = H - 1 - ui_hints_shown(ui);	/* the status and hint lines */
	reading = ui_reading(ui);
	feeds = !ui->feeds_folded;
	ui->narrow = W < UI_NARROW;
	side = 0;
	if (reading && ui_sidebar_fits(ui, W)) {
		side = ui_width_get(ui, W_SIDEBAR, W, W >= UI_WIDE ?
		    (W / 5 > 34 ? 34 : W / 5) : W / 3);
		side = ui_clamp(side, 12, W / 2);
	}
	if (!ui->narrow && !reading) {
		/* Browsing: the feed list beside a wide article list. */
		left = !feeds ? 0 : ui_clamp(ui_width_get(ui, W_FEED, W,
		    ui_clamp(W / 7, 16, 28)), 8, W - UI_LIST_MIN);
		r[PANE_FEEDS] = (struct ui_rect){ 0, 0, h, left };
		r[PANE_LIST] = (struct ui_rect){ 0, left, h, W - left };
	} else if (!ui->narrow) {
		/* Reading: the lists on the left, the story, the sidebar. */
		left = ui_clamp(ui_width_get(ui, W_LIST, W,
		    ui_clamp(W / 4, 24, 40)), 12, W - side - UI_TEXT_MIN);
		fh = 0;
		if (feeds) {
			fh = ui_clamp((int)ui->feeds.n + 1, 3, h / 3);
			r[PANE_FEEDS] = (struct ui_rect){ 0, 0, fh, left };
		}
		r[PANE_LIST] = (struct ui_rect){ fh, 0, h - fh, left };
		r[PANE_ARTICLE] = (struct ui_rect){ 0, left, h,
		    W - left - side };
		r[PANE_SIDEBAR] = (struct ui_rect){ 0, W - side, h, side };
	} else {
		/* Narrow: the panes stacked, the sidebar beside the story. */
		fh = feeds ? (h / 4 < 3 ? 3 : h / 4) : 0;
		lh = reading ? h / 3 : h - fh;
		r[PANE_FEEDS] = (struct ui_rect){ 0, 0, fh, W };
		r[PANE_LIST] = (struct ui_rect){ fh, 0, lh, W };
		r[PANE_ARTICLE] = (struct ui_rect){ fh + lh, 0,
		    h - fh - lh, W - side };
		r[PANE_SIDEBAR] = (struct ui_rect){ fh + lh, W - side,
		    h - fh - lh, side };
	}
	ui->shown[PANE_FEEDS] = feeds;
	ui->shown[PANE_LIST] = 1;
	ui->shown[PANE_ARTICLE] = reading;
	ui->shown[PANE_SIDEBAR] = side > 0;
	if (!ui->shown[ui->focus])
		ui->focus = reading ? PANE_ARTICLE : PANE_LIST;
	/*
	 * Zoomed: the focused pane takes the screen; the others keep their
	 * geometry (the list its page size) but are not drawn.
	 */
	if (ui->zoom)
		r[ui->focus] = (struct ui_rect){ 0, 0, h, W };
	ui->layout_sig = ui_layout_sig(ui);
}

/* Zoom the focused pane to the whole screen, or back. */
int
ui_op_zoom(struct ui *ui)
{
	char	key[32];

	ui->zoom = !ui->zoom;
	ui_op_key("zoom", key, sizeof key);
	if (ui->zoom && *key != '\0')
		ui_message(ui, 0, "zoomed; %s gives the other panes back", key);
	else
		ui_message(ui, 0, NULL);
	return UI_RELAYOUT | UI_REDRAW;
}

/* Fold the feed list away, or bring it back. */
int
ui_op_toggle_feeds(struct ui *ui)
{
	ui->feeds_folded = !ui->feeds_folded;
	if (ui->feeds_folded && ui->focus == PANE_FEEDS)
		ui->focus = PANE_LIST;
	return UI_RELAYOUT | UI_REDRAW;
}

/* Rows of content a pane has (under its title line). */
static int
ui_rows(struct ui *ui, enum ui_pane p)
{
	return ui->r[p].h - 1 > 0 ? ui->r[p].h - 1 : 0;
}

/* Columns of content (a separator on the right unless at the edge). */
static int
ui_cols(struct ui *ui, enum ui_pane p)
{
	return ui->r[p].x + ui->r[p].w < COLS ? ui->r[p].w - 1 : ui->r[p].w;
}

/* Draw a pane's title line and its right border. */
void
ui_box(struct ui *ui, enum ui_pane p, const char *title)
{
	struct ui_rect	*r = &ui->r[p];
	attr_t		 a;
	int		 i, cols = ui_cols(ui, p);

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

/* Is a feed-list entry the same as a filter? */
static int
ui_feed_is(const struct lib_feed *e, const struct store_filter *f)
{
	if (e->heading || e->filter.kind != f->kind)
		return 0;
	if (f->kind == STORE_FILTER_FEED)
		return e->filter.feed == f->feed;
	if (f->kind == STORE_FILTER_TAG || f->kind == STORE_FILTER_OUTLET)
		return e->filter.value != NULL && f->value != NULL &&
		    strcmp(e->filter.value, f->value) == 0;
	return 1;
}

/* Recount the feed list (the kinds asked for), keeping the cursor. */
int
ui_feeds_load(struct ui *ui, unsigned kinds)
{
	struct lib_feeds	 feeds;
	struct store_filter	 sel;
	char			*err = NULL, *value = NULL;
	size_t			 i;
	int			 had = ui->feed_cur < ui->feeds.n;

	if (library_feeds(ui->store, kinds, &ui->feeds, &feeds, &err) != 0) {
		ui_message(ui, 1, "%s", err);
		free(err);
		return UI_REDRAW;
	}
	/* Keep the cursor on the same entry. */
	if (had) {
		sel = ui->feeds.v[ui->feed_cur].filter;
		if (sel.value != NULL)
			sel.value = value = xstrdup(sel.value);
	}
	library_feeds_free(&ui->feeds);
	ui->feeds = feeds;
	ui->feed_cur = 0;
	for (i = 0; had && i < ui->feeds.n; i++)
		if (ui_feed_is(&ui->feeds.v[i], &sel))
			ui->feed_cur = i;
	free(value);
	for (i = 0; i < ui->feeds.n; i++)
		if (ui->filter_label != NULL &&
		    ui_feed_is(&ui->feeds.v[i], &ui->filter))
			ui->filter_count = ui->feeds.v[i].count;
	ui->feeds_stale = (kinds & STORE_COUNT_EVERY) != STORE_COUNT_EVERY;
	if (ui->filter_label == NULL && ui->feeds.n > 0)
		ui_feed_select(ui);
	return UI_REDRAW;
}

/* Show a listing in the article list, from its top. */
int
ui_set_filter(struct ui *ui, const struct store_filter *f, const char *label,
    int64_t count)
{
	char	*err = NULL;

	free(ui->filter_value);
	free(ui->filter_kind);
	free(ui->filter_label);
	ui->filter = *f;
	ui->filter_value = f->value != NULL ? xstrdup(f->value) : NULL;
	ui->filter_kind = f->entity_kind != NULL ?
	    xstrdup(f->entity_kind) : NULL;
	ui->filter.value = ui->filter_value;
	ui->filter.entity_kind = ui->filter_kind;
	ui->filter_label = xstrdup(label);
	/* The feed list knows most counts; count only what it does not. */
	if (count < 0) {
		count = store_page_count(ui->store, &ui->filter, NULL, &err);
		free(err);
	}
	ui->filter_count = count;
	ui->has_top = 0;
	ui->cur = 0;
	ui->pos_ok = 0;
	return UI_LIST | UI_REDRAW;
}

/* Show the listing of the feed-list entry under the cursor. */
int
ui_feed_select(struct ui *ui)
{
	struct lib_feed	*e;

	if (ui->feed_cur >= ui->feeds.n)
		return 0;
	e = &ui->feeds.v[ui->feed_cur];
	if (e->heading)
		return 0;
	ui_search_forget(ui);	/* a feed chosen: q quits again */
	if (e->error != NULL)
		ui_message(ui, 1, "last fetch of %s failed: %s", e->label,
		    e->error);
	return ui_set_filter(ui, &e->filter, e->label, e->count);
}

/* Move the feed-list cursor, stepping over headings. */
int
ui_feeds_move(struct ui *ui, int d)
{
	long	i = (long)ui->feed_cur, n = (long)ui->feeds.n;

	if (n == 0)
		return 0;
	if (d == 0x7fff || d == -0x7fff)
		i = d > 0 ? n - 1 : 0;
	else
		i += d;
	if (i < 0)
		i = 0;
	if (i >= n)
		i = n - 1;
	/* Step over headings in the direction of travel. */
	while (ui->feeds.v[i].heading && i + (d > 0 ? 1 : -1) >= 0 &&
	    i + (d > 0 ? 1 : -1) < n)
		i += d > 0 ? 1 : -1;
	if (ui->feeds.v[i].heading)
		return 0;
	ui->feed_cur = (size_t)i;
	return ui_feed_select(ui) | UI_REDRAW;
}

/* Read the article-list window from its top key. */
int
ui_list_load(struct ui *ui)
{
	char	*err = NULL, *perr = NULL;
	int	 n = ui_rows(ui, PANE_LIST);

	/* The window got shorter (a story opened): keep the cursor's row. */
	if (n > 0 && ui->cur >= (size_t)n && ui->cur < ui->rows.n) {
		ui->top_key = ui->rows.v[ui->cur - (size_t)n + 1].key;
		ui->has_top = 1;
		ui->cur = (size_t)n - 1;
	}
	library_rows_free(&ui->rows);
	if (ui->too_small || n <= 0 || ui->filter_label == NULL)
		return UI_REDRAW;
	if (library_page(ui->store, &ui->filter, ui->has_top ? &ui->top_key :
	    NULL, 0, (size_t)n, &ui->rows, &err) != 0) {
		ui_message(ui, 1, "%s", err);
		free(err);
	}
	/* The top row went away (a filter of unread rows): start over. */
	if (ui->rows.n == 0 && ui->has_top) {
		ui->has_top = 0;
		return ui_list_load(ui);
	}
	if (ui->rows.n > 0 && ui->cur >= ui->rows.n)
		ui->cur = ui->rows.n - 1;
	/* The rows above the window, for "n/N": counted once a top key. */
	if (!ui->has_top)
		ui->pos = 0;
	else if (!ui->pos_ok || ui->pos_key.id != ui->top_key.id ||
	    ui->pos_key.sort_ts != ui->top_key.sort_ts) {
		ui->pos = store_page_count(ui->store, &ui->filter,
		    &ui->top_key, &perr);
		free(perr);
	}
	ui->pos_ok = ui->has_top;
	ui->pos_key = ui->top_key;
	return UI_REDRAW;
}

/* The id of the story under the list cursor; 0 if none. */
int64_t
ui_list_current(struct ui *ui)
{
	if (ui->cur < ui->rows.n)
		return ui->rows.v[ui->cur].key.id;
	return 0;
}

/* Move the list cursor by d, reading only rows past the window. */
int
ui_list_move(struct ui *ui, int d)
{
	struct lib_rows	 more;
	char		*err = NULL;
	long		 t, height = ui_rows(ui, PANE_LIST), m, top;

	if (ui->rows.n == 0)
		return 0;
	t = (long)ui->cur + d;
	if (t >= 0 && t < (long)ui->rows.n) {
		ui->cur = (size_t)t;
		return UI_REDRAW;
	}
	if (t >= (long)ui->rows.n) {
		/* Read only the rows past the window's end. */
		if (library_page(ui->store, &ui->filter,
		    &ui->rows.v[ui->rows.n - 1].key, 1,
		    (size_t)(t - (long)ui->rows.n + 1), &more, &err) != 0)
			goto fail;
		m = (long)more.n;
		if (t > (long)ui->rows.n - 1 + m)
			t = (long)ui->rows.n - 1 + m;
		top = t - (height - 1) > 0 ? t - (height - 1) : 0;
		ui->top_key = top < (long)ui->rows.n ? ui->rows.v[top].key :
		    more.v[top - (long)ui->rows.n].key;
		ui->cur = (size_t)(t - top);
	} else {
		/* Read only the rows above the window's top. */
		if (library_page(ui->store, &ui->filter, &ui->rows.v[0].key,
		    -1, (size_t)-t, &more, &err) != 0)
			goto fail;
		m = (long)more.n;
		top = m + t > 0 ? m + t : 0;
		if (m == 0)
			ui->top_key = ui->rows.v[0].key;
		else
			ui->top_key = more.v[top].key;
		ui->cur = 0;
	}
	ui->has_top = 1;
	library_rows_free(&more);
	return UI_LIST | UI_REDRAW;
fail:
	ui_message(ui, 1, "%s", err);
	free(err);
	return UI_REDRAW;
}

/* Go to the first or the last story of the listing. */
int
ui_list_edge(struct ui *ui, int bottom)
{
	struct lib_rows	 last;
	char		*err = NULL;

	if (!bottom) {
		ui->has_top = 0;
		ui->cur = 0;
		return UI_LIST | UI_REDRAW;
	}
	if (library_page(ui->store, &ui->filter, NULL, -1,
	    (size_t)ui_rows(ui, PANE_LIST), &last, &err) != 0) {
		ui_message(ui, 1, "%s", err);
		free(err);
		return UI_REDRAW;
	}
	if (last.n > 0) {
		ui->top_key = last.v[0].key;
		ui->has_top = 1;
		ui->cur = last.n - 1;
	}
	library_rows_free(&last);
	return UI_LIST | UI_REDRAW;
}

/*
 * Open the next (dir > 0) or previous unread story; past the last one,
 * wrap to the first (or the last), as a search wraps, and say so.
 */
int
ui_list_find_unread(struct ui *ui, int dir)
{
	struct store_filter	 f = ui->filter;
	struct lib_rows		 found;
	char			*err = NULL;
	size_t			 i;
	int			 wrapped = 0;

	f.unread = 1;
	if (ui->rows.n > 0 && library_page(ui->store, &f,
	    &ui->rows.v[ui->cur].key, dir, 1, &found, &err) != 0)
		goto fail;
	if (ui->rows.n == 0 || found.n == 0) {
		if (ui->rows.n > 0)
			library_rows_free(&found);
		if (library_page(ui->store, &f, NULL, dir > 0 ? 0 : -1, 1,
		    &found, &err) != 0)
			goto fail;
		wrapped = 1;
	}
	if (found.n == 0) {
		library_rows_free(&found);
		ui_message(ui, 0, "no unread stories");
		return UI_REDRAW;
	}
	for (i = 0; i < ui->rows.n; i++)
		if (ui->rows.v[i].key.id == found.v[0].key.id)
			break;
	if (i < ui->rows.n)
		ui->cur = i;
	else {
		ui->top_key = found.v[0].key;
		ui->has_top = 1;
		ui->cur = 0;
	}
	i = (size_t)found.v[0].key.id;
	library_rows_free(&found);
	ui->focus = PANE_ARTICLE;
	if (wrapped)
		ui_message(ui, 0, "wrapped to the %s unread story",
		    dir > 0 ? "first" : "last");
	return ui_article_open(ui, (int64_t)i) | UI_LIST;
fail:
	ui_message(ui, 1, "%s", err);
	free(err);
	return UI_REDRAW;
}

/* Draw the feed list. */
static void
ui_feeds_draw(struct ui *ui)
{
	struct ui_rect	*r = &ui->r[PANE_FEEDS];
	struct lib_feed	*e;
	char		 num[32];
	int		 rows = ui_rows(ui, PANE_FEEDS), cols, y, nw, sel, lw;
	size_t		 i;
	attr_t		 a;

	ui_box(ui, PANE_FEEDS, "Feeds");
	cols = ui_cols(ui, PANE_FEEDS);
	if (ui->feed_cur < ui->feed_top)
		ui->feed_top = ui->feed_cur;
	if (rows > 0 && ui->feed_cur >= ui->feed_top + (size_t)rows)
		ui->feed_top = ui->feed_cur - (size_t)rows + 1;
	for (y = 0, i = ui->feed_top; y < rows && i < ui->feeds.n; y++, i++) {
		e = &ui->feeds.v[i];
		if (e->heading) {
			ui_put_cut(r->y + 1 + y, r->x + 1, cols - 1, e->label,
			    strlen(e->label), ui->attr[E_SIDEBAR_HEADING]);
			continue;
		}
		/* The cursor shows on the entry listed, or while moving. */
		sel = i == ui->feed_cur && (ui->focus == PANE_FEEDS ||
		    ui_feed_is(e, &ui->filter));
		a = ui->attr[!sel ? E_FEED : ui->focus == PANE_FEEDS ?
		    E_FEED_SELECTED : E_FEED_SELECTED_UNFOCUSED];
		if (sel)
			ui_fill(r->y + 1 + y, r->x, cols, a);
		snprintf(num, sizeof num, "%lld", (long long)e->count);
		nw = (int)strlen(num);
		/* A feed whose last fetch failed is marked in error colour. */
		lw = 0;
		if (e->error != NULL)
			lw = ui_put(r->y + 1 + y, r->x + 1, 2, "! ", 2,
			    sel ? a : ui->attr[E_ERROR], NULL, NULL);
		ui_put_cut(r->y + 1 + y, r->x + 1 + lw, cols - nw - 3 - lw,
		    e->label, strlen(e->label), a);
		ui_put(r->y + 1 + y, r->x + cols - nw - 1, nw, num, nw,
		    sel ? a : ui->attr[E_FEED_COUNT], NULL, NULL);
	}
}

/*
 * The list's title, "label (count)", in cols columns: the label is cut
 * with an ellipsis so the count always shows whole.
 */
static char *
ui_list_title(const char *label, int64_t count, int cols)
{
	char	*title, *suffix;
	size_t	 len = strlen(label), n;
	int	 room;

	xasprintf(&suffix, " (%lld)", (long long)count);
	room = cols - (int)strlen(suffix);
	if (ui_width(label, len) <= room || room < 2)
		xasprintf(&title, "%s%s", label, suffix);
	else {
		n = ui_fit(label, len, room - 1, NULL);
		xasprintf(&title, "%.*s%s%s", (int)n, label, ui_ellipsis(),
		    suffix);
	}
	free(suffix);
	return title;
}

/*
 * The year it is now, for the list's dates. DOSSIER_TEST_NOW (a date,
 * YYYY-MM-DD) stands in for the clock, for tests only: a test's "this
 * year" must not change with the calendar.
 */
static int
ui_this_year(void)
{
	static int	 year;
	const char	*s;
	struct tm	 tm;
	time_t		 now;

	if (year != 0)
		return year;
	s = getenv("DOSSIER_TEST_NOW");
	if (s != NULL && strlen(s) >= 4 && strspn(s, "0123456789") == 4)
		year = atoi(s);
	else {
		now = time(NULL);
		year = localtime_r(&now, &tm) != NULL ? tm.tm_year + 1900 : 1;
	}
	return year;
}

/*
 * The text of a listed date (" 5 Dec 2025", the day padded so the months
 * line up) in a list wide or not: this year's stories " 5 Dec"; another
 * year's " 5 Dec 2025" in a wide list, "Dec 2025" in a narrow one, so a
 * story's year always shows when it is not this year's.
 */
static void
ui_list_date(const char *date, int wide, char *out, size_t len)
{
	const char	*year = strrchr(date, ' ');

	snprintf(out, len, "%s", date);
	if (year == NULL || year - date < 3 || date[2] != ' ')
		return;	/* not "%2d Mon YYYY": shown as it is */
	if (atoi(year + 1) == ui_this_year())
		snprintf(out, len, "%.*s", (int)(year - date), date);
	else if (!wide)
		snprintf(out, len, "%.*s", (int)strlen(date + 3), date + 3);
}

/* Is the article list wide enough for the outlet and a date's day? */
static int
ui_list_wide(int cols)
{
	return cols >= 50;
}

/*
 * The article list's columns for the rows in view: the date's width (the
 * widest date in view, at least " 5 Dec") and the outlet's (none when no
 * story in view has one, in an outlet's own listing, or in a narrow list).
 */
static void
ui_list_columns(struct ui *ui, int rows, int cols, int *dw, int *ow)
{
	char	date[32];
	size_t	i;
	int	w, max, wide = ui_list_wide(cols);

	*dw = 6;
	*ow = 0;
	max = ui_clamp(cols / 7, 8, 16);
	for (i = 0; i < ui->rows.n && (int)i < rows; i++) {
		ui_list_date(ui->rows.v[i].date, wide, date, sizeof date);
		w = ui_width(date, strlen(date));
		if (w > *dw)
			*dw = w > 12 ? 12 : w;
		if (ui->rows.v[i].outlet == NULL ||
		    ui->filter.kind == STORE_FILTER_OUTLET || !wide)
			continue;
		w = ui_width(ui->rows.v[i].outlet,
		    strlen(ui->rows.v[i].outlet));
		if (w > *ow)
			*ow = w > max ? max : w;
	}
}

/* Draw the article list window. */
static void
ui_list_draw(struct ui *ui)
{
	struct ui_rect	*r = &ui->r[PANE_LIST];
	struct lib_row	*row;
	char		*title, *pos, date[32];
	int		 rows = ui_rows(ui, PANE_LIST), cols, x, y, dw, ow, tw;
	size_t		 i;
	attr_t		 a, da;

	cols = ui_cols(ui, PANE_LIST);
	/*
	 * Where the cursor is: "12/1204" at the title's right, a blank
	 * before a border as the story's "lines 1-38/77 Top" has.
	 */
	pos = NULL;
	x = 0;
	if (ui->rows.n > 0 && ui->pos >= 0) {
		xasprintf(&pos, " %lld/%lld%s", (long long)(ui->pos +
		    (int64_t)ui->cur + 1), (long long)ui->filter_count,
		    cols < r->w ? " " : "");
		if ((x = (int)strlen(pos)) + 8 >= cols) {
			free(pos);
			pos = NULL;
			x = 0;
		}
	}
	title = ui_list_title(ui->filter_label != NULL ? ui->filter_label :
	    "Articles", ui->filter_count, cols - 1 - x);
	ui_box(ui, PANE_LIST, title);
	free(title);
	if (pos != NULL) {
		ui_put(r->y, r->x + cols - x, x, pos, (size_t)x,
		    ui->attr[ui->focus == PANE_LIST ?
		    E_PANE_TITLE_FOCUS : E_PANE_TITLE], NULL, NULL);
		free(pos);
	}
	ui_list_columns(ui, rows, cols, &dw, &ow);
	/* Too narrow for a date and a readable headline: the headline. */
	if (cols - 2 - dw - (ow > 0 ? ow + 2 : 0) < UI_HEADLINE_MIN)
		dw = -1;
	for (y = 0, i = 0; y < rows && i < ui->rows.n; y++, i++) {
		row = &ui->rows.v[i];
		if (i == ui->cur) {
			a = da = ui->attr[ui->focus == PANE_LIST ?
			    E_ARTICLE_SELECTED : E_ARTICLE_SELECTED_UNFOCUSED];
			ui_fill(r->y + 1 + y, r->x, cols, a);
		} else {
			a = ui->attr[row->read ? E_ARTICLE : E_ARTICLE_UNREAD];
			da = ui->attr[E_ARTICLE_DATE];
		}
		x = r->x;
		x += ui_put(r->y + 1 + y, x, 1, row->starred ? "*" : " ", 1,
		    a, NULL, NULL);
		/* A story with no date leaves the column blank. */
		ui_list_date(row->date, ui_list_wide(cols), date, sizeof date);
		ui_put(r->y + 1 + y, x, dw, date, strlen(date), da, NULL, NULL);
		x += dw + 1;	/* no date: dw -1 */
		tw = cols - (x - r->x) - (ow > 0 ? ow + 2 : 0);
		ui_put_cut(r->y + 1 + y, x, tw, row->title, strlen(row->title),
		    a);
		if (ow > 0 && row->outlet != NULL)
			ui_put_cut(r->y + 1 + y, r->x + cols - ow - 1, ow,
			    row->outlet, strlen(row->outlet), da);
	}
}

/* The screen of a library with no stories yet; its keys as bound now. */
static void
ui_greeting(struct ui *ui)
{
	const char	*paras[8];
	char		 fetch[32], help[32], quit[32], *p2, *p3;
	struct ui_rect	*r = &ui->r[PANE_ARTICLE];
	int		 y, cols = ui_cols(ui, PANE_ARTICLE) - 3;
	size_t		 i;

	ui_op_key("fetch", fetch, sizeof fetch);
	ui_op_key("help", help, sizeof help);
	ui_op_key("quit", quit, sizeof quit);
	if (*fetch != '\0')
		xasprintf(&p2, "or follow feeds: dossier add URL, then press "
		    "%s here. A directory is read recursively; importing "
		    "twice adds nothing.", fetch);
	else
		p2 = xstrdup("or follow feeds: dossier add URL, then type "
		    ":fetch here. A directory is read recursively; importing "
		    "twice adds nothing.");
	xasprintf(&p3, "Then start dossier again.%s%s%s%s%s%s",
	    *help != '\0' ? " Press " : "", help, *help != '\0' ?
	    " for keys" : "", *quit != '\0' ? (*help != '\0' ? ", " :
	    " Press ") : "", quit, *quit != '\0' ? " to quit." :
	    *help != '\0' ? "." : "");
	paras[0] = "Welcome to dossier.";
	paras[1] = "";
	paras[2] = "Your library is empty. Import saved stories (plain text "
	    "as browsers save it, HTML pages, Markdown) from a shell:";
	paras[3] = "";
	paras[4] = "    dossier import PATH...";
	paras[5] = "";
	paras[6] = p2;
	paras[7] = p3;
	ui_box(ui, PANE_ARTICLE, "Welcome");
	for (i = 0, y = r->y + 2; i < sizeof paras / sizeof paras[0]; i++)
		y += *paras[i] == '\0' ? 1 : ui_wrap(y, r->x + 2, cols,
		    r->y + r->h, paras[i],
		    ui->attr[i == 0 ? E_HEADER_TITLE : E_MESSAGE]);
	free(p2);
	free(p3);
}

/*
 * The status line: counts, a message, a fetch's progress, and the help
 * and quit keys where the hint line does not show them.
 */
static void
ui_status_draw(struct ui *ui)
{
	char	*left, right[80];
	int	 y = LINES - 1, w, rw;
	int64_t	 all = 0, unread = 0;
	size_t	 i;

	ui_fill(y, 0, COLS, ui->attr[E_STATUS]);
	for (i = 0; i < ui->feeds.n; i++) {
		if (ui->feeds.v[i].filter.kind == STORE_FILTER_ALL)
			all = ui->feeds.v[i].count;
		if (ui->feeds.v[i].filter.kind == STORE_FILTER_UNREAD)
			unread = ui->feeds.v[i].count;
	}
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

/* Paint the whole screen. */
void
ui_draw(struct ui *ui)
{
	char	*msg, key[32];
	int64_t	 all = -1;
	int	 y;
	size_t	 i;

	erase();
	if (ui->too_small) {
		if (ui_hint_key(ui, "quit", key, sizeof key) != 0)
			ui_hint_key(ui, "hard-quit", key, sizeof key);
		xasprintf(&msg, "Terminal too small (%dx%d): dossier needs "
		    "at least %dx%d.%s%s%s", COLS, LINES, UI_MIN_W, UI_MIN_H,
		    *key != '\0' ? " " : "", key, *key != '\0' ? " quits." :
		    "");
		/* Wrapped and centred, to be read whole. */
		y = (LINES - ui_wrap(0, 0, COLS, 0, msg, 0)) / 2;
		ui_wrap(y > 0 ? y : 0, 0, COLS, LINES, msg, ui->attr[E_ERROR]);
		free(msg);
		refresh();
		return;
	}
	for (i = 0; i < ui->feeds.n; i++)
		if (ui->feeds.v[i].filter.kind == STORE_FILTER_ALL)
			all = ui->feeds.v[i].count;
	if (ui_visible(ui, PANE_FEEDS))
		ui_feeds_draw(ui);
	if (ui_visible(ui, PANE_LIST))
		ui_list_draw(ui);
	if (!ui_visible(ui, PANE_ARTICLE))
		;
	else if (all == 0)
		ui_greeting(ui);
	else if (ui->quotes_view)
		ui_quotes_draw(ui);
	else
		ui_article_draw(ui);
	if (ui_visible(ui, PANE_SIDEBAR))
		ui_sidebar_draw(ui);
	ui_status_draw(ui);
	if (ui_hints_shown(ui))
		ui_hints_draw(ui, LINES - 2);
	if (ui->help)
		ui_help_draw(ui);
	refresh();
}
