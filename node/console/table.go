package console

import (
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/node/inspect"
)

// table is Node's console.table: an object's or array's rows (or a Map's
// or Set's entries) as a box-drawn table; anything else is logged.
func (c *console) table(args []goja.Value) {
	data, ok := arg(args, 0).(*goja.Object)
	var props []string
	if p := arg(args, 1); !goja.IsUndefined(p) {
		po, isArr := p.(*goja.Object)
		if !isArr || po.ClassName() != "Array" {
			panic(c.rt.NewTypeError(`The "properties" argument must be an instance of Array.`))
		}
		for _, k := range po.Keys() {
			props = append(props, po.Get(k).String())
		}
		if props == nil {
			props = []string{}
		}
	}
	if !ok {
		c.write(false, c.format(false, args[:min(1, len(args))]))
		return
	}
	inspectCell := func(v goja.Value) string {
		opts := *c.inspector().Defaults
		opts.Depth = 0
		if o, isObj := v.(*goja.Object); isObj && !c.isArrayLike(o) && len(o.Keys()) > 2 {
			opts.Depth = -1
		}
		opts.MaxArrayLength = 3
		opts.BreakLength = inspect.Unlimited
		opts.Colors = c.opts.ColorStdout
		return c.inspector().Inspect(v, opts)
	}
	index := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = inspectCell(c.rt.ToValue(i))
		}
		return out
	}
	switch c.kindOf(data) {
	case "Map":
		var keys, values []string
		c.each(data, "entries", func(v goja.Value) {
			e := v.(*goja.Object)
			keys = append(keys, inspectCell(e.Get("0")))
			values = append(values, inspectCell(e.Get("1")))
		})
		c.write(false, renderTable([]string{"(iteration index)", "Key", "Values"}, [][]string{index(len(keys)), keys, values}))
		return
	case "Set":
		var values []string
		c.each(data, "values", func(v goja.Value) { values = append(values, inspectCell(v)) })
		c.write(false, renderTable([]string{"(iteration index)", "Values"}, [][]string{index(len(values)), values}))
		return
	}
	var mapKeys []string
	columns := map[string][]string{}
	hasPrimitives := false
	var valuesCol []string
	indexKeys := data.Keys()
	for i, k := range indexKeys {
		item := data.Get(k)
		io, isObj := item.(*goja.Object)
		primitive := !isObj
		if props == nil && primitive {
			hasPrimitives = true
			for len(valuesCol) <= i {
				valuesCol = append(valuesCol, "")
			}
			valuesCol[i] = inspectCell(item)
			continue
		}
		keys := props
		if keys == nil {
			keys = io.Keys()
		}
		for _, key := range keys {
			col, seen := columns[key]
			if !seen {
				mapKeys = append(mapKeys, key)
			}
			for len(col) <= i {
				col = append(col, "")
			}
			if !primitive && c.hasOwn(io, key) {
				col[i] = inspectCell(io.Get(key))
			}
			columns[key] = col
		}
	}
	mapKeys = propertyOrder(mapKeys)
	head := append([]string{"(index)"}, mapKeys...)
	cols := [][]string{indexKeys}
	for _, k := range mapKeys {
		cols = append(cols, columns[k])
	}
	if hasPrimitives {
		head = append(head, "Values")
		cols = append(cols, valuesCol)
	}
	c.write(false, renderTable(head, cols))
}

func (c *console) hasOwn(o *goja.Object, key string) bool {
	if c.hasOwnFn == nil {
		proto := c.rt.Get("Object").(*goja.Object).Get("prototype").(*goja.Object)
		c.hasOwnFn, _ = goja.AssertFunction(proto.Get("hasOwnProperty"))
	}
	r, err := c.hasOwnFn(o, c.rt.ToValue(key))
	return err == nil && r.ToBoolean()
}

// kindOf tells Maps and Sets (what table iterates) from other objects.
func (c *console) kindOf(o *goja.Object) string {
	t := c.rt.Get("Map")
	if mo, ok := t.(*goja.Object); ok && c.rt.InstanceOf(o, mo) {
		return "Map"
	}
	t = c.rt.Get("Set")
	if so, ok := t.(*goja.Object); ok && c.rt.InstanceOf(o, so) {
		return "Set"
	}
	return ""
}

func (c *console) isArrayLike(o *goja.Object) bool {
	if o.ClassName() == "Array" {
		return true
	}
	t := o.ExportType()
	return t != nil && t.Kind().String() == "slice"
}

func (c *console) each(o *goja.Object, method string, f func(goja.Value)) {
	m, ok := goja.AssertFunction(o.Get(method))
	if !ok {
		return
	}
	it, err := m(o)
	if err != nil {
		panic(err)
	}
	c.rt.ForOf(it, func(v goja.Value) bool { f(v); return true })
}

// renderTable is Node v20's cli_table: cells left-aligned in columns as
// wide as their widest cell.
func renderTable(head []string, columns [][]string) string {
	widths := make([]int, len(head))
	for i, h := range head {
		widths[i] = width(h)
	}
	longest := 0
	for _, col := range columns {
		longest = max(longest, len(col))
	}
	rows := make([][]string, longest)
	for i := range head {
		var col []string
		if i < len(columns) {
			col = columns[i]
		}
		for j := 0; j < longest; j++ {
			if rows[j] == nil {
				rows[j] = make([]string, len(head))
			}
			v := ""
			if j < len(col) {
				v = col[j]
			}
			rows[j][i] = v
			widths[i] = max(widths[i], width(v))
		}
	}
	divider := make([]string, len(widths))
	for i, w := range widths {
		divider[i] = strings.Repeat("─", w+2)
	}
	var b strings.Builder
	b.WriteString("┌" + strings.Join(divider, "┬") + "┐\n")
	b.WriteString(renderRow(head, widths) + "\n")
	b.WriteString("├" + strings.Join(divider, "┼") + "┤\n")
	for _, r := range rows {
		b.WriteString(renderRow(r, widths) + "\n")
	}
	b.WriteString("└" + strings.Join(divider, "┴") + "┘")
	return b.String()
}

func renderRow(row []string, widths []int) string {
	var b strings.Builder
	b.WriteString("│ ")
	for i, cell := range row {
		b.WriteString(cell + strings.Repeat(" ", max(0, widths[i]-width(cell))))
		if i != len(row)-1 {
			b.WriteString(" │ ")
		}
	}
	b.WriteString(" │")
	return b.String()
}

func width(s string) int { return inspect.StringWidth(s) }

// propertyOrder sorts keys as an object lists them: array indices first,
// ascending, then the rest in insertion order.
func propertyOrder(keys []string) []string {
	var idx, rest []string
	for _, k := range keys {
		if n, err := strconv.ParseUint(k, 10, 32); err == nil && strconv.FormatUint(n, 10) == k && n < 1<<32-1 {
			idx = append(idx, k)
		} else {
			rest = append(rest, k)
		}
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, _ := strconv.ParseUint(idx[i], 10, 32)
		b, _ := strconv.ParseUint(idx[j], 10, 32)
		return a < b
	})
	return append(idx, rest...)
}
