/*
 * Tests for import-sniff.c: how import tells HTML, Markdown and text apart
 * by a file's name and first bytes, and which bytes it refuses.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "import.h"
#include "xmalloc.h"
#include "banned.h"

/* The format of a NUL-terminated string's bytes under a name. */
static enum import_format
sniff(const char *path, const char *s)
{
	return import_sniff(path, s, strlen(s));
}

/* A name's suffix decides, whatever the bytes say. */
static void
test_by_name(void **state)
{
	static const struct {
		const char		*path;
		enum import_format	 want;
	} names[] = {
		{ "page.html", IMPORT_HTML }, { "page.HTM", IMPORT_HTML },
		{ "a/b.xhtml", IMPORT_HTML }, { "b.shtml", IMPORT_HTML },
		{ "story.md", IMPORT_MARKDOWN },
		{ "story.Markdown", IMPORT_MARKDOWN },
		{ "story.mdown", IMPORT_MARKDOWN },
		{ "story.mkd", IMPORT_MARKDOWN },
		{ "notes.txt", IMPORT_TEXT }, { "notes.TEXT", IMPORT_TEXT },
		{ "notes", IMPORT_UNKNOWN }, { "notes.htmlx", IMPORT_UNKNOWN },
		{ "notes.html.bak", IMPORT_UNKNOWN },
		/* The suffix alone is no name. */
		{ ".txt", IMPORT_UNKNOWN }, { ".md", IMPORT_UNKNOWN },
		{ "", IMPORT_UNKNOWN }
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (import_sniff_name(names[i].path) != names[i].want)
			fail_msg("%s: got %d", names[i].path,
			    (int)import_sniff_name(names[i].path));
	assert_int_equal(sniff("notes.txt", "<!DOCTYPE html><p>x"),
	    IMPORT_TEXT);
	assert_int_equal(sniff("page.html", "---\ntitle: x\n---\n"),
	    IMPORT_HTML);
	assert_int_equal(sniff("story.md", "<html>"), IMPORT_MARKDOWN);
	/* An unknown name, or none, leaves it to the bytes. */
	assert_int_equal(sniff("notes", "<html>"), IMPORT_HTML);
	assert_int_equal(sniff(".txt", "<html>"), IMPORT_HTML);
	assert_int_equal(sniff(NULL, "<html>"), IMPORT_HTML);
	assert_int_equal(sniff(NULL, "---\n"), IMPORT_MARKDOWN);
}

/* HTML is markup at the start: a doctype, <html>, <head>, <!--, <?xml. */
static void
test_html(void **state)
{
	static const char *const html[] = {
		"<!DOCTYPE html>\n<html><p>x</p></html>",
		"<!doctype HTML public>",
		"<html lang=\"en\"><body>x</body></html>",
		"<HTML>",
		"<head><title>x</title></head>",
		"<!-- saved from url=(0014)about:internet -->\n<p>x",
		"<?xml version=\"1.0\"?><html/>",
		" \t\r\n<html>",
		"\xef\xbb\xbf<!DOCTYPE html>"
	};
	static const char *const text[] = {
		"<p>Not a page</p>",
		"<body>x</body>",
		"<!DOCTYPE svg>",
		"Headline\n\n<html> in a sentence",
		"\f<html>",
		"\xef\xbb\xbf\xef\xbb\xbf<html>",
		"",
		"Plain text"
	};
	char	*s;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof html / sizeof html[0]; i++)
		if (sniff(NULL, html[i]) != IMPORT_HTML)
			fail_msg("not HTML: \"%s\"", html[i]);
	for (i = 0; i < sizeof text / sizeof text[0]; i++)
		if (sniff(NULL, text[i]) != IMPORT_TEXT)
			fail_msg("not text: \"%s\"", text[i]);

	/* The markup must come within the first 1024 bytes. */
	s = xmalloc(1024 + 7);
	memset(s, ' ', 1023);
	memcpy(s + 1023, "<html>", 7);
	assert_int_equal(import_sniff(NULL, s, 1023 + 6), IMPORT_HTML);
	memset(s, '\n', 1024);
	memcpy(s + 1024, "<html>", 6);
	assert_int_equal(import_sniff(NULL, s, 1024 + 6), IMPORT_TEXT);
	free(s);
	/* The length given is the end: a prefix cut short is no match. */
	assert_int_equal(import_sniff(NULL, "<htm", 4), IMPORT_TEXT);
	assert_int_equal(import_sniff(NULL, "<html>", 4), IMPORT_TEXT);
}

/* Markdown is front matter: a first line of "---", after any BOM. */
static void
test_front_matter(void **state)
{
	static const char *const md[] = {
		"---\ntitle: Talks resume\n---\nBody.",
		"---\r\ntitle: x\r\n---\r\n",
		"---\rtitle: x",
		"\xef\xbb\xbf---\ntitle: x\n---\n"
	};
	static const char *const text[] = {
		"---", "--- \n", "----\n", " ---\n", "--\n", "***\n",
		"Title\n---\n"
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof md / sizeof md[0]; i++)
		if (sniff(NULL, md[i]) != IMPORT_MARKDOWN)
			fail_msg("not Markdown: \"%s\"", md[i]);
	for (i = 0; i < sizeof text / sizeof text[0]; i++)
		if (sniff(NULL, text[i]) != IMPORT_TEXT)
			fail_msg("not text: \"%s\"", text[i]);
}

#define EMPTY	"empty file"
#define BINARY	"binary file, not a saved story"
#define UTF16	"UTF-16 text is not supported; save it as UTF-8"

/* Check what import_sniff_refuse says of len bytes (NULL: nothing). */
static void
check_refuse(const char *s, size_t len, const char *want)
{
	const char	*got = import_sniff_refuse(s, len);

	if (want == NULL && got != NULL)
		fail_msg("refused (%s) %zu bytes", got, len);
	if (want != NULL && (got == NULL || strcmp(got, want) != 0))
		fail_msg("%zu bytes: want \"%s\", got \"%s\"", len, want,
		    got != NULL ? got : "(accepted)");
}

/* Empty, binary and UTF-16 files are refused; text with escapes is not. */
static void
test_refuse(void **state)
{
	char	*s;
	size_t	 n = 65536;

	(void)state;
	check_refuse("", 0, EMPTY);
	check_refuse(" \t\r\n\f\v", 6, EMPTY);
	check_refuse("x", 1, NULL);
	check_refuse("A story\n", 8, NULL);
	check_refuse("abc\0def", 7, BINARY);
	check_refuse("\0", 1, BINARY);
	/* Control bytes: more than one in ten is binary. */
	check_refuse("\x01" "23456789\x02", 10, BINARY);
	check_refuse("\x01" "234567890", 10, NULL);
	/* Tab, newlines, form feed and ESC are not counted. */
	check_refuse("\t\t\n\n\r\r\f\f\x1b\x1b", 10, NULL);
	check_refuse("\x1b[31mred\x1b[0m", 12, NULL);
	/* UTF-16 with either byte order mark; a BOM alone is no proof. */
	check_refuse("\xff\xfeH\0i\0", 6, UTF16);
	check_refuse("\xfe\xff\0H\0i", 6, UTF16);
	check_refuse("\xff\xfe" "abcd", 6, NULL);
	check_refuse("\xff\xfeH\0", 4, UTF16);
	check_refuse("\xff\xfe\0", 3, BINARY);
	/* Only the first 64 KiB are looked at. */
	s = xmalloc(n + 1);
	memset(s, 'a', n + 1);
	s[n] = '\0';
	check_refuse(s, n + 1, NULL);
	s[n - 1] = '\0';
	check_refuse(s, n + 1, BINARY);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_by_name),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_front_matter),
		cmocka_unit_test(test_refuse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
