package transform

import (
	"regexp"
	"strconv"
	"strings"
)

// esbuild makes of each import of an ES module a stub CommonJS module
// (require_x) and a binding that holds its namespace:
//
//	var require_lib = __commonJS({
//	  "jsrun-import:./lib.mjs ()"(exports, module) {
//	...
//	var import_lib = __toESM(require_lib(), 1);
var (
	stubDecl   = regexp.MustCompile(`(?m)^var (require_[\w$]+) = __commonJS\(\{\n  ("(?:[^"\\]|\\.)*")\(exports, module\) \{$`)
	importDecl = regexp.MustCompile(`(?m)^var ([\w$]+) = __toESM\((require_[\w$]+)\(\), 1\);$`)
)

// ImportBindings maps the top-level bindings of a module's Code that hold
// an imported namespace to the import's specifier, so that a function
// carried from the module to a thread can import them again there.
func ImportBindings(code string) map[string]string {
	stubs := map[string]string{}
	for _, m := range stubDecl.FindAllStringSubmatch(code, -1) {
		key, err := strconv.Unquote(m[2])
		if err != nil {
			continue
		}
		path, ok := strings.CutPrefix(key, nsDep+":")
		if !ok {
			continue
		}
		// The path ends with " (type)": see depPath.
		if i := strings.LastIndex(path, " ("); i >= 0 && strings.HasSuffix(path, ")") {
			path = path[:i]
		}
		stubs[m[1]] = path
	}
	out := map[string]string{}
	for _, m := range importDecl.FindAllStringSubmatch(code, -1) {
		if spec, ok := stubs[m[2]]; ok {
			out[m[1]] = spec
		}
	}
	return out
}
