/*
 * HTML to an article's text, for saved pages and feed items alike. In a
 * whole page (html_text_page) the container that holds the story is
 * [itemprop=articleBody], an <article> or <main> when the page has one, and
 * otherwise the element whose paragraphs score best, readability-style (long
 * paragraphs with commas count, links and boilerplate class names count
 * against). Its paragraphs, subheadings and captions go to the article;
 * navigation, ads, share bars and the like inside it are left behind. A
 * feed item's HTML (html_text_emit, html_text_fragment) is taken whole.
 *
 * Every walk here is iterative and each pass visits a node a bounded number
 * of times, so a deeply nested or huge page costs linear time.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include "article.h"
#include "buf.h"
#include "html-text.h"
#include "html.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* How fragments from feeds are read: as pages are, charset given. */
#define BODY_HTML_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | \
	HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT | \
	HTML_PARSE_IGNORE_ENC)

/* Paragraphs shorter than this (bytes) do not score. */
#define BODY_MIN_PARAGRAPH	25

/* Why a container is a candidate, weakest first. */
enum body_kind {
	BODY_SCORED,		/* holds scoring paragraphs */
	BODY_MAIN,		/* <main>, role=main */
	BODY_ARTICLE,		/* <article> */
	BODY_ITEMPROP		/* itemprop=articleBody */
};

struct body_cand {
	xmlNodePtr	 node;
	enum body_kind	 kind;
	double		 score;
	int		 scored;		/* a paragraph counted for it */
	size_t		 text, link, ptext;	/* bytes of text, in links, in <p> */
	size_t		 at_text, at_link, at_ptext;	/* counters on entry */
};

struct body_scan {
	struct body_cand	*v;
	size_t			 n;
	size_t			 cap;
};

/* What a paragraph being collected will become. */
enum body_para {
	PARA_TEXT,
	PARA_HEADING,
	PARA_CAPTION
};

/* Elements that never hold article text. */
static const char *const body_skip_tags[] = {
	"script", "style", "noscript", "template", "head", "title", "meta",
	"link", "svg", "math", "iframe", "object", "embed", "canvas", "video",
	"audio", "select", "textarea", "input", "button", "option", "map",
	NULL
};

/* Elements that are page furniture, not the story. */
static const char *const body_furniture_tags[] = {
	"nav", "aside", "footer", "header", "menu", "dialog", NULL
};

static const char *const body_skip_roles[] = {
	"navigation", "banner", "contentinfo", "complementary", "dialog",
	"alertdialog", "search", "menu", "menubar", "toolbar", NULL
};

/* Class and id words of furniture; a trailing '*' matches a prefix. */
static const char *const body_negative[] = {
	"nav*", "menu*", "footer*", "header*", "masthead*", "sidebar*",
	"comment*", "share*", "sharing*", "social*", "related*", "promo*",
	"advert*", "ad", "ads", "adv", "adslot*", "cookie*", "newsletter*",
	"subscri*", "banner*", "breadcrumb*", "popup*", "modal*", "consent*",
	"sponsor*", "widget*", "outbrain*", "taboola*", "recommend*",
	"trending*", "paywall*", "signup*", "login*", "toolbar*", "skip*",
	"tools", NULL
};

/* Class and id words that say "this is the story". */
static const char *const body_positive[] = {
	"article*", "story*", "body*", "main*", "content*", "entry*", "post*",
	"text*", NULL
};

/* Story metadata shown next to the text; it has fields of its own. */
static const char *const body_metadata[] = {
	"byline*", "author*", "dateline*", "timestamp*", "date", "meta",
	"tags", "kicker*", "headline*", NULL
};

/* Elements that hold blocks rather than sentences. */
static const char *const body_wrappers[] = {
	"div", "main", "article", "section", "header", "body", NULL
};

static const char *const body_caption_words[] = {
	"caption*", "figcaption*", NULL
};

static const char *const body_articlebody[] = { "articlebody", NULL };
static const char *const body_main_roles[] = { "main", NULL };

/* Is the element's name one of these? */
static int
body_tag_in(xmlNodePtr n, const char *const *tags)
{
	for (; *tags != NULL; tags++) {
		if (html_is(n, *tags))
			return 1;
	}
	return 0;
}

/* Does the element's class or id hold one of these words? */
static int
body_class(xmlNodePtr n, const char *const *words)
{
	return html_attr_word(n, "class", words) ||
	    html_attr_word(n, "id", words);
}

/* Is the element one whose text never counts, whatever the container? */
static int
body_dead(xmlNodePtr n)
{
	return body_tag_in(n, body_skip_tags) || html_hidden(n);
}

/* Is the element page furniture, judged while looking for the story? */
static int
body_unlikely(xmlNodePtr n)
{
	if (html_is(n, "html") || html_is(n, "body"))
		return 0;
	if (body_tag_in(n, body_furniture_tags) ||
	    html_attr_word(n, "role", body_skip_roles))
		return 1;
	return body_class(n, body_negative) && !body_class(n, body_positive);
}

/* The candidate for an element, made if asked. */
static struct body_cand *
body_cand(struct body_scan *bs, xmlNodePtr n, int create)
{
	struct body_cand	*c;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	if (n->_private != NULL)
		return &bs->v[(uintptr_t)n->_private - 1];
	if (!create)
		return NULL;
	if (bs->n == bs->cap) {
		bs->cap = bs->cap ? bs->cap * 2 : 64;
		bs->v = xreallocarray(bs->v, bs->cap, sizeof *bs->v);
	}
	c = &bs->v[bs->n++];
	memset(c, 0, sizeof *c);
	c->node = n;
	n->_private = (void *)(uintptr_t)bs->n;

	/* Readability's starting weights by element and by class. */
	if (html_is(n, "div") || html_is(n, "article"))
		c->score = 5;
	else if (html_is(n, "pre") || html_is(n, "td") ||
	    html_is(n, "blockquote"))
		c->score = 3;
	else if (html_is(n, "ol") || html_is(n, "ul") || html_is(n, "dl") ||
	    html_is(n, "li") || html_is(n, "form") || html_is(n, "address"))
		c->score = -3;
	else if (html_is(n, "th") || (n->name[0] == 'h' &&
	    n->name[1] >= '1' && n->name[1] <= '6' && n->name[2] == '\0'))
		c->score = -5;
	if (body_class(n, body_negative))
		c->score -= 25;
	if (body_class(n, body_positive))
		c->score += 25;
	return c;
}

/* Score one paragraph for its parent and grandparent. */
static void
body_score_paragraph(struct body_scan *bs, xmlNodePtr p)
{
	struct body_cand	*c;
	char			*text, *cp;
	size_t			 len;
	double			 score;

	text = html_node_text(p);
	len = strlen(text);
	if (len >= BODY_MIN_PARAGRAPH) {
		score = 1;
		for (cp = text; *cp != '\0'; cp++) {
			if (*cp == ',')
				score++;
		}
		score += len / 100 > 3 ? 3 : (double)(len / 100);
		if ((c = body_cand(bs, p->parent, 1)) != NULL) {
			c->score += score;
			c->scored = 1;
			if ((c = body_cand(bs, p->parent->parent, 1)) != NULL) {
				c->score += score / 2;
				c->scored = 1;
			}
		}
	}
	free(text);
}

/* First pass: find the candidates and score the paragraphs. */
static void
body_find(struct body_scan *bs, xmlNodePtr root)
{
	struct html_walk	 w;
	struct body_cand	*c;
	xmlNodePtr		 n;

	html_walk_init(&w, root);
	while ((n = html_walk_step(&w)) != NULL) {
		if (w.leave || n->type != XML_ELEMENT_NODE)
			continue;
		if (body_dead(n) || body_unlikely(n))
			continue;
		if (html_is(n, "p") || html_is(n, "pre")) {
			body_score_paragraph(bs, n);
			continue;
		}
		w.descend = 1;
		if (html_attr_word(n, "itemprop", body_articlebody)) {
			c = body_cand(bs, n, 1);
			c->kind = BODY_ITEMPROP;
		} else if (html_is(n, "article")) {
			c = body_cand(bs, n, 1);
			if (c->kind < BODY_ARTICLE)
				c->kind = BODY_ARTICLE;
		} else if (html_is(n, "main") || html_attr_word(n, "role", body_main_roles)) {
			c = body_cand(bs, n, 1);
			if (c->kind < BODY_MAIN)
				c->kind = BODY_MAIN;
		}
	}
}

/* Count the visible bytes of a text node, whitespace left out. */
static size_t
body_count(xmlNodePtr n)
{
	const xmlChar	*p;
	size_t		 count = 0;

	if (n->content == NULL)
		return 0;
	for (p = n->content; *p != '\0'; p++) {
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			count++;
	}
	return count;
}

/* Second pass: how much text, link text and paragraph text each holds. */
static void
body_measure(struct body_scan *bs, xmlNodePtr root)
{
	struct html_walk	 w;
	struct body_cand	*c;
	xmlNodePtr		 n, in_a = NULL, in_p = NULL;
	size_t			 text = 0, link = 0, ptext = 0, k;

	html_walk_init(&w, root);
	while ((n = html_walk_step(&w)) != NULL) {
		if (n->type == XML_TEXT_NODE) {
			if (w.leave)
				continue;
			k = body_count(n);
			text += k;
			if (in_a != NULL)
				link += k;
			if (in_p != NULL)
				ptext += k;
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		c = body_cand(bs, n, 0);
		if (w.leave) {
			if (n == in_a)
				in_a = NULL;
			if (n == in_p)
				in_p = NULL;
			if (c != NULL) {
				c->text = text - c->at_text;
				c->link = link - c->at_link;
				c->ptext = ptext - c->at_ptext;
			}
			continue;
		}
		if (c != NULL) {
			c->at_text = text;
			c->at_link = link;
			c->at_ptext = ptext;
		}
		if (body_dead(n) || body_unlikely(n))
			continue;
		if (in_a == NULL && html_is(n, "a"))
			in_a = n;
		if (in_p == NULL && html_is(n, "p"))
			in_p = n;
		w.descend = 1;
	}
}

/* Pick the container of the story, or NULL. */
static xmlNodePtr
body_choose(struct body_scan *bs)
{
	struct body_cand	*c, *best = NULL;
	xmlNodePtr		 n;
	double			 score, best_score = 0;
	size_t			 i;

	/* A container the page names wins if it holds paragraphs. */
	for (i = 0; i < bs->n; i++) {
		c = &bs->v[i];
		if (c->kind == BODY_SCORED || c->ptext == 0)
			continue;
		if (best == NULL || c->kind > best->kind ||
		    (c->kind == best->kind && c->ptext > best->ptext))
			best = c;
	}
	if (best != NULL)
		return best->node;

	for (i = 0; i < bs->n; i++) {
		c = &bs->v[i];
		if (!c->scored)
			continue;
		score = c->score;
		if (c->text > 0)
			score *= 1 - (double)c->link / (double)c->text;
		if (score > best_score) {
			best = c;
			best_score = score;
		}
	}
	if (best == NULL)
		return NULL;

	/*
	 * The best container may be one part of the story, another part
	 * sitting beside it: climb to an enclosing candidate that holds half
	 * as much paragraph text again, but never past a list of links.
	 */
	for (n = best->node->parent; n != NULL; n = n->parent) {
		if ((c = body_cand(bs, n, 0)) == NULL)
			continue;
		if (c->link * 4 > c->text)
			break;
		if (c->ptext >= best->ptext + best->ptext / 2)
			best = c;
	}
	return best->node;
}

/* Is the element a subheading of the story? */
static int
body_heading(xmlNodePtr n)
{
	return html_is(n, "h2") || html_is(n, "h3") || html_is(n, "h4");
}

/* Longest line taken for a reading time ("7 min read · 3 May 2024"). */
#define BODY_READING_MAX	80

/* Is word w (n bytes) one of the words? */
static int
body_word_is(const char *w, size_t n, const char *const *words)
{
	size_t	i;

	for (i = 0; words[i] != NULL; i++)
		if (strlen(words[i]) == n && strncasecmp(w, words[i], n) == 0)
			return 1;
	return 0;
}

/*
 * Is the paragraph a reading-time line: "7 min read", "5-minute read",
 * "Reading time: 4 minutes", "Estimated read time 3 min", alone or with a
 * date? Page furniture, not the story.
 */
static int
body_reading_time(const char *s, size_t len)
{
	static const char *const mins[] = {
		"min", "mins", "minute", "minutes", NULL
	};
	static const char *const reads[] = { "read", "reading", NULL };
	static const char *const times[] = { "time", NULL };
	static const char *const tos[] = { "to", NULL };
	const char	*w[16];
	size_t		 wl[16], n = 0, i, j;
	int		 intro = 0;

	if (len > BODY_READING_MAX)
		return 0;
	/* The words: runs of letters or of digits ("7min" is two). */
	for (i = 0; i < len && n < 16; ) {
		if (!isalnum((unsigned char)s[i])) {
			i++;
			continue;
		}
		w[n] = s + i;
		for (j = i; j < len && isalnum((unsigned char)s[j]) &&
		    !isdigit((unsigned char)s[j]) == !isdigit((unsigned char)s[i]);
		    j++)
			;
		wl[n++] = j - i;
		i = j;
	}
	for (i = 0; i + 1 < n; i++) {
		/* "reading time", "read time", "time to read" */
		if ((body_word_is(w[i], wl[i], reads) &&
		    body_word_is(w[i + 1], wl[i + 1], times)) ||
		    (i + 2 < n && body_word_is(w[i], wl[i], times) &&
		    body_word_is(w[i + 1], wl[i + 1], tos) &&
		    body_word_is(w[i + 2], wl[i + 2], reads)))
			intro = 1;
		if (!isdigit((unsigned char)w[i][0]) ||
		    !body_word_is(w[i + 1], wl[i + 1], mins))
			continue;
		/* "7 min read", or a number of minutes after "reading time" */
		if (intro || (i + 2 < n && body_word_is(w[i + 2], wl[i + 2],
		    reads)))
			return 1;
	}
	return 0;
}

/* Add the text collected so far as a paragraph of its kind. */
static void
body_flush(struct article *a, struct buf *b, enum body_para kind)
{
	if (b->len == 0)
		return;
	switch (kind) {
	case PARA_TEXT:
		if (!body_reading_time(b->data, b->len))
			article_add_paragraph(a, b->data, b->len, 0);
		break;
	case PARA_HEADING:
		article_add_paragraph(a, b->data, b->len, 1);
		break;
	case PARA_CAPTION:
		article_add_caption(a, b->data, b->len);
		break;
	}
	buf_reset(b);
}

/* Should the walk over the story leave this element out? */
static int
body_leave_out(xmlNodePtr n)
{
	if (body_dead(n) || html_is(n, "h1") || html_is(n, "form"))
		return 1;
	if (html_is(n, "time") && body_tag_in(n->parent, body_wrappers))
		return 1;	/* a date set apart, not a date in a sentence */
	if (body_tag_in(n, body_furniture_tags) ||
	    html_attr_word(n, "role", body_skip_roles))
		return 1;
	return body_class(n, body_negative) || body_class(n, body_metadata);
}

/* Keep a link of the story's text, made absolute against base. */
static void
body_link(struct article *a, xmlNodePtr n, const char *text, size_t len,
    const char *base)
{
	char	*href;
	xmlChar	*abs = NULL;

	if ((href = html_attr(n, "href")) == NULL)
		return;
	/* "" and "#x" are the page itself: with a feed's address as the
	   base, its query (?token=...) would come along. */
	if (href[strspn(href, " \t\r\n")] == '\0') {
		free(href);
		return;
	}
	if (*href != '#' && base != NULL)
		abs = xmlBuildURI((const xmlChar *)href,
		    (const xmlChar *)base);
	if (abs != NULL) {
		article_add_link(a, (const char *)abs,
		    strlen((const char *)abs), text, len);
		xmlFree(abs);
	} else if (*href != '#')
		article_add_link(a, href, strlen(href), text, len);
	free(href);
}

/* Is n a <br> that follows another, whitespace between them aside? */
static int
body_second_br(xmlNodePtr n)
{
	const xmlChar	*p;

	if (!html_is(n, "br"))
		return 0;
	for (n = n->prev; n != NULL; n = n->prev) {
		if (n->type == XML_ELEMENT_NODE)
			return html_is(n, "br");
		if (n->type != XML_TEXT_NODE || n->content == NULL)
			continue;
		for (p = n->content; *p != '\0'; p++) {
			if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
				return 0;
		}
	}
	return 0;
}

/*
 * Add the paragraphs, subheadings and captions under root, links resolved
 * against base; with brbreak, <br><br> ends a paragraph as feeds mean it.
 */
static void
body_emit(struct article *a, xmlNodePtr root, const char *base, int brbreak)
{
	struct html_walk	 w;
	struct buf		 b;
	xmlNodePtr		 n, special = NULL, link = NULL;
	enum body_para		 kind = PARA_TEXT;
	size_t			 link_at = 0;

	buf_init(&b);
	html_walk_init(&w, root);
	while ((n = html_walk_step(&w)) != NULL) {
		if (html_walk_text(&w, &b) || n->type != XML_ELEMENT_NODE)
			continue;
		if (w.leave) {
			if (n == link) {
				/* A block inside the link ended a paragraph. */
				if (link_at > b.len)
					link_at = 0;
				body_link(a, link, b.data != NULL ?
				    b.data + link_at : NULL, b.len - link_at,
				    base);
				link = NULL;
			}
			if (n == special) {
				body_flush(a, &b, kind);
				special = NULL;
				kind = PARA_TEXT;
			} else if (n != root && !html_inline(n))
				body_flush(a, &b, kind);
			continue;
		}
		if (n != root && body_leave_out(n))
			continue;
		w.descend = 1;
		if (html_is(n, "br")) {
			if (brbreak && kind == PARA_TEXT && body_second_br(n))
				body_flush(a, &b, kind);
			else
				buf_addc(&b, ' ');
			continue;
		}
		if (link == NULL && kind == PARA_TEXT && html_is(n, "a")) {
			link = n;	/* its text is what the buffer gains */
			link_at = b.len;
		}
		if (html_inline(n))
			continue;
		body_flush(a, &b, kind);
		if (special != NULL || n == root)
			continue;
		if (body_heading(n)) {
			special = n;
			kind = PARA_HEADING;
		} else if (html_is(n, "figcaption") ||
		    body_class(n, body_caption_words)) {
			special = n;
			kind = PARA_CAPTION;
		}
	}
	body_flush(a, &b, kind);
	buf_free(&b);
}

/* Find the story's container and add its text to the article. */
void
html_text_page(xmlDocPtr doc, struct article *a)
{
	struct body_scan	 bs;
	xmlNodePtr		 root, body, n;
	size_t			 i;

	if ((root = xmlDocGetRootElement(doc)) == NULL)
		return;
	memset(&bs, 0, sizeof bs);
	body_find(&bs, root);
	body_measure(&bs, root);
	body = body_choose(&bs);
	for (i = 0; i < bs.n; i++)
		bs.v[i].node->_private = NULL;
	free(bs.v);

	if (body == NULL) {
		/* Nothing scored: take what the <body> shows. */
		for (n = root->children; n != NULL; n = n->next) {
			if (html_is(n, "body"))
				body = n;
		}
		if (body == NULL)
			body = root;
	}
	body_emit(a, body, a->url, 0);
}

/* Add the text under root (HTML or XHTML) to the article. */
void
html_text_emit(struct article *a, xmlNodePtr root, const char *base)
{
	body_emit(a, root, base, 1);
}

/* Parse an HTML fragment given in UTF-8; NULL if nothing came of it. */
static xmlDocPtr
body_fragment_read(const char *s, size_t len)
{
	xmlDocPtr	 doc = NULL;
	char		*clean, *refs;
	size_t		 clen, rlen;

	/* As for pages: escape sequences go whole before libxml2 sees them,
	   those written as character references (&#27;[31m) too. */
	if ((refs = utf8_drop_escape_refs(s, len, &rlen)) != NULL) {
		s = refs;
		len = rlen;
	}
	clean = utf8_clean_text(s, len, &clen);
	free(refs);
	if (clen > 0)
		doc = html_read_memory(clean, clen, NULL, "UTF-8",
		    BODY_HTML_OPTIONS);
	free(clean);
	if (doc != NULL && xmlDocGetRootElement(doc) == NULL) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}

/* The <body> of a parsed fragment, else its root. */
static xmlNodePtr
body_fragment_root(xmlDocPtr doc)
{
	xmlNodePtr	root, n;

	root = xmlDocGetRootElement(doc);
	for (n = root->children; n != NULL; n = n->next) {
		if (html_is(n, "body"))
			return n;
	}
	return root;
}

/* Add the paragraphs and links of an HTML fragment to the article. */
void
html_text_fragment(struct article *a, const char *s, size_t len, const char *base)
{
	xmlDocPtr	doc;

	if ((doc = body_fragment_read(s, len)) == NULL)
		return;
	body_emit(a, body_fragment_root(doc), base, 1);
	xmlFreeDoc(doc);
}

/* The visible text of an HTML fragment as one clean line. */
char *
html_text_line(const char *s, size_t len)
{
	xmlDocPtr	 doc;
	char		*text;

	if ((doc = body_fragment_read(s, len)) == NULL)
		return xstrdup("");
	text = html_node_text(body_fragment_root(doc));
	xmlFreeDoc(doc);
	return text;
}
