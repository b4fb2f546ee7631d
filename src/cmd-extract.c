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

/* Print a JSON string; json-c does the escaping. */
static void
json_put_string(const char *s, size_t n)
{
	struct json_object	*o;

	if (s == NULL) {
		fputs("null", stdout);
		return;
	}
	o = json_object_new_string_len(s, (int)n);
	fputs(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE), stdout);
	json_object_put(o);
}

static void
json_put_cstring(const char *s)
{
	json_put_string(s, s != NULL ? strlen(s) : 0);
}

/* Print ,"key":STRING. */
static void
json_put_member(const char *key, const char *s, size_t n)
{
	printf(",\"%s\":", key);
	json_put_string(s, n);
}

/*
 * One JSON object a file, as DESIGN.md gives it. It is written as it
 * goes, with json-c escaping each string: a 50 MB text has millions of
 * mentions, and building objects for them cost more than finding them.
 */
static void
extract_json(const char *file, const struct extract *x)
{
	const struct ex_mention	*m;
	const struct ex_entity	*ent;
	const struct ex_quote	*q;
	const char		*title, *source;
	size_t			 i;

	fputs("{\"file\":", stdout);
	json_put_cstring(file);
	fputs(",\"entities\":[", stdout);
	for (i = 0; i < x->nments; i++) {
		m = &x->ments[i];
		ent = &x->ents[m->entity];
		printf("%s{\"start\":%zu,\"end\":%zu,\"type\":\"%s\"",
		    i > 0 ? "," : "", m->start, m->end,
		    extract_kind_name(ent->kind));
		json_put_member("text", x->text + m->start, m->end - m->start);
		json_put_member("name", ent->name, strlen(ent->name));
		title = m->title != NULL ? m->title : ent->title;
		json_put_member("title", title, title ? strlen(title) : 0);
		if (ent->affiliation != NULL)
			json_put_member("affiliation", ent->affiliation,
			    strlen(ent->affiliation));
		putchar('}');
	}
	fputs("],\"quotes\":[", stdout);
	for (i = 0; i < x->nquotes; i++) {
		q = &x->quotes[i];
		printf("%s{\"start\":%zu,\"end\":%zu,\"kind\":\"%s\"",
		    i > 0 ? "," : "", q->start, q->end,
		    extract_quote_kind_name(q->kind));
		json_put_member("text", x->text + q->start, q->end - q->start);
		if (q->cue_start == EX_NONE)
			fputs(",\"cue\":null", stdout);
		else
			printf(",\"cue\":{\"start\":%zu,\"end\":%zu}",
			    q->cue_start, q->cue_end);
		if (q->sp_start == EX_NONE) {
			fputs(",\"speaker\":null}", stdout);
			continue;
		}
		source = q->source == EX_SOURCE_MEDIA ? "media" :
		    q->source == EX_SOURCE_UNNAMED ? "unnamed" :
		    q->entity != EX_NONE ? extract_kind_name(
		    x->ents[q->entity].kind) : "unknown";
		printf(",\"speaker\":{\"start\":%zu,\"end\":%zu",
		    q->sp_start, q->sp_end);
		json_put_member("text", x->text + q->sp_start,
		    q->sp_end - q->sp_start);
		fputs(",\"name\":", stdout);
		json_put_cstring(q->entity != EX_NONE ?
		    x->ents[q->entity].name : NULL);
		printf(",\"source\":\"%s\"}}", source);
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
