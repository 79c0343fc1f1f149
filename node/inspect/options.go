package inspect

import "math"

// Unlimited is the value of Depth, MaxArrayLength, MaxStringLength and
// BreakLength that means no limit (Node's null or Infinity).
const Unlimited = math.MaxInt

// CompactTrue is the Compact value for Node's compact: true; 0 is false.
const CompactTrue = -1

// Options are util.inspect's options, with Node's defaults from Defaults.
type Options struct {
	ShowHidden       bool
	Depth            int
	Colors           bool
	CustomInspect    bool
	ShowProxy        bool
	MaxArrayLength   int
	MaxStringLength  int
	BreakLength      int
	Compact          int
	Sorted           bool
	Getters          string // "", "true", "get" or "set"
	NumericSeparator bool
}

// Defaults returns Node's util.inspect.defaultOptions.
func Defaults() Options {
	return Options{
		Depth:           2,
		CustomInspect:   true,
		MaxArrayLength:  100,
		MaxStringLength: 10000,
		BreakLength:     80,
		Compact:         3,
	}
}
