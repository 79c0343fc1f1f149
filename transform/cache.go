package transform

import (
	"container/list"
	"sync"
)

// Cache keeps transforms by file path, content and package type, in
// memory, up to a number of bytes (of source and code together); the
// least recently used go first. It is safe for concurrent use. Results
// are shared: callers must not change them.
type Cache struct {
	max int

	mu    sync.Mutex
	size  int
	order *list.List // of *entry, most recent first
	byKey map[key]*list.Element
}

type key struct {
	path, src string
	scope     scope
}

type entry struct {
	key key
	res *Result
	err error
}

// DefaultCacheBytes is the bound of NewCache(0): 64 MiB.
const DefaultCacheBytes = 64 << 20

// NewCache makes a cache that holds up to maxBytes (DefaultCacheBytes
// when maxBytes <= 0).
func NewCache(maxBytes int) *Cache {
	if maxBytes <= 0 {
		maxBytes = DefaultCacheBytes
	}
	return &Cache{max: maxBytes, order: list.New(), byKey: map[key]*list.Element{}}
}

// Transform is the package's Transform, cached. Its package.json files
// are read each time (they decide the key); a file's SyntaxError is kept
// as its result is.
func (c *Cache) Transform(path, src string, readFile ReadFile) (*Result, error) {
	sc, err := scopeOf(path, readFile)
	if err != nil {
		return nil, err
	}
	k := key{path, src, sc}
	c.mu.Lock()
	if el, ok := c.byKey[k]; ok {
		c.order.MoveToFront(el)
		e := el.Value.(*entry)
		c.mu.Unlock()
		return e.res, e.err
	}
	c.mu.Unlock()
	res, err := transformScoped(path, src, sc)
	if _, syntax := err.(*SyntaxError); err != nil && !syntax {
		return nil, err
	}
	c.add(&entry{k, res, err})
	return res, err
}

func (e *entry) bytes() int {
	n := len(e.key.path) + len(e.key.src)
	if e.res != nil && !e.res.Plain {
		n += len(e.res.Code) + 32*len(e.res.Map.segs)
	}
	return n
}

func (c *Cache) add(e *entry) {
	n := e.bytes()
	if n > c.max {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[e.key]; ok {
		return // another caller got here first
	}
	c.byKey[e.key] = c.order.PushFront(e)
	c.size += n
	for c.size > c.max {
		old := c.order.Back()
		oe := old.Value.(*entry)
		c.order.Remove(old)
		delete(c.byKey, oe.key)
		c.size -= oe.bytes()
	}
}

// Len is the number of results held.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
