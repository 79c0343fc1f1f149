package tests

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/jsrun/jsrun/scripts/examples/httpservice"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

func postQuote(c *http.Client, url string, o httpservice.Order) (int, []byte, error) {
	body, _ := json.Marshal(o)
	resp, err := c.Post(url+"/quote", "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// The httpservice example under httptest: concurrent requests get their
// own exact quotes, a bad order is a 400 naming the script's error, a
// large order runs threads inside its call, and /metrics parses back.
func TestHTTPServiceExample(t *testing.T) {
	t.Parallel()
	svc, err := httpservice.New(context.Background(), httpservice.Options{Instances: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	srv := httptest.NewServer(svc)
	defer srv.Close()
	c := srv.Client()

	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for g := range 20 {
		wg.Go(func() {
			for i := range 10 {
				qty := g*10 + i + 1
				code, b, err := postQuote(c, srv.URL, httpservice.Order{OrderID: fmt.Sprint("o", qty),
					Items: []httpservice.Item{{SKU: "a", Price: 2.5, Qty: qty}}, Coupon: "TEN"})
				var q httpservice.Quote
				if err == nil && code == 200 {
					err = json.Unmarshal(b, &q)
				}
				want := float64(qty) * 2.25 // 2.5 each, less 10%
				if err != nil || code != 200 || q.OrderID != fmt.Sprint("o", qty) || q.Total != want || q.Currency != "EUR" {
					errs <- fmt.Errorf("order of %d: %d %s %v; want total %v", qty, code, b, err, want)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	code, b, err := postQuote(c, srv.URL, httpservice.Order{OrderID: "bad"})
	if err != nil || code != 400 || !strings.Contains(string(b), "TypeError: order.items must be a non-empty array") {
		t.Fatalf("a bad order: %d %s %v", code, b, err)
	}
	big := httpservice.Order{OrderID: "big", Currency: "USD"}
	for range 60 {
		big.Items = append(big.Items, httpservice.Item{SKU: "b", Price: 1, Qty: 1})
	}
	code, b, err = postQuote(c, srv.URL, big)
	var q httpservice.Quote
	if err == nil {
		err = json.Unmarshal(b, &q)
	}
	if err != nil || code != 200 || len(q.Lines) != 60 || q.Total != 64.8 {
		t.Fatalf("a big order: %d %s %v", code, b, err)
	}

	resp, err := c.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	started := families["jsrun_threads_started_total"]
	if started == nil || started.Metric[0].GetCounter().GetValue() != 60 {
		t.Fatalf("jsrun_threads_started_total: %v, want 60", started)
	}
	if live := families["jsrun_threads_live"]; live == nil || live.Metric[0].GetGauge().GetValue() != 0 {
		t.Fatalf("jsrun_threads_live: %v, want 0", live)
	}
}
