/* dossier show: one story with every stored field. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "article.h"
#include "cmd.h"
#include "library.h"
#include "store.h"
#include "xmalloc.h"
#include "banned.h"

static struct json_object *
jstr(const char *s)
{
	return s != NULL ? json_object_new_string(s) : NULL;
}

static struct json_object *
jstrn(const char *s, size_t n)
{
	return json_object_new_string_len(s, (int)n);
}

/* The text of a body span, or "" when the span is out of range. */
static struct json_object *
jbody(const struct article *a, size_t start, size_t end)
{
	if (a->body == NULL || start > end || end > a->body_len)
		return json_object_new_string("");
	return jstrn(a->body + start, end - start);
}

struct show_json {
	const struct article	*a;
	struct json_object	*arr;
	int64_t			*qids;		/* the quotes' rows, in order */
	size_t			 nq;
};

/*
 * A later part of a statement ("Q1," X said, "Q2."): its first part's
 * index in the array, whose statement gets its words; -1 if none.
 */
static int
show_json_part(struct show_json *sj, const struct store_quote *q)
{
	struct json_object	*head, *st;
	char			*t;
	size_t			 j;

	for (j = 0; q->continues > 0 && j < sj->nq; j++) {
		if (sj->qids[j] != q->continues)
			continue;
		head = json_object_array_get_idx(sj->arr, j);
		if (!json_object_object_get_ex(head, "statement", &st))
			return -1;
		xasprintf(&t, "%s" LIB_QUOTE_JOIN "%.*s",
		    json_object_get_string(st), (int)(q->end - q->start),
		    sj->a->body + q->start);
		json_object_object_add(head, "statement",
		    json_object_new_string(t));
		free(t);
		return (int)j;
	}
	return -1;
}

static int
show_json_mention(const struct store_mention *m, void *arg)
{
	struct show_json	*sj = arg;
	struct json_object	*o;
	char			*role;

	o = json_object_new_object();
	json_object_object_add(o, "start", json_object_new_int64((int64_t)m->start));
	json_object_object_add(o, "end", json_object_new_int64((int64_t)m->end));
	json_object_object_add(o, "type", jstr(m->kind));
	json_object_object_add(o, "text", jbody(sj->a, m->start, m->end));
	json_object_object_add(o, "name", jstr(m->name));
	json_object_object_add(o, "title", jstr(m->title));
	json_object_object_add(o, "affiliation", jstr(m->affiliation));
	role = library_role(m->title, m->affiliation);
	json_object_object_add(o, "role", jstr(role));
	free(role);
	json_object_array_add(sj->arr, o);
	return 0;
}

static int
show_json_quote(const struct store_quote *q, void *arg)
{
	struct show_json	*sj = arg;
	struct json_object	*o, *sp;

	int			 head = -1;

	if (sj->a->body != NULL && q->start <= q->end &&
	    q->end <= sj->a->body_len)
		head = show_json_part(sj, q);
	o = json_object_new_object();
	json_object_object_add(o, "start", json_object_new_int64((int64_t)q->start));
	json_object_object_add(o, "end", json_object_new_int64((int64_t)q->end));
	json_object_object_add(o, "kind", jstr(q->kind));
	json_object_object_add(o, "text", jbody(sj->a, q->start, q->end));
	/* One statement, its parts apart for their spans. */
	json_object_object_add(o, "continues", head >= 0 ?
	    json_object_new_int(head) : NULL);
	if (head < 0)
		json_object_object_add(o, "statement", jbody(sj->a, q->start,
		    q->end));
	json_object_object_add(o, "cue", q->has_cue ?
	    cmd_json_span(q->cue_start, q->cue_end) : NULL);
	sp = NULL;
	if (q->has_speaker || q->source_text != NULL) {
		sp = q->has_speaker ? cmd_json_span(q->speaker_start,
		    q->speaker_end) : json_object_new_object();
		json_object_object_add(sp, "text", q->has_speaker ?
		    jbody(sj->a, q->speaker_start, q->speaker_end) :
		    jstr(q->source_text));
		json_object_object_add(sp, "name", jstr(q->speaker_name));
		json_object_object_add(sp, "kind", jstr(q->source_kind));
	}
	json_object_object_add(o, "speaker", sp);
	json_object_object_add(o, "corrected",
	    json_object_new_boolean(q->corrected));
	json_object_array_add(sj->arr, o);
	sj->qids = xreallocarray(sj->qids, sj->nq + 1, sizeof *sj->qids);
	sj->qids[sj->nq++] = q->id;
	return 0;
}

/* A correction of the user's on one of the story's quotes. */
static int
show_json_fix(const struct store_quote_fix *f, void *arg)
{
	struct show_json	*sj = arg;

	json_object_array_add(sj->arr, cmd_json_quote_fix(f, 0));
	return 0;
}

static int
show_json_note(const struct store_note *n, void *arg)
{
	struct show_json	*sj = arg;
	struct json_object	*o;

	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(n->id));
	cmd_json_note(o, n, n->anchor, n->note);
	json_object_array_add(sj->arr, o);
	return 0;
}

/* The other stories of a story's group, as JSON objects and a line. */
struct show_group {
	struct json_object	*arr;		/* or NULL: print */
	int64_t			 first;		/* the group's first story */
	size_t			 n;
};

static int
show_group_row(const struct store_dup *d, void *arg)
{
	struct show_group	*g = arg;
	struct json_object	*o;

	if (d->first)
		g->first = d->id;
	if (g->arr != NULL) {
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_int64(d->id));
		json_object_object_add(o, "outlet", jstr(d->outlet));
		json_object_object_add(o, "feed", jstr(d->feed));
		json_object_object_add(o, "published", jstr(d->published));
		json_object_object_add(o, "first",
		    json_object_new_boolean(d->first));
		json_object_array_add(g->arr, o);
	} else {
		printf("%s#%lld ", g->n == 0 ? "Also in:   " : ", ",
		    (long long)d->id);
		cmd_print_line(stdout, d->outlet != NULL ? d->outlet :
		    d->feed != NULL ? d->feed : "?");
	}
	g->n++;
	return 0;
}

/*
 * The stories that are the same story as a (saved twice, or carried by
 * other outlets), and which one's quotes are counted.
 */
static int
show_group(struct store *s, const struct article *a, struct json_object *o,
    char **err)
{
	struct show_group	g = { NULL, 0, 0 };

	if (o != NULL)
		g.arr = json_object_new_array();
	if (o != NULL)
		json_object_object_add(o, "duplicates", g.arr);
	if (store_article_group(s, a->id, show_group_row, &g, err) != 0)
		return -1;
	if (o != NULL)
		json_object_object_add(o, "counted", json_object_new_boolean(
		    g.first == 0));
	else if (g.n > 0 && g.first == 0)
		puts("; the same story, its quotes counted once, here");
	else if (g.n > 0)
		printf("; the same story, its quotes counted once, in #%lld\n",
		    (long long)g.first);
	return 0;
}

static int
show_json(struct store *s, const struct article *a, char **err)
{
	struct json_object	*o, *arr;
	struct show_json	 sj;
	size_t			 i;
	int			 rv = -1;

	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(a->id));
	json_object_object_add(o, "title", jstr(a->title));
	json_object_object_add(o, "outlet", jstr(a->outlet));
	json_object_object_add(o, "byline", jstr(a->byline));
	json_object_object_add(o, "published", jstr(a->published));
	json_object_object_add(o, "url", jstr(a->url));
	json_object_object_add(o, "feed", jstr(a->feed));
	json_object_object_add(o, "lead", jstr(a->lead));
	json_object_object_add(o, "body", a->body != NULL ?
	    jstrn(a->body, a->body_len) : NULL);
	arr = json_object_new_array();
	for (i = 0; i < a->ncaptions; i++)
		json_object_array_add(arr, jstr(a->captions[i]));
	json_object_object_add(o, "captions", arr);
	arr = json_object_new_array();
	for (i = 0; i < a->nsubheadings; i++)
		json_object_array_add(arr, jbody(a, a->subheadings[i].start,
		    a->subheadings[i].end));
	json_object_object_add(o, "subheadings", arr);
	arr = json_object_new_array();
	for (i = 0; i < a->ntags; i++)
		json_object_array_add(arr, jstr(a->tags[i]));
	json_object_object_add(o, "tags", arr);
	arr = json_object_new_array();
	for (i = 0; i < a->nlinks; i++) {
		struct json_object *l = json_object_new_object();

		json_object_object_add(l, "url", jstr(a->links[i].url));
		json_object_object_add(l, "text", jstr(a->links[i].text));
		json_object_array_add(arr, l);
	}
	json_object_object_add(o, "links", arr);
	json_object_object_add(o, "read", json_object_new_boolean(a->read));
	json_object_object_add(o, "starred",
	    json_object_new_boolean(a->starred));
	json_object_object_add(o, "analysed_by",
	    json_object_new_int(a->analysed_by));

	memset(&sj, 0, sizeof sj);
	if (show_group(s, a, o, err) != 0)
		goto out;
	sj.a = a;
	sj.arr = json_object_new_array();
	json_object_object_add(o, "entities", sj.arr);
	if (store_article_mentions(s, a->id, show_json_mention, &sj, err) != 0)
		goto out;
	sj.arr = json_object_new_array();
	json_object_object_add(o, "quotes", sj.arr);
	if (store_article_quotes(s, a->id, show_json_quote, &sj, err) != 0)
		goto out;
	sj.arr = json_object_new_array();
	json_object_object_add(o, "corrections", sj.arr);
	if (store_quote_fixes(s, a->id, show_json_fix, &sj, err) != 0)
		goto out;
	sj.arr = json_object_new_array();
	json_object_object_add(o, "notes", sj.arr);
	if (store_article_notes(s, a->id, show_json_note, &sj, err) != 0)
		goto out;
	puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	rv = 0;
out:
	free(sj.qids);
	json_object_put(o);
	return rv;
}

static void
show_field(const char *name, const char *value)
{
	if (value == NULL)
		return;
	printf("%-10s ", name);
	cmd_print_line(stdout, value);
	putchar('\n');
}

/* People with their titles, then organisations, places and the rest. */
static void
show_text_entities(const struct lib_people *p)
{
	static const char *const kinds[] = { "person", "org", "place", "misc" };
	static const char *const heads[] = {
		"People", "Organisations", "Places", "Other"
	};
	const struct lib_person	*e;
	size_t			 k, i;
	int			 any;

	for (k = 0; k < 4; k++) {
		any = 0;
		for (i = 0; i < p->n; i++) {
			e = &p->v[i];
			if (strcmp(e->kind, kinds[k]) != 0)
				continue;
			if (!any)
				printf("\n%s\n", heads[k]);
			any = 1;
			fputs("  ", stdout);
			cmd_print_entity(stdout, e->name, e->title,
			    e->affiliation);
			printf("  x%zu\n", e->count);
		}
	}
}

/* Quotes by speaker, in the order speakers first appear. */
static void
show_text_quotes(const struct lib_people *p)
{
	const struct lib_speaker	*sp;
	size_t				 i, j;

	if (p->nspeakers > 0)
		puts("\nQuotes");
	for (i = 0; i < p->nspeakers; i++) {
		sp = &p->speakers[i];
		fputs("  ", stdout);
		cmd_print_line(stdout, sp->who);
		if (sp->kind != NULL && strcmp(sp->kind, "person") != 0)
			printf(" [%s]", sp->kind);
		putchar('\n');
		for (j = 0; j < sp->n; j++) {
			fputs("    ", stdout);
			if (strcmp(sp->kinds[j], "direct") == 0)
				putchar('"');
			cmd_print_line(stdout, sp->quotes[j]);
			if (strcmp(sp->kinds[j], "direct") == 0)
				putchar('"');
			else
				printf(" (%s)", sp->kinds[j]);
			if (sp->corrected[j])
				fputs(" [corrected]", stdout);
			putchar('\n');
		}
	}
}

/* The user's corrections of the story's quotes, struck ones too. */
static int
show_text_fix(const struct store_quote_fix *f, void *arg)
{
	int	*first = arg;

	if (*first) {
		puts("\nCorrections");
		*first = 0;
	}
	fputs("  \"", stdout);
	cmd_print_line(stdout, f->words);
	fputs("\": ", stdout);
	cmd_print_fix(stdout, f);
	putchar('\n');
	return 0;
}

static int
show_text_note(const struct store_note *n, void *arg)
{
	int	*first = arg;

	if (*first) {
		puts("\nNotes");
		*first = 0;
	}
	printf("  [%lld] ", (long long)n->id);
	if (n->has_span && n->anchor != NULL) {
		putchar('"');
		cmd_print_line(stdout, n->anchor);
		fputs("\": ", stdout);
	}
	cmd_print_line(stdout, n->note);
	putchar('\n');
	return 0;
}

/* Print the body a paragraph at a time, subheadings marked with "## ". */
static void
show_body(const struct article *a)
{
	const char	*p, *end, *nl;
	size_t		 off, n, i;
	char		*para;

	if (a->body == NULL)
		return;
	p = a->body;
	end = a->body + a->body_len;
	while (p < end) {
		nl = strstr(p, "\n\n");
		n = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
		off = (size_t)(p - a->body);
		for (i = 0; i < a->nsubheadings; i++)
			if (a->subheadings[i].start == off)
				break;
		putchar('\n');
		if (i < a->nsubheadings)
			fputs("## ", stdout);
		para = xstrndup(p, n);
		cmd_print_line(stdout, para);
		free(para);
		putchar('\n');
		if (nl == NULL)
			break;
		p = nl + 2;
	}
}

static int
show_text(struct store *s, const struct article *a, char **err)
{
	struct lib_people	p;
	size_t			i;
	int			first;

	show_field("Title:", a->title);
	show_field("Outlet:", a->outlet);
	show_field("Byline:", a->byline);
	show_field("Published:", a->published);
	show_field("URL:", a->url);
	show_field("Feed:", a->feed);
	if (a->ntags > 0) {
		printf("%-10s", "Tags:");
		for (i = 0; i < a->ntags; i++) {
			fputs(" #", stdout);
			cmd_print_line(stdout, a->tags[i]);
		}
		putchar('\n');
	}
	printf("%-10s %s%s\n", "State:", a->read ? "read" : "unread",
	    a->starred ? ", starred" : "");
	if (show_group(s, a, NULL, err) != 0)
		return -1;
	if (a->lead != NULL) {
		putchar('\n');
		cmd_print_line(stdout, a->lead);
		putchar('\n');
	}
	show_body(a);
	if (a->ncaptions > 0)
		puts("\nCaptions");
	for (i = 0; i < a->ncaptions; i++) {
		fputs("  ", stdout);
		cmd_print_line(stdout, a->captions[i]);
		putchar('\n');
	}
	if (a->nlinks > 0)
		puts("\nLinks");
	for (i = 0; i < a->nlinks; i++) {
		printf("  [%zu] ", i + 1);
		if (a->links[i].text != NULL) {
			cmd_print_line(stdout, a->links[i].text);
			fputs(": ", stdout);
		}
		cmd_print_line(stdout, a->links[i].url);
		putchar('\n');
	}
	if (library_people(s, a, &p, err) != 0)
		return -1;
	show_text_entities(&p);
	show_text_quotes(&p);
	library_people_free(&p);
	first = 1;
	if (store_quote_fixes(s, a->id, show_text_fix, &first, err) != 0)
		return -1;
	first = 1;
	return store_article_notes(s, a->id, show_text_note, &first, err);
}

static int
cmd_show(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct article		 a;
	struct store		*s;
	char			*err = NULL;
	int64_t			 id;
	int			 rc, rv = CMD_OK;

	if (args->argc != 1)
		return cmd_usage_error(args->entry, args->argc == 0 ?
		    "which story? give its id" : "one id at a time");
	if ((id = cmd_parse_id(args->argv[0])) == 0)
		return cmd_usage_error(args->entry, "'%s' is not a story id",
		    args->argv[0]);
	if ((s = cmd_store(ctx)) == NULL)
		return CMD_FAILED;
	rc = store_article_get(s, id, &a, &err);
	if (rc == 1) {
		fprintf(stderr, "dossier: no story with id %lld\n",
		    (long long)id);
		return CMD_FAILED;
	}
	if (rc != 0 || (cmd_args_has(args, 'j') ? show_json(s, &a, &err) :
	    show_text(s, &a, &err)) != 0) {
		cmd_error("%s", err != NULL ? err : "cannot read story");
		rv = CMD_FAILED;
	}
	free(err);
	article_free(&a);
	return rv;
}

static const struct cmd_option cmd_show_options[] = {
	CMD_OPTION_JSON,
	CMD_OPTION_END
};

const struct cmd_entry cmd_show_entry = {
	"show", "[--json] ID",
	"print every stored field of a story",
	"Print a story: its header fields, lead, body (subheadings marked),\n"
	"captions, tags, the people and quotes found in it (a quote you\n"
	"corrected marked [corrected]), your corrections, and notes.\n"
	"\n"
	"      --json      one JSON object: id, title, outlet, byline,\n"
	"                  published, url, feed, lead, body, captions,\n"
	"                  subheadings, tags, links, read, starred, entities,\n"
	"                  quotes (each with corrected; a statement split\n"
	"                  by its cue has its later parts' continues, the\n"
	"                  index of its first, whose statement is the\n"
	"                  parts' words joined), corrections (of\n"
	"                  quotes: start, end, placed, words, kind, fix,\n"
	"                  speaker), notes, duplicates (the other stories\n"
	"                  of its group: id, outlet, feed, published, first)\n"
	"                  and counted (its quotes are the group's counted)\n"
	"\n"
	"A story stored more than once (saved twice, or one wire story in\n"
	"several outlets) lists the others on an 'Also in:' line, and says\n"
	"which one's quotes are counted.\n",
	cmd_show_options, 0, cmd_show
};
