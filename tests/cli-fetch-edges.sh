#!/bin/sh
# Feeds at their edges, as a demanding user and a hostile server see them:
# passwords in addresses never shown, a feed removed while it is fetched,
# items with nothing but a link, feeds that move for good.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-http.sh"
plan 11

db="$T/db"

# A password in an address is sent, kept, and never shown.
authed=$(echo "$URL" | sed 's|://|://alice:s3cret@|')
run --db "$db" add "$authed/f/world.xml"
r1=$rc
cat "$T/out" "$T/err" >"$T/all"
run --db "$db" add "$authed/status/404"
cat "$T/out" "$T/err" >>"$T/all"
run --db "$db" add "$authed/f/world.xml"
cat "$T/out" "$T/err" >>"$T/all"
"$DOSSIER" --db "$db" feeds >>"$T/all" 2>&1
"$DOSSIER" --db "$db" feeds --json >>"$T/all" 2>&1
"$DOSSIER" --db "$db" fetch --json >>"$T/all" 2>&1
"$DOSSIER" --db "$db" fetch >>"$T/all" 2>&1
[ $r1 -eq 0 ] && ! grep -q s3cret "$T/all" && has "$T/all" "alice:****@127.0.0.1"
ok $? "a password in a feed's address is never printed"
[ $? -eq 0 ] || diag "$(cat "$T/all")"
"$DOSSIER" --db "$db" opml export | grep -q 'alice:s3cret@'
ok $? "the password is kept, and exported with the subscriptions"
"$DOSSIER" --db "$db" remove 1 >"$T/out" 2>&1 && ! grep -q s3cret "$T/out"
ok $? "nor when the feed is removed"

# A feed removed while it is being fetched: no error, nothing stored.
db="$T/db2"
"$DOSSIER" --db "$db" add "$URL/f/atom.xml" >/dev/null
cat >"$T/wait.opml" <<EOS
<?xml version="1.0"?>
<opml version="2.0"><body><outline text="Waits" xmlUrl="$URL/wait/world.xml"/></body></opml>
EOS
"$DOSSIER" --db "$db" opml import "$T/wait.opml" >/dev/null
rm -f "$T/srv/go"
: >"$HTTP_LOG"
DOSSIER_FETCH_TIMEOUT=20 "$DOSSIER" --db "$db" fetch >"$T/out" 2>"$T/err" &
fetch_pid=$!
n=0
while [ "$(requests '^GET /wait/')" -eq 0 ] && [ $n -lt 200 ]; do
	n=$((n + 1))
	sleep 0.05
done
"$DOSSIER" --db "$db" remove 2 >/dev/null
touch "$T/srv/go"
wait $fetch_pid
rc=$?
[ $rc -eq 0 ] && [ ! -s "$T/err" ] && has "$T/out" "removed while fetching" &&
	[ "$("$DOSSIER" --db "$db" list --json | wc -l)" -eq 2 ]
ok $? "a feed removed while it is fetched is dropped quietly, its stories unstored"
[ $? -eq 0 ] || diag "rc=$rc" "$(cat "$T/out" "$T/err")"

# Items with nothing but a link, or an enclosure: kept, titled by address.
db="$T/db3"
cat >"$T/srv/bare.rss" <<'EOS'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Bare</title>
<item><link>https://bare.example.org/a1</link></item>
<item><enclosure url="https://bare.example.org/e1.mp3" type="audio/mpeg" length="9"/></item>
<item><guid isPermaLink="false">nothing-else</guid></item>
</channel></rss>
EOS
run --db "$db" add "$URL/t/bare.rss"
"$DOSSIER" --db "$db" list --json >"$T/list"
[ $rc -eq 0 ] && has "$T/out" "(rss, 2 stories)" &&
	has "$T/list" '"title":"https://bare.example.org/a1"' &&
	has "$T/list" '"title":"https://bare.example.org/e1.mp3"'
ok $? "items with only a link or an enclosure are kept, titled by their address"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err" "$T/list")"
run --db "$db" fetch
[ $rc -eq 0 ] && has "$T/out" ": 0 new" && [ "$(wc -l <"$T/list")" -eq 2 ]
ok $? "and fetching them again adds nothing"

# A feed that moves for good (301, 308) is followed to its new address
# from then on; a temporary redirect (302) leaves the address alone.
db="$T/db4"
cat >"$T/moved.opml" <<EOS
<?xml version="1.0"?>
<opml version="2.0"><body>
<outline text="301" xmlUrl="$URL/moved/world.xml"/>
<outline text="308" xmlUrl="$URL/moved308/atom.xml"/>
<outline text="302" xmlUrl="$URL/redirect/linked.xml"/>
<outline text="there" xmlUrl="$URL/f/linked.xml"/>
<outline text="301 then 302" xmlUrl="$URL/moved-twice/gz.xml"/>
<outline text="taken" xmlUrl="$URL/moved/linked.xml"/>
</body></opml>
EOS
"$DOSSIER" --db "$db" opml import "$T/moved.opml" >/dev/null
run --db "$db" fetch
"$DOSSIER" --db "$db" feeds --json >"$T/feeds"
[ $rc -eq 0 ] && has "$T/out" "(moved for good to $URL/f/world.xml)" &&
	has "$T/feeds" "\"url\":\"$URL/f/world.xml\"" &&
	has "$T/feeds" "\"url\":\"$URL/f/atom.xml\"" &&
	has "$T/feeds" "\"url\":\"$URL/redirect/linked.xml\"" &&
	has "$T/feeds" "\"url\":\"$URL/moved-twice/gz.xml\"" &&
	has "$T/feeds" "\"url\":\"$URL/moved/linked.xml\"" &&
	! grep -q "moved for good to $URL/f/linked" "$T/out"
ok $? "fetch remembers a permanent redirect's address, not a temporary one's"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err" "$T/feeds")"
: >"$HTTP_LOG"
run --db "$db" fetch
[ $rc -eq 0 ] && [ "$(requests '^GET /moved/world.xml')" -eq 0 ] &&
	[ "$(requests '^GET /f/world.xml')" -eq 1 ] && has "$T/out" "0 new stories"
ok $? "the next fetch asks the new address alone and adds nothing"
run --db "$db" add "$URL/moved/page-with-feed.html"
run --db "$db" add "$URL/moved/atom.xml"
[ $rc -eq 0 ] && has "$T/out" "exists" && has "$T/out" "$URL/f/atom.xml"
ok $? "add of an address that moved for good finds the feed at its new one"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err")"

# One feed, however its address is spelled: scheme and host case, dot
# segments, the default port, a fragment and an empty query are one.
db2="$T/spell.db"
run --db "$db2" add "$URL/f/world.xml"
odd=$(echo "$URL" | sed 's|^http://127.0.0.1|HTTP://127.0.0.1|')
run --db "$db2" add "$odd/f/./x/../world.xml?#top"
[ $rc -eq 0 ] && has "$T/out" "already in the library" &&
	[ "$(sqlite3 "$db2" "SELECT count(*) FROM feeds WHERE kind <> 'local'")" -eq 1 ]
ok $? "an address spelled another way adds no second feed" ||
	diag "$(cat "$T/out" "$T/err")" "$(sqlite3 "$db2" "SELECT url FROM feeds")"
run --db "$db2" fetch "$odd/f/world.xml#top"
[ $rc -eq 0 ] && has "$T/out" "not modified"
ok $? "fetch finds the feed by any spelling of its address" ||
	diag "$(cat "$T/out" "$T/err")"
exit 0
