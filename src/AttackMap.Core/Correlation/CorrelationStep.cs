namespace AttackMap.Correlation;

/// <summary>
/// One step of a correlation rule: which signals count (any of <see cref="Matches"/>) and how many are needed
/// inside the rule's window.
/// </summary>
public sealed class CorrelationStep
{
    /// <summary>Creates a step.</summary>
    /// <param name="name">A short name shown on the contributing records (for example <c>failed-password</c>).</param>
    /// <param name="matches">The alternatives; a signal satisfies the step when any of them matches.</param>
    public CorrelationStep(string name, IReadOnlyList<SignalMatch> matches)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Matches = matches ?? throw new ArgumentNullException(nameof(matches));
    }

    /// <summary>Gets the step name.</summary>
    public string Name { get; }

    /// <summary>Gets the alternatives; a signal satisfies the step when any of them matches.</summary>
    public IReadOnlyList<SignalMatch> Matches { get; }

    /// <summary>Gets the minimum number of matching signals inside the window.</summary>
    /// <value>The default value is 1.</value>
    public int MinCount { get; init; } = 1;

    /// <summary>
    /// Gets the field whose distinct values are counted (<c>principal</c>, <c>ipAddress</c>, <c>resourceId</c>,
    /// <c>tenantId</c>, <c>correlationId</c>, or any signal field name); <see langword="null"/> counts no distinct values.
    /// </summary>
    public string? DistinctField { get; init; }

    /// <summary>Gets the minimum number of distinct values of <see cref="DistinctField"/> inside the window.</summary>
    /// <value>The default value is 0 (no distinct threshold).</value>
    public int MinDistinct { get; init; }

    /// <summary>
    /// Gets fields that make the step "first seen" only: a signal counts only when at least one of these fields has a value
    /// not seen before for the same key in the stream (a key's first signal only sets the baseline). Empty disables it.
    /// </summary>
    public IReadOnlyList<string> NewValueOf { get; init; } = Array.Empty<string>();

    /// <inheritdoc />
    public override string ToString() => $"{Name} (min {MinCount}{(DistinctField is null ? string.Empty : $", {MinDistinct} distinct {DistinctField}")})";
}
