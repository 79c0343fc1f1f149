package resolve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// pkg is what resolution reads of a package.json.
type pkg struct {
	path    string // of the package.json
	main    string
	exports *value // nil when there is no "exports"
}

// value is a JSON value whose objects keep their keys' order: the order
// of conditions decides which one wins.
type value struct {
	str  *string
	arr  []*value
	keys []string
	obj  map[string]*value
	null bool
}

func (r *Resolver) readPackage(dir string) (*pkg, error) {
	name := filepath.Join(dir, "package.json")
	data, err := r.FS.ReadFile(name)
	if err != nil {
		if notExist(err) {
			return nil, nil
		}
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	var raw struct {
		Main    any             `json:"main"`
		Exports json.RawMessage `json:"exports"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, errorf("ERR_INVALID_PACKAGE_CONFIG", "Invalid package config %s.", name)
	}
	p := &pkg{path: name}
	p.main, _ = raw.Main.(string)
	if len(raw.Exports) > 0 {
		d := json.NewDecoder(bytes.NewReader(raw.Exports))
		if p.exports, err = decode(d); err != nil {
			return nil, errorf("ERR_INVALID_PACKAGE_CONFIG", "Invalid package config %s.", name)
		}
	}
	return p, nil
}

func decode(d *json.Decoder) (*value, error) {
	t, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch t := t.(type) {
	case string:
		return &value{str: &t}, nil
	case nil:
		return &value{null: true}, nil
	case json.Delim:
		v := &value{}
		if t == '[' {
			for d.More() {
				e, err := decode(d)
				if err != nil {
					return nil, err
				}
				v.arr = append(v.arr, e)
			}
		} else {
			v.obj = map[string]*value{}
			for d.More() {
				k, err := d.Token()
				if err != nil {
					return nil, err
				}
				e, err := decode(d)
				if err != nil {
					return nil, err
				}
				key, _ := k.(string)
				v.keys = append(v.keys, key)
				v.obj[key] = e
			}
		}
		_, err := d.Token() // the closing delimiter
		return v, err
	}
	return &value{null: true}, nil // numbers and booleans are no target
}

// exports resolves subpath ("." or "./x") through p's "exports" under
// conditions (and "default").
func (r *Resolver) exports(p *pkg, dir, subpath string, conditions []string) (string, *Error) {
	notExported := func() *Error {
		if subpath == "." {
			return errorf("ERR_PACKAGE_PATH_NOT_EXPORTED", "No \"exports\" main defined in %s", p.path)
		}
		return errorf("ERR_PACKAGE_PATH_NOT_EXPORTED", "Package subpath '%s' is not defined by \"exports\" in %s", subpath, p.path)
	}
	ex := p.exports
	// Without keys starting with ".", the whole value is that of ".".
	if ex.obj == nil || len(ex.keys) == 0 || !strings.HasPrefix(ex.keys[0], ".") {
		if subpath != "." {
			return "", notExported()
		}
		ex = &value{obj: map[string]*value{".": ex}, keys: []string{"."}}
	}
	if t, ok := ex.obj[subpath]; ok && !strings.Contains(subpath, "*") {
		if f := target(t, dir, "", conditions); f != "" {
			return f, nil
		}
		return "", notExported()
	}
	// Patterns: the one with the longest prefix before its * wins.
	keys := append([]string(nil), ex.keys...)
	sort.SliceStable(keys, func(i, j int) bool { return len(keys[i]) > len(keys[j]) })
	for _, k := range keys {
		star := strings.IndexByte(k, '*')
		if star < 0 {
			continue
		}
		pre, post := k[:star], k[star+1:]
		if strings.HasPrefix(subpath, pre) && strings.HasSuffix(subpath, post) && len(subpath) >= len(k) {
			match := subpath[len(pre) : len(subpath)-len(post)]
			if f := target(ex.obj[k], dir, match, conditions); f != "" {
				return f, nil
			}
			return "", notExported()
		}
	}
	return "", notExported()
}

// target resolves one exports target: a "./" path (with * replaced by
// match), the first array element that resolves, or the first condition
// that applies.
func target(v *value, dir, match string, conditions []string) string {
	switch {
	case v.str != nil:
		s := *v.str
		if !strings.HasPrefix(s, "./") {
			return ""
		}
		return filepath.Join(dir, strings.ReplaceAll(s, "*", match))
	case v.arr != nil:
		for _, e := range v.arr {
			if f := target(e, dir, match, conditions); f != "" {
				return f
			}
		}
	case v.obj != nil:
		for _, k := range v.keys {
			if k == "default" || contains(conditions, k) {
				if f := target(v.obj[k], dir, match, conditions); f != "" {
					return f
				}
			}
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
