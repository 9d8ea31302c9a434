// Command modelbin converts a model file into the binary form that the
// rhetoric package embeds (see rhetoric.Model.MarshalBinary), and writes
// the compiled tables that the built-in model loads from (model.tab, see
// rhetoric/modeltab.go). go generate runs it after training:
//
//	go run ./internal/modelbin model.gz model.bin
//	go run ./internal/modelbin -tables model.bin model.tab
package main

import (
	"fmt"
	"os"

	"github.com/rhetorica/rhetorica/rhetoric"
	"github.com/rhetorica/rhetorica/rhetoric/internal/modelhook"
)

func main() {
	args := os.Args[1:]
	tables := len(args) > 0 && args[0] == "-tables"
	if tables {
		args = args[1:]
	}
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: modelbin in-model out.bin | modelbin -tables model.bin out.tab")
		os.Exit(2)
	}
	convert := convert
	if tables {
		convert = writeTables
	}
	if err := convert(args[0], args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "modelbin:", err)
		os.Exit(1)
	}
}

func convert(in, out string) error {
	m, err := rhetoric.ReadModel(in)
	if err != nil {
		return err
	}
	b, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

// writeTables writes the compiled tables of the model in the binary form
// in to out.
func writeTables(in, out string) error {
	bin, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	b, err := modelhook.Tables(bin)
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}
