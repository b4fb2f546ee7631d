/*
 * dossier add, feeds and remove: subscribing to feeds, listing them with
 * their fetch state and tags, and removing them without losing a user's
 * work; and how one feed's add or fetch is reported (also for fetch and
 * opml).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "cmd.h"
#include "feed-subscribe.h"
#include "fetch.h"
#include "plural.h"
#include "store.h"
#include "url.h"
#include "xmalloc.h"
#include "banned.h"

/* Keep a copy of the feed's title, else its address. */
static int
feed_name_row(const struct store_feed *f, void *arg)
{
	*(char **)arg = f->title != NULL ? xstrdup(f->title) :
	    url_redact(f->url);
	return 1;
}

/* Say where a feed moved for good. */
static void
feed_report_moved(const struct feed_sync_event *ev)
{
	if (ev->moved == NULL)
		return;
	fputs(" (moved for good to ", stdout);
	cmd_print_url(stdout, ev->moved);
	putchar(')');
}

/* Start a report line: "VERB     ID  " and the feed's title or address. */
static void
feed_report_head(const char *verb, const struct feed_sync_event *ev)
{
	printf("%-8s %lld  ", verb, (long long)ev->id);
	if (ev->title != NULL)
		cmd_print_line(stdout, ev->title);
	else
		cmd_print_url(stdout, ev->url);
}

/* Print a feed event of add or fetch as one line. */
void
cmd_feed_report(const struct feed_sync_event *ev, int quiet)
{
	if (quiet && ev->status != FEED_SYNC_FAILED)
		return;
	switch (ev->status) {
	case FEED_SYNC_FETCHED:
		feed_report_head("fetched", ev);
		printf(": %zu new", ev->added);
		if (ev->updated > 0)
			printf(", %zu updated", ev->updated);
		cmd_print_dropped(stdout, ev->dropped, ev->dropped_first);
		feed_report_moved(ev);
		putchar('\n');
		break;
	case FEED_SYNC_NOT_MODIFIED:
		feed_report_head("same", ev);
		fputs(ev->same_body ? ": not modified (the same document as "
		    "last time, not read again)" : ": not modified", stdout);
		feed_report_moved(ev);
		putchar('\n');
		break;
	case FEED_SYNC_EXISTS:
		printf("%-8s %lld  ", "exists", (long long)ev->id);
		cmd_print_url(stdout, ev->url);
		fputs(": already in the library", stdout);
		if (ev->tagged > 0)
			printf("; %zu %s added", ev->tagged, plural(ev->tagged,
			    "tag", "tags"));
		putchar('\n');
		break;
	case FEED_SYNC_REMOVED:
		feed_report_head("removed", ev);
		fputs(": removed while fetching; nothing stored\n", stdout);
		break;
	case FEED_SYNC_FAILED:
		fflush(stdout);
		fputs("dossier: ", stderr);
		cmd_print_url(stderr, ev->url);
		fputs(": ", stderr);
		cmd_print_line(stderr, ev->reason);
		fputc('\n', stderr);
		break;
	}
}

struct add_ui {
	int			  quiet;
	const struct feed_sync_options *opts;
};

static void
add_report(const struct feed_sync_event *ev, void *arg)
{
	struct add_ui	*ui = arg;

	if (ev->status == FEED_SYNC_FETCHED && !ui->quiet) {
		printf("added    %lld  ", (long long)ev->id);
		cmd_print_url(stdout, ev->url);
		if (ev->title != NULL) {
			fputs(": ", stdout);
			cmd_print_line(stdout, ev->title);
		}
		printf(" (%s, %zu %s)", ev->kind != NULL ? ev->kind : "?",
		    ev->added, plural(ev->added, "story", "stories"));
		cmd_print_tags(stdout, ui->opts->tags, ui->opts->ntags);
		cmd_print_dropped(stdout, ev->dropped, ev->dropped_first);
		putchar('\n');
		return;
	}
	cmd_feed_report(ev, ui->quiet);
}

/* Check every address before touching the library or the network. */
static int
add_check(int argc, char **argv)
{
	char	*err = NULL;
	int	 i;

	for (i = 0; i < argc; i++) {
		if (fetch_url_check(argv[i], &err) != 0) {
			fputs("dossier: ", stderr);
			cmd_print_url(stderr, argv[i]);
			fputs(": ", stderr);
			cmd_print_line(stderr, err);
			fputc('\n', stderr);
			free(err);
			return -1;
		}
	}
	return 0;
}

static int
cmd_add(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct feed_sync_options	 opts;
	struct feed_sync_totals	 all;
	struct add_ui		 ui;
	struct store		*s;
	char			*err = NULL;

	if (args->argc == 0)
		return cmd_usage_error(args->entry, "give the address of a "
		    "feed or a page");
	if (add_check(args->argc, args->argv) != 0)
		return CMD_USAGE;
	if ((s = cmd_store_create(ctx)) == NULL)
		return CMD_FAILED;
	if (fetch_init(&err) != 0) {
		cmd_error("%s", err);
		free(err);
		return CMD_FAILED;
	}
	memset(&opts, 0, sizeof opts);
	memset(&all, 0, sizeof all);
	opts.tags = cmd_args_values(args, 't', &opts.ntags);
	opts.report = add_report;
	opts.arg = &ui;
	ui.quiet = cmd_args_has(args, 'q');
	ui.opts = &opts;
	feed_subscribe_many(s, args->argv, (size_t)args->argc, &opts, &all);
	return all.failed > 0 ? CMD_FAILED : CMD_OK;
}

/* "2026-01-02 10:00" in UTC, or "never". */
static void
feed_time(int64_t t, char *out, size_t len, int iso)
{
	struct tm	tm;
	time_t		tt = (time_t)t;

	if (t <= 0 || gmtime_r(&tt, &tm) == NULL) {
		snprintf(out, len, "never");
		return;
	}
	strftime(out, len, iso ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%d %H:%M",
	    &tm);
}

static int
feeds_json(const struct store_feed *f, void *arg)
{
	struct json_object	*o, *tags;
	char			 when[32], *url;
	size_t			 i;

	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(f->id));
	url = url_redact(f->url);
	cmd_json_string(o, "url", url);
	free(url);
	cmd_json_string(o, "title", f->title);
	cmd_json_string(o, "kind", feed_kind_name(f->kind));
	json_object_object_add(o, "articles",
	    json_object_new_int64(f->articles));
	json_object_object_add(o, "unread", json_object_new_int64(f->unread));
	feed_time(f->fetched, when, sizeof when, 1);
	cmd_json_string(o, "fetched", f->fetched > 0 ? when : NULL);
	json_object_object_add(o, "status", f->status > 0 ?
	    json_object_new_int(f->status) : NULL);
	cmd_json_string(o, "error", f->error);
	tags = json_object_new_array();
	for (i = 0; i < f->ntags; i++)
		json_object_array_add(tags, json_object_new_string(f->tags[i]));
	json_object_object_add(o, "tags", tags);
	return cmd_json_print(o);
}

static int
feeds_text(const struct store_feed *f, void *arg)
{
	char	when[32];

	feed_time(f->fetched, when, sizeof when, 0);
	printf("%4lld %-5s %6lld %6lld  %-16s  ", (long long)f->id,
	    feed_kind_name(f->kind),
	    (long long)f->articles, (long long)f->unread,
	    f->kind == FEED_KIND_LOCAL ? "-" : when);
	cmd_print_line(stdout, f->title != NULL ? f->title : "(untitled)");
	fputs("\n     ", stdout);
	cmd_print_url(stdout, f->url);
	if (f->ntags > 0) {
		fputs("\n   ", stdout);
		cmd_print_tags(stdout, f->tags, f->ntags);
	}
	if (f->error != NULL) {
		fputs("\n     failed: ", stdout);
		cmd_print_line(stdout, f->error);
	} else if (f->status == 304)
		fputs("\n     not modified", stdout);
	putchar('\n');
	return ferror(stdout) ? 1 : 0;
}

static int
cmd_feeds(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct store	*s;
	char		*err = NULL;
	int		 json = cmd_args_has(args, 'j');

	if (args->argc != 0)
		return cmd_usage_error(args->entry, "no arguments expected");
	if ((s = cmd_store(ctx)) == NULL)
		return CMD_FAILED;
	if (!json)
		printf("%4s %-5s %6s %6s  %-16s  %s\n", "ID", "KIND", "STORY",
		    "UNREAD", "FETCHED (UTC)", "TITLE, ADDRESS");
	if (store_feed_list(s, 0, NULL, json ? feeds_json : feeds_text, NULL,
	    &err) < 0) {
		cmd_error("%s", err);
		free(err);
		return CMD_FAILED;
	}
	return CMD_OK;
}

/* Remove one feed named by a word, saying what was removed and kept. */
static int
remove_one(struct store *s, const char *word)
{
	char	*err = NULL, *name = NULL;
	int64_t	 id, removed, kept;

	if (cmd_feed_id(s, word, &id) != 0)
		return -1;
	store_feed_list(s, id, NULL, feed_name_row, &name, NULL);
	if (store_feed_remove(s, id, &removed, &kept, &err) != 0) {
		cmd_error_about(word, err != NULL ? err : "no such feed");
		free(err);
		free(name);
		return -1;
	}
	printf("removed  %lld  ", (long long)id);
	cmd_print_line(stdout, name != NULL ? name : word);
	free(name);
	printf(": %lld %s removed", (long long)removed,
	    plural(removed, "story", "stories"));
	if (kept > 0)
		printf(", %lld kept in Saved stories (tagged, "
		    "annotated or starred)", (long long)kept);
	putchar('\n');
	return 0;
}

static int
cmd_remove(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct store	*s;
	int		 i, rv = CMD_OK;

	if (args->argc == 0)
		return cmd_usage_error(args->entry, "give the feeds to remove");
	if ((s = cmd_store(ctx)) == NULL)
		return CMD_FAILED;
	for (i = 0; i < args->argc; i++)
		if (remove_one(s, args->argv[i]) != 0)
			rv = CMD_FAILED;
	return rv;
}

static const struct cmd_option cmd_add_options[] = {
	CMD_OPTION_TAG,
	CMD_OPTION_QUIET,
	CMD_OPTION_END
};

const struct cmd_entry cmd_add_entry = {
	"add", "[--tag TAG]... [--quiet] URL...",
	"subscribe to feeds (RSS, Atom, JSON Feed) or keep a page",
	"Add feeds by their address. Each is fetched once to learn its\n"
	"title and kind, and its stories are stored. An HTML page that\n"
	"advertises a feed adds that feed; a page that advertises none is\n"
	"kept as one story. Adding a feed twice says it exists. Addresses\n"
	"must be http or https.\n"
	"\n"
	"  -t, --tag TAG   tag the feed: its stories get TAG, now and on\n"
	"                  every later fetch (repeatable); a feed already\n"
	"                  there gets the tag, its stories do not\n"
	"  -q, --quiet     print only failures\n",
	cmd_add_options, 0, cmd_add
};

static const struct cmd_option cmd_feeds_options[] = {
	CMD_OPTION_JSON,
	CMD_OPTION_END
};

const struct cmd_entry cmd_feeds_entry = {
	"feeds", "[--json]",
	"list the feeds with their tags and last fetch",
	"List the feeds: id, kind, stories, unread, last fetch (UTC),\n"
	"title and address, the feed's tags, and the last error if the\n"
	"fetch failed.\n"
	"\n"
	"      --json      one JSON object per feed: id, url, title, kind,\n"
	"                  articles, unread, fetched, status, error, tags\n",
	cmd_feeds_options, 0, cmd_feeds
};

const struct cmd_entry cmd_remove_entry = {
	"remove", "FEED...",
	"remove feeds and their stories, keeping your tagged ones",
	"Remove feeds (by id or address) and their stories. Stories you\n"
	"tagged, annotated or starred are kept, moved to Saved stories.\n"
	"Saved stories itself cannot be removed.\n",
	NULL, 0, cmd_remove
};
