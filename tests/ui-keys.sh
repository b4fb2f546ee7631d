#!/bin/sh
# Keys newsboat and vim users reach for: h/Left back, l/Right open, C-d and
# C-u, b, A marking a listing read, Q from a nested view, n wrapping; the
# key-hint line of the focused pane and its change after a rebind.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
plan 42

sample_db
cp "$T/lib.db" "$T/fresh.db"
use_theme default
cfg="$T/config/dossier/config"

# The list's position, "n/15", from the title line of the article list.
pos() { grep -o ' [0-9]*/15' "$T/screen" | head -1 | tr -d ' '; }

start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
wait_for "Enter:open  t:tag  a:note  /:search  A:mark read"
ok $? "the hint line shows the article list's keys"

keys l
wait_for "Velmark’s gas storage sites are 88 per cent full"
ok $? "l opens the selected story"
wait_for "h:back  n:next unread  t:tag  a:note  v:select  o:browser"
ok $? "the hint line follows the focus to the story"

keys h
wait_for "Enter:open  t:tag  a:note"
ok $? "h goes back from the story to the list"
keys j Right
wait_for "Ulmgrad Observer · Vera Kolan · 18 Nov 2025"
ok $? "Right opens the selected story"
keys Left
wait_for "Enter:open  t:tag  a:note"
keys h
wait_for "Enter:open  R:fetch  A:mark read"
ok $? "h in the article list moves to the feed list"
keys h h Left
wait_for "Enter:open  R:fetch"
keys j
sleep 0.2
[ "$(tm display-message -p '#{pane_dead}')" = 0 ]
ok $? "h in the feed list never quits"

# C-d and C-u: half a page of the list; b: a page back, as in less.
keys g Tab
wait_for "Enter:open  t:tag"
keys g
wait_for " 1/15"
keys C-d
wait_until '[ "$(pos)" != 1/15 ] && [ -n "$(pos)" ]'
half=$(pos)
[ "${half%/15}" -gt 2 ]
ok $? "C-d moves half a page down ($half)"
keys C-u
wait_until '[ "$(pos)" = 1/15 ]'
ok $? "C-u moves half a page back up"
keys G b
wait_until '[ "$(pos)" != 15/15 ] && [ -n "$(pos)" ]'
back=$(pos)
[ "${back%/15}" -lt "${half%/15}" ]
ok $? "b moves a page up ($back)"

# Q from a nested view: a story, then a speaker's quotes from the sidebar.
keys g Enter
wait_for "Velmark’s gas storage"
keys Tab
wait_for "Enter:stories"
keys Enter
wait_for "Enter:open story"
keys Q
wait_dead
ok $? "Q quits from the quotes view at once"

start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
keys '?'
wait_for "hard-quit"
keys Q
wait_dead
ok $? "Q quits from the help screen"

# n wraps to the first unread story; says when there are none.
cp "$T/fresh.db" "$T/lib.db"
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
keys G n
wait_for "wrapped to the first unread story"
ok $? "n past the last unread story wraps to the first"
has "$T/screen" "Brenmark Daily · 5 Dec 2025" && [ "$(pos)" = 1/15 ]
ok $? "the wrapped n opens the first unread story"
keys q g N
wait_for "wrapped to the last unread story"
wait_for " 15/15"
ok $? "N before the first unread story wraps to the last"

# A: every story of the listing shown, by a search; asked when many.
cp "$T/fresh.db" "$T/lib.db"
printf 'set theme %s/themes/default\nset confirm-mark-read 2\n' \
    "$top_srcdir" >"$cfg"
"$DOSSIER" --db "$T/lib.db" search --json sarvenian |
	grep -o '"id":[0-9]*' | cut -d: -f2 | sort >"$T/hits"
"$DOSSIER" --db "$T/lib.db" list --json --unread |
	grep -o '"id":[0-9]*' | cut -d: -f2 | sort >"$T/unread"
# What the search finds (and of it, unread) is the CLI's word, not a
# number written here: the screen must agree with it.
nhits=$(wc -l <"$T/hits")
nunread=$(comm -12 "$T/hits" "$T/unread" | wc -l)
[ "$nunread" -gt 2 ] || echo "Bail out! too few unread hits ($nunread)"
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
keys / && wait_for "Search:" && keys sarvenian Enter
wait_for "Search: sarvenian ($nhits)"
keys A
wait_for "Mark $nunread unread stories in Search: sarvenian read? (y/n)"
ok $? "A asks first past confirm-mark-read"
keys n
wait_for "nothing marked read"
"$DOSSIER" --db "$T/lib.db" list --json --unread | grep -c '"id"' >"$T/n"
[ "$(cat "$T/n")" -ge "$nunread" ] &&
	"$DOSSIER" --db "$T/lib.db" list --json --unread | grep -q Sarvenian
ok $? "no at the question marks nothing"
unread_before=$("$DOSSIER" --db "$T/lib.db" list --json --unread | grep -c '"id"')
keys A
wait_for "(y/n)"
keys y
wait_for "marked $nunread stories read"
ok $? "y marks the listing's stories read"
"$DOSSIER" --db "$T/lib.db" list --json | grep '"read":true' |
	grep -o '"id":[0-9]*' | cut -d: -f2 | sort >"$T/read"
comm -23 "$T/hits" "$T/read" | grep -q . && bad=1 || bad=0
unread_after=$("$DOSSIER" --db "$T/lib.db" list --json --unread | grep -c '"id"')
[ $bad = 0 ] && [ $((unread_before - unread_after)) -eq "$nunread" ]
ok $? "list --json: the search's stories are read, and no others"
keys A
wait_for "no unread stories in Search: sarvenian"
ok $? "A on a listing with nothing unread says so"

# A under the threshold marks at once; then n finds no unread story.
printf 'set theme %s/themes/default\n' "$top_srcdir" >"$cfg"
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
keys A
wait_for "stories read"
! has "$T/screen" "(y/n)" &&
	! "$DOSSIER" --db "$T/lib.db" list --json --unread | grep -q '"id"'
ok $? "A on All under the threshold marks every story read, unasked"
keys n
wait_for "no unread stories"
ok $? "n with no unread story says so"

# The hint line is made from the key table: a rebind shows; hints off.
cat >"$cfg" <<EOC
set theme $top_srcdir/themes/default
unbind A
bind M mark-list-read
bind -T list / open
bind -T list O search
EOC
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
wait_for "/:open  t:tag  a:note  O:search  M:mark read"
ok $? "after a rebind the hint line shows the keys as bound"
keys h
wait_for "Enter:open  R:fetch  M:mark read  /:search"
ok $? "a key bound in one pane's table changes that pane's hint only"
# The sidebar's Enter is named for what it does on the name under the
# cursor: a speaker's quotes, a place's stories.
keys Tab Enter
wait_for "Velmark’s gas storage sites"
keys Tab
wait_for "Enter:dossier  h:back  e:hide"
ok $? "on a speaker in the sidebar the hint line says Enter:dossier"
keys G
wait_for "Enter:stories  h:back  e:hide"
ok $? "on a place it says Enter:stories"
keys q
wait_gone "People & quotes"
keys h

# The status line does not repeat the hint line's keys.
screen
! tail -1 "$T/screen" | grep -q ':help\|:quit'
ok $? "with the hint line shown the status line names no keys"
keys : && wait_for ":" && keys "set hints no" Enter
wait_gone "Enter:open  R:fetch"
ok $? "set hints no hides the hint line"
wait_until 'tail -1 "$T/screen" | grep -q "  ?:help  q:quit$"'
ok $? "with no hint line the status line ends with ?:help q:quit"
# Made from the key table: a rebind shows, and quit in a story goes back.
keys : && wait_for ":" && keys "bind H help" Enter
keys : && wait_for ":" && keys "unbind ?" Enter
keys : && wait_for ":" && keys "bind x quit" Enter
keys : && wait_for ":" && keys "unbind q" Enter
wait_until 'tail -1 "$T/screen" | grep -q "  H:help  x:quit$"'
ok $? "the status line's keys follow a rebind"
keys Tab Enter
wait_for "Velmark’s gas storage sites"
wait_until 'tail -1 "$T/screen" | grep -q "  H:help  x:back$"'
ok $? "in a story the quit key is named for what it does there: back"
keys : && wait_for ":" && keys "unbind H" Enter
wait_until 'tail -1 "$T/screen" | grep -q "[0-9] unread  *x:back$"'
ok $? "an unbound operation drops out of the status line"

# Escape goes back alike from the quotes view, the sidebar and a story,
# never quits; after a count it only drops the count.
printf 'set theme %s/themes/default\n' "$top_srcdir" >"$cfg"
start 120 40 "$DOSSIER" --db "$T/fresh.db"
wait_for "15 articles"
keys 5 Escape j
wait_until '[ "$(pos)" = 2/15 ]'
ok $? "Escape after a count drops the count: j moves one row"
keys Enter Tab W
wait_for "Quotes: Hanne Lutz"
keys Escape
wait_gone "Quotes: Hanne Lutz"
ok $? "Escape closes the quotes view"
has "$T/screen" "People & quotes" && wait_for "Enter:dossier  h:back"
keys Escape
wait_gone "People & quotes"
ok $? "Escape in the sidebar closes the story, as h does"
keys Escape Escape Escape
wait_for "Enter:open  R:fetch"
[ "$(tm display-message -p '#{pane_dead}')" = 0 ]
ok $? "Escape in the lists moves to the feed list and never quits"

# A listing chosen in the feed list: q goes back to the feed list, as in
# newsboat, and quits only from there.
printf 'set theme %s/themes/default\n' "$top_srcdir" >"$cfg"
start 120 40 "$DOSSIER" --db "$T/fresh.db"
wait_for "15 articles"
keys h j Enter
wait_for "Enter:open  t:tag  a:note  /:search  A:mark read  s:star  ?:help  q:back"
ok $? "in a listing chosen in the feed list the hint line says q:back"
keys q
wait_for "Enter:open  R:fetch"
[ "$(tm display-message -p '#{pane_dead}')" = 0 ]
ok $? "q there goes back to the feed list, not out of the program"
keys q
wait_dead
ok $? "q in the feed list quits"

# A question too long for a 40-column line keeps its (y/n) whole.
printf 'set theme %s/themes/default\nset confirm-mark-read 2\n' \
	"$top_srcdir" >"$cfg"
start 40 10 "$DOSSIER" --db "$T/fresh.db"
wait_for "articles"
keys A
wait_until 'tail -1 "$T/screen" | grep -q "^Mark [0-9]* unread stories in.*… (y/n)$"'
ok $? "at 40 columns the mark-read question is cut before its (y/n)"
keys n
wait_for "nothing marked read"

# A hint line too narrow for ?:help leaves it to the status line.
printf 'set theme %s/themes/default\n' "$top_srcdir" >"$cfg"
start 60 24 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
wait_until 'tail -2 "$T/screen" | head -1 | grep -q "s:star$" &&
	tail -1 "$T/screen" | grep -q "  ?:help  q:quit$"'
ok $? "at 60 columns the status line names the keys the hint line cannot"
keys Enter
wait_until 'tail -2 "$T/screen" | head -1 | grep -q "^ h:back" &&
	tail -1 "$T/screen" | grep -q "[0-9] unread  *?:help$"'
ok $? "and in a story only help: the hint line shows back"
exit 0
