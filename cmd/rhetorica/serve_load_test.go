package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rhetorica/rhetorica/lexicon"
)

// TestServeLoad sends real UN General Debate speeches to a loopback server
// from many concurrent clients, with the default limits: every answer must
// be a report or a documented 503, and the heap must come back to where it
// was after the run. It prints the latency percentiles and the peak memory
// the README quotes. It is bounded (RHETORICA_LOAD_REQUESTS requests, 2,000
// by default, from RHETORICA_LOAD_CLIENTS clients, 32 by default) and runs
// only when RHETORICA_LOAD is set:
//
//	RHETORICA_LOAD=1 go test -run TestServeLoad -v ./cmd/rhetorica
func TestServeLoad(t *testing.T) {
	if os.Getenv("RHETORICA_LOAD") == "" || testing.Short() {
		t.Skip("load test: set RHETORICA_LOAD=1 to run it")
	}
	speeches, _ := filepath.Glob("../shared/corpus/ungdc/*/*.txt")
	if len(speeches) == 0 {
		t.Skip("../shared/corpus/ungdc is absent")
	}
	slices.Sort(speeches)
	requests, clients := envInt(t, "RHETORICA_LOAD_REQUESTS", 2000), envInt(t, "RHETORICA_LOAD_CLIENTS", 32)
	bodies := make([][]byte, min(len(speeches), requests))
	var textBytes int
	for i := range bodies {
		text, err := os.ReadFile(speeches[i])
		if err != nil {
			t.Fatal(err)
		}
		textBytes += len(text)
		bodies[i], _ = json.Marshal(map[string]any{"statements": []map[string]string{
			{"id": filepath.Base(speeches[i]), "text": string(text)}}})
	}
	s, err := newServer(serverConfig{
		lexicons:      []lexChoice{{name: "default", lex: lexicon.Default()}},
		maxBytes:      defaultServeMaxBytes,
		maxStatements: defaultServeMaxStatements,
		timeout:       defaultServeTimeout,
		maxConcurrent: 2 * runtime.GOMAXPROCS(0),
		queueWait:     defaultServeQueueWait,
	})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s) // 127.0.0.1 only
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}, Timeout: time.Minute}

	send := func(i int) (int, error) {
		resp, err := client.Post(ts.URL+"/v1/analyze", "application/json", bytes.NewReader(bodies[i%len(bodies)]))
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		var got analyzeResponse
		if resp.StatusCode == 200 {
			if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || len(got.Reports) != 1 || len(got.Errors) != 0 {
				return resp.StatusCode, fmt.Errorf("request %d: a bad answer (%v)", i, err)
			}
		} else {
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != 503 || resp.Header.Get("Retry-After") == "" {
				return resp.StatusCode, fmt.Errorf("request %d: status %d: %s", i, resp.StatusCode, b)
			}
		}
		return resp.StatusCode, nil
	}
	// Warm up, then take the heap as the baseline.
	for i := range 20 {
		if _, err := send(i); err != nil {
			t.Fatal(err)
		}
	}
	heapBefore, goroutinesBefore := settledHeap()

	var peakHeap atomic.Uint64
	stop := make(chan struct{})
	var sampler sync.WaitGroup
	sampler.Add(1)
	go func() {
		defer sampler.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peakHeap.Load() {
				peakHeap.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	lat := make([]time.Duration, requests)
	codes := make([]int, requests)
	var next atomic.Int64
	var failures atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= requests {
					return
				}
				t0 := time.Now()
				code, err := send(i)
				lat[i], codes[i] = time.Since(t0), code
				if err != nil && failures.Add(1) <= 5 {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	wall := time.Since(start)
	close(stop)
	sampler.Wait()
	client.CloseIdleConnections()
	heapAfter, goroutinesAfter := settledHeap()
	runtime.KeepAlive(bodies) // the baseline held them too

	busy := 0
	for _, c := range codes {
		if c == 503 {
			busy++
		}
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		return lat[min(len(lat)-1, int(p*float64(len(lat))))].Round(time.Millisecond)
	}
	t.Logf("%d requests (%d distinct speeches, mean %d KB) from %d clients, max-concurrent %d, GOMAXPROCS %d",
		requests, len(bodies), textBytes/len(bodies)>>10, clients, s.cfg.maxConcurrent, runtime.GOMAXPROCS(0))
	t.Logf("wall %v, %.0f requests/s; %d answered 503 (busy), %d failed otherwise",
		wall.Round(time.Millisecond), float64(requests)/wall.Seconds(), busy, failures.Load())
	t.Logf("latency p50 %v, p90 %v, p99 %v, max %v", pct(.50), pct(.90), pct(.99), lat[len(lat)-1].Round(time.Millisecond))
	t.Logf("heap in use: peak %d MiB; live heap before %d MiB, after %d MiB; goroutines before %d, after %d",
		peakHeap.Load()>>20, heapBefore>>20, heapAfter>>20, goroutinesBefore, goroutinesAfter)
	if hwm := peakRSS(); hwm != "" {
		t.Logf("peak resident memory of the test process (server and clients): %s", hwm)
	}
	if heapAfter > heapBefore+16<<20 {
		t.Errorf("the live heap grew from %d to %d MiB over the run", heapBefore>>20, heapAfter>>20)
	}
	if goroutinesAfter > goroutinesBefore+2 {
		t.Errorf("%d goroutines after the run, %d before: a leak", goroutinesAfter, goroutinesBefore)
	}
}

// settledHeap returns the live heap after garbage collection and the
// goroutine count once the connections' goroutines have exited.
func settledHeap() (uint64, int) {
	var ms runtime.MemStats
	n := runtime.NumGoroutine()
	for range 50 {
		time.Sleep(20 * time.Millisecond)
		if m := runtime.NumGoroutine(); m == n {
			break
		} else {
			n = m
		}
	}
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc, n
}

func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	var n int
	if _, err := fmt.Sscan(strings.TrimSpace(v), &n); err != nil || n <= 0 {
		t.Fatalf("%s=%q is not a positive number", name, v)
	}
	return n
}

// peakRSS returns the process's peak resident set (VmHWM) on Linux, or "".
func peakRSS() string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return ""
	}
	for line := range strings.Lines(string(data)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
