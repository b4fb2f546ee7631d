/*
 * libFuzzer harness: the near-identical story test (minhash.h) on
 * arbitrary bytes, cut in two texts at the first NUL (or the middle).
 * Traps if a set is not sorted and distinct after use, a resemblance
 * leaves [0, 1] or differs by the order of the texts, a text is not the
 * same story as itself (when big enough to sign), a signature or its
 * band keys differ when made twice, or a signature is written for a set
 * under MINHASH_MIN.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "minhash.h"
#include "banned.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* A set after minhash_jaccard: sorted, each value once. */
static void
check_sorted(const struct minhash_set *m)
{
	size_t	i;

	for (i = 1; i < m->n; i++)
		if (m->v[i - 1] >= m->v[i])
			__builtin_trap();
}

/* One text's signature, made twice, with its band keys. */
static void
check_sign(struct minhash_set *m)
{
	unsigned char	a[MINHASH_SIG_BYTES], b[MINHASH_SIG_BYTES];
	int64_t		ka[MINHASH_BANDS], kb[MINHASH_BANDS];
	int		signed_a, signed_b;

	signed_a = minhash_sign(m, a);
	signed_b = minhash_sign(m, b);
	if (signed_a != signed_b)
		__builtin_trap();
	if (!signed_a)
		return;
	if (m->n < MINHASH_MIN || memcmp(a, b, sizeof a) != 0)
		__builtin_trap();
	if (minhash_estimate(a, b) != 1.0)
		__builtin_trap();
	minhash_bands(a, ka);
	minhash_bands(b, kb);
	if (memcmp(ka, kb, sizeof ka) != 0)
		__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char		*text = (const char *)data;
	const char		*cut = memchr(text, '\0', size);
	size_t			 n1 = cut != NULL ? (size_t)(cut - text) : size / 2;
	size_t			 off2 = cut != NULL ? n1 + 1 : n1;
	struct minhash_set	 a, b, a2;
	double			 j1, j2;

	minhash_shingles(text, n1, &a);
	minhash_shingles(text + off2, size - off2, &b);
	minhash_shingles(text, n1, &a2);
	check_sign(&a);
	check_sign(&b);
	j1 = minhash_jaccard(&a, &b);
	j2 = minhash_jaccard(&b, &a);
	if (!(j1 >= 0.0 && j1 <= 1.0) || j1 != j2)
		__builtin_trap();
	check_sorted(&a);
	check_sorted(&b);
	/* a text is itself, once it is big enough to be compared */
	if (a.n >= MINHASH_MIN && (minhash_jaccard(&a, &a2) != 1.0 ||
	    !minhash_same(&a, &a2)))
		__builtin_trap();
	if (minhash_same(&a, &b) != minhash_same(&b, &a))
		__builtin_trap();
	minhash_set_free(&a);
	minhash_set_free(&b);
	minhash_set_free(&a2);
	return 0;
}
