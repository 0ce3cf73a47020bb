"""Development tooling (the benchmark, `make bench`): never imported by the generator (a contract in pyproject.toml)."""
