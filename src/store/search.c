/*
 * The search language (see search.h): a small hand-written scanner that
 * turns what the user typed into atoms, and the FTS5 expression of the
 * atoms that are words and phrases. Every word or phrase is written as an
 * FTS5 string with its double quotes doubled; only this file writes the
 * operators (AND, OR, NOT, :, *) around them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "search.h"
#include "xmalloc.h"
#include "banned.h"

/* The field filters and what they make. */
static const struct {
	const char		*name;
	enum search_kind	 kind;
} search_fields[] = {
	{ "title", SEARCH_TEXT },
	{ "outlet", SEARCH_OUTLET },
	{ "by", SEARCH_BYLINE },
	{ "tag", SEARCH_TAG },
	{ "speaker", SEARCH_SPEAKER },
	{ "quote", SEARCH_QUOTE },
	{ "is", SEARCH_UNREAD },
	{ "before", SEARCH_BEFORE },
	{ "after", SEARCH_AFTER },
};
#define SEARCH_NFIELDS (sizeof search_fields / sizeof search_fields[0])

const struct search_syntax search_syntax[] = {
	{ "drone strike", "stories with every word, in any form (drone "
	  "finds drones); in the title, lead, body or captions" },
	{ "\"drones\"  \"red line\"", "these exact words, in this order" },
	{ "dron*", "a word that starts with dron" },
	{ "-word  -\"a b\"", "leave out the stories that have it" },
	{ "a OR b", "either one (binds tighter than the spaces)" },
	{ "title:WORD", "the word (or \"words\") in the headline" },
	{ "outlet:T  by:T", "outlet or byline containing T" },
	{ "speaker:NAME", "stories quoting someone whose name has NAME, or "
	  "an unnamed source whose words have it (speaker:official)" },
	{ "quote:WORD  quote:\"red line\"", "stories with the words inside "
	  "a quote (any case)" },
	{ "tag:TAG  tag:T*", "stories with the tag, or a tag starting T" },
	{ "is:unread  is:read  is:starred", "by reading state" },
	{ "after:DATE  before:DATE", "published on or after, or before "
	  "(YYYY-MM-DD, YYYY-MM or YYYY)" },
	{ "-tag:T  -speaker:N ...", "any filter left out" },
};
const size_t search_nsyntax = sizeof search_syntax / sizeof search_syntax[0];

/* The scanner's state: the text and where it is. */
struct scan {
	const char	*s;
	size_t		 len, pos;
};

/* A space for the scanner: blanks, NULs and other control characters. */
static int
scan_space(const struct scan *sc, size_t i)
{
	unsigned char	c = (unsigned char)sc->s[i];

	return c <= ' ' || c == 0x7f;
}

/* Does a piece of text hold something the FTS5 tokenizer would index? */
static int
has_token(const char *s, size_t len)
{
	size_t		i;
	unsigned char	c;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x80 || (c >= '0' && c <= '9') ||
		    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return 1;
	}
	return 0;
}

/* Copy len bytes with control characters (NUL too) made spaces. */
static char *
copy_clean(const char *s, size_t len)
{
	char	*out = xmalloc(len + 1);
	size_t	 i;

	for (i = 0; i < len; i++)
		out[i] = ((unsigned char)s[i] < ' ' || s[i] == 0x7f) ? ' ' :
		    s[i];
	out[len] = '\0';
	return out;
}

/* Write an FTS5 string: "text" with its quotes doubled, maybe a prefix. */
static char *
fts_string(const char *column, const char *s, size_t len, int prefix)
{
	struct buf	b;
	size_t		i;

	buf_init(&b);
	if (column != NULL)
		buf_printf(&b, "%s : ", column);
	buf_addc(&b, '"');
	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] < ' ' || s[i] == 0x7f)
			buf_addc(&b, ' ');
		else {
			if (s[i] == '"')
				buf_addc(&b, '"');
			buf_addc(&b, s[i]);
		}
	}
	buf_addc(&b, '"');
	if (prefix)
		buf_adds(&b, " *");
	return buf_detach(&b);
}

/*
 * The words of a prefix phrase before its last, as an FTS5 phrase, or
 * NULL. The stemmed index has no sure way to find the start of a word as
 * written (the stem of negotiations is negoti: negotiat* is no stem's
 * start), so a prefix's last word is looked up among the indexed terms
 * (store-search.c) and only the words before it go to the index.
 */
static char *
prefix_lead(const char *column, const char *s, size_t len)
{
	while (len > 0 && ((unsigned char)s[len - 1] >= 0x80 ||
	    (s[len - 1] >= '0' && s[len - 1] <= '9') ||
	    ((s[len - 1] | 0x20) >= 'a' && (s[len - 1] | 0x20) <= 'z')))
		len--;
	return has_token(s, len) ? fts_string(column, s, len, 0) : NULL;
}

/*
 * Read one value at the scanner: a "quoted phrase" (to the closing quote
 * or the end) or a run of non-spaces. Sets *quoted; trailing stars are
 * taken off and reported in *prefix.
 */
static void
scan_value(struct scan *sc, const char **v, size_t *vlen, int *quoted,
    int *prefix)
{
	size_t	start;

	*quoted = *prefix = 0;
	if (sc->pos < sc->len && sc->s[sc->pos] == '"') {
		*quoted = 1;
		start = ++sc->pos;
		while (sc->pos < sc->len && sc->s[sc->pos] != '"')
			sc->pos++;
		*v = sc->s + start;
		*vlen = sc->pos - start;
		if (sc->pos < sc->len)
			sc->pos++;	/* the closing quote */
		while (sc->pos < sc->len && sc->s[sc->pos] == '*') {
			*prefix = 1;
			sc->pos++;
		}
		/* What sticks to the closing quote belongs to nothing. */
		while (sc->pos < sc->len && !scan_space(sc, sc->pos))
			sc->pos++;
		return;
	}
	start = sc->pos;
	while (sc->pos < sc->len && !scan_space(sc, sc->pos))
		sc->pos++;
	*v = sc->s + start;
	*vlen = sc->pos - start;
	while (*vlen > 0 && (*v)[*vlen - 1] == '*') {
		*prefix = 1;
		(*vlen)--;
	}
}

/* Is the text at the scanner a known field and its colon? Which one. */
static int
scan_field(const struct scan *sc, size_t *field)
{
	size_t	i, n;

	for (i = 0; i < SEARCH_NFIELDS; i++) {
		n = strlen(search_fields[i].name);
		if (sc->len - sc->pos > n && sc->s[sc->pos + n] == ':' &&
		    strncasecmp(sc->s + sc->pos, search_fields[i].name,
		    n) == 0) {
			*field = i;
			return 1;
		}
	}
	return 0;
}

/* Parse YYYY, YYYY-MM or YYYY-MM-DD into the time the period starts. */
static int
parse_date(const char *s, size_t len, int64_t *ts)
{
	char	iso[16];
	int	y, m = 1, d = 1, ok;

	if (len != 4 && len != 7 && len != 10)
		return -1;
	if (strspn(s, "0123456789") < 4 || (len > 4 && (s[4] != '-' ||
	    strspn(s + 5, "0123456789") < 2)) || (len > 7 && (s[7] != '-' ||
	    strspn(s + 8, "0123456789") < 2)))
		return -1;
	y = atoi(s);
	if (len > 4)
		m = atoi(s + 5);
	if (len > 7)
		d = atoi(s + 8);
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
	if (date_epoch(iso) < 0 && y >= 1970)
		return -1;
	ok = y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
	if (!ok)
		return -1;
	*ts = date_epoch(iso);
	return 0;
}

/*
 * The period a date names (YYYY, YYYY-MM or YYYY-MM-DD): when it starts
 * and when the next one does; -1 if it is not such a date.
 */
int
search_period(const char *s, int64_t *start, int64_t *end)
{
	char	iso[16];
	size_t	len = strlen(s);
	int	y, m = 1, d = 1;

	if (parse_date(s, len, start) != 0)
		return -1;
	y = atoi(s);
	if (len > 4)
		m = atoi(s + 5);
	if (len > 7)
		d = atoi(s + 8);
	if (len == 10) {
		*end = *start + 86400;
		return 0;
	}
	if (len == 7 && ++m > 12) {
		m = 1;
		y++;
	} else if (len == 4)
		y++;
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
	*end = date_epoch(iso);
	return 0;
}

/* Make a filter atom from a field's value; -1 with *err. */
static int
field_atom(struct search_atom *a, size_t field, const char *v, size_t vlen,
    int quoted, int prefix, char **err)
{
	const char	*name = search_fields[field].name;
	char		*val;
	int		 rv = 0;

	a->kind = search_fields[field].kind;
	val = copy_clean(v, vlen);
	if (!has_token(v, vlen)) {
		xasprintf(err, "%s: needs a value", name);
		free(val);
		return -1;
	}
	switch (a->kind) {
	case SEARCH_TEXT:	/* title: */
		a->fts = fts_string("title", v, vlen, prefix);
		if (prefix)
			a->fts_lead = prefix_lead("title", v, vlen);
		a->words = xstrdup(val);
		a->exact = quoted || prefix;
		a->prefix = prefix;
		a->title = 1;
		break;
	case SEARCH_TAG:
		if ((a->value = article_tag_normalize(val,
		    strlen(val))) == NULL) {
			xasprintf(err, "tag: needs a value");
			rv = -1;
		}
		a->prefix = prefix;	/* tag:dron*: the tags that start so */
		break;
	case SEARCH_UNREAD:	/* is: */
		if (strcasecmp(val, "unread") == 0)
			a->kind = SEARCH_UNREAD;
		else if (strcasecmp(val, "read") == 0)
			a->kind = SEARCH_READ;
		else if (strcasecmp(val, "starred") == 0)
			a->kind = SEARCH_STARRED;
		else {
			xasprintf(err, "unknown is:%.40s (use is:unread, "
			    "is:read or is:starred)", val);
			rv = -1;
		}
		break;
	case SEARCH_QUOTE:
		/* The index narrows; the quote's words are checked. */
		a->fts = fts_string(NULL, v, vlen, 0);
		a->value = val;
		val = NULL;
		break;
	case SEARCH_BEFORE:
	case SEARCH_AFTER:
		/* before: the start of the period; after: from its start. */
		if (parse_date(val, strlen(val), &a->ts) != 0) {
			xasprintf(err, "%s: bad date '%.40s' (use "
			    "YYYY-MM-DD, YYYY-MM or YYYY)", name, val);
			rv = -1;
		}
		break;
	default:
		a->value = val;
		val = NULL;
		break;
	}
	free(val);
	return rv;
}

void
search_free(struct search *q)
{
	size_t	i;

	for (i = 0; i < q->n; i++) {
		free(q->v[i].fts);
		free(q->v[i].fts_lead);
		free(q->v[i].value);
		free(q->v[i].words);
	}
	free(q->v);
	free(q->fts);
	memset(q, 0, sizeof *q);
}

/* Add the atoms of a clause to an expression: one, or (a OR b ...). */
static void
plan_clause(struct buf *b, const struct search *q, size_t clause)
{
	size_t	i, n = 0;

	for (i = 0; i < q->n; i++)
		n += q->v[i].clause == clause;
	if (n > 1)
		buf_addc(b, '(');
	for (i = 0, n = 0; i < q->n; i++) {
		if (q->v[i].clause != clause)
			continue;
		if (n++ > 0)
			buf_adds(b, " OR ");
		buf_adds(b, q->v[i].fts);
	}
	if (n > 1)
		buf_addc(b, ')');
}

/* Is this clause made only of words wanted (not left out)? */
static int
clause_wanted(const struct search *q, size_t clause)
{
	size_t	i, n = 0;

	for (i = 0; i < q->n; i++) {
		if (q->v[i].clause != clause)
			continue;
		if (q->v[i].kind != SEARCH_TEXT || q->v[i].negate ||
		    q->v[i].prefix)
			return 0;
		n++;
	}
	return n > 0;
}

/* The atom that is a clause on its own, if it is a word left out. */
static struct search_atom *
clause_left_out(struct search *q, size_t clause)
{
	struct search_atom	*a = NULL;
	size_t			 i;

	for (i = 0; i < q->n; i++) {
		if (q->v[i].clause != clause)
			continue;
		if (a != NULL)
			return NULL;
		a = &q->v[i];
	}
	/*
	 * Exact words left out are left to SQL: their stems would leave
	 * out more than was asked.
	 */
	return a != NULL && a->kind == SEARCH_TEXT && a->negate &&
	    !a->exact ? a : NULL;
}

/*
 * Fold into one FTS5 expression the clauses made only of wanted words,
 * then, if there were any, the words left out on their own (FTS5's NOT
 * needs something on its left): "(P1 AND P2) NOT (N1 OR N2)".
 */
static void
search_plan(struct search *q)
{
	struct search_atom	*a;
	struct buf		 pos, neg;
	size_t			 c, i, npos = 0, nneg = 0;

	buf_init(&pos);
	buf_init(&neg);
	for (c = 0; c < q->nclauses; c++) {
		if (!clause_wanted(q, c))
			continue;
		if (npos++ > 0)
			buf_adds(&pos, " AND ");
		plan_clause(&pos, q, c);
		for (i = 0; i < q->n; i++)
			if (q->v[i].clause == c)
				q->v[i].in_fts = 1;
	}
	for (c = 0; npos > 0 && c < q->nclauses; c++) {
		if ((a = clause_left_out(q, c)) == NULL)
			continue;
		buf_adds(&neg, nneg++ == 0 ? "" : " OR ");
		buf_adds(&neg, a->fts);
		a->in_fts = 1;
	}
	if (npos == 0)
		q->fts = NULL;
	else if (nneg == 0)
		q->fts = xstrdup(pos.data);
	else
		xasprintf(&q->fts, "(%s) NOT (%s)", pos.data, neg.data);
	buf_free(&pos);
	buf_free(&neg);
}

int
search_parse(const char *text, size_t len, struct search *q, char **err)
{
	struct scan		 sc = { text, len, 0 };
	struct search_atom	 a;
	const char		*v;
	size_t			 vlen, field;
	int			 quoted, prefix, want_or = 0, isfield;

	memset(q, 0, sizeof *q);
	*err = NULL;
	for (;;) {
		while (sc.pos < sc.len && scan_space(&sc, sc.pos))
			sc.pos++;
		if (sc.pos >= sc.len)
			break;
		/* OR joins the next atom to the clause of the last one. */
		if (sc.len - sc.pos >= 2 && strncmp(sc.s + sc.pos, "OR",
		    2) == 0 && (sc.pos + 2 == sc.len ||
		    scan_space(&sc, sc.pos + 2))) {
			sc.pos += 2;
			want_or = q->n > 0;
			continue;
		}
		memset(&a, 0, sizeof a);
		if (sc.s[sc.pos] == '-') {
			a.negate = 1;
			sc.pos++;
		}
		if ((isfield = scan_field(&sc, &field)) != 0)
			sc.pos += strlen(search_fields[field].name) + 1;
		scan_value(&sc, &v, &vlen, &quoted, &prefix);
		if (isfield) {
			if (field_atom(&a, field, v, vlen, quoted, prefix,
			    err) != 0)
				goto fail;
		} else {
			/* Punctuation alone ("-", "*", "...") is no word. */
			if (!has_token(v, vlen))
				continue;
			a.kind = SEARCH_TEXT;
			a.fts = fts_string(NULL, v, vlen, prefix);
			if (prefix)
				a.fts_lead = prefix_lead(NULL, v, vlen);
			a.words = copy_clean(v, vlen);
			/*
			 * Quoted words are matched as typed; so is a prefix,
			 * the start of a word as written (the stem of "gas"
			 * is "ga": gas* must not find gains).
			 */
			a.exact = quoted || prefix;
			a.prefix = prefix;
		}
		if (q->n == SEARCH_MAX_ATOMS) {
			free(a.fts);
			free(a.fts_lead);
			free(a.value);
			free(a.words);
			xasprintf(err, "too many search terms (at most %d)",
			    SEARCH_MAX_ATOMS);
			goto fail;
		}
		a.clause = want_or ? q->v[q->n - 1].clause : q->nclauses++;
		want_or = 0;
		q->v = xreallocarray(q->v, q->n + 1, sizeof *q->v);
		q->v[q->n++] = a;
	}
	if (q->n == 0) {
		xasprintf(err, "empty search");
		goto fail;
	}
	search_plan(q);
	return 0;
fail:
	search_free(q);
	return -1;
}

int
search_has_exact(const struct search *q)
{
	size_t	i;

	for (i = 0; i < q->n; i++)
		if (q->v[i].exact)
			return 1;
	return 0;
}

char *
search_fts_any(const struct search *q)
{
	struct buf	b;
	size_t		i, n = 0;

	buf_init(&b);
	for (i = 0; i < q->n; i++) {
		/* A prefix's stem may start otherwise: it is marked by words. */
		if (q->v[i].kind != SEARCH_TEXT || q->v[i].negate ||
		    q->v[i].prefix)
			continue;
		if (n++ > 0)
			buf_adds(&b, " OR ");
		buf_adds(&b, q->v[i].fts);
	}
	if (n == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}
