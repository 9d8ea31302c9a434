package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEncodeOnWorkers checks that reports encoded on the analysis workers
// come out byte for byte as the sinks write them one by one, in input
// order, with the same messages and exit code, whatever the number of
// workers; the input mixes speeches with bad lines and empty statements.
func TestEncodeOnWorkers(t *testing.T) {
	var in strings.Builder
	g := &jsonlGenerator{n: 60}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(g); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.SplitAfter(buf.String(), "\n") {
		in.WriteString(line)
		switch i % 9 {
		case 2:
			in.WriteString("{\"text\": 1}\n")
		case 5:
			in.WriteString("{\"id\":\"e\",\"text\":\"  \"}\n")
		case 7:
			in.WriteString("{\"text\":\"caf\xe9\"}\n")
		}
	}
	type out struct {
		Code           int
		Stdout, Stderr string
	}
	runWith := func(onWorkers bool, args ...string) out {
		t.Helper()
		defer func(v bool) { encodeOnWorkers = v }(encodeOnWorkers)
		encodeOnWorkers = onWorkers
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), withLex("analyze", append([]string{"--input-format", "jsonl"}, args...)...),
			strings.NewReader(in.String()), &stdout, &stderr)
		return out{code, stdout.String(), stderr.String()}
	}
	for _, format := range []string{"jsonl", "json"} {
		for _, strict := range []bool{false, true} {
			args := []string{"--format", format, "--no-progress"}
			if strict {
				args = append(args, "--strict")
			}
			want := runWith(false, append(args, "--workers", "1", "-")...)
			if want.Code == 0 || !strings.Contains(want.Stdout, `"g1"`) || strict == strings.Contains(want.Stdout, `"g59"`) {
				t.Fatalf("%v: reference run: exit %d, %d bytes of output", args, want.Code, len(want.Stdout))
			}
			for _, workers := range []int{1, 2, 5} {
				got := runWith(true, append(args, "--workers", fmt.Sprint(workers), "-")...)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%v --workers %d (-want +got):\n%s", args, workers, diff)
				}
			}
		}
	}
}
