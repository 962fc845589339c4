namespace AttackMap.Tests.Support;

/// <summary>
/// Locates the read-only reference data: <c>../shared/data</c> next to the folder holding AttackMap.Core.sln, or the
/// folder named by the <c>ATTACKMAP_SHARED_DATA</c> environment variable (for worktrees that sit elsewhere).
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(Locate);

    /// <summary>Gets the shared data folder, or null when absent.</summary>
    public static string? Directory => Root.Value;

    /// <summary>Gets the reason shared-data tests are skipped, or null when the data is there.</summary>
    public static string? SkipReason => Directory is null
        ? "../shared/data not found next to the folder holding AttackMap.Core.sln (set ATTACKMAP_SHARED_DATA to point elsewhere)."
        : null;

    /// <summary>Returns the full path of a file below the shared data folder.</summary>
    /// <param name="relativePath">For example <c>attack/techniques.tsv</c>.</param>
    /// <returns>The path.</returns>
    public static string PathOf(string relativePath) =>
        Path.Combine(Directory ?? throw new InvalidOperationException(SkipReason), relativePath);

    /// <summary>Gets the folder holding AttackMap.Core.sln.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AttackMap.Core.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string? Locate()
    {
        if (RepositoryRoot() is { } root && System.IO.Directory.Exists(Path.Combine(root, "..", "shared", "data")))
        {
            return Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("ATTACKMAP_SHARED_DATA");
        return !string.IsNullOrWhiteSpace(fromEnvironment) && System.IO.Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
    }
}
