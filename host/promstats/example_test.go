package promstats_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/host/promstats"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

func Example() {
	h, err := host.New()
	if err != nil {
		panic(err)
	}
	defer h.Close()
	reg := prometheus.NewRegistry()
	reg.MustRegister(promstats.New(h)) // the one line a service needs
	if _, err := h.Eval(context.Background(), `threads.run(() => 1).get()`); err != nil {
		panic(err)
	}
	rec := httptest.NewRecorder()
	promhttp.HandlerFor(reg, promhttp.HandlerOpts{}).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	for line := range strings.Lines(rec.Body.String()) {
		if strings.HasPrefix(line, "jsrun_threads_") {
			fmt.Print(line)
		}
	}
	// Output:
	// jsrun_threads_live 0
	// jsrun_threads_peak 1
	// jsrun_threads_started_total 1
}
