words = ['Hello', 'WORLD', 'python3', '123', '', '   ', 'abc', 'a1 b', '\t\n']
for w in words:
    print(repr(w), w.upper(), w.lower(), w.isdigit(), w.isalpha(), w.isspace())
print('hello world'.title(), 'hELLO'.capitalize(), 'AbC'.swapcase())
print('abc'.islower(), 'ABC'.isupper(), 'ab1'.isalnum(), 'ab!'.isalnum())
