package analysis

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dop251/goja/ast"
)

// ESModuleOf analyses an ES module as package transform makes it: a
// function expression (the module's body, called with the module record)
// whose top level holds the module's bindings, esbuild having turned its
// let, const and class into var. prg is goja's parse of src. Its top level
// is the function's body, as a CommonJS module's is its wrapper's; the
// function's own parameters are locals. imports maps the bindings that hold
// an imported namespace to the import's specifier (Binding.Import).
func ESModuleOf(name, src string, prg *ast.Program, imports map[string]string) (*Script, error) {
	fl := moduleFunction(prg)
	if fl == nil {
		return nil, fmt.Errorf("%s: not an ES module's function", name)
	}
	owner := "module " + name
	params := newScope(newScope(nil, globalScope, ""), functionScope, owner)
	if fl.ParameterList != nil {
		for _, p := range fl.ParameterList.List {
			if id, ok := p.Target.(*ast.Identifier); ok {
				params.declare(id.Name.String(), Var)
			}
		}
	}
	params.declare("arguments", Var)
	top := newScope(params, functionScope, owner)
	top.moduleTop = true
	s, err := analyse(name, src, true, top, fl.Body.List, 1)
	if err != nil {
		return nil, err
	}
	s.ESModule = true
	for n, spec := range imports {
		if b := s.Bindings[n]; b != nil {
			b.Import = spec
		}
	}
	s.MapComment = mapComment(src)
	return s, nil
}

// TopNames lists the names an ES module's function declares at its top
// level (var, let, const, class, function), for a host that reads their
// values (see ESModuleOf). prg is goja's parse of the module's source.
func TopNames(prg *ast.Program) []string {
	fl := moduleFunction(prg)
	if fl == nil {
		return nil
	}
	top := newScope(nil, functionScope, "")
	declareBody(top, fl.Body.List)
	names := make([]string, 0, len(top.names))
	for n := range top.names {
		names = append(names, n)
	}
	slices.Sort(names) // one text for one module
	return names
}

// mapComment is the inline source map comment that ends src, or "".
func mapComment(src string) string {
	const prefix = "//# sourceMappingURL=data:"
	i := strings.LastIndex(src, prefix)
	if i < 0 || (i > 0 && src[i-1] != '\n') {
		return ""
	}
	line, _, _ := strings.Cut(src[i:], "\n")
	return line
}
