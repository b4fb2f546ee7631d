/*
 * Dates as news sites, saved pages and feeds write them, brought to one
 * ISO 8601 form: "2023-08-26", "2023-08-26T16:26", "2023-08-26T16:26:05",
 * with "Z" or "+02:00" when the source gave a zone.
 */
#ifndef DOSSIER_DATE_H
#define DOSSIER_DATE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Parse a date: ISO 8601 and RFC 3339, RFC 822/1123 ("Sat, 26 Aug 2023
 * 16:26:00 GMT"), "AUGUST 26, 2023 16:26", "Aug. 26, 2023 4:26 PM",
 * "26 August 2023", "2023/08/26" and similar. Returns a new ISO string or
 * NULL when the text holds no date.
 */
char	*date_parse(const char *, size_t);

/* Seconds since the epoch of an ISO string from date_parse (no zone = UTC). */
int64_t	 date_epoch(const char *);

#endif
