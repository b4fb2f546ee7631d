/*
 * The saved-text parser's parts: import-text.c reads the header (site
 * line, headline, standfirst, byline, dates), import-text-body.c the body
 * (paragraphs, captions, subheadings), both with the word and line
 * primitives of import-text-words.c. Private to them.
 */
#ifndef DOSSIER_IMPORT_TEXT_H
#define DOSSIER_IMPORT_TEXT_H

#include <stddef.h>
#include <stdint.h>

#define TEXT_LEAD_WORDS		60	/* a standfirst is shorter */
#define TEXT_CAPTION_MAX	4096	/* bytes: longer is never a caption */

/* A trimmed, non-blank line of the prepared text. */
struct text_line {
	uint32_t	off;
	uint32_t	len;
	int		blank_before;
};

enum text_kind {
	TEXT_BODY,
	TEXT_DROP,
	TEXT_SUBHEAD
};

/* A paragraph of the body: one line, or hard-wrapped lines joined. */
struct text_para {
	uint32_t	off;
	uint32_t	len;
	enum text_kind	kind;
};

/* A caption found in the body, cleaned; key is the part before its credit. */
struct text_caption {
	char		*text;
	size_t		 keylen;
	int		 removed;
};

/* One parse: the prepared text and what was found in it. */
struct text_parse {
	const char		*s;
	size_t			 len;
	struct text_para	*paras;
	size_t			 npara;
	size_t			 cappara;
	struct text_caption	*caps;
	size_t			 ncap;
	size_t			 capcap;
	char			*published;
	int			 published_rank;
};

/* The primitives (import-text-words.c); w is lower case. */
unsigned char text_lower(unsigned char);
int	text_isspace(unsigned char);
int	text_starts(const char *, size_t, const char *w);
int	text_starts_word(const char *, size_t, const char *w);
long	text_find(const char *, size_t, const char *w);
int	text_in_table(const char *, size_t, const char *const *, size_t);
size_t	text_words(const char *, size_t, size_t max);
size_t	text_word_end(const char *, size_t, size_t nth);
int	text_ends_sentence(const char *, size_t);
int	text_next_line(const char *, size_t, size_t *, struct text_line *);
int	text_is_boilerplate(const char *, size_t);

/* Cut the body at start into paragraphs, captions and subheadings. */
void	import_text_body(struct text_parse *, size_t start);

#endif
