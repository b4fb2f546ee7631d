/*
 * The article pane: the open story, laid out as a document (ui-doc.c),
 * wrapped to the pane's width into byte ranges and drawn through the one
 * safe cell writer, scrolled, with a quote marked; or, while the library
 * is empty, the greeting that says how to fill it.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "library.h"
#include "store.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

/* Forget the open article and everything laid out from it. */
void
ui_article_close(struct ui *ui)
{
	if (ui->story.id != 0)
		article_free(&ui->story.art);
	ui->story.id = 0;
	ui_doc_free(ui);
	library_entities_free(&ui->side.ents);
}

/*
 * Read the open article again after its tags or notes changed, keeping
 * the place in it, the marked quote and the selection.
 */
int
ui_article_reload(struct ui *ui)
{
	struct ui_story	*st = &ui->story;
	char		*err = NULL;
	size_t		 scroll = st->scroll, anchor = st->sel_anchor;
	size_t		 cur = st->sel_cur;
	int		 rv, selecting = st->selecting;

	if (st->id == 0)
		return 0;
	article_free(&st->art);
	ui_doc_free(ui);
	if ((rv = store_article_get(ui->store, st->id, &st->art,
	    &err)) != 0) {
		ui_error(ui, "%s", rv > 0 ? "the story is gone" : err);
		free(err);
		st->id = 0;
		library_entities_free(&ui->side.ents);
		return UI_REDRAW | UI_LIST | UI_FEEDS;
	}
	ui_doc_build(ui);
	ui_article_wrap(ui);
	st->scroll = scroll < st->nlines ? scroll : 0;
	/* A selection stays, within the document as it is now. */
	if (selecting && st->doc_len > 0) {
		st->selecting = 1;
		st->sel_anchor = anchor < st->doc_len ? anchor : st->doc_len - 1;
		st->sel_cur = cur < st->doc_len ? cur : st->doc_len - 1;
	}
	return UI_REDRAW;
}

/* Add a wrapped line. */
static void
add_line(struct ui *ui, size_t start, size_t end, size_t *cap)
{
	struct ui_story	*st = &ui->story;

	if (st->nlines == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		st->lines = xreallocarray(st->lines, *cap, sizeof *st->lines);
	}
	st->lines[st->nlines].start = start;
	st->lines[st->nlines++].end = end;
}

/* Scroll so the marked quote sits a third down the pane. */
static void
article_show_mark(struct ui *ui)
{
	struct ui_story	*st = &ui->story;
	size_t		 i, at = ui_doc_pos(ui, st->mark_start);
	int		 rows = ui->r[PANE_ARTICLE].h - 1;

	for (i = 0; i < st->nlines; i++)
		if (st->lines[i].end >= at && st->lines[i].start <= at)
			break;
	if (i == st->nlines)
		return;
	st->scroll = i > (size_t)rows / 3 ? i - (size_t)rows / 3 : 0;
}

/* Wrap the document to the pane into lines of byte ranges. */
void
ui_article_wrap(struct ui *ui)
{
	struct ui_story	*st = &ui->story;
	size_t		 cap = 0, p, q, pos, n, s;
	int		 width;
	const char	*d = st->doc;

	free(st->lines);
	st->lines = NULL;
	st->nlines = 0;
	if (d == NULL || !ui->shown[PANE_ARTICLE])
		return;
	width = ui->r[PANE_ARTICLE].w - 3;
	if (ui->max_width > 0 && width > ui->max_width)
		width = ui->max_width;
	if (width < 1)
		width = 1;
	st->wrap_width = width;
	for (p = 0; p <= st->doc_len; p = q + 1) {
		q = p;
		while (q < st->doc_len && d[q] != '\n')
			q++;
		if (p == q)
			add_line(ui, p, p, &cap);
		for (pos = p; pos < q; ) {
			n = ui_fit(d + pos, q - pos, width, NULL);
			if (n == 0) {	/* a wide character in one column */
				n = 1;
				while (pos + n < q &&
				    (d[pos + n] & 0xc0) == 0x80)
					n++;
			}
			if (pos + n >= q) {
				add_line(ui, pos, q, &cap);
				break;
			}
			for (s = pos + n; s > pos && d[s] != ' '; s--)
				;
			if (s > pos) {
				add_line(ui, pos, s, &cap);
				pos = s + 1;
			} else {
				add_line(ui, pos, pos + n, &cap);
				pos += n;
			}
		}
	}
	if (st->scroll >= st->nlines)
		st->scroll = st->nlines > 0 ? st->nlines - 1 : 0;
	if (st->has_mark)
		article_show_mark(ui);
}

/* Open an article: read it, its entities, mark it read, lay it out. */
int
ui_article_open(struct ui *ui, int64_t id)
{
	struct ui_story	*st = &ui->story;
	char		*err = NULL;
	int		 flags = UI_REDRAW, rv;

	ui_article_close(ui);
	ui->quotes.shown = 0;
	st->has_mark = 0;
	ui->quotes.back = 0;
	ui->dossier.shown = ui->dossier.back = 0;
	if ((rv = store_article_get(ui->store, id, &st->art, &err)) != 0) {
		ui_error(ui, "%s", rv > 0 ? "the story is gone" : err);
		free(err);
		return UI_REDRAW | UI_LIST | UI_FEEDS;
	}
	st->id = id;
	/* Its people and quotes are what an older version found. */
	if (store_article_outdated(&st->art) && ui->message == NULL)
		ui_info(ui, "analysed by an older extractor: run dossier "
		    "analyze --outdated");
	if (library_entities(ui->store, id, &ui->side.ents, &err) != 0) {
		ui_error(ui, "%s", err);
		free(err);
		err = NULL;
	}
	if (ui->mark_read && !st->art.read) {
		if (store_set_read(ui->store, id, 1, &err) == 0) {
			st->art.read = 1;
			flags |= UI_FEEDS | UI_LIST;
		} else {
			ui_error(ui, "%s", err);
			free(err);
		}
	}
	st->scroll = 0;
	ui->side.cur = ui->side.top = 0;
	/* The story pane shows from now on: wrap to its width. */
	if (!ui->reading)
		flags |= UI_RELAYOUT;
	ui->reading = 1;
	ui_layout(ui);
	ui_doc_build(ui);
	ui_article_wrap(ui);
	ui_search_article(ui);
	return flags;
}

/*
 * The view's place in the story: "All" when it fits, else the lines shown
 * and "Top", "Bot" or the share above the view, as less and vim show it.
 */
static char *
ui_article_position(struct ui *ui, int rows)
{
	struct ui_story	*st = &ui->story;
	char		*pos, *where;
	size_t		 n = st->nlines, first = st->scroll + 1, last, pct;

	if (rows <= 0 || n <= (size_t)rows)
		return xstrdup("All");
	last = st->scroll + (size_t)rows < n ? st->scroll + (size_t)rows : n;
	if (st->scroll == 0)
		where = xstrdup("Top");
	else if (last >= n)
		where = xstrdup("Bot");
	else {
		pct = st->scroll * 100 / (n - (size_t)rows);
		xasprintf(&where, "%zu%%", pct < 1 ? 1 : pct > 99 ? 99 : pct);
	}
	xasprintf(&pos, "lines %zu-%zu/%zu %s", first, last, n, where);
	free(where);
	return pos;
}

/* The screen of a library with no stories yet; its keys as bound now. */
static void
article_greeting(struct ui *ui)
{
	const char	*paras[8];
	char		 fetch[32], help[32], quit[32], *p2, *p3;
	struct ui_rect	*r = &ui->r[PANE_ARTICLE];
	int		 y, cols = ui_layout_cols(ui, PANE_ARTICLE) - 3;
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

/* Draw the article pane from the scroll position. */
static void
article_draw(struct ui *ui)
{
	struct ui_story	*st = &ui->story;
	struct ui_rect	*r = &ui->r[PANE_ARTICLE];
	struct ui_line	*l;
	char		*pos, *p, key[32], *hint;
	int		 rows = r->h - 1, y, cols, w;
	size_t		 i;
	attr_t		 attrs[256];

	if (ui_feeds_count(ui, STORE_FILTER_ALL) == 0) {
		article_greeting(ui);
		return;
	}
	if (st->id == 0) {
		ui_box(ui, PANE_ARTICLE, "Article");
		ui_op_key("open", key, sizeof key);
		xasprintf(&hint, "Choose a story%s%s to read it.",
		    *key != '\0' ? " and press " : "", key);
		ui_put(r->y + 2, r->x + 2, r->w - 3, hint, strlen(hint),
		    ui->attr[E_MESSAGE], NULL, NULL);
		free(hint);
		return;
	}
	ui_box(ui, PANE_ARTICLE, "Article");
	/* Where the view is, as less and vim say it: never a bare 0%. */
	pos = ui_article_position(ui, rows);
	p = pos;
	if ((int)strlen(p) + 10 >= r->w)	/* narrow: "Top" alone */
		p = strrchr(pos, ' ') != NULL ? strrchr(pos, ' ') + 1 : pos;
	w = (int)strlen(p);
	if (w + 10 < r->w)
		ui_put(r->y, r->x + r->w - w - 2, w, p, (size_t)w,
		    ui->attr[ui->focus == PANE_ARTICLE ? E_PANE_TITLE_FOCUS :
		    E_PANE_TITLE], NULL, NULL);
	free(pos);
	/* A name in a subheading: its colour, the subheading's bold. */
	for (i = 0; i < 256; i++)
		attrs[i] = ui->attr[(i & ~CLS_IN_SUB) < E_COUNT ?
		    (i & ~CLS_IN_SUB) : E_BODY];
	for (i = 0; i < E_COUNT; i++)
		attrs[i | CLS_IN_SUB] |= ui->attr[E_SUBHEADING] &
		    ~(A_COLOR | A_REVERSE);
	cols = st->wrap_width;
	for (y = 0, i = st->scroll; y < rows && i < st->nlines; y++, i++) {
		l = &st->lines[i];
		if (st->selecting && ui_select_covers(ui, i)) {
			ui_fill(r->y + 1 + y, r->x + 1, cols,
			    ui->attr[E_SELECTION]);
			ui_put(r->y + 1 + y, r->x + 1, cols, st->doc + l->start,
			    l->end - l->start, ui->attr[E_SELECTION], NULL,
			    NULL);
			continue;
		}
		ui_put(r->y + 1 + y, r->x + 1, cols, st->doc + l->start,
		    l->end - l->start, A_NORMAL, st->cls + l->start, attrs);
	}
}

/* Scroll the article by d lines, within its length. */
static int
article_scroll(struct ui *ui, int d)
{
	struct ui_story	*st = &ui->story;
	long		 s = (long)st->scroll + d;
	long		 rows = ui->r[PANE_ARTICLE].h - 1;
	long		 max = (long)st->nlines - rows;

	if (max < 0)
		max = 0;
	if (s > max)
		s = max;
	if (s < 0)
		s = 0;
	if ((size_t)s == st->scroll)
		return 0;
	st->scroll = (size_t)s;
	return UI_REDRAW;
}

/* Scroll to the article's top or end. */
static int
article_edge(struct ui *ui, int bottom)
{
	int	n = (int)ui->story.nlines;

	return article_scroll(ui, bottom ? n : -n);
}

/* Mark a quote of the open article and bring it into view. */
void
ui_article_mark(struct ui *ui, size_t start, size_t end)
{
	struct ui_story	*st = &ui->story;
	size_t		 ds, de;

	if (st->id == 0 || start >= end || end > st->art.body_len)
		return;
	/* Only one mark at a time: give the last one its colours back. */
	if (st->has_mark && st->mark_saved != NULL) {
		ds = ui_doc_pos(ui, st->mark_start);
		de = ui_doc_pos(ui, st->mark_end);
		if (de - ds == st->mark_saved_len)
			memcpy(st->cls + ds, st->mark_saved, de - ds);
	}
	st->has_mark = 1;
	st->mark_start = start;
	st->mark_end = end;
	ui_doc_mark(ui);
	article_show_mark(ui);
}

/* Move in the story: scroll it, or move the selection's end. */
static int
article_move(struct ui *ui, int d)
{
	if (ui->story.selecting)
		return ui_select_move(ui, d);
	return article_scroll(ui, d);
}

/*
 * q: drop the selection; back to the quotes view or dossier the story
 * was opened from; else close the story, the article list taking the width again.
 */
static int
article_quit(struct ui *ui)
{
	if (ui->story.selecting)
		return ui_select_drop(ui);
	if (ui->quotes.back) {
		ui->quotes.back = 0;
		ui->quotes.shown = 1;
		return UI_REDRAW;
	}
	if (ui->dossier.back) {
		ui->dossier.back = 0;
		ui->dossier.shown = 1;
		return UI_REDRAW;
	}
	return ui_article_leave(ui);
}

/* Stop reading: the story's panes go, the article list takes the width. */
int
ui_article_leave(struct ui *ui)
{
	ui->focus = PANE_LIST;
	ui->reading = ui->quotes.shown = ui->quotes.back = 0;
	ui->dossier.shown = ui->dossier.back = 0;
	return UI_RELAYOUT | UI_REDRAW;
}

/* The story t and a act on: the open one, else the list's. */
int64_t
ui_article_story(struct ui *ui)
{
	if (ui->story.id != 0)
		return ui->story.id;
	return ui_list_current(ui);
}

const struct ui_pane_ops ui_article_pane = {
	.table = T_ARTICLE,
	.item_rows = 1,
	.on_story = 1,
	.draw = article_draw,
	.move = article_move,
	.edge = article_edge,
	.open = ui_dossier_marked,
	.quit = article_quit,
	.story = ui_article_story,
};
