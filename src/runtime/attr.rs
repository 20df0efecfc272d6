//! Attribute access on built-in objects: module attributes, built-in methods (bound on
//! access, or pushed unbound by `LoadMethod` so a method call allocates nothing), class
//! methods of built-in types (`dict.fromkeys`, bound to the type), and the few data
//! attributes built-in types have.

use std::rc::Rc;

use super::exceptions::{PyErr, PyResult, attribute_error, no_attribute, type_error};
use super::function::{BoundMethod, BuiltinFunction};
use super::methods;
use super::types::TypeId;
use super::value::{MethodDescriptor, Value};

/// The built-in method `name` of type `ty`.
#[inline]
pub fn find_method(ty: TypeId, name: &str) -> Option<&'static BuiltinFunction> {
    methods::table(ty).iter().find(|m| m.name == name)
}

/// The class method `name` of type `ty` or of one of its bases.
fn find_class_method(ty: TypeId, name: &str) -> Option<&'static BuiltinFunction> {
    let mut t = ty;
    loop {
        if let Some(m) = methods::class_methods(t).iter().find(|m| m.name == name) {
            return Some(m);
        }
        if t == TypeId::Object {
            return None;
        }
        t = t.base();
    }
}

pub fn get_attr(obj: &Value, name: &str) -> PyResult<Value> {
    if let Some(method) = find_method(obj.type_id(), name) {
        return Ok(Value::BoundMethod(Rc::new(BoundMethod {
            receiver: obj.clone(),
            method,
        })));
    }
    // A class method, through the type itself or through an instance.
    let class = match obj {
        Value::Type(t) => *t,
        other => other.type_id(),
    };
    if let Some(method) = find_class_method(class, name) {
        return Ok(Value::BoundMethod(Rc::new(BoundMethod {
            receiver: Value::Type(class),
            method,
        })));
    }
    // An instance method taken from the type itself: unbound, like CPython's descriptor.
    if let Value::Type(owner) = obj
        && let Some(method) = find_method(*owner, name)
    {
        return Ok(Value::MethodDescriptor(Rc::new(MethodDescriptor {
            owner: *owner,
            method,
        })));
    }
    match (obj, name) {
        (Value::Module(m), _) => m.dict.get_str(name).ok_or_else(|| no_attribute(obj, name)),
        (Value::Function(f), "__name__") => Ok(Value::Str(f.name().clone())),
        (Value::Function(f), "__qualname__") => Ok(Value::Str(f.qualname().clone())),
        (Value::Function(f), "__defaults__") => Ok(match &f.defaults {
            Some(tuple) => Value::Tuple(tuple.clone()),
            None => Value::None,
        }),
        (Value::Function(f), "__dict__") => Ok(Value::Dict(f.attributes().clone())),
        (Value::Function(f), _) => f
            .attributes
            .get()
            .and_then(|d| d.get_str(name))
            .ok_or_else(|| no_attribute(obj, name)),
        (Value::Builtin(b), "__name__") => Ok(Value::str(b.name)),
        (Value::Type(t), "__name__") => Ok(Value::str(t.name())),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "real" | "numerator") => {
            Ok(int_value(obj))
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => Ok(Value::Int(0)),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => Ok(Value::Int(1)),
        (Value::Float(f), "real") => Ok(Value::Float(*f)),
        (Value::Float(_), "imag") => Ok(Value::Float(0.0)),
        (Value::Range(r), "start") => Ok(Value::from_i128(r.start)),
        (Value::Range(r), "stop") => Ok(Value::from_i128(r.stop)),
        (Value::Range(r), "step") => Ok(Value::from_i128(r.step)),
        (Value::Slice(s), "start") => Ok(s.start.clone()),
        (Value::Slice(s), "stop") => Ok(s.stop.clone()),
        (Value::Slice(s), "step") => Ok(s.step.clone()),
        (Value::Exception(e), "args") => Ok(Value::tuple(e.args.clone())),
        _ => Err(no_attribute(obj, name)),
    }
}

fn int_value(v: &Value) -> Value {
    match v {
        Value::Bool(b) => Value::Int(*b as i64),
        other => other.clone(),
    }
}

pub fn set_attr(obj: &Value, name: &str, value: Value) -> PyResult<()> {
    match (obj, name) {
        (Value::Module(m), _) => {
            m.dict.set_str(name, value);
            Ok(())
        }
        (Value::Function(f), _) if !name.starts_with("__") => {
            f.attributes().set_str(name, value);
            Ok(())
        }
        (Value::Type(t), _) => Err(type_error(format!(
            "cannot set '{name}' attribute of immutable type '{}'",
            t.name()
        ))),
        _ if find_method(obj.type_id(), name).is_some() => Err(attribute_error(format!(
            "'{}' object attribute '{name}' is read-only",
            obj.type_name()
        ))),
        // Data descriptors without a setter: CPython names the type that defines them.
        (
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_),
            "real" | "imag" | "numerator" | "denominator",
        ) => Err(not_writable("int", name)),
        (Value::Float(_), "real" | "imag") => Err(not_writable("float", name)),
        (Value::Builtin(_), "__name__") => Err(not_writable(obj.type_name(), name)),
        (Value::Range(_) | Value::Slice(_), "start" | "stop" | "step") => {
            Err(attribute_error("readonly attribute"))
        }
        _ => Err(no_attribute(obj, name)),
    }
}

fn not_writable(owner: &str, name: &str) -> PyErr {
    attribute_error(format!(
        "attribute '{name}' of '{owner}' objects is not writable"
    ))
}

pub fn delete_attr(obj: &Value, name: &str) -> PyResult<()> {
    match obj {
        // CPython's generic deletion names the type here, not the module.
        Value::Module(m) => match m.dict.remove(&Value::str(name))? {
            Some(_) => Ok(()),
            None => Err(attribute_error(format!(
                "'module' object has no attribute '{name}'"
            ))),
        },
        Value::Function(f) => match f.attributes().remove(&Value::str(name))? {
            Some(_) => Ok(()),
            None => Err(no_attribute(obj, name)),
        },
        _ => Err(no_attribute(obj, name)),
    }
}
