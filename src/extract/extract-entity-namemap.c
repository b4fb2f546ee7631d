/*
 * The entity stage's small tools for names: hashes of words without
 * case, a name's text with single spaces, and the hash map from names to
 * what they were found to be (the document's name memory).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "extract-entity-int.h"
#include "xmalloc.h"
#include "banned.h"

/* Hash a word without case; never 0. */
uint64_t
ent_map_hash(const char *s, size_t n)
{
	uint64_t	h = 1469598103934665603ULL;
	size_t		i;
	unsigned char	c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c |= 0x20;
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
