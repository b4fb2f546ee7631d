/*
 * Shared by the entity stage's two modules: word classes and the
 * document's name memory (extract-names.c), used by recognition
 * (extract-entity.c). Internal to the extract layer.
 */
#ifndef DOSSIER_EXTRACT_NAMES_H
#define DOSSIER_EXTRACT_NAMES_H

#include <stddef.h>
#include <stdint.h>

struct extract;
struct buf;

#define NAMES_AMBIGUOUS	((size_t)-2)

/* A hash map from 64-bit keys (never 0) to sizes. */
struct names_map {
	uint64_t	*keys;
	size_t		*vals;
	size_t		 size;
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
	NAMES_NCLASSES
};

int	 names_class_has(enum names_class, const char *, size_t);

uint64_t names_hash(const char *, size_t);
uint64_t names_hash_tokens(const struct extract *, size_t, size_t);
void	 names_text(const struct extract *, size_t, size_t, struct buf *);

void	 names_map_put(struct names_map *, uint64_t, size_t);
size_t	*names_map_get(const struct names_map *, uint64_t);
void	 names_map_free(struct names_map *);

#endif
