/*
 * Search on the screen: '/' reads a search on the bottom line (the last one
 * offered again), the article list shows what it matches, paged like any
 * listing, and q goes back to the listing shown before (kept by
 * ui-list.c). A search that checks words as written is counted by parts
 * between keys. A story opened from a search has the matched words marked
 * (search.match) and opens at the first of them.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plural.h"
#include "search.h"
#include "store.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

/* Longest search the prompt takes, in bytes. */
#define UI_SEARCH_MAX	2048
/* How much of a search the list's title shows. */
#define UI_SEARCH_LABEL	32

/* The list's title for a search: "Search: words", cut if long. */
static char *
search_label(const char *text)
{
	char	*label;
	size_t	 n = strlen(text);

	if (n <= UI_SEARCH_LABEL) {
		xasprintf(&label, "Search: %s", text);
		return label;
	}
	n = UI_SEARCH_LABEL;
	while (n > 0 && (text[n] & 0xc0) == 0x80)
		n--;
	xasprintf(&label, "Search: %.*s\xe2\x80\xa6", (int)n, text);
	return label;
}

/* Stories counted at a time while a search is counted by parts. */
#define UI_COUNT_IDS	2000
/* How long the first count may hold the first page back, in ms. */
#define UI_COUNT_FIRST	50

static long
count_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Stop counting a search by parts. */
static void
count_stop(struct ui *ui)
{
	free(ui->search.count_text);
	ui->search.count_text = NULL;
}

/*
 * Count the search shown, UI_COUNT_IDS stories at a time, for about ms;
 * the count shown grows as it goes. A count that checks words as written
 * reads every candidate story: on a big library it takes longer than a
 * screen may wait, so the first page comes first and the count follows
 * between keys.
 */
int
ui_search_count(struct ui *ui, int ms)
{
	struct store_filter	 f;
	char			*err = NULL;
	long			 end = count_ms() + ms;
	int64_t			 n;

	if (ui->search.count_text == NULL)
		return 0;
	if (ui->list.filter.kind != STORE_FILTER_SEARCH ||
	    ui->list.filter.value == NULL ||
	    strcmp(ui->list.filter.value, ui->search.count_text) != 0) {
		count_stop(ui);	/* another listing is shown */
		return 0;
	}
	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_SEARCH;
	f.value = ui->search.count_text;
	do {
		if ((n = store_page_count_ids(ui->store, &f,
		    ui->search.count_next, ui->search.count_next +
		    UI_COUNT_IDS, &err)) < 0) {
			ui_error(ui, "%s", err);
			free(err);
			count_stop(ui);
			return UI_REDRAW;
		}
		ui->list.count += n;
		ui->search.count_next += UI_COUNT_IDS;
	} while (ui->search.count_next <= ui->search.count_max &&
	    count_ms() < end);
	if (ui->search.count_next > ui->search.count_max)
		count_stop(ui);
	return UI_REDRAW;
}

/* Read a search and show what it matches in the article list. */
int
ui_search_op(struct ui *ui)
{
	struct store_filter	 f;
	struct search		 q;
	char			*line, *err = NULL, *label;
	int64_t			 n;
	size_t			 i;
	int			 rc, parts, flags = UI_REDRAW | UI_RELAYOUT;

	ui->prompt_hint = SEARCH_HINT;
	rc = ui_prompt(ui, "Search: ", ui->search.last, UI_SEARCH_MAX, &line);
	ui->prompt_hint = NULL;
	if (rc != 1)
		return flags;
	free(ui->search.last);
	ui->search.last = line;
	/* Say what is wrong before touching the listing. */
	if (search_parse(line, strlen(line), &q, &err) != 0) {
		ui_error(ui, "%s", err);
		free(err);
		return flags;
	}
	/*
	 * Words as written, outlets and bylines are checked story by
	 * story: slow to count on a big library (speaker: checks names,
	 * and finds the stories by their quotes).
	 */
	parts = search_has_exact(&q);
	for (i = 0; i < q.n; i++)
		if (q.v[i].kind == SEARCH_OUTLET ||
		    q.v[i].kind == SEARCH_BYLINE)
			parts = 1;
	search_free(&q);
	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_SEARCH;
	f.value = line;
	count_stop(ui);
	/* Counted by parts (ui_search_count), the first page first. */
	if (parts)
		n = 0;
	else if ((n = store_page_count(ui->store, &f, NULL, &err)) < 0) {
		ui_error(ui, "%s", err);
		free(err);
		return flags;
	}
	ui_list_save(ui);
	label = search_label(line);
	flags |= ui_list_set(ui, &f, label, n);
	free(label);
	ui->focus = PANE_LIST;
	if (parts &&
	    (ui->search.count_max = store_max_id(ui->store, NULL)) > 0) {
		ui->search.count_text = xstrdup(line);
		ui->search.count_next = 1;
		flags |= ui_search_count(ui, UI_COUNT_FIRST);
	}
	return flags;
}

/* The status line's words for a search's results: how many, for what. */
char *
ui_search_status(struct ui *ui)
{
	const char	*text = ui->list.filter.value;
	char		*s;
	size_t		 n;

	if (ui->list.filter.kind != STORE_FILTER_SEARCH || text == NULL ||
	    ui->people.shown)
		return NULL;
	n = strlen(text);
	if (n > UI_SEARCH_LABEL) {
		n = UI_SEARCH_LABEL;
		while (n > 0 && (text[n] & 0xc0) == 0x80)
			n--;
	}
	xasprintf(&s, "%lld%s %s for '%.*s%s'%s", (long long)ui->list.count,
	    ui->search.count_text != NULL ? "+" : "",
	    ui->search.count_text != NULL ? "matches" :
	    plural(ui->list.count, "match", "matches"), (int)n, text,
	    n < strlen(text) ? "\xe2\x80\xa6" : "",
	    ui->search.count_text != NULL ? " (counting)" : "");
	return s;
}

/* Where a column of the story starts in the document, and its length. */
static int
search_column(struct ui *ui, int col, size_t *base, size_t *len)
{
	struct ui_story		*st = &ui->story;
	const struct article	*a = &st->art;
	size_t			 n;

	switch (col) {
	case 0:
		if (a->title == NULL)
			return -1;
		*base = 0;
		*len = strlen(a->title);
		return 0;
	case 1:
		/* The lead and a blank line come just before the body. */
		if (a->lead == NULL || (n = strlen(a->lead)) + 2 >
		    st->body_off)
			return -1;
		*base = st->body_off - n - 2;
		*len = n;
		return 0;
	case 2:
		*base = st->body_off;
		*len = a->body_len;
		return 0;
	default:
		return -1;
	}
}

/*
 * Where the caption holding byte start of the captions column (the
 * captions joined by newlines, as the index has them) is shown: *base is
 * where that column would start for the caption to land in place, *len
 * where the caption ends in the column.
 */
static int
search_caption(struct ui *ui, size_t start, size_t *base, size_t *len)
{
	struct ui_story		*st = &ui->story;
	const struct article	*a = &st->art;
	const char		*p;
	char			*needle;
	size_t			 i, off = 0, n, at = st->body_off;

	for (i = 0; i < a->ncaptions; i++, off += n + 1) {
		n = strlen(a->captions[i]);
		/* Each caption is shown as "Photo: TEXT", after the body. */
		xasprintf(&needle, "Photo: %s", a->captions[i]);
		p = at < st->doc_len ? memmem(st->doc + at, st->doc_len - at,
		    needle, strlen(needle)) : NULL;
		free(needle);
		if (p == NULL)
			return -1;
		p += 7;
		at = (size_t)(p - st->doc) + n;
		if (start >= off && start < off + n) {
			*base = (size_t)(p - st->doc) - off;
			*len = off + n;
			return 0;
		}
	}
	return -1;
}

struct search_marks {
	struct ui	*ui;
	size_t		 first;
};

/* Mark one matched span of the open story. */
static int
search_mark(int col, size_t start, size_t end, void *arg)
{
	struct search_marks	*m = arg;
	struct ui		*ui = m->ui;
	size_t			 base, len, i;

	if ((col == 3 ? search_caption(ui, start, &base, &len) :
	    search_column(ui, col, &base, &len)) != 0 || start >= end ||
	    end > len || base + end > ui->story.doc_len)
		return 0;
	for (i = base + start; i < base + end; i++)
		ui->story.cls[i] = E_SEARCH_MATCH;
	if (base + start < m->first)
		m->first = base + start;
	return 0;
}

/* Mark what the search matched in the story opened from its results. */
void
ui_search_article(struct ui *ui)
{
	struct ui_story		*st = &ui->story;
	struct search_marks	 m;
	size_t			 i;
	int			 rows = ui->r[PANE_ARTICLE].h - 1;

	if (ui->list.filter.kind != STORE_FILTER_SEARCH || st->id == 0 ||
	    st->cls == NULL || ui->list.filter.value == NULL)
		return;
	m.ui = ui;
	m.first = st->doc_len;
	if (store_search_spans(ui->store, ui->list.filter.value, st->id,
	    search_mark, &m, NULL) != 0 || m.first == st->doc_len)
		return;
	/* Open at the first match, a third down the pane. */
	for (i = 0; i < st->nlines; i++)
		if (st->lines[i].start <= m.first &&
		    m.first <= st->lines[i].end)
			break;
	if (i < st->nlines && rows > 0)
		st->scroll = i > (size_t)rows / 3 ? i - (size_t)rows / 3 : 0;
}

/* Free what search keeps. */
void
ui_search_free(struct ui *ui)
{
	free(ui->search.last);
	ui->search.last = NULL;
	count_stop(ui);
}
