# Helper module that puts another object in its place in sys.modules, which importers get.
import sys

print("mod_replaces_itself body runs")
sys.modules[__name__] = "the replacement"
