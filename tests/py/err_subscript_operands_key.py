# A missing key with the dict in a local and the key a constant.
def lookup(table):
    return table["missing"]


print(lookup({"missing": 1}))
print(lookup({}))
