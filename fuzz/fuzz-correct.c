/*
 * libFuzzer harness: the user's corrections (library-correct.c and the
 * store's store-correct.c, store-alias.c) on arbitrary input. The input
 * is fields split at '\n': a selector byte, then names, roles or
 * descriptions as typed, and a new text of the story. Each input checks
 * a name as typed, makes a quote correction, a merge and a role, writes
 * the story's new text (each correction found again by its words, or
 * left waiting), analyses it again, and undoes them all. Traps if a
 * checked name holds a control character, passes its bound or keeps
 * spaces at its ends, a refusal gives no message, a stored quote leaves
 * the body, or an undo leaves a correction behind.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "extract.h"
#include "library.h"
#include "store.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct store	*fuzz_store;
static int64_t		 fuzz_id;
static char		 fuzz_dir[] = "/tmp/fuzz-correct.XXXXXX";

#define FUZZ_BODY "\"Nobody called us first,\" an official said. Kasimir " \
	"Oll said the talks would go on.\n\n\"We will talk again,\" Anja " \
	"Brekk said in Korvala. Zelensky said: \"The line holds.\""

static void
fuzz_cleanup(void)
{
	char	*path;

	store_close(fuzz_store);
	xasprintf(&path, "%s/correct.db", fuzz_dir);
	unlink(path);
	free(path);
	xasprintf(&path, "%s/correct.db-wal", fuzz_dir);
	unlink(path);
	free(path);
	xasprintf(&path, "%s/correct.db-shm", fuzz_dir);
	unlink(path);
	free(path);
	rmdir(fuzz_dir);
}

/* Write the story's text (a new version after the first) and analyse it. */
static void
fuzz_story(const char *text, size_t len)
{
	struct article	 a;
	struct extract	 x;
	char		*err = NULL;
	int64_t		 feed;

	article_init(&a);
	a.guid = xstrdup("g");
	article_set(&a.title, "Talks", 5);
	article_add_paragraph(&a, text, len, 0);
	memset(&x, 0, sizeof x);
	if (a.body != NULL)
		extract_run(&x, a.body, a.body_len);
	if (store_begin(fuzz_store, &err) != 0)
		abort();
	if (fuzz_id == 0) {
		feed = store_local_feed(fuzz_store, &err);
		if (feed <= 0 || store_article_add(fuzz_store, feed, &a, "h",
		    a.body != NULL ? &x : NULL, &err) != 0)
			abort();
		fuzz_id = a.id;
	} else if (store_article_update(fuzz_store, fuzz_id, &a, "h",
	    a.body != NULL ? &x : NULL, &err) != 0)
		__builtin_trap();
	if (store_commit(fuzz_store, &err) != 0)
		abort();
	extract_free(&x);
	article_free(&a);
}

static void
fuzz_init(void)
{
	char	*path, *err = NULL;

	if (fuzz_store != NULL)
		return;
	if (mkdtemp(fuzz_dir) == NULL)
		abort();
	xasprintf(&path, "%s/correct.db", fuzz_dir);
	if ((fuzz_store = store_open(path, &err)) == NULL)
		abort();
	free(path);
	atexit(fuzz_cleanup);
	fuzz_story(FUZZ_BODY, strlen(FUZZ_BODY));
}

/* A name as the library checked it: clean, trimmed, bounded. */
static void
fuzz_check_name(const char *in)
{
	char		*out, *err = NULL;
	uint32_t	 c;
	size_t		 len, i, n;

	if ((out = library_fix_name(in, "name", &err)) == NULL) {
		if (err == NULL || *err == '\0')
			__builtin_trap();
		free(err);
		return;
	}
	len = strlen(out);
	if (len == 0 || len > STORE_MAX_FIX_NAME || !utf8_valid(out, len) ||
	    out[0] == ' ' || out[len - 1] == ' ')
		__builtin_trap();
	for (i = 0; i < len; i += n) {
		n = utf8_decode(out + i, len - i, &c);
		if (utf8_is_unsafe(c))
			__builtin_trap();
	}
	free(out);
}

/* A refusal must say why; the message is freed. */
static void
fuzz_refused(int rc, char **err)
{
	if (rc < 0 && (*err == NULL || **err == '\0'))
		__builtin_trap();
	free(*err);
	*err = NULL;
}

/* Every stored quote and listed one lies inside the body. */
static void
fuzz_check_quotes(void)
{
	struct lib_story_quotes	 q;
	struct article		 a;
	char			*err = NULL;
	size_t			 i;

	if (store_article_get(fuzz_store, fuzz_id, &a, &err) != 0 ||
	    library_story_quotes(fuzz_store, fuzz_id, &q, &err) != 0)
		__builtin_trap();
	for (i = 0; i < q.n; i++)
		if (q.v[i].start > q.v[i].end || q.v[i].end > a.body_len)
			__builtin_trap();
	library_story_quotes_free(&q);
	article_free(&a);
}

/* Undo what the input did; nothing of it may stay. */
static void
fuzz_undo(const char *name, const char *alias, const char *kind)
{
	struct lib_story_quotes	 q;
	char			*err = NULL, *msg = NULL;
	int64_t			*ids;
	size_t			 nids, i;
	int			 rc;

	if (library_story_quotes(fuzz_store, fuzz_id, &q, &err) != 0)
		__builtin_trap();
	for (i = 0; i < q.n; i++) {
		rc = library_quote_unfix(fuzz_store, fuzz_id, q.v[i].start,
		    q.v[i].end, &ids, &nids, &msg, &err);
		fuzz_refused(rc, &err);
		free(ids);
		free(msg);
		msg = NULL;
	}
	library_story_quotes_free(&q);
	rc = library_unmerge(fuzz_store, kind, alias, &ids, &nids, &msg, &err);
	fuzz_refused(rc, &err);
	free(ids);
	free(msg);
	msg = NULL;
	rc = library_person_unset(fuzz_store, kind, name, &ids, &nids, &msg,
	    &err);
	fuzz_refused(rc, &err);
	free(ids);
	free(msg);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const kinds[] = { "person", "org", "place",
	    "misc", NULL, "bogus" };
	struct lib_story_quotes	 q;
	struct lib_fix		 f;
	char			*buf, *field[4] = { "", "", "", "" }, *p;
	char			*err = NULL, *msg = NULL;
	const char		*kind;
	unsigned		 sel;
	size_t			 i, n;
	int			 rc;

	if (size < 1 || size > 8192)
		return 0;
	fuzz_init();
	sel = data[0];
	buf = xmalloc(size);
	memcpy(buf, data + 1, size - 1);
	buf[size - 1] = '\0';
	for (p = buf, n = 0; n < 4; n++) {
		field[n] = p;
		if ((p = strchr(p, '\n')) == NULL)
			break;
		*p++ = '\0';
	}
	kind = kinds[(sel >> 4) % 6];
	fuzz_check_name(field[0]);

	/* A quote's correction, on a quote chosen by the selector. */
	if (library_story_quotes(fuzz_store, fuzz_id, &q, &err) != 0)
		__builtin_trap();
	if (q.n > 0) {
		i = (sel >> 2) % q.n;
		memset(&f, 0, sizeof f);
		f.fix = (enum lib_fix_kind)(sel % 3);
		f.kind = sel & 0x80 ? "org" : NULL;
		f.who = f.fix == LIB_FIX_UNNAMED && *field[0] == '\0' ? NULL :
		    field[0];
		rc = library_quote_fix(fuzz_store, fuzz_id, q.v[i].start,
		    q.v[i].end, &f, &msg, &err);
		fuzz_refused(rc, &err);
		free(msg);
		msg = NULL;
	}
	library_story_quotes_free(&q);

	/* A merge and a role, of names as typed. */
	rc = library_merge(fuzz_store, kind, field[1], field[0], &msg, &err);
	fuzz_refused(rc, &err);
	free(msg);
	msg = NULL;
	rc = library_person_set(fuzz_store, kind, field[0], field[2],
	    *field[1] != '\0' ? field[1] : NULL, &msg, &err);
	fuzz_refused(rc, &err);
	free(msg);
	msg = NULL;

	/* The story's new text: each correction found again, or waiting. */
	if (*field[3] != '\0')
		fuzz_story(field[3], strlen(field[3]));
	fuzz_check_quotes();
	fuzz_story(FUZZ_BODY, strlen(FUZZ_BODY));
	fuzz_check_quotes();
	fuzz_undo(field[0], field[1], kind);
	fuzz_story(FUZZ_BODY, strlen(FUZZ_BODY));
	if (library_story_quotes(fuzz_store, fuzz_id, &q, &err) != 0)
		__builtin_trap();
	for (i = 0; i < q.n; i++)
		if (q.v[i].corrected)
			__builtin_trap();
	library_story_quotes_free(&q);
	free(buf);
	return 0;
}
