dict.fromkeys(iterable="ab")
