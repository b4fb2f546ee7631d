#!/bin/sh
# Hostile and broken input to import: each bad file is reported with its
# reason, nothing crashes, the good files still import, and nothing raw
# reaches a stored display field.
. "$top_srcdir/tests/lib.sh"
plan 17

good="$top_srcdir/tests/fixtures/text/plain.txt"
mkdir "$T/in"
cp "$good" "$T/in/good.txt"
: >"$T/in/empty.txt"
printf '  \n\n \t\n' >"$T/in/blank.txt"
head -c 4096 /dev/urandom >"$T/in/random.txt"
printf 'PK\003\004\000\000binary\000stuff' >"$T/in/zip.txt"
truncate -s 50M "$T/in/huge.txt"
printf 'Broken \377\376 bytes in a headline\n\nBody text \300\257 here with caf\303\251.\n' >"$T/in/invalid.txt"
printf '\033]0;pwned\007Escape \033[2J\033[31mheadline\302\2331m\342\200\256 here\n\nA body paragraph \033[5m with escapes\033P+q\033\\.\n' >"$T/in/escapes.txt"

run --db "$T/db" import "$T/in"
ok $((rc == 1 ? 0 : 1)) "import with bad files exits 1"
has "$T/err" "empty.txt: empty file"
ok $? "an empty file is named with its reason"
has "$T/err" "blank.txt: empty file"
ok $? "a whitespace-only file is empty"
has "$T/err" "random.txt: binary file"
ok $? "random bytes are a binary file"
has "$T/err" "zip.txt: binary file"
ok $? "a file with NUL bytes is a binary file"
has "$T/err" "huge.txt: file too large (50.0 MiB; the limit is 16 MiB)"
ok $? "a 50 MB file is refused with its size"
has "$T/out" "good.txt" && has "$T/out" "invalid.txt" && has "$T/out" "escapes.txt"
ok $? "the good files still import"
has "$T/out" "3 added, 0 already in the library, 5 failed"
ok $? "the summary counts each outcome"

run --db "$T/db" list --json
n=$(wc -l <"$T/out")
[ "$n" -eq 3 ]
ok $? "only whole stories are in the store ($n)"
! grep -q "$(printf '\033')" "$T/out" && ! grep -q "$(printf '\302\233')" "$T/out"
ok $? "no escape bytes in the listing"

id=$("$DOSSIER" --db "$T/db" list --json | grep -F 'Escape' | sed 's/.*"id":\([0-9]*\).*/\1/')
run --db "$T/db" show --json "$id"
! grep -q "$(printf '\033')" "$T/out" && ! has "$T/out" '\u001b' &&
	! has "$T/out" '\u009b' && ! has "$T/out" '\u202e' && ! has "$T/out" '\u0007'
ok $? "control characters never reach stored fields"
has "$T/out" '"title":"Escape headline here"' &&
	has "$T/out" 'A body paragraph with escapes.'
ok $? "escape sequences are removed whole, the text kept"

id=$("$DOSSIER" --db "$T/db" list --json | grep -F 'Broken' | sed 's/.*"id":\([0-9]*\).*/\1/')
run --db "$T/db" show --json "$id"
has "$T/out" 'caf\u00e9' || has "$T/out" "café"
ok $? "invalid UTF-8 is repaired and valid text kept"

# Symlink loops and dangling links.
mkdir -p "$T/loop/a"
ln -s .. "$T/loop/a/up"
ln -s self.txt "$T/loop/self.txt"
ln -s /nonexistent/x.txt "$T/loop/dangling.txt"
cp "$good" "$T/loop/a/story.txt"
run --db "$T/db2" import "$T/loop"
has "$T/err" "up: symlink loop" && has "$T/err" "self.txt: symlink loop" &&
	has "$T/err" "dangling.txt: dangling symlink" && has "$T/out" "1 added"
ok $? "symlink loops and dangling links are reported, the rest imported"

# Unreadable file (as an unprivileged user: root reads anything).
cp "$good" "$T/secret.txt"
chmod 000 "$T/secret.txt"
cp -r "$T/db2" "$T/db3" 2>/dev/null
mkdir "$T/u"; chmod 777 "$T/u"
as_user "$DOSSIER" --db "$T/u/user.db" import "$T/secret.txt" >"$T/out" 2>"$T/err" </dev/null
has "$T/err" "secret.txt: Permission denied" || {
	# the unprivileged user may be unable to create the store at all
	diag "$(cat "$T/err")"; false; }
ok $? "an unreadable file is named with the reason"

# A read-only store: reading works, importing fails clearly, nothing lost.
"$DOSSIER" --db "$T/ro/lib.db" import "$good" >/dev/null 2>&1
chmod -R a+rX "$T/ro"; chmod a-w "$T/ro/lib.db" "$T/ro"
as_user "$DOSSIER" --db "$T/ro/lib.db" import "$top_srcdir/tests/fixtures/text" >"$T/out" 2>"$T/err" </dev/null
r=$?
n=$(as_user "$DOSSIER" --db "$T/ro/lib.db" list 2>/dev/null | wc -l)
[ $r -eq 1 ] && grep -q "read-only\|readonly\|unable to open" "$T/err" && [ "$n" -eq 1 ]
ok $? "a read-only store refuses the import and keeps its story"
[ $r -eq 1 ] || diag "rc=$r" "$(head -3 "$T/err")"

# A full disk: a tiny tmpfs in a private mount namespace (1 MB: a new
# library's schema, built by every migration in turn, fills half of
# it in the WAL before the first checkpoint). The first
# story fits; a batch of bigger ones does not and fails as a whole, with
# the reason, leaving the first story in place.
mkdir "$T/big"
i=0
while [ $i -lt 40 ]; do
	{ echo "Big story number $i"; echo
	  seq 1 3000 | sed "s/^/word $i /" | tr '\n' ' '; echo; } >"$T/big/s$i.txt"
	i=$((i + 1))
done
if unshare -m true 2>/dev/null; then
	mkdir "$T/full"
	unshare -m sh -c '
		command -v mount >/dev/null || exit 77
		mount -t tmpfs -o size=1m tmpfs "$1" || exit 77
		"$2" --db "$1/lib.db" import "$3" >"$4/out1" 2>"$4/err1"
		"$2" --db "$1/lib.db" list >"$4/list1" 2>&1
		"$2" --db "$1/lib.db" import "$5" >"$4/out2" 2>"$4/err2"
		echo $? >"$4/rc2"
		"$2" --db "$1/lib.db" list >"$4/list2" 2>&1
	' sh "$T/full" "$DOSSIER" "$good" "$T" "$T/big"
	if [ $? -eq 77 ]; then
		skip "cannot mount a tmpfs here"
	else
		[ "$(wc -l <"$T/list1")" -eq 1 ] && [ "$(cat "$T/rc2")" -eq 1 ] &&
			grep -q "disk is full\|No space left" "$T/err2" &&
			cmp -s "$T/list1" "$T/list2"
		ok $? "a full disk fails the batch clearly and loses nothing"
		[ -s "$T/err2" ] && diag "$(head -2 "$T/err2")"
	fi
else
	skip "no mount namespaces here"
fi
exit 0
