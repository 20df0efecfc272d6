print("pkg_geo.points loaded as", __name__)


def make(x, y):
    return (x, y)
