/*
 * dossier opml: subscription lists in (ingest's opml-import.c does the
 * work; this says how it went) and out.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "feed-refresh.h"
#include "fetch.h"
#include "opml.h"
#include "opml-import.h"
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

/* The file an import reads, and whether only failures are printed. */
struct opml_report {
	const char	*file;
	int		 quiet;
};

static void
opml_fetch_report(const struct feed_sync_event *ev, void *arg)
{
	cmd_feed_report(ev, *(int *)arg);
}

/* Print one outline's outcome: a line, or a failure on stderr. */
static void
opml_import_report(const struct opml_import_event *ev, void *arg)
{
	const struct opml_report	*r = arg;
	const struct opml_entry		*e = ev->e;

	if (ev->status == OPML_IMPORT_REFUSED) {
		opml_fail(r->file, e->url, e->error);
		return;
	}
	if (r->quiet)
		return;
	printf("%-8s %lld  ", ev->status == OPML_IMPORT_ADDED ? "added" :
	    "exists", (long long)ev->id);
	cmd_print_url(stdout, e->url);
	if (ev->status == OPML_IMPORT_ADDED) {
		if (e->title != NULL) {
			fputs(": ", stdout);
			cmd_print_line(stdout, e->title);
		}
		cmd_print_tags(stdout, e->tags, e->ntags);
	} else {
		fputs(": already in the library", stdout);
		if (ev->tagged > 0)
			printf("; %d %s added", ev->tagged, plural(ev->tagged,
			    "tag", "tags"));
	}
	putchar('\n');
}

/* Fetch the feeds an import added, and say how it went. */
static int
opml_fetch(struct store *s, const char *file, const int64_t *ids,
    size_t n, int quiet)
{
	struct feed_sync_options	 fo;
	struct feed_sync_totals	 t;
	char			*err = NULL;

	if (fetch_init(&err) != 0)
		goto fail;
	memset(&fo, 0, sizeof fo);
	fo.report = opml_fetch_report;
	fo.arg = &quiet;
	if (feed_refresh(s, ids, n, &fo, &t, &err) != 0)
		goto fail;
	printf("%zu %s fetched: %zu new %s, %zu failed\n", t.feeds,
	    plural(t.feeds, "feed", "feeds"), t.added, plural(t.added,
	    "story", "stories"), t.failed);
	return t.failed > 0 ? CMD_FAILED : CMD_OK;
fail:
	opml_fail(file, NULL, err);
	free(err);
	return CMD_FAILED;
}

/*
 * dossier opml import FILE: add its feeds (ingest's opml_import_feeds),
 * say how each went, and fetch the new ones if asked.
 */
static int
opml_import(struct cmd_ctx *ctx, const char *file, int fetch, int quiet)
{
	struct opml_report		 r = { file, quiet };
	struct opml_import_totals	 t;
	struct opml			 o;
	struct store			*s;
	char				*err = NULL;
	size_t				 i;
	int				 rv = CMD_FAILED;

	memset(&t, 0, sizeof t);
	if (opml_import_read(file, &o, &err) != 0) {
		opml_fail(file, NULL, err);
		goto out;
	}
	for (i = 0; i < o.nnotes; i++)
		opml_fail(file, NULL, o.notes[i]);
	if ((s = cmd_store_create(ctx)) == NULL)
		goto out;
	if (opml_import_feeds(s, &o, opml_import_report, &r, &t,
	    &err) != 0) {
		opml_fail(file, NULL, err);
		goto out;
	}
	printf("%zu added, %zu already in the library, %zu refused\n",
	    t.added, t.exists, t.refused);
	if (o.skipped > 0)
		printf("(%zu %s past the first %d ignored)\n", o.skipped,
		    plural(o.skipped, "outline", "outlines"),
		    OPML_MAX_OUTLINES);
	rv = t.refused > 0 ? CMD_FAILED : CMD_OK;
	if (fetch && t.nids > 0 && opml_fetch(s, file, t.ids, t.nids,
	    quiet) != CMD_OK)
		rv = CMD_FAILED;
out:
	free(t.ids);
	free(err);
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

static int
cmd_opml(struct cmd_ctx *ctx, struct cmd_args *args)
{
	int	fetch = cmd_args_has(args, 'f');

	if (args->argc == 2 && strcmp(args->argv[0], "import") == 0)
		return opml_import(ctx, args->argv[1], fetch,
		    cmd_args_has(args, 'q'));
	if (args->argc == 1 && strcmp(args->argv[0], "export") == 0) {
		if (fetch)
			return cmd_usage_error(args->entry,
			    "--fetch is for import");
		return opml_export(ctx);
	}
	return cmd_usage_error(args->entry, "say 'import FILE' or 'export'");
}

static const struct cmd_option cmd_opml_options[] = {
	{ 'f', "fetch", 0, NULL, NULL },
	CMD_OPTION_QUIET,
	CMD_OPTION_END
};

const struct cmd_entry cmd_opml_entry = {
	"opml", "import [--fetch] [--quiet] FILE | export",
	"import or export the feed list as OPML",
	"import adds the feeds of an OPML file (nested outlines are read;\n"
	"addresses that are not http or https are refused); each enclosing\n"
	"folder becomes a tag of its feeds, a feed already there included;\n"
	"importing twice adds nothing. export prints the feeds as OPML 2.0,\n"
	"in a folder per first tag (untagged feeds first), each feed's tags\n"
	"in its category attribute.\n"
	"\n"
	"  -f, --fetch     after import, fetch the feeds it added\n"
	"  -q, --quiet     print only failures and the summary\n",
	cmd_opml_options, 0, cmd_opml
};
