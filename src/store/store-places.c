/*
 * The places of the library in the people index: every place named in
 * a story has its row (kind state, as a place quoted speaks for its
 * government), not only those quoted, so that the screen's Places lists
 * each with its stories; and every row keeps the newest story naming or
 * quoting it (seen_ts), the "last seen" Places is sorted and shown by.
 * The rows are counted by store-people.c.
 */
#include "config.h"

#include "store-int.h"
#include "banned.h"

/*
 * 18 -> 19: seen_ts, with the index Places walks by it; the index is
 * built again whole on its next read, with every place.
 */
const char store_places_migration[] =
    "ALTER TABLE people ADD COLUMN seen_ts INTEGER NOT NULL DEFAULT 0;"
    "CREATE INDEX people_kind_seen ON people (kind, seen_ts DESC,"
    "  name COLLATE NOCASE, id);"
    "UPDATE people_state SET stale = 1;";
