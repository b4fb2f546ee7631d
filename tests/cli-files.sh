#!/bin/sh
# Files the user names: export --output replaces only a regular file of the
# user's (keeping its mode), never a symbolic link, a device, a FIFO or
# another user's file; import DIR follows a symbolic link found in the tree
# only when it leads inside the tree, and never loops.
. "$top_srcdir/tests/lib.sh"
plan 20

db="$T/lib.db"
"$DOSSIER" --db "$db" import -q "$top_srcdir/samples/library" >/dev/null 2>&1
"$DOSSIER" --db "$db" tag 1 +kept >/dev/null 2>&1
mkdir "$T/o"
# nothing_left: no temporary file beside the outputs.
nothing_left() { [ -z "$(ls "$T/o" | grep -E '\.[A-Za-z0-9]{6}$')" ]; }

# A symbolic link: neither the link nor the file it points to is replaced.
echo "target" >"$T/o/target.md"
ln -s target.md "$T/o/link.md"
run --db "$db" export --output "$T/o/link.md"
[ $rc -eq 1 ] && [ -L "$T/o/link.md" ] &&
	[ "$(cat "$T/o/target.md")" = target ] && nothing_left &&
	has "$T/err" "link.md is a symbolic link: not replaced"
ok $? "export --output onto a symbolic link is refused, the link kept"

# A FIFO: refused at once (never opened, so nothing blocks), still a FIFO.
mkfifo "$T/o/fifo"
timeout 5 "$DOSSIER" --db "$db" export --output "$T/o/fifo" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 1 ] && [ -p "$T/o/fifo" ] && nothing_left &&
	has "$T/err" "fifo is a named pipe (FIFO), not a regular file"
ok $? "export --output onto a FIFO is refused, the FIFO kept"

# A device (a node of our own where we may make one, so that no fault
# here can touch /dev): refused with the way to standard output.
dev=/dev/null
mknod "$T/o/null" c 1 3 2>/dev/null && dev="$T/o/null"
run --db "$db" export --output "$dev"
[ $rc -eq 1 ] && [ -c "$dev" ] &&
	has "$T/err" "$dev is a device, not a regular file: not written" &&
	has "$T/err" "give - or no --output"
ok $? "export --output onto a device is refused, naming why"

# A directory.
run --db "$db" export --output "$T/o"
[ $rc -eq 1 ] && has "$T/err" "is a directory"
ok $? "export --output onto a directory is refused"

# Another user's file (root can make one; others skip).
echo "theirs" >"$T/o/theirs.md"
if chown 65534 "$T/o/theirs.md" 2>/dev/null; then
	run --db "$db" export --output "$T/o/theirs.md"
	[ $rc -eq 1 ] && [ "$(cat "$T/o/theirs.md")" = theirs ] &&
		[ "$(stat -c %u "$T/o/theirs.md")" = 65534 ] && nothing_left &&
		has "$T/err" "theirs.md belongs to another user: not replaced"
	ok $? "export --output onto another user's file is refused"
else
	skip "cannot make a file of another user"
fi

# The user's own file: replaced whole, its mode kept.
echo "old" >"$T/o/mine.md"
chmod 0640 "$T/o/mine.md"
run --db "$db" export --output "$T/o/mine.md"
[ $rc -eq 0 ] && has "$T/o/mine.md" "# dossier:" &&
	[ "$(stat -c %a "$T/o/mine.md")" = 640 ] && nothing_left
ok $? "export --output replaces the user's own file and keeps its mode"

# A hard link: replacing it would part it from its other name, silently.
echo "twin" >"$T/o/twin.md"
ln "$T/o/twin.md" "$T/o/hard.md"
run --db "$db" export --output "$T/o/hard.md"
[ $rc -eq 1 ] && [ "$(cat "$T/o/hard.md")" = twin ] &&
	[ "$(stat -c %i "$T/o/hard.md")" = "$(stat -c %i "$T/o/twin.md")" ] &&
	nothing_left && has "$T/err" "hard.md has other hard links"
ok $? "export --output onto a file with another hard link is refused" ||
	diag "rc=$rc" "$(cat "$T/err")"

# A dangling symbolic link: nothing is made where it points.
ln -s "$T/o/nowhere.md" "$T/o/dangling.md"
run --db "$db" export --output "$T/o/dangling.md"
[ $rc -eq 1 ] && [ -L "$T/o/dangling.md" ] && [ ! -e "$T/o/nowhere.md" ] &&
	nothing_left && has "$T/err" "dangling.md is a symbolic link"
ok $? "export --output onto a dangling symbolic link is refused" ||
	diag "rc=$rc" "$(cat "$T/err")"

# A new file: 0666 less the umask.
(umask 027 && "$DOSSIER" --db "$db" export --output "$T/o/new.md" 2>/dev/null)
[ "$(stat -c %a "$T/o/new.md")" = 640 ] && has "$T/o/new.md" "# dossier:"
ok $? "a new file gets 0666 less the umask"

# - is standard output.
(cd "$T/o" && "$DOSSIER" --db "$db" export --output - >"$T/out" 2>"$T/err")
rc=$?
[ $rc -eq 0 ] && has "$T/out" "# dossier:" && [ ! -e "$T/o/-" ] &&
	! has "$T/err" "wrote"
ok $? "export --output - writes to standard output"

# The user's file in a directory they cannot write: refused, left whole.
if [ "$(id -u)" -eq 0 ]; then
	mkdir "$T/nb" "$T/ro"
	cp "$db" "$T/nb/lib.db"
	echo "kept" >"$T/ro/mine.md"
	chown -R 65534:65534 "$T/nb" "$T/ro/mine.md"
	chmod 0555 "$T/ro"
	as_user "$DOSSIER" --db "$T/nb/lib.db" export --output "$T/ro/mine.md" \
		>"$T/out" 2>"$T/err"
	rc=$?
	[ $rc -eq 1 ] && [ "$(cat "$T/ro/mine.md")" = kept ] &&
		has "$T/err" "mine.md: cannot make a temporary file beside it"
	ok $? "a file in a directory the user cannot write is left whole" ||
		diag "rc=$rc" "$(cat "$T/err")"
else
	skip "needs root to act as another user"
fi

# import DIR: links inside the tree followed, links out of it not.
mkdir -p "$T/lib/a" "$T/lib/b" "$T/outside"
s="$top_srcdir/tests/fixtures/text/plain.txt"
cp "$s" "$T/lib/a/story.txt"
printf 'An outside headline\n\nOutside text that must stay out.\n' \
	>"$T/outside/secret.txt"
printf 'Another headline here\n\nA second story inside the tree.\n' \
	>"$T/lib/b/second.txt"
ln -s ../a/story.txt "$T/lib/b/inside.txt"	# inside: followed
ln -s "$T/outside/secret.txt" "$T/lib/b/out.txt"	# a file outside
ln -s "$T/outside" "$T/lib/out-dir"		# a directory outside
ln -s ../.. "$T/lib/a/up"			# leaves the tree upward
ln -s a "$T/lib/again"				# a directory read already
run --db "$T/imp.db" import "$T/lib"
diag "$(cat "$T/out" "$T/err")"
[ $rc -eq 0 ] && has "$T/out" "2 added" && ! has "$T/out" "outside"
ok $? "import DIR imports the tree and exits 0"
has "$T/err" "out.txt: skipped: a symbolic link to a place outside" &&
	has "$T/err" "out-dir: skipped: a symbolic link to a place outside" &&
	has "$T/err" "up: skipped: a symbolic link to a place outside"
ok $? "links that leave the tree are skipped and reported"
"$DOSSIER" --db "$T/imp.db" search outside >"$T/s" 2>&1
! has "$T/s" "outside headline"
ok $? "nothing from outside the tree is in the library"
has "$T/err" "again: skipped: the same directory was read already" &&
	has "$T/out" "2 added, 1 already in the library, 0 failed, 4 skipped"
ok $? "a directory read already is skipped; the summary counts the skips"

# Named on the command line, a link is followed.
ln -s "$T/outside" "$T/named"
run --db "$T/imp2.db" import "$T/named" "$T/lib/b/out.txt"
[ $rc -eq 0 ] && has "$T/out" "1 added, 1 already in the library"
ok $? "a link named on the command line is followed"
diag "$(cat "$T/out" "$T/err")"

# A link inside a named link's tree that stays inside it is followed.
mkdir -p "$T/real/d"
cp "$s" "$T/real/d/s.txt"
ln -s d "$T/real/alias"
ln -s "$T/real" "$T/via"
run --db "$T/imp3.db" import "$T/via"
[ $rc -eq 0 ] && has "$T/out" "1 added" && ! has "$T/err" "outside" &&
	has "$T/out" "via/d/s.txt" && has "$T/err" "via/alias: skipped: the same"
ok $? "inside a named link, links within its target are followed"
diag "$(cat "$T/out" "$T/err")"

# Many links to one directory do not multiply the walk.
mkdir -p "$T/fan/d0"
cp "$s" "$T/fan/d0/s.txt"
i=0
while [ $i -lt 20 ]; do
	mkdir "$T/fan/d$((i + 1))"
	ln -s ../d$i "$T/fan/d$((i + 1))/l1"
	ln -s ../d$i "$T/fan/d$((i + 1))/l2"
	i=$((i + 1))
done
timeout 10 "$DOSSIER" --db "$T/imp4.db" import -q "$T/fan" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -ne 124 ] && has "$T/out" "1 added"
ok $? "2^20 paths through links to one directory end quickly"

# A cycle inside the tree is reported and never followed round.
ln -s .. "$T/fan/d0/loop"
timeout 10 "$DOSSIER" --db "$T/imp4.db" import -q "$T/fan" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && has "$T/err" "d0/loop: symlink loop" &&
	has "$T/out" "1 already in the library"
ok $? "a cycle inside the tree is reported, not followed"
# A link inside the tree pointed outside it after the walk checked it:
# what is read is the file the walk found, or nothing. The first file is
# big, so that its reading (watched in /proc) leaves time for the swap:
# its batch (500 files, read before they are parsed) is parsed and
# stored before the next one, with the link, is read.
if [ -r /proc/self/io ]; then
	mkdir -p "$T/race/tree" "$T/race/outside"
	python3 - "$T/race/tree/a-big.txt" <<'EOF'
import sys
words = "the minister said talks with the envoy would go on".split()
with open(sys.argv[1], "w") as f:
    f.write("Big headline\n\n")
    for i in range(20000):
        f.write(" ".join(words[(i + j) % len(words)] for j in range(60)))
        f.write(".\n\n")
EOF
	printf 'Inside story\n\nA story from inside the tree, long enough to keep.\n' \
	    >"$T/race/tree/m.txt"
	printf 'Outside secret\n\nA file from outside the tree, never to be read.\n' \
	    >"$T/race/outside/secret.txt"
	i=0
	while [ $i -lt 499 ]; do
		printf 'Filler\n\nA filler story of the first batch.\n' \
		    >"$T/race/tree/b-$i.txt"
		i=$((i + 1))
	done
	ln -s m.txt "$T/race/tree/z.txt"
	"$DOSSIER" --db "$T/race.db" import "$T/race/tree" >"$T/out" 2>"$T/err" &
	pid=$!
	n=0
	while [ $n -lt 400 ]; do
		r=$(awk '/^rchar/ { print $2 }' /proc/$pid/io 2>/dev/null)
		[ "${r:-0}" -ge 6000000 ] && break
		kill -0 $pid 2>/dev/null || break
		n=$((n + 1))
		sleep 0.01
	done
	ln -sfn ../outside/secret.txt "$T/race/tree/z.txt"
	wait $pid
	"$DOSSIER" --db "$T/race.db" list >>"$T/out" 2>&1
	! has "$T/out" "Outside secret" &&
	    has "$T/err" "z.txt: changed since the directory was read"
	ok $? "a link pointed outside the tree after the walk is not read" ||
		diag "$(cat "$T/out" "$T/err")"
else
	skip "no /proc/PID/io to watch the import's reading"
fi
exit 0
