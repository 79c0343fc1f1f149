package promstats_test

import (
	"context"
	"io"
	"net/http/httptest"
	"testing"

	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/host/promstats"
	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

// The collector's page, parsed back with Prometheus's own text parser,
// has every figure with its value and type.
func TestCollectorText(t *testing.T) {
	h, err := host.New(host.WithStdout(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if _, err := h.Eval(context.Background(), `[1, 2, 3].map((n) => threads.run((n) => n, n)).forEach((p) => p.get())`); err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(promstats.NewWithLabels(h, prometheus.Labels{"host": "a"}))
	rec := httptest.NewRecorder()
	promhttp.HandlerFor(reg, promhttp.HandlerOpts{}).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	if len(families) != 15 {
		t.Errorf("%d families, want 15", len(families))
	}
	for name, want := range map[string]float64{"jsrun_threads_started_total": 3, "jsrun_threads_live": 0, "jsrun_deadlocks_total": 0, "jsrun_clones_total": 6} {
		f := families[name]
		if f == nil || len(f.Metric) != 1 {
			t.Errorf("%s: missing", name)
			continue
		}
		m := f.Metric[0]
		var got float64
		if c := m.GetCounter(); c != nil {
			got = c.GetValue()
		} else {
			got = m.GetGauge().GetValue()
		}
		if got != want || m.Label[0].GetName() != "host" || m.Label[0].GetValue() != "a" {
			t.Errorf("%s = %v %v, want %v with host=\"a\"", name, got, m.Label, want)
		}
	}
	if f := families["jsrun_threads_started_total"]; f != nil && f.GetType().String() != "COUNTER" {
		t.Errorf("threads_started_total is a %s", f.GetType())
	}
	if f := families["jsrun_threads_live"]; f != nil && f.GetType().String() != "GAUGE" {
		t.Errorf("threads_live is a %s", f.GetType())
	}
}
