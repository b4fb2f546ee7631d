/*
 * dossier delete: stories removed from the library with all that hangs on
 * them, in one transaction (all or none, kill -9 safe). A story with the
 * user's work on it (notes, tags the user gave, corrections, a star) is
 * deleted only with --force, or after a yes on a terminal; the refusal
 * says what would be lost. A story's duplicates stay (store-dup.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "plural.h"
#include "store.h"
#include "xmalloc.h"
#include "banned.h"

/* Say what deleting story id would lose: "2 notes, 1 tag". */
static void
delete_losses(FILE *f, int64_t id, const struct store_user_data *u)
{
	const char	*sep = "";

	fprintf(f, "story %lld has ", (long long)id);
	if (u->notes > 0) {
		fprintf(f, "%lld %s", (long long)u->notes,
		    plural(u->notes, "note", "notes"));
		sep = ", ";
	}
	if (u->tags > 0) {
		fprintf(f, "%s%lld %s", sep, (long long)u->tags,
		    plural(u->tags, "tag", "tags"));
		sep = ", ";
	}
	if (u->corrections > 0) {
		fprintf(f, "%s%lld %s", sep, (long long)u->corrections,
		    plural(u->corrections, "correction", "corrections"));
		sep = ", ";
	}
	if (u->starred)
		fprintf(f, "%sa star", sep);
	fputc('\n', f);
}

/* Ask on the terminal; 1 for a yes. */
static int
delete_ask(size_t n)
{
	char	line[16];

	fprintf(stderr, "Delete %s with %s? (y/n) ", n == 1 ? "it" : "them",
	    n == 1 ? "these" : "all of these");
	fflush(stderr);
	if (fgets(line, sizeof line, stdin) == NULL)
		return 0;
	return line[0] == 'y' || line[0] == 'Y';
}

/* The ids given, each once, or -1 (a usage error, said). */
static int
delete_ids(struct cmd_args *args, int64_t **ids, size_t *n)
{
	int64_t	id;
	size_t	j;
	int	i;

	*n = 0;
	*ids = xcalloc((size_t)args->argc + 1, sizeof **ids);
	for (i = 0; i < args->argc; i++) {
		if ((id = cmd_parse_id(args->argv[i])) == 0) {
			free(*ids);
			cmd_usage_error(args->entry, "'%s' is not a story id",
			    args->argv[i]);
			return -1;
		}
		for (j = 0; j < *n && (*ids)[j] != id; j++)
			;
		if (j == *n)
			(*ids)[(*n)++] = id;
	}
	return 0;
}

/*
 * Look at every story first: all there, and what of the user's they
 * hold (how many stories hold some, each said on stderr). -1 if one is
 * not there or cannot be read (said).
 */
static int
delete_check(struct store *s, const int64_t *ids, size_t n, size_t *held)
{
	struct store_user_data	 u;
	char			*err = NULL;
	size_t			 i;
	int			 rc;

	*held = 0;
	for (i = 0; i < 2 * n; i++) {
		if ((rc = store_article_user(s, ids[i % n], &u, &err)) != 0) {
			if (rc == 1)
				cmd_error("no story with id %lld; nothing "
				    "was deleted", (long long)ids[i % n]);
			else
				cmd_error("%s", err);
			free(err);
			return -1;
		}
		/* All are there (the first round) before any is said. */
		if (i >= n && (u.notes > 0 || u.tags > 0 || u.corrections > 0 ||
		    u.starred)) {
			(*held)++;
			fputs("dossier: ", stderr);
			delete_losses(stderr, ids[i % n], &u);
		}
	}
	return 0;
}

static int
cmd_delete(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct store	*s;
	int64_t		*ids;
	char		*err = NULL;
	size_t		 n, held, i;
	int		 rv = CMD_FAILED;

	if (args->argc == 0)
		return cmd_usage_error(args->entry, "which stories? give "
		    "their ids");
	if (delete_ids(args, &ids, &n) != 0)
		return CMD_USAGE;
	if ((s = cmd_store(ctx)) == NULL || delete_check(s, ids, n,
	    &held) != 0)
		goto out;
	if (held > 0 && !cmd_args_has(args, 'f')) {
		if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO)) {
			cmd_error("%s lost with %s: give --force (-f) to "
			    "delete %s anyway; nothing was deleted",
			    held == 1 ? "that would be" : "those would be",
			    n == 1 ? "the story" : "the stories",
			    n == 1 ? "it" : "them");
			goto out;
		}
		if (!delete_ask(held)) {
			printf("nothing deleted\n");
			goto out;
		}
	}
	if (store_article_delete(s, ids, n, &err) != 0) {
		cmd_error("%s; nothing was deleted", err != NULL ? err :
		    "cannot delete");
		free(err);
		goto out;
	}
	if (!cmd_args_has(args, 'q'))
		for (i = 0; i < n; i++)
			printf("deleted %lld\n", (long long)ids[i]);
	printf("%zu %s deleted\n", n, plural(n, "story", "stories"));
	rv = CMD_OK;
out:
	free(ids);
	return rv;
}

static const struct cmd_option cmd_delete_options[] = {
	{ 'f', "force", 0, NULL, NULL },
	CMD_OPTION_QUIET,
	CMD_OPTION_END
};

const struct cmd_entry cmd_delete_entry = {
	"delete", "[--force] [--quiet] ID...",
	"delete stories from the library",
	"Delete stories with everything stored with them: their people and\n"
	"quotes, tags, notes and corrections, all in one transaction (every\n"
	"story given, or none). A story you tagged, annotated, corrected or\n"
	"starred is deleted only with --force; without it dossier says what\n"
	"would be lost and deletes nothing, or on a terminal asks (y/n).\n"
	"When a deleted story was stored more than once (saved twice, or one\n"
	"wire story in several outlets), the other copies stay and their\n"
	"quotes are counted in its place.\n"
	"\n"
	"  -f, --force     delete stories with your notes, tags, corrections\n"
	"                  and stars on them, without asking\n"
	"  -q, --quiet     print only the summary\n",
	cmd_delete_options, 0, cmd_delete
};
