namespace AttackMap.Tests.Support;

/// <summary>Locates the read-only reference data at <c>../shared/data</c> next to the repository.</summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>Gets the shared data directory, or null when it is not there.</summary>
    public static string? Directory => Root.Value;

    /// <summary>Gets the reason shared-data tests are skipped, or null when the data is present.</summary>
    public static string? SkipReason => Directory is null
        ? "../shared/data not found: these tests read the shared ATT&CK and reference tables, which live next to the repository, not in it."
        : null;

    /// <summary>Gets the repository root (the folder holding AttackMap.Core.sln), or null.</summary>
    public static string? RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AttackMap.Core.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName;
        }
    }

    /// <summary>Gets the full path of a file below the shared data directory.</summary>
    public static string PathOf(string relative) =>
        Path.Combine(Directory ?? throw new InvalidOperationException(SkipReason), relative);

    private static string? Find()
    {
        var root = RepositoryRoot;
        if (root is null)
        {
            return null;
        }

        // ../shared/data next to the repository; a git worktree one level deeper (wt/<name>) also finds it.
        foreach (var up in new[] { "..", Path.Combine("..", "..") })
        {
            var candidate = Path.GetFullPath(Path.Combine(root, up, "shared", "data"));
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
