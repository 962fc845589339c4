using System.IO.Compression;
using AttackMap.Ingestion;
using AttackMap.Signals;
using static AttackMap.Tests.Ingestion.IngestionTestHelper;

namespace AttackMap.Tests.Ingestion;

public sealed class LogReaderFixtureTests
{
    private static readonly DateTimeOffset SignInTime = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    [Fact]
    public void Read_DiagnosticJsonLines_ReadsSignInsAndRejectsOnlyTheBadLine()
    {
        var records = new LogReader().Read(Fixture("signin-diagnostic.jsonl")).ToList();

        records.Select(r => r.Outcome).Should().Equal(LogRecordOutcome.Signal, LogRecordOutcome.Rejected, LogRecordOutcome.Signal);
        var signIn = (EntraSignIn)records[0].Signal!;
        signIn.Kind.Should().Be(SignInKind.UserInteractive);
        signIn.Table.Should().Be("SigninLogs");
        signIn.ResultType.Should().Be("50126");
        signIn.UserPrincipalName.Should().Be("avery.quinn@contoso-lab.example");
        signIn.Principal!.ObjectId.Should().Be("00000000-0000-4000-8000-0000000000a1");
        signIn.IpAddress.Should().Be("203.0.113.7");
        signIn.Time!.Value.UtcDateTime.Should().BeCloseTo(SignInTime.UtcDateTime, TimeSpan.FromMilliseconds(200));
        signIn.RiskEventTypes.Should().Equal("unfamiliarFeatures", "anonymizedIPAddress");
        signIn.ResourceId.Should().Be("/tenants/00000000-0000-4000-8000-0000000000f1/providers/microsoft.aadiam");
        signIn.Location.Should().Be("NL");
        signIn.AutonomousSystemNumber.Should().Be("64500");

        var rejection = records[1].Rejection!;
        rejection.Kind.Should().Be(RejectionKind.Malformed);
        rejection.Origin.RecordIndex.Should().Be(1);
        rejection.Origin.Line.Should().Be(2);
        rejection.Origin.ByteOffset.Should().BeGreaterThan(1000);

        var managed = (EntraSignIn)records[2].Signal!;
        managed.Kind.Should().Be(SignInKind.ManagedIdentity);
        managed.Origin.Line.Should().Be(4);
        managed.Principal!.Kind.Should().Be(PrincipalKind.ManagedIdentity);
        managed.Principal.AppId.Should().Be("00000000-0000-4000-8000-0000000000b2");
        managed.IpAddress.Should().BeNull();
    }

    [Fact]
    public void Read_SameSignInInThreeShapes_ProducesEqualTypedModels()
    {
        var reader = new LogReader();
        var diagnostic = (EntraSignIn)reader.Read(Fixture("signin-diagnostic.jsonl")).First().Signal!;
        var graph = (EntraSignIn)reader.Read(Fixture("signin-graph.json")).Single().Signal!;
        var csv = (EntraSignIn)reader.Read(Fixture("signin-sentinel.csv")).Single().Signal!;

        foreach (var signIn in new[] { graph, csv })
        {
            signIn.ResultType.Should().Be(diagnostic.ResultType);
            signIn.UserPrincipalName.Should().Be(diagnostic.UserPrincipalName);
            signIn.IpAddress.Should().Be(diagnostic.IpAddress);
            signIn.AppId.Should().Be(diagnostic.AppId);
            signIn.AppDisplayName.Should().Be(diagnostic.AppDisplayName);
            signIn.Kind.Should().Be(diagnostic.Kind);
            signIn.Principal!.Key.Should().Be(diagnostic.Principal!.Key);
            signIn.RiskEventTypes.Should().Equal(diagnostic.RiskEventTypes);
            signIn.CorrelationId.Should().Be(diagnostic.CorrelationId);
            signIn.Time!.Value.UtcDateTime.Should().BeCloseTo(SignInTime.UtcDateTime, TimeSpan.FromMilliseconds(200));
        }

        graph.ResourceId.Should().BeNull("Graph resourceId is the resource application's GUID, not an ARM id");
        csv.TenantId.Should().Be("00000000-0000-4000-8000-0000000000f1", "AADTenantId, not the workspace TenantId column");
    }

    [Fact]
    public void Read_EventHubBodyWithMixedCategories_DispatchesPerRecordAndIgnoresResourceHealth()
    {
        var summary = new IngestionSummary();
        var records = new LogReader().Read(Fixture("eventhub-mixed.json")).ToList();
        records.ForEach(summary.Add);

        summary.Signals.Should().Be(3);
        summary.Ignored.Should().Be(1);
        summary.RecordsRead.Should().Be(4);
        summary.IgnoredReasons.Keys.Should().ContainSingle().Which.Should().Contain("ResourceHealth");

        var audit = (EntraAuditEvent)records[0].Signal!;
        audit.ActivityDisplayName.Should().Be("Add member to role");
        audit.Category.Should().Be("RoleManagement");
        audit.Principal!.Name.Should().Be("avery.quinn@contoso-lab.example");
        audit.IpAddress.Should().Be("198.51.100.20");
        audit.Targets.Should().ContainSingle().Which.Type.Should().Be("User");
        audit.GetFieldValue("modifiedProperties.Role.DisplayName.newValue").Should().Be("\"Global Administrator\"");
        audit.GetFieldValue("modifiedProperties.Role.DisplayName.oldValue").Should().BeNull();

        var activity = (AzureActivityEvent)records[1].Signal!;
        activity.OperationName.Should().Be("MICROSOFT.KEYVAULT/VAULTS/DELETE");
        activity.Status.Should().Be("Success");
        activity.SubStatus.Should().Be("OK");
        activity.ResourceId.Should().Be("/subscriptions/00000000-0000-4000-8000-0000000000f2/resourcegroups/rg-lab/providers/microsoft.keyvault/vaults/kv-lab");
        activity.SubscriptionId.Should().Be("00000000-0000-4000-8000-0000000000f2");
        activity.ResourceGroup.Should().Be("RG-LAB");
        activity.ResourceProvider.Should().Be("MICROSOFT.KEYVAULT");
        activity.Caller.Should().Be("avery.quinn@contoso-lab.example");
        activity.Principal!.ObjectId.Should().Be("00000000-0000-4000-8000-0000000000a1");
        activity.RequestBody.Should().Contain("\"force\": true");
        activity.Source.Should().Be(SignalSource.AzureActivityWrite);

        var risk = (EntraRiskDetection)records[2].Signal!;
        risk.RiskEventType.Should().Be("passwordSpray");
        risk.IpAddress.Should().BeNull("<Redacted> is a placeholder, not an error");
        risk.Time.Should().Be(new DateTimeOffset(2024, 5, 6, 8, 9, 30, 500, TimeSpan.Zero));
        risk.AdditionalInfo.Should().Contain("userAgent");
    }

    [Fact]
    public void Read_BareArrayOfAlertsInRestAndFlatForms_ReadsBoth()
    {
        var records = new LogReader().Read(Fixture("defender-array.json")).ToList();

        records.Should().HaveCount(2).And.OnlyContain(r => r.Outcome == LogRecordOutcome.Signal);
        var rest = (DefenderAlert)records[0].Signal!;
        rest.AlertType.Should().Be("KV_ListGetAnomaly");
        rest.SystemAlertId.Should().Be("2517000000000000000_00000000-0000-4000-8000-0000000000e1");
        rest.VendorTechniques.Should().Equal("T1555", "T1555.006");
        rest.ResourceId.Should().Be("/subscriptions/00000000-0000-4000-8000-0000000000f2/resourcegroups/rg-lab/providers/microsoft.keyvault/vaults/kv-lab");
        rest.ExtendedProperties["Client IP address"].Should().Be("203.0.113.9");
        rest.Origin.Line.Should().Be(2);

        var flat = (DefenderAlert)records[1].Signal!;
        flat.AlertType.Should().Be("VM_EICAR");
        flat.Severity.Should().Be("Low");
        flat.ExtendedProperties["PID"].Should().Be("944");
        flat.EntitiesJson.Should().Contain("vm-lab");
        flat.StartTime.Should().Be(new DateTimeOffset(2024, 5, 6, 8, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Read_GzipOfJsonLines_DetectsInnerShape()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var bytes = File.ReadAllBytes(Fixture("signin-diagnostic.jsonl"));
            gzip.Write(bytes, 0, bytes.Length);
        }

        var records = ReadBytes(compressed.ToArray());

        records.Count(r => r.Outcome == LogRecordOutcome.Signal).Should().Be(2);
        ((EntraSignIn)records[0].Signal!).ResultType.Should().Be("50126");
    }

    [Fact]
    public void Read_CsvWithoutKnownTableColumns_IsUnsupportedShape()
    {
        var record = new LogReader().Read(Fixture("unknown-table.csv")).Single();

        record.Rejection!.Kind.Should().Be(RejectionKind.UnsupportedShape);
        record.Rejection.Reason.Should().Contain("Computer, EventID, Account");
    }

    [Fact]
    public void ReadAll_Folder_ExpandsInOrdinalOrderAndReconciles()
    {
        var folder = Path.GetDirectoryName(Fixture("x"))!;
        var files = LogReader.ExpandPaths(new[] { folder });
        files.Select(Path.GetFileName).Should().Equal(
            "defender-array.json", "eventhub-mixed.json", "signin-diagnostic.jsonl", "signin-graph.json", "signin-offsets.csv", "signin-sentinel.csv", "unknown-table.csv");

        var summary = new IngestionSummary();
        foreach (var record in new LogReader().ReadAll(new[] { folder }))
        {
            summary.Add(record);
        }

        summary.Files.Should().HaveCount(7);
        summary.RecordsRead.Should().Be(summary.Signals + summary.Ignored + summary.Rejected);
        summary.Signals.Should().Be(11);
        summary.Ignored.Should().Be(1);
        summary.Rejected.Should().Be(3);
        summary.SignalsByFamily[LogFamily.EntraSignIn].Should().Be(6);
    }

    [Fact]
    public async Task ReadAsync_Stream_YieldsSameRecordsAsSync()
    {
        using var stream = File.OpenRead(Fixture("eventhub-mixed.json"));
        var outcomes = new List<LogRecordOutcome>();
        await foreach (var record in new LogReader().ReadAsync(stream, "mixed"))
        {
            outcomes.Add(record.Outcome);
        }

        outcomes.Should().Equal(LogRecordOutcome.Signal, LogRecordOutcome.Signal, LogRecordOutcome.Signal, LogRecordOutcome.Ignored);
    }
}
