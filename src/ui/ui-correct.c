/*
 * Corrections on the screen: the quote cursor of the open story (every
 * quote of it, attributed or not, marked in turn as the quotes view's
 * mark is), and the correct operation on the marked quote, the quotes
 * view's selected quote or the sidebar's name.
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

/* Forget the open story's quotes. */
void
ui_correct_free(struct ui *ui)
{
	struct ui_story	*st = &ui->story;
	size_t		 i;

	for (i = 0; i < st->nsquotes; i++)
		free(st->squotes[i].who);
	free(st->squotes);
	st->squotes = NULL;
	st->nsquotes = 0;
}

/* Add one quote of the story to the cursor's list. */
static int
correct_add(const struct store_quote *q, void *arg)
{
	struct ui_story	*st = arg;
	struct ui_squote *s;
	const char	*who;

	if (q->start >= q->end || q->end > st->art.body_len)
		return 0;
	st->squotes = xreallocarray(st->squotes, st->nsquotes + 1,
	    sizeof *st->squotes);
	s = &st->squotes[st->nsquotes++];
	s->start = q->start;
	s->end = q->end;
	who = q->speaker_name != NULL ? q->speaker_name : q->source_text;
	s->who = who != NULL ? xstrdup(who) : NULL;
	s->corrected = 0;
	return 0;
}

/* Order quotes by where they start. */
static int
correct_cmp(const void *a, const void *b)
{
	const struct ui_squote	*x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* Read the open story's quotes, in body order, for the quote cursor. */
void
ui_correct_load(struct ui *ui)
{
	struct ui_story	*st = &ui->story;
	char		*err = NULL;

	ui_correct_free(ui);
	if (st->id == 0)
		return;
	if (store_article_quotes(ui->store, st->id, correct_add, st,
	    &err) != 0) {
		ui_error(ui, "%s", err);
		free(err);
	}
	if (st->nsquotes > 1)
		qsort(st->squotes, st->nsquotes, sizeof *st->squotes,
		    correct_cmp);
}

/* The body offset at the top of the story's view. */
static size_t
correct_view_top(struct ui *ui)
{
	struct ui_story	*st = &ui->story;

	if (st->scroll >= st->nlines)
		return 0;
	return ui_doc_body_pos(ui, st->lines[st->scroll].start);
}

/*
 * The quote d steps (1 or -1) from the marked one, or from the top of the
 * view when none is marked; -1 past the first or the last.
 */
static long
correct_step(struct ui *ui, int d)
{
	struct ui_story	*st = &ui->story;
	size_t		 at = st->has_mark ? st->mark_start :
			    correct_view_top(ui);
	long		 i;

	if (d > 0) {
		for (i = 0; i < (long)st->nsquotes; i++)
			if (st->has_mark ? st->squotes[i].start > at :
			    st->squotes[i].start >= at)
				return i;
		return -1;
	}
	for (i = (long)st->nsquotes - 1; i >= 0; i--)
		if (st->squotes[i].start < at)
			return i;
	return -1;
}

/* Move the quote cursor by d quotes (a count repeats it). */
static int
correct_move(struct ui *ui, int d)
{
	struct ui_story	*st = &ui->story;
	struct ui_squote *q;
	long		 i = -1, next;
	int		 n = ui->count > 0 ? ui->count : 1;

	if (st->id == 0 || ui->quotes.shown) {
		ui_error(ui, "open a story to move through its quotes");
		return UI_REDRAW;
	}
	if (st->nsquotes == 0) {
		ui_info(ui, "no quotes were found in this story");
		return UI_REDRAW;
	}
	while (n-- > 0 && (next = correct_step(ui, d)) >= 0) {
		i = next;
		ui_article_mark(ui, st->squotes[i].start, st->squotes[i].end);
	}
	if (i < 0) {
		ui_info(ui, "no quote %s this one", d > 0 ? "after" :
		    "before");
		return UI_REDRAW;
	}
	q = &st->squotes[i];
	ui_info(ui, "quote %ld of %zu: %s%s", i + 1, st->nsquotes,
	    q->who != NULL ? q->who : "no speaker", q->corrected ?
	    " (corrected)" : "");
	return UI_REDRAW;
}

/* Mark the story's next quote, attributed or not. */
int
ui_op_next_quote(struct ui *ui)
{
	return correct_move(ui, 1);
}

/* Mark the story's previous quote. */
int
ui_op_prev_quote(struct ui *ui)
{
	return correct_move(ui, -1);
}
