package parser

import (
	"fmt"

	"github.com/async2go/async2go/frontend/ast"
)

// Check runs the compile-time checks CPython makes after parsing (in its
// symtable and compiler passes) and returns the first error, as *Error:
// duplicate parameters, return/yield/await outside a function, await
// outside an async function, break/continue outside a loop, nonlocal at
// module level.
func Check(filename string, mod *ast.Module) error {
	c := &checker{filename: filename}
	c.stmts(mod.Body, ctx{})
	if c.err != nil {
		return c.err
	}
	return nil
}

type ctx struct {
	inFunc, async, inLoop bool
}

type checker struct {
	filename string
	err      *Error
}

func (c *checker) fail(n ast.Located, msg string) {
	if c.err == nil {
		p := n.Span()
		c.err = &Error{Kind: "SyntaxError", Msg: msg, Filename: c.filename, Line: p.Line, Col: p.Col + 1, EndCol: p.EndCol + 1}
	}
}

func (c *checker) params(n ast.Located, args *ast.Arguments) {
	seen := map[string]bool{}
	var all []*ast.Arg
	all = append(all, args.Posonlyargs...)
	all = append(all, args.Args...)
	if args.Vararg != nil {
		all = append(all, args.Vararg)
	}
	all = append(all, args.Kwonlyargs...)
	if args.Kwarg != nil {
		all = append(all, args.Kwarg)
	}
	for _, a := range all {
		if seen[a.Arg] {
			c.fail(n, fmt.Sprintf("duplicate argument '%s' in function definition", a.Arg))
		}
		seen[a.Arg] = true
	}
}

func (c *checker) stmts(body []ast.Stmt, x ctx) {
	for _, s := range body {
		c.stmt(s, x)
	}
}

func (c *checker) stmt(s ast.Stmt, x ctx) {
	switch n := s.(type) {
	case *ast.FunctionDef:
		c.params(n, n.Args)
		c.stmts(n.Body, ctx{inFunc: true})
	case *ast.AsyncFunctionDef:
		c.params(n, n.Args)
		c.stmts(n.Body, ctx{inFunc: true, async: true})
	case *ast.ClassDef:
		c.stmts(n.Body, ctx{})
	case *ast.Return:
		if !x.inFunc {
			c.fail(n, "'return' outside function")
		}
	case *ast.Break:
		if !x.inLoop {
			c.fail(n, "'break' outside loop")
		}
	case *ast.Continue:
		if !x.inLoop {
			c.fail(n, "'continue' not properly in loop")
		}
	case *ast.Nonlocal:
		if !x.inFunc {
			c.fail(n, "nonlocal declaration not allowed at module level")
		}
	case *ast.For:
		c.stmts(n.Body, ctx{x.inFunc, x.async, true})
		c.stmts(n.Orelse, x)
	case *ast.AsyncFor:
		if !x.async {
			c.fail(n, "'async for' outside async function")
		}
		c.stmts(n.Body, ctx{x.inFunc, x.async, true})
		c.stmts(n.Orelse, x)
	case *ast.While:
		c.stmts(n.Body, ctx{x.inFunc, x.async, true})
		c.stmts(n.Orelse, x)
	case *ast.If:
		c.stmts(n.Body, x)
		c.stmts(n.Orelse, x)
	case *ast.With:
		c.stmts(n.Body, x)
	case *ast.AsyncWith:
		if !x.async {
			c.fail(n, "'async with' outside async function")
		}
		c.stmts(n.Body, x)
	case *ast.Try:
		c.stmts(n.Body, x)
		for _, h := range n.Handlers {
			c.stmts(h.(*ast.ExceptHandler).Body, x)
		}
		c.stmts(n.Orelse, x)
		c.stmts(n.Finalbody, x)
	case *ast.TryStar:
		c.stmts(n.Body, x)
		for _, h := range n.Handlers {
			c.stmts(h.(*ast.ExceptHandler).Body, x)
		}
		c.stmts(n.Orelse, x)
		c.stmts(n.Finalbody, x)
	case *ast.Match:
		for _, mc := range n.Cases {
			c.stmts(mc.Body, x)
		}
	}
	if c.err != nil {
		return
	}
	// Expressions: await and yield placement, lambdas' parameters.
	walkExprs(s, func(e ast.Node) bool {
		switch n := e.(type) {
		case *ast.Await:
			if !x.inFunc {
				c.fail(n, "'await' outside function")
			} else if !x.async {
				c.fail(n, "'await' outside async function")
			}
		case *ast.Yield, *ast.YieldFrom:
			if !x.inFunc {
				c.fail(n.(ast.Located), "'yield' outside function")
			} else if _, isFrom := n.(*ast.YieldFrom); isFrom && x.async {
				c.fail(n.(ast.Located), "'yield from' inside async function")
			}
		case *ast.Lambda:
			c.params(n, n.Args)
			return false
		}
		return true
	})
}

// walkExprs visits the expressions of one statement, not those of nested
// statements (which stmt visits with their own context) nor of lambdas'
// bodies.
func walkExprs(s ast.Stmt, visit func(ast.Node) bool) {
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		if n == nil {
			return
		}
		if !visit(n) {
			return
		}
		forEachChild(n, func(ch ast.Node) {
			if _, isStmt := ch.(ast.Stmt); isStmt {
				return
			}
			walk(ch)
		})
	}
	forEachChild(s, func(ch ast.Node) {
		if _, isStmt := ch.(ast.Stmt); isStmt {
			return
		}
		walk(ch)
	})
}
