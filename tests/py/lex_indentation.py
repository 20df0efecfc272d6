def a():
  return 'two spaces'
def b():
        return 'eight spaces'
def c():
	return 'tab'
print(a(), b(), c())
if True:
    if True:
        if True:
            print('deep')
        print('back')
    print('back more')
for i in range(2): print('one-liner', i)
if i: print('inline if')
while False: pass
def d(): return 'inline def'
print(d())
x = [
  1,
      2,
        3]
print(x)
