/* Private to the store files: the connection and its kept statements. */
#ifndef DOSSIER_STORE_INT_H
#define DOSSIER_STORE_INT_H

#include <sqlite3.h>

#include "buf.h"

struct store_entity_cache;
struct store_tokenizers;

enum store_stmt_id {
	STMT_FEED_LOCAL_GET,
	STMT_FEED_LOCAL_ADD,
	STMT_ARTICLE_LOOKUP,		/* store-feed.c */
	STMT_ARTICLE_EXISTS,
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
	STMT_MENTION_ADD,
	STMT_QUOTE_ADD,
	STMT_FTS_ADD,
	STMT_LINK_ADD,
	STMT_LINKS_GET,
	STORE_NSTMTS
};

struct store {
	sqlite3		*db;
	char		*path;
	int64_t		 local_feed;	/* cached id, -1 until looked up */
	int		 readonly;	/* opened read-only: writes refused */
	int		 create;	/* may make the file and its schema */
	int64_t		 fts_from;	/* first story of the batch to index */
	struct store_entity_cache *entity_cache;	/* store-extract.c */
	struct store_tokenizers *tokenizers;	/* store-words.c */
	sqlite3_stmt	*stmts[STORE_NSTMTS];
};

int		 store_error(struct store *, char **, const char *);
int		 store_readonly(struct store *, char **);
int		 store_fts_flush(struct store *, char **);
void		 store_entity_cache_clear(struct store *);
struct article;
int		 store_article_rows(struct store *, struct article *, char **);

struct extract;
int		 store_extract_add(struct store *, int64_t,
		     const struct extract *, char **);
int		 store_exec(struct store *, const char *, char **);
sqlite3_stmt	*store_stmt(struct store *, enum store_stmt_id, const char *,
		     char **);

/* store-search.c */
struct buf;
struct search;
struct store_filter;
int		 store_search_parse(const struct store_filter *,
		     struct search *, char **);
void		 store_search_sql(struct buf *, const struct search *, int);
void		 store_search_bind(sqlite3_stmt *, const struct search *);
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
const char	*store_tokens_word(const struct tokens *, size_t);
/* Where phrase p is in t from word i on (prefix: its last word starts). */
size_t		 store_tokens_find(const struct tokens *, size_t,
		     const struct tokens *, int);

/* Where a story sorts by its date; -1: by when it came (store-article.c). */
int64_t	 store_sort_ts(const char *, int64_t);

#endif
