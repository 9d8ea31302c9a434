package lexicon

// Limits that keep a hostile or broken lexicon file from exhausting memory
// or flooding the terminal. Each is reported as a positioned error.
const (
	// MaxWeight bounds an entry's weight and an intensifier's factor, so
	// that sums of weights over any corpus stay finite.
	MaxWeight = 1e6
	// MaxPatternBytes is the longest pattern (an entry, removal, modifier
	// or actor alias): far above any real phrase, far below a line of
	// garbage loaded as one entry.
	MaxPatternBytes = 512
	// MaxLineBytes is the longest line of a line-based lexicon file.
	MaxLineBytes = 64 << 10
	// MaxFileBytes is the largest lexicon file that ParseFile and ParseFS
	// read.
	MaxFileBytes = 64 << 20
	// maxErrorLines is how many items ErrorList.Error prints before "and
	// N more".
	maxErrorLines = 100
)
