package inspect

import (
	"math"
	"strings"

	"github.com/dop251/goja"
)

// reduceToSingleString is Node's reduceToSingleString: the entries on one
// line when they fit, else one per line.
func (c *ctx) reduceToSingleString(output []string, base string, braces [2]string, extrasType propType, recurseTimes int, numeric func() bool) string {
	if c.opts.Compact != CompactTrue {
		if c.opts.Compact >= 1 {
			entries := len(output)
			if extrasType == arrayExtrasType && entries > 6 {
				output = c.groupArrayElements(output, numeric)
			}
			if c.currentDepth-recurseTimes < c.opts.Compact && entries == len(output) {
				start := len(output) + c.indentationLvl + jsLen(braces[0]) + jsLen(base) + 10
				if c.isBelowBreakLength(output, start, base) {
					joined := strings.Join(output, ", ")
					if !strings.Contains(joined, "\n") {
						b := ""
						if base != "" {
							b = base + " "
						}
						return b + braces[0] + " " + joined + " " + braces[1]
					}
				}
			}
		}
		indentation := "\n" + strings.Repeat(" ", c.indentationLvl)
		b := ""
		if base != "" {
			b = base + " "
		}
		return b + braces[0] + indentation + "  " + strings.Join(output, ","+indentation+"  ") + indentation + braces[1]
	}
	if c.isBelowBreakLength(output, 0, base) {
		b := ""
		if base != "" {
			b = " " + base
		}
		return braces[0] + b + " " + strings.Join(output, ", ") + " " + braces[1]
	}
	indentation := strings.Repeat(" ", c.indentationLvl)
	ln := " "
	if base != "" || jsLen(braces[0]) != 1 {
		ln = "\n" + indentation + "  "
		if base != "" {
			ln = " " + base + ln
		}
	}
	return braces[0] + ln + strings.Join(output, ",\n"+indentation+"  ") + " " + braces[1]
}

func (c *ctx) isBelowBreakLength(output []string, start int, base string) bool {
	total := len(output) + start
	if total+len(output) > c.opts.BreakLength {
		return false
	}
	for _, s := range output {
		if c.opts.Colors {
			total += jsLen(stripVT(s))
		} else {
			total += jsLen(s)
		}
		if total > c.opts.BreakLength {
			return false
		}
	}
	return base == "" || !strings.Contains(base, "\n")
}

// groupArrayElements is Node's groupArrayElements: short entries of long
// arrays in aligned columns.
// numeric reports whether every entry is a number or a BigInt (Node's
// typeof value[i] test), which right-aligns the columns; nil means yes.
func (c *ctx) groupArrayElements(output []string, numeric func() bool) []string {
	totalLength := 0
	maxLength := 0
	outputLength := len(output)
	if c.opts.MaxArrayLength < len(output) {
		outputLength--
	}
	const separatorSpace = 2
	dataLen := make([]int, outputLength)
	for i := 0; i < outputLength; i++ {
		l := stringWidth(output[i], c.opts.Colors)
		dataLen[i] = l
		totalLength += l + separatorSpace
		if maxLength < l {
			maxLength = l
		}
	}
	actualMax := maxLength + separatorSpace
	if actualMax*3+c.indentationLvl < c.opts.BreakLength &&
		(float64(totalLength)/float64(actualMax) > 5 || maxLength <= 6) {
		averageBias := math.Sqrt(float64(actualMax) - float64(totalLength)/float64(len(output)))
		biasedMax := math.Max(float64(actualMax)-3-averageBias, 1)
		columns := minInt(
			int(math.Round(math.Sqrt(2.5*biasedMax*float64(outputLength))/biasedMax)),
			(c.opts.BreakLength-c.indentationLvl)/actualMax,
			c.opts.Compact*4,
			15,
		)
		if columns <= 1 {
			return output
		}
		var tmp []string
		maxLineLength := make([]int, 0, columns)
		for i := 0; i < columns; i++ {
			lineMax := 0
			for j := i; j < len(output); j += columns {
				if j < outputLength && dataLen[j] > lineMax {
					lineMax = dataLen[j]
				}
			}
			maxLineLength = append(maxLineLength, lineMax+separatorSpace)
		}
		padStart := numeric == nil || numeric()
		for i := 0; i < outputLength; i += columns {
			max := minInt(i+columns, outputLength)
			var str strings.Builder
			j := i
			for ; j < max-1; j++ {
				padding := maxLineLength[j-i] + jsLen(output[j]) - dataLen[j]
				str.WriteString(pad(output[j]+", ", padding, padStart))
			}
			if padStart {
				padding := maxLineLength[j-i] + jsLen(output[j]) - dataLen[j] - separatorSpace
				str.WriteString(pad(output[j], padding, true))
			} else {
				str.WriteString(output[j])
			}
			tmp = append(tmp, str.String())
		}
		if c.opts.MaxArrayLength < len(output) {
			tmp = append(tmp, output[outputLength])
		}
		output = tmp
	}
	return output
}

// isNumberLike is Node's `typeof value[i] === 'number' || 'bigint'`,
// without running a getter (Node's plain get would).
func (c *ctx) isNumberLike(o *goja.Object, i int) bool {
	if i >= arrayLength(o) {
		return false // value[i] past the end is undefined
	}
	p := c.ownProp(o, c.r.rt.ToValue(i))
	if !p.exists || p.accessor {
		return false
	}
	return goja.IsNumber(p.value) || goja.IsBigInt(p.value)
}

func pad(s string, width int, start bool) string {
	n := jsLen(s)
	if n >= width {
		return s
	}
	if start {
		return strings.Repeat(" ", width-n) + s
	}
	return s + strings.Repeat(" ", width-n)
}

func minInt(v ...int) int {
	m := v[0]
	for _, x := range v[1:] {
		if x < m {
			m = x
		}
	}
	return m
}
