package lexicon

import "slices"

// The small benchmark lexicon is shared with tests that run everywhere
// (forms_test.go), while the benchmarks, which read the process's resource
// usage, build on Unix only.

// benchCues is a small lexicon of real framing cues: 100 category entries,
// plus modifiers and actors.
var benchCues = map[string][]string{
	"blame": {"blame*", "accus*", "~provoke", "responsible for", "aggress*", "hold _ accountable", "culprit*",
		"war crimes", "atrocit*", "~violate", "illegal*", "unprovoked", "brutal*", "invasion", "invade*",
		"destabiliz*", "foment*", "proxy war*", "domination", "hegemon*"},
	"threat": {"threat*", "danger*", "menace", "existential", "nuclear weapons", "escalat*", "arms race",
		"terroris*", "extremis*", "~attack", "missile*", "annihilat*", "catastroph*", "peril*", "hostile"},
	"victim": {"suffer*", "civilians", "innocent*", "children", "refugees", "displaced", "humanitarian crisis",
		"starv*", "famine", "massacre*", "genocide", "victim*", "casualt*", "~kill", "wounded"},
	"legitimacy": {"international law", "sovereignty", "territorial integrity", "united nations charter",
		"rules-based international order", "self-determination", "legitima*", "~comply", "resolution*",
		"multilateral*", "the charter", "rule of law", "obligation*", "mandate*", "~recognize"},
	"peace": {"peace*", "~negotiate", "dialogue", "ceasefire", "cease-fire", "diplomac*", "de-escalat*",
		"reconciliation", "~cooperate", "partnership*", "stability", "solidarity", "mutual respect",
		"peaceful settlement", "common ground"},
	"unity": {"we stand", "together", "united", "our shared", "collective*", "allies", "alliance*", "partners",
		"friends", "community of nations"},
	"call": {"call on _ to", "call* upon", "urge*", "demand*", "must", "we ask", "appeal to", "insist*",
		"let us", "it is time"},
}

var benchModifiers = []Modifier{
	{Kind: Negator, Pattern: "not"}, {Kind: Negator, Pattern: "n't"}, {Kind: Negator, Pattern: "never"},
	{Kind: Negator, Pattern: "no"}, {Kind: Negator, Pattern: "fail to"},
	{Kind: Intensifier, Pattern: "very", Factor: 1.5}, {Kind: Intensifier, Pattern: "flagrant*", Factor: 1.5},
	{Kind: Intensifier, Pattern: "absolutely", Factor: 1.5},
	{Kind: Hedge, Pattern: "perhaps", Factor: 0.5}, {Kind: Hedge, Pattern: "may", Factor: 0.5},
}

var benchActors = []Actor{
	{Code: "RUS", Name: "Russia", Aliases: []string{"russia*", "moscow", "the kremlin", "putin"}},
	{Code: "USA", Name: "United States", Aliases: []string{"united states", "america*", "washington", "u.s."}},
	{Code: "UKR", Name: "Ukraine", Aliases: []string{"ukrain*", "kyiv", "kiev"}},
	{Code: "UN", Name: "United Nations", Aliases: []string{"united nations", "the un", "security council"}},
	{Code: "EU", Name: "European Union", Aliases: []string{"european union", "the eu", "brussels"}},
}

func smallBenchDef() *Definition {
	def := &Definition{Name: "bench-small", Modifiers: benchModifiers, Actors: benchActors}
	names := make([]string, 0, len(benchCues))
	for n := range benchCues {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		c := Category{Name: n}
		for _, p := range benchCues[n] {
			c.Entries = append(c.Entries, Entry{Pattern: p, Weight: 1})
		}
		def.Categories = append(def.Categories, c)
	}
	return def
}
