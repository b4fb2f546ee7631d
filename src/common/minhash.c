/*
 * Near-identical stories (minhash.h). A body is read as words: letters
 * and digits, ASCII folded to lower case, every space, punctuation mark
 * and quote style between them left out, so the same text typed or
 * spaced differently gives the same words. Paragraphs that are an
 * outlet's furniture ("Advertisement", "Sign up for our newsletter",
 * "Reporting by ...") are skipped. Each run of MINHASH_K words is a
 * shingle; the least hash value of each of MINHASH_N buckets is the
 * signature (MinHash by one permutation), and bands of MINHASH_ROWS
 * values make the keys an index looks candidates up by (the banding of
 * LSH).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "minhash.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* Paragraphs no longer than this many words may be furniture. */
#define FURNITURE_WORDS	30

/* How furniture paragraphs begin (lower case, spaces as in the text). */
static const char *const furniture[] = {
	"advertisement", "sponsored", "sign up", "subscribe",
	"read more", "read also", "related:", "related coverage",
	"see also", "click here", "follow us", "share this",
	"copyright", "\xc2\xa9", "(c) ", "all rights reserved",
	"reporting by", "editing by", "additional reporting",
	"writing by", "this story has been", "this article was",
	"get the latest", "download our app", "listen to this article",
};

/* An ASCII byte as a word's byte (letters folded to lower case), or 0. */
static const unsigned char ascii_word[128] = {
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37,
	0x38, 0x39, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67,
	0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
	0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77,
	0x78, 0x79, 0x7a, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67,
	0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
	0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77,
	0x78, 0x79, 0x7a, 0x00, 0x00, 0x00, 0x00, 0x00,
};

/* A 64-bit mix (splitmix64's finalizer). */
static uint64_t
mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* Is cp a character of a word (not space, punctuation or a mark)? */
static int
word_char(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	if (cp <= 0xbf || cp == 0xd7 || cp == 0xf7)
		return 0;		/* Latin-1 spaces, signs and marks */
	if ((cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x2e00 &&
	    cp <= 0x2e7f) || (cp >= 0x3000 && cp <= 0x303f) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff01 &&
	    cp <= 0xff0f) || cp == 0xfeff || cp == 0xfffd)
		return 0;
	return 1;
}

/* Does the paragraph p (len bytes) begin as furniture does? */
static int
furniture_para(const char *p, size_t len)
{
	char	head[32];
	size_t	i, n, words = 0;

	while (len > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		len--;
	}
	n = len < sizeof head - 1 ? len : sizeof head - 1;
	for (i = 0; i < n; i++)
		head[i] = p[i] >= 'A' && p[i] <= 'Z' ? (char)(p[i] + 32) : p[i];
	head[n] = '\0';
	for (i = 0; i < sizeof furniture / sizeof furniture[0]; i++)
		if (furniture[i][0] == head[0] && strncmp(head, furniture[i],
		    strlen(furniture[i])) == 0)
			break;
	if (i == sizeof furniture / sizeof furniture[0])
		return 0;
	/* A long paragraph that begins so is the story's own. */
	for (i = 0; i < len; i++)
		if (p[i] == ' ' && (i == 0 || p[i - 1] != ' '))
			words++;
	return words < FURNITURE_WORDS;
}

/* Add a word's hash to *w (n of them, cap). */
static void
word_add(uint64_t h, uint64_t **w, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 512;
		*w = xreallocarray(*w, *cap, sizeof **w);
	}
	(*w)[(*n)++] = h;
}

/*
 * How many bytes at u[i] make one character of a word (0: a space, mark
 * or sign), the ASCII ones by the table.
 */
static size_t
word_len(const unsigned char *u, size_t len, size_t i)
{
	uint32_t	cp;
	size_t		k;

	if (u[i] < 0x80)
		return ascii_word[u[i]] != 0;
	k = utf8_decode((const char *)u + i, len - i, &cp);
	return word_char(cp) ? k : 0;
}

/* Add the hashes of paragraph p's words to *w (n of them, cap). */
static void
para_words(const char *p, size_t len, uint64_t **w, size_t *n, size_t *cap)
{
	const unsigned char	*u = (const unsigned char *)p;
	uint64_t		 h;
	size_t			 i = 0, k, j;

	while (i < len) {
		if ((k = word_len(u, len, i)) == 0) {
			/* A multi-byte mark is skipped whole. */
			i += u[i] < 0x80 ? 1 : utf8_decode(p + i, len - i,
			    &(uint32_t){ 0 });
			continue;
		}
		h = 0xcbf29ce484222325ULL;
		for (;;) {
			/* Most of any word: ASCII, by the table. */
			while (i < len && u[i] < 0x80 && ascii_word[u[i]] != 0)
				h = (h ^ ascii_word[u[i++]]) * 0x100000001b3ULL;
			if (i >= len || u[i] < 0x80 ||
			    (k = word_len(u, len, i)) == 0)
				break;
			for (j = 0; j < k; j++)
				h = (h ^ u[i + j]) * 0x100000001b3ULL;
			i += k;
		}
		word_add(h, w, n, cap);
	}
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Read a text's shingles, as they come (minhash_sign needs no more);
 * minhash_same sorts them when two are compared.
 */
void
minhash_shingles(const char *text, size_t len, struct minhash_set *set)
{
	uint64_t	*w = NULL, h;
	size_t		 nw = 0, cap = 0, i, j, e;

	set->v = NULL;
	set->n = 0;
	set->sorted = 0;
	for (i = 0; text != NULL && i < len; i = e + 1) {
		const char *nl = memchr(text + i, '\n', len - i);

		e = nl != NULL ? (size_t)(nl - text) : len;
		if (!furniture_para(text + i, e - i))
			para_words(text + i, e - i, &w, &nw, &cap);
	}
	if (nw >= MINHASH_K) {
		set->v = xreallocarray(NULL, nw - MINHASH_K + 1,
		    sizeof *set->v);
		for (i = 0; i + MINHASH_K <= nw; i++) {
			for (h = 0, j = 0; j < MINHASH_K; j++)
				h = (h + w[i + j]) * 0x9e3779b97f4a7c15ULL;
			set->v[set->n++] = mix(h);
		}
	}
	free(w);
}

/* Sort a set's shingles and keep each once. */
static void
set_sort(struct minhash_set *set)
{
	size_t	i, j;

	if (set->sorted)
		return;
	qsort(set->v, set->n, sizeof *set->v, cmp_u64);
	for (i = j = 0; i < set->n; i++)
		if (j == 0 || set->v[j - 1] != set->v[i])
			set->v[j++] = set->v[i];
	set->n = j;
	set->sorted = 1;
}

void
minhash_set_free(struct minhash_set *set)
{
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

/*
 * One permutation hashing (Li, Owen and Zhang): each shingle falls in
 * one of MINHASH_N buckets by its high bits and the least of its low
 * bits is kept, one step a shingle; a bucket no shingle fell in takes
 * the next full one's value (Shrivastava and Li's densification), told
 * apart by how far it had to look.
 */
int
minhash_sign(const struct minhash_set *set,
    unsigned char sig[MINHASH_SIG_BYTES])
{
	uint32_t	m[MINHASH_N], v;
	uint8_t		full[MINHASH_N];
	size_t		i, j, k, b;

	if (set->n < MINHASH_MIN)
		return 0;
	memset(full, 0, sizeof full);
	for (j = 0; j < MINHASH_N; j++)
		m[j] = UINT32_MAX;
	for (i = 0; i < set->n; i++) {
		b = (size_t)(((set->v[i] >> 32) * MINHASH_N) >> 32);
		v = (uint32_t)set->v[i];
		if (v <= m[b])
			m[b] = v;
		full[b] = 1;
	}
	for (j = 0; j < MINHASH_N; j++) {
		for (k = 0; k < MINHASH_N && !full[(j + k) % MINHASH_N]; k++)
			;
		v = full[j] ? m[j] : (uint32_t)mix(m[(j + k) % MINHASH_N] +
		    k);
		sig[4 * j] = (unsigned char)v;
		sig[4 * j + 1] = (unsigned char)(v >> 8);
		sig[4 * j + 2] = (unsigned char)(v >> 16);
		sig[4 * j + 3] = (unsigned char)(v >> 24);
	}
	return 1;
}

void
minhash_bands(const unsigned char sig[MINHASH_SIG_BYTES],
    int64_t keys[MINHASH_BANDS])
{
	uint64_t	h;
	size_t		b, i;

	for (b = 0; b < MINHASH_BANDS; b++) {
		h = mix(b + 1);
		for (i = 0; i < MINHASH_ROWS * 4; i++)
			h = (h ^ sig[b * MINHASH_ROWS * 4 + i]) *
			    0x100000001b3ULL;
		/* 31 bits: four bytes a key in the index, not eight. */
		keys[b] = (int64_t)(mix(h) >> 33);
	}
}

double
minhash_estimate(const unsigned char *a, const unsigned char *b)
{
	size_t	j, same = 0;

	for (j = 0; j < MINHASH_N; j++)
		same += memcmp(a + 4 * j, b + 4 * j, 4) == 0;
	return (double)same / MINHASH_N;
}

double
minhash_jaccard(struct minhash_set *a, struct minhash_set *b)
{
	size_t	i = 0, j = 0, both = 0;

	set_sort(a);
	set_sort(b);
	if (a->n == 0 || b->n == 0)
		return 0;
	while (i < a->n && j < b->n) {
		if (a->v[i] == b->v[j]) {
			both++;
			i++;
			j++;
		} else if (a->v[i] < b->v[j])
			i++;
		else
			j++;
	}
	return (double)both / (double)(a->n + b->n - both);
}

int
minhash_same(struct minhash_set *a, struct minhash_set *b)
{
	double	j = minhash_jaccard(a, b);

	return a->n >= MINHASH_MIN && b->n >= MINHASH_MIN &&
	    j >= MINHASH_SAME;
}
