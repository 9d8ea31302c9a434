package rhetoric

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/lexicon"
)

// jsonStrings are the pieces random strings are made of: every escape
// encoding/json makes, multi-byte and invalid UTF-8, and the separators
// that it writes as \u2028 and \u2029.
var jsonStrings = []string{"", "a", "Russia", " ", `"`, `\`, "/", "<", ">", "&", "\n", "\r", "\t", "\b", "\f",
	"\x00", "\x1f", "\x7f", "é", "Україна", "’", "\u2028", "\u2029", "\xff", "\xe2\x80", "😀", "NONE", "blame"}

// jsonFloats are the floats random reports hold: both formats of
// encoding/json and the edges between them.
var jsonFloats = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1.5, 2.0 / 3, 1e-6, 9.99e-7, 1e-7, 1.5e-10,
	1e20, 1e21, 1.2345e22, -1e-9, 123.456, 0.1 + 0.2, math.MaxFloat64, math.SmallestNonzeroFloat64}

// fillRandom sets every field of the value v points to at random,
// whatever fields the types have (so that a field added to Report, Hit,
// Modifier, DeviceScore, TargetCount or Span is filled too): slices and
// maps are nil, empty or hold a few elements.
func fillRandom(rng *rand.Rand, v reflect.Value, depth int) {
	if v.Type() == reflect.TypeFor[lexicon.ModifierKind]() {
		// A report's modifier is a negator, an intensifier or a hedge.
		v.SetUint(uint64(rng.IntN(3)))
		return
	}
	switch v.Kind() {
	case reflect.String:
		var b strings.Builder
		for range rng.IntN(4) {
			b.WriteString(jsonStrings[rng.IntN(len(jsonStrings))])
		}
		v.SetString(b.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(rng.Int64N(2001) - 1000)
		if rng.IntN(10) == 0 {
			v.SetInt(math.MaxInt32)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(rng.Uint64N(1000))
	case reflect.Float32, reflect.Float64:
		f := jsonFloats[rng.IntN(len(jsonFloats))]
		if rng.IntN(3) == 0 {
			f = rng.NormFloat64() * math.Pow(10, float64(rng.IntN(40)-20))
		}
		v.SetFloat(f)
	case reflect.Bool:
		v.SetBool(rng.IntN(2) == 0)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillRandom(rng, v.Field(i), depth+1)
			}
		}
	case reflect.Pointer:
		if rng.IntN(3) > 0 {
			v.Set(reflect.New(v.Type().Elem()))
			fillRandom(rng, v.Elem(), depth+1)
		}
	case reflect.Slice:
		switch n := rng.IntN(5); {
		case n == 0:
		case n == 1 || depth > 3:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		default:
			s := reflect.MakeSlice(v.Type(), n-1, n-1)
			for i := range n - 1 {
				fillRandom(rng, s.Index(i), depth+1)
			}
			v.Set(s)
		}
	case reflect.Map:
		switch n := rng.IntN(14); {
		case n == 0:
		case n == 1:
			v.Set(reflect.MakeMap(v.Type()))
		default:
			m := reflect.MakeMap(v.Type())
			for range n - 1 {
				k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
				fillRandom(rng, k, depth+1)
				fillRandom(rng, e, depth+1)
				m.SetMapIndex(k, e)
			}
			v.Set(m)
		}
	}
}

// jsonDiff returns the path of the first place where the JSON documents a
// and b differ (field names as JSON keys) and what each holds there.
func jsonDiff(a, b []byte) string {
	var va, vb any
	if err := json.Unmarshal(a, &va); err != nil {
		return "encoding/json's output does not parse: " + err.Error()
	}
	if err := json.Unmarshal(b, &vb); err != nil {
		return "AppendJSON's output does not parse: " + err.Error()
	}
	var walk func(path string, x, y any) string
	walk = func(path string, x, y any) string {
		switch x := x.(type) {
		case map[string]any:
			y, ok := y.(map[string]any)
			if !ok {
				return fmt.Sprintf("%s: encoding/json wrote an object, AppendJSON %v", path, y)
			}
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				if _, ok := y[k]; !ok {
					return fmt.Sprintf("%s.%s: field missing from AppendJSON's output (encoding/json wrote %v)", path, k, x[k])
				}
				if d := walk(path+"."+k, x[k], y[k]); d != "" {
					return d
				}
			}
			for k := range y {
				if _, ok := x[k]; !ok {
					return fmt.Sprintf("%s.%s: AppendJSON writes a field that encoding/json does not (omitempty?)", path, k)
				}
			}
		case []any:
			y, ok := y.([]any)
			if !ok || len(x) != len(y) {
				return fmt.Sprintf("%s: encoding/json wrote %v, AppendJSON %v", path, x, y)
			}
			for i := range x {
				if d := walk(fmt.Sprintf("%s[%d]", path, i), x[i], y[i]); d != "" {
					return d
				}
			}
		default:
			if !reflect.DeepEqual(x, y) {
				return fmt.Sprintf("%s: encoding/json wrote %v, AppendJSON %v", path, x, y)
			}
		}
		return ""
	}
	if d := walk("report", va, vb); d != "" {
		return d
	}
	return "same values, different bytes (key order, spacing, escaping or number format)"
}

// TestAppendJSONRandom compares AppendJSON with json.Marshal on random
// reports. Its reports fill every exported field by reflection, so a field
// added to Report or to a type it holds makes this test fail, naming the
// field, until the encoder in json.go writes it.
func TestAppendJSONRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 2026))
	var buf []byte
	for i := range 3000 {
		var r Report
		fillRandom(rng, reflect.ValueOf(&r).Elem(), 0)
		want, err := json.Marshal(&r)
		if err != nil {
			t.Fatalf("report %d: json.Marshal: %v", i, err)
		}
		buf, err = r.AppendJSON(buf[:0])
		if err != nil {
			t.Fatalf("report %d: AppendJSON: %v", i, err)
		}
		if !bytes.Equal(want, buf) {
			t.Fatalf("report %d: AppendJSON differs from encoding/json; update rhetoric/json.go.\n%s\nencoding/json: %s\nAppendJSON:    %s",
				i, jsonDiff(want, buf), want, buf)
		}
		for j := range r.Devices {
			want, _ := json.Marshal(&r.Devices[j])
			got, err := r.Devices[j].AppendJSON(nil)
			if err != nil || !bytes.Equal(want, got) {
				t.Fatalf("report %d, device %d: AppendJSON differs from encoding/json (%v).\n%s\nencoding/json: %s\nAppendJSON:    %s",
					i, j, err, jsonDiff(want, got), want, got)
			}
		}
	}
}

// TestAppendJSONReports compares AppendJSON with json.Marshal, compact
// and (through json.Indent) indented, on the reports of the golden
// statements.
func TestAppendJSONReports(t *testing.T) {
	lex := lexicon.Default()
	files, _ := filepath.Glob(filepath.Join(testutil.ModuleRoot(t), "testdata", "statements", "*.json"))
	if len(files) == 0 {
		t.Fatal("no statements in testdata/statements")
	}
	a, err := New(lex, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var st Statement
		if err := json.Unmarshal(data, &st); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		r, err := a.Analyze(context.Background(), st)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		want, _ := json.Marshal(r)
		got, err := r.AppendJSON(nil)
		if err != nil || !bytes.Equal(want, got) {
			t.Fatalf("%s: AppendJSON differs from encoding/json (%v): %s", file, err, jsonDiff(want, got))
		}
		wantIndent, _ := json.MarshalIndent(r, "  ", "  ")
		var ind bytes.Buffer
		if err := json.Indent(&ind, got, "  ", "  "); err != nil || !bytes.Equal(wantIndent, ind.Bytes()) {
			t.Fatalf("%s: indented AppendJSON differs from json.MarshalIndent (%v)", file, err)
		}
	}
}

func TestAppendJSONNaN(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		r := Report{ID: "x", Hits: []Hit{{Weight: f}}}
		_, want := json.Marshal(&r)
		got, err := r.AppendJSON([]byte("keep"))
		if want == nil || err == nil {
			t.Errorf("%v: json.Marshal error %v, AppendJSON error %v; want both to fail", f, want, err)
		}
		if string(got) != "keep" {
			t.Errorf("%v: AppendJSON returned %q, want dst unchanged", f, got)
		}
	}
}

func TestAppendJSONAllocs(t *testing.T) {
	r := Report{ID: "a", Speaker: "b", Meta: map[string]string{"country": "UKR", "year": "2024"},
		Devices: []DeviceScore{{Device: "blame", Targets: []TargetCount{{Actor: "RUS", Count: 2}}}},
		Hits:    []Hit{{Device: "blame", Entry: "aggress*", Text: "aggression", Weight: 1.5, Target: "RUS"}},
		Spans:   []Span{{Start: 0, End: 10, Devices: []string{"blame"}}}}
	buf := make([]byte, 0, 4096)
	if n := testing.AllocsPerRun(100, func() { buf, _ = r.AppendJSON(buf[:0]) }); n != 0 {
		t.Errorf("AppendJSON allocates %v times per report, want 0", n)
	}
}

func ExampleReport_AppendJSON() {
	r := Report{ID: "s1", Speaker: "UKR", Words: 3, Tokens: 4, Sentences: 1,
		Hits:  []Hit{{Device: "blame", Entry: "aggress*", Text: "aggression", Start: 7, End: 17, Weight: 1, Target: "RUS", TargetRule: "nearest"}},
		Spans: []Span{{Start: 0, End: 18, Devices: []string{"blame"}}}}
	b, err := r.AppendJSON(nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(b))
	// Output:
	// {"id":"s1","speaker":"UKR","words":3,"tokens":4,"sentences":1,"devices":null,"hits":[{"device":"blame","entry":"aggress*","text":"aggression","start":7,"end":17,"sentence":0,"weight":1,"negated":false,"intensified":false,"hedged":false,"target":"RUS","target_rule":"nearest"}],"spans":[{"start":0,"end":18,"devices":["blame"]}]}
}

// BenchmarkReportJSON encodes the reports of the bench speeches with
// AppendJSON and with encoding/json, per input byte of the speeches.
func BenchmarkReportJSON(b *testing.B) {
	texts := loadSpeeches(b)
	a := benchAnalyzer(b, Options{})
	var reports []*Report
	n, hits := 0, 0
	for _, t := range texts {
		r, err := a.Analyze(context.Background(), Statement{Text: t})
		if err != nil {
			b.Fatal(err)
		}
		reports = append(reports, r)
		n += len(t)
		hits += len(r.Hits)
	}
	b.Run("enc=AppendJSON", func(b *testing.B) {
		b.SetBytes(int64(n))
		b.ReportAllocs()
		var buf []byte
		for b.Loop() {
			for _, r := range reports {
				buf, _ = r.AppendJSON(buf[:0])
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(hits), "ns/hit")
	})
	b.Run("enc=encoding-json", func(b *testing.B) {
		b.SetBytes(int64(n))
		b.ReportAllocs()
		for b.Loop() {
			for _, r := range reports {
				if _, err := json.Marshal(r); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(hits), "ns/hit")
	})
}

// TestAppendDecimal4 checks the short decimal path of the float encoder
// against strconv bit for bit: on numbers of up to four decimals, where it
// must apply, and on arbitrary doubles, where it must decline or agree.
func TestAppendDecimal4(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	check := func(f float64, mustApply bool) {
		t.Helper()
		want := strconv.AppendFloat(nil, f, 'f', -1, 64)
		got, ok := appendDecimal4(nil, f)
		if ok && string(got) != string(want) {
			t.Fatalf("appendDecimal4(%v) = %s, strconv writes %s", f, got, want)
		}
		if !ok && (len(got) != 0 || mustApply) {
			t.Fatalf("appendDecimal4(%v) declined (appending %q); want %s", f, got, want)
		}
	}
	for _, f := range []float64{0.5, -0.276, 2, 1e-4, -1e-4, 0.1 + 0.2, 0.3, 9999999999.9999, 123.456, 7.033, 0.9999, 1.0001} {
		check(f, f == math.Round(f*1e4)/1e4)
	}
	for range 300000 {
		k := rng.IntN(5)
		n := rng.Int64N(int64(math.Pow(10, float64(rng.IntN(15)+1))))
		if rng.IntN(2) == 0 {
			n = -n
		}
		if n == 0 {
			continue
		}
		// The double nearest to n/10^k, as strconv.ParseFloat reads it.
		f, err := strconv.ParseFloat(strconv.FormatInt(n/int64(math.Pow(10, float64(k))), 10)+"."+fmt.Sprintf("%0*d", k, abs64(n)%int64(math.Pow(10, float64(k)))), 64)
		if k == 0 {
			f, err = float64(n), nil
		}
		if err != nil {
			t.Fatal(err)
		}
		check(f, math.Abs(f) < 1e10)
		check(math.Round(rng.Float64()*1e4)/1e4, false)
		check(rng.NormFloat64()*math.Pow(10, float64(rng.IntN(30)-15)), false)
	}
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// TestAppendInt checks the integer writer against strconv on every number
// around each power of ten (where the digit count changes), on the
// extremes, and on random numbers of every size.
func TestAppendInt(t *testing.T) {
	check := func(v int) {
		t.Helper()
		if got, want := appendInt([]byte("x"), v), strconv.AppendInt([]byte("x"), int64(v), 10); string(got) != string(want) {
			t.Fatalf("appendInt(%d) = %s, strconv writes %s", v, got, want)
		}
	}
	for p := 1; p <= 1e9; p *= 10 {
		for d := -3; d <= 3; d++ {
			check(p + d)
			check(-p + d)
		}
	}
	for _, v := range []int{0, math.MaxInt32, math.MinInt32, int(^uint(0) >> 1), -int(^uint(0)>>1) - 1} {
		check(v)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 200000 {
		check(int(rng.Int64N(int64(math.Pow(10, float64(rng.IntN(10)+1))))) * (1 - 2*rng.IntN(2)))
	}
}

// TestAppendDecimal3 checks the weights' path against strconv bit for bit:
// on every k/1000 for |k| < 10^5 (every int16 weight among them), where it
// must apply, and on other doubles, where it must decline or agree.
func TestAppendDecimal3(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	check := func(f float64, mustApply bool) {
		t.Helper()
		want := strconv.AppendFloat(nil, f, 'f', -1, 64)
		got, ok := appendDecimal3(nil, f)
		if ok && string(got) != string(want) {
			t.Fatalf("appendDecimal3(%v) = %s, strconv writes %s", f, got, want)
		}
		if !ok && (len(got) != 0 || mustApply) {
			t.Fatalf("appendDecimal3(%v) declined (appending %q); want %s", f, got, want)
		}
	}
	for k := -100000; k < 100000; k++ {
		check(float64(k)/1000, k != 0)
	}
	for _, f := range []float64{0, math.Copysign(0, -1), 0.0005, 1e-4, 999.9995, 999.999, -999.999, 1000, 1e6, math.NaN(), math.Inf(1), math.Inf(-1), 0.1 + 0.2} {
		check(f, false)
	}
	for range 300000 {
		check(math.Round(rng.Float64()*1e4)/1e4, false)
		check(rng.NormFloat64()*math.Pow(10, float64(rng.IntN(16)-8)), false)
	}
}

// TestUnsafe8 compares the eight-byte test of appendStr with the jsonSafe
// table: every byte value at every place among safe bytes, pairs of
// bytes next to each other (where a borrow could run on), and random
// words.
func TestUnsafe8(t *testing.T) {
	want := func(b []byte) bool {
		for _, c := range b {
			if !jsonSafe[c] {
				return true
			}
		}
		return false
	}
	check := func(b []byte) {
		t.Helper()
		if got := unsafe8(load8(string(b), 0)) != 0; got != want(b) {
			t.Fatalf("unsafe8(%q) = %v, want %v", b, got, want(b))
		}
	}
	for _, fill := range []byte{'a', ' ', '!', '~', 0x7f, '=', '/'} {
		for p := range 8 {
			for c := range 256 {
				b := bytes.Repeat([]byte{fill}, 8)
				b[p] = byte(c)
				check(b)
				if p < 7 {
					for c2 := range 256 {
						b[p+1] = byte(c2)
						check(b)
					}
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 1000000 {
		var b [8]byte
		for i := range b {
			b[i] = byte(rng.IntN(256))
			if rng.IntN(4) > 0 {
				b[i] = byte(0x20 + rng.IntN(0x60))
			}
		}
		check(b[:])
	}
	// appendStr as a whole: strings of every length around the eight-byte
	// blocks, with an escape anywhere or none, as encoding/json writes them.
	for n := range 20 {
		for p := -1; p < n; p++ {
			for _, c := range []string{"\"", "\\", "<", "é", "\n", "\u2028", "\xff"} {
				s := strings.Repeat("x", n)
				if p >= 0 {
					s = s[:p] + c + s[p+1:]
				}
				w, err := json.Marshal(s)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(string(w), string(appendStr(nil, s))); diff != "" {
					t.Fatalf("appendStr(%q) (-want +got):\n%s", s, diff)
				}
			}
		}
	}
}

// TestAppendJSONReasonMemo checks the memo of reasons' features and
// weights (jsonEnc.featureWeight) against json.Marshal: reasons that
// repeat a feature with its weight and with other weights, features that
// share their bytes' start but not their length, names that need escaping
// and names too long for a slot, in one report and encoded again (when the
// memo holds them).
func TestAppendJSONReasonMemo(t *testing.T) {
	blob := `w=aggression<&>"` + strings.Repeat("x", 80)
	var because []Reason
	for i := range 400 {
		f := blob[:2+i%15]
		if i%7 == 0 {
			f = blob
		}
		w := []float64{0.5, -1.25, 0.001, 2}[i%4]
		if i%11 == 0 {
			w = float64(i) / 3
		}
		because = append(because, Reason{Feature: f, Weight: w, Start: i, End: i + 1})
	}
	r := Report{ID: "memo", Spans: []Span{{Start: 0, End: 10, Devices: []string{"blame"},
		Scores: []Prob{{Device: "blame", P: 0.75, Because: because}, {Device: "threat", P: 0.5, Because: because[100:]}}}}}
	checkAppendJSONPasses(t, &r)
}

// TestAppendJSONReasonMemoReusedMemory checks that the memo of reasons
// (jsonEnc.featureWeight) answers by a feature's bytes, not by where they
// lie: a caller that builds a report's features over memory it reuses (a
// zero-copy decoder's line buffer, unsafe.String) and encodes a second
// report whose feature has the first one's address, length and weight but
// other bytes gets the second feature, as encoding/json writes it.
func TestAppendJSONReasonMemoReusedMemory(t *testing.T) {
	tests := []struct {
		name          string
		before, after string // the buffer's bytes for each report (same length)
		weight        float64
	}{
		{"other word", "w=aggression", "w=sovereigns", 0.5},
		{"one byte differs", "h=blame/kill", "h=blame/kilt", -1.25},
		{"escaped then plain", `w=a"b`, `w=a\b`, 2},
		{"plain then escaped", `w=a\b`, `w=a"b`, 2},
		{"quote where the slot's closing quote lies", `w=ab"`, `w=ab\`, 0.001},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			buf := []byte(tt.before)
			report := func() Report {
				f := unsafe.String(&buf[0], len(buf)) // the caller's view of its buffer
				because := make([]Reason, 2*reasonMemoMin)
				for i := range because {
					because[i] = Reason{Feature: f, Weight: tt.weight, Start: i, End: i + 1}
				}
				return Report{ID: "reuse", Spans: []Span{{Start: 0, End: 10, Devices: []string{"blame"},
					Scores: []Prob{{Device: "blame", P: 0.75, Because: because}}}}}
			}
			first := report()
			if _, err := first.AppendJSON(nil); err != nil {
				t.Fatal(err)
			}
			copy(buf, tt.after) // the buffer is reused for the next line
			second := report()
			got, err := second.AppendJSON(nil)
			if err != nil {
				t.Fatal(err)
			}
			// encoding/json of the same report with its own copy of the bytes.
			fresh := report()
			for i := range fresh.Spans[0].Scores[0].Because {
				fresh.Spans[0].Scores[0].Because[i].Feature = strings.Clone(tt.after)
			}
			want, err := json.Marshal(&fresh)
			if err != nil {
				t.Fatal(err)
			}
			var back Report
			if err := json.Unmarshal(got, &back); err != nil {
				t.Fatalf("AppendJSON wrote invalid JSON: %v", err)
			}
			var features []string
			for _, r := range back.Spans[0].Scores[0].Because {
				if !slices.Contains(features, r.Feature) {
					features = append(features, r.Feature)
				}
			}
			if diff := cmp.Diff([]string{tt.after}, features); diff != "" {
				t.Errorf("features of the second report (-want +got):\n%s", diff)
			}
			if !bytes.Equal(want, got) {
				t.Errorf("AppendJSON differs from encoding/json: %s", jsonDiff(want, got))
			}
		})
	}
}

// TestAppendJSONFloatMemo encodes, three times, a report long enough to
// use the memo of floats, whose device scores and hit weights repeat
// quotients of small counts, fill more slots than the memo has, and hold
// -0, +0, tiny and huge values; each time it compares with encoding/json.
func TestAppendJSONFloatMemo(t *testing.T) {
	because := make([]Reason, reasonMemoMin)
	for i := range because {
		because[i] = Reason{Feature: "w=x", Weight: 0.5, Start: i, End: i + 1}
	}
	r := Report{ID: "floats", Spans: []Span{{Devices: []string{"blame"}, Scores: []Prob{{Device: "blame", P: 0.5, Because: because}}}}}
	specials := []float64{math.Copysign(0, -1), 0, 1e-7, 3e-7 / 7, 1e21, 1e22 / 3, -2.0 / 3}
	for i := range 3000 {
		n, d := i%97+1, i%13+3
		r.Devices = append(r.Devices, DeviceScore{Device: "d", Weight: float64(n) / 10,
			Per1K: float64(n) * 1000 / float64(d*101), Share: float64(n) / float64(d), Coverage: float64(i) / 2999, Intensity: specials[i%len(specials)]})
		r.Hits = append(r.Hits, Hit{Device: "d", Weight: float64(n) * 1.1})
	}
	checkAppendJSONPasses(t, &r)
}

// checkAppendJSONPasses encodes r three times into one reused buffer and
// checks each pass against encoding/json: what the encoder's memos keep
// from one pass must not change the next.
func checkAppendJSONPasses(t *testing.T, r *Report) {
	t.Helper()
	want, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var buf []byte
	for pass := range 3 {
		buf, err = r.AppendJSON(buf[:0])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want, buf) {
			t.Fatalf("pass %d: AppendJSON differs from encoding/json: %s", pass, jsonDiff(want, buf))
		}
	}
}
