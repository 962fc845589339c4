namespace AttackMap.Correlation;

/// <summary>Checks the shape of a correlation rule (everything but the catalog look-ups).</summary>
internal static class CorrelationRuleValidator
{
    public static void Validate(CorrelationRule rule, string name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(rule.Rationale))
        {
            errors.Add($"Rule {name}: the rationale is required.");
        }

        if (rule.Window <= TimeSpan.Zero)
        {
            errors.Add($"Rule {name}: the window must be positive.");
        }

        if (!Enum.IsDefined(typeof(CorrelationKey), rule.GroupBy))
        {
            errors.Add($"Rule {name}: unknown group-by key '{rule.GroupBy}'.");
        }

        if (rule.Steps.Count == 0)
        {
            errors.Add($"Rule {name}: at least one step is required.");
        }

        if (rule.Steps.Count > 32)
        {
            errors.Add($"Rule {name}: at most 32 steps are supported.");
        }

        for (var i = 0; i < rule.Steps.Count; i++)
        {
            var step = rule.Steps[i];
            var where = $"Rule {name}, step {i} '{step?.Name}'";
            if (step is null)
            {
                errors.Add($"{where}: the step is null.");
                continue;
            }

            if (step.Matches.Count == 0)
            {
                errors.Add($"{where}: at least one match is required.");
            }

            if (step.MinCount < 1)
            {
                errors.Add($"{where}: minCount must be at least 1.");
            }

            if (step.MinDistinct < 0 || (step.MinDistinct > 0) != !string.IsNullOrWhiteSpace(step.DistinctField))
            {
                errors.Add($"{where}: distinctField and a positive minDistinct go together.");
            }

            foreach (var match in step.Matches)
            {
                if (match is null || !Enum.IsDefined(typeof(Signals.LogFamily), match.Family))
                {
                    errors.Add($"{where}: a match is missing or names an unknown family.");
                }
            }
        }
    }
}
