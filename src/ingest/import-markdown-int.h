/*
 * The Markdown importer's two halves, private to them: import-markdown.c
 * reads the Markdown itself; import-markdown-front.c its front matter.
 */
#ifndef DOSSIER_IMPORT_MARKDOWN_H
#define DOSSIER_IMPORT_MARKDOWN_H

#include <stddef.h>

struct article;

/*
 * Read the YAML front matter at the top of s (after a UTF-8 byte order
 * mark, if any) into the article; *start is set to where the Markdown
 * begins (past the closing line, or the mark, when there is no front
 * matter). Returns 0, or -1 with *err (a lower-case reason, caller frees)
 * when the front matter is unclosed, too large or not valid YAML.
 */
int	import_markdown_front(struct article *, const char *, size_t,
	    size_t *start, char **err);

#endif
