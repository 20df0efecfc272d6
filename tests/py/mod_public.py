# Helper module without __all__: `import *` takes the names not starting with "_".
visible = "visible"
_hidden = "hidden"


def helper():
    return "helper"


def _private_helper():
    return "private"
