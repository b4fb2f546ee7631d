/*
 * The open story laid out once as a document: header, lead, body (each
 * annotated passage followed by its note's number), captions, links and
 * notes, with a theme element for every byte taken from the stored spans:
 * quoted words, their speakers, the other entities by kind, subheadings,
 * annotations and the marked quote. The article pane wraps and draws it.
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
ui_doc_pos(struct ui *ui, size_t off)
{
	struct ui_story	*st = &ui->story;
	size_t		 i, pos = st->body_off + off;

	for (i = 0; i < st->nins && st->ins[i].at <= off; i++)
		pos += st->ins[i].len;
	return pos;
}

/* Which body offset a document offset is at (a number: the one it ends). */
size_t
ui_doc_body_pos(struct ui *ui, size_t pos)
{
	struct ui_story	*st = &ui->story;
	size_t		 i, shift = 0, at;

	if (pos <= st->body_off)
		return 0;
	for (i = 0; i < st->nins; i++) {
		at = st->body_off + st->ins[i].at + shift;
		if (pos < at)
			break;
		if (pos < at + st->ins[i].len)
			return st->ins[i].at;
		shift += st->ins[i].len;
	}
	pos -= st->body_off + shift;
	return pos < st->art.body_len ? pos : st->art.body_len;
}

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
	struct ui_story	*st = &ui->story;
	size_t		 i, p;

	if (start >= end || end > st->art.body_len)
		return;
	for (i = start; i < end; i++) {
		/* Without note numbers, body bytes are the document's. */
		p = st->nins == 0 ? st->body_off + i :
		    ui_doc_pos(ui, i);
		st->cls[p] = doc_cls(st->cls[p], e);
	}
}

/* Paint the mark, keeping the colours it covers to give them back. */
void
ui_doc_mark(struct ui *ui)
{
	struct ui_story	*st = &ui->story;
	size_t		 ds, de;

	if (st->mark_start >= st->mark_end ||
	    st->mark_end > st->art.body_len)
		return;
	ds = ui_doc_pos(ui, st->mark_start);
	de = ui_doc_pos(ui, st->mark_end);
	free(st->mark_saved);
	st->mark_saved = xmalloc(de - ds + 1);
	memcpy(st->mark_saved, st->cls + ds, de - ds);
	st->mark_saved_len = de - ds;
	doc_span(ui, st->mark_start, st->mark_end, E_QUOTE_MARK);
}

/* Is this person quoted in the open article? */
static int
is_speaker(struct ui *ui, const char *name)
{
	const struct lib_entities	*ents = &ui->side.ents;
	size_t				 i;

	for (i = 0; i < ents->n && ents->v[i].group == LIB_SPEAKER; i++)
		if (strcmp(ents->v[i].name, name) == 0)
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

/*
 * Is the speaker of a quote in the sidebar: the person or state it is,
 * or the unnamed source whose quotes hold it? A speaker lit in the text
 * is one the sidebar lists (an unresolved "he" is nobody to list).
 */
static int
doc_listed(struct ui *ui, const struct store_quote *q)
{
	const struct lib_entities	*ents = &ui->side.ents;
	const struct lib_entity		*e;
	size_t				 i, j;

	if (q->speaker_name != NULL)
		return is_speaker(ui, q->speaker_name);
	for (i = 0; i < ents->n && ents->v[i].group == LIB_SPEAKER; i++) {
		e = &ents->v[i];
		for (j = 0; e->unnamed && j < e->nspans; j++)
			if (e->spans[j].start <= q->start &&
			    q->end <= e->spans[j].end)
				return 1;
	}
	return 0;
}

/* Colour one quote's words and its speaker mention, if listed. */
static int
doc_quote(const struct store_quote *q, void *arg)
{
	struct ui	*ui = arg;

	doc_span(ui, q->start, q->end, E_QUOTE);
	if (q->has_speaker && doc_listed(ui, q))
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
	return n->has_span && n->start < n->end &&
	    n->end <= ui->story.art.body_len;
}

/*
 * Add the body with each annotated passage followed by its note's number,
 * "[1]"; the numbers are remembered so body offsets can be mapped.
 */
static void
doc_body(struct ui *ui, struct buf *doc, struct buf *cls)
{
	struct ui_story	*st = &ui->story;
	struct article	*a = &st->art;
	char		 num[32];
	size_t		 i, prev = 0;

	free(st->ins);
	st->ins = NULL;
	st->nins = 0;
	for (i = 0; i < st->notes.n; i++) {
		if (!note_in_body(ui, &st->notes.v[i]))
			continue;
		st->ins = xreallocarray(st->ins, st->nins + 1,
		    sizeof *st->ins);
		st->ins[st->nins].at = st->notes.v[i].end;
		st->ins[st->nins].num = st->notes.v[i].num;
		st->ins[st->nins++].len = (size_t)snprintf(num, sizeof num,
		    "[%d]", st->notes.v[i].num);
	}
	if (st->nins > 1)
		qsort(st->ins, st->nins, sizeof *st->ins, insert_cmp);
	for (i = 0; i < st->nins; i++) {
		doc_add(doc, cls, a->body + prev, st->ins[i].at - prev, E_BODY);
		prev = st->ins[i].at;
		snprintf(num, sizeof num, "[%d]", st->ins[i].num);
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

	if (ui->story.notes.n > 0)
		doc_adds(doc, cls, "\n\nNotes", E_SUBHEADING);
	for (i = 0; i < ui->story.notes.n; i++) {
		n = &ui->story.notes.v[i];
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

/* The other stories of the open story's group, as its header says them. */
struct doc_group {
	struct buf	line;
	size_t		n;
	int64_t		first;
};

static int
doc_group_row(const struct store_dup *d, void *arg)
{
	struct doc_group	*g = arg;

	if (d->first)
		g->first = d->id;
	buf_printf(&g->line, "%s#%lld %s", g->n++ > 0 ? ", " : "",
	    (long long)d->id, d->outlet != NULL ? d->outlet : d->feed != NULL ?
	    d->feed : "?");
	return 0;
}

/*
 * The same story stored more than once: "Also in: #12 Northern Wire
 * (quotes counted once, in #3)". Nothing when it is alone.
 */
static void
doc_group(struct store *s, int64_t id, struct buf *doc, struct buf *cls)
{
	struct doc_group	g;

	memset(&g, 0, sizeof g);
	buf_init(&g.line);
	if (store_article_group(s, id, doc_group_row, &g, NULL) == 0 &&
	    g.n > 0) {
		if (g.first != 0)
			buf_printf(&g.line, " (the same story; its quotes are "
			    "counted once, in #%lld)", (long long)g.first);
		else
			buf_adds(&g.line, " (the same story; its quotes are "
			    "counted once, here)");
		doc_adds(doc, cls, "Also in: ", E_HEADER_META);
		doc_add(doc, cls, g.line.data, g.line.len, E_HEADER_META);
		doc_adds(doc, cls, "\n", E_BODY);
	}
	buf_free(&g.line);
}

/* The header: title, outlet, byline and date, tags, lead. */
static void
doc_header(struct store *s, const struct article *a, struct buf *doc,
    struct buf *cls)
{
	char		 date[16];
	const char	*sep = "";
	size_t		 i;

	doc_adds(doc, cls, a->title != NULL ? a->title : "(untitled)",
	    E_HEADER_TITLE);
	doc_adds(doc, cls, "\n", E_BODY);
	library_date(a->published, date, sizeof date);
	if (a->outlet != NULL) {
		doc_adds(doc, cls, a->outlet, E_HEADER_META);
		sep = " \xc2\xb7 ";
	}
	if (a->byline != NULL) {
		doc_adds(doc, cls, sep, E_HEADER_META);
		doc_adds(doc, cls, a->byline, E_HEADER_META);
		sep = " \xc2\xb7 ";
	}
	if (*date != '\0') {
		doc_adds(doc, cls, sep, E_HEADER_META);
		doc_adds(doc, cls, date + (*date == ' '), E_HEADER_META);
	}
	doc_adds(doc, cls, "\n", E_BODY);
	for (i = 0; i < a->ntags; i++) {
		doc_adds(doc, cls, i > 0 ? " #" : "#", E_HEADER_TAGS);
		doc_adds(doc, cls, a->tags[i], E_HEADER_TAGS);
	}
	if (a->ntags > 0)
		doc_adds(doc, cls, "\n", E_BODY);
	doc_group(s, a->id, doc, cls);
	doc_adds(doc, cls, "\n", E_BODY);
	if (a->lead != NULL) {
		doc_adds(doc, cls, a->lead, E_HEADER_META);
		doc_adds(doc, cls, "\n\n", E_BODY);
	}
}

/*
 * The story's own address (o opens it), then the links of its text,
 * numbered as 'dossier show' numbers them (3o opens [3]).
 */
static void
doc_links(const struct article *a, struct buf *doc, struct buf *cls)
{
	char	num[32], key[32], hint[128];
	size_t	i;

	if (a->url != NULL || a->nlinks > 0) {
		doc_adds(doc, cls, "\n\nLinks", E_SUBHEADING);
		ui_op_key("open-link", key, sizeof key);
		if (*key != '\0' && a->nlinks > 0) {
			snprintf(hint, sizeof hint, "  (a number, then %s, "
			    "opens that link)", key);
			doc_adds(doc, cls, hint, E_HEADER_META);
		}
	}
	if (a->url != NULL) {
		doc_adds(doc, cls, "\n    ", E_HEADER_META);
		doc_adds(doc, cls, a->url, E_LINK);
	}
	for (i = 0; i < a->nlinks; i++) {
		snprintf(num, sizeof num, "\n[%zu] ", i + 1);
		doc_adds(doc, cls, num, E_HEADER_META);
		if (a->links[i].text != NULL) {
			doc_adds(doc, cls, a->links[i].text, E_BODY);
			doc_adds(doc, cls, ": ", E_BODY);
		}
		doc_adds(doc, cls, a->links[i].url, E_LINK);
	}
}

/* Lay the open article out as one document with an element per byte. */
void
ui_doc_build(struct ui *ui)
{
	struct ui_story	*st = &ui->story;
	struct article	*a = &st->art;
	struct buf	 doc, cls;
	char		 key[32], hint[128];
	size_t		 i;

	buf_init(&doc);
	buf_init(&cls);
	doc_header(ui->store, a, &doc, &cls);
	st->body_off = doc.len;
	library_notes_free(&st->notes);
	library_notes(ui->store, a->id, &st->notes, NULL);
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
	doc_links(a, &doc, &cls);
	doc_notes(ui, &doc, &cls);
	st->doc_len = doc.len;
	st->doc = buf_detach(&doc);
	st->cls = (uint8_t *)buf_detach(&cls);

	for (i = 0; i < a->nsubheadings; i++)
		doc_span(ui, a->subheadings[i].start, a->subheadings[i].end,
		    E_SUBHEADING);
	store_article_mentions(ui->store, a->id, doc_mention, ui, NULL);
	store_article_quotes(ui->store, a->id, doc_quote, ui, NULL);
	for (i = 0; i < st->notes.n; i++)
		if (note_in_body(ui, &st->notes.v[i]))
			doc_span(ui, st->notes.v[i].start,
			    st->notes.v[i].end, E_ANNOTATION);
	if (st->has_mark)
		ui_doc_mark(ui);
	ui_correct_load(ui);
}

/* Forget the document laid out from the open article. */
void
ui_doc_free(struct ui *ui)
{
	struct ui_story	*st = &ui->story;

	free(st->doc);
	free(st->cls);
	free(st->lines);
	free(st->ins);
	st->doc = NULL;
	st->cls = NULL;
	st->lines = NULL;
	st->ins = NULL;
	st->nins = 0;
	st->nlines = 0;
	st->doc_len = 0;
	st->selecting = 0;
	free(st->mark_saved);
	st->mark_saved = NULL;
	library_notes_free(&st->notes);
	ui_correct_free(ui);
}
