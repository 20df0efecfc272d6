x = 1.5
x.imag = 2
