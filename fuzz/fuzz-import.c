/*
 * libFuzzer harness: the saved-story parsers (text, HTML, Markdown) and
 * the date parser on arbitrary bytes. The first byte picks the parser;
 * every input is sniffed as import would first.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "date.h"
#include "import.h"
#include "utf8.h"
#include "banned.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article	 a;
	char		*err = NULL, *text, *d;
	size_t		 tlen, i;
	int		 rc;

	if (size < 1)
		return 0;
	(void)import_sniff(NULL, (const char *)data, size);
	(void)import_sniff_refuse((const char *)data, size);
	article_init(&a);
	text = utf8_normalize((const char *)data + 1, size - 1, &tlen);
	switch (data[0] % 4) {
	case 0:
		rc = import_text_parse(text, tlen, &a, &err);
		break;
	case 1:
		rc = import_html_parse((const char *)data + 1, size - 1, &a,
		    &err);
		break;
	case 2:
		rc = import_markdown_parse(text, tlen, &a, &err);
		break;
	default:
		rc = 0;
		if ((d = date_parse((const char *)data + 1, size - 1)) != NULL) {
			(void)date_epoch(d);
			free(d);
		}
		break;
	}
	/* Stored fields hold no control characters and spans fit the body. */
	if (rc == 0 && a.title != NULL)
		for (i = 0; a.title[i] != '\0'; i++)
			if ((unsigned char)a.title[i] < 0x20)
				__builtin_trap();
	for (i = 0; i < a.nsubheadings; i++)
		if (a.subheadings[i].end > a.body_len ||
		    a.subheadings[i].start > a.subheadings[i].end)
			__builtin_trap();
	free(err);
	free(text);
	article_free(&a);
	return 0;
}
