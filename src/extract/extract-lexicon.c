/*
 * Lexicon lookups (lex_*), shared by the entity and quote stages: hash
 * tables over the compiled word lists of extract-lexicon-int.h.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "extract-lexicon-int.h"
#include "xmalloc.h"
#include "banned.h"

#define LEX_MAX_PHRASE	256	/* bytes: longer never matches */

struct lex_index {
	const struct lex_entry	*entries;
	size_t			 n;
	uint32_t		*slots;	/* entry index + 1; 0 is empty */
	uint32_t		*check;	/* per slot: key length and hash bits */
	size_t			 size;
	uint32_t		 shape[256];	/* by first byte: lengths */
};

/* The bit of a key length in a shape; 31 stands for all longer ones. */
#define LEX_LEN_BIT(n)	(1U << ((n) < 31 ? (n) : 31))

/* What a slot must match before its key is compared: length, hash. */
#define LEX_CHECK(len, h)	((uint32_t)(len) << 20 | (uint32_t)((h) >> 44))

static struct lex_index	lex_indexes[LEX_NTABLES];

static uint64_t
lex_hash(const char *s, size_t n)
{
	uint64_t	h = 1469598103934665603ULL;
	size_t		i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)tolower((unsigned char)s[i])) *
		    1099511628211ULL;
	return h;
}

/* Every generated table, in enum lex_table order. */
static const struct {
	const struct lex_entry	*e;
	const size_t		*n;
} lex_tables[LEX_NTABLES] = {
	{ lex_countries, &lex_countries_n },
	{ lex_demonyms, &lex_demonyms_n },
	{ lex_places, &lex_places_n },
	{ lex_titles, &lex_titles_n },
	{ lex_speech_verbs, &lex_speech_verbs_n },
	{ lex_media, &lex_media_n },
	{ lex_orgs, &lex_orgs_n },
	{ lex_given_names, &lex_given_names_n },
	{ lex_source_nouns, &lex_source_nouns_n },
	{ lex_abbreviations, &lex_abbreviations_n },
	{ lex_state_nouns, &lex_state_nouns_n },
};

const struct lex_entry *
lex_table(enum lex_table t, size_t *n)
{
	*n = *lex_tables[t].n;
	return lex_tables[t].e;
}

static void
lex_build(enum lex_table t)
{
	struct lex_index	*ix = &lex_indexes[t];
	size_t			 i, k;

	ix->entries = lex_table(t, &ix->n);
	for (ix->size = 16; ix->size < ix->n * 2; ix->size *= 2)
		;
	ix->slots = xcalloc(ix->size, sizeof *ix->slots);
	ix->check = xcalloc(ix->size, sizeof *ix->check);
	for (i = 0; i < ix->n; i++) {
		const char	*key = ix->entries[i].key;
		size_t		 len = strlen(key);
		uint64_t	 h = lex_hash(key, len);

		k = (size_t)h & (ix->size - 1);
		while (ix->slots[k] != 0)
			k = (k + 1) & (ix->size - 1);
		ix->slots[k] = (uint32_t)i + 1;
		ix->check[k] = LEX_CHECK(len, h);
		ix->shape[(unsigned char)tolower((unsigned char)key[0])] |=
		    LEX_LEN_BIT(len);
	}
}

/* Build every table's index now (extract_init). */
void
lex_init(void)
{
	size_t	t;

	for (t = 0; t < LEX_NTABLES; t++)
		if (lex_indexes[t].slots == NULL)
			lex_build((enum lex_table)t);
}

const char *
lex_find(enum lex_table t, const char *s, size_t n)
{
	struct lex_index	*ix = &lex_indexes[t];
	const struct lex_entry	*e;
	uint64_t		 h;
	size_t			 k;

	if (ix->slots == NULL)
		lex_build(t);
	if (n == 0 || n > LEX_MAX_PHRASE)
		return NULL;
	/* no key has this first letter and length: no need to hash */
	if (!(ix->shape[(unsigned char)tolower((unsigned char)s[0])] &
	    LEX_LEN_BIT(n)))
		return NULL;
	h = lex_hash(s, n);
	for (k = (size_t)h & (ix->size - 1); ix->slots[k] != 0;
	    k = (k + 1) & (ix->size - 1)) {
		if (ix->check[k] != LEX_CHECK(n, h))
			continue;	/* another length or hash: no compare */
		e = &ix->entries[ix->slots[k] - 1];
		if (strncasecmp(e->key, s, n) == 0)
			return e->value != NULL ? e->value : e->key;
	}
	return NULL;
}

size_t
lex_match(const struct extract *x, enum lex_table t, size_t tok, size_t max,
    const char **value)
{
	char		 phrase[LEX_MAX_PHRASE];
	size_t		 i, n = 0, best = 0, len;
	const char	*v;

	*value = NULL;
	for (i = tok; i < x->ntoks && i - tok < max; i++) {
		const struct ex_token *k = &x->toks[i];

		if (i > tok && (k->flags & TOK_PARA))
			break;
		len = k->end - k->start;
		if (n + len + 1 > sizeof phrase)
			break;
		if (i > tok)
			phrase[n++] = ' ';
		memcpy(phrase + n, x->text + k->start, len);
		n += len;
		if ((v = lex_find(t, phrase, n)) != NULL) {
			best = i - tok + 1;
			*value = v;
		}
	}
	return best;
}
