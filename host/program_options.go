package host

import (
	"fmt"
	"time"
)

// WithCallTimeout bounds every call of a Program (default, and 0: no
// bound but the call's context): a call still running d after it began
// fails with an error wrapping context.DeadlineExceeded, and its instance
// is replaced.
func WithCallTimeout(d time.Duration) ProgramOption {
	return func(o *programOptions) {
		if d < 0 {
			o.errs = append(o.errs, fmt.Errorf("jsrun: %w: WithCallTimeout(%v): must not be negative", ErrInvalidOption, d))
			return
		}
		o.timeout = d
	}
}
