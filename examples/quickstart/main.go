// Command quickstart is the README's library quickstart: it analyzes one
// statement with the embedded default lexicon and prints every hit.
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"fmt"
	"log"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

func main() {
	an, err := rhetoric.New(lexicon.Default(), rhetoric.Options{})
	if err != nil {
		log.Fatal(err)
	}
	rep, err := an.Analyze(context.Background(), rhetoric.Statement{
		ID:      "demo",
		Speaker: "Foreign Minister",
		Text: "We call on Russia to withdraw its forces from Ukraine. " +
			"NATO's reckless expansion is to blame for this crisis. " +
			"Our exercises are not a threat to anyone.",
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range rep.Hits {
		fmt.Printf("%-15s %-22q target=%-4s negated=%v\n", h.Device, h.Text, h.Target, h.Negated)
	}
	for _, d := range rep.Devices {
		if d.Hits > 0 {
			noun := "hits"
			if d.Hits == 1 {
				noun = "hit"
			}
			fmt.Printf("%s: %d %s, %.1f per 1,000 words\n", d.Device, d.Hits, noun, d.Per1K)
		}
	}
}
