package engine

// threads.Queue(n, {cluster: "name"}): a Queue whose items live on the
// cluster (the host opens it: Config.Remote), in clone's wire form. Its
// methods wait on the network, not on a fifo: a runtime blocked in one
// counts as running for the deadlock detector, since another machine may
// put or get at any time.

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// ErrRemoteQueueClosed is a RemoteQueue's error for a put on a closed
// queue and a get on a closed, drained one.
var ErrRemoteQueueClosed = errors.New("the queue is closed")

// RemoteQueue is a cluster Queue. Items are clone's wire form.
type RemoteQueue interface {
	// Put adds item. On a full queue, wait false returns false at once
	// and wait true waits for room until ctx ends (with its error).
	Put(ctx context.Context, item []byte, wait bool) (bool, error)
	// Get takes the first item. On an empty queue, wait false returns a
	// nil ack at once and wait true waits until ctx ends. The item is
	// the caller's once it calls ack(true); ack(false) gives it back.
	Get(ctx context.Context, wait bool) (item []byte, ack func(keep bool), err error)
	Size(ctx context.Context) (int, error)
	Closed(ctx context.Context) (bool, error)
	Close(ctx context.Context) error
}

// errRemoteTimeout and errRemoteAborted are the causes that end a remote
// wait for its {timeout} and its {signal}.
var (
	errRemoteTimeout = errors.New("timed out")
	errRemoteAborted = errors.New("aborted")
)

// validClusterName is the rule the cluster gives names (cluster's
// CheckQueueName checks it again): checked here so that a script gets a
// TypeError naming the option.
func validClusterName(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// openRemoteQueue makes q a cluster Queue when opts names one.
func (lib *library) openRemoteQueue(q *Queue, max int64, opts goja.Value) {
	obj, ok := opts.(*goja.Object)
	if !ok || jsutil.TypeOf(opts) != "object" {
		if opts != nil && !goja.IsUndefined(opts) && !goja.IsNull(opts) {
			lib.typeError("threads.Queue: argument 'options' must be an object like {cluster: name}, got %s", jsutil.TypeOf(opts))
		}
		return
	}
	c := obj.Get("cluster")
	if c == nil || goja.IsUndefined(c) {
		return
	}
	if !goja.IsString(c) || !validClusterName(c.String()) {
		lib.typeError("threads.Queue: option 'cluster' must be a name of 1 to 64 letters, digits, '_' or '-', got %s", lib.describe(c))
	}
	name := c.String()
	g := lib.r.group
	if g.env.cfg.Remote == nil {
		lib.throwFault(&Fault{Name: "Error", Message: fmt.Sprintf(
			"threads.Queue: option 'cluster' names Queue %q, but no cluster is configured (host.WithNATS, or jsrun --nats URL)", name)})
	}
	rq, err := g.env.cfg.Remote.OpenQueue(lib.r.ctx, name, int(max))
	if err != nil {
		lib.throwFault(&Fault{Name: "Error", Message: "threads.Queue: cluster Queue " + name + ": " + err.Error()})
	}
	q.remote, q.name = rq, name
}

// describe is v for an error message: a string quoted, else its type.
func (lib *library) describe(v goja.Value) string {
	if goja.IsString(v) {
		return fmt.Sprintf("%q", v.String())
	}
	return jsutil.TypeOf(v)
}

// remoteWait is the context of one remote wait: it ends with the runtime,
// at its timeout (0: none; a deadline, so that the server's side of the
// wait expires with it), or when stop closes. Call release when done.
func (lib *library) remoteWait(timeout time.Duration, stop <-chan struct{}) (ctx context.Context, release func()) {
	ctx = lib.r.ctx
	var cancelT context.CancelFunc = func() {}
	if timeout > 0 {
		ctx, cancelT = context.WithDeadlineCause(ctx, time.Now().Add(timeout), errRemoteTimeout)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	if stop != nil {
		go func() {
			select {
			case <-stop:
				cancel(errRemoteAborted)
			case <-ctx.Done():
			}
		}()
	}
	return ctx, func() {
		cancel(nil)
		cancelT()
	}
}

// remoteFault is the error of a remote Queue operation that failed.
func (q *Queue) remoteFault(lib *library, ctx context.Context, err error, label string) *Fault {
	switch {
	case errors.Is(err, ErrRemoteQueueClosed):
		return &Fault{Name: QueueClosedError, Message: label + ": the queue is closed"}
	case lib.r.ctx.Err() != nil:
		return cancelFault(lib.r.ctx, label)
	case ctx != nil && context.Cause(ctx) == errRemoteTimeout:
		return &Fault{Name: TimeoutError, Message: label + ": timed out"}
	}
	return &Fault{Name: "Error", Message: label + ": cluster Queue " + q.name + ": " + err.Error()}
}

// failRemote throws the error of a remote Queue operation; a wait that
// its {signal} ended throws the signal's reason.
func (q *Queue) failRemote(lib *library, ctx context.Context, err error, label string, a *abortWatch) {
	if ctx != nil && context.Cause(ctx) == errRemoteAborted && lib.r.ctx.Err() == nil && !errors.Is(err, ErrRemoteQueueClosed) {
		lib.throwAborted(a)
	}
	lib.throwFault(q.remoteFault(lib, ctx, err, label))
}

// wire is v's snapshot in the wire form; what cannot cross machines
// throws a DataCloneError.
func (lib *library) wire(s *clone.Snapshot) []byte {
	data, err := s.AppendWire(nil, wireFuncs{lib.r.group.env})
	if err != nil {
		lib.throw(err)
	}
	return data
}

// unwire restores an item read from the cluster.
func (lib *library) unwire(q *Queue, data []byte, label string) (goja.Value, error) {
	snap, err := clone.DecodeWire(data, wireFuncs{lib.r.group.env})
	if err != nil {
		return nil, &Fault{Name: DataCloneError, Message: label + ": an item of cluster Queue " + q.name + " cannot be read: " + err.Error()}
	}
	return snap.RestoreValue(lib.r.RT, lib.codec)
}

// remotePut is put and tryPut on a cluster Queue.
func (q *Queue) remotePut(lib *library, c goja.FunctionCall, op *queueOp) fifoError {
	timeout := lib.timeoutOption(c.Argument(1), op.label)
	a := lib.signalOption(c.Argument(1), op.label)
	data := lib.wire(lib.snapshot(c.Argument(0), op.item))
	ctx, release := lib.remoteWait(timeout, a.stop())
	defer release()
	ok, err := q.remote.Put(ctx, data, op.block)
	if err != nil {
		q.failRemote(lib, ctx, err, op.label, a)
	}
	if !ok {
		return fifoFull
	}
	return fifoOK
}

// remoteGet is get and tryGet on a cluster Queue.
func (q *Queue) remoteGet(lib *library, c goja.FunctionCall, op *queueOp) (goja.Value, fifoError) {
	timeout := lib.timeoutOption(c.Argument(0), op.label)
	a := lib.signalOption(c.Argument(0), op.label)
	ctx, release := lib.remoteWait(timeout, a.stop())
	defer release()
	data, ack, err := q.remote.Get(ctx, op.block)
	if err != nil {
		q.failRemote(lib, ctx, err, op.label, a)
	}
	if ack == nil {
		return nil, fifoEmpty
	}
	// Taken for good before it is read: an item that cannot be read
	// would otherwise come back forever.
	ack(true)
	v, err := lib.unwire(q, data, op.label)
	if err != nil {
		lib.throw(err)
	}
	return v, fifoOK
}

// remotePutAsync is putAsync on a cluster Queue: the put waits on a
// goroutine of its own (Runtime.Go: it counts as running, since another
// machine may make room at any time).
func (q *Queue) remotePutAsync(lib *library, c goja.FunctionCall) goja.Value {
	const label = "Queue.putAsync"
	data := lib.wire(lib.snapshot(c.Argument(0), label+": argument 'item'"))
	return lib.remoteAsync(func(ctx context.Context) (func() (goja.Value, error), func()) {
		_, err := q.remote.Put(ctx, data, true)
		return func() (goja.Value, error) {
			if err != nil {
				return nil, q.remoteFault(lib, nil, err, label)
			}
			return goja.Undefined(), nil
		}, nil
	})
}

// remoteGetAsync is getAsync and the async iterator's next on a cluster
// Queue: done makes the result from the item, or from closed true once
// the queue is closed and drained. An item taken just as the runtime
// stops is given back.
func (q *Queue) remoteGetAsync(lib *library, label string, done func(v goja.Value, closed bool) (goja.Value, error)) goja.Value {
	return lib.remoteAsync(func(ctx context.Context) (func() (goja.Value, error), func()) {
		data, ack, err := q.remote.Get(ctx, true)
		var giveBack func()
		if err == nil {
			giveBack = func() { ack(false) }
		}
		return func() (goja.Value, error) {
			if errors.Is(err, ErrRemoteQueueClosed) {
				return done(nil, true)
			}
			if err != nil {
				return nil, q.remoteFault(lib, nil, err, label)
			}
			ack(true)
			v, err := lib.unwire(q, data, label)
			if err != nil {
				return nil, err
			}
			return done(v, false)
		}, giveBack
	})
}

// remoteAsync runs work on a goroutine (Runtime.Go) and settles the
// Promise it returns with what work's result makes on the loop. When the
// runtime stops first, that result is dropped and undo (if any) runs.
func (lib *library) remoteAsync(work func(ctx context.Context) (result func() (goja.Value, error), undo func())) goja.Value {
	rt := lib.r.RT
	p, resolve, reject := rt.NewPromise()
	lib.r.Go(func(ctx context.Context) func() error {
		result, undo := work(ctx)
		if ctx.Err() != nil {
			if undo != nil {
				undo()
			}
			return nil
		}
		return func() error {
			v, err := result()
			if err != nil {
				return reject(lib.errorValue(err))
			}
			return resolve(v)
		}
	})
	return rt.ToValue(p)
}

// remoteCall runs a Queue method that is one request to the server.
func remoteCall[T any](lib *library, q *Queue, label string, f func(context.Context) (T, error)) T {
	v, err := f(lib.r.ctx)
	if err != nil {
		q.failRemote(lib, nil, err, label, nil)
	}
	return v
}

// remoteNext is the next item of a cluster Queue's [Symbol.iterator], or
// closed true once the queue is closed and drained.
func (q *Queue) remoteNext(lib *library) (v goja.Value, closed bool) {
	const label = "Queue[Symbol.iterator]().next"
	data, ack, err := q.remote.Get(lib.r.ctx, true)
	if errors.Is(err, ErrRemoteQueueClosed) {
		return goja.Undefined(), true
	}
	if err != nil {
		q.failRemote(lib, nil, err, label, nil)
	}
	ack(true)
	v, err = lib.unwire(q, data, label)
	if err != nil {
		lib.throw(err)
	}
	return v, false
}
