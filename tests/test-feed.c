/* Tests for the feed parsers, reading feeds from tests/fixtures/feeds. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "article.h"
#include "buf.h"
#include "feed.h"
#include "test-util.h"
#include "xmalloc.h"
#include "banned.h"

/* Parse a fixture that must parse, as if fetched from url. */
static void
parse_ok(const char *name, const char *url, struct feed *f)
{
	char	*data, *err = NULL;
	size_t	 len;

	data = test_fixture("feeds", name, &len);
	feed_init(f);
	if (feed_parse(data, len, url, f, &err) != 0)
		fail_msg("%s: %s", name, err);
	assert_null(err);
	free(data);
}

/* Parse bytes that must parse. */
static void
parse_buf_ok(const char *s, size_t len, struct feed *f)
{
	char	*copy, *err = NULL;

	copy = xmalloc(len > 0 ? len : 1);	/* exact size for ASan */
	memcpy(copy, s, len);
	feed_init(f);
	if (feed_parse(copy, len, NULL, f, &err) != 0)
		fail_msg("%s", err);
	free(copy);
}

/* Parse bytes that must fail; returns the reason (caller frees). */
static char *
parse_buf_fail(const char *s, size_t len)
{
	struct feed	 f;
	char		*copy, *err = NULL;

	copy = xmalloc(len > 0 ? len : 1);
	memcpy(copy, s, len);
	feed_init(&f);
	if (feed_parse(copy, len, NULL, &f, &err) == 0)
		fail_msg("parsed, with %zu items", f.nitems);
	assert_non_null(err);
	feed_free(&f);
	free(copy);
	return err;
}

/* The body's paragraph number i (from 0), as a new string. */
static char *
paragraph(const struct article *a, size_t i)
{
	const char	*p, *nl;

	assert_non_null(a->body);
	p = a->body;
	for (; i > 0; i--) {
		if ((nl = strstr(p, "\n\n")) == NULL)
			fail_msg("no paragraph %zu in \"%s\"", i, a->body);
		p = nl + 2;
	}
	nl = strstr(p, "\n\n");
	return xstrndup(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
}

/* How many paragraphs the body has. */
static size_t
paragraphs(const struct article *a)
{
	const char	*p;
	size_t		 n = 1;

	if (a->body == NULL)
		return 0;
	for (p = a->body; (p = strstr(p, "\n\n")) != NULL; p += 2)
		n++;
	return n;
}

static void
assert_paragraph(const struct article *a, size_t i, const char *want)
{
	char	*got = paragraph(a, i);

	assert_string_equal(got, want);
	free(got);
}

/* No byte of s is a control character (what reaches the terminal). */
static void
assert_clean(const char *s)
{
	if (s == NULL)
		return;
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 && *s != '\n')
			fail_msg("control character %#x in \"%s\"", *s, s);
	}
}

/* An RSS 2.0 feed as WordPress writes it. */
static void
test_rss2(void **state)
{
	struct feed	 f;
	struct article	*a;

	parse_ok("rss2.xml", "https://monitor.example.org/feed/", &f);
	assert_int_equal(f.kind, FEED_RSS);
	assert_string_equal(f.title, "Eastern Front Monitor");
	assert_string_equal(f.site, "https://monitor.example.org/");
	assert_int_equal(f.nitems, 2);
	assert_int_equal(f.skipped, 1);	/* a guid and nothing else */

	a = &f.items[0];
	assert_string_equal(a->guid, "monitor-4711");
	assert_string_equal(a->url,
	    "https://monitor.example.org/2023/08/26/grain-corridor/");
	assert_string_equal(a->title,
	    "Kyiv says grain corridor \u201cholds\u201d despite strikes");
	assert_string_equal(a->outlet, "Eastern Front Monitor");
	assert_string_equal(a->byline, "Olena Kovalenko");
	assert_string_equal(a->published, "2023-08-26T16:26:00Z");
	assert_string_equal(a->lead,
	    "Ukraine\u2019s navy said ships kept sailing.");
	assert_int_equal(paragraphs(a), 3);
	assert_paragraph(a, 0, "Ukraine\u2019s navy said on Saturday that "
	    "ships kept sailing through the corridor.");
	test_assert_subheading(a, 0, "Ports under fire");
	assert_paragraph(a, 2, "Russian drones struck Izmail overnight, "
	    "the regional governor said.");
	assert_int_equal(a->ntags, 2);
	assert_string_equal(a->tags[0], "black-sea");
	assert_string_equal(a->tags[1], "grain-deal");
	assert_int_equal(a->nlinks, 2);
	assert_string_equal(a->links[0].url,
	    "https://monitor.example.org/tag/ships/");
	assert_string_equal(a->links[0].text, "ships");
	assert_string_equal(a->links[1].url, "https://www.example.com/odesa");

	/* Plain-text description: the body and the lead. */
	a = &f.items[1];
	assert_string_equal(a->guid,
	    "https://monitor.example.org/2023/08/06/jeddah/");
	assert_string_equal(a->byline, "Monitor Desk");
	assert_string_equal(a->published, "2023-08-06T09:00:00+03:00");
	assert_string_equal(a->lead,
	    "Delegations from 40 countries met. No joint text was issued.");
	assert_int_equal(paragraphs(a), 2);
	assert_paragraph(a, 1, "No joint text was issued.");
	assert_int_equal(a->ntags, 0);
	feed_free(&f);
}

/* Atom 1.0 with xml:base, relative links, html and xhtml content. */
static void
test_atom(void **state)
{
	struct feed	 f;
	struct article	*a;

	parse_ok("atom.xml", "https://analysis.example.net/feed.atom", &f);
	assert_int_equal(f.kind, FEED_ATOM);
	assert_string_equal(f.title, "Sahel <Watch>");
	assert_string_equal(f.site, "https://analysis.example.net/blog/");
	assert_int_equal(f.nitems, 2);
	assert_int_equal(f.skipped, 0);

	a = &f.items[0];
	assert_string_equal(a->guid,
	    "tag:analysis.example.net,2023:niger-deadline");
	assert_string_equal(a->url,
	    "https://analysis.example.net/blog/posts/niger-deadline.html");
	assert_string_equal(a->title,
	    "Niger junta & ECOWAS: the deadline passes");
	assert_string_equal(a->outlet, "Sahel <Watch>");
	assert_string_equal(a->byline, "Amina Diallo and Jean Martin");
	assert_string_equal(a->published, "2023-08-07T08:30:00+01:00");
	assert_string_equal(a->lead, "ECOWAS let its ultimatum lapse.");
	assert_int_equal(paragraphs(a), 2);
	assert_paragraph(a, 0,
	    "The bloc\u2019s seven-day ultimatum expired on Sunday.");
	assert_paragraph(a, 1, "See our map.");
	assert_int_equal(a->ntags, 2);
	assert_string_equal(a->tags[0], "niger");
	assert_string_equal(a->tags[1], "ecowas");
	assert_int_equal(a->nlinks, 1);
	assert_string_equal(a->links[0].url,
	    "https://analysis.example.net/blog/maps/niger.html");

	/* xhtml title and content; the feed's author; updated as date. */
	a = &f.items[1];
	assert_string_equal(a->title, "Mali and Wagner");
	assert_string_equal(a->url,
	    "https://analysis.example.net/blog/mali-wagner");
	assert_string_equal(a->byline, "Sahel Desk");
	assert_string_equal(a->published, "2023-08-01T00:00:00Z");
	assert_null(a->lead);
	assert_int_equal(paragraphs(a), 2);
	assert_paragraph(a, 0, "Russian contractors remain in central Mali.");
	assert_int_equal(a->nlinks, 1);
	assert_string_equal(a->links[0].url,
	    "https://static.example.net/a/mali.html");
	feed_free(&f);
}

/* RSS 1.0 (RDF) in ISO-8859-1: dc: fields, items beside the channel. */
static void
test_rss1(void **state)
{
	struct feed	 f;
	struct article	*a;

	parse_ok("rss1.xml", "http://www.example.de/rss", &f);
	assert_int_equal(f.kind, FEED_RSS);
	assert_string_equal(f.title, "Bundestag Aktuell");
	assert_int_equal(f.nitems, 2);

	a = &f.items[0];
	assert_string_equal(a->guid, "http://www.example.de/artikel/1");
	assert_string_equal(a->title, "Au\u00dfenministerin reist nach Kiew");
	assert_string_equal(a->byline,
	    "Anna M\u00fcller, Peter Schmidt and Lena Vogel");
	assert_string_equal(a->published, "2023-09-11T07:45:00+02:00");
	assert_string_equal(a->lead, "Die Ministerin traf ihren Amtskollegen "
	    "& sprach \u00fcber Luftabwehr.");
	assert_string_equal(a->body, a->lead);
	assert_int_equal(a->ntags, 1);
	assert_string_equal(a->tags[0], "au\u00dfenpolitik");

	/* No <link>: rdf:about names it. */
	a = &f.items[1];
	assert_string_equal(a->url, "http://www.example.de/artikel/2");
	assert_string_equal(a->published, "2023-09-12");
	assert_null(a->byline);
	feed_free(&f);
}

/* JSON Feed 1.1: relative URLs, authors, tags, content_text. */
static void
test_json(void **state)
{
	struct feed	 f;
	struct article	*a;

	parse_ok("json11.json", "https://brief.example.com/feed.json", &f);
	assert_int_equal(f.kind, FEED_JSON);
	assert_string_equal(f.title, "Pacific Brief");
	assert_string_equal(f.site, "https://brief.example.com/");
	assert_int_equal(f.nitems, 2);
	assert_int_equal(f.skipped, 2);	/* an id alone; not an object */

	a = &f.items[0];
	assert_string_equal(a->guid, "2023-09-05-aukus");
	assert_string_equal(a->url,
	    "https://brief.example.com/2023/09/05/aukus-submarines");
	assert_string_equal(a->title,
	    "AUKUS partners agree on submarine timetable");
	assert_string_equal(a->outlet, "Pacific Brief");
	assert_string_equal(a->byline, "Mei Tanaka and Liam O'Brien");
	assert_string_equal(a->published, "2023-09-05T06:00:00+10:00");
	assert_string_equal(a->lead, "A timetable for the first boats.");
	assert_int_equal(paragraphs(a), 2);
	assert_paragraph(a, 0, "Officials in Canberra said the first boats "
	    "would arrive early in the 2030s.");
	assert_int_equal(a->ntags, 2);
	assert_string_equal(a->tags[0], "aukus");
	assert_string_equal(a->tags[1], "defence-policy");
	assert_int_equal(a->nlinks, 2);
	assert_string_equal(a->links[0].url,
	    "https://brief.example.com/docs/aukus.pdf");
	assert_string_equal(a->links[0].text, "joint statement");

	/* A number for an id, external_url, no title, the feed's author. */
	a = &f.items[1];
	assert_string_equal(a->guid, "42");
	assert_string_equal(a->url, "https://news.example.org/solomons");
	assert_null(a->title);
	assert_string_equal(a->byline, "Brief Staff");
	assert_string_equal(a->published, "2023-09-06T12:00:00Z");
	assert_null(a->lead);
	assert_int_equal(paragraphs(a), 2);
	assert_paragraph(a, 1, "Leaders issued a short communique.");
	feed_free(&f);
}

/* HTML escaped twice in RSS reads as HTML escaped once. */
static void
test_double_escaped(void **state)
{
	struct feed	 f;
	struct article	*a;

	parse_ok("double-escaped.xml", NULL, &f);
	assert_string_equal(f.title, "Double & Trouble");
	assert_int_equal(f.nitems, 2);
	a = &f.items[0];
	assert_string_equal(a->title, "Tom & Jerry meet in Geneva");
	assert_int_equal(paragraphs(a), 2);
	assert_paragraph(a, 0, "Envoys met & talked.");
	assert_paragraph(a, 1, "No deal yet.");
	assert_string_equal(a->lead, "Envoys met & talked. No deal yet.");
	/* Escaped once, an escaped word stays text. */
	a = &f.items[1];
	assert_string_equal(a->title, "Escaped once: fine");
	assert_string_equal(a->body, "A <tag> shown as text & an ampersand.");
	feed_free(&f);
}

/* Three ways of writing dates, one that is none, items without a guid. */
static void
test_dates_and_guids(void **state)
{
	struct feed	 f;
	struct article	*a;

	parse_ok("dates.xml", "https://dates.example.com/rss.xml", &f);
	assert_int_equal(f.nitems, 5);
	a = f.items;
	assert_string_equal(a[0].published, "2023-08-24T10:00:00-05:00");
	assert_string_equal(a[0].guid, "https://dates.example.com/a");
	assert_string_equal(a[1].published, "2023-08-24T10:00:00+02:00");
	assert_string_equal(a[1].url, "https://dates.example.com/relative/b");
	assert_string_equal(a[1].guid, "https://dates.example.com/relative/b");
	assert_string_equal(a[2].published, "2023-08-25T14:30");
	assert_null(a[3].published);
	assert_null(a[2].url);
	/* No guid and no link: a hash of title and date, stable. */
	assert_int_equal(strlen(a[2].guid), 7 + 64);
	assert_memory_equal(a[2].guid, "sha256:", 7);
	assert_string_not_equal(a[2].guid, a[3].guid);
	assert_string_not_equal(a[3].guid, a[4].guid);
	assert_null(a[4].title);
	assert_string_equal(a[4].body, "No title, no link, no date: only text.");
	feed_free(&f);

	/* The same document gives the same identities. */
	parse_ok("dates.xml", "https://dates.example.com/rss.xml", &f);
	assert_string_equal(f.items[2].guid, "sha256:"
	    "8cfe85493c840b5fa39b295eead7dee940c7e5113717da2debaf4f01757ea1bb");
	feed_free(&f);
}

/* A fixture full of escape sequences, bidi overrides and NULs. */
static void
test_hostile_fixture(void **state)
{
	struct feed	 f;
	struct article	*a;
	size_t		 i;

	parse_ok("hostile.xml", NULL, &f);
	assert_string_equal(f.title, "Evil News");
	assert_int_equal(f.nitems, 1);
	a = &f.items[0];
	assert_string_equal(a->title, "Breaking: elbats is calm");
	assert_string_equal(a->url, "https://evil.example/story");
	assert_string_equal(a->byline, "Mallory");
	assert_int_equal(paragraphs(a), 2);
	assert_paragraph(a, 0, "Paragraph one.");
	assert_paragraph(a, 1, "Paragraph two.");
	assert_int_equal(a->ntags, 1);
	assert_string_equal(a->tags[0], "crisis");
	assert_clean(f.title);
	assert_clean(a->body);
	for (i = 0; a->body[i] != '\0'; i++)
		assert_false(memcmp(a->body + i, "\xe2\x80\xae", 3) == 0);
	feed_free(&f);
}

/* Documents that are no feed fail with a reason saying why. */
static void
test_errors(void **state)
{
	static const char html[] = "<!DOCTYPE html>\n<html><head><title>Page"
	    "</title></head><body><p>Hello</p></body></html>";
	static const char json[] = "{\"version\": \"https://jsonfeed.org/"
	    "version/1.1\", \"items\": [";
	char	*err;

	err = parse_buf_fail("", 0);
	assert_string_equal(err, "empty document");
	free(err);
	err = parse_buf_fail(" \n\t", 3);
	assert_string_equal(err, "empty document");
	free(err);
	err = parse_buf_fail(html, sizeof html - 1);
	assert_string_equal(err, "not a feed: an html page");
	free(err);
	err = parse_buf_fail("<opml version=\"2.0\"><body/></opml>", 34);
	assert_string_equal(err,
	    "not a feed: no rss, rdf or feed element (the root is <opml>)");
	free(err);
	err = parse_buf_fail(json, sizeof json - 1);
	assert_string_equal(err, "malformed json feed: unexpected end of data");
	free(err);
	err = parse_buf_fail("{\"a\": 1}", 8);
	assert_string_equal(err,
	    "not a feed: json without a jsonfeed.org version");
	free(err);
	err = parse_buf_fail("plain words", 11);
	assert_string_equal(err, "not a feed: no xml element found");
	free(err);
}

/* Titles with escape sequences, bidi overrides and NULs come out clean. */
static void
test_hostile_title(void **state)
{
	static const char doc[] = "<rss><channel><title>Evil\x1b]0;pwned"
	    "\x07 Feed</title><item><title>Red\x1b[31m alert\xe2\x80\xae"
	    "desrever\x00 here</title><description>after the nul"
	    "</description></item></channel></rss>";
	struct feed	f;

	parse_buf_ok(doc, sizeof doc - 1, &f);
	assert_int_equal(f.nitems, 1);
	assert_string_equal(f.title, "Evil Feed");
	assert_string_equal(f.items[0].title, "Red alertdesrever here");
	assert_string_equal(f.items[0].body, "after the nul");
	assert_clean(f.items[0].title);
	feed_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rss2),
		cmocka_unit_test(test_atom),
		cmocka_unit_test(test_rss1),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_double_escaped),
		cmocka_unit_test(test_dates_and_guids),
		cmocka_unit_test(test_hostile_fixture),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_hostile_title),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
