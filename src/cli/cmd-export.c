/*
 * dossier export: every tagged or annotated story (or those with one tag)
 * with its notes and the passages they cover, as Markdown for people or
 * JSON lines for programs. A file is written whole or not at all, and
 * only over a regular file of the user's (cmd-output.c).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "article.h"
#include "buf.h"
#include "cmd.h"
#include "library.h"
#include "plural.h"
#include "search.h"
#include "store.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

struct export {
	struct store	*s;
	FILE		*out;
	int		 json;
	size_t		 stories;
	char		*err;
	struct buf	*md;		/* the story's Markdown */
	const char	*title;		/* the Markdown heading, once */
	struct lib_quote_lines lines;	/* the story's quotes */
	struct json_object *notes;	/* the story's notes, as JSON */
};

/*
 * Add outside text to Markdown so that it reads as itself: no control
 * characters, no indentation (a code block), and every character that
 * could start markup escaped with a backslash.
 */
void
cmd_export_md(struct buf *b, const char *s, int multiline)
{
	char		*clean;
	const char	*p;
	int		 bol = 1;

	clean = multiline ? utf8_clean_text(s, strlen(s), NULL) :
	    utf8_clean_line(s, strlen(s));
	for (p = clean; *p != '\0'; p++) {
		char c = *p == '\t' || *p == '\f' || *p == '\v' ? ' ' : *p;

		if (c == '\n') {
			while (b->len > 0 && b->data[b->len - 1] == ' ')
				b->len--;
			buf_addc(b, '\n');
			bol = 1;
			continue;
		}
		if (bol && c == ' ')
			continue;
		if (strchr("\\`*_[]<>|~&!{}", c) != NULL ||
		    (bol && strchr("#+-=", c) != NULL))
			buf_addc(b, '\\');
		else if ((c == '.' || c == ')') && p > clean &&
		    p[-1] >= '0' && p[-1] <= '9') {
			/* "1." or "1)" opens a list when it starts a line. */
			const char *q = p;

			while (q > clean && q[-1] >= '0' && q[-1] <= '9')
				q--;
			if (q == clean || q[-1] == '\n')
				buf_addc(b, '\\');
		}
		buf_addc(b, c);
		bol = 0;
	}
	free(clean);
}

/* Add a URL as an autolink, with what would end it percent-encoded. */
static void
md_url(struct buf *b, const char *url)
{
	char		*clean;
	const char	*p;

	clean = utf8_clean_line(url, strlen(url));
	if (strncmp(clean, "http://", 7) != 0 &&
	    strncmp(clean, "https://", 8) != 0) {
		cmd_export_md(b, clean, 0);
		free(clean);
		return;
	}
	buf_addc(b, '<');
	for (p = clean; *p != '\0'; p++) {
		if (*p == ' ' || *p == '<' || *p == '>' || *p == '\\')
			buf_printf(b, "%%%02X", (unsigned char)*p);
		else
			buf_addc(b, *p);
	}
	buf_addc(b, '>');
	free(clean);
}

/* One line of a story's header list: "- Name: value". */
static void
md_field(struct buf *b, const char *name, const char *value)
{
	if (value == NULL)
		return;
	buf_printf(b, "- %s: ", name);
	if (strcmp(name, "URL") == 0)
		md_url(b, value);
	else
		cmd_export_md(b, value, 0);
	buf_addc(b, '\n');
}

/* Who said the quote a note is on, and where: "X, role · date · outlet". */
static void
md_note_quote(struct buf *b, const struct lib_quote_line *l)
{
	buf_adds(b, "On a quote by ");
	cmd_export_md(b, l->speaker != NULL ? l->speaker :
	    "(speaker not found)", 0);
	if (l->role != NULL) {
		buf_adds(b, ", ");
		cmd_export_md(b, l->role, 0);
	}
	buf_printf(b, " \xc2\xb7 %s", l->date[0] == ' ' ? l->date + 1 :
	    l->date);
	if (l->outlet != NULL) {
		buf_adds(b, " \xc2\xb7 ");
		cmd_export_md(b, l->outlet, 0);
	}
	buf_printf(b, " (%s)\n\n", l->kind);
}

/* A note in Markdown: a heading, the passage quoted, the note. */
static int
md_note(const struct store_note *n, void *arg)
{
	struct export			*x = arg;
	struct buf			*b = x->md;
	const struct lib_quote_line	*l;
	struct buf			 q;
	char				 date[16];
	size_t				 i;

	library_time(n->updated, date, sizeof date);
	buf_printf(b, "\n### Note %lld%s \xc2\xb7 %s\n\n", (long long)n->id,
	    n->has_span ? "" : " \xc2\xb7 on the whole story",
	    date + (*date == ' '));
	if (n->has_span && (l = library_quote_at(&x->lines, n->start,
	    n->end)) != NULL)
		md_note_quote(b, l);
	if (n->has_span && n->anchor != NULL) {
		buf_init(&q);
		cmd_export_md(&q, n->anchor, 1);
		buf_adds(b, "> ");
		for (i = 0; i < q.len; i++) {
			buf_addc(b, q.data[i]);
			if (q.data[i] == '\n')
				buf_adds(b, "> ");
		}
		buf_adds(b, "\n\n");
		buf_free(&q);
	}
	cmd_export_md(b, n->note != NULL ? n->note : "", 1);
	buf_addc(b, '\n');
	return 0;
}

/* A note as a JSON object in the story's array, with its quote's facts. */
static int
json_note(const struct store_note *n, void *arg)
{
	struct export			*x = arg;
	const struct lib_quote_line	*l = NULL;
	struct json_object		*o, *q = NULL;

	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(n->id));
	cmd_json_note(o, n, n->has_span ? n->anchor : NULL,
	    n->note != NULL ? n->note : "");
	if (n->has_span)
		l = library_quote_at(&x->lines, n->start, n->end);
	if (l != NULL) {
		q = json_object_new_object();
		cmd_json_string(q, "speaker", l->speaker);
		cmd_json_string(q, "role", l->role);
		cmd_json_string(q, "published", l->published);
		cmd_json_string(q, "outlet", l->outlet);
		cmd_json_string(q, "kind", l->kind);
		cmd_json_string(q, "text", l->text);
	}
	json_object_object_add(o, "quote", q);
	json_object_array_add(x->notes, o);
	return 0;
}

/* Do two lines have the same speaker and role (either may be NULL)? */
static int
same_said(const struct lib_quote_line *a, const struct lib_quote_line *b)
{
	return (a->speaker == NULL ? b->speaker == NULL : b->speaker != NULL &&
	    strcmp(a->speaker, b->speaker) == 0) && (a->role == NULL ?
	    b->role == NULL : b->role != NULL && strcmp(a->role, b->role) == 0);
}

/* Is line i the first of its speaker and role? */
static int
first_said(const struct lib_quote_lines *x, size_t i)
{
	size_t	j;

	for (j = 0; j < i; j++)
		if (same_said(&x->v[j], &x->v[i]))
			return 0;
	return 1;
}

/* A story's speakers, each with their role and quotes, as JSON. */
static struct json_object *
json_speakers(const struct lib_quote_lines *x)
{
	struct json_object	*a = json_object_new_array(), *o, *qs, *q;
	size_t			 i, k;

	for (i = 0; i < x->n; i++) {
		if (!first_said(x, i))
			continue;
		o = json_object_new_object();
		cmd_json_string(o, "name", x->v[i].speaker);
		cmd_json_string(o, "kind", x->v[i].speaker_kind);
		cmd_json_string(o, "role", x->v[i].role);
		qs = json_object_new_array();
		for (k = i; k < x->n; k++) {
			if (!same_said(&x->v[i], &x->v[k]))
				continue;
			q = json_object_new_object();
			cmd_json_string(q, "text", x->v[k].text);
			cmd_json_string(q, "kind", x->v[k].kind);
			json_object_object_add(q, "span",
			    cmd_json_span(x->v[k].start, x->v[k].until));
			json_object_array_add(qs, q);
		}
		json_object_object_add(o, "quotes", qs);
		json_object_array_add(a, o);
	}
	return a;
}

/* A story's speakers in Markdown: each, its role, then its quotes. */
static void
md_speakers(struct buf *b, const struct lib_quote_lines *x)
{
	size_t	i, k;

	if (x->n > 0)
		buf_adds(b, "\n### Who said what\n\n");
	for (i = 0; i < x->n; i++) {
		if (!first_said(x, i))
			continue;
		buf_adds(b, "- **");
		cmd_export_md(b, x->v[i].speaker != NULL ? x->v[i].speaker :
		    "(speaker not found)", 0);
		buf_adds(b, "**");
		if (x->v[i].role != NULL) {
			buf_adds(b, ", ");
			cmd_export_md(b, x->v[i].role, 0);
		}
		buf_addc(b, '\n');
		for (k = i; k < x->n; k++) {
			if (!same_said(&x->v[i], &x->v[k]))
				continue;
			buf_adds(b, "  - \xe2\x80\x9c");
			cmd_export_md(b, x->v[k].text, 0);
			buf_printf(b, "\xe2\x80\x9d (%s)\n", x->v[k].kind);
		}
	}
}

/* A correction of a quote as a JSON object in the story's array. */
static int
json_fix(const struct store_quote_fix *f, void *arg)
{
	json_object_array_add(arg, cmd_json_quote_fix(f, 0));
	return 0;
}

/* A correction of a quote in Markdown: the words, what they are. */
static int
md_fix(const struct store_quote_fix *f, void *arg)
{
	struct buf	*b = arg;
	char		*what;
	size_t		 len;
	FILE		*m;

	if ((m = open_memstream(&what, &len)) == NULL)
		return 1;
	cmd_print_fix(m, f);
	fclose(m);
	buf_adds(b, "- Corrected: \xe2\x80\x9c");
	cmd_export_md(b, f->words, 0);
	buf_adds(b, "\xe2\x80\x9d ");
	cmd_export_md(b, what, 0);
	buf_addc(b, '\n');
	free(what);
	return 0;
}

/* One story as a JSON line: its fields, speakers, notes, corrections. */
static int
export_story_json(struct export *x, const struct article *a,
    const struct lib_group *g)
{
	struct json_object	*o, *arr;
	size_t			 i;
	int			 rc;

	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(a->id));
	cmd_json_string(o, "title", a->title);
	cmd_json_string(o, "outlet", a->outlet);
	cmd_json_string(o, "byline", a->byline);
	cmd_json_string(o, "published", a->published);
	cmd_json_string(o, "url", a->url);
	arr = json_object_new_array();
	for (i = 0; i < a->ntags; i++)
		json_object_array_add(arr, json_object_new_string(a->tags[i]));
	json_object_object_add(o, "tags", arr);
	x->notes = json_object_new_array();
	json_object_object_add(o, "notes", x->notes);
	rc = store_article_notes(x->s, a->id, json_note, x, &x->err);
	arr = json_object_new_array();
	json_object_object_add(o, "corrections", arr);
	json_object_object_add(o, "duplicates", cmd_json_group(g));
	if (rc == 0)
		rc = store_quote_fixes(x->s, a->id, json_fix, arr, &x->err);
	json_object_object_add(o, "speakers", json_speakers(&x->lines));
	if (rc == 0)
		fprintf(x->out, "%s\n", json_object_to_json_string_ext(o,
		    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	return rc;
}

/* One story in Markdown, after the heading of the export if first. */
static int
export_story_md(struct export *x, const struct article *a,
    const struct lib_group *g)
{
	struct buf	b;
	size_t		i;
	int		rc;

	buf_init(&b);
	if (x->stories == 1) {
		buf_adds(&b, "# dossier: ");
		cmd_export_md(&b, x->title, 0);
		buf_addc(&b, '\n');
	}
	buf_adds(&b, "\n## ");
	cmd_export_md(&b, a->title != NULL ? a->title : "(untitled)", 0);
	buf_adds(&b, "\n\n");
	buf_printf(&b, "- Story: %lld\n", (long long)a->id);
	md_field(&b, "Outlet", a->outlet);
	md_field(&b, "Byline", a->byline);
	md_field(&b, "Published", a->published);
	md_field(&b, "URL", a->url);
	for (i = 0; i < g->n; i++) {
		buf_printf(&b, "%s#%lld ", i == 0 ? "- Also in: " : ", ",
		    (long long)g->v[i].id);
		cmd_export_md(&b, g->v[i].outlet, 0);
		if (g->v[i].first)
			buf_adds(&b, " (its quotes counted)");
		if (i + 1 == g->n)
			buf_addc(&b, '\n');
	}
	if (a->ntags > 0) {
		buf_adds(&b, "- Tags:");
		for (i = 0; i < a->ntags; i++) {
			buf_adds(&b, i > 0 ? ", " : " ");
			cmd_export_md(&b, a->tags[i], 0);
		}
		buf_addc(&b, '\n');
	}
	rc = store_quote_fixes(x->s, a->id, md_fix, &b, &x->err);
	md_speakers(&b, &x->lines);
	x->md = &b;
	if (rc == 0)
		rc = store_article_notes(x->s, a->id, md_note, x, &x->err);
	if (rc == 0)
		fwrite(b.data, 1, b.len, x->out);
	buf_free(&b);
	return rc;
}

/* Write one story with its speakers, notes and corrections. */
static int
export_story(const struct article *a, const struct lib_group *g, void *arg)
{
	struct export	*x = arg;
	int		 rc;

	x->stories++;
	if (library_story_lines(x->s, a->id, &x->lines, &x->err) != 0)
		return 1;
	rc = x->json ? export_story_json(x, a, g) :
	    export_story_md(x, a, g);
	library_quote_lines_free(&x->lines);
	return rc != 0 || ferror(x->out) ? 1 : 0;
}

/* A date of --until as before: takes it: the day after its period. */
static char *
export_until(const char *v)
{
	struct tm	 tm;
	char		*s;
	int64_t		 a, b;
	time_t		 t;

	if (search_period(v, &a, &b) != 0)
		return xstrdup(v);
	t = (time_t)b;
	gmtime_r(&t, &tm);
	xasprintf(&s, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
	return s;
}

/*
 * The stories to export: --search, --since and --until (and --tag with
 * them) as one search; else those with the tag, else every tagged,
 * annotated or corrected story. *title says which; free *query.
 */
static void
export_filter(const struct cmd_args *args, struct store_filter *f,
    char **query, char **title)
{
	const char	*search = cmd_args_value(args, 'Q');
	const char	*since = cmd_args_value(args, 'S');
	const char	*until = cmd_args_value(args, 'U');
	const char	*tag = cmd_args_value(args, 't');
	char		*q, *t, *u;

	memset(f, 0, sizeof *f);
	*query = NULL;
	if (search == NULL && since == NULL && until == NULL) {
		f->kind = tag != NULL ? STORE_FILTER_TAG :
		    STORE_FILTER_TAGGED_OR_NOTED;
		f->value = tag;
		if (tag != NULL)
			xasprintf(title, "stories tagged %s", tag);
		else
			*title = xstrdup("tagged and annotated stories");
		return;
	}
	q = xstrdup(search != NULL ? search : "");
	if (since != NULL) {
		xasprintf(&t, "%s after:%s", q, since);
		free(q);
		q = t;
	}
	if (until != NULL) {
		u = export_until(until);
		xasprintf(&t, "%s before:%s", q, u);
		free(u);
		free(q);
		q = t;
	}
	if (tag != NULL) {
		xasprintf(&t, "%s tag:%s", q, tag);
		free(q);
		q = t;
	}
	f->kind = STORE_FILTER_SEARCH;
	f->value = *query = q;
	xasprintf(title, "stories matching %s", q + (*q == ' '));
}

/* Write the export to out; -1 with x->err set. */
static int
export_run(struct export *x, const struct store_filter *f)
{
	if (library_list(x->s, f, 0, export_story, x, &x->err) != 0)
		return -1;
	if (x->err != NULL)
		return -1;
	if (ferror(x->out)) {
		xasprintf(&x->err, "cannot write: %s", strerror(errno));
		return -1;
	}
	if (x->stories == 0) {
		x->err = xstrdup("nothing to export: no story matches");
		return -1;
	}
	return 0;
}

static int
cmd_export(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct export		 x;
	struct cmd_output	 o;
	struct store_filter	 f;
	const char		*output = cmd_args_value(args, 'o');
	const char		*speaker = cmd_args_value(args, 'p');
	char			*query = NULL, *title = NULL;
	int			 rv = CMD_FAILED;

	if (args->argc != 0)
		return cmd_usage_error(args->entry, "unexpected argument '%s'",
		    args->argv[0]);
	memset(&x, 0, sizeof x);
	memset(&o, 0, sizeof o);
	o.fd = -1;
	/* --json and --format: the last one given says. */
	x.json = cmd_args_last(args, "fj") == 'j' ||
	    (cmd_args_last(args, "fj") == 'f' &&
	    strcmp(cmd_args_value(args, 'f'), "json") == 0);
	if ((x.s = cmd_store(ctx)) == NULL)
		goto out;
	if (cmd_output_open(&o, output, &x.err) != 0)
		goto out;
	x.out = o.f;
	if (speaker != NULL) {
		rv = cmd_export_speaker(x.s, x.out, speaker, args, x.json,
		    &x.err);
		if (rv == CMD_OK && cmd_output_commit(&o, &x.err) != 0)
			rv = CMD_FAILED;
		if (rv == CMD_OK && output != NULL && strcmp(output, "-") != 0)
			cmd_error("wrote the dossier to %s", output);
		goto out;
	}
	export_filter(args, &f, &query, &title);
	x.title = title;
	if (export_run(&x, &f) != 0 || cmd_output_commit(&o, &x.err) != 0)
		goto out;
	if (output != NULL && strcmp(output, "-") != 0)
		cmd_error("wrote %zu %s to %s", x.stories,
		    plural(x.stories, "story", "stories"), output);
	rv = CMD_OK;
out:
	cmd_output_abort(&o);
	if (rv != CMD_OK && x.err != NULL) {
		cmd_error("%s", x.err);
		rv = CMD_FAILED;
	}
	free(x.err);
	free(query);
	free(title);
	return rv;
}

/* --format: markdown (md) or json. */
static char *
export_check_format(struct cmd_args *args, const char *v, char **err)
{
	if (strcmp(v, "json") != 0 && strcmp(v, "markdown") != 0 &&
	    strcmp(v, "md") != 0) {
		xasprintf(err, "unknown format '%s': markdown or json", v);
		return NULL;
	}
	return xstrdup(v);
}

/* --output: a file, or - for stdout. */
static char *
export_check_output(struct cmd_args *args, const char *v, char **err)
{
	if (*v == '\0') {
		*err = xstrdup("--output needs a file");
		return NULL;
	}
	return xstrdup(v);
}

static const struct cmd_option cmd_export_options[] = {
	{ 'f', "format", CMD_VALUE, export_check_format, NULL },
	CMD_OPTION_JSON,
	CMD_OPTION_TAG,
	{ 'Q', "search", CMD_VALUE | CMD_LONG, NULL, NULL },
	{ 'S', "since", CMD_VALUE | CMD_LONG, cmd_check_date, NULL },
	{ 'U', "until", CMD_VALUE | CMD_LONG, cmd_check_date, NULL },
	{ 'p', "speaker", CMD_VALUE | CMD_LONG, NULL, NULL },
	{ 'o', "output", CMD_VALUE, export_check_output, NULL },
	CMD_OPTION_END
};

const struct cmd_entry cmd_export_entry = {
	"export", "[--format markdown|json | --json] [--tag TAG] "
	"[--search QUERY] [--since DATE] [--until DATE] [--speaker NAME] "
	"[--output FILE]",
	"export stories with who said what and your notes, or a dossier",
	"Write every story that has tags, notes or a quote you corrected\n"
	"(with --tag, every story with that tag; with --search, --since or\n"
	"--until, the stories that search finds), newest first: title,\n"
	"outlet, byline, date, URL, the other stories of its group (the\n"
	"same story stored again or carried by other outlets: \"Also in:\n"
	"#1 Herald (its quotes counted)\"), tags, your corrections of its\n"
	"quotes,\n"
	"its speakers each with their role and quotes, and each note with\n"
	"the passage it covers (a note on a quote says who said it, in\n"
	"which role, when and in which outlet). An export that finds no\n"
	"story says so and exits 1, writing nothing. (dossier correct list\n"
	"--json gives every correction, merges and roles too.)\n"
	"\n"
	"  -f, --format FMT     markdown (the default: for people, the\n"
	"                       stories' text escaped) or json (one object\n"
	"                       per story per line: id, title, outlet,\n"
	"                       byline, published, url, tags, duplicates\n"
	"                       (the group's other stories: id, outlet,\n"
	"                       first), notes (each\n"
	"                       with the quote it is on, or null),\n"
	"                       corrections, speakers)\n"
	"      --json           the same as --format json\n"
	"  -t, --tag TAG        only the stories tagged TAG\n"
	"      --search QUERY   the stories QUERY finds (the language of\n"
	"                       'dossier search')\n"
	"      --since DATE     stories from DATE on (YYYY, YYYY-MM or\n"
	"                       YYYY-MM-DD), as after: reads it\n"
	"      --until DATE     stories up to the end of DATE's period\n"
	"      --speaker NAME   the dossier of a speaker instead (matched as\n"
	"                       'dossier who' matches it): roles, timeline\n"
	"                       as a table, outlets, who they are quoted\n"
	"                       with, every quote with your notes on it;\n"
	"                       json: one object as 'who --json' gives,\n"
	"                       each quote with its notes, and selection;\n"
	"                       --since, --until, --tag and --search keep\n"
	"                       only the quotes of the stories they pick\n"
	"                       (\"Quotes since 2025-04\"; the rest of the\n"
	"                       dossier whole), none kept: exit 1\n"
	"  -o, --output FILE    write FILE whole or not at all (a temporary\n"
	"                       file renamed over it) instead of stdout;\n"
	"                       only a regular file of yours is replaced,\n"
	"                       keeping its mode (not a symbolic link, a\n"
	"                       device or a FIFO); - is stdout\n",
	cmd_export_options, 0, cmd_export
};
