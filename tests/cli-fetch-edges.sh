#!/bin/sh
# Feeds at their edges, as a demanding user and a hostile server see them:
# passwords in addresses never shown, a feed removed while it is fetched,
# items with nothing but a link, feeds that move for good.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-http.sh"
plan 4

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
