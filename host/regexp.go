package host

import (
	"math"
	"time"

	"github.com/dlclark/regexp2/v2"
)

// RegexpMatchTimeout bounds one match of a backtracking regular expression
// (goja runs patterns with backreferences or lookaround on regexp2). goja
// cannot interrupt a match in progress, so a catastrophic pattern in a
// cancelled runtime would otherwise keep its goroutine, and the evaluation,
// alive for as long as it backtracks. regexp2 has one knob for this, a
// process-wide default read when a pattern is compiled; importing host sets
// it to this value unless something already changed it. A match that runs
// out of time finds nothing, as goja reports regexp2 errors.
const RegexpMatchTimeout = 1500 * time.Millisecond

func init() {
	if regexp2.DefaultMatchTimeout == time.Duration(math.MaxInt64) {
		regexp2.DefaultMatchTimeout = RegexpMatchTimeout
	}
}
