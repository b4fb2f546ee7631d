# Shared helpers for dossier's shell tests: TAP output, a private temporary
# directory, and running the real binary with captured output.
#
# Usage: . "$top_srcdir/tests/lib.sh"; plan N; ok COND "description"; ...

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${DOSSIER:=$top_srcdir/src/dossier}"
: "${DOSSIER_SHARED:=$top_srcdir/../shared}"
export LC_ALL=C.UTF-8
# "Now" for the screen's dates (a story's year shows when it is not this
# year's): fixed, so no test changes with the calendar. The samples are of
# 2025; a test that needs a story of this year dates it $DOSSIER_TEST_NOW.
export DOSSIER_TEST_NOW=2026-06-15

tap_n=0
tap_failed=0

plan() { echo "1..$1"; }

skip_all() { echo "1..0 # SKIP $*"; exit 0; }

# ok STATUS DESCRIPTION: STATUS 0 passes (pass "$?" or a command's result).
# Returns STATUS, so 'ok $? "..." || diag ...' can explain a failure.
ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
		return 0
	fi
	echo "not ok $tap_n - $2"
	tap_failed=$((tap_failed + 1))
	return 1
}

skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP $*"; }

# check DESCRIPTION COMMAND...: run a command and pass if it succeeds.
check() {
	desc=$1; shift
	if "$@" >/dev/null 2>&1; then ok 0 "$desc"; else ok 1 "$desc"; fi
}

# Show a diagnostic under the last result.
diag() { printf '%s\n' "$@" | sed 's/^/# /'; }

T=$(mktemp -d "${TMPDIR:-/tmp}/dossier-test.XXXXXX") || exit 1
chmod 755 "$T"
trap 'rm -rf "$T"' EXIT INT TERM

# run ARGS...: run dossier; sets $rc and leaves output in $T/out, $T/err.
run() {
	"$DOSSIER" "$@" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
}

# has FILE TEXT: the file contains TEXT (fixed string).
has() { grep -qF -- "$2" "$1"; }

# as_user CMD...: run as an unprivileged user when we are root, so
# permission checks apply (root reads anything).
as_user() {
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	else
		"$@"
	fi
}

# SQL taking a library back from schema 19 to 11: the day each people
# row was last seen and the places never quoted (18 -> 19), the lead kept once and
# the hash index dropped (17 -> 18), the unnamed sources' words (16 -> 17),
# the body and item digests (15 -> 16), the groups of duplicate stories
# (13 -> 14) and the saved files' paths (11 -> 12) undone; the people
# index (12 -> 13) and its count of a story stored twice (14 -> 15) are
# rebuilt by their migrations. Tests that make an older library start
# from this (the same as TEST_UNDO_12 in test-util.h); UNDO_19_SQL is
# its first part, schema 19 to 18 (TEST_UNDO_19), UNDO_18_SQL its first
# two, 19 to 17 (TEST_UNDO_18).
UNDO_19_SQL="DROP INDEX people_kind_seen;
    ALTER TABLE people DROP COLUMN seen_ts; UPDATE people_state SET stale = 1;"
UNDO_18_SQL="$UNDO_19_SQL
    CREATE TEMP TABLE undo_lead AS SELECT id FROM articles WHERE lead_body;
    INSERT INTO articles_fts (articles_fts, rowid, title, lead, body, captions)
      SELECT 'delete', id, title, lead, body, captions FROM articles_text
      WHERE id IN (SELECT id FROM undo_lead);
    UPDATE articles SET lead = replace(body, char(10) || char(10), ' ') WHERE lead_body;
    ALTER TABLE articles DROP COLUMN lead_body;
    INSERT INTO articles_fts (rowid, title, lead, body, captions)
      SELECT id, title, lead, body, captions FROM articles_text
      WHERE id IN (SELECT id FROM undo_lead); DROP TABLE undo_lead;
    CREATE INDEX articles_hash ON articles (content_hash);
    UPDATE articles SET content_hash = CASE typeof(content_hash)
      WHEN 'blob' THEN lower(hex(content_hash)) ELSE content_hash END,
      raw_hash = CASE typeof(raw_hash) WHEN 'blob'
      THEN lower(hex(raw_hash)) ELSE raw_hash END;
    DROP INDEX quotes_speaker_story;
    CREATE INDEX quotes_speaker_story ON quotes (speaker_id, article_id);
    DROP INDEX articles_starred;
    CREATE INDEX articles_starred ON articles (starred, sort_ts DESC, id DESC);"
UNDO_12_SQL="$UNDO_18_SQL
    DROP TRIGGER quote_sources_set; DROP TABLE quote_sources;
    ALTER TABLE feeds DROP COLUMN body_hash; ALTER TABLE articles DROP COLUMN raw_hash;
    DROP TRIGGER people_story_dup; DROP TRIGGER articles_dup_delete; DROP TABLE dup_bands;
    DROP INDEX articles_dup_of; DROP INDEX articles_dup_todo;
    ALTER TABLE articles DROP COLUMN dup_of; ALTER TABLE articles DROP COLUMN dup_sig;
    DROP TABLE article_paths; DROP INDEX quotes_unnamed;"
