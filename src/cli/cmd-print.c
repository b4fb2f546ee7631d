/*
 * What the commands print, made safe once: one-line fields with no
 * control characters (outside text may hold escape sequences), addresses
 * with their passwords masked, entities and tags, JSON lines, and the
 * progress line on stderr.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "cmd.h"
#include "library.h"
#include "plural.h"
#include "store.h"
#include "url.h"
#include "utf8.h"
#include "banned.h"

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
cmd_print_cut(FILE *f, const char *s, size_t max)
{
	char	*clean;
	size_t	 n;

	if (s == NULL)
		return;
	clean = utf8_clean_line(s, strlen(s));
	n = strlen(clean);
	if (n > max) {
		/* Cut at a character's start, never inside one. */
		n = max;
		while (n > 0 && ((unsigned char)clean[n] & 0xc0) == 0x80)
			n--;
		fwrite(clean, 1, n, f);
		fputs("...", f);
	} else
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
	char	*role = library_role(title, affiliation);

	cmd_print_line(f, name);
	if (role != NULL) {
		fputs(", ", f);
		cmd_print_line(f, role);
	}
	free(role);
}

void
cmd_print_tags(FILE *f, char *const *tags, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		fputs(i == 0 ? "  #" : " #", f);
		cmd_print_line(f, tags[i]);
	}
}

void
cmd_json_string(struct json_object *o, const char *key, const char *v)
{
	json_object_object_add(o, key, v != NULL ?
	    json_object_new_string(v) : NULL);
}

struct json_object *
cmd_json_span(size_t start, size_t end)
{
	struct json_object	*o = json_object_new_object();

	json_object_object_add(o, "start",
	    json_object_new_int64((int64_t)start));
	json_object_object_add(o, "end", json_object_new_int64((int64_t)end));
	return o;
}

void
cmd_json_note(struct json_object *o, const struct store_note *n,
    const char *anchor, const char *text)
{
	json_object_object_add(o, "span", n->has_span ?
	    cmd_json_span(n->start, n->end) : NULL);
	cmd_json_string(o, "anchor", anchor);
	cmd_json_string(o, "note", text);
	json_object_object_add(o, "created", json_object_new_int64(n->created));
	json_object_object_add(o, "updated", json_object_new_int64(n->updated));
}

int
cmd_json_print(struct json_object *o)
{
	puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	return ferror(stdout) ? 1 : 0;
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

/* What a quote's correction says: "credited to X", "not a quote". */
void
cmd_print_fix(FILE *f, const struct store_quote_fix *x)
{
	switch (x->fix) {
	case STORE_FIX_SPEAKER:
		fputs("credited to ", f);
		cmd_print_line(f, x->who);
		if (x->kind != NULL && strcmp(x->kind, "person") != 0)
			fprintf(f, " [%s]", x->kind);
		break;
	case STORE_FIX_UNNAMED:
		fputs("credited to ", f);
		cmd_print_line(f, x->who != NULL ? x->who :
		    "an unnamed source");
		fputs(" [unnamed]", f);
		break;
	default:
		fputs("not a quote", f);
		break;
	}
	if (!x->placed)
		fputs(" (its words are not in the story now)", f);
}

struct json_object *
cmd_json_quote_fix(const struct store_quote_fix *x, int story)
{
	static const char *const fixes[] = { "speaker", "unnamed",
	    "not-quote" };
	struct json_object	*o, *sp;

	o = json_object_new_object();
	json_object_object_add(o, "type", json_object_new_string("quote"));
	if (story)
		json_object_object_add(o, "story",
		    json_object_new_int64(x->article));
	json_object_object_add(o, "start", json_object_new_int64(
	    (int64_t)x->start));
	json_object_object_add(o, "end", json_object_new_int64(
	    (int64_t)x->end));
	json_object_object_add(o, "placed",
	    json_object_new_boolean(x->placed));
	cmd_json_string(o, "words", x->words);
	cmd_json_string(o, "kind", x->quote_kind);
	cmd_json_string(o, "fix", fixes[x->fix]);
	sp = NULL;
	if (x->fix != STORE_FIX_NOT_QUOTE) {
		sp = json_object_new_object();
		cmd_json_string(sp, "name", x->fix == STORE_FIX_SPEAKER ?
		    x->who : NULL);
		cmd_json_string(sp, "text", x->who != NULL ? x->who :
		    "an unnamed source");
		cmd_json_string(sp, "kind", x->fix == STORE_FIX_SPEAKER ?
		    x->kind : "unnamed");
	}
	json_object_object_add(o, "speaker", sp);
	json_object_object_add(o, "created", json_object_new_int64(
	    x->created));
	return o;
}

void
cmd_print_group(FILE *f, const struct lib_group *g, size_t max)
{
	size_t	i;

	for (i = 0; i < g->n && i < max; i++) {
		fprintf(f, "%s#%lld ", i == 0 ? "  (also in: " : ", ",
		    (long long)g->v[i].id);
		cmd_print_cut(f, g->v[i].outlet, 200);
		if (g->v[i].first)
			fputc('*', f);
	}
	if (g->n > max)
		fprintf(f, " and %zu more", g->n - max);
	if (g->n > 0)
		fputc(')', f);
}

struct json_object *
cmd_json_group(const struct lib_group *g)
{
	struct json_object	*arr, *o;
	size_t			 i;

	arr = json_object_new_array();
	for (i = 0; i < g->n; i++) {
		o = json_object_new_object();
		json_object_object_add(o, "id",
		    json_object_new_int64(g->v[i].id));
		cmd_json_string(o, "outlet", g->v[i].outlet);
		json_object_object_add(o, "first",
		    json_object_new_boolean(g->v[i].first));
		json_object_array_add(arr, o);
	}
	return arr;
}

/*
 * A JSON string written as it goes (for output too long to build as
 * objects first): quote marks, backslashes and every control character
 * escaped, a byte that is not UTF-8 written as U+FFFD, so the line is
 * valid JSON whatever the string holds.
 */
void
cmd_json_put_string(FILE *f, const char *s)
{
	const char	*p, *run, *end;
	uint32_t	 cp;
	size_t		 n;

	if (s == NULL) {
		fputs("null", f);
		return;
	}
	putc('"', f);
	end = s + strlen(s);
	for (p = run = s; p < end; p += n) {
		n = 1;
		if ((unsigned char)*p >= 0x20 && *p != '"' && *p != '\\' &&
		    *p != 0x7f && (unsigned char)*p < 0x80)
			continue;
		if ((unsigned char)*p >= 0x80 && ((n = utf8_decode(p,
		    (size_t)(end - p), &cp)) > 1 || cp != 0xfffd))
			continue;
		fwrite(run, 1, (size_t)(p - run), f);
		run = p + n;
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if ((unsigned char)*p >= 0x80)
			fputs("\\ufffd", f);
		else
			fprintf(f, "\\u%04x", (unsigned char)*p);
	}
	fwrite(run, 1, (size_t)(p - run), f);
	putc('"', f);
}
