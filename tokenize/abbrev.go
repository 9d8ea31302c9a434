package tokenize

// The kinds of known abbreviation.
const (
	abbrNone    = iota
	abbrGeneral // etc. Inc. vs.: keeps its dot; may end a sentence
	abbrTitle   // Mr. Dr. Amb.: keeps its dot; never ends a sentence
	abbrNumeric // No. Art. p.: an abbreviation only before a number
	abbrInline  // e.g. i.e. cf. viz.: keeps its dot; never ends a sentence
	abbrStarter // г. млн.: keeps its dot; ends a sentence only before a typical opener
)

// abbrevs maps lower-case abbreviations (without the dot) to their kind.
// Dotted acronyms (U.S., e.g.) are recognised by shape, not listed here.
var abbrevs = map[string]uint8{
	// titles and honorifics that stand before a name
	"mr": abbrTitle, "mrs": abbrTitle, "ms": abbrTitle, "mx": abbrTitle, "messrs": abbrTitle,
	"dr": abbrTitle, "prof": abbrTitle, "amb": abbrTitle, "hon": abbrTitle, "rev": abbrTitle,
	"st": abbrTitle, "mt": abbrTitle, "ft": abbrTitle, "sen": abbrTitle, "rep": abbrTitle,
	"gov": abbrTitle, "gen": abbrTitle, "lt": abbrTitle, "col": abbrTitle, "capt": abbrTitle,
	"cmdr": abbrTitle, "adm": abbrTitle, "maj": abbrTitle, "sgt": abbrTitle, "cpl": abbrTitle,
	"pres": abbrTitle, "mme": abbrTitle, "mlle": abbrTitle, "excl": abbrInline, "sra": abbrTitle,
	"sr": abbrGeneral, "jr": abbrGeneral, "esq": abbrGeneral,
	// inline abbreviations
	"vs": abbrInline, "cf": abbrInline, "viz": abbrInline, "approx": abbrInline, "ca": abbrInline,
	"incl": abbrInline, "resp": abbrInline, "esp": abbrInline, "btw": abbrInline,
	// general abbreviations
	"etc": abbrGeneral, "inc": abbrGeneral, "ltd": abbrGeneral, "co": abbrGeneral, "corp": abbrGeneral,
	"plc": abbrGeneral, "bros": abbrGeneral, "dept": abbrGeneral, "univ": abbrGeneral, "assn": abbrGeneral,
	"govt": abbrGeneral, "intl": abbrGeneral, "natl": abbrGeneral, "al": abbrGeneral, "ibid": abbrGeneral,
	"jan": abbrGeneral, "feb": abbrGeneral, "mar": abbrGeneral, "apr": abbrGeneral, "jun": abbrGeneral,
	"jul": abbrGeneral, "aug": abbrGeneral, "sep": abbrGeneral, "sept": abbrGeneral, "oct": abbrGeneral,
	"nov": abbrGeneral, "dec": abbrGeneral, "fig": abbrGeneral, "figs": abbrGeneral, "eq": abbrGeneral,
	"ave": abbrGeneral, "blvd": abbrGeneral, "med": abbrGeneral, "ed": abbrGeneral, "eds": abbrGeneral,
	"dist": abbrGeneral, "est": abbrNumeric, "tel": abbrGeneral, "ext": abbrGeneral,
	// before a number only
	"no": abbrNumeric, "nos": abbrNumeric, "art": abbrNumeric, "arts": abbrNumeric, "p": abbrNumeric,
	"pp": abbrNumeric, "para": abbrNumeric, "paras": abbrNumeric, "sec": abbrNumeric, "ch": abbrNumeric,
	"vol": abbrNumeric, "vols": abbrNumeric, "res": abbrNumeric, "nr": abbrNumeric, "op": abbrNumeric,
}

// abbrevsByLanguage holds abbreviations of one language, looked up before
// the common (English) list.
var abbrevsByLanguage = map[Language]map[string]uint8{
	Russian: {
		"г": abbrInline, "гг": abbrInline, "пгт": abbrStarter, "т": abbrNumeric, "ст": abbrNumeric,
		"им": abbrTitle, "тов": abbrTitle, "проф": abbrTitle, "акад": abbrTitle, "ул": abbrTitle,
		"стр": abbrNumeric, "млн": abbrStarter, "млрд": abbrStarter, "тыс": abbrStarter,
		"руб": abbrStarter, "см": abbrInline, "др": abbrStarter, "пр": abbrStarter, "д": abbrStarter,
		"обл": abbrStarter, "кв": abbrStarter, "п": abbrNumeric, "ч": abbrNumeric, "рис": abbrNumeric,
	},
	French: {
		"m": abbrTitle, "mm": abbrTitle, "mme": abbrTitle, "mmes": abbrTitle, "mlle": abbrTitle,
		"mgr": abbrTitle, "pr": abbrTitle, "env": abbrInline, "art": abbrNumeric, "no": abbrNumeric,
	},
	Spanish: {
		"sr": abbrTitle, "sra": abbrTitle, "srta": abbrTitle, "sres": abbrTitle, "dra": abbrTitle,
		"ud": abbrGeneral, "uds": abbrGeneral, "dña": abbrTitle, "av": abbrGeneral, "pág": abbrNumeric,
		"núm": abbrNumeric, "art": abbrNumeric,
	},
}

// maxAbbrevLen is the length in bytes of the longest key of abbrevs and
// abbrevsByLanguage.
var maxAbbrevLen = func() int {
	n := 0
	for k := range abbrevs {
		n = max(n, len(k))
	}
	for _, m := range abbrevsByLanguage {
		for k := range m {
			n = max(n, len(k))
		}
	}
	return n
}()

// abbrevKind returns the kind of the abbreviation w (any case) in lang.
func abbrevKind(w string, lang Language) uint8 {
	if len(w) == 0 || len(w) > 12 {
		return abbrNone
	}
	var buf [12]byte
	ascii := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			ascii = false
			break
		}
		if c-'A' < 26 {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	var key []byte
	if ascii {
		if len(w) > maxAbbrevLen {
			return abbrNone // a lower-cased ASCII key has w's length
		}
		key = buf[:len(w)]
	} else {
		var nb [32]byte
		key = AppendNormalize(nb[:0], w)
	}
	// English, the common case, has no list of its own (TestAbbrevGuards).
	if lang != English {
		if k, ok := abbrevsByLanguage[lang][string(key)]; ok {
			return k
		}
	}
	return abbrevs[string(key)]
}
