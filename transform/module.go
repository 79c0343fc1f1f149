package transform

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// An ES module is bundled by esbuild on its own: the file is the only
// real module of the bundle, and each module it imports is a stub
// CommonJS module whose exports the runtime gives (__jsrun$m.i). esbuild
// then does what ES modules need and a script lacks: an import becomes a
// property read on the imported namespace (live, as a binding is), the
// exports become getters on a namespace object, export * copies getters,
// and top-level await stays where it is, valid in the async function the
// module becomes. Tree shaking is off, so nothing of the file is dropped.

// Names shared with the runtime (package esm).
const (
	// Param is the one parameter of the function an ES module becomes:
	// the module's record, with i (import), toESM, ns (the namespace
	// object), meta (import.meta) and require.
	Param = "__jsrun$m"

	nsStub   = "jsrun-stub"
	nsSelf   = "jsrun"
	nsDep    = "jsrun-import"
	nsDyn    = "jsrun-dynamic"
	stubPath = "/stub.js"
	doneCall = Param + ".done("

	// dynamicImport is the function a lowered import() of a computed
	// specifier calls: the second parameter, as long as __require, whose
	// place it takes.
	dynamicImport = "__jsrun$d"
	// linkCall evaluates the imports once the namespace has its getters,
	// so that a module met again in a cycle has them; it awaits only if an
	// import awaits at top level.
	linkCall = Param + ".link() || await " + Param + ".linked();"
)

// Kinds of import, as the runtime's i receives them.
const (
	ImportStatic  = 0 // import, export ... from: the namespace
	ImportDynamic = 1 // import(): a marker that toESM turns into a promise
)

// buildModule bundles the file as an ES module. Unless module is set, it
// returns a nil Result when esbuild finds no module syntax in it (then
// the file is CommonJS, as Node decides).
func buildModule(path, src string, ts, module bool) (*Result, string, error) {
	// The extension tells esbuild the file's kind: .mjs and .mts are ES
	// modules whatever their syntax.
	self := "/module.js"
	switch {
	case ts && module:
		self = "/module.mts"
	case ts:
		self = "/module.ts"
	case module:
		self = "/module.mjs"
	}
	stub := `import * as ns from "self"; ` + doneCall + `ns);`
	// esbuild drops an import only types use (as tsc does); only the
	// imports it kept are evaluated first.
	var mu sync.Mutex
	kept := map[string]bool{}
	plugin := api.Plugin{Name: "jsrun", Setup: func(b api.PluginBuild) {
		b.OnResolve(api.OnResolveOptions{Filter: `.*`}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
			switch {
			case a.Kind == api.ResolveEntryPoint:
				return api.OnResolveResult{Path: stubPath, Namespace: nsStub}, nil
			case a.Namespace == nsStub:
				return api.OnResolveResult{Path: self, Namespace: nsSelf}, nil
			case a.Kind == api.ResolveJSDynamicImport:
				return api.OnResolveResult{Path: depPath(a.Path, ""), Namespace: nsDyn}, nil
			case a.Kind == api.ResolveJSRequireCall || a.Kind == api.ResolveJSRequireResolve:
				// require in a module is the runtime's global require,
				// if it has one (esbuild's __require).
				return api.OnResolveResult{Path: a.Path, External: true}, nil
			}
			return api.OnResolveResult{Path: depPath(a.Path, a.With["type"]), Namespace: nsDep, PluginData: a.With["type"]}, nil
		})
		load := func(ns string, f func(a api.OnLoadArgs) string) {
			b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: ns}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
				s := f(a)
				return api.OnLoadResult{Contents: &s, Loader: api.LoaderJS}, nil
			})
		}
		b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: nsSelf}, func(api.OnLoadArgs) (api.OnLoadResult, error) {
			return api.OnLoadResult{Contents: &src, Loader: loader(ts)}, nil
		})
		load(nsStub, func(api.OnLoadArgs) string { return stub })
		load(nsDep, func(a api.OnLoadArgs) string {
			mu.Lock()
			kept[a.Path] = true
			mu.Unlock()
			typ, _ := a.PluginData.(string)
			spec := specOf(a.Path, typ)
			return fmt.Sprintf("module.exports = %s.i(%s, %d, %s);", Param, strconv.Quote(spec), ImportStatic, strconv.Quote(typ))
		})
		load(nsDyn, func(a api.OnLoadArgs) string {
			return fmt.Sprintf("module.exports = %s.i(%s, %d, \"\");", Param, strconv.Quote(specOf(a.Path, "")), ImportDynamic)
		})
	}}
	out := api.Build(api.BuildOptions{
		EntryPoints:    []string{"stub"},
		Bundle:         true,
		Write:          false,
		Format:         api.FormatESModule,
		Platform:       api.PlatformNeutral,
		Target:         api.ESNext,
		Supported:      moduleSupported,
		Define:         map[string]string{"import.meta": Param + ".meta"},
		TreeShaking:    api.TreeShakingFalse,
		Sourcemap:      api.SourceMapExternal,
		SourcesContent: api.SourcesContentExclude,
		Charset:        api.CharsetUTF8,
		Metafile:       true,
		Outfile:        "/out.js",
		LogLevel:       api.LogLevelSilent,
		Plugins:        []api.Plugin{plugin},
		// Every path is the plugin's; esbuild still looks at its working
		// directory (it lists "/" when given "/"). A directory that does
		// not exist costs it a failed stat and shows it nothing.
		AbsWorkingDir: "/jsrun-no-such-dir",
	})
	if len(out.Errors) > 0 {
		return nil, "", syntaxError(path, out.Errors)
	}
	var code, smap []byte
	for _, f := range out.OutputFiles {
		if strings.HasSuffix(f.Path, ".map") {
			smap = f.Contents
		} else {
			code = f.Contents
		}
	}
	format, imports, err := readMetafile(out.Metafile, nsSelf+":"+self, kept)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	if format != "esm" && !module {
		return nil, format, nil
	}
	body, err := moduleBody(string(code))
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	// The body starts on the wrapper's second line.
	m, err := decodeMap(smap, nsSelf+":"+self, path, 1)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	var b strings.Builder
	b.WriteString("(async function (" + Param + ", " + dynamicImport + ") {\"use strict\";\n")
	b.WriteString(body)
	if c := m.gojaComment(); c != "" {
		b.WriteString("\n" + c)
	}
	b.WriteString("\n})")
	return &Result{Path: path, Kind: Module, Code: b.String(), Map: m, Imports: imports}, format, nil
}

// depPath is the path of an import's stub module. It ends with a suffix
// so that esbuild does not take a stub named x.mjs for an ES module; the
// import attribute type makes x.json and {type: "json"} x.json two.
func depPath(spec, typ string) string {
	if typ != "" {
		return spec + " (" + typ + ")"
	}
	return spec + " ()"
}

func specOf(path, typ string) string {
	return strings.TrimSuffix(path, " ("+typ+")")
}

// moduleSupported is supported, for a module: dynamic import() is
// lowered to a promise of the stub's exports, which the runtime's toESM
// turns into the import.
var moduleSupported = func() map[string]bool {
	m := map[string]bool{"dynamic-import": false}
	for k, v := range supported {
		m[k] = v
	}
	return m
}()

// readMetafile returns the format esbuild saw in the file ("esm" when it
// has import, export, import.meta or top-level await) and its static
// imports in source order.
func readMetafile(meta, self string, kept map[string]bool) (string, []Import, error) {
	var mf struct {
		Inputs map[string]struct {
			Format  string `json:"format"`
			Imports []struct {
				Path string            `json:"path"`
				Kind string            `json:"kind"`
				With map[string]string `json:"with"`
			} `json:"imports"`
		} `json:"inputs"`
	}
	if err := json.Unmarshal([]byte(meta), &mf); err != nil {
		return "", nil, fmt.Errorf("esbuild metafile: %w", err)
	}
	in := mf.Inputs[self]
	var imports []Import
	for _, im := range in.Imports {
		dep, ok := strings.CutPrefix(im.Path, nsDep+":")
		if im.Kind != "import-statement" || !ok || !kept[dep] {
			continue
		}
		typ := im.With["type"]
		imports = append(imports, Import{Specifier: specOf(dep, typ), Type: typ})
	}
	return in.Format, imports, nil
}

// moduleBody edits esbuild's bundle, line by line so that the source map
// stays true: the namespace object becomes the record's, the imports are
// evaluated right after its getters are defined, toESM becomes the
// runtime's, a lowered import() of a computed specifier calls the
// runtime, and the stub's last call goes.
func moduleBody(code string) (string, error) {
	lines := strings.Split(strings.TrimRight(code, "\n"), "\n")
	last := len(lines) - 1
	call := lines[last]
	if !strings.HasPrefix(call, doneCall) || !strings.HasSuffix(call, ");") {
		return "", fmt.Errorf("unexpected end of esbuild's output: %q", call)
	}
	ns := call[len(doneCall) : len(call)-2]
	lines[last] = ""
	decl := "var " + ns + " = {};"
	found := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case l == decl:
			lines[i] = "var " + ns + " = " + Param + ".ns;"
			found = true
			at := i
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], "__export("+ns+", {") {
				for j := i + 2; j < len(lines); j++ {
					if lines[j] == "});" {
						at = j
						break
					}
				}
			}
			lines[at] += " " + linkCall
			i = at
		case strings.HasPrefix(l, "var __toESM = "):
			lines[i] = "var __toESM = " + Param + ".toESM, __toESM$esbuild = " + l[len("var __toESM = "):]
		default:
			// Same length: the columns after it stay true.
			lines[i] = strings.ReplaceAll(l, "__toESM(__require(", "__toESM("+dynamicImport+"(")
		}
	}
	if !found {
		return "", fmt.Errorf("no namespace object %q in esbuild's output", ns)
	}
	return strings.Join(lines, "\n"), nil
}
