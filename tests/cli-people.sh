#!/bin/sh
# One person across the library: two stories that spell a person two
# ways (Zelensky, Volodymyr Zelenskyy) give one name in 'dossier show',
# whichever came first; a bare surname two people share stays as the
# story has it; a place quoted is its state, "(government)". A join the
# library made by its own rules is parted by 'correct merge NAME --undo',
# and stays parted for stories imported and analysed later.
. "$top_srcdir/tests/lib.sh"
plan 14

mkdir -p "$T/in"
cat >"$T/in/1-bare.txt" <<'STORY'
Talks stall in Geneva

Ukrainian President Zelensky said on Monday that the talks had stalled. "We will not give up," Zelensky told reporters.
STORY
cat >"$T/in/2-full.txt" <<'STORY'
Kyiv asks for air defence

President Volodymyr Zelenskyy said the country needed more air defence. "Every day counts," Zelenskyy said.
STORY
cat >"$T/in/3-morrows.txt" <<'STORY'
Ministers meet in Oslo

Finance Minister Anna Morrow and Trade Minister Peter Morrow met on Monday. "We agreed," Anna Morrow said.
STORY
cat >"$T/in/4-morrow.txt" <<'STORY'
Budget agreed

Morrow said the budget was agreed on Tuesday. "It is done," Morrow told reporters.
STORY
cat >"$T/in/5-state.txt" <<'STORY'
Drone crossed the border

Officials met in Valdoria on Monday. Valdoria said the drone had crossed the border without warning. Valdorian farmers were angry.
STORY
cat >"$T/in/6-they.txt" <<'STORY'
Council condemns raids

The declaration read out on Thursday condemned what they called "a pattern of hostile acts" by Marovia against its neighbours.
STORY
run --db "$T/lib.db" import "$T/in"
[ $rc -eq 0 ]
ok $? "the stories are imported" || diag "$(cat "$T/err")"

# names: the distinct names of a story's entities and speakers (show --json).
names() {
	"$DOSSIER" --db "$T/lib.db" show --json "$1" |
	    grep -o '"name":"[^"]*"' | sort -u | tr '\n' ' '
}
a=$(names 1) b=$(names 2)
[ "$a" = '"name":"Volodymyr Zelenskyy" ' ] && [ "$b" = "$a" ]
ok $? "Zelensky and Volodymyr Zelenskyy are one person, named in full" ||
	diag "1: $a" "2: $b"

a=$(names 4)
[ "$a" = '"name":"Morrow" ' ]
ok $? "a surname two people of the library share joins neither" ||
	diag "4: $a"

run --db "$T/lib.db" show 5
[ $rc -eq 0 ] && has "$T/out" "  Valdoria (government) [org]" &&
	[ "$(grep -c '^  Valdoria  x2$' "$T/out")" = 1 ]
ok $? "a place quoted is its state; the place is listed once" ||
	diag "$(cat "$T/out")"

# A pronoun the extractor could not resolve names nobody: 'show' lists
# its quote as having no speaker found, never under "they" ("they" is
# not the declaration, the one subject the sentence has).
run --db "$T/lib.db" show 6
[ $rc -eq 0 ] && has "$T/out" "  (speaker not found)" &&
	! grep -q '^  they' "$T/out"
ok $? "an unresolved pronoun is no speaker in 'show'" ||
	diag "$(cat "$T/out")"

# A library an older dossier analysed keeps the bare surname apart;
# analysing the story again joins it.
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$T/lib.db" "INSERT INTO entities (kind, name, name_key, surname)
	    VALUES ('person', 'Zelensky', 'zelensk', 'zelensk');
	    UPDATE mentions SET entity_id = last_insert_rowid()
	    WHERE article_id = 1; UPDATE quotes SET speaker_id =
	    (SELECT id FROM entities WHERE name = 'Zelensky')
	    WHERE article_id = 1"
	a=$(names 1)
	run --db "$T/lib.db" analyze 1
	b=$(names 1)
	[ "$a" = '"name":"Zelensky" ' ] && [ $rc -eq 0 ] &&
	    [ "$b" = '"name":"Volodymyr Zelenskyy" ' ]
	ok $? "dossier analyze joins a surname an older analysis kept apart" ||
		diag "before: $a" "after: $b"
else
	skip "sqlite3 is not installed"
fi

# correct merge --undo parts what the library joined by its own rules.
run --db "$T/lib.db" correct merge Zelensky --undo
a=$(names 1) b=$(names 2)
[ $rc -eq 0 ] && has "$T/out" "Zelensky: kept apart from the name the library joined it to" &&
	[ "$a" = '"name":"Zelensky" ' ] && [ "$b" = '"name":"Volodymyr Zelenskyy" ' ]
ok $? "merge --undo parts a surname the library joined to the one person of it" ||
	diag "$(cat "$T/out" "$T/err")" "1: $a" "2: $b"

run --db "$T/lib.db" correct list --json
[ $rc -eq 0 ] && has "$T/out" '{"type":"apart","kind":"person","name":"Zelensky"}'
ok $? "correct list shows the name kept apart" || diag "$(cat "$T/out" "$T/err")"

cat >"$T/in/7-full-again.txt" <<'STORY'
Air defence arrives

President Volodymyr Zelenskyy thanked the allies on Friday. "It came in time," Zelenskyy said.
STORY
cat >"$T/in/8-bare-again.txt" <<'STORY'
A visit to the front

Zelensky visited the front on Saturday. "We hold," Zelensky told soldiers.
STORY
run --db "$T/lib.db" import "$T/in"
run2=$rc
run --db "$T/lib.db" analyze --all --quiet
a=$(names 1) b=$(names 8) c=$(names 7)
[ $run2 -eq 0 ] && [ $rc -eq 0 ] && [ "$a" = '"name":"Zelensky" ' ] &&
	[ "$b" = '"name":"Zelensky" ' ] && [ "$c" = '"name":"Volodymyr Zelenskyy" ' ]
ok $? "it stays apart in stories imported and analysed later" ||
	diag "1: $a" "8: $b" "7: $c"

run --db "$T/lib.db" correct merge Zelensky --undo
a=$(names 1) b=$(names 8)
[ $rc -eq 0 ] && has "$T/out" "Zelensky: no longer kept apart" &&
	[ "$a" = '"name":"Volodymyr Zelenskyy" ' ] && [ "$b" = "$a" ]
ok $? "a second --undo lets the library join it again" ||
	diag "$(cat "$T/out" "$T/err")" "1: $a" "8: $b"

run --db "$T/lib.db" correct merge Morrow --undo
[ $rc -ne 0 ] || has "$T/out" "Morrow: not merged into another name"
r=$?
run --db "$T/lib.db" correct list --json
[ $r -eq 0 ] && ! has "$T/out" '"name":"Morrow"'
ok $? "a name the library joins to nothing is not kept apart" ||
	diag "$(cat "$T/out" "$T/err")"

# A role set on a bare surname stays with the person when a later story
# names them in full.
mkdir -p "$T/lutz"
cat >"$T/lutz/1.txt" <<'STORY'
Budget talks

Lutz said on Monday that the budget would hold. "We will not cut pensions," Lutz told reporters.
STORY
"$DOSSIER" --db "$T/lutz.db" import "$T/lutz" >/dev/null 2>&1
"$DOSSIER" --db "$T/lutz.db" correct person Lutz --role "Energy Minister" >/dev/null 2>&1
cat >"$T/lutz/2.txt" <<'STORY'
Gas prices

Hanne Lutz said on Tuesday that gas prices would fall. "The worst is over," Hanne Lutz said.
STORY
"$DOSSIER" --db "$T/lutz.db" import "$T/lutz" >/dev/null 2>&1
"$DOSSIER" --db "$T/lutz.db" show 1 >"$T/s1"
"$DOSSIER" --db "$T/lutz.db" show 2 >"$T/s2"
run --db "$T/lutz.db" correct list
has "$T/s1" "  Hanne Lutz, Energy Minister  x2" &&
	has "$T/s2" "  Hanne Lutz, Energy Minister  x2" &&
	has "$T/out" "person  Hanne Lutz (person): role Energy Minister"
ok $? "a role set on a surname follows the person to the full name" ||
	diag "$(cat "$T/s1" "$T/s2" "$T/out")"

# "the Civic Dawn leader told the crowd" in a story naming Lidia Stansk,
# and "Civic Dawn leader Lidia Stansk" in another: her words, in either
# order; "the official" is never a named person.
cat >"$T/desc-a.txt" <<'STORY'
On the trail in Korvala

Lidia Stansk, 46, arrived in the town two hours late. "They stopped us to check the tyres," the Civic Dawn leader told the crowd. "Nobody called us first," the official said.
STORY
cat >"$T/desc-b.txt" <<'STORY'
Amnesty rejected

Civic Dawn leader Lidia Stansk, who lives in Brenmark, called the amnesty a trap. Kasimir Oll, an official of the party, said little.
STORY
speaker_of() {
	"$DOSSIER" --db "$1" show "$2" | grep -B1 "^    $3" | head -1
}
for order in ab ba; do
	rm -f "$T/desc.db"*
	if [ $order = ab ]; then
		"$DOSSIER" --db "$T/desc.db" import "$T/desc-a.txt" "$T/desc-b.txt" >/dev/null 2>&1
	else
		"$DOSSIER" --db "$T/desc.db" import "$T/desc-b.txt" >/dev/null 2>&1
		"$DOSSIER" --db "$T/desc.db" import "$T/desc-a.txt" >/dev/null 2>&1
	fi
	a=$(sqlite3 "$T/desc.db" "SELECT id FROM articles WHERE title LIKE 'On the trail%'" 2>/dev/null ||
	    echo 1)
	s1=$(speaker_of "$T/desc.db" "$a" '"They stopped us')
	s2=$(speaker_of "$T/desc.db" "$a" '"Nobody called us first"')
	[ "$s1" = "  Lidia Stansk" ] && [ "$s2" = "  the official [unnamed]" ]
	ok $? "a source described by her role is the person titled so elsewhere ($order)" ||
		diag "$s1" "$s2" "$("$DOSSIER" --db "$T/desc.db" show "$a")"
done
