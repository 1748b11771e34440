# lib.sh: what the output tests share (sourced; POSIX sh). Each test runs
# dekom ($1) from the source tree ($2) in a scratch directory of its own,
# removed at the end, and counts failures; `finish` exits 1 on any.
set -u
dekom=$1
src=$2
case $dekom in /*) ;; *) dekom=$(pwd)/$dekom ;; esac
case $src in /*) ;; *) src=$(pwd)/$src ;; esac
work=$(mktemp -d "${TMPDIR:-/tmp}/dekom-output-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

skip() {
	echo "SKIP: $*"
}

finish() {
	[ "$failures" = 0 ] || { echo "$failures failure(s)"; exit 1; }
	exit 0
}

# run ARGS...: dekom with its standard error in $work/stderr and the exit
# code in $rc.
run() {
	"$dekom" "$@" 2> "$work/stderr" < /dev/null
	rc=$?
}

expect_rc() {
	[ "$rc" = "$1" ] || fail "$2: exit code $rc, expected $1 ($(cat "$work/stderr"))"
}

# expect_stderr TEXT WHAT: standard error is exactly TEXT (one line).
expect_stderr() {
	printf '%s\n' "$1" > "$work/want"
	cmp -s "$work/want" "$work/stderr" ||
		fail "$2: standard error is '$(cat "$work/stderr")', expected '$1'"
}

# no_temps DIR WHAT: no .dekom-XXXXXX file is left in DIR.
no_temps() {
	if ls -A "$1" | grep -q '^\.dekom-'; then
		fail "$2: a temporary file was left in $1: $(ls -A "$1" | grep '^\.dekom-')"
		rm -f "$1"/.dekom-*
	fi
}

# same FILE TEXT WHAT: FILE holds exactly TEXT and a line feed.
same() {
	printf '%s\n' "$2" > "$work/want"
	cmp -s "$work/want" "$1" || fail "$3: $1 holds '$(head -c 80 "$1")', expected '$2'"
}

mode_of() {
	stat -c %a "$1"
}

# The built-in case's JSON, as dekom writes it to standard output; the
# files written by -o must hold exactly these bytes.
"$dekom" recommend -f json > "$work/ref.json" 2> /dev/null
"$dekom" recommend -f csv > "$work/ref.csv" 2> /dev/null
