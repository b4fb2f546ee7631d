/*
 * The quotes view, shown in the article pane: the speaker's name and
 * role (Enter on it opens the dossier, ui-dossier.c), then every quote of
 * theirs across the library, newest first, each on a line of its story's
 * date, outlet, the role the story gives, the quote's kind (direct,
 * reported, mixed) and the story's title, and its words whole, wrapped. Enter opens the
 * story at the quote, marked; q from there comes back here.
 */
#include "config.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

/* The speaker's role as the sidebar shows it (library_role), or NULL. */
static const char *
quotes_role(struct ui *ui)
{
	const struct lib_entity	*e;
	size_t			 i;

	for (i = 0; i < ui->side.ents.n; i++) {
		e = &ui->side.ents.v[i];
		if (!e->unnamed && e->group <= LIB_PERSON &&
		    e->title != NULL && strcmp(e->name, ui->quotes.name) == 0)
			return e->title;
	}
	return NULL;
}

/* Show every quote of a speaker in the article pane. */
int
ui_quotes_show(struct ui *ui, const char *kind, const char *name)
{
	char	*err = NULL;

	library_quotes_free(&ui->quotes.list);
	if (library_quotes(ui->store, kind, name, &ui->quotes.list,
	    &err) != 0) {
		ui_error(ui, "%s", err);
		free(err);
		return UI_REDRAW;
	}
	free(ui->quotes.name);
	free(ui->quotes.kind);
	ui->quotes.name = xstrdup(name);
	free(ui->quotes.role);
	ui->quotes.role = quotes_role(ui) != NULL ?
	    xstrdup(quotes_role(ui)) : NULL;
	ui->quotes.kind = kind != NULL ? xstrdup(kind) : NULL;
	ui->quotes.shown = 1;
	ui->quotes.cur = ui->quotes.top = 0;
	ui->quotes.on_title = 0;
	ui->focus = PANE_ARTICLE;
	return UI_REDRAW;
}

/* A quote's words as shown: direct ones in quote marks. New string. */
static char *
quotes_text(const struct lib_quote *q)
{
	char	*s;

	/*
	 * Only a direct quote is put in quote marks: reported speech is not
	 * the speaker's words, and a mixed quote holds its own marks.
	 */
	if (q->direct)
		xasprintf(&s, "%s\xe2\x80\x9c%s\xe2\x80\x9d",
		    q->corrected ? "[corrected] " : "", q->text);
	else
		xasprintf(&s, "%s%s: %s", q->corrected ? "[corrected] " : "",
		    q->kind, q->text);
	return s;
}

/*
 * Draw quote q at y (nothing past ymax): its story's date, outlet and
 * title, its words whole and wrapped, a blank line. Its rows.
 */
static int
quotes_item(struct ui *ui, const struct lib_quote *q, int y, int ymax,
    int sel)
{
	struct ui_rect	*r = &ui->r[PANE_ARTICLE];
	char		*meta;
	int		 cols = r->w - 3, n;
	attr_t		 a;

	a = ui->attr[!sel ? E_HEADER_META : ui->focus == PANE_ARTICLE ?
	    E_FEED_SELECTED : E_FEED_SELECTED_UNFOCUSED];
	if (y < ymax) {
		if (sel)
			ui_fill(y, r->x, cols + 2, a);
		/* The role the story gives, and the kind, before its title. */
		xasprintf(&meta, "%s \xc2\xb7 %s \xc2\xb7 %s%s%s \xc2\xb7 %s",
		    q->date + (*q->date == ' '), q->outlet != NULL ?
		    q->outlet : "", q->role != NULL ? q->role : "",
		    q->role != NULL ? " \xc2\xb7 " : "", q->kind,
		    q->title != NULL ? q->title : "");
		ui_put_cut(y, r->x + 1, cols, meta, strlen(meta), a);
		free(meta);
	}
	meta = quotes_text(q);
	n = ui_wrap(y + 1, r->x + 2, cols - 1, ymax, meta, ui->attr[E_QUOTE]);
	free(meta);
	return 2 + n;
}

/* Draw the quotes view: the name and role on top, the quotes below. */
static void
quotes_draw(struct ui *ui)
{
	struct ui_rect	*r = &ui->r[PANE_ARTICLE];
	char		*title;
	int		 rows = r->h - 2, cols = r->w - 3, y, ymax = r->y + r->h;
	size_t		 i;
	attr_t		 a;

	/* A speaker of thousands: the newest, the dossier (w) has all. */
	xasprintf(&title, "Quotes: %s%s%s (%s%zu%s)", ui->quotes.name,
	    ui->quotes.role != NULL ? ", " : "", ui->quotes.role != NULL ?
	    ui->quotes.role : "", ui->quotes.list.cut ? "the newest " : "",
	    ui->quotes.list.n, ui->quotes.list.cut ? "; w: the dossier has "
	    "all" : "");
	ui_box(ui, PANE_ARTICLE, title);
	free(title);
	if (rows < 1 || cols < 1)
		return;
	/* The name: Enter on it opens the dossier. */
	a = ui->attr[!ui->quotes.on_title ? E_HEADER_TITLE :
	    ui->focus == PANE_ARTICLE ? E_FEED_SELECTED :
	    E_FEED_SELECTED_UNFOCUSED];
	if (ui->quotes.on_title)
		ui_fill(r->y + 1, r->x, cols + 2, a);
	xasprintf(&title, "%s%s%s \xc2\xb7 dossier", ui->quotes.name,
	    ui->quotes.role != NULL ? ", " : "", ui->quotes.role != NULL ?
	    ui->quotes.role : "");
	ui_put_cut(r->y + 1, r->x + 1, cols, title, strlen(title), a);
	free(title);
	/* Scroll so the whole of the quote under the cursor shows. */
	if (ui->quotes.cur < ui->quotes.top)
		ui->quotes.top = ui->quotes.cur;
	for (;;) {
		for (y = 0, i = ui->quotes.top; i <= ui->quotes.cur &&
		    i < ui->quotes.list.n; i++)
			y += quotes_item(ui, &ui->quotes.list.v[i], 0, 0, 0);
		if (y - 1 <= rows || ui->quotes.top >= ui->quotes.cur)
			break;
		ui->quotes.top++;
	}
	for (i = ui->quotes.top, y = r->y + 2; i < ui->quotes.list.n &&
	    y < ymax; i++)
		y += quotes_item(ui, &ui->quotes.list.v[i], y, ymax,
		    i == ui->quotes.cur && !ui->quotes.on_title);
}

/* Move the quotes-view cursor; up from the first quote, to the name. */
static int
quotes_move(struct ui *ui, int d)
{
	long	t;

	if (ui->quotes.on_title) {
		if (d <= 0 || ui->quotes.list.n == 0)
			return 0;
		ui->quotes.on_title = 0;
		ui->quotes.cur = 0;
		d--;
	}
	t = (long)ui->quotes.cur + d;
	if (t < 0) {
		ui->quotes.on_title = 1;
		ui->quotes.top = 0;
		return UI_REDRAW;
	}
	return ui_pane_cursor(&ui->quotes.cur, ui->quotes.list.n, d) |
	    UI_REDRAW;
}

/* Open the story of the selected quote at the quote. */
static int
quotes_open(struct ui *ui)
{
	struct lib_quote	*q;
	size_t			 start, end;
	int			 flags;

	if (ui->quotes.on_title)
		return ui_dossier_find(ui, ui->quotes.name);
	if (ui->quotes.cur >= ui->quotes.list.n)
		return 0;
	q = &ui->quotes.list.v[ui->quotes.cur];
	start = q->start;
	end = q->end;
	flags = ui_article_open(ui, q->article);
	ui_article_mark(ui, start, end);
	ui->focus = PANE_ARTICLE;
	ui->quotes.back = 1;
	return flags | UI_REDRAW;
}

/*
 * q: leave the quotes view. A selection made in the story before is the
 * story's: it is kept, and shows again with the story.
 */
static int
quotes_quit(struct ui *ui)
{
	ui->quotes.shown = 0;
	ui->focus = ui->shown[PANE_SIDEBAR] ? PANE_SIDEBAR : PANE_LIST;
	return UI_REDRAW;
}

/* Go to the first or the last quote. */
static int
quotes_edge(struct ui *ui, int bottom)
{
	ui->quotes.on_title = 0;
	return ui_pane_cursor(&ui->quotes.cur, ui->quotes.list.n,
	    bottom ? INT_MAX : -INT_MAX);
}

/* The story of the quote under the cursor, for t and a; 0 if none. */
static int64_t
quotes_story(struct ui *ui)
{
	if (ui->quotes.cur >= ui->quotes.list.n || ui->quotes.on_title)
		return 0;
	return ui->quotes.list.v[ui->quotes.cur].article;
}

/* Free the quotes view's list. */
void
ui_quotes_free(struct ui *ui)
{
	library_quotes_free(&ui->quotes.list);
	free(ui->quotes.name);
	free(ui->quotes.kind);
	free(ui->quotes.role);
	ui->quotes.name = ui->quotes.kind = ui->quotes.role = NULL;
}

const struct ui_pane_ops ui_quotes_pane = {
	.table = T_QUOTES,
	.item_rows = 4,
	.on_story = 1,
	.draw = quotes_draw,
	.move = quotes_move,
	.edge = quotes_edge,
	.open = quotes_open,
	.quit = quotes_quit,
	.story = quotes_story,
};
