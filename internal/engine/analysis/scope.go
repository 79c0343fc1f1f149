package analysis

// scopeKind tells whether names bound in a scope can travel to another
// runtime: only the script's global scope can (its bindings are carried by the
// host); every other scope holds locals of some function, block or module.
type scopeKind uint8

const (
	globalScope   scopeKind = iota // script top level, or the outside of a standalone text
	functionScope                  // parameters or body of a function, arrow, method, static block or module wrapper
	blockScope                     // block, for head, switch, catch, class or function-expression name
)

// scope is one lexical environment of the program being walked.
type scope struct {
	parent *scope
	kind   scopeKind
	names  map[string]Kind
	// owner names the function that binds the names of this scope, for
	// Capture.Function: a function's name, "<anonymous>", "module <file>", or
	// "script <file>" for blocks at script top level.
	owner string
	// transparent marks the inner name scope of a class DECLARATION: inside
	// the class body the name denotes the same class as the outer binding,
	// so resolution continues outward (a method of a top-level class that
	// mentions its class is not a closure).
	transparent bool
	// moduleTop marks the top-level scope of a module, whose require()
	// bindings a thread can require again.
	moduleTop bool
}

func newScope(parent *scope, kind scopeKind, owner string) *scope {
	return &scope{parent: parent, kind: kind, owner: owner}
}

// declare binds name in s; a later declaration of the same name overwrites
// the kind, which gives function declarations precedence over var.
func (s *scope) declare(name string, k Kind) {
	if s.names == nil {
		s.names = make(map[string]Kind)
	}
	s.names[name] = k
}

// lookup returns the scope that binds name as seen from s, or nil when no
// scope does (a global or undeclared name).
func (s *scope) lookup(name string) *scope {
	for ; s != nil; s = s.parent {
		if _, ok := s.names[name]; ok && !s.transparent {
			return s
		}
	}
	return nil
}
