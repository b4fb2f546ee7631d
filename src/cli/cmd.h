/*
 * The subcommands of the dossier binary and what they share. Each
 * cmd-*.c declares its commands as struct cmd_entry (name, usage, help,
 * options, function); cmd.c holds the table of them, parses every
 * command's options from its declaration, answers -h and --help, says
 * what was wrong with the arguments, and keeps the helpers every command
 * uses (ids, +TAG/-TAG arguments, feed ids); cmd-print.c prints for them
 * all (safe lines, JSON lines, progress).
 */
#ifndef DOSSIER_CMD_H
#define DOSSIER_CMD_H

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

struct feed_sync_event;
struct json_object;
struct lib_tag_change;
struct option;
struct store;
struct store_note;

struct cmd_ctx {
	const char	*db_path;	/* --db, or NULL for the default */
	struct store	*store;		/* opened on first use */
};

struct cmd_args;

/*
 * One option: -ch and --name (either may be left out). A value option
 * may name a check that turns the value as typed into the one kept (a
 * new string), or returns NULL with *err, a usage error. The check runs
 * when the option is read, so errors come in the order of the words.
 */
struct cmd_option {
	int		 ch;		/* the key; -ch unless CMD_LONG */
	const char	*name;		/* --name, or NULL */
	int		 flags;
#define CMD_VALUE	0x1		/* takes a value */
#define CMD_LONG	0x2		/* --name only: no -ch */
	char		*(*check)(struct cmd_args *, const char *, char **);
	const char	*missing;	/* CMD_QUERY: "a number" */
};

struct cmd_entry {
	const char		*name;
	const char		*usage;		/* after "dossier NAME " */
	const char		*summary;	/* one line for the command list */
	const char		*help;		/* options, one per line */
	const struct cmd_option	*options;	/* ends with { 0 }; -h is added */
	int			 flags;
/*
 * How the words are read. By default as getopt_long does (options
 * anywhere, long names abbreviated). CMD_WORDS: no options, only a
 * first -h or --help; the command reads its words itself ("-TAG" is a
 * word). CMD_QUERY: options first, spelt whole; the first word that is
 * not one (or "--") starts the words, so "-word" needs no "--".
 */
#define CMD_WORDS	0x1
#define CMD_QUERY	0x2
	int			(*exec)(struct cmd_ctx *, struct cmd_args *);
};

/* The options given and the words left, as a command's exec sees them. */
struct cmd_args {
	const struct cmd_entry	*entry;
	struct cmd_optvals {
		size_t	  n;		/* times given */
		char	**v;		/* the values kept, in order */
		int	  seq;		/* when it was last given */
	}			*opt;		/* one per entry option */
	int			 seq;
	int			 argc;		/* the words that are not options */
	char			**argv;
};

/* Times the option ch was given (0: not given). */
int	 cmd_args_has(const struct cmd_args *, int);
/* The last value of option ch, or NULL; the args own it. */
const char *cmd_args_value(const struct cmd_args *, int);
/* Every value of option ch, in order (*n of them); the args own them. */
char	**cmd_args_values(const struct cmd_args *, int, size_t *);
/* Of the options in chars, the one given last; 0 if none was. */
int	 cmd_args_last(const struct cmd_args *, const char *);
/* The value of a limit option (checked by cmd_check_limit); 0 if none. */
size_t	 cmd_args_limit(const struct cmd_args *, int);

/*
 * Checks for option values: a tag (normalized), a limit (>= 0), a date
 * as the search language reads it (YYYY, YYYY-MM or YYYY-MM-DD).
 */
char	*cmd_check_tag(struct cmd_args *, const char *, char **);
char	*cmd_check_limit(struct cmd_args *, const char *, char **);
char	*cmd_check_date(struct cmd_args *, const char *, char **);

/* Options that read the same in every command, and the end of a list. */
#define CMD_OPTION_JSON	{ 'j', "json", CMD_LONG, NULL, NULL }
#define CMD_OPTION_TAG	{ 't', "tag", CMD_VALUE, cmd_check_tag, NULL }
#define CMD_OPTION_QUIET { 'q', "quiet", 0, NULL, NULL }
#define CMD_OPTION_LIMIT { 'n', "limit", CMD_VALUE, cmd_check_limit, \
	"a number" }
#define CMD_OPTION_END	{ 0, NULL, 0, NULL, NULL }

/* Exit codes. */
#define CMD_OK		0
#define CMD_FAILED	1	/* the command ran but something failed */
#define CMD_USAGE	2	/* bad arguments */

/*
 * Run the command argv[0] with its arguments: parse them as its entry
 * says, answer -h, and call it. Returns the exit code.
 */
int	 cmd_run(struct cmd_ctx *, int, char **);
/* The program's usage: the commands, then the global options. */
void	 cmd_usage_print(FILE *);
int	 cmd_usage_error(const struct cmd_entry *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Print "dossier: MESSAGE" on stderr, cleaned: it may echo outside text. */
void	 cmd_error(const char *, ...) __attribute__((format(printf, 1, 2)));
/* Print "dossier: WHAT: WHY" on stderr, both cleaned. */
void	 cmd_error_about(const char *, const char *);
/* The same message written to a stream (a worker's, to pass on in order). */
void	 cmd_error_about_to(FILE *, const char *, const char *);
/* getopt_long (no index) that reports a refused option safely itself. */
int	 cmd_getopt(int, char **, const char *, const struct option *);

/*
 * Open the store named by the context; prints the reason on failure.
 * cmd_store refuses a library that is not there ("no library at PATH");
 * cmd_store_create, for commands that add stories, makes it.
 */
struct store *cmd_store(struct cmd_ctx *);
struct store *cmd_store_create(struct cmd_ctx *);

/* cmd-print.c: print a one-line field safely (no control characters). */
void	 cmd_print_line(FILE *, const char *);
/* As cmd_print_line, cut to max bytes with "..." if longer. */
void	 cmd_print_cut(FILE *, const char *, size_t);
/* Print an address as cmd_print_line does, its password hidden. */
void	 cmd_print_url(FILE *, const char *);
void	 cmd_print_dropped(FILE *, size_t, const char *);
/* A name and its role (library_role of a title and an affiliation). */
void	 cmd_print_entity(FILE *, const char *, const char *, const char *);
/* Print tags as "  #a #b" (nothing if there are none). */
void	 cmd_print_tags(FILE *, char *const *, size_t);
struct lib_group;
/*
 * The other stories of a story's group (library.h) as "  (also in: #1
 * Herald*, #7 Wire)", the first story (whose quotes count) starred, at
 * most max named and the rest counted; nothing for a story in no group.
 */
void	 cmd_print_group(FILE *, const struct lib_group *, size_t);
/* The same as a JSON array of {"id", "outlet", "first"}. */
struct json_object *cmd_json_group(const struct lib_group *);

struct store_quote_fix;
/* What a quote's correction says: "credited to Anja Brekk" (cleaned). */
void	 cmd_print_fix(FILE *, const struct store_quote_fix *);
/*
 * A quote's correction as JSON: type "quote", story (if story), start,
 * end, placed, words, kind, fix (speaker, unnamed, not-quote), speaker
 * ({name, text, kind} or null), created.
 */
struct json_object *cmd_json_quote_fix(const struct store_quote_fix *, int);

/* Set a JSON string member, or null when the value is NULL. */
void	 cmd_json_string(struct json_object *, const char *, const char *);
/* A span as {"start": S, "end": E}. */
struct json_object *cmd_json_span(size_t, size_t);
/*
 * Add a note's span (or null), anchor, text, created and updated to an
 * object, the anchor and text as given (NULL: null).
 */
void	 cmd_json_note(struct json_object *, const struct store_note *,
	     const char *, const char *);
/* Write a string as JSON ("..." escaped, or null for NULL), no object. */
void	 cmd_json_put_string(FILE *, const char *);
/* Print an object as one line of JSON on stdout and free it; 1 on error. */
int	 cmd_json_print(struct json_object *);

/* A progress line on stderr ("importing 120/10000 (1%)"). */
struct cmd_progress {
	int		drawn;		/* a progress line is on screen */
	struct timespec	last;
};
void	 cmd_progress_draw(struct cmd_progress *, const char *, size_t,
	     size_t);
void	 cmd_progress_clear(struct cmd_progress *);

/* A story or note id from an argument; 0 if it is not one. */
int64_t	 cmd_parse_id(const char *);

/*
 * "[+]TAG" and "-TAG" arguments ("--" skipped), each checked as a tag,
 * into a change (which the caller frees with library_tag_change_free);
 * a bad one is a usage error: said, -1.
 */
int	 cmd_tag_args(const struct cmd_entry *, int, char **,
	     struct lib_tag_change *);

/* A feed named by id or address; prints why not and returns -1. */
int	 cmd_feed_id(struct store *, const char *, int64_t *);
/* Print one feed's outcome of add or fetch (failures on stderr). */
void	 cmd_feed_report(const struct feed_sync_event *, int quiet);

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

/* Markdown of outside text, read as itself (cmd-export.c). */
struct buf;
void	 cmd_export_md(struct buf *, const char *, int multiline);
/*
 * export --speaker (cmd-export-speaker.c): the dossier of the speaker a
 * name means, Markdown or JSON, to out, its quotes those that export's
 * --since, --until, --tag and --search pick (all without them). CMD_OK;
 * CMD_FAILED, said (no such name, several) or with *err (no quote
 * picked).
 */
int	 cmd_export_speaker(struct store *, FILE *, const char *,
	     const struct cmd_args *, int, char **);

/*
 * cmd-who.c: the one speaker a name means into *row (free it with
 * library_person_rows_free's rules: cmd_who_row_free), saying why not
 * (none, or the candidates): 0 or CMD_FAILED. A dossier as JSON.
 */
struct lib_person_row;
struct lib_dossier;
int	 cmd_who_find(struct store *, const char *, struct lib_person_row *);
void	 cmd_who_row_free(struct lib_person_row *);
struct json_object *cmd_who_json(const struct lib_dossier *);

/* The commands, each declared in its own file (cmd-NAME.c). */
extern const struct cmd_entry cmd_add_entry;		/* cmd-feed.c */
extern const struct cmd_entry cmd_analyze_entry;
extern const struct cmd_entry cmd_correct_entry;
extern const struct cmd_entry cmd_delete_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_extract_entry;
extern const struct cmd_entry cmd_feeds_entry;		/* cmd-feed.c */
extern const struct cmd_entry cmd_fetch_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_note_entry;
extern const struct cmd_entry cmd_opml_entry;
extern const struct cmd_entry cmd_people_entry;	/* cmd-people.c */
extern const struct cmd_entry cmd_quotes_entry;	/* cmd-who.c */
extern const struct cmd_entry cmd_remove_entry;	/* cmd-feed.c */
extern const struct cmd_entry cmd_search_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_tag_entry;
extern const struct cmd_entry cmd_tag_feed_entry;	/* cmd-tag.c */
extern const struct cmd_entry cmd_who_entry;		/* cmd-who.c */

#endif
