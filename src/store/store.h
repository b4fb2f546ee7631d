/*
 * The sqlite3 store: the only module that includes sqlite3.h. It keeps the
 * schema and its migrations, and reads and writes articles as plain structs.
 * Ingest writes inside store_begin/store_commit, one transaction a batch;
 * every other write is one transaction of its own, all or nothing.
 */
#ifndef DOSSIER_STORE_H
#define DOSSIER_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "feed-kind.h"

struct article;
struct store;

/* The schema version this program writes (PRAGMA user_version). */
#define STORE_VERSION 19

/* The default store: $XDG_DATA_HOME/dossier/dossier.db. New string. */
char	*store_default_path(void);

/*
 * Open (creating if need be) and migrate the store at path. A database from
 * a newer dossier is refused and left untouched. Returns NULL with *err set.
 */
struct store *store_open(const char *path, char **err);
/*
 * Open and migrate an existing store; a missing or empty file (or one with
 * no schema yet) is "no library at PATH" and nothing is created.
 */
struct store *store_open_existing(const char *path, char **err);
void	 store_close(struct store *);
const char *store_path(struct store *);

/* Batches: BEGIN IMMEDIATE ... COMMIT. */
int	 store_begin(struct store *, char **err);
int	 store_commit(struct store *, char **err);
void	 store_rollback(struct store *);
/* Is a batch open? sqlite ends one by itself on a full disk or I/O error. */
int	 store_in_batch(struct store *);

/* The feed that imported files belong to ("Saved stories"). */
int64_t	 store_local_feed(struct store *, char **err);

/* Is an article with this guid in the feed? 1 yes, 0 no, -1 error. */
int	 store_article_exists(struct store *, int64_t feed, const char *guid,
	     char **err);

/*
 * The story of the feed that the saved file at path (absolute) was last
 * read into: 1 and *id set, 0 none, -1 error.
 */
int	 store_article_by_path(struct store *, int64_t feed, const char *path,
	     int64_t *id, char **err);
/*
 * Does story id know path as its file? 1 yes, 0 no, -1 error. And make
 * it so, inside an open batch (the file then names that story alone).
 */
int	 store_article_has_path(struct store *, int64_t id, const char *path,
	     char **err);
int	 store_article_path_set(struct store *, int64_t id, const char *path,
	     char **err);

/*
 * Add an article with its captions, subheadings, tags and, if x is not
 * NULL, what extraction found in its body, inside an open batch; all of it
 * or none of it is written (a savepoint). On success sets a->id and returns
 * 0; returns 1 if the guid was already there.
 */
/*
 * Most mentions and quotes kept of one story: a real story has hundreds;
 * a hostile one must not fill the library with millions of rows.
 */
#define STORE_MAX_MENTIONS	20000
#define STORE_MAX_QUOTES	5000

struct extract;
int	 store_article_add(struct store *, int64_t feed, struct article *,
	     const char *content_hash, const struct extract *x, char **err);

/*
 * The same story stored more than once (store-dup.c): saved twice, or one
 * wire story carried by several outlets. Every story stored or changed is
 * compared, by its MinHash signature and an index of band keys, with the
 * few stories likely to be it, and joins the group of one whose words
 * are nearly all the same (minhash.h).
 *
 * Counting once. A group is its first story and the stories whose
 * articles.dup_of names it; the first story's dup_of is NULL, and so is
 * that of every story in no group. So:
 *   - a quote, speaker or mention counted across the library counts only
 *     stories with dup_of IS NULL ("JOIN articles a ON a.id =
 *     q.article_id WHERE a.dup_of IS NULL"): each group once, by its
 *     first story's analysis;
 *   - stories counted once: count(DISTINCT coalesce(a.dup_of, a.id)),
 *     the group's id (or, as above, only rows with a.dup_of IS NULL);
 *   - the outlets that carried a story (its group) are those of
 *     coalesce(dup_of, id) = its first story's id F (the partial index
 *     articles_dup_of finds them: "SELECT outlet FROM articles WHERE
 *     id = F OR dup_of = F"); store_speaker_quotes gives them as also.
 * Listings list every story (each is the user's, in its feed, with its
 * tags), store_row.grouped marking those in a group; deleting a group's
 * first story makes the next oldest the first (a trigger). A library
 * from before schema 12 has every dup_of NULL (nothing linked) until
 * 'dossier analyze --dups' compares its stories.
 */
struct store_dup {
	int64_t		 id;
	const char	*outlet;	/* may be NULL */
	const char	*feed;		/* its feed's title */
	const char	*published;	/* may be NULL */
	int		 first;		/* the group's first story */
};

/* The other stories of story id's group, oldest first (none if alone). */
int	 store_article_group(struct store *, int64_t,
	     int (*)(const struct store_dup *, void *), void *, char **);

/*
 * The stories stored by a dossier before groups were kept (a library
 * from before schema version 12) are compared once: how many wait, up to
 * n of their ids after an id, and one compared and linked (a savepoint,
 * in a batch or not; 1 if it is not waiting).
 */
int64_t	 store_dup_todo_count(struct store *, char **);
int	 store_dup_todo_ids(struct store *, int64_t after, int64_t *, size_t,
	     size_t *got, char **);
int	 store_dup_compare(struct store *, int64_t, char **);
/*
 * Drop what the index of signatures keeps of deleted stories (a deleted
 * story's keys stay until then: the index is not kept up at every
 * import or delete; they are passed over as candidates). 0 or -1.
 */
int	 store_dup_prune(struct store *, char **);

/* What deleting a story would lose of the user's. */
struct store_user_data {
	int64_t	notes;
	int64_t	tags;		/* given by the user, not by ingest */
	int64_t	corrections;	/* of its quotes */
	int	starred;
};

/* The user's data on story id: 0, 1 if no such story, -1. */
int	 store_article_user(struct store *, int64_t,
	     struct store_user_data *, char **);

/*
 * Delete stories with all that hangs on them (notes, tags, corrections,
 * quotes) in one transaction: all of them or, when one is not there (1,
 * *err says which) or on an error (-1), none. A group loses the story
 * and keeps the rest.
 */
int	 store_article_delete(struct store *, const int64_t *, size_t,
	     char **);

/*
 * Feeds (store-feed.c): the subscriptions, their fetch state, and stories
 * fetched again.
 */
struct store_feed {
	int64_t		 id;
	const char	*url;
	const char	*title;		/* may be NULL */
	enum feed_kind	 kind;		/* kept as its name (feed-kind.h); UNKNOWN:
					   not changed by store_feed_update */
	const char	*etag;		/* validators of the last 200; may */
	const char	*last_modified;	/* be NULL */
	const char	*body_hash;	/* SHA-256 (hex) of the body whose
					   stories are stored; may be NULL */
	int64_t		 fetched;	/* last attempt (epoch); 0: never */
	int		 status;	/* its HTTP status; 0: none */
	const char	*error;		/* why it failed, or NULL */
	int64_t		 articles;	/* stories, unread ones */
	int64_t		 unread;
	char *const	*tags;		/* the feed's tags, first given first */
	size_t		 ntags;
};

/* Most tags of one feed; ingest ignores those past it. */
#define STORE_MAX_FEED_TAGS	32

/* Add a feed: 0 added, 1 the url was there already; *id set either way. */
int	 store_feed_add(struct store *, const char *url, const char *title,
	     enum feed_kind, int64_t *id, char **err);

/*
 * Call fn for the feed with this id (url NULL) or url, or for every feed
 * in id order (id 0, url NULL). Returns 0, 1 if no such feed, -1.
 */
int	 store_feed_list(struct store *, int64_t id, const char *url,
	     int (*fn)(const struct store_feed *, void *), void *, char **);

/*
 * A change of tags (normalized ones), of a story or a feed: del are
 * removed, then add added. When it succeeds, added and removed count the
 * rows it changed.
 */
struct store_tags {
	char *const	*add;
	size_t		 nadd;
	char *const	*del;
	size_t		 ndel;
	size_t		 added;
	size_t		 removed;
};

/*
 * Add tags (normalized) to a feed inside an open batch, after those it
 * has, skipping those it has and any past STORE_MAX_FEED_TAGS. Stories
 * already stored are not tagged; every story stored from the feed later
 * is. Returns how many were added, or -1 (store-user.c).
 */
int	 store_feed_tag(struct store *, int64_t, char *const *, size_t,
	     char **err);

/*
 * Change a feed's tags in a transaction of its own (store-user.c). More
 * than STORE_MAX_FEED_TAGS is refused and nothing is changed. The stories
 * stored already keep their tags. 0 done, 1 no such feed, -1 error.
 */
int	 store_feed_tags_change(struct store *, int64_t, struct store_tags *,
	     char **err);

/*
 * Record a fetch: title and url (the feed moved) when not NULL, kind
 * when not FEED_KIND_UNKNOWN; etag, last_modified, body_hash, fetched,
 * status and error as given. 0 done, 1 no such feed (removed
 * meanwhile), -1 error.
 */
int	 store_feed_update(struct store *, const struct store_feed *, char **);

/*
 * Remove a feed (not Saved stories) and its stories in one transaction.
 * Stories the user starred, annotated or tagged after they were stored
 * are kept, moved to Saved stories. Returns 0 (counts set), 1 if no such
 * feed, -1.
 */
int	 store_feed_remove(struct store *, int64_t id, int64_t *removed,
	     int64_t *kept, char **err);

/*
 * An ingesting connection: its write batches keep their savepoints'
 * journals in memory (only if it has no temporary tables yet).
 */
int	 store_ingest_memory(struct store *, char **);
/*
 * Is the item with this guid stored, and as which content? 0 no, 1 yes
 * and the same hash, 2 yes but changed; *id set when stored.
 */
int	 store_article_lookup(struct store *, int64_t feed, const char *guid,
	     const char *content_hash, int64_t *id, char **err);

/*
 * Is the item with this guid stored from this raw digest (article.h)?
 * 1 yes, 0 no, -1 error.
 */
int	 store_article_known(struct store *, int64_t feed, const char *guid,
	     const char *raw, char **err);

/*
 * A feed's stored items with their raw digests, read at once to answer
 * store_article_known for many items (store-known.c); NULL if the feed
 * has more than max stored items, or on error (*err set).
 */
struct store_known;
struct store_known *store_known_load(struct store *, int64_t feed,
	    size_t max, char **err);
/* Is guid stored from this raw digest? 1 yes, 0 no. */
int	 store_known_has(const struct store_known *, const char *guid,
	    const char *raw);
void	 store_known_free(struct store_known *);

/* Record story id's raw digest (inside a batch); 0 or -1. */
int	 store_article_raw(struct store *, int64_t id, const char *raw,
	     char **err);

/*
 * Replace a stored story's text with a new version, inside a batch: guid
 * (when a->guid is set: a saved file's names its text), url, title,
 * byline, lead, body and what hangs on the body are rewritten, and
 * a->path, if set, becomes the story's one file;
 * read, starred and tags are kept, notes re-anchored by the text they
 * cover (or kept on the whole story). 0, or -1 with nothing changed.
 */
int	 store_article_update(struct store *, int64_t id, struct article *,
	     const char *content_hash, const struct extract *, char **err);

/*
 * Re-analysis (store-extract.c; ingest's reanalyze.c drives it). The
 * stories to do are every one, or (outdated) those an older extractor
 * analysed (articles.extract_version < EXTRACT_VERSION).
 */
/* How many there are; -1 on error. */
int64_t	 store_extract_count(struct store *, int outdated, char **err);
/* Up to n of their ids after id after, in id order (*got of them). */
int	 store_extract_ids(struct store *, int outdated, int64_t after,
	     int64_t *ids, size_t n, size_t *got, char **err);
/*
 * Replace what extraction found in a story (its mentions and quotes)
 * with x, which may be NULL (no body), and record that EXTRACT_VERSION
 * analysed it; a savepoint, inside a batch or not. The user's rows
 * (tags, notes, corrections) are never touched. 0 done, 1 no such
 * story, -1 error with nothing changed.
 */
int	 store_extract_replace(struct store *, int64_t id,
	     const struct extract *x, char **err);

/* Did an older extractor than this one analyse the story read into a? */
int	 store_article_outdated(const struct article *);

/* Read one article in full. 0 found, 1 no such article, -1 error. */
int	 store_article_get(struct store *, int64_t id, struct article *,
	     char **err);

/* What the extractor found, as stored; strings live until the next row. */
struct store_mention {
	const char	*kind;		/* person, org, place, misc */
	const char	*name;		/* canonical name */
	size_t		 start, end;	/* byte span in the body */
	const char	*title;		/* may be NULL */
	const char	*affiliation;	/* may be NULL */
};

struct store_quote {
	size_t		 start, end;
	const char	*kind;		/* direct, indirect, mixed */
	int		 has_cue;
	size_t		 cue_start, cue_end;
	int		 has_speaker;
	size_t		 speaker_start, speaker_end;
	const char	*speaker_name;	/* resolved entity; may be NULL */
	const char	*speaker_kind;	/* its kind: person, org, place, misc */
	const char	*source_kind;	/* person, org, media, unnamed; or NULL */
	const char	*source_text;	/* "a White House official"; or NULL */
	int		 corrected;	/* a correction of the user's applies */
	int64_t		 id;		/* the quote's row */
	/*
	 * The row of the first part of the statement this quote goes on
	 * ("Q1," X said, "Q2."), listed before it; 0 if it is none's.
	 */
	int64_t		 continues;
};

struct store_note {
	int64_t		 id;
	int		 has_span;	/* 0: the note is on the whole article */
	size_t		 start, end;
	const char	*anchor;	/* the text the note covers */
	const char	*note;
	int64_t		 created, updated;
};

int	 store_article_mentions(struct store *, int64_t,
	     int (*)(const struct store_mention *, void *), void *, char **);
/*
 * The affiliation the latest story giving one gives the entity (kind,
 * name) into *out (NULL: none), for a role a story gives without its
 * country. 0, or -1 with *err.
 */
int	 store_entity_affiliation(struct store *, const char *, const char *,
	     char **, char **);
int	 store_article_quotes(struct store *, int64_t,
	     int (*)(const struct store_quote *, void *), void *, char **);
int	 store_article_notes(struct store *, int64_t,
	     int (*)(const struct store_note *, void *), void *, char **);

/*
 * Listings (store-query.c): feed-list counts, windows of a listing paged
 * by key (the screen's, and the whole of one for list, export and
 * search), reading state and the entity views.
 */

/* What a listing shows. */
enum store_filter_kind {
	STORE_FILTER_ALL,
	STORE_FILTER_UNREAD,
	STORE_FILTER_STARRED,
	STORE_FILTER_NOTES,	/* annotated, newest note first */
	STORE_FILTER_TAG,	/* value: the tag */
	STORE_FILTER_OUTLET,	/* value: the outlet */
	STORE_FILTER_FEED,	/* feed: the feed id */
	STORE_FILTER_ENTITY,	/* value: the name, entity_kind: its kind */
	STORE_FILTER_SEARCH,	/* value: a search as typed (search.h) */
	STORE_FILTER_TAGGED_OR_NOTED	/* with a tag, a note or a quote
					   corrected (export) */
};

struct store_filter {
	enum store_filter_kind	 kind;
	const char		*value;
	const char		*entity_kind;
	int64_t			 feed;
	int			 unread;	/* and only unread ones */
};

/*
 * A listing's sort key: newest first by (sort_ts, id); for
 * STORE_FILTER_NOTES sort_ts is the time of the story's latest note.
 */
struct store_key {
	int64_t	sort_ts;
	int64_t	id;
};

/* One row of a listing; strings live until the callback returns. */
struct store_row {
	struct store_key key;		/* key.id is the story's id */
	const char	*title;
	const char	*outlet;
	const char	*byline;
	const char	*published;
	const char	*url;		/* as url_story keeps it, or NULL */
	char *const	*tags;		/* in order */
	size_t		 ntags;
	int		 read;
	int		 starred;
	int		 grouped;	/* stored more than once (store-dup.c) */
};

/* One entry of the feed list with its count. */
struct store_feed_count {
	enum store_filter_kind	 kind;
	const char		*value;	/* tag, outlet or feed title */
	int64_t			 feed;	/* feed id for STORE_FILTER_FEED */
	int64_t			 count;
	const char		*error;	/* a feed's last fetch error, or NULL */
};

/* The kinds that index-only queries count; starred and outlets scan. */
#define STORE_COUNT_KIND(k)	(1U << (k))
#define STORE_COUNT_CHEAP	(STORE_COUNT_KIND(STORE_FILTER_ALL) | \
	STORE_COUNT_KIND(STORE_FILTER_UNREAD) | \
	STORE_COUNT_KIND(STORE_FILTER_NOTES) | \
	STORE_COUNT_KIND(STORE_FILTER_TAG) | STORE_COUNT_KIND(STORE_FILTER_FEED))
#define STORE_COUNT_EVERY	0xffffU

/* Count the feed-list entries of the kinds asked for, in display order. */
int	 store_feed_counts(struct store *, unsigned,
	     int (*)(const struct store_feed_count *, void *), void *,
	     char **);

/*
 * Up to limit rows of a listing next to a key: after it (older) when dir
 * > 0, before it (newer, returned nearest first) when dir < 0, starting at
 * it inclusive when dir == 0. A NULL key means the top (dir >= 0) or the
 * bottom (dir < 0) of the listing; a limit of (size_t)-1, all of it. fn
 * returning non-zero stops the reading (not an error).
 */
int	 store_page(struct store *, const struct store_filter *,
	     const struct store_key *, int dir, size_t limit,
	     int (*)(const struct store_row *, void *), void *, char **);

/* Count a listing's rows, or those newer than key; -1 on error. */
int64_t	 store_page_count(struct store *, const struct store_filter *,
	     const struct store_key *, char **);
/*
 * Count the rows with ids from lo up to hi (not with it), so a slow count
 * can be done a part at a time; and the highest id there is.
 */
int64_t	 store_page_count_ids(struct store *, const struct store_filter *,
	     int64_t, int64_t, char **);
int64_t	 store_max_id(struct store *, char **);

/* Set an article's read or starred flag (a write transaction). */
int	 store_set_read(struct store *, int64_t, int, char **);
int	 store_set_starred(struct store *, int64_t, int, char **);

/* Mark a listing's unread stories read in one transaction; how many. */
int64_t	 store_mark_read(struct store *, const struct store_filter *,
	     char **);

/* The people of the library and their quotes: store-people.h. */

/*
 * The user's own rows (store-user.c): tags and notes. Each write is one
 * BEGIN IMMEDIATE transaction of its own; ingest never deletes them.
 * (The tags of feeds are there too: store_feed_tag, store_feed_tags_change.)
 */
#define STORE_MAX_TAG_LEN	64	/* bytes of one tag */
#define STORE_MAX_TAGS		100	/* tags of one story */
#define STORE_MAX_NOTE		65536	/* bytes of one note's text */

/*
 * Change a story's tags. More than STORE_MAX_TAGS is refused and nothing
 * is changed. 0 done, 1 no such story, -1 error.
 */
int	 store_tags_change(struct store *, int64_t, struct store_tags *,
	     char **);

/* A story's tags in order; 1 if there is no such story. */
int	 store_article_tags(struct store *, int64_t,
	     int (*)(const char *, void *), void *, char **);

/*
 * Add a note to a story: on the whole story, or on a byte span of its body
 * whose text is kept as the anchor. 0 added (*id set), 1 no such story,
 * 2 the span is not in the body, -1 error.
 */
int	 store_note_add(struct store *, int64_t, int has_span, size_t,
	     size_t, const char *, int64_t *id, char **);

/* Change or delete a note by id: 0 done, 1 no such note, -1 error. */
int	 store_note_update(struct store *, int64_t, const char *, char **);
int	 store_note_delete(struct store *, int64_t, char **);

/* A note with its story; strings live until the callback returns. */
struct store_note_row {
	struct store_note	 n;
	int64_t			 article;
	const char		*title;
	const char		*outlet;
	const char		*published;
};

/*
 * Up to limit notes across the library, most recently changed first
 * (by updated, id), after key (NULL: from the newest).
 */
int	 store_notes_page(struct store *, const struct store_key *, size_t,
	     int (*)(const struct store_note_row *, void *), void *, char **);

/*
 * Corrections by the user (store-correct.c): the user's data, as notes
 * are. Each write is one transaction of its own and applies at once to
 * what is stored; store_extract_add applies them all to every analysis
 * it writes (import, re-import, feed refresh, re-analysis), in the same
 * transaction. Ingest never deletes them; a story's go with the story.
 */
#define STORE_MAX_FIX_NAME	200	/* bytes of a name, role, source */

enum store_fix {
	STORE_FIX_SPEAKER,		/* the quote is (kind, who)'s */
	STORE_FIX_UNNAMED,		/* an unnamed source's: who says so */
	STORE_FIX_NOT_QUOTE		/* not a quote at all */
};

/* A quote's correction; strings live until the callback returns. */
struct store_quote_fix {
	int64_t		 id;
	int64_t		 article;
	size_t		 start, end;	/* its words in the body (or where
					   they were when not placed) */
	int		 placed;	/* its words are in the body now */
	const char	*words;
	const char	*quote_kind;	/* direct, indirect, mixed */
	enum store_fix	 fix;
	const char	*kind;		/* SPEAKER: person or org; else NULL */
	const char	*who;		/* the name or the source; may be NULL */
	int64_t		 created;
};

/*
 * Correct the quote of story id at [start, end) (a quote stored there, or
 * the words of a "not a quote" correction), replacing a correction it
 * had. kind and who as in struct store_quote_fix. 0 done, 1 no such
 * story, 2 no quote there, -1 error.
 */
int	 store_quote_fix_set(struct store *, int64_t id, size_t start,
	     size_t end, enum store_fix, const char *kind, const char *who,
	     char **err);
/*
 * Delete the correction of story id's quote at [start, end) (the one
 * whose span overlaps it most). 0 done, 1 none there, -1 error. The
 * story keeps what the correction made until it is analysed again.
 */
int	 store_quote_fix_del(struct store *, int64_t id, size_t start,
	     size_t end, char **err);
/* The corrections of story id's quotes (id 0: every story's), by span. */
int	 store_quote_fixes(struct store *, int64_t id,
	     int (*)(const struct store_quote_fix *, void *), void *, char **);

/* A stored name's kinds, as bits of STORE_KIND_BIT (store-correct.c). */
#define STORE_KIND_BIT(i)	(1U << (i))	/* i: 0 person, 1 org, */
						/* 2 place, 3 misc */
int	 store_entity_kinds(struct store *, const char *name, unsigned *,
	     char **err);

/*
 * Merge (kind, alias) into (kind, name): every mention and quote of the
 * alias becomes the name's now, and every analysis written later maps
 * the alias the same way; an alias of an alias is followed. *mentions
 * and *quotes count the rows moved. 0 done, 2 it would make a loop
 * (name is the alias, or an alias of it), -1 error.
 */
int	 store_alias_set(struct store *, const char *kind, const char *alias,
	     const char *name, int64_t *mentions, int64_t *quotes, char **err);
/*
 * Drop an alias: 0 done (*ids, malloc'd, *nids: the stories that name
 * what it was merged into, to analyse again), 1 no such alias, -1 error.
 * A name the library joined by its own rules (a bare surname to the one
 * person of that surname, a spelling to another) and the user did not
 * merge is kept apart from then on instead (*apart 1); undoing that
 * lets the library join it again (*apart -1).
 */
int	 store_alias_del(struct store *, const char *kind, const char *alias,
	     int64_t **ids, size_t *nids, int *apart, char **err);

/*
 * Set (kind, name)'s role and/or affiliation (NULL: keep what was set),
 * on every mention now and later. *mentions counts the mentions changed.
 */
int	 store_entity_fix_set(struct store *, const char *kind,
	     const char *name, const char *role, const char *affiliation,
	     int64_t *mentions, char **err);
/* Drop it: as store_alias_del (the stories that mention the name). */
int	 store_entity_fix_del(struct store *, const char *kind,
	     const char *name, int64_t **ids, size_t *nids, char **err);

/* An alias or a role set; strings live until the callback returns. */
struct store_name_fix {
	const char	*kind;
	const char	*name;		/* the alias, or the name */
	const char	*into;		/* an alias's name; else NULL */
	const char	*role;		/* may be NULL */
	const char	*affiliation;	/* may be NULL */
	int64_t		 created;
};

/* Every alias (aliases 1) or every role set (0), by kind and name. */
int	 store_name_fixes(struct store *, int aliases,
	     int (*)(const struct store_name_fix *, void *), void *, char **);

/*
 * Searching (store-search.c): a listing of kind STORE_FILTER_SEARCH pages
 * and counts through store_page and store_page_count; a search that does
 * not parse makes them fail with the parser's message. These give what a
 * search matched in one story.
 */

/*
 * A few words of story id around what the search matched, each match
 * between open and close; the start of the lead when the search has no
 * words. *out is a new string (NULL if the story is not there).
 */
int	 store_search_snippet(struct store *, const char *, int64_t,
	     const char *open, const char *close, char **out, char **);

/*
 * Every story search text matches (at most limit, 0 for all), newest
 * first as store_page lists them, each with its snippet as
 * store_search_snippet gives it ("" if none): fn(row, snippet) as the rows
 * are read, the snippets of a few thousand at a time found in one pass of
 * the index (store-search-each.c). The row has no tags. 0 when all are
 * given, 1 when fn returned nonzero (it stops there), -1 on an error.
 */
int	 store_search_each(struct store *, const char *, size_t limit,
	     const char *open, const char *close,
	     int (*)(const struct store_row *, const char *, void *), void *,
	     char **);

/*
 * Call fn(column, start, end) for each matched span of story id, in byte
 * offsets into its title (column 0), lead (1), body (2) and captions (3:
 * joined by newlines).
 */
int	 store_search_spans(struct store *, const char *, int64_t,
	     int (*)(int, size_t, size_t, void *), void *, char **);

#endif
