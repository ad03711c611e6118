from drafter.cli import main

# The guard matters: batch workers started by "spawn" (Windows, macOS) import this module.
if __name__ == "__main__":
    main()
