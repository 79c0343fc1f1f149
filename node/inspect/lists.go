package inspect

import (
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

func remainingText(n int) string {
	return "... " + itoa(n) + " more item" + plural(n)
}

func (c *ctx) maxLen(n int) int {
	m := c.opts.MaxArrayLength
	if m < 0 {
		m = 0
	}
	if n < m {
		return n
	}
	return m
}

// formatArray is Node's formatArray: each index read with its descriptor,
// so a getter shows as [Getter] and a hole hands over to formatSpecialArray.
// numeric tells groupArrayElements whether the entries are all numbers.
func (c *ctx) formatArray(o *goja.Object, length, recurseTimes int) (output []string, numeric func() bool) {
	n := c.maxLen(length)
	output = make([]string, 0, n+1)
	allNumbers := true
	for i := 0; i < n; i++ {
		p := c.ownProp(o, c.r.rt.ToValue(i))
		if !p.exists {
			output = c.formatSpecialArray(o, length, recurseTimes, n, output, i)
			return output, func() bool {
				for i := range output {
					if !c.isNumberLike(o, i) {
						return false
					}
				}
				return true
			}
		}
		if p.accessor || !(goja.IsNumber(p.value) || goja.IsBigInt(p.value)) {
			allNumbers = false
		}
		output = append(output, c.formatProperty(o, recurseTimes, propKey{s: itoa(i)}, arrayType, &p))
	}
	if rem := length - n; rem > 0 {
		output = append(output, remainingText(rem))
		return output, func() bool { return allNumbers && c.isNumberLike(o, n) }
	}
	return output, func() bool { return allNumbers }
}

// formatSpecialArray is Node's formatSpecialArray, for arrays with holes.
func (c *ctx) formatSpecialArray(o *goja.Object, length, recurseTimes, maxLength int, output []string, i int) []string {
	var keys []string
	if length <= bigArray {
		keys = o.Keys()
	} else {
		// Too long to list: probe the indices that can still be shown.
		for j := i; j < length && len(keys) < maxLength && j < i+100*maxLength; j++ {
			if c.ownProp(o, c.r.rt.ToValue(j)).exists {
				keys = append(keys, itoa(j))
			}
		}
		keys = append(make([]string, i), keys...)
	}
	index := i
	for ; i < len(keys) && len(output) < maxLength; i++ {
		key := keys[i]
		tmp, err := strconv.ParseUint(key, 10, 64)
		if err != nil || !isArrayIndex(key) {
			break
		}
		if itoa(index) != key {
			empty := int(tmp) - index
			output = append(output, c.stylize("<"+itoa(empty)+" empty item"+plural(empty)+">", styleUndefined))
			index = int(tmp)
			if len(output) == maxLength {
				break
			}
		}
		output = append(output, c.formatProperty(o, recurseTimes, propKey{s: key}, arrayType, nil))
		index++
	}
	remaining := length - index
	if len(output) != maxLength {
		if remaining > 0 {
			output = append(output, c.stylize("<"+itoa(remaining)+" empty item"+plural(remaining)+">", styleUndefined))
		}
	} else if remaining > 0 {
		output = append(output, remainingText(remaining))
	}
	return output
}

// typedArray is a typed array's elements as Export shares them.
type typedArray struct {
	elems any
}

func typedArrayOf(o *goja.Object) typedArray { return typedArray{elems: o.Export()} }

func (t typedArray) length() int {
	switch e := t.elems.(type) {
	case []byte:
		return len(e)
	case []int8:
		return len(e)
	case []uint16:
		return len(e)
	case []int16:
		return len(e)
	case []uint32:
		return len(e)
	case []int32:
		return len(e)
	case []float32:
		return len(e)
	case []float64:
		return len(e)
	case []int64:
		return len(e)
	case []uint64:
		return len(e)
	}
	return 0
}

// element formats element i; big reports a BigInt array.
func (c *ctx) typedElement(t typedArray, i int) string {
	sep := c.opts.NumericSeparator
	switch e := t.elems.(type) {
	case []byte:
		return c.formatNumber(float64(e[i]), sep)
	case []int8:
		return c.formatNumber(float64(e[i]), sep)
	case []uint16:
		return c.formatNumber(float64(e[i]), sep)
	case []int16:
		return c.formatNumber(float64(e[i]), sep)
	case []uint32:
		return c.formatNumber(float64(e[i]), sep)
	case []int32:
		return c.formatNumber(float64(e[i]), sep)
	case []float32:
		return c.formatNumber(float64(e[i]), sep)
	case []float64:
		return c.formatNumber(e[i], sep)
	case []int64:
		return c.formatBigInt(strconv.FormatInt(e[i], 10), sep)
	case []uint64:
		return c.formatBigInt(strconv.FormatUint(e[i], 10), sep)
	}
	return ""
}

func (c *ctx) formatTypedArray(o *goja.Object, t typedArray, recurseTimes int) []string {
	length := t.length()
	n := c.maxLen(length)
	output := make([]string, n, n+6)
	for i := range output {
		output[i] = c.typedElement(t, i)
	}
	if rem := length - n; rem > 0 {
		output = append(output, remainingText(rem))
	}
	if c.opts.ShowHidden {
		c.indentationLvl += 2
		for _, key := range []string{"BYTES_PER_ELEMENT", "length", "byteLength", "byteOffset", "buffer"} {
			output = append(output, "["+key+"]: "+c.formatValue(o.Get(key), recurseTimes, true))
		}
		c.indentationLvl -= 2
	}
	return output
}

func (c *ctx) formatArrayBuffer(o *goja.Object) []string {
	buf := o.Export().(goja.ArrayBuffer)
	if buf.Detached() {
		return []string{c.stylize("(detached)", styleSpecial)}
	}
	b := buf.Bytes()
	n := c.maxLen(len(b))
	h := hex.EncodeToString(b[:n])
	var s strings.Builder
	for i := 0; i < len(h); i += 2 {
		if i > 0 {
			s.WriteByte(' ')
		}
		s.WriteString(h[i : i+2])
	}
	if rem := len(b) - n; rem > 0 {
		s.WriteString(" ... " + itoa(rem) + " more byte" + plural(rem))
	}
	return []string{c.stylize("[Uint8Contents]", styleSpecial) + ": <" + s.String() + ">"}
}

// iterate calls next on a built-in iterator up to n times.
func (c *ctx) iterate(iter goja.Value, next goja.Callable, n int, f func(v goja.Value)) {
	for i := 0; i < n; i++ {
		res, ok := call(next, iter).(*goja.Object)
		if !ok || res.Get("done").ToBoolean() {
			return
		}
		f(res.Get("value"))
	}
}

func (c *ctx) formatSet(o *goja.Object, size, recurseTimes int) []string {
	n := c.maxLen(size)
	output := make([]string, 0, n+1)
	c.indentationLvl += 2
	c.iterate(call(c.r.setValues, o), c.r.setIterNext, n, func(v goja.Value) {
		output = append(output, c.formatValue(v, recurseTimes, false))
	})
	if rem := size - n; rem > 0 {
		output = append(output, remainingText(rem))
	}
	c.indentationLvl -= 2
	return output
}

func (c *ctx) formatMap(o *goja.Object, size, recurseTimes int) []string {
	n := c.maxLen(size)
	output := make([]string, 0, n+1)
	c.indentationLvl += 2
	c.iterate(call(c.r.mapEntries, o), c.r.mapIterNext, n, func(v goja.Value) {
		e := v.(*goja.Object)
		output = append(output, c.formatValue(e.Get("0"), recurseTimes, false)+" => "+c.formatValue(e.Get("1"), recurseTimes, false))
	})
	if rem := size - n; rem > 0 {
		output = append(output, remainingText(rem))
	}
	c.indentationLvl -= 2
	return output
}

func (c *ctx) formatPromise(o *goja.Object, recurseTimes int) []string {
	p, ok := o.Export().(*goja.Promise)
	if !ok || p.State() == goja.PromiseStatePending {
		return []string{c.stylize("<pending>", styleSpecial)}
	}
	c.indentationLvl += 2
	str := c.formatValue(p.Result(), recurseTimes, false)
	c.indentationLvl -= 2
	if p.State() == goja.PromiseStateRejected {
		return []string{c.stylize("<rejected>", styleSpecial) + " " + str}
	}
	return []string{str}
}

// boxedBase is Node's getBoxedBase: [Number: 3], [String: 'abc'].
func (c *ctx) boxedBase(o *goja.Object, k kind, keys *[]propKey, ctor, tag string) string {
	typ := [...]string{"Number", "String", "Boolean", "BigInt", "Symbol"}[k-kindNumberObject]
	prim := call(c.r.valueOf[k-kindNumberObject], o)
	if k == kindStringObject {
		// The indices of a String object repeat its value: not listed.
		n := newJSString(prim).length()
		if n > len(*keys) {
			n = len(*keys)
		}
		*keys = (*keys)[n:]
	}
	base := "[" + typ
	if typ != ctor {
		if ctor == noCtor {
			base += " (null prototype)"
		} else {
			base += " (" + ctor + ")"
		}
	}
	plain := *c
	plain.opts.Colors = false
	base += ": " + plain.formatPrimitive(prim) + "]"
	if tag != "" && tag != ctor {
		base += " [" + tag + "]"
	}
	if len(*keys) != 0 || !c.opts.Colors {
		return base
	}
	return c.stylize(base, styleNames[strings.ToLower(typ)])
}
