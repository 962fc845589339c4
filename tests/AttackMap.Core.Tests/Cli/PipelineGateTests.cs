using AttackMap.Cli;

namespace AttackMap.Tests.Cli;

/// <summary>Options a scheduled pipeline gates on: <c>--fail-on-rejected</c> and <c>rules stale --fail-if-due</c>.</summary>
public sealed class PipelineGateTests : IDisposable
{
    private const string Good = """{"time":"2026-11-20T10:03:00Z","category":"Administrative","operationName":"MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE","resultType":"Success","resourceId":"/subscriptions/00000000-0000-4000-8000-000000000001/providers/Microsoft.Authorization/roleAssignments/a1","callerIpAddress":"203.0.113.7","identity":{"claims":{"http://schemas.microsoft.com/identity/claims/objectidentifier":"00000000-0000-4000-8000-0000000000b1"}}}""";

    private readonly string _temp = Directory.CreateTempSubdirectory("attackmap-gates-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("classify")]
    [InlineData("correlate")]
    [InlineData("coverage")]
    public void FailOnRejected_RejectedRecord_ReadsEverythingThenExitsOne(string verb)
    {
        var logs = Write("activity.jsonl", Good + "\n{\"time\": oops}\n" + Good + "\n");
        var summary = Path.Combine(_temp, "summary.json");

        var (code, stdout, stderr) = Run(verb, logs, "--fail-on-rejected", "--summary-json", summary);

        code.Should().Be(1, stderr);
        stderr.Should().Contain("read 3 records").And.Contain("rejected 1")
            .And.Contain("--fail-on-rejected: 1 record was rejected (listed above).");
        File.Exists(summary).Should().BeTrue("the outputs are written before the gate fails the run");
        if (verb == "classify")
        {
            stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2, "both good records were classified");
        }

        Run(verb, logs, "--summary-json", summary).Code.Should().Be(0, "without the option a rejected record is reported, not a failure");
    }

    [Fact]
    public void FailOnRejected_WithAFailingCoverageGate_ReportsTheGateFirst()
    {
        var logs = Write("activity.jsonl", Good + "\n{\"time\": oops}\n");

        var (code, _, stderr) = Run("coverage", logs, "--fail-on-rejected", "--fail-on", "T1562.008:Direct");

        code.Should().Be(1);
        stderr.Should().Contain("T1562.008 Disable or Modify Cloud Logs: revoked in ATT&CK v19.2").And.NotContain("--fail-on-rejected:");
    }

    [Fact]
    public void EmptyOutputPath_IsAUsageErrorNamingTheOption()
    {
        var (code, _, stderr) = Run("coverage", "--layer", "");

        code.Should().Be(2);
        stderr.Should().Contain("--layer needs a file name for the Navigator layer.");
    }

    [Fact]
    public void FailOnRejected_CleanInput_ExitsZero()
    {
        var logs = Write("activity.jsonl", Good + "\n");

        Run("classify", logs, "--fail-on-rejected").Code.Should().Be(0);
    }

    [Fact]
    public void RulesStale_FailIfDue_ExitsOneOnlyWhenARuleIsDue()
    {
        var pack = Write("pack.json", """
            { "id": "lab.review", "version": "0.1.0", "attackVersion": "19.2",
              "rules": [ { "id": "r.one", "family": "AzureActivity", "match": { "values": ["Contoso.Lab/widgets/delete"] },
                "techniques": ["T1485"], "rationale": "Deleting widgets destroys data.", "lastReviewed": "2026-06-01" } ] }
            """);

        Run("rules", "stale", pack, "--as-of", "2026-10-01", "--fail-if-due").Code.Should().Be(0, "122 days is within 180");
        var (code, stdout, _) = Run("rules", "stale", pack, "--as-of", "2026-12-31", "--fail-if-due");
        code.Should().Be(1);
        stdout.Should().Contain("r.one\tAzureActivity\t2026-06-01\t213 days");
        Run("rules", "stale", pack, "--as-of", "2026-12-31").Code.Should().Be(0, "listing alone does not fail");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApplication.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
