// Package path is Node's path module, POSIX flavour (path.posix is the
// module itself; path.win32 is not provided), written in JavaScript
// (path.js) and compiled once per process. Its functions treat paths as
// text and never touch a disk; resolve alone reads the working directory.
package path
