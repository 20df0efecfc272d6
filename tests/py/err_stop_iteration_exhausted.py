it = iter('ab')
print(next(it), next(it))
next(it)
