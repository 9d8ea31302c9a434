#!/usr/bin/env bash
# bench-lexicon.sh: what a large lexicon costs the whole process, as a user
# runs it. Three measurements, each process on one core (taskset -c 0,
# GOMAXPROCS=1), timed by its CPU time (user + system), the tools taking
# turns for RUNS rounds, medians reported:
#
# 1. Loading: "rhetorica lexicon check" of a 100-entry LIWC .dic and of a
#    100,000-entry one: CPU time and maximum resident set size (RSS); and,
#    from one more run with GODEBUG=gctrace=1, the largest heap that the
#    garbage collector saw while the lexicon was read and compiled (the
#    heap when a collection ended; GOGC lets the heap grow to twice what
#    the previous one left live, so this is the peak of the Go heap to
#    within the last cycle's growth).
# 2. Equal hits: "rhetorica analyze --no-default --lexicon X.dic
#    --input-format jsonl --format jsonl" over the UN General Debate corpus
#    as JSONL (every year), with the 100-entry core and with the
#    100,000-entry lexicon that contains it and whose other entries match
#    nothing in the corpus. The two outputs must be byte-identical (the
#    script fails otherwise); it prints the CPU time of each, the ratio of
#    their medians, and the median of the ratios of each round's two runs.
# 3. Dense output: a lexicon of the corpus's 5,000 most frequent words, so
#    that nearly every word is a hit, over the speeches of DENSE_YEARS: the
#    CPU time with --format jsonl (every hit written) minus that with
#    --format csv (one row of counts per speech; the analysis is the same),
#    divided by the number of hits: the output cost per hit.
#
# The lexicons are written by the Go test TestWriteBenchLexicons (package
# lexicon), which checks that no added entry matches anywhere in the corpus.
#
# Usage: scripts/bench-lexicon.sh            (from anywhere in the repository)
# Environment:
#   SHARED=dir        the shared data (default: ../shared beside the repository)
#   RUNS=n            rounds (default 3)
#   BEFORE=rev        also build and time rhetorica at git revision rev, in the
#                     same rounds, for a before/after comparison
#   DENSE_YEARS="..." corpus years of the dense measurement (default: the last)
set -euo pipefail

root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
shared=${SHARED:-$root/../shared}
runs=${RUNS:-3}
[ -d "$shared/corpus/ungdc" ] || { echo "bench-lexicon: no corpus in $shared/corpus/ungdc" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "building rhetorica ($(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ', uncommitted changes'))" >&2
(cd "$root" && go build -o "$tmp/rhetorica" ./cmd/rhetorica)
# The timer: user and system CPU and maximum RSS in microseconds and KiB
# (GNU time prints CPU in 10 ms steps).
(cd "$root" && go build -o "$tmp/cputime" ./internal/cputime)
builds=(rhetorica)
if [ -n "${BEFORE:-}" ]; then
	echo "building rhetorica at $BEFORE" >&2
	mkdir "$tmp/before"
	git -C "$root" archive "$BEFORE" | tar -x -C "$tmp/before"
	(cd "$tmp/before" && go build -o "$tmp/rhetorica-before" ./cmd/rhetorica)
	builds=(rhetorica-before rhetorica)
fi

echo "writing the lexicons (TestWriteBenchLexicons)" >&2
mkdir "$tmp/core" "$tmp/large" "$tmp/dense"
(cd "$root" && RHETORICA_BENCH_LEXICONS=$tmp go test ./lexicon -run '^TestWriteBenchLexicons$' -count=1 >&2)
# The same file name, so that nothing in the output can tell them apart.
mv "$tmp/core.dic" "$tmp/core/bench.dic"
mv "$tmp/large.dic" "$tmp/large/bench.dic"
mv "$tmp/dense.dic" "$tmp/dense/bench.dic"

# The corpus: one JSON object per speech, {"id", "country", "year", "text"},
# in sorted file order, written by scripts/ungdc-jsonl.py as for bench-peers.sh.
jsonl() { python3 "$root/scripts/ungdc-jsonl.py" "$@"; }
all=$(cd "$shared/corpus/ungdc" && ls -d [0-9][0-9][0-9][0-9])
dense_years=${DENSE_YEARS:-$(echo "$all" | tail -n 1)}
files=()
for y in $all; do files+=("$shared"/corpus/ungdc/"$y"/*.txt); done
jsonl "$tmp/ungdc.jsonl" "${files[@]}"
files=()
for y in $dense_years; do files+=("$shared"/corpus/ungdc/"$y"/*.txt); done
jsonl "$tmp/dense.jsonl" "${files[@]}"
echo "corpus: $(wc -l <"$tmp/ungdc.jsonl") speeches, $(wc -c <"$tmp/ungdc.jsonl") bytes of JSONL; dense: years $dense_years, $(wc -c <"$tmp/dense.jsonl") bytes" >&2

# cpu runs a command on CPU 0 with GOMAXPROCS=1, its output to /dev/null
# (the cost of a file system is not rhetorica's), and prints its CPU
# seconds and maximum RSS in KiB.
cpu() {
	local t=$tmp/time
	GOMAXPROCS=1 "$tmp/cputime" -o "$t" taskset -c 0 "$@" >/dev/null
	awk '{ printf "%.6f %d\n", $1 + $2, $4 }' "$t"
}

# peakheap prints the largest heap, in MB, that a gctrace of the command
# reports at the end of a collection (the B of "A->B->C MB").
peakheap() {
	GODEBUG=gctrace=1 GOMAXPROCS=1 "$@" 2>&1 >/dev/null |
		sed -n 's/.* \([0-9]*\)->\([0-9]*\)->\([0-9]*\) MB.*/\1 \2/p' |
		awk '{ for (i = 1; i <= 2; i++) if ($i > m) m = $i } END { print m + 0 }'
}

analyze() { # build lexicon corpus format
	cpu "$tmp/$1" analyze --no-default --lexicon "$tmp/$2/bench.dic" --input-format jsonl --format "$4" "$3"
}

# Equal hits: the two lexicons must give the same output, byte for byte.
for b in "${builds[@]}"; do
	"$tmp/$b" analyze --no-default --lexicon "$tmp/core/bench.dic" --input-format jsonl --format jsonl "$tmp/ungdc.jsonl" >"$tmp/core.out"
	"$tmp/$b" analyze --no-default --lexicon "$tmp/large/bench.dic" --input-format jsonl --format jsonl "$tmp/ungdc.jsonl" >"$tmp/large.out"
	if ! cmp -s "$tmp/core.out" "$tmp/large.out"; then
		echo "bench-lexicon: $b: the 100-entry and 100,000-entry lexicons give different output" >&2
		exit 1
	fi
done
hits=$(grep -o '"entry":' "$tmp/core.out" | wc -l)
echo "equal hits: both lexicons give the same $(wc -c <"$tmp/core.out")-byte output, $hits hits" >&2
"$tmp/rhetorica" analyze --no-default --lexicon "$tmp/dense/bench.dic" --input-format jsonl --format jsonl "$tmp/dense.jsonl" >"$tmp/dense.out"
dhits=$(grep -o '"entry":' "$tmp/dense.out" | wc -l)
dwords=$(grep -o '"words":[0-9]*' "$tmp/dense.out" | awk -F: '{ s += $2 } END { print s }')
echo "dense: $dhits hits for $dwords words" >&2

declare -A v
keep() { v[$1]="${v[$1]:-} $2"; }
for ((r = 1; r <= runs; r++)); do
	for b in "${builds[@]}"; do
		for lex in core large; do
			read -r s m < <(cpu "$tmp/$b" lexicon check "$tmp/$lex/bench.dic")
			keep "$b load $lex cpu" "$s"
			keep "$b load $lex rss" "$m"
			read -r s m < <(analyze "$b" "$lex" "$tmp/ungdc.jsonl" jsonl)
			keep "$b corpus $lex cpu" "$s"
			keep "$b corpus $lex rss" "$m"
			echo "round $r: $b $lex: corpus ${s}s CPU, $((m / 1024)) MiB" >&2
			printf -v "last_$lex" %s "$s"
		done
		# The ratio of the two runs of this round, which ran one after the
		# other: steadier on a busy machine than the ratio of the medians.
		keep "$b corpus ratio" "$(awk -v c="$last_core" -v l="$last_large" 'BEGIN { printf "%.3f", l / c }')"
		for f in jsonl csv; do
			read -r s m < <(analyze "$b" dense "$tmp/dense.jsonl" "$f")
			keep "$b dense $f cpu" "$s"
		done
	done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
med() { echo "${v[$1]}" | median; }
printf '%-18s %-28s %10s %10s %8s\n' build measurement "100 entries" "100,000" ratio
for b in "${builds[@]}"; do
	c=$(peakheap "$tmp/$b" lexicon check "$tmp/core/bench.dic")
	l=$(peakheap "$tmp/$b" lexicon check "$tmp/large/bench.dic")
	# No collection runs below a 4 MB heap: the core's peak is then "<4".
	awk -v b="$b" -v w="load: peak Go heap MB" -v c="$c" -v l="$l" 'BEGIN { printf "%-18s %-28s %10s %10d %8s\n", b, w, (c > 0 ? c : "<4"), l, (c > 0 ? sprintf("%.2f", l / c) : "-") }'
	for what in load corpus; do
		c=$(med "$b $what core cpu")
		l=$(med "$b $what large cpu")
		awk -v b="$b" -v w="$what: CPU s" -v c="$c" -v l="$l" 'BEGIN { printf "%-18s %-28s %10.3f %10.3f %8s\n", b, w, c, l, (c > 0 ? sprintf("%.2f", l / c) : "-") }'
		c=$(med "$b $what core rss")
		l=$(med "$b $what large rss")
		awk -v b="$b" -v w="$what: max RSS MiB" -v c="$c" -v l="$l" 'BEGIN { printf "%-18s %-28s %10.1f %10.1f %8.2f\n", b, w, c / 1024, l / 1024, l / c }'
	done
	printf '%-18s %-28s %10s %10s %8.2f\n' "$b" "corpus: CPU ratio per round" "" "" "$(med "$b corpus ratio")"
done
printf '\n%-18s %10s %10s %10s %14s\n' build "jsonl s" "csv s" hits "output us/hit"
for b in "${builds[@]}"; do
	j=$(med "$b dense jsonl cpu")
	c=$(med "$b dense csv cpu")
	awk -v b="$b" -v j="$j" -v c="$c" -v h="$dhits" 'BEGIN { printf "%-18s %10.3f %10.3f %10d %14.3f\n", b, j, c, h, (j - c) / h * 1e6 }'
done
