package host

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/jsrun/jsrun/transform"
)

// syntaxError turns a parse error of src into a ScriptError that shows,
// as Node does, the file:line, the offending line and a caret under the
// column.
func syntaxError(err error, src string) error {
	if errors.Is(err, transform.ErrTooDeep) {
		return tooDeepError(err)
	}
	var list parser.ErrorList
	var one *parser.Error
	var compiler *goja.CompilerSyntaxError
	var pos file.Position
	var text string
	switch {
	case errors.As(err, &list) && len(list) > 0:
		pos, text = list[0].Position, list[0].Message
	case errors.As(err, &one):
		pos, text = one.Position, one.Message
	case errors.As(err, &compiler) && compiler.File != nil:
		// Found by the compiler, after parsing (let a; let a;).
		pos, text = compiler.File.Position(compiler.Offset), compiler.Message
	default:
		return err
	}
	msg := fmt.Sprintf("%s (%s:%d:%d)", text, pos.Filename, pos.Line, pos.Column)
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d\n", pos.Filename, pos.Line)
	lines := strings.Split(src, "\n")
	if pos.Line >= 1 && pos.Line <= len(lines) {
		line := strings.TrimRight(lines[pos.Line-1], "\r")
		b.WriteString(line + "\n")
		col := min(max(pos.Column-1, 0), len(line))
		b.WriteString(strings.Repeat(" ", col) + "^\n\n")
	}
	b.WriteString("SyntaxError: " + msg)
	return &ScriptError{Kind: "syntax error", Name: "SyntaxError", Message: msg, Stack: b.String()}
}
