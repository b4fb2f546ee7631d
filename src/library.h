/*
 * The library: what the screen asks of the store, as plain arrays of rows
 * a window long (never a whole listing), grouped and labelled for display.
 */
#ifndef DOSSIER_LIBRARY_H
#define DOSSIER_LIBRARY_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* One entry of the feed list. */
struct lib_feed {
	struct store_filter	 filter;	/* strings owned by the entry */
	char			*label;
	int64_t			 count;
	int			 heading;	/* a label, not selectable */
};

struct lib_feeds {
	struct lib_feed	*v;
	size_t		 n;
};

/*
 * The feed list: the kinds in the mask (STORE_COUNT_*) are counted anew,
 * the others are kept from old (which may be empty).
 */
int	 library_feeds(struct store *, unsigned, const struct lib_feeds *,
	     struct lib_feeds *, char **);
void	 library_feeds_free(struct lib_feeds *);

/* One row of an article listing. */
struct lib_row {
	struct store_key key;
	char		*title;
	char		*outlet;
	char		 date[16];	/* "26 Aug" or "26 Aug 2023" */
	int		 read;
	int		 starred;
};

struct lib_rows {
	struct lib_row	*v;
	size_t		 n;
};

/*
 * A window of a listing next to key (see store_page), in display order
 * (newest first) whichever way it was read.
 */
int	 library_page(struct store *, const struct store_filter *,
	     const struct store_key *, int dir, size_t limit, struct lib_rows *,
	     char **);
void	 library_rows_free(struct lib_rows *);

/* The people, organisations and places of one article. */
enum lib_entity_group {
	LIB_SPEAKER,
	LIB_PERSON,
	LIB_ORG,
	LIB_PLACE,
	LIB_MISC,
	LIB_NGROUPS
};

struct lib_entity {
	enum lib_entity_group	 group;
	char			*kind;		/* store kind */
	char			*name;
	char			*title;		/* role; may be NULL */
	size_t			 count;		/* quotes or mentions */
	/*
	 * An unnamed source ("a senior Velmark official"): kind is
	 * "unnamed" or the source's kind, name the phrase as written, and
	 * spans its quotes in this article, since it is nobody to look up
	 * across the library.
	 */
	int			 unnamed;
	struct lib_span {
		size_t	start, end;
	}			*spans;
	size_t			 nspans;
	size_t			 last;		/* body offset of its last quote */
};

struct lib_entities {
	struct lib_entity	*v;		/* sorted by group, count */
	size_t			 n;
};

int	 library_entities(struct store *, int64_t, struct lib_entities *,
	     char **);
void	 library_entities_free(struct lib_entities *);

/* Every quote of one speaker across the library, newest first. */
struct lib_quote {
	int64_t	 article;
	char	 date[16];
	char	*outlet;
	char	*title;
	char	*text;
	size_t	 start, end;
};

struct lib_quotes {
	struct lib_quote *v;
	size_t		  n;
};

/* Every quote of the entity (kind, name) across the library. */
int	 library_quotes(struct store *, const char *, const char *,
	     struct lib_quotes *, char **);
void	 library_quotes_free(struct lib_quotes *);

/* Format an ISO 8601 date for a list: "26 Aug 2023"; "" if unknown. */
void	 library_date(const char *, char *, size_t);

#endif
