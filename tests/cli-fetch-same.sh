#!/bin/sh
# A feed served without validators (no ETag, no Last-Modified), against a
# server on 127.0.0.1 that the test starts (tests/http-server.py): the
# body's SHA-256, taken as it downloads, is kept with the feed, and the
# same body again is not parsed (seen in the output and in a stored row
# left stale on purpose: a parse would have rewritten it); a changed body
# is parsed, but its items stored from the same raw digest are not made
# again (a stored row left stale stays so), one new item adds one story,
# a changed one is updated, and a delete or a failure does not lose a
# story.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-http.sh"
plan 14

db="$T/db"
feed="$URL/tnov/feed.xml"
stories() { "$DOSSIER" --db "$db" list --json | wc -l; }
# sql QUERY: one query's rows, fields joined by |.
sql() { python3 -c 'import sqlite3, sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in r))' "$db" "$1"; }
sqlw() { python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()' "$db" "$1"; }
sha() { python3 -c 'import hashlib, sys
print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' "$1"; }
# item N: an RSS item with guid gN.
item() { printf '<item><title>Story %s</title><guid>g%s</guid><description>Story %s: the council met on Monday.</description></item>\n' "$1" "$1" "$1"; }
# write DESCRIPTION ITEMS...: the served feed.
write() {
	d=$1
	shift
	{
		printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>No Validators</title><description>%s</description>\n' "$d"
		for i in "$@"; do item "$i"; done
		printf '</channel></rss>\n'
	} >"$T/srv/feed.xml"
}

write "first" 1 2 3
run --db "$db" add "$feed"
[ $rc -eq 0 ] && has "$T/out" "No Validators (rss, 3 stories)" &&
	[ "$(sql 'SELECT body_hash FROM feeds')" = "$(sha "$T/srv/feed.xml")" ] &&
	[ "$(sql 'PRAGMA user_version')" -ge 16 ] &&
	[ "$(sql 'SELECT count(DISTINCT raw_hash) FROM articles')" = 3 ]
ok $? "add keeps the SHA-256 of the body with the feed, and each item's (schema 16)"
[ $rc -eq 0 ] || diag "$(cat "$T/out" "$T/err")"

# A stored story made stale: parsing the feed again would update it.
sqlw "UPDATE articles SET content_hash = 'stale' WHERE guid = 'g2'"
: >"$HTTP_LOG"
run --db "$db" fetch
[ $rc -eq 0 ] &&
	has "$T/out" "not modified (the same document as last time, not read again)" &&
	has "$T/out" "1 feed: 0 new stories, 1 not modified, 0 failed" &&
	[ "$(requests 'GET /tnov/feed.xml')" -eq 1 ]
ok $? "the same body again is recognised, after one full GET"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err" "$HTTP_LOG")"
[ "$(sql "SELECT content_hash FROM articles WHERE guid = 'g2'")" = stale ] &&
	[ "$(stories)" -eq 3 ]
ok $? "the same body is not parsed: the stories are not touched"

run --db "$db" fetch --json
[ $rc -eq 0 ] && has "$T/out" '"status":"not-modified","same_body":true'
ok $? "--json says same_body"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err")"

# g1 stale and known by its raw digest; g2 stale and its digest not
# the one stored: only g2 is made again and found changed.
sqlw "UPDATE articles SET content_hash = 'stale' WHERE guid = 'g1'"
sqlw "UPDATE articles SET raw_hash = 'old' WHERE guid = 'g2'"
write "second" 1 2 3
run --db "$db" fetch --json
[ $rc -eq 0 ] && has "$T/out" '"status":"fetched","same_body":false' &&
	has "$T/out" '"new":0,"updated":1' &&
	[ "$(sql "SELECT content_hash FROM articles WHERE guid = 'g2'")" != stale ] &&
	[ "$(sql 'SELECT body_hash FROM feeds')" = "$(sha "$T/srv/feed.xml")" ]
ok $? "a changed body is parsed, an item with another raw digest made again"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err")"
[ "$(sql "SELECT content_hash FROM articles WHERE guid = 'g1'")" = stale ] &&
	[ "$(sql "SELECT raw_hash FROM articles WHERE guid = 'g2'")" != old ]
ok $? "an item stored from the same raw digest is not made again"

# A story stored before raw digests (schema 15) learns its digest.
sqlw "UPDATE articles SET raw_hash = NULL WHERE guid = 'g3'"
write "third" 1 2 3
run --db "$db" fetch
[ $rc -eq 0 ] && has "$T/out" ": 0 new" &&
	[ "$(sql 'SELECT count(DISTINCT raw_hash) FROM articles')" = 3 ]
ok $? "an item without a raw digest is looked up as before and gets one"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err")"

write "second" 1 2 3 4
run --db "$db" fetch
[ $rc -eq 0 ] && has "$T/out" ": 1 new" && [ "$(stories)" -eq 4 ] &&
	! has "$T/out" "updated"
ok $? "one new item among unchanged ones adds exactly one story"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err")"
sed 's/Story 3: the council met/Story 3: the court met/' "$T/srv/feed.xml" >"$T/srv/feed.new"
mv "$T/srv/feed.new" "$T/srv/feed.xml"
run --db "$db" fetch
[ $rc -eq 0 ] && has "$T/out" ": 0 new, 1 updated" && [ "$(stories)" -eq 4 ]
ok $? "an item whose text changed is updated"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err")"
run --db "$db" fetch
[ $rc -eq 0 ] && has "$T/out" "not read again" && [ "$(stories)" -eq 4 ]
ok $? "and that body fetched again is recognised"

# A deleted story comes back when its feed still has it, as before.
id=$(sql "SELECT id FROM articles WHERE guid = 'g4'")
"$DOSSIER" --db "$db" delete -q "$id" >/dev/null 2>&1
[ "$(stories)" -eq 3 ] && [ -z "$(sql 'SELECT body_hash FROM feeds')" ]
ok $? "deleting a story forgets its feed's digest"
run --db "$db" fetch
[ $rc -eq 0 ] && has "$T/out" ": 1 new" && [ "$(stories)" -eq 4 ]
ok $? "so the next fetch reads the items again"

# A failure keeps the digest of the body whose stories are stored.
mv "$T/srv/feed.xml" "$T/srv/feed.keep"
run --db "$db" fetch
mv "$T/srv/feed.keep" "$T/srv/feed.xml"
[ $rc -eq 1 ] && [ "$(sql 'SELECT body_hash FROM feeds')" = "$(sha "$T/srv/feed.xml")" ]
ok $? "a failed fetch keeps the digest"
run --db "$db" fetch
[ $rc -eq 0 ] && has "$T/out" "not read again" && [ "$(stories)" -eq 4 ]
ok $? "and the body after it is still recognised"
