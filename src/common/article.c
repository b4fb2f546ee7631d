/* The article struct that ingest fills and the store keeps. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article.h"
#include "buf.h"
#include "url.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

void
article_init(struct article *a)
{
	memset(a, 0, sizeof *a);
}

static void
strv_free(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
article_free(struct article *a)
{
	size_t	i;

	free(a->guid);
	free(a->path);
	free(a->url);
	free(a->title);
	free(a->outlet);
	free(a->byline);
	free(a->published);
	free(a->lead);
	free(a->body);
	free(a->subheadings);
	strv_free(a->captions, a->ncaptions);
	strv_free(a->tags, a->ntags);
	for (i = 0; i < a->nlinks; i++) {
		free(a->links[i].url);
		free(a->links[i].text);
	}
	free(a->links);
	free(a->dropped);
	free(a->feed);
	article_init(a);
}

void
article_set(char **field, const char *s, size_t len)
{
	char	*clean;

	free(*field);
	*field = NULL;
	if (s == NULL)
		return;
	clean = utf8_clean_line(s, len);
	if (*clean == '\0')
		free(clean);
	else
		*field = clean;
}

int
article_add_paragraph(struct article *a, const char *s, size_t len,
    int subheading)
{
	char	*p;
	size_t	 plen, start;

	p = utf8_clean_line(s, len);
	plen = strlen(p);
	if (plen == 0) {
		free(p);
		return 0;
	}
	start = a->body_len == 0 ? 0 : a->body_len + 2;
	if (start + plen + 1 > a->body_cap) {
		/* Grow geometrically: a page can have 100,000 paragraphs. */
		a->body_cap = a->body_cap * 2 > start + plen + 1 ?
		    a->body_cap * 2 : start + plen + 1;
		a->body = xrealloc(a->body, a->body_cap);
	}
	if (start > 0)
		memcpy(a->body + a->body_len, "\n\n", 2);
	memcpy(a->body + start, p, plen + 1);
	a->body_len = start + plen;
	free(p);
	if (subheading) {
		if ((a->nsubheadings & (a->nsubheadings - 1)) == 0)
			a->subheadings = xreallocarray(a->subheadings,
			    a->nsubheadings ? a->nsubheadings * 2 : 1,
			    sizeof *a->subheadings);
		a->subheadings[a->nsubheadings].start = start;
		a->subheadings[a->nsubheadings].end = start + plen;
		a->nsubheadings++;
	}
	return 1;
}

/*
 * Text as compared for repeats: ASCII lower case, typographic quotes,
 * apostrophes and dashes made plain, an ellipsis made "...", runs of
 * whitespace one space, invisible characters dropped.
 */
static void
article_norm(struct buf *out, const char *s, size_t len)
{
	uint32_t	cp;
	size_t		i, n;
	int		space = 0;

	for (i = 0; i < len; i += n) {
		/* The commonest: printable ASCII, lower-cased. */
		if ((unsigned char)s[i] > 0x20 && (unsigned char)s[i] < 0x7f) {
			if (space)
				buf_addc(out, ' ');
			space = 0;
			cp = (unsigned char)s[i];
			buf_addc(out, cp >= 'A' && cp <= 'Z' ? (char)(cp -
			    'A' + 'a') : cp == '`' ? '\'' : (char)cp);
			n = 1;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (utf8_is_space(cp)) {
			space = out->len > 0;
			continue;
		}
		if (cp == 0xad || (cp >= 0x200b && cp <= 0x200d) ||
		    cp == 0x2060 || utf8_is_unsafe(cp))
			continue;
		if (space)
			buf_addc(out, ' ');
		space = 0;
		if (cp >= 'A' && cp <= 'Z')
			buf_addc(out, (char)(cp - 'A' + 'a'));
		else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201b ||
		    cp == 0x2032 || cp == 0xb4 || cp == '`')
			buf_addc(out, '\'');
		else if (cp == 0x201c || cp == 0x201d || cp == 0x201e ||
		    cp == 0x2033 || cp == 0xab || cp == 0xbb)
			buf_addc(out, '"');
		else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212)
			buf_addc(out, '-');
		else if (cp == 0x2026)
			buf_adds(out, "...");
		else
			buf_add(out, s + i, n);
	}
}

/* Is s (n bytes) nothing but punctuation and spaces? */
static int
article_only_punct(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* Paragraphs of the body in which a repeated lead is looked for. */
#define ARTICLE_LEAD_PARAS	3

int
article_lead_repeated(const struct article *a)
{
	struct buf	 l, p;
	const char	*s, *end, *nl;
	size_t		 i, plen;
	int		 cut = 0, found = 0, sentence;

	if (a->lead == NULL || a->body == NULL)
		return 0;
	buf_init(&l);
	buf_init(&p);
	article_norm(&l, a->lead, strlen(a->lead));
	/* A lead cut from the paragraph ends in an ellipsis. */
	while (l.len >= 3 && memcmp(l.data + l.len - 3, "...", 3) == 0) {
		l.len -= 3;
		cut = 1;
	}
	/*
	 * A lead that ends a sentence and only begins a longer paragraph is
	 * a summary of its own; one cut short (an ellipsis, or no full stop)
	 * repeats the paragraph.
	 */
	sentence = !cut && l.len > 0 && strchr(".!?\"'",
	    l.data[l.len - 1]) != NULL;
	while (l.len > 0 && (l.data[l.len - 1] == ' ' ||
	    ispunct((unsigned char)l.data[l.len - 1])))
		l.len--;
	s = a->body;
	end = a->body + a->body_len;
	for (i = 0; l.len > 0 && i < ARTICLE_LEAD_PARAS && s < end; i++) {
		nl = strstr(s, "\n\n");
		plen = nl != NULL ? (size_t)(nl - s) : (size_t)(end - s);
		buf_reset(&p);
		article_norm(&p, s, plen);
		if (p.len >= l.len && memcmp(p.data, l.data, l.len) == 0 &&
		    (article_only_punct(p.data + l.len, p.len - l.len) ||
		    (l.len >= 30 && !sentence && (cut ||
		    p.data[l.len] == ' ' ||
		    ispunct((unsigned char)p.data[l.len]))))) {
			found = 1;
			break;
		}
		if (nl == NULL)
			break;
		s = nl + 2;
	}
	buf_free(&l);
	buf_free(&p);
	return found;
}

static int
strv_has(char **v, size_t n, const char *s)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

void
article_add_caption(struct article *a, const char *s, size_t len)
{
	char	*c;

	c = utf8_clean_line(s, len);
	if (*c == '\0' || strv_has(a->captions, a->ncaptions, c)) {
		free(c);
		return;
	}
	a->captions = xreallocarray(a->captions, a->ncaptions + 1,
	    sizeof *a->captions);
	a->captions[a->ncaptions++] = c;
}

char *
article_tag_normalize(const char *s, size_t len)
{
	struct buf	 b;
	char		*clean, *p;
	int		 dash = 0;

	clean = utf8_clean_line(s, len);
	p = clean;
	while (*p == '#')
		p++;
	buf_init(&b);
	for (; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == ' ' || c == '_' || c == ',' || c == '#') {
			dash = b.len > 0;
			continue;
		}
		if (dash)
			buf_addc(&b, '-');
		dash = 0;
		buf_addc(&b, (char)(c < 0x80 ? tolower(c) : c));
	}
	free(clean);
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	if (b.len > 64) {	/* a tag is a label, not a paragraph */
		b.len = 64;
		while (b.len > 0 && ((unsigned char)b.data[b.len] & 0xc0) == 0x80)
			b.len--;	/* cut on a character boundary */
		b.data[b.len] = '\0';
	}
	return buf_detach(&b);
}

void
article_add_tag(struct article *a, const char *s, size_t len)
{
	char	*t;

	if ((t = article_tag_normalize(s, len)) == NULL)
		return;
	if (strv_has(a->tags, a->ntags, t)) {
		free(t);
		return;
	}
	a->tags = xreallocarray(a->tags, a->ntags + 1, sizeof *a->tags);
	a->tags[a->ntags++] = t;
}

/* Count an address not kept; the first is kept, shortened, with why. */
static void
article_drop(struct article *a, const char *url, size_t len, const char *why)
{
	char	*shown;
	size_t	 n;

	a->ndropped++;
	if (a->dropped != NULL)
		return;
	shown = utf8_clean_line(url, len);
	if ((n = strlen(shown)) > 60) {
		n = 60;
		while (n > 0 && ((unsigned char)shown[n] & 0xc0) == 0x80)
			n--;		/* cut on a character's first byte */
		shown[n] = '\0';
		xasprintf(&a->dropped, "\"%s...\": %s", shown, why);
	} else
		xasprintf(&a->dropped, "\"%s\": %s", shown, why);
	free(shown);
}

int
article_set_url(struct article *a, const char *url, size_t len)
{
	const char	*why;
	char		*u;

	if ((u = url_story(url, len, &why)) == NULL) {
		article_drop(a, url, len, why);
		return 0;
	}
	free(a->url);
	a->url = u;
	return 1;
}

int
article_add_link(struct article *a, const char *url, size_t urllen,
    const char *text, size_t textlen)
{
	const char	*why;
	char		*u, *t;
	size_t		 i;

	if (a->nlinks >= ARTICLE_MAX_LINKS)
		return 0;
	if ((u = url_story(url, urllen, &why)) == NULL) {
		while (urllen > 0 && (*url == ' ' || *url == '\t'))
			url++, urllen--;
		if (urllen > 0 && *url != '#')
			article_drop(a, url, urllen, why);
		return 0;
	}
	for (i = 0; i < a->nlinks; i++) {
		if (strcmp(a->links[i].url, u) == 0) {
			free(u);
			return 0;
		}
	}
	t = text != NULL ? utf8_clean_line(text, textlen) : NULL;
	if (t != NULL && *t == '\0') {
		free(t);
		t = NULL;
	}
	a->links = xreallocarray(a->links, a->nlinks + 1, sizeof *a->links);
	a->links[a->nlinks].url = u;
	a->links[a->nlinks++].text = t;
	return 1;
}
