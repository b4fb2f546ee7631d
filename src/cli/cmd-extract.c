/* dossier extract: entities and attributed quotes in files, no store. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/*
 * extract's JSON is written by hand into a buffer flushed every megabyte.
 * json-c builds the JSON everywhere else; here a big text yields millions
 * of short strings, and a json-c object (or a printf) for each cost more
 * than finding them.
 */
#define JSON_FLUSH	(1024 * 1024)

static void
json_flush(struct buf *o)
{
	fwrite(o->data, 1, o->len, stdout);
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
extract_json(const char *file, const struct extract *x)
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
			json_flush(&o);
	}
	JSON_LIT(&o, "],\"quotes\":[");
	for (i = 0; i < x->nquotes; i++) {
		json_put_quote(&o, x, i);
		if (o.len >= JSON_FLUSH)
			json_flush(&o);
	}
	JSON_LIT(&o, "]}\n");
	json_flush(&o);
	buf_free(&o);
	for (i = 0; i < x->nents; i++)
		free(roles[i]);
	free(roles);
	free(made);
}

/* Print a span of the text on one line, cleaned for the terminal. */
static void
print_span(const char *text, size_t start, size_t end)
{
	char	*s = utf8_clean_line(text + start, end - start);

	fputs(s, stdout);
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
extract_text(const char *file, const struct extract *x)
{
	const struct ex_entity	*e;
	const struct ex_quote	*q;
	size_t			 i, k;
	int			 any;

	fputs("== ", stdout);
	cmd_print_line(stdout, file);
	putchar('\n');
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
				printf("%s\n", heads[k]);
			any = 1;
			fputs("  ", stdout);
			cmd_print_entity(stdout, e->name, e->title,
			    e->affiliation);
			putchar('\n');
		}
	}
	if (x->nquotes > 0)
		puts("Quotes");
	for (i = 0; i < x->nquotes; i++) {
		q = &x->quotes[i];
		if (q->continues != EX_NONE && q->continues < i)
			continue;	/* printed with its first part */
		fputs("  ", stdout);
		if (q->entity != EX_NONE)
			cmd_print_line(stdout, x->ents[q->entity].name);
		else if (q->sp_start != EX_NONE)
			print_span(x->text, q->sp_start, q->sp_end);
		else
			fputs("(unknown)", stdout);
		printf(" [%s]: ", extract_quote_kind_name(q->kind));
		print_span(x->text, q->start, q->end);
		/* "Q1," X said, "Q2.": one statement, its parts joined */
		for (k = i + 1; k < x->nquotes && k < i + 8; k++)
			if (quote_root(x, k) == i) {
				fputs(" \xe2\x80\xa6 ", stdout);
				print_span(x->text, x->quotes[k].start,
				    x->quotes[k].end);
			}
		putchar('\n');
	}
}

/*
 * The text of one file to analyse, as import reads it or (raw) the file
 * itself: a new string (*len bytes), or NULL when the file failed (said).
 */
static char *
extract_read(const char *file, int raw, size_t *len)
{
	struct article	 a;
	char		*data, *text = NULL, *err = NULL;
	size_t		 n;

	if (import_read_file(file, raw ? EXTRACT_MAX_FILE : IMPORT_MAX_FILE,
	    &data, &n, &err) != 0) {
		cmd_error_about(file, err);
		free(err);
		return NULL;
	}
	article_init(&a);
	if (raw) {
		/* Offsets are into the file itself when it is UTF-8. */
		if (utf8_valid(data, n)) {
			text = data;
			*len = n;
			data = NULL;
		} else
			text = utf8_normalize(data, n, len);
	} else if (import_parse_bytes(file, data, n, &a, &err) == 0) {
		text = a.body != NULL ? xstrdup(a.body) : xstrdup("");
		*len = a.body_len;
	} else {
		cmd_error_about(file, err);
		free(err);
	}
	article_free(&a);
	free(data);
	return text;
}

static int
cmd_extract(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct extract	 x;
	char		*text;
	size_t		 len;
	int		 i, rv = CMD_OK;

	if (args->argc == 0)
		return cmd_usage_error(args->entry, "no files given");
	for (i = 0; i < args->argc; i++) {
		if ((text = extract_read(args->argv[i], cmd_args_has(args, 'r'),
		    &len)) == NULL) {
			rv = CMD_FAILED;
			continue;
		}
		extract_run(&x, text, len);
		if (cmd_args_has(args, 'j'))
			extract_json(args->argv[i], &x);
		else
			extract_text(args->argv[i], &x);
		extract_free(&x);
		free(text);
	}
	return rv;
}

static const struct cmd_option cmd_extract_options[] = {
	CMD_OPTION_JSON,
	{ 'r', "raw", CMD_LONG, NULL, NULL },
	CMD_OPTION_END
};

const struct cmd_entry cmd_extract_entry = {
	"extract", "[--json] [--raw] FILE...",
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
	"      --raw       analyse the whole file as plain text\n",
	cmd_extract_options, 0, cmd_extract
};
