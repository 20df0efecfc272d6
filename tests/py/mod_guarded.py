# Helper module with a __name__ guard: its body's guarded part runs only as a script.
def main():
    print("mod_guarded main")


if __name__ == "__main__":
    main()
else:
    print("mod_guarded imported as", __name__)
