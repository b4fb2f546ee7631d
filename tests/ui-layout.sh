#!/bin/sh
# Layouts: the wide three-pane screen, resizing, narrow terminals (stacked
# lists, sidebar toggled with e), a terminal too small, an empty library.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
plan 10

sample_db
use_theme default
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "People & quotes"
ok $? "at 120 columns the sidebar is shown"

tm resize-window -x 70 -y 30
wait_gone "People & quotes"
ok $? "at 70 columns the sidebar is hidden"
# Stacked: the feed list's first row and the article list's title both start
# the line, and the article pane spans the full width below them.
wait_until 'grep -q "^ Feeds *$" "$T/screen" &&
	grep -q "^ All (15)" "$T/screen" && grep -q "^ Article *$" "$T/screen"'
ok $? "narrow: the lists are stacked above the article pane"

keys e
wait_for "People & quotes"
ok $? "e shows the sidebar on a narrow terminal"
keys e
wait_gone "People & quotes"
ok $? "e hides it again"

tm resize-window -x 30 -y 8
wait_for "Terminal too small"
ok $? "a terminal under 40x10 gets a clear message"
keys j
tm resize-window -x 100 -y 30
wait_for "All (15)" && wait_for "15 articles"
ok $? "it recovers when enlarged"

keys Enter
wait_for "Velmark’s gas storage sites"
tm resize-window -x 160 -y 40
wait_for "Velmark’s gas storage sites are 88 per cent full and will last until the spring even"
ok $? "resizing reflows the story to the new width"

# An empty library greets the user with how to fill it.
start 100 30 "$DOSSIER" --db "$T/empty.db"
wait_for "Your library is empty"
ok $? "an empty library shows a greeting"
has "$T/screen" "dossier import PATH"
ok $? "the greeting says how to import stories"
exit 0
