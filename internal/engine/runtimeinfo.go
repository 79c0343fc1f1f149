package engine

// ScriptName is the name of the main script of r's evaluation: its path,
// or what the host named a source without one.
func (r *Runtime) ScriptName() string {
	if s := r.group.script; s != nil {
		return s.name
	}
	return ""
}
