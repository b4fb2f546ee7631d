/* dossier tag: a story's tags, changed or shown, and every tag counted. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "cmd.h"
#include "library.h"
#include "store.h"
#include "xmalloc.h"
#include "banned.h"

/* Parse a story id; 0 if it is not one. */
int64_t
cmd_parse_id(const char *s)
{
	char		*end;
	long long	 id;

	errno = 0;
	id = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || end == s || id <= 0)
		return 0;
	return (int64_t)id;
}

/* Print one tag count, as text or JSON. */
static int
tag_count(const struct store_feed_count *c, void *arg)
{
	struct json_object	*o;
	int			*json = arg;

	if (c->kind != STORE_FILTER_TAG || c->value == NULL)
		return 0;
	if (*json) {
		o = json_object_new_object();
		json_object_object_add(o, "tag",
		    json_object_new_string(c->value));
		json_object_object_add(o, "count",
		    json_object_new_int64(c->count));
		puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
		    JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(o);
	} else {
		printf("%6lld ", (long long)c->count);
		cmd_print_line(stdout, c->value);
		putchar('\n');
	}
	return ferror(stdout) ? 1 : 0;
}

/* dossier tag --list [--json] */
static int
tag_list(const struct cmd_entry *self, struct store *s, int argc,
    char **argv)
{
	char	*err = NULL;
	int	 i, json = 0;

	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--json") != 0)
			return cmd_usage_error(self, "unexpected argument '%s'",
			    argv[i]);
		json = 1;
	}
	if (store_feed_counts(s, STORE_COUNT_KIND(STORE_FILTER_TAG),
	    tag_count, &json, &err) != 0) {
		cmd_error("%s", err);
		free(err);
		return CMD_FAILED;
	}
	return CMD_OK;
}

/*
 * Read "TAG", "+TAG" (add) and "-TAG" (remove) arguments, each checked as
 * a tag; "--" is skipped. A bad one is a usage error: -1, lists freed.
 */
int
cmd_tag_args(const struct cmd_entry *self, int argc, char **argv,
    char ***add, size_t *nadd, char ***del, size_t *ndel)
{
	char	*t, *err = NULL;
	int	 i;

	for (i = 0; i < argc; i++) {
		const char *arg = argv[i];

		if (strcmp(arg, "--") == 0)
			continue;
		if ((t = library_tag_parse(arg + (*arg == '+' ||
		    *arg == '-'), &err)) == NULL) {
			cmd_usage_error(self, "%s", err);
			free(err);
			library_strv_free(*add, *nadd);
			library_strv_free(*del, *ndel);
			*add = *del = NULL;
			*nadd = *ndel = 0;
			return -1;
		}
		if (*arg == '-') {
			*del = xreallocarray(*del, *ndel + 1, sizeof **del);
			(*del)[(*ndel)++] = t;
		} else {
			*add = xreallocarray(*add, *nadd + 1, sizeof **add);
			(*add)[(*nadd)++] = t;
		}
	}
	return 0;
}

/* Print a story's tags, one a line. */
static int
tag_print(const char *tag, void *arg)
{
	cmd_print_line(stdout, tag);
	putchar('\n');
	return 0;
}

int
cmd_tag(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry	*self = cmd_find("tag");
	struct store		*s;
	char			**add = NULL, **del = NULL, *err = NULL;
	char			*msg = NULL;
	size_t			  nadd = 0, ndel = 0;
	int64_t			  id;
	int			  rc, rv = CMD_FAILED;

	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		cmd_help(stdout, self);
		return CMD_OK;
	}
	if (argc >= 2 && strcmp(argv[1], "--list") == 0) {
		if ((s = cmd_store(ctx)) == NULL)
			return CMD_FAILED;
		return tag_list(self, s, argc, argv);
	}
	if (argc < 2)
		return cmd_usage_error(self, "which story? give its id");
	if ((id = cmd_parse_id(argv[1])) == 0)
		return cmd_usage_error(self, "'%s' is not a story id",
		    argv[1]);
	/* Tags are checked before the library is opened. */
	if (cmd_tag_args(self, argc - 2, argv + 2, &add, &nadd, &del,
	    &ndel) != 0) {
		rv = CMD_USAGE;
		goto out;
	}
	if ((s = cmd_store(ctx)) == NULL)
		goto out;
	if (nadd + ndel == 0)
		rc = store_article_tags(s, id, tag_print, NULL, &err);
	else
		rc = library_tags_change(s, id, add, nadd, del, ndel, &msg,
		    &err);
	if (rc == 1)
		fprintf(stderr, "dossier: no story %lld\n", (long long)id);
	else if (rc != 0)
		cmd_error("%s", err);
	else {
		if (msg != NULL)
			printf("story %lld: %s\n", (long long)id, msg);
		rv = CMD_OK;
	}
out:
	library_strv_free(add, nadd);
	library_strv_free(del, ndel);
	free(msg);
	free(err);
	return rv;
}
