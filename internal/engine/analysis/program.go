package analysis

import (
	"strings"
)

// SyntheticFile is the file name Program uses for a function text that was
// not found in any indexed script.
const SyntheticFile = "<function>"

// Extraction code appended after a method text wrapped in an object literal
// or a class: the wrapper holds exactly one own method (besides a class's
// constructor), and its value, getter or setter is the function. It runs at
// most once per compiled program, in a runtime the host controls.
const (
	objectMethodOpen  = "[{"
	objectMethodClose = "\n}].map(function (o) { var d = Object.getOwnPropertyDescriptor(o, Reflect.ownKeys(o)[0]); return d.get || d.set || d.value; })[0]"
	classMethodOpen   = "[class{"
	classMethodClose  = "}].map(function (C) { var p = C.prototype, k = Reflect.ownKeys(p).filter(function (k) { return k !== \"constructor\"; })[0], d = Object.getOwnPropertyDescriptor(p, k); return d.get || d.set || d.value; })[0]"
)

// Program returns a file name and a program text that, compiled with
// goja.Compile(name, text, f.Strict) and run, evaluates (its completion
// value) to the function.
//
// The text contains Source verbatim (completed where goja's toString cut a
// concise arrow short, see repairText), so the new function's toString is
// the same text and a nested threads.run finds the same Site. Source is
// wrapped just enough to be an expression: "(" ")" for functions, arrows
// and classes (declarations become named expressions, which bind their own
// name the same way); "[{" "}]" plus a small extraction for methods,
// getters and setters of object literals; "[class{" "}]" plus one for those
// of classes, and for methods that use #private names (declared after the
// method so that it compiles). A #private method is read from an instance
// of the wrapper class; a #private getter or setter is not a value anyone
// can hold, and its program throws a TypeError. The wrapper's
// opening is preceded by newlines and spaces so that Source starts at
// Site's line and column: positions in goja's errors and stacks are then
// those of the original file. The opening goes on the line before when it
// does not fit before the column; only a text at line 1 too close to column
// 1 for that (a declaration at the very start of a file) is shifted right by
// the opening's width, on its first line only.
//
// Without a Site the name is SyntheticFile and the text starts at line 1.
func (f *Func) Program() (name, text string) {
	name, text, _ = f.program()
	return name, text
}

// TaggedIn returns, for the program text of Program, what the literals in
// it that main tags (see Script.Tagged) are to carry: the offset in main
// of the literal at offset i of the text. It returns nil when f was not
// found in main, whose literals are then not in the text.
func (f *Func) TaggedIn(main *Script) func(i int) (site int, ok bool) {
	if f.Site == nil || f.Site.script != main || len(main.tags) == 0 {
		return nil
	}
	_, _, at := f.program()
	base := f.Site.Offset - at
	return func(i int) (int, bool) {
		site := base + i
		return site, main.tags[site]
	}
}

// program is Program, with the offset of Source in the text.
func (f *Func) program() (name, text string, at int) {
	name, line, col := SyntheticFile, 1, 1
	if f.Site != nil {
		name, line, col = f.Site.File, f.Site.Line, f.Site.Column
	}
	var open, close string
	switch f.form {
	case formObjectMethod:
		open, close = objectMethodOpen, objectMethodClose
	case formClassMethod:
		open, close = classMethodOpen, "\n"+privateDecls(f.private)+f.classClose()
	default:
		open, close = "(", "\n)"
	}
	var b strings.Builder
	full := f.full
	if full == "" {
		full = f.Source
	}
	b.Grow(line + col + len(open) + len(full) + len(close))
	pad(&b, line, col, open)
	at = b.Len()
	b.WriteString(full)
	b.WriteString(close)
	return name, b.String(), at
}

// pad writes open so that the next byte written lands at line:col.
func pad(b *strings.Builder, line, col int, open string) {
	switch {
	case col-1 >= len(open): // fits before the column
		b.WriteString(strings.Repeat("\n", line-1))
		b.WriteString(strings.Repeat(" ", col-1-len(open)))
		b.WriteString(open)
	case line > 1: // on the line before
		b.WriteString(strings.Repeat("\n", line-2))
		b.WriteString(open)
		b.WriteString("\n")
		b.WriteString(strings.Repeat(" ", col-1))
	default: // no room: shifted right on the first line
		b.WriteString(open)
	}
}

// classClose is the end of a class-wrapped method's program. A method with a
// #private key is not a property: a static helper reads it from an instance.
// A #private getter or setter cannot be read as a function at all, so its
// program throws a TypeError saying so.
func (f *Func) classClose() string {
	switch {
	case f.ownPrivate == "":
		return classMethodClose
	case f.accessor:
		return "}], (function () { throw new TypeError(\"the private accessor #" + f.ownPrivate + " cannot be carried to another runtime\"); })()"
	default:
		return "static __privateMethod(o) { return o.#" + f.ownPrivate + "; }\n}].map(function (C) { return C.__privateMethod(new C()); })[0]"
	}
}

func privateDecls(names []string) string {
	var b strings.Builder
	for _, n := range names {
		b.WriteString("#")
		b.WriteString(n)
		b.WriteString(";\n")
	}
	return b.String()
}
