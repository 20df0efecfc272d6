//! Built-in types as a closed enumeration. Until pvm has classes every type is built in, so a
//! type is a small integer: `type(x)`, `isinstance` and the exception hierarchy are table
//! lookups, not dictionary walks.

macro_rules! declare_types {
    ($(($variant:ident, $name:literal, $base:ident)),* $(,)?) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum TypeId {
            $($variant,)*
        }

        impl TypeId {
            pub const ALL: &'static [TypeId] = &[$(TypeId::$variant,)*];

            pub fn name(self) -> &'static str {
                match self {
                    $(TypeId::$variant => $name,)*
                }
            }

            /// The direct base class (`object` is its own base).
            pub fn base(self) -> TypeId {
                match self {
                    $(TypeId::$variant => TypeId::$base,)*
                }
            }
        }
    };
}

declare_types! {
    (Object, "object", Object),
    (Type, "type", Object),
    (NoneType, "NoneType", Object),
    (Int, "int", Object),
    (Bool, "bool", Int),
    (Float, "float", Object),
    (Str, "str", Object),
    (List, "list", Object),
    (Tuple, "tuple", Object),
    (Dict, "dict", Object),
    (Set, "set", Object),
    (FrozenSet, "frozenset", Object),
    (Range, "range", Object),
    (Slice, "slice", Object),
    (Function, "function", Object),
    (BuiltinFunction, "builtin_function_or_method", Object),
    (MethodDescriptor, "method_descriptor", Object),
    (Module, "module", Object),
    (Cell, "cell", Object),
    (Code, "code", Object),
    (Ellipsis, "ellipsis", Object),
    (ListIterator, "list_iterator", Object),
    (TupleIterator, "tuple_iterator", Object),
    (StrIterator, "str_iterator", Object),
    (StrAsciiIterator, "str_ascii_iterator", Object),
    (RangeIterator, "range_iterator", Object),
    (DictKeyIterator, "dict_keyiterator", Object),
    (DictValueIterator, "dict_valueiterator", Object),
    (DictItemIterator, "dict_itemiterator", Object),
    (SetIterator, "set_iterator", Object),
    (ListReverseIterator, "list_reverseiterator", Object),
    (CallableIterator, "callable_iterator", Object),
    (Enumerate, "enumerate", Object),
    (Zip, "zip", Object),
    (Map, "map", Object),
    (Filter, "filter", Object),
    (Reversed, "reversed", Object),
    (DictKeys, "dict_keys", Object),
    (DictValues, "dict_values", Object),
    (DictItems, "dict_items", Object),
    (BaseException, "BaseException", Object),
    (SystemExit, "SystemExit", BaseException),
    (KeyboardInterrupt, "KeyboardInterrupt", BaseException),
    (Exception, "Exception", BaseException),
    (ArithmeticError, "ArithmeticError", Exception),
    (ZeroDivisionError, "ZeroDivisionError", ArithmeticError),
    (OverflowError, "OverflowError", ArithmeticError),
    (AssertionError, "AssertionError", Exception),
    (AttributeError, "AttributeError", Exception),
    (ImportError, "ImportError", Exception),
    (ModuleNotFoundError, "ModuleNotFoundError", ImportError),
    (LookupError, "LookupError", Exception),
    (IndexError, "IndexError", LookupError),
    (KeyError, "KeyError", LookupError),
    (NameError, "NameError", Exception),
    (UnboundLocalError, "UnboundLocalError", NameError),
    (RuntimeError, "RuntimeError", Exception),
    (SystemError, "SystemError", Exception),
    (MemoryError, "MemoryError", Exception),
    (RecursionError, "RecursionError", RuntimeError),
    (NotImplementedError, "NotImplementedError", RuntimeError),
    (StopIteration, "StopIteration", Exception),
    (TypeError, "TypeError", Exception),
    (ValueError, "ValueError", Exception),
    (UnicodeError, "UnicodeError", ValueError),
    (SyntaxError, "SyntaxError", Exception),
    (IndentationError, "IndentationError", SyntaxError),
    (TabError, "TabError", IndentationError),
}

impl TypeId {
    /// `issubclass(self, other)`.
    pub fn is_subtype_of(self, other: TypeId) -> bool {
        let mut t = self;
        loop {
            if t == other || other == TypeId::Object {
                return true;
            }
            if t == TypeId::Object {
                return false;
            }
            t = t.base();
        }
    }

    pub fn is_exception(self) -> bool {
        self.is_subtype_of(TypeId::BaseException)
    }

    /// The types reachable by name from Python code as builtins.
    pub fn is_builtin_name(self) -> bool {
        matches!(
            self,
            TypeId::Object
                | TypeId::Type
                | TypeId::Int
                | TypeId::Bool
                | TypeId::Float
                | TypeId::Str
                | TypeId::List
                | TypeId::Tuple
                | TypeId::Dict
                | TypeId::Set
                | TypeId::FrozenSet
                | TypeId::Range
                | TypeId::Slice
                | TypeId::Enumerate
                | TypeId::Zip
                | TypeId::Map
                | TypeId::Filter
                | TypeId::Reversed
        ) || self.is_exception()
    }
}
