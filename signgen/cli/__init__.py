"""The command line: one module per kind of user; :mod:`signgen.cli.main` registers them."""
