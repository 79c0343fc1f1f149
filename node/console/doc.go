// Package console is jsrun's console object, Node's in what it prints:
// log, info, debug and dirxml write to stdout; error, warn and trace to
// stderr; dir, table, time/timeEnd/timeLog, count/countReset, assert and
// group/groupCollapsed/groupEnd behave as Node v20's. Values are formatted
// by node/inspect (util.format's rules); node/console/testdata holds the
// corpus that checks the output against Node byte for byte.
//
// Every runtime of a host shares one Printer, which writes each call's
// output whole under a lock, so lines from threads never interleave.
// Colours are the embedder's choice (Options.Colors*): Node colours a
// stream that is a terminal when NO_COLOR is unset; this package does not
// look at the process's streams or environment itself.
//
// Where Node would emit a process warning (timeEnd of an unknown label,
// countReset of an unknown count, time of a label already running) this
// console writes "Warning: ..." to stderr, without Node's "(node:PID)".
package console
