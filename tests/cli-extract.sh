#!/bin/sh
# dossier extract on the command line: JSON per file, offsets inside the
# text, hostile input handled in bounded time, and what import stores.
. "$top_srcdir/tests/lib.sh"
plan 10

cat >"$T/story.txt" <<'STORY'
Valdorian Foreign Minister Anja Brekk said on Monday that talks with Marovia would resume.

"We are ready to talk," Brekk said. "Nobody wants another winter like the last."
STORY

run extract --json --raw "$T/story.txt"
[ $rc -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 1 ]
ok $? "extract --json prints one line per file"
python3 - "$T/out" "$T/story.txt" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1]).read())
text = open(sys.argv[2], "rb").read()
assert d["file"].endswith("story.txt")
for e in d["entities"]:
    assert 0 <= e["start"] < e["end"] <= len(text), e
    assert text[e["start"]:e["end"]].decode() == e["text"], e
    assert e["type"] in ("person", "org", "place", "misc")
for q in d["quotes"]:
    assert 0 <= q["start"] <= q["end"] <= len(text), q
    assert q["kind"] in ("direct", "indirect", "mixed")
    assert q["speaker"] is None or q["speaker"]["end"] <= len(text)
PY
ok $? "every span lies in the file and matches its text"

cat >"$T/agency.txt" <<'STORY'
Foreign Minister Petar Halm said Marovia would respond "in a proportionate and timely manner," according to the Marovian News Agency.
STORY
run extract --json --raw "$T/agency.txt"
python3 - "$T/out" <<'PY'
import json, sys
q = json.loads(open(sys.argv[1]).read())["quotes"]
assert len(q) == 1, q
assert q[0]["speaker"]["text"] == "Foreign Minister Petar Halm", q
assert q[0]["speaker"]["medium"]["text"] == "the Marovian News Agency", q
PY
ok $? "said Q, according to AGENCY: one quote, the agency its medium"

run extract "$T/story.txt"
[ $rc -eq 0 ] && has "$T/out" "== $T/story.txt"
ok $? "extract without --json prints a readable summary"

run extract --json "$T/missing.txt" "$T/story.txt"
[ $rc -eq 1 ] && has "$T/err" "missing.txt" && [ "$(wc -l <"$T/out")" -eq 1 ]
ok $? "a missing file is reported and the others still run"

# Hostile text: a 10 MB paragraph with no stop, 100,000 quote marks, only
# capitals, broken UTF-8. Each must finish and give valid JSON.
python3 - "$T" <<'PY'
import sys
t = sys.argv[1]
open(t + "/nostop.txt", "w").write("word and Word " * (10 * 1024 * 1024 // 14))
open(t + "/quotes.txt", "w").write('"' * 50000 + "“”" * 25000)
open(t + "/caps.txt", "w").write("THE MINISTER SAID THE TALKS WOULD GO ON. " * 50000)
open(t + "/broken.txt", "wb").write(b'\xff\xfe"Bad \xc3 bytes," \xe2\x80 he said.\n' * 20000)
PY
for f in nostop quotes caps broken; do
	run extract --json --raw "$T/$f.txt"
	[ $rc -eq 0 ] && python3 -c 'import json,sys; json.loads(open(sys.argv[1]).read())' "$T/out"
	ok $? "hostile input ($f) gives valid JSON"
done

# Every byte a JSON string must escape, inside a quote, at every place of
# the eight bytes extract scans at a time: the text comes back whole.
python3 - "$T/escapes.txt" <<'PY'
import sys
out = []
for k in list(range(0x20)) + [0x22, 0x5c, 0x7f]:
    for pad in range(9):
        out.append(b'"We said ' + b"x" * pad + bytes([k]) + b" no more to "
                   b'the press on Monday," Ann Lee told reporters.\n\n')
open(sys.argv[1], "wb").write(b"".join(out))
PY
run extract --json --raw "$T/escapes.txt"
python3 - "$T/out" "$T/escapes.txt" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1]).read())
text = open(sys.argv[2], "rb").read()
assert len(d["quotes"]) >= 200, len(d["quotes"])
for q in d["quotes"]:
    assert text[q["start"]:q["end"]].decode() == q["text"], q
PY
ok $? "bytes JSON escapes come back whole in a quote's text"
exit 0
