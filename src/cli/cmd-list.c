/* dossier list: the library, newest first, for people or programs. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
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

/* Set a JSON string member, or null when the value is absent. */
static void
json_set_string(struct json_object *o, const char *key, const char *v)
{
	json_object_object_add(o, key, v != NULL ?
	    json_object_new_string(v) : NULL);
}

static int
list_json(const struct article *a, void *arg)
{
	struct json_object	*o, *tags;
	size_t			 i;

	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(a->id));
	json_set_string(o, "title", a->title);
	json_set_string(o, "outlet", a->outlet);
	json_set_string(o, "published", a->published);
	tags = json_object_new_array();
	for (i = 0; i < a->ntags; i++)
		json_object_array_add(tags, json_object_new_string(a->tags[i]));
	json_object_object_add(o, "tags", tags);
	json_object_object_add(o, "read", json_object_new_boolean(a->read));
	json_object_object_add(o, "starred",
	    json_object_new_boolean(a->starred));
	puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	return ferror(stdout) ? 1 : 0;
}

static int
list_text(const struct article *a, void *arg)
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
	putchar('\n');
	return ferror(stdout) ? 1 : 0;
}

int
cmd_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,		NULL, 'j' },
		{ "tag",	required_argument,	NULL, 't' },
		{ "unread",	no_argument,		NULL, 'u' },
		{ "limit",	required_argument,	NULL, 'n' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*self = cmd_find("list");
	struct store_filter	 q;
	struct store		*s;
	char			*err = NULL, *end, *tag = NULL;
	int			 ch, json = 0, rv = CMD_OK;
	size_t			 limit = 0;
	long long		 n;

	memset(&q, 0, sizeof q);
	while ((ch = cmd_getopt(argc, argv, "t:un:h", longopts)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 't':
			free(tag);
			if ((tag = library_tag_parse(optarg, &err)) == NULL) {
				cmd_usage_error(self, "%s", err);
				free(err);
				return CMD_USAGE;
			}
			break;
		case 'u':
			q.unread = 1;
			break;
		case 'n':
			errno = 0;
			n = strtoll(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || end == optarg ||
			    n < 0) {
				free(tag);
				return cmd_usage_error(self,
				    "bad limit '%s'", optarg);
			}
			limit = (size_t)n;
			break;
		case 'h':
			cmd_help(stdout, self);
			free(tag);
			return CMD_OK;
		default:
			free(tag);
			return cmd_usage_error(self, NULL);
		}
	}
	if (optind != argc) {
		free(tag);
		return cmd_usage_error(self, "unexpected argument '%s'",
		    argv[optind]);
	}
	q.kind = tag != NULL ? STORE_FILTER_TAG : STORE_FILTER_ALL;
	q.value = tag;
	if ((s = cmd_store(ctx)) == NULL) {
		free(tag);
		return CMD_FAILED;
	}
	if (library_list(s, &q, limit, json ? list_json : list_text, NULL,
	    &err) != 0) {
		cmd_error("%s", err);
		free(err);
		rv = CMD_FAILED;
	}
	free(tag);
	return rv;
}
