__all__ = ["add"]
print("pkg_geo.vectors loaded as", __name__)


def add(a, b):
    return (a[0] + b[0], a[1] + b[1])


def scale(a, k):
    return (a[0] * k, a[1] * k)
