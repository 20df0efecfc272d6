print('ok')
s = """this
goes on
