/*
 * Import of Markdown with YAML front matter. The front matter (read by
 * import-markdown-front.c) gives the story's fields; the Markdown is
 * brought to plain paragraphs: headings become subheadings, emphasis,
 * links, list and quote markers and HTML tags go, images and the italic
 * line under them become captions.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article.h"
#include "buf.h"
#include "import-markdown-int.h"
#include "import.h"
#include "xmalloc.h"
#include "banned.h"

/*
 * How far an emphasis marker, bracket or tag looks for its closing twin,
 * so that a paragraph of unclosed ones costs linear time.
 */
#define MD_EMPHASIS_REACH	1024
#define MD_BRACKET_REACH	2048

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

/* Add s[from..to) to text as literal bytes, never emphasis markers. */
static void
md_literal(struct buf *text, struct buf *lit, const char *s, size_t from,
    size_t to)
{
	for (; from < to; from++) {
		buf_addc(text, s[from]);
		buf_addc(lit, 1);
	}
}

/*
 * Take the code span whose backticks start at s[i]: its text is literal;
 * unclosed, the backticks themselves are text. Returns the last byte
 * used.
 */
static size_t
md_code_span(struct buf *text, struct buf *lit, const char *s, size_t len,
    size_t i)
{
	size_t	run, close;

	for (run = 0; i + run < len && s[i + run] == '`'; run++)
		;
	for (close = i + run; close + run <= len; close++) {
		if (memcmp(s + close, s + i, run) == 0)
			break;
	}
	if (close + run <= len) {
		md_literal(text, lit, s, i + run, close);
		return close + run - 1;
	}
	md_literal(text, lit, s, i, i + run);
	return i + run - 1;
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
	size_t		 i, close, end, link_close = 0, link_end = 0;
	int		 in_link = 0;

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
			i = md_code_span(&text, &lit, s, len, i);
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
			md_literal(&text, &lit, s, i + 1, end);
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

/* A line inside a code fence: text as it stands, or the closing fence. */
static void
md_line_fenced(struct md *md, const char *p, size_t len)
{
	size_t	n, i;

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
}

/* An ATX heading ("## Subheading ##")? Then it is read whole: 1. */
static int
md_line_heading(struct md *md, const char *p, size_t len)
{
	size_t	level;

	for (level = 0; level < len && p[level] == '#'; level++)
		;
	if (level == 0 || level > 6 || (level < len && p[level] != ' '))
		return 0;
	md_flush(md);
	p += level;
	len -= level;
	while (len > 0 && p[0] == ' ') {
		p++;
		len--;
	}
	while (len > 0 && (p[len - 1] == '#' || p[len - 1] == ' '))
		len--;	/* closing hashes */
	md->heading = (int)level;
	buf_add(&md->para, p, len);
	md->lines = 1;
	md_flush(md);
	return 1;
}

/*
 * A line that is a block of its own or ends one: a code fence, a setext
 * underline, a thematic break, a heading, an image, a link reference
 * definition. Then it is read: 1.
 */
static int
md_line_block(struct md *md, const char *p, size_t len)
{
	size_t	n;

	if (len >= 3 && (memcmp(p, "```", 3) == 0 ||
	    memcmp(p, "~~~", 3) == 0)) {
		md_flush(md);
		md->fence = p[0];
		for (md->fence_len = 0; md->fence_len < len &&
		    p[md->fence_len] == md->fence; md->fence_len++)
			;
		return 1;
	}

	/* A setext underline makes the one line above it a heading. */
	for (n = 0; n < len && p[n] == p[0]; n++)
		;
	if (md->lines == 1 && md->heading == 0 && (p[0] == '=' ||
	    p[0] == '-') && n == len) {
		md->heading = p[0] == '=' ? 1 : 2;
		md_flush(md);
		return 1;
	}
	if (md_is_rule(p, len)) {
		md_flush(md);
		return 1;
	}
	if (md_line_heading(md, p, len))
		return 1;
	if (md_is_image(p, len)) {
		md_flush(md);
		buf_add(&md->para, p, len);
		md->lines = 1;
		md_flush(md);	/* the next line may be its caption */
		return 1;
	}
	/* A link reference definition is no text. */
	return len > 1 && p[0] == '[' &&
	    (n = md_match(p, len, 0, '[', ']')) != 0 && n + 1 < len &&
	    p[n + 1] == ':';
}

/* Read one line of Markdown (no newline). */
static void
md_line(struct md *md, const char *p, size_t len)
{
	size_t	n;

	while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == ' ' ||
	    p[len - 1] == '\t'))
		len--;

	/* Inside a code fence every line is text as it stands. */
	if (md->fence != '\0') {
		md_line_fenced(md, p, len);
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
	if (md_line_block(md, p, len))
		return;

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
	const char	*p, *end = s + len, *eol;
	size_t		 start;
	int		 rv = -1;

	memset(&md, 0, sizeof md);
	md.a = a;
	buf_init(&md.para);

	if (import_markdown_front(a, s, len, &start, err) != 0)
		goto out;
	for (p = s + start; p < end; p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
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
