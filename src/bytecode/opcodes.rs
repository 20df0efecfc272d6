//! The instruction set, declared once. `for_each_op!` hands the whole table to a macro, so the
//! `Opcode` enum, its names and argument kinds here, and each engine's dispatch cases elsewhere
//! are generated from one list and cannot drift apart.
//!
//! An instruction is one 32-bit word: the opcode in the low 8 bits, the argument in the high 24
//! (Lua's layout). Fixed width keeps jump targets plain instruction indices and lets the `fused`
//! engine rewrite sequences in place; 24 bits are enough for every index the compiler emits (it
//! reports an error past that).
//!
//! Stack effects are written `(before -- after)` with the top of the stack on the right.

/// What an instruction's argument means; the disassembler uses it to show the argument's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// The argument is unused (always 0).
    None,
    /// A plain count or flag word.
    Count,
    /// An index into the code object's constants.
    Const,
    /// A local variable slot (index into `varnames`).
    Local,
    /// An index into `cellvars ++ freevars`.
    Cell,
    /// An index into the code object's `names`.
    Name,
    /// An absolute instruction index.
    Jump,
}

/// Calls `$m! { (Name, handler, ArgKind, class, "stack effect and meaning"), ... }` with the
/// whole table. The class is `Hot` or `Cold` (how the `match` loop dispatches the instruction)
/// for instructions the compiler emits, or, for a superinstruction of the `fused` engine, the
/// list of the instructions it stands for with their handlers: `[LoadFast load_fast, ...]`.
/// `handler` names the semantics function in `runtime::ops`; the bytecode layer only carries the
/// identifier, so data still flows one way (bytecode knows nothing of the runtime).
#[macro_export]
macro_rules! for_each_op {
    ($m:ident) => {
        $m! {
            (Nop, nop, None, Cold, "( -- ) does nothing"),
            (Pop, pop, None, Hot, "(x -- )"),
            (Copy, copy, Count, Hot, "(x_n .. x_1 -- x_n .. x_1 x_n) push a copy of the n-th item (1 = top)"),
            (Swap, swap, Count, Hot, "swap the top with the n-th item (2 = the one below the top)"),
            (LoadConst, load_const, Const, Hot, "( -- constant)"),
            (LoadFast, load_fast, Local, Hot, "( -- local) UnboundLocalError if unbound"),
            (StoreFast, store_fast, Local, Hot, "(x -- ) local = x"),
            (DeleteFast, delete_fast, Local, Cold, "( -- ) unbind the local"),
            (LoadDeref, load_deref, Cell, Hot, "( -- cell contents)"),
            (StoreDeref, store_deref, Cell, Hot, "(x -- ) cell contents = x"),
            (DeleteDeref, delete_deref, Cell, Cold, "( -- ) empty the cell"),
            (LoadClosure, load_closure, Cell, Cold, "( -- cell) the cell object itself, for a closure tuple"),
            (MakeCell, make_cell, Cell, Cold, "( -- ) prologue: put a new empty cell in cell slot n (a captured parameter is then stored into it)"),
            (LoadGlobal, load_global, Name, Hot, "( -- global or builtin) NameError if neither"),
            (StoreGlobal, store_global, Name, Cold, "(x -- ) global = x"),
            (DeleteGlobal, delete_global, Name, Cold, "( -- ) delete the global"),
            (LoadAttr, load_attr, Name, Cold, "(obj -- obj.name)"),
            (StoreAttr, store_attr, Name, Cold, "(value obj -- ) obj.name = value"),
            (DeleteAttr, delete_attr, Name, Cold, "(obj -- ) del obj.name"),
            (LoadMethod, load_method, Name, Hot, "(obj -- method obj) for a method, (obj -- NULL attr) otherwise"),
            (CallMethod, call_method, Count, Hot, "(method obj args*n -- result) or (NULL f args*n -- result)"),
            (Call, call, Count, Hot, "(f args*n -- result)"),
            (CallKw, call_kw, Count, Cold, "(f args*n kwnames -- result) n counts positional and keyword values; kwnames is a tuple of str naming the last len(kwnames) values"),
            (CallEx, call_ex, Count, Cold, "(f args -- result) or, with arg 1, (f args kwargs_dict -- result); args is a tuple, or any iterable for a lone *xs"),
            (MakeFunction, make_function, Count, Cold, "([defaults] [kwdefaults] [closure] code -- function) flags: 1 defaults tuple, 2 kwdefaults dict, 8 closure tuple"),
            (ReturnValue, return_value, None, Hot, "(x -- ) return x to the caller"),
            (BinaryAdd, binary_add, None, Hot, "(a b -- a + b)"),
            (BinarySubtract, binary_subtract, None, Hot, "(a b -- a - b)"),
            (BinaryMultiply, binary_multiply, None, Hot, "(a b -- a * b)"),
            (BinaryTrueDivide, binary_true_divide, None, Hot, "(a b -- a / b)"),
            (BinaryFloorDivide, binary_floor_divide, None, Hot, "(a b -- a // b)"),
            (BinaryModulo, binary_modulo, None, Hot, "(a b -- a % b)"),
            (BinaryPower, binary_power, None, Cold, "(a b -- a ** b)"),
            (BinaryMatMul, binary_mat_mul, None, Cold, "(a b -- a @ b)"),
            (BinaryLShift, binary_lshift, None, Cold, "(a b -- a << b)"),
            (BinaryRShift, binary_rshift, None, Cold, "(a b -- a >> b)"),
            (BinaryAnd, binary_and, None, Cold, "(a b -- a & b)"),
            (BinaryOr, binary_or, None, Cold, "(a b -- a | b)"),
            (BinaryXor, binary_xor, None, Cold, "(a b -- a ^ b)"),
            (InplaceAdd, inplace_add, None, Hot, "(a b -- a += b) mutates lists in place"),
            (InplaceOp, inplace_op, Count, Hot, "(a b -- a op= b) arg is the operator's index in BinaryOp::ALL"),
            (CompareLess, compare_less, None, Hot, "(a b -- a < b)"),
            (CompareLessEqual, compare_less_equal, None, Hot, "(a b -- a <= b)"),
            (CompareEqual, compare_equal, None, Hot, "(a b -- a == b)"),
            (CompareNotEqual, compare_not_equal, None, Hot, "(a b -- a != b)"),
            (CompareGreater, compare_greater, None, Hot, "(a b -- a > b)"),
            (CompareGreaterEqual, compare_greater_equal, None, Hot, "(a b -- a >= b)"),
            (IsOp, is_op, Count, Hot, "(a b -- a is b) arg 1 inverts: is not"),
            (ContainsOp, contains_op, Count, Cold, "(a b -- a in b) arg 1 inverts: not in"),
            (UnaryNegative, unary_negative, None, Cold, "(x -- -x)"),
            (UnaryPositive, unary_positive, None, Cold, "(x -- +x)"),
            (UnaryNot, unary_not, None, Hot, "(x -- not x)"),
            (UnaryInvert, unary_invert, None, Cold, "(x -- ~x)"),
            (Jump, jump, Jump, Hot, "( -- ) continue at the target"),
            (PopJumpIfFalse, pop_jump_if_false, Jump, Hot, "(x -- ) jump if x is false"),
            (PopJumpIfTrue, pop_jump_if_true, Jump, Hot, "(x -- ) jump if x is true"),
            (JumpIfFalseOrPop, jump_if_false_or_pop, Jump, Hot, "(x -- x) and jump if x is false, else (x -- )"),
            (JumpIfTrueOrPop, jump_if_true_or_pop, Jump, Hot, "(x -- x) and jump if x is true, else (x -- )"),
            (GetIter, get_iter, None, Cold, "(x -- iter(x))"),
            (ForIter, for_iter, Jump, Hot, "(it -- it next(it)), or (it -- ) and jump when it is exhausted"),
            (BuildList, build_list, Count, Cold, "(x*n -- [x...])"),
            (BuildTuple, build_tuple, Count, Cold, "(x*n -- (x...))"),
            (BuildSet, build_set, Count, Cold, "(x*n -- {x...})"),
            (BuildMap, build_map, Count, Cold, "(k v ... (n pairs) -- {k: v...})"),
            (BuildSlice, build_slice, Count, Cold, "(lower upper -- slice) or, with arg 3, (lower upper step -- slice)"),
            (BuildString, build_string, Count, Cold, "(s*n -- s1+s2+...) joins the pieces of an f-string"),
            (FormatValue, format_value, Count, Cold, "(x -- str) or, with flag 4, (x spec -- str); flags & 3: 0 none, 1 !s, 2 !r, 3 !a"),
            (ListAppend, list_append, Count, Cold, "(list .. (n-1 items) x -- list ..) appends x to the list n items below the top (after popping x)"),
            (SetAdd, set_add, Count, Cold, "like ListAppend, for a set"),
            (MapAdd, map_add, Count, Cold, "(map .. k v -- map ..) like ListAppend, for a dict, n counted after popping k and v"),
            (ListExtend, list_extend, Count, Cold, "(list .. iterable -- list ..) extends the list n below the top"),
            (SetUpdate, set_update, Count, Cold, "(set .. iterable -- set ..)"),
            (DictUpdate, dict_update, Count, Cold, "(dict .. mapping -- dict ..) for {**m}"),
            (DictMerge, dict_merge, Count, Cold, "(dict .. mapping -- dict ..) for f(**m): a repeated key is an error"),
            (ListToTuple, list_to_tuple, None, Cold, "(list -- tuple)"),
            (BinarySubscr, binary_subscr, None, Hot, "(container key -- container[key])"),
            (StoreSubscr, store_subscr, None, Hot, "(value container key -- ) container[key] = value"),
            (DeleteSubscr, delete_subscr, None, Cold, "(container key -- ) del container[key]"),
            (UnpackSequence, unpack_sequence, Count, Hot, "(seq -- x_n .. x_1) the first item ends on top"),
            (UnpackEx, unpack_ex, Count, Cold, "(seq -- ...) arg = before | after << 8: before items, a list of the rest, after items; the first item ends on top"),
            (ImportName, import_name, Name, Cold, "( -- top-level module) imports the dotted name, pushes its first component's module (`import a.b` binds `a`)"),
            (ImportModule, import_module, Name, Cold, "( -- module) imports the dotted name, pushes that module itself (`from a.b import x`, `import a.b as c`)"),
            (ImportFrom, import_from, Name, Cold, "(module -- module module.name) ImportError if missing"),
            (ImportStar, import_star, None, Cold, "(module -- ) copies the module's public names into globals"),
            (RaiseAssertion, raise_assertion, Count, Cold, "( -- ) or, with arg 1, (msg -- ): raises AssertionError"),
            (LoadFastLoadConstCompareLessPopJumpIfFalse, load_fast_load_const_compare_less_pop_jump_if_false, Local, [LoadFast load_fast, LoadConst load_const, CompareLess compare_less, PopJumpIfFalse pop_jump_if_false], "LoadFast LoadConst CompareLess PopJumpIfFalse"),
            (LoadFastLoadFast, load_fast_load_fast, Local, [LoadFast load_fast, LoadFast load_fast], "LoadFast LoadFast"),
            (LoadFastLoadConst, load_fast_load_const, Local, [LoadFast load_fast, LoadConst load_const], "LoadFast LoadConst"),
            (LoadFastLoadFastInplaceAddStoreFast, load_fast_load_fast_inplace_add_store_fast, Local, [LoadFast load_fast, LoadFast load_fast, InplaceAdd inplace_add, StoreFast store_fast], "LoadFast LoadFast InplaceAdd StoreFast"),
            (LoadFastLoadFastCompareLessEqualPopJumpIfTrue, load_fast_load_fast_compare_less_equal_pop_jump_if_true, Local, [LoadFast load_fast, LoadFast load_fast, CompareLessEqual compare_less_equal, PopJumpIfTrue pop_jump_if_true], "LoadFast LoadFast CompareLessEqual PopJumpIfTrue"),
            (StoreFastLoadFast, store_fast_load_fast, Local, [StoreFast store_fast, LoadFast load_fast], "StoreFast LoadFast"),
            (LoadFastLoadConstBinarySubtract, load_fast_load_const_binary_subtract, Local, [LoadFast load_fast, LoadConst load_const, BinarySubtract binary_subtract], "LoadFast LoadConst BinarySubtract"),
            (LoadFastLoadFastBinarySubscr, load_fast_load_fast_binary_subscr, Local, [LoadFast load_fast, LoadFast load_fast, BinarySubscr binary_subscr], "LoadFast LoadFast BinarySubscr"),
            (LoadFastLoadConstBinarySubscr, load_fast_load_const_binary_subscr, Local, [LoadFast load_fast, LoadConst load_const, BinarySubscr binary_subscr], "LoadFast LoadConst BinarySubscr"),
            (LoadFastStoreSubscrLoadFast, load_fast_store_subscr_load_fast, Local, [LoadFast load_fast, StoreSubscr store_subscr, LoadFast load_fast], "LoadFast StoreSubscr LoadFast"),
            (LoadFastLoadConstInplaceAddStoreFast, load_fast_load_const_inplace_add_store_fast, Local, [LoadFast load_fast, LoadConst load_const, InplaceAdd inplace_add, StoreFast store_fast], "LoadFast LoadConst InplaceAdd StoreFast"),
            (LoadConstBinarySubtractCall, load_const_binary_subtract_call, Const, [LoadConst load_const, BinarySubtract binary_subtract, Call call], "LoadConst BinarySubtract Call"),
            (LoadFastLoadFastBinaryMultiply, load_fast_load_fast_binary_multiply, Local, [LoadFast load_fast, LoadFast load_fast, BinaryMultiply binary_multiply], "LoadFast LoadFast BinaryMultiply"),
            (StoreFastLoadFastLoadFast, store_fast_load_fast_load_fast, Local, [StoreFast store_fast, LoadFast load_fast, LoadFast load_fast], "StoreFast LoadFast LoadFast"),
            (LoadConstBinaryModulo, load_const_binary_modulo, Const, [LoadConst load_const, BinaryModulo binary_modulo], "LoadConst BinaryModulo"),
            (LoadConstCopyCopyBinarySubscr, load_const_copy_copy_binary_subscr, Const, [LoadConst load_const, Copy copy, Copy copy, BinarySubscr binary_subscr], "LoadConst Copy Copy BinarySubscr"),
            (CopyCopyBinarySubscrLoadFast, copy_copy_binary_subscr_load_fast, Count, [Copy copy, Copy copy, BinarySubscr binary_subscr, LoadFast load_fast], "Copy Copy BinarySubscr LoadFast"),
            (LoadConstCompareLessPopJumpIfFalseLoadFast, load_const_compare_less_pop_jump_if_false_load_fast, Const, [LoadConst load_const, CompareLess compare_less, PopJumpIfFalse pop_jump_if_false, LoadFast load_fast], "LoadConst CompareLess PopJumpIfFalse LoadFast"),
            (CompareLessPopJumpIfFalseLoadFastReturnValue, compare_less_pop_jump_if_false_load_fast_return_value, None, [CompareLess compare_less, PopJumpIfFalse pop_jump_if_false, LoadFast load_fast, ReturnValue return_value], "CompareLess PopJumpIfFalse LoadFast ReturnValue"),
            (LoadGlobalLoadFast, load_global_load_fast, Name, [LoadGlobal load_global, LoadFast load_fast], "LoadGlobal LoadFast"),
            (LoadGlobalLoadFastLoadConst, load_global_load_fast_load_const, Name, [LoadGlobal load_global, LoadFast load_fast, LoadConst load_const], "LoadGlobal LoadFast LoadConst"),
            (LoadConstLoadFastLoadFastStoreSubscr, load_const_load_fast_load_fast_store_subscr, Const, [LoadConst load_const, LoadFast load_fast, LoadFast load_fast, StoreSubscr store_subscr], "LoadConst LoadFast LoadFast StoreSubscr"),
            (StoreSubscrLoadFastLoadFastInplaceAdd, store_subscr_load_fast_load_fast_inplace_add, None, [StoreSubscr store_subscr, LoadFast load_fast, LoadFast load_fast, InplaceAdd inplace_add], "StoreSubscr LoadFast LoadFast InplaceAdd"),
            (LoadFastInplaceAddStoreFastLoadFast, load_fast_inplace_add_store_fast_load_fast, Local, [LoadFast load_fast, InplaceAdd inplace_add, StoreFast store_fast, LoadFast load_fast], "LoadFast InplaceAdd StoreFast LoadFast"),
            (SwapSwapStoreSubscr, swap_swap_store_subscr, Count, [Swap swap, Swap swap, StoreSubscr store_subscr], "Swap Swap StoreSubscr"),
            (LoadFastLoadConstInplaceOpStoreFast, load_fast_load_const_inplace_op_store_fast, Local, [LoadFast load_fast, LoadConst load_const, InplaceOp inplace_op, StoreFast store_fast], "LoadFast LoadConst InplaceOp StoreFast"),
            (LoadFastLoadConstBinaryRShift, load_fast_load_const_binary_rshift, Local, [LoadFast load_fast, LoadConst load_const, BinaryRShift binary_rshift], "LoadFast LoadConst BinaryRShift"),
            (LoadFastLoadFastStoreSubscrLoadFast, load_fast_load_fast_store_subscr_load_fast, Local, [LoadFast load_fast, LoadFast load_fast, StoreSubscr store_subscr, LoadFast load_fast], "LoadFast LoadFast StoreSubscr LoadFast"),
            (LoadFastLoadFastCompareLessPopJumpIfTrue, load_fast_load_fast_compare_less_pop_jump_if_true, Local, [LoadFast load_fast, LoadFast load_fast, CompareLess compare_less, PopJumpIfTrue pop_jump_if_true], "LoadFast LoadFast CompareLess PopJumpIfTrue"),
            (StoreFastLoadFastLoadConst, store_fast_load_fast_load_const, Local, [StoreFast store_fast, LoadFast load_fast, LoadConst load_const], "StoreFast LoadFast LoadConst"),
            (LoadFastLoadConstCopyCopy, load_fast_load_const_copy_copy, Local, [LoadFast load_fast, LoadConst load_const, Copy copy, Copy copy], "LoadFast LoadConst Copy Copy"),
            (CopyBinarySubscrLoadFastLoadFast, copy_binary_subscr_load_fast_load_fast, Count, [Copy copy, BinarySubscr binary_subscr, LoadFast load_fast, LoadFast load_fast], "Copy BinarySubscr LoadFast LoadFast"),
            (LoadFastStoreSubscrLoadFastLoadFast, load_fast_store_subscr_load_fast_load_fast, Local, [LoadFast load_fast, StoreSubscr store_subscr, LoadFast load_fast, LoadFast load_fast], "LoadFast StoreSubscr LoadFast LoadFast"),
            (BinaryMultiplyInplaceAddSwapSwap, binary_multiply_inplace_add_swap_swap, None, [BinaryMultiply binary_multiply, InplaceAdd inplace_add, Swap swap, Swap swap], "BinaryMultiply InplaceAdd Swap Swap"),
            (SwapStoreSubscrLoadFast, swap_store_subscr_load_fast, Count, [Swap swap, StoreSubscr store_subscr, LoadFast load_fast], "Swap StoreSubscr LoadFast"),
            (ForIterStoreFast, for_iter_store_fast, Jump, [ForIter for_iter, StoreFast store_fast], "ForIter StoreFast"),
            (LoadFastLoadConstBinaryModulo, load_fast_load_const_binary_modulo, Local, [LoadFast load_fast, LoadConst load_const, BinaryModulo binary_modulo], "LoadFast LoadConst BinaryModulo"),
            (StoreSubscrLoadFastLoadConstCopy, store_subscr_load_fast_load_const_copy, None, [StoreSubscr store_subscr, LoadFast load_fast, LoadConst load_const, Copy copy], "StoreSubscr LoadFast LoadConst Copy"),
            (ForIterStoreFastLoadFast, for_iter_store_fast_load_fast, Jump, [ForIter for_iter, StoreFast store_fast, LoadFast load_fast], "ForIter StoreFast LoadFast"),
            (LoadFastLoadFastBinarySubscrPopJumpIfFalse, load_fast_load_fast_binary_subscr_pop_jump_if_false, Local, [LoadFast load_fast, LoadFast load_fast, BinarySubscr binary_subscr, PopJumpIfFalse pop_jump_if_false], "LoadFast LoadFast BinarySubscr PopJumpIfFalse"),
            (LoadConstInplaceAddStoreFastLoadFast, load_const_inplace_add_store_fast_load_fast, Const, [LoadConst load_const, InplaceAdd inplace_add, StoreFast store_fast, LoadFast load_fast], "LoadConst InplaceAdd StoreFast LoadFast"),
            (InplaceAddStoreFastLoadFastLoadFast, inplace_add_store_fast_load_fast_load_fast, None, [InplaceAdd inplace_add, StoreFast store_fast, LoadFast load_fast, LoadFast load_fast], "InplaceAdd StoreFast LoadFast LoadFast"),
            (StoreFastLoadFastLoadFastCompareLessEqual, store_fast_load_fast_load_fast_compare_less_equal, Local, [StoreFast store_fast, LoadFast load_fast, LoadFast load_fast, CompareLessEqual compare_less_equal], "StoreFast LoadFast LoadFast CompareLessEqual"),
            (LoadConstBinarySubscrLoadFast, load_const_binary_subscr_load_fast, Const, [LoadConst load_const, BinarySubscr binary_subscr, LoadFast load_fast], "LoadConst BinarySubscr LoadFast"),
            (LoadFastBinarySubscrSwapLoadFast, load_fast_binary_subscr_swap_load_fast, Local, [LoadFast load_fast, BinarySubscr binary_subscr, Swap swap, LoadFast load_fast], "LoadFast BinarySubscr Swap LoadFast"),
            (LoadConstBinaryAdd, load_const_binary_add, Const, [LoadConst load_const, BinaryAdd binary_add], "LoadConst BinaryAdd"),
            (LoadConstCompareEqualPopJumpIfFalse, load_const_compare_equal_pop_jump_if_false, Const, [LoadConst load_const, CompareEqual compare_equal, PopJumpIfFalse pop_jump_if_false], "LoadConst CompareEqual PopJumpIfFalse"),
            (LoadConstBinarySubscrBinarySubtractStoreFast, load_const_binary_subscr_binary_subtract_store_fast, Const, [LoadConst load_const, BinarySubscr binary_subscr, BinarySubtract binary_subtract, StoreFast store_fast], "LoadConst BinarySubscr BinarySubtract StoreFast"),
        }
    };
}

/// The or-pattern of every superinstruction, for matches that treat them apart:
/// `for_each_op!(superinstruction_pattern)` in pattern position.
#[macro_export]
macro_rules! superinstruction_pattern {
    ($(($name:ident, $handler:ident, $kind:ident, $class:tt, $doc:literal)),* $(,)?) => {
        $crate::superinstruction_pattern!(@munch [] $($name $class)*)
    };
    (@munch [$($found:tt)*] $name:ident [$($components:tt)*] $($rest:tt)*) => {
        $crate::superinstruction_pattern!(@munch [$($found)* $name] $($rest)*)
    };
    (@munch [$($found:tt)*] $name:ident $frequency:ident $($rest:tt)*) => {
        $crate::superinstruction_pattern!(@munch [$($found)*] $($rest)*)
    };
    (@munch [$($found:ident)+]) => {
        $($crate::bytecode::Opcode::$found)|+
    };
}

macro_rules! declare_opcodes {
    ($(($name:ident, $handler:ident, $kind:ident, $class:tt, $doc:literal)),* $(,)?) => {
        /// Every instruction: the ones pvm's compiler emits and the `fused` engine's
        /// superinstructions.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $(#[doc = $doc] $name,)*
        }

        impl Opcode {
            /// All opcodes in numbering order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)*];

            pub const fn name(self) -> &'static str {
                match self {
                    $(Opcode::$name => stringify!($name),)*
                }
            }

            pub const fn arg_kind(self) -> ArgKind {
                match self {
                    $(Opcode::$name => ArgKind::$kind,)*
                }
            }

            /// Whether each byte is an opcode that may appear in code read from outside:
            /// superinstructions may not (only the `fused` engine creates them, in memory).
            pub const READABLE: [bool; 256] = {
                let mut table = [false; 256];
                let mut i = 0;
                while i < Opcode::ALL.len() {
                    table[i] = !Opcode::ALL[i].is_superinstruction();
                    i += 1;
                }
                table
            };

            /// The instructions a superinstruction stands for, in order; empty for the
            /// others.
            pub fn components(self) -> &'static [Opcode] {
                match self {
                    $(Opcode::$name => declare_opcodes!(@components $class),)*
                }
            }

            /// The two-operand operators `(a b -- a op b)`: arithmetic, in-place arithmetic
            /// and comparisons.
            pub const fn is_binary_operator(self) -> bool {
                matches!(
                    self,
                    Opcode::BinaryAdd
                        | Opcode::BinarySubtract
                        | Opcode::BinaryMultiply
                        | Opcode::BinaryTrueDivide
                        | Opcode::BinaryFloorDivide
                        | Opcode::BinaryModulo
                        | Opcode::BinaryPower
                        | Opcode::BinaryMatMul
                        | Opcode::BinaryLShift
                        | Opcode::BinaryRShift
                        | Opcode::BinaryAnd
                        | Opcode::BinaryOr
                        | Opcode::BinaryXor
                        | Opcode::InplaceAdd
                        | Opcode::InplaceOp
                        | Opcode::CompareLess
                        | Opcode::CompareLessEqual
                        | Opcode::CompareEqual
                        | Opcode::CompareNotEqual
                        | Opcode::CompareGreater
                        | Opcode::CompareGreaterEqual
                )
            }

            /// Whether the instruction always continues with the next one when it does not
            /// raise: no jump, call, return or loop exit. A superinstruction need not check
            /// where such a component left the instruction pointer.
            pub const fn always_falls_through(self) -> bool {
                self.is_binary_operator()
                    || matches!(
                        self,
                        Opcode::Nop
                            | Opcode::Pop
                            | Opcode::Copy
                            | Opcode::Swap
                            | Opcode::LoadConst
                            | Opcode::LoadFast
                            | Opcode::StoreFast
                            | Opcode::LoadDeref
                            | Opcode::StoreDeref
                            | Opcode::LoadGlobal
                            | Opcode::BinarySubscr
                            | Opcode::StoreSubscr
                    )
            }

            #[inline]
            pub const fn is_superinstruction(self) -> bool {
                matches!(self, $crate::for_each_op!(superinstruction_pattern))
            }
        }
    };
    (@components [$($component:ident $component_handler:ident),*]) => {
        &[$(Opcode::$component),*]
    };
    (@components $frequency:ident) => {
        &[]
    };
}

for_each_op!(declare_opcodes);

/// `ALL[i] as u32 == i`: the runtime tests an `InplaceOp` argument against an operator's
/// discriminant.
const _: () = {
    let mut i = 0;
    while i < BinaryOp::ALL.len() {
        assert!(BinaryOp::ALL[i] as usize == i);
        i += 1;
    }
};

/// The binary operators, numbered as `InplaceOp`'s argument encodes them. The compiler maps
/// the syntax tree's operators onto this list explicitly; the runtime implements each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
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
    Or,
    Xor,
    And,
}

impl BinaryOp {
    pub const ALL: [BinaryOp; 13] = [
        BinaryOp::Add,
        BinaryOp::Sub,
        BinaryOp::Mul,
        BinaryOp::MatMul,
        BinaryOp::TrueDiv,
        BinaryOp::FloorDiv,
        BinaryOp::Mod,
        BinaryOp::Pow,
        BinaryOp::LShift,
        BinaryOp::RShift,
        BinaryOp::Or,
        BinaryOp::Xor,
        BinaryOp::And,
    ];

    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::MatMul => "@",
            BinaryOp::TrueDiv => "/",
            BinaryOp::FloorDiv => "//",
            BinaryOp::Mod => "%",
            BinaryOp::Pow => "**",
            BinaryOp::LShift => "<<",
            BinaryOp::RShift => ">>",
            BinaryOp::Or => "|",
            BinaryOp::Xor => "^",
            BinaryOp::And => "&",
        }
    }
}

/// The largest argument an instruction word can carry.
pub const MAX_ARG: u32 = (1 << 24) - 1;

/// One instruction: opcode in the low byte, argument in the upper 24 bits.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Instr(pub u32);

impl Instr {
    #[inline(always)]
    pub fn new(op: Opcode, arg: u32) -> Instr {
        debug_assert!(arg <= MAX_ARG);
        Instr(op as u32 | (arg << 8))
    }

    #[inline(always)]
    pub fn opcode(self) -> Opcode {
        // SAFETY: every `Instr` is built by `new` from a valid `Opcode`, or checked against
        // `Opcode::READABLE` when read from outside.
        unsafe { std::mem::transmute::<u8, Opcode>(self.0 as u8) }
    }

    #[inline(always)]
    pub fn arg(self) -> u32 {
        self.0 >> 8
    }
}

impl std::fmt::Debug for Instr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}({})", self.opcode().name(), self.arg())
    }
}
