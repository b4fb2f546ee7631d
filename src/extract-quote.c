/* Placeholder until the quote stage lands. */
#include "config.h"
#include "extract.h"
#include "banned.h"

void
extract_quotes(struct extract *x)
{
	(void)x;
}
