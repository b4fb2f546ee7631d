/*
 * One entity across the library. Inside a story the entity stage joins
 * the spellings of a name (Zelensky and Volodymyr Zelenskyy, KORVALA and
 * Korvala); here the stories' entities join the library's:
 *
 *  - a name joins the entity whose name has the same key (the rules the
 *    entity stage uses, extract_name_key), kept in entities.name_key
 *    and found by an index;
 *  - a person's bare surname, in a story that never gives the full
 *    name, joins the one person of the library named in full with that
 *    surname (entities.surname), and stays as the story has it when
 *    there are none or several: no link rather than a wrong one;
 *  - once a story names a person in full, the bare surnames other
 *    stories left alone join that person when it is the only one of
 *    that surname (store_entity_settle), so the library does not
 *    depend on the order stories came in.
 *
 * The canonical name is the fullest: the full name over a surname, a
 * name in mixed case over one in capitals. The key and surname columns
 * come from a migration (STORE_ENTITY_MIGRATION) that fills them with
 * the SQL functions registered here and joins the entities already
 * sharing a key.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "extract.h"
#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "banned.h"

/* A kind's name as the store keeps it, as extraction's enum. */
static enum ex_kind
entity_kind(const char *kind)
{
	if (strcmp(kind, "person") == 0)
		return EX_PERSON;
	if (strcmp(kind, "org") == 0)
		return EX_ORG;
	if (strcmp(kind, "place") == 0)
		return EX_PLACE;
	return EX_MISC;
}

/* The surname key of a person's key: its last word. */
static const char *
entity_surname(enum ex_kind kind, const char *key)
{
	const char	*p;

	if (kind != EX_PERSON)
		return NULL;
	p = strrchr(key, ' ');
	return p != NULL ? p + 1 : key;
}

/* SQL dossier_entity_key(kind, name) and dossier_entity_surname(...). */
static void
entity_sql_key(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const unsigned char	*kind, *name;
	enum ex_kind		 k;
	const char		*sur;
	char			*key;

	(void)argc;
	kind = sqlite3_value_text(argv[0]);
	name = sqlite3_value_text(argv[1]);
	if (kind == NULL || name == NULL) {
		sqlite3_result_null(cx);
		return;
	}
	k = entity_kind((const char *)kind);
	key = extract_name_key(k, (const char *)name);
	if (sqlite3_user_data(cx) == NULL)
		sqlite3_result_text(cx, key, -1, SQLITE_TRANSIENT);
	else if ((sur = entity_surname(k, key)) != NULL)
		sqlite3_result_text(cx, sur, -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(cx);
	free(key);
}

/* Register the SQL functions the migration fills the keys with. */
int
store_entity_init(struct store *s, char **err)
{
	static int	surname = 1;

	if (sqlite3_create_function(s->db, "dossier_entity_key", 2,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, entity_sql_key, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_create_function(s->db, "dossier_entity_surname", 2,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, &surname, entity_sql_key,
	    NULL, NULL) != SQLITE_OK)
		return st_error(s, err, "cannot register entity keys");
	return 0;
}
