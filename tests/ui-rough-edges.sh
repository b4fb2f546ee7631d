#!/bin/sh
# Rough edges of the screen found by using it: titles that hide their
# count, keys that do nothing silently, the help screen at 80x24, the
# too-small message, and which story a key acts on.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
plan 1

sample_db
use_theme default
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"

# A search longer than the list's title: the label is cut, not the count.
keys / && wait_for "Search:" && keys "velmark OR valdoria" Enter
wait_for "… (15) 1/15"
ok $? "a long search's title keeps its count whole beside the position"
