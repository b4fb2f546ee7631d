/*
 * The panes as a table. Each pane (ui-feeds.c, ui-list.c, ui-article.c,
 * ui-sidebar.c, and the quotes view of ui-quotes.c when the article pane
 * shows it) gives its functions in a struct ui_pane_ops; the draw loop
 * and the operations here that act on the focused pane (move, page, top,
 * bottom, open, quit, back, focus) call them, so no code asks which pane
 * has the focus.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"
#include "banned.h"

static const struct ui_pane_ops *const ui_panes[NPANES] = {
	[PANE_FEEDS] = &ui_feeds_pane,
	[PANE_LIST] = &ui_list_pane,
	[PANE_ARTICLE] = &ui_article_pane,
	[PANE_SIDEBAR] = &ui_sidebar_pane,
};

/*
 * The functions of a pane: the dossier's or the quotes view's while the
 * article pane has one, the people index's while the list pane has it.
 */
const struct ui_pane_ops *
ui_pane(struct ui *ui, enum ui_pane p)
{
	if (p == PANE_ARTICLE && ui->dossier.shown)
		return &ui_dossier_pane;
	if (p == PANE_ARTICLE && ui->quotes.shown)
		return &ui_quotes_pane;
	if (p == PANE_LIST && ui->people.shown)
		return &ui_people_pane;
	return ui_panes[p];
}

/* The functions of the focused pane. */
const struct ui_pane_ops *
ui_pane_focused(struct ui *ui)
{
	return ui_pane(ui, ui->focus);
}

/*
 * Move a cursor over n items by d, kept on the first or the last;
 * UI_REDRAW, or 0 when there is nothing to move over.
 */
int
ui_pane_cursor(size_t *cur, size_t n, int d)
{
	long	i = (long)*cur + d;

	if (n == 0)
		return 0;
	if (i < 0)
		i = 0;
	if (i >= (long)n)
		i = (long)n - 1;
	*cur = (size_t)i;
	return UI_REDRAW;
}

/* The number typed before the key, or 1: "5j" moves five rows. */
static int
pane_times(struct ui *ui)
{
	return ui->count > 0 ? ui->count : 1;
}

/* A page of the focused pane, in its items. */
static int
pane_page(struct ui *ui)
{
	int	h = (ui->r[ui->focus].h - 2) / ui_pane_focused(ui)->item_rows;

	return h > 1 ? h : 1;
}

/* Half a page of the focused pane, at least one row. */
static int
pane_half_page(struct ui *ui)
{
	int	h = pane_page(ui) / 2;

	return h > 1 ? h : 1;
}

/* Move by d items in the focused pane. */
static int
pane_move(struct ui *ui, int d)
{
	/* In parentheses: curses has a macro move(y, x). */
	return (ui_pane_focused(ui)->move)(ui, d);
}

/* Move down in the focused pane. */
int
ui_op_down(struct ui *ui)
{
	return pane_move(ui, pane_times(ui));
}

/* Move up in the focused pane. */
int
ui_op_up(struct ui *ui)
{
	return pane_move(ui, -pane_times(ui));
}

/* Move a page down in the focused pane. */
int
ui_op_page_down(struct ui *ui)
{
	return pane_move(ui, pane_page(ui) * pane_times(ui));
}

/* Move a page up in the focused pane. */
int
ui_op_page_up(struct ui *ui)
{
	return pane_move(ui, -pane_page(ui) * pane_times(ui));
}

/* Move half a page down, as C-d in vi. */
int
ui_op_half_page_down(struct ui *ui)
{
	return pane_move(ui, pane_half_page(ui) * pane_times(ui));
}

/* Move half a page up, as C-u in vi. */
int
ui_op_half_page_up(struct ui *ui)
{
	return pane_move(ui, -pane_half_page(ui) * pane_times(ui));
}

/* Go to the focused pane's first item. */
int
ui_op_top(struct ui *ui)
{
	return ui_pane_focused(ui)->edge(ui, 0);
}

/* Go to the focused pane's last item. */
int
ui_op_bottom(struct ui *ui)
{
	return ui_pane_focused(ui)->edge(ui, 1);
}

/* Move the focus to the next shown pane in a direction. */
static int
pane_focus_step(struct ui *ui, int d)
{
	int	p = (int)ui->focus, i;

	for (i = 0; i < NPANES; i++) {
		p = (p + d + NPANES) % NPANES;
		if (ui->shown[p])
			break;
	}
	ui->focus = (enum ui_pane)p;
	return UI_REDRAW;
}

/* Focus the next pane. */
int
ui_op_focus_next(struct ui *ui)
{
	return pane_focus_step(ui, 1);
}

/* Focus the previous pane. */
int
ui_op_focus_prev(struct ui *ui)
{
	return pane_focus_step(ui, -1);
}

/* Open what the focused pane has selected. */
int
ui_op_open(struct ui *ui)
{
	const struct ui_pane_ops *ops = ui_pane_focused(ui);

	return ops->open != NULL ? ops->open(ui) : 0;
}

/* Go back one step (the help first); from the lists, quit. */
int
ui_op_quit(struct ui *ui)
{
	if (ui->help) {
		ui->help = 0;
		return UI_REDRAW;
	}
	return ui_pane_focused(ui)->quit(ui);
}

/*
 * Go back as quit does, but never quit: where quit would end the program
 * (the lists, nothing to go back to), the article list hands the focus
 * to the feed list and the feed list stays.
 */
int
ui_op_back(struct ui *ui)
{
	const struct ui_pane_ops *ops = ui_pane_focused(ui);

	if (!ui->help && ops->back != NULL)
		return ops->back(ui);
	return ui_op_quit(ui) & ~UI_QUIT;
}

/*
 * The story r, s and o act on: the open one in the panes that show it,
 * else the one under the list's cursor; 0 if none.
 */
int64_t
ui_pane_target(struct ui *ui, int *read, int *starred)
{
	struct lib_row	*row;

	if (ui->story.id != 0 && ui_pane_focused(ui)->on_story) {
		*read = ui->story.art.read;
		*starred = ui->story.art.starred;
		return ui->story.id;
	}
	if (ui->list.cur < ui->list.rows.n) {
		row = &ui->list.rows.v[ui->list.cur];
		*read = row->read;
		*starred = row->starred;
		return row->key.id;
	}
	return 0;
}
