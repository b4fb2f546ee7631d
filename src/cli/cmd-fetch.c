/* dossier fetch: every feed, those named, or those tagged, into the library. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "cmd.h"
#include "feed-refresh.h"
#include "fetch.h"
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
	cmd_json_string(o, "url", url);
	free(url);
	cmd_json_string(o, "title", ev->title);
	cmd_json_string(o, "kind", ev->kind);
	cmd_json_string(o, "status", names[ev->status]);
	json_object_object_add(o, "same_body",
	    json_object_new_boolean(ev->same_body));
	json_object_object_add(o, "new", json_object_new_int64(
	    (int64_t)ev->added));
	json_object_object_add(o, "updated", json_object_new_int64(
	    (int64_t)ev->updated));
	json_object_object_add(o, "dropped", json_object_new_int64(
	    (int64_t)ev->dropped));
	cmd_json_string(o, "dropped_first", ev->dropped_first);
	cmd_json_string(o, "error", ev->reason);
	cmd_json_print(o);
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

/*
 * The ids of the feeds named and of those tagged; *bad counts the names
 * and tags that found none (said on stderr).
 */
static int64_t *
fetch_ids(struct store *s, struct cmd_args *args, struct fetch_tagged *ft,
    size_t *n, int *bad)
{
	int64_t	*ids;
	int	 i;

	/* Feeds that are not in the library fail; the others are fetched. */
	ids = xcalloc((size_t)args->argc + 1, sizeof *ids);
	*n = 0;
	for (i = 0; i < args->argc; i++) {
		if (cmd_feed_id(s, args->argv[i], &ids[*n]) == 0)
			(*n)++;
		else
			(*bad)++;
	}
	/* Tagged feeds join the named ones; a tag no feed has fails. */
	ft->tags = cmd_args_values(args, 't', &ft->ntags);
	if (ft->ntags > 0 && fetch_by_tag(s, ft, &ids, n) != 0)
		(*bad)++;
	return ids;
}

/* The last line: how many feeds, new stories, and failures. */
static void
fetch_summary(const struct feed_sync_totals *t)
{
	if (t->feeds == 0) {
		puts("no feeds to fetch; add one with 'dossier add URL'");
		return;
	}
	printf("%zu %s: %zu new %s", t->feeds, plural(t->feeds, "feed",
	    "feeds"), t->added, plural(t->added, "story", "stories"));
	if (t->updated > 0)
		printf(", %zu updated", t->updated);
	printf(", %zu not modified, %zu failed\n", t->not_modified,
	    t->failed);
}

static int
cmd_fetch(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct feed_sync_options	 opts;
	struct feed_sync_totals	 t;
	struct fetch_ui		 ui;
	struct fetch_tagged	 ft;
	struct store		*s;
	int64_t			*ids = NULL;
	char			*err = NULL;
	size_t			 n = 0;
	int			 bad = 0, rv = CMD_FAILED;

	memset(&opts, 0, sizeof opts);
	memset(&ui, 0, sizeof ui);
	memset(&ft, 0, sizeof ft);
	ui.json = cmd_args_has(args, 'j');
	ui.quiet = cmd_args_has(args, 'q');
	if ((s = cmd_store(ctx)) == NULL)
		goto out;
	ids = fetch_ids(s, args, &ft, &n, &bad);
	if (n == 0 && (bad > 0 || ft.ntags > 0))
		goto out;
	if (fetch_init(&err) != 0) {
		cmd_error("%s", err);
		goto out;
	}
	ui.progress = isatty(STDERR_FILENO) && !ui.json;
	opts.report = fetch_report;
	opts.arg = &ui;
	rv = feed_refresh(s, ids, n, &opts, &t, &err);
	cmd_progress_clear(&ui.bar);
	if (rv != 0) {
		cmd_error("%s", err);
		rv = CMD_FAILED;
		goto out;
	}
	if (!ui.json)
		fetch_summary(&t);
	rv = t.failed > 0 || bad > 0 ? CMD_FAILED : CMD_OK;
out:
	free(ft.ids);
	free(ft.found);
	free(err);
	free(ids);
	return rv;
}

static const struct cmd_option cmd_fetch_options[] = {
	CMD_OPTION_JSON,
	CMD_OPTION_QUIET,
	CMD_OPTION_TAG,
	CMD_OPTION_END
};

const struct cmd_entry cmd_fetch_entry = {
	"fetch", "[--json] [--quiet] [--tag TAG]... [FEED]...",
	"fetch every feed, or those named, and store new stories",
	"Fetch feeds (by id or address, as 'dossier feeds' lists them; all\n"
	"but pages when none is named), four at a time, and store their new\n"
	"stories, each with its feed's tags. Each feed's outcome is printed:\n"
	"new stories, not modified, or the reason it failed; a failed feed\n"
	"stores nothing and the others are still fetched. A feed whose\n"
	"document is the same as at its last fetch (SHA-256) is not read\n"
	"again, validators or not. Exits 1 if any feed failed.\n"
	"\n"
	"  -t, --tag TAG   fetch the feeds tagged TAG (not pages; repeatable:\n"
	"                  any of the tags), and those named\n"
	"      --json      one JSON object per feed: id, url, title, kind,\n"
	"                  status (fetched, not-modified, failed),\n"
	"                  same_body, new, updated, error\n"
	"  -q, --quiet     print only failures and the summary\n",
	cmd_fetch_options, 0, cmd_fetch
};
