/* Tests for the saved-text story parser. */
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
#include "import.h"
#include "utf8.h"
#include "test-util.h"
#include "xmalloc.h"
#include "banned.h"

/* Read a text fixture (exact size, no NUL after it). */
static char *
fixture_read(const char *name, size_t *len)
{
	return test_fixture("text", name, len);
}

/* Parse bytes as the import driver does: normalize, then parse. */
static int
parse_bytes(const char *s, size_t len, struct article *a, char **err)
{
	char	*text, *exact;
	size_t	 tlen;
	int	 rc;

	text = utf8_normalize(s, len, &tlen);
	exact = xmalloc(tlen > 0 ? tlen : 1);	/* no NUL past the end */
	memcpy(exact, text, tlen);
	free(text);
	article_init(a);
	*err = NULL;
	rc = import_text_parse(exact, tlen, a, err);
	free(exact);
	return rc;
}

/* Parse a fixture that must succeed. */
static void
parse_fixture(const char *name, struct article *a)
{
	char	*data, *err;
	size_t	 len;

	data = fixture_read(name, &len);
	if (parse_bytes(data, len, a, &err) != 0)
		fail_msg("%s: %s", name, err);
	assert_null(err);
	free(data);
}

/* Parse a string that must succeed. */
static void
parse_string(const char *s, struct article *a)
{
	char	*err;

	if (parse_bytes(s, strlen(s), a, &err) != 0)
		fail_msg("parse failed: %s", err);
}

/* Check the body is exactly these paragraphs, in order. */
static void
check_body(const struct article *a, const char *const *want, size_t n)
{
	const char	*p, *end, *nl;
	size_t		 i = 0, plen;
	char		*got;

	assert_non_null(a->body);
	assert_int_equal(strlen(a->body), a->body_len);
	p = a->body;
	end = a->body + a->body_len;
	while (p <= end) {
		nl = strstr(p, "\n\n");
		plen = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
		if (i == n)
			fail_msg("extra paragraph: %.*s", (int)plen, p);
		got = xstrndup(p, plen);
		assert_string_equal(got, want[i]);
		free(got);
		i++;
		if (nl == NULL)
			break;
		p = nl + 2;
	}
	assert_int_equal(i, n);
}

/* Check the subheadings are exactly these. */
static void
check_subheadings(const struct article *a, const char *const *want, size_t n)
{
	size_t	 i;
	char	*got;

	assert_int_equal(a->nsubheadings, n);
	for (i = 0; i < n; i++) {
		got = xstrndup(a->body + a->subheadings[i].start,
		    a->subheadings[i].end - a->subheadings[i].start);
		assert_string_equal(got, want[i]);
		free(got);
	}
}

static void
test_full(void **state)
{
	static const char *const body[] = {
		"Valdoria and Ostmark signed a treaty on Thursday that divides "
		"the waters of the Serin river, ending a dispute that twice "
		"brought the two armies to the border.",
		"\"This is a day our farmers have waited for,\" Valdorian Prime "
		"Minister Anton Reisz told reporters in Kell. \"Nobody lost "
		"today.\"",
		"The treaty sets quotas for each dry season and creates a joint "
		"commission that will meet every spring.",
		"What the commission will do",
		"The commission, chaired in turn by each country, will measure "
		"the flow at three stations and publish the figures every month.",
		"Critics in Ostmark said the quotas favour Valdoria in wet years.",
		"Reporting by Maria Vostra; Editing by Karl Dunn",
	};
	static const char *const sub[] = { "What the commission will do" };
	struct article	a;

	(void)state;
	parse_fixture("full.txt", &a);
	assert_string_equal(a.title,
	    "Valdoria and Ostmark sign river treaty after decade of talks");
	assert_string_equal(a.outlet, "The Northern Courier");
	assert_string_equal(a.byline, "Maria Vostra and AP");
	assert_string_equal(a.published, "2024-03-14T09:05");
	assert_string_equal(a.lead, "The accord shares the waters of the Serin "
	    "between the two neighbours for the first time since 1990.");
	assert_int_equal(a.ncaptions, 2);
	assert_string_equal(a.captions[0], "Foreign Minister Ilse Brandel "
	    "shakes hands with her Valdorian counterpart at the border town "
	    "of Kell, March 13, 2024 (photo credit: COURIER STAFF/PETR HALAS)");
	assert_string_equal(a.captions[1], "A dam on the upper Serin, seen "
	    "from the air near Tobel, February 2, 2024 (credit: OSTMARK WATER "
	    "AGENCY/HANDOUT)");
	check_body(&a, body, sizeof body / sizeof body[0]);
	check_subheadings(&a, sub, 1);
	assert_null(strstr(a.body, "Advertisement"));
	assert_null(strstr(a.body, "Read more"));
	article_free(&a);
}

/* No byline, an "Updated:" line, no standfirst: the long paragraph is body. */
static void
test_updated(void **state)
{
	struct article	a;

	(void)state;
	parse_fixture("updated.txt", &a);
	assert_string_equal(a.title, "Border crossings reopen as storm clears");
	assert_string_equal(a.outlet, "The Valdoria Herald");
	assert_null(a.byline);
	assert_null(a.lead);
	assert_string_equal(a.published, "2023-09-03");
	assert_int_equal(a.ncaptions, 0);
	assert_int_equal(a.nsubheadings, 0);
	assert_true(strncmp(a.body, "Officials in the northern province",
	    34) == 0);
	assert_non_null(strstr(a.body, "\n\nThe ministry said the roads would "
	    "be checked again on Monday."));
	article_free(&a);
}

/* CRLF, single newlines between paragraphs, "By Name, Agency". */
static void
test_crlf(void **state)
{
	static const char *const body[] = {
		"Ostmark recalled its ambassador to Valdoria on Sunday after two "
		"embassy staff were accused of spying on a defence plant.",
		"\"We will not accept this,\" Foreign Minister Ilse Brandel said.",
		"Second expulsion this year",
		"It is the second such expulsion this year, after a trade "
		"attache was sent home in April.",
	};
	static const char *const sub[] = { "Second expulsion this year" };
	struct article	a;

	(void)state;
	parse_fixture("crlf.txt", &a);
	assert_string_equal(a.title,
	    "Ostmark recalls ambassador over spying case");
	assert_string_equal(a.outlet, "Ostmark Sentinel");
	assert_string_equal(a.byline, "Jane Doe, Reuters");
	assert_string_equal(a.published, "2023-09-03T10:05");
	assert_null(a.lead);
	check_body(&a, body, sizeof body / sizeof body[0]);
	check_subheadings(&a, sub, 1);
	assert_null(strchr(a.body, '\r'));
	article_free(&a);
}

/* Paragraphs only: the title is the first words, no outlet. */
static void
test_plain(void **state)
{
	struct article	a;

	(void)state;
	parse_fixture("plain.txt", &a);
	assert_string_equal(a.title,
	    "The council of the Serin basin met for the first time on");
	assert_null(a.outlet);
	assert_null(a.byline);
	assert_null(a.published);
	assert_null(a.lead);
	assert_true(strncmp(a.body, "The council of the Serin basin met for "
	    "the first time on Monday in the town of Kell,", 82) == 0);
	assert_non_null(strstr(a.body, "\n\nA second meeting is planned for "
	    "June."));
	article_free(&a);
}

/* Paragraphs only, first line short and unpunctuated: it is the title. */
static void
test_plain_short(void **state)
{
	static const char *const body[] = {
		"The council met for the first time on Monday in Kell.",
		"Delegates agreed on a calendar of meetings for the year.",
	};
	struct article	a;

	(void)state;
	parse_fixture("plain-short.txt", &a);
	assert_string_equal(a.title, "Notes from the Serin basin council");
	assert_null(a.outlet);
	check_body(&a, body, sizeof body / sizeof body[0]);
	assert_int_equal(a.nsubheadings, 0);
	article_free(&a);
}

/* The outlet alone above the headline; a "Photo:" caption. */
static void
test_outlet_alone(void **state)
{
	struct article	a;

	(void)state;
	parse_fixture("outlet-alone.txt", &a);
	assert_string_equal(a.outlet, "Meridian Daily");
	assert_string_equal(a.title,
	    "Valdorian court rejects appeal by jailed editor");
	assert_null(a.published);
	assert_int_equal(a.ncaptions, 1);
	assert_string_equal(a.captions[0], "Photo: Supporters of Tomas Hale "
	    "outside the court in Varn, May 7, 2024");
	assert_null(strstr(a.body, "Photo:"));
	assert_true(strncmp(a.body, "The supreme court of Valdoria", 29) == 0);
	article_free(&a);
}

/* Captions in both orders, repeated lines, agency credits, a repeat later. */
static void
test_captions(void **state)
{
	static const char *const body[] = {
		"Valdorians vote on Sunday in an election called after weeks of "
		"protests over the price of fuel.",
		"Turnout by noon was higher than at the last vote, the election "
		"commission said.",
		"Polls close at 8 p.m. local time.",
	};
	struct article	a;

	(void)state;
	parse_fixture("captions.txt", &a);
	assert_string_equal(a.byline, "Petra Lind");
	assert_string_equal(a.published, "2023-08-26");
	assert_int_equal(a.ncaptions, 3);
	assert_string_equal(a.captions[0], "Protesters gather outside "
	    "parliament in Varn, August 25, 2023 (Photo: Sentinel/Ana Roth)");
	assert_string_equal(a.captions[1], "Voters queue in the rain in Tobel");
	assert_string_equal(a.captions[2], "Soldiers guard a polling station "
	    "in Kell, August 26, 2023 (AP Photo/Luca Brann)");
	check_body(&a, body, sizeof body / sizeof body[0]);
	assert_int_equal(a.nsubheadings, 0);
	article_free(&a);
}

/* The same caption with two credit styles, far apart, is kept once. */
static void
test_caption_far_repeat(void **state)
{
	struct article	a;

	(void)state;
	parse_string("Ferry service resumes on the Serin\n\n"
	    "A ferry leaves the quay at Kell, May 2, 2024\n"
	    "A ferry leaves the quay at Kell, May 2, 2024 (credit: ANA ROTH)\n\n"
	    "The ferry runs twice a day again.\n\n"
	    "Tickets cost the same as last year.\n\n"
	    "A ferry leaves the quay at Kell, May 2, 2024 (photo credit: ANA "
	    "ROTH/NORTHWIRE)\n\n"
	    "The operator said more boats would follow.\n", &a);
	assert_int_equal(a.ncaptions, 1);
	assert_string_equal(a.captions[0], "A ferry leaves the quay at Kell, "
	    "May 2, 2024 (photo credit: ANA ROTH/NORTHWIRE)");
	assert_string_equal(a.body, "The ferry runs twice a day again.\n\n"
	    "Tickets cost the same as last year.\n\n"
	    "The operator said more boats would follow.");
	article_free(&a);
}

/* Escape sequences and control characters never reach a field. */
static void
test_escapes(void **state)
{
	struct article	a;

	(void)state;
	parse_string("\x1b[31mValdoria\x1b[0m votes\x07 on\x01 treaty"
	    "\x1b]0;owned\x07\n\nBy \x1b[1mJANE DOE\n\n"
	    "Voters \xc2\x9b" "2Jwent to the polls\x1b" "c on Sunday.\n", &a);
	assert_string_equal(a.title, "Valdoria votes on treaty");
	assert_string_equal(a.byline, "Jane Doe");
	assert_string_equal(a.body, "Voters went to the polls on Sunday.");
	article_free(&a);
}

/* Bylines in capitals come out in title case, acronyms kept. */
static void
test_byline_case(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} c[] = {
		{ "By REUTERS", "Reuters" },
		{ "By AFP", "AFP" },
		{ "BY JANE DOE AND JOHN O'NEIL", "Jane Doe and John O'Neil" },
		{ "By ANA LUZ-ROTH, AP", "Ana Luz-Roth, AP" },
		{ "By Jane Doe and John Roe", "Jane Doe and John Roe" },
		{ "By Jane Doe, Reuters", "Jane Doe, Reuters" },
	};
	struct article	 a;
	char		*s;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		xasprintf(&s, "A headline without a stop\n\n%s\n"
		    "Published: 2 May 2024\n\nThe body says something.\n",
		    c[i].in);
		parse_string(s, &a);
		assert_string_equal(a.byline, c[i].out);
		assert_string_equal(a.published, "2024-05-02");
		assert_string_equal(a.body, "The body says something.");
		article_free(&a);
		free(s);
	}
}

/* Hard-wrapped paragraphs separated by blank lines are joined. */
static void
test_wrapped(void **state)
{
	static const char *const body[] = {
		"The talks in Kell went on until late in the evening and the two "
		"delegations agreed to meet again in the spring, officials said.",
		"No date was set.",
	};
	struct article	a;

	(void)state;
	parse_string("Talks end without deal\n\n"
	    "The talks in Kell went on until late in the evening and\n"
	    "the two delegations agreed to meet again in the spring,\n"
	    "officials said.\n\nNo date was set.\n", &a);
	check_body(&a, body, sizeof body / sizeof body[0]);
	article_free(&a);
}

/* The Published line beats the site-line date; Updated loses to it. */
static void
test_date_rank(void **state)
{
	struct article	a;

	(void)state;
	parse_string("date 2023-08-25 Ostmark Sentinel - Home\n"
	    "A short headline here\n"
	    "Updated: Aug. 27, 2023 at 4:26 p.m. ET\n"
	    "Published: Aug. 26, 2023 at 9:00 a.m. ET\n\n"
	    "The body says something.\n", &a);
	assert_string_equal(a.published, "2023-08-26T09:00-04:00");
	article_free(&a);
	parse_string("date 2023-08-25 Ostmark Sentinel - Home\n"
	    "A short headline here\n\nThe body says something.\n", &a);
	assert_string_equal(a.published, "2023-08-25");
	assert_string_equal(a.outlet, "Ostmark Sentinel");
	article_free(&a);
}

/* A date on the byline line, a dateless "Updated" line, a lead before a photo. */
static void
test_header_variants(void **state)
{
	struct article	a;

	(void)state;
	parse_string("Quiet deal in Kell\n\nBy JANE DOE | Published 3 Sep 2023 "
	    "10:05\nUpdated 2 hours ago\n\nThe body is here.\n", &a);
	assert_string_equal(a.byline, "Jane Doe");
	assert_string_equal(a.published, "2023-09-03T10:05");
	assert_null(a.lead);
	assert_string_equal(a.body, "The body is here.");
	article_free(&a);

	parse_string("Quiet deal in Kell\nBy Ana Roth, Northwire Published: "
	    "Sept. 3, 2023\nThe body is here.\n", &a);
	assert_string_equal(a.byline, "Ana Roth, Northwire");
	assert_string_equal(a.published, "2023-09-03");
	article_free(&a);

	parse_string("Quiet deal in Kell\n\nA short standfirst says what "
	    "happened.\n\nDelegates sign the deal in Kell (photo credit: "
	    "ANA ROTH/NORTHWIRE)\n\nThe body is here.\n", &a);
	assert_string_equal(a.lead, "A short standfirst says what happened.");
	assert_int_equal(a.ncaptions, 1);
	assert_string_equal(a.body, "The body is here.");
	article_free(&a);

	/* Without byline, date or photo the short paragraph is body. */
	parse_string("Quiet deal in Kell\n\nA short first paragraph.\n\n"
	    "The body goes on.\n", &a);
	assert_null(a.lead);
	assert_string_equal(a.body, "A short first paragraph.\n\n"
	    "The body goes on.");
	article_free(&a);
}

static void
test_no_story(void **state)
{
	static const char *const in[] = {
		"", "\n\n\n", "   \r\n\t\r\n", "\x1b[0m\x1b[2J\n", "\x01\x02\x03",
		"Advertisement\n"
	};
	struct article	 a;
	char		*err;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof in / sizeof in[0]; i++) {
		assert_int_equal(parse_bytes(in[i], strlen(in[i]), &a, &err),
		    -1);
		assert_non_null(err);
		assert_string_equal(err, "no headline and no text");
		free(err);
		article_free(&a);
	}
}

/* A 10 MB line with no newline parses, in linear time. */
static void
test_huge_line(void **state)
{
	size_t		 len = 10u * 1024 * 1024, i;
	char		*s, *err = NULL;
	struct article	 a;

	(void)state;
	s = xmalloc(len);
	for (i = 0; i < len; i++)
		s[i] = (i % 7 == 6) ? ' ' : (char)('a' + i % 7);
	article_init(&a);
	assert_int_equal(import_text_parse(s, len, &a, &err), 0);
	assert_string_equal(a.title, "abcdef abcdef abcdef abcdef abcdef "
	    "abcdef abcdef abcdef abcdef abcdef abcdef abcdef");
	assert_true(a.body_len > len - 16 && a.body_len <= len);
	assert_int_equal(a.ncaptions, 0);
	article_free(&a);

	/* The same with no space at all, and all open parentheses. */
	memset(s, 'x', len);
	article_init(&a);
	assert_int_equal(import_text_parse(s, len, &a, &err), 0);
	assert_true(strlen(a.title) <= 300);
	article_free(&a);
	memset(s, '(', len);
	article_init(&a);
	assert_int_equal(import_text_parse(s, len, &a, &err), 0);
	article_free(&a);
	free(s);
}

/* 100,000 lines of captions and paragraphs finish and keep order. */
static void
test_many_lines(void **state)
{
	char		*s, *err = NULL, *line;
	size_t		 i, len = 0, cap = 16u * 1024 * 1024;
	struct article	 a;
	int		 n;

	(void)state;
	s = xmalloc(cap);
	for (i = 0; i < 100000; i++) {
		if (i % 2 == 0)
			n = xasprintf(&line, "Crowds gather in Varn square "
			    "number %zu (photo credit: COURIER/ANA ROTH)\n",
			    i % 5000);
		else
			n = xasprintf(&line, "Paragraph %zu of the story.\n",
			    i);
		assert_true(len + (size_t)n < cap);
		memcpy(s + len, line, (size_t)n);
		len += (size_t)n;
		free(line);
	}
	article_init(&a);
	assert_int_equal(import_text_parse(s, len, &a, &err), 0);
	assert_true(a.ncaptions > 0 && a.ncaptions <= 2500);
	assert_non_null(strstr(a.body, "Paragraph 99999 of the story."));
	assert_null(strstr(a.body, "photo credit"));
	article_free(&a);
	free(s);
}

/* Random bytes with many line breaks and marks: no crash, sane result. */
static void
test_random(void **state)
{
	static const char alphabet[] = "ab (By)\n\n\r:.-|\"\x1b[0m"
	    "credit:Photo: 2023-08-26 \xc2\xb7\xe2\x80\x94";
	uint32_t	 x = 12345;
	size_t		 round, i, len;
	char		*s, *err;
	struct article	 a;

	(void)state;
	for (round = 0; round < 200; round++) {
		len = 1 + round * 37;
		s = xmalloc(len);
		for (i = 0; i < len; i++) {
			x = x * 1103515245 + 12345;
			s[i] = alphabet[(x >> 16) % (sizeof alphabet - 1)];
		}
		if (parse_bytes(s, len, &a, &err) == 0) {
			assert_null(err);
			assert_true(a.title != NULL || a.body != NULL);
		} else
			assert_non_null(err);
		free(err);
		article_free(&a);
		free(s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_updated),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_plain_short),
		cmocka_unit_test(test_outlet_alone),
		cmocka_unit_test(test_captions),
		cmocka_unit_test(test_caption_far_repeat),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_byline_case),
		cmocka_unit_test(test_wrapped),
		cmocka_unit_test(test_date_rank),
		cmocka_unit_test(test_header_variants),
		cmocka_unit_test(test_no_story),
		cmocka_unit_test(test_huge_line),
		cmocka_unit_test(test_many_lines),
		cmocka_unit_test(test_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
