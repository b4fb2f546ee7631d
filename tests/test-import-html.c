/* Tests for import_html_parse, reading pages from tests/fixtures/html. */
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
#include "utf8.h"
#include "test-util.h"
#include "xmalloc.h"
#include "banned.h"

/* Read an HTML fixture (exact size, no NUL after it). */
static char *
fixture(const char *name, size_t *len)
{
	return test_fixture("html", name, len);
}

/* Parse a fixture that must import. */
static void
parse_ok(const char *name, struct article *a)
{
	char	*data, *err = NULL;
	size_t	 len;

	data = fixture(name, &len);
	article_init(a);
	if (import_html_parse(data, len, a, &err) != 0)
		fail_msg("%s: %s", name, err);
	assert_null(err);
	free(data);
}

/* Is the string free of control characters, escapes and bidi overrides? */
static void
assert_safe(const char *s, int body)
{
	size_t		 i, n, len;
	uint32_t	 c;

	if (s == NULL)
		return;
	len = strlen(s);
	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &c);
		if (body && c == '\n')
			continue;
		if (utf8_is_unsafe(c))
			fail_msg("U+%04X in \"%s\"", (unsigned)c, s);
	}
	assert_null(strstr(s, "[31m"));
	assert_null(strstr(s, "]0;"));
}

/* A page with furniture around its <article>. */
static void
test_article_page(void **state)
{
	struct article	a;

	(void)state;
	parse_ok("article-full.html", &a);
	assert_string_equal(a.title,
	    "Valdoria recalls envoy over Sarn river dam dispute");
	assert_string_equal(a.outlet, "The Meridian Herald");
	assert_string_equal(a.byline, "Ilse Maren");
	assert_string_equal(a.published, "2024-03-14T09:30:00Z");
	assert_string_equal(a.url, "https://meridianherald.example/world/"
	    "2024/03/14/valdoria-envoy");
	assert_string_equal(a.lead, "The foreign ministry in Kestrel says "
	    "talks with Estmark have broken down.");
	assert_int_equal(test_body_paragraphs(&a), 10);
	test_assert_paragraph(&a, 0, "The Republic of Valdoria has recalled its "
	    "ambassador to Estmark after talks over the Sarn river dam "
	    "collapsed on Wednesday, the foreign ministry in Kestrel said.");
	test_assert_paragraph(&a, 1, "Foreign Minister Odile Barrant told "
	    "reporters that Estmark had \xe2\x80\x9cwalked away from every "
	    "reasonable offer\xe2\x80\x9d and that Valdoria would take the "
	    "matter to the Regional Water Council.");
	assert_int_equal(a.nsubheadings, 1);
	test_assert_subheading(&a, 0, "A decade of talks");
	test_assert_paragraph(&a, 2, "A decade of talks");
	/* <br> is a space; a block after it is a new paragraph. */
	test_assert_paragraph(&a, 3, "Negotiations over the dam began in 2014, "
	    "when Estmark announced plans to flood the upper valley. Valdoria "
	    "says the project would halve the river's flow downstream.");
	test_assert_paragraph(&a, 4, "We will not let our farms go dry, said "
	    "Deputy Minister Tomas Ferrel.");
	test_assert_paragraph(&a, 6, "a joint monitoring commission,");
	test_assert_paragraph(&a, 9, "Estmark's government did not respond to a "
	    "request for comment.");
	assert_null(strstr(a.body, "cookie"));
	assert_null(strstr(a.body, "Advertisement"));
	assert_null(strstr(a.body, "hidden"));
	assert_null(strstr(a.body, "Neither"));
	assert_null(strstr(a.body, "comment that"));
	assert_null(strstr(a.body, "Related"));
	assert_null(strstr(a.body, "Share"));
	assert_null(strstr(a.body, "Sign up"));
	assert_null(strstr(a.body, "Copyright"));
	assert_null(strstr(a.body, "pageview"));
	assert_null(strstr(a.body, "Diplomatic Correspondent"));
	assert_int_equal(a.ncaptions, 0);
	article_free(&a);
}

/* A page without <article> or <main>: the text is found by scoring. */
static void
test_scoring(void **state)
{
	struct article	a;

	(void)state;
	parse_ok("scoring.html", &a);
	/* <h1> beats <title>; the " - Outlet" suffix would have gone. */
	assert_string_equal(a.title,
	    "Norvane parliament approves border treaty");
	assert_string_equal(a.outlet, "Norvane Daily Wire");
	assert_string_equal(a.byline, "Petra Solberg");
	assert_string_equal(a.published, "2024-05-02");
	assert_null(a.url);
	assert_string_equal(a.lead, "Lawmakers in Port Adrel voted 212 to 94 "
	    "in favour of the treaty.");
	assert_int_equal(test_body_paragraphs(&a), 5);
	test_assert_paragraph(&a, 0, "The Norvane parliament on Thursday approved "
	    "a border treaty with the Republic of Valdoria, ending a dispute "
	    "that has lasted nearly forty years.");
	assert_int_equal(a.nsubheadings, 1);
	test_assert_subheading(&a, 0, "Opposition objects");
	test_assert_paragraph(&a, 4, "Prime Minister Anselm Drury said the treaty "
	    "was \"the best deal Norvane could get\" and that the villages "
	    "would keep their local councils.");
	assert_null(strstr(a.body, "Ferry"));
	assert_null(strstr(a.body, "Quay Street"));
	assert_null(strstr(a.body, "Politics"));
	article_free(&a);
}

/* Metadata from JSON-LD only, with a broken script before it. */
static void
test_jsonld(void **state)
{
	struct article	a;

	(void)state;
	parse_ok("jsonld.html", &a);
	assert_string_equal(a.title,
	    "Estmark central bank raises rates for the third time");
	assert_string_equal(a.outlet, "Kestrel Ledger");
	assert_string_equal(a.byline, "Mira Castell, Jon Aberly and Desk Staff");
	assert_string_equal(a.published, "2024-06-20T14:05:00+02:00");
	assert_string_equal(a.url, "https://kestrelledger.example/econ/rates");
	assert_string_equal(a.lead, "The bank cited stubborn food prices.");
	assert_int_equal(test_body_paragraphs(&a), 2);
	test_assert_paragraph(&a, 1, "Governor Lena Vos said inflation, which "
	    "reached 9.4 percent in May, was \"still far too high\" and that "
	    "further increases could not be ruled out.");
	article_free(&a);
}

/* Windows-1252 declared in a <meta charset>. */
static void
test_cp1252_declared(void **state)
{
	struct article	a;

	(void)state;
	parse_ok("cp1252-meta.html", &a);
	assert_string_equal(a.title,
	    "Caf\xc3\xa9 owners in Lindholm protest new tax");
	assert_int_equal(test_body_paragraphs(&a), 2);
	test_assert_paragraph(&a, 0, "\xe2\x80\x9cWe cannot survive this,\xe2\x80"
	    "\x9d said Ren\xc3\xa9" "e Vallin, who runs a caf\xc3\xa9 near the "
	    "harbour.");
	test_assert_paragraph(&a, 1, "The finance ministry says the levy will "
	    "raise \xe2\x82\xac 40 million a year.");
	article_free(&a);
}

/* No charset declared and bytes that are not UTF-8: Windows-1252. */
static void
test_cp1252_undeclared(void **state)
{
	struct article	a;

	(void)state;
	parse_ok("cp1252-none.html", &a);
	assert_string_equal(a.title, "Estmark minister resigns after "
	    "\xe2\x80\x9c" "caf\xc3\xa9 scandal\xe2\x80\x9d");
	assert_string_equal(a.body, "Transport Minister Andr\xc3\xa9 Pelt "
	    "resigned on Sunday, saying he had \xe2\x80\x9clost the trust\xe2"
	    "\x80\x9d of the cabinet.");
	article_free(&a);
}

/* Captions go apart from the body; a lead equal to paragraph 1 goes. */
static void
test_figure(void **state)
{
	struct article	a;

	(void)state;
	parse_ok("figure.html", &a);
	assert_string_equal(a.title,
	    "Floods displace thousands in eastern Valdoria");
	assert_string_equal(a.outlet, "Valdoria Today");
	assert_string_equal(a.byline, "Anika Lorre and Henrik Dahl");
	assert_string_equal(a.published, "2024-09-03");
	assert_null(a.lead);
	assert_int_equal(a.ncaptions, 2);
	assert_string_equal(a.captions[0], "Residents wade through a flooded "
	    "street in Orrin on Monday. Photo: V. Almar");
	assert_string_equal(a.captions[1], "The Orrin valley.");
	assert_string_equal(a.body, "Heavy rain has forced more than 12,000 "
	    "people from their homes in the Orrin valley.\n\nThe interior "
	    "ministry said rescue teams had reached every village by Tuesday "
	    "evening.");
	article_free(&a);
}

/*
 * A description that repeats an opening paragraph (other quotes, dashes
 * and spacing; cut short without an ellipsis) is not shown twice, and
 * reading-time lines are page furniture, not the story.
 */
static void
test_lead_once(void **state)
{
	struct article	a;

	(void)state;
	parse_ok("lead-repeat.html", &a);
	assert_string_equal(a.title, "Ports reopen after the strike");
	assert_null(a.lead);
	assert_int_equal(test_body_paragraphs(&a), 4);
	test_assert_paragraph(&a, 0, "Dockers in Port Adrel ended a nine-day strike "
	    "on Friday, saying the deal was \xe2\x80\x9c" "fair\xe2\x80\x9d "
	    "\xe2\x80\x93 for now.");
	test_assert_paragraph(&a, 2, "Shipping lines said the backlog of "
	    "containers, the 10-minute read-out of which the port authority "
	    "published on Saturday, would take a fortnight to clear.");
	assert_null(strstr(a.body, "min read"));
	assert_null(strstr(a.body, "5-minute read"));
	test_assert_paragraph(&a, 3, "The harbour master said the first ships "
	    "would be unloaded on Sunday morning, weather permitting, and "
	    "that night shifts would resume.");
	assert_null(strstr(a.body, "Reading time"));
	assert_null(strstr(a.body, "read time"));
	article_free(&a);

	parse_ok("lead-cut.html", &a);
	assert_null(a.lead);
	assert_int_equal(test_body_paragraphs(&a), 2);
	test_assert_paragraph(&a, 0, "Negotiators from Estmark and Valdoria met "
	    "again in Lindholm on Monday for the first time since the talks "
	    "broke down in March over water rights.");
	article_free(&a);
}

/* Unclosed and misnested tags still give the text. */
static void
test_malformed(void **state)
{
	struct article	a;

	(void)state;
	parse_ok("malformed.html", &a);
	assert_string_equal(a.title, "Estmark opposition leader freed on bail");
	assert_int_equal(test_body_paragraphs(&a), 4);
	test_assert_paragraph(&a, 1, "Wend, who leads the Free Estmark movement, "
	    "was arrested at a rally in the capital, Lindholm.");
	test_assert_paragraph(&a, 3, "Supporters gathered outside the courthouse");
	article_free(&a);
}

/* Check every field of a hostile page. */
static void
assert_article_safe(const struct article *a)
{
	size_t	i;

	assert_safe(a->title, 0);
	assert_safe(a->outlet, 0);
	assert_safe(a->byline, 0);
	assert_safe(a->published, 0);
	assert_safe(a->url, 0);
	assert_safe(a->lead, 0);
	assert_safe(a->body, 1);
	for (i = 0; i < a->ncaptions; i++)
		assert_safe(a->captions[i], 0);
}

/* Charsets libxml2 decodes, ones it does not know, and ISO-8859-1. */
static void
test_charsets(void **state)
{
	static const char *const pages[][2] = {
		{ "<html><head><meta charset=\"windows-1251\"><title>"
		  "\xcc\xee\xf1\xea\xe2\xe0</title></head></html>",
		  "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0" },
		{ "<html><head><meta charset=\"x-no-such-charset\"><title>"
		  "Caf\xe9 \x93x\x94</title></head></html>",
		  "Caf\xc3\xa9 \xe2\x80\x9cx\xe2\x80\x9d" },
		{ "<html><head><meta http-equiv=\"Content-Type\" content=\""
		  "text/html; charset=ISO-8859-1\"><title>Caf\xe9 \x93x\x94"
		  "</title></head></html>",
		  "Caf\xc3\xa9 \xe2\x80\x9cx\xe2\x80\x9d" },
		{ "\xef\xbb\xbf<html><head><meta charset=\"windows-1252\">"
		  "<title>Caf\xc3\xa9</title></head></html>",
		  "Caf\xc3\xa9" },
	};
	struct article	 a;
	char		*err = NULL;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		article_init(&a);
		if (import_html_parse(pages[i][0], strlen(pages[i][0]), &a,
		    &err) != 0)
			fail_msg("page %zu: %s", i, err);
		assert_string_equal(a.title, pages[i][1]);
		article_free(&a);
	}
}

/* Escape sequences, controls and bidi overrides in a UTF-8 page. */
static void
test_hostile_utf8(void **state)
{
	struct article	a;

	(void)state;
	parse_ok("hostile-utf8.html", &a);
	assert_article_safe(&a);
	assert_string_equal(a.title, "Ministry warns of cyberattack");
	assert_string_equal(a.outlet, "The Herald");
	assert_string_equal(a.byline, "Evil Author");
	assert_string_equal(a.lead, "Lead with C1 and and bidi.");
	test_assert_paragraph(&a, 0, "Officials in Kestrel said the attack began "
	    "on Monday desrever.");
	assert_int_equal(a.ncaptions, 1);
	assert_string_equal(a.captions[0], "Caption blinking isolate");
	article_free(&a);
}

/* The same in Windows-1252, where 0x9b is a character, not a CSI. */
static void
test_hostile_cp1252(void **state)
{
	struct article	a;

	(void)state;
	parse_ok("hostile-1252.html", &a);
	assert_article_safe(&a);
	assert_string_equal(a.title,
	    "Raw C1\xe2\x80\xba" "31m title \xc3\xa9t\xc3\xa9");
	assert_string_equal(a.body, "Body with OSC, raw \xe2\x80\xba" "2J CSI "
	    "byte, \xef\xbf\xbd undefined, and \xe2\x80\x9cquotes\xe2\x80"
	    "\x9d.");
	article_free(&a);
}

/* Build a page of n nested elements around one paragraph. */
/* Links in the story's text are kept, absolute, http(s) only, once. */
static void
test_links(void **state)
{
	const char	 page[] = "<html><head>"
	    "<meta property=\"og:url\" content=\"https://news.example/world/story\">"
	    "<meta property=\"og:title\" content=\"Envoys meet\"></head><body>"
	    "<nav><a href=\"/politics\">Politics</a></nav><article><h1>Envoys meet</h1>"
	    "<p>The <a href=\"/docs/communique.pdf\">communiqu\xc3\xa9</a> was "
	    "published by <a href=\"https://gov.example/press\">the ministry</a> "
	    "and echoed <a href=\"/docs/communique.pdf\">again</a>.</p>"
	    "<p>See <a href=\"javascript:alert(1)\">this</a> and "
	    "<a href=\"#top\">the top</a> and <a href=\"mailto:x@y\">mail</a>.</p>"
	    "</article></body></html>";
	struct article	 a;
	char		*err = NULL;

	(void)state;
	article_init(&a);
	assert_int_equal(import_html_parse(page, sizeof page - 1, &a, &err), 0);
	assert_int_equal(a.nlinks, 2);
	assert_string_equal(a.links[0].url,
	    "https://news.example/docs/communique.pdf");
	assert_string_equal(a.links[0].text, "communiqu\xc3\xa9");
	assert_string_equal(a.links[1].url, "https://gov.example/press");
	assert_string_equal(a.links[1].text, "the ministry");
	article_free(&a);
}

static char *
nested(const char *open, const char *close, size_t n, size_t *len)
{
	struct buf	b;
	size_t		i;

	buf_init(&b);
	buf_adds(&b, "<html><head><title>Deep page</title></head><body>"
	    "<p>Before the nesting comes a sentence of real text.</p>");
	for (i = 0; i < n; i++)
		buf_adds(&b, open);
	buf_adds(&b, "<p>Deep inside the nesting there is more text.</p>");
	for (i = 0; i < n; i++)
		buf_adds(&b, close);
	buf_adds(&b, "</body></html>");
	*len = b.len;
	return buf_detach(&b);
}

/* 200,000 nested elements: no crash, what comes before is kept. */
static void
test_deep_nesting(void **state)
{
	static const char *const tags[][2] = {
		{ "<div>", "</div>" },
		{ "<span>", "</span>" },
		{ "<div><p>x", "</div>" },
		{ "<article class=\"story\">", "</article>" }
	};
	struct article	 a;
	char		*page, *err = NULL;
	size_t		 len, i;

	(void)state;
	for (i = 0; i < sizeof tags / sizeof tags[0]; i++) {
		page = nested(tags[i][0], tags[i][1], 200000, &len);
		article_init(&a);
		if (import_html_parse(page, len, &a, &err) != 0)
			fail_msg("%s: %s", tags[i][0], err);
		assert_string_equal(a.title, "Deep page");
		assert_non_null(a.body);
		article_free(&a);
		free(page);
	}
}

/* Shallow nesting keeps all the text. */
static void
test_some_nesting(void **state)
{
	struct article	 a;
	char		*page, *err = NULL;
	size_t		 len;

	(void)state;
	page = nested("<div>", "</div>", 100, &len);
	article_init(&a);
	assert_int_equal(import_html_parse(page, len, &a, &err), 0);
	assert_string_equal(a.body, "Before the nesting comes a sentence of "
	    "real text.\n\nDeep inside the nesting there is more text.");
	article_free(&a);
	free(page);
}

/* A page with neither title nor text, and input that is no page. */
static void
test_nothing(void **state)
{
	struct article	 a;
	char		*data, *err = NULL;
	size_t		 len;

	(void)state;
	data = fixture("empty.html", &len);
	article_init(&a);
	assert_int_equal(import_html_parse(data, len, &a, &err), -1);
	assert_string_equal(err, "page has no title and no text");
	free(err);
	err = NULL;
	article_free(&a);
	free(data);

	article_init(&a);
	assert_int_equal(import_html_parse("", 0, &a, &err), -1);
	assert_non_null(err);
	free(err);
	err = NULL;
	article_free(&a);

	article_init(&a);
	assert_int_equal(import_html_parse("\0\0\0\0", 4, &a, &err), -1);
	assert_non_null(err);
	free(err);
	article_free(&a);
}

/* Malformed JSON-LD of every kind is ignored. */
static void
test_jsonld_broken(void **state)
{
	static const char *const scripts[] = {
		"{\"@type\": \"NewsArticle\", \"headline\": ",
		"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
		"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
		"{\"@type\": \"NewsArticle\", \"headline\": 42, \"author\": "
		"[1, null, {\"name\": 7}], \"publisher\": []}",
		"{\"@graph\": {\"@type\": \"Article\"}} trailing",
		"\"just a string\"",
		"null",
	};
	struct article	 a;
	char		*page, *err = NULL;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof scripts / sizeof scripts[0]; i++) {
		xasprintf(&page, "<html><head><title>Fallback title</title>"
		    "<script type=\"application/ld+json\">%s</script></head>"
		    "<body><p>Some text of the story.</p></body></html>",
		    scripts[i]);
		article_init(&a);
		assert_int_equal(import_html_parse(page, strlen(page), &a,
		    &err), 0);
		assert_string_equal(a.title, "Fallback title");
		assert_null(a.byline);
		assert_null(a.outlet);
		article_free(&a);
		free(page);
	}
}

/* The title suffix goes only when it is the outlet's name. */
static void
test_title_suffix(void **state)
{
	static const char *const pages[][2] = {
		{ "<meta property=\"og:site_name\" content=\"Lindholm Post\">"
		  "<title>Strike ends | Lindholm Post</title>", "Strike ends" },
		{ "<meta property=\"og:site_name\" content=\"Lindholm Post\">"
		  "<title>Strike ends - Talks - Lindholm Post</title>",
		  "Strike ends - Talks" },
		{ "<meta property=\"og:site_name\" content=\"Lindholm Post\">"
		  "<title>Strike ends - Talks resume</title>",
		  "Strike ends - Talks resume" },
		{ "<title>Strike ends | Lindholm Post</title>",
		  "Strike ends | Lindholm Post" },
	};
	struct article	 a;
	char		*page, *err = NULL;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		xasprintf(&page, "<html><head>%s</head><body><p>Text.</p>"
		    "</body></html>", pages[i][0]);
		article_init(&a);
		assert_int_equal(import_html_parse(page, strlen(page), &a,
		    &err), 0);
		assert_string_equal(a.title, pages[i][1]);
		article_free(&a);
		free(page);
	}
}

/* Run the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_article_page),
		cmocka_unit_test(test_scoring),
		cmocka_unit_test(test_jsonld),
		cmocka_unit_test(test_cp1252_declared),
		cmocka_unit_test(test_cp1252_undeclared),
		cmocka_unit_test(test_figure),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_charsets),
		cmocka_unit_test(test_hostile_utf8),
		cmocka_unit_test(test_hostile_cp1252),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_some_nesting),
		cmocka_unit_test(test_nothing),
		cmocka_unit_test(test_jsonld_broken),
		cmocka_unit_test(test_title_suffix),
		cmocka_unit_test(test_lead_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
