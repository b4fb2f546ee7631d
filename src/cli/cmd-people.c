/*
 * dossier people, who and quotes: the people index, a speaker's dossier
 * and quotes listed, as lines for people and JSON for programs. What is
 * listed and how it is named is the library's (library-dossier.c); this
 * file only prints it, every outside string cleaned to one line.
 */
#include "config.h"

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

/* The most bytes of a name or role a line of the index shows. */
#define PEOPLE_NAME_MAX		120
/* Rows read at a time when the whole index is listed. */
#define PEOPLE_PAGE		500

/* A time as an ISO date (UTC), or JSON null for 0. */
static struct json_object *
json_day(int64_t ts)
{
	char	buf[16];
	time_t	t = (time_t)ts;
	struct tm tm;

	if (ts == 0 || gmtime_r(&t, &tm) == NULL)
		return NULL;
	strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
	return json_object_new_string(buf);
}

/* One row of the index as JSON. */
static struct json_object *
json_person(const struct lib_person_row *r)
{
	struct json_object	*o = json_object_new_object();

	cmd_json_string(o, "name", r->name);
	cmd_json_string(o, "kind", r->kind);
	cmd_json_string(o, "role", r->role);
	json_object_object_add(o, "quotes", json_object_new_int64(r->quotes));
	json_object_object_add(o, "stories",
	    json_object_new_int64(r->stories));
	json_object_object_add(o, "last_quoted", json_day(r->last_ts));
	return o;
}

/* One line of the index: quotes, stories, last quoted, kind, name, role. */
static void
print_person(const struct lib_person_row *r)
{
	printf("%7lld %7lld  %-11s  %-7s  ", (long long)r->quotes,
	    (long long)r->stories, r->last[0] == ' ' ? r->last + 1 : r->last,
	    r->kind);
	cmd_print_cut(stdout, r->name, PEOPLE_NAME_MAX);
	if (r->role != NULL) {
		fputs(", ", stdout);
		cmd_print_cut(stdout, r->role, PEOPLE_NAME_MAX);
	}
	putchar('\n');
}

/* --sort: quotes, recent or name. */
static char *
people_check_sort(struct cmd_args *args, const char *v, char **err)
{
	enum store_people_sort	sort;

	if (library_people_sort(v, &sort) != 0) {
		xasprintf(err, "unknown sort '%s': quotes, recent or name", v);
		return NULL;
	}
	return xstrdup(v);
}

/* --kind: person, state, org, media or unnamed. */
static char *
people_check_kind(struct cmd_args *args, const char *v, char **err)
{
	if (!library_people_kind_ok(v)) {
		xasprintf(err, "unknown kind '%s': person, state, org, media"
		    " or unnamed", v);
		return NULL;
	}
	return xstrdup(v);
}

/* dossier people: the index a page at a time, each page after the last. */
static int
cmd_people(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct lib_person_rows	 rows;
	struct store_people_key	 key;
	struct store		*s;
	enum store_people_sort	 sort = STORE_PEOPLE_QUOTES;
	const char		*v;
	char			*err = NULL, *name = NULL;
	size_t			 limit = cmd_args_limit(args, 'n'), i, left;
	int			 json = cmd_args_has(args, 'j'), first = 1;

	if (args->argc != 0)
		return cmd_usage_error(args->entry, "unexpected argument '%s'",
		    args->argv[0]);
	if ((v = cmd_args_value(args, 's')) != NULL)
		library_people_sort(v, &sort);
	if ((s = cmd_store(ctx)) == NULL)
		return CMD_FAILED;
	left = limit > 0 ? limit : (size_t)-1;
	memset(&key, 0, sizeof key);
	while (left > 0) {
		if (library_people_page(s, sort, cmd_args_value(args, 'k'),
		    first ? NULL : &key, left < PEOPLE_PAGE ? left :
		    PEOPLE_PAGE, &rows, &err) != 0) {
			cmd_error("%s", err);
			free(err);
			free(name);
			return CMD_FAILED;
		}
		for (i = 0; i < rows.n; i++) {
			if (json)
				cmd_json_print(json_person(&rows.v[i]));
			else
				print_person(&rows.v[i]);
		}
		left -= rows.n < left ? rows.n : left;
		first = 0;
		free(name);
		name = rows.next_name != NULL ? xstrdup(rows.next_name) : NULL;
		key = rows.next;
		key.name = name;
		if (rows.n < PEOPLE_PAGE)
			left = 0;
		library_person_rows_free(&rows);
	}
	free(name);
	return ferror(stdout) ? CMD_FAILED : CMD_OK;
}

static const struct cmd_option cmd_people_options[] = {
	CMD_OPTION_JSON,
	{ 's', "sort", CMD_VALUE, people_check_sort, NULL },
	{ 'k', "kind", CMD_VALUE, people_check_kind, NULL },
	CMD_OPTION_LIMIT,
	CMD_OPTION_END
};

const struct cmd_entry cmd_people_entry = {
	"people", "[--json] [--sort quotes|recent|name] "
	"[--kind person|state|org|media|unnamed] [--limit N]",
	"list the people, states, organisations and sources quoted",
	"List every person of the library and everyone quoted (states,\n"
	"organisations, media, unnamed sources grouped by their words), one\n"
	"a line: quotes (a statement split by its cue counted once), stories\n"
	"quoting or naming them, the day last quoted, kind, name and the\n"
	"latest role seen with its country (names and roles over 120 bytes\n"
	"are cut with ...).\n"
	"\n"
	"  -s, --sort ORDER     quotes (most first, the default), recent\n"
	"                       (last quoted first) or name\n"
	"  -k, --kind KIND      only person (every person, quoted or not),\n"
	"                       state (a country quoted: \"Iran said\"), org\n"
	"                       (every organisation), media (outlets and\n"
	"                       agencies quoted as sources) or unnamed\n"
	"                       (sources without a name, grouped by their\n"
	"                       words in any case)\n"
	"  -n, --limit N        at most N rows\n"
	"      --json           one object a line: name, kind, role,\n"
	"                       quotes, stories, last_quoted (YYYY-MM-DD or\n"
	"                       null)\n",
	cmd_people_options, 0, cmd_people
};
