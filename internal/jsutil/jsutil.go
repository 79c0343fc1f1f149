// Package jsutil holds the small goja helpers that several jsrun packages
// need, so that their error messages agree.
package jsutil

import (
	"reflect"

	"github.com/dop251/goja"
)

// TypeOf is JavaScript's typeof of v, with "null" for null and "array" for
// arrays, which is what an error message about a wrong argument wants to say.
func TypeOf(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if o, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(o); isFn {
			return "function"
		}
		if o.ClassName() == "Array" {
			return "array"
		}
		return "object"
	}
	if _, ok := v.(*goja.Symbol); ok {
		return "symbol"
	}
	switch v.ExportType().Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int64, reflect.Float64:
		return "number"
	}
	return "bigint"
}
