package engine

// A thread's threads outlive it, as goroutines outlive the goroutine that
// started them: every thread's context derives from the evaluation's, so
// that a thread's end cancels nothing but itself. What an explicit cancel()
// reaches is kept here instead: the running threads each thread started.
// A thread that ends hands those still running to its own parent, so that
// the tree holds only running threads and a cancel of an ancestor still
// reaches them. Threads started by the main runtime or a Pool worker are
// not in it: only the evaluation's end cancels those from above.

// adopt records t, not yet started, as started by parent, a thread. If a
// cancel has reached parent already, t is cancelled at once.
func (g *Group) adopt(parent, t *thread) {
	t.nested = true
	g.tree.Lock()
	t.parent = parent
	if parent.children == nil {
		parent.children = map[*thread]struct{}{}
	}
	parent.children[t] = struct{}{}
	cause := parent.stopped
	g.tree.Unlock()
	if cause != nil {
		t.cancel(cause)
	}
}

// orphan takes t, whose goroutine has finished, out of the tree: the
// threads it started that still run become its parent's. It runs on t's
// goroutine, the only one that makes t a parent, so the unlocked test is
// safe: children non-nil is never set back to nil but here.
func (g *Group) orphan(t *thread) {
	if !t.nested && t.children == nil {
		return
	}
	g.tree.Lock()
	p := t.parent
	for c := range t.children {
		c.parent = p
		if p != nil {
			p.children[c] = struct{}{}
		}
	}
	if p != nil {
		delete(p.children, t)
	}
	t.parent, t.children = nil, nil
	g.tree.Unlock()
}

// cancelTree ends the contexts of t and of every running thread it
// started, transitively, with cause. A thread started under one of them
// from now on is cancelled at once (see adopt). The contexts are all ended
// before it returns, so the deadlock detector sees at once that each of
// those runtimes is waking.
func (g *Group) cancelTree(t *thread, cause error) {
	g.tree.Lock()
	reached := []*thread{t}
	for i := 0; i < len(reached); i++ {
		x := reached[i]
		if x.stopped == nil {
			x.stopped = cause
		}
		for c := range x.children {
			reached = append(reached, c)
		}
	}
	g.tree.Unlock()
	for _, x := range reached {
		x.cancel(cause)
	}
}
