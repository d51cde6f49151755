// Package time is Python's time module for translated programs: the clocks
// read the program clock of rtlib (real, or virtual with
// ASYNC2GO_CLOCK=virtual).
package time

import (
	gotime "time"

	rt "github.com/async2go/async2go/rtlib"
)

func init() {
	rt.RegisterModule("time", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("time")
		clock := func(name string, read func() float64) {
			m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				return rt.Float(read()), nil
			}})
		}
		clock("monotonic", rt.Now)
		clock("perf_counter", rt.Now)
		clock("time", rt.WallTime)
		clock("process_time", processTime)
		// The _ns clocks: the same clocks in integer nanoseconds.
		clockNs := func(name string, read func() float64) {
			m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				return rt.Int(int64(read() * 1e9)), nil
			}})
		}
		clockNs("monotonic_ns", rt.Now)
		clockNs("perf_counter_ns", rt.Now)
		clockNs("time_ns", rt.WallTime)
		clockNs("process_time_ns", processTime)
		m.Dict.SetStr("sleep", &rt.Builtin{Name: "sleep", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			var d float64
			switch v := args[0].(type) {
			case rt.Int:
				d = float64(v)
			case rt.Float:
				d = float64(v)
			default:
				return nil, rt.Errorf(rt.TypeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
			}
			if d < 0 {
				return nil, rt.Errorf(rt.ValueErrorType, "sleep length must be non-negative")
			}
			if rt.VirtualClock() {
				rt.AdvanceClock(rt.Now() + d)
			} else {
				rt.FlushStdout()
				// Release the interpreter lock while sleeping, so that the
				// loop runs on while a to_thread worker sleeps.
				rt.Blocking(func() { gotime.Sleep(gotime.Duration(d * float64(gotime.Second))) })
			}
			return rt.None, nil
		}})
		rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{
			"monotonic":       rt.ArgsNone("time.monotonic"),
			"perf_counter":    rt.ArgsNone("time.perf_counter"),
			"time":            rt.ArgsNone("time.time"),
			"process_time":    rt.ArgsNone("time.process_time"),
			"monotonic_ns":    rt.ArgsNone("time.monotonic_ns"),
			"perf_counter_ns": rt.ArgsNone("time.perf_counter_ns"),
			"time_ns":         rt.ArgsNone("time.time_ns"),
			"process_time_ns": rt.ArgsNone("time.process_time_ns"),
			"sleep":           rt.ArgsOne("time.sleep"),
		})
		return m, nil
	})
}
