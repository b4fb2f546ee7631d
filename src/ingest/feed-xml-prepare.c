/*
 * The bytes of an XML feed made fit for libxml2's recover mode. Real feeds
 * hold undeclared HTML entities (&nbsp;), bare ampersands ("AT&T") and
 * control characters; each is an error to libxml2, and after the first
 * error its recover mode drops every entity reference, &amp; and &lt;
 * included, and a NUL ends the document. So, outside CDATA sections,
 * comments and the DOCTYPE:
 *
 * - named references become character references (&nbsp; -> &#160;,
 *   &amp; -> &#38;), which libxml2 keeps whatever came before; names
 *   nobody declared stay as text ("&#38;foo;");
 * - the document's own entities (<!ENTITY name "value"> in its DOCTYPE)
 *   are expanded here, as text, under one budget for the whole document
 *   (FEED_MAX_ENTITY_BYTES) and a nesting limit; a document that goes past
 *   either is refused. External entities expand to nothing: they are
 *   never loaded. The DOCTYPE itself is left out, so libxml2 never sees an
 *   entity of the document's;
 * - a bare '&' becomes &#38;; character references to characters XML
 *   forbids go, and those in 128-159 are read as Windows-1252, as
 *   browsers do;
 *
 * and everywhere control characters and whole terminal escape sequences
 * go, those written as character references (&#27;[31m) too. Before all
 * this a document whose encoding libxml2 would not read well is decoded
 * to UTF-8 (feed-xml-decode.c).
 *
 * Last, start tags are cut to MARKUP_MAX_ATTRS attributes (markup.c).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "buf.h"
#include "feed-parse.h"
#include "feed-int.h"
#include "markup.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* Longest entity name looked up. */
#define PREP_NAME_MAX	32

/* Entity references followed inside one another, at most. */
#define PREP_ENTITY_DEPTH	8

/* One entity the document declares. */
struct prep_decl {
	const char	*name;
	size_t		 namelen;
	const char	*value;		/* its text as written; NULL: external */
	size_t		 len;
	size_t		 order;		/* the first declaration binds */
};

/* A document being prepared: its entities and what expanding them cost. */
struct prep {
	struct prep_decl *decls;
	size_t		  ndecls;
	size_t		  spent;	/* bytes and references expanded so far */
	size_t		  top;		/* output length where this expansion
					   began */
	size_t		  refs;		/* references followed in it */
	char		 *err;		/* why the document is refused */
};

/* Has the word of 8 bytes at s a byte below 0x20 (a control character)? */
static int
prep_has_control(const char *s)
{
	uint64_t	x;

	memcpy(&x, s, sizeof x);
	return ((x - 0x2020202020202020ULL) & ~x &
	    0x8080808080808080ULL) != 0;
}

/* Copy bytes, leaving out control characters and escape sequences. */
static void
prep_copy(struct buf *b, const char *s, size_t len)
{
	size_t		i, n, run = 0;
	unsigned char	c;

	for (i = 0; i < len; i += n) {
		/* Eight bytes at a time while none is a control. */
		if (i + 8 <= len && !prep_has_control(s + i)) {
			n = 8;
			continue;
		}
		c = (unsigned char)s[i];
		n = 1;
		if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
			continue;
		buf_add(b, s + run, i - run);
		if (c == 0x1b)
			n = utf8_escape_len(s + i, len - i);
		run = i + n;
	}
	buf_add(b, s + run, len - run);
}

/* Is cp a character XML 1.0 allows? */
static int
prep_xml_char(unsigned long cp)
{
	return cp == 0x9 || cp == 0xa || cp == 0xd ||
	    (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) ||
	    (cp >= 0x10000 && cp <= 0x10ffff);
}

/* Write a character reference to cp if XML allows the character. */
static void
prep_charref(struct buf *b, unsigned long cp)
{
	char		 byte, *u;
	size_t		 ulen;
	uint32_t	 c;

	if (cp >= 0x80 && cp <= 0x9f) {
		/* &#150; means what it means in Windows-1252. */
		byte = (char)cp;
		u = utf8_from_cp1252(&byte, 1, &ulen);
		if (ulen > 0 && utf8_decode(u, ulen, &c) == ulen)
			cp = c;
		free(u);
		if (cp >= 0x80 && cp <= 0x9f)
			return;		/* undefined there: nothing */
	}
	if (prep_xml_char(cp))
		buf_printf(b, "&#%lu;", cp);
}

/* Order declarations by name, then as declared. */
static int
prep_decl_cmp(const void *a, const void *b)
{
	const struct prep_decl	*x = a, *y = b;
	size_t			 n = x->namelen < y->namelen ? x->namelen :
				     y->namelen;
	int			 c;

	if ((c = memcmp(x->name, y->name, n)) != 0)
		return c;
	if (x->namelen != y->namelen)
		return x->namelen < y->namelen ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The first declaration of an entity, or NULL. */
static const struct prep_decl *
prep_decl_find(const struct prep *p, const char *name, size_t namelen)
{
	struct prep_decl	 key;
	size_t			 lo = 0, hi = p->ndecls, mid;

	key.name = name;
	key.namelen = namelen;
	key.order = 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (prep_decl_cmp(&p->decls[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < p->ndecls && p->decls[lo].namelen == namelen &&
	    memcmp(p->decls[lo].name, name, namelen) == 0)
		return &p->decls[lo];
	return NULL;
}

/* Has expanding entities cost more than a document may spend? */
static int
prep_over(struct prep *p, const struct buf *b)
{
	if (p->err != NULL)
		return 1;
	if (p->spent + (b->len - p->top) + p->refs <= FEED_MAX_ENTITY_BYTES)
		return 0;
	xasprintf(&p->err, "entities expand past %u MiB, the limit for one "
	    "document", FEED_MAX_ENTITY_BYTES / (1024 * 1024));
	return 1;
}

static size_t	prep_entity(struct prep *, struct buf *, const char *,
		    size_t, int);

/*
 * Write an entity's value as text: its references expanded in turn, and
 * what would be markup escaped, so that it reads the same in an element
 * and in an attribute.
 */
static void
prep_expand(struct prep *p, struct buf *b, const struct prep_decl *d,
    int depth)
{
	const char	*s = d->value;
	size_t		 i, run = 0;

	if (s == NULL)
		return;		/* external: never loaded */
	if (depth >= PREP_ENTITY_DEPTH) {
		if (p->err == NULL)
			xasprintf(&p->err, "entity references nest deeper "
			    "than %d", PREP_ENTITY_DEPTH);
		return;
	}
	p->refs++;
	for (i = 0; i < d->len && !prep_over(p, b);) {
		if (s[i] != '&' && s[i] != '<' && s[i] != '"' && s[i] != '\'') {
			i++;
			continue;
		}
		prep_copy(b, s + run, i - run);
		if (s[i] == '&')
			i += prep_entity(p, b, s + i, d->len - i, depth + 1);
		else {
			buf_printf(b, "&#%d;", s[i]);
			i++;
		}
		run = i;
	}
	if (p->err == NULL)
		prep_copy(b, s + run, d->len - run);
	(void)prep_over(p, b);
}

/* Rewrite the reference at s[0] == '&'; returns bytes used. */
static size_t
prep_entity(struct prep *p, struct buf *b, const char *s, size_t len,
    int depth)
{
	static const struct {
		const char	*name;
		unsigned	 cp;
	} predefined[] = {
		{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
		{ "apos", '\'' }
	};
	const htmlEntityDesc	*html;
	const struct prep_decl	*decl;
	char			 name[PREP_NAME_MAX + 1];
	unsigned long		 cp = 0;
	size_t			 i, n, start;
	int			 hex;

	if (len > 2 && s[1] == '#') {
		hex = s[2] == 'x' || s[2] == 'X';
		start = i = hex ? 3 : 2;
		for (; i < len && i < start + 8; i++) {
			if (s[i] >= '0' && s[i] <= '9')
				cp = cp * (hex ? 16 : 10) + (unsigned)(s[i] - '0');
			else if (hex && s[i] >= 'a' && s[i] <= 'f')
				cp = cp * 16 + (unsigned)(s[i] - 'a' + 10);
			else if (hex && s[i] >= 'A' && s[i] <= 'F')
				cp = cp * 16 + (unsigned)(s[i] - 'A' + 10);
			else
				break;
		}
		if (i > start && i < len && s[i] == ';') {
			prep_charref(b, cp);
			return i + 1;
		}
		buf_adds(b, "&#38;");
		return 1;
	}
	for (n = 1; n < len && n <= PREP_NAME_MAX; n++) {
		if (!((s[n] >= 'a' && s[n] <= 'z') ||
		    (s[n] >= 'A' && s[n] <= 'Z') || s[n] == '_' ||
		    (n > 1 && ((s[n] >= '0' && s[n] <= '9') ||
		    s[n] == '.' || s[n] == '-'))))
			break;
	}
	if (n == 1 || n >= len || s[n] != ';') {
		buf_adds(b, "&#38;");	/* a bare ampersand */
		return 1;
	}
	memcpy(name, s + 1, n - 1);
	name[n - 1] = '\0';
	for (i = 0; i < sizeof predefined / sizeof predefined[0]; i++) {
		if (strcmp(name, predefined[i].name) == 0) {
			buf_printf(b, "&#%u;", predefined[i].cp);
			return n + 1;
		}
	}
	/* The document's own declaration wins over HTML's meaning. */
	if ((decl = prep_decl_find(p, name, n - 1)) != NULL) {
		if (depth == 0) {
			p->top = b->len;
			p->refs = 0;
		}
		prep_expand(p, b, decl, depth);
		if (depth == 0)
			p->spent += b->len - p->top + p->refs;
		return n + 1;
	}
	if ((html = htmlEntityLookup((const xmlChar *)name)) != NULL) {
		prep_charref(b, html->value);
		return n + 1;
	}
	buf_adds(b, "&#38;");
	return 1;
}

/* Skip XML white space from i; returns the next index. */
static size_t
prep_space(const char *s, size_t len, size_t i)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
	    s[i] == '\r'))
		i++;
	return i;
}

/*
 * Follow quotes through a declaration: is c quoted text or a quote mark?
 * *quote is the quote open (0: none), updated.
 */
static int
prep_quoted(char *quote, char c)
{
	if (*quote != 0) {
		if (c == *quote)
			*quote = 0;
		return 1;
	}
	if (c == '"' || c == '\'') {
		*quote = c;
		return 1;
	}
	return 0;
}

/* Index just past the '>' that ends a declaration, quotes respected. */
static size_t
prep_decl_end(const char *s, size_t len, size_t i)
{
	char	quote = 0;

	for (; i < len; i++) {
		if (prep_quoted(&quote, s[i]))
			continue;
		if (s[i] == '>')
			return i + 1;
	}
	return len;
}

/*
 * Read <!ENTITY name "value"> (or SYSTEM/PUBLIC: external) at s; returns
 * its length. Parameter entities are not kept: the DTD is not read.
 */
static size_t
prep_decl(struct prep *p, const char *s, size_t len)
{
	struct prep_decl	*d;
	size_t			 i, name, vstart;
	char			 quote;

	i = prep_space(s, len, 8);
	if (i == 8 || i >= len || s[i] == '%')
		return prep_decl_end(s, len, 8);
	for (name = i; i < len && s[i] != ' ' && s[i] != '\t' &&
	    s[i] != '\n' && s[i] != '\r' && s[i] != '>' && s[i] != '"' &&
	    s[i] != '\''; i++)
		;
	if (i == name)
		return prep_decl_end(s, len, i);
	if (p->ndecls == FEED_MAX_ENTITIES) {
		if (p->err == NULL)
			xasprintf(&p->err, "the document declares more than "
			    "%d entities", FEED_MAX_ENTITIES);
		return len;
	}
	if ((p->ndecls & (p->ndecls - 1)) == 0)
		p->decls = xreallocarray(p->decls,
		    p->ndecls ? p->ndecls * 2 : 1, sizeof *p->decls);
	d = &p->decls[p->ndecls];
	d->name = s + name;
	d->namelen = i - name;
	d->value = NULL;
	d->len = 0;
	d->order = p->ndecls++;
	i = prep_space(s, len, i);
	if (i < len && (s[i] == '"' || s[i] == '\'')) {
		quote = s[i];
		for (vstart = ++i; i < len && s[i] != quote; i++)
			;
		d->value = s + vstart;
		d->len = i - vstart;
		if (i < len)
			i++;	/* past the closing quote */
	}
	return prep_decl_end(s, len, i);
}

/* Read the entity declarations of a DOCTYPE's internal subset. */
static void
prep_doctype(struct prep *p, const char *s, size_t len)
{
	const char	*end;
	size_t		 i;
	char		 quote = 0;

	for (i = 9; i < len; i++) {
		if (prep_quoted(&quote, s[i]))
			continue;
		if (s[i] == '[' || s[i] == '>')
			break;
	}
	if (i >= len || s[i] != '[')
		return;
	for (i++; i < len && s[i] != ']' && p->err == NULL;) {
		if (s[i] != '<')
			i++;
		else if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			end = memmem(s + i + 4, len - i - 4, "-->", 3);
			i = end != NULL ? (size_t)(end - s) + 3 : len;
		} else if (len - i >= 2 && memcmp(s + i, "<?", 2) == 0) {
			end = memmem(s + i + 2, len - i - 2, "?>", 2);
			i = end != NULL ? (size_t)(end - s) + 2 : len;
		} else if (len - i >= 9 && memcmp(s + i, "<!ENTITY", 8) == 0)
			i += prep_decl(p, s + i, len - i);
		else
			i = prep_decl_end(s, len, i + 1);
	}
	if (p->ndecls > 1)
		qsort(p->decls, p->ndecls, sizeof *p->decls, prep_decl_cmp);
}

/* Length of the construct at s that is copied untouched, or 0. */
static size_t
prep_verbatim(const char *s, size_t len)
{
	static const struct {
		const char	*open;
		const char	*close;
	} kinds[] = {
		{ "<![CDATA[", "]]>" }, { "<!--", "-->" }, { "<?", "?>" }
	};
	const char	*end;
	size_t		 i, olen, depth = 0;
	char		 quote = 0;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		olen = strlen(kinds[i].open);
		if (len < olen || memcmp(s, kinds[i].open, olen) != 0)
			continue;
		end = memmem(s + olen, len - olen, kinds[i].close,
		    strlen(kinds[i].close));
		return end != NULL ? (size_t)(end - s) +
		    strlen(kinds[i].close) : len;
	}
	if (len < 9 || memcmp(s, "<!DOCTYPE", 9) != 0)
		return 0;
	for (i = 9; i < len; i++) {
		if (prep_quoted(&quote, s[i]))
			continue;
		if (s[i] == '[')
			depth++;
		else if (s[i] == ']' && depth > 0)
			depth--;
		else if (s[i] == '>' && depth == 0)
			return i + 1;
	}
	return len;
}

/*
 * The next '<' or '&' from i on (or len): memchr for each, kept in *lt
 * and *amp while they are ahead.
 */
static size_t
prep_next(const char *s, size_t len, size_t i, size_t *lt, size_t *amp)
{
	const char	*p;

	if (*lt < i)
		*lt = (p = memchr(s + i, '<', len - i)) != NULL ?
		    (size_t)(p - s) : len;
	if (*amp < i)
		*amp = (p = memchr(s + i, '&', len - i)) != NULL ?
		    (size_t)(p - s) : len;
	return *lt < *amp ? *lt : *amp;
}

/*
 * Rewrite the document's references and drop its control characters;
 * NULL with *err when its entities cost too much.
 */
static char *
prep_pass(const char *s, size_t len, size_t *outlen, char **err)
{
	struct prep	 p;
	struct buf	 b;
	char		*refs;
	size_t		 i, n, run = 0, rlen, lt = 0, amp = 0;

	/* &#27;[31m: libxml2 would drop the reference and keep "[31m". */
	if ((refs = utf8_drop_escape_refs(s, len, &rlen)) != NULL) {
		s = refs;
		len = rlen;
	}
	memset(&p, 0, sizeof p);
	buf_init(&b);
	buf_grow(&b, len + len / 16 + 1);
	for (i = 0; i < len && p.err == NULL;) {
		if (s[i] == '<' && (n = prep_verbatim(s + i, len - i)) > 0) {
			prep_copy(&b, s + run, i - run);
			if (n >= 9 && memcmp(s + i, "<!DOCTYPE", 9) == 0)
				prep_doctype(&p, s + i, n);
			else
				prep_copy(&b, s + i, n);
			i += n;
			run = i;
		} else if (s[i] == '&') {
			prep_copy(&b, s + run, i - run);
			i += prep_entity(&p, &b, s + i, len - i, 0);
			run = i;
		} else
			i = prep_next(s, len, i + 1, &lt, &amp);
	}
	free(p.decls);
	if (p.err != NULL) {
		*err = p.err;
		buf_free(&b);
		free(refs);
		return NULL;
	}
	prep_copy(&b, s + run, len - run);
	free(refs);
	*outlen = b.len;
	if (b.data == NULL)
		return xstrdup("");
	return buf_detach(&b);
}

/* Prepared bytes with their start tags cut to MARKUP_MAX_ATTRS. */
static char *
prep_cut(char *out, size_t *outlen)
{
	char	*cut;

	if (out == NULL || (cut = markup_cut_attrs(out, *outlen,
	    MARKUP_MAX_ATTRS, 0, outlen)) == NULL)
		return out;
	free(out);
	return cut;
}

/* Prepare a document's bytes for libxml2. */
char *
feed_xml_prepare(const char *s, size_t len, size_t *outlen,
    const char **encoding, char **err)
{
	char	*text = NULL, *out;
	size_t	 tlen;
	int	 rc;

	*encoding = NULL;
	*err = NULL;
	if ((rc = feed_xml_decode(s, len, &text, &tlen, encoding, err)) < 0)
		return NULL;
	if (rc == 1) {
		s = text;
		len = tlen;
	}
	out = prep_pass(s, len, outlen, err);
	free(text);
	return prep_cut(out, outlen);
}
