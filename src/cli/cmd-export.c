/*
 * dossier export: every tagged or annotated story (or those with one tag)
 * with its notes and the passages they cover, as Markdown for people or
 * JSON lines for programs. A file is written whole or not at all, and
 * only over a regular file of the user's (cmd-output.c).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "article.h"
#include "buf.h"
#include "cmd.h"
#include "library.h"
#include "plural.h"
#include "store.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

struct export {
	struct store	*s;
	FILE		*out;
	int		 json;
	size_t		 stories;
	char		*err;
};

/*
 * Add outside text to Markdown so that it reads as itself: no control
 * characters, no indentation (a code block), and every character that
 * could start markup escaped with a backslash.
 */
static void
md_text(struct buf *b, const char *s, int multiline)
{
	char		*clean;
	const char	*p;
	int		 bol = 1;

	clean = multiline ? utf8_clean_text(s, strlen(s), NULL) :
	    utf8_clean_line(s, strlen(s));
	for (p = clean; *p != '\0'; p++) {
		char c = *p == '\t' || *p == '\f' || *p == '\v' ? ' ' : *p;

		if (c == '\n') {
			while (b->len > 0 && b->data[b->len - 1] == ' ')
				b->len--;
			buf_addc(b, '\n');
			bol = 1;
			continue;
		}
		if (bol && c == ' ')
			continue;
		if (strchr("\\`*_[]<>|~&!{}", c) != NULL ||
		    (bol && strchr("#+-=", c) != NULL))
			buf_addc(b, '\\');
		else if ((c == '.' || c == ')') && p > clean &&
		    p[-1] >= '0' && p[-1] <= '9') {
			/* "1." or "1)" opens a list when it starts a line. */
			const char *q = p;

			while (q > clean && q[-1] >= '0' && q[-1] <= '9')
				q--;
			if (q == clean || q[-1] == '\n')
				buf_addc(b, '\\');
		}
		buf_addc(b, c);
		bol = 0;
	}
	free(clean);
}

/* Add a URL as an autolink, with what would end it percent-encoded. */
static void
md_url(struct buf *b, const char *url)
{
	char		*clean;
	const char	*p;

	clean = utf8_clean_line(url, strlen(url));
	if (strncmp(clean, "http://", 7) != 0 &&
	    strncmp(clean, "https://", 8) != 0) {
		md_text(b, clean, 0);
		free(clean);
		return;
	}
	buf_addc(b, '<');
	for (p = clean; *p != '\0'; p++) {
		if (*p == ' ' || *p == '<' || *p == '>' || *p == '\\')
			buf_printf(b, "%%%02X", (unsigned char)*p);
		else
			buf_addc(b, *p);
	}
	buf_addc(b, '>');
	free(clean);
}

/* One line of a story's header list: "- Name: value". */
static void
md_field(struct buf *b, const char *name, const char *value)
{
	if (value == NULL)
		return;
	buf_printf(b, "- %s: ", name);
	if (strcmp(name, "URL") == 0)
		md_url(b, value);
	else
		md_text(b, value, 0);
	buf_addc(b, '\n');
}

/* A note in Markdown: a heading, the passage quoted, the note. */
static int
md_note(const struct store_note *n, void *arg)
{
	struct buf	*b = arg;
	struct buf	 q;
	char		 date[16];
	size_t		 i;

	library_time(n->updated, date, sizeof date);
	buf_printf(b, "\n### Note %lld%s \xc2\xb7 %s\n\n", (long long)n->id,
	    n->has_span ? "" : " \xc2\xb7 on the whole story",
	    date + (*date == ' '));
	if (n->has_span && n->anchor != NULL) {
		buf_init(&q);
		md_text(&q, n->anchor, 1);
		buf_adds(b, "> ");
		for (i = 0; i < q.len; i++) {
			buf_addc(b, q.data[i]);
			if (q.data[i] == '\n')
				buf_adds(b, "> ");
		}
		buf_adds(b, "\n\n");
		buf_free(&q);
	}
	md_text(b, n->note != NULL ? n->note : "", 1);
	buf_addc(b, '\n');
	return 0;
}

/* A note as a JSON object in the story's array. */
static int
json_note(const struct store_note *n, void *arg)
{
	struct json_object	*o;

	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(n->id));
	cmd_json_note(o, n, n->has_span ? n->anchor : NULL,
	    n->note != NULL ? n->note : "");
	json_object_array_add(arg, o);
	return 0;
}

/* A correction of a quote as a JSON object in the story's array. */
static int
json_fix(const struct store_quote_fix *f, void *arg)
{
	json_object_array_add(arg, cmd_json_quote_fix(f, 0));
	return 0;
}

/* A correction of a quote in Markdown: the words, what they are. */
static int
md_fix(const struct store_quote_fix *f, void *arg)
{
	struct buf	*b = arg;
	char		*what;
	size_t		 len;
	FILE		*m;

	if ((m = open_memstream(&what, &len)) == NULL)
		return 1;
	cmd_print_fix(m, f);
	fclose(m);
	buf_adds(b, "- Corrected: \xe2\x80\x9c");
	md_text(b, f->words, 0);
	buf_adds(b, "\xe2\x80\x9d ");
	md_text(b, what, 0);
	buf_addc(b, '\n');
	free(what);
	return 0;
}

/* Write one story with its notes and corrections. */
static int
export_story(const struct article *a, void *arg)
{
	struct export		*x = arg;
	struct json_object	*o, *arr;
	struct buf		 b;
	size_t			 i;
	int			 rc;

	x->stories++;
	if (x->json) {
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_int64(a->id));
		cmd_json_string(o, "title", a->title);
		cmd_json_string(o, "outlet", a->outlet);
		cmd_json_string(o, "byline", a->byline);
		cmd_json_string(o, "published", a->published);
		cmd_json_string(o, "url", a->url);
		arr = json_object_new_array();
		for (i = 0; i < a->ntags; i++)
			json_object_array_add(arr,
			    json_object_new_string(a->tags[i]));
		json_object_object_add(o, "tags", arr);
		arr = json_object_new_array();
		json_object_object_add(o, "notes", arr);
		rc = store_article_notes(x->s, a->id, json_note, arr, &x->err);
		arr = json_object_new_array();
		json_object_object_add(o, "corrections", arr);
		if (rc == 0)
			rc = store_quote_fixes(x->s, a->id, json_fix, arr,
			    &x->err);
		if (rc == 0)
			fprintf(x->out, "%s\n", json_object_to_json_string_ext(o,
			    JSON_C_TO_STRING_PLAIN |
			    JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(o);
		return rc != 0 || ferror(x->out) ? 1 : 0;
	}
	buf_init(&b);
	buf_adds(&b, "\n## ");
	md_text(&b, a->title != NULL ? a->title : "(untitled)", 0);
	buf_adds(&b, "\n\n");
	buf_printf(&b, "- Story: %lld\n", (long long)a->id);
	md_field(&b, "Outlet", a->outlet);
	md_field(&b, "Byline", a->byline);
	md_field(&b, "Published", a->published);
	md_field(&b, "URL", a->url);
	if (a->ntags > 0) {
		buf_adds(&b, "- Tags:");
		for (i = 0; i < a->ntags; i++) {
			buf_adds(&b, i > 0 ? ", " : " ");
			md_text(&b, a->tags[i], 0);
		}
		buf_addc(&b, '\n');
	}
	rc = store_quote_fixes(x->s, a->id, md_fix, &b, &x->err);
	if (rc == 0)
		rc = store_article_notes(x->s, a->id, md_note, &b, &x->err);
	if (rc == 0)
		fwrite(b.data, 1, b.len, x->out);
	buf_free(&b);
	return rc != 0 || ferror(x->out) ? 1 : 0;
}

/* Write the export to out; -1 with x->err set. */
static int
export_run(struct export *x, const char *tag)
{
	struct store_filter	q;

	memset(&q, 0, sizeof q);
	q.kind = tag != NULL ? STORE_FILTER_TAG : STORE_FILTER_TAGGED_OR_NOTED;
	q.value = tag;
	if (!x->json) {
		fputs("# dossier: ", x->out);
		if (tag != NULL) {
			struct buf b;

			buf_init(&b);
			buf_adds(&b, "stories tagged ");
			md_text(&b, tag, 0);
			fwrite(b.data, 1, b.len, x->out);
			buf_free(&b);
		} else
			fputs("tagged and annotated stories", x->out);
		fputc('\n', x->out);
	}
	if (library_list(x->s, &q, 0, export_story, x, &x->err) != 0)
		return -1;
	if (x->err != NULL)
		return -1;
	if (ferror(x->out)) {
		xasprintf(&x->err, "cannot write: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int
cmd_export(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct export		 x;
	struct cmd_output	 o;
	const char		*output = cmd_args_value(args, 'o');
	int			 rv = CMD_FAILED;

	if (args->argc != 0)
		return cmd_usage_error(args->entry, "unexpected argument '%s'",
		    args->argv[0]);
	memset(&x, 0, sizeof x);
	memset(&o, 0, sizeof o);
	o.fd = -1;
	/* --json and --format: the last one given says. */
	x.json = cmd_args_last(args, "fj") == 'j' ||
	    (cmd_args_last(args, "fj") == 'f' &&
	    strcmp(cmd_args_value(args, 'f'), "json") == 0);
	if ((x.s = cmd_store(ctx)) == NULL)
		goto out;
	if (cmd_output_open(&o, output, &x.err) != 0)
		goto out;
	x.out = o.f;
	if (export_run(&x, cmd_args_value(args, 't')) != 0 ||
	    cmd_output_commit(&o, &x.err) != 0)
		goto out;
	if (output != NULL && strcmp(output, "-") != 0)
		cmd_error("wrote %zu %s to %s", x.stories,
		    plural(x.stories, "story", "stories"), output);
	rv = CMD_OK;
out:
	cmd_output_abort(&o);
	if (rv != CMD_OK && x.err != NULL)
		cmd_error("%s", x.err);
	free(x.err);
	return rv;
}

/* --format: markdown (md) or json. */
static char *
export_check_format(struct cmd_args *args, const char *v, char **err)
{
	if (strcmp(v, "json") != 0 && strcmp(v, "markdown") != 0 &&
	    strcmp(v, "md") != 0) {
		xasprintf(err, "unknown format '%s': markdown or json", v);
		return NULL;
	}
	return xstrdup(v);
}

/* --output: a file, or - for stdout. */
static char *
export_check_output(struct cmd_args *args, const char *v, char **err)
{
	if (*v == '\0') {
		*err = xstrdup("--output needs a file");
		return NULL;
	}
	return xstrdup(v);
}

static const struct cmd_option cmd_export_options[] = {
	{ 'f', "format", CMD_VALUE, export_check_format, NULL },
	CMD_OPTION_JSON,
	CMD_OPTION_TAG,
	{ 'o', "output", CMD_VALUE, export_check_output, NULL },
	CMD_OPTION_END
};

const struct cmd_entry cmd_export_entry = {
	"export", "[--format markdown|json | --json] [--tag TAG] "
	"[--output FILE]",
	"export tagged and annotated stories with their notes",
	"Write every story that has tags, notes or a quote you corrected\n"
	"(with --tag, every story with that tag), newest first: title,\n"
	"outlet, byline, date, URL, tags, your corrections of its quotes,\n"
	"and each note with the passage it covers. (dossier correct list\n"
	"--json gives every correction, merges and roles too.)\n"
	"\n"
	"  -f, --format FMT     markdown (the default: for people, the\n"
	"                       stories' text escaped) or json (one object\n"
	"                       per story per line: id, title, outlet,\n"
	"                       byline, published, url, tags, notes,\n"
	"                       corrections)\n"
	"      --json           the same as --format json\n"
	"  -t, --tag TAG        only the stories tagged TAG\n"
	"  -o, --output FILE    write FILE whole or not at all (a temporary\n"
	"                       file renamed over it) instead of stdout;\n"
	"                       only a regular file of yours is replaced,\n"
	"                       keeping its mode (not a symbolic link, a\n"
	"                       device or a FIFO); - is stdout\n",
	cmd_export_options, 0, cmd_export
};
