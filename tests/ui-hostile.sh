#!/bin/sh
# Hostile stored text on the screen: escape sequences (OSC, CSI, DCS), raw
# C1 bytes, U+009B, bidirectional overrides, 10,000 combining marks, a
# 5,000-character word and broken UTF-8 are written straight into the store
# (as a buggy importer or an edited database could; analysed by this
# version, so the screen opens on its count of stories) and shown; the raw
# output stream to the terminal is recorded with script(1) and must hold
# none of them.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed"
command -v script >/dev/null 2>&1 || skip_all "script is not installed"
plan 12

sample_db
use_theme default
printf 'Hostile \033]0;PWNED\007 title \033[38;5;196mREDTITLE \302\233 31m C1 \342\200\256 RTL' \
    >"$T/title"
{
	printf 'OSC \033]52;c;SGVsbG8=\007 clipboard.\n\n'
	printf 'CSI \033[6n report \033[?1049l leave.\n\n'
	printf 'DCS \033Pq#0;2;0;0;0\033\\ sixel.\n\n'
	printf 'Raw C1 \233%s and U+009B \302\233%s.\n\n' 31mRAWC1 32mENCC1
	printf 'Bidi \342\200\256override\342\200\254 and \342\201\246isolate.\n\n'
	printf 'Broken \377\376 \300\200 \355\240\200 \360\220\200 bytes.\n\n'
	printf 'Tab\there, bell\007, backspace\010, CR\rLF.\n\n'
	printf 'a'
	i=0
	while [ $i -lt 10000 ]; do printf '\314\201'; i=$((i + 1)); done
	printf ' combining.\n\n'
	i=0
	while [ $i -lt 5000 ]; do printf 'x'; i=$((i + 1)); done
	printf ' long word.\n\nWide 中文字符 text and the END MARKER.'
} >"$T/body"
sqlite3 "$T/lib.db" <<EOS || exit 1
INSERT INTO articles (feed_id, guid, url, title, outlet, byline, published,
    sort_ts, fetched, body, extract_version)
    VALUES (1, 'hostile', 'https://example.org/$(printf '\033')[31m',
    CAST(readfile('$T/title') AS TEXT),
    CAST(X'1b5b326a4f75746c6574' AS TEXT), 'By X', '2030-01-01',
    1893456000, 1893456000, CAST(readfile('$T/body') AS TEXT),
    (SELECT max(extract_version) FROM articles));
INSERT INTO tags (article_id, tag, added) SELECT id, CAST(X'1b5d323b78' AS TEXT), 0
    FROM articles WHERE guid = 'hostile';
EOS

start 100 30 script -qfc "\"$DOSSIER\" --db \"$T/lib.db\"" "$T/raw"
wait_for "16 articles"
ok $? "the screen opens on a library holding hostile text"
keys Enter
wait_for "clipboard."
ok $? "the hostile story opens"
keys G
wait_for "END MARKER"
ok $? "its end is reached past the combining marks and the long word"
keys g Tab
wait_for "People & quotes"
tm resize-window -x 60 -y 20
wait_for "16 articles"
keys q q q
wait_dead
ok $? "dossier quits normally"

# Patterns that must never reach the terminal.
raw() { LC_ALL=C grep -qF -- "$(printf "$1")" "$T/raw"; }
! raw '\033]0;PWNED' && ! raw '\033]52;' && ! raw '\033]2;x'
ok $? "no OSC sequence from the store reaches the terminal"
! raw '\033[38;5;196mREDTITLE' && ! raw '\033[6n' && ! raw '\033[2jOutlet' &&
	! raw '\033[31m'
ok $? "no CSI sequence from the store reaches the terminal"
! raw '\033Pq'
ok $? "no DCS sequence from the store reaches the terminal"
! raw '\2333' && ! raw '\302\233'
ok $? "no C1 control (raw 0x9b or U+009B) reaches the terminal"
! raw '\342\200\256' && ! raw '\342\200\254' && ! raw '\342\201\246'
ok $? "no bidirectional override or isolate reaches the terminal"
! raw '\377' && ! raw '\376' && ! raw '\300\200' && ! raw '\355\240\200'
ok $? "no invalid UTF-8 reaches the terminal"
! raw '\007,' && ! raw '\010,' && ! raw 'CR\rLF'
ok $? "no control character from the store reaches the terminal"
raw 'PWNED' && raw 'RAWC1' && raw 'clipboard'
ok $? "the harmless text around them is shown"
exit 0
