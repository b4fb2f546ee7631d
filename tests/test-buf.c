/*
 * Unit tests: the growable buffer (buf.c), always NUL-terminated and
 * handed over whole, and the noun that agrees with a count (plural.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "buf.h"
#include "plural.h"
#include "banned.h"

static void
test_add(void **state)
{
	struct buf	b;

	(void)state;
	buf_init(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	buf_add(&b, "ab\0c", 4);		/* bytes, NUL included */
	assert_int_equal(b.len, 4);
	assert_memory_equal(b.data, "ab\0c", 5);
	buf_adds(&b, "de");
	buf_addc(&b, 'f');
	buf_add(&b, NULL, 0);
	assert_int_equal(b.len, 7);
	assert_memory_equal(b.data, "ab\0cdef", 8);
	buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
}

static void
test_printf(void **state)
{
	struct buf	b;

	(void)state;
	buf_init(&b);
	buf_printf(&b, "%d %s", 42, "stories");
	buf_printf(&b, "%%%02X", 0x7c);
	assert_string_equal(b.data, "42 stories%7C");
	assert_int_equal(b.len, 13);
	buf_printf(&b, "%s", "");
	assert_int_equal(b.len, 13);
	buf_free(&b);
}

/* Growing past every power of two keeps what was written. */
static void
test_grow(void **state)
{
	struct buf	 b;
	size_t		 i;
	char		*p;

	(void)state;
	buf_init(&b);
	buf_grow(&b, 0);
	assert_non_null(b.data);
	assert_string_equal(b.data, "");
	for (i = 0; i < 5000; i++)
		buf_addc(&b, (char)('a' + i % 26));
	assert_int_equal(b.len, 5000);
	assert_true(b.cap > b.len);
	assert_int_equal(b.data[5000], '\0');
	for (i = 0; i < 5000; i++)
		if (b.data[i] != (char)('a' + i % 26))
			fail_msg("byte %zu lost", i);
	/* room made ahead is not content */
	buf_grow(&b, 100000);
	assert_true(b.cap >= 5000 + 100000 + 1);
	assert_int_equal(b.len, 5000);
	p = b.data;
	buf_add(&b, "z", 1);
	assert_ptr_equal(b.data, p);
	buf_free(&b);
}

static void
test_reset_detach(void **state)
{
	struct buf	 b;
	char		*s;
	size_t		 cap;

	(void)state;
	buf_init(&b);
	buf_reset(&b);			/* nothing to reset */
	assert_null(b.data);
	s = buf_detach(&b);		/* never NULL */
	assert_string_equal(s, "");
	free(s);
	buf_adds(&b, "kept memory");
	cap = b.cap;
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, cap);
	assert_string_equal(b.data, "");
	buf_adds(&b, "new");
	s = buf_detach(&b);
	assert_string_equal(s, "new");
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	free(s);
}

static void
test_plural(void **state)
{
	(void)state;
	assert_string_equal(plural(1, "story", "stories"), "story");
	assert_string_equal(plural(0, "story", "stories"), "stories");
	assert_string_equal(plural(2, "story", "stories"), "stories");
	assert_string_equal(plural(-1, "story", "stories"), "stories");
	assert_string_equal(plural(1LL << 32 | 1, "story", "stories"),
	    "stories");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_printf),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_reset_detach),
		cmocka_unit_test(test_plural),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
