/* Unit tests: start tags cut to a bounded number of attributes (markup.c). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "markup.h"

/* s cut to max attributes a tag (html or not); "=" if nothing was cut. */
static void
assert_cut(const char *s, size_t max, int html, const char *want)
{
	char	*out;
	size_t	 len = 0;

	out = markup_cut_attrs(s, strlen(s), max, html, &len);
	if (strcmp(want, "=") == 0) {
		if (out != NULL)
			fail_msg("cut %s to %s", s, out);
		return;
	}
	if (out == NULL)
		fail_msg("not cut: %s", s);
	assert_int_equal(len, strlen(out));
	assert_string_equal(out, want);
	free(out);
}

static void
test_within(void **state)
{
	(void)state;
	assert_cut("<a x=\"1\" y='2'>t</a>", 2, 0, "=");
	assert_cut("<a x y z>t</a>", 3, 1, "=");
	assert_cut("", 2, 0, "=");
	assert_cut("no markup at all", 0, 0, "=");
	assert_cut("<a>t</a><b/>", 0, 0, "=");
}

static void
test_past(void **state)
{
	(void)state;
	assert_cut("<a x=\"1\" y='2' z=\"3\">t</a>", 2, 0,
	    "<a x=\"1\" y='2' >t</a>");
	assert_cut("<link a=\"1\" b=\"2\" href=\"h\"/>", 1, 0,
	    "<link a=\"1\" />");
	/* HTML's attributes without a value count too. */
	assert_cut("<p a b c d>text</p>", 2, 1, "<p a b >text</p>");
	/* Namespace declarations are attributes. */
	assert_cut("<e xmlns:a=\"u\" xmlns:b=\"v\">", 1, 0,
	    "<e xmlns:a=\"u\" >");
	/* Each tag on its own; the text between is kept. */
	assert_cut("<a x=1 y=2>one</a><b x=1>two</b><c x=1 y=2 z=3>", 1, 1,
	    "<a x=1 >one</a><b x=1>two</b><c x=1 >");
}

static void
test_values(void **state)
{
	(void)state;
	/* '>' and '=' inside a quoted value are the value's. */
	assert_cut("<a x=\"1 > 0\" y=\"a=b c=d\">t", 2, 0, "=");
	assert_cut("<a x=\"1 > 0\" y=\"a=b\" z=\"q\">t", 2, 0,
	    "<a x=\"1 > 0\" y=\"a=b\" >t");
	/* A value's words are not attributes. */
	assert_cut("<a title=\"one two three four\">", 1, 0, "=");
	/* An unquoted value ends at a blank. */
	assert_cut("<a x=1 y=2 z=3>", 2, 1, "<a x=1 y=2 >");
}

static void
test_verbatim(void **state)
{
	(void)state;
	/* Comments, CDATA and processing instructions are not tags. */
	assert_cut("<!-- <a x y z> --><b/>", 1, 1, "=");
	assert_cut("<![CDATA[<a x=1 y=2 z=3>]]>", 1, 0, "=");
	assert_cut("<?pi a=1 b=2 c=3?><r/>", 1, 0, "=");
	/* In HTML, script and style hold text. */
	assert_cut("<script>if (a<b && c=d && e=f) x=1;</script><p a b>", 1,
	    1, "<script>if (a<b && c=d && e=f) x=1;</script><p a >");
	assert_cut("<STYLE>a<b c d e{}</style>", 1, 1, "=");
	/* A '<' that opens no tag is text. */
	assert_cut("1 < 2 and <3 x y>", 0, 1, "=");
}

static void
test_unterminated(void **state)
{
	(void)state;
	/* A tag or a quote that never ends costs one pass. */
	assert_cut("<a x=1 y=2 z=3", 2, 1, "<a x=1 y=2 >");
	assert_cut("<a x=\"1 y=2 z=3 w=4", 0, 0, "<a >");
	assert_cut("<", 0, 0, "=");
	assert_cut("<a", 0, 0, "=");
}

static void
test_many(void **state)
{
	char	*s, *out;
	size_t	 i, n = 100000, len = 0, pos = 0;

	(void)state;
	s = malloc(n * 8 + 16);
	assert_non_null(s);
	pos += (size_t)snprintf(s, 8, "<p");
	for (i = 0; i < n; i++)
		pos += (size_t)snprintf(s + pos, 9, " a%zu", i % 100000);
	memcpy(s + pos, "/>x", 4);
	out = markup_cut_attrs(s, strlen(s), MARKUP_MAX_ATTRS, 0, &len);
	assert_non_null(out);
	assert_true(len < 1000);
	assert_string_equal(out + len - 3, "/>x");
	free(out);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_within),
		cmocka_unit_test(test_past),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_verbatim),
		cmocka_unit_test(test_unterminated),
		cmocka_unit_test(test_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
