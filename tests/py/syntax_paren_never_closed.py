print('start')
values = (1, 2,
          3
total = 0
