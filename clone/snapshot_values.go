package clone

// The walk of objects that hold one value: Date, RegExp and the primitive
// wrappers.

import (
	"math"
	"math/big"
	"time"

	"github.com/dop251/goja"
)

// date copies the time value; an invalid Date stays invalid.
func (w *walker) date(o *goja.Object, l loc) error {
	ms := math.NaN()
	if t, ok := o.Export().(time.Time); ok {
		ms = float64(t.UnixMilli())
	}
	_, err := w.newNode(o, l, node{kind: kDate, extra: ms})
	return err
}

// regexp copies source and flags, read through RegExp.prototype's getters;
// lastIndex is not copied (it restarts at 0).
func (w *walker) regexp(o *goja.Object, l loc) error {
	src, err := w.realm.call(inRegExpSource, o)
	if err != nil {
		return w.fail(l, err)
	}
	str, ok := src.(goja.String)
	if !ok {
		return w.s.refuse(l, "cannot clone: RegExp source is not a string")
	}
	getters, err := w.realm.regexpFlagGetters()
	if err != nil {
		return w.fail(l, err)
	}
	var flags []byte
	for i, g := range getters {
		if g == nil {
			continue
		}
		on, err := w.realm.apply(g, o)
		if err != nil {
			return w.fail(l, err)
		}
		if on.ToBoolean() {
			flags = append(flags, regexpFlags[i].flag...)
		}
	}
	str = normalizeString(str)
	if err := w.s.charge(int64(str.Length()), w.opts.MaxBytes, l); err != nil {
		return err
	}
	_, err = w.newNode(o, l, node{kind: kRegExp, extra: &regexpData{source: str, flags: string(flags)}})
	return err
}

// wrapper copies a Boolean, Number, BigInt or String object as its primitive.
// Symbol objects are refused, as in the spec.
func (w *walker) wrapper(o *goja.Object, l loc, isString bool) error {
	var prim goja.Value
	if isString {
		v, err := w.realm.call(inStringValueOf, o)
		if err != nil {
			return w.fail(l, err)
		}
		str, ok := v.(goja.String)
		if !ok {
			return w.s.refuse(l, "cannot clone: String object without a string")
		}
		str = normalizeString(str)
		if err := w.s.charge(int64(str.Length()), w.opts.MaxBytes, l); err != nil {
			return err
		}
		prim = str
	} else {
		switch x := o.Export().(type) {
		case bool, int64, float64, *big.Int:
			prim = w.rt.ToValue(x)
		default:
			return w.s.refuse(l, "Symbol objects cannot be cloned")
		}
	}
	_, err := w.newNode(o, l, node{kind: kWrapper, extra: prim})
	return err
}
