print({1}.union([2], x=1))
