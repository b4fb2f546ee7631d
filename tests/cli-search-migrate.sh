#!/bin/sh
# A library written before search stemmed words and read captions
# (schema 6, tests/fixtures/library-v6.sql) is migrated in place when the
# current dossier opens it: the index is rebuilt in one transaction, so
# drone finds drones and a caption's words are found, and the stories,
# tags and notes are all kept.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed"
plan 10

db="$T/v6.db"
sqlite3 "$db" <"$top_srcdir/tests/fixtures/library-v6.sql" || exit 1
[ "$(sqlite3 "$db" 'PRAGMA user_version')" = 6 ] &&
	[ "$(sqlite3 "$db" "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'drones'")" = 1 ]
ok $? "the fixture is a schema-6 library whose index does not stem"

# ids: the ids of the results.
ids() { awk '/^ *[0-9]+ [0-9][0-9][0-9][0-9]-/ { printf "%s%s", sep, $1; sep = " " }' "$T/out"; }

run --db "$db" list
[ $rc -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 2 ] &&
	[ "$(sqlite3 "$db" 'PRAGMA user_version')" = "$(sed -n 's/^#define STORE_VERSION \([0-9]*\)$/\1/p' "$top_srcdir/src/store/store.h")" ]
ok $? "opening it migrates it to schema 9 and keeps both stories" ||
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
# The migration is one transaction: killed (kill -9) at any moment, the
# library is the old one, whole (its index too), or the new one; never a
# mix, and the next open migrates it with tags and notes kept. A library
# of 10,000 stories takes long enough to be killed in the middle.
big="$T/big.db"
sqlite3 "$big" <"$top_srcdir/tests/fixtures/library-v6.sql"
sqlite3 "$big" "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1
    FROM c WHERE x < 5000) INSERT INTO articles (feed_id, guid, url, title,
    outlet, byline, published, sort_ts, fetched, lead, body, content_hash,
    read, starred) SELECT feed_id, guid || '-' || x, url, title, outlet,
    byline, published, sort_ts - x, fetched, lead, body || ' copy ' || x,
    content_hash || x, read, starred FROM articles, c WHERE articles.id <= 2"
cp "$big" "$T/big.orig"
bad=
for d in 0.05 0.15 0.3 0.5; do
	rm -f "$big" "$big-wal" "$big-shm"
	cp "$T/big.orig" "$big"
	"$DOSSIER" --db "$big" list --limit 1 >/dev/null 2>&1 &
	pid=$!
	sleep "$d"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	v=$(sqlite3 "$big" 'PRAGMA user_version')
	[ "$(sqlite3 "$big" 'PRAGMA integrity_check')" = ok ] ||
		bad="$bad [$d: integrity]"
	[ "$(sqlite3 "$big" "INSERT INTO articles_fts (articles_fts)
	    VALUES ('integrity-check'); SELECT 'ok'")" = ok ] ||
		bad="$bad [$d: index of v$v]"
	case $v in
	6) [ "$(sqlite3 "$big" "SELECT count(*) FROM sqlite_master
	    WHERE name = 'articles_text'")" = 0 ] || bad="$bad [$d: half]" ;;
	7) [ "$(sqlite3 "$big" "SELECT count(*) FROM pragma_table_info('articles')
	    WHERE name = 'extract_version'")" = 0 ] || bad="$bad [$d: half 8]" ;;
	8) [ "$(sqlite3 "$big" "SELECT count(*) FROM sqlite_master
	    WHERE name = 'quote_fixes'")" = 0 ] || bad="$bad [$d: half 9]" ;;
	9) [ "$(sqlite3 "$big" "SELECT count(*) FROM articles
	    WHERE extract_version = 1")" = 10002 ] || bad="$bad [$d: versions]" ;;
	*) bad="$bad [$d: version $v]" ;;
	esac
	run --db "$big" tag --list
	[ $rc -eq 0 ] && has "$T/out" "drones" || bad="$bad [$d: tags]"
	run --db "$big" note --list
	has "$T/out" "A note kept across the migration" ||
		bad="$bad [$d: notes]"
	run --db "$big" search --count drones
	[ "$(cat "$T/out")" = 10002 ] || bad="$bad [$d: search]"
done
[ -z "$bad" ]
ok $? "a migration killed at any moment leaves the old library or the new" ||
	diag "$bad"
exit 0
