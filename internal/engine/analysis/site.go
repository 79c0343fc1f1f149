package analysis

// A function value gives its text, not where it was written. A text
// written once in a script, or at places that all mean the same, needs no
// more: Lookup finds it. A text written at places of one script that mean
// different things is told apart by where the value was made: the script
// is compiled so that each function made at one of those literals
// carries the literal's offset (its site; see internal/rewrite's Tagger),
// and LookupAt analyses the text at that site alone. A value that carries
// no site (made by eval, or at a literal the compiler could not tag) is
// refused as before, with Lookup's Ambiguity.

// Tagged says whether the literal at offset of the script's source is one
// whose function values must carry their site: its text is written
// elsewhere in the script with another meaning.
func (s *Script) Tagged(offset int) bool { return s.tags[offset] }

// findTags fills s.tags: the literals of every text written at places of
// s that do not mean the same, when one of them could be carried.
func (s *Script) findTags() {
	for text, ls := range s.more {
		pt, err := parseText(text)
		if err != nil {
			if pt = repairText(text, s.file.Source()[ls[0].start+len(text):]); pt == nil {
				continue
			}
		}
		occ := make([]occurrence, len(ls))
		for i, l := range ls {
			occ[i] = occurrence{s, l}
		}
		if !differ(occ, pt.free) {
			continue
		}
		if s.tags == nil {
			s.tags = make(map[int]bool)
		}
		for _, l := range ls {
			s.tags[l.start] = true
		}
	}
}

// differ says the places occ of one text do not all mean the same while
// one of them could be carried.
func differ(occ []occurrence, free []string) bool {
	carried := false
	for _, o := range occ {
		if !o.refused(free) {
			carried = true
			break
		}
	}
	if !carried {
		return false
	}
	for _, b := range occ[1:] {
		if occ[0].differs(b, free) != "" {
			return true
		}
	}
	return false
}

// siteKey is a sited Func's key in its script.
type siteKey struct {
	text string
	site int
}

// LookupAt is Lookup for a function value that carries its site: the
// literal at offset site of main, which must hold exactly src. The Func
// is that literal's, with no Ambiguity; nil when main holds no such
// literal there (the site was not made by main's code).
func (ix *Index) LookupAt(main *Script, src string, site int) (*Func, error) {
	key := siteKey{src, site}
	if f, ok := main.sited.Load(key); ok {
		return f.(*Func), nil
	}
	lit := main.literalAt(src, site)
	if lit == nil || !main.tags[site] {
		return nil, nil
	}
	pt, err := parseText(src)
	if err != nil {
		if pt = repairText(src, main.file.Source()[site+len(src):]); pt == nil {
			return nil, err
		}
	}
	f := newFuncOf(src, pt)
	f.place(main, lit)
	f.settle()
	main.sited.Store(key, f)
	return f, nil
}

// literalAt returns the literal of text src at offset, or nil.
func (s *Script) literalAt(src string, offset int) *literal {
	if ls := s.more[src]; ls != nil {
		for _, l := range ls {
			if l.start == offset {
				return l
			}
		}
		return nil
	}
	if l := s.lits[src]; l != nil && l.start == offset {
		return l
	}
	return nil
}
