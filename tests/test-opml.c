/* Unit tests: reading and writing OPML subscription lists (opml.c). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "opml.h"
#include "banned.h"

#define OPML_HEAD	"<?xml version=\"1.0\"?>\n<opml version=\"2.0\">" \
			"<head><title>t</title></head><body>"
#define OPML_TAIL	"</body></opml>"

/* Parse a document that must be read. */
static void
parse_ok(const char *doc, struct opml *o)
{
	char	*err = NULL;

	if (opml_parse(doc, strlen(doc), o, &err) != 0)
		fail_msg("refused: %s", err);
	assert_null(err);
}

/* Parse a document that must be refused; its reason must hold want. */
static void
parse_refused(const char *doc, const char *want)
{
	struct opml	 o;
	char		*err = NULL;

	assert_int_equal(opml_parse(doc, strlen(doc), &o, &err), -1);
	assert_non_null(err);
	if (strstr(err, want) == NULL)
		fail_msg("\"%s\" does not say \"%s\"", err, want);
	/* Nothing is kept of a refused document. */
	assert_int_equal(o.n, 0);
	assert_null(o.v);
	free(err);
}

/* Entry i has these tags, in this order (NULL-terminated). */
static void
assert_tags(const struct opml_entry *e, const char *const *want)
{
	size_t	i;

	for (i = 0; want[i] != NULL; i++) {
		if (i >= e->ntags)
			fail_msg("%s: %zu tags, \"%s\" missing", e->url,
			    e->ntags, want[i]);
		assert_string_equal(e->tags[i], want[i]);
	}
	assert_int_equal(e->ntags, i);
}

/* Each enclosing folder, at every level, is a tag, outermost first. */
static void
test_nested(void **state)
{
	static const char doc[] = OPML_HEAD
	    "<outline text=\"News\">"
	    " <outline text=\"Europe\">"
	    "  <outline type=\"rss\" text=\"World\""
	    "   xmlUrl=\"https://world.example/feed\"/>"
	    " </outline>"
	    " <outline text=\"Observer\" xmlUrl=\"https://obs.example/rss\"/>"
	    "</outline>"
	    "<outline text=\"Top\" xmlUrl=\"http://top.example/\"/>"
	    "<outline text=\"Empty folder\"/>"
	    OPML_TAIL;
	static const char *const world[] = { "news", "europe", NULL };
	static const char *const observer[] = { "news", NULL };
	static const char *const none[] = { NULL };
	struct opml	o;

	parse_ok(doc, &o);
	assert_int_equal(o.n, 3);
	assert_string_equal(o.v[0].url, "https://world.example/feed");
	assert_tags(&o.v[0], world);
	assert_string_equal(o.v[1].url, "https://obs.example/rss");
	assert_tags(&o.v[1], observer);
	assert_string_equal(o.v[2].url, "http://top.example/");
	assert_tags(&o.v[2], none);
	assert_int_equal(o.skipped, 0);
	assert_int_equal(o.nnotes, 0);
	opml_free(&o);
}

/* The category attribute adds tags after the folders', each once. */
static void
test_category(void **state)
{
	static const char doc[] = OPML_HEAD
	    "<outline text=\"Energy\">"
	    " <outline text=\"Grid\" xmlUrl=\"https://grid.example/\""
	    "  category=\"/Energy/,/Baltic, /Power\"/>"
	    "</outline>"
	    OPML_TAIL;
	static const char *const want[] = { "energy", "baltic", "power",
	    NULL };
	struct opml	o;

	parse_ok(doc, &o);
	assert_int_equal(o.n, 1);
	assert_tags(&o.v[0], want);
	opml_free(&o);
}

/* Only http and https addresses are kept; the others say why not. */
static void
test_schemes(void **state)
{
	static const char doc[] = OPML_HEAD
	    "<outline text=\"a\" xmlUrl=\"https://ok.example/feed\"/>"
	    "<outline text=\"b\" xmlUrl=\"javascript:alert(1)\"/>"
	    "<outline text=\"c\" xmlUrl=\"file:///etc/passwd\"/>"
	    "<outline text=\"d\" xmlUrl=\"ftp://ftp.example/feed\"/>"
	    "<outline text=\"e\" xmlUrl=\"HTTP://Plain.Example/feed\"/>"
	    OPML_TAIL;
	struct opml	o;
	size_t		i;

	parse_ok(doc, &o);
	assert_int_equal(o.n, 5);
	assert_null(o.v[0].error);
	for (i = 1; i < 4; i++)
		if (o.v[i].error == NULL)
			fail_msg("%s was accepted", o.v[i].url);
	/* Kept, in the one spelling the library keeps addresses in. */
	assert_null(o.v[4].error);
	assert_string_equal(o.v[4].url, "http://plain.example/feed");
	opml_free(&o);
}

/* A document that declares entities or attributes is refused. */
static void
test_declarations_refused(void **state)
{
	parse_refused("<?xml version=\"1.0\"?>\n<!DOCTYPE opml [\n"
	    "<!ENTITY a \"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;\">\n]>\n"
	    "<opml version=\"2.0\"><body><outline text=\"&b;\""
	    " xmlUrl=\"http://x.example/\"/></body></opml>",
	    "declares entities");
	parse_refused("<?xml version=\"1.0\"?>\n<!DOCTYPE opml [\n"
	    "<!ENTITY ext SYSTEM \"file:///etc/passwd\">\n]>\n"
	    "<opml version=\"2.0\"><body/></opml>", "declares entities");
	parse_refused("<?xml version=\"1.0\"?>\n<!DOCTYPE opml [\n"
	    "<!ATTLIST outline xmlUrl CDATA \"http://x.example/\">\n]>\n"
	    "<opml version=\"2.0\"><body><outline text=\"a\"/></body></opml>",
	    "declares attributes");
}

/* What is not OPML, or not well formed, is refused with a reason. */
static void
test_not_opml(void **state)
{
	parse_refused(OPML_HEAD "<outline text=\"a\">" OPML_TAIL,
	    "not well-formed XML");
	parse_refused("<rss version=\"2.0\"><channel/></rss>",
	    "the root element is not <opml>");
	parse_refused("<opml version=\"2.0\"><head/></opml>", "no <body>");
	parse_refused("", "cannot read the file");
}

/* Outlines nested past OPML_MAX_DEPTH are refused. */
static void
test_depth(void **state)
{
	char	doc[4096];
	size_t	len = 0, i;
	int	n;

	n = snprintf(doc, sizeof doc, "%s", OPML_HEAD);
	len = (size_t)n;
	for (i = 0; i <= OPML_MAX_DEPTH; i++) {
		n = snprintf(doc + len, sizeof doc - len,
		    "<outline text=\"f%zu\">", i);
		len += (size_t)n;
	}
	n = snprintf(doc + len, sizeof doc - len,
	    "<outline text=\"x\" xmlUrl=\"http://x.example/\"/>");
	len += (size_t)n;
	for (i = 0; i <= OPML_MAX_DEPTH; i++) {
		n = snprintf(doc + len, sizeof doc - len, "</outline>");
		len += (size_t)n;
	}
	n = snprintf(doc + len, sizeof doc - len, "%s", OPML_TAIL);
	assert_true(len + (size_t)n < sizeof doc);
	parse_refused(doc, "nested deeper than");
}

/*
 * A feed's title is its title attribute, else its text, as one clean
 * line; none if both are empty.
 */
static void
test_titles(void **state)
{
	static const char doc[] = OPML_HEAD
	    "<outline text=\"Text\" title=\"Title\" xmlUrl=\"http://a.test/\"/>"
	    "<outline text=\"Energy &amp; &lt;Power&gt;\""
	    " xmlUrl=\"http://b.test/\"/>"
	    "<outline text=\"\" xmlUrl=\"http://c.test/\"/>"
	    "<outline text=\"Evil &#x9b;31m &#x202e;title\""
	    " xmlUrl=\"http://d.test/\"/>"
	    OPML_TAIL;
	struct opml	o;

	parse_ok(doc, &o);
	assert_int_equal(o.n, 4);
	assert_string_equal(o.v[0].title, "Title");
	assert_string_equal(o.v[1].title, "Energy & <Power>");
	assert_null(o.v[2].title);
	/* No escape sequence (CSI 31m), no bidi override (U+202E). */
	assert_string_equal(o.v[3].title, "Evil title");
	opml_free(&o);
}

/* A folder name that makes no tag is left out, with a note. */
static void
test_folder_notes(void **state)
{
	static const char doc[] = OPML_HEAD
	    "<outline text=\"###\">"
	    " <outline text=\"a\" xmlUrl=\"http://a.test/\"/>"
	    "</outline>"
	    OPML_TAIL;
	static const char *const none[] = { NULL };
	struct opml	o;

	parse_ok(doc, &o);
	assert_int_equal(o.n, 1);
	assert_tags(&o.v[0], none);
	assert_int_equal(o.nnotes, 1);
	assert_string_equal(o.notes[0], "folder \"###\" makes no tag (it "
	    "needs a letter or digit) and is left out");
	opml_free(&o);
}

/* What is written reads back as the same feeds with the same tags. */
static void
test_round_trip(void **state)
{
	static const char *const t1[] = { "europe", "energy", NULL };
	static const char *const t2[] = { "asia", NULL };
	char		*tags1[] = { "europe", "energy" }, *tags2[] = { "asia" };
	struct opml_entry v[3];
	struct opml	 o, back;
	char		*doc;

	memset(v, 0, sizeof v);
	v[0].url = "https://a.example/feed";
	v[0].title = "A & <B>";
	v[0].tags = tags1;
	v[0].ntags = 2;
	v[1].url = "https://c.example/feed";
	v[2].url = "https://d.example/feed";
	v[2].tags = tags2;
	v[2].ntags = 1;
	memset(&o, 0, sizeof o);
	o.v = v;
	o.n = 3;
	doc = opml_write(&o, "Subscriptions");
	assert_non_null(strstr(doc, "<opml version=\"2.0\">"));
	parse_ok(doc, &back);
	/* Untagged first, then a folder per first tag, in tag order. */
	assert_int_equal(back.n, 3);
	assert_string_equal(back.v[0].url, "https://c.example/feed");
	assert_string_equal(back.v[0].title, "https://c.example/feed");
	assert_string_equal(back.v[1].url, "https://d.example/feed");
	assert_tags(&back.v[1], t2);
	assert_string_equal(back.v[2].url, "https://a.example/feed");
	assert_string_equal(back.v[2].title, "A & <B>");
	assert_tags(&back.v[2], t1);
	opml_free(&back);
	free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nested),
		cmocka_unit_test(test_category),
		cmocka_unit_test(test_schemes),
		cmocka_unit_test(test_declarations_refused),
		cmocka_unit_test(test_not_opml),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_titles),
		cmocka_unit_test(test_folder_notes),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
