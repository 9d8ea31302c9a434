package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// ErrFormat is returned (wrapped) for an annotated file that cannot be read;
// the message names the file and line.
var ErrFormat = errors.New("eval: invalid annotated file")

// Item is one annotated text: its id, text, the devices a careful reader
// finds in it and, per device that names one, the target actor (an actor
// code or NONE). It is plain data.
type Item struct {
	ID      string            `json:"id"`
	Text    string            `json:"text"`
	Devices []string          `json:"devices"`
	Targets map[string]string `json:"targets,omitempty"`
	// File, Start and End locate the text in a corpus directory when Text
	// is empty: Text = the file's bytes [Start, End).
	File  string `json:"file,omitempty"`
	Start int    `json:"start,omitempty"`
	End   int    `json:"end,omitempty"`
	// Row, with File, locates the text in a CSV file instead: the data
	// row (from 0) whose text column holds Text (see [AddContext]).
	Row *int `json:"row,omitempty"`
	// Speaker is who speaks the text, passed to the analyzer as the
	// statement's speaker (rhetoric.Statement.Speaker), which resolves it
	// to the speaker's side. Read takes it from the "speaker" field, else
	// derives it from the locator's file (see [LocatorSpeaker]).
	Speaker string `json:"speaker,omitempty"`
	Line    int    `json:"-"` // line in the annotated file, from 1
	// Context is the part of the item's document around Text, set by
	// [AddContext]: Text = Context[ContextStart:ContextStart+len(Text)].
	// Empty, the item is analyzed alone.
	Context      string `json:"-"`
	ContextStart int    `json:"-"`
}

// Read reads annotated JSON Lines from r: one object per line with "id",
// "devices", optional "targets" (device -> actor) and either "text" or a
// locator "file", "start", "end" resolved against the directory corpus
// (file paths are relative to it; "" means the text must be present).
// An optional "speaker" names who speaks; without it, the speaker is the
// one the file names, if any (see [LocatorSpeaker]).
// Blank lines are skipped; other fields (annotator, sampling...) are
// ignored. Every problem is reported as name:line: message; an empty
// input is an error.
func Read(r io.Reader, name, corpus string) ([]Item, error) {
	var items []Item
	var errs []error
	seen := map[string]int{}
	files := map[string][]byte{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
		}
		if len(b) == 0 {
			continue
		}
		var it Item
		if err := json.Unmarshal(b, &it); err != nil {
			errs = append(errs, fmt.Errorf("%w: %s:%d: %v", ErrFormat, name, line, err))
			continue
		}
		it.Line = line
		if it.ID == "" {
			errs = append(errs, fmt.Errorf("%w: %s:%d: no id", ErrFormat, name, line))
			continue
		}
		if prev, ok := seen[it.ID]; ok {
			errs = append(errs, fmt.Errorf("%w: %s:%d: id %q repeats line %d", ErrFormat, name, line, it.ID, prev))
			continue
		}
		seen[it.ID] = line
		if it.Text == "" {
			if it.Row != nil {
				errs = append(errs, fmt.Errorf("%w: %s:%d: %s has a row but no text", ErrFormat, name, line, it.ID))
				continue
			}
			if it.File == "" {
				errs = append(errs, fmt.Errorf("%w: %s:%d: %s has neither text nor file", ErrFormat, name, line, it.ID))
				continue
			}
			if corpus == "" {
				errs = append(errs, fmt.Errorf("%w: %s:%d: %s has no text and no corpus directory was given", ErrFormat, name, line, it.ID))
				continue
			}
			data, ok := files[it.File]
			if !ok {
				var err error
				data, err = os.ReadFile(filepath.Join(corpus, filepath.FromSlash(it.File)))
				if err != nil {
					errs = append(errs, fmt.Errorf("%w: %s:%d: %s: %v", ErrFormat, name, line, it.ID, err))
					continue
				}
				files[it.File] = data
			}
			if it.Start < 0 || it.End > len(data) || it.Start > it.End {
				errs = append(errs, fmt.Errorf("%w: %s:%d: %s: span [%d,%d) outside %s (%d bytes)", ErrFormat, name, line, it.ID, it.Start, it.End, it.File, len(data)))
				continue
			}
			it.Text = string(data[it.Start:it.End])
		}
		if it.Speaker == "" {
			it.Speaker = LocatorSpeaker(it.File)
		}
		if !utf8.ValidString(it.Text) {
			errs = append(errs, fmt.Errorf("%w: %s:%d: %s: text is not valid UTF-8", ErrFormat, name, line, it.ID))
			continue
		}
		for d, t := range it.Targets {
			if strings.TrimSpace(t) == "" {
				errs = append(errs, fmt.Errorf("%w: %s:%d: %s: empty target for %s", ErrFormat, name, line, it.ID, d))
			}
		}
		if it.Devices == nil {
			it.Devices = []string{}
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%w: %s:%d: %v", ErrFormat, name, line+1, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("%w: %s holds no items", ErrFormat, name)
	}
	return items, nil
}

// ReadFile reads an annotated file (see [Read]); corpus is the directory
// locators are resolved against ("" for none).
func ReadFile(path, corpus string) ([]Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	return Read(f, path, corpus)
}

// speakerFolders maps a corpus folder whose files all have one speaker to
// that speaker, and speakerFiles a file-name prefix in any folder to its
// speaker. The speakers are the lexicon's actor codes.
var (
	speakerFolders = map[string]string{"whitehouse_ukraine": "USA"}
	speakerFiles   = []struct{ prefix, speaker string }{
		{"putin_kremlin_", "RUS"},
		{"zelenskyy_president_gov_ua_", "UKR"},
	}
)

// LocatorSpeaker returns the speaker that a corpus file's path (a
// locator's "file", with / separators) names, or "" for none. The rule,
// first match wins:
//
//   - a file under a folder named ungdc (UN General Debate speeches, named
//     <ISO3>_<session>_<year>.txt) is spoken by its country's ISO 3166
//     alpha-3 code: the part of the name before the first _, when it is
//     three upper-case letters ("RUS", "FRA");
//   - a file under a folder named whitehouse_ukraine is spoken by USA;
//   - a file named putin_kremlin_* is spoken by RUS, one named
//     zelenskyy_president_gov_ua_* by UKR.
//
// The analyzer resolves the speaker to the speaker's side as it resolves a
// user's statement speaker: a code that is a lexicon actor code (RUS, USA,
// UKR) is that actor, another ("FRA") names none.
func LocatorSpeaker(file string) string {
	if file == "" {
		return ""
	}
	parts := strings.Split(file, "/")
	name := parts[len(parts)-1]
	for _, dir := range parts[:len(parts)-1] {
		if dir == "ungdc" {
			code, _, ok := strings.Cut(name, "_")
			if ok && isISO3(code) {
				return code
			}
			return ""
		}
		if sp, ok := speakerFolders[dir]; ok {
			return sp
		}
	}
	for _, f := range speakerFiles {
		if strings.HasPrefix(name, f.prefix) {
			return f.speaker
		}
	}
	return ""
}

// isISO3 reports whether s has the form of an ISO 3166 alpha-3 code.
func isISO3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
