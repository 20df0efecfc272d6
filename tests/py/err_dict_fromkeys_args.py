dict.fromkeys()
