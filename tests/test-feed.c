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
#include "feed-discover.h"
#include "feed-parse.h"
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
	feed_parse_init(f);
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
	feed_parse_init(f);
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
	feed_parse_init(&f);
	if (feed_parse(copy, len, NULL, &f, &err) == 0)
		fail_msg("parsed, with %zu items", f.nitems);
	assert_non_null(err);
	feed_parse_free(&f);
	free(copy);
	return err;
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

/*
 * What a fixture's feed and first item must be (none skipped, every item's
 * outlet the feed's title); NULL: must be absent, ANY: not checked.
 */
static const char ANY[] = "(not checked)";

struct feed_expect {
	const char	*file;
	const char	*url;		/* the fixture is as if from here */
	enum feed_kind	 kind;
	const char	*title;
	const char	*site;
	size_t		 nitems;
	const char	*guid;		/* of the first item, and so on */
	const char	*item_url;
	const char	*item_title;
	const char	*byline;
	const char	*published;
	const char	*lead;
	const char	*body;
};

static void
assert_string_or_null(const char *want, const char *got)
{
	if (want == ANY)
		return;
	if (want == NULL)
		assert_null(got);
	else
		assert_string_equal(got, want);
}

/* Parse x's fixture into f and check it; returns its first item. */
static struct article *
expect_feed(const struct feed_expect *x, struct feed *f)
{
	struct article	*a;

	parse_ok(x->file, x->url, f);
	assert_int_equal(f->kind, x->kind);
	assert_string_or_null(x->title, f->title);
	assert_string_or_null(x->site, f->site);
	assert_int_equal(f->nitems, x->nitems);
	assert_int_equal(f->skipped, 0);
	a = &f->items[0];
	assert_string_or_null(x->title, a->outlet);
	assert_string_or_null(x->guid, a->guid);
	assert_string_or_null(x->item_url, a->url);
	assert_string_or_null(x->item_title, a->title);
	assert_string_or_null(x->byline, a->byline);
	assert_string_or_null(x->published, a->published);
	assert_string_or_null(x->lead, a->lead);
	assert_string_or_null(x->body, a->body);
	return a;
}

/* An RSS 2.0 feed as WordPress writes it. */
static void
test_rss2(void **state)
{
	static const struct feed_expect x = {
		"rss2.xml", "https://monitor.example.org/feed/", FEED_KIND_RSS,
		"Eastern Front Monitor", "https://monitor.example.org/", 3,
		"monitor-4711",
		"https://monitor.example.org/2023/08/26/grain-corridor/",
		"Kyiv says grain corridor \u201cholds\u201d despite strikes",
		"Olena Kovalenko", "2023-08-26T16:26:00Z",
		"Ukraine\u2019s navy said ships kept sailing.", ANY
	};
	struct feed	 f;
	struct article	*a;

	a = expect_feed(&x, &f);
	/* A permalink guid and nothing else: the address is the title. */
	assert_string_equal(f.items[2].title,
	    "https://monitor.example.org/p/123");
	assert_int_equal(test_body_paragraphs(a), 3);
	test_assert_paragraph(a, 0, "Ukraine\u2019s navy said on Saturday that "
	    "ships kept sailing through the corridor.");
	test_assert_subheading(a, 0, "Ports under fire");
	test_assert_paragraph(a, 2, "Russian drones struck Izmail overnight, "
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
	assert_int_equal(test_body_paragraphs(a), 2);
	test_assert_paragraph(a, 1, "No joint text was issued.");
	assert_int_equal(a->ntags, 0);
	feed_parse_free(&f);
}

/* Atom 1.0 with xml:base, relative links, html and xhtml content. */
static void
test_atom(void **state)
{
	static const struct feed_expect x = {
		"atom.xml", "https://analysis.example.net/feed.atom",
		FEED_KIND_ATOM, "Sahel <Watch>",
		"https://analysis.example.net/blog/", 2,
		"tag:analysis.example.net,2023:niger-deadline",
		"https://analysis.example.net/blog/posts/niger-deadline.html",
		"Niger junta & ECOWAS: the deadline passes",
		"Amina Diallo and Jean Martin", "2023-08-07T08:30:00+01:00",
		"ECOWAS let its ultimatum lapse.", ANY
	};
	struct feed	 f;
	struct article	*a;

	a = expect_feed(&x, &f);
	assert_int_equal(test_body_paragraphs(a), 2);
	test_assert_paragraph(a, 0,
	    "The bloc\u2019s seven-day ultimatum expired on Sunday.");
	test_assert_paragraph(a, 1, "See our map.");
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
	assert_int_equal(test_body_paragraphs(a), 2);
	test_assert_paragraph(a, 0, "Russian contractors remain in central Mali.");
	assert_int_equal(a->nlinks, 1);
	assert_string_equal(a->links[0].url,
	    "https://static.example.net/a/mali.html");
	feed_parse_free(&f);
}

/* RSS 1.0 (RDF) in ISO-8859-1: dc: fields, items beside the channel. */
static void
test_rss1(void **state)
{
	static const struct feed_expect x = {
		"rss1.xml", "http://www.example.de/rss", FEED_KIND_RSS,
		"Bundestag Aktuell", ANY, 2,
		"http://www.example.de/artikel/1", ANY,
		"Au\u00dfenministerin reist nach Kiew",
		"Anna M\u00fcller, Peter Schmidt and Lena Vogel",
		"2023-09-11T07:45:00+02:00",
		/* The description alone is the body, shown once: no lead. */
		NULL, "Die Ministerin traf ihren Amtskollegen "
		"& sprach \u00fcber Luftabwehr."
	};
	struct feed	 f;
	struct article	*a;

	a = expect_feed(&x, &f);
	assert_int_equal(a->ntags, 1);
	assert_string_equal(a->tags[0], "au\u00dfenpolitik");

	/* No <link>: rdf:about names it. */
	a = &f.items[1];
	assert_string_equal(a->url, "http://www.example.de/artikel/2");
	assert_string_equal(a->published, "2023-09-12");
	assert_null(a->byline);
	feed_parse_free(&f);
}

/* RSS 1.1: the Channel is the root, items in an rdf Collection. */
static void
test_rss11(void **state)
{
	static const char channel[] = "<Channel xmlns=\"http://purl.org/net/"
	    "rss1.1#\"><title>T</title>";
	static const struct feed_expect x = {
		"rss11.xml", "http://news.example.org/rss11", FEED_KIND_RSS,
		"Example Diplomatic Wire", "http://news.example.org/", 2,
		"http://news.example.org/2024/talks",
		"http://news.example.org/2024/talks",
		"Talks resume in Geneva", "Ines Roth", "2024-03-05T09:00:00Z",
		/* The description alone is the body, shown once: no lead. */
		NULL, "Delegations met for six hours on Tuesday."
	};
	struct feed	 f;
	struct article	*a;

	expect_feed(&x, &f);
	a = &f.items[1];
	assert_string_equal(a->url, "http://news.example.org/2024/sanctions");
	assert_string_equal(a->title, "Sanctions package agreed");
	assert_int_equal(feed_parse_sniff(channel, sizeof channel - 1, NULL),
	    FEED_KIND_RSS);
	feed_parse_free(&f);
}

/* An Atom entry document: one entry, the feed's fields in <source>. */
static void
test_atom_entry(void **state)
{
	static const char entry[] = "<?xml version=\"1.0\"?>\n<entry xmlns="
	    "\"http://www.w3.org/2005/Atom\"><id>1</id>";
	static const struct feed_expect x = {
		"atom-entry.xml", "https://blog.example.com/entry/7",
		FEED_KIND_ATOM, "Border Watch", "https://blog.example.com/", 1,
		"tag:blog.example.com,2024:entry-7",
		"http://blog.example.com/2024/envoy",
		"Envoy recalled after border incident", "Nadia Kovac",
		"2024-04-01T08:30:00Z",
		"The foreign ministry recalled its envoy.",
		"The foreign ministry recalled its envoy on Monday."
	};
	struct feed	 f;
	struct article	*a;

	a = expect_feed(&x, &f);
	assert_int_equal(a->ntags, 1);
	assert_int_equal(feed_parse_sniff(entry, sizeof entry - 1, NULL),
	    FEED_KIND_ATOM);
	feed_parse_free(&f);
}

/* JSON Feed 1.1: relative URLs, authors, tags, content_text. */
static void
test_json(void **state)
{
	struct feed	 f;
	struct article	*a;

	parse_ok("json11.json", "https://brief.example.com/feed.json", &f);
	assert_int_equal(f.kind, FEED_KIND_JSON);
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
	assert_int_equal(test_body_paragraphs(a), 2);
	test_assert_paragraph(a, 0, "Officials in Canberra said the first boats "
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
	assert_int_equal(test_body_paragraphs(a), 2);
	test_assert_paragraph(a, 1, "Leaders issued a short communique.");
	feed_parse_free(&f);
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
	assert_int_equal(test_body_paragraphs(a), 2);
	test_assert_paragraph(a, 0, "Envoys met & talked.");
	test_assert_paragraph(a, 1, "No deal yet.");
	assert_string_equal(a->lead, "Envoys met & talked. No deal yet.");
	/* Escaped once, an escaped word stays text. */
	a = &f.items[1];
	assert_string_equal(a->title, "Escaped once: fine");
	assert_string_equal(a->body, "A <tag> shown as text & an ampersand.");
	feed_parse_free(&f);
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
	feed_parse_free(&f);

	/* The same document gives the same identities. */
	parse_ok("dates.xml", "https://dates.example.com/rss.xml", &f);
	assert_string_equal(f.items[2].guid, "sha256:"
	    "8cfe85493c840b5fa39b295eead7dee940c7e5113717da2debaf4f01757ea1bb");
	feed_parse_free(&f);
}

/* A fixture full of escape sequences, bidi overrides and NULs. */
static void
test_hostile_fixture(void **state)
{
	struct feed	 f;
	struct article	*a;

	parse_ok("hostile.xml", NULL, &f);
	assert_string_equal(f.title, "Evil News");
	assert_int_equal(f.nitems, 1);
	a = &f.items[0];
	assert_string_equal(a->title, "Breaking: elbats is calm");
	assert_string_equal(a->url, "https://evil.example/story");
	assert_string_equal(a->byline, "Mallory");
	assert_int_equal(test_body_paragraphs(a), 2);
	test_assert_paragraph(a, 0, "Paragraph one.");
	test_assert_paragraph(a, 1, "Paragraph two.");
	assert_int_equal(a->ntags, 1);
	assert_string_equal(a->tags[0], "crisis");
	assert_clean(f.title);
	assert_clean(a->body);
	/* No right-to-left override survives (strstr: never past the NUL). */
	assert_null(strstr(a->body, "\xe2\x80\xae"));
	feed_parse_free(&f);
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
	    "not a feed: no rss, rdf, feed or entry element (the root is "
	    "<opml>)");
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
	feed_parse_free(&f);
}

/* CPU seconds since start. */
static double
seconds(clock_t start)
{
	return (double)(clock() - start) / CLOCKS_PER_SEC;
}

/* Billion laughs: entities that expand to 3 GB finish fast and small. */
static void
test_billion_laughs(void **state)
{
	struct buf	 b;
	struct feed	 f;
	clock_t		 start;
	char		*err = NULL;
	int		 i, j, rc;

	buf_init(&b);
	buf_adds(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
	    "<!ENTITY lol0 \"lol\">\n");
	for (i = 1; i <= 9; i++) {
		buf_printf(&b, "<!ENTITY lol%d \"", i);
		for (j = 0; j < 10; j++)
			buf_printf(&b, "&lol%d;", i - 1);
		buf_adds(&b, "\">\n");
	}
	buf_adds(&b, "<!ENTITY e0 \"\">\n");	/* the empty variant */
	for (i = 1; i <= 9; i++) {
		buf_printf(&b, "<!ENTITY e%d \"", i);
		for (j = 0; j < 10; j++)
			buf_printf(&b, "&e%d;", i - 1);
		buf_adds(&b, "\">\n");
	}
	buf_adds(&b, "]>\n<rss><channel><title>T &lol9;</title><item>"
	    "<title>Laugh &lol9; &e9;</title><description>&lol9;&e9;"
	    "</description></item><item><title>Second &lol5;</title></item>"
	    "</channel></rss>");
	start = clock();
	feed_parse_init(&f);
	rc = feed_parse(b.data, b.len, NULL, &f, &err);
	assert_true(seconds(start) < 2.0);
	if (rc == 0) {
		for (i = 0; i < (int)f.nitems; i++) {
			if (f.items[i].title != NULL)
				assert_true(strlen(f.items[i].title) <
				    8u * 1024 * 1024);
			assert_true(f.items[i].body_len < 8u * 1024 * 1024);
		}
	}
	free(err);
	feed_parse_free(&f);
	buf_free(&b);
}

/* External entities are never read, nor the external DTD. */
static void
test_external_entity(void **state)
{
	static const char doc[] = "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE rss SYSTEM \"file:///etc/passwd\" [\n"
	    "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
	    "<!ENTITY % pe SYSTEM \"file:///etc/passwd\">\n%pe;\n"
	    "<!ENTITY net SYSTEM \"http://127.0.0.1:9/x\">\n]>\n"
	    "<rss><channel><title>X &xxe;</title><item><title>Leak &xxe; "
	    "&net;</title><description>&xxe;</description></item></channel>"
	    "</rss>";
	struct feed	 f;
	char		*err = NULL;
	size_t		 i;

	feed_parse_init(&f);
	if (feed_parse(doc, sizeof doc - 1, NULL, &f, &err) == 0) {
		assert_true(f.title == NULL ||
		    strstr(f.title, "root:") == NULL);
		for (i = 0; i < f.nitems; i++) {
			assert_true(f.items[i].title == NULL ||
			    strstr(f.items[i].title, "root:") == NULL);
			assert_true(f.items[i].body == NULL ||
			    strstr(f.items[i].body, "root:") == NULL);
		}
	}
	free(err);
	feed_parse_free(&f);
}

/* 50,000 items: FEED_MAX_ITEMS kept, the rest counted as skipped. */
static void
test_many_items(void **state)
{
	struct buf	 b;
	struct feed	 f;
	size_t		 i;

	buf_init(&b);
	buf_adds(&b, "<rss><channel><title>Many</title>");
	for (i = 0; i < 50000; i++)
		buf_printf(&b, "<item><title>Item %zu</title><guid>g%zu</guid>"
		    "<description>Text of %zu.</description></item>", i, i, i);
	buf_adds(&b, "</channel></rss>");
	parse_buf_ok(b.data, b.len, &f);
	assert_int_equal(f.nitems, FEED_MAX_ITEMS);
	assert_int_equal(f.skipped, 50000 - FEED_MAX_ITEMS);
	assert_string_equal(f.items[0].title, "Item 0");
	assert_string_equal(f.items[FEED_MAX_ITEMS - 1].guid, "g4999");
	feed_parse_free(&f);

	buf_reset(&b);
	buf_adds(&b, "{\"version\":\"https://jsonfeed.org/version/1\","
	    "\"items\":[");
	for (i = 0; i < 50000; i++)
		buf_printf(&b, "%s{\"id\":\"%zu\",\"content_text\":\"t\"}",
		    i > 0 ? "," : "", i);
	buf_adds(&b, "]}");
	parse_buf_ok(b.data, b.len, &f);
	assert_int_equal(f.kind, FEED_KIND_JSON);
	assert_int_equal(f.nitems, FEED_MAX_ITEMS);
	assert_int_equal(f.skipped, 50000 - FEED_MAX_ITEMS);
	feed_parse_free(&f);
	buf_free(&b);
}

/*
 * The JSON scanner reads what json-c read: escaped keys, a byte order
 * mark, comments and trailing commas; the first of a key given twice;
 * members of the wrong type ignored; a long string cut between
 * characters; and it refuses what is not JSON with where.
 */
static void
test_json_scan(void **state)
{
	static const char doc[] = "\xef\xbb\xbf{ /* c */ \"vers\\u0069on\": "
	    "\"https://jsonfeed.org/version/1.1\", // line\n"
	    "\"title\": \"First\", \"title\": \"Second\", \"junk\": "
	    "{\"items\": 1}, \"items\": [ {\"id\": 7, \"title\": [\"no\"],"
	    " \"t\\u0069tle\": \"A \\\"q\\\" \\u00e9\", \"tags\": [1, "
	    "\"x\", {}, \"y\",], \"authors\": [{\"name\": \"N\", \"x\": "
	    "[[]]}, \"bad\"],}, 3, ], \"items\": [] }";
	struct buf	 b;
	struct feed	 f;
	char		*err;
	size_t		 i;

	parse_buf_ok(doc, sizeof doc - 1, &f);
	assert_int_equal(f.kind, FEED_KIND_JSON);
	assert_string_equal(f.title, "First");
	assert_int_equal(f.nitems, 1);
	assert_int_equal(f.skipped, 1);
	assert_string_equal(f.items[0].guid, "7");
	assert_string_equal(f.items[0].title, "A \"q\" \u00e9");
	assert_string_equal(f.items[0].byline, "N");
	assert_int_equal(f.items[0].ntags, 2);
	feed_parse_free(&f);

	/* A string past FEED_MAX_TEXT: cut, never inside an escape. */
	buf_init(&b);
	buf_adds(&b, "{\"version\":\"https://jsonfeed.org/version/1\","
	    "\"items\":[{\"id\":\"1\",\"content_text\":\"");
	for (i = 0; i < FEED_MAX_TEXT / 12 + 10; i++)
		buf_adds(&b, "\\ud83d\\ude00\\n");	/* 😀 and a newline */
	buf_adds(&b, "\"}]}");
	parse_buf_ok(b.data, b.len, &f);
	assert_int_equal(f.nitems, 1);
	assert_true(f.items[0].body_len <= FEED_MAX_TEXT);
	assert_true(f.items[0].body_len > FEED_MAX_TEXT / 4);
	assert_int_equal(memcmp(f.items[0].body + f.items[0].body_len - 4,
	    "\xf0\x9f\x98\x80", 4), 0);
	feed_parse_free(&f);
	buf_free(&b);

	err = parse_buf_fail("{\"version\": \"https://jsonfeed.org/version/1\","
	    " \"items\": {}}", 58);
	assert_string_equal(err, "malformed json feed: no items array");
	free(err);
	err = parse_buf_fail("{\"version\": \"x\" \"items\": []}", 28);
	assert_string_equal(err,
	    "malformed json feed: unexpected character at byte 16");
	free(err);
	err = parse_buf_fail("{\"a\": \"\\q\"}", 11);
	assert_string_equal(err,
	    "malformed json feed: invalid escape at byte 7");
	free(err);
}

/* An RSS item's text is cut at FEED_MAX_TEXT, at a character's end. */
static void
test_xml_text_cut(void **state)
{
	struct buf	 b;
	struct feed	 f;
	char		*last;
	size_t		 i;

	buf_init(&b);
	buf_adds(&b, "<rss><channel><item><title>Long</title><description>");
	for (i = 0; i < FEED_MAX_TEXT / 3 + 10; i++)
		buf_adds(&b, "\xc3\xa9 ");	/* two bytes and a space */
	buf_adds(&b, "</description></item></channel></rss>");
	parse_buf_ok(b.data, b.len, &f);
	assert_int_equal(f.nitems, 1);
	assert_true(f.items[0].body_len <= FEED_MAX_TEXT);
	assert_true(f.items[0].body_len > FEED_MAX_TEXT - 4);
	assert_int_equal(f.items[0].body[f.items[0].body_len - 1] & 0xc0,
	    0x80);	/* ends with the whole of a character */
	feed_parse_free(&f);

	/* XHTML content, walked into the body: cut after a paragraph. */
	buf_reset(&b);
	buf_adds(&b, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
	    "<id>1</id><title>Long</title><content type=\"xhtml\"><div "
	    "xmlns=\"http://www.w3.org/1999/xhtml\">");
	for (i = 0; i < FEED_MAX_TEXT / 1000 + 10; i++)
		buf_printf(&b, "<h2>Part %zu</h2><p>%0990zu</p>", i, i);
	buf_adds(&b, "</div></content></entry></feed>");
	parse_buf_ok(b.data, b.len, &f);
	assert_int_equal(f.nitems, 1);
	assert_true(f.items[0].body_len <= FEED_MAX_TEXT);
	assert_true(f.items[0].body_len > FEED_MAX_TEXT - 2000);
	assert_true(f.items[0].nsubheadings > 0);
	assert_true(f.items[0].subheadings[f.items[0].nsubheadings - 1].end <=
	    f.items[0].body_len);
	/* The last paragraph is whole: a heading, or 990 digits. */
	last = test_body_paragraph(&f.items[0], test_body_paragraphs(&f.items[0]) - 1);
	assert_true(strlen(last) == 990 || strncmp(last, "Part ", 5) == 0);
	free(last);
	feed_parse_free(&f);
	buf_free(&b);
}

/* Deep nesting in the XML, in item HTML and in JSON: no stack blown. */
static void
test_deep_nesting(void **state)
{
	struct buf	 b;
	struct feed	 f;
	char		*err = NULL;
	clock_t		 start;
	size_t		 i;

	start = clock();
	buf_init(&b);
	buf_adds(&b, "<rss><channel><item><title>Deep</title><description>");
	for (i = 0; i < 100000; i++)
		buf_adds(&b, "<div>");
	buf_adds(&b, "bottom</description></item></channel></rss>");
	feed_parse_init(&f);
	if (feed_parse(b.data, b.len, NULL, &f, &err) == 0)
		assert_true(f.nitems <= 1);
	free(err);
	err = NULL;
	feed_parse_free(&f);

	buf_reset(&b);
	buf_adds(&b, "<rss><channel><item><title>Deep HTML</title>"
	    "<description><![CDATA[");
	for (i = 0; i < 100000; i++)
		buf_adds(&b, "<div><b>");
	buf_adds(&b, "bottom]]></description></item></channel></rss>");
	parse_buf_ok(b.data, b.len, &f);
	assert_int_equal(f.nitems, 1);
	assert_string_equal(f.items[0].title, "Deep HTML");
	feed_parse_free(&f);

	buf_reset(&b);
	buf_adds(&b, "{\"version\":\"https://jsonfeed.org/version/1.1\","
	    "\"items\":[{\"title\":\"x\",\"extra\":");
	for (i = 0; i < 100000; i++)
		buf_addc(&b, '[');
	feed_parse_init(&f);
	assert_int_equal(feed_parse(b.data, b.len, NULL, &f, &err), -1);
	assert_non_null(strstr(err, "malformed json feed"));
	free(err);
	feed_parse_free(&f);
	buf_free(&b);
	assert_true(seconds(start) < 5.0);
}

/* Every prefix of a feed parses or fails cleanly; a cut keeps what came. */
static void
test_truncated(void **state)
{
	struct feed	 f;
	char		*data, *copy, *err;
	const char	*cut;
	size_t		 len, n;

	data = test_fixture("feeds", "rss2.xml", &len);
	for (n = 0; n <= len; n += 3) {
		copy = xmalloc(n > 0 ? n : 1);
		memcpy(copy, data, n);
		err = NULL;
		feed_parse_init(&f);
		if (feed_parse(copy, n, NULL, &f, &err) != 0)
			assert_non_null(err);
		free(err);
		feed_parse_free(&f);
		free(copy);
	}
	/* Cut inside the second item: the first is whole. */
	cut = strstr(data, "Talks in Jeddah");
	assert_non_null(cut);
	n = (size_t)(cut - data);
	copy = xmalloc(n);
	memcpy(copy, data, n);
	parse_buf_ok(copy, n, &f);
	assert_true(f.nitems >= 1);
	assert_string_equal(f.items[0].guid, "monitor-4711");
	assert_string_equal(f.items[0].byline, "Olena Kovalenko");
	feed_parse_free(&f);
	free(copy);
	free(data);

	data = test_fixture("feeds", "json11.json", &len);
	for (n = 0; n + 2 < len; n += 5) {	/* "}\n" ends it */
		err = NULL;
		feed_parse_init(&f);
		copy = xmalloc(n > 0 ? n : 1);
		memcpy(copy, data, n);
		assert_int_equal(feed_parse(copy, n, NULL, &f, &err), -1);
		assert_non_null(err);
		free(err);
		feed_parse_free(&f);
		free(copy);
	}
	free(data);
}

/* A block inside a link ends a paragraph (a fuzzer's find). */
static void
test_block_in_link(void **state)
{
	static const char doc[] = "<rss><channel><item><title>Link</title>"
	    "<description><![CDATA[<p>Read <a href=\"https://x.example/a\">"
	    "the <div>full</div> story</a> now.</p>]]></description></item>"
	    "</channel></rss>";
	struct feed	f;

	parse_buf_ok(doc, sizeof doc - 1, &f);
	assert_int_equal(f.nitems, 1);
	assert_int_equal(f.items[0].nlinks, 1);
	assert_string_equal(f.items[0].links[0].url, "https://x.example/a");
	feed_parse_free(&f);
}

/*
 * A summary that repeats the content's first paragraph (other quotes and
 * spacing) is shown once; a reading-time line in the content goes.
 */
static void
test_lead_once(void **state)
{
	static const char doc[] =
	    "<rss version=\"2.0\" xmlns:content="
	    "\"http://purl.org/rss/1.0/modules/content/\"><channel>"
	    "<title>T</title><item><title>Strike ends</title>"
	    "<description>Dockers ended a nine-day strike, saying the deal "
	    "was \"fair\".</description>"
	    "<content:encoded><![CDATA[<p>7 min read</p>"
	    "<p>Dockers  ended a nine-day strike, saying the deal was "
	    "\xe2\x80\x9c" "fair\xe2\x80\x9d.</p><p>Ships are moving.</p>]]>"
	    "</content:encoded></item>"
	    "<item><title>Other</title><description>A summary of its "
	    "own.</description><content:encoded><![CDATA[<p>The story "
	    "itself.</p>]]></content:encoded></item></channel></rss>";
	struct feed	f;

	(void)state;
	parse_buf_ok(doc, sizeof doc - 1, &f);
	assert_int_equal(f.nitems, 2);
	assert_null(f.items[0].lead);
	assert_string_equal(f.items[0].body, "Dockers ended a nine-day strike, "
	    "saying the deal was \xe2\x80\x9c" "fair\xe2\x80\x9d.\n\n"
	    "Ships are moving.");
	assert_string_equal(f.items[1].lead, "A summary of its own.");
	feed_parse_free(&f);
}

/* Content we cannot show gives way to the next (a fuzzer's leak). */
static void
test_second_content(void **state)
{
	static const char doc[] = "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
	    "<entry><id>x</id><content type=\"image/png\" xml:base=\"a/\">"
	    "iVBOR</content><content type=\"html\" xml:base=\"b/\">"
	    "&lt;p&gt;Shown.&lt;/p&gt;</content></entry></feed>";
	struct feed	f;

	parse_buf_ok(doc, sizeof doc - 1, &f);
	assert_int_equal(f.nitems, 1);
	assert_string_equal(f.items[0].body, "Shown.");
	feed_parse_free(&f);
}

/* What the first bytes and the content type say a document is. */
static void
test_sniff(void **state)
{
	static const struct {
		const char	*doc;
		const char	*type;
		enum feed_kind	 kind;
	} cases[] = {
		{ "<?xml version=\"1.0\"?><rss version=\"2.0\">", NULL, FEED_KIND_RSS },
		{ "\xef\xbb\xbf\n<!-- hi --><!DOCTYPE rss [<!ENTITY a \"b\">]>"
		    "<rss>", NULL, FEED_KIND_RSS },
		{ "<rdf:RDF xmlns:rdf=\"x\">", NULL, FEED_KIND_RSS },
		{ "<feed xmlns=\"http://www.w3.org/2005/Atom\">", NULL,
		    FEED_KIND_ATOM },
		{ "<atom:feed xmlns:atom=\"x\">", NULL, FEED_KIND_ATOM },
		{ "  {\"version\": \"https://jsonfeed.org/version/1.1\"}",
		    NULL, FEED_KIND_JSON },
		{ "{\"items\": []}", "application/feed+json", FEED_KIND_JSON },
		{ "{\"items\": []}", "application/json", FEED_KIND_UNKNOWN },
		{ "<!DOCTYPE html><html><head>", "application/rss+xml",
		    FEED_KIND_UNKNOWN },
		{ "<html><body>", NULL, FEED_KIND_UNKNOWN },
		{ "<?xml version=\"1.0\"?>", "application/atom+xml",
		    FEED_KIND_ATOM },
		{ "", "application/rss+xml; charset=utf-8", FEED_KIND_RSS },
		{ "", NULL, FEED_KIND_UNKNOWN },
	};
	size_t	i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (feed_parse_sniff(cases[i].doc, strlen(cases[i].doc),
		    cases[i].type) != cases[i].kind)
			fail_msg("case %zu: \"%s\"", i, cases[i].doc);
	}
	/* UTF-16 with a byte order mark. */
	assert_int_equal(feed_parse_sniff("\xff\xfe<\0f\0e\0e\0d\0 \0", 14, NULL),
	    FEED_KIND_ATOM);
	assert_string_equal(feed_kind_name(FEED_KIND_RSS), "rss");
	assert_string_equal(feed_kind_name(FEED_KIND_ATOM), "atom");
	assert_string_equal(feed_kind_name(FEED_KIND_JSON), "json");
}

/* feed_discover on a page: the advertised feed's address, or NULL. */
static char *
discover(const char *page, const char *base)
{
	return feed_discover(page, strlen(page), base);
}

/* A page's advertised feed is found, made absolute, and checked. */
static void
test_discover(void **state)
{
	static const struct {
		const char	*page;
		const char	*want;		/* NULL: none found */
	} cases[] = {
		{ "<html><head><link rel=\"alternate\" type=\"application/"
		    "rss+xml\" href=\"/feed.xml\"></head></html>",
		    "https://news.example/feed.xml" },
		{ "<link rel=\"Alternate home\" type=\"application/atom+xml;"
		    " charset=utf-8\" href=\"atom\">",
		    "https://news.example/world/atom" },
		{ "<link rel=\"stylesheet\" type=\"text/css\" href=\"a\">"
		    "<link rel=\"alternate\" type=\"text/html\" href=\"b\">"
		    "<link rel=\"alternate\" type=\"application/feed+json\""
		    " href=\"https://other.example/j\">",
		    "https://other.example/j" },
		/* Addresses dossier may not fetch are passed over. */
		{ "<link rel=\"alternate\" type=\"application/rss+xml\""
		    " href=\"javascript:alert(1)\">"
		    "<link rel=\"alternate\" type=\"application/rss+xml\""
		    " href=\"ftp://news.example/feed\">", NULL },
		{ "<link rel=\"alternate\" type=\"application/rss+xml\">",
		    NULL },
		{ "<html><body><p>No feed here.</p></body></html>", NULL },
		{ "", NULL },
	};
	size_t	 i;
	char	*got;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = discover(cases[i].page, "https://news.example/world/");
		if (cases[i].want == NULL && got != NULL)
			fail_msg("case %zu: found %s", i, got);
		if (cases[i].want != NULL)
			assert_string_equal(got, cases[i].want);
		free(got);
	}
}

/*
 * Items are made on worker threads once the document is read: the
 * articles still come in the document's order, those with nothing to
 * keep counted skipped, each with its own text and HTML made text.
 */
static void
test_items_in_order(void **state)
{
	struct buf	 b;
	struct feed	 f;
	char		 want[64];
	size_t		 i, k;

	(void)state;
	buf_init(&b);
	buf_adds(&b, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
	    "<title>Order</title>");
	for (i = 0; i < 700; i++) {
		if (i % 7 == 3)		/* nothing to keep */
			buf_printf(&b, "<item><guid>g%zu</guid></item>", i);
		else
			buf_printf(&b, "<item><title>Item %zu</title>"
			    "<guid>g%zu</guid><description>&lt;p&gt;Text "
			    "&lt;b&gt;%zu&lt;/b&gt; here.&lt;/p&gt;"
			    "</description></item>", i, i, i);
	}
	buf_adds(&b, "</channel></rss>");
	parse_buf_ok(b.data, b.len, &f);
	assert_int_equal(f.nitems, 600);
	assert_int_equal(f.skipped, 100);
	for (i = k = 0; i < 700; i++) {
		if (i % 7 == 3)
			continue;
		snprintf(want, sizeof want, "Item %zu", i);
		assert_string_equal(f.items[k].title, want);
		snprintf(want, sizeof want, "Text %zu here.", i);
		assert_string_equal(f.items[k].body, want);
		snprintf(want, sizeof want, "g%zu", i);
		assert_string_equal(f.items[k].guid, want);
		assert_string_equal(f.items[k].outlet, "Order");
		k++;
	}
	feed_parse_free(&f);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rss2),
		cmocka_unit_test(test_atom),
		cmocka_unit_test(test_rss1),
		cmocka_unit_test(test_rss11),
		cmocka_unit_test(test_atom_entry),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_scan),
		cmocka_unit_test(test_xml_text_cut),
		cmocka_unit_test(test_double_escaped),
		cmocka_unit_test(test_dates_and_guids),
		cmocka_unit_test(test_hostile_fixture),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_hostile_title),
		cmocka_unit_test(test_billion_laughs),
		cmocka_unit_test(test_external_entity),
		cmocka_unit_test(test_many_items),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_block_in_link),
		cmocka_unit_test(test_second_content),
		cmocka_unit_test(test_lead_once),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_discover),
		cmocka_unit_test(test_items_in_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
