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

// Choose the decision thresholds of all devices together, for the
// micro-F1 of their pooled decisions, instead of each device's own F1.
// Only thresholds can differ (on these few sentences they do not); the
// weights are those of the default training. Validate finds a setting
// that the training would refuse.
func ExampleConfig_objective() {
	ctx := context.Background()
	base, _ := rhetoric.New(lexicon.Default(), rhetoric.Options{NoModel: true})
	var ex []learn.Example
	for i, s := range []struct {
		text    string
		devices []string
	}{
		{"Russia bears full responsibility for this war.", []string{"blame"}},
		{"Washington is to blame for the suffering.", []string{"blame"}},
		{"Kyiv is responsible for the shelling.", []string{"blame"}},
		{"The blame lies with the aggressor.", []string{"blame"}},
		{"The aggressor is responsible, and we must act now.", []string{"blame", "call_to_action"}},
		{"We call on all states to act now.", []string{"call_to_action"}},
		{"We urge the Council to act without delay.", []string{"call_to_action"}},
		{"The world must act now.", []string{"call_to_action"}},
		{"The conference opened on Monday.", nil},
		{"Delegates discussed the budget.", nil},
		{"The report has three chapters.", nil},
		{"Several ministers arrived by train.", nil},
		{"The session will resume after lunch.", nil},
		{"The chair thanked the interpreters.", nil},
	} {
		ex = append(ex, learn.Example{ID: fmt.Sprint(i), Text: s.text, Devices: s.devices})
	}
	for _, objective := range []string{learn.ObjectiveDevice, learn.ObjectiveMicro} {
		cfg := learn.Config{MinCount: 1, Lambdas: []float64{0.1}, Objective: objective}
		spec, err := learn.Train(ctx, base, ex, cfg)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Print(objective, ":")
		for _, d := range spec.Devices {
			fmt.Printf(" %s %.3f", d.Device, d.Threshold)
		}
		fmt.Println()
	}
	fmt.Println(learn.Config{Objective: learn.ObjectiveBlend, MicroWeight: 1.5}.Validate())
	// Output:
	// device: blame 0.500 call_to_action 0.350
	// micro: blame 0.500 call_to_action 0.350
	// learn: micro weight 1.5 is not between 0 and 1
}

// The built-in model's recipe: thresholds chosen together for micro-F1,
// blame's held at its own best, and the default target pool. Validate
// refuses an own threshold that the objective would ignore.
func ExampleDefaultModelConfig() {
	cfg := learn.DefaultModelConfig()
	fmt.Println(cfg.Objective, cfg.OwnThreshold, learn.DefaultTargetPool()["threat"])
	fmt.Println(cfg.Validate())
	cfg.Objective = learn.ObjectiveDevice // every device keeps its own threshold anyway
	fmt.Println(cfg.Validate())
	// Output:
	// micro [blame] [blame]
	// <nil>
	// learn: own threshold for "blame" needs objective "micro" or "blend"
}
