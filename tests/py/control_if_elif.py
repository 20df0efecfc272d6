def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
for n in [-5, 0, 3, 10, 1000]:
    print(n, classify(n))
x = 7
if x % 2:
    print('odd')
if not x % 2:
    print('never')
else:
    print('else branch')
if []:
    print('empty list is true?')
elif {}:
    print('empty dict is true?')
elif '':
    print('empty str is true?')
elif 0.0:
    print('zero float')
elif None:
    print('none')
else:
    print('all falsy')
if [0] and (0,) and ' ' and {0: 0}:
    print('non-empty containers are truthy')
