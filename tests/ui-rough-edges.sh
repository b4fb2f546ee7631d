#!/bin/sh
# Rough edges of the screen found by using it: titles that hide their
# count, keys that do nothing silently, the help screen at 80x24, the
# too-small message, and which story a key acts on.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
plan 25

sample_db
use_theme default
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s/opened"\n' "$T" >"$T/browser"
chmod +x "$T/browser"
start 120 40 env BROWSER="$T/browser" "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"

# A search longer than the list's title (narrow beside an open story): the
# label is cut, not the count.
keys Enter && wait_for "Brenmark Daily · 5 Dec 2025"
keys / && wait_for "Search:" && keys "velmark OR valdoria" Enter
wait_for "… (15) 1/15"
ok $? "a long search's title keeps its count whole beside the position"
keys q q && wait_for "All (15)"

# A key bound to nothing says so instead of doing nothing.
keys x
wait_for "x does nothing here (? lists the keys)"
ok $? "an unbound key says it does nothing"

keys : && wait_for ":" && keys "quit now" Enter
wait_for "operation 'quit' takes no arguments"
ok $? "an operation given arguments on the command line says so"
keys : && wait_for ":" && keys "set theme nosuchtheme" Enter
wait_for "unknown theme 'nosuchtheme' (try default, light or mono)"
ok $? "an unknown theme is named, not an installed path"

# o in the list opens the selected story, not the one open in the pane.
keys Enter && wait_for "Brenmark Daily · 5 Dec 2025"
keys q j o
wait_for "opened https://ulmgradobserver.example/"
ok $? "o in the list opens the selected story's address"

# The help at 80x24: descriptions wrap, the page keys scroll it.
tm resize-window -x 80 -y 24
wait_until 'grep -q "^ 15 articles · [0-9]* unread *$" "$T/screen" &&
	grep -q "  ?:help  q:quit$" "$T/screen"'
keys '?'
wait_for "Keys ("
wait_for "open the selected feed, story, name or" &&
	grep -q "^ *quote$" "$T/screen"
ok $? "a help line too long for 80 columns wraps"
grep -q " 1-21/[0-9]" "$T/screen"
ok $? "the help says which of its lines are shown"
keys Space
wait_for " 21-41/"
ok $? "Space pages the help down"
keys G
wait_for "any filter left out"
ok $? "G goes to the help's end"
[ "$(grep -c . "$T/screen")" -gt 12 ]
ok $? "the help's end fills the screen rather than scrolling off it"
tm resize-window -x 60 -y 24
wait_until 'grep -q " \([0-9]*\)-\([0-9]*\)/\2$" "$T/screen"'
ok $? "the help's end stays its end when a resize makes it longer"
tm resize-window -x 80 -y 24
wait_for "Keys ("
keys g
wait_for "  j, Down            down"
ok $? "g goes back to the help's top"
tm resize-window -x 60 -y 24
wait_until 'grep -q "^ Keys (j/k, [^│]*… *1-[0-9]*/[0-9]*$" "$T/screen"'
ok $? "the help's title cut at 60 columns ends in an ellipsis"
! tail -1 "$T/screen" | grep -q ":help"
ok $? "under the help the status line offers no ?:help"
tm resize-window -x 80 -y 24
keys q
wait_gone "Keys ("

# Too small: the message wraps to be read whole.
tm resize-window -x 30 -y 8
wait_for "needs at least 40x10"
ok $? "the too-small message wraps at 30 columns"
tm resize-window -x 80 -y 24
wait_until 'grep -q "^ 15 articles · [0-9]* unread *$" "$T/screen" &&
	grep -q "  ?:help  q:quit$" "$T/screen"'
ok $? "the screen comes back when enlarged"

# An empty library: the greeting wraps in the pane; keys that need a
# story say so.
start 80 24 "$DOSSIER" --db "$T/empty.db"
wait_for "0 articles"
wait_for "text as browsers save it, HTML pages, Markdown) from"
ok $? "the empty library's greeting wraps at 80 columns"
keys s
wait_for "choose a story first"
ok $? "s with no story says to choose one"

# A resize while a prompt is open lays the screen out again behind it.
start 80 24 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
keys / && wait_for "Search:" && keys abc
tm resize-window -x 50 -y 15
wait_until '! grep -q "│" "$T/screen" && grep -q "^Search: abc" "$T/screen"'
ok $? "a resize under the search prompt stacks the panes at once"
keys Escape
keys Enter && wait_for "Brenmark Daily" && keys a
wait_for "Note on the story:" && keys "x" C-u
tm resize-window -x 80 -y 24
wait_until 'grep -q "│" "$T/screen" && grep -q "^Note on the story:" "$T/screen"'
ok $? "and a resize under the note prompt goes back to side by side"
keys Escape

# The quotes view puts only direct quotes in quote marks: reported speech
# is not the speaker's words.
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
keys g Enter && wait_for "Brenmark Daily · 5 Dec 2025"
keys Tab W
wait_for "Quotes: Hanne Lutz"
wait_for "reported: a cap was still not on the table" &&
	! grep -q "“a cap was still" "$T/screen"
ok $? "an indirect quote is shown as reported, without quote marks"
# (“We prepared ...,” Lutz said. “Nobody will be cold ...” is one
# statement, listed with its parts joined.)
grep -q "“We prepared for this moment for ten months." "$T/screen"
ok $? "a direct quote keeps its quote marks"
keys z
wait_gone "People & quotes"
wait_for "mixed: the proposal"
grep -q "5 Dec 2025 · Brenmark Daily · Economy and Energy Minister · reported · " "$T/screen" &&
	grep -q "5 Dec 2025 · Brenmark Daily · Economy and Energy Minister · direct · " "$T/screen" &&
	grep -q "mixed: the proposal had been “watered down" "$T/screen"
ok $? "each quote has the role its story gives and its kind: direct, reported or mixed"
keys z

# A story with a headline and no text (feeds send such items) says so.
sqlite3 "$T/lib.db" "INSERT INTO articles (feed_id, guid, url, title,
    outlet, sort_ts, fetched) SELECT id, 'bare', 'https://example.org/bare',
    'Headline only item', 'Wire', 4102444800, 4102444800 FROM feeds LIMIT 1"
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "Headline only item"
keys g Enter
wait_for "This story has no text here; o opens it in the browser."
ok $? "a story without text says so and how to read it"
keys Tab
wait_for "No people found."
keys Enter
wait_for "no people, organisations or places were found in it"
ok $? "Enter on an empty sidebar says why nothing opens"
