using AttackMap.Ingestion;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Ingestion;

/// <summary>Reads every published sample under ../shared/data/samples and checks counts and specific values.</summary>
public sealed class LogReaderSharedDataTests
{
    // file -> (signals, ignored, rejected). Only the files published as malformed reject.
    private static readonly Dictionary<string, (int Signals, int Ignored, int Rejected)> Expected = new(StringComparer.Ordinal)
    {
        ["azure-activity/arm-administrative-event-docs.json"] = (1, 0, 0),
        ["azure-activity/arm-events-list-filtered-2015-04-01-example.json"] = (1, 0, 0),
        ["azure-activity/arm-policy-event-docs-malformed.json"] = (0, 0, 1),
        ["azure-activity/arm-security-category-event-docs.json"] = (1, 0, 0),
        ["azure-activity/diagnostic-eventhub-administrative-otel.json"] = (1, 0, 0),
        ["azure-activity/diagnostic-eventhub-records-docs.json"] = (1, 0, 0),
        ["azure-activity/diagnostic-jsonl-listkeys-and-bodies-elastic.jsonl"] = (1, 2, 0),
        ["azure-activity/diagnostic-jsonl-mixed-categories-edgecases-elastic.jsonl"] = (2, 1, 0),
        ["azure-activity/sentinel-azureactivity-adele.csv"] = (23, 0, 0),
        ["defender-alerts/arm-activitylog-security-alert-k8s-docs.json"] = (1, 0, 0),
        ["defender-alerts/arm-alerts-list-subscription-2022-01-01-example.json"] = (2, 0, 0),
        ["defender-alerts/export-eventhub-continuous-export-mixed-elastic.jsonl"] = (1, 4, 0),
        ["defender-alerts/export-workflow-eventhub-alert-docs-malformed.json"] = (0, 0, 1),
        ["defender-alerts/sentinel-securityalert-msticpy-alertlist.csv"] = (153, 36, 0),
        ["entra-audit/diagnostic-auditlogs-legacy-preview-password-change-docs.json"] = (1, 0, 0),
        ["entra-audit/diagnostic-auditlogs-legacy-preview-update-sp-docs.json"] = (1, 0, 0),
        ["entra-audit/diagnostic-auditlogs-records-update-policy-docs.json"] = (1, 0, 0),
        ["entra-audit/diagnostic-jsonl-auditlogs-elastic.jsonl"] = (3, 0, 0),
        ["entra-audit/graph-v1-directoryaudits-filter-initiatedby-docs.json"] = (1, 0, 0),
        ["entra-audit/graph-v1-directoryaudits-list-docs.json"] = (1, 0, 0),
        ["entra-audit/sentinel-auditlogs-hunting-query.csv"] = (5, 0, 0),
        ["entra-risk/diagnostic-jsonl-riskyusers-elastic.jsonl"] = (2, 0, 0),
        ["entra-risk/diagnostic-jsonl-userriskevents-elastic.jsonl"] = (2, 0, 0),
        ["entra-risk/graph-v1-riskdetections-list-docs.json"] = (1, 0, 0),
        ["entra-signins/diagnostic-jsonl-managedidentity-first10lines-elastic.jsonl"] = (10, 0, 0),
        ["entra-signins/diagnostic-jsonl-noninteractive-elastic.jsonl"] = (1, 0, 0),
        ["entra-signins/diagnostic-jsonl-serviceprincipal-7000222-elastic.jsonl"] = (1, 0, 0),
        ["entra-signins/diagnostic-jsonl-serviceprincipal-sample-elastic.jsonl"] = (7, 0, 0),
        ["entra-signins/diagnostic-jsonl-time-format-corner-cases-elastic-synthetic.jsonl"] = (11, 0, 0),
        ["entra-signins/diagnostic-signinlogs-record-docs.json"] = (1, 0, 0),
        ["entra-signins/graph-beta-signins-list-failed-50126-docs-duplicate-keys.json"] = (1, 0, 0),
        ["entra-signins/graph-v1-signins-list-docs-trailing-comma.json"] = (1, 0, 0),
        ["entra-signins/sentinel-signinlogs-adele.csv"] = (56, 0, 0),
    };

    [SharedDataFact]
    public void ReadAll_EverySample_CountsReconcileAndOnlyMalformedFilesReject()
    {
        var root = SharedData.PathOf("samples");
        var summary = new IngestionSummary();
        foreach (var record in new LogReader().ReadAll(new[] { root }))
        {
            summary.Add(record);
        }

        var seen = summary.Files.Select(f => Relative(root, f.File)).ToList();
        seen.Should().BeEquivalentTo(Expected.Keys, "every sample file is read and has an expectation");
        foreach (var file in summary.Files)
        {
            var expected = Expected[Relative(root, file.File)];
            (file.Signals, file.Ignored, file.Rejected).Should().Be(expected, file.File);
            file.RecordsRead.Should().Be(file.Signals + file.Ignored + file.Rejected);
        }

        summary.Rejections.Should().OnlyContain(r => r.Origin.File.EndsWith("-malformed.json", StringComparison.Ordinal));
        summary.RecordsRead.Should().Be(summary.Signals + summary.Ignored + summary.Rejected);
        summary.Signals.Should().Be(295);
    }

    [SharedDataFact]
    public void Read_MalformedSamples_RejectWithLineAndReason()
    {
        var policy = Single("azure-activity/arm-policy-event-docs-malformed.json").Rejection!;
        policy.Kind.Should().Be(RejectionKind.Malformed);
        policy.Origin.RecordIndex.Should().Be(0);
        policy.Origin.Line.Should().Be(1);
        policy.Origin.ByteOffset.Should().Be(0);
        policy.Reason.Should().Contain("line 67");

        var workflow = Single("defender-alerts/export-workflow-eventhub-alert-docs-malformed.json").Rejection!;
        workflow.Kind.Should().Be(RejectionKind.Malformed);
        workflow.Reason.Should().Contain("property name").And.Contain("line 27");
    }

    [SharedDataFact]
    public void Read_GraphBetaDuplicateKeys_LastOccurrenceWins()
    {
        var signIn = (EntraSignIn)Single("entra-signins/graph-beta-signins-list-failed-50126-docs-duplicate-keys.json").Signal!;

        signIn.HomeTenantId.Should().Be("99081087-73c4-48d1-a112-f60ff75114f7");
        signIn.ResultType.Should().Be("50126");
        signIn.Kind.Should().Be(SignInKind.UserInteractive);
        signIn.UserPrincipalName.Should().Be("testaccount1@contoso.com");
        signIn.IpAddress.Should().Be("131.107.159.37");
        signIn.Time.Should().Be(new DateTimeOffset(2021, 6, 30, 16, 34, 32, TimeSpan.Zero));
        signIn.ResultDescription.Should().Be("Error validating credentials due to invalid username or password.");
    }

    [SharedDataFact]
    public void Read_GraphTrailingComma_IsAccepted()
    {
        var signIn = (EntraSignIn)Single("entra-signins/graph-v1-signins-list-docs-trailing-comma.json").Signal!;

        signIn.AppDisplayName.Should().Be("Graph explorer");
        signIn.ResultType.Should().Be("0");
        signIn.Principal!.ObjectId.Should().Be("26be570a-ae82-4189-b4e2-a37c6808512d");
    }

    [SharedDataFact]
    public void Read_SentinelSignInCsv_FirstRowValues()
    {
        var records = Read("entra-signins/sentinel-signinlogs-adele.csv");
        var first = (EntraSignIn)records[0].Signal!;

        first.Time.Should().Be(new DateTimeOffset(2021, 4, 28, 14, 8, 45, 221, TimeSpan.Zero));
        first.UserPrincipalName.Should().Be("adelev@m365x816222.onmicrosoft.com");
        first.IpAddress.Should().Be("175.45.176.99");
        first.AppDisplayName.Should().Be("Azure Portal");
        first.Location.Should().Be("IL");
        first.TenantId.Should().Be("2ad3fc79-1859-42fa-9011-6f8df2251b22");
        first.Origin.Line.Should().Be(2);
        records.Select(r => ((EntraSignIn)r.Signal!).ResultType).Should().Contain(new[] { "16000", "50058" });
    }

    [SharedDataFact]
    public void Read_SentinelActivityCsv_FirstRowValues()
    {
        var activity = (AzureActivityEvent)Read("azure-activity/sentinel-azureactivity-adele.csv")[0].Signal!;

        activity.OperationName.Should().Be("MICROSOFT.WEB/SITES/DELETE");
        activity.Caller.Should().Be("AdeleV@M365x816222.OnMicrosoft.com");
        activity.IpAddress.Should().Be("37.142.150.162");
        activity.Status.Should().Be("Success");
        activity.Category.Should().Be("Administrative");
        activity.Time.Should().Be(new DateTimeOffset(2021, 4, 28, 14, 32, 14, 29, TimeSpan.Zero));
        activity.ResourceId.Should().StartWith("/subscriptions/8f153238-e602-427e-a7c0-3043fbe50918/resourcegroups/sentinel-mainrg/providers/microsoft.web/sites/");
        activity.PropertiesJson.Should().Contain("eventCategory");
        activity.Principal!.Kind.Should().Be(PrincipalKind.User);
    }

    [SharedDataFact]
    public void Read_SecurityAlertCsv_PandasExportValues()
    {
        var records = Read("defender-alerts/sentinel-securityalert-msticpy-alertlist.csv");
        records[0].IgnoredReason.Should().Contain("CustomAlertRule");
        var alert = records.First(r => r.Signal is not null).Signal as DefenderAlert;

        alert!.ProviderName.Should().NotBe("CustomAlertRule");
        alert.Time.Should().NotBeNull();
        alert.Time!.Value.Offset.Should().Be(TimeSpan.Zero);
        alert.ExtendedProperties.Should().NotBeEmpty();
        records.Select(r => r.Signal).OfType<DefenderAlert>().Should().Contain(a => a.AlertType == "Suspicious double extension file executed");
    }

    [SharedDataFact]
    public void Read_AuditHuntingCsv_ModifiedPropertiesAndActor()
    {
        var audit = (EntraAuditEvent)Read("entra-audit/sentinel-auditlogs-hunting-query.csv")[0].Signal!;

        audit.ActivityDisplayName.Should().Be("Update application – Certificates and secrets management ");
        audit.Principal!.Name.Should().Be("victim@buildseccxpninja.onmicrosoft.com");
        audit.Result.Should().Be("success");
        audit.Targets[0].Type.Should().Be("Application");
        audit.Targets[0].ModifiedProperties[0].DisplayName.Should().Be("KeyDescription");
        audit.Time.Should().BeNull("the hunting export carries no time column");
    }

    [SharedDataFact]
    public void Read_ActivityEdgeCases_CidrIpIsNoIpAndResourceHealthIgnored()
    {
        var records = Read("azure-activity/diagnostic-jsonl-mixed-categories-edgecases-elastic.jsonl");

        records[0].IgnoredReason.Should().Be("category ResourceHealth is not one of the five families");
        var signIn = (EntraSignIn)records[1].Signal!;
        signIn.Kind.Should().Be(SignInKind.UserNonInteractive);
        signIn.UserPrincipalName.Should().Be("Michell Lan@zzzz.com");
        signIn.IpAddress.Should().Be("2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6");
        ((EntraSignIn)records[2].Signal!).IpAddress.Should().BeNull();
    }

    [SharedDataFact]
    public void Read_DiagnosticActivityListKeys_CallerFromClaims()
    {
        var activity = (AzureActivityEvent)Read("azure-activity/diagnostic-jsonl-listkeys-and-bodies-elastic.jsonl")[0].Signal!;

        activity.OperationName.Should().Be("MICROSOFT.EVENTHUB/NAMESPACES/AUTHORIZATIONRULES/LISTKEYS/ACTION");
        activity.Category.Should().Be("Action");
        activity.Status.Should().Be("Start");
        activity.Principal!.Kind.Should().Be(PrincipalKind.ServicePrincipal);
        activity.Principal.AppId.Should().Be("8a4de8b5-095c-47d0-a96f-a75130c61d53");
        activity.ResourceId.Should().Be("/subscriptions/8a4de8b5-095c-47d0-a96f-a75130c61d53/resourcegroups/sa-hema/providers/microsoft.eventhub/namespaces/azurelsevents/authorizationrules/rootmanagesharedaccesskey");
    }

    [SharedDataFact]
    public void Read_ArmExamplesWrapper_ReadsTheValueArray()
    {
        var activity = (AzureActivityEvent)Single("azure-activity/arm-events-list-filtered-2015-04-01-example.json").Signal!;

        activity.OperationName.Should().Be("microsoft.support/supporttickets/write");
        activity.SubStatus.Should().Be("Created");
        activity.Status.Should().Be("Succeeded");
        activity.IpAddress.Should().Be("192.168.35.115");
        activity.EventDataId.Should().Be("44ade6b4-3813-45e6-ae27-7420a95fa2f8");
        activity.Time.Should().Be(DateTimeOffset.Parse("2015-01-21T22:14:26.9792776Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    [SharedDataFact]
    public void Read_ActivitySecurityEvent_IsDefenderAlert()
    {
        var alert = (DefenderAlert)Single("defender-alerts/arm-activitylog-security-alert-k8s-docs.json").Signal!;

        alert.AlertType.Should().Be("PREVIEW - Role binding to the cluster-admin role detected");
        alert.SystemAlertId.Should().Be("2518250008431989649_e7313e05-edf4-466d-adfd-35974921aeff");
        alert.Intent.Should().Be("Persistence");
        alert.Severity.Should().Be("Low");
        alert.CompromisedEntity.Should().Be("ASC-IGNITE-DEMO");
        alert.Status.Should().Be("Active");
    }

    [SharedDataFact]
    public void Read_ContinuousExport_AlertAfterFourPostureRecords()
    {
        var records = Read("defender-alerts/export-eventhub-continuous-export-mixed-elastic.jsonl");
        var alert = (DefenderAlert)records[4].Signal!;

        alert.AlertType.Should().Be("ARM_AnomalousServiceOperation.CredentialAccess");
        alert.Intent.Should().Be("PreAttack");
        alert.IsSample.Should().BeTrue();
        alert.ResourceId.Should().Be("/subscriptions/12cabcb4-86e8-404f-a3d2-1dc9982f45ca");
        alert.ExtendedProperties["Client IP address"].Should().Be("81.2.69.142");
        alert.Origin.Line.Should().Be(5);
    }

    [SharedDataFact]
    public void Read_RiskSamples_UsTimesAndOneDigitHours()
    {
        var risky = Read("entra-risk/diagnostic-jsonl-riskyusers-elastic.jsonl");
        var second = (EntraRiskDetection)risky[1].Signal!;
        second.RiskEventType.Should().Be("riskyUser");
        second.Time.Should().Be(new DateTimeOffset(2022, 9, 9, 9, 59, 27, 958, TimeSpan.Zero));
        second.RiskLevel.Should().Be("high");

        var spray = (EntraRiskDetection)Read("entra-risk/diagnostic-jsonl-userriskevents-elastic.jsonl")[1].Signal!;
        spray.RiskEventType.Should().Be("passwordSpray");
        spray.DetectionTimingType.Should().Be("offline");
        spray.Principal!.ObjectId.Should().Be("e3b2b242-4ccb-4cf1-9b8b-004cf034a458");

        var graph = (EntraRiskDetection)Single("entra-risk/graph-v1-riskdetections-list-docs.json").Signal!;
        graph.IpAddress.Should().BeNull("123.456.7.89 is not a valid address");
        graph.Location.Should().Be("US");
    }

    [SharedDataFact]
    public void Read_TimeCornerCases_AllElevenAreTheSameMinute()
    {
        var times = Read("entra-signins/diagnostic-jsonl-time-format-corner-cases-elastic-synthetic.jsonl").Select(r => r.Signal!.Time!.Value).ToList();

        times.Should().HaveCount(11);
        times.Should().OnlyContain(t => t.UtcDateTime >= new DateTime(2007, 1, 9, 9, 41, 0, DateTimeKind.Utc) && t.UtcDateTime < new DateTime(2007, 1, 9, 9, 41, 1, DateTimeKind.Utc));
    }

    [SharedDataFact]
    public void Read_WorkloadSignIns_PrincipalIsServicePrincipalOrManagedIdentity()
    {
        var sp = (EntraSignIn)Single("entra-signins/diagnostic-jsonl-serviceprincipal-7000222-elastic.jsonl").Signal!;
        sp.Kind.Should().Be(SignInKind.ServicePrincipal);
        sp.ResultType.Should().Be("7000222");
        sp.Principal!.ObjectId.Should().Be("22222222-4677-43b4-a1dc-ecb3230e9350");
        sp.Principal.Kind.Should().Be(PrincipalKind.ServicePrincipal);

        var mi = (EntraSignIn)Read("entra-signins/diagnostic-jsonl-managedidentity-first10lines-elastic.jsonl")[0].Signal!;
        mi.Kind.Should().Be(SignInKind.ManagedIdentity);
        mi.Principal!.Name.Should().Be("testplatformlogslube");
        mi.IpAddress.Should().BeNull();
        mi.RiskLevelDuringSignIn.Should().Be("low");
    }

    [SharedDataFact]
    public void Read_LegacyAuditPreview_ReadsOperationAndTargets()
    {
        var audit = (EntraAuditEvent)Single("entra-audit/diagnostic-auditlogs-legacy-preview-update-sp-docs.json").Signal!;

        audit.ActivityDisplayName.Should().Be("Update service principal.");
        audit.Category.Should().Be("ApplicationManagement");
        audit.Result.Should().Be("Success");
        audit.Targets[0].ModifiedProperties.Select(p => p.DisplayName).Should().Equal("Included Updated Properties", "TargetId.ServicePrincipalNames");
        audit.Principal.Should().BeNull("identity NA names nobody");
    }

    private static List<LogRecord> Read(string relative) => new LogReader().Read(SharedData.PathOf(Path.Combine("samples", relative))).ToList();

    private static LogRecord Single(string relative) => Read(relative).Single();

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');
}
