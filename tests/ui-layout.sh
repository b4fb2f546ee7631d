#!/bin/sh
# Layouts: a wide article list while no story is open (headlines readable
# at 120 and 80 columns, each row with its outlet and, for another year's
# story, the year; beside a story, "Dec 2025"; this year is
# DOSSIER_TEST_NOW's, set by lib.sh), the story and sidebar beside the lists once one is
# opened and gone again with q, the zoom key, the feed list folded away,
# the width options (config file and ':'), resizing, narrow terminals
# (stacked lists, sidebar toggled with e), a terminal too small, an empty
# library; cut names ending in an ellipsis ('~' outside UTF-8) and the
# story's position as Top/Bot/All.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
plan 44

# The first story's headline, 81 characters; the second's, 72.
GAS="Velmark says gas storage will last the winter as Marovia cuts eastern deliveries"
REF="Sarvenian refugees face winter in Velmark camps as Ruskov offers amnesty"
# shown N TEXT: the screen holds TEXT's first N characters (ASCII text).
shown() { has "$T/screen" "$(printf '%s' "$2" | cut -c1-"$1")"; }
# A frame is written top to bottom: a check of a lower line than the one
# waited for waits for it too (wait_until) or for the status line.
# left N: the columns of screen line N left of its first border, the
# border included: the width of the leftmost pane.
left() { sed -n "$1p" "$T/screen" | sed 's/│.*//' | wc -m; }

sample_db
# A story of this year, with its outlet, beside the samples of 2025.
cat >"$T/today.md" <<EOF
---
title: Kestrel ministers meet over the river dispute this week
date: $DOSSIER_TEST_NOW
outlet: Kestrel Times
---

The ministers met on Monday.
EOF
cp "$T/lib.db" "$T/year.db"
"$DOSSIER" --db "$T/year.db" import --quiet "$T/today.md" >/dev/null 2>&1
use_theme default
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"

# Browsing: the feed list and a wide article list; no story, no sidebar.
screen
shown 70 "$GAS" && shown 70 "$REF" && ! has "$T/screen" "People & quotes" &&
	! has "$T/screen" "Article"
ok $? "at 120 columns, browsing, a headline shows 70 characters and more"
grep -q "^ All  *15 │  5 Dec 2025 Velmark says gas.*… Brenmark Daily *$" \
	"$T/screen" && grep -q "2025 Valdoria sanctions .* Northwire *$" "$T/screen"
ok $? "each row shows its date with the year of another year, and its outlet"
grep -q "as Marovia cuts eastern del… " "$T/screen"
ok $? "a headline cut for the outlet's column ends in an ellipsis"

keys Enter
wait_for "14 unread" && has "$T/screen" "People & quotes" &&
	has "$T/screen" "Velmark’s gas storage sites"
ok $? "Enter puts the story and the sidebar beside the lists"
grep -q "│ Article  *lines 1-[0-9]*/[0-9]* Top │" "$T/screen" &&
	grep -q "^ All (15)  *1/15 │" "$T/screen" &&
	! grep -q "Article  *[0-9]*%" "$T/screen"
ok $? "a fresh story's title shows lines 1-N/M Top, no percentage; the list's 1/15 a blank from its border"
grep -q "│ A senior Velmark en… 2 *$" "$T/screen"
ok $? "a sidebar name cut to its column ends in an ellipsis"
keys G
wait_until 'grep -q "Article  *lines [0-9]*-77/77 Bot │" "$T/screen"'
ok $? "at the story's end the title says Bot"
keys q
wait_until '! has "$T/screen" "People & quotes" && shown 70 "$GAS" &&
	! has "$T/screen" "Article"'
ok $? "q closes the story and the list is wide again"

# Zoom: the focused pane fills the screen, and back.
keys z
wait_until 'grep -q "^ All (15)  " "$T/screen" && grep -qF "$GAS" "$T/screen" &&
	! has "$T/screen" "Feeds" && ! has "$T/screen" "│"'
ok $? "z zooms the article list to the whole width: the headline whole"
keys Enter
wait_for "Velmark’s gas storage sites"
grep -q "^ Article  *lines 1-[0-9]*/[0-9]* Top *$" "$T/screen" &&
	! has "$T/screen" "People & quotes" && ! has "$T/screen" "All (15)"
ok $? "a story opened while zoomed fills the screen"
keys Tab
wait_until 'grep -q "^ People & quotes *$" "$T/screen"'
ok $? "Tab while zoomed shows the next pane zoomed"
keys z
wait_for "All (15)" && wait_for "Article" && wait_for "People & quotes"
ok $? "z again gives the other panes back"
keys q
wait_gone "People & quotes"

# The feed list folds away and back.
keys F
wait_until '! grep -q "Feeds" "$T/screen" && grep -q "^ All (15)" "$T/screen"'
ok $? "F folds the feed list away: the article list takes its room"
keys F
wait_until 'grep -q "^ Feeds  *│ All (15)" "$T/screen"'
ok $? "F brings it back"

# Width options on the command line: columns, a percentage, auto.
keys : && wait_for ":" && keys "set feed-width 40" Enter
wait_until 'grep -q "^ Feeds  *│ All (15)" "$T/screen" && [ "$(left 1)" -eq 40 ]'
ok $? "set feed-width 40 makes the feed list 40 columns"
keys : && wait_for ":" && keys "set feed-width 25%" Enter
wait_until '[ "$(left 1)" -eq 30 ]'
ok $? "set feed-width 25% makes it a quarter of 120 columns"
keys : && wait_for ":" && keys "set feed-width 95%" Enter
wait_for "bad value '95%' for option 'feed-width': columns 4-500, 5%-90% or auto"
ok $? "a percentage out of range is refused, saying what is taken"
keys : && wait_for ":" && keys "set feed-width auto" Enter
wait_until '[ "$(left 1)" -eq 17 ]'
ok $? "set feed-width auto gives the default back"

# Width options in the config file, and their errors with file:line.
cfg="$T/config/dossier/config"
printf 'set sidebar-width 30\nset list-width 50\nset feed-width 2x\n' >>"$cfg"
printf 'set feed-list off\n' >>"$cfg"
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "$cfg:4: bad value '2x' for option 'feed-width'"
ok $? "a bad width in the config file is reported with file:line"
grep -q "^ All (15)  " "$T/screen" && ! has "$T/screen" "Feeds"
ok $? "set feed-list off in the config file folds the feed list"
keys Enter
# The sidebar's 30 columns start after the story's border, column 90.
wait_until 'has "$T/screen" "People & quotes" && [ "$(left 2)" -eq 50 ] &&
	[ "$(sed -n 1p "$T/screen" | sed "s/[^│]*\$//" | wc -m)" -eq 91 ]'
ok $? "list-width and sidebar-width from the config file are applied"

# A story of this year shows its day and month only; others their year.
use_theme default
start 120 40 "$DOSSIER" --db "$T/year.db"
wait_for "16 articles"
grep -q "│ *[0-9]* [A-Z][a-z][a-z]      Kestrel ministers meet .* Kestrel Times *$" \
	"$T/screen" && grep -q "│  5 Dec 2025 Velmark says" "$T/screen"
ok $? "this year's story has no year, another year's has it"
keys Enter
wait_for "The ministers met on Monday."
grep -q "│ Article  *All │" "$T/screen"
ok $? "a story that fits the pane says All"
# Reading: the narrow list shows another year's story by month and year.
wait_until 'grep -q "^ 15 Jun  *Kestrel minister.*│" "$T/screen" &&
	grep -q "^ Dec 2025 Velmark says gas s.*│" "$T/screen" &&
	grep -q "^ Jan 2025 Valdoria protests.*│" "$T/screen"'
ok $? "beside a story the list shows 'Dec 2025' for another year, '15 Jun' for this"
keys : && wait_for ":" && keys "set list-width 60" Enter
wait_until 'grep -q "^  5 Dec 2025 Velmark says gas .*  Brenmar… │" "$T/screen"'
ok $? "a list widened to 60 columns beside a story shows the day and the outlet"
keys : && wait_for ":" && keys "set list-width 16" Enter
wait_until 'grep -q "^ Velmark says[^│]*│" "$T/screen"'
ok $? "a list too narrow for a date and a headline shows the headline"

# "This year" is DOSSIER_TEST_NOW's for tests: in 2025 the samples' dates
# lose their year.
now=$DOSSIER_TEST_NOW
DOSSIER_TEST_NOW=2025-12-31
start 120 40 "$DOSSIER" --db "$T/lib.db"
DOSSIER_TEST_NOW=$now
wait_for "15 articles"
grep -q "│  5 Dec Velmark says" "$T/screen" &&
	grep -q "│ 14 Jan Valdoria protests" "$T/screen"
ok $? "with DOSSIER_TEST_NOW in 2025 the 2025 stories show no year"

# Outside a UTF-8 locale a cut ends in '~'.
tm kill-server 2>/dev/null
nsock=$((nsock + 1))
SOCK="$T/sock$nsock"
tm -f /dev/null new-session -d -x 120 -y 40 env TERM=tmux-256color LC_ALL=C \
	XDG_CONFIG_HOME="$XDG_CONFIG_HOME" "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
has "$T/screen" "as Marovia cuts eastern del~ "
ok $? "outside UTF-8 a cut headline ends in '~'"
keys Enter
wait_for "Velmark's gas storage sites are 88 per cent full"
ok $? "outside UTF-8 a curly apostrophe shows as ', not as a blank"
has "$T/screen" "Brenmark Daily - 5 Dec 2025"
ok $? "and the header's middle dot as '-'"

start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
tm resize-window -x 70 -y 30
# Stacked: the feed list's first row and the article list's title both start
# the line, and the list spans the full width below them.
wait_until 'grep -q "^ Feeds *$" "$T/screen" && grep -q "^ All (15)  *1/15$" "$T/screen"'
ok $? "narrow: the lists are stacked"
wait_until 'shown 40 "$GAS"'
ok $? "at 70 columns a headline still shows 40 characters"
keys Enter
wait_until 'grep -q "^ Article  *lines 1-[0-9]*/[0-9]* Top$" "$T/screen"'
ok $? "narrow: the story spans the full width below the lists"
! has "$T/screen" "People & quotes"
ok $? "at 70 columns the sidebar is hidden"

keys e
wait_for "People & quotes"
ok $? "e shows the sidebar on a narrow terminal"
keys e
wait_gone "People & quotes"
ok $? "e hides it again"
tm resize-window -x 40 -y 12
keys e
wait_until 'grep -q "│ People &[^│]*…$" "$T/screen"'
ok $? "a pane's title cut to its width ends in an ellipsis"
keys e
wait_gone "People & q"

tm resize-window -x 30 -y 8
wait_for "Terminal too small"
ok $? "a terminal under 40x10 gets a clear message"
keys j
tm resize-window -x 100 -y 30
wait_for "All (15)" && wait_for "15 articles"
ok $? "it recovers when enlarged"

tm resize-window -x 80 -y 30
keys q
wait_until '! has "$T/screen" "Article" && shown 40 "$GAS" && shown 40 "$REF"'
ok $? "at 80 columns, browsing, a headline shows 40 characters and more"
keys Enter
wait_for "Velmark’s gas storage sites"
tm resize-window -x 160 -y 40
wait_for "Velmark’s gas storage sites are 88 per cent full and will last until the spring even"
ok $? "resizing reflows the story to the new width"

# An empty library greets the user with how to fill it.
start 100 30 "$DOSSIER" --db "$T/empty.db"
wait_for "Your library is empty"
ok $? "an empty library shows a greeting"
has "$T/screen" "dossier import PATH"
ok $? "the greeting says how to import stories"
printf 'bind H help\nunbind ?\nbind X fetch\nunbind R\n' >>"$T/config/dossier/config"
start 100 30 "$DOSSIER" --db "$T/empty.db"
wait_for "Your library is empty"
wait_until 'grep -q "then press X" "$T/screen" && grep -q "Press H for keys" "$T/screen"'
ok $? "the greeting names the fetch and help keys as bound"
exit 0
