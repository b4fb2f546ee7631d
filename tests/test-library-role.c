/*
 * Unit tests: library_role, the one spelling of a person's role that
 * the sidebar, the quotes view, 'dossier show' and 'extract' print: the
 * title, then the affiliation in brackets unless the title names it.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "library.h"
#include "banned.h"

struct role_case {
	const char	*title, *affiliation;
	const char	*want;		/* NULL: no role */
};

static void
test_role(void **state)
{
	static const struct role_case c[] = {
		{ "Deputy Foreign Minister", "Russia",
		  "Deputy Foreign Minister (Russia)" },
		{ "Col., defence ministry spokesperson", "Marovia",
		  "Col., defence ministry spokesperson (Marovia)" },
		/* the title names its affiliation: once */
		{ "Civic Dawn leader", "Civic Dawn", "Civic Dawn leader" },
		{ "Russian Deputy Foreign Minister", "Russia",
		  "Russian Deputy Foreign Minister" },
		{ "Velmark Foreign Minister", "velmark",
		  "Velmark Foreign Minister" },
		/* a word inside another is no naming */
		{ "Sub-Iran envoy", "Iran", "Sub-Iran envoy (Iran)" },
		{ "Economy and Energy Minister", NULL,
		  "Economy and Energy Minister" },
		{ NULL, "Valdoria", "Valdoria" },
		{ "", "", NULL },
		{ NULL, NULL, NULL },
	};
	size_t	 i;
	char	*got;

	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		got = library_role(c[i].title, c[i].affiliation);
		if (c[i].want == NULL)
			assert_null(got);
		else {
			assert_non_null(got);
			assert_string_equal(got, c[i].want);
		}
		free(got);
	}
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role)
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
