namespace AttackMap.Tests.Support;

/// <summary>
/// A fact that runs <c>tests/kql/list-tables.js</c> (Microsoft's Kusto language service under node) against the shared
/// data; skipped with the reason when the shared data, the installed npm packages or node are missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class KustoLanguageServiceFactAttribute : FactAttribute
{
    /// <summary>Initializes the attribute, setting the skip reason when something the check needs is missing.</summary>
    public KustoLanguageServiceFactAttribute()
    {
        if (SharedData.SkipReason is { } reason)
        {
            Skip = reason;
        }
        else if (KqlFolder is not { } folder || !Directory.Exists(Path.Combine(folder, "node_modules", "@kusto", "language-service-next")))
        {
            Skip = "tests/kql/node_modules is missing: run 'npm ci' in tests/kql (.ci/run does).";
        }
        else if (NodeExecutable is null)
        {
            Skip = "node is not on PATH.";
        }
    }

    /// <summary>Gets the tests/kql folder of the repository, or null when the repository root is not found.</summary>
    public static string? KqlFolder => SharedData.RepositoryRoot() is { } root ? Path.Combine(root, "tests", "kql") : null;

    /// <summary>Gets the full path of node on PATH, or null.</summary>
    public static string? NodeExecutable =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator)
            .Where(d => d.Length > 0)
            .Select(d => Path.Combine(d, OperatingSystem.IsWindows() ? "node.exe" : "node"))
            .FirstOrDefault(File.Exists);
}
