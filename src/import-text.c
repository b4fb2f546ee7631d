/* Placeholder until the text parser lands. */
#include "config.h"
#include <stdlib.h>
#include "article.h"
#include "import.h"
#include "xmalloc.h"

int
import_text_parse(const char *s, size_t len, struct article *a, char **err)
{
	*err = xstrdup("text import is not built yet");
	return -1;
}
