package aio

import (
	"reflect"
	"runtime"
	"testing"
	"unsafe"

	rt "github.com/async2go/async2go/rtlib"
)

// TestLayoutSizes pins the sizes of the records every task and every
// sleeping task carries (a million sleeping tasks carry a million of
// each): a field added to one of them moves it to a bigger size class of
// Go's allocator (…, 24, 32, 48, 64, 80, 96, …) and costs megabytes.
func TestLayoutSizes(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want uintptr
	}{
		{"Future", unsafe.Sizeof(Future{}), 40},
		{"Task", unsafe.Sizeof(Task{}), 64},
		{"timer", unsafe.Sizeof(timer{}), 24},
		{"sleepFrame", unsafe.Sizeof(sleepFrame{}), 24},
		{"readyItem", unsafe.Sizeof(readyItem{}), 16},
		// the chunks of the ready queue and of the timer run, with the
		// 8-byte header Go puts in front of an object of more than 512
		// bytes with pointers: a size class (TestReadyChunkSizeClass)
		{"readyChunk", unsafe.Sizeof(readyChunk{}), 4096 - 8},
	} {
		if c.got != c.want {
			t.Errorf("unsafe.Sizeof(%s) = %d, want %d", c.name, c.got, c.want)
		}
	}
}

// TestReadyChunkSizeClass checks that a chunk of the ready queue costs the
// allocator 4096 bytes: its size with the allocator's header is a size
// class. (At 4096 bytes of its own it cost 4864.)
func TestReadyChunkSizeClass(t *testing.T) {
	const n = 512
	keep := make([]*readyChunk, n)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := range keep {
		keep[i] = new(readyChunk)
	}
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(keep)
	if per := (after.TotalAlloc - before.TotalAlloc) / n; per > 4096+64 {
		t.Errorf("a readyChunk (%d bytes) costs the allocator %d bytes, want 4096", unsafe.Sizeof(readyChunk{}), per)
	}
}

// TestFutureFlagsWord checks that a Future's state, blocking, mustCancel
// and kind are the four bytes of one aligned 32-bit word, which
// Task.plain reads at once, and that plainMask catches each of the
// conditions that make a step more than a resume (a wait is forgotten on
// the way), and nothing else.
func TestFutureFlagsWord(t *testing.T) {
	var f Future
	base := unsafe.Offsetof(f.state)
	if base%4 != 0 || unsafe.Offsetof(f.blocking) != base+1 || unsafe.Offsetof(f.mustCancel) != base+2 || unsafe.Offsetof(f.kind) != base+3 {
		t.Fatalf("state, blocking, mustCancel, kind at %d, %d, %d, %d: not one aligned word",
			base, unsafe.Offsetof(f.blocking), unsafe.Offsetof(f.mustCancel), unsafe.Offsetof(f.kind))
	}
	task := func(set func(*Task)) *Task {
		tk := &Task{}
		tk.kind = kindTask
		set(tk)
		return tk
	}
	for _, c := range []struct {
		name  string
		task  *Task
		plain bool
	}{
		{"fresh", task(func(*Task) {}), true},
		{"blocking", task(func(tk *Task) { tk.blocking = true }), true},
		{"woken from a sleep", task(func(tk *Task) { tk.kind |= kindWaitSleep; tk.wait = unsafe.Pointer(&timer{}) }), true},
		{"woken from a parked wait (lock, semaphore, event, condition)", task(func(tk *Task) { tk.kind |= kindWaitParked; tk.wait = unsafe.Pointer(&parked{state: swWoken}) }), true},
		{"done", task(func(tk *Task) { tk.state = finished }), false},
		{"cancelled", task(func(tk *Task) { tk.state = cancelledState }), false},
		{"must cancel", task(func(tk *Task) { tk.mustCancel = true }), false},
		{"extra record", task(func(tk *Task) { tk.kind |= kindExtra }), false},
		{"woken by a future", task(func(tk *Task) { tk.wait = unsafe.Pointer(&Future{}) }), true},
	} {
		if got := c.task.plain(); got != c.plain {
			t.Errorf("%s: plain() = %v, want %v", c.name, got, c.plain)
		}
	}
}

// TestAllTasksTable checks the loop's table of tasks: tasks that finish
// leave all_tasks at once and the table as a hole, compactions keep the
// holes under eight times the running tasks (and 64) and every task's index
// right, and all_tasks keeps the order of creation.
func TestAllTasksTable(t *testing.T) {
	l := NewLoop()
	const n = 1000
	var tasks []*Task
	for i := range n {
		// Task i runs i%7 steps after its first: they finish in waves.
		tk, exc := NewTask(l, rt.NewCoroutine(benchFn, &yielder{n: i % 7}), rt.None)
		if exc != nil {
			t.Fatal(exc)
		}
		tasks = append(tasks, tk)
	}
	for round := 0; l.tasks.live > 0; round++ {
		l.runOnce()
		var want []rt.Object
		for _, tk := range tasks {
			if !tk.Done() {
				want = append(want, tk)
			}
		}
		got := l.allTasks()
		if len(got) != len(want) || l.tasks.live != len(want) {
			t.Fatalf("round %d: all_tasks has %d tasks, ntasks %d, want %d", round, len(got), l.tasks.live, len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("round %d: all_tasks[%d] is not the %d-th running task in creation order", round, i, i)
			}
		}
		holes := 0
		for i := range l.tasks.n {
			if tk := l.tasks.chunks[i/taskChunkLen][i%taskChunkLen]; tk == nil {
				holes++
			} else if tk.idx != i || tk.Done() {
				t.Fatalf("round %d: the table's task %d has index %d (done %v)", round, i, tk.idx, tk.Done())
			}
		}
		for i := l.tasks.n; i < len(l.tasks.chunks)*taskChunkLen; i++ {
			if l.tasks.chunks[i/taskChunkLen][i%taskChunkLen] != nil {
				t.Fatalf("round %d: slot %d past the table's %d holds a task", round, i, l.tasks.n)
			}
		}
		if len(l.tasks.chunks) > (l.tasks.n+taskChunkLen-1)/taskChunkLen+1 {
			t.Fatalf("round %d: %d chunks for %d slots", round, len(l.tasks.chunks), l.tasks.n)
		}
		if holes > 8*l.tasks.live+64 {
			t.Fatalf("round %d: table of %d with %d holes for %d running", round, l.tasks.n, holes, l.tasks.live)
		}
	}
}

// TestTaskSlotLayout checks that a Task can live in an rt.TaskSlot (the
// room generated code allocates in front of a coroutine): the collector
// scans the room by TaskSlot's pointer words, so Task must have the same.
func TestTaskSlotLayout(t *testing.T) {
	task, slot := pointerWords(reflect.TypeOf(Task{})), pointerWords(reflect.TypeOf(rt.TaskSlot{}))
	if len(task) != len(slot) {
		t.Fatalf("Task has %d words, rt.TaskSlot %d", len(task), len(slot))
	}
	for i := range task {
		if task[i] != slot[i] {
			t.Errorf("word %d: pointer in Task %v, in rt.TaskSlot %v", i, task[i], slot[i])
		}
	}
}

// pointerWords says, for each word of a value of type ty, whether the
// collector scans it as a pointer.
func pointerWords(ty reflect.Type) []bool {
	const w = unsafe.Sizeof(uintptr(0))
	words := make([]bool, ty.Size()/w)
	var walk func(ty reflect.Type, off uintptr)
	walk = func(ty reflect.Type, off uintptr) {
		switch ty.Kind() {
		case reflect.Pointer, reflect.UnsafePointer, reflect.Map, reflect.Chan, reflect.Func:
			words[off/w] = true
		case reflect.Interface:
			words[off/w], words[off/w+1] = true, true
		case reflect.String, reflect.Slice:
			words[off/w] = true
		case reflect.Array:
			for i := 0; i < ty.Len(); i++ {
				walk(ty.Elem(), off+uintptr(i)*ty.Elem().Size())
			}
		case reflect.Struct:
			for i := 0; i < ty.NumField(); i++ {
				f := ty.Field(i)
				walk(f.Type, off+f.Offset)
			}
		}
	}
	walk(ty, 0)
	return words
}
