//! A compact S-expression rendering of the tree, for tests: expected values are produced by
//! rendering CPython's own `ast` the same way, so the two trees can be compared as text. The
//! positions of the nodes, in the order they are rendered, are collected on the side.

use std::cell::RefCell;

use super::ast::{
    BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Keyword, Param, Parameters, Pos, Stmt,
    StmtKind, UnaryOp,
};

fn list<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    let parts: Vec<String> = items.iter().map(f).collect();
    format!("({})", parts.join(" "))
}

fn node(parts: &[String]) -> String {
    let parts: Vec<&str> = parts
        .iter()
        .map(String::as_str)
        .filter(|p| !p.is_empty())
        .collect();
    format!("({})", parts.join(" "))
}

fn opt(e: Option<&Expr>) -> String {
    e.map_or_else(|| "_".to_string(), expr)
}

fn constant(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::True => "True".into(),
        Constant::False => "False".into(),
        Constant::Ellipsis => "...".into(),
        Constant::Int(v) => v.to_string(),
        Constant::BigInt(digits) => digits.to_string(),
        Constant::Float(v) => format!("f:{v:?}"),
        Constant::Imaginary(v) => format!("j:{v:?}"),
        Constant::Str(s) => format!("'{s}'"),
        Constant::Bytes(b) => format!("b'{}'", b.escape_ascii()),
    }
}

fn param(p: &Param) -> String {
    match p.annotation {
        Some(a) => format!("{}:{}", p.name, expr(a)),
        None => p.name.to_string(),
    }
}

fn params(p: &Parameters) -> String {
    let kwonly = list(p.kwonly, |(k, d)| match d {
        Some(d) => format!("{}={}", param(k), expr(d)),
        None => param(k),
    });
    node(&[
        "params".into(),
        list(p.posonly, param),
        list(p.args, param),
        list(p.defaults, expr),
        p.vararg.map_or("_".into(), |v| format!("*{}", param(&v))),
        kwonly,
        p.kwarg.map_or("_".into(), |v| format!("**{}", param(&v))),
    ])
}

fn keyword(k: &Keyword) -> String {
    match k.name {
        Some(name) => format!("{name}={}", expr(&k.value)),
        None => format!("**{}", expr(&k.value)),
    }
}

fn generators(gens: &[Comprehension]) -> String {
    let parts: Vec<String> = gens
        .iter()
        .map(|g| {
            let mut parts = vec![
                if g.is_async { "async-for" } else { "for" }.to_string(),
                expr(g.target),
                expr(g.iter),
            ];
            parts.extend(g.ifs.iter().map(expr));
            node(&parts)
        })
        .collect();
    parts.join(" ")
}

fn with_all(head: &str, items: &[Expr]) -> String {
    let mut parts = vec![head.to_string()];
    parts.extend(items.iter().map(expr));
    node(&parts)
}

thread_local! {
    static POSITIONS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn record(pos: Pos) {
    POSITIONS.with(|p| p.borrow_mut().push(format!("{}:{}", pos.line, pos.col)));
}

/// The positions recorded since the last call, as `line:col` in rendering order.
pub fn take_positions() -> String {
    POSITIONS.with(|p| std::mem::take(&mut *p.borrow_mut()).join(" "))
}

pub fn expr(e: &Expr) -> String {
    record(e.pos);
    match &e.kind {
        ExprKind::Name(n) => n.to_string(),
        ExprKind::Constant(c) => constant(c),
        ExprKind::BoolOp { op, values } => {
            with_all(if *op == BoolOp::And { "and" } else { "or" }, values)
        }
        ExprKind::BinOp { left, op, right } => node(&[op.symbol().into(), expr(left), expr(right)]),
        ExprKind::UnaryOp { op, operand } => {
            let name = match op {
                UnaryOp::Not => "not",
                UnaryOp::Neg => "neg",
                UnaryOp::Pos => "pos",
                UnaryOp::Invert => "inv",
            };
            node(&[name.into(), expr(operand)])
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            let mut parts = vec!["cmp".to_string(), expr(left)];
            for (op, c) in ops.iter().zip(comparators.iter()) {
                let op = match op {
                    CmpOp::Eq => "==",
                    CmpOp::NotEq => "!=",
                    CmpOp::Lt => "<",
                    CmpOp::LtE => "<=",
                    CmpOp::Gt => ">",
                    CmpOp::GtE => ">=",
                    CmpOp::Is => "is",
                    CmpOp::IsNot => "is-not",
                    CmpOp::In => "in",
                    CmpOp::NotIn => "not-in",
                };
                parts.push(format!("{op} {}", expr(c)));
            }
            node(&parts)
        }
        ExprKind::IfExp { test, body, orelse } => {
            node(&["if".into(), expr(test), expr(body), expr(orelse)])
        }
        ExprKind::Lambda { params: p, body } => node(&["lambda".into(), params(p), expr(body)]),
        ExprKind::NamedExpr { target, value } => node(&[":=".into(), expr(target), expr(value)]),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            let mut parts = vec!["call".to_string(), expr(func)];
            parts.extend(args.iter().map(expr));
            parts.extend(keywords.iter().map(keyword));
            node(&parts)
        }
        ExprKind::Attribute { value, attr } => node(&[".".into(), expr(value), attr.to_string()]),
        ExprKind::Subscript { value, index } => node(&["[]".into(), expr(value), expr(index)]),
        ExprKind::Slice { lower, upper, step } => {
            node(&["slice".into(), opt(*lower), opt(*upper), opt(*step)])
        }
        ExprKind::Starred(v) => node(&["*".into(), expr(v)]),
        ExprKind::List(elts) => with_all("list", elts),
        ExprKind::Tuple(elts) => with_all("tuple", elts),
        ExprKind::Set(elts) => with_all("set", elts),
        ExprKind::Dict { keys, values } => {
            let mut parts = vec!["dict".to_string()];
            for (k, v) in keys.iter().zip(values.iter()) {
                let k = k.as_ref().map_or("*".into(), expr);
                parts.push(format!("{k}:{}", expr(v)));
            }
            node(&parts)
        }
        ExprKind::ListComp { elt, generators: g } => {
            node(&["listcomp".into(), expr(elt), generators(g)])
        }
        ExprKind::SetComp { elt, generators: g } => {
            node(&["setcomp".into(), expr(elt), generators(g)])
        }
        ExprKind::GeneratorExp { elt, generators: g } => {
            node(&["genexp".into(), expr(elt), generators(g)])
        }
        ExprKind::DictComp {
            key,
            value,
            generators: g,
        } => node(&["dictcomp".into(), expr(key), expr(value), generators(g)]),
        ExprKind::Yield(v) => node(&["yield".into(), opt(*v)]),
        ExprKind::YieldFrom(v) => node(&["yield-from".into(), expr(v)]),
        ExprKind::Await(v) => node(&["await".into(), expr(v)]),
        ExprKind::JoinedStr(values) => with_all("f", values),
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => node(&[
            "fv".into(),
            expr(value),
            conversion.map_or("_".into(), String::from),
            opt(*format_spec),
        ]),
    }
}

fn names(head: &str, names: &[&str]) -> String {
    let mut parts = vec![head.to_string()];
    parts.extend(names.iter().map(|n| n.to_string()));
    node(&parts)
}

pub fn stmt(s: &Stmt) -> String {
    record(s.pos);
    match &s.kind {
        StmtKind::Expr(e) => expr(e),
        StmtKind::Assign { targets, value } => {
            let mut parts = vec!["=".to_string()];
            parts.extend(targets.iter().map(expr));
            parts.push(expr(value));
            node(&parts)
        }
        StmtKind::AugAssign { target, op, value } => {
            node(&[format!("{}=", op.symbol()), expr(target), expr(value)])
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => node(&["ann".into(), expr(target), expr(annotation), opt(*value)]),
        StmtKind::Pass => "pass".into(),
        StmtKind::Break => "break".into(),
        StmtKind::Continue => "continue".into(),
        StmtKind::Return(v) => node(&["return".into(), opt(*v)]),
        StmtKind::Delete(targets) => with_all("del", targets),
        StmtKind::Global(n) => names("global", n),
        StmtKind::Nonlocal(n) => names("nonlocal", n),
        StmtKind::Assert { test, msg } => node(&["assert".into(), expr(test), opt(*msg)]),
        StmtKind::If { test, body, orelse } => node(&[
            "if".into(),
            expr(test),
            list(body, stmt),
            list(orelse, stmt),
        ]),
        StmtKind::While { test, body, orelse } => node(&[
            "while".into(),
            expr(test),
            list(body, stmt),
            list(orelse, stmt),
        ]),
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => node(&[
            "for".into(),
            expr(target),
            expr(iter),
            list(body, stmt),
            list(orelse, stmt),
        ]),
        StmtKind::FunctionDef(f) => node(&[
            if f.is_async { "async-def" } else { "def" }.into(),
            f.name.into(),
            params(f.params),
            list(f.decorators, expr),
            opt(f.returns),
            list(f.body, stmt),
        ]),
        StmtKind::ClassDef(c) => node(&[
            "class".into(),
            c.name.into(),
            list(c.bases, expr),
            list(c.keywords, keyword),
            list(c.decorators, expr),
            list(c.body, stmt),
        ]),
        StmtKind::Try(t) => {
            let body = list(t.body, stmt);
            let handlers = list(t.handlers, |h| {
                node(&[
                    "except".into(),
                    opt(h.kind),
                    h.name.unwrap_or("_").into(),
                    list(h.body, stmt),
                ])
            });
            node(&[
                "try".into(),
                body,
                handlers,
                list(t.orelse, stmt),
                list(t.finalbody, stmt),
            ])
        }
        StmtKind::With { items, body } => {
            let items = list(items, |i| match i.target {
                Some(t) => node(&["as".into(), expr(i.context), expr(t)]),
                None => expr(i.context),
            });
            node(&["with".into(), items, list(body, stmt)])
        }
        StmtKind::Raise { exc, cause } => node(&["raise".into(), opt(*exc), opt(*cause)]),
        StmtKind::Import(aliases) => {
            let mut parts = vec!["import".to_string()];
            parts.extend(aliases.iter().map(|a| match a.asname {
                Some(asname) => format!("{}:{asname}", a.name),
                None => a.name.to_string(),
            }));
            node(&parts)
        }
        StmtKind::ImportFrom {
            module,
            names,
            level,
        } => {
            let mut parts = vec![
                "from".to_string(),
                level.to_string(),
                module.unwrap_or("_").to_string(),
            ];
            parts.extend(names.iter().map(|a| match a.asname {
                Some(asname) => format!("{}:{asname}", a.name),
                None => a.name.to_string(),
            }));
            node(&parts)
        }
    }
}
