package corpus_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/rhetorica/rhetorica/corpus"
)

// Read yields every statement of a file and every problem with its
// position, so that nothing is lost: here a row with a quote that is never
// closed is reported on the line where it opened, and the rows after it
// are still read.
func ExampleRead() {
	data := "id,speaker,text\n" +
		"1,Ruritania,We call for dialogue.\n" +
		"2,Ruritania,\"The danger is real.\n" +
		"3,Freedonia,We condemn the aggression.\n"
	for rec := range corpus.Read("statements.csv", strings.NewReader(data), corpus.Options{}) {
		if rec.Err != nil {
			fmt.Printf("%s: %v\n", rec.Pos, rec.Err)
			continue
		}
		fmt.Printf("%s: %s (%s) %q\n", rec.Pos, rec.Statement.ID, rec.Statement.Speaker, rec.Statement.Text)
	}
	// Output:
	// statements.csv:2: 1 (Ruritania) "We call for dialogue."
	// statements.csv:3: csv quote: the quote opened on line 3 is never closed (it runs to the end of the file); the lines after it are read as rows
	// statements.csv:4: 3 (Freedonia) "We condemn the aggression."
}

// ParseText reads a Markdown statement with front matter; keys other than
// id, speaker, date and language become metadata.
func ExampleParseText() {
	data := "---\nid: ru-2022-02\nspeaker: Ruritania\ncountry: RUR\n---\nWe call for dialogue.\n"
	st, err := corpus.ParseText("statement.md", []byte(data))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s, %s, country %s: %q\n", st.ID, st.Speaker, st.Meta["country"], st.Text)

	_, err = corpus.ParseText("broken.md", []byte("---\nspeaker: [unclosed\n---\nText.\n"))
	fmt.Println(err)
	// Output:
	// ru-2022-02, Ruritania, country RUR: "We call for dialogue.\n"
	// broken front matter: line 2: did not find expected ',' or ']'
}

// A PathPattern takes metadata from file names, such as the UN General
// Debate corpus's ISO_SESSION_YEAR.txt.
func ExamplePathPattern() {
	p, err := corpus.ParsePathPattern("{iso}_{session}_{year}.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, path := range []string{"ungdc/2014/RUS_69_2014.txt", "ungdc/README.txt"} {
		fields, ok := p.Match(path)
		fmt.Println(path, ok, fields)
	}
	// Output:
	// ungdc/2014/RUS_69_2014.txt true [[iso RUS] [session 69] [year 2014]]
	// ungdc/README.txt false []
}

// A MetaTable joins a table of metadata to statements on key columns,
// here the UN corpus's list of speakers by country and year.
func ExampleMetaTable() {
	table := "Year,Session,ISO Code,Country,Name of Person Speaking,Post,\n" +
		"2014,69,RUS,Russian Federation,Sergey Lavrov,Minister for Foreign Affairs,\n" +
		"2014,69,UKR,Ukraine,Petro Poroshenko,President,\n"
	t, err := corpus.ReadMetaTable("speakers.csv", strings.NewReader(table), "ISO Code=iso,Year=year")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	p, _ := corpus.ParsePathPattern("{iso}_{session}_{year}.txt")
	for rec := range corpus.Read("2014/UKR_69_2014.txt", strings.NewReader("We call for peace."), corpus.Options{}) {
		st := rec.Statement
		p.Apply(&st, "2014/UKR_69_2014.txt")
		found := t.Join(&st)
		fmt.Println(found, st.Meta["Name of Person Speaking"], "-", st.Meta["Post"])
	}
	// Output:
	// true Petro Poroshenko - President
}
