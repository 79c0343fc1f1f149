package analysis

// Func is Lookup without a main script: the tests add every script they
// search to the Index.
func (ix *Index) Func(src string) (*Func, error) { return ix.Lookup(nil, src) }
