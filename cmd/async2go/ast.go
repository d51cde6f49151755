package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/async2go/async2go/frontend/ast"
	"github.com/async2go/async2go/frontend/parser"
)

func init() {
	commands["ast"] = command{"print each file's syntax tree as CPython's ast.dump does", runAST}
}

func runAST(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("ast", "[--positions] [-q] [-j N] FILE...", stderr)
	positions := fs.Bool("positions", false, "include positions (ast.dump's include_attributes=True)")
	quiet := fs.Bool("q", false, "parse only; print nothing")
	jobs := fs.Int("j", runtime.GOMAXPROCS(0), "parse up to `N` files at once (the output keeps the order of the arguments)")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	files := fs.Args()
	if *jobs < 1 {
		*jobs = 1
	}
	if *jobs < runtime.GOMAXPROCS(0) {
		// No more threads than asked for: left idle, the other processors
		// would run the garbage collector's idle workers, which burn CPU
		// time (about a third more with -j 1 on two cores) for no gain.
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(*jobs))
	}
	status := 0
	emit := func(r astResult) {
		if len(r.out) > 0 {
			stdout.Write(r.out)
		}
		if len(r.err) > 0 {
			stderr.Write(r.err)
			status = 1
		}
	}
	if *jobs == 1 || len(files) == 1 {
		var buf []byte
		for _, file := range files {
			emit(astFile(file, &buf, *positions, *quiet))
		}
		return status
	}
	// Workers parse files ahead of the writer, which prints each file's
	// result in argument order; at most window results wait to be printed.
	window := 4 * *jobs
	results := make([]chan astResult, len(files))
	for i := range results {
		results[i] = make(chan astResult, 1)
	}
	next := make(chan int)
	free := make(chan struct{}, window)
	for i := 0; i < window; i++ {
		free <- struct{}{}
	}
	go func() {
		for i := range files {
			<-free
			next <- i
		}
		close(next)
	}()
	var wg sync.WaitGroup
	for w := 0; w < *jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for i := range next {
				results[i] <- astFile(files[i], &buf, *positions, *quiet)
			}
		}()
	}
	for i := range files {
		emit(<-results[i])
		free <- struct{}{}
	}
	wg.Wait()
	return status
}

// astResult is what `async2go ast` prints for one file: the dump, or the
// error.
type astResult struct{ out, err []byte }

// astFile parses file, reading it into *buf (reused from file to file:
// the parser copies what the tree keeps).
func astFile(file string, buf *[]byte, positions, quiet bool) astResult {
	src, err := readInto(file, *buf)
	if err != nil {
		return astResult{err: []byte(fmt.Sprintf("async2go: %v\n", err))}
	}
	*buf = src
	mod, err := parser.ParseFile(file, src)
	if err != nil {
		var b bytes.Buffer
		report(&b, err)
		return astResult{err: b.Bytes()}
	}
	if quiet {
		return astResult{}
	}
	return astResult{out: []byte(ast.Dump(mod, positions) + "\n")}
}
