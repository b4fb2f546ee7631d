#!/bin/sh
# The bundled sample library imports whole, each story with the header
# fields below, and a second import adds nothing. The table is
# file, title, outlet, byline, published, captions, subheadings ("|"
# between several; "-" for none).
. "$top_srcdir/tests/lib.sh"
plan 18

lib="$top_srcdir/samples/library"
run --db "$T/db" import "$lib"
[ $rc -eq 0 ] && has "$T/out" "15 added, 0 already in the library, 0 failed"
ok $? "the sample library imports without a failure"
[ $rc -eq 0 ] || diag "$(cat "$T/err")"

cat >"$T/expected" <<'TABLE'
2025-01-14-valdoria-drone-crash.txt	Valdoria protests after Marovian drone crashes near border village	The Valdorian Herald	Staff Reporter	2025-01-14T09:42	1	Marovia denies intent
2025-02-03-velmark-sanctions-marovia.txt	Velmark freezes assets of Marovian energy firms over drone incident	Brenmark Daily	Marta Kell and Jonas Fehr	2025-02-03T18:05	0	Tessalin responds
2025-02-27-kestrel-drone-sale.txt	Kestrel Isles agrees to sell surveillance drones to Valdoria	Port Avery Gazette	-	2025-02-27	1	-
2025-03-19-sarvenian-refugees-velmark.txt	Thousands of Sarvenians cross into Velmark as unrest spreads	Northwire	Ada Lunn	2025-03-19T10:05	1	Protests in Ulmgrad
2025-04-08-qerrin-summit-refugee-fund.txt	Northern leaders agree emergency fund for refugees at Qerrin summit	The Qerrin Tribune	Samir Haddou	2025-04-08T21:30	0	-
2025-04-25-sarvenia-campaign-trail.md	On the campaign trail, Stansk bets on the towns Ruskov forgot	Ulmgrad Observer	Vera Kolan	2025-04-25	0	The president's answer|Watching the count
2025-05-11-sarvenia-election-result.txt	Ruskov claims victory in Sarvenian election as opposition cries foul	Ulmgrad Observer	Staff Reporter	2025-05-11T23:10	1	Reaction abroad
2025-06-02-valdoria-dalmarra-gas-deal.txt	Valdoria signs 15-year gas deal with Dalmarra to end reliance on Marovia	The Valdorian Herald	Hedda Marsh	2025-06-02T07:15	0	The Saltvik terminal
2025-06-30-varga-kamp-brenmark-talks.txt	Deputy Foreign Minister Varga holds first talks in Brenmark since sanctions	MARNA English Service	-	2025-06-30T14:22	0	-
2025-07-22-kestrel-coast-guard-survey-ship.txt	Kestrel coast guard shadows Marovian survey ship near undersea cables	IBC News	Orla Pike	2025-07-22T16:48	1	Tessalin’s account
2025-08-15-velmark-tank-sale-valdoria.txt	Velmark approves sale of 40 tanks to Valdoria	Brenmark Daily	Jonas Fehr and Marta Kell	2025-08-15T12:30	1	Marovian reaction
2025-09-03-valdoria-cyberattack-sanctions.txt	Valdoria sanctions Marovian officials over cyberattack on power grid	Northwire	Ada Lunn and Tobias Wren	2025-09-03	0	Marovia denies involvement
2025-10-09-drossen-summit-declaration.html	Northern council backs Valdoria on Marovia but splits on energy	The Continental Ledger	Lucan Frey	2025-10-09T18:40:00+02:00	1	No deal on gas prices
2025-11-18-sarvenian-refugees-winter.html	Sarvenian refugees face winter in Velmark camps as Ruskov offers amnesty	Ulmgrad Observer	Vera Kolan	2025-11-18T07:30:00+01:00	1	Camps under strain
2025-12-05-velmark-gas-storage-winter.md	Velmark says gas storage will last the winter as Marovia cuts eastern deliveries	Brenmark Daily	-	2025-12-05T09:15:00+01:00	0	Dalmarran cargoes|Tessalin’s message
TABLE

"$DOSSIER" --db "$T/db" list --json >"$T/list"
python3 - "$DOSSIER" "$T/db" "$T/expected" "$T/list" "$lib" <<'PY' >"$T/results"
import json, subprocess, sys
dossier, db, expected, listing, lib = sys.argv[1:]
ids = {}
for line in open(listing):
    r = json.loads(line)
    ids[r["title"]] = r["id"]
for row in open(expected, encoding="utf-8"):
    f, title, outlet, byline, published, ncap, subs = row.rstrip("\n").split("\t")
    if title not in ids:
        print("FAIL %s: no story titled %r" % (f, title))
        continue
    d = json.loads(subprocess.check_output([dossier, "--db", db, "show", "--json", str(ids[title])]))
    got = [d["outlet"] or "-", d["byline"] or "-", d["published"] or "-",
           str(len(d["captions"])), "|".join(d["subheadings"]) or "-"]
    want = [outlet, byline, published, ncap, subs]
    bad = [(w, g) for w, g in zip(want, got) if w != g]
    body_ok = d["body"] and all(c not in d["body"] for c in d["captions"])
    if bad or not body_ok:
        print("FAIL %s: %r%s" % (f, bad, "" if body_ok else " (caption in body)"))
    else:
        print("PASS %s" % f)
PY
while read -r result file rest; do
	[ "$result" = PASS ]
	ok $? "sample ${file%:} has its header fields, captions and subheadings"
	[ "$result" = PASS ] || diag "$rest"
done <"$T/results"

run --db "$T/db" import "$lib"
has "$T/out" "0 added, 15 already in the library, 0 failed"
ok $? "importing the samples again adds nothing"
[ "$(wc -l <"$T/results")" -eq 15 ]
ok $? "every sample was checked"
exit 0
