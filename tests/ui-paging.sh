#!/bin/sh
# The article list is a window paged by key: moving past its ends, paging,
# top and bottom land on the right story in a list much longer than the
# screen, with ties in date broken by id as the store orders them. The list
# is 38 rows high while browsing (a page is 37) and shorter beside a story,
# where the cursor's row stays in view.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed"
plan 8

mkdir "$T/none"
"$DOSSIER" --db "$T/p.db" import "$T/none" >/dev/null 2>&1
sqlite3 "$T/p.db" <<'EOS' || exit 1
INSERT OR IGNORE INTO feeds (url, title, kind, created)
    VALUES ('local:saved', 'Saved stories', 'local', 0);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 499)
INSERT INTO articles (feed_id, guid, title, published, sort_ts, fetched, body)
    SELECT 1, 'g' || i, printf('Story %04d', i), '2020-01-01',
    1000000 + i / 2, 0, 'Body of story number ' || i || '.' FROM n;
EOS
use_theme default
# The rows a page holds are counted below: no hint line (see ui-keys.sh).
echo 'set hints no' >>"$T/config/dossier/config"
start 120 40 "$DOSSIER" --db "$T/p.db"
wait_for "500 articles"

# opened N: Enter, wait for story N's body, go back to the list.
opened() {
	keys Enter
	wait_for "Body of story number $1." && keys q
}

keys PageDown
opened 462
ok $? "PageDown moves to the window's last row"
keys PageDown
opened 425
ok $? "PageDown past the window reads the next rows"
keys G
opened 0
ok $? "G goes to the oldest story"
i=0; while [ $i -lt 40 ]; do keys k; i=$((i + 1)); done
opened 40
ok $? "k past the window's top reads the rows above"
keys PageUp PageUp
opened 114
ok $? "PageUp reads a page above"
keys g
opened 499
ok $? "g goes back to the newest story"
i=0; while [ $i -lt 100 ]; do keys j; i=$((i + 1)); done
opened 399
ok $? "100 j moves 100 stories down"
keys Tab Tab Tab Tab
keys n
wait_for "Body of story number 398."
ok $? "n opens the next unread story after the cursor"
exit 0
