using System.Text.Json;
using AttackMap.Cli;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Cli;

public sealed class CorrelateCommandTests
{
    [Fact]
    public void Correlate_BundledSamples_FindsTheSprayAndTheChangesAfterTheRiskySignIn()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = CliApplication.Run(new[] { "correlate", BundledSamples.Folder }, stdout, stderr);

        code.Should().Be(0, stderr.ToString());
        var findings = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var spray = findings.Single(f => f.GetProperty("rule").GetString() == "correlation.password-spraying");
        spray.GetProperty("key").GetString().Should().Be("203.0.113.45");
        spray.GetProperty("techniques").EnumerateArray().Select(t => t.GetString()).Should().Equal("T1110.003");
        spray.GetProperty("records").GetArrayLength().Should().Be(7);

        var logs = findings.Single(f => f.GetProperty("rule").GetString() == "correlation.cloud-logs-impaired-after-risky-sign-in");
        logs.GetProperty("families").EnumerateArray().Select(t => t.GetString()).Should().Contain(new[] { "EntraSignIn", "AzureActivity" });
        logs.GetProperty("records").EnumerateArray()
            .Should().Contain(r => r.GetProperty("file").GetString()!.EndsWith("diagnostic-activity.jsonl", StringComparison.Ordinal) && r.GetProperty("index").GetInt32() == 10);
        stderr.ToString().Should().Contain("findings (");
    }

    [Fact]
    public void Correlate_Table_PrintsOneLinePerFindingAndItsRecords()
    {
        var stdout = new StringWriter();

        var code = CliApplication.Run(new[] { "correlate", BundledSamples.Folder, "--format", "table" }, stdout, new StringWriter());

        code.Should().Be(0);
        stdout.ToString().Should().Contain("correlation.firewall-opened-after-risky-sign-in [T1686.001] DirectDetection on Principal")
            .And.Contain("nsg-opened");
    }

    [Fact]
    public void Correlate_Table_ContextOnlyFindingShowsDashAndSignInKeyShowsResult()
    {
        var stdout = new StringWriter();

        var code = CliApplication.Run(new[] { "correlate", BundledSamples.Folder, "--format", "table" }, stdout, new StringWriter());

        code.Should().Be(0);
        var text = stdout.ToString();
        text.Should().Contain("correlation.defender-alert-with-resource-write [-] CorrelationContext on ResourceRoot ")
            .And.NotContain("[] ");
        text.Should().MatchRegex(@"\n    risky-sign-in\s+SigninLogs\s+result 0\s+diagnostic-signinlogs\.jsonl#9\n");
        text.Should().MatchRegex(@"\n    failed-password\s+SigninLogs\s+result 50126\s+diagnostic-signinlogs\.jsonl#1\n");
    }

    [Fact]
    public void Correlate_Table_FileColumnIsAlignedWithinEachFinding()
    {
        var stdout = new StringWriter();

        CliApplication.Run(new[] { "correlate", BundledSamples.Folder, "--format", "table" }, stdout, new StringWriter()).Should().Be(0);

        var findings = stdout.ToString().Split("\ncorrelation.").Select(block => block.Split('\n').Where(l => l.StartsWith("    ", StringComparison.Ordinal)).ToArray()).ToArray();
        findings.Should().Contain(lines => lines.Any(l => l.Contains("Update application – Certificates and secrets management", StringComparison.Ordinal) || l.Contains('…')));
        foreach (var lines in findings.Where(l => l.Length > 0))
        {
            lines.Select(l => l.LastIndexOf(' ')).Distinct().Should().ContainSingle("the file column starts at one place in every record line: {0}", lines[0]);
        }
    }

    [Fact]
    public void RecordKey_SignInAndActivity_PrefixesOnlyTheSignInResultCode()
    {
        var origin = new AttackMap.Signals.SignalOrigin("a.jsonl", 3);
        var time = new DateTimeOffset(2026, 11, 20, 8, 47, 15, TimeSpan.Zero);

        AttackMap.Cli.Output.FindingTableWriter.RecordKey(new AttackMap.Correlation.FindingRecord(origin, AttackMap.Signals.LogFamily.EntraSignIn, "SigninLogs", time, "0", "risky-sign-in"))
            .Should().Be("result 0");
        AttackMap.Cli.Output.FindingTableWriter.RecordKey(new AttackMap.Correlation.FindingRecord(origin, AttackMap.Signals.LogFamily.AzureActivity, "AzureActivity", time, "MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/DELETE", "change"))
            .Should().Be("MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/DELETE");
    }
}
