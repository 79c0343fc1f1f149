package transform

import (
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

// ImportBindings maps the top-level bindings of a module's Code that hold
// an imported namespace to the import's specifier, so that a function
// carried from the module to a thread can import them again there. It
// reads the code line by line (a regular expression over a large module
// took milliseconds).
func ImportBindings(code string) map[string]string {
	stubs := map[string]string{}
	out := map[string]string{}
	var stub string // the require_x whose key the next line holds
	for line := range strings.Lines(code) {
		line = strings.TrimSuffix(line, "\n")
		if stub != "" {
			if key, ok := stubKey(line); ok {
				stubs[stub] = key
			}
			stub = ""
			continue
		}
		if !strings.HasPrefix(line, "var ") {
			continue
		}
		rest := line[len("var "):]
		if name, ok := strings.CutSuffix(rest, " = __commonJS({"); ok && strings.HasPrefix(name, "require_") {
			stub = name
			continue
		}
		name, call, ok := strings.Cut(rest, " = __toESM(")
		if !ok {
			continue
		}
		if req, ok := strings.CutSuffix(call, "(), 1);"); ok {
			if spec, ok := stubs[req]; ok {
				out[name] = spec
			}
		}
	}
	return out
}

// stubKey reads a stub module's specifier from its key line:
// `  "jsrun-import:./lib.mjs ()"(exports, module) {`.
func stubKey(line string) (string, bool) {
	q, ok := strings.CutSuffix(strings.TrimPrefix(line, "  "), "(exports, module) {")
	if !ok {
		return "", false
	}
	key, err := strconv.Unquote(q)
	if err != nil {
		return "", false
	}
	path, ok := strings.CutPrefix(key, nsDep+":")
	if !ok {
		return "", false
	}
	// The path ends with " (type)": see depPath.
	if i := strings.LastIndex(path, " ("); i >= 0 && strings.HasSuffix(path, ")") {
		path = path[:i]
	}
	return path, true
}
