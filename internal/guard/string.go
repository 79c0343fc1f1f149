package guard

import (
	"math"
	"strings"

	"github.com/dop251/goja"
)

// The string guards compute the result's length before the original builds
// it in one allocation, and throw Node's "Invalid string length" past
// MaxStringLength.

func guardRepeat(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
	call, this := withThis(call)
	count := number(call.Argument(0))
	call = withConverted(call, 0, count)
	n := count.ToFloat()
	if _, ok := this.(goja.String); ok && n >= 0 && !math.IsInf(n, 1) {
		if float64(strLen(this))*math.Trunc(n) > MaxStringLength {
			s.throwRange(msgString)
		}
	}
	return orig(call)
}

func guardPad(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
	call, this := withThis(call)
	maxLen := number(call.Argument(0))
	call = withConverted(call, 0, maxLen)
	if len(call.Arguments) > 1 {
		call = withConverted(call, 1, str(call.Arguments[1]))
	}
	if _, ok := this.(goja.String); !ok || toInteger(maxLen) <= MaxStringLength {
		return orig(call)
	}
	if fill := call.Argument(1); !goja.IsUndefined(fill) && strLen(fill) == 0 {
		return orig(call) // an empty filler leaves the string as it is
	}
	if toInteger(maxLen) > float64(strLen(this)) {
		s.throwRange(msgString)
	}
	return orig(call)
}

func guardStringConcat(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
	call, this := withThis(call)
	if _, ok := this.(goja.String); !ok {
		return orig(call)
	}
	total := strLen(this)
	args, copied := call.Arguments, false
	for i, a := range args {
		if _, ok := a.(*goja.Object); ok {
			if !copied {
				args, copied = append([]goja.Value(nil), args...), true
			}
			a = str(a)
			args[i] = a
		}
		total += strLen(a)
		if total > MaxStringLength {
			s.throwRange(msgString)
		}
	}
	call.Arguments = args
	return orig(call)
}

// guardReplaceAll bounds replaceAll with a string pattern and a string
// replacement, whose result can be the string's length squared ("$'" puts
// the rest of the string in each match). A RegExp pattern or a function
// replacement is left alone.
func guardReplaceAll(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
	if _, ok := call.This.(goja.String); !ok {
		return orig(call)
	}
	search, repl := call.Argument(0), call.Argument(1)
	if _, ok := search.(*goja.Object); ok {
		return orig(call)
	}
	if _, ok := repl.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(repl); isFn {
			return orig(call)
		}
		repl = str(repl)
		call = withConverted(call, 1, repl)
	}
	if _, ok := search.(*goja.Symbol); ok {
		return orig(call)
	}
	if _, ok := repl.(*goja.Symbol); ok {
		return orig(call)
	}
	n, sl, rl := strLen(call.This), strLen(search), strLen(repl)
	// Each match costs at most the replacement with every "$`" and "$'"
	// standing for the whole string and "$&" for the match.
	r := repl.String()
	per := rl + (strings.Count(r, "$`")+strings.Count(r, "$'"))*n + strings.Count(r, "$&")*sl
	matches := n + 1
	if sl > 0 {
		matches = n / sl
	}
	if float64(n)+float64(matches)*float64(per) <= MaxStringLength {
		return orig(call)
	}
	if exact, ok := replaceAllLength(call.This.String(), search.String(), r); ok && exact <= MaxStringLength {
		return orig(call)
	}
	s.throwRange(msgString)
	return nil
}

// replaceAllLength is the length of s.replaceAll(search, repl) for ASCII
// strings (where a byte is a UTF-16 unit), counted until it passes
// MaxStringLength; ok is false for other strings.
func replaceAllLength(s, search, repl string) (n float64, ok bool) {
	if !isASCII(s) || !isASCII(search) || !isASCII(repl) {
		return 0, false
	}
	n = float64(len(s))
	for i := 0; i <= len(s) && n <= MaxStringLength; {
		j := strings.Index(s[i:], search)
		if j < 0 {
			break
		}
		p := i + j
		n += float64(substitutionLength(repl, len(s), p, len(search)) - len(search))
		i = p + len(search)
		if search == "" {
			i++
		}
	}
	return n, true
}

// substitutionLength is the length of GetSubstitution(repl) for a match at
// p of length m in a string of length n (a string pattern has no captures).
func substitutionLength(repl string, n, p, m int) int {
	l := 0
	for i := 0; i < len(repl); i++ {
		if repl[i] != '$' || i+1 == len(repl) {
			l++
			continue
		}
		switch repl[i+1] {
		case '$':
			l++
		case '&':
			l += m
		case '`':
			l += p
		case '\'':
			l += n - p - m
		default:
			l += 2
		}
		i++
	}
	return l
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
