using System.Text;
using AttackMap.Ingestion;
using AttackMap.Signals;
using static AttackMap.Tests.Ingestion.IngestionTestHelper;

namespace AttackMap.Tests.Ingestion;

public sealed class LogReaderMalformedTests
{
    private const string Record = "{\"time\":\"2024-05-06T07:08:09Z\",\"category\":\"SignInLogs\",\"resultType\":\"0\",\"properties\":{\"userPrincipalName\":\"avery.quinn@contoso-lab.example\"}}";

    [Fact]
    public void Read_EmptyFile_IsOneUnsupportedShapeRejection()
    {
        var record = ReadBytes(Array.Empty<byte>()).Single();

        record.Rejection!.Kind.Should().Be(RejectionKind.UnsupportedShape);
        record.Rejection.Reason.Should().Contain("empty");
        record.Origin.File.Should().Be("memory");
    }

    [Fact]
    public void Read_BinaryGarbage_IsUnsupportedShape()
    {
        var bytes = new byte[4000];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x00;

        var record = ReadBytes(bytes).Single();

        record.Rejection!.Kind.Should().Be(RejectionKind.UnsupportedShape);
        record.Rejection.Reason.Should().Contain("binary").And.Contain("first bytes: 00 ");
    }

    [Fact]
    public void Read_PlainText_IsUnsupportedShape()
    {
        var record = ReadText("hello there\nnot a log\n").Single();

        record.Rejection!.Kind.Should().Be(RejectionKind.UnsupportedShape);
        record.Rejection.Reason.Should().EndWith("first line: \"hello there\"");
    }

    [Fact]
    public void Read_TruncatedRecordsEnvelope_KeepsCompleteRecordsAndRejectsTheRest()
    {
        var text = "{\n  \"records\": [\n    " + Record + ",\n    {\"time\": \"2024-05-06T07:09:";

        var records = ReadText(text);

        records.Should().HaveCount(2);
        records[0].Outcome.Should().Be(LogRecordOutcome.Signal);
        records[1].Rejection!.Kind.Should().Be(RejectionKind.Malformed);
        records[1].Rejection!.Reason.Should().Contain("truncated");
        records[1].Origin.Line.Should().Be(4);
        records[1].Origin.ByteOffset.Should().Be(text.IndexOf("{\"time\": \"2024-05-06T07:09", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_BadElementInArray_RejectsItAndContinues()
    {
        var text = "[\n" + Record + ",\n{\"time\": 12, broken: true},\n" + Record + "\n]";

        var records = ReadText(text);

        records.Select(r => r.Outcome).Should().Equal(LogRecordOutcome.Signal, LogRecordOutcome.Rejected, LogRecordOutcome.Signal);
        records[1].Origin.Line.Should().Be(3);
        records[1].Origin.RecordIndex.Should().Be(1);
    }

    [Fact]
    public void Read_RecordOverMaxRecordBytes_IsRejectedAndTheNextRecordStillReads()
    {
        var big = "{\"category\":\"SignInLogs\",\"pad\":\"" + new string('x', 5000) + "\"}";
        var text = big + "\n" + Record + "\n";

        var records = ReadText(text, new LogReaderOptions { MaxRecordBytes = 2048 });

        records.Should().HaveCount(2);
        records[0].Rejection!.Kind.Should().Be(RejectionKind.TooLarge);
        records[0].Origin.Line.Should().Be(1);
        records[1].Outcome.Should().Be(LogRecordOutcome.Signal);
        records[1].Origin.Line.Should().Be(2);
    }

    [Fact]
    public void Read_ArrayElementOverMaxRecordBytes_IsRejectedAndTheNextElementStillReads()
    {
        var big = "{\"category\":\"SignInLogs\",\"pad\":\"" + new string('x', 5000) + "\"}";

        var records = ReadText("[" + big + "," + Record + "]", new LogReaderOptions { MaxRecordBytes = 2048 });

        records.Select(r => r.Outcome).Should().Equal(LogRecordOutcome.Rejected, LogRecordOutcome.Signal);
        records[0].Rejection!.Kind.Should().Be(RejectionKind.TooLarge);
    }

    [Fact]
    public void Read_RecordDeeperThanMaxDepth_IsRejectedWithLocation()
    {
        var deep = "{\"category\":\"SignInLogs\",\"x\":" + string.Concat(Enumerable.Repeat("[", 80)) + string.Concat(Enumerable.Repeat("]", 80)) + "}";

        var records = ReadText(Record + "\n" + deep + "\n" + Record + "\n");

        records.Select(r => r.Outcome).Should().Equal(LogRecordOutcome.Signal, LogRecordOutcome.Rejected, LogRecordOutcome.Signal);
        records[1].Rejection!.Kind.Should().Be(RejectionKind.TooDeep);
        records[1].Origin.Line.Should().Be(2);
        records[1].Rejection!.Reason.Should().Contain("64");
    }

    [Fact]
    public void Read_UnknownRecordShape_IsUnrecognizedWithFieldNames()
    {
        var record = ReadText("{\"foo\":1,\"bar\":2}\n").Single();

        record.Rejection!.Kind.Should().Be(RejectionKind.UnrecognizedRecord);
        record.Rejection.Reason.Should().Contain("foo, bar");
    }

    [Fact]
    public void Read_StrictMode_ThrowsAtFirstErrorWithOrigin()
    {
        var reader = new LogReader(new LogReaderOptions { Mode = LogReadMode.Strict });
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Record + "\n{\"broken\n" + Record + "\n"));

        var read = new List<LogRecord>();
        var act = () =>
        {
            foreach (var record in reader.Read(stream, "strict.jsonl"))
            {
                read.Add(record);
            }
        };

        act.Should().Throw<LogFormatException>().Which.Origin.Should().Be(new SignalOrigin("strict.jsonl", 1, 2, Record.Length + 1));
        read.Should().ContainSingle();
    }

    [Fact]
    public void Read_UnterminatedCsvQuote_IsRejectedWithLine()
    {
        var text = "Type,ResultType,UserPrincipalName,AppId\r\nSigninLogs,0,a@contoso-lab.example,x\r\nSigninLogs,\"0,b@contoso-lab.example,x\r\n";

        var records = ReadText(text);

        records.Should().HaveCount(2);
        records[0].Outcome.Should().Be(LogRecordOutcome.Signal);
        records[1].Rejection!.Reason.Should().Contain("unterminated");
        records[1].Origin.Line.Should().Be(3);
    }

    [Theory]
    [InlineData("{\"\uFFFF\":1,\"time\":\"2024-05-06T07:08:09Z\",\"category\":\"SignInLogs\",\"properties\":{}}")]
    [InlineData("{\"records\":[{\"\uFFFF\":1,\"category\":\"AuditLogs\"}]}")]
    [InlineData("{\"time\":\"2024-05-06T07:08:09Z\",\"category\":\"SignInLogs\",\"properties\":{\"\uFFFF\":\"x\"}}")]
    public void Read_InvalidUtf8InPropertyName_RejectsTheRecordAndReadsTheNext(string damaged)
    {
        // U+FFFF stands for one byte that is not UTF-8 (0xFF), placed in a property name.
        var bytes = new List<byte>();
        foreach (var ch in damaged)
        {
            if (ch == '\uFFFF')
            {
                bytes.Add(0xFF);
            }
            else
            {
                bytes.Add((byte)ch);
            }
        }

        bytes.Add((byte)'\n');
        bytes.AddRange(Encoding.UTF8.GetBytes(Record + "\n"));

        foreach (var fastPath in new[] { true, false })
        {
            var records = new LogReader(new LogReaderOptions { SignInFastPath = fastPath }).Read(new MemoryStream(bytes.ToArray()), "damaged.jsonl").ToList();

            records.Should().HaveCount(2);
            records[0].Rejection!.Kind.Should().Be(RejectionKind.Malformed);
            records[0].Rejection!.Reason.Should().Contain("UTF-8");
            records[0].Origin.Line.Should().Be(1);
            records[1].Signal.Should().BeOfType<EntraSignIn>().Which.Principal!.Name.Should().Be("avery.quinn@contoso-lab.example");
            records[1].Origin.Line.Should().Be(2);
        }
    }

    [Fact]
    public void Read_MissingFile_IsReadFailure()
    {
        var record = new LogReader().Read(Path.Combine(Path.GetTempPath(), "attackmap-no-such-file.json")).Single();

        record.Rejection!.Kind.Should().Be(RejectionKind.ReadFailure);
    }
}
