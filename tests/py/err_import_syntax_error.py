print("before")
import mod_bad_syntax
