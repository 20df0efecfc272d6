//! Code generation for expressions, including conditions compiled straight into jumps (so `if a
//! and not b:` never builds a bool), calls in their four shapes, and comprehensions as nested
//! code objects called with their outermost iterator.

use rustc_hash::FxHashSet;

use super::codegen::{CompileResult, Compiler, NameContext};
use super::fold::{fold, literal, truthiness};
use super::unit::{Label, Signature};
use super::{check_supported_expression, error_at};
use crate::bytecode::opcodes::Opcode;
use crate::bytecode::{BinaryOp, Constant};
use crate::syntax::ast::{self, BinOp, BoolOp, CmpOp, Expr, ExprKind, UnaryOp};

/// The collection a display with starred items builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sequence {
    List,
    Tuple,
    Set,
}

/// The collection a comprehension builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
}

fn binary_opcode(op: BinOp) -> Opcode {
    match op {
        BinOp::Add => Opcode::BinaryAdd,
        BinOp::Sub => Opcode::BinarySubtract,
        BinOp::Mul => Opcode::BinaryMultiply,
        BinOp::MatMul => Opcode::BinaryMatMul,
        BinOp::TrueDiv => Opcode::BinaryTrueDivide,
        BinOp::FloorDiv => Opcode::BinaryFloorDivide,
        BinOp::Mod => Opcode::BinaryModulo,
        BinOp::Pow => Opcode::BinaryPower,
        BinOp::LShift => Opcode::BinaryLShift,
        BinOp::RShift => Opcode::BinaryRShift,
        BinOp::BitOr => Opcode::BinaryOr,
        BinOp::BitXor => Opcode::BinaryXor,
        BinOp::BitAnd => Opcode::BinaryAnd,
    }
}

/// The bytecode's operator for a syntax-tree operator (`InplaceOp`'s argument numbering).
pub(super) fn bytecode_operator(op: BinOp) -> BinaryOp {
    match op {
        BinOp::Add => BinaryOp::Add,
        BinOp::Sub => BinaryOp::Sub,
        BinOp::Mul => BinaryOp::Mul,
        BinOp::MatMul => BinaryOp::MatMul,
        BinOp::TrueDiv => BinaryOp::TrueDiv,
        BinOp::FloorDiv => BinaryOp::FloorDiv,
        BinOp::Mod => BinaryOp::Mod,
        BinOp::Pow => BinaryOp::Pow,
        BinOp::LShift => BinaryOp::LShift,
        BinOp::RShift => BinaryOp::RShift,
        BinOp::BitOr => BinaryOp::Or,
        BinOp::BitXor => BinaryOp::Xor,
        BinOp::BitAnd => BinaryOp::And,
    }
}

fn is_starred(expr: &Expr<'_>) -> bool {
    matches!(expr.kind, ExprKind::Starred(_))
}

impl Compiler<'_> {
    pub(super) fn compile_expr(&mut self, expr: &Expr<'_>) -> CompileResult {
        check_supported_expression(expr)?;
        self.at_line(expr.pos.line, |c| c.compile_expr_here(expr))
    }

    fn compile_expr_here(&mut self, expr: &Expr<'_>) -> CompileResult {
        if matches!(
            expr.kind,
            ExprKind::UnaryOp { .. } | ExprKind::BinOp { .. } | ExprKind::Tuple(_)
        ) && let Some(constant) = fold(expr)
        {
            self.load_const(constant);
            return Ok(());
        }
        match &expr.kind {
            ExprKind::Name(name) => self.name_op(name, NameContext::Load),
            ExprKind::Constant(constant) => {
                if let Some(constant) = literal(constant) {
                    self.load_const(constant);
                }
            }
            ExprKind::BoolOp { op, values } => {
                let jump = match op {
                    BoolOp::And => Opcode::JumpIfFalseOrPop,
                    BoolOp::Or => Opcode::JumpIfTrueOrPop,
                };
                let end = self.new_label();
                for (index, value) in values.iter().enumerate() {
                    self.compile_expr(value)?;
                    if index + 1 < values.len() {
                        self.emit_jump(jump, end);
                    }
                }
                self.bind(end);
            }
            ExprKind::BinOp { left, op, right } => {
                self.compile_expr(left)?;
                self.compile_expr(right)?;
                self.emit(binary_opcode(*op), 0);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.compile_expr(operand)?;
                let opcode = match op {
                    UnaryOp::Not => Opcode::UnaryNot,
                    UnaryOp::Neg => Opcode::UnaryNegative,
                    UnaryOp::Pos => Opcode::UnaryPositive,
                    UnaryOp::Invert => Opcode::UnaryInvert,
                };
                self.emit(opcode, 0);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compile_compare(left, ops, comparators)?,
            ExprKind::IfExp { test, body, orelse } => {
                let otherwise = self.new_label();
                let end = self.new_label();
                self.jump_if(test, false, otherwise)?;
                self.compile_expr(body)?;
                self.emit_jump(Opcode::Jump, end);
                self.bind(otherwise);
                self.compile_expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Lambda { params, body } => {
                let scope = self.table.scope_of(expr);
                self.make_function(scope, "<lambda>", params, expr.pos.line, |c| {
                    c.compile_expr(body)?;
                    c.emit(Opcode::ReturnValue, 0);
                    Ok(())
                })?;
            }
            ExprKind::NamedExpr { target, value } => {
                self.compile_expr(value)?;
                self.emit(Opcode::Copy, 1);
                self.store_target(target)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.compile_call(func, args, keywords)?,
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                self.emit_name(Opcode::LoadAttr, attr);
            }
            ExprKind::Subscript { value, index } => {
                self.compile_expr(value)?;
                self.compile_expr(index)?;
                self.emit(Opcode::BinarySubscr, 0);
            }
            ExprKind::Slice { lower, upper, step } => {
                for bound in [lower, upper] {
                    match bound {
                        Some(bound) => self.compile_expr(bound)?,
                        None => self.load_const(Constant::None),
                    }
                }
                match step {
                    Some(step) => {
                        self.compile_expr(step)?;
                        self.emit(Opcode::BuildSlice, 3);
                    }
                    None => self.emit(Opcode::BuildSlice, 2),
                }
            }
            ExprKind::Starred(_) => {
                return Err(error_at("can't use starred expression here", expr.pos));
            }
            ExprKind::List(items) => self.compile_sequence(items, Sequence::List)?,
            ExprKind::Tuple(items) => self.compile_sequence(items, Sequence::Tuple)?,
            ExprKind::Set(items) => self.compile_sequence(items, Sequence::Set)?,
            ExprKind::Dict { keys, values } => self.compile_dict(keys, values)?,
            ExprKind::ListComp { elt, generators } => {
                self.compile_comprehension(expr, CompKind::List, generators, &[elt])?;
            }
            ExprKind::SetComp { elt, generators } => {
                self.compile_comprehension(expr, CompKind::Set, generators, &[elt])?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.compile_comprehension(expr, CompKind::Dict, generators, &[key, value])?;
            }
            ExprKind::JoinedStr(pieces) => {
                for piece in *pieces {
                    self.compile_expr(piece)?;
                }
                if pieces.len() != 1 {
                    self.emit(Opcode::BuildString, pieces.len());
                }
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.compile_expr(value)?;
                let mut format_flags = match conversion {
                    None => 0,
                    Some('s') => 1,
                    Some('r') => 2,
                    Some('a') => 3,
                    Some(other) => {
                        let msg = format!(
                            "f-string: invalid conversion character '{other}': expected 's', 'r', or 'a'"
                        );
                        return Err(error_at(msg, expr.pos));
                    }
                };
                if let Some(spec) = format_spec {
                    self.compile_expr(spec)?;
                    format_flags |= 4;
                }
                self.emit(Opcode::FormatValue, format_flags);
            }
            // Rejected by `check_supported_expression`.
            ExprKind::GeneratorExp { .. }
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
            | ExprKind::Await(_) => {}
        }
        Ok(())
    }

    /// Jumps to `target` when the truth value of `expr` is `when`; falls through otherwise.
    pub(super) fn jump_if(&mut self, expr: &Expr<'_>, when: bool, target: Label) -> CompileResult {
        check_supported_expression(expr)?;
        self.at_line(expr.pos.line, |c| c.jump_if_here(expr, when, target))
    }

    fn jump_if_here(&mut self, expr: &Expr<'_>, when: bool, target: Label) -> CompileResult {
        match &expr.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => return self.jump_if(operand, !when, target),
            ExprKind::BoolOp { op, values } => {
                let Some((last, rest)) = values.split_last() else {
                    return self.compile_expr(expr);
                };
                // `and` reaches a false outcome as soon as one operand is false, `or` a true one.
                let decided_early = (*op == BoolOp::And) != when;
                if decided_early {
                    for value in rest {
                        self.jump_if(value, when, target)?;
                    }
                    return self.jump_if(last, when, target);
                }
                let skip = self.new_label();
                for value in rest {
                    self.jump_if(value, !when, skip)?;
                }
                self.jump_if(last, when, target)?;
                self.bind(skip);
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let otherwise = self.new_label();
                let end = self.new_label();
                self.jump_if(test, false, otherwise)?;
                self.jump_if(body, when, target)?;
                self.emit_jump(Opcode::Jump, end);
                self.bind(otherwise);
                self.jump_if(orelse, when, target)?;
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 => return self.jump_if_chain(left, ops, comparators, when, target),
            _ => {}
        }
        if let Some(constant) = fold(expr) {
            if truthiness(&constant) == when {
                self.emit_jump(Opcode::Jump, target);
            }
            return Ok(());
        }
        self.compile_expr(expr)?;
        let jump = if when {
            Opcode::PopJumpIfTrue
        } else {
            Opcode::PopJumpIfFalse
        };
        self.emit_jump(jump, target);
        Ok(())
    }

    fn emit_compare(&mut self, op: CmpOp) {
        let (opcode, arg) = match op {
            CmpOp::Eq => (Opcode::CompareEqual, 0),
            CmpOp::NotEq => (Opcode::CompareNotEqual, 0),
            CmpOp::Lt => (Opcode::CompareLess, 0),
            CmpOp::LtE => (Opcode::CompareLessEqual, 0),
            CmpOp::Gt => (Opcode::CompareGreater, 0),
            CmpOp::GtE => (Opcode::CompareGreaterEqual, 0),
            CmpOp::Is => (Opcode::IsOp, 0),
            CmpOp::IsNot => (Opcode::IsOp, 1),
            CmpOp::In => (Opcode::ContainsOp, 0),
            CmpOp::NotIn => (Opcode::ContainsOp, 1),
        };
        self.emit(opcode, arg);
    }

    /// Compiles the comparisons of a chain up to the last one: each middle operand is kept
    /// (under the comparison's result) for the next comparison, and `on_false` is emitted after
    /// each comparison to leave the chain. Leaves the last left operand on the stack.
    fn compile_chain_prefix(
        &mut self,
        left: &Expr<'_>,
        ops: &[CmpOp],
        comparators: &[Expr<'_>],
        on_false: (Opcode, Label),
    ) -> CompileResult {
        self.compile_expr(left)?;
        for (op, comparator) in ops.iter().zip(comparators) {
            self.compile_expr(comparator)?;
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::Copy, 2);
            self.emit_compare(*op);
            self.emit_jump(on_false.0, on_false.1);
        }
        Ok(())
    }

    fn compile_compare(
        &mut self,
        left: &Expr<'_>,
        ops: &[CmpOp],
        comparators: &[Expr<'_>],
    ) -> CompileResult {
        let (Some((last_op, middle_ops)), Some((last, middle))) =
            (ops.split_last(), comparators.split_last())
        else {
            return self.compile_expr(left);
        };
        if middle_ops.is_empty() {
            self.compile_expr(left)?;
            self.compile_expr(last)?;
            self.emit_compare(*last_op);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        self.compile_chain_prefix(
            left,
            middle_ops,
            middle,
            (Opcode::JumpIfFalseOrPop, cleanup),
        )?;
        self.compile_expr(last)?;
        self.emit_compare(*last_op);
        self.emit_jump(Opcode::Jump, end);
        self.bind(cleanup);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::Pop, 0);
        self.bind(end);
        Ok(())
    }

    fn jump_if_chain(
        &mut self,
        left: &Expr<'_>,
        ops: &[CmpOp],
        comparators: &[Expr<'_>],
        when: bool,
        target: Label,
    ) -> CompileResult {
        let (Some((last_op, middle_ops)), Some((last, middle))) =
            (ops.split_last(), comparators.split_last())
        else {
            return Ok(());
        };
        let cleanup = self.new_label();
        let end = self.new_label();
        self.compile_chain_prefix(left, middle_ops, middle, (Opcode::PopJumpIfFalse, cleanup))?;
        self.compile_expr(last)?;
        self.emit_compare(*last_op);
        let jump = if when {
            Opcode::PopJumpIfTrue
        } else {
            Opcode::PopJumpIfFalse
        };
        self.emit_jump(jump, target);
        self.emit_jump(Opcode::Jump, end);
        self.bind(cleanup);
        self.emit(Opcode::Pop, 0);
        if !when {
            self.emit_jump(Opcode::Jump, target);
        }
        self.bind(end);
        Ok(())
    }

    /// The iterable of a `for` loop or comprehension. A set display of constants becomes a
    /// frozenset constant, as CPython's optimizer makes it, which fixes its iteration order.
    pub(super) fn compile_iterable(&mut self, iterable: &Expr<'_>) -> CompileResult {
        if let ExprKind::Set(items) = &iterable.kind
            && let Some(constants) = constant_items(items)
        {
            self.load_const(Constant::FrozenSet(constants));
            return Ok(());
        }
        self.compile_expr(iterable)
    }

    /// A list, tuple or set display, or the positional arguments of a call with `*args`. With
    /// starred items the values are collected in a list (a set for sets) that each starred
    /// iterable extends.
    fn compile_sequence(&mut self, items: &[Expr<'_>], kind: Sequence) -> CompileResult {
        let (build, add, extend) = match kind {
            Sequence::Set => (Opcode::BuildSet, Opcode::SetAdd, Opcode::SetUpdate),
            Sequence::List | Sequence::Tuple => {
                (Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend)
            }
        };
        if kind == Sequence::Set
            && items.len() > 2
            && let Some(constants) = constant_items(items)
        {
            self.emit(Opcode::BuildSet, 0);
            self.load_const(Constant::FrozenSet(constants));
            self.emit(Opcode::SetUpdate, 1);
            return Ok(());
        }
        if !items.iter().any(is_starred) {
            for item in items {
                self.compile_expr(item)?;
            }
            let build = if kind == Sequence::Tuple {
                Opcode::BuildTuple
            } else {
                build
            };
            self.emit(build, items.len());
            return Ok(());
        }
        let mut built = false;
        let mut pending = 0;
        for item in items {
            if let ExprKind::Starred(iterable) = item.kind {
                if !built {
                    self.emit(build, pending);
                    built = true;
                }
                self.compile_expr(iterable)?;
                self.emit(extend, 1);
            } else {
                self.compile_expr(item)?;
                if built {
                    self.emit(add, 1);
                } else {
                    pending += 1;
                }
            }
        }
        if kind == Sequence::Tuple {
            self.emit(Opcode::ListToTuple, 0);
        }
        Ok(())
    }

    /// `{k: v, **m, ...}`: runs of pairs become `BuildMap`s merged in order with `DictUpdate`.
    fn compile_dict(&mut self, keys: &[Option<Expr<'_>>], values: &[Expr<'_>]) -> CompileResult {
        let mut have_dict = false;
        let mut pending = 0;
        for (key, value) in keys.iter().zip(values) {
            match key {
                Some(key) => {
                    self.compile_expr(key)?;
                    self.compile_expr(value)?;
                    pending += 1;
                }
                None => {
                    self.flush_pairs(&mut pending, &mut have_dict);
                    self.compile_expr(value)?;
                    self.emit(Opcode::DictUpdate, 1);
                }
            }
        }
        if pending > 0 || !have_dict {
            self.flush_pairs(&mut pending, &mut have_dict);
        }
        Ok(())
    }

    /// Builds a dict of the pending key/value pairs and merges it into the dict below, if any.
    fn flush_pairs(&mut self, pending: &mut usize, have_dict: &mut bool) {
        if *pending == 0 && *have_dict {
            return;
        }
        self.emit(Opcode::BuildMap, *pending);
        if *have_dict {
            self.emit(Opcode::DictUpdate, 1);
        }
        *have_dict = true;
        *pending = 0;
    }

    fn compile_call(
        &mut self,
        func: &Expr<'_>,
        args: &[Expr<'_>],
        keywords: &[ast::Keyword<'_>],
    ) -> CompileResult {
        let mut seen = FxHashSet::default();
        for keyword in keywords {
            if let Some(name) = keyword.name
                && !seen.insert(name)
            {
                return Err(error_at(
                    format!("keyword argument repeated: {name}"),
                    keyword.pos,
                ));
            }
        }
        let has_star =
            args.iter().any(is_starred) || keywords.iter().any(|keyword| keyword.name.is_none());

        if let ExprKind::Attribute { value, attr } = &func.kind
            && keywords.is_empty()
            && !has_star
        {
            self.compile_expr(value)?;
            self.at_line(func.pos.line, |c| c.emit_name(Opcode::LoadMethod, attr));
            for arg in args {
                self.compile_expr(arg)?;
            }
            self.emit(Opcode::CallMethod, args.len());
            return Ok(());
        }

        self.compile_expr(func)?;
        if has_star {
            // A lone `*xs` goes to CallEx as it is (as in CPython), so a non-iterable is
            // reported naming the function; otherwise the positionals become a tuple.
            match args {
                [
                    Expr {
                        kind: ExprKind::Starred(inner),
                        ..
                    },
                ] => self.compile_expr(inner)?,
                _ => self.compile_sequence(args, Sequence::Tuple)?,
            }
            if keywords.is_empty() {
                self.emit(Opcode::CallEx, 0);
                return Ok(());
            }
            self.emit(Opcode::BuildMap, 0);
            for keyword in keywords {
                if let Some(name) = keyword.name {
                    self.load_const(Constant::Str(name.to_owned()));
                    self.compile_expr(&keyword.value)?;
                    self.emit(Opcode::BuildMap, 1);
                } else {
                    self.compile_expr(&keyword.value)?;
                }
                self.emit(Opcode::DictMerge, 1);
            }
            self.emit(Opcode::CallEx, 1);
            return Ok(());
        }

        for arg in args {
            self.compile_expr(arg)?;
        }
        if keywords.is_empty() {
            self.emit(Opcode::Call, args.len());
            return Ok(());
        }
        let mut names = Vec::with_capacity(keywords.len());
        for keyword in keywords {
            self.compile_expr(&keyword.value)?;
            names.extend(keyword.name.map(|name| Constant::Str(name.to_owned())));
        }
        self.load_const(Constant::Tuple(names));
        self.emit(Opcode::CallKw, args.len() + keywords.len());
        Ok(())
    }

    /// A comprehension is a function of one argument, the outermost iterator, called on the
    /// spot. `element` is the item added per iteration: one value, or a dict's key and value.
    fn compile_comprehension(
        &mut self,
        expr: &Expr<'_>,
        kind: CompKind,
        generators: &[ast::Comprehension<'_>],
        element: &[&Expr<'_>],
    ) -> CompileResult {
        let Some(outermost) = generators.first() else {
            return Err(error_at("comprehension without 'for'", expr.pos));
        };
        let (name, build) = match kind {
            CompKind::List => ("<listcomp>", Opcode::BuildList),
            CompKind::Set => ("<setcomp>", Opcode::BuildSet),
            CompKind::Dict => ("<dictcomp>", Opcode::BuildMap),
        };
        let scope = self.table.scope_of(expr);
        let signature = Signature {
            argcount: 1,
            ..Signature::default()
        };
        let code = self.compile_nested(scope, name, signature, expr.pos.line, |c| {
            c.emit(build, 0);
            c.compile_generators(generators, kind, element)?;
            c.emit(Opcode::ReturnValue, 0);
            Ok(())
        })?;
        self.emit_closure_and_code(code, 0)?;
        self.compile_iterable(outermost.iter)?;
        self.emit(Opcode::GetIter, 0);
        self.emit(Opcode::Call, 1);
        Ok(())
    }

    /// The loops of a comprehension, outermost first; the innermost adds the element to the
    /// collection, which sits below one iterator per loop.
    fn compile_generators(
        &mut self,
        generators: &[ast::Comprehension<'_>],
        kind: CompKind,
        element: &[&Expr<'_>],
    ) -> CompileResult {
        let mut loops = Vec::with_capacity(generators.len());
        for (depth, generator) in generators.iter().enumerate() {
            if depth == 0 {
                self.emit(Opcode::LoadFast, 0);
            } else {
                self.compile_iterable(generator.iter)?;
                self.emit(Opcode::GetIter, 0);
            }
            let (top, end) = (self.new_label(), self.new_label());
            self.bind(top);
            self.emit_jump(Opcode::ForIter, end);
            self.store_target(generator.target)?;
            for condition in generator.ifs {
                self.jump_if(condition, false, top)?;
            }
            if depth + 1 == generators.len() {
                for part in element {
                    self.compile_expr(part)?;
                }
                let add = match kind {
                    CompKind::List => Opcode::ListAppend,
                    CompKind::Set => Opcode::SetAdd,
                    CompKind::Dict => Opcode::MapAdd,
                };
                self.emit(add, generators.len() + 1);
            }
            loops.push((top, end));
        }
        for (top, end) in loops.into_iter().rev() {
            self.emit_jump(Opcode::Jump, top);
            self.bind(end);
        }
        Ok(())
    }
}

/// The values of display items that are all constants.
fn constant_items(items: &[Expr<'_>]) -> Option<Vec<Constant>> {
    items.iter().map(fold).collect()
}
