// Command modelbin converts a model file into the binary form that the
// rhetoric package embeds (see rhetoric.Model.MarshalBinary). go generate
// runs it after training:
//
//	go run ./internal/modelbin model.gz model.bin
package main

import (
	"fmt"
	"os"

	"github.com/rhetorica/rhetorica/rhetoric"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: modelbin in-model out.bin")
		os.Exit(2)
	}
	if err := convert(os.Args[1], os.Args[2]); err != nil {
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
