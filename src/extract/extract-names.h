/*
 * Shared by the entity stage's modules: recognition of candidates
 * (extract-entity.c), names and the document's name memory
 * (extract-names.c, its hash map in extract-namemap.c) and word classes
 * (extract-words.c). Internal to the extract layer.
 */
#ifndef DOSSIER_EXTRACT_NAMES_H
#define DOSSIER_EXTRACT_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "extract.h"
#include "lexicon.h"

#define NAMES_AMBIGUOUS	((size_t)-2)

/* A hash map from 64-bit keys (never 0) to sizes. */
struct names_map {
	struct names_slot {
		uint64_t	key;
		size_t		val;
	}		*slots;
	size_t		 size;		/* a power of two */
	size_t		 n;
};

/* Word classes (static tables) a token may belong to. */
enum names_class {
	NAMES_STOP,		/* capitalised but never a name: The, Monday */
	NAMES_ORG_END,		/* last word of an organisation: University */
	NAMES_PLACE_END,	/* last word of a place: River, Street */
	NAMES_PLACE_START,	/* first word of a place: Mount, Lake */
	NAMES_OF_HEAD,		/* takes "of" inside a name: Bank of ... */
	NAMES_PARTICLE,		/* lower-case name particles: de, van, bin */
	NAMES_NOT_ORG,		/* capitals that are not organisations: TV */
	NAMES_PLACE_CUE,	/* words before a place: in, near, from */
	NAMES_MISC_CUE,		/* nouns after a weapon name: drone, missile */
	NAMES_MISC_END,		/* last word of events, laws, works: Act, War */
	NAMES_PERSON_CUE,	/* words after a person: who, himself */
	NAMES_BODY,		/* bodies named by their kind: the Senate */
	NAMES_AUX,		/* words between a name and its verb: also */
	NAMES_PERSON_NOUN,	/* nouns after a person's 's: wife, career */
	NAMES_ORG_START,	/* first words of bodies: Universidad, Institut */
	NAMES_LANG_NOUN,	/* nouns after a language: speakers, dialect */
	NAMES_ORG_NOUN,		/* nouns after a body's 's: board, shares */
	NAMES_SOFT_STOP,	/* stop words inside names: Good Hope */
	NAMES_PLACE_OF,		/* nouns before "of" and a place: village */
	NAMES_MOTION,		/* verbs before "to" and a place: moved */
	NAMES_PLACES,		/* plurals before a list of places: cities */
	NAMES_NCLASSES
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
	int		 media;
	int		 weak;		/* starts a sentence or headline */
	int		 alone;		/* its kind holds here only: NJ */
	int		 by_cue;	/* one word decided by the words around */
	size_t		 entity;
};

/* The entity stage's view of one text. */
struct ent_state_s {
	struct extract	*x;
	unsigned char	*weak;		/* per token: capital proves nothing */
	unsigned char	*shout;		/* per token: in an all-capitals line */
	uint64_t	*th;		/* per token: its word's hash, or 0 */
	const struct names_info **ti;	/* per token: what it is, or NULL */
	struct names_map words;		/* word -> capitalised count << 1 |
					   seen in lower case */
	struct names_map kinds;		/* sure names -> kind + 1 */
	struct names_map surnames;	/* person's last word -> entity */
	struct names_map firsts;	/* person's first word -> entity */
	struct names_map votes;		/* word -> cues' votes per kind */
	struct names_map owners;	/* word -> times seen as an owner */
	struct names_map singles;	/* words that are candidates alone */
	struct names_map tongues;	/* words used as a language's name */
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

/* Recognition's helpers (extract-entity.c). */
const char *ent_tok(const struct extract *, size_t, size_t *);
int	 ent_is(struct ent_state_s *, size_t, enum names_class);
int	 ent_capword(const struct extract *, size_t);
int	 ent_stop(struct ent_state_s *, size_t);
int	 ent_seen_lower(struct ent_state_s *, size_t);
size_t	 ent_cap_count(struct ent_state_s *, size_t);
uint64_t ent_hash(struct ent_state_s *, size_t);
const struct names_info *ent_info(struct ent_state_s *, size_t);
int	 ent_proper_anyway(struct ent_state_s *, size_t, size_t);
size_t	 ent_lex_prefix(struct ent_state_s *, size_t, size_t, int *,
	     const char **, int *);
const char *ent_title_class(struct ent_state_s *, size_t);
struct ent_cand *ent_cand_add(struct ent_state_s *, size_t, size_t);

/* Is [a, b) a role that names its holder ("the Secretary")? Adds it. */
int	 names_addressed(struct ent_state_s *, size_t, size_t);
/* Is [a, b) "the Nation", the speaker's country? Adds it. */
int	 names_homeland(struct ent_state_s *, size_t, size_t);
/* Is [a, b) "the West", a region named by the compass? Adds it. */
int	 names_compass(struct ent_state_s *, size_t, size_t);
/* Is [a, b) a US state's code after a town, "Paramus, NJ"? Adds it. */
int	 names_state_code(struct ent_state_s *, size_t, size_t);

/* Decide the open candidates; make entities and mentions. */
void	 names_resolve(struct ent_state_s *);
void	 names_emit(struct ent_state_s *);

/* What a word is known as: its classes, the phrases it starts
   (extract-words.c). */
struct names_info {
	unsigned	classes;		/* 1 << enum names_class */
	unsigned char	words[LEX_NTABLES];	/* most words of a phrase
						   starting with it */
};

const struct names_info *names_info(uint64_t);
int	 names_class_has(enum names_class, const char *, size_t);
int	 names_initial(const struct extract *, size_t);
int	 names_hyphen_adjective(const struct extract *, size_t);
int	 names_demonym_shape(const struct extract *, size_t);
int	 names_plural_demonym(const struct extract *, size_t);

/* Names: hashes without case, text with single spaces, the hash map. */
uint64_t names_hash(const char *, size_t);
uint64_t names_hash_tokens(struct ent_state_s *, size_t, size_t);
void	 names_text(const struct extract *, size_t, size_t, struct buf *);

void	 names_map_put(struct names_map *, uint64_t, size_t);
size_t	*names_map_get(const struct names_map *, uint64_t);
void	 names_map_free(struct names_map *);

#endif
