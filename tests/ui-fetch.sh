#!/bin/sh
# R on the screen: feeds fetched in the background from a local server,
# progress on the status line, the lists reloaded with the new stories, a
# second R while fetching, failures named, R on one feed of the feed list,
# and quitting during a slow fetch giving the terminal back at once.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
. "$top_srcdir/tests/lib-http.sh"
plan 11

use_theme default
# The feed list as wide as the titles need (set feed-width, columns).
printf 'set feed-width 30\n' >>"$T/config/dossier/config"
cat >"$T/feeds.opml" <<EOF
<?xml version="1.0"?>
<opml version="2.0"><body>
<outline text="World" xmlUrl="$URL/f/world.xml"/>
<outline text="Observer" xmlUrl="$URL/f/atom.xml"/>
</body></opml>
EOF
"$DOSSIER" --db "$T/lib.db" opml import "$T/feeds.opml" >/dev/null
start 120 40 env DOSSIER_FETCH_TIMEOUT=2 "$DOSSIER" --db "$T/lib.db"

wait_for "0 articles · 0 unread"
ok $? "the screen opens on a library of feeds not yet fetched"
keys R
wait_for "fetched 2 feeds: 5 new stories"
ok $? "R fetches every feed and says how many stories came in"
wait_for "10 Jun 2025 Marovia recalls its" &&
	wait_for "18 Nov 2025 Sarvenian refugees"
ok $? "the new stories appear in the article list"
wait_for "Kestrel Times World       3" && wait_for "Ulmgrad Observer          2" &&
	wait_for "All (5)"
ok $? "the feed list shows each feed by its title, and the counts"

# A slow feed keeps the fetch running: progress, a second R, then a failure.
cat >"$T/slow.opml" <<EOF
<?xml version="1.0"?>
<opml version="2.0"><body><outline text="Slow" xmlUrl="$URL/stall"/></body></opml>
EOF
"$DOSSIER" --db "$T/lib.db" opml import "$T/slow.opml" >/dev/null
keys R
wait_for "fetching 2/3"
ok $? "the status line shows the progress while fetching"
grep -q "fetching 2/3 ▓▓▓▓▓░░░" "$T/screen"
ok $? "with a bar"
keys R
wait_for "already fetching"
ok $? "a second R while fetching says so"
wait_for "fetched 3 feeds: 0 new stories, 1 failed (Slow: not done within"
ok $? "a feed that fails is named when the fetch is done"
wait_for " ! Slow " && ! grep -q "! Kestrel" "$T/screen"
ok $? "the feed list marks the feed whose last fetch failed, and only it"

# R in the feed list on a feed fetches that feed alone (newsboat's r).
keys BTab G
: >"$HTTP_LOG"
keys R
wait_for "fetched 1 feed: 0 new stories"
r1=$?
[ $r1 -eq 0 ] && [ "$(requests '^GET ')" -eq 1 ] &&
	[ "$(requests '^GET /f/atom.xml ')" -eq 1 ]
ok $? "R on a feed in the feed list fetches only that feed"
[ $? -eq 0 ] || diag "$(cat "$T/screen" "$HTTP_LOG")"

# Quit in the middle of a slow fetch: the terminal comes back at once.
# The pane records how dossier ended and the tty's state.
cat >"$T/run.sh" <<EOS
DOSSIER_FETCH_TIMEOUT=30 "$DOSSIER" --db "$T/lib.db"
echo "status=\$?" >"$T/status"
stty -a | tr ' ;' '\n\n' | grep -x -e icanon -e -icanon -e echo -e -echo |
	tr '\n' ' ' >"$T/stty"
EOS
start 120 40 sh "$T/run.sh"
wait_for "5 articles"
keys R
wait_for "fetching 2/3"
t0=$(date +%s)
keys q
wait_dead
took=$(( $(date +%s) - t0 ))
[ $took -lt 5 ] && has "$T/status" "status=0" &&
	[ "$(cat "$T/stty")" = "icanon echo " ] &&
	[ "$(tm display-message -p '#{alternate_on}')" = 0 ]
ok $? "quitting during a slow fetch cancels it and restores the terminal"
[ $? -eq 0 ] || diag "after ${took}s: $(cat "$T/status" "$T/stty")"
exit 0
