/* dossier import: saved stories from files and directories. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "cmd.h"
#include "import.h"
#include "library.h"
#include "plural.h"
#include "store.h"
#include "xmalloc.h"
#include "banned.h"

struct import_ui {
	int		quiet;
	int		progress;	/* stderr is a terminal */
	struct cmd_progress bar;
};

static void
import_report(const struct import_event *ev, void *arg)
{
	struct import_ui	*ui = arg;

	if (ev->status == IMPORT_FAILED || ev->status == IMPORT_SKIPPED ||
	    !ui->quiet) {
		if (ui->progress)
			cmd_progress_clear(&ui->bar);
		fflush(stdout);
	}
	switch (ev->status) {
	case IMPORT_ADDED:
		if (ui->quiet)
			break;
		printf("added    %lld  ", (long long)ev->id);
		cmd_print_line(stdout, ev->path);
		if (ev->title != NULL) {
			fputs(": ", stdout);
			cmd_print_line(stdout, ev->title);
		}
		cmd_print_dropped(stdout, ev->dropped, ev->dropped_first);
		putchar('\n');
		break;
	case IMPORT_EXISTS:
		if (ui->quiet)
			break;
		fputs("exists   ", stdout);
		cmd_print_line(stdout, ev->path);
		fputs(": already in the library\n", stdout);
		break;
	case IMPORT_FAILED:
	case IMPORT_SKIPPED:
		fflush(stdout);
		fputs("dossier: ", stderr);
		cmd_print_line(stderr, ev->path);
		fputs(": ", stderr);
		cmd_print_line(stderr, ev->reason);
		fputc('\n', stderr);
		break;
	}
	if (ui->progress && ev->total >= 50) {
		fflush(stdout);
		cmd_progress_draw(&ui->bar, "importing", ev->done, ev->total);
	}
}

int
cmd_import(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "tag",	required_argument,	NULL, 't' },
		{ "quiet",	no_argument,		NULL, 'q' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*self = cmd_find("import");
	struct import_options	 opts;
	struct import_totals	 t;
	struct import_ui	 ui;
	struct store		*s;
	struct stat		 sb;
	char			*tag, *err = NULL;
	size_t			 i;
	int			 ch, rc, e, rv = CMD_USAGE;

	memset(&opts, 0, sizeof opts);
	memset(&ui, 0, sizeof ui);
	while ((ch = cmd_getopt(argc, argv, "t:qh", longopts)) != -1) {
		switch (ch) {
		case 't':
			/* The rules of 'dossier tag', so it can undo them. */
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
		cmd_usage_error(self, "nothing to import: give files or "
		    "directories");
		goto out;
	}
	rv = CMD_FAILED;
	/* A mistyped path must not leave an empty library behind either. */
	for (i = optind; i < (size_t)argc; i++)
		if (lstat(argv[i], &sb) == 0)
			break;
	if (i == (size_t)argc) {
		for (i = optind; i < (size_t)argc; i++) {
			e = lstat(argv[i], &sb) != 0 ? errno : ENOENT;
			fputs("dossier: ", stderr);
			cmd_print_line(stderr, argv[i]);
			fprintf(stderr, ": %s\n", strerror(e));
		}
		printf("0 added, 0 already in the library, %d failed\n",
		    argc - optind);
		goto out;
	}
	if ((s = cmd_store_create(ctx)) == NULL)
		goto out;
	ui.progress = isatty(STDERR_FILENO);
	opts.report = import_report;
	opts.arg = &ui;
	rc = import_paths(s, argv + optind, (size_t)(argc - optind), &opts,
	    &t, &err);
	cmd_progress_clear(&ui.bar);
	if (rc != 0) {
		cmd_error("%s; nothing imported", err);
		free(err);
		goto out;
	}
	printf("%zu added, %zu already in the library, %zu failed",
	    t.added, t.exists, t.failed);
	if (t.skipped > 0)
		printf(", %zu skipped", t.skipped);
	if (t.ignored > 0)
		printf(" (%zu other %s in directories ignored)", t.ignored,
		    plural(t.ignored, "file", "files"));
	putchar('\n');
	if (t.added == 0 && t.exists > 0 && t.failed == 0)
		puts("nothing new: every file was imported before");
	rv = t.failed > 0 ? CMD_FAILED : CMD_OK;
out:
	for (i = 0; i < opts.ntags; i++)
		free(opts.tags[i]);
	free(opts.tags);
	return rv;
}
