//! Compiler tests: scope analysis, error messages, constant folding and the instruction
//! sequences of the key patterns, on source parsed by the real parser.

use std::path::Path;
use std::rc::Rc;

use bumpalo::Bump;

use super::compile_module;
use crate::bytecode::dis::constant_repr;
use crate::bytecode::opcodes::ArgKind;
use crate::bytecode::{CodeObject, Constant};
use crate::syntax::{self, SyntaxError};

fn compile(source: &str) -> Result<Rc<CodeObject>, SyntaxError> {
    let arena = Bump::new();
    let module = syntax::parse(&arena, source)?;
    compile_module(&module, "<test>")
}

fn compiled(source: &str) -> Rc<CodeObject> {
    compile(source).unwrap_or_else(|error| panic!("{source:?} failed: {error:?}"))
}

/// The code object named `name` nested anywhere in `code`.
fn nested(code: &CodeObject, name: &str) -> Rc<CodeObject> {
    find_nested(code, name).unwrap_or_else(|| panic!("no code object {name} in {}", code.name))
}

fn find_nested(code: &CodeObject, name: &str) -> Option<Rc<CodeObject>> {
    code.constants.iter().find_map(|constant| match constant {
        Constant::Code(inner) if &*inner.name == name => Some(inner.clone()),
        Constant::Code(inner) => find_nested(inner, name),
        _ => None,
    })
}

/// The instructions as `Op arg` with the argument shown by meaning: constants by repr, names
/// by name, jumps and counts by number.
fn ops(code: &CodeObject) -> String {
    let rows: Vec<String> = code
        .instructions
        .iter()
        .map(|instr| {
            let arg = instr.arg() as usize;
            let shown = match instr.opcode().arg_kind() {
                ArgKind::None => return instr.opcode().name().to_owned(),
                ArgKind::Const => constant_repr(&code.constants[arg]),
                ArgKind::Name => code.names[arg].to_string(),
                ArgKind::Local => code.varnames[arg].to_string(),
                ArgKind::Cell => code
                    .cellvars
                    .iter()
                    .chain(&code.freevars)
                    .nth(arg)
                    .unwrap()
                    .to_string(),
                ArgKind::Jump | ArgKind::Count => arg.to_string(),
            };
            format!("{} {shown}", instr.opcode().name())
        })
        .collect();
    rows.join("; ")
}

/// The module's instructions without the final `LoadConst None; ReturnValue`.
fn module_ops(source: &str) -> String {
    let listing = ops(&compiled(source));
    listing
        .strip_suffix("; LoadConst None; ReturnValue")
        .unwrap_or(&listing)
        .to_owned()
}

fn error(source: &str) -> (String, u32) {
    match compile(source) {
        Ok(_) => panic!("{source:?} compiled"),
        Err(error) => (error.msg, error.line),
    }
}

fn strings(names: &[&str]) -> Vec<Rc<str>> {
    names.iter().map(|name| Rc::from(*name)).collect()
}

// ---- scopes -------------------------------------------------------------------------------

#[test]
fn module_names_are_globals() {
    assert_eq!(
        module_ops("x = 1\ny = x\ndel y"),
        "LoadConst 1; StoreGlobal x; LoadGlobal x; StoreGlobal y; DeleteGlobal y"
    );
    let module = compiled("x = 1");
    assert_eq!(&*module.name, "<module>");
    assert_eq!(module.flags, crate::bytecode::code::flags::MODULE);
    assert_eq!(module.first_line, 1);
}

#[test]
fn parameters_come_first_in_varnames() {
    let module =
        compiled("def f(a, /, b, c=1, *args, d, e=2, **kw):\n    z = 1\n    y = 2\n    return a\n");
    let f = nested(&module, "f");
    assert_eq!(
        f.varnames,
        strings(&["a", "b", "c", "d", "e", "args", "kw", "z", "y"])
    );
    assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (3, 1, 2));
    assert_eq!(f.flags, 3);
    assert_eq!(f.first_line, 1);
    assert_eq!(&*f.qualname, "f");
    assert_eq!(
        module_ops("def f(a, /, b, c=1, *args, d, e=2, **kw):\n    return a\n"),
        "LoadConst (1,); LoadConst 'e'; LoadConst 2; BuildMap 1; \
         LoadConst <code object f, file \"<test>\", line 1>; MakeFunction 3; StoreGlobal f"
    );
    // Defaults that are not all constants are evaluated at the `def`.
    assert_eq!(
        module_ops("def f(a=1, b=g()):\n    return a\n"),
        "LoadConst 1; LoadGlobal g; Call 0; BuildTuple 2; \
         LoadConst <code object f, file \"<test>\", line 1>; MakeFunction 1; StoreGlobal f"
    );
}

#[test]
fn closures_pass_free_names_through_intermediate_functions() {
    let source = "\
def f(a):
    def g():
        def h():
            return a + q
        return h
    q = 1
    return g
";
    let module = compiled(source);
    let f = nested(&module, "f");
    let g = nested(&f, "g");
    let h = nested(&g, "h");
    assert_eq!(f.cellvars, strings(&["a", "q"]));
    assert_eq!(f.varnames, strings(&["a", "g"]));
    assert!(f.freevars.is_empty());
    assert_eq!(g.freevars, strings(&["a", "q"]));
    assert_eq!(g.varnames, strings(&["h"]));
    assert_eq!(h.freevars, strings(&["a", "q"]));
    assert_eq!(&*h.qualname, "f.<locals>.g.<locals>.h");
    assert_eq!(
        ops(&f),
        "MakeCell a; LoadFast a; StoreDeref a; MakeCell q; LoadClosure a; LoadClosure q; BuildTuple 2; \
         LoadConst <code object g, file \"<test>\", line 2>; MakeFunction 8; StoreFast g; \
         LoadConst 1; StoreDeref q; LoadFast g; ReturnValue"
    );
    assert_eq!(
        ops(&g),
        "LoadClosure a; LoadClosure q; BuildTuple 2; LoadConst <code object h, file \"<test>\", line 3>; \
         MakeFunction 8; StoreFast h; LoadFast h; ReturnValue"
    );
    assert_eq!(ops(&h), "LoadDeref a; LoadDeref q; BinaryAdd; ReturnValue");
}

#[test]
fn nonlocal_and_global_declarations() {
    let source = "\
def outer():
    n = 0
    def inc():
        nonlocal n
        global total
        n += 1
        total = n
    return inc
";
    let module = compiled(source);
    let outer = nested(&module, "outer");
    let inc = nested(&outer, "inc");
    assert_eq!(outer.cellvars, strings(&["n"]));
    assert_eq!(inc.freevars, strings(&["n"]));
    assert!(inc.varnames.is_empty());
    assert_eq!(
        ops(&inc),
        "LoadDeref n; LoadConst 1; InplaceAdd; StoreDeref n; LoadDeref n; StoreGlobal total; \
         LoadConst None; ReturnValue"
    );
}

#[test]
fn unbound_names_in_functions_are_global_and_deletion_binds() {
    let f = nested(&compiled("def f():\n    print(x)\n    del y\n"), "f");
    assert_eq!(f.varnames, strings(&["y"]));
    assert_eq!(
        ops(&f),
        "LoadGlobal print; LoadGlobal x; Call 1; Pop; DeleteFast y; LoadConst None; ReturnValue"
    );
}

#[test]
fn comprehension_targets_are_local_to_the_comprehension() {
    let source = "def f(xs, k):\n    return [x * k for x in xs if x]\n";
    let f = nested(&compiled(source), "f");
    let comp = nested(&f, "<listcomp>");
    assert_eq!(f.varnames, strings(&["xs", "k"]));
    assert_eq!(f.cellvars, strings(&["k"]));
    assert_eq!(comp.varnames, strings(&[".0", "x"]));
    assert_eq!(comp.freevars, strings(&["k"]));
    assert_eq!(comp.argcount, 1);
    assert_eq!(&*comp.qualname, "f.<locals>.<listcomp>");
    assert_eq!(
        ops(&f),
        "MakeCell k; LoadFast k; StoreDeref k; LoadClosure k; BuildTuple 1; \
         LoadConst <code object <listcomp>, file \"<test>\", line 2>; MakeFunction 8; \
         LoadFast xs; GetIter; Call 1; ReturnValue"
    );
    assert_eq!(
        ops(&comp),
        "BuildList 0; LoadFast .0; ForIter 11; StoreFast x; LoadFast x; PopJumpIfFalse 2; \
         LoadFast x; LoadDeref k; BinaryMultiply; ListAppend 2; Jump 2; ReturnValue"
    );
}

#[test]
fn walrus_in_comprehension_binds_in_the_enclosing_scope() {
    let module = compiled("def f(xs):\n    ys = [last := x for x in xs]\n    return last\n");
    let f = nested(&module, "f");
    let comp = nested(&f, "<listcomp>");
    assert_eq!(f.cellvars, strings(&["last"]));
    assert_eq!(comp.freevars, strings(&["last"]));
    let at_module = compiled("[last := x for x in xs]");
    let comp = nested(&at_module, "<listcomp>");
    assert!(ops(&comp).contains("Copy 1; StoreGlobal last"));
}

#[test]
fn comprehension_variables_captured_by_lambdas_live_in_cells() {
    let comp = nested(
        &compiled("fs = [lambda: x for x in range(3)]"),
        "<listcomp>",
    );
    assert_eq!(comp.cellvars, strings(&["x"]));
    assert_eq!(comp.varnames, strings(&[".0"]));
    assert_eq!(
        ops(&comp),
        "MakeCell x; BuildList 0; LoadFast .0; ForIter 11; StoreDeref x; LoadClosure x; BuildTuple 1; \
         LoadConst <code object <lambda>, file \"<test>\", line 1>; MakeFunction 8; ListAppend 2; Jump 3; \
         ReturnValue"
    );
}

#[test]
fn nested_comprehension_loops_and_dict_comprehensions() {
    let comp = nested(&compiled("[x + y for x in a for y in b]"), "<listcomp>");
    assert_eq!(
        ops(&comp),
        "BuildList 0; LoadFast .0; ForIter 14; StoreFast x; LoadGlobal b; GetIter; ForIter 2; \
         StoreFast y; LoadFast x; LoadFast y; BinaryAdd; ListAppend 3; Jump 6; Jump 2; ReturnValue"
    );
    let comp = nested(&compiled("{k: v for k, v in items}"), "<dictcomp>");
    assert_eq!(
        ops(&comp),
        "BuildMap 0; LoadFast .0; ForIter 10; UnpackSequence 2; StoreFast k; StoreFast v; \
         LoadFast k; LoadFast v; MapAdd 2; Jump 2; ReturnValue"
    );
    let comp = nested(&compiled("{x for x in s}"), "<setcomp>");
    assert!(ops(&comp).contains("SetAdd 2"));
}

// ---- functions ----------------------------------------------------------------------------

/// A decorated function's first line is its first decorator's, as CPython's `co_firstlineno`.
#[test]
fn decorators_apply_innermost_first() {
    assert_eq!(
        module_ops("@a\n@b.c\ndef f():\n    pass\n"),
        "LoadGlobal a; LoadGlobal b; LoadAttr c; LoadConst <code object f, file \"<test>\", line 1>; \
         MakeFunction 0; Call 1; Call 1; StoreGlobal f"
    );
}

#[test]
fn functions_end_with_an_implicit_return_only_when_needed() {
    let f = nested(&compiled("def f(x):\n    if x:\n        return 1\n"), "f");
    assert_eq!(
        ops(&f),
        "LoadFast x; PopJumpIfFalse 4; LoadConst 1; ReturnValue; LoadConst None; ReturnValue"
    );
    let g = nested(&compiled("def g():\n    return 2\n"), "g");
    assert_eq!(ops(&g), "LoadConst 2; ReturnValue");
}

#[test]
fn qualnames_name_the_enclosing_functions() {
    let module = compiled(
        "def f():\n    def g():\n        pass\n    global h\n    def h():\n        pass\n",
    );
    let f = nested(&module, "f");
    assert_eq!(&*nested(&f, "g").qualname, "f.<locals>.g");
    assert_eq!(&*nested(&f, "h").qualname, "h");
    assert!(ops(&f).contains("StoreGlobal h"));
}

#[test]
fn lambdas_return_their_body() {
    let module = compiled("f = lambda x, y=1: x + y\ndef g():\n    return lambda: 0\n");
    let lambda = nested(&module, "<lambda>");
    assert_eq!(
        ops(&lambda),
        "LoadFast x; LoadFast y; BinaryAdd; ReturnValue"
    );
    assert_eq!(&*lambda.qualname, "<lambda>");
    let inner = nested(&nested(&module, "g"), "<lambda>");
    assert_eq!(&*inner.qualname, "g.<locals>.<lambda>");
}

// ---- calls --------------------------------------------------------------------------------

#[test]
fn call_shapes() {
    assert_eq!(
        module_ops("f(a, 1)"),
        "LoadGlobal f; LoadGlobal a; LoadConst 1; Call 2; Pop"
    );
    assert_eq!(
        module_ops("o.m(1)"),
        "LoadGlobal o; LoadMethod m; LoadConst 1; CallMethod 1; Pop"
    );
    assert_eq!(
        module_ops("o.m(1, k=2)"),
        "LoadGlobal o; LoadAttr m; LoadConst 1; LoadConst 2; LoadConst ('k',); CallKw 2; Pop"
    );
    assert_eq!(
        module_ops("f(1, *a)"),
        "LoadGlobal f; LoadConst 1; BuildList 1; LoadGlobal a; ListExtend 1; ListToTuple; CallEx 0; Pop"
    );
    assert_eq!(
        module_ops("f(1, k=2, **m)"),
        "LoadGlobal f; LoadConst 1; BuildTuple 1; BuildMap 0; LoadConst 'k'; LoadConst 2; BuildMap 1; \
         DictMerge 1; LoadGlobal m; DictMerge 1; CallEx 1; Pop"
    );
}

// ---- control flow -------------------------------------------------------------------------

#[test]
fn for_loop_with_break_continue_and_else() {
    assert_eq!(
        module_ops("for x in y:\n    if x:\n        break\n    continue\nelse:\n    z = 1\n"),
        "LoadGlobal y; GetIter; ForIter 10; StoreGlobal x; LoadGlobal x; PopJumpIfFalse 2; Pop; Jump 12; \
         Jump 2; Jump 2; LoadConst 1; StoreGlobal z"
    );
}

#[test]
fn while_loop_and_constant_conditions() {
    assert_eq!(
        module_ops("while x < 3:\n    x += 1\n"),
        "LoadGlobal x; LoadConst 3; CompareLess; PopJumpIfFalse 12; LoadGlobal x; LoadConst 1; InplaceAdd; \
         StoreGlobal x; LoadGlobal x; LoadConst 3; CompareLess; PopJumpIfTrue 4"
    );
    assert_eq!(module_ops("while True:\n    break\n"), "Jump 2; Jump 2");
}

#[test]
fn conditions_compile_to_jumps() {
    assert_eq!(
        module_ops("if a and not b or c:\n    x = 1\n"),
        "LoadGlobal a; PopJumpIfFalse 4; LoadGlobal b; PopJumpIfFalse 6; LoadGlobal c; PopJumpIfFalse 8; \
         LoadConst 1; StoreGlobal x"
    );
    assert_eq!(
        module_ops("if 1 < x < 3:\n    y = 1\n"),
        "LoadConst 1; LoadGlobal x; Swap 2; Copy 2; CompareLess; PopJumpIfFalse 10; LoadConst 3; \
         CompareLess; PopJumpIfFalse 14; Jump 12; Pop; Jump 14; LoadConst 1; StoreGlobal y"
    );
}

#[test]
fn boolean_values_and_comparison_chains() {
    assert_eq!(
        module_ops("x = a and b or c"),
        "LoadGlobal a; JumpIfFalseOrPop 3; LoadGlobal b; JumpIfTrueOrPop 5; LoadGlobal c; StoreGlobal x"
    );
    assert_eq!(
        module_ops("x = a < b <= c"),
        "LoadGlobal a; LoadGlobal b; Swap 2; Copy 2; CompareLess; JumpIfFalseOrPop 9; LoadGlobal c; \
         CompareLessEqual; Jump 11; Swap 2; Pop; StoreGlobal x"
    );
    assert_eq!(
        module_ops("x = a is not b; y = a not in b"),
        "LoadGlobal a; LoadGlobal b; IsOp 1; StoreGlobal x; LoadGlobal a; LoadGlobal b; ContainsOp 1; StoreGlobal y"
    );
    let module = compiled("x = a < b <= c");
    assert_eq!(module.stacksize, 3);
}

#[test]
fn assert_and_conditional_expression() {
    assert_eq!(
        module_ops("assert x, 'm'"),
        "LoadGlobal x; PopJumpIfTrue 4; LoadConst 'm'; RaiseAssertion 1"
    );
    assert_eq!(
        module_ops("assert x"),
        "LoadGlobal x; PopJumpIfTrue 3; RaiseAssertion 0"
    );
    assert_eq!(
        module_ops("y = a if t else b"),
        "LoadGlobal t; PopJumpIfFalse 4; LoadGlobal a; Jump 5; LoadGlobal b; StoreGlobal y"
    );
}

// ---- assignment ---------------------------------------------------------------------------

#[test]
fn assignment_targets() {
    assert_eq!(
        module_ops("a = b = v"),
        "LoadGlobal v; Copy 1; StoreGlobal a; StoreGlobal b"
    );
    assert_eq!(
        module_ops("a, (b, c) = t"),
        "LoadGlobal t; UnpackSequence 2; StoreGlobal a; UnpackSequence 2; StoreGlobal b; StoreGlobal c"
    );
    assert_eq!(
        module_ops("a, *b, c, d = t"),
        "LoadGlobal t; UnpackEx 513; StoreGlobal a; StoreGlobal b; StoreGlobal c; StoreGlobal d"
    );
    assert_eq!(
        module_ops("x[i] = v; o.a = v"),
        "LoadGlobal v; LoadGlobal x; LoadGlobal i; StoreSubscr; LoadGlobal v; LoadGlobal o; StoreAttr a"
    );
    assert_eq!(
        module_ops("y = (x := 5)"),
        "LoadConst 5; Copy 1; StoreGlobal x; StoreGlobal y"
    );
}

#[test]
fn augmented_assignment() {
    assert_eq!(
        module_ops("x[i] -= v"),
        "LoadGlobal x; LoadGlobal i; Copy 2; Copy 2; BinarySubscr; LoadGlobal v; InplaceOp 1; Swap 3; \
         Swap 2; StoreSubscr"
    );
    assert_eq!(
        module_ops("o.a += v"),
        "LoadGlobal o; Copy 1; LoadAttr a; LoadGlobal v; InplaceAdd; Swap 2; StoreAttr a"
    );
    assert_eq!(
        module_ops("x **= 2; x &= 1"),
        "LoadGlobal x; LoadConst 2; InplaceOp 7; StoreGlobal x; LoadGlobal x; LoadConst 1; InplaceOp 12; StoreGlobal x"
    );
}

// ---- literals -----------------------------------------------------------------------------

#[test]
fn displays() {
    assert_eq!(
        module_ops("x = [a, *b, c]"),
        "LoadGlobal a; BuildList 1; LoadGlobal b; ListExtend 1; LoadGlobal c; ListAppend 1; StoreGlobal x"
    );
    assert_eq!(
        module_ops("x = (a, *b)"),
        "LoadGlobal a; BuildList 1; LoadGlobal b; ListExtend 1; ListToTuple; StoreGlobal x"
    );
    assert_eq!(
        module_ops("x = {a, *b}"),
        "LoadGlobal a; BuildSet 1; LoadGlobal b; SetUpdate 1; StoreGlobal x"
    );
    assert_eq!(
        module_ops("x = {a: 1, **m}"),
        "LoadGlobal a; LoadConst 1; BuildMap 1; LoadGlobal m; DictUpdate 1; StoreGlobal x"
    );
    assert_eq!(module_ops("x = {}"), "BuildMap 0; StoreGlobal x");
    assert_eq!(
        module_ops("x = s[1:]; y = s[::2]"),
        "LoadGlobal s; LoadConst 1; LoadConst None; BuildSlice 2; BinarySubscr; StoreGlobal x; \
         LoadGlobal s; LoadConst None; LoadConst None; LoadConst 2; BuildSlice 3; BinarySubscr; StoreGlobal y"
    );
}

#[test]
fn f_strings() {
    assert_eq!(
        module_ops("x = f'a{b!r}c{d:>{w}}'"),
        "LoadConst 'a'; LoadGlobal b; FormatValue 2; LoadConst 'c'; LoadGlobal d; LoadConst '>'; \
         LoadGlobal w; FormatValue 0; BuildString 2; FormatValue 4; BuildString 4; StoreGlobal x"
    );
    assert_eq!(
        module_ops("x = f'{y}'"),
        "LoadGlobal y; FormatValue 0; StoreGlobal x"
    );
}

#[test]
fn imports() {
    assert_eq!(module_ops("import a.b"), "ImportName a.b; StoreGlobal a");
    assert_eq!(
        module_ops("import a.b.c as d"),
        "ImportModule a.b.c; StoreGlobal d"
    );
    assert_eq!(
        module_ops("from m import x, y as z"),
        "ImportModule m; ImportFrom x; StoreGlobal x; ImportFrom y; StoreGlobal z; Pop"
    );
    assert_eq!(module_ops("from m import *"), "ImportModule m; ImportStar");
    let f = nested(&compiled("def f():\n    import os\n    return os\n"), "f");
    assert_eq!(
        ops(&f),
        "ImportName os; StoreFast os; LoadFast os; ReturnValue"
    );
}

// ---- constants ----------------------------------------------------------------------------

fn folded(expression: &str) -> Constant {
    let module = compiled(&format!("x = {expression}"));
    assert_eq!(
        module.instructions.len(),
        4,
        "{expression} was not folded: {}",
        ops(&module)
    );
    module.constants[0].clone()
}

#[test]
fn constant_folding() {
    assert_eq!(folded("2 ** 10"), Constant::Int(1024));
    assert_eq!(folded("-9223372036854775808"), Constant::Int(i64::MIN));
    assert_eq!(
        folded("2 ** 64"),
        Constant::BigInt("18446744073709551616".to_owned())
    );
    assert_eq!(
        folded("-(2 ** 64)"),
        Constant::BigInt("-18446744073709551616".to_owned())
    );
    assert_eq!(folded("-7 // 2"), Constant::Int(-4));
    assert_eq!(folded("-7 % 2"), Constant::Int(1));
    assert_eq!(folded("7 % -2"), Constant::Int(-1));
    assert_eq!(folded("~5"), Constant::Int(-6));
    assert_eq!(folded("-5 >> 1"), Constant::Int(-3));
    assert_eq!(folded("1 / 4"), Constant::Float(0.25));
    assert_eq!(folded("1.5 * 2"), Constant::Float(3.0));
    assert_eq!(folded("-0.0"), Constant::Float(-0.0));
    assert_eq!(
        folded("(1, ('a', None), -2.5)"),
        Constant::Tuple(vec![
            Constant::Int(1),
            Constant::Tuple(vec![Constant::Str("a".to_owned()), Constant::None]),
            Constant::Float(-2.5),
        ])
    );
    assert_eq!(folded("()"), Constant::Tuple(Vec::new()));
}

#[test]
fn unsafe_or_huge_results_are_not_folded() {
    assert_eq!(
        module_ops("x = 1 / 0"),
        "LoadConst 1; LoadConst 0; BinaryTrueDivide; StoreGlobal x"
    );
    assert_eq!(
        module_ops("x = 1 % 0"),
        "LoadConst 1; LoadConst 0; BinaryModulo; StoreGlobal x"
    );
    assert_eq!(
        module_ops("x = 2 ** 200"),
        "LoadConst 2; LoadConst 200; BinaryPower; StoreGlobal x"
    );
    assert_eq!(
        module_ops("x = 1 << -1"),
        "LoadConst 1; LoadConst -1; BinaryLShift; StoreGlobal x"
    );
    assert_eq!(
        module_ops("x = 'a' * 3"),
        "LoadConst 'a'; LoadConst 3; BinaryMultiply; StoreGlobal x"
    );
    assert_eq!(
        module_ops("x = not 1"),
        "LoadConst 1; UnaryNot; StoreGlobal x"
    );
}

#[test]
fn constants_are_deduplicated_by_type_and_bits() {
    let module = compiled("a = 1\nb = 1.0\nc = True\nd = 0.0\ne = -0.0\nf = 1\ng = 'x'\nh = 'x'\n");
    assert_eq!(
        module.constants,
        vec![
            Constant::Int(1),
            Constant::Float(1.0),
            Constant::Bool(true),
            Constant::Float(0.0),
            Constant::Float(-0.0),
            Constant::Str("x".to_owned()),
            Constant::None,
        ]
    );
}

// ---- lines and stack depth ----------------------------------------------------------------

#[test]
fn lines_follow_the_innermost_node() {
    let module = compiled("x = f(\n    a,\n    g(b),\n)\ny = 1\n");
    assert_eq!(
        ops(&module),
        "LoadGlobal f; LoadGlobal a; LoadGlobal g; LoadGlobal b; Call 1; Call 2; \
         StoreGlobal x; LoadConst 1; StoreGlobal y; LoadConst None; ReturnValue"
    );
    assert_eq!(module.lines, vec![1, 2, 3, 3, 3, 1, 1, 5, 5, 5, 5]);
    assert_eq!(module.lines.len(), module.instructions.len());
}

#[test]
fn stack_depth_follows_both_branches() {
    assert_eq!(compiled("x = (a, b, c)").stacksize, 3);
    assert_eq!(compiled("for x in y:\n    f(x, x)\n").stacksize, 4);
    assert_eq!(compiled("x = [a + b * c for a in d]").stacksize, 2);
    let comp = nested(&compiled("x = [a + b * c for a in d]"), "<listcomp>");
    assert_eq!(comp.stacksize, 5);
}

// ---- errors -------------------------------------------------------------------------------

#[test]
fn scope_errors() {
    let cases: [(&str, &str, u32); 9] = [
        (
            "def f(x):\n    global x\n",
            "name 'x' is parameter and global",
            2,
        ),
        (
            "def f(x):\n    nonlocal x\n",
            "name 'x' is parameter and nonlocal",
            2,
        ),
        (
            "def f():\n    print(x)\n    global x\n",
            "name 'x' is used prior to global declaration",
            3,
        ),
        (
            "def f():\n    x = 1\n    global x\n",
            "name 'x' is assigned to before global declaration",
            3,
        ),
        (
            "def g():\n    x = 1\n    def f():\n        x = 1\n        nonlocal x\n",
            "name 'x' is assigned to before nonlocal declaration",
            5,
        ),
        (
            "\nnonlocal x\n",
            "nonlocal declaration not allowed at module level",
            2,
        ),
        (
            "def f():\n    nonlocal x\n",
            "no binding for nonlocal 'x' found",
            2,
        ),
        (
            "x = 1\ndef f():\n    nonlocal x\n",
            "no binding for nonlocal 'x' found",
            3,
        ),
        (
            "def f(a, b, a):\n    pass\n",
            "duplicate argument 'a' in function definition",
            1,
        ),
    ];
    for (source, message, line) in cases {
        assert_eq!(error(source), (message.to_owned(), line), "{source:?}");
    }
}

#[test]
fn compile_errors() {
    let cases: [(&str, &str, u32); 10] = [
        ("x = 1\nreturn x\n", "'return' outside function", 2),
        ("\nbreak\n", "'break' outside loop", 2),
        (
            "if x:\n    continue\n",
            "'continue' not properly in loop",
            2,
        ),
        (
            "for x in y:\n    def f():\n        break\n",
            "'break' outside loop",
            3,
        ),
        ("f(a=1,\n  a=2)\n", "keyword argument repeated: a", 2),
        (
            "a, *b, *c = d\n",
            "multiple starred expressions in assignment",
            1,
        ),
        (
            "def f():\n    from m import *\n",
            "import * only allowed at module level",
            2,
        ),
        (
            "from . import x\n",
            "'relative import' is not supported by pvm yet",
            1,
        ),
        (
            "x = 1\nprint(a for a in b)\n",
            "'generator expression' is not supported by pvm yet",
            2,
        ),
        (
            "x = [\n  1j]\n",
            "'complex literal' is not supported by pvm yet",
            2,
        ),
    ];
    for (source, message, line) in cases {
        assert_eq!(error(source), (message.to_owned(), line), "{source:?}");
    }
}

#[test]
fn unsupported_constructs() {
    let cases = [
        ("class A:\n    pass\n", "class"),
        ("try:\n    pass\nfinally:\n    pass\n", "try"),
        ("with a:\n    pass\n", "with"),
        ("raise E\n", "raise"),
        ("def f():\n    yield 1\n", "yield"),
        ("def f():\n    yield from g\n", "yield from"),
        ("async def f():\n    pass\n", "async"),
        ("x = b'a'\n", "bytes literal"),
        ("x = a @ b\n", "@ operator"),
        ("x @= b\n", "@ operator"),
        ("x = (a for a in b)\n", "generator expression"),
    ];
    for (source, construct) in cases {
        let message = format!("'{construct}' is not supported by pvm yet");
        assert_eq!(error(source).0, message, "{source:?}");
    }
}

#[test]
fn the_first_unsupported_construct_in_source_order_is_reported() {
    assert_eq!(
        error("def f():\n    return 1j\nclass A: pass\n"),
        (
            "'complex literal' is not supported by pvm yet".to_owned(),
            2
        )
    );
}

// ---- whole programs -----------------------------------------------------------------------

/// Every `.py` file under the project's `tests/py` and `workloads` folders compiles or fails
/// with a `SyntaxError`, and never panics; compiled ones have consistent line tables.
#[test]
fn compiles_every_python_file_in_the_project() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in ["tests/py", "workloads"] {
        collect_python_files(&root.join(folder), &mut files);
    }
    for file in files {
        let Ok(source) = std::fs::read_to_string(&file) else {
            continue;
        };
        if let Ok(code) = compile(&source) {
            check_code(&code);
        }
    }
}

fn collect_python_files(folder: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_python_files(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "py") {
            files.push(path);
        }
    }
}

fn check_code(code: &CodeObject) {
    assert_eq!(code.lines.len(), code.instructions.len());
    for instr in &code.instructions {
        if instr.opcode().arg_kind() == ArgKind::Jump {
            assert!((instr.arg() as usize) < code.instructions.len());
        }
    }
    for constant in &code.constants {
        if let Constant::Code(inner) = constant {
            check_code(inner);
        }
    }
}

/// `a, b = b, a` swaps without building a tuple; starred or unequal sides still unpack.
#[test]
fn parallel_assignment_swaps() {
    assert_eq!(
        module_ops("a, b = b, a"),
        "LoadGlobal b; LoadGlobal a; Swap 2; StoreGlobal a; StoreGlobal b"
    );
    assert_eq!(
        module_ops("[a, b, c] = x, y, z"),
        "LoadGlobal x; LoadGlobal y; LoadGlobal z; Swap 3; StoreGlobal a; StoreGlobal b; StoreGlobal c"
    );
    assert!(module_ops("a, b = c, d, e").contains("BuildTuple 3; UnpackSequence 2"));
    assert!(module_ops("a, *b = c, d").contains("UnpackEx"));
}
