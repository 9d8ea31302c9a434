package main

// This package has no golden files. Importing testutil defines the -update
// flag, so that go test ./... -update, which rewrites the other packages'
// golden files, runs this package's tests too instead of failing on an
// unknown flag.
import _ "github.com/rhetorica/rhetorica/internal/testutil"
