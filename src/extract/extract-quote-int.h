/*
 * The quote stage's private interface, shared by its files and by nothing
 * outside src/extract (other layers read struct ex_quote from extract.h):
 *   extract-quote.c          the stage; direct quotes      quote_
 *   extract-quote-cue.c      speech cues, word lists       quote_cue_
 *   extract-quote-source.c   the noun phrase of a source   quote_source_
 *   extract-quote-attrib.c   indirect speech               quote_attrib_
 *   extract-quote-clause.c   a reported clause's bounds    quote_clause_
 *   extract-quote-speaker.c  who a source is               quote_speaker_
 *   extract-quote-refer.c    what a role noun refers to     quote_refer_
 */
#ifndef DOSSIER_EXTRACT_QUOTE_H
#define DOSSIER_EXTRACT_QUOTE_H

#include <stdint.h>

#include "extract.h"

/* A noun phrase that is the source of a quote, and what it resolves to. */
struct qt_speaker {
	size_t		first, last;	/* tokens; EX_NONE: none */
	size_t		entity;		/* resolved, or EX_NONE */
	enum ex_source	source;
	int		person;		/* 1 person, -1 not, 0 unsure */
	int		pronoun;	/* he, she, they: refers back */
	int		role;		/* "the minister": refers back */
	int		outlet;		/* "a report from X": X publishes */
	size_t		head;		/* token of its head noun */
	size_t		rel;		/* "who" standing for it, or EX_NONE */
	int		onrecord;	/* "officials who spoke on the record" */
};

/* One stretch of words between quote marks within a paragraph. */
struct qt_piece {
	size_t		open, close;	/* mark tokens; close EX_NONE if none */
	size_t		first, last;	/* the words inside, last exclusive */
	size_t		para;
	size_t		prev, next;	/* pieces of one quote over paragraphs */
	int		single;		/* between single marks */
	int		cued;		/* has a cue of its own */
	int		absorbed;	/* part of an indirect quote's words */
	int		emitted;	/* given out as a direct quote */
	int		title;		/* a title's words: "The Art of the Deal" */
	int		goes_on;	/* open, and the next paragraph opens
					 * with a mark: kept, though what
					 * that mark opened was cut short */
	struct qt_speaker sp;		/* once emitted: its speaker */
	size_t		cue_first, cue_last;
	size_t		quote;		/* its index in x->quotes, or EX_NONE */
};

/* A quote found but not yet resolved and given out. */
struct qt_pending {
	size_t			first, last;	/* content tokens */
	enum ex_quote_kind	kind;
	size_t			cue_first, cue_last;	/* EX_NONE if none */
	struct qt_speaker	sp;
	int			inherit;	/* takes the previous speaker */
	size_t			piece;		/* direct: its piece */
	size_t			med_first, med_last;	/* "according to X" */
	size_t			med_entity;	/* X resolved, or EX_NONE */
	size_t			continues;	/* the quote it goes on from */
};

/* The quote stage's state over one text. */
struct qt {
	struct extract		*x;
	struct qt_piece		*pieces;
	size_t			 npieces;
	uint32_t		*inq;		/* token -> piece, or QT_NONE */
	uint32_t		*nextmark;	/* token -> next quote mark, or
						   QT_NONE */
	unsigned char		*cueused;	/* token is a cue already used */
	struct qt_pending	*pend;
	size_t			 npend, cappend;
	size_t			*ments;		/* mentions sorted by start */
	signed char		*gender;	/* per mention in that order: its
						   gender vote, or -1 not yet
						   counted (quote_speaker_vote) */
	struct qt_speaker	 last;		/* last speaker resolved */
	struct qt_speaker	 lastperson;	/* last one that is a person */
	struct qt_speaker	 lastorg;	/* last one that is not */
	size_t			 floor;		/* after the sentence's last cue */
	struct qt_speaker	 carry;		/* who spoke last in a paragraph */
	size_t			 carrypara;	/* which paragraph, or EX_NONE */
#define QT_HIST	16
	struct qt_speaker	 hist[QT_HIST];	/* recent people who spoke */
	size_t			 nhist;
};

/*
 * The per-token maps hold 32 bits (a text has fewer than 2^32 tokens:
 * EX_MAX_TEXT), read as sizes with EX_NONE for none.
 */
#define QT_NONE	UINT32_MAX

/* The piece token k is a mark of, or EX_NONE. */
static inline size_t
quote_inq(const struct qt *q, size_t k)
{
	return q->inq[k] == QT_NONE ? EX_NONE : q->inq[k];
}

/* The first quote mark at or after token k, or EX_NONE. */
static inline size_t
quote_next_mark(const struct qt *q, size_t k)
{
	return q->nextmark[k] == QT_NONE ? EX_NONE : q->nextmark[k];
}

/* extract-quote-cue.c: speech cues and the word lists of attribution */
#define QUOTE_CUE_MAX_WORDS	200	/* a longer list is never filtered */
struct quote_cue_shape {
	int			 built;
	uint32_t		 lens[26];	/* by first letter */
	unsigned char		 from[27];	/* sorted[from[c]..from[c+1]] */
	const char		*sorted[QUOTE_CUE_MAX_WORDS];	/* by letter */
};
struct quote_cue_words {
	const char *const	*w;
	size_t			 n;
	struct quote_cue_shape	*shape;		/* which words may match */
};
#define QUOTE_CUE_WORDS(a)	{ (a), sizeof (a) / sizeof (a)[0], &a##_shape }
extern const struct quote_cue_words quote_cue_stop, quote_cue_aux,
    quote_cue_not_before, quote_cue_nounish, quote_cue_weak,
    quote_cue_not_after, quote_cue_object, quote_cue_hearer,
    quote_cue_adverbial, quote_cue_aside, quote_cue_when, quote_cue_np_det,
    quote_cue_subord, quote_cue_pperson, quote_cue_pother, quote_cue_pself;
/* Build a list's shape, or all of the cue stage's, before threads run. */
void	 quote_cue_words_init(const struct quote_cue_words *);
void	 quote_cue_init(void);
void	 quote_attrib_init(void);
void	 quote_clause_init(void);
void	 quote_source_init(void);
int	 quote_cue_in(const struct extract *, size_t,
	     const struct quote_cue_words *);
int	 quote_cue_punct(const struct extract *, size_t, char);
int	 quote_cue_end(const struct extract *, size_t);
int	 quote_cue_suffix(const struct extract *, size_t, const char *);
const char *quote_cue_lemma(const struct extract *, size_t);
const char *quote_cue_title(const struct extract *, size_t);
size_t	 quote_cue_at(const struct qt *, size_t, int strict);
/* "by saying", "for saying": a preposition at i before an -ing cue? */
int	 quote_cue_gerund_prep(const struct extract *, size_t);
/* "is saying", "he's claiming": the token of "be" before cue i, or EX_NONE */
size_t	 quote_cue_progressive(const struct extract *, size_t);
/* '"Q?" a narrator asks.': a nounish cue closing the clause at j? */
size_t	 quote_cue_closing(const struct qt *, size_t, size_t);
int	 quote_cue_medium(const struct qt *, size_t, size_t);

/*
 * The source's noun phrase (extract-quote-source.c) before a cue at token
 * cue, after token i, or as the subject of a clause: 1 and *sp set if
 * found, within the bounds given.
 */
int	 quote_source_before(const struct qt *, size_t, size_t,
	     struct qt_speaker *);
int	 quote_source_after(const struct qt *, size_t, size_t,
	     struct qt_speaker *);
int	 quote_source_subject(const struct qt *, size_t, size_t,
	     struct qt_speaker *);
/* The noun phrase ending right before token end, not before lo. */
int	 quote_source_left(const struct qt *, size_t, size_t,
	     struct qt_speaker *);
/* "X, who joked of Y, \"Q\"": X before ", who" and the cue; 1 if so. */
int	 quote_source_who(const struct qt *, size_t, size_t,
	     struct qt_speaker *);
/* "\"Q,\" X said, adding, \"R\"": X, the speaker of the cue before. */
int	 quote_source_participle(const struct qt *, size_t,
	     struct qt_speaker *);
/* May a preposition at token i join a noun phrase: Secretary of State? */
int	 quote_source_prep(const struct extract *, size_t);
/* "As X put it, \"Q\"": X speaks piece pc's words; 1 and pd set if so. */
int	 quote_source_put_it(const struct qt *, const struct qt_piece *,
	     struct qt_pending *);
/* May noun phrase sp speak: a name, a pronoun, a source noun? */
int	 quote_source_can_speak(const struct qt *, const struct qt_speaker *);
/* "X condemned what it called Q": the subject X that "it" (sp) stands for. */
int	 quote_source_what_it(const struct qt *, const struct qt_speaker *,
	     struct qt_speaker *);
/* "the Civic Dawn leader": the one person titled so, or EX_NONE. */
size_t	 quote_source_titled(const struct qt *, size_t, size_t, size_t);
/* "a report from X": X is the outlet that published; sets sp->outlet. */
void	 quote_source_outlet(const struct qt *, struct qt_speaker *, size_t);

/* Indirect speech in paragraph p (extract-quote-attrib.c). */
void	 quote_attrib_indirect(struct qt *, size_t);

/* extract-quote-clause.c: where the clause a cue reports starts, ends */
#define QT_LONG		8	/* words: a quote this long is speech */
#define QT_IND_MAX	200	/* tokens of an indirect quote at most */
/* Finite verbs that show a clause has a subject before them: is, would. */
extern const struct quote_cue_words quote_clause_finite;
/* The clause's first token after the cue's, from i; end if none. */
size_t	 quote_clause_start(const struct qt *, size_t, size_t, const char *);
/* Does the cue end its clause ("Q, X said Friday.")? Its end or EX_NONE. */
size_t	 quote_clause_tail(const struct qt *, size_t, size_t);
/* "a day after X", "hours later": a phrase of time at i, the writer's? */
int	 quote_clause_time_aside(const struct qt *, size_t, size_t);
/* ", putting his name on the line": a participle clause at i? */
int	 quote_clause_participle(const struct extract *, size_t, size_t);
/* "added the additional week": after a cue at t, a thing, no clause at c? */
int	 quote_clause_object_only(const struct qt *, size_t, size_t, size_t,
	     const char *);
/* Where the reported clause from i ends: end, or where the writer's is. */
size_t	 quote_clause_cut(const struct qt *, size_t, size_t);

/* extract-quote-span.c */
size_t	 quote_span_dateline(const struct extract *, size_t, size_t);
size_t	 quote_span_trim(const struct extract *, size_t, size_t);
size_t	 quote_span_paren(const struct extract *, size_t, size_t);
/* Is piece pc a fragment a writer's sentence frames, no cue at at in it? */
int	 quote_span_framed(const struct extract *, const struct qt_piece *,
	     size_t);
/* Does piece pc, with no cue and no speaker, sit inside a sentence? */
int	 quote_span_inside(const struct extract *, const struct qt_piece *);
/* The end of a piece's words, exclusive, for a quote of that kind. */
size_t	 quote_span_piece_end(const struct extract *,
	     const struct qt_piece *, enum ex_quote_kind);
/* R "Q," X said: the first token of R if the sentence is all X's. */
size_t	 quote_span_lead(const struct qt *, const struct qt_piece *, size_t);
/* Are the words one parenthesis, a transcript's "(CROSSTALK)"? */
int	 quote_span_aside(const struct extract *, size_t, size_t);
/* Do tokens [first, last) look like a title: "An American Son"? */
int	 quote_span_title(const struct extract *, size_t, size_t);
/* Does a piece open with a transcript's label: "PENCE: Well, ..."? */
int	 quote_span_label(const struct extract *, const struct qt_piece *);
/* Are the marks at two tokens the same character: a quote going on? */
int	 quote_span_same_mark(const struct extract *, size_t, size_t);

/* extract-quote-speaker.c */
void	 quote_speaker_resolve(struct qt *, struct qt_speaker *, size_t);
/* A quote with no cue after "X did Y.": X, a person named; 1 if so. */
int	 quote_speaker_subject(const struct qt *, size_t, struct qt_speaker *);
/* The medium sp that carried quote pd's words; copy it to the quote. */
void	 quote_speaker_medium(const struct qt *, struct qt_pending *,
	     const struct qt_speaker *);
/* "according to X": does X carry words (an outlet), not tell them? */
int	 quote_speaker_carrier(const struct qt *, const struct qt_speaker *);
/* Is sp, the subject of a cue (or EX_NONE), a news outlet that reports? */
int	 quote_speaker_outlet(const struct qt *, const struct qt_speaker *,
	     size_t);
void	 quote_speaker_medium_out(const struct qt *, const struct qt_pending *,
	     struct ex_quote *);

/* extract-quote-refer.c: what a role noun or "the company" refers to */
/* The first token that ends after byte offset off (inline: it is hot). */
static inline size_t
quote_refer_tok(const struct extract *x, size_t off)
{
	size_t	lo = 0, hi = x->ntoks, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (x->toks[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
size_t	 quote_refer_first_at(const struct qt *, size_t);
/* "the minister" at token role: *to, first EX_NONE if nobody fits */
void	 quote_refer_role(const struct qt *, size_t, const char *,
	     struct qt_speaker *);
/* "the company", "the ministry" at token noun: 1 and *sp if a body fits */
int	 quote_refer_org(const struct qt *, size_t, struct qt_speaker *);

/* extract-quote.c */
struct qt_pending *quote_pending_add(struct qt *);
/* Is quote mark k a title's, not words spoken? */
int	 quote_piece_title(const struct qt *, size_t);
size_t	 quote_sentence(const struct extract *, size_t);

#endif
