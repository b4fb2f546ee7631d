/*
 * Unit tests: SHA-256 (hash.c) against the vectors published with FIPS
 * 180-2 and by NIST's CSRC examples, whole and fed in pieces of every
 * size, and across the lengths where the padding takes a second block.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "hash.h"
#include "xmalloc.h"
#include "banned.h"

struct vector {
	const char	*in;
	const char	*hex;
};

/* FIPS 180-2, appendix B.1 and B.2; the 896-bit message of NIST's examples. */
static const struct vector published[] = {
	{ "",
	  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "abc",
	  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
	  "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
	  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
};

/* FIPS 180-2, appendix B.3: one million 'a'. */
#define MILLION_A_HEX \
	"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"

/* The digest of in fed to hash_update piece bytes at a time. */
static void
hex_in_pieces(const char *in, size_t len, size_t piece, char hex[65])
{
	struct hash	h;
	size_t		i, n;

	hash_init(&h);
	for (i = 0; i < len; i += n) {
		n = len - i < piece ? len - i : piece;
		hash_update(&h, in + i, n);
	}
	hash_hex(&h, hex);
}

static void
test_published(void **state)
{
	char	hex[65];
	size_t	i, piece;

	(void)state;
	for (i = 0; i < sizeof published / sizeof published[0]; i++) {
		hash_buf_hex(published[i].in, strlen(published[i].in), hex);
		assert_string_equal(hex, published[i].hex);
		for (piece = 1; piece <= 65; piece++) {
			hex_in_pieces(published[i].in, strlen(published[i].in),
			    piece, hex);
			assert_string_equal(hex, published[i].hex);
		}
	}
}

static void
test_million_a(void **state)
{
	static const size_t	 pieces[] = { 1, 63, 64, 65, 1000, 1000000 };
	char			*a, hex[65];
	size_t			 i;

	(void)state;
	a = xmalloc(1000000);
	memset(a, 'a', 1000000);
	hash_buf_hex(a, 1000000, hex);
	assert_string_equal(hex, MILLION_A_HEX);
	for (i = 0; i < sizeof pieces / sizeof pieces[0]; i++) {
		hex_in_pieces(a, 1000000, pieces[i], hex);
		assert_string_equal(hex, MILLION_A_HEX);
	}
	free(a);
}

/*
 * Runs of 'a' either side of where the length no longer fits in the last
 * block (55, 56 bytes; 119, 120) and of a whole block (63, 64, 65):
 * digests from coreutils' sha256sum.
 */
static void
test_padding(void **state)
{
	static const struct {
		size_t		 n;
		const char	*hex;
	} c[] = {
		{ 55, "9f4390f8d30c2dd92ec9f095b65e2b9a"
		    "e9b0a925a5258e241c9f1e910f734318" },
		{ 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f"
		    "590ce20f1bde7090ef7970686ec6738a" },
		{ 63, "7d3e74a05d7db15bce4ad9ec0658ea98"
		    "e3f06eeecf16b4c6fff2da457ddc2f34" },
		{ 64, "ffe054fe7ae0cb6dc65c3af9b61d5209"
		    "f439851db43d0ba5997337df154668eb" },
		{ 65, "635361c48bb9eab14198e76ea8ab7f1a"
		    "41685d6ad62aa9146d301d4f17eb0ae0" },
		{ 119, "31eba51c313a5c08226adf18d4a359cf"
		    "dfd8d2e816b13f4af952f7ea6584dcfb" },
		{ 120, "2f3d335432c70b580af0e8e1b3674a7c"
		    "020d683aa5f73aaaedfdc55af904c21c" },
	};
	char	a[120], hex[65];
	size_t	i;

	(void)state;
	memset(a, 'a', sizeof a);
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		hash_buf_hex(a, c[i].n, hex);
		if (strcmp(hex, c[i].hex) != 0)
			fail_msg("%zu bytes: %s, wanted %s", c[i].n, hex,
			    c[i].hex);
	}
}

/* Bytes past 0x7f and NULs are hashed as bytes, not as text (sha256sum). */
static void
test_bytes(void **state)
{
	static const unsigned char	 in[] = { 0x00, 0xff, 0x80, 0x00 };
	char				 hex[65];

	(void)state;
	hash_buf_hex(in, sizeof in, hex);
	assert_string_equal(hex, "f11b18659845b5c27e6040a28586bbe7"
	    "9db7c24d4eda7930381151bd4602490d");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_published),
		cmocka_unit_test(test_million_a),
		cmocka_unit_test(test_padding),
		cmocka_unit_test(test_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
