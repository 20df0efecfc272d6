import sys
print('about to fail')
sys.exit('bye')
