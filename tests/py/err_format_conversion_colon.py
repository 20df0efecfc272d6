print('{!rr}'.format(1))
