#!/bin/sh
# Who said what on the screen: speaker names in the speaker colour, quoted
# words in the quote colour, other names by kind (capture-pane -e), and the
# sidebar -> quotes view -> story at the quote, marked. Mentions and quotes
# are written into the store here in place of what extraction found, so
# the expected colours do not move with the extractor.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed"
plan 12

sample_db
use_theme default
# Start from known rows: drop what import's extraction stored.
sqlite3 "$T/lib.db" <<'EOS' || exit 1
DELETE FROM quotes; DELETE FROM mentions; DELETE FROM entities;
CREATE TEMP VIEW gas AS SELECT id, CAST(body AS BLOB) AS b FROM articles
    WHERE title LIKE 'Velmark says gas storage%';
CREATE TEMP VIEW freeze AS SELECT id, CAST(body AS BLOB) AS b FROM articles
    WHERE title LIKE 'Velmark freezes assets%';
INSERT INTO entities (kind, name) VALUES ('person', 'Hanne Lutz'),
    ('org', 'Marogas'), ('place', 'Tessalin');
INSERT INTO mentions (article_id, entity_id, start, end, title)
    SELECT gas.id, e.id, instr(b, CAST('Hanne Lutz' AS BLOB)) - 1,
    instr(b, CAST('Hanne Lutz' AS BLOB)) + 9, 'Economy and Energy Minister'
    FROM gas, entities e WHERE e.name = 'Hanne Lutz';
INSERT INTO mentions (article_id, entity_id, start, end)
    SELECT gas.id, e.id, instr(b, CAST('Marogas' AS BLOB)) - 1,
    instr(b, CAST('Marogas' AS BLOB)) + 6 FROM gas, entities e
    WHERE e.name = 'Marogas';
INSERT INTO mentions (article_id, entity_id, start, end)
    SELECT gas.id, e.id, instr(b, CAST('Tessalin' AS BLOB)) - 1,
    instr(b, CAST('Tessalin' AS BLOB)) + 7 FROM gas, entities e
    WHERE e.name = 'Tessalin';
INSERT INTO quotes (article_id, start, end, kind, speaker_start,
    speaker_end, speaker_id, source_kind)
    SELECT gas.id, instr(b, CAST('We prepared for' AS BLOB)) - 1,
    instr(b, CAST('We prepared for' AS BLOB)) + 42, 'direct',
    instr(b, CAST('” Lutz said' AS BLOB)) + 3,
    instr(b, CAST('” Lutz said' AS BLOB)) + 7, e.id, 'person' FROM gas, entities e WHERE e.name = 'Hanne Lutz';
INSERT INTO annotations (article_id, start, end, anchor, note, created,
    updated) SELECT gas.id, instr(b, CAST('Few in Brenmark' AS BLOB)) - 1,
    instr(b, CAST('Few in Brenmark' AS BLOB)) + 29, 'Few in Brenmark believed that.',
    'doubt', 0, 0 FROM gas;
INSERT INTO mentions (article_id, entity_id, start, end, title)
    SELECT freeze.id, e.id, instr(b, CAST('Hanne Lutz' AS BLOB)) - 1,
    instr(b, CAST('Hanne Lutz' AS BLOB)) + 9, 'Economy and Energy Minister'
    FROM freeze, entities e WHERE e.name = 'Hanne Lutz';
INSERT INTO quotes (article_id, start, end, kind, speaker_id, source_kind)
    SELECT freeze.id, instr(b, CAST('Our storage sites' AS BLOB)) - 1,
    instr(b, CAST('Our storage sites' AS BLOB)) + 47, 'direct', e.id,
    'person' FROM freeze, entities e WHERE e.name = 'Hanne Lutz';
EOS

start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
keys Enter
wait_for "We prepared for this moment" -e
# In the default theme: speaker colour215, quote colour150, org colour147,
# place colour116.
grep -q '38;5;215mHanne Lutz' "$T/screen"
ok $? "the quoted official's name is in the speaker colour"
grep -q '38;5;150mWe prepared for this moment' "$T/screen"
ok $? "the quoted words are in the quote colour"
grep -q '38;5;215mLutz' "$T/screen"
ok $? "the mention the quote is attributed to is in the speaker colour"
grep -q '38;5;147mMarogas' "$T/screen" && grep -q '38;5;116mTessalin' "$T/screen"
ok $? "organisations and places are coloured by kind"
grep -q '“38;5;150m' "$T/screen" || ! grep -q '38;5;150m“' "$T/screen"
ok $? "the quote marks themselves are not part of the quote span"
grep -q '48;5;58mFew in Brenmark believed that.' "$T/screen"
ok $? "an annotated passage carries the annotation mark"

screen
grep -A1 "QUOTED" "$T/screen" | grep -q "Hanne Lutz  *1" &&
	grep -q "Economy and Energy" "$T/screen" &&
	grep -q "  Minister *$" "$T/screen" &&
	grep -q "ORGANISATIONS" "$T/screen" && grep -q "PLACES" "$T/screen"
ok $? "the sidebar lists the speaker with role and quote count, then names"

keys Tab W
wait_for "Quotes: Hanne Lutz, Economy and Energy Minister (2)"
screen
first=$(grep -n "We prepared for" "$T/screen" | head -1 | cut -d: -f1)
second=$(grep -n "Our storage sites" "$T/screen" | head -1 | cut -d: -f1)
[ -n "$first" ] && [ -n "$second" ] && [ "$first" -lt "$second" ] &&
	grep -q "5 Dec 2025 · Brenmark Daily" "$T/screen"
ok $? "W on a speaker lists their quotes across the library, newest first"

keys j Enter
wait_for '48;5;150mOur storage sites' -e &&
	! grep -q "Quotes: Hanne" "$T/screen"
ok $? "Enter on a quote opens its story with the quote marked"

keys q
wait_for "Quotes: Hanne Lutz, Economy and Energy Minister (2)"
ok $? "q goes back to the quotes view"

keys q j Enter
wait_for "Hanne Lutz (2)"
screen
grep -q "3 Feb 2025 Velmark freezes" "$T/screen" &&
	grep -q "5 Dec 2025 Velmark says gas" "$T/screen" &&
	! grep -q "18 Nov" "$T/screen"
ok $? "Enter on a name lists the stories that mention it"

# A speaker lit in the text is one the sidebar lists: an unresolved "he"
# is nobody, so it is not lit; the named speaker is both.
keys Q
printf 'Northwire\nTalks stall in Drossen\n\nBy Staff\nPublished: MARCH 3, 2025 10:00\n\nThe talks stalled on Monday after a long night.\n\n"We will never accept these terms," he said after the meeting.\n\nValdorian Foreign Minister Anja Brekk said: "The door stays open."\n' >"$T/he.txt"
"$DOSSIER" --db "$T/he.db" import --quiet "$T/he.txt" >/dev/null || exit 1
sqlite3 "$T/he.db" "SELECT count(*) FROM quotes WHERE speaker_id IS NULL
    AND speaker_start IS NOT NULL" | grep -qx 1 || { skip "the extractor found no unresolved speaker"; exit 0; }
start 120 40 "$DOSSIER" --db "$T/he.db"
wait_for "Talks stall in Drossen"
keys Enter
wait_for "he said after the meeting"
wait_for "QUOTED"
screen -e
grep -q '38;5;215m[A-Za-z ]*Anja' "$T/screen" &&
	! grep -q '38;5;215mhe' "$T/screen" &&
	grep -q 'he said after' "$T/screen"
ok $? "an unresolved 'he' is not lit as a speaker; the listed speaker is"
exit 0
