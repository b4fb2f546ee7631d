/*
 * dossier tag and tag-feed: a story's or a feed's tags, changed or shown
 * (one flow for both), and every tag counted.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "cmd.h"
#include "library.h"
#include "store.h"
#include "xmalloc.h"
#include "banned.h"

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
		return cmd_json_print(o);
	}
	printf("%6lld ", (long long)c->count);
	cmd_print_line(stdout, c->value);
	putchar('\n');
	return ferror(stdout) ? 1 : 0;
}

/* dossier tag --list [--json]: the words after --list. */
static int
tag_list(struct cmd_ctx *ctx, const struct cmd_entry *self, int argc,
    char **argv)
{
	struct store	*s;
	char		*err = NULL;
	int		 i, json = 0;

	if ((s = cmd_store(ctx)) == NULL)
		return CMD_FAILED;
	for (i = 0; i < argc; i++) {
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

/* Print a story's tags, one a line. */
static int
tag_print(const char *tag, void *arg)
{
	cmd_print_line(stdout, tag);
	putchar('\n');
	return 0;
}

/* Print a feed's tags, one a line. */
static int
tag_feed_print(const struct store_feed *f, void *arg)
{
	size_t	i;

	for (i = 0; i < f->ntags; i++) {
		cmd_print_line(stdout, f->tags[i]);
		putchar('\n');
	}
	return 1;
}

/* What tags are on: a story or a feed. */
struct tag_target {
	const char	*noun;		/* "story", "feed" */
	/* Find the id a word names (NULL: a story id); -1 said why not. */
	int		(*find)(struct store *, const char *, int64_t *);
	/* Print the tags; change them (as library_tags_change). */
	int		(*show)(struct store *, int64_t, char **);
	int		(*change)(struct store *, int64_t,
			    const struct lib_tag_change *, char **, char **);
};

/*
 * dossier tag ID [TAG...] and tag-feed FEED [TAG...]: the tags are
 * checked before the library is opened, then changed or shown.
 */
static int
tag_run(struct cmd_ctx *ctx, struct cmd_args *args,
    const struct tag_target *t)
{
	struct lib_tag_change	 c;
	struct store		*s;
	char			*err = NULL, *msg = NULL;
	int64_t			 id = 0;
	int			 rc, rv = CMD_FAILED;

	if (t->find == NULL && (id = cmd_parse_id(args->argv[0])) == 0)
		return cmd_usage_error(args->entry, "'%s' is not a story id",
		    args->argv[0]);
	if (cmd_tag_args(args->entry, args->argc - 1, args->argv + 1,
	    &c) != 0)
		return CMD_USAGE;
	if ((s = cmd_store(ctx)) == NULL || (t->find != NULL &&
	    t->find(s, args->argv[0], &id) != 0))
		goto out;
	if (c.nadd + c.ndel == 0)
		rc = t->show(s, id, &err);
	else
		rc = t->change(s, id, &c, &msg, &err);
	if (rc == 1 && t->find == NULL)
		fprintf(stderr, "dossier: no story %lld\n", (long long)id);
	else if (rc != 0)
		cmd_error("%s", err != NULL ? err : "no such feed");
	else {
		if (msg != NULL)
			printf("%s %lld: %s\n", t->noun, (long long)id, msg);
		rv = CMD_OK;
	}
out:
	library_tag_change_free(&c);
	free(msg);
	free(err);
	return rv;
}

static int
tag_story_show(struct store *s, int64_t id, char **err)
{
	return store_article_tags(s, id, tag_print, NULL, err);
}

static int
tag_feed_show(struct store *s, int64_t id, char **err)
{
	return store_feed_list(s, id, NULL, tag_feed_print, NULL, err);
}

static int
cmd_tag(struct cmd_ctx *ctx, struct cmd_args *args)
{
	static const struct tag_target story = {
		"story", NULL, tag_story_show, library_tags_change
	};

	if (args->argc >= 1 && strcmp(args->argv[0], "--list") == 0)
		return tag_list(ctx, args->entry, args->argc - 1,
		    args->argv + 1);
	if (args->argc < 1)
		return cmd_usage_error(args->entry, "which story? give its id");
	return tag_run(ctx, args, &story);
}

static int
cmd_tag_feed(struct cmd_ctx *ctx, struct cmd_args *args)
{
	static const struct tag_target feed = {
		"feed", cmd_feed_id, tag_feed_show, library_feed_tags_change
	};

	if (args->argc < 1)
		return cmd_usage_error(args->entry, "which feed? give its id or "
		    "address");
	return tag_run(ctx, args, &feed);
}

const struct cmd_entry cmd_tag_entry = {
	"tag", "ID [[+]TAG...] [-TAG...] | --list [--json]",
	"add, remove or show a story's tags; count every tag",
	"Change a story's tags: TAG or +TAG adds it, -TAG removes it; with\n"
	"no TAG, print the story's tags one a line. A tag is normalized as\n"
	"import --tag does (\"#Iran Russia\" is iran-russia): at most 64\n"
	"bytes, not starting with '-' or '+'; a story holds at most 100.\n"
	"What changed is printed. An unknown story is an error (exit 1).\n"
	"\n"
	"      --list      every tag with the number of its stories\n"
	"      --json      with --list: one JSON object per line (tag, count)\n",
	NULL, CMD_WORDS, cmd_tag
};

const struct cmd_entry cmd_tag_feed_entry = {
	"tag-feed", "FEED [[+]TAG...] [-TAG...]",
	"add, remove or show a feed's tags",
	"Change the tags of a feed (by id or address): TAG or +TAG adds it,\n"
	"-TAG removes it; with no TAG, print the feed's tags one a line.\n"
	"Tags are normalized as 'dossier tag' does; a feed holds at most 32.\n"
	"Every story stored from the feed from then on gets its tags; the\n"
	"stories stored already keep the tags they have (change those with\n"
	"'dossier tag'). The first tag is the feed's folder in an OPML\n"
	"export. Saved stories takes no tags.\n",
	NULL, CMD_WORDS, cmd_tag_feed
};
