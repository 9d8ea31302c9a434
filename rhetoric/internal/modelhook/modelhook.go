// Package modelhook lets the model converter (rhetoric/internal/modelbin)
// reach what package rhetoric compiles from a model without making it part
// of rhetoric's API: rhetoric sets the hooks when it is initialised.
package modelhook

// Tables returns the compiled tables of the model in the binary form bin,
// which the built-in model loads from (model.tab; see rhetoric/modeltab.go).
var Tables func(bin []byte) ([]byte, error)
