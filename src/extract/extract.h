/*
 * Who said what: entities and attributed quotes found in text. The extract
 * layer is pure: text in, spans out; no files, sqlite, curl or curses, so it
 * is tested and fuzzed on its own. Offsets are byte offsets into the text,
 * half-open. This header is the layer's one public contract.
 *
 * The stages, in order (file -> what it does -> function prefix):
 *   extract-text.c        text: tokens, quote marks, sentences   text_
 *   extract-entity*.c     entities: chunk, titles, special shapes,
 *                         context, resolution, name map, words   ent_
 *   extract-quote*.c      quotes: marks, cues, source, indirect
 *                         speech, speaker                        quote_
 * Within a stage each file adds its own name: extract-entity-chunk.c is
 * ent_chunk_, extract-quote-cue.c quote_cue_. The word lists both stages
 * read are in extract-lexicon.c (lex_), the driver and the results in
 * extract.c (extract_). Each stage's private header is named for it,
 * ending in -int.h as every private header does: extract-entity-int.h,
 * extract-quote-int.h (the text stage needs none), and
 * extract-lexicon-int.h, the lexicons'. The stages' entry points below
 * keep the layer's extract_ prefix.
 */
#ifndef DOSSIER_EXTRACT_H
#define DOSSIER_EXTRACT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * The extractor's version, stored with every story it analyses (the
 * store's articles.extract_version). Whoever changes what extraction
 * finds (a rule, a word list, a stage) bumps it by one in the same
 * commit: `dossier analyze --outdated` then re-analyses the stories an
 * older version analysed, and the screen says they are older. Version 1
 * is every story stored before versions were kept.
 */
#define EXTRACT_VERSION	7

#define EX_NONE	((size_t)-1)

/* Token flags. */
#define TOK_WORD	0x0001	/* letters or digits */
#define TOK_CAP		0x0002	/* starts with an upper-case letter */
#define TOK_UPPER	0x0004	/* all letters upper case, at least two */
#define TOK_DIGIT	0x0008	/* starts with a digit */
#define TOK_PUNCT	0x0010	/* punctuation other than quote marks */
#define TOK_QUOTE	0x0020	/* a double quote mark: " “ ” or '' */
#define TOK_SQUOTE	0x0040	/* a single quote mark used as one: ' ‘ ’ */
#define TOK_OPEN	0x0080	/* quote mark that opens (by form or place) */
#define TOK_CLOSE	0x0100	/* quote mark that closes */
#define TOK_SENT	0x0200	/* first token of a sentence */
#define TOK_PARA	0x0400	/* first token of a paragraph */
#define TOK_ABBR	0x0800	/* word with internal or final dots: U.S. */
#define TOK_POSS	0x1000	/* the possessive 's / ’s split off a word */
#define TOK_DASH	0x2000	/* -- — – */

/*
 * A token: 12 bytes, as a text has about one every six bytes and a long
 * text keeps them all (extract_run analyses at most EX_MAX_TEXT bytes,
 * so offsets fit in 32 bits). Read them as sizes, as every stage does.
 */
#define EX_MAX_TEXT	((size_t)UINT32_MAX)

struct ex_token {
	uint32_t	start, end;
	unsigned	flags;
};

struct ex_sentence {
	size_t	start, end;		/* bytes */
	size_t	first, last;		/* tokens, last exclusive */
	size_t	para;			/* paragraph index */
};

struct ex_paragraph {
	size_t	start, end;
	size_t	first, last;		/* tokens */
};

enum ex_kind { EX_PERSON, EX_ORG, EX_PLACE, EX_MISC };

/* A thing the text talks about, with its canonical name. */
struct ex_entity {
	enum ex_kind	 kind;
	char		*name;		/* "Sergei Ryabkov" */
	char		*title;		/* "Deputy Foreign Minister", or NULL */
	char		*affiliation;	/* "Russia", or NULL */
	int		 media;		/* an organisation that reports news */
};

/*
 * One place the text names an entity, with the kind of this use: a
 * country or city that acts ("Valdoria denied", "Moscow said") is
 * EX_ORG, its government, while the entity stays the place.
 */
struct ex_mention {
	size_t		start, end;
	size_t		entity;		/* index into entities */
	enum ex_kind	kind;		/* the entity's, or its use's */
	char		*title;		/* the role as written here, or NULL */
};

enum ex_quote_kind { EX_DIRECT, EX_INDIRECT, EX_MIXED };

/* Who a quote is from when it is not a named entity. */
enum ex_source {
	EX_SOURCE_NONE,		/* not found */
	EX_SOURCE_ENTITY,	/* a named person or organisation */
	EX_SOURCE_MEDIA,	/* "the Financial Times reported" */
	EX_SOURCE_UNNAMED	/* "a White House official" */
};

struct ex_quote {
	size_t			start, end;	/* the words quoted */
	enum ex_quote_kind	kind;
	size_t			cue_start, cue_end;	/* EX_NONE if none */
	size_t			sp_start, sp_end;	/* speaker mention */
	size_t			entity;		/* resolved, or EX_NONE */
	enum ex_source		source;
	/* "X said Q, according to AGENCY": the medium, EX_NONE if none */
	size_t			med_start, med_end;
	size_t			med_entity;	/* resolved, or EX_NONE */
	/*
	 * A quote split by its cue, "Q1," X said, "Q2.": the index of the
	 * part this one goes on from (one statement, counted once), or
	 * EX_NONE. Always an earlier quote of the same speaker and cue.
	 */
	size_t			continues;
};

struct extract {
	const char		*text;
	size_t			 len;

	struct ex_token		*toks;
	size_t			 ntoks;
	struct ex_sentence	*sents;
	size_t			 nsents;
	struct ex_paragraph	*paras;
	size_t			 nparas;

	struct ex_entity	*ents;
	size_t			 nents;
	struct ex_mention	*ments;
	size_t			 nments;
	struct ex_quote		*quotes;
	size_t			 nquotes;

	void			*priv;		/* extract.c's entity index */
};

/* Run everything on text (which must outlive x); a text longer than
   EX_MAX_TEXT is analysed up to there. */
void	 extract_run(struct extract *, const char *text, size_t len);
/*
 * Build the word tables extract_run would build on first use. Call it
 * once before threads run extract_run at the same time: then they only
 * read what the stages share (each struct extract is its own).
 */
void	 extract_init(void);
void	 extract_free(struct extract *);
/* Free the working state (tokens, sentences) but keep the results. */
void	 extract_compact(struct extract *);

/* The stages, in order; extract_run calls them. Tokens come with their
   quote marks told opening or closing. */
void	 extract_tokens(struct extract *);
void	 extract_tok_init(void);
void	 extract_sentences(struct extract *);
void	 extract_entities(struct extract *);
void	 extract_quotes(struct extract *);

/* Helpers the stages share. */
const char *extract_kind_name(enum ex_kind);
const char *extract_quote_kind_name(enum ex_quote_kind);
/* Are the n bytes of a token the word, ASCII letters in either case? */
int	 extract_tok_word_is(const char *tok, size_t n, const char *word);

/*
 * Is token tok the word (ASCII letters in either case)? The rules ask
 * this more than anything else, and nearly always of a token that is
 * not the word: the first letters, or the length of a literal word
 * (folded by the compiler), rule most of them out without a call.
 */
static inline int
extract_tok_is(const struct extract *x, size_t tok, const char *word)
{
	const char	*s;
	size_t		 n;

	if (tok >= x->ntoks)
		return 0;
	s = x->text + x->toks[tok].start;
	n = x->toks[tok].end - x->toks[tok].start;
	/* two bytes that differ in more than the bit of case never match */
	if (n == 0 || (((unsigned char)s[0] ^ (unsigned char)word[0]) & ~0x20))
		return n == 0 && word[0] == '\0';
#ifdef __GNUC__
	if (__builtin_constant_p(strlen(word)) && strlen(word) != n)
		return 0;
#endif
	return extract_tok_word_is(s, n, word);
}
size_t	 extract_entity_add(struct extract *, enum ex_kind, const char *name,
	     size_t namelen);
size_t	 extract_mention_add(struct extract *, size_t start, size_t end,
	     size_t entity);
void	 extract_quote_add(struct extract *, const struct ex_quote *);

/*
 * The key two spellings of one name share, by the rules entities are
 * joined with inside a story (extract-entity-namemap.c): what the store
 * joins across stories by. New string.
 */
char	*extract_name_key(enum ex_kind, const char *name);

/*
 * Is the word (n bytes) the noun of a post a person holds ("leader",
 * "minister"), not of an unnamed source ("official") or an outlet?
 */
int	 extract_role_noun(const char *word, size_t n);

#endif
