/*
 * Bounds on markup that libxml2 reads in more than linear time, applied
 * to the bytes before it sees them.
 */
#ifndef DOSSIER_MARKUP_H
#define DOSSIER_MARKUP_H

#include <stddef.h>

/* Attributes one start tag keeps (namespace declarations count). */
#define MARKUP_MAX_ATTRS	100

/*
 * The len bytes of XML or HTML (html: <script> and <style> hold text)
 * with every start tag past max attributes cut after its first max,
 * its end ('>' or '/>') kept. Comments, CDATA sections and processing
 * instructions are copied as they are. Returns NULL when no tag holds
 * more than max (nothing to cut), else a new string of *outlen bytes.
 */
char	*markup_cut_attrs(const char *, size_t, size_t max, int html,
	    size_t *outlen);

#endif
