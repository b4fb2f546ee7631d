/* dossier extract: entities and attributed quotes in files, no store. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "article.h"
#include "cmd.h"
#include "extract.h"
#include "import.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* Raw text for extraction may be bigger than a saved story. */
#define EXTRACT_MAX_FILE	((size_t)256 * 1024 * 1024)

static struct json_object *
jspan(const char *text, size_t start, size_t end, int with_text)
{
	struct json_object	*o = json_object_new_object();

	json_object_object_add(o, "start", json_object_new_int64((int64_t)start));
	json_object_object_add(o, "end", json_object_new_int64((int64_t)end));
	if (with_text)
		json_object_object_add(o, "text", json_object_new_string_len(
		    text + start, (int)(end - start)));
	return o;
}

static struct json_object *
jstr(const char *s)
{
	return s != NULL ? json_object_new_string(s) : NULL;
}

/* Print one JSON value and free it. */
static void
json_emit(struct json_object *o)
{
	fputs(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE), stdout);
	json_object_put(o);
}

/*
 * One JSON object a file, as DESIGN.md gives it. It is written an element
 * at a time: a 50 MB text has millions of mentions, and one tree holding
 * them all costs more to build and free than the extraction itself.
 */
static void
extract_json(const char *file, const struct extract *x)
{
	struct json_object	*e, *sp;
	const struct ex_mention	*m;
	const struct ex_entity	*ent;
	const struct ex_quote	*q;
	size_t			 i;

	fputs("{\"file\":", stdout);
	json_emit(json_object_new_string(file));
	fputs(",\"entities\":[", stdout);
	for (i = 0; i < x->nments; i++) {
		m = &x->ments[i];
		ent = &x->ents[m->entity];
		e = jspan(x->text, m->start, m->end, 0);
		json_object_object_add(e, "type", json_object_new_string(
		    extract_kind_name(ent->kind)));
		json_object_object_add(e, "text", json_object_new_string_len(
		    x->text + m->start, (int)(m->end - m->start)));
		json_object_object_add(e, "name", jstr(ent->name));
		json_object_object_add(e, "title", jstr(m->title != NULL ?
		    m->title : ent->title));
		if (ent->affiliation != NULL)
			json_object_object_add(e, "affiliation",
			    jstr(ent->affiliation));
		if (i > 0)
			putchar(',');
		json_emit(e);
	}
	fputs("],\"quotes\":[", stdout);
	for (i = 0; i < x->nquotes; i++) {
		q = &x->quotes[i];
		e = jspan(x->text, q->start, q->end, 0);
		json_object_object_add(e, "kind", json_object_new_string(
		    extract_quote_kind_name(q->kind)));
		json_object_object_add(e, "text", json_object_new_string_len(
		    x->text + q->start, (int)(q->end - q->start)));
		json_object_object_add(e, "cue", q->cue_start == EX_NONE ?
		    NULL : jspan(x->text, q->cue_start, q->cue_end, 0));
		sp = NULL;
		if (q->sp_start != EX_NONE) {
			sp = jspan(x->text, q->sp_start, q->sp_end, 1);
			json_object_object_add(sp, "name",
			    q->entity != EX_NONE ? jstr(x->ents[q->entity].name) :
			    NULL);
			json_object_object_add(sp, "source",
			    json_object_new_string(
			    q->source == EX_SOURCE_MEDIA ? "media" :
			    q->source == EX_SOURCE_UNNAMED ? "unnamed" :
			    q->entity != EX_NONE ? extract_kind_name(
			    x->ents[q->entity].kind) : "unknown"));
		}
		json_object_object_add(e, "speaker", sp);
		if (i > 0)
			putchar(',');
		json_emit(e);
	}
	fputs("]}\n", stdout);
}

/* Print a span of the text on one line, cleaned for the terminal. */
static void
print_span(const char *text, size_t start, size_t end)
{
	char	*s = utf8_clean_line(text + start, end - start);

	fputs(s, stdout);
	free(s);
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
			cmd_print_line(stdout, e->name);
			if (e->title != NULL) {
				fputs(", ", stdout);
				cmd_print_line(stdout, e->title);
			}
			if (e->affiliation != NULL) {
				fputs(" (", stdout);
				cmd_print_line(stdout, e->affiliation);
				putchar(')');
			}
			putchar('\n');
		}
	}
	if (x->nquotes > 0)
		puts("Quotes");
	for (i = 0; i < x->nquotes; i++) {
		q = &x->quotes[i];
		fputs("  ", stdout);
		if (q->entity != EX_NONE)
			cmd_print_line(stdout, x->ents[q->entity].name);
		else if (q->sp_start != EX_NONE)
			print_span(x->text, q->sp_start, q->sp_end);
		else
			fputs("(unknown)", stdout);
		printf(" [%s]: ", extract_quote_kind_name(q->kind));
		print_span(x->text, q->start, q->end);
		putchar('\n');
	}
}

int
cmd_extract(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,	NULL, 'j' },
		{ "raw",	no_argument,	NULL, 'r' },
		{ "help",	no_argument,	NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*self = cmd_find("extract");
	struct extract		 x;
	struct article		 a;
	char			*data, *text, *err;
	size_t			 len, tlen;
	int			 ch, i, json = 0, raw = 0, rv = CMD_OK;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'r':
			raw = 1;
			break;
		case 'h':
			cmd_help(stdout, self);
			return CMD_OK;
		default:
			return cmd_usage_error(self, "bad option");
		}
	}
	if (optind == argc)
		return cmd_usage_error(self, "no files given");
	for (i = optind; i < argc; i++) {
		err = NULL;
		text = NULL;
		article_init(&a);
		if (import_read_file(argv[i], raw ? EXTRACT_MAX_FILE :
		    IMPORT_MAX_FILE, &data, &len, &err) != 0) {
			fputs("dossier: ", stderr);
			cmd_print_line(stderr, argv[i]);
			fprintf(stderr, ": %s\n", err);
			free(err);
			rv = CMD_FAILED;
			continue;
		}
		if (raw) {
			/* Offsets are into the file itself when it is UTF-8. */
			if (utf8_valid(data, len)) {
				text = data;
				tlen = len;
				data = NULL;
			} else
				text = utf8_normalize(data, len, &tlen);
		} else if (import_parse_bytes(argv[i], data, len, &a,
		    &err) == 0) {
			text = a.body != NULL ? xstrdup(a.body) : xstrdup("");
			tlen = a.body_len;
		} else {
			fputs("dossier: ", stderr);
			cmd_print_line(stderr, argv[i]);
			fprintf(stderr, ": %s\n", err);
			free(err);
			free(data);
			article_free(&a);
			rv = CMD_FAILED;
			continue;
		}
		extract_run(&x, text, tlen);
		if (json)
			extract_json(argv[i], &x);
		else
			extract_text(argv[i], &x);
		extract_free(&x);
		article_free(&a);
		free(text);
		free(data);
	}
	return rv;
}
