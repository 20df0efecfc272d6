import sys
delattr(sys, "nope")
