package eval_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/rhetorica/rhetorica/eval"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// Evaluate lexicon counting against two annotated sentences.
func Example() {
	gold := `{"id":"1","text":"Russia's aggression must stop.","devices":["blame"],"targets":{"blame":"RUS"}}
{"id":"2","text":"The delegates met on Monday.","devices":[]}
`
	items, err := eval.Read(strings.NewReader(gold), "gold.jsonl", "")
	if err != nil {
		fmt.Println(err)
		return
	}
	a, _ := rhetoric.New(lexicon.Default(), rhetoric.Options{NoModel: true, Devices: []string{"blame"}})
	r, err := eval.Evaluate(context.Background(), a, items, eval.Options{Resamples: -1})
	if err != nil {
		fmt.Println(err)
		return
	}
	b := r.Devices[0]
	fmt.Printf("%s P %.2f R %.2f F1 %.2f, target %d/%d\n", b.Device, b.P, b.R, b.F1, b.TargetRight, b.TargetN)
	fmt.Printf("agreement: kappa %.2f, alpha %.2f\n", b.Kappa, b.Alpha)
	// Output:
	// blame P 1.00 R 1.00 F1 1.00, target 1/1
	// agreement: kappa 1.00, alpha 1.00
}

// A bad line is reported with its file and line.
func ExampleRead_error() {
	_, err := eval.Read(strings.NewReader(`{"id":"1","devices":["peace"]}`), "gold.jsonl", "")
	fmt.Println(err)
	// Output:
	// eval: invalid annotated file: gold.jsonl:1: 1 has neither text nor file
}

// Analyze an annotated sentence inside its document: the line locates it
// by byte offsets into a speech of the corpus directory.
func ExampleAddContext() {
	dir, err := os.MkdirTemp("", "corpus")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	speech := "We came to talk about peace. Russia bears responsibility for this war. We call for a ceasefire."
	if err := os.WriteFile(filepath.Join(dir, "speech.txt"), []byte(speech), 0o644); err != nil {
		fmt.Println(err)
		return
	}
	gold := `{"id":"1","file":"speech.txt","start":29,"end":70,"devices":["blame"],"targets":{"blame":"RUS"}}`
	items, err := eval.Read(strings.NewReader(gold), "gold.jsonl", dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	n, err := eval.AddContext(items, "gold.jsonl", dir, eval.DefaultWindow)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d in context: %q\nbefore it: %q\n", n, items[0].Text, items[0].Context[:items[0].ContextStart])
	a, _ := rhetoric.New(lexicon.Default(), rhetoric.Options{})
	r, err := eval.Evaluate(context.Background(), a, items, eval.Options{Resamples: -1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("in context %d, misaligned %d, blame recall %.2f\n", r.InContext, r.Misaligned, r.Devices[0].R)
	// Output:
	// 1 in context: "Russia bears responsibility for this war."
	// before it: "We came to talk about peace. "
	// in context 1, misaligned 0, blame recall 1.00
}

// Compare the predictions of two configurations on the same items, such
// as two runs of [eval.CrossPredict] on the same folds, with a paired
// bootstrap: the interval of the difference in micro-F1 comes from
// resamples that score both on the same items.
func ExampleComparePaired() {
	devices := []string{"blame", "peace"}
	var items []eval.Item
	var base, alt []eval.Prediction
	for i := range 40 {
		var gold, b, a []string
		switch i % 4 {
		case 0: // blame, found by both
			gold, b, a = []string{"blame"}, []string{"blame"}, []string{"blame"}
		case 1: // blame, found by alt only
			gold, a = []string{"blame"}, []string{"blame"}
		case 2: // peace, found by both
			gold, b, a = []string{"peace"}, []string{"peace"}, []string{"peace"}
		case 3: // nothing; base and, every other time, alt call it peace
			b = []string{"peace"}
			if i%8 == 3 {
				a = []string{"peace"}
			}
		}
		items = append(items, eval.Item{ID: fmt.Sprint(i), Devices: gold})
		base = append(base, eval.Prediction{Devices: b})
		alt = append(alt, eval.Prediction{Devices: a})
	}
	p, err := eval.ComparePaired(devices, items, base, alt, eval.Options{Resamples: 1000})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("micro %.3f -> %.3f, difference %+.3f [%+.3f, %+.3f]\n", p.MicroF1[0], p.MicroF1[1], p.MicroDiff, p.MicroCI.Lo, p.MicroCI.Hi)
	for _, d := range p.Devices {
		fmt.Printf("%s F1 %.3f -> %.3f, difference %+.3f [%+.3f, %+.3f]\n", d.Device, d.F1[0], d.F1[1], d.Diff, d.CI.Lo, d.CI.Hi)
	}
	// Output:
	// micro 0.667 -> 0.923, difference +0.256 [+0.136, +0.394]
	// blame F1 0.667 -> 1.000, difference +0.333 [+0.152, +0.571]
	// peace F1 0.667 -> 0.800, difference +0.133 [+0.028, +0.267]
}
