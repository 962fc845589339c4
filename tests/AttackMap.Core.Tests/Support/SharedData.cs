namespace AttackMap.Tests.Support;

/// <summary>Locates <c>../shared/data</c> relative to the folder that holds <c>AttackMap.Core.sln</c>.</summary>
public static class SharedData
{
    public static string? Root { get; } = Find();

    public static string Path(string relative) => System.IO.Path.Combine(Root ?? throw new InvalidOperationException("shared data not found"), relative);

    private static string? Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "AttackMap.Core.sln")))
        {
            directory = directory.Parent;
        }

        // ../shared/data next to the repository; worktrees one level deeper find it further up.
        for (var parent = directory?.Parent; parent is not null; parent = parent.Parent)
        {
            var data = System.IO.Path.Combine(parent.FullName, "shared", "data");
            if (Directory.Exists(data))
            {
                return data;
            }
        }

        return null;
    }
}
