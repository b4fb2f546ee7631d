#!/bin/sh
# What ingest asks of the file system: a batch of stories, each written in
# a savepoint of its own, keeps those savepoints' journals in memory (no
# temporary file of sqlite's is written, seen through strace).
. "$top_srcdir/tests/lib.sh"
command -v strace >/dev/null 2>&1 || skip_all "strace is not installed"
strace -f -o /dev/null true 2>/dev/null || skip_all "strace cannot trace here"
plan 2

db="$T/db"
mkdir "$T/in" "$T/tmp"
i=0
while [ $i -lt 120 ]; do
	printf 'Story %d about the harbour\n\nThe council met on Monday in the harbour town %d. "We will build the railway before winter," said Anja Brekk, the mayor. Lena Moss of the Trade Council said the budget was late.\n' \
	    "$i" "$i" >"$T/in/s$i.txt"
	i=$((i + 1))
done
# The library is made first: making its schema is not ingest.
printf 'First story\n\nThe council met on Sunday.\n' >"$T/first.txt"
"$DOSSIER" --db "$db" import "$T/first.txt" >/dev/null 2>&1
# sqlite makes its temporary files in SQLITE_TMPDIR, unlinked at once.
SQLITE_TMPDIR="$T/tmp" strace -f -e trace=openat -o "$T/trace" \
    "$DOSSIER" --db "$db" import "$T/in" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] && has "$T/out" "120"
ok $? "120 stories are imported in one batch under strace"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err")"
! grep -q "$T/tmp/" "$T/trace"
ok $? "no temporary file of sqlite's is opened: the savepoints' journals stay in memory"
[ $? -eq 0 ] || diag "$(grep "$T/tmp/" "$T/trace" | head -3)"
