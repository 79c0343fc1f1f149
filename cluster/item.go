package cluster

import (
	"errors"
	"fmt"
	"regexp"

	"github.com/nats-io/nats.go"
)

// Item is one pool item as a worker receives it.
type Item struct {
	ID   string // unique per submission; results are deduplicated by it
	Seed string // key of the pool's seed in the jsrun-seeds bucket
	Arg  []byte // the argument, in clone's wire form
}

// Status says how an item ended.
type Status string

const (
	// StatusOK: Data is the wire form of the value the function returned.
	StatusOK Status = "ok"
	// StatusThrown: Data is the wire form of the value it threw.
	StatusThrown Status = "thrown"
	// StatusFailed: the item could not run or did not finish (malformed,
	// timed out, out of memory, ...); Data is the message, UTF-8.
	StatusFailed Status = "failed"
)

// Result is what a worker reports of one item.
type Result struct {
	ID     string
	Status Status
	Data   []byte
}

// Failed is the Result of an item that failed with msg.
func Failed(id, msg string) Result { return Result{ID: id, Status: StatusFailed, Data: []byte(msg)} }

// ItemError is the error of a failed item.
type ItemError struct {
	ID      string
	Message string
}

func (e *ItemError) Error() string { return "cluster item " + e.ID + " failed: " + e.Message }

// Err returns an *ItemError for a failed result, else nil.
func (r Result) Err() error {
	if r.Status == StatusFailed {
		return &ItemError{ID: r.ID, Message: string(r.Data)}
	}
	return nil
}

var (
	idPattern    = regexp.MustCompile(`^[A-Za-z0-9._-]{1,128}$`)
	seedPattern  = regexp.MustCompile(`^[0-9a-f]{64}$`)
	replyPattern = regexp.MustCompile(`^jsrun\.result\.[A-Za-z0-9_-]{1,64}$`)
)

// itemMsg makes the message of an item whose result goes to reply.
func itemMsg(pool string, it Item, reply string) *nats.Msg {
	m := nats.NewMsg(poolSubject(pool))
	m.Header.Set(hdrItem, it.ID)
	m.Header.Set(hdrSeed, it.Seed)
	m.Header.Set(hdrReply, reply)
	m.Data = it.Arg
	return m
}

// parseItem reads an item from a message put on a work stream, by anyone:
// every header is checked. reply is "" when the message does not say
// where its result goes (then no one can be told it failed).
func parseItem(h nats.Header, data []byte) (it Item, reply string, err error) {
	reply = h.Get(hdrReply)
	if !replyPattern.MatchString(reply) {
		return it, "", fmt.Errorf("malformed item: header %s %q is not a result subject", hdrReply, reply)
	}
	it.ID = h.Get(hdrItem)
	if !idPattern.MatchString(it.ID) {
		return it, reply, fmt.Errorf("malformed item: header %s %q is not an item id", hdrItem, it.ID)
	}
	it.Seed = h.Get(hdrSeed)
	if !seedPattern.MatchString(it.Seed) {
		return it, reply, fmt.Errorf("malformed item: header %s %q is not a seed key", hdrSeed, it.Seed)
	}
	it.Arg = data
	return it, reply, nil
}

// resultMsg makes the message of a result.
func resultMsg(reply string, r Result) *nats.Msg {
	m := nats.NewMsg(reply)
	m.Header.Set(hdrItem, r.ID)
	m.Header.Set(hdrStatus, string(r.Status))
	m.Data = r.Data
	return m
}

var errBadResult = errors.New("malformed result")

// parseResult reads a result message.
func parseResult(h nats.Header, data []byte) (Result, error) {
	r := Result{ID: h.Get(hdrItem), Status: Status(h.Get(hdrStatus)), Data: data}
	switch r.Status {
	case StatusOK, StatusThrown, StatusFailed:
	default:
		return r, errBadResult
	}
	if r.ID == "" {
		return r, errBadResult
	}
	return r, nil
}
