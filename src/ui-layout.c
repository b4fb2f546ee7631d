/*
 * The panes' geometry and the lists: the feed list (All, Unread, Starred,
 * Notes, tags, outlets, feeds) and the article list, a window of rows read from
 * the store next to a key, so moving through 100,000 stories reads only
 * what is shown. Also the status line, the greeting of an empty library
 * and the message for a terminal too small to use.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

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

/* Is the sidebar shown at this width? */
static int
ui_sidebar_fits(struct ui *ui, int w)
{
	if (ui->sidebar < 0)
		return w >= UI_WIDE;
	return ui->sidebar;
}

/* Place the panes for the terminal's size. */
void
ui_layout(struct ui *ui)
{
	struct ui_rect	*r = ui->r;
	int		 H, W, h, left, side, fh;

	getmaxyx(stdscr, H, W);
	memset(ui->shown, 0, sizeof ui->shown);
	ui->too_small = W < UI_MIN_W || H < UI_MIN_H;
	if (ui->too_small)
		return;
	h = H - 1 - ui_hints_shown(ui);	/* the status and hint lines */
	side = ui_sidebar_fits(ui, W) ? (W >= UI_WIDE ? W / 5 : W / 3) : 0;
	if (side > 34)
		side = 34;
	ui->narrow = W < UI_NARROW;
	if (!ui->narrow) {
		left = W / 4 < 24 ? 24 : (W / 4 > 40 ? 40 : W / 4);
		fh = (int)ui->feeds.n + 1;
		if (fh > h / 3)
			fh = h / 3;
		if (fh < 3)
			fh = 3;
		r[PANE_FEEDS] = (struct ui_rect){ 0, 0, fh, left };
		r[PANE_LIST] = (struct ui_rect){ fh, 0, h - fh, left };
		r[PANE_ARTICLE] = (struct ui_rect){ 0, left, h,
		    W - left - side };
		r[PANE_SIDEBAR] = (struct ui_rect){ 0, W - side, h, side };
	} else {
		fh = h / 4 < 3 ? 3 : h / 4;
		r[PANE_FEEDS] = (struct ui_rect){ 0, 0, fh, W };
		r[PANE_LIST] = (struct ui_rect){ fh, 0, h / 3, W };
		r[PANE_ARTICLE] = (struct ui_rect){ fh + h / 3, 0,
		    h - fh - h / 3, W - side };
		r[PANE_SIDEBAR] = (struct ui_rect){ fh + h / 3, W - side,
		    h - fh - h / 3, side };
	}
	ui->shown[PANE_FEEDS] = ui->shown[PANE_LIST] = 1;
	ui->shown[PANE_ARTICLE] = 1;
	ui->shown[PANE_SIDEBAR] = side > 0;
	if (!ui->shown[ui->focus])
		ui->focus = PANE_ARTICLE;
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
	ui_put(r->y, r->x + 1, cols - 1, title, strlen(title), a, NULL, NULL);
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
			ui_put(r->y + 1 + y, r->x + 1, cols - 1, e->label,
			    strlen(e->label), ui->attr[E_SIDEBAR_HEADING],
			    NULL, NULL);
			continue;
		}
		/* The cursor shows on the entry listed, or while moving. */
		sel = i == ui->feed_cur && (ui->focus == PANE_FEEDS ||
		    ui_feed_is(e, &ui->filter));
		a = ui->attr[sel ? E_FEED_SELECTED : E_FEED];
		if (sel)
			ui_fill(r->y + 1 + y, r->x, cols, a);
		snprintf(num, sizeof num, "%lld", (long long)e->count);
		nw = (int)strlen(num);
		/* A feed whose last fetch failed is marked in error colour. */
		lw = 0;
		if (e->error != NULL)
			lw = ui_put(r->y + 1 + y, r->x + 1, 2, "! ", 2,
			    sel ? a : ui->attr[E_ERROR], NULL, NULL);
		ui_put(r->y + 1 + y, r->x + 1 + lw, cols - nw - 3 - lw,
		    e->label, strlen(e->label), a, NULL, NULL);
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
		xasprintf(&title, "%.*s\xe2\x80\xa6%s", (int)n, label,
		    suffix);
	}
	free(suffix);
	return title;
}

/* Draw the article list window. */
static void
ui_list_draw(struct ui *ui)
{
	struct ui_rect	*r = &ui->r[PANE_LIST];
	struct lib_row	*row;
	char		*title, *pos;
	int		 rows = ui_rows(ui, PANE_LIST), cols, x, y;
	size_t		 i;
	attr_t		 a, da;

	cols = ui_cols(ui, PANE_LIST);
	/* Where the cursor is: "12/1204" at the title's right. */
	pos = NULL;
	x = 0;
	if (ui->rows.n > 0 && ui->pos >= 0) {
		xasprintf(&pos, " %lld/%lld", (long long)(ui->pos +
		    (int64_t)ui->cur + 1), (long long)ui->filter_count);
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
	for (y = 0, i = 0; y < rows && i < ui->rows.n; y++, i++) {
		row = &ui->rows.v[i];
		if (i == ui->cur) {
			a = da = ui->attr[E_ARTICLE_SELECTED];
			ui_fill(r->y + 1 + y, r->x, cols, a);
		} else {
			a = ui->attr[row->read ? E_ARTICLE : E_ARTICLE_UNREAD];
			da = ui->attr[E_ARTICLE_DATE];
		}
		x = r->x;
		x += ui_put(r->y + 1 + y, x, 1, row->starred ? "*" : " ", 1,
		    a, NULL, NULL);
		/* A story with no date leaves the column blank. */
		ui_put(r->y + 1 + y, x, 6, row->date, strnlen(row->date, 6),
		    da, NULL, NULL);
		x += 7;
		ui_put(r->y + 1 + y, x, cols - (x - r->x), row->title,
		    strlen(row->title), a, NULL, NULL);
	}
}

/* The screen of a library with no stories yet. */
static void
ui_greeting(struct ui *ui)
{
	static const char *paras[] = {
		"Welcome to dossier.",
		"",
		"Your library is empty. Import saved stories (plain text as "
		"browsers save it, HTML pages, Markdown) from a shell:",
		"",
		"    dossier import PATH...",
		"",
		"or follow feeds: dossier add URL, then press R here. "
		"A directory is read recursively; importing twice adds "
		"nothing.",
		"Then start dossier again. Press ? for keys, q to quit.",
	};
	struct ui_rect	*r = &ui->r[PANE_ARTICLE];
	int		 y, cols = ui_cols(ui, PANE_ARTICLE) - 3;
	size_t		 i;

	ui_box(ui, PANE_ARTICLE, "Welcome");
	for (i = 0, y = r->y + 2; i < sizeof paras / sizeof paras[0]; i++)
		y += *paras[i] == '\0' ? 1 : ui_wrap(y, r->x + 2, cols,
		    r->y + r->h, paras[i],
		    ui->attr[i == 0 ? E_HEADER_TITLE : E_MESSAGE]);
}

/* The status line: counts, position, a message, the main keys. */
static void
ui_status_draw(struct ui *ui)
{
	char	*left;
	int	 y = LINES - 1, w, rw;
	const char *right = "?:help  q:quit";
	int64_t	 all = 0, unread = 0;
	size_t	 i;

	ui_fill(y, 0, COLS, ui->attr[E_STATUS]);
	for (i = 0; i < ui->feeds.n; i++) {
		if (ui->feeds.v[i].filter.kind == STORE_FILTER_ALL)
			all = ui->feeds.v[i].count;
		if (ui->feeds.v[i].filter.kind == STORE_FILTER_UNREAD)
			unread = ui->feeds.v[i].count;
	}
	w = rw = (int)strlen(right);
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
	ui_put(y, COLS - rw - 1, rw, right, rw, ui->attr[E_STATUS], NULL,
	    NULL);
}

/* Paint the whole screen. */
void
ui_draw(struct ui *ui)
{
	char	*msg;
	int64_t	 all = -1;
	int	 y;
	size_t	 i;

	erase();
	if (ui->too_small) {
		xasprintf(&msg, "Terminal too small (%dx%d): dossier needs "
		    "at least %dx%d. q quits.", COLS, LINES, UI_MIN_W,
		    UI_MIN_H);
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
	ui_feeds_draw(ui);
	ui_list_draw(ui);
	if (all == 0)
		ui_greeting(ui);
	else if (ui->quotes_view)
		ui_quotes_draw(ui);
	else
		ui_article_draw(ui);
	if (ui->shown[PANE_SIDEBAR])
		ui_sidebar_draw(ui);
	ui_status_draw(ui);
	if (ui_hints_shown(ui))
		ui_hints_draw(ui, LINES - 2);
	if (ui->help)
		ui_help_draw(ui);
	refresh();
}
