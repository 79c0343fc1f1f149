// Command server runs the httpservice example on an address.
//
//	go run ./scripts/examples/httpservice/server -addr :8080
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"

	"github.com/jsrun/jsrun/scripts/examples/httpservice"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	flag.Parse()
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	svc, err := httpservice.New(context.Background(), httpservice.Options{Logger: logger})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer svc.Close()
	logger.Info("listening", "addr", *addr)
	if err := http.ListenAndServe(*addr, svc); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
