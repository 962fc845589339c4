using System.Text;
using AttackMap.Ingestion;
using static AttackMap.Tests.Ingestion.IngestionTestHelper;

namespace AttackMap.Tests.Ingestion;

/// <summary>CSV records and rejections carry the byte offset their row starts at, in the file's bytes.</summary>
public sealed class LogReaderCsvOffsetTests
{
    private static readonly byte[] Bytes = File.ReadAllBytes(Fixture("signin-offsets.csv"));

    [Fact]
    public void Read_RowAfterMultilineJsonCellAndNonAsciiValues_RejectionCarriesFileByteOffset()
    {
        var records = new LogReader().Read(Fixture("signin-offsets.csv")).ToList();

        var rejection = records[1].Rejection!;
        var rowStart = IndexOf(Bytes, "00000000-0000-4000-8000-0000000000f1,AuditLogs,");
        rejection.Kind.Should().Be(RejectionKind.MissingField);
        rejection.Reason.Should().Contain("row of table AuditLogs");
        rejection.Origin.RecordIndex.Should().Be(1);
        rejection.Origin.ByteOffset.Should().Be(rowStart);
        rejection.Origin.Line.Should().Be(LineAt(rowStart)).And.Be(9);
        rejection.Origin.ToString().Should().EndWith($"#1 (line 9, byte {rowStart})");

        // The offset counts bytes (the BOM and the multi-byte characters before the row), not characters.
        var text = Encoding.UTF8.GetString(Bytes);
        rowStart.Should().BeGreaterThan(text.IndexOf("00000000-0000-4000-8000-0000000000f1,AuditLogs,", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SignalRows_CarryTheirRowsByteOffsets()
    {
        var records = ReadBytes(Bytes);

        records.Should().HaveCount(3);
        var first = records[0].Signal!;
        first.Principal!.Name.Should().Be("zoë.ångström@contoso-lab.example");
        first.Origin.ByteOffset.Should().Be(IndexOf(Bytes, "00000000-0000-4000-8000-0000000000f1,SigninLogs,0,")).And.Be(IndexOf(Bytes, "\r\n") + 2);
        first.Origin.Line.Should().Be(2);
        var last = records[2].Signal!;
        last.Origin.ByteOffset.Should().Be(IndexOf(Bytes, "00000000-0000-4000-8000-0000000000f1,SigninLogs,50126,"));
        last.Origin.Line.Should().Be(10);
    }

    [Fact]
    public void Read_HeadersOfNoKnownTable_RejectionAtTheHeaderRow()
    {
        var records = ReadText("\r\n\r\nComputer,EventID,Account\r\nlab-dc1,4625,LAB\\avery\r\n");

        records.Should().ContainSingle().Which.Origin.Should().Be(new AttackMap.Signals.SignalOrigin("memory", 0, 3, 4));
    }

    [Fact]
    public void Read_RowOverTheRecordLimit_IsSkippedAsTooLargeAndReadingGoesOn()
    {
        var big = "SigninLogs,0,\"" + new string('z', 3000) + "\",x\r\n";
        var text = "Type,ResultType,UserPrincipalName,AppId\r\nSigninLogs,0,a@contoso-lab.example,x\r\n" + big + "SigninLogs,0,b@contoso-lab.example,y\r\n";

        var records = ReadText(text, new LogReaderOptions { MaxRecordBytes = 2048 });

        records.Should().HaveCount(3);
        records[1].Rejection!.Kind.Should().Be(RejectionKind.TooLarge);
        records[1].Origin.ByteOffset.Should().Be(text.IndexOf(big, StringComparison.Ordinal));
        records[1].Origin.Line.Should().Be(3);
        records[2].Signal!.Principal!.Name.Should().Be("b@contoso-lab.example");
        records[2].Origin.RecordIndex.Should().Be(2);
    }

    private static long IndexOf(byte[] bytes, string value)
    {
        var needle = Encoding.UTF8.GetBytes(value);
        return bytes.AsSpan().IndexOf(needle);
    }

    private static long LineAt(long offset) => Bytes.AsSpan(0, (int)offset).Count((byte)'\n') + 1;
}
