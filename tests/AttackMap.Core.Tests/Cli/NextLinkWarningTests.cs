using System.Text.Json;
using AttackMap.Cli;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Cli;

/// <summary>A file that is one page of a longer server list gets a warning on stderr and a nextLink in the JSON summary.</summary>
public sealed class NextLinkWarningTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "NextLink");
    private readonly string _temp = Directory.CreateTempSubdirectory("attackmap-cli-nextlink-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("classify")]
    [InlineData("coverage")]
    [InlineData("correlate")]
    public void Command_PageWithNextLink_WarnsOnStderrForThatFileOnly(string command)
    {
        var graph = Path.Combine(Fixtures, "nextlink-graph-after.json");
        var empty = Path.Combine(Fixtures, "nextlink-null.json");
        var stderr = new StringWriter();

        var code = CliApplication.Run(new[] { command, graph, empty }, new StringWriter(), stderr);

        code.Should().Be(0, stderr.ToString());
        var warnings = stderr.ToString().Split('\n').Where(l => l.Contains("next link", StringComparison.Ordinal)).ToList();
        warnings.Should().ContainSingle().Which.Trim().Should().Be(
            $"WARNING: {graph}: the page has a next link (@odata.nextLink / nextLink): more records exist on the server; fetch the next pages and pass them as files. Next: https://graph.microsoft.com/v1.0/auditLogs/signIns?$top=2&$skiptoken=page2&x=1");
    }

    [Fact]
    public void Classify_SummaryJson_CarriesTheNextLinkPerFile()
    {
        var graph = Path.Combine(Fixtures, "nextlink-graph-after.json");
        var arm = Path.Combine(Fixtures, "nextlink-arm-before.json");
        var empty = Path.Combine(Fixtures, "nextlink-null.json");
        var path = Path.Combine(_temp, "summary.json");

        var code = CliApplication.Run(new[] { "classify", graph, arm, empty, "--summary-json", path }, new StringWriter(), new StringWriter());

        code.Should().Be(0);
        using var summary = JsonDocument.Parse(File.ReadAllText(path));
        var perFile = summary.RootElement.GetProperty("perFile").EnumerateArray()
            .ToDictionary(f => Path.GetFileName(f.GetProperty("file").GetString()!), f => f.TryGetProperty("nextLink", out var l) ? l.GetString() : null);
        perFile.Should().Equal(new Dictionary<string, string?>
        {
            ["nextlink-graph-after.json"] = "https://graph.microsoft.com/v1.0/auditLogs/signIns?$top=2&$skiptoken=page2&x=1",
            ["nextlink-arm-before.json"] = "https://management.azure.com/subscriptions/00000000-0000-4000-8000-0000000000e1/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01&$skiptoken=page2",
            ["nextlink-null.json"] = null,
        });
    }

    [Fact]
    public void Classify_BundledSamples_HaveNoNextLinkWarning()
    {
        var stderr = new StringWriter();

        CliApplication.Run(new[] { "classify", BundledSamples.Folder }, new StringWriter(), stderr).Should().Be(0);

        stderr.ToString().Should().NotContain("next link");
    }
}
