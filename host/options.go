package host

import (
	"io"
	"os"
)

// Defaults of the limits a Host sets when no option does.
const (
	DefaultMaxThreads       = 1000      // WithMaxThreads
	DefaultMaxCallStackSize = 10000     // WithMaxCallStackSize
	DefaultMaxQueuedItems   = 1_000_000 // WithMaxQueuedItems
)

// Option configures a Host.
type Option func(*options)

type options struct {
	stdout, stderr io.Writer
	args           []string
	env            map[string]string
	maxThreads     int
	maxStack       int
	maxCloneBytes  int64
	maxQueued      int64
	memoryLimit    int64
	fsMode         fsMode
	fsRoot         string
	modules        []module
	globals        []global
}

type fsMode int

const (
	fsWhole fsMode = iota
	fsConfined
	fsOff
)

func defaultOptions() options {
	return options{stdout: os.Stdout, stderr: os.Stderr, maxThreads: DefaultMaxThreads, maxStack: DefaultMaxCallStackSize, maxQueued: DefaultMaxQueuedItems}
}

// WithStdout sets where console.log and console.info write (default os.Stdout).
func WithStdout(w io.Writer) Option { return func(o *options) { o.stdout = w } }

// WithStderr sets where console.error and console.warn write (default os.Stderr).
func WithStderr(w io.Writer) Option { return func(o *options) { o.stderr = w } }

// WithArgs sets process.argv after the interpreter and script entries, as
// `jsrun script.js a b` gives ["jsrun", "/abs/script.js", "a", "b"].
func WithArgs(args ...string) Option { return func(o *options) { o.args = args } }

// WithEnv sets process.env (default: the Go process's environment). New
// copies it, or the environment, once: later changes do not reach the
// host's runtimes.
func WithEnv(env map[string]string) Option { return func(o *options) { o.env = env } }

// WithMaxThreads bounds the threads alive at once in one evaluation
// (default DefaultMaxThreads); threads.run throws a RangeError
// beyond it.
func WithMaxThreads(n int) Option { return func(o *options) { o.maxThreads = n } }

// WithMaxCallStackSize bounds the call depth of every runtime (default
// DefaultMaxCallStackSize); deeper recursion fails that runtime's
// task with a RangeError.
func WithMaxCallStackSize(n int) Option { return func(o *options) { o.maxStack = n } }

// WithMaxCloneBytes bounds the size of one value cloned between runtimes
// (default: no bound); a larger one is a DataCloneError.
func WithMaxCloneBytes(n int64) Option { return func(o *options) { o.maxCloneBytes = n } }

// WithFileSystem confines every file a script reaches, through
// require("fs") or require, to dir: relative fs paths and an Eval source's
// relative requires are taken from it, and no path (absolute, "..", or
// through a symbolic link) can leave it; trying is an EACCES error, and a
// module outside is never read. The main file EvalFile runs may lie
// outside: the embedder chose it, but its requires are confined too. By
// default scripts reach the whole file system, as in Node.
func WithFileSystem(dir string) Option {
	return func(o *options) { o.fsMode, o.fsRoot = fsConfined, dir }
}

// WithoutFileSystem removes require("fs") from every runtime, and require
// reads no file (an EACCES error), not even beside the main script; the
// built-in and WithModule modules still load.
func WithoutFileSystem() Option { return func(o *options) { o.fsMode = fsOff } }

// WithMaxQueuedItems bounds the items held at once by all the Queues of
// one evaluation (default DefaultMaxQueuedItems); a put past it is
// a RangeError, so a script cannot fill the host's memory through a Queue.
func WithMaxQueuedItems(n int64) Option { return func(o *options) { o.maxQueued = n } }
