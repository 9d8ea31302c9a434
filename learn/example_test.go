package learn_test

import (
	"context"
	"fmt"

	"github.com/rhetorica/rhetorica/learn"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// Train a model on a handful of annotated sentences and use it.
func Example() {
	ctx := context.Background()
	base, _ := rhetoric.New(lexicon.Default(), rhetoric.Options{NoModel: true})
	ex := []learn.Example{
		{ID: "1", Text: "Russia bears full responsibility for this war.", Devices: []string{"blame"}},
		{ID: "2", Text: "Washington is to blame for the suffering.", Devices: []string{"blame"}},
		{ID: "3", Text: "Kyiv is responsible for the shelling.", Devices: []string{"blame"}},
		{ID: "4", Text: "The blame lies with the aggressor.", Devices: []string{"blame"}},
		{ID: "5", Text: "The conference opened on Monday.", Devices: nil},
		{ID: "6", Text: "Delegates discussed the budget.", Devices: nil},
		{ID: "7", Text: "The report has three chapters.", Devices: nil},
		{ID: "8", Text: "Several ministers arrived by train.", Devices: nil},
	}
	spec, err := learn.Train(ctx, base, ex, learn.Config{MinCount: 1, Lambdas: []float64{0.1}})
	if err != nil {
		fmt.Println(err)
		return
	}
	m, _ := rhetoric.NewModel(spec)
	a, _ := rhetoric.New(lexicon.Default(), rhetoric.Options{Model: m})
	r, _ := a.Analyze(ctx, rhetoric.Statement{Text: "Moscow is responsible for the attack."})
	fmt.Println(m.Devices(), r.Spans[0].Devices)
	// Output:
	// [blame] [blame]
}
