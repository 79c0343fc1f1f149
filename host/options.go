package host

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"time"
)

// Defaults of the limits a Host sets when no option does.
const (
	DefaultMaxThreads         = 1000                    // WithMaxThreads
	DefaultMaxCallStackSize   = 10000                   // WithMaxCallStackSize
	DefaultMaxQueuedItems     = 1_000_000               // WithMaxQueuedItems
	DefaultRegexpMatchTimeout = 1500 * time.Millisecond // WithRegexpMatchTimeout
)

// ErrInvalidOption is wrapped by New's error for an option it cannot
// honour: a negative limit, a nil writer, a name given twice, ...
var ErrInvalidOption = errors.New("invalid option")

// Option configures a Host. New reports a bad one.
type Option func(*options)

type options struct {
	stdout, stderr io.Writer
	stdoutTerminal bool // WithTerminal
	stderrTerminal bool
	args           []string
	env            map[string]string
	maxThreads     int
	maxStack       int
	maxCloneBytes  int64
	maxQueued      int64
	memoryLimit    int64
	regexpTimeout  time.Duration
	fsMode         fsMode
	fsRoot         string
	fsOptions      []string // the file-system options given, for a conflict
	modules        []module
	globals        []global
	net            netOptions
	goFieldNames   bool         // WithGoFieldNames
	logger         *slog.Logger // WithLogger
	cluster        *remotePools // WithNATS
	errs           []error
}

type fsMode int

const (
	fsWhole fsMode = iota
	fsConfined
	fsOff
)

func defaultOptions() options {
	return options{
		stdout: os.Stdout, stderr: os.Stderr,
		maxThreads: DefaultMaxThreads, maxStack: DefaultMaxCallStackSize, maxQueued: DefaultMaxQueuedItems,
		regexpTimeout: DefaultRegexpMatchTimeout,
	}
}

// fail records a bad option, reported by New.
func (o *options) fail(format string, args ...any) {
	o.errs = append(o.errs, fmt.Errorf("jsrun: %w: "+format, append([]any{ErrInvalidOption}, args...)...))
}

// limit sets *dst to n, the default when n is 0; a negative n is an error.
func limit[T int | int64](o *options, dst *T, n, def T, name string) {
	switch {
	case n < 0:
		o.fail("%s(%d): the limit must not be negative", name, n)
	case n == 0:
		*dst = def
	default:
		*dst = n
	}
}

// check reports every bad option, and the options that exclude each other.
func (o *options) check() error {
	if names := slices.Compact(o.fsOptions); len(names) > 1 {
		o.fail("WithFileSystem and WithoutFileSystem exclude each other")
	} else if len(o.fsOptions) > 1 {
		o.fail("%s is given twice", names[0])
	}
	o.net.check(o)
	seen := map[string]bool{}
	for _, m := range o.modules {
		if seen[m.name] {
			o.fail("WithModule(%q) is given twice", m.name)
		}
		seen[m.name] = true
	}
	clear(seen)
	for _, g := range o.globals {
		if seen[g.name] {
			o.fail("WithGlobal(%q) is given twice", g.name)
		}
		seen[g.name] = true
	}
	return errors.Join(o.errs...)
}

// WithStdout sets where console.log and console.info write (default
// os.Stdout). w must not be nil.
func WithStdout(w io.Writer) Option {
	return func(o *options) {
		if w == nil {
			o.fail("WithStdout(nil): give io.Discard to drop the output")
			return
		}
		o.stdout = w
	}
}

// WithStderr sets where console.error and console.warn write (default
// os.Stderr). w must not be nil.
func WithStderr(w io.Writer) Option {
	return func(o *options) {
		if w == nil {
			o.fail("WithStderr(nil): give io.Discard to drop the output")
			return
		}
		o.stderr = w
	}
}

// WithArgs sets process.argv after the interpreter and script entries, as
// `jsrun script.js a b` gives ["jsrun", "/abs/script.js", "a", "b"].
func WithArgs(args ...string) Option {
	args = slices.Clone(args)
	return func(o *options) { o.args = args }
}

// WithEnv sets process.env (default: the Go process's environment). New
// copies it, or the environment, once: later changes do not reach the
// host's runtimes.
func WithEnv(env map[string]string) Option { return func(o *options) { o.env = env } }

// WithMaxThreads bounds the threads alive at once in one evaluation
// (default, and 0: DefaultMaxThreads); threads.run throws a RangeError
// beyond it.
func WithMaxThreads(n int) Option {
	return func(o *options) { limit(o, &o.maxThreads, n, DefaultMaxThreads, "WithMaxThreads") }
}

// WithMaxCallStackSize bounds the call depth of every runtime (default,
// and 0: DefaultMaxCallStackSize); deeper recursion fails that runtime's
// task with a RangeError.
func WithMaxCallStackSize(n int) Option {
	return func(o *options) { limit(o, &o.maxStack, n, DefaultMaxCallStackSize, "WithMaxCallStackSize") }
}

// WithMaxCloneBytes bounds the size of one value cloned between runtimes
// (default, and 0: no bound); a larger one is a DataCloneError.
func WithMaxCloneBytes(n int64) Option {
	return func(o *options) { limit(o, &o.maxCloneBytes, n, 0, "WithMaxCloneBytes") }
}

// WithMaxQueuedItems bounds the items held at once by all the Queues of
// one evaluation (default, and 0: DefaultMaxQueuedItems); a put past it is
// a RangeError, so a script cannot fill the host's memory through a Queue.
func WithMaxQueuedItems(n int64) Option {
	return func(o *options) { limit(o, &o.maxQueued, n, DefaultMaxQueuedItems, "WithMaxQueuedItems") }
}

// WithFileSystem confines every file a script reaches, through
// require("fs") or require, to dir: relative fs paths and an Eval source's
// relative requires are taken from it, and no path (absolute, "..", or
// through a symbolic link) can leave it; trying is an EACCES error, and a
// module outside is never read. The main file EvalFile runs may lie
// outside: the embedder chose it, but its requires are confined too. By
// default scripts reach the whole file system, as in Node.
//
// New opens dir (an os.Root, held until Close) and fails if it cannot.
func WithFileSystem(dir string) Option {
	return func(o *options) {
		o.fsOptions = append(o.fsOptions, "WithFileSystem")
		if dir == "" {
			o.fail(`WithFileSystem(""): name the directory ("." for the working directory)`)
			return
		}
		o.fsMode, o.fsRoot = fsConfined, dir
	}
}

// WithoutFileSystem removes require("fs") from every runtime, and require
// reads no file (an EACCES error), not even beside the main script; the
// built-in and WithModule modules still load.
func WithoutFileSystem() Option {
	return func(o *options) {
		o.fsOptions = append(o.fsOptions, "WithoutFileSystem")
		o.fsMode = fsOff
	}
}
