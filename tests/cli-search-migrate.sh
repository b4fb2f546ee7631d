#!/bin/sh
# A library written before search stemmed words and read captions
# (schema 6, tests/fixtures/library-v6.sql) is migrated in place when the
# current dossier opens it: the index is rebuilt in one transaction, so
# drone finds drones and a caption's words are found, and the stories,
# tags and notes are all kept.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed"
plan 9

db="$T/v6.db"
sqlite3 "$db" <"$top_srcdir/tests/fixtures/library-v6.sql" || exit 1
[ "$(sqlite3 "$db" 'PRAGMA user_version')" = 6 ] &&
	[ "$(sqlite3 "$db" "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'drones'")" = 1 ]
ok $? "the fixture is a schema-6 library whose index does not stem"

# ids: the ids of the results.
ids() { awk '/^ *[0-9]+ [0-9][0-9][0-9][0-9]-/ { printf "%s%s", sep, $1; sep = " " }' "$T/out"; }

run --db "$db" list
[ $rc -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 2 ] &&
	[ "$(sqlite3 "$db" 'PRAGMA user_version')" = 7 ]
ok $? "opening it migrates it to schema 7 and keeps both stories" ||
	diag "$(cat "$T/err")"

run --db "$db" search drones
[ $rc -eq 0 ] && [ "$(ids)" = "2 1" ]
ok $? "after the migration drones finds the story that says drone"

run --db "$db" search '"drones"'
[ $rc -eq 0 ] && [ "$(ids)" = "2" ]
ok $? "and \"drones\" in quotes only the one that says drones"

run --db "$db" search karin
[ $rc -eq 0 ] && [ "$(ids)" = "1" ]
ok $? "the rebuilt index holds the captions"

[ "$(sqlite3 "$db" "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check'); SELECT 'ok'")" = ok ]
ok $? "the rebuilt index passes FTS5's integrity check"

run --db "$db" tag --list
[ $rc -eq 0 ] && has "$T/out" "drones" && has "$T/out" "2"
ok $? "tags are kept"
run --db "$db" note --list
[ $rc -eq 0 ] && has "$T/out" "A note kept across the migration"
ok $? "notes are kept"

# Deleting a story (the trigger runs before its captions go) keeps the
# index whole.
sqlite3 "$db" "PRAGMA foreign_keys = ON; DELETE FROM articles WHERE id = 1" 2>"$T/err"
[ "$(sqlite3 "$db" "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check'); SELECT 'ok'")" = ok ] &&
	run --db "$db" search karin && [ $rc -eq 1 ]
ok $? "deleting a story keeps the index whole (its captions leave too)" ||
	diag "$(cat "$T/err")"
exit 0
