/*
 * dossier: the entry point. Global options, then a subcommand from the
 * table below; with no subcommand the library is shown.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "fetch.h"
#include "plural.h"
#include "store.h"
#include "ui.h"
#include "url.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

static int	cmd_help_exec(struct cmd_ctx *, int, char **);

static const struct cmd_entry cmd_table[] = {
	{ "import", "[--tag TAG]... [--quiet] PATH...",
	  "import saved stories from files and directories",
	  "Import saved stories: plain text as browsers save it, HTML pages and\n"
	  "Markdown with YAML front matter. Directories are read recursively;\n"
	  "a symbolic link found in one is followed only if it leads inside\n"
	  "the directory named (others are reported as skipped; name them to\n"
	  "import them). Files already in the library are skipped, so\n"
	  "importing twice adds nothing. Each file's outcome is printed; a\n"
	  "file that fails is reported with its reason and the rest are still\n"
	  "imported.\n"
	  "\n"
	  "  -t, --tag TAG   add TAG to every imported story (repeatable)\n"
	  "  -q, --quiet     print only failures and the summary\n",
	  cmd_import },
	{ "add", "[--tag TAG]... [--quiet] URL...",
	  "subscribe to feeds (RSS, Atom, JSON Feed) or keep a page",
	  "Add feeds by their address. Each is fetched once to learn its\n"
	  "title and kind, and its stories are stored. An HTML page that\n"
	  "advertises a feed adds that feed; a page that advertises none is\n"
	  "kept as one story. Adding a feed twice says it exists. Addresses\n"
	  "must be http or https.\n"
	  "\n"
	  "  -t, --tag TAG   tag the feed: its stories get TAG, now and on\n"
	  "                  every later fetch (repeatable); a feed already\n"
	  "                  there gets the tag, its stories do not\n"
	  "  -q, --quiet     print only failures\n",
	  cmd_add },
	{ "fetch", "[--json] [--quiet] [--tag TAG]... [FEED]...",
	  "fetch every feed, or those named, and store new stories",
	  "Fetch feeds (by id or address, as 'dossier feeds' lists them; all\n"
	  "but pages when none is named), four at a time, and store their new\n"
	  "stories, each with its feed's tags. Each feed's outcome is printed:\n"
	  "new stories, not modified, or the reason it failed; a failed feed\n"
	  "stores nothing and the others are still fetched. Exits 1 if any\n"
	  "feed failed.\n"
	  "\n"
	  "  -t, --tag TAG   fetch the feeds tagged TAG (not pages; repeatable:\n"
	  "                  any of the tags), and those named\n"
	  "      --json      one JSON object per feed: id, url, title, kind,\n"
	  "                  status (fetched, not-modified, failed), new,\n"
	  "                  updated, error\n"
	  "  -q, --quiet     print only failures and the summary\n",
	  cmd_fetch },
	{ "feeds", "[--json]",
	  "list the feeds with their tags and last fetch",
	  "List the feeds: id, kind, stories, unread, last fetch (UTC),\n"
	  "title and address, the feed's tags, and the last error if the\n"
	  "fetch failed.\n"
	  "\n"
	  "      --json      one JSON object per feed: id, url, title, kind,\n"
	  "                  articles, unread, fetched, status, error, tags\n",
	  cmd_feeds },
	{ "tag-feed", "FEED [[+]TAG...] [-TAG...]",
	  "add, remove or show a feed's tags",
	  "Change the tags of a feed (by id or address): TAG or +TAG adds it,\n"
	  "-TAG removes it; with no TAG, print the feed's tags one a line.\n"
	  "Tags are normalized as 'dossier tag' does; a feed holds at most 32.\n"
	  "Every story stored from the feed from then on gets its tags; the\n"
	  "stories stored already keep the tags they have (change those with\n"
	  "'dossier tag'). The first tag is the feed's folder in an OPML\n"
	  "export. Saved stories takes no tags.\n",
	  cmd_tag_feed },
	{ "remove", "FEED...",
	  "remove feeds and their stories, keeping your tagged ones",
	  "Remove feeds (by id or address) and their stories. Stories you\n"
	  "tagged, annotated or starred are kept, moved to Saved stories.\n"
	  "Saved stories itself cannot be removed.\n",
	  cmd_remove },
	{ "opml", "import [--fetch] [--quiet] FILE | export",
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
	  cmd_opml },
	{ "list", "[--json] [--tag TAG] [--unread] [--limit N]",
	  "list the stories in the library, newest first",
	  "List stories, newest first: id, N if unread, date, outlet, title\n"
	  "and tags.\n"
	  "\n"
	  "      --json      one JSON object per line: id, title, outlet,\n"
	  "                  published, tags, read, starred\n"
	  "  -t, --tag TAG   only stories tagged TAG\n"
	  "  -u, --unread    only unread stories\n"
	  "  -n, --limit N   at most N stories (0: all, the default)\n",
	  cmd_list },
	{ "show", "[--json] ID",
	  "print every stored field of a story",
	  "Print a story: its header fields, lead, body (subheadings marked),\n"
	  "captions, tags, the people and quotes found in it, and notes.\n"
	  "\n"
	  "      --json      one JSON object: id, title, outlet, byline,\n"
	  "                  published, url, feed, lead, body, captions,\n"
	  "                  subheadings, tags, links, read, starred, entities,\n"
	  "                  quotes, notes\n",
	  cmd_show },
	{ "tag", "ID [[+]TAG...] [-TAG...] | --list [--json]",
	  "add, remove or show a story's tags; count every tag",
	  "Change a story's tags: TAG or +TAG adds it, -TAG removes it; with\n"
	  "no TAG, print the story's tags one a line. A tag is normalized as\n"
	  "import --tag does (\"#Iran Russia\" is iran-russia): at most 64\n"
	  "bytes, not starting with '-' or '+'; a story holds at most 100.\n"
	  "What changed is printed. An unknown story is an error (exit 1).\n"
	  "\n"
	  "      --list      every tag with the number of its stories\n"
	  "      --json      with --list: one JSON object per line (tag, count)\n",
	  cmd_tag },
	{ "note", "ID [--passage WORDS] TEXT | --edit NOTE TEXT | "
	  "--delete NOTE | --list [--json] [ID]",
	  "annotate a story or a passage; change, delete or list notes",
	  "Add a note to story ID, on the whole story or, with --passage, on\n"
	  "the first place its body has those exact words. TEXT is the words\n"
	  "after the id (joined by spaces), or - to read it from stdin; it is\n"
	  "cleaned of control characters and holds at most 64 KiB. The new\n"
	  "note's id is printed.\n"
	  "\n"
	  "  -p, --passage WORDS  anchor the note on these words of the body\n"
	  "  -e, --edit NOTE      give note NOTE the new TEXT\n"
	  "  -d, --delete NOTE    delete note NOTE\n"
	  "  -l, --list           list story ID's notes in story order, or\n"
	  "                       every note, most recently changed first\n"
	  "      --json           with --list: one JSON object per line: id,\n"
	  "                       story, title, span, anchor, note, created,\n"
	  "                       updated (seconds since 1970)\n",
	  cmd_note },
	{ "export", "[--format markdown|json | --json] [--tag TAG] "
	  "[--output FILE]",
	  "export tagged and annotated stories with their notes",
	  "Write every story that has tags or notes (with --tag, every story\n"
	  "with that tag), newest first: title, outlet, byline, date, URL,\n"
	  "tags, and each note with the passage it covers.\n"
	  "\n"
	  "  -f, --format FMT     markdown (the default: for people, the\n"
	  "                       stories' text escaped) or json (one object\n"
	  "                       per story per line: id, title, outlet,\n"
	  "                       byline, published, url, tags, notes)\n"
	  "      --json           the same as --format json\n"
	  "  -t, --tag TAG        only the stories tagged TAG\n"
	  "  -o, --output FILE    write FILE whole or not at all (a temporary\n"
	  "                       file renamed over it) instead of stdout;\n"
	  "                       only a regular file of yours is replaced,\n"
	  "                       keeping its mode (not a symbolic link, a\n"
	  "                       device or a FIFO); - is stdout\n",
	  cmd_export },
	{ "search", "[--json] [--count] [--limit N] QUERY...",
	  "find stories by their words, outlet, tags, speakers and dates",
	  "Print the stories that match QUERY, newest first: id, date, outlet\n"
	  "and title, then a line around the words that matched (marked in\n"
	  "[brackets], or bold on a terminal). Options come before QUERY;\n"
	  "'--' ends them.\n"
	  "\n"
	  "  word           stories with the word in any form (drone finds\n"
	  "                 drones; words are ANDed) in the headline, lead,\n"
	  "                 body or captions; case and accents do not matter\n"
	  "  '\"drones\"'     the exact word; '\"a phrase\"' these exact words in\n"
	  "                 this order (quote the quotes in a shell)\n"
	  "  dron*          a word that starts with 'dron' as written\n"
	  "  -word -\"a b\"   leave out stories with the word or phrase\n"
	  "  a OR b         either one; OR binds tighter than AND\n"
	  "  title:WORD     the word (or \"phrase\") in the title\n"
	  "  outlet:TEXT    outlet name containing TEXT (any case or accents)\n"
	  "  by:TEXT        byline containing TEXT (any case or accents)\n"
	  "  speaker:NAME   stories quoting someone whose name contains NAME\n"
	  "                 (speaker:erdogan finds Erdo\xc4\x9f" "an)\n"
	  "  tag:TAG        stories tagged TAG; tag:TAG* a tag starting TAG\n"
	  "  is:unread  is:read  is:starred\n"
	  "  after:DATE     published on or after DATE (YYYY-MM-DD, YYYY-MM\n"
	  "                 or YYYY); before:DATE  published before DATE\n"
	  "Any of these can be left out with a leading '-' (-tag:sport).\n"
	  "\n"
	  "      --json      one JSON object per line: id, title, outlet,\n"
	  "                  published, snippet (plain text)\n"
	  "  -c, --count     print only how many stories match (with\n"
	  "                  --json, as {\"count\": N})\n"
	  "  -n, --limit N   at most N stories (0: all, the default)\n"
	  "\n"
	  "Exit status: 0 if a story matched, 1 if none did, 2 on an error\n"
	  "(a search that does not parse, such as an empty one).\n",
	  cmd_search },
	{ "extract", "[--json] [--raw] FILE...",
	  "find people, organisations, places and quotes in files",
	  "Run entity and quote extraction on files without touching the\n"
	  "library. Each file is read as import reads it and the story's body\n"
	  "is analysed; with --raw the whole file is the text. Offsets are\n"
	  "UTF-8 byte offsets into that text, half-open.\n"
	  "\n"
	  "      --json      one JSON object per file: file, entities (start,\n"
	  "                  end, type, text, name, title) and quotes (start,\n"
	  "                  end, kind, text, cue, speaker: start, end, text,\n"
	  "                  name, source; or null)\n"
	  "      --raw       analyse the whole file as plain text\n",
	  cmd_extract },
	{ "help", "[--keys] [COMMAND]",
	  "show help for dossier or for a command",
	  "Show the list of commands, or the help of one command.\n"
	  "\n"
	  "      --keys      list the screen's operations, their default keys\n"
	  "                  and what they do\n",
	  cmd_help_exec },
};

#define CMD_COUNT (sizeof cmd_table / sizeof cmd_table[0])

const struct cmd_entry *
cmd_find(const char *name)
{
	size_t	i;

	for (i = 0; i < CMD_COUNT; i++)
		if (strcmp(cmd_table[i].name, name) == 0)
			return &cmd_table[i];
	return NULL;
}

/* Print a command's usage and help. */
void
cmd_help(FILE *f, const struct cmd_entry *c)
{
	fprintf(f, "usage: dossier [--db PATH] %s %s\n\n%s", c->name,
	    c->usage, c->help);
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

static void
usage(FILE *f)
{
	size_t	i;

	fputs("usage: dossier [--db PATH] [COMMAND [ARGS]]\n"
	    "\n"
	    "A terminal reader for geopolitics news that shows who said what.\n"
	    "With no command, shows the library.\n"
	    "\n"
	    "Commands:\n", f);
	for (i = 0; i < CMD_COUNT; i++)
		fprintf(f, "  %-8s %s\n", cmd_table[i].name,
		    cmd_table[i].summary);
	fputs("\n"
	    "Options:\n"
	    "      --db PATH   use the library at PATH instead of\n"
	    "                  $XDG_DATA_HOME/dossier/dossier.db\n"
	    "  -h, --help      show this help\n"
	    "  -V, --version   show the version\n"
	    "\n"
	    "Run 'dossier help COMMAND' for a command's options.\n", f);
}

static int
cmd_help_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry	*c;

	if (argc >= 2 && strcmp(argv[1], "--keys") == 0) {
		ui_keys_print(stdout);
		return CMD_OK;
	}
	if (argc < 2) {
		usage(stdout);
		return CMD_OK;
	}
	/* Like every command, help takes -h: "dossier help --help". */
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
		argv[1] = "help";
	if ((c = cmd_find(argv[1])) == NULL) {
		cmd_error("'%s' is not a command; see 'dossier --help'",
		    argv[1]);
		return CMD_USAGE;
	}
	cmd_help(stdout, c);
	return CMD_OK;
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

void
cmd_print_line(FILE *f, const char *s)
{
	char	*clean;

	if (s == NULL)
		return;
	clean = utf8_clean_line(s, strlen(s));
	fputs(clean, f);
	free(clean);
}

void
cmd_print_url(FILE *f, const char *url)
{
	char	*shown;

	if (url == NULL)
		return;
	shown = url_redact(url);
	cmd_print_line(f, shown);
	free(shown);
}

/* After a report line: how many addresses were dropped, and the first. */
void
cmd_print_dropped(FILE *f, size_t n, const char *first)
{
	if (n == 0)
		return;
	fprintf(f, "; %zu %s dropped", n, plural((long long)n, "address",
	    "addresses"));
	if (first != NULL) {
		fputs(n == 1 ? ": " : ", the first ", f);
		cmd_print_line(f, first);
	}
}

/* Print "Name, Title (Affiliation)", each part safely, on one line. */
void
cmd_print_entity(FILE *f, const char *name, const char *title,
    const char *affiliation)
{
	cmd_print_line(f, name);
	if (title != NULL) {
		fputs(", ", f);
		cmd_print_line(f, title);
	}
	if (affiliation != NULL) {
		fputs(" (", f);
		cmd_print_line(f, affiliation);
		fputc(')', f);
	}
}

/*
 * Fail if standard output could not be written whole (a full disk, a
 * closed pipe). The error of a write that failed earlier is gone by now,
 * so an error seen only in the stream's flag is a plain write error.
 */
static int
stdout_check(int rv)
{
	errno = 0;
	if (fflush(stdout) != 0) {
		fprintf(stderr, "dossier: stdout: %s\n", strerror(errno));
		return CMD_FAILED;
	}
	if (ferror(stdout)) {
		fputs("dossier: stdout: write error\n", stderr);
		return CMD_FAILED;
	}
	return rv;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db",		required_argument,	NULL, 'd' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_ctx		 ctx = { NULL, NULL };
	const struct cmd_entry	*c;
	char			*prog;
	int			 ch, rv;

	setlocale(LC_ALL, "");
	/* Stop at the first non-option: it is the subcommand. */
	while ((ch = cmd_getopt(argc, argv, "+hV", longopts)) != -1) {
		switch (ch) {
		case 'd':
			if (*optarg == '\0') {
				fputs("dossier: --db needs a path\n", stderr);
				return CMD_USAGE;
			}
			ctx.db_path = optarg;
			break;
		case 'h':
			usage(stdout);
			return stdout_check(CMD_OK);
		case 'V':
			printf("dossier %s\n", PACKAGE_VERSION);
			return stdout_check(CMD_OK);
		default:
			usage(stderr);
			return CMD_USAGE;
		}
	}
	argc -= optind;
	argv += optind;

	if (argc == 0) {
		if (cmd_store_create(&ctx) == NULL)
			return CMD_FAILED;
		rv = ui_main(ctx.store);
		store_close(ctx.store);
		return rv;
	}
	if ((c = cmd_find(argv[0])) == NULL) {
		cmd_error("'%s' is not a command; see 'dossier --help'",
		    argv[0]);
		return CMD_USAGE;
	}
	optind = 0;	/* let the subcommand parse its own options */
	/* getopt names the program in its messages: "dossier list: ..." */
	xasprintf(&prog, "dossier %s", c->name);
	argv[0] = prog;
	rv = c->exec(&ctx, argc, argv);
	store_close(ctx.store);
	free(prog);
	return stdout_check(rv);
}

/* Take the progress line off the screen, if one is there. */
void
cmd_progress_clear(struct cmd_progress *p)
{
	if (p->drawn) {
		fputs("\r\033[K", stderr);
		p->drawn = 0;
	}
}

/* Redraw "VERB done/total (n%)" at most ten times a second. */
void
cmd_progress_draw(struct cmd_progress *p, const char *verb, size_t done,
    size_t total)
{
	struct timespec	now;
	long		ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (now.tv_sec - p->last.tv_sec) * 1000 +
	    (now.tv_nsec - p->last.tv_nsec) / 1000000;
	if (ms < 100 && done != total)
		return;
	p->last = now;
	fprintf(stderr, "\r\033[K%s %zu/%zu (%zu%%)", verb, done, total,
	    total ? done * 100 / total : 100);
	fflush(stderr);
	p->drawn = 1;
}
