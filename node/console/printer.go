package console

import (
	"io"
	"sync"
)

// Printer writes console output for every runtime that shares it. Each
// call's text is written whole, with its newline, under one lock.
type Printer struct {
	mu       sync.Mutex
	out, err io.Writer
	buf      []byte
}

// NewPrinter returns a Printer writing to stdout and stderr (nil discards).
func NewPrinter(stdout, stderr io.Writer) *Printer {
	if stdout == nil {
		stdout = io.Discard
	}
	if stderr == nil {
		stderr = io.Discard
	}
	return &Printer{out: stdout, err: stderr}
}

// WriteLine writes s and a newline to stdout, or to stderr when toStderr.
func (p *Printer) WriteLine(toStderr bool, s string) {
	w := p.out
	if toStderr {
		w = p.err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.buf = append(append(p.buf[:0], s...), '\n')
	_, _ = w.Write(p.buf)
	if cap(p.buf) > 1<<20 {
		p.buf = nil // do not keep a huge line's buffer
	}
}

// Write writes s as it is (no newline added) to stdout, or to stderr when
// toStderr, under the same lock as WriteLine: what process.stdout.write
// and console.log write in different runtimes never tears.
func (p *Printer) Write(toStderr bool, s string) {
	w := p.out
	if toStderr {
		w = p.err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	_, _ = io.WriteString(w, s)
}
