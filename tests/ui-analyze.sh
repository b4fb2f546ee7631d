#!/bin/sh
# The screen says when the library's stories, and the open story, were
# analysed by an older extractor (simulated by writing an older version
# with sqlite3), and says nothing once dossier analyze has analysed them.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed"
plan 4

sample_db
sqlite3 "$T/lib.db" "UPDATE articles SET extract_version = 1"
use_theme default
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 stories analysed by an older extractor: run dossier analyze --outdated"
ok $? "on opening, the screen says how many stories an older extractor analysed"
keys Enter
wait_for "Velmark’s gas storage sites are 88 per cent full" &&
	wait_for "analysed by an older extractor: run dossier analyze --outdated"
ok $? "opening a story an older extractor analysed says so on the status line"
keys j
wait_gone "analysed by an older extractor"
ok $? "the next key takes the message away"

keys q q
wait_dead
"$DOSSIER" --db "$T/lib.db" analyze --outdated --quiet >/dev/null 2>&1
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
keys Enter
wait_for "Velmark’s gas storage sites are 88 per cent full" &&
	! grep -q "older extractor" "$T/screen"
ok $? "after dossier analyze --outdated the story is current: nothing said"
exit 0
