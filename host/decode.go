package host

import (
	"context"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DecodeError is a result that does not fit the Go type it is decoded
// into. Its message names where: "result.items[3].price: want number,
// got string".
type DecodeError struct {
	Path string // from "result", with .field, [index] and ["key"] steps
	Want string // what the Go type takes: number, integer, string, ...
	Got  string // what the script gave: string, number 1.5, null, ...
	Err  error  // a custom decoder's error (json.Unmarshaler, ...), if any
}

func (e *DecodeError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("%s: want %s, got %s", e.Path, e.Want, e.Got)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// Decode converts v, a result in the Go form Eval and Call return, into
// T as encoding/json would decode the JSON of it: struct fields by their
// json tags (or names, matched regardless of case), numbers into any
// numeric type that holds them exactly, nested structs, slices, arrays,
// maps with string or integer keys, pointers, time.Time from a Date or
// an RFC 3339 string, []byte from base64, and types with UnmarshalJSON or
// UnmarshalText. null leaves a value as it was (and sets pointers, maps,
// slices and interfaces to nil); keys T has no field for are ignored. An
// interface{} takes v as it is. A mismatch is a *DecodeError naming its
// path.
func Decode[T any](v any) (T, error) {
	var out T
	err := decodeInto(v, &out)
	return out, err
}

// EvalInto is Eval decoding the result into out, a non-nil pointer, as
// Decode does.
func (h *Host) EvalInto(ctx context.Context, out any, src string) error {
	if err := checkDecodeTarget(out); err != nil {
		return err
	}
	v, err := h.Eval(ctx, src)
	if err != nil {
		return err
	}
	return decodeInto(v, out)
}

// errDecodeTarget is wrapped by the error for an out that is not a
// non-nil pointer.
var errDecodeTarget = errors.New("jsrun: decode: out must be a non-nil pointer")

func checkDecodeTarget(out any) error {
	rv := reflect.ValueOf(out)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("%w, not %T", errDecodeTarget, out)
	}
	return nil
}

func decodeInto(v any, out any) error {
	if err := checkDecodeTarget(out); err != nil {
		return err
	}
	return decodeValue(v, reflect.ValueOf(out).Elem(), "result")
}

var (
	timeType            = reflect.TypeFor[time.Time]()
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func decodeValue(v any, dst reflect.Value, path string) error {
	t := dst.Type()
	if v == nil {
		switch t.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Map, reflect.Slice:
			dst.SetZero()
		}
		return nil
	}
	if t == timeType {
		return decodeTime(v, dst, path)
	}
	if rt := reflect.TypeOf(v); rt == t && t.Kind() != reflect.Map && t.Kind() != reflect.Slice {
		dst.Set(reflect.ValueOf(v))
		return nil
	}
	if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface && reflect.PointerTo(t).Implements(jsonUnmarshalerType) {
		return decodeJSON(v, dst.Addr().Interface().(json.Unmarshaler), path)
	}
	if s, ok := v.(string); ok && t.Kind() != reflect.Pointer && t.Kind() != reflect.String && reflect.PointerTo(t).Implements(textUnmarshalerType) {
		if err := dst.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			return &DecodeError{Path: path, Err: err}
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		if dst.IsNil() {
			dst.Set(reflect.New(t.Elem()))
		}
		return decodeValue(v, dst.Elem(), path)
	case reflect.Interface:
		rv := reflect.ValueOf(v)
		if !rv.Type().AssignableTo(t) {
			return mismatch(path, t.String(), v)
		}
		dst.Set(rv)
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			return mismatch(path, "boolean", v)
		}
		dst.SetBool(b)
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			return mismatch(path, "string", v)
		}
		dst.SetString(s)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := asInt(v)
		if !ok || dst.OverflowInt(n) {
			return mismatch(path, "integer ("+t.Kind().String()+")", v)
		}
		dst.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n, ok := asInt(v)
		if !ok || n < 0 || dst.OverflowUint(uint64(n)) {
			return mismatch(path, "integer ("+t.Kind().String()+")", v)
		}
		dst.SetUint(uint64(n))
	case reflect.Float32, reflect.Float64:
		f, ok := asFloat(v)
		if !ok || dst.OverflowFloat(f) {
			return mismatch(path, "number", v)
		}
		dst.SetFloat(f)
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			return mismatch(path, "object", v)
		}
		return decodeStruct(m, dst, path)
	case reflect.Map:
		return decodeMap(v, dst, path)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			if s, ok := v.(string); ok { // as encoding/json: base64
				b, err := base64.StdEncoding.DecodeString(s)
				if err != nil {
					return &DecodeError{Path: path, Err: fmt.Errorf("want base64 text: %w", err)}
				}
				dst.SetBytes(b)
				return nil
			}
			if b, ok := v.([]byte); ok {
				dst.SetBytes(append([]byte(nil), b...))
				return nil
			}
		}
		a, ok := v.([]any)
		if !ok {
			return mismatch(path, "array", v)
		}
		s := reflect.MakeSlice(t, len(a), len(a))
		for i, e := range a {
			if err := decodeValue(e, s.Index(i), path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
		dst.Set(s)
	case reflect.Array:
		a, ok := v.([]any)
		if !ok {
			return mismatch(path, "array", v)
		}
		for i := range dst.Len() {
			if i >= len(a) {
				dst.Index(i).SetZero()
				continue
			}
			if err := decodeValue(a[i], dst.Index(i), path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
	default:
		return mismatch(path, t.String(), v)
	}
	return nil
}

func decodeTime(v any, dst reflect.Value, path string) error {
	switch x := v.(type) {
	case time.Time:
		dst.Set(reflect.ValueOf(x))
	case string:
		tm, err := time.Parse(time.RFC3339Nano, x)
		if err != nil {
			return &DecodeError{Path: path, Want: "date", Got: "string " + strconv.Quote(x), Err: fmt.Errorf("want an RFC 3339 date: %w", err)}
		}
		dst.Set(reflect.ValueOf(tm))
	default:
		return mismatch(path, "date", v)
	}
	return nil
}

// decodeJSON hands a type of its own decoder the JSON of v.
func decodeJSON(v any, u json.Unmarshaler, path string) error {
	b, err := json.Marshal(v)
	if err == nil {
		err = u.UnmarshalJSON(b)
	}
	if err != nil {
		return &DecodeError{Path: path, Err: err}
	}
	return nil
}

func decodeStruct(m map[string]any, dst reflect.Value, path string) error {
	fields := fieldsOf(dst.Type())
	for key, e := range m {
		f := fields.find(key)
		if f == nil {
			continue
		}
		fv, ok := fieldByIndex(dst, f.index)
		if !ok {
			continue
		}
		if err := decodeValue(e, fv, joinPath(path, key)); err != nil {
			return err
		}
	}
	return nil
}

// fieldByIndex is the field at index, making the embedded pointers on
// the way; false for one behind an unexported embedded pointer.
func fieldByIndex(v reflect.Value, index []int) (reflect.Value, bool) {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				if !v.CanSet() {
					return reflect.Value{}, false
				}
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, true
}

func decodeMap(v any, dst reflect.Value, path string) error {
	m, ok := v.(map[string]any)
	if !ok {
		return mismatch(path, "object", v)
	}
	t := dst.Type()
	if dst.IsNil() {
		dst.Set(reflect.MakeMapWithSize(t, len(m)))
	}
	kt := t.Key()
	for key, e := range m {
		kv := reflect.New(kt).Elem()
		switch {
		case kt.Kind() == reflect.String:
			kv.SetString(key)
		case reflect.PointerTo(kt).Implements(textUnmarshalerType):
			if err := kv.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(key)); err != nil {
				return &DecodeError{Path: joinPath(path, key), Err: err}
			}
		case kt.Kind() >= reflect.Int && kt.Kind() <= reflect.Int64:
			n, err := strconv.ParseInt(key, 10, 64)
			if err != nil || kv.OverflowInt(n) {
				return &DecodeError{Path: joinPath(path, key), Want: "integer key", Got: "key " + strconv.Quote(key)}
			}
			kv.SetInt(n)
		case kt.Kind() >= reflect.Uint && kt.Kind() <= reflect.Uintptr:
			n, err := strconv.ParseUint(key, 10, 64)
			if err != nil || kv.OverflowUint(n) {
				return &DecodeError{Path: joinPath(path, key), Want: "unsigned integer key", Got: "key " + strconv.Quote(key)}
			}
			kv.SetUint(n)
		default:
			return &DecodeError{Path: path, Want: "a map with string or integer keys", Got: "object", Err: fmt.Errorf("cannot decode into %s", t)}
		}
		ev := reflect.New(t.Elem()).Elem()
		if err := decodeValue(e, ev, joinPath(path, key)); err != nil {
			return err
		}
		dst.SetMapIndex(kv, ev)
	}
	return nil
}

func asInt(v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case int:
		return int64(x), true
	case int32:
		return int64(x), true
	case float64:
		if x != math.Trunc(x) || x < math.MinInt64 || x >= math.MaxInt64 {
			return 0, false
		}
		return int64(x), true
	}
	return 0, false
}

func asFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int64:
		return float64(x), true
	case int:
		return float64(x), true
	case int32:
		return float64(x), true
	}
	return 0, false
}

func mismatch(path, want string, v any) error {
	return &DecodeError{Path: path, Want: want, Got: jsKind(v)}
}

// jsKind names what the script gave in its own terms.
func jsKind(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case int64, int, int32:
		return "number " + fmt.Sprint(x)
	case float64:
		return "number " + strconv.FormatFloat(x, 'g', -1, 64)
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case time.Time:
		return "date"
	}
	if reflect.TypeOf(v).Kind() == reflect.Func {
		return "function"
	}
	return "object"
}

// joinPath adds a key to path: .key when it is an identifier, ["key"]
// when not.
func joinPath(path, key string) string {
	if isIdentifier(key) {
		return path + "." + key
	}
	return path + "[" + strconv.Quote(key) + "]"
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9' {
			continue
		}
		return false
	}
	return true
}

// structFields are the fields of a struct type as encoding/json sees
// them, found by their JSON name exactly, or else regardless of case.
type structFields struct {
	byName map[string]*field
	byFold map[string]*field
}

type field struct {
	name  string
	index []int
}

func (s *structFields) find(key string) *field {
	if f := s.byName[key]; f != nil {
		return f
	}
	return s.byFold[strings.ToLower(key)]
}

var fieldCache sync.Map // reflect.Type → *structFields

func fieldsOf(t reflect.Type) *structFields {
	if s, ok := fieldCache.Load(t); ok {
		return s.(*structFields)
	}
	s := &structFields{byName: map[string]*field{}, byFold: map[string]*field{}}
	collectFields(t, nil, s, map[reflect.Type]bool{})
	fieldCache.Store(t, s)
	return s
}

// collectFields walks t's fields breadth first as encoding/json does,
// so that a shallower field hides a deeper one of the same name.
func collectFields(t reflect.Type, index []int, s *structFields, seen map[reflect.Type]bool) {
	if seen[t] {
		return
	}
	seen[t] = true
	var embedded []reflect.StructField
	for i := range t.NumField() {
		sf := t.Field(i)
		name, ok := jsonName(sf)
		if !ok {
			continue
		}
		idx := append(append([]int(nil), index...), i)
		if sf.Anonymous && name == "" {
			ft := sf.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				sf.Index = idx
				embedded = append(embedded, sf)
				continue
			}
			name = sf.Name
		}
		if name == "" {
			name = sf.Name
		}
		if _, taken := s.byName[name]; taken {
			continue
		}
		f := &field{name: name, index: idx}
		s.byName[name] = f
		if _, taken := s.byFold[strings.ToLower(name)]; !taken {
			s.byFold[strings.ToLower(name)] = f
		}
	}
	for _, sf := range embedded {
		ft := sf.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		collectFields(ft, sf.Index, s, seen)
	}
}

// jsonName is a field's name in its json tag ("" for none), and false
// for a field encoding/json leaves out: unexported (but an embedded
// struct) or tagged "-".
func jsonName(sf reflect.StructField) (string, bool) {
	if !sf.IsExported() && !(sf.Anonymous && sf.Type.Kind() == reflect.Struct) {
		return "", false
	}
	tag := sf.Tag.Get("json")
	if tag == "-" {
		return "", false
	}
	name, _, _ := strings.Cut(tag, ",")
	return name, true
}
