/*
 * The article list: the listing shown (a feed-list entry, a search, the
 * stories naming someone) as a window of rows read from the store next
 * to a key, so moving through 100,000 stories reads only what is shown;
 * and the listing q goes back to, kept while a search or a name replaces
 * it.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "library.h"
#include "store.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

#define UI_HEADLINE_MIN	12	/* a row's headline, before its date */

/* Copy a filter, its strings owned by the copy: *value and *kind. */
static void
list_filter_copy(struct store_filter *to, char **value, char **kind,
    const struct store_filter *from)
{
	*to = *from;
	*value = from->value != NULL ? xstrdup(from->value) : NULL;
	*kind = from->entity_kind != NULL ? xstrdup(from->entity_kind) : NULL;
	to->value = *value;
	to->entity_kind = *kind;
}

/* Show a listing in the article list, from its top. */
int
ui_list_set(struct ui *ui, const struct store_filter *f, const char *label,
    int64_t count)
{
	struct ui_list	*l = &ui->list;
	char		*err = NULL;

	ui->people.shown = 0;	/* a listing in the people index's place */
	ui->people.back = 0;
	free(l->value);
	free(l->kind);
	free(l->label);
	list_filter_copy(&l->filter, &l->value, &l->kind, f);
	l->label = xstrdup(label);
	/* The feed list knows most counts; count only what it does not. */
	if (count < 0) {
		count = store_page_count(ui->store, &l->filter, NULL, &err);
		free(err);
	}
	l->count = count;
	l->has_top = 0;
	l->cur = 0;
	l->pos_ok = 0;
	return UI_LIST | UI_REDRAW;
}

/* Read the article-list window from its top key. */
int
ui_list_load(struct ui *ui)
{
	struct ui_list	*l = &ui->list;
	char		*err = NULL, *perr = NULL;
	int		 n = ui_layout_rows(ui, PANE_LIST);

	/* The window got shorter (a story opened): keep the cursor's row. */
	if (n > 0 && l->cur >= (size_t)n && l->cur < l->rows.n) {
		l->top_key = l->rows.v[l->cur - (size_t)n + 1].key;
		l->has_top = 1;
		l->cur = (size_t)n - 1;
	}
	library_rows_free(&l->rows);
	/* The people index has the pane: no story is listed. */
	if (ui->too_small || n <= 0 || l->label == NULL || ui->people.shown)
		return UI_REDRAW;
	if (library_page(ui->store, &l->filter, l->has_top ? &l->top_key :
	    NULL, 0, (size_t)n, &l->rows, &err) != 0) {
		ui_error(ui, "%s", err);
		free(err);
	}
	/* The top row went away (a filter of unread rows): start over. */
	if (l->rows.n == 0 && l->has_top) {
		l->has_top = 0;
		return ui_list_load(ui);
	}
	if (l->rows.n > 0 && l->cur >= l->rows.n)
		l->cur = l->rows.n - 1;
	/* The rows above the window, for "n/N": counted once a top key. */
	if (!l->has_top)
		l->pos = 0;
	else if (!l->pos_ok || l->pos_key.id != l->top_key.id ||
	    l->pos_key.sort_ts != l->top_key.sort_ts) {
		l->pos = store_page_count(ui->store, &l->filter,
		    &l->top_key, &perr);
		free(perr);
	}
	l->pos_ok = l->has_top;
	l->pos_key = l->top_key;
	return UI_REDRAW;
}

/* The id of the story under the list cursor; 0 if none. */
int64_t
ui_list_current(struct ui *ui)
{
	struct ui_list	*l = &ui->list;

	if (l->cur < l->rows.n)
		return l->rows.v[l->cur].key.id;
	return 0;
}

/* Move the list cursor by d, reading only rows past the window. */
static int
list_move(struct ui *ui, int d)
{
	struct ui_list	*l = &ui->list;
	struct lib_rows	 more;
	char		*err = NULL;
	long		 t, height = ui_layout_rows(ui, PANE_LIST), m, top;

	if (l->rows.n == 0)
		return 0;
	t = (long)l->cur + d;
	if (t >= 0 && t < (long)l->rows.n) {
		l->cur = (size_t)t;
		return UI_REDRAW;
	}
	if (t >= (long)l->rows.n) {
		/* Read only the rows past the window's end. */
		if (library_page(ui->store, &l->filter,
		    &l->rows.v[l->rows.n - 1].key, 1,
		    (size_t)(t - (long)l->rows.n + 1), &more, &err) != 0)
			goto fail;
		m = (long)more.n;
		if (t > (long)l->rows.n - 1 + m)
			t = (long)l->rows.n - 1 + m;
		top = t - (height - 1) > 0 ? t - (height - 1) : 0;
		l->top_key = top < (long)l->rows.n ? l->rows.v[top].key :
		    more.v[top - (long)l->rows.n].key;
		l->cur = (size_t)(t - top);
	} else {
		/* Read only the rows above the window's top. */
		if (library_page(ui->store, &l->filter, &l->rows.v[0].key,
		    -1, (size_t)-t, &more, &err) != 0)
			goto fail;
		m = (long)more.n;
		top = m + t > 0 ? m + t : 0;
		if (m == 0)
			l->top_key = l->rows.v[0].key;
		else
			l->top_key = more.v[top].key;
		l->cur = 0;
	}
	l->has_top = 1;
	library_rows_free(&more);
	return UI_LIST | UI_REDRAW;
fail:
	ui_error(ui, "%s", err);
	free(err);
	return UI_REDRAW;
}

/* Go to the first or the last story of the listing. */
static int
list_edge(struct ui *ui, int bottom)
{
	struct ui_list	*l = &ui->list;
	struct lib_rows	 last;
	char		*err = NULL;

	if (!bottom) {
		l->has_top = 0;
		l->cur = 0;
		return UI_LIST | UI_REDRAW;
	}
	if (library_page(ui->store, &l->filter, NULL, -1,
	    (size_t)ui_layout_rows(ui, PANE_LIST), &last, &err) != 0) {
		ui_error(ui, "%s", err);
		free(err);
		return UI_REDRAW;
	}
	if (last.n > 0) {
		l->top_key = last.v[0].key;
		l->has_top = 1;
		l->cur = last.n - 1;
	}
	library_rows_free(&last);
	return UI_LIST | UI_REDRAW;
}

/* Forget the listing kept to go back to. */
void
ui_list_forget(struct ui *ui)
{
	struct ui_listing	*b = &ui->list.back;

	free(b->value);
	free(b->kind);
	free(b->label);
	memset(b, 0, sizeof *b);
}

/* Keep the listing shown now, unless one is kept already. */
void
ui_list_save(struct ui *ui)
{
	struct ui_list		*l = &ui->list;
	struct ui_listing	*b = &l->back;

	if (b->valid || l->label == NULL)
		return;
	b->valid = 1;
	list_filter_copy(&b->filter, &b->value, &b->kind, &l->filter);
	b->label = xstrdup(l->label);
	b->count = l->count;
	b->has_top = l->has_top;
	b->top_key = l->top_key;
	b->cur = l->cur;
}

/* q from the lists: back to the kept listing, or quit if none. */
int
ui_list_restore(struct ui *ui)
{
	struct ui_list		*l = &ui->list;
	struct ui_listing	*b = &l->back;
	int			 flags;

	if (!b->valid)
		return UI_QUIT;
	flags = ui_list_set(ui, &b->filter, b->label, b->count);
	l->has_top = b->has_top;
	l->top_key = b->top_key;
	l->cur = b->cur;
	ui_list_forget(ui);
	ui->focus = PANE_LIST;
	return flags;
}

/*
 * Open the next (dir > 0) or previous unread story; past the last one,
 * wrap to the first (or the last), as a search wraps, and say so.
 */
static int
list_find_unread(struct ui *ui, int dir)
{
	struct ui_list		*l = &ui->list;
	struct store_filter	 f = l->filter;
	struct lib_rows		 found;
	char			*err = NULL;
	size_t			 i;
	int			 wrapped = 0;

	f.unread = 1;
	if (l->rows.n > 0 && library_page(ui->store, &f,
	    &l->rows.v[l->cur].key, dir, 1, &found, &err) != 0)
		goto fail;
	if (l->rows.n == 0 || found.n == 0) {
		if (l->rows.n > 0)
			library_rows_free(&found);
		if (library_page(ui->store, &f, NULL, dir > 0 ? 0 : -1, 1,
		    &found, &err) != 0)
			goto fail;
		wrapped = 1;
	}
	if (found.n == 0) {
		library_rows_free(&found);
		ui_info(ui, "no unread stories");
		return UI_REDRAW;
	}
	for (i = 0; i < l->rows.n; i++)
		if (l->rows.v[i].key.id == found.v[0].key.id)
			break;
	if (i < l->rows.n)
		l->cur = i;
	else {
		l->top_key = found.v[0].key;
		l->has_top = 1;
		l->cur = 0;
	}
	i = (size_t)found.v[0].key.id;
	library_rows_free(&found);
	ui->focus = PANE_ARTICLE;
	if (wrapped)
		ui_info(ui, "wrapped to the %s unread story",
		    dir > 0 ? "first" : "last");
	return ui_article_open(ui, (int64_t)i) | UI_LIST;
fail:
	ui_error(ui, "%s", err);
	free(err);
	return UI_REDRAW;
}

/*
 * The list's title, "label (count)", in cols columns: the label is cut
 * with an ellipsis so the count always shows whole.
 */
static char *
list_title(const char *label, int64_t count, int cols)
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
list_this_year(void)
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

/* Is the article list wide enough for the outlet and a date's day? */
static int
list_wide(int cols)
{
	return cols >= 50;
}

/*
 * The article list's columns for the rows in view: the date's width (the
 * widest date in view, at least " 5 Dec") and the outlet's (none when no
 * story in view has one, in an outlet's own listing, or in a narrow list).
 */
static void
list_columns(struct ui *ui, int rows, int cols, int *dw, int *ow)
{
	struct ui_list	*l = &ui->list;
	char		 date[32];
	size_t		 i;
	int		 w, max, wide = list_wide(cols);

	*dw = 6;
	*ow = 0;
	max = ui_layout_clamp(cols / 7, 8, 16);
	for (i = 0; i < l->rows.n && (int)i < rows; i++) {
		library_date_listed(l->rows.v[i].date, list_this_year(), wide,
		    date, sizeof date);
		w = ui_width(date, strlen(date));
		if (w > *dw)
			*dw = w > 12 ? 12 : w;
		if (l->rows.v[i].outlet == NULL ||
		    l->filter.kind == STORE_FILTER_OUTLET || !wide)
			continue;
		w = ui_width(l->rows.v[i].outlet,
		    strlen(l->rows.v[i].outlet));
		if (w > *ow)
			*ow = w > max ? max : w;
	}
}

/* Draw the article list window. */
static void
list_draw(struct ui *ui)
{
	struct ui_list	*l = &ui->list;
	struct ui_rect	*r = &ui->r[PANE_LIST];
	struct lib_row	*row;
	char		*title, *pos, date[32];
	int		 rows = ui_layout_rows(ui, PANE_LIST);
	int		 cols, x, y, dw, ow, tw;
	size_t		 i;
	attr_t		 a, da;

	cols = ui_layout_cols(ui, PANE_LIST);
	/*
	 * Where the cursor is: "12/1204" at the title's right, a blank
	 * before a border as the story's "lines 1-38/77 Top" has.
	 */
	pos = NULL;
	x = 0;
	if (l->rows.n > 0 && l->pos >= 0) {
		xasprintf(&pos, " %lld/%lld%s", (long long)(l->pos +
		    (int64_t)l->cur + 1), (long long)l->count,
		    cols < r->w ? " " : "");
		if ((x = (int)strlen(pos)) + 8 >= cols) {
			free(pos);
			pos = NULL;
			x = 0;
		}
	}
	title = list_title(l->label != NULL ? l->label :
	    "Articles", l->count, cols - 1 - x);
	ui_box(ui, PANE_LIST, title);
	free(title);
	if (pos != NULL) {
		ui_put(r->y, r->x + cols - x, x, pos, (size_t)x,
		    ui->attr[ui->focus == PANE_LIST ?
		    E_PANE_TITLE_FOCUS : E_PANE_TITLE], NULL, NULL);
		free(pos);
	}
	list_columns(ui, rows, cols, &dw, &ow);
	/* Too narrow for a date and a readable headline: the headline. */
	if (cols - 2 - dw - (ow > 0 ? ow + 2 : 0) < UI_HEADLINE_MIN)
		dw = -1;
	for (y = 0, i = 0; y < rows && i < l->rows.n; y++, i++) {
		row = &l->rows.v[i];
		if (i == l->cur) {
			a = da = ui->attr[ui->focus == PANE_LIST ?
			    E_ARTICLE_SELECTED : E_ARTICLE_SELECTED_UNFOCUSED];
			ui_fill(r->y + 1 + y, r->x, cols, a);
		} else {
			a = ui->attr[row->read ? E_ARTICLE : E_ARTICLE_UNREAD];
			da = ui->attr[E_ARTICLE_DATE];
		}
		x = r->x;
		/* Starred first; else '=', the same story stored again. */
		x += ui_put(r->y + 1 + y, x, 1, row->starred ? "*" :
		    row->grouped ? "=" : " ", 1, a, NULL, NULL);
		/* A story with no date leaves the column blank. */
		library_date_listed(row->date, list_this_year(), list_wide(cols),
		    date, sizeof date);
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

/* Open the next unread story. */
int
ui_op_next_unread(struct ui *ui)
{
	return list_find_unread(ui, 1);
}

/* Open the previous unread story. */
int
ui_op_prev_unread(struct ui *ui)
{
	return list_find_unread(ui, -1);
}

/* Enter: open the story under the cursor beside the lists. */
static int
list_open(struct ui *ui)
{
	int64_t	id;
	int	flags;

	if ((id = ui_list_current(ui)) == 0)
		return 0;
	flags = ui_article_open(ui, id);
	ui->focus = PANE_ARTICLE;
	return flags;
}

/*
 * q: close the story beside the lists; a listing chosen in the feed list
 * goes back there; else back to the listing kept, or quit.
 */
static int
list_quit(struct ui *ui)
{
	if (ui->reading)
		return ui_article_leave(ui);
	/* An organisation's stories: back to the index they came from. */
	if (ui->people.back) {
		ui->people.back = 0;
		ui->people.shown = 1;
		return UI_LIST | UI_REDRAW;
	}
	if (!ui->list.back.valid && ui->list.from_feeds &&
	    ui->shown[PANE_FEEDS]) {
		ui->focus = PANE_FEEDS;
		return UI_REDRAW;
	}
	return ui_list_restore(ui);	/* UI_QUIT if nothing to go back to */
}

/* h: as q, but where q would quit, the feed list takes the focus. */
static int
list_back(struct ui *ui)
{
	if (ui->list.back.valid)
		return list_quit(ui) & ~UI_QUIT;
	if (ui->shown[PANE_FEEDS]) {
		ui->focus = PANE_FEEDS;
		return UI_REDRAW;
	}
	return 0;
}

const struct ui_pane_ops ui_list_pane = {
	.table = T_LIST,
	.item_rows = 1,
	.draw = list_draw,
	.move = list_move,
	.edge = list_edge,
	.open = list_open,
	.quit = list_quit,
	.back = list_back,
	.story = ui_list_current,
};

/* Free the listing, its window and the listing kept to go back to. */
void
ui_list_free(struct ui *ui)
{
	struct ui_list	*l = &ui->list;

	library_rows_free(&l->rows);
	free(l->label);
	free(l->value);
	free(l->kind);
	ui_list_forget(ui);
}
