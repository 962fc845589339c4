using AttackMap.Export;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Export;

public sealed class MarkdownUnmappedSectionTests
{
    [Fact]
    public void ToMarkdown_UnmappedKeys_ListsThemByFamilyThenCountWithAnExample()
    {
        var spray = new UnmappedKey(LogFamily.EntraSignIn, "50057", new SignalOrigin("signins.json", 3));
        spray.Count = 2;
        var keys = new[]
        {
            new UnmappedKey(LogFamily.AzureActivity, "Microsoft.Web/sites/read|x", new SignalOrigin("activity.json", 7, line: 8)),
            new UnmappedKey(LogFamily.EntraSignIn, "50126", new SignalOrigin("signins.json", 0)),
            spray,
        };

        var markdown = new MarkdownCoverageReportExporter(new MarkdownCoverageReportOptions { UnmappedKeys = keys }).ToMarkdown(CoverageTestReports.Mixed());

        markdown.Split('\n').Should().ContainInOrder(
            "## Visible but unmapped",
            "| Family | Key | Records | Example |",
            "| Entra ID sign-ins | `50057` | 2 | signins.json#3 |",
            "| Entra ID sign-ins | `50126` | 1 | signins.json#0 |",
            "| Azure Activity log | `Microsoft.Web/sites/read\\|x` | 1 | activity.json#7 (line 8) |");
        markdown.IndexOf("## Visible but unmapped", StringComparison.Ordinal).Should().BeGreaterThan(markdown.IndexOf("## By tactic", StringComparison.Ordinal));
    }

    [Fact]
    public void ToMarkdown_NoUnmappedKeysGiven_HasNoSection()
    {
        new MarkdownCoverageReportExporter().ToMarkdown(CoverageTestReports.Mixed()).Should().NotContain("Visible but unmapped");
        new MarkdownCoverageReportExporter(new MarkdownCoverageReportOptions { UnmappedKeys = Array.Empty<UnmappedKey>() })
            .ToMarkdown(CoverageTestReports.Mixed()).Should().Contain("## Visible but unmapped\n\nEvery alert type");
    }
}
