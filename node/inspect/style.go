package inspect

// Node's default inspect.styles, as SGR colour codes.
type style uint8

const (
	styleNone style = iota
	styleSpecial
	styleNumber
	styleBigInt
	styleBoolean
	styleUndefined
	styleNull
	styleString
	styleSymbol
	styleDate
	styleRegExp
	styleModule
	styleName
)

var styleCodes = [...][2]string{
	styleSpecial:   {"36", "39"}, // cyan
	styleNumber:    {"33", "39"}, // yellow
	styleBigInt:    {"33", "39"},
	styleBoolean:   {"33", "39"},
	styleUndefined: {"90", "39"}, // grey
	styleNull:      {"1", "22"},  // bold
	styleString:    {"32", "39"}, // green
	styleSymbol:    {"32", "39"},
	styleDate:      {"35", "39"}, // magenta
	styleRegExp:    {"31", "39"}, // red
	styleModule:    {"4", "24"},  // underline
}

var styleNames = map[string]style{
	"special": styleSpecial, "number": styleNumber, "bigint": styleBigInt,
	"boolean": styleBoolean, "undefined": styleUndefined, "null": styleNull,
	"string": styleString, "symbol": styleSymbol, "date": styleDate,
	"regexp": styleRegExp, "module": styleModule, "name": styleName,
}

func (c *ctx) stylize(s string, st style) string {
	if !c.opts.Colors || st == styleNone || st == styleName {
		return s
	}
	code := styleCodes[st]
	return "\x1b[" + code[0] + "m" + s + "\x1b[" + code[1] + "m"
}
