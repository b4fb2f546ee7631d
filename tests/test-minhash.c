/*
 * Unit tests: near-identical stories (minhash.c). The same text spaced,
 * quoted or framed with an outlet's furniture differently is the same
 * story; a story edited by a sentence is too; a different story sharing
 * one paragraph is not, nor a later version of a developing story half
 * new, nor a text too short to tell.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "minhash.h"
#include "xmalloc.h"
#include "banned.h"

#define P1 "The foreign ministry summoned the ambassador on Tuesday after " \
	"a military drone crashed in a field near the border village, the " \
	"minister said, calling it a reckless violation of the airspace."
#define P2 "\"This was not an accident of weather or a lost signal,\" the " \
	"minister told reporters in the capital. \"We expect an " \
	"explanation, and we expect it in writing.\""
#define P3 "No one was hurt in the crash, which happened shortly after " \
	"dawn on Monday, according to the national press agency, whose " \
	"photographs showed a grey aircraft lying in a frozen field."
#define P4 "The defence ministry said its air defence units had tracked " \
	"the aircraft for eleven minutes before it lost altitude, and chose " \
	"not to fire because it was flying over farms and homes."
#define P5 "Officials in the neighbouring state said the drone had been " \
	"on a routine training flight and suffered a navigation fault, and " \
	"offered to send experts to recover it."

#define STORY	P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n" P5

/* Another story on another subject, sharing P3 word for word. */
#define OTHER "Farmers in the northern valley began the harvest a week " \
	"early this year as a dry summer ripened the wheat ahead of time, " \
	"the agriculture board said in its weekly report.\n\n" \
	"Prices at the regional market fell for the third week running, " \
	"and traders expect them to fall further once the barley comes " \
	"in from the southern plains next month.\n\n" P3 "\n\n" \
	"The board warned that storage would run short in two districts " \
	"and asked the railway to add grain wagons to the evening trains " \
	"until the end of October.\n\n" \
	"A spokesman for the growers' union said the early harvest was " \
	"welcome but the low prices would leave many small farms with " \
	"debts they could not pay before the winter."

static int
same(const char *a, const char *b)
{
	struct minhash_set	x, y;
	int			rv;

	minhash_shingles(a, strlen(a), &x);
	minhash_shingles(b, strlen(b), &y);
	rv = minhash_same(&x, &y);
	minhash_set_free(&x);
	minhash_set_free(&y);
	return rv;
}

static void
test_spacing_and_furniture(void **state)
{
	const char *spaced = "  The foreign  ministry summoned the ambassador "
	    "on Tuesday after a military drone\tcrashed in a field near the "
	    "border village, the minister said, calling it a reckless "
	    "violation of the airspace.\n\n"
	    "Advertisement\n\n"
	    "\xe2\x80\x9cThis was not an accident of weather or a lost "
	    "signal,\xe2\x80\x9d the minister told reporters in the capital. "
	    "\xe2\x80\x9cWe expect an explanation, and we expect it in "
	    "writing.\xe2\x80\x9d\n\n"
	    "Sign up for our morning newsletter\n\n"
	    P3 "\n\n" P4 "\n\n" P5 "\n\n"
	    "Reporting by a staff correspondent; editing by the desk\n\n"
	    "Copyright 2025 The Wire. All rights reserved.";
	struct minhash_set	x, y;

	(void)state;
	assert_true(same(STORY, spaced));
	/* Spacing, quote marks and furniture leave the very same words. */
	minhash_shingles(STORY, strlen(STORY), &x);
	minhash_shingles(spaced, strlen(spaced), &y);
	assert_true(minhash_jaccard(&x, &y) == 1.0);
	minhash_set_free(&x);
	minhash_set_free(&y);
}

static void
test_edited_sentence(void **state)
{
	const char *edited = P1 "\n\n" P2 "\n\n"
	    "Nobody was injured, officials said late on Monday." "\n\n"
	    P4 "\n\n" P5;
	const char *added = STORY "\n\nThe minister is due to brief the "
	    "foreign affairs committee of parliament on Wednesday.";

	(void)state;
	assert_true(same(STORY, edited));
	assert_true(same(STORY, added));
}

static void
test_shared_paragraph(void **state)
{
	/* A later version of a developing story: half new, new quotes. */
	const char *later = P1 "\n\n" P2 "\n\n" P3 "\n\n"
	    "\"We have asked for the flight data and we will publish it,\" "
	    "the prime minister said on Wednesday evening after a meeting "
	    "of the security council in the capital.\n\n"
	    "The opposition leader said the government had been slow to "
	    "act, and called for an inquiry into why the air defences had "
	    "not stopped the aircraft before it crossed the border.";

	(void)state;
	assert_false(same(STORY, OTHER));
	assert_false(same(OTHER, STORY));
	assert_false(same(STORY, later));
}

static void
test_short(void **state)
{
	struct minhash_set	x;
	unsigned char		sig[MINHASH_SIG_BYTES];

	(void)state;
	/* Identical, but too short to say it is one story. */
	assert_false(same("Iran said no.", "Iran said no."));
	assert_false(same("", ""));
	minhash_shingles("a b c d e f g", 13, &x);
	assert_int_equal(minhash_sign(&x, sig), 0);
	minhash_set_free(&x);
	minhash_shingles(NULL, 0, &x);
	assert_int_equal(x.n, 0);
}

static void
test_signature(void **state)
{
	struct minhash_set	x, y;
	unsigned char		a[MINHASH_SIG_BYTES], b[MINHASH_SIG_BYTES];
	int64_t			ka[MINHASH_BANDS], kb[MINHASH_BANDS];
	size_t			i, shared = 0;

	(void)state;
	minhash_shingles(STORY, strlen(STORY), &x);
	minhash_shingles(OTHER, strlen(OTHER), &y);
	assert_int_equal(minhash_sign(&x, a), 1);
	assert_int_equal(minhash_sign(&y, b), 1);
	assert_true(minhash_estimate(a, a) == 1.0);
	assert_true(minhash_estimate(a, b) < MINHASH_SAME);
	minhash_bands(a, ka);
	minhash_bands(b, kb);
	for (i = 0; i < MINHASH_BANDS; i++) {
		assert_true(ka[i] >= 0);
		shared += ka[i] == kb[i];
	}
	assert_true(shared < MINHASH_BANDS / 2);
	/* The same text signs the same: keys are stable across runs. */
	minhash_set_free(&y);
	minhash_shingles(STORY, strlen(STORY), &y);
	assert_int_equal(minhash_sign(&y, b), 1);
	assert_memory_equal(a, b, MINHASH_SIG_BYTES);
	minhash_set_free(&x);
	minhash_set_free(&y);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spacing_and_furniture),
		cmocka_unit_test(test_edited_sentence),
		cmocka_unit_test(test_shared_paragraph),
		cmocka_unit_test(test_short),
		cmocka_unit_test(test_signature),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
