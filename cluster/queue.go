package cluster

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// A cluster Queue "q" is the stream JSRUN_QUEUE_q (subject jsrun.queue.q,
// work-queue retention, file storage, MaxMsgs the Queue's bound with
// DiscardNew) and its durable consumer "getters". Closing it moves the
// stream to the subject jsrun.queueclosed.q, so that every later put, from
// any machine, finds no stream, and marks it closed in the stream's
// metadata; a core NATS notice on jsrun.queuenotice.q wakes the gets
// blocked on other machines.
const (
	queueStreamPre    = "JSRUN_QUEUE_"
	queueSubjPre      = "jsrun.queue."
	queueClosedSubj   = "jsrun.queueclosed."
	queueNoticePre    = "jsrun.queuenotice."
	queueGetters      = "getters"
	queueClosedMeta   = "jsrun-closed"
	queueAckWait      = 10 * time.Second
	queueFetchChunk   = time.Second            // a blocked get re-checks the queue's state this often
	queuePutPollFirst = time.Millisecond       // a put on a full queue retries after this,
	queuePutPollMax   = 50 * time.Millisecond  // doubling up to this
	queueRequestLimit = 5 * time.Second        // one request to the server
	queueDrainPoll    = 10 * time.Millisecond  // a get blocked across a close looks whether the rest is drained
	queueSignalPoll   = 100 * time.Microsecond // a get that does not wait looks again for an item the server has not yet passed to getters,
	queueSignalLimit  = 40 * time.Millisecond  // for up to this
)

// ErrQueueClosed is the error of a put on a closed cluster Queue, and of a
// get on one that is closed and drained.
var ErrQueueClosed = errors.New("cluster: the queue is closed")

// CheckQueueName says why name cannot name a cluster Queue, or nil.
func CheckQueueName(name string) error {
	if !validName(name, 64, "_-") {
		return fmt.Errorf("cluster Queue name %q must be 1 to 64 letters, digits, '_' or '-'", name)
	}
	return nil
}

// Queue is a FIFO of byte strings (values in clone's wire form) that any
// machine naming it shares: threads.Queue(n, {cluster: "name"}).
//
// Guarantees: an item put is on the server (file store) once Put returns,
// and is delivered at least once: a get acknowledges its item only when
// its caller keeps it, so an item fetched by a get that dies first is
// delivered again (at once if the get gave it back, after AckWait, 10 s,
// if its process died). Items come out in the order they went in, except
// for those delivered again. Put blocks while the queue holds its bound
// (MaxMsgs, counting items fetched but not yet acknowledged), polling the
// server, 1 to 50 ms apart. Close is seen by every machine: puts fail at
// once (on the server), and gets drain what is left, then fail. A get
// ended by its ctx's cancellation (not its deadline, which the server's
// side of the wait shares) just as an item is on its way to it leaves
// that item to be delivered again after AckWait.
//
// Costs, in round trips to the server: Put 1 (more while the queue is
// full); Get 1 when an item is waiting, and its ack(true) 1 more (awaited);
// while a Get waits, one more a second to check the queue's state; a Get
// that finds the queue empty without waiting 2; Size and Closed 1; Close
// 2, and a notice.
type Queue struct {
	c      *Client
	name   string
	stream jetstream.Stream
	cons   jetstream.Consumer
	// closedHint is set when this handle has seen the queue closed (its
	// own close, a notice, or the server's state): gets then check the
	// state before they wait. It is a hint; the server's state decides.
	mu         sync.Mutex
	closedHint bool
	notice     chan struct{} // closed, and replaced, by each close notice
}

// queueSet is a client's open Queues, by name, and its subscription to
// their close notices.
type queueSet struct {
	mu     sync.Mutex
	m      map[string]*Queue
	sub    *nats.Subscription
	closed bool
}

// Queue opens the cluster Queue name, made with the bound max (0: none)
// if it does not exist yet; an existing one keeps its bound. A queue that
// is closed and drained is opened anew (with max), so that a name can be
// used again; one closed with items left stays closed until they are
// taken. The same name opened twice by one client is one Queue.
func (c *Client) Queue(ctx context.Context, name string, max int) (*Queue, error) {
	if err := CheckQueueName(name); err != nil {
		return nil, err
	}
	if max < 0 {
		return nil, fmt.Errorf("cluster: Queue %q: a negative bound %d", name, max)
	}
	qs := &c.queues
	qs.mu.Lock()
	defer qs.mu.Unlock()
	if qs.closed {
		return nil, ErrClosed
	}
	if q := qs.m[name]; q != nil {
		if err := q.reopen(ctx, max); err != nil {
			return nil, err
		}
		return q, nil
	}
	if qs.sub == nil {
		sub, err := c.nc.Subscribe(queueNoticePre+"*", func(m *nats.Msg) {
			qs.mu.Lock()
			q := qs.m[strings.TrimPrefix(m.Subject, queueNoticePre)]
			qs.mu.Unlock()
			if q != nil {
				q.sawClose()
			}
		})
		if err != nil {
			return nil, fmt.Errorf("cluster: Queue notices: %w", err)
		}
		qs.sub = sub
	}
	q := &Queue{c: c, name: name, notice: make(chan struct{})}
	if err := q.open(ctx, max); err != nil {
		return nil, err
	}
	if qs.m == nil {
		qs.m = map[string]*Queue{}
	}
	qs.m[name] = q
	return q, nil
}

// close ends the notice subscription (Client.Close).
func (qs *queueSet) close() {
	qs.mu.Lock()
	defer qs.mu.Unlock()
	qs.closed = true
	if qs.sub != nil {
		_ = qs.sub.Unsubscribe()
		qs.sub = nil
	}
}

func (q *Queue) config(max int) jetstream.StreamConfig {
	limit := int64(max)
	if max == 0 {
		limit = -1
	}
	return jetstream.StreamConfig{
		Name:      queueStreamPre + q.name,
		Subjects:  []string{queueSubjPre + q.name},
		Retention: jetstream.WorkQueuePolicy,
		MaxMsgs:   limit,
		Discard:   jetstream.DiscardNew,
		Storage:   jetstream.FileStorage,
	}
}

// open joins the queue's stream, making it (or making a closed, drained
// one anew), and its getters' consumer.
func (q *Queue) open(ctx context.Context, max int) error {
	js := q.c.js
	st, err := js.Stream(ctx, queueStreamPre+q.name)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		st, err = js.CreateStream(ctx, q.config(max))
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			st, err = js.Stream(ctx, queueStreamPre+q.name) // another machine made it first
		}
	}
	if err != nil {
		return fmt.Errorf("cluster: Queue %q: %w", q.name, err)
	}
	q.stream = st
	if err := q.reopen(ctx, max); err != nil {
		return err
	}
	q.cons, err = st.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:   queueGetters,
		AckPolicy: jetstream.AckExplicitPolicy,
		AckWait:   queueAckWait,
	})
	if err != nil {
		return fmt.Errorf("cluster: Queue %q: getters: %w", q.name, err)
	}
	return nil
}

// reopen makes the queue anew with the bound max if it is closed and
// drained.
func (q *Queue) reopen(ctx context.Context, max int) error {
	info, err := q.stream.Info(ctx)
	if err != nil {
		return fmt.Errorf("cluster: Queue %q: %w", q.name, err)
	}
	if !isClosed(info) || info.State.Msgs != 0 {
		q.setHint(isClosed(info))
		return nil
	}
	if _, err := q.c.js.UpdateStream(ctx, q.config(max)); err != nil {
		return fmt.Errorf("cluster: Queue %q: open anew: %w", q.name, err)
	}
	q.setHint(false)
	return nil
}

func isClosed(info *jetstream.StreamInfo) bool {
	return info.Config.Metadata[queueClosedMeta] != ""
}

func (q *Queue) setHint(closed bool) {
	q.mu.Lock()
	q.closedHint = closed
	q.mu.Unlock()
}

// sawClose wakes the gets of this handle: the queue was closed.
func (q *Queue) sawClose() {
	q.mu.Lock()
	q.closedHint = true
	close(q.notice)
	q.notice = make(chan struct{})
	q.mu.Unlock()
}

// Name is the queue's name.
func (q *Queue) Name() string { return q.name }

// Put adds item. When the queue is full, wait false returns false at
// once, and wait true retries until there is room or ctx ends (its
// error). A closed queue is ErrQueueClosed. The publish itself is not cut
// short by ctx: a put that fails did not put.
func (q *Queue) Put(ctx context.Context, item []byte, wait bool) (bool, error) {
	delay := queuePutPollFirst
	for {
		pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), queueRequestLimit)
		_, err := q.c.js.Publish(pctx, queueSubjPre+q.name, item, jetstream.WithRetryAttempts(0))
		cancel()
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, jetstream.ErrNoStreamResponse):
			// No stream takes the subject: closed, or a blip of the
			// server's, after which the put is tried again.
			closed, _, serr := q.state(ctx)
			if serr == nil && closed {
				return false, ErrQueueClosed
			}
		case isFull(err):
			if !wait {
				return false, nil
			}
		default:
			return false, fmt.Errorf("cluster: put on Queue %q: %w", q.name, err)
		}
		select {
		case <-ctx.Done():
			return false, context.Cause(ctx)
		case <-time.After(delay):
		}
		delay = min(2*delay, queuePutPollMax)
	}
}

// isFull reports whether err is the server's refusal of a message past
// the stream's MaxMsgs.
func isFull(err error) bool {
	var api *jetstream.APIError
	return errors.As(err, &api) && strings.Contains(api.Description, "maximum messages")
}

// Get takes the first item. When the queue is empty, wait false returns
// a nil item at once, and wait true waits until an item comes or ctx ends
// (its error). A queue closed and drained is ErrQueueClosed. The item is
// the caller's once it calls ack(true); ack(false) gives it back, to be
// delivered again at once. An item never acknowledged either way is
// delivered again after AckWait.
func (q *Queue) Get(ctx context.Context, wait bool) (item []byte, ack func(keep bool), err error) {
	for {
		q.mu.Lock()
		hint, notice := q.closedHint, q.notice
		q.mu.Unlock()
		var m jetstream.Msg
		if !wait || hint || ctx.Err() != nil {
			m, err = q.fetchNow()
		} else {
			m, err = q.fetchWait(ctx, notice)
		}
		if err != nil {
			return nil, nil, err
		}
		if m != nil {
			return q.take(m)
		}
		if ctx.Err() != nil {
			return nil, nil, context.Cause(ctx)
		}
		closed, n, err := q.state(ctx)
		switch {
		case err != nil:
			return nil, nil, err
		case closed && n == 0:
			return nil, nil, ErrQueueClosed
		case !wait && n == 0:
			return nil, nil, nil
		case !wait:
			m, err := q.fetchSignalled(ctx, n)
			if err != nil || m == nil {
				return nil, nil, err
			}
			return q.take(m)
		}
		// Open, or closed with items held by gets that may give them
		// back: wait for them.
		q.setHint(false)
	}
}

// take hands m to the caller with its ack.
func (q *Queue) take(m jetstream.Msg) ([]byte, func(keep bool), error) {
	return m.Data(), func(keep bool) {
		if !keep {
			_ = m.Nak()
			return
		}
		// Awaited, so that once the script has the item it is off the
		// server: Size, the bound, and opening a drained queue anew
		// count it gone. An ack that fails leaves the item to be
		// delivered again (at least once).
		actx, cancel := context.WithTimeout(context.Background(), queueRequestLimit)
		_ = m.DoubleAck(actx)
		cancel()
	}, nil
}

// fetchSignalled takes an item the stream holds (n of them) that the
// getters' consumer has not been told of yet. The server acknowledges a
// put before it tells consumers, so a get that does not wait can find
// the consumer empty just after a put another machine saw succeed. When
// the stream holds more items than gets have out, one is on its way to
// the consumer: look again for a short while. Nil when all n are out
// with other gets.
func (q *Queue) fetchSignalled(ctx context.Context, n uint64) (jetstream.Msg, error) {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), queueRequestLimit)
	info, err := q.cons.Info(rctx)
	cancel()
	if err != nil {
		return nil, fmt.Errorf("cluster: get from Queue %q: %w", q.name, err)
	}
	if n <= uint64(info.NumAckPending) {
		return nil, nil
	}
	delay := queueSignalPoll
	for end := time.Now().Add(queueSignalLimit); ; {
		m, err := q.fetchNow()
		if m != nil || err != nil || time.Now().After(end) {
			return m, err
		}
		select {
		case <-ctx.Done():
			return nil, context.Cause(ctx)
		case <-time.After(delay):
		}
		delay = min(2*delay, queueSignalLimit/4)
	}
}

// fetchNow takes an item waiting now, or nil.
func (q *Queue) fetchNow() (jetstream.Msg, error) {
	b, err := q.cons.FetchNoWait(1)
	if err != nil {
		return nil, fmt.Errorf("cluster: get from Queue %q: %w", q.name, err)
	}
	return first(b)
}

// fetchWait waits for an item for up to queueFetchChunk, less if ctx ends
// or a close notice comes and the queue is empty; nil when none came.
func (q *Queue) fetchWait(ctx context.Context, notice <-chan struct{}) (jetstream.Msg, error) {
	cctx, cancel := context.WithTimeout(ctx, queueFetchChunk)
	defer cancel()
	go func() {
		select {
		case <-notice:
			// Stop waiting only once nothing can come any more (closed
			// and empty): a fetch cut short while the server sends it an
			// item drops the item, which then waits out AckWait. Until
			// then the others drain the queue: look again every
			// queueDrainPoll.
			for {
				closed, n, err := q.state(cctx)
				if err != nil || !closed {
					return
				}
				if n == 0 {
					cancel()
					return
				}
				select {
				case <-cctx.Done():
					return
				case <-time.After(queueDrainPoll):
				}
			}
		case <-cctx.Done():
		}
	}()
	b, err := q.cons.Fetch(1, jetstream.FetchContext(cctx))
	if err != nil {
		if dl, _ := cctx.Deadline(); cctx.Err() != nil || time.Until(dl) <= 0 {
			// Past its deadline (FetchContext refuses one already
			// past, before cctx's timer may have fired): one last
			// look, without waiting.
			m, err := q.fetchNow()
			if m == nil && err == nil {
				<-cctx.Done()
			}
			return m, err
		}
		return nil, fmt.Errorf("cluster: get from Queue %q: %w", q.name, err)
	}
	return first(b)
}

// first is the batch's message, or nil; a batch ended by its context or
// expiry is no error.
func first(b jetstream.MessageBatch) (jetstream.Msg, error) {
	var m jetstream.Msg
	for msg := range b.Messages() {
		m = msg
	}
	if m != nil {
		return m, nil
	}
	err := b.Error()
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, nats.ErrTimeout) || errors.Is(err, jetstream.ErrNoMessages) {
		return nil, nil
	}
	return nil, fmt.Errorf("cluster: get from Queue: %w", err)
}

// state reads whether the queue is closed and how many items it holds
// (those fetched but not yet acknowledged too).
func (q *Queue) state(ctx context.Context) (closed bool, n uint64, err error) {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), queueRequestLimit)
	defer cancel()
	info, err := q.stream.Info(rctx)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return true, 0, nil // deleted on the server: as closed as can be
	}
	if err != nil {
		return false, 0, fmt.Errorf("cluster: Queue %q: %w", q.name, err)
	}
	return isClosed(info), info.State.Msgs, nil
}

// Size is the number of items the queue holds, those fetched by gets but
// not yet acknowledged included.
func (q *Queue) Size(ctx context.Context) (int, error) {
	_, n, err := q.state(ctx)
	return int(n), err
}

// Closed reports whether the queue is closed.
func (q *Queue) Closed(ctx context.Context) (bool, error) {
	closed, _, err := q.state(ctx)
	return closed, err
}

// Close closes the queue for every machine: puts fail from now on, gets
// take what is left, then fail. Closing a closed queue does nothing.
func (q *Queue) Close(ctx context.Context) error {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), queueRequestLimit)
	defer cancel()
	info, err := q.stream.Info(rctx)
	if err != nil {
		return fmt.Errorf("cluster: close Queue %q: %w", q.name, err)
	}
	if !isClosed(info) {
		cfg := info.Config
		cfg.Subjects = []string{queueClosedSubj + q.name}
		cfg.Metadata = maps.Clone(cfg.Metadata)
		if cfg.Metadata == nil {
			cfg.Metadata = map[string]string{}
		}
		cfg.Metadata[queueClosedMeta] = "true"
		if _, err := q.c.js.UpdateStream(rctx, cfg); err != nil {
			return fmt.Errorf("cluster: close Queue %q: %w", q.name, err)
		}
	}
	q.sawClose()
	if err := q.c.nc.Publish(queueNoticePre+q.name, nil); err != nil {
		return fmt.Errorf("cluster: close Queue %q: notice: %w", q.name, err)
	}
	return nil
}
