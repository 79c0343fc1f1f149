package host_test

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/jsrun/jsrun/host"
)

type lineItem struct {
	SKU   string  `json:"sku"`
	Price float64 `json:"price"`
	Qty   uint8   `json:"qty,omitempty"`
}

type order struct {
	OrderID  string            `json:"orderId"`
	Items    []lineItem        `json:"items"`
	Tags     map[string]int    `json:"tags"`
	ByID     map[int]string    `json:"byId"`
	At       time.Time         `json:"at"`
	Placed   time.Time         `json:"placed"`
	Note     *string           `json:"note"`
	Secret   string            `json:"-"`
	Untagged bool              // matched regardless of case, as encoding/json does
	Raw      map[string]any    `json:"raw"`
	Fixed    [2]int            `json:"fixed"`
	Nested   struct{ N int64 } `json:"nested"`
}

func TestDecodeFollowsEncodingJSON(t *testing.T) {
	t.Parallel()
	p := newProgram(t, `function make(o) {
		return { orderId: o.orderId + "-2", items: [{ sku: "a", price: 1.5, qty: 2 }, { sku: "b", price: 3 }],
			tags: { x: 1 }, byId: { "7": "seven" }, at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
			placed: "2024-05-06T07:08:09Z", note: "n", Secret: "s", untagged: true,
			raw: { a: [1, "b"] }, fixed: [4], nested: { n: 9 }, extra: "ignored" }
	}`, nil, host.WithInstances(1))
	var got order
	if err := p.CallInto(context.Background(), &got, "make", order{OrderID: "o1"}); err != nil {
		t.Fatal(err)
	}
	if got.OrderID != "o1-2" || len(got.Items) != 2 || got.Items[0] != (lineItem{"a", 1.5, 2}) || got.Items[1] != (lineItem{"b", 3, 0}) {
		t.Fatalf("decoded %+v", got)
	}
	if got.Tags["x"] != 1 || got.ByID[7] != "seven" || got.Note == nil || *got.Note != "n" || got.Secret != "" || !got.Untagged {
		t.Fatalf("decoded %+v", got)
	}
	if !got.At.Equal(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)) || !got.Placed.Equal(time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)) {
		t.Fatalf("times %v %v", got.At, got.Placed)
	}
	if got.Fixed != [2]int{4, 0} || got.Nested.N != 9 || len(got.Raw["a"].([]any)) != 2 {
		t.Fatalf("decoded %+v", got)
	}
}

func TestDecodeMismatchNamesPath(t *testing.T) {
	t.Parallel()
	p := newProgram(t, `function bad(kind) {
		switch (kind) {
		case "price": return { items: [{}, {}, {}, { price: "12" }] };
		case "int": return { items: [{ qty: 1.5 }] };
		case "range": return { items: [{ qty: 300 }] };
		case "key": return { byId: { x: "y" } };
		case "top": return [1];
		case "date": return { at: 5 };
		case "odd": return { tags: { "a b": "c" } };
		}
	}`, nil, host.WithInstances(1))
	for kind, want := range map[string]string{
		"price": "result.items[3].price: want number, got string",
		"int":   "result.items[0].qty: want integer (uint8), got number 1.5",
		"range": "result.items[0].qty: want integer (uint8), got number 300",
		"key":   `result.byId.x: want integer key, got key "x"`,
		"top":   "result: want object, got array",
		"date":  "result.at: want date, got number 5",
		"odd":   `result.tags["a b"]: want integer (int), got string`,
	} {
		var out order
		err := p.CallInto(context.Background(), &out, "bad", kind)
		var de *host.DecodeError
		if !errors.As(err, &de) || err.Error() != want {
			t.Errorf("%s: error %v, want %q", kind, err, want)
		}
	}
	var out order
	if err := p.CallInto(context.Background(), out, "bad", "top"); err == nil {
		t.Error("CallInto into a non-pointer: no error")
	}
}

func TestEvalIntoAndDecode(t *testing.T) {
	t.Parallel()
	h, err := host.New(host.WithStdout(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var items []lineItem
	if err := h.EvalInto(context.Background(), &items, `[{sku: "a", price: 2}]`); err != nil || len(items) != 1 || items[0].Price != 2 {
		t.Fatalf("EvalInto: %v, %v", items, err)
	}
	v, err := h.Eval(context.Background(), `({ sku: "z", price: 0.25 })`)
	if err != nil {
		t.Fatal(err)
	}
	it, err := host.Decode[lineItem](v)
	if err != nil || it != (lineItem{"z", 0.25, 0}) {
		t.Fatalf("Decode: %v, %v", it, err)
	}
}

// Go values reach scripts under their json names by default, under
// their Go names with WithGoFieldNames.
func TestFieldNames(t *testing.T) {
	t.Parallel()
	src := `function keys(o) { return Object.keys(o).sort().join(",") }`
	in := order{OrderID: "x"}
	for _, c := range []struct {
		opts []host.Option
		want string
	}{
		{nil, "Untagged,at,byId,fixed,items,nested,note,orderId,placed,raw,tags"},
		{[]host.Option{host.WithGoFieldNames()}, "At,ByID,Fixed,Items,Nested,Note,OrderID,Placed,Raw,Secret,Tags,Untagged"},
	} {
		p := newProgram(t, src, c.opts, host.WithInstances(1))
		v, err := p.Call(context.Background(), "keys", in)
		if err != nil || v != c.want {
			t.Errorf("keys = %v, %v; want %s", v, err, c.want)
		}
	}
}
