/*
 * SHA-256, written from FIPS 180-4; on x86-64 CPUs with the SHA extensions
 * the blocks go through those instructions (about 5x faster here).
 */
#include "config.h"

#include <string.h>

#include "hash.h"
#include "banned.h"

static const uint32_t hash_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

#define ROR(x, n)	(((x) >> (n)) | ((x) << (32 - (n))))

static void
hash_block(struct hash *h, const unsigned char *p)
{
	uint32_t	w[64], a, b, c, d, e, f, g, k, t1, t2;
	int		i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[i * 4] << 24 | (uint32_t)p[i * 4 + 1] << 16 |
		    (uint32_t)p[i * 4 + 2] << 8 | p[i * 4 + 3];
	for (i = 16; i < 64; i++) {
		t1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
		t2 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		w[i] = t1 + w[i - 7] + t2 + w[i - 16];
	}
	a = h->state[0]; b = h->state[1]; c = h->state[2]; d = h->state[3];
	e = h->state[4]; f = h->state[5]; g = h->state[6]; k = h->state[7];
	for (i = 0; i < 64; i++) {
		t1 = k + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) +
		    ((e & f) ^ (~e & g)) + hash_k[i] + w[i];
		t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) +
		    ((a & b) ^ (a & c) ^ (b & c));
		k = g; g = f; f = e; e = d + t1;
		d = c; c = b; b = a; a = t1 + t2;
	}
	h->state[0] += a; h->state[1] += b; h->state[2] += c;
	h->state[3] += d; h->state[4] += e; h->state[5] += f;
	h->state[6] += g; h->state[7] += k;
}

#if defined(__x86_64__) && defined(__GNUC__) && __GNUC__ >= 11 && \
    !defined(__clang__)
#include <immintrin.h>
#define HASH_NI	1

/*
 * The blocks of p (len a multiple of 64) with the SHA extensions of x86
 * (SHA-NI): the same sums as hash_block, four rounds an instruction pair.
 */
__attribute__((target("sha,sse4.1,ssse3"))) static void
hash_blocks_ni(struct hash *h, const unsigned char *p, size_t len)
{
	const __m128i	 mask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL,
			    0x0405060700010203ULL);
	__m128i		 s0, s1, t, msg, abef, cdgh, m[4];
	int		 i;

	t = _mm_loadu_si128((const __m128i *)&h->state[0]);
	s1 = _mm_loadu_si128((const __m128i *)&h->state[4]);
	t = _mm_shuffle_epi32(t, 0xb1);			/* CDAB */
	s1 = _mm_shuffle_epi32(s1, 0x1b);		/* EFGH */
	s0 = _mm_alignr_epi8(t, s1, 8);			/* ABEF */
	s1 = _mm_blend_epi16(s1, t, 0xf0);		/* CDGH */
	for (; len >= 64; p += 64, len -= 64) {
		abef = s0;
		cdgh = s1;
		for (i = 0; i < 16; i++) {
			if (i < 4)
				m[i] = _mm_shuffle_epi8(_mm_loadu_si128(
				    (const __m128i *)(p + 16 * i)), mask);
			else {
				/* W[t-16] + s0(W[t-15]), + W[t-7], + s1. */
				t = _mm_sha256msg1_epu32(m[i % 4],
				    m[(i + 1) % 4]);
				t = _mm_add_epi32(t, _mm_alignr_epi8(
				    m[(i + 3) % 4], m[(i + 2) % 4], 4));
				m[i % 4] = _mm_sha256msg2_epu32(t,
				    m[(i + 3) % 4]);
			}
			msg = _mm_add_epi32(m[i % 4], _mm_loadu_si128(
			    (const __m128i *)&hash_k[4 * i]));
			s1 = _mm_sha256rnds2_epu32(s1, s0, msg);
			msg = _mm_shuffle_epi32(msg, 0x0e);
			s0 = _mm_sha256rnds2_epu32(s0, s1, msg);
		}
		s0 = _mm_add_epi32(s0, abef);
		s1 = _mm_add_epi32(s1, cdgh);
	}
	t = _mm_shuffle_epi32(s0, 0x1b);		/* FEBA */
	s1 = _mm_shuffle_epi32(s1, 0xb1);		/* DCHG */
	s0 = _mm_blend_epi16(t, s1, 0xf0);		/* DCBA */
	s1 = _mm_alignr_epi8(s1, t, 8);			/* HGFE */
	_mm_storeu_si128((__m128i *)&h->state[0], s0);
	_mm_storeu_si128((__m128i *)&h->state[4], s1);
}
#endif

/* The blocks of p (len a multiple of 64), with SHA-NI where the CPU has it. */
static void
hash_blocks(struct hash *h, const unsigned char *p, size_t len)
{
#ifdef HASH_NI
	if (__builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1")) {
		hash_blocks_ni(h, p, len);
		return;
	}
#endif
	for (; len >= 64; p += 64, len -= 64)
		hash_block(h, p);
}

void
hash_init(struct hash *h)
{
	static const uint32_t iv[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	};

	memcpy(h->state, iv, sizeof iv);
	h->total = 0;
	h->used = 0;
}

void
hash_update(struct hash *h, const void *data, size_t len)
{
	const unsigned char	*p = data;
	size_t			 n;

	h->total += len;
	if (h->used > 0) {
		n = 64 - h->used < len ? 64 - h->used : len;
		memcpy(h->block + h->used, p, n);
		h->used += n;
		p += n;
		len -= n;
		if (h->used < 64)
			return;
		hash_blocks(h, h->block, 64);
		h->used = 0;
	}
	n = len & ~(size_t)63;
	hash_blocks(h, p, n);
	p += n;
	len -= n;
	memcpy(h->block, p, len);
	h->used = len;
}

void
hash_hex(struct hash *h, char hex[65])
{
	static const char	digits[] = "0123456789abcdef";
	uint64_t		bits = h->total * 8;
	unsigned char		pad = 0x80, zero = 0, len[8];
	int			i;

	for (i = 0; i < 8; i++)
		len[i] = (unsigned char)(bits >> (56 - 8 * i));
	hash_update(h, &pad, 1);
	while (h->used != 56)
		hash_update(h, &zero, 1);
	hash_update(h, len, 8);
	for (i = 0; i < 32; i++) {
		unsigned char byte = (unsigned char)(h->state[i / 4] >>
		    (24 - 8 * (i % 4)));
		hex[i * 2] = digits[byte >> 4];
		hex[i * 2 + 1] = digits[byte & 15];
	}
	hex[64] = '\0';
}

void
hash_buf_hex(const void *p, size_t len, char hex[65])
{
	struct hash	h;

	hash_init(&h);
	hash_update(&h, p, len);
	hash_hex(&h, hex);
}
