package console

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
)

func itoa(i int) string { return strconv.Itoa(i) }

func (c *console) time(args []goja.Value) {
	l := c.label(args)
	if _, ok := c.timers[l]; ok {
		c.warning("Label '" + l + "' already exists for console.time()")
		return
	}
	if c.timers == nil {
		c.timers = map[string]time.Time{}
	}
	c.timers[l] = c.opts.Now()
}

func (c *console) timeEnd(args []goja.Value) {
	l := c.label(args)
	start, ok := c.timers[l]
	if !ok {
		c.warning("No such label '" + l + "' for console.timeEnd()")
		return
	}
	delete(c.timers, l)
	c.timeLine(l, c.opts.Now().Sub(start), nil)
}

func (c *console) timeLog(args []goja.Value) {
	l := c.label(args)
	start, ok := c.timers[l]
	if !ok {
		c.warning("No such label '" + l + "' for console.timeLog()")
		return
	}
	var data []goja.Value
	if len(args) > 1 {
		data = args[1:]
	}
	c.timeLine(l, c.opts.Now().Sub(start), data)
}

// timeLine is Node's timeLogImpl: log('%s: %s', label, time, ...data).
func (c *console) timeLine(label string, d time.Duration, data []goja.Value) {
	args := append([]goja.Value{c.rt.ToValue("%s: %s"), c.rt.ToValue(label), c.rt.ToValue(formatTime(float64(d) / 1e6))}, data...)
	c.write(false, c.format(false, args))
}

// formatTime is Node's formatTime: 1.234ms, 1.234s, 1:02.345 (m:ss.mmm).
func formatTime(ms float64) string {
	var hours, minutes float64
	seconds := 0.0
	if ms >= 1000 {
		if ms >= 60000 {
			if ms >= 3600000 {
				hours = math.Floor(ms / 3600000)
				ms = math.Mod(ms, 3600000)
			}
			minutes = math.Floor(ms / 60000)
			ms = math.Mod(ms, 60000)
		}
		seconds = ms / 1000
	}
	if hours != 0 || minutes != 0 {
		s, frac, _ := strings.Cut(strconv.FormatFloat(seconds, 'f', 3, 64), ".")
		res := strconv.Itoa(int(minutes))
		unit := "m:ss.mmm"
		if hours != 0 {
			res = strconv.Itoa(int(hours)) + ":" + pad2(strconv.Itoa(int(minutes)))
			unit = "h:mm:ss.mmm"
		}
		return res + ":" + pad2(s) + "." + frac + " (" + unit + ")"
	}
	if seconds != 0 {
		return strconv.FormatFloat(seconds, 'f', 3, 64) + "s"
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(ms, 'f', 3, 64), 64)
	return strconv.FormatFloat(v, 'f', -1, 64) + "ms"
}

func pad2(s string) string {
	if len(s) < 2 {
		return "0" + s
	}
	return s
}
