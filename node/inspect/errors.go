package inspect

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// formatError is Node's formatError: the stack (or [name: message] when it
// has no frames), its first line naming the constructor when that differs
// from the name, and the keys that repeat the stack removed.
func (c *ctx) formatError(o *goja.Object, ctor, tag string, keys *[]propKey) string {
	name := "Error"
	if n := o.Get("name"); n != nil && !goja.IsUndefined(n) && !goja.IsNull(n) {
		name = n.String()
	}
	stack := c.stackString(o)
	c.removeDuplicateErrorKeys(o, keys, stack)
	if call(c.r.reflectHas, goja.Undefined(), o, c.r.rt.ToValue("cause")).ToBoolean() && !hasKey(*keys, "cause") {
		*keys = append(*keys, propKey{s: "cause"})
	}
	if errs, ok := o.Get("errors").(*goja.Object); ok && errs.ClassName() == "Array" && !hasKey(*keys, "errors") {
		*keys = append(*keys, propKey{s: "errors"})
	}
	stack = improveStack(stack, ctor, name, tag)

	pos := -1
	if m := o.Get("message"); m != nil && m.ToBoolean() {
		msg := m.String()
		if i := strings.Index(stack, msg); i > 0 {
			pos = i + len(msg)
		} else if i == 0 {
			pos = -1 // Node's (0 || -1)
		}
	}
	from := pos
	if from < 0 {
		from = 0
	}
	stackStart := -1
	if i := strings.Index(stack[from:], "\n    at"); i >= 0 {
		stackStart = from + i
	}
	if stackStart == -1 {
		stack = "[" + stack + "]"
	} else {
		lines := c.stackFrames(o, stack[stackStart+1:])
		stack = stack[:stackStart] + "\n" + strings.Join(lines, "\n")
	}
	if c.indentationLvl != 0 {
		stack = strings.ReplaceAll(stack, "\n", "\n"+strings.Repeat(" ", c.indentationLvl))
	}
	return stack
}

func hasKey(keys []propKey, s string) bool {
	for _, k := range keys {
		if k.sym == nil && k.s == s {
			return true
		}
	}
	return false
}

// stackString is Node's getStackString, with goja's frame format
// ("\tat f (file:1:2(3))") rewritten as V8's ("    at f (file:1:2)").
func (c *ctx) stackString(o *goja.Object) string {
	s := o.Get("stack")
	if s != nil && s.ToBoolean() {
		if goja.IsString(s) {
			return nodeFrames(s.String())
		}
		return c.formatValue(s, 0, false)
	}
	return call(c.r.errorToString, o).String()
}

func nodeFrames(s string) string {
	if !strings.Contains(s, "\n\tat ") {
		return s
	}
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "\tat ") {
			lines[i] = "    at " + jsutil.NodeFrame(l[4:])
		}
	}
	return strings.Join(lines, "\n")
}

func (c *ctx) removeDuplicateErrorKeys(o *goja.Object, keys *[]propKey, stack string) {
	if c.opts.ShowHidden || len(*keys) == 0 {
		return
	}
	for _, name := range []string{"name", "message", "stack"} {
		for i, k := range *keys {
			if k.sym != nil || k.s != name {
				continue
			}
			v := o.Get(name)
			if !goja.IsString(v) || strings.Contains(stack, v.String()) {
				*keys = append((*keys)[:i:i], (*keys)[i+1:]...)
			}
			break
		}
	}
}

var (
	nullProtoStart = regexp.MustCompile(`^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)`)
	nullProtoWhole = regexp.MustCompile(`^([a-z_A-Z0-9-]*Error)$`)
)

// improveStack is Node's improveStack: "TypeError: x" from a class
// FooError becomes "FooError [TypeError]: x".
func improveStack(stack, ctor, name, tag string) string {
	n := len(name)
	if ctor == noCtor || (strings.HasSuffix(name, "Error") && strings.HasPrefix(stack, name) &&
		(len(stack) == n || stack[n] == ':' || stack[n] == '\n')) {
		fallback := "Error"
		if ctor == noCtor {
			m := nullProtoStart.FindStringSubmatch(stack)
			if m == nil {
				m = nullProtoWhole.FindStringSubmatch(stack)
			}
			fallback = ""
			if m != nil {
				fallback = m[1]
			}
			n = len(fallback)
			if fallback == "" {
				fallback = "Error"
			}
		}
		p := strings.TrimSuffix(prefix(ctor, tag, fallback, ""), " ")
		if name != p {
			if strings.Contains(p, name) {
				if n == 0 {
					stack = p + ": " + stack
				} else {
					stack = p + stack[n:]
				}
			} else {
				stack = p + " [" + name + "]" + stack[n:]
			}
		}
	}
	return stack
}

// stackFrames is Node's getStackFrames: frames shared with the cause's
// stack collapse into one line.
func (c *ctx) stackFrames(o *goja.Object, stack string) []string {
	frames := strings.Split(stack, "\n")
	var cause goja.Value
	if ex := c.r.rt.Try(func() { cause = o.Get("cause") }); ex != nil {
		return frames
	}
	co, ok := cause.(*goja.Object)
	if !ok {
		return frames
	}
	if k, _ := c.classify(co); k != kindError {
		return frames
	}
	cs := c.stackString(co)
	i := strings.Index(cs, "\n    at")
	if i == -1 {
		return frames
	}
	causeFrames := strings.Split(cs[i+1:], "\n")
	if l, off := identicalSequenceRange(frames, causeFrames); l > 0 {
		skipped := l - 2
		msg := c.stylize("    ... "+strconv.Itoa(skipped)+" lines matching cause stack trace ...", styleUndefined)
		out := append([]string{}, frames[:off+1]...)
		out = append(out, msg)
		frames = append(out, frames[off+1+skipped:]...)
	}
	return frames
}

func identicalSequenceRange(a, b []string) (int, int) {
	for i := 0; i < len(a)-3; i++ {
		pos := -1
		for j, s := range b {
			if s == a[i] {
				pos = j
				break
			}
		}
		if pos == -1 {
			continue
		}
		rest := len(b) - pos
		if rest > 3 {
			l := 1
			maxLen := len(a) - i
			if rest < maxLen {
				maxLen = rest
			}
			for maxLen > l && a[i+l] == b[pos+l] {
				l++
			}
			if l > 3 {
				return l, i
			}
		}
	}
	return 0, 0
}
