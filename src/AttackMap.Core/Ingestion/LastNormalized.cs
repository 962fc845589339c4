namespace AttackMap.Ingestion;

/// <summary>
/// Remembers the last input and output of a normalization (lower-casing a resource id, canonicalizing an IP), so that a
/// value repeated from the previous record (the same string instance, thanks to <see cref="LastValueCache"/>) is not
/// normalized and allocated again. Not thread-safe.
/// </summary>
internal sealed class LastNormalized
{
    private readonly Func<string?, string?> _normalize;
    private string? _input;
    private string? _output;

    public LastNormalized(Func<string?, string?> normalize)
    {
        _normalize = normalize;
    }

    /// <summary>Returns the normalized <paramref name="text"/>.</summary>
    public string? Normalize(string? text)
    {
        if (text is null)
        {
            return _normalize(null);
        }

        if (!ReferenceEquals(text, _input))
        {
            _output = _normalize(text);
            _input = text;
        }

        return _output;
    }
}
