package rhetorica_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportedIdentifiersHaveDocComments enforces the house rule that every
// exported identifier of the library packages has a doc comment that starts
// with its name. The library packages are found by walking the module:
// every package that is not a command (package main), an example program
// (examples/) or internal (a path element "internal"), so that a new
// package is checked without being listed here.
func TestExportedIdentifiersHaveDocComments(t *testing.T) {
	fset := token.NewFileSet()
	checked := 0
	pkgs := map[string]bool{} // folder -> has a package doc comment
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch name := d.Name(); {
			case path == ".":
			case name == "testdata" || name == "internal" || name == "examples" || name == "cmd" || strings.HasPrefix(name, "."):
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		if f.Name.Name == "main" {
			return nil
		}
		dir := filepath.ToSlash(filepath.Dir(path))
		pkgs[dir] = pkgs[dir] || f.Doc != nil
		{
			for _, decl := range f.Decls {
				switch d := decl.(type) {
				case *ast.FuncDecl:
					if !d.Name.IsExported() || (d.Recv != nil && !exportedRecv(d.Recv)) {
						continue
					}
					checked++
					checkDoc(t, fset, d.Pos(), d.Name.Name, d.Doc)
				case *ast.GenDecl:
					for _, spec := range d.Specs {
						switch s := spec.(type) {
						case *ast.TypeSpec:
							if !s.Name.IsExported() {
								continue
							}
							checked++
							doc := s.Doc
							if doc == nil {
								doc = d.Doc
							}
							checkDoc(t, fset, s.Pos(), s.Name.Name, doc)
						case *ast.ValueSpec:
							for _, n := range s.Names {
								if !n.IsExported() {
									continue
								}
								checked++
								// A constant or variable in a documented group,
								// or with its own comment, is documented.
								if s.Doc == nil && s.Comment == nil && d.Doc == nil {
									t.Errorf("%s: exported %s has no doc comment", fset.Position(n.Pos()), n.Name)
								}
							}
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for dir, documented := range pkgs {
		if !documented {
			t.Errorf("package %s has no package doc comment", dir)
		}
	}
	for _, dir := range []string{".", "tokenize", "lexicon", "lexicon/suggest", "rhetoric", "corpus", "eval", "learn", "beam/rhetoricbeam"} {
		if _, ok := pkgs[dir]; !ok {
			t.Errorf("library package %s was not checked; the walk missed it", dir)
		}
	}
	if checked < 50 {
		t.Errorf("checked only %d exported identifiers; the walk missed files", checked)
	}
}

func exportedRecv(fl *ast.FieldList) bool {
	if len(fl.List) == 0 {
		return false
	}
	typ := fl.List[0].Type
	if star, ok := typ.(*ast.StarExpr); ok {
		typ = star.X
	}
	if idx, ok := typ.(*ast.IndexExpr); ok {
		typ = idx.X
	}
	id, ok := typ.(*ast.Ident)
	return ok && id.IsExported()
}

func checkDoc(t *testing.T, fset *token.FileSet, pos token.Pos, name string, doc *ast.CommentGroup) {
	t.Helper()
	if doc == nil {
		t.Errorf("%s: exported %s has no doc comment", fset.Position(pos), name)
		return
	}
	text := doc.Text()
	first := strings.Fields(text)
	if len(first) == 0 {
		t.Errorf("%s: exported %s has an empty doc comment", fset.Position(pos), name)
		return
	}
	// "Name ...", "A Name ...", "An Name ...", "The Name ..." are all fine.
	w := first[0]
	if (w == "A" || w == "An" || w == "The") && len(first) > 1 {
		w = first[1]
	}
	if strings.TrimRight(w, ".,:;") != name {
		t.Errorf("%s: the doc comment of %s starts with %q, not its name", fset.Position(pos), name, first[0])
	}
}
