/*
 * What the XML feed readers share (feed-xml.c, feed-xml-rss.c,
 * feed-xml-atom.c): the namespaces of an element and the helpers that read
 * a node's text, attributes and base. Private to those files.
 */
#ifndef DOSSIER_FEED_XML_INT_H
#define DOSSIER_FEED_XML_INT_H

#include <libxml/tree.h>

struct feed;
struct feed_entry;

/* The namespaces an element can be in, as far as feeds go. */
enum feed_xml_ns {
	NS_NONE,	/* no namespace */
	NS_RSS,		/* RSS 0.90, 1.0, userland's 2.0 */
	NS_ATOM,	/* Atom 1.0 and 0.3 */
	NS_DC,
	NS_DCTERMS,
	NS_CONTENT,
	NS_RDF,
	NS_XHTML,
	NS_OTHER
};

/* Which namespace is the element in; *local is its name without prefix. */
enum feed_xml_ns feed_xml_ns(xmlNodePtr, const char **local);

/* Is the element this name in one of the namespaces of a feed's core? */
int	 feed_xml_core(xmlNodePtr, const char *name);

/* Is the element this name in this namespace? */
int	 feed_xml_is(xmlNodePtr, enum feed_xml_ns, const char *name);

/* An element's text (a new string), or NULL when it has none but space. */
char	*feed_xml_text_nonempty(xmlNodePtr);

/* Does the element hold elements (markup a feed forgot to escape)? */
int	 feed_xml_has_elements(xmlNodePtr);

/*
 * An element's content as HTML (a new string): its text, or its elements
 * serialized when the feed forgot to escape them.
 */
char	*feed_xml_html(xmlDocPtr, xmlNodePtr);

/* An attribute (no namespace) as a new string, or NULL. */
char	*feed_xml_attr(xmlNodePtr, const char *name);

/* The base URL that holds for an element (xml:base, else the document). */
char	*feed_xml_base(xmlDocPtr, xmlNodePtr);

/* Keep s in *field unless the field is set; frees s otherwise. */
void	 feed_xml_keep(char **field, char *s);

/* Set the feed's title from an element (text, or HTML stripped if html). */
void	 feed_xml_feed_title(struct feed *, xmlNodePtr, int html);

/*
 * The href of an Atom <link> that is the item's own page (rel absent or
 * alternate), resolved where it stands; a new string, or NULL.
 */
char	*feed_xml_link_href(xmlDocPtr, xmlNodePtr);

/* The readers, called with the document's root element. */
void	 feed_xml_rss(struct feed *, xmlDocPtr, xmlNodePtr root);
void	 feed_xml_atom(struct feed *, xmlDocPtr, xmlNodePtr root);
void	 feed_xml_atom_entry_doc(struct feed *, xmlDocPtr,
	     xmlNodePtr entry);

#endif
