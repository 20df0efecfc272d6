print("importing")
import mod_fails_body

print("not reached")
