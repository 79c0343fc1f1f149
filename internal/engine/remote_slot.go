package engine

// A cluster worker's slot: one runtime, seeded once, that runs item after
// item of one seed, as a local Pool's worker runs its items. Making and
// seeding a runtime per item was most of what an item cost a worker.

import (
	"context"
	"errors"
	"fmt"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
)

// ItemSlot runs cluster items of one seed, one at a time, on one runtime
// of an evaluation of its own: the isolation a local Pool's worker gives
// (items run one after another on it see the globals earlier ones left;
// nothing else does). An item that ends the evaluation (cancelled, timed
// out, out of memory, process.exit, a Promise that never settles) ends
// the slot: Run says so, and the caller makes a new one.
type ItemSlot struct {
	env   *Env
	items chan *slotItem
	stop  context.CancelCauseFunc
	done  chan struct{} // closed when the evaluation has returned
	err   error         // its error, once done is closed
}

// slotItem is one item handed to the slot's runtime; done is closed once
// status and data are set.
type slotItem struct {
	arg    *clone.Snapshot
	status string
	data   []byte
	done   chan struct{}
}

func (it *slotItem) report(status string, data []byte) {
	select {
	case <-it.done:
		return // once: a Promise settled after the item reported
	default:
	}
	it.status, it.data = status, data
	close(it.done)
}

// errSlotClosed ends a slot its owner closed.
var errSlotClosed = errors.New("cluster item slot closed")

// NewItemSlot starts a slot for the seed seedData under ctx (the Env's
// configuration: limits and sandbox, the host's globals on demand). It
// fails, without starting anything, when the seed is malformed. Close it
// when done.
func (e *Env) NewItemSlot(ctx context.Context, seedKey string, seedData []byte) (*ItemSlot, error) {
	s, err := e.remoteSeed(seedKey, seedData)
	if err != nil {
		return nil, err
	}
	script, err := e.Script(ctx, "cluster item", "")
	if err != nil {
		return nil, err
	}
	ctx, stop := context.WithCancelCause(ctx)
	sl := &ItemSlot{env: e, items: make(chan *slotItem), stop: stop, done: make(chan struct{})}
	go func() {
		defer close(sl.done)
		// A thread's runtime, globals on demand: the item's functions
		// name the ones they need.
		_, sl.err = e.eval(ctx, script, func(r *Runtime, _ goja.Value) (goja.Value, error) {
			fn, _, err := s.plant(r, false)
			if err != nil {
				return nil, err
			}
			sl.next(r, fn)
			return nil, nil
		}, false)
		stop(nil)
	}()
	return sl, nil
}

// Done is closed when the slot has ended (Close, an item that ended it,
// or its Env closing).
func (sl *ItemSlot) Done() <-chan struct{} { return sl.done }

// Close ends the slot and waits for its evaluation to return.
func (sl *ItemSlot) Close() {
	sl.stop(errSlotClosed)
	<-sl.done
}

// Run runs one item, its argument in clone's wire form, and returns its
// outcome (a Remote constant) and data. alive false: the slot ended with
// this item (see ItemSlot) or before it; then ran says whether the item
// started, and one that did not may run on a new slot. ctx's end stops
// the item, and the slot with it. Run never panics: a malformed argument,
// a throw or a limit is an outcome like any other.
func (sl *ItemSlot) Run(ctx context.Context, arg []byte) (status string, data []byte, alive, ran bool) {
	snap, err := clone.DecodeWire(arg, wireFuncs{sl.env})
	if err != nil {
		return RemoteFailed, []byte("malformed argument: " + err.Error()), true, true
	}
	it := &slotItem{arg: snap, done: make(chan struct{})}
	select {
	case sl.items <- it:
	case <-sl.done:
		return "", nil, false, false
	case <-ctx.Done():
		return RemoteFailed, []byte(context.Cause(ctx).Error()), true, false
	}
	select {
	case <-it.done:
		return it.status, it.data, true, true
	case <-sl.done:
	case <-ctx.Done():
		sl.stop(context.Cause(ctx))
		<-sl.done
	}
	select {
	case <-it.done: // it reported as its slot ended
		return it.status, it.data, false, true
	default:
	}
	if err := sl.err; err != nil && !errors.Is(err, errSlotClosed) {
		return RemoteFailed, []byte(err.Error()), false, true
	}
	if ctx.Err() != nil {
		return RemoteFailed, []byte(context.Cause(ctx).Error()), false, true
	}
	return RemoteFailed, []byte("workerFn's Promise never settled"), false, true
}

// next runs items on r until one returns a pending Promise (then it goes
// on when that settles) or the slot ends. It blocks r's loop while it
// waits for an item, as a local Pool's worker does.
func (sl *ItemSlot) next(r *Runtime, fn goja.Callable) {
	for {
		var it *slotItem
		select {
		case it = <-sl.items:
		case <-r.ctx.Done():
			return
		}
		if !sl.runOne(r, fn, it) {
			return
		}
	}
}

// runOne calls fn with the item's argument; false when it returned a
// pending Promise, whose settling reports it and resumes next.
func (sl *ItemSlot) runOne(r *Runtime, fn goja.Callable, it *slotItem) bool {
	a, err := it.arg.RestoreValue(r.RT, r.lib.codec)
	var ret goja.Value
	if err == nil {
		ret, err = fn(goja.Undefined(), a)
	}
	var ex *goja.Exception
	switch {
	case errors.As(err, &ex):
		finishItem(r, it, ex.Value(), true)
		return true
	case err != nil:
		if r.ctx.Err() == nil {
			it.report(RemoteFailed, []byte(err.Error()))
		}
		return r.ctx.Err() == nil
	}
	obj, pr := asPromise(ret)
	if pr == nil {
		finishItem(r, it, ret, false)
		return true
	}
	then, _ := goja.AssertFunction(obj.Get("then"))
	if then == nil {
		it.report(RemoteFailed, []byte("the returned Promise has no then"))
		return true
	}
	settled := func(v goja.Value, thrown bool) {
		finishItem(r, it, v, thrown)
		sl.next(r, fn)
	}
	if _, err := then(obj,
		r.RT.ToValue(func(c goja.FunctionCall) goja.Value { settled(c.Argument(0), false); return nil }),
		r.RT.ToValue(func(c goja.FunctionCall) goja.Value { settled(c.Argument(0), true); return nil })); err != nil {
		it.report(RemoteFailed, []byte(fmt.Sprintf("the returned Promise: %v", err)))
		return true
	}
	return false
}

// finishItem reports the value an item returned or threw, in the wire
// form.
func finishItem(r *Runtime, it *slotItem, v goja.Value, thrown bool) {
	var snap *clone.Snapshot
	var err error
	if thrown {
		snap, err = r.lib.snapshotThrown(v)
	} else {
		snap, err = clone.SnapshotValue(r.RT, v, "result", r.lib.cloneOptions(false))
	}
	if err == nil {
		var d []byte
		if d, err = snap.AppendWire(nil, nil); err == nil {
			st := RemoteOK
			if thrown {
				st = RemoteThrown
			}
			it.report(st, d)
			return
		}
	}
	it.report(RemoteFailed, []byte("its result cannot cross machines: "+err.Error()))
}
