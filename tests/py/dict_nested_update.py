inventory = {'fruit': {'apple': 3, 'pear': 0}, 'veg': {'kale': 2}}
inventory['fruit']['apple'] += 2
inventory['fruit']['kiwi'] = 7
inventory.setdefault('grain', {})['rice'] = 1
inventory['veg'].update(leek=4)
print(inventory)
print(sorted(inventory), [len(v) for v in inventory.values()])
total = 0
for cat, items in inventory.items():
    for name, qty in items.items():
        total += qty
print(total)
empty = [k for k, v in inventory['fruit'].items() if v == 0]
for k in empty:
    del inventory['fruit'][k]
print(inventory['fruit'])
a = {'x': [1]}
b = a.copy()
b['x'].append(2)
b['y'] = 0
print(a, b)
print({'a': 1, 'b': 2} == {'b': 2, 'a': 1}, {'a': 1} != {'a': 1.0})
