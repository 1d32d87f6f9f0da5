from spinlint.cli import main

main()
