#!/bin/sh
# dossier extract --jobs: many files analysed by several processes print
# byte for byte what one process prints, in the order of the files, with
# the same messages and exit status for files that fail.
. "$top_srcdir/tests/lib.sh"
plan 7

# The sample stories, as import reads them and raw, with files that fail
# between them.
set -- "$top_srcdir"/samples/library/*.txt
mkdir "$T/dir"
echo "The minister said the talks would go on." >"$T/one.txt"
files="$T/one.txt $T/missing-1.txt $* $T/dir $T/missing-2.txt $*"

# out NAME ARGS...: extract's output, messages and status kept as NAME.
out() {
	name=$1; shift
	"$DOSSIER" extract "$@" >"$T/$name.out" 2>"$T/$name.err" </dev/null
	echo $? >"$T/$name.rc"
}
# shellcheck disable=SC2086
out serial --jobs 1 --json --raw $files
# shellcheck disable=SC2086
out three --jobs 3 --json --raw $files
cmp -s "$T/serial.out" "$T/three.out" && [ -s "$T/serial.out" ]
ok $? "--jobs 3: the same JSON, byte for byte, in the files' order"
cmp -s "$T/serial.err" "$T/three.err" && cmp -s "$T/serial.rc" "$T/three.rc" &&
    [ "$(cat "$T/three.rc")" -eq 1 ] && [ "$(wc -l <"$T/three.err")" -eq 3 ]
ok $? "--jobs 3: the same messages in the same order, and status 1" ||
    diag "$(cat "$T/three.err")"

# shellcheck disable=SC2086
out serialtext --jobs 1 $files
# shellcheck disable=SC2086
out twotext --jobs 2 $files
cmp -s "$T/serialtext.out" "$T/twotext.out" && [ -s "$T/twotext.out" ] &&
    cmp -s "$T/serialtext.err" "$T/twotext.err"
ok $? "--jobs 2: the same summary as one process"

# The workers are real: with strace, --jobs 3 starts two more processes.
if command -v strace >/dev/null 2>&1 &&
    strace -f -e trace=none -o "$T/trace" true 2>/dev/null; then
	# shellcheck disable=SC2086
	strace -f -qq -e trace=clone,clone3,fork,vfork -o "$T/trace" \
	    "$DOSSIER" extract --jobs 3 --json --raw $files >/dev/null 2>&1
	# Processes only: a thread (or LeakSanitizer's helper under
	# --enable-asan) is a clone without SIGCHLD.
	n=$(grep -cE '^[0-9]+ +((clone|clone3)\(.*SIGCHLD|v?fork\()' "$T/trace")
	[ "$n" -eq 2 ]
	ok $? "--jobs 3 analyses in three processes" ||
	    diag "$n processes started: $(head -5 "$T/trace")"
else
	skip "no strace that can follow processes"
fi

for bad in 0 9 x 2x -1 ''; do
	run extract --jobs "$bad" "$T/one.txt"
	[ $rc -eq 2 ] && has "$T/err" "bad number of jobs" || break
done
ok $? "--jobs outside 1 to 8 is refused with a message" ||
    diag "--jobs '$bad': status $rc, $(cat "$T/err")"

run help extract
has "$T/out" "--jobs"
ok $? "dossier help extract describes --jobs"

# One file: one process, whatever --jobs says.
run extract --jobs 2 --json --raw "$T/one.txt"
[ $rc -eq 0 ] && has "$T/out" '"quotes"'
ok $? "--jobs with one file"
