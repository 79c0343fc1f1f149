package clone

// The wire form of a snapshot: a versioned, compact binary encoding, for
// snapshots that leave the process (jsrun's cluster pools).
//
// Layout, version 1 (all counts and lengths are unsigned varints):
//
//	'J' 'W' version
//	nnodes, then each node: kind byte, then its body (see appendNode)
//	nroots, then each root: a slot
//
// A slot is a tag byte and its payload: undefined, null, false, true, an
// integer (zigzag varint), a float64 (8 bytes, little-endian), a string
// (UTF-8, or UTF-16 code units when it holds a lone surrogate), a BigInt
// (sign and big-endian magnitude), a reference to a node by index, or a
// property a getter deleted (skipped). Node indexes are those of the
// snapshot, so sharing and cycles cross as they are.

import (
	"encoding/binary"
	"math"
	"math/big"
	"reflect"
	"unicode/utf16"

	"github.com/dop251/goja"
)

// WireVersion is the version of the wire form AppendWire writes.
const WireVersion = 1

// wireMagic starts every wire form.
const wireMagic0, wireMagic1 = 'J', 'W'

// WireCodec carries a Codec's function payloads in the wire form: bytes in,
// bytes out. Threads objects (host objects attached by reference) never
// cross: a snapshot that holds one is a DataCloneError.
type WireCodec interface {
	// EncodeFunction turns a payload of the Codec's SnapshotFunction into
	// bytes.
	EncodeFunction(payload any) ([]byte, error)
	// DecodeFunction turns bytes from EncodeFunction, read from an
	// untrusted source, back into a payload for RestoreFunction. It must
	// not panic on any input.
	DecodeFunction(data []byte) (any, error)
}

// Slot tags.
const (
	tUndefined byte = iota
	tNull
	tFalse
	tTrue
	tInt
	tFloat
	tUTF8
	tUTF16
	tBigInt
	tRef
	tSkipped
	nTags
)

// Error node flags.
const (
	efName byte = 1 << iota
	efMessage
	efStack
	efCause
	efAll = efName | efMessage | efStack | efCause
)

// errNotWire is the reason a threads object cannot be encoded.
const errNotWire = "threads objects (Queue, Atomic, Shared, Mutex, ThreadPromise, ...) cannot cross machines unless they are cluster objects"

// AppendWire appends the wire form of s to dst. wc encodes functions; nil
// makes a snapshot that holds one a DataCloneError. A threads object is
// always a DataCloneError: it cannot cross machines.
func (s *Snapshot) AppendWire(dst []byte, wc WireCodec) ([]byte, error) {
	if s.used.Load() {
		return nil, errUsed
	}
	e := wireEncoder{s: s, b: append(dst, wireMagic0, wireMagic1, WireVersion), wc: wc}
	e.uvarint(uint64(s.nnodes))
	for i := range s.nnodes {
		if err := e.node(i); err != nil {
			return nil, err
		}
	}
	e.uvarint(uint64(len(s.roots)))
	for i := range s.roots {
		e.slot(&s.roots[i])
	}
	return e.b, nil
}

type wireEncoder struct {
	s  *Snapshot
	b  []byte
	wc WireCodec
}

func (e *wireEncoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }

func (e *wireEncoder) bytes(p []byte) {
	e.uvarint(uint64(len(p)))
	e.b = append(e.b, p...)
}

func (e *wireEncoder) float(f float64) {
	e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(f))
}

// node appends node i: its kind and its body.
func (e *wireEncoder) node(i int32) error {
	n := e.s.node(i)
	if n.kind == kRef {
		return e.s.refuse(loc{n.parent, n.pslot}, errNotWire)
	}
	e.b = append(e.b, byte(n.kind))
	switch n.kind {
	case kObject:
		e.uvarint(uint64(len(n.slots)))
		e.named(n, 0)
	case kArray:
		e.uvarint(uint64(n.length))
		e.uvarint(uint64(n.nIdx))
		for j := range n.nIdx {
			e.uvarint(uint64(n.slots[j].key))
			e.slot(&n.slots[j])
		}
		e.uvarint(uint64(len(n.slots)) - uint64(n.nIdx))
		e.named(n, n.nIdx)
	case kMap, kSet:
		e.uvarint(uint64(len(n.slots)))
		for j := range n.slots {
			e.slot(&n.slots[j])
		}
	case kDate:
		e.float(n.extra.(float64))
	case kRegExp:
		d := n.extra.(*regexpData)
		e.str(d.source)
		e.bytes([]byte(d.flags))
	case kArrayBuffer:
		e.bytes(n.extra.([]byte))
	case kTypedArray, kDataView:
		if n.kind == kTypedArray {
			e.b = append(e.b, n.sub)
		}
		vd := n.extra.(*viewData)
		e.uvarint(uint64(vd.offset))
		e.uvarint(uint64(vd.length))
		e.slot(&n.slots[0])
	case kWrapper:
		e.prim(n.extra.(goja.Value))
	case kError:
		d := n.extra.(*errorData)
		var flags byte
		for bit, v := range map[byte]goja.Value{efName: d.name, efMessage: d.message, efStack: d.stack} {
			if v != nil {
				flags |= bit
			}
		}
		if len(n.slots) == 1 {
			flags |= efCause
		}
		e.b = append(e.b, errorProto(d.proto), flags)
		for _, v := range [...]goja.Value{d.name, d.message, d.stack} {
			if v != nil {
				e.prim(v)
			}
		}
		if flags&efCause != 0 {
			e.slot(&n.slots[0])
		}
	case kFunction:
		l := loc{n.parent, n.pslot}
		if e.wc == nil {
			return e.s.refuse(l, "functions cannot cross machines without a function codec")
		}
		p, err := e.wc.EncodeFunction(n.extra)
		if err != nil {
			return codecError(err, func() string { return e.s.path(l) })
		}
		e.bytes(p)
	}
	return nil
}

// errorProto is the index of an Error constructor in nativeErrors.
func errorProto(name string) byte {
	for i, n := range nativeErrors {
		if n == name {
			return byte(i)
		}
	}
	return 0
}

// named appends the named properties of n from slot from on: key, value.
func (e *wireEncoder) named(n *node, from int32) {
	lossy, _ := n.extra.(map[int32]goja.Value)
	for j := from; j < int32(len(n.slots)); j++ {
		if k := lossy[j]; k != nil {
			e.str(k)
		} else {
			e.b = append(e.b, tUTF8)
			e.bytes([]byte(n.keys[j-from]))
		}
		e.slot(&n.slots[j])
	}
}

func (e *wireEncoder) slot(sl *slot) {
	if sl.v != nil {
		e.prim(sl.v)
		return
	}
	if sl.ref == skipped {
		e.b = append(e.b, tSkipped)
		return
	}
	e.b = append(e.b, tRef)
	e.uvarint(uint64(sl.ref))
}

// prim appends a primitive value, one a snapshot holds.
func (e *wireEncoder) prim(v goja.Value) {
	switch {
	case goja.IsUndefined(v):
		e.b = append(e.b, tUndefined)
	case goja.IsNull(v):
		e.b = append(e.b, tNull)
	case reflect.TypeOf(v) == impl.intType:
		e.b = append(e.b, tInt)
		e.b = binary.AppendVarint(e.b, v.ToInteger())
	case goja.IsNumber(v):
		e.b = append(e.b, tFloat)
		e.float(v.ToFloat())
	case goja.IsString(v):
		e.str(v)
	case goja.IsBigInt(v):
		x, _ := v.Export().(*big.Int)
		if x == nil {
			x = new(big.Int)
		}
		var neg byte
		if x.Sign() < 0 {
			neg = 1
		}
		e.b = append(e.b, tBigInt, neg)
		e.bytes(x.Bytes())
	default: // a Boolean: nothing else is left
		if v.ToBoolean() {
			e.b = append(e.b, tTrue)
		} else {
			e.b = append(e.b, tFalse)
		}
	}
}

// str appends a string value: as UTF-8 when it is well-formed UTF-16, else
// as its code units.
func (e *wireEncoder) str(v goja.Value) {
	if reflect.TypeOf(v) == impl.asciiType {
		e.b = append(e.b, tUTF8)
		e.bytes([]byte(v.String()))
		return
	}
	s, ok := v.(goja.String)
	if !ok {
		s = normalizeString(goja.StringFromUTF16(utf16.Encode([]rune(v.String()))))
	}
	units := make([]uint16, s.Length())
	for i := range units {
		units[i] = s.CharAt(i)
	}
	if wellFormed(units) {
		e.b = append(e.b, tUTF8)
		e.bytes([]byte(string(utf16.Decode(units))))
		return
	}
	e.b = append(e.b, tUTF16)
	e.uvarint(uint64(len(units)))
	for _, u := range units {
		e.b = binary.LittleEndian.AppendUint16(e.b, u)
	}
}

// wellFormed reports whether units hold no lone surrogate.
func wellFormed(units []uint16) bool {
	for i := 0; i < len(units); i++ {
		switch u := units[i]; {
		case u >= 0xD800 && u < 0xDC00:
			if i+1 == len(units) || units[i+1] < 0xDC00 || units[i+1] >= 0xE000 {
				return false
			}
			i++
		case u >= 0xDC00 && u < 0xE000:
			return false
		}
	}
	return true
}
