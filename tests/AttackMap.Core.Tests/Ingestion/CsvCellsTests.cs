using System.Text;
using AttackMap.Ingestion;

namespace AttackMap.Tests.Ingestion;

public sealed class CsvCellsTests
{
    [Fact]
    public void Split_QuotedMultilineCellsAndDoubledQuotes_ReadsRfc4180()
    {
        var text = "a,b,c\r\n1,\"x \"\"q\"\"\r\r\ny\",\"\"\r\n\r\n2,,\"z\n\"\n";
        var rows = ReadRows(text);

        rows.Should().HaveCount(3);
        rows[0].Cells.Should().Equal("a", "b", "c");
        rows[1].Cells.Should().Equal("1", "x \"q\"\r\r\ny", string.Empty);
        rows[1].Line.Should().Be(2);
        rows[1].Offset.Should().Be(text.IndexOf("1,", StringComparison.Ordinal));
        rows[2].Cells.Should().Equal("2", string.Empty, "z\n");
        rows[2].Line.Should().Be(5);
        rows[2].Offset.Should().Be(text.IndexOf("2,,", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_StrayTextAfterClosingQuoteAndUtf8_KeepsBoth()
    {
        var rows = ReadRows("\"ab\"cd,\"Zoë, \"\"x\"\"\",é\"q\",");

        rows.Should().ContainSingle();
        rows[0].Cells.Should().Equal("abcd", "Zoë, \"x\"", "é\"q\"", string.Empty);
    }

    [Fact]
    public void ScanCsvRow_UnterminatedQuote_IsTruncated()
    {
        var window = new ByteWindow(new MemoryStream(Encoding.UTF8.GetBytes("a,\"b\nc")), 1024);

        window.SkipLineBreaks().Should().Be('a');
        window.ScanCsvRow(out _, out _).Should().Be(ScanResult.Truncated);
    }

    private static List<(List<string> Cells, long Line, long Offset)> ReadRows(string text)
    {
        var window = new ByteWindow(new MemoryStream(Encoding.UTF8.GetBytes(text)), 1024);
        var rows = new List<(List<string>, long, long)>();
        while (window.SkipLineBreaks() >= 0)
        {
            var (line, offset) = (window.Line, window.Offset);
            window.ScanCsvRow(out var start, out var length).Should().Be(ScanResult.Complete);
            var cells = new List<string>();
            CsvCells.Split(window.Buffer, start, length, cells);
            rows.Add((cells, line, offset));
        }

        return rows;
    }
}
