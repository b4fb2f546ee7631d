/*
 * Unit tests: the dates the library gives its lists, library_date (a
 * story's ISO date as "26 Aug 2023") and library_time (a note's time, in
 * the local zone), and library_date_listed (that date as the lists show
 * it: this year's without the year, another year's whole or as "Dec 2025").
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "library.h"
#include "banned.h"

struct date_case {
	const char	*iso;
	const char	*want;
};

static void
test_date(void **state)
{
	static const struct date_case c[] = {
		{ "2023-08-26", "26 Aug 2023" },
		{ "2025-12-05T10:00Z", " 5 Dec 2025" },
		{ "2024-01-31T23:59:59+02:00", "31 Jan 2024" },
		{ "0999-02-01", " 1 Feb 0999" },
		/* not an ISO date: nothing shown */
		{ "", "" },
		{ "2023-08", "" },
		{ "2023/08/26", "" },
		{ "26-08-2023", "" },
		{ "2023-13-01", "" },
		{ "2023-00-10", "" },
		{ "2023-08-00", "" },
		{ "2023-08-32", "" },
	};
	char	out[16];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		memset(out, 'x', sizeof out);
		library_date(c[i].iso, out, sizeof out);
		if (strcmp(out, c[i].want) != 0)
			fail_msg("\"%s\" gave \"%s\", wanted \"%s\"", c[i].iso,
			    out, c[i].want);
	}
	memset(out, 'x', sizeof out);
	library_date(NULL, out, sizeof out);
	assert_string_equal(out, "");
}

/* A short buffer gets what fits and a NUL; none at all is not written. */
static void
test_date_short(void **state)
{
	char	out[16];

	(void)state;
	library_date("2025-12-05", out, 7);
	assert_string_equal(out, " 5 Dec");
	memset(out, 'x', sizeof out);
	library_date("2025-12-05", out, 0);
	assert_int_equal(out[0], 'x');
}

/* One listed date: this year is 2025 throughout. */
static void
listed(const char *date, int wide, const char *want)
{
	char	out[32];

	memset(out, 'x', sizeof out);
	library_date_listed(date, 2025, wide, out, sizeof out);
	if (strcmp(out, want) != 0)
		fail_msg("\"%s\" (%s) gave \"%s\", wanted \"%s\"", date,
		    wide ? "wide" : "narrow", out, want);
}

static void
test_date_listed(void **state)
{
	char	out[5];

	(void)state;
	listed(" 5 Dec 2025", 1, " 5 Dec");
	listed(" 5 Dec 2025", 0, " 5 Dec");
	listed("26 Aug 2023", 1, "26 Aug 2023");
	listed("26 Aug 2023", 0, "Aug 2023");
	listed(" 1 Jan 2026", 0, "Jan 2026");
	/* not what library_date makes: shown as it is */
	listed("", 0, "");
	listed("2025", 0, "2025");
	listed("yesterday 2025", 0, "yesterday 2025");
	listed("5 Dec 2025", 0, "5 Dec 2025");
	/* a short buffer gets what fits */
	library_date_listed("26 Aug 2023", 2025, 1, out, sizeof out);
	assert_string_equal(out, "26 A");
}

/* The time in the zone TZ names (POSIX forms: no tzdata needed). */
static void
time_in(const char *tz, int64_t t, const char *want)
{
	char	out[16];

	assert_int_equal(setenv("TZ", tz, 1), 0);
	tzset();
	memset(out, 'x', sizeof out);
	library_time(t, out, sizeof out);
	if (strcmp(out, want) != 0)
		fail_msg("%lld in %s gave \"%s\", wanted \"%s\"", (long long)t,
		    tz, out, want);
}

static void
test_time(void **state)
{
	char	out[16];

	(void)state;
	time_in("UTC0", 0, " 1 Jan 1970");
	time_in("UTC0", 1693067160, "26 Aug 2023");	/* 16:26Z */
	time_in("UTC0", 1764977400, " 5 Dec 2025");	/* 23:30Z */
	/* the day is the local one */
	time_in("JST-9", 1764977400, " 6 Dec 2025");
	time_in("EST5", 1693015200, "25 Aug 2023");	/* 02:00Z */
	time_in("EST5", 1693067160, "26 Aug 2023");
	/* too short for the whole date: nothing rather than a part */
	library_time(0, out, 5);
	assert_string_equal(out, "");
	memset(out, 'x', sizeof out);
	library_time(0, out, 0);
	assert_int_equal(out[0], 'x');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_date_short),
		cmocka_unit_test(test_date_listed),
		cmocka_unit_test(test_time),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
