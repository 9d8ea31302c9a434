package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"mime"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
	"github.com/rhetorica/rhetorica/tokenize"
)

// lexChoice is a lexicon a request may choose by name.
type lexChoice struct {
	name string
	lex  *lexicon.Lexicon
}

// serverConfig is what the serve command hands to newServer.
type serverConfig struct {
	lexicons      []lexChoice // the first is the default choice
	lang          tokenize.Language
	tag           bool
	cors          string          // the one origin allowed to call the API; "" for none
	maxBytes      int64           // request body
	maxStatements int             // statements per request
	timeout       time.Duration   // analysis of one request
	maxConcurrent int             // analyses at once
	queueWait     time.Duration   // wait for a free slot before 503
	maxPending    int             // POST requests read or waiting at once; 0 means 16 × maxConcurrent
	workers       int             // statements of one request analysed in parallel; 0 means GOMAXPROCS
	model         *rhetoric.Model // the learned layer; nil means the built-in model
	noModel       bool            // lexicon counting, no learned layer
}

// server holds the handlers of serve. It keeps no state between requests
// except the semaphore of running analyses; it is safe for concurrent use.
type server struct {
	cfg     serverConfig
	sem     chan struct{} // analyses running
	pending chan struct{} // POST requests in the server: their bodies are in memory
	mux     *http.ServeMux

	// analyzers caches an analyzer per lexicon and device choice: an
	// analyzer's tokenizer memoises the stems of the words it has seen,
	// which a fresh one per request would compute again.
	mu        sync.Mutex
	analyzers map[string]*rhetoric.Analyzer
}

// maxAnalyzers bounds the cache of analyzers; further device choices get
// a fresh analyzer per request.
const maxAnalyzers = 64

// newServer checks cfg and returns the server's handler.
func newServer(cfg serverConfig) (*server, error) {
	if len(cfg.lexicons) == 0 {
		return nil, errors.New("serve: no lexicon")
	}
	if cfg.maxConcurrent <= 0 || cfg.maxStatements <= 0 || cfg.maxBytes <= 0 || cfg.timeout <= 0 {
		return nil, errors.New("serve: limits must be positive")
	}
	if cfg.workers == 0 {
		cfg.workers = runtime.GOMAXPROCS(0)
	}
	if cfg.maxPending <= 0 {
		cfg.maxPending = 16 * cfg.maxConcurrent
	}
	// Check the lexicons' language and options once, so that a request
	// fails only for what it asked.
	for _, l := range cfg.lexicons {
		if _, err := rhetoric.New(l.lex, rhetoric.Options{Language: cfg.lang, Tag: cfg.tag, Model: cfg.model, NoModel: cfg.noModel}); err != nil {
			return nil, fmt.Errorf("serve: lexicon %s: %w", l.name, err)
		}
	}
	s := &server{cfg: cfg, sem: make(chan struct{}, cfg.maxConcurrent), pending: make(chan struct{}, cfg.maxPending),
		mux:       http.NewServeMux(),
		analyzers: map[string]*rhetoric.Analyzer{}}
	s.mux.HandleFunc("GET /{$}", s.page)
	s.mux.HandleFunc("POST /{$}", s.page)
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.HandleFunc("GET /v1/lexicon", s.lexiconInfo)
	s.mux.HandleFunc("POST /v1/analyze", s.apiAnalyze)
	s.mux.HandleFunc("POST /v1/compare", s.apiCompare)
	s.mux.HandleFunc("OPTIONS /v1/", s.preflight)
	return s, nil
}

// contentSecurityPolicy allows nothing but the page's own inline style and
// form posts to itself: no script at all, no outside resource, no framing.
const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// ServeHTTP sets the security headers every response carries, answers
// unknown paths and methods with a JSON error, and routes the rest.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cache-Control", "no-store")
	if s.cfg.cors != "" && strings.HasPrefix(r.URL.Path, "/v1/") && r.Header.Get("Origin") == s.cfg.cors {
		h.Set("Access-Control-Allow-Origin", s.cfg.cors)
		h.Add("Vary", "Origin")
	}
	if _, pattern := s.mux.Handler(r); pattern == "" {
		// The mux's own 404 and 405 answers are plain text; the API's
		// clients expect JSON.
		code, msg := http.StatusNotFound, "no such page: "+r.URL.Path
		for _, m := range []string{http.MethodGet, http.MethodPost} {
			probe := r.Clone(r.Context())
			probe.Method = m
			if _, p := s.mux.Handler(probe); p != "" {
				code, msg = http.StatusMethodNotAllowed, r.Method+" is not allowed on "+r.URL.Path+" (use "+m+")"
				h.Set("Allow", m)
				break
			}
		}
		writeErrors(w, code, apiError{Message: msg})
		return
	}
	if r.Method == http.MethodPost {
		// Each POST holds its body (up to --max-bytes) while it waits for
		// an analysis slot: bound how many do, so that memory is bounded.
		select {
		case s.pending <- struct{}{}:
			defer func() { <-s.pending }()
		default:
			err := &httpError{http.StatusServiceUnavailable,
				fmt.Sprintf("the server is busy: %d requests are waiting (--max-pending); retry in a moment", s.cfg.maxPending)}
			if r.URL.Path == "/" {
				s.renderPage(w, pageForm{}, nil, nil, nil, err)
			} else {
				writeFailure(w, err)
			}
			return
		}
	}
	s.mux.ServeHTTP(w, r)
}

// preflight answers a CORS preflight for the allowed origin only.
func (s *server) preflight(w http.ResponseWriter, r *http.Request) {
	if s.cfg.cors == "" || r.Header.Get("Origin") != s.cfg.cors {
		writeErrors(w, http.StatusForbidden, apiError{Message: "cross-origin requests are not allowed (start the server with --cors ORIGIN)"})
		return
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Methods", "GET, POST")
	h.Set("Access-Control-Allow-Headers", "Content-Type")
	h.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
}

// apiError is one problem in an API response: a message, and for a problem
// with one statement its index in the request (from 0), its id and, for a
// JSONL body, its line.
type apiError struct {
	Message string `json:"message"`
	Index   *int   `json:"index,omitempty"`
	ID      string `json:"id,omitempty"`
	Line    int    `json:"line,omitempty"`

	where string // the file and line, or the statement, for the page
}

// errorsBody is the body of a failed request.
type errorsBody struct {
	Errors []apiError `json:"errors"`
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		code = http.StatusInternalServerError
		b, _ = json.Marshal(errorsBody{Errors: []apiError{{Message: "encoding the response: " + err.Error()}}})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	w.Write(append(b, '\n'))
}

func writeErrors(w http.ResponseWriter, code int, errs ...apiError) {
	writeJSON(w, code, errorsBody{Errors: errs})
}

// httpError is a failure of a whole request, with its status code.
type httpError struct {
	code int
	msg  string
}

func (e *httpError) Error() string { return e.msg }

func badRequest(format string, args ...any) *httpError {
	return &httpError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// writeFailure answers a failed request: an *httpError with its code,
// anything else as 500.
func writeFailure(w http.ResponseWriter, err error) {
	var he *httpError
	if !errors.As(err, &he) {
		he = &httpError{http.StatusInternalServerError, err.Error()}
	}
	if he.code == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	writeErrors(w, he.code, apiError{Message: he.msg})
}

// readBody reads a request body of at most maxBytes.
func (s *server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.maxBytes))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, s.tooLarge()
	}
	if err != nil {
		return nil, badRequest("reading the request: %v", err)
	}
	return data, nil
}

func (s *server) tooLarge() *httpError {
	return &httpError{http.StatusRequestEntityTooLarge,
		fmt.Sprintf("the request is larger than %d bytes (--max-bytes); send fewer statements per request", s.cfg.maxBytes)}
}

// analyzeRequest is the JSON body of /v1/analyze: the fields both
// endpoints use.
type analyzeRequest struct {
	Statements []json.RawMessage `json:"statements"`
	Devices    []string          `json:"devices"`
	Lexicon    string            `json:"lexicon"`
}

// analysisRequest is the JSON body of /v1/compare: /v1/analyze's fields
// and compare's options. /v1/analyze decodes only the embedded
// analyzeRequest, so that an option it would ignore is refused as unknown.
type analysisRequest struct {
	analyzeRequest
	// compare only (compareOnly lists their names)
	By    string   `json:"by"`
	A     string   `json:"a"`
	B     string   `json:"b"`
	Prior *float64 `json:"prior"`
	Sort  bool     `json:"sort"`
	Cues  *int     `json:"cues"` // top cues per device and group; 3 when absent
}

// compareOnly are the options of /v1/compare that /v1/analyze does not
// use, as JSON fields and query parameters.
var compareOnly = []string{"by", "a", "b", "sort", "prior", "cues"}

// parseRequest reads the statements of an API request: a JSON object with
// "statements" (and options), or a JSONL body of one statement per line
// with the options in the query string (devices=a,b&lexicon=NAME). The
// content type decides when it is JSON or JSONL; otherwise the body is
// taken as the JSON object when it is one with "statements", else as JSONL.
// Unless compare is set (for /v1/compare), compare's options are refused
// like any unknown field or parameter: the request would not get what it
// asked for.
func (s *server) parseRequest(r *http.Request, body []byte, compare bool) (analysisRequest, []readItem, error) {
	var req analysisRequest
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	jsonl := strings.Contains(ct, "ndjson") || strings.Contains(ct, "jsonl") || strings.Contains(ct, "json-seq") ||
		strings.Contains(ct, "jsonlines")
	if !jsonl {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields() // a misspelt option is an error, not ignored
		var dst any = &req
		if !compare {
			dst = &req.analyzeRequest
		}
		err := dec.Decode(dst)
		if err == nil && dec.More() {
			err = errors.New("more than one JSON value (send a JSONL body as application/x-ndjson)")
		}
		if err == nil && req.Statements == nil {
			err = errors.New(`no "statements" array`)
		}
		if err != nil && (ct == "application/json" || hasStatements(body)) {
			return req, nil, badRequest("invalid request: %s%s", jsonMessage(err), compareHint(err, compare))
		}
		if err != nil {
			jsonl = true
			req = analysisRequest{}
		}
	}
	var items []readItem
	if !jsonl {
		if len(req.Statements) > s.cfg.maxStatements {
			return req, nil, s.tooMany(len(req.Statements))
		}
		for i, raw := range req.Statements {
			st, err := parseStatement(raw)
			if err != nil {
				// Name the statement in the error when its id can be read.
				var idOnly struct {
					ID string `json:"id"`
				}
				if json.Unmarshal(raw, &idOnly) == nil {
					st.ID = idOnly.ID
				}
			} else if st.ID == "" {
				st.ID = strconv.Itoa(i)
			}
			items = append(items, readItem{pos: "statements[" + strconv.Itoa(i) + "]", st: st, err: err})
		}
	} else {
		q := r.URL.Query()
		for k := range q {
			switch {
			case k == "devices", k == "lexicon", compare && slices.Contains(compareOnly, k):
			case slices.Contains(compareOnly, k):
				return req, nil, badRequest("unknown parameter %q (an option of /v1/compare, not of /v1/analyze)", k)
			case compare:
				return req, nil, badRequest("unknown parameter %q (want devices, lexicon, %s)", k, strings.Join(compareOnly, ", "))
			default:
				return req, nil, badRequest("unknown parameter %q (want devices, lexicon)", k)
			}
		}
		req.Lexicon, req.By, req.A, req.B = q.Get("lexicon"), q.Get("by"), q.Get("a"), q.Get("b")
		if q.Has("sort") {
			// Anything but a boolean is refused: "sort=yes" read as false
			// would quietly answer in lexicon order.
			v, err := strconv.ParseBool(q.Get("sort"))
			if err != nil {
				return req, nil, badRequest("sort %q is not true or false (or 1 or 0)", q.Get("sort"))
			}
			req.Sort = v
		}
		if d := q.Get("devices"); d != "" {
			req.Devices = strings.Split(d, ",")
		}
		if c := q.Get("cues"); c != "" {
			v, err := strconv.Atoi(c)
			if err != nil {
				return req, nil, badRequest("cues %q is not a whole number", c)
			}
			req.Cues = &v
		}
		if p := q.Get("prior"); p != "" {
			v, err := strconv.ParseFloat(p, 64)
			if err != nil {
				return req, nil, badRequest("prior %q is not a number", p)
			}
			req.Prior = &v
		}
		for _, it := range readUpload("body.jsonl", body) {
			if len(items) == s.cfg.maxStatements {
				return req, nil, s.tooMany(len(items) + 1)
			}
			if it.err == nil && strings.HasPrefix(it.st.ID, "body.jsonl:") {
				it.st.ID = strconv.Itoa(len(items))
			}
			items = append(items, it)
		}
		if len(items) == 0 && len(bytes.TrimSpace(body)) == 0 {
			return req, nil, badRequest(`empty request: send {"statements":[{"text":"..."}]} or one JSON statement per line`)
		}
	}
	return req, items, nil
}

// compareHint explains a decoding error of /v1/analyze that is one of
// compare's fields: " (an option of /v1/compare, not of /v1/analyze)";
// else "". encoding/json names an unknown field only in its message.
func compareHint(err error, compare bool) string {
	if compare {
		return ""
	}
	for _, f := range compareOnly {
		if strings.HasSuffix(err.Error(), "unknown field "+strconv.Quote(f)) {
			return " (an option of /v1/compare, not of /v1/analyze)"
		}
	}
	return ""
}

// hasStatements reports whether body is one JSON object with a
// "statements" field: a request object, even when it has other problems.
func hasStatements(body []byte) bool {
	var obj map[string]json.RawMessage
	if json.Unmarshal(body, &obj) != nil {
		return false
	}
	_, ok := obj["statements"]
	return ok
}

func (s *server) tooMany(n int) *httpError {
	return &httpError{http.StatusRequestEntityTooLarge,
		fmt.Sprintf("%d statements or more in one request; the limit is %d (--max-statements)", n, s.cfg.maxStatements)}
}

// jsonMessage phrases a JSON decoding error without the package prefix.
func jsonMessage(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s at byte %d", strings.TrimPrefix(err.Error(), "json: "), se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %q must be %s, not %s", te.Field, te.Type, te.Value)
	}
	if errors.Is(err, io.EOF) {
		return "empty body"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// analyzer returns an analyzer of the named lexicon ("" for the default)
// reporting devices (nil for all).
func (s *server) analyzer(name string, devices []string) (*rhetoric.Analyzer, error) {
	lc := s.cfg.lexicons[0]
	if name != "" {
		found := false
		for _, l := range s.cfg.lexicons {
			if l.name == name {
				lc, found = l, true
				break
			}
		}
		if !found {
			var names []string
			for _, l := range s.cfg.lexicons {
				names = append(names, l.name)
			}
			return nil, badRequest("unknown lexicon %q (this server has: %s)", name, strings.Join(names, ", "))
		}
	}
	var devs []string
	for _, d := range devices {
		if d = strings.TrimSpace(d); d != "" {
			devs = append(devs, d)
		}
	}
	slices.Sort(devs)
	devs = slices.Compact(devs)
	key := lc.name + "\x00" + strings.Join(devs, "\x00")
	s.mu.Lock()
	an := s.analyzers[key]
	s.mu.Unlock()
	if an != nil {
		return an, nil
	}
	an, err := rhetoric.New(lc.lex, rhetoric.Options{Language: s.cfg.lang, Tag: s.cfg.tag, Devices: devs,
		Workers: s.cfg.workers, Model: s.cfg.model, NoModel: s.cfg.noModel})
	if errors.Is(err, rhetoric.ErrUnknownDevice) {
		var names []string
		for _, c := range lc.lex.Categories() {
			names = append(names, c.Name)
		}
		return nil, badRequest("unknown device %s (the devices of lexicon %s are: %s)",
			strings.TrimPrefix(err.Error(), rhetoric.ErrUnknownDevice.Error()+": "), lc.name, strings.Join(names, ", "))
	}
	if err != nil {
		return nil, badRequest("%v", err)
	}
	s.mu.Lock()
	if len(s.analyzers) < maxAnalyzers {
		s.analyzers[key] = an
	}
	s.mu.Unlock()
	return an, nil
}

// acquire takes an analysis slot, waiting up to queueWait; false means the
// server is busy (or the client left).
func (s *server) acquire(ctx context.Context) bool {
	select {
	case s.sem <- struct{}{}:
		return true
	default:
	}
	if s.cfg.queueWait <= 0 {
		return false
	}
	t := time.NewTimer(s.cfg.queueWait)
	defer t.Stop()
	select {
	case s.sem <- struct{}{}:
		return true
	case <-t.C:
	case <-ctx.Done():
	}
	return false
}

func (s *server) release() { <-s.sem }

// analysis is the outcome of analysing the statements of one request.
type analysis struct {
	reports []*rhetoric.Report
	texts   []string   // the text of each report
	index   []int      // the request index of each report
	errs    []apiError // the statements that failed, in request order
}

// analyze runs the analyzer over items under the request's limits: a slot
// of the semaphore and the per-request timeout, whose cancellation reaches
// the analyzer. Statements that fail are recorded and the others go on.
func (s *server) analyze(ctx context.Context, an *rhetoric.Analyzer, items []readItem) (*analysis, error) {
	res := &analysis{}
	valid := make([]int, 0, len(items))
	for i, it := range items {
		if it.err != nil {
			res.errs = append(res.errs, itemError(i, it, it.err))
			continue
		}
		valid = append(valid, i)
	}
	if len(valid) == 0 {
		return res, nil
	}
	if !s.acquire(ctx) {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &httpError{http.StatusServiceUnavailable,
			fmt.Sprintf("the server is busy: %d analyses are running (--max-concurrent); retry in a moment", s.cfg.maxConcurrent)}
	}
	defer s.release()
	ctx, cancel := context.WithTimeout(ctx, s.cfg.timeout)
	defer cancel()
	var seq iter.Seq[rhetoric.Statement] = func(yield func(rhetoric.Statement) bool) {
		for _, i := range valid {
			if !yield(items[i].st) {
				return
			}
		}
	}
	var errs []apiError
	for r := range an.AnalyzeAll(ctx, seq) {
		if r.Err != nil && ctx.Err() != nil && errors.Is(r.Err, ctx.Err()) {
			if errors.Is(r.Err, context.DeadlineExceeded) {
				return nil, &httpError{http.StatusGatewayTimeout,
					fmt.Sprintf("the analysis took longer than %s (--timeout); send fewer or shorter statements", s.cfg.timeout)}
			}
			return nil, r.Err
		}
		i := valid[r.Index]
		if r.Err != nil {
			msg := r.Err
			if errors.Is(r.Err, rhetoric.ErrInvalidUTF8) {
				msg = errors.New("invalid UTF-8 in the text")
			}
			errs = append(errs, itemError(i, items[i], msg))
			continue
		}
		res.reports = append(res.reports, r.Report)
		res.texts = append(res.texts, items[i].st.Text)
		res.index = append(res.index, i)
	}
	// Keep the problems in request order: reading problems and analysis
	// problems interleave.
	res.errs = mergeErrors(res.errs, errs)
	return res, nil
}

func itemError(i int, it readItem, err error) apiError {
	e := apiError{Message: err.Error(), Index: &i, ID: it.st.ID, where: it.pos}
	if _, line, ok := strings.Cut(it.pos, ":"); ok {
		e.Line, _ = strconv.Atoi(line)
	}
	return e
}

// mergeErrors merges two lists sorted by index.
func mergeErrors(a, b []apiError) []apiError {
	out := make([]apiError, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if *a[0].Index <= *b[0].Index {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// analyzeResponse is the body of /v1/analyze: one report per statement
// that was analysed, in request order (each as "analyze --format json"
// writes it), and the problems of the others.
type analyzeResponse struct {
	Reports []*rhetoric.Report `json:"reports"`
	Errors  []apiError         `json:"errors"`
}

// statusOf is 200 when something was analysed or nothing failed, else 422.
func statusOf(a *analysis) int {
	if len(a.reports) == 0 && len(a.errs) > 0 {
		return http.StatusUnprocessableEntity
	}
	return http.StatusOK
}

// requestItems reads and parses an API request (of /v1/compare when
// compare is set) and builds its analyzer.
func (s *server) requestItems(w http.ResponseWriter, r *http.Request, compare bool) (analysisRequest, []readItem, *rhetoric.Analyzer, error) {
	body, err := s.readBody(w, r)
	if err != nil {
		return analysisRequest{}, nil, nil, err
	}
	req, items, err := s.parseRequest(r, body, compare)
	if err != nil {
		return req, nil, nil, err
	}
	an, err := s.analyzer(req.Lexicon, req.Devices)
	return req, items, an, err
}

func (s *server) apiAnalyze(w http.ResponseWriter, r *http.Request) {
	_, items, an, err := s.requestItems(w, r, false)
	if err != nil {
		writeFailure(w, err)
		return
	}
	a, err := s.analyze(r.Context(), an, items)
	if err != nil {
		writeFailure(w, err)
		return
	}
	resp := analyzeResponse{Reports: a.reports, Errors: a.errs}
	if resp.Reports == nil {
		resp.Reports = []*rhetoric.Report{}
	}
	if resp.Errors == nil {
		resp.Errors = []apiError{}
	}
	writeJSON(w, statusOf(a), resp)
	// writeJSON encoded the reports before writing, so nothing holds
	// them: their memory goes back to the analyzer, which the server keeps
	// for the next requests with the same lexicon and devices.
	for _, rep := range a.reports {
		an.Recycle(rep)
	}
}

// compareResponse is the body of /v1/compare: the comparison as "compare
// --format json" writes it, and the statements that failed.
type compareResponse struct {
	comparisonJSON
	Errors []apiError `json:"errors"`
}

func (s *server) apiCompare(w http.ResponseWriter, r *http.Request) {
	req, items, an, err := s.requestItems(w, r, true)
	if err == nil && req.By == "" {
		err = badRequest(`compare needs "by": the key that groups the statements (speaker, date or a metadata field)`)
	}
	if err == nil && (req.A == "") != (req.B == "") {
		err = badRequest(`give both "a" and "b", or neither`)
	}
	if err == nil && req.Prior != nil && (!(*req.Prior > 0) || math.IsInf(*req.Prior, 0)) {
		err = badRequest("the prior must be positive")
	}
	if err == nil && req.Cues != nil && *req.Cues < 0 {
		err = badRequest("cues must not be negative")
	}
	if err != nil {
		writeFailure(w, err)
		return
	}
	a, err := s.analyze(r.Context(), an, items)
	if err != nil {
		writeFailure(w, err)
		return
	}
	agg := rhetoric.NewGroups(rhetoric.KeyField(req.By))
	for _, rep := range a.reports {
		addReport(agg, rep) // by speaker: a transcript's turns, as compare --by speaker
	}
	pa, pb, err := pickGroups(agg.Profiles(), req.By, req.A, req.B)
	if err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, errorsBody{Errors: append([]apiError{{Message: err.Error()}}, a.errs...)})
		return
	}
	prior := float64(rhetoric.DefaultPrior)
	if req.Prior != nil {
		prior = *req.Prior
	}
	c := rhetoric.CompareWith(pa, pb, prior)
	if req.Sort {
		c = c.SortByZ()
	}
	k := 3 // compare's default --cues
	if req.Cues != nil {
		k = *req.Cues
	}
	cues := comparisonCues(c, profileCues(pa), profileCues(pb), k)
	resp := compareResponse{comparisonJSON: comparisonJSON{Key: req.By, Comparison: c,
		StatementsA: pa.Statements, StatementsB: pb.Statements, WordsA: pa.Words, WordsB: pb.Words, Cues: cues,
		MatrixA: pa.Matrix, MatrixB: pb.Matrix}, Errors: a.errs}
	if resp.Errors == nil {
		resp.Errors = []apiError{}
	}
	writeJSON(w, http.StatusOK, resp)
}

// pickGroups finds groups a and b among profiles, or takes the only two;
// fewer than two groups leave nothing to compare.
func pickGroups(profiles []rhetoric.Profile, by, a, b string) (pa, pb rhetoric.Profile, err error) {
	if msg := tooFewGroups(by, profiles, a != ""); msg != "" {
		return pa, pb, errors.New(msg)
	}
	var groups []string
	for _, p := range profiles {
		groups = append(groups, p.Group)
	}
	if a == "" {
		if len(profiles) != 2 {
			return pa, pb, fmt.Errorf("%d groups by %s (%s): name the two to compare with \"a\" and \"b\"",
				len(profiles), by, quoteList(groups))
		}
		return profiles[0], profiles[1], nil
	}
	var okA, okB bool
	for _, p := range profiles {
		if p.Group == a {
			pa, okA = p, true
		}
		if p.Group == b {
			pb, okB = p, true
		}
	}
	if !okA || !okB {
		missing := a
		if okA {
			missing = b
		}
		return pa, pb, fmt.Errorf("no statements with %s %q (the groups are: %s)", by, missing, quoteList(groups))
	}
	return pa, pb, nil
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "version": version,
		"running": len(s.sem), "max_concurrent": s.cfg.maxConcurrent, "pending": len(s.pending)})
}

// lexiconJSON describes a loaded lexicon for /v1/lexicon.
type lexiconJSON struct {
	Name       string         `json:"name"`    // the name a request chooses it by
	Lexicon    string         `json:"lexicon"` // the lexicon's own name
	Language   string         `json:"language"`
	Categories []categoryJSON `json:"categories"`
	Modifiers  int            `json:"modifiers"`
	Actors     int            `json:"actors"`
}

type categoryJSON struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Entries     int    `json:"entries"`
}

func (s *server) lexiconInfo(w http.ResponseWriter, r *http.Request) {
	type body struct {
		Default  string         `json:"default"`
		Limits   map[string]any `json:"limits"`
		Lexicons []lexiconJSON  `json:"lexicons"`
	}
	b := body{Default: s.cfg.lexicons[0].name, Limits: map[string]any{
		"max_bytes": s.cfg.maxBytes, "max_statements": s.cfg.maxStatements,
		"timeout_seconds": s.cfg.timeout.Seconds(), "max_concurrent": s.cfg.maxConcurrent}}
	for _, l := range s.cfg.lexicons {
		lj := lexiconJSON{Name: l.name, Lexicon: l.lex.Name(), Language: string(l.lex.Language()),
			Modifiers: l.lex.NumModifiers(), Actors: l.lex.NumActors()}
		for i, c := range l.lex.Categories() {
			lj.Categories = append(lj.Categories, categoryJSON{Name: c.Name, Description: c.Description, Entries: l.lex.NumEntries(i)})
		}
		b.Lexicons = append(b.Lexicons, lj)
	}
	writeJSON(w, http.StatusOK, b)
}
