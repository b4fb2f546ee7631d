/*
 * Unit tests: the article struct's setters keep text clean, and a lead
 * that only repeats the body is known as such.
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

#include "article.h"

static void
test_paragraphs(void **state)
{
	struct article	a;

	article_init(&a);
	assert_int_equal(article_add_paragraph(&a, "First  line\nwrapped.",
	    20, 0), 1);
	assert_int_equal(article_add_paragraph(&a, " \t\n", 3, 0), 0);
	assert_int_equal(article_add_paragraph(&a, "A subheading", 12, 1), 1);
	assert_int_equal(article_add_paragraph(&a, "Last.", 5, 0), 1);
	assert_string_equal(a.body,
	    "First line wrapped.\n\nA subheading\n\nLast.");
	assert_int_equal(a.body_len, strlen(a.body));
	assert_int_equal(a.nsubheadings, 1);
	assert_int_equal(a.subheadings[0].start, 21);
	assert_int_equal(a.subheadings[0].end, 33);
	article_free(&a);
	assert_null(a.body);
}

static void
test_fields(void **state)
{
	struct article	a;

	article_init(&a);
	article_set(&a.title, "\x1b[2JHeadline\r\n here", 19);
	assert_string_equal(a.title, "Headline here");
	article_set(&a.title, "   ", 3);
	assert_null(a.title);
	article_set(&a.byline, NULL, 0);
	assert_null(a.byline);
	article_free(&a);
}

static void
test_captions_and_tags(void **state)
{
	struct article	 a;
	char		*t;
	char		 longtag[200];

	article_init(&a);
	article_add_caption(&a, "A caption", 9);
	article_add_caption(&a, "A  caption", 10);	/* same after cleaning */
	article_add_caption(&a, "Another", 7);
	assert_int_equal(a.ncaptions, 2);
	article_add_tag(&a, "#Iran Russia", 12);
	article_add_tag(&a, "iran-russia", 11);
	article_add_tag(&a, "  ", 2);
	assert_int_equal(a.ntags, 1);
	assert_string_equal(a.tags[0], "iran-russia");
	article_free(&a);

	/* a long tag is cut on a character boundary */
	memset(longtag, 'a', sizeof longtag);
	memcpy(longtag + 63, "\xc3\xa9", 2);
	t = article_tag_normalize(longtag, sizeof longtag);
	assert_int_equal(strlen(t), 63);
	free(t);
	assert_null(article_tag_normalize("###", 3));
}

static void
test_links(void **state)
{
	struct article	a;
	char		url[64];
	int		i;

	article_init(&a);
	assert_int_equal(article_add_link(&a, "https://a.example/x", 19,
	    "the \x1b[31mreport", 15), 1);
	assert_string_equal(a.links[0].text, "the report");
	/* the same address again, other schemes, spaces: not kept */
	assert_int_equal(article_add_link(&a, "https://a.example/x", 19,
	    "again", 5), 0);
	assert_int_equal(article_add_link(&a, "javascript:alert(1)", 19,
	    NULL, 0), 0);
	assert_int_equal(article_add_link(&a, "/relative", 9, NULL, 0), 0);
	assert_int_equal(article_add_link(&a, "http://a b", 10, NULL, 0), 0);
	assert_int_equal(article_add_link(&a, "HTTP://B.EXAMPLE", 16, "", 0),
	    1);
	assert_null(a.links[1].text);
	/* a page of links keeps at most ARTICLE_MAX_LINKS */
	for (i = 0; i < ARTICLE_MAX_LINKS + 50; i++) {
		snprintf(url, sizeof url, "https://c.example/%d", i);
		article_add_link(&a, url, strlen(url), NULL, 0);
	}
	assert_int_equal(a.nlinks, ARTICLE_MAX_LINKS);
	article_free(&a);
	assert_null(a.links);
}

/* Does lead repeat the start of the paragraphs (joined by "\n\n")? */
static int
lead_repeated(const char *lead, const char *const *paras, size_t n)
{
	struct article	a;
	size_t		i;
	int		rv;

	article_init(&a);
	if (lead != NULL)
		article_set(&a.lead, lead, strlen(lead));
	for (i = 0; i < n; i++)
		article_add_paragraph(&a, paras[i], strlen(paras[i]), 0);
	rv = article_lead_repeated(&a);
	article_free(&a);
	return rv;
}

static void
test_lead_repeated(void **state)
{
	static const char *const one[] = {
	    "\xe2\x80\x9cWe will not yield,\xe2\x80\x9d the minister said "
	    "on Tuesday \xe2\x80\x94 and the sites were full." };
	static const char *const four[] = { "Brenmark closed its border.",
	    "Second paragraph.", "Velmark\xe2\x80\x99s reply came late.",
	    "A fourth paragraph is never looked at." };

	(void)state;
	/* the whole paragraph, quotes, dashes and case made plain */
	assert_true(lead_repeated("\"we will not yield,\" THE MINISTER said "
	    "on Tuesday - and the sites were full.", one, 1));
	/* cut short with an ellipsis, or with no full stop past 30 bytes */
	assert_true(lead_repeated("\xe2\x80\x9cWe will not yield,\xe2\x80"
	    "\x9d the minister\xe2\x80\xa6", one, 1));
	assert_true(lead_repeated("\"We will not yield,\" the minister said",
	    one, 1));
	/* too short to stand for the paragraph, or cut inside a word */
	assert_false(lead_repeated("\"We will not yield", one, 1));
	assert_false(lead_repeated("\"We will not yield,\" the minister sa",
	    one, 1));
	/* a sentence of its own that only begins the paragraph: a summary */
	assert_false(lead_repeated("\"We will not yield,\" the minister said "
	    "on Tuesday.", one, 1));
	/* the first three paragraphs only */
	assert_true(lead_repeated("Velmark's reply came late.", four, 4));
	assert_false(lead_repeated("A fourth paragraph is never looked at.",
	    four, 4));
	assert_false(lead_repeated(NULL, four, 4));
	assert_false(lead_repeated("Brenmark closed its border.", NULL, 0));
	assert_false(lead_repeated("...", four, 4));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paragraphs),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_captions_and_tags),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_lead_repeated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
