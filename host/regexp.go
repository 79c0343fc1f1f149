package host

import (
	"sync"
	"time"

	"github.com/dlclark/regexp2/v2"
)

// WithRegexpMatchTimeout bounds one match of a backtracking regular
// expression (default DefaultRegexpMatchTimeout); d must be positive. goja
// runs patterns with backreferences or lookaround on regexp2 and cannot
// interrupt a match in progress, so a catastrophic pattern in a cancelled
// runtime would otherwise keep its goroutine, and the evaluation, alive
// for as long as it backtracks. A match that runs out of time finds
// nothing, as goja reports regexp2 errors.
//
// The bound is process-wide: regexp2 has one knob for it, a default read
// when a pattern is compiled. New lowers it to the host's bound, and never
// raises it: when hosts disagree, or the program set regexp2's default
// itself, the smallest bound holds for every host. Nothing is set before
// the first New, so importing host changes nothing. Lowering it while
// patterns are compiled elsewhere in the process is a data race on that
// one word (regexp2 gives no safe way to set it): make the host with the
// smallest bound first.
func WithRegexpMatchTimeout(d time.Duration) Option {
	return func(o *options) {
		if d <= 0 {
			o.fail("WithRegexpMatchTimeout(%v): the bound must be positive", d)
			return
		}
		o.regexpTimeout = d
	}
}

// regexpMu orders the hosts' changes of regexp2's default.
var regexpMu sync.Mutex

// lowerRegexpTimeout lowers regexp2's default match timeout to d, if that
// lowers it.
func lowerRegexpTimeout(d time.Duration) {
	regexpMu.Lock()
	defer regexpMu.Unlock()
	if d < regexp2.DefaultMatchTimeout {
		regexp2.DefaultMatchTimeout = d
	}
}
