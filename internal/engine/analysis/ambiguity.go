package analysis

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Ambiguity says that a function text is written at places where it does
// not mean the same: a free name resolves differently (a local variable at
// one, a top-level binding at another), or the code is strict at one and
// sloppy at another. A function value gives only its text (goja exposes no
// position of a function), so which of them it is cannot be told, and
// guessing would run it with another one's variables.
type Ambiguity struct {
	// Count is how many places the text is written at, in the scripts
	// searched (see Func.Ambiguity); 0 for a text written in no script
	// while some script calls eval, which may have made it anywhere.
	Count int
	// First and Second are two of those places that differ (nil when
	// Count is 0).
	First, Second *Site
	// Why says how they differ, e.g. `"factor" is a top-level binding at
	// test.js:2:15, a local variable of function makeScaler at test.js:3:38`.
	Why string

	text string // the function text, shortened for Error
}

// Error says what is ambiguous and what to do about it.
func (a *Ambiguity) Error() string {
	if a.Count == 0 {
		return fmt.Sprintf("its text %s is written in no script (%s), and a function value does not say where it was made; "+
			"define it in a script rather than in code run by eval", shortText(a.text), a.Why)
	}
	return fmt.Sprintf("its text %s is written %d times with different meanings (%s), and a function value does not say where it was written; "+
		"give them different text (rename a variable or parameter)", shortText(a.text), a.Count, a.Why)
}

// unwritten is the Ambiguity of a text written in no script while a
// script names eval: eval may have made it inside a function, closing over
// its locals, and nothing tells. A text without free names cannot close
// over anything, and new Function makes functions of the global scope
// only, in a form of its own ("function anonymous(").
func unwritten(src string, free []string, scripts []*Script) *Ambiguity {
	if len(free) == 0 || strings.HasPrefix(src, "function anonymous(") {
		return nil
	}
	for _, s := range scripts {
		if s.evals {
			return &Ambiguity{text: src, Why: fmt.Sprintf(
				"%s names eval, whose functions may use local variables of the code that called it", s.Name)}
		}
	}
	return nil
}

// occurrence is one place a text is written.
type occurrence struct {
	script *Script
	lit    *literal
}

// ambiguity compares every place src is written, in the script of the
// first one and in the other scripts searched (the main script and the
// modules it may have required). It returns nil when they all mean the
// same, or when none of them could be carried anyway (a closure
// everywhere is refused as one).
func ambiguity(src string, free []string, first *Script, scripts []*Script) *Ambiguity {
	var occ []occurrence
	add := func(s *Script) {
		if ls := s.more[src]; ls != nil {
			for _, l := range ls {
				occ = append(occ, occurrence{s, l})
			}
		} else if l := s.lits[src]; l != nil {
			occ = append(occ, occurrence{s, l})
		}
	}
	add(first)
	for _, s := range scripts {
		if s != first {
			add(s)
		}
	}
	if len(occ) < 2 || !differ(occ, free) {
		return nil
	}
	a := occ[0]
	for _, b := range occ[1:] {
		if why := a.differs(b, free); why != "" {
			return &Ambiguity{Count: len(occ), First: a.site(), Second: b.site(), Why: why, text: src}
		}
	}
	return nil
}

func (o occurrence) site() *Site {
	line, col := o.script.position(o.lit.start)
	return &Site{File: o.script.Name, Line: line, Column: col, Offset: o.lit.start, script: o.script}
}

// refused says the function written here is a closure over a local that
// no thread can have (a module's require() binding can be required again).
func (o occurrence) refused(free []string) bool {
	for _, name := range free {
		if o.meaning(name).local {
			return true
		}
	}
	return false
}

// meaning is how a free name resolves at an occurrence: key compares, what
// describes, local says no thread can have it.
type meaning struct {
	key, what string
	local     bool
}

func (o occurrence) meaning(name string) meaning {
	b := o.lit.scope.lookup(name)
	switch {
	case b == nil:
		return meaning{key: "global", what: "a global"}
	case b.kind == globalScope || b.moduleTop:
		if bd := o.script.Bindings[name]; bd != nil && bd.Require != nil {
			spec := bd.Require.Specifier
			if strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") {
				spec = filepath.Join(filepath.Dir(o.script.Name), spec)
			}
			return meaning{key: "require " + spec + " " + strings.Join(bd.Require.Path, "."), what: fmt.Sprintf("required from %q", bd.Require.Specifier)}
		}
		if b.kind == globalScope {
			return meaning{key: "top", what: "a top-level binding"}
		}
		if o.script.ESModule {
			// Imported again or cloned in a thread (see ESModuleOf).
			return meaning{key: "module " + o.script.Name, what: "a top-level binding of module " + o.script.Name}
		}
	}
	return meaning{key: "local " + b.owner, what: "a local variable of " + DescribeOwner(b.owner), local: true}
}

// differs says how o and p differ in meaning, or "" if they do not.
func (o occurrence) differs(p occurrence, free []string) string {
	at := func(x occurrence) string { return x.script.where(x.lit.start) }
	for _, name := range free {
		if mo, mp := o.meaning(name), p.meaning(name); mo.key != mp.key {
			return fmt.Sprintf("%q is %s at %s, %s at %s", name, mo.what, at(o), mp.what, at(p))
		}
	}
	if o.lit.strict != p.lit.strict {
		return fmt.Sprintf("the code is %s at %s, %s at %s", strictness(o.lit.strict), at(o), strictness(p.lit.strict), at(p))
	}
	// The form (object or class method) is not compared: a method is
	// compiled on its own in the thread either way, and strict code, where
	// the two run alike, is compared above.
	return ""
}

func strictness(strict bool) string {
	if strict {
		return "strict"
	}
	return "sloppy"
}

// DescribeOwner renders Capture.Function for a message: "function f",
// "module <file>", "a block at the top level of <file>", "an enclosing
// anonymous function".
func DescribeOwner(name string) string {
	if strings.HasPrefix(name, "module ") {
		return name
	}
	if file, ok := strings.CutPrefix(name, "script "); ok {
		return "a block at the top level of " + file
	}
	if name == "" || name == anonymous {
		return "an enclosing anonymous function"
	}
	return "function " + name
}

// shortText is a function text for a message: quoted, on one line, cut
// past 60 bytes.
func shortText(src string) string {
	s := strings.Join(strings.Fields(src), " ")
	if len(s) > 60 {
		cut := 57
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "..."
	}
	return fmt.Sprintf("%q", s)
}
