#!/bin/sh
# The reference story on the screen, with what extraction found on import:
# its quoted officials in the speaker colour, their words in the quote
# colour, the sidebar listing them, and a speaker's quotes view.
. "$top_srcdir/tests/lib.sh"
example="$DOSSIER_SHARED/examples/saved-story-jpost-2023-08-26.txt"
[ -f "$example" ] || skip_all "shared examples absent"
. "$top_srcdir/tests/lib-tmux.sh"
plan 11

"$DOSSIER" --db "$T/lib.db" import -q "$example" >/dev/null 2>&1
printf 'set theme %s/themes/default\n' "$top_srcdir" >"$T/config/dossier/config"
start 150 45 "$DOSSIER" --db "$T/lib.db"
wait_for "1 article " && wait_for "Russia: Drone axis"
keys Enter
wait_for "Russian Deputy Foreign Minister Sergei" -e
# The default theme: speaker colour215, quote colour150.
esc=$(printf '\033')
wait_colour "38;5;215m[^$esc]*Sergei Ryabkov"
ok $? "Ryabkov, who is quoted, is in the speaker colour"
wait_colour '38;5;215mReza Talaei-Nik'
ok $? "Talaei-Nik is in the speaker colour"
wait_colour '38;5;150mThere are no changes, and cooperation with Iran will continue'
ok $? "Ryabkov's direct quote is in the quote colour"
wait_colour "38;5;150m[^$esc]*pressure"
ok $? "his indirect statement is in the quote colour too"

screen
# Three quotes, two statements: "Q1," Ryabkov said ... "Q2." is one.
awk '/QUOTED/{q=1} q && /Sergei Ryabkov +2/{f=1} END{exit !f}' "$T/screen" &&
	grep -q "Deputy Foreign Minister" "$T/screen"
ok $? "the sidebar lists Ryabkov with his role and two statements"
# The role as 'dossier show' spells it: with its country.
awk -F'│' '{ $0 = $NF } /QUOTED/{q=1} /PEOPLE/{q=0} q && /Sergei Ryabkov/{r=NR}
    r && NR > r && NR <= r + 2 && /\(Russia\)/{f=1} END{exit !f}' "$T/screen"
ok $? "his role in the sidebar has its country, as in show"

# Iran (government) and Talaei-Nik, two statements each, come first.
keys Tab
keys j j
keys W
# "Q1," Ryabkov said ... "Q2.": one statement, its parts joined.
wait_for "Iran will continue … We are"
ok $? "W on the speaker lists his quotes across the library"
grep -q "Quotes: Sergei Ryabkov, Deputy Foreign Minister (Russia) (2)" \
    "$T/screen"
ok $? "the quotes view names him with the same role"

# A country that speaks (Iran's acknowledgement) has its quotes view too.
start 150 45 "$DOSSIER" --db "$T/lib.db"
wait_for "Russia: Drone axis"
keys Enter
wait_for "Russian Deputy Foreign Minister Sergei"
keys Tab
keys W
wait_for "Quotes: Iran (2)" && wait_for "sending drones to Russia"
ok $? "W on a place that speaks lists its statements"

# The unnamed source is listed under QUOTED after the named speakers, and
# Enter on it marks its quote in the story.
screen
awk '/QUOTED/{q=1} /PEOPLE/{q=0} q && /A White House official +1/{f=1}
    q && /unnamed source/{u=1} END{exit !(f && u)}' "$T/screen"
ok $? "the unnamed White House official is listed under QUOTED"
start 150 45 "$DOSSIER" --db "$T/lib.db"
wait_for "Russia: Drone axis"
keys Enter
wait_for "Russian Deputy Foreign Minister Sergei"
keys Tab
keys j j j j j
keys Enter
wait_for "quote 1 of 1 by A White House official" -e &&
	grep -q "48;5;150m[^$esc]*Iran had transferred several hundred" "$T/screen"
ok $? "Enter on the unnamed source marks its quote in the story"
exit 0
