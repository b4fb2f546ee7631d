/*
 * An item as a parser found it (struct feed_entry, feed-int.h) made into a
 * cleaned article: its text from plain text or HTML, its byline, its guid,
 * its address made absolute; and the cap on items a document may give.
 * An item the caller knows (struct feed's known: the same guid stored
 * from the same raw digest) is not made again.
 * Shared by the XML (feed-xml.c) and JSON Feed (feed-json.c) parsers:
 * an item is looked up as the parser gives it, and made, with the others,
 * on worker threads once the document is read (feed_entry_finish).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/uri.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "feed-parse.h"
#include "feed-int.h"
#include "hash.h"
#include "html.h"
#include "html-text.h"
#include "utf8.h"
#include "work.h"
#include "xmalloc.h"
#include "banned.h"

/* Start an empty entry. */
void
feed_entry_init(struct feed_entry *e)
{
	memset(e, 0, sizeof *e);
	article_init(&e->article);
}

/* Free an entry's strings and its article. */
void
feed_entry_free(struct feed_entry *e)
{
	size_t	i;

	free(e->id);
	free(e->link);
	free(e->resolved);
	free(e->base);
	free(e->title);
	free(e->published);
	free(e->updated);
	free(e->summary);
	free(e->content);
	free(e->content_base);
	for (i = 0; i < e->nauthors; i++)
		free(e->authors[i]);
	for (i = 0; i < e->ntags; i++)
		free(e->tags[i]);
	article_free(&e->article);
	feed_entry_init(e);
}

/* Add an author's name: "jane@example.com (Jane Doe)" gives "Jane Doe". */
void
feed_entry_author(struct feed_entry *e, const char *s)
{
	const char	*open, *close, *at;
	char		*name;
	size_t		 i;

	if (s == NULL || e->nauthors == FEED_MAX_AUTHORS)
		return;
	open = strchr(s, '(');
	close = strrchr(s, ')');
	at = strchr(s, '@');
	if (open != NULL && close != NULL && close > open && at != NULL &&
	    at < open)
		name = utf8_clean_line(open + 1, (size_t)(close - open - 1));
	else if ((open = strchr(s, '<')) != NULL && at != NULL && at > open)
		name = utf8_clean_line(s, (size_t)(open - s));
	else
		name = utf8_clean_line(s, strlen(s));
	for (i = 0; i < e->nauthors && *name != '\0'; i++) {
		if (strcmp(e->authors[i], name) == 0)
			break;
	}
	if (*name == '\0' || i < e->nauthors) {
		free(name);
		return;
	}
	e->authors[e->nauthors++] = name;
}

/* Add a category as written; normalized when the article gets it. */
void
feed_entry_tag(struct feed_entry *e, const char *s)
{
	if (s == NULL || *s == '\0' || e->ntags == FEED_MAX_TAGS)
		return;
	e->tags[e->ntags++] = xstrdup(s);
}

/* Resolve ref against base; a reference to the document itself is not. */
char *
feed_entry_resolve(const char *ref, const char *base)
{
	xmlChar	*abs;
	char	*clean, *s;

	clean = utf8_clean_line(ref, strlen(ref));
	/*
	 * "#x" is the document itself: against the feed's own address it
	 * would carry the feed's query (?token=...) into the story's.
	 */
	if (base == NULL || *clean == '\0' || *clean == '#')
		return clean;
	if ((abs = xmlBuildURI((const xmlChar *)clean,
	    (const xmlChar *)base)) == NULL)
		return clean;
	s = xstrdup((const char *)abs);
	xmlFree(abs);
	free(clean);
	return s;
}

/* Is there room for one more item? */
int
feed_entry_room(struct feed *f)
{
	if (f->nitems + f->npending + f->skipped + f->known_n <
	    FEED_MAX_ITEMS)
		return 1;
	f->skipped++;
	return 0;
}

/* Add plain text to the body: blank lines part paragraphs. */
static void
feed_add_plain(struct article *a, const char *s)
{
	const char	*start, *p, *q, *nl;

	start = p = s;
	while ((nl = strchr(p, '\n')) != NULL) {
		q = nl + 1;
		while (*q == ' ' || *q == '\t' || *q == '\r')
			q++;
		if (*q != '\n') {
			p = nl + 1;
			continue;
		}
		article_add_paragraph(a, start, (size_t)(nl - start), 0);
		while (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')
			q++;
		start = p = q;
	}
	article_add_paragraph(a, start, strlen(start), 0);
}

/*
 * Is HTML escaped twice: no tag, but an escaped tag of HTML's own
 * ("&lt;p&gt;", "&lt;/a&gt;")? Then its text is the HTML. An escaped word
 * that is no HTML tag ("&lt;Watch&gt;") is text meant to be seen.
 */
static int
feed_double_escaped(const char *s)
{
	static const char *const tags[] = {
		"p", "br", "a", "div", "span", "b", "i", "em", "strong", "img",
		"ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "table",
		"tr", "td", "figure", "figcaption", "iframe", "hr", "u", NULL
	};
	const char *const	*t;
	const char		*p, *q;
	size_t			 n;

	if (strchr(s, '<') != NULL)
		return 0;
	for (p = s; (p = strstr(p, "&lt;")) != NULL; p += 4) {
		q = p + 4;
		if (*q == '/')
			q++;
		for (t = tags; *t != NULL; t++) {
			n = strlen(*t);
			if (strncasecmp(q, *t, n) == 0 && (q[n] == ' ' ||
			    q[n] == '/' || strncmp(q + n, "&gt;", 4) == 0))
				return 1;
		}
	}
	return 0;
}

/* HTML as it was meant, unescaped once more if escaped twice. */
static char *
feed_html(const char *s)
{
	if (!feed_double_escaped(s))
		return xstrdup(s);
	return html_text_line(s, strlen(s));
}

/* Add text of a kind to the body. */
static void
feed_add_text(struct article *a, const char *s, enum feed_text type,
    const char *base)
{
	char	*html;

	if (s == NULL)
		return;
	if (type == FEED_TEXT_HTML) {
		html = feed_html(s);
		html_text_fragment(a, html, strlen(html), base);
		free(html);
	} else if (type == FEED_TEXT_PLAIN)
		feed_add_plain(a, s);
}

/* Set a one-line field from text of a kind. */
static void
feed_set_line(char **field, const char *s, enum feed_text type)
{
	char	*html, *text;

	if (s == NULL)
		return;
	if (type == FEED_TEXT_HTML) {
		html = feed_html(s);
		text = html_text_line(html, strlen(html));
		article_set(field, text, strlen(text));
		free(text);
		free(html);
	} else
		article_set(field, s, strlen(s));
}

/* The authors as one byline: "A", "A and B", "A, B and C". */
static void
feed_byline(struct article *a, struct feed_entry *e)
{
	struct buf	b;
	size_t		i;

	if (e->nauthors == 0)
		return;
	buf_init(&b);
	for (i = 0; i < e->nauthors; i++) {
		if (i > 0)
			buf_adds(&b, i == e->nauthors - 1 ? " and " : ", ");
		buf_adds(&b, e->authors[i]);
	}
	article_set(&a->byline, b.data, b.len);
	buf_free(&b);
}

/* The item's identity when it gives none: a hash of what it says. */
static void
feed_guid_hash(struct article *a, struct feed_entry *e)
{
	struct hash	h;
	char		hex[65], *guid;
	const char	*date;

	date = e->published != NULL ? e->published : e->updated;
	hash_init(&h);
	if (e->title != NULL)
		hash_update(&h, e->title, strlen(e->title));
	hash_update(&h, "\n", 1);
	if (date != NULL)
		hash_update(&h, date, strlen(date));
	if (e->title == NULL && date == NULL) {
		/* Only text to tell it from its neighbours. */
		hash_update(&h, "\n", 1);
		if (a->lead != NULL)
			hash_update(&h, a->lead, strlen(a->lead));
		if (a->body != NULL)
			hash_update(&h, a->body, a->body_len);
	}
	hash_hex(&h, hex);
	xasprintf(&guid, "sha256:%s", hex);
	article_set(&a->guid, guid, strlen(guid));
	free(guid);
}

/*
 * Cut a body longer than FEED_MAX_TEXT (XHTML content, walked into the
 * article whole) at the end of its last paragraph that fits, or inside
 * the first at a character's end.
 */
static void
feed_cut_body(struct article *a)
{
	size_t	len = FEED_MAX_TEXT, i, n;

	if (a->body == NULL || a->body_len <= FEED_MAX_TEXT)
		return;
	while (len > 0 && ((unsigned char)a->body[len] & 0xc0) == 0x80)
		len--;
	for (i = len; i > 0; i--) {
		if (i >= 2 && a->body[i - 1] == '\n' &&
		    a->body[i - 2] == '\n') {
			len = i - 2;
			break;
		}
	}
	a->body_len = len;
	a->body[len] = '\0';
	for (i = n = 0; i < a->nsubheadings; i++) {
		if (a->subheadings[i].end <= len)
			a->subheadings[n++] = a->subheadings[i];
	}
	a->nsubheadings = n;
}

/*
 * Bump when the making of an article from an entry changes, so that items
 * stored before are made again; the program's version counts too.
 */
#define FEED_ENTRY_VERSION	"1"

/* Add a field to a raw digest: its length first, "-" if absent. */
static void
feed_raw_part(struct hash *h, const char *s)
{
	char	len[24];
	size_t	n;

	if (s == NULL) {
		hash_update(h, "-", 1);
		return;
	}
	n = strlen(s);
	hash_update(h, len, (size_t)snprintf(len, sizeof len, "%zu:", n));
	hash_update(h, s, n);
}

/*
 * The digest of an entry as the document gave it: every field the
 * article is made of. 0 (no digest) when the parser added XHTML to the
 * article already.
 */
static int
feed_raw_digest(const struct feed_entry *e, char hex[65])
{
	struct hash	h;
	char		types[4];
	size_t		i;

	if (e->title_type == FEED_TEXT_DONE || e->summary_type ==
	    FEED_TEXT_DONE || e->content_type == FEED_TEXT_DONE)
		return 0;
	hash_init(&h);
	feed_raw_part(&h, PACKAGE_VERSION "/" FEED_ENTRY_VERSION);
	types[0] = (char)('0' + e->title_type);
	types[1] = (char)('0' + e->summary_type);
	types[2] = (char)('0' + e->content_type);
	types[3] = '\0';
	feed_raw_part(&h, types);
	feed_raw_part(&h, e->id);
	feed_raw_part(&h, e->link);
	feed_raw_part(&h, e->base);
	feed_raw_part(&h, e->title);
	feed_raw_part(&h, e->published);
	feed_raw_part(&h, e->updated);
	feed_raw_part(&h, e->summary);
	feed_raw_part(&h, e->content);
	feed_raw_part(&h, e->content_base);
	for (i = 0; i < e->nauthors; i++)
		feed_raw_part(&h, e->authors[i]);
	feed_raw_part(&h, "|");
	for (i = 0; i < e->ntags; i++)
		feed_raw_part(&h, e->tags[i]);
	hash_hex(&h, hex);
	return 1;
}

/*
 * Give the article its guid from the entry's id, else its link (resolved,
 * in *link), and its raw digest; then is it an item the caller knows?
 * 1 yes.
 */
static int
feed_entry_known(struct feed *f, struct feed_entry *e, char **link)
{
	struct article	*a = &e->article;

	if (e->link != NULL)
		*link = feed_entry_resolve(e->link, e->base);
	if (e->id != NULL)
		article_set(&a->guid, e->id, strlen(e->id));
	if (a->guid == NULL && *link != NULL)
		article_set(&a->guid, *link, strlen(*link));
	/* The digest is kept with the story, for the next fetch. */
	if (a->guid == NULL || !feed_raw_digest(e, a->raw_hash) ||
	    f->known == NULL)
		return 0;
	return f->known(a->guid, a->raw_hash, f->known_arg) == 1;
}

/*
 * Make an article of the entry (its address resolved in e->resolved):
 * 1, or 0 if it has nothing to keep. Touches nothing but e: it runs on
 * worker threads.
 */
static int
feed_entry_make(struct feed_entry *e)
{
	struct article	*a = &e->article;
	const char	*date, *link = e->resolved;
	size_t		 i;

	/*
	 * The story keeps the address url_story allows (never the feed's
	 * password); its identity stays the link as given, so that stories
	 * stored before keep theirs.
	 */
	if (link != NULL)
		article_set_url(a, link, strlen(link));
	feed_set_line(&a->title, e->title, e->title_type);
	feed_byline(a, e);
	date = e->published != NULL ? e->published : e->updated;
	if (date != NULL)
		a->published = date_parse(date, strlen(date));
	if (e->published != NULL && a->published == NULL && e->updated != NULL)
		a->published = date_parse(e->updated, strlen(e->updated));

	if (e->content_type != FEED_TEXT_DONE)
		feed_add_text(a, e->content, e->content_type,
		    e->content_base != NULL ? e->content_base : e->base);
	if (a->body == NULL)
		feed_add_text(a, e->summary, e->summary_type, e->base);
	feed_cut_body(a);
	feed_set_line(&a->lead, e->summary, e->summary_type);
	for (i = 0; i < e->ntags; i++)
		article_add_tag(a, e->tags[i], strlen(e->tags[i]));

	if (a->guid == NULL)
		feed_guid_hash(a, e);
	/* A summary that only repeats the content's opening is shown once. */
	if (article_lead_repeated(a)) {
		free(a->lead);
		a->lead = NULL;
	}
	if (a->title == NULL && a->body == NULL && a->lead == NULL) {
		if (a->url == NULL)
			return 0;
		/* Only an address (a link, an enclosure): it is the title. */
		article_set(&a->title, a->url, strlen(a->url));
	}
	return 1;
}

/*
 * Keep the entry to be made (feed_entry_finish), or count it known
 * (f->known) and not made. The feed owns what e held; e is left empty.
 */
void
feed_entry_add(struct feed *f, struct feed_entry *e)
{
	char	*link = NULL;

	if (feed_entry_known(f, e, &link)) {
		f->known_n++;
		free(link);
		feed_entry_free(e);
		return;
	}
	e->resolved = link;
	if ((f->npending & (f->npending - 1)) == 0)
		f->pending = xreallocarray(f->pending,
		    f->npending ? f->npending * 2 : 1, sizeof *f->pending);
	f->pending[f->npending++] = *e;
	feed_entry_init(e);
}

/* Make entry i, on a worker thread. */
static void
feed_entry_prep(size_t i, void *arg)
{
	struct feed	*f = arg;

	f->pending[i].made = feed_entry_make(&f->pending[i]);
}

/* Keep the article of entry i, in the document's order, or count it. */
static int
feed_entry_done(size_t i, void *arg)
{
	struct feed		*f = arg;
	struct feed_entry	*e = &f->pending[i];

	if (!e->made)
		f->skipped++;
	else {
		if ((f->nitems & (f->nitems - 1)) == 0)
			f->items = xreallocarray(f->items,
			    f->nitems ? f->nitems * 2 : 1, sizeof *f->items);
		f->items[f->nitems++] = e->article;
		article_init(&e->article);	/* the feed owns it now */
	}
	feed_entry_free(e);
	return 0;
}

/* Make the entries kept, on every core, into the feed's articles. */
void
feed_entry_finish(struct feed *f)
{
	html_read_init();	/* libxml2 set up before threads use it */
	work_run(f->npending, WORK_CORES, feed_entry_prep, feed_entry_done,
	    f);
	feed_entry_discard(f);
}

/* Free the entries not made yet. */
void
feed_entry_discard(struct feed *f)
{
	size_t	i;

	for (i = 0; i < f->npending; i++)
		feed_entry_free(&f->pending[i]);
	free(f->pending);
	f->pending = NULL;
	f->npending = 0;
}
