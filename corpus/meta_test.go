package corpus_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/corpus"
	"github.com/rhetorica/rhetorica/rhetoric"
)

func TestPathPattern(t *testing.T) {
	tests := []struct {
		pattern string
		path    string
		want    [][2]string // nil: no match
	}{
		{"{iso}_{session}_{year}.txt", "ungdc/2014/RUS_69_2014.txt", [][2]string{{"iso", "RUS"}, {"session", "69"}, {"year", "2014"}}},
		{"{iso}_{session}_{year}.txt", "RUS_69_2014.txt", [][2]string{{"iso", "RUS"}, {"session", "69"}, {"year", "2014"}}},
		{"{iso}_{session}_{year}.txt", "ungdc/README.txt", nil},
		{"{iso}_{session}_{year}.txt", "RUS_69_2014.md", nil},
		{"{speaker}_{rest}.md", "van_der_berg_2020.md", [][2]string{{"speaker", "van"}, {"rest", "der_berg_2020"}}},
		{"{year}/{iso}_*.txt", "ungdc/2014/RUS_69_2014.txt", [][2]string{{"year", "2014"}, {"iso", "RUS"}}},
		{"{year}/{iso}_*.txt", "RUS_69_2014.txt", nil},
		{"{speaker}-{date}.md", "Zelenskyy-2022-02-24.md", [][2]string{{"speaker", "Zelenskyy"}, {"date", "2022-02-24"}}},
		{"{a}.txt", ".txt", nil},
		{"{a}.txt", "d/x.txt", [][2]string{{"a", "x"}}},
	}
	for _, tt := range tests {
		p, err := corpus.ParsePathPattern(tt.pattern)
		if err != nil {
			t.Fatalf("%s: %v", tt.pattern, err)
		}
		got, ok := p.Match(tt.path)
		if ok != (tt.want != nil) {
			t.Errorf("%s on %s: ok %v", tt.pattern, tt.path, ok)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s on %s (-want +got):\n%s", tt.pattern, tt.path, diff)
		}
	}
}

func TestPathPatternApply(t *testing.T) {
	p, err := corpus.ParsePathPattern("{speaker}_{year}.md")
	if err != nil {
		t.Fatal(err)
	}
	st := rhetoric.Statement{ID: "x", Speaker: "From front matter"}
	if !p.Apply(&st, "speeches/./Putin_2022.md") {
		t.Fatal("no match")
	}
	want := rhetoric.Statement{ID: "x", Speaker: "From front matter", Meta: map[string]string{"year": "2022"}}
	if diff := cmp.Diff(want, st); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if p.Apply(&st, "notes.txt") {
		t.Error("notes.txt matched")
	}
}

func TestParsePathPatternErrors(t *testing.T) {
	for pattern, want := range map[string]string{
		"{iso":        "unclosed {",
		"iso}.txt":    "} without {",
		"{a}{b}.txt":  "two fields side by side",
		"{a}*.txt":    "two fields side by side",
		"{a}_{a}.txt": "field {a} appears twice",
		"plain.txt":   "has no {field}",
		"*_*.txt":     "has no {field}",
		"{a/b}.txt":   "bad field name",
	} {
		_, err := corpus.ParsePathPattern(pattern)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", pattern, err, want)
		}
	}
}

func TestMetaTable(t *testing.T) {
	table := "Year,Session,ISO Code,Country,Name of Person Speaking,Post,\n" +
		"2014,69,RUS,Russian Federation ,Sergey Lavrov,Minister,\n" +
		"2014,69,UKR,Ukraine,\"Petro\nPoroshenko\",President,\n" +
		"2014,69,RUS,Russia,Someone Else,Deputy,\n" +
		"2015,70,USA,United States\n" +
		"2015,70,FRA,France,A,B,C,D\n"
	mt, err := corpus.ReadMetaTable("speakers.csv", strings.NewReader(table), "ISO Code=iso, Year=year")
	if err != nil {
		t.Fatal(err)
	}
	wantProblems := []string{
		"speakers.csv:5: key RUS, 2014 repeats the row on line 2 (the first is kept)",
		"speakers.csv:7: row has 8 fields, the header has 7",
	}
	if diff := cmp.Diff(wantProblems, mt.Problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if mt.Len() != 3 {
		t.Errorf("%d rows, want 3", mt.Len())
	}
	tests := []struct {
		name  string
		st    rhetoric.Statement
		found bool
		want  rhetoric.Statement
	}{
		{"found", rhetoric.Statement{ID: "a", Meta: map[string]string{"iso": "RUS", "year": "2014"}}, true,
			rhetoric.Statement{ID: "a", Meta: map[string]string{"iso": "RUS", "year": "2014", "Session": "69",
				"Country": "Russian Federation", "Name of Person Speaking": "Sergey Lavrov", "Post": "Minister"}}},
		{"multi-line cell, short row padded", rhetoric.Statement{ID: "b", Meta: map[string]string{"iso": "USA", "year": "2015"}}, true,
			rhetoric.Statement{ID: "b", Meta: map[string]string{"iso": "USA", "year": "2015", "Session": "70", "Country": "United States"}}},
		{"own values kept", rhetoric.Statement{ID: "c", Meta: map[string]string{"iso": "UKR", "year": "2014", "Post": "Head of State"}}, true,
			rhetoric.Statement{ID: "c", Meta: map[string]string{"iso": "UKR", "year": "2014", "Session": "69", "Country": "Ukraine",
				"Name of Person Speaking": "Petro\nPoroshenko", "Post": "Head of State"}}},
		{"not found", rhetoric.Statement{ID: "d", Meta: map[string]string{"iso": "CHN", "year": "2014"}}, false,
			rhetoric.Statement{ID: "d", Meta: map[string]string{"iso": "CHN", "year": "2014"}}},
		{"key missing", rhetoric.Statement{ID: "e", Meta: map[string]string{"iso": "RUS"}}, false,
			rhetoric.Statement{ID: "e", Meta: map[string]string{"iso": "RUS"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := tt.st
			if found := mt.Join(&st); found != tt.found {
				t.Errorf("found %v", found)
			}
			if diff := cmp.Diff(tt.want, st); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestMetaTableErrors(t *testing.T) {
	for _, tt := range []struct{ data, keys, want string }{
		{"", "id", "speakers.csv: empty file (want a header row)"},
		{"id,x\n1,2\n", "code", `speakers.csv: no key column "code" (the columns are: id, x)`},
		{"\"id,x\n", "id", "speakers.csv:1: csv quote: the quote opened on line 1 is never closed"},
	} {
		_, err := corpus.ReadMetaTable("speakers.csv", strings.NewReader(tt.data), tt.keys)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want prefix %q", tt.data, err, tt.want)
		}
	}
}

func FuzzPathPattern(f *testing.F) {
	f.Add("{iso}_{session}_{year}.txt", "ungdc/2014/RUS_69_2014.txt")
	f.Add("{year}/{iso}_*.txt", "a/b/c_d.txt")
	f.Add("{a}{b}", "x")
	f.Fuzz(func(t *testing.T, pattern, path string) {
		p, err := corpus.ParsePathPattern(pattern)
		if err != nil {
			return
		}
		vals, ok := p.Match(path)
		if !ok {
			return
		}
		if len(vals) != len(p.Fields()) {
			t.Errorf("%d values for fields %v", len(vals), p.Fields())
		}
		for _, kv := range vals {
			if kv[1] == "" || strings.Contains(kv[1], "/") || !strings.Contains(path, kv[1]) {
				t.Errorf("field %s = %q from %q", kv[0], kv[1], path)
			}
		}
	})
}

func FuzzReadMetaTable(f *testing.F) {
	f.Add("id,speaker\n1,A\n1,B\n2\n", "id")
	f.Add("a,b\r\"x\ny\",z\r", "a=k,b")
	f.Fuzz(func(t *testing.T, data, keys string) {
		mt, err := corpus.ReadMetaTable("m.csv", strings.NewReader(data), keys)
		if err != nil {
			if err.Error() == "" {
				t.Error("empty error")
			}
			return
		}
		st := rhetoric.Statement{ID: "x", Meta: map[string]string{"k": "1"}}
		mt.Join(&st)
		if st.ID == "" {
			t.Error("join lost the id")
		}
	})
}
