/* Private to the store files: the connection and its kept statements. */
#ifndef DOSSIER_STORE_INT_H
#define DOSSIER_STORE_INT_H

#include <sqlite3.h>

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
	struct store_tokenizers *tokenizers;	/* store-search.c */
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
int		 store_search_init(struct store *, char **);
void		 store_tokenizers_free(struct store_tokenizers *);
int64_t		 store_search_fts_count(struct store *,
		     const struct search *, char **);
int		 store_search_scan(struct store *, const struct search *,
		     size_t, char **);

/* Where a story sorts by its date; -1: by when it came (store-article.c). */
int64_t	 store_sort_ts(const char *, int64_t);

#endif
