/*
 * Searching the store: a parsed search (search.h) as the SQL condition of a
 * listing, so search results page by (sort_ts, id) like every other list;
 * how to read them fast; and the matched words of a story, for snippets
 * and highlights. The FTS5 expressions come from search.c and are bound as
 * parameters, like every other value the user typed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "search.h"
#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "banned.h"

/* The connection's tokenizers, made when first needed; NULL if FTS5 fails. */
static struct store_tokenizers *
tokenizers(struct store *s)
{
	if (s->tokenizers == NULL)
		s->tokenizers = store_tokenizers_new(s->db);
	return s->tokenizers;
}

/*
 * A story's indexed texts as the row *st is on: title, lead, body and
 * captions (columns 0 to 3). 1 if so, 0 if the story is not there, -1 if
 * they cannot be read.
 */
static int
story_texts(struct store *s, int64_t id, sqlite3_stmt **st)
{
	int	rc;

	if ((*st = st_prepare(s, "SELECT a.title, " STORE_LEAD("a") ","
	    " a.body, (SELECT group_concat(c.text, char(10)) FROM captions c"
	    " WHERE c.article_id = a.id) FROM articles a WHERE a.id = ?1",
	    "cannot search", NULL)) == NULL)
		return -1;
	sqlite3_bind_int64(*st, 1, id);
	if ((rc = sqlite3_step(*st)) == SQLITE_ROW)
		return 1;
	st_finish(s, *st);
	*st = NULL;
	return rc == SQLITE_DONE ? 0 : -1;
}

/*
 * Does a marked span (the words a highlight or snippet marked) hold
 * what one of the search's wanted words or phrases asks for? Quoted ones
 * must match exactly; the others, stem for stem.
 */
static int
span_check(struct store *s, const struct search *q, const char *text,
    size_t len)
{
	struct tokens	 t[2], p;
	size_t		 i;
	int		 stem, ok = 0;

	if (tokenizers(s) == NULL)
		return 1;
	memset(t, 0, sizeof t);
	for (stem = 0; stem < 2; stem++)
		store_tokenize(s->tokenizers, stem, text, len, &t[stem]);
	for (i = 0; i < q->n && !ok; i++) {
		const struct search_atom *a = &q->v[i];

		if (a->kind != SEARCH_TEXT || a->negate || a->words == NULL)
			continue;
		stem = !a->exact;
		memset(&p, 0, sizeof p);
		if (store_tokenize(s->tokenizers, stem, a->words, strlen(a->words),
		    &p) == 0)
			ok = store_tokens_find(&t[stem], 0, &p, a->prefix) <
			    t[stem].n;
		store_tokens_free(&p);
	}
	store_tokens_free(&t[0]);
	store_tokens_free(&t[1]);
	return ok;
}

/*
 * span_check, remembered in c (if not NULL) for the marks seen: a search
 * of every story marks the same few words again and again.
 */
static int
span_wanted(struct store *s, const struct search *q, struct store_marks *c,
    const char *text, size_t len)
{
	size_t	i;
	int	ok;

	for (i = 0; c != NULL && i < c->n; i++)
		if (c->len[i] == len && memcmp(c->text[i], text, len) == 0)
			return c->wanted[i];
	ok = span_check(s, q, text, len);
	if (c != NULL && c->n < STORE_MARKS_MAX && len <= STORE_MARKS_LEN) {
		c->text[c->n] = xmalloc(len > 0 ? len : 1);
		memcpy(c->text[c->n], text, len);
		c->len[c->n] = len;
		c->wanted[c->n++] = ok;
	}
	return ok;
}

void
store_marks_free(struct store_marks *c)
{
	size_t	i;

	for (i = 0; i < c->n; i++)
		free(c->text[i]);
	c->n = 0;
}

/* The first parameter a search binds; the listing's own end at ?6. */
#define SEARCH_PARAM	7
/* Atom i's FTS5 string, and its words for the exact check. */
#define ATOM_PARAM(i)	(SEARCH_PARAM + 1 + (int)(i))
#define EXACT_PARAM(i)	(SEARCH_PARAM + 1 + SEARCH_MAX_ATOMS + (int)(i))

/* The exact check of atom i on story a: its words in its columns. */
static void
exact_sql(struct buf *sql, const struct search_atom *a, size_t i)
{
	buf_printf(sql, "dossier_exact(?%d, %d, a.title", EXACT_PARAM(i),
	    a->prefix);
	if (!a->title)
		buf_adds(sql, ", " STORE_LEAD("a") ", a.body,"
		    " (SELECT group_concat(c.text,"
		    " char(10)) FROM captions c WHERE c.article_id = a.id)");
	buf_addc(sql, ')');
}

/*
 * A prefix: the stories with an indexed term its last word can stem to
 * (dossier_prefix), and the words before it; checked as written after.
 */
static void
prefix_sql(struct buf *sql, const struct search_atom *a, size_t i)
{
	/*
	 * Walk the date index (+a.id): the words as written are checked
	 * only on the stories the page reaches, not on every candidate.
	 */
	buf_printf(sql, "(+a.id IN (SELECT rowid FROM articles_fts WHERE"
	    " articles_fts MATCH dossier_prefix(?%d, %d, 0)) OR +a.id IN"
	    " (SELECT doc FROM temp.dossier_terms WHERE term IN (SELECT value"
	    " FROM json_each(dossier_prefix(?%d, %d, 1)))%s))",
	    EXACT_PARAM(i), a->title, EXACT_PARAM(i), a->title,
	    a->title ? " AND col = 'title'" : "");
	if (a->fts_lead != NULL)
		buf_printf(sql, " AND +a.id IN (SELECT rowid FROM articles_fts"
		    " WHERE articles_fts MATCH ?%d)", ATOM_PARAM(i));
	buf_adds(sql, " AND ");
	exact_sql(sql, a, i);
}

/* A word or phrase: the index finds it, stem for stem; quoted, exactly. */
static void
text_sql(struct buf *sql, const struct search_atom *a, size_t i, int scan)
{
	if (a->prefix) {
		buf_addc(sql, '(');
		prefix_sql(sql, a, i);
		buf_addc(sql, ')');
		return;
	}
	if (a->exact)
		buf_addc(sql, '(');
	buf_printf(sql, "%sa.id IN (SELECT rowid FROM articles_fts"
	    " WHERE articles_fts MATCH ?%d)", scan ? "+" : "", ATOM_PARAM(i));
	if (a->exact) {
		buf_adds(sql, " AND ");
		exact_sql(sql, a, i);
		buf_addc(sql, ')');
	}
}

/*
 * Does quote row q (of story a) hold atom i's words, in any case and
 * accents? Its words are bytes of the body.
 */
void
store_search_quote_sql(struct buf *sql, const char *q, size_t i)
{
	buf_printf(sql, "instr(dossier_fold(CAST(substr(CAST(a.body AS BLOB),"
	    " %s.start + 1, %s.end - %s.start) AS TEXT)), dossier_fold(?%d))"
	    " > 0", q, q, q, EXACT_PARAM(i));
}

/* Add atom i's SQL condition, its value at parameter p. */
static void
atom_sql(struct buf *sql, const struct search_atom *a, size_t i, int p,
    int scan)
{
	if (a->negate)
		buf_adds(sql, "NOT ");
	switch (a->kind) {
	case SEARCH_TEXT:
		text_sql(sql, a, i, scan);
		break;
	/* Names are matched as words are: any case, any accents. */
	case SEARCH_OUTLET:
		buf_printf(sql, "coalesce(instr(dossier_fold(a.outlet),"
		    " dossier_fold(?%d)), 0) > 0", p);
		break;
	case SEARCH_BYLINE:
		buf_printf(sql, "coalesce(instr(dossier_fold(a.byline),"
		    " dossier_fold(?%d)), 0) > 0", p);
		break;
	case SEARCH_TAG:
		if (a->prefix)
			buf_printf(sql, "a.id IN (SELECT article_id FROM tags"
			    " WHERE tag >= ?%d AND tag < ?%d || char(1114111))",
			    p, p);
		else
			buf_printf(sql, "a.id IN (SELECT article_id FROM tags"
			    " WHERE tag = ?%d)", p);
		break;
	case SEARCH_SPEAKER:
		/*
		 * The few names first, then their quotes by index; and the
		 * unnamed sources whose words (kept once: quote_sources)
		 * have it, then theirs by index.
		 */
		buf_printf(sql, "a.id IN (SELECT article_id FROM quotes"
		    " WHERE speaker_id IN (SELECT id FROM entities"
		    " WHERE instr(dossier_fold(name), dossier_fold(?%d)) > 0)"
		    " UNION SELECT qs.article_id FROM quote_sources k CROSS JOIN"
		    " quotes qs INDEXED BY quotes_source"
		    " WHERE instr(dossier_fold(k.key), dossier_fold(?%d)) > 0"
		    " AND lower(qs.source_text) = k.key AND qs.speaker_id IS"
		    " NULL AND qs.source_kind IN ('unnamed', 'media', 'org'))",
		    p, p);
		break;
	case SEARCH_QUOTE:
		buf_printf(sql, "(a.id IN (SELECT rowid FROM articles_fts WHERE"
		    " articles_fts MATCH ?%d) AND EXISTS (SELECT 1 FROM quotes"
		    " qw WHERE qw.article_id = a.id AND ", p);
		store_search_quote_sql(sql, "qw", i);
		buf_adds(sql, "))");
		break;
	case SEARCH_UNREAD:
		buf_adds(sql, "a.read = 0");
		break;
	case SEARCH_READ:
		buf_adds(sql, "a.read = 1");
		break;
	case SEARCH_STARRED:
		buf_adds(sql, "a.starred = 1");
		break;
	case SEARCH_BEFORE:
		buf_printf(sql, "a.sort_ts < ?%d", p);
		break;
	case SEARCH_AFTER:
		buf_printf(sql, "a.sort_ts >= ?%d", p);
		break;
	}
}

/*
 * A clause folded into the FTS5 expression that has exact words: the
 * stemmed index found a superset, so check the clause again, each exact
 * word against the text ("drones" found drone too).
 */
static void
recheck_sql(struct buf *sql, const struct search *q, size_t c, int *any)
{
	size_t	i, n = 0, exact = 0;

	for (i = 0; i < q->n; i++)
		if (q->v[i].clause == c && q->v[i].in_fts) {
			n++;
			exact += q->v[i].exact;
		}
	if (exact == 0)
		return;
	buf_adds(sql, *any ? " AND (" : "(");
	for (i = 0, exact = 0; i < q->n; i++) {
		if (q->v[i].clause != c || !q->v[i].in_fts)
			continue;
		if (exact++ > 0)
			buf_adds(sql, " OR ");
		/* One atom: the index matched it already. */
		if (n == 1)
			exact_sql(sql, &q->v[i], i);
		else
			text_sql(sql, &q->v[i], i, 0);
	}
	buf_addc(sql, ')');
	*any = 1;
}

/*
 * Add a search's condition on articles a: the FTS5 expression every
 * result matches, then each clause left to SQL. With scan the full-text
 * matches are looked up while walking the date index instead of driving
 * the query (good when they are many and only a page is wanted).
 */
void
store_search_sql(struct buf *sql, const struct search *q, int scan)
{
	size_t	c, i, n;
	int	any = 0;

	if (q->fts != NULL) {
		buf_printf(sql, "%sa.id IN (SELECT rowid FROM articles_fts"
		    " WHERE articles_fts MATCH ?%d)", scan ? "+" : "",
		    SEARCH_PARAM);
		any = 1;
	}
	for (c = 0; c < q->nclauses; c++) {
		for (i = n = 0; i < q->n; i++) {
			if (q->v[i].clause != c || q->v[i].in_fts)
				continue;
			buf_adds(sql, n++ == 0 ? (any ? " AND (" : "(") :
			    " OR ");
			atom_sql(sql, &q->v[i], i, ATOM_PARAM(i), scan);
		}
		if (n > 0) {
			buf_addc(sql, ')');
			any = 1;
		}
		if (n == 0)
			recheck_sql(sql, q, c, &any);
	}
	if (!any)
		buf_adds(sql, "1");
}


/* Bind a search's parameters. */
void
store_search_bind(sqlite3_stmt *st, const struct search *q)
{
	const struct search_atom	*a;
	size_t				 i;
	int				 p;

	if (q->fts != NULL)
		st_bind_text(st, SEARCH_PARAM, q->fts);
	for (i = 0; i < q->n; i++) {
		a = &q->v[i];
		p = ATOM_PARAM(i);
		switch (a->kind) {
		case SEARCH_TEXT:
			/* A clause checked again uses its atoms too. */
			st_bind_text(st, p, a->prefix ? a->fts_lead : a->fts);
			if (a->exact)
				st_bind_text(st, EXACT_PARAM(i), a->words);
			break;
		case SEARCH_QUOTE:
			st_bind_text(st, p, a->fts);
			st_bind_text(st, EXACT_PARAM(i), a->value);
			break;
		case SEARCH_TAG:
		case SEARCH_OUTLET:
		case SEARCH_BYLINE:
		case SEARCH_SPEAKER:
			st_bind_text(st, p, a->value);
			break;
		case SEARCH_BEFORE:
		case SEARCH_AFTER:
			sqlite3_bind_int64(st, p, a->ts);
			break;
		default:
			break;
		}
	}
}

/* How many stories the search's full-text part matches; -1 on error. */
int64_t
store_search_fts_count(struct store *s, const struct search *q, char **err)
{
	sqlite3_stmt	*st;

	if ((st = st_prepare(s, "SELECT count(*) FROM articles_fts"
	    " WHERE articles_fts MATCH ?1", "cannot search", err)) != NULL)
		st_bind_text(st, 1, q->fts);
	return st_int(s, st, -1, "cannot search", err);
}

/*
 * Should a window of limit rows walk the date index (1) or read the
 * matches and sort them (0)? Walking costs about limit * N / m rows for
 * m matches of N stories, sorting about m: walk when m * m > limit * N.
 * All of them (a limit over 10000) cost about the same either way when
 * most stories match, and walking gives the first at once: walk then.
 */
int
store_search_scan(struct store *s, const struct search *q, size_t limit,
    char **err)
{
	int64_t	m, n;

	if (q->fts == NULL || limit == 0)
		return 0;
	if ((m = store_search_fts_count(s, q, err)) < 0)
		return -1;
	/* max(id) is the row count, near enough, at no cost. */
	if ((n = st_int(s, st_prepare(s, "SELECT coalesce(max(id), 0)"
	    " FROM articles", "cannot search", err), -1, "cannot search",
	    err)) < 0)
		return -1;
	if (limit > 10000)
		return 2 * m > n;
	return (double)m * (double)m > (double)limit * (double)n;
}

/* Parse a listing's search; -1 with *err set if err is not NULL. */
int
store_search_parse(const struct store_filter *f, struct search *q,
    char **err)
{
	const char	*text = f->value != NULL ? f->value : "";
	char		*msg = NULL;

	if (search_parse(text, strlen(text), q, &msg) == 0)
		return 0;
	if (err != NULL) {
		free(*err);
		*err = msg;
	} else
		free(msg);
	return -1;
}

/*
 * Parse a search for its words to mark: *any is one FTS5 expression of
 * them (NULL if none); q is kept to check each mark (span_wanted).
 */
static int
search_marks(const char *text, struct search *q, char **any, char **err)
{
	struct store_filter	 f;

	*any = NULL;
	memset(&f, 0, sizeof f);
	f.value = text;
	if (store_search_parse(&f, q, err) != 0)
		return -1;
	*any = search_fts_any(q);
	return 0;
}

/*
 * Keep the marks (\1 ... \2) of h that the search wants, as open ...
 * close; drop the others (the stemmed index marked drone for "drones").
 */
static char *
marks_filter(struct store *s, const struct search *q,
    struct store_marks *c, const char *h, const char *open, const char *close,
    size_t *kept)
{
	struct buf	 b;
	const char	*end;

	*kept = 0;
	buf_init(&b);
	while (*h != '\0') {
		if (*h != '\x01') {
			if (*h != '\x02')
				buf_addc(&b, *h);
			h++;
			continue;
		}
		h++;
		end = strchr(h, '\x02');
		if (end == NULL)
			end = h + strlen(h);
		if (span_wanted(s, q, c, h, (size_t)(end - h))) {
			(*kept)++;
			buf_adds(&b, open);
			buf_add(&b, h, (size_t)(end - h));
			buf_adds(&b, close);
		} else
			buf_add(&b, h, (size_t)(end - h));
		h = *end != '\0' ? end + 1 : end;
	}
	buf_addc(&b, '\0');
	return buf_detach(&b);
}

/* Words a snippet shows on each side of the match. */
#define SNIPPET_AROUND	7

/*
 * The words around exact match i..i+k-1 of t in text, the match between
 * open and close, an ellipsis where the text goes on.
 */
static char *
snippet_around(const char *text, const struct tokens *t, size_t i,
    size_t k, const char *open, const char *close)
{
	struct buf	b;
	size_t		first, last;

	first = i > SNIPPET_AROUND ? i - SNIPPET_AROUND : 0;
	last = i + k - 1 + SNIPPET_AROUND < t->n ? i + k - 1 +
	    SNIPPET_AROUND : t->n - 1;
	buf_init(&b);
	if (first > 0)
		buf_adds(&b, "\xe2\x80\xa6");
	buf_add(&b, text + t->start[first], t->start[i] - t->start[first]);
	buf_adds(&b, open);
	buf_add(&b, text + t->start[i], t->end[i + k - 1] - t->start[i]);
	buf_adds(&b, close);
	buf_add(&b, text + t->end[i + k - 1], t->end[last] -
	    t->end[i + k - 1]);
	if (last + 1 < t->n)
		buf_adds(&b, "\xe2\x80\xa6");
	buf_addc(&b, '\0');
	return buf_detach(&b);
}

/*
 * A snippet around the first exact match of the search's quoted words in
 * story id, or NULL: the index's snippet was chosen by stems and may show
 * only other forms of the words.
 */
static char *
exact_snippet(struct store *s, const struct search *q, int64_t id,
    const char *open, const char *close)
{
	const struct search_atom *a;
	struct tokens	 t, p;
	sqlite3_stmt	*st;
	const char	*text;
	char		*out = NULL;
	size_t		 i, at;
	int		 col;

	if (tokenizers(s) == NULL || story_texts(s, id, &st) <= 0)
		return NULL;
	for (col = 0; col < 4 && out == NULL; col++) {
		if ((text = st_text(st, col)) == NULL)
			continue;
		memset(&t, 0, sizeof t);
		if (store_tokenize(s->tokenizers, 0, text,
		    (size_t)sqlite3_column_bytes(st, col), &t) != 0) {
			store_tokens_free(&t);
			continue;
		}
		for (i = 0; i < q->n && out == NULL; i++) {
			a = &q->v[i];
			if (a->kind != SEARCH_TEXT || a->negate || !a->exact ||
			    (a->title && col != 0))
				continue;
			memset(&p, 0, sizeof p);
			if (store_tokenize(s->tokenizers, 0, a->words,
			    strlen(a->words), &p) == 0 && p.n > 0 &&
			    (at = store_tokens_find(&t, 0, &p, a->prefix)) < t.n)
				out = snippet_around(text, &t, at, p.n, open,
				    close);
			store_tokens_free(&p);
		}
		store_tokens_free(&t);
	}
	st_finish(s, st);
	return out;
}

/*
 * Story id's snippet once the index's is known: fts is its snippet()
 * (marks \1 ... \2) if found, else the MATCH had no row. The marks the
 * search wants are kept; with none an exact match or the lead's start.
 */
int
store_search_snippet_of(struct store *s, const struct search *q,
    struct store_marks *c, const char *any, int64_t id, int found,
    const char *fts,
    const char *open, const char *close, char **out, char **err)
{
	sqlite3_stmt	*st;
	char		*exact;
	size_t		 kept;
	int		 rc;

	*out = NULL;
	if (any == NULL && search_has_exact(q))
		/* A prefix alone is shown where it is, as written. */
		*out = exact_snippet(s, q, id, open, close);
	else if (any != NULL && found) {
		*out = marks_filter(s, q, c, fts != NULL ? fts : "", open, close,
		    &kept);
		/* No mark left: show an exact match instead. */
		if (kept == 0 && search_has_exact(q) &&
		    (exact = exact_snippet(s, q, id, open, close)) != NULL) {
			free(*out);
			*out = exact;
		}
	} else if (any != NULL && search_has_exact(q))
		/* A prefix's stem may not start as it does. */
		*out = exact_snippet(s, q, id, open, close);
	if (*out != NULL)
		return 0;
	/* A story found by its filters alone has no words to show. */
	if ((st = st_prepare(s, "SELECT substr(t, 1, 100) || iif(length(t)"
	    " > 100, '\xe2\x80\xa6', '') FROM (SELECT coalesce("
	    STORE_LEAD("a") ", a.body, '') AS t FROM articles a"
	    " WHERE a.id = ?1)",
	    "cannot search", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*out = marks_filter(s, q, c, st_text(st, 0) != NULL ?
		    st_text(st, 0) : "", open, close, &kept);
	return st_rows_end(s, st, rc, "cannot search", err);
}

/* The best few words of a story for a search, or its lead's start. */
int
store_search_snippet(struct store *s, const char *text, int64_t id,
    const char *open, const char *close, char **out, char **err)
{
	struct search	 q;
	sqlite3_stmt	*st = NULL;
	char		*any, *fts = NULL;
	int		 rv = -1, rc = SQLITE_DONE;

	*out = NULL;
	memset(&q, 0, sizeof q);
	if (search_marks(text, &q, &any, err) != 0)
		return -1;
	if (any != NULL) {
		if ((st = st_prepare(s, "SELECT dossier_hits(articles_fts)"
		    " FROM articles_fts WHERE articles_fts MATCH ?1"
		    " AND rowid = ?2", "cannot search", err)) == NULL)
			goto out;
		st_bind_text(st, 1, any);
		sqlite3_bind_int64(st, 2, id);
		rc = sqlite3_step(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			st_rows_end(s, st, rc, "cannot search", err);
			st = NULL;
			goto out;
		}
	}
	/* The index's snippet, made from its hits (store-snippet.c). */
	if (rc == SQLITE_ROW && store_snippet_of(s, id,
	    sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0),
	    &fts, err) != 0)
		goto out;
	rv = store_search_snippet_of(s, &q, NULL, any, id, rc == SQLITE_ROW,
	    fts, open, close, out, err);
out:
	if (st != NULL)
		st_finish(s, st);
	free(fts);
	search_free(&q);
	free(any);
	return rv;
}

/*
 * Call fn for each word of story id that a prefix of the search starts
 * (with the words before it), column by column; -1 on a read error.
 */
static int
prefix_spans(struct store *s, const struct search *q, int64_t id,
    int (*fn)(int, size_t, size_t, void *), void *arg)
{
	const struct search_atom *a;
	struct tokens	 t, p;
	sqlite3_stmt	*st;
	const char	*text;
	size_t		 i, j, at;
	int		 col, rv, stop = 0;

	for (i = 0; i < q->n; i++)
		if (q->v[i].kind == SEARCH_TEXT && q->v[i].prefix &&
		    !q->v[i].negate)
			break;
	if (i == q->n)
		return 0;
	if (tokenizers(s) == NULL)
		return 0;
	if ((rv = story_texts(s, id, &st)) <= 0)
		return rv;
	for (col = 0; col < 4 && !stop; col++) {
		if ((text = st_text(st, col)) == NULL)
			continue;
		memset(&t, 0, sizeof t);
		store_tokenize(s->tokenizers, 0, text,
		    (size_t)sqlite3_column_bytes(st, col), &t);
		for (i = 0; i < q->n && !stop; i++) {
			a = &q->v[i];
			if (a->kind != SEARCH_TEXT || !a->prefix || a->negate ||
			    (a->title && col != 0))
				continue;
			memset(&p, 0, sizeof p);
			if (store_tokenize(s->tokenizers, 0, a->words,
			    strlen(a->words), &p) == 0 && p.n > 0)
				for (j = 0; !stop && (at = store_tokens_find(&t, j,
				    &p, 1)) < t.n; j = at + 1)
					stop = fn(col, t.start[at],
					    t.end[at + p.n - 1], arg) != 0;
			store_tokens_free(&p);
		}
		store_tokens_free(&t);
	}
	st_finish(s, st);
	return 0;
}

/* Call fn for each marked span of a highlighted column that is wanted. */
static int
spans_column(struct store *s, const struct search *q, int col,
    const char *h, int (*fn)(int, size_t, size_t, void *), void *arg)
{
	const char	*mark = NULL;
	size_t		 off = 0, start = 0;

	for (; h != NULL && *h != '\0'; h++) {
		if (*h == '\x01') {
			mark = h + 1;
			start = off;
		} else if (*h == '\x02') {
			if (mark != NULL && span_wanted(s, q, NULL, mark,
			    (size_t)(h - mark)) && fn(col, start, off,
			    arg) != 0)
				return 1;
			mark = NULL;
		} else
			off++;
	}
	return 0;
}

int
store_search_spans(struct store *s, const char *text, int64_t id,
    int (*fn)(int, size_t, size_t, void *), void *arg, char **err)
{
	struct search	 q;
	sqlite3_stmt	*st;
	char		*any;
	int		 rc, rv = -1, col;

	memset(&q, 0, sizeof q);
	if (search_marks(text, &q, &any, err) != 0)
		return -1;
	if (prefix_spans(s, &q, id, fn, arg) != 0) {
		st_error(s, err, "cannot search");
		goto out;
	}
	if (any == NULL) {
		rv = 0;
		goto out;
	}
	/*
	 * A lead the index does not hold (lead_body) is highlighted as its
	 * body is, each pair of newlines a space, as STORE_LEAD reads it.
	 */
	if ((st = st_prepare(s, "SELECT"
	    " highlight(articles_fts, 0, char(1), char(2)),"
	    " CASE WHEN (SELECT lead_body FROM articles WHERE id = ?2)"
	    "  THEN replace(highlight(articles_fts, 2, char(1), char(2)),"
	    "  char(10) || char(10), ' ')"
	    "  ELSE highlight(articles_fts, 1, char(1), char(2)) END,"
	    " highlight(articles_fts, 2, char(1), char(2)),"
	    " highlight(articles_fts, 3, char(1), char(2))"
	    " FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid = ?2",
	    "cannot search", err)) == NULL)
		goto out;
	st_bind_text(st, 1, any);
	sqlite3_bind_int64(st, 2, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (col = 0; col < 4; col++)
			if (spans_column(s, &q, col, st_text(st, col), fn,
			    arg) != 0)
				break;
	rv = st_rows_end(s, st, rc, "cannot search", err);
out:
	search_free(&q);
	free(any);
	return rv;
}
