/*
 * The user's tags and notes between the store and its two front ends (the
 * screen and the command line): tags are checked and normalized here,
 * notes cleaned and bounded, passages found and widened to whole words,
 * and a story's notes numbered the way the screen shows them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "article.h"
#include "buf.h"
#include "library.h"
#include "store.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* The start of a string for a message: cleaned, cut at n bytes. */
static char *
library_quote(const char *s, size_t n)
{
	char	*clean, *cut;
	size_t	 len;

	clean = utf8_clean_line(s, strlen(s));
	len = strlen(clean);
	if (len <= n)
		return clean;
	while (n > 0 && ((unsigned char)clean[n] & 0xc0) == 0x80)
		n--;
	xasprintf(&cut, "%.*s\xe2\x80\xa6", (int)n, clean);
	free(clean);
	return cut;
}

/* Check and normalize one tag as typed. */
char *
library_tag_parse(const char *s, char **err)
{
	const char	*p = s;
	char		*t, *q;

	while (*p == '#' || *p == ' ')
		p++;
	if (strlen(p) > STORE_MAX_TAG_LEN) {
		q = library_quote(p, 24);
		xasprintf(err, "tag '%s' is longer than %d bytes", q,
		    STORE_MAX_TAG_LEN);
		free(q);
		return NULL;
	}
	if ((t = article_tag_normalize(s, strlen(s))) == NULL) {
		q = library_quote(s, 24);
		xasprintf(err, "'%s' is not a tag: a tag needs a letter or "
		    "digit", q);
		free(q);
		return NULL;
	}
	if (*t == '-' || *t == '+') {
		xasprintf(err, "tag '%s' may not start with '%c'", t, *t);
		free(t);
		return NULL;
	}
	return t;
}

/* Is t one of v? */
static int
strv_has(char *const *v, size_t n, const char *t)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], t) == 0)
			return 1;
	return 0;
}

/* Free a vector of strings. */
void
library_strv_free(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Split a line of tags on spaces and commas. */
int
library_tags_parse(const char *line, char ***tags, size_t *n, char **err)
{
	const char	*p = line;
	char		*word, *t;
	size_t		 len;

	*tags = NULL;
	*n = 0;
	for (;;) {
		p += strspn(p, " \t,");
		if (*p == '\0')
			break;
		len = strcspn(p, " \t,");
		word = xstrndup(p, len);
		p += len;
		t = library_tag_parse(word, err);
		free(word);
		if (t == NULL) {
			library_strv_free(*tags, *n);
			*tags = NULL;
			*n = 0;
			return -1;
		}
		if (strv_has(*tags, *n, t)) {
			free(t);
			continue;
		}
		if (*n >= STORE_MAX_TAGS) {
			free(t);
			library_strv_free(*tags, *n);
			*tags = NULL;
			*n = 0;
			xasprintf(err, "a story holds at most %d tags",
			    STORE_MAX_TAGS);
			return -1;
		}
		*tags = xreallocarray(*tags, *n + 1, sizeof **tags);
		(*tags)[(*n)++] = t;
	}
	return 0;
}

/* Collect a story's tags into a vector. */
static int
tags_collect(const char *tag, void *arg)
{
	struct { char **v; size_t n; } *t = arg;

	t->v = xreallocarray(t->v, t->n + 1, sizeof *t->v);
	t->v[t->n++] = xstrdup(tag);
	return 0;
}

/* Read a story's tags: 0, 1 no such story, -1. */
static int
tags_read(struct store *s, int64_t id, char ***v, size_t *n, char **err)
{
	struct { char **v; size_t n; } t = { NULL, 0 };
	int	rc;

	rc = store_article_tags(s, id, tags_collect, &t, err);
	if (rc != 0) {
		library_strv_free(t.v, t.n);
		return rc;
	}
	*v = t.v;
	*n = t.n;
	return 0;
}

/* Say what changed: "added #a #b; removed #c". */
static char *
tags_message(char *const *add, size_t nadd, char *const *del, size_t ndel)
{
	struct buf	b;
	size_t		i;

	buf_init(&b);
	if (nadd > 0)
		buf_adds(&b, "added");
	for (i = 0; i < nadd; i++)
		buf_printf(&b, " #%s", add[i]);
	if (nadd > 0 && ndel > 0)
		buf_adds(&b, "; ");
	if (ndel > 0)
		buf_adds(&b, "removed");
	for (i = 0; i < ndel; i++)
		buf_printf(&b, " #%s", del[i]);
	if (b.len == 0)
		buf_adds(&b, "tags unchanged");
	return buf_detach(&b);
}

/*
 * The changes that would really change tags old: *a the tags of add not
 * there, *d those of del there (and not added back); vectors of borrowed
 * strings.
 */
static void
tags_diff(char *const *old, size_t nold, char *const *add, size_t nadd,
    char *const *del, size_t ndel, char ***a, size_t *na, char ***d,
    size_t *nd)
{
	size_t	i;

	*a = *d = NULL;
	*na = *nd = 0;
	for (i = 0; i < ndel; i++) {
		if (!strv_has(old, nold, del[i]) || strv_has(*d, *nd, del[i]) ||
		    strv_has(add, nadd, del[i]))
			continue;
		*d = xreallocarray(*d, *nd + 1, sizeof **d);
		(*d)[(*nd)++] = del[i];
	}
	for (i = 0; i < nadd; i++) {
		if (strv_has(old, nold, add[i]) || strv_has(*a, *na, add[i]))
			continue;
		*a = xreallocarray(*a, *na + 1, sizeof **a);
		(*a)[(*na)++] = add[i];
	}
}

/*
 * Add and remove tags; report the ones that really changed. With claim,
 * tags named to be added that the story already has (from its feed) are
 * given to the store too, which makes them the user's own.
 */
static int
tags_change(struct store *s, int64_t id, const struct lib_tag_change *c,
    int claim, char **msg, char **err)
{
	char	**old, **a, **d;
	size_t	  nold, na, nd;
	int	  rc;

	if ((rc = tags_read(s, id, &old, &nold, err)) != 0)
		return rc;
	tags_diff(old, nold, c->add, c->nadd, c->del, c->ndel, &a, &na, &d,
	    &nd);
	rc = 0;
	if (claim && c->nadd > 0)
		rc = store_tags_change(s, id, &(struct store_tags){
		    .add = c->add, .nadd = c->nadd, .del = d, .ndel = nd }, err);
	else if (na + nd > 0)
		rc = store_tags_change(s, id, &(struct store_tags){ .add = a,
		    .nadd = na, .del = d, .ndel = nd }, err);
	if (rc == 0 && msg != NULL)
		*msg = tags_message(a, na, d, nd);
	library_strv_free(old, nold);
	free(a);
	free(d);
	return rc;
}

/* Add and remove tags named by the user; report what changed. */
int
library_tags_change(struct store *s, int64_t id,
    const struct lib_tag_change *c, char **msg, char **err)
{
	return tags_change(s, id, c, 1, msg, err);
}

/* Free the tags of a change. */
void
library_tag_change_free(struct lib_tag_change *c)
{
	library_strv_free(c->add, c->nadd);
	library_strv_free(c->del, c->ndel);
	memset(c, 0, sizeof *c);
}

/* A feed's tags and whether it is Saved stories, read for a change. */
struct feed_tags {
	char	**v;
	size_t	  n;
	int	  local;
};

static int
feed_tags_row(const struct store_feed *f, void *arg)
{
	struct feed_tags	*t = arg;

	t->v = xcalloc(f->ntags + 1, sizeof *t->v);
	for (t->n = 0; t->n < f->ntags; t->n++)
		t->v[t->n] = xstrdup(f->tags[t->n]);
	t->local = f->kind == FEED_KIND_LOCAL;
	return 1;
}

/* Add and remove a feed's tags; report the ones that really changed. */
int
library_feed_tags_change(struct store *s, int64_t id,
    const struct lib_tag_change *c, char **msg, char **err)
{
	struct feed_tags	  old;
	char			**a = NULL, **d = NULL;
	size_t			  na = 0, nd = 0;
	int			  rc;

	memset(&old, 0, sizeof old);
	if ((rc = store_feed_list(s, id, NULL, feed_tags_row, &old,
	    err)) != 0)
		goto out;
	if (old.local) {
		*err = xstrdup("Saved stories takes no tags; tag its stories "
		    "with 'dossier tag'");
		rc = -1;
		goto out;
	}
	tags_diff(old.v, old.n, c->add, c->nadd, c->del, c->ndel, &a, &na,
	    &d, &nd);
	if (na + nd > 0)
		rc = store_feed_tags_change(s, id, &(struct store_tags){
		    .add = a, .nadd = na, .del = d, .ndel = nd }, err);
	if (rc == 0 && msg != NULL)
		*msg = tags_message(a, na, d, nd);
out:
	library_strv_free(old.v, old.n);
	free(a);
	free(d);
	return rc;
}

/* Make a story's tags exactly those of a line. */
int
library_tags_set(struct store *s, int64_t id, const char *line, char **msg,
    char **err)
{
	struct lib_tag_change	  c;
	char			**old;
	size_t			  nold, i;
	int			  rc;

	memset(&c, 0, sizeof c);
	if (library_tags_parse(line, &c.add, &c.nadd, err) != 0)
		return -1;
	if ((rc = tags_read(s, id, &old, &nold, err)) != 0) {
		library_strv_free(c.add, c.nadd);
		return rc;
	}
	for (i = 0; i < nold; i++) {
		if (strv_has(c.add, c.nadd, old[i]))
			continue;
		c.del = xreallocarray(c.del, c.ndel + 1, sizeof *c.del);
		c.del[c.ndel++] = old[i];
	}
	/* Tags left on the line are not claimed: only typed ones are. */
	rc = tags_change(s, id, &c, 0, msg, err);
	free(c.del);
	library_strv_free(old, nold);
	library_strv_free(c.add, c.nadd);
	return rc;
}

/* A story's tags as "a b c". */
int
library_tags_line(struct store *s, int64_t id, char **line, char **err)
{
	struct buf	  b;
	char		**v;
	size_t		  n, i;
	int		  rc;

	if ((rc = tags_read(s, id, &v, &n, err)) != 0)
		return rc;
	buf_init(&b);
	buf_addc(&b, '\0');
	b.len = 0;
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i > 0 ? " " : "", v[i]);
	*line = buf_detach(&b);
	library_strv_free(v, n);
	return 0;
}

/* Clean a note's text and check its size. */
char *
library_note_clean(const char *s, size_t len, char **err)
{
	struct buf	 b;
	char		*t;
	size_t		 n, i, nl = 0;

	t = utf8_clean_text(s, len, &n);
	buf_init(&b);
	for (i = 0; i < n; i++) {
		char c = t[i] == '\t' || t[i] == '\f' || t[i] == '\v' ?
		    ' ' : t[i];

		if (c == '\n') {
			/* No spaces before a line break; a blank line at most. */
			while (b.len > 0 && b.data[b.len - 1] == ' ')
				b.len--;
			if (b.len > 0 && ++nl <= 2)
				buf_addc(&b, '\n');
			continue;
		}
		if (c == ' ' && (b.len == 0 || b.data[b.len - 1] == '\n'))
			continue;	/* no indent at a line's start */
		nl = 0;
		buf_addc(&b, c);
	}
	free(t);
	while (b.len > 0 && (b.data[b.len - 1] == ' ' ||
	    b.data[b.len - 1] == '\n'))
		b.len--;
	if (b.len == 0) {
		buf_free(&b);
		xasprintf(err, "the note is empty");
		return NULL;
	}
	if (b.len > STORE_MAX_NOTE) {
		xasprintf(err, "the note is too long: %zu bytes; a note holds "
		    "at most %d KiB", b.len, STORE_MAX_NOTE / 1024);
		buf_free(&b);
		return NULL;
	}
	b.data[b.len] = '\0';
	return buf_detach(&b);
}

/* Find the first occurrence of words in a body. */
int
library_passage_find(const char *body, size_t len, const char *words,
    size_t *start, size_t *end)
{
	char	*w;
	size_t	 n, i;
	int	 rv = -1;

	w = utf8_clean_line(words, strlen(words));
	n = strlen(w);
	for (i = 0; n > 0 && body != NULL && i + n <= len; i++) {
		if (body[i] == w[0] && memcmp(body + i, w, n) == 0) {
			*start = i;
			*end = i + n;
			rv = 0;
			break;
		}
	}
	free(w);
	return rv;
}

/* Widen a range of a body to whole words, trimmed. */
int
library_passage_words(const char *body, size_t len, size_t *start,
    size_t *end)
{
	size_t	b = *start, e = *end;

	if (body == NULL || b > e || e > len)
		return -1;
	while (b > 0 && body[b - 1] != ' ' && body[b - 1] != '\n')
		b--;
	while (e < len && body[e] != ' ' && body[e] != '\n')
		e++;
	while (b < e && (body[b] == ' ' || body[b] == '\n'))
		b++;
	while (e > b && (body[e - 1] == ' ' || body[e - 1] == '\n'))
		e--;
	if (b == e)
		return -1;
	*start = b;
	*end = e;
	return 0;
}

/* Format a time as "5 Dec 2025", local time. */
void
library_time(int64_t t, char *out, size_t len)
{
	struct tm	tm;
	time_t		tt = (time_t)t;

	if (len > 0)
		*out = '\0';
	if (localtime_r(&tt, &tm) == NULL)
		return;
	if (strftime(out, len, "%e %b %Y", &tm) == 0 && len > 0)
		*out = '\0';
}

/* Keep one note of a story. */
static int
notes_row(const struct store_note *n, void *arg)
{
	struct lib_notes	*x = arg;
	struct lib_note		*e;

	x->v = xreallocarray(x->v, x->n + 1, sizeof *x->v);
	e = &x->v[x->n++];
	memset(e, 0, sizeof *e);
	e->id = n->id;
	e->num = (int)x->n;
	e->has_span = n->has_span;
	e->start = n->start;
	e->end = n->end;
	e->anchor = n->anchor != NULL ? xstrdup(n->anchor) : NULL;
	e->note = xstrdup(n->note != NULL ? n->note : "");
	e->created = n->created;
	e->updated = n->updated;
	library_time(n->updated, e->date, sizeof e->date);
	return 0;
}

/* Read a story's notes, numbered in story order. */
int
library_notes(struct store *s, int64_t id, struct lib_notes *x, char **err)
{
	memset(x, 0, sizeof *x);
	if (store_article_notes(s, id, notes_row, x, err) != 0) {
		library_notes_free(x);
		return -1;
	}
	return 0;
}

/* Free a story's notes. */
void
library_notes_free(struct lib_notes *x)
{
	size_t	i;

	for (i = 0; i < x->n; i++) {
		free(x->v[i].anchor);
		free(x->v[i].note);
	}
	free(x->v);
	memset(x, 0, sizeof *x);
}
