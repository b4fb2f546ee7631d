/*
 * Snippets made here as FTS5's snippet() makes them, byte for byte (its
 * rules: the window of 16 words with the most phrases, a sentence's start
 * preferred, the words hit marked), from what the index knows of a row
 * (dossier_hits: its phrase instances and column sizes, no text read) and
 * the text of only the columns hit, read through store_search_text.
 * snippet() reads every column of a story and tokenizes each whole, the
 * best one twice; this tokenizes the columns hit only as far as the last
 * hit's window. The tokenizer is the index's own (store-words.c).
 * tests/test-snippet.c compares the two on the whole search language.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "banned.h"

/* The words of one column as far as they were read. */
struct words {
	const char	*text;
	int		 len;
	int		*start, *end;	/* each word's bytes */
	int		*first;		/* the words that start a sentence */
	int		 n, cap, nfirst, capfirst;
	int		 lim;		/* stop after this many */
	int		 read;		/* tokenized (up to lim) */
};

/* What snippet() keeps while it copies the window (HighlightContext). */
struct mark {
	const struct store_hits *h;
	struct buf	*out;
	const char	*text;
	int		 col, at;	/* the instance iterator: next one */
	int		 istart, iend;	/* the coalesced instance, or -1 */
	int		 off;		/* bytes copied so far */
};

/*
 * dossier_hits(articles_fts): the row's hits as the index has them, one
 * blob of int32: phrases, columns, instances, each phrase's size, each
 * column's size, then each instance's phrase, column and offset.
 */
static void
fts_hits(const Fts5ExtensionApi *api, Fts5Context *fts,
    sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	int32_t	*v;
	int	 np, nc, ni, i, a, b, c;
	size_t	 n;

	(void)nval;
	(void)val;
	np = api->xPhraseCount(fts);
	nc = api->xColumnCount(fts);
	if (api->xInstCount(fts, &ni) != SQLITE_OK) {
		sqlite3_result_error(ctx, "cannot read the index's hits", -1);
		return;
	}
	n = 3 + (size_t)np + (size_t)nc + 3 * (size_t)ni;
	if ((v = sqlite3_malloc64(n * sizeof *v)) == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	v[0] = np;
	v[1] = nc;
	v[2] = ni;
	for (i = 0; i < np; i++)
		v[3 + i] = api->xPhraseSize(fts, i);
	for (i = 0; i < nc; i++) {
		if (api->xColumnSize(fts, i, &a) != SQLITE_OK)
			a = 0;
		v[3 + np + i] = a;
	}
	for (i = 0; i < ni; i++) {
		a = b = c = 0;
		api->xInst(fts, i, &a, &b, &c);
		v[3 + np + nc + 3 * i] = a;
		v[3 + np + nc + 3 * i + 1] = b;
		v[3 + np + nc + 3 * i + 2] = c;
	}
	sqlite3_result_blob64(ctx, v, n * sizeof *v, sqlite3_free);
}

/*
 * dossier_in(ID, SET): 1 if ID is one of the rising ids bound as SET
 * (sqlite3_bind_pointer, type "dossier_ids"), else 0. Cheaper than IN on
 * a table of them when the index gives many rows and the set keeps few.
 */
static void
sql_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct store_ids	*set;
	int64_t			 id;
	size_t			 lo = 0, hi, mid;

	(void)argc;
	set = sqlite3_value_pointer(argv[1], "dossier_ids");
	id = sqlite3_value_int64(argv[0]);
	for (hi = set != NULL ? set->n : 0; lo < hi; ) {
		mid = lo + (hi - lo) / 2;
		if (set->v[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	sqlite3_result_int(ctx, set != NULL && lo < set->n &&
	    set->v[lo] == id);
}

int
store_snippet_init(struct store *s, char **err)
{
	fts5_api	*api;

	if (sqlite3_create_function_v2(s->db, "dossier_in", 2, SQLITE_UTF8,
	    NULL, sql_in, NULL, NULL, NULL) != SQLITE_OK ||
	    (api = store_fts5_api(s->db)) == NULL ||
	    api->xCreateFunction(api, "dossier_hits", NULL, fts_hits,
	    NULL) != SQLITE_OK)
		return st_error(s, err, "cannot set up searching");
	return 0;
}

/* Read a dossier_hits blob into h (pointing into it); -1 if malformed. */
int
store_snippet_hits(const void *blob, size_t len, struct store_hits *h)
{
	const int32_t	*v = blob;
	size_t		 n, i;

	memset(h, 0, sizeof *h);
	if (blob == NULL || len < 3 * sizeof *v || len % sizeof *v != 0)
		return -1;
	if (v[0] < 0 || v[1] < 0 || v[1] > STORE_SNIPPET_COLS || v[2] < 0)
		return -1;
	n = 3 + (size_t)v[0] + (size_t)v[1] + 3 * (size_t)v[2];
	if (len / sizeof *v != n)
		return -1;
	h->nphrase = v[0];
	h->ncol = v[1];
	h->ninst = v[2];
	h->psize = v + 3;
	h->colsize = v + 3 + h->nphrase;
	h->inst = v + 3 + h->nphrase + h->ncol;
	for (i = 0; i < (size_t)h->ninst; i++)
		if (h->inst[3 * i] < 0 || h->inst[3 * i] >= h->nphrase ||
		    h->inst[3 * i + 1] < 0 || h->inst[3 * i + 1] >= h->ncol ||
		    h->inst[3 * i + 2] < 0)
			return -1;
	return 0;
}

/*
 * The columns whose text a snippet needs (bit c for column c): those
 * hit, or the first when nothing is, as snippet() takes it then.
 */
unsigned
store_snippet_cols(const struct store_hits *h)
{
	unsigned	m = 0;
	int		i;

	for (i = 0; i < h->ninst; i++)
		m |= 1u << h->inst[3 * i + 1];
	return m != 0 ? m : h->ncol > 0 ? 1u : 0;
}

static void
words_free(struct words *w)
{
	free(w->start);
	free(w->end);
	free(w->first);
}

/* fts5SentenceFinderCb's test: a word after ". " or ": " starts one. */
static int
sentence_starts(const char *doc, int at)
{
	int	i;
	char	c = 0;

	for (i = at - 1; i >= 0; i--) {
		c = doc[i];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
	}
	return i != at - 1 && (c == '.' || c == ':');
}

/* The tokenizer's callback: keep a word's bytes and sentence starts. */
static int
words_add(void *arg, int flags, const char *tok, int ntok, int start,
    int end)
{
	struct words	*w = arg;

	(void)tok;
	(void)ntok;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	if (w->n >= w->lim)
		return SQLITE_DONE;
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 256;
		w->start = xreallocarray(w->start, (size_t)w->cap,
		    sizeof *w->start);
		w->end = xreallocarray(w->end, (size_t)w->cap, sizeof *w->end);
	}
	if (w->n == 0 || sentence_starts(w->text, start)) {
		if (w->nfirst == w->capfirst) {
			w->capfirst = w->capfirst ? w->capfirst * 2 : 32;
			w->first = xreallocarray(w->first,
			    (size_t)w->capfirst, sizeof *w->first);
		}
		w->first[w->nfirst++] = w->n;
	}
	w->start[w->n] = start;
	w->end[w->n] = end;
	w->n++;
	return SQLITE_OK;
}

/*
 * The bytes of the character at t[i] if it is one that unicode61 always
 * takes for a space and that news text is full of (no-break space,
 * dashes, curly quotes, the ellipsis), or 0.
 */
static int
separator(const unsigned char *t, int i, int len)
{
	if (i + 1 < len && t[i] == 0xc2 && t[i + 1] == 0xa0)
		return 2;
	if (i + 2 < len && t[i] == 0xe2 && t[i + 1] == 0x80 &&
	    ((t[i + 2] >= 0x93 && t[i + 2] <= 0x94) ||	/* – — */
	    (t[i + 2] >= 0x98 && t[i + 2] <= 0x99) ||	/* ‘ ’ */
	    (t[i + 2] >= 0x9c && t[i + 2] <= 0x9d) ||	/* “ ” */
	    t[i + 2] == 0xa6))				/* … */
		return 3;
	return 0;
}

/*
 * What each byte is to words_fast: 0 a space, 1 a word's (ASCII letters
 * and digits, a word's bytes to unicode61), 2 not ASCII.
 */
static const unsigned char fast_class[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

/*
 * The words of a text as unicode61 finds them (runs of letters and
 * digits) while it has only ASCII and the separators above, without the
 * tokenizer's folding; 0 once another character is met before the words
 * wanted are read, for the tokenizer to do.
 */
static int
words_fast(struct words *w)
{
	const unsigned char	*t = (const unsigned char *)w->text;
	int			 i = 0, k, start;

	while (i < w->len) {
		switch (fast_class[t[i]]) {
		case 0:
			i++;
			continue;
		case 2:
			if ((k = separator(t, i, w->len)) == 0)
				return 0;
			i += k;
			continue;
		}
		for (start = i++; i < w->len && fast_class[t[i]] == 1; i++)
			;
		if (i < w->len && fast_class[t[i]] == 2 && separator(t, i,
		    w->len) == 0)
			return 0;
		if (words_add(w, 0, NULL, 0, start, i) != SQLITE_OK)
			break;
	}
	return 1;
}

/* Tokenize w's text as far as lim words (all of it for INT32_MAX). */
static int
words_read(struct store_tokenizers *tk, struct words *w, int lim)
{
	w->n = w->nfirst = 0;
	w->lim = lim;
	w->read = 1;
	if (w->text == NULL || w->len == 0 || words_fast(w))
		return 0;
	w->n = w->nfirst = 0;
	return store_tokenize_each(tk, w->text, (size_t)w->len, w,
	    words_add) == 0 ? 0 : -1;
}

/*
 * fts5SnippetScore: the score of the window of ntok words from pos in
 * column col (1000 a phrase first seen, 1 again), and where a window
 * around its hits would start (*adj, if not NULL).
 */
static int
score(const struct store_hits *h, unsigned char *seen, int col, int pos,
    int ntok, int docsize, int *adj)
{
	int64_t	end = (int64_t)pos + ntok, a;
	int	i, first = -1, last = 0, sc = 0, ip, io;

	memset(seen, 0, (size_t)h->nphrase);
	for (i = 0; i < h->ninst; i++) {
		ip = h->inst[3 * i];
		io = h->inst[3 * i + 2];
		if (h->inst[3 * i + 1] != col || io < pos || io >= end)
			continue;
		sc += seen[ip] ? 1 : 1000;
		seen[ip] = 1;
		if (first < 0)
			first = io;
		last = io + h->psize[ip];
	}
	if (adj != NULL) {
		a = first - (ntok - (last - first)) / 2;
		if (a + ntok > docsize)
			a = docsize - ntok;
		if (a < 0)
			a = 0;
		*adj = (int)a;
	}
	return sc;
}

/* The last word of the column's hits, and the words after it to read. */
static int
words_wanted(const struct store_hits *h, int col, int ntok)
{
	int	i, m = 0, e;

	for (i = 0; i < h->ninst; i++)
		if (h->inst[3 * i + 1] == col &&
		    (e = h->inst[3 * i + 2] + h->psize[h->inst[3 * i]]) > m)
			m = e;
	return m > INT32_MAX - 2 * ntok ? INT32_MAX : m + 2 * ntok;
}

/*
 * Choose the best window, as snippet() does: each instance's own window
 * and the sentence it is in, the first best kept. -1 on a tokenizer
 * error or hits past the column's end (a corrupt index to FTS5).
 */
static int
best_window(struct store_tokenizers *tk, const struct store_hits *h,
    struct words *w, int ntok, int *bcol, int *bstart, int *bsize)
{
	unsigned char	*seen;
	unsigned	 cols = store_snippet_cols(h);
	int		 i, ii, jj, io, adj, sc, best = 0, rv = 0;

	seen = xmalloc(h->nphrase > 0 ? (size_t)h->nphrase : 1);
	*bcol = 0;
	*bstart = 0;
	*bsize = 0;
	for (i = 0; i < h->ncol && rv == 0; i++) {
		if (!(cols & (1u << i)) || h->ninst == 0)
			continue;
		if (words_read(tk, &w[i], words_wanted(h, i, ntok)) != 0) {
			rv = -1;
			break;
		}
		for (ii = 0; ii < h->ninst; ii++) {
			if (h->inst[3 * ii + 1] != i)
				continue;
			if ((io = h->inst[3 * ii + 2]) > h->colsize[i]) {
				rv = -1;
				break;
			}
			sc = score(h, seen, i, io, ntok, h->colsize[i], &adj);
			if (sc > best) {
				best = sc;
				*bcol = i;
				*bstart = adj;
				*bsize = h->colsize[i];
			}
			if (w[i].nfirst == 0 || h->colsize[i] <= ntok)
				continue;
			for (jj = 0; jj < w[i].nfirst - 1; jj++)
				if (w[i].first[jj + 1] > io)
					break;
			if (w[i].first[jj] >= io)
				continue;
			sc = score(h, seen, i, w[i].first[jj], ntok,
			    h->colsize[i], NULL);
			sc += w[i].first[jj] == 0 ? 120 : 100;
			if (sc > best) {
				best = sc;
				*bcol = i;
				*bstart = w[i].first[jj];
				*bsize = h->colsize[i];
			}
		}
	}
	free(seen);
	return rv;
}

/* fts5CInstIterNext: the next hits of the column, overlapping ones one. */
static void
mark_next(struct mark *m)
{
	int	ip, io, e;

	m->istart = m->iend = -1;
	for (; m->at < m->h->ninst; m->at++) {
		if (m->h->inst[3 * m->at + 1] != m->col)
			continue;
		ip = m->h->inst[3 * m->at];
		io = m->h->inst[3 * m->at + 2];
		e = io - 1 + m->h->psize[ip];
		if (m->istart < 0) {
			m->istart = io;
			m->iend = e;
		} else if (io <= m->iend) {
			if (e > m->iend)
				m->iend = e;
		} else
			break;
	}
}

/*
 * Copy the text from where the copy is to byte to; as snippet() copies
 * it ("%.*s"), not past a NUL.
 */
static void
mark_copy(struct mark *m, int to)
{
	const char	*nul;
	size_t		 n;

	if (to > m->off) {
		n = (size_t)(to - m->off);
		if ((nul = memchr(m->text + m->off, '\0', n)) != NULL)
			n = (size_t)(nul - (m->text + m->off));
		buf_add(m->out, m->text + m->off, n);
	}
	m->off = to;
}

/*
 * fts5HighlightCb over the window's words from..to (word pos, its bytes
 * start..end): the text copied, each hit between \1 and \2.
 */
static void
mark_word(struct mark *m, int pos, int start, int end, int from, int to)
{
	if (from != 0 && pos == from)
		m->off = start;
	if (pos == m->istart) {
		mark_copy(m, start);
		buf_addc(m->out, '\x01');
	}
	if (pos == m->iend) {
		if (m->istart < from)
			buf_addc(m->out, '\x01');
		mark_copy(m, end);
		buf_addc(m->out, '\x02');
		mark_next(m);
	}
	if (pos == to) {
		mark_copy(m, end);
		if (pos >= m->istart && pos < m->iend)
			buf_addc(m->out, '\x02');
	}
}

/*
 * Story's snippet from its hits and the texts of the columns
 * store_snippet_cols names (text[c], len[c]; NULL for SQL NULL): as
 * snippet(articles_fts, -1, char(1), char(2), '…', ntok) gives it, in
 * *out (NULL where snippet() gives NULL). -1 on a tokenizer error or
 * hits that do not fit the text.
 */
int
store_snippet_make(struct store_tokenizers *tk, const struct store_hits *h,
    const char *const *text, const int *len, int ntok, char **out)
{
	struct words	 w[STORE_SNIPPET_COLS];
	struct mark	 m;
	struct buf	 b;
	int		 i, col, from, size, to, rv = -1;

	*out = NULL;
	memset(w, 0, sizeof w);
	for (i = 0; i < h->ncol; i++) {
		w[i].text = text[i];
		w[i].len = len[i];
	}
	if (h->ncol == 0 || best_window(tk, h, w, ntok, &col, &from,
	    &size) != 0)
		goto out;
	if (size == 0)
		size = h->colsize[col];
	if (text[col] == NULL) {
		rv = 0;
		goto out;
	}
	to = from + ntok - 1;
	/* The window's words: read again if they were not read so far. */
	if ((!w[col].read || (w[col].n <= to && w[col].n == w[col].lim)) &&
	    words_read(tk, &w[col], to < INT32_MAX ? to + 1 : INT32_MAX) != 0)
		goto out;
	buf_init(&b);
	memset(&m, 0, sizeof m);
	m.h = h;
	m.out = &b;
	m.text = text[col];
	m.col = col;
	mark_next(&m);
	if (from > 0)
		buf_adds(&b, "\xe2\x80\xa6");
	while (m.istart >= 0 && m.istart < from)
		mark_next(&m);
	for (i = from; i < w[col].n && i <= to; i++)
		mark_word(&m, i, w[col].start[i], w[col].end[i], from, to);
	if (to >= size - 1)
		mark_copy(&m, len[col]);
	else
		buf_adds(&b, "\xe2\x80\xa6");
	buf_addc(&b, '\0');
	*out = buf_detach(&b);
	rv = 0;
out:
	for (i = 0; i < STORE_SNIPPET_COLS; i++)
		words_free(&w[i]);
	return rv;
}

/*
 * The index's texts of story id, only the columns asked for: the one
 * place snippets learn where the indexed text is kept (the view
 * articles_text, the index's content). 1 if found, 0 if not, -1 on error.
 */
int
store_snippet_texts(struct store *s, int64_t id, unsigned cols, char **text,
    int *len, char **err)
{
	sqlite3_stmt	*st;
	const char	*t;
	int		 rc, c;

	for (c = 0; c < STORE_SNIPPET_COLS; c++) {
		text[c] = NULL;
		len[c] = 0;
	}
	/* A column not asked for is not read (nor the captions joined). */
	if ((st = st_kept(s, STMT_SNIPPET_TEXTS, "SELECT"
	    " iif(?2 & 1, title, NULL), iif(?2 & 2, lead, NULL),"
	    " iif(?2 & 4, body, NULL), iif(?2 & 8, captions, NULL)"
	    " FROM articles_text WHERE id = ?1", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, (int)(cols & 15));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (c = 0; c < 4; c++)
			if ((cols & (1u << c)) &&
			    (t = (const char *)sqlite3_column_text(st, c)) !=
			    NULL) {
				len[c] = sqlite3_column_bytes(st, c);
				text[c] = xmalloc((size_t)len[c] + 1);
				memcpy(text[c], t, (size_t)len[c] + 1);
			}
		sqlite3_reset(st);
		return 1;
	}
	if (rc != SQLITE_DONE)
		st_error(s, err, "cannot search");
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/*
 * Story id's snippet from its dossier_hits blob: the texts it needs read
 * and the snippet made (*out NULL where snippet() gives NULL).
 */
int
store_snippet_of(struct store *s, int64_t id, const void *blob,
    size_t size, char **out, char **err)
{
	struct store_hits	 h;
	char			*text[STORE_SNIPPET_COLS];
	int			 len[STORE_SNIPPET_COLS], c, rv;

	*out = NULL;
	if (s->tokenizers == NULL &&
	    (s->tokenizers = store_tokenizers_new(s->db)) == NULL) {
		st_error(s, err, "cannot search: no FTS5 tokenizer");
		return -1;
	}
	if (store_snippet_hits(blob, size, &h) != 0) {
		st_error(s, err, "cannot search: bad hits from the index");
		return -1;
	}
	if ((rv = store_snippet_texts(s, id, store_snippet_cols(&h), text,
	    len, err)) < 0)
		return -1;
	if (rv > 0 && store_snippet_make(s->tokenizers, &h,
	    (const char *const *)text, len, STORE_SNIPPET_WORDS, out) != 0) {
		st_error(s, err, "cannot search: the index and the text"
		    " disagree");
		rv = -1;
	}
	for (c = 0; c < STORE_SNIPPET_COLS; c++)
		free(text[c]);
	return rv < 0 ? -1 : 0;
}
