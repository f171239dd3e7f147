"""The default rule pack: YAML data, shipped inside the package as factcheck.rulepack."""
