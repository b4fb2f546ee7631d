/* Tests for import_markdown_parse, reading tests/fixtures/markdown. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "article.h"
#include "buf.h"
#include "import.h"
#include "test-util.h"
#include "xmalloc.h"
#include "banned.h"

/* Read a Markdown fixture (exact size, no NUL after it). */
static char *
fixture(const char *name, size_t *len)
{
	return test_fixture("markdown", name, len);
}

/* Parse a string that must import; the copy has no NUL after it. */
static void
parse_string_ok(const char *s, size_t len, struct article *a)
{
	char	*copy, *err = NULL;

	copy = xmalloc(len > 0 ? len : 1);
	memcpy(copy, s, len);
	article_init(a);
	if (import_markdown_parse(copy, len, a, &err) != 0)
		fail_msg("\"%.40s...\": %s", s, err);
	free(copy);
}

/* Parse a fixture that must import. */
static void
parse_ok(const char *name, struct article *a)
{
	char	*data;
	size_t	 len;

	data = fixture(name, &len);
	parse_string_ok(data, len, a);
	free(data);
}

/* Parse a fixture that must fail; returns the reason. */
static char *
parse_fail(const char *name)
{
	struct article	 a;
	char		*data, *err = NULL;
	size_t		 len;

	data = fixture(name, &len);
	article_init(&a);
	assert_int_equal(import_markdown_parse(data, len, &a, &err), -1);
	assert_non_null(err);
	article_free(&a);
	free(data);
	return err;
}

/* Every field of the front matter, and Markdown of most kinds. */
static void
test_full(void **state)
{
	struct article	a;

	(void)state;
	parse_ok("full.md", &a);
	assert_string_equal(a.title,
	    "Estmark and Valdoria sign Sarn water accord");
	assert_string_equal(a.outlet, "The Kestrel Ledger");
	assert_string_equal(a.url,
	    "https://kestrelledger.example/world/sarn-accord");
	assert_string_equal(a.published, "2024-07-02T16:45:00+02:00");
	assert_string_equal(a.byline, "Mira Castell");
	assert_string_equal(a.lead, "After ten years of talks, the two "
	    "neighbours agree on a minimum flow for the river.");
	assert_int_equal(a.ntags, 3);
	assert_string_equal(a.tags[0], "water-rights");
	assert_string_equal(a.tags[1], "estmark");
	assert_string_equal(a.tags[2], "valdoria");
	assert_int_equal(a.ncaptions, 0);
	/* The leading "# Title" repeats the front matter's and goes. */
	assert_int_equal(a.nsubheadings, 1);
	test_assert_subheading(&a, 0, "What the accord says");
	assert_string_equal(a.body,
	    "The governments of Estmark and Valdoria signed an accord on the "
	    "Sarn river on Tuesday, ending a dispute that began in 2014.\n\n"
	    "What the accord says\n\n"
	    "\"This is a good day for both our peoples,\" said Foreign "
	    "Minister Odile Barrant of Valdoria.\n\n"
	    "a joint monitoring commission\n\n"
	    "a guaranteed minimum flow of 40 cubic metres a second\n\n"
	    "compensation for farmers, paid by the regional fund\n\n"
	    "Read the full text or see the RWC site. Words_with_underscores "
	    "stay, as does 2 * 3 * 4 and a *literal* star and code *here*.\n\n"
	    "flow >= 40 m3/s\n\n"
	    "review: 2029\n\n"
	    "Advertisement");
	article_free(&a);
}

/* Tags as a comma-separated string; the other names of the keys. */
static void
test_tags_string(void **state)
{
	struct article	a;

	(void)state;
	parse_ok("tags-string.md", &a);
	assert_string_equal(a.title, "Norvane holds snap election");
	assert_string_equal(a.outlet, "Norvane Daily Wire");
	assert_string_equal(a.url, "https://norvanewire.example/election");
	assert_string_equal(a.published, "2024-03-03");
	assert_string_equal(a.byline, "Petra Solberg");
	assert_string_equal(a.lead, "Voters head to the polls two years early.");
	assert_int_equal(a.ntags, 3);
	assert_string_equal(a.tags[0], "elections");
	assert_string_equal(a.tags[1], "norvane");
	assert_string_equal(a.tags[2], "harbour-party");
	assert_string_equal(a.body, "Prime Minister Anselm Drury called the "
	    "vote after losing a confidence motion.");
	article_free(&a);
}

/* No front matter: the leading heading is the title. */
static void
test_no_front_matter(void **state)
{
	struct article	a;

	(void)state;
	parse_ok("no-front-matter.md", &a);
	assert_string_equal(a.title, "Lindholm court frees opposition leader");
	assert_null(a.outlet);
	assert_null(a.published);
	assert_int_equal(a.nsubheadings, 1);
	test_assert_subheading(&a, 0, "Reaction");
	assert_string_equal(a.body, "Karel Wend was freed on bail on Friday, "
	    "his lawyer said.\n\nReaction\n\nSupporters cheered outside the "
	    "court.");
	article_free(&a);
}

/* No front matter and no heading: the first line is the title. */
static void
test_first_line(void **state)
{
	struct article	a;

	(void)state;
	parse_ok("first-line.md", &a);
	assert_string_equal(a.title, "Valdoria raises fuel prices");
	assert_int_equal(a.nsubheadings, 1);
	test_assert_subheading(&a, 0, "Protests planned");
	assert_string_equal(a.body, "The energy ministry in Kestrel raised "
	    "fuel prices by 12 percent on Monday.\n\nProtests planned\n\n"
	    "Unions said they would march on Thursday.");
	article_free(&a);
}

/* The first line of a paragraph is the title; the paragraph stays. */
static void
test_first_line_of_paragraph(void **state)
{
	struct article	 a;
	const char	*md;

	(void)state;
	md = "Norvane *recalls* envoy\nfrom Lindholm after talks fail.\n\n"
	    "Second paragraph.\n";
	parse_string_ok(md, strlen(md), &a);
	assert_string_equal(a.title, "Norvane recalls envoy");
	assert_string_equal(a.body, "Norvane recalls envoy from Lindholm "
	    "after talks fail.\n\nSecond paragraph.");
	article_free(&a);

	/* Front matter without a title, and no heading. */
	md = "---\nsource: Wire\n---\n\nOne line only.\n\nText.\n";
	parse_string_ok(md, strlen(md), &a);
	assert_string_equal(a.title, "One line only.");
	assert_string_equal(a.outlet, "Wire");
	assert_string_equal(a.body, "Text.");
	article_free(&a);
}

/* Images and the italic lines under them are captions. */
static void
test_images(void **state)
{
	struct article	a;

	(void)state;
	parse_ok("images.md", &a);
	assert_string_equal(a.title, "Floods in the Orrin valley");
	assert_string_equal(a.outlet, "Valdoria Today");
	assert_string_equal(a.published, "2024-09-03");
	assert_string_equal(a.byline, "Anika Lorre, Henrik Dahl and Jo Varga");
	assert_int_equal(a.ncaptions, 3);
	assert_string_equal(a.captions[0], "Residents wade through a flooded "
	    "street in Orrin on Monday.");
	assert_string_equal(a.captions[1], "Map of the Orrin valley");
	assert_string_equal(a.captions[2], "A rescue boat on the Orrin river.");
	assert_string_equal(a.body, "Heavy rain has forced more than 12,000 "
	    "people from their homes.\n\nThe interior ministry said rescue "
	    "teams had reached every village.");
	article_free(&a);
}

/* Malformed or unclosed front matter is refused with a clear reason. */
static void
test_malformed(void **state)
{
	char	*err;

	(void)state;
	err = parse_fail("malformed.md");
	assert_string_equal(err, "front matter is not valid YAML: found "
	    "unexpected end of stream at line 4");
	free(err);
	err = parse_fail("unclosed.md");
	assert_string_equal(err, "front matter has no closing '---' line");
	free(err);
}

/* Dates as people write them in front matter. */
static void
test_dates(void **state)
{
	static const char *const dates[][2] = {
		{ "2024-07-02", "2024-07-02" },
		{ "2024-07-02T09:15:00Z", "2024-07-02T09:15:00Z" },
		{ "2024-07-02 09:15:00", "2024-07-02T09:15:00" },
		{ "\"July 2, 2024\"", "2024-07-02" },
		{ "2 July 2024", "2024-07-02" },
		{ "Tue, 02 Jul 2024 09:15:00 GMT", "2024-07-02T09:15:00Z" },
		{ "2024/07/02", "2024-07-02" },
		{ "someday soon", NULL },
	};
	struct article	 a;
	char		*md;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		xasprintf(&md, "---\ntitle: T\ndate: %s\n---\nText.\n",
		    dates[i][0]);
		parse_string_ok(md, strlen(md), &a);
		if (dates[i][1] == NULL)
			assert_null(a.published);
		else {
			if (a.published == NULL)
				fail_msg("%s gave no date", dates[i][0]);
			assert_string_equal(a.published, dates[i][1]);
		}
		article_free(&a);
		free(md);
	}
}

/* Front matter the reader must survive. */
static void
test_hostile_front_matter(void **state)
{
	struct article	 a;
	struct buf	 b;
	const char	*md;
	char		*err = NULL;
	size_t		 i;

	(void)state;
	/* Aliases, nesting, a list at the top: no crash, no fields. */
	md = "---\nx: &a [1, 2]\ntitle: *a\ntags: *a\n---\n# Heading\n\n"
	    "Text.\n";
	parse_string_ok(md, strlen(md), &a);
	assert_string_equal(a.title, "Heading");
	assert_int_equal(a.ntags, 0);
	assert_string_equal(a.body, "Text.");
	article_free(&a);

	md = "---\n- title\n- Not a title\n---\n# Heading\n";
	parse_string_ok(md, strlen(md), &a);
	assert_string_equal(a.title, "Heading");
	article_free(&a);

	/* Deeply nested flow collections. */
	buf_init(&b);
	buf_adds(&b, "---\nx: ");
	for (i = 0; i < 20000; i++)
		buf_addc(&b, '[');
	for (i = 0; i < 20000; i++)
		buf_addc(&b, ']');
	buf_adds(&b, "\ntitle: Deep\n---\nText.\n");
	article_init(&a);
	(void)import_markdown_parse(b.data, b.len, &a, &err);
	free(err);
	err = NULL;
	article_free(&a);
	buf_free(&b);

	/* More than 64 KiB of front matter. */
	buf_init(&b);
	buf_adds(&b, "---\ntitle: Big\n");
	for (i = 0; i < 7000; i++)
		buf_adds(&b, "padding: 0123456789\n");
	buf_adds(&b, "---\nText.\n");
	article_init(&a);
	assert_int_equal(import_markdown_parse(b.data, b.len, &a, &err), -1);
	assert_string_equal(err, "front matter is larger than 64 KiB");
	free(err);
	article_free(&a);
	buf_free(&b);
}

/* Markdown built to make a naive reader quadratic or crash. */
static void
test_hostile_markdown(void **state)
{
	static const char *const units[] = {
		"[", "![", "*a ", "_a ", "<a", "`` ", "](", "\\", "> ", "- "
	};
	struct article	 a;
	struct buf	 b;
	char		*err = NULL;
	size_t		 i, j;

	(void)state;
	for (j = 0; j < sizeof units / sizeof units[0]; j++) {
		buf_init(&b);
		buf_adds(&b, "# Title\n\n");
		for (i = 0; i < 200000; i++)
			buf_adds(&b, units[j]);
		article_init(&a);
		assert_int_equal(import_markdown_parse(b.data, b.len, &a,
		    &err), 0);
		assert_string_equal(a.title, "Title");
		article_free(&a);
		buf_free(&b);
	}
}

/* Inline Markdown in one paragraph. */
static void
test_inline(void **state)
{
	static const char *const cases[][2] = {
		{ "**bold** and __strong__ and *em* and _em_",
		  "bold and strong and em and em" },
		{ "***both*** and snake_case_name and 3 * 4 * 5",
		  "both and snake_case_name and 3 * 4 * 5" },
		{ "an *unpaired star and a_b",
		  "an *unpaired star and a_b" },
		{ "[link *text*](http://x.example/a_(b)) after",
		  "link text after" },
		{ "see <https://norvanewire.example> now",
		  "see https://norvanewire.example now" },
		{ "<span class=\"x\">kept</span> <!-- gone --> text",
		  "kept text" },
		{ "`a **b** c` and \\_d\\_", "a **b** c and _d_" },
	};
	struct article	 a;
	char		*md;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		xasprintf(&md, "# T\n\n%s\n", cases[i][0]);
		parse_string_ok(md, strlen(md), &a);
		assert_string_equal(a.body, cases[i][1]);
		article_free(&a);
		free(md);
	}
}

/* Nothing to import. */
static void
test_empty(void **state)
{
	struct article	 a;
	char		*err = NULL;

	(void)state;
	article_init(&a);
	assert_int_equal(import_markdown_parse("\n\n  \n", 5, &a, &err), -1);
	assert_non_null(err);
	free(err);
	article_free(&a);
}

/* Inline links are kept with their text; images and titles are not links. */
static void
test_links(void **state)
{
	const char	 md[] = "---\ntitle: Links\n---\n\n"
	    "Read the [full report](https://gov.example/r.pdf \"PDF\") and "
	    "[the *annex*](<https://gov.example/annex>).\n\n"
	    "![A map](https://img.example/map.png)\n\n"
	    "A [relative one](/local) is not kept.\n";
	struct article	 a;

	(void)state;
	parse_string_ok(md, sizeof md - 1, &a);
	assert_int_equal(a.nlinks, 2);
	assert_string_equal(a.links[0].url, "https://gov.example/r.pdf");
	assert_string_equal(a.links[0].text, "full report");
	assert_string_equal(a.links[1].url, "https://gov.example/annex");
	assert_string_equal(a.links[1].text, "the *annex*");
	article_free(&a);
}

/* Run the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_tags_string),
		cmocka_unit_test(test_no_front_matter),
		cmocka_unit_test(test_first_line),
		cmocka_unit_test(test_first_line_of_paragraph),
		cmocka_unit_test(test_images),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_hostile_front_matter),
		cmocka_unit_test(test_hostile_markdown),
		cmocka_unit_test(test_inline),
		cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
