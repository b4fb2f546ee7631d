/*
 * The library: what the screen asks of the store, as plain arrays of rows
 * a window long (never a whole listing), grouped and labelled for display.
 */
#ifndef DOSSIER_LIBRARY_H
#define DOSSIER_LIBRARY_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"
#include "store-people.h"

/* One entry of the feed list. */
struct lib_feed {
	struct store_filter	 filter;	/* strings owned by the entry */
	char			*label;
	int64_t			 count;
	int			 heading;	/* a label, not selectable */
	char			*error;		/* a feed's last fetch failed */
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
	int		 grouped;	/* the same story is stored again */
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

/*
 * A listing whole, newest first, up to limit stories (0: all), for the
 * commands that print one (list, export): fn is called with each story
 * as an article without its text (id, url, title, outlet, byline,
 * published, tags, read, starred) and the other stories of its group,
 * which live until it returns; a non-zero return stops the listing (not
 * an error). 0, or -1 with *err.
 */
struct article;

/*
 * The other stories of a listed story's group (the same story stored
 * again, or carried by other outlets: store.h), oldest first; n is 0 for
 * a story in no group. outlet is the story's outlet, or its feed's title
 * when it has none.
 */
struct lib_copy {
	int64_t	 id;
	char	*outlet;	/* never NULL */
	int	 first;		/* the group's first story: its quotes count */
};
struct lib_group {
	struct lib_copy	*v;
	size_t		 n;
};

int	 library_list(struct store *, const struct store_filter *, size_t,
	     int (*)(const struct article *, const struct lib_group *, void *),
	     void *, char **);

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
	/*
	 * What the screen shows: the name, or for a place quoted, which
	 * is its state speaking ("Iran said"), "Iran (government)"; the
	 * place is listed once under places, with every use counted.
	 */
	char			*label;
	char			*title;		/* role (library_role); may
						   be NULL */
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
	int			 corrected;	/* a quote of theirs here is one
						   the user corrected */
	int			 bare;		/* the story's title for them
						   names no country */
};

struct lib_entities {
	struct lib_entity	*v;		/* sorted by group, count */
	size_t			 n;
};

/*
 * An article's people for the sidebar (library-people.c): speakers (an
 * unnamed source's later "the official" or pronoun joins it), then
 * people, organisations, places and the rest (any other kind). -1 with
 * *err; free with library_entities_free.
 */
int	 library_entities(struct store *, int64_t, struct lib_entities *,
	     char **);
void	 library_entities_free(struct lib_entities *);

/*
 * A story's people as 'dossier show' lists them: every (kind, name) as
 * mentioned, in the order first mentioned, with its first title and
 * affiliation (the sidebar counts and titles its people, organisations
 * and places from this same reading, then sorts them); and every quote
 * (its text from the body) under its speaker's name, else the source as
 * written, else "(speaker not found)", in the order first quoted (the
 * sidebar's speakers differ: quotes with no speaker are left out and an
 * unnamed source's later "the official" joins it).
 */
struct lib_person {
	char	*kind;
	char	*name;
	char	*title;			/* the first given; may be NULL */
	char	*affiliation;		/* the first given; may be NULL */
	size_t	 count;			/* mentions */
};

struct lib_speaker {
	char	*who;			/* entity name or the source as written;
					   a place quoted is its state:
					   "Iran (government)", kind org */
	char	*kind;			/* person, org, media, unnamed or NULL */
	char	**quotes;		/* the quoted words */
	char	**kinds;		/* each quote's kind: direct, ... */
	int	 *corrected;		/* each quote: the user corrected it */
	size_t	 n;
};

struct lib_people {
	struct lib_person	*v;
	size_t			 n;
	struct lib_speaker	*speakers;
	size_t			 nspeakers;
};

/*
 * A person's role as every view shows it (the sidebar, the quotes view,
 * 'dossier show' and 'extract'): the title, then the affiliation in
 * brackets unless the title names it ("Deputy Foreign Minister
 * (Russia)", "Civic Dawn leader"); the affiliation alone without a
 * title; NULL if neither. Free it.
 */
char	*library_role(const char *, const char *);

/* Read a's people (a->body for the quotes' words); -1 with *err. */
int	 library_people(struct store *, const struct article *,
	     struct lib_people *, char **);
void	 library_people_free(struct lib_people *);

/* Every quote of one speaker across the library, newest first. */
struct lib_quote {
	int64_t	 article;
	char	 date[16];
	char	*outlet;	/* "A (also in B, C)": its story's group */
	char	*title;
	char	*text;
	size_t	 start, end;
	int	 direct;	/* the speaker's own words, in quote marks */
	int	 corrected;	/* the user's correction applies */
	int64_t	 id;		/* the first part's row */
	const char *kind;	/* direct, reported, mixed */
	char	*role;		/* the role the story gives (library_role);
				   NULL */
};

struct lib_quotes {
	struct lib_quote *v;
	size_t		  n;
	int		  cut;	/* LIB_QUOTES_MAX read, more left unread */
};

/*
 * Every quote of the entity (kind, name) across the library, the newest
 * LIB_QUOTES_MAX at most (x->cut if there were more), a statement
 * split by its cue ("Q1," X said, "Q2.") once, its parts' words joined
 * with LIB_QUOTE_JOIN (start and end are the first part's).
 */
#define LIB_QUOTE_JOIN	" \xe2\x80\xa6 "	/* " … " */
#define LIB_QUOTES_MAX	2000	/* the newest read (a dossier has all) */
int	 library_quotes(struct store *, const char *, const char *,
	     struct lib_quotes *, char **);
void	 library_quotes_free(struct lib_quotes *);

/*
 * The people of the library (library-dossier.c), for the people index
 * and a speaker's dossier on the screen and the command line alike.
 */

/* A kind of the index by name (person, state, org, media, unnamed). */
int	 library_people_kind_ok(const char *);
/* A sort by name: quotes, recent, name; -1 if none. */
int	 library_people_sort(const char *, enum store_people_sort *);
/* A quote's kind as shown: direct, reported (indirect), mixed. */
const char *library_quote_kind(const char *);
/* The store's kind for a kind shown (reported: indirect), or NULL. */
const char *library_quote_kind_parse(const char *);

/* One row of the people index, owned. */
struct lib_person_row {
	int64_t	 row;
	int64_t	 entity;		/* 0: an unnamed source */
	char	*source_key;		/* the source's words, lower case */
	char	*kind;			/* person, state, org, media, unnamed */
	char	*name;			/* as shown: "Iran (government)",
					   a source with a capital */
	char	*role;			/* library_role of the latest; NULL */
	int64_t	 quotes, stories;
	int64_t	 last_ts;
	char	 last[16];		/* "26 Aug 2023", "" never quoted */
};

struct lib_person_rows {
	struct lib_person_row	*v;
	size_t			 n;
	/* The key of the page after this one (its last row). */
	struct store_people_key	 next;
	char			*next_name;
	char			**keys;		/* each row's name as the */
						/* index sorts it */
};

/*
 * A page of the people index after key (NULL: the first), in rows; the
 * page after it starts at rows->next. 0, or -1 with *err.
 */
int	 library_people_page(struct store *, enum store_people_sort,
	     const char *kind, const struct store_people_key *, size_t,
	     struct lib_person_rows *, char **);
/* The same, kind "quoted" being everyone quoted, names holding match. */
int	 library_people_match(struct store *, enum store_people_sort,
	     const char *kind, const char *match,
	     const struct store_people_key *, size_t,
	     struct lib_person_rows *, char **);
void	 library_person_rows_free(struct lib_person_rows *);
/*
 * Keep the first n rows of a page sorted so, the page after it starting
 * after the last kept (a window made shorter without reading it again).
 */
void	 library_person_rows_cut(struct lib_person_rows *, size_t,
	     enum store_people_sort);

/*
 * The speaker a name means: 0 found (*found, one row), 1 none, 2 more
 * than one (*found the candidates, at most LIB_FIND_MAX), -1 error.
 */
#define LIB_FIND_MAX	20
int	 library_speaker_find(struct store *, const char *,
	     struct lib_person_rows *, char **);

/* A speaker's dossier: what 'dossier who' prints and the screen shows. */
struct lib_fact {
	char	*text;			/* a role, outlet, name, tag, month */
	char	*kind;			/* peers: their kind; else NULL */
	int64_t	 n;
	char	 first[16], last[16];	/* "Feb 2019" */
};
struct lib_facts {
	struct lib_fact	*v;
	size_t		 n;
	size_t		 more;		/* rows there are beyond the n kept */
};

/* One quote as listed, parts of a statement joined. */
struct lib_quote_line {
	int64_t	 id;			/* its first part's row */
	int64_t	 article;
	int64_t	 sort_ts;		/* its story's time (a window's key) */
	char	*published;		/* as the story gave it; may be NULL */
	char	 date[16];		/* "26 Aug 2023" */
	char	*outlet;
	char	*story_title;
	char	*speaker;		/* as shown; NULL: no speaker found */
	char	*speaker_kind;
	char	*title;			/* the role the story gives */
	char	*affiliation;
	char	*role;			/* library_role of the two */
	const char *kind;		/* direct, reported, mixed */
	char	*text;			/* whole, parts joined */
	size_t	 start, end;		/* the first part's */
	size_t	 until;			/* the end of its last part */
	int	 corrected;
	char	**also;			/* the other outlets of its story's
					   group (stored more than once) */
	size_t	 nalso;
};
struct lib_quote_lines {
	struct lib_quote_line	*v;
	size_t			 n;
};

struct lib_dossier {
	struct lib_person_row	 who;
	struct lib_facts	 names;		/* as written, most first */
	struct lib_facts	 roles;		/* the DOSSIER_ROLES of the most
						   stories, first seen first */
	struct lib_facts	 outlets;	/* most quoting first */
	struct lib_facts	 months;	/* "2023-08", in order */
	struct lib_facts	 peers;		/* most shared stories first */
	struct lib_facts	 tags;
	struct lib_quote_lines	 quotes;	/* newest first */
	int64_t			 month_max;	/* most quotes in a month */
};

/* Read the dossier of the speaker a row of the index is. -1 with *err. */
int	 library_dossier(struct store *, const struct lib_person_row *,
	     struct lib_dossier *, char **);
void	 library_dossier_free(struct lib_dossier *);
/*
 * The same with only the quotes sel picks (its since, until, kind, tag
 * and search; the speaker is who), every other part whole.
 */
int	 library_dossier_select(struct store *, const struct lib_person_row *,
	     const struct store_quotes_query *sel, struct lib_dossier *,
	     char **);
/*
 * A dossier's parts but its quotes (d->quotes empty), for the screen,
 * which reads them a window at a time with library_dossier_window.
 */
int	 library_dossier_head(struct store *, const struct lib_person_row *,
	     struct lib_dossier *, char **);
/*
 * The head in two steps, for a screen that shows the name and the first
 * quotes before the facts over all their stories are read: the row
 * copied (free with library_dossier_free), then the facts. -1 with *err
 * (the facts read so far kept).
 */
void	 library_dossier_init(struct lib_dossier *,
	     const struct lib_person_row *);
int	 library_dossier_facts(struct store *, struct lib_dossier *, char **);
/*
 * A window of a speaker's quotes into *x, newest first: the stories of
 * about want quotes older than after's story (older), or newer (!older);
 * after NULL, from the newest (older) or the oldest (!older). Whole
 * stories, parts joined; *more is 0 when no story lies beyond them.
 * 0, or -1 with *err.
 */
int	 library_dossier_window(struct store *, const struct lib_person_row *,
	     const struct lib_quote_line *after, int older, size_t want,
	     struct lib_quote_lines *x, int *more, char **);

/*
 * Quotes a query asks for (store_quotes_list), parts of a statement
 * joined, each passed to fn (the line lives until it returns; non-zero
 * stops). 0, or -1 with *err.
 */
int	 library_quote_lines(struct store *, const struct store_quotes_query *,
	     int (*)(const struct lib_quote_line *, void *), void *, char **);
void	 library_quote_line_free(struct lib_quote_line *);

/* A story's quotes in text order, each kept; -1 with *err. */
int	 library_story_lines(struct store *, int64_t,
	     struct lib_quote_lines *, char **);
void	 library_quote_lines_free(struct lib_quote_lines *);

/*
 * The quote a note on [start, end) of the same story is about: the
 * first whose span overlaps it; NULL if none.
 */
const struct lib_quote_line *library_quote_at(const struct lib_quote_lines *,
	     size_t, size_t);

/*
 * A bar of n against max as text, width cells at most: full blocks and
 * an eighth block for the rest (utf8), else '#'; at least one cell for
 * n > 0. New string.
 */
char	*library_bar(int64_t n, int64_t max, int width, int utf8);

/* A time as a month: "Feb 2019" (UTC); "" for 0. */
void	 library_month(int64_t, char *, size_t);

/* Format an ISO 8601 date for a list: "26 Aug 2023"; "" if unknown. */
void	 library_date(const char *, char *, size_t);
/*
 * A date library_date made (" 5 Dec 2025", the day padded so the months
 * line up) as a list shows it, given the year it is now: this year's
 * " 5 Dec"; another year's whole in a wide list, "Dec 2025" in a narrow
 * one, so a story's year always shows when it is not this year's. Text
 * of another form is copied as it is.
 */
void	 library_date_listed(const char *, int, int, char *, size_t);

/*
 * Tags and notes (library-user.c), checked and cleaned here for the screen
 * and the command line alike.
 */

/*
 * One tag as typed ("#Iran Russia" is iran-russia): a new normalized
 * string, or NULL with *err saying why it is not a tag.
 */
char	*library_tag_parse(const char *, char **);

/* Tags separated by spaces or commas, normalized, once each. */
int	 library_tags_parse(const char *, char ***, size_t *, char **);
void	 library_strv_free(char **, size_t);

/* Tags to add and tags to remove (normalized), as "+TAG -TAG" say. */
struct lib_tag_change {
	char	**add;
	size_t	  nadd;
	char	**del;
	size_t	  ndel;
};

/* Free the tags of a change and empty it. */
void	 library_tag_change_free(struct lib_tag_change *);

/*
 * Make a change of tags on a story; *msg (may be NULL) says what changed:
 * "added #a #b; removed #c" or "tags unchanged".
 * 0 done, 1 no such story, -1 error.
 */
int	 library_tags_change(struct store *, int64_t,
	     const struct lib_tag_change *, char **, char **);

/*
 * The same for a feed's tags (the tags its new stories get); stories
 * stored already keep theirs. Saved stories takes none (-1).
 */
int	 library_feed_tags_change(struct store *, int64_t,
	     const struct lib_tag_change *, char **, char **);

/* Make a story's tags those of a line; as library_tags_change. */
int	 library_tags_set(struct store *, int64_t, const char *, char **,
	     char **);

/* A story's tags as one line, "a b c"; 1 if there is no such story. */
int	 library_tags_line(struct store *, int64_t, char **, char **);

/*
 * A note's text cleaned: no control characters, escape sequences or
 * direction overrides, tabs made spaces, at most STORE_MAX_NOTE bytes,
 * ends trimmed. NULL with *err when it is empty or too long.
 */
char	*library_note_clean(const char *, size_t, char **);

/* Where words first occur in a body (exact bytes); 0 found, -1 not. */
int	 library_passage_find(const char *, size_t, const char *, size_t *,
	     size_t *);

/*
 * Widen a byte range of a body to whole words and trim the spaces and
 * paragraph breaks at its ends; -1 if it holds no word.
 */
int	 library_passage_words(const char *, size_t, size_t *, size_t *);

/* One note of a story, numbered as the story shows them. */
struct lib_note {
	int64_t	 id;
	int	 num;			/* 1, 2, ... in story order */
	int	 has_span;
	size_t	 start, end;
	char	*anchor;		/* may be NULL */
	char	*note;
	char	 date[16];		/* of the last change */
	int64_t	 created, updated;
};

struct lib_notes {
	struct lib_note	*v;		/* whole-story notes, then by start */
	size_t		 n;
};

int	 library_notes(struct store *, int64_t, struct lib_notes *, char **);
void	 library_notes_free(struct lib_notes *);

/* Format a time for a list in local time: "5 Dec 2025". */
void	 library_time(int64_t, char *, size_t);

/*
 * Corrections by the user (library-correct.c), for the screen and the
 * command line alike: names checked here, written by the store, which
 * applies them to every analysis it writes. An undo gives the stories
 * the correction touched, for the caller to analyse again (ingest's
 * reanalyze_run), so the machine's reading comes back.
 */

/* Every quote of one story in body order, attributed or not. */
struct lib_story_quote {
	size_t	 start, end;		/* body offsets */
	char	*kind;			/* direct, indirect, mixed */
	char	*speaker;		/* entity name or source text; NULL */
	char	*speaker_kind;		/* person, org, media, unnamed; NULL */
	int	 corrected;		/* the user's correction applies */
	int	 not_quote;		/* struck out by the user ("not a
					   quote"): listed so it can be undone */
};
struct lib_story_quotes {
	struct lib_story_quote	*v;
	size_t			 n;
};
/* 0, or -1 with *err (no such story, or the store failed). */
int	 library_story_quotes(struct store *, int64_t id,
	     struct lib_story_quotes *, char **err);
void	 library_story_quotes_free(struct lib_story_quotes *);

enum lib_fix_kind { LIB_FIX_SPEAKER, LIB_FIX_UNNAMED, LIB_FIX_NOT_QUOTE };
struct lib_fix {
	enum lib_fix_kind fix;
	const char	*kind;	/* SPEAKER: "person" (NULL) or "org" */
	const char	*who;	/* SPEAKER: the name; UNNAMED: the
				   description, NULL "an unnamed source" */
};

/*
 * A name, role or source as the user typed it, checked: a new string
 * with runs of spaces made one and the ends trimmed; NULL with *err
 * (what: "name", "role", ...) when it is empty, over STORE_MAX_FIX_NAME
 * bytes, not UTF-8 or holds control characters (never echoed).
 */
char	*library_fix_name(const char *, const char *what, char **err);

/*
 * Correct the quote of story id at [start, end) (a quote, or one marked
 * not a quote): 0 with *msg ("quote credited to Anja Brekk"), -1 with
 * *err (no such story, no quote there, a bad name).
 */
int	 library_quote_fix(struct store *, int64_t id, size_t start,
	     size_t end, const struct lib_fix *, char **msg, char **err);
/*
 * Drop that quote's correction: 0 with *ids (malloc'd, *nids) the
 * stories to analyse again; 1 with *msg if there was none; -1.
 */
int	 library_quote_unfix(struct store *, int64_t id, size_t start,
	     size_t end, int64_t **ids, size_t *nids, char **msg, char **err);

/*
 * Merge (kind, from) into (kind, into) everywhere, now and later. kind
 * NULL: the one kind from has in the library. 0 with *msg, -1 with *err.
 */
int	 library_merge(struct store *, const char *kind, const char *from,
	     const char *into, char **msg, char **err);
/* Undo a merge: as library_quote_unfix (1: alias was merged into none). */
int	 library_unmerge(struct store *, const char *kind, const char *alias,
	     int64_t **ids, size_t *nids, char **msg, char **err);

/*
 * Set a person's (or org's) role and/or affiliation (NULL: leave it);
 * kind NULL: the kind the name has, else person. 0 with *msg, -1.
 */
int	 library_person_set(struct store *, const char *kind,
	     const char *name, const char *role, const char *affiliation,
	     char **msg, char **err);
/* Undo it: as library_quote_unfix (1: none was set). */
int	 library_person_unset(struct store *, const char *kind,
	     const char *name, int64_t **ids, size_t *nids, char **msg,
	     char **err);

#endif
