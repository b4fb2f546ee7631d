#!/bin/sh
# dossier extract's memory, by its peak (GNU time's max RSS), not its
# speed: on one long text it stays within a bound per input byte, and
# over many files it follows the largest file, not how many there are.
. "$top_srcdir/tests/lib.sh"

# Bytes of peak memory per byte of one long text, above a one-line text's
# peak. Measured 9.2 on the sample stories (12.0 with tokens of 24 bytes),
# 7.7 with a word record a token and the quote stage's maps in 32 bits;
# issue 12 asks for 3. Lower it as extraction holds less.
MAX_PER_BYTE=8
# How much more memory 20 times as many files may take (KB).
MAX_MORE_KB=2048

[ -x /usr/bin/time ] && /usr/bin/time -f %M -o "$T/rss" true 2>/dev/null &&
    [ -s "$T/rss" ] || skip_all "no GNU time to measure peak memory"
# Sanitizers and valgrind-like builds hold far more: nothing to measure.
if command -v ldd >/dev/null 2>&1 && ldd "$DOSSIER" 2>/dev/null |
    grep -qE 'lib(a|ub|t)san'; then
	skip_all "a sanitizer build"
fi
plan 3

# peak_kb FILE...: dossier extract --json --raw's peak RSS in KB.
peak_kb() {
	/usr/bin/time -f %M -o "$T/rss" "$DOSSIER" extract --json --raw "$@" \
	    >"$T/out" 2>"$T/err" || return 1
	tail -n 1 "$T/rss"
}

# One long text: the sample stories, again and again, to 8 MB.
python3 - "$top_srcdir/samples/library" "$T/long.txt" <<'PY'
import glob, sys
text = b"".join(open(f, "rb").read() + b"\n\n"
                for f in sorted(glob.glob(sys.argv[1] + "/*.txt")))
open(sys.argv[2], "wb").write((text * (8000000 // len(text) + 1))[:8000000])
PY
echo "The minister said the talks would go on." >"$T/one.txt"
base=$(peak_kb "$T/one.txt")
long=$(peak_kb "$T/long.txt")
ok $? "extract runs on 8 MB of text"
per=$(awk -v b="$base" -v l="$long" 'BEGIN { printf "%.2f", (l - b) * 1024 / 8000000 }')
awk -v p="$per" -v m="$MAX_PER_BYTE" 'BEGIN { exit !(p <= m) }'
ok $? "one long text: at most $MAX_PER_BYTE bytes per input byte" ||
    diag "peak $long KB, one line $base KB: $per bytes per input byte"

# Many files: the samples once, then twenty times over.
mkdir "$T/many"
for k in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	mkdir "$T/many/$k"
	cp "$top_srcdir"/samples/library/*.txt "$T/many/$k/"
done
once=$(peak_kb "$T"/many/1/*.txt)
all=$(peak_kb "$T"/many/*/*.txt)
[ -n "$once" ] && [ -n "$all" ] && [ $((all - once)) -le $MAX_MORE_KB ]
ok $? "twenty times the files, no more than $MAX_MORE_KB KB more memory" ||
    diag "peak $once KB for one set of files, $all KB for twenty"
