package rhetoricbeam

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/rhetoric"
)

func TestReadJSONL(t *testing.T) {
	type bad struct {
		Line int
		Err  string
	}
	for _, tt := range []struct {
		name    string
		in      string
		wantIDs []string
		wantBad []bad
	}{
		{"plain", "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n", []string{"a", "b"}, nil},
		{"bom crlf no final newline", "\ufeff{\"id\":\"a\",\"text\":\"x\"}\r\n{\"id\":\"b\",\"text\":\"y\"}", []string{"a", "b"}, nil},
		{"blank lines keep numbers", "\n  \n{\"text\":\"x\"}\n", []string{""}, nil},
		{"bad lines", "{\"text\":\"x\"}\n{\"text\":1}\nnot json\n{\"id\":\"z\"}\n", []string{""},
			[]bad{{2, `"text" is not a string`}, {3, "invalid JSON: invalid character 'o' in literal null (expecting 'u')"}, {4, `missing "text" field`}}},
		{"utf-16", "\xff\xfe{\x00", nil, []bad{{1, errUTF16.Error()}}},
		{"long line", "{\"id\":\"long\",\"text\":\"" + strings.Repeat("war ", 50000) + "\"}\n", []string{"long"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var ids []string
			var bads []bad
			_, err := readJSONL(strings.NewReader(tt.in),
				func(_ int, st rhetoric.Statement) { ids = append(ids, st.ID) },
				func(line int, _ []byte, err error) { bads = append(bads, bad{line, err.Error()}) })
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.wantIDs, ids); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantBad, bads); diff != "" {
				t.Errorf("bad records (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzReadJSONL checks that every line is either a statement or a bad
// record with a valid line number, and that nothing panics.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte("{\"id\":\"a\",\"text\":\"x\"}\n{\"text\":1}\n"))
	f.Add([]byte("\ufeff{\"text\":\"x\",\"meta\":{\"k\":[1]}}\r\n\n"))
	f.Add([]byte("\xff\xfe{\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		nonblank := 0
		for i, l := range bytes.Split(data, []byte{'\n'}) {
			l = bytes.TrimSuffix(l, []byte{'\r'})
			if i == 0 {
				l = bytes.TrimPrefix(l, []byte{0xEF, 0xBB, 0xBF})
			}
			if len(bytes.TrimSpace(l)) > 0 {
				nonblank++
			}
		}
		got := 0
		n, err := readJSONL(bytes.NewReader(data), func(line int, _ rhetoric.Statement) { got++ },
			func(line int, _ []byte, e error) {
				got++
				if line < 1 || e == nil {
					t.Errorf("bad record at line %d: %v", line, e)
				}
			})
		if err != nil {
			t.Fatal(err)
		}
		if got != nonblank && !(len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF)) {
			t.Errorf("%d statements and bad records for %d non-blank lines (%d lines)", got, nonblank, n)
		}
	})
}
