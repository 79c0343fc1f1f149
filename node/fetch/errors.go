package fetch

import (
	"context"
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"syscall"

	"github.com/dop251/goja"
)

// errnoNames are the codes Node gives the connect errors a request meets.
var errnoNames = map[syscall.Errno]string{
	syscall.ECONNREFUSED:  "ECONNREFUSED",
	syscall.ECONNRESET:    "ECONNRESET",
	syscall.ETIMEDOUT:     "ETIMEDOUT",
	syscall.EHOSTUNREACH:  "EHOSTUNREACH",
	syscall.ENETUNREACH:   "ENETUNREACH",
	syscall.EADDRNOTAVAIL: "EADDRNOTAVAIL",
}

// cause is the record of fetch's failure that fetch.js turns into the
// TypeError's cause: Node's fields where Node has them.
type cause struct {
	name, message, code, syscall, address, hostname string
	errno, port                                     int
}

// failure describes err as Node describes the cause of "fetch failed".
func failure(rt *goja.Runtime, err error) goja.Value {
	c := describe(err)
	o := rt.NewObject()
	_ = o.Set("message", c.message)
	set := func(k, v string) {
		if v != "" {
			_ = o.Set(k, v)
		}
	}
	set("name", c.name)
	if c.errno != 0 {
		_ = o.Set("errno", c.errno)
	}
	set("code", c.code)
	set("syscall", c.syscall)
	set("address", c.address)
	if c.port != 0 {
		_ = o.Set("port", c.port)
	}
	set("hostname", c.hostname)
	return o
}

func describe(err error) cause {
	var (
		d     *denied
		dns   *net.DNSError
		op    *net.OpError
		errno syscall.Errno
	)
	switch {
	case errors.As(err, &d):
		return cause{message: d.Error(), code: "ERR_ACCESS_DENIED"}
	case errors.Is(err, errRedirect), errors.Is(err, errRedirectCount):
		if errors.Is(err, errRedirect) {
			return cause{message: errRedirect.Error()}
		}
		return cause{message: errRedirectCount.Error()}
	case errors.As(err, &dns):
		if dns.IsNotFound {
			return cause{message: "getaddrinfo ENOTFOUND " + dns.Name, errno: -3008, code: "ENOTFOUND", syscall: "getaddrinfo", hostname: dns.Name}
		}
		return cause{message: "getaddrinfo EAI_AGAIN " + dns.Name, errno: -3001, code: "EAI_AGAIN", syscall: "getaddrinfo", hostname: dns.Name}
	case errors.As(err, &op) && op.Op == "dial" && errors.As(err, &errno) && errnoNames[errno] != "":
		c := cause{code: errnoNames[errno], errno: -int(errno), syscall: "connect"}
		addr := ""
		if op.Addr != nil {
			addr = op.Addr.String()
			host, port, _ := net.SplitHostPort(addr)
			c.address = host
			c.port, _ = strconv.Atoi(port)
			addr = host + ":" + port
		}
		c.message = strings.TrimSpace("connect " + c.code + " " + addr)
		return c
	case errors.Is(err, syscall.ECONNRESET):
		return cause{message: "read ECONNRESET", errno: -int(syscall.ECONNRESET), code: "ECONNRESET", syscall: "read"}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return cause{name: "SocketError", message: "other side closed", code: "UND_ERR_SOCKET"}
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return cause{message: "This operation was aborted"}
	case strings.Contains(err.Error(), "unsupported protocol scheme"):
		return cause{message: "unknown scheme"}
	}
	// Anything else: the innermost error's text, free of Go's wrapping.
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return cause{message: err.Error()}
		}
		err = next
	}
}
