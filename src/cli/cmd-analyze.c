/*
 * dossier analyze: stored stories analysed again by this extractor, so a
 * library imported by an older one gets what the newer rules find. A
 * signal (SIGINT, SIGTERM) stops it between two stories with the work
 * done kept; --outdated carries on where it stopped.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "extract.h"
#include "plural.h"
#include "reanalyze.h"
#include "store.h"
#include "xmalloc.h"
#include "banned.h"

static volatile sig_atomic_t	analyze_stop;

static void
analyze_signal(int sig)
{
	(void)sig;
	analyze_stop = 1;
}

struct analyze_ui {
	int		quiet;
	int		progress;	/* stderr is a terminal */
	struct cmd_progress bar;
};

static void
analyze_report(int64_t id, int found, size_t done, size_t total, void *arg)
{
	struct analyze_ui	*ui = arg;

	if (!found || !ui->quiet) {
		cmd_progress_clear(&ui->bar);
		fflush(stdout);
	}
	if (!found)
		cmd_error("story %lld: no such story", (long long)id);
	else if (!ui->quiet)
		printf("analysed %lld\n", (long long)id);
	if (ui->progress && total >= 50) {
		fflush(stdout);
		cmd_progress_draw(&ui->bar, "analysing", done, total);
	}
}

/* The story ids given, or -1 (a usage error, said). */
static int
analyze_ids(struct cmd_args *args, int64_t **ids)
{
	int	i;

	*ids = xcalloc((size_t)args->argc + 1, sizeof **ids);
	for (i = 0; i < args->argc; i++)
		if (((*ids)[i] = cmd_parse_id(args->argv[i])) == 0) {
			free(*ids);
			cmd_usage_error(args->entry, "'%s' is not a story id",
			    args->argv[i]);
			return -1;
		}
	return 0;
}

/* The last line: what was done, and how to finish when it stopped. */
static void
analyze_summary(const struct reanalyze_totals *t, int outdated)
{
	if (t->stopped) {
		printf("stopped: %zu of %zu %s analysed by extractor version "
		    "%d; run dossier analyze --outdated to finish\n", t->done,
		    t->total, plural(t->total, "story", "stories"),
		    EXTRACT_VERSION);
		return;
	}
	if (t->done == 0 && t->missing == 0) {
		printf("nothing to do: every story %s analysed by extractor "
		    "version %d\n", outdated ? "was" : "is", EXTRACT_VERSION);
		return;
	}
	printf("%zu %s analysed by extractor version %d", t->done,
	    plural(t->done, "story", "stories"), EXTRACT_VERSION);
	if (t->missing > 0)
		printf(", %zu not in the library", t->missing);
	putchar('\n');
}

/* Stories compared for duplicates a transaction. */
#define ANALYZE_DUP_BATCH	200

/*
 * Compare the stories stored before duplicates were looked for (a
 * library from before schema 12) with the rest, a batch a transaction,
 * stopping between two batches on a signal: how many were, or -1.
 */
static int64_t
analyze_dups(struct store *s, struct analyze_ui *ui, int *stopped)
{
	int64_t	 ids[ANALYZE_DUP_BATCH], after = 0, total, done = 0;
	char	*err = NULL;
	size_t	 got, i;

	if (store_dup_prune(s, &err) != 0 ||
	    (total = store_dup_todo_count(s, &err)) < 0)
		goto fail;
	while (done < total && !(*stopped = analyze_stop != 0)) {
		if (store_dup_todo_ids(s, after, ids, ANALYZE_DUP_BATCH, &got,
		    &err) != 0)
			goto fail;
		if (got == 0)
			break;
		if (store_begin(s, &err) != 0)
			goto fail;
		for (i = 0; i < got && analyze_stop == 0; i++)
			if (store_dup_compare(s, ids[i], &err) < 0) {
				store_rollback(s);
				goto fail;
			}
		if (store_commit(s, &err) != 0)
			goto fail;
		done += (int64_t)i;
		after = ids[i - 1];
		if (ui->progress && total >= 50)
			cmd_progress_draw(&ui->bar, "comparing", (size_t)done,
			    (size_t)total);
	}
	cmd_progress_clear(&ui->bar);
	if (*stopped)
		printf("stopped: %lld of %lld %s compared for duplicates; run "
		    "dossier analyze --dups to finish\n", (long long)done,
		    (long long)total, plural(total, "story", "stories"));
	else
		printf("%lld %s compared for duplicates\n", (long long)done,
		    plural(done, "story", "stories"));
	return done;
fail:
	cmd_progress_clear(&ui->bar);
	cmd_error("%s; %lld %s compared before it", err, (long long)done,
	    plural(done, "story was", "stories were"));
	free(err);
	return -1;
}

static int
cmd_analyze(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct reanalyze_options opts;
	struct reanalyze_totals	 t;
	struct analyze_ui	 ui;
	struct sigaction	 sa, oint, oterm;
	struct store		*s;
	int64_t			*ids = NULL;
	char			*err = NULL;
	int			 all, outdated, dups, rv, stopped = 0;
	int			 ran = 0;

	all = cmd_args_has(args, 'a');
	outdated = cmd_args_has(args, 'o');
	if (all && outdated)
		return cmd_usage_error(args->entry, "--all and --outdated "
		    "cannot be given together");
	if ((all || outdated) && args->argc > 0)
		return cmd_usage_error(args->entry, "give story ids or %s, "
		    "not both", all ? "--all" : "--outdated");
	dups = cmd_args_has(args, 'd');
	if (!all && !outdated && !dups && args->argc == 0)
		return cmd_usage_error(args->entry, "nothing to analyse: give "
		    "story ids, --all, --outdated or --dups");
	if (args->argc > 0 && analyze_ids(args, &ids) != 0)
		return CMD_USAGE;
	if ((s = cmd_store(ctx)) == NULL) {
		free(ids);
		return CMD_FAILED;
	}
	memset(&opts, 0, sizeof opts);
	memset(&ui, 0, sizeof ui);
	ui.quiet = cmd_args_has(args, 'q');
	ui.progress = isatty(STDERR_FILENO);
	opts.ids = ids;
	opts.nids = (size_t)args->argc;
	opts.outdated = outdated;
	opts.stop = &analyze_stop;
	opts.progress = analyze_report;
	opts.arg = &ui;

	/* No SA_RESTART: a signal only asks; the loop sees it. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = analyze_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &oint);
	sigaction(SIGTERM, &sa, &oterm);
	memset(&t, 0, sizeof t);
	rv = 0;
	if (dups && analyze_dups(s, &ui, &stopped) < 0) {
		rv = CMD_FAILED;
		goto restore;
	}
	if ((!all && !outdated && args->argc == 0) || stopped)
		goto restore;
	ran = 1;
	rv = reanalyze_run(s, &opts, &t, &err);
restore:
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGTERM, &oterm, NULL);
	cmd_progress_clear(&ui.bar);
	free(ids);
	if (rv == CMD_FAILED || stopped)
		return CMD_FAILED;
	if (!ran)
		return CMD_OK;
	if (rv != 0) {
		cmd_error("%s; %zu %s analysed before it", err, t.done,
		    plural(t.done, "story was", "stories were"));
		free(err);
		return CMD_FAILED;
	}
	analyze_summary(&t, outdated);
	return t.stopped || t.missing > 0 ? CMD_FAILED : CMD_OK;
}

static const struct cmd_option cmd_analyze_options[] = {
	{ 'a', "all", CMD_LONG, NULL, NULL },
	{ 'o', "outdated", CMD_LONG, NULL, NULL },
	{ 'd', "dups", CMD_LONG, NULL, NULL },
	CMD_OPTION_QUIET,
	CMD_OPTION_END
};

const struct cmd_entry cmd_analyze_entry = {
	"analyze", "[--all | --outdated] [--dups] [--quiet] [ID...]",
	"analyse stored stories again with this version's extractor",
	"Run extraction again on stored stories, as import does, and replace\n"
	"the people, places and quotes found in each with what this\n"
	"version's extractor finds. A story keeps its tags, notes and the\n"
	"user's corrections. Each story records the extractor version that\n"
	"analysed it; the screen says when a story was analysed by an older\n"
	"one. Stories are written in batches, each whole: Ctrl-C (or SIGTERM)\n"
	"stops between two stories, keeping what was done, and --outdated\n"
	"finishes the rest.\n"
	"\n"
	"Every story stored is compared with the library for the same story\n"
	"stored before (saved twice, or one wire story in several outlets),\n"
	"whose quotes are then counted once. A library from before schema\n"
	"version 12 has stories never compared: --dups compares them (a\n"
	"batch a transaction, stopped cleanly by a signal; run it again to\n"
	"finish), before any analysis asked for with it.\n"
	"\n"
	"      --all       analyse every story in the library\n"
	"      --outdated  analyse the stories an older extractor analysed\n"
	"      --dups      compare the stories never compared for duplicates\n"
	"  -q, --quiet     print only failures and the summary\n",
	cmd_analyze_options, 0, cmd_analyze
};
