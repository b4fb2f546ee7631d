/* libFuzzer harness: entity and quote extraction on arbitrary bytes. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "extract.h"
#include "banned.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract	x;
	size_t		i;

	extract_run(&x, (const char *)data, size);
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
