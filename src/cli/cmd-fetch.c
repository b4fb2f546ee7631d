/* dossier fetch: every feed, those named, or those tagged, into the library. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "cmd.h"
#include "feed-refresh.h"
#include "fetch.h"
#include "library.h"
#include "plural.h"
#include "store.h"
#include "url.h"
#include "xmalloc.h"
#include "banned.h"

struct fetch_ui {
	int		json;
	int		quiet;
	int		progress;	/* stderr is a terminal */
	struct cmd_progress bar;
};

static void
json_set_string(struct json_object *o, const char *key, const char *v)
{
	json_object_object_add(o, key, v != NULL ?
	    json_object_new_string(v) : NULL);
}

static void
fetch_json(const struct feed_sync_event *ev)
{
	static const char *const names[] = {
		[FEED_SYNC_FETCHED] = "fetched",
		[FEED_SYNC_NOT_MODIFIED] = "not-modified",
		[FEED_SYNC_EXISTS] = "exists",
		[FEED_SYNC_FAILED] = "failed",
		[FEED_SYNC_REMOVED] = "removed",
	};
	struct json_object	*o;
	char			*url;

	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(ev->id));
	url = ev->url != NULL ? url_redact(ev->url) : NULL;
	json_set_string(o, "url", url);
	free(url);
	json_set_string(o, "title", ev->title);
	json_set_string(o, "kind", ev->kind);
	json_set_string(o, "status", names[ev->status]);
	json_object_object_add(o, "new", json_object_new_int64(
	    (int64_t)ev->added));
	json_object_object_add(o, "updated", json_object_new_int64(
	    (int64_t)ev->updated));
	json_object_object_add(o, "dropped", json_object_new_int64(
	    (int64_t)ev->dropped));
	json_set_string(o, "dropped_first", ev->dropped_first);
	json_set_string(o, "error", ev->reason);
	puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
}

static void
fetch_report(const struct feed_sync_event *ev, void *arg)
{
	struct fetch_ui	*ui = arg;

	if (ui->progress)
		cmd_progress_clear(&ui->bar);
	if (ui->json)
		fetch_json(ev);
	else
		cmd_feed_report(ev, ui->quiet);
	fflush(stdout);
	if (ui->progress && ev->total > 1 && ev->done < ev->total)
		cmd_progress_draw(&ui->bar, "fetching", ev->done, ev->total);
}

/* The feeds to fetch by tag: the tags asked for and the ids found. */
struct fetch_tagged {
	char	**tags;
	size_t	  ntags;
	int64_t	 *ids;
	size_t	  n;
	size_t	 *found;	/* feeds found for each tag */
};

/* Keep a feed (not a page, not Saved stories) with one of the tags. */
static int
fetch_tagged_row(const struct store_feed *f, void *arg)
{
	struct fetch_tagged	*ft = arg;
	size_t			 i, j;
	int			 hit = 0;

	if (f->kind == FEED_KIND_PAGE || f->kind == FEED_KIND_LOCAL)
		return 0;
	for (i = 0; i < ft->ntags; i++)
		for (j = 0; j < f->ntags; j++)
			if (strcmp(ft->tags[i], f->tags[j]) == 0) {
				ft->found[i]++;
				hit = 1;
			}
	if (hit) {
		ft->ids = xreallocarray(ft->ids, ft->n + 1, sizeof *ft->ids);
		ft->ids[ft->n++] = f->id;
	}
	return 0;
}

/*
 * Add the ids of the feeds tagged with any of ft's tags to ids, once
 * each; a tag no feed has is an error (-1, said on stderr).
 */
static int
fetch_by_tag(struct store *s, struct fetch_tagged *ft, int64_t **ids,
    size_t *n)
{
	char	*err = NULL;
	size_t	 i, j;
	int	 rv = 0;

	ft->found = xcalloc(ft->ntags + 1, sizeof *ft->found);
	if (store_feed_list(s, 0, NULL, fetch_tagged_row, ft, &err) != 0) {
		cmd_error("%s", err);
		free(err);
		return -1;
	}
	for (i = 0; i < ft->ntags; i++) {
		if (ft->found[i] > 0)
			continue;
		fputs("dossier: no feed is tagged ", stderr);
		cmd_print_line(stderr, ft->tags[i]);
		fputs("; see 'dossier feeds'\n", stderr);
		rv = -1;
	}
	for (i = 0; i < ft->n; i++) {
		for (j = 0; j < *n && (*ids)[j] != ft->ids[i]; j++)
			;
		if (j == *n) {
			*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
			(*ids)[(*n)++] = ft->ids[i];
		}
	}
	return rv;
}

int
cmd_fetch(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,	NULL, 'j' },
		{ "quiet",	no_argument,	NULL, 'q' },
		{ "tag",	required_argument, NULL, 't' },
		{ "help",	no_argument,	NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*self = cmd_find("fetch");
	struct feed_sync_options	 opts;
	struct feed_sync_totals	 t;
	struct fetch_ui		 ui;
	struct fetch_tagged	 ft;
	struct store		*s;
	int64_t			*ids = NULL;
	char			*err = NULL, *tag;
	size_t			 n = 0;
	int			 ch, i, bad = 0, rv = CMD_FAILED;

	memset(&opts, 0, sizeof opts);
	memset(&ui, 0, sizeof ui);
	memset(&ft, 0, sizeof ft);
	while ((ch = cmd_getopt(argc, argv, "qt:h", longopts)) != -1) {
		switch (ch) {
		case 'j':
			ui.json = 1;
			break;
		case 'q':
			ui.quiet = 1;
			break;
		case 't':
			if ((tag = library_tag_parse(optarg, &err)) == NULL) {
				rv = cmd_usage_error(self, "%s", err);
				goto out;
			}
			ft.tags = xreallocarray(ft.tags, ft.ntags + 1,
			    sizeof *ft.tags);
			ft.tags[ft.ntags++] = tag;
			break;
		case 'h':
			cmd_help(stdout, self);
			rv = CMD_OK;
			goto out;
		default:
			rv = cmd_usage_error(self, NULL);
			goto out;
		}
	}
	if ((s = cmd_store(ctx)) == NULL)
		goto out;
	/* Feeds that are not in the library fail; the others are fetched. */
	ids = xcalloc((size_t)(argc - optind) + 1, sizeof *ids);
	for (i = optind; i < argc; i++) {
		if (cmd_feed_id(s, argv[i], &ids[n]) == 0)
			n++;
		else
			bad++;
	}
	/* Tagged feeds join the named ones; a tag no feed has fails. */
	if (ft.ntags > 0 && fetch_by_tag(s, &ft, &ids, &n) != 0)
		bad++;
	if (n == 0 && (bad > 0 || ft.ntags > 0))
		goto out;
	if (fetch_init(&err) != 0) {
		cmd_error("%s", err);
		goto out;
	}
	ui.progress = isatty(STDERR_FILENO) && !ui.json;
	opts.report = fetch_report;
	opts.arg = &ui;
	if (feed_refresh(s, ids, n, &opts, &t, &err) != 0) {
		cmd_progress_clear(&ui.bar);
		cmd_error("%s", err);
		goto out;
	}
	cmd_progress_clear(&ui.bar);
	if (!ui.json) {
		if (t.feeds == 0)
			puts("no feeds to fetch; add one with 'dossier add "
			    "URL'");
		else {
			printf("%zu %s: %zu new %s", t.feeds, plural(t.feeds,
			    "feed", "feeds"), t.added, plural(t.added,
			    "story", "stories"));
			if (t.updated > 0)
				printf(", %zu updated", t.updated);
			printf(", %zu not modified, %zu failed\n",
			    t.not_modified, t.failed);
		}
	}
	rv = t.failed > 0 || bad > 0 ? CMD_FAILED : CMD_OK;
out:
	library_strv_free(ft.tags, ft.ntags);
	free(ft.ids);
	free(ft.found);
	free(err);
	free(ids);
	return rv;
}
