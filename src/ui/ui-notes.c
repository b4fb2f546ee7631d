/*
 * Tags and notes on the screen: the tag operation (a prompt holding the
 * story's tags), the passage selection in the article pane (whole lines
 * from the top one in view, moved with the movement keys), and the
 * annotate operation, which notes the selection, the marked quote or the
 * whole story, or edits the note already there.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "library.h"
#include "store.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

/* Longest line the tag prompt takes. */
#define UI_TAGS_MAX	4096

/*
 * The story an operation acts on: the open one from the story or the
 * sidebar, the selected quote's in the quotes view, else the list's.
 */
static int64_t
ui_notes_target(struct ui *ui)
{
	return ui_pane_focused(ui)->story(ui);
}

/* What a change to a story asks to redraw. */
static int
ui_notes_changed(struct ui *ui, int64_t id)
{
	int	flags = UI_FEEDS | UI_LIST | UI_REDRAW;

	if (id == ui->story.id)
		flags |= ui_article_reload(ui);
	return flags;
}

/* Edit the story's tags on one line. */
int
ui_op_tag(struct ui *ui)
{
	char	*line = NULL, *out = NULL, *msg = NULL, *err = NULL;
	int64_t	 id;
	int	 rc, flags = UI_REDRAW;

	if ((id = ui_notes_target(ui)) == 0) {
		ui_error(ui, "choose a story first");
		return UI_REDRAW;
	}
	if ((rc = library_tags_line(ui->store, id, &line, &err)) != 0)
		goto fail;
	if (ui_prompt(ui, "Tags: ", line, UI_TAGS_MAX, &out) != 1)
		goto out;
	if ((rc = library_tags_set(ui->store, id, out, &msg, &err)) != 0)
		goto fail;
	ui_info(ui, "%s", msg);
	flags = ui_notes_changed(ui, id);
	goto out;
fail:
	ui_error(ui, "%s", rc > 0 ? "the story is gone" : err);
out:
	free(line);
	free(out);
	free(msg);
	free(err);
	return flags | UI_REDRAW;
}

/* The line holding a document offset (lines move when the pane does). */
static size_t
ui_line_at(struct ui *ui, size_t pos)
{
	size_t	i;

	for (i = 0; i + 1 < ui->story.nlines &&
	    ui->story.lines[i + 1].start <= pos; i++)
		;
	return i;
}

/* The first and last line of the selection. */
static void
ui_select_lines(struct ui *ui, size_t *lo, size_t *hi)
{
	size_t	a = ui_line_at(ui, ui->story.sel_anchor);
	size_t	c = ui_line_at(ui, ui->story.sel_cur);

	*lo = a < c ? a : c;
	*hi = a < c ? c : a;
}

/* Is line i selected? */
int
ui_select_covers(struct ui *ui, size_t i)
{
	size_t	lo, hi;

	ui_select_lines(ui, &lo, &hi);
	return i >= lo && i <= hi;
}

/* The lines that show the body: first and last. */
static int
ui_body_lines(struct ui *ui, size_t *first, size_t *last)
{
	struct ui_story	*st = &ui->story;
	size_t		 i, end;

	if (st->art.body == NULL || st->art.body_len == 0)
		return -1;
	end = ui_doc_pos(ui, st->art.body_len);
	for (i = 0; i < st->nlines && st->lines[i].start < st->body_off; i++)
		;
	if (i == st->nlines)
		return -1;
	*first = i;
	while (i + 1 < st->nlines && st->lines[i + 1].start < end)
		i++;
	*last = i;
	return 0;
}

/*
 * Say how to go on with a selection, its keys as bound in the story:
 * "select: j/k extend, a annotates, q drops".
 */
static void
ui_select_message(struct ui *ui)
{
	struct buf	 m;
	char		 down[32], up[32], note[32], drop[32];

	ui_hint_key(ui, "down", down, sizeof down);
	ui_hint_key(ui, "up", up, sizeof up);
	ui_hint_key(ui, "annotate", note, sizeof note);
	ui_hint_key(ui, "quit", drop, sizeof drop);
	buf_init(&m);
	buf_adds(&m, "select:");
	if (*down != '\0' || *up != '\0')
		buf_printf(&m, " %s%s%s extend", down, *down != '\0' &&
		    *up != '\0' ? "/" : "", up);
	if (*note != '\0')
		buf_printf(&m, "%s %s annotates", m.len > 7 ? "," : "", note);
	if (*drop != '\0')
		buf_printf(&m, "%s %s drops", m.len > 7 ? "," : "", drop);
	buf_addc(&m, '\0');
	ui_info(ui, "%s", m.data);
	buf_free(&m);
}

/* Start selecting at the first line of the body in view; again stops. */
int
ui_op_select(struct ui *ui)
{
	struct ui_story	*st = &ui->story;
	size_t		 first, last, at;

	if (st->selecting)
		return ui_select_drop(ui);
	if (ui_pane_focused(ui) != &ui_article_pane || st->id == 0) {
		ui_error(ui, "open a story to select a passage of it");
		return UI_REDRAW;
	}
	if (ui_body_lines(ui, &first, &last) != 0) {
		ui_error(ui, "this story has no text to select");
		return UI_REDRAW;
	}
	at = st->scroll < first ? first : st->scroll > last ? last :
	    st->scroll;
	st->selecting = 1;
	st->sel_anchor = st->sel_cur = st->lines[at].start;
	ui_select_message(ui);
	return UI_REDRAW;
}

/* Move the selection's moving end by d lines, within the body. */
int
ui_select_move(struct ui *ui, int d)
{
	struct ui_story	*st = &ui->story;
	size_t		 first, last, i;
	size_t		 rows = (size_t)ui->r[PANE_ARTICLE].h - 1;
	long		 c;

	if (ui_body_lines(ui, &first, &last) != 0)
		return ui_select_drop(ui);
	i = ui_line_at(ui, st->sel_cur);
	c = (long)i + d;
	if (c < (long)first)
		c = (long)first;
	if (c > (long)last)
		c = (long)last;
	st->sel_cur = st->lines[c].start;
	/* Keep the moving end in view. */
	if ((size_t)c < st->scroll)
		st->scroll = (size_t)c;
	else if (rows > 0 && (size_t)c >= st->scroll + rows)
		st->scroll = (size_t)c - rows + 1;
	return UI_REDRAW;
}

/* Drop the selection. */
int
ui_select_drop(struct ui *ui)
{
	ui->story.selecting = 0;
	return UI_REDRAW;
}

/* The selection as a body range of whole words; -1 if it has none. */
static int
ui_select_range(struct ui *ui, size_t *start, size_t *end)
{
	struct ui_story	*st = &ui->story;
	size_t		 lo, hi;

	ui_select_lines(ui, &lo, &hi);
	*start = ui_doc_body_pos(ui, st->lines[lo].start);
	*end = ui_doc_body_pos(ui, st->lines[hi].end);
	return library_passage_words(st->art.body, st->art.body_len, start,
	    end);
}

/* The note a range (or the whole story) already has; NULL if none. */
static const struct lib_note *
ui_note_find(const struct lib_notes *x, int has_span, size_t start,
    size_t end)
{
	size_t	i;

	for (i = 0; i < x->n; i++) {
		if (x->v[i].has_span != has_span)
			continue;
		if (!has_span || (x->v[i].start < end && start < x->v[i].end))
			return &x->v[i];
	}
	return NULL;
}

/* A note's text for the one-line prompt: line breaks become spaces. */
static char *
ui_note_line(const char *note)
{
	char	*s = xstrdup(note), *p;

	for (p = s; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	return s;
}

/* Ask for a note and write it: new, changed or (emptied) deleted. */
static int
ui_annotate_write(struct ui *ui, int64_t id, const struct lib_note *old,
    int has_span, size_t start, size_t end)
{
	char	*initial = NULL, *line = NULL, *text = NULL, *err = NULL;
	char	 prompt[64];
	int64_t	 note, old_id = old != NULL ? old->id : 0;
	int	 rc, changed = 0;

	if (old != NULL) {
		snprintf(prompt, sizeof prompt, "Note [%d]: ", old->num);
		initial = ui_note_line(old->note);
	} else
		snprintf(prompt, sizeof prompt, "Note on %s: ", has_span ?
		    "the passage" : "the story");
	rc = ui_prompt(ui, prompt, initial, STORE_MAX_NOTE, &line);
	free(initial);
	if (rc != 1) {
		ui_info(ui, "no note written");
		goto out;
	}
	text = library_note_clean(line, strlen(line), &err);
	if (text == NULL && old_id != 0 && strspn(line, " ") ==
	    strlen(line)) {
		if (!ui_prompt_confirm(ui, "delete this note? (y/n)")) {
			ui_info(ui, "the note is kept");
			goto out;
		}
		if ((rc = store_note_delete(ui->store, old_id, &err)) < 0)
			goto fail;
		ui_info(ui, "note deleted");
		changed = 1;
		goto out;
	}
	if (text == NULL) {
		if (old_id == 0 && strspn(line, " ") == strlen(line))
			ui_info(ui, "no note written");
		else
			ui_error(ui, "%s", err);
		goto out;
	}
	if (old_id != 0)
		rc = store_note_update(ui->store, old_id, text, &err);
	else
		rc = store_note_add(ui->store, id, has_span, start, end, text,
		    &note, &err);
	if (rc < 0)
		goto fail;
	if (rc > 0)
		ui_error(ui, "%s", old_id != 0 ? "the note is gone" :
		    "the story changed; select the passage again");
	else
		ui_info(ui, "%s", old_id != 0 ? "note changed" :
		    "note added");
	changed = rc == 0;
	goto out;
fail:
	ui_error(ui, "%s", err);
out:
	free(line);
	free(text);
	free(err);
	return changed;
}

/*
 * Note on the selection, else on the marked quote, else on the whole
 * story; a passage or story that has a note already offers it to edit.
 */
int
ui_op_annotate(struct ui *ui)
{
	struct ui_story		*st = &ui->story;
	struct lib_notes	 other;
	const struct lib_notes	*notes = &st->notes;
	const struct lib_note	*old;
	struct lib_quote	*q;
	char			*err = NULL;
	size_t			 start = 0, end = 0;
	int64_t			 id;
	int			 has_span = 0, changed, selected = 0;

	memset(&other, 0, sizeof other);
	if ((id = ui_notes_target(ui)) == 0) {
		ui_error(ui, "choose a story first");
		return UI_REDRAW;
	}
	if (id == st->id && ui_pane_focused(ui) == &ui_article_pane &&
	    st->selecting) {
		if (ui_select_range(ui, &start, &end) != 0) {
			ui_error(ui, "the selection holds no words");
			return UI_REDRAW;
		}
		has_span = selected = 1;
	} else if (id == st->id && st->has_mark && !ui->quotes.shown) {
		start = st->mark_start;
		end = st->mark_end;
		has_span = library_passage_words(st->art.body,
		    st->art.body_len, &start, &end) == 0;
	} else if (ui_pane_focused(ui) == &ui_quotes_pane) {
		q = &ui->quotes.list.v[ui->quotes.cur];
		start = q->start;
		end = q->end;
		has_span = start < end;
	}
	if (id != st->id) {
		if (library_notes(ui->store, id, &other, &err) != 0) {
			ui_error(ui, "%s", err);
			free(err);
			return UI_REDRAW;
		}
		notes = &other;
	}
	old = ui_note_find(notes, has_span, start, end);
	changed = ui_annotate_write(ui, id, old, has_span, start, end);
	library_notes_free(&other);
	/* The selection is done with; one the quotes view hid is kept. */
	if (selected)
		st->selecting = 0;
	if (!changed)
		return UI_REDRAW;
	return ui_notes_changed(ui, id);
}
