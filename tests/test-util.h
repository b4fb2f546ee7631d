/* Helpers shared by the unit tests. */
#ifndef DOSSIER_TEST_UTIL_H
#define DOSSIER_TEST_UTIL_H

#include <stddef.h>

/*
 * Read $top_srcdir/tests/fixtures/DIR/NAME into a heap buffer of exactly
 * its size, with no NUL after it, so ASan catches a parser reading past
 * the length it was given. Fails the test if the file cannot be read.
 */
char	*test_fixture(const char *dir, const char *name, size_t *len);

/* The same for any path. */
char	*test_read(const char *path, size_t *len);

/*
 * The shared example story ($DOSSIER_SHARED/examples/...), exact size, or
 * NULL when it is absent: then leave its tests out, since cmocka's skip()
 * reads as a failure to automake's TAP driver.
 */
char	*test_example_text(size_t *len);

/* Remove a test's temporary directory, with rm -rf and no shell. */
void	 test_rmdir(const char *dir);

struct article;

/*
 * The body's paragraph number i (from 0) as a new string (caller frees);
 * fails the test if there is no such paragraph.
 */
char	*test_body_paragraph(const struct article *, size_t i);

/* How many paragraphs the body has (0 without a body). */
size_t	 test_body_paragraphs(const struct article *);

/* Fail the test unless body paragraph i of a reads want. */
void	 test_assert_paragraph(const struct article *, size_t i,
	     const char *want);

/* Fail the test unless subheading i of a reads want. */
void	 test_assert_subheading(const struct article *, size_t i,
	     const char *want);

#endif
