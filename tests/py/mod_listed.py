# Helper module with __all__: `import *` takes exactly the listed names.
__all__ = ["shown", "_listed_private"]
shown = "shown"
_listed_private = "listed private"
not_listed = "not listed"
