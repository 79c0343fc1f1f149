package engine

// The wire form of what crosses machines: functions as their program text
// (a thread's functions are their text compiled afresh, with the top-level
// bindings they use carried beside them), and a Pool's seed.

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/jsrun/jsrun/clone"
	"github.com/jsrun/jsrun/internal/rewrite"
)

// wireFuncs carries functions in clone's wire form: name, text, strictness
// and the on-demand globals they name. Decoding compiles the text, so a
// worker compiles a pool's function once per seed it decodes.
type wireFuncs struct{ env *Env }

var _ clone.WireCodec = wireFuncs{}

func (w wireFuncs) EncodeFunction(payload any) ([]byte, error) {
	p, ok := payload.(*funcPayload)
	if !ok || p.entry == nil || p.entry.info == nil {
		return nil, errors.New("this function cannot cross machines")
	}
	name, text := p.entry.info.Program()
	var b wbuf
	b.str(name)
	b.str(text)
	if p.entry.info.Strict {
		b.b = append(b.b, 1)
	} else {
		b.b = append(b.b, 0)
	}
	b.uvarint(uint64(len(p.entry.needs)))
	for _, n := range p.entry.needs {
		b.str(n)
	}
	return b.b, nil
}

func (w wireFuncs) DecodeFunction(data []byte) (any, error) {
	r := rbuf{b: data}
	name, text := r.str("name"), r.str("text")
	strict := r.byte1("strictness")
	n := r.count("globals")
	needs := make([]string, 0, n)
	for range n {
		g := r.str("global")
		if r.err == nil && w.env.installers[g] == nil {
			return nil, fmt.Errorf("function needs %q, which this worker does not provide", g)
		}
		needs = append(needs, g)
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = errors.New("bytes after the function")
	}
	if r.err == nil && strict > 1 {
		r.err = errors.New("bad strictness")
	}
	if r.err != nil {
		return nil, r.err
	}
	prog, err := rewrite.CompileTagged(name, text, strict == 1, nil)
	if err != nil {
		return nil, fmt.Errorf("function does not compile: %w", err)
	}
	return &funcPayload{entry: &funcEntry{prog: prog, needs: needs}}, nil
}

// seedWireVersion starts a seed's wire form.
const seedWireVersion = 1

// encodeSeed is the wire form of a Pool's seed: its passes (snapshots in
// clone's wire form, with the globals each names) and require bindings.
func (e *Env) encodeSeed(s *seed) ([]byte, error) {
	var b wbuf
	b.b = append(b.b, 'S', seedWireVersion)
	b.uvarint(uint64(s.nargs))
	b.uvarint(uint64(len(s.passes)))
	for i, p := range s.passes {
		b.uvarint(uint64(len(s.names[i])))
		for _, n := range s.names[i] {
			b.str(n)
		}
		data, err := p.AppendWire(nil, wireFuncs{e})
		if err != nil {
			return nil, err
		}
		b.str(string(data))
	}
	b.uvarint(uint64(len(s.requires)))
	for _, rq := range s.requires {
		b.str(rq.name)
		b.str(rq.specifier)
		b.uvarint(uint64(len(rq.path)))
		for _, p := range rq.path {
			b.str(p)
		}
	}
	return b.b, nil
}

// decodeSeed reads a seed from untrusted bytes.
func (e *Env) decodeSeed(data []byte) (*seed, error) {
	if len(data) < 2 || data[0] != 'S' || data[1] != seedWireVersion {
		return nil, errors.New("malformed seed: bad magic or version")
	}
	r := rbuf{b: data[2:]}
	s := &seed{nargs: r.count("argument count")}
	np := r.count("pass count")
	for range np {
		nn := r.count("name count")
		names := make([]string, 0, nn)
		for range nn {
			names = append(names, r.str("global name"))
		}
		raw := r.str("pass")
		if r.err != nil {
			break
		}
		snap, err := clone.DecodeWire([]byte(raw), wireFuncs{e})
		if err != nil {
			return nil, fmt.Errorf("malformed seed: %w", err)
		}
		want := len(names)
		if len(s.passes) == 0 {
			want += 1 + s.nargs
		}
		if snap.Len() != want {
			return nil, fmt.Errorf("malformed seed: a pass holds %d values for %d names", snap.Len(), want)
		}
		s.passes = append(s.passes, snap)
		s.names = append(s.names, names)
	}
	nr := r.count("require count")
	for range nr {
		rq := requireBinding{name: r.str("require name"), specifier: r.str("specifier")}
		npath := r.count("path length")
		for range npath {
			rq.path = append(rq.path, r.str("path"))
		}
		s.requires = append(s.requires, rq)
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = errors.New("bytes after the seed")
	}
	if r.err == nil && len(s.passes) == 0 {
		r.err = errors.New("no function")
	}
	if r.err != nil {
		return nil, fmt.Errorf("malformed seed: %w", r.err)
	}
	return s, nil
}

// wbuf and rbuf write and read uvarints and length-prefixed strings; rbuf
// bounds every count by the bytes left.
type wbuf struct{ b []byte }

func (w *wbuf) uvarint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *wbuf) str(s string) {
	w.uvarint(uint64(len(s)))
	w.b = append(w.b, s...)
}

type rbuf struct {
	b   []byte
	err error
}

func (r *rbuf) count(what string) int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > uint64(len(r.b)-n) {
		r.err = fmt.Errorf("bad %s", what)
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *rbuf) str(what string) string {
	n := r.count(what)
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *rbuf) byte1(what string) byte {
	if r.err == nil && len(r.b) == 0 {
		r.err = fmt.Errorf("missing %s", what)
	}
	if r.err != nil {
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}
