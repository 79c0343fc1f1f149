package clone

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// wireFake is a WireCodec over fakeCodec's payloads (source text).
type wireFake struct{}

func (wireFake) EncodeFunction(p any) ([]byte, error) {
	s, ok := p.(string)
	if !ok {
		return nil, fmt.Errorf("not a source payload")
	}
	return []byte(s), nil
}

func (wireFake) DecodeFunction(b []byte) (any, error) {
	if bytes.Contains(b, []byte("bad")) {
		return nil, errors.New("the codec refuses it")
	}
	return string(b), nil
}

// wireTrip clones src from one runtime into another through the wire form.
func wireTrip(t testing.TB, src string, opts *Options) (*goja.Runtime, goja.Value, []byte, error) {
	t.Helper()
	a := newRuntime(t)
	o := Options{Codec: &fakeCodec{}}
	if opts != nil {
		o.PreserveErrorNames = opts.PreserveErrorNames
	}
	s, err := SnapshotValue(a, run(t, a, src), "v", &o)
	if err != nil {
		t.Fatalf("snapshot: %v", err)
	}
	data, err := s.AppendWire(nil, wireFake{})
	if err != nil {
		return nil, nil, nil, err
	}
	d, err := DecodeWire(data, wireFake{})
	if err != nil {
		t.Fatalf("decode of an encoding: %v", err)
	}
	b := newRuntime(t)
	got, err := d.RestoreValue(b, &fakeCodec{})
	return b, got, data, err
}

func TestWireRoundTrip(t *testing.T) {
	t.Parallel()
	for _, c := range roundTripCases {
		t.Run(c.name, func(t *testing.T) {
			b, got, _, err := wireTrip(t, c.src, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			want := c.want
			if want == "" {
				want = c.src
			}
			if d := diff(t, b, run(t, b, want), got); d != "" {
				t.Error(d)
			}
		})
	}
}

// A decoded snapshot encodes to the same bytes: the form is canonical.
func TestWireCanonical(t *testing.T) {
	t.Parallel()
	for _, c := range roundTripCases {
		a := newRuntime(t)
		s, err := SnapshotValue(a, run(t, a, c.src), "v", c.opts)
		if err != nil {
			t.Fatal(err)
		}
		data, err := s.AppendWire(nil, wireFake{})
		if err != nil {
			t.Fatal(err)
		}
		d, err := DecodeWire(data, wireFake{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		again, err := d.AppendWire(nil, wireFake{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, again) {
			t.Errorf("%s: re-encoding differs", c.name)
		}
	}
}

func TestWireFunctions(t *testing.T) {
	t.Parallel()
	b, got, _, err := wireTrip(t, `({f: function add(a, b) { return a + b }, g: [1]})`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Set("got", got); err != nil {
		t.Fatal(err)
	}
	if v := run(t, b, `got.f(2, 3) + got.g[0]`); v.ToInteger() != 6 {
		t.Fatalf("got %v", v)
	}
	// Without a function codec, both ways refuse.
	a := newRuntime(t)
	s, err := SnapshotValue(a, run(t, a, `({f() {}})`), "v", &Options{Codec: &fakeCodec{}})
	if err != nil {
		t.Fatal(err)
	}
	var dce *DataCloneError
	if _, err := s.AppendWire(nil, nil); !errors.As(err, &dce) || !strings.Contains(err.Error(), "v.f: functions cannot cross machines") {
		t.Fatalf("encode without codec: %v", err)
	}
	data, err := s.AppendWire(nil, wireFake{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := DecodeWire(data, nil); !errors.As(err, &dce) || !strings.Contains(err.Error(), "without a function codec") {
		t.Fatalf("decode without codec: %v", err)
	}
}

func TestWireRefusesThreadsObjects(t *testing.T) {
	t.Parallel()
	a := newRuntime(t)
	o := a.NewObject()
	Attach(a, o, &hostThing{id: 1})
	if err := a.Set("h", o); err != nil {
		t.Fatal(err)
	}
	s, err := SnapshotValue(a, run(t, a, `({list: [h]})`), "args[0]", &Options{Codec: &fakeCodec{}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.AppendWire(nil, wireFake{})
	var dce *DataCloneError
	if !errors.As(err, &dce) || dce.Path != "args[0].list[0]" || !strings.Contains(dce.Reason, "cannot cross machines unless they are cluster objects") {
		t.Fatalf("got %v", err)
	}
}

// wireOf encodes the value src evaluates to.
func wireOf(t testing.TB, src string) []byte {
	t.Helper()
	a := newRuntime(t)
	s, err := SnapshotValue(a, run(t, a, src), "v", &Options{Codec: &fakeCodec{}})
	if err != nil {
		t.Fatal(err)
	}
	data, err := s.AppendWire(nil, wireFake{})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestWireDecodeRejects(t *testing.T) {
	t.Parallel()
	obj := wireOf(t, `({a: 1})`)
	for _, c := range []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, "bad magic"},
		{"magic", []byte("XW\x01\x00\x00"), "bad magic"},
		{"version", []byte("JW\x09\x00\x00"), "unsupported version 9"},
		{"truncated", obj[:len(obj)-1], "truncated"},
		{"trailing", append(bytes.Clone(obj), 0), "1 bytes after the last root"},
		{"huge count", []byte("JW\x01\xff\xff\xff\xff\x0f"), "node count 4294967295 exceeds"},
		{"bad ref", []byte("JW\x01\x00\x01\x09\x05"), "root 0 refers to node 5 of 0"},
		{"unknown tag", []byte("JW\x01\x00\x01\x63"), "unknown value tag 99"},
		{"skipped root", []byte("JW\x01\x00\x01\x0a"), "cannot be a deleted property"},
		{"unknown kind", []byte("JW\x01\x01\x63\x00"), "unknown node kind 99"},
		{"ref kind", []byte("JW\x01\x01\x0b\x00"), "cannot cross machines"},
		{"bad utf8", []byte("JW\x01\x00\x01\x06\x01\xff"), "not valid UTF-8"},
		{"dup key", []byte("JW\x01\x01\x00\x02\x06\x01a\x00\x06\x01a\x01\x01\x09\x00"), `duplicate property key "a"`},
		{"odd map", []byte("JW\x01\x01\x02\x01\x00\x01\x09\x00"), "even number"},
		{"view on non-buffer", []byte("JW\x01\x02\x00\x00\x08\x00\x00\x09\x00\x01\x09\x01"), "must be an ArrayBuffer"},
		{"view too long", []byte("JW\x01\x02\x06\x02ab\x07\x01\x00\x03\x09\x00\x01\x09\x01"), "does not fit its buffer"},
		{"unreachable", []byte("JW\x01\x01\x00\x00\x01\x00"), "node 0 is not reachable"},
		{"elements out of order", []byte("JW\x01\x01\x01\x05\x02\x03\x00\x01\x00\x00\x01\x09\x00"), "out of order"},
		{"array length key", []byte("JW\x01\x01\x01\x00\x00\x01\x06\x06length\x00\x01\x09\x00"), `"length" is an index or length`},
		{"regexp flags", []byte("JW\x01\x01\x05\x06\x01a\x02gg\x01\x09\x00"), "bad RegExp flags"},
		{"error proto", []byte("JW\x01\x01\x0a\x09\x00\x01\x09\x00"), "unknown Error constructor"},
		{"codec refuses", []byte("JW\x01\x01\x0c\x03bad\x01\x09\x00"), "bad function: the codec refuses it"},
	} {
		_, err := DecodeWire(c.in, wireFake{})
		var dce *DataCloneError
		if !errors.As(err, &dce) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want a DataCloneError with %q", c.name, err, c.want)
		}
	}
}

// checkWire decodes data; what decodes must restore without panicking (a
// DataCloneError or a JS exception is fine) and re-encode canonically.
func checkWire(t *testing.T, data []byte) {
	s, err := DecodeWire(data, wireFake{})
	if err != nil {
		var dce *DataCloneError
		if !errors.As(err, &dce) {
			t.Fatalf("decode error of type %T: %v", err, err)
		}
		return
	}
	again, err := s.AppendWire(nil, wireFake{})
	if err != nil {
		t.Fatalf("re-encode: %v", err)
	}
	s2, err := DecodeWire(again, wireFake{})
	if err != nil {
		t.Fatalf("decode of a re-encoding: %v", err)
	}
	if third, _ := s2.AppendWire(nil, wireFake{}); !bytes.Equal(again, third) {
		t.Fatal("re-encoding is not stable")
	}
	rt := goja.New()
	if _, err := s.Restore(rt, stubCodec{}); err != nil {
		var dce *DataCloneError
		var ex *goja.Exception
		if !errors.As(err, &dce) && !errors.As(err, &ex) {
			t.Fatalf("restore error of type %T: %v", err, err)
		}
	}
}

// stubCodec restores functions without running their text (fuzz input may
// be any text).
type stubCodec struct{}

func (stubCodec) SnapshotFunction(*goja.Runtime, *goja.Object, string) (any, error) {
	return nil, errors.New("no")
}
func (stubCodec) RestoreFunction(rt *goja.Runtime, _ any) (goja.Value, error) {
	return rt.ToValue(func(goja.FunctionCall) goja.Value { return goja.Undefined() }), nil
}
func (stubCodec) RestoreRef(*goja.Runtime, any) (goja.Value, error) { return nil, errors.New("no") }

// FuzzWireDecode feeds hostile bytes to the decoder. Its seeds (the
// encodings of the round-trip corpus, and testdata/fuzz) run as a normal
// test.
func FuzzWireDecode(f *testing.F) {
	for _, c := range roundTripCases {
		a := newRuntime(f)
		s, err := SnapshotValue(a, run(f, a, c.src), "v", c.opts)
		if err != nil {
			f.Fatal(err)
		}
		data, err := s.AppendWire(nil, wireFake{})
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(wireOf(f, `({f() { return 1 }, s: "\ud800x", [String.fromCharCode(0xdc00)]: [1, , 3n]})`))
	f.Fuzz(checkWire)
}
