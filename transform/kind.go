package transform

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
)

// Kind is how a file runs: as a CommonJS module or as an ES module.
type Kind int

const (
	CommonJS Kind = iota
	Module
)

func (k Kind) String() string {
	if k == Module {
		return "module"
	}
	return "commonjs"
}

// ReadFile reads a file for this package. The package reads nothing
// else: the host decides which files exist (it confines them with
// os.Root). A missing file is an error that wraps fs.ErrNotExist.
type ReadFile func(path string) ([]byte, error)

// scope is what the extension and the nearest package.json say.
type scope int

const (
	scopeCommonJS  scope = iota // .cjs, .cts, or "type": "commonjs"
	scopeModule                 // .mjs, .mts, or "type": "module"
	scopeAmbiguous              // .js or .ts with no "type": the syntax decides
)

// typescript tells whether path is a TypeScript file.
func typescript(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".ts", ".mts", ".cts":
		return true
	}
	return false
}

// scopeOf decides what it can from path alone and its nearest
// package.json, read through readFile, as Node 22 does.
func scopeOf(path string, readFile ReadFile) (scope, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".mjs", ".mts":
		return scopeModule, nil
	case ".cjs", ".cts":
		return scopeCommonJS, nil
	case ".tsx", ".jsx":
		return 0, fmt.Errorf("%s: %w", path, ErrUnsupported)
	}
	typ, err := packageType(filepath.Dir(path), readFile)
	if err != nil {
		return 0, err
	}
	switch typ {
	case "module":
		return scopeModule, nil
	case "commonjs":
		return scopeCommonJS, nil
	}
	return scopeAmbiguous, nil
}

// packageType returns the "type" of the nearest package.json at or above
// dir ("" when there is none or it has no type).
func packageType(dir string, readFile ReadFile) (string, error) {
	if readFile == nil {
		return "", nil
	}
	for {
		name := filepath.Join(dir, "package.json")
		data, err := readFile(name)
		switch {
		case err == nil:
			var pkg struct {
				Type json.RawMessage `json:"type"`
			}
			if err := json.Unmarshal(data, &pkg); err != nil {
				return "", fmt.Errorf("invalid package config %s: %w", name, err)
			}
			var typ string
			_ = json.Unmarshal(pkg.Type, &typ) // a type that is not a string is no type
			return typ, nil
		case !notExist(err):
			return "", fmt.Errorf("reading %s: %w", name, err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// notExist tells whether err means there is no such file (a path through
// a regular file is none either).
func notExist(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}

// KindOf returns how Node 22 runs the file at path, whose content is src:
// .mjs and .mts are ES modules, .cjs and .cts CommonJS; a .js or .ts
// file is what the "type" of the nearest package.json says, and without
// one an ES module when it has import, export, import.meta or top-level
// await, CommonJS otherwise. readFile reads the package.json files and
// nothing else.
func KindOf(path, src string, readFile ReadFile) (Kind, error) {
	sc, err := scopeOf(path, readFile)
	if err != nil {
		return 0, err
	}
	switch sc {
	case scopeModule:
		return Module, nil
	case scopeCommonJS:
		return CommonJS, nil
	}
	ts := typescript(path)
	if !ts && plain(path, src) {
		return CommonJS, nil
	}
	_, format, err := buildModule(path, src, ts, false)
	if err != nil {
		return 0, err
	}
	if format == "esm" {
		return Module, nil
	}
	return CommonJS, nil
}
