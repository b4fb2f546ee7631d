/*
 * libFuzzer harness: the OPML reader and writer on arbitrary bytes.
 * Traps if a control character reaches an address, title or tag, a limit
 * is passed, a failure gives no reason, or what is written back does not
 * read back as the same feeds with the same tags.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "opml.h"
#include "fuzz-check.h"
#include "banned.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * Trap unless two readings hold the same feeds with as many tags each
 * (an address may be listed twice, so entries are matched one to one).
 */
static void
check_same(const struct opml *a, const struct opml *b)
{
	unsigned char	*used;
	size_t		 i, j, n = 0;

	for (i = 0; i < a->n; i++)
		if (a->v[i].error == NULL)
			n++;
	if (n != b->n)
		__builtin_trap();
	if ((used = calloc(b->n + 1, 1)) == NULL)
		abort();
	for (i = 0; i < a->n; i++) {
		if (a->v[i].error != NULL)
			continue;
		/* The writer groups by first tag: find the entry anywhere. */
		for (j = 0; j < b->n; j++)
			if (!used[j] && strcmp(a->v[i].url, b->v[j].url) == 0 &&
			    a->v[i].ntags == b->v[j].ntags)
				break;
		if (j == b->n)
			__builtin_trap();
		used[j] = 1;
	}
	free(used);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct opml	 o, back;
	char		*err = NULL, *doc;
	size_t		 i, j;

	memset(&o, 0, sizeof o);
	if (opml_parse((const char *)data, size, &o, &err) != 0) {
		if (err == NULL || *err == '\0')
			__builtin_trap();
		free(err);
		return 0;
	}
	if (o.n > OPML_MAX_OUTLINES)
		__builtin_trap();
	for (i = 0; i < o.n; i++) {
		if (o.v[i].url == NULL || o.v[i].ntags > OPML_MAX_TAGS)
			__builtin_trap();
		check_line(o.v[i].url);
		check_line(o.v[i].title);
		for (j = 0; j < o.v[i].ntags; j++)
			check_line(o.v[i].tags[j]);
	}
	/* Only accepted addresses are written, as export does. */
	memset(&back, 0, sizeof back);
	back.v = calloc(o.n + 1, sizeof *back.v);
	if (back.v == NULL)
		abort();
	for (i = 0; i < o.n; i++)
		if (o.v[i].error == NULL)
			back.v[back.n++] = o.v[i];
	doc = opml_write(&back, "fuzz");
	free(back.v);
	memset(&back, 0, sizeof back);
	if (doc == NULL || opml_parse(doc, strlen(doc), &back, &err) != 0)
		__builtin_trap();
	check_same(&o, &back);
	opml_free(&back);
	free(doc);
	opml_free(&o);
	return 0;
}
