print('abc'.find())
