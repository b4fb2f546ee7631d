/*
 * dossier export: every tagged or annotated story (or those with one tag)
 * with its notes and the passages they cover, as Markdown for people or
 * JSON lines for programs. A file is written whole or not at all, and
 * only over a regular file of the user's (cmd-output.c).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
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

/* A JSON string member, or null. */
static void
json_str(struct json_object *o, const char *key, const char *v)
{
	json_object_object_add(o, key, v != NULL ?
	    json_object_new_string(v) : NULL);
}

/* A note as a JSON object in the story's array. */
static int
json_note(const struct store_note *n, void *arg)
{
	struct json_object	*o, *span = NULL;

	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(n->id));
	if (n->has_span) {
		span = json_object_new_object();
		json_object_object_add(span, "start",
		    json_object_new_int64((int64_t)n->start));
		json_object_object_add(span, "end",
		    json_object_new_int64((int64_t)n->end));
	}
	json_object_object_add(o, "span", span);
	json_str(o, "anchor", n->has_span ? n->anchor : NULL);
	json_str(o, "note", n->note != NULL ? n->note : "");
	json_object_object_add(o, "created", json_object_new_int64(n->created));
	json_object_object_add(o, "updated", json_object_new_int64(n->updated));
	json_object_array_add(arg, o);
	return 0;
}

/* Write one story with its notes. */
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
		json_str(o, "title", a->title);
		json_str(o, "outlet", a->outlet);
		json_str(o, "byline", a->byline);
		json_str(o, "published", a->published);
		json_str(o, "url", a->url);
		arr = json_object_new_array();
		for (i = 0; i < a->ntags; i++)
			json_object_array_add(arr,
			    json_object_new_string(a->tags[i]));
		json_object_object_add(o, "tags", arr);
		arr = json_object_new_array();
		json_object_object_add(o, "notes", arr);
		rc = store_article_notes(x->s, a->id, json_note, arr, &x->err);
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

int
cmd_export(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format",	required_argument,	NULL, 'f' },
		{ "json",	no_argument,		NULL, 'j' },
		{ "tag",	required_argument,	NULL, 't' },
		{ "output",	required_argument,	NULL, 'o' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*self = cmd_find("export");
	struct export		 x;
	struct cmd_output	 o;
	const char		*output = NULL;
	char			*tag = NULL;
	int			 ch, rv = CMD_FAILED;

	memset(&x, 0, sizeof x);
	memset(&o, 0, sizeof o);
	o.fd = -1;
	while ((ch = cmd_getopt(argc, argv, "f:t:o:h", longopts)) != -1) {
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "json") == 0)
				x.json = 1;
			else if (strcmp(optarg, "markdown") == 0 ||
			    strcmp(optarg, "md") == 0)
				x.json = 0;
			else {
				free(tag);
				return cmd_usage_error(self, "unknown format "
				    "'%s': markdown or json", optarg);
			}
			break;
		case 'j':
			x.json = 1;
			break;
		case 't':
			free(tag);
			if ((tag = library_tag_parse(optarg, &x.err)) == NULL) {
				rv = cmd_usage_error(self, "%s", x.err);
				free(x.err);
				return rv;
			}
			break;
		case 'o':
			if (*optarg == '\0') {
				free(tag);
				return cmd_usage_error(self,
				    "--output needs a file");
			}
			output = optarg;
			break;
		case 'h':
			free(tag);
			cmd_help(stdout, self);
			return CMD_OK;
		default:
			free(tag);
			return cmd_usage_error(self, NULL);
		}
	}
	if (optind != argc) {
		free(tag);
		return cmd_usage_error(self, "unexpected argument '%s'",
		    argv[optind]);
	}
	if ((x.s = cmd_store(ctx)) == NULL)
		goto out;
	if (cmd_output_open(&o, output, &x.err) != 0)
		goto out;
	x.out = o.f;
	if (export_run(&x, tag) != 0 || cmd_output_commit(&o, &x.err) != 0)
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
	free(tag);
	return rv;
}
