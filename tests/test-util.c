/* Helpers shared by the unit tests. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include <sqlite3.h>

#include "article.h"
#include "import.h"
#include "store.h"
#include "test-util.h"
#include "xmalloc.h"

char *
test_read(const char *path, size_t *len)
{
	char	*data, *exact, *err = NULL;

	if (import_read_file(path, IMPORT_MAX_FILE, &data, len, &err) != 0)
		fail_msg("cannot read %s: %s", path, err);
	exact = xmalloc(*len > 0 ? *len : 1);
	memcpy(exact, data, *len);
	free(data);
	return exact;
}

char *
test_fixture(const char *dir, const char *name, size_t *len)
{
	const char	*top = getenv("top_srcdir");
	char		*path, *data;

	xasprintf(&path, "%s/tests/fixtures/%s/%s", top != NULL ? top : ".",
	    dir, name);
	data = test_read(path, len);
	free(path);
	return data;
}

char *
test_example_text(size_t *len)
{
	const char	*shared = getenv("DOSSIER_SHARED");
	char		*path, *data = NULL;

	xasprintf(&path, "%s/examples/saved-story-jpost-2023-08-26.txt",
	    shared != NULL ? shared : "../shared");
	if (access(path, R_OK) == 0)
		data = test_read(path, len);
	free(path);
	return data;
}

void
test_assert_subheading(const struct article *a, size_t i, const char *want)
{
	const struct span	*sp;

	assert_true(i < a->nsubheadings);
	sp = &a->subheadings[i];
	assert_int_equal(sp->end - sp->start, strlen(want));
	assert_memory_equal(a->body + sp->start, want, strlen(want));
}

char *
test_body_paragraph(const struct article *a, size_t i)
{
	const char	*p, *nl;

	assert_non_null(a->body);
	p = a->body;
	for (; i > 0; i--) {
		if ((nl = strstr(p, "\n\n")) == NULL)
			fail_msg("no paragraph %zu in \"%s\"", i, a->body);
		p = nl + 2;
	}
	nl = strstr(p, "\n\n");
	return xstrndup(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
}

size_t
test_body_paragraphs(const struct article *a)
{
	const char	*p;
	size_t		 n = 1;

	if (a->body == NULL)
		return 0;
	for (p = a->body; (p = strstr(p, "\n\n")) != NULL; p += 2)
		n++;
	return n;
}

void
test_assert_paragraph(const struct article *a, size_t i, const char *want)
{
	char	*got = test_body_paragraph(a, i);

	assert_string_equal(got, want);
	free(got);
}

void
test_append(char *out, size_t size, const char *s)
{
	size_t	n = strlen(out);

	if (n < size)
		snprintf(out + n, size - n, "%s|", s);
}

/* Remove a directory tree; the name never reaches a shell. */
void
test_rmdir(const char *dir)
{
	char	*cmd[] = { "rm", "-rf", NULL, NULL };
	pid_t	 pid;

	cmd[2] = (char *)dir;
	if ((pid = fork()) == 0) {
		execvp(cmd[0], cmd);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, NULL, 0);
}

static char test_tmpdir[] = "/tmp/dossier-test-XXXXXX";

int
test_tmpdir_setup(void **state)
{
	(void)state;
	return mkdtemp(test_tmpdir) == NULL ? -1 : 0;
}

int
test_tmpdir_teardown(void **state)
{
	(void)state;
	test_rmdir(test_tmpdir);
	return 0;
}

char *
test_tmp_path(const char *name)
{
	char	*path;

	xasprintf(&path, "%s/%s", test_tmpdir, name);
	return path;
}

struct store *
test_store_open(const char *path)
{
	struct store	*s;
	char		*err = NULL;

	if ((s = store_open(path, &err)) == NULL)
		fail_msg("cannot open %s: %s", path, err);
	return s;
}

void
test_sql_exec(const char *path, const char *sql)
{
	sqlite3	*db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
}

int
test_sql_int(const char *path, const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	int		 v = -1;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}
