//! Symbol tables. A name's scope in Python depends on the whole function body (an assignment
//! after a use still makes the name local), and whether a local must live in a cell depends on
//! inner functions, so this pass walks the entire module before any code is generated.
//!
//! The walk records what each scope does with each name (use, bind, parameter, `global`,
//! `nonlocal`); `analyze` then resolves every name top-down, passing each scope the set of names
//! bound by enclosing function scopes, and bottom-up turns locals captured by inner scopes into
//! cells and threads free names through intermediate functions that don't use them.
//!
//! Scopes are looked up by the address of the AST node that opens them (a `FunctionDef`, or the
//! `Expr` of a lambda or comprehension), which the code generator holds when it gets there.
//!
//! This pass also rejects the constructs pvm cannot compile yet, so that the first one in source
//! order is the one reported.

use indexmap::{IndexMap, IndexSet};
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};

/// Insertion-ordered maps and sets of names, hashed with Fx: names are short, and SipHash was
/// a tenth of the compiler's time.
pub type FxIndexMap<K, V> = IndexMap<K, V, FxBuildHasher>;
pub type NameSet = IndexSet<String, FxBuildHasher>;
/// Names borrowed from the source (through the AST) rather than copied per scope.
pub type NameRefs<'a> = IndexSet<&'a str, FxBuildHasher>;

use super::{check_supported_expression, check_supported_statement, error_at};
use crate::syntax::SyntaxError;
use crate::syntax::ast::{self, Expr, ExprKind, Pos, Stmt, StmtKind};

pub type ScopeId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Lambda,
    Comprehension,
}

/// Where a name lives at run time, from one scope's point of view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// A plain local slot.
    Local,
    /// A local of this scope captured by an inner scope.
    Cell,
    /// A variable of an enclosing function scope.
    Free,
    /// Declared `global` here (or a comprehension's walrus target at module level).
    GlobalExplicit,
    /// Module level, or used in a function without being bound anywhere enclosing.
    GlobalImplicit,
}

/// How the code generator reaches a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameAccess {
    /// A slot in `varnames`.
    Fast(u32),
    /// An index into `cellvars ++ freevars`.
    Deref(u32),
    Global,
}

/// What a scope does with a name; several flags combine.
mod flag {
    pub const USE: u8 = 1;
    pub const BOUND: u8 = 2;
    pub const PARAM: u8 = 4;
    pub const GLOBAL: u8 = 8;
    pub const NONLOCAL: u8 = 16;
}

#[derive(Debug)]
struct Symbol {
    flags: u8,
    resolution: Resolution,
    /// How code reaches the name, fixed once the scope's slots are known.
    access: NameAccess,
    /// Where the `global`/`nonlocal` statement was, for errors found during analysis.
    declared_at: Pos,
}

#[derive(Debug)]
pub struct Scope<'a> {
    pub kind: ScopeKind,
    /// Every name the scope mentions, in order of first appearance.
    symbols: FxIndexMap<&'a str, Symbol>,
    /// Parameters in slot order.
    params: Vec<&'a str>,
    /// Indices into `symbols` of the names in order of first binding.
    bind_order: Vec<usize>,
    children: Vec<ScopeId>,
    /// Local slots: the parameters, then the other non-cell locals in order of first binding.
    pub varnames: NameRefs<'a>,
    pub cellvars: NameRefs<'a>,
    pub freevars: NameRefs<'a>,
}

impl<'a> Scope<'a> {
    fn new(kind: ScopeKind) -> Scope<'a> {
        Scope {
            kind,
            // Room for a typical function's names: growing from empty rehashed the table
            // several times per scope.
            symbols: FxIndexMap::with_capacity_and_hasher(16, FxBuildHasher),
            params: Vec::new(),
            bind_order: Vec::new(),
            children: Vec::new(),
            varnames: NameRefs::default(),
            cellvars: NameRefs::default(),
            freevars: NameRefs::default(),
        }
    }

    /// The name's resolution; a name the scope never mentions is an implicit global.
    pub fn resolution(&self, name: &str) -> Resolution {
        self.symbols
            .get(name)
            .map_or(Resolution::GlobalImplicit, |symbol| symbol.resolution)
    }

    pub fn access(&self, name: &str) -> NameAccess {
        self.symbols
            .get(name)
            .map_or(NameAccess::Global, |symbol| symbol.access)
    }

    /// How `name`, resolved as `resolution`, is reached once the slots are laid out.
    fn compute_access(&self, name: &str, resolution: Resolution) -> NameAccess {
        let index = |set: &NameRefs<'a>| set.get_index_of(name).map(|i| i as u32);
        match resolution {
            Resolution::Local => index(&self.varnames).map_or(NameAccess::Global, NameAccess::Fast),
            Resolution::Cell => index(&self.cellvars).map_or(NameAccess::Global, NameAccess::Deref),
            Resolution::Free => index(&self.freevars).map_or(NameAccess::Global, |i| {
                NameAccess::Deref(self.cellvars.len() as u32 + i)
            }),
            Resolution::GlobalExplicit | Resolution::GlobalImplicit => NameAccess::Global,
        }
    }

    /// The index of `name` in `cellvars ++ freevars`, for `LoadClosure`.
    pub fn deref_index(&self, name: &str) -> Option<u32> {
        match self.access(name) {
            NameAccess::Deref(index) => Some(index),
            NameAccess::Fast(_) | NameAccess::Global => None,
        }
    }

    pub fn is_param(&self, name: &str) -> bool {
        self.symbols
            .get(name)
            .is_some_and(|symbol| symbol.flags & flag::PARAM != 0)
    }
}

#[derive(Debug)]
pub struct SymbolTable<'a> {
    scopes: Vec<Scope<'a>>,
    by_node: FxHashMap<usize, ScopeId>,
}

/// The key of the scope opened by an AST node.
fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl<'a> SymbolTable<'a> {
    pub fn build(module: &ast::Module<'a>) -> Result<SymbolTable<'a>, SyntaxError> {
        let mut builder = Builder {
            table: SymbolTable {
                scopes: vec![Scope::new(ScopeKind::Module)],
                by_node: FxHashMap::default(),
            },
            stack: vec![0],
        };
        builder.visit_body(module.body)?;
        let mut table = builder.table;
        table.analyze(0, &FxHashSet::default())?;
        Ok(table)
    }

    pub fn module(&self) -> &Scope<'a> {
        &self.scopes[0]
    }

    /// The scope opened by a function definition, lambda or comprehension node.
    pub fn scope_of<T>(&self, node: &T) -> &Scope<'a> {
        let id = self.by_node[&node_key(node)];
        &self.scopes[id]
    }

    fn analyze(&mut self, id: ScopeId, enclosing: &FxHashSet<&'a str>) -> Result<(), SyntaxError> {
        let function_like = self.scopes[id].kind != ScopeKind::Module;
        let scope = &mut self.scopes[id];
        for (name, symbol) in scope.symbols.iter_mut() {
            symbol.resolution = if symbol.flags & flag::NONLOCAL != 0 {
                if !enclosing.contains(name) {
                    return Err(error_at(
                        format!("no binding for nonlocal '{name}' found"),
                        symbol.declared_at,
                    ));
                }
                Resolution::Free
            } else if symbol.flags & flag::GLOBAL != 0 {
                Resolution::GlobalExplicit
            } else if function_like && symbol.flags & (flag::BOUND | flag::PARAM) != 0 {
                Resolution::Local
            } else if enclosing.contains(name) {
                Resolution::Free
            } else {
                Resolution::GlobalImplicit
            };
        }

        // Only the children read `bound`: most scopes (comprehensions, lambdas, leaf
        // functions) have none and skip building it.
        let mut bound = FxHashSet::default();
        if function_like && !scope.children.is_empty() {
            bound.clone_from(enclosing);
            for (name, symbol) in &scope.symbols {
                match symbol.resolution {
                    Resolution::Local => {
                        bound.insert(*name);
                    }
                    Resolution::GlobalExplicit => {
                        bound.remove(name);
                    }
                    Resolution::Cell | Resolution::Free | Resolution::GlobalImplicit => {}
                }
            }
        }

        for index in 0..self.scopes[id].children.len() {
            let child = self.scopes[id].children[index];
            self.analyze(child, &bound)?;
            let captured: Vec<&'a str> = self.scopes[child].freevars.iter().copied().collect();
            let scope = &mut self.scopes[id];
            for name in captured {
                match scope.symbols.get_mut(name) {
                    Some(symbol) if symbol.resolution == Resolution::Local => {
                        symbol.resolution = Resolution::Cell
                    }
                    Some(_) => {}
                    None => {
                        scope.symbols.insert(
                            name,
                            Symbol {
                                flags: 0,
                                resolution: Resolution::Free,
                                access: NameAccess::Global,
                                declared_at: Pos::default(),
                            },
                        );
                    }
                }
            }
        }

        let scope = &mut self.scopes[id];
        let bound_locals = scope.bind_order.iter().filter_map(|&index| {
            let (name, symbol) = scope.symbols.get_index(index)?;
            (symbol.resolution == Resolution::Local && !scope.params.contains(name))
                .then_some(*name)
        });
        let varnames: NameRefs<'a> = scope.params.iter().copied().chain(bound_locals).collect();
        let with_resolution = |wanted: Resolution| {
            scope
                .symbols
                .iter()
                .filter(|(_, symbol)| symbol.resolution == wanted)
                .map(|(name, _)| *name)
                .collect()
        };
        let cellvars = with_resolution(Resolution::Cell);
        let freevars = with_resolution(Resolution::Free);
        scope.varnames = varnames;
        scope.cellvars = cellvars;
        scope.freevars = freevars;
        let accesses: Vec<NameAccess> = scope
            .symbols
            .iter()
            .map(|(name, symbol)| scope.compute_access(name, symbol.resolution))
            .collect();
        for (symbol, access) in scope.symbols.values_mut().zip(accesses) {
            symbol.access = access;
        }
        Ok(())
    }
}

/// The first pass: records what every scope does with every name.
struct Builder<'a> {
    table: SymbolTable<'a>,
    /// The scopes enclosing the node being visited, innermost last.
    stack: Vec<ScopeId>,
}

impl<'a> Builder<'a> {
    fn current_id(&self) -> ScopeId {
        *self.stack.last().expect("the module scope is never popped")
    }

    fn current(&mut self) -> &mut Scope<'a> {
        let id = self.current_id();
        &mut self.table.scopes[id]
    }

    fn symbol(&mut self, scope: ScopeId, name: &'a str) -> &mut Symbol {
        let index = self.symbol_index(scope, name);
        &mut self.table.scopes[scope].symbols[index]
    }

    fn symbol_index(&mut self, scope: ScopeId, name: &'a str) -> usize {
        let symbols = &mut self.table.scopes[scope].symbols;
        // Looked up before inserting: names are mostly seen again, and an owned key per
        // mention was a large part of building the table.
        match symbols.get_index_of(name) {
            Some(index) => index,
            None => {
                let symbol = Symbol {
                    flags: 0,
                    resolution: Resolution::GlobalImplicit,
                    access: NameAccess::Global,
                    declared_at: Pos::default(),
                };
                symbols.insert_full(name, symbol).0
            }
        }
    }

    fn add_to(&mut self, scope: ScopeId, name: &'a str, flags: u8) {
        let index = self.symbol_index(scope, name);
        let scope = &mut self.table.scopes[scope];
        let symbol = &mut scope.symbols[index];
        // Only `add_to` sets these flags, so a name is first bound when neither was set yet.
        let binding = flag::BOUND | flag::PARAM;
        if flags & binding != 0 && symbol.flags & binding == 0 {
            scope.bind_order.push(index);
        }
        symbol.flags |= flags;
    }

    fn use_name(&mut self, name: &'a str) {
        self.add_to(self.current_id(), name, flag::USE);
    }

    fn bind(&mut self, name: &'a str) {
        self.add_to(self.current_id(), name, flag::BOUND);
    }

    fn param(&mut self, param: &ast::Param<'a>) -> Result<(), SyntaxError> {
        let id = self.current_id();
        if self.symbol(id, param.name).flags & flag::PARAM != 0 {
            let msg = format!("duplicate argument '{}' in function definition", param.name);
            return Err(error_at(msg, param.pos));
        }
        self.add_to(id, param.name, flag::PARAM);
        self.current().params.push(param.name);
        Ok(())
    }

    /// Opens a scope for `node`, runs `visit` inside it and closes it.
    fn nested<T>(
        &mut self,
        node: &T,
        kind: ScopeKind,
        visit: impl FnOnce(&mut Builder<'a>) -> Result<(), SyntaxError>,
    ) -> Result<(), SyntaxError> {
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope::new(kind));
        self.table.by_node.insert(node_key(node), id);
        self.current().children.push(id);
        self.stack.push(id);
        visit(self)?;
        self.stack.pop();
        Ok(())
    }

    fn declare(&mut self, names: &[&'a str], declared: u8, pos: Pos) -> Result<(), SyntaxError> {
        let (keyword, other, other_keyword) = if declared == flag::GLOBAL {
            ("global", flag::NONLOCAL, "nonlocal")
        } else {
            ("nonlocal", flag::GLOBAL, "global")
        };
        if declared == flag::NONLOCAL && self.current().kind == ScopeKind::Module {
            return Err(error_at(
                "nonlocal declaration not allowed at module level",
                pos,
            ));
        }
        for &name in names {
            let id = self.current_id();
            let symbol = self.symbol(id, name);
            let problem = if symbol.flags & flag::PARAM != 0 {
                Some(format!("name '{name}' is parameter and {keyword}"))
            } else if symbol.flags & flag::USE != 0 {
                Some(format!(
                    "name '{name}' is used prior to {keyword} declaration"
                ))
            } else if symbol.flags & flag::BOUND != 0 {
                Some(format!(
                    "name '{name}' is assigned to before {keyword} declaration"
                ))
            } else if symbol.flags & other != 0 {
                Some(format!("name '{name}' is {other_keyword} and {keyword}"))
            } else {
                None
            };
            if let Some(msg) = problem {
                return Err(error_at(msg, pos));
            }
            symbol.flags |= declared;
            symbol.declared_at = pos;
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt<'a>]) -> Result<(), SyntaxError> {
        body.iter().try_for_each(|stmt| self.visit_stmt(stmt))
    }

    fn visit_stmt(&mut self, stmt: &Stmt<'a>) -> Result<(), SyntaxError> {
        check_supported_statement(stmt)?;
        match &stmt.kind {
            StmtKind::Expr(value) => self.visit_expr(value),
            StmtKind::Assign { targets, value } => {
                self.visit_expr(value)?;
                targets
                    .iter()
                    .try_for_each(|target| self.visit_target(target))
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(value)?;
                if let ExprKind::Name(name) = target.kind {
                    self.use_name(name);
                }
                self.visit_target(target)
            }
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(value) = value {
                    self.visit_expr(value)?;
                }
                self.visit_target(target)
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
            StmtKind::Return(value) => value.map_or(Ok(()), |value| self.visit_expr(value)),
            StmtKind::Delete(targets) => targets
                .iter()
                .try_for_each(|target| self.visit_target(target)),
            StmtKind::Global(names) => self.declare(names, flag::GLOBAL, stmt.pos),
            StmtKind::Nonlocal(names) => self.declare(names, flag::NONLOCAL, stmt.pos),
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                msg.map_or(Ok(()), |msg| self.visit_expr(msg))
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_body(body)?;
                self.visit_body(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.visit_expr(iter)?;
                self.visit_target(target)?;
                self.visit_body(body)?;
                self.visit_body(orelse)
            }
            StmtKind::FunctionDef(def) => self.visit_function(def),
            StmtKind::ClassDef(_)
            | StmtKind::Try(_)
            | StmtKind::With { .. }
            | StmtKind::Raise { .. } => Ok(()),
            StmtKind::Import(aliases) => {
                for alias in *aliases {
                    let bound = alias
                        .asname
                        .unwrap_or_else(|| alias.name.split('.').next().unwrap_or(alias.name));
                    self.bind(bound);
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for alias in *names {
                    if alias.name == "*" {
                        if self.current().kind != ScopeKind::Module {
                            return Err(error_at(
                                "import * only allowed at module level",
                                stmt.pos,
                            ));
                        }
                    } else {
                        self.bind(alias.asname.unwrap_or(alias.name));
                    }
                }
                Ok(())
            }
        }
    }

    fn visit_function(&mut self, def: &ast::FunctionDef<'a>) -> Result<(), SyntaxError> {
        self.visit_exprs(def.decorators)?;
        self.visit_defaults(def.params)?;
        self.bind(def.name);
        self.nested(def, ScopeKind::Function, |builder| {
            builder.visit_params(def.params)?;
            builder.visit_body(def.body)
        })
    }

    /// Defaults are evaluated in the scope that defines the function.
    fn visit_defaults(&mut self, params: &ast::Parameters<'a>) -> Result<(), SyntaxError> {
        self.visit_exprs(params.defaults)?;
        params
            .kwonly
            .iter()
            .filter_map(|(_, default)| *default)
            .try_for_each(|default| self.visit_expr(default))
    }

    fn visit_params(&mut self, params: &ast::Parameters<'a>) -> Result<(), SyntaxError> {
        let positional = params.posonly.iter().chain(params.args);
        let kwonly = params.kwonly.iter().map(|(param, _)| param);
        let starred = params.vararg.iter().chain(&params.kwarg);
        positional
            .chain(kwonly)
            .chain(starred)
            .try_for_each(|param| self.param(param))
    }

    fn visit_exprs(&mut self, exprs: &[Expr<'a>]) -> Result<(), SyntaxError> {
        exprs.iter().try_for_each(|expr| self.visit_expr(expr))
    }

    /// An assignment or deletion target.
    fn visit_target(&mut self, target: &Expr<'a>) -> Result<(), SyntaxError> {
        match &target.kind {
            ExprKind::Name(name) => {
                self.bind(name);
                Ok(())
            }
            ExprKind::Tuple(elements) | ExprKind::List(elements) => elements
                .iter()
                .try_for_each(|element| self.visit_target(element)),
            ExprKind::Starred(inner) => self.visit_target(inner),
            _ => self.visit_expr(target),
        }
    }

    /// A walrus target inside a comprehension binds in the nearest enclosing scope that is not a
    /// comprehension; the comprehensions in between reach it as a free (or global) name.
    fn bind_walrus_in_comprehension(&mut self, name: &'a str, pos: Pos) -> Result<(), SyntaxError> {
        let Some(owner_depth) = self
            .stack
            .iter()
            .rposition(|&id| self.table.scopes[id].kind != ScopeKind::Comprehension)
        else {
            return Ok(());
        };
        let owner = self.stack[owner_depth];
        let through = if self.table.scopes[owner].kind == ScopeKind::Module {
            flag::GLOBAL
        } else {
            flag::NONLOCAL
        };
        for depth in owner_depth + 1..self.stack.len() {
            let id = self.stack[depth];
            if self.symbol(id, name).flags & (flag::BOUND | flag::PARAM) != 0 {
                let msg = format!(
                    "assignment expression cannot rebind comprehension iteration variable '{name}'"
                );
                return Err(error_at(msg, pos));
            }
            let symbol = self.symbol(id, name);
            symbol.flags |= through;
            symbol.declared_at = pos;
        }
        self.add_to(owner, name, flag::BOUND);
        Ok(())
    }

    fn visit_expr(&mut self, expr: &Expr<'a>) -> Result<(), SyntaxError> {
        check_supported_expression(expr)?;
        match &expr.kind {
            ExprKind::Name(name) => {
                self.use_name(name);
                Ok(())
            }
            ExprKind::Constant(_)
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
            | ExprKind::Await(_) => Ok(()),
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values),
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand),
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)
            }
            ExprKind::Lambda { params, body } => {
                self.visit_defaults(params)?;
                self.nested(expr, ScopeKind::Lambda, |builder| {
                    builder.visit_params(params)?;
                    builder.visit_expr(body)
                })
            }
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                match target.kind {
                    ExprKind::Name(name) if self.current().kind == ScopeKind::Comprehension => {
                        self.bind_walrus_in_comprehension(name, target.pos)
                    }
                    _ => self.visit_target(target),
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                keywords
                    .iter()
                    .try_for_each(|keyword| self.visit_expr(&keyword.value))
            }
            ExprKind::Attribute { value, .. } | ExprKind::Starred(value) => self.visit_expr(value),
            ExprKind::Subscript { value, index } => {
                self.visit_expr(value)?;
                self.visit_expr(index)
            }
            ExprKind::Slice { lower, upper, step } => [lower, upper, step]
                .into_iter()
                .flatten()
                .try_for_each(|part| self.visit_expr(part)),
            ExprKind::List(elements) | ExprKind::Tuple(elements) | ExprKind::Set(elements) => {
                self.visit_exprs(elements)
            }
            ExprKind::Dict { keys, values } => {
                keys.iter()
                    .flatten()
                    .try_for_each(|key| self.visit_expr(key))?;
                self.visit_exprs(values)
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.visit_comprehension(expr, generators, &[elt])
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.visit_comprehension(expr, generators, &[key, value]),
            ExprKind::JoinedStr(values) => self.visit_exprs(values),
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.visit_expr(value)?;
                format_spec.map_or(Ok(()), |spec| self.visit_expr(spec))
            }
        }
    }

    /// The outermost iterable is evaluated in the enclosing scope; everything else runs in the
    /// comprehension's own scope, whose single parameter `.0` is the outermost iterator.
    fn visit_comprehension(
        &mut self,
        expr: &Expr<'a>,
        generators: &[ast::Comprehension<'a>],
        elements: &[&Expr<'a>],
    ) -> Result<(), SyntaxError> {
        if let Some(first) = generators.first() {
            self.visit_expr(first.iter)?;
        }
        self.nested(expr, ScopeKind::Comprehension, |builder| {
            let id = builder.current_id();
            builder.add_to(id, ".0", flag::PARAM);
            builder.current().params.push(".0");
            for (index, generator) in generators.iter().enumerate() {
                if index > 0 {
                    builder.visit_expr(generator.iter)?;
                }
                builder.visit_target(generator.target)?;
                builder.visit_exprs(generator.ifs)?;
            }
            elements
                .iter()
                .try_for_each(|element| builder.visit_expr(element))
        })
    }
}
