package engine

import "github.com/dop251/goja"

// Program is the script's compiled program, for a host that runs it
// itself: the ES module linker runs a module's code through Env.Script,
// the one cache of compiled code and its analysis, and an Instance's
// first Run runs it.
func (s *Script) Program() *goja.Program { return s.prog }
