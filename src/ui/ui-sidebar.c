/*
 * The entity sidebar: the open story's quoted speakers (role, number of
 * quotes), the unnamed sources it quotes, then its people, organisations
 * and places. Enter on a name lists the stories mentioning it, Enter on a
 * speaker opens their dossier (ui-dossier.c), W every quote of theirs
 * (ui-quotes.c), and Enter on an unnamed source marks its next quote in
 * the story.
 */
#include "config.h"

#include <curses.h>
#include <limits.h>
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
	for (i = 0; i < ui->side.ents.n; i++) {
		e = &ui->side.ents.v[i];
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
		if (i == ui->side.cur && sel != NULL)
			*sel = row;
		/* The cursor shows, fainter, when the focus is elsewhere. */
		a = ui->attr[E_SIDEBAR_ITEM];
		if (i == ui->side.cur)
			a = ui->attr[ui->focus == PANE_SIDEBAR ?
			    E_FEED_SELECTED : E_FEED_SELECTED_UNFOCUSED];
		if (VISIBLE) {
			y = ROW_Y;
			if (i == ui->side.cur)
				ui_fill(y, r->x, cols, a);
			snprintf(num, sizeof num, "%zu", e->count);
			nw = (int)strlen(num);
			ui_put_cut(y, r->x + 1, cols - nw - 3, e->label,
			    strlen(e->label), e->group == LIB_SPEAKER &&
			    a == ui->attr[E_SIDEBAR_ITEM] ?
			    ui->attr[E_SPEAKER] : a);
			ui_put(y, r->x + cols - nw - 1, nw, num, nw,
			    a == ui->attr[E_SIDEBAR_ITEM] ?
			    ui->attr[E_SIDEBAR_COUNT] : a, NULL, NULL);
			/* A quote of theirs here is one the user corrected. */
			if (e->corrected && cols - nw - 2 > 1)
				ui_put(y, r->x + cols - nw - 2, 1, "*", 1,
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
static void
sidebar_draw(struct ui *ui)
{
	struct ui_rect	*r = &ui->r[PANE_SIDEBAR];
	const char	*none = "No people found.";
	int		 nrows = r->h - 1, sel = 0;

	ui_box(ui, PANE_SIDEBAR, "People & quotes");
	if (ui->story.id == 0)
		return;
	if (ui->side.ents.n == 0) {
		ui_put_cut(r->y + 1, r->x + 1, r->w - 2, none, strlen(none),
		    ui->attr[E_SIDEBAR_ROLE]);
		return;
	}
	sidebar_rows(ui, 0, 0, 0, &sel);
	if (sel < (int)ui->side.top)
		ui->side.top = (size_t)(sel > 0 ? sel - 1 : 0);
	if (sel + 1 >= (int)ui->side.top + nrows)
		ui->side.top = (size_t)(sel + 2 - nrows);
	sidebar_rows(ui, 1, (int)ui->side.top, nrows, NULL);
}

/* Move the sidebar cursor. */
static int
sidebar_move(struct ui *ui, int d)
{
	return ui_pane_cursor(&ui->side.cur, ui->side.ents.n, d);
}

/*
 * Show the next quote of an unnamed source in the story, marked: such a
 * source is nobody to look up across the library.
 */
static int
sidebar_source(struct ui *ui, struct lib_entity *e)
{
	size_t	i;

	if (e->nspans == 0 || ui->story.id == 0)
		return 0;
	for (i = 0; i < e->nspans; i++)
		if (!ui->story.has_mark ||
		    e->spans[i].start > ui->story.mark_start)
			break;
	if (i == e->nspans)
		i = 0;
	ui->quotes.shown = 0;
	ui_article_mark(ui, e->spans[i].start, e->spans[i].end);
	ui_info(ui, "quote %zu of %zu by %s", i + 1, e->nspans,
	    e->name);
	return UI_REDRAW;
}

/* Open the quotes view of a speaker, or the stories naming an entity. */
static int
sidebar_open(struct ui *ui)
{
	struct lib_entity	*e;
	struct store_filter	 f;

	if (ui->side.cur >= ui->side.ents.n) {
		ui_info(ui, "%s", ui->story.id == 0 ? "open a story first" :
		    "no people, organisations or places were found in it");
		return UI_REDRAW;
	}
	e = &ui->side.ents.v[ui->side.cur];
	if (e->unnamed)
		return sidebar_source(ui, e);
	if (e->group == LIB_SPEAKER)
		return ui_dossier_find(ui, e->name);
	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_ENTITY;
	f.value = e->name;
	f.entity_kind = e->kind;
	ui->focus = PANE_LIST;
	ui->reading = 0;	/* a listing to browse, wide */
	ui_list_save(ui);	/* q goes back to the listing before */
	return ui_list_set(ui, &f, e->name, -1);
}

/* W: every quote of the speaker under the cursor, in the quotes view. */
int
ui_op_quotes(struct ui *ui)
{
	struct lib_entity	*e;

	if (ui_pane_focused(ui) != &ui_sidebar_pane ||
	    ui->side.cur >= ui->side.ents.n ||
	    ui->side.ents.v[ui->side.cur].group != LIB_SPEAKER ||
	    ui->side.ents.v[ui->side.cur].unnamed) {
		ui_info(ui, "choose a quoted speaker in the sidebar first");
		return UI_REDRAW;
	}
	e = &ui->side.ents.v[ui->side.cur];
	return ui_quotes_show(ui, e->kind, e->name);
}

/* Go to the first or the last name. */
static int
sidebar_edge(struct ui *ui, int bottom)
{
	return ui_pane_cursor(&ui->side.cur, ui->side.ents.n,
	    bottom ? INT_MAX : -INT_MAX);
}

const struct ui_pane_ops ui_sidebar_pane = {
	.table = T_SIDEBAR,
	.item_rows = 1,
	.on_story = 1,
	.draw = sidebar_draw,
	.move = sidebar_move,
	.edge = sidebar_edge,
	.open = sidebar_open,
	.quit = ui_article_leave,
	.story = ui_article_story,
};
