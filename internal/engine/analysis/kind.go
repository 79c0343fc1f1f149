package analysis

import "strconv"

// Kind is the declaration form of a top-level binding.
type Kind int

// The declaration forms a top-level binding can have.
const (
	Var      Kind = iota // var, including var in top-level blocks and for heads
	Let                  // let
	Const                // const
	Function             // function declaration (also async and generator)
	Class                // class declaration
)

var kindNames = [...]string{Var: "var", Let: "let", Const: "const", Function: "function", Class: "class"}

// String returns the keyword that declares the binding ("var", "let", ...).
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}
