using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AttackMap.Ingestion;
using AttackMap.Signals;
using AttackMap.Tests.Support;
using static AttackMap.Tests.Ingestion.IngestionTestHelper;

namespace AttackMap.Tests.Ingestion;

/// <summary>The async reader reads only with ReadAsync and returns exactly the records of the sync reader.</summary>
public sealed class LogReaderAsyncTests
{
    public static TheoryData<string> FixtureNames => new()
    {
        "defender-array.json", "eventhub-mixed.json", "signin-diagnostic.jsonl", "signin-graph.json", "signin-sentinel.csv", "unknown-table.csv", "signin-offsets.csv",
    };

    public static TheoryData<string> ShapeNames => new(Shapes().Keys);

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public async Task ReadAsync_AsyncOnlyStream_EqualsSyncForEveryFixture(string name)
    {
        var bytes = File.ReadAllBytes(Fixture(name));

        foreach (var seed in new[] { 1, 2, 3 })
        {
            (await AssertSameAsync(bytes, new LogReaderOptions(), seed)).Should().NotBeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public async Task ReadAsync_GzipOfFixtureOnAsyncOnlyStream_EqualsSync(string name)
    {
        var records = await AssertSameAsync(Gzip(File.ReadAllBytes(Fixture(name))), new LogReaderOptions(), 11);

        records.Should().Equal(new LogReader().Read(Fixture(name)).ToList(), (a, b) =>
            a.Outcome == b.Outcome && a.Origin.RecordIndex == b.Origin.RecordIndex && a.Origin.Line == b.Origin.Line && a.Origin.ByteOffset == b.Origin.ByteOffset);
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public async Task ReadAsync_AsyncOnlyStream_EqualsSyncForEveryShapeAndFailure(string name)
    {
        var (bytes, maxRecordBytes) = Shapes()[name];
        var options = new LogReaderOptions { MaxRecordBytes = maxRecordBytes };

        foreach (var seed in new[] { 5, 6 })
        {
            await AssertSameAsync(bytes, options, seed);
        }

        await AssertSameAsync(Gzip(bytes), options, 7);
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public async Task ReadAsync_Path_EqualsRead(string name)
    {
        var sync = new LogReader().Read(Fixture(name)).ToList();

        var async = await ToListAsync(new LogReader().ReadAsync(Fixture(name)));

        async.Should().BeEquivalentTo(sync, o => o.WithStrictOrdering().RespectingRuntimeTypes());
        async.Should().OnlyContain(r => r.Origin.File == Fixture(name));
    }

    [SharedDataFact]
    public async Task ReadAsync_EverySharedSample_EqualsSync()
    {
        var files = LogReader.ExpandPaths(new[] { SharedData.PathOf("samples") });

        foreach (var file in files)
        {
            var records = await AssertSameAsync(File.ReadAllBytes(file), new LogReaderOptions(), file.Length);
            records.Should().NotBeEmpty(file);
        }

        files.Should().HaveCountGreaterThan(30);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Next_AsyncWindowOverManyRecords_StaysBoundedByTheLargestRecord(bool array)
    {
        var record = File.ReadAllLines(Fixture("signin-diagnostic.jsonl"))[0];
        var text = array ? "{\"records\": [" + string.Join(",\n", Enumerable.Repeat(record, 400)) + "]}" : string.Join("\n", Enumerable.Repeat(record, 400));
        var options = new LogReaderOptions { MaxRecordBytes = 2048 };
        var source = new JsonSource(new AsyncOnlyStream(Encoding.UTF8.GetBytes(text), 12), "bounded", options, lines: !array, async: true);
        var output = new List<LogRecord>();
        var signals = 0;

        SourceStep step;
        while ((step = source.Next(output)) != SourceStep.End)
        {
            if (step == SourceStep.NeedBytes)
            {
                await source.Window.FillAsync(CancellationToken.None);
            }

            signals += output.Count(r => r.Outcome == LogRecordOutcome.Signal);
            output.Clear();
        }

        text.Length.Should().BeGreaterThan(400 * 1024);
        signals.Should().Be(400);
        source.Window.Capacity.Should().BeLessThan(4096);
    }

    [Fact]
    public async Task Next_AsyncCsvWindowOverManyRows_StaysBoundedByTheLargestRow()
    {
        var csv = File.ReadAllText(Fixture("signin-offsets.csv"));
        var row = csv.Split('\n')[1..8];
        var text = csv + string.Concat(Enumerable.Repeat(string.Join("\n", row) + "\n", 800));
        var source = new CsvSource(new AsyncOnlyStream(Encoding.UTF8.GetBytes(text), 13), "bounded", new LogReaderOptions { MaxRecordBytes = 2048 }, async: true);
        var output = new List<LogRecord>();
        var records = 0;

        SourceStep step;
        while ((step = source.Next(output)) != SourceStep.End)
        {
            if (step == SourceStep.NeedBytes)
            {
                await source.Window.FillAsync(CancellationToken.None);
            }

            records += output.Count;
            output.Clear();
        }

        text.Length.Should().BeGreaterThan(200 * 1024);
        records.Should().Be(803);
        source.Window.Capacity.Should().BeLessThan(4096);
    }

    [Fact]
    public async Task ReadAllAsync_FixtureFolder_EqualsReadAll()
    {
        var folder = Path.GetDirectoryName(Fixture("signin-sentinel.csv"))!;
        var sync = new LogReader().ReadAll(new[] { folder, Fixture("missing.json") }).ToList();

        var async = await ToListAsync(new LogReader().ReadAllAsync(new[] { folder, Fixture("missing.json") }));

        sync.Should().HaveCountGreaterThan(10);
        async.Should().BeEquivalentTo(sync, o => o.WithStrictOrdering().RespectingRuntimeTypes());
        async[^1].Rejection!.Kind.Should().Be(RejectionKind.ReadFailure);
    }

    [Fact]
    public async Task ReadAsync_StrictMode_ThrowsAtFirstRejection()
    {
        var stream = new AsyncOnlyStream(File.ReadAllBytes(Fixture("signin-offsets.csv")), 3);
        var seen = new List<LogRecord>();

        var act = async () =>
        {
            await foreach (var record in new LogReader(new LogReaderOptions { Mode = LogReadMode.Strict }).ReadAsync(stream, "strict"))
            {
                seen.Add(record);
            }
        };

        (await act.Should().ThrowAsync<LogFormatException>()).Which.Rejection.Kind.Should().Be(RejectionKind.MissingField);
        seen.Should().ContainSingle().Which.Outcome.Should().Be(LogRecordOutcome.Signal);
    }

    [Theory]
    [InlineData("signin-diagnostic.jsonl", 2)]
    [InlineData("defender-array.json", 1)]
    [InlineData("eventhub-mixed.json", 2)]
    [InlineData("signin-graph.json", 0)]
    [InlineData("signin-offsets.csv", 2)]
    public async Task ReadAsync_CancelledAfterNRecords_ThrowsAndYieldsNoMore(string name, int n)
    {
        using var cts = new CancellationTokenSource();
        var stream = new AsyncOnlyStream(File.ReadAllBytes(Fixture(name)), 4);
        var seen = new List<LogRecord>();

        if (n == 0)
        {
            cts.Cancel();
        }

        var act = async () =>
        {
            await foreach (var record in new LogReader().ReadAsync(stream, "cancel", cts.Token))
            {
                seen.Add(record);
                if (seen.Count == n)
                {
                    cts.Cancel();
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        seen.Should().HaveCount(n);
        new LogReader().Read(new MemoryStream(File.ReadAllBytes(Fixture(name))), "cancel").Should().HaveCountGreaterThan(n);
    }

    [Fact]
    public async Task ReadAsync_Token_IsPassedToEveryRead()
    {
        using var cts = new CancellationTokenSource();
        var stream = new AsyncOnlyStream(File.ReadAllBytes(Fixture("eventhub-mixed.json")), 8);

        var records = await ToListAsync(new LogReader().ReadAsync(stream, "tokens", cts.Token));

        records.Should().HaveCount(4);
        stream.Tokens.Should().HaveCountGreaterThan(100).And.OnlyContain(t => t == cts.Token);
    }

    [Fact]
    public async Task ReadAsync_CancelledWhileAReadIsPending_ThrowsWithoutWaitingForBytes()
    {
        using var cts = new CancellationTokenSource();
        var bytes = File.ReadAllBytes(Fixture("signin-diagnostic.jsonl"));
        var stream = new AsyncOnlyStream(bytes, 9) { HangAt = bytes.Length / 2 };
        await using var records = new LogReader().ReadAsync(stream, "pending", cts.Token).GetAsyncEnumerator();

        var move = records.MoveNextAsync().AsTask();
        await stream.Hanging.Task;
        cts.Cancel();

        await move.Invoking(m => m).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task ReadAsync_FileOpenedAsync_NeverBlocksOnEmptyOrMissingFiles()
    {
        var records = await ToListAsync(new LogReader().ReadAsync(Fixture("missing.json")));

        records.Should().ContainSingle().Which.Rejection!.Reason.Should().StartWith("could not open");
    }

    private static async Task<List<LogRecord>> AssertSameAsync(byte[] bytes, LogReaderOptions options, int seed)
    {
        var sync = new LogReader(options).Read(new MemoryStream(bytes), "input").ToList();
        var stream = new AsyncOnlyStream(bytes, seed);

        var async = await ToListAsync(new LogReader(options).ReadAsync(stream, "input"));

        async.Should().BeEquivalentTo(sync, o => o.WithStrictOrdering().RespectingRuntimeTypes());
        async.Select(r => r.Origin).Should().Equal(sync.Select(r => r.Origin));
        async.Select(r => r.ToString()).Should().Equal(sync.Select(r => r.ToString()));
        if (bytes.Length > 64)
        {
            stream.AsyncCompletions.Should().BePositive();
        }

        return async;
    }

    private static async Task<List<LogRecord>> ToListAsync(IAsyncEnumerable<LogRecord> records)
    {
        var list = new List<LogRecord>();
        await foreach (var record in records)
        {
            list.Add(record);
        }

        return list;
    }

    private static bool IsJson(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    // Every shape and failure path of the parsers, built from the sign-in fixture's records.
    private static Dictionary<string, (byte[] Bytes, int MaxRecordBytes)> Shapes()
    {
        var valid = File.ReadAllLines(Fixture("signin-diagnostic.jsonl")).Where(IsJson).ToArray();
        var lines = valid.Concat(valid).ToArray();
        var pretty = lines.Select(l => JsonNode.Parse(l)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true })).ToArray();
        var huge = "{\"time\": \"2024-05-06T07:08:09Z\", \"category\": \"SignInLogs\", \"padding\": \"" + new string('x', 3000) + "\"}";
        var csv = File.ReadAllText(Fixture("signin-offsets.csv"));
        var shapes = new Dictionary<string, (string Text, int Max)>(StringComparer.Ordinal)
        {
            ["jsonl-bom-blank-lines"] = ("\uFEFF" + lines[0] + "\r\n\r\n   \n" + string.Join("\n", lines.Skip(1)), 1 << 20),
            ["jsonl-malformed-line"] = (lines[0] + "\n{\"time\": oops}\n" + lines[1] + "\n", 1 << 20),
            ["jsonl-envelope-line"] = ("{\"records\": [" + lines[0] + "," + lines[1] + "]}\n" + lines[2], 1 << 20),
            ["jsonl-too-large"] = (lines[0] + "\n" + huge + "\n" + lines[1], 2048),
            ["array-pretty"] = ("[\n" + string.Join(",\n", pretty) + "\n]\n", 1 << 20),
            ["array-too-large"] = ("[" + lines[0] + ",\n" + huge + ",\n" + lines[1] + "]", 2048),
            ["array-scalars"] = ("[1, \"x\", null, " + lines[0] + "]", 1 << 20),
            ["array-truncated"] = ("[\n" + lines[0] + ",\n" + lines[1].Substring(0, 60), 1 << 20),
            ["array-ends-early"] = ("[\n" + lines[0] + ",\n", 1 << 20),
            ["array-bad-item"] = ("[" + lines[0] + ", ]x]", 1 << 20),
            ["arrays-concatenated"] = ("[" + lines[0] + "]\n[" + lines[1] + "]\n@", 1 << 20),
            ["objects-concatenated"] = (string.Join("\n", pretty), 1 << 20),
            ["object-first-too-large"] = ("{\n\"time\": \"2024-05-06T07:08:09Z\", \"padding\": \"" + new string('y', 3000) + "\"}\n" + pretty[1], 2048),
            ["envelope-records"] = ("{\n  \"records\": [\n" + string.Join(",\n", pretty) + "\n  ]\n}", 1 << 20),
            ["envelope-odata"] = ("{\n\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns\",\n\"@odata.nextLink\": \"x\",\n\"value\": [" + string.Join(",", pretty) + "]}", 1 << 20),
            ["envelope-empty"] = ("{\n\"@odata.context\": \"x\", \"count\": 0\n}", 1 << 20),
            ["envelope-broken"] = ("{\n 12: 3}", 1 << 20),
            ["envelope-truncated"] = ("{\n\"@odata.context\": \"https://graph", 1 << 20),
            ["examples-value"] = ("{\n\"parameters\": {\"api-version\": \"2024-01-01\"},\n\"responses\": {\"200\": {\"body\": {\"value\": [" + string.Join(",", lines) + "]}}}}", 1 << 20),
            ["examples-body-record"] = ("{\n\"parameters\": {},\n\"responses\": {\"200\": {\"body\": " + pretty[0] + "}}}", 1 << 20),
            ["csv-crlf-multiline"] = (csv, 1 << 20),
            ["csv-many-rows"] = (csv + string.Concat(Enumerable.Repeat(csv.Split('\n')[^2] + "\n", 40)), 1 << 20),
            ["csv-too-large-row"] = (csv.TrimEnd() + "\r\n00000000-0000-4000-8000-0000000000f1,SigninLogs,0,\"" + new string('z', 3000) + "\",x,y,NL,\r\n" + csv.Split('\n')[^2] + "\n", 2048),
            ["csv-unterminated"] = ("Type,ResultType,UserPrincipalName,AppId\r\nSigninLogs,0,a@contoso-lab.example,x\r\nSigninLogs,\"0,b@contoso-lab.example,x\r\n", 1 << 20),
            ["csv-no-known-table"] = ("Computer,EventID,Account\nlab-dc1,4625,LAB\\avery\n", 1 << 20),
            ["empty"] = ("   \r\n  ", 1 << 20),
            ["unknown-text"] = ("hello world\nsecond line", 1 << 20),
        };

        var result = shapes.ToDictionary(p => p.Key, p => (Encoding.UTF8.GetBytes(p.Value.Text), p.Value.Max), StringComparer.Ordinal);
        result["binary"] = (new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, 1 << 20);
        return result;
    }
}
