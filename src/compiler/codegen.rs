//! Code generation for statements, function bodies and name access. Expressions are in
//! `expr.rs`. The compiler keeps one `CodeUnit` per code object being built: the current one,
//! plus the enclosing ones while a nested function or comprehension is compiled.

use std::mem;
use std::rc::Rc;

use super::scope::{NameAccess, Resolution, Scope, ScopeKind, SymbolTable};
use super::unit::{CodeUnit, Label, Loop, Signature};
use super::{check_supported_statement, error_at};
use crate::bytecode::code::flags;
use crate::bytecode::opcodes::Opcode;
use crate::bytecode::{CodeObject, Constant};
use crate::syntax::SyntaxError;
use crate::syntax::ast::{self, Expr, ExprKind, Stmt, StmtKind};

pub type CompileResult<T = ()> = Result<T, SyntaxError>;

/// What a name instruction does with the name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameContext {
    Load,
    Store,
    Delete,
}

pub struct Compiler<'t> {
    pub(super) table: &'t SymbolTable<'t>,
    filename: &'t str,
    pub(super) unit: CodeUnit<'t>,
    /// The units of the code objects enclosing the current one, innermost last.
    outer: Vec<CodeUnit<'t>>,
}

impl<'t> Compiler<'t> {
    pub fn new(table: &'t SymbolTable<'t>, filename: &'t str) -> Compiler<'t> {
        let mut unit = CodeUnit::new(table.module(), "<module>", "<module>".to_owned(), 1);
        unit.signature.flags = flags::MODULE;
        Compiler {
            table,
            filename,
            unit,
            outer: Vec::new(),
        }
    }

    pub fn compile_module(mut self, module: &ast::Module<'_>) -> CompileResult<Rc<CodeObject>> {
        self.compile_body(module.body)?;
        self.load_const(Constant::None);
        self.emit(Opcode::ReturnValue, 0);
        Ok(Rc::new(self.unit.assemble(self.filename)?))
    }

    pub(super) fn emit(&mut self, op: Opcode, arg: usize) {
        self.unit.emit(op, arg);
    }

    pub(super) fn emit_jump(&mut self, op: Opcode, target: Label) {
        self.unit.emit_jump(op, target);
    }

    pub(super) fn new_label(&mut self) -> Label {
        self.unit.new_label()
    }

    pub(super) fn bind(&mut self, label: Label) {
        self.unit.bind(label);
    }

    pub(super) fn load_const(&mut self, constant: Constant) {
        let index = self.unit.add_const(constant);
        self.emit(Opcode::LoadConst, index);
    }

    /// Emits `op` with `name` from the names table.
    pub(super) fn emit_name(&mut self, op: Opcode, name: &str) {
        let index = self.unit.add_name(name);
        self.emit(op, index);
    }

    /// Runs `compile` with instructions attributed to `line`, then restores the previous line.
    pub(super) fn at_line<R>(&mut self, line: u32, compile: impl FnOnce(&mut Self) -> R) -> R {
        let saved = mem::replace(&mut self.unit.line, line);
        let result = compile(self);
        self.unit.line = saved;
        result
    }

    pub(super) fn name_op(&mut self, name: &str, context: NameContext) {
        let (fast, deref, global) = match context {
            NameContext::Load => (Opcode::LoadFast, Opcode::LoadDeref, Opcode::LoadGlobal),
            NameContext::Store => (Opcode::StoreFast, Opcode::StoreDeref, Opcode::StoreGlobal),
            NameContext::Delete => (
                Opcode::DeleteFast,
                Opcode::DeleteDeref,
                Opcode::DeleteGlobal,
            ),
        };
        match self.unit.scope.access(name) {
            NameAccess::Fast(slot) => self.emit(fast, slot as usize),
            NameAccess::Deref(index) => self.emit(deref, index as usize),
            NameAccess::Global => self.emit_name(global, name),
        }
    }

    fn compile_body(&mut self, body: &[Stmt<'_>]) -> CompileResult {
        body.iter().try_for_each(|stmt| self.compile_stmt(stmt))
    }

    fn compile_stmt(&mut self, stmt: &Stmt<'_>) -> CompileResult {
        check_supported_statement(stmt)?;
        self.unit.line = stmt.pos.line;
        match &stmt.kind {
            StmtKind::Expr(value) => {
                // A lone literal (a docstring, `...`) has no effect.
                if !matches!(value.kind, ExprKind::Constant(_)) {
                    self.compile_expr(value)?;
                    self.emit(Opcode::Pop, 0);
                }
                Ok(())
            }
            StmtKind::Assign { targets, value } => {
                if let [target] = targets
                    && let Some(count) = swap_assignment(target, value)
                {
                    // `a, b = b, a`: the values are already on the stack in order; one swap
                    // puts the first on top, as an unpacked tuple would, with no tuple built.
                    for element in parallel_elements(value) {
                        self.compile_expr(element)?;
                    }
                    self.emit(Opcode::Swap, count);
                    for element in parallel_elements(target) {
                        self.store_target(element)?;
                    }
                    return Ok(());
                }
                self.compile_expr(value)?;
                for (index, target) in targets.iter().enumerate() {
                    if index + 1 < targets.len() {
                        self.emit(Opcode::Copy, 1);
                    }
                    self.store_target(target)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => {
                self.compile_aug_assign(target, *op, value)
            }
            StmtKind::AnnAssign { target, value, .. } => match value {
                Some(value) => {
                    self.compile_expr(value)?;
                    self.store_target(target)
                }
                None => self.check_annotated_target(target),
            },
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => Ok(()),
            StmtKind::Break => {
                let Some(innermost) = self.unit.loops.last().copied() else {
                    return Err(error_at("'break' outside loop", stmt.pos));
                };
                if innermost.has_iterator {
                    self.emit(Opcode::Pop, 0);
                }
                self.emit_jump(Opcode::Jump, innermost.break_to);
                Ok(())
            }
            StmtKind::Continue => {
                let Some(innermost) = self.unit.loops.last().copied() else {
                    return Err(error_at("'continue' not properly in loop", stmt.pos));
                };
                self.emit_jump(Opcode::Jump, innermost.continue_to);
                Ok(())
            }
            StmtKind::Return(value) => {
                if self.unit.scope.kind == ScopeKind::Module {
                    return Err(error_at("'return' outside function", stmt.pos));
                }
                match value {
                    Some(value) => self.compile_expr(value)?,
                    None => self.load_const(Constant::None),
                }
                self.emit(Opcode::ReturnValue, 0);
                Ok(())
            }
            StmtKind::Delete(targets) => targets
                .iter()
                .try_for_each(|target| self.delete_target(target)),
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.jump_if(test, true, end)?;
                match msg {
                    Some(msg) => {
                        self.compile_expr(msg)?;
                        self.emit(Opcode::RaiseAssertion, 1);
                    }
                    None => self.emit(Opcode::RaiseAssertion, 0),
                }
                self.bind(end);
                Ok(())
            }
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                if orelse.is_empty() {
                    self.jump_if(test, false, end)?;
                    self.compile_body(body)?;
                } else {
                    let otherwise = self.new_label();
                    self.jump_if(test, false, otherwise)?;
                    self.compile_body(body)?;
                    self.emit_jump(Opcode::Jump, end);
                    self.bind(otherwise);
                    self.compile_body(orelse)?;
                }
                self.bind(end);
                Ok(())
            }
            StmtKind::While { test, body, orelse } => {
                let top = self.new_label();
                let body_start = self.new_label();
                let otherwise = self.new_label();
                let end = self.new_label();
                self.bind(top);
                self.jump_if(test, false, otherwise)?;
                self.bind(body_start);
                self.compile_loop_body(body, top, end, false)?;
                // The test again at the bottom, jumping back while true, as CPython 3.11 does:
                // an iteration takes one conditional jump instead of a jump to the top and then
                // the test's jump. `continue` still goes to the test at the top.
                self.jump_if(test, true, body_start)?;
                self.bind(otherwise);
                self.compile_body(orelse)?;
                self.bind(end);
                Ok(())
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let top = self.new_label();
                let otherwise = self.new_label();
                let end = self.new_label();
                self.compile_iterable(iter)?;
                self.emit(Opcode::GetIter, 0);
                self.bind(top);
                self.emit_jump(Opcode::ForIter, otherwise);
                self.store_target(target)?;
                self.compile_loop_body(body, top, end, true)?;
                self.close_loop(stmt.pos.line, top, otherwise, end, orelse)
            }
            StmtKind::FunctionDef(def) => self.compile_function_def(def, stmt.pos.line),
            StmtKind::ClassDef(_)
            | StmtKind::Try(_)
            | StmtKind::With { .. }
            | StmtKind::Raise { .. } => Ok(()),
            StmtKind::Import(aliases) => {
                for alias in *aliases {
                    self.unit.line = alias.pos.line;
                    match alias.asname {
                        Some(asname) => {
                            self.emit_name(Opcode::ImportModule, alias.name);
                            self.name_op(asname, NameContext::Store);
                        }
                        None => {
                            self.emit_name(Opcode::ImportName, alias.name);
                            let top_level = alias.name.split('.').next().unwrap_or(alias.name);
                            self.name_op(top_level, NameContext::Store);
                        }
                    }
                }
                Ok(())
            }
            StmtKind::ImportFrom { module, names, .. } => {
                self.emit_name(Opcode::ImportModule, module.unwrap_or_default());
                if let [star] = names
                    && star.name == "*"
                {
                    self.emit(Opcode::ImportStar, 0);
                    return Ok(());
                }
                for alias in *names {
                    self.emit_name(Opcode::ImportFrom, alias.name);
                    self.name_op(alias.asname.unwrap_or(alias.name), NameContext::Store);
                }
                self.emit(Opcode::Pop, 0);
                Ok(())
            }
        }
    }

    fn compile_loop_body(
        &mut self,
        body: &[Stmt<'_>],
        continue_to: Label,
        break_to: Label,
        has_iterator: bool,
    ) -> CompileResult {
        self.unit.loops.push(Loop {
            continue_to,
            break_to,
            has_iterator,
        });
        let result = self.compile_body(body);
        self.unit.loops.pop();
        result
    }

    /// `x.a: int` and `x[i]: int` without a value still evaluate the target's parts.
    fn check_annotated_target(&mut self, target: &Expr<'_>) -> CompileResult {
        let parts: &[&Expr<'_>] = match &target.kind {
            ExprKind::Attribute { value, .. } => &[value],
            ExprKind::Subscript { value, index } => &[value, index],
            _ => &[],
        };
        for part in parts {
            self.compile_expr(part)?;
            self.emit(Opcode::Pop, 0);
        }
        Ok(())
    }

    fn compile_aug_assign(
        &mut self,
        target: &Expr<'_>,
        op: ast::BinOp,
        value: &Expr<'_>,
    ) -> CompileResult {
        let inplace = |compiler: &mut Self| match op {
            ast::BinOp::Add => compiler.emit(Opcode::InplaceAdd, 0),
            _ => compiler.emit(
                Opcode::InplaceOp,
                super::expr::bytecode_operator(op) as usize,
            ),
        };
        match &target.kind {
            ExprKind::Name(name) => {
                self.at_line(target.pos.line, |c| c.name_op(name, NameContext::Load));
                self.compile_expr(value)?;
                inplace(self);
                self.at_line(target.pos.line, |c| c.name_op(name, NameContext::Store));
            }
            ExprKind::Attribute {
                value: object,
                attr,
            } => {
                self.compile_expr(object)?;
                self.at_line(target.pos.line, |c| {
                    c.emit(Opcode::Copy, 1);
                    c.emit_name(Opcode::LoadAttr, attr);
                });
                self.compile_expr(value)?;
                inplace(self);
                self.at_line(target.pos.line, |c| {
                    c.emit(Opcode::Swap, 2);
                    c.emit_name(Opcode::StoreAttr, attr);
                });
            }
            ExprKind::Subscript {
                value: container,
                index,
            } => {
                self.compile_expr(container)?;
                self.compile_expr(index)?;
                self.at_line(target.pos.line, |c| {
                    c.emit(Opcode::Copy, 2);
                    c.emit(Opcode::Copy, 2);
                    c.emit(Opcode::BinarySubscr, 0);
                });
                self.compile_expr(value)?;
                inplace(self);
                self.at_line(target.pos.line, |c| {
                    c.emit(Opcode::Swap, 3);
                    c.emit(Opcode::Swap, 2);
                    c.emit(Opcode::StoreSubscr, 0);
                });
            }
            _ => {
                return Err(error_at(
                    "illegal expression for augmented assignment",
                    target.pos,
                ));
            }
        }
        Ok(())
    }

    /// Stores the value on top of the stack into an assignment target.
    pub(super) fn store_target(&mut self, target: &Expr<'_>) -> CompileResult {
        self.at_line(target.pos.line, |c| match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                c.single_target(target, TargetAccess::Store)
            }
            ExprKind::Tuple(elements) | ExprKind::List(elements) => c.unpack_into(elements, target),
            ExprKind::Starred(_) => Err(error_at(
                "starred assignment target must be in a list or tuple",
                target.pos,
            )),
            _ => Err(error_at("cannot assign to expression", target.pos)),
        })
    }

    fn unpack_into(&mut self, elements: &[Expr<'_>], target: &Expr<'_>) -> CompileResult {
        let mut starred = elements
            .iter()
            .enumerate()
            .filter(|(_, element)| matches!(element.kind, ExprKind::Starred(_)));
        match (starred.next(), starred.next()) {
            (None, _) => self.emit(Opcode::UnpackSequence, elements.len()),
            (Some((before, _)), None) => {
                let after = elements.len() - before - 1;
                if before >= 1 << 8 || after >= 1 << 16 {
                    return Err(error_at(
                        "too many expressions in star-unpacking assignment",
                        target.pos,
                    ));
                }
                self.emit(Opcode::UnpackEx, before | after << 8);
            }
            (Some(_), Some((_, second))) => {
                return Err(error_at(
                    "multiple starred expressions in assignment",
                    second.pos,
                ));
            }
        }
        for element in elements {
            match &element.kind {
                ExprKind::Starred(inner) => self.store_target(inner)?,
                _ => self.store_target(element)?,
            }
        }
        Ok(())
    }

    /// The end of a `while` or `for`: the jump back to the top, the `else` body where the loop
    /// ends normally, and the label `break` jumps to.
    fn close_loop(
        &mut self,
        line: u32,
        top: Label,
        otherwise: Label,
        end: Label,
        orelse: &[Stmt<'_>],
    ) -> CompileResult {
        self.unit.line = line;
        self.emit_jump(Opcode::Jump, top);
        self.bind(otherwise);
        self.compile_body(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// Stores into or deletes a name, an attribute or a subscript; the caller has checked that
    /// `target` is one of those.
    fn single_target(&mut self, target: &Expr<'_>, access: TargetAccess) -> CompileResult {
        let (context, attribute_op, subscript_op) = match access {
            TargetAccess::Store => (NameContext::Store, Opcode::StoreAttr, Opcode::StoreSubscr),
            TargetAccess::Delete => (
                NameContext::Delete,
                Opcode::DeleteAttr,
                Opcode::DeleteSubscr,
            ),
        };
        match &target.kind {
            ExprKind::Name(name) => self.name_op(name, context),
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                self.emit_name(attribute_op, attr);
            }
            ExprKind::Subscript { value, index } => {
                self.compile_expr(value)?;
                self.compile_expr(index)?;
                self.emit(subscript_op, 0);
            }
            _ => return Err(error_at("cannot assign to expression", target.pos)),
        }
        Ok(())
    }

    fn delete_target(&mut self, target: &Expr<'_>) -> CompileResult {
        self.at_line(target.pos.line, |c| match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                c.single_target(target, TargetAccess::Delete)
            }
            ExprKind::Tuple(elements) | ExprKind::List(elements) => elements
                .iter()
                .try_for_each(|element| c.delete_target(element)),
            _ => Err(error_at("cannot delete expression", target.pos)),
        })
    }

    fn compile_function_def(&mut self, def: &ast::FunctionDef<'_>, line: u32) -> CompileResult {
        for decorator in def.decorators {
            self.compile_expr(decorator)?;
        }
        let scope = self.table.scope_of(def);
        // CPython's co_firstlineno of a decorated function is its first decorator's line.
        let first_line = def.decorators.first().map_or(line, |d| d.pos.line);
        self.make_function(scope, def.name, def.params, first_line, |c| {
            c.compile_body(def.body)?;
            if c.unit.falls_through() {
                c.load_const(Constant::None);
                c.emit(Opcode::ReturnValue, 0);
            }
            Ok(())
        })?;
        for decorator in def.decorators.iter().rev() {
            self.at_line(decorator.pos.line, |c| c.emit(Opcode::Call, 1));
        }
        self.name_op(def.name, NameContext::Store);
        Ok(())
    }

    /// Evaluates the defaults, compiles the body into a new code object and emits
    /// `MakeFunction`, leaving the function on the stack.
    pub(super) fn make_function(
        &mut self,
        scope: &'t Scope<'t>,
        name: &str,
        params: &ast::Parameters<'_>,
        first_line: u32,
        body: impl FnOnce(&mut Self) -> CompileResult,
    ) -> CompileResult {
        let mut make_flags = 0;
        if !params.defaults.is_empty() {
            // Constant defaults are one tuple constant, as in CPython: a module of a thousand
            // `def`s then builds no tuples at start-up.
            let constant_defaults: Option<Vec<Constant>> =
                params.defaults.iter().map(super::fold::fold).collect();
            if let Some(defaults) = constant_defaults {
                self.load_const(Constant::Tuple(defaults));
            } else {
                for default in params.defaults {
                    self.compile_expr(default)?;
                }
                self.emit(Opcode::BuildTuple, params.defaults.len());
            }
            make_flags |= 1;
        }
        let kw_defaults: Vec<_> = params
            .kwonly
            .iter()
            .filter_map(|(param, default)| Some((param.name, (*default)?)))
            .collect();
        if !kw_defaults.is_empty() {
            for (name, default) in &kw_defaults {
                self.load_const(Constant::Str((*name).to_owned()));
                self.compile_expr(default)?;
            }
            self.emit(Opcode::BuildMap, kw_defaults.len());
            make_flags |= 2;
        }
        let positional = params.posonly.len() + params.args.len();
        let signature = Signature {
            argcount: positional as u32,
            posonlyargcount: params.posonly.len() as u32,
            kwonlyargcount: params.kwonly.len() as u32,
            flags: if params.vararg.is_some() {
                flags::VARARGS
            } else {
                0
            } | if params.kwarg.is_some() {
                flags::VARKEYWORDS
            } else {
                0
            },
        };
        let code = self.compile_nested(scope, name, signature, first_line, body)?;
        self.emit_closure_and_code(code, make_flags)
    }

    /// Compiles a nested code object with `body` and returns it.
    pub(super) fn compile_nested(
        &mut self,
        scope: &'t Scope<'t>,
        name: &str,
        signature: Signature,
        first_line: u32,
        body: impl FnOnce(&mut Self) -> CompileResult,
    ) -> CompileResult<CodeObject> {
        // A function declared `global` in its enclosing function is named like a module-level one.
        let qualname = if self.unit.scope.kind == ScopeKind::Module
            || self.unit.scope.resolution(name) == Resolution::GlobalExplicit
        {
            name.to_owned()
        } else {
            format!("{}.<locals>.{name}", self.unit.qualname)
        };
        let mut unit = CodeUnit::new(scope, name, qualname, first_line);
        unit.signature = signature;
        let enclosing = mem::replace(&mut self.unit, unit);
        self.outer.push(enclosing);
        self.emit_cell_prologue();
        let result = body(self);
        let enclosing = self.outer.pop().expect("pushed above");
        let finished = mem::replace(&mut self.unit, enclosing);
        result?;
        finished.assemble(self.filename)
    }

    /// Creates the cells of the new code object and moves captured parameters into them.
    fn emit_cell_prologue(&mut self) {
        let scope = self.unit.scope;
        for (index, name) in scope.cellvars.iter().enumerate() {
            self.emit(Opcode::MakeCell, index);
            if scope.is_param(name)
                && let Some(slot) = scope.varnames.get_index_of(name)
            {
                self.emit(Opcode::LoadFast, slot);
                self.emit(Opcode::StoreDeref, index);
            }
        }
    }

    /// Emits the closure tuple (when `code` has free variables), the code constant and
    /// `MakeFunction`; the defaults named by `make_flags` are already on the stack.
    pub(super) fn emit_closure_and_code(
        &mut self,
        code: CodeObject,
        mut make_flags: usize,
    ) -> CompileResult {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let Some(index) = self.unit.scope.deref_index(name) else {
                    let msg = format!(
                        "internal error: free variable '{name}' has no cell in the enclosing scope"
                    );
                    return Err(SyntaxError::new(msg, self.unit.line, 0));
                };
                self.emit(Opcode::LoadClosure, index as usize);
            }
            self.emit(Opcode::BuildTuple, code.freevars.len());
            make_flags |= 8;
        }
        self.load_const(Constant::Code(Rc::new(code)));
        self.emit(Opcode::MakeFunction, make_flags);
        Ok(())
    }
}

/// The elements of a tuple or list display.
fn parallel_elements<'e>(display: &'e Expr<'e>) -> &'e [Expr<'e>] {
    match &display.kind {
        ExprKind::Tuple(elements) | ExprKind::List(elements) => elements,
        _ => &[],
    }
}

/// For `a, b = x, y` and `a, b, c = x, y, z` (no starred items on either side), the number of
/// values: such an assignment compiles to the values and one `Swap`, as in CPython.
fn swap_assignment(target: &Expr<'_>, value: &Expr<'_>) -> Option<usize> {
    let (targets, values) = (parallel_elements(target), parallel_elements(value));
    let starred = |e: &Expr<'_>| matches!(e.kind, ExprKind::Starred(_));
    let is_display = |e: &Expr<'_>| matches!(e.kind, ExprKind::Tuple(_) | ExprKind::List(_));
    (is_display(target)
        && is_display(value)
        && targets.len() == values.len()
        && (2..=3).contains(&targets.len())
        && !targets.iter().chain(values).any(starred))
    .then_some(targets.len())
}

/// Whether a target is assigned to or deleted.
#[derive(Clone, Copy)]
enum TargetAccess {
    Store,
    Delete,
}
