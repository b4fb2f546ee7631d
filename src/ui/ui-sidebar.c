/*
 * The entity sidebar and the quotes view. The sidebar lists the open
 * article's quoted speakers (role, number of quotes), the unnamed sources
 * it quotes, then its people, organisations and places; Enter on a name
 * lists the stories mentioning it, Enter on a speaker shows every quote of
 * theirs across the library, Enter on a quote opens its story at the
 * quote, marked, and Enter on an unnamed source marks its next quote.
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

static const char *const group_names[LIB_NGROUPS] = {
	"QUOTED", "PEOPLE", "ORGANISATIONS", "PLACES", "OTHER"
};

/*
 * The sidebar as rows: a heading before each group, two rows for an
 * entity with a role. Returns the row count; *sel the cursor's first row.
 */
static int
sidebar_rows(struct ui *ui, int draw, int top, int nrows, int *sel)
{
	struct ui_rect		*r = &ui->r[PANE_SIDEBAR];
	struct lib_entity	*e;
	char			 num[24];
	int			 row = 0, cols = r->w, y, nw;
	size_t			 i, len, cut;
	attr_t			 a;
	int			 last = -1;

#define ROW_Y	(r->y + 1 + row - top)
#define VISIBLE	(draw && row >= top && row < top + nrows)
	for (i = 0; i < ui->ents.n; i++) {
		e = &ui->ents.v[i];
		if ((int)e->group != last) {
			if (last != -1)
				row++;
			if (VISIBLE)
				ui_put_cut(ROW_Y, r->x + 1, cols - 2,
				    group_names[e->group],
				    strlen(group_names[e->group]),
				    ui->attr[E_SIDEBAR_HEADING]);
			row++;
			last = (int)e->group;
		}
		if (i == ui->side_cur && sel != NULL)
			*sel = row;
		/* The cursor shows, fainter, when the focus is elsewhere. */
		a = ui->attr[E_SIDEBAR_ITEM];
		if (i == ui->side_cur)
			a = ui->attr[ui->focus == PANE_SIDEBAR ?
			    E_FEED_SELECTED : E_FEED_SELECTED_UNFOCUSED];
		if (VISIBLE) {
			y = ROW_Y;
			if (i == ui->side_cur)
				ui_fill(y, r->x, cols, a);
			snprintf(num, sizeof num, "%zu", e->count);
			nw = (int)strlen(num);
			ui_put_cut(y, r->x + 1, cols - nw - 3, e->name,
			    strlen(e->name), e->group == LIB_SPEAKER &&
			    a == ui->attr[E_SIDEBAR_ITEM] ?
			    ui->attr[E_SPEAKER] : a);
			ui_put(y, r->x + cols - nw - 1, nw, num, nw,
			    a == ui->attr[E_SIDEBAR_ITEM] ?
			    ui->attr[E_SIDEBAR_COUNT] : a, NULL, NULL);
		}
		row++;
		if (e->title != NULL && e->group <= LIB_PERSON) {
			/* A role takes two lines when it needs them. */
			len = strlen(e->title);
			cut = ui_fit(e->title, len, cols - 3, NULL);
			while (cut < len && cut > 0 && e->title[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = ui_fit(e->title, len, cols - 3, NULL);
			if (VISIBLE)
				ui_put(ROW_Y, r->x + 2, cols - 3, e->title,
				    cut, ui->attr[E_SIDEBAR_ROLE], NULL, NULL);
			row++;
			if (cut < len) {
				cut += e->title[cut] == ' ';
				if (VISIBLE)
					ui_put_cut(ROW_Y, r->x + 2, cols - 3,
					    e->title + cut, len - cut,
					    ui->attr[E_SIDEBAR_ROLE]);
				row++;
			}
		}
	}
#undef ROW_Y
#undef VISIBLE
	return row;
}

/* Draw the sidebar, scrolled to keep its cursor in view. */
void
ui_sidebar_draw(struct ui *ui)
{
	struct ui_rect	*r = &ui->r[PANE_SIDEBAR];
	const char	*none = "No people found.";
	int		 nrows = r->h - 1, sel = 0;

	ui_box(ui, PANE_SIDEBAR, "People & quotes");
	if (ui->art_id == 0)
		return;
	if (ui->ents.n == 0) {
		ui_put_cut(r->y + 1, r->x + 1, r->w - 2, none, strlen(none),
		    ui->attr[E_SIDEBAR_ROLE]);
		return;
	}
	sidebar_rows(ui, 0, 0, 0, &sel);
	if (sel < (int)ui->side_top)
		ui->side_top = (size_t)(sel > 0 ? sel - 1 : 0);
	if (sel + 1 >= (int)ui->side_top + nrows)
		ui->side_top = (size_t)(sel + 2 - nrows);
	sidebar_rows(ui, 1, (int)ui->side_top, nrows, NULL);
}

/* Move the sidebar cursor. */
int
ui_sidebar_move(struct ui *ui, int d)
{
	long	i = (long)ui->side_cur + d;

	if (ui->ents.n == 0)
		return 0;
	if (i < 0)
		i = 0;
	if (i >= (long)ui->ents.n)
		i = (long)ui->ents.n - 1;
	ui->side_cur = (size_t)i;
	return UI_REDRAW;
}

/*
 * Show the next quote of an unnamed source in the story, marked: such a
 * source is nobody to look up across the library.
 */
static int
sidebar_source(struct ui *ui, struct lib_entity *e)
{
	size_t	i;

	if (e->nspans == 0 || ui->art_id == 0)
		return 0;
	for (i = 0; i < e->nspans; i++)
		if (!ui->has_mark || e->spans[i].start > ui->mark_start)
			break;
	if (i == e->nspans)
		i = 0;
	ui->quotes_view = 0;
	ui_article_mark(ui, e->spans[i].start, e->spans[i].end);
	ui_message(ui, 0, "quote %zu of %zu by %s", i + 1, e->nspans,
	    e->name);
	return UI_REDRAW;
}

/* Open the quotes view of a speaker, or the stories naming an entity. */
int
ui_sidebar_enter(struct ui *ui)
{
	struct lib_entity	*e;
	struct store_filter	 f;
	char			*err = NULL;

	if (ui->side_cur >= ui->ents.n) {
		ui_message(ui, 0, "%s", ui->art_id == 0 ? "open a story first" :
		    "no people, organisations or places were found in it");
		return UI_REDRAW;
	}
	e = &ui->ents.v[ui->side_cur];
	if (e->unnamed)
		return sidebar_source(ui, e);
	if (e->group == LIB_SPEAKER) {
		library_quotes_free(&ui->quotes);
		if (library_quotes(ui->store, e->kind, e->name, &ui->quotes,
		    &err) != 0) {
			ui_message(ui, 1, "%s", err);
			free(err);
			return UI_REDRAW;
		}
		free(ui->quotes_name);
		ui->quotes_name = xstrdup(e->name);
		ui->quotes_view = 1;
		ui->quote_cur = ui->quote_top = 0;
		ui->focus = PANE_ARTICLE;
		return UI_REDRAW;
	}
	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_ENTITY;
	f.value = e->name;
	f.entity_kind = e->kind;
	ui->focus = PANE_LIST;
	ui->reading = 0;	/* a listing to browse, wide */
	ui_search_save(ui);	/* q goes back to the listing before */
	return ui_set_filter(ui, &f, e->name, -1);
}

/* A quote on up to two lines, cut with an ellipsis past that. */
static void
quote_lines(struct ui *ui, int y, int x, int cols, const char *text)
{
	size_t	len = strlen(text), n, cut;
	attr_t	a = ui->attr[E_QUOTE];

	n = ui_fit(text, len, cols, NULL);
	cut = n;
	if (n < len) {
		while (cut > 0 && text[cut] != ' ')
			cut--;
		if (cut == 0)
			cut = n;
	}
	ui_put(y, x, cols, text, cut, a, NULL, NULL);
	text += cut;
	len -= cut;
	while (len > 0 && *text == ' ') {
		text++;
		len--;
	}
	if (len == 0)
		return;
	if (ui_width(text, len) <= cols) {
		ui_put(y + 1, x, cols, text, len, a, NULL, NULL);
		return;
	}
	ui_put_cut(y + 1, x, cols, text, len, a);
}

/* Draw the quotes view in the article pane. */
void
ui_quotes_draw(struct ui *ui)
{
	struct ui_rect		*r = &ui->r[PANE_ARTICLE];
	struct lib_quote	*q;
	char			*title, *meta;
	int			 rows = r->h - 1, cols = r->w - 3, y, per = 4;
	size_t			 i, vis;
	attr_t			 a;

	xasprintf(&title, "Quotes: %s (%zu)", ui->quotes_name,
	    ui->quotes.n);
	ui_box(ui, PANE_ARTICLE, title);
	free(title);
	vis = (size_t)(rows / per > 0 ? rows / per : 1);
	if (ui->quote_cur < ui->quote_top)
		ui->quote_top = ui->quote_cur;
	if (ui->quote_cur >= ui->quote_top + vis)
		ui->quote_top = ui->quote_cur - vis + 1;
	for (i = ui->quote_top, y = r->y + 1; i < ui->quotes.n &&
	    y + 1 < r->y + r->h; i++, y += per) {
		q = &ui->quotes.v[i];
		a = ui->attr[i != ui->quote_cur ? E_HEADER_META :
		    ui->focus == PANE_ARTICLE ? E_FEED_SELECTED :
		    E_FEED_SELECTED_UNFOCUSED];
		if (i == ui->quote_cur)
			ui_fill(y, r->x, cols + 2, a);
		xasprintf(&meta, "%s \xc2\xb7 %s \xc2\xb7 %s",
		    q->date + (*q->date == ' '), q->outlet != NULL ?
		    q->outlet : "", q->title != NULL ? q->title : "");
		ui_put_cut(y, r->x + 1, cols, meta, strlen(meta), a);
		free(meta);
		/*
		 * Only a direct quote is put in quote marks: reported speech
		 * is not the speaker's words, and a mixed quote holds its
		 * own marks.
		 */
		if (q->direct)
			xasprintf(&meta, "\xe2\x80\x9c%s\xe2\x80\x9d",
			    q->text);
		else
			xasprintf(&meta, "reported: %s", q->text);
		quote_lines(ui, y + 1, r->x + 2, cols - 1, meta);
		free(meta);
	}
}

/* Move the quotes-view cursor. */
int
ui_quotes_move(struct ui *ui, int d)
{
	long	i = (long)ui->quote_cur + d;

	if (ui->quotes.n == 0)
		return 0;
	if (i < 0)
		i = 0;
	if (i >= (long)ui->quotes.n)
		i = (long)ui->quotes.n - 1;
	ui->quote_cur = (size_t)i;
	return UI_REDRAW;
}

/* Open the story of the selected quote at the quote. */
int
ui_quotes_enter(struct ui *ui)
{
	struct lib_quote	*q;
	size_t			 start, end;
	int			 flags;

	if (ui->quote_cur >= ui->quotes.n)
		return 0;
	q = &ui->quotes.v[ui->quote_cur];
	start = q->start;
	end = q->end;
	flags = ui_article_open(ui, q->article);
	ui_article_mark(ui, start, end);
	ui->focus = PANE_ARTICLE;
	ui->quotes_back = 1;
	return flags | UI_REDRAW;
}

/* Leave the quotes view. */
int
ui_quotes_close(struct ui *ui)
{
	ui->quotes_view = 0;
	ui->focus = ui->shown[PANE_SIDEBAR] ? PANE_SIDEBAR : PANE_LIST;
	return UI_REDRAW;
}
