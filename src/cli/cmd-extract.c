/* dossier extract: entities and attributed quotes in files, no store. */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "cmd.h"
#include "extract.h"
#include "import.h"
#include "library.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* Raw text for extraction may be bigger than a saved story. */
#define EXTRACT_MAX_FILE	((size_t)256 * 1024 * 1024)
#define EXTRACT_MAX_JOBS	8

/* How extract_file analyses and prints a file. */
#define EXTRACT_RAW	0x1
#define EXTRACT_JSON	0x2

/*
 * extract's JSON is written by hand into a buffer flushed every megabyte.
 * json-c builds the JSON everywhere else; here a big text yields millions
 * of short strings, and a json-c object (or a printf) for each cost more
 * than finding them.
 */
#define JSON_FLUSH	(1024 * 1024)

static void
json_flush(FILE *out, struct buf *o)
{
	fwrite(o->data, 1, o->len, out);
	buf_reset(o);
}

/* Append n bytes; buf_add without its calls when there is room. */
static inline void
json_add(struct buf *o, const char *s, size_t n)
{
	if (o->cap - o->len <= n)
		buf_grow(o, n);
	memcpy(o->data + o->len, s, n);
	o->len += n;
	o->data[o->len] = '\0';
}

/* Append a string literal without measuring it. */
#define JSON_LIT(o, s)	json_add((o), (s), sizeof (s) - 1)

/*
 * How many of the n bytes at s need no escape in a JSON string: eight at
 * a time, as most of a text needs none (a byte < 0x20, '"' or '\\' ends
 * the run).
 */
static size_t
json_plain(const char *s, size_t n)
{
	const uint64_t	 ones = 0x0101010101010101ULL;
	const uint64_t	 highs = 0x8080808080808080ULL;
	uint64_t	 w, t;
	size_t		 i = 0;
	unsigned char	 c;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		/* a byte < 0x20, or one equal to '"' or '\\' (zero after xor),
		   sets its high bit here; bytes >= 0x80 never do */
		t = ((w - ones * 0x20) | ((w ^ ones * '"') - ones) |
		    ((w ^ ones * '\\') - ones)) & ~w & highs;
		if (t != 0)
			break;
	}
	for (; i < n; i++) {
		c = (unsigned char)s[i];
		if (c < 0x20 || c == '"' || c == '\\')
			break;
	}
	return i;
}

/* Append a JSON string, or null: the plain runs copied whole. */
static void
json_put_string(struct buf *o, const char *s, size_t n)
{
	static const char	 hex[] = "0123456789abcdef";
	char			 esc[6] = { '\\', 'u', '0', '0', 0, 0 };
	size_t			 i = 0, run;
	unsigned char		 c;

	if (s == NULL) {
		JSON_LIT(o, "null");
		return;
	}
	JSON_LIT(o, "\"");
	while (i < n) {
		run = json_plain(s + i, n - i);
		json_add(o, s + i, run);
		if ((i += run) == n)
			break;
		c = (unsigned char)s[i++];
		if (c == '"' || c == '\\' || c == '\n' || c == '\t' ||
		    c == '\r') {
			esc[1] = c == '\n' ? 'n' : c == '\t' ? 't' :
			    c == '\r' ? 'r' : (char)c;
			json_add(o, esc, 2);
		} else {
			esc[1] = 'u';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			json_add(o, esc, 6);
		}
	}
	JSON_LIT(o, "\"");
}

/* Append a C string that needs no escapes. */
static void
json_put_raw(struct buf *o, const char *s)
{
	json_add(o, s, strlen(s));
}

static void
json_put_cstring(struct buf *o, const char *s)
{
	json_put_string(o, s, s != NULL ? strlen(s) : 0);
}

/* Append a number. */
static void
json_put_num(struct buf *o, size_t v)
{
	char	tmp[24];
	size_t	i = sizeof tmp;

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	json_add(o, tmp + i, sizeof tmp - i);
}

/* Append "start":A,"end":B (the caller adds the braces). */
static void
json_put_span(struct buf *o, size_t start, size_t end)
{
	JSON_LIT(o, "\"start\":");
	json_put_num(o, start);
	JSON_LIT(o, ",\"end\":");
	json_put_num(o, end);
}

/*
 * Open the i-th object of an array: ',' after the first, the span, the
 * kind under key, and the text the span covers.
 */
static void
json_put_item(struct buf *o, size_t i, const char *text, size_t start,
    size_t end, const char *key, const char *kind)
{
	if (i > 0)
		JSON_LIT(o, ",");
	JSON_LIT(o, "{");
	json_put_span(o, start, end);
	JSON_LIT(o, ",\"");
	json_put_raw(o, key);
	JSON_LIT(o, "\":\"");
	json_put_raw(o, kind);
	JSON_LIT(o, "\",\"text\":");
	json_put_string(o, text + start, end - start);
}

/*
 * The i-th entity mention: span, type of its use, text, name, title,
 * affiliation, and the person's role as every view shows it (roles[e]:
 * the entity's, NULL for none, made once an entity and kept there).
 */
static void
json_put_mention(struct buf *o, const struct extract *x, size_t i,
    char **roles, unsigned char *made)
{
	const struct ex_mention	*m = &x->ments[i];
	const struct ex_entity	*ent = &x->ents[m->entity];

	json_put_item(o, i, x->text, m->start, m->end, "type",
	    extract_kind_name(m->kind));
	JSON_LIT(o, ",\"name\":");
	json_put_cstring(o, ent->name);
	JSON_LIT(o, ",\"title\":");
	json_put_cstring(o, m->title != NULL ? m->title : ent->title);
	if (ent->affiliation != NULL) {
		JSON_LIT(o, ",\"affiliation\":");
		json_put_cstring(o, ent->affiliation);
	}
	if (!made[m->entity]) {
		roles[m->entity] = library_role(ent->title, ent->affiliation);
		made[m->entity] = 1;
	}
	if (roles[m->entity] != NULL) {
		JSON_LIT(o, ",\"role\":");
		json_put_cstring(o, roles[m->entity]);
	}
	JSON_LIT(o, "}");
}

/* The i-th quote: span, kind, text, cue, and speaker (or null). */
static void
json_put_quote(struct buf *o, const struct extract *x, size_t i)
{
	const struct ex_quote	*q = &x->quotes[i];

	json_put_item(o, i, x->text, q->start, q->end, "kind",
	    extract_quote_kind_name(q->kind));
	if (q->continues != EX_NONE) {	/* "Q1," X said, "Q2." */
		char	n[32];

		JSON_LIT(o, ",\"continues\":");
		(void)snprintf(n, sizeof n, "%zu", q->continues);
		json_put_raw(o, n);
	}
	if (q->cue_start == EX_NONE)
		JSON_LIT(o, ",\"cue\":null");
	else {
		JSON_LIT(o, ",\"cue\":{");
		json_put_span(o, q->cue_start, q->cue_end);
		JSON_LIT(o, "}");
	}
	if (q->sp_start == EX_NONE) {
		JSON_LIT(o, ",\"speaker\":null}");
		return;
	}
	JSON_LIT(o, ",\"speaker\":{");
	json_put_span(o, q->sp_start, q->sp_end);
	JSON_LIT(o, ",\"text\":");
	json_put_string(o, x->text + q->sp_start, q->sp_end - q->sp_start);
	JSON_LIT(o, ",\"name\":");
	json_put_cstring(o, q->entity != EX_NONE ?
	    x->ents[q->entity].name : NULL);
	JSON_LIT(o, ",\"source\":\"");
	json_put_raw(o, q->source == EX_SOURCE_MEDIA ? "media" :
	    q->source == EX_SOURCE_UNNAMED ? "unnamed" :
	    q->entity != EX_NONE ? extract_kind_name(
	    x->ents[q->entity].kind) : "unknown");
	JSON_LIT(o, "\",\"medium\":");
	if (q->med_start == EX_NONE) {
		JSON_LIT(o, "null}}");
		return;
	}
	JSON_LIT(o, "{");	/* "X said Q, according to AGENCY" */
	json_put_span(o, q->med_start, q->med_end);
	JSON_LIT(o, ",\"text\":");
	json_put_string(o, x->text + q->med_start, q->med_end - q->med_start);
	JSON_LIT(o, ",\"name\":");
	json_put_cstring(o, q->med_entity != EX_NONE ?
	    x->ents[q->med_entity].name : NULL);
	JSON_LIT(o, "}}}");
}

/* One JSON object a file, as DESIGN.md gives it. */
static void
extract_json(FILE *out, const char *file, const struct extract *x)
{
	struct buf	 o;
	size_t		 i;
	char		**roles = xcalloc(x->nents + 1, sizeof *roles);
	unsigned char	*made = xcalloc(x->nents + 1, 1);

	buf_init(&o);
	JSON_LIT(&o, "{\"file\":");
	json_put_cstring(&o, file);
	JSON_LIT(&o, ",\"entities\":[");
	for (i = 0; i < x->nments; i++) {
		json_put_mention(&o, x, i, roles, made);
		if (o.len >= JSON_FLUSH)
			json_flush(out, &o);
	}
	JSON_LIT(&o, "],\"quotes\":[");
	for (i = 0; i < x->nquotes; i++) {
		json_put_quote(&o, x, i);
		if (o.len >= JSON_FLUSH)
			json_flush(out, &o);
	}
	JSON_LIT(&o, "]}\n");
	json_flush(out, &o);
	buf_free(&o);
	for (i = 0; i < x->nents; i++)
		free(roles[i]);
	free(roles);
	free(made);
}

/* Print a span of the text on one line, cleaned for the terminal. */
static void
print_span(FILE *out, const char *text, size_t start, size_t end)
{
	char	*s = utf8_clean_line(text + start, end - start);

	fputs(s, out);
	free(s);
}

/* The first part of the statement quote i belongs to. */
static size_t
quote_root(const struct extract *x, size_t i)
{
	while (x->quotes[i].continues != EX_NONE &&
	    x->quotes[i].continues < i)
		i = x->quotes[i].continues;
	return i;
}

/* For people: the cast, then each quote under its speaker. */
static void
extract_text(FILE *out, const char *file, const struct extract *x)
{
	const struct ex_entity	*e;
	const struct ex_quote	*q;
	size_t			 i, k;
	int			 any;

	fputs("== ", out);
	cmd_print_line(out, file);
	fputc('\n', out);
	for (k = 0; k < 4; k++) {
		static const char *const heads[] = {
			"People", "Organisations", "Places", "Other"
		};

		any = 0;
		for (i = 0; i < x->nents; i++) {
			e = &x->ents[i];
			if ((size_t)e->kind != k)
				continue;
			if (!any)
				fprintf(out, "%s\n", heads[k]);
			any = 1;
			fputs("  ", out);
			cmd_print_entity(out, e->name, e->title,
			    e->affiliation);
			fputc('\n', out);
		}
	}
	if (x->nquotes > 0)
		fputs("Quotes\n", out);
	for (i = 0; i < x->nquotes; i++) {
		q = &x->quotes[i];
		if (q->continues != EX_NONE && q->continues < i)
			continue;	/* printed with its first part */
		fputs("  ", out);
		if (q->entity != EX_NONE)
			cmd_print_line(out, x->ents[q->entity].name);
		else if (q->sp_start != EX_NONE)
			print_span(out, x->text, q->sp_start, q->sp_end);
		else
			fputs("(unknown)", out);
		fprintf(out, " [%s]: ", extract_quote_kind_name(q->kind));
		print_span(out, x->text, q->start, q->end);
		/* "Q1," X said, "Q2.": one statement, its parts joined */
		for (k = i + 1; k < x->nquotes && k < i + 8; k++)
			if (quote_root(x, k) == i) {
				fputs(" \xe2\x80\xa6 ", out);
				print_span(out, x->text, x->quotes[k].start,
				    x->quotes[k].end);
			}
		fputc('\n', out);
	}
}

/*
 * The text of one file to analyse, as import reads it or (raw) the file
 * itself: a new string (*len bytes), or NULL and why (*err, new) when the
 * file failed.
 */
static char *
extract_read(const char *file, int raw, size_t *len, char **err)
{
	struct article	 a;
	char		*data, *text = NULL;
	size_t		 n;

	*err = NULL;
	if (import_read_file(file, raw ? EXTRACT_MAX_FILE : IMPORT_MAX_FILE,
	    &data, &n, err) != 0)
		return NULL;
	article_init(&a);
	if (raw) {
		/* Offsets are into the file itself when it is UTF-8. */
		if (utf8_valid(data, n)) {
			text = data;
			*len = n;
			data = NULL;
		} else
			text = utf8_normalize(data, n, len);
	} else if (import_parse_bytes(file, data, n, &a, err) == 0) {
		text = a.body != NULL ? xstrdup(a.body) : xstrdup("");
		*len = a.body_len;
	}
	article_free(&a);
	free(data);
	return text;
}

/* Analyse one file, its results to out, why it failed to err; 0 or -1. */
static int
extract_file(const char *file, int flags, FILE *out, FILE *err)
{
	struct extract	 x;
	char		*text, *why;
	size_t		 len;

	if ((text = extract_read(file, flags & EXTRACT_RAW, &len,
	    &why)) == NULL) {
		cmd_error_about_to(err, file, why);
		free(why);
		return -1;
	}
	extract_run(&x, text, len);
	if (flags & EXTRACT_JSON)
		extract_json(out, file, &x);
	else
		extract_text(out, file, &x);
	extract_free(&x);
	free(text);
	return 0;
}

/*
 * Many files on more than one core: workers (processes, so that no
 * table the extractor builds once is shared) analyse every jobs-th file
 * each and send its results, framed, through a pipe; this process
 * analyses the rest and prints everything in the order of the files,
 * byte for byte what one process prints. A worker holds one file's
 * results at a time, so memory still follows the largest file, not how
 * many there are.
 */
struct extract_frame {
	uint64_t	out, err;	/* bytes of results and of messages */
	int32_t		failed;
};

/* --jobs: how many processes analyse the files. */
static char *
extract_check_jobs(struct cmd_args *args, const char *v, char **err)
{
	char	*end;
	long	 n;

	(void)args;
	n = strtol(v, &end, 10);
	if (*v < '0' || *v > '9' || *end != '\0' || n < 1 ||
	    n > EXTRACT_MAX_JOBS) {
		xasprintf(err, "bad number of jobs '%s' (1 to %d)", v,
		    EXTRACT_MAX_JOBS);
		return NULL;
	}
	return xstrdup(v);
}

/* The processes to use: --jobs, else two when there are two cores. */
static int
extract_jobs(const struct cmd_args *args)
{
	const char	*v = cmd_args_value(args, 'J');
	long		 cpus;

	if (v != NULL)
		return atoi(v);
	cpus = sysconf(_SC_NPROCESSORS_ONLN);
	return cpus >= 2 ? 2 : 1;
}

/* Write the n bytes at p to fd; 0 or -1. */
static int
extract_put(int fd, const void *p, size_t n)
{
	const char	*s = p;
	ssize_t		 w;

	while (n > 0) {
		if ((w = write(fd, s, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Read exactly n bytes from fd into p; 0, or -1 at an error or the end. */
static int
extract_get(int fd, void *p, size_t n)
{
	char	*s = p;
	ssize_t	 r;

	while (n > 0) {
		if ((r = read(fd, s, n)) <= 0) {
			if (r < 0 && errno == EINTR)
				continue;
			return -1;
		}
		s += r;
		n -= (size_t)r;
	}
	return 0;
}

/* A worker: files k, k + jobs, ... analysed, each framed to fd. */
static void
extract_worker(int fd, int argc, char **argv, int flags, int k, int jobs)
{
	struct extract_frame	 fr;
	FILE			*out, *err;
	char			*ob = NULL, *eb = NULL;
	size_t			 on = 0, en = 0;
	int			 i;

	for (i = k; i < argc; i += jobs) {
		if ((out = open_memstream(&ob, &on)) == NULL ||
		    (err = open_memstream(&eb, &en)) == NULL)
			_exit(1);
		memset(&fr, 0, sizeof fr);
		fr.failed = extract_file(argv[i], flags, out, err) != 0;
		if (fclose(out) != 0 || fclose(err) != 0)
			_exit(1);
		fr.out = on;
		fr.err = en;
		if (extract_put(fd, &fr, sizeof fr) != 0 ||
		    extract_put(fd, ob, on) != 0 ||
		    extract_put(fd, eb, en) != 0)
			_exit(1);
		free(ob);
		free(eb);
		ob = eb = NULL;
	}
	_exit(0);
}

/*
 * Print the next file a worker sent; 0 (*failed: did the file fail), or
 * -1 when the worker is gone before a whole frame: nothing is printed
 * then, and the file is analysed here.
 */
static int
extract_take(int fd, int *failed)
{
	struct extract_frame	 fr;
	char			*b;
	int			 rv = -1;

	if (extract_get(fd, &fr, sizeof fr) != 0 ||
	    fr.out > EXTRACT_MAX_FILE * 16 || fr.err > EXTRACT_MAX_FILE)
		return -1;
	b = xmalloc(fr.out + fr.err + 1);
	if (extract_get(fd, b, fr.out + fr.err) == 0) {
		fwrite(b, 1, fr.out, stdout);
		fwrite(b + fr.out, 1, fr.err, stderr);
		*failed = fr.failed;
		rv = 0;
	}
	free(b);
	return rv;
}

/* Start worker k of jobs; its pipe's read end, or -1 if none started. */
static int
extract_spawn(int argc, char **argv, int flags, int k, int jobs, int *fds,
    pid_t *pid)
{
	int	p[2], j;

	if (pipe(p) != 0)
		return -1;
#ifdef F_SETPIPE_SZ
	(void)fcntl(p[1], F_SETPIPE_SZ, 1024 * 1024);	/* run ahead more */
#endif
	if ((*pid = fork()) == 0) {
		close(p[0]);
		for (j = 1; j < k; j++)
			if (fds[j] != -1)
				close(fds[j]);
		extract_worker(p[1], argc, argv, flags, k, jobs);
	}
	close(p[1]);
	if (*pid == -1) {
		close(p[0]);
		return -1;
	}
	return p[0];
}

/* Analyse the files with jobs processes, printing in their order. */
static int
extract_parallel(int argc, char **argv, int flags, int jobs)
{
	int	fds[EXTRACT_MAX_JOBS], i, k, failed, rv = CMD_OK;
	pid_t	pids[EXTRACT_MAX_JOBS];

	if (jobs > argc)
		jobs = argc;
	fflush(stdout);
	fflush(stderr);
	for (k = 1; k < jobs; k++)
		fds[k] = extract_spawn(argc, argv, flags, k, jobs, fds,
		    &pids[k]);
	for (i = 0; i < argc; i++) {
		k = i % jobs;
		if (k != 0 && fds[k] != -1) {
			if (extract_take(fds[k], &failed) == 0) {
				if (failed)
					rv = CMD_FAILED;
				continue;
			}
			close(fds[k]);		/* gone: the rest done here */
			fds[k] = -1;
		}
		if (extract_file(argv[i], flags, stdout, stderr) != 0)
			rv = CMD_FAILED;
	}
	for (k = 1; k < jobs; k++) {
		if (fds[k] == -1)
			continue;
		close(fds[k]);
		while (waitpid(pids[k], NULL, 0) == -1 && errno == EINTR)
			;
	}
	return rv;
}

static int
cmd_extract(struct cmd_ctx *ctx, struct cmd_args *args)
{
	int	i, jobs, flags = 0, rv = CMD_OK;

	if (args->argc == 0)
		return cmd_usage_error(args->entry, "no files given");
	if (cmd_args_has(args, 'r'))
		flags |= EXTRACT_RAW;
	if (cmd_args_has(args, 'j'))
		flags |= EXTRACT_JSON;
	jobs = extract_jobs(args);
	if (jobs > 1 && args->argc > 1)
		return extract_parallel(args->argc, args->argv, flags, jobs);
	for (i = 0; i < args->argc; i++)
		if (extract_file(args->argv[i], flags, stdout, stderr) != 0)
			rv = CMD_FAILED;
	return rv;
}

static const struct cmd_option cmd_extract_options[] = {
	CMD_OPTION_JSON,
	{ 'r', "raw", CMD_LONG, NULL, NULL },
	{ 'J', "jobs", CMD_VALUE | CMD_LONG, extract_check_jobs, NULL },
	CMD_OPTION_END
};

const struct cmd_entry cmd_extract_entry = {
	"extract", "[--json] [--raw] [--jobs N] FILE...",
	"find people, organisations, places and quotes in files",
	"Run entity and quote extraction on files without touching the\n"
	"library. Each file is read as import reads it and the story's body\n"
	"is analysed; with --raw the whole file is the text. Offsets are\n"
	"UTF-8 byte offsets into that text, half-open.\n"
	"\n"
	"      --json      one JSON object per file: file, entities (start,\n"
	"                  end, type, text, name, title, affiliation, role)\n"
	"                  and quotes (start, end, kind, text, cue, speaker:\n"
	"                  start, end, text, name, source, medium; or\n"
	"                  null); medium is what carried the speaker's\n"
	"                  words (\"X said Q, according to AGENCY\": start,\n"
	"                  end, text, name), or null\n"
	"      --raw       analyse the whole file as plain text\n"
	"      --jobs N    analyse the files in N processes (1 to 8; by\n"
	"                  default 2 on a machine of two cores or more,\n"
	"                  else 1); the output is the same, in the files'\n"
	"                  order\n",
	cmd_extract_options, 0, cmd_extract
};
