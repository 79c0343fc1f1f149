package engine

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/dop251/goja/parser"
	"github.com/jsrun/jsrun/internal/engine/analysis"
)

// An ES module, as package transform makes one, is a function expression
// whose top-level bindings are the function's locals. A function written
// in it travels to a thread as a script's top-level function does: the
// bindings that hold an imported namespace are imported again in the
// thread (Config.Import), the other top-level bindings it uses are read
// in the caller's runtime (Config.ModuleBinding) and cloned, module-level
// functions and classes travelling as source; a closure over anything
// else is refused as before. To let the host read those bindings, the
// module's code first hands it a function that returns a binding's value
// by name (ModuleInfo.Scope); it is added on the code's first line, which
// holds only the function's head, so that no line of the module moves.

// ModuleInfo is what ModuleScript needs to know of an ES module's code.
type ModuleInfo struct {
	// Imports maps the top-level bindings of the code that hold an
	// imported namespace to the specifier of their import; it is called
	// only when the code is compiled, not when it is found in the cache.
	Imports func(code string) map[string]string
	// Scope is the expression of the function the code calls, before its
	// body runs, with the module's reader: function (name) returning the
	// value of its top-level binding name (undefined for another name).
	Scope string
	// Original, when set, maps a line and column of the code to the
	// original file's, for the places messages name (a function text
	// written at two places that differ).
	Original func(line, col int) (origLine, origCol int, ok bool)

	name string
}

// ModuleScript is Script for an ES module's code (a function expression,
// see ModuleInfo): compiled once through the same cache, rewrite and
// analysis, its functions found by every evaluation's threads.run.
func (e *Env) ModuleScript(ctx context.Context, name, src string, m ModuleInfo) (*Script, error) {
	m.name = name
	return e.script(ctx, scriptKey{"\x00module " + name, src}, &m)
}

// withScope returns src with the call of m.Scope added at the end of its
// first line.
func (m *ModuleInfo) withScope(name, src string) (string, error) {
	if m.Scope == "" {
		return src, nil
	}
	prg, err := parser.ParseFile(nil, name, src, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return "", err
	}
	names := analysis.TopNames(prg)
	first, rest, ok := strings.Cut(src, "\n")
	if !ok || len(names) == 0 {
		return src, nil
	}
	var b strings.Builder
	b.WriteString(first)
	fmt.Fprintf(&b, " %s(function (n) { try { switch (n) {", m.Scope)
	for _, n := range names {
		fmt.Fprintf(&b, " case %s: return %s;", strconv.Quote(n), n)
	}
	b.WriteString(" } } catch (e) {} });\n")
	b.WriteString(rest)
	return b.String(), nil
}
