#!/bin/sh
# A quote split by its cue on the screen: both parts marked in the story,
# the statement counted once in the sidebar, and listed once with its
# parts joined in the quotes view.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
plan 3

mkdir -p "$T/in"
cat >"$T/in/split.txt" <<'STORY'
Brekk will not be hurried

"We will not be hurried," Anja Brekk said, "and we will not be quiet." Brekk said: "The line holds."
STORY
"$DOSSIER" --db "$T/lib.db" import --quiet "$T/in" >/dev/null 2>&1 || exit 1
use_theme default

start 120 30 "$DOSSIER" --db "$T/lib.db"
wait_for "1 article"
keys Enter
wait_for "We will not be hurried" -e
# The default theme's quote colour is colour150.
grep -q '38;5;150mWe will not be hurried' "$T/screen" &&
	grep -q '38;5;150mand we will not be' "$T/screen"
ok $? "both parts of the statement are marked in the story" ||
	diag "$(grep 'hurried' "$T/screen")"

screen
grep -A1 "QUOTED" "$T/screen" | grep -q "Anja Brekk  *2"
ok $? "the sidebar counts the split statement once" ||
	diag "$(grep -A3 QUOTED "$T/screen")"

keys Tab W
wait_for "Quotes: Anja Brekk (2)" &&
	grep -q "We will not be hurried … and we will not be quiet." "$T/screen"
ok $? "the quotes view lists the statement once, its parts joined"
