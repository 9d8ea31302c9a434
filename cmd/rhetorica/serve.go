package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

const serveUsage = `Usage: rhetorica serve [flags]

Serves a web page where a journalist pastes one statement, or two side by
side, or uploads .txt, .md, .jsonl or .csv files, and reads the same
highlighted report as "analyze --format html" (with the comparison of the two
sides); and a JSON API for a newsroom's own systems:

  GET  /                 the page (GET with a= and b= analyses too)
  POST /v1/analyze       {"statements":[{"id","speaker","text","meta"}...],
                         "devices":[...], "lexicon":NAME} or a JSONL body:
                         one report per statement, as "analyze --format json"
  POST /v1/compare       as analyze, with "by", "a", "b" as for "compare"
  GET  /v1/lexicon       the loaded lexicons: categories and entry counts
  GET  /healthz          "ok" while the server runs

A field or query parameter that the endpoint does not use (a misspelt one,
or compare's "by" sent to /v1/analyze) is refused with 400.

Nothing sent is stored: every statement lives only for its request. The
server listens on loopback by default; it reads no file named in a request.
Each --lexicon file is loaded at start and offered as an overlay merged over
the built-in lexicon (the page's "lexicon" choice, the API's "lexicon" field).

Limits (a request beyond them gets a JSON error, see the README):
  --max-bytes        request body size (413)
  --max-statements   statements per request (413)
  --timeout          analysis time per request (504)
  --max-concurrent   analyses running at once; a request waits up to
                     --queue-wait for a slot, then gets 503 and Retry-After
  --max-pending      POST requests held at once (their bodies are in memory);
                     beyond it, 503 and Retry-After at once

SIGINT or SIGTERM stop the server after the requests in flight are answered.

Examples:
  rhetorica serve
  rhetorica serve --addr 127.0.0.1:9000 --lexicon newsroom.lex
  curl -s localhost:8080/v1/analyze -d '{"statements":[{"text":"They bear the blame."}]}'
`

// serveFlags are the flags of serve.
type serveFlags struct {
	addr          string
	lexicons      stringList
	noDefault     bool
	model         string
	noModel       bool
	lang          string
	tag           bool
	cors          string
	maxBytes      byteSize
	maxStatements int
	timeout       time.Duration
	maxConcurrent int
	queueWait     time.Duration
	maxPending    int
	workers       int
}

// Default limits of serve.
const (
	defaultServeMaxBytes      = 8 << 20
	defaultServeMaxStatements = 1000
	defaultServeTimeout       = 30 * time.Second
	defaultServeQueueWait     = 5 * time.Second
)

func (c *cli) serve(args []string) int {
	fs := newFlagSet("serve", serveUsage)
	var f serveFlags
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT` (loopback by default; port 0 picks a free one)")
	fs.Var(&f.lexicons, "lexicon", "lexicon `FILE` offered as an overlay merged over the built-in one; repeatable")
	fs.BoolVar(&f.noDefault, "no-default", false, "do not use the built-in lexicon (each --lexicon stands alone)")
	fs.StringVar(&f.model, "model", "", "decide devices with this learned model `FILE` (from rhetorica train) instead of the built-in one")
	fs.BoolVar(&f.noModel, "no-model", false, "no learned model: a sentence performs a device when it has a non-negated hit (lexicon counting)")
	fs.StringVar(&f.lang, "lang", "", "language of the statements (en, ru, es, fr, ...); default the lexicon's")
	fs.BoolVar(&f.tag, "tag", false, "part-of-speech tagging (finds imperatives and more targets; slower)")
	fs.StringVar(&f.cors, "cors", "", "allow the API to be called from web pages of this `ORIGIN` (default: none)")
	f.maxBytes = defaultServeMaxBytes
	fs.Var(&f.maxBytes, "max-bytes", "largest request body, `SIZE` (K, M, G)")
	fs.IntVar(&f.maxStatements, "max-statements", defaultServeMaxStatements, "most statements in one request")
	fs.DurationVar(&f.timeout, "timeout", defaultServeTimeout, "longest analysis of one request")
	fs.IntVar(&f.maxConcurrent, "max-concurrent", 2*runtime.GOMAXPROCS(0), "analyses running at once")
	fs.DurationVar(&f.queueWait, "queue-wait", defaultServeQueueWait, "how long a request waits for a free analysis slot before 503")
	fs.IntVar(&f.maxPending, "max-pending", 0, "POST requests held at once, analysed or waiting (default 16 × --max-concurrent)")
	fs.IntVar(&f.workers, "workers", 0, "statements of one request analysed in parallel (default all cores)")
	pos, code := c.parseFlags(fs, "serve", args)
	if code >= 0 {
		return code
	}
	if len(pos) > 0 {
		return c.usageError("serve ", "serve takes no arguments (got %q); statements come in requests", pos[0])
	}
	model, code := c.loadModel("serve", f.model, f.noModel)
	if code >= 0 {
		return code
	}
	switch {
	case f.maxBytes <= 0:
		return c.usageError("serve ", "--max-bytes must be positive")
	case f.maxStatements <= 0:
		return c.usageError("serve ", "--max-statements must be positive")
	case f.timeout <= 0:
		return c.usageError("serve ", "--timeout must be positive")
	case f.maxConcurrent <= 0:
		return c.usageError("serve ", "--max-concurrent must be positive")
	case f.maxPending < 0:
		return c.usageError("serve ", "--max-pending must be positive")
	case f.queueWait < 0:
		return c.usageError("serve ", "--queue-wait must not be negative")
	case f.workers < 0:
		return c.usageError("serve ", "--workers must be positive")
	case f.noDefault && len(f.lexicons) == 0:
		return c.usageError("serve ", "--no-default needs at least one --lexicon FILE")
	}
	if f.cors != "" {
		if err := checkOrigin(f.cors); err != nil {
			return c.usageError("serve ", "--cors: %v", err)
		}
	}
	var lang tokenize.Language
	if f.lang != "" {
		var err error
		if lang, err = tokenize.ParseLanguage(f.lang); err != nil {
			return c.usageError("serve ", "unknown language %q for --lang (want one of %s)", f.lang, languageList())
		}
	}
	lexes, code := c.serveLexicons(f.lexicons, f.noDefault)
	if code >= 0 {
		return code
	}
	srv, err := newServer(serverConfig{
		lexicons: lexes, lang: lang, tag: f.tag, cors: f.cors,
		maxBytes: int64(f.maxBytes), maxStatements: f.maxStatements, timeout: f.timeout,
		maxConcurrent: f.maxConcurrent, queueWait: f.queueWait, maxPending: f.maxPending, workers: f.workers,
		model: model, noModel: f.noModel,
	})
	if err != nil {
		return c.fatal(err)
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return c.fatal(fmt.Errorf("serve: %w", err))
	}
	return c.runServer(ln, srv, f.timeout)
}

// runServer serves on ln until the command's context is done (SIGINT or
// SIGTERM), then stops accepting and waits for the requests in flight.
func (c *cli) runServer(ln net.Listener, h http.Handler, timeout time.Duration) int {
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		// A response is written after the analysis; leave it time to
		// finish and to be sent.
		WriteTimeout:   timeout + 30*time.Second,
		IdleTimeout:    120 * time.Second,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       nil,
	}
	addr := ln.Addr().String()
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && tcp.IP.IsUnspecified() {
		addr = net.JoinHostPort("localhost", fmt.Sprint(tcp.Port))
	}
	fmt.Fprintf(c.stdout, "rhetorica: serving on http://%s/ (Ctrl-C to stop)\n", addr)
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		c.errorf("warning: listening on %s, reachable from other machines; the page has no login", ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return c.fatal(fmt.Errorf("serve: %w", err))
	case <-c.ctx.Done():
	}
	fmt.Fprintln(c.stdout, "rhetorica: stopping; answering the requests in flight")
	ctx, cancel := context.WithTimeout(context.Background(), timeout+35*time.Second)
	defer cancel()
	if err := hs.Shutdown(ctx); err != nil {
		return c.fatal(fmt.Errorf("serve: shutdown: %w", err))
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return c.fatal(fmt.Errorf("serve: %w", err))
	}
	return exitOK
}

// checkOrigin accepts a web origin: scheme://host[:port], nothing more.
func checkOrigin(o string) error {
	scheme, rest, ok := strings.Cut(o, "://")
	if !ok || (scheme != "http" && scheme != "https") || rest == "" || strings.ContainsAny(rest, "/?#@ *,") {
		return fmt.Errorf("%q is not an origin (want scheme://host[:port], such as https://newsroom.example)", o)
	}
	return nil
}

// serveLexicons loads the lexicons a request may choose: the built-in one
// (unless noDefault), then each file merged over it (or alone with
// noDefault), named by the file's base name.
func (c *cli) serveLexicons(files []string, noDefault bool) ([]lexChoice, int) {
	var base *lexicon.Lexicon
	var out []lexChoice
	if !noDefault {
		base = lexicon.Default()
		if base == nil {
			c.errorf("the built-in lexicon is not available in this build; use --no-default --lexicon FILE")
			return nil, exitInput
		}
		out = append(out, lexChoice{name: "default", lex: base})
	}
	failed := false
	for _, path := range files {
		name := filepath.Base(path)
		for _, o := range out {
			if o.name == name {
				return nil, c.usageError("serve ", "--lexicon: two lexicons are named %q; rename one", name)
			}
		}
		l, err := lexicon.ParseFile(path, lexicon.FormatAuto)
		if err == nil && base != nil {
			l, err = lexicon.Merge(base, l)
		}
		if err != nil {
			failed = true
			if errors.Is(err, lexicon.ErrFormat) && !isErrorList(err) {
				return nil, c.usageError("serve ", "--lexicon: %v", err)
			}
			c.printLexiconError(path, err)
			continue
		}
		out = append(out, lexChoice{name: name, lex: l})
	}
	if failed {
		c.errorf("the lexicon has errors; the server did not start")
		return nil, exitInput
	}
	return out, -1
}
