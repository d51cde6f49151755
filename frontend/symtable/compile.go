package symtable

import "github.com/async2go/async2go/frontend/ast"

// cstate is the compiler's view while walking: the current scope and the
// enclosing frame blocks (loops, try, with) of the current code unit.
type cstate struct {
	scope  *Scope
	blocks int
	inLoop bool
	// starLoop: an except* handler lies between here and the innermost
	// loop; starAny: one encloses this point in the current code unit.
	starLoop, starAny bool
}

const starMsg = "'break', 'continue' and 'return' cannot appear in an except* block"

// compiler makes Python/compile.c's checks.
type compiler struct {
	b       *builder
	tryStar bool // the try being compiled is a try/except*
	// future is where the module's opening `from __future__` imports end
	// (builder.checkFuture): one after it is an error.
	future ast.Pos
}

const maxBlocks = 20

func (c *compiler) functionLike(s *Scope) bool {
	return s.Type == FunctionBlock
}

func (c *compiler) asyncScope(s *Scope) bool { return s.Type == FunctionBlock && s.Async }

func (c *compiler) push(x cstate, n ast.Located) cstate {
	if x.blocks >= maxBlocks {
		c.b.errAt(pos(n), "too many statically nested blocks")
	}
	x.blocks++
	return x
}

func (c *compiler) stmts(list []ast.Stmt, x cstate) {
	for _, s := range list {
		c.stmt(s, x)
	}
}

func (c *compiler) stmt(s ast.Stmt, x cstate) {
	b := c.b
	switch n := s.(type) {
	case *ast.FunctionDef:
		c.header(n.DecoratorList, n.Args, n.Returns, x)
		c.body(s, n.Body)
		return
	case *ast.AsyncFunctionDef:
		c.header(n.DecoratorList, n.Args, n.Returns, x)
		c.body(s, n.Body)
		return
	case *ast.ClassDef:
		c.exprList(n.DecoratorList, x)
		c.exprList(n.Bases, x)
		for _, k := range n.Keywords {
			c.expr(k.Value, x)
		}
		c.body(s, n.Body)
		return
	case *ast.ImportFrom:
		if n.Module == "__future__" && (n.Line > c.future.Line || n.Line == c.future.Line && n.Col > c.future.Col) {
			b.errAt(pos(n), "from __future__ imports must occur at the beginning of the file")
		}
	case *ast.Return:
		if !c.functionLike(x.scope) {
			b.errAt(pos(n), "'return' outside function")
		}
		if n.Value != nil && x.scope.Coroutine && x.scope.Generator {
			b.errAt(pos(n), "'return' with value in async generator")
		}
		if x.starAny {
			b.errAt(pos(n), starMsg)
		}
	case *ast.Break:
		if x.starLoop {
			b.errAt(pos(n), starMsg)
		}
		if !x.inLoop {
			b.errAt(pos(n), "'break' outside loop")
		}
	case *ast.Continue:
		if x.starLoop {
			b.errAt(pos(n), starMsg)
		}
		if !x.inLoop {
			b.errAt(pos(n), "'continue' not properly in loop")
		}
	case *ast.For:
		c.expr(n.Iter, x)
		c.expr(n.Target, x)
		y := c.push(x, n)
		y.inLoop, y.starLoop = true, false
		c.stmts(n.Body, y)
		c.stmts(n.Orelse, x)
		return
	case *ast.AsyncFor:
		if !c.asyncScope(x.scope) {
			b.errAt(pos(n), "'async for' outside async function")
		}
		c.expr(n.Iter, x)
		c.expr(n.Target, x)
		y := c.push(x, n)
		y.inLoop, y.starLoop = true, false
		c.stmts(n.Body, y)
		c.stmts(n.Orelse, x)
		return
	case *ast.While:
		c.expr(n.Test, x)
		y := c.push(x, n)
		y.inLoop, y.starLoop = true, false
		c.stmts(n.Body, y)
		c.stmts(n.Orelse, x)
		return
	case *ast.With:
		y := x
		for _, it := range n.Items {
			c.expr(it.ContextExpr, y)
			y = c.push(y, n)
			if it.OptionalVars != nil {
				c.expr(it.OptionalVars, y)
			}
		}
		c.stmts(n.Body, y)
		return
	case *ast.AsyncWith:
		if !c.asyncScope(x.scope) {
			b.errAt(pos(n), "'async with' outside async function")
		}
		y := x
		for _, it := range n.Items {
			c.expr(it.ContextExpr, y)
			y = c.push(y, n)
			if it.OptionalVars != nil {
				c.expr(it.OptionalVars, y)
			}
		}
		c.stmts(n.Body, y)
		return
	case *ast.Try:
		c.try(n, n.Body, n.Handlers, n.Orelse, n.Finalbody, x)
		return
	case *ast.TryStar:
		c.tryStar = true
		c.try(n, n.Body, n.Handlers, n.Orelse, n.Finalbody, x)
		return
	case *ast.If:
		c.expr(n.Test, x)
		c.stmts(n.Body, x)
		c.stmts(n.Orelse, x)
		return
	case *ast.Match:
		c.expr(n.Subject, x)
		for _, mc := range n.Cases {
			if mc.Guard != nil {
				c.expr(mc.Guard, x)
			}
			c.stmts(mc.Body, x)
		}
		return
	}
	c.exprsOf(s, x)
}

func (c *compiler) try(n ast.Stmt, body []ast.Stmt, hs []ast.ExceptHandlerNode, orelse, final []ast.Stmt, x cstate) {
	star := c.tryStar
	c.tryStar = false
	outer := x
	if len(final) > 0 {
		outer = c.push(x, n)
	}
	inner := outer
	if len(hs) > 0 {
		inner = c.push(outer, n)
	}
	c.stmts(body, inner)
	if len(hs) > 0 {
		h := c.push(outer, n)
		for i, hn := range hs {
			eh := hn.(*ast.ExceptHandler)
			if eh.Type == nil && i < len(hs)-1 {
				c.b.errAt(pos(eh), "default 'except:' must be last")
			}
			if eh.Type != nil {
				c.expr(eh.Type, h)
			}
			hb := c.push(h, eh)
			if star {
				hb.starLoop, hb.starAny = true, true
			}
			c.stmts(eh.Body, hb)
		}
	}
	c.stmts(orelse, outer)
	if len(final) > 0 {
		c.stmts(final, c.push(x, n))
	}
}

// exprsOf checks the expressions directly inside a statement.
func (c *compiler) exprsOf(n ast.Node, x cstate) {
	c.visit(n, func(e ast.Expr) { c.expr(e, x) }, func(s ast.Stmt) { c.stmt(s, x) })
}

func (c *compiler) visit(n ast.Node, fe func(ast.Expr), fs func(ast.Stmt)) {
	tmp := &walker{fe: fe, fs: fs}
	tmp.children(n)
}

func (c *compiler) expr(e ast.Expr, x cstate) {
	b := c.b
	switch n := e.(type) {
	case *ast.Await:
		if !c.functionLike(x.scope) {
			b.errAt(pos(n), "'await' outside function")
		}
		if !x.scope.Async && x.scope.Comprehension == "" {
			b.errAt(pos(n), "'await' outside async function")
		}
	case *ast.Yield:
		if !c.functionLike(x.scope) {
			b.errAt(pos(n), "'yield' outside function")
		}
	case *ast.YieldFrom:
		if !c.functionLike(x.scope) {
			b.errAt(pos(n), "'yield' outside function")
		}
		if x.scope.Async {
			b.errAt(pos(n), "'yield from' inside async function")
		}
	case *ast.Tuple:
		if n.Ctx == ast.Store {
			c.unpack(n, n.Elts)
		}
	case *ast.List:
		if n.Ctx == ast.Store {
			c.unpack(n, n.Elts)
		}
	case *ast.Lambda:
		c.visit(n.Args, func(e ast.Expr) { c.expr(e, x) }, nil)
		if sc := b.table.scopes[n]; sc != nil {
			c.expr(n.Body, cstate{scope: sc})
		}
		return
	case *ast.ListComp, *ast.SetComp, *ast.DictComp, *ast.GeneratorExp:
		sc := b.table.scopes[n]
		if sc == nil {
			break
		}
		if sc.Coroutine && sc.Comprehension != "generator" && !c.asyncScope(x.scope) && x.scope.Comprehension == "" {
			b.errAt(pos(n), "asynchronous comprehension outside of an asynchronous function")
		}
		var gens []*ast.Comprehension
		var elts []ast.Expr
		switch d := n.(type) {
		case *ast.ListComp:
			gens, elts = d.Generators, []ast.Expr{d.Elt}
		case *ast.SetComp:
			gens, elts = d.Generators, []ast.Expr{d.Elt}
		case *ast.DictComp:
			gens, elts = d.Generators, []ast.Expr{d.Key, d.Value}
		case *ast.GeneratorExp:
			gens, elts = d.Generators, []ast.Expr{d.Elt}
		}
		y := cstate{scope: sc}
		for i, g := range gens {
			if i == 0 {
				c.expr(g.Iter, x)
			} else {
				c.expr(g.Iter, y)
			}
			c.expr(g.Target, y)
			for _, f := range g.Ifs {
				c.expr(f, y)
			}
		}
		for _, el := range elts {
			c.expr(el, y)
		}
		return
	}
	c.visit(e, func(e ast.Expr) { c.expr(e, x) }, nil)
}

func (c *compiler) exprList(list []ast.Expr, x cstate) {
	for _, e := range list {
		if e != nil {
			c.expr(e, x)
		}
	}
}

func (c *compiler) header(decos []ast.Expr, args *ast.Arguments, returns ast.Expr, x cstate) {
	c.exprList(decos, x)
	c.visit(args, func(e ast.Expr) { c.expr(e, x) }, nil)
	if returns != nil {
		c.expr(returns, x)
	}
}

func (c *compiler) body(n ast.Node, body []ast.Stmt) {
	if sc := c.b.table.scopes[n]; sc != nil {
		c.stmts(body, cstate{scope: sc})
	}
}

// unpack checks an unpacking target (compile.c unpack_helper).
func (c *compiler) unpack(n ast.Expr, elts []ast.Expr) {
	seen := false
	for i, e := range elts {
		if _, ok := e.(*ast.Starred); !ok {
			continue
		}
		if seen {
			c.b.errAt(pos(n), "multiple starred expressions in assignment")
		}
		if i >= 1<<8 {
			c.b.errAt(pos(n), "too many expressions in star-unpacking assignment")
		}
		seen = true
	}
}
