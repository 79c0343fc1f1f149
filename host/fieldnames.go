package host

import (
	"reflect"
)

// jsonFieldNames names the fields of Go structs in scripts as
// encoding/json names them in JSON: by the json tag, by the Go name when
// the tag gives none, and not at all when it is "-". goja's own
// TagFieldNameMapper hides a field without a tag, where encoding/json
// keeps it under its Go name; so this mapper is the host's. Methods keep
// their Go names, which encoding/json does not see.
type jsonFieldNames struct{}

func (jsonFieldNames) FieldName(_ reflect.Type, f reflect.StructField) string {
	name, ok := jsonName(f)
	if !ok {
		return ""
	}
	if name == "" {
		return f.Name
	}
	return name
}

func (jsonFieldNames) MethodName(_ reflect.Type, m reflect.Method) string { return m.Name }

// WithGoFieldNames names the fields of Go structs in scripts by their Go
// names (OrderID) instead of their json tags (orderId), the default.
func WithGoFieldNames() Option { return func(o *options) { o.goFieldNames = true } }
