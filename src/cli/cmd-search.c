/*
 * dossier search: the stories a search matches (see search.h for the
 * language), newest first, each with a line around what matched. Exit
 * status as grep: 0 something matched, 1 nothing did, 2 an error.
 */
#include "config.h"

#include <errno.h>
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
	char		*err;
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

/* Print one result. */
static int
search_row(const struct store_row *r, void *arg)
{
	struct search_out	*o = arg;
	struct json_object	*j;
	char			*snip = NULL, *line;

	if (store_search_snippet(o->store, o->query, r->key.id, MARK_OPEN,
	    MARK_CLOSE, &snip, &o->err) != 0)
		return 1;
	o->n++;
	if (o->json) {
		line = snippet_line(snip != NULL ? snip : "", NULL, NULL);
		j = json_object_new_object();
		json_object_object_add(j, "id",
		    json_object_new_int64(r->key.id));
		json_object_object_add(j, "title", r->title != NULL ?
		    json_object_new_string(r->title) : NULL);
		json_object_object_add(j, "outlet", r->outlet != NULL ?
		    json_object_new_string(r->outlet) : NULL);
		json_object_object_add(j, "published", r->published != NULL ?
		    json_object_new_string(r->published) : NULL);
		json_object_object_add(j, "snippet",
		    json_object_new_string(line));
		puts(json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN |
		    JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(j);
	} else {
		line = snippet_line(snip != NULL ? snip : "", o->open,
		    o->close);
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
	free(snip);
	return ferror(stdout) ? 1 : 0;
}

/* Read a limit; -1 if it is not a number >= 0. */
static int
parse_limit(const char *arg, size_t *limit)
{
	char		*end;
	long long	 n;

	errno = 0;
	n = strtoll(arg, &end, 10);
	if (errno != 0 || *end != '\0' || end == arg || n < 0)
		return -1;
	*limit = (size_t)n;
	return 0;
}

int
cmd_search(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry	*self = cmd_find("search");
	struct store_filter	 f;
	struct search_out	 o;
	struct buf		 query;
	const char		*a, *v;
	char			*err = NULL;
	size_t			 limit = 0;
	int64_t			 n;
	int			 i, rv, count = 0;

	memset(&o, 0, sizeof o);
	/*
	 * Options first; the first word that is not one starts the search,
	 * so "-word" (leave out) needs no "--" unless it is an option's name.
	 */
	for (i = 1; i < argc; i++) {
		a = argv[i];
		v = NULL;
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		} else if (strcmp(a, "--json") == 0)
			o.json = 1;
		else if (strcmp(a, "-c") == 0 || strcmp(a, "--count") == 0)
			count = 1;
		else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			cmd_help(stdout, self);
			return CMD_OK;
		} else if (strcmp(a, "-n") == 0 || strcmp(a, "--limit") == 0) {
			if (++i == argc)
				return cmd_usage_error(self, "%s needs a "
				    "number", a);
			v = argv[i];
		} else if (strncmp(a, "--limit=", 8) == 0)
			v = a + 8;
		else if (strncmp(a, "-n", 2) == 0 && a[2] >= '0' &&
		    a[2] <= '9')
			v = a + 2;
		else if (strncmp(a, "--", 2) == 0)
			return cmd_usage_error(self, "unknown option '%s'", a);
		else
			break;
		if (v != NULL && parse_limit(v, &limit) != 0)
			return cmd_usage_error(self, "bad limit '%s'", v);
	}
	if (i >= argc)
		return cmd_usage_error(self, "nothing to search for");
	buf_init(&query);
	for (; i < argc; i++) {
		buf_adds(&query, argv[i]);
		buf_addc(&query, ' ');
	}
	buf_addc(&query, '\0');
	if ((o.store = cmd_store(ctx)) == NULL) {
		buf_free(&query);
		return CMD_USAGE;
	}
	o.query = query.data;
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
	if (count) {
		if ((n = store_page_count(o.store, &f, NULL, &err)) < 0) {
			cmd_error("%s", err);
			rv = CMD_USAGE;
		} else {
			/* With --json, the count is JSON too. */
			printf(o.json ? "{\"count\":%lld}\n" : "%lld\n",
			    (long long)n);
			rv = n > 0 ? CMD_OK : CMD_FAILED;
		}
		goto out;
	}
	/* 0 is no limit: LIMIT -1 to sqlite. */
	if (store_page(o.store, &f, NULL, 1, limit > 0 ? limit : (size_t)-1,
	    search_row, &o, &err) != 0 || o.err != NULL) {
		cmd_error("%s", o.err != NULL ? o.err : err);
		rv = CMD_USAGE;
	} else
		rv = o.n > 0 ? CMD_OK : CMD_FAILED;
out:
	free(o.err);
	free(err);
	buf_free(&query);
	return rv;
}
