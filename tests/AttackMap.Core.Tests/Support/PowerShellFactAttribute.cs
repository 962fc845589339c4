namespace AttackMap.Tests.Support;

/// <summary>
/// A fact that needs the pinned PowerShell dotnet tool (<c>dotnet tool restore</c>) and the Pester module
/// (restored by this project's PackageDownload); skipped with the reason when either is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PowerShellFactAttribute : FactAttribute
{
    private const string PowerShellVersion = "7.6.10";
    private const string PesterVersion = "5.7.1";

    /// <summary>Initializes the attribute, setting the skip reason when PowerShell or Pester is not restored.</summary>
    public PowerShellFactAttribute()
    {
        if (!Directory.Exists(Path.Combine(PackagesFolder, "powershell", PowerShellVersion)))
        {
            Skip = $"PowerShell {PowerShellVersion} is not restored: run 'dotnet tool restore' in the repository root.";
        }
        else if (!File.Exists(PesterModule))
        {
            Skip = $"Pester {PesterVersion} is not restored: run 'dotnet restore' for the test project.";
        }
    }

    /// <summary>Gets the path of the Pester module manifest in the NuGet packages folder.</summary>
    public static string PesterModule => Path.Combine(PackagesFolder, "pester", PesterVersion, "tools", "Pester.psd1");

    private static string PackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
