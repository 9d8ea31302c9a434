package eval_test

import (
	"context"
	"fmt"
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
	// Output:
	// blame P 1.00 R 1.00 F1 1.00, target 1/1
}

// A bad line is reported with its file and line.
func ExampleRead_error() {
	_, err := eval.Read(strings.NewReader(`{"id":"1","devices":["peace"]}`), "gold.jsonl", "")
	fmt.Println(err)
	// Output:
	// eval: invalid annotated file: gold.jsonl:1: 1 has neither text nor file
}
