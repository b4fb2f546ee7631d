#!/bin/sh
# Search as an analyst types it: every form of a word (stems), a prefix
# as written (negotiat* finds negotiations, whose stem is negoti), exact
# words in quotes, each left out, field filters with stems, accents and
# Cyrillic, and a count that agrees with the list.
. "$top_srcdir/tests/lib.sh"
plan 16

db="$T/lib.db"
mkdir "$T/st"
story() { printf '%s\n\n%s\n' "$2" "$3" >"$T/st/$1.txt"; }
story 1 "Drones over Kyiv" "The drones flew at night."
story 2 "A drone story" "One drone was seen over the border."
story 3 "Sanctions widened" "The union sanctioned three banks."
story 4 "Talks resume" "Negotiations between the parties resumed. \"We will negotiate in good faith,\" said Volodymyr Zelenskyy."
story 5 "A new policy" "The policies of the government changed."
story 6 "Köln hosts summit" "Leaders met in Köln. Зеленський прибув до Кельна."
story 7 "Koln rain" "Rain in Koln stopped play. Зеленського не було."
story 8 "Weather" "Sanction relief was discussed; a red line was drawn."
story 9 "Negotiations stall" "The hopes of the capabilities gap faded."
"$DOSSIER" --db "$db" import --quiet "$T/st" >/dev/null 2>&1 || exit 1

# ids QUERY: the ids the search lists, in order; and the count agrees.
ids() {
	"$DOSSIER" --db "$db" search -- "$1" >"$T/out" 2>"$T/err"
	got=$(awk '/^ *[0-9]+ / { printf "%s%s", sep, $1; sep = " " }' \
	    "$T/out")
	n=$("$DOSSIER" --db "$db" search --count -- "$1" 2>/dev/null)
	listed=$(printf '%s' "$got" | wc -w)
	if [ "${n:-0}" -ne "$listed" ]; then
		echo "count $n != $listed listed"
		return
	fi
	echo "$got"
}
# want DESCRIPTION QUERY=IDS...: each query lists exactly these ids.
want() {
	desc=$1; shift
	bad=
	for qa in "$@"; do
		q=${qa%%=*}
		w=${qa#*=}
		g=$(ids "$q")
		[ "$g" = "$w" ] || bad="$bad [$q: $g, not $w]"
	done
	[ -z "$bad" ]
	ok $? "$desc" || diag "$bad"
}

want "every form of a word finds the others" \
    "drone=2 1" "drones=2 1" "sanction=8 3" "sanctions=8 3" \
    "sanctioned=8 3" "negotiate=9 4" "negotiations=9 4" "policy=5" \
    "policies=5"
want "a quoted word is that form only" \
    '"drone"=2' '"drones"=1' '"sanctioned"=3' '"negotiate"=4' \
    '"policy"=5' '"sanction"=8'
want "a prefix is the start of a word as written, whatever its stem" \
    "negotiat*=9 4" "negotia*=9 4" "negotiati*=9 4" "sanctio*=8 3" \
    "polic*=5" "hop*=9" "capabilit*=9" "capab*=9" "dron*=2 1" \
    "negotiatx*="
want "a prefix in the title, and a prefix phrase" \
    "title:negotiat*=9" "title:talk*=4" "title:polic*=5" \
    '"red lin"*=8' '"red lie"*='
want "each form left out" \
    "-drone=9 8 7 6 5 4 3" '-"drones"=9 8 7 6 5 4 3 2' \
    "-negotiat*=8 7 6 5 3 2 1" 'drone -"drones"=2' \
    'sanction -"sanctioned"=8' 'negotiat* -title:talks=9'
want "OR with stems, prefixes and exact words" \
    "drone OR policy=5 2 1" 'negotiat* OR "drones"=9 4 1'
want "accents and case do not matter; Cyrillic is searched" \
    "Köln=7 6" "koln=7 6" "KÖLN=7 6" "Зеленський=6" "зеленський=6" \
    "Зеленськ*=7 6" "zelenskyy=4" "Zelenskyy=4"
want "field filters with stems and dates" \
    "title:drone=2 1" 'title:"drones"=1' "speaker:zelenskyy=4" \
    "speaker:Zelensky=4" "before:2000 drone=" "after:2000 drones=2 1"

# Names in speaker:, outlet: and by: match as words do: any case, any
# accents (a library of its own, so the ids above stay).
mkdir "$T/names"
printf '%s\n' '<html><head><title>Turkey warns</title>' \
    '<meta property="og:site_name" content="Süddeutsche Zeitung">' \
    '<meta name="author" content="Zoë Müller"></head><body><article>' \
    '<p>"We will not accept this," said Turkish President Recep Tayyip' \
    'Erdoğan on Monday.</p></article></body></html>' >"$T/names/e.html"
"$DOSSIER" --db "$T/names.db" import --quiet "$T/names" >/dev/null 2>&1
bad=
for q in speaker:Erdoğan speaker:erdogan speaker:ERDOĞAN speaker:ERDOGAN \
    'speaker:"recep tayyip"' outlet:süddeutsche outlet:SUDDEUTSCHE \
    by:zoe by:MULLER; do
	n=$("$DOSSIER" --db "$T/names.db" search --count -- "$q" 2>&1)
	[ "$n" = 1 ] || bad="$bad [$q: $n]"
done
[ "$("$DOSSIER" --db "$T/names.db" search --count -- -speaker:erdogan)" = 0 ] ||
	bad="$bad [-speaker:erdogan]"
[ -z "$bad" ]
ok $? "speaker:, outlet: and by: ignore case and accents" || diag "$bad"

# tag: takes a prefix too: tag:dron* is every tag starting dron.
"$DOSSIER" --db "$db" tag 1 +drones >/dev/null
"$DOSSIER" --db "$db" tag 2 +"Drone War" >/dev/null
"$DOSSIER" --db "$db" tag 5 +dronology >/dev/null
want "tag: is the tag, or with * the tags that start so" \
    "tag:drones=1" "tag:drone=" "tag:dron*=5 2 1" "tag:drone-*=2" \
    "tag:DRONES=1" "-tag:dron*=9 8 7 6 4 3" "tag:dron* drone=2 1"

# The prefix's match is shown, marked, though its stem starts otherwise.
run --db "$db" search 'negotiat*'
[ $rc -eq 0 ] && has "$T/out" "[Negotiations]"
ok $? "a prefix's match is marked in the listing" || diag "$(cat "$T/out")"
run --db "$db" search --json 'capab*'
has "$T/out" '"snippet":"The hopes of the capabilities gap faded'
ok $? "--json gives the prefix's snippet" || diag "$(cat "$T/out")"

# Hostile or empty queries: a result or one clear line, never sqlite's
# words, never a crash.
bad=
for q in 'NEAR(' 'NEAR(drone policy)' '*' '^' '^drone' 'lead:drone' \
    'body:drone' '{title}:drone' 'title:(drone)' 'OR' 'AND' 'NOT' \
    'drone NOT policy' 'OR drone' 'drone OR' '-' '-*' '"' '""' '"drone' \
    'drone"' '...' '((' ')' 'title:' 'after:' 'after:after:' \
    'before:2025-13-40' 'is:' 'tag:' 'negotiat**' '"*"' 'a*b*' ':' \
    "$(printf 'dro\001ne')" "$(awk 'BEGIN { for (i = 0; i < 1100; i++) printf "negotiat* " }')" \
    "$(head -c 10240 /dev/zero | tr '\0' 'x')*"; do
	run --db "$db" search -- "$q"
	case $rc in
	0|1) [ ! -s "$T/err" ] || bad="$bad [$q]:stderr" ;;
	2) [ "$(wc -l <"$T/err")" -eq 1 ] &&
		grep -q '^dossier: [a-z"]' "$T/err" || bad="$bad [$q]" ;;
	*) bad="$bad [$q]=$rc" ;;
	esac
	grep -qi 'fts5\|syntax\|sqlite\|malformed\|no such' "$T/err" &&
		bad="$bad [$q]:leak"
done
[ -z "$bad" ]
ok $? "hostile queries give a result or one clear line" || diag "$bad"

# A repeated word in a message ("after: after: ...") reads as a fault.
run --db "$db" search 'after:yesterday'
[ $rc -eq 2 ] && ! grep -qE '\b([a-z]+):? \1\b' "$T/err"
ok $? "a bad date is named once" || diag "$(cat "$T/err")"

# --count --json is JSON.
run --db "$db" search --count --json drone
[ $rc -eq 0 ] && [ "$(cat "$T/out")" = '{"count":2}' ] &&
	python3 -c 'import json,sys; json.load(sys.stdin)' <"$T/out"
ok $? "--count with --json prints a JSON object" || diag "$(cat "$T/out")"

# The count and the first page agree on a common word too.
n=$("$DOSSIER" --db "$db" search --count -- 'the')
"$DOSSIER" --db "$db" search --limit 3 -- 'the' >"$T/out"
[ "$n" -ge 3 ] && [ "$(grep -c '^ *[0-9][0-9]* ' "$T/out")" -eq 3 ]
ok $? "--limit shows the first page of a longer count"
exit 0
