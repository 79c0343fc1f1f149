package transform

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/jsrun/jsrun/internal/nesting"
)

// ErrTooDeep is the error of a file that nests deeper than a parser can
// follow on the Go stack (see internal/nesting): a RangeError in Node,
// "Maximum call stack size exceeded", which is its text. Transform checks
// every file before esbuild or goja reads it.
var ErrTooDeep = nesting.ErrTooDeep

// SyntaxError is a file that does not parse. The host throws it as a
// JavaScript SyntaxError whose message is Message and whose stack starts
// with Frame, as Node prints one.
type SyntaxError struct {
	File     string // the file's path
	Line     int    // 1-based
	Column   int    // 1-based, in characters
	Message  string // what is wrong, e.g. `Expected ";" but found "x"`
	LineText string // the source line, without its line break
	More     int    // how many further errors the file has
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: SyntaxError: %s", e.File, e.Line, e.Column, e.Message)
}

// Frame is the source line with a caret under the column, after the
// file:line, as Node prints a SyntaxError:
//
//	/abs/main.ts:3
//	let x: = 1;
//	       ^
func (e *SyntaxError) Frame() string {
	pad := e.Column - 1
	if pad < 0 {
		pad = 0
	}
	// The caret lines up under tabs as the line shows them.
	var lead strings.Builder
	for i, r := range e.LineText {
		if utf8.RuneCountInString(e.LineText[:i]) >= pad {
			break
		}
		if r == '\t' {
			lead.WriteByte('\t')
		} else {
			lead.WriteByte(' ')
		}
	}
	return fmt.Sprintf("%s:%d\n%s\n%s^", e.File, e.Line, e.LineText, lead.String())
}

// ErrUnsupported is a file kind jsrun does not run: .tsx and .jsx (Node
// 22 does not run them either).
var ErrUnsupported = errors.New("unsupported file extension")

// syntaxError turns esbuild's first error into a SyntaxError on file.
func syntaxError(file string, msgs []api.Message) error {
	m := msgs[0]
	e := &SyntaxError{File: file, Message: m.Text, More: len(msgs) - 1}
	if loc := m.Location; loc != nil {
		e.Line = loc.Line
		e.LineText = loc.LineText
		// esbuild counts the column in bytes from 0.
		col := loc.Column
		if col > len(loc.LineText) {
			col = len(loc.LineText)
		}
		e.Column = utf8.RuneCountInString(loc.LineText[:col]) + 1
	}
	return e
}
