#!/bin/sh
# Corrections on the screen, driven in tmux on a library of the samples:
# the quote cursor (] and [) through every quote of a story, attributed or
# not, the c menus on a quote (in the story and in the quotes view) and on
# a name (in the sidebar); after each the screen is read, and the store
# with dossier show --json.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
plan 30

sample_db
use_theme default
DB="$T/lib.db"

# json ID EXPR: evaluate a python expression over story ID's show --json
# (as d); prints its value.
json() {
	"$DOSSIER" --db "$DB" show --json "$1" | python3 -c '
import json, sys
d = json.load(sys.stdin)
q = d["quotes"]
def who(x):
	s = x.get("speaker") or {}
	return s.get("name") or s.get("text")
print(eval(sys.argv[1]))' "$2"
}

# marked TEXT: the pane (with colours) shows TEXT's first words, and only
# the words of one quote, in the quote mark's colours (theme default:
# background colour150).
marked() {
	screen -e
	python3 - "$T/screen" "$1" <<'PY'
import re, sys
scr = open(sys.argv[1]).read()
on, got = False, []
for part in re.split(r"(\x1b\[[0-9;:]*m)", scr):
	if part.startswith("\x1b["):
		on = "48;5;150" in part
	elif on:
		got.append(part)
got = " ".join(" ".join(got).split())
want = " ".join(sys.argv[2].split())[:15]
sys.exit(0 if want and want in got and len(got) < 400 else 1)
PY
}

# side_to NAME: move the sidebar's cursor (the sidebar focused) to NAME.
side_to() {
	keys g
	sleep 0.3	# no marker tells g was read when it moves nothing
	wait_for "48;5;231m " -e
	i=0
	while [ $i -lt 40 ]; do
		grep -qF -- "48;5;231m $1 " "$T/screen" && return 0
		cp "$T/screen" "$T/prev"
		keys j
		k=0
		while [ $k -lt 40 ] && screen -e && cmp -s "$T/screen" "$T/prev"
		do
			sleep 0.05
			k=$((k + 1))
		done
		[ $k -lt 40 ] || break
		i=$((i + 1))
	done
	diag "no $1 in the sidebar"
	return 1
}

# The newest story, the one Enter opens first: its quotes in body order.
nq=$(json 15 'len(q)')
w1=$(json 15 'who(q[0])')
w4=$(json 15 'who(q[3])')
w3=$(json 15 'who(q[2])')
t4=$(json 15 'q[3]["text"][:20]')

start 120 40 "$DOSSIER" --db "$DB"
wait_for "15 articles"
keys Enter
wait_for "Velmark’s gas storage sites are 88 per cent full"
keys ']'
wait_for "quote 1 of $nq: $w1"
ok $? "] marks the story's first quote and names its speaker"
keys 3 ']'
wait_for "quote 4 of $nq: $w4" && marked "$t4"
ok $? "a count before ] moves that many quotes, the quote in view"
keys '['
wait_for "quote 3 of $nq: $w3"
ok $? "[ marks the previous quote"
keys 5 '['
wait_for "quote 1 of $nq: $w1"
keys '['
wait_for "no quote before this one"
keys ']'
wait_for "quote 2 of $nq"
ok $? "a count goes as far as the first quote, [ there says so; ] goes on"
keys G
wait_for "Bot"
keys ']'
wait_for "quote 3 of $nq: $w3" && marked "$(json 15 'q[2]["text"]')"
ok $? "with the view scrolled away, ] goes on from the marked quote, in view"

# Unattributed quotes are on the cursor too: every quote is counted.
keys 9 9 ']'
wait_for "quote $nq of $nq: $(json 15 'who(q[-1])')" && keys ']' &&
	wait_for "no quote after this one" && marked "$(json 15 'q[-1]["text"]')"
ok $? "] stops at the last quote; every quote is on the cursor"

# The quotes view opened while lines of the story are selected: q leaves
# it at once, and the selection is the story's still (it was dropped by
# the first q, unseen, and the view stayed).
keys q
wait_for "Enter:open"
keys Enter
wait_for "Velmark’s gas storage sites are 88 per cent full"
keys v j j
wait_for '48;5;231mVelmark’s gas storage sites' -e
keys Tab W
wait_for "Quotes: $w1"
keys q
wait_gone "Quotes: " && wait_for '48;5;231mVelmark’s gas storage sites' -e
ok $? "q leaves a quotes view opened from a selection; the selection stays"

# Corrections of a quote in the story.
start 120 40 "$DOSSIER" --db "$DB"
wait_for "15 articles"
keys Enter
wait_for "Velmark’s gas storage sites are 88 per cent full"
before=$(json 15 'q')
w2=$(json 15 'who(q[1])')
keys 2 ']'
wait_for "quote 2 of $nq: $w2"
keys c
wait_for "Correct: s speaker  u unnamed  x not a quote  z undo"
keys Escape
wait_gone "Correct: s speaker" && keys c s && wait_for "Speaker: $w2" &&
	keys Escape && wait_gone "Speaker:" && [ "$(json 15 'q')" = "$before" ]
ok $? "Escape at the menu and at the name prompt changes nothing"
keys c s
wait_for "now $w2 · “$(json 15 'q[1]["text"][:30]')" && keys Escape &&
	wait_gone "now $w2 ·"
ok $? "above the name prompt, the quote's speaker now and its words"

keys c s C-u Enter
wait_for "the speaker's name is empty" && [ "$(json 15 'q')" = "$before" ]
ok $? "an empty name is an error, and nothing changes"
long=$(printf '%0250d' 0 | tr 0 x)
keys c s C-u "$long" Enter
wait_for "is too long" && [ "$(json 15 'q')" = "$before" ]
ok $? "a name too long is an error, and nothing changes"
keys c q
wait_for "q is not one of s, u, x, z: nothing changed" &&
	[ "$(json 15 'q')" = "$before" ]
ok $? "a key that is no choice says so, and nothing changes"

keys c s C-u 'Anja' C-a C-t C-e ' Brekk' Enter
wait_for "quote credited to Anja Brekk" &&
	[ "$(json 15 'who(q[1]) + " " + str(q[1]["corrected"])')" = "Anja Brekk True" ]
ok $? "c s credits the quote to the name typed, no control key in it (store)"
# The sidebar counts follow: Anja Brekk is quoted once (a corrected quote:
# starred), Hanne Lutz once less.
hl=$(json 15 'sum(1 for x in q if who(x) == "Hanne Lutz")')
wait_until 'grep -qE "Anja Brekk +\*1( |\$)" "$T/screen" &&
    grep -qE "Hanne Lutz +$hl( |\$)" "$T/screen"' &&
	keys ']' '[' && wait_for "quote 2 of $nq: Anja Brekk (corrected)"
ok $? "the sidebar and the quote cursor show the correction at once"

# Quote 3 continues quote 2 (one statement split by its cue, credited
# whole above): the strike is tried on quote 4, a statement of its own.
keys ']' ']'
wait_for "quote 4 of $nq"
keys c x
wait_for "marked not a quote" &&
	[ "$(json 15 'len(q)')" = $((nq - 1)) ]
ok $? "c x strikes the quote out of the story's quotes"
keys '[' ']'
wait_for "quote 4 of $nq: not a quote"
ok $? "the quote struck out stays on the cursor, so it can be undone"

keys ']' c u
wait_for "Unnamed source: an unnamed source"
keys Enter
wait_for "quote credited to an unnamed source" &&
	[ "$(json 15 '(q[3]["speaker"] or {}).get("kind")')" = unnamed ]
ok $? "c u credits the quote to an unnamed source"

keys 3 '[' c z
wait_for "correction dropped; 1 story analysed again" &&
	[ "$(json 15 'who(q[1]) + " " + str(q[1]["corrected"])')" = "$w2 False" ]
ok $? "c z undoes the correction: the machine's reading is back"
keys 2 ']' c z
wait_until '[ "$(json 15 "len(q)")" = $nq ]'
keys ']' c z
wait_until '[ "$(json 15 "q")" = "$before" ]'
ok $? "undoing every correction gives the story back as it was"

# The quotes view: correct the selected quote; it leaves the list.
keys Tab
side_to "$w1"
keys W
# The title is "Quotes: NAME, ROLE (COUNT)": the count is the last number.
wait_until 'grep -q "Quotes: $w1.* ([0-9]*)" "$T/screen"'
nl=$(grep -o "Quotes: $w1.* ([0-9]*)" "$T/screen" | grep -o '([0-9]*)' | tr -d '()')
keys c s C-u 'Anja Brekk' Enter
wait_for "quote credited to Anja Brekk" &&
	wait_until 'grep -q "Quotes: $w1.* ($((nl - 1)))" "$T/screen"'
ok $? "c in the quotes view corrects the selected quote; it leaves the list"
t2=$(json 15 '[x["text"][:25] for x in q if who(x) == "Anja Brekk"][0]')
[ -n "$t2" ] && ! grep -qF "$t2" "$T/screen"
ok $? "the store has it, and the quote is no longer in that list"
keys q
side_to "Anja Brekk"
keys W
wait_for "Quotes: Anja Brekk (" && { grep -qF "[corrected] “$t2" "$T/screen" ||
	grep -qF "[corrected] reported: $t2" "$T/screen"; }
ok $? "the quotes view of the new speaker marks the quote corrected"

# Names in the sidebar: merge one into another, set a role.
keys q
side_to "Dieter Kamp"
ents=$(json 15 'd["entities"]')
keys c
wait_for "Correct: m merge into…  r role  f affiliation  z undo"
keys Escape
wait_gone "Correct: m merge" && keys c m && wait_for "Merge Dieter Kamp into:" &&
	keys 'Hanne Lutz' Escape && wait_gone "Merge Dieter Kamp" &&
	keys c r && wait_for "Role of Dieter Kamp: Foreign Minister" &&
	keys Escape && wait_gone "Role of" && [ "$(json 15 'd["entities"]')" = "$ents" ]
ok $? "Escape at the name's menu and at its prompts changes nothing"
keys c m
wait_for "Merge Dieter Kamp into:"
keys 'Hanne Lutz' Enter
wait_for "merged Dieter Kamp into Hanne Lutz" &&
	wait_until '! sed "\$d" "$T/screen" | awk -F"│" "{ print \$NF }" |
	    grep -q "Dieter Kamp"' &&
	[ "$(json 15 'sum(1 for x in d["entities"] if x.get("name") == "Dieter Kamp")')" = 0 ]
ok $? "c m merges a name into another: the sidebar and the store lose it"
kamp=0
for id in $(seq 1 15); do
	kamp=$((kamp + $(json $id 'sum(1 for x in d["entities"] if x.get("name") == "Dieter Kamp")')))
done
[ $kamp = 0 ] && [ "$(json 15 'who([x for x in q if "curious" in x["text"]][0])')" = "Hanne Lutz" ]
ok $? "the merge holds in every story of the library, his quote too"
side_to "Tomas Reyn"
keys c r
wait_for "Role of Tomas Reyn: "
keys C-u 'Chief of Patrols' Enter
wait_for "Tomas Reyn: role Chief of Patrols" && wait_for " Chief of Patrols" &&
	json 15 'd["entities"]' | grep -q "Chief of Patrols"
ok $? "c r sets a role: the sidebar shows it, the store has it"
keys c z
wait_for "Tomas Reyn: correction dropped; " && wait_for "analysed again" &&
	wait_gone "Chief of Patrols"
ok $? "c z on the name undoes the role"
side_to "Hanne Lutz"
keys c z
wait_for "Undo the merge into Hanne Lutz of: "
keys 'Dieter Kamp' Enter
wait_for "Dieter Kamp: correction dropped; " && wait_for "analysed again" &&
	wait_until 'sed "\$d" "$T/screen" | awk -F"│" "{ print \$NF }" |
	    grep -q "Dieter Kamp"' &&
	[ "$(json 15 'who([x for x in q if "curious" in x["text"]][0])')" = "Dieter Kamp" ]
ok $? "c z on a name with no role set undoes a merge into it: he is back"

# Narrow: the menu's short wording, and names never break the screen.
start 40 20 "$DOSSIER" --db "$DB"
wait_for "15 articles"
keys Enter ']' c
wait_for "Correct: s/u/x/z"
ok $? "in 40 columns the menu offers its keys in a shorter wording"
keys Escape Tab c
wait_for "correct from the"
ok $? "c where nothing can be corrected says where to press it"
exit 0
