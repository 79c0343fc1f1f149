package guard

import (
	"github.com/dop251/goja"
)

// lazyGroups are the guards installed on the first read of one of their
// globals (see global.go): a script reaches these built-ins only through
// the global object, or through an object that only they make.
const (
	groupJSON = 1 << iota
	groupReflect
	groupBuffers
)

// lazy returns the guarded value of the built-in global name, installing
// its group first; nil for a global that needs no guard.
func (s *state) lazy(name string) goja.Value {
	switch name {
	case "JSON":
		s.once(groupJSON, func() {
			j := s.global.Get("JSON").(*goja.Object)
			s.wrap(&wrapper{}, j, "parse", guardParse)
			s.wrap(&wrapper{}, j, "stringify", guardStringify)
		})
	case "Reflect":
		s.once(groupReflect, func() {
			r := s.global.Get("Reflect").(*goja.Object)
			s.wrap(&wrapper{}, r, "apply", guardReflectApply)
			s.wrap(&wrapper{}, r, "construct", guardReflectConstruct)
		})
	default:
		if _, ok := elemSize[name]; ok {
			s.once(groupBuffers, s.installBuffers)
			return s.buffers[name]
		}
	}
	return nil
}

func (s *state) once(group uint32, install func()) {
	if s.groups&group == 0 {
		s.groups |= group
		install()
	}
}
