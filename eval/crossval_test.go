package eval_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/rhetorica/rhetorica/eval"
	"github.com/rhetorica/rhetorica/learn"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// annotatedFile is the small annotated file that the CLI's tests use too:
// thirty sentences written for the tests, every device of the default
// lexicon at least once.
var annotatedFile = filepath.Join("..", "testdata", "eval", "annotated.jsonl")

func readAnnotated(t *testing.T) ([]eval.Item, []byte) {
	t.Helper()
	data, err := os.ReadFile(annotatedFile)
	if err != nil {
		t.Fatal(err)
	}
	items, err := eval.ReadFile(annotatedFile, "")
	if err != nil {
		t.Fatal(err)
	}
	return items, data
}

// TestCrossValidate checks what a user relies on when reading a
// cross-validated figure: every item gets a prediction, a second run gives
// the same ones, and the result is the score of those predictions.
func TestCrossValidate(t *testing.T) {
	items, _ := readAnnotated(t)
	ctx := context.Background()
	lex := lexicon.Default()
	cfg := learn.DefaultModelConfig()
	cfg.NoTargets = true // targets are not what this test is about; they take most of the time
	preds, err := eval.CrossPredict(ctx, lex, rhetoric.Options{}, items, 3, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(preds) != len(items) {
		t.Fatalf("CrossPredict gave %d predictions for %d items", len(preds), len(items))
	}
	again, err := eval.CrossPredict(ctx, lex, rhetoric.Options{}, items, 3, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(preds, again, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("CrossPredict is not deterministic (-first +second):\n%s", diff)
	}
	res, err := eval.CrossValidate(ctx, lex, rhetoric.Options{}, items, 3, cfg, eval.Options{Resamples: -1})
	if err != nil {
		t.Fatal(err)
	}
	an, err := rhetoric.New(lex, rhetoric.Options{NoModel: true})
	if err != nil {
		t.Fatal(err)
	}
	want := eval.Score(an.Devices(), items, preds, eval.Options{Resamples: -1})
	want.Folds = 3
	if diff := cmp.Diff(want, res, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("CrossValidate is not the score of CrossPredict's predictions (-want +got):\n%s", diff)
	}
	if res.MicroF1 <= 0 {
		t.Errorf("micro-F1 %v: the folds' models found nothing in sentences full of cues", res.MicroF1)
	}
}

// TestCrossPredictHoldsOut checks that no item is predicted by a model that
// saw it. Each item's only distinctive word is its own ("zqa", "zqb", ...)
// and half of them carry hypocrisy, which no cue of the lexicon does; with
// features kept from a single sentence, a model that had seen an item
// would learn its word and single it out. A model that has not seen any of
// its fold's items has nothing to tell them apart by, so it must decide
// them all alike.
func TestCrossPredictHoldsOut(t *testing.T) {
	var items []eval.Item
	for i := range 24 {
		it := eval.Item{
			ID:      fmt.Sprintf("h%02d", i),
			Text:    fmt.Sprintf("The delegation spoke at length about zq%c.", 'a'+i),
			Devices: []string{},
		}
		if i%2 == 0 {
			it.Devices = []string{"hypocrisy"}
		}
		items = append(items, it)
	}
	cfg := learn.DefaultModelConfig()
	cfg.NoTargets, cfg.MinCount = true, 1
	const k = 3
	preds, err := eval.CrossPredict(context.Background(), lexicon.Default(), rhetoric.Options{}, items, k, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	folds := learn.Folds(ids, k)
	first := map[int]int{} // fold -> its first item
	for i, f := range folds {
		j, ok := first[f]
		if !ok {
			first[f] = i
			continue
		}
		if diff := cmp.Diff(preds[j].Devices, preds[i].Devices, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("fold %d decides %s and %s differently, so its model knew one of them (-%s +%s):\n%s",
				f, items[j].ID, items[i].ID, items[j].ID, items[i].ID, diff)
		}
	}
	// The check above is only worth something if a model that has seen
	// the items does single them out: trained on all of them, it must.
	m, err := eval.TrainModel(context.Background(), lexicon.Default(), rhetoric.Options{}, items, "", nil, cfg)
	if err != nil {
		t.Fatal(err)
	}
	a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{Model: m})
	if err != nil {
		t.Fatal(err)
	}
	res, err := eval.Evaluate(context.Background(), a, items, eval.Options{Resamples: -1})
	if err != nil {
		t.Fatal(err)
	}
	if res.MicroF1 < 0.9 {
		t.Errorf("a model trained on the items themselves scores micro-F1 %.3f on them; want it to have learnt their words (>= 0.9)", res.MicroF1)
	}
}

func TestCrossPredictErrors(t *testing.T) {
	items, _ := readAnnotated(t)
	tests := []struct {
		name string
		k    int
		cfg  learn.Config
	}{
		{"one fold", 1, learn.Config{}},
		{"more folds than items", len(items) + 1, learn.Config{}},
		{"empty lambda list", 3, learn.Config{Lambdas: []float64{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			preds, err := eval.CrossPredict(context.Background(), lexicon.Default(), rhetoric.Options{}, items, tt.k, tt.cfg)
			if err == nil {
				t.Fatalf("CrossPredict: no error, %d predictions", len(preds))
			}
			if _, err := eval.CrossValidate(context.Background(), lexicon.Default(), rhetoric.Options{}, items, tt.k, tt.cfg, eval.Options{}); err == nil {
				t.Error("CrossValidate: no error")
			}
		})
	}
}

// TestTrainModelRecordsItsData checks what makes a model file traceable:
// the lexicon's name, the training file's name and the SHA-256 of its
// bytes, and that the same inputs give the same file byte for byte.
func TestTrainModelRecordsItsData(t *testing.T) {
	items, data := readAnnotated(t)
	cfg := learn.DefaultModelConfig()
	cfg.NoTargets = true
	train := func() []byte {
		t.Helper()
		m, err := eval.TrainModel(context.Background(), lexicon.Default(), rhetoric.Options{}, items, "annotated.jsonl", data, cfg)
		if err != nil {
			t.Fatal(err)
		}
		spec := m.Spec()
		sum := sha256.Sum256(data)
		got := []string{spec.Lexicon, spec.Training.Data, spec.Training.SHA256, fmt.Sprint(spec.Training.Examples)}
		want := []string{lexicon.Default().Name(), "annotated.jsonl", hex.EncodeToString(sum[:]), fmt.Sprint(len(items))}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("model's record of its training (-want +got):\n%s", diff)
		}
		var b bytes.Buffer
		if err := m.Encode(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if a, b := train(), train(); !bytes.Equal(a, b) {
		t.Errorf("two trainings on the same inputs wrote different model files (%d and %d bytes)", len(a), len(b))
	}
}

func TestReadFileMissing(t *testing.T) {
	_, err := eval.ReadFile(filepath.Join(t.TempDir(), "none.jsonl"), "")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile of a missing file: %v, want an error wrapping fs.ErrNotExist", err)
	}
}
