/*
 * Near-identical stories: a body's shingles (runs of MINHASH_K words,
 * case, punctuation, spacing and boilerplate paragraphs left out), a
 * MinHash signature of them that the store keeps, the band keys an index
 * finds candidates by, and the exact resemblance that decides. Pure: text
 * in, numbers out.
 */
#ifndef DOSSIER_MINHASH_H
#define DOSSIER_MINHASH_H

#include <stddef.h>
#include <stdint.h>

#define MINHASH_K	5	/* words in a shingle */
#define MINHASH_BANDS	12	/* band keys of a signature */
#define MINHASH_ROWS	3	/* values a band key covers */
#define MINHASH_N	(MINHASH_BANDS * MINHASH_ROWS)	/* signature values */
#define MINHASH_SIG_BYTES (MINHASH_N * 4)
/* Fewer shingles than this (a dozen words) are never linked. */
#define MINHASH_MIN	8
/*
 * The same story: at least this share of the two shingle sets in common
 * (Jaccard): nearly all of it. A sentence edited in a story of a few
 * paragraphs leaves 0.8 or more, the print and web versions of one
 * newspaper story 0.7 to 0.9; two stories sharing one paragraph of five,
 * under 0.15. Two versions of a developing wire story (0.5: each has
 * quotes the other lacks) stay apart, since only one of a group's
 * stories is counted.
 */
#define MINHASH_SAME	0.6
/* Candidates whose signatures resemble less than this are not read. */
#define MINHASH_LIKELY	0.25

/* A text's shingles as 64-bit hashes (sorted and distinct once sorted). */
struct minhash_set {
	uint64_t	*v;
	size_t		 n;
	int		 sorted;
};

void	 minhash_shingles(const char *, size_t, struct minhash_set *);
void	 minhash_set_free(struct minhash_set *);
/*
 * The signature of a set as MINHASH_SIG_BYTES bytes (little-endian
 * values); 0 and nothing written when it has fewer than MINHASH_MIN.
 */
int	 minhash_sign(const struct minhash_set *,
	     unsigned char sig[MINHASH_SIG_BYTES]);
/* A signature's band keys (as signed, for sqlite). */
void	 minhash_bands(const unsigned char sig[MINHASH_SIG_BYTES],
	     int64_t keys[MINHASH_BANDS]);
/* The share of equal values of two signatures: Jaccard, estimated. */
double	 minhash_estimate(const unsigned char *, const unsigned char *);
/*
 * The exact Jaccard resemblance of two sets (0 when either is empty);
 * both are sorted first.
 */
double	 minhash_jaccard(struct minhash_set *, struct minhash_set *);
/* Are two sets the same story (both big enough, MINHASH_SAME)? */
int	 minhash_same(struct minhash_set *, struct minhash_set *);

#endif
