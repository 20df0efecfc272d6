# CPython names the iterator of an all-ASCII str str_ascii_iterator, of any other str_iterator.
print(type(iter("abc")).__name__, type(iter("é")).__name__, type(iter("")).__name__)
print(type(iter("naïve")).__name__, type(iter(str(123))).__name__)
it = iter("日本")
print(type(it).__name__, next(it), type(it).__name__, next(it), next(it, None))
print(type(iter("a" + "→")).__name__, type(iter("→"[1:])).__name__)
print(type(reversed("abc")).__name__)
