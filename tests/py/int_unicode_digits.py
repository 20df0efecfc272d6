# int() and float() accept decimal digits of any script, as CPython does.
print(int('٣'), int(' ١٢ '), int('１２'), int('-٤٢'), int('१०'), int('๓', 16))
print(float('١.٥'), float('１e３'), float('-٣'))
print(int('𝟗𝟗'), int('᠑'))
