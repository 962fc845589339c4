using AttackMap.Ingestion;
using AttackMap.Signals;
using static AttackMap.Tests.Ingestion.IngestionTestHelper;

namespace AttackMap.Tests.Ingestion;

public sealed class LogReaderShapeTests
{
    private const string GraphSignIn = "{\"id\":\"00000000-0000-4000-8000-0000000000d2\",\"createdDateTime\":\"2024-05-06T09:00:00Z\",\"userPrincipalName\":\"riley.stone@contoso-lab.example\",\"userId\":\"00000000-0000-4000-8000-0000000000a3\",\"appId\":\"00000000-0000-4000-8000-0000000000b1\",\"ipAddress\":\"198.51.100.4\",\"isInteractive\":false,\"status\":{\"errorCode\":50074}}";

    [Fact]
    public void Read_LogAnalyticsJsonExport_UsesTypeColumnAndAadTenant()
    {
        var text = "[{\"TenantId\":\"00000000-0000-4000-8000-0000000000e9\",\"TimeGenerated\":\"2024-05-06T10:00:00Z\",\"Type\":\"AADNonInteractiveUserSignInLogs\",\"ResultType\":\"0\","
            + "\"UserPrincipalName\":\"avery.quinn@contoso-lab.example\",\"IPAddress\":\"203.0.113.7\",\"AADTenantId\":\"00000000-0000-4000-8000-0000000000f1\",\"Status\":\"{\\\"errorCode\\\":0}\",\"LocationDetails\":\"{\\\"countryOrRegion\\\":\\\"NL\\\"}\"},"
            + "{\"TenantId\":\"00000000-0000-4000-8000-0000000000e9\",\"TimeGenerated\":\"2024-05-06T10:00:00Z\",\"Type\":\"SecurityEvent\",\"EventID\":4625}]";

        var records = ReadText(text);

        var signIn = (EntraSignIn)records[0].Signal!;
        signIn.Kind.Should().Be(SignInKind.UserNonInteractive);
        signIn.IpAddress.Should().Be("203.0.113.7");
        signIn.TenantId.Should().Be("00000000-0000-4000-8000-0000000000f1");
        signIn.Location.Should().Be("NL");
        records[1].IgnoredReason.Should().Be("table SecurityEvent is not one of the five families");
    }

    [Fact]
    public void Read_GraphSingleObjectWithContext_InfersKindFromIsInteractive()
    {
        var text = "{\n  \"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns/$entity\",\n" + GraphSignIn.Substring(1);

        var signIn = (EntraSignIn)ReadText(text).Single().Signal!;

        signIn.Kind.Should().Be(SignInKind.UserNonInteractive);
        signIn.ResultType.Should().Be("50074");
        signIn.Origin.Line.Should().Be(1);
    }

    [Fact]
    public void Read_ExamplesWrapperWithSingleBody_ReadsTheBody()
    {
        var text = "{\n\"parameters\": {\"api-version\": \"2022-01-01\"},\n\"responses\": {\"200\": {\"body\": " + GraphSignIn + "}}}";

        var records = ReadText(text);

        records.Should().ContainSingle();
        ((EntraSignIn)records[0].Signal!).UserPrincipalName.Should().Be("riley.stone@contoso-lab.example");
        records[0].Origin.Line.Should().Be(3);
    }

    [Fact]
    public void Read_ConcatenatedPrettyObjects_ReadsEach()
    {
        var text = "{\n  \"createdDateTime\": \"2024-05-06T09:00:00Z\", \"userPrincipalName\": \"a@contoso-lab.example\", \"status\": {\"errorCode\": 0}\n}\n{\n  \"createdDateTime\": \"2024-05-06T09:01:00Z\", \"userPrincipalName\": \"b@contoso-lab.example\", \"status\": {\"errorCode\": 50126}\n}\n";

        var records = ReadText(text);

        records.Select(r => ((EntraSignIn)r.Signal!).ResultType).Should().Equal("0", "50126");
        records[1].Origin.Line.Should().Be(4);
        records[1].Origin.RecordIndex.Should().Be(1);
    }

    [Fact]
    public void Read_JsonLinesWithBomCrlfAndEnvelopeLines_UnwrapsRecords()
    {
        var line = "{\"records\":[{\"time\":\"2024-05-06T09:00:00Z\",\"category\":\"ServicePrincipalSignInLogs\",\"resultType\":\"7000215\",\"properties\":{\"servicePrincipalId\":\"00000000-0000-4000-8000-0000000000a4\",\"servicePrincipalName\":\"lab-automation\",\"appId\":\"00000000-0000-4000-8000-0000000000b4\"}},{\"time\":\"2024-05-06T09:00:01Z\",\"category\":\"ProvisioningLogs\"}]}";
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(line + "\r\n" + line + "\r\n")).ToArray();

        var records = ReadBytes(bytes);

        records.Select(r => r.Outcome).Should().Equal(LogRecordOutcome.Signal, LogRecordOutcome.Ignored, LogRecordOutcome.Signal, LogRecordOutcome.Ignored);
        var signIn = (EntraSignIn)records[0].Signal!;
        signIn.Kind.Should().Be(SignInKind.ServicePrincipal);
        signIn.ResultType.Should().Be("7000215");
        signIn.Principal.Should().Be(new Principal(PrincipalKind.ServicePrincipal, "00000000-0000-4000-8000-0000000000a4", "lab-automation", "00000000-0000-4000-8000-0000000000b4"));
        records[1].IgnoredReason.Should().Be("category ProvisioningLogs is not one of the five families");
        records[2].Origin.Line.Should().Be(2);
        records[3].Origin.RecordIndex.Should().Be(3);
    }

    [Fact]
    public void Read_CsvWithTableColumnButMissingKeyColumns_RejectsRows()
    {
        var text = "Type,TimeGenerated,Computer\r\nAuditLogs,2024-05-06T09:00:00Z,lab-dc1\r\n";

        var record = ReadText(text).Single();

        record.Rejection!.Kind.Should().Be(RejectionKind.MissingField);
        record.Rejection.Reason.Should().Contain("AuditLogs");
        record.Origin.Line.Should().Be(2);
    }

    [Fact]
    public void ReadAll_StrictModeOnFolder_ThrowsAtFirstRejectedFile()
    {
        var folder = Path.GetDirectoryName(Fixture("x"))!;
        var reader = new LogReader(new LogReaderOptions { Mode = LogReadMode.Strict });

        var act = () => reader.ReadAll(new[] { folder }).ToList();

        act.Should().Throw<LogFormatException>().Which.Origin.File.Should().EndWith("signin-diagnostic.jsonl");
    }

    [Fact]
    public void Read_CurrentSecurityAlertCsv_ReadsTacticsTechniquesAndResource()
    {
        var text = "TimeGenerated [UTC],DisplayName,AlertName,AlertSeverity,Description,ProviderName,VendorName,AlertType,SystemAlertId,ResourceId,Status,Tactics,Techniques,SubTechniques,StartTime [UTC],EndTime [UTC],CompromisedEntity,ExtendedProperties,Entities,Type\r\n"
            + "\"5/6/2024, 9:15:00.000 AM\",Unusual secret listing,Unusual secret listing,Medium,Lab alert,Azure Security Center,Microsoft,KV_ListGetAnomaly,2517_00000000-0000-4000-8000-0000000000e1,/SUBSCRIPTIONS/00000000-0000-4000-8000-0000000000F2/RESOURCEGROUPS/RG-LAB/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/KV-LAB,New,\"CredentialAccess,Discovery\",\"[\"\"T1555\"\"]\",\"[\"\"T1555.006\"\"]\",\"5/6/2024, 9:10:00.000 AM\",\"5/6/2024, 9:12:00.000 AM\",KV-LAB,\"{\"\"Client IP address\"\":\"\"203.0.113.9\"\"}\",[],SecurityAlert\r\n";

        var alert = (DefenderAlert)ReadText(text).Single().Signal!;

        alert.AlertType.Should().Be("KV_ListGetAnomaly");
        alert.DisplayName.Should().Be("Unusual secret listing");
        alert.Severity.Should().Be("Medium");
        alert.Intent.Should().Be("CredentialAccess,Discovery");
        alert.VendorTechniques.Should().Equal("T1555", "T1555.006");
        alert.ResourceId.Should().Be("/subscriptions/00000000-0000-4000-8000-0000000000f2/resourcegroups/rg-lab/providers/microsoft.keyvault/vaults/kv-lab");
        alert.StartTime.Should().Be(new DateTimeOffset(2024, 5, 6, 9, 10, 0, TimeSpan.Zero));
        alert.EndTime.Should().Be(new DateTimeOffset(2024, 5, 6, 9, 12, 0, TimeSpan.Zero));
        alert.ExtendedProperties["Client IP address"].Should().Be("203.0.113.9");
    }
}
