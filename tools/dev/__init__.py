"""Development tooling (benchmark, Chromium for the tests, a local test server): never imported by the generator."""
