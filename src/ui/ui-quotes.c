/*
 * The quotes view, shown in the article pane: every quote of one speaker
 * across the library, newest first, each on a line of its story's date,
 * outlet and title and up to two of its words. Enter opens the story at
 * the quote, marked; q from there comes back here.
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
	ui->focus = PANE_ARTICLE;
	return UI_REDRAW;
}

/* A quote on up to two lines, cut with an ellipsis past that. */
static void
quotes_line(struct ui *ui, int y, int x, int cols, const char *text)
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
static void
quotes_draw(struct ui *ui)
{
	struct ui_rect		*r = &ui->r[PANE_ARTICLE];
	struct lib_quote	*q;
	char			*title, *meta;
	int			 rows = r->h - 1, cols = r->w - 3, y, per = 4;
	size_t			 i, vis;
	attr_t			 a;

	xasprintf(&title, "Quotes: %s%s%s (%zu)", ui->quotes.name,
	    ui->quotes.role != NULL ? ", " : "", ui->quotes.role != NULL ?
	    ui->quotes.role : "", ui->quotes.list.n);
	ui_box(ui, PANE_ARTICLE, title);
	free(title);
	vis = (size_t)(rows / per > 0 ? rows / per : 1);
	if (ui->quotes.cur < ui->quotes.top)
		ui->quotes.top = ui->quotes.cur;
	if (ui->quotes.cur >= ui->quotes.top + vis)
		ui->quotes.top = ui->quotes.cur - vis + 1;
	for (i = ui->quotes.top, y = r->y + 1; i < ui->quotes.list.n &&
	    y + 1 < r->y + r->h; i++, y += per) {
		q = &ui->quotes.list.v[i];
		a = ui->attr[i != ui->quotes.cur ? E_HEADER_META :
		    ui->focus == PANE_ARTICLE ? E_FEED_SELECTED :
		    E_FEED_SELECTED_UNFOCUSED];
		if (i == ui->quotes.cur)
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
			xasprintf(&meta, "%s\xe2\x80\x9c%s\xe2\x80\x9d",
			    q->corrected ? "[corrected] " : "", q->text);
		else
			xasprintf(&meta, "%sreported: %s", q->corrected ?
			    "[corrected] " : "", q->text);
		quotes_line(ui, y + 1, r->x + 2, cols - 1, meta);
		free(meta);
	}
}

/* Move the quotes-view cursor. */
static int
quotes_move(struct ui *ui, int d)
{
	return ui_pane_cursor(&ui->quotes.cur, ui->quotes.list.n, d);
}

/* Open the story of the selected quote at the quote. */
static int
quotes_open(struct ui *ui)
{
	struct lib_quote	*q;
	size_t			 start, end;
	int			 flags;

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
	return ui_pane_cursor(&ui->quotes.cur, ui->quotes.list.n,
	    bottom ? INT_MAX : -INT_MAX);
}

/* The story of the quote under the cursor, for t and a; 0 if none. */
static int64_t
quotes_story(struct ui *ui)
{
	if (ui->quotes.cur >= ui->quotes.list.n)
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
