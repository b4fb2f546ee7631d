/* Private to the store files: the connection and its kept statements. */
#ifndef DOSSIER_STORE_INT_H
#define DOSSIER_STORE_INT_H

#include <stdint.h>

#include <sqlite3.h>

#include "buf.h"
#include "extract.h"
#include "minhash.h"

struct store_dup_batch;
struct store_entity_cache;
struct store_tokenizers;

enum store_stmt_id {
	STMT_FEED_LOCAL_GET,
	STMT_FEED_LOCAL_ADD,
	STMT_ARTICLE_LOOKUP,		/* store-feed.c */
	STMT_ARTICLE_KNOWN,
	STMT_ARTICLE_RAW,
	STMT_ARTICLE_EXISTS,
	STMT_ARTICLE_BY_PATH,
	STMT_ARTICLE_HAS_PATH,
	STMT_ARTICLE_PATH_SET,
	STMT_ARTICLE_ADD,
	STMT_CAPTION_ADD,
	STMT_SUBHEADING_ADD,
	STMT_TAG_ADD,
	STMT_ARTICLE_GET,
	STMT_CAPTIONS_GET,
	STMT_SUBHEADINGS_GET,
	STMT_TAGS_GET,
	STMT_MENTIONS_GET,
	STMT_QUOTES_GET,
	STMT_NOTES_GET,
	STMT_ENTITY_ADD,
	STMT_ENTITY_KEY,		/* store-entity.c */
	STMT_ENTITY_SURNAME,
	STMT_ENTITY_SETTLE,
	STMT_DESCRIBED_OWN,
	STMT_DESCRIBED_OTHERS,
	STMT_MENTION_ADD,
	STMT_QUOTE_ADD,
	STMT_QUOTE_SOURCES,
	STMT_FTS_ADD,
	STMT_SNIPPET_TEXTS,		/* store-snippet.c */
	STMT_LINK_ADD,
	STMT_LINKS_GET,
	STMT_ALIAS_GET,			/* store-alias.c */
	STMT_ROLES_APPLY,
	STMT_QUOTE_FIXES_GET,		/* store-correct.c */
	STMT_DUP_CANDIDATES,		/* store-dup.c */
	STMT_DUP_BODY,
	STMT_DUP_SIG,
	STMT_DUP_SET,
	STMT_DUP_BAND_ADD,
	STMT_SAVEPOINT,			/* store-stmt.c */
	STMT_RELEASE,
	STORE_NSTMTS
};

struct store {
	sqlite3		*db;
	char		*path;
	int64_t		 local_feed;	/* cached id, -1 until looked up */
	int		 readonly;	/* opened read-only: writes refused */
	int		 create;	/* may make the file and its schema */
	int		 cache_set;	/* a writer's page cache set */
	int		 temp_memory;	/* store_ingest_memory done */
	int64_t		 fts_from;	/* first story of the batch to index */
	struct store_entity_cache *entity_cache;	/* store-extract.c */
	struct store_tokenizers *tokenizers;	/* store-words.c */
	struct store_dup_batch *dup_batch;	/* store-dup.c */
	sqlite3_stmt	*stmts[STORE_NSTMTS];
};

/* Migration 11 -> 12: the people index (store-people.c). */
extern const char store_people_migration[];
extern const char store_dup_migration[];
extern const char store_people_dup_migration[];
extern const char store_sources_migration[];
/* 18 -> 19: every place in the people index, and when last seen. */
extern const char store_places_migration[];

/*
 * A story's lead as SQL, t the articles table's alias: a lead that is its
 * body made one line (a feed item whose only text is its summary gives
 * both) is not stored twice; lead_body says so, and the lead is read back
 * from the body (store_lead_is_body). The full-text index and its content
 * view articles_text have such a lead's words in the body column only.
 */
#define STORE_LEAD(t) "iif(" t ".lead_body, replace(" t ".body," \
	" char(10) || char(10), ' '), " t ".lead)"
int		 store_lead_is_body(const char *, const char *, size_t);
extern const char store_lead_migration[];

int		 store_fts_flush(struct store *, char **);
void		 store_entity_cache_clear(struct store *);
/* store-entity.c: one entity across the library. */
int		 store_entity_init(struct store *, char **);
/*
 * The entity (kind, name) is, by spelling or a unique surname, or new;
 * only its own when kept apart (the int).
 */
int64_t		 store_entity_match(struct store *, const char *, const char *,
		     int, char **);
/* The other entity the library's rules join (kind, name) to, or 0. */
int64_t		 store_entity_joined(struct store *, const char *,
		     const char *, char **);
int		 store_entity_settle(struct store *, int64_t, char **);
/* Unnamed sources described by a role ("the Civic Dawn leader") whom a
   story names, credited to that person: its own and other stories'. */
int		 store_entity_described(struct store *, int64_t, char **);
struct article;
int		 store_article_rows(struct store *, struct article *, char **);

struct extract;
int		 store_extract_add(struct store *, int64_t,
		     const struct extract *, char **);
/*
 * The row id of the entity (kind, name), or of the name its aliases
 * lead to, added if new (store-extract.c); -1 on error.
 */
int64_t		 store_entity_id(struct store *, const char *, const char *,
		     char **);

/*
 * Corrections (store-correct.c, store-alias.c). Apply the user's
 * corrections to what is stored of a story (its body given): the roles
 * set on its mentions, each quote correction to the quote its words are
 * now (or the quote put back, or struck out), and where those words are
 * now noted (a NULL body has none: each correction waits). Inside the
 * caller's transaction.
 */
int		 store_correct_apply(struct store *, int64_t, const char *,
		     size_t, char **);
/* The name (kind, name)'s aliases lead to: *out a new string. */
int		 store_alias_resolve(struct store *, const char *,
		     const char *, char **out, char **);
/* The same, *apart set if the name is kept apart (its own alias). */
int		 store_alias_follow(struct store *, const char *,
		     const char *, char **out, int *apart, char **);
/*
 * The roles and affiliations the user set, on the mentions of story
 * article, or (article 0) of entity entity in every story: how many
 * mentions changed, or -1.
 */
/* Text kept with user data found again in a body, nearest its old start. */
int		 store_place_nearest(const char *, size_t, const char *, size_t,
		     size_t *);
int		 store_roles_apply(struct store *, int64_t article,
		     int64_t entity, char **);

/*
 * The toolkit (store-stmt.c): the one way the store's files prepare, bind,
 * read and step statements and run a write. Functions that fail return -1
 * (NULL for a statement) with *err (which may be NULL) set to
 * "PATH: what: sqlite's reason".
 */
int		 st_error(struct store *, char **, const char *what);
/* Refuse a write: "PATH: the library is read-only"; -1. */
int		 st_readonly(struct store *, char **);
/* Run SQL with no result rows (several statements may be given). */
int		 st_exec(struct store *, const char *, char **);
/* A statement prepared once and kept until store_close, reset. */
/* sqlite set up before its first connection. */
void		 st_config(void);
/* A writer's page cache, set at its first batch. */
int		 st_write_cache(struct store *, char **);
sqlite3_stmt	*st_kept(struct store *, enum store_stmt_id, const char *,
		     char **);
/*
 * A statement for one use (what: the error if it cannot be prepared);
 * the st_* functions that step it are done with it.
 */
sqlite3_stmt	*st_prepare(struct store *, const char *, const char *what,
		     char **);
/* Be done with a statement: reset a kept one, finalize another. */
void		 st_finish(struct store *, sqlite3_stmt *);
/* Bind text that may be NULL; it must live until the statement ends. */
void		 st_bind_text(sqlite3_stmt *, int, const char *);
void		 st_bind_bytes(sqlite3_stmt *, int, const char *, size_t);
/* Bind a SHA-256 in hex as its 32 bytes (other text as text). */
void		 st_bind_hash(sqlite3_stmt *, int, const char *);
/* Register the SQL function dossier_hash (st_bind_hash's, for a migration). */
int		 st_init(struct store *, char **);
/* A column's text until the next step (NULL if NULL), and a copy of it. */
uint64_t	 st_str_hash(const char *);
const char	*st_text(sqlite3_stmt *, int);
char		*st_column_dup(sqlite3_stmt *, int);
/* A story's or link's address as url_story keeps it (new), else NULL. */
char		*st_column_url(sqlite3_stmt *, int);
/* A byte offset; 0 if NULL or negative. */
size_t		 st_column_offset(sqlite3_stmt *, int);
/* A column of lines ("a\nb") split: v points into text, both owned. */
struct st_lines {
	char	 *text;
	char	**v;
	size_t	  n;
};
void		 st_column_lines(sqlite3_stmt *, int, struct st_lines *);
void		 st_lines_free(struct st_lines *);
/*
 * Step a statement to its end (NULL: its prepare failed, *err is set)
 * and be done with it: the rows changed, or -1 with *err from what.
 */
int		 st_step(struct store *, sqlite3_stmt *, const char *what,
		     char **);
/* Prepare, bind ?1 to an id and st_step a statement. */
int		 st_step_id(struct store *, const char *, int64_t,
		     const char *what, char **);
/*
 * Step a statement for its one value: column 0 of its row, none if there
 * is no row, -1 on error; done with it either way.
 */
int64_t		 st_int(struct store *, sqlite3_stmt *, int64_t none,
		     const char *what, char **);
/* Prepare, bind ?1 to an id and st_int a statement. */
int64_t		 st_int_id(struct store *, const char *, int64_t,
		     int64_t none, const char *what, char **);
/*
 * After a loop of sqlite3_step over rows, rc its last result (SQLITE_ROW
 * when the loop stopped early): be done with the statement; 0, or -1
 * with *err from what.
 */
int		 st_rows_end(struct store *, sqlite3_stmt *, int,
		     const char *what, char **);
/*
 * Run fn in a write transaction of its own (BEGIN IMMEDIATE; refused on a
 * read-only library): committed when fn returns 0 or more, rolled back
 * when fn or the commit fails, so a write lands whole or not at all.
 * Returns what fn returned, or -1.
 */
int		 st_write(struct store *,
		     int (*)(struct store *, void *, char **), void *, char **);
/*
 * Run fn inside a savepoint (in a batch or not): all it wrote is kept
 * when it returns 0 or more, none of it when it fails. As st_write.
 */
int		 st_savepoint(struct store *,
		     int (*)(struct store *, void *, char **), void *, char **);

/* store-search.c */
struct buf;
struct search;
struct store_filter;
int		 store_search_parse(const struct store_filter *,
		     struct search *, char **);
void		 store_search_sql(struct buf *, const struct search *, int);
void		 store_search_bind(sqlite3_stmt *, const struct search *);
void		 store_search_quote_sql(struct buf *, const char *, size_t);
/* The marks of one search found wanted or not, remembered. */
#define STORE_MARKS_MAX	32
#define STORE_MARKS_LEN	256	/* longest mark remembered */
struct store_marks {
	char		*text[STORE_MARKS_MAX];
	size_t		 len[STORE_MARKS_MAX];
	int		 wanted[STORE_MARKS_MAX];
	size_t		 n;
};
void		 store_marks_free(struct store_marks *);
/*
 * Story id's snippet given the index's (found: the MATCH had its row);
 * the marks checked remembered in the cache given, if not NULL.
 */
int		 store_search_snippet_of(struct store *, const struct search *,
		     struct store_marks *, const char *, int64_t, int,
		     const char *, const char *, const char *, char **,
		     char **);
/* store-words.c */
int		 store_search_init(struct store *, char **);
int		 store_search_terms(struct store *, char **);
void		 store_tokenizers_free(struct store_tokenizers *);
int64_t		 store_search_fts_count(struct store *,
		     const struct search *, char **);
int		 store_search_scan(struct store *, const struct search *,
		     size_t, char **);

/* store-words.c: a text's words, each word's bytes and where it was. */
struct tokens {
	struct buf	 text;
	size_t		*off;		/* into text */
	size_t		*start, *end;	/* byte span in the source */
	size_t		 n, cap;
	const struct tokens *want;	/* stop once these words are read */
	int		 prefix;	/* want's last word is a prefix */
	int		 found;
};
struct store_tokenizers *store_tokenizers_new(sqlite3 *);
/* Split text into words, stemmed or not; -1 if FTS5 fails. */
int		 store_tokenize(struct store_tokenizers *, int, const char *,
		     size_t, struct tokens *);
void		 store_tokens_free(struct tokens *);
/* Each word of a text (its place) to fn, as FTS5's xTokenize; -1 on error. */
int		 store_tokenize_each(struct store_tokenizers *, const char *,
		     size_t, void *,
		     int (*)(void *, int, const char *, int, int, int));
fts5_api	*store_fts5_api(sqlite3 *);
/* Where phrase p is in t from word i on (prefix: its last word starts). */
size_t		 store_tokens_find(const struct tokens *, size_t,
		     const struct tokens *, int);

/*
 * store-snippet.c: snippets as FTS5's snippet() makes them, from the
 * index's hits of a row (dossier_hits(articles_fts), a blob) and the texts
 * of the columns hit.
 */
#define STORE_SNIPPET_COLS	8	/* most columns an index may have */
#define STORE_SNIPPET_WORDS	16	/* words a snippet shows */
struct store_hits {
	int		 nphrase, ncol, ninst;
	const int32_t	*psize;		/* each phrase's words */
	const int32_t	*colsize;	/* each column's words */
	const int32_t	*inst;		/* phrase, column, word: FTS5's order */
};
/* Rising ids, bound with sqlite3_bind_pointer for dossier_in(ID, ?). */
struct store_ids {
	const int64_t	*v;
	size_t		 n;
};
/* Register dossier_hits with the connection's FTS5, and dossier_in. */
int		 store_snippet_init(struct store *, char **);
/* Read a dossier_hits blob (h points into it); -1 if malformed. */
int		 store_snippet_hits(const void *, size_t, struct store_hits *);
/* The columns whose text the snippet needs, bit c for column c. */
unsigned	 store_snippet_cols(const struct store_hits *);
/*
 * The snippet snippet(articles_fts, -1, char(1), char(2), '…', ntok)
 * gives (ntok > 1), from the hits and the texts of the columns named
 * (NULL for SQL NULL); *out NULL where snippet() is NULL. -1 on error.
 */
/*
 * The indexed texts of story id in the columns of mask cols, copied
 * (text[c] NULL for NULL, to be freed); 0 if the story is not there.
 */
int		 store_snippet_texts(struct store *, int64_t, unsigned,
		     char **, int *, char **);
/* Story id's snippet from its dossier_hits blob, its texts read. */
int		 store_snippet_of(struct store *, int64_t, const void *,
		     size_t, char **, char **);
int		 store_snippet_make(struct store_tokenizers *,
		     const struct store_hits *, const char *const *,
		     const int *, int, char **);

/*
 * store-dup.c: a story's signature, made before it is written (bound as
 * articles.dup_sig: an empty blob when it is too short to link), and the
 * story linked to the group of a stored story it repeats, after.
 */
struct store_dup_sig {
	struct minhash_set	 set;
	unsigned char		 sig[MINHASH_SIG_BYTES];
	int			 has;
};
void		 store_dup_prepare(const char *, size_t,
		     struct store_dup_sig *);
void		 store_dup_free(struct store_dup_sig *);
void		 store_dup_bind(sqlite3_stmt *, int,
		     const struct store_dup_sig *);
int		 store_dup_link(struct store *, int64_t,
		     struct store_dup_sig *, char **);
/*
 * The batch's band keys written to dup_bands (at commit, and after a
 * story stored outside a batch), or forgotten (a rollback).
 */
int		 store_dup_flush(struct store *, char **);
void		 store_dup_batch_clear(struct store *);
void		 store_dup_batch_free(struct store *);
/* Sign a stored story's (new) body again and link it anew. */
int		 store_dup_relink(struct store *, int64_t, const char *,
		     size_t, char **);

/* Where a story sorts by its date; -1: by when it came (store-article.c). */
int64_t	 store_sort_ts(const char *, int64_t);

/*
 * store-people.c: quotes with no speaker that name a source (q is the
 * quotes row); the condition on quotes q that picks a speaker's (?1 the
 * entity, ?2 an unnamed source's words, lower case); and the people
 * index made current before it is read.
 */
#define PEOPLE_SOURCE_SQL \
	"q.speaker_id IS NULL AND q.source_kind IN ('unnamed', 'media'," \
	" 'org') AND trim(q.source_text) <> ''"
struct store_speaker;
const char	*store_speaker_cond(const struct store_speaker *);
int		 store_people_ready(struct store *, char **);

#endif
