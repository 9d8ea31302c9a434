package tokenize

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// found is the result of a look-up in a memoTable, for cmp: the number
// of the key found (its record's meta), and whether it was.
type found struct {
	Key uint64
	OK  bool
}

// buildTable stores keys in an arena and inserts them into a table of
// size slots (when size > 0) or sized for them, each with a record whose
// meta is its index plus one and whose normal form would follow it in the
// arena, as the memo stores them; then it grows the table by grow records
// (when grow >= 0), the way a merge does. It returns the table and the
// arena's chunks.
func buildTable(keys []string, size, grow int) (memoTable, [][]byte) {
	var c formCache
	t := newMemoTable(len(keys))
	if size > 0 {
		t = memoTable{slots: make([]memoSlot, size), seed: t.seed}
	}
	for i, k := range keys {
		off := c.store(k)
		t.insert(k, memoRec{pos: uint64(off) + uint64(len(k)), meta: uint64(i) + 1})
	}
	if grow >= 0 {
		t = t.grown(grow, c.chunks)
	}
	return t, c.chunks
}

// lookAll looks up every query in t and returns what it found.
func lookAll(t *memoTable, chunks [][]byte, queries []string) []found {
	got := make([]found, len(queries))
	for i, q := range queries {
		r, ok := t.find(q, chunks)
		got[i] = found{r.meta, ok}
	}
	return got
}

// wantAll returns what a Go map of keys (to their index plus one) gives
// for each query.
func wantAll(keys, queries []string) []found {
	m := make(map[string]uint64, len(keys))
	for i, k := range keys {
		m[k] = uint64(i) + 1
	}
	want := make([]found, len(queries))
	for i, q := range queries {
		k, ok := m[q]
		want[i] = found{k, ok}
	}
	return want
}

// uniq returns keys without their repeats, in their order.
func uniq(keys []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// TestMemoKey checks the words of keys of 0 to 40 bytes against the
// bytes copied into a zeroed array, and that changing any one byte
// changes the hash.
func TestMemoKey(t *testing.T) {
	for n := range 41 {
		s := strings.Repeat("abcdefghijklmnopqrst", 2)[:n]
		var b [16]byte
		copy(b[:], s)
		b[15] = byte(n + 1)
		w0, w1, h := memoKey(s, 1)
		if want0, want1 := le64(string(b[:8])), le64(string(b[8:])); w0 != want0 || w1 != want1 {
			t.Errorf("memoKey(%q) = %#x, %#x, want %#x, %#x", s, w0, w1, want0, want1)
		}
		for i := range n {
			c := []byte(s)
			c[i] ^= 0x20
			if _, _, h2 := memoKey(string(c), 1); h2 == h {
				t.Errorf("memoKey(%q) and memoKey(%q) hash alike: %#x", s, c, h)
			}
		}
	}
}

// TestMemoTable looks keys up in tables of several sizes: keys of 0 to 40
// bytes, keys that share their first eight bytes or differ only in
// trailing zero bytes, tables so small that every key collides, grown
// tables, and keys that are absent.
func TestMemoTable(t *testing.T) {
	var byLen []string
	for n := range 41 {
		byLen = append(byLen, strings.Repeat("abcdefghij", 5)[:n])
	}
	prefix := []string{
		"abcdefgh", "abcdefghX", "abcdefghY", "abcdefghXY", "abcdefghXYZ12345",
		"abcdefghXYZ123456", "abcdefghXYZ123457", "abcdefghXYZ12345\x00",
		"abcdefg", "abcdefg\x00", "ab", "ab\x00", "ab\x00\x00", "", "\x00",
		"\x00\x00\x00\x00\x00\x00\x00\x00", "\x00\x00\x00\x00\x00\x00\x00\x00\x00",
		strings.Repeat("é", 8), strings.Repeat("y", maxMemoLen),
	}
	absent := []string{
		"abcdefghZ", "abcdefghXYZ12346", "abcdefghXYZ1234567", "abcdefgi", "abc\x00",
		"\x00\x00\x00", "bcdefgh", "abcdefghijabcdefghijabcdefghijabcdefghijX",
		"abcdefghijabcdefghijabcdefghijabcdefghiX", strings.Repeat("y", maxMemoLen-1),
	}
	var many []string
	for i := range 1000 {
		many = append(many, "w"+strconv.Itoa(i*7919))
	}
	tests := []struct {
		name       string
		keys       []string
		size, grow int
	}{
		{"lengths 0 to 40", byLen, 0, -1},
		{"shared prefixes", prefix, 0, -1},
		{"lengths, 64 slots", byLen, 64, -1},
		{"prefixes, 32 slots", prefix, 32, -1},
		{"lengths, 45 slots", byLen, 45, -1},
		{"prefixes, 20 slots", prefix, 20, -1},
		{"one key", prefix[:1], 2, -1},
		{"copied", prefix, 0, 0},
		{"grown and put again", uniq(append(byLen[:41:41], prefix...)), 64, 64},
		{"many", many, 0, -1},
		{"many, grown", many, 0, 1000},
		{"empty", nil, 0, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, chunks := buildTable(tt.keys, tt.size, tt.grow)
			queries := append(append(append([]string(nil), tt.keys...), absent...), byLen...)
			queries = append(queries, prefix...)
			if diff := cmp.Diff(wantAll(tt.keys, queries), lookAll(&tab, chunks, queries)); diff != "" {
				t.Errorf("look-ups mismatch (-want +got):\n%s", diff)
			}
			if tab.n != len(tt.keys) {
				t.Errorf("n = %d, want %d", tab.n, len(tt.keys))
			}
		})
	}
	var zero memoTable
	if _, ok := zero.find("a", nil); ok {
		t.Error("the zero table found a key")
	}
}

// TestMemoTableCollisions fills tables of 8 to 10 slots with 7 random
// keys of up to 19 bytes of three letters, so that probes wrap around the
// end and pass keys that share their first words, and checks every key
// and a few absent ones.
func TestMemoTableCollisions(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		keys := make([]string, 7)
		seen := map[string]bool{}
		for i := range keys {
			for {
				b := make([]byte, rng.IntN(20))
				for j := range b {
					b[j] = "ab\x00"[rng.IntN(3)]
				}
				if k := string(b); !seen[k] {
					seen[k] = true
					keys[i] = k
					break
				}
			}
		}
		tab, chunks := buildTable(keys, 8+round%3, -1)
		queries := append([]string{"", "a", "b", "ab", "aaaaaaaaa", "abababababab", "\x00"}, keys...)
		if diff := cmp.Diff(wantAll(keys, queries), lookAll(&tab, chunks, queries)); diff != "" {
			t.Fatalf("round %d, keys %q: look-ups mismatch (-want +got):\n%s", round, keys, diff)
		}
	}
}

// FuzzMemoTable splits the input into keys at each '|', builds a table of
// them (small, so that keys collide, then grown) and compares every
// look-up, of the keys and of their prefixes and extensions, with a Go
// map.
func FuzzMemoTable(f *testing.F) {
	f.Add("a|ab|abc|abcdefgh|abcdefghi|abcdefghijklmnop|abcdefghijklmnopq")
	f.Add("|\x00|\x00\x00|x\x00|x")
	f.Add("United|Nations|united|nations|Secretary-General|the|of")
	f.Fuzz(func(t *testing.T, in string) {
		var keys []string
		for k := range strings.SplitSeq(in, "|") {
			if len(k) <= maxMemoLen {
				keys = append(keys, k)
			}
		}
		keys = uniq(keys)
		size := 2
		for size <= len(keys) {
			size *= 2
		}
		var queries []string
		for _, k := range keys {
			queries = append(queries, k, k+"\x00", k+"a")
			if k != "" {
				queries = append(queries, k[:len(k)-1], k[1:])
			}
		}
		for _, grow := range []int{-1, 0, len(keys)} {
			tab, chunks := buildTable(keys, size, grow)
			if diff := cmp.Diff(wantAll(keys, queries), lookAll(&tab, chunks, queries)); diff != "" {
				t.Fatalf("keys %q, grown by %d: look-ups mismatch (-want +got):\n%s", keys, grow, diff)
			}
		}
	})
}

// probeLen returns how many slots a look-up of key in t reads.
func probeLen(t *memoTable, key string, chunks [][]byte) int {
	w0, w1, h := memoKey(key, t.seed)
	n := 1
	for i := t.home(h); ; i = (i + 1) % len(t.slots) {
		s := t.slots[i]
		if s.w1 == 0 || s.w0 == w0 && s.w1 == w1 && keyOf(s, chunks) == key {
			return n
		}
		n++
	}
}

// missStats returns the mean and longest probe of a look-up that misses,
// from each slot of t as the home slot.
func missStats(t *memoTable) (mean float64, longest int) {
	for i := range t.slots {
		n := 1
		for j := i; t.slots[j].w1 != 0; j = (j + 1) % len(t.slots) {
			n++
		}
		mean += float64(n)
		longest = max(longest, n)
	}
	return mean / float64(len(t.slots)), longest
}

// TestMemoTableCorpus fills a tokenizer's memo with the vocabulary of the
// 2024 speeches and checks that probes stay short: keys found in fewer
// than two slots on average, as with a random hash.
func TestMemoTableCorpus(t *testing.T) {
	text := speeches(t)
	tk, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var doc Document
	if err := tk.TokenizeInto(&doc, text); err != nil {
		t.Fatal(err)
	}
	s := tk.cache.ro.Load()
	if s == nil {
		t.Fatal("no snapshot")
	}
	total, longest, n := 0, 0, 0
	s.t.all(s.chunks, func(key string, _ memoRec) {
		probe := probeLen(&s.t, key, s.chunks)
		total += probe
		longest = max(longest, probe)
		n++
	})
	missMean, missMax := missStats(&s.t)
	mean := float64(total) / float64(n)
	t.Logf("%d keys in %d slots (load %.2f): probe to find mean %.2f, max %d; to miss mean %.2f, max %d",
		n, len(s.t.slots), float64(n)/float64(len(s.t.slots)), mean, longest, missMean, missMax)
	// At a load of 3/5 a random hash gives 1.75 slots on average; the
	// longest probe of linear probing grows with the log of the keys, to
	// about 60 here.
	if mean > 2 || longest > 120 {
		t.Errorf("probes too long: mean %.2f, max %d", mean, longest)
	}
}
