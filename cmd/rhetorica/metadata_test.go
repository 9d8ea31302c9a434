package main

import (
	"strings"
	"testing"
)

// TestGroupsAndMetadata runs --path-meta, --meta, --include/--exclude and
// the --by warnings (issue 12) on testdata/corpus-meta, a folder laid out
// like the UN General Debate corpus: ISO_SESSION_YEAR.txt speeches, a
// README and a table of speakers.
func TestGroupsAndMetadata(t *testing.T) {
	const dir = "testdata/corpus-meta"
	pathMeta := []string{"--path-meta", "{iso}_{session}_{year}.txt"}
	meta := []string{"--meta", dir + "/speakers.csv", "--meta-key", "ISO Code=iso,Year=year"}
	cat := func(parts ...[]string) []string {
		var out []string
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr []string // substrings; nil means stderr must be empty
	}{
		{"path-meta with include", cat([]string{"--by", "iso", "--format", "csv", "--include", "*_*_*.txt"}, pathMeta, []string{dir}), 0,
			[]string{"iso,statements,words,sentences", "\nRUS,2,", "\nUKR,1,"}, nil},
		{"path-meta with exclude", cat([]string{"--by", "year", "--format", "csv", "--exclude", "README.txt", "--exclude", "*.csv"}, pathMeta, []string{dir}), 0,
			[]string{"\n2014,2,", "\n2015,1,"}, nil},
		{"a folder's CSV and README are read without filters", cat([]string{"--by", "iso", "--format", "csv"}, pathMeta, []string{dir}), 1,
			[]string{"\n,1,"}, []string{dir + "/README.txt: note: the path does not match --path-meta \"{iso}_{session}_{year}.txt\"",
				dir + "/speakers.csv:1: no text column", "rhetorica: 4 statements analysed, 1 input failed"}},
		{"meta table joined", cat([]string{"--by", "Name of Person Speaking", "--format", "csv", "--include", "*_*_*.txt"}, pathMeta, meta, []string{dir}), 0,
			[]string{"\nA. Ivanov,1,", "\"B.\nPetrenko\",1,", "\nC. Smirnov,1,"}, nil},
		{"meta table, a key not found", cat([]string{"--format", "csv", "--include", "*_*_*.txt", "--path-meta", "{iso}_{session}_{year}.txt",
			"--meta", dir + "/speakers.csv", "--meta-key", "ISO Code=iso,Session=year"}, []string{dir}), 0, nil,
			[]string{dir + "/2014/RUS_69_2014.txt: note: no row of the --meta table has this statement's key"}},
		{"by key missing from most statements", cat([]string{"--by", "country", "--format", "csv", "--include", "*_*_*.txt"}, []string{dir}), 0,
			[]string{"\n,3,"}, []string{`rhetorica: warning: --by country: 3 of 3 statements have no "country" and are grouped as (none)`}},
		{"by key missing, strict", cat([]string{"--strict", "--by", "country", "--format", "csv", "--include", "*_*_*.txt"}, []string{dir}), 1,
			nil, []string{`rhetorica: --by country: 3 of 3 statements have no "country"`, "failing because of --strict"}},
		{"bad path pattern", cat([]string{"--path-meta", "{a}{b}.txt", dir}), 2, nil,
			[]string{"rhetorica: --path-meta: path pattern \"{a}{b}.txt\": two fields side by side cannot be told apart"}},
		{"meta without key", []string{"--meta", dir + "/speakers.csv", dir}, 2, nil,
			[]string{"rhetorica: --meta FILE and --meta-key COLUMNS go together"}},
		{"meta key column missing", []string{"--meta", dir + "/speakers.csv", "--meta-key", "Code", dir}, 1, nil,
			[]string{`rhetorica: --meta: ` + dir + `/speakers.csv: no key column "Code" (the columns are: Year, Session, ISO Code, Country, Name of Person Speaking, Post, )`}},
		{"bad glob", []string{"--include", "[", dir}, 2, nil, []string{"rhetorica: --include/--exclude: bad glob \"[\": syntax error in pattern"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, "", withLex("analyze", tt.args...)...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			for _, want := range tt.stdout {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, stdout)
				}
			}
			if tt.stderr == nil && stderr != "" {
				t.Errorf("stderr not empty:\n%s", stderr)
			}
			for _, want := range tt.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
		})
	}
}

// TestNotesCapped checks that notes of one kind stop after ten and are
// counted at the end, so a corpus of empty rows does not flood the terminal.
func TestNotesCapped(t *testing.T) {
	stdin := strings.Repeat(`{"text":""}`+"\n", 25)
	code, _, stderr := runCLI(t, stdin, withLex("analyze", "--format", "csv", "--input-format", "jsonl", "-")...)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	last := "rhetorica: note: 15 more statements not listed: empty statement (no words); its report has zero counts"
	if code != 0 || len(lines) != 11 || lines[10] != last {
		t.Errorf("code %d, %d lines, last %q", code, len(lines), lines[len(lines)-1])
	}
}
