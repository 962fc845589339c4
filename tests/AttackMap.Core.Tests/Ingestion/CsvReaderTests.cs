using AttackMap.Ingestion;

namespace AttackMap.Tests.Ingestion;

public sealed class CsvReaderTests
{
    [Fact]
    public void TryReadRow_QuotedMultilineCellsAndDoubledQuotes_ReadsRfc4180()
    {
        var text = "a,b,c\r\n1,\"x \"\"q\"\"\r\r\ny\",\"\"\r\n\r\n2,,\"z\n\"\n";
        var reader = new CsvReader(new StringReader(text), 1000);
        var cells = new List<string>();

        reader.TryReadRow(cells).Should().BeTrue();
        cells.Should().Equal("a", "b", "c");
        reader.TryReadRow(cells).Should().BeTrue();
        cells.Should().Equal("1", "x \"q\"\r\r\ny", string.Empty);
        reader.RowLine.Should().Be(2);
        reader.TryReadRow(cells).Should().BeTrue();
        cells.Should().Equal("2", string.Empty, "z\n");
        reader.RowLine.Should().Be(5);
        reader.TryReadRow(cells).Should().BeFalse();
    }
}
