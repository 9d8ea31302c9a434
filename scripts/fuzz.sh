#!/usr/bin/env bash
# fuzz.sh: run every fuzz target of the repository (and of the Beam module)
# for a while each, one after the other, and say which found a failing input.
#
# The test suite runs each target's seed corpus only; this script is the
# campaign behind it, for a maintainer who changed a parser or reader. A
# target that fails writes its failing input under testdata/fuzz/NAME (go
# test prints where); commit it with the fix, so that the suite keeps it.
#
# A target that ends with a bare "context deadline exceeded" at the end of
# its time, writing no failing input, hit a race in the fuzzing coordinator
# of Go before 1.27 (golang/go#75804), not a failing input: the script
# reports it as such and does not count it. FUZZTIME=Nx (a count of runs)
# has no deadline and so no such race.
#
# Usage: scripts/fuzz.sh [PATTERN]   (only the targets whose name matches
#                                     the extended regular expression)
# Environment:
#   FUZZTIME=d   each target's budget, a duration or a count (default 30s)
#   PAR=n        fuzzing workers per target (default 1)
# Exit status: 0 when no target found a failing input, 1 otherwise.
set -uo pipefail

root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$root" || exit 2
fuzztime=${FUZZTIME:-30s}
par=${PAR:-1}
pattern=${1:-.}

# module directory, package path relative to it, target name
targets=$(grep -rl --include='*_test.go' '^func Fuzz' . | sort | while read -r f; do
	dir=$(dirname "$f")
	mod=.
	case $dir in ./beam | ./beam/*) mod=beam dir=.${dir#./beam} ;; esac
	grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | sed 's/^func //' | while read -r name; do
		echo "$mod $dir $name"
	done
done | grep -E " [^ ]*${pattern}[^ ]*\$" | sort -u)
[ -n "$targets" ] || { echo "fuzz: no target matches $pattern" >&2; exit 2; }

found=0 raced=0 n=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
while read -r mod dir name; do
	n=$((n + 1))
	(cd "$mod" && go test -run '^$' -fuzz "^$name\$" -fuzztime "$fuzztime" -parallel "$par" "$dir") >"$tmp" 2>&1
	status=$?
	where=${dir#./}
	[ "$mod" = . ] || where=$mod/$where
	if [ $status -eq 0 ]; then
		echo "ok      $where $name"
	elif grep -q 'Failing input written' "$tmp"; then
		found=$((found + 1))
		echo "FOUND   $where $name"
		grep -E 'Failing input written|To re-run|panic:|--- FAIL' "$tmp" | sed 's/^/        /'
	elif grep -q 'context deadline exceeded' "$tmp" && ! grep -qE 'panic:|Failing input' "$tmp"; then
		raced=$((raced + 1))
		echo "race    $where $name (context deadline exceeded at the end, no failing input: golang/go#75804)"
	else
		found=$((found + 1))
		echo "FAIL    $where $name"
		tail -20 "$tmp" | sed 's/^/        /'
	fi
done <<<"$targets"
echo "fuzz: $n targets, $found with a failing input or error, $raced ended by the coordinator's race ($fuzztime each)"
[ $found -eq 0 ]
