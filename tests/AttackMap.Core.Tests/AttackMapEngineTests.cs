using AttackMap.Coverage;
using AttackMap.Ingestion;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests;

public sealed class AttackMapEngineTests
{
    private static readonly AttackMapEngine Engine = new();

    [Fact]
    public void Constructor_Default_UsesEmbeddedV192AndBuiltInPackWithoutWarnings()
    {
        Engine.Catalog.Version.Should().Be("19.2");
        Engine.Rules.Rules.Count.Should().BeGreaterThanOrEqualTo(60);
        Engine.Rules.Rules.Select(r => r.Family).Distinct().Should().HaveCount(5, "the built-in pack covers all five families");
        Engine.Rules.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void ClassifyFiles_BundledSamples_CountsReconcileAndNothingIsRejected()
    {
        var summary = new ClassificationSummary();

        var records = Engine.ClassifyFiles(new[] { BundledSamples.Folder }, summary).ToList();

        records.Should().HaveCount(summary.RecordsRead);
        summary.IsReconciled.Should().BeTrue();
        summary.Rejected.Should().Be(0);
        summary.Ingestion.Files.Should().HaveCount(14);
        summary.Mapped.Should().BeGreaterThan(summary.Unmapped, "the samples tell an attack story with a few routine records");
        summary.Ignored.Should().Be(1, "the continuous export carries one assessment record");
        summary.Ingestion.SignalsByFamily.Keys.Should().BeEquivalentTo(Enum.GetValues<LogFamily>());
    }

    [Theory]
    [InlineData("azure-activity/diagnostic-activity.jsonl", 10, "T1685.002", EvidenceKind.CorrelationContext, "activity.diagnostic-setting-delete")]
    [InlineData("azure-activity/diagnostic-activity.jsonl", 9, "T1651", EvidenceKind.CorrelationContext, "activity.vm-run-command")]
    [InlineData("azure-activity/sentinel-azureactivity.csv", 1, "T1685.002", EvidenceKind.CorrelationContext, "activity.diagnostic-setting-delete")]
    [InlineData("defender-alerts/arm-security-alerts.json", 1, "T1098.003", EvidenceKind.DirectDetection, "defender.arm-role-assignment")]
    public void ClassifyFile_KnownRecord_MapsToTechniqueWithKindAndRule(string file, int index, string technique, EvidenceKind kind, string rule)
    {
        var record = Engine.ClassifyFile(BundledSamples.PathOf(file)).Single(r => r.Origin.RecordIndex == index);

        record.Evidence.Should().ContainSingle(e => e.Rule.Id == rule)
            .Which.Should().Match<Evidence>(e => e.Technique.Id == technique && e.Kind == kind && e.Rationale.Length > 20);
    }

    [Fact]
    public void ClassifyFile_NsgRuleOpeningRdpToInternet_IsDirectAndTheHttpsRuleIsOnlyContext()
    {
        var records = Engine.ClassifyFile(BundledSamples.PathOf("azure-activity/diagnostic-activity.jsonl"));

        records[8].Evidence.Select(e => (e.Rule.Id, e.Kind)).Should().Contain(("activity.nsg-rule-open-management-port", EvidenceKind.DirectDetection));
        records[2].Evidence.Should().OnlyContain(e => e.Kind == EvidenceKind.CorrelationContext, "an NSG rule opening 443 to 10.0.0.0/8 is routine");
    }

    [Fact]
    public void Classify_EvidenceTactics_CannotBeChangedByACaller()
    {
        var signal = new AzureActivityEvent(new SignalOrigin("t", 0), "Microsoft.Authorization/roleAssignments/write");

        var tactics = Engine.Classify(signal)[0].Tactics;

        tactics.Should().NotBeAssignableTo<string[]>("evidence of one rule shares its tactic list");
        ((ICollection<string>)tactics).IsReadOnly.Should().BeTrue();
    }

    [Fact]
    public void ClassificationSummary_ManyRejections_KeepsTheFirstAndCountsAll()
    {
        var summary = new ClassificationSummary();
        summary.Ingestion.MaxRejectionsKept = 3;
        var broken = string.Join("\n", Enumerable.Repeat("{\"time\": oops}", 10));

        foreach (var record in Engine.ClassifyStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(broken)), "broken.jsonl", summary))
        {
            record.IsRejected.Should().BeTrue();
        }

        summary.Rejected.Should().Be(10);
        summary.Ingestion.Rejections.Select(r => r.Origin.RecordIndex).Should().Equal(0, 1, 2);
        summary.IsReconciled.Should().BeTrue();
    }

    [Fact]
    public void ClassifyJson_RoutineRead_IsUnmappedAndCounted()
    {
        const string json = """{"time":"2026-11-20T10:03:00Z","resourceId":"/SUBSCRIPTIONS/00000000-0000-4000-8000-00000000C0DE/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/VM1","operationName":"MICROSOFT.COMPUTE/VIRTUALMACHINES/READ","category":"Administrative","resultType":"Success"}""";

        var record = Engine.ClassifyJson(json).Should().ContainSingle().Subject;

        record.IsUnmapped.Should().BeTrue();
        record.Signal.Should().BeOfType<AzureActivityEvent>().Which.OperationName.Should().Be("MICROSOFT.COMPUTE/VIRTUALMACHINES/READ");
        record.Record.IsSignal.Should().BeTrue();
        record.Record.IsRejected.Should().BeFalse();
        record.Rejection.Should().BeNull();
    }

    [Fact]
    public void ClassifyJson_Malformed_IsRejectedWithLocation()
    {
        var record = Engine.ClassifyJson("{\"time\": \"2026-11-20T10:03:00Z\", \"operationName\": ", "broken.json").Should().ContainSingle().Subject;

        record.IsRejected.Should().BeTrue();
        record.Record.IsRejected.Should().BeTrue();
        record.Record.IsSignal.Should().BeFalse();

        if (record.IsRejected)
        {
            // IsRejected tells the nullable analysis that Rejection is set: this compiles without '!' (warnings are errors).
            record.Rejection.Origin.File.Should().Be("broken.json");
            record.Rejection.Reason.Should().NotBeNullOrWhiteSpace();
            record.Rejection.Should().BeSameAs(record.Record.Rejection);
        }
    }

    [Fact]
    public async Task ClassifyFilesAsync_BundledSamples_YieldsTheSameRecordsAsTheSyncCall()
    {
        var sync = Engine.ClassifyFiles(new[] { BundledSamples.Folder }).Select(r => (r.Origin.File, r.Origin.RecordIndex, r.Evidence.Count)).ToList();
        var async = new List<(string, long, int)>();

        await foreach (var record in Engine.ClassifyFilesAsync(new[] { BundledSamples.Folder }))
        {
            async.Add((record.Origin.File, record.Origin.RecordIndex, record.Evidence.Count));
        }

        async.Should().Equal(sync);
    }

    [Fact]
    public void CalculateCoverage_SignInsDisabled_SignInOnlyTechniqueNeedsLoggingAndNamesTheTable()
    {
        var all = Engine.CalculateCoverage();
        var withoutSignIns = Engine.CalculateCoverage(LogSourceInventory.AllEnabled.Without(LogFamily.EntraSignIn, LogFamily.EntraRiskDetection, LogFamily.DefenderForCloud));

        all.GetCoverage("T1110.003").Status.Should().Be(CoverageStatus.Direct);
        var spray = withoutSignIns.GetCoverage("T1110.003");
        spray.Status.Should().Be(CoverageStatus.NeedsLogging);
        spray.Reason.Should().Contain("SigninLogs");
    }

    [Fact]
    public void CalculateCoverage_SignInsEnabledButTheirRulesRemoved_SignInOnlyTechniqueNeedsRule()
    {
        var withoutSignInRules = new AttackMapBuilder().WithoutBuiltInRules()
            .AddRulePack(new RulePack("no-sign-ins", "1.0.0", RulePack.BuiltIn.Rules.Where(r => r.Family is not (LogFamily.EntraSignIn or LogFamily.EntraRiskDetection or LogFamily.DefenderForCloud)).ToArray()))
            .Build();

        var spray = withoutSignInRules.CalculateCoverage().GetCoverage("T1110.003");

        spray.Status.Should().Be(CoverageStatus.NeedsRule);
        spray.Rules.Should().BeEmpty();
    }

    [Fact]
    public void ToNavigatorLayer_DefaultCoverage_IsAValidLayer45AndDeterministic()
    {
        var report = Engine.CalculateCoverage();

        var first = Engine.ToNavigatorLayer(report);
        var second = Engine.ToNavigatorLayer(Engine.CalculateCoverage());

        first.Should().Be(second);
        using var layer = System.Text.Json.JsonDocument.Parse(first);
        Export.NavigatorLayerExporterTests.AssertValidLayer(layer.RootElement, Engine.Catalog);
    }
}
