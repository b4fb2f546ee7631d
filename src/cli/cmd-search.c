/*
 * dossier search: the stories a search matches (see search.h for the
 * language), newest first, each with a line around what matched. Exit
 * status as grep: 0 something matched, 1 nothing did, 2 an error.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "buf.h"
#include "cmd.h"
#include "store.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* Markers the store puts around a match in a snippet. */
#define MARK_OPEN	"\x01"
#define MARK_CLOSE	"\x02"

struct search_out {
	struct store	*store;
	const char	*query;
	int		 json;
	const char	*open, *close;	/* how a match is shown */
	size_t		 n;
};

/*
 * A snippet on one line, safe for a terminal: each run between markers
 * cleaned (controls and escapes gone, whitespace one space) and matches
 * put between open and close, or left plain when they are NULL.
 */
static char *
snippet_line(const char *s, const char *open, const char *close)
{
	struct buf	 b;
	char		*clean;
	size_t		 n;
	int		 space = 0, in = 0;

	buf_init(&b);
	buf_addc(&b, '\0');
	b.len = 0;
	while (*s != '\0') {
		n = strcspn(s, MARK_OPEN MARK_CLOSE);
		if (n > 0) {
			if ((s[0] == ' ' || s[0] == '\n' || s[0] == '\t') &&
			    b.len > 0)
				space = 1;
			clean = utf8_clean_line(s, n);
			if (*clean != '\0') {
				if (space)
					buf_addc(&b, ' ');
				space = 0;
				if (in && open != NULL)
					buf_adds(&b, open);
				buf_adds(&b, clean);
				if (in && close != NULL)
					buf_adds(&b, close);
			}
			free(clean);
			if (s[n - 1] == ' ' || s[n - 1] == '\n' ||
			    s[n - 1] == '\t')
				space = 1;
			s += n;
		}
		if (*s != '\0')
			in = *s++ == MARK_OPEN[0];
	}
	buf_addc(&b, '\0');
	return buf_detach(&b);
}

/* Print one result as it is read; nonzero stops (stdout failed). */
static int
search_row(const struct store_row *r, const char *snip, void *arg)
{
	struct search_out	*o = arg;
	struct json_object	*j;
	char			*line;

	o->n++;
	if (o->json) {
		line = snippet_line(snip, NULL, NULL);
		j = json_object_new_object();
		json_object_object_add(j, "id",
		    json_object_new_int64(r->key.id));
		cmd_json_string(j, "title", r->title);
		cmd_json_string(j, "outlet", r->outlet);
		cmd_json_string(j, "published", r->published);
		cmd_json_string(j, "snippet", line);
		cmd_json_print(j);
	} else {
		line = snippet_line(snip, o->open, o->close);
		printf("%6lld %-10.10s  ", (long long)r->key.id,
		    r->published != NULL ? r->published : "");
		if (r->outlet != NULL) {
			cmd_print_line(stdout, r->outlet);
			fputs(": ", stdout);
		}
		cmd_print_line(stdout, r->title != NULL ? r->title :
		    "(untitled)");
		if (*line != '\0')
			printf("\n       %s", line);
		putchar('\n');
	}
	free(line);
	return ferror(stdout) ? 1 : 0;
}

/* dossier search --count: how many stories match. */
static int
search_count(struct search_out *o, const struct store_filter *f)
{
	char	*err = NULL;
	int64_t	 n;

	if ((n = store_page_count(o->store, f, NULL, &err)) < 0) {
		cmd_error("%s", err);
		free(err);
		return CMD_USAGE;
	}
	/* With --json, the count is JSON too. */
	printf(o->json ? "{\"count\":%lld}\n" : "%lld\n", (long long)n);
	return n > 0 ? CMD_OK : CMD_FAILED;
}

/* Print the stories that match, at most limit (0: all). */
static int
search_list(struct search_out *o, const struct store_filter *f,
    size_t limit)
{
	char	*err = NULL;
	int	 rv;

	/* Streamed: a closed stdout (search | head) stops it (1). */
	if (store_search_each(o->store, f->value, limit, MARK_OPEN,
	    MARK_CLOSE, search_row, o, &err) < 0) {
		cmd_error("%s", err != NULL ? err : "cannot search");
		rv = CMD_USAGE;
	} else
		rv = o->n > 0 ? CMD_OK : CMD_FAILED;
	free(err);
	return rv;
}

static int
cmd_search(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct store_filter	 f;
	struct search_out	 o;
	struct buf		 query;
	int			 i, rv;

	if (args->argc == 0)
		return cmd_usage_error(args->entry, "nothing to search for");
	memset(&o, 0, sizeof o);
	if ((o.store = cmd_store(ctx)) == NULL)
		return CMD_USAGE;
	buf_init(&query);
	for (i = 0; i < args->argc; i++) {
		buf_adds(&query, args->argv[i]);
		buf_addc(&query, ' ');
	}
	buf_addc(&query, '\0');
	o.query = query.data;
	o.json = cmd_args_has(args, 'j');
	if (!o.json && isatty(STDOUT_FILENO)) {
		o.open = "\033[1m";
		o.close = "\033[22m";
	} else {
		o.open = "[";
		o.close = "]";
	}
	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_SEARCH;
	f.value = query.data;
	if (cmd_args_has(args, 'c'))
		rv = search_count(&o, &f);
	else
		rv = search_list(&o, &f, cmd_args_limit(args, 'n'));
	buf_free(&query);
	return rv;
}

/*
 * Options come before the search, spelt whole: the first word that is
 * not one starts it, so "-word" (leave out) needs no "--" unless it is
 * an option's name.
 */
static const struct cmd_option cmd_search_options[] = {
	CMD_OPTION_JSON,
	{ 'c', "count", 0, NULL, NULL },
	CMD_OPTION_LIMIT,
	CMD_OPTION_END
};

const struct cmd_entry cmd_search_entry = {
	"search", "[--json] [--count] [--limit N] QUERY...",
	"find stories by their words, outlet, tags, speakers and dates",
	"Print the stories that match QUERY, newest first: id, date, outlet\n"
	"and title, then a line around the words that matched (marked in\n"
	"[brackets], or bold on a terminal). Options come before QUERY;\n"
	"'--' ends them.\n"
	"\n"
	"  word           stories with the word in any form (drone finds\n"
	"                 drones; words are ANDed) in the headline, lead,\n"
	"                 body or captions; case and accents do not matter\n"
	"  '\"drones\"'     the exact word; '\"a phrase\"' these exact words in\n"
	"                 this order (quote the quotes in a shell)\n"
	"  dron*          a word that starts with 'dron' as written\n"
	"  -word -\"a b\"   leave out stories with the word or phrase\n"
	"  a OR b         either one; OR binds tighter than AND\n"
	"  title:WORD     the word (or \"phrase\") in the title\n"
	"  outlet:TEXT    outlet name containing TEXT (any case or accents)\n"
	"  by:TEXT        byline containing TEXT (any case or accents)\n"
	"  speaker:NAME   stories quoting someone whose name contains NAME\n"
	"                 (speaker:erdogan finds Erdo\xc4\x9f" "an)\n"
	"  tag:TAG        stories tagged TAG; tag:TAG* a tag starting TAG\n"
	"  is:unread  is:read  is:starred\n"
	"  after:DATE     published on or after DATE (YYYY-MM-DD, YYYY-MM\n"
	"                 or YYYY); before:DATE  published before DATE\n"
	"Any of these can be left out with a leading '-' (-tag:sport).\n"
	"\n"
	"      --json      one JSON object per line: id, title, outlet,\n"
	"                  published, snippet (plain text)\n"
	"  -c, --count     print only how many stories match (with\n"
	"                  --json, as {\"count\": N})\n"
	"  -n, --limit N   at most N stories (0: all, the default)\n"
	"\n"
	"Exit status: 0 if a story matched, 1 if none did, 2 on an error\n"
	"(a search that does not parse, such as an empty one).\n",
	cmd_search_options, CMD_QUERY, cmd_search
};
