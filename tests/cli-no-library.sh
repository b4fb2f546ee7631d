#!/bin/sh
# A mistyped --db (or a first run) must not leave an empty library behind:
# only the commands that add stories (import, add, opml import) and the
# screen create one; every other command says there is none, exits
# non-zero and creates no file and no directory.
. "$top_srcdir/tests/lib.sh"

screen_ok=0
if command -v tmux >/dev/null 2>&1 && infocmp tmux-256color >/dev/null 2>&1
then
	screen_ok=1
fi
plan 53

# The commands that only read or change what is there, one a line.
cat >"$T/commands" <<'EOF'
list
list --json
show 1
show --json 1
tag 1 +drones
tag 1
tag --list
note 1 a note
note --list
note --edit 1 changed
note --delete 1
search drone
search --count drone
export
export --format json
export --output OUT
feeds
fetch
fetch 1
tag-feed 1 +energy
remove 1
opml export
people
who brekk
quotes --speaker brekk
export --speaker brekk
EOF

# Every command, on a path under a directory that is not there.
while IFS= read -r cmd; do
	# shellcheck disable=SC2086 # the words of a command
	set -- $cmd
	[ "$3" = OUT ] && set -- "$1" "$2" "$T/out.md"
	run --db "$T/typo/lib.db" "$@"
	[ $rc -ne 0 ] &&
		[ "$(cat "$T/err")" = "dossier: no library at $T/typo/lib.db (import or add stories first)" ] &&
		[ ! -e "$T/typo" ] && [ ! -e "$T/out.md" ] && [ ! -s "$T/out" ]
	ok $? "'$cmd' with no library says so and creates nothing" ||
		diag "rc=$rc" "$(cat "$T/err")"
done <"$T/commands"

# A missing file in a directory that exists: no file, no -wal, no -shm.
run --db "$T/lib.db" list
[ $rc -eq 1 ] && has "$T/err" "no library at $T/lib.db" &&
	[ -z "$(ls -A "$T" | grep '^lib\.db')" ]
ok $? "list of a missing file in an existing directory creates nothing"

# An empty file is no library either, and is left empty.
: >"$T/empty.db"
run --db "$T/empty.db" feeds
[ $rc -eq 1 ] && has "$T/err" "no library at $T/empty.db" &&
	[ ! -s "$T/empty.db" ] && [ ! -e "$T/empty.db-wal" ]
ok $? "an empty file is no library and stays empty"

# A directory is named as one.
run --db "$T" list
[ $rc -eq 1 ] && has "$T/err" "is a directory, not a library"
ok $? "a directory given as the library is refused by name"

# The default library: nothing appears under XDG_DATA_HOME either.
XDG_DATA_HOME="$T/xdg" "$DOSSIER" list >"$T/out" 2>"$T/err" </dev/null
rc=$?
[ $rc -eq 1 ] && has "$T/err" "no library at $T/xdg/dossier/dossier.db" &&
	[ ! -e "$T/xdg" ]
ok $? "the default library is not created by list"

# search keeps its exit status for errors (2) apart from no match (1).
run --db "$T/typo/lib.db" search drone
[ $rc -eq 2 ]
ok $? "search with no library exits 2, an error, not 1 (no match)"

# Commands that add create the library and its directories.
mkdir "$T/none"
run --db "$T/new/dir/lib.db" import "$T/none"
[ $rc -eq 0 ] && [ -f "$T/new/dir/lib.db" ]
ok $? "import creates the library and its directories"
run --db "$T/new/dir/lib.db" list
[ $rc -eq 0 ] && [ ! -s "$T/out" ] && [ ! -s "$T/err" ]
ok $? "once created, an empty library lists nothing and exits 0"

# A mistyped path to import is no reason to make a library either.
run --db "$T/typo2/lib.db" import "$T/not-there" "$T/nor-this"
[ $rc -eq 1 ] && [ ! -e "$T/typo2" ] &&
	has "$T/err" "$T/not-there: No such file or directory" &&
	has "$T/err" "$T/nor-this: No such file or directory" &&
	has "$T/out" "0 added, 0 already in the library, 2 failed"
ok $? "import of paths that are not there creates no library" ||
	diag "$(cat "$T/err")"

printf '<?xml version="1.0"?>\n<opml version="2.0"><head/><body/></opml>\n' \
    >"$T/empty.opml"
run --db "$T/opml/lib.db" opml import "$T/empty.opml"
[ -f "$T/opml/lib.db" ]
ok $? "opml import creates the library" || diag "$(cat "$T/err")"

run --db "$T/add/lib.db" add http://127.0.0.1:9/feed.xml
[ $rc -ne 0 ] && [ -f "$T/add/lib.db" ] &&
	! has "$T/err" "no library"
ok $? "add may create the library (even when the feed fails)"

# extract and help never touch a library.
run --db "$T/typo/lib.db" extract --raw "$T/commands"
[ $rc -eq 0 ] && [ ! -e "$T/typo" ]
ok $? "extract needs no library and creates none"
run --db "$T/typo/lib.db" help list
[ $rc -eq 0 ] && [ ! -e "$T/typo" ]
ok $? "help needs no library and creates none"

# Files that are not libraries are refused by every command, the adding
# ones too, and left byte for byte as they were: no schema written into
# another program's database, no journal mode changed, no -wal beside.
printf 'plain text, not a database\n' >"$T/notes.txt"
cp "$T/notes.txt" "$T/notes.orig"
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$T/other.db" 'CREATE TABLE t(a); INSERT INTO t VALUES (1);'
else
	# The same bytes through python's sqlite3 when the shell is absent.
	python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]);
c.execute("CREATE TABLE t(a)"); c.execute("INSERT INTO t VALUES (1)");
c.commit()' "$T/other.db"
fi
cp "$T/other.db" "$T/other.orig"
mkdir "$T/stories"
printf 'A headline\n\nA body of words.\n' >"$T/stories/a.txt"
for f in notes.txt other.db; do
	for cmd in list import; do
		case $cmd in
		import) run --db "$T/$f" import "$T/stories" ;;
		*) run --db "$T/$f" "$cmd" ;;
		esac
		base=${f%.*}
		[ $rc -eq 1 ] && has "$T/err" "$T/$f: not a dossier library" &&
			has "$T/err" "the file was not changed" &&
			! has "$T/err" "file is not a database" &&
			cmp -s "$T/$f" "$T/$base.orig" && [ ! -e "$T/$f-wal" ]
		ok $? "$cmd refuses $f as no library and leaves it unchanged" ||
			diag "rc=$rc" "$(cat "$T/err")"
	done
done

# A directory, or a path that names one, is refused by the adding
# commands too, before a directory is made.
run --db "$T" import "$T/stories"
[ $rc -eq 1 ] && has "$T/err" "$T: is a directory, not a library"
ok $? "import into a directory is refused by name" || diag "$(cat "$T/err")"
run --db "$T/newdir/" import "$T/stories"
[ $rc -eq 1 ] && has "$T/err" "names a directory, not a library file" &&
	[ ! -e "$T/newdir" ]
ok $? "import into 'dir/' is refused and makes no directory" ||
	diag "$(cat "$T/err")"
run --db "$T/notes.txt/lib.db" import "$T/stories"
[ $rc -eq 1 ] && has "$T/err" "$T/notes.txt: not a directory" &&
	! has "$T/err" "unable to open"
ok $? "import under a file that is not a directory says so" ||
	diag "$(cat "$T/err")"

# A device or a FIFO is no library: never opened, read or waited on.
mkfifo "$T/fifo"
bad=
for f in /dev/null "$T/fifo"; do
	for cmd in list import; do
		if [ $cmd = import ]; then
			set -- import "$T/stories"
		else
			set -- list
		fi
		timeout 10 "$DOSSIER" --db "$f" "$@" >"$T/out" 2>"$T/err" \
		    </dev/null
		rc=$?
		[ $rc -eq 1 ] && has "$T/err" "$f: not a regular file" ||
			bad="$bad [$f $cmd: $rc $(cat "$T/err")]"
	done
done
[ -z "$bad" ]
ok $? "a device or a FIFO given as the library is refused by name" ||
	diag "$bad"

# A library of a newer dossier is refused and left untouched by every
# command, the adding ones too.
run --db "$T/newer.db" import "$T/stories"
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$T/newer.db" 'PRAGMA user_version = 99' >/dev/null
	cp "$T/newer.db" "$T/newer.orig"
	run --db "$T/newer.db" import "$T/stories"
	[ $rc -eq 1 ] && has "$T/err" "schema version 99" &&
		cmp -s "$T/newer.db" "$T/newer.orig"
	ok $? "a newer library is refused by import, unchanged" ||
		diag "$(cat "$T/err")"
else
	skip "sqlite3 is not installed"
fi

# Relative paths, and the default path's environment: a relative
# XDG_DATA_HOME or HOME is ignored (the home of the password entry is
# used), and no command but the adding ones creates anything there.
mkdir "$T/cwd"
(cd "$T/cwd" && "$DOSSIER" --db rel/lib.db list) >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && has "$T/err" "no library at rel/lib.db" &&
	[ -z "$(ls -A "$T/cwd")" ]
ok $? "a relative --db that is not there creates nothing" ||
	diag "$(cat "$T/err")"
(cd "$T/cwd" && "$DOSSIER" --db rel/lib.db import "$T/stories") \
    >"$T/out" 2>"$T/err"
[ $? -eq 0 ] && [ -f "$T/cwd/rel/lib.db" ]
ok $? "import makes a relative --db from the current directory"
pwhome=$(getent passwd "$(id -u)" | cut -d: -f6)
(cd "$T/cwd" && env -u HOME XDG_DATA_HOME=xdg "$DOSSIER" list) \
    >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && has "$T/err" "no library at $pwhome/.local/share/dossier/" &&
	[ ! -e "$T/cwd/xdg" ] && [ ! -e "$T/cwd/dossier.db" ]
ok $? "HOME unset, XDG_DATA_HOME relative: the password entry's home" ||
	diag "$(cat "$T/err")"
(cd "$T/cwd" && HOME=home XDG_DATA_HOME= "$DOSSIER" feeds) \
    >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && has "$T/err" "no library at $pwhome/.local/share/dossier/" &&
	[ ! -e "$T/cwd/home" ]
ok $? "a relative HOME is not used for the library" ||
	diag "$(cat "$T/err")"

# The screen creates the library and greets it.
if [ $screen_ok -eq 1 ]; then
	. "$top_srcdir/tests/lib-tmux.sh"
	start 100 30 "$DOSSIER" --db "$T/newlib/lib.db"
	wait_for "Welcome to dossier."
	ok $? "the screen opens a new library on its welcome page"
	[ -f "$T/newlib/lib.db" ]
	ok $? "the screen created the library"
	keys q
else
	skip "tmux is not installed"
	skip "tmux is not installed"
fi
exit 0
