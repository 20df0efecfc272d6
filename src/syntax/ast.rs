//! The abstract syntax tree. Nodes live in a bumpalo arena owned by the caller of the parser,
//! so building the tree is a pointer bump per node and dropping it is one free; the compiler
//! reads the tree once and the arena goes away with it.

/// A source position: 1-based line, 0-based column (in characters), as CPython reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

pub type Body<'a> = &'a [Stmt<'a>];

#[derive(Debug)]
pub struct Module<'a> {
    pub body: Body<'a>,
}

#[derive(Debug)]
pub struct Stmt<'a> {
    pub pos: Pos,
    pub kind: StmtKind<'a>,
}

#[derive(Debug)]
pub enum StmtKind<'a> {
    Expr(&'a Expr<'a>),
    /// `a = b = value`: every target receives the same value, left to right.
    Assign {
        targets: &'a [Expr<'a>],
        value: &'a Expr<'a>,
    },
    AugAssign {
        target: &'a Expr<'a>,
        op: BinOp,
        value: &'a Expr<'a>,
    },
    /// `x: int = 1` (the annotation is evaluated only at module level in CPython; pvm ignores it).
    AnnAssign {
        target: &'a Expr<'a>,
        annotation: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
    },
    Pass,
    Break,
    Continue,
    Return(Option<&'a Expr<'a>>),
    Delete(&'a [Expr<'a>]),
    Global(&'a [&'a str]),
    Nonlocal(&'a [&'a str]),
    Assert {
        test: &'a Expr<'a>,
        msg: Option<&'a Expr<'a>>,
    },
    If {
        test: &'a Expr<'a>,
        body: Body<'a>,
        orelse: Body<'a>,
    },
    While {
        test: &'a Expr<'a>,
        body: Body<'a>,
        orelse: Body<'a>,
    },
    For {
        target: &'a Expr<'a>,
        iter: &'a Expr<'a>,
        body: Body<'a>,
        orelse: Body<'a>,
    },
    FunctionDef(&'a FunctionDef<'a>),
    ClassDef(&'a ClassDef<'a>),
    Try(&'a Try<'a>),
    With {
        items: &'a [WithItem<'a>],
        body: Body<'a>,
    },
    Raise {
        exc: Option<&'a Expr<'a>>,
        cause: Option<&'a Expr<'a>>,
    },
    /// `import a.b as c, d`
    Import(&'a [Alias<'a>]),
    /// `from .mod import a as b` / `from mod import *` (names is `[*]`, with name "*").
    ImportFrom {
        module: Option<&'a str>,
        names: &'a [Alias<'a>],
        level: u32,
    },
}

#[derive(Debug)]
pub struct Alias<'a> {
    pub name: &'a str,
    pub asname: Option<&'a str>,
    pub pos: Pos,
}

#[derive(Debug)]
pub struct WithItem<'a> {
    pub context: &'a Expr<'a>,
    pub target: Option<&'a Expr<'a>>,
}

#[derive(Debug)]
pub struct FunctionDef<'a> {
    pub name: &'a str,
    pub params: &'a Parameters<'a>,
    pub body: Body<'a>,
    pub decorators: &'a [Expr<'a>],
    pub returns: Option<&'a Expr<'a>>,
    /// True for `async def`; the compiler rejects it.
    pub is_async: bool,
}

#[derive(Debug)]
pub struct ClassDef<'a> {
    pub name: &'a str,
    pub bases: &'a [Expr<'a>],
    pub keywords: &'a [Keyword<'a>],
    pub body: Body<'a>,
    pub decorators: &'a [Expr<'a>],
}

#[derive(Debug)]
pub struct Try<'a> {
    pub body: Body<'a>,
    pub handlers: &'a [ExceptHandler<'a>],
    pub orelse: Body<'a>,
    pub finalbody: Body<'a>,
}

#[derive(Debug)]
pub struct ExceptHandler<'a> {
    pub pos: Pos,
    pub kind: Option<&'a Expr<'a>>,
    pub name: Option<&'a str>,
    pub body: Body<'a>,
}

/// A parameter list: `def f(a, b=1, /, c=2, *args, d, e=3, **kw)`.
#[derive(Debug, Default)]
pub struct Parameters<'a> {
    /// Parameters before `/`.
    pub posonly: &'a [Param<'a>],
    /// Ordinary positional-or-keyword parameters.
    pub args: &'a [Param<'a>],
    /// Defaults for the last `defaults.len()` of `posonly ++ args`.
    pub defaults: &'a [Expr<'a>],
    pub vararg: Option<Param<'a>>,
    /// Keyword-only parameters, each with an optional default.
    pub kwonly: &'a [(Param<'a>, Option<&'a Expr<'a>>)],
    pub kwarg: Option<Param<'a>>,
}

#[derive(Debug, Clone, Copy)]
pub struct Param<'a> {
    pub name: &'a str,
    pub annotation: Option<&'a Expr<'a>>,
    pub pos: Pos,
}

#[derive(Debug)]
pub struct Expr<'a> {
    pub pos: Pos,
    pub kind: ExprKind<'a>,
}

#[derive(Debug)]
pub enum ExprKind<'a> {
    Name(&'a str),
    Constant(Constant<'a>),
    /// `a and b and c` / `a or b or c`
    BoolOp {
        op: BoolOp,
        values: &'a [Expr<'a>],
    },
    BinOp {
        left: &'a Expr<'a>,
        op: BinOp,
        right: &'a Expr<'a>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: &'a Expr<'a>,
    },
    /// `a < b <= c`: `ops.len() == comparators.len()`.
    Compare {
        left: &'a Expr<'a>,
        ops: &'a [CmpOp],
        comparators: &'a [Expr<'a>],
    },
    IfExp {
        test: &'a Expr<'a>,
        body: &'a Expr<'a>,
        orelse: &'a Expr<'a>,
    },
    Lambda {
        params: &'a Parameters<'a>,
        body: &'a Expr<'a>,
    },
    /// `x := value`
    NamedExpr {
        target: &'a Expr<'a>,
        value: &'a Expr<'a>,
    },
    Call {
        func: &'a Expr<'a>,
        /// Positional arguments; `*xs` appears as `Starred`.
        args: &'a [Expr<'a>],
        /// Keyword arguments; `**kw` has `name == None`.
        keywords: &'a [Keyword<'a>],
    },
    Attribute {
        value: &'a Expr<'a>,
        attr: &'a str,
    },
    Subscript {
        value: &'a Expr<'a>,
        index: &'a Expr<'a>,
    },
    /// `lower:upper:step` inside a subscript.
    Slice {
        lower: Option<&'a Expr<'a>>,
        upper: Option<&'a Expr<'a>>,
        step: Option<&'a Expr<'a>>,
    },
    Starred(&'a Expr<'a>),
    List(&'a [Expr<'a>]),
    Tuple(&'a [Expr<'a>]),
    Set(&'a [Expr<'a>]),
    /// `{k: v, **other}`: a `None` key marks a `**other` entry.
    Dict {
        keys: &'a [Option<Expr<'a>>],
        values: &'a [Expr<'a>],
    },
    ListComp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    SetComp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    DictComp {
        key: &'a Expr<'a>,
        value: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    GeneratorExp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    Yield(Option<&'a Expr<'a>>),
    YieldFrom(&'a Expr<'a>),
    Await(&'a Expr<'a>),
    /// An f-string: literal pieces and formatted values, in order.
    JoinedStr(&'a [Expr<'a>]),
    /// `{value!conversion:format_spec}` inside an f-string. `conversion` is `None`, `'r'`, `'s'`
    /// or `'a'`; `format_spec` is itself a `JoinedStr` when present.
    FormattedValue {
        value: &'a Expr<'a>,
        conversion: Option<char>,
        format_spec: Option<&'a Expr<'a>>,
    },
}

#[derive(Debug, Clone, Copy)]
pub enum Constant<'a> {
    None,
    True,
    False,
    Ellipsis,
    /// An integer literal that fits in i64.
    Int(i64),
    /// An integer literal beyond i64, as decimal digits (no sign, no underscores).
    BigInt(&'a str),
    Float(f64),
    /// A complex literal's imaginary part (`3j`); the compiler rejects it.
    Imaginary(f64),
    Str(&'a str),
    Bytes(&'a [u8]),
}

#[derive(Debug)]
pub struct Keyword<'a> {
    /// `None` for `**mapping`.
    pub name: Option<&'a str>,
    pub value: Expr<'a>,
    pub pos: Pos,
}

#[derive(Debug)]
pub struct Comprehension<'a> {
    pub target: &'a Expr<'a>,
    pub iter: &'a Expr<'a>,
    pub ifs: &'a [Expr<'a>],
    pub is_async: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

impl BinOp {
    /// The operator as written, for error messages such as "unsupported operand type(s) for +".
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Pos,
    Invert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}
