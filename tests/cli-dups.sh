#!/bin/sh
# The same story stored twice, and dossier delete. The sample library has
# no two stories alike; a copy of one saved with other spacing and an
# outlet's furniture, a wire copy fetched from a feed, and the story saved
# again are linked to it (show: "Also in:", duplicates, counted); a story
# sharing one paragraph is not. delete refuses a story with the user's
# notes or tags unless --force, deletes all or nothing, and the group
# follows; a schema-11 library is compared once by analyze --dups; a
# delete killed at any moment leaves all or none.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed"
. "$top_srcdir/tests/lib-http.sh"
plan 16

q() { sqlite3 "$1" "$2"; }
db="$T/lib.db"
lib="$top_srcdir/samples/library"
drone="$lib/2025-01-14-valdoria-drone-crash.txt"
"$DOSSIER" --db "$db" import --quiet "$lib" >/dev/null 2>&1
[ "$(q "$db" "SELECT count(*) FROM articles")" = 15 ] &&
	[ "$(q "$db" "SELECT count(*) FROM articles WHERE dup_of IS NOT NULL")" = 0 ] &&
	[ "$(q "$db" "SELECT count(*) FROM articles WHERE length(dup_sig) = 144")" = 15 ]
ok $? "the sample library: every story signed, no two linked"

id1=$(q "$db" "SELECT id FROM articles WHERE title LIKE 'Valdoria protests%'")
# Another outlet's copy: other spacing, a newsletter line, a credit line.
mkdir -p "$T/copies"
sed -e 's/The Valdorian Herald/Northern Wire/' -e 's/  */ /g' \
    -e 's/^Marovia denies intent$/Sign up for our newsletter\n\nMarovia denies intent/' \
    "$drone" >"$T/copies/wire.txt"
printf '\nReporting by Staff; editing by the Desk\n' >>"$T/copies/wire.txt"
run --db "$db" import "$T/copies"
id2=$(q "$db" "SELECT max(id) FROM articles")
[ $rc -eq 0 ] && [ "$(q "$db" "SELECT dup_of FROM articles WHERE id = $id2")" = "$id1" ]
ok $? "a copy with other spacing and furniture joins the story's group"

run --db "$db" show "$id2"
has "$T/out" "Also in:   #$id1 The Valdorian Herald; the same story, its quotes counted once, in #$id1" &&
	run --db "$db" show "$id1" &&
	has "$T/out" "Also in:   #$id2 Northern Wire; the same story, its quotes counted once, here"
ok $? "show names the group's other stories and whose quotes are counted"

run --db "$db" show --json "$id2"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
dup = d["duplicates"]
assert d["counted"] is False, d["counted"]
assert [x["id"] for x in dup] == [int(sys.argv[2])] and dup[0]["first"], dup
assert dup[0]["outlet"] == "The Valdorian Herald", dup
' "$T/out" "$id1"
ok $? "show --json: duplicates and counted"

# The same story saved again (trailing spaces: another file, another hash).
sed 's/$/ /' "$drone" >"$T/copies/again.txt"
# A different story quoting the same paragraph.
{
	printf 'date 2025-03-01 Ledger\nFarmers ask for the border crossings to open\n\n'
	printf 'Farmers in the northern valley asked the government on Friday to open the crossings for the harvest, which the agriculture board said would begin early this year because of the dry summer.\n\n'
	sed -n '/^No one was hurt/p' "$drone"
	printf '\nPrices at the regional market fell for the third week running, and traders said they expected them to fall further once the barley came in from the southern plains next month.\n\n'
	printf 'The board warned that storage would run short in two districts and asked the railway to add grain wagons to the evening trains until the end of October, when the last of the harvest is due.\n'
} >"$T/copies/other.txt"
run --db "$db" import "$T/copies"
id3=$(q "$db" "SELECT id FROM articles WHERE guid IN (SELECT guid FROM articles) AND id > $id2 AND title LIKE 'Valdoria protests%'")
id4=$(q "$db" "SELECT id FROM articles WHERE title LIKE 'Farmers ask%'")
[ $rc -eq 0 ] && [ -n "$id3" ] && [ -n "$id4" ] &&
	[ "$(q "$db" "SELECT dup_of FROM articles WHERE id = $id3")" = "$id1" ] &&
	[ -z "$(q "$db" "SELECT dup_of FROM articles WHERE id = $id4")" ] &&
	has "$T/out" "2 added, 1 already in the library"
ok $? "a story saved again joins the group; one sharing a paragraph does not"

# A wire copy in a feed: the group is found on fetch as on import.
{
	printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
	printf '<item><title>Drone crash</title><guid>wire-1</guid><description><![CDATA['
	sed -n '/^Valdoria summoned/,$p' "$drone" | sed 's/^\(..*\)$/<p>\1<\/p>/'
	printf ']]></description></item></channel></rss>\n'
} >"$T/srv/wire.xml"
run --db "$db" add "$URL/t/wire.xml"
id5=$(q "$db" "SELECT id FROM articles WHERE guid = 'wire-1'")
[ $rc -eq 0 ] && [ -n "$id5" ] &&
	[ "$(q "$db" "SELECT dup_of FROM articles WHERE id = $id5")" = "$id1" ]
ok $? "a feed's copy of the story joins the group on fetch"

run --db "$db" import "$lib" "$T/copies"
[ $rc -eq 0 ] && has "$T/out" "0 added" &&
	[ "$(q "$db" "SELECT count(*) FROM articles WHERE dup_of = $id1")" = 3 ]
ok $? "importing it all again changes nothing"

run --db "$db" note "$id1" "my note on it"
run --db "$db" tag "$id1" +mine
run --db "$db" delete "$id1"
[ $rc -eq 1 ] && has "$T/err" "story $id1 has 1 note, 1 tag" &&
	has "$T/err" "give --force (-f) to delete it anyway; nothing was deleted" &&
	run --db "$db" show "$id1" && [ $rc -eq 0 ]
ok $? "delete refuses a story with notes and tags, saying what would be lost"

run --db "$db" delete "$id4" 99999
[ $rc -eq 1 ] && has "$T/err" "no story with id 99999; nothing was deleted" &&
	run --db "$db" show "$id4" && [ $rc -eq 0 ]
ok $? "one id not in the library: nothing is deleted"

run --db "$db" delete "$id4"
[ $rc -eq 0 ] && has "$T/out" "deleted $id4" && has "$T/out" "1 story deleted" &&
	run --db "$db" show "$id4" && [ $rc -eq 1 ]
ok $? "a story without the user's work is deleted without --force"

run --db "$db" delete --force "$id1"
[ $rc -eq 0 ] && [ "$(q "$db" "SELECT count(*) FROM annotations")" = 0 ] &&
	[ "$(q "$db" "SELECT count(*) FROM tags WHERE tag = 'mine'")" = 0 ] &&
	[ -z "$(q "$db" "SELECT dup_of FROM articles WHERE id = $id2")" ] &&
	[ "$(q "$db" "SELECT count(*) FROM articles WHERE dup_of = $id2")" = 2 ] &&
	run --db "$db" show "$id2" && has "$T/out" "its quotes counted once, here"
ok $? "--force deletes it with its note and tag; the next copy is counted"

run --db "$db" delete x
r1=$rc
run --db "$db" delete
[ $r1 -eq 2 ] && [ $rc -eq 2 ] && has "$T/err" "usage: dossier delete"
ok $? "a bad id or none is a usage error"

# A library of schema 11: its stories are compared once by analyze --dups.
old="$T/old.db"
cp "$db" "$old"
q "$old" "$UNDO_12_SQL PRAGMA user_version = 11;"
run --db "$old" list
v=$(q "$old" "PRAGMA user_version")
todo=$(q "$old" "SELECT count(*) FROM articles WHERE dup_sig IS NULL")
run --db "$old" analyze --dups
[ "$v" = "$(q "$db" "PRAGMA user_version")" ] && [ "$todo" -gt 15 ] && [ $rc -eq 0 ] &&
	has "$T/out" "$todo stories compared for duplicates" &&
	[ "$(q "$old" "SELECT count(*) FROM articles WHERE dup_of IS NOT NULL")" = 2 ] &&
	run --db "$old" analyze --dups && has "$T/out" "0 stories compared"
ok $? "a schema-11 library is migrated; analyze --dups links its copies once"

# A big library, deleted in one command killed at any moment.
big="$T/big.db"
cp "$db" "$big"
q "$big" "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c
      WHERE x < 150) INSERT INTO articles (feed_id, guid, title, sort_ts,
      fetched, lead, body) SELECT feed_id, guid || '-' || x, title,
      sort_ts - x, fetched, lead, body FROM articles, c;
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    INSERT INTO annotations (article_id, note, created, updated)
      SELECT id, 'n', 0, 0 FROM articles"
total=$(q "$big" "SELECT count(*) FROM articles")
ids=$(q "$big" "SELECT id FROM articles ORDER BY id" | tr '\n' ' ')
cp "$big" "$T/big.orig"
bad= n=0
for d in 0.05 0.1 0.2 0.4; do
	rm -f "$big" "$big-wal" "$big-shm"
	cp "$T/big.orig" "$big"
	# shellcheck disable=SC2086
	"$DOSSIER" --db "$big" delete -f -q $ids >/dev/null 2>&1 &
	pid=$!
	sleep "$d"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	[ "$(q "$big" 'PRAGMA integrity_check')" = ok ] || bad="$bad [$d: integrity]"
	left=$(q "$big" "SELECT count(*) FROM articles")
	notes=$(q "$big" "SELECT count(*) FROM annotations")
	case "$left/$notes" in
	"$total/$total"|0/0) n=$((n + 1)) ;;
	*) bad="$bad [$d: $left stories, $notes notes]" ;;
	esac
done
[ -z "$bad" ] && [ "$total" -gt 2000 ]
ok $? "delete killed (kill -9) at any moment leaves all $total stories or none" ||
	diag "$bad"

rm -f "$big" "$big-wal" "$big-shm"
cp "$T/big.orig" "$big"
# shellcheck disable=SC2086
run --db "$big" delete -f -q $ids
[ $rc -eq 0 ] && has "$T/out" "$total stories deleted" &&
	[ "$(q "$big" "SELECT count(*) FROM articles")" = 0 ] &&
	[ "$(q "$big" "SELECT count(*) FROM quotes")" = 0 ] &&
	[ "$(q "$big" "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'drone'")" = 0 ]
ok $? "deleted whole: quotes and the search index go with the stories"

run help delete
[ $rc -eq 0 ] && has "$T/out" "--force" && has "$T/out" "one transaction"
ok $? "dossier help delete describes it"
