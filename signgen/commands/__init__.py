"""Click commands, one module per kind of user; :mod:`signgen.cli` registers them."""
