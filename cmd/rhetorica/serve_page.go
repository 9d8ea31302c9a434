package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"math"
	"mime/multipart"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/rhetorica/rhetorica/rhetoric"
)

// The page: a form (paste one statement or two side by side, or upload
// files), and below it the same highlighted report as "analyze --format
// html", with every cue's explanation and target in a table and, for two
// sides, their comparison. It works without JavaScript (the page has none).
// Nothing is stored: statements read from uploaded files are carried in the
// page itself (hidden fields), so that the download buttons can post them
// again.

// pageForm is the page's form, as submitted.
type pageForm struct {
	A, B               string // pasted texts
	SpeakerA, SpeakerB string
	CarriedA, CarriedB string   // JSONL of the statements of uploaded files
	Devices            []string // ticked devices; none means all
	Lexicon            string
	Format             string // "" for the page; html, json or csv for a download
}

// side is one column of the page: its statements, and the problems reading
// them.
type side struct {
	name     string // "A" or "B"
	items    []readItem
	uploaded []rhetoric.Statement // statements from files, carried in the page
}

type pageOption struct {
	Name, Class, Description string
	Checked                  bool
}

type pageProblem struct{ Where, Message string }

type pageView struct {
	Title      string
	CSS        template.CSS // the report's style sheet with the device colours
	Legend     []legendItem
	Form       pageForm
	Lexicons   []pageOption
	Devices    []pageOption
	CarriedA   int // statements carried from uploads
	CarriedB   int
	Problems   []pageProblem
	Error      string // the request failed as a whole
	Results    bool
	Count      string
	Comparison *pageComparison
	MaxBytes   string
	MaxStmts   int
}

// pageComparison is the table of the two sides device by device.
type pageComparison struct {
	WordsA, WordsB int
	Rows           []pageCompareRow
}

type pageCompareRow struct {
	Device, Class         string
	RateA, RateB, Diff, Z string
	Marked                bool // |z| > 1.96
	Favours               string
	CuesA, CuesB          string // the top entries of each side
	HitsA, HitsB          int
}

// hitsView is the table of one statement's cues, under its report.
type hitsView struct {
	N       int
	Open    bool
	Hits    []pageHitRow
	Targets []pageTargetRow
}

type pageHitRow struct {
	Device, Class, Text, Entry, Weight, Modifiers, Target string
	Source                                                string // whose move: the speaker, or whom the speaker reports
	Negated                                               bool
	Sentence                                              int
}

type pageTargetRow struct{ Device, Class, Targets string }

//go:embed serve.tmpl
var serveTemplate string

var pageTemplates = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Funcs(template.FuncMap{"plural": plural}).Parse(serveTemplate))
})

// maxOpenHits is the most cues whose table is shown open under a statement;
// a longer table starts folded.
const maxOpenHits = 60

// page serves the form and, when it carries statements, their report.
func (s *server) page(w http.ResponseWriter, r *http.Request) {
	form, sides, err := s.readForm(w, r)
	if err != nil {
		s.renderPage(w, form, sides, nil, nil, err)
		return
	}
	n := 0
	for _, sd := range sides {
		n += len(sd.items)
	}
	if n == 0 {
		if r.Method == http.MethodPost {
			err = badRequest("paste a statement or choose a file first")
		}
		s.renderPage(w, form, sides, nil, nil, err)
		return
	}
	an, err := s.analyzer(form.Lexicon, form.Devices)
	if err != nil {
		s.renderPage(w, form, sides, nil, nil, err)
		return
	}
	two := len(sides[0].items) > 0 && len(sides[1].items) > 0
	var items []readItem
	for _, sd := range sides {
		for _, it := range sd.items {
			if two && it.err == nil {
				it.st.Meta = cloneMeta(it.st.Meta)
				it.st.Meta["side"] = sd.name
			}
			items = append(items, it)
		}
	}
	a, err := s.analyze(r.Context(), an, items)
	if err != nil {
		s.renderPage(w, form, sides, an, nil, err)
		return
	}
	switch form.Format {
	case "html", "json", "csv":
		s.download(w, form.Format, an, a, two)
		return
	}
	s.renderPage(w, form, sides, an, a, nil)
}

func cloneMeta(m map[string]string) map[string]string {
	out := make(map[string]string, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// readForm reads the form of a GET (query) or POST (urlencoded or
// multipart) request and the statements of both sides. Uploaded files are
// read from memory: the body limit bounds them and nothing is written to
// disk.
func (s *server) readForm(w http.ResponseWriter, r *http.Request) (pageForm, []*side, error) {
	sides := []*side{{name: "A"}, {name: "B"}}
	var f pageForm
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.maxBytes)
		var err error
		if ct := r.Header.Get("Content-Type"); strings.HasPrefix(ct, "multipart/form-data") {
			err = r.ParseMultipartForm(s.cfg.maxBytes)
			if r.MultipartForm != nil {
				defer r.MultipartForm.RemoveAll()
			}
		} else {
			err = r.ParseForm()
		}
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return f, sides, s.tooLarge()
		}
		if err != nil {
			return f, sides, badRequest("reading the form: %v", err)
		}
	}
	get := func(k string) string {
		if r.Method == http.MethodPost {
			return r.PostFormValue(k)
		}
		return r.URL.Query().Get(k)
	}
	f = pageForm{A: get("a"), B: get("b"), SpeakerA: get("speaker_a"), SpeakerB: get("speaker_b"),
		Lexicon: get("lexicon"), Format: get("format")}
	vals := r.URL.Query()
	if r.Method == http.MethodPost {
		vals = r.PostForm
	}
	f.Devices = vals["device"]
	switch f.Format {
	case "", "html", "json", "csv":
	default:
		return f, sides, badRequest("unknown format %q (want html, json or csv)", f.Format)
	}
	total := 0
	add := func(sd *side, it readItem) error {
		if total == s.cfg.maxStatements {
			return s.tooMany(total + 1)
		}
		total++
		sd.items = append(sd.items, it)
		return nil
	}
	for _, sd := range sides {
		text, speaker, carried, file := f.A, f.SpeakerA, get("carried_a"), "file_a"
		if sd.name == "B" {
			text, speaker, carried, file = f.B, f.SpeakerB, get("carried_b"), "file_b"
		}
		if strings.TrimSpace(text) != "" {
			id := "Statement " + sd.name
			if speaker != "" {
				id += " (" + speaker + ")"
			}
			if err := add(sd, readItem{pos: id, st: rhetoric.Statement{ID: id, Speaker: speaker, Text: text}}); err != nil {
				return f, sides, err
			}
		}
		var uploads []readItem
		if carried != "" {
			uploads = append(uploads, readUpload("carried.jsonl", []byte(carried))...)
		}
		if r.MultipartForm != nil {
			for _, fh := range r.MultipartForm.File[file] {
				data, err := readPart(fh)
				if err != nil {
					return f, sides, badRequest("reading %s: %v", fh.Filename, err)
				}
				if len(data) == 0 && fh.Filename == "" {
					continue // the empty part of a file input left blank
				}
				for _, it := range readUpload(fh.Filename, data) {
					if it.err == nil && speaker != "" && it.st.Speaker == "" {
						it.st.Speaker = speaker
					}
					uploads = append(uploads, it)
				}
			}
		}
		for _, it := range uploads {
			if err := add(sd, it); err != nil {
				return f, sides, err
			}
			if it.err == nil {
				sd.uploaded = append(sd.uploaded, it.st)
			}
		}
	}
	f.CarriedA, f.CarriedB = carry(sides[0].uploaded), carry(sides[1].uploaded)
	return f, sides, nil
}

func readPart(fh *multipart.FileHeader) ([]byte, error) {
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// carry encodes statements as JSONL for a hidden field of the page.
func carry(sts []rhetoric.Statement) string {
	var b strings.Builder
	for _, st := range sts {
		line, err := json.Marshal(st)
		if err != nil {
			continue // cannot happen: a statement is strings only
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// renderPage writes the page: the form, any problem, and the report of a.
func (s *server) renderPage(w http.ResponseWriter, f pageForm, sides []*side,
	an *rhetoric.Analyzer, a *analysis, failure error) {
	code := http.StatusOK
	lexName := f.Lexicon
	if lexName == "" {
		lexName = s.cfg.lexicons[0].name
	}
	lex := s.cfg.lexicons[0].lex
	for _, l := range s.cfg.lexicons {
		if l.name == lexName {
			lex = l.lex
		}
	}
	devices := make([]string, 0, lex.NumCategories())
	for i := range lex.NumCategories() {
		devices = append(devices, lex.CategoryName(i))
	}
	if an != nil {
		devices = an.Devices()
	}
	var buf bytes.Buffer
	h := newHTMLReport(&buf, devices, lex, "What framing does this statement use?", "")
	head := h.headView()
	v := pageView{Title: head.Title, CSS: head.CSS + template.CSS(pageCSS), Legend: head.Legend, Form: f,
		MaxBytes: sizeText(int(s.cfg.maxBytes)), MaxStmts: s.cfg.maxStatements}
	if len(sides) == 2 {
		v.CarriedA, v.CarriedB = len(sides[0].uploaded), len(sides[1].uploaded)
	}
	for _, l := range s.cfg.lexicons {
		v.Lexicons = append(v.Lexicons, pageOption{Name: l.name, Checked: l.name == lexName, Description: l.lex.Name()})
	}
	for _, c := range lex.Categories() {
		o := pageOption{Name: c.Name, Description: c.Description, Checked: slices.Contains(f.Devices, c.Name)}
		if i := slices.Index(devices, c.Name); i >= 0 {
			o.Class = deviceClass(i)
		}
		v.Devices = append(v.Devices, o)
	}
	if failure != nil {
		var he *httpError
		code = http.StatusInternalServerError
		if errors.As(failure, &he) {
			code = he.code
		}
		if code == http.StatusServiceUnavailable {
			w.Header().Set("Retry-After", "1")
		}
		v.Error = failure.Error()
	}
	if a != nil {
		v.Results = len(a.reports) > 0
		v.Count = plural(len(a.reports), "statement")
		for _, e := range a.errs {
			where := e.where
			if where == "" {
				where = "statement " + strconv.Itoa(*e.Index+1)
			}
			v.Problems = append(v.Problems, pageProblem{Where: where, Message: e.Message})
		}
		if len(sides[0].items) > 0 && len(sides[1].items) > 0 {
			v.Comparison = s.comparison(h, a)
		}
	}
	if err := pageTemplates().ExecuteTemplate(&buf, "page-head", v); err != nil {
		writeFailure(w, err)
		return
	}
	if v.Results {
		h.started = true // the page wrote its own head
		for i, rep := range a.reports {
			if err := h.report(rep, a.texts[i]); err != nil {
				writeFailure(w, err)
				return
			}
			if err := pageTemplates().ExecuteTemplate(&buf, "page-hits", h.hitsView(rep, a.texts[i])); err != nil {
				writeFailure(w, err)
				return
			}
		}
		// The page's own card compares A with B; the summary need not
		// repeat it by group.
		if err := h.finish(); err != nil {
			writeFailure(w, err)
			return
		}
	} else if err := pageTemplates().ExecuteTemplate(&buf, "page-end", v); err != nil {
		writeFailure(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

// hitsView lists a report's cues with their explanation and target.
func (h *htmlReport) hitsView(r *rhetoric.Report, text string) hitsView {
	v := hitsView{N: h.n, Open: len(r.Hits) <= maxOpenHits}
	for _, ht := range r.Hits {
		row := pageHitRow{Device: ht.Device, Class: deviceClass(h.deviceIndex(ht.Device)), Text: ht.Text, Entry: ht.Entry,
			Weight: strconv.FormatFloat(ht.Weight, 'g', 4, 64), Negated: ht.Negated, Sentence: ht.Sentence + 1,
			Target: "none", Source: ht.Source}
		switch {
		case ht.Disputed:
			row.Source += " (reported and disputed: not counted)"
		case ht.Reported:
			row.Source += " (reported)"
		case ht.Excluded:
			row.Source += " (excluded: not counted)"
		}
		row.Source = strings.TrimSpace(row.Source)
		var mods []string
		for _, m := range ht.Modifiers {
			mods = append(mods, m.Kind.String()+": "+m.Text)
		}
		row.Modifiers = strings.Join(mods, ", ")
		if ht.Target != "" && ht.Target != "NONE" {
			row.Target = ht.Target
			if ht.TargetRule != "" {
				row.Target += " (" + string(ht.TargetRule) + ")"
			}
		}
		v.Hits = append(v.Hits, row)
	}
	for _, d := range r.Devices {
		if t := targets(d.Targets, 5); d.Hits > 0 && t != "-" {
			v.Targets = append(v.Targets, pageTargetRow{Device: d.Device, Class: deviceClass(h.deviceIndex(d.Device)), Targets: t})
		}
	}
	return v
}

// comparison compares side A with side B, with the entries behind each
// device on both sides.
func (s *server) comparison(h *htmlReport, a *analysis) *pageComparison {
	agg := rhetoric.NewGroups(rhetoric.KeyField("side"))
	for _, rep := range a.reports {
		agg.Add(rep)
	}
	var pa, pb rhetoric.Profile
	for _, p := range agg.Profiles() {
		switch p.Group {
		case "A":
			pa = p
		case "B":
			pb = p
		}
	}
	if pa.Group == "" || pb.Group == "" {
		return nil // one side failed entirely
	}
	cuesA, cuesB := profileCues(pa), profileCues(pb)
	c := rhetoric.Compare(pa, pb)
	pc := &pageComparison{WordsA: pa.Words, WordsB: pb.Words}
	for _, d := range c.Devices {
		if d.HitsA == 0 && d.HitsB == 0 {
			continue
		}
		row := pageCompareRow{Device: d.Device, Class: deviceClass(h.deviceIndex(d.Device)),
			RateA: fmt.Sprintf("%.1f", d.RateA), RateB: fmt.Sprintf("%.1f", d.RateB),
			Diff: fmt.Sprintf("%+.1f", d.Diff), Z: fmt.Sprintf("%+.2f", d.Z), Marked: math.Abs(d.Z) > 1.96,
			CuesA: cueList(topCues(cuesA, d.Device, pageCues)), CuesB: cueList(topCues(cuesB, d.Device, pageCues)),
			HitsA: d.HitsA, HitsB: d.HitsB}
		switch {
		case row.Marked && d.Z > 0:
			row.Favours = "A uses it more"
		case row.Marked:
			row.Favours = "B uses it more"
		}
		pc.Rows = append(pc.Rows, row)
	}
	return pc
}

// pageCues is how many top cues per device and side the comparison shows,
// as compare's default --cues.
const pageCues = 3

// download answers a download button: the standalone HTML report, or the
// data as JSON (the API's response, with the comparison for two sides) or
// CSV (the LIWC layout of "analyze --format csv").
func (s *server) download(w http.ResponseWriter, format string, an *rhetoric.Analyzer, a *analysis, two bool) {
	var buf bytes.Buffer
	var ctype, name string
	switch format {
	case "html":
		ctype, name = "text/html; charset=utf-8", "rhetorica-report.html"
		by := ""
		if two {
			by = "side"
		}
		h := newHTMLReport(&buf, an.Devices(), an.Lexicon(), "", by)
		agg := rhetoric.NewGroups(rhetoric.KeyField("side"))
		for i, rep := range a.reports {
			if err := h.report(rep, a.texts[i]); err != nil {
				writeFailure(w, err)
				return
			}
			agg.Add(rep)
		}
		var profiles []rhetoric.Profile
		if two {
			profiles = agg.Profiles()
		}
		if err := h.finishProfiles(profiles); err != nil {
			writeFailure(w, err)
			return
		}
	case "json":
		ctype, name = "application/json; charset=utf-8", "rhetorica-data.json"
		type data struct {
			analyzeResponse
			Comparison *comparisonJSON `json:"comparison,omitempty"`
		}
		d := data{analyzeResponse: analyzeResponse{Reports: a.reports, Errors: a.errs}}
		if d.Reports == nil {
			d.Reports = []*rhetoric.Report{}
		}
		if d.Errors == nil {
			d.Errors = []apiError{}
		}
		if two {
			agg := rhetoric.NewGroups(rhetoric.KeyField("side"))
			for _, rep := range a.reports {
				agg.Add(rep)
			}
			if pa, pb, err := pickGroups(agg.Profiles(), "side", "A", "B"); err == nil {
				d.Comparison = &comparisonJSON{Key: "side", Comparison: rhetoric.Compare(pa, pb),
					StatementsA: pa.Statements, StatementsB: pb.Statements, WordsA: pa.Words, WordsB: pb.Words,
					MatrixA: pa.Matrix, MatrixB: pb.Matrix}
			}
		}
		b, err := json.MarshalIndent(d, "", "  ")
		if err != nil {
			writeFailure(w, err)
			return
		}
		buf.Write(b)
		buf.WriteByte('\n')
	case "csv":
		ctype, name = "text/csv; charset=utf-8", "rhetorica-data.csv"
		cs := newCSVSink(&buf, an.Devices())
		for _, rep := range a.reports {
			cs.report(rep, "")
		}
		if err := cs.finish(); err != nil {
			writeFailure(w, err)
			return
		}
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.WriteHeader(http.StatusOK)
	w.Write(buf.Bytes())
}

// pageCSS styles the form and the page's own tables; the report's style
// sheet comes first.
const pageCSS = `
form.ask{padding:16px 20px}
form.ask.after{order:2}
#summary{order:1}
.alert{order:-3}
.topbar{margin:0 0 12px}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:16px}
@media (max-width:820px){.sides{grid-template-columns:1fr}}
.sides fieldset{border:1px solid var(--rule);border-radius:6px;margin:0;padding:10px 12px;min-width:0}
.sides legend{font-weight:600;padding:0 4px}
label{display:block;font-size:.9rem;margin:6px 0 2px;color:var(--muted)}
textarea{width:100%;min-height:9em;font:1rem/1.5 Georgia,"Times New Roman",serif;padding:8px;border:1px solid #bbb;border-radius:4px;resize:vertical}
input[type=text]{width:100%;padding:5px 8px;border:1px solid #bbb;border-radius:4px;font:inherit}
.opts{display:flex;flex-wrap:wrap;gap:4px 16px;margin:12px 0 4px;padding:0;border:0}
.opts label{display:inline-flex;align-items:center;gap:5px;margin:0;color:var(--ink)}
.buttons{display:flex;flex-wrap:wrap;gap:10px;margin-top:14px;align-items:center}
button{font:600 1rem system-ui,sans-serif;padding:7px 16px;border-radius:5px;border:1px solid #1d4f91;background:#1d4f91;color:#fff;cursor:pointer}
button.alt{background:#fff;color:#1d4f91}
.hint{color:var(--muted);font-size:.85rem;margin:6px 0 0}
.alert{background:#fff4e5;border:1px solid #e0a040;border-radius:6px;padding:10px 14px;margin:0}
.alert ul{margin:4px 0 0;padding-left:20px}
#compare{order:-2}
table.ab,table.hits{border-collapse:collapse;font-size:.88rem;width:100%}
table.ab th,table.hits th{text-align:left;font-weight:600;color:var(--muted);border-bottom:1px solid var(--rule);padding:4px 10px 4px 0}
table.ab td,table.hits td{border-bottom:1px solid #eee;padding:4px 10px 4px 0;vertical-align:top;overflow-wrap:anywhere}
table.ab .num{text-align:right;white-space:nowrap}
table.ab td:first-child,table.hits td:first-child{white-space:nowrap}
tr.sig td{font-weight:600}
.hits-card{margin-top:-14px;border-top:0;border-top-left-radius:0;border-top-right-radius:0}
.hits-card summary{cursor:pointer;font-weight:600}
td.neg{text-decoration:line-through}
`
