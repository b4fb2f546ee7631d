/*
 * The entity stage's private interface, shared by its files and by
 * nothing outside src/extract (other layers read struct ex_entity and
 * struct ex_mention from extract.h). The stage runs in this order:
 *   extract-entity.c          the stage; what a token is     ent_
 *   extract-entity-chunk.c    runs of capitals cut into
 *                             candidates and classified      ent_chunk_
 *   extract-entity-title.c    titles and roles of a name     ent_title_
 *   extract-entity-special.c  shapes known before the rules  ent_special_
 *   extract-entity-cite.c     authors cited by year          ent_cite_
 *   extract-entity-route.c    places by route and definition ent_route_
 *   extract-entity-context.c  the words around a candidate   ent_context_
 *   extract-entity-talk.c     names as people say them:
 *                             "Hi Kat!", "Bert and I"        ent_talk_
 *   extract-entity-document.c what the text says of a name:
 *                             demonyms, datelines, spellings,
 *                             a state that acts              ent_doc_
 *   extract-entity-resolve.c  open candidates decided, the
 *                             entities and mentions made     ent_resolve_
 * with the word classes in extract-entity-words.c (ent_word_) and the
 * document's name memory, a hash map, in extract-entity-namemap.c
 * (ent_map_).
 */
#ifndef DOSSIER_EXTRACT_ENTITY_H
#define DOSSIER_EXTRACT_ENTITY_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "extract.h"
#include "extract-lexicon-int.h"

#define ENT_AMBIGUOUS	((size_t)-2)

#define ENT_MAX_WORDS	8	/* words in a candidate */
#define ENT_MAX_TITLE	8	/* words in a title before a name */
#define ENT_MAX_LEX	6	/* words in a lexicon phrase */

/* A hash map from 64-bit keys (never 0) to sizes. */
struct ent_map {
	struct ent_slot {
		uint64_t	key;
		size_t		val;
	}		*slots;
	size_t		 size;		/* a power of two */
	size_t		 n;
};

/*
 * A word of the text without case: its tokens point to it (one record a
 * word, not a hash and an answer a token), so what a word is known as is
 * looked up once a word, and the stage holds 4 bytes a token for both.
 */
struct ent_wrec {
	uint64_t		 hash;	/* ent_map_hash, never 0 */
	size_t			 count;	/* capitalised count << 1 | seen in
					   lower case; ENT_NOT_SEEN if no
					   word token of the text counted */
	const struct ent_word	*info;	/* what it is known as, or NULL
					   not yet asked */
	unsigned		 demonym; /* ENT_DEM_*: what
					   ent_doc_demonyms asked of it */
};
#define ENT_DEM_IS_ASKED	0x1	/* is it a demonym: asked, */
#define ENT_DEM_IS		0x2	/* and yes */
#define ENT_DEM_HAS_ASKED	0x4	/* does it have one: asked, */
#define ENT_DEM_HAS		0x8	/* and yes */
#define ENT_NOT_SEEN	((size_t)-1)

/* Word classes (static tables) a token may belong to. */
enum ent_class {
	WORD_STOP,		/* capitalised but never a name: The, Monday */
	WORD_ORG_END,		/* last word of an organisation: University */
	WORD_PLACE_END,		/* last word of a place: River, Street */
	WORD_PLACE_START,	/* first word of a place: Mount, Lake */
	WORD_OF_HEAD,		/* takes "of" inside a name: Bank of ... */
	WORD_PARTICLE,		/* lower-case name particles: de, van, bin */
	WORD_NOT_ORG,		/* capitals that are not organisations: TV */
	WORD_PLACE_CUE,		/* words before a place: in, near, from */
	WORD_MISC_CUE,		/* nouns after a weapon name: drone, missile */
	WORD_MISC_END,		/* last word of events, laws, works: Act, War */
	WORD_PERSON_CUE,	/* words after a person: who, himself */
	WORD_BODY,		/* bodies named by their kind: the Senate */
	WORD_AUX,		/* words between a name and its verb: also */
	WORD_PERSON_NOUN,	/* nouns after a person's 's: wife, career */
	WORD_ORG_START,		/* first words of bodies: Institut */
	WORD_LANG_NOUN,		/* nouns after a language: speakers, dialect */
	WORD_ORG_NOUN,		/* nouns after a body's 's: board, shares */
	WORD_SOFT_STOP,		/* stop words inside names: Good Hope */
	WORD_PLACE_OF,		/* nouns before "of" and a place: village */
	WORD_MOTION,		/* verbs before "to" and a place: moved */
	WORD_PLACES,		/* plurals before a list of places: cities */
	WORD_WORK,		/* kinds of work before a title: film */
	WORD_ANIMAL,		/* animals kept and named: dog, retriever */
	WORD_NCLASSES
};

/* How sure a candidate's kind is. */
enum ent_state {
	ENT_DROP,		/* not an entity */
	ENT_UNKNOWN,		/* capitalised, nothing else known */
	ENT_WEAK,		/* a hint: a given name alone, an acronym */
	ENT_SURE		/* lexicon, keyword, title or full name */
};

/* A run of tokens that may name something. */
struct ent_cand {
	size_t		 a, b;		/* name tokens, b exclusive */
	size_t		 ta, tb;	/* title as written, or EX_NONE */
	size_t		 ha;		/* title without affiliation */
	enum ex_kind	 kind;
	enum ent_state	 state;
	const char	*canon;		/* canonical name from a lexicon */
	const char	*affil;		/* affiliation from a lexicon */
	size_t		 affil_cand;	/* or from a candidate, or EX_NONE */
	size_t		 affil_tok;	/* or a demonym not in the lexicon */
	size_t		 ra, rb;	/* a rank after its role, "spokesperson
					   Col.", or EX_NONE */
	int		 media;
	int		 weak;		/* starts a sentence or headline */
	int		 alone;		/* its kind holds here only: NJ */
	int		 by_cue;	/* one word decided by its context */
	size_t		 entity;
};

/* The entity stage's view of one text. */
struct ent_stage {
	struct extract	*x;
	unsigned char	*weak;		/* per token: capital proves nothing */
	unsigned char	*shout;		/* per token: in an all-capitals line */
	uint32_t	*tw;		/* per token: its word's record + 1,
					   or 0 not yet known */
	struct ent_wrec	*wrecs;		/* the text's words */
	size_t		 nwrecs, capwrecs;
	uint64_t	*wslots;	/* word hash -> its record (what
					   ent_words_get reads): see
					   ent_wslot */
	size_t		 wsize;
	struct ent_map	 kinds;		/* sure names -> kind + 1 */
	struct ent_map	 surnames;	/* person's last word -> entity */
	struct ent_map	 firsts;	/* person's first word -> entity */
	struct ent_map	 stems;		/* person's last word without its
					   final y's, i's -> entity */
	struct ent_map	 cased;		/* names in mixed case -> their
					   candidate (ent_doc_cased) */
	struct ent_map	 peoples;	/* words after "the": the Maya */
	struct ent_map	 votes;		/* word -> cues' votes per kind */
	struct ent_map	 owners;	/* word -> times seen as an owner */
	struct ent_map	 singles;	/* words that are candidates alone */
	struct ent_map	 tongues;	/* words used as a language's name */
	struct ent_map	 teams;		/* towns that name a team here */
	int		 cites;		/* the text cites authors by year */
	struct ent_cand	*cands;
	size_t		 ncands;
	size_t		 capcands;
	struct buf	 b;		/* scratch */
	struct {
		size_t		 a, b;
		int		 kind;
		const char	*canon;
		int		 media;
	}		 lw;		/* last whole-run lexicon answer */
};

/* What a token is (extract-entity.c); the two asked most are inline. */

/* The bytes of token i. */
static inline const char *
ent_tok(const struct extract *x, size_t i, size_t *n)
{
	*n = x->toks[i].end - x->toks[i].start;
	return x->text + x->toks[i].start;
}

/* Is token i a capitalised word that can be part of a name? */
static inline int
ent_capword(const struct extract *x, size_t i)
{
	unsigned	f = x->toks[i].flags;

	return (f & TOK_WORD) && (f & TOK_CAP) && !(f & TOK_POSS);
}

/* The rest of what a token is. */
int	 ent_roman(const struct extract *, size_t);
int	 ent_given(struct ent_stage *, size_t);
int	 ent_stop(struct ent_stage *, size_t);
int	 ent_seen_lower(struct ent_stage *, size_t);
size_t	 ent_cap_count(struct ent_stage *, size_t);
uint64_t ent_hash_fill(struct ent_stage *, size_t);
const struct ent_word *ent_info_fill(struct ent_stage *, size_t);
size_t	 ent_wrec_add(struct ent_stage *, uint64_t, size_t);
size_t	*ent_words_get(struct ent_stage *, uint64_t);
int	 ent_proper_anyway(struct ent_stage *, size_t, size_t);
/* Lexicon phrases at a token: of at most max tokens; exactly [a, b)
   (the kind or -1); the longest within [a, b) (its length or 0). */
size_t	 ent_lex(struct ent_stage *, enum lex_table, size_t, size_t max,
	     const char **);
int	 ent_lex_whole(struct ent_stage *, size_t, size_t, const char **,
	     int *);
size_t	 ent_lex_prefix(struct ent_stage *, size_t, size_t, int *,
	     const char **, int *);
struct ent_cand *ent_cand_add(struct ent_stage *, size_t, size_t);

/* Chunking (extract-entity-chunk.c): find and classify candidates. */
void	 ent_chunk_scan(struct ent_stage *);
void	 ent_chunk_classify(struct ent_stage *, struct ent_cand *);
void	 ent_chunk_split(struct ent_stage *, size_t, size_t);
int	 ent_chunk_no_lower(struct ent_stage *, size_t, size_t);

/* A title as a candidate holds it (see struct ent_cand). */
struct ent_title {
	size_t		 ta, tb;	/* as written, or EX_NONE */
	size_t		 ha;		/* without affiliation */
	const char	*affil;		/* from a lexicon */
	size_t		 affil_cand;	/* from a candidate, or EX_NONE */
	size_t		 affil_tok;	/* a demonym not in the lexicon */
	size_t		 ra, rb;	/* a rank after its role, or EX_NONE */
};

/*
 * Titles (extract-entity-title.c): a token's title class ("head",
 * "modifier", "honorific" or NULL); the title before token a (its first
 * token, or EX_NONE); a titled run made a person (1) or not (0); a title
 * in apposition after a candidate.
 */
const char *ent_title_class(struct ent_stage *, size_t);
size_t	 ent_title_before(struct ent_stage *, size_t, struct ent_title *);
void	 ent_title_set(struct ent_cand *, const struct ent_title *);
int	 ent_title_run(struct ent_stage *, size_t, size_t);
void	 ent_title_apposition(struct ent_stage *, struct ent_cand *);

/*
 * Authors cited by year (extract-entity-cite.c): note whether the text
 * cites so; is the candidate such an author ("Harlow (1998)")?
 */
void	 ent_cite_scan(struct ent_stage *);
int	 ent_cite_author(struct ent_stage *, const struct ent_cand *);

/* Is the candidate a place by a route or a definition around it:
   "from Drumshanbo to Collooney", "Dromahair is a village"
   (extract-entity-route.c)? */
int	 ent_route_place(struct ent_stage *, struct ent_cand *);
/* Remember a place named with its kind of land by its name alone:
   "Kelvara Island", then "Kelvara". */
void	 ent_route_place_base(struct ent_stage *, struct ent_cand *);

/* Special shapes (extract-entity-special.c). */
/* Is [a, b) a role that names its holder ("the Secretary")? Adds it. */
int	 ent_special_addressed(struct ent_stage *, size_t, size_t);
/* Is [a, b) "the Nation", the speaker's country? Adds it. */
int	 ent_special_homeland(struct ent_stage *, size_t, size_t);
/* Is [a, b) "the West", a region named by the compass? Adds it. */
int	 ent_special_compass(struct ent_stage *, size_t, size_t);
/* Is [a, b) a US state's code after a town, "Paramus, NJ"? Adds it. */
int	 ent_special_state_code(struct ent_stage *, size_t, size_t);
/* Is [a, b) a storm by its name, "Hurricane Katrina"? Adds it. */
int	 ent_special_storm(struct ent_stage *, size_t, size_t);
/* Is [a, b) a creed before "party", "the Republican party"? Adds it. */
int	 ent_special_party(struct ent_stage *, size_t, size_t);
/* Is [a, b) "God" by the name, not in a cry ("oh my God")? Adds it. */
int	 ent_special_deity(struct ent_stage *, size_t, size_t);
/* Is [a, b) a form of address, "Your Honor", "my Lord"? Adds it. */
int	 ent_special_address(struct ent_stage *, size_t, size_t);
/* Is the candidate a party to a case: "Lynch v. Overholser"? */
int	 ent_special_case_party(struct ent_stage *, const struct ent_cand *);
/* Is [a, b) a team by its town, "the Houston Astros"? Adds it. */
int	 ent_special_team(struct ent_stage *, size_t, size_t);
/* Is [a, b) a party's role, "Petitioner", or "the Devil"? Adds it. */
int	 ent_special_party_role(struct ent_stage *, size_t, size_t);
/* Make the towns that stand for their teams organisations: "for
   Houston". */
void	 ent_special_team_towns(struct ent_stage *);

/*
 * The words around a candidate (extract-entity-context.c): the kind its
 * cues say (or -1), its votes, its list; whether it is a plain name.
 */
int	 ent_context_no_lower(struct ent_stage *, struct ent_cand *);
int	 ent_context_plain(struct ent_stage *, struct ent_cand *);
int	 ent_context_abstract(struct ent_stage *, struct ent_cand *, int);
int	 ent_context_coordinated(struct ent_stage *, size_t);
int	 ent_context_owner(struct ent_stage *, struct ent_cand *);
int	 ent_context_body(struct ent_stage *, struct ent_cand *);
int	 ent_context_cue(struct ent_stage *, size_t);
int	 ent_context_shop(struct ent_stage *, const struct ent_cand *);
int	 ent_context_town(struct ent_stage *, size_t);
void	 ent_context_vote(struct ent_stage *, uint64_t, int);
void	 ent_context_vote_owner(struct ent_stage *, uint64_t);
int	 ent_context_voted(struct ent_stage *, uint64_t);
size_t	 ent_context_votes_for(struct ent_stage *, uint64_t, int);

/*
 * Names as people say them (extract-entity-talk.c): is token k one of
 * n words; is the candidate a person by how it is said or signed?
 */
int	 ent_talk_tok_in(const struct extract *, size_t, const char *const *,
	     size_t);
int	 ent_talk(struct ent_stage *, struct ent_cand *);

/*
 * What the document says of a name (extract-entity-document.c): its
 * demonyms make it a place; the mixed-case twin of a name in capitals
 * (a candidate, or EX_NONE, once the twins are indexed); the one person named in full whose surname
 * [w, w + n) spells another way, with the given name g if not NULL (an
 * entity, or EX_NONE); does a place act here, as a state?
 */
void	 ent_doc_demonyms(struct ent_stage *);
void	 ent_doc_cased_index(struct ent_stage *);
size_t	 ent_doc_cased(struct ent_stage *, const struct ent_cand *);
size_t	 ent_doc_spelling(struct ent_stage *, const char *, size_t,
	     const char *, size_t);
int	 ent_doc_acts(struct ent_stage *, const struct ent_cand *);
/* A town's name alone is the school the text names by it: Harrow. */
void	 ent_doc_schools(struct ent_stage *);
/* Drop the names inside a work's title: "the drama Marlow Abbey". */
void	 ent_doc_works(struct ent_stage *);
/* Drop the names of pets: "Sonia, our golden retriever". */
void	 ent_doc_pets(struct ent_stage *);
/* Register the short forms of a person's given name: Barb, Barbara. */
void	 ent_doc_short_forms(struct ent_stage *, const struct ent_cand *);
/* Is token i a demonym of a name the text writes: Marovian, Dalmarran? */
int	 ent_doc_demonym_tok(struct ent_stage *, size_t);
/* The place (as written) whose demonym token i is, into a buf; 0 if none. */
int	 ent_doc_demonym_place(struct ent_stage *, size_t, struct buf *);

/* Decide the open candidates; make entities and mentions
   (extract-entity-resolve.c). */
void	 ent_resolve(struct ent_stage *);
void	 ent_resolve_emit(struct ent_stage *);

/* What a word is known as: its classes, the phrases it starts
   (extract-entity-words.c). */
struct ent_word {
	unsigned	classes;		/* 1 << enum ent_class */
	unsigned char	words[LEX_NTABLES];	/* most words of a phrase
						   starting with it */
};

const struct ent_word *ent_word_info(uint64_t);
/* Build what ent_word_find would build on first use (extract_init). */
void		 ent_word_init(void);

/*
 * What a word is known as by number (ent_word_find: 0 for nothing), so
 * that a token keeps 4 bytes for it, not a pointer's 8.
 */
extern struct ent_word		*ent_words_infos;
extern const struct ent_word	 ent_words_none;
uint32_t ent_word_find(uint64_t);

static inline const struct ent_word *
ent_word_at(uint32_t k)
{
	return k != 0 ? &ent_words_infos[k - 1] : &ent_words_none;
}

/*
 * The hash of token i's word without case (never 0), and what the word
 * is known as, each computed once a word (ent_hash_fill, ent_info_fill)
 * and then read here without a call: the stage asks them of every token,
 * many times.
 */
static inline uint64_t
ent_hash(struct ent_stage *st, size_t i)
{
	return st->tw[i] != 0 ? st->wrecs[st->tw[i] - 1].hash :
	    ent_hash_fill(st, i);
}

static inline const struct ent_word *
ent_info(struct ent_stage *st, size_t i)
{
	const struct ent_word	*w;

	if (st->tw[i] != 0 && (w = st->wrecs[st->tw[i] - 1].info) != NULL)
		return w;
	return ent_info_fill(st, i);
}

/* Is token i in a word class? */
static inline int
ent_is(struct ent_stage *st, size_t i, enum ent_class c)
{
	return (ent_info(st, i)->classes >> c) & 1;
}

int	 ent_word_initial(const struct extract *, size_t);
int	 ent_word_hyphen_adjective(const struct extract *, size_t);
int	 ent_word_demonym_shape(const struct extract *, size_t);
int	 ent_word_plural_demonym(const struct extract *, size_t);
int	 ent_word_place_suffix(const struct extract *, size_t);

/* Names: hashes without case, text with single spaces, the hash map. */
uint64_t ent_map_hash(const char *, size_t);
uint64_t ent_map_hash_span(struct ent_stage *, size_t, size_t);
void	 ent_map_text(const struct extract *, size_t, size_t, struct buf *);

void	 ent_map_put(struct ent_map *, uint64_t, size_t);
size_t	*ent_map_get(const struct ent_map *, uint64_t);
void	 ent_map_free(struct ent_map *);
/* Are two different spellings one name (Zelensky, Zelenskyy)? Loose
   also takes one letter apart in long names. */
int	 ent_map_variant(const char *, size_t, const char *, size_t, int);
/* A name's length without its final y's and i's. */
size_t	 ent_map_stem(const char *, size_t);

#endif
