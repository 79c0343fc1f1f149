package main

import "strconv"

// sandboxArgs are the worker flags of the script's sandbox and limits.
func sandboxArgs(fsRoot string, noFS, noNet bool, maxMemory *memoryFlag) []string {
	var args []string
	if fsRoot != "" {
		args = append(args, "--fs-root", fsRoot)
	}
	if noFS {
		args = append(args, "--no-fs")
	}
	if noNet {
		args = append(args, "--no-net")
	}
	return append(args, "--max-memory", strconv.FormatInt(maxMemory.n, 10))
}
