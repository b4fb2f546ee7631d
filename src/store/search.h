/*
 * The search language: what a user types after / or 'dossier search',
 * parsed into atoms. Pure: no I/O, no sqlite. The user's words never reach
 * FTS5 as they were typed; each becomes a double-quoted FTS5 string (its
 * quotes doubled) and the operators between them are written here, so no
 * input can make an FTS5 syntax error.
 *
 *   drone strike         both words (AND), in any form (drones)
 *   dron*                a word starting with "dron"
 *   "exact phrase"       these exact words in this order, unstemmed
 *   -word  -"phrase"     leave out stories with it
 *   a OR b               either (binds tighter than AND)
 *   title:WORD  title:"a phrase"
 *   outlet:TEXT  by:TEXT  speaker:NAME   (part of the name, any case;
 *                         speaker: an unnamed source's words too)
 *   quote:WORD  quote:"some words"       (inside a quote, any case)
 *   tag:TAG  is:unread  is:read  is:starred
 *   before:2023-08-01  after:2023-08  (YYYY, YYYY-MM or YYYY-MM-DD)
 */
#ifndef DOSSIER_SEARCH_H
#define DOSSIER_SEARCH_H

#include <stddef.h>
#include <stdint.h>

/* The language in one line, for the search prompt. */
#define SEARCH_HINT	"words  \"exact words\"  -word  a OR b  tag:T  " \
	"speaker:NAME  quote:WORDS  after:DATE  before:DATE  dron*  title:  outlet:  " \
	"by:  is:unread  (? lists them)"

/* The language in brief, one form a row, for the help screen. */
struct search_syntax {
	const char	*form;
	const char	*desc;
};
extern const struct search_syntax search_syntax[];
extern const size_t search_nsyntax;

/* Most atoms a search may have. */
#define SEARCH_MAX_ATOMS	64

enum search_kind {
	SEARCH_TEXT,		/* fts: an FTS5 phrase, maybe a column's */
	SEARCH_OUTLET,		/* value: part of the outlet */
	SEARCH_BYLINE,		/* value: part of the byline */
	SEARCH_TAG,		/* value: the tag, normalized */
	SEARCH_SPEAKER,		/* value: part of a quoted speaker's name */
	SEARCH_UNREAD,
	SEARCH_READ,
	SEARCH_STARRED,
	SEARCH_BEFORE,		/* ts: published before this time */
	SEARCH_AFTER,		/* ts: published at or after this time */
	SEARCH_QUOTE		/* value: words inside a quote (any case);
				   fts: their FTS5 phrase, to narrow */
};

struct search_atom {
	enum search_kind kind;
	int		 negate;	/* -atom */
	size_t		 clause;	/* atoms of one clause are ORed */
	int		 in_fts;	/* folded into struct search's fts */
	char		*fts;		/* SEARCH_TEXT: '"drone" *' */
	char		*fts_lead;	/* prefix: the words before the last,
					   an FTS5 phrase, or NULL */
	char		*words;		/* SEARCH_TEXT: the words, cleaned */
	int		 exact;		/* quoted or prefix: unstemmed */
	int		 prefix;	/* the last word is a prefix */
	int		 title;		/* in the title only */
	char		*value;		/* the filters' text */
	int64_t		 ts;
};

/*
 * A parsed search: clauses ANDed, each an OR of atoms. fts is the FTS5
 * expression every result matches (the clauses made only of words, less
 * the words left out), or NULL; atoms not in it are left to SQL.
 */
struct search {
	struct search_atom *v;
	size_t		 n;
	size_t		 nclauses;
	char		*fts;
};

/*
 * Parse len bytes of a search (NULs and control characters count as
 * spaces). 0 on success; -1 with *err a lower-case message ("empty
 * search", "before: bad date 'x' (use ...)"): a field's problem starts
 * with the field's name, once.
 */
int	 search_parse(const char *, size_t, struct search *, char **);
void	 search_free(struct search *);

/*
 * Does the search have words in quotes? The index stems words (drone
 * finds drones), so those are checked against the stored text too.
 */
int	 search_has_exact(const struct search *);

/*
 * An FTS5 expression matching any word or phrase the search asks for (not
 * those it leaves out), for snippets and highlights; NULL if none. New
 * string.
 */
char	*search_fts_any(const struct search *);

/*
 * The period a date names, as after: and before: read it (YYYY, YYYY-MM
 * or YYYY-MM-DD, UTC): the time it starts and the time the next period
 * starts. 0, or -1 if the text is not such a date.
 */
int	 search_period(const char *, int64_t *, int64_t *);

#endif
