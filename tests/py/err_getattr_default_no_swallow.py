print(getattr(1, "x", "ok"))
getattr(1, "x", 1 // 0)
