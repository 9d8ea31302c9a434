package learn

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestConfigJSON checks that a configuration survives the JSON a model
// file records it in, with TargetPool's nil (the default pool) and empty
// map (no pool) kept apart, and that a configuration recorded before
// TargetPool and OwnThreshold existed reads as nil for both.
func TestConfigJSON(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
	}{
		{"zero", Config{}},
		{"built-in recipe", DefaultModelConfig()},
		{"recorded built-in recipe", DefaultModelConfig().withDefaults()},
		{"no pool", Config{TargetPool: map[string][]string{}}},
		{"no pool, recorded", Config{TargetPool: map[string][]string{}}.withDefaults()},
		{"a pool", Config{TargetPool: map[string][]string{"threat": {"blame", "hypocrisy"}}}},
		{"own thresholds", Config{Objective: ObjectiveBlend, MicroWeight: 0.5, OwnThreshold: []string{"blame", "threat"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			var got Config
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.cfg, got); diff != "" {
				t.Errorf("config after %s (-want +got):\n%s", b, diff)
			}
		})
	}
	// The configuration of a model file written before TargetPool and
	// OwnThreshold.
	old := `{"inner_folds":3,"lambdas":[1,3,10],"min_count":2,"prune":0.05,"iterations":150,"pos_weight":1,"scales":{"d=":2,"h=":2},"drop":["b="],"target_lambda":3,"objective":"micro"}`
	var got Config
	if err := json.Unmarshal([]byte(old), &got); err != nil {
		t.Fatal(err)
	}
	want := Config{InnerFolds: 3, Lambdas: []float64{1, 3, 10}, MinCount: 2, Prune: 0.05, Iterations: 150, PosWeight: 1,
		Scales: map[string]float64{"d=": 2, "h=": 2}, Drop: []string{"b="}, TargetLambda: 3, Objective: ObjectiveMicro}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("old model's config (-want +got):\n%s", diff)
	}
}

// TestConfigCheck checks the settings Validate refuses before the data is
// read and the device names TrainSet checks against the training set's
// devices (checkDevices), with the first problem's message.
func TestConfigCheck(t *testing.T) {
	devices := []string{"blame", "threat", "hypocrisy"}
	tests := []struct {
		name string
		cfg  Config
		want string // "" for no error
	}{
		{"zero", Config{}, ""},
		{"built-in recipe", DefaultModelConfig(), ""},
		{"own threshold under blend", Config{Objective: ObjectiveBlend, OwnThreshold: []string{"threat"}}, ""},
		{"own threshold under the default objective", Config{OwnThreshold: []string{"blame"}},
			`learn: own threshold for "blame" needs objective "micro" or "blend"`},
		{"own threshold under objective device", Config{Objective: ObjectiveDevice, OwnThreshold: []string{"blame"}},
			`learn: own threshold for "blame" needs objective "micro" or "blend"`},
		{"own threshold of an unknown device", Config{Objective: ObjectiveMicro, OwnThreshold: []string{"blam"}},
			`learn: own threshold for "blam", which is not a device of the training set`},
		{"empty lambdas", Config{Lambdas: []float64{}}, "learn: no regularisation strength to try (lambdas is empty)"},
		{"negative lambda", Config{Lambdas: []float64{1, -3}}, "learn: regularisation strength -3 is not a positive number"},
		{"zero lambda", Config{Lambdas: []float64{0}}, "learn: regularisation strength 0 is not a positive number"},
		{"NaN lambda", Config{Lambdas: []float64{math.NaN()}}, "learn: regularisation strength NaN is not a positive number"},
		{"infinite lambda", Config{Lambdas: []float64{math.Inf(1)}}, "learn: regularisation strength +Inf is not a positive number"},
		{"two inner folds", Config{InnerFolds: 2}, ""},
		{"one inner fold", Config{InnerFolds: 1}, "learn: 1 inner folds; want at least 2 (0 means 3)"},
		{"negative inner folds", Config{InnerFolds: -1}, "learn: -1 inner folds; want at least 2 (0 means 3)"},
		{"empty pool", Config{TargetPool: map[string][]string{}}, ""},
		{"pool of known devices", Config{TargetPool: map[string][]string{"threat": {"blame"}, "hypocrisy": {"blame", "threat"}}}, ""},
		{"pool for an unknown device", Config{TargetPool: map[string][]string{"treat": {"blame"}}},
			`learn: target pool for "treat", which is not a device of the training set`},
		{"pool naming an unknown device", Config{TargetPool: map[string][]string{"threat": {"blame", "balme"}}},
			`learn: target pool for "threat" names "balme", which is not a device of the training set`},
		{"first unknown in key order", Config{TargetPool: map[string][]string{"zz": {"blame"}, "aa": {"blame"}, "threat": {"x"}}},
			`learn: target pool for "aa", which is not a device of the training set`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			if err == nil {
				err = tt.cfg.withDefaults().checkDevices(devices, tt.cfg.TargetPool != nil)
			}
			got := ""
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
	// The default pool names devices the training set may lack: they are
	// left out, not an error.
	if err := (Config{}).withDefaults().checkDevices([]string{"blame", "sovereignty"}, false); err != nil {
		t.Errorf("default pool with a lexicon without threat: %v", err)
	}
}

// TestFeatureScale checks the value Config.Scales gives a feature: the
// longest matching prefix's, whatever the map's order.
func TestFeatureScale(t *testing.T) {
	scales := map[string]float64{"h=": 2, "h=blame/": 4, "h=blame/aggress": 0, "d=": 3, "": 0.5, "x=": -1}
	names := []string{"h=threat/war", "h=blame/aggress*", "h=blame/fault", "d=blame", "w=war", "x=y"}
	// h=blame/aggress's value is 0 and x='s negative: ignored.
	want := []float64{2, 4, 4, 3, 0.5, 0.5}
	for range 20 { // map order varies from loop to loop
		var got []float64
		for _, n := range names {
			got = append(got, featureScale(scales, n))
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("scales of %q (-want +got):\n%s", names, diff)
		}
	}
	if got := featureScale(nil, "w=war"); got != 1 {
		t.Errorf("featureScale(nil) = %v, want 1", got)
	}
}
