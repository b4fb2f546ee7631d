/*
 * Unit tests: the machinery under extraction's rules, each checked
 * against the plain form it stands for: tokens of 32-bit offsets, a token
 * told from a word (extract_tok_is), the names' hash without case
 * (ent_map_hash).
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmocka.h>

#include "extract.h"
#include "extract-entity-int.h"

/* A token is 12 bytes and holds the offsets of a long text. */
static void
test_token_size(void **state)
{
	struct extract	x;
	char		*text;
	size_t		 len = 300000, i;

	(void)state;
	assert_int_equal(sizeof(struct ex_token), 12);
	text = malloc(len + 1);
	assert_non_null(text);
	for (i = 0; i < len; i++)
		text[i] = i % 7 == 6 ? ' ' : 'a' + (char)(i % 7);
	text[len - 1] = '.';
	text[len] = '\0';
	extract_run(&x, text, len);
	assert_true(x.ntoks > len / 8);
	assert_int_equal(x.toks[x.ntoks - 1].end, len);
	for (i = 1; i < x.ntoks; i++)
		assert_true(x.toks[i].start >= x.toks[i - 1].end);
	extract_free(&x);
	free(text);
}

/* What extract_tok_is answered before it was inline. */
static int
tok_is_plain(const struct extract *x, size_t i, const char *word)
{
	size_t	n;

	if (i >= x->ntoks)
		return 0;
	n = x->toks[i].end - x->toks[i].start;
	return strlen(word) == n &&
	    strncasecmp(x->text + x->toks[i].start, word, n) == 0;
}

/* extract_tok_is: literal words and words from a table alike. */
static void
test_tok_is(void **state)
{
	static const char *const words[] = {
		"he", "He", "HE", "hE", "h", "her", "hers", "the", "said",
		"SAID", "U.S.", "u.s.", "party", "", "a", "@e", "`e", "[e",
		"{e", "Ä", "\xc3\xa4", "O'Brien", "o'brien", "o’brien"
	};
	static const char text[] = "He said her party, the U.S. one, "
	    "was HIS. O'Brien @e `e [e {e \xc3\x84 \xc3\xa4 h";
	struct extract	x;
	size_t		i, k;

	(void)state;
	extract_run(&x, text, strlen(text));
	for (i = 0; i <= x.ntoks; i++)
		for (k = 0; k < sizeof words / sizeof words[0]; k++)
			assert_int_equal(extract_tok_is(&x, i, words[k]),
			    tok_is_plain(&x, i, words[k]));
	/* literals, whose length the compiler knows */
	assert_true(extract_tok_is(&x, 0, "he"));
	assert_true(extract_tok_is(&x, 0, "HE"));
	assert_false(extract_tok_is(&x, 0, "h"));
	assert_false(extract_tok_is(&x, 0, "her"));
	assert_true(extract_tok_is(&x, 1, "said"));
	assert_false(extract_tok_is(&x, 1, "sad"));
	assert_false(extract_tok_is(&x, x.ntoks, "h"));
	extract_free(&x);
}

/* FNV-1a of the bytes, ASCII capitals made small, ’ read as '. */
static uint64_t
hash_plain(const char *s, size_t n)
{
	uint64_t	h = 1469598103934665603ULL;
	size_t		i;
	unsigned char	c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c |= 0x20;
		if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] ==
		    0x80 && (unsigned char)s[i + 2] == 0x99) {
			c = '\'';
			i += 2;
		}
		h = (h ^ c) * 1099511628211ULL;
	}
	return h == 0 ? 1 : h;
}

/* ent_map_hash: the plain hash for every byte, and its folds. */
static void
test_map_hash(void **state)
{
	char		 s[64];
	size_t		 i, k, n;
	unsigned	 seed = 12345;

	(void)state;
	assert_true(ent_map_hash("O\xe2\x80\x99" "Brien", 9) ==
	    ent_map_hash("o'brien", 7));
	assert_true(ent_map_hash("KYIV", 4) == ent_map_hash("kyiv", 4));
	assert_true(ent_map_hash("\xc3\x84", 2) != ent_map_hash("\xc3\xa4",
	    2));
	assert_true(ent_map_hash("\xe2\x80", 2) == hash_plain("\xe2\x80",
	    2));
	assert_true(ent_map_hash("", 0) == hash_plain("", 0));
	for (i = 0; i < 20000; i++) {
		seed = seed * 1103515245 + 12345;
		n = (seed >> 8) % sizeof s;
		for (k = 0; k < n; k++) {
			seed = seed * 1103515245 + 12345;
			/* often the bytes of ’, to test its fold */
			s[k] = (seed >> 9) % 4 == 0 ? "\xe2\x80\x99"[(seed >>
			    12) % 3] : (char)(seed >> 16);
		}
		assert_true(ent_map_hash(s, n) == hash_plain(s, n));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_token_size),
		cmocka_unit_test(test_tok_is),
		cmocka_unit_test(test_map_hash)
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
