/* Unit tests: tokens and sentences for extraction. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "buf.h"
#include "extract.h"
#include "xmalloc.h"

/* An input and what it must come out as. */
struct text_case {
	const char	*in, *out;
};

/* Tokens joined by "|", or sentences by " / ", each as written. */
static char *
pieces_of(const char *text, int sentences)
{
	struct extract	x;
	struct buf	b;
	size_t		i, n, start, end;

	memset(&x, 0, sizeof x);
	x.text = text;
	x.len = strlen(text);
	extract_tokens(&x);
	if (sentences)
		extract_sentences(&x);
	buf_init(&b);
	n = sentences ? x.nsents : x.ntoks;
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(&b, sentences ? " / " : "|");
		start = sentences ? x.sents[i].start : x.toks[i].start;
		end = sentences ? x.sents[i].end : x.toks[i].end;
		buf_add(&b, text + start, end - start);
	}
	extract_free(&x);
	return buf_detach(&b);
}

/* Check each case's tokens (sentences 0) or sentences (1). */
static void
check_cases(const struct text_case *c, size_t n, int sentences)
{
	char	*got;
	size_t	 i;

	for (i = 0; i < n; i++) {
		got = pieces_of(c[i].in, sentences);
		assert_string_equal(got, c[i].out);
		free(got);
	}
}

static void
test_words(void **state)
{
	static const struct text_case cases[] = {
		{ "Russia's drones", "Russia|'s|drones" },
		{ "Iran\xe2\x80\x99s envoy", "Iran|\xe2\x80\x99s|envoy" },
		{ "Talaei-Nik said", "Talaei-Nik|said" },
		{ "don't O'Brien", "don't|O'Brien" },
		{ "the U.S. and a.m. talks", "the|U.S.|and|a.m.|talks" },
		{ "Gen. Sahl, 2,000 km at 16:26.",
		    "Gen.|Sahl|,|2,000|km|at|16:26|." },
		{ "John F. Kennedy", "John|F.|Kennedy" },
		/* a nickname's marks go; quoted words that are no nickname
		 * keep theirs */
		{ "Del. Marcia \"Cia\" Price said",
		    "Del.|Marcia|Cia|Price|said" },
		{ "Dalia 'Dee Dee' Orsk", "Dalia|Dee|Dee|Orsk" },
		{ "the \"Harbour\" plan", "the|\"|Harbour|\"|plan" },
		{ "Orsk said \"No\" Monday", "Orsk|said|\"|No|\"|Monday" },
		{ "Marcia \"Cia\", Price", "Marcia|\"|Cia|\"|,|Price" },
		{ "Marcia \"The Big Cia\" Price",
		    "Marcia|\"|The|Big|Cia|\"|Price" },
		{ "wait... no\xe2\x80\xa6 yes", "wait|...|no|\xe2\x80\xa6|yes" },
		{ "a -- b \xe2\x80\x94 c", "a|--|b|\xe2\x80\x94|c" },
		{ "Caf\xc3\xa9 \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0",
		    "Caf\xc3\xa9|"
		    "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0" },
	};

	(void)state;
	check_cases(cases, sizeof cases / sizeof cases[0], 0);
}

static void
test_quote_marks(void **state)
{
	struct extract	x;
	const char	*t = "\"No,\" he said. \xe2\x80\x9cYes\xe2\x80\x9d "
	    "and ''Mohajer 10'' and 'no deal'.";

	memset(&x, 0, sizeof x);
	x.text = t;
	x.len = strlen(t);
	extract_tokens(&x);
	/* " No , " he said . “ Yes ” and '' Mohajer 10 '' and ' no deal ' . */
	assert_int_equal(x.ntoks, 21);
	assert_true(x.toks[0].flags & TOK_QUOTE);
	assert_true(x.toks[0].flags & TOK_OPEN);
	assert_true(x.toks[3].flags & TOK_CLOSE);
	assert_true(x.toks[7].flags & TOK_OPEN);
	assert_true(x.toks[9].flags & TOK_CLOSE);
	assert_true(x.toks[11].flags & TOK_QUOTE);	/* '' */
	assert_true(x.toks[11].flags & TOK_OPEN);
	assert_true(x.toks[14].flags & TOK_CLOSE);
	assert_true(x.toks[16].flags & TOK_SQUOTE);
	assert_true(x.toks[16].flags & TOK_OPEN);
	assert_true(x.toks[19].flags & TOK_SQUOTE);
	assert_true(x.toks[19].flags & TOK_CLOSE);
	assert_true(x.toks[1].flags & TOK_CAP);
	extract_free(&x);
}

/* The quote marks of a text, in order: O/C double, o/c single, ? unknown. */
static void
check_marks(const char *text, const char *want)
{
	struct extract	x;
	char		got[32];
	size_t		i, n = 0;
	unsigned	f;

	memset(&x, 0, sizeof x);
	x.text = text;
	x.len = strlen(text);
	extract_tokens(&x);
	for (i = 0; i < x.ntoks && n + 1 < sizeof got; i++) {
		f = x.toks[i].flags;
		if (!(f & (TOK_QUOTE | TOK_SQUOTE)))
			continue;
		got[n++] = (f & TOK_OPEN) ? 'O' : (f & TOK_CLOSE) ? 'C' : '?';
		if (f & TOK_SQUOTE)
			got[n - 1] = (char)(got[n - 1] | 0x20);
	}
	got[n] = '\0';
	if (strcmp(got, want) != 0)
		fail_msg("[%s]: marks %s, expected %s", text, got, want);
	extract_free(&x);
}

/* The quote marks of other languages inside English text pair up. */
static void
test_quote_marks_world(void **state)
{
	(void)state;
	/* German „Q“ and ‚Q‘ */
	check_marks("Varga said: \xe2\x80\x9eWir gehen.\xe2\x80\x9c Then.",
	    "OC");
	check_marks("Varga said: \xe2\x80\x9aWir gehen.\xe2\x80\x98 Then.",
	    "oc");
	/* Polish „Q” */
	check_marks("Brekk said: \xe2\x80\x9eNie.\xe2\x80\x9d Then.", "OC");
	/* French « Q » with no-break and thin spaces, and without */
	check_marks("He said: \xc2\xab\xc2\xa0Non.\xe2\x80\xaf\xc2\xbb "
	    "Then.", "OC");
	check_marks("He said: \xc2\xabNon.\xc2\xbb Then.", "OC");
	/* German and Danish \xc2\xbbQ\xc2\xab */
	check_marks("He said: \xc2\xbbVi giver ikke op.\xc2\xab Then.", "OC");
	/* Swedish and Finnish \xe2\x80\x9dQ\xe2\x80\x9d and \xc2\xbbQ\xc2\xbb */
	check_marks("Hon sa: \xe2\x80\x9dNej.\xe2\x80\x9d Then.", "OC");
	check_marks("Hon sa: \xc2\xbbNej.\xc2\xbb Then.", "OC");
	/* a quote closed with the opening mark typed again */
	check_marks("He said: \xe2\x80\x9cNo.\xe2\x80\x9c\n\nThen.", "OC");
	/* corner brackets */
	check_marks("She said: \xe3\x80\x8cNo.\xe3\x80\x8d Then.", "OC");
	/* English marks after a German quote closed */
	check_marks("\xe2\x80\x9eJa.\xe2\x80\x9c and \xe2\x80\x9cYes."
	    "\xe2\x80\x9d", "OCOC");
}

static void
test_sentences(void **state)
{
	static const struct text_case cases[] = {
		{ "Mr. Smith went to Washington. He met Gen. Sahl at 9 a.m. "
		    "on Sept. 3. It rained.",
		    "Mr. Smith went to Washington. / He met Gen. Sahl at 9 a.m. "
		    "on Sept. 3. / It rained." },
		{ "The U.S. President spoke. The U.S. The end.",
		    "The U.S. President spoke. / The U.S. / The end." },
		{ "\"We will win.\" The crowd cheered.",
		    "\"We will win.\" / The crowd cheered." },
		{ "\"Why?\" he asked. \"Because.\"",
		    "\"Why?\" he asked. / \"Because.\"" },
		{ "A headline without a stop\nThe body begins here. And "
		    "ends here.", "A headline without a stop / The body begins "
		    "here. / And ends here." },
		{ "Talks (held in Qerrin.) Then more.",
		    "Talks (held in Qerrin.) / Then more." },
		{ "It cost $3.5 billion. Done.", "It cost $3.5 billion. / Done." },
		{ "State Del. Ana Price spoke in Dover, Del. The vote was close.",
		    "State Del. Ana Price spoke in Dover, Del. / The vote was "
		    "close." },
		{ "", "" },
	};

	(void)state;
	check_cases(cases, sizeof cases / sizeof cases[0], 1);
}

static void
test_hostile(void **state)
{
	struct extract	 x;
	char		*big;
	size_t		 n = 4 * 1024 * 1024, i;

	/* A paragraph with no stop, and one of quote marks only. */
	big = xmalloc(n + 1);
	for (i = 0; i < n; i++)
		big[i] = "ab \"'.\xe2"[i % 7];
	big[n] = '\0';
	memset(&x, 0, sizeof x);
	x.text = big;
	x.len = n;
	extract_tokens(&x);
	extract_sentences(&x);
	assert_true(x.ntoks > 0);
	assert_true(x.nsents > 0);
	for (i = 0; i < x.ntoks; i++)
		assert_true(x.toks[i].start < x.toks[i].end &&
		    x.toks[i].end <= n);
	extract_free(&x);
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_quote_marks),
		cmocka_unit_test(test_quote_marks_world),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_hostile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
