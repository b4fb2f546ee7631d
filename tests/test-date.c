/* Tests for date_parse and date_epoch. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"
#include "xmalloc.h"
#include "banned.h"

struct date_case {
	const char	*in;
	const char	*out;		/* NULL: no date */
};

/*
 * Parse from a heap copy of exactly the input's length, with no NUL after
 * it, so a read past the end shows under ASan.
 */
static char *
parse_exact(const char *s, size_t len)
{
	char	*copy, *out;

	copy = xmalloc(len > 0 ? len : 1);
	memcpy(copy, s, len);
	out = date_parse(copy, len);
	free(copy);
	return out;
}

/* Check a table of inputs against the ISO strings expected. */
static void
check_cases(const struct date_case *c, size_t n)
{
	size_t	 i;
	char	*out;

	for (i = 0; i < n; i++) {
		out = parse_exact(c[i].in, strlen(c[i].in));
		if (c[i].out == NULL) {
			if (out != NULL)
				fail_msg("\"%s\" gave \"%s\", wanted none",
				    c[i].in, out);
		} else {
			if (out == NULL)
				fail_msg("\"%s\" gave no date", c[i].in);
			assert_string_equal(out, c[i].out);
		}
		free(out);
	}
}

static void
test_iso(void **state)
{
	static const struct date_case c[] = {
		{ "2023-08-26", "2023-08-26" },
		{ "2023-08-26T16:26", "2023-08-26T16:26" },
		{ "2023-08-26 16:26", "2023-08-26T16:26" },
		{ "2023-08-26T16:26:05", "2023-08-26T16:26:05" },
		{ "2023-08-26T16:26:05Z", "2023-08-26T16:26:05Z" },
		{ "2023-08-26T16:26:05.123456Z", "2023-08-26T16:26:05Z" },
		{ "2023-08-26T16:26:05+02:00", "2023-08-26T16:26:05+02:00" },
		{ "2023-08-26T16:26:05.5-05:30", "2023-08-26T16:26:05-05:30" },
		{ "2023-08-26T16:26:05+0200", "2023-08-26T16:26:05+02:00" },
		{ "2023/08/26", "2023-08-26" },
		{ "2023.8.6", "2023-08-06" },
		{ " date 2023-08-26 The Daily Herald - News", "2023-08-26" },
	};

	(void)state;
	check_cases(c, sizeof c / sizeof c[0]);
}

static void
test_rfc822(void **state)
{
	static const struct date_case c[] = {
		{ "Sat, 26 Aug 2023 16:26:00 GMT", "2023-08-26T16:26:00Z" },
		{ "Sat, 26 Aug 2023 16:26:00 UTC", "2023-08-26T16:26:00Z" },
		{ "Sat, 26 Aug 2023 16:26:00 +0200",
		    "2023-08-26T16:26:00+02:00" },
		{ "Sat, 26 Aug 2023 16:26:00 -0000",
		    "2023-08-26T16:26:00+00:00" },
		{ "Sat, 26 Aug 2023 16:26 EST", "2023-08-26T16:26-05:00" },
		{ "Sat, 26 Aug 2023 16:26 EDT", "2023-08-26T16:26-04:00" },
		{ "Sat, 26 Aug 2023 16:26 PST", "2023-08-26T16:26-08:00" },
		{ "Sat, 26 Aug 2023 16:26 PDT", "2023-08-26T16:26-07:00" },
		{ "Sat, 26 Aug 2023 16:26 CDT", "2023-08-26T16:26-05:00" },
		{ "Sat, 26 Aug 2023 16:26:00 CEST", "2023-08-26T16:26:00+02:00" },
		{ "Sat, 26 Aug 23 16:26:00 GMT", "2023-08-26T16:26:00Z" },
		{ "26 Aug 2023 16:26 GMT+3", "2023-08-26T16:26+03:00" },
	};

	(void)state;
	check_cases(c, sizeof c / sizeof c[0]);
}

static void
test_words(void **state)
{
	static const struct date_case c[] = {
		{ "AUGUST 26, 2023 16:26", "2023-08-26T16:26" },
		{ "Aug. 26, 2023 4:26 PM", "2023-08-26T16:26" },
		{ "Aug. 26, 2023 4:26 AM", "2023-08-26T04:26" },
		{ "Aug 26, 2023 12:05 am", "2023-08-26T00:05" },
		{ "Aug 26, 2023 12:05 pm", "2023-08-26T12:05" },
		{ "Aug 26, 2023 at 4:26 p.m. ET", "2023-08-26T16:26-04:00" },
		{ "Jan 26, 2023 at 4:26 p.m. ET", "2023-01-26T16:26-05:00" },
		{ "Nov 5, 2023 at 9:00 a.m. PT", "2023-11-05T09:00-08:00" },
		{ "26 August 2023", "2023-08-26" },
		{ "Saturday, 26 August 2023 14:00", "2023-08-26T14:00" },
		{ "Sept. 3, 2023", "2023-09-03" },
		{ "September 3rd, 2023", "2023-09-03" },
		{ "3rd of September 2023", "2023-09-03" },
		{ "Published Sep 3, 2023 10:05 am", "2023-09-03T10:05" },
		{ "Updated: 3 September 2023", "2023-09-03" },
		{ "14:00, 3 September 2023", "2023-09-03T14:00" },
		{ "Feb 29, 2024", "2024-02-29" },
		{ "Feb 29, 2000", "2000-02-29" },
		{ "aUgUsT 26 2023", "2023-08-26" },
	};

	(void)state;
	check_cases(c, sizeof c / sizeof c[0]);
}

static void
test_numeric(void **state)
{
	static const struct date_case c[] = {
		{ "26.08.2023", "2023-08-26" },
		{ "26.08.2023 16:26", "2023-08-26T16:26" },
		{ "08/26/2023", "2023-08-26" },
		{ "26/08/2023", "2023-08-26" },
		{ "26-08-2023", "2023-08-26" },
	};

	(void)state;
	check_cases(c, sizeof c / sizeof c[0]);
}

static void
test_invalid(void **state)
{
	static const struct date_case c[] = {
		{ "Feb 30, 2023", NULL },
		{ "Feb 29, 2023", NULL },
		{ "Feb 29, 1900", NULL },
		{ "2023-13-01", NULL },
		{ "2023-00-10", NULL },
		{ "2023-04-31", NULL },
		{ "31.04.2023", NULL },
		{ "26 Aught 2023", NULL },
		{ "Augustus 26, 2023", NULL },
		{ "0 August 2023", NULL },
		{ "nothing here", NULL },
		{ "3 hours ago", NULL },
		{ "2023", NULL },
		{ "August 2023", NULL },
		{ "12:30", NULL },
		{ "", NULL },
		{ "\x1b[31m\xff\xfe::--//..", NULL },
		{ "99999999999999999999-08-26", NULL },
		{ "2023-08-26999999999", NULL },
	};

	(void)state;
	check_cases(c, sizeof c / sizeof c[0]);
}

/* A bad time is dropped, the date stays. */
static void
test_bad_time(void **state)
{
	static const struct date_case c[] = {
		{ "2023-08-26T24:00", "2023-08-26" },
		{ "2023-08-26 16:75", "2023-08-26" },
		{ "Aug 26, 2023 13:05 pm", "2023-08-26" },
		{ "Aug 26, 2023 16:26 +9900", "2023-08-26T16:26" },
		{ "Aug 26, 2023 16:26 XYZ", "2023-08-26T16:26" },
	};

	(void)state;
	check_cases(c, sizeof c / sizeof c[0]);
}

static void
test_null_and_empty(void **state)
{
	(void)state;
	assert_null(date_parse(NULL, 0));
	assert_null(date_parse("2023-08-26", 0));
}

/* Every prefix of every case is parsed without reading past its end. */
static void
test_prefixes(void **state)
{
	static const char *const in[] = {
		"Sat, 26 Aug 2023 16:26:00 +0200",
		"2023-08-26T16:26:05.123-05:30",
		"Aug 26, 2023 at 4:26 p.m. ET",
		"3rd of September 2023 GMT+2",
	};
	size_t	 i, k;
	char	*out;

	(void)state;
	for (i = 0; i < sizeof in / sizeof in[0]; i++) {
		for (k = 0; k <= strlen(in[i]); k++) {
			out = parse_exact(in[i], k);
			free(out);
		}
	}
	out = parse_exact("2023-08-26T16:26", 10);
	assert_string_equal(out, "2023-08-26");
	free(out);
}

static void
test_huge(void **state)
{
	size_t	 len = 16u * 1024 * 1024, i;
	char	*s, *out;

	(void)state;
	s = xmalloc(len);
	memset(s, 'a', len);
	assert_null(date_parse(s, len));
	for (i = 0; i < len; i++)
		s[i] = (i % 2) ? ' ' : '7';
	assert_null(date_parse(s, len));
	memset(s, '9', len);
	assert_null(date_parse(s, len));
	memset(s, ' ', len);
	memcpy(s, "26 August 2023", 14);
	out = date_parse(s, len);
	assert_string_equal(out, "2023-08-26");
	free(out);
	free(s);
}

static void
test_epoch(void **state)
{
	(void)state;
	assert_int_equal(date_epoch("1970-01-01"), 0);
	assert_int_equal(date_epoch("2023-08-26"), 1693008000);
	assert_int_equal(date_epoch("2023-08-26T16:26"), 1693067160);
	assert_int_equal(date_epoch("2023-08-26T16:26:05Z"), 1693067165);
	assert_int_equal(date_epoch("2023-08-26T16:26:05+02:00"), 1693059965);
	assert_int_equal(date_epoch("2023-08-26T16:26-04:00"), 1693081560);
	assert_int_equal(date_epoch("2024-02-29"), 1709164800);
	assert_int_equal(date_epoch("2000-03-01T00:00:00Z"), 951868800);
	assert_int_equal(date_epoch("2023-02-30"), -1);
	assert_int_equal(date_epoch("2023-08-26T25:00"), -1);
	assert_int_equal(date_epoch("2023-08-26T16:26+2"), -1);
	assert_int_equal(date_epoch("2023-8-26"), -1);
	assert_int_equal(date_epoch("2023-08-26junk"), -1);
	assert_int_equal(date_epoch(""), -1);
	assert_int_equal(date_epoch(NULL), -1);
}

/* What date_parse writes, date_epoch reads back. */
static void
test_round_trip(void **state)
{
	char	*out;

	(void)state;
	out = date_parse("Sat, 26 Aug 2023 18:26:00 +0200", 31);
	assert_non_null(out);
	assert_int_equal(date_epoch(out), 1693067160);
	free(out);
	out = date_parse("Aug 26, 2023 at 12:26 p.m. ET", 29);
	assert_non_null(out);
	assert_int_equal(date_epoch(out), 1693067160);
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso),
		cmocka_unit_test(test_rfc822),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_numeric),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_bad_time),
		cmocka_unit_test(test_null_and_empty),
		cmocka_unit_test(test_prefixes),
		cmocka_unit_test(test_huge),
		cmocka_unit_test(test_epoch),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
