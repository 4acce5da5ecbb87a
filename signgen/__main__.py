from signgen.cli.main import main

main()
