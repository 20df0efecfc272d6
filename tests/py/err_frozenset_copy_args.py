print(frozenset({1}).copy(1))
