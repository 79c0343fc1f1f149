// Package eventloop is the per-runtime event loop of jsrun: one Loop owns one
// goja runtime and is the only goroutine that touches it while it runs.
//
// A Loop runs, in order, the jobs that other goroutines post to it, the
// callbacks of setImmediate, setTimeout and setInterval, and the microtasks
// that goja queues behind each of them. It finishes when nothing is left that
// could still run: no job, no timer, and no outstanding registration.
//
// Why not goja_nodejs/eventloop: jsrun needs three things that loop does not
// give. First, keep-alive: a thread started with threads.run, or an async
// Queue operation, must hold the caller's loop open until it reports back,
// exactly once (RegisterCallback, modelled on grafana/k6's loop). Second,
// errors thrown by timer callbacks and promise rejections nobody handles
// must end the loop with an error, as in Node, and never be dropped. Third,
// the loop must stop promptly when the host's context ends, interrupting
// the JavaScript it is running.
package eventloop
