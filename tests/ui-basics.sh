#!/bin/sh
# The screen end to end: the list, opening a story, moving, reading state,
# the help screen and quitting.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
plan 19

sample_db
use_theme default
# A browser that records its argument vector, one item a line.
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s/opened"\n' "$T" >"$T/browser"
chmod +x "$T/browser"
start 120 40 env BROWSER="$T/browser --new-tab" "$DOSSIER" --db "$T/lib.db"

wait_for "15 articles · 15 unread"
ok $? "the status line counts the library"
wait_for "All (15)" &&
	wait_for " 5 Dec 2025 Velmark says gas storage will last the winter" &&
	wait_until 'grep -q "^ Unread  *15 │" "$T/screen"' &&
	wait_for "#sanctions"
ok $? "the feed list and the article list are shown"

keys Enter
wait_for "Velmark’s gas storage sites are 88 per cent full"
ok $? "Enter opens the selected story's body"
has "$T/screen" "Brenmark Daily · 5 Dec 2025" &&
	has "$T/screen" "#energy #marovia #sanctions #velmark"
ok $? "the header shows outlet, date and tags"
wait_for "14 unread"
ok $? "opening a story marks it read"

keys G
wait_for "Links  (a number, then o, opens that link)" &&
	wait_for "[1] Federal Energy Agency dashboard:"
ok $? "G goes to the story's end, where its links are listed and numbered"

keys q j Enter
wait_for "Ulmgrad Observer · Vera Kolan · 18 Nov 2025"
ok $? "q goes back to the list, j moves down, Enter opens the next story"

keys q s
wait_for "starred"
"$DOSSIER" --db "$T/lib.db" list --json | grep '"starred": *true' |
	grep -q "Sarvenian refugees"
ok $? "s stars the selected story in the library"

keys r
wait_for "marked unread"
"$DOSSIER" --db "$T/lib.db" list --json --unread | grep -q "Sarvenian refugees"
ok $? "r marks it unread again"

keys g n
wait_for "Ulmgrad Observer · Vera Kolan · 18 Nov 2025"
ok $? "n opens the next unread story"

keys o
wait_for "opened https://ulmgradobserver.example/"
printf '%s\n' --new-tab \
    https://ulmgradobserver.example/en/region/2025/11/18/refugees-winter-amnesty |
	cmp -s - "$T/opened"
ok $? "o runs \$BROWSER with its options and the link as one argument"

keys q G Enter
wait_for "14 Jan 2025"
ok $? "G at the list goes to the oldest story"

keys '?'
wait_for "toggle-sidebar" && keys Space &&
	wait_for "Commands (config file and ':')"
ok $? "? shows the help generated from the key table"
keys q
wait_gone "Commands (config file"
ok $? "q closes the help"

# A number before o opens that link of the story; before j, moves that far.
keys q g Enter
wait_for "[1] Federal Energy Agency dashboard:"
keys 1 o
wait_for "opened https://energy.velmark.example/storage"
printf '%s\n' --new-tab https://energy.velmark.example/storage |
	cmp -s - "$T/opened"
ok $? "1o opens the story's first link"
keys 7 o
wait_for "no link 7: the story has 1"
ok $? "a link number past the list is refused with a message"
keys q 2 j Enter
wait_for "The Continental Ledger · "
ok $? "2j moves two stories down"

keys Tab Tab
wait_for "People & quotes"
keys q q
wait_dead
ok $? "q from the lists quits"
[ "$(tm display-message -p '#{alternate_on}')" = 0 ]
ok $? "the alternate screen is left on quit"
exit 0
