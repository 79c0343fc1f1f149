package analysis

import (
	"slices"
	"sync"
	"sync/atomic"
)

// Index holds the scripts every evaluation of a host may hold functions
// of (the CommonJS modules it has loaded), and answers Lookup for a
// function text met in an evaluation of one main script. It is safe for
// concurrent use.
//
// Every evaluation runs one main script; the functions it holds were
// written there, in a module, or made at run time (eval, new Function).
// Lookup searches that main script first, then the shared scripts in the
// order they were added: the main scripts of other evaluations are never
// searched, so two sources run at once never decide for each other.
type Index struct {
	mu      sync.RWMutex
	closed  bool          // Close was called: Add keeps nothing
	scripts []*Script     // add order; replaced wholesale (copy on write)
	gen     atomic.Uint64 // bumped by every change of scripts: a cached Func may now differ
	funcs   atomic.Pointer[funcCache]
}

// cacheLimit bounds the number of texts cached per main script (and for
// lookups without one). A script that makes endless distinct functions
// (new Function, eval) would otherwise grow without end; past the limit
// the cache starts afresh, which costs one re-parse per text.
const cacheLimit = 1 << 13

// funcCache maps a source text to its *cached Func. sync.Map suits it: keys
// are written once and read many times from many goroutines.
type funcCache struct {
	m sync.Map
	n atomic.Int64 // number of keys
}

// cached is one Func with the Index generation it was computed at.
type cached struct {
	f   *Func
	gen uint64
}

// NewIndex returns an empty Index. The zero Index is not usable.
func NewIndex() *Index {
	ix := &Index{}
	ix.funcs.Store(new(funcCache))
	return ix
}

// Add makes s's literals findable by every Lookup, after the main script's
// own. A script of the name of one added before replaces it in its place
// (a module file read again); the same text again changes nothing.
func (ix *Index) Add(s *Script) {
	if s == nil {
		return
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return
	}
	if at := slices.IndexFunc(ix.scripts, func(o *Script) bool { return o.Name == s.Name }); at >= 0 {
		if ix.scripts[at].file.Source() == s.file.Source() {
			return
		}
		scripts := slices.Clone(ix.scripts)
		scripts[at] = s
		ix.scripts = scripts
	} else {
		ix.scripts = append(slices.Clip(ix.scripts), s)
	}
	ix.gen.Add(1)
}

// Close forgets every script and cached Func, and makes Add do nothing.
func (ix *Index) Close() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.closed, ix.scripts = true, nil
	ix.funcs.Store(new(funcCache))
	ix.gen.Add(1)
}

// Lookup analyses a function text (goja's toString of a function value)
// met in an evaluation of main, which may be nil (the shared scripts
// only). The error says the text is not exactly one function, arrow,
// class or method literal. Results are cached in main, until a script is
// added to the Index.
func (ix *Index) Lookup(main *Script, src string) (*Func, error) {
	slot := &ix.funcs
	if main != nil {
		slot = &main.funcs
	}
	cache := slot.Load()
	if v, ok := cache.m.Load(src); ok {
		if c := v.(*cached); c.gen == ix.gen.Load() {
			return c.f, nil
		}
	}
	ix.mu.RLock()
	shared, gen := ix.scripts, ix.gen.Load()
	ix.mu.RUnlock()
	scripts := shared
	if main != nil {
		scripts = make([]*Script, 0, 1+len(shared))
		scripts = append(append(scripts, main), shared...)
	}

	pt, err := parseText(src)
	if err != nil {
		if pt = repairText(src, following(src, scripts)); pt == nil {
			return nil, err
		}
	}
	f := newFunc(src, pt, scripts)
	if _, loaded := cache.m.Swap(src, &cached{f: f, gen: gen}); !loaded && cache.n.Add(1) > cacheLimit {
		slot.CompareAndSwap(cache, new(funcCache))
	}
	return f, nil
}

// following returns the source after the first place src was written, or "".
func following(src string, scripts []*Script) string {
	for _, s := range scripts {
		if lit := s.lits[src]; lit != nil {
			return s.file.Source()[lit.start+len(src):]
		}
	}
	return ""
}
