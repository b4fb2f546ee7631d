/* dossier fetch: every feed, or those named, into the library. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "cmd.h"
#include "feeds.h"
#include "fetch.h"
#include "store.h"
#include "xmalloc.h"
#include "banned.h"

struct fetch_ui {
	int		json;
	int		quiet;
	int		progress;	/* stderr is a terminal */
	int		drawn;		/* a progress line is on screen */
	struct timespec	last;
};

static void
progress_clear(struct fetch_ui *ui)
{
	if (ui->drawn) {
		fputs("\r\033[K", stderr);
		ui->drawn = 0;
	}
}

/* Redraw "fetching 3/120" at most ten times a second. */
static void
progress_draw(struct fetch_ui *ui, size_t done, size_t total)
{
	struct timespec	now;
	long		ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (now.tv_sec - ui->last.tv_sec) * 1000 +
	    (now.tv_nsec - ui->last.tv_nsec) / 1000000;
	if (ms < 100 && done != total)
		return;
	ui->last = now;
	fprintf(stderr, "\r\033[Kfetching %zu/%zu (%zu%%)", done, total,
	    total ? done * 100 / total : 100);
	fflush(stderr);
	ui->drawn = 1;
}

static void
json_set_string(struct json_object *o, const char *key, const char *v)
{
	json_object_object_add(o, key, v != NULL ?
	    json_object_new_string(v) : NULL);
}

static void
fetch_json(const struct feeds_event *ev)
{
	static const char *const names[] = {
		[FEEDS_FETCHED] = "fetched",
		[FEEDS_NOT_MODIFIED] = "not-modified",
		[FEEDS_EXISTS] = "exists",
		[FEEDS_FAILED] = "failed",
	};
	struct json_object	*o;

	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(ev->id));
	json_set_string(o, "url", ev->url);
	json_set_string(o, "title", ev->title);
	json_set_string(o, "kind", ev->kind);
	json_set_string(o, "status", names[ev->status]);
	json_object_object_add(o, "new", json_object_new_int64(
	    (int64_t)ev->added));
	json_object_object_add(o, "updated", json_object_new_int64(
	    (int64_t)ev->updated));
	json_set_string(o, "error", ev->reason);
	puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
}

static void
fetch_report(const struct feeds_event *ev, void *arg)
{
	struct fetch_ui	*ui = arg;

	if (ui->progress)
		progress_clear(ui);
	if (ui->json)
		fetch_json(ev);
	else
		cmd_feed_report(ev, ui->quiet);
	fflush(stdout);
	if (ui->progress && ev->total > 1 && ev->done < ev->total)
		progress_draw(ui, ev->done, ev->total);
}

int
cmd_fetch(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,	NULL, 'j' },
		{ "quiet",	no_argument,	NULL, 'q' },
		{ "help",	no_argument,	NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*self = cmd_find("fetch");
	struct feeds_options	 opts;
	struct feeds_totals	 t;
	struct fetch_ui		 ui;
	struct store		*s;
	int64_t			*ids = NULL;
	char			*err = NULL;
	size_t			 n = 0;
	int			 ch, i, bad = 0, rv = CMD_FAILED;

	memset(&opts, 0, sizeof opts);
	memset(&ui, 0, sizeof ui);
	while ((ch = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			ui.json = 1;
			break;
		case 'q':
			ui.quiet = 1;
			break;
		case 'h':
			cmd_help(stdout, self);
			return CMD_OK;
		default:
			return cmd_usage_error(self, "bad option");
		}
	}
	if ((s = cmd_store(ctx)) == NULL)
		return CMD_FAILED;
	/* Feeds that are not in the library fail; the others are fetched. */
	ids = xcalloc((size_t)(argc - optind) + 1, sizeof *ids);
	for (i = optind; i < argc; i++) {
		if (cmd_feed_id(s, argv[i], &ids[n]) == 0)
			n++;
		else
			bad++;
	}
	if (n == 0 && bad > 0)
		goto out;
	if (fetch_init(&err) != 0) {
		fprintf(stderr, "dossier: %s\n", err);
		goto out;
	}
	ui.progress = isatty(STDERR_FILENO) && !ui.json;
	opts.report = fetch_report;
	opts.arg = &ui;
	if (feeds_fetch(s, ids, n, &opts, &t, &err) != 0) {
		progress_clear(&ui);
		fprintf(stderr, "dossier: %s\n", err);
		goto out;
	}
	progress_clear(&ui);
	if (!ui.json) {
		if (t.feeds == 0)
			puts("no feeds to fetch; add one with 'dossier add "
			    "URL'");
		else {
			printf("%zu %s: %zu new %s", t.feeds, t.feeds == 1 ?
			    "feed" : "feeds", t.added, t.added == 1 ?
			    "story" : "stories");
			if (t.updated > 0)
				printf(", %zu updated", t.updated);
			printf(", %zu not modified, %zu failed\n",
			    t.not_modified, t.failed);
		}
	}
	rv = t.failed > 0 || bad > 0 ? CMD_FAILED : CMD_OK;
out:
	free(err);
	free(ids);
	return rv;
}
