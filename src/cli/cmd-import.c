/* dossier import: saved stories from files and directories. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "cmd.h"
#include "import.h"
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
	case IMPORT_UPDATED:
		if (ui->quiet)
			break;
		printf("%s  %lld  ", ev->status == IMPORT_ADDED ? "added  " :
		    "updated", (long long)ev->id);
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
		cmd_error_about(ev->path, ev->reason);
		break;
	}
	if (ui->progress && ev->total >= 50) {
		fflush(stdout);
		cmd_progress_draw(&ui->bar, "importing", ev->done, ev->total);
	}
}

/*
 * When no path is there at all, say so for each and touch nothing: a
 * mistyped path must not leave an empty library behind. 0 if one is.
 */
static int
import_none_there(int argc, char **argv)
{
	struct stat	sb;
	int		i, e;

	for (i = 0; i < argc; i++)
		if (lstat(argv[i], &sb) == 0)
			return 0;
	for (i = 0; i < argc; i++) {
		e = lstat(argv[i], &sb) != 0 ? errno : ENOENT;
		cmd_error_about(argv[i], strerror(e));
	}
	printf("0 added, 0 already in the library, %d failed\n", argc);
	return -1;
}

/* The last line: how many files were added, found, failed, skipped. */
static void
import_summary(const struct import_totals *t)
{
	printf("%zu added, ", t->added);
	if (t->updated > 0)
		printf("%zu updated, ", t->updated);
	printf("%zu already in the library, %zu failed", t->exists,
	    t->failed);
	if (t->skipped > 0)
		printf(", %zu skipped", t->skipped);
	if (t->ignored > 0)
		printf(" (%zu other %s in directories ignored)", t->ignored,
		    plural(t->ignored, "file", "files"));
	putchar('\n');
	if (t->added == 0 && t->updated == 0 && t->exists > 0 &&
	    t->failed == 0)
		puts("nothing new: every file was imported before");
}

static int
cmd_import(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct import_options	 opts;
	struct import_totals	 t;
	struct import_ui	 ui;
	struct store		*s;
	char			*err = NULL;

	if (args->argc == 0)
		return cmd_usage_error(args->entry, "nothing to import: give "
		    "files or directories");
	if (import_none_there(args->argc, args->argv) != 0 ||
	    (s = cmd_store_create(ctx)) == NULL)
		return CMD_FAILED;
	memset(&opts, 0, sizeof opts);
	memset(&ui, 0, sizeof ui);
	opts.tags = cmd_args_values(args, 't', &opts.ntags);
	ui.quiet = cmd_args_has(args, 'q');
	ui.progress = isatty(STDERR_FILENO);
	opts.report = import_report;
	opts.arg = &ui;
	if (import_paths(s, args->argv, (size_t)args->argc, &opts, &t,
	    &err) != 0) {
		cmd_progress_clear(&ui.bar);
		cmd_error("%s; nothing imported", err);
		free(err);
		return CMD_FAILED;
	}
	cmd_progress_clear(&ui.bar);
	import_summary(&t);
	return t.failed > 0 ? CMD_FAILED : CMD_OK;
}

static const struct cmd_option cmd_import_options[] = {
	CMD_OPTION_TAG,
	CMD_OPTION_QUIET,
	CMD_OPTION_END
};

const struct cmd_entry cmd_import_entry = {
	"import", "[--tag TAG]... [--quiet] PATH...",
	"import saved stories from files and directories",
	"Import saved stories: plain text as browsers save it, HTML pages and\n"
	"Markdown with YAML front matter. Directories are read recursively;\n"
	"a symbolic link found in one is followed only if it leads inside\n"
	"the directory named (others are reported as skipped; name them to\n"
	"import them). Files already in the library are skipped, so\n"
	"importing twice adds nothing. A file imported before and saved\n"
	"again with new text replaces its story in place (updated): its id,\n"
	"tags, notes and corrections are kept, each correction on its\n"
	"words wherever they are now (or listed by correct list as not in\n"
	"the story now). Each file's outcome is printed; a\n"
	"file that fails is reported with its reason and the rest are still\n"
	"imported.\n"
	"\n"
	"  -t, --tag TAG   add TAG to every imported story (repeatable)\n"
	"  -q, --quiet     print only failures and the summary\n",
	cmd_import_options, 0, cmd_import
};
