import mod_guarded


def main():
    print("program main, __name__ =", __name__)
    mod_guarded.main()


if __name__ == "__main__":
    main()
