package suggest

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

func readSmall(t *testing.T) []Item {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "small.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	items, err := ReadAnnotated("small.jsonl", f)
	if err != nil {
		t.Fatal(err)
	}
	return items
}

func TestReadAnnotated(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Item
		wantErr []string // each error line, in order
	}{
		{name: "plain", in: `{"id":"a","text":"War.","devices":["blame"],"targets":{"blame":"RUS"}}` + "\n",
			want: []Item{{ID: "a", Text: "War.", Devices: []string{"blame"}}}},
		{name: "bom crlf blank", in: "\ufeff{\"id\":\"a\",\"text\":\"x\"}\r\n\r\n{\"text\":\"y\"}\r\n",
			want: []Item{{ID: "a", Text: "x"}, {ID: "f:3", Text: "y"}}},
		{name: "bad json", in: "{\"id\":\"a\",\"text\":\"x\"}\nnot json\n{\"id\":\"c\",\"text\":\"z\"}\n",
			want:    []Item{{ID: "a", Text: "x"}, {ID: "c", Text: "z"}},
			wantErr: []string{"f:2: not a JSON object with id, text and devices: invalid character 'o' in literal null (expecting 'u')"}},
		{name: "no text", in: `{"id":"a","devices":["x"]}` + "\n" + `{"id":"b","text":" "}`,
			wantErr: []string{`f:1: item "a" has no text`, `f:2: item "b" has no text`}},
		{name: "wrong type", in: `{"id":"a","text":"x","devices":"blame"}`,
			wantErr: []string{"f:1: not a JSON object with id, text and devices: cannot unmarshal string into Go struct field Item.devices of type []string"}},
		{name: "two values", in: `{"text":"x"} {"text":"y"}`,
			wantErr: []string{"f:1: more than one JSON value on the line"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadAnnotated("f", strings.NewReader(tt.in))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("items (-want +got):\n%s", diff)
			}
			var gotErr []string
			if err != nil {
				gotErr = strings.Split(err.Error(), "\n")
				if !errors.Is(err, ErrAnnotated) {
					t.Errorf("error %v does not unwrap to ErrAnnotated", err)
				}
			}
			if diff := cmp.Diff(tt.wantErr, gotErr); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSuggest(t *testing.T) {
	items := readSmall(t)
	res, err := Suggest(items, Options{MinSupport: 2, MinZ: 0.5, Max: 4, Prior: 10})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Pattern        string
		Kind           Kind
		Support, Count int
		Precision      float64
	}
	got := map[string][]row{}
	for _, d := range res.Devices {
		for _, c := range d.Cues {
			got[d.Name] = append(got[d.Name], row{c.Pattern, c.Kind, c.Support, c.Count, c.Precision})
		}
	}
	// "bear" and "bears" share a stem cue, which replaces the words; the
	// single words beat the phrases they are in ("bears responsibility");
	// "~negotiations" (negotiated, negotiations) is in the economic
	// sentence too.
	want := map[string][]row{
		"blame": {
			{"responsibility", WordCue, 3, 3, 1},
			{"~bears", StemCue, 3, 3, 1},
			{"aggression", WordCue, 2, 2, 1},
		},
		"peace": {
			{"dialogue", WordCue, 3, 3, 1},
			{"peace", WordCue, 2, 2, 1},
			{"~negotiations", StemCue, 2, 3, 2.0 / 3},
		},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("cues (-want +got):\n%s", diff)
	}
	if res.Sentences != 10 {
		t.Errorf("Sentences = %d, want 10", res.Sentences)
	}
}

func TestSuggestErrors(t *testing.T) {
	if _, err := Suggest(nil, Options{}); !errors.Is(err, ErrNoData) {
		t.Errorf("no items: err = %v, want ErrNoData", err)
	}
	items := readSmall(t)
	if _, err := Suggest(items, Options{Devices: []string{"irony"}}); err == nil || !strings.Contains(err.Error(), `"irony"`) {
		t.Errorf("unknown device: err = %v", err)
	}
	if _, err := Suggest([]Item{{Text: "x"}}, Options{}); err == nil {
		t.Error("no devices: no error")
	}
}

// TestLogOddsMatchesCompare checks that the cue statistic is the one of
// rhetoric.CompareWith, with sentences in place of words.
func TestLogOddsMatchesCompare(t *testing.T) {
	for _, c := range []struct{ ya, na, yb, nb int }{{10, 100, 5, 400}, {1, 50, 0, 10}, {30, 60, 30, 60}} {
		a := rhetoric.Profile{Group: "a", Words: c.na, Devices: []rhetoric.DeviceScore{{Device: "cue", Hits: c.ya}}}
		b := rhetoric.Profile{Group: "b", Words: c.nb, Devices: []rhetoric.DeviceScore{{Device: "cue", Hits: c.yb}}}
		want := rhetoric.CompareWith(a, b, 50).Devices[0]
		lo, z := logOdds(float64(c.ya), float64(c.na), float64(c.yb), float64(c.nb), 50)
		if math.Abs(lo-want.LogOdds) > 1e-12 || math.Abs(z-want.Z) > 1e-12 {
			t.Errorf("%+v: logOdds = %g, %g; CompareWith %g, %g", c, lo, z, want.LogOdds, want.Z)
		}
	}
}

// TestDraftGolden writes the draft of the small set against a tiny lexicon
// and checks it against testdata/small.lex; the draft must parse.
func TestDraftGolden(t *testing.T) {
	lex, err := lexicon.Parse("known.lex", []byte("@lexicon known\n@category blame Blame.\naggression\n@actor RUS Russia\nrussia\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Suggest(readSmall(t), Options{Lexicon: lex, MinSupport: 2, MinZ: 0.5, Max: 5, Prior: 10})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteLex(&buf, res, "small.jsonl"); err != nil {
		t.Fatal(err)
	}
	if _, err := lexicon.Parse("draft.lex", buf.Bytes()); err != nil {
		t.Errorf("the draft does not parse: %v\n%s", err, buf.String())
	}
	testutil.Golden(t, filepath.Join("testdata", "small.lex"), buf.Bytes())
}

func FuzzReadAnnotated(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"War.","devices":["blame"]}`,
		"\ufeff{\"text\":\"x\"}\r\n\r\nnot json\n",
		`{"text":"x"} {"text":"y"}`,
		`{"id":"a","devices":"x"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := ReadAnnotated("f", bytes.NewReader(data))
		for _, it := range items {
			if strings.TrimSpace(it.Text) == "" || it.ID == "" {
				t.Errorf("item without text or id: %+v", it)
			}
		}
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "f:") {
					t.Errorf("error without a position: %q", line)
				}
			}
		}
		if len(items) > 0 {
			if _, err := Suggest(items, Options{}); err != nil && !strings.Contains(err.Error(), "device") {
				t.Errorf("Suggest: %v", err)
			}
		}
	})
}

func ExampleSuggest() {
	items := []Item{
		{ID: "1", Text: "Russia bears responsibility for the war.", Devices: []string{"blame"}},
		{ID: "2", Text: "The aggressor bears responsibility.", Devices: []string{"blame"}},
		{ID: "3", Text: "They bear responsibility for this.", Devices: []string{"blame"}},
		{ID: "4", Text: "We call for dialogue.", Devices: []string{"peace"}},
		{ID: "5", Text: "The meeting ended.", Devices: nil},
	}
	res, err := Suggest(items, Options{MinSupport: 2, MinZ: 0.5, Prior: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range res.Devices {
		for _, c := range d.Cues {
			fmt.Printf("%s: %s (%s) support %d of %d, z %.2f\n", d.Name, c.Pattern, c.Kind, c.Support, c.Count, c.Z)
		}
	}
	// Output:
	// blame: responsibility (word) support 3 of 3, z 1.54
	// blame: ~bears (stem) support 3 of 3, z 1.54
}
