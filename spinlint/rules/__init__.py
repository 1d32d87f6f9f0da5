"""Rule files to findings: the catalogue, the kinds, the engine that runs them and the tables that speed it up."""
