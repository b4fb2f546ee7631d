/*
 * The people of the library (store-people.c, store-quotes.c,
 * store-places.c): the people index read a page at a time, a speaker's
 * quotes and dossier facts, and quotes listed with their speaker and the
 * role the story gives them. Part of the store's interface, apart from
 * store.h because only the people commands, the library's dossier and
 * the people screens use it.
 */
#ifndef DOSSIER_STORE_PEOPLE_H
#define DOSSIER_STORE_PEOPLE_H

#include <stddef.h>
#include <stdint.h>

struct store;

/* One quote of a speaker across the library, with its story. */
struct store_speaker_quote {
	int64_t		 article;
	const char	*published;
	const char	*outlet;
	const char	*title;
	const char	*text;		/* the quoted words (bytes of the body) */
	size_t		 start, end;
	int		 direct;	/* in quote marks, not reported speech */
	int		 corrected;	/* a correction of the user's applies */
	int64_t		 id;		/* the quote's row */
	int64_t		 continues;	/* as in struct store_quote */
	const char	*also;		/* the other outlets of its story's
					   group, ", " between; or NULL */
	const char	*kind;		/* direct, indirect, mixed */
	const char	*role_title;	/* the role the story gives the */
	const char	*affiliation;	/* speaker (its first); or NULL */
};

/*
 * Every quote attributed to an entity (kind, name), newest story first;
 * a story stored more than once counted once (its group's first story).
 * The newest STORE_SPEAKER_QUOTES_ROWS rows at most: sorting a speaker of
 * 100,000 quotes keeps no more than that many in memory.
 */
#define STORE_SPEAKER_QUOTES_ROWS	"20000"
int	 store_speaker_quotes(struct store *, const char *kind, const char *name,
	     int (*)(const struct store_speaker_quote *, void *), void *,
	     char **);

/*
 * The people of the library (store-people.c): the people index, a page
 * at a time, kept current by the store; a speaker's dossier; quotes
 * listed with their speaker and the role given them in the story.
 */
enum store_people_sort {
	STORE_PEOPLE_QUOTES,		/* most quoted first */
	STORE_PEOPLE_RECENT,		/* last quoted first */
	STORE_PEOPLE_NAME		/* by name, any case */
};

/* One row of the index; strings live until the callback returns. */
struct store_person {
	int64_t		 row;		/* the index's row */
	int64_t		 entity;	/* the entity, 0: an unnamed source */
	const char	*kind;		/* person, state, org, media, unnamed */
	const char	*name;		/* a source as first written */
	const char	*source_key;	/* an unnamed source's words, lower
					   case; NULL for an entity */
	const char	*title;		/* the latest role seen; may be NULL */
	const char	*affiliation;
	int64_t		 quotes;	/* statements, each once */
	int64_t		 stories;	/* stories quoting or naming them */
	int64_t		 last_ts;	/* newest story quoting them, 0;
					   a place's naming it */
};

/* Where a page ended: the last row's sort value, name and row. */
struct store_people_key {
	int64_t		 value;		/* quotes or last_ts (not for name) */
	const char	*name;
	int64_t		 row;
};

/*
 * A page of the index after key (NULL: from the start), at most limit
 * rows (0: all): kind NULL is every person and everyone quoted, else one
 * kind (person, org: every one; state, media: those quoted; unnamed;
 * place: every place, as kind place, sorted and shown by last seen).
 * fn returning non-zero stops. 0, or -1 with *err.
 */
int	 store_people_page(struct store *, enum store_people_sort,
	     const char *kind, const struct store_people_key *, size_t limit,
	     int (*)(const struct store_person *, void *), void *, char **);
/*
 * The same, kind "quoted" being everyone quoted, of the rows whose name
 * holds match (any case, any accents; NULL or "": every row), for the
 * screen's limit.
 */
int	 store_people_match(struct store *, enum store_people_sort,
	     const char *kind, const char *match,
	     const struct store_people_key *, size_t limit,
	     int (*)(const struct store_person *, void *), void *, char **);
/*
 * The rows a name may mean, most quoted first, at most limit: those of
 * that name (any case, or merged into one under it), else those whose
 * name holds it. None found is not an error.
 */
int	 store_people_find(struct store *, const char *, size_t limit,
	     int (*)(const struct store_person *, void *), void *, char **);

/* A speaker: an entity, or an unnamed source by its lower-case words. */
struct store_speaker {
	int64_t		 entity;	/* 0: the source below */
	const char	*source_key;
};

/* What a speaker's dossier gathers, a row each (roles: the most seen). */
enum store_fact_kind {
	STORE_FACT_ROLES,	/* text title, text2 affiliation; n stories */
	STORE_FACT_NAMES,	/* text a name as written; n times */
	STORE_FACT_OUTLETS,	/* text outlet; n quotes, most first */
	STORE_FACT_MONTHS,	/* text YYYY-MM; n quotes, in order */
	STORE_FACT_PEERS,	/* text name, text2 kind; n stories shared */
	STORE_FACT_TAGS		/* text tag; n stories */
};
struct store_fact {
	const char	*text;
	const char	*text2;
	int64_t		 n;
	int64_t		 first_ts, last_ts;	/* first and last seen */
	int64_t		 total;		/* rows before the limit; 0: months */
};
int	 store_speaker_facts(struct store *, const struct store_speaker *,
	     enum store_fact_kind, size_t limit,
	     int (*)(const struct store_fact *, void *), void *, char **);

/* Which quotes to list; zeroed: all of them. */
struct store_quotes_query {
	const struct store_speaker *speaker;	/* NULL: anyone's */
	int64_t		 since, until;	/* story time >= since, < until (0:
					   no bound) */
	const char	*kind;		/* direct, indirect, mixed, or NULL */
	const char	*tag;		/* a normalized tag, or NULL */
	const char	*search;	/* the search language, or NULL */
	int64_t		 article;	/* one story's, or 0 */
	size_t		 limit;		/* most rows; 0: all */
	/*
	 * A window of a speaker's quotes: keyed, only stories after the key
	 * (sort_ts, article) in the order read; oldest_first, the oldest
	 * story first (a story's quotes still in text order); window > 0,
	 * only the stories of the first window quote rows so ordered, every
	 * quote of each (a bounded read however many quotes there are).
	 */
	int		 keyed;
	int64_t		 key_ts, key_article;
	int		 oldest_first;
	size_t		 window;
};

/* One quote as listed; strings live until the callback returns. */
struct store_quote_row {
	int64_t		 id;		/* the quote's row */
	int64_t		 article;
	int64_t		 sort_ts;
	const char	*published;
	const char	*outlet;
	const char	*story_title;
	const char	*speaker;	/* name or source; NULL: not found */
	const char	*speaker_kind;	/* as struct store_person's; NULL */
	const char	*title;		/* the role the story gives them */
	const char	*affiliation;
	const char	*kind;		/* direct, indirect, mixed */
	const char	*text;		/* the words, from the body */
	size_t		 start, end;
	int64_t		 continues;	/* as in struct store_quote */
	int		 corrected;
	const char	*also;		/* the other outlets of its story's
					   group, oldest first, STORE_ALSO_SEP
					   between (one may come twice); or
					   NULL */
};
/* Between two outlets of store_quote_row.also (a space in one). */
#define STORE_ALSO_SEP	'\x1f'

/*
 * Every quote a query asks for, newest story first and a story's in
 * text order; a bad search is -1 with *err as search_parse says.
 */
int	 store_quotes_list(struct store *, const struct store_quotes_query *,
	     int (*)(const struct store_quote_row *, void *), void *, char **);

#endif
