package main

import "syscall"

// childAttr makes a local worker end with the jsrun that started it, even
// one killed with SIGKILL.
func childAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM} }
