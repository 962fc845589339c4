using System.Text;
using AttackMap.Ingestion;
using AttackMap.Signals;
using AttackMap.Tests.Support;
using static AttackMap.Tests.Ingestion.IngestionTestHelper;

namespace AttackMap.Tests.Ingestion;

/// <summary>A page's next link (Graph <c>@odata.nextLink</c>, ARM <c>nextLink</c>) is reported per file, before or after the records.</summary>
public sealed class NextLinkTests
{
    private const string GraphAfter = "https://graph.microsoft.com/v1.0/auditLogs/signIns?$top=2&$skiptoken=page2&x=1";
    private const string ArmBefore = "https://management.azure.com/subscriptions/00000000-0000-4000-8000-0000000000e1/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01&$skiptoken=page2";

    [Fact]
    public void Read_GraphPageWithLinkAfterValue_ReportsTheUnescapedLinkAndBothSignIns()
    {
        var (records, file) = ReadFile("nextlink-graph-after.json");

        file.NextLink.Should().Be(GraphAfter);
        records.Select(r => ((EntraSignIn)r.Signal!).UserPrincipalName)
            .Should().Equal("avery.quinn@contoso-lab.example", "rowan.ellis@contoso-lab.example");
        file.ToString().Should().EndWith("read 2 = signals 2 + ignored 0 + rejected 0; the page has a next link: more records exist on the server");
    }

    [Fact]
    public void Read_ArmPageWithLinkBeforeValue_ReportsTheLinkAndTheEvent()
    {
        var (records, file) = ReadFile("nextlink-arm-before.json");

        file.NextLink.Should().Be(ArmBefore);
        records.Should().ContainSingle().Which.Signal.Should().BeOfType<AzureActivityEvent>()
            .Which.OperationName.Should().Be("Microsoft.Network/networkSecurityGroups/securityRules/write");
    }

    [Fact]
    public void Read_PageWithNullNextLink_HasNoLink()
    {
        var (records, file) = ReadFile("nextlink-null.json");

        file.NextLink.Should().BeNull();
        file.ToString().Should().NotContain("next link");
        records.Should().ContainSingle().Which.Outcome.Should().Be(LogRecordOutcome.Signal);
    }

    [Fact]
    public void Read_JsonLinesOfPages_KeepsTheLastNonNullLink()
    {
        var (records, file) = ReadFile("nextlink-pages.jsonl");

        file.NextLink.Should().Be("https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=line2");
        records.Select(r => r.Signal!.Origin.Line).Should().Equal(1L, 2L);
    }

    [Fact]
    public void Read_FileWithoutEnvelope_HasNoLink()
    {
        var summary = new IngestionSummary();
        new LogReader().Read(Fixture("defender-array.json")).ToList().ForEach(summary.Add);
        var file = summary.Files.Single();

        file.NextLink.Should().BeNull();
    }

    [Fact]
    public void Read_LinkAfterValueInNestedResponseBody_IsFoundAndLaterObjectsStayUnread()
    {
        var json = "{\n\"parameters\":{\"api-version\":\"2015-04-01\"},\"responses\":{\"200\":{\"body\":{\"value\":["
            + "{\"caller\":\"avery.quinn@contoso-lab.example\",\"category\":{\"value\":\"Administrative\"},\"eventTimestamp\":\"2024-05-06T08:00:00Z\","
            + "\"operationName\":{\"value\":\"Microsoft.Resources/deployments/write\"},\"status\":{\"value\":\"Succeeded\"}}],"
            + "\"extra\":{\"nextLink\":\"https://example.invalid/not-this-one\",\"deep\":[1,{\"a\":\"}\"}]},"
            + "\"nextLink\":\"https://management.azure.com/x?$skiptoken=2\"}},\"202\":{}}}\n{\"caller\":\"rowan.ellis@contoso-lab.example\"}";
        var summary = new IngestionSummary();

        var records = ReadText(json);
        records.ForEach(summary.Add);

        records.Should().ContainSingle().Which.Outcome.Should().Be(LogRecordOutcome.Signal, records[0].ToString());
        summary.Files.Single().NextLink.Should().Be("https://management.azure.com/x?$skiptoken=2");
    }

    [Fact]
    public void Read_LinkAfterValueThatIsNotAString_IsIgnored()
    {
        var summary = new IngestionSummary();

        ReadText("{\"value\":[{\"caller\":\"a@contoso-lab.example\"}],\"nextLink\":42}").ForEach(summary.Add);

        summary.Files.Single().NextLink.Should().BeNull();
    }

    [Theory]
    [InlineData("nextlink-graph-after.json", GraphAfter)]
    [InlineData("nextlink-arm-before.json", ArmBefore)]
    [InlineData("nextlink-null.json", null)]
    [InlineData("nextlink-pages.jsonl", "https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=line2")]
    public async Task ReadAsync_AsyncOnlyStream_ReportsTheSameLinkAndRecordsAsSync(string name, string? link)
    {
        var bytes = File.ReadAllBytes(Page(name));
        var sync = ReadBytes(bytes);

        foreach (var seed in new[] { 1, 2, 3 })
        {
            var summary = new IngestionSummary();
            var records = new List<LogRecord>();
            await foreach (var record in new LogReader().ReadAsync(new AsyncOnlyStream(bytes, seed), "memory"))
            {
                records.Add(record);
                summary.Add(record);
            }

            summary.Files.Single().NextLink.Should().Be(link);
            records.Should().Equal(sync, (a, b) => a.Outcome == b.Outcome && a.Origin.RecordIndex == b.Origin.RecordIndex
                && a.Origin.Line == b.Origin.Line && a.Origin.ByteOffset == b.Origin.ByteOffset);
        }
    }

    [Fact]
    public void Read_LinkAfterTwoThousandRecordsWithASmallRecordLimit_IsFoundAndNothingIsRejected()
    {
        var text = new StringBuilder("{\"value\":[");
        for (var i = 0; i < 2000; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append("{\"caller\":\"avery.quinn@contoso-lab.example\",\"category\":{\"value\":\"Administrative\"},\"eventTimestamp\":\"2024-05-06T08:00:00Z\",\"operationName\":{\"value\":\"Microsoft.Resources/deployments/write\"}}");
        }

        text.Append("],\"nextLink\":\"https://management.azure.com/x?$skiptoken=2\"}");
        var options = new LogReaderOptions { MaxRecordBytes = 4096 };
        var summary = new IngestionSummary();

        ReadBytes(Encoding.UTF8.GetBytes(text.ToString()), options).ForEach(summary.Add);

        summary.RecordsRead.Should().Be(2000);
        summary.Rejected.Should().Be(0);
        summary.Files.Single().NextLink.Should().Be("https://management.azure.com/x?$skiptoken=2");
    }

    [SharedDataFact]
    public void ReadAll_Samples_OnlyTheTwoListExamplesCarryANextLink()
    {
        var root = SharedData.PathOf("samples");
        var summary = new IngestionSummary();
        foreach (var record in new LogReader().ReadAll(new[] { root }))
        {
            summary.Add(record);
        }

        summary.Files.Where(f => f.NextLink is not null)
            .Select(f => (Path.GetRelativePath(root, f.File).Replace('\\', '/'), f.NextLink))
            .Should().BeEquivalentTo(new[]
            {
                ("azure-activity/arm-events-list-filtered-2015-04-01-example.json", "https://management.azure.com/########-####-####-####-############$skiptoken=######"),
                ("entra-signins/graph-v1-signins-list-docs-trailing-comma.json", "https://graph.microsoft.com/v1.0/auditLogs/signIns?$top=1&$skiptoken=9177f2e3532fcd4c4d225f68f7b9bdf7_1"),
            });
    }

    private static string Page(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "NextLink", name);

    private static (List<LogRecord> Records, FileIngestionSummary File) ReadFile(string name)
    {
        var summary = new IngestionSummary();
        var records = new LogReader().Read(Page(name)).ToList();
        records.ForEach(summary.Add);
        return (records, summary.Files.Single());
    }
}
