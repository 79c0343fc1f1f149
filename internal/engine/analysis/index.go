package analysis

import (
	"slices"
	"sync"
	"sync/atomic"
)

// Index holds every script the host has run and answers Func for function
// texts. One Index serves a whole host (all runtimes, all threads); it is
// safe for concurrent use. Func results are cached per source text.
type Index struct {
	mu      sync.RWMutex
	scripts []*Script // add order; replaced wholesale (copy on write)
	keys    []string  // the key of each script
	byKey   map[string]*Script
	gen     atomic.Uint64 // bumped by every Add: a cached Func without Site may now have one
	cache   atomic.Pointer[funcCache]
}

// cacheLimit bounds the number of cached texts. A host that makes endless
// distinct functions (new Function, eval) would otherwise grow without end;
// past the limit the cache starts afresh, which costs one re-parse per text.
const cacheLimit = 1 << 16

// funcCache maps a source text to its *cached Func. sync.Map suits it: keys
// are written once and read many times from many goroutines.
type funcCache struct {
	m sync.Map
	n atomic.Int64 // number of keys
}

// cached is one Func with the Add generation it was computed at.
type cached struct {
	f   *Func
	gen uint64
}

// NewIndex returns an empty Index. The zero Index is not usable.
func NewIndex() *Index {
	ix := &Index{byKey: make(map[string]*Script)}
	ix.cache.Store(new(funcCache))
	return ix
}

// Add is AddAs(s.Name, s): a file's key is its name.
func (ix *Index) Add(s *Script) {
	if s != nil {
		ix.AddAs(s.Name, s)
	}
}

// AddAs makes s's literals findable by Func, under key. Scripts are
// searched in the order they were first added, except that scripts of one
// name (the sources a host evaluates as "<eval>") are searched newest
// first: of two such sources holding one function text, the one run last
// is the one that decides (see Touch). Adding a script under the key of
// one already added replaces it in its place (a file run again) and drops
// every cached Func.
func (ix *Index) AddAs(key string, s *Script) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if at := slices.Index(ix.keys, key); at >= 0 {
		scripts := slices.Clone(ix.scripts)
		scripts[at] = s
		ix.scripts = scripts
		ix.byKey[key] = s
		// A cached Site may point into the old text: start afresh. A Func
		// being computed from the old scripts stores into the old map.
		ix.cache.Store(new(funcCache))
		ix.gen.Add(1)
		return
	}
	at := len(ix.scripts)
	if first := ix.firstNamed(s.Name); first >= 0 {
		at = first
	}
	ix.scripts = slices.Insert(slices.Clone(ix.scripts), at, s)
	ix.keys = slices.Insert(slices.Clone(ix.keys), at, key)
	ix.byKey[key] = s
	ix.forgetOthers(s)
	ix.gen.Add(1)
}

// Touch moves the script added under key ahead of the other scripts of
// its name, if it is not there already: its source is the one being run.
func (ix *Index) Touch(key string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	s := ix.byKey[key]
	if s == nil {
		return
	}
	at, first := slices.Index(ix.keys, key), ix.firstNamed(s.Name)
	if first == at {
		return
	}
	scripts, keys := slices.Clone(ix.scripts), slices.Clone(ix.keys)
	copy(scripts[first+1:at+1], ix.scripts[first:at])
	copy(keys[first+1:at+1], ix.keys[first:at])
	scripts[first], keys[first] = s, key
	ix.scripts, ix.keys = scripts, keys
	ix.forgetOthers(s)
}

// firstNamed is the position of the first script named name, or -1.
// ix.mu is held.
func (ix *Index) firstNamed(name string) int {
	return slices.IndexFunc(ix.scripts, func(s *Script) bool { return s.Name == name })
}

// forgetOthers drops the cached Funcs of texts s holds that were found in
// another script: s now comes first for them. ix.mu is held.
func (ix *Index) forgetOthers(s *Script) {
	cache := ix.cache.Load()
	for text := range s.lits {
		if v, ok := cache.m.Load(text); ok {
			if site := v.(*cached).f.Site; site != nil && site.script != s {
				if _, deleted := cache.m.LoadAndDelete(text); deleted {
					cache.n.Add(-1)
				}
			}
		}
	}
}

// Remove forgets the script added under key, if any, and the cached
// Funcs found in it. The others stay: where a text is first written among
// the scripts left does not change.
func (ix *Index) Remove(key string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	gone := ix.byKey[key]
	if gone == nil {
		return
	}
	delete(ix.byKey, key)
	scripts := make([]*Script, 0, len(ix.scripts))
	keys := make([]string, 0, len(ix.keys))
	for i, s := range ix.scripts {
		if ix.keys[i] != key {
			scripts, keys = append(scripts, s), append(keys, ix.keys[i])
		}
	}
	ix.scripts, ix.keys = scripts, keys
	// A Func found in gone is for one of its texts: look those up rather
	// than range over the whole cache (up to cacheLimit texts, under the
	// lock, on every eviction of a host's Eval sources). So is a Func
	// found elsewhere that gone made ambiguous.
	cache := ix.cache.Load()
	for text := range gone.lits {
		if v, ok := cache.m.Load(text); ok {
			if f := v.(*cached).f; f.Site != nil && (f.Site.script == gone || f.Ambiguity != nil) {
				// A Func being computed now from the old scripts may store
				// it again: it then has a Site in a script no longer
				// searched, which is what it was a moment ago.
				if _, deleted := cache.m.LoadAndDelete(text); deleted {
					cache.n.Add(-1)
				}
			}
		}
	}
}

// Script returns the script added under key, or nil.
func (ix *Index) Script(key string) *Script {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.byKey[key]
}

// Func analyses a function text (goja's toString of a function value). The
// error says the text is not exactly one function, arrow, class or method
// literal. A cached result is returned as is unless it has no Site and
// scripts were added since, in which case it is computed again.
func (ix *Index) Func(src string) (*Func, error) {
	if v, ok := ix.cache.Load().m.Load(src); ok {
		c := v.(*cached)
		if c.f.Site != nil || c.gen == ix.gen.Load() {
			return c.f, nil
		}
	}
	ix.mu.RLock()
	scripts, gen, cache := ix.scripts, ix.gen.Load(), ix.cache.Load()
	ix.mu.RUnlock()

	pt, err := parseText(src)
	if err != nil {
		if pt = repairText(src, following(src, scripts)); pt == nil {
			return nil, err
		}
	}
	f := newFunc(src, pt, scripts)
	if _, loaded := cache.m.Swap(src, &cached{f: f, gen: gen}); !loaded && cache.n.Add(1) > cacheLimit {
		ix.mu.Lock()
		if ix.cache.Load() == cache {
			ix.cache.Store(new(funcCache))
		}
		ix.mu.Unlock()
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
