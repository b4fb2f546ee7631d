/* The subcommands of the dossier binary and what they share. */
#ifndef DOSSIER_CMD_H
#define DOSSIER_CMD_H

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

struct option;
struct store;

struct cmd_ctx {
	const char	*db_path;	/* --db, or NULL for the default */
	struct store	*store;		/* opened on first use */
};

struct cmd_entry {
	const char	*name;
	const char	*usage;		/* after "dossier NAME " */
	const char	*summary;	/* one line for the command list */
	const char	*help;		/* options, one per line */
	int		(*exec)(struct cmd_ctx *, int, char **);
};

/* Exit codes. */
#define CMD_OK		0
#define CMD_FAILED	1	/* the command ran but something failed */
#define CMD_USAGE	2	/* bad arguments */

const struct cmd_entry *cmd_find(const char *);
void	 cmd_help(FILE *, const struct cmd_entry *);
int	 cmd_usage_error(const struct cmd_entry *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Print "dossier: MESSAGE" on stderr, cleaned: it may echo outside text. */
void	 cmd_error(const char *, ...) __attribute__((format(printf, 1, 2)));
/* getopt_long (no index) that reports a refused option safely itself. */
int	 cmd_getopt(int, char **, const char *, const struct option *);

/*
 * Open the store named by the context; prints the reason on failure.
 * cmd_store refuses a library that is not there ("no library at PATH");
 * cmd_store_create, for commands that add stories, makes it.
 */
struct store *cmd_store(struct cmd_ctx *);
struct store *cmd_store_create(struct cmd_ctx *);

/* Print a one-line field safely: no control characters reach stdout. */
void	 cmd_print_line(FILE *, const char *);

/* cmd-tag.c: "[+]TAG" and "-TAG" arguments, checked; -1 usage error. */
int	 cmd_tag_args(const struct cmd_entry *, int, char **, char ***,
	     size_t *, char ***, size_t *);

/* A progress line on stderr ("importing 120/10000 (1%)"). */
struct cmd_progress {
	int		drawn;		/* a progress line is on screen */
	struct timespec	last;
};
void	 cmd_progress_draw(struct cmd_progress *, const char *, size_t,
	     size_t);
void	 cmd_progress_clear(struct cmd_progress *);
/* Print an address as cmd_print_line does, its password hidden. */
void	 cmd_print_url(FILE *, const char *);
void	 cmd_print_dropped(FILE *, size_t, const char *);
void	 cmd_print_entity(FILE *, const char *, const char *, const char *);

/*
 * A file the user named for output (cmd-output.c), written whole or not
 * at all; only a regular file of the user's is replaced, keeping its mode.
 * NULL or "-" is stdout. open and commit return -1 with *err; abort
 * forgets a file not committed.
 */
struct cmd_output {
	FILE		*f;		/* write here */
	const char	*path;		/* NULL: stdout */
	char		*tmp;		/* the temporary file beside it */
	int		 fd;
	int		 exists;	/* a file was there: dev, ino */
	dev_t		 dev;
	ino_t		 ino;
};
int	 cmd_output_open(struct cmd_output *, const char *, char **);
int	 cmd_output_commit(struct cmd_output *, char **);
void	 cmd_output_abort(struct cmd_output *);

/* A story or note id from an argument; 0 if it is not one (cmd-tag.c). */
int64_t	 cmd_parse_id(const char *);

int	 cmd_export(struct cmd_ctx *, int, char **);
int	 cmd_extract(struct cmd_ctx *, int, char **);
int	 cmd_import(struct cmd_ctx *, int, char **);
int	 cmd_list(struct cmd_ctx *, int, char **);
int	 cmd_note(struct cmd_ctx *, int, char **);
int	 cmd_search(struct cmd_ctx *, int, char **);
int	 cmd_show(struct cmd_ctx *, int, char **);
int	 cmd_tag(struct cmd_ctx *, int, char **);

/* Feeds (cmd-feed.c, cmd-fetch.c, cmd-opml.c). */
struct feed_sync_event;
int	 cmd_add(struct cmd_ctx *, int, char **);
int	 cmd_feeds(struct cmd_ctx *, int, char **);
int	 cmd_remove(struct cmd_ctx *, int, char **);
int	 cmd_fetch(struct cmd_ctx *, int, char **);
int	 cmd_opml(struct cmd_ctx *, int, char **);
/* A feed named by id or address; prints why not and returns -1. */
int	 cmd_feed_id(struct store *, const char *, int64_t *);
/* Print one feed's outcome of add or fetch (failures on stderr). */
void	 cmd_feed_report(const struct feed_sync_event *, int quiet);
/* Print tags as " #a #b" (nothing if there are none). */
void	 cmd_print_tags(FILE *, char *const *, size_t);
int	 cmd_tag_feed(struct cmd_ctx *, int, char **);

#endif
