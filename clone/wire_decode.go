package clone

// The decoder of the wire form. Its input comes from the network: it
// checks everything Restore relies on, so that no input makes Restore
// panic, and it sizes nothing from a count it has not checked against the
// bytes left (every element costs at least one byte), so that what it
// allocates is bounded by a constant times the input's length.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// DecodeWire reads a snapshot from its wire form (see AppendWire). data is
// untrusted: any malformed, truncated or inconsistent input is a
// *DataCloneError that says what is wrong and at which byte; DecodeWire
// never panics. wc decodes functions; nil makes a wire form that holds one
// a DataCloneError. The snapshot does not alias data.
func DecodeWire(data []byte, wc WireCodec) (*Snapshot, error) {
	loadImpl()
	d := wireDecoder{b: data, wc: wc, s: &Snapshot{size: int64(len(data))}}
	if len(data) < 3 || data[0] != wireMagic0 || data[1] != wireMagic1 {
		return nil, d.fail("not a jsrun wire form (bad magic)")
	}
	if data[2] != WireVersion {
		return nil, d.fail(fmt.Sprintf("unsupported version %d (this build reads %d)", data[2], WireVersion))
	}
	d.pos = 3
	nnodes := d.count(1, "node count")
	d.nnodes = nnodes
	for i := 0; d.err == nil && i < nnodes; i++ {
		d.node(i)
	}
	d.what = ""
	nroots := d.count(1, "root count")
	if d.err == nil {
		d.s.roots = make([]slot, nroots)
		for i := 0; d.err == nil && i < nroots; i++ {
			d.s.roots[i] = d.slot(false, "root "+strconv.Itoa(i))
		}
	}
	if d.err == nil && d.pos != len(data) {
		d.failf("%d bytes after the last root", len(data)-d.pos)
	}
	if d.err == nil {
		d.link()
	}
	if d.err != nil {
		return nil, d.err
	}
	return d.s, nil
}

type wireDecoder struct {
	b   []byte
	pos int
	s   *Snapshot
	wc  WireCodec
	err error
	// nnodes is how many nodes the input declares; refs are checked
	// against it.
	nnodes int
	// what names the node being read, for errors.
	what string
}

func (d *wireDecoder) fail(reason string) error {
	if d.err == nil {
		if d.what != "" {
			reason = d.what + ": " + reason
		}
		d.err = &DataCloneError{Reason: fmt.Sprintf("wire form: %s (at byte %d)", reason, d.pos)}
		d.pos = len(d.b) // nothing more is read
	}
	return d.err
}

func (d *wireDecoder) failf(format string, args ...any) { d.fail(fmt.Sprintf(format, args...)) }

func (d *wireDecoder) left() int { return len(d.b) - d.pos }

func (d *wireDecoder) byte1(what string) byte {
	if d.err != nil {
		return 0
	}
	if d.left() < 1 {
		d.failf("truncated: %s missing", what)
		return 0
	}
	c := d.b[d.pos]
	d.pos++
	return c
}

func (d *wireDecoder) uvarint(what string) uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.pos:])
	if n <= 0 {
		d.failf("bad or truncated varint for %s", what)
		return 0
	}
	d.pos += n
	return v
}

// count reads a count of elements that each take at least min bytes, and
// checks it against the bytes left.
func (d *wireDecoder) count(min int, what string) int {
	v := d.uvarint(what)
	if d.err != nil {
		return 0
	}
	if v > uint64(d.left()/min) || v > math.MaxInt32 {
		d.failf("%s %d exceeds what the %d bytes left can hold", what, v, d.left())
		return 0
	}
	return int(v)
}

// raw reads a length-prefixed byte string, aliasing the input.
func (d *wireDecoder) raw(what string) []byte {
	n := d.count(1, what+" length")
	if d.err != nil {
		return nil
	}
	p := d.b[d.pos : d.pos+n]
	d.pos += n
	return p
}

func (d *wireDecoder) float(what string) float64 {
	if d.err != nil {
		return 0
	}
	if d.left() < 8 {
		d.failf("truncated: %s missing", what)
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(d.b[d.pos:]))
	d.pos += 8
	return f
}

// conv makes primitive values. Runtime.ToValue of a bool, int64, float64,
// string or *big.Int reads nothing of its runtime (goja makes the value
// from the Go one alone), so one runtime serves every goroutine.
var conv = sync.OnceValue(goja.New)

// slot reads a slot: a primitive, a reference (refs true) or a skipped
// property.
func (d *wireDecoder) slot(skip bool, what string) slot {
	tag := d.byte1(what)
	switch {
	case d.err != nil:
		return slot{}
	case tag == tRef:
		ref := d.uvarint(what)
		if d.err == nil && ref >= uint64(d.nnodes) {
			d.failf("%s refers to node %d of %d", what, ref, d.nnodes)
		}
		return slot{ref: int32(ref)}
	case tag == tSkipped:
		if !skip {
			d.failf("%s cannot be a deleted property", what)
		}
		return slot{ref: skipped}
	}
	return slot{v: d.prim(tag, what)}
}

// prim reads the primitive of tag; nil after an error.
func (d *wireDecoder) prim(tag byte, what string) goja.Value {
	switch tag {
	case tUndefined:
		return goja.Undefined()
	case tNull:
		return goja.Null()
	case tFalse, tTrue:
		return conv().ToValue(tag == tTrue)
	case tInt:
		if d.err != nil {
			return nil
		}
		v, n := binary.Varint(d.b[d.pos:])
		if n <= 0 {
			d.failf("bad or truncated integer for %s", what)
			return nil
		}
		d.pos += n
		return conv().ToValue(v)
	case tFloat:
		f := d.float(what)
		if d.err != nil {
			return nil
		}
		return conv().ToValue(f)
	case tUTF8, tUTF16:
		s, _, _ := d.str(tag, what)
		if d.err != nil {
			return nil
		}
		return s
	case tBigInt:
		neg := d.byte1(what)
		mag := d.raw(what)
		if d.err == nil && neg > 1 {
			d.failf("bad BigInt sign %d for %s", neg, what)
		}
		if d.err != nil {
			return nil
		}
		x := new(big.Int).SetBytes(mag)
		if neg == 1 {
			x.Neg(x)
		}
		return conv().ToValue(x)
	}
	d.failf("unknown value tag %d for %s", tag, what)
	return nil
}

// str reads a string of tag (tUTF8 or tUTF16): its value, the Go string
// that names it as a key, and whether that name is lossy (the string
// holds a lone surrogate, which a Go string cannot carry).
func (d *wireDecoder) str(tag byte, what string) (goja.String, string, bool) {
	if tag == tUTF8 {
		p := d.raw(what)
		if d.err != nil {
			return nil, "", false
		}
		if !utf8.Valid(p) {
			d.failf("%s is not valid UTF-8", what)
			return nil, "", false
		}
		s := string(p)
		return normalizeString(conv().ToValue(s).(goja.String)), s, false
	}
	n := d.count(2, what+" length")
	if d.err != nil {
		return nil, "", false
	}
	units := make([]uint16, n)
	for i := range units {
		units[i] = binary.LittleEndian.Uint16(d.b[d.pos+2*i:])
	}
	d.pos += 2 * n
	name := string(utf16.Decode(units))
	return goja.StringFromUTF16(units), name, !wellFormed(units)
}

// strValue reads a string slot, and nothing else.
func (d *wireDecoder) strValue(what string) goja.Value {
	tag := d.byte1(what)
	if d.err == nil && tag != tUTF8 && tag != tUTF16 {
		d.failf("%s must be a string (tag %d)", what, tag)
	}
	if d.err != nil {
		return nil
	}
	s, _, _ := d.str(tag, what)
	if s == nil {
		return nil
	}
	return s
}

// node reads node i.
func (d *wireDecoder) node(i int) {
	d.what = ""
	k := kind(d.byte1("node kind"))
	if d.err != nil {
		return
	}
	d.what = "node " + strconv.Itoa(i)
	n := node{kind: k, parent: -1}
	switch k {
	case kObject:
		cnt := d.count(3, "property count")
		d.named(&n, 0, cnt, false)
	case kArray:
		d.array(&n)
	case kMap, kSet:
		cnt := d.count(1, "entry count")
		if k == kMap && cnt%2 != 0 {
			d.failf("a Map needs an even number of slots, not %d", cnt)
		}
		if d.err == nil {
			n.slots = make([]slot, cnt)
			for j := range n.slots {
				if n.slots[j] = d.slot(false, "entry"); d.err != nil {
					break
				}
			}
		}
	case kDate:
		n.extra = d.float("time value")
	case kRegExp:
		src := d.strValue("RegExp source")
		flags := d.raw("RegExp flags")
		if d.err == nil && !validFlags(flags) {
			d.failf("bad RegExp flags %q", flags)
		}
		n.extra = &regexpData{source: src, flags: string(flags)}
	case kArrayBuffer:
		n.extra = bytes.Clone(d.raw("ArrayBuffer bytes"))
		if n.extra.([]byte) == nil {
			n.extra = []byte{}
		}
	case kTypedArray, kDataView:
		if k == kTypedArray {
			n.sub = d.byte1("typed array type")
			if d.err == nil && int(n.sub) >= len(typedArrayNames) {
				d.failf("unknown typed array type %d", n.sub)
			}
		}
		off, length := d.uvarint("byte offset"), d.uvarint("length")
		if d.err == nil && (off > math.MaxInt32 || length > math.MaxInt32) {
			d.failf("view offset %d or length %d out of range", off, length)
		}
		n.extra = &viewData{offset: int64(off), length: int64(length)}
		n.slots = []slot{d.slot(false, "view buffer")}
		if d.err == nil && n.slots[0].v != nil {
			d.failf("a view's buffer must be an ArrayBuffer node")
		}
	case kWrapper:
		tag := d.byte1("wrapped value")
		switch tag {
		case tFalse, tTrue, tInt, tFloat, tUTF8, tUTF16, tBigInt:
			if v := d.prim(tag, "wrapped value"); v != nil {
				n.extra = v
			}
		default:
			d.failf("a wrapper object cannot hold tag %d", tag)
		}
	case kError:
		d.errorNode(&n)
	case kFunction:
		p := d.raw("function")
		if d.err != nil {
			break
		}
		if d.wc == nil {
			d.fail("functions cannot be decoded without a function codec")
			break
		}
		payload, err := d.wc.DecodeFunction(p)
		if err != nil {
			d.fail("bad function: " + err.Error())
			break
		}
		n.extra = payload
	case kRef:
		d.fail(errNotWire)
	default:
		d.failf("unknown node kind %d", k)
	}
	if d.err != nil {
		return
	}
	idx := d.s.addNode(n)
	d.s.count(d.s.node(idx))
}

// validFlags reports whether flags are distinct RegExp flag letters.
func validFlags(flags []byte) bool {
	var seen [128]bool
	for _, c := range flags {
		if c >= 128 || !bytes.ContainsRune([]byte("dgimsuyv"), rune(c)) || seen[c] {
			return false
		}
		seen[c] = true
	}
	return true
}

func (d *wireDecoder) errorNode(n *node) {
	proto, flags := d.byte1("Error constructor"), d.byte1("Error flags")
	if d.err == nil && int(proto) >= len(nativeErrors) {
		d.failf("unknown Error constructor %d", proto)
	}
	if d.err == nil && flags&^efAll != 0 {
		d.failf("bad Error flags %#x", flags)
	}
	if d.err != nil {
		return
	}
	e := &errorData{proto: nativeErrors[proto]}
	if flags&efName != 0 {
		e.name = d.strValue("Error name")
	}
	if flags&efMessage != 0 {
		e.message = d.strValue("Error message")
	}
	if flags&efStack != 0 {
		e.stack = d.strValue("Error stack")
	}
	if flags&efCause != 0 {
		n.slots = []slot{d.slot(false, "Error cause")}
	}
	n.extra = e
}

// array reads an array node's elements and named properties.
func (d *wireDecoder) array(n *node) {
	length := d.uvarint("array length")
	if d.err == nil && length > math.MaxUint32 {
		d.failf("array length %d exceeds 2^32-1", length)
	}
	nIdx := d.count(2, "element count")
	if d.err != nil {
		return
	}
	n.length = uint32(length)
	n.slots = make([]slot, nIdx)
	dense := uint64(nIdx) == length
	next := uint64(0) // the least key the next element may have
	for j := range n.slots {
		key := d.uvarint("element index")
		if d.err == nil && (key < next || key >= length) {
			d.failf("element index %d out of order or not below length %d", key, length)
		}
		sl := d.slot(true, "element "+strconv.FormatUint(key, 10))
		if d.err != nil {
			return
		}
		if key != uint64(j) || sl.v == nil && sl.ref == skipped {
			dense = false
		}
		sl.key = uint32(key)
		n.slots[j] = sl
		next = key + 1
	}
	n.nIdx = int32(nIdx)
	if !dense {
		n.sub = holey
	}
	cnt := d.count(3, "named property count")
	d.named(n, nIdx, cnt, true)
}

// named reads cnt named properties into n's slots from position from on.
// Keys must be distinct; an array's must not be indexes or "length".
func (d *wireDecoder) named(n *node, from, cnt int, array bool) {
	if d.err != nil {
		return
	}
	slots := make([]slot, from+cnt)
	copy(slots, n.slots)
	n.slots = slots
	n.keys = make([]string, cnt)
	seen := make(map[string]struct{}, cnt)
	var lossy map[int32]goja.Value
	for j := range cnt {
		tag := d.byte1("property key")
		if d.err == nil && tag != tUTF8 && tag != tUTF16 {
			d.failf("property key must be a string (tag %d)", tag)
		}
		if d.err != nil {
			return
		}
		key, name, isLossy := d.str(tag, "property key")
		if d.err != nil {
			return
		}
		id := name
		if isLossy {
			// Distinct from any well-formed key: 0xFF is never in UTF-8.
			id = "\xff" + string(d.b[d.pos-2*key.Length():d.pos])
			if lossy == nil {
				lossy = make(map[int32]goja.Value)
			}
			lossy[int32(from+j)] = key
		}
		if _, dup := seen[id]; dup {
			d.failf("duplicate property key %q", name)
			return
		}
		if array && !isLossy && (name == "length" || isArrayIndex(name)) {
			d.failf("array property key %q is an index or length", name)
			return
		}
		seen[id] = struct{}{}
		n.keys[j] = name
		if n.slots[from+j] = d.slot(true, "property "+strconv.Quote(name)); d.err != nil {
			return
		}
	}
	if lossy != nil {
		n.extra = lossy
	}
}

// isArrayIndex reports whether k is a canonical array index.
func isArrayIndex(k string) bool {
	v, err := strconv.ParseUint(k, 10, 32)
	return err == nil && v < math.MaxUint32 && strconv.FormatUint(v, 10) == k
}

// elemSize is the element size of typedArrayNames[i].
var elemSize = [...]int64{1, 1, 1, 2, 2, 4, 4, 4, 8, 8, 8, 2}

// link checks what spans nodes (views on buffers, every node reachable
// from a root) and records where each node is first met, breadth first,
// for the paths of errors.
func (d *wireDecoder) link() {
	s := d.s
	d.what = ""
	for i := range s.nnodes {
		n := s.node(i)
		if n.kind != kTypedArray && n.kind != kDataView {
			continue
		}
		buf := s.node(n.slots[0].ref)
		if buf.kind != kArrayBuffer {
			d.failf("node %d: a view's buffer must be an ArrayBuffer, not node %d", i, n.slots[0].ref)
			return
		}
		vd, size := n.extra.(*viewData), int64(1)
		if n.kind == kTypedArray {
			size = elemSize[n.sub]
		}
		if vd.offset%size != 0 || vd.offset+vd.length*size > int64(len(buf.extra.([]byte))) {
			d.failf("node %d: view (offset %d, length %d) does not fit its buffer of %d bytes", i, vd.offset, vd.length, len(buf.extra.([]byte)))
			return
		}
	}
	seen := make([]bool, s.nnodes)
	queue := make([]int32, 0, s.nnodes)
	visit := func(sl *slot, parent, pos int32) {
		if sl.v != nil || sl.ref == skipped || seen[sl.ref] {
			return
		}
		seen[sl.ref] = true
		c := s.node(sl.ref)
		c.parent, c.pslot = parent, pos
		queue = append(queue, sl.ref)
	}
	for i := range s.roots {
		visit(&s.roots[i], -1, int32(i))
	}
	for h := 0; h < len(queue); h++ {
		p := queue[h]
		n := s.node(p)
		for j := range n.slots {
			visit(&n.slots[j], p, int32(j))
		}
	}
	if len(queue) != int(s.nnodes) {
		for i, ok := range seen {
			if !ok {
				d.failf("node %d is not reachable from any root", i)
				return
			}
		}
	}
}
