/*
 * Words as the index sees them, for searches (store-search.c): FTS5's own
 * tokenizers, the exact check of words as written (dossier_exact) and the
 * terms a prefix can stem to (dossier_prefix).
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

/*
 * Words as the index sees them. The index stems (porter over unicode61
 * with diacritics removed); words in quotes are matched exactly, so a
 * story the stemmed index found is checked by tokenizing its text with
 * the same unicode61, unstemmed: "drones" is not drone. The tokenizers
 * are FTS5's own, reached through its API, so the two never disagree
 * on what a word is.
 */
struct store_tokenizers {
	fts5_tokenizer	 exact_api, stem_api;
	Fts5Tokenizer	*exact, *stem;
};

void
store_tokens_free(struct tokens *t)
{
	buf_free(&t->text);
	free(t->off);
	free(t->start);
	free(t->end);
	memset(t, 0, sizeof *t);
}

static int
tokens_add(void *arg, int flags, const char *tok, int ntok, int start,
    int end)
{
	struct tokens	*t = arg;

	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->off = xreallocarray(t->off, t->cap, sizeof *t->off);
		t->start = xreallocarray(t->start, t->cap, sizeof *t->start);
		t->end = xreallocarray(t->end, t->cap, sizeof *t->end);
	}
	t->off[t->n] = t->text.len;
	t->start[t->n] = (size_t)start;
	t->end[t->n] = (size_t)end;
	t->n++;
	buf_add(&t->text, tok, (size_t)ntok);
	buf_addc(&t->text, '\0');
	/* Found what was wanted: the rest of the text need not be read. */
	if (t->want != NULL && t->want->n > 0 && t->n >= t->want->n &&
	    store_tokens_find(t, t->n - t->want->n, t->want, t->prefix) < t->n) {
		t->found = 1;
		return SQLITE_DONE;
	}
	return SQLITE_OK;
}

/* Word i of t, as the tokenizer gave it (NUL-terminated in t->text). */
static const char *
tokens_word(const struct tokens *t, size_t i)
{
	return t->text.data + t->off[i];
}

/* FTS5's API of a connection, or NULL. */
fts5_api *
store_fts5_api(sqlite3 *db)
{
	fts5_api	*api = NULL;
	sqlite3_stmt	*st;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) !=
	    SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

/* Make the two tokenizers the index uses; NULL if FTS5 has none. */
struct store_tokenizers *
store_tokenizers_new(sqlite3 *db)
{
	const char		*exact_args[] = { "remove_diacritics", "2" };
	const char		*stem_args[] = { "unicode61",
				    "remove_diacritics", "2" };
	struct store_tokenizers	*tk;
	fts5_api		*api;
	void			*ud_exact, *ud_stem;

	if ((api = store_fts5_api(db)) == NULL)
		return NULL;
	tk = xcalloc(1, sizeof *tk);
	if (api->xFindTokenizer(api, "unicode61", &ud_exact,
	    &tk->exact_api) != SQLITE_OK ||
	    api->xFindTokenizer(api, "porter", &ud_stem,
	    &tk->stem_api) != SQLITE_OK ||
	    tk->exact_api.xCreate(ud_exact, exact_args, 2,
	    &tk->exact) != SQLITE_OK ||
	    tk->stem_api.xCreate(ud_stem, stem_args, 3,
	    &tk->stem) != SQLITE_OK) {
		store_tokenizers_free(tk);
		return NULL;
	}
	return tk;
}

void
store_tokenizers_free(struct store_tokenizers *tk)
{
	if (tk == NULL)
		return;
	if (tk->exact != NULL)
		tk->exact_api.xDelete(tk->exact);
	if (tk->stem != NULL)
		tk->stem_api.xDelete(tk->stem);
	free(tk);
}

/* Split text into words, stemmed or not; -1 if FTS5 fails. */
int
store_tokenize(struct store_tokenizers *tk, int stem, const char *text,
    size_t len, struct tokens *t)
{
	if (len > INT32_MAX)
		len = INT32_MAX;
	if (stem)
		return tk->stem_api.xTokenize(tk->stem, t,
		    FTS5_TOKENIZE_DOCUMENT, text, (int)len, tokens_add) ==
		    SQLITE_OK ? 0 : -1;
	return tk->exact_api.xTokenize(tk->exact, t, FTS5_TOKENIZE_DOCUMENT,
	    text, (int)len, tokens_add) == SQLITE_OK ? 0 : -1;
}

/*
 * Call fn for each word of text where the index finds it, as FTS5 calls
 * an xTokenize callback; fn may stop early with SQLITE_DONE. The words
 * are unstemmed: porter keeps unicode61's words and their bytes, and
 * changes only their spelling, which a word's place does not need.
 * -1 if FTS5 fails.
 */
int
store_tokenize_each(struct store_tokenizers *tk, const char *text,
    size_t len, void *arg,
    int (*fn)(void *, int, const char *, int, int, int))
{
	int	rc;

	if (len > INT32_MAX)
		len = INT32_MAX;
	rc = tk->exact_api.xTokenize(tk->exact, arg, FTS5_TOKENIZE_DOCUMENT,
	    text, (int)len, fn);
	return rc == SQLITE_OK || rc == SQLITE_DONE ? 0 : -1;
}

/*
 * Where the words of phrase p occur in t, in order, from word i on: the
 * index of the first, or t->n. With prefix the last word of p need only
 * start a word of t.
 */
size_t
store_tokens_find(const struct tokens *t, size_t i, const struct tokens *p,
    int prefix)
{
	size_t		j;
	const char	*w, *pw;

	if (p->n == 0)
		return t->n;
	for (; i + p->n <= t->n; i++) {
		for (j = 0; j < p->n; j++) {
			w = tokens_word(t, i + j);
			pw = tokens_word(p, j);
			if (prefix && j == p->n - 1 ? strncmp(w, pw,
			    strlen(pw)) != 0 : strcmp(w, pw) != 0)
				break;
		}
		if (j == p->n)
			return i;
	}
	return t->n;
}

/*
 * dossier_exact(PHRASE, PREFIX, TEXT...): 1 if one of the texts has the
 * phrase's words, unstemmed, in order.
 */
static void
sql_exact(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store		*s = sqlite3_user_data(ctx);
	struct tokens		 p, t;
	const char		*text;
	int			 i, prefix, found = 0;

	if (s->tokenizers == NULL &&
	    (s->tokenizers = store_tokenizers_new(s->db)) == NULL) {
		sqlite3_result_error(ctx, "no FTS5 tokenizer", -1);
		return;
	}
	memset(&p, 0, sizeof p);
	if ((text = (const char *)sqlite3_value_text(argv[0])) == NULL ||
	    store_tokenize(s->tokenizers, 0, text, strlen(text), &p) != 0) {
		store_tokens_free(&p);
		sqlite3_result_int(ctx, 0);
		return;
	}
	prefix = sqlite3_value_int(argv[1]);
	for (i = 2; i < argc && !found; i++) {
		if ((text = (const char *)sqlite3_value_text(argv[i])) == NULL)
			continue;
		memset(&t, 0, sizeof t);
		t.want = &p;
		t.prefix = prefix;
		store_tokenize(s->tokenizers, 0, text,
		    (size_t)sqlite3_value_bytes(argv[i]), &t);
		found = t.found;
		store_tokens_free(&t);
	}
	store_tokens_free(&p);
	sqlite3_result_int(ctx, found);
}

/* The porter stem of a folded word, or NULL; to be freed. */
static char *
stem_of(struct store *s, const char *w)
{
	struct tokens	 t;
	char		*out = NULL;

	memset(&t, 0, sizeof t);
	if (store_tokenize(s->tokenizers, 1, w, strlen(w), &t) == 0 && t.n == 1)
		out = xstrdup(tokens_word(&t, 0));
	store_tokens_free(&t);
	return out;
}

/*
 * Add indexed term t to the prefix's lookup: as an FTS5 string when the
 * query's stemming leaves it as it is, else to the terms read from the
 * index one by one (a JSON array).
 */
static void
prefix_term(struct store *s, const char *t, int prefix, const char *col,
    struct buf *match, struct buf *other)
{
	char		*st = stem_of(s, t);
	const char	*c;

	if (st != NULL && strcmp(st, t) == 0) {
		buf_printf(match, "%s%s%s\"%s\"%s", match->len > 0 ?
		    " OR " : "", col != NULL ? col : "", col != NULL ? " : " :
		    "", t, prefix ? " *" : "");
	} else if (!prefix) {
		buf_adds(other, other->len > 1 ? ",\"" : "\"");
		for (c = t; *c != '\0'; c++)
			if (*c != '"' && *c != '\\')
				buf_addc(other, *c);
		buf_addc(other, '"');
	}
	free(st);
}

/* Add the indexed terms from lo (and below hi), or equal to lo. */
static void
prefix_terms(struct store *s, const char *lo, int range, const char *col,
    struct buf *match, struct buf *other)
{
	sqlite3_stmt	*st;
	char		*hi;

	if ((st = st_prepare(s, range ? "SELECT term FROM"
	    " temp.dossier_vocab WHERE term >= ?1 AND term < ?2" :
	    "SELECT term FROM temp.dossier_vocab WHERE term = ?1",
	    "cannot search", NULL)) == NULL)
		return;
	xasprintf(&hi, "%s\xf4\x8f\xbf\xbf", lo);
	st_bind_text(st, 1, lo);
	st_bind_text(st, 2, hi);
	while (sqlite3_step(st) == SQLITE_ROW)
		prefix_term(s, st_text(st, 0), 0, col, match, other);
	st_finish(s, st);
	free(hi);
}

/*
 * Add the terms starting with w: one FTS5 prefix query when the query's
 * stemming leaves w as it is, else each term the index has.
 */
static void
prefix_range(struct store *s, const char *w, const char *col,
    struct buf *match, struct buf *other)
{
	char	*st = stem_of(s, w);

	if (st != NULL && strcmp(st, w) == 0)
		prefix_term(s, w, 1, col, match, other);
	else
		prefix_terms(s, w, 1, col, match, other);
	free(st);
}

/*
 * dossier_prefix(WORDS, TITLE, WHAT): what the index can find of the
 * words starting with WORDS' last word, as the index folds it (P). The
 * porter stem of such a word starts with P or with P's stem, or is a start
 * of P, maybe with its last letter made e, i or l (negotiations: negoti;
 * hoping: hope; capabilities: capabl). A query's words are stemmed too,
 * so each indexed term found is written as an FTS5 string only if its
 * stem is itself: WHAT 0 gives that FTS5 expression (in the title only
 * with TITLE), 1 a JSON array of the other terms, to read one by one.
 */
static void
sql_prefix(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static const char	 ends[] = "eil";
	struct store		*s = sqlite3_user_data(ctx);
	struct tokens		 p;
	struct buf		 match, other;
	const char		*text, *w, *e, *col;
	char			*st, *t;
	size_t			 k, len;

	(void)argc;
	if (s->tokenizers == NULL &&
	    (s->tokenizers = store_tokenizers_new(s->db)) == NULL) {
		sqlite3_result_error(ctx, "no FTS5 tokenizer", -1);
		return;
	}
	col = sqlite3_value_int(argv[1]) ? "title" : NULL;
	memset(&p, 0, sizeof p);
	buf_init(&match);
	buf_init(&other);
	buf_addc(&other, '[');
	if ((text = (const char *)sqlite3_value_text(argv[0])) != NULL &&
	    store_tokenize(s->tokenizers, 0, text, strlen(text), &p) == 0 &&
	    p.n > 0) {
		w = tokens_word(&p, p.n - 1);
		len = strlen(w);
		prefix_range(s, w, col, &match, &other);
		if ((st = stem_of(s, w)) != NULL && strcmp(st, w) != 0)
			prefix_range(s, st, col, &match, &other);
		free(st);
		for (k = 2; k < len; k++) {
			if (((unsigned char)w[k] & 0xc0) == 0x80)
				continue;	/* inside a character */
			xasprintf(&t, "%.*s", (int)k, w);
			prefix_terms(s, t, 0, col, &match, &other);
			free(t);
			for (e = ends; *e != '\0'; e++) {
				xasprintf(&t, "%.*s%c", (int)k, w, *e);
				prefix_terms(s, t, 0, col, &match, &other);
				free(t);
			}
		}
	}
	buf_addc(&other, ']');
	if (sqlite3_value_int(argv[2]) == 0)
		/* "" matches nothing, and is no syntax error. */
		sqlite3_result_text(ctx, match.len > 0 ? match.data : "\"\"",
		    -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_text(ctx, other.data, (int)other.len,
		    SQLITE_TRANSIENT);
	buf_free(&match);
	buf_free(&other);
	store_tokens_free(&p);
}

/*
 * dossier_fold(TEXT): its words as the index folds them (lower case, no
 * accents), one space apart, so that speaker:erdogan finds Erdoğan and
 * outlet:suddeutsche Süddeutsche; NULL if it has no word.
 */
static void
sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store	*s = sqlite3_user_data(ctx);
	struct tokens	 t;
	struct buf	 b;
	const char	*text;
	size_t		 i;

	(void)argc;
	if ((text = (const char *)sqlite3_value_text(argv[0])) == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (s->tokenizers == NULL &&
	    (s->tokenizers = store_tokenizers_new(s->db)) == NULL) {
		sqlite3_result_error(ctx, "no FTS5 tokenizer", -1);
		return;
	}
	memset(&t, 0, sizeof t);
	buf_init(&b);
	if (store_tokenize(s->tokenizers, 0, text,
	    (size_t)sqlite3_value_bytes(argv[0]), &t) == 0)
		for (i = 0; i < t.n; i++) {
			if (i > 0)
				buf_addc(&b, ' ');
			buf_adds(&b, tokens_word(&t, i));
		}
	if (b.len > 0)
		sqlite3_result_text(ctx, b.data, (int)b.len, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
	buf_free(&b);
	store_tokens_free(&t);
}

/* Give a connection the SQL functions searches use. */
int
store_search_init(struct store *s, char **err)
{
	if (sqlite3_create_function_v2(s->db, "dossier_exact", -1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, s, sql_exact, NULL, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(s->db, "dossier_fold", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, s, sql_fold, NULL, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(s->db, "dossier_prefix", 3,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, s, sql_prefix, NULL, NULL,
	    NULL) != SQLITE_OK)
		return st_error(s, err, "cannot set up searching");
	return store_snippet_init(s, err);
}

/*
 * Every indexed term with where it is, read by prefix searches; made
 * once the library's schema is known to be there.
 */
int
store_search_terms(struct store *s, char **err)
{
	if (sqlite3_exec(s->db, "CREATE VIRTUAL TABLE temp.dossier_terms"
	    " USING fts5vocab(main, articles_fts, instance);"
	    "CREATE VIRTUAL TABLE temp.dossier_vocab"
	    " USING fts5vocab(main, articles_fts, row)", NULL, NULL,
	    NULL) != SQLITE_OK)
		return st_error(s, err, "cannot set up searching");
	return 0;
}

