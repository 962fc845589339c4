using System.Diagnostics;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.PowerShell;

/// <summary>Loads the built library into real PowerShell 7 (the pinned dotnet tool) and runs the Pester smoke test.</summary>
public sealed class PowerShellSmokeTests
{
    [PowerShellFact]
    public void AddType_ClassifiesRecordAndComputesCoverage_PesterPasses()
    {
        var root = SharedData.RepositoryRoot() ?? throw new InvalidOperationException("AttackMap.Core.sln not found.");
        var script = Path.Combine(root, "tests", "AttackMap.Core.Tests", "PowerShell", "AttackMap.Tests.ps1");
        var command =
            "$PSStyle.OutputRendering = 'PlainText'; " +
            $"Import-Module '{PowerShellFactAttribute.PesterModule}'; " +
            "$c = New-PesterConfiguration; " +
            $"$c.Run.Path = '{script}'; $c.Run.Exit = $true; $c.Output.Verbosity = 'Detailed'; " +
            "Invoke-Pester -Configuration $c";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", command })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ATTACKMAP_CORE_DLL"] = Path.Combine(AppContext.BaseDirectory, "AttackMap.Core.dll");

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        var output = stdout + stderr.Result;
        process.ExitCode.Should().Be(0, output);
        output.Should().Contain("Tests Passed: 3, Failed: 0");
    }
}
