/* SHA-256 (FIPS 180-4), for content hashes and import identities. */
#ifndef DOSSIER_HASH_H
#define DOSSIER_HASH_H

#include <stddef.h>
#include <stdint.h>

struct hash {
	uint32_t	state[8];
	uint64_t	total;
	unsigned char	block[64];
	size_t		used;
};

void	hash_init(struct hash *);
void	hash_update(struct hash *, const void *, size_t);
/* Finish and write 64 lower-case hex digits and a NUL to hex. */
void	hash_hex(struct hash *, char hex[65]);
/* One-shot: the hex digest of a buffer. */
void	hash_buf_hex(const void *, size_t, char hex[65]);

#endif
