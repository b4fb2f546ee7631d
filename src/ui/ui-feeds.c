/*
 * The feed list: All, Unread, Starred, Notes, People and Speakers (the
 * people index, ui-people.c), the tags, the outlets and the feeds, with
 * their counts; choosing an entry shows its listing in the article list,
 * or the index in its place. The slow counts (starred, outlets) are redone when
 * the screen is idle.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "store.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

/* The entries of the people index: label and kind of the index. */
static const struct {
	const char	*label;
	const char	*kind;
} feeds_people_entries[] = {
	{ "People", "person" },
	{ "Speakers", "quoted" },
	{ "Organisations", "org" },	/* Enter: the stories naming one */
	{ "Places", "place" },		/* so too */
};

/* The kind of the people index an entry shows; NULL if none. */
static const char *
feeds_people(const struct lib_feed *e)
{
	if (e->heading || e->filter.kind != STORE_FILTER_ENTITY ||
	    e->filter.value != NULL)
		return NULL;
	return e->filter.entity_kind;
}

/* Put the people index's entries after Notes (after the first entries). */
static void
feeds_people_add(struct lib_feeds *f)
{
	struct lib_feed	*e;
	size_t		 at = 0, i, n = sizeof feeds_people_entries /
			    sizeof feeds_people_entries[0];

	while (at < f->n && !f->v[at].heading &&
	    f->v[at].filter.kind <= STORE_FILTER_NOTES)
		at++;
	f->v = xreallocarray(f->v, f->n + n, sizeof *f->v);
	memmove(f->v + at + n, f->v + at, (f->n - at) * sizeof *f->v);
	f->n += n;
	for (i = 0; i < n; i++) {
		e = &f->v[at + i];
		memset(e, 0, sizeof *e);
		e->filter.kind = STORE_FILTER_ENTITY;
		e->filter.entity_kind = xstrdup(feeds_people_entries[i].kind);
		e->label = xstrdup(feeds_people_entries[i].label);
		e->count = -1;	/* not counted: the index is paged */
	}
}

/* Is a feed-list entry the same as a filter? */
static int
feeds_is(const struct lib_feed *e, const struct store_filter *f)
{
	if (e->heading || e->filter.kind != f->kind)
		return 0;
	if (f->kind == STORE_FILTER_ENTITY)
		return e->filter.value == NULL && f->value == NULL &&
		    e->filter.entity_kind != NULL && f->entity_kind != NULL &&
		    strcmp(e->filter.entity_kind, f->entity_kind) == 0;
	if (f->kind == STORE_FILTER_FEED)
		return e->filter.feed == f->feed;
	if (f->kind == STORE_FILTER_TAG || f->kind == STORE_FILTER_OUTLET)
		return e->filter.value != NULL && f->value != NULL &&
		    strcmp(e->filter.value, f->value) == 0;
	return 1;
}

/* Show the listing of the feed-list entry under the cursor. */
static int
feeds_select(struct ui *ui)
{
	struct lib_feed	*e;

	if (ui->feeds.cur >= ui->feeds.list.n)
		return 0;
	e = &ui->feeds.list.v[ui->feeds.cur];
	if (e->heading)
		return 0;
	ui_list_forget(ui);	/* a feed chosen: q quits again */
	if (feeds_people(e) != NULL)
		return ui_people_show(ui, feeds_people(e), e->label);
	if (e->error != NULL)
		ui_error(ui, "last fetch of %s failed: %s", e->label,
		    e->error);
	return ui_list_set(ui, &e->filter, e->label, e->count);
}

/* Recount the feed list (the kinds asked for), keeping the cursor. */
int
ui_feeds_load(struct ui *ui, unsigned kinds)
{
	struct lib_feeds	 feeds;
	struct store_filter	 sel;
	char			*err = NULL, *value = NULL, *kind = NULL;
	size_t			 i;
	int			 had = ui->feeds.cur < ui->feeds.list.n;

	if (library_feeds(ui->store, kinds, &ui->feeds.list, &feeds,
	    &err) != 0) {
		ui_error(ui, "%s", err);
		free(err);
		return UI_REDRAW;
	}
	/* Keep the cursor on the same entry. */
	if (had) {
		sel = ui->feeds.list.v[ui->feeds.cur].filter;
		if (sel.value != NULL)
			sel.value = value = xstrdup(sel.value);
		if (sel.entity_kind != NULL)
			sel.entity_kind = kind = xstrdup(sel.entity_kind);
	}
	library_feeds_free(&ui->feeds.list);
	feeds_people_add(&feeds);
	ui->feeds.list = feeds;
	ui->feeds.cur = 0;
	for (i = 0; had && i < ui->feeds.list.n; i++)
		if (feeds_is(&ui->feeds.list.v[i], &sel))
			ui->feeds.cur = i;
	free(value);
	free(kind);
	for (i = 0; i < ui->feeds.list.n; i++)
		if (ui->list.label != NULL &&
		    feeds_is(&ui->feeds.list.v[i], &ui->list.filter))
			ui->list.count = ui->feeds.list.v[i].count;
	ui->feeds.stale = (kinds & STORE_COUNT_EVERY) != STORE_COUNT_EVERY;
	if (ui->list.label == NULL && ui->feeds.list.n > 0)
		feeds_select(ui);
	return UI_REDRAW;
}

/* Move the feed-list cursor, stepping over headings. */
static int
feeds_move(struct ui *ui, int d)
{
	long	i = (long)ui->feeds.cur, n = (long)ui->feeds.list.n;

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
	while (ui->feeds.list.v[i].heading && i + (d > 0 ? 1 : -1) >= 0 &&
	    i + (d > 0 ? 1 : -1) < n)
		i += d > 0 ? 1 : -1;
	if (ui->feeds.list.v[i].heading)
		return 0;
	ui->feeds.cur = (size_t)i;
	return feeds_select(ui) | UI_REDRAW;
}

/* Draw the feed list. */
static void
feeds_draw(struct ui *ui)
{
	struct ui_rect	*r = &ui->r[PANE_FEEDS];
	struct lib_feed	*e;
	char		 num[32];
	int		 rows = ui_layout_rows(ui, PANE_FEEDS);
	int		 cols, y, nw, sel, lw;
	size_t		 i;
	attr_t		 a;

	ui_box(ui, PANE_FEEDS, "Feeds");
	cols = ui_layout_cols(ui, PANE_FEEDS);
	if (ui->feeds.cur < ui->feeds.top)
		ui->feeds.top = ui->feeds.cur;
	if (rows > 0 && ui->feeds.cur >= ui->feeds.top + (size_t)rows)
		ui->feeds.top = ui->feeds.cur - (size_t)rows + 1;
	for (y = 0, i = ui->feeds.top; y < rows && i < ui->feeds.list.n;
	    y++, i++) {
		e = &ui->feeds.list.v[i];
		if (e->heading) {
			ui_put_cut(r->y + 1 + y, r->x + 1, cols - 1, e->label,
			    strlen(e->label), ui->attr[E_SIDEBAR_HEADING]);
			continue;
		}
		/* The cursor shows on the entry listed, or while moving. */
		sel = i == ui->feeds.cur && (ui->focus == PANE_FEEDS ||
		    (ui->people.shown ? feeds_people(e) != NULL :
		    feeds_is(e, &ui->list.filter)));
		a = ui->attr[!sel ? E_FEED : ui->focus == PANE_FEEDS ?
		    E_FEED_SELECTED : E_FEED_SELECTED_UNFOCUSED];
		if (sel)
			ui_fill(r->y + 1 + y, r->x, cols, a);
		*num = '\0';
		if (e->count >= 0)
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

/* The count of the first entry of a kind (All, Unread); -1 if none. */
int64_t
ui_feeds_count(struct ui *ui, enum store_filter_kind kind)
{
	size_t	i;

	for (i = 0; i < ui->feeds.list.n; i++)
		if (ui->feeds.list.v[i].filter.kind == kind)
			return ui->feeds.list.v[i].count;
	return -1;
}

/* Go to the first or the last entry. */
static int
feeds_edge(struct ui *ui, int bottom)
{
	return feeds_move(ui, bottom ? 0x7fff : -0x7fff);
}

/* Enter: browse the listing of the entry under the cursor, wide. */
static int
feeds_open(struct ui *ui)
{
	ui->focus = PANE_LIST;
	ui->reading = 0;	/* a listing to browse, wide */
	ui->list.from_feeds = 1;	/* quit goes back to the feed list */
	return feeds_select(ui) | UI_RELAYOUT | UI_REDRAW;
}

/* q: close the story beside the lists, else back to a listing or quit. */
static int
feeds_quit(struct ui *ui)
{
	if (ui->reading)
		return ui_article_leave(ui);
	return ui_list_restore(ui);	/* UI_QUIT if nothing to go back to */
}

/* h: as q, but never quit: with no listing to go back to, stay. */
static int
feeds_back(struct ui *ui)
{
	if (!ui->list.back.valid)
		return 0;
	return feeds_quit(ui) & ~UI_QUIT;
}

const struct ui_pane_ops ui_feeds_pane = {
	.table = T_FEEDS,
	.item_rows = 1,
	.draw = feeds_draw,
	.move = feeds_move,
	.edge = feeds_edge,
	.open = feeds_open,
	.quit = feeds_quit,
	.back = feeds_back,
	.story = ui_list_current,
};
