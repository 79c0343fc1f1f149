package host

import (
	"context"
	"fmt"

	"github.com/jsrun/jsrun/transform"
)

// evalModule runs an ES module main file.
func (h *Host) evalModule(ctx context.Context, res *transform.Result) (any, error) {
	return nil, fmt.Errorf("jsrun: %s: ES modules are not run yet", res.Path)
}
