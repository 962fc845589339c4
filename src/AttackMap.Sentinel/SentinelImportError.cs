namespace AttackMap.Sentinel;

/// <summary>A file, or one rule in it, that could not be imported.</summary>
public sealed record SentinelImportError
{
    /// <summary>Gets the file path or stream name.</summary>
    public required string File { get; init; }

    /// <summary>Gets the 1-based line of the problem when known (YAML and JSON syntax errors, YAML fields).</summary>
    public int? Line { get; init; }

    /// <summary>Gets where in the file the problem is when no line is known, for example <c>resources[2]</c>.</summary>
    public string? Location { get; init; }

    /// <summary>Gets the message.</summary>
    public required string Message { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        Line is { } line ? $"{File}({line}): {Message}" : Location is { } location ? $"{File} {location}: {Message}" : $"{File}: {Message}";
}
