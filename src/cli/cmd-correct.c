/*
 * dossier correct: the user's corrections of who said what. A quote
 * credited to a speaker or an unnamed source or struck out as not a
 * quote, a name merged into another, a name's role and affiliation set;
 * each undone with --undo (the stories it touched analysed again, so
 * the machine's reading comes back); and every correction listed.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "article.h"
#include "cmd.h"
#include "library.h"
#include "plural.h"
#include "reanalyze.h"
#include "store.h"
#include "xmalloc.h"
#include "banned.h"

/* Say an error of the library's (it may echo what was typed: cleaned). */
static int
correct_failed(char *err)
{
	cmd_error("%s", err != NULL ? err : "the correction failed");
	free(err);
	return CMD_FAILED;
}

/* Analyse again the stories an undo touched; CMD_OK or CMD_FAILED. */
static int
correct_reanalyse(struct store *s, int64_t *ids, size_t n)
{
	struct reanalyze_options o;
	struct reanalyze_totals	 t;
	char			*err = NULL;
	int			 rv;

	if (n == 0)
		return CMD_OK;
	memset(&o, 0, sizeof o);
	o.ids = ids;
	o.nids = n;
	rv = reanalyze_run(s, &o, &t, &err);
	free(ids);
	if (rv != 0)
		return correct_failed(err);
	printf("%zu %s analysed again\n", t.done, plural(t.done, "story",
	    "stories"));
	return CMD_OK;
}

/* Print a message of the library's, and analyse again what it gave. */
static int
correct_done(struct store *s, int rc, char *msg, char *err, int64_t *ids,
    size_t nids)
{
	if (rc < 0) {
		free(ids);
		return correct_failed(err);
	}
	cmd_print_line(stdout, msg);
	putchar('\n');
	free(msg);
	if (rc == 1) {
		free(ids);
		return CMD_FAILED;
	}
	return correct_reanalyse(s, ids, nids);
}

/* Does [p, p + n) hold the words w (exactly, or ASCII case ignored)? */
static int
span_has(const char *p, size_t n, const char *w, int icase)
{
	size_t	wl = strlen(w), i;

	if (wl == 0 || wl > n)
		return 0;
	for (i = 0; i + wl <= n; i++)
		if (icase ? strncasecmp(p + i, w, wl) == 0 :
		    memcmp(p + i, w, wl) == 0)
			return 1;
	return 0;
}

/* Say which quotes the words are in, so the user can choose one. */
static void
quote_ambiguous(const struct article *a, const struct lib_story_quotes *q,
    const char *words, int icase)
{
	const struct lib_story_quote	*e;
	char				*text;
	size_t				 i;

	fputs("dossier: the words '", stderr);
	cmd_print_line(stderr, words);
	fprintf(stderr, "' are in several quotes of story %lld; give more "
	    "words or @START:\n", (long long)a->id);
	for (i = 0; i < q->n; i++) {
		e = &q->v[i];
		if (!span_has(a->body + e->start, e->end - e->start, words,
		    icase))
			continue;
		text = xstrndup(a->body + e->start, e->end - e->start > 60 ?
		    60 : e->end - e->start);
		fprintf(stderr, "  @%zu \"", e->start);
		cmd_print_line(stderr, text);
		fputs(e->end - e->start > 60 ? "...\"\n" : "\"\n", stderr);
		free(text);
	}
}

/* Find the quote QUOTE names (words of it, or @START); -1 if none. */
static int
quote_find(const struct article *a, const struct lib_story_quotes *q,
    const char *quote, size_t *at)
{
	const struct lib_story_quote	*e;
	size_t				 i, n = 0;
	int				 icase;
	char				*end;
	unsigned long long		 start;

	if (quote[0] == '@' && quote[1] >= '0' && quote[1] <= '9') {
		start = strtoull(quote + 1, &end, 10);
		for (i = 0; *end == '\0' && i < q->n; i++)
			if (q->v[i].start == start) {
				*at = i;
				return 0;
			}
		fprintf(stderr, "dossier: story %lld has no quote at ",
		    (long long)a->id);
		cmd_print_line(stderr, quote);
		fputs(" (show --json gives the quotes' starts)\n", stderr);
		return -1;
	}
	for (icase = 0; icase < 2 && n == 0; icase++)
		for (i = 0; i < q->n; i++) {
			e = &q->v[i];
			if (e->end > a->body_len || e->start > e->end ||
			    !span_has(a->body + e->start, e->end - e->start,
			    quote, icase))
				continue;
			if (n++ == 0)
				*at = i;
		}
	if (n == 1)
		return 0;
	if (n > 1) {
		quote_ambiguous(a, q, quote, icase - 1);
		return -1;
	}
	fputs("dossier: no quote of story ", stderr);
	fprintf(stderr, "%lld has the words '", (long long)a->id);
	cmd_print_line(stderr, quote);
	fputs("'\n", stderr);
	return -1;
}

/* "@START", read as a number: 1 if it is one. */
static int
waiting_start(const char *quote, size_t *at)
{
	char			*end;
	unsigned long long	 v;

	if (quote[0] != '@' || quote[1] < '0' || quote[1] > '9')
		return 0;
	v = strtoull(quote + 1, &end, 10);
	if (*end != '\0' || v >= (unsigned long long)SIZE_MAX)
		return 0;
	*at = (size_t)v;
	return 1;
}

/* What a quote correction is to be, from the options; -1 usage error. */
static int
quote_fix_of(struct cmd_args *args, struct lib_fix *f, int *undo)
{
	int	n = 0;

	memset(f, 0, sizeof *f);
	*undo = cmd_args_has(args, 'z') > 0;
	if (cmd_args_has(args, 's')) {
		f->fix = LIB_FIX_SPEAKER;
		f->who = cmd_args_value(args, 's');
		f->kind = cmd_args_has(args, 'O') ? "org" : "person";
		n++;
	}
	if (cmd_args_has(args, 'u')) {
		f->fix = LIB_FIX_UNNAMED;
		f->who = args->argc == 4 ? args->argv[3] : NULL;
		n++;
	}
	if (cmd_args_has(args, 'x')) {
		f->fix = LIB_FIX_NOT_QUOTE;
		n++;
	}
	if (n + *undo != 1)
		return cmd_usage_error(args->entry, "say one of --speaker NAME, "
		    "--unnamed, --not-quote or --undo"), -1;
	if (args->argc != 3 && !(args->argc == 4 && !*undo &&
	    f->fix == LIB_FIX_UNNAMED))
		return cmd_usage_error(args->entry, "quote takes a story id "
		    "and words of the quote (or @START)"), -1;
	if (cmd_args_has(args, 'O') && f->fix != LIB_FIX_SPEAKER)
		return cmd_usage_error(args->entry, "--org goes with "
		    "--speaker"), -1;
	return 0;
}

/* dossier correct quote ID QUOTE (--speaker NAME [--org] | ...) */
static int
correct_quote(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct lib_story_quotes	 q;
	struct lib_fix		 f;
	struct article		 a;
	struct store		*s;
	char			*msg = NULL, *err = NULL;
	int64_t			 id, *ids = NULL;
	size_t			 at = 0, nids = 0;
	int			 undo, rc, rv = CMD_FAILED;

	if (quote_fix_of(args, &f, &undo) != 0)
		return CMD_USAGE;
	if ((id = cmd_parse_id(args->argv[1])) == 0)
		return cmd_usage_error(args->entry, "'%s' is not a story id",
		    args->argv[1]);
	if ((s = cmd_store(ctx)) == NULL)
		return CMD_FAILED;
	if ((rc = store_article_get(s, id, &a, &err)) == 1) {
		fprintf(stderr, "dossier: no story with id %lld\n",
		    (long long)id);
		return CMD_FAILED;
	}
	if (rc != 0)
		return correct_failed(err);
	if (library_story_quotes(s, id, &q, &err) != 0) {
		article_free(&a);
		return correct_failed(err);
	}
	if (undo && waiting_start(args->argv[2], &at)) {
		/* A correction whose words are gone: by the start list gives. */
		rc = library_quote_unfix(s, id, at, at + 1, &ids, &nids, &msg,
		    &err);
		rv = correct_done(s, rc, msg, err, ids, nids);
	} else if (a.body != NULL &&
	    quote_find(&a, &q, args->argv[2], &at) == 0) {
		if (undo)
			rc = library_quote_unfix(s, id, q.v[at].start,
			    q.v[at].end, &ids, &nids, &msg, &err);
		else
			rc = library_quote_fix(s, id, q.v[at].start,
			    q.v[at].end, &f, &msg, &err);
		rv = correct_done(s, rc, msg, err, ids, nids);
	} else if (a.body == NULL)
		fprintf(stderr, "dossier: story %lld has no text\n",
		    (long long)id);
	library_story_quotes_free(&q);
	article_free(&a);
	return rv;
}

/* dossier correct merge NAME --into NAME [--kind KIND] | --undo */
static int
correct_merge(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct store	*s;
	const char	*into = cmd_args_value(args, 'i');
	char		*msg = NULL, *err = NULL;
	int64_t		*ids = NULL;
	size_t		 nids = 0;
	int		 undo = cmd_args_has(args, 'z'), rc;

	if (args->argc != 2)
		return cmd_usage_error(args->entry, "merge takes one name (the "
		    "one to merge into goes after --into)");
	if ((into == NULL) == !undo)
		return cmd_usage_error(args->entry, undo ? "--undo takes no "
		    "--into" : "merge into which name? give --into NAME");
	if ((s = cmd_store(ctx)) == NULL)
		return CMD_FAILED;
	if (undo)
		rc = library_unmerge(s, cmd_args_value(args, 'k'),
		    args->argv[1], &ids, &nids, &msg, &err);
	else
		rc = library_merge(s, cmd_args_value(args, 'k'), args->argv[1],
		    into, &msg, &err);
	return correct_done(s, rc, msg, err, ids, nids);
}

/* dossier correct person NAME [--role R] [--affiliation A] | --undo */
static int
correct_person(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct store	*s;
	const char	*role = cmd_args_value(args, 'r');
	const char	*aff = cmd_args_value(args, 'f');
	char		*msg = NULL, *err = NULL;
	int64_t		*ids = NULL;
	size_t		 nids = 0;
	int		 undo = cmd_args_has(args, 'z'), rc;

	if (args->argc != 2)
		return cmd_usage_error(args->entry, "person takes one name");
	if (undo && (role != NULL || aff != NULL))
		return cmd_usage_error(args->entry, "--undo drops both the "
		    "role and the affiliation; give neither");
	if (!undo && role == NULL && aff == NULL)
		return cmd_usage_error(args->entry, "give --role, "
		    "--affiliation or both (or --undo)");
	if ((s = cmd_store(ctx)) == NULL)
		return CMD_FAILED;
	if (undo)
		rc = library_person_unset(s, cmd_args_value(args, 'k'),
		    args->argv[1], &ids, &nids, &msg, &err);
	else
		rc = library_person_set(s, cmd_args_value(args, 'k'),
		    args->argv[1], role, aff, &msg, &err);
	return correct_done(s, rc, msg, err, ids, nids);
}

/* Print one quote's correction as correct list does. */
static int
list_quote(const struct store_quote_fix *f, void *arg)
{
	int	json = *(int *)arg;

	if (json)
		return cmd_json_print(cmd_json_quote_fix(f, 1));
	printf("quote   story %lld @%zu \"", (long long)f->article, f->start);
	cmd_print_line(stdout, f->words);
	fputs("\" ", stdout);
	cmd_print_fix(stdout, f);
	putchar('\n');
	return ferror(stdout) ? 1 : 0;
}

/* Print one merge or role as correct list does. */
static int
list_name(const struct store_name_fix *f, void *arg)
{
	struct json_object	*o;
	int			 json = *(int *)arg;
	/* a name kept apart from the one the library joined it to */
	int			 apart = f->into != NULL &&
				     strcmp(f->into, f->name) == 0;

	if (json) {
		o = json_object_new_object();
		cmd_json_string(o, "type", apart ? "apart" : f->into != NULL ?
		    "merge" : "person");
		cmd_json_string(o, "kind", f->kind);
		cmd_json_string(o, "name", f->name);
		if (f->into != NULL && !apart)
			cmd_json_string(o, "into", f->into);
		else if (!apart) {
			cmd_json_string(o, "role", f->role);
			cmd_json_string(o, "affiliation", f->affiliation);
		}
		return cmd_json_print(o);
	}
	printf("%-7s ", apart ? "apart" : f->into != NULL ? "merge" :
	    "person");
	cmd_print_line(stdout, f->name);
	printf(" (%s)", f->kind);
	if (apart)
		fputs(" kept apart from the name the library joined it to",
		    stdout);
	else if (f->into != NULL) {
		fputs(" into ", stdout);
		cmd_print_line(stdout, f->into);
	}
	if (f->role != NULL) {
		fputs(": role ", stdout);
		cmd_print_line(stdout, f->role);
	}
	if (f->affiliation != NULL) {
		fputs(f->role != NULL ? ", affiliation " : ": affiliation ",
		    stdout);
		cmd_print_line(stdout, f->affiliation);
	}
	putchar('\n');
	return ferror(stdout) ? 1 : 0;
}

/* dossier correct list [--json]: every correction, quotes first. */
static int
correct_list(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct store	*s;
	char		*err = NULL;
	int		 json = cmd_args_has(args, 'j') > 0;

	if (args->argc != 1)
		return cmd_usage_error(args->entry, "list takes no words");
	if ((s = cmd_store(ctx)) == NULL)
		return CMD_FAILED;
	if (store_quote_fixes(s, 0, list_quote, &json, &err) != 0 ||
	    store_name_fixes(s, 1, list_name, &json, &err) != 0 ||
	    store_name_fixes(s, 0, list_name, &json, &err) != 0)
		return correct_failed(err);
	return CMD_OK;
}

/* The options each verb takes (by key), to refuse the others. */
static const struct {
	const char	*verb;
	const char	*keys;
	int		(*fn)(struct cmd_ctx *, struct cmd_args *);
} correct_verbs[] = {
	{ "quote", "sOuxz", correct_quote },
	{ "merge", "izk", correct_merge },
	{ "person", "rfzk", correct_person },
	{ "list", "j", correct_list },
};

static int
cmd_correct(struct cmd_ctx *ctx, struct cmd_args *args)
{
	const struct cmd_option	*o;
	size_t			 i;

	if (args->argc == 0)
		return cmd_usage_error(args->entry, "say quote, merge, person "
		    "or list");
	for (i = 0; i < sizeof correct_verbs / sizeof correct_verbs[0]; i++)
		if (strcmp(args->argv[0], correct_verbs[i].verb) == 0)
			break;
	if (i == sizeof correct_verbs / sizeof correct_verbs[0])
		return cmd_usage_error(args->entry, "unknown correction '%s': "
		    "say quote, merge, person or list", args->argv[0]);
	for (o = args->entry->options; o->ch != 0; o++)
		if (cmd_args_has(args, o->ch) &&
		    strchr(correct_verbs[i].keys, o->ch) == NULL)
			return cmd_usage_error(args->entry, "--%s does not go "
			    "with %s", o->name, correct_verbs[i].verb);
	return correct_verbs[i].fn(ctx, args);
}

static const struct cmd_option cmd_correct_options[] = {
	{ 's', "speaker", CMD_VALUE | CMD_LONG, NULL, NULL },
	{ 'O', "org", CMD_LONG, NULL, NULL },
	{ 'u', "unnamed", CMD_LONG, NULL, NULL },
	{ 'x', "not-quote", CMD_LONG, NULL, NULL },
	{ 'i', "into", CMD_VALUE | CMD_LONG, NULL, NULL },
	{ 'r', "role", CMD_VALUE | CMD_LONG, NULL, NULL },
	{ 'f', "affiliation", CMD_VALUE | CMD_LONG, NULL, NULL },
	{ 'k', "kind", CMD_VALUE | CMD_LONG, NULL, NULL },
	{ 'z', "undo", CMD_LONG, NULL, NULL },
	CMD_OPTION_JSON,
	CMD_OPTION_END
};

const struct cmd_entry cmd_correct_entry = {
	"correct", "quote ID QUOTE (--speaker NAME [--org] | --unnamed "
	"[DESCRIPTION] | --not-quote | --undo) | merge NAME (--into NAME | "
	"--undo) [--kind KIND] | person NAME ([--role ROLE] [--affiliation "
	"AFF] | --undo) [--kind KIND] | list [--json]",
	"correct who said what: a quote's speaker, a merge, a role",
	"Correct what the extractor found. Corrections are yours, as notes\n"
	"are: import, fetch and analyze keep them, applied to every new\n"
	"analysis of a story. QUOTE is words of the quote (one quote of the\n"
	"story must have them), or @START, a quote's start in show --json.\n"
	"--undo drops a correction and analyses the stories it touched again\n"
	"(one whose words are gone from the story: by the @START of list).\n"
	"\n"
	"quote ID QUOTE:\n"
	"      --speaker NAME  credit the quote to NAME (a person; with --org\n"
	"                      an organisation)\n"
	"      --unnamed       credit it to an unnamed source, described by\n"
	"                      DESCRIPTION (\"a senior official\") if given\n"
	"      --not-quote     it is not a quote\n"
	"merge NAME --into OTHER\n"
	"                      NAME is OTHER, in every story, now and later\n"
	"merge NAME --undo     drop that merge; or, when the library itself\n"
	"                      joined NAME to another (a bare surname to the\n"
	"                      one person of that surname, a spelling to\n"
	"                      another), keep NAME apart from now on (merge\n"
	"                      it again, or --undo again, to let it join)\n"
	"person NAME:\n"
	"      --role ROLE     NAME's role (\"Economy and Energy Minister\")\n"
	"      --affiliation AFF\n"
	"                      NAME's affiliation (\"Valdoria\")\n"
	"      --kind KIND     for merge and person: person, org, place or\n"
	"                      misc (by default the kind NAME has)\n"
	"      --undo          drop the correction\n"
	"list:\n"
	"      --json          one JSON object per line: type (quote, merge,\n"
	"                      apart or person) and its fields\n",
	cmd_correct_options, 0, cmd_correct
};
