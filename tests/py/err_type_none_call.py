handlers = {'a': print}
handlers['a']('handled a')
handlers.get('b')()
