// Package httpservice is an example of a Go HTTP service whose handler
// is a JavaScript function: the script is loaded once into a
// host.Program, each request is one Program call with typed values both
// ways (a Go struct in, json tags as field names; a Go struct out), and
// /metrics serves the host's figures through host/promstats.
//
//	go run ./scripts/examples/httpservice/server -addr :8080
//	curl -d '{"orderId":"o1","items":[{"sku":"a","price":2.5,"qty":4}],"coupon":"TEN"}' localhost:8080/quote
//
// tests/httpservice_test.go runs it under net/http/httptest.
package httpservice

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/host/promstats"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

//go:embed handler.js
var handlerJS string

// Item is one line of an Order.
type Item struct {
	SKU   string  `json:"sku"`
	Price float64 `json:"price"`
	Qty   int     `json:"qty"`
}

// Order is the body of POST /quote, handed to the script as it is.
type Order struct {
	OrderID  string `json:"orderId"`
	Items    []Item `json:"items"`
	Currency string `json:"currency,omitempty"`
	Coupon   string `json:"coupon,omitempty"`
}

// Quote is the script's answer, decoded into Go before it is written.
type Quote struct {
	OrderID  string    `json:"orderId"`
	Lines    []float64 `json:"lines"`
	Total    float64   `json:"total"`
	Currency string    `json:"currency"`
}

// Service is the HTTP handler: POST /quote and GET /metrics.
type Service struct {
	h    *host.Host
	prog *host.Program
	mux  *http.ServeMux
}

// Options tune a Service; the zero value is fine.
type Options struct {
	Instances   int           // the Program's instances (default GOMAXPROCS)
	CallTimeout time.Duration // per request (default 2 s)
	Logger      *slog.Logger  // where console goes (default: discarded)
}

// New loads handler.js and makes the Service. Close releases it.
func New(ctx context.Context, o Options) (*Service, error) {
	if o.CallTimeout == 0 {
		o.CallTimeout = 2 * time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	h, err := host.New(host.WithLogger(o.Logger), host.WithoutFileSystem())
	if err != nil {
		return nil, err
	}
	prog, err := h.Load(ctx, handlerJS, host.WithInstances(o.Instances), host.WithCallTimeout(o.CallTimeout))
	if err != nil {
		h.Close()
		return nil, err
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(promstats.New(h))
	s := &Service{h: h, prog: prog, mux: http.NewServeMux()}
	s.mux.HandleFunc("POST /quote", s.quote)
	s.mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	return s, nil
}

func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// Close stops the script's instances and the host.
func (s *Service) Close() error {
	s.prog.Close()
	return s.h.Close()
}

func (s *Service) quote(w http.ResponseWriter, r *http.Request) {
	var order Order
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&order); err != nil {
		http.Error(w, "bad JSON: "+err.Error(), http.StatusBadRequest)
		return
	}
	var q Quote
	if err := s.prog.CallInto(r.Context(), &q, "handle", order); err != nil {
		var se *host.ScriptError
		switch {
		case errors.As(err, &se) && (se.Name == "TypeError" || se.Name == "RangeError"):
			http.Error(w, se.Name+": "+se.Message, http.StatusBadRequest) // the script refused the order
		case errors.Is(err, context.DeadlineExceeded):
			http.Error(w, "timed out", http.StatusGatewayTimeout)
		default:
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(q)
}
