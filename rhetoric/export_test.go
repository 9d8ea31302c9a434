package rhetoric

// ModuleRoot gives the external tests (package rhetoric_test) the
// package's moduleRoot helper.
var ModuleRoot = moduleRoot
