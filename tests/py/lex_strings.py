print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"x\"", 'a\\b', '\x41\101\u0041')
print(r'raw \n stays', R"also raw \t", r'\\')
print('adjacent' 'literals' "join", ('paren'
      'continued'))
s = 'line one\
 continues'
print(s)
t = """first
  second
third"""
print(t)
print(len('\n\t\\'), len(r'\n\t\\'))
print('\'' + "\"")
print('unicode: \u00fc\u00e9 \u4e2d')
