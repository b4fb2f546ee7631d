/*
 * The saved-page importer's two halves, private to them: import-html.c
 * reads the page and fills the article; import-html-meta.c gathers what
 * the page says about its story (meta tags, JSON-LD, <title>, <h1>,
 * <time>, byline elements) into a struct import_html_meta.
 */
#ifndef DOSSIER_IMPORT_HTML_H
#define DOSSIER_IMPORT_HTML_H

#include <libxml/tree.h>

/* What a page says about its story, each the first one found. */
struct import_html_meta {
	char		*og_title;
	char		*tw_title;
	char		*title;
	char		*h1;
	char		*h1_article;
	char		*site_name;
	char		*app_name;
	char		*author;
	char		*article_author;
	char		*author_element;
	char		*published_time;
	char		*date;
	char		*time;
	char		*time_article;
	char		*canonical;
	char		*og_url;
	char		*og_description;
	char		*description;

	int		 ld_found;	/* an article item was read */
	char		*ld_headline;
	char		*ld_publisher;
	char		*ld_author;
	char		*ld_date;
	char		*ld_description;
	char		*ld_url;
};

/*
 * Walk the document once and gather its metadata into m, which starts
 * zeroed; each field is the first clean, non-empty value found.
 */
void	import_html_meta_read(struct import_html_meta *m, xmlDocPtr);

/* Free the metadata's strings (the struct itself is the caller's). */
void	import_html_meta_free(struct import_html_meta *m);

#endif
