/* Placeholder until the html parser lands. */
#include "config.h"
#include <stdlib.h>
#include "article.h"
#include "import.h"
#include "xmalloc.h"

int
import_html_parse(const char *s, size_t len, struct article *a, char **err)
{
	*err = xstrdup("html import is not built yet");
	return -1;
}
