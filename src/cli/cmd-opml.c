/* dossier opml: subscription lists in and out. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "feed-parse.h"
#include "feed-refresh.h"
#include "fetch.h"
#include "import.h"
#include "opml.h"
#include "plural.h"
#include "store.h"
#include "xmalloc.h"
#include "banned.h"

/* Print a failed outline of file. */
static void
opml_fail(const char *file, const char *url, const char *why)
{
	fflush(stdout);
	fputs("dossier: ", stderr);
	cmd_print_line(stderr, file);
	if (url != NULL) {
		fputs(": ", stderr);
		cmd_print_url(stderr, url);
	}
	fputs(": ", stderr);
	cmd_print_line(stderr, why);
	fputc('\n', stderr);
}

static void
opml_fetch_report(const struct feed_sync_event *ev, void *arg)
{
	cmd_feed_report(ev, *(int *)arg);
}

/*
 * Add the feeds of a file, all in one transaction, and fetch if asked.
 * Each feed gets the tags of its folders, a feed already there included.
 */
static int
opml_import(struct cmd_ctx *ctx, const char *file, int fetch, int quiet)
{
	struct opml		 o;
	struct feed_sync_options	 fo;
	struct feed_sync_totals	 t;
	struct store		*s;
	char			*data = NULL, *err = NULL;
	int64_t			*ids = NULL, id;
	size_t			 len, i, nids = 0, added = 0, exists = 0;
	size_t			 refused = 0;
	int			 rc, tagged, rv = CMD_FAILED;

	memset(&o, 0, sizeof o);
	if (import_read_file(file, FEED_MAX_BYTES, &data, &len, &err) != 0 ||
	    opml_parse(data, len, &o, &err) != 0) {
		opml_fail(file, NULL, err);
		goto out;
	}
	for (i = 0; i < o.nnotes; i++)
		opml_fail(file, NULL, o.notes[i]);
	if ((s = cmd_store_create(ctx)) == NULL)
		goto out;
	if (store_begin(s, &err) != 0) {
		opml_fail(file, NULL, err);
		goto out;
	}
	ids = xcalloc(o.n + 1, sizeof *ids);
	for (i = 0; i < o.n; i++) {
		if (o.v[i].error != NULL) {
			opml_fail(file, o.v[i].url, o.v[i].error);
			refused++;
			continue;
		}
		rc = store_feed_add(s, o.v[i].url, o.v[i].title, FEED_KIND_RSS, &id,
		    &err);
		tagged = rc < 0 ? -1 : store_feed_tag(s, id, o.v[i].tags,
		    o.v[i].ntags, &err);
		if (rc < 0 || tagged < 0) {
			store_rollback(s);
			opml_fail(file, NULL, err);
			goto out;
		}
		if (rc == 0) {
			ids[nids++] = id;
			added++;
		} else
			exists++;
		if (quiet)
			continue;
		printf("%-8s %lld  ", rc == 0 ? "added" : "exists",
		    (long long)id);
		cmd_print_url(stdout, o.v[i].url);
		if (rc == 0 && o.v[i].title != NULL) {
			fputs(": ", stdout);
			cmd_print_line(stdout, o.v[i].title);
		} else if (rc == 1)
			fputs(": already in the library", stdout);
		if (rc == 0)
			cmd_print_tags(stdout, o.v[i].tags, o.v[i].ntags);
		else if (tagged > 0)
			printf("; %d %s added", tagged, plural(tagged, "tag",
			    "tags"));
		putchar('\n');
	}
	if (store_commit(s, &err) != 0) {
		opml_fail(file, NULL, err);
		goto out;
	}
	printf("%zu added, %zu already in the library, %zu refused\n",
	    added, exists, refused);
	if (o.skipped > 0)
		printf("(%zu %s past the first %d ignored)\n", o.skipped,
		    plural(o.skipped, "outline", "outlines"),
		    OPML_MAX_OUTLINES);
	rv = refused > 0 ? CMD_FAILED : CMD_OK;
	if (!fetch || nids == 0)
		goto out;
	if (fetch_init(&err) != 0) {
		opml_fail(file, NULL, err);
		rv = CMD_FAILED;
		goto out;
	}
	memset(&fo, 0, sizeof fo);
	fo.report = opml_fetch_report;
	fo.arg = &quiet;
	if (feed_refresh(s, ids, nids, &fo, &t, &err) != 0) {
		opml_fail(file, NULL, err);
		rv = CMD_FAILED;
		goto out;
	}
	printf("%zu %s fetched: %zu new %s, %zu failed\n", t.feeds,
	    plural(t.feeds, "feed", "feeds"), t.added, plural(t.added,
	    "story", "stories"), t.failed);
	if (t.failed > 0)
		rv = CMD_FAILED;
out:
	free(ids);
	free(err);
	free(data);
	opml_free(&o);
	return rv;
}

/* Keep the feeds worth exporting: not pages, not Saved stories. */
static int
opml_row(const struct store_feed *f, void *arg)
{
	struct opml		*o = arg;
	struct opml_entry	*e;

	if (f->kind == FEED_KIND_PAGE || f->kind == FEED_KIND_LOCAL)
		return 0;
	o->v = xreallocarray(o->v, o->n + 1, sizeof *o->v);
	e = &o->v[o->n++];
	memset(e, 0, sizeof *e);
	e->url = xstrdup(f->url);
	e->title = f->title != NULL ? xstrdup(f->title) : NULL;
	e->tags = xcalloc(f->ntags + 1, sizeof *e->tags);
	for (e->ntags = 0; e->ntags < f->ntags; e->ntags++)
		e->tags[e->ntags] = xstrdup(f->tags[e->ntags]);
	return 0;
}

static int
opml_export(struct cmd_ctx *ctx)
{
	struct opml	 o;
	struct store	*s;
	char		*err = NULL, *doc;

	memset(&o, 0, sizeof o);
	if ((s = cmd_store(ctx)) == NULL)
		return CMD_FAILED;
	if (store_feed_list(s, 0, NULL, opml_row, &o, &err) < 0) {
		cmd_error("%s", err);
		free(err);
		opml_free(&o);
		return CMD_FAILED;
	}
	doc = opml_write(&o, "dossier feeds");
	fputs(doc, stdout);
	free(doc);
	opml_free(&o);
	return CMD_OK;
}

int
cmd_opml(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "fetch",	no_argument,	NULL, 'f' },
		{ "quiet",	no_argument,	NULL, 'q' },
		{ "help",	no_argument,	NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*self = cmd_find("opml");
	int			 ch, fetch = 0, quiet = 0;

	while ((ch = cmd_getopt(argc, argv, "fqh", longopts)) != -1) {
		switch (ch) {
		case 'f':
			fetch = 1;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			cmd_help(stdout, self);
			return CMD_OK;
		default:
			return cmd_usage_error(self, NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 2 && strcmp(argv[0], "import") == 0)
		return opml_import(ctx, argv[1], fetch, quiet);
	if (argc == 1 && strcmp(argv[0], "export") == 0) {
		if (fetch)
			return cmd_usage_error(self, "--fetch is for import");
		return opml_export(ctx);
	}
	return cmd_usage_error(self, "say 'import FILE' or 'export'");
}
