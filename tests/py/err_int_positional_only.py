print(int(x='1'))
