/*
 * The article pane. An article is laid out once as a document (header,
 * lead, body, captions, links, notes) with a theme element for every
 * byte, taken from the stored spans: quoted words, their speakers, and the
 * other entities by kind. The document is wrapped to the pane's width into byte
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

/* Where a body offset is in the document, past the notes' numbers. */
size_t
ui_article_doc_pos(struct ui *ui, size_t off)
{
	size_t	i, pos = ui->body_off + off;

	for (i = 0; i < ui->nins && ui->ins[i].at <= off; i++)
		pos += ui->ins[i].len;
	return pos;
}

/* Which body offset a document offset is at (a number: the one it ends). */
size_t
ui_article_body_pos(struct ui *ui, size_t pos)
{
	size_t	i, shift = 0, at;

	if (pos <= ui->body_off)
		return 0;
	for (i = 0; i < ui->nins; i++) {
		at = ui->body_off + ui->ins[i].at + shift;
		if (pos < at)
			break;
		if (pos < at + ui->ins[i].len)
			return ui->ins[i].at;
		shift += ui->ins[i].len;
	}
	pos -= ui->body_off + shift;
	return pos < ui->art.body_len ? pos : ui->art.body_len;
}

/*
 * A byte's class is its element, with this bit when it lies in a
 * subheading: a name coloured there keeps the subheading's attributes.
 */
#define CLS_IN_SUB	0x80

/* The class of a byte now e colours it, given the class it had. */
static uint8_t
doc_cls(uint8_t was, enum ui_elem e)
{
	if (e != E_SUBHEADING && ((was & CLS_IN_SUB) ||
	    was == E_SUBHEADING))
		return (uint8_t)(e | CLS_IN_SUB);
	return (uint8_t)e;
}

/* Colour a span of the body with an element, if the span is sane. */
static void
doc_span(struct ui *ui, size_t start, size_t end, enum ui_elem e)
{
	size_t	i, p;

	if (start >= end || end > ui->art.body_len)
		return;
	for (i = start; i < end; i++) {
		/* Without note numbers, body bytes are the document's. */
		p = ui->nins == 0 ? ui->body_off + i :
		    ui_article_doc_pos(ui, i);
		ui->cls[p] = doc_cls(ui->cls[p], e);
	}
}

/* Paint the mark, keeping the colours it covers to give them back. */
static void
mark_paint(struct ui *ui)
{
	size_t	ds, de;

	if (ui->mark_start >= ui->mark_end ||
	    ui->mark_end > ui->art.body_len)
		return;
	ds = ui_article_doc_pos(ui, ui->mark_start);
	de = ui_article_doc_pos(ui, ui->mark_end);
	free(ui->mark_saved);
	ui->mark_saved = xmalloc(de - ds + 1);
	memcpy(ui->mark_saved, ui->cls + ds, de - ds);
	ui->mark_saved_len = de - ds;
	doc_span(ui, ui->mark_start, ui->mark_end, E_QUOTE_MARK);
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

/* Order the notes' numbers by where they go, then by number. */
static int
insert_cmp(const void *a, const void *b)
{
	const struct ui_insert	*x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->num < y->num ? -1 : x->num > y->num;
}

/* Is a note's span one the body holds? */
static int
note_in_body(struct ui *ui, const struct lib_note *n)
{
	return n->has_span && n->start < n->end && n->end <= ui->art.body_len;
}

/*
 * Add the body with each annotated passage followed by its note's number,
 * "[1]"; the numbers are remembered so body offsets can be mapped.
 */
static void
doc_body(struct ui *ui, struct buf *doc, struct buf *cls)
{
	struct article	*a = &ui->art;
	char		 num[32];
	size_t		 i, prev = 0;

	free(ui->ins);
	ui->ins = NULL;
	ui->nins = 0;
	for (i = 0; i < ui->notes.n; i++) {
		if (!note_in_body(ui, &ui->notes.v[i]))
			continue;
		ui->ins = xreallocarray(ui->ins, ui->nins + 1,
		    sizeof *ui->ins);
		ui->ins[ui->nins].at = ui->notes.v[i].end;
		ui->ins[ui->nins].num = ui->notes.v[i].num;
		ui->ins[ui->nins++].len = (size_t)snprintf(num, sizeof num,
		    "[%d]", ui->notes.v[i].num);
	}
	if (ui->nins > 1)
		qsort(ui->ins, ui->nins, sizeof *ui->ins, insert_cmp);
	for (i = 0; i < ui->nins; i++) {
		doc_add(doc, cls, a->body + prev, ui->ins[i].at - prev, E_BODY);
		prev = ui->ins[i].at;
		snprintf(num, sizeof num, "[%d]", ui->ins[i].num);
		doc_adds(doc, cls, num, E_ANNOTATION);
	}
	doc_add(doc, cls, a->body + prev, a->body_len - prev, E_BODY);
}

/* The notes under the story: number, date, passage, text. */
static void
doc_notes(struct ui *ui, struct buf *doc, struct buf *cls)
{
	const struct lib_note	*n;
	char			 head[64];
	size_t			 i, len;

	if (ui->notes.n > 0)
		doc_adds(doc, cls, "\n\nNotes", E_SUBHEADING);
	for (i = 0; i < ui->notes.n; i++) {
		n = &ui->notes.v[i];
		snprintf(head, sizeof head, "%s\n[%d] %s \xc2\xb7 ",
		    i > 0 ? "\n" : "", n->num, n->date + (*n->date == ' '));
		doc_adds(doc, cls, head, E_HEADER_META);
		if (n->has_span && n->anchor != NULL) {
			len = strlen(n->anchor);
			doc_adds(doc, cls, "\xe2\x80\x9c", E_HEADER_META);
			if (len > 80) {
				len = 80;
				while (len > 0 && ((unsigned char)
				    n->anchor[len] & 0xc0) == 0x80)
					len--;
			}
			doc_add(doc, cls, n->anchor, len, E_ANNOTATION);
			doc_adds(doc, cls, len < strlen(n->anchor) ?
			    "\xe2\x80\xa6\xe2\x80\x9d" : "\xe2\x80\x9d",
			    E_HEADER_META);
		} else
			doc_adds(doc, cls, "the whole story", E_HEADER_META);
		doc_adds(doc, cls, "\n", E_BODY);
		doc_adds(doc, cls, n->note, E_BODY);
	}
}

/* Lay the open article out as one document with an element per byte. */
static void
doc_build(struct ui *ui)
{
	struct article	*a = &ui->art;
	struct buf	 doc, cls;
	char		 date[16], num[32], key[32], hint[128];
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
	library_notes_free(&ui->notes);
	library_notes(ui->store, a->id, &ui->notes, NULL);
	if (a->body != NULL && a->body_len > 0)
		doc_body(ui, &doc, &cls);
	else {
		/* A feed item may carry only its headline: say so. */
		ui_op_key("open-link", key, sizeof key);
		if (a->url != NULL && *key != '\0')
			snprintf(hint, sizeof hint, "This story has no text "
			    "here; %s opens it in the browser.", key);
		else
			snprintf(hint, sizeof hint, "This story has no text.");
		doc_adds(&doc, &cls, hint, E_HEADER_META);
	}
	for (i = 0; i < a->ncaptions; i++) {
		doc_adds(&doc, &cls, i == 0 ? "\n\n" : "\n", E_BODY);
		doc_adds(&doc, &cls, "Photo: ", E_CAPTION);
		doc_adds(&doc, &cls, a->captions[i], E_CAPTION);
	}
	/*
	 * The story's own address (o opens it), then the links of its text,
	 * numbered as 'dossier show' numbers them (3o opens [3]).
	 */
	if (a->url != NULL || a->nlinks > 0) {
		doc_adds(&doc, &cls, "\n\nLinks", E_SUBHEADING);
		ui_op_key("open-link", key, sizeof key);
		if (*key != '\0' && a->nlinks > 0) {
			snprintf(hint, sizeof hint, "  (a number, then %s, "
			    "opens that link)", key);
			doc_adds(&doc, &cls, hint, E_HEADER_META);
		}
	}
	n = 0;
	if (a->url != NULL) {
		doc_adds(&doc, &cls, "\n    ", E_HEADER_META);
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
	doc_notes(ui, &doc, &cls);
	ui->doc_len = doc.len;
	ui->doc = buf_detach(&doc);
	ui->cls = (uint8_t *)buf_detach(&cls);

	for (i = 0; i < a->nsubheadings; i++)
		doc_span(ui, a->subheadings[i].start, a->subheadings[i].end,
		    E_SUBHEADING);
	store_article_mentions(ui->store, a->id, doc_mention, ui, NULL);
	store_article_quotes(ui->store, a->id, doc_quote, ui, NULL);
	for (i = 0; i < ui->notes.n; i++)
		if (note_in_body(ui, &ui->notes.v[i]))
			doc_span(ui, ui->notes.v[i].start, ui->notes.v[i].end,
			    E_ANNOTATION);
	if (ui->has_mark)
		mark_paint(ui);
}

/* Forget the document laid out from the open article. */
static void
doc_free(struct ui *ui)
{
	free(ui->doc);
	free(ui->cls);
	free(ui->lines);
	free(ui->ins);
	ui->doc = NULL;
	ui->cls = NULL;
	ui->lines = NULL;
	ui->ins = NULL;
	ui->nins = 0;
	ui->nlines = 0;
	ui->doc_len = 0;
	ui->selecting = 0;
	free(ui->mark_saved);
	ui->mark_saved = NULL;
	library_notes_free(&ui->notes);
}

/* Forget the open article and everything laid out from it. */
void
ui_article_close(struct ui *ui)
{
	if (ui->art_id != 0)
		article_free(&ui->art);
	ui->art_id = 0;
	doc_free(ui);
	library_entities_free(&ui->ents);
}

/*
 * Read the open article again after its tags or notes changed, keeping
 * the place in it and the marked quote.
 */
int
ui_article_reload(struct ui *ui)
{
	char	*err = NULL;
	size_t	 scroll = ui->scroll;
	int	 rv;

	if (ui->art_id == 0)
		return 0;
	article_free(&ui->art);
	doc_free(ui);
	if ((rv = store_article_get(ui->store, ui->art_id, &ui->art,
	    &err)) != 0) {
		ui_message(ui, 1, "%s", rv > 0 ? "the story is gone" : err);
		free(err);
		ui->art_id = 0;
		library_entities_free(&ui->ents);
		return UI_REDRAW | UI_LIST | UI_FEEDS;
	}
	doc_build(ui);
	ui_article_wrap(ui);
	ui->scroll = scroll < ui->nlines ? scroll : 0;
	return UI_REDRAW;
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
	size_t	i, at = ui_article_doc_pos(ui, ui->mark_start);
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
	/* The story pane shows from now on: wrap to its width. */
	if (!ui->reading)
		flags |= UI_RELAYOUT;
	ui->reading = 1;
	ui_layout(ui);
	doc_build(ui);
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
	char	*pos, *where;
	size_t	 n = ui->nlines, first = ui->scroll + 1, last, pct;

	if (rows <= 0 || n <= (size_t)rows)
		return xstrdup("All");
	last = ui->scroll + (size_t)rows < n ? ui->scroll + (size_t)rows : n;
	if (ui->scroll == 0)
		where = xstrdup("Top");
	else if (last >= n)
		where = xstrdup("Bot");
	else {
		pct = ui->scroll * 100 / (n - (size_t)rows);
		xasprintf(&where, "%zu%%", pct < 1 ? 1 : pct > 99 ? 99 : pct);
	}
	xasprintf(&pos, "lines %zu-%zu/%zu %s", first, last, n, where);
	free(where);
	return pos;
}

/* Draw the article pane from the scroll position. */
void
ui_article_draw(struct ui *ui)
{
	struct ui_rect	*r = &ui->r[PANE_ARTICLE];
	struct ui_line	*l;
	char		*pos, *p, key[32], *hint;
	int		 rows = r->h - 1, y, cols, w;
	size_t		 i;
	attr_t		 attrs[256];

	if (ui->art_id == 0) {
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
	cols = ui->wrap_width;
	for (y = 0, i = ui->scroll; y < rows && i < ui->nlines; y++, i++) {
		l = &ui->lines[i];
		if (ui->selecting && ui_selected(ui, i)) {
			ui_fill(r->y + 1 + y, r->x + 1, cols,
			    ui->attr[E_SELECTION]);
			ui_put(r->y + 1 + y, r->x + 1, cols, ui->doc + l->start,
			    l->end - l->start, ui->attr[E_SELECTION], NULL,
			    NULL);
			continue;
		}
		ui_put(r->y + 1 + y, r->x + 1, cols, ui->doc + l->start,
		    l->end - l->start, A_NORMAL, ui->cls + l->start, attrs);
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
	size_t	ds, de;

	if (ui->art_id == 0 || start >= end || end > ui->art.body_len)
		return;
	/* Only one mark at a time: give the last one its colours back. */
	if (ui->has_mark && ui->mark_saved != NULL) {
		ds = ui_article_doc_pos(ui, ui->mark_start);
		de = ui_article_doc_pos(ui, ui->mark_end);
		if (de - ds == ui->mark_saved_len)
			memcpy(ui->cls + ds, ui->mark_saved, de - ds);
	}
	ui->has_mark = 1;
	ui->mark_start = start;
	ui->mark_end = end;
	mark_paint(ui);
	ui_article_show_mark(ui);
}
