namespace AttackMap.Sentinel;

/// <summary>A file, or one rule in it, that could not be imported.</summary>
public sealed record SentinelImportError
{
    /// <summary>Gets the file path as opened, or the stream name as given to <see cref="SentinelRuleImporter.Import"/>.</summary>
    public required string File { get; init; }

    /// <summary>
    /// Gets the path of the file relative to the folder given to <see cref="SentinelRuleImporter.ImportFolder"/>, with <c>/</c>
    /// separators (the file name for <see cref="SentinelRuleImporter.ImportFile"/>), or <see langword="null"/> for a stream.
    /// It holds no machine path.
    /// </summary>
    public string? SourceRelativePath { get; init; }

    /// <summary>Gets the 1-based line of the problem when known (YAML and JSON syntax errors, YAML fields).</summary>
    public int? Line { get; init; }

    /// <summary>Gets the 1-based column of the problem when known (YAML syntax errors).</summary>
    public int? Column { get; init; }

    /// <summary>Gets where in the file the problem is when no line is known, for example <c>resources[2]</c>.</summary>
    public string? Location { get; init; }

    /// <summary>Gets the message.</summary>
    public required string Message { get; init; }

    /// <summary>Returns <c>file(line): message</c> (<c>file(line,column): message</c> when the column is known), naming the file by <see cref="SourceRelativePath"/> when known (no machine path), else by <see cref="File"/>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var file = SourceRelativePath ?? File;
        return Line is { } line ? (Column is { } column ? $"{file}({line},{column}): {Message}" : $"{file}({line}): {Message}") : Location is { } location ? $"{file} {location}: {Message}" : $"{file}: {Message}";
    }
}
