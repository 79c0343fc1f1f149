package transform

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
	"github.com/evanw/esbuild/pkg/api"
	"github.com/jsrun/jsrun/internal/nesting"
)

// Result is a file made ready for goja.
type Result struct {
	Path string
	Kind Kind
	// Code is what goja compiles. For CommonJS it is the module's body,
	// to run as require runs a module (the file itself when Plain). For an
	// ES module it is the source of a function expression, to call with
	// a module record (see the esm package); it names no free variable
	// but the runtime's globals.
	Code string
	// Plain is set when Code is the file as it is: plain CommonJS that
	// goja runs without a transform. Map is nil then.
	Plain bool
	// Map leads positions in Code back to the file. Code also ends with
	// it inline, in the form goja reads, so a stack through Code names
	// the file and its lines without the host's help.
	Map *SourceMap
	// Imports are an ES module's static imports (import and export
	// ... from), in source order: the runtime evaluates them before the
	// module's body.
	Imports []Import
}

// Import is one static import of an ES module.
type Import struct {
	Specifier string
	// Type is the import attribute "type" (with { type: "json" }), or "".
	Type string
}

// Transform makes the file at path (whose content is src) ready for goja.
// readFile reads its package.json files, and nothing else. A file that
// does not parse is a *SyntaxError.
func Transform(path, src string, readFile ReadFile) (*Result, error) {
	sc, err := scopeOf(path, readFile)
	if err != nil {
		return nil, err
	}
	return transformScoped(path, src, sc)
}

// transformScoped is Transform once the scope is known (the cache keys on
// it).
func transformScoped(path, src string, sc scope) (*Result, error) {
	// Before esbuild or goja reads it: either parser could exhaust the Go
	// stack.
	if err := nesting.Check(src); err != nil {
		return nil, fmt.Errorf("%s: %w", path, ErrTooDeep)
	}
	ts := typescript(path)
	switch sc {
	case scopeModule:
		r, _, err := buildModule(path, src, ts, true)
		return r, err
	case scopeAmbiguous:
		if !ts && plain(path, src) {
			return &Result{Path: path, Kind: CommonJS, Code: src, Plain: true}, nil
		}
		r, format, err := buildModule(path, src, ts, false)
		if err != nil || format == "esm" {
			return r, err
		}
	case scopeCommonJS:
		if !ts && plain(path, src) {
			return &Result{Path: path, Kind: CommonJS, Code: src, Plain: true}, nil
		}
	}
	return transformCommonJS(path, src, ts)
}

// asyncGenerator finds what may be an async generator, which goja parses
// but does not compile. A match in a string or comment only costs a
// transform that changes nothing else.
var asyncGenerator = regexp.MustCompile(`\basync(?:\s|/\*[^*]*\*/)*(?:function(?:\s|/\*[^*]*\*/)*)?\*`)

// plain tells whether goja runs src as it is: it parses, and has nothing
// goja parses but refuses to compile.
func plain(path, src string) bool {
	if strings.Contains(src, "async") && asyncGenerator.MatchString(src) {
		return false
	}
	_, err := goja.Parse(path, src, parser.WithDisableSourceMaps)
	return err == nil
}

// supported is what esbuild must lower for goja: what goja's parser or
// compiler refuses (see the package doc), and nothing else.
var supported = map[string]bool{
	"async-generator": false,
	"for-await":       false,
	"using":           false,
	"decorators":      false,
	"top-level-await": true,
	"import-meta":     true,
}

func loader(ts bool) api.Loader {
	if ts {
		return api.LoaderTS
	}
	return api.LoaderJS
}

// transformCommonJS strips types and lowers syntax; TypeScript's import
// and export become require and exports, as tsc makes them.
func transformCommonJS(path, src string, ts bool) (*Result, error) {
	opts := api.TransformOptions{
		Loader:         loader(ts),
		Target:         api.ESNext,
		Supported:      supported,
		Sourcemap:      api.SourceMapExternal,
		SourcesContent: api.SourcesContentExclude,
		Sourcefile:     path,
		Charset:        api.CharsetUTF8,
		LogLevel:       api.LogLevelSilent,
	}
	if ts {
		opts.Format = api.FormatCommonJS
	}
	out := api.Transform(src, opts)
	if len(out.Errors) > 0 {
		return nil, syntaxError(path, out.Errors)
	}
	m, err := decodeMap(out.Map, path, path, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	code := strings.TrimRight(string(out.Code), "\n")
	if c := m.gojaComment(); c != "" {
		code += "\n" + c
	}
	return &Result{Path: path, Kind: CommonJS, Code: code, Map: m}, nil
}
