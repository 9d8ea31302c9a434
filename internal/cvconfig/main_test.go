package main

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.jsonl")
	tests := []struct {
		name string
		args []string
		want string // in the error
	}{
		{"bad config", []string{"-train", missing, "-config", "{"}, "-config"},
		{"unknown config field", []string{"-train", missing, "-config", `{"lambda": 3}`}, "unknown field"},
		{"missing training file", []string{"-train", missing}, "none.jsonl"},
		{"bad flag", []string{"-nope"}, "nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(tt.args, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("run(%q) = %v, want an error containing %q", tt.args, err, tt.want)
			}
		})
	}
}
