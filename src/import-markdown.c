/* Placeholder until the markdown parser lands. */
#include "config.h"
#include <stdlib.h>
#include "article.h"
#include "import.h"
#include "xmalloc.h"

int
import_markdown_parse(const char *s, size_t len, struct article *a, char **err)
{
	*err = xstrdup("markdown import is not built yet");
	return -1;
}
