package rhetoricbeam

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/rhetorica/rhetorica/rhetoric"
)

func init() {
	// Values cross workers as JSON, which round-trips every field (maps,
	// nested slices, floats) exactly. Beam wants a named function per type.
	beam.RegisterCoder(reflect.TypeFor[Record](), encodeRecord, decodeRecord)
	beam.RegisterCoder(reflect.TypeFor[rhetoric.Report](), encodeReport, decodeReport)
	beam.RegisterCoder(reflect.TypeFor[rhetoric.Profile](), encodeProfile, decodeProfile)
	beam.RegisterCoder(reflect.TypeFor[rhetoric.Comparison](), encodeComparison, decodeComparison)
	register.DoFn3x1[context.Context, []byte, func(*string, *string) bool, error](&writeFn{})
	register.Iter2[string, string]()
	register.DoFn1x3[rhetoric.Report, string, string, error](&reportLineFn{})
	register.DoFn1x2[rhetoric.Report, string, string](&csvRowFn{})
	register.DoFn1x3[rhetoric.Profile, string, string, error](&profileLineFn{})
	register.DoFn1x3[rhetoric.Comparison, string, string, error](&comparisonLineFn{})
	register.DoFn1x3[BadRecord, string, string, error](&badLineFn{})
}

func encodeRecord(v Record) ([]byte, error)                        { return json.Marshal(&v) }
func encodeReport(v rhetoric.Report) ([]byte, error)               { return json.Marshal(&v) }
func encodeProfile(v rhetoric.Profile) ([]byte, error)             { return json.Marshal(&v) }
func encodeComparison(v rhetoric.Comparison) ([]byte, error)       { return json.Marshal(&v) }
func decodeRecord(b []byte) (v Record, err error)                  { return v, unmarshal(b, &v) }
func decodeReport(b []byte) (v rhetoric.Report, err error)         { return v, unmarshal(b, &v) }
func decodeProfile(b []byte) (v rhetoric.Profile, err error)       { return v, unmarshal(b, &v) }
func decodeComparison(b []byte) (v rhetoric.Comparison, err error) { return v, unmarshal(b, &v) }

func unmarshal(b []byte, v any) error {
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("rhetoricbeam: decode %T: %w", v, err)
	}
	return nil
}

// WriteReports writes the reports to file (a path of Beam's file systems),
// one JSON report per line (the report contract), sorted by statement id.
func WriteReports(s beam.Scope, file string, reports beam.PCollection) {
	s = s.Scope("rhetoricbeam.WriteReports")
	writeSorted(s, file, "", beam.ParDo(s, &reportLineFn{}, reports))
}

// WriteCSV writes the reports to file in the LIWC layout of "rhetorica
// analyze --format csv": a header row id, speaker, words, sentences, then
// DEVICE_per1k and DEVICE_hits for each of devices (see [Devices]), and one
// row per statement, sorted by id.
func WriteCSV(s beam.Scope, file string, devices []string, reports beam.PCollection) {
	s = s.Scope("rhetoricbeam.WriteCSV")
	header := []string{"id", "speaker", "words", "sentences"}
	for _, d := range devices {
		header = append(header, d+"_per1k", d+"_hits")
	}
	writeSorted(s, file, csvLine(header), beam.ParDo(s, &csvRowFn{Devices: devices}, reports))
}

// WriteProfiles writes profiles to file, one JSON profile per line sorted
// by group, as "rhetorica analyze --by KEY --format jsonl" does.
func WriteProfiles(s beam.Scope, file string, profiles beam.PCollection) {
	s = s.Scope("rhetoricbeam.WriteProfiles")
	writeSorted(s, file, "", beam.ParDo(s, &profileLineFn{}, profiles))
}

// WriteComparison writes the comparison of [Compare] to file as one line of
// JSON.
func WriteComparison(s beam.Scope, file string, comparison beam.PCollection) {
	s = s.Scope("rhetoricbeam.WriteComparison")
	writeSorted(s, file, "", beam.ParDo(s, &comparisonLineFn{}, comparison))
}

// WriteBadRecords writes the dead letters to file, one JSON [BadRecord]
// per line, sorted by file and line. The file is written, empty, when all
// went well.
func WriteBadRecords(s beam.Scope, file string, bad beam.PCollection) {
	s = s.Scope("rhetoricbeam.WriteBadRecords")
	writeSorted(s, file, "", beam.ParDo(s, &badLineFn{}, bad))
}

type reportLineFn struct{}

func (*reportLineFn) ProcessElement(r rhetoric.Report) (string, string, error) {
	b, err := json.Marshal(&r)
	return r.ID + "\x00" + string(b), string(b), err
}

type profileLineFn struct{}

func (*profileLineFn) ProcessElement(p rhetoric.Profile) (string, string, error) {
	b, err := json.Marshal(&p)
	return p.Group, string(b), err
}

type comparisonLineFn struct{}

func (*comparisonLineFn) ProcessElement(c rhetoric.Comparison) (string, string, error) {
	b, err := json.Marshal(&c)
	return c.A + "\x00" + c.B, string(b), err
}

type badLineFn struct{}

func (*badLineFn) ProcessElement(b BadRecord) (string, string, error) {
	j, err := json.Marshal(&b)
	return fmt.Sprintf("%s\x00%012d\x00%s", b.File, b.Line, j), string(j), err
}

// csvRowFn formats a report as a CSV row of the LIWC layout.
type csvRowFn struct{ Devices []string }

func (fn *csvRowFn) ProcessElement(r rhetoric.Report) (string, string) {
	row := []string{r.ID, r.Speaker, strconv.Itoa(r.Words), strconv.Itoa(r.Sentences)}
	for _, d := range fn.Devices {
		var ds rhetoric.DeviceScore
		for i := range r.Devices {
			if r.Devices[i].Device == d {
				ds = r.Devices[i]
				break
			}
		}
		row = append(row, formatRate(ds.Per1K), strconv.Itoa(ds.Hits))
	}
	line := csvLine(row)
	return r.ID + "\x00" + line, line
}

// formatRate prints a rate as the CLI's CSV does: 4 decimals, "0" for 0.
func formatRate(v float64) string {
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', 4, 64)
}

// csvLine returns a CSV record without its line ending.
func csvLine(fields []string) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(fields)
	w.Flush()
	return string(bytes.TrimSuffix(b.Bytes(), []byte{'\n'}))
}

// writeSorted writes header (unless empty) and the values of lines, a
// collection of KV<sort key, line>, sorted by key then line, to file.
func writeSorted(s beam.Scope, file, header string, lines beam.PCollection) {
	beam.ParDo0(s, &writeFn{File: file, Header: header}, beam.Impulse(s), beam.SideInput{Input: lines})
}

// writeFn writes one sorted file from a side input of keyed lines.
type writeFn struct {
	File   string
	Header string
}

func (fn *writeFn) ProcessElement(ctx context.Context, _ []byte, lines func(*string, *string) bool) error {
	type kv struct{ k, v string }
	var all []kv
	var k, v string
	for lines(&k, &v) {
		all = append(all, kv{k, v})
	}
	slices.SortFunc(all, func(a, b kv) int {
		if c := cmp.Compare(a.k, b.k); c != 0 {
			return c
		}
		return cmp.Compare(a.v, b.v)
	})
	fs, err := filesystem.New(ctx, fn.File)
	if err != nil {
		return fmt.Errorf("rhetoricbeam: %s: %w", fn.File, err)
	}
	defer fs.Close()
	wc, err := fs.OpenWrite(ctx, fn.File)
	if err != nil {
		return fmt.Errorf("rhetoricbeam: %w", err)
	}
	w := bufio.NewWriterSize(wc, 64<<10)
	if fn.Header != "" {
		w.WriteString(fn.Header)
		w.WriteByte('\n')
	}
	for _, l := range all {
		w.WriteString(l.v)
		w.WriteByte('\n')
	}
	err = w.Flush()
	if cerr := wc.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("rhetoricbeam: write %s: %w", fn.File, err)
	}
	return nil
}
