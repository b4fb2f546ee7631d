#!/bin/sh
# Tags and notes on the screen: t edits the tags (header and feed list
# follow), v j j a notes a passage (marked, numbered, listed under the
# story), the notes last across a restart, a whole-story note is edited
# and deleted, Escape drops a selection, and t can be rebound.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
plan 12

sample_db
use_theme default
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
keys Enter
wait_for "Velmark’s gas storage sites are 88 per cent full"
keys t
wait_for "Tags: energy marovia sanctions velmark"
ok $? "t asks for the tags, the story's current ones filled in"
keys ' Drones' Enter
wait_for "added #drones" && wait_for "#drones #energy #marovia" &&
	grep -qE '#drones +1 ' "$T/screen"
ok $? "the tags change at once in the header and the feed list"
"$DOSSIER" --db "$T/lib.db" list --json --tag drones | grep -q "gas storage"
ok $? "the new tag is in the library"

keys v j j
# selection is colour61 on colour231 reversed: 231 on 61 on the screen.
wait_for '48;5;231mVelmark’s gas storage sites' -e &&
	grep -q '38;5;61m' "$T/screen"
ok $? "v selects from the first line in view, j extends it (selection colour)"
keys a
wait_for "Note on the passage:"
keys 'Key claim' Enter
wait_for "note added" && wait_for "a day after[1]"
ok $? "a writes a note on the selected passage and numbers it"
screen -e
grep -q '48;5;58mVelmark’s gas storage sites' "$T/screen" &&
	! grep -q '38;5;61m' "$T/screen"
ok $? "the passage carries the annotation mark; the selection is gone"
wait_until 'grep -q " Notes  *1 " "$T/screen"'
ok $? "the feed list has a Notes entry counting annotated stories"
keys G
wait_for "Key claim" && grep -q "^.*│ Notes  " "$T/screen" &&
	grep -q "│ \[1\] [0-9 A-Za-z]* · “Velmark’s gas storage" "$T/screen"
ok $? "the note is listed under the story with its number, date and passage"

keys q q
wait_dead
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_until 'grep -q " Notes  *1 " "$T/screen"'
keys Enter
wait_for "a day after[1]" -e && grep -q '48;5;58mVelmark’s gas' "$T/screen"
ok $? "the note and its mark are there after a restart"

keys q a
wait_for "Note on the story:"
keys 'whole story note' Enter
wait_for "note added"
keys a
wait_for "Note [1]: whole story note"
keys C-u Enter
wait_for "delete this note? (y/n)"
keys y
wait_for "note deleted"
"$DOSSIER" --db "$T/lib.db" note --list --json >"$T/notes"
[ "$(wc -l <"$T/notes")" -eq 1 ] && ! grep -q "whole story" "$T/notes"
ok $? "a on a noted story offers the note; emptied and confirmed, it goes"

keys Enter
wait_for "a day after[1]"
keys v
wait_for '38;5;61m' -e
keys Escape
wait_gone "select: j/k extend"
screen -e
! grep -q '38;5;61m' "$T/screen" && grep -q "Article" "$T/screen"
ok $? "Escape drops the selection and stays in the story"

printf 'unbind t\nbind T tag\n' >>"$T/config/dossier/config"
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
keys t T
wait_for "Tags: drones energy marovia"
ok $? "tag can be bound to another key in the config file"
keys Escape
exit 0
