/*
 * The entity stage's small tools for names: hashes of words without
 * case, a name's text with single spaces, the hash map from names to
 * what they were found to be (the document's name memory), and whether
 * two spellings are one name.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "extract.h"
#include "extract-entity-int.h"
#include "xmalloc.h"
#include "banned.h"

/* Bytes with ASCII capitals made small, for ent_map_hash. */
#define ENT_L1(c)	((c) >= 'A' && (c) <= 'Z' ? (c) | 0x20 : (c))
#define ENT_L4(c)	ENT_L1(c), ENT_L1((c) + 1), ENT_L1((c) + 2), \
			ENT_L1((c) + 3)
#define ENT_L16(c)	ENT_L4(c), ENT_L4((c) + 4), ENT_L4((c) + 8), \
			ENT_L4((c) + 12)
#define ENT_L64(c)	ENT_L16(c), ENT_L16((c) + 16), ENT_L16((c) + 32), \
			ENT_L16((c) + 48)
static const unsigned char ent_map_lower[256] = {
	ENT_L64(0), ENT_L64(64), ENT_L64(128), ENT_L64(192)
};

/* Hash a word without case (FNV-1a of its bytes made small); never 0. */
uint64_t
ent_map_hash(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s, *end = p + n;
	uint64_t		 h = 1469598103934665603ULL;
	unsigned		 c;

	while (p < end) {
		c = *p++;
		/* the curly apostrophe is the straight one: I’m, O’Brien */
		if (c == 0xe2 && end - p >= 2 && p[0] == 0x80 && p[1] == 0x99) {
			c = '\'';
			p += 2;
		} else
			c = ent_map_lower[c];
		h = (h ^ c) * 1099511628211ULL;
	}
	return h == 0 ? 1 : h;
}

/* Hash the words of tokens [a, b) without case; never 0. */
uint64_t
ent_map_hash_span(struct ent_stage *st, size_t a, size_t b)
{
	uint64_t	h = 1469598103934665603ULL;
	size_t		k;

	if (b == a + 1)
		return ent_hash(st, a);
	for (k = a; k < b; k++)
		h = (h ^ ent_hash(st, k)) * 1099511628211ULL;
	return h == 0 ? 1 : h;
}

/* The text of tokens [a, b), runs of space as one. */
void
ent_map_text(const struct extract *x, size_t a, size_t b, struct buf *out)
{
	size_t	k;

	buf_reset(out);
	for (k = a; k < b; k++) {
		if (k > a && x->toks[k].start > x->toks[k - 1].end)
			buf_addc(out, ' ');
		buf_add(out, x->text + x->toks[k].start, x->toks[k].end -
		    x->toks[k].start);
	}
	buf_addc(out, '\0');
	out->len--;
}

/* Find the slot of key in map, empty if absent. */
static size_t
ent_map_slot(const struct ent_map *m, uint64_t key)
{
	size_t	i = (size_t)key & (m->size - 1);

	while (m->slots[i].key != 0 && m->slots[i].key != key)
		i = (i + 1) & (m->size - 1);
	return i;
}

/* Set key to val. */
void
ent_map_put(struct ent_map *m, uint64_t key, size_t val)
{
	struct ent_map	old;
	size_t		i, j;

	if (m->size == 0 || (m->n + 1) * 2 > m->size) {
		old = *m;
		m->size = old.size ? old.size * 2 : 64;
		m->slots = xcalloc(m->size, sizeof *m->slots);
		for (i = 0; i < old.size; i++) {
			if (old.slots[i].key != 0) {
				j = ent_map_slot(m, old.slots[i].key);
				m->slots[j] = old.slots[i];
			}
		}
		free(old.slots);
	}
	i = ent_map_slot(m, key);
	if (m->slots[i].key == 0) {
		m->slots[i].key = key;
		m->n++;
	}
	m->slots[i].val = val;
}

/* The value of key, or NULL. */
size_t *
ent_map_get(const struct ent_map *m, uint64_t key)
{
	size_t	i;

	if (m->size == 0)
		return NULL;
	i = ent_map_slot(m, key);
	return m->slots[i].key == 0 ? NULL : &m->slots[i].val;
}

/* Free a map's slots; it may be used again. */
void
ent_map_free(struct ent_map *m)
{
	free(m->slots);
	memset(m, 0, sizeof *m);
}

/* The length of a name without its final y's and i's: Zelensk(yy). */
size_t
ent_map_stem(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == 'y' || s[n - 1] == 'i' ||
	    s[n - 1] == 'Y' || s[n - 1] == 'I'))
		n--;
	return n;
}

/* Are a and b one letter apart: one changed, added or dropped? */
static int
ent_map_one_edit(const char *a, size_t an, const char *b, size_t bn)
{
	size_t	i = 0, j;

	if (an > bn)
		return ent_map_one_edit(b, bn, a, an);
	if (bn - an > 1)
		return 0;
	while (i < an && tolower((unsigned char)a[i]) ==
	    tolower((unsigned char)b[i]))
		i++;
	if (i == an)
		return bn == an + 1;
	j = an == bn ? i + 1 : i;	/* changed, or added in b */
	return strncasecmp(a + j, b + i + 1, an - j) == 0;
}

/*
 * Are two different spellings one name? Transliterations differ in the
 * end: Zelensky, Zelenskyy, Zelenskiy (five letters before it at least).
 * When loose, as with the same given name, any one letter apart in a
 * name of six letters or more: Teheran and Tehran.
 */
int
ent_map_variant(const char *a, size_t an, const char *b, size_t bn,
    int loose)
{
	size_t	as = ent_map_stem(a, an), bs = ent_map_stem(b, bn);

	if (an == bn && strncasecmp(a, b, an) == 0)
		return 0;
	if (as >= 5 && as == bs && strncasecmp(a, b, as) == 0)
		return 1;
	return loose && an >= 6 && bn >= 6 && ent_map_one_edit(a, an, b, bn);
}

/*
 * The key every spelling of a name shares, by the rules the entity
 * stage joins spellings with inside a story, for the store to join
 * them across stories: case and runs of space do not count ("KORVALA"
 * is "Korvala"), and a person's surname counts by its stem when the
 * stem has five letters (Zelensky, Zelenskyy, Zelenskiy: "zelensk").
 * The one-letter rule of ent_map_variant is left out: it needs the
 * given name in the same text to trust it. New string.
 */
char *
extract_name_key(enum ex_kind kind, const char *name)
{
	char	*key = xmalloc(strlen(name) + 1);
	size_t	 n = 0, last = 0, sn;

	for (; *name != '\0'; name++) {
		if (*name == ' ' || *name == '\t' || *name == '\n' ||
		    *name == '\r') {
			if (n > 0 && key[n - 1] != ' ')
				key[n++] = ' ';
			continue;
		}
		if (n == 0 || key[n - 1] == ' ')
			last = n;
		key[n++] = (char)(*name >= 'A' && *name <= 'Z' ?
		    *name - 'A' + 'a' : *name);
	}
	if (n > 0 && key[n - 1] == ' ')
		n--;
	if (kind == EX_PERSON && n > last &&
	    (sn = ent_map_stem(key + last, n - last)) >= 5)
		n = last + sn;
	key[n] = '\0';
	return key;
}
