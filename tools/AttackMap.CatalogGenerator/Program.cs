using AttackMap.CatalogGenerator;

// Usage: dotnet run --project tools/AttackMap.CatalogGenerator -c Release -- [dataDirectory] [outputDirectory]
// Defaults (relative to the folder holding AttackMap.Core.sln): ../shared/data/attack and src/AttackMap.Core/Attack/Catalogs.
var root = FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? FindRepositoryRoot(AppContext.BaseDirectory);
if (args.Length < 2 && root is null)
{
    Console.Error.WriteLine("Cannot find AttackMap.Core.sln above the current folder; pass both the data and the output folder.");
    return 2;
}

var dataDirectory = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine(root!, "..", "shared", "data", "attack"));
var outputDirectory = Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine(root!, "src", "AttackMap.Core", "Attack", "Catalogs"));
if (!Directory.Exists(dataDirectory))
{
    Console.Error.WriteLine($"Data folder not found: {dataDirectory}");
    return 2;
}

foreach (var (path, content) in CatalogGenerator.GenerateAll(dataDirectory, outputDirectory))
{
    Console.WriteLine($"{path} ({content.Length:N0} chars)");
}

return 0;

static string? FindRepositoryRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "AttackMap.Core.sln")))
        {
            return dir.FullName;
        }
    }

    return null;
}
