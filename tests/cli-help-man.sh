#!/bin/sh
# Every command's --help agrees with man/dossier.1: the options of its
# usage line are those of its entry's synopsis in the man page, each
# short option stands for the same long one in both, and every option
# the help describes is described in the man page's entry.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"

"$DOSSIER" --help >"$T/help" 2>&1 || exit 1
cmds=$(awk '/^Commands:/ { on = 1; next } /^$/ { on = 0 } on { print $1 }' \
    "$T/help")
set -- $cmds
plan $(($# * 3))

cat >"$T/opts.py" <<'PY'
import re, sys

def longs(opts, short):
    return {short.get(o, o) for o in opts}

cmd, helpfile, manfile, what = sys.argv[1:5]
text = open(helpfile).read()
usage = text.splitlines()[0]
usage = usage.split(" " + cmd + " ", 1)[1] if (" " + cmd + " ") in usage \
    else ""
hshort = dict(re.findall(r"^\s+(-\w), (--[a-z][a-z-]*)", text, re.M))
hdesc = set(re.findall(r"^\s+(?:-\w, )?(--[a-z][a-z-]*)", text, re.M))
husage = set(re.findall(r"(?<![\w-])(-[a-z]\b|--[a-z][a-z-]*)", usage))

# The man page's entries of the COMMANDS list, each with its head (the
# .It line, or its Xo ... Xc block) and its text.
lines = open(manfile).read().splitlines()
entries, depth, cur, inhead = [], 0, None, False
on = False
for l in lines:
    if l.startswith(".Sh"):
        on = l == ".Sh COMMANDS"
        cur = None
        continue
    if not on:
        continue
    if l.startswith(".Bl"):
        depth += 1
    elif l.startswith(".El"):
        depth -= 1
    if l.startswith(".It") and depth == 1:
        cur = {"head": l, "text": l}
        entries.append(cur)
        inhead = l.strip() == ".It Xo"
        continue
    if cur is None:
        continue
    cur["text"] += "\n" + l
    if inhead:
        cur["head"] += "\n" + l
        if l.startswith(".Xc"):
            inhead = False

def names(e):
    m = re.search(r"(?:^|\s|\.)Ic ([a-z-]+)", e["head"])
    return m.group(1) if m else None

mine = [e for e in entries if names(e) == cmd]
mhead = "\n".join(e["head"] for e in mine)
mtext = "\n".join(e["text"] for e in mine)
msyn = set(re.findall(r"Fl (-?-?[a-zA-Z][a-z-]*)", mhead))
msyn = {o if o.startswith("-") else "-" + o for o in msyn}
msyn |= set(re.findall(r"Fl -?\w \| (-[a-z][a-z-]*)", mhead))
msyn = {("-" + o if re.match(r"-[a-z][a-z-]+$", o) else o) for o in msyn}
mshort = {"-" + a: "--" + b for a, b in
          re.findall(r"Fl (\w) (?:,|\|) (?:Fl )?-(-?[a-z][a-z-]*)", mtext)}
mshort = {k: (v if v.startswith("--") else "-" + v) for k, v in mshort.items()}
mdesc = {o if o.startswith("--") else "-" + o
         for o in re.findall(r"Fl (-[a-z][a-z-]*)", mtext)}
mdesc |= set(mshort.values())

bad = []
if not mine:
    bad.append("no entry in the man page")
if what == "synopsis":
    u = longs(husage, hshort) - {"--db"}
    m = longs(msyn, {**hshort, **mshort})
    if u != m:
        bad.append("usage %s, man %s" % (sorted(u), sorted(m)))
elif what == "short":
    for s, l in sorted(hshort.items()):
        if mshort.get(s) != l:
            bad.append("%s is %s in help, %s in man" % (s, l, mshort.get(s)))
    for s, l in sorted(mshort.items()):
        if hshort.get(s) != l:
            bad.append("%s is %s in man, %s in help" % (s, l, hshort.get(s)))
else:
    missing = sorted(hdesc - {"--help"} - mdesc)
    if missing:
        bad.append("not in the man page: %s" % " ".join(missing))
print("; ".join(bad))
sys.exit(1 if bad else 0)
PY

for c in $cmds; do
	"$DOSSIER" help "$c" >"$T/h" 2>&1
	for what in synopsis short options; do
		msg=$(python3 "$T/opts.py" "$c" "$T/h" \
		    "$top_srcdir/man/dossier.1" "$what")
		case $what in
		synopsis) d="the usage of '$c' has the options of its man synopsis" ;;
		short) d="the short options of '$c' are the same in help and man" ;;
		options) d="every option '$c --help' describes is in its man entry" ;;
		esac
		[ -z "$msg" ]
		ok $? "$d" || diag "$msg"
	done
done
exit 0
