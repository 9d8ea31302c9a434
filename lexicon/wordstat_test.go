package lexicon

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseWordStat(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  []Category
		warns []errAt
	}{
		{
			name: "nested paths, weights, phrases, crlf",
			in:   "ECONOMY\r\n\t+STATE+\r\n\t\tBENEFIT (1)\r\n\t\tCARER* (2.5)\r\n\t=STATE=\r\n\t\tBANK* (1)\r\nCULTURE\r\n\tHIGH ART\r\n\t\tMUSEUM* (1)\r\n\tWAR_IN_IRAQ (1)\r\n",
			want: []Category{
				{Name: "ECONOMY/+STATE+", Entries: []Entry{{"BENEFIT", 1}, {"CARER*", 2.5}}},
				{Name: "ECONOMY/=STATE=", Entries: []Entry{{"BANK*", 1}}},
				{Name: "CULTURE", Entries: []Entry{{"WAR IN IRAQ", 1}}},
				{Name: "CULTURE/HIGH_ART", Entries: []Entry{{"MUSEUM*", 1}}},
			},
		},
		{
			name:  "RID quirk and repeats",
			in:    "A\n\tB\n\t\tPENITEN*(CIARY (1)\n\t\tX (1)\n\t\tX (1)\n",
			want:  []Category{{Name: "A/B", Entries: []Entry{{"PENITEN*", 1}, {"X", 1}}}},
			warns: []errAt{{3, 11, ErrSyntax}},
		},
		{
			name: "parenthesised header",
			in:   "ENV\n\tPRO (GREEN)\n\t\tsolar (1)\n",
			want: []Category{{Name: "ENV/PRO_(GREEN)", Entries: []Entry{{"solar", 1}}}},
		},
		{
			name: "header without entries is dropped",
			in:   "TOP\n\tEMPTY\n\tFULL\n\t\tw (1)\n",
			want: []Category{{Name: "TOP/FULL", Entries: []Entry{{"w", 1}}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseAs("t.cat", []byte(tt.in), FormatWordStat)
			if err != nil {
				t.Fatalf("ParseAs: %v", err)
			}
			if diff := cmp.Diff(tt.want, l.Categories()); diff != "" {
				t.Errorf("categories (-want +got):\n%s", diff)
			}
			var warns []errAt
			if w := l.Warnings(); len(w) > 0 {
				warns = errsAt(t, w)
			}
			if diff := cmp.Diff(tt.warns, warns, cmpErrs); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

var wordStatErrorCases = []struct {
	name string
	in   string
	want []errAt
}{
	{"entry at top level", "W (1)\n", []errAt{{1, 1, ErrNoCategory}}},
	{"indent jump", "A\n\t\t\tB\n\t\tw (1)\n", []errAt{{2, 1, ErrSyntax}, {3, 1, ErrSyntax}}},
	{"bad weight", "A\n\tw (-1)\n\tv (0)\n", []errAt{{2, 5, ErrBadWeight}, {3, 5, ErrBadWeight}}},
	{"empty word", "A\n\t(1)\n\tw (1)\n", []errAt{{2, 2, ErrEmptyPattern}}},
	{"duplicate path", "A\n\tw (1)\nA\n\tv (1)\n", []errAt{{3, 1, ErrDuplicate}}},
	{"bad pattern", "A\n\tin*side (1)\n", []errAt{{2, 4, ErrSyntax}}},
}

func TestParseWordStatErrors(t *testing.T) {
	for _, tt := range wordStatErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseAs("bad.cat", []byte(tt.in), FormatWordStat)
			if l != nil || err == nil {
				t.Fatalf("ParseAs = %v, %v; want nil and an error", l, err)
			}
			if diff := cmp.Diff(tt.want, errsAt(t, err), cmpErrs); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

func TestWordStatFiles(t *testing.T) {
	l, err := ParseFile(filepath.Join("testdata", "nested.cat"), FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, l)
	tests := []struct {
		file    string
		cats    int
		entries int
		has     map[string]string // category -> one entry
		warns   int
	}{
		{"wordstat/Laver_and_Garry_2000.cat", 20, 418, map[string]string{
			"ECONOMY/+STATE+": "CO-OPERATIVE*", "CULTURE": "WAR IN IRAQ", "ENVIRONMENT/CON_ENVIRONMENT": "",
			"CULTURE/CULTURE-HIGH": "GALLER*"}, 0},
		{"wordstat/RID.CAT", 43, 3150, map[string]string{"PRIMARY/NEED/ORALITY": "ABSINTH*"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			l := sharedLexicon(t, tt.file)
			n := 0
			for i := range l.NumCategories() {
				n += l.NumEntries(i)
			}
			if l.NumCategories() != tt.cats || n != tt.entries {
				t.Errorf("got %d categories, %d entries; want %d, %d", l.NumCategories(), n, tt.cats, tt.entries)
			}
			for name, p := range tt.has {
				c, ok := l.Category(name)
				if !ok {
					t.Errorf("no category %q", name)
					continue
				}
				found := p == ""
				for _, e := range c.Entries {
					found = found || e.Pattern == p && e.Weight == 1
				}
				if !found {
					t.Errorf("category %q lacks %q", name, p)
				}
			}
			if w := l.Warnings(); len(w) != tt.warns {
				t.Errorf("warnings: %v, want %d", w, tt.warns)
			}
			roundTrip(t, l)
		})
	}
}
