/* libFuzzer harness: entity and quote extraction on arbitrary bytes. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "banned.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * A name's key (the store joins spellings by it) is no longer than the
 * name, has no capital A-Z, no space at either end or two together, and
 * is its own key.
 */
static void
check_key(enum ex_kind kind, const char *name)
{
	char	*key = extract_name_key(kind, name), *again;
	size_t	 n = strlen(key), i;

	if (n > strlen(name) || (n > 0 && (key[0] == ' ' ||
	    key[n - 1] == ' ')) || strstr(key, "  ") != NULL)
		__builtin_trap();
	for (i = 0; i < n; i++)
		if (key[i] >= 'A' && key[i] <= 'Z')
			__builtin_trap();
	again = extract_name_key(kind, key);
	if (strcmp(again, key) != 0)
		__builtin_trap();
	free(again);
	free(key);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract	x;
	size_t		i;
	char		name[256];

	/* The first bytes, up to a NUL, as a name of every kind. */
	for (i = 0; i < size && i < sizeof name - 1 && data[i] != 0; i++)
		name[i] = (char)data[i];
	name[i] = '\0';
	check_key(EX_PERSON, name);
	check_key(EX_PLACE, name);
	extract_run(&x, (const char *)data, size);
	for (i = 0; i < x.nents; i++)
		check_key(x.ents[i].kind, x.ents[i].name);
	/* Every span the stages report must lie inside the text. */
	for (i = 0; i < x.nments; i++)
		if (x.ments[i].start > x.ments[i].end ||
		    x.ments[i].end > size || x.ments[i].entity >= x.nents)
			__builtin_trap();
	for (i = 0; i < x.nquotes; i++) {
		const struct ex_quote *q = &x.quotes[i];

		if (q->start > q->end || q->end > size ||
		    (q->cue_start != EX_NONE && (q->cue_start > q->cue_end ||
		    q->cue_end > size)) ||
		    (q->sp_start != EX_NONE && (q->sp_start > q->sp_end ||
		    q->sp_end > size)) ||
		    (q->entity != EX_NONE && q->entity >= x.nents))
			__builtin_trap();
	}
	extract_free(&x);
	return 0;
}
