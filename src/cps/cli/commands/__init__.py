"""One module per ``cps`` subcommand (discovered by ``cps.cli.build_parser``)."""
