#!/bin/sh
# Who said what in the reference story, as a user meets it: imported into
# a library, then 'dossier show' (JSON and text). Skips without ../shared.
. "$top_srcdir/tests/lib.sh"
example="$DOSSIER_SHARED/examples/saved-story-jpost-2023-08-26.txt"
[ -f "$example" ] || skip_all "shared examples absent"
plan 6

run --db "$T/db" import "$example"
run --db "$T/db" show --json 1
[ $rc -eq 0 ]
ok $? "the example imports and shows"

python3 - "$T/out" >"$T/results" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ents = d["entities"]
def has(kind, name):
    return any(e["type"] == kind and e["name"] == name for e in ents)
people = {e["name"]: (e["title"], e["affiliation"]) for e in ents if e["type"] == "person"}
r1 = (people.get("Sergei Ryabkov") == ("Deputy Foreign Minister", "Russia") and
      people.get("Reza Talaei-Nik", (None, None))[1] == "Iran" and
      "spokesperson" in (people.get("Reza Talaei-Nik", ("", ""))[0] or ""))
print("ok" if r1 else "not ok", "people with titles and affiliations [%s]" % people)
orgs = ["RIA", "Financial Times", "White House"]
places = ["Russia", "Iran", "Ukraine", "United States", "Moscow", "Tehran"]
r2 = all(has("org", o) for o in orgs) and all(has("place", p) for p in places)
print("ok" if r2 else "not ok", "organisations and places of the body [%s]" %
      sorted({(e["type"], e["name"]) for e in ents}))
body = d["body"]
def who(words):
    for q in d["quotes"]:
        if words in body.encode()[q["start"]:q["end"]].decode():
            sp = q["speaker"] or {}
            return sp.get("name") or sp.get("kind") or sp.get("text")
    return None
want = {"There are no changes": "Sergei Ryabkov",
        "We are independent states": "Sergei Ryabkov",
        "will not succumb to geopolitical pressure": "Sergei Ryabkov",
        "None of the transactions": "Reza Talaei-Nik",
        "Western and European countries": "Reza Talaei-Nik",
        "several hundred drones": "unnamed",
        "pressing Iran to stop selling": "Financial Times",
        "sending drones to Russia": "Iran",
        "its forces used Iranian drones": "Moscow"}
got = {k: who(k) for k in want}
bad = {k: (v, got[k]) for k, v in want.items() if got[k] != v}
print("ok" if not bad else "not ok", "each quote stored with its speaker [%s]" % bad)
notspeech = [q for q in d["quotes"] if "Mohajer" in body.encode()[q["start"]:q["end"]].decode()]
print("ok" if not notspeech else "not ok", "names in quote marks are not speech [%s]" % notspeech)
PY
while read -r result desc; do
	[ "$result" = ok ]
	ok $? "${desc%% \[*}"
	[ "$result" = ok ] || diag "$desc"
done <"$T/results"

run --db "$T/db" show 1
awk '/^People/{p=NR} /^Quotes/{q=NR} END{exit !(p && q && p < q)}' "$T/out" &&
	has "$T/out" "  Sergei Ryabkov, Deputy Foreign Minister (Russia)" &&
	grep -A3 "^  Sergei Ryabkov$" "$T/out" | grep -q '"There are no changes'
ok $? "show lists people with titles, then quotes by speaker"
exit 0
