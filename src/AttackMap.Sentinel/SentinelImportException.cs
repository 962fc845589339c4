namespace AttackMap.Sentinel;

/// <summary>
/// Thrown when Microsoft Sentinel analytics rules added with
/// <see cref="SentinelAttackMapBuilderExtensions.AddSentinelRules(AttackMapBuilder, string)"/> could not all be imported;
/// the message lists every error with its file and line (<see cref="SentinelImportError.ToString"/>).
/// </summary>
public sealed class SentinelImportException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The folder or file that was imported.</param>
    /// <param name="result">The import result; its <see cref="SentinelImportResult.Errors"/> must not be empty.</param>
    public SentinelImportException(string path, SentinelImportResult result)
        : base(FormatMessage(path ?? throw new ArgumentNullException(nameof(path)), result ?? throw new ArgumentNullException(nameof(result))))
    {
        Path = path;
        Result = result;
    }

    /// <summary>Gets the folder or file that was imported.</summary>
    public string Path { get; }

    /// <summary>Gets the import result: the rules that were imported and every error.</summary>
    public SentinelImportResult Result { get; }

    /// <summary>Gets the errors (the same as <see cref="SentinelImportResult.Errors"/> of <see cref="Result"/>).</summary>
    public IReadOnlyList<SentinelImportError> Errors => Result.Errors;

    private static string FormatMessage(string path, SentinelImportResult result)
    {
        var count = result.Errors.Count;
        var header = $"{count} Microsoft Sentinel analytics rule import error{(count == 1 ? string.Empty : "s")} in '{path}' ({result.Rules.Count} rules imported):";
        return header + Environment.NewLine + string.Join(Environment.NewLine, result.Errors.Select(e => "  " + e));
    }
}
