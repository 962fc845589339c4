namespace AttackMap.Mapping;

/// <summary>Review bookkeeping for rules: which are due for review. Time is always passed in, never read from a clock.</summary>
public static class RuleReview
{
    /// <summary>
    /// Finds the rules whose <see cref="MappingRule.LastReviewed"/> is older than <paramref name="maxAge"/> at <paramref name="asOf"/>,
    /// and the rules never reviewed; the oldest first (never reviewed before all), then by id.
    /// </summary>
    /// <param name="rules">The rules.</param>
    /// <param name="asOf">The date to measure from (for example the date of the review meeting).</param>
    /// <param name="maxAge">How old a review may be (for example 180 days).</param>
    /// <returns>The rules due for review.</returns>
    public static IReadOnlyList<MappingRule> FindStale(IEnumerable<MappingRule> rules, DateTimeOffset asOf, TimeSpan maxAge)
    {
        if (rules is null)
        {
            throw new ArgumentNullException(nameof(rules));
        }

        var cutoff = asOf - maxAge;
        return rules
            .Where(r => r.LastReviewed is null || r.LastReviewed.Value < cutoff)
            .OrderBy(r => r.LastReviewed ?? DateTimeOffset.MinValue)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToArray();
    }
}
