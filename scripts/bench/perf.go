package main

// The pairs and rows of issue 20: the floor, the first 1,000 round trips
// and their curve, and Node's plain unbounded pool. Their goals are ratios
// measured in the same run, since absolute figures drift from run to run
// on these machines.

import (
	"flag"
	"fmt"
	"math"
	"os/exec"
)

var (
	firstN      = flag.Int("first", 5000, "first: round trips timed from a fresh process (the curve)")
	firstBatch  = flag.Int("first-batch", 200, "first: round trips per batch of the curve")
	firstSteady = flag.Int("first-steady", 20000, "first: round trips after the curve that give the same process's steady state")
	floorN      = flag.Int("floor-n", 20000, "floor: round trips per run, on both sides")
)

func init() {
	benches = append(benches,
		bench{
			// The "node" side is the floor program (scripts/bench/floor),
			// built by go run (its executable is cached).
			name:      "floor",
			jsrunArgs: func(params) []string { return ints(*floorN) },
			nodeCmd: func(params) *exec.Cmd {
				return exec.Command("go", append([]string{"run", "../floor"}, ints(*floorN)...)...)
			},
		},
		bench{
			name:      "first", // jsrun only
			jsrunArgs: func(params) []string { return ints(*firstN, *firstBatch, *firstSteady) },
		},
		bench{
			name:      "pool_plain",
			jsrunArgs: func(p params) []string { return ints(p.poolItems) },
			nodeArgs:  func(p params) []string { return ints(p.poolItems) },
		},
	)
}

// perfRows are the rows of the pairs above.
func perfRows(p params) []row {
	// ratioGoal is met when jsrun / node is at most (or, with higher
	// set, at least) limit.
	ratioGoal := func(limit float64, higher bool) func(n, j float64) (bool, bool) {
		return func(n, j float64) (bool, bool) {
			if math.IsNaN(n) || n <= 0 {
				return false, false
			}
			if higher {
				return j/n >= limit, true
			}
			return j/n <= limit, true
		}
	}
	rs := []row{
		{bench: "floor", label: fmt.Sprintf("floor: run((a,b)=>a+b).get() x%d (node column: goroutine + goja.New() + call)", *floorN),
			unit: "us/task", node: "floor_us", jsrun: "roundtrip_us", goal: ratioGoal(3, false), goalText: "<= 3x floor"},
		{bench: "first", label: "first 1,000 round trips in a fresh process: mean (node: n/a)",
			unit: "us/task", jsrun: "first1000_us"},
		{bench: "first", label: fmt.Sprintf("first: steady state of the same process, next %d", *firstSteady),
			unit: "us/task", jsrun: "first_steady_us"},
		{bench: "first", label: "first: first 1,000 / steady state",
			unit: "ratio", jsrun: "first1000_ratio",
			goal: func(_, j float64) (bool, bool) { return j <= 1.5, true }, goalText: "<= 1.5"},
	}
	for b := 0; b < *firstN / *firstBatch; b++ {
		rs = append(rs, row{bench: "first", label: fmt.Sprintf("first: curve, round trips %d-%d", b**firstBatch+1, (b+1)**firstBatch),
			unit: "us/task", jsrun: fmt.Sprintf("first_batch_us_%d", b)})
	}
	return append(rs,
		row{bench: "pool_plain", label: fmt.Sprintf("pool map, 2 workers, %d items (node: plain unbounded pool)", p.poolItems),
			unit: "items/s", node: "plain_map_items_s", jsrun: "plain_map_items_s", higherBetter: true,
			goal: ratioGoal(4, true), goalText: ">= 4x node"},
		row{bench: "pool_plain", label: "pool submit+get (node: plain unbounded pool)",
			unit: "items/s", node: "plain_submit_items_s", jsrun: "plain_submit_items_s", higherBetter: true,
			goal: ratioGoal(1.5, true), goalText: ">= 1.5x node"},
		row{bench: "pool_plain", label: "pool map (node: piscina, the same run)",
			unit: "items/s", node: "plain_map_items_s@piscina", jsrun: "plain_map_items_s", higherBetter: true,
			goal: ratioGoal(20, true), goalText: ">= 20x node"},
		row{bench: "pool_plain", label: "pool submit+get (node: piscina, the same run)",
			unit: "items/s", node: "plain_submit_items_s@piscina", jsrun: "plain_submit_items_s", higherBetter: true,
			goal: ratioGoal(20, true), goalText: ">= 20x node"},
	)
}
