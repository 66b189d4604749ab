"""Watch-list matching: rule model (ruleset), loader (load) and engine."""
