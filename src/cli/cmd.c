/*
 * The commands: the table of them, one parser of every command's options
 * (from the command's own declaration), -h and --help, usage errors, and
 * the helpers every command shares: the library opened, ids, +TAG/-TAG
 * arguments, feed ids (what they print safely is cmd-print.c's). "dossier
 * help" lives here too, since it reads the table.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fetch.h"
#include "library.h"
#include "search.h"
#include "store.h"
#include "ui.h"
#include "xmalloc.h"
#include "banned.h"

static int	cmd_help_exec(struct cmd_ctx *, struct cmd_args *);

static const struct cmd_entry cmd_help_entry = {
	"help", "[--keys] [COMMAND]",
	"show help for dossier or for a command",
	"Show the list of commands, or the help of one command.\n"
	"\n"
	"      --keys      list the screen's operations, their default keys\n"
	"                  and what they do\n",
	NULL, CMD_WORDS, cmd_help_exec
};

/* In the order 'dossier --help' lists them. */
static const struct cmd_entry *const cmd_table[] = {
	&cmd_import_entry,
	&cmd_add_entry,
	&cmd_fetch_entry,
	&cmd_feeds_entry,
	&cmd_tag_feed_entry,
	&cmd_remove_entry,
	&cmd_opml_entry,
	&cmd_list_entry,
	&cmd_show_entry,
	&cmd_tag_entry,
	&cmd_note_entry,
	&cmd_delete_entry,
	&cmd_correct_entry,
	&cmd_export_entry,
	&cmd_search_entry,
	&cmd_people_entry,
	&cmd_who_entry,
	&cmd_quotes_entry,
	&cmd_analyze_entry,
	&cmd_extract_entry,
	&cmd_help_entry,
};

#define CMD_COUNT (sizeof cmd_table / sizeof cmd_table[0])

/* The command called name, or NULL. */
static const struct cmd_entry *
cmd_find(const char *name)
{
	size_t	i;

	for (i = 0; i < CMD_COUNT; i++)
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
	return NULL;
}

/* Print a command's usage and help. */
static void
cmd_help(FILE *f, const struct cmd_entry *c)
{
	fprintf(f, "usage: dossier [--db PATH] %s %s\n\n%s", c->name,
	    c->usage, c->help);
}

void
cmd_usage_print(FILE *f)
{
	size_t	i;

	fputs("usage: dossier [--db PATH] [COMMAND [ARGS]]\n"
	    "\n"
	    "A terminal reader for geopolitics news that shows who said what.\n"
	    "With no command, shows the library.\n"
	    "\n"
	    "Commands:\n", f);
	for (i = 0; i < CMD_COUNT; i++)
		fprintf(f, "  %-8s %s\n", cmd_table[i]->name,
		    cmd_table[i]->summary);
	fputs("\n"
	    "Options:\n"
	    "      --db PATH   use the library at PATH instead of\n"
	    "                  $XDG_DATA_HOME/dossier/dossier.db\n"
	    "  -h, --help      show this help\n"
	    "  -V, --version   show the version\n"
	    "\n"
	    "Run 'dossier help COMMAND' for a command's options.\n", f);
}

/* dossier help [--keys] [COMMAND] */
static int
cmd_help_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	const struct cmd_entry	*c;

	if (args->argc >= 1 && strcmp(args->argv[0], "--keys") == 0) {
		ui_keys_print(stdout);
		return CMD_OK;
	}
	if (args->argc < 1) {
		cmd_usage_print(stdout);
		return CMD_OK;
	}
	if ((c = cmd_find(args->argv[0])) == NULL) {
		cmd_error("'%s' is not a command; see 'dossier --help'",
		    args->argv[0]);
		return CMD_USAGE;
	}
	cmd_help(stdout, c);
	return CMD_OK;
}

/* Print "dossier: MESSAGE" on stderr, the message on one line, cleaned. */
static void
cmd_verror(const char *fmt, va_list ap)
{
	char	*msg;

	xvasprintf(&msg, fmt, ap);
	fputs("dossier: ", stderr);
	cmd_print_line(stderr, msg);
	fputc('\n', stderr);
	free(msg);
}

void
cmd_error(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	cmd_verror(fmt, ap);
	va_end(ap);
}

/* "dossier: WHAT: WHY". */
void
cmd_error_about(const char *what, const char *why)
{
	cmd_error_about_to(stderr, what, why);
}

/* cmd_error_about's message, written to f. */
void
cmd_error_about_to(FILE *f, const char *what, const char *why)
{
	fputs("dossier: ", f);
	cmd_print_line(f, what);
	fputs(": ", f);
	cmd_print_line(f, why);
	fputc('\n', f);
}

/* Say what was wrong with the arguments and how the command is used. */
int
cmd_usage_error(const struct cmd_entry *c, const char *fmt, ...)
{
	va_list	ap;

	/* NULL: cmd_getopt has said what was wrong; only the usage is left. */
	if (fmt != NULL) {
		va_start(ap, fmt);
		cmd_verror(fmt, ap);
		va_end(ap);
	}
	fprintf(stderr, "usage: dossier %s %s\n", c->name, c->usage);
	return CMD_USAGE;
}

/* The long option that arg ("--name" or "--name=value") names, if one. */
static const struct option *
cmd_long_option(const struct option *longopts, const char *arg, int *n)
{
	const struct option	*o, *found = NULL;
	size_t			 len;

	*n = 0;
	if (strncmp(arg, "--", 2) != 0)
		return NULL;
	arg += 2;
	len = strcspn(arg, "=");
	for (o = longopts; o->name != NULL; o++) {
		if (strncmp(o->name, arg, len) != 0)
			continue;
		if (o->name[len] == '\0') {
			*n = 1;
			return o;
		}
		(*n)++;
		found = o;
	}
	return found;
}

/* Say, as getopt would, which option was refused; its text cleaned. */
static void
cmd_option_error(char **argv, const char *optstring,
    const struct option *longopts)
{
	const struct option	*o;
	const char		*arg;
	char			 c[8];
	int			 n;

	arg = optind > 0 ? argv[optind - 1] : "";
	o = cmd_long_option(longopts, arg, &n);
	cmd_print_line(stderr, argv[0]);
	fputs(": ", stderr);
	if (optopt == 0 || (o != NULL && o->val == optopt)) {
		if (optopt == 0 && n > 1)
			fputs("option '", stderr);
		else if (optopt == 0)
			fputs("unrecognized option '", stderr);
		else
			fprintf(stderr, "option '--%s", o->name);
		if (optopt == 0)
			cmd_print_line(stderr, arg);
		fputs(optopt == 0 && n > 1 ? "' is ambiguous\n" :
		    optopt == 0 ? "'\n" : o->has_arg == no_argument ?
		    "' doesn't allow an argument\n" :
		    "' requires an argument\n", stderr);
		return;
	}
	if (optopt > 0x20 && optopt < 0x7f)
		snprintf(c, sizeof c, "'%c'", optopt);
	else
		snprintf(c, sizeof c, "0x%02x", (unsigned)optopt & 0xff);
	fprintf(stderr, "%s -- %s\n", strchr(optstring, optopt) != NULL &&
	    optopt != ':' ? "option requires an argument" : "invalid option",
	    c);
}

/*
 * getopt_long, but the message for a refused option is dossier's own:
 * getopt's echoes the argument raw, and a file name that a shell glob
 * passes can start with '-' and hold escape sequences.
 */
int
cmd_getopt(int argc, char **argv, const char *optstring,
    const struct option *longopts)
{
	int	ch;

	opterr = 0;
	ch = getopt_long(argc, argv, optstring, longopts, NULL);
	if (ch == '?')
		cmd_option_error(argv, optstring, longopts);
	return ch;
}

/* The index of option ch in the entry, or -1. */
static int
cmd_option_index(const struct cmd_entry *c, int ch)
{
	int	i;

	for (i = 0; c->options != NULL && c->options[i].ch != 0; i++)
		if (c->options[i].ch == ch)
			return i;
	return -1;
}

/*
 * Keep option i, given with value (NULL for a flag) after checking it;
 * -1 when the check refused it (said, with the usage).
 */
static int
cmd_args_add(struct cmd_args *args, int i, const char *value)
{
	const struct cmd_option	*o = &args->entry->options[i];
	struct cmd_optvals	*ov = &args->opt[i];
	char			*v = NULL, *err = NULL;

	if (value != NULL) {
		if (o->check == NULL)
			v = xstrdup(value);
		else if ((v = o->check(args, value, &err)) == NULL) {
			cmd_usage_error(args->entry, "%s", err);
			free(err);
			return -1;
		}
		ov->v = xreallocarray(ov->v, ov->n + 1, sizeof *ov->v);
		ov->v[ov->n] = v;
	}
	ov->n++;
	ov->seq = ++args->seq;
	return 0;
}

/*
 * Read options as getopt_long does, from the entry's declaration;
 * -1 usage error, 1 help given, 0 read (args->argv the words left).
 */
static int
cmd_parse_getopt(struct cmd_args *args, int argc, char **argv)
{
	const struct cmd_entry	*c = args->entry;
	const struct cmd_option	*o;
	struct option		*longopts;
	char			*optstring;
	size_t			 n, nl = 0, ns = 0;
	int			 ch, i, rv = 0;

	for (n = 0; c->options != NULL && c->options[n].ch != 0; n++)
		;
	longopts = xcalloc(n + 2, sizeof *longopts);
	optstring = xcalloc(2 * n + 2, 1);
	for (o = c->options; o != NULL && o->ch != 0; o++) {
		if (o->name != NULL) {
			longopts[nl].name = o->name;
			longopts[nl].has_arg = o->flags & CMD_VALUE ?
			    required_argument : no_argument;
			longopts[nl++].val = o->ch;
		}
		if (!(o->flags & CMD_LONG)) {
			optstring[ns++] = (char)o->ch;
			if (o->flags & CMD_VALUE)
				optstring[ns++] = ':';
		}
	}
	longopts[nl].name = "help";
	longopts[nl].val = 'h';
	optstring[ns] = 'h';
	while (rv == 0 && (ch = cmd_getopt(argc, argv, optstring,
	    longopts)) != -1) {
		if (ch == 'h') {
			cmd_help(stdout, c);
			rv = 1;
		} else if ((i = cmd_option_index(c, ch)) < 0) {
			cmd_usage_error(c, NULL);
			rv = -1;
		} else if (cmd_args_add(args, i, c->options[i].flags &
		    CMD_VALUE ? optarg : NULL) != 0)
			rv = -1;
	}
	args->argc = argc - optind;
	args->argv = argv + optind;
	free(longopts);
	free(optstring);
	return rv;
}

/*
 * Is word option o of a CMD_QUERY command? *value is what follows it:
 * "--name=V", or "-cV" when V is a number (-nato is a word to leave out).
 */
static int
cmd_query_option(const struct cmd_option *o, const char *word,
    const char **value)
{
	size_t	len;

	*value = NULL;
	if (o->name != NULL && strncmp(word, "--", 2) == 0) {
		len = strlen(o->name);
		if (strncmp(word + 2, o->name, len) != 0)
			return 0;
		if (word[2 + len] == '=' && (o->flags & CMD_VALUE))
			*value = word + 3 + len;
		return word[2 + len] == '\0' || *value != NULL;
	}
	if ((o->flags & CMD_LONG) || word[0] != '-' || word[1] != o->ch)
		return 0;
	if (word[2] >= '0' && word[2] <= '9' && (o->flags & CMD_VALUE))
		*value = word + 2;
	return word[2] == '\0' || *value != NULL;
}

/* Read the options in front of a CMD_QUERY command's words. */
static int
cmd_parse_query(struct cmd_args *args, int argc, char **argv)
{
	const struct cmd_entry	*c = args->entry;
	const struct cmd_option	*o;
	const char		*a, *v;
	int			 i, k;

	for (i = 1; i < argc; i++) {
		a = argv[i];
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			cmd_help(stdout, c);
			return 1;
		}
		for (k = 0; (o = &c->options[k])->ch != 0; k++)
			if (cmd_query_option(o, a, &v))
				break;
		if (o->ch == 0 && strncmp(a, "--", 2) == 0) {
			cmd_usage_error(c, "unknown option '%s'", a);
			return -1;
		}
		if (o->ch == 0)
			break;
		if ((o->flags & CMD_VALUE) && v == NULL) {
			if (++i == argc) {
				cmd_usage_error(c, "%s needs %s", a,
				    o->missing);
				return -1;
			}
			v = argv[i];
		}
		if (cmd_args_add(args, k, v) != 0)
			return -1;
	}
	args->argc = argc - i;
	args->argv = argv + i;
	return 0;
}

/* Parse a command's arguments into args; as cmd_parse_getopt. */
static int
cmd_args_parse(struct cmd_args *args, int argc, char **argv)
{
	const struct cmd_entry	*c = args->entry;

	if (c->flags & CMD_QUERY)
		return cmd_parse_query(args, argc, argv);
	if (!(c->flags & CMD_WORDS))
		return cmd_parse_getopt(args, argc, argv);
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		cmd_help(stdout, c);
		return 1;
	}
	args->argc = argc - 1;
	args->argv = argv + 1;
	return 0;
}

static void
cmd_args_free(struct cmd_args *args)
{
	size_t	i, j;

	for (i = 0; args->entry->options != NULL &&
	    args->entry->options[i].ch != 0; i++) {
		for (j = 0; j < args->opt[i].n && args->opt[i].v != NULL; j++)
			free(args->opt[i].v[j]);
		free(args->opt[i].v);
	}
	free(args->opt);
}

int
cmd_run(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry	*c;
	struct cmd_args		 args;
	char			*prog;
	size_t			 n = 0;
	int			 rv;

	if ((c = cmd_find(argv[0])) == NULL) {
		cmd_error("'%s' is not a command; see 'dossier --help'",
		    argv[0]);
		return CMD_USAGE;
	}
	while (c->options != NULL && c->options[n].ch != 0)
		n++;
	memset(&args, 0, sizeof args);
	args.entry = c;
	args.opt = xcalloc(n + 1, sizeof *args.opt);
	optind = 0;	/* a fresh getopt for the command's options */
	/* getopt names the program in its messages: "dossier list: ..." */
	xasprintf(&prog, "dossier %s", c->name);
	argv[0] = prog;
	rv = cmd_args_parse(&args, argc, argv);
	if (rv == 0)
		rv = c->exec(ctx, &args);
	else
		rv = rv > 0 ? CMD_OK : CMD_USAGE;
	cmd_args_free(&args);
	free(prog);
	return rv;
}

int
cmd_args_has(const struct cmd_args *args, int ch)
{
	int	i = cmd_option_index(args->entry, ch);

	return i < 0 ? 0 : (int)args->opt[i].n;
}

const char *
cmd_args_value(const struct cmd_args *args, int ch)
{
	int	i = cmd_option_index(args->entry, ch);

	if (i < 0 || args->opt[i].n == 0 || args->opt[i].v == NULL)
		return NULL;
	return args->opt[i].v[args->opt[i].n - 1];
}

char **
cmd_args_values(const struct cmd_args *args, int ch, size_t *n)
{
	int	i = cmd_option_index(args->entry, ch);

	*n = i < 0 || args->opt[i].v == NULL ? 0 : args->opt[i].n;
	return *n > 0 ? args->opt[i].v : NULL;
}

int
cmd_args_last(const struct cmd_args *args, const char *chars)
{
	int	i, last = 0, seq = 0;

	for (; *chars != '\0'; chars++) {
		i = cmd_option_index(args->entry, *chars);
		if (i >= 0 && args->opt[i].n > 0 && args->opt[i].seq > seq) {
			seq = args->opt[i].seq;
			last = *chars;
		}
	}
	return last;
}

/* A limit: a number >= 0. */
static int
cmd_limit_parse(const char *arg, size_t *limit)
{
	char		*end;
	long long	 n;

	errno = 0;
	n = strtoll(arg, &end, 10);
	if (errno != 0 || *end != '\0' || end == arg || n < 0)
		return -1;
	*limit = (size_t)n;
	return 0;
}

size_t
cmd_args_limit(const struct cmd_args *args, int ch)
{
	const char	*v = cmd_args_value(args, ch);
	size_t		 limit = 0;

	if (v != NULL)
		cmd_limit_parse(v, &limit);
	return limit;
}

char *
cmd_check_limit(struct cmd_args *args, const char *v, char **err)
{
	size_t	limit;

	if (cmd_limit_parse(v, &limit) != 0) {
		xasprintf(err, "bad limit '%s'", v);
		return NULL;
	}
	return xstrdup(v);
}

/* --since and --until: a date as the search language reads it. */
char *
cmd_check_date(struct cmd_args *args, const char *v, char **err)
{
	int64_t	a, b;

	if (search_period(v, &a, &b) != 0) {
		xasprintf(err, "bad date '%s' (use YYYY, YYYY-MM or"
		    " YYYY-MM-DD)", v);
		return NULL;
	}
	return xstrdup(v);
}

/* The rules of 'dossier tag', so that it can undo what --tag did. */
char *
cmd_check_tag(struct cmd_args *args, const char *v, char **err)
{
	return library_tag_parse(v, err);
}

/* Parse a story or note id; 0 if it is not one. */
int64_t
cmd_parse_id(const char *s)
{
	char		*end;
	long long	 id;

	errno = 0;
	id = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || end == s || id <= 0)
		return 0;
	return (int64_t)id;
}

int
cmd_tag_args(const struct cmd_entry *self, int argc, char **argv,
    struct lib_tag_change *c)
{
	char	*t, *err = NULL;
	int	 i;

	memset(c, 0, sizeof *c);
	for (i = 0; i < argc; i++) {
		const char *arg = argv[i];

		if (strcmp(arg, "--") == 0)
			continue;
		if ((t = library_tag_parse(arg + (*arg == '+' ||
		    *arg == '-'), &err)) == NULL) {
			cmd_usage_error(self, "%s", err);
			free(err);
			library_tag_change_free(c);
			return -1;
		}
		if (*arg == '-') {
			c->del = xreallocarray(c->del, c->ndel + 1,
			    sizeof *c->del);
			c->del[c->ndel++] = t;
		} else {
			c->add = xreallocarray(c->add, c->nadd + 1,
			    sizeof *c->add);
			c->add[c->nadd++] = t;
		}
	}
	return 0;
}

/* Keep the id of the feed found. */
static int
feed_id_row(const struct store_feed *f, void *arg)
{
	*(int64_t *)arg = f->id;
	return 1;
}

int
cmd_feed_id(struct store *s, const char *arg, int64_t *id)
{
	char	*end, *err = NULL, *norm;
	long long v;
	int	 rc;

	errno = 0;
	v = strtoll(arg, &end, 10);
	if (*arg >= '0' && *arg <= '9' && *end == '\0' && errno == 0 &&
	    v > 0)
		rc = store_feed_list(s, (int64_t)v, NULL, feed_id_row, id,
		    &err);
	else {
		/* As written, else as the library spells addresses. */
		rc = store_feed_list(s, 0, arg, feed_id_row, id, &err);
		if (rc == 1 && (norm = fetch_url_normalize(arg)) != NULL) {
			rc = store_feed_list(s, 0, norm, feed_id_row, id,
			    &err);
			free(norm);
		}
	}
	if (rc < 0) {
		cmd_error("%s", err);
		free(err);
		return -1;
	}
	if (rc == 1) {
		fputs("dossier: ", stderr);
		cmd_print_url(stderr, arg);
		fputs(": no such feed; see 'dossier feeds'\n", stderr);
		return -1;
	}
	return 0;
}

/*
 * Open the library; only what adds stories (and the screen, which
 * greets an empty library) may create it: a mistyped --db must not
 * leave an empty library behind.
 */
static struct store *
cmd_store_mode(struct cmd_ctx *ctx, int create)
{
	char	*path, *err = NULL;

	if (ctx->store != NULL)
		return ctx->store;
	path = ctx->db_path != NULL ? xstrdup(ctx->db_path) :
	    store_default_path();
	ctx->store = create ? store_open(path, &err) :
	    store_open_existing(path, &err);
	if (ctx->store == NULL) {
		cmd_error("%s", err);
		free(err);
	}
	free(path);
	return ctx->store;
}

struct store *
cmd_store(struct cmd_ctx *ctx)
{
	return cmd_store_mode(ctx, 0);
}

struct store *
cmd_store_create(struct cmd_ctx *ctx)
{
	return cmd_store_mode(ctx, 1);
}
