package cluster

import (
	"errors"
	"fmt"
	"strings"

	"github.com/nats-io/nats.go"
)

// Item is one pool item as a worker receives it.
type Item struct {
	ID   string // unique per submission; results are deduplicated by it
	Seed string // key of the pool's seed in the jsrun-seeds bucket
	Arg  []byte // the argument, in clone's wire form
	// Reply is the subject its result goes to: one per caller, so a
	// Runner that keeps runtimes between items can keep callers apart.
	Reply string
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

// validID, validSeed and validReply check an item's headers. They are
// loops, not regexps: Go compiles a{1,128} into 128 copies, and the
// regexps cost every jsrun process 250 KB and about 2 ms at start-up.
func validID(s string) bool { return validName(s, 128, "._-") }

func validSeed(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := range len(s) {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

func validReply(s string) bool {
	rest, ok := strings.CutPrefix(s, "jsrun.result.")
	return ok && validName(rest, 64, "_-")
}

// validName reports whether s is 1 to max ASCII letters, digits or bytes
// of extra.
func validName(s string, max int, extra string) bool {
	if len(s) == 0 || len(s) > max {
		return false
	}
	for i := range len(s) {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(extra, c) >= 0) {
			return false
		}
	}
	return true
}

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
	if !validReply(reply) {
		return it, "", fmt.Errorf("malformed item: header %s %q is not a result subject", hdrReply, reply)
	}
	it.ID = h.Get(hdrItem)
	if !validID(it.ID) {
		return it, reply, fmt.Errorf("malformed item: header %s %q is not an item id", hdrItem, it.ID)
	}
	it.Seed = h.Get(hdrSeed)
	if !validSeed(it.Seed) {
		return it, reply, fmt.Errorf("malformed item: header %s %q is not a seed key", hdrSeed, it.Seed)
	}
	it.Arg, it.Reply = data, reply
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
