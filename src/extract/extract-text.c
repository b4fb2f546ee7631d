/*
 * The text stage of extraction (text_*; its steps are extract_tokens and
 * extract_sentences of extract.h): UTF-8 tokens with their shape, quote
 * marks as opening or closing, paragraphs and sentences. Sentence ends
 * survive abbreviations (U.S., Mr., Gen., Sept., a.m.), initials and
 * quotes that close a sentence.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "extract-lexicon-int.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

static void	text_nicknames(struct extract *);
static void	text_quote_marks(struct extract *);

/* Sentence openers after which "U.S." and the like do end a sentence. */
static const char *const text_openers[] = {
	"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but",
	"and", "in", "this", "that", "there", "his", "her", "their", "its",
	"on", "at", "for", "if", "as", "after", "when", "while", "some", "many",
	"officials", "according", "meanwhile", "however", "yet", "so", "still"
};

/* What each byte is, for the tokenizer's ASCII fast paths. */
#define TC_ALNUM	0x01	/* ASCII letter or digit */
#define TC_UPPER	0x02
#define TC_LOWER	0x04
#define TC_DOT		0x08
#define TC_HIGH		0x10	/* part of a multibyte character */
static unsigned char	text_class[256];
static int		text_class_built;

/* Fill text_class, without the locale's ctype tables (extract_init). */
void
extract_tok_init(void)
{
	unsigned	b;

	for (b = 0; b < 256; b++) {
		if (b >= 0x80)
			text_class[b] = TC_HIGH;
		else if (b >= 'A' && b <= 'Z')
			text_class[b] = TC_ALNUM | TC_UPPER;
		else if (b >= 'a' && b <= 'z')
			text_class[b] = TC_ALNUM | TC_LOWER;
		else if (b >= '0' && b <= '9')
			text_class[b] = TC_ALNUM;
		else if (b == '.')
			text_class[b] = TC_DOT;
	}
	text_class_built = 1;
}

/* An ASCII letter or digit (text_class is built first). */
static inline int
text_alnum(unsigned char b)
{
	return text_class[b] & TC_ALNUM;
}

static int
text_in(const char *w, size_t n, const char *const *table, size_t size)
{
	size_t	i;

	for (i = 0; i < size; i++)
		if (strlen(table[i]) == n && strncasecmp(table[i], w, n) == 0)
			return 1;
	return 0;
}

#define IN(w, n, t)	text_in((w), (n), (t), sizeof (t) / sizeof (t)[0])

/* Punctuation classes of the code points we treat specially. */
static int
text_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
	    c == 0xa0 || (c >= 0x2000 && c <= 0x200b) || c == 0x202f ||
	    c == 0x205f || c == 0x3000 || c == 0xfeff;
}

static int
text_is_dquote(uint32_t c)
{
	return c == '"' || c == 0x201c || c == 0x201d || c == 0x201e ||
	    c == 0x201f || c == 0xab || c == 0xbb || c == 0x2033 ||
	    (c >= 0x300c && c <= 0x300f);
}

static int
text_is_squote(uint32_t c)
{
	return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201a ||
	    c == 0x201b || c == 0x2039 || c == 0x203a || c == '`';
}

static int
text_is_dash(uint32_t c)
{
	return c >= 0x2010 && c <= 0x2015;
}

/* Is c part of a word: a letter or digit in any script? */
static int
text_is_wordc(uint32_t c)
{
	if (c < 0x80)
		return isalnum((int)c);
	if (text_is_space(c) || text_is_dquote(c) || text_is_squote(c) ||
	    text_is_dash(c))
		return 0;
	if (c == 0xfffd || (c >= 0x2016 && c <= 0x206f) || c == 0xb7 ||
	    c == 0xa7 || c == 0xb6 || c == 0xa9 || c == 0xae || c == 0xb0 ||
	    c == 0xbf || c == 0xa1 || (c >= 0x2190 && c <= 0x2bff) ||
	    (c >= 0x3000 && c <= 0x303f) || (c >= 0xfe30 && c <= 0xfe4f) ||
	    (c >= 0xff00 && c <= 0xff0f) || (c >= 0x1f000 && c <= 0x1faff))
		return 0;
	return 1;
}

/* Upper case, for the scripts that have case: Latin, Greek, Cyrillic. */
static int
text_is_upper(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if ((c >= 0xc0 && c <= 0xde && c != 0xd7) ||
	    (c >= 0x391 && c <= 0x3ab) || (c >= 0x400 && c <= 0x42f))
		return 1;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e))
		return (c & 1) == 1;	/* Ĺ..ň and Ź..ž pair odd-even */
	if (c == 0x178)
		return 1;		/* Ÿ */
	if (c == 0x138)
		return 0;		/* ĸ */
	if ((c >= 0x100 && c <= 0x17f) || (c >= 0x1e00 && c <= 0x1eff))
		return (c & 1) == 0;	/* Latin Extended-A alternates */
	return 0;
}

/* Lower case, for the same scripts. */
static int
text_is_lower(uint32_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'z';
	if ((c >= 0xdf && c <= 0xff && c != 0xf7) ||
	    (c >= 0x3b1 && c <= 0x3cb) || (c >= 0x430 && c <= 0x45f))
		return 1;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e))
		return (c & 1) == 0;
	if (c == 0x138 || c == 0x149 || c == 0x17f)
		return 1;		/* ĸ ŉ ſ have no upper case here */
	if ((c >= 0x100 && c <= 0x17f) || (c >= 0x1e00 && c <= 0x1eff))
		return (c & 1) == 1;
	return 0;
}

static uint32_t
text_at(const struct extract *x, size_t i, size_t *n)
{
	uint32_t	c;

	if (i >= x->len) {
		*n = 0;
		return 0;
	}
	if ((unsigned char)x->text[i] < 0x80) {
		*n = 1;
		return (unsigned char)x->text[i];
	}
	*n = utf8_decode(x->text + i, x->len - i, &c);
	return c;
}

static void
text_tok_add(struct extract *x, size_t start, size_t end, unsigned flags,
    size_t *cap)
{
	if (x->ntoks == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		x->toks = xreallocarray(x->toks, *cap, sizeof *x->toks);
	}
	x->toks[x->ntoks].start = start;
	x->toks[x->ntoks].end = end;
	x->toks[x->ntoks].flags = flags;
	x->ntoks++;
}

/*
 * The shape flags of a word token; seen is the text_class bits of all its
 * bytes, as text_word_extent found them.
 */
static unsigned
text_word_flags(const struct extract *x, size_t start, size_t end, unsigned
    seen)
{
	unsigned	f = TOK_WORD;
	size_t		i, n, upper = 0, lower = 0;
	uint32_t	c;

	c = (unsigned char)x->text[start];
	if (c < 0x80) {			/* the first byte tells, by its class */
		if (text_class[c] & TC_UPPER)
			f |= TOK_CAP;
		else if ((text_class[c] & (TC_ALNUM | TC_LOWER)) == TC_ALNUM)
			f |= TOK_DIGIT;
	} else if (text_is_upper(text_at(x, start, &n)))
		f |= TOK_CAP;
	/* Most words are all ASCII: their classes tell the rest. */
	if (!(seen & TC_HIGH)) {
		if (seen & TC_DOT)
			f |= TOK_ABBR;
		if ((seen & (TC_UPPER | TC_LOWER)) != TC_UPPER)
			return f;
		for (i = start; i < end && upper < 2; i++)
			if (text_class[(unsigned char)x->text[i]] & TC_UPPER)
				upper++;
		if (upper >= 2)
			f |= TOK_UPPER;
		return f;
	}
	for (i = start; i < end; i += n) {
		if ((unsigned char)x->text[i] < 0x80) {
			/* ASCII without decoding */
			unsigned char b = (unsigned char)x->text[i];

			n = 1;
			if (b >= 'A' && b <= 'Z')
				upper++;
			else if (b >= 'a' && b <= 'z')
				lower++;
			else if (b == '.')
				f |= TOK_ABBR;
			continue;
		}
		c = text_at(x, i, &n);
		if (n == 0)
			break;
		if (text_is_upper(c))
			upper++;
		else if (text_is_lower(c))
			lower++;
		else if (c == '.')
			f |= TOK_ABBR;
	}
	if (upper >= 2 && lower == 0)
		f |= TOK_UPPER;
	return f;
}

/*
 * Where the word starting at i ends. Hyphens and apostrophes join letters
 * (Talaei-Nik, O'Brien, don't) but a final 's is split off; digits take
 * , . : between them (2,000 3.5 16:26); dotted abbreviations keep their
 * dots (U.S., a.m., Gen.). *seenp gets the text_class bits of every
 * byte of the word, or TC_HIGH for a multibyte one.
 */
static size_t
text_word_extent(const struct extract *x, size_t i, int *poss, unsigned *seenp)
{
	const unsigned char	*p, *end;
	size_t			 j = i, n, n2, n3;
	uint32_t		 c, d, e;
	unsigned		 m, seen = 0;

	*poss = 0;
	end = (const unsigned char *)x->text + x->len;
	for (;;) {
		/* Most of a text is ASCII letters: step over them at once. */
		p = (const unsigned char *)x->text + j;
		while (p < end && ((m = text_class[*p]) & TC_ALNUM)) {
			seen |= m;
			p++;
		}
		j = (size_t)(p - (const unsigned char *)x->text);
		c = text_at(x, j, &n);
		if (n == 0)
			break;
		if (c >= 0x80 && text_is_wordc(c)) {
			seen |= text_class[(unsigned char)x->text[j]];
			j += n;
			continue;
		}
		/* ASCII punctuation or space: is a word character next? */
		if (c == ' ' || c == '\n')
			break;
		d = text_at(x, j + n, &n2);
		if (n2 == 0 || !(d < 0x80 ? text_alnum((unsigned char)d) :
		    text_is_wordc(d)))
			break;
		if (c == '-' || c == 0x2010 || c == 0x2011) {
			seen |= text_class[(unsigned char)x->text[j]];
			j += n;		/* hyphenated word */
			continue;
		}
		if (c == '\'' || c == 0x2019) {
			/* 's at the end of a word is the possessive */
			e = text_at(x, j + n + n2, &n3);
			if ((d == 's' || d == 'S') && (n3 == 0 ||
			    !text_is_wordc(e))) {
				*poss = 1;
				break;
			}
			seen |= text_class[(unsigned char)x->text[j]];
			j += n;
			continue;
		}
		if ((c == ',' || c == '.' || c == ':') && j > i &&
		    isdigit((unsigned char)x->text[j - 1]) && d < 0x80 &&
		    isdigit((int)d)) {
			seen |= text_class[(unsigned char)x->text[j]];
			j += n;
			continue;
		}
		if (c == '.' && d < 0x80 && isalpha((int)d)) {
			/* U.S, a.m: letters joined by dots; the last dot later */
			e = text_at(x, j + n + n2, &n3);
			if (n3 == 0 || e == '.' || !text_is_wordc(e)) {
				seen |= text_class[(unsigned char)x->text[j]];
				j += n;
				continue;
			}
		}
		break;
	}
	*seenp = seen;
	return j;
}

/* Does the word [i, j) take its following dot as part of it? */
static int
text_takes_dot(const struct extract *x, size_t i, size_t j)
{
	const char	*w = x->text + i;
	size_t		 n = j - i;

	if (memchr(w, '.', n) != NULL)
		return 1;			/* U.S -> U.S. */
	if (n == 1 && isupper((unsigned char)w[0]))
		return 1;			/* an initial: John F. Kennedy */
	return lex_find(LEX_ABBREVIATIONS, w, n) != NULL;
}

/* Add the word starting at i (and its possessive); returns where it ends. */
static size_t
text_tok_word(struct extract *x, size_t i, unsigned f, size_t *cap)
{
	size_t		j, n2;
	unsigned	seen;
	int		poss;

	j = text_word_extent(x, i, &poss, &seen);
	if (!poss && j < x->len && x->text[j] == '.' &&
	    text_takes_dot(x, i, j)) {
		seen |= TC_DOT;
		j++;
	}
	text_tok_add(x, i, j, f | text_word_flags(x, i, j, seen), cap);
	if (poss) {
		text_at(x, j, &n2);
		text_tok_add(x, j, j + n2 + 1, TOK_POSS | TOK_WORD, cap);
		j += n2 + 1;
	}
	return j;
}

void
extract_tokens(struct extract *x)
{
	size_t		i = 0, j, n, n2, cap = 0;
	uint32_t	c, d;
	int		para = 1;
	unsigned	f;

	if (!text_class_built)
		extract_tok_init();
	while (i < x->len) {
		if (x->text[i] == ' ') {	/* the commonest byte */
			i++;
			continue;
		}
		if (text_alnum((unsigned char)x->text[i])) {
			/* the next commonest: an ASCII word */
			f = para ? TOK_PARA : 0;
			para = 0;
			i = text_tok_word(x, i, f, &cap);
			continue;
		}
		c = text_at(x, i, &n);
		if (c == '\n') {
			para = 1;
			i += n;
			continue;
		}
		if (text_is_space(c) || c < 0x20 || c == 0x7f) {
			i += n;
			continue;
		}
		f = para ? TOK_PARA : 0;
		para = 0;
		if (c >= 0x80 && text_is_wordc(c)) {
			i = text_tok_word(x, i, f, &cap);
			continue;
		}
		if (text_is_dquote(c)) {
			text_tok_add(x, i, i + n, f | TOK_QUOTE, &cap);
			i += n;
			continue;
		}
		if (text_is_squote(c)) {
			d = text_at(x, i + n, &n2);
			if (c == '\'' && d == '\'') {	/* '' as a double mark */
				text_tok_add(x, i, i + 2, f | TOK_QUOTE, &cap);
				i += 2;
				continue;
			}
			text_tok_add(x, i, i + n, f | TOK_SQUOTE, &cap);
			i += n;
			continue;
		}
		if (c == '.' || c == 0x2026) {		/* ... and … */
			for (j = i; j < x->len && (x->text[j] == '.' ||
			    (j + 2 < x->len &&
			    memcmp(x->text + j, "\xe2\x80\xa6", 3) == 0));)
				j += x->text[j] == '.' ? 1 : 3;
			text_tok_add(x, i, j, f | TOK_PUNCT, &cap);
			i = j;
			continue;
		}
		if (c == '-' || text_is_dash(c)) {
			for (j = i + n; j < x->len && x->text[j] == '-'; j++)
				;
			text_tok_add(x, i, j, f | TOK_PUNCT | (j - i > 1 ||
			    c != '-' ? TOK_DASH : 0), &cap);
			i = j;
			continue;
		}
		text_tok_add(x, i, i + n, f | TOK_PUNCT, &cap);
		i += n;
	}
	text_nicknames(x);
	text_quote_marks(x);
}

/* Is token i a capitalised word of two letters or more, not in capitals? */
static int
text_name_word(const struct extract *x, size_t i)
{
	return (x->toks[i].flags & (TOK_WORD | TOK_CAP | TOK_UPPER |
	    TOK_ABBR)) == (TOK_WORD | TOK_CAP) && x->toks[i].end -
	    x->toks[i].start >= 2;
}

/*
 * The closing mark if the mark at i opens a nickname, Marcia "Cia" Price:
 * one or two name words hard inside marks, a name word each side; or 0.
 */
static size_t
text_nickname_at(const struct extract *x, size_t i)
{
	const struct ex_token	*t = x->toks;
	unsigned		 kind = t[i].flags & (TOK_QUOTE | TOK_SQUOTE);
	size_t			 c;

	if (kind == 0 || i == 0 || i + 3 >= x->ntoks ||
	    !text_name_word(x, i - 1) || t[i - 1].end == t[i].start ||
	    t[i + 1].start != t[i].end || (t[i].flags & TOK_PARA))
		return 0;
	for (c = i + 1; c < i + 4 && text_name_word(x, c); c++)
		;
	if (c == i + 1 || c == i + 4 || c + 1 >= x->ntoks ||
	    (t[c].flags & (TOK_QUOTE | TOK_SQUOTE)) != kind ||
	    t[c].start != t[c - 1].end || t[c + 1].start == t[c].end ||
	    (t[c + 1].flags & TOK_PARA) || !text_name_word(x, c + 1))
		return 0;
	return c;
}

/* Drop a nickname's marks: one name for the entities, no quote. */
static void
text_nicknames(struct extract *x)
{
	size_t	i, j, c;

	for (i = j = 0; i < x->ntoks; i++)
		if (x->toks[i].flags != 0 && (c = text_nickname_at(x, i)) != 0)
			x->toks[c].flags = 0;	/* the closing mark goes too */
		else if (x->toks[i].flags != 0)
			x->toks[j++] = x->toks[i];
	x->ntoks = j;
}

/* Is the byte before i a space, a line start or an opening bracket? */
static int
text_left_open(const struct extract *x, size_t i)
{
	unsigned char	c;

	if (i == 0)
		return 1;
	c = (unsigned char)x->text[i - 1];
	if (c == ' ' || c == '\n' || c == '\t' || c == '(' || c == '[' ||
	    c == '{' || c == '-' || c == '/')
		return 1;
	if (c >= 0x80) {
		/* a space, dash or opening mark in UTF-8 */
		size_t k = i - 1, n;
		uint32_t d;

		while (k > 0 && i - k < 4 && ((unsigned char)x->text[k] &
		    0xc0) == 0x80)
			k--;
		d = text_at(x, k, &n);
		return text_is_space(d) || text_is_dash(d) || d == 0x201c ||
		    d == 0x2018 || d == 0xab;
	}
	return 0;
}

/* Is the byte at i a space, a line end, or punctuation after a quote? */
static int
text_right_close(const struct extract *x, size_t i)
{
	unsigned char	c;

	if (i >= x->len)
		return 1;
	c = (unsigned char)x->text[i];
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == ',' ||
	    c == '.' || c == ';' || c == ':' || c == ')' || c == ']' ||
	    c == '?' || c == '!' || c == '-' || c == 0xe2 || c == 0xc2;
}

/*
 * Which way a mark faces by the space around it: TOK_OPEN, TOK_CLOSE, or
 * 0 where that is no help.
 */
static unsigned
text_mark_space(const struct extract *x, const struct ex_token *t)
{
	int	l = text_left_open(x, t->start);
	int	r = text_right_close(x, t->end);

	if (l && !r)
		return TOK_OPEN;
	if (r && !l)
		return TOK_CLOSE;
	return 0;
}

/*
 * Which way a curly mark or guillemet faces, given the low mark („ or ‚)
 * left open before it: “ closes „ and ‘ closes ‚ (German), else they
 * open; « and » face by the space around them, so that French « Q »,
 * German or Danish »Q« and Swedish »Q» all pair; the corner brackets
 * 「」『』 say so.
 */
static unsigned
text_mark_curly(const struct extract *x, const struct ex_token *t,
    uint32_t c, uint32_t low)
{
	unsigned	f;

	if (c == 0x201c || c == 0x2018)
		return low == (c == 0x201c ? 0x201e : 0x201a) ? TOK_CLOSE :
		    TOK_OPEN;
	if (c == 0x201e || c == 0x201a || c == 0x2039 || c == 0x300c ||
	    c == 0x300e)
		return TOK_OPEN;
	if (c == 0x201d || c == 0x2019 || c == 0x203a || c == 0x300d ||
	    c == 0x300f)
		return TOK_CLOSE;
	if (c == 0xab || c == 0xbb) {
		if ((f = text_mark_space(x, t)) != 0)
			return f;
		return c == 0xab ? TOK_OPEN : TOK_CLOSE;
	}
	return 0;
}

/*
 * Decide which quote marks open and which close: curly ones say so
 * themselves, or by the low mark they close; straight ones by the space
 * around them, and where that is no help, by alternation within the
 * paragraph.
 */
static void
text_quote_marks(struct extract *x)
{
	struct ex_token	*t;
	size_t		 i, n;
	uint32_t	 c, dlow = 0, slow = 0;
	unsigned	 f;
	int		 open = 0;	/* a straight double mark is open */

	for (i = 0; i < x->ntoks; i++) {
		t = &x->toks[i];
		if (t->flags & TOK_PARA)
			open = 0, dlow = slow = 0;
		if (!(t->flags & (TOK_QUOTE | TOK_SQUOTE)))
			continue;
		c = text_at(x, t->start, &n);
		f = text_mark_curly(x, t, c, (t->flags & TOK_QUOTE) ? dlow :
		    slow);
		if (f == 0) {	/* " ' ` and the reversed marks */
			f = text_mark_space(x, t);
			if (f == 0 && (t->flags & TOK_QUOTE))
				f = open ? TOK_CLOSE : TOK_OPEN;
		}
		if (c == 0x201d && !open && text_mark_space(x, t) == TOK_OPEN)
			f = TOK_OPEN;	/* Swedish and Finnish ”Q” */
		else if (c == 0x201c && open && !dlow &&
		    text_mark_space(x, t) == TOK_CLOSE)
			f = TOK_CLOSE;	/* “Q.“ typed with one mark */
		t->flags |= f;
		if (t->flags & TOK_QUOTE) {
			open = (t->flags & TOK_OPEN) != 0;
			dlow = c == 0x201e ? c : 0;
		} else
			slow = c == 0x201a ? c : (f == TOK_CLOSE ? 0 : slow);
	}
}

static int
text_tok_is(const struct extract *x, size_t i, const char *s)
{
	size_t	n = strlen(s);

	return x->toks[i].end - x->toks[i].start == n &&
	    memcmp(x->text + x->toks[i].start, s, n) == 0;
}

int
extract_tok_word_is(const char *s, size_t n, const char *word)
{
	size_t	k;

	/*
	 * strlen(word) == n && strncasecmp(s, word, n) == 0, in one pass;
	 * ASCII letters are folded by hand (tolower folds nothing else in
	 * any locale a byte-wise compare could see).
	 */
	for (k = 0; k < n; k++) {
		unsigned char	a = (unsigned char)word[k];
		unsigned char	b = (unsigned char)s[k];

		if (a == b)
			continue;
		if (a == '\0' || (a | 0x20) != (b | 0x20) ||
		    (unsigned)((a | 0x20) - 'a') > 'z' - 'a')
			return 0;
	}
	return word[n] == '\0';
}

/* Is token i a closing quote mark or bracket? */
static int
text_tok_closes(const struct extract *x, size_t i)
{
	const struct ex_token	*t = &x->toks[i];

	return (t->flags & TOK_CLOSE) || (t->end - t->start == 1 &&
	    (x->text[t->start] == ')' || x->text[t->start] == ']'));
}

/* Does token i end a sentence, given what follows? */
static int
text_sentence_ends(const struct extract *x, size_t i)
{
	const struct ex_token	*t, *nx;
	const char		*w, *v;
	size_t			 n;

	if (i + 1 >= x->ntoks || (x->toks[i + 1].flags & TOK_PARA))
		return 1;
	/* Most tokens are words that cannot end one. */
	if (!(x->toks[i].flags & (TOK_PUNCT | TOK_ABBR | TOK_CLOSE)))
		return 0;
	/* Closing marks after a stop belong to its sentence. */
	if (text_tok_closes(x, i + 1))
		return 0;
	while (i > 0 && text_tok_closes(x, i) && !(x->toks[i].flags & TOK_PARA))
		i--;
	t = &x->toks[i];
	nx = &x->toks[i + 1];
	while (nx < x->toks + x->ntoks - 1 && text_tok_closes(x, (size_t)(nx -
	    x->toks)))
		nx++;
	if ((t->flags & TOK_PUNCT)) {
		n = t->end - t->start;
		w = x->text + t->start;
		if (n == 1 && (*w == '.' || *w == '?' || *w == '!'))
			return (nx->flags & (TOK_CAP | TOK_DIGIT | TOK_OPEN |
			    TOK_QUOTE)) != 0 || !(nx->flags & TOK_WORD);
		if (n != 3 || (!text_tok_is(x, i, "...") &&
		    !text_tok_is(x, i, "\xe2\x80\xa6")))
			return 0;
		/* an ellipsis ends a sentence only before a capital */
		return (nx->flags & (TOK_CAP | TOK_OPEN)) != 0;
	}
	if (!(t->flags & TOK_ABBR) || x->text[t->end - 1] != '.')
		return 0;
	/* A word that took the dot: Mr. never ends; U.S. may. */
	w = x->text + t->start;
	n = t->end - t->start - 1;
	if ((v = lex_find(LEX_ABBREVIATIONS, w, n)) != NULL &&
	    strcmp(v, "title") == 0)
		return 0;
	if (n == 1 && isupper((unsigned char)*w))
		return 0;
	if (!(nx->flags & (TOK_CAP | TOK_OPEN | TOK_QUOTE)))
		return 0;
	if (v != NULL && (nx->flags & TOK_DIGIT))
		return 0;
	return IN(x->text + nx->start, nx->end - nx->start, text_openers);
}

/* Split tokens into paragraphs and sentences. */
void
extract_sentences(struct extract *x)
{
	size_t	i, first = 0, pfirst = 0, scap = 0, pcap = 0;

	for (i = 0; i < x->ntoks; i++) {
		if (i > 0 && (x->toks[i].flags & TOK_PARA)) {
			/* close the open sentence and paragraph */
			if (first < i) {
				if (x->nsents == scap) {
					scap = scap ? scap * 2 : 64;
					x->sents = xreallocarray(x->sents, scap,
					    sizeof *x->sents);
				}
				x->sents[x->nsents].first = first;
				x->sents[x->nsents].last = i;
				x->sents[x->nsents].para = x->nparas;
				x->nsents++;
			}
			if (x->nparas == pcap) {
				pcap = pcap ? pcap * 2 : 16;
				x->paras = xreallocarray(x->paras, pcap,
				    sizeof *x->paras);
			}
			x->paras[x->nparas].first = pfirst;
			x->paras[x->nparas].last = i;
			x->nparas++;
			first = pfirst = i;
		}
		if (text_sentence_ends(x, i) && !(i + 1 < x->ntoks &&
		    (x->toks[i + 1].flags & TOK_PARA))) {
			if (x->nsents == scap) {
				scap = scap ? scap * 2 : 64;
				x->sents = xreallocarray(x->sents, scap,
				    sizeof *x->sents);
			}
			x->sents[x->nsents].first = first;
			x->sents[x->nsents].last = i + 1;
			x->sents[x->nsents].para = x->nparas;
			x->nsents++;
			first = i + 1;
		}
	}
	if (first < x->ntoks) {
		if (x->nsents == scap)
			x->sents = xreallocarray(x->sents, scap + 1,
			    sizeof *x->sents);
		x->sents[x->nsents].first = first;
		x->sents[x->nsents].last = x->ntoks;
		x->sents[x->nsents].para = x->nparas;
		x->nsents++;
	}
	if (pfirst < x->ntoks) {
		if (x->nparas == pcap)
			x->paras = xreallocarray(x->paras, pcap + 1,
			    sizeof *x->paras);
		x->paras[x->nparas].first = pfirst;
		x->paras[x->nparas].last = x->ntoks;
		x->nparas++;
	}
	for (i = 0; i < x->nsents; i++) {
		x->sents[i].start = x->toks[x->sents[i].first].start;
		x->sents[i].end = x->toks[x->sents[i].last - 1].end;
		x->toks[x->sents[i].first].flags |= TOK_SENT;
	}
	for (i = 0; i < x->nparas; i++) {
		x->paras[i].start = x->toks[x->paras[i].first].start;
		x->paras[i].end = x->toks[x->paras[i].last - 1].end;
	}
}
