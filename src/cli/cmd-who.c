/*
 * dossier who and quotes: a speaker's dossier, and quotes listed one a
 * line, both gathered by the library (library-dossier.c) and printed
 * here, every outside string cleaned; JSON for programs.
 */
#include "config.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "cmd.h"
#include "library.h"
#include "search.h"
#include "store.h"
#include "store-people.h"
#include "xmalloc.h"
#include "banned.h"

/* Width of the bars of quotes per month. */
#define WHO_BAR_WIDTH		40

/*
 * The one speaker a name means, into *row (free it); says why not: no
 * such name, or the candidates. 0 found, CMD_FAILED otherwise.
 */
int
cmd_who_find(struct store *s, const char *name, struct lib_person_row *row)
{
	struct lib_person_rows	 x;
	char			*err = NULL;
	size_t			 i;
	int			 rc;

	if ((rc = library_speaker_find(s, name, &x, &err)) < 0) {
		cmd_error("%s", err);
		free(err);
		return CMD_FAILED;
	}
	if (rc == 1)
		cmd_error("no one named '%s' in the library; see 'dossier"
		    " people'", name);
	if (rc == 2) {
		cmd_error("'%s' may be any of%s:", name, x.n >= LIB_FIND_MAX ?
		    " (the most quoted shown)" : "");
		for (i = 0; i < x.n; i++) {
			fputs("  ", stderr);
			cmd_print_cut(stderr, x.v[i].name, 200);
			fprintf(stderr, " [%s] %lld %s\n", x.v[i].kind,
			    (long long)x.v[i].quotes, x.v[i].quotes == 1 ?
			    "quote" : "quotes");
		}
	}
	if (rc == 0) {
		*row = x.v[0];
		memset(&x.v[0], 0, sizeof x.v[0]);
	}
	library_person_rows_free(&x);
	return rc == 0 ? 0 : CMD_FAILED;
}

void
cmd_who_row_free(struct lib_person_row *r)
{
	free(r->source_key);
	free(r->kind);
	free(r->name);
	free(r->role);
}

/* After a quote's outlet, the others of its story's: " (also in: B, C)". */
static void
print_also(const struct lib_quote_line *l)
{
	size_t	i;

	if (l->nalso == 0)
		return;
	fputs(" (also in: ", stdout);
	for (i = 0; i < l->nalso; i++) {
		if (i > 0)
			fputs(", ", stdout);
		cmd_print_cut(stdout, l->also[i], 200);
	}
	putchar(')');
}

/* A quote as JSON, as 'quotes --json' and 'who --json' give it. */
static struct json_object *
json_quote(const struct lib_quote_line *l)
{
	struct json_object	*o = json_object_new_object();
	struct json_object	*also = json_object_new_array();
	size_t			 i;

	json_object_object_add(o, "story", json_object_new_int64(l->article));
	cmd_json_string(o, "published", l->published);
	cmd_json_string(o, "outlet", l->outlet);
	cmd_json_string(o, "story_title", l->story_title);
	cmd_json_string(o, "speaker", l->speaker);
	cmd_json_string(o, "speaker_kind", l->speaker_kind);
	cmd_json_string(o, "role", l->role);
	cmd_json_string(o, "title", l->title);
	cmd_json_string(o, "affiliation", l->affiliation);
	cmd_json_string(o, "kind", l->kind);
	cmd_json_string(o, "text", l->text);
	json_object_object_add(o, "start",
	    json_object_new_int64((int64_t)l->start));
	json_object_object_add(o, "end",
	    json_object_new_int64((int64_t)l->end));
	json_object_object_add(o, "corrected",
	    json_object_new_boolean(l->corrected));
	for (i = 0; i < l->nalso; i++)
		json_object_array_add(also, json_object_new_string(l->also[i]));
	json_object_object_add(o, "also", also);
	return o;
}

/* An array of facts: [{key: text, what: n, first, last}]. */
static struct json_object *
json_facts(const struct lib_facts *x, const char *key, const char *what)
{
	struct json_object	*a = json_object_new_array(), *o;
	size_t			 i;

	for (i = 0; i < x->n; i++) {
		o = json_object_new_object();
		cmd_json_string(o, key, x->v[i].text);
		if (x->v[i].kind != NULL)
			cmd_json_string(o, "kind", x->v[i].kind);
		json_object_object_add(o, what,
		    json_object_new_int64(x->v[i].n));
		cmd_json_string(o, "first", x->v[i].first);
		cmd_json_string(o, "last", x->v[i].last);
		json_object_array_add(a, o);
	}
	return a;
}

/* How many of each list the dossier left out: {"roles": N, ...}. */
static struct json_object *
json_more(const struct lib_dossier *d)
{
	struct json_object	*o = json_object_new_object();

	json_object_object_add(o, "names",
	    json_object_new_int64((int64_t)d->names.more));
	json_object_object_add(o, "roles",
	    json_object_new_int64((int64_t)d->roles.more));
	json_object_object_add(o, "outlets",
	    json_object_new_int64((int64_t)d->outlets.more));
	json_object_object_add(o, "with",
	    json_object_new_int64((int64_t)d->peers.more));
	json_object_object_add(o, "tags",
	    json_object_new_int64((int64_t)d->tags.more));
	return o;
}

/* The dossier as one JSON object, but its quotes. */
static struct json_object *
who_json_head(const struct lib_dossier *d)
{
	struct json_object	*o = json_object_new_object();

	cmd_json_string(o, "name", d->who.name);
	cmd_json_string(o, "kind", d->who.kind);
	cmd_json_string(o, "role", d->who.role);
	json_object_object_add(o, "quotes",
	    json_object_new_int64(d->who.quotes));
	json_object_object_add(o, "stories",
	    json_object_new_int64(d->who.stories));
	json_object_object_add(o, "names", json_facts(&d->names, "name",
	    "count"));
	json_object_object_add(o, "roles", json_facts(&d->roles, "role",
	    "stories"));
	json_object_object_add(o, "outlets", json_facts(&d->outlets,
	    "outlet", "quotes"));
	json_object_object_add(o, "months", json_facts(&d->months, "month",
	    "quotes"));
	json_object_object_add(o, "with", json_facts(&d->peers, "name",
	    "stories"));
	json_object_object_add(o, "tags", json_facts(&d->tags, "tag",
	    "stories"));
	json_object_object_add(o, "more", json_more(d));
	return o;
}

/*
 * Write a quote as json_quote makes it, without the objects: 5,000
 * quotes are written at the speed of their bytes.
 */
static void
quote_write(FILE *f, const struct lib_quote_line *l)
{
	static const char *const keys[] = {
		"published", "outlet", "story_title", "speaker",
		"speaker_kind", "role", "title", "affiliation", "kind", "text"
	};
	const char	*v[sizeof keys / sizeof keys[0]];
	size_t		 i;

	v[0] = l->published;
	v[1] = l->outlet;
	v[2] = l->story_title;
	v[3] = l->speaker;
	v[4] = l->speaker_kind;
	v[5] = l->role;
	v[6] = l->title;
	v[7] = l->affiliation;
	v[8] = l->kind;
	v[9] = l->text;
	fprintf(f, "{\"story\":%lld", (long long)l->article);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		fprintf(f, ",\"%s\":", keys[i]);
		cmd_json_put_string(f, v[i]);
	}
	fprintf(f, ",\"start\":%zu,\"end\":%zu,\"corrected\":%s,\"also\":[",
	    l->start, l->end, l->corrected ? "true" : "false");
	for (i = 0; i < l->nalso; i++) {
		if (i > 0)
			putc(',', f);
		cmd_json_put_string(f, l->also[i]);
	}
	fputs("]}", f);
}

/* The dossier as one JSON object. */
struct json_object *
cmd_who_json(const struct lib_dossier *d)
{
	struct json_object	*o = who_json_head(d), *a;
	size_t			 i;

	a = json_object_new_array();
	for (i = 0; i < d->quotes.n; i++)
		json_object_array_add(a, json_quote(&d->quotes.v[i]));
	json_object_object_add(o, "quote_list", a);
	return o;
}

/*
 * Print the dossier as cmd_who_json makes it, one line, each quote
 * made and written in turn: 5,000 quotes are never objects at once.
 */
static int
who_json_print(const struct lib_dossier *d)
{
	struct json_object	*o = who_json_head(d);
	const char		*t;
	size_t			 i, n;
	int			 flags = JSON_C_TO_STRING_PLAIN |
				    JSON_C_TO_STRING_NOSLASHESCAPE;

	t = json_object_to_json_string_ext(o, flags);
	n = strlen(t);
	/* The head ends with its closing brace: the quotes go before it. */
	fwrite(t, 1, n > 0 ? n - 1 : 0, stdout);
	fputs(",\"quote_list\":[", stdout);
	json_object_put(o);
	for (i = 0; i < d->quotes.n; i++) {
		if (i > 0)
			putchar(',');
		quote_write(stdout, &d->quotes.v[i]);
	}
	fputs("]}\n", stdout);
	return ferror(stdout) ? 1 : 0;
}

/* A heading and a list of facts: "  text  n  first - last". */
static void
print_facts(const char *heading, const struct lib_facts *x, const char *one,
    const char *many, int dates)
{
	size_t	i;

	if (x->n == 0)
		return;
	printf("\n%s\n", heading);
	for (i = 0; i < x->n; i++) {
		fputs("  ", stdout);
		cmd_print_cut(stdout, x->v[i].text, 200);
		if (x->v[i].kind != NULL)
			printf(" [%s]", x->v[i].kind);
		if (dates && strcmp(x->v[i].first, x->v[i].last) != 0)
			printf(", %s \xe2\x80\x93 %s", x->v[i].first,
			    x->v[i].last);
		else if (dates)
			printf(", %s", x->v[i].first);
		printf("  (%lld %s)\n", (long long)x->v[i].n,
		    x->v[i].n == 1 ? one : many);
	}
	if (x->more > 0)
		printf("  and %zu more\n", x->more);
}

/* Quotes per month as a table with bars. */
static void
print_months(const struct lib_dossier *d)
{
	const char	*cs = nl_langinfo(CODESET);
	char		*bar;
	size_t		 i;
	int		 utf8 = cs != NULL && strcmp(cs, "UTF-8") == 0;

	if (d->months.n == 0)
		return;
	fputs("\nQuotes per month\n", stdout);
	for (i = 0; i < d->months.n; i++) {
		bar = library_bar(d->months.v[i].n, d->month_max,
		    WHO_BAR_WIDTH, utf8);
		fputs("  ", stdout);
		cmd_print_line(stdout, d->months.v[i].text);
		printf(" %6lld %s\n", (long long)d->months.v[i].n, bar);
		free(bar);
	}
}

/* One quote of a dossier: the line about it, then its words whole. */
static void
print_dossier_quote(const struct lib_quote_line *l)
{
	printf("  %s \xc2\xb7 story %lld \xc2\xb7 ", l->date[0] == ' ' ?
	    l->date + 1 : l->date, (long long)l->article);
	cmd_print_cut(stdout, l->outlet != NULL ? l->outlet : "(no outlet)",
	    200);
	print_also(l);
	if (l->role != NULL) {
		fputs(" \xc2\xb7 ", stdout);
		cmd_print_cut(stdout, l->role, 200);
	}
	printf(" \xc2\xb7 %s%s\n    ", l->kind, l->corrected ?
	    " (corrected)" : "");
	cmd_print_line(stdout, l->text);
	putchar('\n');
}

/* The dossier for people. */
static void
print_dossier(const struct lib_dossier *d)
{
	size_t	i;

	cmd_print_line(stdout, d->who.name);
	printf(" [%s]\n", d->who.kind);
	if (d->who.role != NULL) {
		fputs("  ", stdout);
		cmd_print_line(stdout, d->who.role);
		putchar('\n');
	}
	printf("  %lld %s in %lld %s", (long long)d->who.quotes,
	    d->who.quotes == 1 ? "quote" : "quotes", (long long)d->who.stories,
	    d->who.stories == 1 ? "story" : "stories");
	if (d->who.last[0] != '\0')
		printf(", last %s", d->who.last[0] == ' ' ? d->who.last + 1 :
		    d->who.last);
	putchar('\n');
	print_facts("Names seen", &d->names, "time", "times", 0);
	print_facts("Roles", &d->roles, "story", "stories", 1);
	print_facts("Quoted most by", &d->outlets, "quote", "quotes", 0);
	print_months(d);
	print_facts("Quoted with", &d->peers, "story", "stories", 0);
	print_facts("Tags of their stories", &d->tags, "story", "stories", 0);
	printf("\nQuotes, newest first (%zu)\n", d->quotes.n);
	for (i = 0; i < d->quotes.n; i++)
		print_dossier_quote(&d->quotes.v[i]);
}

/* dossier who NAME */
static int
cmd_who(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct lib_person_row	 row;
	struct lib_dossier	 d;
	struct store		*s;
	char			*err = NULL;
	int			 rv;

	if (args->argc != 1)
		return cmd_usage_error(args->entry, args->argc == 0 ?
		    "a name is needed" : "one name, in quotes if it has spaces");
	if ((s = cmd_store(ctx)) == NULL)
		return CMD_FAILED;
	if ((rv = cmd_who_find(s, args->argv[0], &row)) != 0)
		return rv;
	rv = library_dossier(s, &row, &d, &err);
	cmd_who_row_free(&row);
	if (rv != 0) {
		cmd_error("%s", err);
		free(err);
		return CMD_FAILED;
	}
	if (cmd_args_has(args, 'j'))
		rv = who_json_print(&d);
	else
		print_dossier(&d);
	library_dossier_free(&d);
	return rv != 0 || ferror(stdout) ? CMD_FAILED : CMD_OK;
}

static const struct cmd_option cmd_who_options[] = {
	CMD_OPTION_JSON,
	CMD_OPTION_END
};

const struct cmd_entry cmd_who_entry = {
	"who", "[--json] NAME",
	"show the dossier of a person, state, organisation or source",
	"Show everything the library holds on one speaker: the name and\n"
	"kind, the names seen in the stories, the roles and affiliations\n"
	"(the 12 of the most stories) with the months first and last seen\n"
	"in each, the outlets that quote them most, quotes per month as a\n"
	"table with bars (blocks in a UTF-8 terminal, # otherwise), the\n"
	"people most often quoted in the same stories, the tags of their\n"
	"stories (each list but the months at most 10 long, 12 for roles,\n"
	"ending \"and 7 more\" when there are more), and every quote, newest\n"
	"first and whole: date, story, outlet, the role the story gives\n"
	"them, and whether it is direct, reported or mixed. A story stored\n"
	"more than once counts once, by its group's first story, each\n"
	"quote naming the other outlets (\"also in: Northern Wire\"); the\n"
	"outlets that quote them most count it for each outlet.\n"
	"\n"
	"NAME is matched whole in any case (or a name merged into one),\n"
	"else as part of names; a state is its country's name, an unnamed\n"
	"source its words (\"a senior official\"). A name that matches no one\n"
	"says so, and one that matches several lists them (the 20 most\n"
	"quoted); both exit with status 1.\n"
	"\n"
	"      --json           one object: name, kind, role, quotes,\n"
	"                       stories, names, roles, outlets, months,\n"
	"                       with, tags (arrays of objects with first\n"
	"                       and last months), more (how many each of\n"
	"                       names, roles, outlets, with and tags left\n"
	"                       out), quote_list (as 'dossier quotes\n"
	"                       --json' gives each quote)\n",
	cmd_who_options, 0, cmd_who
};

/* The lines 'quotes' prints: for people, or one JSON object each. */
static int
quotes_line(const struct lib_quote_line *l, void *arg)
{
	int	*json = arg;

	if (*json) {
		quote_write(stdout, l);
		putchar('\n');
		return ferror(stdout) ? 1 : 0;
	}
	printf("%lld\t%s\t", (long long)l->article, l->date[0] == ' ' ?
	    l->date + 1 : l->date);
	cmd_print_cut(stdout, l->outlet, 200);
	print_also(l);
	putchar('\t');
	cmd_print_cut(stdout, l->speaker != NULL ? l->speaker :
	    "(speaker not found)", 200);
	putchar('\t');
	cmd_print_cut(stdout, l->title, 200);
	putchar('\t');
	cmd_print_cut(stdout, l->affiliation, 200);
	printf("\t%s\t", l->kind);
	cmd_print_line(stdout, l->text);
	putchar('\n');
	return ferror(stdout) ? 1 : 0;
}

/* --kind: direct, reported (or indirect) or mixed. */
static char *
quotes_check_kind(struct cmd_args *args, const char *v, char **err)
{
	if (library_quote_kind_parse(v) == NULL) {
		xasprintf(err, "unknown kind '%s': direct, reported or mixed",
		    v);
		return NULL;
	}
	return xstrdup(v);
}

/* The words left made one search, "" if none. */
static char *
quotes_search(const struct cmd_args *args)
{
	char	*q = xstrdup(""), *t;
	int	 i;

	for (i = 0; i < args->argc; i++) {
		xasprintf(&t, "%s%s%s", q, i > 0 ? " " : "", args->argv[i]);
		free(q);
		q = t;
	}
	return q;
}

/* dossier quotes [options] [QUERY] */
static int
cmd_quotes(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct store_quotes_query qq;
	struct store_speaker	 sp;
	struct lib_person_row	 row;
	struct store		*s;
	const char		*v;
	char			*err = NULL, *q;
	int64_t			 a;
	int			 json = cmd_args_has(args, 'j'), rv = CMD_OK;

	memset(&qq, 0, sizeof qq);
	memset(&row, 0, sizeof row);
	if ((v = cmd_args_value(args, 'S')) != NULL)
		search_period(v, &qq.since, &a);
	if ((v = cmd_args_value(args, 'U')) != NULL)
		search_period(v, &a, &qq.until);
	if ((v = cmd_args_value(args, 'k')) != NULL)
		qq.kind = library_quote_kind_parse(v);
	qq.tag = cmd_args_value(args, 't');
	qq.limit = cmd_args_limit(args, 'n');
	if ((s = cmd_store(ctx)) == NULL)
		return CMD_FAILED;
	if ((v = cmd_args_value(args, 's')) != NULL) {
		if ((rv = cmd_who_find(s, v, &row)) != 0)
			return rv;
		sp.entity = row.entity;
		sp.source_key = row.source_key;
		qq.speaker = &sp;
	}
	q = quotes_search(args);
	qq.search = *q != '\0' ? q : NULL;
	if (library_quote_lines(s, &qq, quotes_line, &json, &err) != 0) {
		cmd_error("%s", err);
		free(err);
		rv = CMD_FAILED;
	}
	free(q);
	cmd_who_row_free(&row);
	return rv != CMD_OK || ferror(stdout) ? CMD_FAILED : CMD_OK;
}

static const struct cmd_option cmd_quotes_options[] = {
	{ 's', "speaker", CMD_VALUE, NULL, "a name" },
	{ 'S', "since", CMD_VALUE | CMD_LONG, cmd_check_date, "a date" },
	{ 'U', "until", CMD_VALUE | CMD_LONG, cmd_check_date, "a date" },
	{ 'k', "kind", CMD_VALUE, quotes_check_kind, "a kind" },
	CMD_OPTION_TAG,
	CMD_OPTION_LIMIT,
	CMD_OPTION_JSON,
	CMD_OPTION_END
};

const struct cmd_entry cmd_quotes_entry = {
	"quotes", "[--speaker NAME] [--since DATE] [--until DATE] "
	"[--kind direct|reported|mixed] [--tag TAG] [--limit N] [--json] "
	"[QUERY]",
	"list quotes: who said what, where and when",
	"List quotes, newest story first, one a line, the fields separated\n"
	"by tabs: story id, date, outlet, speaker, role, affiliation, kind\n"
	"(direct, reported or mixed) and the words whole (a statement split\n"
	"by its cue joined with ...). Every field is one line, control\n"
	"characters dropped. A story stored more than once gives its\n"
	"quotes once, its group's first story's, the outlet followed by\n"
	"the others (\"Herald (also in: Northern Wire)\"); a tag on any\n"
	"story of the group finds them.\n"
	"\n"
	"  -s, --speaker NAME   only this speaker's (matched as 'dossier\n"
	"                       who' matches it: several is an error that\n"
	"                       lists them, none says so)\n"
	"      --since DATE     stories from DATE on (YYYY, YYYY-MM or\n"
	"                       YYYY-MM-DD: the start of that period)\n"
	"      --until DATE     stories up to the end of DATE's period\n"
	"  -k, --kind KIND      direct, reported (or indirect) or mixed\n"
	"  -t, --tag TAG        only stories tagged TAG\n"
	"  -n, --limit N        at most N quotes\n"
	"      --json           one object a line: story, published,\n"
	"                       outlet, story_title, speaker, speaker_kind,\n"
	"                       role, title, affiliation, kind, text, start,\n"
	"                       end (byte offsets in the body), corrected,\n"
	"                       also (the other outlets of the story's\n"
	"                       group, an array)\n"
	"\n"
	"QUERY (the words after the options) keeps the quotes of the\n"
	"stories it finds, in the search language of 'dossier search':\n"
	"quote:WORDS finds stories with those words inside a quote.\n",
	cmd_quotes_options, CMD_QUERY, cmd_quotes
};
