package clone

import (
	"errors"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// DataCloneError reports a value that cannot be cloned (or a snapshot that
// cannot be restored). Error() reads like
// `args[0].items[3]: Symbol values cannot be cloned`: the path of the
// offending value inside what was cloned, then the reason.
type DataCloneError struct {
	Path   string // e.g. "args[0].items[3]"; "" when no value is at fault
	Reason string // e.g. "Symbol values cannot be cloned"
	err    error  // underlying error (from a Codec), for errors.Is/As
}

// Error returns "path: reason", or the reason alone when there is no path.
func (e *DataCloneError) Error() string {
	if e.Path == "" {
		return e.Reason
	}
	return e.Path + ": " + e.Reason
}

// Unwrap returns the Codec error this one wraps, if any.
func (e *DataCloneError) Unwrap() error { return e.err }

// codecError turns what a Codec returned into the error Snapshot or Restore
// returns: an exception unchanged; a DataCloneError unchanged, or copied
// with this path when it has none (the codec's value may be shared);
// anything else wrapped, so errors.Is and errors.As still reach it.
func codecError(err error, path func() string) error {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return err
	}
	if dce, ok := err.(*DataCloneError); ok {
		if dce.Path != "" {
			return err
		}
		c := *dce
		c.Path = path()
		return &c
	}
	return &DataCloneError{Path: path(), Reason: err.Error(), err: err}
}

// Paths longer than this many segments are elided in the middle: a failure
// a million levels deep should not produce a megabyte of message.
const (
	maxPathSegments = 64
	keepSegments    = maxPathSegments / 2
)

// loc is where a value sits: child slot of node parent, or root slot when
// parent is -1.
type loc struct{ parent, slot int32 }

// path renders the location of the value at l, following the parent links
// the walk recorded. It runs only when an error is being built.
func (s *Snapshot) path(l loc) string {
	if l.parent < 0 {
		return s.rootLabel(int(l.slot))
	}
	var chain []loc
	for {
		chain = append(chain, l)
		if l.parent < 0 {
			break
		}
		n := s.node(l.parent)
		l = loc{n.parent, n.pslot}
	}
	var b strings.Builder
	root := chain[len(chain)-1]
	b.WriteString(s.rootLabel(int(root.slot)))
	segs := chain[:len(chain)-1]
	for i := len(segs) - 1; i >= 0; i-- {
		depth := len(segs) - 1 - i
		if len(segs) > maxPathSegments && depth == keepSegments {
			b.WriteString("…(")
			b.WriteString(strconv.Itoa(len(segs) - 2*keepSegments))
			b.WriteString(" more)…")
			i = keepSegments - 1
		}
		s.writeSegment(&b, segs[i])
	}
	return b.String()
}

func (s *Snapshot) rootLabel(i int) string {
	if s.rootName != nil {
		return s.rootName(i)
	}
	if s.name != "" {
		return s.name
	}
	return "[" + strconv.Itoa(i) + "]"
}

// writeSegment writes how the value at l is reached from its parent node.
func (s *Snapshot) writeSegment(b *strings.Builder, l loc) {
	n := s.node(l.parent)
	pos := l.slot
	sl := &n.slots[pos]
	switch n.kind {
	case kObject:
		writeKey(b, n.keys[pos])
	case kArray:
		if pos < n.nIdx {
			b.WriteByte('[')
			b.WriteString(strconv.FormatUint(uint64(sl.key), 10))
			b.WriteByte(']')
		} else {
			writeKey(b, n.keys[pos-n.nIdx])
		}
	case kMap:
		entry := strconv.Itoa(int(pos / 2))
		if pos%2 == 0 {
			b.WriteString(".keys()[" + entry + "]")
			return
		}
		if k := n.slots[pos-1].v; k != nil && (goja.IsString(k) || goja.IsNumber(k)) {
			b.WriteString(".get(")
			if goja.IsString(k) {
				b.WriteString(strconv.Quote(k.String()))
			} else {
				b.WriteString(k.String())
			}
			b.WriteByte(')')
			return
		}
		b.WriteString(".values()[" + entry + "]")
	case kSet:
		b.WriteString(".values()[" + strconv.Itoa(int(pos)) + "]")
	case kError:
		b.WriteString(".cause")
	case kTypedArray, kDataView:
		b.WriteString(".buffer")
	}
}

// writeKey writes a property access: .name for identifiers, ["..."] otherwise.
func writeKey(b *strings.Builder, k string) {
	if isIdentifier(k) {
		b.WriteByte('.')
		b.WriteString(k)
		return
	}
	b.WriteByte('[')
	b.WriteString(strconv.Quote(k))
	b.WriteByte(']')
}

func isIdentifier(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}
