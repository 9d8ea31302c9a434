// Package predfile writes and reads files of predictions: one JSON line
// per annotated item, in the items' order, {"id": ID, "devices": [...],
// "targets": {...}} (targets only where there are some). `rhetorica eval
// --predictions` and internal/cvconfig's -preds write them, and their
// --against and -against compare a later run with one, item by item
// (eval.ComparePaired).
package predfile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/rhetorica/rhetorica/eval"
)

// line is one line of a predictions file.
type line struct {
	ID      string            `json:"id"`
	Devices []string          `json:"devices"`
	Targets map[string]string `json:"targets,omitempty"`
}

// Write writes one line per item, in order, to the file at path: the
// item's id and its prediction.
func Write(path string, items []eval.Item, preds []eval.Prediction) error {
	if len(preds) != len(items) {
		return fmt.Errorf("predfile: %d predictions for %d items", len(preds), len(items))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i, it := range items {
		l := line{ID: it.ID, Devices: preds[i].Devices, Targets: preds[i].Targets}
		if l.Devices == nil {
			l.Devices = []string{}
		}
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// Read reads the predictions file at path, written for the same items:
// one line per item, in their order, with their ids. Anything else (an
// unknown field, another id, another number of lines) is an error that
// names the file.
func Read(path string, items []eval.Item) ([]eval.Prediction, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []eval.Prediction
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	for dec.More() {
		var l line
		if err := dec.Decode(&l); err != nil {
			return nil, fmt.Errorf("%s: prediction %d: %v", path, len(out)+1, err)
		}
		if len(out) >= len(items) || l.ID != items[len(out)].ID {
			want := "(none)"
			if len(out) < len(items) {
				want = items[len(out)].ID
			}
			return nil, fmt.Errorf("%s: prediction %d has id %q, but item %d of the annotated file is %q: written for another file or another split?",
				path, len(out)+1, l.ID, len(out)+1, want)
		}
		out = append(out, eval.Prediction{Devices: l.Devices, Targets: l.Targets})
	}
	if len(out) != len(items) {
		return nil, fmt.Errorf("%s: %d predictions for %d items: written for another file?", path, len(out), len(items))
	}
	return out, nil
}
