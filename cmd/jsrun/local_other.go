//go:build !linux

package main

import "syscall"

// childAttr: outside Linux a local worker whose jsrun was killed ends when
// it loses the server (see worker's reconnect policy under --quiet).
func childAttr() *syscall.SysProcAttr { return nil }
