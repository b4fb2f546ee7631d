/* dossier list: the library, newest first, for people or programs. */
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

/* Outlets of a story's group named on its line; the rest counted. */
#define LIST_GROUP_SHOWN	5

static int
list_json(const struct article *a, const struct lib_group *g, void *arg)
{
	struct json_object	*o, *tags;
	size_t			 i;

	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(a->id));
	cmd_json_string(o, "title", a->title);
	cmd_json_string(o, "outlet", a->outlet);
	cmd_json_string(o, "published", a->published);
	tags = json_object_new_array();
	for (i = 0; i < a->ntags; i++)
		json_object_array_add(tags, json_object_new_string(a->tags[i]));
	json_object_object_add(o, "tags", tags);
	json_object_object_add(o, "read", json_object_new_boolean(a->read));
	json_object_object_add(o, "starred",
	    json_object_new_boolean(a->starred));
	json_object_object_add(o, "duplicates", cmd_json_group(g));
	return cmd_json_print(o);
}

static int
list_text(const struct article *a, const struct lib_group *g, void *arg)
{
	size_t	i;

	printf("%6lld %c %-10.10s  ", (long long)a->id, a->read ? ' ' : 'N',
	    a->published != NULL ? a->published : "");
	if (a->outlet != NULL) {
		cmd_print_line(stdout, a->outlet);
		fputs(": ", stdout);
	}
	cmd_print_line(stdout, a->title != NULL ? a->title : "(untitled)");
	for (i = 0; i < a->ntags; i++) {
		fputs(i == 0 ? "  #" : " #", stdout);
		cmd_print_line(stdout, a->tags[i]);
	}
	cmd_print_group(stdout, g, LIST_GROUP_SHOWN);
	putchar('\n');
	return ferror(stdout) ? 1 : 0;
}

static int
cmd_list(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct store_filter	 q;
	struct store		*s;
	char			*err = NULL;

	if (args->argc != 0)
		return cmd_usage_error(args->entry, "unexpected argument '%s'",
		    args->argv[0]);
	memset(&q, 0, sizeof q);
	q.value = cmd_args_value(args, 't');
	q.kind = q.value != NULL ? STORE_FILTER_TAG : STORE_FILTER_ALL;
	q.unread = cmd_args_has(args, 'u');
	if ((s = cmd_store(ctx)) == NULL)
		return CMD_FAILED;
	if (library_list(s, &q, cmd_args_limit(args, 'n'),
	    cmd_args_has(args, 'j') ? list_json : list_text, NULL, &err) != 0) {
		cmd_error("%s", err);
		free(err);
		return CMD_FAILED;
	}
	return CMD_OK;
}

static const struct cmd_option cmd_list_options[] = {
	CMD_OPTION_JSON,
	CMD_OPTION_TAG,
	{ 'u', "unread", 0, NULL, NULL },
	CMD_OPTION_LIMIT,
	CMD_OPTION_END
};

const struct cmd_entry cmd_list_entry = {
	"list", "[--json] [--tag TAG] [--unread] [--limit N]",
	"list the stories in the library, newest first",
	"List stories, newest first: id, N if unread, date, outlet, title\n"
	"and tags; a story stored more than once (saved again, or carried\n"
	"by other outlets) ends with the group's other stories, \"(also in:\n"
	"#1 Herald*, #7 Wire)\", the one whose quotes are counted starred,\n"
	"at most 5 named and the rest counted (\"and 3 more\").\n"
	"\n"
	"      --json      one JSON object per line: id, title, outlet,\n"
	"                  published, tags, read, starred, duplicates (the\n"
	"                  group's other stories: id, outlet, first; [] for\n"
	"                  a story in no group)\n"
	"  -t, --tag TAG   only stories tagged TAG\n"
	"  -u, --unread    only unread stories\n"
	"  -n, --limit N   at most N stories (0: all, the default)\n",
	cmd_list_options, 0, cmd_list
};
