#!/bin/sh
# A regression test of who said what over the sample library: quotes of
# each pattern keep their speaker, and names or scare quotes in quote
# marks stay out of speech. 'dossier extract --json' on every sample.
. "$top_srcdir/tests/lib.sh"
plan 4

"$DOSSIER" extract --json "$top_srcdir"/samples/library/* >"$T/out" 2>"$T/err"
[ $? -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 15 ]
ok $? "every sample is analysed"

python3 - "$T/out" >"$T/results" <<'PY'
import json, sys
docs = {}
for line in open(sys.argv[1]):
    d = json.loads(line)
    docs[d["file"].rsplit("/", 1)[-1][:10]] = d

# (story date, words of the quote, who says them)
want = [
    ("2025-01-14", "This was not an accident of weather", "Anja Brekk"),
    ("2025-01-14", "Our air defence units tracked", "Piet Harnack"),
    ("2025-01-14", "the military had chosen not to fire", "Piet Harnack"),
    ("2025-01-14", "There was no intention to enter", "Mirela Dusan"),
    ("2025-01-14", "the drone's camera had been pointed", "unnamed"),
    ("2025-01-14", "We are asking three things", "Kasimir Oll"),
    ("2025-01-14", "No one was hurt in the crash", "Valdorian Press Agency"),
    ("2025-02-03", "We will not treat the violation", "Dieter Kamp"),
    ("2025-02-03", "Our storage sites are more than 70", "Hanne Lutz"),
    ("2025-02-03", "We do not discuss where our air defences", "Tomas Reyn"),
    ("2025-02-03", "Tessalin could reduce deliveries", "unnamed"),
    ("2025-02-03", "Brenmark has chosen to punish", "Petar Halm"),
    ("2025-04-08", "We came here with different interests", "Tarik Hallem"),
    ("2025-04-08", "Patience is not a policy", "Renata Solvik"),
    ("2025-04-08", "We are a reliable supplier", "Farah Idane"),
    ("2025-04-08", "Drossen wants a bloc", "Ilse Varga"),
    ("2025-10-09", "For the first time, this council speaks", "Renata Solvik"),
    ("2025-10-09", "Pressure without a door left open", "Tarik Hallem"),
    ("2025-10-09", "The declaration is a beginning", "Anja Brekk"),
    ("2025-12-05", "gas storage sites are 88 per cent full", "Hanne Lutz"),
    ("2025-12-05", "We prepared for this moment", "Hanne Lutz"),
    ("2025-12-05", "It is a curious kind of maintenance", "Dieter Kamp"),
    ("2025-12-05", "Brenmark chose sanctions", "Ilse Varga"),
    ("2025-12-05", "household gas bills in the eastern", "Brenmark Daily"),
    ("2025-12-05", "What surprised us is that they waited", "unnamed"),
]
bad = []
for day, words, who in want:
    got = None
    for q in docs[day]["quotes"]:
        if words in q["text"]:
            sp = q["speaker"] or {}
            got = sp.get("name") or sp.get("source")
            if sp.get("source") == "unnamed":
                got = "unnamed"
            break
    if got != who:
        bad.append((day, words, who, got))
print("ok" if not bad else "not ok", "quotes keep their speakers [%s]" % bad)

notspeech = []
for d in docs.values():
    for q in d["quotes"]:
        if q["text"].strip(" ,.'\u2018\u2019") in ("Iron Wall", "Kestrel 7",
                "Bastion", "Tessalin Star", "winter shield", "managed vote"):
            notspeech.append(q["text"])
        if "a day after Marogas" in q["text"]:	# the writer's, not Lutz's
            notspeech.append(q["text"])
print("ok" if not notspeech else "not ok",
      "names and scare quotes are not speech [%s]" % notspeech)

# Countries that own ministries and gas sites, or that one cue calls
# otherwise, stay places in every mention of these stories, but where
# they act: "Marovia agreed", "Marovia would respond", the headline's
# "Valdoria signs" are the state, an org, and the entity is still the
# one place. "Velmark sanctions" is a noun: a place.
wrong = []
acting = {}
for day in ("2025-02-03", "2025-06-02", "2025-12-05"):
    for e in docs[day]["entities"]:
        if e["text"] not in ("Velmark", "Valdoria", "Marovia"):
            continue
        if e["type"] not in ("place", "org") or e["name"] != e["text"]:
            wrong.append((day, e["text"], e["type"], e["start"]))
        if e["type"] == "org":
            k = (day, e["text"])
            acting[k] = acting.get(k, 0) + 1
if acting != {("2025-02-03", "Marovia"): 2, ("2025-06-02", "Valdoria"): 1}:
    wrong.append(acting)
print("ok" if not wrong else "not ok",
      "the sample countries are places, or states where they act [%s]" %
      wrong)
PY
while read -r result desc; do
	[ "$result" = ok ]
	ok $? "${desc%% \[*}"
	[ "$result" = ok ] || diag "$desc"
done <"$T/results"
exit 0
