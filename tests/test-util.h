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

/*
 * A temporary directory for one test program: test_tmpdir_setup makes
 * /tmp/dossier-test-XXXXXX, test_tmpdir_teardown removes it and all it
 * holds. Both fit cmocka_run_group_tests as its setup and teardown.
 */
int	 test_tmpdir_setup(void **state);
int	 test_tmpdir_teardown(void **state);

/* NAME inside that directory; the caller frees it. */
char	*test_tmp_path(const char *name);

struct store;

/*
 * Open the library at path (made if absent) with store_open; fails the
 * test, with the store's reason, if it cannot. The caller closes it.
 */
struct store *test_store_open(const char *path);

/* Run SQL on the library file at path behind the store's back. */
void	 test_sql_exec(const char *path, const char *sql);

/*
 * The first column of the first row SQL gives on the library at path,
 * opened read-only, as an int; -1 when there is no row.
 */
int	 test_sql_int(const char *path, const char *sql);

/*
 * Append s and a '|' to the string in out, a buffer of size bytes (cut
 * short when full): what callbacks collect, to compare in one string.
 */
void	 test_append(char *out, size_t size, const char *s);

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

/*
 * Take a library back from schema 19 to 18: the people index without
 * the day each row was last seen (built again whole, without the places
 * never quoted).
 */
#define TEST_UNDO_19	"DROP INDEX people_kind_seen;" \
	"ALTER TABLE people DROP COLUMN seen_ts;" \
	"UPDATE people_state SET stale = 1;"

/*
 * Take a library back from schema 19 to 17 (TEST_UNDO_19, then 18 to
 * 17): a lead that is its body made one line stored and indexed again,
 * lead_body gone, the index of content hashes back, the hashes hex
 * again, every quote in the speakers' index and every story in the
 * starred one.
 */
#define TEST_UNDO_18	TEST_UNDO_19 "CREATE TEMP TABLE undo_lead AS" \
	"  SELECT id FROM articles WHERE lead_body;" \
	"INSERT INTO articles_fts (articles_fts, rowid, title, lead, body," \
	"  captions) SELECT 'delete', id, title, lead, body, captions" \
	"  FROM articles_text WHERE id IN (SELECT id FROM undo_lead);" \
	"UPDATE articles SET lead = replace(body, char(10) || char(10), ' ')" \
	"  WHERE lead_body;" \
	"ALTER TABLE articles DROP COLUMN lead_body;" \
	"INSERT INTO articles_fts (rowid, title, lead, body, captions)" \
	"  SELECT id, title, lead, body, captions FROM articles_text" \
	"  WHERE id IN (SELECT id FROM undo_lead); DROP TABLE undo_lead;" \
	"CREATE INDEX articles_hash ON articles (content_hash);" \
	"UPDATE articles SET content_hash = CASE typeof(content_hash)" \
	"  WHEN 'blob' THEN lower(hex(content_hash)) ELSE content_hash END," \
	"  raw_hash = CASE typeof(raw_hash) WHEN 'blob'" \
	"  THEN lower(hex(raw_hash)) ELSE raw_hash END;" \
	"DROP INDEX quotes_speaker_story; CREATE INDEX quotes_speaker_story" \
	"  ON quotes (speaker_id, article_id);" \
	"DROP INDEX articles_starred; CREATE INDEX articles_starred ON" \
	"  articles (starred, sort_ts DESC, id DESC);"

/* Take a library back from schema 19 to 16 (TEST_UNDO_18, then the
 * unnamed sources' words). */
#define TEST_UNDO_17	TEST_UNDO_18 "DROP TRIGGER quote_sources_set;" \
	"DROP TABLE quote_sources;"
/*
 * Take a library back from schema 19 to 15 (TEST_UNDO_17, then the body
 * and item digests).
 */
#define TEST_UNDO_16	TEST_UNDO_17 "ALTER TABLE feeds DROP COLUMN body_hash;" \
	"ALTER TABLE articles DROP COLUMN raw_hash;"

/*
 * Take a library back from schema 19 to 13 (TEST_UNDO_16, then migration
 * 13 -> 14, the groups of duplicate stories; 14 -> 15 is rebuilt), and from 12 to 11 (the saved files'
 * paths; the people index of 12 -> 13 is rebuilt by its migration
 * whatever is left of it): tests that make an older library start from
 * TEST_UNDO_12.
 */
#define TEST_UNDO_14	TEST_UNDO_16 "DROP TRIGGER people_story_dup;" \
	"DROP TRIGGER articles_dup_delete;" \
	"DROP TABLE dup_bands; DROP INDEX articles_dup_of;" \
	"DROP INDEX articles_dup_todo; ALTER TABLE articles DROP COLUMN dup_of;" \
	"ALTER TABLE articles DROP COLUMN dup_sig;"
#define TEST_UNDO_12	TEST_UNDO_14 \
	"DROP TABLE article_paths; DROP INDEX quotes_unnamed;"

#endif
