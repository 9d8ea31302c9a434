package wordnet

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// errLines splits an error into its lines, checking that it unwraps to
// sentinel; nil for no error.
func errLines(t *testing.T, err, sentinel error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	if !errors.Is(err, sentinel) {
		t.Errorf("error %v does not unwrap to %v", err, sentinel)
	}
	return strings.Split(err.Error(), "\n")
}

var ignoreSource = cmpopts.IgnoreUnexported(Synset{})

func TestParseData(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Synset
		wantErr []string
	}{
		{
			name: "verb with pointers and frames",
			in: "  1 licence line  \n  2 another  \n" +
				"00000100 31 v 03 accuse 0 charge 3 blame 0 002 @ 00000200 v 0000 + 00000300 n 0301 01 + 08 00 | attribute responsibility to  \n",
			want: []Synset{{Offset: 100, POS: Verb, LexFile: 31, Words: []string{"accuse", "charge", "blame"},
				Pointers: []Pointer{{Symbol: "@", POS: Verb, Offset: 200}, {Symbol: "+", POS: Noun, Offset: 300, Source: 3, Target: 1}},
				Gloss:    "attribute responsibility to"}},
		},
		{
			name: "satellite with marker and collocation, crlf, bom, no final newline",
			in:   "\ufeff00000700 00 s 02 harmful 0 noxious(a) 0 001 & 00000600 a 0000 | injurious  \r\n00000900 00 a 01 galore(ip) 0 000 | abundant",
			want: []Synset{
				{Offset: 700, POS: Adj, Satellite: true, Words: []string{"harmful", "noxious"},
					Pointers: []Pointer{{Symbol: "&", POS: Adj, Offset: 600}}, Gloss: "injurious"},
				{Offset: 900, POS: Adj, Words: []string{"galore"}, Gloss: "abundant"},
			},
		},
		{
			name: "noun collocation, hex word count, extra spaces",
			in:   "00000500  05 n 0a a 0 b 0 c 0 d 0 e 0 f 0 g 0 h 0 Canada_goose 1 j 0 000 | birds\n",
			want: []Synset{{Offset: 500, POS: Noun, LexFile: 5,
				Words: []string{"a", "b", "c", "d", "e", "f", "g", "h", "Canada goose", "j"}, Gloss: "birds"}},
		},
		{
			name: "every bad line reported, good ones kept",
			in: "00000100 00 n 01 war 0 000 | fighting\n" +
				"0000x100 00 n 01 war 0 000 | fighting\n" +
				"00000100 00 n 01 war 0 000 fighting\n" +
				"00000100 00 q 01 war 0 000 | fighting\n" +
				"00000100 00 n 00 000 | fighting\n" +
				"00000100 00 n 02 war 0 000 | fighting\n" +
				"00000100 00 n 01 war 0 001 @ 00000200 x 0000 | fighting\n" +
				"00000100 00 n 01 war 0 001 @ 00000200 n 00 | fighting\n" +
				"00000100 00 n 01 war 0 001 @ 00000200 n 0200 | fighting\n" +
				"00000100 00 n 01 war 0 000 extra | fighting\n" +
				"00000100 00 v 01 fight 0 000 01 - 08 00 | fighting\n" +
				"00000100 00 n 01 war z 000 | fighting\n" +
				"00000100 00 v 01 fight 0 000 02 + 08 00 | fighting\n",
			want: []Synset{{Offset: 100, POS: Noun, Words: []string{"war"}, Gloss: "fighting"}},
			wantErr: []string{
				`data.noun:2: bad synset_offset "0000x100"`,
				`data.noun:3: no gloss separator " |"`,
				`data.noun:4: bad ss_type "q" (want n, v, a, s or r)`,
				`data.noun:5: synset without words (w_cnt 0)`,
				"data.noun:6: missing lex_id",
				`data.noun:7: bad pointer pos "x" (want n, v, a, s or r)`,
				`data.noun:8: bad source/target "00" (want 4 hex digits)`,
				`data.noun:9: pointer from word 2 of a synset of 1 words`,
				`data.noun:10: unexpected field "extra" before the gloss`,
				`data.noun:11: bad frame: "-" where + belongs`,
				`data.noun:12: bad lex_id "z"`,
				`data.noun:13: missing frame`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseData("data.noun", []byte(tt.in))
			if diff := cmp.Diff(tt.want, got, ignoreSource); diff != "" {
				t.Errorf("synsets (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantErr, errLines(t, err, ErrSyntax)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseDataStopsAtMaxErrors(t *testing.T) {
	_, err := ParseData("junk", []byte(strings.Repeat("not wordnet\n", 100)))
	var l ErrorList
	if !errors.As(err, &l) || len(l) != MaxErrors {
		t.Fatalf("got %d errors (%v), want %d", len(l), err, MaxErrors)
	}
}

func TestParseIndex(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []IndexEntry
		wantErr []string
	}{
		{
			name: "entries",
			in:   "  1 licence  \nfight_back v 1 0 1 0 00000400  \npernicious a 2 2 & ! 2 1 00000600 00000650  \n",
			want: []IndexEntry{
				{Lemma: "fight back", POS: Verb, Offsets: []int{400}},
				{Lemma: "pernicious", POS: Adj, Symbols: []string{"&", "!"}, TaggedSenses: 1, Offsets: []int{600, 650}},
			},
		},
		{
			name: "errors",
			in: "war n 1 0 1 0 00000100\n" +
				"war n 2 0 2 0 00000100\n" +
				"war n 1 0 2 0 00000100\n" +
				"war n 1 0 1 0 00000100 00000200\n" +
				"war z 1 0 1 0 00000100\n" +
				"war n 0 0 0 0\n" +
				"war\n",
			want: []IndexEntry{{Lemma: "war", POS: Noun, Offsets: []int{100}}},
			wantErr: []string{
				"index.noun:2: missing synset_offset",
				"index.noun:3: sense_cnt 2 differs from synset_cnt 1",
				`index.noun:4: unexpected field "00000200" after 1 offsets`,
				`index.noun:5: bad pos "z" (want n, v, a, s or r)`,
				"index.noun:6: lemma without synsets",
				"index.noun:7: missing pos",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseIndex("index.noun", []byte(tt.in))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("entries (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantErr, errLines(t, err, ErrSyntax)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseExceptions(t *testing.T) {
	got, err := ParseExceptions("verb.exc", []byte("fought_back fight_back\r\nlay lie lay\nalone\n"))
	want := []Exception{{Form: "fought back", Bases: []string{"fight back"}}, {Form: "lay", Bases: []string{"lie", "lay"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("exceptions (-want +got):\n%s", diff)
	}
	wantErr := []string{`verb.exc:3: form "alone" without a base form`}
	if diff := cmp.Diff(wantErr, errLines(t, err, ErrSyntax)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}
