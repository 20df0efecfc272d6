text = 'the cat and the hat and the bat'
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
freq = {}
for ch in 'abracadabra':
    if ch in freq:
        freq[ch] += 1
    else:
        freq[ch] = 1
print(freq)
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
groups = {}
for w in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    groups.setdefault(w[0], []).append(w)
print(groups)
d = {'one': 1, 'two': 2, 'three': 3}
del d['one']
d['one'] = 1
print(d, list(d))
inverted = {v: k for k, v in d.items()}
print(inverted)
print(max(d, key=d.get), min(d.values()), sum(d.values()))
