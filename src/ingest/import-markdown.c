/*
 * Import of Markdown with YAML front matter. The front matter (read with
 * libyaml's event API, bounded in size) gives the story's fields; the
 * Markdown is brought to plain paragraphs: headings become subheadings,
 * emphasis, links, list and quote markers and HTML tags go, images and the
 * italic line under them become captions.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "import.h"
#include "xmalloc.h"
#include "banned.h"

/* Front matter larger than this is refused. */
#define MD_MAX_FRONT_MATTER	(64u * 1024)

/* Authors joined into one byline, at most. */
#define MD_MAX_AUTHORS		20

/*
 * How far an emphasis marker, bracket or tag looks for its closing twin,
 * so that a paragraph of unclosed ones costs linear time.
 */
#define MD_EMPHASIS_REACH	1024
#define MD_BRACKET_REACH	2048

/* Fields of the front matter, before they go to the article. */
enum md_key {
	MD_KEY_NONE,
	MD_KEY_TITLE,
	MD_KEY_OUTLET,
	MD_KEY_URL,
	MD_KEY_DATE,
	MD_KEY_BYLINE,
	MD_KEY_TAGS,
	MD_KEY_LEAD
};

static const struct {
	const char	*name;
	enum md_key	 key;
} md_keys[] = {
	{ "title", MD_KEY_TITLE },
	{ "headline", MD_KEY_TITLE },
	{ "source", MD_KEY_OUTLET },
	{ "outlet", MD_KEY_OUTLET },
	{ "publication", MD_KEY_OUTLET },
	{ "site", MD_KEY_OUTLET },
	{ "url", MD_KEY_URL },
	{ "link", MD_KEY_URL },
	{ "date", MD_KEY_DATE },
	{ "published", MD_KEY_DATE },
	{ "author", MD_KEY_BYLINE },
	{ "authors", MD_KEY_BYLINE },
	{ "byline", MD_KEY_BYLINE },
	{ "tags", MD_KEY_TAGS },
	{ "lead", MD_KEY_LEAD },
	{ "summary", MD_KEY_LEAD },
	{ "description", MD_KEY_LEAD },
};

/* The state of the Markdown reader between lines. */
struct md {
	struct article	*a;
	struct buf	 para;		/* lines of the block being read */
	size_t		 lines;		/* how many */
	char		*first_line;	/* the first block, if one line */
	char		*first_raw;	/* the first block's first line */
	int		 heading;	/* the block is a heading of level n */
	int		 blocks;	/* blocks flushed so far */
	char		*alt;		/* image waiting for its caption */
	char		 fence;		/* '`' or '~' inside a code fence */
	size_t		 fence_len;
};

/* The front matter key for a YAML key, if it is one we read. */
static enum md_key
md_key_find(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof md_keys / sizeof md_keys[0]; i++) {
		if (strcasecmp(md_keys[i].name, name) == 0)
			return md_keys[i].key;
	}
	return MD_KEY_NONE;
}

/* Set a field from a front matter value unless it is set already. */
static void
md_set_value(struct article *a, enum md_key key, const char *v, size_t len)
{
	const char	*p, *end, *comma;

	switch (key) {
	case MD_KEY_TITLE:
		if (a->title == NULL)
			article_set(&a->title, v, len);
		break;
	case MD_KEY_OUTLET:
		if (a->outlet == NULL)
			article_set(&a->outlet, v, len);
		break;
	case MD_KEY_URL:
		if (a->url == NULL)
			article_set_url(a, v, len);
		break;
	case MD_KEY_DATE:
		if (a->published == NULL)
			a->published = date_parse(v, len);
		break;
	case MD_KEY_BYLINE:
		if (a->byline == NULL)
			article_set(&a->byline, v, len);
		break;
	case MD_KEY_TAGS:
		/* "a, b, c" is a list too. */
		for (p = v, end = v + len; p < end; p = comma + 1) {
			if ((comma = memchr(p, ',', (size_t)(end - p))) == NULL)
				comma = end;
			article_add_tag(a, p, (size_t)(comma - p));
		}
		break;
	case MD_KEY_LEAD:
		if (a->lead == NULL)
			article_set(&a->lead, v, len);
		break;
	case MD_KEY_NONE:
		break;
	}
}

/* Join a list of authors: "A", "A and B", "A, B and C". */
static void
md_set_authors(struct article *a, char **names, size_t n)
{
	struct buf	b;
	size_t		i;

	if (n == 0 || a->byline != NULL)
		return;
	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(&b, i == n - 1 ? " and " : ", ");
		buf_adds(&b, names[i]);
	}
	article_set(&a->byline, b.data, b.len);
	buf_free(&b);
}

/*
 * Read the front matter: a mapping whose scalar values (and, for tags and
 * authors, lists of scalars) fill the article. Anything nested deeper or
 * under an unknown key is skipped; aliases count as no value.
 */
static int
md_front_matter(struct article *a, const char *s, size_t len, size_t line0,
    char **err)
{
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	enum md_key	 key = MD_KEY_NONE;
	char		*names[MD_MAX_AUTHORS];
	size_t		 nnames = 0, i;
	int		 depth = 0, want_key = 1, in_list = 0, done = 0;
	int		 root_map = -1;
	int		 rv = -1;

	if (!yaml_parser_initialize(&parser)) {
		*err = xstrdup("cannot start the yaml parser");
		return -1;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)s, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			xasprintf(err, "front matter is not valid YAML: %s at "
			    "line %zu", parser.problem != NULL ?
			    parser.problem : "parse error",
			    line0 + parser.problem_mark.line + 1);
			goto out;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
		case YAML_DOCUMENT_END_EVENT:
			done = 1;	/* one document is all we read */
			break;
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT:
			if (root_map == -1)
				root_map = ev.type == YAML_MAPPING_START_EVENT;
			depth++;
			if (depth == 2 && !want_key &&
			    ev.type == YAML_SEQUENCE_START_EVENT)
				in_list = 1;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			depth--;
			if (depth == 1) {
				if (in_list && key == MD_KEY_BYLINE)
					md_set_authors(a, names, nnames);
				in_list = 0;
				want_key = 1;
			}
			break;
		case YAML_SCALAR_EVENT:
		case YAML_ALIAS_EVENT:
			if (root_map != 1)
				break;	/* front matter that is not a mapping */
			if (depth == 1 && want_key) {
				key = MD_KEY_NONE;
				if (ev.type == YAML_SCALAR_EVENT)
					key = md_key_find((const char *)
					    ev.data.scalar.value);
				want_key = 0;
			} else if (depth == 1) {
				if (ev.type == YAML_SCALAR_EVENT)
					md_set_value(a, key, (const char *)
					    ev.data.scalar.value,
					    ev.data.scalar.length);
				want_key = 1;
			} else if (depth == 2 && in_list &&
			    ev.type == YAML_SCALAR_EVENT) {
				if (key == MD_KEY_TAGS)
					article_add_tag(a, (const char *)
					    ev.data.scalar.value,
					    ev.data.scalar.length);
				else if (key == MD_KEY_BYLINE &&
				    nnames < MD_MAX_AUTHORS)
					names[nnames++] = xstrdup((const char *)
					    ev.data.scalar.value);
			}
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	rv = 0;
out:
	for (i = 0; i < nnames; i++)
		free(names[i]);
	yaml_parser_delete(&parser);
	return rv;
}

/* Is this line a front matter fence ("---", or "..." to close)? */
static int
md_is_fence(const char *line, size_t len, int closing)
{
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t' ||
	    line[len - 1] == '\r'))
		len--;
	if (len != 3)
		return 0;
	return memcmp(line, "---", 3) == 0 ||
	    (closing && memcmp(line, "...", 3) == 0);
}

/* The end of the line at p (its newline or end). */
static const char *
md_eol(const char *p, const char *end)
{
	const char	*nl;

	if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
		return end;
	return nl;
}

/* Can a delimiter run of c at i open or close emphasis? */
static int
md_flanking(const char *s, size_t len, size_t start, size_t end, int open)
{
	unsigned char	before, after;

	before = start > 0 ? (unsigned char)s[start - 1] : ' ';
	after = end < len ? (unsigned char)s[end] : ' ';
	if (open) {
		if (isspace(after))
			return 0;
		return s[start] != '_' || !isalnum(before);
	}
	if (isspace(before))
		return 0;
	return s[start] != '_' || !isalnum(after);
}

/*
 * Remove paired emphasis markers (* _ ** __ ***) from s; bytes marked
 * literal in lit (escaped, or inside code) are never markers.
 */
static void
md_emphasis(struct buf *out, const char *s, const char *lit, size_t len)
{
	char	*drop;
	size_t	 i, j, n, m, reach;
	char	 c;

	drop = xcalloc(len + 1, 1);
	for (i = 0; i < len; i += n) {
		c = s[i];
		n = 1;
		if ((c != '*' && c != '_') || lit[i] || drop[i])
			continue;
		while (i + n < len && s[i + n] == c && !lit[i + n])
			n++;
		if (n > 3 || !md_flanking(s, len, i, i + n, 1))
			continue;
		reach = len - (i + n) < MD_EMPHASIS_REACH ?
		    len : i + n + MD_EMPHASIS_REACH;
		for (j = i + n; j < reach; j += m) {
			m = 1;
			if (s[j] != c || lit[j])
				continue;
			while (j + m < len && s[j + m] == c && !lit[j + m])
				m++;
			if (m == n && md_flanking(s, len, j, j + m, 0)) {
				memset(drop + i, 1, n);
				memset(drop + j, 1, m);
				break;
			}
		}
	}
	for (i = 0; i < len; i++) {
		if (!drop[i])
			buf_addc(out, s[i]);
	}
	free(drop);
}

/* Find the byte that closes an opening bracket at s[i], or 0. */
static size_t
md_match(const char *s, size_t len, size_t i, char open, char close)
{
	size_t	depth = 0, reach;

	reach = len - i > MD_BRACKET_REACH ? i + MD_BRACKET_REACH : len;
	for (; i < reach; i++) {
		if (s[i] == '\\' && i + 1 < len) {
			i++;
			continue;
		}
		if (s[i] == open)
			depth++;
		else if (s[i] == close && --depth == 0)
			return i;
		else if (s[i] == '\n')
			break;
	}
	return 0;
}

/* Where the destination after a link's "]" ends, or 0 if none follows. */
static size_t
md_link_end(const char *s, size_t len, size_t close)
{
	size_t	end;

	if (close + 1 >= len)
		return 0;
	if (s[close + 1] == '(' &&
	    (end = md_match(s, len, close + 1, '(', ')')) != 0)
		return end + 1;
	if (s[close + 1] == '[' &&
	    (end = md_match(s, len, close + 1, '[', ']')) != 0)
		return end + 1;
	return 0;
}

/* Length of an HTML tag or comment at s[i] ("<b>", "</p>"), or 0. */
static size_t
md_tag(const char *s, size_t len, size_t i)
{
	const char	*gt;
	size_t		 k;

	if (i + 1 >= len || !(isalpha((unsigned char)s[i + 1]) ||
	    s[i + 1] == '/' || s[i + 1] == '!'))
		return 0;
	if ((gt = memchr(s + i, '>', len - i > MD_BRACKET_REACH ?
	    MD_BRACKET_REACH : len - i)) == NULL)
		return 0;
	for (k = i + 1; s + k < gt; k++) {
		if (s[k] == ':' || s[k] == '@')
			return 0;	/* <https://...> is a link, not a tag */
		if (s[k] == ' ')
			break;
	}
	return (size_t)(gt - (s + i)) + 1;
}

/* Keep the link [text](url "title") of s[i..end) in the article. */
static void
md_link(struct article *a, const char *s, size_t i, size_t close,
    size_t end)
{
	size_t	u = close + 2, e = end - 1;	/* inside the parentheses */

	while (u < e && (s[u] == ' ' || s[u] == '<'))
		u++;
	for (end = u; end < e && s[end] != ' ' && s[end] != '>'; end++)
		;	/* the address ends at a title or the closing > */
	article_add_link(a, s + u, end - u, s + i + 1, close - i - 1);
}

/*
 * Bring a block's inline Markdown to plain text; images go to *alt and,
 * when a is not NULL, links to the article.
 */
static void
md_inline(struct buf *out, const char *s, size_t len, struct buf *alt,
    struct article *a)
{
	struct buf	 text, lit;
	size_t		 i, j, run, close, end, link_close = 0, link_end = 0;
	int		 in_link = 0, closed;

	buf_init(&text);
	buf_init(&lit);
	for (i = 0; i < len; i++) {
		if (in_link && i >= link_close) {
			in_link = 0;
			if (i == link_close) {
				i = link_end - 1;	/* skip "](url)" */
				continue;
			}
		}
		if (s[i] == '\\' && i + 1 < len &&
		    ispunct((unsigned char)s[i + 1])) {
			buf_addc(&text, s[++i]);
			buf_addc(&lit, 1);
			continue;
		}
		if (s[i] == '`') {
			for (run = 0; i + run < len && s[i + run] == '`'; run++)
				;
			for (close = i + run; close + run <= len; close++) {
				if (memcmp(s + close, s + i, run) == 0)
					break;
			}
			/* Unclosed, the backticks themselves are text. */
			if ((closed = close + run <= len))
				j = i + run;
			else {
				close = i + run;
				j = i;
			}
			for (; j < close; j++) {
				buf_addc(&text, s[j]);
				buf_addc(&lit, 1);
			}
			i = (closed ? close + run : close) - 1;
			continue;
		}
		if (s[i] == '!' && i + 1 < len && s[i + 1] == '[' &&
		    (close = md_match(s, len, i + 1, '[', ']')) != 0 &&
		    close + 1 < len && s[close + 1] == '(' &&
		    (end = md_link_end(s, len, close)) != 0) {
			if (alt != NULL && close > i + 2) {
				if (alt->len > 0)
					buf_addc(alt, ' ');
				buf_add(alt, s + i + 2, close - i - 2);
			}
			i = end - 1;
			continue;
		}
		if (s[i] == '[' && !in_link &&
		    (close = md_match(s, len, i, '[', ']')) != 0 &&
		    (end = md_link_end(s, len, close)) != 0) {
			if (a != NULL && s[close + 1] == '(')
				md_link(a, s, i, close, end);
			in_link = 1;
			link_close = close;
			link_end = end;
			continue;
		}
		if (s[i] == '<' && (end = md_tag(s, len, i)) != 0) {
			i += end - 1;
			continue;
		}
		if (s[i] == '<' && i + 1 < len &&
		    (end = md_match(s, len, i, '<', '>')) != 0) {
			/* An autolink: keep the address, drop the brackets. */
			for (j = i + 1; j < end; j++) {
				buf_addc(&text, s[j]);
				buf_addc(&lit, 1);
			}
			i = end;
			continue;
		}
		buf_addc(&text, s[i]);
		buf_addc(&lit, 0);
	}
	md_emphasis(out, text.data != NULL ? text.data : "",
	    lit.data != NULL ? lit.data : "", text.len);
	buf_free(&text);
	buf_free(&lit);
}

/* Add a waiting image's alt text as its caption. */
static void
md_caption_alt(struct md *md)
{
	if (md->alt != NULL)
		article_add_caption(md->a, md->alt, strlen(md->alt));
	free(md->alt);
	md->alt = NULL;
}

/* Add the block read so far as a paragraph, heading or title. */
static void
md_flush(struct md *md)
{
	struct buf	 text, alt;
	struct article	*a = md->a;

	if (md->lines == 0)
		return;
	buf_init(&text);
	buf_init(&alt);
	md_inline(&text, md->para.data, md->para.len, &alt, md->a);
	if (alt.len > 0) {
		md_caption_alt(md);
		md->alt = buf_detach(&alt);
	}
	if (md->blocks == 0 && md->heading == 1 && a->title == NULL) {
		article_set(&a->title, text.data, text.len);
		md->blocks++;
	} else if (md->blocks == 0 && md->heading && a->title != NULL &&
	    text.data != NULL && strcmp(text.data, a->title) == 0) {
		md->blocks++;	/* the front matter's title again */
	} else if (text.len > 0 && article_add_paragraph(a, text.data,
	    text.len, md->heading != 0)) {
		if (md->blocks == 0 && md->lines == 1 && !md->heading)
			md->first_line = xstrdup(text.data);
		md->blocks++;
	}
	buf_free(&text);
	buf_free(&alt);
	buf_reset(&md->para);
	md->lines = 0;
	md->heading = 0;
}

/* Is the line one italic span, "*caption*" or "_caption_"? */
static int
md_is_italic(const char *p, size_t len)
{
	if (len < 3 || (p[0] != '*' && p[0] != '_') || p[len - 1] != p[0])
		return 0;
	return p[1] != p[0] && p[len - 2] != p[0] && p[1] != ' ';
}

/* Is the line a thematic break ("---", "* * *", "___")? */
static int
md_is_rule(const char *p, size_t len)
{
	size_t	i, n = 0;
	char	c = p[0];

	if (c != '-' && c != '*' && c != '_')
		return 0;
	for (i = 0; i < len; i++) {
		if (p[i] == c)
			n++;
		else if (p[i] != ' ' && p[i] != '\t')
			return 0;
	}
	return n >= 3;
}

/* Is the line just an image, "![alt](src)"? */
static int
md_is_image(const char *p, size_t len)
{
	size_t	close;

	if (len < 5 || p[0] != '!' || p[1] != '[' ||
	    (close = md_match(p, len, 1, '[', ']')) == 0)
		return 0;
	return close + 1 < len && p[close + 1] == '(' &&
	    md_link_end(p, len, close) == len;
}

/* Take the first paragraph out of the body: it became the title. */
static void
md_drop_first(struct article *a)
{
	const char	*nl;
	size_t		 cut, i;

	if (a->body == NULL)
		return;
	if ((nl = strstr(a->body, "\n\n")) == NULL) {
		free(a->body);
		a->body = NULL;
		a->body_len = a->body_cap = 0;
		return;
	}
	cut = (size_t)(nl - a->body) + 2;
	memmove(a->body, a->body + cut, a->body_len - cut + 1);
	a->body_len -= cut;
	for (i = 0; i < a->nsubheadings; i++) {
		a->subheadings[i].start -= cut;
		a->subheadings[i].end -= cut;
	}
}

/* Length of a list marker ("- ", "* ", "1. ", "2) ") at p, or 0. */
static size_t
md_list_marker(const char *p, size_t len)
{
	size_t	i = 0;

	if (len >= 2 && (p[0] == '-' || p[0] == '*' || p[0] == '+') &&
	    (p[1] == ' ' || p[1] == '\t'))
		return 2;
	while (i < len && i < 9 && isdigit((unsigned char)p[i]))
		i++;
	if (i > 0 && i + 1 < len && (p[i] == '.' || p[i] == ')') &&
	    (p[i + 1] == ' ' || p[i + 1] == '\t'))
		return i + 2;
	return 0;
}

/* Read one line of Markdown (no newline). */
static void
md_line(struct md *md, const char *p, size_t len)
{
	size_t	n, level, i;

	while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == ' ' ||
	    p[len - 1] == '\t'))
		len--;

	/* Inside a code fence every line is text as it stands. */
	if (md->fence != '\0') {
		for (n = 0; n < len && n < 3 && p[n] == ' '; n++)
			;
		for (i = n; i < len && p[i] == md->fence; i++)
			;
		if (i - n >= md->fence_len && i == len) {
			md->fence = '\0';
			return;
		}
		article_add_paragraph(md->a, p, len, 0);
		md->blocks++;
		return;
	}

	for (n = 0; n < len && (p[n] == ' ' || p[n] == '\t'); n++)
		;
	p += n;
	len -= n;
	if (len == 0) {
		md_flush(md);
		return;
	}

	/* The line under an image may be its caption. */
	if (md->alt != NULL && md->lines == 0) {
		if (md_is_italic(p, len)) {
			article_add_caption(md->a, p + 1, len - 2);
			free(md->alt);
			md->alt = NULL;
			return;
		}
		md_caption_alt(md);
	}

	/* Quote markers go; what they quote is read as any line. */
	while (len > 0 && p[0] == '>') {
		p++;
		len--;
		while (len > 0 && (p[0] == ' ' || p[0] == '\t')) {
			p++;
			len--;
		}
	}
	if (len == 0) {
		md_flush(md);
		return;
	}

	if (len >= 3 && (memcmp(p, "```", 3) == 0 ||
	    memcmp(p, "~~~", 3) == 0)) {
		md_flush(md);
		md->fence = p[0];
		for (md->fence_len = 0; md->fence_len < len &&
		    p[md->fence_len] == md->fence; md->fence_len++)
			;
		return;
	}

	/* A setext underline makes the one line above it a heading. */
	for (n = 0; n < len && p[n] == p[0]; n++)
		;
	if (md->lines == 1 && md->heading == 0 && (p[0] == '=' ||
	    p[0] == '-') && n == len) {
		md->heading = p[0] == '=' ? 1 : 2;
		md_flush(md);
		return;
	}
	if (md_is_rule(p, len)) {
		md_flush(md);
		return;
	}

	if (p[0] == '#') {
		for (level = 0; level < len && p[level] == '#'; level++)
			;
		if (level <= 6 && (level == len || p[level] == ' ')) {
			md_flush(md);
			p += level;
			len -= level;
			while (len > 0 && p[0] == ' ') {
				p++;
				len--;
			}
			while (len > 0 && (p[len - 1] == '#' ||
			    p[len - 1] == ' '))
				len--;	/* closing hashes */
			md->heading = (int)level;
			buf_add(&md->para, p, len);
			md->lines = 1;
			md_flush(md);
			return;
		}
	}

	if (md_is_image(p, len)) {
		md_flush(md);
		buf_add(&md->para, p, len);
		md->lines = 1;
		md_flush(md);	/* the next line may be its caption */
		return;
	}

	if (len > 1 && p[0] == '[' && (n = md_match(p, len, 0, '[', ']')) != 0 &&
	    n + 1 < len && p[n + 1] == ':')
		return;		/* a link reference definition */

	if ((n = md_list_marker(p, len)) != 0) {
		md_flush(md);
		p += n;
		len -= n;
		while (len > 0 && (p[0] == ' ' || p[0] == '\t')) {
			p++;
			len--;
		}
	}

	if (md->blocks == 0 && md->lines == 0 && md->first_raw == NULL)
		md->first_raw = xstrndup(p, len);
	if (md->lines > 0)
		buf_addc(&md->para, ' ');
	buf_add(&md->para, p, len);
	md->lines++;
}

/* Parse Markdown with optional front matter into an article. */
int
import_markdown_parse(const char *s, size_t len, struct article *a,
    char **err)
{
	struct md	 md;
	struct buf	 title;
	const char	*p, *end = s + len, *eol, *fm = NULL;
	size_t		 fmlen = 0, line = 1;
	int		 rv = -1;

	memset(&md, 0, sizeof md);
	md.a = a;
	buf_init(&md.para);

	p = s;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	eol = md_eol(p, end);
	if (md_is_fence(p, (size_t)(eol - p), 0)) {
		fm = eol < end ? eol + 1 : end;
		for (p = fm; p < end; p = eol + 1) {
			line++;
			eol = md_eol(p, end);
			if (md_is_fence(p, (size_t)(eol - p), 1))
				break;
			if (eol == end) {
				p = end;
				break;
			}
		}
		if (p >= end) {
			*err = xstrdup("front matter has no closing '---' line");
			goto out;
		}
		fmlen = (size_t)(p - fm);
		if (fmlen > MD_MAX_FRONT_MATTER) {
			xasprintf(err, "front matter is larger than %u KiB",
			    MD_MAX_FRONT_MATTER / 1024);
			goto out;
		}
		if (md_front_matter(a, fm, fmlen, 1, err) != 0)
			goto out;
		p = eol < end ? eol + 1 : end;
	}

	for (; p < end; p = eol + 1) {
		eol = md_eol(p, end);
		md_line(&md, p, (size_t)(eol - p));
		if (eol == end)
			break;
	}
	md_flush(&md);
	md_caption_alt(&md);

	/*
	 * No title anywhere: the first line is the headline. A line of its
	 * own leaves the body; the first line of a paragraph stays in it.
	 */
	if (a->title == NULL && md.first_line != NULL) {
		article_set(&a->title, md.first_line, strlen(md.first_line));
		md_drop_first(a);
	} else if (a->title == NULL && md.first_raw != NULL) {
		buf_init(&title);
		md_inline(&title, md.first_raw, strlen(md.first_raw), NULL,
		    NULL);
		article_set(&a->title, title.data, title.len);
		buf_free(&title);
	}
	if (a->title == NULL && a->body == NULL) {
		*err = xstrdup("file has no title and no text");
		goto out;
	}
	/* A summary that only repeats the opening paragraph goes. */
	if (article_lead_repeated(a)) {
		free(a->lead);
		a->lead = NULL;
	}
	rv = 0;
out:
	free(md.first_line);
	free(md.first_raw);
	free(md.alt);
	buf_free(&md.para);
	return rv;
}
