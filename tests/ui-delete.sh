#!/bin/sh
# The same story twice, and deleting on the screen: both copies of a
# story are marked = in the list; the wire copy says in its header which story it repeats and whose quotes are
# counted; the quotes view counts its quotes once, naming the other
# outlet; D asks before deleting, naming the notes and tags that go with
# the story, n keeps it, y deletes it and the group follows; dossier
# delete on a terminal asks too.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
plan 12

sample_db
mkdir -p "$T/wire"
sed -e 's/^source: Brenmark Daily/source: Northern Wire/' \
    -e 's|^url: .*|url: "https://wire.example/gas"|' \
    -e 's/^date: 2025-12-05/date: 2025-12-06/' \
    "$top_srcdir/samples/library/2025-12-05-velmark-gas-storage-winter.md" \
    >"$T/wire/gas.md"
"$DOSSIER" --db "$T/lib.db" import --quiet "$T/wire" >/dev/null 2>&1
"$DOSSIER" --db "$T/lib.db" tag 15 +mine >/dev/null 2>&1
"$DOSSIER" --db "$T/lib.db" note 15 "my note" >/dev/null 2>&1
use_theme default
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "16 articles"
grep -q "│= 6 Dec 2025 Velmark says gas storage" "$T/screen" &&
	grep -q "│= 5 Dec 2025 Velmark says gas storage" "$T/screen" &&
	grep -q "│ 18 Nov 2025 Sarvenian refugees" "$T/screen"
ok $? "the list marks both copies of the story with ="
keys Enter
wait_for "Also in: #15 Brenmark Daily (the same story; its quotes are" &&
	grep -q "counted once, in #15)" "$T/screen"
ok $? "the copy's header names the story it repeats and whose quotes count"

keys Tab W
wait_for "Brenmark Daily (also in Northern Wire)"
ok $? "the quotes view counts the quote once, naming the other outlet"

keys Q
wait_dead
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "16 articles"
keys j D
wait_for 'Delete story 15 "Velmark says gas storage will last the' &&
	grep -q 'with its 1 note, 1 tag? (y/n)' "$T/screen"
ok $? "D asks first, naming the story and the notes and tags that go with it"
keys n
wait_for "nothing deleted" && grep -q "All (16)" "$T/screen" &&
	"$DOSSIER" --db "$T/lib.db" show 15 >/dev/null 2>&1
ok $? "n keeps the story"

keys D
wait_for "(y/n)"
keys y
wait_for "deleted story 15" && wait_for "All (15)" &&
	grep -q "│  6 Dec 2025 Velmark says gas storage" "$T/screen"
ok $? "y deletes the story under the cursor; the list, its marks and counts follow"
"$DOSSIER" --db "$T/lib.db" show 16 >"$T/out" 2>&1 &&
	! has "$T/out" "Also in:" &&
	! "$DOSSIER" --db "$T/lib.db" show 15 >/dev/null 2>&1 &&
	[ "$("$DOSSIER" --db "$T/lib.db" note --list | grep -c "my note")" = 0 ]
ok $? "its note went with it; the copy stays, alone and counted"

keys g Enter
wait_for "Northern Wire · 6 Dec 2025"
keys D
wait_for 'Delete story 16 "Velmark says gas storage will last the' &&
	grep -q '(it has no notes or tags)? (y/n)' "$T/screen"
ok $? "in the story, D asks about the open story, saying it has no notes"
keys y
wait_for "deleted story 16" && wait_for "All (14)"
ok $? "y deletes the open story and closes it"
keys Q
wait_dead

# dossier delete on a terminal asks, after saying what would be lost.
"$DOSSIER" --db "$T/lib.db" note 14 "keep me" >/dev/null 2>&1
start 100 10 sh -c '"$0" --db "$1" delete 14; echo "rc=$?"' "$DOSSIER" "$T/lib.db"
wait_for "Delete it with these? (y/n)" && grep -q "story 14 has 1 note" "$T/screen"
ok $? "delete on a terminal says what would be lost and asks y/n"
keys n Enter
wait_for "rc=1" && grep -q "nothing deleted" "$T/screen" &&
	"$DOSSIER" --db "$T/lib.db" show 14 >/dev/null 2>&1
ok $? "n keeps the story"
start 100 10 sh -c '"$0" --db "$1" delete 14; echo "rc=$?"' "$DOSSIER" "$T/lib.db"
wait_for "(y/n)"
keys y Enter
wait_for "rc=0" && grep -q "1 story deleted" "$T/screen" &&
	! "$DOSSIER" --db "$T/lib.db" show 14 >/dev/null 2>&1
ok $? "y deletes it with its note"
