package host

import (
	"bytes"
	"context"
	"testing"
)

// TestConsoleColors: console colours a stream the embedder calls a
// terminal, unless the environment turns colours off (Node's rule), in
// main and in a thread.
func TestConsoleColors(t *testing.T) {
	t.Parallel()
	const src = `console.log({ a: 1 }); console.error({ a: 1 });
		threads.run(() => { console.log([true]); console.error([true]) }).get()`
	plain := [2]string{"{ a: 1 }\n[ true ]\n", "{ a: 1 }\n[ true ]\n"}
	colored := "{ a: \x1b[33m1\x1b[39m }\n[ \x1b[33mtrue\x1b[39m ]\n"
	for _, c := range []struct {
		name           string
		stdout, stderr bool
		env            map[string]string
		want           [2]string
	}{
		{"not a terminal", false, false, map[string]string{}, plain},
		{"stdout a terminal", true, false, map[string]string{}, [2]string{colored, plain[1]}},
		{"both terminals", true, true, map[string]string{"TERM": "xterm"}, [2]string{colored, colored}},
		{"NO_COLOR", true, true, map[string]string{"NO_COLOR": ""}, plain},
		{"NODE_DISABLE_COLORS", true, true, map[string]string{"NODE_DISABLE_COLORS": "1"}, plain},
		{"TERM=dumb", true, true, map[string]string{"TERM": "dumb"}, plain},
		{"FORCE_COLOR beats NO_COLOR", true, false, map[string]string{"NO_COLOR": "1", "FORCE_COLOR": "1"}, [2]string{colored, plain[1]}},
		{"FORCE_COLOR=0", true, true, map[string]string{"FORCE_COLOR": "0"}, plain},
	} {
		var out, errOut bytes.Buffer
		h := newHost(t, WithStdout(&out), WithStderr(&errOut), WithEnv(c.env), WithTerminal(c.stdout, c.stderr))
		if _, err := h.Eval(context.Background(), src); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if out.String() != c.want[0] || errOut.String() != c.want[1] {
			t.Errorf("%s: stdout %q, stderr %q; want %q, %q", c.name, out.String(), errOut.String(), c.want[0], c.want[1])
		}
	}
}

// TestConsoleModuleIsTheGlobal: require("console") and node:console are
// the global console of their runtime, and util is one module under both
// names.
func TestConsoleModuleIsTheGlobal(t *testing.T) {
	t.Parallel()
	h := newHost(t, WithStdout(&bytes.Buffer{}))
	const src = `const check = () => [require("console") === console, require("node:console") === console,
		require("util") === require("node:util"), require("util").inspect === require("util").inspect];
	JSON.stringify([check(), threads.run(check).get()])`
	v, err := h.Eval(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if want := "[[true,true,true,true],[true,true,true,true]]"; v != want {
		t.Errorf("got %v, want %s", v, want)
	}
}
