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
#include "reanalyze.h"
#include "store.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

/* Forget the open story's quotes. */
void
ui_correct_free(struct ui *ui)
{
	library_story_quotes_free(&ui->story.squotes);
}

/*
 * Read the open story's quotes, in body order, for the quote cursor:
 * every quote, attributed or not, and those the user struck out, so
 * their correction can be undone.
 */
void
ui_correct_load(struct ui *ui)
{
	struct ui_story	*st = &ui->story;
	char		*err = NULL;

	ui_correct_free(ui);
	if (st->id == 0)
		return;
	if (library_story_quotes(ui->store, st->id, &st->squotes,
	    &err) != 0) {
		ui_error(ui, "%s", err);
		free(err);
	}
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
 * The quote d steps (1 or -1) from the marked one (quotes that start
 * together are each a step), or from the top of the view when none is
 * marked; -1 past the first or the last.
 */
static long
correct_step(struct ui *ui, int d)
{
	struct ui_story	*st = &ui->story;
	size_t		 at = st->has_mark ? st->mark_start :
			    correct_view_top(ui);
	long		 i, n = (long)st->squotes.n;

	for (i = 0; st->has_mark && i < n; i++)
		if (st->squotes.v[i].start == st->mark_start &&
		    st->squotes.v[i].end == st->mark_end)
			return i + d >= 0 && i + d < n ? i + d : -1;
	if (d > 0) {
		for (i = 0; i < (long)st->squotes.n; i++)
			if (st->has_mark ? st->squotes.v[i].start > at :
			    st->squotes.v[i].start >= at)
				return i;
		return -1;
	}
	for (i = (long)st->squotes.n - 1; i >= 0; i--)
		if (st->squotes.v[i].start < at)
			return i;
	return -1;
}

/* The quote marked in the open story (the quote cursor's); NULL: none. */
const struct lib_story_quote *
ui_correct_marked(struct ui *ui)
{
	struct ui_story	*st = &ui->story;
	size_t		 i;

	if (st->id == 0 || !st->has_mark || ui->quotes.shown ||
	    ui->dossier.shown)
		return NULL;
	for (i = 0; i < st->squotes.n; i++)
		if (st->squotes.v[i].start == st->mark_start &&
		    st->squotes.v[i].end == st->mark_end)
			return &st->squotes.v[i];
	return NULL;
}

/* Move the quote cursor by d quotes (a count repeats it). */
static int
correct_move(struct ui *ui, int d)
{
	struct ui_story	*st = &ui->story;
	struct lib_story_quote *q;
	long		 i = -1, next;
	int		 n = ui->count > 0 ? ui->count : 1;

	if (st->id == 0 || ui->quotes.shown) {
		ui_error(ui, "open a story to move through its quotes");
		return UI_REDRAW;
	}
	if (st->squotes.n == 0) {
		ui_info(ui, "no quotes were found in this story");
		return UI_REDRAW;
	}
	while (n-- > 0 && (next = correct_step(ui, d)) >= 0) {
		i = next;
		ui_article_mark(ui, st->squotes.v[i].start,
		    st->squotes.v[i].end);
	}
	if (i < 0) {
		ui_info(ui, "no quote %s", d > 0 ? (st->has_mark ?
		    "after this one" : "from here on") : (st->has_mark ?
		    "before this one" : "above"));
		return UI_REDRAW;
	}
	q = &st->squotes.v[i];
	ui_info(ui, "quote %ld of %zu: %s%s", i + 1, st->squotes.n,
	    q->not_quote ? "not a quote" : q->speaker != NULL ? q->speaker :
	    "no speaker", q->not_quote ? "" : q->corrected ?
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

/* What a quote's correction acts on, from the story or the quotes view. */
struct correct_target {
	int64_t		 id;
	size_t		 start, end;
	const char	*who;		/* its speaker now; NULL */
	const char	*kind;		/* person, org, unnamed, ...; NULL */
	const char	*text;		/* its words (not NUL-ended) */
	size_t		 len;
};

/* Read again every pane that shows a quote or a name after a change. */
static int
correct_refresh(struct ui *ui)
{
	struct ui_quotes *qv = &ui->quotes;
	char		*err = NULL;
	int		 flags = UI_REDRAW;

	if (ui->story.id != 0) {
		library_entities_free(&ui->side.ents);
		if (library_entities(ui->store, ui->story.id, &ui->side.ents,
		    &err) != 0) {
			ui_error(ui, "%s", err);
			free(err);
			err = NULL;
		}
		if (ui->side.cur >= ui->side.ents.n)
			ui->side.cur = ui->side.ents.n > 0 ?
			    ui->side.ents.n - 1 : 0;
		flags |= ui_article_reload(ui);
	}
	if (qv->name != NULL) {
		library_quotes_free(&qv->list);
		if (library_quotes(ui->store, qv->kind, qv->name, &qv->list,
		    &err) != 0) {
			ui_error(ui, "%s", err);
			free(err);
		}
		/* A quote gone from the list: the cursor stays in place. */
		if (qv->cur >= qv->list.n)
			qv->cur = qv->list.n > 0 ? qv->list.n - 1 : 0;
	}
	return flags;
}

/*
 * After an undo: analyse again the stories the correction touched, so
 * the machine's reading comes back, and say what was done.
 */
static void
correct_undone(struct ui *ui, const char *msg, int64_t *ids, size_t nids)
{
	struct reanalyze_options opts;
	struct reanalyze_totals	 t;
	char			*err = NULL;

	memset(&opts, 0, sizeof opts);
	memset(&t, 0, sizeof t);
	opts.ids = ids;
	opts.nids = nids;
	if (nids > 0 && reanalyze_run(ui->store, &opts, &t, &err) != 0) {
		ui_error(ui, "%s; analysing again: %s", msg, err);
		free(err);
		return;
	}
	/* "X: correction dropped; 1 story to analyse again": it is done. */
	ui_info(ui, "%.*s; %zu %s analysed again", (int)strcspn(msg, ";"),
	    msg, t.done, t.done == 1 ? "story" : "stories");
}

/* Say the outcome of a library call: its message, or its error. */
static int
correct_said(struct ui *ui, int rc, char *msg, char *err)
{
	if (rc < 0)
		ui_error(ui, "%s", err != NULL ? err : "the correction failed");
	else if (msg != NULL)
		ui_info(ui, "%s", msg);
	free(msg);
	free(err);
	return rc;
}

/*
 * Ask for a name after a prompt, with a line above it saying what is
 * corrected (may be NULL); NULL if Escape cancelled it.
 */
static char *
correct_ask(struct ui *ui, const char *prompt, const char *initial,
    const char *hint)
{
	char	*line;
	int	 rc;

	/* Longer than any name takes, so too long is said, not cut. */
	ui->prompt_hint = hint;
	rc = ui_prompt(ui, prompt, initial, 1024, &line);
	ui->prompt_hint = NULL;
	return rc == 1 ? line : NULL;
}

/* Undo the correction of a quote. */
static int
correct_quote_undo(struct ui *ui, const struct correct_target *t)
{
	int64_t	*ids = NULL;
	size_t	 nids = 0;
	char	*msg = NULL, *err = NULL;
	int	 rc;

	rc = library_quote_unfix(ui->store, t->id, t->start, t->end, &ids,
	    &nids, &msg, &err);
	if (rc == 0)
		correct_undone(ui, msg, ids, nids);
	else
		correct_said(ui, rc, rc > 0 ? msg : NULL, err);
	if (rc == 0)
		free(msg);
	free(ids);
	return rc;
}

/*
 * The quote's menu: credit it to a speaker or to an unnamed source, say
 * it is not a quote, or undo the correction. 0 if the store changed.
 */
static int
correct_quote_menu(struct ui *ui, const struct correct_target *t)
{
	struct lib_fix	 fix;
	char		*name = NULL, *msg = NULL, *err = NULL, k[32], *hint;
	int		 key, rc, unnamed;

	key = ui_prompt_key(ui, "Correct: s speaker  u unnamed  x not a "
	    "quote  z undo", "Correct: s/u/x/z");
	unnamed = t->kind != NULL && strcmp(t->kind, "unnamed") == 0;
	memset(&fix, 0, sizeof fix);
	/* What is corrected shows above the prompt: whose, which words. */
	xasprintf(&hint, "now %s \xc2\xb7 \xe2\x80\x9c%.*s\xe2\x80\x9d",
	    t->who != NULL ? t->who : "no speaker", (int)t->len, t->text);
	switch (key) {
	case 0:
		goto out;
	case 's':
		if ((name = correct_ask(ui, "Speaker: ", unnamed ? NULL :
		    t->who, hint)) == NULL)
			goto out;
		fix.fix = LIB_FIX_SPEAKER;
		fix.kind = t->kind != NULL && strcmp(t->kind, "org") == 0 ?
		    "org" : "person";
		fix.who = name;
		break;
	case 'u':
		if ((name = correct_ask(ui, "Unnamed source: ", unnamed &&
		    t->who != NULL ? t->who : "an unnamed source",
		    hint)) == NULL)
			goto out;
		fix.fix = LIB_FIX_UNNAMED;
		fix.who = *name != '\0' ? name : NULL;	/* the default */
		break;
	case 'x':
		fix.fix = LIB_FIX_NOT_QUOTE;
		break;
	case 'z':
		rc = correct_quote_undo(ui, t);
		free(hint);
		return rc == 0 ? 0 : -1;
	default:
		ui_key_name(key, k, sizeof k);
		ui_error(ui, "%s is not one of s, u, x, z: nothing changed", k);
		goto out;
	}
	free(hint);
	rc = library_quote_fix(ui->store, t->id, t->start, t->end, &fix,
	    &msg, &err);
	free(name);
	return correct_said(ui, rc, msg, err) == 0 ? 0 : -1;
out:
	free(hint);
	return -1;
}

/* The marked quote of the open story as a target; -1 if none is. */
static int
correct_story_target(struct ui *ui, struct correct_target *t)
{
	struct ui_story	*st = &ui->story;
	char		 key[32];
	size_t		 i;

	if (!st->has_mark) {
		if (ui_hint_key(ui, "next-quote", key, sizeof key) == 0)
			ui_error(ui, "mark a quote first: %s marks the next "
			    "one", key);
		else
			ui_error(ui, "mark a quote first");
		return -1;
	}
	for (i = 0; i < st->squotes.n; i++)
		if (st->squotes.v[i].start == st->mark_start &&
		    st->squotes.v[i].end == st->mark_end)
			break;
	if (i == st->squotes.n) {
		ui_error(ui, "the marked words are no quote of the story");
		return -1;
	}
	t->id = st->id;
	t->start = st->mark_start;
	t->end = st->mark_end;
	t->who = st->squotes.v[i].speaker;
	t->kind = st->squotes.v[i].speaker_kind;
	t->text = st->art.body + st->mark_start;
	t->len = st->mark_end - st->mark_start;
	return 0;
}

/* Undo a name's role and affiliation, else a merge into it. */
static int
correct_name_undo(struct ui *ui, const struct lib_entity *e)
{
	int64_t	*ids = NULL;
	size_t	 nids = 0;
	char	*msg = NULL, *err = NULL, *alias, *prompt;
	int	 rc;

	rc = library_person_unset(ui->store, e->kind, e->name, &ids, &nids,
	    &msg, &err);
	if (rc == 1) {
		/* No role was set: the name merged into this one. */
		free(msg);
		msg = NULL;
		xasprintf(&prompt, "Undo the merge into %s of: ", e->name);
		alias = correct_ask(ui, prompt, NULL, "no role or affiliation "
		    "was set: the name typed is merged into this one no more");
		free(prompt);
		if (alias == NULL)
			return -1;
		rc = library_unmerge(ui->store, e->kind, alias, &ids, &nids,
		    &msg, &err);
		free(alias);
	}
	if (rc == 0) {
		correct_undone(ui, msg, ids, nids);
		free(msg);
	} else if (rc > 0) {
		ui_error(ui, "%s", msg);
		free(msg);
	} else
		correct_said(ui, rc, NULL, err);
	free(ids);
	return rc;
}

/*
 * A name's menu in the sidebar: merge it into another name, set its role
 * or affiliation, or undo. 0 if the store changed.
 */
static int
correct_name_menu(struct ui *ui, const struct lib_entity *e)
{
	char	*line = NULL, *msg = NULL, *err = NULL, *prompt, k[32];
	int	 key, rc = -1;

	key = ui_prompt_key(ui, "Correct: m merge into\xe2\x80\xa6  r role  "
	    "f affiliation  z undo", "Correct: m/r/f/z");
	if (key == 0)
		return -1;
	if (key == 'z')
		return correct_name_undo(ui, e) == 0 ? 0 : -1;
	if (key != 'm' && key != 'r' && key != 'f') {
		ui_key_name(key, k, sizeof k);
		ui_error(ui, "%s is not one of m, r, f, z: nothing changed", k);
		return -1;
	}
	xasprintf(&prompt, "%s %s%s: ", key == 'm' ? "Merge" : key == 'r' ?
	    "Role of" : "Affiliation of", e->name, key == 'm' ? " into" :
	    "");
	line = correct_ask(ui, prompt, key == 'r' ? e->title : NULL,
	    key == 'm' ? "its mentions and quotes, in every story, also "
	    "those imported later, go to the name typed" : "shown "
	    "wherever the name is, in every story");
	free(prompt);
	if (line == NULL)
		return -1;
	if (key == 'm') {
		rc = library_merge(ui->store, e->kind, e->name, line, &msg,
		    &err);
		/* The quotes view of the name merged away follows it. */
		if (rc == 0 && ui->quotes.name != NULL &&
		    strcmp(ui->quotes.name, e->name) == 0) {
			free(ui->quotes.name);
			ui->quotes.name = xstrdup(line);
		}
	} else
		rc = library_person_set(ui->store, e->kind, e->name,
		    key == 'r' ? line : NULL, key == 'f' ? line : NULL, &msg,
		    &err);
	free(line);
	return correct_said(ui, rc, msg, err) == 0 ? 0 : -1;
}

/* The sidebar's name under the cursor: its menu. */
static int
correct_sidebar(struct ui *ui)
{
	struct lib_entity *e;
	char		   key[32];

	if (ui->side.cur >= ui->side.ents.n) {
		ui_error(ui, "no name to correct here");
		return -1;
	}
	e = &ui->side.ents.v[ui->side.cur];
	if (e->unnamed) {
		if (ui_hint_key(ui, "next-quote", key, sizeof key) == 0)
			ui_error(ui, "an unnamed source is no name: mark its "
			    "quote in the story (%s) to correct it", key);
		else
			ui_error(ui, "an unnamed source is no name: mark its "
			    "quote in the story to correct it");
		return -1;
	}
	return correct_name_menu(ui, e);
}

/*
 * c: correct the marked quote of the story, the quotes view's selected
 * quote, or the sidebar's name; every pane showing it is read again.
 */
int
ui_op_correct(struct ui *ui)
{
	const struct ui_pane_ops *p = ui_pane_focused(ui);
	struct correct_target	  t;
	struct lib_quote	 *q;
	int			  rc;

	memset(&t, 0, sizeof t);
	if (p == &ui_sidebar_pane)
		rc = correct_sidebar(ui);
	else if (p == &ui_quotes_pane) {
		if (ui->quotes.cur >= ui->quotes.list.n) {
			ui_error(ui, "no quote to correct here");
			return UI_REDRAW;
		}
		q = &ui->quotes.list.v[ui->quotes.cur];
		t.id = q->article;
		t.start = q->start;
		t.end = q->end;
		t.who = ui->quotes.name;
		t.kind = ui->quotes.kind;
		t.text = q->text;
		t.len = strlen(q->text);
		rc = correct_quote_menu(ui, &t);
	} else if (p == &ui_article_pane && ui->story.id != 0) {
		rc = correct_story_target(ui, &t) == 0 ?
		    correct_quote_menu(ui, &t) : -1;
	} else {
		ui_error(ui, "%s", ui->story.id == 0 ? "open a story to "
		    "correct its quotes or names" : "correct from the story, "
		    "the quotes view or the sidebar");
		return UI_REDRAW;
	}
	return rc == 0 ? correct_refresh(ui) : UI_REDRAW;
}
