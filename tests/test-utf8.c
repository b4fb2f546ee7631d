/*
 * Unit tests: UTF-8 decoding and validation, charset guessing, terminal
 * escapes and the cleaning of display lines and multi-line text.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "buf.h"
#include "utf8.h"

static void
test_decode(void **state)
{
	uint32_t	c;

	assert_int_equal(utf8_decode("A", 1, &c), 1);
	assert_int_equal(c, 'A');
	assert_int_equal(utf8_decode("\xc3\xa9", 2, &c), 2);
	assert_int_equal(c, 0xe9);
	assert_int_equal(utf8_decode("\xe2\x80\x9c", 3, &c), 3);
	assert_int_equal(c, 0x201c);
	assert_int_equal(utf8_decode("\xf0\x9f\x98\x80", 4, &c), 4);
	assert_int_equal(c, 0x1f600);
	/* overlong, surrogate, truncated, stray continuation */
	assert_int_equal(utf8_decode("\xc0\xaf", 2, &c), 1);
	assert_int_equal(c, 0xfffd);
	assert_int_equal(utf8_decode("\xed\xa0\x80", 3, &c), 1);
	assert_int_equal(c, 0xfffd);
	assert_int_equal(utf8_decode("\xe2\x80", 2, &c), 1);
	assert_int_equal(c, 0xfffd);
	assert_int_equal(utf8_decode("\x80", 1, &c), 1);
	assert_int_equal(c, 0xfffd);
}

static void
test_encode(void **state)
{
	struct buf	b;

	buf_init(&b);
	utf8_encode(&b, 0xe9);
	utf8_encode(&b, 0x201d);
	utf8_encode(&b, 0x1f600);
	utf8_encode(&b, 0xd800);	/* a surrogate is not a character */
	assert_string_equal(b.data, "\xc3\xa9\xe2\x80\x9d\xf0\x9f\x98\x80"
	    "\xef\xbf\xbd");
	buf_free(&b);
}

static void
test_normalize(void **state)
{
	char	*s;
	size_t	 n;

	/* valid UTF-8 with a BOM: BOM dropped, rest kept */
	s = utf8_normalize("\xef\xbb\xbf" "caf\xc3\xa9", 8, &n);
	assert_string_equal(s, "caf\xc3\xa9");
	assert_int_equal(n, 5);
	free(s);
	/* Windows-1252: curly quotes and e-acute */
	s = utf8_normalize("\x93Oui,\x94 dit l\x92\xe9t\xe9", 17, &n);
	assert_string_equal(s, "\xe2\x80\x9cOui,\xe2\x80\x9d dit l"
	    "\xe2\x80\x99\xc3\xa9t\xc3\xa9");
	free(s);
	/* mostly UTF-8 with one broken byte: replacement character */
	s = utf8_normalize("caf\xc3\xa9 \xff ok", 10, &n);
	assert_string_equal(s, "caf\xc3\xa9 \xef\xbf\xbd ok");
	free(s);
}

static void
test_clean_line(void **state)
{
	const char	 in[] = "  \x1b[31mRed\x1b]0;title\x07  \t\n"
	    "line\xc2\x9b" "2J \xe2\x80\xae" "evil\x7f ";
	char		*s;

	s = utf8_clean_line(in, sizeof in - 1);
	/* ESC, BEL, DEL, C1 CSI and U+202E are gone; whitespace is one */
	assert_null(strchr(s, '\x1b'));
	assert_null(strchr(s, '\x07'));
	assert_null(strstr(s, "\xc2\x9b"));
	assert_null(strstr(s, "\xe2\x80\xae"));
	assert_string_equal(s, "Red line evil");
	free(s);
	/* an unterminated OSC drops only its introducer */
	s = utf8_clean_line("\x1b]0;keep me", 11);
	assert_string_equal(s, "0;keep me");
	free(s);
	s = utf8_clean_line("a\x1b", 2);
	assert_string_equal(s, "a");
	free(s);
	s = utf8_clean_line("", 0);
	assert_string_equal(s, "");
	free(s);
	s = utf8_clean_line("a\xa0\xa0" "b", 4);	/* broken bytes */
	assert_string_equal(s, "a\xef\xbf\xbd\xef\xbf\xbd" "b");
	free(s);
}

static void
test_unsafe(void **state)
{
	assert_true(utf8_is_unsafe(0x1b));
	assert_true(utf8_is_unsafe(0x9b));
	assert_true(utf8_is_unsafe(0x202e));
	assert_true(utf8_is_unsafe(0x2066));
	assert_false(utf8_is_unsafe('a'));
	assert_false(utf8_is_unsafe(0x201c));
	assert_false(utf8_is_unsafe(0x0627));	/* Arabic letters are fine */
}

/* refs(in): utf8_drop_escape_refs on in, or "=" if nothing went. */
static void
assert_refs(const char *in, const char *want)
{
	char	*out;
	size_t	 len = 0;

	out = utf8_drop_escape_refs(in, strlen(in), &len);
	if (strcmp(want, "=") == 0) {
		if (out != NULL)
			fail_msg("changed %s to %s", in, out);
		return;
	}
	if (out == NULL)
		fail_msg("unchanged: %s", in);
	assert_int_equal(len, strlen(out));
	assert_string_equal(out, want);
	free(out);
}

static void
test_escape_refs(void **state)
{
	(void)state;
	assert_refs("a &#27;[31mred&#x1B;[0m b", "a red b");
	assert_refs("&#x1b;]0;title&#7;T", "T");
	assert_refs("&#27;]52;c;SGVsbG8=&#x07;x", "x");
	assert_refs("&#27;]2;t&#27;\\x", "x");
	/* An ESC of another kind goes alone, in the parser, as before. */
	assert_refs("Para&#27;graph", "=");
	/* Markup is never eaten: a quote, a tag. */
	assert_refs("<a t=\"x&#27;[\">y</a>", "<a t=\"x\">y</a>");
	assert_refs("&#27;[12<b>", "<b>");
	/* A string sequence without its end: only the introducer. */
	assert_refs("&#27;]0;no end <b>", "0;no end <b>");
	/* Other references stay. */
	assert_refs("&#38;&#x26;&amp; &#7; &#27", "=");
	assert_refs("", "=");
}

/* Invalid sequences and multi-byte characters, past the 8-byte ASCII steps. */
static void
test_stats(void **state)
{
	size_t	invalid = 99, multi = 99;

	(void)state;
	utf8_stats("abcdefgh\xc3\xa9\xff" "12345678\xe2\x80\x9c", 22,
	    &invalid, &multi);
	assert_int_equal(invalid, 1);
	assert_int_equal(multi, 2);
	utf8_stats("", 0, &invalid, &multi);
	assert_int_equal(invalid, 0);
	assert_int_equal(multi, 0);
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid("caf\xc3\xa9", 5));
	assert_true(utf8_valid("\xf0\x9f\x98\x80", 4));
	assert_false(utf8_valid("caf\xc3", 4));		/* cut short */
	assert_false(utf8_valid("\xc0\xaf", 2));		/* overlong */
	assert_false(utf8_valid("0123456789abcdef\x80", 17));
	/* the length is what counts, not a NUL */
	assert_true(utf8_valid("ok\xff", 2));
}

static void
test_cp1252(void **state)
{
	char	*s;
	size_t	 n = 0;

	(void)state;
	/* euro, an undefined byte, Y diaeresis, no-break space, y diaeresis */
	s = utf8_from_cp1252("\x80 \x81 \x9f \xa0\xff.", 9, &n);
	assert_string_equal(s, "\xe2\x82\xac \xef\xbf\xbd \xc5\xb8 "
	    "\xc2\xa0\xc3\xbf.");
	assert_int_equal(n, strlen(s));
	free(s);
	s = utf8_from_cp1252("", 0, NULL);
	assert_string_equal(s, "");
	free(s);
}

static void
test_space(void **state)
{
	static const uint32_t	yes[] = { ' ', '\t', '\n', '\r', '\f', '\v',
	    0x85, 0xa0, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f,
	    0x205f, 0x3000 };
	static const uint32_t	no[] = { 'a', 0, 0x1b, 0x200b, 0x200d,
	    0x2060, 0xfeff, 0x202e };
	size_t			i;

	(void)state;
	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (!utf8_is_space(yes[i]))
			fail_msg("U+%04X is not a space", (unsigned)yes[i]);
	for (i = 0; i < sizeof no / sizeof no[0]; i++)
		if (utf8_is_space(no[i]))
			fail_msg("U+%04X is a space", (unsigned)no[i]);
}

static void
test_escape_len(void **state)
{
	static const struct {
		const char	*in;
		size_t		 len, want;
	} c[] = {
		{ "\x1b[31mX", 6, 5 },			/* CSI and its final */
		{ "\x1b[1;2;3HX", 9, 8 },
		{ "\x1b[31\x01", 5, 2 },		/* not a CSI at all */
		{ "\x1b]0;t\x07x", 7, 6 },		/* OSC ended by BEL */
		{ "\x1b]0;t\x1b\\x", 8, 7 },		/* ... by ESC \\ */
		{ "\x1bP1\xc2\x9cx", 6, 5 },		/* DCS ended by C1 ST */
		{ "\xc2\x9b" "31mX", 6, 5 },		/* C1 CSI */
		{ "\xc2\x9d" "0;t\x07", 6, 6 },	/* C1 OSC */
		{ "\x1b(B", 3, 2 },			/* two-byte sequence */
		{ "\x1b\x01", 2, 1 },			/* ESC alone */
		{ "\x1b", 1, 1 },
		{ "a", 1, 0 },
		{ "\xc2\xa9", 2, 0 },			/* a character */
		{ "\xc2", 1, 0 },
	};
	char	long_osc[600];
	size_t	i, n;

	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		n = utf8_escape_len(c[i].in, c[i].len);
		if (n != c[i].want)
			fail_msg("case %zu: %zu, wanted %zu", i, n, c[i].want);
	}
	/* no end in the next 512 bytes: only the introducer goes */
	memset(long_osc, 'x', sizeof long_osc);
	memcpy(long_osc, "\x1b]0;", 4);
	long_osc[sizeof long_osc - 1] = '\x07';
	assert_int_equal(utf8_escape_len(long_osc, sizeof long_osc), 2);
	assert_int_equal(utf8_escape_len(long_osc, 100), 2);
	long_osc[513] = '\x07';
	assert_int_equal(utf8_escape_len(long_osc, sizeof long_osc), 514);
}

static void
test_clean_text(void **state)
{
	static const char	 in[] = "a\r\nb\rc\n\td\x1b[1m\x07" "e"
	    "\xe2\x80\xae\xff\f\v  f\x7f";
	char			*s;
	size_t			 n = 0;

	(void)state;
	s = utf8_clean_text(in, sizeof in - 1, &n);
	/* line ends made "\n", tabs and spaces kept, the unsafe gone */
	assert_string_equal(s, "a\nb\nc\n\tde\xef\xbf\xbd\f\v  f");
	assert_int_equal(n, strlen(s));
	free(s);
	s = utf8_clean_text("\r", 1, NULL);
	assert_string_equal(s, "\n");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_clean_line),
		cmocka_unit_test(test_unsafe),
		cmocka_unit_test(test_escape_refs),
		cmocka_unit_test(test_stats),
		cmocka_unit_test(test_cp1252),
		cmocka_unit_test(test_space),
		cmocka_unit_test(test_escape_len),
		cmocka_unit_test(test_clean_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
