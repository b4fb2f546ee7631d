/*
 * Lexicons for extraction, private to src/extract: word lists kept as
 * text files in src/extract/lexicon/ and compiled into the program (the
 * generated src/extract/lexicon-data.c), looked up by exact phrase,
 * case-insensitively, in a hash table built on first use. The entity and
 * quote stages both read them.
 */
#ifndef DOSSIER_EXTRACT_LEXICON_H
#define DOSSIER_EXTRACT_LEXICON_H

#include <stddef.h>

struct extract;

struct lex_entry {
	const char	*key;	/* a word or phrase, words split by one space */
	const char	*value;	/* canonical form or class, or NULL */
};

enum lex_table {
	LEX_COUNTRIES,		/* country names -> canonical name */
	LEX_DEMONYMS,		/* Russian -> Russia */
	LEX_PLACES,		/* capitals, cities, regions -> canonical */
	LEX_TITLES,		/* offices and roles: minister, spokesperson */
	LEX_SPEECH_VERBS,	/* said, told, added -> lemma */
	LEX_MEDIA,		/* news organisations and agencies */
	LEX_ORGS,		/* other organisations: NATO, White House */
	LEX_GIVEN_NAMES,	/* first names of people */
	LEX_SOURCE_NOUNS,	/* heads of sources: minister, officials */
	LEX_ABBREVIATIONS,	/* mr -> title, sept -> abbrev */
	LEX_STATE_NOUNS,	/* what places own: ministry, airspace */
	LEX_NTABLES
};

/*
 * Look up a phrase (words separated by single spaces). Returns the entry's
 * value, or its key when it has none; NULL if absent.
 */
const char *lex_find(enum lex_table, const char *, size_t);
/* Build the indexes lex_find would build on first use (extract_init). */
void	 lex_init(void);

/* The entries of a table and their number. */
const struct lex_entry *lex_table(enum lex_table, size_t *n);

/*
 * The longest phrase of table starting at token tok, of at most max tokens;
 * returns the number of tokens matched (0 if none) and sets *value.
 */
size_t	 lex_match(const struct extract *, enum lex_table, size_t tok,
	     size_t max, const char **value);

/* Generated tables. */
extern const struct lex_entry lex_countries[], lex_demonyms[], lex_places[],
    lex_titles[], lex_speech_verbs[], lex_media[], lex_orgs[],
    lex_given_names[], lex_abbreviations[], lex_source_nouns[],
    lex_state_nouns[];
extern const size_t lex_countries_n, lex_demonyms_n, lex_places_n,
    lex_titles_n, lex_speech_verbs_n, lex_media_n, lex_orgs_n,
    lex_given_names_n, lex_abbreviations_n, lex_source_nouns_n,
    lex_state_nouns_n;

#endif
