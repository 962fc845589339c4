namespace AttackMap.Sentinel;

/// <summary>A rule file the importer cannot read; turned into a <see cref="SentinelImportError"/>.</summary>
internal sealed class SentinelFormatException : Exception
{
    public SentinelFormatException(string message, int? line = null, string? location = null, int? column = null)
        : base(message)
    {
        Column = column;
        Line = line;
        Location = location;
    }

    public int? Line { get; }

    public int? Column { get; }

    public string? Location { get; }

    /// <summary>Gets or sets a value indicating whether the file is well-formed JSON that holds no analytics rule at all (a workbook, a playbook).</summary>
    public bool HoldsNoRule { get; init; }
}
