# Helper module: a second importer of mod_counter that sees the same module object.
import mod_counter
from mod_counter import history


def current():
    return mod_counter.count


def same_history():
    return history is mod_counter.history
