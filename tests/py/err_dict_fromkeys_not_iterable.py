dict.fromkeys(5)
