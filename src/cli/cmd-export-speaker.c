/*
 * dossier export --speaker NAME: the dossier of one speaker as a brief,
 * Markdown for people (roles and the timeline as tables, the outlets,
 * who they are quoted with, every quote whole with the user's notes on
 * it) or one JSON object for programs (as 'who --json', each quote with
 * its notes). The dossier is the library's (library_dossier).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "buf.h"
#include "cmd.h"
#include "library.h"
#include "search.h"
#include "store.h"
#include "xmalloc.h"
#include "banned.h"

/* The notes of the story being written, read once a story. */
struct brief_notes {
	int64_t		 article;	/* whose notes these are, 0: none */
	struct brief_note {
		int64_t	 id;
		size_t	 start, end;
		char	*note;
		char	*anchor;
		int64_t	 created, updated;
	}		*v;
	size_t		 n;
};

static void
brief_notes_free(struct brief_notes *x)
{
	size_t	i;

	for (i = 0; i < x->n; i++) {
		free(x->v[i].note);
		free(x->v[i].anchor);
	}
	free(x->v);
	memset(x, 0, sizeof *x);
}

/* Keep a note on a passage (a note on a whole story is on no quote). */
static int
brief_note(const struct store_note *n, void *arg)
{
	struct brief_notes	*x = arg;
	struct brief_note	*e;

	if (!n->has_span)
		return 0;
	x->v = xreallocarray(x->v, x->n + 1, sizeof *x->v);
	e = &x->v[x->n++];
	e->id = n->id;
	e->start = n->start;
	e->end = n->end;
	e->note = xstrdup(n->note != NULL ? n->note : "");
	e->anchor = n->anchor != NULL ? xstrdup(n->anchor) : NULL;
	e->created = n->created;
	e->updated = n->updated;
	return 0;
}

/* Read the notes of a quote's story unless they are read already. */
static int
brief_notes_get(struct store *s, struct brief_notes *x, int64_t article,
    char **err)
{
	if (x->article == article)
		return 0;
	brief_notes_free(x);
	x->article = article;
	return store_article_notes(s, article, brief_note, x, err);
}

/* Does note n cover quote l? */
static int
brief_on(const struct brief_note *n, const struct lib_quote_line *l)
{
	return n->start < l->until && l->start < n->end;
}

/* A table of facts in Markdown: a header row, then a row each. */
static void
md_table(struct buf *b, const char *heading, const char *col,
    const struct lib_facts *x, int dates)
{
	size_t	i;

	if (x->n == 0)
		return;
	buf_printf(b, "\n## %s\n\n| %s |%s Count |\n|---|%s---|\n", heading,
	    col, dates ? " First seen | Last seen |" : "",
	    dates ? "---|---|" : "");
	for (i = 0; i < x->n; i++) {
		buf_adds(b, "| ");
		cmd_export_md(b, x->v[i].text, 0);
		if (x->v[i].kind != NULL)
			buf_printf(b, " (%s)", x->v[i].kind);
		if (dates)
			buf_printf(b, " | %s | %s", x->v[i].first,
			    x->v[i].last);
		buf_printf(b, " | %lld |\n", (long long)x->v[i].n);
	}
	if (x->more > 0)
		buf_printf(b, "\nAnd %zu more.\n", x->more);
}

/* One quote in Markdown with the notes on it. */
static void
md_quote(struct buf *b, const struct lib_quote_line *l,
    const struct brief_notes *notes)
{
	char	date[16];
	size_t	i;

	buf_printf(b, "\n### %s \xc2\xb7 story %lld \xc2\xb7 ",
	    l->date[0] == ' ' ? l->date + 1 : l->date, (long long)l->article);
	cmd_export_md(b, l->outlet != NULL ? l->outlet : "(no outlet)", 0);
	for (i = 0; i < l->nalso; i++) {
		buf_adds(b, i == 0 ? " (also in: " : ", ");
		cmd_export_md(b, l->also[i], 0);
	}
	buf_adds(b, l->nalso > 0 ? ")\n\n" : "\n\n");
	if (l->role != NULL) {
		buf_adds(b, "- Role: ");
		cmd_export_md(b, l->role, 0);
		buf_addc(b, '\n');
	}
	buf_printf(b, "- Kind: %s%s\n\n> ", l->kind, l->corrected ?
	    " (corrected by you)" : "");
	cmd_export_md(b, l->text, 0);
	buf_addc(b, '\n');
	for (i = 0; i < notes->n; i++) {
		if (!brief_on(&notes->v[i], l))
			continue;
		library_time(notes->v[i].updated, date, sizeof date);
		buf_printf(b, "\n#### Your note %lld \xc2\xb7 %s\n\n",
		    (long long)notes->v[i].id, date + (*date == ' '));
		cmd_export_md(b, notes->v[i].note, 1);
		buf_addc(b, '\n');
	}
}

/*
 * The quotes export's options pick into *sel, and in words into *what
 * ("since 2025-04, tagged iran"; NULL when they pick every quote).
 */
static void
brief_select(const struct cmd_args *args, struct store_quotes_query *sel,
    char **what)
{
	static const struct {
		int		 opt;
		const char	*words;
	} opts[] = {
		{ 'S', "since" }, { 'U', "until" }, { 't', "tagged" },
		{ 'Q', "matching" },
	};
	struct buf	 b;
	const char	*v;
	int64_t		 a;
	size_t		 i;

	memset(sel, 0, sizeof *sel);
	if ((v = cmd_args_value(args, 'S')) != NULL)
		search_period(v, &sel->since, &a);
	if ((v = cmd_args_value(args, 'U')) != NULL)
		search_period(v, &a, &sel->until);
	sel->tag = cmd_args_value(args, 't');
	sel->search = cmd_args_value(args, 'Q');
	buf_init(&b);
	for (i = 0; i < sizeof opts / sizeof opts[0]; i++)
		if ((v = cmd_args_value(args, opts[i].opt)) != NULL)
			buf_printf(&b, "%s%s %s", b.len > 0 ? ", " : "",
			    opts[i].words, v);
	*what = b.len > 0 ? buf_detach(&b) : NULL;
	buf_free(&b);
}

/* The dossier in Markdown, to out. */
static int
brief_md(struct store *s, FILE *out, const struct lib_dossier *d,
    const char *what, char **err)
{
	struct brief_notes	 notes;
	struct buf		 b;
	size_t			 i;
	int			 rv = 0;

	memset(&notes, 0, sizeof notes);
	buf_init(&b);
	buf_adds(&b, "# dossier: ");
	cmd_export_md(&b, d->who.name, 0);
	buf_printf(&b, "\n\n- Kind: %s\n", d->who.kind);
	if (d->who.role != NULL) {
		buf_adds(&b, "- Role: ");
		cmd_export_md(&b, d->who.role, 0);
		buf_addc(&b, '\n');
	}
	buf_printf(&b, "- Quotes: %lld in %lld %s\n", (long long)d->who.quotes,
	    (long long)d->who.stories, d->who.stories == 1 ? "story" :
	    "stories");
	for (i = 0; i < d->names.n; i++) {
		buf_adds(&b, i == 0 ? "- Names seen: " : ", ");
		cmd_export_md(&b, d->names.v[i].text, 0);
		buf_printf(&b, " (%lld)%s", (long long)d->names.v[i].n,
		    i + 1 == d->names.n ? "\n" : "");
	}
	md_table(&b, "Roles", "Role", &d->roles, 1);
	md_table(&b, "Timeline", "Month", &d->months, 0);
	md_table(&b, "Quoted most by", "Outlet", &d->outlets, 0);
	md_table(&b, "Quoted with", "Name", &d->peers, 0);
	md_table(&b, "Tags of their stories", "Tag", &d->tags, 0);
	buf_adds(&b, "\n## Quotes");
	if (what != NULL) {
		buf_addc(&b, ' ');
		cmd_export_md(&b, what, 0);
	}
	buf_printf(&b, ", newest first (%zu)\n", d->quotes.n);
	for (i = 0; i < d->quotes.n && rv == 0; i++) {
		rv = brief_notes_get(s, &notes, d->quotes.v[i].article, err);
		if (rv == 0)
			md_quote(&b, &d->quotes.v[i], &notes);
	}
	if (rv == 0)
		fwrite(b.data, 1, b.len, out);
	buf_free(&b);
	brief_notes_free(&notes);
	return rv;
}

/* The dossier as JSON (cmd_who_json), each quote with its notes. */
static int
brief_json(struct store *s, FILE *out, const struct lib_dossier *d,
    const char *what, char **err)
{
	struct brief_notes	 notes;
	struct store_note	 sn;
	struct json_object	*o, *list, *arr, *n;
	size_t			 i, k;
	int			 rv = 0;

	memset(&notes, 0, sizeof notes);
	o = cmd_who_json(d);
	cmd_json_string(o, "selection", what);
	list = json_object_object_get(o, "quote_list");
	for (i = 0; i < d->quotes.n && rv == 0; i++) {
		if ((rv = brief_notes_get(s, &notes, d->quotes.v[i].article,
		    err)) != 0)
			break;
		arr = json_object_new_array();
		for (k = 0; k < notes.n; k++) {
			if (!brief_on(&notes.v[k], &d->quotes.v[i]))
				continue;
			memset(&sn, 0, sizeof sn);
			sn.has_span = 1;
			sn.start = notes.v[k].start;
			sn.end = notes.v[k].end;
			sn.created = notes.v[k].created;
			sn.updated = notes.v[k].updated;
			n = json_object_new_object();
			json_object_object_add(n, "id",
			    json_object_new_int64(notes.v[k].id));
			cmd_json_note(n, &sn, notes.v[k].anchor,
			    notes.v[k].note);
			json_object_array_add(arr, n);
		}
		json_object_object_add(json_object_array_get_idx(list, i),
		    "notes", arr);
	}
	if (rv == 0)
		fprintf(out, "%s\n", json_object_to_json_string_ext(o,
		    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	brief_notes_free(&notes);
	return rv;
}

int
cmd_export_speaker(struct store *s, FILE *out, const char *name,
    const struct cmd_args *args, int json, char **err)
{
	struct store_quotes_query sel;
	struct lib_person_row	 row;
	struct lib_dossier	 d;
	char			*what;
	int			 rv;

	if (cmd_who_find(s, name, &row) != 0)
		return CMD_FAILED;
	brief_select(args, &sel, &what);
	rv = what != NULL ? library_dossier_select(s, &row, &sel, &d, err) :
	    library_dossier(s, &row, &d, err);
	cmd_who_row_free(&row);
	if (rv != 0) {
		free(what);
		return CMD_FAILED;
	}
	if (what != NULL && d.quotes.n == 0) {
		xasprintf(err, "nothing to export: no quote of %s %s",
		    d.who.name, what);
		rv = -1;
	} else if (json)
		rv = brief_json(s, out, &d, what, err);
	else
		rv = brief_md(s, out, &d, what, err);
	library_dossier_free(&d);
	free(what);
	return rv != 0 ? CMD_FAILED : CMD_OK;
}
