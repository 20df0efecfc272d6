print('%(a)z' % {})
