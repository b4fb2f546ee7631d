#!/bin/sh
# The command line: help, version, usage errors and the store's refusals.
. "$top_srcdir/tests/lib.sh"
plan 19

run --help
[ $rc -eq 0 ]
ok $? "--help exits 0"
has "$T/out" "Commands:" && has "$T/out" "import" && has "$T/out" "--db PATH"
ok $? "--help lists commands and options"
cp "$T/out" "$T/out.cmds"

run --version
has "$T/out" "dossier 0."
ok $? "--version prints the version"

for c in import list show help; do
	run help $c
	has "$T/out" "usage: dossier [--db PATH] $c"
	ok $? "help $c shows its usage"
done

run import --help
[ $rc -eq 0 ] && has "$T/out" "--tag TAG"
ok $? "a subcommand takes --help"

# The man page says every command takes -h and --help; help included.
bad=
for c in $(sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' "$T/out.cmds"); do
	for h in -h --help; do
		run $c $h
		[ $rc -eq 0 ] && has "$T/out" "usage: dossier [--db PATH] $c " ||
			bad="$bad $c$h"
	done
done
[ -z "$bad" ]
ok $? "every command takes -h and --help" || diag "failed:$bad"

run frobnicate
[ $rc -eq 2 ] && has "$T/err" "'frobnicate' is not a command"
ok $? "an unknown command is a usage error"

run --db "$T/a.db" import
[ $rc -eq 2 ] && has "$T/err" "nothing to import"
ok $? "import without paths is a usage error"

mkdir "$T/none"
"$DOSSIER" --db "$T/a.db" import "$T/none" >/dev/null 2>&1
run --db "$T/a.db" list
[ $rc -eq 0 ] && [ ! -s "$T/out" ]
ok $? "an empty library lists nothing"

run --db "$T/a.db" show 42
[ $rc -eq 1 ] && has "$T/err" "no story with id 42"
ok $? "show of a missing story says so"

run --db "$T/a.db" show abc
[ $rc -eq 2 ] && has "$T/err" "'abc' is not a story id"
ok $? "show of a bad id is a usage error"

# A database written by a newer dossier is refused and left alone.
sqlite3 "$T/new.db" "CREATE TABLE t(x); PRAGMA user_version = 77;" 2>/dev/null ||
	python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table t(x)'); c.execute('pragma user_version=77'); c.commit()" "$T/new.db"
sum1=$(cksum <"$T/new.db")
run --db "$T/new.db" list
sum2=$(cksum <"$T/new.db")
[ $rc -eq 1 ] && has "$T/err" "schema version 77" && [ "$sum1" = "$sum2" ] &&
	[ ! -e "$T/new.db-wal" ]
ok $? "a newer database is refused and not touched"

printf 'this is not a database at all, just text %.0s' $(seq 200) >"$T/bad.db"
run --db "$T/bad.db" list
[ $rc -eq 1 ] && has "$T/err" "$T/bad.db" && has "$T/err" "not a dossier library (not an sqlite database)"
ok $? "a corrupt database gets a clear message"

# XDG_DATA_HOME decides the default path.
XDG_DATA_HOME="$T/xdg" "$DOSSIER" import "$T/none" >/dev/null 2>&1
[ -f "$T/xdg/dossier/dossier.db" ]
ok $? "the default store follows XDG_DATA_HOME"
# A bad option is named once, by the command, then the usage.
run --db "$T/x.db" list -x
[ $rc -eq 2 ] && [ "$(cat "$T/err")" = "dossier list: invalid option -- 'x'
usage: dossier list [--json] [--tag TAG] [--unread] [--limit N]" ]
ok $? "a bad option gets one message naming the command, then the usage" ||
	diag "$(cat "$T/err")"
run --db "$T/x.db" search --limit
[ $rc -eq 2 ] && [ "$(wc -l <"$T/err")" -eq 2 ] &&
	has "$T/err" "--limit needs a number"
ok $? "a missing option value is named once too" || diag "$(cat "$T/err")"
exit 0
