/*
 * The article pane. An article is laid out once as a document (header,
 * lead, body, captions, links) with a theme element for every byte, taken
 * from the stored spans: quoted words, their speakers, and the other
 * entities by kind. The document is wrapped to the pane's width into byte
 * ranges, and lines are drawn through the one safe cell writer.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "library.h"
#include "store.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

/* Add text of one element to the document. */
static void
doc_add(struct buf *doc, struct buf *cls, const char *s, size_t len,
    enum ui_elem e)
{
	size_t	i;

	buf_add(doc, s, len);
	for (i = 0; i < len; i++)
		buf_addc(cls, (char)e);
}

/* Add a string of one element to the document. */
static void
doc_adds(struct buf *doc, struct buf *cls, const char *s, enum ui_elem e)
{
	doc_add(doc, cls, s, strlen(s), e);
}

/* Colour a span of the body with an element, if the span is sane. */
static void
doc_span(struct ui *ui, size_t start, size_t end, enum ui_elem e)
{
	size_t	i;

	if (start >= end || end > ui->art.body_len)
		return;
	for (i = start; i < end; i++)
		ui->cls[ui->body_off + i] = (uint8_t)e;
}

/* Is this person quoted in the open article? */
static int
is_speaker(struct ui *ui, const char *name)
{
	size_t	i;

	for (i = 0; i < ui->ents.n && ui->ents.v[i].group == LIB_SPEAKER; i++)
		if (strcmp(ui->ents.v[i].name, name) == 0)
			return 1;
	return 0;
}

/* Colour one mention by its kind; a quoted person in the speaker colour. */
static int
doc_mention(const struct store_mention *m, void *arg)
{
	struct ui	*ui = arg;
	enum ui_elem	 e = E_ENTITY_MISC;

	if (m->kind == NULL)
		return 0;
	if (strcmp(m->kind, "person") == 0)
		e = m->name != NULL && is_speaker(ui, m->name) ? E_SPEAKER :
		    E_ENTITY_PERSON;
	else if (strcmp(m->kind, "org") == 0)
		e = E_ENTITY_ORG;
	else if (strcmp(m->kind, "place") == 0)
		e = E_ENTITY_PLACE;
	doc_span(ui, m->start, m->end, e);
	return 0;
}

/* Colour one quote's words and its speaker mention. */
static int
doc_quote(const struct store_quote *q, void *arg)
{
	struct ui	*ui = arg;

	doc_span(ui, q->start, q->end, E_QUOTE);
	if (q->has_speaker)
		doc_span(ui, q->speaker_start, q->speaker_end, E_SPEAKER);
	return 0;
}

/* Mark an annotated passage. */
static int
doc_note(const struct store_note *n, void *arg)
{
	if (n->has_span)
		doc_span(arg, n->start, n->end, E_ANNOTATION);
	return 0;
}

/* Lay the open article out as one document with an element per byte. */
static void
doc_build(struct ui *ui)
{
	struct article	*a = &ui->art;
	struct buf	 doc, cls;
	char		 date[16], num[32];
	const char	*sep = "";
	size_t		 i, n;

	buf_init(&doc);
	buf_init(&cls);
	doc_adds(&doc, &cls, a->title != NULL ? a->title : "(untitled)",
	    E_HEADER_TITLE);
	doc_adds(&doc, &cls, "\n", E_BODY);
	library_date(a->published, date, sizeof date);
	if (a->outlet != NULL) {
		doc_adds(&doc, &cls, a->outlet, E_HEADER_META);
		sep = " \xc2\xb7 ";
	}
	if (a->byline != NULL) {
		doc_adds(&doc, &cls, sep, E_HEADER_META);
		doc_adds(&doc, &cls, a->byline, E_HEADER_META);
		sep = " \xc2\xb7 ";
	}
	if (*date != '\0') {
		doc_adds(&doc, &cls, sep, E_HEADER_META);
		doc_adds(&doc, &cls, date + (*date == ' '), E_HEADER_META);
	}
	doc_adds(&doc, &cls, "\n", E_BODY);
	for (i = 0; i < a->ntags; i++) {
		doc_adds(&doc, &cls, i > 0 ? " #" : "#", E_HEADER_TAGS);
		doc_adds(&doc, &cls, a->tags[i], E_HEADER_TAGS);
	}
	if (a->ntags > 0)
		doc_adds(&doc, &cls, "\n", E_BODY);
	doc_adds(&doc, &cls, "\n", E_BODY);
	if (a->lead != NULL) {
		doc_adds(&doc, &cls, a->lead, E_HEADER_META);
		doc_adds(&doc, &cls, "\n\n", E_BODY);
	}
	ui->body_off = doc.len;
	if (a->body != NULL)
		doc_add(&doc, &cls, a->body, a->body_len, E_BODY);
	for (i = 0; i < a->ncaptions; i++) {
		doc_adds(&doc, &cls, i == 0 ? "\n\n" : "\n", E_BODY);
		doc_adds(&doc, &cls, "Photo: ", E_CAPTION);
		doc_adds(&doc, &cls, a->captions[i], E_CAPTION);
	}
	/* The story's own address is [1], then the links of its text. */
	if (a->url != NULL || a->nlinks > 0)
		doc_adds(&doc, &cls, "\n\nLinks", E_SUBHEADING);
	n = 0;
	if (a->url != NULL) {
		snprintf(num, sizeof num, "\n[%zu] ", ++n);
		doc_adds(&doc, &cls, num, E_HEADER_META);
		doc_adds(&doc, &cls, a->url, E_LINK);
	}
	for (i = 0; i < a->nlinks; i++) {
		snprintf(num, sizeof num, "\n[%zu] ", ++n);
		doc_adds(&doc, &cls, num, E_HEADER_META);
		if (a->links[i].text != NULL) {
			doc_adds(&doc, &cls, a->links[i].text, E_BODY);
			doc_adds(&doc, &cls, ": ", E_BODY);
		}
		doc_adds(&doc, &cls, a->links[i].url, E_LINK);
	}
	ui->doc_len = doc.len;
	ui->doc = buf_detach(&doc);
	ui->cls = (uint8_t *)buf_detach(&cls);

	for (i = 0; i < a->nsubheadings; i++)
		doc_span(ui, a->subheadings[i].start, a->subheadings[i].end,
		    E_SUBHEADING);
	store_article_mentions(ui->store, a->id, doc_mention, ui, NULL);
	store_article_quotes(ui->store, a->id, doc_quote, ui, NULL);
	store_article_notes(ui->store, a->id, doc_note, ui, NULL);
	if (ui->has_mark)
		doc_span(ui, ui->mark_start, ui->mark_end, E_QUOTE_MARK);
}

/* Forget the open article and everything laid out from it. */
void
ui_article_close(struct ui *ui)
{
	if (ui->art_id != 0)
		article_free(&ui->art);
	ui->art_id = 0;
	free(ui->doc);
	free(ui->cls);
	free(ui->lines);
	ui->doc = NULL;
	ui->cls = NULL;
	ui->lines = NULL;
	ui->nlines = 0;
	ui->doc_len = 0;
	library_entities_free(&ui->ents);
}

/* Add a wrapped line. */
static void
add_line(struct ui *ui, size_t start, size_t end, size_t *cap)
{
	if (ui->nlines == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		ui->lines = xreallocarray(ui->lines, *cap, sizeof *ui->lines);
	}
	ui->lines[ui->nlines].start = start;
	ui->lines[ui->nlines++].end = end;
}

/* Wrap the document to the pane into lines of byte ranges. */
void
ui_article_wrap(struct ui *ui)
{
	size_t	 cap = 0, p, q, pos, n, s;
	int	 width;
	const char *d = ui->doc;

	free(ui->lines);
	ui->lines = NULL;
	ui->nlines = 0;
	if (d == NULL || !ui->shown[PANE_ARTICLE])
		return;
	width = ui->r[PANE_ARTICLE].w - 3;
	if (ui->max_width > 0 && width > ui->max_width)
		width = ui->max_width;
	if (width < 1)
		width = 1;
	ui->wrap_width = width;
	for (p = 0; p <= ui->doc_len; p = q + 1) {
		q = p;
		while (q < ui->doc_len && d[q] != '\n')
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
	if (ui->scroll >= ui->nlines)
		ui->scroll = ui->nlines > 0 ? ui->nlines - 1 : 0;
	if (ui->has_mark)
		ui_article_show_mark(ui);
}

/* Scroll so the marked quote sits a third down the pane. */
void
ui_article_show_mark(struct ui *ui)
{
	size_t	i, at = ui->body_off + ui->mark_start;
	int	rows = ui->r[PANE_ARTICLE].h - 1;

	for (i = 0; i < ui->nlines; i++)
		if (ui->lines[i].end >= at && ui->lines[i].start <= at)
			break;
	if (i == ui->nlines)
		return;
	ui->scroll = i > (size_t)rows / 3 ? i - (size_t)rows / 3 : 0;
}

/* Open an article: read it, its entities, mark it read, lay it out. */
int
ui_article_open(struct ui *ui, int64_t id)
{
	char	*err = NULL;
	int	 flags = UI_REDRAW, rv;

	ui_article_close(ui);
	ui->quotes_view = 0;
	ui->has_mark = 0;
	ui->quotes_back = 0;
	if ((rv = store_article_get(ui->store, id, &ui->art, &err)) != 0) {
		ui_message(ui, 1, "%s", rv > 0 ? "the story is gone" : err);
		free(err);
		return UI_REDRAW | UI_LIST | UI_FEEDS;
	}
	ui->art_id = id;
	if (library_entities(ui->store, id, &ui->ents, &err) != 0) {
		ui_message(ui, 1, "%s", err);
		free(err);
		err = NULL;
	}
	if (ui->mark_read && !ui->art.read) {
		if (store_set_read(ui->store, id, 1, &err) == 0) {
			ui->art.read = 1;
			flags |= UI_FEEDS | UI_LIST;
		} else {
			ui_message(ui, 1, "%s", err);
			free(err);
		}
	}
	ui->scroll = 0;
	ui->side_cur = ui->side_top = 0;
	doc_build(ui);
	ui_article_wrap(ui);
	ui_search_article(ui);
	return flags;
}

/* Draw the article pane from the scroll position. */
void
ui_article_draw(struct ui *ui)
{
	struct ui_rect	*r = &ui->r[PANE_ARTICLE];
	struct ui_line	*l;
	char		*title;
	const char	*hint = "Choose a story and press Enter to read it.";
	int		 rows = r->h - 1, y, cols;
	size_t		 i;

	if (ui->art_id == 0) {
		ui_box(ui, PANE_ARTICLE, "Article");
		ui_put(r->y + 2, r->x + 2, r->w - 3, hint, strlen(hint),
		    ui->attr[E_MESSAGE], NULL, NULL);
		return;
	}
	if (ui->nlines > (size_t)rows)
		xasprintf(&title, "Article %zu%%", (ui->scroll + (size_t)rows) *
		    100 / ui->nlines > 100 ? 100 : (ui->scroll +
		    (size_t)rows) * 100 / ui->nlines);
	else
		title = xstrdup("Article");
	ui_box(ui, PANE_ARTICLE, title);
	free(title);
	cols = ui->wrap_width;
	for (y = 0, i = ui->scroll; y < rows && i < ui->nlines; y++, i++) {
		l = &ui->lines[i];
		ui_put(r->y + 1 + y, r->x + 1, cols, ui->doc + l->start,
		    l->end - l->start, A_NORMAL, ui->cls + l->start, ui->attr);
	}
}

/* Scroll the article by d lines, within its length. */
int
ui_article_scroll(struct ui *ui, int d)
{
	long	s = (long)ui->scroll + d, rows = ui->r[PANE_ARTICLE].h - 1;
	long	max = (long)ui->nlines - rows;

	if (max < 0)
		max = 0;
	if (s > max)
		s = max;
	if (s < 0)
		s = 0;
	if ((size_t)s == ui->scroll)
		return 0;
	ui->scroll = (size_t)s;
	return UI_REDRAW;
}

/* Scroll to the article's top or end. */
int
ui_article_edge(struct ui *ui, int bottom)
{
	int	n = (int)ui->nlines;

	return ui_article_scroll(ui, bottom ? n : -n);
}

/* Mark a quote of the open article and bring it into view. */
void
ui_article_mark(struct ui *ui, size_t start, size_t end)
{
	if (ui->art_id == 0 || start >= end || end > ui->art.body_len)
		return;
	ui->has_mark = 1;
	ui->mark_start = start;
	ui->mark_end = end;
	doc_span(ui, start, end, E_QUOTE_MARK);
	ui_article_show_mark(ui);
}
