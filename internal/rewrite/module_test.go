package rewrite

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
)

// runWithModules runs main with require over files, through the rewrite
// (or goja_nodejs alone), and returns its completion value or error.
func runWithModules(t *testing.T, rewritten bool, files map[string]string, main string) string {
	t.Helper()
	load := func(path string) ([]byte, error) {
		if src, ok := files[strings.TrimPrefix(path, "/m/")]; ok {
			return []byte(src), nil
		}
		return nil, require.ModuleFileDoesNotExistError
	}
	rt := goja.New()
	var registry *require.Registry
	if rewritten {
		Install(rt)
		m := NewModules()
		m.Install(rt)
		registry = require.NewRegistry(require.WithLoader(m.Loader(load)))
	} else {
		registry = require.NewRegistry(require.WithLoader(load))
	}
	registry.Enable(rt)
	v, err := rt.RunString(main)
	if err != nil {
		return "error: " + err.Error()
	}
	return v.String()
}

// TestModulesKeepTheirMeaning compares modules under goja_nodejs alone and
// through the rewrite: exports, this, the wrapper's arguments, errors and
// their stacks (without the two frames the stub adds), JSON modules, text
// that does not parse, and text that closes require's wrapper.
func TestModulesKeepTheirMeaning(t *testing.T) {
	files := map[string]string{
		"pow.js": "exports.pow = (a, b) => a ** b;\n" +
			"exports.self = this === exports && module.exports === exports;\n" +
			"exports.names = [typeof require, __filename, __dirname, arguments.length].join();\n" +
			"exports.src = exports.pow.toString();\n",
		"throws.js":   "const a = 2, b = 3;\nconst c = a ** b;\n  throw new Error('top ' + c);\n",
		"later.js":    "module.exports = function (a, b) {\n  return a **\n    b.x;\n};\n",
		"data.json":   `{"a": [1, 2]}`,
		"broken.js":   "exports.x = (a, b) => a ** ;\n",
		"closes.js":   "}); (function(exports) { exports.y = 2n ** 3n; ",
		"replaced.js": "module.exports = { n: 2n ** 3n };\n",
		"spread.js":   "module.exports = (xs) => Math.max(...xs);\n",
	}
	for _, main := range []string{
		`const m = require("./pow.js"); [m.pow(2, 10), m.self, m.names, m.src].join("|")`,
		`try { require("./throws.js") } catch (e) { e.stack.replace(/\(\d+\)/g, "") }`,
		`try { require("./later.js")(2, null) } catch (e) { e.stack.replace(/\(\d+\)/g, "") }`,
		`JSON.stringify(require("./data.json"))`,
		`try { require("./broken.js") } catch (e) { String(e) }`,
		`try { String(require("./closes.js").y) } catch (e) { String(e) }`,
		`String(require("./replaced.js").n)`,
		`require("./spread.js")([1, 5, 3])`,
		`require("./pow.js") === require("./pow.js")`,
		`try { require("./mapped.js").g() } catch (e) { e.stack.replace(/\(\d+\)/g, "") }`,
	} {
		plain, rewritten := runWithModules(t, false, files, main), runWithModules(t, true, files, main)
		if plain != withoutStubFrames(rewritten) {
			t.Errorf("%s\n  goja_nodejs: %q\n  rewritten:   %q", main, plain, rewritten)
		}
	}
}

// withoutStubFrames drops the frames a rewritten module's stub adds: the
// helper (native, unnamed) and the stub itself, at line 1.
func withoutStubFrames(stack string) string {
	lines := strings.Split(stack, "\n")
	var kept []string
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "at native" && i+1 < len(lines) && strings.Contains(lines[i+1], ".js:1:") {
			i++
			continue
		}
		kept = append(kept, lines[i])
	}
	return strings.Join(kept, "\n")
}

func TestModulesAreRewrittenAndGuarded(t *testing.T) {
	files := map[string]string{
		"shift.js": "module.exports = String(1n >> (2n ** 64n));\n",
		"huge.js":  "module.exports = 1n << (2n ** 40n);\n",
	}
	for main, want := range map[string]string{
		`require("./shift.js")`:                                "0",
		`try { require("./huge.js") } catch (e) { String(e) }`: sizeError,
	} {
		if got := runWithModules(t, true, files, main); got != want {
			t.Errorf("%s = %q, want %q", main, got, want)
		}
	}
}

// TestModuleHelperRefusesScripts: a script calling the helper itself gets
// a TypeError, not a Go panic.
func TestModuleHelperRefusesScripts(t *testing.T) {
	got := runWithModules(t, true, nil, `try { __jsrun$module(5, {}, []) } catch (e) { e.name }`)
	if got != "TypeError" {
		t.Fatalf("got %q", got)
	}
}
