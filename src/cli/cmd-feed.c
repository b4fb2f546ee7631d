/*
 * dossier add, feeds, tag-feed and remove: subscribing to feeds, listing
 * them with their fetch state and tags, changing their tags, and removing
 * them without losing a user's work.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "cmd.h"
#include "feed-subscribe.h"
#include "fetch.h"
#include "library.h"
#include "plural.h"
#include "store.h"
#include "url.h"
#include "xmalloc.h"
#include "banned.h"

/* Set a JSON string member, or null when the value is absent. */
static void
json_set_string(struct json_object *o, const char *key, const char *v)
{
	json_object_object_add(o, key, v != NULL ?
	    json_object_new_string(v) : NULL);
}

/* Keep a copy of the feed's title, else its address. */
static int
feed_name_row(const struct store_feed *f, void *arg)
{
	*(char **)arg = f->title != NULL ? xstrdup(f->title) :
	    url_redact(f->url);
	return 1;
}

/* Keep the id of the feed found. */
static int
feed_id_row(const struct store_feed *f, void *arg)
{
	*(int64_t *)arg = f->id;
	return 1;
}

int
cmd_feed_id(struct store *s, const char *arg, int64_t *id)
{
	char	*end, *err = NULL, *norm;
	long long v;
	int	 rc;

	errno = 0;
	v = strtoll(arg, &end, 10);
	if (*arg >= '0' && *arg <= '9' && *end == '\0' && errno == 0 &&
	    v > 0)
		rc = store_feed_list(s, (int64_t)v, NULL, feed_id_row, id,
		    &err);
	else {
		/* As written, else as the library spells addresses. */
		rc = store_feed_list(s, 0, arg, feed_id_row, id, &err);
		if (rc == 1 && (norm = fetch_url_normalize(arg)) != NULL) {
			rc = store_feed_list(s, 0, norm, feed_id_row, id,
			    &err);
			free(norm);
		}
	}
	if (rc < 0) {
		cmd_error("%s", err);
		free(err);
		return -1;
	}
	if (rc == 1) {
		fputs("dossier: ", stderr);
		cmd_print_url(stderr, arg);
		fputs(": no such feed; see 'dossier feeds'\n", stderr);
		return -1;
	}
	return 0;
}

void
cmd_print_tags(FILE *f, char *const *tags, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		fputs(i == 0 ? "  #" : " #", f);
		cmd_print_line(f, tags[i]);
	}
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

/* Print a feed event of add or fetch as one line. */
void
cmd_feed_report(const struct feed_sync_event *ev, int quiet)
{
	switch (ev->status) {
	case FEED_SYNC_FETCHED:
		if (quiet)
			break;
		printf("%-8s %lld  ", "fetched", (long long)ev->id);
		if (ev->title != NULL)
			cmd_print_line(stdout, ev->title);
		else
			cmd_print_url(stdout, ev->url);
		printf(": %zu new", ev->added);
		if (ev->updated > 0)
			printf(", %zu updated", ev->updated);
		cmd_print_dropped(stdout, ev->dropped, ev->dropped_first);
		feed_report_moved(ev);
		putchar('\n');
		break;
	case FEED_SYNC_NOT_MODIFIED:
		if (quiet)
			break;
		printf("%-8s %lld  ", "same", (long long)ev->id);
		if (ev->title != NULL)
			cmd_print_line(stdout, ev->title);
		else
			cmd_print_url(stdout, ev->url);
		fputs(": not modified", stdout);
		feed_report_moved(ev);
		putchar('\n');
		break;
	case FEED_SYNC_EXISTS:
		if (quiet)
			break;
		printf("%-8s %lld  ", "exists", (long long)ev->id);
		cmd_print_url(stdout, ev->url);
		fputs(": already in the library", stdout);
		if (ev->tagged > 0)
			printf("; %zu %s added", ev->tagged, plural(ev->tagged,
			    "tag", "tags"));
		putchar('\n');
		break;
	case FEED_SYNC_REMOVED:
		if (quiet)
			break;
		printf("%-8s %lld  ", "removed", (long long)ev->id);
		if (ev->title != NULL)
			cmd_print_line(stdout, ev->title);
		else
			cmd_print_url(stdout, ev->url);
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

int
cmd_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "tag",	required_argument,	NULL, 't' },
		{ "quiet",	no_argument,		NULL, 'q' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*self = cmd_find("add");
	struct feed_sync_options	 opts;
	struct feed_sync_totals	 all;
	struct add_ui		 ui;
	struct store		*s;
	char			*tag, *err = NULL;
	size_t			 i;
	int			 ch, rv = CMD_USAGE;

	memset(&opts, 0, sizeof opts);
	memset(&ui, 0, sizeof ui);
	memset(&all, 0, sizeof all);
	while ((ch = cmd_getopt(argc, argv, "t:qh", longopts)) != -1) {
		switch (ch) {
		case 't':
			if ((tag = library_tag_parse(optarg, &err)) == NULL) {
				cmd_usage_error(self, "%s", err);
				free(err);
				goto out;
			}
			opts.tags = xreallocarray(opts.tags, opts.ntags + 1,
			    sizeof *opts.tags);
			opts.tags[opts.ntags++] = tag;
			break;
		case 'q':
			ui.quiet = 1;
			break;
		case 'h':
			cmd_help(stdout, self);
			rv = CMD_OK;
			goto out;
		default:
			cmd_usage_error(self, NULL);
			goto out;
		}
	}
	if (optind == argc) {
		cmd_usage_error(self, "give the address of a feed or a page");
		goto out;
	}
	/* Check every address before touching the library or the network. */
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		if (fetch_url_check(argv[i], &err) != 0) {
			fputs("dossier: ", stderr);
			cmd_print_url(stderr, argv[i]);
			fputs(": ", stderr);
			cmd_print_line(stderr, err);
			fputc('\n', stderr);
			free(err);
			goto out;
		}
	}
	rv = CMD_FAILED;
	if ((s = cmd_store_create(ctx)) == NULL)
		goto out;
	if (fetch_init(&err) != 0) {
		cmd_error("%s", err);
		free(err);
		goto out;
	}
	opts.report = add_report;
	opts.arg = &ui;
	ui.opts = &opts;
	for (i = (size_t)optind; i < (size_t)argc; i++)
		feed_subscribe(s, argv[i], &opts, &all);
	rv = all.failed > 0 ? CMD_FAILED : CMD_OK;
out:
	for (i = 0; i < opts.ntags; i++)
		free(opts.tags[i]);
	free(opts.tags);
	return rv;
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
	json_set_string(o, "url", url);
	free(url);
	json_set_string(o, "title", f->title);
	json_set_string(o, "kind", feed_kind_name(f->kind));
	json_object_object_add(o, "articles",
	    json_object_new_int64(f->articles));
	json_object_object_add(o, "unread", json_object_new_int64(f->unread));
	feed_time(f->fetched, when, sizeof when, 1);
	json_set_string(o, "fetched", f->fetched > 0 ? when : NULL);
	json_object_object_add(o, "status", f->status > 0 ?
	    json_object_new_int(f->status) : NULL);
	json_set_string(o, "error", f->error);
	tags = json_object_new_array();
	for (i = 0; i < f->ntags; i++)
		json_object_array_add(tags, json_object_new_string(f->tags[i]));
	json_object_object_add(o, "tags", tags);
	puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	return ferror(stdout) ? 1 : 0;
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

int
cmd_feeds(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,	NULL, 'j' },
		{ "help",	no_argument,	NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*self = cmd_find("feeds");
	struct store		*s;
	char			*err = NULL;
	int			 ch, json = 0;

	while ((ch = cmd_getopt(argc, argv, "h", longopts)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'h':
			cmd_help(stdout, self);
			return CMD_OK;
		default:
			return cmd_usage_error(self, NULL);
		}
	}
	if (optind != argc)
		return cmd_usage_error(self, "no arguments expected");
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

int
cmd_remove(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help",	no_argument,	NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*self = cmd_find("remove");
	struct store		*s;
	char			*err = NULL, *name;
	int64_t			 id, removed, kept;
	int			 ch, i, rv = CMD_OK;

	while ((ch = cmd_getopt(argc, argv, "h", longopts)) != -1) {
		switch (ch) {
		case 'h':
			cmd_help(stdout, self);
			return CMD_OK;
		default:
			return cmd_usage_error(self, NULL);
		}
	}
	if (optind == argc)
		return cmd_usage_error(self, "give the feeds to remove");
	if ((s = cmd_store(ctx)) == NULL)
		return CMD_FAILED;
	for (i = optind; i < argc; i++) {
		if (cmd_feed_id(s, argv[i], &id) != 0) {
			rv = CMD_FAILED;
			continue;
		}
		name = NULL;
		store_feed_list(s, id, NULL, feed_name_row, &name, NULL);
		if (store_feed_remove(s, id, &removed, &kept, &err) != 0) {
			fputs("dossier: ", stderr);
			cmd_print_line(stderr, argv[i]);
			fputs(": ", stderr);
			cmd_print_line(stderr, err != NULL ? err :
			    "no such feed");
			fputc('\n', stderr);
			free(err);
			free(name);
			err = NULL;
			rv = CMD_FAILED;
			continue;
		}
		printf("removed  %lld  ", (long long)id);
		cmd_print_line(stdout, name != NULL ? name : argv[i]);
		free(name);
		printf(": %lld %s removed", (long long)removed,
		    plural(removed, "story", "stories"));
		if (kept > 0)
			printf(", %lld kept in Saved stories (tagged, "
			    "annotated or starred)", (long long)kept);
		putchar('\n');
	}
	return rv;
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

int
cmd_tag_feed(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry	*self = cmd_find("tag-feed");
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
	if (argc < 2)
		return cmd_usage_error(self, "which feed? give its id or "
		    "address");
	/* Tags are checked before the library is opened. */
	if (cmd_tag_args(self, argc - 2, argv + 2, &add, &nadd, &del,
	    &ndel) != 0) {
		rv = CMD_USAGE;
		goto out;
	}
	if ((s = cmd_store(ctx)) == NULL || cmd_feed_id(s, argv[1], &id) != 0)
		goto out;
	if (nadd + ndel == 0)
		rc = store_feed_list(s, id, NULL, tag_feed_print, NULL, &err);
	else
		rc = library_feed_tags_change(s, id, add, nadd, del, ndel,
		    &msg, &err);
	if (rc != 0)
		cmd_error("%s", err != NULL ? err :
		    "no such feed");
	else {
		if (msg != NULL)
			printf("feed %lld: %s\n", (long long)id, msg);
		rv = CMD_OK;
	}
out:
	library_strv_free(add, nadd);
	library_strv_free(del, ndel);
	free(msg);
	free(err);
	return rv;
}
