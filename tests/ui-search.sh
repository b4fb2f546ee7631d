#!/bin/sh
# Search on the screen: '/' reads a search, the article list shows its
# results with their count and the cursor's position, the feed list's
# cursor leaves its entry, a result opens with its matches marked
# (search.match, capture-pane -e) at the first match, q goes back to the
# listing before, and a bad or hostile search leaves a message and a
# working screen. Also: a name's listing from the sidebar.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
plan 25

sample_db
use_theme default
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"

# The feed list's "All" line, with its colours.
all_line() { screen -e; grep -m1 ' All [^(]' "$T/screen"; }
# In the default theme the feed list's cursor, the focus elsewhere, is on
# colour238 (feed.selected.unfocused).
SEL='48;5;238'

all_line | grep -q "$SEL"
ok $? "the feed list's cursor is on All at first"

keys j j j
wait_for " 4/15"
ok $? "the list shows the cursor's position as n/N"

keys /
wait_for "Search:"
grep -qF 'words  "exact words"  -word  a OR b' "$T/screen" &&
	grep -qF 'speaker:NAME' "$T/screen"
ok $? "the search prompt shows the query language in a line above it"
keys "drone" Enter
wait_for "Search: drone (9)"
ok $? "/ reads a search; the list is titled with it and its count"
wait_for "9 matches for 'drone'"
ok $? "the status line says how many stories match"
wait_for " 1/9"
ok $? "the position counts within the results"
! all_line | grep -q "$SEL"
ok $? "no feed is highlighted while search results are shown"

# The newest result is story 13, whose only drone is deep in its body.
keys Enter
wait_for "of January’s drone crash" && wait_for '48;5;221' -e
ok $? "the opened result has its matched words marked (search.match)"
# Opened at the top, the headline would show; at the match it has scrolled.
screen
grep -qF "of January’s drone crash" "$T/screen" &&
    grep -q "Article  *lines [0-9]*-[0-9]*/[0-9]* \([0-9]*%\|Bot\)" \
    "$T/screen" && ! grep -q "Article .* Top" "$T/screen"
ok $? "the story opens scrolled to its first match"

keys q q
wait_for "All (15)" && wait_for " 4/15"
ok $? "q from the list goes back to the listing before, at its row"
all_line | grep -q "$SEL"
ok $? "the feed cursor is back on All"

keys /
wait_for "Search: drone"
ok $? "the prompt offers the last search again"
keys C-u '"' Enter
wait_for "empty search"
ok $? "a search that does not parse says so on the status line"

keys / C-u 'NEAR( "a * -' Enter
wait_for "Search: NEAR("
keys q
wait_for "All (15)" && keys j && wait_for " 5/15"
ok $? "a hostile search leaves a working screen"

# A name from the sidebar lists its stories; no feed stays highlighted.
keys g Enter
wait_for "Velmark says gas storage" && keys Tab G Enter
wait_gone "All (15)"
! all_line | grep -q "$SEL"
ok $? "no feed is highlighted while a name's stories are listed"
keys q
wait_for "All (15)"
ok $? "q goes back from a name's listing too"

# Exact words in quotes, and one match is "1 match".
keys / C-u '"drones"' Enter
wait_for "3 matches for '\"drones\"'"
ok $? "a quoted word matches exactly (3 stories, not drone's 9)"
keys q
wait_for "All (15)"
keys / C-u karin Enter
wait_for "1 match for 'karin'"
ok $? "one hit is '1 match'; captions are searched"
keys Enter
wait_for "VPA/KARIN MOSS" && screen -e &&
	grep 'VPA/' "$T/screen" | grep -q '48;5;221m[^[]*KARIN'
ok $? "a match in a caption is marked, and the story opens at it"
keys q q
wait_for "All (15)"

# A prefix is counted by parts (words as written are read story by
# story), and the count that ends agrees with the list and the command.
hits=$("$DOSSIER" --db "$T/lib.db" search --count 'sanction*')
keys / C-u 'sanction*' Enter
wait_for "$hits matches for 'sanction*'" &&
	! grep -qF "(counting)" "$T/screen" &&
	wait_for "Search: sanction* ($hits)" && keys G &&
	wait_for " $hits/$hits"
ok $? "a prefix's count on the status line agrees with the list" ||
	diag "$(cat "$T/screen")"
keys q
wait_for "All (15)"
# negotiat* finds negotiations, whose stem is negoti, and marks it.
keys / C-u 'negotiat*' Enter
wait_for "1 match for 'negotiat*'"
ok $? "a prefix finds words whose stem starts otherwise"
keys Enter
wait_for "the [negotiations]" || true
screen -e
grep -q '48;5;221m[^[]*negotiations' "$T/screen"
ok $? "the prefix's words are marked in the story"
keys q q
wait_for "All (15)"

# A pasted search past the prompt's 2 KiB is taken at typing speed: the
# line's visible end was measured from each byte, seconds a key.
keys /
keys -l "$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "negotiat* " }')"
keys Enter
wait_for "too many search terms (at most 64)"
ok $? "a 3 KB paste into the prompt is read in moments, with a message"
wait_for "All (15)"

# The help lists the search language.
keys '?'
wait_for "Keys (j/k"
keys G
wait_for "Search (/)"
grep -qF '"drones"  "red line"' "$T/screen" &&
	grep -qF 'after:DATE  before:DATE' "$T/screen"
ok $? "? shows the search language in brief"
keys q

# A library of one story: "1 article", not "1 articles".
mkdir "$T/one"
cp "$top_srcdir/samples/library/2025-01-14-valdoria-drone-crash.txt" "$T/one/"
"$DOSSIER" --db "$T/one.db" import --quiet "$T/one" >/dev/null 2>&1
start 120 40 "$DOSSIER" --db "$T/one.db"
wait_for "1 article · 1 unread"
ok $? "the status line counts one article in the singular"
exit 0
