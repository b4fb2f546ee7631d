/*
 * An article as ingest produces it and the store keeps it: a plain struct
 * with no ties to files, sqlite or curses. Every string that enters through
 * the setters below is cleaned (valid UTF-8, no control characters).
 */
#ifndef DOSSIER_ARTICLE_H
#define DOSSIER_ARTICLE_H

#include <stddef.h>
#include <stdint.h>

/* A half-open byte range in the body. */
struct span {
	size_t	start;
	size_t	end;
};

/* A link the story's text makes: http(s) only, text as shown. */
struct article_link {
	char	*url;
	char	*text;		/* may be NULL */
};

/* Most links kept from one story: the rest are page furniture. */
#define ARTICLE_MAX_LINKS	200

struct article {
	int64_t	  id;		/* store row id; 0 until stored */
	char	 *guid;		/* unique within its feed */
	char	 *path;		/* the saved file read, absolute; NULL for
				   a feed's items */
	char	 *url;
	char	 *title;
	char	 *outlet;	/* the publication: "The Jerusalem Post" */
	char	 *byline;	/* "Reuters", "Jane Doe and John Roe" */
	char	 *published;	/* ISO 8601, see date.h; NULL if unknown */
	char	 *lead;		/* standfirst / summary */

	/*
	 * Body paragraphs joined by one blank line ("\n\n"); a paragraph holds
	 * no newline. Subheadings are paragraphs of the body, listed by span
	 * so the reader can set them apart.
	 */
	char	 *body;
	size_t	  body_len;
	size_t	  body_cap;	/* allocated, for article_add_paragraph */
	struct span *subheadings;
	size_t	  nsubheadings;

	char	**captions;	/* photo captions, kept apart from the body */
	size_t	  ncaptions;
	char	**tags;
	size_t	  ntags;
	struct article_link *links;	/* links in the story's text */
	size_t	  nlinks;

	/*
	 * Addresses the parsers would not keep (see url.h): how many, and the
	 * first as '"address": reason', for the import or fetch report.
	 */
	size_t	  ndropped;
	char	 *dropped;

	/*
	 * A feed item's digest as the document gave it (feed-entry.c), kept
	 * by the store to know the item unchanged before it is made again;
	 * "" if none.
	 */
	char	  raw_hash[65];

	/* Filled by the store when read back. */
	char	 *feed;		/* feed title, "Saved stories" for imports */
	int	  read;
	int	  starred;
	int	  analysed_by;	/* the EXTRACT_VERSION that analysed it */
};

void	 article_init(struct article *);
void	 article_free(struct article *);

/* Set a one-line field (title, outlet, ...) from raw bytes; empty = NULL. */
void	 article_set(char **field, const char *, size_t);

/* Append a body paragraph; returns 0 if it was empty after cleaning. */
int	 article_add_paragraph(struct article *, const char *, size_t,
	     int subheading);

/* Add a caption or a tag unless an equal one is already there. */
void	 article_add_caption(struct article *, const char *, size_t);
void	 article_add_tag(struct article *, const char *, size_t);

/*
 * Set the story's address as url_story keeps it (absolute http or https,
 * no user information); another is dropped and counted in a->ndropped,
 * with its reason. Returns 1 if set.
 */
int	 article_set_url(struct article *, const char *, size_t);

/*
 * Add a link unless its URL is already there; only addresses url_story
 * keeps are, the rest are counted as dropped (an in-page "#..." reference
 * silently). Returns 1 if added.
 */
int	 article_add_link(struct article *, const char *url, size_t,
	     const char *text, size_t);

/*
 * Does the lead only repeat the start of one of the body's first
 * paragraphs (compared with case, quotes, dashes and spacing made plain;
 * a lead cut short with an ellipsis counts)?
 */
int	 article_lead_repeated(const struct article *);

/* Normalize a tag: lower case ASCII, spaces to '-', no '#'; NULL if empty. */
char	*article_tag_normalize(const char *, size_t);

#endif
